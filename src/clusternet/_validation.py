"""Input checks shared by every public helper.

Each check raises :class:`TypeError` (wrong kind of object) or :class:`ValueError`
(right kind, impossible content) with a message that names the parameter and the
problem, so a reader running a chapter on their own data learns what to fix.
Helpers call these instead of writing their own checks, so the same mistake gets the
same message everywhere.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Sequence

import networkx as nx
import numpy as np
import pandas as pd

__all__ = [
    "require_dataframe",
    "require_columns",
    "require_nonempty",
    "require_numeric_columns",
    "require_nonnegative",
    "require_no_missing",
    "require_fraction",
    "require_positive_int",
    "require_graph",
    "require_real",
    "require_seed",
    "require_in",
    "format_items",
]


def format_items(items: Iterable, limit: int = 8) -> str:
    """Return a short, readable list of offending items for an error message."""
    items = list(items)
    shown = ", ".join(repr(i) for i in items[:limit])
    if len(items) > limit:
        shown += f", ... ({len(items)} in all)"
    return shown


def require_dataframe(obj, name: str) -> pd.DataFrame:
    """Raise TypeError unless ``obj`` is a pandas DataFrame; return it."""
    if not isinstance(obj, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(obj).__name__}")
    return obj


def require_nonempty(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Raise ValueError if ``frame`` has no rows or no columns."""
    if frame.shape[0] == 0 or frame.shape[1] == 0:
        raise ValueError(
            f"{name} is empty (shape {frame.shape}); it needs at least one row and column"
        )
    return frame


def require_columns(frame: pd.DataFrame, columns: Sequence[str], name: str) -> pd.DataFrame:
    """Raise ValueError naming every column of ``columns`` missing from ``frame``."""
    require_dataframe(frame, name)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} is missing required column(s) {format_items(missing)}; "
            f"it has {format_items(list(frame.columns))}"
        )
    return frame


def require_numeric_columns(frame: pd.DataFrame, name: str, columns: Sequence[str] | None = None):
    """Raise TypeError naming columns of ``frame`` that are not numeric (bool is not numeric)."""
    subset = frame if columns is None else frame[list(columns)]
    # fast path for wide tables: check each distinct dtype once, name columns only on failure
    if all(
        pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d)
        for d in set(subset.dtypes.tolist())
    ):
        return frame
    bad = [
        c
        for c, d in subset.dtypes.items()
        if not pd.api.types.is_numeric_dtype(d) or pd.api.types.is_bool_dtype(d)
    ]
    if bad:
        raise TypeError(
            f"{name} has non-numeric column(s) {format_items(bad)}; counts must be numbers"
        )
    return frame


def require_no_missing(frame: pd.DataFrame, name: str, columns: Sequence[str] | None = None):
    """Raise ValueError naming columns of ``frame`` that contain NaN or None."""
    columns = list(frame.columns) if columns is None else list(columns)
    bad = [c for c in columns if frame[c].isna().any()]
    if bad:
        raise ValueError(f"{name} has missing values (NaN) in column(s) {format_items(bad)}")
    return frame


def require_nonnegative(frame: pd.DataFrame, name: str, columns: Sequence[str] | None = None):
    """Raise ValueError naming columns of ``frame`` that hold negative or infinite values."""
    columns = list(frame.columns) if columns is None else list(columns)
    values = frame[columns].to_numpy(dtype=float)
    if not np.isfinite(values).all():
        bad = [c for c in columns if not np.isfinite(frame[c].to_numpy(dtype=float)).all()]
        raise ValueError(f"{name} has infinite or missing values in column(s) {format_items(bad)}")
    if (values < 0).any():
        bad = [c for c in columns if (frame[c].to_numpy(dtype=float) < 0).any()]
        raise ValueError(
            f"{name} has negative values in column(s) {format_items(bad)}; counts cannot be negative"
        )
    return frame


def require_real(value, name: str, *, minimum=None, maximum=None, inclusive: bool = True) -> float:
    """Return ``value`` as float after checking it is a finite real number within bounds."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if minimum is not None and (value < minimum if inclusive else value <= minimum):
        raise ValueError(f"{name} must be {'>=' if inclusive else '>'} {minimum}, got {value}")
    if maximum is not None and (value > maximum if inclusive else value >= maximum):
        raise ValueError(f"{name} must be {'<=' if inclusive else '<'} {maximum}, got {value}")
    return value


def require_fraction(value, name: str) -> float:
    """Return ``value`` as float after checking it lies in [0, 1]."""
    return require_real(value, name, minimum=0.0, maximum=1.0)


#: Largest single allocation a public function makes on a caller's request, in bytes.
MAX_REQUEST_BYTES = 2 * 2**30


def require_fits(bytes_needed: float, request: str) -> None:
    """Raise ValueError when a request (``request`` names its parameters and values)
    would allocate more than ``MAX_REQUEST_BYTES``."""
    if bytes_needed > MAX_REQUEST_BYTES:
        raise ValueError(
            f"{request} would need about {bytes_needed / 2**30:,.1f} GiB of memory, more than "
            f"the {MAX_REQUEST_BYTES / 2**30:g} GiB limit; ask for less"
        )


def require_positive_int(value, name: str, *, minimum: int = 1) -> int:
    """Return ``value`` as int after checking it is an integer >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def require_seed(seed, name: str = "seed"):
    """Check a seed is None, an int or a numpy Generator; return a Generator."""
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or (isinstance(seed, numbers.Integral) and not isinstance(seed, bool)):
        return np.random.default_rng(seed)
    raise TypeError(
        f"{name} must be None, an int or a numpy.random.Generator, got {type(seed).__name__}"
    )


def require_in(value, allowed: Iterable, name: str):
    """Raise ValueError unless ``value`` is one of ``allowed``."""
    allowed = list(allowed)
    if value not in allowed:
        raise ValueError(f"{name} must be one of {format_items(allowed)}, got {value!r}")
    return value


def require_graph(
    graph,
    name: str = "graph",
    *,
    directed: bool | None = None,
    min_nodes: int = 1,
    require_edges: bool = False,
    connected: bool = False,
    simple: bool = False,
):
    """Check ``graph`` is a networkx graph with the stated properties; return it.

    Parameters
    ----------
    graph : object
        The object to check.
    name : str
        The parameter name used in messages.
    directed : bool or None
        True requires a directed graph, False an undirected one, None accepts both.
    min_nodes : int
        Fewest nodes accepted (an empty graph is rejected by default).
    require_edges : bool
        Reject a graph with no edges.
    connected : bool
        Reject a disconnected graph (weakly connected for directed graphs).
    simple : bool
        Reject a multigraph (parallel ties would be counted twice).
    """
    if not isinstance(graph, nx.Graph):
        raise TypeError(f"{name} must be a networkx graph, got {type(graph).__name__}")
    if directed is True and not graph.is_directed():
        raise ValueError(
            f"{name} must be a directed graph (nx.DiGraph); direction matters for this measure"
        )
    if directed is False and graph.is_directed():
        raise ValueError(f"{name} must be an undirected graph; convert with graph.to_undirected()")
    if simple and graph.is_multigraph():
        constructor = "nx.DiGraph" if graph.is_directed() else "nx.Graph"
        raise ValueError(
            f"{name} is a multigraph; collapse parallel ties first, e.g. {constructor}({name})"
        )
    n = graph.number_of_nodes()
    if n < min_nodes:
        what = "empty (no nodes)" if n == 0 else f"too small ({n} nodes)"
        raise ValueError(f"{name} is {what}; it needs at least {min_nodes} node(s)")
    if require_edges and graph.number_of_edges() == 0:
        raise ValueError(f"{name} has no edges; the measure is undefined on an edgeless graph")
    if connected:
        is_conn = nx.is_weakly_connected(graph) if graph.is_directed() else nx.is_connected(graph)
        if not is_conn:
            raise ValueError(
                f"{name} is disconnected; pass its largest connected component instead"
            )
    return graph
