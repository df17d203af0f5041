"""Benchmark: location quotients and cluster strength at 3,000 regions x 1,000 industries x 20 years.

For every year of a synthetic panel (seeded; 50 clusters, a random geometric adjacency
between regions, a random symmetric cluster relatedness) it computes with ``clusternet``:
industry location quotients, cluster location quotients, cluster specialisation excluding
the own industry, related-cluster strength and neighbouring-cluster strength. The
reference is a plain, loop-free pandas implementation of the same five measures on a
long (tidy) table with ``groupby`` / ``merge``, measured in the same run on the first
``--reference-years`` years (all 20 with ``--reference-years 20``); the ratio compares
median seconds per year. Both give the same numbers (checked to 1e-9 on year 1).

Target (issue): all five measures for all 20 years in under 5 seconds.

Second part (issue 13): the growth regression with state and industry fixed effects on a
panel the size of the Porter chapter's (50 states x 300 industries), fitted by absorption
(``clusternet.fit_dps_growth``) against the dummy-variable formula fit
(``clusternet.models.fit_ols`` with ``C(region) + C(industry)``) in the same run; both give
the same coefficients and clustered standard errors (checked to 1e-9).

Usage: ``python benchmarks/bench_clusters.py [--regions 3000] [--industries 1000]
[--years 20] [--reference-years 3]``
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.spatial import cKDTree

import clusternet

RESULTS = Path(__file__).resolve().parent / "results"
N_CLUSTERS = 50


def make_panel(n_regions: int, n_industries: int, n_years: int, seed: int = 20):
    rng = np.random.default_rng(seed)
    regions = pd.Index([f"r{k:04d}" for k in range(n_regions)], name="region")
    industries = pd.Index([f"i{k:04d}" for k in range(n_industries)], name="industry")
    mapping = pd.Series([f"c{k % N_CLUSTERS:02d}" for k in range(n_industries)], index=industries)
    base = rng.lognormal(3.0, 1.0, size=(n_regions, n_industries))
    years = []
    for _ in range(n_years):
        base = base * rng.lognormal(0.0, 0.05, size=base.shape)
        years.append(
            pd.DataFrame(rng.poisson(base).astype(np.int64) + 1, index=regions, columns=industries)
        )
    points = rng.random((n_regions, 2))
    pairs = cKDTree(points).query_pairs(0.04, output_type="ndarray")
    ring = np.column_stack(
        [np.arange(n_regions), (np.arange(n_regions) + 1) % n_regions]
    )  # no island
    pairs = np.unique(np.sort(np.vstack([pairs, ring]), axis=1), axis=0)
    pair_table = pd.DataFrame({"a": regions[pairs[:, 0]], "b": regions[pairs[:, 1]]})
    # thousands of regions: pass the adjacency as a sparse matrix in the order of the regions
    ones = np.ones(2 * len(pairs))
    adjacency = sparse.csr_matrix(
        (ones, (np.r_[pairs[:, 0], pairs[:, 1]], np.r_[pairs[:, 1], pairs[:, 0]])),
        shape=(n_regions, n_regions),
    )
    labels = sorted(mapping.unique())
    related = rng.random((N_CLUSTERS, N_CLUSTERS)) < 0.08
    related = (
        related
        | related.T
        | np.eye(N_CLUSTERS, k=1, dtype=bool)
        | np.eye(N_CLUSTERS, k=-1, dtype=bool)
    ).astype(float)
    np.fill_diagonal(related, 0)
    relatedness = pd.DataFrame(related, index=labels, columns=labels)
    return years, mapping, adjacency, pair_table, relatedness


def clusternet_year(matrix, mapping, adjacency, relatedness):
    return {
        "lq": clusternet.location_quotient(matrix),
        "cluster_lq": clusternet.cluster_location_quotient(matrix, mapping),
        "cluster_specialisation": clusternet.cluster_specialisation_excluding_own(matrix, mapping),
        "related": clusternet.related_cluster_strength(matrix, mapping, relatedness),
        "neighbour": clusternet.neighbour_cluster_strength(matrix, mapping, adjacency),
    }


def pandas_year(matrix, mapping, pair_table, relatedness):
    """Reference: the same five measures with long-table groupby / merge, no Python loops."""
    long = matrix.stack().rename("e").reset_index()
    long["cluster"] = long["industry"].map(mapping)
    total = long["e"].sum()
    region_total = long.groupby("region")["e"].transform("sum")
    industry_total = long.groupby("industry")["e"].transform("sum")
    long["lq"] = (long["e"] / region_total) / (industry_total / total)

    clus = long.groupby(["region", "cluster"], as_index=False)["e"].sum()
    clus_region_total = clus.groupby("region")["e"].transform("sum")
    clus_total = clus.groupby("cluster")["e"].transform("sum")
    clus["cluster_lq"] = (clus["e"] / clus_region_total) / (clus_total / total)

    long["rest"] = long.groupby(["region", "cluster"])["e"].transform("sum") - long["e"]
    rest_national = long.groupby("industry")["rest"].transform("sum")
    long["cluster_specialisation"] = (long["rest"] / region_total) / (rest_national / total)

    rel_pairs = relatedness.stack().rename("w").reset_index()
    rel_pairs.columns = ["cluster", "other", "w"]
    rel_pairs = rel_pairs[rel_pairs["w"] > 0]
    rel = (
        clus[["region", "cluster", "e"]]
        .rename(columns={"cluster": "other"})
        .merge(rel_pairs, on="other")
    )
    rel["we"] = rel["w"] * rel["e"]
    rel = rel.groupby(["region", "cluster"], as_index=False)["we"].sum()
    rel_national = rel.groupby("cluster")["we"].transform("sum")
    region_totals = clus.groupby("region")["e"].sum()
    rel["related"] = (rel["we"] / rel["region"].map(region_totals)) / (rel_national / total)

    both = pd.concat(
        [pair_table, pair_table.rename(columns={"a": "b", "b": "a"})], ignore_index=True
    )
    both.columns = ["region", "neighbour"]
    nbr = both.merge(clus.rename(columns={"region": "neighbour"}), on="neighbour")
    nbr = nbr.groupby(["region", "cluster"], as_index=False)["e"].sum()
    nbr_total = both.assign(t=both["neighbour"].map(region_totals)).groupby("region")["t"].sum()
    cluster_share = clus.groupby("cluster")["e"].sum() / total
    nbr["neighbour"] = (nbr["e"] / nbr["region"].map(nbr_total)) / nbr["cluster"].map(cluster_share)
    return {
        "lq": long.pivot(index="region", columns="industry", values="lq"),
        "cluster_lq": clus.pivot(index="region", columns="cluster", values="cluster_lq"),
        "cluster_specialisation": long.pivot(
            index="region", columns="industry", values="cluster_specialisation"
        ),
        "related": rel.pivot(index="region", columns="cluster", values="related"),
        "neighbour": nbr.pivot(index="region", columns="cluster", values="neighbour"),
    }


def fixed_effects_fit(repeats: int = 3, seed: int = 13) -> dict:
    """Seconds per fit: absorbed fixed effects against dummy variables (median of repeats)."""
    from clusternet.models import fit_ols

    rng = np.random.default_rng(seed)
    start = pd.DataFrame(
        rng.integers(20, 2000, (50, 300)),
        index=[f"s{k:02d}" for k in range(50)],
        columns=[f"i{k:03d}" for k in range(300)],
    )
    end = (start * np.exp(rng.normal(0, 0.1, start.shape))).round()
    mapping = {c: f"c{k % 40}" for k, c in enumerate(start.columns)}
    panel = clusternet.dps_growth_panel(start, end, mapping, years=4)
    terms = ["log_lq", "log_cluster_specialisation"]
    data = panel[panel["usable"]].reset_index(drop=True)
    formula = "growth ~ " + " + ".join(terms) + " + C(region) + C(industry)"
    absorbed, dummies = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fast = clusternet.fit_dps_growth(panel, terms=terms)
        absorbed.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        full = fit_ols(formula, data, cluster="region")
        dummies.append(time.perf_counter() - t0)
    difference = float(np.max(np.abs(fast.bse[terms].to_numpy() - full.bse[terms].to_numpy())))
    ours, ref = statistics.median(absorbed), statistics.median(dummies)
    print(f"{'fit with 50 + 300 fixed effects':<38}{'s / fit (median)':>18}")
    print(f"{'absorbed (clusternet.fit_dps_growth)':<38}{ours:>18.3f}")
    print(f"{'dummy variables (fit_ols formula)':<38}{ref:>18.3f}")
    print(f"speed-up: {ref / ours:.1f}x; max |difference of std. errors| {difference:.2e}")
    return {
        "workload": f"{len(data)} cells, 50 regions x 300 industries, two terms, clustered by region",
        "absorbed_seconds_per_fit_median": round(ours, 4),
        "dummy_variable_seconds_per_fit_median": round(ref, 4),
        "speedup": round(ref / ours, 1),
        "max_abs_difference_std_error": difference,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--industries", type=int, default=1000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--reference-years", type=int, default=3)
    parser.add_argument(
        "--fit-only", action="store_true", help="run only the fixed-effects fit benchmark"
    )
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    fit = fixed_effects_fit()
    (RESULTS / "clusters_fit.json").write_text(json.dumps(fit, indent=1) + "\n")
    if args.fit_only:
        return 0

    started = time.perf_counter()
    years, mapping, adjacency, pair_table, relatedness = make_panel(
        args.regions, args.industries, args.years
    )
    print(
        f"made {args.years} years of {args.regions} x {args.industries} in {time.perf_counter() - started:.1f} s"
    )

    ours = []
    total_started = time.perf_counter()
    for matrix in years:
        t0 = time.perf_counter()
        first = clusternet_year(matrix, mapping, adjacency, relatedness)
        ours.append(time.perf_counter() - t0)
        if len(ours) == 1:
            kept = first
    ours_total = time.perf_counter() - total_started

    reference = []
    for matrix in years[: args.reference_years]:
        t0 = time.perf_counter()
        result = pandas_year(matrix, mapping, pair_table, relatedness)
        reference.append(time.perf_counter() - t0)
        if len(reference) == 1:
            reference_first = result
    difference = max(
        float(
            np.max(
                np.abs(
                    kept[k].to_numpy()
                    - reference_first[k].loc[kept[k].index, kept[k].columns].to_numpy()
                )
            )
        )
        for k in kept
    )

    per_year_ours, per_year_ref = statistics.median(ours), statistics.median(reference)
    ratio = per_year_ref / per_year_ours
    print(f"{'implementation':<38}{'s / year (median)':>18}{f'{args.years} years':>12}")
    print(
        f"{'clusternet (NumPy, vectorised)':<38}{per_year_ours:>18.3f}{ours_total:>11.2f}s  (measured)"
    )
    print(
        f"{'pandas long-table groupby reference':<38}{per_year_ref:>18.3f}"
        f"{per_year_ref * args.years:>11.1f}s  ({len(reference)} years measured, x{args.years / len(reference):g})"
    )
    print(
        f"speed-up (median per year): {ratio:.1f}x; target: {args.years} years < 5 s -> "
        f"{'met' if ours_total < 5 else 'NOT met'}; max |difference| {difference:.2e}"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "workload": f"{args.regions} regions x {args.industries} industries x {args.years} years, {N_CLUSTERS} clusters",
        "measures": [
            "location_quotient",
            "cluster_location_quotient",
            "cluster_specialisation_excluding_own",
            "related_cluster_strength",
            "neighbour_cluster_strength",
        ],
        "clusternet_seconds_total": round(ours_total, 3),
        "clusternet_seconds_per_year_median": round(per_year_ours, 4),
        "pandas_reference_seconds_per_year_median": round(per_year_ref, 4),
        "pandas_reference_years_measured": len(reference),
        "speedup_per_year": round(ratio, 1),
        "target_seconds": 5.0,
        "target_met": bool(ours_total < 5),
        "max_abs_difference_year_1": difference,
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
    }
    (RESULTS / "clusters.json").write_text(json.dumps(payload, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
