"""Tests of the Porter chapter's new measures: absorption, pay, Glaeser, patents, crosswalk ties."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clusternet
from clusternet.book import porter_clusters as analysis
from clusternet.models import fit_ols

ROOT = Path(__file__).resolve().parents[1]


# --- fixed effects by absorption -------------------------------------------------------


def _panel(seed, n=300, regions=8, industries=25):
    rng = np.random.default_rng(seed)
    d = pd.DataFrame(
        {
            "region": rng.integers(0, regions, n).astype(str),
            "industry": rng.integers(0, industries, n).astype(str),
            "x1": rng.normal(size=n),
            "x2": rng.normal(size=n),
        }
    )
    d["y"] = 0.5 * d["x1"] - 0.2 * d["x2"] + d["region"].astype(int) * 0.1 + rng.normal(size=n)
    return d


@pytest.mark.parametrize("cluster", ["region", None])
@pytest.mark.parametrize("absorb", [("region", "industry"), ("industry",), ("region",)])
def test_absorbed_fit_equals_the_dummy_variable_fit(absorb, cluster):
    d = _panel(1)
    dummies = " + ".join(f"C({a})" for a in absorb)
    full = fit_ols(f"y ~ x1 + x2 + {dummies}", d, cluster=cluster)
    fit = clusternet.fit_absorbed_ols(d, "y", ["x1", "x2"], absorb=absorb, cluster=cluster)
    for term in ("x1", "x2"):
        assert fit.params[term] == pytest.approx(full.params[term], rel=1e-9)
        assert fit.bse[term] == pytest.approx(full.bse[term], rel=1e-9)
    assert np.allclose(fit.conf_int().to_numpy(), full.conf_int().loc[["x1", "x2"]].to_numpy())
    assert np.allclose(
        fit.cov_params().to_numpy(), full.cov_params().loc[["x1", "x2"], ["x1", "x2"]]
    )


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_two_way_demeaning_leaves_no_group_means(seed):
    d = _panel(seed, n=120, regions=5, industries=9)
    out = clusternet.demean_by(d, ["y", "x1"], ["region", "industry"])
    for by in ("region", "industry"):
        assert np.abs(out.groupby(d[by]).mean().to_numpy()).max() < 1e-9


def test_absorption_refuses_a_term_constant_within_the_fixed_effects():
    d = _panel(2)
    d["z"] = d["region"].astype(int).astype(float)
    with pytest.raises(ValueError, match="constant within"):
        clusternet.fit_absorbed_ols(d, "y", ["z"], absorb=["region"])
    with pytest.raises(ValueError, match="terms is empty"):
        clusternet.fit_absorbed_ols(d, "y", [], absorb=["region"])


def test_dps_fixed_effect_variants_match_formula_fits():
    rng = np.random.default_rng(4)
    start = pd.DataFrame(
        rng.integers(50, 500, (10, 8)),
        columns=list("abcdefgh"),
        index=[f"r{k}" for k in range(10)],
    )
    end = (start * np.exp(rng.normal(0, 0.1, start.shape))).round()
    panel = clusternet.dps_growth_panel(
        start, end, dict(zip("abcdefgh", "XXXXYYYY", strict=True)), years=4
    )
    data = panel[panel["usable"]].reset_index(drop=True)
    terms = "log_lq + log_cluster_specialisation"
    for fixed, dummies in (((), ""), (("region",), " + C(region)")):
        fit = clusternet.fit_dps_growth(panel, fixed_effects=fixed)
        full = fit_ols(f"growth ~ {terms}{dummies}", data, cluster="region")
        assert fit.bse["log_lq"] == pytest.approx(full.bse["log_lq"], rel=1e-9)
    with pytest.raises(ValueError, match="fixed_effects"):
        clusternet.fit_dps_growth(panel, fixed_effects=("state",))


# --- pay: a hand-worked two-state case ------------------------------------------------


def _two_states():
    # two states, three industries in two clusters (X: a, b; Y: c); payroll in dollars
    employees = pd.DataFrame({"a": [10, 30], "b": [10, 10], "c": [80, 60]}, index=["S1", "S2"])
    payroll = pd.DataFrame(
        {"a": [500, 1800], "b": [700, 800], "c": [3200, 2400]}, index=["S1", "S2"]
    )
    return employees, payroll, {"a": "X", "b": "X", "c": "Y"}


def test_cluster_pay_by_hand():
    employees, payroll, mapping = _two_states()
    panel = clusternet.cluster_pay_panel(payroll, employees, mapping).set_index(
        ["region", "cluster"]
    )
    # S1, X: (500 + 700) / (10 + 10) = 60; S2, X: (1800 + 800) / 40 = 65
    assert panel.loc[("S1", "X"), "pay"] == pytest.approx(60.0)
    assert panel.loc[("S2", "X"), "pay"] == pytest.approx(65.0)
    assert panel.loc[("S2", "Y"), "pay"] == pytest.approx(40.0)
    # LQ of X in S2: (40 / 100) / (60 / 200) = 4 / 3
    assert panel.loc[("S2", "X"), "lq"] == pytest.approx(4 / 3)
    assert panel["usable"].all()


def test_cluster_pay_flags_cells_without_employees():
    employees, payroll, mapping = _two_states()
    employees.loc["S1", ["a", "b"]] = 0
    payroll.loc["S1", ["a", "b"]] = 0
    panel = clusternet.cluster_pay_panel(payroll, employees, mapping)
    row = panel[(panel["region"] == "S1") & (panel["cluster"] == "X")].iloc[0]
    assert not row["usable"] and row["exclusion_reason"] == "no employees"
    assert np.isnan(row["pay"])
    with pytest.raises(ValueError, match="same regions"):
        clusternet.cluster_pay_panel(payroll.iloc[:1], employees, mapping)


def test_pay_premium_recovers_a_known_elasticity_exactly():
    # log pay = 0.2 * log LQ + region + cluster effects, no noise: the premium of +1 log unit
    # is exp(0.2) - 1 with a zero-width interval
    rng = np.random.default_rng(0)
    panel = pd.DataFrame(
        {
            "region": np.repeat([f"r{k}" for k in range(6)], 5),
            "cluster": [f"c{k}" for k in range(5)] * 6,
            "log_lq": rng.normal(size=30),
        }
    )
    panel["log_pay"] = (
        0.2 * panel["log_lq"]
        + panel["region"].str[1].astype(int) * 0.05
        + panel["cluster"].str[1].astype(int) * 0.3
    )
    panel["usable"] = True
    result = clusternet.pay_premium(panel, "log_lq", step=1.0)
    assert result.estimate == pytest.approx(100 * np.expm1(0.2), rel=1e-9)
    assert result.ci_upper - result.ci_lower < 1e-6


# --- Glaeser: a hand-worked two-state case --------------------------------------------


def test_glaeser_measures_by_hand():
    start = pd.DataFrame({"a": [10, 30], "b": [20, 10], "c": [70, 60]}, index=["S1", "S2"])
    end = pd.DataFrame({"a": [20, 30], "b": [20, 5], "c": [70, 60]}, index=["S1", "S2"])
    firms = pd.DataFrame({"a": [2, 3], "b": [4, 1], "c": [7, 6]}, index=["S1", "S2"])
    panel = clusternet.glaeser_growth_panel(start, end, firms, years=2, top=1)
    cell = panel.set_index(["region", "industry"])
    # growth of S1, a: ln(20 / 10) / 2
    assert cell.loc[("S1", "a"), "growth"] == pytest.approx(np.log(2) / 2)
    # specialisation of S1, a: (10 / 100) / (40 / 200) = 0.5
    assert cell.loc[("S1", "a"), "specialisation"] == pytest.approx(0.5)
    # diversity of S1, a: the largest other industry is c (70 of 100): 1 - 0.7
    assert cell.loc[("S1", "a"), "diversity"] == pytest.approx(0.3)
    # diversity of S1, c (own industry is the largest): the largest other is b: 1 - 0.2
    assert cell.loc[("S1", "c"), "diversity"] == pytest.approx(0.8)
    # competition of S2, a: (3 / 30) / (5 / 40) = 0.8
    assert cell.loc[("S2", "a"), "competition"] == pytest.approx(0.8)
    assert panel["usable"].all()
    with pytest.raises(ValueError, match="top must be smaller"):
        clusternet.glaeser_growth_panel(start, end, firms, years=2, top=3)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 4))
def test_glaeser_diversity_is_a_share_and_matches_a_loop(seed, top):
    rng = np.random.default_rng(seed)
    start = pd.DataFrame(rng.integers(1, 100, (4, 6)), columns=list("abcdef"))
    panel = clusternet.glaeser_growth_panel(start, start, start, years=1, top=top)
    assert panel["diversity"].between(0, 1).all()
    for k, row in panel.iterrows():
        region = start.loc[row["region"]]
        others = region.drop(row["industry"]).sort_values(ascending=False)
        expected = 1 - others.iloc[:top].sum() / region.sum()
        assert row["diversity"] == pytest.approx(expected), k


# --- innovation and crosswalk -----------------------------------------------------------


def test_county_counts_to_states_pads_codes_and_keeps_what_is_dropped():
    table = pd.DataFrame(
        {"fips": ["1001", "01003", "6085", "72127", "0", "ALL"], "n": [1, 2, 5, 7, 3, 18]}
    )
    sums, dropped = clusternet.county_counts_to_states(
        table, fips="fips", values=["n"], states=["01", "06"]
    )
    assert sums["n"].to_dict() == {"01": 3, "06": 5}
    assert dropped["fips"].tolist() == ["72127", "0", "ALL"]
    with pytest.raises(ValueError, match="no workers|positive"):
        clusternet.rate_per_thousand(pd.Series({"a": 1}), pd.Series({"a": 0}))


def test_tie_break_rules_differ_only_on_tied_codes():
    d = pd.DataFrame(
        {
            "naics6": ["325411", "325412", "325413", "325414", "339112", "339113", "339114"],
            "cluster_code": [1, 1, 2, 2, 2, 2, 2],
        }
    )
    own = clusternet.naics_cluster_crosswalk(d).set_index("naics")
    larger = clusternet.naics_cluster_crosswalk(d, tie_break="larger_cluster").set_index("naics")
    order = clusternet.naics_cluster_crosswalk(d, tie_break="cluster_order").set_index("naics")
    # 3254 splits 2-2: cluster 1 (2 codes) has it as all of its definition; cluster 2 (5 codes)
    assert own.loc["3254", "cluster"] == 1 and own.loc["3254", "tied"]
    assert larger.loc["3254", "cluster"] == 2
    assert order.loc["3254", "cluster"] == 1
    assert own.loc["3391", "cluster"] == larger.loc["3391", "cluster"] == 2
    coverage = clusternet.cluster_code_coverage(d, larger.reset_index())
    assert coverage.loc[1, "share_kept"] == 0 and coverage.loc[2, "share_kept"] == 1
    with pytest.raises(ValueError, match="tie_break"):
        clusternet.naics_cluster_crosswalk(d, tie_break="coin")


# --- the chapter's real-data steps ------------------------------------------------------


@pytest.fixture(scope="module")
def us():
    cbp = analysis.county_business_patterns()
    return cbp, analysis.cluster_mapping(cbp)


def test_growth_windows_cover_the_panel_and_the_ladder(us):
    windows = analysis.growth_windows(*us)
    assert set(windows.effects["data"]) == {"2017-2020", "2017-2021", "2019-2021"}
    assert windows.ladder["specification"].nunique() == 7
    # the 2017-2021 window of the comparison is the chapter's original regression
    growth = analysis.us_growth_regression(
        analysis.us_growth_panels(*us), analysis.sample_growth_regression()
    )
    row = windows.effects.set_index(["data", "term"]).loc[
        ("2017-2021", "log_cluster_specialisation")
    ]
    assert row["effect"] * 100 == pytest.approx(
        growth.published["porter_real_cluster_effect"].value, rel=1e-9
    )
    published = windows.published
    for name in ("porter_pre_cluster_effect", "porter_pre_neighbour_effect"):
        assert (
            published[f"{name}_ci_lower"].value
            < published[name].value
            < published[f"{name}_ci_upper"].value
        )


def test_patent_step_uses_fifty_states_and_loses_little(us):
    patents = analysis.patents_and_strength(*us)
    assert patents.published["porter_patent_states"].value == 50
    assert 0 < patents.published["porter_patents_dropped_share"].value < 0.01
    assert len(patents.states) == 50 and patents.states.notna().all().all()


def test_localisation_paragraph_names_the_computed_extremes(us):
    indices = analysis.concentration_indices(*us)
    ranked = indices.by_cluster.sort_values("locational Gini", ascending=False).index
    text = (ROOT / "chapters" / "porter-clusters.md").read_text()
    paragraph = text[text.index("ranks the traded clusters by their locational Gini") :]
    paragraph = paragraph[: paragraph.index("```")]
    flat = re.sub(r"\s+", " ", paragraph)
    head, tail = analysis.SETTINGS.ranked_clusters
    for name in [*ranked[:head], *ranked[-tail:]]:
        assert name in flat, name
    assert flat.index(ranked[0]) < flat.index(ranked[1])
    assert indices.published["porter_gini_most_localised"].value == pytest.approx(
        indices.by_cluster["locational Gini"].max()
    )
