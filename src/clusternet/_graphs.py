"""Shared graph kernels: sparse adjacency, bipartite projection, giant component.

One implementation of each operation every topic needs, in SciPy sparse form (CSR
arrays), so that the hierarchy, connections and small-world measures agree on what an
adjacency matrix or a projection is. Inputs are assumed validated by the caller (these are
private kernels; the public functions check their inputs with ``clusternet._validation``).

Examples
--------
>>> import numpy as np
>>> import scipy.sparse as sp
>>> incidence = sp.csr_array(np.array([[1, 1, 0], [1, 0, 0], [0, 1, 1]]))
>>> bipartite_projection(incidence).toarray().astype(int).tolist()
[[0, 1, 1], [1, 0, 0], [1, 0, 0]]
>>> giant_component(bipartite_projection(incidence)).tolist()
[0, 1, 2]
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

__all__ = [
    "adjacency_matrix",
    "drop_diagonal",
    "bipartite_projection",
    "giant_component",
    "weak_components",
]


def adjacency_matrix(graph, nodelist=None, *, symmetric: bool = False) -> sp.csr_array:
    """0/1 adjacency of a networkx graph as an int8 CSR array, without self-loops.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
    nodelist : list, optional
        Row and column order; default ``list(graph.nodes)``.
    symmetric : bool
        Symmetrise a directed graph (a tie in either direction counts).

    Returns
    -------
    scipy.sparse.csr_array
    """
    nodelist = list(graph.nodes) if nodelist is None else nodelist
    matrix = nx.to_scipy_sparse_array(graph, nodelist=nodelist, weight=None, format="csr")
    matrix = sp.csr_array(matrix, dtype=np.int8)
    matrix.setdiag(0)
    matrix.eliminate_zeros()
    if symmetric:
        matrix = ((matrix + matrix.T) > 0).astype(np.int8)
    matrix.data[:] = 1
    return sp.csr_array(matrix)


def drop_diagonal(matrix, *, weighted: bool = False, dtype=np.float64) -> sp.csr_array:
    """A square CSR array without its diagonal and explicit zeros, indices sorted.

    Parameters
    ----------
    matrix : scipy sparse matrix or array, square
    weighted : bool
        Keep the values (default: every kept entry becomes 1).
    dtype : numpy dtype
        Of the result's values.

    Returns
    -------
    scipy.sparse.csr_array
    """
    matrix = sp.csr_array(matrix)
    matrix.sort_indices()
    n = matrix.shape[0]
    rows = np.repeat(np.arange(n), np.diff(matrix.indptr))
    keep = (matrix.indices != rows) & (matrix.data != 0)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows[keep], minlength=n), out=indptr[1:])
    data = matrix.data[keep].astype(dtype) if weighted else np.ones(int(keep.sum()), dtype=dtype)
    return sp.csr_array((data, matrix.indices[keep], indptr), shape=(n, n))


def bipartite_projection(incidence, *, weighted: bool = False, dtype=np.float64) -> sp.csr_array:
    """One-mode projection ``B @ B.T`` of a rows x columns incidence matrix, no diagonal.

    Parameters
    ----------
    incidence : scipy sparse matrix or array
        Rows are the nodes to project onto (people, organisations); columns the
        affiliations (teams, projects, sectors). Transpose it to project onto columns.
    weighted : bool
        Entries count shared affiliations (default: 0/1 ties).
    dtype : numpy dtype

    Returns
    -------
    scipy.sparse.csr_array
        Symmetric, sorted indices, no diagonal, no explicit zeros.
    """
    incidence = sp.csr_array(incidence)
    return drop_diagonal(incidence @ incidence.T, weighted=weighted, dtype=dtype)


def giant_component(adjacency) -> np.ndarray:
    """Sorted node indices of the largest connected component of an undirected adjacency.

    Ties between equally large components go to the one holding the lowest node index.
    """
    _, labels = connected_components(adjacency, directed=False)
    sizes = np.bincount(labels)
    return np.flatnonzero(labels == int(np.argmax(sizes)))


def weak_components(adjacency) -> np.ndarray:
    """Weak-component label of every node of a directed adjacency."""
    return connected_components(adjacency, directed=True, connection="weak")[1]
