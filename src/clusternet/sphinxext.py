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
import re
from html import escape
from pathlib import Path

import pybtex.plugin
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from clusternet._version import __version__
from clusternet.bibstyle import VerifiedStyle, author_year_label
from clusternet.book import downloads, pages
from clusternet.book.downloads import build_info  # noqa: F401 (public here since 0.1)
from clusternet.data import list_datasets
from clusternet.glue import GLUE_METADATA_KEY, KINDS, format_number

FIELDS = [
    "name",
    "value",
    "text",
    "unit",
    "kind",
    "estimate",
    "ci_lower",
    "ci_upper",
    "ci_level",
    "source",
    "vintage",
    "caveat",
    "chapter",
    "page",
    "description",
    "headline",
    "report_version",
    "build_date",
    "commit",
]
#: Kinds a glued number may have (clusternet.glue.KINDS), checked again at build time.
ANCHOR_PREFIX = "kn-"
_GLUE_ROLE = re.compile(r"\{glue(?::text|:any)?\}`(?:[^`:]*::)?([a-z][a-z0-9_]*)(?::[^`]*)?`")


class ProvenanceError(ValueError):
    """A glued number without kind and source, with an unknown source, or an estimate
    without its interval."""


class key_numbers_placeholder(nodes.General, nodes.Element):
    """Replaced by the key-numbers table once every chapter has been executed."""


class KeyNumbersTable(SphinxDirective):
    """``{key-numbers-table}``: a table of every headline number in the book."""

    has_content = False

    def run(self):
        return [key_numbers_placeholder()]


def anchor_id(name: str) -> str:
    """The stable HTML id of the paragraph that first quotes glued number ``name``."""
    return nodes.make_id(ANCHOR_PREFIX + name)


def glue_lines(text: str) -> dict[str, int]:
    """Glue name -> 1-based line of its first ``{glue}`` role in a chapter's source.

    Examples
    --------
    >>> glue_lines("a\\nThe effect is {glue}`porter_effect` a year.")
    {'porter_effect': 2}
    """
    first: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _GLUE_ROLE.finditer(line):
            first.setdefault(match.group(1), number)
    return first


def _source_read(app, docname, source):
    if not hasattr(app.env, "clusternet_glue_lines"):
        app.env.clusternet_glue_lines = {}
    app.env.clusternet_glue_lines[docname] = glue_lines(source[0])


_BLOCKS = (nodes.paragraph, nodes.caption, nodes.title, nodes.term, nodes.line)


def _mark_anchors(app, doctree):
    """Give the paragraph of each number's first mention a stable id (``kn-<name>``)."""
    docname = app.env.docname
    wanted = getattr(app.env, "clusternet_glue_lines", {}).get(docname, {})
    if not wanted:
        return
    blocks = sorted(
        (node for node in doctree.findall(lambda n: isinstance(n, _BLOCKS)) if node.line),
        key=lambda node: node.line,
    )
    anchors = {}
    for name, line in wanted.items():
        candidates = [node for node in blocks if node.line <= line]
        if not candidates:
            continue
        block = candidates[-1]
        ident = anchor_id(name)
        if ident not in block["ids"]:
            block["ids"].append(ident)
        anchors[name] = ident
    if not hasattr(app.env, "clusternet_anchors"):
        app.env.clusternet_anchors = {}
    app.env.clusternet_anchors[docname] = anchors


def _merge_env(app, env, docnames, other):
    for attribute in ("clusternet_glue_lines", "clusternet_anchors"):
        if not hasattr(env, attribute):
            setattr(env, attribute, {})
        mine = getattr(env, attribute)
        for docname in docnames:
            if docname in getattr(other, attribute, {}):
                mine[docname] = getattr(other, attribute)[docname]


def _purge_env(app, env, docname):
    for attribute in ("clusternet_glue_lines", "clusternet_anchors"):
        getattr(env, attribute, {}).pop(docname, None)


def _optional_float(value):
    return "" if value is None else repr(float(value))


def collect_key_numbers(
    outdir: Path, docnames, titles, *, headline_only: bool = True, anchors=None
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
        supporting numbers.
    anchors : dict, optional
        docname -> {name: html id} of the paragraph quoting each number; the ``page`` field
        then links to it.

    Returns
    -------
    list of dict
        One row per number with the fields of :data:`FIELDS` (except the build fields);
        interval bounds glued for the prose are not rows of their own unless
        ``headline_only`` is False (they carry ``interval_of``).

    Raises
    ------
    ValueError
        A name glued by two documents.
    """
    execute_dir = Path(outdir).parent / "jupyter_execute"
    anchors = anchors or {}
    rows, seen = [], {}
    for docname in docnames:
        path = execute_dir / f"{docname}.glue.json"  # written by myst-nb for every glued notebook
        if not path.is_file():
            continue
        glued = json.loads(path.read_text(encoding="utf-8"))
        for output in glued.values():
            meta = output.get("metadata", {}).get(GLUE_METADATA_KEY)
            if not meta:
                continue
            if headline_only and (not meta.get("headline", True) or meta.get("interval_of")):
                continue
            if meta["name"] in seen:
                raise ValueError(
                    f"key number {meta['name']!r} is glued in both {seen[meta['name']]} and {docname}"
                )
            seen[meta["name"]] = docname
            anchor = anchors.get(docname, {}).get(meta["name"], "")
            rows.append(
                {
                    "name": meta["name"],
                    "value": repr(float(meta["value"])),
                    "text": meta["text"],
                    "unit": meta["unit"],
                    "kind": meta.get("kind", ""),
                    "estimate": "yes" if meta.get("estimate") else "no",
                    "ci_lower": _optional_float(meta.get("ci_lower")),
                    "ci_upper": _optional_float(meta.get("ci_upper")),
                    "ci_level": _optional_float(meta.get("ci_level")),
                    "source": meta.get("source", ""),
                    "vintage": meta.get("vintage", ""),
                    "caveat": meta.get("caveat", ""),
                    "chapter": titles.get(docname, docname),
                    "page": f"{docname}.html" + (f"#{anchor}" if anchor else ""),
                    "description": meta["description"],
                    "headline": "yes" if meta.get("headline", True) else "no",
                    "interval_of": meta.get("interval_of", ""),
                    "digits": meta.get("digits", 2),
                    "percent": bool(meta.get("percent", False)),
                }
            )
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


def known_sources(app) -> set[str]:
    """Bibliography keys of the book's ``.bib`` files and the catalogued data-set names."""
    keys: set[str] = {"clusternet"}
    for bibfile in app.config.bibtex_bibfiles or []:
        text = (Path(app.srcdir) / bibfile).read_text(encoding="utf-8")
        keys |= set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.MULTILINE))
    return keys | set(list_datasets())


def check_provenance(rows: list[dict], sources: set[str]) -> list[str]:
    """Problems of provenance in ``rows`` (all glued numbers), one line each.

    A number needs a kind of :data:`clusternet.glue.KINDS` and at least one known source;
    real data need a vintage; an estimate needs its interval.
    """
    problems = []
    for row in rows:
        name = row["name"]
        if row["kind"] not in KINDS:
            problems.append(f"{name}: no kind (one of {', '.join(KINDS)})")
        listed = [s.strip() for s in row["source"].split(";") if s.strip()]
        if not listed:
            problems.append(f"{name}: no source")
        unknown = [s for s in listed if s not in sources]
        if unknown:
            problems.append(f"{name}: unknown source(s) {unknown} (not a bib key or data set)")
        if row["kind"] == "real data" and not row["vintage"]:
            problems.append(f"{name}: real data without a vintage")
        if row["estimate"] == "yes" and not (row["ci_lower"] and row["ci_upper"]):
            problems.append(f"{name}: an estimate glued without its interval")
    return problems


def _all_rows(app):
    titles = {d: t.astext() for d, t in app.env.titles.items()}
    return collect_key_numbers(
        Path(app.outdir),
        _ordered_docnames(app),
        titles,
        headline_only=False,
        anchors=getattr(app.env, "clusternet_anchors", {}),
    )


def _rows(app):
    return [row for row in _all_rows(app) if row["headline"] == "yes" and not row["interval_of"]]


def _interval_text(row) -> str:
    if not row["ci_lower"]:
        return ""
    lower = format_number(float(row["ci_lower"]), digits=int(row["digits"]), percent=row["percent"])
    upper = format_number(float(row["ci_upper"]), digits=int(row["digits"]), percent=row["percent"])
    level = round(float(row["ci_level"]) * 100)
    return f"{level}% CI {lower} to {upper}"


def _bibliography(app) -> dict:
    """Key -> pybtex entry of the book's ``bibtex_bibfiles``, read once per build."""
    cached = getattr(app.env, "_clusternet_bibliography", None)
    if cached is None:
        from pybtex.database import parse_file

        cached = {}
        for name in app.config.bibtex_bibfiles:
            cached.update(parse_file(str(Path(app.srcdir) / name)).entries)
        app.env._clusternet_bibliography = cached
    return cached


def _source_html(app, docname, source: str) -> str:
    """A row's ``source`` for readers: bibliography keys as author-year links to the
    references, catalogued data sets as names linked to the data appendix."""
    bibliography = _bibliography(app)
    parts = []
    for token in (t.strip() for t in source.split(";")):
        if not token:
            continue
        if token in bibliography:
            uri = app.builder.get_relative_uri(docname, "chapters/references")
            label = author_year_label(bibliography[token])
            parts.append(f'<a href="{escape(uri)}" title="{escape(token)}">{escape(label)}</a>')
        else:
            uri = app.builder.get_relative_uri(docname, "chapters/data")
            parts.append(f'<a href="{escape(uri)}"><code>{_breakable(token)}</code></a>')
    return "; ".join(parts)


def _interval_html(interval: str) -> str:
    """``95% CI a to b`` that may wrap between its words but never inside a number."""
    return " ".join(f'<span class="nowrap">{escape(word)}</span>' for word in interval.split())


def _breakable(identifier: str) -> str:
    """An identifier that a narrow column may break after its underscores only."""
    return escape(identifier).replace("_", "_<wbr>")


def _table_html(app, docname, rows) -> str:
    chapters = list(dict.fromkeys(row["chapter"] for row in rows))
    kinds = [kind for kind in KINDS if any(row["kind"] == kind for row in rows)]
    options = lambda values: "".join(  # noqa: E731
        f'<option value="{escape(v)}">{escape(v)}</option>' for v in values
    )
    out = [
        '<form class="key-numbers-filter" role="search" aria-label="Filter the key numbers">',
        '<label>Chapter <select data-filter="chapter"><option value="">All chapters</option>'
        f"{options(chapters)}</select></label>",
        '<label>Kind <select data-filter="kind"><option value="">All kinds</option>'
        f"{options(kinds)}</select></label>",
        '<output class="key-numbers-count" aria-live="polite"></output>',
        "</form>",
        '<div class="table-wrapper"><table class="table key-numbers">',
        "<caption>Key numbers of this version, with what each is, where it comes from and "
        "where the report discusses it.</caption>",
        "<thead><tr>"
        '<th scope="col">Value</th><th scope="col">What it is</th>'
        '<th scope="col">Kind and source</th><th scope="col">Chapter</th>'
        "</tr></thead><tbody>",
    ]
    for row in rows:
        unit = "" if row["unit"] in ("", "%") else f" {escape(row['unit'])}"
        interval = _interval_text(row)
        uri = app.builder.get_relative_uri(docname, row["page"].split(".html")[0])
        anchor = row["page"].split("#", 1)[1] if "#" in row["page"] else ""
        link = uri + (f"#{anchor}" if anchor else "")
        caveat = (
            f'<span class="key-number-caveat">Caveat: {escape(row["caveat"])}</span>'
            if row["caveat"]
            else ""
        )
        out.append(
            f'<tr id="{anchor_id(row["name"])}" data-chapter="{escape(row["chapter"])}" '
            f'data-kind="{escape(row["kind"])}">'
            f'<td class="key-number-value"><strong>{escape(row["text"])}</strong>{unit}'
            + (
                f'<br><span class="key-number-ci">{_interval_html(interval)}</span>'
                if interval
                else ""
            )
            + "</td>"
            f"<td>{escape(row['description'])}<br><code>{_breakable(row['name'])}</code>{caveat}</td>"
            f'<td><span class="key-number-kind">{escape(row["kind"])}</span><br>'
            f"{_source_html(app, docname, row['source'])}"
            + (f" ({escape(row['vintage'])})" if row["vintage"] else "")
            + "</td>"
            f'<td><a href="{escape(link)}">{escape(row["chapter"])}</a></td></tr>'
        )
    out.append("</tbody></table></div>")
    return "".join(out)


def _fill_tables(app, doctree, docname):
    placeholders = list(doctree.findall(key_numbers_placeholder))
    if not placeholders:
        return
    html = _table_html(app, docname, _rows(app))
    for placeholder in placeholders:
        placeholder.replace_self(nodes.raw("", html, format="html"))


PERCENT_UNIT = "% (value holds the fraction; text shows per cent)"


def _for_file(rows: list[dict], info: dict) -> list[dict]:
    """Rows as written to key-numbers.csv/json: say plainly that a percentage's value is a
    fraction, and stamp each row with the build it belongs to."""
    out = []
    for row in rows:
        row = {field: row.get(field, "") for field in FIELDS} | info
        if row["unit"] == "%":
            row["unit"] = PERCENT_UNIT
        out.append(row)
    return out


def _json_row(row: dict) -> dict:
    out = dict(row)
    for field in ("value", "ci_lower", "ci_upper", "ci_level"):
        out[field] = float(row[field]) if row[field] != "" else None
    out["estimate"] = row["estimate"] == "yes"
    out["headline"] = row["headline"] == "yes"
    return out


def _check_all(app, exception):
    """Fail the build on a glued number without provenance (``clusternet_require_provenance``)."""
    if exception is not None or app.builder.format != "html":
        return
    if not app.config.clusternet_require_provenance:
        return
    problems = check_provenance(_all_rows(app), known_sources(app))
    if problems:
        shown = "\n  ".join(problems[:40])
        more = f"\n  ... and {len(problems) - 40} more" if len(problems) > 40 else ""
        raise ProvenanceError(f"{len(problems)} glued number(s) lack provenance:\n  {shown}{more}")


def _write_files(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    _check_all(app, exception)
    rows = [row for row in _all_rows(app) if not row["interval_of"]]
    info = downloads.site_build_info(app)
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    file_rows = _for_file(rows, info)
    # UTF-8 with a byte-order mark: spreadsheets then read the minus sign (U+2212) and
    # accents correctly; "value" and the interval columns hold plain ASCII numbers.
    with open(static / "key-numbers.csv", "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(file_rows)
    payload = {
        "report": "Innovation in Clustered Networks",
        "version": info["report_version"],
        "build_date": info["build_date"],
        "commit": info["commit"],
        "numbers": [_json_row(row) for row in file_rows],
    }
    (static / "key-numbers.json").write_text(
        json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    downloads.write_notebooks(app, downloads.placeholders(info), info, _ordered_docnames(app))
    downloads.write_source_archive(Path(app.srcdir), Path(app.outdir), info)


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


def _footer_links(app, pagename, templatename, context, doctree):
    """Fill in the footer's version, build date and commit, and resolve its
    ``how-to-cite.html`` against each page's own folder.

    ``_config.yml`` writes the link relative to the chapters; from the pages Sphinx makes at
    the site root (search, general index, module index) it pointed at a missing file.
    """
    footer = context.get("theme_extra_footer")
    if footer:
        info = downloads.site_build_info(app)
        footer = (
            footer.replace("@VERSION@", info["report_version"])
            .replace("@DATE@", info["build_date"])
            .replace("@COMMIT@", downloads.short_commit(info["commit"]))
        )
        context["theme_extra_footer"] = footer
    if footer and 'href="how-to-cite.html"' in footer:
        target = context["pathto"]("chapters/how-to-cite")
        context["theme_extra_footer"] = footer.replace(
            'href="how-to-cite.html"', f'href="{target}"'
        )


def _register_bibliography_style():
    """Make the author-year, verification-showing style available as ``clusternet``."""
    pybtex.plugin.register_plugin(
        "pybtex.style.formatting", "clusternet", VerifiedStyle, force=True
    )


def setup(app):
    _register_bibliography_style()
    app.setup_extension("clusternet.sphinx_figures")  # every figure's downloads and citation
    app.setup_extension("clusternet.sphinx_numref")  # numref targets read once per build
    app.connect("html-page-context", _drop_unused_thebe)
    app.connect("html-page-context", _footer_links)
    app.connect("html-page-context", downloads.offer_notebook, priority=500)  # theme: 501
    app.connect("html-page-context", downloads.fill_placeholders, priority=400)  # before <wbr>s
    pages.setup(app)
    app.add_node(key_numbers_placeholder)
    app.add_directive("key-numbers-table", KeyNumbersTable)
    app.add_config_value("clusternet_require_provenance", True, "env")
    app.connect("source-read", _source_read)
    app.connect("doctree-read", _mark_anchors)
    app.connect("env-merge-info", _merge_env)
    app.connect("env-purge-doc", _purge_env)
    app.connect("doctree-resolved", _fill_tables)
    app.connect("build-finished", _write_files)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
