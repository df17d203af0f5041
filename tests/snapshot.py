"""Pin every glued number of the built book: ``make snapshot`` (after ``make book``).

``python -m tests.snapshot`` reads what every page glued from the executed notebooks of the
last build and writes ``tests/expected/glued-numbers.csv``: one row per number with its
chapter, exact value, printed text, unit, kind and a relative tolerance. The post-build
test ``test_every_glued_number_is_pinned`` fails when a built number differs from its row
(text exactly, value within the tolerance), when a new number has no row, or when a pinned
number is no longer glued. A deliberate change is recorded by running ``make snapshot``
again and reviewing the diff of the CSV in the commit.

Tolerances written by hand in the CSV (for a number that legitimately varies between
machines) are kept when the snapshot is regenerated.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXECUTED = ROOT / "_build" / "jupyter_execute"
SNAPSHOT = ROOT / "tests" / "expected" / "glued-numbers.csv"
FIELDS = ["chapter", "name", "value", "text", "unit", "kind", "tolerance"]
DEFAULT_TOLERANCE = "1e-9"
GLUE_KEY = "clusternet"


def built_numbers(executed: Path = EXECUTED) -> dict[str, dict]:
    """Name -> row (FIELDS without tolerance) of every number glued in the last build."""
    numbers: dict[str, dict] = {}
    for path in sorted(executed.rglob("*.glue.json")):
        chapter = path.relative_to(executed).as_posix().removesuffix(".glue.json")
        for output in json.loads(path.read_text(encoding="utf-8")).values():
            meta = output.get("metadata", {}).get(GLUE_KEY)
            if not meta:
                continue
            if meta["name"] in numbers:
                raise ValueError(f"{meta['name']} is glued twice ({chapter})")
            numbers[meta["name"]] = {
                "chapter": chapter,
                "name": meta["name"],
                "value": repr(float(meta["value"])),
                "text": meta["text"],
                "unit": meta["unit"],
                "kind": meta.get("kind", ""),
            }
    return numbers


def pinned_numbers(path: Path = SNAPSHOT) -> dict[str, dict]:
    """Name -> row of the snapshot file (empty if there is none yet)."""
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


def write_snapshot(path: Path = SNAPSHOT) -> int:
    numbers = built_numbers()
    if not numbers:
        print(f"no glued numbers under {EXECUTED}: run `make book` first", file=sys.stderr)
        return 1
    old = pinned_numbers(path)
    rows = sorted(numbers.values(), key=lambda row: (row["chapter"], row["name"]))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            tolerance = old.get(row["name"], {}).get("tolerance") or DEFAULT_TOLERANCE
            writer.writerow(row | {"tolerance": tolerance})
    added = sorted(set(numbers) - set(old))
    removed = sorted(set(old) - set(numbers))
    print(f"pinned {len(rows)} numbers in {path.relative_to(ROOT)}")
    print(
        f"  new: {len(added)}, no longer glued: {len(removed)}; review `git diff` before committing"
    )
    return 0


if __name__ == "__main__":
    sys.exit(write_snapshot())
