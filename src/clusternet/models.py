"""Regression helpers shared by every chapter (statsmodels formula API).

The report never prints a bare point estimate: every table made here carries a
confidence interval. Chapters fit models with :func:`fit_ols` / :func:`fit_logit` and
report them with :func:`coefficient_table` (odds ratios with ``exponentiate=True``),
:func:`average_marginal_effects`, :func:`coefficient_ratio` (for claims such as "four
times more powerful") and :func:`turning_point` (for inverted-U relationships).

References
----------
- Greene, W. H. (2012). *Econometric Analysis*, 7th ed., section 4.6 (delta method).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats

from clusternet._validation import require_dataframe, require_nonempty, require_real

__all__ = [
    "fit_ols",
    "fit_logit",
    "coefficient_table",
    "average_marginal_effects",
    "coefficient_ratio",
    "turning_point",
    "model_fit",
]


def _check_inputs(formula, data, cluster):
    if not isinstance(formula, str) or "~" not in formula:
        raise ValueError(f"formula must be a string like 'y ~ x1 + x2', got {formula!r}")
    require_dataframe(data, "data")
    require_nonempty(data, "data")
    if cluster is not None and cluster not in data.columns:
        raise ValueError(f"cluster column {cluster!r} is not in data")


def _fit(model, data, cluster, **fit_kwargs):
    if cluster is None:
        return model.fit(**fit_kwargs)
    groups = pd.factorize(data.loc[model.data.row_labels, cluster])[0]
    return model.fit(cov_type="cluster", cov_kwds={"groups": groups}, **fit_kwargs)


def _build(factory, formula, data):
    try:
        return factory(formula, data=data)
    except Exception as error:  # patsy / formulaic raise their own error types
        raise ValueError(f"cannot build the model {formula!r} from data: {error}") from error


def fit_ols(formula: str, data: pd.DataFrame, *, cluster: str | None = None):
    """Fit an OLS model with the statsmodels formula API.

    Parameters
    ----------
    formula : str
        A patsy formula, e.g. ``"growth ~ specialisation + C(region)"``.
    data : pandas.DataFrame
        The data; rows with missing values in the formula's variables are rejected,
        not silently dropped.
    cluster : str, optional
        Column whose values define clusters for cluster-robust standard errors.

    Returns
    -------
    statsmodels RegressionResults

    Raises
    ------
    ValueError
        Bad formula, variables missing from ``data``, missing values, or a cluster
        column that is not in ``data``.
    """
    _check_inputs(formula, data, cluster)
    model = _build(lambda f, data: smf.ols(f, data=data, missing="raise"), formula, data)
    return _fit(model, data, cluster)


def fit_logit(formula: str, data: pd.DataFrame, *, cluster: str | None = None):
    """Fit a logit model with the statsmodels formula API.

    The outcome must be coded 0/1. See :func:`fit_ols` for the other parameters.

    Raises
    ------
    ValueError
        As :func:`fit_ols`, plus an outcome that is not 0/1 or has only one value, and
        perfect separation.
    """
    _check_inputs(formula, data, cluster)
    outcome = formula.split("~")[0].strip()
    if outcome in data.columns:
        values = set(pd.unique(data[outcome].dropna()))
        if not values <= {0, 1}:
            raise ValueError(f"outcome {outcome!r} must be coded 0/1, found {sorted(values)[:5]}")
        if len(values) < 2:
            raise ValueError(
                f"outcome {outcome!r} takes a single value; a logit needs both 0 and 1"
            )
    model = _build(lambda f, data: smf.logit(f, data=data, missing="raise"), formula, data)
    try:
        return _fit(model, data, cluster, disp=False)
    except np.linalg.LinAlgError as error:
        raise ValueError(f"the logit {formula!r} cannot be estimated: {error}") from error
    except Exception as error:
        if "separation" in str(error).lower():
            raise ValueError(
                f"perfect separation in {formula!r}; drop or merge the offending variable"
            ) from error
        raise


def coefficient_table(
    result, *, exponentiate: bool = False, alpha: float = 0.05, terms=None
) -> pd.DataFrame:
    """Tidy table of estimates with confidence intervals.

    Parameters
    ----------
    result : statsmodels results
        A fitted model.
    exponentiate : bool
        Report ``exp(beta)`` and its interval (odds ratios for a logit).
    alpha : float
        1 - confidence level (0.05 gives 95% intervals).
    terms : list of str, optional
        Keep only these terms, in this order.

    Returns
    -------
    pandas.DataFrame
        Columns ``term, estimate, std_error, ci_lower, ci_upper, p_value``. With
        ``exponentiate`` the estimate and interval are on the odds-ratio scale and
        ``std_error`` stays on the coefficient scale.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    params = result.params
    interval = result.conf_int(alpha=alpha)
    table = pd.DataFrame(
        {
            "term": params.index.astype(str),
            "estimate": params.to_numpy(),
            "std_error": result.bse.to_numpy(),
            "ci_lower": interval.iloc[:, 0].to_numpy(),
            "ci_upper": interval.iloc[:, 1].to_numpy(),
            "p_value": result.pvalues.to_numpy(),
        }
    )
    if exponentiate:
        table = table.assign(
            estimate=np.exp(table["estimate"]),
            ci_lower=np.exp(table["ci_lower"]),
            ci_upper=np.exp(table["ci_upper"]),
        )
    if terms is not None:
        unknown = [t for t in terms if t not in set(table["term"])]
        if unknown:
            raise ValueError(f"terms {unknown} are not in the model; it has {list(table['term'])}")
        table = table.set_index("term").loc[list(terms)].reset_index()
    return table


def average_marginal_effects(result, *, alpha: float = 0.05) -> pd.DataFrame:
    """Average marginal effects of a discrete-choice model, with confidence intervals.

    Returns
    -------
    pandas.DataFrame
        Columns ``term, effect, std_error, ci_lower, ci_upper, p_value``: the change in
        the probability of the outcome for a one-unit change in each regressor,
        averaged over the sample.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    if not hasattr(result, "get_margeff"):
        raise TypeError("result must be a fitted discrete-choice model (logit or probit)")
    frame = result.get_margeff(at="overall").summary_frame(alpha=alpha)
    frame.columns = ["effect", "std_error", "z", "p_value", "ci_lower", "ci_upper"]
    frame = frame.reset_index(names="term")
    return frame[["term", "effect", "std_error", "ci_lower", "ci_upper", "p_value"]]


def coefficient_ratio(result, numerator: str, denominator: str, *, alpha: float = 0.05) -> dict:
    """Ratio of two coefficients with a delta-method confidence interval.

    For ``r = b1 / b2`` the delta method gives
    ``Var(r) = (Var(b1) - 2 r Cov(b1, b2) + r^2 Var(b2)) / b2^2``.
    The interval is unreliable when the denominator's interval includes zero; the
    result then says so in ``denominator_significant``.

    Returns
    -------
    dict
        ``estimate, std_error, ci_lower, ci_upper, denominator_significant``.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    params, cov = result.params, result.cov_params()
    for term, label in ((numerator, "numerator"), (denominator, "denominator")):
        if term not in params.index:
            raise ValueError(
                f"{label} {term!r} is not a term of the model; it has {list(params.index)}"
            )
    b1, b2 = float(params[numerator]), float(params[denominator])
    if b2 == 0:
        raise ValueError(
            f"denominator {denominator!r} has a coefficient of exactly 0; the ratio is undefined"
        )
    ratio = b1 / b2
    variance = (
        cov.loc[numerator, numerator]
        - 2 * ratio * cov.loc[numerator, denominator]
        + ratio**2 * cov.loc[denominator, denominator]
    ) / b2**2
    se = float(np.sqrt(variance))
    z = float(stats.norm.ppf(1 - alpha / 2))
    z_den = abs(b2) / float(np.sqrt(cov.loc[denominator, denominator]))
    return {
        "estimate": ratio,
        "std_error": se,
        "ci_lower": float(ratio - z * se),
        "ci_upper": float(ratio + z * se),
        "denominator_significant": bool(z_den > z),
    }


def turning_point(result, linear: str, squared: str, *, alpha: float = 0.05) -> dict:
    """Turning point ``x* = -b1 / (2 b2)`` of ``b1 x + b2 x^2`` with a delta-method interval.

    Returns
    -------
    dict
        ``estimate, std_error, ci_lower, ci_upper, shape`` where shape is
        ``"inverted U"`` when ``b2 < 0`` and ``"U"`` otherwise.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    params, cov = result.params, result.cov_params()
    for term, label in ((linear, "linear"), (squared, "squared")):
        if term not in params.index:
            raise ValueError(
                f"{label} term {term!r} is not in the model; it has {list(params.index)}"
            )
    b1, b2 = float(params[linear]), float(params[squared])
    if b2 == 0:
        raise ValueError("the squared term's coefficient is exactly 0; there is no turning point")
    estimate = -b1 / (2 * b2)
    gradient = np.array([-1 / (2 * b2), b1 / (2 * b2**2)])
    sub = cov.loc[[linear, squared], [linear, squared]].to_numpy()
    se = float(np.sqrt(gradient @ sub @ gradient))
    z = float(stats.norm.ppf(1 - alpha / 2))
    return {
        "estimate": estimate,
        "std_error": se,
        "ci_lower": float(estimate - z * se),
        "ci_upper": float(estimate + z * se),
        "shape": "inverted U" if b2 < 0 else "U",
    }


def model_fit(result) -> dict:
    """Number of observations and fit statistics of a fitted model."""
    out = {"n": int(result.nobs), "aic": float(result.aic), "log_likelihood": float(result.llf)}
    if hasattr(result, "prsquared"):
        out["pseudo_r_squared"] = float(result.prsquared)
    if hasattr(result, "rsquared"):
        out["r_squared"] = float(result.rsquared)
    return out
