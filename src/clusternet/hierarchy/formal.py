"""The informal network against the formal chain of command.

``formal_tier_digraph`` builds formal authority from ranks alone, ``observed_laterality``
measures the share of an informal network's ties that run outside the chain of command
(the quantity ``tiered_network``'s laterality controls), and ``dyad_table`` prepares a
dyadic logit of who seeks whom.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from clusternet._graphs import adjacency_matrix
from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_graph,
    require_real,
)
from clusternet.hierarchy._common import reachability

__all__ = ["formal_tier_digraph", "LateralityResult", "observed_laterality", "dyad_table"]


def formal_tier_digraph(tiers: Mapping) -> nx.DiGraph:
    """Formal authority implied by ranks alone: every person above everyone one rank below.

    Use it when an organisation has ranks (partners and associates) but no recorded
    reports-to tree: the chain of command of a person is then everyone of a different
    rank.

    Parameters
    ----------
    tiers : mapping
        Node -> rank (a number; smaller is higher, e.g. 1 = partner, 2 = associate).

    Returns
    -------
    networkx.DiGraph
        Arcs from each node to every node of the next lower rank present.

    Raises
    ------
    TypeError
        ``tiers`` is not a mapping or holds non-numeric ranks.
    ValueError
        Fewer than 2 nodes, a NaN or infinite rank, or a single rank.

    Examples
    --------
    >>> sorted(formal_tier_digraph({"a": 1, "b": 2, "c": 2}).edges())
    [('a', 'b'), ('a', 'c')]
    """
    if not isinstance(tiers, Mapping):
        raise TypeError(f"tiers must be a mapping node -> rank, got {type(tiers).__name__}")
    if len(tiers) < 2:
        raise ValueError("tiers needs at least 2 nodes")
    bad = [v for v, r in tiers.items() if isinstance(r, bool) or not isinstance(r, numbers.Real)]
    if bad:
        raise TypeError(f"tiers has non-numeric ranks for node(s) {format_items(bad)}")
    undefined = [v for v, r in tiers.items() if not math.isfinite(r)]
    if undefined:
        raise ValueError(
            f"tiers has missing or infinite ranks for node(s) {format_items(undefined)}; "
            "every person needs a rank"
        )
    ranks = sorted(set(tiers.values()))
    if len(ranks) < 2:
        raise ValueError("tiers holds a single rank; there is no formal hierarchy to compare with")
    graph = nx.DiGraph()
    graph.add_nodes_from(tiers)
    for high, low in zip(ranks[:-1], ranks[1:], strict=True):
        above = [v for v, r in tiers.items() if r == high]
        below = [v for v, r in tiers.items() if r == low]
        graph.add_edges_from((a, b) for a in above for b in below)
    return graph


def _chain_matrix(formal, nodes) -> np.ndarray:
    reach = reachability(adjacency_matrix(formal, nodes))
    np.fill_diagonal(reach, False)
    return reach  # reach[i, j]: i is a formal superior of j


@dataclass(frozen=True)
class LateralityResult:
    """Share of a network's ties off the formal chain of command, with its references.

    Attributes
    ----------
    estimate : float
        The laterality: share of ties that run outside the formal chain of command.
    std_error : float
        Binomial standard error of ``estimate``, ``sqrt(p (1 - p) / ties)``.
    ci_lower, ci_upper : float
        Wilson confidence interval of ``estimate``.
    ties : int
        Ties of the informal network (pairs linked in either direction).
    chain_ties : int
        Ties that lie on the chain of command.
    chance_laterality : float
        Share of all pairs off the chain: the laterality of ties placed at random.
    minimum_laterality : float
        The lowest laterality the number of ties allows (when ties outnumber the
        chain-of-command pairs, some must run off the chain).
    """

    estimate: float
    std_error: float
    ci_lower: float
    ci_upper: float
    ties: int
    chain_ties: int
    chance_laterality: float
    minimum_laterality: float


def observed_laterality(graph, formal, *, alpha: float = 0.05) -> LateralityResult:
    """Share of an informal network's ties that run outside the formal chain of command.

    A tie between two people lies on the chain of command when one is the other's formal
    superior at any distance (reachable in ``formal``). The share of ties *off* the chain
    is the network's laterality, the quantity ``tiered_network``'s ``laterality``
    controls, so a real network can be placed on the simulated continuum. It is compared
    with the share a network with ties placed at random would have, and with the lowest
    share its number of ties allows (when ties outnumber chain-of-command pairs, some must
    run off the chain).

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        The informal network (a tie in either direction counts once).
    formal : networkx.DiGraph
        The formal structure on the same nodes, arcs from superior to subordinate (an
        out-tree, or ``formal_tier_digraph``).
    alpha : float
        1 - confidence level of the Wilson interval.

    Returns
    -------
    LateralityResult
        ``estimate`` (the laterality), ``std_error``, ``ci_lower, ci_upper`` (Wilson
        interval), ``ties, chain_ties``, ``chance_laterality`` (share of all pairs off the
        chain) and ``minimum_laterality``.

    Raises
    ------
    TypeError
        A non-graph argument.
    ValueError
        ``formal`` undirected, different node sets, or no tie in ``graph``.

    Examples
    --------
    >>> import networkx as nx
    >>> formal = nx.DiGraph([(0, 1), (0, 2)])
    >>> observed_laterality(nx.Graph([(0, 1), (1, 2)]), formal).estimate
    0.5

    References
    ----------
    - Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
      inference. *Journal of the American Statistical Association* 22(158), 209-212.
    """
    require_graph(graph, "graph", min_nodes=2, require_edges=True, simple=True)
    require_graph(formal, "formal", directed=True, min_nodes=2)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    if set(graph.nodes) != set(formal.nodes):
        extra = set(graph.nodes) ^ set(formal.nodes)
        raise ValueError(
            f"graph and formal must have the same nodes; they differ in {format_items(sorted(extra, key=str))}"
        )
    nodes = list(formal.nodes)
    chain = _chain_matrix(formal, nodes)
    chain = chain | chain.T
    tied = adjacency_matrix(graph, nodes, symmetric=True).toarray() > 0
    upper = np.triu_indices(len(nodes), k=1)
    ties = int(np.count_nonzero(tied[upper]))
    on_chain = int(np.count_nonzero(tied[upper] & chain[upper]))
    chain_pairs = int(np.count_nonzero(chain[upper]))
    pairs = upper[0].size
    off = ties - on_chain
    share = off / ties
    lower, upper_ci = proportion_confint(off, ties, alpha=alpha, method="wilson")
    return LateralityResult(
        estimate=share,
        std_error=math.sqrt(share * (1.0 - share) / ties),
        ci_lower=float(lower),
        ci_upper=float(upper_ci),
        ties=ties,
        chain_ties=on_chain,
        chance_laterality=1.0 - chain_pairs / pairs,
        minimum_laterality=max(0.0, 1.0 - chain_pairs / ties),
    )


def dyad_table(
    graph, nodes: pd.DataFrame, *, formal=None, id_column: str = "id", same: Sequence[str] = ()
) -> pd.DataFrame:
    """One row per ordered pair of people, for a dyadic logit of who seeks whom.

    Parameters
    ----------
    graph : networkx.DiGraph
        The informal network, an arc ``i -> j`` meaning ``i`` names ``j`` (for advice:
        ``i`` goes to ``j`` for advice).
    nodes : pandas.DataFrame
        One row per person, with ``id_column`` and the attributes named in ``same``.
    formal : networkx.DiGraph, optional
        Formal structure (arcs superior -> subordinate). Adds ``to_superior`` (``j`` is a
        formal superior of ``i``) and ``to_subordinate``.
    id_column : str
        Column of ``nodes`` holding the node ids.
    same : sequence of str
        Attributes for which a ``same_<attr>`` 0/1 column is added.

    Returns
    -------
    pandas.DataFrame
        ``sender, receiver, tie`` (0/1) and the indicator columns, for every ordered pair
        of distinct people.

    Raises
    ------
    TypeError
        Non-graph or non-DataFrame input.
    ValueError
        Undirected ``graph``, missing columns, duplicated ids, or graph nodes missing
        from ``nodes`` (people in ``nodes`` but not in the graph are isolates).

    Examples
    --------
    >>> import networkx as nx, pandas as pd
    >>> people = pd.DataFrame({"id": [1, 2, 3], "dept": [1, 1, 2]})
    >>> table = dyad_table(nx.DiGraph([(1, 2)]), people, same=["dept"])
    >>> table[["sender", "receiver", "tie", "same_dept"]].iloc[0].tolist()
    [1, 2, 1, 1]
    """
    require_graph(graph, "graph", directed=True, min_nodes=2, simple=True)
    require_dataframe(nodes, "nodes")
    same = [same] if isinstance(same, str) else list(same)
    require_columns(nodes, [id_column, *same], "nodes")
    ids = nodes[id_column].tolist()
    if len(set(ids)) != len(ids):
        raise ValueError(f"nodes has duplicated ids in column {id_column!r}")
    unknown = set(graph.nodes) - set(ids)
    if unknown:
        raise ValueError(
            f"graph has node(s) not in nodes[{id_column!r}]: {format_items(sorted(unknown, key=str))}"
        )
    n = len(ids)
    everyone = nx.DiGraph(graph)
    everyone.add_nodes_from(ids)  # people who named no one and were named by no one
    tied = adjacency_matrix(everyone, ids).toarray() > 0
    sender, receiver = np.nonzero(~np.eye(n, dtype=bool))
    table = pd.DataFrame(
        {
            "sender": np.array(ids, dtype=object)[sender],
            "receiver": np.array(ids, dtype=object)[receiver],
            "tie": tied[sender, receiver].astype(int),
        }
    )
    if pd.api.types.is_integer_dtype(nodes[id_column]):
        table["sender"] = table["sender"].astype(nodes[id_column].dtype)
        table["receiver"] = table["receiver"].astype(nodes[id_column].dtype)
    if formal is not None:
        require_graph(formal, "formal", directed=True)
        if set(formal.nodes) != set(ids):
            raise ValueError(f"formal must have the same nodes as nodes[{id_column!r}]")
        superior = _chain_matrix(formal, ids)
        table["to_superior"] = superior[receiver, sender].astype(int)
        table["to_subordinate"] = superior[sender, receiver].astype(int)
    for column in same:
        values = nodes[column].to_numpy()
        table[f"same_{column}"] = (values[sender] == values[receiver]).astype(int)
    return table
