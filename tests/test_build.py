"""Post-build checks on the built site in ``_build/html`` (run after ``make book``).

They catch what a strict Sphinx build does not: execution reports, stderr in executed
notebooks, figures without alt text, remote assets a page needs to render, and, most
important for a report that is cited in briefings, a silent change to a published number.
"""

from __future__ import annotations

import csv
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clusternet.book import CHAPTERS, chapter_module, execute

from .conftest import BUILD, HTML, ROOT, require_current_site

pytestmark = pytest.mark.build


@pytest.fixture(scope="module", autouse=True)
def _require_build():
    require_current_site()


def toc_files() -> list[str]:
    return execute.toc_files(ROOT)


def html_pages() -> list[Path]:
    return [HTML / f"{name}.html" for name in toc_files()]


def key_numbers() -> list[dict]:
    path = HTML / "_static" / "key-numbers.csv"
    assert path.is_file(), "the build did not write _static/key-numbers.csv"
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def glued_numbers() -> dict[str, dict]:
    """Every number glued by any page (headline or supporting), from the executed notebooks."""
    from clusternet.sphinxext import collect_key_numbers

    docnames = [name for name in toc_files()]
    rows = collect_key_numbers(HTML, docnames, {}, headline_only=False)
    return {row["name"]: row for row in rows}


def expected_numbers() -> dict[str, tuple[float, float, str]]:
    expected = {}
    for path in sorted((ROOT / "tests" / "expected").glob("*.csv")):
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                assert row["name"] not in expected, f"{row['name']} is expected twice"
                expected[row["name"]] = (float(row["expected"]), float(row["tolerance"]), path.name)
    return expected


def test_every_toc_entry_has_a_page():
    missing = [str(p.relative_to(HTML)) for p in html_pages() if not p.is_file()]
    assert not missing, f"toc entries without a built page: {missing}"


def test_no_execution_reports():
    reports = HTML / "reports"
    assert not reports.exists() or not any(reports.iterdir()), (
        f"execution reports: {list(reports.iterdir())}"
    )


def test_executed_notebooks_have_no_errors_or_stderr():
    notebooks = sorted((BUILD / "jupyter_execute").rglob("*.ipynb"))
    assert notebooks, "no executed notebooks found"
    problems = []
    for path in notebooks:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for index, cell in enumerate(notebook["cells"]):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    problems.append(f"{path.name} cell {index}: error {output.get('ename')}")
                if output.get("output_type") == "stream" and output.get("name") == "stderr":
                    problems.append(
                        f"{path.name} cell {index}: stderr {''.join(output['text'])[:200]!r}"
                    )
                text = "".join(output.get("data", {}).get("text/plain", []))
                if "Warning" in text and "warnings.warn" in text:
                    problems.append(f"{path.name} cell {index}: warning text in output")
    assert not problems, "\n".join(problems)


def test_chapters_have_no_committed_notebooks_or_outputs():
    assert not list((ROOT / "chapters").glob("*.ipynb")), "commit chapters as MyST .md, not .ipynb"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[dict] = []
        self.assets: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes)
        if tag in ("script", "img", "iframe", "source", "video", "audio") and attributes.get("src"):
            self.assets.append((tag, attributes["src"]))
        if tag == "link" and attributes.get("href"):
            rel = attributes.get("rel", "")
            if any(r in rel for r in ("stylesheet", "preload", "icon", "modulepreload")):
                self.assets.append((tag, attributes["href"]))


def parse(page: Path) -> _Collector:
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def test_every_figure_has_alt_text():
    missing = []
    for page in html_pages():
        for image in parse(page).images:
            if "logo" in image.get("class", ""):
                continue
            if not (image.get("alt") or "").strip():
                missing.append(f"{page.name}: {image.get('src')}")
    assert not missing, f"images without alt text: {missing}"


def test_figures_are_numbered_and_captioned():
    for page in html_pages():
        text = page.read_text(encoding="utf-8")
        figures = re.findall(r"<figure.*?</figure>", text, flags=re.S)
        for figure in figures:
            assert "figcaption" in figure, f"{page.name}: a figure has no caption"
            assert "caption-number" in figure, f"{page.name}: a figure is not numbered"


def test_no_page_needs_a_remote_asset():
    remote = []
    for page in sorted(HTML.rglob("*.html")):
        for tag, url in parse(page).assets:
            if re.match(r"^(https?:)?//", url):
                remote.append(f"{page.relative_to(HTML)}: <{tag}> {url}")
    assert not remote, "pages load remote assets (the site must render offline):\n" + "\n".join(
        remote[:20]
    )


def test_key_numbers_file_is_complete_and_consistent():
    rows = key_numbers()
    assert rows, "no key numbers were collected"
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names)), "duplicate key number names"
    for row in rows:
        value = float(row["value"])
        assert math.isfinite(value), f"{row['name']} is not finite"
        assert row["description"].strip(), f"{row['name']} has no description"
        assert (HTML / row["page"]).is_file(), (
            f"{row['name']} points at a missing page {row['page']}"
        )
    payload = json.loads((HTML / "_static" / "key-numbers.json").read_text(encoding="utf-8"))
    assert [n["name"] for n in payload["numbers"]] == names


def test_glued_numbers_equal_their_expected_values():
    """A silent change to a number cited in a briefing must fail CI."""
    expected = expected_numbers()
    glued = glued_numbers()
    headlines = {row["name"] for row in key_numbers()}
    unpinned = sorted(headlines - set(expected))
    assert not unpinned, (
        f"headline numbers without an expected value in tests/expected/: {unpinned}"
    )
    vanished = sorted(set(expected) - set(glued))
    assert not vanished, f"expected numbers no longer glued by any chapter: {vanished}"
    wrong = []
    for name, (value, tolerance, source) in expected.items():
        actual = float(glued[name]["value"])
        if not math.isclose(actual, value, rel_tol=tolerance, abs_tol=tolerance * 1e-3):
            wrong.append(f"{name}: built {actual!r}, expected {value!r} +/- {tolerance} ({source})")
    assert not wrong, "\n".join(wrong)


def test_key_numbers_page_lists_every_number():
    page = (HTML / "chapters" / "key-numbers.html").read_text(encoding="utf-8")
    for row in key_numbers():
        assert row["name"] in page, f"{row['name']} is missing from the key-numbers page"


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_key_results_equal_the_glued_numbers(chapter):
    """The synthesis reads each chapter's book module, which the chapter itself calls."""
    results = chapter_module(chapter).key_results()
    glued = glued_numbers()
    assert results, f"{chapter}: key_results() is empty"
    for name, value in results.items():
        assert name in glued, f"{chapter}: key_results() has {name}, which no page glues"
        assert glued[name]["page"] == f"chapters/{chapter}.html", (
            f"{name} is glued outside {chapter}"
        )
        assert float(glued[name]["value"]) == pytest.approx(value, rel=1e-9, abs=1e-12), name


def test_pages_show_the_version():
    from clusternet import __version__

    text = (HTML / "chapters" / "intro.html").read_text(encoding="utf-8")
    assert f"version {__version__}" in text
