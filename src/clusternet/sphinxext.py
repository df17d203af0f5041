"""Sphinx extension: collect the book's glued key numbers.

After the chapters have been executed, every number published with
:func:`clusternet.glue.glue_number` is read back from the executed notebooks in
``_build/jupyter_execute`` and written to ``_static/key-numbers.csv`` (and ``.json``) in
the built site. The directive ``{key-numbers-table}`` renders the same list as a table,
so the key-numbers page and the downloadable file can never disagree.

Enabled in ``_config.yml`` under ``sphinx: extra_extensions``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from clusternet._version import __version__
from clusternet.glue import GLUE_METADATA_KEY

FIELDS = ["name", "value", "text", "unit", "chapter", "page", "description"]


class key_numbers_placeholder(nodes.General, nodes.Element):
    """Replaced by the key-numbers table once every chapter has been executed."""


class KeyNumbersTable(SphinxDirective):
    """``{key-numbers-table}``: a table of every headline number in the book."""

    has_content = False

    def run(self):
        return [key_numbers_placeholder()]


def collect_key_numbers(
    outdir: Path, docnames, titles, *, headline_only: bool = True
) -> list[dict]:
    """Read glued key numbers from the executed notebooks of ``docnames``.

    Parameters
    ----------
    outdir : Path
        The builder's output folder (``_build/html``); notebooks are read from
        ``../jupyter_execute``.
    docnames : iterable of str
        Documents in toc order.
    titles : dict
        docname -> title text.
    headline_only : bool
        Only numbers glued as headlines (the key-numbers list); False also returns the
        supporting numbers, each with a ``headline`` field.
    """
    execute_dir = Path(outdir).parent / "jupyter_execute"
    rows, seen = [], {}
    for docname in docnames:
        path = execute_dir / f"{docname}.glue.json"  # written by myst-nb for every glued notebook
        if not path.is_file():
            continue
        glued = json.loads(path.read_text(encoding="utf-8"))
        for output in glued.values():
            meta = output.get("metadata", {}).get(GLUE_METADATA_KEY)
            if not meta or (headline_only and not meta.get("headline", True)):
                continue
            if meta["name"] in seen:
                raise ValueError(
                    f"key number {meta['name']!r} is glued in both {seen[meta['name']]} and {docname}"
                )
            seen[meta["name"]] = docname
            rows.append(
                {
                    "name": meta["name"],
                    "value": repr(float(meta["value"])),
                    "text": meta["text"],
                    "unit": meta["unit"],
                    "chapter": titles.get(docname, docname),
                    "page": f"{docname}.html",
                    "description": meta["description"],
                }
            )
            if not headline_only:
                rows[-1]["headline"] = bool(meta.get("headline", True))
    return rows


def _ordered_docnames(app):
    env = app.env
    order = []
    try:
        order = [d for d in env.toctree_includes.get(env.config.root_doc, [])]
        # flatten: include nested toctrees in reading order
        stack, order = list(order), []
        while stack:
            doc = stack.pop(0)
            order.append(doc)
            stack[0:0] = env.toctree_includes.get(doc, [])
    except Exception:  # pragma: no cover - fall back to alphabetical order
        order = []
    rest = sorted(set(env.found_docs) - set(order))
    return order + rest


def _rows(app):
    titles = {d: t.astext() for d, t in app.env.titles.items()}
    return collect_key_numbers(Path(app.outdir), _ordered_docnames(app), titles)


def _fill_tables(app, doctree, docname):
    placeholders = list(doctree.findall(key_numbers_placeholder))
    if not placeholders:
        return
    rows = _rows(app)
    for placeholder in placeholders:
        table = nodes.table(classes=["key-numbers"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (16, 60, 24):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        header = nodes.row()
        for label in ("Value", "What it is (key number name)", "Chapter"):
            header += nodes.entry("", nodes.paragraph(text=label))
        head += header
        body = nodes.tbody()
        group += body
        for row in rows:
            line = nodes.row()
            unit = "" if row["unit"] in ("", "%") else f" {row['unit']}"
            line += nodes.entry(
                "", nodes.paragraph("", "", nodes.strong(text=row["text"]), nodes.Text(unit))
            )
            line += nodes.entry(
                "",
                nodes.paragraph(text=row["description"]),
                nodes.paragraph("", "", nodes.literal(text=row["name"])),
            )
            uri = app.builder.get_relative_uri(docname, row["page"][: -len(".html")])
            line += nodes.entry(
                "", nodes.paragraph("", "", nodes.reference("", row["chapter"], refuri=uri))
            )
            body += line
        placeholder.replace_self(table)


PERCENT_UNIT = "% (value holds the fraction; text shows per cent)"


def _for_file(rows: list[dict]) -> list[dict]:
    """Rows as written to key-numbers.csv/json: say plainly that a percentage's value is a fraction."""
    return [dict(row, unit=PERCENT_UNIT) if row["unit"] == "%" else row for row in rows]


def _write_files(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    rows = _rows(app)
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    with open(static / "key-numbers.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_for_file(rows))
    payload = {
        "report": "Innovation in Clustered Networks",
        "version": __version__,
        "numbers": rows,
    }
    (static / "key-numbers.json").write_text(
        json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8"
    )


def _drop_unused_thebe(app, pagename, templatename, context, doctree):
    """Remove sphinx-thebe's scripts: the book has no live kernels (launch_buttons.thebe is
    false), and sphinx-thebe 0.3.1 adds its configuration script twice under Jupyter Book,
    which raises "Identifier 'THEBE_JS_URL' has already been declared" in every page."""
    scripts = context.get("script_files")
    if not scripts:
        return

    def is_thebe(script) -> bool:
        filename = str(getattr(script, "filename", script) or "")
        body = getattr(script, "attributes", {}).get("body", "") or ""
        return "thebe" in filename or "THEBE_JS_URL" in body

    context["script_files"] = [script for script in scripts if not is_thebe(script)]


def setup(app):
    app.connect("html-page-context", _drop_unused_thebe)
    app.add_node(key_numbers_placeholder)
    app.add_directive("key-numbers-table", KeyNumbersTable)
    app.connect("doctree-resolved", _fill_tables)
    app.connect("build-finished", _write_files)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
