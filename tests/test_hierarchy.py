"""Tests of clusternet.hierarchy (Mulder chapter): known answers, properties, bad input.

The chapter's book module, the sample data and the figures are tested in
``tests/test_hierarchy_book.py``.
"""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import clusternet

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------
# naive reference implementations (loops over pairs, straight from the definitions)
# ---------------------------------------------------------------------------


def naive_reach(graph):
    return {v: nx.descendants(graph, v) | {v} for v in graph}


def naive_krackhardt(graph):
    """Krackhardt's four measures as in the R package sna, written with loops."""
    nodes = list(graph)
    n = len(nodes)
    reach = naive_reach(graph)
    components = list(nx.weakly_connected_components(graph))
    sizes = [len(c) for c in components]
    connectedness = sum(s * (s - 1) for s in sizes) / (n * (n - 1))
    linked = mutual = 0
    for i, j in itertools.combinations(nodes, 2):
        forward, backward = j in reach[i], i in reach[j]
        linked += forward or backward
        mutual += forward and backward
    hierarchy = 1 - mutual / linked if linked else math.nan
    arcs = sum(1 for u, v in graph.edges if u != v)
    required = sum(s - 1 for s in sizes)
    maximum = sum(s * (s - 1) - (s - 1) for s in sizes)
    efficiency = 1 - (arcs - required) / maximum if maximum else math.nan
    violations, most = 0, 0.0
    for component in components:
        if len(component) < 3:
            continue
        most += (len(component) - 1) * (len(component) - 2) / 2
        for j, k in itertools.combinations(sorted(component), 2):
            bounds = [u for u in component if j in reach[u] and k in reach[u]]
            least = any(all(u in reach[x] for x in bounds) for u in bounds)
            violations += not least
    lub = 1 - violations / most if most else math.nan
    return {
        "connectedness": connectedness,
        "hierarchy": hierarchy,
        "efficiency": efficiency,
        "lub": lub,
    }


def naive_top_share(graph, top):
    rest = [v for v in graph if v not in top]
    shares = []
    for s, t in itertools.combinations(rest, 2):
        if not nx.has_path(graph, s, t):
            continue
        paths = list(nx.all_shortest_paths(graph, s, t))
        through = sum(any(v in top for v in path[1:-1]) for path in paths)
        shares.append(through / len(paths))
    return float(np.mean(shares))


def random_out_tree(n, seed):
    tree = nx.random_labeled_tree(n, seed=seed)
    return nx.bfs_tree(tree, seed % n)


digraphs = st.builds(
    lambda n, p, seed: nx.gnp_random_graph(n, p, seed=seed, directed=True),
    st.integers(3, 12),
    st.floats(0.05, 0.6),
    st.integers(0, 10_000),
)


# ---------------------------------------------------------------------------
# Krackhardt's four measures
# ---------------------------------------------------------------------------


def test_out_tree_scores_one_on_all_four():
    tree = nx.balanced_tree(2, 3, create_using=nx.DiGraph)  # the 15-node binary out-tree
    assert clusternet.krackhardt_measures(tree) == {
        "connectedness": 1.0,
        "hierarchy": 1.0,
        "efficiency": 1.0,
        "lub": 1.0,
    }


def test_directed_six_cycle_matches_the_checked_values():
    # papers.md 3.3 (CHECKED): Conn 1, Hier 0, Eff 0.96, LUB 1
    measures = clusternet.krackhardt_measures(nx.cycle_graph(6, create_using=nx.DiGraph))
    assert measures["connectedness"] == 1.0
    assert measures["hierarchy"] == 0.0
    assert measures["efficiency"] == pytest.approx(0.96, abs=1e-12)
    assert measures["lub"] == 1.0


def test_in_star_has_no_least_upper_bounds():
    in_star = nx.DiGraph([(1, 0), (2, 0), (3, 0), (4, 0)])
    assert clusternet.krackhardt_lub(in_star) == 0.0
    assert clusternet.krackhardt_hierarchy(in_star) == 1.0


def test_hand_worked_small_cases():
    # two disjoint arcs: 2 linked pairs of 6
    assert clusternet.krackhardt_connectedness(nx.DiGraph([(0, 1), (2, 3)])) == pytest.approx(1 / 3)
    # 0 <-> 1 -> 2: pairs (0,1) mutual, (0,2), (1,2) one-way
    assert clusternet.krackhardt_hierarchy(nx.DiGraph([(0, 1), (1, 0), (1, 2)])) == pytest.approx(
        2 / 3
    )
    # 3-cycle plus an arc: 4 arcs, 3 required, 4 + 1 possible surplus
    two_parts = nx.DiGraph([(0, 1), (1, 2), (2, 0), (3, 4)])
    assert clusternet.krackhardt_efficiency(two_parts) == pytest.approx(0.8)
    # two bosses 0 and 1 over 2 and 3: pairs (0,1) and (2,3) lack a least upper bound
    matrix = nx.DiGraph([(0, 2), (1, 2), (0, 3), (1, 3)])
    assert clusternet.krackhardt_lub(matrix) == pytest.approx(1 - 2 / 3)


def test_complete_digraph_is_fully_inefficient_and_flat():
    complete = nx.complete_graph(5, create_using=nx.DiGraph)
    assert clusternet.krackhardt_efficiency(complete) == 0.0
    assert clusternet.krackhardt_hierarchy(complete) == 0.0


def test_self_loops_are_ignored():
    tree = nx.balanced_tree(2, 2, create_using=nx.DiGraph)
    looped = tree.copy()
    looped.add_edge(0, 0)
    assert clusternet.krackhardt_measures(looped) == clusternet.krackhardt_measures(tree)


@SETTINGS
@given(digraphs)
def test_krackhardt_measures_equal_the_naive_definitions(graph):
    expected = naive_krackhardt(graph)
    for name, function in [
        ("connectedness", clusternet.krackhardt_connectedness),
        ("hierarchy", clusternet.krackhardt_hierarchy),
        ("efficiency", clusternet.krackhardt_efficiency),
        ("lub", clusternet.krackhardt_lub),
    ]:
        if math.isnan(expected[name]):
            with pytest.raises(ValueError):
                function(graph)
        else:
            value = function(graph)
            assert value == pytest.approx(expected[name], abs=1e-12), name
            assert 0.0 <= value <= 1.0


@SETTINGS
@given(st.integers(3, 25), st.integers(0, 10_000))
def test_every_out_tree_scores_one(n, seed):
    measures = clusternet.krackhardt_measures(random_out_tree(n, seed))
    assert measures == {"connectedness": 1.0, "hierarchy": 1.0, "efficiency": 1.0, "lub": 1.0}


@SETTINGS
@given(digraphs, st.integers(0, 1000))
def test_measures_do_not_depend_on_labels_and_three_ignore_direction(graph, seed):
    assume(graph.number_of_edges() > 0)
    order = np.random.default_rng(seed).permutation(graph.number_of_nodes())
    relabelled = nx.relabel_nodes(graph, dict(zip(graph.nodes, order.tolist(), strict=True)))
    reversed_graph = graph.reverse(copy=True)
    for function in (
        clusternet.krackhardt_connectedness,
        clusternet.krackhardt_hierarchy,
        clusternet.krackhardt_efficiency,
    ):
        assert function(relabelled) == pytest.approx(function(graph), abs=1e-12)
        assert function(reversed_graph) == pytest.approx(function(graph), abs=1e-12)


def test_krackhardt_bad_input():
    with pytest.raises(TypeError, match="graph must be a networkx graph"):
        clusternet.krackhardt_hierarchy([(0, 1)])
    with pytest.raises(ValueError, match="must be a directed graph"):
        clusternet.krackhardt_measures(nx.path_graph(4))
    with pytest.raises(ValueError, match="empty"):
        clusternet.krackhardt_connectedness(nx.DiGraph())
    with pytest.raises(ValueError, match="hierarchy is undefined"):
        clusternet.krackhardt_hierarchy(nx.empty_graph(3, create_using=nx.DiGraph))
    with pytest.raises(ValueError, match="efficiency is undefined"):
        clusternet.krackhardt_efficiency(nx.empty_graph(3, create_using=nx.DiGraph))
    with pytest.raises(ValueError, match="3 or more nodes"):
        clusternet.krackhardt_lub(nx.DiGraph([(0, 1), (2, 3)]))
    with pytest.raises(ValueError, match="multigraph"):
        clusternet.krackhardt_lub(nx.MultiDiGraph([(0, 1), (0, 1), (1, 2)]))
    with pytest.raises(ValueError, match="chunk_size"):
        clusternet.krackhardt_lub(nx.DiGraph([(0, 1), (1, 2)]), chunk_size=0)


@SETTINGS
@given(st.integers(3, 20), st.integers(0, 10_000), st.integers(0, 4))
def test_lub_of_a_tree_with_cycles_inside_units_equals_the_definition(n, seed, back_arcs):
    """Arcs from a node up to one of its bosses merge units into cycles; the merged graph is
    still a tree, so the fast path applies, and must agree with the pair-by-pair definition."""
    graph = random_out_tree(n, seed)
    rng = np.random.default_rng(seed)
    nodes = list(graph)
    for _ in range(back_arcs):
        node = nodes[rng.integers(n)]
        bosses = sorted(nx.ancestors(graph, node))
        if bosses:
            graph.add_edge(node, bosses[rng.integers(len(bosses))])
    assert clusternet.krackhardt_lub(graph) == naive_krackhardt(graph)["lub"] == 1.0


@SETTINGS
@given(digraphs)
def test_lub_fast_path_and_pairwise_check_agree(graph):
    """Every component scored by the tree shortcut has no violations by the pairwise check."""
    from clusternet._graphs import adjacency_matrix, weak_components
    from clusternet.hierarchy import krackhardt
    from clusternet.hierarchy._common import reachability

    adjacency = adjacency_matrix(graph)
    labels = weak_components(adjacency)
    for label in krackhardt._tree_like_components(adjacency, labels):
        members = np.flatnonzero(labels == label)
        reach = reachability(adjacency[members][:, members])
        assert krackhardt._lub_violations(reach, 64) == 0


def test_lub_of_a_large_tree_is_linear_and_a_large_non_tree_is_refused(monkeypatch):
    tree = random_out_tree(20_000, 3)
    assert clusternet.krackhardt_lub(tree) == 1.0  # no n**3 check, no n x n matrix
    from clusternet.hierarchy import krackhardt

    monkeypatch.setattr(krackhardt, "MAX_LUB_CHECK_NODES", 5)
    in_star = nx.DiGraph([(i, 0) for i in range(1, 8)])
    with pytest.raises(ValueError, match="component of 8 nodes that is not a tree"):
        clusternet.krackhardt_lub(in_star)
    assert clusternet.krackhardt_lub(random_out_tree(8, 1)) == 1.0  # trees have no limit


# ---------------------------------------------------------------------------
# centralisation, top tier's share of paths, profile
# ---------------------------------------------------------------------------


def test_freeman_centralisation_known_answers():
    assert clusternet.freeman_centralisation(nx.star_graph(5)) == 1.0
    assert clusternet.freeman_centralisation(nx.star_graph(5), "betweenness") == 1.0
    assert clusternet.freeman_centralisation(nx.cycle_graph(6)) == 0.0
    assert clusternet.freeman_centralisation(nx.cycle_graph(6), "betweenness") == 0.0
    # path of 4: degrees 1,2,2,1 -> 2 / (3 * 2); betweenness 0, 2/3, 2/3, 0 -> (4/3) / 3
    assert clusternet.freeman_centralisation(nx.path_graph(4)) == pytest.approx(1 / 3)
    assert clusternet.freeman_centralisation(nx.path_graph(4), "betweenness") == pytest.approx(
        4 / 9
    )
    # a directed star counts each tie once
    assert clusternet.freeman_centralisation(nx.star_graph(4, create_using=nx.DiGraph)) == 1.0


@SETTINGS
@given(st.integers(3, 15), st.integers(3, 40), st.integers(0, 1000))
def test_freeman_centralisation_lies_in_unit_interval(n, m, seed):
    graph = nx.gnm_random_graph(n, min(m, n * (n - 1) // 2), seed=seed)
    for measure in ("degree", "betweenness"):
        assert 0.0 <= clusternet.freeman_centralisation(graph, measure) <= 1.0


def test_freeman_centralisation_bad_input():
    with pytest.raises(ValueError, match="at least 3 node"):
        clusternet.freeman_centralisation(nx.path_graph(2))
    with pytest.raises(ValueError, match="no edges"):
        clusternet.freeman_centralisation(nx.empty_graph(4))
    with pytest.raises(ValueError, match="measure must be one of"):
        clusternet.freeman_centralisation(nx.star_graph(3), "closeness")
    with pytest.raises(TypeError):
        clusternet.freeman_centralisation({"a": "b"})


def test_top_tier_path_share_known_answers():
    assert clusternet.top_tier_path_share(nx.star_graph(4), [0]) == 1.0
    # C4 with node 0 on top: only pair (1, 3) routes through it, on one of its two paths
    assert clusternet.top_tier_path_share(nx.cycle_graph(4), [0]) == pytest.approx(1 / 6)
    # a binary tree of 7: root on the paths between the two halves only
    tree = nx.balanced_tree(2, 2)
    assert clusternet.top_tier_path_share(tree, [0]) == pytest.approx(9 / 15)


@SETTINGS
@given(st.integers(5, 14), st.floats(0.15, 0.6), st.integers(0, 10_000), st.integers(1, 3))
def test_top_tier_path_share_equals_path_enumeration(n, p, seed, size):
    graph = nx.gnp_random_graph(n, p, seed=seed)
    top = list(range(size))
    rest = [v for v in graph if v not in top]
    connected = any(nx.has_path(graph, s, t) for s, t in itertools.combinations(rest, 2))
    if not connected:
        with pytest.raises(ValueError, match="no pair"):
            clusternet.top_tier_path_share(graph, top)
        return
    value = clusternet.top_tier_path_share(graph, top)
    assert value == pytest.approx(naive_top_share(graph, top), abs=1e-12)
    assert 0.0 <= value <= 1.0


def test_top_tier_path_share_bad_input():
    with pytest.raises(ValueError, match="top_nodes is empty"):
        clusternet.top_tier_path_share(nx.star_graph(4), [])
    with pytest.raises(ValueError, match="not in graph"):
        clusternet.top_tier_path_share(nx.star_graph(4), [99])
    with pytest.raises(TypeError, match="top_nodes must be an iterable"):
        clusternet.top_tier_path_share(nx.star_graph(4), 0)
    with pytest.raises(ValueError, match="fewer than 2 nodes"):
        clusternet.top_tier_path_share(nx.path_graph(3), [0, 1])
    with pytest.raises(ValueError, match="empty"):
        clusternet.top_tier_path_share(nx.Graph(), [0])


def test_hierarchy_profile_reuses_networkx_and_has_every_measure():
    graph = clusternet.tiered_network(3, 3, 0.4, ties=18, directed=True, seed=3)
    profile = clusternet.hierarchy_profile(graph, top_nodes=[0])
    assert set(profile) == {
        "connectedness",
        "hierarchy",
        "efficiency",
        "lub",
        "global_reaching_centrality",
        "flow_hierarchy",
        "global_efficiency",
        "degree_centralisation",
        "betweenness_centralisation",
        "top_tier_path_share",
    }
    assert profile["global_reaching_centrality"] == nx.global_reaching_centrality(graph)
    assert profile["flow_hierarchy"] == nx.flow_hierarchy(graph)
    # papers.md 3.4 test values
    assert clusternet.hierarchy_profile(nx.DiGraph([(1, 2), (1, 3)]))[
        "global_reaching_centrality"
    ] == pytest.approx(1.0)
    assert "top_tier_path_share" not in clusternet.hierarchy_profile(nx.DiGraph([(1, 2), (1, 3)]))
    with pytest.raises(ValueError, match="directed"):
        clusternet.hierarchy_profile(nx.path_graph(4))


# ---------------------------------------------------------------------------
# the continuum generator
# ---------------------------------------------------------------------------


def chain_pairs(graph):
    """Pairs on the formal chain of command (one is a formal superior of the other)."""
    pairs = set()
    for v in graph:
        boss = graph.nodes[v]["boss"]
        while boss != -1:
            pairs.add(frozenset((v, boss)))
            boss = graph.nodes[boss]["boss"]
    return pairs


def test_laterality_zero_is_the_tiered_tree():
    graph = clusternet.tiered_network(4, 3, 0.0)
    assert graph.number_of_nodes() == 21 and graph.number_of_edges() == 20
    assert nx.is_tree(graph)
    assert [graph.nodes[v]["tier"] for v in (0, 1, 4, 5, 20)] == [0, 1, 1, 2, 2]
    directed = clusternet.tiered_network(4, 3, 0.0, directed=True)
    assert nx.is_arborescence(directed) and directed.in_degree(0) == 0
    assert clusternet.krackhardt_measures(directed) == {
        "connectedness": 1.0,
        "hierarchy": 1.0,
        "efficiency": 1.0,
        "lub": 1.0,
    }


def test_extra_ties_at_laterality_zero_stay_on_the_chain_of_command():
    graph = clusternet.tiered_network(3, 4, 0.0, ties=70, seed=2)
    pairs = chain_pairs(graph)
    assert graph.number_of_edges() == 70
    assert all(frozenset(edge) in pairs for edge in graph.edges)
    directed = clusternet.tiered_network(3, 4, 0.0, ties=70, directed=True, seed=2)
    assert clusternet.krackhardt_hierarchy(directed) == 1.0
    assert clusternet.krackhardt_lub(directed) == 1.0


def test_laterality_one_leaves_no_tie_on_the_chain_and_two_way_arcs():
    graph = clusternet.tiered_network(3, 4, 1.0, ties=60, seed=5)
    pairs = chain_pairs(graph)
    assert not any(frozenset(edge) in pairs for edge in graph.edges)
    assert {kind for *_, kind in graph.edges(data="kind")} <= {"lateral", "cross-tier"}
    directed = clusternet.tiered_network(3, 4, 1.0, ties=60, directed=True, seed=5)
    assert directed.number_of_edges() == 2 * 60
    assert all(directed.has_edge(v, u) for u, v in directed.edges)


@SETTINGS
@given(
    st.integers(2, 4),
    st.integers(2, 4),
    st.floats(0.0, 1.0),
    st.integers(0, 10_000),
    st.floats(0.0, 1.0),
)
def test_size_and_ties_are_fixed_along_the_continuum(branching, tiers, laterality, seed, extra):
    n = sum(branching**k for k in range(tiers))
    skip = sum(branching**k * (k - 1) for k in range(2, tiers))
    ties = n - 1 + int(extra * skip * 0.5)
    try:
        graph = clusternet.tiered_network(branching, tiers, laterality, ties=ties, seed=seed)
    except ValueError as error:  # tiny organisations can run out of off-chain partners
        assert "cannot re-wire" in str(error)
        return
    assert graph.number_of_nodes() == n
    assert graph.number_of_edges() == ties
    assert nx.number_of_selfloops(graph) == 0
    kinds = [kind for *_, kind in graph.edges(data="kind")]
    assert kinds.count("chain") == ties - graph.graph["rewired"]
    again = clusternet.tiered_network(branching, tiers, laterality, ties=ties, seed=seed)
    assert sorted(again.edges(data="kind")) == sorted(graph.edges(data="kind"))


def test_tiered_network_bad_input():
    with pytest.raises(ValueError, match="laterality must be <= 1"):
        clusternet.tiered_network(3, 3, 1.5)
    with pytest.raises(ValueError, match="laterality must be >= 0"):
        clusternet.tiered_network(3, 3, -0.1)
    with pytest.raises(TypeError, match="laterality must be a real number"):
        clusternet.tiered_network(3, 3, "half")
    with pytest.raises(ValueError, match="branching must be >= 2"):
        clusternet.tiered_network(1, 3)
    with pytest.raises(TypeError, match="tiers must be an integer"):
        clusternet.tiered_network(3, 2.5)
    with pytest.raises(ValueError, match="ties must lie between 12"):
        clusternet.tiered_network(3, 3, ties=5)
    with pytest.raises(ValueError, match="ties must lie between 12"):
        clusternet.tiered_network(3, 3, ties=100)
    with pytest.raises(TypeError, match="seed"):
        clusternet.tiered_network(3, 3, 0.5, seed="x")
    with pytest.raises(ValueError, match="cannot re-wire"):
        clusternet.tiered_network(2, 2, 1.0)  # a leaf's only off-chain partner is its sibling


# ---------------------------------------------------------------------------
# diffusion
# ---------------------------------------------------------------------------


def test_contagion_with_certain_transmission_is_breadth_first_search():
    graph = nx.gnm_random_graph(30, 50, seed=4)
    source = 3
    curves = clusternet.simulate_diffusion(
        graph, sources=[source], model="contagion", tier=None, max_steps=20
    )
    distances = nx.single_source_shortest_path_length(graph, source)
    for step, share in curves[["step", "informed_share"]].itertuples(index=False):
        assert share == pytest.approx(sum(d <= step for d in distances.values()) / 30)


def test_path_graph_contagion_exact_and_steps_to_reach():
    curves = clusternet.simulate_diffusion(
        nx.path_graph(4), sources=[0], model="contagion", tier=None, max_steps=3
    )
    assert curves["informed_share"].tolist() == [0.25, 0.5, 0.75, 1.0]
    reached = clusternet.steps_to_reach(curves, 0.5)
    assert reached["steps"].tolist() == [1.0] and reached["reached"].tolist() == [True]


def test_push_spreads_one_contact_at_a_time():
    graph = clusternet.tiered_network(3, 3, 0.5, seed=1)
    curves = clusternet.simulate_diffusion(graph, runs=15, max_steps=30, seed=9)
    n = graph.number_of_nodes()
    for _, run in curves.groupby("run"):
        counts = np.rint(run["informed_share"].to_numpy() * n)
        assert counts[0] == 1
        assert np.all(np.diff(counts) >= 0)
        assert np.all(counts[1:] <= 2 * counts[:-1])  # each informed person tells one contact
        assert np.all(np.diff(run["tiers_reached_share"].to_numpy()) >= 0)
    # sources are bottom-tier people
    assert {graph.nodes[v]["tier"] for v in curves["source"]} == {2}
    again = clusternet.simulate_diffusion(graph, runs=15, max_steps=30, seed=9)
    pd.testing.assert_frame_equal(curves, again)


def test_push_on_a_star_from_a_leaf_reaches_the_centre_first():
    curves = clusternet.simulate_diffusion(
        nx.star_graph(5), sources=[1], model="push", tier=None, max_steps=1, seed=0
    )
    assert curves["informed_share"].tolist() == [1 / 6, 2 / 6]


def test_idea_that_cannot_spread_never_reaches_its_target():
    graph = nx.Graph([(0, 1), (2, 3)])
    curves = clusternet.simulate_diffusion(graph, sources=[0], tier=None, max_steps=5, seed=1)
    reached = clusternet.steps_to_reach(curves, 0.75)
    assert reached["steps"].tolist() == [math.inf] and not reached["reached"].any()
    with pytest.raises(ValueError, match="infinite or missing"):
        clusternet.ensemble_mean_ci(reached.assign(other=0), "steps")


def test_diffusion_bad_input():
    graph = nx.path_graph(4)
    with pytest.raises(ValueError, match="model must be one of"):
        clusternet.simulate_diffusion(graph, tier=None, model="gossip")
    with pytest.raises(ValueError, match="transmission must be > 0"):
        clusternet.simulate_diffusion(graph, tier=None, transmission=0)
    with pytest.raises(ValueError, match="transmission must be <= 1"):
        clusternet.simulate_diffusion(graph, tier=None, transmission=1.5)
    with pytest.raises(ValueError, match="unknown"):
        clusternet.simulate_diffusion(graph, sources=[9], tier=None)
    with pytest.raises(ValueError, match="lack the attribute 'tier'"):
        clusternet.simulate_diffusion(graph)
    with pytest.raises(ValueError, match="no edges"):
        clusternet.simulate_diffusion(nx.empty_graph(3), tier=None)
    with pytest.raises(ValueError, match="start_tier 7 has no nodes"):
        clusternet.simulate_diffusion(clusternet.tiered_network(2, 3), start_tier=7)
    with pytest.raises(TypeError, match="max_steps must be an integer"):
        clusternet.simulate_diffusion(graph, tier=None, max_steps=2.5)
    with pytest.raises(ValueError, match="missing required column"):
        clusternet.steps_to_reach(pd.DataFrame({"run": [0]}), 0.5)
    with pytest.raises(ValueError, match="share must be > 0"):
        clusternet.steps_to_reach(
            pd.DataFrame({"run": [0], "step": [0], "informed_share": [1.0]}), 0
        )
    with pytest.raises(TypeError, match="curves must be a pandas DataFrame"):
        clusternet.steps_to_reach([1, 2], 0.5)


# ---------------------------------------------------------------------------
# robustness and ensembles
# ---------------------------------------------------------------------------


def test_attack_on_a_star_removes_the_hub_first():
    curve = clusternet.robustness_curve(nx.star_graph(4), strategy="degree", fractions=[0, 0.2])
    assert curve["giant_share"].tolist() == [1.0, 0.2]
    between = clusternet.robustness_curve(nx.star_graph(4), strategy="betweenness", fractions=[0.2])
    assert between["giant_share"].tolist() == [0.2]


def test_union_find_curve_equals_removing_nodes_one_by_one():
    graph = nx.gnm_random_graph(40, 70, seed=11)
    degrees = dict(graph.degree())
    curve = clusternet.robustness_curve(
        graph, strategy="degree", fractions=np.arange(0, 1.0001, 0.025), runs=1, seed=3
    )
    # reproduce the attack order (degree, ties broken by the same seeded draw)
    rng = np.random.default_rng(3)
    nodes = list(graph)
    order = np.lexsort((rng.random(40), -np.array([degrees[v] for v in nodes])))
    for fraction, share in curve[["fraction_removed", "giant_share"]].itertuples(index=False):
        remaining = graph.copy()
        remaining.remove_nodes_from([nodes[i] for i in order[: int(round(fraction * 40))]])
        expected = max((len(c) for c in nx.connected_components(remaining)), default=0) / 40
        assert share == pytest.approx(expected)


@SETTINGS
@given(st.integers(5, 30), st.integers(0, 10_000))
def test_giant_share_never_grows_as_people_leave(n, seed):
    graph = nx.gnm_random_graph(n, 2 * n, seed=seed)
    curve = clusternet.robustness_curve(graph, runs=3, seed=seed)
    for _, run in curve.groupby("run"):
        shares = run.sort_values("fraction_removed")["giant_share"].to_numpy()
        assert np.all(np.diff(shares) <= 1e-12)
        assert 0 <= shares.min() and shares.max() <= 1


def test_robustness_bad_input():
    with pytest.raises(ValueError, match="strategy must be one of"):
        clusternet.robustness_curve(nx.path_graph(3), strategy="eigenvector")
    with pytest.raises(ValueError, match="fractions must be <= 1"):
        clusternet.robustness_curve(nx.path_graph(3), fractions=[1.2])
    with pytest.raises(ValueError, match="fractions is empty"):
        clusternet.robustness_curve(nx.path_graph(3), fractions=[])
    with pytest.raises(TypeError, match="fractions must be a sequence"):
        clusternet.robustness_curve(nx.path_graph(3), fractions=0.1)
    with pytest.raises(ValueError, match="empty"):
        clusternet.robustness_curve(nx.Graph())
    with pytest.raises(ValueError, match="runs must be >= 1"):
        clusternet.robustness_curve(nx.path_graph(3), runs=0)


def test_ensemble_mean_ci_known_answer_and_bad_input():
    table = clusternet.ensemble_mean_ci(pd.DataFrame({"x": [1.0, 2.0, 3.0]}), "x")
    half = 4.302652729749464 / math.sqrt(3)  # t(0.975, 2) * sd / sqrt(n), sd = 1
    assert table.iloc[0].to_dict() == pytest.approx(
        {"mean": 2.0, "ci_lower": 2 - half, "ci_upper": 2 + half, "n": 3}
    )
    grouped = clusternet.ensemble_mean_ci(
        pd.DataFrame({"g": [0, 0, 1, 1], "x": [1.0, 3.0, 5.0, 5.0]}), "x", by="g"
    )
    assert grouped["mean"].tolist() == [2.0, 5.0]
    assert grouped.loc[1, "ci_lower"] == grouped.loc[1, "ci_upper"] == 5.0
    with pytest.raises(ValueError, match="at least 2 members"):
        clusternet.ensemble_mean_ci(pd.DataFrame({"g": [0, 1], "x": [1.0, 2.0]}), "x", by="g")
    with pytest.raises(ValueError, match="missing required column"):
        clusternet.ensemble_mean_ci(pd.DataFrame({"x": [1.0, 2.0]}), "y")
    with pytest.raises(ValueError, match="infinite or missing"):
        clusternet.ensemble_mean_ci(pd.DataFrame({"x": [1.0, np.nan]}), "x")
    with pytest.raises(ValueError, match="empty"):
        clusternet.ensemble_mean_ci(pd.DataFrame({"x": []}), "x")
    with pytest.raises(TypeError, match="frame must be a pandas DataFrame"):
        clusternet.ensemble_mean_ci({"x": [1.0]}, "x")


def test_simulate_continuum_small_ensemble():
    table = clusternet.simulate_continuum(
        [0.0, 1.0],
        replicates=2,
        branching=3,
        tiers=3,
        ties=15,
        top_tiers=[0],
        diffusion_runs=3,
        robustness_runs=2,
        seed=1,
    )
    assert table.shape[0] == 4
    assert (table["ties"] == 15).all() and (table["nodes"] == 13).all()
    hierarchy_rows = table[table["laterality"] == 0.0]
    assert (hierarchy_rows["rewired_share"] == 0).all()
    assert (hierarchy_rows["hierarchy"] == 1.0).all()
    assert (
        hierarchy_rows["top_tier_path_share"]
        > table.loc[table["laterality"] == 1.0, "top_tier_path_share"].max()
    ).all()
    with pytest.raises(ValueError, match="lateralities must be <= 1"):
        clusternet.simulate_continuum([2.0], replicates=2, top_tiers=[0])
    with pytest.raises(ValueError, match="lateralities is empty"):
        clusternet.simulate_continuum([], top_tiers=[0])
    with pytest.raises(TypeError, match="lateralities must be a sequence"):
        clusternet.simulate_continuum(0.5, top_tiers=[0])
    with pytest.raises(TypeError, match="top_tiers"):
        clusternet.simulate_continuum([0.0])  # the top is the study's choice: no default


# ---------------------------------------------------------------------------
# formal versus informal structure, real data
# ---------------------------------------------------------------------------


def test_observed_laterality_hand_example():
    formal = nx.DiGraph([(0, 1), (0, 2)])
    result = clusternet.observed_laterality(nx.Graph([(0, 1), (1, 2)]), formal)
    assert isinstance(result, clusternet.LateralityResult)
    assert result.ties == 2 and result.chain_ties == 1
    assert result.estimate == 0.5
    assert result.std_error == pytest.approx(math.sqrt(0.5 * 0.5 / 2))
    assert result.chance_laterality == pytest.approx(1 / 3)
    assert result.minimum_laterality == 0.0
    assert result.ci_lower < 0.5 < result.ci_upper
    with pytest.raises(AttributeError):  # frozen
        result.estimate = 0.0
    # a chain of command applied to itself has laterality 0
    assert clusternet.observed_laterality(formal, formal).estimate == 0.0


def test_observed_laterality_minimum_when_ties_outnumber_chain_pairs():
    formal = nx.DiGraph([(0, 1), (0, 2)])
    result = clusternet.observed_laterality(nx.complete_graph(3), formal)
    assert result.estimate == pytest.approx(1 / 3)
    assert result.minimum_laterality == pytest.approx(1 / 3)


def test_observed_laterality_bad_input():
    formal = nx.DiGraph([(0, 1), (0, 2)])
    with pytest.raises(ValueError, match="formal must be a directed graph"):
        clusternet.observed_laterality(nx.path_graph(3), nx.path_graph(3))
    with pytest.raises(ValueError, match="same nodes"):
        clusternet.observed_laterality(nx.path_graph(4), formal)
    with pytest.raises(ValueError, match="no edges"):
        clusternet.observed_laterality(nx.empty_graph(3), formal)
    with pytest.raises(TypeError):
        clusternet.observed_laterality(nx.path_graph(3), [(0, 1)])


def test_formal_tier_digraph_and_bad_input():
    graph = clusternet.formal_tier_digraph({"a": 1, "b": 2, "c": 2, "d": 3})
    assert sorted(graph.edges) == [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]
    with pytest.raises(ValueError, match="single rank"):
        clusternet.formal_tier_digraph({"a": 1, "b": 1})
    with pytest.raises(TypeError, match="non-numeric ranks"):
        clusternet.formal_tier_digraph({"a": "partner", "b": 2})
    with pytest.raises(TypeError, match="mapping"):
        clusternet.formal_tier_digraph([("a", 1)])
    with pytest.raises(ValueError, match="at least 2 nodes"):
        clusternet.formal_tier_digraph({"a": 1})


def test_dyad_table_and_bad_input():
    people = pd.DataFrame({"id": [1, 2, 3], "dept": [1, 1, 2]})
    formal = nx.DiGraph([(1, 2), (1, 3)])
    table = clusternet.dyad_table(
        nx.DiGraph([(2, 1), (3, 2)]), people, formal=formal, same=["dept"]
    )
    assert len(table) == 6
    row = table.set_index(["sender", "receiver"])
    assert row.loc[(2, 1), "tie"] == 1 and row.loc[(2, 1), "to_superior"] == 1
    assert row.loc[(1, 2), "to_subordinate"] == 1 and row.loc[(1, 2), "tie"] == 0
    assert row.loc[(3, 2), "to_superior"] == 0 and row.loc[(1, 2), "same_dept"] == 1
    with pytest.raises(ValueError, match="directed"):
        clusternet.dyad_table(nx.path_graph([1, 2, 3]), people)
    with pytest.raises(ValueError, match="missing required column"):
        clusternet.dyad_table(nx.DiGraph([(1, 2)]), people, same=["office"])
    with pytest.raises(ValueError, match="not in nodes"):
        clusternet.dyad_table(nx.DiGraph([(1, 4)]), people)
    with pytest.raises(ValueError, match="formal must have the same nodes"):
        clusternet.dyad_table(nx.DiGraph([(1, 2)]), people, formal=nx.DiGraph([(1, 2)]))
    isolate = clusternet.dyad_table(nx.DiGraph([(1, 2)]), people)
    assert isolate["tie"].sum() == 1 and len(isolate) == 6
    with pytest.raises(ValueError, match="duplicated ids"):
        clusternet.dyad_table(nx.DiGraph([(1, 2)]), pd.concat([people, people]))
    with pytest.raises(TypeError, match="nodes must be a pandas DataFrame"):
        clusternet.dyad_table(nx.DiGraph([(1, 2)]), [1, 2])
