"""Location quotients of industries and clusters, and the regions x industries matrix.

References
----------
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies*
  37(6-7), 549-578.
- Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence, and
  economic performance. *Research Policy* 43(10), 1785-1799.
"""

from __future__ import annotations

import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
)
from clusternet.clusters._common import _aggregate, _check_counts, _cluster_employment

__all__ = [
    "long_to_matrix",
    "location_quotient",
    "aggregate_to_clusters",
    "cluster_location_quotient",
]


def long_to_matrix(table: pd.DataFrame, region: str, industry: str, value: str) -> pd.DataFrame:
    """Pivot a long (tidy) table into a regions x industries matrix of counts.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per region and industry.
    region, industry, value : str
        Column names. Missing region-industry pairs become 0.

    Returns
    -------
    pandas.DataFrame
        Regions as rows (sorted), industries as columns (sorted).

    Raises
    ------
    ValueError
        Missing columns, missing region or industry keys, duplicated region-industry
        pairs, negative values.
    TypeError
        Non-numeric values.

    Examples
    --------
    >>> t = pd.DataFrame({"r": ["A", "A", "B"], "i": ["x", "y", "x"], "n": [1, 2, 3]})
    >>> long_to_matrix(t, "r", "i", "n").to_dict()
    {'x': {'A': 1, 'B': 3}, 'y': {'A': 2, 'B': 0}}

    References
    ----------
    - EconGeo ``get_matrix`` (Balland, R package) does the same reshaping.
    """
    require_dataframe(table, "table")
    require_columns(table, [region, industry, value], "table")
    require_nonempty(table, "table")
    require_numeric_columns(table, "table", [value])
    require_nonnegative(table, "table", [value])
    for column in (region, industry):
        missing = table[column].isna()
        if missing.any():
            rows = format_items(table.index[missing].tolist())
            raise ValueError(
                f"table has {int(missing.sum())} row(s) with a missing {column!r} "
                f"(rows {rows}); every count needs its region and industry"
            )
    duplicated = table.duplicated([region, industry], keep=False)
    if duplicated.any():
        pairs = table.loc[duplicated, [region, industry]].drop_duplicates().itertuples(index=False)
        raise ValueError(
            f"table has duplicated (region, industry) pairs: {format_items(list(pairs))}"
        )
    matrix = table.pivot(index=region, columns=industry, values=value).fillna(0)
    matrix = matrix.sort_index().sort_index(axis=1)
    if pd.api.types.is_integer_dtype(table[value]):
        matrix = matrix.astype(table[value].dtype)
    matrix.index.name, matrix.columns.name = region, industry
    return matrix


def location_quotient(matrix: pd.DataFrame) -> pd.DataFrame:
    r"""Location quotient of every region and industry.

    .. math:: LQ_{ri} = \frac{E_{ri} / E_r}{E_i / E}

    the industry's share of the region's employment over its share of the reference
    economy's (all regions in ``matrix``) employment.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.

    Returns
    -------
    pandas.DataFrame
        Same shape and labels; 1 means the region has the reference share.

    Raises
    ------
    TypeError
        ``matrix`` is not a DataFrame or has non-numeric columns.
    ValueError
        Empty, negative or missing values, duplicated labels, or a region or industry
        with zero total (named in the message).

    Examples
    --------
    >>> m = pd.DataFrame({"a": [10, 30], "b": [30, 30]}, index=["r1", "r2"])
    >>> location_quotient(m).round(3).to_dict()
    {'a': {'r1': 0.625, 'r2': 1.25}, 'b': {'r1': 1.25, 'r2': 0.833}}

    References
    ----------
    - US Bureau of Economic Analysis, FAQ 478: what are location quotients?
    - Porter (2003), see module references.
    """
    values = _check_counts(matrix)  # a fresh array: scaled in place
    total = values.sum()
    industry_totals = values.sum(axis=0, keepdims=True)
    values /= values.sum(axis=1, keepdims=True)
    values *= total / industry_totals
    return pd.DataFrame(values, index=matrix.index, columns=matrix.columns, copy=False)


def aggregate_to_clusters(matrix: pd.DataFrame, mapping) -> pd.DataFrame:
    """Sum industry counts into clusters.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts. Industries (or regions) with zero
        totals are allowed here: summing is defined for them.
    mapping : dict or pandas.Series
        Industry -> cluster, covering every column of ``matrix`` (it may list more
        industries than the matrix has).

    Returns
    -------
    pandas.DataFrame
        Regions x clusters (clusters sorted), the sum of the member industries.

    Raises
    ------
    TypeError
        ``matrix`` is not a DataFrame of numbers, or ``mapping`` is not a dict/Series.
    ValueError
        Empty or negative counts, duplicated labels, an empty mapping, an industry
        mapped twice or to a missing value, or industries of ``matrix`` that the mapping
        does not assign (named in the message).

    Examples
    --------
    >>> m = pd.DataFrame({"a": [1, 2], "b": [3, 4], "c": [5, 6]}, index=["r1", "r2"])
    >>> aggregate_to_clusters(m, {"a": "X", "b": "X", "c": "Y"}).to_dict()
    {'X': {'r1': 4, 'r2': 6}, 'Y': {'r1': 5, 'r2': 6}}

    References
    ----------
    - Delgado, Porter and Stern (2016). Defining clusters of related industries.
      *Journal of Economic Geography* 16(1), 1-38.
    """
    return _aggregate(matrix, mapping)


def cluster_location_quotient(matrix: pd.DataFrame, mapping) -> pd.DataFrame:
    """Location quotient of every region and cluster (industries summed into clusters).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.
    mapping : dict or pandas.Series
        Industry -> cluster, covering every industry of ``matrix``.

    Returns
    -------
    pandas.DataFrame
        Regions x clusters. The reference economy is all regions and *all industries
        in* ``matrix``: pass the full table (traded and local industries) if the
        reference should be total employment, and a mapping covering every column.

    Raises
    ------
    TypeError, ValueError
        As ``aggregate_to_clusters`` and ``location_quotient`` (a region or a cluster
        with zero total is named).

    Examples
    --------
    >>> m = pd.DataFrame({"a": [10, 30], "b": [30, 30], "c": [60, 0]}, index=["r1", "r2"])
    >>> cluster_location_quotient(m, {"a": "X", "b": "X", "c": "Y"}).round(3).to_dict()
    {'X': {'r1': 0.64, 'r2': 1.6}, 'Y': {'r1': 1.6, 'r2': 0.0}}

    References
    ----------
    - Delgado, Porter and Stern (2014), see module references.
    """
    return location_quotient(_cluster_employment(matrix, mapping))
