"""Summaries of an ensemble of simulated networks: means with t-based intervals."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from clusternet._validation import (
    require_columns,
    require_dataframe,
    require_nonempty,
    require_numeric_columns,
    require_real,
)

__all__ = ["ensemble_mean_ci"]


def ensemble_mean_ci(
    frame: pd.DataFrame, value: str, by: str | Sequence[str] | None = None, *, alpha: float = 0.05
) -> pd.DataFrame:
    """Mean of ``value`` with a t-based confidence interval, per group of an ensemble.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per ensemble member (e.g. per simulated network).
    value : str
        Column to summarise; must be finite.
    by : str or list of str, optional
        Grouping columns (e.g. ``"laterality"``).
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns plus ``mean, ci_lower, ci_upper, n``.

    Raises
    ------
    TypeError
        ``frame`` is not a DataFrame, or ``value`` is not a numeric column.
    ValueError
        Missing columns, empty frame, a group with fewer than 2 members, values so large
        the interval overflows, or infinite or missing values (e.g. a diffusion that never reached its target; report the share
        of runs that reached it instead).

    Examples
    --------
    >>> import pandas as pd
    >>> table = ensemble_mean_ci(pd.DataFrame({"x": [1.0, 2.0, 3.0]}), "x")
    >>> float(table["mean"].iloc[0])
    2.0
    """
    require_dataframe(frame, "frame")
    require_nonempty(frame, "frame")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    require_columns(frame, [value, *keys], "frame")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    require_numeric_columns(frame, "frame", [value])
    values = frame[value].to_numpy(dtype=float)
    if not np.isfinite(values).all():
        raise ValueError(
            f"column {value!r} has infinite or missing values; a mean would be meaningless"
        )
    grouped = (
        frame.groupby(keys, sort=True)[value]
        if keys
        else frame.assign(_all=0).groupby("_all")[value]
    )
    table = grouped.agg(["mean", "std", "count"]).reset_index()
    if (table["count"] < 2).any():
        raise ValueError(f"every group needs at least 2 members to give an interval of {value!r}")
    half = stats.t.ppf(1 - alpha / 2, table["count"] - 1) * table["std"] / np.sqrt(table["count"])
    out = table.assign(
        ci_lower=table["mean"] - half, ci_upper=table["mean"] + half, n=table["count"]
    )
    summary = out[["mean", "ci_lower", "ci_upper"]].to_numpy(dtype=float)
    if not np.isfinite(summary).all():
        raise ValueError(
            f"column {value!r} holds values too large for a mean and interval (the "
            "computation overflows); rescale them, e.g. to thousands or millions"
        )
    return out[[*keys, "mean", "ci_lower", "ci_upper", "n"]]
