"""Private kernels shared by several files of :mod:`clusternet.hierarchy`."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import shortest_path

from clusternet._validation import require_graph


def reachability(adjacency: sp.csr_array) -> np.ndarray:
    """Boolean matrix R with R[i, j] True iff j can be reached from i (diagonal True)."""
    distances = shortest_path(adjacency, method="D", directed=True, unweighted=True)
    return np.isfinite(distances)


def check_directed(graph, name: str):
    """``require_graph`` for the directed, simple graphs Krackhardt's measures take."""
    return require_graph(graph, name, directed=True, min_nodes=2, simple=True)
