"""Humphries and Gurney's sigma: Q's formula against a one-mode rewired yardstick.

Examples
--------
>>> import networkx as nx
>>> small_world_sigma(nx.connected_caveman_graph(4, 5), draws=2, seed=0).benchmark
'rewired'
"""

from __future__ import annotations

import random
import warnings

import igraph
import numpy as np
import scipy.sparse as sp

from clusternet._validation import require_positive_int, require_seed
from clusternet.smallworld._common import (
    DEFAULT_EXACT_LIMIT,
    as_adjacency,
    measure_clustering,
    measure_path_length,
    ratio_result,
)
from clusternet.smallworld.results import SmallWorldResult

__all__ = ["small_world_sigma"]


def _igraph_rewired(adjacency: sp.csr_array, swaps: int, seed: int) -> sp.csr_array:
    """Degree-preserving rewiring with igraph (seeded, then igraph's generator is reset)."""
    upper = sp.triu(adjacency, k=1).tocoo()
    graph = igraph.Graph(
        n=adjacency.shape[0], edges=np.column_stack([upper.row, upper.col]).tolist()
    )
    igraph.set_random_number_generator(random.Random(seed))
    try:
        graph.rewire(n=swaps, allowed_edge_types="simple")
    finally:
        igraph.set_random_number_generator(random)
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    rows = np.concatenate([edges[:, 0], edges[:, 1]])
    cols = np.concatenate([edges[:, 1], edges[:, 0]])
    return sp.csr_array((np.ones(rows.size), (rows, cols)), shape=adjacency.shape)


def small_world_sigma(
    graph,
    *,
    draws: int = 10,
    swaps_per_edge: int = 10,
    sources: int | None = None,
    exact_limit: int = DEFAULT_EXACT_LIMIT,
    seed=None,
) -> SmallWorldResult:
    """Humphries and Gurney's sigma: Q's formula against a one-mode rewired benchmark.

    ``sigma = (C / C_r) / (L / L_r)`` with global transitivity ``C`` and random networks
    made by degree-preserving double-edge swaps of the one-mode graph, the definition of
    ``networkx.sigma``. It needs no group information, but for a projected team network
    the swaps break up the cliques every team creates, so ``C_r`` is far too low and sigma
    overstates small-worldness; use ``small_world_q`` when the groups are known.

    Differences from ``networkx.sigma``: swaps are done by igraph (thousands of times
    faster), the rewired graph is not forced to stay connected (its path length is taken
    over its giant component), and the observed path length is that of the giant
    component, so disconnected graphs are accepted.

    Parameters
    ----------
    graph : scipy sparse matrix, networkx.Graph or AffiliationNetwork
        The one-mode network (an affiliation network is projected first).
    draws : int
        Number of rewired networks (at least 2).
    swaps_per_edge : int
        Swap attempts per edge in each rewiring (networkx's ``niter``).
    sources, exact_limit
        Path-length options, as in ``mean_path_length``.
    seed : int, numpy.random.Generator or None
        Seeds the rewiring and any source sampling (None: fresh entropy).

    Returns
    -------
    SmallWorldResult
        With ``benchmark="rewired"`` and ``n_groups=0``; ``q`` holds sigma.

    Raises
    ------
    TypeError
        Bad graph type or options.
    ValueError
        An empty, directed or edgeless graph, no connected triples, a giant component
        smaller than 3 nodes, or rewired graphs without triangles.

    Warns
    -----
    RuntimeWarning
        No rewiring changed the graph (e.g. a complete graph): sigma is 1 by construction.

    Examples
    --------
    >>> import networkx as nx
    >>> result = small_world_sigma(nx.connected_caveman_graph(6, 5), draws=3, seed=2)
    >>> result.q > 1
    True

    References
    ----------
    - Humphries, M. D. and Gurney, K. (2008). Network 'small-world-ness': a quantitative
      method for determining canonical network equivalence. PLoS ONE 3(4), e0002051.
    - Maslov, S. and Sneppen, K. (2002). Specificity and stability in topology of protein
      networks. Science 296, 910-913.
    """
    rng = require_seed(seed)
    draws = require_positive_int(draws, "draws", minimum=2)
    swaps_per_edge = require_positive_int(swaps_per_edge, "swaps_per_edge")
    if sources is not None:
        sources = require_positive_int(sources, "sources", minimum=2)
    exact_limit = require_positive_int(exact_limit, "exact_limit")
    adjacency = as_adjacency(graph)
    if adjacency.nnz == 0:
        raise ValueError("graph has no edges; sigma is undefined on an edgeless graph")
    observed_clustering = measure_clustering(adjacency, "transitivity")
    path = measure_path_length(adjacency, sources=sources, exact_limit=exact_limit, rng=rng)
    n_edges = adjacency.nnz // 2
    c_draws, l_draws = np.empty(draws), np.empty(draws)
    unchanged = 0
    for d in range(draws):
        rewired = _igraph_rewired(adjacency, swaps_per_edge * n_edges, int(rng.integers(2**31 - 1)))
        unchanged += (rewired != (adjacency != 0)).nnz == 0
        c_draws[d] = measure_clustering(rewired, "transitivity", "a rewired graph")
        l_draws[d] = measure_path_length(
            rewired,
            sources=None if path.exact else path.n_sources,
            exact_limit=exact_limit,
            rng=rng,
            name="a rewired graph",
        ).mean
    if unchanged == draws:
        warnings.warn(
            "graph could not be rewired: every degree-preserving swap was refused (as in a "
            "complete graph), so the benchmark is the graph itself and sigma = 1 says nothing "
            "about small-worldness",
            RuntimeWarning,
            stacklevel=2,
        )
    return ratio_result(
        clustering=observed_clustering,
        path=path,
        clustering_random=float(c_draws.mean()),
        path_random=float(l_draws.mean()),
        clustering_random_se=float(c_draws.std(ddof=1) / np.sqrt(draws)),
        path_random_se=float(l_draws.std(ddof=1) / np.sqrt(draws)),
        benchmark="rewired",
        measure="transitivity",
        n_people=adjacency.shape[0],
        n_groups=0,
        n_ties=n_edges,
        draws=draws,
        what="rewired",
    )
