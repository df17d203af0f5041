"""Comparing two effects: difference and ratio of two logit coefficients, with intervals.

"Pipelines are four times more powerful than local interaction" is a claim about the ratio
of two logit coefficients. Its interval is delicate when the denominator could be zero:
this module gives the delta-method interval (through ``clusternet.models``), Fieller's
confidence set and a percentile bootstrap, and the difference of the coefficients, which
has no denominator problem.
"""

from __future__ import annotations

import math
import numbers
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.tools.sm_exceptions import PerfectSeparationError

from clusternet import models
from clusternet._validation import require_positive_int, require_real, require_seed
from clusternet.pipelines._common import require_logit, require_terms

__all__ = [
    "BootstrapRatioResult",
    "bootstrap_ratio_interval",
    "pipeline_effect_comparison",
]


@dataclass(frozen=True, eq=False)
class BootstrapRatioResult:
    """Percentile bootstrap of the ratio of two coefficients (``bootstrap_ratio_interval``).

    Attributes
    ----------
    estimate : float
        The ratio in the full sample.
    std_error : float
        Standard deviation of the replicate ratios (the bootstrap standard error).
    ci_lower, ci_upper : float
        Percentile interval.
    share_opposite_sign : float
        Share of replicates whose ratio has the other sign than ``estimate``.
    n_boot : int
        Replicates drawn.
    n_failed : int
        Replicates that did not converge or could not identify every coefficient (e.g.
        separation, or a dummy with no firms in the resample); they are dropped.
    draws : numpy.ndarray
        The ratios of the replicates kept.
    """

    estimate: float
    std_error: float
    ci_lower: float
    ci_upper: float
    share_opposite_sign: float
    n_boot: int
    n_failed: int
    draws: np.ndarray


def _refit_logit(y, X, start, varying=None):
    """Refit a logit with statsmodels on a prepared design; None if it does not converge.

    ``varying`` marks the columns that vary in the full sample; a resample in which one of
    them is constant (a dummy with no firms) cannot identify its coefficient and fails.
    The design's rank is not re-checked by statsmodels (``check_rank=False``): the QR
    decomposition it needs costs more than the fit.
    """
    if varying is not None and not np.all(np.ptp(X[:, varying], axis=0) > 0):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # separation / convergence warnings: counted as failures
        try:
            fit = sm.Logit(y, X, check_rank=False).fit(start_params=start, disp=0, maxiter=50)
        except (np.linalg.LinAlgError, ValueError, PerfectSeparationError):
            return None
    beta = np.asarray(fit.params, dtype=float)
    if not fit.mle_retvals.get("converged", False) or not np.all(np.isfinite(beta)):
        return None
    return beta


def bootstrap_ratio_interval(
    result, numerator: str, denominator: str, *, n_boot: int = 999, alpha: float = 0.05, seed=None
) -> dict:
    """Percentile bootstrap interval for the ratio of two logit coefficients.

    Firms are resampled with replacement and the logit is refitted on each resample with
    statsmodels (``statsmodels.api.Logit``) on the rows of the design matrix the formula
    API built for ``result``, started from the full-sample estimates. Rebuilding the
    design from the formula for every replicate would give the same numbers, several
    times slower.

    Parameters
    ----------
    result : statsmodels LogitResults
        The fitted logit (no weights, no offset).
    numerator, denominator : str
        Terms of the model.
    n_boot : int
        Number of bootstrap replicates (at least 99).
    alpha : float
        1 - confidence level.
    seed : int, numpy.random.Generator or None
        Random seed.

    Returns
    -------
    BootstrapRatioResult
        ``estimate, std_error, ci_lower, ci_upper`` (percentile interval),
        ``share_opposite_sign``, ``n_boot``, ``n_failed`` and the replicate ratios
        ``draws``.

    Raises
    ------
    TypeError
        ``result`` is not a statsmodels logit; bad seed.
    ValueError
        Bad terms, ``n_boot`` below 99, ``alpha`` outside (0, 1), or more than 5% of the
        replicates failing to converge.

    Examples
    --------
    >>> from clusternet import data
    >>> survey = data.load("norway_firm_survey")
    >>> from clusternet.pipelines import fit_pipeline_logit
    >>> result = fit_pipeline_logit(survey)
    >>> boot = bootstrap_ratio_interval(result, "partners_international", "partners_regional", n_boot=99, seed=1)
    >>> boot.n_boot, boot.n_failed
    (99, 0)

    References
    ----------
    - Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*,
      chapter 13 (percentile intervals). Chapman and Hall.
    """
    require_logit(result)
    require_terms(result, numerator, denominator)
    n_boot = require_positive_int(n_boot, "n_boot", minimum=99)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    rng = require_seed(seed)
    y = np.asarray(result.model.endog, dtype=float)
    X = np.asarray(result.model.exog, dtype=float)
    names = list(result.model.exog_names)
    i, j = names.index(numerator), names.index(denominator)
    start = np.asarray(result.params, dtype=float)
    varying = np.ptp(X, axis=0) > 0
    n = len(y)
    draws = np.empty(n_boot)
    for k in range(n_boot):
        rows = rng.integers(0, n, n)
        beta = _refit_logit(y[rows], X[rows], start, varying)
        draws[k] = np.nan if beta is None or beta[j] == 0 else beta[i] / beta[j]
    failed = int(np.isnan(draws).sum())
    if failed > 0.05 * n_boot:
        raise ValueError(
            f"{failed} of {n_boot} bootstrap replicates did not converge (separation?); "
            "the bootstrap interval would be unreliable"
        )
    kept = draws[~np.isnan(draws)]
    estimate = float(result.params[numerator] / result.params[denominator])
    lower, upper = np.quantile(kept, [alpha / 2, 1 - alpha / 2])
    return BootstrapRatioResult(
        estimate=estimate,
        std_error=float(np.std(kept, ddof=1)),
        ci_lower=float(lower),
        ci_upper=float(upper),
        share_opposite_sign=float(np.mean(np.sign(kept) != np.sign(estimate))),
        n_boot=n_boot,
        n_failed=failed,
        draws=kept,
    )


def pipeline_effect_comparison(
    result,
    numerator: str = "partners_international",
    denominator: str = "partners_regional",
    *,
    alpha: float = 0.05,
    n_boot: int = 0,
    seed=None,
) -> pd.DataFrame:
    """Compare two effects: their difference and their ratio, each with an interval.

    "Pipelines are four times more powerful than local interaction" is a claim about
    the ratio of two logit coefficients (equal to the ratio of their average marginal
    effects in a logit without interactions). The table gives the difference of the
    coefficients (a Wald interval, always well defined), the ratio with a delta-method
    interval (:func:`clusternet.models.coefficient_ratio`), the Fieller set
    (:func:`clusternet.models.fieller_ratio_interval`) and, if ``n_boot > 0``, a percentile bootstrap
    (:func:`bootstrap_ratio_interval`).

    Parameters
    ----------
    result : statsmodels LogitResults
        A fitted logit.
    numerator, denominator : str
        Terms of the model.
    alpha : float
        1 - confidence level.
    n_boot : int
        Bootstrap replicates (0 skips the bootstrap; otherwise at least 99).
    seed : int, numpy.random.Generator or None
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        Columns ``quantity, method, estimate, ci_lower, ci_upper, bounded``; for the
        Fieller row the interval is the piece of the confidence set that contains the
        estimate (``ci_upper`` may be ``inf``).

    Raises
    ------
    TypeError, ValueError
        As the helpers it calls.

    Examples
    --------
    >>> from clusternet import data
    >>> survey = data.load("norway_firm_survey")
    >>> from clusternet.pipelines import fit_pipeline_logit
    >>> table = pipeline_effect_comparison(fit_pipeline_logit(survey))
    >>> table["method"].tolist()
    ['Wald', 'delta method', 'Fieller']

    References
    ----------
    - Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
      Statistical Society B* 16(2), 175-185.
    """
    require_logit(result)
    require_terms(result, numerator, denominator)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    if isinstance(n_boot, bool) or not isinstance(n_boot, numbers.Integral) or n_boot < 0:
        raise ValueError(f"n_boot must be 0 (no bootstrap) or an integer >= 99, got {n_boot!r}")
    z = float(stats.norm.ppf(1 - alpha / 2))
    params, cov = result.params, result.cov_params()
    difference = float(params[numerator] - params[denominator])
    se = math.sqrt(
        float(
            cov.loc[numerator, numerator]
            + cov.loc[denominator, denominator]
            - 2 * cov.loc[numerator, denominator]
        )
    )
    delta = models.coefficient_ratio(result, numerator, denominator, alpha=alpha)
    fieller = models.fieller_ratio_interval(result, numerator, denominator, alpha=alpha)
    rows = [
        ("difference in log-odds", "Wald", difference, difference - z * se, difference + z * se),
        ("ratio", "delta method", delta.estimate, delta.ci_lower, delta.ci_upper),
        ("ratio", "Fieller", fieller.estimate, fieller.ci_lower, fieller.ci_upper),
    ]
    if n_boot:
        boot = bootstrap_ratio_interval(
            result, numerator, denominator, n_boot=n_boot, alpha=alpha, seed=seed
        )
        rows.append(
            (
                "ratio",
                "bootstrap (percentile)",
                boot.estimate,
                boot.ci_lower,
                boot.ci_upper,
            )
        )
    table = pd.DataFrame(rows, columns=["quantity", "method", "estimate", "ci_lower", "ci_upper"])
    table["bounded"] = np.isfinite(table["ci_lower"]) & np.isfinite(table["ci_upper"])
    return table
