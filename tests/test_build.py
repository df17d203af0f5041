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
    with open(path, encoding="utf-8-sig") as handle:
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
        if path.name == "glued-numbers.csv":
            continue  # the generated snapshot: test_every_glued_number_is_pinned
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
        assert (HTML / row["page"].split("#")[0]).is_file(), (
            f"{row['name']} points at a missing page {row['page']}"
        )
    payload = json.loads((HTML / "_static" / "key-numbers.json").read_text(encoding="utf-8"))
    assert [n["name"] for n in payload["numbers"]] == names


def test_glued_numbers_equal_their_expected_values():
    """A silent change to a number cited in a briefing must fail CI."""
    expected = expected_numbers()
    glued = glued_numbers()
    headlines = {row["name"] for row in key_numbers() if row["headline"] == "yes"}
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


def test_every_glued_number_is_pinned():
    """Every glued number equals its row of tests/expected/glued-numbers.csv (``make snapshot``)."""
    from .snapshot import SNAPSHOT, built_numbers, pinned_numbers

    built, pinned = built_numbers(BUILD / "jupyter_execute"), pinned_numbers()
    assert pinned, f"{SNAPSHOT} is missing: run `make snapshot` after `make book`"
    problems = [f"{name}: glued but not pinned" for name in sorted(set(built) - set(pinned))]
    problems += [f"{name}: pinned but no longer glued" for name in sorted(set(pinned) - set(built))]
    for name in sorted(set(built) & set(pinned)):
        now, then = built[name], pinned[name]
        tolerance = float(then["tolerance"])
        if not math.isclose(
            float(now["value"]), float(then["value"]), rel_tol=tolerance, abs_tol=tolerance * 1e-3
        ):
            problems.append(f"{name}: value {now['value']}, pinned {then['value']} +/- {tolerance}")
        for field in ("text", "unit", "kind", "chapter"):
            if now[field] != then[field]:
                problems.append(f"{name}: {field} {now[field]!r}, pinned {then[field]!r}")
    assert not problems, (
        f"{len(problems)} glued number(s) differ from the snapshot (a deliberate change: "
        "`make snapshot` and review the diff):\n" + "\n".join(problems[:60])
    )


def test_briefing_cites_only_real_data_or_verified_sources():
    """A briefing is quoted in policy papers: no sample data, simulation or unverified claim.

    Evidence is real data or a verified quotation; an analysis setting (a threshold the
    report chose, such as the top 1% of organisations) may define what a number counts.
    """
    from clusternet.glue import EVIDENCE_KINDS

    citable = set(EVIDENCE_KINDS) | {"analysis setting"}

    from .snapshot import built_numbers

    built = built_numbers(BUILD / "jupyter_execute")
    briefing = {n: r for n, r in built.items() if r["chapter"] == "chapters/briefing"}
    assert briefing, "the briefing glues no numbers"
    messages = {
        n: r
        for n, r in built.items()
        if r["chapter"] == "chapters/policy-synthesis" and n.startswith("synthesis_real_")
    }
    wrong = [
        f"{name} ({row['chapter']}): {row['kind'] or 'no kind'}"
        for name, row in (briefing | messages).items()
        if row["kind"] not in citable
    ]
    assert not wrong, "the briefing or the synthesis' messages cite non-evidence:\n" + "\n".join(
        wrong
    )


def test_key_numbers_carry_provenance_and_intervals():
    rows = key_numbers()
    from clusternet.glue import KINDS

    for row in rows:
        assert row["kind"] in KINDS, f"{row['name']}: kind {row['kind']!r}"
        assert row["source"].strip(), f"{row['name']}: no source"
        if row["estimate"] == "yes":
            lower, upper = float(row["ci_lower"]), float(row["ci_upper"])
            assert lower <= upper and 0 < float(row["ci_level"]) < 1, row["name"]
        assert "#kn-" in row["page"] or row["headline"] == "no", (
            f"{row['name']}: a headline number that no paragraph quotes ({row['page']})"
        )
    for row in rows:
        if row["name"] == "porter_combined_effect":
            assert row["ci_lower"] and row["ci_upper"], (
                "the real headline estimate lacks its interval"
            )


def test_key_numbers_files_open_in_a_spreadsheet():
    raw = (HTML / "_static" / "key-numbers.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV needs a UTF-8 byte-order mark for spreadsheets"
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows and all(
        row["commit"] and row["build_date"] and row["report_version"] for row in rows
    )
    for row in rows:
        float(row["value"])  # plain ASCII numbers, never a typographic minus
    payload = json.loads((HTML / "_static" / "key-numbers.json").read_text(encoding="utf-8"))
    assert payload["commit"] and payload["build_date"]
    assert all(isinstance(n["value"], float) for n in payload["numbers"])


def test_key_numbers_page_links_each_number_to_its_paragraph():
    page = (HTML / "chapters" / "key-numbers.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"#]+\.html)#(kn-[a-z0-9-]+)"', page)
    assert links, "the key-numbers page links no number to a paragraph"
    for target, anchor in links:
        html = (HTML / "chapters" / target).resolve()
        assert f'id="{anchor}"' in html.read_text(encoding="utf-8"), f"{target}#{anchor} is missing"
    assert 'data-filter="chapter"' in page and 'data-filter="kind"' in page


def test_key_numbers_page_lists_every_number():
    page = (HTML / "chapters" / "key-numbers.html").read_text(encoding="utf-8")
    page = page.replace("<wbr>", "")  # names may break after their underscores
    for row in key_numbers():
        if row["headline"] == "yes":
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


def test_every_internal_link_of_every_page_resolves():
    """No 404 from any page: links are checked against the built files (the footer's
    how-to-cite link used to be relative to the chapters, so it broke on the search page)."""
    href = re.compile(r'(?:href|src)="([^"#?]+)(?:[#?][^"]*)?"')
    broken = []
    for page in sorted(HTML.glob("*.html")) + sorted((HTML / "chapters").glob("*.html")):
        for target in set(href.findall(page.read_text(encoding="utf-8"))):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
                continue  # https:, mailto:, data: and the like
            if target.endswith(PDF_LINKS):
                continue  # made by `make pdf` after the site: test_pdf_downloads_exist
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(HTML)} -> {target}")
    assert not broken, f"{len(broken)} broken link(s): {broken[:10]}"


PDF_LINKS = (
    "_downloads/innovation-clustered-networks-briefing.pdf",
    "_downloads/innovation-clustered-networks.pdf",
)


def test_pdf_downloads_exist():
    """The briefing and how-to-cite pages link both PDFs, which `make pdf` copies into the
    site's ``_downloads/`` (make test runs it before these checks)."""
    for name in ("briefing", "how-to-cite"):
        page = (HTML / "chapters" / f"{name}.html").read_text(encoding="utf-8")
        for link in PDF_LINKS:
            assert f'href="../{link}"' in page, f"{name}.html does not link {link}"
    missing = [link for link in PDF_LINKS if not (HTML / link).is_file()]
    assert not missing, f"{missing} not in the site: run `make pdf` after `make book`"


RAW_REPRS = {
    "numpy scalar": re.compile(r"np\.(?:float|int)\d*\("),
    "dict": re.compile(r"^\{['\"]"),
    "tuple": re.compile(r"^\(.*,.*\)$", re.S),
    "list": re.compile(r"^\[['\"\d]"),
    "dataclass": re.compile(r"^\w+\(\w+="),
    "pandas Series": re.compile(r"(?:^|\n)(?:Name: .*, )?dtype: \w+$"),
    "unrounded float": re.compile(r"^-?\d+\.\d{7,}$"),
    "quoted string": re.compile(r"^'[^'\n]*'$"),
}


def test_no_cell_output_is_a_raw_repr():
    """What a reader sees under a code cell is a captioned, formatted table, a figure or a
    sentence, never Python's repr of a number, dict, tuple, list, result object or Series,
    nor a bare pandas table without caption."""
    output = re.compile(
        r'<div class="output (?:text_plain|stream)[^"]*"><div class="highlight"><pre>'
        r"(?:<span></span>)?(.*?)</pre>",
        re.S,
    )
    from html import unescape

    found = []
    for page in sorted((HTML / "chapters").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        for block in text.split('<div class="cell_output docutils container">')[1:]:
            shown_block = block.split('<div class="cell docutils container')[0]
            if 'class="dataframe"' in shown_block:
                found.append(f"{page.stem}: uncaptioned pandas table (use show_table)")
            for raw in output.findall(shown_block):
                shown = unescape(re.sub(r"<[^>]+>", "", raw)).strip()
                kinds = [kind for kind, pattern in RAW_REPRS.items() if pattern.search(shown)]
                if kinds:
                    found.append(f"{page.stem}: {kinds[0]}: {shown[:60]!r}")
    assert not found, f"{len(found)} raw repr(s) under code cells: {found}"


#: What a missing value looks like when a table was not formatted for readers.
MISSING_VALUE_CELLS = {"nan", "NaN", "None", "<NA>", "NaT", "inf", "-inf"}


def test_no_table_cell_shows_a_missing_value_as_python_does():
    """A table shows "none" as a dash (or says what is missing), never pandas' ``nan``."""
    from html import unescape

    cell = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
    found = []
    for page in sorted((HTML / "chapters").glob("*.html")):
        for raw in cell.findall(page.read_text(encoding="utf-8")):
            shown = " ".join(unescape(re.sub(r"<[^>]+>", "", raw)).split())
            if shown in MISSING_VALUE_CELLS:
                found.append(f"{page.stem}: {shown!r}")
    assert not found, f"{len(found)} table cell(s) show a raw missing value: {found[:10]}"
