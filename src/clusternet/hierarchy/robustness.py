"""Robustness to random failure and targeted attack (Albert, Jeong and Barabasi 2000).

References
----------
- Albert, R., Jeong, H. and Barabasi, A.-L. (2000). Error and attack tolerance of
  complex networks. *Nature* 406, 378-382.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np
import pandas as pd

from clusternet._graphs import adjacency_matrix
from clusternet._validation import (
    require_fraction,
    require_graph,
    require_in,
    require_positive_int,
    require_seed,
)

__all__ = ["robustness_curve"]


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
    adjacency = adjacency_matrix(graph, nodes, symmetric=True)
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
