"""Global pipelines (Fitjar and Rodriguez-Pose): known answers, properties, bad input.

Every claim the chapter's prose makes about the committed sample data is asserted here
too, so a change to the data or the helpers that would make the text wrong fails a test.
"""

from __future__ import annotations

import dataclasses
import doctest
import importlib
import math

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats

import clusternet
from clusternet import models
from clusternet import pipelines as pl
from clusternet.book import global_pipelines as analysis
from clusternet.book._global_pipelines_calibration import calibration_table
from clusternet.book.claims import claim
from clusternet.catalog.pipelines import CITY_REGIONS, PARTNER_TYPES, SCALES
from clusternet.pipelines.ratio import _refit_logit
from clusternet.plotting import pipelines as pp
from clusternet.samples import csv_bytes
from clusternet.samples import pipelines as sp

from .conftest import ROOT, check_key_results

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

PARTNERS = [f"{kind}_{scale}" for scale in SCALES for kind in PARTNER_TYPES]
SETTINGS = analysis.SETTINGS
#: the chapter's model specification, for fits outside its steps
CHAPTER_MODEL = {"controls": SETTINGS.controls, "regions": SETTINGS.regions}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def survey():
    return clusternet.data.load("norway_firm_survey")


@pytest.fixture(scope="module")
def headline(survey):
    return pl.fit_pipeline_logit(survey, "product_innovation", **CHAPTER_MODEL)


@pytest.fixture(scope="module")
def targets():
    return clusternet.data.load("norway_calibration_targets").set_index("target")["value"]


@pytest.fixture(scope="module")
def tiny():
    """Four firms, two partner types, two scales: small enough to check by hand."""
    return pd.DataFrame(
        {
            "city_region": ["Oslo", "Oslo", "Bergen", "Bergen"],
            "supplier_regional": [2, 0, 1, 0],
            "customer_regional": [1, 0, 0, 0],
            "supplier_international": [0, 0, 3, 0],
            "customer_international": [0, 1, 1, 0],
        }
    )


TINY = {"partner_types": ["supplier", "customer"], "scales": ["regional", "international"]}


class _Stub:
    """Just what a ratio needs from a fitted model: params and their covariance."""

    def __init__(self, b1, b2, v11, v22, v12=0.0):
        self.params = pd.Series({"a": b1, "b": b2})
        self._cov = pd.DataFrame([[v11, v12], [v12, v22]], index=["a", "b"], columns=["a", "b"])

    def cov_params(self):
        return self._cov


def _planted_logit(n=6000, interaction=0.0, seed=7):
    """Firms with random regional/international partners and a planted product equation."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({c: (rng.random(n) < 0.1).astype(int) for c in PARTNERS})
    frame["city_region"] = rng.choice(CITY_REGIONS, n)
    any_reg = frame[[f"{k}_regional" for k in PARTNER_TYPES]].max(axis=1)
    any_int = frame[[f"{k}_international" for k in PARTNER_TYPES]].max(axis=1)
    index = -0.5 + 0.2 * any_reg + 0.6 * any_int + interaction * any_reg * any_int
    frame["product_innovation"] = (rng.random(n) < 1 / (1 + np.exp(-index))).astype(int)
    return frame


# --------------------------------------------------------------------------- validation


def test_validate_accepts_a_good_survey_and_returns_it(tiny):
    assert pl.validate_collaboration_survey(tiny, regions=["Oslo", "Bergen"], **TINY) is tiny


@pytest.mark.parametrize(
    "change, error, message",
    [
        (lambda f: f.assign(supplier_regional=[-1, 0, 1, 0]), ValueError, "negative"),
        (lambda f: f.assign(supplier_regional=[0.5, 0, 1, 0]), ValueError, "fractional"),
        (lambda f: f.assign(supplier_regional=[np.nan, 0, 1, 0]), ValueError, "missing"),
        (lambda f: f.assign(supplier_regional=["a", "b", "c", "d"]), TypeError, "non-numeric"),
        (
            lambda f: f.assign(supplier_regional=[True, False, True, False]),
            TypeError,
            "non-numeric",
        ),
        (lambda f: f.drop(columns="customer_international"), ValueError, "customer_international"),
        (
            lambda f: f.assign(city_region=["Oslo", "Tromso", "Bergen", "Bergen"]),
            ValueError,
            "Tromso",
        ),
        (lambda f: f.drop(columns="city_region"), ValueError, "city_region"),
        (lambda f: f.assign(foreign_ownership=[0, 0.5, 1.2, 0]), ValueError, r"outside \[0, 1\]"),
        (lambda f: f.assign(higher_education=[0, -0.1, 0.2, 0]), ValueError, r"outside \[0, 1\]"),
        (lambda f: f.iloc[0:0], ValueError, "empty"),
    ],
)
def test_validate_rejects_impossible_surveys(tiny, change, error, message):
    with pytest.raises(error, match=message):
        pl.validate_collaboration_survey(change(tiny), regions=["Oslo", "Bergen"], **TINY)


def test_validate_rejects_wrong_kinds_of_arguments(tiny):
    with pytest.raises(TypeError, match="survey must be a pandas DataFrame"):
        pl.validate_collaboration_survey(tiny.to_numpy(), **TINY)
    with pytest.raises(TypeError, match="partner_types"):
        pl.validate_collaboration_survey(tiny, partner_types="supplier", scales=["regional"])
    with pytest.raises(ValueError, match="scales is empty"):
        pl.validate_collaboration_survey(tiny, partner_types=["supplier"], scales=[])
    with pytest.raises(ValueError, match="duplicated"):
        pl.validate_collaboration_survey(
            tiny, partner_types=["supplier", "supplier"], scales=["regional"]
        )
    with pytest.raises(ValueError, match="regions=None"):  # the hint for readers with other regions
        pl.validate_collaboration_survey(tiny, regions=["Oslo"], **TINY)


# --------------------------------------------------------------------------- counts and profiles


def test_partner_counts_by_hand(tiny):
    types = pl.add_partner_counts(tiny, **TINY)
    assert types["partners_regional"].tolist() == [2, 0, 1, 0]
    assert types["partners_international"].tolist() == [0, 1, 2, 0]
    assert types["any_regional"].tolist() == [1, 0, 1, 0]
    partners = pl.add_partner_counts(tiny, measure="partners", **TINY)
    assert partners["partners_regional"].tolist() == [3, 0, 1, 0]
    assert partners["partners_international"].tolist() == [0, 1, 4, 0]
    assert "partners_regional" not in tiny.columns  # a copy, the input is untouched
    with pytest.raises(ValueError, match="measure"):
        pl.add_partner_counts(tiny, measure="count", **TINY)


def test_mode_counts_by_hand(tiny):
    out = pl.add_mode_counts(tiny, modes={"chain": ["supplier", "customer"]}, scales=TINY["scales"])
    assert out["chain_regional"].tolist() == [2, 0, 1, 0]
    assert out["chain_extra_regional"].tolist() == [0, 1, 2, 0]
    three = pd.DataFrame(
        {
            "university_regional": [1, 0],
            "university_national": [1, 0],
            "university_international": [1, 1],
        }
    )
    out = pl.add_mode_counts(three, modes={"sti": ["university"]})
    assert out["sti_regional"].tolist() == [1, 0]
    assert out["sti_extra_regional"].tolist() == [1, 1]  # national or international counts once


def test_mode_counts_reject_bad_modes(tiny):
    with pytest.raises(TypeError, match="modes"):
        pl.add_mode_counts(tiny, modes=["supplier"], scales=TINY["scales"])
    with pytest.raises(ValueError, match="more than one mode"):
        pl.add_mode_counts(
            tiny, modes={"a": ["supplier"], "b": ["supplier"]}, scales=TINY["scales"]
        )
    with pytest.raises(ValueError, match="local_scale"):
        pl.add_mode_counts(
            tiny, modes={"a": ["supplier"]}, scales=TINY["scales"], local_scale="city"
        )
    with pytest.raises(ValueError, match="extra-regional"):
        pl.add_mode_counts(tiny, modes={"a": ["supplier"]}, scales=["regional"])


def test_profile_by_hand_with_wilson_interval(tiny):
    profile = pl.collaboration_profile(tiny, regions=None, **TINY).set_index(
        ["scale", "partner_type"]
    )
    assert profile.loc[("regional", "supplier"), "share"] == 0.5
    assert profile.loc[("regional", "customer"), "share"] == 0.25
    assert profile.loc[("regional", "any"), "collaborating"] == 2
    assert profile.loc[("international", "any"), "share"] == 0.5
    # Wilson score interval for 2 of 4 by hand
    z, n, p = stats.norm.ppf(0.975), 4, 0.5
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    row = profile.loc[("regional", "supplier")]
    assert row["ci_lower"] == pytest.approx(centre - half)
    assert row["ci_upper"] == pytest.approx(centre + half)


def test_profile_by_group(tiny):
    profile = pl.collaboration_profile(tiny, by="city_region", regions=None, **TINY)
    oslo = profile[
        (profile["city_region"] == "Oslo") & (profile["partner_type"] == "any")
    ].set_index("scale")
    assert oslo.loc["regional", "share"] == 0.5 and oslo.loc["regional", "firms"] == 2
    assert oslo.loc["international", "share"] == 0.5
    with pytest.raises(ValueError, match="missing required column"):
        pl.collaboration_profile(tiny, by="sector", regions=None, **TINY)
    with pytest.raises(TypeError, match="by must be"):
        pl.collaboration_profile(tiny, by=["city_region"], regions=None, **TINY)
    with pytest.raises(ValueError, match="alpha"):
        pl.collaboration_profile(tiny, alpha=1.5, regions=None, **TINY)


count_frames = st.integers(min_value=1, max_value=25).flatmap(
    lambda n: st.lists(
        st.lists(st.integers(min_value=0, max_value=4), min_size=4, max_size=4),
        min_size=n,
        max_size=n,
    )
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count_frames)
def test_profile_properties(rows):
    frame = pd.DataFrame(
        rows,
        columns=[
            "supplier_regional",
            "customer_regional",
            "supplier_international",
            "customer_international",
        ],
    )
    profile = pl.collaboration_profile(frame, regions=None, **TINY)
    assert ((profile["share"] >= 0) & (profile["share"] <= 1)).all()
    assert (profile["ci_lower"] <= profile["share"] + 1e-12).all()
    assert (profile["share"] <= profile["ci_upper"] + 1e-12).all()
    assert (profile["collaborating"] <= profile["firms"]).all()
    for _scale, part in profile.groupby("scale"):
        any_share = part.loc[part["partner_type"] == "any", "share"].iloc[0]
        assert any_share >= part["share"].max() - 1e-12  # "any" is at least each type
        assert any_share <= part.loc[part["partner_type"] != "any", "share"].sum() + 1e-12
    counts = pl.add_partner_counts(frame, **TINY)
    summed = pl.add_partner_counts(frame, measure="partners", **TINY)
    assert (counts["partners_regional"] <= 2).all()
    assert (summed["partners_regional"] >= counts["partners_regional"]).all()
    assert ((counts["partners_regional"] > 0).astype(int) == counts["any_regional"]).all()


# --------------------------------------------------------------------------- models


def test_fit_recovers_planted_effects_in_a_large_sample(targets):
    """The calibration holds in expectation: at n = 60,000 the headline model recovers it."""
    truth = clusternet.data.load("norway_true_coefficients").set_index("term")["coefficient"]
    big = sp.norway_survey(seed=99, n_firms=60_000)
    result = pl.fit_pipeline_logit(big, **CHAPTER_MODEL)
    table = models.coefficient_table(result).set_index("term")
    for term in ("partners_regional", "partners_national", "partners_international"):
        lo, hi = table.loc[term, ["ci_lower", "ci_upper"]]
        assert lo < truth[term] < hi, term
    # the planted coefficients are the calibration targets (to the file's 10 digits)
    odds, ratio = targets["odds_ratio_international"], targets["effect_ratio"]
    assert truth["partners_international"] == pytest.approx(math.log(odds), rel=1e-9)
    assert truth["partners_regional"] == pytest.approx(math.log(odds) / ratio, rel=1e-9)
    assert truth["partners_national"] == truth["partners_regional"]


def test_results_table_matches_models_helpers(headline):
    table = pl.pipeline_results_table(headline, pl.SCALE_REGRESSORS).set_index("term")
    raw = models.coefficient_table(headline).set_index("term")
    ame = models.average_marginal_effects(headline).set_index("term")
    for term in pl.SCALE_REGRESSORS:
        assert table.loc[term, "odds_ratio"] == pytest.approx(math.exp(raw.loc[term, "estimate"]))
        assert table.loc[term, "or_ci_upper"] == pytest.approx(math.exp(raw.loc[term, "ci_upper"]))
        assert table.loc[term, "ame"] == pytest.approx(ame.loc[term, "effect"])
        assert (
            table.loc[term, "or_ci_lower"]
            < table.loc[term, "odds_ratio"]
            < table.loc[term, "or_ci_upper"]
        )
    full = pl.pipeline_results_table(headline)
    assert "Intercept" not in set(full["term"]) and len(full) == len(headline.params) - 1


def test_ame_ratio_equals_coefficient_ratio(headline):
    """In a logit without interactions the AME ratio is the coefficient ratio (as the chapter says)."""
    ame = models.average_marginal_effects(headline).set_index("term")["effect"]
    ratio = headline.params["partners_international"] / headline.params["partners_regional"]
    assert ame["partners_international"] / ame["partners_regional"] == pytest.approx(
        ratio, rel=1e-9
    )


def test_fit_takes_no_study_specific_defaults(survey):
    """Without arguments a fit has no controls and accepts any region (the book passes them)."""
    plain = pl.fit_pipeline_logit(survey)
    assert set(plain.params.index) == {"Intercept", *pl.SCALE_REGRESSORS}
    elsewhere = survey.assign(city_region="Tromso")
    assert pl.fit_pipeline_logit(elsewhere).nobs == len(survey)
    with pytest.raises(ValueError, match="Tromso"):
        pl.fit_pipeline_logit(elsewhere, regions=CITY_REGIONS)


def test_fit_rejects_bad_requests(survey):
    with pytest.raises(ValueError, match="missing required column"):
        pl.fit_pipeline_logit(survey, "patents")
    with pytest.raises(ValueError, match="not columns of survey or derived"):
        pl.fit_pipeline_logit(survey, regressors=["partners_global"])
    with pytest.raises(ValueError, match="also listed as a regressor"):
        pl.fit_pipeline_logit(survey, "product_innovation", regressors=["product_innovation"])
    with pytest.raises(ValueError, match="coded 0/1"):
        pl.fit_pipeline_logit(survey, "employees")
    with pytest.raises(TypeError, match="controls"):
        pl.fit_pipeline_logit(survey, controls="np.log(employees)")
    with pytest.raises(TypeError, match="outcome"):
        pl.fit_pipeline_logit(survey, 3)
    with pytest.raises(ValueError, match="cannot build the model"):
        pl.fit_pipeline_logit(survey, controls=["no_such_variable"])


def test_results_table_rejects_bad_input(headline):
    with pytest.raises(TypeError, match="fitted statsmodels logit"):
        pl.pipeline_results_table("model")
    ols = models.fit_ols(
        "employees ~ foreign_ownership", clusternet.data.load("norway_firm_survey")
    )
    with pytest.raises(TypeError, match="fitted statsmodels logit"):
        pl.pipeline_results_table(ols)
    with pytest.raises(ValueError, match="not in the model"):
        pl.pipeline_results_table(headline, ["partners_global"])
    with pytest.raises(ValueError, match="no marginal effect"):
        pl.pipeline_results_table(headline, ["Intercept"])


# --------------------------------------------------------------------------- ratios


def test_fieller_bounded_case_by_hand():
    # b1 = 2, b2 = 1, independent, variances 0.01: solve (2 - r)^2 = z^2 (0.01 + 0.01 r^2)
    z2 = stats.norm.ppf(0.975) ** 2
    a, b, c = 1 - 0.01 * z2, -4.0, 4 - 0.01 * z2
    roots = sorted(np.roots([a, b, c]))
    out = models.fieller_ratio_interval(_Stub(2.0, 1.0, 0.01, 0.01), "a", "b")
    assert out.kind == "bounded"
    assert (out.ci_lower, out.ci_upper) == pytest.approx(tuple(roots))
    assert out.estimate == 2.0


def test_fieller_unbounded_cases():
    rays = models.fieller_ratio_interval(_Stub(2.0, 0.1, 0.01, 0.01), "a", "b")  # denominator z = 1
    assert rays.kind == "two rays"
    (lo1, hi1), (lo2, hi2) = rays.pieces
    assert lo1 == -math.inf and hi2 == math.inf and hi1 < lo2
    assert rays.ci_lower <= rays.estimate <= rays.ci_upper
    whole = models.fieller_ratio_interval(
        _Stub(0.01, 0.01, 0.01, 0.01), "a", "b"
    )  # both insignificant
    assert whole.kind == "whole line" and whole.pieces == ((-math.inf, math.inf),)


def test_fieller_approaches_delta_method_when_denominator_is_precise():
    stub = _Stub(2.0, 1.0, 1e-6, 1e-6, 2e-7)
    fieller = models.fieller_ratio_interval(stub, "a", "b")
    delta = models.coefficient_ratio(stub, "a", "b")
    assert fieller.ci_lower == pytest.approx(delta.ci_lower, rel=1e-3)
    assert fieller.ci_upper == pytest.approx(delta.ci_upper, rel=1e-3)


@settings(max_examples=80, deadline=None)
@given(
    b1=st.floats(-3, 3).filter(lambda x: abs(x) > 1e-3),
    b2=st.floats(-3, 3).filter(lambda x: abs(x) > 1e-3),
    s1=st.floats(0.01, 2),
    s2=st.floats(0.01, 2),
    rho=st.floats(-0.9, 0.9),
)
def test_fieller_properties(b1, b2, s1, s2, rho):
    stub = _Stub(b1, b2, s1**2, s2**2, rho * s1 * s2)
    out = models.fieller_ratio_interval(stub, "a", "b")
    z2 = stats.norm.ppf(0.975) ** 2
    # the estimate is always in the set, and in the piece reported
    assert out.ci_lower <= out.estimate <= out.ci_upper
    # bounded exactly when the denominator is significant
    assert (out.kind == "bounded") == (b2**2 > z2 * s2**2)
    # every finite end is where the Wald statistic equals z^2
    for lower, upper in out.pieces:
        for r in (lower, upper):
            if math.isfinite(r):
                wald = (b1 - r * b2) ** 2 / (s1**2 - 2 * r * rho * s1 * s2 + r**2 * s2**2)
                assert wald == pytest.approx(z2, rel=1e-6)


def test_fieller_rejects_bad_input():
    stub = _Stub(1.0, 0.0, 0.1, 0.1)
    with pytest.raises(ValueError, match="exactly 0"):
        models.fieller_ratio_interval(stub, "a", "b")
    with pytest.raises(ValueError, match="not a term"):
        models.fieller_ratio_interval(stub, "a", "c")
    with pytest.raises(ValueError, match="same term"):
        models.fieller_ratio_interval(stub, "a", "a")
    with pytest.raises(TypeError, match="numerator"):
        models.fieller_ratio_interval(stub, 1, "b")
    with pytest.raises(ValueError, match="alpha"):
        models.fieller_ratio_interval(_Stub(1, 1, 0.1, 0.1), "a", "b", alpha=0)


def test_bootstrap_refit_equals_a_formula_refit_and_is_seeded(survey, headline):
    rows = np.random.default_rng(5).integers(0, len(survey), len(survey))
    beta = _refit_logit(
        np.asarray(headline.model.endog, float)[rows],
        np.asarray(headline.model.exog, float)[rows],
        headline.params.to_numpy(),
    )
    again = pl.fit_pipeline_logit(survey.iloc[rows].reset_index(drop=True), **CHAPTER_MODEL)
    assert np.allclose(beta, again.params.to_numpy(), rtol=1e-6, atol=1e-8)
    one = pl.bootstrap_ratio_interval(
        headline, "partners_international", "partners_regional", n_boot=99, seed=3
    )
    two = pl.bootstrap_ratio_interval(
        headline, "partners_international", "partners_regional", n_boot=99, seed=3
    )
    assert np.array_equal(one.draws, two.draws) and one.n_failed == 0
    assert one.ci_lower < one.estimate < one.ci_upper
    assert one.std_error == pytest.approx(np.std(one.draws, ddof=1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.estimate = 0.0


def test_bootstrap_refuses_when_replicates_separate():
    # x = 1 almost always means y = 1: most resamples are perfectly separated
    data = pd.DataFrame({"x": [1] * 3 + [0] * 40, "z": np.linspace(-1, 1, 43)})
    data["y"] = [1] * 3 + [0, 1] * 20
    with pytest.warns(Warning):
        result = models.fit_logit("y ~ x + z", data)
    with pytest.raises(ValueError, match="did not converge"):
        pl.bootstrap_ratio_interval(result, "x", "z", n_boot=99, seed=1)


def test_bootstrap_agrees_with_delta_method_when_the_denominator_is_strong():
    rng = np.random.default_rng(11)
    data = pd.DataFrame({"x": rng.normal(size=3000), "z": rng.normal(size=3000)})
    index = -0.2 + 0.8 * data["x"] + 0.4 * data["z"]
    data["y"] = (rng.random(3000) < 1 / (1 + np.exp(-index))).astype(int)
    result = models.fit_logit("y ~ x + z", data)
    boot = pl.bootstrap_ratio_interval(result, "x", "z", n_boot=399, seed=1)
    delta = models.coefficient_ratio(result, "x", "z")
    width = delta.ci_upper - delta.ci_lower
    assert boot.ci_lower == pytest.approx(delta.ci_lower, abs=0.2 * width)
    assert boot.ci_upper == pytest.approx(delta.ci_upper, abs=0.2 * width)
    assert boot.ci_lower < 2.0 < boot.ci_upper  # the planted ratio 0.8 / 0.4
    assert boot.share_opposite_sign == 0
    # the bootstrap standard error is close to the delta-method one
    assert boot.std_error == pytest.approx(delta.std_error, rel=0.25)


def test_bootstrap_rejects_bad_input(headline):
    with pytest.raises(ValueError, match="n_boot must be >= 99"):
        pl.bootstrap_ratio_interval(
            headline, "partners_international", "partners_regional", n_boot=10
        )
    with pytest.raises(TypeError, match="seed"):
        pl.bootstrap_ratio_interval(
            headline, "partners_international", "partners_regional", seed="x"
        )
    with pytest.raises(TypeError, match="fitted statsmodels logit"):
        pl.bootstrap_ratio_interval(_Stub(1, 1, 1, 1), "a", "b")


def test_effect_comparison_by_hand(headline):
    table = pl.pipeline_effect_comparison(headline).set_index("method")
    b, cov = headline.params, headline.cov_params()
    i, r = "partners_international", "partners_regional"
    se = math.sqrt(cov.loc[i, i] + cov.loc[r, r] - 2 * cov.loc[i, r])
    z = stats.norm.ppf(0.975)
    assert table.loc["Wald", "estimate"] == pytest.approx(b[i] - b[r])
    assert table.loc["Wald", "ci_lower"] == pytest.approx(b[i] - b[r] - z * se)
    delta = models.coefficient_ratio(headline, i, r)
    assert table.loc["delta method", "ci_upper"] == pytest.approx(delta.ci_upper)
    assert list(table.index) == ["Wald", "delta method", "Fieller"]
    with pytest.raises(ValueError, match="n_boot"):
        pl.pipeline_effect_comparison(headline, n_boot=-1)
    with pytest.raises(ValueError, match="n_boot"):
        pl.pipeline_effect_comparison(headline, n_boot=True)
    with pytest.raises(TypeError, match="fitted statsmodels logit"):
        pl.pipeline_effect_comparison(None)


# --------------------------------------------------------------------------- complementarity


def test_complementarity_probabilities_match_statsmodels_predict():
    data = _planted_logit(n=3000, interaction=0.0)
    table = pl.pipeline_complementarity(data, controls=()).set_index("quantity")
    prepared = pl.add_partner_counts(data)
    result = models.fit_logit(
        "product_innovation ~ any_regional + any_international + any_regional:any_international",
        prepared,
    )
    probabilities = {
        label: result.predict(prepared.assign(any_regional=a, any_international=b)).mean()
        for label, a, b in (
            ("neither", 0, 0),
            ("local only", 1, 0),
            ("distant only", 0, 1),
            ("both", 1, 1),
        )
    }
    for label, value in probabilities.items():
        assert table.loc[label, "estimate"] == pytest.approx(value, rel=1e-9)
    cross = (
        probabilities["both"]
        - probabilities["local only"]
        - probabilities["distant only"]
        + probabilities["neither"]
    )
    assert table.loc["cross-difference", "estimate"] == pytest.approx(cross, rel=1e-9)
    assert table.loc["interaction", "estimate"] == pytest.approx(
        math.exp(result.params["any_regional:any_international"])
    )


def test_complementarity_finds_a_planted_interaction_and_not_an_absent_one():
    strong = pl.pipeline_complementarity(
        _planted_logit(n=8000, interaction=1.0), controls=()
    ).set_index("quantity")
    lo, hi = strong.loc["interaction", ["ci_lower", "ci_upper"]]
    assert lo > 1 and lo < math.exp(1.0) < hi
    assert strong.loc["cross-difference", "ci_lower"] > 0
    none = pl.pipeline_complementarity(
        _planted_logit(n=8000, interaction=0.0), controls=()
    ).set_index("quantity")
    assert none.loc["interaction", "ci_lower"] < 1 < none.loc["interaction", "ci_upper"]


def test_complementarity_rejects_bad_input(survey):
    with pytest.raises(ValueError, match="different scales"):
        pl.pipeline_complementarity(survey, local="regional", distant="regional")
    with pytest.raises(ValueError, match="not one of scales"):
        pl.pipeline_complementarity(survey, distant="global")
    lonely = survey.assign(**{f"{k}_international": 0 for k in PARTNER_TYPES})
    with pytest.raises(ValueError, match="no firms"):
        pl.pipeline_complementarity(lonely)
    with pytest.raises(TypeError, match="controls"):
        pl.pipeline_complementarity(survey, controls="np.log(employees)")


# --------------------------------------------------------------------------- generator and data


def test_generator_holds_the_targets_in_expectation():
    big = sp.norway_survey(seed=12345, n_firms=200_000)
    counts = pl.add_partner_counts(big)
    # exact in expectation; 4 binomial standard errors at n = 200,000 is about 0.0045
    assert counts["any_regional"].mean() == pytest.approx(0.80, abs=0.0045)
    assert counts["any_international"].mean() == pytest.approx(0.45, abs=0.0045)
    assert big["employees"].min() > 10
    assert set(big["city_region"]) == set(CITY_REGIONS)


def test_generator_invariants_and_seed(survey, targets):
    assert len(survey) == targets["n_firms"] == 1604
    assert survey["employees"].min() >= targets["min_employees"]
    assert set(np.unique(survey[PARTNERS].to_numpy())) == {0, 1}
    assert (survey["product_new_to_market"] <= survey["product_innovation"]).all()
    assert (survey["process_new_to_market"] <= survey["process_innovation"]).all()
    assert (
        survey["foreign_ownership"].between(0, 1).all()
        and survey["open_mindedness"].between(1, 5).all()
    )
    assert (
        csv_bytes(sp.norway_survey())
        == (ROOT / "data" / "sample-norway" / "norway_firm_survey.csv").read_bytes()
    )
    assert not sp.norway_survey(seed=1, n_firms=30).equals(sp.norway_survey(seed=2, n_firms=30))
    with pytest.raises(TypeError, match="seed"):
        sp.norway_survey(seed=1.5)
    with pytest.raises(ValueError, match="n_firms"):
        sp.norway_survey(n_firms=0)


def test_generated_truth_files_match_the_generator(targets):
    for name, generator in (
        ("calibration_targets", sp.calibration_targets),
        ("true_coefficients", sp.true_coefficients),
    ):
        path = ROOT / "data" / "sample-norway" / f"{name}.csv"
        assert csv_bytes(generator()) == path.read_bytes(), name
    assert targets["n_firms"] == 1604 and targets["min_employees"] == 11


def test_calibration_targets_agree_with_the_claims_register(targets):
    """The sample is calibrated to the claims recorded in data/evidence/claims.csv."""
    assert targets["share_regional"] == claim("regional_share")["claimed_low"] / 100
    assert targets["odds_ratio_international"] == claim("pipeline_odds")["claimed_low"]
    assert targets["effect_ratio"] == claim("pipeline_fourfold")["claimed_low"]


def test_calibration_table_on_the_committed_sample(survey, targets):
    table = calibration_table(survey, targets, **CHAPTER_MODEL).set_index("target")
    assert table["covered"].all()  # the chapter says every interval contains its target
    assert table.loc["odds ratio per regional partner type", "calibrated"] == pytest.approx(
        1.26**0.25
    )
    assert table.loc["firms with a regional partner", "calibrated"] == 0.80
    assert math.isinf(table.loc["international / regional effect (log-odds)", "ci_upper"])
    assert not table.isna().any().any()


def test_calibration_table_rejects_bad_targets(survey, targets):
    with pytest.raises(ValueError, match="missing"):
        calibration_table(survey, {"share_regional": 0.8}, **CHAPTER_MODEL)
    with pytest.raises(ValueError, match="share"):
        calibration_table(survey, {**targets.to_dict(), "share_regional": 1.5}, **CHAPTER_MODEL)
    with pytest.raises(TypeError, match="mapping"):
        calibration_table(survey, [0.8], **CHAPTER_MODEL)
    with pytest.raises(ValueError, match="effect_ratio"):
        calibration_table(survey, {**targets.to_dict(), "effect_ratio": -4}, **CHAPTER_MODEL)


# --------------------------------------------------------------------------- the chapter's steps


@pytest.fixture(scope="module")
def steps(survey):
    design = analysis.study_design()
    headline = analysis.headline_logit(design.survey)
    return {
        "design": design,
        "calibration": analysis.calibration_check(design),
        "profiles": analysis.collaboration_profiles(design.survey),
        "headline": headline,
        "radical": analysis.radical_logit(design.survey),
        "ratio": analysis.effect_ratio(headline),
        "complementarity": analysis.complementarity(design.survey),
        "modes": analysis.learning_modes(design.survey),
    }


def test_settings_are_frozen_and_hold_the_chapter_choices():
    assert SETTINGS.n_boot == 999 and SETTINGS.seed == 1 and SETTINGS.alpha == 0.05
    assert SETTINGS.regions == CITY_REGIONS
    assert "C(city_region, Treatment('Oslo'))" in SETTINGS.controls
    with pytest.raises(dataclasses.FrozenInstanceError):
        SETTINGS.n_boot = 10


def test_steps_publish_prefixed_unique_numbers(steps):
    seen = set()
    for name, step in steps.items():
        for number, published in step.published.items():
            assert number.startswith("fitjar_"), (name, number)
            assert number not in seen, number
            assert not number.endswith(("_low", "_high")), number
            seen.add(number)
            assert published.description.strip()
    assert len(seen) == 84  # every number the chapter glues


def test_the_design_step_reads_claims_and_targets(steps):
    design = steps["design"]
    assert design.claimed_shares == {"regional": 0.8, "international": 0.45}
    assert design.claimed_ratio == 4.0
    numbers = design.published
    assert numbers["fitjar_claim_odds_ratio"].value == 1.26
    assert numbers["fitjar_claim_odds_increase"].value == pytest.approx(0.26)
    assert numbers["fitjar_design_employee_floor"].value == 10
    assert numbers["fitjar_n_firms"].value == len(design.survey) == 1604


def test_prose_claims_hold_on_the_committed_sample(survey, steps):
    profile = steps["profiles"].overall.set_index(["scale", "partner_type"])
    for scale in SCALES:  # suppliers/customers most common, universities/institutes least
        shares = profile.loc[scale].drop("any")["share"].sort_values()
        assert set(shares.index[-2:]) == {"supplier", "customer"}
        assert set(shares.index[:2]) == {"university", "research_institute"}
    # city-regions differ only by noise in the share with a local partner (chi-square test)
    counts = pl.add_partner_counts(survey)
    table = pd.crosstab(counts["city_region"], counts["any_regional"])
    assert stats.chi2_contingency(table.to_numpy())[1] > 0.05
    table = steps["headline"].table.set_index("term")
    for term in ("partners_regional", "partners_national"):  # include 1
        assert table.loc[term, "or_ci_lower"] < 1 < table.loc[term, "or_ci_upper"]
    assert table.loc["partners_international", "or_ci_lower"] > 1
    comparison = steps["ratio"].comparison.set_index("method")
    assert (
        comparison.loc["delta method", "ci_lower"] < 0
        and comparison.loc["bootstrap (percentile)", "ci_lower"] < 0
    )
    assert comparison.loc["Wald", "ci_lower"] > 0  # the difference is established
    fieller = steps["ratio"].fieller
    assert fieller.kind == "two rays" and fieller.ci_lower > 1 and fieller.pieces[0][1] < 0
    complementarity = steps["complementarity"].table.set_index("quantity")
    for quantity, null in (("cross-difference", 0), ("interaction", 1)):
        row = complementarity.loc[quantity]
        assert row["ci_lower"] < null < row["ci_upper"], quantity
    assert complementarity.loc["cross-difference", "ci_upper"] > 0.10  # not ruled out
    modes = steps["modes"].table.set_index("term")
    for term in ("sti_extra_regional", "dui_supply_extra_regional"):
        assert modes.loc[term, "or_ci_lower"] > 1
    for term in (
        "sti_regional",
        "dui_supply_regional",
        "dui_other_regional",
        "dui_other_extra_regional",
    ):
        assert modes.loc[term, "or_ci_lower"] < 1 < modes.loc[term, "or_ci_upper"]
    assert steps["calibration"].published["fitjar_calibration_covered"].value == 5


@pytest.mark.slow
def test_key_results_match_the_expected_file():
    results = check_key_results(analysis, "global-pipelines")
    assert len(results) == 35 and all(name.startswith("fitjar_") for name in results)
    real = [name for name in results if name.startswith(("fitjar_abs_", "fitjar_gh_"))]
    assert len(real) == 16


@pytest.mark.parametrize(
    "name",
    [
        "clusternet.pipelines.survey",
        "clusternet.pipelines.profile",
        "clusternet.pipelines.logit",
        "clusternet.pipelines.ratio",
        "clusternet.pipelines.complementarity",
        "clusternet.samples.pipelines",
        "clusternet.book._global_pipelines_calibration",
        "clusternet.book._global_pipelines_settings",
        "clusternet.book._global_pipelines_real",
        "clusternet.pipelines.economy_ties",
        "clusternet.abs_tables",
    ],
)
def test_docstring_examples_run(name):
    failures, tried = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert tried >= 2 and failures == 0


# --------------------------------------------------------------------------- figures


def test_figures_draw_and_reject_bad_input(survey, headline):
    profile = pl.collaboration_profile(survey)
    ax = pp.plot_collaboration_profile(profile, claims={"regional": 0.8})
    assert len(ax.get_yticklabels()) == len(PARTNER_TYPES) + 1
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="several rows"):
        pp.plot_collaboration_profile(pl.collaboration_profile(survey, by="city_region"))
    with pytest.raises(ValueError, match="missing required column"):
        pp.plot_collaboration_profile(profile.drop(columns="share"))
    table = pl.pipeline_results_table(headline, pl.SCALE_REGRESSORS)
    with pytest.raises(ValueError, match="does not end in one of the scales"):
        pp.plot_partner_forest(table.assign(term=["a", "b", "c"]))
    ax = pp.plot_partner_forest(
        table.assign(term=["all_regional", "all_national", "all_international"])
    )
    assert ax.get_xscale() == "log"
    plt.close(ax.figure)
    comparison = pl.pipeline_effect_comparison(headline)
    fieller = models.fieller_ratio_interval(headline, "partners_international", "partners_regional")
    ax = pp.plot_effect_ratio(comparison, fieller_pieces=fieller.pieces, claim=4)
    arrows = [child for child in ax.texts]
    assert len(arrows) >= 2  # the unbounded Fieller ray and the off-axis negative ray
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="xlim"):
        pp.plot_effect_ratio(comparison, xlim=(5, 1))
    with pytest.raises(ValueError, match="no rows"):
        pp.plot_effect_ratio(comparison[comparison["quantity"] != "ratio"])
    with pytest.raises(TypeError, match="DataFrame"):
        pp.plot_partner_forest([1, 2])
