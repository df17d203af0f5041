"""Benchmark of the pipelines helpers (`python benchmarks/bench_pipelines.py`).

The bootstrap of the effect ratio refits the chapter's logit on each resample. The
reference implementation rebuilds the model from its formula for every resample
(``smf.logit(formula, resample).fit()``), the obvious way to write it;
``clusternet.bootstrap_ratio_interval`` refits ``sm.Logit`` on rows of the design
matrix built once, started from the full-sample estimates. Both run here on the same
resamples; the table reports the speed ratio and the largest difference between the
replicate ratios (which must be floating-point noise). Targets: at least 3 times faster
than the reference, and the chapter's 999-replicate comparison under 3 seconds (the chapter
must execute in under 15).

Writes ``benchmarks/results/pipelines.json``.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import statsmodels.formula.api as smf

import clusternet
from clusternet.book import global_pipelines as analysis
from clusternet.pipelines.ratio import _refit_logit

RESULTS = Path(__file__).resolve().parent / "results"


def _concentration_reference(ties):
    """Partner concentration with Python dictionaries, one tie at a time (both directions)."""
    weights: dict[str, dict[str, float]] = {}
    for source, destination, weight in ties.itertuples(index=False):
        for a, b in ((source, destination), (destination, source)):
            weights.setdefault(a, {}).setdefault(b, 0.0)
            weights[a][b] += float(weight)
    rows = {}
    for economy, partners in weights.items():
        total = sum(partners.values())
        shares = {p: w / total for p, w in partners.items()}
        top = max(sorted(shares), key=lambda p: shares[p])
        hhi = sum(s * s for s in shares.values())
        rows[economy] = (len(partners), top, shares[top], hhi)
    return rows


def _bench_concentration(repeats: int = 5) -> dict:
    """Ours against the dictionary reference on the chapter's 2025 tie list."""
    settings = analysis.SETTINGS
    ties = clusternet.data.load("github_economy_collaborators")
    ties = ties[ties["year"].eq(settings.github_years[1]) & ~ties["source"].isin(["EU"])]
    ties = ties[~ties["destination"].isin(["EU"])]
    ties = ties.groupby(["source", "destination"], as_index=False)["weight"].sum()
    timings = {"reference": [], "ours": []}
    for _ in range(repeats):
        started = time.perf_counter()
        reference = _concentration_reference(ties[["source", "destination", "weight"]])
        timings["reference"].append(time.perf_counter() - started)
        started = time.perf_counter()
        ours = clusternet.partner_concentration(ties).set_index("economy")
        timings["ours"].append(time.perf_counter() - started)
    worst = max(
        abs(ours.loc[e, "hhi"] - hhi) + abs(ours.loc[e, "top_share"] - share)
        for e, (_, _, share, hhi) in reference.items()
    )
    same_top = all(ours.loc[e, "top_partner"] == top for e, (_, top, _, _) in reference.items())
    reference_seconds, ours_seconds = min(timings["reference"]), min(timings["ours"])
    return {
        "concentration_ties": len(ties),
        "concentration_reference_seconds": round(reference_seconds, 4),
        "concentration_ours_seconds": round(ours_seconds, 4),
        "concentration_speedup": round(reference_seconds / ours_seconds, 1),
        "concentration_max_abs_difference": worst,
        "concentration_same_top_partners": same_top,
    }


def _reference(result, prepared, rows_list, numerator, denominator):
    formula = result.model.formula
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for rows in rows_list:
            fit = smf.logit(formula, data=prepared.iloc[rows]).fit(disp=0)
            out.append(fit.params[numerator] / fit.params[denominator])
    return np.array(out)


def _ours(result, rows_list, i, j):
    y = np.asarray(result.model.endog, float)
    X = np.asarray(result.model.exog, float)
    start = np.asarray(result.params, float)
    out = []
    for rows in rows_list:
        beta = _refit_logit(y[rows], X[rows], start)
        out.append(beta[i] / beta[j])
    return np.array(out)


def main(argv=None) -> int:
    settings = analysis.SETTINGS
    survey = clusternet.data.load("norway_firm_survey")
    result = clusternet.fit_pipeline_logit(
        survey, controls=settings.controls, regions=settings.regions
    )
    names = list(result.model.exog_names)
    i, j = names.index("partners_international"), names.index("partners_regional")
    rng = np.random.default_rng(0)
    replicates = 200
    rows_list = [rng.integers(0, len(survey), len(survey)) for _ in range(replicates)]

    started = time.perf_counter()
    prepared = clusternet.add_mode_counts(clusternet.add_partner_counts(survey))
    reference = _reference(
        result, prepared, rows_list, "partners_international", "partners_regional"
    )
    reference_seconds = time.perf_counter() - started
    started = time.perf_counter()
    ours = _ours(result, rows_list, i, j)
    ours_seconds = time.perf_counter() - started
    max_difference = float(np.max(np.abs(reference - ours) / np.maximum(1.0, np.abs(reference))))

    started = time.perf_counter()
    clusternet.pipeline_effect_comparison(result, n_boot=settings.n_boot, seed=settings.seed)
    chapter_seconds = time.perf_counter() - started
    started = time.perf_counter()
    analysis.key_results()
    key_results_seconds = time.perf_counter() - started

    concentration = _bench_concentration()
    speedup = reference_seconds / ours_seconds
    report = {
        **concentration,
        "bootstrap_replicates": replicates,
        "formula_refit_seconds": round(reference_seconds, 3),
        "design_refit_seconds": round(ours_seconds, 3),
        "speedup": round(speedup, 1),
        "target_speedup": 3,
        "max_relative_difference_of_replicate_ratios": max_difference,
        "chapter_comparison_seconds_999_replicates": round(chapter_seconds, 3),
        "key_results_seconds": round(key_results_seconds, 3),
        "key_results_target_seconds": 2.0,
        "chapter_comparison_target_seconds": 3.0,
    }
    print(
        f"bootstrap refits ({replicates} resamples of {len(survey)} firms, {len(names)} parameters)"
    )
    print(f"  smf.logit rebuilt per resample (reference): {reference_seconds:7.3f} s")
    print(f"  sm.Logit on the prepared design (ours):     {ours_seconds:7.3f} s")
    print(f"  speed-up {speedup:5.1f}x (target >= 3x)")
    print(f"  largest relative difference of replicate ratios: {max_difference:.1e}")
    print(f"chapter's comparison with 999 replicates: {chapter_seconds:.2f} s (target < 3 s)")
    print(f"key_results(): {key_results_seconds:.2f} s (target < 2 s)")
    print(
        f"partner concentration of {concentration['concentration_ties']} ties (2025): "
        f"dictionary reference {concentration['concentration_reference_seconds']:.4f} s, "
        f"ours {concentration['concentration_ours_seconds']:.4f} s, "
        f"speed-up {concentration['concentration_speedup']}x; largest difference "
        f"{concentration['concentration_max_abs_difference']:.1e}, same top partners: "
        f"{concentration['concentration_same_top_partners']}"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "pipelines.json").write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
