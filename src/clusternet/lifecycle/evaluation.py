"""How well a classification recovers known (planted) stages.

:func:`stage_confusion` cross-tabulates planted against classified stages and
:func:`stage_recovery` gives the share recovered with a Wilson interval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from clusternet._validation import format_items, require_real
from clusternet.catalog.lifecycle import LIFECYCLE_STAGES

__all__ = ["stage_confusion", "stage_recovery", "StageRecovery"]


def _stage_series(values, name: str) -> pd.Series:
    if isinstance(values, pd.Series):
        series = values
    elif isinstance(values, (list, tuple, np.ndarray)):
        series = pd.Series(list(values))
    else:
        raise TypeError(
            f"{name} must be a pandas Series, list or array of stage names, got {type(values).__name__}"
        )
    if series.isna().any():
        raise ValueError(f"{name} has missing values")
    unknown = sorted(set(series.astype(str)) - set(LIFECYCLE_STAGES))
    if unknown:
        raise ValueError(
            f"{name} has unknown stage(s) {format_items(unknown)}; stages are {format_items(LIFECYCLE_STAGES)}"
        )
    return series.astype(str).reset_index(drop=True)


def stage_confusion(planted, classified) -> pd.DataFrame:
    """Cross-tabulate planted (true) stages against classified stages.

    Parameters
    ----------
    planted, classified : pandas.Series, list or array
        Stage names from ``LIFECYCLE_STAGES``, same length, aligned by position.

    Returns
    -------
    pandas.DataFrame
        Counts with every stage as a row (planted) and a column (classified), in
        life-cycle order; stages absent from both inputs are kept with zeros.

    Raises
    ------
    TypeError
        Inputs that are not sequences.
    ValueError
        Unknown stage names, missing values, different lengths or empty inputs.

    Examples
    --------
    >>> t = stage_confusion(["growing", "mature"], ["growing", "declining"])
    >>> int(t.loc["mature", "declining"]), int(t.to_numpy().trace())
    (1, 1)
    """
    planted = _stage_series(planted, "planted")
    classified = _stage_series(classified, "classified")
    if len(planted) != len(classified):
        raise ValueError(
            f"planted and classified differ in length ({len(planted)} vs {len(classified)})"
        )
    if len(planted) == 0:
        raise ValueError("planted is empty; there is nothing to compare")
    table = pd.crosstab(
        pd.Categorical(planted, categories=LIFECYCLE_STAGES),
        pd.Categorical(classified, categories=LIFECYCLE_STAGES),
        dropna=False,
    )
    table.index.name, table.columns.name = "planted", "classified"
    table.index = pd.Index([str(s) for s in table.index], name="planted")
    table.columns = pd.Index([str(s) for s in table.columns], name="classified")
    return table


@dataclass(frozen=True)
class StageRecovery:
    """How often a classification recovers known stages.

    Attributes
    ----------
    n, n_correct : int
        Classifications, and how many equal the planted stage.
    accuracy, std_error : float
        ``n_correct / n`` and its binomial standard error.
    ci_lower, ci_upper : float
        Wilson interval of the accuracy at level ``1 - alpha``.
    alpha : float
    mean_confidence : float or None
        Mean ``confidence`` of the classifications (the accuracy the classifier expects
        of itself); None when no confidence was given.
    mean_confidence_correct, mean_confidence_wrong : float or None
        Mean confidence of the correct and of the wrong classifications; None when no
        confidence was given or there is no such classification.
    """

    n: int
    n_correct: int
    accuracy: float
    std_error: float
    ci_lower: float
    ci_upper: float
    alpha: float
    mean_confidence: float | None = None
    mean_confidence_correct: float | None = None
    mean_confidence_wrong: float | None = None


def stage_recovery(planted, classified, confidence=None, *, alpha: float = 0.05) -> StageRecovery:
    """How often the classifier recovers the planted stage, with a Wilson interval.

    Parameters
    ----------
    planted, classified : pandas.Series, list or array
        Stage names, aligned by position.
    confidence : sequence of float, optional
        The ``confidence`` column of :func:`classify_life_cycle`, in [0, 1]. When given,
        the result also reports the mean confidence (the accuracy the classifier expects
        of itself) and the mean confidence of correct and of wrong classifications.
    alpha : float
        1 - confidence level of the interval (default 95%).

    Returns
    -------
    StageRecovery

    Raises
    ------
    TypeError, ValueError
        As :func:`stage_confusion`; ``confidence`` of the wrong length, missing or
        outside [0, 1].

    Examples
    --------
    >>> r = stage_recovery(["growing", "mature", "mature", "declining"],
    ...                    ["growing", "mature", "declining", "declining"])
    >>> r.n_correct, r.accuracy, round(r.ci_lower, 3)
    (3, 0.75, 0.301)
    """
    table = stage_confusion(planted, classified)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    n = int(table.to_numpy().sum())
    correct = int(np.trace(table.to_numpy()))
    accuracy = correct / n
    lower, upper = proportion_confint(correct, n, alpha=alpha, method="wilson")
    mean_confidence = mean_correct = mean_wrong = None
    if confidence is not None:
        conf = (
            np.asarray(confidence, dtype=float)
            if not isinstance(confidence, pd.Series)
            else confidence.to_numpy(dtype=float)
        )
        if conf.shape != (n,):
            raise ValueError(
                f"confidence must have one value per classification ({n}), got shape {conf.shape}"
            )
        if not np.isfinite(conf).all() or (conf < 0).any() or (conf > 1).any():
            raise ValueError("confidence must hold probabilities in [0, 1] without missing values")
        hit = (
            _stage_series(planted, "planted").to_numpy()
            == _stage_series(classified, "classified").to_numpy()
        )
        mean_confidence = float(conf.mean())
        mean_correct = float(conf[hit].mean()) if hit.any() else None
        mean_wrong = float(conf[~hit].mean()) if (~hit).any() else None
    return StageRecovery(
        n=n,
        n_correct=correct,
        accuracy=accuracy,
        std_error=float(np.sqrt(accuracy * (1 - accuracy) / n)),
        ci_lower=float(lower),
        ci_upper=float(upper),
        alpha=alpha,
        mean_confidence=mean_confidence,
        mean_confidence_correct=mean_correct,
        mean_confidence_wrong=mean_wrong,
    )
