"""Krackhardt's (1994) four graph dimensions of an informal organisation.

Connectedness, hierarchy, efficiency and least-upper-boundedness of a directed graph,
each 1 for an out-tree (the ideal organisation chart); networkx has none of them. The
kernels share one sparse reachability matrix, so ``krackhardt_measures`` computes all
four at the cost of one.

References
----------
- Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations. In
  Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from clusternet._graphs import adjacency_matrix, weak_components
from clusternet._validation import require_positive_int
from clusternet.hierarchy._common import check_directed, reachability

__all__ = [
    "krackhardt_connectedness",
    "krackhardt_hierarchy",
    "krackhardt_efficiency",
    "krackhardt_lub",
    "krackhardt_measures",
]


def krackhardt_connectedness(graph) -> float:
    """Krackhardt's connectedness: the share of pairs joined by a semipath.

    :math:`\\mathrm{Conn} = \\sum_k N_k (N_k - 1) / (N (N - 1))` over the weak components
    :math:`k` of sizes :math:`N_k`: 1 when every pair is linked ignoring direction, 0 when no
    tie exists.

    Parameters
    ----------
    graph : networkx.DiGraph
        A directed graph with at least 2 nodes. Self-loops are ignored.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph.
    ValueError
        Undirected graph, multigraph or fewer than 2 nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> krackhardt_connectedness(nx.DiGraph([(0, 1), (2, 3)]))
    0.3333333333333333

    References
    ----------
    - Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations.
      In Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
    """
    check_directed(graph, "graph")
    return _connectedness(weak_components(adjacency_matrix(graph)))


def _connectedness(labels: np.ndarray) -> float:
    sizes = np.bincount(labels).astype(float)
    n = float(labels.size)
    return float((sizes * (sizes - 1)).sum() / (n * (n - 1)))


def krackhardt_hierarchy(graph) -> float:
    """Krackhardt's hierarchy: the share of reachable pairs that are not mutually reachable.

    With :math:`R` the directed reachability of the graph, hierarchy is
    :math:`1 - \\#\\{i<j: R_{ij} = R_{ji} = 1\\} / \\#\\{i<j: R_{ij} = 1 \\lor R_{ji} = 1\\}`:
    1 for a tree (orders flow one way), 0 for a directed cycle or any strongly
    connected graph (everyone can reach everyone).

    Parameters
    ----------
    graph : networkx.DiGraph
        A directed graph with at least one arc between distinct nodes.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph.
    ValueError
        Undirected graph, multigraph, fewer than 2 nodes, or no arc (the share is 0/0).

    Examples
    --------
    >>> import networkx as nx
    >>> krackhardt_hierarchy(nx.DiGraph([(0, 1), (0, 2)]))
    1.0
    >>> krackhardt_hierarchy(nx.cycle_graph(4, create_using=nx.DiGraph))
    0.0

    References
    ----------
    - Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations.
      In Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
    """
    check_directed(graph, "graph")
    return _hierarchy(reachability(adjacency_matrix(graph)))


def _hierarchy(reach: np.ndarray) -> float:
    upper = np.triu_indices(reach.shape[0], k=1)  # the diagonal is left out
    forward, backward = reach[upper], reach.T[upper]
    linked = np.count_nonzero(forward | backward)
    if linked == 0:
        raise ValueError("graph has no arc between distinct nodes; hierarchy is undefined (0/0)")
    return float(1.0 - np.count_nonzero(forward & backward) / linked)


def krackhardt_efficiency(graph) -> float:
    """Krackhardt's efficiency: 1 minus the share of possible surplus arcs that are present.

    A weak component of :math:`N_k` nodes needs :math:`N_k - 1` arcs to hold together; efficiency is
    :math:`1 - (|E| - \\sum_k (N_k - 1)) / \\sum_k [N_k (N_k - 1) - (N_k - 1)]`, as in the R
    package ``sna`` since version 0.51. A tree scores 1, a complete digraph 0.

    Parameters
    ----------
    graph : networkx.DiGraph
        A directed graph with a weak component of at least 2 nodes. Self-loops are ignored.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph.
    ValueError
        Undirected graph, multigraph, or every component a single node (0/0).

    Examples
    --------
    >>> import networkx as nx
    >>> round(krackhardt_efficiency(nx.cycle_graph(6, create_using=nx.DiGraph)), 2)
    0.96

    References
    ----------
    - Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations.
      In Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
    - Butts, C. T. R package ``sna``, function ``efficiency``.
    """
    check_directed(graph, "graph")
    adjacency = adjacency_matrix(graph)
    return _efficiency(adjacency, weak_components(adjacency))


def _efficiency(adjacency: sp.csr_array, labels: np.ndarray) -> float:
    sizes = np.bincount(labels).astype(float)
    required = float((sizes - 1).sum())
    maximum = float((sizes * (sizes - 1) - (sizes - 1)).sum())
    if maximum == 0:
        raise ValueError(
            "graph has no weak component with 2 or more nodes; efficiency is undefined (0/0)"
        )
    return float(1.0 - (adjacency.nnz - required) / maximum)


def krackhardt_lub(graph, *, chunk_size: int = 64) -> float:
    """Krackhardt's least-upper-boundedness: the share of pairs that have a common boss.

    An upper bound of a pair is a node that reaches both (a node reaches itself); the
    least upper bound is an upper bound that every other upper bound reaches. LUB is
    :math:`1 - V / \\sum_k (N_k - 1)(N_k - 2) / 2`, where :math:`V` counts the pairs inside weak
    components that lack a least upper bound: 1 for an out-tree (any two people share a
    boss who can settle their conflicts), 0 for an in-star.

    Parameters
    ----------
    graph : networkx.DiGraph
        A directed graph with a weak component of at least 3 nodes.
    chunk_size : int
        Most rows of the pairwise check processed at once (fewer when a block would pass
        128 MB; memory is about ``4 * chunk_size * n**2`` bytes for a component of ``n``).

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph.
    ValueError
        Undirected graph, multigraph, no weak component with 3 or more nodes, or a weak
        component of more than ``MAX_LUB_CHECK_NODES`` (3,000) nodes that is not a tree once
        its cycles are merged.

    Notes
    -----
    A component that is an out-tree once each strongly connected component is merged
    into one node (an organisation chart, possibly with cycles inside units) has a least
    upper bound for every pair, its lowest common unit, so it is scored without a pairwise
    check: linear time at any size. Other components are checked pair by pair, in
    ``n**3`` steps.

    Examples
    --------
    >>> import networkx as nx
    >>> krackhardt_lub(nx.balanced_tree(2, 3, create_using=nx.DiGraph))
    1.0
    >>> krackhardt_lub(nx.DiGraph([(1, 0), (2, 0), (3, 0)]))
    0.0

    References
    ----------
    - Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations.
      In Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
    """
    check_directed(graph, "graph")
    chunk_size = require_positive_int(chunk_size, "chunk_size")
    adjacency = adjacency_matrix(graph)
    return _lub(adjacency, weak_components(adjacency), chunk_size=chunk_size)


#: Largest weak component whose least upper bounds are checked pair by pair (the check
#: takes ``n**3`` steps: about 30 s at this size on a laptop). Components that are trees
#: once their cycles are merged need no check and have no limit.
MAX_LUB_CHECK_NODES = 3000
#: Working memory of one block of the pairwise check, in bytes.
_LUB_BLOCK_BYTES = 128 * 2**20


def _tree_like_components(adjacency: sp.csr_array, labels: np.ndarray) -> np.ndarray:
    """Weak-component labels whose condensation is an out-tree (every pair has a LUB).

    Merge each strongly connected component into one node; when no merged node has arcs
    from two different merged nodes, the component is an out-tree of strong components.
    Any two people then have their lowest common strong component as least upper bound:
    every common upper bound reaches it. So such a component has no violations.
    """
    strong = connected_components(adjacency, directed=True, connection="strong")[1]
    coo = adjacency.tocoo()
    source, target = strong[coo.row], strong[coo.col]
    cross = source != target
    arcs = np.unique(np.stack([source[cross], target[cross]]), axis=1)
    parents = np.bincount(arcs[1], minlength=strong.max() + 1)
    multi_parent = np.zeros(labels.max() + 1, dtype=bool)
    np.logical_or.at(multi_parent, labels, parents[strong] > 1)
    return np.flatnonzero(~multi_parent)


def _lub_violations(reach: np.ndarray, chunk_size: int) -> int:
    """Pairs of one weak component (reachability ``reach``) without a least upper bound."""
    size = reach.shape[0]
    ancestors = reach.sum(axis=0)  # nodes that reach u, including u
    reach32 = reach.astype(np.float32)
    common = np.rint(reach32.T @ reach32).astype(np.int32)  # exact: counts below 2**24
    weighted = np.where(reach, ancestors[:, None], 0).astype(np.int32)
    best = np.zeros((size, size), dtype=np.int32)
    rows = max(1, min(chunk_size, _LUB_BLOCK_BYTES // (4 * size * size)))
    for start in range(0, size, rows):
        block = weighted[start : start + rows]
        np.maximum(best, np.minimum(block[:, :, None], block[:, None, :]).max(axis=0), out=best)
    has_lub = (common > 0) & (best == common)
    upper = np.triu_indices(size, k=1)
    return int(np.count_nonzero(~has_lub[upper]))


def _lub(
    adjacency: sp.csr_array, labels: np.ndarray, reach_all=None, chunk_size: int = 64
) -> float:
    """LUB over the weak components; ``reach_all`` is computed only if a component needs it."""
    sizes = np.bincount(labels)
    maximum = float(((sizes - 1) * (sizes - 2) / 2)[sizes >= 3].sum())
    if maximum == 0:
        raise ValueError(
            "graph has no weak component with 3 or more nodes; least-upper-boundedness is undefined"
        )
    to_check = np.setdiff1d(np.flatnonzero(sizes >= 3), _tree_like_components(adjacency, labels))
    too_big = [int(sizes[label]) for label in to_check if sizes[label] > MAX_LUB_CHECK_NODES]
    if too_big:
        raise ValueError(
            f"graph has a weak component of {max(too_big):,} nodes that is not a tree once its "
            "cycles are merged; checking its least upper bounds takes n**3 steps and is limited "
            f"to {MAX_LUB_CHECK_NODES:,} nodes (clusternet.hierarchy.krackhardt."
            "MAX_LUB_CHECK_NODES); measure a smaller network or its units separately"
        )
    violations = 0
    for label in to_check:
        members = np.flatnonzero(labels == label)
        if reach_all is None:
            reach = reachability(adjacency[members][:, members])
        else:
            reach = reach_all[np.ix_(members, members)]
        violations += _lub_violations(reach, chunk_size)
    return float(1.0 - violations / maximum)


def krackhardt_measures(graph) -> dict[str, float]:
    """Krackhardt's four dimensions of a directed graph; each is 1 for an out-tree.

    Parameters
    ----------
    graph : networkx.DiGraph
        A directed graph with a weak component of at least 3 nodes and at least one arc.

    Returns
    -------
    dict
        ``connectedness, hierarchy, efficiency, lub`` (floats in [0, 1]).

    Raises
    ------
    TypeError, ValueError
        As ``krackhardt_lub`` and ``krackhardt_hierarchy``.

    Examples
    --------
    >>> import networkx as nx
    >>> tree = nx.balanced_tree(3, 2, create_using=nx.DiGraph)
    >>> krackhardt_measures(tree)
    {'connectedness': 1.0, 'hierarchy': 1.0, 'efficiency': 1.0, 'lub': 1.0}

    References
    ----------
    - Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations.
      In Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
    """
    check_directed(graph, "graph")
    adjacency = adjacency_matrix(graph)
    labels = weak_components(adjacency)
    reach = reachability(adjacency)
    return {
        "connectedness": _connectedness(labels),
        "hierarchy": _hierarchy(reach),
        "efficiency": _efficiency(adjacency, labels),
        "lub": _lub(adjacency, labels, reach),
    }
