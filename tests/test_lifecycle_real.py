"""Life cycles on real panels: flagged small pairs, employment-only trends, threshold
stability, stage shares with intervals, the GB and US panel steps and their data."""

from __future__ import annotations

import gzip
import shutil

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clusternet
import clusternet.lifecycle as lc
from clusternet import data
from clusternet.data import DataValidationError

from .conftest import ROOT

BRES = "uk-bres/uk_nuts2_sic4_2015_2018.csv.gz"


def _panel(rows):
    return pd.DataFrame(rows, columns=["region", "cluster", "year", "employment", "firms"])


# --------------------------------------------------------------------------- measures


def test_three_region_lq_and_growth_with_a_suppressed_cell_worked_by_hand():
    # three regions x two clusters, 2015-2017; cell (C, x) is suppressed (0) in 2016
    rows = []
    for t, year in enumerate((2015, 2016, 2017)):
        rows += [("A", "x", year, 100 * 2**t, 10), ("A", "y", year, 900, 90)]
        rows += [("B", "x", year, 300, 30), ("B", "y", year, 700, 70)]
        rows += [("C", "x", year, 0 if t == 1 else 50, 5), ("C", "y", year, 950, 95)]
    f = lc.lifecycle_features(_panel(rows), firm_weight=0.0, min_employment=1.0).set_index(
        ["region", "cluster"]
    )
    assert not f.loc[("C", "x"), "usable"]
    assert f.loc[("C", "x"), "exclusion_reason"].startswith("too small")
    assert np.isnan(f.loc[("C", "x"), "growth"])
    assert f.loc[("A", "x"), "usable"] and f.loc[("A", "x"), "exclusion_reason"] == ""
    # the suppressed cell stays in the totals: 2017 LQ of (A, x) = (400/1300)/(750/3300)
    assert f.loc[("A", "x"), "location_quotient"] == pytest.approx((400 / 1300) / (750 / 3300))
    # growth of (A, x) against the economy, from its three log shares by hand
    shares = np.log(np.array([100 / 3000, 200 / 3050, 400 / 3300]))
    slope = np.polyfit([2015, 2016, 2017], shares, 1)[0]
    assert f.loc[("A", "x"), "growth"] == pytest.approx(slope)


def test_without_min_employment_a_zero_cell_is_still_an_error():
    rows = [("A", "x", y, 0 if y == 2016 else 5, 1) for y in (2015, 2016, 2017)]
    rows += [("A", "y", y, 10, 1) for y in (2015, 2016, 2017)]
    with pytest.raises(ValueError, match="zero for 1 region-cluster pair"):
        lc.lifecycle_features(_panel(rows))


def test_employment_only_trends():
    rows = [(r, c, y, 10 + i + (y - 2015) * (c == "x"), 1) for i, r in enumerate("AB")
            for c in "xy" for y in (2015, 2016, 2017)]  # fmt: skip
    panel = _panel(rows).drop(columns="firms")
    f = lc.lifecycle_features(panel, firms=None, firm_weight=0.0)
    assert "firms" not in f and "firm_growth" not in f
    assert np.allclose(f["growth"], f["employment_growth"])
    with pytest.raises(ValueError, match="firm_weight must be 0 when firms is None"):
        lc.lifecycle_features(panel, firms=None)
    with pytest.raises(ValueError, match="no region-cluster pair has at least"):
        lc.lifecycle_features(panel, firms=None, firm_weight=0.0, min_employment=1e6)


def _features(growth, lq):
    n = len(growth)
    return pd.DataFrame(
        {
            "growth": growth,
            "growth_se": [0.0] * n,
            "specialisation": lq,
            "specialisation_log_se": [0.0] * n,
            "df": [2.0] * n,
        }
    )


def test_a_known_trajectory_of_each_stage_is_classified_as_that_stage():
    # employment-only panels over four years: each cluster's share of the economy follows a
    # planted path, far from the thresholds; "other" completes each region
    paths = {
        "emerging": (0.10, 0.05),  # grows 10% a year, stays below LQ 1
        "growing": (0.10, 3.0),
        "mature": (0.0, 3.0),
        "declining": (-0.10, 3.0),
        "not specialised": (0.0, 0.3),
    }
    years = (2015, 2016, 2017, 2018)
    rows = []
    for stage, (rate, lq) in paths.items():
        for t, year in enumerate(years):
            size = 1000 * lq * np.exp(rate * t)
            # the rest of the economy holds 1% in every cluster, so the LQ in R is about lq
            rows += [("R", stage, year, size, 1), ("Rest", stage, year, 1e5, 1)]
    for year in years:
        rows += [("R", "other", year, 1e5, 1), ("Rest", "other", year, 1e7, 1)]
    features = lc.lifecycle_features(_panel(rows), firm_weight=0.0)
    stages = lc.classify_life_cycle(features).set_index(["region", "cluster"])["stage"]
    for stage in paths:
        assert stages[("R", stage)] == stage


def test_stage_stability_worked_by_hand():
    f = _features([0.015, 0.05, 0.0, -0.008], [2.0, 2.0, 1.1, 0.9])
    result = lc.stage_stability(
        f, growth_thresholds=[0.005, 0.02], specialisation_thresholds=[0.85, 1.25]
    )
    assert result.stages["stage"].tolist() == ["growing", "growing", "mature", "not specialised"]
    # 0.015 -> mature at 2%; -0.008 -> declining at 0.5%; 1.1 -> unspecialised at 1.25;
    # 0.9 -> specialised at 0.85
    assert result.stages["changed_growth"].tolist() == [True, False, False, True]
    assert result.stages["changed_specialisation"].tolist() == [False, False, True, True]
    assert result.share_changed == 0.75
    assert result.share_changed_growth == 0.5
    assert result.share_changed_specialisation == 0.5
    assert result.n == 4


@settings(max_examples=40, deadline=None)
@given(
    growth=st.lists(st.floats(-0.2, 0.2), min_size=1, max_size=20),
    lq=st.floats(0.1, 10.0),
)
def test_stage_stability_properties(growth, lq):
    f = _features(growth, [lq] * len(growth))
    same = lc.stage_stability(f, growth_thresholds=[0.01], specialisation_thresholds=[1.0])
    assert same.share_changed == 0.0  # the chosen thresholds again: nothing changes
    moved = lc.stage_stability(f, growth_thresholds=[0.0, 0.05], specialisation_thresholds=[2.0])
    assert 0.0 <= moved.share_changed <= 1.0
    assert moved.share_changed >= max(
        moved.share_changed_growth, moved.share_changed_specialisation
    )


def test_stage_shares_worked_by_hand_and_consistent():
    features = _features([0.05, -0.05, 0.0], [2.0, 2.0, 0.5]).assign(
        growth_se=[0.01, 0.03, 0.02], specialisation_log_se=[0.1, 0.1, 0.1], df=[np.inf] * 3
    )
    classified = lc.classify_life_cycle(features)
    table = lc.stage_shares(classified)
    assert list(table.index) == list(lc.LIFECYCLE_STAGES)
    assert table["share"].sum() == pytest.approx(1.0)
    assert table["expected_share"].sum() == pytest.approx(1.0)
    p = classified["p_declining"].to_numpy()
    assert table.loc["declining", "expected_share"] == pytest.approx(p.mean())
    assert table.loc["declining", "std_error"] == pytest.approx(np.sqrt((p * (1 - p)).sum()) / 3)
    assert (table["ci_lower"] <= table["expected_share"]).all()
    assert (table["expected_share"] <= table["ci_upper"]).all()


def test_stability_and_shares_bad_input():
    f = _features([0.0], [1.0])
    with pytest.raises(ValueError, match="at least one alternative"):
        lc.stage_stability(f)
    with pytest.raises(TypeError, match="growth_thresholds must be a sequence"):
        lc.stage_stability(f, growth_thresholds=0.02)
    with pytest.raises(ValueError, match="specialisation_thresholds"):
        lc.stage_stability(f, specialisation_thresholds=[0.0])
    classified = lc.classify_life_cycle(f)
    with pytest.raises(ValueError, match="probabilities in"):
        lc.stage_shares(classified.assign(p_mature=1.5))
    with pytest.raises(ValueError, match="missing columns|missing column|p_growing"):
        lc.stage_shares(classified.drop(columns="p_growing"))


# --------------------------------------------------------------------------- the real panels


@pytest.fixture(scope="module")
def real():
    from clusternet.book import cluster_life_cycles as analysis

    gb = analysis.gb_panel()
    gb_stages = analysis.gb_segment_stages(gb)
    us = analysis.us_inputs()
    panel = analysis.us_panel(us)
    return analysis, gb, gb_stages, us, panel, analysis.us_panel_stages(panel)


def test_gb_panel_stages_every_region_segment_pair(real):
    analysis, gb, stages, *_ = real
    assert "UKN0" not in set(gb.table["nuts2_code"])
    features = stages.features
    segments = features[features["cluster"] != analysis.SETTINGS.gb_other_group]
    assert segments["region"].nunique() == 39
    assert segments["cluster"].nunique() == gb.segments.nunique()
    assert len(stages.classified) == int(features["usable"].sum())
    # pairs below the minimum in some year are flagged, not dropped
    small = segments[~segments["usable"]]
    assert len(small) > 0 and small["growth"].isna().all()
    assert stages.shares["pairs"].sum() == len(stages.classified)
    assert stages.shares.loc["renewing", "pairs"] == 0  # no diversity data


def test_gb_creative_lqs_match_the_source_notes(real):
    analysis, gb, *_ = real
    creative = analysis.gb_creative_indicators(gb)
    lq = creative.table["location_quotient"]
    # data/uk-bres/SOURCE.md: Inner London - West 2.8, Inner London - East 2.4, BBO 1.7 (2018)
    assert lq.round(1)[["UKI3", "UKI4", "UKJ1"]].tolist() == [2.8, 2.4, 1.7]
    assert list(lq.index[:3]) == ["UKI3", "UKI4", "UKJ1"]
    assert creative.table["is_cluster"].sum() == len(creative.display)
    assert (creative.table["growth_ci_lower"] <= creative.table["growth"]).all()


def test_gb_focus_region_numbers_back_the_graduates_paragraph(real):
    analysis, gb, *_ = real
    creative = analysis.gb_creative_indicators(gb)
    numbers = {name: n for name, n in creative.published.items() if "_focus_" in name}
    row = creative.table.loc["UKG3"]
    assert row["region_name"] == "West Midlands"
    assert numbers["lifecycle_gb_focus_creative_jobs"].value == row["employment"]
    # the chapter says: less specialised than Great Britain, and a growth interval spanning zero
    assert numbers["lifecycle_gb_focus_creative_lq"].value < 1
    growth = numbers["lifecycle_gb_focus_creative_growth"]
    assert growth.ci_lower < 0 < growth.ci_upper
    assert all(n.provenance.kind == "real data" for n in numbers.values())
    bad = analysis.Settings(gb_focus_region="UKZZ")
    with pytest.raises(ValueError, match="gb_focus_region 'UKZZ'"):
        analysis.gb_creative_indicators(gb, bad)


def test_us_panel_keeps_the_pandemic_apart(real):
    analysis, _, _, us, panel, stages = real
    assert sorted(panel.panel["year"].unique()) == [2017, 2019, 2020, 2021]
    # the first and last years are the two-year step's matrices, unchanged
    y2017 = panel.panel[panel.panel["year"] == 2017]
    assert y2017["employment"].sum() == us.employment_start.to_numpy().sum()
    assert stages.pre.index.equals(stages.pandemic.index)
    assert set(stages.pre["first_year"]) == {2017} and set(stages.pre["last_year"]) == {2020}
    assert set(stages.pandemic["first_year"]) == {2020}
    assert set(stages.pre.index.get_level_values("cluster").map(panel.cluster_type)) == {"traded"}
    assert not panel.withheld.reindex(stages.pre.index).any()
    slope = stages.continuation.iloc[0]
    assert slope["ci_lower"] < slope["estimate"] < slope["ci_upper"]
    bad = analysis.Settings(us_panel_years=(2019, 2020, 2021))
    with pytest.raises(ValueError, match="must start with us_start_year"):
        analysis.us_panel(us, bad)


def test_example_trajectories_and_their_figure(real):
    import matplotlib.pyplot as plt

    from clusternet.plotting import lifecycle as figures

    analysis, gb, gb_stages, _, panel, stages = real
    trajectories = analysis.example_trajectories(gb, gb_stages, panel, stages)
    n = len(analysis.SETTINGS.gb_examples) + len(analysis.SETTINGS.us_examples)
    assert len(trajectories.summary) == n
    first = trajectories.series.groupby("example")["index"].first()
    assert np.allclose(first, 100.0)
    axes = figures.plot_example_trajectories(
        trajectories.series, summary=trajectories.summary, shade=(2020, 2021)
    )
    assert len(axes) == n
    assert "confidence" in axes[0].get_title()
    with pytest.raises(ValueError, match="no rows for example"):
        figures.plot_example_trajectories(
            trajectories.series.iloc[:4], summary=trajectories.summary
        )
    plt.close("all")


# --------------------------------------------------------------------------- the data


def _bres_copy(tmp_path, monkeypatch, edit):
    target = tmp_path / BRES
    target.parent.mkdir(parents=True)
    for extra in (ROOT / "data" / "uk-bres").iterdir():
        shutil.copy(extra, target.parent / extra.name)
    with gzip.open(target, "rt", encoding="utf-8") as handle:
        text = handle.read()
    with gzip.open(target, "wt", encoding="utf-8", newline="") as handle:
        handle.write(edit(text))
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))


def test_a_changed_bres_file_fails_its_checksum(tmp_path, monkeypatch):
    _bres_copy(tmp_path, monkeypatch, lambda t: t.replace(",0162,75.0,", ",0162,70.0,", 1))
    with pytest.raises(
        DataValidationError, match=r"uk_nuts2_sic4_2015_2018\.csv\.gz: the file's SHA"
    ):
        data.load("gb_bres_nuts2_sic4")


@pytest.mark.parametrize(
    ("edit", "column"),
    [
        (lambda t: t.replace("\n2015,UKC1,", "\n2015,UKZ9,", 1), "nuts2_code"),
        (lambda t: t.replace(",0162,75.0,", ",0162,-75.0,", 1), "employment"),
        (lambda t: t.replace("\n2015,UKC1,", "\n2014,UKC1,", 1), "year"),
    ],
)
def test_own_bres_data_are_checked_against_the_schema(tmp_path, monkeypatch, edit, column):
    _bres_copy(tmp_path, monkeypatch, edit)
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")
    with pytest.raises(DataValidationError, match=rf"uk_nuts2_sic4_2015_2018\.csv\.gz.*{column}"):
        data.load("gb_bres_nuts2_sic4")


def test_real_steps_use_clusternet_measures():
    assert clusternet.stage_shares is lc.stage_shares
    assert clusternet.stage_stability is lc.stage_stability
