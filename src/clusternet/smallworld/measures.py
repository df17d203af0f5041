"""One-mode measures of a network: clustering and the mean path length of its giant component.

Examples
--------
>>> import networkx as nx
>>> clustering_coefficient(nx.complete_graph(3)), mean_path_length(nx.complete_graph(3)).mean
(1.0, 1.0)
"""

from __future__ import annotations

from clusternet._validation import require_in, require_positive_int, require_seed
from clusternet.smallworld._common import (
    CLUSTERING_MEASURES,
    DEFAULT_EXACT_LIMIT,
    as_adjacency,
    measure_clustering,
    measure_path_length,
)
from clusternet.smallworld.results import PathLength

__all__ = ["clustering_coefficient", "mean_path_length"]


def clustering_coefficient(graph, *, measure: str = "transitivity") -> float:
    """Clustering of an undirected network: global transitivity or mean local clustering.

    Parameters
    ----------
    graph : scipy sparse matrix, networkx.Graph or AffiliationNetwork
        A symmetric adjacency matrix, an undirected graph, or an affiliation network (then
        its one-mode projection is measured). Weights and self-loops are ignored.
    measure : {"transitivity", "mean_local"}
        ``"transitivity"`` (default): 3 x triangles / connected triples, the global
        clustering the Newman-Strogatz-Watts benchmark predicts and Uzzi and Spiro's
        comparison needs. ``"mean_local"``: the average over all nodes of each node's
        share of closed triples, with nodes of degree 0 or 1 counted as 0 (networkx's
        ``average_clustering`` convention).

    Returns
    -------
    float
        Between 0 and 1.

    Raises
    ------
    TypeError
        ``graph`` is not a supported type.
    ValueError
        Unknown ``measure``; an empty, directed, asymmetric or negative-weighted graph;
        transitivity of a graph without connected triples.

    Examples
    --------
    >>> import networkx as nx
    >>> clustering_coefficient(nx.complete_graph(4))
    1.0
    >>> round(clustering_coefficient(nx.karate_club_graph(), measure="mean_local"), 4)
    0.5706

    References
    ----------
    - Newman, M. E. J., Strogatz, S. H. and Watts, D. J. (2001). Random graphs with arbitrary
      degree distributions and their applications. Physical Review E 64, 026118.
    - Watts, D. J. and Strogatz, S. H. (1998). Collective dynamics of 'small-world'
      networks. Nature 393, 440-442.
    """
    require_in(measure, CLUSTERING_MEASURES, "measure")
    adjacency = as_adjacency(graph)
    return measure_clustering(adjacency, measure)


def mean_path_length(
    graph, *, sources: int | None = None, exact_limit: int = DEFAULT_EXACT_LIMIT, seed=None
) -> PathLength:
    """Mean shortest-path length of the giant component, exact or from sampled sources.

    The estimate averages, over ``sources`` nodes drawn uniformly without replacement, each
    source's mean distance to every other node of the giant component. It is unbiased for
    the exact mean; its standard error is the standard deviation of the per-source means
    over the square root of ``sources``, with the finite-population correction.

    Parameters
    ----------
    graph : scipy sparse matrix, networkx.Graph or AffiliationNetwork
        As in ``clustering_coefficient``.
    sources : int, optional
        Number of BFS sources. Default: every node (exact) when the giant component has at
        most ``exact_limit`` nodes, else 300. A value at least the component's size gives
        the exact mean.
    exact_limit : int
        Largest giant component measured exactly by default.
    seed : int, numpy.random.Generator or None
        Seeds the choice of sources (None: fresh entropy; only a sampled path length is
        random).

    Returns
    -------
    PathLength
        ``mean, std_error, exact, n_sources, n_giant, giant_share``.

    Raises
    ------
    TypeError
        Bad ``graph`` type, or non-integer ``sources``/``exact_limit``, or a bad seed.
    ValueError
        An empty, directed or asymmetric graph; ``sources < 2``; a giant component with
        fewer than 3 nodes (for example an edgeless graph).

    Examples
    --------
    >>> import networkx as nx
    >>> mean_path_length(nx.path_graph(5)).mean  # (n + 1) / 3 for a path
    2.0

    References
    ----------
    - Cochran, W. G. (1977). Sampling Techniques, 3rd ed., Wiley (finite-population
      correction).
    - Then, M. et al. (2014). The more the merrier: efficient multi-source graph traversal.
      Proceedings of the VLDB Endowment 8(4), 449-460.
    """
    rng = require_seed(seed)
    if sources is not None:
        sources = require_positive_int(sources, "sources", minimum=2)
    exact_limit = require_positive_int(exact_limit, "exact_limit")
    adjacency = as_adjacency(graph)
    return measure_path_length(adjacency, sources=sources, exact_limit=exact_limit, rng=rng)
