"""Execute one chapter outside the book and compare what it glues with the baseline.

``python -m tests.execute_chapter porter-clusters`` converts the chapter with jupytext,
executes it with nbclient (working directory ``chapters/``), and checks that

- every number it glues equals ``tests/expected/baseline-glue.json`` (the numbers and the
  texts of the book as last published: a deliberate change shows up as a PROBLEM line to
  explain, and ``python -m tests.execute_chapter --snapshot`` records the new state) and the
  pinned ``tests/expected/<chapter>.csv``;
- its ``clusternet.book`` module's ``key_results()`` equals the glued values;
- nothing was written to stderr.

A developer's check for a single chapter; the build tests do the same for the whole book.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import sys
import time

import jupytext
from nbclient import NotebookClient

from .chapter_code import CHAPTERS, ROOT

GLUE_KEY = "clusternet"
BASELINE = ROOT / "tests" / "expected" / "baseline-glue.json"


def execute(chapter: str) -> tuple[dict[str, dict], list[str], list[str]]:
    notebook = jupytext.read(CHAPTERS / f"{chapter}.md")
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    NotebookClient(notebook, timeout=300, resources={"metadata": {"path": str(CHAPTERS)}}).execute()
    glued, stderr, figures = {}, [], []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                figures.append(hashlib.sha256(png.encode()).hexdigest())
            meta = output.get("metadata", {}).get(GLUE_KEY)
            if meta:
                glued[meta["name"]] = meta
            if output.get("name") == "stderr":
                stderr.append(output.get("text", ""))
    return glued, stderr, figures


def _snapshot_one(chapter: str):
    glued, _, figures = execute(chapter)
    fields = ("value", "text", "unit", "headline", "description")
    return chapter, {n: {k: m[k] for k in fields} for n, m in glued.items()}, figures


def write_snapshot() -> int:
    """Record every executed page's glued numbers and figure hashes as the new baseline."""
    from concurrent.futures import ProcessPoolExecutor

    from clusternet.book.execute import toc_notebooks

    chapters = [p.stem for p in toc_notebooks(ROOT)]
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(_snapshot_one, chapters))
    state = {
        "numbers": {c: numbers for c, numbers, _ in results if numbers},
        "figures": {c: figures for c, numbers, figures in results if numbers or figures},
    }
    BASELINE.write_text(json.dumps(state, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{BASELINE.relative_to(ROOT)}: {sum(map(len, state['numbers'].values()))} numbers")
    return 0


def main(argv: list[str]) -> int:
    if argv == ["--snapshot"]:
        return write_snapshot()
    chapter = argv[0]
    start = time.perf_counter()
    glued, stderr, figures = execute(chapter)
    seconds = time.perf_counter() - start
    problems = [f"stderr: {text[:500]}" for text in stderr]
    snapshot = json.loads(BASELINE.read_text(encoding="utf-8"))
    baseline = snapshot["numbers"].get(chapter, {})
    old_figures = snapshot["figures"].get(chapter, [])
    if figures != old_figures:
        changed = [
            i + 1 for i, (a, b) in enumerate(zip(figures, old_figures, strict=False)) if a != b
        ]
        problems.append(
            f"figures differ from the baseline: {len(figures)} now, {len(old_figures)} before; "
            f"changed (1-based order): {changed}"
        )
    for old, meta in baseline.items():
        name = old
        if name not in glued:
            problems.append(f"{name}: glued before the redesign, not glued now")
            continue
        now = glued[name]
        if now["value"] != meta["value"] and not math.isclose(
            now["value"], meta["value"], rel_tol=1e-12, abs_tol=1e-15
        ):
            problems.append(f"{name}: value {now['value']!r} != baseline {meta['value']!r}")
        for field in ("text", "unit", "headline", "description"):
            if now.get(field) != meta.get(field):
                problems.append(
                    f"{name}: {field} {now.get(field)!r} != baseline {meta.get(field)!r}"
                )
    extra = sorted(set(glued) - set(baseline))
    expected_path = ROOT / "tests" / "expected" / f"{chapter}.csv"
    with open(expected_path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            value = glued.get(row["name"], {}).get("value")
            tol = float(row["tolerance"])
            if value is None:
                problems.append(f"{row['name']}: pinned in {expected_path.name} but not glued")
            elif not math.isclose(value, float(row["expected"]), rel_tol=tol, abs_tol=tol):
                problems.append(f"{row['name']}: {value!r} != pinned {row['expected']}")
    from clusternet.book import chapter_module

    results = chapter_module(chapter).key_results()
    for name, value in results.items():
        if name not in glued:
            problems.append(f"key_results() has {name}, which the chapter does not glue")
        elif not math.isclose(value, glued[name]["value"], rel_tol=1e-12, abs_tol=1e-15):
            problems.append(
                f"key_results()[{name!r}] = {value!r} != glued {glued[name]['value']!r}"
            )
    print(
        f"{chapter}: executed in {seconds:.1f} s; {len(glued)} numbers glued "
        f"({len(baseline)} in the baseline; new: {extra or 'none'}); key_results: {len(results)}"
    )
    for problem in problems:
        print("  PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
