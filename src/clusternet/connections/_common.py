"""Private helpers and the layer vocabulary shared by the files of :mod:`clusternet.connections`.

The three layers (their names, the profile columns counting them, their labels) are used
by the classification, the profiles, the models and the sensitivity check; the tie-list
checks by the classification, the profiles and the perturbations.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_graph,
    require_no_missing,
)

#: The three layers, in the order the report uses them.
LAYERS = ("local", "external", "cross_sector")
#: Columns of :func:`connection_profile` holding each firm's number of ties per layer.
LAYER_COUNT_COLUMNS = ("n_local", "n_external", "n_cross_sector")
#: Labels for figures and tables.
LAYER_LABELS = {
    "local": "Local (same place, same cluster)",
    "external": "External (other places)",
    "cross_sector": "Cross-sector (other local sectors)",
}


def _endpoints(network, endpoints):
    """Return the tie endpoints (two arrays) of a graph or an edge list, checked."""
    if isinstance(network, nx.Graph):
        require_graph(network, "network", directed=False, simple=True)
        loops = list(nx.selfloop_edges(network))
        if loops:
            raise ValueError(
                f"network has self-loop(s) at firm(s) {format_items([u for u, _ in loops])}; a firm cannot collaborate with itself"
            )
        if network.number_of_edges() == 0:
            raise ValueError("network has no ties; there is nothing to classify")
        edges = list(network.edges())
        source = pd.Index([u for u, _ in edges])
        target = pd.Index([v for _, v in edges])
        return source, target
    if isinstance(network, pd.DataFrame):
        if not isinstance(endpoints, Sequence) or isinstance(endpoints, str) or len(endpoints) != 2:
            raise TypeError(f"endpoints must be a pair of column names, got {endpoints!r}")
        first, second = endpoints
        require_columns(network, [first, second], "ties")
        if len(network) == 0:
            raise ValueError("ties is empty; there is nothing to classify")
        require_no_missing(network, "ties", [first, second])
        source, target = pd.Index(network[first]), pd.Index(network[second])
        loops = source[source == target]
        if len(loops):
            raise ValueError(
                f"ties has self-loop(s) at firm(s) {format_items(loops.unique())}; a firm cannot collaborate with itself"
            )
        return source, target
    raise TypeError(
        f"network must be a networkx Graph or a DataFrame edge list, got {type(network).__name__}"
    )


def _positions(ids: pd.Index, source: pd.Index, target: pd.Index, name: str):
    """Map tie endpoints to rows of the attribute table; raise naming unknown firms."""
    s, t = ids.get_indexer(source), ids.get_indexer(target)
    if (s < 0).any() or (t < 0).any():
        unknown = pd.Index(source[s < 0]).append(pd.Index(target[t < 0])).unique()
        hint = ""
        if len(ids) and type(unknown[0]) is not type(ids[0]):
            hint = f" (ids in {name} are {type(unknown[0]).__name__}, in firms {type(ids[0]).__name__})"
        raise ValueError(
            f"{name} has tie(s) to firm(s) {format_items(list(unknown))} not in the firms table{hint}"
        )
    return s, t


def _formula(outcome, regressors, controls):
    if not isinstance(outcome, str) or not outcome:
        raise TypeError(f"outcome must be a column name, got {outcome!r}")
    for label, values in (("layers", regressors), ("controls", controls)):
        if isinstance(values, str) or not isinstance(values, Sequence):
            raise TypeError(f"{label} must be a list of strings, got {type(values).__name__}")
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise TypeError(f"{label} must hold non-empty strings, got {list(values)!r}")
    return f"{outcome} ~ " + " + ".join([*regressors, *controls])
