"""Tests of clusternet.lifecycle: known answers, properties, bad input, sample data, figures.

The chapter's steps (``clusternet.book.cluster_life_cycles``) are tested in
``test_lifecycle_book.py``.
"""

from __future__ import annotations

import dataclasses
import math

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

matplotlib.use("Agg")

import clusternet  # noqa: E402
from clusternet import lifecycle as lc  # noqa: E402
from clusternet.catalog import lifecycle as catalog  # noqa: E402
from clusternet.lifecycle.features import _trend  # noqa: E402
from clusternet.models import fit_ols  # noqa: E402
from clusternet.plotting import lifecycle as lp  # noqa: E402
from clusternet.samples import csv_bytes  # noqa: E402
from clusternet.samples import lifecycle as samples  # noqa: E402

from .conftest import ROOT  # noqa: E402

# --------------------------------------------------------------------------- fixtures


def toy_panel(growth_x=1.1, years=range(2000, 2004), firms_x=10):
    """Two regions, two clusters; x in A grows by ``growth_x`` a year, all else flat."""
    rows = [("A", "x", t, 100 * growth_x**i, firms_x) for i, t in enumerate(years)]
    rows += [("A", "y", t, 900, 90) for t in years]
    rows += [("B", c, t, 500, 50) for c in "xy" for t in years]
    return pd.DataFrame(rows, columns=["region", "cluster", "year", "employment", "firms"])


def feature_row(**values):
    base = {
        "growth": 0.0,
        "growth_se": 0.0,
        "specialisation": 1.5,
        "specialisation_log_se": 0.0,
        "df": 6.0,
    }
    base.update(values)
    return pd.DataFrame([base])


@pytest.fixture(scope="module")
def sample():
    return clusternet.data.load("lifecycle_sample_panel"), clusternet.data.load(
        "lifecycle_sample_planted"
    )


# --------------------------------------------------------------------------- features: known answers


def test_trend_matches_statsmodels_ols():
    rng = np.random.default_rng(1)
    years = np.arange(2010, 2018)
    y = 0.3 + 0.04 * (years - 2010) + rng.normal(0, 0.05, years.size)
    slope, fitted, sigma, slope_factor, level_factor = _trend(y[None, :], years)
    result = fit_ols("y ~ year", pd.DataFrame({"y": y, "year": years}))
    assert slope[0] == pytest.approx(result.params["year"], rel=1e-10)
    assert sigma[0] * slope_factor == pytest.approx(result.bse["year"], rel=1e-10)
    prediction = result.get_prediction(pd.DataFrame({"year": [years[-1]]})).summary_frame()
    assert fitted[0] == pytest.approx(prediction["mean"].iloc[0], rel=1e-10)
    assert sigma[0] * level_factor == pytest.approx(prediction["mean_se"].iloc[0], rel=1e-10)


def test_features_relative_growth_worked_by_hand():
    panel = toy_panel()
    f = lc.lifecycle_features(panel, firm_weight=0.0).set_index(["region", "cluster"])
    years = np.arange(2000, 2004)
    total = 100 * 1.1 ** np.arange(4) + 900 + 1000
    reference_slope = np.polyfit(years, np.log(total), 1)[0]
    assert f.loc[("A", "x"), "employment_growth"] == pytest.approx(
        math.log(1.1) - reference_slope, rel=1e-10
    )
    assert f.loc[("B", "x"), "employment_growth"] == pytest.approx(-reference_slope, rel=1e-10)
    # firm_weight 0: quantity growth is employment growth; firms are flat against a flat total
    assert f.loc[("A", "x"), "growth"] == pytest.approx(f.loc[("A", "x"), "employment_growth"])
    assert f.loc[("A", "x"), "firm_growth"] == pytest.approx(0.0, abs=1e-12)
    # last-year LQ equals the Porter helper on the last year's matrix
    last = panel[panel.year == 2003].pivot(index="region", columns="cluster", values="employment")
    assert f.loc[("A", "x"), "location_quotient"] == pytest.approx(
        clusternet.location_quotient(last).loc["A", "x"]
    )
    assert f.loc[("A", "x"), "employment"] == pytest.approx(133.1)
    assert (f["n_years"] == 4).all() and (f["first_year"] == 2000).all()


def test_firm_weight_mixes_employment_and_firm_growth():
    panel = toy_panel().astype({"firms": float})
    panel.loc[(panel.region == "B") & (panel.cluster == "y"), "firms"] = [50, 55, 60.5, 66.55]
    f = lc.lifecycle_features(panel, firm_weight=0.3)
    assert np.allclose(f["growth"], 0.7 * f["employment_growth"] + 0.3 * f["firm_growth"])


def test_noise_gives_analytic_standard_errors_with_two_years():
    panel = toy_panel(years=[2017, 2021])
    f = lc.lifecycle_features(panel, noise=0.02, firm_weight=0.5)
    assert np.allclose(f["growth_se"], 0.02 * math.hypot(0.5, 0.5) * math.sqrt(2) / 4)
    assert np.allclose(f["specialisation_log_se"], 0.02)
    assert np.isinf(f["df"]).all()
    z = stats.norm.ppf(0.975)
    assert np.allclose(f["growth_ci_upper"] - f["growth"], z * f["growth_se"])


def test_window_uses_only_the_last_years():
    panel = toy_panel(years=range(2000, 2010))
    late = panel.year >= 2005
    panel.loc[~late & (panel.region == "A") & (panel.cluster == "x"), "employment"] = 5000.0
    f = lc.lifecycle_features(panel, window=5, firm_weight=0.0)
    g = lc.lifecycle_features(panel[late], firm_weight=0.0)
    assert (f["first_year"] == 2005).all()
    pd.testing.assert_frame_equal(f, g)


def test_diversity_trend_and_level():
    panel = toy_panel(years=range(2000, 2006))
    panel["diversity"] = 0.5
    mask = (panel.region == "A") & (panel.cluster == "x")
    panel.loc[mask, "diversity"] = 0.3 + 0.02 * (panel.loc[mask, "year"] - 2000)
    f = lc.lifecycle_features(panel, diversity="diversity").set_index(["region", "cluster"])
    assert f.loc[("A", "x"), "diversity_trend"] == pytest.approx(0.02)
    assert f.loc[("A", "x"), "diversity"] == pytest.approx(0.4)
    assert f.loc[("A", "x"), "diversity_trend_se"] == pytest.approx(0.0, abs=1e-12)


# --------------------------------------------------------------------------- features: properties


@settings(max_examples=25, deadline=None)
@given(
    scale=st.floats(0.01, 100.0),
    year_factors=st.lists(st.floats(0.5, 2.0), min_size=4, max_size=4),
)
def test_features_invariant_to_economy_wide_growth(scale, year_factors):
    """Multiplying every count of a year by the same factor changes no feature: growth
    is measured against the reference economy."""
    panel = toy_panel()
    base = lc.lifecycle_features(panel, firm_weight=0.4)
    factor = panel["year"].map(dict(zip(range(2000, 2004), year_factors, strict=True))) * scale
    scaled = panel.assign(employment=panel["employment"] * factor, firms=panel["firms"] * factor)
    moved = lc.lifecycle_features(scaled, firm_weight=0.4)
    for column in (
        "growth",
        "growth_se",
        "specialisation",
        "location_quotient",
        "specialisation_trend",
    ):
        assert np.allclose(base[column], moved[column], rtol=1e-9, atol=1e-12), column


@settings(max_examples=25, deadline=None)
@given(rate=st.floats(-0.2, 0.2), noise=st.floats(0.001, 0.2))
def test_growth_of_a_geometric_path_is_its_rate(rate, noise):
    panel = toy_panel(growth_x=math.exp(rate))
    f = lc.lifecycle_features(panel, firm_weight=0.0, noise=noise).set_index(["region", "cluster"])
    other = f.loc[("B", "x"), "growth"]
    assert f.loc[("A", "x"), "growth"] - other == pytest.approx(rate, abs=1e-9)
    assert (
        f.loc[("A", "x"), "growth_ci_lower"]
        < f.loc[("A", "x"), "growth"]
        < f.loc[("A", "x"), "growth_ci_upper"]
    )


# --------------------------------------------------------------------------- classification


@pytest.mark.parametrize(
    ("growth", "lq", "diversity_trend", "stage"),
    [
        (0.03, 0.5, None, "emerging"),
        (0.03, 1.5, None, "growing"),
        (0.03, 1.5, 0.02, "renewing"),
        (0.03, 1.5, 0.005, "growing"),  # at the diversity threshold: not rising enough
        (0.0, 1.5, None, "mature"),
        (0.01, 1.5, None, "mature"),  # at the growth threshold: not growing
        (-0.01, 1.0, None, "mature"),  # LQ exactly 1 counts as specialised
        (0.0, 0.99, None, "not specialised"),
        (-0.03, 3.0, None, "declining"),
        (-0.03, 0.2, 0.05, "declining"),
    ],
)
def test_stage_rules(growth, lq, diversity_trend, stage):
    row = feature_row(growth=growth, specialisation=lq)
    if diversity_trend is not None:
        row = row.assign(diversity_trend=diversity_trend, diversity_trend_se=0.0)
    out = lc.classify_life_cycle(row)
    assert out["stage"].iloc[0] == stage
    assert out["confidence"].iloc[0] == pytest.approx(1.0)  # no sampling error: certain


def test_confidence_worked_by_hand():
    # mature: |g| <= 0.01 and LQ >= 1; g = 0.004 with se 0.003, log LQ 0.2 with se 0.1, t(5)
    row = feature_row(
        growth=0.004,
        growth_se=0.003,
        specialisation=math.exp(0.2),
        specialisation_log_se=0.1,
        df=5.0,
    )
    out = lc.classify_life_cycle(row)
    p_up = 1 - stats.t.cdf((0.01 - 0.004) / 0.003, 5)
    p_down = stats.t.cdf((-0.01 - 0.004) / 0.003, 5)
    p_spec = stats.t.cdf(0.2 / 0.1, 5)
    assert out["stage"].iloc[0] == "mature"
    assert out["confidence"].iloc[0] == pytest.approx((1 - p_up - p_down) * p_spec, rel=1e-12)
    assert out["p_emerging"].iloc[0] == pytest.approx(p_up * (1 - p_spec), rel=1e-12)


def test_confidence_is_one_half_on_the_growth_threshold():
    out = lc.classify_life_cycle(
        feature_row(growth=-0.01, growth_se=0.004, specialisation=50.0, specialisation_log_se=0.01)
    )
    assert out["p_declining"].iloc[0] == pytest.approx(0.5)


@settings(max_examples=40, deadline=None)
@given(
    growth=st.floats(-0.1, 0.1),
    growth_se=st.floats(0.0, 0.05),
    lq=st.floats(0.05, 20.0),
    lq_se=st.floats(0.0, 1.0),
    d=st.floats(-0.05, 0.05),
    d_se=st.floats(0.0, 0.05),
    df=st.sampled_from([1.0, 6.0, math.inf]),
)
def test_stage_probabilities_sum_to_one(growth, growth_se, lq, lq_se, d, d_se, df):
    row = feature_row(
        growth=growth, growth_se=growth_se, specialisation=lq, specialisation_log_se=lq_se, df=df
    )
    row = row.assign(diversity_trend=d, diversity_trend_se=d_se)
    out = lc.classify_life_cycle(row)
    p = out[[c for c in out.columns if c.startswith("p_")]].to_numpy()
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    assert (p >= 0).all() and 0 <= out["confidence"].iloc[0] <= 1
    # the rules' stage is the one whose probability is reported as the confidence
    stage = out["stage"].iloc[0]
    assert out["confidence"].iloc[0] == out["p_" + stage.replace(" ", "_")].iloc[0]
    # one-sided rules: each factor is >= 1/2 when its estimate is on the rule's side (the
    # band |g| <= tau of mature / not specialised has no such bound: it can be narrow)
    if stage not in ("mature", "not specialised"):
        assert out["confidence"].iloc[0] >= 0.5**3 - 1e-12
    if stage == "declining":
        assert out["confidence"].iloc[0] >= 0.5


def test_confidence_falls_as_error_grows():
    rows = pd.concat(
        [
            feature_row(growth=0.03, growth_se=se, specialisation=2.0, specialisation_log_se=0.05)
            for se in (0.002, 0.01, 0.03)
        ]
    )
    conf = lc.classify_life_cycle(rows.reset_index(drop=True))["confidence"].to_numpy()
    assert conf[0] > conf[1] > conf[2]


# --------------------------------------------------------------------------- evaluation


def test_stage_confusion_and_recovery_known_answer():
    planted = ["growing", "mature", "mature", "declining"]
    found = ["growing", "mature", "declining", "declining"]
    table = lc.stage_confusion(planted, found)
    assert list(table.index) == list(lc.LIFECYCLE_STAGES) == list(table.columns)
    assert table.loc["mature", "declining"] == 1 and table.to_numpy().sum() == 4
    r = lc.stage_recovery(planted, found, [0.9, 0.8, 0.6, 0.7])
    # Wilson interval for 3 of 4 at 95%
    z = stats.norm.ppf(0.975)
    p, n = 0.75, 4
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    assert r.accuracy == 0.75 and r.n_correct == 3
    assert r.ci_lower == pytest.approx(centre - half) and r.ci_upper == pytest.approx(centre + half)
    assert r.mean_confidence == pytest.approx(0.75)
    assert r.mean_confidence_correct == pytest.approx(0.8)
    assert r.mean_confidence_wrong == pytest.approx(0.6)
    assert r.std_error == pytest.approx(math.sqrt(0.75 * 0.25 / 4)) and r.alpha == 0.05
    every = lc.stage_recovery(planted, planted, [0.9, 0.8, 0.6, 0.7])
    assert every.accuracy == 1.0 and every.mean_confidence_wrong is None
    assert lc.stage_recovery(planted, found).mean_confidence is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.accuracy = 1.0


# --------------------------------------------------------------------------- indicator table


def _matrices():
    e0 = pd.DataFrame(
        {"a": [10, 30, 20], "b": [90, 70, 80], "c": [50, 50, 50]}, index=["p", "q", "r"]
    )
    e1 = pd.DataFrame(
        {"a": [20, 30, 20], "b": [90, 60, 80], "c": [50, 50, 50]}, index=["p", "q", "r"]
    )
    f0 = pd.DataFrame({"a": [2, 3, 2], "b": [9, 7, 8], "c": [5, 5, 5]}, index=["p", "q", "r"])
    f1 = pd.DataFrame({"a": [4, 3, 2], "b": [9, 6, 8], "c": [5, 5, 5]}, index=["p", "q", "r"])
    return e0, e1, f0, f1, {"a": "A", "b": "B", "c": "C"}


def test_indicator_table_worked_by_hand_and_reuses_star_rating():
    e0, e1, f0, f1, mapping = _matrices()
    t = lc.lifecycle_indicator_table(
        e0,
        e1,
        f0,
        f1,
        mapping,
        start_year=2017,
        end_year=2021,
        size_top_share=0.34,
        focus_top_share=0.34,
    )
    assert t["usable"].all() and (t["exclusion_reason"] == "").all()
    t = t.set_index(["region", "cluster"])
    total = math.log(e1.to_numpy().sum() / e0.to_numpy().sum()) / 4
    assert t.loc[("p", "A"), "growth"] == pytest.approx(math.log(2) / 4 - total)
    firm_total = math.log(f1.to_numpy().sum() / f0.to_numpy().sum()) / 4
    assert t.loc[("q", "B"), "firm_formation"] == pytest.approx(math.log(6 / 7) / 4 - firm_total)
    assert t.loc[("p", "A"), "focus"] == pytest.approx(20 / 160)
    assert t.loc[("p", "A"), "lq_end"] == pytest.approx(
        clusternet.location_quotient(e1).loc["p", "a"]
    )
    stars = clusternet.star_rating(
        e1, mapping, size_top_share=0.34, focus_top_share=0.34
    ).set_index(["region", "cluster"])
    assert (t["stars"] == stars["stars"].reindex(t.index)).all()
    # p's A doubles but its LQ is (20/160)/(70/450) = 0.80: growing yet not specialised
    assert t.loc[("p", "A"), "stage"] == "emerging"
    assert t.loc[("q", "B"), "stage"] == "declining"
    assert len(t) == 9 and not t.attrs


def test_indicator_table_stage_matches_lifecycle_features():
    e0, e1, f0, f1, mapping = _matrices()
    t = lc.lifecycle_indicator_table(
        e0, e1, f0, f1, mapping, start_year=2017, end_year=2021, noise=0.03
    )
    rows = []
    for year, e, f in ((2017, e0, f0), (2021, e1, f1)):
        for region in e.index:
            for industry, cluster in mapping.items():
                rows.append(
                    (region, cluster, year, e.loc[region, industry], f.loc[region, industry])
                )
    panel = pd.DataFrame(rows, columns=["region", "cluster", "year", "employment", "firms"])
    expected = lc.classify_life_cycle(lc.lifecycle_features(panel, noise=0.03))
    merged = t.merge(expected, on=["region", "cluster"], suffixes=("", "_f"))
    assert np.allclose(merged["quantity_growth"], merged["growth_f"])
    assert np.allclose(merged["confidence"], merged["confidence_f"])
    assert (merged["stage"] == merged["stage_f"]).all()


def test_indicator_table_excludes_withheld_and_small_pairs():
    e0, e1, f0, f1, mapping = _matrices()
    kwargs = {"start_year": 2017, "end_year": 2021}
    every = lc.lifecycle_indicator_table(e0, e1, f0, f1, mapping, **kwargs)
    small = lc.lifecycle_indicator_table(e0, e1, f0, f1, mapping, min_employment=25, **kwargs)
    # every pair stays, in the same order; the dropped ones are flagged, never in attrs
    assert len(small) == 9 and not small.attrs
    assert small[["region", "cluster"]].equals(every[["region", "cluster"]])
    dropped = small[~small["usable"]].set_index(["region", "cluster"])
    assert set(dropped.index) == {("p", "A"), ("r", "A")}  # 10 and 20 employees in a year
    assert dropped["exclusion_reason"].str.startswith("too small").all()
    assert dropped[["growth", "firm_formation", "stage", "confidence"]].isna().all().all()
    assert dropped.loc[("p", "A"), "employment"] == 20  # descriptive columns are kept
    assert (small.loc[small["usable"], "exclusion_reason"] == "").all()
    # the usable pairs are classified exactly as if the others were not there
    kept_rows = small[small["usable"]].reset_index(drop=True)
    same = every[small["usable"].to_numpy()].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept_rows, same)
    # industry c of region r has establishments but no employees in 2021: withheld
    e1.loc["r", "c"] = 0
    merged = {"a": "A", "b": "B", "c": "A"}
    withheld = lc.lifecycle_indicator_table(e0, e1, f0, f1, merged, **kwargs)
    dropped = withheld[~withheld["usable"]]
    assert list(zip(dropped["region"], dropped["cluster"], strict=True)) == [("r", "A")]
    assert dropped["exclusion_reason"].iloc[0].startswith("withheld")
    kept = lc.lifecycle_indicator_table(e0, e1, f0, f1, merged, exclude_withheld=False, **kwargs)
    assert kept["usable"].all() and len(kept) == 6


# --------------------------------------------------------------------------- sample data


def test_committed_sample_files_match_the_generator():
    for relative, generator in samples.SAMPLES.items():
        assert (ROOT / "data" / relative).read_bytes() == csv_bytes(generator()), relative


def test_measures_sample_and_catalog_share_one_vocabulary():
    assert lc.LIFECYCLE_STAGES is catalog.LIFECYCLE_STAGES is clusternet.LIFECYCLE_STAGES
    assert set(lc.STAGE_RULES) == set(catalog.LIFECYCLE_STAGES)
    assert set(lp.STAGE_COLOURS) == set(lp.STAGE_MARKERS) == set(catalog.LIFECYCLE_STAGES)
    spec = next(d for d in catalog.DATASETS if d.name == "lifecycle_sample_planted")
    assert tuple(spec.allowed["stage"]) == catalog.LIFECYCLE_STAGES
    assert samples.OTHER_INDUSTRIES == catalog.OTHER_INDUSTRIES
    assert samples.REST_OF_ECONOMY == catalog.REST_OF_ECONOMY


def test_generator_window_is_where_the_planted_trend_starts():
    """The planted features hold over the generator's window: with a shorter window the
    noise-free trends still match, with a longer one (across the kink) they do not."""
    panel, planted = samples.lifecycle_sample(3, noise=0.0, diversity_noise=0.0, window=5)
    for window, matches in ((5, True), (7, False)):
        f = lc.lifecycle_features(panel, diversity="diversity", window=window)
        out = f.merge(planted, on=["region", "cluster"], suffixes=("", "_planted"))
        close = np.allclose(out["growth"], out["growth_planted"], atol=2e-4)
        assert close is matches, window


def test_generator_is_seeded_and_balanced():
    a, pa = samples.lifecycle_sample(7)
    b, pb = samples.lifecycle_sample(7)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(samples.lifecycle_sample(8)[0])
    counts = pa.groupby("stage").size()
    assert set(counts.index) == set(lc.LIFECYCLE_STAGES) and (counts == 12).all()
    assert (pa.groupby(["cluster", "stage"]).size() == 2).all()
    assert (pa.groupby(["region", "stage"]).size() == 1).all()
    # six clusters hold one third of reference employment, each exactly 1/18
    share = (
        a.groupby(["year", "cluster"])["employment"].sum() / a.groupby("year")["employment"].sum()
    )
    clusters_only = share.drop(samples.OTHER_INDUSTRIES, level="cluster")
    assert np.allclose(clusters_only, 1 / 18, atol=2e-6)
    firm_size = a.groupby("year")["employment"].sum() / a.groupby("year")["firms"].sum()
    assert np.allclose(firm_size, 16.0, rtol=2e-3)


def test_noise_free_sample_is_recovered_exactly():
    panel, planted = samples.lifecycle_sample(3, noise=0.0, diversity_noise=0.0)
    f = lc.lifecycle_features(panel, diversity="diversity", window=samples.WINDOW)
    out = lc.classify_life_cycle(f).merge(
        planted, on=["region", "cluster"], suffixes=("", "_planted")
    )
    assert len(out) == 72
    assert (out["stage"] == out["stage_planted"]).all()
    assert np.allclose(out["growth"], out["growth_planted"], atol=2e-4)
    assert np.allclose(np.log(out["specialisation"] / out["specialisation_planted"]), 0, atol=2e-4)
    assert np.allclose(out["diversity_trend"], out["diversity_trend_planted"], atol=1e-4)
    assert out["confidence"].min() > 0.99


# --------------------------------------------------------------------------- plotting


def test_plots_draw_what_they_say(sample):
    panel, planted = sample
    axes = lp.plot_planted_trajectories(panel, planted=planted, window=8)
    assert axes.shape == (2, 3)
    assert [ax.get_title() for ax in axes.ravel()] == [
        s.capitalize() for s in catalog.LIFECYCLE_STAGES
    ]
    # one line per pair + the LQ = 1 line
    assert sum(len(ax.get_lines()) - 1 for ax in axes.ravel()) == 72
    # the shaded window starts half a year before the window's first year (2012)
    assert axes[0, 0].patches[0].get_x() == pytest.approx(2011.5)
    # drawing into given axes returns them
    _, own = matplotlib.pyplot.subplots(2, 3)
    assert lp.plot_planted_trajectories(panel, planted=planted, window=8, axes=own) is own
    f = lc.classify_life_cycle(
        lc.lifecycle_features(panel[panel.year.isin([2015, 2019])], noise=0.03)
    )
    f = f.merge(
        planted[["region", "cluster", "stage"]].rename(columns={"stage": "planted"}),
        on=["region", "cluster"],
    )
    ax = lp.plot_stage_plane(f, planted="planted")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    wrong = int((f["planted"] != f["stage"]).sum())
    assert f"misclassified ({wrong})" in labels
    matplotlib.pyplot.close("all")


# --------------------------------------------------------------------------- bad input


def test_features_bad_input():
    panel = toy_panel()
    with pytest.raises(TypeError, match="panel must be a pandas DataFrame"):
        lc.lifecycle_features(panel.to_numpy())
    with pytest.raises(ValueError, match="missing required column"):
        lc.lifecycle_features(panel.drop(columns="firms"))
    with pytest.raises(ValueError, match="negative"):
        lc.lifecycle_features(panel.assign(employment=-panel["employment"]))
    with pytest.raises(ValueError, match="duplicated"):
        lc.lifecycle_features(pd.concat([panel, panel.iloc[[0]]]))
    with pytest.raises(ValueError, match="unbalanced"):
        lc.lifecycle_features(panel.iloc[1:])
    with pytest.raises(ValueError, match="is zero for 1 region-cluster"):
        lc.lifecycle_features(panel.assign(firms=np.where(panel.index == 0, 0, panel["firms"])))
    with pytest.raises(ValueError, match="pass noise"):
        lc.lifecycle_features(toy_panel(years=[2017, 2021]))
    with pytest.raises(ValueError, match="window must be >= 2"):
        lc.lifecycle_features(panel, window=1)
    with pytest.raises(ValueError, match="firm_weight"):
        lc.lifecycle_features(panel, firm_weight=1.5)
    with pytest.raises(ValueError, match="noise must be > 0"):
        lc.lifecycle_features(panel, noise=0.0)
    with pytest.raises(ValueError, match="diversity"):
        lc.lifecycle_features(panel.assign(d=1.2), diversity="d")
    with pytest.raises(TypeError, match="region must be a column name"):
        lc.lifecycle_features(panel, region=1)
    with pytest.raises(TypeError, match="non-numeric"):
        lc.lifecycle_features(panel.assign(employment=panel["employment"].astype(str)))
    with pytest.raises(ValueError, match="missing values"):
        lc.lifecycle_features(
            panel.assign(employment=np.where(panel.index == 0, np.nan, panel["employment"]))
        )
    with pytest.raises(ValueError, match="whole years"):
        lc.lifecycle_features(panel.assign(year=panel["year"] + 0.5))


def test_classify_bad_input():
    row = feature_row()
    with pytest.raises(TypeError, match="features must be a pandas DataFrame"):
        lc.classify_life_cycle({"growth": 1})
    with pytest.raises(ValueError, match="missing required column"):
        lc.classify_life_cycle(row.drop(columns="growth_se"))
    with pytest.raises(ValueError, match="negative"):
        lc.classify_life_cycle(row.assign(growth_se=-0.1))
    with pytest.raises(ValueError, match="specialisation' must be positive"):
        lc.classify_life_cycle(row.assign(specialisation=0.0))
    with pytest.raises(ValueError, match="missing values"):
        lc.classify_life_cycle(row.assign(growth=np.nan))
    with pytest.raises(ValueError, match="growth_threshold must be >= 0"):
        lc.classify_life_cycle(row, growth_threshold=-0.01)
    with pytest.raises(ValueError, match="specialisation_threshold must be > 0"):
        lc.classify_life_cycle(row, specialisation_threshold=0)
    with pytest.raises(TypeError, match="diversity_threshold must be a real number"):
        lc.classify_life_cycle(row, diversity_threshold="0.1")
    with pytest.raises(ValueError, match="diversity_trend_se"):
        lc.classify_life_cycle(row.assign(diversity_trend=0.1))
    with pytest.raises(ValueError, match="degrees of freedom"):
        lc.classify_life_cycle(row.assign(df=0.0))


def test_evaluation_bad_input():
    with pytest.raises(ValueError, match="unknown stage"):
        lc.stage_confusion(["growing"], ["booming"])
    with pytest.raises(ValueError, match="differ in length"):
        lc.stage_confusion(["growing"], ["growing", "mature"])
    with pytest.raises(ValueError, match="empty"):
        lc.stage_confusion([], [])
    with pytest.raises(TypeError, match="planted must be"):
        lc.stage_confusion("growing", ["growing"])
    with pytest.raises(ValueError, match="missing values"):
        lc.stage_confusion(pd.Series(["growing", None]), ["growing", "mature"])
    with pytest.raises(ValueError, match="one value per classification"):
        lc.stage_recovery(["growing"], ["growing"], [0.5, 0.5])
    with pytest.raises(ValueError, match=r"in \[0, 1\]"):
        lc.stage_recovery(["growing"], ["growing"], [1.5])


def test_indicator_table_bad_input():
    e0, e1, f0, f1, mapping = _matrices()
    kwargs = {"start_year": 2017, "end_year": 2021}
    with pytest.raises(ValueError, match="same regions"):
        lc.lifecycle_indicator_table(e0, e1.iloc[::-1], f0, f1, mapping, **kwargs)
    with pytest.raises(TypeError, match="firms_end must be a pandas DataFrame"):
        lc.lifecycle_indicator_table(e0, e1, f0, f1.to_numpy(), mapping, **kwargs)
    with pytest.raises(ValueError, match="end_year"):
        lc.lifecycle_indicator_table(e0, e1, f0, f1, mapping, start_year=2021, end_year=2017)
    with pytest.raises(TypeError, match="start_year must be an integer"):
        lc.lifecycle_indicator_table(e0, e1, f0, f1, mapping, start_year="2017", end_year=2021)
    with pytest.raises(ValueError, match="unknown star_options"):
        lc.lifecycle_indicator_table(e0, e1, f0, f1, mapping, colour="red", **kwargs)
    with pytest.raises(ValueError, match="negative"):
        lc.lifecycle_indicator_table(e0, -e1, f0, f1, mapping, **kwargs)
    with pytest.raises(ValueError, match="unassigned"):
        lc.lifecycle_indicator_table(e0, e1, f0, f1, {"a": "A", "b": "B"}, **kwargs)
    with pytest.raises(ValueError, match="noise must be > 0"):
        lc.lifecycle_indicator_table(e0, e1, f0, f1, mapping, noise=0, **kwargs)
    with pytest.raises(ValueError, match="no region-cluster pair"):
        lc.lifecycle_indicator_table(e0, e1, f0, f1, mapping, min_employment=1e9, **kwargs)
    with pytest.raises(TypeError, match="exclude_withheld"):
        lc.lifecycle_indicator_table(e0, e1, f0, f1, mapping, exclude_withheld="yes", **kwargs)


def test_generator_bad_input():
    with pytest.raises(ValueError, match="window must be >= 2"):
        samples.lifecycle_sample(1, window=1)
    with pytest.raises(ValueError, match="window must be at most 20"):
        samples.lifecycle_sample(1, window=21)
    with pytest.raises(ValueError, match="multiple of 6"):
        samples.lifecycle_sample(1, n_regions=7)
    with pytest.raises(ValueError, match="noise must be >= 0"):
        samples.lifecycle_sample(1, noise=-0.1)
    with pytest.raises(TypeError, match="seed"):
        samples.lifecycle_sample("x")


def test_plot_bad_input(sample):
    panel, planted = sample
    with pytest.raises(ValueError, match="missing required column"):
        lp.plot_stage_plane(panel)
    with pytest.raises(ValueError, match="missing required column"):
        lp.plot_planted_trajectories(panel.drop(columns="employment"), planted=planted, window=8)
    with pytest.raises(ValueError, match="longer than the panel"):
        lp.plot_planted_trajectories(panel, planted=planted, window=21)
    with pytest.raises(ValueError, match="2 x 3"):
        lp.plot_planted_trajectories(panel, planted=planted, window=8, axes=np.empty((1, 6)))
    with pytest.raises(ValueError, match="growth_limit must be > 0"):
        lp.plot_stage_plane(planted.assign(stage="growing"), growth_limit=0)


def test_markdown_table_known_output_and_bad_input():
    frame = pd.DataFrame({"Stage": ["growing", "mature"], "Share": ["12%", "15%"]})
    text = clusternet.plotting.markdown_table(
        frame, caption="Stages  of\nclusters.", name="tbl-x", widths=[2, 1]
    ).data
    lines = text.splitlines()
    assert lines[:5] == [
        "```{list-table} Stages of clusters.",
        ":name: tbl-x",
        ":header-rows: 1",
        ":class: numbers-right-2",  # the shares are numbers: right-aligned
        ":widths: 2 1",
    ]
    assert lines[6:] == [
        "* - Stage",
        "  - Share",
        "* - growing",
        "  - 12%",
        "* - mature",
        "  - 15%",
        "```",
    ]
    numbered = pd.DataFrame({"#": [1], "Claim": ["#1 in the ranking"]})
    text = clusternet.plotting.markdown_table(numbered, caption="c", name="tbl-y").data
    assert ":class: numbers-right-1\n" in text  # column 1 only: the claim is text
    assert "* - \\#" in text and "  - \\#1 in the ranking" in text  # not read as headings
    with pytest.raises(ValueError, match="name must be a label"):
        clusternet.plotting.markdown_table(frame, caption="c", name="fig-x")
    with pytest.raises(ValueError, match="caption"):
        clusternet.plotting.markdown_table(frame, caption=" ", name="tbl-x")
    with pytest.raises(ValueError, match="widths"):
        clusternet.plotting.markdown_table(frame, caption="c", name="tbl-x", widths=[1])
    with pytest.raises(ValueError, match="empty"):
        clusternet.plotting.markdown_table(frame.iloc[:0], caption="c", name="tbl-x")
