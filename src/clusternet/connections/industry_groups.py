"""Aggregate a long region x industry table into region x industry-group counts.

Official tables (employment by region and 4-digit industry, business counts) come long,
one row per region and industry, with some cells suppressed (missing). A definition such
as the creative industries is a list of industry codes, each in a sub-sector. This file
turns the long table into the places x groups matrix that ``creative_cluster_table`` and
``location_quotient`` take, with every industry outside the definition in one ``other``
column, so that each row still sums to the region's total.

References
----------
- Department for Culture, Media and Sport. Creative Industries Economic Estimates:
  Methodology (the creative industries as 4-digit SIC 2007 classes).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_in,
    require_no_missing,
    require_nonempty,
)

__all__ = ["industry_group_matrix", "suppressed_cells"]

_MISSING = ("raise", "zero")


def _checked(counts, groups, region, industry, value):
    require_dataframe(counts, "counts")
    require_nonempty(counts, "counts")
    require_columns(counts, [region, industry, value], "counts")
    require_no_missing(counts, "counts", [region, industry])
    if not pd.api.types.is_numeric_dtype(counts[value]):
        raise TypeError(f"counts: column {value!r} must be numeric, has {counts[value].dtype}")
    values = counts[value].to_numpy(dtype=float)
    present = values[~np.isnan(values)]
    if (present < 0).any():
        raise ValueError(f"counts: column {value!r} has negative values; counts cannot be negative")
    if not np.isfinite(present).all():
        raise ValueError(f"counts: column {value!r} has infinite values")
    if counts.duplicated([region, industry]).any():
        dup = counts.loc[counts.duplicated([region, industry]), [region, industry]]
        raise ValueError(
            f"counts lists {len(dup)} region x industry cell(s) more than once, e.g. "
            f"{format_items(list(dup.itertuples(index=False, name=None)), 3)}"
        )
    if not isinstance(groups, Mapping) or not groups:
        raise TypeError(
            f"groups must be a non-empty mapping industry code -> group, got {type(groups).__name__}"
        )
    industries = set(counts[industry].astype(str))
    unknown = sorted(str(code) for code in groups if str(code) not in industries)
    if unknown:
        raise ValueError(
            f"groups has industry code(s) {format_items(unknown)} not in counts[{industry!r}]"
        )
    return values


def suppressed_cells(
    counts: pd.DataFrame,
    groups: Mapping,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "value",
) -> pd.DataFrame:
    """Count the suppressed (missing) cells of each region, in the groups and elsewhere.

    Parameters
    ----------
    counts : pandas.DataFrame
        Long table, one row per region and industry.
    groups : mapping
        Industry code -> group name (e.g. SIC class -> creative sub-sector).
    region, industry, value : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by region (sorted): ``cells``, ``suppressed`` (missing values in all
        industries) and ``suppressed_in_groups`` (missing values in the listed industries).

    Raises
    ------
    TypeError, ValueError
        As :func:`industry_group_matrix`.

    Examples
    --------
    >>> counts = pd.DataFrame({"region": ["A", "A", "B", "B"], "industry": ["x", "y", "x", "y"],
    ...                        "value": [1.0, None, None, 4.0]})
    >>> suppressed_cells(counts, {"x": "X"}).to_dict("list")
    {'cells': [2, 2], 'suppressed': [1, 1], 'suppressed_in_groups': [0, 1]}

    References
    ----------
    - Office for National Statistics. Business Register and Employment Survey: disclosure
      control suppresses small cells.
    """
    values = _checked(counts, groups, region, industry, value)
    listed = counts[industry].astype(str).isin({str(code) for code in groups}).to_numpy()
    missing = np.isnan(values)
    frame = pd.DataFrame(
        {
            region: counts[region].to_numpy(),
            "cells": 1,
            "suppressed": missing.astype(np.int64),
            "suppressed_in_groups": (missing & listed).astype(np.int64),
        }
    )
    return frame.groupby(region).sum().sort_index()


def industry_group_matrix(
    counts: pd.DataFrame,
    groups: Mapping,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "value",
    other: str = "other",
    missing: str = "raise",
) -> pd.DataFrame:
    """Sum a long region x industry table into a regions x groups matrix.

    Industries listed in ``groups`` are summed into their group; every other industry
    goes into one ``other`` column, so each row sums to the region's total over all
    industries. Suppressed cells (missing values) raise an error by default; with
    ``missing="zero"`` they count as zero, which makes the group totals, the region
    totals and a location quotient built on them lower bounds or approximations: report
    how many cells were suppressed (:func:`suppressed_cells`).

    Parameters
    ----------
    counts : pandas.DataFrame
        Long table, one row per region and industry, non-negative counts (employment,
        businesses); ``NaN`` marks a suppressed cell.
    groups : mapping
        Industry code -> group name. Every code must occur in ``counts[industry]``
        (compared as text, so write codes with their leading zeros).
    region, industry, value : str
        Column names.
    other : str
        Name of the column for the industries outside ``groups``.
    missing : {"raise", "zero"}
        What to do with suppressed cells.

    Returns
    -------
    pandas.DataFrame
        Regions as rows (sorted), the groups (in order of first appearance in
        ``groups``) then ``other`` as columns; float sums.

    Raises
    ------
    TypeError
        ``counts`` is not a DataFrame, ``value`` is not numeric, or ``groups`` is not a
        non-empty mapping.
    ValueError
        Missing columns, empty table, negative or infinite counts, a cell listed twice, a
        listed industry code not in the table, a group named like ``other``, or
        suppressed cells with ``missing="raise"``.

    Examples
    --------
    >>> counts = pd.DataFrame({"region": ["A", "A", "A", "B", "B", "B"],
    ...                        "industry": ["01", "02", "03", "01", "02", "03"],
    ...                        "value": [10.0, 5.0, 85.0, 0.0, None, 100.0]})
    >>> industry_group_matrix(counts, {"01": "film", "02": "music"}, missing="zero")
    group   film  music  other
    region
    A       10.0    5.0   85.0
    B        0.0    0.0  100.0

    References
    ----------
    - Department for Culture, Media and Sport. Creative Industries Economic Estimates:
      Methodology (a sector defined as a list of SIC classes).
    """
    require_in(missing, _MISSING, "missing")
    values = _checked(counts, groups, region, industry, value)
    labels = list(dict.fromkeys(str(group) for group in groups.values()))
    if other in labels:
        raise ValueError(f"groups uses the name {other!r}, which is reserved for other industries")
    nan = np.isnan(values)
    if nan.any() and missing == "raise":
        cells = counts.loc[nan, [region, industry]].itertuples(index=False, name=None)
        raise ValueError(
            f"counts: column {value!r} has {int(nan.sum())} suppressed (missing) cell(s), e.g. "
            f"{format_items(list(cells), 3)}; pass missing='zero' to count them as zero"
        )
    lookup = {str(code): str(group) for code, group in groups.items()}
    group = counts[industry].astype(str).map(lookup).fillna(other).to_numpy(dtype=object)
    frame = pd.DataFrame(
        {region: counts[region].to_numpy(), "group": group, "value": np.nan_to_num(values)}
    )
    matrix = frame.pivot_table(
        index=region, columns="group", values="value", aggfunc="sum", fill_value=0.0
    )
    matrix = matrix.reindex(columns=[*labels, other], fill_value=0.0).sort_index()
    matrix.columns.name = "group"
    return matrix.astype(float)
