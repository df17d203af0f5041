"""Benchmark of the connections helpers (`python benchmarks/bench_connections.py`).

Classifying ties into Nesta's three layers is the step a reader runs on a large
collaboration network (a business register's co-project ties can reach millions). The
reference implementation is the obvious one: look up both firms' attributes and apply
the rule row by row (``ties.apply(rule, axis=1)``). ``clusternet.classify_ties`` maps
firm ids to rows once and compares integer codes with NumPy. Both run on the same ties;
the layers must be identical. The benchmark uses one million ties among 200,000 firms.
Targets: at least 20 times faster than the reference, the million ties classified and
profiled in under 5 seconds, and the chapter's ``key_results()``
(:mod:`clusternet.book.creative_connections`) under 2 seconds (a repeat call; the first
call in a process also pays one-off imports and is reported separately).

``--quick`` runs the smallest case (20,000 firms, 100,000 ties) as a smoke test and does
not write results. Otherwise writes ``benchmarks/results/connections.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from clusternet import connections as cc
from clusternet.book import creative_connections as analysis

RESULTS = Path(__file__).resolve().parent / "results"


def synthetic_network(n_firms: int, n_ties: int, seed: int = 0):
    """Firms in 50 places and 20 sectors (6 creative) and random ties without loops or repeats."""
    rng = np.random.default_rng(seed)
    sectors = [f"sector_{k:02d}" for k in range(20)]
    creative = {s: k < 6 for k, s in enumerate(sectors)}
    firms = pd.DataFrame(
        {
            "firm": np.arange(n_firms),
            "place": rng.integers(0, 50, n_firms).astype(str),
            "sector": np.array(sectors, dtype=object)[rng.integers(0, 20, n_firms)],
        }
    )
    pairs = rng.integers(0, n_firms, size=(int(n_ties * 1.1), 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs = np.unique(np.sort(pairs, axis=1), axis=0)[:n_ties]
    pairs = pairs[rng.permutation(len(pairs))]
    ties = pd.DataFrame({"source": pairs[:, 0], "target": pairs[:, 1]})
    return firms, ties, creative


def reference_classify(ties: pd.DataFrame, firms: pd.DataFrame, sectors: dict) -> pd.Series:
    """Row-by-row rule, as a reader would first write it."""
    place = dict(zip(firms["firm"], firms["place"], strict=True))
    sector = dict(zip(firms["firm"], firms["sector"], strict=True))

    def group(firm):
        return "creative" if sectors[sector[firm]] else sector[firm]

    def rule(row):
        if place[row["source"]] != place[row["target"]]:
            return "external"
        return "local" if group(row["source"]) == group(row["target"]) else "cross_sector"

    return ties.apply(rule, axis=1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smallest case, no results file")
    args = parser.parse_args(argv)
    n_firms, n_ties = (20_000, 100_000) if args.quick else (200_000, 1_000_000)
    firms, ties, sectors = synthetic_network(n_firms, n_ties)

    started = time.perf_counter()
    reference = reference_classify(ties, firms, sectors)
    reference_seconds = time.perf_counter() - started
    started = time.perf_counter()
    classified = cc.classify_ties(ties, firms, sectors=sectors)
    classify_million_seconds = time.perf_counter() - started
    identical = bool((reference.to_numpy() == classified["layer"].to_numpy()).all())
    started = time.perf_counter()
    cc.connection_profile(classified, firms)
    profile_million_seconds = time.perf_counter() - started

    started = time.perf_counter()
    analysis.key_results()
    key_results_first_seconds = time.perf_counter() - started  # includes one-off imports
    started = time.perf_counter()
    analysis.key_results()
    key_results_seconds = time.perf_counter() - started

    speedup = reference_seconds / classify_million_seconds
    out = {
        "firms": len(firms),
        "ties": len(ties),
        "rowwise_apply_seconds": round(reference_seconds, 3),
        "classify_ties_seconds": round(classify_million_seconds, 3),
        "speedup": round(speedup, 1),
        "target_speedup": 20,
        "layers_identical": identical,
        "million_ties_profile_seconds": round(profile_million_seconds, 3),
        "million_ties_target_seconds": 5.0,
        "key_results_first_call_seconds": round(key_results_first_seconds, 3),
        "key_results_seconds": round(key_results_seconds, 3),
        "key_results_target_seconds": 2.0,
    }
    print(f"{'measure':<36}{'value':>12}")
    for key, value in out.items():
        print(f"{key:<36}{value!s:>12}")
    if args.quick:
        return 0 if identical else 1
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "connections.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    ok = (
        identical
        and speedup >= 20
        and classify_million_seconds + profile_million_seconds < 5.0
        and key_results_seconds < 2.0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
