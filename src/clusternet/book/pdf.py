"""Print the built site to two PDFs with headless Chromium: the briefing and the whole book.

``make pdf`` runs ``python -m clusternet.book.pdf`` once the site in ``_build/html`` is
current. Each page is printed as the site shows it (same numbers, figure numbers and
tables), with ``_static/print.css`` hiding navigation, buttons and code input:

- ``innovation-clustered-networks-briefing.pdf``: the briefing page as a two-page A4
  document, with a masthead (version, build date, commit), the report's headline real-data
  figure, how to cite, the sources it cites and where the full report lives;
- ``innovation-clustered-networks.pdf``: a title page with contents, then every page of
  ``_toc.yml`` in order, each starting on a new page, with bookmarks per part and chapter
  and page numbers that run through the whole book.

Every page is printed on its own and the PDFs are merged with :mod:`pypdf` (rather than
printing one long combined HTML page): each chapter then renders exactly as on the site
(its own scripts, MathJax and figure numbers, no clashing element ids), starts on a new
page by construction, and gets a bookmark at a known page. Running page numbers are
printed by Chromium on an overlay document and stamped onto the merged pages.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import http.server
import io
import json
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from clusternet.book.downloads import short_commit
from clusternet.book.execute import toc_files

__all__ = ["BOOK_PDF", "BRIEFING_PDF", "PdfError", "build_pdfs", "chromium_path", "main"]

REPORT = "Innovation in Clustered Networks"
BRIEFING_PDF = "innovation-clustered-networks-briefing.pdf"
BOOK_PDF = "innovation-clustered-networks.pdf"
#: Where ``--copy-to-site`` puts the PDFs inside the built site (the pages link there).
DOWNLOADS = "_downloads"
BRIEFING_PAGE = "chapters/briefing"
#: The briefing's chart: the real-data growth regression behind its first message.
HEADLINE_FIGURE = ("chapters/porter-clusters", "fig-porter-growth-windows")
CITE_PAGE = "chapters/how-to-cite"
MARGIN = {"top": "17mm", "bottom": "16mm", "left": "16mm", "right": "16mm"}
#: Width of the printable area (A4 less the margins) in CSS pixels, for measuring tables.
TEXT_WIDTH_PX = 672
#: A table taller than this (CSS pixels) may break across pages.
LONG_TABLE_PX = 520
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Run in each page before printing: load every image now (lazy ones would print empty),
# unlink links into the local site (they would point at the temporary server), shrink the
# type of tables wider than the page, mark long tables that may break across pages, and wait for MathJax.
_PREPARE = """
async ([longTable, extraClass]) => {
  if (extraClass) document.documentElement.classList.add(extraClass);
  document.documentElement.classList.add("code-folded");
  for (const img of document.images) img.loading = "eager";
  await Promise.all(Array.from(document.images).map(img => img.complete ? null :
    new Promise(done => { img.onload = done; img.onerror = done; })));
  for (const a of document.querySelectorAll("a[href]")) {
    if (new URL(a.href, location.href).origin === location.origin) a.removeAttribute("href");
  }
  const width = document.documentElement.clientWidth;
  for (const table of document.querySelectorAll("article table")) {
    let size = parseFloat(getComputedStyle(table).fontSize);
    while (table.getBoundingClientRect().width > width && size > 6.5) {
      size *= 0.9;
      table.style.fontSize = `${size}px`;
    }
    if (table.getBoundingClientRect().height > longTable) table.classList.add("pdf-long");
  }
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
}
"""

# Insert the briefing's extra blocks: masthead above the title; the chart and the closing
# sections after the page's own text (the five messages then fill the first page).
_BRIEFING = """
([masthead, figure, closing]) => {
  const section = document.querySelector("article.bd-article section");
  section.querySelector("h1").insertAdjacentHTML("beforebegin", masthead);
  section.insertAdjacentHTML("beforeend", figure + closing);
}
"""


class PdfError(RuntimeError):
    """The PDFs cannot be made (no Chromium, no built site, missing packages)."""


@dataclass(frozen=True)
class Chapter:
    """One printed page of the book: its document name, title and the part it opens."""

    docname: str
    title: str
    part: str | None


def chromium_path() -> str:
    """Path of the Chromium executable that prints the PDFs.

    Returns
    -------
    str
        ``$CHROMIUM_PATH`` if set, else Debian's ``/usr/bin/chromium`` or the first
        ``chromium`` / ``chromium-browser`` on ``PATH``.

    Raises
    ------
    PdfError
        If none is found, naming the fix.
    """
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    candidates += [shutil.which("chromium"), shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    raise PdfError(
        "Chromium not found: install it (Debian: `sudo apt-get install chromium`, or "
        "`bash .ci/install-browser.sh`) or set CHROMIUM_PATH to its executable"
    )


def _require(module: str):
    try:
        return __import__(module)
    except ImportError as error:
        raise PdfError(
            f"{module} is not installed: run `make venv` (it installs requirements-lock.txt)"
        ) from error


def chapters(root: Path, html_dir: Path) -> list[Chapter]:
    """The book's pages in ``_toc.yml`` order, with their titles as the site shows them.

    Parameters
    ----------
    root : Path
        The book's folder (holds ``_toc.yml``).
    html_dir : Path
        The built site.

    Returns
    -------
    list of Chapter
        One per page; ``part`` is the caption of the part a page opens, else ``None``.
    """
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    opens = {part["chapters"][0]["file"]: part["caption"] for part in toc.get("parts", [])}
    return [
        Chapter(name, page_title(html_dir / f"{name}.html"), opens.get(name))
        for name in toc_files(root)
    ]


def page_title(path: Path) -> str:
    """The first heading of a built page, with its chapter number (``"2. Porter's ..."``)."""
    soup = _soup(path)
    heading = soup.select_one("article h1")
    if heading is None:
        raise PdfError(f"{path} has no <h1>: is the site built (make book)?")
    for link in heading.select("a.headerlink"):
        link.decompose()
    return " ".join(heading.get_text(" ").split())


@functools.cache
def _soup_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(_soup_text(path), "html.parser")


def headline_figure(html_dir: Path) -> str:
    """HTML of the briefing's chart: the site's figure with its number and caption.

    The image's ``src`` stays relative to ``chapters/``, where the briefing page lives.
    """
    docname, figure_id = HEADLINE_FIGURE
    figure = _soup(html_dir / f"{docname}.html").find(id=figure_id)
    if figure is None:
        raise PdfError(f"{docname}.html has no figure {figure_id!r}: update HEADLINE_FIGURE")
    for link in figure.select("a.headerlink"):
        link.decompose()
    caption = figure.select_one(".caption-text")
    if caption is not None:
        caption.append(" From the chapter on Porter's clusters.")
    return f'<div class="pdf-section"><h2>The evidence behind message 1</h2>{figure}</div>'


def cited_sources(html_dir: Path, docname: str = BRIEFING_PAGE) -> list[str]:
    """The references a page cites, in order of first citation, as the site formats them.

    The bibliography's "Verification" notes are left to the report's references page.
    """
    seen: list[str] = []
    for link in _soup(html_dir / f"{docname}.html").select('a[href*="references.html#"]'):
        entry = link.get("title", "").split(" Verification:")[0].strip()
        if entry and entry not in seen:
            seen.append(entry)
    return seen


def suggested_citation(html_dir: Path) -> str:
    """The how-to-cite page's APA reference (text, with the version), without the site
    address the page fills in with a script."""
    for quote in _soup(html_dir / f"{CITE_PAGE}.html").select("article blockquote"):
        for address in quote.select(".site-address"):
            address.decompose()
        text = " ".join(quote.get_text().split())
        if "[Report and software]" in text:
            return text
    raise PdfError(
        f"{CITE_PAGE}.html has no APA reference (a quotation with '[Report and software]')"
    )


def briefing_blocks(html_dir: Path, info: dict, site_url: str | None) -> tuple[str, str, str]:
    """The masthead, chart and closing sections the PDF adds to the briefing page."""
    esc = html.escape
    masthead = (
        '<div class="pdf-masthead"><p class="pdf-kicker">' + esc(REPORT) + " &middot; briefing</p>"
        f'<p class="pdf-edition">Version {esc(info["report_version"])} &middot; built '
        f"{esc(info['build_date'])} &middot; commit {esc(short_commit(info['commit']))}</p></div>"
    )
    sources = "".join(f"<li>{esc(entry)}</li>" for entry in cited_sources(html_dir))
    where = (
        f"the report's site, <strong>{esc(site_url)}</strong>,"
        if site_url
        else "the report's site (page <em>chapters/intro.html</em> of the built site),"
    )
    closing = (
        '<div class="pdf-section"><h2>How to cite</h2>'
        f"<p>{esc(suggested_citation(html_dir))} Cite a number by its name on the report's "
        "Key numbers page, which gives each one with its source and caveat.</p></div>"
        f'<div class="pdf-section"><h2>Sources</h2><ol class="pdf-sources">{sources}</ol>'
        "<p>Each source's verification status is on the report's References page.</p></div>"
        '<div class="pdf-section"><h2>The full report</h2>'
        f"<p>Every number above, with the code and data behind it, is in {where} "
        f"and in print as <em>{BOOK_PDF}</em> (version {esc(info['report_version'])}).</p></div>"
    )
    return masthead, headline_figure(html_dir), closing


def _header(left: str, right: str) -> str:
    style = (
        "font-size:7.5px;color:#555;width:100%;margin:0 16mm;display:flex;"
        "justify-content:space-between;font-family:sans-serif"
    )
    return f'<div style="{style}"><span>{html.escape(left)}</span><span>{html.escape(right)}</span></div>'


def _footer(text: str) -> str:
    style = "font-size:7.5px;color:#555;width:100%;margin:0 16mm;text-align:right;font-family:sans-serif"
    return f'<div style="{style}">{text}</div>'


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the server only feeds the printer
        pass


@contextlib.contextmanager
def serve(html_dir: Path) -> Iterator[str]:
    """Serve ``html_dir`` on a free local port for the duration; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(html_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser() -> Iterator[object]:
    """A headless Chromium (Playwright), closed afterwards."""
    sync_api = _require("playwright.sync_api").sync_api
    try:
        path = chromium_path()
    except PdfError:
        path = None  # Playwright's own Chromium, if `playwright install chromium` ran
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=path, headless=True, args=CHROMIUM_FLAGS
            )
        except Exception as error:
            raise PdfError(
                f"could not start Chromium ({path or 'none found'}: {error}); install it "
                "(Debian: `sudo apt-get install chromium`, or `bash .ci/install-browser.sh`) "
                "or set CHROMIUM_PATH to its executable"
            ) from error
        try:
            yield launched
        finally:
            launched.close()


def print_page(
    chromium, url: str, header: str, footer: str, extra_class: str = "", blocks=None
) -> bytes:
    """Print one page of the site to PDF bytes (A4, print stylesheet, given header/footer).

    Parameters
    ----------
    chromium : playwright Browser
        From :func:`browser`.
    url : str
        The page, served by :func:`serve`.
    header, footer : str
        Chromium header and footer templates (see :func:`_header`).
    extra_class : str, optional
        A class for the page's ``<html>`` element (``pdf-briefing`` selects the briefing's
        compact layout in ``_static/print.css``).
    blocks : tuple of str, optional
        Masthead, figure and closing HTML added to the briefing (:func:`briefing_blocks`).
    """
    page = chromium.new_page(viewport={"width": TEXT_WIDTH_PX, "height": 1000})
    try:
        page.emulate_media(media="print")
        response = page.goto(url, wait_until="networkidle")
        if response is None or response.status != 200:
            raise PdfError(f"could not load {url} (HTTP {response and response.status})")
        if blocks is not None:
            page.evaluate(_BRIEFING, list(blocks))
        page.evaluate(_PREPARE, [LONG_TABLE_PX, extra_class])
        return page.pdf(
            format="A4",
            margin=MARGIN,
            print_background=True,
            display_header_footer=True,
            header_template=header,
            footer_template=footer,
        )
    finally:
        page.close()


def print_html(chromium, body: str, footer: str = "<span></span>") -> bytes:
    """Print a small standalone HTML document (title page, page-number overlay)."""
    page = chromium.new_page()
    try:
        page.set_content(body, wait_until="load")
        return page.pdf(
            format="A4",
            margin=MARGIN,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=footer,
        )
    finally:
        page.close()


def _page_count(pdf: bytes) -> int:
    pypdf = _require("pypdf")
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def title_page(info: dict, starts: list[tuple[Chapter, int]], site_url: str | None) -> str:
    """HTML of the book's title page and contents (page numbers as printed)."""
    esc = html.escape
    rows = []
    for chapter, start in starts:
        if chapter.part:
            rows.append(f'<tr class="part"><td colspan="2">{esc(chapter.part)}</td></tr>')
        rows.append(f"<tr><td>{esc(chapter.title)}</td><td class='n'>{start}</td></tr>")
    where = f"<p>Online: {esc(site_url)}</p>" if site_url else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ font-family: sans-serif; color: #222; }}
.title {{ break-after: page; padding-top: 55mm; }}
h1 {{ font-size: 30pt; margin: 0 0 4mm; color: #0072B2; }}
.sub {{ font-size: 15pt; margin: 0 0 30mm; }}
.meta p {{ font-size: 11pt; margin: 1.5mm 0; }}
h2 {{ font-size: 16pt; }}
table {{ width: 100%; border-collapse: collapse; font-size: 10.5pt; }}
td {{ padding: 1.2mm 0; }} td.n {{ text-align: right; width: 15mm; }}
tr.part td {{ font-weight: bold; padding-top: 4mm; color: #0072B2; }}
</style></head><body>
<div class="title"><h1>{esc(REPORT)}</h1><p class="sub">An executable research report</p>
<div class="meta"><p>The Innovation in Clustered Networks authors</p>
<p>Version {esc(info["report_version"])}, built {esc(info["build_date"])}</p>
<p>Commit {esc(info["commit"])}</p>{where}
<p>Text licensed CC BY 4.0, code MIT. Sample data are synthetic and labelled as such.</p></div></div>
<h2>Contents</h2><table>{"".join(rows)}</table></body></html>"""


def _overlay(chromium, pages: int, text: str) -> bytes:
    """A PDF of ``pages`` empty A4 pages whose footers carry ``text`` and the page number."""
    body = '<div style="break-after:page">&nbsp;</div>' * (pages - 1) + "<div>&nbsp;</div>"
    footer = _footer(
        f'{html.escape(text)} &middot; page <span class="pageNumber"></span> of '
        '<span class="totalPages"></span>'
    )
    return print_html(chromium, f"<!DOCTYPE html><html><body>{body}</body></html>", footer)


def _metadata(writer, title: str, info: dict) -> None:
    writer.add_metadata(
        {
            "/Title": title,
            "/Author": "The Innovation in Clustered Networks authors",
            "/Subject": f"version {info['report_version']}, built {info['build_date']}, "
            f"commit {info['commit']}",
        }
    )


def make_briefing(chromium, base_url: str, html_dir: Path, info: dict, site_url, out: Path) -> Path:
    """Print the briefing (two A4 pages at most) to ``out``; return its path."""
    pypdf = _require("pypdf")
    pdf = print_page(
        chromium,
        f"{base_url}/{BRIEFING_PAGE}.html",
        _header(f"{REPORT}: briefing", f"version {info['report_version']}, {info['build_date']}"),
        _footer('page <span class="pageNumber"></span> of <span class="totalPages"></span>'),
        extra_class="pdf-briefing",
        blocks=briefing_blocks(html_dir, info, site_url),
    )
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf))
    _metadata(writer, f"{REPORT}: briefing", info)
    with open(out, "wb") as handle:
        writer.write(handle)
    return out


def make_book(
    chromium, base_url: str, root: Path, html_dir: Path, info: dict, site_url, out: Path
) -> Path:
    """Print every page of the book in toc order, merged behind a title page, to ``out``."""
    pypdf = _require("pypdf")
    pages = chapters(root, html_dir)
    left = f"{REPORT}, version {info['report_version']}"
    printed = [
        print_page(
            chromium, f"{base_url}/{c.docname}.html", _header(left, c.title), "<span></span>"
        )
        for c in pages
    ]
    counts = [_page_count(pdf) for pdf in printed]
    front_pages, front = 2, b""
    for _ in range(3):  # the contents' page numbers depend on the front matter's length
        starts = [front_pages + 1 + sum(counts[:i]) for i in range(len(pages))]
        front = print_html(
            chromium, title_page(info, list(zip(pages, starts, strict=True)), site_url)
        )
        if _page_count(front) == front_pages:
            break
        front_pages = _page_count(front)
    writer = pypdf.PdfWriter()
    writer.append(io.BytesIO(front))
    parent = None
    for chapter, pdf, start in zip(pages, printed, starts, strict=True):
        writer.append(io.BytesIO(pdf), import_outline=False)
        if chapter.part:
            parent = writer.add_outline_item(title=chapter.part, page_number=start - 1)
        writer.add_outline_item(title=chapter.title, page_number=start - 1, parent=parent)
    total = len(writer.pages)
    edition = f"built {info['build_date']}, commit {short_commit(info['commit'])}"
    numbers = pypdf.PdfReader(io.BytesIO(_overlay(chromium, total, edition)))
    for index in range(1, total):  # the title page has no number
        writer.pages[index].merge_page(numbers.pages[index])
    _metadata(writer, REPORT, info)
    with open(out, "wb") as handle:
        writer.write(handle)
    return out


def build_pdfs(
    root: Path,
    html_dir: Path,
    out_dir: Path,
    site_url: str | None = None,
    which: tuple[str, ...] = ("briefing", "book"),
) -> list[Path]:
    """Print the briefing and/or the whole book from the built site.

    Parameters
    ----------
    root : Path
        The book's folder (``_toc.yml``; a git checkout gives the commit).
    html_dir : Path
        The built site (``make book``).
    out_dir : Path
        Folder for the PDFs (created).
    site_url : str, optional
        Public address of the site, named in the PDFs where the full report lives.
    which : tuple of str
        ``"briefing"``, ``"book"`` or both.

    Returns
    -------
    list of Path
        The PDFs written.

    Raises
    ------
    PdfError
        If the site is not built, Chromium or a package is missing, or a page fails to load.
    """
    if not (html_dir / f"{BRIEFING_PAGE}.html").is_file():
        raise PdfError(f"no built site in {html_dir}: run `make book` first")
    _require("pypdf")
    _require("bs4")
    out_dir.mkdir(parents=True, exist_ok=True)
    info = site_edition(html_dir)
    written = []
    with serve(html_dir) as base_url, browser() as chromium:
        if "briefing" in which:
            target = out_dir / BRIEFING_PDF
            written.append(make_briefing(chromium, base_url, html_dir, info, site_url, target))
        if "book" in which:
            target = out_dir / BOOK_PDF
            written.append(make_book(chromium, base_url, root, html_dir, info, site_url, target))
    return written


def site_edition(html_dir: Path) -> dict[str, str]:
    """Version, build date and commit of the built site, from its ``key-numbers.json`` (the
    footer's build info): a PDF printed after a commit still names the edition it prints.
    Raises PdfError when the site has no readable file (not built by ``make book``)."""
    path = html_dir / "_static" / "key-numbers.json"
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        keys = {"report_version": "version", "build_date": "build_date", "commit": "commit"}
        return {name: found[key] for name, key in keys.items()}
    except (OSError, ValueError, KeyError) as error:
        raise PdfError(
            f"{path}: cannot read the site's edition ({error}); run `make book`"
        ) from error


def copy_to_site(pdfs: list[Path], html_dir: Path) -> list[Path]:
    """Copy the PDFs to ``_downloads/`` of the built site, where the pages link them."""
    folder = html_dir / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy2(pdf, folder / pdf.name)) for pdf in pdfs]


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m clusternet.book.pdf [--copy-to-site] [--only book]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="book folder (_toc.yml)")
    parser.add_argument("--html", type=Path, help="built site (default ROOT/_build/html)")
    parser.add_argument("--out", type=Path, help="output folder (default ROOT/_build/pdf)")
    parser.add_argument("--site-url", default=os.environ.get("CLUSTERNET_SITE_URL"))
    parser.add_argument("--only", choices=("briefing", "book"))
    parser.add_argument("--copy-to-site", action="store_true", help="also copy to _downloads/")
    args = parser.parse_args(argv)
    html_dir = args.html or args.root / "_build" / "html"
    out_dir = args.out or args.root / "_build" / "pdf"
    which = (args.only,) if args.only else ("briefing", "book")
    try:
        pdfs = build_pdfs(args.root, html_dir, out_dir, args.site_url, which)
    except PdfError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for pdf in pdfs:
        print(f"{pdf} ({_page_count(pdf.read_bytes())} pages)")
    if args.copy_to_site:
        copy_to_site(pdfs, html_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
