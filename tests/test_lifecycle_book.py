"""Tests of the life-cycle chapter's steps (clusternet.book.cluster_life_cycles)."""

from __future__ import annotations

import dataclasses
import re

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")

import clusternet  # noqa: E402
from clusternet.book import cluster_life_cycles as analysis  # noqa: E402
from clusternet.book.published import Published  # noqa: E402
from clusternet.catalog import lifecycle as catalog  # noqa: E402
from clusternet.samples import lifecycle as samples  # noqa: E402

from .conftest import ROOT, check_key_results, expected_numbers  # noqa: E402

SETTINGS = analysis.SETTINGS

# Numbers added with their provenance (the upper Wilson bound that makes the sample accuracy
# an estimate) that tests/expected/cluster-life-cycles.csv does not pin yet: name -> value.
# Once the CSV has a row for a name, that row is checked instead.
_ADDED = {"lifecycle_sample_accuracy_ci_upper": 1.0}


def _pending() -> dict[str, float]:
    pinned = expected_numbers("cluster-life-cycles")
    return {name: value for name, value in _ADDED.items() if name not in pinned}


class _PinnedOnly:
    """``key_results`` without the numbers the CSV does not pin yet."""

    @staticmethod
    def key_results():
        pending = _pending()
        results = analysis.key_results()
        for name, value in pending.items():
            assert results[name] == pytest.approx(value, abs=1e-9), name
        return {name: value for name, value in results.items() if name not in pending}


@pytest.fixture(scope="module")
def sample():
    return analysis.sample_economy()


@pytest.fixture(scope="module")
def us():
    inputs = analysis.us_inputs()
    return inputs, analysis.us_indicators(inputs)


def _published_names(*results) -> list[str]:
    names = []
    for result in results:
        assert all(isinstance(p, Published) for p in result.published.values())
        names += list(result.published)
    return names


# --------------------------------------------------------------------------- settings


def test_settings_are_frozen_and_match_the_data():
    with pytest.raises(dataclasses.FrozenInstanceError):
        SETTINGS.sample_window = 9
    # the chapter's window is the window the generator planted the stages over
    assert SETTINGS.sample_window == samples.WINDOW
    spec = next(d for d in catalog.DATASETS if d.name == "lifecycle_sample_planted")
    first, last = map(int, re.search(r"(\d{4})-(\d{4})", spec.units["growth"]).groups())
    assert last - first + 1 == SETTINGS.sample_window
    panel = clusternet.data.load("lifecycle_sample_panel")
    assert panel["year"].max() == last
    assert set(SETTINGS.sample_two_years) <= set(panel["year"])
    # the noise assumed for two sample years is the generator's own
    assert SETTINGS.sample_noise == samples.NOISE
    # the thresholds are the classifier's defaults
    assert SETTINGS.growth_threshold == analysis.classifier_thresholds().growth == 0.01
    assert SETTINGS.longer_window > SETTINGS.sample_window


# --------------------------------------------------------------------------- sample data


def test_sample_steps_recover_the_planted_stages(sample):
    assert sample.stage_counts.to_dict() == dict.fromkeys(catalog.LIFECYCLE_STAGES, 12)
    recovery = analysis.sample_recovery(sample)
    r = recovery.recovery
    assert r.n == 72 and r.accuracy >= 0.95
    # the confidence is calibrated to within the binomial uncertainty of 72 pairs
    assert r.ci_lower <= r.mean_confidence <= 1.0
    assert int(np.trace(recovery.confusion.to_numpy())) == r.n_correct
    assert (recovery.classified["n_years"] == SETTINGS.sample_window).all()
    assert recovery.published["lifecycle_sample_accuracy"].value == r.accuracy


def test_two_sample_years_cannot_see_renewal(sample):
    two = analysis.two_year_recovery(sample)
    out = two.classified
    assert set(out["first_year"]) | set(out["last_year"]) == set(SETTINGS.sample_two_years)
    renewing = out[out["stage_planted"] == "renewing"]
    assert (renewing["stage"] == "growing").all()
    assert (out["stage"] != "renewing").all()
    assert two.published["lifecycle_two_point_renewing_as_growing"].value == len(renewing)
    longer = analysis.longer_window_recovery(sample)
    assert (longer.classified["n_years"] == SETTINGS.longer_window).all()
    assert longer.recovery.accuracy < 1.0


def test_steps_follow_their_settings(sample):
    wider = dataclasses.replace(SETTINGS, growth_threshold=0.05)
    assert analysis.classifier_thresholds(wider).published[
        "lifecycle_growth_threshold"
    ].value == pytest.approx(0.05)
    strict = analysis.sample_recovery(sample, wider).classified
    # with a 5% band most planted growth (1.5% to 6%) reads as holding its ground
    assert (strict["stage"].isin(["mature", "not specialised"])).sum() > 24


# --------------------------------------------------------------------------- real US data


def test_us_inputs_are_built_from_the_shared_cbp(us):
    inputs, _ = us
    e0, e1 = inputs.employment_start, inputs.employment_end
    assert e0.shape == e1.shape == (50, 288)
    assert int(e1.to_numpy().sum()) == 127_806_537  # CBP 2021 total, data/us-cbp/SOURCE.md
    assert int(e0.to_numpy().sum()) == 127_718_591  # CBP 2017 total
    for matrix in inputs.matrices():
        assert matrix.index.equals(e0.index) and matrix.columns.equals(e0.columns)
    assert inputs.mapping.index.equals(e1.columns)
    assert inputs.cluster_type.value_counts().to_dict() == {
        "traded": 41,
        "local": 16,
        "resource_dependent": 10,
    }
    assert inputs.cluster_type.index.is_unique
    assert 0 < inputs.confident_employment_share < 1


def test_us_indicators_keep_and_flag_every_pair(us):
    inputs, indicators = us
    table = indicators.table
    assert not table.attrs
    assert len(table) == 50 * inputs.mapping.nunique()
    assert table["usable"].dtype == bool
    assert (table.loc[table["usable"], "exclusion_reason"] == "").all()
    assert (table.loc[~table["usable"], "exclusion_reason"] != "").all()
    assert table.loc[~table["usable"], "stage"].isna().all()
    assert table.loc[table["usable"], "stage"].notna().all()
    assert indicators.traded["usable"].all() and not indicators.excluded["usable"].any()
    published = indicators.published
    assert published["lifecycle_us_traded_pairs"].value == len(indicators.traded)
    assert published["lifecycle_us_traded_excluded"].value == len(indicators.excluded)
    assert (indicators.traded["employment"] >= SETTINGS.us_min_employment).all()


def test_us_stage_shares_and_sensitivity(us):
    inputs, indicators = us
    stages = analysis.us_stage_shares(indicators)
    assert stages.shares.sum() == pytest.approx(1.0)
    assert (stages.pandemic["cluster"] == SETTINGS.pandemic_cluster).all()
    shares = [v.value for k, v in stages.published.items() if "_share_" in k]
    assert sum(shares) == pytest.approx(1.0)  # renewal cannot be seen: the five others add up
    sensitivity = analysis.threshold_sensitivity(inputs, indicators)
    assert sensitivity.changed.index.equals(indicators.traded.index)
    assert sensitivity.published["lifecycle_us_threshold_sensitive_share"].value == pytest.approx(
        sensitivity.changed.mean()
    )


def test_state_indicator_table(us):
    _, indicators = us
    shown = analysis.state_indicator_table(indicators)
    traded = indicators.traded
    state = traded[(traded["region"] == SETTINGS.example_state) & (traded["stars"] > 0)]
    assert len(shown) == len(state) > 0
    assert shown["Stars"].is_monotonic_decreasing
    assert shown.columns[1] == f"Employees {SETTINGS.us_end_year}"


def test_us_inputs_bad_settings():
    with pytest.raises(ValueError, match="end_year"):
        analysis.us_inputs(dataclasses.replace(SETTINGS, us_start_year=2021, us_end_year=2017))
    with pytest.raises(TypeError, match="start_year must be an integer"):
        analysis.us_inputs(dataclasses.replace(SETTINGS, us_start_year=2017.0))


# --------------------------------------------------------------------------- checklist


def test_strategy_checklist_names_real_helpers_and_chapters():
    checklist = analysis.strategy_checklist()
    table = checklist.table
    assert set(table["can_inform"]) <= {"yes", "partly", "no"}
    assert checklist.counts.sum() == len(table) == 10
    for helpers in table["helpers"]:
        for name in filter(None, (h.strip() for h in helpers.split(","))):
            assert callable(getattr(clusternet, name, None)), name
    labels = "".join(p.read_text() for p in (ROOT / "chapters").glob("*.md"))
    for chapter in filter(None, table["chapter"]):
        assert f"({chapter})=" in labels, chapter
    assert table.loc[table["can_inform"] == "no", "step"].str.contains("Geographic").any()


# --------------------------------------------------------------------------- the chapter


def _real_panel_steps(inputs):
    gb = analysis.gb_panel()
    return (
        analysis.gb_segment_stages(gb),
        analysis.us_panel_stages(analysis.us_panel(inputs)),
        analysis.gb_creative_indicators(gb),
    )


def test_every_pinned_number_is_published_once(sample, us):
    inputs, indicators = us
    names = _published_names(
        analysis.classifier_thresholds(),
        sample,
        analysis.sample_recovery(sample),
        analysis.two_year_recovery(sample),
        analysis.longer_window_recovery(sample),
        indicators,
        analysis.us_stage_shares(indicators),
        analysis.threshold_sensitivity(inputs, indicators),
        analysis.strategy_checklist(),
        *_real_panel_steps(inputs),
    )
    assert len(names) == len(set(names))
    assert set(names) == set(expected_numbers("cluster-life-cycles")) | set(_pending())
    assert all(name.startswith("lifecycle_") for name in names)


def test_chapter_has_no_analysis_literals():
    text = (ROOT / "chapters" / "cluster-life-cycles.md").read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```\{code-cell\}[^\n]*\n(.*?)\n```", text, re.S))
    for forbidden in ("glue_number(", "lc.", "plots.", "attrs[", "window=8", "noise=0.0"):
        assert forbidden not in code, forbidden


@pytest.mark.slow
def test_key_results_match_expected_csv():
    results = check_key_results(_PinnedOnly, "cluster-life-cycles")
    assert len(results) == len(expected_numbers("cluster-life-cycles"))
    assert isinstance(results["lifecycle_sample_pairs"], float)
    full = analysis.key_results(SETTINGS)
    pd.testing.assert_series_equal(
        pd.Series(results), pd.Series(full).drop(list(_pending())), check_exact=True
    )


@pytest.mark.slow
def test_every_number_has_provenance_and_every_estimate_its_interval():
    published = analysis.key_results(SETTINGS).published
    kinds = {}
    for name, number in published.items():
        assert number.provenance is not None, name
        kinds[name] = number.provenance.kind
        if number.estimate:
            assert number.ci_lower is not None and number.ci_upper is not None, name
            assert number.ci_lower <= number.ci_upper, name
    # sample data are never labelled real, real data never sample
    assert all(
        kinds[n] == "sample data"
        for n in published
        if "_sample_" in n and "noise" not in n and not n.endswith("_window")
    )
    assert all(
        kinds[n] == "real data"
        for n in published
        if n.startswith(("lifecycle_gb_share", "lifecycle_us_share"))
    )
    assert {n for n, k in kinds.items() if k == "analysis setting"} >= {
        "lifecycle_growth_threshold",
        "lifecycle_specialisation_threshold",
        "lifecycle_diversity_threshold",
        "lifecycle_checklist_steps",
    }
    # every number with an interval sibling is an estimate (sample accuracy, slope, ...)
    for name in (
        "lifecycle_sample_accuracy",
        "lifecycle_two_point_accuracy",
        "lifecycle_longer_window_accuracy",
        "lifecycle_us_continuation_slope",
        "lifecycle_gb_share_declining_expected",
        "lifecycle_us_pre_share_declining_expected",
    ):
        assert published[name].estimate, name
