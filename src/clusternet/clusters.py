"""Clusters: location quotients, cluster strength and the Delgado-Porter-Stern evidence.

Functions work on a regions x industries table of non-negative counts (a DataFrame with
regions as rows and industries as columns), vectorised with NumPy.

References
----------
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies*
  37(6-7), 549-578.
- Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence, and
  economic performance. *Research Policy* 43(10), 1785-1799.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
)

__all__ = ["long_to_matrix", "location_quotient"]


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
        Missing columns, duplicated region-industry pairs, negative values.
    TypeError
        Non-numeric values.

    Examples
    --------
    >>> t = pd.DataFrame({"r": ["A", "A", "B"], "i": ["x", "y", "x"], "n": [1, 2, 3]})
    >>> long_to_matrix(t, "r", "i", "n").to_dict()
    {'x': {'A': 1, 'B': 3}, 'y': {'A': 2, 'B': 0}}
    """
    require_dataframe(table, "table")
    require_columns(table, [region, industry, value], "table")
    require_nonempty(table, "table")
    require_numeric_columns(table, "table", [value])
    require_nonnegative(table, "table", [value])
    duplicated = table.duplicated([region, industry], keep=False)
    if duplicated.any():
        pairs = table.loc[duplicated, [region, industry]].drop_duplicates().itertuples(index=False)
        raise ValueError(f"table has duplicated (region, industry) pairs: {format_items(list(pairs))}")
    matrix = table.pivot(index=region, columns=industry, values=value).fillna(0)
    matrix = matrix.sort_index().sort_index(axis=1)
    if pd.api.types.is_integer_dtype(table[value]):
        matrix = matrix.astype(table[value].dtype)
    matrix.index.name, matrix.columns.name = region, industry
    return matrix


def _check_matrix(matrix: pd.DataFrame, name: str = "matrix") -> np.ndarray:
    require_dataframe(matrix, name)
    require_nonempty(matrix, name)
    require_numeric_columns(matrix, name)
    require_nonnegative(matrix, name)
    values = matrix.to_numpy(dtype=float)
    region_totals, industry_totals = values.sum(axis=1), values.sum(axis=0)
    if (region_totals == 0).any():
        raise ValueError(f"{name} has regions with zero total: {format_items(matrix.index[region_totals == 0])}")
    if (industry_totals == 0).any():
        raise ValueError(
            f"{name} has industries with zero total: {format_items(matrix.columns[industry_totals == 0])}"
        )
    return values


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
        Empty, negative or missing values, or a region or industry with zero total
        (named in the message).

    Examples
    --------
    >>> m = pd.DataFrame({"a": [10, 30], "b": [30, 30]}, index=["r1", "r2"])
    >>> location_quotient(m).round(3).to_dict()
    {'a': {'r1': 0.625, 'r2': 1.25}, 'b': {'r1': 1.25, 'r2': 0.833}}

    References
    ----------
    - Porter (2003), see module references.
    """
    values = _check_matrix(matrix)
    total = values.sum()
    share_in_region = values / values.sum(axis=1, keepdims=True)
    share_in_economy = values.sum(axis=0, keepdims=True) / total
    return pd.DataFrame(share_in_region / share_in_economy, index=matrix.index, columns=matrix.columns)
