"""Indicator table of every region and cluster between two years.

:func:`lifecycle_indicator_table` joins the European Cluster Observatory's stars (size,
specialisation, focus) to growth, firm formation and the life-cycle stage, reusing the
Porter chapter's ``aggregate_to_clusters``, ``location_quotient`` and ``star_rating``.

References
----------
- European Cluster Observatory (2008). Star rating of regional clusters: size,
  specialisation and focus.
- US Census Bureau. County Business Patterns: noise infusion and noise flags.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_dataframe,
    require_fraction,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
    require_real,
)
from clusternet.clusters import aggregate_to_clusters, location_quotient, star_rating
from clusternet.lifecycle.classify import (
    GROWTH_THRESHOLD,
    SPECIALISATION_THRESHOLD,
    classify_life_cycle,
)

__all__ = ["lifecycle_indicator_table"]


def _check_same_labels(frames: dict) -> None:
    reference_name, reference = next(iter(frames.items()))
    for name, frame in frames.items():
        require_dataframe(frame, name)
        if not frame.index.equals(reference.index) or not frame.columns.equals(reference.columns):
            raise ValueError(
                f"{name} must have the same regions (rows) and industries (columns), in the same "
                f"order, as {reference_name}; align them with .reindex(...) first"
            )


def lifecycle_indicator_table(
    employment_start: pd.DataFrame,
    employment_end: pd.DataFrame,
    firms_start: pd.DataFrame,
    firms_end: pd.DataFrame,
    mapping,
    *,
    start_year: int,
    end_year: int,
    noise: float = 0.02,
    min_employment: float = 1.0,
    exclude_withheld: bool = True,
    firm_weight: float = 0.5,
    growth_threshold: float = GROWTH_THRESHOLD,
    specialisation_threshold: float = SPECIALISATION_THRESHOLD,
    **star_options,
) -> pd.DataFrame:
    """Indicator table of every region and cluster between two years.

    Columns, per region and cluster:

    - **size**: ``employment`` in ``end_year`` and the size star;
    - **specialisation**: location quotient in both years and the specialisation star;
    - **focus**: the cluster's share of the region's employment, and the focus star;
    - **growth**: employment growth against the reference economy, in log points a year;
    - **firm formation**: net growth in the number of firms (establishments) against the
      reference economy, log points a year (net change: births minus deaths);
    - ``stars`` (0-3) from the Porter chapter's ``star_rating`` on ``end_year``;
    - ``stage`` and ``confidence`` from :func:`classify_life_cycle` on the two years,
      with an *assumed* measurement error ``noise`` (two years give no residuals).

    The reference economy is every region and industry of the matrices, and the mapping
    must assign every industry (group the rest under "other industries").

    Parameters
    ----------
    employment_start, employment_end, firms_start, firms_end : pandas.DataFrame
        Regions x industries counts, with identical labels in the same order.
    mapping : dict or pandas.Series
        Industry -> cluster (see ``aggregate_to_clusters``).
    start_year, end_year : int
        The two years, ``end_year`` later.
    noise : float
        Assumed relative error of one count (default 0.02: the US Census flags cells
        changed by less than 2% by noise infusion as low noise).
    min_employment : float
        Region-cluster pairs with fewer employees in either year are left out (default
        1: only pairs with no employees); they are kept in the table, flagged as not
        ``usable``.
    exclude_withheld : bool
        Leave out pairs with an industry that has establishments but zero employees in
        either year: County Business Patterns' mark of a withheld cell, whose employment
        is unknown, not zero (default True).
    firm_weight : float
        Weight of firm formation in the quantity growth that decides the stage, as in
        :func:`lifecycle_features` (default 0.5).
    growth_threshold, specialisation_threshold : float
        Passed to :func:`classify_life_cycle`.
    **star_options
        ``size_top_share``, ``specialisation_threshold_stars`` (renamed to avoid a clash)
        and ``focus_top_share`` for ``star_rating``.

    Returns
    -------
    pandas.DataFrame
        One row per region-cluster pair: ``region, cluster, employment``
        (``end_year``), ``size_star, lq_start, lq_end, specialisation_star, focus,
        focus_star, stars, growth, firm_formation, quantity_growth, stage, confidence,
        usable, exclusion_reason``. Pairs left out of the classification are kept with
        ``usable`` False and ``exclusion_reason`` saying why (too small, or a withheld
        cell); their ``growth, firm_formation, quantity_growth, stage, confidence`` are
        missing. ``exclusion_reason`` is empty for usable pairs.

    Raises
    ------
    TypeError, ValueError
        Matrices that are not DataFrames, with different labels, negative or missing
        counts; a bad mapping (see ``aggregate_to_clusters``); ``end_year`` not after
        ``start_year``; unknown ``star_options``; no pair left to classify.

    Examples
    --------
    >>> e0 = pd.DataFrame({"a": [10, 30], "b": [90, 70]}, index=["p", "q"])
    >>> e1 = pd.DataFrame({"a": [20, 30], "b": [90, 70]}, index=["p", "q"])
    >>> t = lifecycle_indicator_table(e0, e1, e0 // 10, e1 // 10, {"a": "A", "b": "B"},
    ...                               start_year=2017, end_year=2021, size_top_share=0.5,
    ...                               focus_top_share=0.5)
    >>> t.loc[0, ["region", "cluster", "stage"]].tolist()
    ['p', 'A', 'emerging']

    References
    ----------
    - European Cluster Observatory (2008), see module references.
    - US Census Bureau. County Business Patterns: noise infusion and noise flags.
    """
    frames = {
        "employment_start": employment_start,
        "employment_end": employment_end,
        "firms_start": firms_start,
        "firms_end": firms_end,
    }
    _check_same_labels(frames)
    for name, frame in frames.items():
        require_nonempty(frame, name)
        require_numeric_columns(frame, name)
        require_nonnegative(frame, name)
    for value, label in ((start_year, "start_year"), (end_year, "end_year")):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{label} must be an integer year, got {type(value).__name__}")
    if end_year <= start_year:
        raise ValueError(f"end_year ({end_year}) must be after start_year ({start_year})")
    min_employment = require_real(min_employment, "min_employment", minimum=0.0)
    noise = require_real(noise, "noise", minimum=0.0, inclusive=False)
    weight = require_fraction(firm_weight, "firm_weight")
    if not isinstance(exclude_withheld, bool):
        raise TypeError(
            f"exclude_withheld must be True or False, got {type(exclude_withheld).__name__}"
        )
    allowed = {"size_top_share", "specialisation_threshold_stars", "focus_top_share"}
    unknown = sorted(set(star_options) - allowed)
    if unknown:
        raise ValueError(
            f"unknown star_options {format_items(unknown)}; allowed: {format_items(sorted(allowed))}"
        )
    if "specialisation_threshold_stars" in star_options:
        star_options["specialisation_threshold"] = star_options.pop(
            "specialisation_threshold_stars"
        )

    emp0 = aggregate_to_clusters(employment_start, mapping)
    emp1 = aggregate_to_clusters(employment_end, mapping)
    frm0 = aggregate_to_clusters(firms_start, mapping)
    frm1 = aggregate_to_clusters(firms_end, mapping)
    stars = star_rating(employment_end, mapping, **star_options).set_index(["region", "cluster"])
    lq0 = location_quotient(emp0)
    lq1 = location_quotient(emp1)
    focus = emp1.div(emp1.sum(axis=1), axis=0)

    floor = max(min_employment, np.finfo(float).tiny)
    small = (emp0 < floor) | (emp1 < floor) | (frm0 <= 0) | (frm1 <= 0)
    reason = pd.DataFrame("", index=emp1.index, columns=emp1.columns, dtype="str")
    reason = reason.mask(small, "too small: employment below the minimum or no firms in a year")
    excluded_mask = small
    if exclude_withheld:
        withheld_cells = ((employment_start == 0) & (firms_start > 0)) | (
            (employment_end == 0) & (firms_end > 0)
        )
        withheld = aggregate_to_clusters(withheld_cells.astype(int), mapping) > 0
        reason = reason.mask(
            ~small & withheld, "withheld cell: an industry with establishments but zero employees"
        )
        excluded_mask = small | withheld
    keep = ~excluded_mask
    if not keep.to_numpy().any():
        raise ValueError(
            "no region-cluster pair has enough employment and firms in both years to classify"
        )

    span = end_year - start_year
    # growth against the reference economy (every region and industry of the matrices)
    total_growth = np.log(emp1.to_numpy().sum() / emp0.to_numpy().sum()) / span
    firm_total_growth = np.log(frm1.to_numpy().sum() / frm0.to_numpy().sum()) / span
    pairs = keep.stack()
    pairs.index.names = ["region", "cluster"]
    rows = pairs[pairs].index  # the usable pairs, in the order of all pairs
    e0, e1 = emp0.stack().reindex(rows), emp1.stack().reindex(rows)
    f0, f1 = frm0.stack().reindex(rows), frm1.stack().reindex(rows)
    growth = np.log(e1.astype(float) / e0.astype(float)) / span - total_growth
    firm_formation = np.log(f1.astype(float) / f0.astype(float)) / span - firm_total_growth
    lq_end = lq1.stack().reindex(rows)
    # two-year features exactly as lifecycle_features computes them (assumed noise):
    # the slope of two points is their difference over the span
    features = pd.DataFrame(
        {
            "growth": ((1 - weight) * growth + weight * firm_formation).to_numpy(),
            "growth_se": noise * np.hypot(1 - weight, weight) * np.sqrt(2.0) / span,
            "specialisation": lq_end.to_numpy(),
            "specialisation_log_se": noise,
            "df": np.inf,
        }
    )
    classified = classify_life_cycle(
        features,
        growth_threshold=growth_threshold,
        specialisation_threshold=specialisation_threshold,
    ).set_index(rows)

    every = pairs.index
    table = pd.DataFrame(index=every)
    table["employment"] = emp1.stack().reindex(every)
    table["size_star"] = stars["size_star"].reindex(every)
    table["lq_start"] = lq0.stack().reindex(every)
    table["lq_end"] = lq1.stack().reindex(every)
    table["specialisation_star"] = stars["specialisation_star"].reindex(every)
    table["focus"] = focus.stack().reindex(every)
    table["focus_star"] = stars["focus_star"].reindex(every)
    table["stars"] = stars["stars"].reindex(every)
    table["growth"] = growth.reindex(every)
    table["firm_formation"] = firm_formation.reindex(every)
    table["quantity_growth"] = classified["growth"].reindex(every)
    table["stage"] = classified["stage"].reindex(every)
    table["confidence"] = classified["confidence"].reindex(every)
    table["usable"] = pairs.to_numpy()
    table["exclusion_reason"] = reason.stack().reindex(every).to_numpy()
    return table.reset_index()
