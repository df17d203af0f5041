"""Regression helpers: known answers, delta-method intervals and bad input."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from clusternet import models


@pytest.fixture(scope="module")
def logit_data():
    rng = np.random.default_rng(42)
    n = 4000
    frame = pd.DataFrame(
        {"x": rng.normal(size=n), "z": rng.normal(size=n), "g": rng.integers(0, 40, n)}
    )
    linear = -0.2 + 0.8 * frame["x"] + 0.4 * frame["z"]
    frame["y"] = (rng.random(n) < 1 / (1 + np.exp(-linear))).astype(int)
    return frame


def test_logit_recovers_planted_odds_ratios(logit_data):
    result = models.fit_logit("y ~ x + z", logit_data)
    table = models.coefficient_table(result, exponentiate=True, terms=["x", "z"]).set_index("term")
    for term, beta in (("x", 0.8), ("z", 0.4)):
        assert table.loc[term, "ci_lower"] < np.exp(beta) < table.loc[term, "ci_upper"]
    # odds ratio = exp(coefficient), intervals exponentiated too
    raw = models.coefficient_table(result).set_index("term")
    assert table.loc["x", "estimate"] == pytest.approx(np.exp(raw.loc["x", "estimate"]))
    assert table.loc["x", "ci_upper"] == pytest.approx(np.exp(raw.loc["x", "ci_upper"]))


def test_clustered_errors_match_statsmodels(logit_data):
    ours = models.fit_ols("y ~ x + z", logit_data, cluster="g")
    theirs = smf.ols("y ~ x + z", data=logit_data).fit(
        cov_type="cluster", cov_kwds={"groups": logit_data["g"]}
    )
    assert np.allclose(ours.bse, theirs.bse)


def test_average_marginal_effects_match_finite_difference(logit_data):
    result = models.fit_logit("y ~ x + z", logit_data)
    ame = models.average_marginal_effects(result).set_index("term")
    eps = 1e-5
    shifted = logit_data.assign(x=logit_data["x"] + eps)
    numeric = ((result.predict(shifted) - result.predict(logit_data)) / eps).mean()
    assert ame.loc["x", "effect"] == pytest.approx(numeric, rel=1e-3)
    assert ame.loc["x", "ci_lower"] < ame.loc["x", "effect"] < ame.loc["x", "ci_upper"]


def test_coefficient_ratio_delta_method_by_hand(logit_data):
    result = models.fit_logit("y ~ x + z", logit_data)
    ratio = models.coefficient_ratio(result, "x", "z")
    b, cov = result.params, result.cov_params()
    r = b["x"] / b["z"]
    grad = np.array([1 / b["z"], -b["x"] / b["z"] ** 2])
    se = np.sqrt(grad @ cov.loc[["x", "z"], ["x", "z"]].to_numpy() @ grad)
    assert ratio.estimate == pytest.approx(r)
    assert ratio.std_error == pytest.approx(se)
    assert ratio.ci_lower < 2.0 < ratio.ci_upper  # planted ratio 0.8 / 0.4
    assert ratio.denominator_significant


def test_turning_point_recovers_planted_peak():
    rng = np.random.default_rng(1)
    q = rng.uniform(0, 4, 3000)
    frame = pd.DataFrame({"q": q, "y": 3 * q - 0.75 * q**2 + rng.normal(0, 1, q.size)})
    result = models.fit_ols("y ~ q + I(q**2)", frame)
    point = models.turning_point(result, "q", "I(q ** 2)")
    assert point.shape == "inverted U"
    assert point.ci_lower < 2.0 < point.ci_upper


def test_model_fit_reports_sample_size(logit_data):
    fit = models.model_fit(models.fit_logit("y ~ x", logit_data))
    assert fit["n"] == len(logit_data)
    assert 0 < fit["pseudo_r_squared"] < 1


def test_bad_inputs(logit_data):
    with pytest.raises(ValueError, match="formula"):
        models.fit_ols("y x", logit_data)
    with pytest.raises(TypeError):
        models.fit_ols("y ~ x", [1, 2])
    with pytest.raises(ValueError, match="cluster column"):
        models.fit_ols("y ~ x", logit_data, cluster="nope")
    with pytest.raises(ValueError, match="cannot build the model"):
        models.fit_ols("y ~ nope", logit_data)
    with pytest.raises(ValueError, match="coded 0/1"):
        models.fit_logit("x ~ z", logit_data)
    with pytest.raises(ValueError, match="single value"):
        models.fit_logit("y ~ x", logit_data.assign(y=1))
    with pytest.raises(ValueError, match="missing"):
        models.fit_ols(
            "y ~ x", logit_data.assign(x=np.where(np.arange(len(logit_data)) == 0, np.nan, 1.0))
        )
    result = models.fit_logit("y ~ x + z", logit_data)
    with pytest.raises(ValueError, match="not a term"):
        models.coefficient_ratio(result, "x", "w")
    with pytest.raises(ValueError, match="not in the model"):
        models.turning_point(result, "x", "w")
    with pytest.raises(ValueError, match="terms"):
        models.coefficient_table(result, terms=["w"])
    with pytest.raises(ValueError, match="alpha"):
        models.coefficient_table(result, alpha=1.5)
    with pytest.raises(TypeError, match="discrete-choice"):
        models.average_marginal_effects(models.fit_ols("y ~ x", logit_data))


def test_fieller_ratio_interval_is_fieller_interval_of_the_coefficients(logit_data):
    result = models.fit_logit("y ~ x + z", logit_data)
    out = models.fieller_ratio_interval(result, "x", "z", alpha=0.1)
    cov = result.cov_params()
    by_hand = models.fieller_interval(
        result.params["x"],
        result.params["z"],
        cov.loc["x", "x"],
        cov.loc["z", "z"],
        cov.loc["x", "z"],
        alpha=0.1,
    )
    assert out == by_hand
    assert out.alpha == 0.1 and out.estimate == pytest.approx(
        result.params["x"] / result.params["z"]
    )
    assert out.bounded == (out.kind == "bounded")
    with pytest.raises(ValueError, match="same term"):
        models.fieller_ratio_interval(result, "x", "x")
    with pytest.raises(ValueError, match="not a term"):
        models.fieller_ratio_interval(result, "x", "w")
