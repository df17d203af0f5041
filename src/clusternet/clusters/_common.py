"""Private checks and kernels shared by the files of :mod:`clusternet.clusters`.

Every measure works on a regions x industries table of non-negative counts (a DataFrame
with regions as rows and industries as columns) and groups industries into clusters with a
*mapping* (a dict or Series, industry -> cluster). The checks here validate those inputs
once, with messages that name the offending labels.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from clusternet._validation import (
    format_items,
    require_dataframe,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
)


def _float_copy(frame: pd.DataFrame) -> np.ndarray:
    """The values of ``frame`` as a new float array (missing values of nullable dtypes -> NaN)."""
    if any(isinstance(d, pd.api.extensions.ExtensionDtype) for d in set(frame.dtypes.tolist())):
        return frame.to_numpy(dtype=float, na_value=np.nan)
    return frame.to_numpy(dtype=float, copy=True)


def _check_counts(matrix, name: str = "matrix", *, allow_zero_totals: bool = False) -> np.ndarray:
    """Validate a regions x industries table of counts; return it as a float array."""
    require_dataframe(matrix, name)
    require_nonempty(matrix, name)
    require_numeric_columns(matrix, name)
    values = _float_copy(matrix)
    if not (values >= 0).all() or not np.isfinite(values.sum()):  # NaN fails >= 0
        require_nonnegative(matrix, name)  # names the offending columns
    if matrix.index.has_duplicates:
        raise ValueError(
            f"{name} has duplicated region labels: {format_items(matrix.index[matrix.index.duplicated()])}"
        )
    if matrix.columns.has_duplicates:
        raise ValueError(
            f"{name} has duplicated industry labels: {format_items(matrix.columns[matrix.columns.duplicated()])}"
        )
    if not allow_zero_totals:
        region_totals, industry_totals = values.sum(axis=1), values.sum(axis=0)
        if (region_totals == 0).any():
            raise ValueError(
                f"{name} has regions with zero total: {format_items(matrix.index[region_totals == 0])}"
            )
        if (industry_totals == 0).any():
            raise ValueError(
                f"{name} has industries with zero total: {format_items(matrix.columns[industry_totals == 0])}"
            )
    return values


def _check_mapping(mapping, name: str = "mapping") -> pd.Series:
    """Return ``mapping`` (dict or Series, industry -> cluster) as a Series."""
    if isinstance(mapping, dict):
        series = pd.Series(mapping, dtype=object)
    elif isinstance(mapping, pd.Series):
        series = mapping
    else:
        raise TypeError(
            f"{name} must be a dict or pandas Series (industry -> cluster), got {type(mapping).__name__}"
        )
    if series.empty:
        raise ValueError(f"{name} is empty; it must assign every industry to a cluster")
    if series.index.has_duplicates:
        dup = series.index[series.index.duplicated()].unique()
        raise ValueError(f"{name} assigns some industries more than once: {format_items(dup)}")
    if series.isna().any():
        raise ValueError(
            f"{name} leaves industries without a cluster (missing value): {format_items(series.index[series.isna()])}"
        )
    return series


def _cluster_codes(matrix: pd.DataFrame, mapping, name: str = "mapping") -> pd.Series:
    """Cluster of each column of ``matrix``; error naming the unassigned industries."""
    series = _check_mapping(mapping, name)
    missing = [c for c in matrix.columns if c not in series.index]
    if missing:
        raise ValueError(
            f"{name} leaves {len(missing)} industries of the matrix unassigned: {format_items(missing)}"
        )
    return series.reindex(matrix.columns)


def _membership(clusters: pd.Series) -> tuple[np.ndarray, pd.Index, np.ndarray]:
    """One-hot industries x clusters matrix, the cluster labels and each column's cluster index."""
    codes, labels = pd.factorize(clusters, sort=True)
    member = np.zeros((len(codes), len(labels)))
    member[np.arange(len(codes)), codes] = 1.0
    return member, pd.Index(labels, name="cluster"), codes


def _aggregate(matrix: pd.DataFrame, mapping) -> pd.DataFrame:
    """Regions x clusters sums of ``matrix`` (checked; zero totals allowed)."""
    values = _check_counts(matrix, allow_zero_totals=True)
    clusters = _cluster_codes(matrix, mapping)
    member, labels, _ = _membership(clusters)
    summed = values @ member  # exact for counts below 2**53
    integer = all(pd.api.types.is_integer_dtype(d) for d in matrix.dtypes)
    return pd.DataFrame(
        summed.astype(np.int64) if integer else summed,
        index=matrix.index.copy(),
        columns=pd.Index(labels, name="cluster"),
    )


def _cluster_employment(matrix: pd.DataFrame, mapping) -> pd.DataFrame:
    """Aggregate to clusters; name clusters with zero totals (empty industries are fine)."""
    summed = _aggregate(matrix, mapping)
    empty = summed.sum(axis=0) == 0
    if empty.any():
        raise ValueError(
            f"matrix has clusters with zero total: {format_items(summed.columns[empty])}"
        )
    return summed


def _check_square(table, name: str, labels: pd.Index, what: str) -> np.ndarray:
    """Align a square labelled table to ``labels``; return its values."""
    require_dataframe(table, name)
    require_nonempty(table, name)
    require_numeric_columns(table, name)
    if table.index.equals(labels) and table.columns.equals(labels):
        values = table.to_numpy()
        if values.dtype.kind not in "iu":
            values = _float_copy(table)
            if not np.isfinite(values).all():
                require_nonnegative(table, name)
        if (values < 0).any():
            require_nonnegative(table, name)
        return values
    require_nonnegative(table, name)
    if table.index.has_duplicates or table.columns.has_duplicates:
        raise ValueError(f"{name} has duplicated labels; each {what} must appear once per axis")
    if set(table.index) != set(table.columns):
        raise ValueError(
            f"{name} must be square with the same {what}s as rows and columns; rows not in columns: "
            f"{format_items(sorted(set(table.index) - set(table.columns), key=str))}, columns not in rows: "
            f"{format_items(sorted(set(table.columns) - set(table.index), key=str))}"
        )
    missing = [label for label in labels if label not in table.index]
    if missing:
        raise ValueError(
            f"{name} lacks {len(missing)} {what}(s) of the matrix: {format_items(missing)}"
        )
    return _float_copy(table.loc[labels, labels])


def _excluding_own_values(matrix: pd.DataFrame, mapping) -> np.ndarray:
    """Cluster specialisation excluding the own industry; NaN where undefined."""
    values = _check_counts(matrix)
    clusters = _cluster_codes(matrix, mapping)
    member, _, codes = _membership(clusters)
    cluster_employment = values @ member  # regions x clusters
    region_totals = values.sum(axis=1, keepdims=True)
    total = values.sum()
    rest = cluster_employment[:, codes]
    rest -= values  # regions x industries: the cluster without the industry
    rest_national = rest.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        rest /= region_totals
        rest *= total / rest_national
    rest[:, rest_national.ravel() == 0] = np.nan
    return rest


def _related_values(matrix: pd.DataFrame, mapping, relatedness) -> tuple[np.ndarray, pd.Index]:
    values = _check_counts(matrix)
    clusters = _cluster_codes(matrix, mapping)
    member, labels, _ = _membership(clusters)
    weights = np.array(_check_square(relatedness, "relatedness", labels, "cluster"), dtype=float)
    np.fill_diagonal(weights, 0.0)
    cluster_employment = values @ member
    related = cluster_employment @ weights.T  # regions x clusters
    related_national = related.sum(axis=0, keepdims=True)
    region_totals = values.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (related / region_totals) / (related_national / values.sum())
    out[:, related_national.ravel() == 0] = np.nan
    return out, labels


def _check_adjacency(adjacency, regions: pd.Index):
    """Validate a square, symmetric, zero-diagonal adjacency; return it as a sparse matrix."""
    if sparse.issparse(adjacency):
        n = len(regions)
        if adjacency.shape != (n, n):
            raise ValueError(
                f"adjacency (a sparse matrix) must be {n} x {n}, one row and column per region of the "
                f"matrix in its order, got shape {adjacency.shape}"
            )
        weights = sparse.csr_matrix(adjacency, dtype=float)
        if not np.isfinite(weights.data).all() or (weights.data < 0).any():
            raise ValueError("adjacency has negative, infinite or missing weights")
    else:
        weights = sparse.csr_matrix(
            _check_square(adjacency, "adjacency", regions, "region"), dtype=float
        )
    asymmetric = weights != weights.T
    if asymmetric.nnz:
        rows, cols = asymmetric.nonzero()
        pairs = [(regions[i], regions[j]) for i, j in zip(rows, cols, strict=True) if i < j]
        raise ValueError(
            f"adjacency is not symmetric; these pairs differ by direction: {format_items(pairs)}"
        )
    diagonal = weights.diagonal()
    if diagonal.any():
        raise ValueError(
            f"adjacency lists regions as their own neighbours: {format_items(regions[diagonal != 0])}"
        )
    return weights


def _neighbour_values(
    matrix: pd.DataFrame, mapping, adjacency
) -> tuple[np.ndarray, pd.Index, np.ndarray]:
    values = _check_counts(matrix)
    clusters = _cluster_codes(matrix, mapping)
    member, labels, _ = _membership(clusters)
    weights = _check_adjacency(adjacency, matrix.index)
    cluster_employment = values @ member
    neighbour_cluster = np.asarray(weights @ cluster_employment)
    neighbour_total = np.asarray(weights @ values.sum(axis=1, keepdims=True))
    national_share = cluster_employment.sum(axis=0, keepdims=True) / values.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (neighbour_cluster / neighbour_total) / national_share
    isolated = neighbour_total.ravel() == 0
    out[isolated, :] = np.nan
    return out, labels, isolated
