"""Open every page of the built site in headless Chromium, as a reader would.

Fails on console errors, failed requests, requests that leave localhost, and images that
did not load. Saves a desktop screenshot of every page and a phone-sized one of the
introduction in ``_build/screenshots/`` for people to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from clusternet.book.pdf import CHROMIUM_FLAGS

from .conftest import BUILD, HTML, require_current_site
from .test_build import toc_files

pytestmark = pytest.mark.browser

SCREENSHOTS = BUILD / "screenshots"


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="module", autouse=True)
def _require_current_site():
    require_current_site()


@pytest.fixture(scope="module")
def site_url():
    if not (HTML / "index.html").is_file():
        pytest.fail("no built site in _build/html: run `make book` first")
    handler = functools.partial(_QuietHandler, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    path = chromium_path()
    with playwright_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=path, headless=True, args=CHROMIUM_FLAGS
            )
        except Exception as error:  # pragma: no cover - depends on the machine
            pytest.fail(
                f"could not start Chromium ({error}). Install it: `sudo apt-get install chromium`, "
                "or `.venv/bin/playwright install chromium`, or set CHROMIUM_PATH."
            )
        yield launched
        launched.close()


#: Images a reader can reach: a lazily loaded image inside a hidden element never loads.
_SHOWN = "i => i.loading !== 'lazy' || i.getClientRects().length > 0"


def _read_to_the_end(page) -> None:
    """Scroll through the page as a reader would, so that lazily loaded images load."""
    page.evaluate(
        """async () => {
          const step = window.innerHeight / 2;
          for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
            window.scrollTo(0, y);
            await new Promise(resolve => setTimeout(resolve, 20));
          }
          window.scrollTo(0, 0);
          // an image scrolled past while the machine was busy may not have started loading
          document.querySelectorAll("img[loading=lazy]").forEach(i => { i.loading = "eager"; });
        }"""
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_function(f"Array.from(document.images).filter({_SHOWN}).every(i => i.complete)")


def _visit(browser, url: str, screenshot: Path, viewport: dict) -> list[str]:
    problems: list[str] = []
    page = browser.new_page(viewport=viewport)
    host = urlparse(url).hostname

    def on_console(message):
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    def on_request(request):
        target = urlparse(request.url)
        if target.scheme in ("http", "https") and target.hostname != host:
            problems.append(f"request leaves localhost: {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed request: {request.url}"))
    page.on("request", on_request)
    response = page.goto(url, wait_until="networkidle")
    if response is None or response.status != 200:
        problems.append(f"HTTP status {None if response is None else response.status}")
    _read_to_the_end(page)  # images load lazily, as a reader reaches them
    broken = page.evaluate(
        f"() => Array.from(document.images).filter({_SHOWN})"
        ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )
    problems += [f"image did not load: {src}" for src in broken]
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshot), full_page=True, timeout=90_000)  # the API page is tall
    page.close()
    return problems


@pytest.mark.parametrize("name", toc_files())
def test_page_renders_cleanly(browser, site_url, name):
    shot = SCREENSHOTS / f"{name.replace('/', '-')}.png"
    problems = _visit(browser, f"{site_url}/{name}.html", shot, {"width": 1280, "height": 900})
    assert not problems, "\n".join(problems)
    assert shot.stat().st_size > 10_000, "the screenshot is suspiciously small (blank page?)"


def test_introduction_on_a_phone(browser, site_url):
    shot = SCREENSHOTS / "phone-chapters-intro.png"
    problems = _visit(
        browser, f"{site_url}/chapters/intro.html", shot, {"width": 390, "height": 844}
    )
    assert not problems, "\n".join(problems)


def test_glued_number_and_figure_are_visible(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}/chapters/intro.html", wait_until="networkidle")
    text = page.inner_text("main")
    assert "7.5 times the national share" in " ".join(text.split())
    figure = page.locator("figure#fig-intro-aerospace img")
    assert figure.count() == 1
    figure.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('figure#fig-intro-aerospace img').complete")
    assert figure.evaluate("img => img.naturalWidth") > 300
    assert "Figure 1" in page.locator("figure#fig-intro-aerospace figcaption").inner_text()
    page.close()


def test_key_numbers_file_downloads(browser, site_url):
    page = browser.new_page()
    response = page.request.get(f"{site_url}/_static/key-numbers.csv")
    assert response.status == 200
    assert response.body().startswith(b"\xef\xbb\xbfname,value,text,unit,kind,")
    page.close()


def test_key_numbers_filter_by_kind(browser, site_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{site_url}/chapters/key-numbers.html", wait_until="networkidle")
    rows = page.locator("table.key-numbers tbody tr")
    total = rows.count()
    page.select_option('select[data-filter="kind"]', "real data")
    visible = page.locator("table.key-numbers tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    kinds = visible.evaluate_all("rows => rows.map(r => r.dataset.kind)")
    assert set(kinds) == {"real data"}
    assert "of" in page.locator(".key-numbers-count").inner_text()
    page.close()


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("name", toc_files())
def test_no_page_scrolls_sideways_on_a_phone(browser, site_url, name):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site_url}/{name}.html", wait_until="networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    shot = SCREENSHOTS / f"phone-{name.replace('/', '-')}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=False)
    page.close()
    assert width <= PHONE["width"], f"{name} is {width} px wide on a {PHONE['width']}-px phone"


@pytest.mark.parametrize(
    "toggle, dialog",
    [
        (".primary-toggle", "pst-primary-sidebar-modal"),
        (".secondary-toggle", "pst-secondary-sidebar-modal"),
    ],
    ids=["chapters menu", "on this page"],
)
def test_menu_opens_and_closes_on_a_phone(browser, site_url, toggle, dialog):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site_url}/chapters/porter-clusters.html", wait_until="networkidle")
    page.locator(f"{toggle}:visible").first.click()
    page.wait_for_function(f"document.getElementById('{dialog}').open")
    links = page.evaluate(f"document.querySelectorAll('#{dialog} a').length")
    page.keyboard.press("Escape")
    page.wait_for_function(f"!document.getElementById('{dialog}').open")
    page.close()
    assert links >= 3, f"the {dialog} dialog opened with {links} link(s)"


def test_sidebar_toggle_hides_and_shows_the_sidebar_on_a_desktop(browser, site_url):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{site_url}/chapters/porter-clusters.html", wait_until="networkidle")
    shown = "getComputedStyle(document.querySelector('.bd-sidebar-primary')).display"
    toggle = page.locator(".primary-toggle:visible").first
    assert page.evaluate(shown) != "none"
    toggle.click()
    assert page.evaluate(shown) == "none" and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert page.evaluate(shown) != "none" and toggle.get_attribute("aria-expanded") == "true"
    page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_one_switch_folds_and_shows_all_code(browser, site_url, viewport):
    """Code is folded for readers by default; one button shows every code cell and is
    remembered on the next page."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}/chapters/porter-clusters.html", wait_until="networkidle")
    visible = "Array.from(document.querySelectorAll('div.cell_input')).filter(e => e.offsetParent !== null).length"
    assert page.evaluate(visible) == 0, "code should be folded by default"
    button = page.locator("button.code-toggle")
    assert button.is_visible() and button.inner_text() == "Show code"
    button.click()
    assert page.evaluate(visible) > 5 and button.get_attribute("aria-pressed") == "true"
    page.goto(f"{site_url}/chapters/small-world-q.html", wait_until="networkidle")
    assert page.evaluate(visible) > 5, "the choice to show code should carry to the next page"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_each_page_has_one_search_control(browser, site_url, viewport):
    page = browser.new_page(viewport=viewport)
    page.goto(f"{site_url}/chapters/briefing.html", wait_until="networkidle")
    shown = page.evaluate(
        "Array.from(document.querySelectorAll('.search-button-field, .search-button'))"
        ".filter(e => e.offsetParent !== null).length"
    )
    page.close()
    assert shown == 1, f"{shown} search controls at {viewport['width']} px"


def test_a_figure_opens_at_full_size_when_tapped(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{site_url}/chapters/porter-clusters.html", wait_until="networkidle")
    links = page.locator("a.figure-zoom")
    assert links.count() >= 3, "figures should be links to their full-size images"
    href = links.first.get_attribute("href")
    # figure-downloads.js points the link at the figure's 300-dpi PNG and says so
    assert links.first.get_attribute("aria-label").startswith("Open the figure at full size")
    assert href.endswith(".png")
    response = page.request.get(f"{site_url}/chapters/{href}")
    page.close()
    assert response.ok and response.headers["content-type"].startswith("image/")
