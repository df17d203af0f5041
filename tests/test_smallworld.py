"""Tests of clusternet.smallworld: Uzzi and Spiro's Q, its benchmarks and the inverted U.

The sample data, the chapter's book module and the figures are tested in
``tests/test_smallworld_book.py``.
"""

from __future__ import annotations

import itertools
import random

import igraph
import networkx as nx
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusternet
from clusternet import smallworld as sw
from clusternet.smallworld import _common

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def credits_table():
    """Three shows: ann and bob twice together, cy and dee once."""
    return pd.DataFrame(
        {
            "person": ["ann", "bob", "bob", "cy", "ann", "bob", "dee", "dee"],
            "group": ["s1", "s1", "s2", "s2", "s3", "s3", "s3", "s3"],
            "role": [
                "composer",
                "lyricist",
                "director",
                "producer",
                "composer",
                "lyricist",
                "director",
                "producer",
            ],
        }
    )


def random_affiliations(n_people, n_groups, size_low, size_high, seed):
    """Groups of uniform random size filled with uniformly random people (a random bipartite graph)."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(size_low, size_high + 1, size=n_groups)
    group = np.repeat(np.arange(n_groups), sizes)
    person = rng.integers(0, n_people, size=group.size)
    return pd.DataFrame({"person": person, "group": group})


def community_affiliations(n_pool, seed, community=100, local=0.8):
    """Teams of 4-8 drawn mostly from one community of 100 people, busier people more often.

    The benchmark network of ``benchmarks/bench_smallworld.py`` in miniature: a clustered
    small world with Q of about 1.2.
    """
    rng = np.random.default_rng(seed)
    n_teams = int(0.34 * n_pool)
    team = np.repeat(np.arange(n_teams), rng.integers(4, 9, size=n_teams))
    activity = np.cumsum(rng.lognormal(0.0, 0.8, size=n_pool))
    home = rng.integers(0, n_pool // community, size=n_teams)[team] * community
    low = np.where(home > 0, activity[home - 1], 0.0)
    high = activity[np.minimum(home + community, n_pool) - 1]
    local_pick = np.searchsorted(activity, low + rng.random(team.size) * (high - low))
    global_pick = np.searchsorted(activity, rng.random(team.size) * activity[-1])
    person = np.minimum(
        np.where(rng.random(team.size) < local, local_pick, global_pick), n_pool - 1
    )
    return pd.DataFrame({"person": person, "group": team})


def graph_from_edges(n, edges):
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    return graph


# ---------------------------------------------------------------------------
# affiliation networks and projection
# ---------------------------------------------------------------------------


def test_affiliation_network_counts_a_double_role_once():
    network = sw.affiliation_network(credits_table())
    assert list(network.people) == ["ann", "bob", "cy", "dee"]
    assert list(network.groups) == ["s1", "s2", "s3"]
    np.testing.assert_array_equal(
        network.memberships, [2, 3, 1, 1]
    )  # dee: two roles, one membership
    np.testing.assert_array_equal(network.group_sizes, [2, 2, 3])
    assert repr(network) == "AffiliationNetwork(4 people, 3 groups, 7 memberships)"


def test_projection_by_hand():
    network = sw.affiliation_network(credits_table())
    weighted = sw.project_affiliations(network, weighted=True).toarray()
    expected = np.array(
        [
            [0, 2, 0, 1],  # ann: bob in s1 and s3, dee in s3
            [2, 0, 1, 1],
            [0, 1, 0, 0],
            [1, 1, 0, 0],
        ]
    )
    np.testing.assert_array_equal(weighted, expected)
    np.testing.assert_array_equal(
        sw.project_affiliations(network).toarray(), (expected > 0).astype(int)
    )
    graph = network.projected_graph()
    assert graph["ann"]["bob"]["weight"] == 2
    assert set(graph.edges()) == {("ann", "bob"), ("ann", "dee"), ("bob", "cy"), ("bob", "dee")}


@FAST
@given(seed=st.integers(0, 10_000), n_people=st.integers(2, 40), n_groups=st.integers(1, 15))
def test_projection_equals_networkx(seed, n_people, n_groups):
    table = random_affiliations(n_people, n_groups, 1, 5, seed)
    network = sw.affiliation_network(table)
    bipartite = nx.Graph()
    bipartite.add_edges_from(
        (("p", p), ("g", g)) for p, g in zip(table["person"], table["group"], strict=True)
    )
    projected = nx.bipartite.weighted_projected_graph(bipartite, [("p", p) for p in network.people])
    ours = sw.project_affiliations(network, weighted=True)
    index = {("p", p): i for i, p in enumerate(network.people)}
    theirs = np.zeros(ours.shape, dtype=int)
    for u, v, data in projected.edges(data=True):
        theirs[index[u], index[v]] = theirs[index[v], index[u]] = data["weight"]
    np.testing.assert_array_equal(ours.toarray(), theirs)


def test_affiliation_network_rejects_bad_input():
    with pytest.raises(TypeError, match="DataFrame"):
        sw.affiliation_network([("a", "s1")])
    with pytest.raises(ValueError, match="missing required column"):
        sw.affiliation_network(pd.DataFrame({"person": ["a"]}))
    with pytest.raises(ValueError, match="empty"):
        sw.affiliation_network(pd.DataFrame({"person": [], "group": []}))
    with pytest.raises(ValueError, match="people in no group.*'b'"):
        sw.affiliation_network(pd.DataFrame({"person": ["a", "b"], "group": ["s1", None]}))
    with pytest.raises(ValueError, match="missing 'person'"):
        sw.affiliation_network(pd.DataFrame({"person": ["a", None], "group": ["s1", "s1"]}))
    with pytest.raises(ValueError, match="people in no group.*'zoe'"):
        sw.affiliation_network(credits_table(), people=["ann", "zoe"])
    with pytest.raises(TypeError, match="people must be a sequence"):
        sw.affiliation_network(credits_table(), people="ann")
    with pytest.raises(ValueError, match="different columns"):
        sw.affiliation_network(credits_table(), person="person", group="person")
    with pytest.raises(TypeError, match="AffiliationNetwork"):
        sw.project_affiliations(credits_table())
    with pytest.raises(TypeError, match="weighted"):
        sw.project_affiliations(sw.affiliation_network(credits_table()), weighted=1)


# ---------------------------------------------------------------------------
# clustering
# ---------------------------------------------------------------------------


def test_clustering_by_hand():
    triangle_and_tail = graph_from_edges(4, [(0, 1), (1, 2), (0, 2), (2, 3)])
    # 1 triangle; connected triples 1 + 1 + 3 + 0 = 5; transitivity 3 * 1 / 5
    assert sw.clustering_coefficient(triangle_and_tail) == pytest.approx(0.6)
    # local: 1, 1, 1/3, 0 (degree 1 counts as 0)
    assert sw.clustering_coefficient(triangle_and_tail, measure="mean_local") == pytest.approx(
        (1 + 1 + 1 / 3) / 4
    )
    assert sw.clustering_coefficient(nx.complete_graph(5)) == 1.0
    assert sw.clustering_coefficient(nx.star_graph(4)) == 0.0


@FAST
@given(seed=st.integers(0, 10_000), n=st.integers(3, 60), p=st.floats(0.05, 0.6))
def test_clustering_equals_networkx(seed, n, p):
    graph = nx.gnp_random_graph(n, p, seed=seed)
    if sum(d * (d - 1) for _, d in graph.degree()) > 0:
        assert sw.clustering_coefficient(graph) == pytest.approx(nx.transitivity(graph), abs=1e-12)
    local = sw.clustering_coefficient(graph, measure="mean_local")
    assert local == pytest.approx(nx.average_clustering(graph), abs=1e-12)
    assert 0.0 <= local <= 1.0


def test_clustering_accepts_a_sparse_matrix_and_ignores_weights_and_loops():
    graph = nx.karate_club_graph()
    matrix = sp.csr_matrix(nx.to_numpy_array(graph, weight="weight"))
    matrix.setdiag(3.0)
    assert sw.clustering_coefficient(matrix) == pytest.approx(nx.transitivity(graph), abs=1e-12)


def test_clustering_rejects_bad_input():
    with pytest.raises(ValueError, match="measure must be one of"):
        sw.clustering_coefficient(nx.complete_graph(3), measure="average")
    with pytest.raises(TypeError, match="scipy sparse matrix, a networkx Graph"):
        sw.clustering_coefficient(np.eye(3))
    with pytest.raises(ValueError, match="undirected"):
        sw.clustering_coefficient(nx.DiGraph([(0, 1)]))
    with pytest.raises(ValueError, match="empty"):
        sw.clustering_coefficient(nx.Graph())
    with pytest.raises(ValueError, match="no connected triples|no two ties"):
        sw.clustering_coefficient(graph_from_edges(4, [(0, 1), (2, 3)]))
    with pytest.raises(ValueError, match="not symmetric"):
        sw.clustering_coefficient(sp.csr_matrix(np.array([[0, 1], [0, 0]])))
    with pytest.raises(ValueError, match="square"):
        sw.clustering_coefficient(sp.csr_matrix(np.ones((2, 3))))
    with pytest.raises(ValueError, match="negative"):
        sw.clustering_coefficient(sp.csr_matrix(np.array([[0, -1], [-1, 0]])))


# ---------------------------------------------------------------------------
# path length
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("n", [3, 5, 10, 40])
def test_path_length_of_a_path_and_a_star(n):
    assert sw.mean_path_length(nx.path_graph(n)).mean == pytest.approx((n + 1) / 3)
    # star with m leaves: m pairs at distance 1, m(m-1)/2 at distance 2
    m = n
    assert sw.mean_path_length(nx.star_graph(m)).mean == pytest.approx(2 * m / (m + 1))


def test_path_length_uses_the_giant_component():
    graph = nx.disjoint_union(nx.path_graph(5), nx.path_graph(2))
    result = sw.mean_path_length(graph)
    assert result.mean == pytest.approx(2.0)
    assert result.n_giant == 5
    assert result.giant_share == pytest.approx(5 / 7)
    assert result.exact and result.std_error == 0.0


@FAST
@given(seed=st.integers(0, 10_000), n=st.integers(3, 150), p=st.floats(0.02, 0.4))
def test_path_length_equals_networkx(seed, n, p):
    graph = nx.gnp_random_graph(n, p, seed=seed)
    giant = graph.subgraph(max(nx.connected_components(graph), key=len))
    if giant.number_of_nodes() < 3:
        with pytest.raises(ValueError, match="giant component"):
            sw.mean_path_length(graph)
        return
    assert sw.mean_path_length(graph).mean == pytest.approx(
        nx.average_shortest_path_length(giant), rel=1e-12
    )


def test_path_length_in_several_bfs_passes(monkeypatch):
    """Force many small passes of 64 sources so that the batching itself is tested."""
    graph = nx.connected_watts_strogatz_graph(400, 6, 0.1, seed=3)
    exact = nx.average_shortest_path_length(graph)
    monkeypatch.setattr(_common, "BFS_WORD_BUDGET", 1)
    assert sw.mean_path_length(graph).mean == pytest.approx(exact, rel=1e-12)
    monkeypatch.setattr(_common, "BFS_WORD_BUDGET", 10**9)
    assert sw.mean_path_length(graph).mean == pytest.approx(exact, rel=1e-12)


def test_sampled_path_length_is_unbiased_with_an_honest_standard_error():
    graph = nx.connected_watts_strogatz_graph(300, 4, 0.2, seed=5)
    exact = nx.average_shortest_path_length(graph)
    rng = np.random.default_rng(11)
    estimates = [sw.mean_path_length(graph, sources=20, seed=rng) for _ in range(300)]
    means = np.array([e.mean for e in estimates])
    reported_se = np.mean([e.std_error for e in estimates])
    assert all(not e.exact and e.n_sources == 20 for e in estimates)
    assert abs(means.mean() - exact) < 4 * means.std() / np.sqrt(means.size)  # unbiased
    assert means.std() == pytest.approx(reported_se, rel=0.2)  # the SE matches the spread
    assert sw.mean_path_length(graph, sources=300).exact  # as many sources as nodes: exact
    assert sw.mean_path_length(graph, exact_limit=100).n_sources == 300  # below default sample size


def test_path_length_rejects_bad_input():
    with pytest.raises(ValueError, match="giant component.*at least 3"):
        sw.mean_path_length(nx.empty_graph(5))
    with pytest.raises(ValueError, match="sources must be >= 2"):
        sw.mean_path_length(nx.path_graph(5), sources=1)
    with pytest.raises(TypeError, match="sources must be an integer"):
        sw.mean_path_length(nx.path_graph(5), sources=2.5)
    with pytest.raises(TypeError, match="seed"):
        sw.mean_path_length(nx.path_graph(5), seed="one")
    with pytest.raises(TypeError, match="exact_limit"):
        sw.mean_path_length(nx.path_graph(5), exact_limit=None)


# ---------------------------------------------------------------------------
# benchmarks
# ---------------------------------------------------------------------------


def nsw_by_generating_functions(memberships, group_sizes):
    """Newman-Strogatz-Watts eqs. 70-73 and 81 evaluated with numpy polynomials, independently."""
    from numpy.polynomial import polynomial as P

    p = np.bincount(memberships) / len(memberships)
    q = np.bincount(group_sizes) / len(group_sizes)
    f0, g0 = p, q
    g1 = P.polyder(g0) / P.polyval(1, P.polyder(g0))
    f1 = P.polyder(f0) / P.polyval(1, P.polyder(f0))

    def compose(outer, inner):
        result = np.zeros(1)
        for k, coefficient in enumerate(outer):
            result = P.polyadd(result, coefficient * P.polypow(inner, k))
        return result

    big_g0, big_g1 = compose(f0, g1), compose(f1, g1)
    z1 = P.polyval(1, P.polyder(big_g0))
    z2 = z1 * P.polyval(1, P.polyder(big_g1))
    clustering = (
        (len(group_sizes) / len(memberships))
        * P.polyval(1, P.polyder(g0, 3))
        / P.polyval(1, P.polyder(big_g0, 2))
    )
    return clustering, z1, z2


@FAST
@given(seed=st.integers(0, 10_000))
def test_nsw_formulas_match_the_generating_functions(seed):
    table = random_affiliations(60, 25, 2, 6, seed)
    network = sw.affiliation_network(table)
    try:
        ours = sw.nsw_benchmark(network.memberships, network.group_sizes)
    except ValueError:
        return  # no giant component predicted; covered elsewhere
    clustering, z1, z2 = nsw_by_generating_functions(network.memberships, network.group_sizes)
    assert ours.clustering == pytest.approx(clustering, rel=1e-9)
    assert ours.z1 == pytest.approx(z1, rel=1e-9)
    assert ours.z2 == pytest.approx(z2, rel=1e-9)
    n = network.n_people  # eq. 53
    expected = (np.log((n - 1) * (z2 - z1) + z1**2) - np.log(z1**2)) / np.log(z2 / z1)
    assert ours.path_length == pytest.approx(expected, rel=1e-9)


def test_nsw_known_answers():
    # everyone in exactly one group: disjoint cliques, clustering 1 (path length undefined: no giant)
    with pytest.raises(ValueError, match="no giant component"):
        sw.nsw_benchmark([1] * 12, [4, 4, 4])
    # pairs only (no group of three): a projection without cliques, clustering 0
    pairs = sw.nsw_benchmark([3] * 100, [2] * 150)
    assert pairs.clustering == 0.0
    assert pairs.z1 == pytest.approx(3.0) and pairs.z2 == pytest.approx(6.0)
    # two groups of three each: z1 = 2 * 2 = 4, z2 = (4 - 2) * 2^2 = 8, C = 1 / (1 + 2 * 36 / (2 * 3 * 6)) = 1/3
    two_by_three = sw.nsw_benchmark([2] * 12, [3] * 8)
    assert (two_by_three.z1, two_by_three.z2) == (pytest.approx(4.0), pytest.approx(8.0))
    assert two_by_three.clustering == pytest.approx(1 / 3)
    # the path length by eq. 53 with N = 12
    assert two_by_three.path_length == pytest.approx((np.log(11 * 4 + 16) - np.log(16)) / np.log(2))


def test_analytic_benchmark_against_simulation():
    """Clustering agrees closely on a large random network; the path-length formula runs low."""
    network = sw.affiliation_network(random_affiliations(6000, 2000, 3, 8, seed=2))
    analytic = sw.nsw_benchmark(network.memberships, network.group_sizes)
    rng = np.random.default_rng(4)
    clustering, path, degree = [], [], []
    for _ in range(3):
        null = sw.bipartite_configuration_model(network, seed=rng)
        adjacency = sw.project_affiliations(null)
        clustering.append(sw.clustering_coefficient(adjacency))
        path.append(sw.mean_path_length(adjacency, sources=200, seed=rng).mean)
        degree.append(adjacency.nnz / adjacency.shape[0])
    assert analytic.clustering == pytest.approx(np.mean(clustering), rel=0.03)
    assert analytic.z1 == pytest.approx(np.mean(degree), rel=0.03)
    shortfall = 1 - analytic.path_length / np.mean(path)
    assert 0.03 < shortfall < 0.25


def test_configuration_model_keeps_the_degree_sequences():
    network = sw.affiliation_network(random_affiliations(500, 200, 2, 6, seed=1))
    null = sw.bipartite_configuration_model(network, seed=3)
    assert (null.n_people, null.n_groups) == (network.n_people, network.n_groups)
    assert (null.memberships <= network.memberships).all() and (null.memberships >= 1).all()
    assert (null.group_sizes <= network.group_sizes).all()
    lost = network.incidence.nnz - null.incidence.nnz  # repeated person-group pairs collapse
    assert 0 <= lost < 0.02 * network.incidence.nnz
    single = sw.affiliation_network(
        pd.DataFrame({"person": range(30), "group": np.repeat(range(6), 5)})
    )
    exact = sw.bipartite_configuration_model(single, seed=9)
    np.testing.assert_array_equal(exact.group_sizes, single.group_sizes)  # no repeats possible
    assert not np.array_equal(exact.incidence.indices, single.incidence.indices)
    with pytest.raises(TypeError, match="AffiliationNetwork"):
        sw.bipartite_configuration_model(credits_table())


def test_nsw_rejects_bad_input():
    with pytest.raises(ValueError, match="must be equal"):
        sw.nsw_benchmark([1, 2], [2, 2])
    with pytest.raises(ValueError, match="below 1"):
        sw.nsw_benchmark([0, 2], [1, 1])
    with pytest.raises(ValueError, match="whole numbers"):
        sw.nsw_benchmark([1.5, 1.5], [3])
    with pytest.raises(ValueError, match="non-empty"):
        sw.nsw_benchmark([], [])
    with pytest.raises(TypeError, match="integer counts"):
        sw.nsw_benchmark(["a"], [1])
    with pytest.raises(ValueError, match="no ties"):
        sw.nsw_benchmark([1, 1, 1], [1, 1, 1])
    with pytest.raises(ValueError, match="below 1, which no network can have"):
        sw.nsw_benchmark([8] * 10, [9] * 8 + [8])


# ---------------------------------------------------------------------------
# Q
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_q_of_a_random_bipartite_network_is_one(seed):
    network = sw.affiliation_network(random_affiliations(1500, 500, 3, 7, seed))
    result = sw.small_world_q(network, seed=seed)
    assert result.q == pytest.approx(1.0, abs=0.04)
    assert result.clustering_ratio == pytest.approx(1.0, abs=0.04)
    assert result.path_length_ratio == pytest.approx(1.0, abs=0.04)


def test_q_of_a_clustered_network_is_above_one_and_depends_on_the_choices():
    network = sw.affiliation_network(community_affiliations(3000, seed=1))
    transitivity = sw.small_world_q(network, seed=1)
    mean_local = sw.small_world_q(network, clustering="mean_local", seed=1)
    analytic = sw.small_world_q(network, benchmark="analytic", seed=1)
    assert transitivity.q > 1.1
    assert mean_local.q < transitivity.q  # single-team people dilute local clustering
    assert analytic.q < transitivity.q  # the analytic path length runs low
    assert analytic.draws == 0 and analytic.clustering_random_std_error == 0.0
    assert transitivity.draws == 10 and transitivity.path_length_exact
    assert transitivity.clustering == pytest.approx(sw.clustering_coefficient(network), rel=1e-12)


def test_q_fields_are_consistent_and_seeded():
    network = sw.affiliation_network(community_affiliations(800, seed=2))
    result = sw.small_world_q(network, seed=5)
    assert result.clustering_ratio == pytest.approx(result.clustering / result.clustering_random)
    assert result.path_length_ratio == pytest.approx(result.path_length / result.path_length_random)
    assert result.q == pytest.approx(result.clustering_ratio / result.path_length_ratio)
    assert result.q_std_error > 0
    assert result.n_ties == sw.project_affiliations(network).nnz // 2
    assert result.n_people == network.n_people and result.n_groups == network.n_groups
    assert sw.small_world_q(network, seed=5) == result
    assert sw.small_world_q(network, seed=6).q != result.q
    assert set(result.to_dict()) >= {"q", "clustering_ratio", "path_length_ratio", "giant_share"}


def test_q_with_sampled_path_lengths():
    network = sw.affiliation_network(community_affiliations(2000, seed=3))
    exact = sw.small_world_q(network, seed=1)
    sampled = sw.small_world_q(network, sources=150, draws=4, seed=1)
    assert not sampled.path_length_exact and sampled.path_length_std_error > 0
    assert sampled.q == pytest.approx(exact.q, abs=4 * sampled.q_std_error + 0.01)


def test_q_of_the_southern_women_matches_networkx_on_the_observed_side():
    women = sw.affiliation_network(
        clusternet.data.load("classics_southern_women_edges"), person="target", group="source"
    )
    projection = women.projected_graph()
    result = sw.small_world_q(women, seed=1)
    assert (result.n_people, result.n_groups, result.n_ties) == (18, 14, 139)
    assert result.clustering == pytest.approx(nx.transitivity(projection), rel=1e-12)
    assert result.path_length == pytest.approx(
        nx.average_shortest_path_length(projection), rel=1e-12
    )
    assert result.q > 1
    with pytest.raises(ValueError, match="below 1"):
        sw.small_world_q(women, benchmark="analytic")


def test_q_rejects_bad_input():
    network = sw.affiliation_network(community_affiliations(300, seed=1))
    with pytest.raises(TypeError, match="AffiliationNetwork"):
        sw.small_world_q(nx.karate_club_graph())
    with pytest.raises(ValueError, match="clustering must be one of"):
        sw.small_world_q(network, clustering="local")
    with pytest.raises(ValueError, match="benchmark must be one of"):
        sw.small_world_q(network, benchmark="rewired")
    with pytest.raises(ValueError, match="predicts global transitivity only"):
        sw.small_world_q(network, clustering="mean_local", benchmark="analytic")
    with pytest.raises(ValueError, match="draws must be >= 2"):
        sw.small_world_q(network, draws=1)
    with pytest.raises(ValueError, match="min_giant_share"):
        sw.small_world_q(network, min_giant_share=1.5)
    solo = sw.affiliation_network(pd.DataFrame({"person": list("abc"), "group": list("xyz")}))
    with pytest.raises(ValueError, match="no ties"):
        sw.small_world_q(solo)
    pairs = sw.affiliation_network(
        pd.DataFrame({"person": list("abcdef"), "group": list("xxyyzz")})
    )
    with pytest.raises(ValueError, match="no two ties share a node|no connected triples"):
        sw.small_world_q(pairs)
    islands = pd.DataFrame({"person": np.arange(60), "group": np.repeat(np.arange(20), 3)})
    islands.loc[len(islands)] = [0, 1]  # join two trios: giant of 5 out of 60 people
    with pytest.raises(ValueError, match="giant component.*below min_giant_share"):
        sw.small_world_q(sw.affiliation_network(islands))
    with pytest.raises(ValueError, match="at least 3 connected nodes"):
        sw.small_world_q(pairs, clustering="mean_local", min_giant_share=0.0)


# ---------------------------------------------------------------------------
# yearly Q
# ---------------------------------------------------------------------------


def yearly_table():
    frames = []
    for year in range(2000, 2006):
        table = community_affiliations(300, seed=year)
        frames.append(table.assign(group=table["group"].astype(str) + f"-{year}", year=year))
    return pd.concat(frames, ignore_index=True)


def test_yearly_q_windows_and_seeds():
    table = yearly_table()
    yearly = sw.small_world_q_by_year(table, window=3, seed=0)
    assert yearly["year"].tolist() == [2002, 2003, 2004, 2005]
    window = table[table["year"].between(2001, 2003)]
    people = sw.affiliation_network(window).n_people
    assert yearly.loc[yearly["year"] == 2003, "n_people"].item() == people
    alone = sw.small_world_q_by_year(table, window=3, years=[2004], seed=0)
    assert alone["q"].item() == yearly.loc[yearly["year"] == 2004, "q"].item()  # seed per year
    single = sw.small_world_q_by_year(table, window=1, years=[2000], benchmark="analytic")
    direct = sw.small_world_q(
        sw.affiliation_network(table[table["year"] == 2000]), benchmark="analytic"
    )
    assert single["q"].item() == pytest.approx(direct.q, rel=1e-12)
    # without a seed every call draws a fresh base seed: the simulated Q differs a little
    unseeded = [sw.small_world_q_by_year(table, window=3, years=[2004])["q"].item() for _ in "ab"]
    assert unseeded[0] != unseeded[1]
    assert unseeded[0] == pytest.approx(alone["q"].item(), abs=0.1)


def test_yearly_q_rejects_bad_input():
    table = yearly_table()
    with pytest.raises(ValueError, match="window of 7 years is longer than the data"):
        sw.small_world_q_by_year(table, window=7)
    with pytest.raises(ValueError, match="no complete 3-year window"):
        sw.small_world_q_by_year(table, window=3, years=[2001])
    with pytest.raises(ValueError, match="window must be >= 1"):
        sw.small_world_q_by_year(table, window=0)
    with pytest.raises(ValueError, match="missing required column.*'year'"):
        sw.small_world_q_by_year(table.drop(columns="year"))
    bad = table.copy()
    bad.loc[0, "year"] = 2003
    with pytest.raises(ValueError, match="more than one year"):
        sw.small_world_q_by_year(bad, window=2)
    with pytest.raises(TypeError, match="unknown option"):
        sw.small_world_q_by_year(table, window=2, sample=10)
    with pytest.raises(TypeError, match="seed must be an integer"):
        sw.small_world_q_by_year(table, window=2, seed=np.random.default_rng(1))
    with pytest.raises(ValueError, match="whole years"):
        sw.small_world_q_by_year(table.assign(year=table["year"] + 0.5), window=2)
    sparse = pd.DataFrame(
        {"person": list("abcdef"), "group": list("xxyyzz"), "year": [1, 1, 2, 2, 3, 3]}
    )
    with pytest.raises(ValueError, match=r"year 2 \(window 1-2\): .*no connected triples"):
        sw.small_world_q_by_year(sparse, window=2)


# ---------------------------------------------------------------------------
# sigma
# ---------------------------------------------------------------------------


def test_sigma_is_one_for_a_random_graph_and_large_for_cliques():
    random_graph = nx.gnm_random_graph(400, 2400, seed=3)
    assert sw.small_world_sigma(random_graph, draws=4, seed=1).q == pytest.approx(1.0, abs=0.1)
    caveman = sw.small_world_sigma(nx.connected_caveman_graph(10, 6), draws=4, seed=1)
    assert caveman.q > 3 and caveman.benchmark == "rewired" and caveman.n_groups == 0


def test_sigma_overstates_a_team_network_that_q_calls_random():
    network = sw.affiliation_network(random_affiliations(800, 250, 3, 7, seed=8))
    q = sw.small_world_q(network, seed=1)
    sigma = sw.small_world_sigma(network, draws=4, seed=1)
    assert q.q == pytest.approx(1.0, abs=0.05)
    assert sigma.q > 3 * q.q
    assert sigma.clustering == pytest.approx(q.clustering)


def test_sigma_agrees_with_networkx():
    # the southern women: so dense that rewiring barely changes clustering or path length
    women = sw.affiliation_network(
        clusternet.data.load("classics_southern_women_edges"), person="target", group="source"
    )
    theirs = nx.sigma(women.projected_graph(), niter=2, nrand=2, seed=2)
    ours = sw.small_world_sigma(women, draws=3, seed=2).q
    assert ours == pytest.approx(theirs, rel=0.01) and ours == pytest.approx(1.0, abs=0.01)
    # cliques joined in a ring: both call it a small world (the values are noisy on 25 nodes)
    graph = nx.connected_caveman_graph(5, 5)
    assert sw.small_world_sigma(graph, draws=10, seed=2).q > 3
    assert nx.sigma(graph, niter=5, nrand=5, seed=2) > 3


def test_sigma_is_seeded_and_leaves_igraph_unseeded():
    graph = nx.connected_caveman_graph(6, 5)
    assert sw.small_world_sigma(graph, draws=3, seed=4) == sw.small_world_sigma(
        graph, draws=3, seed=4
    )
    random.seed(123)
    expected = random.random()
    random.seed(123)
    sw.small_world_sigma(graph, draws=2, seed=4)
    assert random.random() == expected  # igraph was given its own generator, not the global one
    assert igraph.Graph.Erdos_Renyi(10, 0.5).vcount() == 10  # igraph's default generator works


def test_sigma_rejects_bad_input():
    with pytest.raises(ValueError, match="no edges"):
        sw.small_world_sigma(nx.empty_graph(4))
    with pytest.raises(ValueError, match="draws must be >= 2"):
        sw.small_world_sigma(nx.karate_club_graph(), draws=1)
    with pytest.raises(TypeError, match="swaps_per_edge"):
        sw.small_world_sigma(nx.karate_club_graph(), swaps_per_edge=0.5)
    with pytest.raises(TypeError, match="scipy sparse matrix"):
        sw.small_world_sigma([[0, 1], [1, 0]])


# ---------------------------------------------------------------------------
# team assembly
# ---------------------------------------------------------------------------


def test_team_assembly_extremes():
    newcomers = sw.team_assembly_model([3, 4, 5], p=0.0, q=0.0, seed=1)
    assert newcomers["person"].nunique() == 12 and not newcomers["incumbent"].any()
    closed = sw.team_assembly_model([3, 3, 3, 3], p=1.0, q=0.0, seed=1)
    assert closed["person"].nunique() == 3  # after the founding team nobody new joins
    assert closed.loc[closed["team"] > 0, "incumbent"].all()
    retire = sw.team_assembly_model([3, 3, 3], p=1.0, q=1.0, times=[0, 5, 10], tau=2, seed=1)
    assert retire["person"].nunique() == 9  # everyone retires before the next team


def test_team_assembly_rates():
    sizes = np.full(3000, 5)
    teams = sw.team_assembly_model(sizes, p=0.4, q=0.7, seed=2)
    later = teams[teams["team"] >= 50]
    assert later["incumbent"].mean() == pytest.approx(0.4, abs=0.02)
    assert not teams.duplicated(["team", "person"]).any()
    assert (teams.groupby("team").size() == 5).all()
    incumbents = later[later["incumbent"]]
    # with q = 0.7 most incumbents after the first of a team are repeat collaborators
    after_first = incumbents[incumbents.groupby("team").cumcount() > 0]
    assert after_first["repeat"].mean() == pytest.approx(0.7, abs=0.08)
    no_repeat = sw.team_assembly_model(sizes[:500], p=0.4, q=0.0, seed=2)
    assert not no_repeat["repeat"].any()
    drift = sw.team_assembly_model(sizes[:400], p=np.linspace(0, 1, 400), q=0.5, seed=3)
    share = drift.groupby(drift["team"] // 200)["incumbent"].mean()
    assert share.iloc[0] < share.iloc[1]


def test_team_assembly_rejects_bad_input():
    with pytest.raises(ValueError, match="non-empty"):
        sw.team_assembly_model([], 0.5, 0.5)
    with pytest.raises(ValueError, match="at least 1"):
        sw.team_assembly_model([3, 0], 0.5, 0.5)
    with pytest.raises(TypeError, match="integers"):
        sw.team_assembly_model(["a"], 0.5, 0.5)
    with pytest.raises(ValueError, match="p must be <= 1"):
        sw.team_assembly_model([3], 1.5, 0.5)
    with pytest.raises(ValueError, match="q has 2 values but there are 3 teams"):
        sw.team_assembly_model([3, 3, 3], 0.5, [0.1, 0.2])
    with pytest.raises(ValueError, match="non-decreasing"):
        sw.team_assembly_model([3, 3], 0.5, 0.5, times=[2, 1])
    with pytest.raises(ValueError, match="tau must be >= 0"):
        sw.team_assembly_model([3, 3], 0.5, 0.5, tau=-1)
    with pytest.raises(TypeError, match="seed"):
        sw.team_assembly_model([3], 0.5, 0.5, seed="x")


# ---------------------------------------------------------------------------
# team familiarity
# ---------------------------------------------------------------------------


def test_team_repeat_share_by_hand():
    table = credits_table().assign(year=[1950, 1950, 1951, 1951, 1952, 1952, 1952, 1952])
    result = sw.team_repeat_share(table).set_index("group")
    assert result.loc["s1", "repeat_pairs"] == 0 and result.loc["s1", "veteran_share"] == 0
    assert result.loc["s2", "repeat_pairs"] == 0 and result.loc["s2", "veteran_share"] == 0.5
    # s3: ann, bob, dee; ann-bob worked together in s1; dee is new
    assert result.loc["s3", "repeat_pairs"] == 1 and result.loc["s3", "pairs"] == 3
    assert result.loc["s3", "repeat_share"] == pytest.approx(1 / 3)
    assert result.loc["s3", "veteran_share"] == pytest.approx(2 / 3)


@FAST
@given(seed=st.integers(0, 10_000))
def test_team_repeat_share_equals_a_direct_count(seed):
    rng = np.random.default_rng(seed)
    table = random_affiliations(25, 20, 1, 5, seed).assign(year=lambda t: t["group"] // 4)
    result = sw.team_repeat_share(table).set_index("group")
    members = table.groupby("group")["person"].apply(set)
    years = table.groupby("group")["year"].first()
    for group in rng.choice(members.index, size=5, replace=False):
        earlier = [members[g] for g in members.index if years[g] < years[group]]
        pairs = list(itertools.combinations(sorted(members[group]), 2))
        repeats = sum(any({a, b} <= m for m in earlier) for a, b in pairs)
        veterans = sum(any(a in m for m in earlier) for a in members[group])
        assert result.loc[group, "repeat_pairs"] == repeats
        assert result.loc[group, "veteran_share"] == pytest.approx(veterans / len(members[group]))


def test_team_repeat_share_rejects_bad_input():
    with pytest.raises(ValueError, match="missing required column"):
        sw.team_repeat_share(credits_table())
    table = credits_table().assign(year=1950)
    table.loc[0, "year"] = 1951
    with pytest.raises(ValueError, match="more than one year"):
        sw.team_repeat_share(table)
    with pytest.raises(TypeError, match="non-numeric"):
        sw.team_repeat_share(credits_table().assign(year="1950"))


# ---------------------------------------------------------------------------
# inverted U
# ---------------------------------------------------------------------------


def test_inverted_u_ols_recovers_a_known_parabola():
    rng = np.random.default_rng(0)
    data = pd.DataFrame({"q": rng.uniform(1, 3, 800), "size": rng.integers(3, 9, 800)})
    data["score"] = 4 * data["q"] - data["q"] ** 2 + 0.3 * data["size"] + rng.normal(0, 0.3, 800)
    fit = sw.fit_inverted_u(data, "score", controls=["size"])
    tp = fit.turning_point
    assert isinstance(tp, sw.TurningPoint)
    assert tp.shape == "inverted U" and tp.fieller_bounded
    assert abs(tp.estimate - 2.0) < 4 * tp.std_error and tp.std_error < 0.02
    assert tp.fieller_ci_lower < tp.estimate < tp.fieller_ci_upper
    assert tp.ci_upper - tp.ci_lower == pytest.approx(2 * 1.959964 * tp.std_error)
    assert set(tp.to_dict()) >= {"estimate", "std_error", "ci_lower", "ci_upper"}
    narrow = sw.fit_inverted_u(data, "score", controls=["size"], alpha=0.5).turning_point
    assert tp.ci_lower < narrow.ci_lower < narrow.ci_upper < tp.ci_upper
    assert fit.is_inverted_u
    assert fit.slopes["slope"].iloc[0] == pytest.approx(4 - 2 * fit.q_range[0], abs=0.2)
    prediction = fit.predict([1.5, 2.0, 2.5])
    assert prediction["predicted"].iloc[1] > prediction["predicted"].iloc[0]
    assert (prediction["ci_lower"] < prediction["predicted"]).all()
    assert fit.formula == "score ~ q + q_squared + size"
    assert fit.coefficients["term"].tolist() == ["Intercept", "q", "q_squared", "size"]


def test_inverted_u_logit_and_a_monotone_curve():
    rng = np.random.default_rng(1)
    data = pd.DataFrame({"q": rng.uniform(0.5, 1.5, 3000), "year": rng.integers(0, 60, 3000)})
    eta = -1 - 8 * (data["q"] - 1.0) ** 2
    data["hit"] = (rng.random(3000) < 1 / (1 + np.exp(-eta))).astype(int)
    fit = sw.fit_inverted_u(data, "hit", model="logit", cluster="year")
    assert fit.turning_point.ci_lower < 1.0 < fit.turning_point.ci_upper
    assert fit.predict([1.0])["predicted"].item() == pytest.approx(1 / (1 + np.exp(1)), abs=0.04)
    data["rising"] = data["q"] + rng.normal(0, 1, 3000)  # straight line: no U
    line = sw.fit_inverted_u(data, "rising")
    assert not line.is_inverted_u
    assert not line.turning_point.fieller_bounded
    assert line.turning_point.fieller_ci_lower == -np.inf
    assert line.turning_point.fieller_ci_upper == np.inf


def test_inverted_u_rejects_bad_input():
    data = pd.DataFrame(
        {"q": [1.0, 2.0, 3.0, 4.0], "y": [1.0, 3.0, 3.0, 1.0], "flag": [0, 1, 1, 2]}
    )
    with pytest.raises(TypeError, match="DataFrame"):
        sw.fit_inverted_u(data.to_numpy(), "y")
    with pytest.raises(ValueError, match="missing required column.*'reviews'"):
        sw.fit_inverted_u(data, "reviews")
    with pytest.raises(ValueError, match="model must be one of"):
        sw.fit_inverted_u(data, "y", model="probit")
    with pytest.raises(ValueError, match="constant"):
        sw.fit_inverted_u(data.assign(q=1.0), "y")
    with pytest.raises(ValueError, match="missing values"):
        sw.fit_inverted_u(data.assign(y=[1.0, np.nan, 2.0, 1.0]), "y")
    with pytest.raises(ValueError, match="coded 0/1"):
        sw.fit_inverted_u(data, "flag", model="logit")
    with pytest.raises(TypeError, match="non-numeric"):
        sw.fit_inverted_u(data.assign(q=list("abcd")), "y")
    with pytest.raises(ValueError, match="already has a column 'q_squared'"):
        sw.fit_inverted_u(data.assign(q_squared=0.0), "y")
    fit = sw.fit_inverted_u(pd.concat([data] * 3, ignore_index=True), "y")
    with pytest.raises(ValueError, match="q_values"):
        fit.predict([])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(2, 80),
    st.floats(0.0, 0.2),
    st.integers(0, 10_000),
    st.sampled_from([(0.0, 0.5), (1.0, 0.5), (0.05, 0.0), (0.05, 1.0)]),
)
def test_direction_optimised_bfs_equals_networkx_distances(n, p, seed, shares):
    """Top-down, bottom-up and restricted bottom-up levels all give the exact distance sums."""
    graph = nx.gnp_random_graph(n, p, seed=seed)
    adjacency = sp.csr_array(nx.to_scipy_sparse_array(graph, nodelist=range(n), format="csr"))
    sources = np.random.default_rng(seed).choice(n, size=min(n, 40), replace=False)
    push, restrict = shares
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_common, "PUSH_SHARE", push)
        patch.setattr(_common, "RESTRICT_SHARE", restrict)
        total, reached = _common._direction_optimised_distance_sums(adjacency, sources)
        sum_total, sum_reached = _common._direction_optimised_distance_sums(
            adjacency, sources, per_source=False
        )
    for i, source in enumerate(sources):
        lengths = nx.single_source_shortest_path_length(graph, int(source))
        assert total[i] == sum(lengths.values())
        assert reached[i] == len(lengths) - 1
    assert sum_total[0] == total.sum() and sum_reached[0] == reached.sum()
