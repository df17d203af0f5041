"""No stale output: a change to data/ must change the built page.

Jupyter-cache keys executed notebooks on their code cells only, so without `make`'s
fingerprint of src/ and data/ an edited data file would leave the old number on the page.
This test builds the introduction in a temporary copy of the book, changes one value in
the copy's data, rebuilds with `make rebuild`, and checks that the published number moved.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = [pytest.mark.build, pytest.mark.slow]

NUMBER = re.compile(r"employment\s+(\S+)\s+times the national share", re.S)


def _make_rebuild(book: Path) -> str:
    venv = Path(sys.prefix)
    env = dict(os.environ, CLUSTERNET_DATA=str(book / "data"), CLUSTERNET_OWN_DATA="1")
    stamp = book / ".installed-stamp"  # newer than every prerequisite: make installs nothing
    stamp.touch()
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "rebuild",
            f"VENV={venv}",
            f"STAMP={stamp}",
            "JBFLAGS=--keep-going",
        ],
        cwd=book,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def _published_lq(book: Path) -> str:
    text = (book / "_build" / "html" / "chapters" / "intro.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", text)
    match = NUMBER.search(text)
    assert match, "the introduction no longer states the aerospace location quotient"
    return match.group(1)


def test_data_change_reaches_the_page(tmp_path):
    book = tmp_path / "book"
    shutil.copytree(
        ROOT,
        book,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "_build", "__pycache__", ".pytest_cache", ".hypothesis"
        ),
    )
    (book / "_toc.yml").write_text(  # the references page resolves the intro's citations
        "format: jb-book\nroot: chapters/intro\nchapters:\n  - file: chapters/references\n"
    )
    first = _make_rebuild(book)
    assert "clearing the execution cache" in first
    before = _published_lq(book)

    unchanged = _make_rebuild(book)
    assert "clearing the execution cache" not in unchanged, "an unchanged tree must reuse the cache"

    cbp = book / "data" / "us-cbp" / "US-census-naics4-2021.csv"
    text = cbp.read_text()
    assert "53,3364,114,66573," in text
    cbp.write_text(text.replace("53,3364,114,66573,", "53,3364,114,16573,"))
    second = _make_rebuild(book)
    assert "clearing the execution cache" in second
    after = _published_lq(book)
    assert before == "7.5"
    assert after != before, f"the page still shows {before} after the data changed"

    # an edited reference reaches the pages that cite it, with the execution cache kept
    bib = book / "references.bib"
    bib.write_text(bib.read_text().replace("{Clusters and the New Economics", "{Edited Clusters"))
    third = _make_rebuild(book)
    assert "clearing the execution cache" not in third and "clearing the doctrees" in third
    intro = (book / "_build" / "html" / "chapters" / "intro.html").read_text(encoding="utf-8")
    assert "edited clusters" in intro.lower(), "the introduction still shows the old reference"
