"""Spillovers of creative firms to the other firms of their area: presence, rates, logit.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from clusternet import models
from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_in,
    require_no_missing,
    require_nonempty,
    require_numeric_columns,
    require_real,
)
from clusternet.connections._common import _formula

__all__ = [
    "creative_presence",
    "area_innovation_rates",
    "fit_spillover_model",
    "spillover_effects",
    "spillover_curve",
]


def creative_presence(
    firms: pd.DataFrame,
    *,
    area: str = "district",
    creative: str = "creative",
    measure: str = "share",
    exclude_self: bool = True,
    areas: pd.DataFrame | None = None,
    area_size: str = "area_km2",
) -> pd.Series:
    """Local creative presence around each firm: creative share or density of its area.

    ``measure="share"``: creative firms over all firms in the firm's area;
    ``measure="density"``: creative firms per unit of the area's size (e.g. per km2).
    With ``exclude_self`` (default) the firm itself is left out (a leave-one-out
    measure), so a creative firm's own presence does not count as its neighbours'.

    Parameters
    ----------
    firms : pandas.DataFrame
        One row per firm, with ``area`` and ``creative`` (True/False or 0/1) columns.
    area, creative : str
        Column names.
    measure : {"share", "density"}
        See above.
    exclude_self : bool
        Leave the firm itself out.
    areas : pandas.DataFrame, optional
        Needed for ``"density"``: one row per area with columns ``area`` and
        ``area_size`` (positive).
    area_size : str
        Size column of ``areas``.

    Returns
    -------
    pandas.Series
        Aligned with ``firms``, named ``creative_share`` or ``creative_density``.

    Raises
    ------
    TypeError
        ``firms`` or ``areas`` is not a DataFrame.
    ValueError
        Missing columns or values, a creative flag that is not 0/1, an area with a
        single firm (leave-one-out share undefined), areas missing from ``areas``, or
        non-positive area sizes.

    Examples
    --------
    >>> f = pd.DataFrame({"district": ["a", "a", "a", "b", "b"], "creative": [1, 0, 0, 1, 1]})
    >>> creative_presence(f).round(2).tolist()
    [0.0, 0.5, 0.5, 1.0, 1.0]
    >>> creative_presence(f, exclude_self=False).round(2).tolist()
    [0.33, 0.33, 0.33, 1.0, 1.0]

    References
    ----------
    - Chapain et al. (2010) on the spillovers of creative businesses to other local firms.
    """
    require_dataframe(firms, "firms")
    require_columns(firms, [area, creative], "firms")
    require_nonempty(firms, "firms")
    require_no_missing(firms, "firms", [area, creative])
    require_in(measure, ("share", "density"), "measure")
    if not isinstance(exclude_self, bool):
        raise TypeError(f"exclude_self must be True or False, got {type(exclude_self).__name__}")
    flags = firms[creative]
    if not pd.api.types.is_bool_dtype(flags) and not set(pd.unique(flags)) <= {0, 1}:
        raise ValueError(f"firms: column {creative!r} must be True/False or 0/1")
    own = flags.to_numpy(dtype=float)
    codes, labels = pd.factorize(firms[area])
    creative_in_area = np.bincount(codes, weights=own, minlength=len(labels))[codes]
    firms_in_area = np.bincount(codes, minlength=len(labels))[codes].astype(float)
    if exclude_self:
        creative_in_area = creative_in_area - own
        firms_in_area = firms_in_area - 1
    if measure == "share":
        if (firms_in_area == 0).any():
            single = pd.unique(firms.loc[firms_in_area == 0, area])
            raise ValueError(
                f"firms: area(s) {format_items(list(single))} hold a single firm; the leave-one-out share is undefined "
                "(merge small areas or use exclude_self=False)"
            )
        values = creative_in_area / firms_in_area
    else:
        if areas is None:
            raise ValueError("measure='density' needs areas, a table of area sizes")
        require_dataframe(areas, "areas")
        require_columns(areas, [area, area_size], "areas")
        require_numeric_columns(areas, "areas", [area_size])
        sizes = areas.drop_duplicates(area).set_index(area)[area_size]
        missing = [a for a in labels if a not in sizes.index]
        if missing:
            raise ValueError(f"areas has no size for area(s) {format_items(missing)}")
        size = sizes.reindex(labels).to_numpy(dtype=float)
        if not np.isfinite(size).all() or (size <= 0).any():
            raise ValueError(f"areas: column {area_size!r} must hold positive sizes")
        values = creative_in_area / size[codes]
    return pd.Series(values, index=firms.index, name=f"creative_{measure}")


def area_innovation_rates(
    firms: pd.DataFrame,
    *,
    area: str = "district",
    group: str = "place",
    creative: str = "creative",
    outcome: str = "product_innovation",
) -> pd.DataFrame:
    """Creative share and non-creative firms' innovation rate of every area.

    Parameters
    ----------
    firms : pandas.DataFrame
        One row per firm with ``area``, ``group``, ``creative`` (0/1) and ``outcome``
        (0/1) columns.
    area : str
        Area column (e.g. district).
    group : str
        A coarser grouping each area belongs to (e.g. place), kept for colouring.
    creative, outcome : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        One row per area (in order of first appearance): ``area``, ``group``,
        ``creative_share`` (creative firms over all firms), ``innovation_rate`` (share of
        the non-creative firms with ``outcome`` = 1) and ``firms`` (non-creative firms).
        The columns are named after the arguments.

    Raises
    ------
    TypeError
        ``firms`` is not a DataFrame.
    ValueError
        Missing columns or values, flags that are not 0/1, an area in more than one
        group, or an area without non-creative firms (its rate is undefined).

    Examples
    --------
    >>> f = pd.DataFrame({"district": ["a", "a", "a", "b", "b"], "place": ["P"] * 5,
    ...                   "creative": [1, 0, 0, 0, 0], "product_innovation": [1, 1, 0, 0, 0]})
    >>> area_innovation_rates(f)[["district", "creative_share", "innovation_rate"]].to_numpy().tolist()
    [['a', 0.3333333333333333, 0.5], ['b', 0.0, 0.0]]

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    require_dataframe(firms, "firms")
    columns = [area, group, creative, outcome]
    require_columns(firms, columns, "firms")
    require_nonempty(firms, "firms")
    require_no_missing(firms, "firms", columns)
    for column in (creative, outcome):
        if not set(pd.unique(firms[column])) <= {0, 1}:
            raise ValueError(f"firms: column {column!r} must be coded 0/1")
    groups_per_area = firms.groupby(area, sort=False)[group].nunique()
    split = list(groups_per_area.index[groups_per_area > 1])
    if split:
        raise ValueError(f"firms: area(s) {format_items(split)} belong to more than one {group}")
    everyone = firms.groupby(area, sort=False).agg(
        group=(group, "first"), creative_share=(creative, "mean")
    )
    others = (
        firms[firms[creative] == 0]
        .groupby(area, sort=False)
        .agg(innovation_rate=(outcome, "mean"), firms=(outcome, "size"))
    )
    missing = [a for a in everyone.index if a not in others.index]
    if missing:
        raise ValueError(
            f"firms: area(s) {format_items(missing)} have no non-creative firms; their rate is undefined"
        )
    out = everyone.join(others).reset_index()
    return out.rename(columns={"group": group})


def fit_spillover_model(
    data: pd.DataFrame,
    *,
    outcome: str = "product_innovation",
    presence: str = "creative_share",
    controls: Sequence[str] = (),
    cluster: str | None = None,
):
    """Logit of non-creative firms' innovation on local creative presence, with controls.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per (non-creative) firm, with the ``presence`` column (e.g. from
        :func:`creative_presence`).
    outcome : str
        0/1 outcome column.
    presence : str
        The presence measure, entered linearly.
    controls : sequence of str
        Extra formula terms; ``"C(place)"`` compares firms within places.
    cluster : str, optional
        Column for cluster-robust standard errors (the area the presence is measured
        in: firms of one area share it).

    Returns
    -------
    statsmodels discrete results
        Pass to :func:`spillover_effects`.

    Raises
    ------
    TypeError, ValueError
        As :func:`fit_layer_model`.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame({"creative_share": rng.uniform(0, 0.4, 500)})
    >>> d["product_innovation"] = (rng.random(500) < 0.3 + d["creative_share"] / 2).astype(int)
    >>> fit_spillover_model(d).params.index.tolist()
    ['Intercept', 'creative_share']

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    require_dataframe(data, "data")
    formula = _formula(outcome, [presence], controls)
    require_columns(data, [outcome, presence], "data")
    require_numeric_columns(data, "data", [presence])
    return models.fit_logit(formula, data, cluster=cluster)


def spillover_effects(
    result, presence: str = "creative_share", *, per: float = 0.1, alpha: float = 0.05
) -> dict:
    """Size of the spillover: odds ratio, marginal effect and the effect of doubling.

    Parameters
    ----------
    result : statsmodels results
        A logit from :func:`fit_spillover_model` (presence entered linearly).
    presence : str
        The presence term.
    per : float
        Report the odds ratio and marginal effect for an increase of ``per`` in the
        presence measure (0.1 = ten percentage points of creative share).
    alpha : float
        1 - confidence level.

    Returns
    -------
    dict
        ``odds_ratio``, ``or_ci_lower``, ``or_ci_upper`` (for +``per``); ``ame``,
        ``ame_ci_lower``, ``ame_ci_upper`` (change in probability for +``per``);
        ``doubling_ratio``, ``doubling_ci_lower``, ``doubling_ci_upper``: the mean
        predicted probability if every firm's presence doubled over the mean predicted
        probability as observed (1.25 = 25% more likely), with a delta-method interval.

    Raises
    ------
    TypeError
        ``result`` is not a fitted logit.
    ValueError
        ``presence`` is not a term of the model, ``per`` not positive, ``alpha``
        outside (0, 1).

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame({"creative_share": rng.uniform(0, 0.4, 500)})
    >>> d["product_innovation"] = (rng.random(500) < 0.3 + d["creative_share"] / 2).astype(int)
    >>> effects = spillover_effects(fit_spillover_model(d))
    >>> effects["doubling_ci_lower"] < effects["doubling_ratio"] < effects["doubling_ci_upper"]
    True

    References
    ----------
    - Greene, W. H. (2012). *Econometric Analysis*, 7th ed., section 4.6 (delta method).
    """
    if not hasattr(result, "get_margeff"):
        raise TypeError("result must be a fitted logit (from fit_spillover_model)")
    per = require_real(per, "per", minimum=0.0, inclusive=False)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    names = list(result.model.exog_names)
    if presence not in names:
        raise ValueError(f"presence {presence!r} is not a term of the model; it has {names}")
    table = models.coefficient_table(result, alpha=alpha, terms=[presence]).iloc[0]
    ame = models.average_marginal_effects(result, alpha=alpha).set_index("term").loc[presence]
    z = float(stats.norm.ppf(1 - alpha / 2))
    # doubling: R = mean p(X1 b) / mean p(X0 b), X1 = X0 with the presence column doubled
    params = result.params.to_numpy()
    x0 = np.asarray(result.model.exog, dtype=float)
    x1 = x0.copy()
    x1[:, names.index(presence)] *= 2.0
    p0 = 1 / (1 + np.exp(-(x0 @ params)))
    p1 = 1 / (1 + np.exp(-(x1 @ params)))
    m0, m1 = p0.mean(), p1.mean()
    ratio = m1 / m0
    gradient = ((p1 * (1 - p1)) @ x1 / len(p1)) / m0 - m1 * ((p0 * (1 - p0)) @ x0 / len(p0)) / m0**2
    se = float(np.sqrt(gradient @ np.asarray(result.cov_params()) @ gradient))
    return {
        "odds_ratio": float(np.exp(per * table["estimate"])),
        "or_ci_lower": float(np.exp(per * table["ci_lower"])),
        "or_ci_upper": float(np.exp(per * table["ci_upper"])),
        "ame": float(per * ame["effect"]),
        "ame_ci_lower": float(per * ame["ci_lower"]),
        "ame_ci_upper": float(per * ame["ci_upper"]),
        "doubling_ratio": float(ratio),
        "doubling_ci_lower": float(ratio - z * se),
        "doubling_ci_upper": float(ratio + z * se),
    }


def spillover_curve(
    result, presence: str = "creative_share", grid=None, *, alpha: float = 0.05
) -> pd.DataFrame:
    """Average predicted probability if every firm had presence ``x``, for each ``x`` in a grid.

    For each grid value the presence column of every firm in the estimation sample is
    set to that value, all else as observed, and the predicted probabilities are
    averaged; the interval comes from the delta method.

    Parameters
    ----------
    result : statsmodels results
        A logit from :func:`fit_spillover_model` (presence entered linearly).
    presence : str
        The presence term.
    grid : array-like, optional
        Presence values (default: 21 points from 0 to the largest observed value).
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        ``presence``, ``probability``, ``ci_lower``, ``ci_upper``.

    Raises
    ------
    TypeError
        ``result`` is not a fitted logit or ``grid`` is not numeric.
    ValueError
        ``presence`` is not a term of the model, an empty or non-finite grid, or
        ``alpha`` outside (0, 1).

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame({"creative_share": rng.uniform(0, 0.4, 500)})
    >>> d["product_innovation"] = (rng.random(500) < 0.3 + d["creative_share"] / 2).astype(int)
    >>> curve = spillover_curve(fit_spillover_model(d), grid=[0.0, 0.4])
    >>> bool(curve["probability"].is_monotonic_increasing)
    True

    References
    ----------
    - Greene, W. H. (2012). *Econometric Analysis*, 7th ed., section 4.6 (delta method).
    """
    if not hasattr(result, "get_margeff"):
        raise TypeError("result must be a fitted logit (from fit_spillover_model)")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    names = list(result.model.exog_names)
    if presence not in names:
        raise ValueError(f"presence {presence!r} is not a term of the model; it has {names}")
    column = names.index(presence)
    x = np.array(result.model.exog, dtype=float, copy=True)  # never mutate the model's data
    if grid is None:
        grid = np.linspace(0.0, float(x[:, column].max()), 21)
    try:
        grid = np.asarray(grid, dtype=float).ravel()
    except (TypeError, ValueError) as error:
        raise TypeError(f"grid must be numeric: {error}") from error
    if grid.size == 0 or not np.isfinite(grid).all():
        raise ValueError("grid must hold at least one finite value")
    params = result.params.to_numpy()
    cov = np.asarray(result.cov_params())
    z = float(stats.norm.ppf(1 - alpha / 2))
    rows = []
    for value in grid:
        x[:, column] = value
        p = 1 / (1 + np.exp(-(x @ params)))
        gradient = (p * (1 - p)) @ x / len(p)
        se = float(np.sqrt(gradient @ cov @ gradient))
        rows.append((value, p.mean(), p.mean() - z * se, p.mean() + z * se))
    return pd.DataFrame(rows, columns=["presence", "probability", "ci_lower", "ci_upper"])
