"""The book's page post-processing (clusternet.book.pages), without building the book."""

from __future__ import annotations

import matplotlib.pyplot as plt
from PIL import Image

from clusternet.book import pages
from clusternet.book.pages import accessible_body, mathjax_unused, palette_png


def _figure(path, transparent: bool) -> None:
    figure, axes = plt.subplots(figsize=(4, 3), dpi=100)
    axes.plot([0, 1, 2], [0, 1, 4], color="#0072B2")
    axes.set_title("A chart")
    figure.savefig(path, transparent=transparent)
    plt.close(figure)


def test_an_opaque_figure_gets_a_smaller_palette_png(tmp_path):
    path = tmp_path / "figure.png"
    _figure(path, transparent=False)
    before = path.stat().st_size
    assert palette_png(path)
    with Image.open(path) as image:
        assert image.mode == "P" and image.size == (400, 300)
    assert path.stat().st_size < before
    assert not palette_png(path), "a palette PNG is left as it is"


def test_a_transparent_figure_is_left_alone(tmp_path):
    path = tmp_path / "figure.png"
    _figure(path, transparent=True)
    before = path.read_bytes()
    assert not palette_png(path)
    assert path.read_bytes() == before


def test_citations_become_list_items_of_the_reference_list():
    body = '<div role="list" class="citation-list"><div class="citation" id="id4" role="doc-biblioentry">'
    assert 'role="listitem"' in accessible_body(body)
    assert "doc-biblioentry" not in accessible_body(body)


def test_images_load_lazily_once():
    assert (
        accessible_body('<img loading="eager" src="a.png">') == '<img loading="eager" src="a.png">'
    )
    assert accessible_body('<img src="a.png">').count("loading=") == 1


def test_the_pages_keep_the_mathjax_files_they_load():
    assert not mathjax_unused("startup.js")
    assert not mathjax_unused("input/tex/extensions/ams.js")
    assert mathjax_unused("tex-chtml.js") and mathjax_unused("sre/mathmaps/en.json")


class _Script:
    def __init__(self, filename, body=""):
        self.filename = filename
        self.attributes = {"body": body} if body else {}


def _scripts_kept(body: str) -> list[str]:
    scripts = [
        _Script(None, 'window.MathJax = {"loader": {}}'),
        _Script("mathjax/startup.js"),
        _Script("_static/doctools.js"),
    ]
    context = {"body": body, "script_files": scripts, "css_files": []}
    pages._drop_unused_assets(None, "p", "page.html", context, None)
    return [s.filename or "inline MathJax configuration" for s in context["script_files"]]


def test_mathjax_loads_only_on_pages_with_math():
    everything = ["inline MathJax configuration", "mathjax/startup.js", "_static/doctools.js"]
    assert _scripts_kept('<span class="math notranslate nohighlight">\\(x\\)</span>') == everything
    assert _scripts_kept("<p>Pages of the reference: <a>API: Networks</a></p>") == [
        "_static/doctools.js"
    ]


def test_sidebar_toggles_are_named_after_their_entry():
    html = (
        '<li class="toctree-l1 current active has-children"><a class="current reference internal"'
        ' href="#">API reference</a><details open="open"><summary><span class="toctree-toggle"'
        ' role="presentation"><i class="fa-solid fa-chevron-down"></i></span></summary><ul>'
    )
    named = pages.name_toggles(html)
    assert '<details open="open"><summary aria-label="Pages of API reference">' in named
    assert pages.name_toggles(named) == named  # once
    assert pages.name_toggles("<summary>Show code</summary>") == "<summary>Show code</summary>"
