"""Audit every page of the built site in headless Chromium at a phone's and a laptop's width.

- accessibility: no serious or critical axe-core violation (axe-core is vendored in
  ``tests/vendor/axe-core``; moderate and minor ones are listed by ``make browser -- -rA``
  but do not fail);
- page weight: the bytes a reader downloads to read a page to its end (every response body
  of the page load, after scrolling to the bottom so lazily loaded images load too);
- tables: no overlapping cells, no text spilling out of its cell, no word or number broken
  in the middle, captions that stay in place when a wide table scrolls sideways;
- search: the chapter defining a term is found near the top, snippets show no LaTeX.

Shares the ``browser`` and ``site_url`` fixtures of ``test_browser``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote_plus

import pytest

from .test_browser import DESKTOP, PHONE, _require_current_site, browser, site_url  # noqa: F401
from .test_build import toc_files

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
PAGES = [*toc_files(), "search"]
#: Most bytes a reader may download for a page: a page of text, and a chapter with figures.
TEXT_PAGE_LIMIT = 1_000_000
CHAPTER_PAGE_LIMIT = 2_000_000
#: Pages of text only. The API reference's own pages have formulas (MathJax, 0.68 MB)
#: and up to 0.5 MB of HTML each: they have the chapters' limit.
TEXT_PAGES = ["chapters/briefing", "chapters/glossary", "chapters/references", "chapters/api"]
TEXT_PAGES += ["search"]

_RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5), count: v.nodes.length,
  }));
}"""


def _open(browser, url: str, viewport: dict):  # noqa: F811
    page = browser.new_page(viewport=viewport)
    page.goto(url, wait_until="networkidle")
    return page


def axe_violations(page) -> list[dict]:
    """axe-core's violations of the page as loaded (WCAG 2.x A/AA and best practices)."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(_RUN_AXE)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violation(browser, site_url, name, viewport):  # noqa: F811
    page = _open(browser, f"{site_url}/{name}.html", viewport)
    violations = axe_violations(page)
    page.close()
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    others = sorted(
        f"{v['impact']} {v['id']} x{v['count']}" for v in violations if v not in serious
    )
    if others:
        print(f"{name} at {viewport['width']} px, not failing: {', '.join(others)}")
    assert not serious, json.dumps(serious, indent=1)


_SCROLL_TO_END = """async () => {
  for (let y = 0; y <= document.documentElement.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
  // count every image, also one scrolled past before its lazy load started
  document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; });
}"""

_BYTES = """() => {
  const entries = [...performance.getEntriesByType('navigation'),
                   ...performance.getEntriesByType('resource')];
  return entries.map(e => [e.name, e.encodedBodySize]);
}"""


def page_weight(browser, url: str, viewport: dict) -> tuple[int, list[tuple[str, int]]]:  # noqa: F811
    """Bytes of every response body of a page load, read to its end, and the largest files.

    A fresh browser context (an empty cache) per call; the page is scrolled to its end and
    every lazily loaded image is then loaded, so all images count. The local test server does not compress, so a body's size
    is what it transfers.
    """
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.evaluate(_SCROLL_TO_END)
    page.wait_for_load_state("networkidle")
    sizes = page.evaluate(_BYTES)
    context.close()
    largest = sorted(((name.split("/")[-1], size) for name, size in sizes), key=lambda x: -x[1])
    return sum(size for _, size in sizes), largest[:6]


@pytest.mark.parametrize("name", PAGES)
def test_page_weight(browser, site_url, name):  # noqa: F811
    limit = TEXT_PAGE_LIMIT if name in TEXT_PAGES else CHAPTER_PAGE_LIMIT
    total, largest = page_weight(browser, f"{site_url}/{name}.html", PHONE)
    print(f"{name}: {total / 1e6:.2f} MB, largest {largest}")
    assert total <= limit, (
        f"{name} downloads {total / 1e6:.2f} MB (limit {limit / 1e6} MB): {largest}"
    )


_TABLE_PROBLEMS = r"""() => {
  const problems = [];
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const where = (table, cell) => {
    const caption = table.caption ? table.caption.textContent.trim().slice(0, 40) : (table.id || table.className);
    return `[${caption}] "${cell.textContent.trim().slice(0, 40)}"`;
  };
  for (const table of document.querySelectorAll('article table')) {
    if (!visible(table)) continue;
    for (const row of table.rows) {
      const cells = Array.from(row.cells).filter(visible);
      const boxes = cells.map(c => c.getBoundingClientRect());
      for (let i = 0; i < cells.length; i++) {
        for (let j = i + 1; j < cells.length; j++) {
          const a = boxes[i], b = boxes[j];
          const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (overlapX > 1 && overlapY > 1) problems.push(`cells overlap: ${where(table, cells[i])} and ${where(table, cells[j])}`);
        }
        const cell = cells[i];
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(cell).overflowX);
        if (!scrolls && cell.scrollWidth > cell.clientWidth + 1) problems.push(`text overflows its cell: ${where(table, cell)}`);
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // a word, or the part of an identifier or path up to and including its _, - or /
          for (const match of node.data.matchAll(/[^\s_\/\u2010-\u2015-]+[_\/\u2010-\u2015-]?/g)) {
            if (match[0].length < 2) continue;
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (lines.size > 1) problems.push(`word broken across lines: "${match[0]}" in ${where(table, cell)}`);
          }
        }
      }
    }
  }
  return problems;
}"""

_CAPTIONS_THAT_SCROLL = """() => {
  const out = [];
  for (const caption of document.querySelectorAll('article table > caption')) {
    let box = caption.parentElement.parentElement;
    while (box && box.tagName !== 'ARTICLE') {
      const style = getComputedStyle(box);
      if (['auto', 'scroll'].includes(style.overflowX) && box.scrollWidth > box.clientWidth + 1) {
        out.push(caption.textContent.trim().slice(0, 60));
        break;
      }
      box = box.parentElement;
    }
  }
  return out;
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", toc_files())
def test_tables_are_readable(browser, site_url, name, viewport):  # noqa: F811
    page = _open(browser, f"{site_url}/{name}.html", viewport)
    problems = page.evaluate(_TABLE_PROBLEMS)
    scrolling = page.evaluate(_CAPTIONS_THAT_SCROLL)
    page.close()
    problems += [f"caption scrolls sideways with its table: {c}" for c in scrolling]
    assert not problems, "\n".join(dict.fromkeys(problems))


def _search(browser, site_url, query: str):  # noqa: F811
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{site_url}/search.html?q={quote_plus(query)}", wait_until="networkidle")
    page.wait_for_function(
        "document.querySelector('#search-results .search-summary, #search-results p')"
        " && !document.querySelector('#search-progress')?.textContent.trim()"
    )
    page.wait_for_timeout(300)  # results are appended one at a time
    results = page.evaluate(
        """() => Array.from(document.querySelectorAll('#search-results ul.search > li')).map(li => ({
             href: li.querySelector('a').getAttribute('href'),
             snippet: (li.querySelector('p.context') || {textContent: ''}).textContent}))"""
    )
    page.close()
    return results


def test_search_finds_the_defining_chapter_first(browser, site_url):  # noqa: F811
    results = _search(browser, site_url, "location quotient")
    pages = [r["href"].split("?")[0].split("#")[0] for r in results]
    assert any("porter-clusters" in p for p in pages[:3]), pages[:6]


@pytest.mark.parametrize("query", ["location quotient", "clustering coefficient", "Q"])
def test_search_snippets_show_no_latex(browser, site_url, query):  # noqa: F811
    results = _search(browser, site_url, query)
    assert results, f"no results for {query!r}"
    raw = [r["snippet"] for r in results if re.search(r"\$|\\[A-Za-z()\[\]]", r["snippet"])]
    assert not raw, "\n".join(raw)
