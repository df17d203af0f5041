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

import math
from dataclasses import dataclass

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
    "RatioEstimate",
    "coefficient_ratio",
    "FiellerInterval",
    "fieller_interval",
    "fieller_ratio_interval",
    "TurningPointEstimate",
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

    Raises
    ------
    TypeError
        ``result`` is not a fitted statsmodels results object.
    ValueError
        ``alpha`` outside (0, 1) or unknown ``terms``.
    """
    needed = ("params", "bse", "conf_int", "pvalues")
    if not all(hasattr(result, attribute) for attribute in needed):
        raise TypeError(
            "result must be a fitted statsmodels results object (with params, bse, conf_int "
            f"and pvalues), got {type(result).__name__}"
        )
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


@dataclass(frozen=True)
class RatioEstimate:
    """A ratio of two coefficients with its delta-method interval (``coefficient_ratio``).

    Attributes
    ----------
    estimate, std_error, ci_lower, ci_upper : float
        The ratio, its delta-method standard error and ``1 - alpha`` interval.
    alpha : float
        1 - confidence level.
    denominator_significant : bool
        The denominator differs from zero at level ``alpha``; when False the delta-method
        interval misleads and a Fieller interval (``fieller_ratio_interval``) is the
        honest one.
    """

    estimate: float
    std_error: float
    ci_lower: float
    ci_upper: float
    alpha: float
    denominator_significant: bool


def coefficient_ratio(
    result, numerator: str, denominator: str, *, alpha: float = 0.05
) -> RatioEstimate:
    """Ratio of two coefficients with a delta-method confidence interval.

    For ``r = b1 / b2`` the delta method gives
    ``Var(r) = (Var(b1) - 2 r Cov(b1, b2) + r^2 Var(b2)) / b2^2``.
    The interval is unreliable when the denominator's interval includes zero; the
    result then says so in ``denominator_significant``.

    Parameters
    ----------
    result : statsmodels results
        A fitted model.
    numerator, denominator : str
        Terms of the model.
    alpha : float
        1 - confidence level.

    Returns
    -------
    RatioEstimate

    Raises
    ------
    ValueError
        A term not in the model, a denominator of exactly 0, ``alpha`` outside (0, 1).
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
    return RatioEstimate(
        estimate=float(ratio),
        std_error=se,
        ci_lower=float(ratio - z * se),
        ci_upper=float(ratio + z * se),
        alpha=float(alpha),
        denominator_significant=bool(z_den > z),
    )


@dataclass(frozen=True)
class FiellerInterval:
    """A Fieller confidence set for a ratio (``fieller_interval``).

    Attributes
    ----------
    estimate : float
        The ratio of the two estimates.
    kind : str
        ``"bounded"``, ``"two rays"``, ``"one ray"`` or ``"whole line"``.
    pieces : tuple of (float, float)
        The intervals making up the set (``-inf`` / ``inf`` for unbounded ends).
    ci_lower, ci_upper : float
        The piece that contains the estimate.
    alpha : float
        1 - confidence level.
    """

    estimate: float
    kind: str
    pieces: tuple
    ci_lower: float
    ci_upper: float
    alpha: float

    @property
    def bounded(self) -> bool:
        """True when the set is one bounded interval (the denominator is significant)."""
        return self.kind == "bounded"


def fieller_interval(
    numerator: float,
    denominator: float,
    var_numerator: float,
    var_denominator: float,
    covariance: float,
    *,
    alpha: float = 0.05,
) -> FiellerInterval:
    """Fieller confidence set for the ratio of two estimates ``numerator / denominator``.

    The set holds every ratio ``r`` that a Wald test of ``numerator - r denominator = 0``
    does not reject: the ``r`` with ``a r^2 + b r + c <= 0`` where
    ``a = d^2 - z^2 V_d``, ``b = -2 (n d - z^2 C)`` and ``c = n^2 - z^2 V_n``. It is a
    bounded interval when the denominator is significantly different from zero;
    otherwise it is unbounded (two rays or the whole line), the honest answer when the
    denominator could be zero. The delta method (``coefficient_ratio``) is always bounded
    and can then mislead.

    Parameters
    ----------
    numerator, denominator : float
        The two estimates.
    var_numerator, var_denominator, covariance : float
        Their variances and covariance.
    alpha : float
        1 - confidence level.

    Returns
    -------
    FiellerInterval

    Raises
    ------
    ValueError
        A zero denominator, negative variances or non-finite inputs.

    Examples
    --------
    >>> out = fieller_interval(2.0, 1.0, 0.01, 0.01, 0.0)
    >>> out.kind, round(out.ci_lower, 3), round(out.ci_upper, 3)
    ('bounded', 1.626, 2.534)

    References
    ----------
    - Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
      Statistical Society B* 16(2), 175-185.
    - Franz, V. H. (2007). Ratios: a short guide to confidence limits and proper use.
      arXiv:0710.2024.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    b1 = require_real(numerator, "numerator")
    b2 = require_real(denominator, "denominator")
    v11 = require_real(var_numerator, "var_numerator", minimum=0.0)
    v22 = require_real(var_denominator, "var_denominator", minimum=0.0)
    v12 = require_real(covariance, "covariance")
    if b2 == 0:
        raise ValueError("denominator is exactly 0; the ratio is undefined")
    z2 = float(stats.norm.ppf(1 - alpha / 2)) ** 2
    a = b2**2 - z2 * v22
    b = -2.0 * (b1 * b2 - z2 * v12)
    c = b1**2 - z2 * v11
    estimate = b1 / b2
    disc = b * b - 4 * a * c

    def result(kind, pieces, chosen):
        return FiellerInterval(
            estimate=float(estimate),
            kind=kind,
            pieces=tuple((float(lo), float(hi)) for lo, hi in pieces),
            ci_lower=float(chosen[0]),
            ci_upper=float(chosen[1]),
            alpha=float(alpha),
        )

    if a == 0:  # boundary case: a single ray
        cut = -c / b
        piece = (-math.inf, cut) if b > 0 else (cut, math.inf)
        return result("one ray", [piece], piece)
    if a > 0:  # denominator significant: the estimate satisfies the inequality, so disc >= 0
        root = math.sqrt(max(disc, 0.0))
        piece = ((-b - root) / (2 * a), (-b + root) / (2 * a))
        return result("bounded", [piece], piece)
    if disc > 0:
        root = math.sqrt(disc)
        r1, r2 = sorted(((-b - root) / (2 * a), (-b + root) / (2 * a)))
        pieces = [(-math.inf, r1), (r2, math.inf)]
        return result("two rays", pieces, pieces[0] if estimate <= r1 else pieces[1])
    return result("whole line", [(-math.inf, math.inf)], (-math.inf, math.inf))


def fieller_ratio_interval(
    result, numerator: str, denominator: str, *, alpha: float = 0.05
) -> FiellerInterval:
    """Fieller confidence set for the ratio of two coefficients of a fitted model.

    The set holds every ratio ``r`` that a Wald test of ``b1 - r b2 = 0`` does not
    reject (:func:`fieller_interval` applied to the two coefficients, their variances and
    covariance). It is a bounded interval when the denominator is significantly different
    from zero; otherwise it is unbounded (two rays, or the whole line), the honest answer
    when a ratio's denominator could be zero. The delta-method interval of
    :func:`coefficient_ratio` is always bounded and can then mislead.

    Parameters
    ----------
    result : statsmodels results
        A fitted model (anything with ``params`` and ``cov_params()``).
    numerator, denominator : str
        Two different terms of the model.
    alpha : float
        1 - confidence level.

    Returns
    -------
    FiellerInterval

    Raises
    ------
    TypeError, ValueError
        Terms that are not strings, not in the model or equal; a zero denominator
        estimate; ``alpha`` outside (0, 1).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> frame = pd.DataFrame({"x": rng.normal(size=400), "z": rng.normal(size=400)})
    >>> frame["y"] = 2 * frame["x"] + frame["z"] + rng.normal(size=400)
    >>> out = fieller_ratio_interval(fit_ols("y ~ x + z", frame), "x", "z")
    >>> out.kind, out.ci_lower < 2 < out.ci_upper
    ('bounded', True)

    References
    ----------
    - Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
      Statistical Society B* 16(2), 175-185.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    for term, label in ((numerator, "numerator"), (denominator, "denominator")):
        if not isinstance(term, str):
            raise TypeError(f"{label} must be a term name (str), got {type(term).__name__}")
        if term not in result.params.index:
            raise ValueError(
                f"{label} {term!r} is not a term of the model; it has {list(result.params.index)}"
            )
    if numerator == denominator:
        raise ValueError(
            "numerator and denominator are the same term; the ratio is 1 by definition"
        )
    b1, b2 = float(result.params[numerator]), float(result.params[denominator])
    if b2 == 0:
        raise ValueError(
            f"denominator {denominator!r} has a coefficient of exactly 0; the ratio is undefined"
        )
    cov = result.cov_params()
    return fieller_interval(
        b1,
        b2,
        float(cov.loc[numerator, numerator]),
        float(cov.loc[denominator, denominator]),
        float(cov.loc[numerator, denominator]),
        alpha=alpha,
    )


@dataclass(frozen=True)
class TurningPointEstimate:
    """The turning point of a quadratic with its delta-method interval (``turning_point``).

    Attributes
    ----------
    estimate, std_error, ci_lower, ci_upper : float
    alpha : float
        1 - confidence level.
    shape : str
        ``"inverted U"`` when the squared term is negative, ``"U"`` otherwise.
    """

    estimate: float
    std_error: float
    ci_lower: float
    ci_upper: float
    alpha: float
    shape: str


def turning_point(
    result, linear: str, squared: str, *, alpha: float = 0.05
) -> TurningPointEstimate:
    """Turning point ``x* = -b1 / (2 b2)`` of ``b1 x + b2 x^2`` with a delta-method interval.

    Parameters
    ----------
    result : statsmodels results
        A fitted model with both terms.
    linear, squared : str
        The terms of ``x`` and ``x^2``.
    alpha : float
        1 - confidence level.

    Returns
    -------
    TurningPointEstimate

    Raises
    ------
    ValueError
        A term not in the model, a squared term of exactly 0, ``alpha`` outside (0, 1).
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
    return TurningPointEstimate(
        estimate=float(estimate),
        std_error=se,
        ci_lower=float(estimate - z * se),
        ci_upper=float(estimate + z * se),
        alpha=float(alpha),
        shape="inverted U" if b2 < 0 else "U",
    )


def model_fit(result) -> dict:
    """Number of observations and fit statistics of a fitted model."""
    out = {"n": int(result.nobs), "aic": float(result.aic), "log_likelihood": float(result.llf)}
    if hasattr(result, "prsquared"):
        out["pseudo_r_squared"] = float(result.prsquared)
    if hasattr(result, "rsquared"):
        out["r_squared"] = float(result.rsquared)
    return out
