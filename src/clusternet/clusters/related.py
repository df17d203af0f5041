"""Delgado-Porter-Stern cluster strength: the rest of the own cluster, related clusters, neighbours.

References
----------
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies*
  37(6-7), 549-578.
- Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence, and
  economic performance. *Research Policy* 43(10), 1785-1799.
- Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of related
  industries. *Journal of Economic Geography* 16(1), 1-38.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_nonempty,
)
from clusternet.clusters._common import (
    _excluding_own_values,
    _neighbour_values,
    _related_values,
)

__all__ = [
    "cluster_specialisation_excluding_own",
    "related_cluster_strength",
    "neighbour_cluster_strength",
    "adjacency_from_pairs",
]


def cluster_specialisation_excluding_own(matrix: pd.DataFrame, mapping) -> pd.DataFrame:
    r"""Specialisation of each industry's cluster in each region, without the industry itself.

    .. math:: CS_{ri} = \frac{(E_{r,c(i)} - E_{ri}) / E_r}{(E_{c(i)} - E_i) / E}

    the location quotient of the *rest* of industry :math:`i`'s cluster :math:`c(i)`.
    Leaving the own industry out avoids a mechanical link between an industry's own
    specialisation and its cluster's, as Delgado, Porter and Stern (2014) do (that they
    exclude exactly the own industry is our reading; papers.md 1.4 marks the detail
    UNVERIFIED).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.
    mapping : dict or pandas.Series
        Industry -> cluster, covering every industry of ``matrix``.

    Returns
    -------
    pandas.DataFrame
        Regions x industries; 0 where the region has no other employment in the cluster.

    Raises
    ------
    TypeError, ValueError
        As ``location_quotient`` and ``aggregate_to_clusters``; also when an industry
        is alone in its cluster (or the rest of its cluster has no employment anywhere),
        so that the measure is undefined: those industries are named.

    Examples
    --------
    >>> m = pd.DataFrame({"a": [10, 30], "b": [30, 30], "c": [60, 0]}, index=["r1", "r2"])
    >>> cluster_specialisation_excluding_own(m, {"a": "X", "b": "X", "c": "X"}).round(3).to_dict()
    {'a': {'r1': 1.2, 'r2': 0.667}, 'b': {'r1': 1.12, 'r2': 0.8}, 'c': {'r1': 0.64, 'r2': 1.6}}

    References
    ----------
    - Delgado, Porter and Stern (2014), see module references.
    """
    out = _excluding_own_values(matrix, mapping)
    undefined = np.isnan(out).any(axis=0)
    if undefined.any():
        raise ValueError(
            "the rest of the cluster has no employment (the industry is alone in its cluster) for "
            f"industries {format_items(matrix.columns[undefined])}; drop them or merge their clusters"
        )
    return pd.DataFrame(out, index=matrix.index, columns=matrix.columns, copy=False)


def related_cluster_strength(
    matrix: pd.DataFrame, mapping, relatedness: pd.DataFrame
) -> pd.DataFrame:
    r"""Specialisation of each region in the clusters *related* to each cluster.

    .. math:: RCS_{rc} = \frac{\sum_{c' \ne c} w_{cc'} E_{rc'} / E_r}{\sum_{c' \ne c} w_{cc'} E_{c'} / E}

    the location quotient of the relatedness-weighted employment of the other clusters.
    With 0/1 weights it is the location quotient of the union of the related clusters.
    Delgado, Porter and Stern (2014) use the strength of related clusters in the region;
    this exact form is our construction (papers.md 1.4: the detail is UNVERIFIED).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.
    mapping : dict or pandas.Series
        Industry -> cluster, covering every industry of ``matrix``.
    relatedness : pandas.DataFrame
        Clusters x clusters, non-negative weights (1 = related, 0 = not, or a strength);
        rows are the cluster whose strength is measured. The diagonal is ignored. It may
        list clusters that ``matrix`` does not have.

    Returns
    -------
    pandas.DataFrame
        Regions x clusters.

    Raises
    ------
    TypeError, ValueError
        As ``aggregate_to_clusters``; a relatedness table that is not square, has
        negative or missing weights or lacks clusters of the mapping; clusters with no
        related cluster with employment (named).

    Examples
    --------
    >>> m = pd.DataFrame({"a": [10, 30], "b": [30, 30], "c": [60, 0]}, index=["r1", "r2"])
    >>> w = pd.DataFrame([[0, 1, 0], [1, 0, 1], [0, 1, 0]], index=list("XYZ"), columns=list("XYZ"))
    >>> related_cluster_strength(m, {"a": "X", "b": "Y", "c": "Z"}, w).round(3).to_dict()
    {'X': {'r1': 0.8, 'r2': 1.333}, 'Y': {'r1': 1.12, 'r2': 0.8}, 'Z': {'r1': 0.8, 'r2': 1.333}}

    References
    ----------
    - Delgado, Porter and Stern (2014, 2016), see module references.
    """
    out, labels = _related_values(matrix, mapping, relatedness)
    undefined = np.isnan(out).any(axis=0)
    if undefined.any():
        raise ValueError(
            f"clusters {format_items(labels[undefined])} have no related cluster with employment "
            "(their row of relatedness is all zero, or the related clusters are empty)"
        )
    return pd.DataFrame(out, index=matrix.index, columns=labels, copy=False)


def neighbour_cluster_strength(
    matrix: pd.DataFrame, mapping, adjacency: pd.DataFrame
) -> pd.DataFrame:
    r"""Specialisation of each region's neighbours, taken together, in each cluster.

    .. math:: NCS_{rc} = \frac{\sum_{s} a_{rs} E_{sc} / \sum_{s} a_{rs} E_s}{E_c / E}

    the location quotient of cluster :math:`c` in the combined economy of the regions
    adjacent to :math:`r` (weights :math:`a_{rs}`), the "same cluster in neighbouring
    regions" term of Delgado, Porter and Stern (2014) (exact form UNVERIFIED, papers.md
    1.4).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.
    mapping : dict or pandas.Series
        Industry -> cluster, covering every industry of ``matrix``.
    adjacency : pandas.DataFrame or scipy sparse matrix
        Regions x regions, symmetric, non-negative (1 = neighbours), zero diagonal. A
        DataFrame is matched to ``matrix`` by label and must cover every region (extra
        regions are ignored); build one from a list of pairs with
        ``adjacency_from_pairs``. A sparse matrix (cheaper for thousands of regions) must
        have one row and column per region in the order of ``matrix.index``.

    Returns
    -------
    pandas.DataFrame
        Regions x clusters.

    Raises
    ------
    TypeError, ValueError
        As ``aggregate_to_clusters``; an adjacency that is not square, not symmetric (the
        offending pairs are named), has a non-zero diagonal or lacks regions; regions
        with no neighbour with employment (named: drop them, e.g. Alaska and Hawaii).

    Examples
    --------
    >>> m = pd.DataFrame({"a": [10, 30, 20], "b": [30, 30, 20]}, index=["r1", "r2", "r3"])
    >>> adj = adjacency_from_pairs(pd.DataFrame({"x": ["r1", "r2"], "y": ["r2", "r3"]}), "x", "y")
    >>> neighbour_cluster_strength(m, {"a": "A", "b": "B"}, adj).round(3).to_dict()
    {'A': {'r1': 1.167, 'r2': 0.875, 'r3': 1.167}, 'B': {'r1': 0.875, 'r2': 1.094, 'r3': 0.875}}

    References
    ----------
    - Delgado, Porter and Stern (2014), see module references.
    """
    out, labels, isolated = _neighbour_values(matrix, mapping, adjacency)
    if isolated.any():
        raise ValueError(
            f"regions {format_items(matrix.index[isolated])} have no neighbour with employment in the "
            "adjacency; the neighbouring-cluster measure is undefined for them (drop them)"
        )
    return pd.DataFrame(out, index=matrix.index, columns=labels, copy=False)


def adjacency_from_pairs(
    pairs: pd.DataFrame, first: str, second: str, *, regions=None
) -> pd.DataFrame:
    """Build a symmetric 0/1 adjacency matrix from a table of neighbouring pairs.

    Parameters
    ----------
    pairs : pandas.DataFrame
        One row per pair of neighbours; each pair may appear in either or both orders.
    first, second : str
        The two columns holding region labels.
    regions : sequence, optional
        All regions, including those with no neighbours (islands such as Hawaii).
        Default: the regions that appear in ``pairs``.

    Returns
    -------
    pandas.DataFrame
        Regions x regions (sorted), 1 for neighbours, 0 otherwise, zero diagonal.

    Raises
    ------
    TypeError
        ``pairs`` is not a DataFrame.
    ValueError
        Missing columns, empty table, missing labels, a region paired with itself, or
        pairs naming regions not in ``regions``.

    Examples
    --------
    >>> p = pd.DataFrame({"a": ["WA", "OR"], "b": ["OR", "ID"]})
    >>> adjacency_from_pairs(p, "a", "b", regions=["HI", "ID", "OR", "WA"]).loc["OR"].to_dict()
    {'HI': 0, 'ID': 1, 'OR': 0, 'WA': 1}

    References
    ----------
    - Anselin, L. (1988). *Spatial Econometrics: Methods and Models*. Kluwer
      (contiguity weights).
    """
    require_dataframe(pairs, "pairs")
    require_columns(pairs, [first, second], "pairs")
    require_nonempty(pairs, "pairs")
    if pairs[[first, second]].isna().any().any():
        raise ValueError("pairs has missing region labels")
    a, b = pairs[first].to_numpy(), pairs[second].to_numpy()
    loops = a == b
    if loops.any():
        raise ValueError(
            f"pairs pairs regions with themselves: {format_items(pd.unique(a[loops]))}"
        )
    labels = pd.Index(
        sorted(set(a) | set(b), key=str) if regions is None else sorted(regions, key=str)
    )
    if labels.has_duplicates:
        raise ValueError(
            f"regions lists some regions twice: {format_items(labels[labels.duplicated()])}"
        )
    unknown = sorted((set(a) | set(b)) - set(labels), key=str)
    if unknown:
        raise ValueError(f"pairs names regions that are not in regions: {format_items(unknown)}")
    i, j = labels.get_indexer(a), labels.get_indexer(b)
    weights = np.zeros((len(labels), len(labels)), dtype=int)
    weights[i, j] = 1
    weights[j, i] = 1
    return pd.DataFrame(weights, index=labels, columns=labels)
