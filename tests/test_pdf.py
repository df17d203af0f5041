"""Read back with pypdf the PDFs ``make pdf`` printed from the current site (or print them
here when there are none, which takes minutes).

The briefing must fit two A4 pages and name its edition; the book must hold every page of
``_toc.yml`` in order, starting on its own page at its bookmark, with the site's figure
numbers, no code input, no raw Python output and no nearly empty page.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from .conftest import BUILD, HTML, ROOT, require_current_site

# one worker reads the PDFs (text extraction of the whole book takes about 40 s)
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("pdf")]

#: Fewer characters than this on a page without an image, besides its running header (the
#: chapter's title stays in) and footer, is a page that a bad break left nearly empty.
MIN_PAGE_TEXT = 150
#: Python reprs that must never reach a page (a Series' "dtype:" is left out: the API
#: reference's doctest examples show one; test_build checks the cell outputs for it).
RAW_OUTPUT = ("np.float64(", "np.int64(", "<pandas", "<Figure size", "<Axes:")
#: Fragments of the chapters' code cells that prose and the API reference never contain.
CODE_INPUT = (" as analysis", "figures.plot_")


def _flat(text: str) -> str:
    """Whitespace collapsed and ligatures undone ("ﬁ" -> "fi"), as a reader searches."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _current_pdfs() -> tuple[Path, Path] | None:
    """The PDFs `make pdf` printed from the current site (make test runs it first), if any."""
    from clusternet.book import pdf

    folder = BUILD / "pdf"
    found = (folder / pdf.BRIEFING_PDF, folder / pdf.BOOK_PDF)
    stamp = HTML / ".build-fingerprint"
    if stamp.is_file() and all(
        path.is_file() and path.stat().st_mtime >= stamp.stat().st_mtime for path in found
    ):
        return found
    return None


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    require_current_site()
    pytest.importorskip("playwright.sync_api")
    pypdf = pytest.importorskip("pypdf")
    from clusternet.book import pdf

    found = _current_pdfs()
    if found is None:  # print them here (slow: the whole book)
        out = tmp_path_factory.mktemp("pdf")
        try:
            found = pdf.build_pdfs(ROOT, HTML, out)
        except pdf.PdfError as error:
            pytest.fail(str(error))
    briefing, book = found
    readers = {"briefing": pypdf.PdfReader(briefing), "book": pypdf.PdfReader(book)}
    return {
        **readers,
        "text": {name: _pages(reader) for name, reader in readers.items()},
        "chapters": pdf.chapters(ROOT, HTML),
    }


def _pages(reader) -> list[str]:
    """Each page's text, flattened (read once per module: the book takes about 40 s)."""
    return [_flat(page.extract_text() or "") for page in reader.pages]


def test_briefing_is_at_most_two_pages_and_names_its_edition(printed):
    import json

    from clusternet import __version__
    from clusternet.book.pdf import short_commit

    reader = printed["briefing"]
    assert len(reader.pages) <= 2, f"the briefing has {len(reader.pages)} pages"
    text = " ".join(printed["text"]["briefing"])
    # the edition the site was built as (HEAD may have moved since)
    info = json.loads((HTML / "_static" / "key-numbers.json").read_text(encoding="utf-8"))
    expected = [
        "Innovation in Clustered Networks",
        f"Version {__version__}",
        info["build_date"],
        f"commit {short_commit(info['commit'])}",
        "Five messages",
        "How to cite",
        "Sources",
        "The full report",
        "Figure 2.5",
    ]
    for phrase in expected:
        assert phrase in text, f"the briefing PDF lacks {phrase!r}"
    assert text.count("95%") >= 5, "the five messages lost their intervals"
    assert "Download the briefing" not in text, "the download links are printed"


def test_book_holds_every_chapter_in_toc_order_at_its_bookmark(printed):
    reader = printed["book"]
    pages = printed["text"]["book"]
    starts = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                starts.setdefault(item.title, []).append(reader.get_destination_page_number(item))

    walk(reader.outline)
    previous = -1
    for chapter in printed["chapters"]:
        assert chapter.title in starts, f"no bookmark for {chapter.title!r}"
        start = max(starts[chapter.title])
        assert start > previous, f"{chapter.title!r} is out of toc order"
        assert _flat(chapter.title) in pages[start], (
            f"page {start + 1} does not start {chapter.title!r}"
        )
        previous = start
    assert "Contents" in pages[1]


def test_book_has_the_sites_figure_numbers(printed):
    text = " ".join(printed["text"]["book"])
    numbers = set()
    for page in (HTML / "chapters").glob("*.html"):
        found = re.findall(
            r'<span class="caption-number">Figure (\d+\.\d+)', page.read_text("utf-8")
        )
        numbers.update(found)
    assert "1.1" in numbers
    missing = sorted(n for n in numbers if f"Figure {n}" not in text)
    assert not missing, f"figures missing from the PDF: {missing}"


def test_book_shows_no_code_input_and_no_raw_output(printed):
    for number, page in enumerate(printed["text"]["book"], start=1):
        for snippet in RAW_OUTPUT + CODE_INPUT:
            assert snippet not in page, f"page {number} shows {snippet!r}"


def test_book_has_no_nearly_empty_page(printed):
    reader = printed["book"]
    chrome = re.compile(
        r"Innovation in Clustered Networks, version \S+|built \S+, commit \S+|· page \d+ of \d+"
    )
    sparse = []
    for number, page in enumerate(printed["text"]["book"], start=1):
        body = chrome.sub("", page)
        if number > 1 and len(body) < MIN_PAGE_TEXT and not _has_image(reader.pages[number - 1]):
            sparse.append(f"page {number}: {body[:80]!r}")
    assert not sparse, "nearly empty pages:\n" + "\n".join(sparse)


def _has_image(page) -> bool:
    try:
        return bool(page.images)
    except Exception:  # pragma: no cover - an unreadable image still counts as content
        return True
