"""Tests of the consortia measures (flow, concentration, coordination arcs) and the EU step."""

from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clusternet
from clusternet.book import hierarchy_heterarchy as analysis
from clusternet.plotting import hierarchy as figures

# ---------------------------------------------------------------------------
# network_hierarchy: hand-worked cases and agreement with the dense measures
# ---------------------------------------------------------------------------


def _edges(pairs):
    return pd.DataFrame(pairs, columns=["source", "target"])


def test_network_hierarchy_of_a_tree_and_a_loop_worked_by_hand():
    tree = clusternet.network_hierarchy(_edges([(0, 1), (0, 2), (1, 3)]))
    assert tree["flow_hierarchy"] == 1.0 and tree["krackhardt_hierarchy"] == 1.0
    assert tree["reciprocity"] == 0.0 and tree["connectedness"] == 1.0
    assert tree["nodes"] == 4 and tree["arcs"] == 3 and tree["source_share"] == 0.5
    # 0 -> 1 -> 2 -> 0 and 2 -> 3: 3 of 4 arcs in the cycle; pairs linked: the 3 pairs
    # of the cycle (mutual) and 0-3, 1-3, 2-3 (one way): hierarchy 1 - 3/6
    loop = clusternet.network_hierarchy(_edges([(0, 1), (1, 2), (2, 0), (2, 3)]))
    assert loop["flow_hierarchy"] == pytest.approx(0.25)
    assert loop["krackhardt_hierarchy"] == pytest.approx(0.5)
    assert loop["largest_strong_share"] == pytest.approx(0.75)


def test_network_hierarchy_ignores_repeats_and_self_loops_and_can_skip_krackhardt():
    result = clusternet.network_hierarchy(_edges([(0, 1), (0, 1), (1, 1), (1, 0), (1, 2)]))
    assert result["arcs"] == 3 and result["reciprocity"] == pytest.approx(2 / 3)
    quick = clusternet.network_hierarchy(_edges([(0, 1), (1, 2)]), krackhardt=False)
    assert np.isnan(quick["krackhardt_hierarchy"]) and quick["flow_hierarchy"] == 1.0


def test_network_hierarchy_rejects_bad_input():
    with pytest.raises(TypeError, match="edges"):
        clusternet.network_hierarchy([(0, 1)])
    with pytest.raises(ValueError, match="target"):
        clusternet.network_hierarchy(pd.DataFrame({"source": [0]}))
    with pytest.raises(ValueError, match="no arc between two distinct nodes"):
        clusternet.network_hierarchy(_edges([(0, 0), (1, 1)]))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 9)).filter(lambda arc: arc[0] != arc[1]),
        min_size=1,
        max_size=40,
    )
)
def test_network_hierarchy_agrees_with_the_dense_measures(pairs):
    edges = _edges(pairs)
    graph = nx.DiGraph(pairs)
    result = clusternet.network_hierarchy(edges)
    assert result["flow_hierarchy"] == pytest.approx(nx.flow_hierarchy(graph))
    assert result["krackhardt_hierarchy"] == pytest.approx(clusternet.krackhardt_hierarchy(graph))
    assert result["connectedness"] == pytest.approx(clusternet.krackhardt_connectedness(graph))
    assert result["reciprocity"] == pytest.approx(nx.overall_reciprocity(graph))


# ---------------------------------------------------------------------------
# coordination arcs of a hand-made four-organisation programme
# ---------------------------------------------------------------------------

#: project 1: A leads B and C; project 2: C leads A and D
_FOUR = pd.DataFrame(
    {
        "project": [1, 1, 1, 2, 2, 2],
        "org": ["A", "B", "C", "C", "A", "D"],
        "lead": [True, False, False, True, False, False],
    }
)


def test_coordination_arcs_of_four_organisations_worked_by_hand():
    arcs = clusternet.coordination_arcs(
        _FOUR, project="project", organisation="org", coordinator="lead"
    )
    assert list(arcs.itertuples(index=False, name=None)) == [
        ("A", "B", 1),
        ("A", "C", 1),
        ("C", "A", 1),
        ("C", "D", 1),
    ]
    result = clusternet.network_hierarchy(arcs)
    # A <-> C is the only cycle: 2 of 4 arcs on it, 2 of 4 arcs reciprocated; linked
    # pairs AB, AC, AD, CB, CD (B-D unlinked), one of them (A-C) mutual
    assert result["flow_hierarchy"] == 0.5 and result["reciprocity"] == 0.5
    assert result["krackhardt_hierarchy"] == pytest.approx(0.8)


def test_coordination_arcs_count_repeated_leadership_and_several_coordinators():
    table = pd.DataFrame(
        {
            "project": [1, 1, 2, 2, 3, 3, 3],
            "org": ["A", "B", "A", "B", "A", "C", "D"],
            "lead": [True, False, True, False, True, True, False],
        }
    )
    arcs = clusternet.coordination_arcs(
        table, project="project", organisation="org", coordinator="lead"
    )
    assert arcs.set_index(["source", "target"])["projects"].to_dict() == {
        ("A", "B"): 2,
        ("A", "D"): 1,
        ("C", "D"): 1,
    }


def test_coordination_arcs_reject_bad_tables():
    with pytest.raises(ValueError, match="repeated"):
        clusternet.coordination_arcs(
            pd.concat([_FOUR, _FOUR.iloc[[0]]]),
            project="project",
            organisation="org",
            coordinator="lead",
        )
    with pytest.raises(TypeError, match="boolean"):
        clusternet.coordination_arcs(
            _FOUR.assign(lead=_FOUR["lead"].astype(int)),
            project="project",
            organisation="org",
            coordinator="lead",
        )
    with pytest.raises(ValueError, match="missing values"):
        clusternet.coordination_arcs(
            _FOUR.assign(org=["A", None, "C", "C", "A", "D"]),
            project="project",
            organisation="org",
            coordinator="lead",
        )


def test_random_coordinators_pick_one_member_per_project_uniformly():
    lead = clusternet.random_coordinators(_FOUR, project="project", seed=3)
    assert _FOUR.assign(lead=lead).groupby("project")["lead"].sum().tolist() == [1, 1]
    assert np.array_equal(lead, clusternet.random_coordinators(_FOUR, project="project", seed=3))
    rng = np.random.default_rng(0)
    picks = np.array(
        [clusternet.random_coordinators(_FOUR, project="project", seed=rng) for _ in range(3000)]
    )
    # each member of a three-member project is drawn about a third of the time
    assert np.allclose(picks.mean(axis=0), 1 / 3, atol=0.04)
    unsorted = _FOUR.iloc[[3, 0, 4, 1, 5, 2]]
    drawn = clusternet.random_coordinators(unsorted, project="project", seed=1)
    assert unsorted.assign(lead=drawn).groupby("project")["lead"].sum().tolist() == [1, 1]


# ---------------------------------------------------------------------------
# concentration
# ---------------------------------------------------------------------------


def test_gini_and_top_share_worked_by_hand():
    assert clusternet.gini_coefficient([1, 1, 1, 1]) == 0.0
    assert clusternet.gini_coefficient([0, 0, 0, 4]) == pytest.approx(0.75)
    assert clusternet.gini_coefficient([1, 3]) == pytest.approx(0.25)  # |1-3| / (2 * 2 * 2)
    assert clusternet.top_share([5, 3, 1, 1], 0.25) == 0.5
    assert clusternet.top_share([5, 3, 1, 1], 0.3) == 0.8  # ceil(1.2) = 2 largest
    with pytest.raises(ValueError, match="sums to 0"):
        clusternet.gini_coefficient([0, 0])
    with pytest.raises(ValueError, match="non-negative"):
        clusternet.gini_coefficient([1, -1])
    with pytest.raises(ValueError, match="fraction"):
        clusternet.top_share([1, 2], 0.0)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=2, max_size=60).filter(lambda x: sum(x) > 0))
def test_gini_counting_path_equals_the_sorted_formula(values):
    ordered = np.sort(np.asarray(values, dtype=float))
    n = ordered.size
    ranks = np.arange(1, n + 1)
    expected = ((2 * ranks - n - 1) @ ordered) / (n * ordered.sum())
    assert clusternet.gini_coefficient(values) == pytest.approx(expected)
    # the same amounts as non-integers take the sort path and agree after scaling
    assert clusternet.gini_coefficient(np.asarray(values) * 1.5 + 0.0) == pytest.approx(expected)
    assert 0 <= clusternet.gini_coefficient(values) <= (n - 1) / n + 1e-12


# ---------------------------------------------------------------------------
# the chapter's EU steps (real data)
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def consortia():
    return analysis.eu_consortia()


def test_eu_consortia_are_labelled_real_data_and_count_what_the_source_says(consortia):
    published = consortia.published
    settings_only = {"mulder_eu_top_fraction"}  # a choice of the chapter, not a finding
    unlabelled = [
        name
        for name, number in published.items()
        if name not in settings_only and "real data" not in number.description
    ]
    assert not unlabelled
    assert published["mulder_eu_projects"].value == consortia.participations["rcn"].nunique()
    assert (consortia.participations.groupby("rcn").size() >= 2).all()
    headline = {name for name, number in published.items() if number.headline}
    assert headline == {
        "mulder_eu_coordinator_share",
        "mulder_eu_top_coordination_share",
        "mulder_eu_coordination_gini",
        "mulder_eu_flow_hierarchy",
        "mulder_eu_krackhardt_hierarchy",
        "mulder_eu_reciprocity",
    }


def test_eu_uncertainty_and_reference(consortia):
    small = dataclasses.replace(analysis.SETTINGS, eu_n_boot=4, eu_null_draws=3)
    uncertainty = analysis.eu_uncertainty(consortia, small)
    table = uncertainty.table.set_index("measure")
    assert (table["ci_lower"] <= table["observed"]).all()
    assert (table["observed"] <= table["ci_upper"]).all()
    assert len(uncertainty.boot) == 4 and len(uncertainty.null) == 3
    # random coordinators leave each organisation's participations as they are
    assert table.loc["participation_gini", "random_lower"] == pytest.approx(
        table.loc["participation_gini", "observed"]
    )
    assert np.isnan(table.loc["krackhardt_hierarchy", "random_coordinator"])
    assert "mulder_eu_krackhardt_hierarchy_random" not in uncertainty.published
    assert list(uncertainty.summary.columns) == [
        "Measure",
        "EU consortia",
        "95% interval",
        "Random coordinators (range)",
    ]
    placement = analysis.eu_on_continuum(uncertainty, analysis.sample_ensemble())
    laterality = placement.table.set_index("measure")["estimate"]
    assert 0 < laterality["krackhardt_hierarchy"] < laterality["flow_hierarchy"] < 1
    ax = figures.plot_consortia_on_continuum(
        {"Flow": placement.along["flow_hierarchy"]}, {"Flow": placement.consortia["flow_hierarchy"]}
    )
    assert len(ax.get_lines()) >= 2
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="same labels"):
        figures.plot_consortia_on_continuum({"Flow": placement.along["flow_hierarchy"]}, {})


def test_eu_coordination_by_type(consortia):
    types = analysis.eu_coordination_by_type(consortia)
    assert types.shares["participation_share"].sum() == pytest.approx(1.0)
    assert types.shares["coordinations"].sum() == consortia.participations["coordinator"].sum()
    odds = types.odds.set_index("type")
    assert set(odds.index) == {"HES", "REC", "PUB", "OTH"}
    assert (odds["ci_lower"] <= odds["estimate"]).all() and (
        odds["estimate"] <= odds["ci_upper"]
    ).all()
    assert types.summary.iloc[0, -1] == "1 (reference)"


# ---------------------------------------------------------------------------
# core and periphery; global software collaboration (real data)
# ---------------------------------------------------------------------------


def test_core_periphery_of_a_clique_with_pendants_worked_by_hand():
    # a 4-clique (k = 3) and 3 periphery nodes, each tied to two clique members (k = 2)
    clique = [(a, b) for a in range(4) for b in range(a + 1, 4)]
    pendants = [(4, 0), (4, 1), (5, 1), (5, 2), (6, 2), (6, 3)]
    result = clusternet.core_periphery_densities(_edges(clique + pendants))
    assert result["core_k"] == 3 and result["core_size"] == 4
    assert result["core_share"] == pytest.approx(4 / 7)
    assert result["core_density"] == 1.0
    assert result["between_density"] == pytest.approx(6 / 12)
    assert result["periphery_density"] == 0.0
    # direction and repeats are ignored
    assert clusternet.core_periphery_densities(_edges(clique + [(b, a) for a, b in clique])) == {
        "nodes": 4.0,
        "core_k": 3.0,
        "core_size": 4.0,
        "core_share": 1.0,
        "core_density": 1.0,
        "between_density": pytest.approx(np.nan, nan_ok=True),
        "periphery_density": pytest.approx(np.nan, nan_ok=True),
    }
    with pytest.raises(ValueError, match="no tie"):
        clusternet.core_periphery_densities(_edges([(1, 1)]))


def test_github_network_drops_the_eu_aggregate_and_finds_the_hub():
    collaboration = analysis.github_network()
    quarters = collaboration.quarters
    assert collaboration.hub == "US"
    assert len(quarters) == collaboration.published["mulder_gh_quarters"].value
    assert quarters[["year", "quarter"]].iloc[0].tolist() == [2020, 1]
    assert quarters["flow_hierarchy"].between(0, 1).all()
    assert (quarters["core_density"] >= quarters["between_density"]).all()
    assert (quarters["between_density"] >= quarters["periphery_density"]).all()
    # the same numbers with the EU left in: the aggregate changes the network
    kept = analysis._github.github_network(drop=(), alpha=0.05).quarters
    assert not np.allclose(kept["ties"], quarters["ties"])
    for name, number in collaboration.published.items():
        assert "real data" in number.description, name
        if f"{name}_ci_lower" in collaboration.published:
            low = collaboration.published[f"{name}_ci_lower"].value
            high = collaboration.published[f"{name}_ci_upper"].value
            assert low <= number.value <= high, name
