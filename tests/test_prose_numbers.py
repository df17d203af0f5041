"""Every number a reader sees in the chapters is glued or quoted with a citation."""

from __future__ import annotations

import pytest

from .prose_numbers import CHAPTERS, typed_numbers


@pytest.mark.parametrize("path", sorted(CHAPTERS.glob("*.md")), ids=lambda p: p.name)
def test_no_number_is_typed_into_the_prose(path):
    found = typed_numbers(path)
    assert not found, "glue these numbers or cite their source in the same sentence:\n" + "\n".join(
        f"  line {line}: {number!r} in {sentence!r}" for line, number, sentence in found
    )


def test_the_scanner_finds_a_typed_number(tmp_path):
    chapter = tmp_path / "x.md"
    chapter.write_text(
        "The effect is 2.8 times larger.\n\nIt is {glue}`a_b` in 2021, as quoted "
        "(42 firms; {cite:p}`key`).\n\n```{code-cell} ipython3\nx = 17\n```\n\n$$ y = 3 $$\n"
    )
    assert [number for _, number, _ in typed_numbers(chapter)] == ["2.8"]
