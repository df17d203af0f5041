"""Centralisation: Freeman's index and the top tier's share of shortest paths.

Both ask how much a network depends on a few people: Freeman's (1979) degree and
betweenness centralisation compare the most central person with everyone else, and
``top_tier_path_share`` measures the share of shortest information paths between everyone
else that pass through a given top tier (the group betweenness of Everett and Borgatti
1999, divided by the number of connected pairs).

References
----------
- Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
  *Social Networks* 1(3), 215-239.
- Everett, M. G. and Borgatti, S. P. (1999). The centrality of groups and classes.
  *Journal of Mathematical Sociology* 23(3), 181-201.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import scipy.sparse as sp

from clusternet._graphs import adjacency_matrix
from clusternet._validation import format_items, require_graph, require_in

__all__ = ["freeman_centralisation", "top_tier_path_share"]


def freeman_centralisation(graph, measure: str = "degree") -> float:
    """Freeman's centralisation: how far one person dominates, compared with a star.

    :math:`C = \\sum_i (c_{\\max} - c_i) / \\max_G \\sum_i (c_{\\max} - c_i)`, where the maximum is
    reached by a star of the same size: :math:`(n-1)(n-2)` for raw degree and :math:`n - 1` for
    betweenness normalised to [0, 1]. Ties are treated as undirected (a tie in either
    direction counts once).

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        At least 3 nodes and one tie.
    measure : {"degree", "betweenness"}
        Which centrality to centralise.

    Returns
    -------
    float
        1 for a star, 0 when everyone is equally central.

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph.
    ValueError
        Fewer than 3 nodes, no tie, a multigraph or an unknown ``measure``.

    Examples
    --------
    >>> import networkx as nx
    >>> freeman_centralisation(nx.star_graph(5))
    1.0
    >>> freeman_centralisation(nx.cycle_graph(6), "betweenness")
    0.0

    References
    ----------
    - Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
      *Social Networks* 1(3), 215-239.
    """
    require_graph(graph, "graph", min_nodes=3, require_edges=True, simple=True)
    require_in(measure, ("degree", "betweenness"), "measure")
    undirected = nx.Graph(graph)
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    n = undirected.number_of_nodes()
    if measure == "degree":
        values = np.array([d for _, d in undirected.degree()], dtype=float)
        denominator = (n - 1) * (n - 2)
    else:
        values = np.array(list(nx.betweenness_centrality(undirected, normalized=True).values()))
        denominator = n - 1
    return float(np.clip((values.max() - values).sum() / denominator, 0.0, 1.0))


def _shortest_path_counts(adjacency: sp.csr_array):
    """Distance and number of shortest paths between every pair (breadth-first by layers).

    Uses sparse products only: a small dense BLAS product can stall for tens of
    milliseconds when the cores are busy, a sparse one cannot.
    """
    n = adjacency.shape[0]
    distance = np.full((n, n), np.inf)
    count = np.zeros((n, n))
    np.fill_diagonal(distance, 0.0)
    np.fill_diagonal(count, 1.0)
    transposed = sp.csr_array(adjacency.T, dtype=float)
    frontier = np.eye(n)  # number of shortest paths of the current length
    for length in range(1, n):
        walks = (transposed @ frontier.T).T
        new = np.isinf(distance) & (walks > 0)
        if not new.any():
            break
        distance[new] = length
        count[new] = walks[new]
        frontier = np.where(new, walks, 0.0)
    return distance, count


def top_tier_path_share(graph, top_nodes: Iterable) -> float:
    """Share of shortest information paths between non-top people that pass through the top.

    For every pair :math:`s, t` outside the top tier :math:`T` that is connected, the share of its
    shortest paths with an intermediate node in :math:`T` is
    :math:`1 - \\sigma^{G - T}_{st} [d^{G-T}_{st} = d_{st}] / \\sigma_{st}`; the result is the mean over such pairs (the
    group betweenness of :math:`T` divided by the number of connected pairs). Ties are treated
    as two-way channels.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        The network (directed graphs are symmetrised).
    top_nodes : iterable
        The nodes of the top tier; all must be in ``graph``, and at least two other
        nodes must remain.

    Returns
    -------
    float
        In [0, 1]: 1 when every path between the rest runs through the top (a star with
        the top at its centre), 0 when none does.

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph.
    ValueError
        Empty graph, a multigraph, an empty or unknown top tier, fewer than 2 other
        nodes, or no connected pair outside the top tier.

    Examples
    --------
    >>> import networkx as nx
    >>> top_tier_path_share(nx.star_graph(4), [0])
    1.0
    >>> top_tier_path_share(nx.cycle_graph(4), [0])
    0.16666666666666666

    References
    ----------
    - Everett, M. G. and Borgatti, S. P. (1999). The centrality of groups and classes.
      *Journal of Mathematical Sociology* 23(3), 181-201.
    """
    require_graph(graph, "graph", min_nodes=3, simple=True)
    if isinstance(top_nodes, str | bytes) or not isinstance(top_nodes, Iterable):
        raise TypeError(f"top_nodes must be an iterable of nodes, got {type(top_nodes).__name__}")
    top = list(dict.fromkeys(top_nodes))
    if not top:
        raise ValueError("top_nodes is empty; name at least one node of the top tier")
    unknown = [v for v in top if v not in graph]
    if unknown:
        raise ValueError(f"top_nodes has node(s) not in graph: {format_items(unknown)}")
    nodes = list(graph.nodes)
    is_top = np.isin(np.arange(len(nodes)), [nodes.index(v) for v in top])
    rest = np.flatnonzero(~is_top)
    if rest.size < 2:
        raise ValueError("fewer than 2 nodes lie outside top_nodes; there are no paths to share")
    adjacency = adjacency_matrix(graph, nodes, symmetric=True)
    distance, count = _shortest_path_counts(adjacency)
    keep = sp.diags_array((~is_top).astype(float))
    reduced = sp.csr_array(keep @ adjacency @ keep)
    distance_without, count_without = _shortest_path_counts(reduced)
    sub = np.ix_(rest, rest)
    d, c = distance[sub], count[sub]
    d_without, c_without = distance_without[sub], count_without[sub]
    upper = np.triu_indices(rest.size, k=1)
    connected = np.isfinite(d[upper])
    if not connected.any():
        raise ValueError("no pair of nodes outside top_nodes is connected; the share is 0/0")
    avoiding = np.where(d_without[upper] == d[upper], c_without[upper], 0.0)
    through = 1.0 - avoiding[connected] / c[upper][connected]
    return float(np.clip(through.mean(), 0.0, 1.0))
