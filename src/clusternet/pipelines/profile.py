"""Collaboration profiles: the share of firms with each kind of partner, with Wilson intervals."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from clusternet._validation import require_columns, require_no_missing, require_real
from clusternet.catalog.pipelines import PARTNER_TYPES, SCALES
from clusternet.pipelines.survey import validate_collaboration_survey

__all__ = ["collaboration_profile"]


def collaboration_profile(
    survey: pd.DataFrame,
    *,
    by: str | None = None,
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    regions: Sequence[str] | None = None,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Share of firms collaborating with each partner type at each scale, with intervals.

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey (see :func:`validate_collaboration_survey`).
    by : str, optional
        Column to break the profile down by (``"city_region"``, ``"sector"``).
    partner_types, scales, regions
        As :func:`validate_collaboration_survey`.
    alpha : float
        1 - confidence level of the Wilson score intervals.

    Returns
    -------
    pandas.DataFrame
        One row per (group,) scale and partner type, plus a row ``partner_type == "any"``
        per scale (at least one partner of any type): columns ``[by,] scale,
        partner_type, firms, collaborating, share, ci_lower, ci_upper``.

    Raises
    ------
    TypeError, ValueError
        As :func:`validate_collaboration_survey`; ``by`` not a column; ``alpha`` outside
        (0, 1).

    Examples
    --------
    >>> firms = pd.DataFrame({"supplier_regional": [1, 0, 2, 1], "supplier_international": [0, 0, 1, 0]})
    >>> p = collaboration_profile(firms, partner_types=["supplier"],
    ...                           scales=["regional", "international"], regions=None)
    >>> p.loc[p["partner_type"] == "any", ["scale", "share"]].to_dict("list")
    {'scale': ['regional', 'international'], 'share': [0.75, 0.25]}

    References
    ----------
    - Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
      inference. *Journal of the American Statistical Association* 22(158), 209-212.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    validate_collaboration_survey(
        survey, partner_types=partner_types, scales=scales, regions=regions
    )
    partner_types, scales = tuple(partner_types), tuple(scales)
    if by is not None:
        if not isinstance(by, str):
            raise TypeError(f"by must be a column name (str) or None, got {type(by).__name__}")
        require_columns(survey, [by], "survey")
        require_no_missing(survey, "survey", [by])
    indicators = {}
    for scale in scales:
        block = survey[[f"{kind}_{scale}" for kind in partner_types]].to_numpy(dtype=float) > 0
        for j, kind in enumerate(partner_types):
            indicators[(scale, kind)] = block[:, j]
        indicators[(scale, "any")] = block.any(axis=1)
    flags = pd.DataFrame(
        {f"{s}|{k}": v.astype(int) for (s, k), v in indicators.items()}, index=survey.index
    )
    if by is None:
        collaborating = flags.sum().to_frame().T
        firms = pd.Series([len(flags)])
    else:
        grouped = flags.groupby(survey[by], sort=True)
        collaborating = grouped.sum()
        firms = grouped.size()
    long = collaborating.reset_index(drop=by is None).melt(
        id_vars=[by] if by else None, var_name="key", value_name="collaborating"
    )
    if by is None:
        long["firms"] = int(firms.iloc[0])
    else:
        long["firms"] = long[by].map(firms).astype(int)
    parts = long["key"].str.split("|", expand=True)
    long["scale"], long["partner_type"] = parts[0], parts[1]
    order = {key: i for i, key in enumerate(flags.columns)}
    long["_order"] = long["key"].map(order)
    long = long.sort_values(([by] if by else []) + ["_order"], kind="stable", ignore_index=True)
    lower, upper = proportion_confint(
        long["collaborating"], long["firms"], alpha=alpha, method="wilson"
    )
    long = long.assign(
        share=long["collaborating"] / long["firms"],
        ci_lower=np.asarray(lower),
        ci_upper=np.asarray(upper),
    )
    columns = ([by] if by else []) + [
        "scale",
        "partner_type",
        "firms",
        "collaborating",
        "share",
        "ci_lower",
        "ci_upper",
    ]
    return long[columns]
