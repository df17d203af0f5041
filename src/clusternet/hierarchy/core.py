"""Core and periphery of a network: the main k-core and the densities around it."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from clusternet._validation import require_columns, require_dataframe, require_nonempty

__all__ = ["core_periphery_densities"]


def core_periphery_densities(
    edges: pd.DataFrame, *, source: str = "source", target: str = "target"
) -> dict[str, float]:
    """The main k-core of a network and the tie densities within, across and outside it.

    Direction and repeated ties are ignored (a pair is tied if either names the other).
    The core is the main k-core: the largest ``k`` such that a group of nodes each has at
    least ``k`` ties inside the group, and that group. An ideal core-periphery network
    has a dense core, a sparse periphery, and ties between them in between.

    Parameters
    ----------
    edges : pandas.DataFrame
        One row per tie.
    source, target : str
        Columns with the two ends.

    Returns
    -------
    dict
        ``nodes``, ``core_k`` (the core's ``k``), ``core_size``, ``core_share`` (of
        nodes), ``core_density`` (share of core pairs tied), ``between_density`` (share
        of core-periphery pairs tied) and ``periphery_density`` (NaN with fewer than 2
        periphery nodes).

    Raises
    ------
    TypeError
        ``edges`` is not a DataFrame.
    ValueError
        Missing columns or no tie between two distinct nodes.

    Examples
    --------
    >>> import pandas as pd
    >>> star_and_triangle = pd.DataFrame({"source": ["a", "a", "b", "a", "c"],
    ...                                   "target": ["b", "c", "c", "d", "e"]})
    >>> result = core_periphery_densities(star_and_triangle)
    >>> result["core_size"], result["core_density"], result["between_density"]
    (3.0, 1.0, 0.3333333333333333)

    References
    ----------
    - Seidman, S. B. (1983). Network structure and minimum degree. *Social Networks*
      5(3), 269-287.
    """
    require_dataframe(edges, "edges")
    require_columns(edges, [source, target], "edges")
    require_nonempty(edges, "edges")
    pairs = edges[[source, target]]
    pairs = pairs[pairs[source] != pairs[target]]
    if pairs.empty:
        raise ValueError("edges has no tie between two distinct nodes")
    graph = nx.Graph()
    graph.add_edges_from(pairs.itertuples(index=False, name=None))
    cores = nx.core_number(graph)
    k = max(cores.values())
    ends = np.array([[cores[u] == k, cores[v] == k] for u, v in graph.edges], dtype=bool)
    c = sum(1 for value in cores.values() if value == k)
    n = graph.number_of_nodes()
    periphery = n - c
    inside = int(np.count_nonzero(ends.all(axis=1)))
    between = int(np.count_nonzero(ends[:, 0] != ends[:, 1]))
    outside = graph.number_of_edges() - inside - between
    return {
        "nodes": float(n),
        "core_k": float(k),
        "core_size": float(c),
        "core_share": c / n,
        "core_density": inside / (c * (c - 1) / 2) if c > 1 else np.nan,
        "between_density": between / (c * periphery) if periphery else np.nan,
        "periphery_density": (
            outside / (periphery * (periphery - 1) / 2) if periphery > 1 else np.nan
        ),
    }
