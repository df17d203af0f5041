"""The PDF script's helpers that need no browser: titles, sources, citation, figure, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusternet.book import pdf

pytest.importorskip("bs4")

BRIEFING = """<html><body><article class="bd-article"><section>
<h1><span class="section-number">10. </span>Briefing summary<a class="headerlink" href="#b">#</a></h1>
<p>Text <a href="references.html#id1" title="A. Author. A study. 2020. Verification: VERIFIED.">[A]</a>
and <a href="references.html#id2" title="B. Author. Data. 2021.">[B]</a>
and again <a href="references.html#id1" title="A. Author. A study. 2020. Verification: VERIFIED.">[A]</a></p>
</section></article></body></html>"""
CITE = """<html><body><article><p><strong>APA (7th edition).</strong></p><blockquote><p>The
authors. (2026). <em>Report</em> (Version 9.9) [Report and software].
<span class="site-address">The address of this site</span></p></blockquote></article></body></html>"""
FIGURE = """<html><body><article><figure id="fig-porter-growth-windows"><img src="../_images/a.png"/>
<figcaption><p><span class="caption-number">Figure 2.5 </span><span class="caption-text">Growth.</span>
<a class="headerlink" href="#x">#</a></p></figcaption></figure></article></body></html>"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / "briefing.html").write_text(BRIEFING, encoding="utf-8")
    (chapters / "how-to-cite.html").write_text(CITE, encoding="utf-8")
    (chapters / "porter-clusters.html").write_text(FIGURE, encoding="utf-8")
    return tmp_path


def test_page_title_keeps_the_chapter_number(site):
    assert pdf.page_title(site / "chapters" / "briefing.html") == "10. Briefing summary"


def test_cited_sources_in_order_once_without_verification_notes(site):
    assert pdf.cited_sources(site) == ["A. Author. A study. 2020.", "B. Author. Data. 2021."]


def test_suggested_citation(site):
    assert pdf.suggested_citation(site) == (
        "The authors. (2026). Report (Version 9.9) [Report and software]."
    )


def test_headline_figure_keeps_number_and_relative_image(site):
    figure = pdf.headline_figure(site)
    assert "Figure 2.5" in figure and 'src="../_images/a.png"' in figure
    assert "headerlink" not in figure


def test_briefing_blocks_name_the_edition(site):
    info = {"report_version": "9.9", "build_date": "2026-01-02", "commit": "0123456789abcdef"}
    masthead, _, closing = pdf.briefing_blocks(site, info, "https://example.org/report")
    assert "Version 9.9" in masthead and "2026-01-02" in masthead and "0123456789ab" in masthead
    assert "How to cite" in closing and "https://example.org/report" in closing
    assert closing.count("<li>") == 2


def test_title_page_lists_parts_chapters_and_pages():
    info = {"report_version": "9.9", "build_date": "2026-01-02", "commit": "abc"}
    starts = [(pdf.Chapter("chapters/intro", "Intro", None), 3)]
    starts.append((pdf.Chapter("chapters/a", "1. A & B", "Clusters"), 5))
    page = pdf.title_page(info, starts, None)
    assert "Version 9.9, built 2026-01-02" in page and "Commit abc" in page
    assert "1. A &amp; B" in page and ">5<" in page and "Clusters" in page


def test_missing_chromium_names_the_fix(monkeypatch):
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setattr(pdf.Path, "is_file", lambda self: False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(pdf.PdfError, match="apt-get install chromium"):
        pdf.chromium_path()


def test_no_site_is_a_clear_error(tmp_path):
    with pytest.raises(pdf.PdfError, match="make book"):
        pdf.build_pdfs(tmp_path, tmp_path / "html", tmp_path / "out")


def test_command_line_reports_errors(tmp_path, capsys):
    assert pdf.main(["--root", str(tmp_path)]) == 1
    assert "make book" in capsys.readouterr().err


def test_short_commit_keeps_the_modified_mark():
    sha = "0123456789abcdef0123456789abcdef01234567"
    assert pdf.short_commit(sha) == "0123456789ab"
    assert pdf.short_commit(sha + "-modified") == "0123456789ab-modified"
    assert pdf.short_commit("unknown (not a git checkout)") == "unknown (not a git checkout)"


def test_the_pdfs_name_the_edition_of_the_site_not_of_the_checkout(tmp_path):
    static = tmp_path / "_static"
    static.mkdir()
    (static / "key-numbers.json").write_text(
        '{"version": "9.8.7", "build_date": "2030-01-02", "commit": "abc-modified", "numbers": []}'
    )
    assert pdf.site_edition(tmp_path) == {
        "report_version": "9.8.7",
        "build_date": "2030-01-02",
        "commit": "abc-modified",
    }
    (static / "key-numbers.json").write_text('{"version": "9.8.7"}')
    with pytest.raises(pdf.PdfError, match="key-numbers.json.*build_date.*make book"):
        pdf.site_edition(tmp_path)
