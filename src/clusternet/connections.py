"""Nesta's three layers of connections in creative clusters.

Chapain et al. (2010) argue that creative clusters become innovative through three
layers of connections. This module classifies every tie of a firm collaboration network
into those layers from firm attributes (place, sector, creative or not):

- ``local``: both firms are in the same place and the same cluster group (for a creative
  firm, the place's creative firms; for another firm, its own sector in that place);
- ``external``: the firms are in different places;
- ``cross_sector``: same place, different cluster group (links with other local sectors).

It then summarises each firm's connection profile (ties and shares per layer, layer
diversity), identifies creative clusters from firm counts and location quotients, fits
the firm-innovation and spillover logits through :mod:`clusternet.models`, checks how
the ranking of layers responds to a sparser or denser network, and summarises how
cluster organisations bridge sectors.

Every function validates its input and raises ``TypeError`` (wrong kind of object) or
``ValueError`` (impossible content) naming the parameter and the problem.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
- De Propris, L., Chapain, C., Cooke, P., MacNeill, S. and Mateos-Garcia, J. (2009).
  The geography of creativity. NESTA interim report, London.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy import stats

from clusternet import models
from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_fraction,
    require_graph,
    require_in,
    require_no_missing,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
    require_real,
    require_seed,
)
from clusternet.clusters import location_quotient

__all__ = [
    "LAYERS",
    "LAYER_COUNT_COLUMNS",
    "LAYER_LABELS",
    "firm_table_from_graph",
    "classify_ties",
    "connection_profile",
    "layer_diversity",
    "layer_shares",
    "firm_count_matrix",
    "creative_cluster_table",
    "creative_presence",
    "area_innovation_rates",
    "fit_layer_model",
    "layer_effects",
    "layer_scenario_probabilities",
    "fit_spillover_model",
    "spillover_effects",
    "spillover_curve",
    "perturb_ties",
    "layer_sensitivity",
    "sector_bridges",
    "bridging_summary",
    "sector_bridge_degree",
    "bridge_relatedness",
]  # key_results stays out of __all__ so it is not re-exported (every topic has one)

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
_BOUNDARIES = ("creative", "sector")


# ---------------------------------------------------------------------------
# attribute tables and tie lists
# ---------------------------------------------------------------------------


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
        :data:`LAYERS`), ``source_place``, ``target_place``, ``source_sector``,
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


def _check_classified(ties, name="ties") -> np.ndarray:
    """Check a classified tie list; return the layer of each tie as a code 0, 1, 2 (LAYERS order)."""
    require_dataframe(ties, name)
    require_columns(ties, ["source", "target", "layer"], name)
    require_no_missing(ties, name, ["source", "target", "layer"])
    layer = ties["layer"]
    known = pd.Index(LAYERS)
    if isinstance(layer.dtype, pd.CategoricalDtype):
        codes = known.get_indexer(layer.cat.categories.astype(str))[layer.cat.codes.to_numpy()]
    else:
        codes = known.get_indexer(layer.astype(str))
    if (codes < 0).any():
        unknown = sorted({str(v) for v in ties["layer"].to_numpy()[codes < 0]})
        raise ValueError(
            f"{name}: unknown layer(s) {format_items(unknown)}; layers are {format_items(LAYERS)} (use classify_ties)"
        )
    return codes


# ---------------------------------------------------------------------------
# profiles and descriptive shares
# ---------------------------------------------------------------------------


def layer_diversity(counts) -> np.ndarray:
    r"""Normalised Shannon entropy of each row of tie counts across layers.

    .. math:: D_i = -\frac{1}{\ln K} \sum_{l=1}^{K} s_{il} \ln s_{il},
              \qquad s_{il} = \frac{n_{il}}{\sum_m n_{im}}

    0 when all of a firm's ties are in one layer, 1 when they are spread equally over
    the ``K`` layers. A firm with no ties has diversity 0 (it has no spread).

    Parameters
    ----------
    counts : array-like or pandas.DataFrame
        Rows are firms, columns the ``K >= 2`` layers; non-negative counts.

    Returns
    -------
    numpy.ndarray
        One value in [0, 1] per row.

    Raises
    ------
    TypeError
        Non-numeric counts.
    ValueError
        Not two-dimensional, fewer than two columns, no rows, negative or non-finite counts.

    Examples
    --------
    >>> layer_diversity([[3, 0, 0], [1, 1, 1], [0, 0, 0]]).round(3).tolist()
    [0.0, 1.0, 0.0]

    References
    ----------
    - Shannon, C. E. (1948). A mathematical theory of communication. *Bell System
      Technical Journal* 27, 379-423.
    """
    if isinstance(counts, pd.DataFrame):
        require_numeric_columns(counts, "counts")
        values = counts.to_numpy(dtype=float)
    else:
        try:
            values = np.asarray(counts, dtype=float)
        except (TypeError, ValueError) as error:
            raise TypeError(
                f"counts must be numeric, got {type(counts).__name__}: {error}"
            ) from error
    if values.ndim != 2:
        raise ValueError(
            f"counts must be two-dimensional (firms x layers), got {values.ndim} dimension(s)"
        )
    if values.shape[0] == 0 or values.shape[1] < 2:
        raise ValueError(
            f"counts needs at least one row and two layer columns, got shape {values.shape}"
        )
    if not np.isfinite(values).all():
        raise ValueError("counts has infinite or missing values")
    if (values < 0).any():
        raise ValueError("counts has negative values; tie counts cannot be negative")
    total = values.sum(axis=1, keepdims=True)
    shares = np.divide(values, total, out=np.zeros_like(values), where=total > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(shares > 0, shares * np.log(shares), 0.0)
    diversity = 0.0 - terms.sum(axis=1) / np.log(values.shape[1])  # 0.0 - x never gives -0.0
    return np.clip(diversity, 0.0, 1.0)


def connection_profile(
    ties: pd.DataFrame, firms: pd.DataFrame, *, firm: str = "firm"
) -> pd.DataFrame:
    """Each firm's connection profile: ties, shares and diversity across the three layers.

    Every tie counts once for each of its two firms.

    Parameters
    ----------
    ties : pandas.DataFrame
        Classified ties, the output of :func:`classify_ties` (columns ``source``,
        ``target``, ``layer``).
    firms : pandas.DataFrame
        The firms to profile, with a ``firm`` id column; firms without ties get zeros.
    firm : str
        Name of the id column.

    Returns
    -------
    pandas.DataFrame
        ``firms`` (same rows and order) with added columns ``n_local``, ``n_external``,
        ``n_cross_sector`` (ties per layer), ``degree`` (all ties), ``share_local``,
        ``share_external``, ``share_cross_sector`` (shares of the firm's ties; 0 for a
        firm without ties) and ``layer_diversity`` (see :func:`layer_diversity`).

    Raises
    ------
    TypeError
        ``ties`` or ``firms`` is not a DataFrame.
    ValueError
        Missing columns or values, unknown layers, duplicate firm ids, ties to firms not
        in ``firms``, or ``firms`` already holding a profile column.

    Examples
    --------
    >>> ties = pd.DataFrame({"source": [1, 1], "target": [2, 3], "layer": ["local", "external"]})
    >>> firms = pd.DataFrame({"firm": [1, 2, 3, 4]})
    >>> connection_profile(ties, firms)[["firm", "n_local", "n_external", "degree"]].to_numpy().tolist()
    [[1, 1, 1, 2], [2, 1, 0, 1], [3, 0, 1, 1], [4, 0, 0, 0]]

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    layer_codes = _check_classified(ties)
    require_dataframe(firms, "firms")
    require_nonempty(firms, "firms")
    require_columns(firms, [firm], "firms")
    require_no_missing(firms, "firms", [firm])
    clash = [c for c in (*LAYER_COUNT_COLUMNS, "degree", "layer_diversity") if c in firms.columns]
    if clash:
        raise ValueError(
            f"firms already has profile column(s) {format_items(clash)}; pass the attribute table only"
        )
    ids = pd.Index(firms[firm])
    if ids.has_duplicates:
        raise ValueError(
            f"firms: firm id(s) {format_items(ids[ids.duplicated()].unique())} appear more than once"
        )
    source, target = pd.Index(ties["source"]), pd.Index(ties["target"])
    s, t = _positions(ids, source, target, "ties")
    n = len(ids)
    counts = np.zeros((n, len(LAYERS)), dtype=np.int64)
    for k in range(len(LAYERS)):
        mask = layer_codes == k
        counts[:, k] = np.bincount(s[mask], minlength=n) + np.bincount(t[mask], minlength=n)
    degree = counts.sum(axis=1)
    shares = np.divide(
        counts, degree[:, None], out=np.zeros(counts.shape), where=degree[:, None] > 0
    )
    added = {column: counts[:, k] for k, column in enumerate(LAYER_COUNT_COLUMNS)}
    added["degree"] = degree
    added.update({f"share_{name}": shares[:, k] for k, name in enumerate(LAYERS)})
    added["layer_diversity"] = layer_diversity(counts)
    return firms.assign(**added)


def layer_shares(profile: pd.DataFrame, by: str | None = "place") -> pd.DataFrame:
    """Mean ties per firm and share of all ties in each layer, by group.

    Parameters
    ----------
    profile : pandas.DataFrame
        Output of :func:`connection_profile` (possibly a subset, e.g. creative firms).
    by : str or None
        Column to group by (e.g. ``"place"``); None for one row over all firms.

    Returns
    -------
    pandas.DataFrame
        Indexed by group: ``firms``, ``ties_per_firm`` and, for each layer,
        ``mean_<layer>`` (ties per firm) and ``share_<layer>`` (share of the group's tie
        ends; the three shares sum to 1).

    Raises
    ------
    TypeError
        ``profile`` is not a DataFrame.
    ValueError
        Missing columns, no rows, negative counts, or a group with no ties at all (its
        shares are undefined).

    Examples
    --------
    >>> profile = pd.DataFrame({"place": ["A", "A", "B"], "n_local": [2, 0, 1],
    ...                         "n_external": [0, 2, 1], "n_cross_sector": [0, 0, 2]})
    >>> layer_shares(profile)["share_local"].tolist()
    [0.5, 0.25]

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    require_dataframe(profile, "profile")
    columns = list(LAYER_COUNT_COLUMNS) + ([by] if by is not None else [])
    require_columns(profile, columns, "profile")
    require_nonempty(profile, "profile")
    require_numeric_columns(profile, "profile", LAYER_COUNT_COLUMNS)
    require_nonnegative(profile, "profile", LAYER_COUNT_COLUMNS)
    keys = profile[by] if by is not None else pd.Series("all", index=profile.index)
    if keys.isna().any():
        raise ValueError(f"profile: column {by!r} has missing values")
    grouped = profile[list(LAYER_COUNT_COLUMNS)].groupby(keys.to_numpy(), sort=True)
    sums, firms = grouped.sum(), grouped.size()
    total = sums.sum(axis=1)
    empty = list(total.index[total == 0])
    if empty:
        raise ValueError(
            f"profile: group(s) {format_items(empty)} have no ties; their layer shares are undefined"
        )
    out = pd.DataFrame({"firms": firms, "ties_per_firm": total / firms})
    for name, column in zip(LAYERS, LAYER_COUNT_COLUMNS, strict=True):
        out[f"mean_{name}"] = sums[column] / firms
    for name, column in zip(LAYERS, LAYER_COUNT_COLUMNS, strict=True):
        out[f"share_{name}"] = sums[column] / total
    out.index.name = by if by is not None else "group"
    return out


# ---------------------------------------------------------------------------
# creative-cluster identification
# ---------------------------------------------------------------------------


def firm_count_matrix(
    firms: pd.DataFrame, *, place: str = "place", sector: str = "sector"
) -> pd.DataFrame:
    """Count firms in every place and sector (places x sectors, zeros filled).

    Parameters
    ----------
    firms : pandas.DataFrame
        One row per firm.
    place, sector : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Places as rows and sectors as columns (both sorted), integer counts.

    Raises
    ------
    TypeError
        ``firms`` is not a DataFrame.
    ValueError
        Missing columns, no rows, or missing values.

    Examples
    --------
    >>> f = pd.DataFrame({"place": ["A", "A", "B"], "sector": ["x", "y", "x"]})
    >>> firm_count_matrix(f).to_dict()
    {'x': {'A': 1, 'B': 1}, 'y': {'A': 1, 'B': 0}}

    References
    ----------
    - Chapain et al. (2010) map creative firms from business-register counts.
    """
    require_dataframe(firms, "firms")
    require_columns(firms, [place, sector], "firms")
    require_nonempty(firms, "firms")
    require_no_missing(firms, "firms", [place, sector])
    matrix = pd.crosstab(firms[place], firms[sector]).sort_index().sort_index(axis=1)
    matrix.index.name, matrix.columns.name = place, sector
    return matrix.astype(np.int64)


def creative_cluster_table(
    counts: pd.DataFrame,
    creative_sectors: Sequence[str],
    *,
    min_firms: int = 100,
    min_lq: float = 1.2,
    level: str = "creative",
) -> pd.DataFrame:
    """Flag creative clusters: enough creative firms and a high enough location quotient.

    A place (or, with ``level="sector"``, a place and creative sector) is flagged when it
    has at least ``min_firms`` creative firms **and** a location quotient of creative
    firms of at least ``min_lq`` against the reference economy (all places in
    ``counts``); a quotient equal to ``min_lq`` up to floating-point rounding meets the
    threshold. The thresholds are parameters because Nesta's own (firm counts, LQ
    cut-offs, travel-to-work areas) could not be verified; the defaults are ours: 1.2 is
    a practitioner cut-off (StatsAmerica's cluster guide uses "over 1.2"), and 100 firms
    keeps tiny places out.

    Parameters
    ----------
    counts : pandas.DataFrame
        Places x sectors, non-negative firm counts (e.g. :func:`firm_count_matrix`).
    creative_sectors : sequence of str
        The columns of ``counts`` that are creative sectors (at least one, not all).
    min_firms : int
        Minimum number of creative firms (>= 0).
    min_lq : float
        Minimum location quotient (> 0).
    level : {"creative", "sector"}
        ``"creative"``: one row per place for all creative sectors together;
        ``"sector"``: one row per place and creative sector.

    Returns
    -------
    pandas.DataFrame
        For ``level="creative"``, indexed by place: ``firms``, ``creative_firms``,
        ``creative_share``, ``creative_lq``, ``is_cluster``. For ``level="sector"``: columns
        place, ``sector``, ``firms`` (of that sector), ``lq``, ``is_cluster``.

    Raises
    ------
    TypeError
        ``counts`` is not a DataFrame, or thresholds of the wrong type.
    ValueError
        Unknown creative sectors, all sectors creative, negative thresholds, or the
        checks of ``location_quotient`` (negative counts, empty places or sectors).

    Examples
    --------
    >>> m = pd.DataFrame({"design": [30, 10], "retail": [70, 90]}, index=["A", "B"])
    >>> table = creative_cluster_table(m, ["design"], min_firms=20, min_lq=1.5)
    >>> table["creative_lq"].round(3).tolist(), table["is_cluster"].tolist()
    ([1.5, 0.5], [True, False])

    References
    ----------
    - Chapain et al. (2010), see the module references.
    - Crawley, A., Beynon, M. and Munday, M. (2013). Making location quotients more
      relevant as a policy aid in regional spatial analysis. *Urban Studies* 50(9),
      1854-1869 (LQ cut-offs are arbitrary).
    """
    require_dataframe(counts, "counts")
    if isinstance(creative_sectors, str) or not isinstance(creative_sectors, Sequence):
        raise TypeError(
            f"creative_sectors must be a list of column names, got {type(creative_sectors).__name__}"
        )
    creative_sectors = list(creative_sectors)
    if not creative_sectors:
        raise ValueError("creative_sectors is empty; name at least one creative sector")
    unknown = [s for s in creative_sectors if s not in counts.columns]
    if unknown:
        raise ValueError(
            f"creative_sectors has unknown sector(s) {format_items(unknown)}; counts has {format_items(list(counts.columns))}"
        )
    others = [c for c in counts.columns if c not in creative_sectors]
    if not others:
        raise ValueError(
            "creative_sectors covers every column of counts; a location quotient needs other sectors to compare with"
        )
    if isinstance(min_firms, bool) or not isinstance(min_firms, numbers.Integral):
        raise TypeError(f"min_firms must be an integer, got {type(min_firms).__name__}")
    if min_firms < 0:
        raise ValueError(f"min_firms must be >= 0, got {min_firms}")
    min_lq = require_real(min_lq, "min_lq", minimum=0.0, inclusive=False)
    require_in(level, ("creative", "sector"), "level")
    lq_floor = min_lq * (1 - 1e-12)  # an LQ equal to the threshold up to rounding meets it
    if level == "creative":
        creative_firms = counts[creative_sectors].sum(axis=1)
        matrix = pd.DataFrame({"creative": creative_firms, "other": counts[others].sum(axis=1)})
        lq = location_quotient(matrix)["creative"]
        firms = matrix.sum(axis=1)
        return pd.DataFrame(
            {
                "firms": firms,
                "creative_firms": creative_firms,
                "creative_share": creative_firms / firms,
                "creative_lq": lq,
                "is_cluster": (creative_firms >= min_firms) & (lq >= lq_floor),
            }
        )
    lq = location_quotient(counts)[creative_sectors]
    place_name = counts.index.name or "place"
    long = lq.stack().rename("lq").reset_index()
    long.columns = [place_name, "sector", "lq"]
    long.insert(2, "firms", counts[creative_sectors].stack().to_numpy())
    long["is_cluster"] = (long["firms"] >= min_firms) & (long["lq"] >= lq_floor)
    return long


# ---------------------------------------------------------------------------
# spillovers: local creative presence
# ---------------------------------------------------------------------------


def creative_presence(
    firms: pd.DataFrame,
    *,
    area: str = "district",
    creative: str = "creative",
    measure: str = "share",
    exclude_self: bool = True,
    areas: pd.DataFrame | None = None,
    area_size: str = "area_km2",
) -> pd.Series:
    """Local creative presence around each firm: creative share or density of its area.

    ``measure="share"``: creative firms over all firms in the firm's area;
    ``measure="density"``: creative firms per unit of the area's size (e.g. per km2).
    With ``exclude_self`` (default) the firm itself is left out (a leave-one-out
    measure), so a creative firm's own presence does not count as its neighbours'.

    Parameters
    ----------
    firms : pandas.DataFrame
        One row per firm, with ``area`` and ``creative`` (True/False or 0/1) columns.
    area, creative : str
        Column names.
    measure : {"share", "density"}
        See above.
    exclude_self : bool
        Leave the firm itself out.
    areas : pandas.DataFrame, optional
        Needed for ``"density"``: one row per area with columns ``area`` and
        ``area_size`` (positive).
    area_size : str
        Size column of ``areas``.

    Returns
    -------
    pandas.Series
        Aligned with ``firms``, named ``creative_share`` or ``creative_density``.

    Raises
    ------
    TypeError
        ``firms`` or ``areas`` is not a DataFrame.
    ValueError
        Missing columns or values, a creative flag that is not 0/1, an area with a
        single firm (leave-one-out share undefined), areas missing from ``areas``, or
        non-positive area sizes.

    Examples
    --------
    >>> f = pd.DataFrame({"district": ["a", "a", "a", "b", "b"], "creative": [1, 0, 0, 1, 1]})
    >>> creative_presence(f).round(2).tolist()
    [0.0, 0.5, 0.5, 1.0, 1.0]
    >>> creative_presence(f, exclude_self=False).round(2).tolist()
    [0.33, 0.33, 0.33, 1.0, 1.0]

    References
    ----------
    - Chapain et al. (2010) on the spillovers of creative businesses to other local firms.
    """
    require_dataframe(firms, "firms")
    require_columns(firms, [area, creative], "firms")
    require_nonempty(firms, "firms")
    require_no_missing(firms, "firms", [area, creative])
    require_in(measure, ("share", "density"), "measure")
    if not isinstance(exclude_self, bool):
        raise TypeError(f"exclude_self must be True or False, got {type(exclude_self).__name__}")
    flags = firms[creative]
    if not pd.api.types.is_bool_dtype(flags) and not set(pd.unique(flags)) <= {0, 1}:
        raise ValueError(f"firms: column {creative!r} must be True/False or 0/1")
    own = flags.to_numpy(dtype=float)
    codes, labels = pd.factorize(firms[area])
    creative_in_area = np.bincount(codes, weights=own, minlength=len(labels))[codes]
    firms_in_area = np.bincount(codes, minlength=len(labels))[codes].astype(float)
    if exclude_self:
        creative_in_area = creative_in_area - own
        firms_in_area = firms_in_area - 1
    if measure == "share":
        if (firms_in_area == 0).any():
            single = pd.unique(firms.loc[firms_in_area == 0, area])
            raise ValueError(
                f"firms: area(s) {format_items(list(single))} hold a single firm; the leave-one-out share is undefined "
                "(merge small areas or use exclude_self=False)"
            )
        values = creative_in_area / firms_in_area
    else:
        if areas is None:
            raise ValueError("measure='density' needs areas, a table of area sizes")
        require_dataframe(areas, "areas")
        require_columns(areas, [area, area_size], "areas")
        require_numeric_columns(areas, "areas", [area_size])
        sizes = areas.drop_duplicates(area).set_index(area)[area_size]
        missing = [a for a in labels if a not in sizes.index]
        if missing:
            raise ValueError(f"areas has no size for area(s) {format_items(missing)}")
        size = sizes.reindex(labels).to_numpy(dtype=float)
        if not np.isfinite(size).all() or (size <= 0).any():
            raise ValueError(f"areas: column {area_size!r} must hold positive sizes")
        values = creative_in_area / size[codes]
    return pd.Series(values, index=firms.index, name=f"creative_{measure}")


def area_innovation_rates(
    firms: pd.DataFrame,
    *,
    area: str = "district",
    group: str = "place",
    creative: str = "creative",
    outcome: str = "product_innovation",
) -> pd.DataFrame:
    """Creative share and non-creative firms' innovation rate of every area.

    Parameters
    ----------
    firms : pandas.DataFrame
        One row per firm with ``area``, ``group``, ``creative`` (0/1) and ``outcome``
        (0/1) columns.
    area : str
        Area column (e.g. district).
    group : str
        A coarser grouping each area belongs to (e.g. place), kept for colouring.
    creative, outcome : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        One row per area (in order of first appearance): ``area``, ``group``,
        ``creative_share`` (creative firms over all firms), ``innovation_rate`` (share of
        the non-creative firms with ``outcome`` = 1) and ``firms`` (non-creative firms).
        The columns are named after the arguments.

    Raises
    ------
    TypeError
        ``firms`` is not a DataFrame.
    ValueError
        Missing columns or values, flags that are not 0/1, an area in more than one
        group, or an area without non-creative firms (its rate is undefined).

    Examples
    --------
    >>> f = pd.DataFrame({"district": ["a", "a", "a", "b", "b"], "place": ["P"] * 5,
    ...                   "creative": [1, 0, 0, 0, 0], "product_innovation": [1, 1, 0, 0, 0]})
    >>> area_innovation_rates(f)[["district", "creative_share", "innovation_rate"]].to_numpy().tolist()
    [['a', 0.3333333333333333, 0.5], ['b', 0.0, 0.0]]

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    require_dataframe(firms, "firms")
    columns = [area, group, creative, outcome]
    require_columns(firms, columns, "firms")
    require_nonempty(firms, "firms")
    require_no_missing(firms, "firms", columns)
    for column in (creative, outcome):
        if not set(pd.unique(firms[column])) <= {0, 1}:
            raise ValueError(f"firms: column {column!r} must be coded 0/1")
    groups_per_area = firms.groupby(area, sort=False)[group].nunique()
    split = list(groups_per_area.index[groups_per_area > 1])
    if split:
        raise ValueError(f"firms: area(s) {format_items(split)} belong to more than one {group}")
    everyone = firms.groupby(area, sort=False).agg(
        group=(group, "first"), creative_share=(creative, "mean")
    )
    others = (
        firms[firms[creative] == 0]
        .groupby(area, sort=False)
        .agg(innovation_rate=(outcome, "mean"), firms=(outcome, "size"))
    )
    missing = [a for a in everyone.index if a not in others.index]
    if missing:
        raise ValueError(
            f"firms: area(s) {format_items(missing)} have no non-creative firms; their rate is undefined"
        )
    out = everyone.join(others).reset_index()
    return out.rename(columns={"group": group})


# ---------------------------------------------------------------------------
# models
# ---------------------------------------------------------------------------


def _formula(outcome, regressors, controls):
    if not isinstance(outcome, str) or not outcome:
        raise TypeError(f"outcome must be a column name, got {outcome!r}")
    for label, values in (("layers", regressors), ("controls", controls)):
        if isinstance(values, str) or not isinstance(values, Sequence):
            raise TypeError(f"{label} must be a list of strings, got {type(values).__name__}")
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise TypeError(f"{label} must hold non-empty strings, got {list(values)!r}")
    return f"{outcome} ~ " + " + ".join([*regressors, *controls])


def fit_layer_model(
    data: pd.DataFrame,
    *,
    outcome: str = "product_innovation",
    layers: Sequence[str] = LAYER_COUNT_COLUMNS,
    controls: Sequence[str] = (),
    cluster: str | None = None,
):
    r"""Logit of a firm's innovation (0/1) on its ties in each layer, with controls.

    .. math:: \Pr(y_i = 1) = \Lambda(\alpha + \beta_L n^{local}_i + \beta_E n^{external}_i
              + \beta_X n^{cross}_i + \gamma' z_i)

    where :math:`\Lambda` is the logistic function and :math:`z_i` the controls.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per firm, e.g. creative firms of :func:`connection_profile`.
    outcome : str
        0/1 outcome column.
    layers : sequence of str
        The layer measures (default: ties per layer, :data:`LAYER_COUNT_COLUMNS`).
    controls : sequence of str
        Extra formula terms, e.g. ``["np.log(employees)", "C(sector)", "C(place)"]``.
    cluster : str, optional
        Column defining clusters for cluster-robust standard errors.

    Returns
    -------
    statsmodels discrete results
        Pass to :func:`layer_effects`.

    Raises
    ------
    TypeError
        ``data`` is not a DataFrame, or ``layers`` / ``controls`` are not lists of strings.
    ValueError
        Missing outcome or layer columns, an outcome not coded 0/1, missing values,
        perfect separation (from ``clusternet.models.fit_logit``).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame(rng.poisson(1.5, size=(400, 3)), columns=list(LAYER_COUNT_COLUMNS))
    >>> d["product_innovation"] = (rng.random(400) < 0.4).astype(int)
    >>> result = fit_layer_model(d)
    >>> list(result.params.index)
    ['Intercept', 'n_local', 'n_external', 'n_cross_sector']

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    require_dataframe(data, "data")
    formula = _formula(outcome, layers, controls)
    require_columns(data, [outcome, *layers], "data")
    require_numeric_columns(data, "data", list(layers))
    return models.fit_logit(formula, data, cluster=cluster)


def layer_effects(
    result, *, layers: Sequence[str] = LAYER_COUNT_COLUMNS, alpha: float = 0.05
) -> pd.DataFrame:
    """Odds ratios and average marginal effects of one more tie in each layer.

    Parameters
    ----------
    result : statsmodels results
        A logit from :func:`fit_layer_model`.
    layers : sequence of str
        The layer terms of the model.
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per layer: ``layer``, ``coefficient`` (log-odds), ``odds_ratio``,
        ``or_ci_lower``, ``or_ci_upper``, ``ame`` (change in probability per tie),
        ``ame_ci_lower``, ``ame_ci_upper``, ``p_value``.

    Raises
    ------
    TypeError
        ``result`` is not a fitted discrete-choice model.
    ValueError
        A layer that is not a term of the model, or ``alpha`` outside (0, 1).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame(rng.poisson(1.5, size=(400, 3)), columns=list(LAYER_COUNT_COLUMNS))
    >>> d["product_innovation"] = (rng.random(400) < 0.4).astype(int)
    >>> layer_effects(fit_layer_model(d))["layer"].tolist()
    ['local', 'external', 'cross_sector']

    References
    ----------
    - Greene, W. H. (2012). *Econometric Analysis*, 7th ed. (marginal effects).
    """
    if not hasattr(result, "get_margeff"):
        raise TypeError("result must be a fitted logit (from fit_layer_model)")
    layers = list(layers)
    odds = models.coefficient_table(result, exponentiate=True, alpha=alpha, terms=layers)
    ame = models.average_marginal_effects(result, alpha=alpha).set_index("term").loc[layers]
    names = [c[2:] if c.startswith("n_") else c for c in layers]
    return pd.DataFrame(
        {
            "layer": names,
            "coefficient": result.params[layers].to_numpy(),
            "odds_ratio": odds["estimate"].to_numpy(),
            "or_ci_lower": odds["ci_lower"].to_numpy(),
            "or_ci_upper": odds["ci_upper"].to_numpy(),
            "ame": ame["effect"].to_numpy(),
            "ame_ci_lower": ame["ci_lower"].to_numpy(),
            "ame_ci_upper": ame["ci_upper"].to_numpy(),
            "p_value": odds["p_value"].to_numpy(),
        }
    )


def layer_scenario_probabilities(
    result, scenarios: pd.DataFrame, *, alpha: float = 0.05
) -> pd.DataFrame:
    """Predicted innovation probability, with a confidence interval, for firm scenarios.

    The interval is computed on the log-odds scale and transformed, so it stays in
    [0, 1].

    Parameters
    ----------
    result : statsmodels results
        A fitted logit (e.g. from :func:`fit_layer_model`).
    scenarios : pandas.DataFrame
        One row per hypothetical firm, with every variable of the model's formula.
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        ``scenarios`` with ``probability``, ``ci_lower``, ``ci_upper`` added.

    Raises
    ------
    TypeError
        ``result`` is not a fitted logit or ``scenarios`` not a DataFrame.
    ValueError
        Empty ``scenarios``, variables missing from it, or ``alpha`` outside (0, 1).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame(rng.poisson(1.5, size=(400, 3)), columns=list(LAYER_COUNT_COLUMNS))
    >>> d["product_innovation"] = (rng.random(400) < 0.4).astype(int)
    >>> new = pd.DataFrame({"n_local": [0, 1], "n_external": [0, 1], "n_cross_sector": [0, 1]})
    >>> list(layer_scenario_probabilities(fit_layer_model(d), new).columns)[-3:]
    ['probability', 'ci_lower', 'ci_upper']

    References
    ----------
    - statsmodels ``get_prediction`` (delta method on the linear predictor).
    """
    if not hasattr(result, "get_prediction") or not hasattr(result, "get_margeff"):
        raise TypeError("result must be a fitted logit")
    require_dataframe(scenarios, "scenarios")
    require_nonempty(scenarios, "scenarios")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    try:
        frame = result.get_prediction(scenarios).summary_frame(alpha=alpha)
    except Exception as error:  # patsy / formulaic errors for missing variables
        raise ValueError(f"scenarios cannot be used with this model: {error}") from error
    return scenarios.assign(
        probability=frame["predicted"].to_numpy(),
        ci_lower=frame["ci_lower"].to_numpy(),
        ci_upper=frame["ci_upper"].to_numpy(),
    )


def fit_spillover_model(
    data: pd.DataFrame,
    *,
    outcome: str = "product_innovation",
    presence: str = "creative_share",
    controls: Sequence[str] = (),
    cluster: str | None = None,
):
    """Logit of non-creative firms' innovation on local creative presence, with controls.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per (non-creative) firm, with the ``presence`` column (e.g. from
        :func:`creative_presence`).
    outcome : str
        0/1 outcome column.
    presence : str
        The presence measure, entered linearly.
    controls : sequence of str
        Extra formula terms; ``"C(place)"`` compares firms within places.
    cluster : str, optional
        Column for cluster-robust standard errors (the area the presence is measured
        in: firms of one area share it).

    Returns
    -------
    statsmodels discrete results
        Pass to :func:`spillover_effects`.

    Raises
    ------
    TypeError, ValueError
        As :func:`fit_layer_model`.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame({"creative_share": rng.uniform(0, 0.4, 500)})
    >>> d["product_innovation"] = (rng.random(500) < 0.3 + d["creative_share"] / 2).astype(int)
    >>> fit_spillover_model(d).params.index.tolist()
    ['Intercept', 'creative_share']

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    require_dataframe(data, "data")
    formula = _formula(outcome, [presence], controls)
    require_columns(data, [outcome, presence], "data")
    require_numeric_columns(data, "data", [presence])
    return models.fit_logit(formula, data, cluster=cluster)


def spillover_effects(
    result, presence: str = "creative_share", *, per: float = 0.1, alpha: float = 0.05
) -> dict:
    """Size of the spillover: odds ratio, marginal effect and the effect of doubling.

    Parameters
    ----------
    result : statsmodels results
        A logit from :func:`fit_spillover_model` (presence entered linearly).
    presence : str
        The presence term.
    per : float
        Report the odds ratio and marginal effect for an increase of ``per`` in the
        presence measure (0.1 = ten percentage points of creative share).
    alpha : float
        1 - confidence level.

    Returns
    -------
    dict
        ``odds_ratio``, ``or_ci_lower``, ``or_ci_upper`` (for +``per``); ``ame``,
        ``ame_ci_lower``, ``ame_ci_upper`` (change in probability for +``per``);
        ``doubling_ratio``, ``doubling_ci_lower``, ``doubling_ci_upper``: the mean
        predicted probability if every firm's presence doubled over the mean predicted
        probability as observed (1.25 = 25% more likely), with a delta-method interval.

    Raises
    ------
    TypeError
        ``result`` is not a fitted logit.
    ValueError
        ``presence`` is not a term of the model, ``per`` not positive, ``alpha``
        outside (0, 1).

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame({"creative_share": rng.uniform(0, 0.4, 500)})
    >>> d["product_innovation"] = (rng.random(500) < 0.3 + d["creative_share"] / 2).astype(int)
    >>> effects = spillover_effects(fit_spillover_model(d))
    >>> effects["doubling_ci_lower"] < effects["doubling_ratio"] < effects["doubling_ci_upper"]
    True

    References
    ----------
    - Greene, W. H. (2012). *Econometric Analysis*, 7th ed., section 4.6 (delta method).
    """
    if not hasattr(result, "get_margeff"):
        raise TypeError("result must be a fitted logit (from fit_spillover_model)")
    per = require_real(per, "per", minimum=0.0, inclusive=False)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    names = list(result.model.exog_names)
    if presence not in names:
        raise ValueError(f"presence {presence!r} is not a term of the model; it has {names}")
    table = models.coefficient_table(result, alpha=alpha, terms=[presence]).iloc[0]
    ame = models.average_marginal_effects(result, alpha=alpha).set_index("term").loc[presence]
    z = float(stats.norm.ppf(1 - alpha / 2))
    # doubling: R = mean p(X1 b) / mean p(X0 b), X1 = X0 with the presence column doubled
    params = result.params.to_numpy()
    x0 = np.asarray(result.model.exog, dtype=float)
    x1 = x0.copy()
    x1[:, names.index(presence)] *= 2.0
    p0 = 1 / (1 + np.exp(-(x0 @ params)))
    p1 = 1 / (1 + np.exp(-(x1 @ params)))
    m0, m1 = p0.mean(), p1.mean()
    ratio = m1 / m0
    gradient = ((p1 * (1 - p1)) @ x1 / len(p1)) / m0 - m1 * ((p0 * (1 - p0)) @ x0 / len(p0)) / m0**2
    se = float(np.sqrt(gradient @ np.asarray(result.cov_params()) @ gradient))
    return {
        "odds_ratio": float(np.exp(per * table["estimate"])),
        "or_ci_lower": float(np.exp(per * table["ci_lower"])),
        "or_ci_upper": float(np.exp(per * table["ci_upper"])),
        "ame": float(per * ame["effect"]),
        "ame_ci_lower": float(per * ame["ci_lower"]),
        "ame_ci_upper": float(per * ame["ci_upper"]),
        "doubling_ratio": float(ratio),
        "doubling_ci_lower": float(ratio - z * se),
        "doubling_ci_upper": float(ratio + z * se),
    }


def spillover_curve(
    result, presence: str = "creative_share", grid=None, *, alpha: float = 0.05
) -> pd.DataFrame:
    """Average predicted probability if every firm had presence ``x``, for each ``x`` in a grid.

    For each grid value the presence column of every firm in the estimation sample is
    set to that value, all else as observed, and the predicted probabilities are
    averaged; the interval comes from the delta method.

    Parameters
    ----------
    result : statsmodels results
        A logit from :func:`fit_spillover_model` (presence entered linearly).
    presence : str
        The presence term.
    grid : array-like, optional
        Presence values (default: 21 points from 0 to the largest observed value).
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        ``presence``, ``probability``, ``ci_lower``, ``ci_upper``.

    Raises
    ------
    TypeError
        ``result`` is not a fitted logit or ``grid`` is not numeric.
    ValueError
        ``presence`` is not a term of the model, an empty or non-finite grid, or
        ``alpha`` outside (0, 1).

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> d = pd.DataFrame({"creative_share": rng.uniform(0, 0.4, 500)})
    >>> d["product_innovation"] = (rng.random(500) < 0.3 + d["creative_share"] / 2).astype(int)
    >>> curve = spillover_curve(fit_spillover_model(d), grid=[0.0, 0.4])
    >>> bool(curve["probability"].is_monotonic_increasing)
    True

    References
    ----------
    - Greene, W. H. (2012). *Econometric Analysis*, 7th ed., section 4.6 (delta method).
    """
    if not hasattr(result, "get_margeff"):
        raise TypeError("result must be a fitted logit (from fit_spillover_model)")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    names = list(result.model.exog_names)
    if presence not in names:
        raise ValueError(f"presence {presence!r} is not a term of the model; it has {names}")
    column = names.index(presence)
    x = np.array(result.model.exog, dtype=float, copy=True)  # never mutate the model's data
    if grid is None:
        grid = np.linspace(0.0, float(x[:, column].max()), 21)
    try:
        grid = np.asarray(grid, dtype=float).ravel()
    except (TypeError, ValueError) as error:
        raise TypeError(f"grid must be numeric: {error}") from error
    if grid.size == 0 or not np.isfinite(grid).all():
        raise ValueError("grid must hold at least one finite value")
    params = result.params.to_numpy()
    cov = np.asarray(result.cov_params())
    z = float(stats.norm.ppf(1 - alpha / 2))
    rows = []
    for value in grid:
        x[:, column] = value
        p = 1 / (1 + np.exp(-(x @ params)))
        gradient = (p * (1 - p)) @ x / len(p)
        se = float(np.sqrt(gradient @ cov @ gradient))
        rows.append((value, p.mean(), p.mean() - z * se, p.mean() + z * se))
    return pd.DataFrame(rows, columns=["presence", "probability", "ci_lower", "ci_upper"])


# ---------------------------------------------------------------------------
# sensitivity: a sparser or denser network
# ---------------------------------------------------------------------------


def perturb_ties(
    ties: pd.DataFrame,
    *,
    keep: float = 1.0,
    add_closure: float = 0.0,
    seed=0,
    endpoints: Sequence[str] = ("source", "target"),
) -> pd.DataFrame:
    """A sparser or denser version of a tie list, for sensitivity checks.

    Sparser: keep a random share ``keep`` of the ties (as if a survey recorded only some
    collaborations). Denser: then add ``add_closure`` times as many new ties, each
    closing an open triangle (a tie between two firms that share a partner but are not
    tied), drawn uniformly among all open triangles' missing ties: the partners of
    partners that a generous survey might also record.

    Parameters
    ----------
    ties : pandas.DataFrame
        Edge list with the two ``endpoints`` columns (each tie once).
    keep : float
        Share of ties kept, in (0, 1].
    add_closure : float
        New ties to add, as a multiple of the number kept (>= 0).
    seed : int or numpy.random.Generator
        Random seed.
    endpoints : pair of str
        The endpoint columns.

    Returns
    -------
    pandas.DataFrame
        Edge list with columns ``endpoints`` only; kept ties in their original order,
        then the added ones.

    Raises
    ------
    TypeError
        ``ties`` is not a DataFrame, or a bad seed.
    ValueError
        Missing columns or values, no ties, self-loops, ``keep`` outside (0, 1],
        negative ``add_closure``, or fewer open triangles than ties requested.

    Examples
    --------
    >>> path = pd.DataFrame({"source": [1, 2], "target": [2, 3]})
    >>> perturb_ties(path, add_closure=0.5).to_numpy().tolist()
    [[1, 2], [2, 3], [1, 3]]

    References
    ----------
    - Granovetter, M. (1973). The strength of weak ties. *American Journal of Sociology*
      78(6), 1360-1380 (triadic closure).
    """
    rng = require_seed(seed)
    require_dataframe(ties, "ties")
    source, target = _endpoints(ties, endpoints)
    keep = require_fraction(keep, "keep")
    if keep == 0:
        raise ValueError("keep must be > 0; keeping no ties leaves nothing to analyse")
    add_closure = require_real(add_closure, "add_closure", minimum=0.0)
    n_ties = len(ties)
    kept = np.sort(rng.choice(n_ties, size=int(round(keep * n_ties)), replace=False))
    first, second = endpoints
    out = ties.iloc[kept][[first, second]].reset_index(drop=True)
    n_add = int(round(add_closure * len(out)))
    if n_add == 0:
        return out
    codes, labels = pd.factorize(pd.concat([out[first], out[second]], ignore_index=True))
    n = len(labels)
    u, v = codes[: len(out)], codes[len(out) :]
    adjacency = sp.coo_array(
        (np.ones(2 * len(u)), (np.r_[u, v], np.r_[v, u])), shape=(n, n)
    ).tocsr()
    adjacency.data[:] = 1.0
    two_step = (adjacency @ adjacency).tocsr()
    two_step.setdiag(0)
    two_step = two_step - two_step.multiply(adjacency)
    two_step.eliminate_zeros()
    candidates = sp.triu(two_step, k=1).tocoo()
    if candidates.nnz < n_add:
        raise ValueError(
            f"add_closure asks for {n_add} new ties but the network has only {candidates.nnz} open triangles to close"
        )
    pick = np.sort(rng.choice(candidates.nnz, size=n_add, replace=False))
    added = pd.DataFrame(
        {first: labels[candidates.row[pick]], second: labels[candidates.col[pick]]}
    )
    return pd.concat([out, added], ignore_index=True)


def layer_sensitivity(
    ties: pd.DataFrame,
    firms: pd.DataFrame,
    scenarios: Mapping[str, tuple[float, float]],
    *,
    subset: pd.Series | None = None,
    outcome: str = "product_innovation",
    controls: Sequence[str] = (),
    sectors: Mapping | None = None,
    seed=0,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Does the ranking of layers hold when the network is sparser or denser?

    For each scenario ``name -> (keep, add_closure)`` the ties are perturbed with
    :func:`perturb_ties`, classified again, and the layer model refitted on the same
    firms; the average marginal effects are ranked.

    Parameters
    ----------
    ties : pandas.DataFrame
        Edge list (``source``, ``target``).
    firms : pandas.DataFrame
        Attribute table as for :func:`classify_ties`, with the ``outcome`` and every
        control variable.
    scenarios : mapping
        Scenario name -> ``(keep, add_closure)``; include ``(1.0, 0.0)`` for the
        observed network.
    subset : pandas.Series of bool, optional
        Firms (aligned with ``firms``) the model is fitted on, e.g. creative firms.
    outcome : str
        0/1 outcome column.
    controls : sequence of str
        Control terms of the model.
    sectors : mapping, optional
        As for :func:`classify_ties`.
    seed : int or numpy.random.Generator
        Seed for the perturbations (one generator, used in scenario order).
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per scenario and layer: ``scenario``, ``keep``, ``add_closure``,
        ``ties`` (in the perturbed network), ``layer``, ``ame``, ``ame_ci_lower``,
        ``ame_ci_upper``, ``rank`` (1 = largest effect) and ``ranking`` (the layers
        from largest to smallest effect, joined by " > ").

    Raises
    ------
    TypeError
        Bad argument types (``scenarios`` not a mapping, ``subset`` not a boolean Series).
    ValueError
        No scenarios, a scenario that is not a pair, or any error of the helpers it
        calls.

    Examples
    --------
    >>> from clusternet.samples.connections import make_creative_economy
    >>> economy = make_creative_economy(3, scale=0.3)
    >>> firms = economy["firms"]
    >>> table = layer_sensitivity(economy["ties"], firms, {"observed": (1.0, 0.0)},
    ...                           subset=firms["creative"] == 1)
    >>> table["layer"].tolist()
    ['local', 'external', 'cross_sector']

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    if not isinstance(scenarios, Mapping):
        raise TypeError(
            f"scenarios must be a mapping name -> (keep, add_closure), got {type(scenarios).__name__}"
        )
    if not scenarios:
        raise ValueError("scenarios is empty; give at least one (keep, add_closure) pair")
    require_dataframe(firms, "firms")
    if subset is not None:
        if not isinstance(subset, pd.Series) or not pd.api.types.is_bool_dtype(subset):
            raise TypeError("subset must be a boolean pandas Series aligned with firms")
        if not subset.index.equals(firms.index):
            raise ValueError("subset must have the same index as firms")
    rng = require_seed(seed)
    rows = []
    for name, pair in scenarios.items():
        if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
            raise ValueError(f"scenario {name!r} must be a pair (keep, add_closure), got {pair!r}")
        keep, add = pair
        perturbed = perturb_ties(ties, keep=keep, add_closure=add, seed=rng)
        classified = classify_ties(perturbed, firms, sectors=sectors)
        profile = connection_profile(classified, firms)
        data = profile if subset is None else profile.loc[subset.to_numpy()]
        effects = layer_effects(
            fit_layer_model(data, outcome=outcome, controls=controls), alpha=alpha
        )
        order = effects.sort_values("ame", ascending=False)["layer"].tolist()
        for _, row in effects.iterrows():
            rows.append(
                {
                    "scenario": name,
                    "keep": float(keep),
                    "add_closure": float(add),
                    "ties": len(perturbed),
                    "layer": row["layer"],
                    "ame": row["ame"],
                    "ame_ci_lower": row["ame_ci_lower"],
                    "ame_ci_upper": row["ame_ci_upper"],
                    "rank": order.index(row["layer"]) + 1,
                    "ranking": " > ".join(order),
                }
            )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# real data: organisations bridging sectors
# ---------------------------------------------------------------------------


def _memberships(memberships, organisation, sector):
    require_dataframe(memberships, "memberships")
    require_columns(memberships, [organisation, sector], "memberships")
    require_nonempty(memberships, "memberships")
    require_no_missing(memberships, "memberships", [organisation, sector])
    duplicated = memberships.duplicated([organisation, sector])
    if duplicated.any():
        raise ValueError(
            f"memberships lists {int(duplicated.sum())} organisation-sector pair(s) more than once; drop duplicates first"
        )
    return pd.factorize(memberships[organisation])[0], *pd.factorize(memberships[sector])


def sector_bridges(
    memberships: pd.DataFrame, *, organisation: str = "org_id", sector: str = "dps_cluster_name"
) -> pd.DataFrame:
    """Pairs of sectors bridged by organisations that serve both.

    The organisation x sector bipartite network is projected onto sectors: two sectors
    are bridged when at least one organisation serves both.

    Parameters
    ----------
    memberships : pandas.DataFrame
        One row per organisation and sector it serves.
    organisation, sector : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        ``sector_a``, ``sector_b`` (alphabetical within a pair), ``organisations`` (how
        many serve both), sorted by ``organisations`` (descending), then names.

    Raises
    ------
    TypeError
        ``memberships`` is not a DataFrame.
    ValueError
        Missing columns or values, no rows, or duplicated organisation-sector pairs.

    Examples
    --------
    >>> m = pd.DataFrame({"org_id": [1, 1, 1, 2, 2], "dps_cluster_name": ["a", "b", "c", "a", "b"]})
    >>> sector_bridges(m).to_numpy().tolist()
    [['a', 'b', 2], ['a', 'c', 1], ['b', 'c', 1]]

    References
    ----------
    - Newman, M. E. J., Strogatz, S. H. and Watts, D. J. (2001). Random graphs with
      arbitrary degree distributions and their applications. *Physical Review E* 64,
      026118 (one-mode projections of affiliation networks).
    """
    org_codes, sector_codes, sector_labels = _memberships(memberships, organisation, sector)
    incidence = sp.csr_array(
        (np.ones(len(org_codes)), (org_codes, sector_codes)),
        shape=(org_codes.max() + 1, len(sector_labels)),
    )
    shared = sp.triu((incidence.T @ incidence).tocsr(), k=1).tocoo()
    names = np.asarray(sector_labels, dtype=object)
    a, b = names[shared.row], names[shared.col]
    swap = a > b
    out = pd.DataFrame(
        {
            "sector_a": np.where(swap, b, a).astype(str),
            "sector_b": np.where(swap, a, b).astype(str),
            "organisations": shared.data.astype(np.int64),
        }
    )
    return out.sort_values(
        ["organisations", "sector_a", "sector_b"], ascending=[False, True, True], ignore_index=True
    )


def bridging_summary(
    memberships: pd.DataFrame, *, organisation: str = "org_id", sector: str = "dps_cluster_name"
) -> dict:
    """How much organisations bridge sectors: counts and shares.

    Parameters
    ----------
    memberships : pandas.DataFrame
        One row per organisation and sector it serves.
    organisation, sector : str
        Column names.

    Returns
    -------
    dict
        ``organisations``, ``sectors`` (distinct sectors served), ``multi_sector`` (how
        many organisations serve two or more sectors), ``share_multi_sector``,
        ``max_sectors`` (most sectors served by one organisation), ``mean_sectors``,
        ``bridged_pairs`` (distinct sector pairs bridged) and ``possible_pairs``.

    Raises
    ------
    TypeError, ValueError
        As :func:`sector_bridges`.

    Examples
    --------
    >>> m = pd.DataFrame({"org_id": [1, 1, 2], "dps_cluster_name": ["a", "b", "a"]})
    >>> bridging_summary(m)["share_multi_sector"]
    0.5

    References
    ----------
    - See :func:`sector_bridges`.
    """
    org_codes, sector_codes, sector_labels = _memberships(memberships, organisation, sector)
    breadth = np.bincount(org_codes)
    n_sectors = len(sector_labels)
    return {
        "organisations": int(breadth.size),
        "sectors": int(n_sectors),
        "multi_sector": int((breadth >= 2).sum()),
        "share_multi_sector": float((breadth >= 2).mean()),
        "max_sectors": int(breadth.max()),
        "mean_sectors": float(breadth.mean()),
        "bridged_pairs": int(
            len(sector_bridges(memberships, organisation=organisation, sector=sector))
        ),
        "possible_pairs": int(n_sectors * (n_sectors - 1) // 2),
    }


def sector_bridge_degree(bridges: pd.DataFrame) -> pd.Series:
    """Number of other sectors each sector is bridged to (degree in the sector projection).

    Parameters
    ----------
    bridges : pandas.DataFrame
        Output of :func:`sector_bridges`.

    Returns
    -------
    pandas.Series
        Sector -> number of distinct partner sectors, sorted descending (ties by name).

    Raises
    ------
    TypeError
        ``bridges`` is not a DataFrame.
    ValueError
        Missing columns or no rows.

    Examples
    --------
    >>> b = pd.DataFrame({"sector_a": ["a", "a"], "sector_b": ["b", "c"], "organisations": [2, 1]})
    >>> sector_bridge_degree(b).to_dict()
    {'a': 2, 'b': 1, 'c': 1}

    References
    ----------
    - See :func:`sector_bridges`.
    """
    require_dataframe(bridges, "bridges")
    require_columns(bridges, ["sector_a", "sector_b"], "bridges")
    require_nonempty(bridges, "bridges")
    ends = pd.concat([bridges["sector_a"], bridges["sector_b"]], ignore_index=True)
    counts = ends.value_counts()
    frame = counts.rename("degree").reset_index()
    frame.columns = ["sector", "degree"]
    frame = frame.sort_values(["degree", "sector"], ascending=[False, True])
    return pd.Series(
        frame["degree"].to_numpy(),
        index=pd.Index(frame["sector"].to_numpy(), name="sector"),
        name="degree",
    )


def bridge_relatedness(
    memberships: pd.DataFrame,
    relatedness: pd.DataFrame,
    *,
    organisation: str = "org_id",
    sector: str = "dps_cluster_name",
    sector_a: str = "cluster_name",
    sector_b: str = "cluster_name_2",
    score: str = "cr_all_pc",
    n_boot: int = 500,
    seed=0,
    alpha: float = 0.05,
) -> dict:
    """Are the sectors that organisations bridge more related than sector pairs in general?

    Scores every bridged pair (see :func:`sector_bridges`) with a pair-level relatedness
    table, such as the Delgado-Porter-Stern cluster relatedness percentile, and compares
    the mean score of bridged pairs with the mean over all pairs in the table. The
    interval resamples organisations (a bootstrap), because one organisation that serves
    many sectors creates many pairs at once.

    Parameters
    ----------
    memberships : pandas.DataFrame
        One row per organisation and sector it serves.
    relatedness : pandas.DataFrame
        One row per pair of sectors (either order, or both), with a numeric ``score``.
        Rows pairing a sector with itself are ignored; a pair scored in both orders gets
        the mean of its two scores (the DPS percentiles are computed within each
        cluster's row, so they differ slightly by direction).
    organisation, sector : str
        Columns of ``memberships``.
    sector_a, sector_b, score : str
        Columns of ``relatedness``.
    n_boot : int
        Bootstrap replications (>= 100).
    seed : int or numpy.random.Generator
        Seed of the bootstrap.
    alpha : float
        1 - confidence level.

    Returns
    -------
    dict
        ``scores`` (array, the score of every bridged pair found in the table),
        ``pairs_scored`` (how many), ``pairs_unscored`` (bridged
        pairs involving a sector not in the table), ``mean_bridged`` with ``ci_lower`` and
        ``ci_upper``, and ``mean_all`` (mean score of all distinct pairs in the table).

    Raises
    ------
    TypeError
        A table is not a DataFrame, a bad seed, or a non-integer ``n_boot``.
    ValueError
        Missing columns or values, a non-numeric score, fewer than 100 replications, or
        no bridged pair in the table.

    Examples
    --------
    >>> m = pd.DataFrame({"org_id": [1, 1, 2, 2], "dps_cluster_name": ["a", "b", "b", "c"]})
    >>> r = pd.DataFrame({"cluster_name": ["a", "a", "b"], "cluster_name_2": ["b", "c", "c"],
    ...                   "cr_all_pc": [90, 10, 70]})
    >>> out = bridge_relatedness(m, r, n_boot=100)
    >>> out["mean_bridged"], out["mean_all"]
    (80.0, 56.666666666666664)

    References
    ----------
    - Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of related
      industries. *Journal of Economic Geography* 16(1), 1-38.
    - Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
      Chapman and Hall (percentile intervals).
    """
    org_codes, sector_codes, sector_labels = _memberships(memberships, organisation, sector)
    require_dataframe(relatedness, "relatedness")
    require_columns(relatedness, [sector_a, sector_b, score], "relatedness")
    require_no_missing(relatedness, "relatedness", [sector_a, sector_b, score])
    require_numeric_columns(relatedness, "relatedness", [score])
    if isinstance(n_boot, bool) or not isinstance(n_boot, numbers.Integral):
        raise TypeError(f"n_boot must be an integer, got {type(n_boot).__name__}")
    if n_boot < 100:
        raise ValueError(f"n_boot must be >= 100 for a usable interval, got {n_boot}")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    rng = require_seed(seed)
    a = relatedness[sector_a].astype(str).to_numpy(dtype=object)
    b = relatedness[sector_b].astype(str).to_numpy(dtype=object)
    values = relatedness[score].to_numpy(dtype=float)
    off_diagonal = a != b
    pairs = (
        pd.DataFrame(
            {
                "low": np.where(a < b, a, b)[off_diagonal],
                "high": np.where(a < b, b, a)[off_diagonal],
                "score": values[off_diagonal],
            }
        )
        .groupby(["low", "high"], as_index=False, sort=True)["score"]
        .mean()
    )
    mean_all = float(pairs["score"].mean())
    labels = np.asarray(sector_labels, dtype=str)
    index = {name: i for i, name in enumerate(labels)}
    k = len(labels)
    matrix = np.full((k, k), np.nan)
    known = pairs["low"].isin(index) & pairs["high"].isin(index)
    rows = pairs.loc[known, "low"].map(index).to_numpy(dtype=int)
    cols = pairs.loc[known, "high"].map(index).to_numpy(dtype=int)
    matrix[rows, cols] = pairs.loc[known, "score"].to_numpy()
    matrix[cols, rows] = matrix[rows, cols]
    n_orgs = int(org_codes.max()) + 1
    incidence = sp.csr_array(
        (np.ones(len(org_codes)), (org_codes, sector_codes)), shape=(n_orgs, k)
    )
    upper = np.triu(np.ones((k, k), dtype=bool), k=1)

    def mean_score(weights):
        shared = (incidence.T @ (incidence * weights[:, None])).toarray()
        bridged = (shared > 0) & upper
        scored = bridged & np.isfinite(matrix)
        return (
            matrix[scored].mean() if scored.any() else np.nan,
            int(scored.sum()),
            int((bridged & ~scored).sum()),
        )

    estimate, n_scored, n_unscored = mean_score(np.ones(n_orgs))
    if n_scored == 0:
        raise ValueError(
            "no bridged pair of sectors appears in relatedness; check that the sector names match"
        )
    draws = np.array(
        [
            mean_score(np.bincount(rng.integers(n_orgs, size=n_orgs), minlength=n_orgs))[0]
            for _ in range(n_boot)
        ]
    )
    draws = draws[np.isfinite(draws)]
    bridged = (incidence.T @ incidence).toarray() > 0
    scores = matrix[bridged & upper & np.isfinite(matrix)]
    return {
        "scores": scores,
        "pairs_scored": n_scored,
        "pairs_unscored": n_unscored,
        "mean_bridged": float(estimate),
        "ci_lower": float(np.quantile(draws, alpha / 2)),
        "ci_upper": float(np.quantile(draws, 1 - alpha / 2)),
        "mean_all": mean_all,
    }


# ---------------------------------------------------------------------------
# the chapter's headline numbers
# ---------------------------------------------------------------------------

#: Choices the chapter makes (and ``key_results`` repeats).
CHAPTER_CONTROLS = ("np.log(employees)", "C(sector)", "C(place)")
SENSITIVITY_SCENARIOS = {
    "50% of ties": (0.5, 0.0),
    "75% of ties": (0.75, 0.0),
    "observed": (1.0, 0.0),
    "+25% closed triangles": (1.0, 0.25),
    "+50% closed triangles": (1.0, 0.5),
}
SENSITIVITY_SEED = 2010
BOOTSTRAP_REPLICATIONS = 1000
BOOTSTRAP_SEED = 2010
CLUSTER_MIN_FIRMS = 100
CLUSTER_MIN_LQ = 1.2


def key_results() -> dict[str, float]:
    """The chapter's headline numbers, recomputed from ``data/`` with the chapter's calls.

    Returns
    -------
    dict
        Glue name -> value, identical to the headline numbers glued in
        ``chapters/creative-connections.md``.

    Raises
    ------
    FileNotFoundError, DataValidationError
        The data files are missing or do not match their specs.

    Examples
    --------
    >>> sorted(key_results())[:2]  # doctest: +SKIP
    ['nesta_city_creative_lq', 'nesta_cross_to_local_ratio']

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    from clusternet import data
    from clusternet.samples.connections import SECTOR_IS_CREATIVE

    firms = data.load("sample_creative_firms")
    ties = data.load("sample_creative_ties")
    creative_sectors = [s for s, flag in SECTOR_IS_CREATIVE.items() if flag]
    out: dict[str, float] = {}

    clusters = creative_cluster_table(
        firm_count_matrix(firms),
        creative_sectors,
        min_firms=CLUSTER_MIN_FIRMS,
        min_lq=CLUSTER_MIN_LQ,
    )
    out["nesta_hotspot_creative_lq"] = float(clusters.loc["Brightwell", "creative_lq"])
    out["nesta_city_creative_lq"] = float(clusters.loc["Larchester", "creative_lq"])

    classified = classify_ties(ties, firms, sectors=SECTOR_IS_CREATIVE)
    profile = connection_profile(classified, firms)
    creative_firms = profile[profile["creative"] == 1]
    result = fit_layer_model(creative_firms, controls=list(CHAPTER_CONTROLS))
    effects = layer_effects(result).set_index("layer")
    for layer in LAYERS:
        out[f"nesta_or_{layer}"] = float(effects.loc[layer, "odds_ratio"])
        out[f"nesta_or_{layer}_ci_lower"] = float(effects.loc[layer, "or_ci_lower"])
        out[f"nesta_or_{layer}_ci_upper"] = float(effects.loc[layer, "or_ci_upper"])
    ratio = models.coefficient_ratio(result, "n_cross_sector", "n_local")
    out["nesta_cross_to_local_ratio"] = float(ratio["estimate"])
    out["nesta_cross_to_local_ratio_ci_lower"] = float(ratio["ci_lower"])
    out["nesta_cross_to_local_ratio_ci_upper"] = float(ratio["ci_upper"])

    others = firms.assign(creative_share=creative_presence(firms))
    others = others[others["creative"] == 0]
    spill = spillover_effects(
        fit_spillover_model(others, controls=list(CHAPTER_CONTROLS), cluster="district")
    )
    out["nesta_spillover_or_10pp"] = spill["odds_ratio"]
    out["nesta_spillover_or_10pp_ci_lower"] = spill["or_ci_lower"]
    out["nesta_spillover_or_10pp_ci_upper"] = spill["or_ci_upper"]
    out["nesta_spillover_doubling"] = spill["doubling_ratio"]
    out["nesta_spillover_doubling_ci_lower"] = spill["doubling_ci_lower"]
    out["nesta_spillover_doubling_ci_upper"] = spill["doubling_ci_upper"]

    sensitivity = layer_sensitivity(
        ties,
        firms,
        SENSITIVITY_SCENARIOS,
        subset=firms["creative"] == 1,
        controls=list(CHAPTER_CONTROLS),
        sectors=SECTOR_IS_CREATIVE,
        seed=SENSITIVITY_SEED,
    )
    observed = sensitivity.loc[sensitivity["scenario"] == "observed", "ranking"].iloc[0]
    held = sensitivity.groupby("scenario", sort=False)["ranking"].first() == observed
    out["nesta_sensitivity_ranking_held"] = float(held.sum())

    organisations = data.load("us_cluster_organisations")
    summary = bridging_summary(organisations)
    out["nesta_us_organisations"] = float(summary["organisations"])
    out["nesta_us_multi_cluster_share"] = summary["share_multi_sector"]
    out["nesta_us_bridged_pairs"] = float(summary["bridged_pairs"])
    related = bridge_relatedness(
        organisations,
        data.load("dps2016_related_clusters"),
        n_boot=BOOTSTRAP_REPLICATIONS,
        seed=BOOTSTRAP_SEED,
    )
    out["nesta_us_bridged_relatedness"] = related["mean_bridged"]
    out["nesta_us_bridged_relatedness_ci_lower"] = related["ci_lower"]
    out["nesta_us_bridged_relatedness_ci_upper"] = related["ci_upper"]
    return out
