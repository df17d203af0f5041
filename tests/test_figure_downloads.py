"""Every figure of the built site offers its PNG, SVG and CSV, and says how to cite it
(clusternet.sphinx_figures; run after ``make book``)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pandas as pd
import pytest
from PIL import Image

from clusternet import __version__

from .conftest import HTML, require_current_site
from .test_build import html_pages

pytestmark = pytest.mark.build
SVG = {"svg": "http://www.w3.org/2000/svg", "dc": "http://purl.org/dc/elements/1.1/"}


@pytest.fixture(scope="module", autouse=True)
def _require_build():
    require_current_site()


class _Figures(HTMLParser):
    """Figure ids of a page, and the download blocks with their links."""

    def __init__(self):
        super().__init__()
        self.figures: list[str] = []
        self.blocks: dict[str, dict] = {}
        self._block = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "figure" and attributes.get("id", "").startswith("fig-"):
            self.figures.append(attributes["id"])
        if tag == "div" and "figure-downloads" in attributes.get("class", ""):
            self._block = {"links": [], **attributes}
            self.blocks[attributes["data-figure"]] = self._block
        if tag == "a" and self._block is not None and attributes.get("download"):
            self._block["links"].append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "div":
            self._block = None


def _figures():
    found = []
    for page in html_pages():
        parser = _Figures()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [(page, name, parser.blocks.get(name)) for name in parser.figures]
    return found


FIGURES = _figures() if (HTML / "index.html").is_file() else []


def test_the_book_has_figures():
    assert len(FIGURES) >= 30


@pytest.mark.parametrize("page, name, block", FIGURES, ids=[name for _, name, _ in FIGURES] or None)
def test_figure_offers_png_svg_and_csv(page, name, block):
    assert block is not None, f"{page.name}: {name} has no download line"
    files = {link.rsplit(".", 1)[1]: (page.parent / link).resolve() for link in block["links"]}
    assert set(files) == {"png", "svg", "csv"}
    for path in files.values():
        assert path.is_file(), f"{path} is linked but missing"
        assert re.fullmatch(r"figure-\d+(-\d+)*-[a-z0-9-]+\.(png|svg|csv)", path.name)
    text = page.read_text(encoding="utf-8")
    assert "Cite this figure:</span> Figure " in text
    assert f"version {__version__}" in text

    root = ET.parse(files["svg"]).getroot()
    title = root.find("svg:title", SVG).text
    assert title.startswith("Figure ") and len(title) > 15
    rights = root.find(".//dc:rights", SVG).text
    assert "CC BY 4.0" in rights and "Data:" in rights
    assert f"version {__version__}" in root.find(".//dc:source", SVG).text
    assert name in root.find(".//dc:source", SVG).text

    image = Image.open(files["png"])
    image.load()
    assert image.text["Title"] == title and "CC BY 4.0" in image.text["Copyright"]
    assert image.info["dpi"][0] == pytest.approx(300, abs=1)

    raw = files["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV needs a byte-order mark for Excel"
    table = pd.read_csv(files["csv"], encoding="utf-8-sig")
    assert len(table) >= 1 and len(table.columns) >= 2
    assert not any(str(c).startswith("Unnamed") for c in table.columns)
