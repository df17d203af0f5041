"""Run every benchmark and time the book's clean and cached builds (`make bench`).

Each ``benchmarks/bench_*.py`` has a ``main()`` that prints its own table (ratios against
a reference implementation measured in the same run) and writes
``benchmarks/results/<topic>.json``. This script runs them in turn, then measures the wall
time of a clean strict build and of a cached rebuild with nothing changed, and writes
``benchmarks/results/build.json``.

Usage: ``python benchmarks/run_all.py [--skip-build] [--only NAME]``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import shutil
import subprocess
import sys
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
    print(f"clean build (empty _build):      {clean:6.1f} s   target < 120 s")
    print(f"cached rebuild (nothing changed): {cached:6.1f} s")
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="do not time the book builds")
    parser.add_argument("--only", default=None, help="run only benchmarks whose name contains this")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    run_benchmarks(args.only)
    if not args.skip_build and not args.only:
        (RESULTS / "build.json").write_text(json.dumps(time_builds(), indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
