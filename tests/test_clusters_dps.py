"""Tests of the Delgado-Porter-Stern growth panel and regression, and of the sample economy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import clusternet
from clusternet import clusters as cl
from clusternet import data
from clusternet.book.claims import claim
from clusternet.samples.clusters import sample_economy


def small():
    """Two regions, three industries: r1 = 100 jobs, r2 = 60 jobs, total 160."""
    return pd.DataFrame({"a": [10, 30], "b": [30, 30], "c": [60, 0]}, index=["r1", "r2"])


def test_growth_panel_worked_by_hand_and_exclusions():
    start = pd.DataFrame(
        {"a": [10, 30, 4], "b": [30, 30, 6], "c": [60, 10, 0], "d": [5, 5, 5]},
        index=["r1", "r2", "r3"],
    )
    end = start.assign(a=[20, 30, 4], b=[30, 0, 6])
    mapping = {"a": "X", "b": "X", "c": "X", "d": "Y"}
    adj = cl.adjacency_from_pairs(
        pd.DataFrame({"x": ["r1"], "y": ["r2"]}), "x", "y", regions=["r1", "r2", "r3"]
    )
    withheld = pd.DataFrame(False, index=start.index, columns=start.columns)
    withheld.loc["r1", "b"] = True
    panel = cl.dps_growth_panel(
        start, end, mapping, years=10, adjacency=adj, withheld=withheld
    ).set_index(["region", "industry"])
    assert panel.loc[("r1", "a"), "growth"] == pytest.approx(np.log(2) / 10)
    reasons = panel["exclusion_reason"]
    assert reasons[("r1", "b")] == "withheld at start"
    assert reasons[("r2", "b")] == "no employment at end"
    assert reasons[("r3", "c")] == "no employment at start"
    assert reasons[("r1", "d")] == "cluster has a single industry"
    assert reasons[("r3", "a")] == "region has no neighbours"
    assert panel.loc[("r1", "a"), "usable"]
    assert not np.isinf(panel.select_dtypes("number").to_numpy()).any()
    only_x = cl.dps_growth_panel(start, end, mapping, years=10, clusters=["X"])
    assert set(only_x["cluster"]) == {"X"}


def test_regression_recovers_noise_free_coefficients_exactly():
    rng = np.random.default_rng(7)
    regions, industries = [f"r{k}" for k in range(12)], [f"i{k}" for k in range(18)]
    start = pd.DataFrame(rng.integers(20, 400, size=(12, 18)), index=regions, columns=industries)
    mapping = {ind: f"C{k % 4}" for k, ind in enumerate(industries)}
    pairs = pd.DataFrame({"a": regions[:-1], "b": regions[1:]})
    adj = cl.adjacency_from_pairs(pairs, "a", "b")
    rel = pd.DataFrame(1, index=["C0", "C1", "C2", "C3"], columns=["C0", "C1", "C2", "C3"])
    base = cl.dps_growth_panel(start, start, mapping, years=5, relatedness=rel, adjacency=adj)
    beta = {
        "log_lq": -0.03,
        "log_cluster_specialisation": 0.02,
        "log_related_strength": 0.01,
        "log_neighbour_strength": 0.015,
    }
    region_effect = dict(zip(regions, rng.normal(0, 0.01, 12), strict=True))
    industry_effect = dict(zip(industries, rng.normal(0, 0.01, 18), strict=True))
    growth = (
        sum(b * base[t] for t, b in beta.items())
        + base["region"].map(region_effect)
        + base["industry"].map(industry_effect)
    )
    end = start * np.exp(5 * growth.to_numpy().reshape(12, 18))
    panel = cl.dps_growth_panel(start, end, mapping, years=5, relatedness=rel, adjacency=adj)
    fit = cl.fit_dps_growth(panel)
    for term, value in beta.items():
        assert fit.params[term] == pytest.approx(value, abs=1e-9)
    effects = cl.standardised_effects(fit, panel).set_index("term")
    sd = panel.loc[panel["usable"], list(beta)].std()
    for term, value in beta.items():
        assert effects.loc[term, "effect"] == pytest.approx(value * sd[term], abs=1e-9)
    combined = cl.combined_standardised_effect(
        fit, panel, ["log_cluster_specialisation", "log_related_strength"]
    )
    assert combined.estimate == pytest.approx(
        effects.loc[["log_cluster_specialisation", "log_related_strength"], "effect"].sum()
    )
    assert combined.ci_lower <= combined.estimate <= combined.ci_upper
    assert combined.std_error > 0


def test_standardised_effect_interval_is_the_scaled_coefficient_interval():
    panel = _sample_panel()
    fit = cl.fit_dps_growth(panel)
    effects = cl.standardised_effects(fit, panel).set_index("term")
    table = clusternet.models.coefficient_table(fit).set_index("term")
    ratio = effects["ci_upper"] / table.loc[effects.index, "ci_upper"]
    np.testing.assert_allclose(ratio, effects["std_dev"], rtol=1e-12)


def _sample_panel(seed=None):
    if seed is None:
        tables = {
            n: data.load(f"sample_economy_{n}")
            for n in ("employment", "industries", "adjacency", "relatedness")
        }
    else:
        tables = sample_economy(seed)
    emp = tables["employment"]
    start = clusternet.long_to_matrix(emp[emp["year"] == 2005], "region", "industry", "employment")
    end = clusternet.long_to_matrix(emp[emp["year"] == 2015], "region", "industry", "employment")
    return cl.dps_growth_panel(
        start,
        end,
        tables["industries"].set_index("industry")["cluster"],
        years=10,
        relatedness=cl.adjacency_from_pairs(tables["relatedness"], "cluster_a", "cluster_b"),
        adjacency=cl.adjacency_from_pairs(tables["adjacency"], "region_a", "region_b"),
    )


def test_sample_economy_shape_and_calibration():
    tables = sample_economy()
    assert tables["employment"]["region"].nunique() == 40
    assert tables["industries"]["industry"].nunique() == 150
    assert tables["industries"]["cluster"].nunique() == 20
    assert sorted(tables["employment"]["year"].unique()) == [2005, 2015]
    truth = tables["true_effects"].set_index("term")
    # calibrated to the one sourced magnitude: the press summary's 1.3% a year per SD
    published = claim("cluster_growth")["claimed_low"] / 100
    assert truth.loc["log_cluster_specialisation", "effect_per_sd"] == pytest.approx(published)
    np.testing.assert_allclose(
        truth["coefficient"] * truth["std_dev"], truth["effect_per_sd"], rtol=1e-12
    )
    assert truth.loc["log_lq", "coefficient"] < 0 < truth.drop("log_lq")["coefficient"].min()
    written = data.load("sample_economy_true_effects").set_index("term")
    # the planted truths live in the data file that analysis code reads
    pd.testing.assert_frame_equal(written, truth, check_dtype=False, check_index_type=False)


def test_sample_economy_regression_recovers_the_planted_coefficients():
    panel = _sample_panel()
    fit = cl.fit_dps_growth(panel)
    truth = data.load("sample_economy_true_effects").set_index("term")["coefficient"]
    table = clusternet.models.coefficient_table(fit, terms=list(truth.index)).set_index("term")
    assert ((table["ci_lower"] <= truth) & (truth <= table["ci_upper"])).all()


def test_estimator_is_close_to_unbiased_across_seeds():
    errors = []
    for seed in (11, 12, 13):
        panel = _sample_panel(seed)
        fit = cl.fit_dps_growth(panel)
        truth = sample_economy(seed)["true_effects"].set_index("term")["coefficient"]
        errors.append((fit.params[truth.index] - truth) / truth.abs())
    assert (pd.concat(errors, axis=1).mean(axis=1).abs() < 0.08).all()


def test_sample_generator_is_reproducible():
    a, b = sample_economy(3), sample_economy(3)
    pd.testing.assert_frame_equal(a["employment"], b["employment"])
    assert not a["employment"].equals(sample_economy(4)["employment"])
    with pytest.raises(TypeError, match="seed"):
        sample_economy("1")


def test_growth_panel_and_regression_reject_bad_input():
    start = small().assign(d=[5, 5])
    mapping = {"a": "X", "b": "X", "c": "Y", "d": "Y"}
    with pytest.raises(ValueError, match="same industries; only in start: 'd'"):
        cl.dps_growth_panel(start, small(), mapping, years=1)
    with pytest.raises(ValueError, match="years must be > 0"):
        cl.dps_growth_panel(start, start, mapping, years=0)
    with pytest.raises(TypeError, match="years"):
        cl.dps_growth_panel(start, start, mapping, years="4")
    with pytest.raises(ValueError, match="clusters names clusters.*'Q'"):
        cl.dps_growth_panel(start, start, mapping, years=1, clusters=["Q"])
    with pytest.raises(TypeError, match="withheld must hold booleans"):
        cl.dps_growth_panel(start, start, mapping, years=1, withheld=start)
    panel = cl.dps_growth_panel(start, start, mapping, years=1)
    with pytest.raises(ValueError, match="not identified"):
        cl.fit_dps_growth(panel)
    with pytest.raises(ValueError, match="missing required column"):
        cl.fit_dps_growth(panel.drop(columns="usable"))
    with pytest.raises(TypeError, match="panel must be a pandas DataFrame"):
        cl.fit_dps_growth(panel.to_numpy())
    with pytest.raises(ValueError, match="none of the regressors"):
        cl.fit_dps_growth(panel, terms=[])
    with pytest.raises(TypeError, match="fitted statsmodels"):
        cl.standardised_effects(object(), panel)


def test_standardised_effects_reject_constant_terms_and_unknown_terms():
    panel = _sample_panel()
    fit = cl.fit_dps_growth(panel)
    with pytest.raises(ValueError, match="zero variance"):
        cl.standardised_effects(fit, panel.assign(log_lq=1.0))
    with pytest.raises(ValueError, match="not in the model"):
        cl.standardised_effects(fit, panel.assign(extra=1.0), terms=["extra"])
    with pytest.raises(ValueError, match="terms is empty"):
        cl.combined_standardised_effect(fit, panel, [])
