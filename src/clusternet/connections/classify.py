"""Classify the ties of a firm collaboration network into Nesta's three layers.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx
import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_graph,
    require_in,
    require_no_missing,
    require_nonempty,
)
from clusternet.connections._common import LAYERS, _endpoints, _positions

__all__ = ["firm_table_from_graph", "classify_ties"]

_BOUNDARIES = ("creative", "sector")


def firm_table_from_graph(
    graph, attributes: Sequence[str] = ("place", "sector", "creative"), *, firm: str = "firm"
):
    """Build a firm attribute table from the node attributes of a networkx graph.

    Parameters
    ----------
    graph : networkx.Graph
        Nodes are firms; each node carries the ``attributes``.
    attributes : sequence of str
        Node attributes to copy into columns.
    firm : str
        Name of the column holding the node labels.

    Returns
    -------
    pandas.DataFrame
        One row per node, columns ``firm`` and ``attributes``.

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph.
    ValueError
        An empty graph, or nodes lacking one of the attributes (named in the message).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b")])
    >>> nx.set_node_attributes(g, {"a": "X", "b": "Y"}, "place")
    >>> firm_table_from_graph(g, ["place"]).to_dict("list")
    {'firm': ['a', 'b'], 'place': ['X', 'Y']}

    References
    ----------
    - NetworkX node attributes: ``networkx.get_node_attributes``.
    """
    require_graph(graph, "graph")
    if isinstance(attributes, str) or not isinstance(attributes, Sequence):
        raise TypeError(
            f"attributes must be a list of attribute names, got {type(attributes).__name__}"
        )
    columns = {firm: list(graph.nodes)}
    for attribute in attributes:
        values = nx.get_node_attributes(graph, attribute)
        missing = [node for node in graph.nodes if node not in values]
        if missing:
            raise ValueError(
                f"graph: node(s) {format_items(missing)} have no {attribute!r} attribute"
            )
        columns[attribute] = [values[node] for node in graph.nodes]
    return pd.DataFrame(columns)


def _firm_attributes(firms, *, firm, place, sector, creative, sectors):
    """Validate the attribute table; return (ids Index, place codes, sector array, creative bool)."""
    require_dataframe(firms, "firms")
    require_nonempty(firms, "firms")
    needed = [firm, place, sector] + ([creative] if sectors is None else [])
    require_columns(firms, needed, "firms")
    require_no_missing(firms, "firms", needed)
    ids = pd.Index(firms[firm])
    if ids.has_duplicates:
        raise ValueError(
            f"firms: firm id(s) {format_items(ids[ids.duplicated()].unique())} appear more than once"
        )
    sector_values = firms[sector].astype(str).to_numpy()
    if sectors is not None:
        if not isinstance(sectors, Mapping):
            raise TypeError(
                f"sectors must be a mapping sector -> is creative (bool), got {type(sectors).__name__}"
            )
        bad_flags = [s for s, flag in sectors.items() if not isinstance(flag, bool | np.bool_)]
        if bad_flags:
            raise TypeError(
                f"sectors: the value of {format_items(bad_flags)} must be True or False"
            )
        known = {str(s) for s in sectors}
        unknown = sorted(set(sector_values) - known)
        if unknown:
            raise ValueError(
                f"firms has unknown sector(s) {format_items(unknown)}; add them to sectors (sector -> is creative)"
            )
        lookup = {str(s): bool(flag) for s, flag in sectors.items()}
        is_creative = pd.Series(sector_values).map(lookup).to_numpy(dtype=bool)
    else:
        values = firms[creative]
        if pd.api.types.is_bool_dtype(values):
            is_creative = values.to_numpy(dtype=bool)
        else:
            distinct = set(pd.unique(values))
            if not distinct <= {0, 1}:
                raise ValueError(
                    f"firms: column {creative!r} must be True/False or 0/1, found {format_items(sorted(distinct, key=str))}"
                )
            is_creative = values.to_numpy(dtype=int) == 1
    place_codes = pd.factorize(firms[place])[0]
    return ids, place_codes, sector_values, is_creative


def _check_duplicates(s: np.ndarray, t: np.ndarray, source: pd.Index, target: pd.Index):
    low, high = np.minimum(s, t), np.maximum(s, t)
    key = low.astype(np.int64) * (int(max(high.max(), 0)) + 1) + high
    duplicated = pd.Index(key).duplicated()
    if duplicated.any():
        first = np.flatnonzero(duplicated)[:5]
        pairs = [(source[i], target[i]) for i in first]
        raise ValueError(
            f"ties lists {int(duplicated.sum())} tie(s) more than once (in either direction), e.g. {format_items(pairs)}; "
            "drop duplicates first"
        )


def classify_ties(
    network,
    firms: pd.DataFrame | None = None,
    *,
    firm: str = "firm",
    place: str = "place",
    sector: str = "sector",
    creative: str = "creative",
    sectors: Mapping | None = None,
    boundary: str = "creative",
    endpoints: Sequence[str] = ("source", "target"),
) -> pd.DataFrame:
    """Classify every tie of a firm collaboration network into Nesta's three layers.

    A tie between firms ``i`` and ``j`` is

    - ``external`` if they are in different places;
    - ``local`` if they are in the same place and the same cluster group;
    - ``cross_sector`` if they are in the same place but different cluster groups.

    With ``boundary="creative"`` (default) all creative firms of a place form one group
    (the creative cluster: a tie between a designer and an advertising agency in the
    same town is local) and every other sector is its own group. With
    ``boundary="sector"`` every sector is its own group, creative or not.

    Parameters
    ----------
    network : networkx.Graph or pandas.DataFrame
        An undirected graph whose nodes are firm ids, or an edge list with one row per
        tie and the two ``endpoints`` columns.
    firms : pandas.DataFrame, optional
        Attribute table, one row per firm, with columns ``firm``, ``place``, ``sector``
        and ``creative`` (True/False or 0/1; not needed when ``sectors`` is given). If
        omitted, ``network`` must be a graph carrying these as node attributes.
    firm, place, sector, creative : str
        Column (or node attribute) names.
    sectors : mapping, optional
        Sector -> is it creative (bool). Firms in a sector not listed raise an error
        (catches typos), and the creative flag is taken from here.
    boundary : {"creative", "sector"}
        What counts as the cluster's own firms, see above.
    endpoints : pair of str
        Column names of the two firms of a tie in an edge list.

    Returns
    -------
    pandas.DataFrame
        One row per tie, in input order: ``source``, ``target``, ``layer`` (one of
        ``LAYERS``), ``source_place``, ``target_place``, ``source_sector``,
        ``target_sector`` (these five are pandas categoricals, which keeps a
        million-tie table small and fast), ``source_creative``, ``target_creative``.

    Raises
    ------
    TypeError
        ``network`` is neither a graph nor a DataFrame, ``firms`` is not a DataFrame, or
        ``sectors`` is not a mapping to bool.
    ValueError
        Missing attribute columns or values, duplicate firm ids, unknown sectors,
        self-loops, ties listed twice, ties to firms not in the attribute table, a
        directed or multi-graph, or a network without ties.

    Examples
    --------
    >>> firms = pd.DataFrame({"firm": [1, 2, 3, 4], "place": ["A", "A", "A", "B"],
    ...                       "sector": ["design", "music", "retail", "design"],
    ...                       "creative": [1, 1, 0, 1]})
    >>> ties = pd.DataFrame({"source": [1, 1, 1], "target": [2, 3, 4]})
    >>> classify_ties(ties, firms)["layer"].tolist()
    ['local', 'cross_sector', 'external']
    >>> classify_ties(ties, firms, boundary="sector")["layer"].tolist()
    ['cross_sector', 'cross_sector', 'external']

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    require_in(boundary, _BOUNDARIES, "boundary")
    if firms is None:
        if not isinstance(network, nx.Graph):
            raise TypeError(
                "firms is required when network is an edge list (only a graph can carry node attributes)"
            )
        attributes = [place, sector] + ([creative] if sectors is None else [])
        firms = firm_table_from_graph(network, attributes, firm=firm)
    ids, place_codes, sector_values, is_creative = _firm_attributes(
        firms, firm=firm, place=place, sector=sector, creative=creative, sectors=sectors
    )
    source, target = _endpoints(network, endpoints)
    s, t = _positions(ids, source, target, "network")
    _check_duplicates(s, t, source, target)
    if boundary == "creative":
        group = np.where(is_creative, "\x00creative", sector_values)
    else:
        group = sector_values
    group_codes = pd.factorize(group)[0]
    same_place = place_codes[s] == place_codes[t]
    same_group = group_codes[s] == group_codes[t]
    layer_index = np.where(same_place, np.where(same_group, 0, 2), 1)
    place_codes_all, place_labels = pd.factorize(firms[place])
    sector_codes_all, sector_labels = pd.factorize(sector_values)
    return pd.DataFrame(
        {
            "source": source.to_numpy(),
            "target": target.to_numpy(),
            "layer": pd.Categorical.from_codes(layer_index, categories=list(LAYERS)),
            "source_place": pd.Categorical.from_codes(place_codes_all[s], categories=place_labels),
            "target_place": pd.Categorical.from_codes(place_codes_all[t], categories=place_labels),
            "source_sector": pd.Categorical.from_codes(
                sector_codes_all[s], categories=sector_labels
            ),
            "target_sector": pd.Categorical.from_codes(
                sector_codes_all[t], categories=sector_labels
            ),
            "source_creative": is_creative[s],
            "target_creative": is_creative[t],
        }
    )
