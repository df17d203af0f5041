"""Chapter code is held to the package's standard: ruff's rules and format, one alias style.

The code cells of each MyST chapter are checked with the same ruff configuration as
``src/`` (see ``tests/chapter_code.py``; ``make format-chapters`` fixes them).
"""

from __future__ import annotations

import re

import pytest

from .chapter_code import CHAPTERS, check_chapter, code_cells

NOTEBOOKS = [p for p in sorted(CHAPTERS.glob("*.md")) if code_cells(p.read_text(encoding="utf-8"))]

#: The one alias each kind of clusternet module gets in a chapter (CONTRIBUTING.md).
ALIASES = {"book": "analysis", "plotting": "figures"}


@pytest.mark.parametrize("chapter", NOTEBOOKS, ids=lambda p: p.stem)
def test_chapter_code_passes_ruff(chapter):
    problems = check_chapter(chapter)
    assert not problems, problems


@pytest.mark.parametrize("chapter", NOTEBOOKS, ids=lambda p: p.stem)
def test_chapter_imports_use_the_alias_convention(chapter):
    text = chapter.read_text(encoding="utf-8")
    wrong = [
        match.group(0)
        for match in re.finditer(
            r"^from clusternet\.(book|plotting) import \w+ as (\w+)", text, flags=re.MULTILINE
        )
        if match.group(2) != ALIASES[match.group(1)]
    ]
    assert not wrong, f"{chapter.name}: use `as analysis` / `as figures`: {wrong}"


def test_code_cells_are_found_exactly():
    text = "x\n```{code-cell} ipython3\n---\ntags: [a]\n---\na = 1\n```\n\n```{code-cell} ipython3\n:tags: [b]\nb = 2\n```\n"
    assert [text[a:b] for a, b in code_cells(text)] == ["a = 1\n", "b = 2\n"]
