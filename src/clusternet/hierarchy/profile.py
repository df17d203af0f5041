"""Every hierarchy measure of the chapter for one directed network, in one call.

Krackhardt's four dimensions next to the hierarchy measures networkx already has (global
reaching centrality, flow hierarchy, global efficiency) and the centralisation measures.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from clusternet.hierarchy.centralisation import freeman_centralisation, top_tier_path_share
from clusternet.hierarchy.krackhardt import krackhardt_measures

__all__ = ["hierarchy_profile"]


def hierarchy_profile(graph, *, top_nodes: Iterable | None = None) -> dict[str, float]:
    """Every hierarchy measure of the chapter for one directed network.

    Krackhardt's four dimensions (``krackhardt_measures``) plus networkx's global
    reaching centrality (Mones, Vicsek and Vicsek 2012) and flow hierarchy (Luo and
    Magee 2011) on the directed graph, and global efficiency, Freeman degree and
    betweenness centralisation and (if ``top_nodes`` is given) the top tier's share of
    shortest paths on the undirected graph.

    Parameters
    ----------
    graph : networkx.DiGraph
        A directed network with a weak component of at least 3 nodes.
    top_nodes : iterable, optional
        The top tier, for ``top_tier_path_share``.

    Returns
    -------
    dict
        ``connectedness, hierarchy, efficiency, lub, global_reaching_centrality,
        flow_hierarchy, global_efficiency, degree_centralisation,
        betweenness_centralisation`` and, with ``top_nodes``, ``top_tier_path_share``.

    Raises
    ------
    TypeError, ValueError
        As the measures it calls (undirected input, empty graph, no arcs).

    Examples
    --------
    >>> import networkx as nx
    >>> tree = nx.balanced_tree(2, 2, create_using=nx.DiGraph)
    >>> profile = hierarchy_profile(tree, top_nodes=[0])
    >>> profile["flow_hierarchy"], profile["top_tier_path_share"]
    (1.0, 0.6)

    References
    ----------
    - Mones, E., Vicsek, L. and Vicsek, T. (2012). Hierarchy measure for complex
      networks. *PLoS ONE* 7(3), e33799.
    - Luo, J. and Magee, C. L. (2011). Detecting evolving patterns of self-organizing
      networks by flow hierarchy measurement. *Complexity* 16(6), 53-61.
    """
    profile = krackhardt_measures(graph)
    undirected = nx.Graph(graph)
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    profile["global_reaching_centrality"] = float(nx.global_reaching_centrality(graph))
    profile["flow_hierarchy"] = float(nx.flow_hierarchy(graph))
    profile["global_efficiency"] = float(nx.global_efficiency(undirected))
    profile["degree_centralisation"] = freeman_centralisation(undirected, "degree")
    profile["betweenness_centralisation"] = freeman_centralisation(undirected, "betweenness")
    if top_nodes is not None:
        profile["top_tier_path_share"] = top_tier_path_share(undirected, top_nodes)
    return profile
