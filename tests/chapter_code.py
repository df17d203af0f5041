"""Lint and format the code cells of the MyST chapters with the package's ruff settings.

``python -m tests.chapter_code`` checks every chapter (exit 1 on a problem);
``python -m tests.chapter_code --fix`` rewrites the code cells in place (ruff's safe fixes,
then ruff format) and leaves everything else in the file (prose, cell metadata) untouched.

The code cells of a chapter are copied into a temporary ``.ipynb`` (so ruff treats them as
notebook cells: a trailing ``;`` that hides a figure's repr is kept), checked there, and
mapped back to the chapter by cell number.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
CONFIG = ROOT / "pyproject.toml"
RUFF = Path(sys.executable).with_name("ruff")

_OPEN = re.compile(r"^(?P<fence>`{3,})\{code-cell\}[^\n]*\n", re.MULTILINE)


def code_cells(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of every code cell's source in a MyST notebook."""
    spans = []
    for match in _OPEN.finditer(text):
        fence = match.group("fence")
        pos = match.end()
        if text.startswith("---\n", pos):  # YAML metadata block
            pos = text.index("\n---\n", pos + 3) + len("\n---\n")
        else:
            while text.startswith(":", pos):  # short-form options
                pos = text.index("\n", pos) + 1
        end = text.index(f"\n{fence}\n", pos - 1) + 1
        spans.append((pos, end))
    return spans


def _notebook(sources: list[str]) -> dict:
    return {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": source,
            }
            for source in sources
        ],
        "metadata": {"language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(RUFF), *args, "--config", str(CONFIG), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def check_chapter(path: Path, *, fix: bool = False) -> str:
    """Return ruff's complaints about the chapter's code ('' when clean); fix first if asked."""
    text = path.read_text(encoding="utf-8")
    spans = code_cells(text)
    sources = [text[a:b].removesuffix("\n") for a, b in spans]
    with tempfile.TemporaryDirectory() as folder:
        notebook = Path(folder) / f"{path.stem}.ipynb"
        notebook.write_text(json.dumps(_notebook(sources)), encoding="utf-8")
        if fix:
            _ruff("check", "--fix", "--quiet", str(notebook))
            _ruff("format", "--quiet", str(notebook))
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
            fixed = ["".join(cell["source"]).rstrip("\n") + "\n" for cell in cells]
            for (a, b), new in sorted(zip(spans, fixed, strict=True), reverse=True):
                text = text[:a] + new + text[b:]
            path.write_text(text, encoding="utf-8")
        problems = []
        lint = _ruff("check", "--output-format", "concise", str(notebook))
        if lint.returncode:
            problems.append(lint.stdout + lint.stderr)
        form = _ruff("format", "--check", str(notebook))
        if form.returncode:
            problems.append(f"ruff format would change {path.name}\n{form.stdout}{form.stderr}")
    return "\n".join(problems).replace(str(notebook), path.name)


def main(argv: list[str]) -> int:
    fix = "--fix" in argv
    names = [a for a in argv if not a.startswith("--")]
    paths = [CHAPTERS / f"{n}.md" for n in names] or sorted(CHAPTERS.glob("*.md"))
    failed = 0
    for path in paths:
        problems = check_chapter(path, fix=fix)
        if problems:
            failed += 1
            print(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
