"""Sphinx extension: every figure's downloads and a "Cite this figure" line under it.

Each figure of the book is shown by a code cell; in the chapter's kernel,
:func:`clusternet.plotting.export.register_figure_formatter` attached to it the MIME type
:data:`~clusternet.plotting.export.FIGURE_MIME` (SVG, print PNG, plotted values as CSV).
When Sphinx resolves a page for HTML, this module reads those bundles back from the
execution cache, writes for each numbered figure

- ``figure-<chapter>-<n>-<name>.png`` (300 dpi, with title, licence and version as PNG text),
- ``figure-<chapter>-<n>-<name>.svg`` (with ``<title>``, ``<desc>`` and Dublin Core
  ``<metadata>``: caption, report, version, date, source page, licence),
- ``figure-<chapter>-<n>-<name>.csv`` (UTF-8 with a byte-order mark, for spreadsheets),

to ``_downloads/figures/`` and adds the links, the file sizes and a citation after the
figure. A figure without its bundle is a build warning (an error in the strict build).

Registered by :mod:`clusternet.sphinxext`.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zlib
from base64 import b64decode
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from clusternet._version import __version__
from clusternet.book.downloads import site_build_info
from clusternet.plotting import FULL_WIDTH
from clusternet.plotting.export import FIGURE_MIME

__all__ = ["REPORT", "LICENCE", "file_stem", "first_sentence", "svg_with_metadata", "png_with_text"]

logger = logging.getLogger(__name__)

REPORT = "Innovation in Clustered Networks"
LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
DOWNLOADS = Path("_downloads") / "figures"
#: smallest text height readers get on a phone, in CSS pixels
MIN_TEXT_PX = 9


def phone_width(bundle: dict) -> int:
    """CSS width at which a figure wider than the text column shows its text 9 px tall.

    A figure drawn wider than :data:`~clusternet.plotting.FULL_WIDTH` (plus an inch, e.g. the
    state by cluster heatmap) is too dense to shrink to a phone's column; it keeps at least
    this width there and scrolls sideways (``figure-downloads.js``). 0 for other figures.

    Examples
    --------
    >>> phone_width({"width_in": 8.2, "min_font_pt": 10.0})
    532
    >>> phone_width({"width_in": 6.1, "min_font_pt": 12.0})
    0
    """
    width, font = bundle.get("width_in"), bundle.get("min_font_pt")
    if not width or not font or width <= FULL_WIDTH + 1:
        return 0
    return int(-(-MIN_TEXT_PX * 72 * width // font))


def file_stem(number: str, name: str) -> str:
    """Readable file name (without extension) of figure ``number`` labelled ``name``.

    Examples
    --------
    >>> file_stem("1.3", "fig-porter-heatmap")
    'figure-1-3-porter-heatmap'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().removeprefix("fig-")).strip("-")
    return f"figure-{number.replace('.', '-')}-{slug}"


def first_sentence(text: str) -> str:
    """The first sentence of a caption (its title).

    Examples
    --------
    >>> first_sentence("Specialisation of the 50 US states, 2021. Orange: above.")
    'Specialisation of the 50 US states, 2021.'
    """
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s+[A-Z(]|$)", text)
    return match.group(1) if match else text


def _x(text: str) -> str:
    return escape(text, quote=True)


def svg_with_metadata(svg: str, info: dict) -> str:
    """``svg`` with ``<title>``, ``<desc>`` and a Dublin Core ``<metadata>`` block.

    Parameters
    ----------
    svg : str
        An SVG document from matplotlib.
    info : dict
        ``title``, ``description``, ``creator``, ``date``, ``rights``, ``source``,
        ``identifier`` (all str).

    Returns
    -------
    str

    Raises
    ------
    ValueError
        ``svg`` has no ``<svg>`` element.

    Examples
    --------
    >>> info = dict.fromkeys(["title", "description", "creator", "date", "rights", "source",
    ...                       "identifier"], "x")
    >>> "<title>x</title>" in svg_with_metadata('<svg a="1"><metadata>m</metadata></svg>', info)
    True
    """
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.DOTALL)
    match = re.search(r"<svg\b[^>]*>", svg)
    if match is None:
        raise ValueError("not an SVG document: no <svg> element")
    terms = "".join(
        f"<dc:{term}>{_x(info[key])}</dc:{term}>"
        for term, key in [
            ("title", "title"),
            ("description", "description"),
            ("creator", "creator"),
            ("date", "date"),
            ("rights", "rights"),
            ("source", "source"),
            ("identifier", "identifier"),
        ]
    )
    block = (
        f"\n <title>{_x(info['title'])}</title>\n <desc>{_x(info['description'])}</desc>\n"
        ' <metadata><rdf:RDF xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="">{terms}'
        "<dc:format>image/svg+xml</dc:format><dc:language>en</dc:language>"
        "</rdf:Description></rdf:RDF></metadata>"
    )
    return svg[: match.end()] + block + svg[match.end() :]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_text(png: bytes, text: dict[str, str]) -> bytes:
    """``png`` with UTF-8 text chunks (``iTXt``: Title, Author, Copyright, ...) after its header.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> buffer = io.BytesIO()
    >>> plt.figure(figsize=(1, 1)).savefig(buffer, format="png"); plt.close("all")
    >>> from PIL import Image
    >>> Image.open(io.BytesIO(png_with_text(buffer.getvalue(), {"Title": "Q"}))).text["Title"]
    'Q'
    """
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    header_end = 8 + 4 + 4 + 13 + 4  # signature, then the IHDR chunk
    chunks = b"".join(
        _chunk(b"iTXt", key.encode("latin-1") + b"\0\0\0\0\0" + value.encode("utf-8"))
        for key, value in text.items()
    )
    return png[:header_end] + chunks + png[header_end:]


def _csv_for_spreadsheets(text: str) -> bytes:
    """CSV as Excel opens it cleanly: UTF-8 with a byte-order mark, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(csv.reader(io.StringIO(text)))
    return out.getvalue().encode("utf-8-sig")


def _bundles(app, docname: str) -> dict[str, dict]:
    """Figure name -> its download bundle, from the executed notebook of ``docname``.

    MyST-NB writes ``_build/jupyter_execute/<doc>.ipynb`` without outputs when it takes them
    from the execution cache, so the outputs are read from the cache
    (``_build/.jupyter_cache``, filled by ``clusternet.book.execute`` or MyST-NB itself).
    """
    from jupyter_cache import get_cache
    from myst_nb.core.read import read_myst_markdown_notebook

    source = Path(app.env.doc2path(docname))
    cache_dir = Path(app.outdir).parent / ".jupyter_cache"
    if source.suffix != ".md" or not cache_dir.is_dir():
        return {}
    text = source.read_text(encoding="utf-8")
    if "{code-cell}" not in text:
        return {}
    cache = get_cache(str(cache_dir))
    try:
        record = cache.match_cache_notebook(
            read_myst_markdown_notebook(text, add_source_map=True, path=source)
        )
    except KeyError:
        return {}
    found = {}
    for cell in cache.get_cache_bundle(record.pk).nb.cells:
        figure = cell.get("metadata", {}).get("mystnb", {}).get("figure", {})
        if not figure.get("name"):
            continue
        for output in cell.get("outputs", []):
            if FIGURE_MIME in output.get("data", {}):
                found[figure["name"]] = output["data"][FIGURE_MIME]
    return found


def _size(n_bytes: int) -> str:
    return f"{n_bytes / 1024:,.0f} KB" if n_bytes < 1024**2 else f"{n_bytes / 1024**2:.1f} MB"


def _page_url(app, docname: str, anchor: str) -> str:
    base = (app.config.html_baseurl or "").rstrip("/")
    page = app.builder.get_target_uri(docname) + f"#{anchor}"
    return f"{base}/{page}" if base else page


def _write(app, docname: str, name: str, number: str, caption: str, bundle: dict) -> dict:
    """Write the three files of one figure; return their names and sizes."""
    folder = Path(app.outdir) / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(number, name)
    edition = site_build_info(app)  # the same version and date as the footer and key numbers
    date, version = edition["build_date"], edition["report_version"]
    url = _page_url(app, docname, name)
    title = f"Figure {number}. {first_sentence(caption)}"
    rights = f"Text and figure: {LICENCE}. Data: see the data appendix (chapters/data.html)."
    info = {
        "title": title,
        "description": caption,
        "creator": f"The {REPORT} authors",
        "date": date,
        "rights": rights,
        "source": f"{REPORT}, version {version}, {url}",
        "identifier": f"{REPORT}, version {version}, Figure {number}",
    }
    files = {
        "png": png_with_text(
            b64decode(bundle["png"]),
            {
                "Title": title,
                "Description": caption,
                "Author": info["creator"],
                "Copyright": rights,
                "Source": info["source"],
                "Creation Time": date,
            },
        ),
        "svg": svg_with_metadata(bundle["svg"], info).encode("utf-8"),
        "csv": _csv_for_spreadsheets(bundle["csv"]),
    }
    written = {}
    for extension, content in files.items():
        target = folder / f"{stem}.{extension}"
        target.write_bytes(content)
        written[extension] = (target.name, len(content))
    return written


def _html(app, docname: str, name: str, number: str, written: dict, bundle: dict) -> str:
    prefix = "../" * docname.count("/") + DOWNLOADS.as_posix() + "/"
    edition = site_build_info(app)
    data_page = app.builder.get_relative_uri(docname, "chapters/data")
    labels = {
        "png": f"PNG, {bundle.get('png_dpi', 300)} dpi",
        "svg": "SVG",
        "csv": f"data, CSV, {bundle.get('rows', 0):,} rows",
    }
    links = " · ".join(
        f'<a href="{prefix}{file}" download="{file}" '
        f'aria-label="Figure {number} as {labels[ext]} ({_size(size)})">'
        f"{labels[ext]}</a> ({_size(size)})"
        for ext, (file, size) in written.items()
    )
    url = _page_url(app, docname, name)
    here = url if "://" in url else url.rsplit("/", 1)[-1]  # relative to the page itself
    font = bundle.get("min_font_pt")
    return (
        f'<div class="figure-downloads" data-figure="{_x(name)}" '
        f'data-min-font-pt="{"" if font is None else font}" '
        f'data-width-in="{bundle.get("width_in", "")}" '
        f'data-phone-width="{phone_width(bundle)}">'
        f"<p><span>Download Figure {number}:</span> {links}</p>"
        f'<p class="figure-cite"><span>Cite this figure:</span> Figure {number} in: {REPORT}, '
        f"version {edition['report_version']}, {edition['build_date']}, "
        f'<span class="figure-cite-url" '
        f'data-page="{_x(here)}">{_x(url)}</span>. Licence CC BY 4.0; data: see the '
        f'<a href="{_x(data_page)}">data appendix</a>.</p></div>'
    )


def _add_downloads(app, doctree, docname):
    if app.builder.format != "html":
        return
    figures = [
        node
        for node in doctree.findall(nodes.figure)
        if any(ident.startswith("fig-") for ident in node["ids"])
    ]
    if not figures:
        return
    bundles = _bundles(app, docname)
    numbers = app.env.toc_fignumbers.get(docname, {}).get("figure", {})
    for figure in figures:
        name = next(ident for ident in figure["ids"] if ident.startswith("fig-"))
        bundle = bundles.get(name) or bundles.get(figure.get("names", [""])[0])
        if bundle is None:
            logger.warning(
                f"figure {name!r} has no download bundle ({FIGURE_MIME}); show it from a code "
                "cell of a chapter that calls clusternet.setup_book()",
                location=figure,
            )
            continue
        number = ".".join(str(n) for n in numbers.get(name, ()))
        caption_node = figure.next_node(nodes.caption)
        caption = caption_node.astext() if caption_node else ""
        written = _write(app, docname, name, number, caption, bundle)
        html = _html(app, docname, name, number, written, bundle)
        if phone_width(bundle):
            figure["classes"].append("figure-phone-scroll")
        parent = figure.parent
        parent.insert(parent.index(figure) + 1, nodes.raw("", html, format="html"))


def _add_static_files(app):
    """The line's style and script, once (added at setup, they were linked twice a page)."""
    if app.builder.format == "html":
        app.add_css_file("figure-downloads.css")
        app.add_js_file("figure-downloads.js")


def setup(app):
    app.connect("builder-inited", _add_static_files)
    app.connect("doctree-resolved", _add_downloads)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
