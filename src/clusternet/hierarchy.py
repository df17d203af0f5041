"""Hierarchy versus heterarchy (Mulder): measures, a continuum generator, diffusion, robustness.

Mulder (1999) argues that a system of interdependent, diverse connections is stable, but
that stability hardens into a hierarchy of specialised layers that limits the flow of
information and concentrates power at the top, while a heterarchy spreads connections
across levels and can reconfigure. This module turns that argument into measurements:

- Krackhardt's (1994) four dimensions of a directed graph (``krackhardt_measures``:
  connectedness, hierarchy, efficiency, least-upper-boundedness), which networkx lacks,
  next to the hierarchy measures networkx already has (global reaching centrality,
  flow hierarchy, global efficiency) in ``hierarchy_profile``;
- Freeman's degree and betweenness centralisation (``freeman_centralisation``) and the
  share of shortest information paths that pass through a top tier
  (``top_tier_path_share``);
- a seeded generator of the continuum from a tiered tree (laterality 0) to a heterarchy
  (laterality 1) at a fixed size and number of ties (``tiered_network``);
- idea diffusion from the bottom tier (``simulate_diffusion``, ``steps_to_reach``) and
  robustness to random failure and targeted attack (``robustness_curve``), with ensemble
  means and confidence intervals (``ensemble_mean_ci``);
- the alignment of an informal network with a formal chain of command
  (``observed_laterality``, ``dyad_table``) for real organisations.

Direction convention: an arc points from the person who gives (orders, advice) to the
person who receives, so a formal organisation chart is an out-tree rooted at the top.
Diffusion, centralisation and robustness treat every tie as a two-way channel.

References
----------
- Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations. In
  Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
- Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
  *Social Networks* 1(3), 215-239.
- Mones, E., Vicsek, L. and Vicsek, T. (2012). Hierarchy measure for complex networks.
  *PLoS ONE* 7(3), e33799.
- Luo, J. and Magee, C. L. (2011). Detecting evolving patterns of self-organizing
  networks by flow hierarchy measurement. *Complexity* 16(6), 53-61.
- Albert, R., Jeong, H. and Barabasi, A.-L. (2000). Error and attack tolerance of
  complex networks. *Nature* 406, 378-382.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy import stats
from scipy.sparse.csgraph import connected_components, shortest_path

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_fraction,
    require_graph,
    require_in,
    require_nonempty,
    require_positive_int,
    require_real,
    require_seed,
)

__all__ = [
    "krackhardt_connectedness",
    "krackhardt_hierarchy",
    "krackhardt_efficiency",
    "krackhardt_lub",
    "krackhardt_measures",
    "freeman_centralisation",
    "top_tier_path_share",
    "hierarchy_profile",
    "tiered_network",
    "simulate_diffusion",
    "steps_to_reach",
    "robustness_curve",
    "ensemble_mean_ci",
    "simulate_continuum",
    "formal_tier_digraph",
    "observed_laterality",
    "dyad_table",
    "classic_organisation",
]  # key_results() is not re-exported: every topic module has one (clusternet.hierarchy.key_results)

#: the tier a top-tier path share counts as "the top" in the chapter (CEO and vice-presidents)
TOP_TIERS = (0, 1)


# ---------------------------------------------------------------------------
# internal helpers
# ---------------------------------------------------------------------------


def _adjacency(graph, nodelist=None, *, symmetric: bool = False) -> sp.csr_array:
    """0/1 adjacency in CSR form without self-loops (symmetrised if ``symmetric``)."""
    nodelist = list(graph.nodes) if nodelist is None else nodelist
    matrix = nx.to_scipy_sparse_array(graph, nodelist=nodelist, weight=None, format="csr")
    matrix = sp.csr_array(matrix, dtype=np.int8)
    matrix.setdiag(0)
    matrix.eliminate_zeros()
    if symmetric:
        matrix = ((matrix + matrix.T) > 0).astype(np.int8)
    matrix.data[:] = 1
    return sp.csr_array(matrix)


def _reachability(adjacency: sp.csr_array) -> np.ndarray:
    """Boolean matrix R with R[i, j] True iff j can be reached from i (diagonal True)."""
    distances = shortest_path(adjacency, method="D", directed=True, unweighted=True)
    return np.isfinite(distances)


def _weak_components(adjacency: sp.csr_array) -> np.ndarray:
    return connected_components(adjacency, directed=True, connection="weak")[1]


def _check_directed(graph, name: str, *, min_nodes: int = 2):
    return require_graph(graph, name, directed=True, min_nodes=min_nodes, simple=True)


# ---------------------------------------------------------------------------
# Krackhardt's four dimensions
# ---------------------------------------------------------------------------


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
    _check_directed(graph, "graph")
    return _connectedness(_weak_components(_adjacency(graph)))


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
    _check_directed(graph, "graph")
    return _hierarchy(_reachability(_adjacency(graph)))


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
    _check_directed(graph, "graph")
    adjacency = _adjacency(graph)
    return _efficiency(adjacency, _weak_components(adjacency))


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
        Rows processed at once (memory is ``chunk_size * n**2`` bytes per component).

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph.
    ValueError
        Undirected graph, multigraph, or no weak component with 3 or more nodes.

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
    _check_directed(graph, "graph")
    chunk_size = require_positive_int(chunk_size, "chunk_size")
    adjacency = _adjacency(graph)
    return _lub(_reachability(adjacency), _weak_components(adjacency), chunk_size)


def _lub(reach_all: np.ndarray, labels: np.ndarray, chunk_size: int = 64) -> float:
    violations, maximum = 0, 0.0
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        size = members.size
        if size < 3:
            continue
        reach = reach_all[np.ix_(members, members)]
        ancestors = reach.sum(axis=0)  # nodes that reach u, including u
        common = reach.T.astype(np.int32) @ reach.astype(np.int32)  # common upper bounds
        weighted = np.where(reach, ancestors[:, None], 0).astype(np.int32)
        best = np.zeros((size, size), dtype=np.int32)
        for start in range(0, size, chunk_size):
            block = weighted[start : start + chunk_size]
            np.maximum(best, np.minimum(block[:, :, None], block[:, None, :]).max(axis=0), out=best)
        has_lub = (common > 0) & (best == common)
        upper = np.triu_indices(size, k=1)
        violations += int(np.count_nonzero(~has_lub[upper]))
        maximum += (size - 1) * (size - 2) / 2
    if maximum == 0:
        raise ValueError(
            "graph has no weak component with 3 or more nodes; least-upper-boundedness is undefined"
        )
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
    _check_directed(graph, "graph")
    adjacency = _adjacency(graph)
    labels = _weak_components(adjacency)
    reach = _reachability(adjacency)
    return {
        "connectedness": _connectedness(labels),
        "hierarchy": _hierarchy(reach),
        "efficiency": _efficiency(adjacency, labels),
        "lub": _lub(reach, labels),
    }


# ---------------------------------------------------------------------------
# centralisation and the top tier's share of information paths
# ---------------------------------------------------------------------------


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
    adjacency = _adjacency(graph, nodes, symmetric=True)
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


def hierarchy_profile(graph, *, top_nodes: Iterable | None = None) -> dict[str, float]:
    """Every hierarchy measure of the chapter for one directed network.

    Krackhardt's four dimensions (``krackhardt_measures``) plus networkx's global
    reaching centrality (Mones, Vicsek and Vicsek 2012) and flow hierarchy (Luo and
    Magee 2011) on the directed graph, and global efficiency, Freeman degree and
    betweenness centralisation and (if ``top_nodes`` is given) the top tier's share of
    shortest paths on the undirected graph.

    Parameters
    ----------
    graph : networkx.DiGraph
        A directed network with a weak component of at least 3 nodes.
    top_nodes : iterable, optional
        The top tier, for ``top_tier_path_share``.

    Returns
    -------
    dict
        ``connectedness, hierarchy, efficiency, lub, global_reaching_centrality,
        flow_hierarchy, global_efficiency, degree_centralisation,
        betweenness_centralisation`` and, with ``top_nodes``, ``top_tier_path_share``.

    Raises
    ------
    TypeError, ValueError
        As the measures it calls (undirected input, empty graph, no arcs).

    Examples
    --------
    >>> import networkx as nx
    >>> tree = nx.balanced_tree(2, 2, create_using=nx.DiGraph)
    >>> profile = hierarchy_profile(tree, top_nodes=[0])
    >>> profile["flow_hierarchy"], profile["top_tier_path_share"]
    (1.0, 0.6)

    References
    ----------
    - Mones, E., Vicsek, L. and Vicsek, T. (2012). Hierarchy measure for complex
      networks. *PLoS ONE* 7(3), e33799.
    - Luo, J. and Magee, C. L. (2011). Detecting evolving patterns of self-organizing
      networks by flow hierarchy measurement. *Complexity* 16(6), 53-61.
    """
    profile = krackhardt_measures(graph)
    undirected = nx.Graph(graph)
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    profile["global_reaching_centrality"] = float(nx.global_reaching_centrality(graph))
    profile["flow_hierarchy"] = float(nx.flow_hierarchy(graph))
    profile["global_efficiency"] = float(nx.global_efficiency(undirected))
    profile["degree_centralisation"] = freeman_centralisation(undirected, "degree")
    profile["betweenness_centralisation"] = freeman_centralisation(undirected, "betweenness")
    if top_nodes is not None:
        profile["top_tier_path_share"] = top_tier_path_share(undirected, top_nodes)
    return profile


# ---------------------------------------------------------------------------
# the continuum from hierarchy to heterarchy
# ---------------------------------------------------------------------------


def _tree_structure(branching: int, tiers: int):
    sizes = branching ** np.arange(tiers)
    n = int(sizes.sum())
    tier = np.repeat(np.arange(tiers), sizes)
    parent = np.concatenate([[-1], (np.arange(1, n) - 1) // branching])
    ancestor = np.zeros((n, n), dtype=bool)  # ancestor[u, v]: u is above v in v's chain
    start = 1
    for level in range(1, tiers):
        members = np.arange(start, start + sizes[level])
        ancestor[:, members] = ancestor[:, parent[members]]
        ancestor[parent[members], members] = True
        start += sizes[level]
    return n, tier, parent, ancestor


def tiered_network(
    branching: int = 4,
    tiers: int = 4,
    laterality: float = 0.0,
    *,
    ties: int | None = None,
    directed: bool = False,
    seed=None,
):
    """A tiered organisation on the continuum from hierarchy (0) to heterarchy (1).

    Start from a balanced tree: one person at the top, each with ``branching``
    subordinates, over ``tiers`` tiers; every tie runs along the chain of command. With
    ``ties`` above the tree's ``n - 1``, the extra ties are skip-level ties (a person
    and a superior above their boss), drawn uniformly from all such pairs, so the
    network is still a pure hierarchy. Then each tie, with probability ``laterality``,
    is re-wired: it keeps its lower end and moves its upper end to a person chosen
    uniformly among those outside that person's chain of command (neither a superior
    nor a subordinate) and not yet tied to them, becoming a lateral (same tier) or
    cross-tier link. Size and number of ties stay fixed along the continuum.

    Parameters
    ----------
    branching : int
        Subordinates per superior (span of control), at least 2.
    tiers : int
        Number of tiers, at least 2; tier 0 is the top.
    laterality : float
        Probability in [0, 1] that a tie is re-wired off the chain of command.
    ties : int, optional
        Number of ties, from ``n - 1`` (a tree, the default) to ``n - 1`` plus the number
        of skip-level pairs.
    directed : bool
        Return a ``networkx.DiGraph``: chain-of-command ties point down (superior to
        subordinate), re-wired ties become a pair of opposite arcs (two-way exchange).
    seed : int or numpy.random.Generator, optional
        Random seed.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Nodes ``0..n-1`` numbered top-down, with node attributes ``tier`` and ``boss``
        (the formal superior, -1 for the top) and edge attribute ``kind``: ``"chain"``,
        ``"lateral"`` or ``"cross-tier"``. ``graph.graph`` records the parameters.

    Raises
    ------
    TypeError
        Non-integer ``branching``, ``tiers`` or ``ties``; a bad ``seed``.
    ValueError
        ``branching`` or ``tiers`` below 2, ``laterality`` outside [0, 1], ``ties`` out
        of range, or a tie that cannot be re-wired (everyone off the chain is already
        tied to that person).

    Examples
    --------
    >>> g = tiered_network(3, 3, 0.0)
    >>> g.number_of_nodes(), g.number_of_edges()
    (13, 12)
    >>> h = tiered_network(3, 3, 1.0, seed=1)
    >>> sorted({kind for _, _, kind in h.edges(data="kind")})
    ['cross-tier', 'lateral']

    References
    ----------
    - Mulder (1999). The creative city or redesigning society. In Verwijnen and
      Lehtovuori (eds), *Creative Cities*, UIAH, Helsinki.
    - Watts, D. J. and Strogatz, S. H. (1998). Collective dynamics of small-world
      networks. *Nature* 393, 440-442 (the re-wiring idea).
    """
    branching = require_positive_int(branching, "branching", minimum=2)
    tiers = require_positive_int(tiers, "tiers", minimum=2)
    laterality = require_fraction(laterality, "laterality")
    if not isinstance(directed, bool):
        raise TypeError(f"directed must be True or False, got {type(directed).__name__}")
    rng = require_seed(seed)
    n, tier, parent, ancestor = _tree_structure(branching, tiers)
    skip = ancestor.copy()
    skip[parent[1:], np.arange(1, n)] = False
    skip_pairs = np.argwhere(skip)  # (superior, subordinate)
    ties = n - 1 if ties is None else require_positive_int(ties, "ties")
    most = n - 1 + len(skip_pairs)
    if not n - 1 <= ties <= most:
        raise ValueError(
            f"ties must lie between {n - 1} (a tree) and {most} (every skip-level pair tied) "
            f"for branching={branching}, tiers={tiers}; got {ties}"
        )
    lower = list(range(1, n))
    upper = list(parent[1:])
    if ties > n - 1:
        chosen = skip_pairs[np.sort(rng.choice(len(skip_pairs), ties - (n - 1), replace=False))]
        upper += chosen[:, 0].tolist()
        lower += chosen[:, 1].tolist()
    chain = ancestor | ancestor.T
    adjacency = np.zeros((n, n), dtype=bool)
    adjacency[lower, upper] = True
    adjacency[upper, lower] = True
    rewire = rng.random(ties) < laterality
    kinds = ["chain"] * ties
    for index in np.flatnonzero(rewire):
        low, high = lower[index], upper[index]
        allowed = ~chain[low] & ~adjacency[low]
        allowed[low] = False
        candidates = np.flatnonzero(allowed)
        if candidates.size == 0:
            raise ValueError(
                f"cannot re-wire the tie of node {low}: everyone outside its chain of command "
                "is already tied to it; use fewer ties or a larger organisation"
            )
        target = int(candidates[rng.integers(candidates.size)])
        adjacency[low, high] = adjacency[high, low] = False
        adjacency[low, target] = adjacency[target, low] = True
        upper[index] = target
        kinds[index] = "lateral" if tier[low] == tier[target] else "cross-tier"
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from((v, {"tier": int(tier[v]), "boss": int(parent[v])}) for v in range(n))
    for low, high, kind in zip(lower, upper, kinds, strict=True):
        low, high = int(low), int(high)
        if not directed:
            graph.add_edge(high, low, kind=kind)
        elif kind == "chain":
            graph.add_edge(high, low, kind=kind)
        else:
            graph.add_edge(high, low, kind=kind)
            graph.add_edge(low, high, kind=kind)
    graph.graph.update(
        branching=branching,
        tiers=tiers,
        laterality=laterality,
        ties=ties,
        rewired=int(rewire.sum()),
    )
    return graph


# ---------------------------------------------------------------------------
# diffusion and robustness
# ---------------------------------------------------------------------------


def _tier_codes(graph, nodes, tier: str | None):
    if tier is None:
        return None
    missing = [v for v in nodes if tier not in graph.nodes[v]]
    if missing:
        raise ValueError(
            f"graph nodes lack the attribute {tier!r} (e.g. {format_items(missing, 3)}); "
            "set it or pass tier=None"
        )
    return pd.factorize(pd.Series([graph.nodes[v][tier] for v in nodes]), sort=True)[0]


def simulate_diffusion(
    graph,
    *,
    sources: Sequence | None = None,
    runs: int = 20,
    model: str = "push",
    transmission: float = 1.0,
    max_steps: int = 60,
    tier: str | None = "tier",
    start_tier=None,
    seed=None,
) -> pd.DataFrame:
    """Spread an idea from one person at a time and record who knows it after each step.

    Two models of how people pass an idea along a tie (ties are two-way):

    - ``"push"``: limited attention. Each step, every informed person tells one
      contact chosen at random, who adopts the idea with probability ``transmission``
      (the synchronous push protocol of randomised rumour spreading, Karp et al. 2000).
      A person with many ties becomes a bottleneck.
    - ``"contagion"``: every informed person tells every contact each step, each
      adopting with probability ``transmission``; with ``transmission=1`` this is a
      breadth-first search and the step a person learns the idea is their distance from
      the source.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        The network (directed graphs are symmetrised).
    sources : sequence of nodes, optional
        One source per run. By default each run starts at a person drawn at random
        from ``start_tier``.
    runs : int
        Number of runs when ``sources`` is not given.
    model : {"push", "contagion"}
    transmission : float
        Probability in (0, 1] that a told person adopts the idea.
    max_steps : int
        Steps simulated (all runs are recorded for steps ``0..max_steps``).
    tier : str or None
        Node attribute holding each person's tier, for the share of tiers reached; None
        skips it.
    start_tier : optional
        Tier value sources are drawn from; default the bottom tier (the largest value).
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        One row per run and step: ``run, source, step, informed_share`` and, with
        ``tier``, ``tiers_reached_share`` (the share of tiers with at least one informed
        person).

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph, a bad ``seed`` or non-integer counts.
    ValueError
        Fewer than 2 nodes, no ties, unknown ``model``, ``transmission`` outside (0, 1],
        unknown sources, missing tier attributes, or an empty ``start_tier``.

    Examples
    --------
    >>> import networkx as nx
    >>> curves = simulate_diffusion(nx.path_graph(4), sources=[0], model="contagion",
    ...                             tier=None, max_steps=3)
    >>> curves["informed_share"].tolist()
    [0.25, 0.5, 0.75, 1.0]

    References
    ----------
    - Karp, R., Schindelhauer, C., Shenker, S. and Vocking, B. (2000). Randomized rumor
      spreading. *Proceedings of the 41st Annual Symposium on Foundations of Computer
      Science (FOCS)*.
    """
    require_graph(graph, "graph", min_nodes=2, require_edges=True, simple=True)
    require_in(model, ("push", "contagion"), "model")
    transmission = require_real(transmission, "transmission", minimum=0.0, inclusive=False)
    if transmission > 1:
        raise ValueError(f"transmission must be <= 1, got {transmission}")
    max_steps = require_positive_int(max_steps, "max_steps")
    rng = require_seed(seed)
    nodes = list(graph.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    codes = _tier_codes(graph, nodes, tier)
    if sources is None:
        runs = require_positive_int(runs, "runs")
        if tier is None:
            pool = np.arange(len(nodes))
        else:
            values = np.array([graph.nodes[v][tier] for v in nodes], dtype=object)
            wanted = max(values) if start_tier is None else start_tier
            pool = np.flatnonzero(values == wanted)
            if pool.size == 0:
                raise ValueError(f"start_tier {wanted!r} has no nodes in graph")
        source_index = pool[rng.integers(pool.size, size=runs)]
    else:
        if isinstance(sources, str | bytes) or not isinstance(sources, Sequence):
            raise TypeError(f"sources must be a sequence of nodes, got {type(sources).__name__}")
        unknown = [v for v in sources if v not in index]
        if unknown or len(sources) == 0:
            raise ValueError(f"sources must be nodes of graph; unknown: {format_items(unknown)}")
        source_index = np.array([index[v] for v in sources])
    adjacency = _adjacency(graph, nodes, symmetric=True)
    n, n_runs = len(nodes), source_index.size
    indptr, indices = adjacency.indptr, adjacency.indices
    degree = np.diff(indptr)
    informed = np.zeros((n_runs, n), dtype=bool)
    informed[np.arange(n_runs), source_index] = True
    onehot = None
    if codes is not None:
        onehot = sp.csr_array((np.ones(n), (np.arange(n), codes)), shape=(n, int(codes.max()) + 1))
    shares, tiers_reached = [], []

    def record():
        shares.append(informed.mean(axis=1))
        if onehot is not None:
            tiers_reached.append(((onehot.T @ informed.T.astype(float)).T > 0).mean(axis=1))

    record()
    for _ in range(max_steps):
        if model == "push":
            run_of, node_of = np.nonzero(informed & (degree > 0))
            picks = indptr[node_of] + (rng.random(node_of.size) * degree[node_of]).astype(int)
            targets = indices[picks]
            adopt = rng.random(targets.size) < transmission
            informed[run_of[adopt], targets[adopt]] = True
        else:
            exposed = (adjacency @ informed.T.astype(float)).T  # informed neighbours
            if transmission >= 1.0:
                informed |= exposed > 0
            else:
                chance = 1.0 - (1.0 - transmission) ** exposed
                informed |= rng.random(informed.shape) < chance
        record()
    steps = max_steps + 1
    frame = pd.DataFrame(
        {
            "run": np.tile(np.arange(n_runs), steps),
            "source": np.tile(np.array(nodes, dtype=object)[source_index], steps),
            "step": np.repeat(np.arange(steps), n_runs),
            "informed_share": np.concatenate(shares),
        }
    )
    if onehot is not None:
        frame["tiers_reached_share"] = np.concatenate(tiers_reached)
    return frame.sort_values(["run", "step"], kind="stable").reset_index(drop=True)


def steps_to_reach(curves: pd.DataFrame, share: float) -> pd.DataFrame:
    """Step at which each run of ``simulate_diffusion`` first informs ``share`` of people.

    Parameters
    ----------
    curves : pandas.DataFrame
        Output of ``simulate_diffusion`` (columns ``run, step, informed_share``).
    share : float
        Target share in (0, 1].

    Returns
    -------
    pandas.DataFrame
        ``run, steps, reached``: ``steps`` is ``inf`` (never a NaN) for a run that did
        not reach the share within the simulated steps, with ``reached`` False.

    Raises
    ------
    TypeError
        ``curves`` is not a DataFrame.
    ValueError
        Missing columns, an empty frame, or ``share`` outside (0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> curves = pd.DataFrame({"run": [0, 0, 0], "step": [0, 1, 2],
    ...                        "informed_share": [0.1, 0.4, 0.7]})
    >>> steps_to_reach(curves, 0.5)["steps"].tolist()
    [2.0]
    """
    require_dataframe(curves, "curves")
    require_columns(curves, ["run", "step", "informed_share"], "curves")
    require_nonempty(curves, "curves")
    share = require_real(share, "share", minimum=0.0, maximum=1.0, inclusive=True)
    if share == 0:
        raise ValueError("share must be > 0")
    hit = curves["informed_share"].to_numpy() >= share - 1e-12
    first = (
        curves.assign(hit_step=np.where(hit, curves["step"].to_numpy(dtype=float), np.inf))
        .groupby("run", sort=True)["hit_step"]
        .min()
    )
    return pd.DataFrame(
        {"run": first.index, "steps": first.to_numpy(), "reached": np.isfinite(first.to_numpy())}
    )


def _giant_sizes_after_removal(indptr, indices, order) -> np.ndarray:
    """sizes[k] = largest component after removing ``order[:k]`` (reverse union-find)."""
    n = order.size
    parent = np.arange(n)
    size = np.ones(n, dtype=np.int64)
    present = np.zeros(n, dtype=bool)
    sizes = np.zeros(n + 1, dtype=np.int64)
    largest = 0

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for k in range(n - 1, -1, -1):
        node = order[k]
        present[node] = True
        root = node
        for neighbour in indices[indptr[node] : indptr[node + 1]]:
            if not present[neighbour]:
                continue
            other = find(neighbour)
            root = find(root)
            if other != root:
                if size[other] > size[root]:
                    root, other = other, root
                parent[other] = root
                size[root] += size[other]
        largest = max(largest, int(size[find(node)]))
        sizes[k] = largest
    return sizes


def robustness_curve(
    graph,
    *,
    strategy: str = "random",
    fractions: Sequence[float] | None = None,
    runs: int = 1,
    seed=None,
) -> pd.DataFrame:
    """Giant-component share as people are removed at random or most-central first.

    Following Albert, Jeong and Barabasi (2000), nodes are removed either at random
    (failure) or in decreasing order of centrality (attack), and the size of the largest
    connected component is reported as a share of the original number of nodes. The
    attack ranks nodes once, on the intact network (ties in rank broken at random).
    A whole curve is computed at once by adding the nodes back in reverse order with a
    union-find structure.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        The network (directed graphs are symmetrised).
    strategy : {"random", "degree", "betweenness"}
        Random failure, or attack on the highest degree or betweenness first.
    fractions : sequence of float, optional
        Shares of nodes removed, each in [0, 1]; default 0, 0.025, ..., 0.5. ``round(f * n)``
        nodes are removed for a share ``f``.
    runs : int
        Independent removal orders (random strategy or random tie-breaks).
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        ``run, fraction_removed, giant_share``.

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph, or a bad ``seed``.
    ValueError
        Empty graph, a multigraph, unknown ``strategy``, an empty ``fractions`` or a
        fraction outside [0, 1].

    Examples
    --------
    >>> import networkx as nx
    >>> curve = robustness_curve(nx.star_graph(4), strategy="degree", fractions=[0, 0.2])
    >>> curve["giant_share"].tolist()
    [1.0, 0.2]

    References
    ----------
    - Albert, R., Jeong, H. and Barabasi, A.-L. (2000). Error and attack tolerance of
      complex networks. *Nature* 406, 378-382.
    """
    require_graph(graph, "graph", min_nodes=1, simple=True)
    require_in(strategy, ("random", "degree", "betweenness"), "strategy")
    runs = require_positive_int(runs, "runs")
    rng = require_seed(seed)
    if fractions is None:
        fractions = np.round(np.arange(0, 0.5001, 0.025), 3)
    if isinstance(fractions, str | bytes) or not isinstance(fractions, Sequence | np.ndarray):
        raise TypeError(f"fractions must be a sequence of numbers, got {type(fractions).__name__}")
    if len(fractions) == 0:
        raise ValueError("fractions is empty; give at least one share of nodes to remove")
    fractions = np.array([require_fraction(f, "fractions") for f in fractions])
    nodes = list(graph.nodes)
    n = len(nodes)
    adjacency = _adjacency(graph, nodes, symmetric=True)
    if strategy == "degree":
        score = np.diff(adjacency.indptr).astype(float)
    elif strategy == "betweenness":
        centrality = nx.betweenness_centrality(nx.Graph(graph))
        score = np.array([centrality[v] for v in nodes])
    removed = np.rint(fractions * n).astype(int)
    rows = []
    for run in range(runs):
        if strategy == "random":
            order = rng.permutation(n)
        else:
            order = np.lexsort((rng.random(n), -score))
        sizes = _giant_sizes_after_removal(adjacency.indptr, adjacency.indices, order)
        rows.append(
            pd.DataFrame(
                {"run": run, "fraction_removed": fractions, "giant_share": sizes[removed] / n}
            )
        )
    return pd.concat(rows, ignore_index=True)


def ensemble_mean_ci(
    frame: pd.DataFrame, value: str, by: str | Sequence[str] | None = None, *, alpha: float = 0.05
) -> pd.DataFrame:
    """Mean of ``value`` with a t-based confidence interval, per group of an ensemble.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per ensemble member (e.g. per simulated network).
    value : str
        Column to summarise; must be finite.
    by : str or list of str, optional
        Grouping columns (e.g. ``"laterality"``).
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns plus ``mean, ci_lower, ci_upper, n``.

    Raises
    ------
    TypeError
        ``frame`` is not a DataFrame.
    ValueError
        Missing columns, empty frame, a group with fewer than 2 members, or infinite or
        missing values (e.g. a diffusion that never reached its target; report the share
        of runs that reached it instead).

    Examples
    --------
    >>> import pandas as pd
    >>> table = ensemble_mean_ci(pd.DataFrame({"x": [1.0, 2.0, 3.0]}), "x")
    >>> float(table["mean"].iloc[0])
    2.0
    """
    require_dataframe(frame, "frame")
    require_nonempty(frame, "frame")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    require_columns(frame, [value, *keys], "frame")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    values = frame[value].to_numpy(dtype=float)
    if not np.isfinite(values).all():
        raise ValueError(
            f"column {value!r} has infinite or missing values; a mean would be meaningless"
        )
    grouped = (
        frame.groupby(keys, sort=True)[value]
        if keys
        else frame.assign(_all=0).groupby("_all")[value]
    )
    table = grouped.agg(["mean", "std", "count"]).reset_index()
    if (table["count"] < 2).any():
        raise ValueError(f"every group needs at least 2 members to give an interval of {value!r}")
    half = stats.t.ppf(1 - alpha / 2, table["count"] - 1) * table["std"] / np.sqrt(table["count"])
    out = table.assign(
        ci_lower=table["mean"] - half, ci_upper=table["mean"] + half, n=table["count"]
    )
    return out[[*keys, "mean", "ci_lower", "ci_upper", "n"]]


def simulate_continuum(
    lateralities: Sequence[float],
    *,
    replicates: int = 20,
    branching: int = 4,
    tiers: int = 4,
    ties: int | None = None,
    top_tiers: Sequence[int] = TOP_TIERS,
    diffusion_runs: int = 20,
    half: float = 0.5,
    tier_steps: int = 3,
    attack_fraction: float = 0.05,
    robustness_runs: int = 20,
    seed=None,
) -> pd.DataFrame:
    """Measure an ensemble of ``tiered_network`` organisations along the continuum.

    For each laterality and replicate, one network is drawn and measured: its hierarchy
    profile (``hierarchy_profile`` of the directed version, top tier = ``top_tiers``),
    the share of ties re-wired, the giant-component share, idea diffusion from random
    bottom-tier people (mean steps to inform ``half`` of the organisation under the
    push and contagion models, and the share of tiers the idea reaches within
    ``tier_steps`` push steps), and the giant-component share after removing
    ``attack_fraction`` of people at random or highest degree first.

    Parameters
    ----------
    lateralities : sequence of float
        Values in [0, 1].
    replicates : int
        Networks per laterality.
    branching, tiers, ties
        Passed to ``tiered_network``.
    top_tiers : sequence of int
        Tiers counted as the top for ``top_tier_path_share``.
    diffusion_runs, robustness_runs : int
        Runs per network.
    half : float
        Target share for the diffusion time.
    tier_steps : int
        Push steps after which the share of tiers reached is read.
    attack_fraction : float
        Share of people removed in the robustness columns.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        One row per network: ``laterality, replicate, nodes, ties, rewired_share,
        giant_share``, the ``hierarchy_profile`` columns, ``push_steps_to_half,
        push_reached_half, contagion_steps_to_half, tiers_reached_share,
        giant_after_failure, giant_after_attack``. A mean step count is ``inf`` when a
        run never reached ``half``; ``push_reached_half`` gives the share that did.

    Raises
    ------
    TypeError, ValueError
        Bad counts or fractions, as ``tiered_network``.

    Examples
    --------
    >>> table = simulate_continuum([0.0, 1.0], replicates=2, branching=3, tiers=3,
    ...                            diffusion_runs=2, robustness_runs=2, seed=1)
    >>> table.shape[0]
    4
    """
    if isinstance(lateralities, str | bytes) or not isinstance(lateralities, Sequence | np.ndarray):
        raise TypeError("lateralities must be a sequence of numbers in [0, 1]")
    if len(lateralities) == 0:
        raise ValueError("lateralities is empty")
    lateralities = [require_fraction(x, "lateralities") for x in lateralities]
    replicates = require_positive_int(replicates, "replicates")
    diffusion_runs = require_positive_int(diffusion_runs, "diffusion_runs")
    robustness_runs = require_positive_int(robustness_runs, "robustness_runs")
    tier_steps = require_positive_int(tier_steps, "tier_steps")
    half = require_fraction(half, "half")
    attack_fraction = require_fraction(attack_fraction, "attack_fraction")
    rng = require_seed(seed)
    max_steps = 80
    rows = []
    for laterality in lateralities:
        for replicate in range(replicates):
            graph = tiered_network(branching, tiers, laterality, ties=ties, directed=True, seed=rng)
            undirected = nx.Graph(graph)
            top = [v for v, t in graph.nodes(data="tier") if t in set(top_tiers)]
            row = {
                "laterality": laterality,
                "replicate": replicate,
                "nodes": graph.number_of_nodes(),
                "ties": undirected.number_of_edges(),
                "rewired_share": graph.graph["rewired"] / graph.graph["ties"],
                "giant_share": max(len(c) for c in nx.connected_components(undirected))
                / graph.number_of_nodes(),
            }
            row.update(hierarchy_profile(graph, top_nodes=top))
            push = simulate_diffusion(
                undirected, runs=diffusion_runs, model="push", max_steps=max_steps, seed=rng
            )
            push_steps = steps_to_reach(push, half)
            contagion = simulate_diffusion(
                undirected, runs=diffusion_runs, model="contagion", max_steps=max_steps, seed=rng
            )
            row["push_steps_to_half"] = float(push_steps["steps"].mean())
            row["push_reached_half"] = float(push_steps["reached"].mean())
            row["contagion_steps_to_half"] = float(steps_to_reach(contagion, half)["steps"].mean())
            at_k = push[push["step"] == tier_steps]
            row["tiers_reached_share"] = float(at_k["tiers_reached_share"].mean())
            for label, strategy in (("failure", "random"), ("attack", "degree")):
                curve = robustness_curve(
                    undirected,
                    strategy=strategy,
                    fractions=[attack_fraction],
                    runs=robustness_runs,
                    seed=rng,
                )
                row[f"giant_after_{label}"] = float(curve["giant_share"].mean())
            rows.append(row)
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# formal versus informal structure in real organisations
# ---------------------------------------------------------------------------


def formal_tier_digraph(tiers: Mapping) -> nx.DiGraph:
    """Formal authority implied by ranks alone: every person above everyone one rank below.

    Use it when an organisation has ranks (partners and associates) but no recorded
    reports-to tree: the chain of command of a person is then everyone of a different
    rank.

    Parameters
    ----------
    tiers : mapping
        Node -> rank (a number; smaller is higher, e.g. 1 = partner, 2 = associate).

    Returns
    -------
    networkx.DiGraph
        Arcs from each node to every node of the next lower rank present.

    Raises
    ------
    TypeError
        ``tiers`` is not a mapping or holds non-numeric ranks.
    ValueError
        Fewer than 2 nodes or a single rank.

    Examples
    --------
    >>> sorted(formal_tier_digraph({"a": 1, "b": 2, "c": 2}).edges())
    [('a', 'b'), ('a', 'c')]
    """
    if not isinstance(tiers, Mapping):
        raise TypeError(f"tiers must be a mapping node -> rank, got {type(tiers).__name__}")
    if len(tiers) < 2:
        raise ValueError("tiers needs at least 2 nodes")
    bad = [v for v, r in tiers.items() if isinstance(r, bool) or not isinstance(r, numbers.Real)]
    if bad:
        raise TypeError(f"tiers has non-numeric ranks for node(s) {format_items(bad)}")
    ranks = sorted(set(tiers.values()))
    if len(ranks) < 2:
        raise ValueError("tiers holds a single rank; there is no formal hierarchy to compare with")
    graph = nx.DiGraph()
    graph.add_nodes_from(tiers)
    for high, low in zip(ranks[:-1], ranks[1:], strict=True):
        above = [v for v, r in tiers.items() if r == high]
        below = [v for v, r in tiers.items() if r == low]
        graph.add_edges_from((a, b) for a in above for b in below)
    return graph


def _chain_matrix(formal, nodes) -> np.ndarray:
    reach = _reachability(_adjacency(formal, nodes))
    np.fill_diagonal(reach, False)
    return reach  # reach[i, j]: i is a formal superior of j


def observed_laterality(graph, formal, *, alpha: float = 0.05) -> dict:
    """Share of an informal network's ties that run outside the formal chain of command.

    A tie between two people lies on the chain of command when one is the other's formal
    superior at any distance (reachable in ``formal``). The share of ties *off* the chain
    is the network's laterality, the quantity ``tiered_network``'s ``laterality``
    controls, so a real network can be placed on the simulated continuum. It is compared
    with the share a network with ties placed at random would have, and with the lowest
    share its number of ties allows (when ties outnumber chain-of-command pairs, some must
    run off the chain).

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        The informal network (a tie in either direction counts once).
    formal : networkx.DiGraph
        The formal structure on the same nodes, arcs from superior to subordinate (an
        out-tree, or ``formal_tier_digraph``).
    alpha : float
        1 - confidence level of the Wilson interval.

    Returns
    -------
    dict
        ``ties, chain_ties, laterality, ci_lower, ci_upper`` (Wilson interval),
        ``chance_laterality`` (share of all pairs off the chain) and
        ``minimum_laterality``.

    Raises
    ------
    TypeError
        A non-graph argument.
    ValueError
        ``formal`` undirected, different node sets, or no tie in ``graph``.

    Examples
    --------
    >>> import networkx as nx
    >>> formal = nx.DiGraph([(0, 1), (0, 2)])
    >>> observed_laterality(nx.Graph([(0, 1), (1, 2)]), formal)["laterality"]
    0.5
    """
    from statsmodels.stats.proportion import proportion_confint

    require_graph(graph, "graph", min_nodes=2, require_edges=True, simple=True)
    require_graph(formal, "formal", directed=True, min_nodes=2)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    if set(graph.nodes) != set(formal.nodes):
        extra = set(graph.nodes) ^ set(formal.nodes)
        raise ValueError(
            f"graph and formal must have the same nodes; they differ in {format_items(sorted(extra, key=str))}"
        )
    nodes = list(formal.nodes)
    chain = _chain_matrix(formal, nodes)
    chain = chain | chain.T
    tied = _adjacency(graph, nodes, symmetric=True).toarray() > 0
    upper = np.triu_indices(len(nodes), k=1)
    ties = int(np.count_nonzero(tied[upper]))
    on_chain = int(np.count_nonzero(tied[upper] & chain[upper]))
    chain_pairs = int(np.count_nonzero(chain[upper]))
    pairs = upper[0].size
    off = ties - on_chain
    lower, upper_ci = proportion_confint(off, ties, alpha=alpha, method="wilson")
    return {
        "ties": ties,
        "chain_ties": on_chain,
        "laterality": off / ties,
        "ci_lower": float(lower),
        "ci_upper": float(upper_ci),
        "chance_laterality": 1.0 - chain_pairs / pairs,
        "minimum_laterality": max(0.0, 1.0 - chain_pairs / ties),
    }


def dyad_table(
    graph, nodes: pd.DataFrame, *, formal=None, id_column: str = "id", same: Sequence[str] = ()
) -> pd.DataFrame:
    """One row per ordered pair of people, for a dyadic logit of who seeks whom.

    Parameters
    ----------
    graph : networkx.DiGraph
        The informal network, an arc ``i -> j`` meaning ``i`` names ``j`` (for advice:
        ``i`` goes to ``j`` for advice).
    nodes : pandas.DataFrame
        One row per person, with ``id_column`` and the attributes named in ``same``.
    formal : networkx.DiGraph, optional
        Formal structure (arcs superior -> subordinate). Adds ``to_superior`` (``j`` is a
        formal superior of ``i``) and ``to_subordinate``.
    id_column : str
        Column of ``nodes`` holding the node ids.
    same : sequence of str
        Attributes for which a ``same_<attr>`` 0/1 column is added.

    Returns
    -------
    pandas.DataFrame
        ``sender, receiver, tie`` (0/1) and the indicator columns, for every ordered pair
        of distinct people.

    Raises
    ------
    TypeError
        Non-graph or non-DataFrame input.
    ValueError
        Undirected ``graph``, missing columns, duplicated ids, or graph nodes missing
        from ``nodes`` (people in ``nodes`` but not in the graph are isolates).

    Examples
    --------
    >>> import networkx as nx, pandas as pd
    >>> people = pd.DataFrame({"id": [1, 2, 3], "dept": [1, 1, 2]})
    >>> table = dyad_table(nx.DiGraph([(1, 2)]), people, same=["dept"])
    >>> table[["sender", "receiver", "tie", "same_dept"]].iloc[0].tolist()
    [1, 2, 1, 1]
    """
    require_graph(graph, "graph", directed=True, min_nodes=2, simple=True)
    require_dataframe(nodes, "nodes")
    same = [same] if isinstance(same, str) else list(same)
    require_columns(nodes, [id_column, *same], "nodes")
    ids = nodes[id_column].tolist()
    if len(set(ids)) != len(ids):
        raise ValueError(f"nodes has duplicated ids in column {id_column!r}")
    unknown = set(graph.nodes) - set(ids)
    if unknown:
        raise ValueError(
            f"graph has node(s) not in nodes[{id_column!r}]: {format_items(sorted(unknown, key=str))}"
        )
    n = len(ids)
    everyone = nx.DiGraph(graph)
    everyone.add_nodes_from(ids)  # people who named no one and were named by no one
    tied = _adjacency(everyone, ids).toarray() > 0
    sender, receiver = np.nonzero(~np.eye(n, dtype=bool))
    table = pd.DataFrame(
        {
            "sender": np.array(ids, dtype=object)[sender],
            "receiver": np.array(ids, dtype=object)[receiver],
            "tie": tied[sender, receiver].astype(int),
        }
    )
    if pd.api.types.is_integer_dtype(nodes[id_column]):
        table["sender"] = table["sender"].astype(nodes[id_column].dtype)
        table["receiver"] = table["receiver"].astype(nodes[id_column].dtype)
    if formal is not None:
        require_graph(formal, "formal", directed=True)
        if set(formal.nodes) != set(ids):
            raise ValueError(f"formal must have the same nodes as nodes[{id_column!r}]")
        superior = _chain_matrix(formal, ids)
        table["to_superior"] = superior[receiver, sender].astype(int)
        table["to_subordinate"] = superior[sender, receiver].astype(int)
    for column in same:
        values = nodes[column].to_numpy()
        table[f"same_{column}"] = (values[sender] == values[receiver]).astype(int)
    return table


_FIRMS = {
    "krackhardt": {
        "nodes": "classics_krackhardt_nodes",
        "formal": "classics_krackhardt_reports_edges",
        "relations": {
            "advice": "classics_krackhardt_advice_edges",
            "friends": "classics_krackhardt_friends_edges",
        },
    },
    "lazega": {
        "nodes": "classics_lazega_nodes",
        "formal": None,
        "relations": {
            "advice": "classics_lazega_advice_edges",
            "cowork": "classics_lazega_cowork_edges",
            "friends": "classics_lazega_friends_edges",
        },
    },
}


def _edges_digraph(nodes: Sequence, edges: pd.DataFrame, name: str) -> nx.DiGraph:
    require_columns(edges, ["source", "target"], name)
    unknown = sorted(set(edges["source"]).union(edges["target"]) - set(nodes))
    if unknown:
        raise ValueError(f"{name} has ids not in the node table: {format_items(unknown)}")
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges[["source", "target"]].itertuples(index=False, name=None))
    return graph


def classic_organisation(firm: str) -> dict:
    """Load a real organisation of ``data/network-classics`` as networkx graphs.

    Parameters
    ----------
    firm : {"krackhardt", "lazega"}
        Krackhardt's (1987) 21 managers of a high-tech firm, or Lazega's (2001) 71
        lawyers of a corporate law firm.

    Returns
    -------
    dict
        ``nodes`` (the attribute table), ``formal`` (a DiGraph of formal authority, arcs
        superior -> subordinate: the reports-to tree for Krackhardt, partners above
        associates for Lazega), ``top`` (the top tier: the CEO and vice-presidents, or
        the partners), ``tier`` (node -> rank, 1 = top) and ``relations`` (name ->
        DiGraph with arcs as surveyed: ``i -> j`` when ``i`` names ``j``, e.g. goes to
        ``j`` for advice).

    Raises
    ------
    ValueError
        Unknown ``firm``, or edge files naming people missing from the node table.

    Examples
    --------
    >>> firm = classic_organisation("krackhardt")  # doctest: +SKIP
    >>> firm["formal"].number_of_edges(), sorted(firm["relations"])  # doctest: +SKIP
    (20, ['advice', 'friends'])

    References
    ----------
    - Krackhardt, D. (1987). Cognitive social structures. *Social Networks* 9(2),
      109-134.
    - Lazega, E. (2001). *The Collegial Phenomenon: The Social Mechanisms of
      Cooperation among Peers in a Corporate Law Partnership*. Oxford University Press.
    """
    from clusternet import data

    require_in(firm, tuple(_FIRMS), "firm")
    spec = _FIRMS[firm]
    nodes = data.load(spec["nodes"])
    ids = nodes["id"].tolist()
    rank_column = "level" if firm == "krackhardt" else "status"
    tier = dict(zip(ids, nodes[rank_column].astype(int).tolist(), strict=True))
    if spec["formal"] is not None:
        reports = _edges_digraph(ids, data.load(spec["formal"]), spec["formal"])
        formal = reports.reverse(copy=True)  # boss -> subordinate
        top = [v for v in ids if tier[v] <= 2]
    else:
        formal = formal_tier_digraph(tier)
        top = [v for v in ids if tier[v] == 1]
    relations = {
        relation: _edges_digraph(ids, data.load(name), name)
        for relation, name in spec["relations"].items()
    }
    return {"nodes": nodes, "formal": formal, "top": top, "tier": tier, "relations": relations}


# ---------------------------------------------------------------------------
# the chapter's headline numbers
# ---------------------------------------------------------------------------


#: columns of the continuum sample summarised at both poles in the chapter (glue key -> column)
POLE_MEASURES = {
    "top_share": "top_tier_path_share",
    "grc": "global_reaching_centrality",
    "krackhardt_hierarchy": "hierarchy",
    "betweenness": "betweenness_centralisation",
    "push_steps": "push_steps_to_half",
    "contagion_steps": "contagion_steps_to_half",
    "tiers_reached": "tiers_reached_share",
    "failure_giant": "giant_after_failure",
    "attack_giant": "giant_after_attack",
}


def key_results() -> dict[str, float]:
    """The chapter's headline numbers, recomputed from the committed data.

    Repeats the helper calls of the chapter *Hierarchy versus heterarchy* on the
    committed sample ensemble (``sample_hierarchy_continuum``) and the real networks of
    ``data/network-classics``, so the policy synthesis can quote them.

    Returns
    -------
    dict
        Glue name -> value, identical to the headline numbers the chapter glues.

    Raises
    ------
    FileNotFoundError, clusternet.data.DataValidationError
        A data file is missing or does not match its spec.

    Examples
    --------
    >>> results = key_results()  # doctest: +SKIP
    >>> round(results["mulder_top_share_hierarchy"], 2)  # doctest: +SKIP
    0.96
    """
    from clusternet import data, models
    from clusternet.samples import hierarchy as design

    continuum = data.load("sample_hierarchy_continuum")
    results: dict[str, float] = {}
    for key, column in POLE_MEASURES.items():
        table = ensemble_mean_ci(continuum, column, by="laterality").set_index("laterality")
        for pole, laterality in (("hierarchy", 0.0), ("heterarchy", 1.0)):
            results[f"mulder_{key}_{pole}"] = float(table.loc[laterality, "mean"])
    attack = ensemble_mean_ci(continuum, "giant_after_attack", by="laterality")
    results["mulder_attack_giant_lat02"] = float(attack.set_index("laterality").loc[0.2, "mean"])
    poles = continuum[continuum["laterality"].isin([0.0, 1.0])].assign(
        heterarchy=lambda frame: (frame["laterality"] == 1.0).astype(int)
    )
    push = models.fit_ols("push_steps_to_half ~ heterarchy", poles)
    gain = models.coefficient_table(push, terms=["heterarchy"]).iloc[0]
    results["mulder_push_gain"] = float(-gain["estimate"])
    tree_budget = pd.DataFrame(
        {
            "replicate": replicate,
            "giant_share": max(map(len, nx.connected_components(organisation))) / len(organisation),
        }
        for replicate in range(100)
        for organisation in [
            tiered_network(design.BRANCHING, design.TIERS, 1.0, seed=design.SEED + replicate)
        ]
    )
    results["mulder_tree_budget_giant"] = float(
        ensemble_mean_ci(tree_budget, "giant_share").iloc[0]["mean"]
    )
    same_attributes = {"krackhardt": ["dept"], "lazega": ["office", "practice"]}
    headline_odds = {
        "krackhardt": ["to_superior"],
        "lazega": ["to_superior", "to_subordinate", "same_office", "same_practice"],
    }
    for firm in ("krackhardt", "lazega"):
        organisation = classic_organisation(firm)
        advice = organisation["relations"]["advice"]
        giver_to_asker = advice.reverse(copy=True)
        profile = hierarchy_profile(giver_to_asker, top_nodes=organisation["top"])
        results[f"mulder_{firm}_advice_top_tier_path_share"] = profile["top_tier_path_share"]
        laterality = observed_laterality(giver_to_asker, organisation["formal"])
        results[f"mulder_{firm}_advice_laterality"] = laterality["laterality"]
        same = same_attributes[firm]
        dyads = dyad_table(advice, organisation["nodes"], formal=organisation["formal"], same=same)
        formula = "tie ~ to_superior + to_subordinate + " + " + ".join(f"same_{a}" for a in same)
        fit = models.fit_logit(formula, dyads, cluster="sender")
        odds = models.coefficient_table(fit, exponentiate=True).set_index("term")
        for term in headline_odds[firm]:
            results[f"mulder_{firm}_or_{term}"] = float(odds.loc[term, "estimate"])
        if firm == "krackhardt":
            reports_to = organisation["formal"].reverse(copy=True)
            results["mulder_boss_advice_lines"] = float(
                sum(advice.has_edge(*line) for line in reports_to.edges)
            )
    return results
