"""Life-cycle stage of every trajectory, by documented rules, with a confidence.

:func:`classify_life_cycle` applies the rules in ``STAGE_RULES`` to the features of
``lifecycle_features`` and gives the probability of every stage of
``clusternet.catalog.lifecycle.LIFECYCLE_STAGES``.

References
----------
- Menzel, M.-P. and Fornahl, D. (2010). Cluster life cycles: dimensions and rationales
  of cluster evolution. *Industrial and Corporate Change* 19(1), 205-238.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from clusternet._validation import (
    require_columns,
    require_dataframe,
    require_no_missing,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
    require_real,
)
from clusternet.catalog.lifecycle import LIFECYCLE_STAGES

__all__ = [
    "STAGE_RULES",
    "GROWTH_THRESHOLD",
    "SPECIALISATION_THRESHOLD",
    "DIVERSITY_THRESHOLD",
    "classify_life_cycle",
]

#: The classification rules, in words (``g``: quantity growth against the reference
#: economy; ``LQ``: specialisation at the end of the window; ``d``: diversity trend).
STAGE_RULES = {
    "emerging": "g > growth_threshold and LQ < specialisation_threshold",
    "growing": "g > growth_threshold and LQ >= specialisation_threshold and d <= diversity_threshold (or no diversity data)",
    "renewing": "g > growth_threshold and LQ >= specialisation_threshold and d > diversity_threshold",
    "mature": "|g| <= growth_threshold and LQ >= specialisation_threshold",
    "not specialised": "|g| <= growth_threshold and LQ < specialisation_threshold",
    "declining": "g < -growth_threshold (whatever LQ)",
}

#: default thresholds (analyst's choices, not taken from a source; see the chapter)
GROWTH_THRESHOLD = 0.01  # 1 log point a year faster or slower than the reference economy
SPECIALISATION_THRESHOLD = 1.0  # LQ above 1: specialised (BEA definition, papers.md 1.6)
DIVERSITY_THRESHOLD = 0.005  # diversity index rising by more than 0.005 a year

_FEATURE_COLUMNS = ("growth", "growth_se", "specialisation", "specialisation_log_se", "df")


def _probability_above(estimate, threshold, se, df, *, strict: bool = True) -> np.ndarray:
    """P(true value beyond ``threshold``) under a t (or normal) error; a step if se == 0."""
    estimate = np.asarray(estimate, dtype=float)
    se = np.asarray(se, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        z = (estimate - threshold) / np.where(se > 0, se, 1.0)
    smooth = stats.t.cdf(z, df)
    step = (estimate > threshold) if strict else (estimate >= threshold)
    return np.where(se > 0, smooth, step.astype(float))


def classify_life_cycle(
    features: pd.DataFrame,
    *,
    growth_threshold: float = GROWTH_THRESHOLD,
    specialisation_threshold: float = SPECIALISATION_THRESHOLD,
    diversity_threshold: float = DIVERSITY_THRESHOLD,
) -> pd.DataFrame:
    r"""Life-cycle stage of every trajectory, with the probability of each stage.

    The rules (``STAGE_RULES``), on the features of :func:`lifecycle_features`:

    - ``growth`` :math:`g` above ``growth_threshold``: the cluster is gaining ground on
      the economy. It is **emerging** if its specialisation is still below
      ``specialisation_threshold``, **renewing** if it is specialised and the diversity
      of its firms is rising faster than ``diversity_threshold`` a year (divergence,
      Menzel and Fornahl), and **growing** otherwise;
    - :math:`|g|` at most ``growth_threshold``: **mature** if specialised, **not
      specialised** if not (a stable activity that is no cluster on these indicators);
    - :math:`g` below ``-growth_threshold``: **declining**.

    Without diversity data renewal cannot be told apart from growth, so a renewing
    cluster is reported as growing.

    **Confidence.** Each feature is an estimate with a standard error. Treating the
    errors of ``growth``, the log of ``specialisation`` and ``diversity_trend`` as
    independent Student t (``df`` degrees of freedom, normal when ``df`` is inf), the
    probability of every stage follows from the probabilities of being beyond each
    threshold; for example

    .. math:: P(\text{mature}) = P(|g| \le \tau)\, P(\mathrm{LQ} \ge \lambda).

    ``confidence`` is the probability of the stage the rules assign: near 1 far from
    every threshold, near 0.5 (or lower) on a boundary. It reflects sampling error of
    the trends only, not the choice of thresholds or of the window.

    Parameters
    ----------
    features : pandas.DataFrame
        Output of :func:`lifecycle_features`.
    growth_threshold : float
        :math:`\tau`, in log points a year against the reference economy (default 0.01).
    specialisation_threshold : float
        :math:`\lambda`, location quotient (default 1, the BEA reading of LQ above 1 as
        specialised).
    diversity_threshold : float
        Diversity-index points a year (default 0.005); used only if ``features`` has a
        ``diversity_trend`` column.

    Returns
    -------
    pandas.DataFrame
        ``features`` with ``stage`` (one of ``LIFECYCLE_STAGES``), ``confidence``
        and one ``p_<stage>`` column per stage (spaces as underscores); the
        probabilities of a row sum to 1.

    Raises
    ------
    TypeError
        ``features`` is not a DataFrame or a threshold is not a number.
    ValueError
        Missing feature columns or values, negative standard errors, or a threshold
        that is negative (growth, diversity) or not positive (specialisation).

    Examples
    --------
    >>> f = pd.DataFrame({"growth": [0.05, 0.0, -0.05], "growth_se": [0.0, 0.0, 0.0],
    ...                   "specialisation": [0.5, 2.0, 2.0], "specialisation_log_se": [0.0] * 3,
    ...                   "df": [6.0] * 3})
    >>> classify_life_cycle(f)["stage"].tolist()
    ['emerging', 'mature', 'declining']

    References
    ----------
    - Menzel and Fornahl (2010), see module references.
    """
    require_dataframe(features, "features")
    require_columns(features, _FEATURE_COLUMNS, "features")
    require_nonempty(features, "features")
    has_diversity = "diversity_trend" in features.columns
    numeric = list(_FEATURE_COLUMNS) + (
        ["diversity_trend", "diversity_trend_se"] if has_diversity else []
    )
    if has_diversity:
        require_columns(features, ["diversity_trend_se"], "features")
    require_numeric_columns(features, "features", numeric)
    require_no_missing(features, "features", numeric)
    ses = ["growth_se", "specialisation_log_se"] + (["diversity_trend_se"] if has_diversity else [])
    finite = [c for c in numeric if c != "df"]
    require_nonnegative(features, "features", ses)
    if not np.isfinite(features[finite].to_numpy(dtype=float)).all():
        raise ValueError("features has infinite values in its estimates")
    if (features["specialisation"] <= 0).any():
        raise ValueError("features column 'specialisation' must be positive (a location quotient)")
    if (features["df"] <= 0).any():
        raise ValueError("features column 'df' (degrees of freedom) must be positive")
    tau = require_real(growth_threshold, "growth_threshold", minimum=0.0)
    lam = require_real(
        specialisation_threshold, "specialisation_threshold", minimum=0.0, inclusive=False
    )
    tau_d = require_real(diversity_threshold, "diversity_threshold", minimum=0.0)

    df = features["df"].to_numpy(dtype=float)
    g = features["growth"].to_numpy(dtype=float)
    g_se = features["growth_se"].to_numpy(dtype=float)
    log_lq = np.log(features["specialisation"].to_numpy(dtype=float))
    p_up = _probability_above(g, tau, g_se, df)
    p_down = _probability_above(-g, tau, g_se, df)
    p_flat = np.clip(1.0 - p_up - p_down, 0.0, 1.0)
    p_spec = _probability_above(
        log_lq,
        np.log(lam),
        features["specialisation_log_se"].to_numpy(dtype=float),
        df,
        strict=False,
    )
    if has_diversity:
        d = features["diversity_trend"].to_numpy(dtype=float)
        p_div = _probability_above(
            d, tau_d, features["diversity_trend_se"].to_numpy(dtype=float), df
        )
        div_up = d > tau_d
    else:
        p_div = np.zeros_like(g)
        div_up = np.zeros(g.shape, dtype=bool)
    probabilities = {
        "emerging": p_up * (1 - p_spec),
        "growing": p_up * p_spec * (1 - p_div),
        "mature": p_flat * p_spec,
        "declining": p_down,
        "renewing": p_up * p_spec * p_div,
        "not specialised": p_flat * (1 - p_spec),
    }
    up, down = g > tau, g < -tau
    spec = log_lq >= np.log(lam)
    stage = np.select(
        [down, up & ~spec, up & spec & div_up, up & spec, spec],
        ["declining", "emerging", "renewing", "growing", "mature"],
        default="not specialised",
    )
    out = features.copy()
    out["stage"] = pd.Series(stage, index=features.index, dtype="str")
    matrix = np.column_stack([probabilities[s] for s in LIFECYCLE_STAGES])
    chosen = np.array([LIFECYCLE_STAGES.index(s) for s in stage])
    out["confidence"] = matrix[np.arange(len(stage)), chosen]
    for s in LIFECYCLE_STAGES:
        out["p_" + s.replace(" ", "_")] = probabilities[s]
    return out
