"""Chapter notebooks that read sensibly in plain Jupyter, outside the book.

A chapter is a MyST Markdown notebook whose prose is full of Sphinx roles: glued numbers
(``{glue}`name```), citations (``{cite:p}`key```), cross-references (``{numref}``,
``{ref}``, ``{eq}``) and glossary terms. JupyterLab shows them raw. :func:`plain_notebook`
turns a chapter into an ``.ipynb`` whose Markdown carries what the published page shows:
the glued values of the build, author-year citations, "Figure 1.3" and section titles,
with MyST admonitions as block quotes and labels removed. Code cells are kept as they are
and outputs are left out: the notebook is for re-running (its outputs are computed anew,
also on a reader's own data), and the published page is the rendered record.

The Sphinx side (:func:`clusternet.sphinxext` at build-finished) collects a
:class:`References` from the build environment and writes one notebook per chapter next to
the page's sources, where the theme's download menu offers it as ``.ipynb``.

Examples
--------
>>> refs = References(glue={"q": "1.18"}, citations={"uzzi2005": ("Uzzi and Spiro", "2005")})
>>> plain_markdown("Q is {glue}`q` {cite:p}`uzzi2005`.", refs)
'Q is 1.18 (Uzzi and Spiro 2005).'
"""

from __future__ import annotations

import dataclasses
import re

import jupytext
import nbformat

__all__ = ["References", "UnresolvedReference", "plain_markdown", "plain_notebook"]

ROLE = re.compile(r"\{(?P<role>[a-z][a-z:-]*)\}`(?P<body>[^`]*)`")
EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[a-z-]+)\}\s*(?P<argument>.*)$")
LABEL_LINE = re.compile(r"^\([A-Za-z0-9_.:-]+\)=\s*$")
MATH_LABEL = re.compile(r"^(?P<math>.*\$\$)\s*\([A-Za-z0-9_.:-]+\)\s*$")
ADMONITIONS = {"note", "tip", "important", "warning", "caution", "attention", "seealso", "hint"}


class UnresolvedReference(KeyError):
    """A role in a chapter's prose names something the build does not know."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0])


@dataclasses.dataclass
class References:
    """What the roles of one chapter resolve to, taken from the book build.

    Parameters
    ----------
    glue : dict of str to str
        Glued name -> the text the page shows.
    citations : dict of str to (str, str)
        Bib key -> (authors as cited, year), e.g. ``("Uzzi and Spiro", "2005")``.
    numbers : dict of str to str
        Figure, table or equation label -> its number as the page shows it
        (``"Figure 1.3"``, ``"Table 2.1"``, ``"(2.2)"``).
    titles : dict of str to str
        Section or page label -> its title.
    """

    glue: dict[str, str] = dataclasses.field(default_factory=dict)
    citations: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    numbers: dict[str, str] = dataclasses.field(default_factory=dict)
    titles: dict[str, str] = dataclasses.field(default_factory=dict)

    def _lookup(self, table: dict, key: str, what: str):
        if key not in table:
            raise UnresolvedReference(f"{what} {key!r} is not known to the build")
        return table[key]

    def resolve(self, role: str, body: str) -> str:
        """Return the plain text for one role (``role`` without braces, ``body`` as written).

        Raises
        ------
        UnresolvedReference
            If the role names a glued value, citation or label the build does not know.
        """
        explicit = EXPLICIT.match(body)
        text, target = (explicit["text"], explicit["target"]) if explicit else ("", body)
        if role in {"glue", "glue:text", "glue:md", "glue:any"}:
            return self._lookup(self.glue, body.split(":", 1)[0].strip(), "glued value")
        if role in {"cite:p", "cite:t", "cite", "cite:ps", "cite:ts"}:
            found = [self._lookup(self.citations, k.strip(), "citation") for k in body.split(",")]
            if role.startswith("cite:t"):
                return "; ".join(f"{who} ({year})" for who, year in found)
            return "(" + "; ".join(f"{who} {year}" for who, year in found) + ")"
        if role == "numref":
            number = self._lookup(self.numbers, target, "numbered label")
            if text:
                return text.replace("%s", number.split(" ", 1)[-1]).replace("{number}", number)
            return number
        if role == "eq":
            return self._lookup(self.numbers, target, "equation label")
        if role in {"ref", "doc"}:
            return text or self._lookup(self.titles, target, "label")
        if role == "term":
            return text or target
        return text or body


def plain_markdown(text: str, references: References) -> str:
    """Replace the Sphinx roles, labels and MyST fences of Markdown ``text`` by plain text.

    Parameters
    ----------
    text : str
        The Markdown of one notebook cell.
    references : References
        What the roles resolve to.

    Returns
    -------
    str
        Markdown that JupyterLab renders as the published page reads.

    Raises
    ------
    UnresolvedReference
        If a role names something ``references`` does not hold.
    """
    text = ROLE.sub(lambda m: references.resolve(m["role"], m["body"]), text)
    lines: list[str] = []
    open_fences: list[tuple[str, str, bool]] = []  # (fence, directive, quoted)
    for line in text.split("\n"):
        if LABEL_LINE.match(line) or line.startswith("% "):
            continue
        math = MATH_LABEL.match(line)
        if math:
            line = math["math"]
        fence = FENCE.match(line)
        if fence:
            name, argument = fence["name"], fence["argument"].strip()
            quoted = name == "admonition" or name in ADMONITIONS
            open_fences.append((fence["fence"], name, quoted))
            if quoted:
                title = argument or name.capitalize()
                lines.append(f"> **{title}**")
                lines.append(">")
            elif name == "math":
                lines.append("$$")
            continue
        if open_fences and line.strip() == open_fences[-1][0]:
            _, name, _ = open_fences.pop()
            lines.append("$$" if name == "math" else "")
            continue
        if open_fences and re.match(r"^:[a-z-]+:", line):
            continue  # a directive option such as :class: or :name:
        quoted = any(q for _, _, q in open_fences)
        lines.append(("> " + line).rstrip() if quoted else line)
    return "\n".join(lines).strip("\n")


def plain_notebook(myst_text: str, references: References, *, header: str) -> dict:
    """Return the chapter as a notebook for plain Jupyter, without outputs.

    Parameters
    ----------
    myst_text : str
        The chapter's MyST Markdown source (with its jupytext header).
    references : References
        What the roles of the chapter resolve to.
    header : str
        Markdown placed in a first cell: where the notebook comes from and how to run it.

    Returns
    -------
    nbformat.NotebookNode
        A version-4 notebook with the Python 3 kernel.

    Raises
    ------
    UnresolvedReference
        If a role names something ``references`` does not hold.
    """
    notebook = jupytext.reads(myst_text, fmt="myst")
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = plain_markdown(cell.source, references)
        elif cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    notebook.cells.insert(0, nbformat.v4.new_markdown_cell(header))
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index}"
    nbformat.validate(notebook)
    return notebook
