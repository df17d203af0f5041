"""Run every benchmark and time the book's clean and cached builds (`make bench`).

Each ``benchmarks/bench_*.py`` has a ``main()`` that prints its own table (ratios against
a reference implementation measured in the same run) and writes
``benchmarks/results/<topic>.json``. This script runs them in turn, then measures the wall
time of a clean strict build and of a cached rebuild with nothing changed, and writes
``benchmarks/results/build.json``.

This machine's speed varies by a factor of up to two within an hour, so a build time
alone says little. ``--reference REV`` builds the book at another commit too (a temporary
git worktree using this checkout's environment), alternating the two clean builds in
ABBA order ``--rounds`` times, and reports the ratio of the medians: a change's cost
measured in one run.

Usage: ``python benchmarks/run_all.py [--skip-build] [--only NAME] [--reference REV [--rounds N]]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def run_benchmarks(only: str | None) -> None:
    for path in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        if only and only not in path.stem:
            continue
        print(f"\n=== {path.name}")
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.perf_counter()
        module.main([])
        print(f"({path.name} took {time.perf_counter() - started:.1f} s)")


def timed_make(target: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        ["make", "--no-print-directory", target], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def time_builds() -> dict:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    clean = timed_make("rebuild")
    cached = timed_make("rebuild")
    result = {
        "clean_build_seconds": round(clean, 1),
        "cached_rebuild_seconds": round(cached, 1),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
    }
    print("\n=== book build (strict: -W -n --keep-going)")
    print(f"clean build (empty _build):      {clean:6.1f} s   target <= 90 s")
    print(f"cached rebuild (nothing changed): {cached:6.1f} s")
    return result


def _clean_build(book: Path, *, src: Path) -> float:
    """Wall time of a clean strict ``make rebuild`` of ``book`` with this environment."""
    shutil.rmtree(book / "_build", ignore_errors=True)
    stamp = book / ".bench-installed-stamp"  # newer than every prerequisite: no install
    stamp.touch()
    env = dict(os.environ, PYTHONPATH=str(src))  # kernels and Sphinx import this clusternet
    started = time.perf_counter()
    subprocess.run(
        ["make", "--no-print-directory", "rebuild", f"VENV={sys.prefix}", f"STAMP={stamp}"],
        cwd=book,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def compare_builds(reference: str, rounds: int) -> dict:
    """Clean builds of this tree and of ``reference``, alternated; medians and their ratio."""
    times = {"current": [], "reference": []}
    with tempfile.TemporaryDirectory(prefix="clusternet-bench-") as folder:
        other = Path(folder) / "book"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(other), reference],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            # ABBA order (reference, current, current, reference, ...): a machine that
            # speeds up or slows down steadily during the run favours neither side
            builds = {"reference": (other, other / "src"), "current": (ROOT, ROOT / "src")}
            for round_ in range(rounds):
                order = ("reference", "current") if round_ % 2 == 0 else ("current", "reference")
                for name in order:
                    book, src = builds[name]
                    times[name].append(_clean_build(book, src=src))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT)
    medians = {name: statistics.median(values) for name, values in times.items()}
    result = {
        "reference": reference,
        "reference_commit": subprocess.run(
            ["git", "rev-parse", "--short=12", reference], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "rounds": rounds,
        "current_seconds": [round(t, 1) for t in times["current"]],
        "reference_seconds": [round(t, 1) for t in times["reference"]],
        "ratio_of_medians": round(medians["current"] / medians["reference"], 3),
    }
    print(f"\n=== clean build against {reference} ({rounds} rounds, alternated)")
    print(f"current:   {result['current_seconds']} s")
    print(f"reference: {result['reference_seconds']} s")
    print(f"current / reference (medians): {result['ratio_of_medians']:.3f}")
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="do not time the book builds")
    parser.add_argument("--only", default=None, help="run only benchmarks whose name contains this")
    parser.add_argument("--reference", default=None, help="also build this commit, alternating")
    parser.add_argument("--rounds", type=int, default=2, help="clean builds of each (--reference)")
    args = parser.parse_args(argv)
    if args.reference:
        RESULTS.mkdir(parents=True, exist_ok=True)
        result = compare_builds(args.reference, args.rounds)
        (RESULTS / "build-comparison.json").write_text(json.dumps(result, indent=1) + "\n")
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    run_benchmarks(args.only)
    if not args.skip_build and not args.only:
        (RESULTS / "build.json").write_text(json.dumps(time_builds(), indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
