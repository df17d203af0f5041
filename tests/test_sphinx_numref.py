"""The cached numref resolution gives Sphinx's own links and reads each target page once."""

from __future__ import annotations

import re

import pytest

sphinx_application = pytest.importorskip("sphinx.application")

PAGES = {
    "index": """Book
====

.. toctree::

   figures
   prose

""",
    "figures": """Figures
=======

.. _fig-one:

.. figure:: pixel.png

   The first figure.

.. _tbl-one:

.. table:: The first table.

   ===  ===
   a    b
   ===  ===
   1    2
   ===  ===

See :numref:`fig-one` on this page.
""",
    "prose": """Prose
=====

:numref:`fig-one`, :numref:`tbl-one`, :numref:`Figure {number} ({name}) <fig-one>`
and :numref:`fig-one` again.
""",
}
#: A 1x1 PNG.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def _build(tmp_path, extensions: list[str], monkeypatch) -> tuple[dict[str, str], list[str]]:
    source = tmp_path / "source"
    source.mkdir(parents=True)
    for name, text in PAGES.items():
        (source / f"{name}.rst").write_text(text, encoding="utf-8")
    (source / "pixel.png").write_bytes(PIXEL)
    (source / "conf.py").write_text(
        f"extensions = {extensions!r}\nnumfig = True\n", encoding="utf-8"
    )
    from sphinx.environment import BuildEnvironment
    from sphinx.util.docutils import docutils_namespace

    reads = []
    original = BuildEnvironment.get_doctree

    def counting(env, docname):
        reads.append(docname)
        return original(env, docname)

    monkeypatch.setattr(BuildEnvironment, "get_doctree", counting)
    out = tmp_path / "html"
    with docutils_namespace():  # two builds in one process
        sphinx_application.Sphinx(
            str(source), str(source), str(out), str(tmp_path / "doctrees"), "html",
            status=None, warning=None, freshenv=True, warningiserror=True,
        ).build()  # fmt: skip
    links = {}
    for name in ("figures", "prose"):
        html = (out / f"{name}.html").read_text(encoding="utf-8")
        links[name] = re.findall(r'<a class="reference internal" href="[^"]*#[^"]*">.*?</a>', html)
    return links, reads


def test_numref_links_equal_sphinx_and_each_target_page_is_read_once(tmp_path, monkeypatch):
    plain, plain_reads = _build(tmp_path / "plain", [], monkeypatch)
    cached, cached_reads = _build(tmp_path / "cached", ["clusternet.sphinx_numref"], monkeypatch)
    assert cached == plain
    prose = " ".join(cached["prose"])
    for text in ("Fig. 1", "Table 1", "Figure 1 (The first figure.)"):
        assert text in prose, prose
    # Sphinx reads the target page once per numref (five here) besides writing it; the
    # cache reads it once for all five
    assert plain_reads.count("figures") >= 6
    assert cached_reads.count("figures") <= 2
