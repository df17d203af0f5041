"""How far life-cycle stages can be trusted: threshold stability and stage shares with intervals.

Two questions a reader of a stage count should ask:

- :func:`stage_stability`: does a pair's stage change when the analyst's thresholds
  move? (none of the classifier's thresholds comes from a source);
- :func:`stage_shares`: how many pairs are in each stage, and how far that count could
  move given the sampling error of each trend (the classifier's stage probabilities).

References
----------
- Menzel, M.-P. and Fornahl, D. (2010). Cluster life cycles: dimensions and rationales
  of cluster evolution. *Industrial and Corporate Change* 19(1), 205-238.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from clusternet._validation import (
    require_columns,
    require_dataframe,
    require_nonempty,
    require_real,
)
from clusternet.catalog.lifecycle import LIFECYCLE_STAGES
from clusternet.lifecycle.classify import (
    DIVERSITY_THRESHOLD,
    GROWTH_THRESHOLD,
    SPECIALISATION_THRESHOLD,
    classify_life_cycle,
)

__all__ = ["StageStability", "stage_stability", "stage_shares"]


@dataclass(frozen=True)
class StageStability:
    """Stages under the chosen and the alternative thresholds.

    Attributes
    ----------
    stages : pandas.DataFrame
        One row per pair (indexed like the features): ``stage`` (chosen thresholds), one
        ``stage_growth_<tau>`` / ``stage_specialisation_<lambda>`` column per alternative,
        and ``changed_growth``, ``changed_specialisation``, ``changed`` (any of them).
    share_changed, share_changed_growth, share_changed_specialisation : float
        Share of pairs whose stage changes under any alternative, any alternative growth
        threshold, any alternative specialisation threshold.
    n : int
        Number of pairs.
    """

    stages: pd.DataFrame
    share_changed: float
    share_changed_growth: float
    share_changed_specialisation: float
    n: int


def _thresholds(values, name: str, *, minimum: float, inclusive: bool) -> tuple[float, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a sequence of numbers, got {type(values).__name__}")
    return tuple(
        require_real(v, f"{name}[{i}]", minimum=minimum, inclusive=inclusive)
        for i, v in enumerate(values)
    )


def stage_stability(
    features: pd.DataFrame,
    *,
    growth_thresholds: Sequence[float] = (),
    specialisation_thresholds: Sequence[float] = (),
    growth_threshold: float = GROWTH_THRESHOLD,
    specialisation_threshold: float = SPECIALISATION_THRESHOLD,
    diversity_threshold: float = DIVERSITY_THRESHOLD,
) -> StageStability:
    """Reclassify every pair with alternative thresholds and report which stages change.

    Each alternative moves one threshold and keeps the others at the chosen values.

    Parameters
    ----------
    features : pandas.DataFrame
        Usable rows of ``lifecycle_features`` (no missing trends).
    growth_thresholds, specialisation_thresholds : sequence of float
        Alternative growth thresholds (log points a year, >= 0) and specialisation
        thresholds (location quotient, > 0). At least one alternative in all.
    growth_threshold, specialisation_threshold, diversity_threshold : float
        The chosen thresholds (see ``classify_life_cycle``).

    Returns
    -------
    StageStability

    Raises
    ------
    TypeError
        ``features`` is not a DataFrame or the alternatives are not sequences of numbers.
    ValueError
        No alternative, an alternative out of range, or features that
        ``classify_life_cycle`` rejects.

    Examples
    --------
    >>> f = pd.DataFrame({"growth": [0.015, 0.05, 0.0], "growth_se": [0.0] * 3,
    ...                   "specialisation": [2.0, 2.0, 1.1], "specialisation_log_se": [0.0] * 3,
    ...                   "df": [2.0] * 3})
    >>> result = stage_stability(f, growth_thresholds=[0.02], specialisation_thresholds=[1.25])
    >>> result.stages["stage"].tolist()
    ['growing', 'growing', 'mature']
    >>> result.stages["changed"].tolist()  # 1.5%: mature at 2%; LQ 1.1: unspecialised at 1.25
    [True, False, True]
    >>> result.share_changed_growth
    0.3333333333333333

    References
    ----------
    - Menzel and Fornahl (2010), see module references.
    """
    require_dataframe(features, "features")
    require_nonempty(features, "features")
    require_columns(features, ["growth", "specialisation"], "features")
    taus = _thresholds(growth_thresholds, "growth_thresholds", minimum=0.0, inclusive=True)
    lambdas = _thresholds(
        specialisation_thresholds, "specialisation_thresholds", minimum=0.0, inclusive=False
    )
    if not taus and not lambdas:
        raise ValueError(
            "give at least one alternative in growth_thresholds or specialisation_thresholds"
        )
    chosen = {
        "growth_threshold": growth_threshold,
        "specialisation_threshold": specialisation_threshold,
        "diversity_threshold": diversity_threshold,
    }
    base = classify_life_cycle(features, **chosen)["stage"]
    stages = pd.DataFrame({"stage": base}, index=features.index)
    changed_growth = np.zeros(len(features), dtype=bool)
    changed_spec = np.zeros(len(features), dtype=bool)
    for tau in taus:
        other = classify_life_cycle(features, **{**chosen, "growth_threshold": tau})["stage"]
        stages[f"stage_growth_{tau:g}"] = other
        changed_growth |= other.to_numpy() != base.to_numpy()
    for lam in lambdas:
        options = {**chosen, "specialisation_threshold": lam}
        other = classify_life_cycle(features, **options)["stage"]
        stages[f"stage_specialisation_{lam:g}"] = other
        changed_spec |= other.to_numpy() != base.to_numpy()
    stages["changed_growth"] = changed_growth
    stages["changed_specialisation"] = changed_spec
    stages["changed"] = changed_growth | changed_spec
    return StageStability(
        stages=stages,
        share_changed=float(stages["changed"].mean()),
        share_changed_growth=float(changed_growth.mean()),
        share_changed_specialisation=float(changed_spec.mean()),
        n=len(features),
    )


def stage_shares(classified: pd.DataFrame, *, alpha: float = 0.05) -> pd.DataFrame:
    r"""Pairs per stage, with an interval from the classifier's stage probabilities.

    ``share`` is the share of pairs the rules put in each stage. If each pair is in
    stage :math:`s` with its probability :math:`p_{is}` (the ``p_<stage>`` columns of
    ``classify_life_cycle``), independently, the number of pairs in :math:`s` is
    Poisson-binomial with mean :math:`\sum_i p_{is}` and variance
    :math:`\sum_i p_{is}(1-p_{is})`. ``expected_share`` is that mean over the number of
    pairs, and ``ci_lower``/``ci_upper`` its normal-approximation interval (clipped to
    [0, 1]). The interval covers the sampling error of the trends only, not the choice
    of thresholds (see :func:`stage_stability`) or of the window.

    Parameters
    ----------
    classified : pandas.DataFrame
        Output of ``classify_life_cycle``: ``stage`` and one ``p_<stage>`` column per
        stage (spaces as underscores).
    alpha : float
        1 - confidence level (default 0.05).

    Returns
    -------
    pandas.DataFrame
        Indexed by stage (every stage of ``LIFECYCLE_STAGES``, in order): ``pairs,
        share, expected_share, std_error, ci_lower, ci_upper``.

    Raises
    ------
    TypeError, ValueError
        ``classified`` is not a DataFrame, is empty, misses a column, has probabilities
        outside [0, 1], or ``alpha`` is not in (0, 1).

    Examples
    --------
    >>> classified = pd.DataFrame({"stage": ["growing", "declining"],
    ...                            "p_growing": [0.9, 0.0], "p_declining": [0.1, 1.0]})
    >>> for s in ("emerging", "mature", "renewing", "not_specialised"):
    ...     classified["p_" + s] = 0.0
    >>> table = stage_shares(classified)
    >>> table.loc["declining", ["pairs", "share", "expected_share"]].tolist()
    [1.0, 0.5, 0.55]
    >>> round(float(table.loc["declining", "std_error"]), 4)  # sqrt(0.1 * 0.9) / 2
    0.15

    References
    ----------
    - Menzel and Fornahl (2010), see module references.
    """
    require_dataframe(classified, "classified")
    require_nonempty(classified, "classified")
    columns = ["p_" + s.replace(" ", "_") for s in LIFECYCLE_STAGES]
    require_columns(classified, ["stage", *columns], "classified")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    p = classified[columns].to_numpy(dtype=float)
    if np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise ValueError("classified: the p_<stage> columns must be probabilities in [0, 1]")
    n = len(classified)
    counts = classified["stage"].value_counts().reindex(LIFECYCLE_STAGES, fill_value=0)
    expected = p.sum(axis=0) / n
    std_error = np.sqrt((p * (1 - p)).sum(axis=0)) / n
    z = float(stats.norm.ppf(1 - alpha / 2))
    table = pd.DataFrame(
        {
            "pairs": counts.to_numpy(dtype=float),
            "share": counts.to_numpy(dtype=float) / n,
            "expected_share": expected,
            "std_error": std_error,
            "ci_lower": np.clip(expected - z * std_error, 0.0, 1.0),
            "ci_upper": np.clip(expected + z * std_error, 0.0, 1.0),
        },
        index=pd.Index(LIFECYCLE_STAGES, name="stage"),
    )
    return table
