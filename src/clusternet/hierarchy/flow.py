"""Hierarchy of large directed networks: flow, reach and reciprocity without an n x n matrix.

Krackhardt's hierarchy needs, for every pair, whether one reaches the other. The dense
reachability matrix of ``clusternet.hierarchy.krackhardt`` does not fit a network of
tens of thousands of organisations, so ``network_hierarchy`` counts reachable pairs on
the condensation (strongly connected components), with one bit set per component.

References
----------
- Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations. In
  Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
- Luo, J. and Magee, C. L. (2011). Detecting evolving patterns of self-organizing
  networks by flow hierarchy measurement. *Complexity* 16(6), 53-61.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from clusternet._validation import require_columns, require_dataframe, require_nonempty

__all__ = ["network_hierarchy"]


def _arc_matrix(edges: pd.DataFrame, source: str, target: str):
    codes, nodes = pd.factorize(pd.concat([edges[source], edges[target]], ignore_index=True))
    m = len(edges)
    rows, cols = codes[:m], codes[m:]
    keep = rows != cols  # self-loops are no ties between two nodes
    n = len(nodes)
    matrix = sp.csr_array(
        (np.ones(int(keep.sum()), dtype=np.int8), (rows[keep], cols[keep])), shape=(n, n)
    )
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix


def _linked_pairs(matrix: sp.csr_array, labels: np.ndarray, sizes: np.ndarray) -> float:
    """Unordered pairs in which one node reaches the other (either way or both)."""
    rows, cols = matrix.nonzero()
    cross = labels[rows] != labels[cols]
    k = sizes.size
    condensed = sp.csr_array(
        (np.ones(int(cross.sum()), dtype=np.int8), (labels[rows[cross]], labels[cols[cross]])),
        shape=(k, k),
    )
    condensed.sum_duplicates()
    sources = np.flatnonzero(np.diff(condensed.indptr))  # components with an outgoing arc
    position = np.full(k, -1)
    position[sources] = np.arange(sources.size)
    dag = nx.DiGraph()
    dag.add_nodes_from(sources.tolist())
    sub = condensed[sources][:, sources].tocoo()
    dag.add_edges_from(zip(sources[sub.row].tolist(), sources[sub.col].tolist(), strict=True))
    reach = np.zeros((sources.size, k), dtype=bool)
    for component in reversed(list(nx.topological_sort(dag))):
        row = position[component]
        children = condensed.indices[condensed.indptr[component] : condensed.indptr[component + 1]]
        reach[row, children] = True
        for child in children[position[children] >= 0]:
            reach[row] |= reach[position[child]]
    # nodes below each source: one per component reached, plus the extra members of the
    # few components with more than one node (no float copy of the whole bit matrix)
    multi = np.flatnonzero(sizes > 1)
    reached = np.count_nonzero(reach, axis=1) + reach[:, multi] @ (sizes[multi] - 1)
    mutual = float((sizes * (sizes - 1) / 2).sum())
    return mutual + float(sizes[sources].astype(np.float64) @ reached.astype(np.float64))


def network_hierarchy(
    edges: pd.DataFrame,
    *,
    source: str = "source",
    target: str = "target",
    krackhardt: bool = True,
) -> dict[str, float]:
    """Flow hierarchy, Krackhardt's hierarchy and connectedness, and reciprocity of a large digraph.

    Each row of ``edges`` is an arc (repeated arcs count once, self-loops are dropped);
    the nodes are those that appear in an arc. Memory grows with the number of nodes
    times the number of strongly connected components that have an outgoing arc, not
    with the square of the nodes, so networks of tens of thousands of nodes take well
    under a second.

    Parameters
    ----------
    edges : pandas.DataFrame
        One row per arc.
    source, target : str
        Columns holding the arc's tail and head (any hashable ids).
    krackhardt : bool
        Compute Krackhardt's hierarchy, the costly part (its memory grows with the nodes
        times the components that have an outgoing arc); False gives NaN for it.

    Returns
    -------
    dict
        ``nodes``, ``arcs`` (distinct, no self-loops); ``flow_hierarchy`` (share of arcs
        in no directed cycle, as ``networkx.flow_hierarchy``); ``krackhardt_hierarchy``
        (share of linked pairs that are not mutually reachable, as
        ``krackhardt_hierarchy``); ``connectedness`` (share of pairs in the same weak
        component, as ``krackhardt_connectedness``); ``reciprocity`` (share of arcs whose
        reverse is also an arc); ``largest_strong_share`` (share of nodes in the largest
        strongly connected component); ``source_share`` (share of nodes with an outgoing
        arc).

    Raises
    ------
    TypeError
        ``edges`` is not a DataFrame.
    ValueError
        Missing columns, or no arc between two distinct nodes.

    Examples
    --------
    >>> import pandas as pd
    >>> tree = pd.DataFrame({"source": [0, 0, 1], "target": [1, 2, 3]})
    >>> result = network_hierarchy(tree)
    >>> result["flow_hierarchy"], result["krackhardt_hierarchy"], result["reciprocity"]
    (1.0, 1.0, 0.0)
    >>> loop = pd.DataFrame({"source": [0, 1, 2, 2], "target": [1, 2, 0, 3]})
    >>> round(network_hierarchy(loop)["flow_hierarchy"], 2)
    0.25

    References
    ----------
    - Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations.
      In Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
    - Luo, J. and Magee, C. L. (2011). Detecting evolving patterns of self-organizing
      networks by flow hierarchy measurement. *Complexity* 16(6), 53-61.
    """
    require_dataframe(edges, "edges")
    require_columns(edges, [source, target], "edges")
    require_nonempty(edges, "edges")
    matrix = _arc_matrix(edges, source, target)
    if matrix.nnz == 0:
        raise ValueError("edges has no arc between two distinct nodes; hierarchy is undefined")
    n = matrix.shape[0]
    _, labels = connected_components(matrix, directed=True, connection="strong")
    sizes = np.bincount(labels)
    rows, cols = matrix.nonzero()
    _, weak = connected_components(matrix, directed=True, connection="weak")
    weak_sizes = np.bincount(weak).astype(np.float64)
    mutual = float((sizes * (sizes - 1) / 2).sum())
    hierarchy = 1.0 - mutual / _linked_pairs(matrix, labels, sizes) if krackhardt else np.nan
    return {
        "nodes": float(n),
        "arcs": float(matrix.nnz),
        "flow_hierarchy": float(1.0 - np.mean(labels[rows] == labels[cols])),
        "krackhardt_hierarchy": float(hierarchy),
        "connectedness": float((weak_sizes * (weak_sizes - 1)).sum() / (n * (n - 1.0))),
        "reciprocity": float(matrix.multiply(matrix.T).nnz / matrix.nnz),
        "largest_strong_share": float(sizes.max() / n),
        "source_share": float(np.count_nonzero(np.diff(matrix.indptr)) / n),
    }
