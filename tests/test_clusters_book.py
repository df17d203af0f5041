"""Tests of the Porter chapter's book module, its real-data inputs and its figures."""

from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from clusternet import clusters as cl
from clusternet import data
from clusternet.book import porter_clusters as analysis
from clusternet.plotting import clusters as figures

from .conftest import check_key_results


@pytest.fixture(scope="module")
def us():
    """The chapter's real inputs: County Business Patterns and the cluster mapping."""
    cbp = analysis.county_business_patterns()
    return cbp, analysis.cluster_mapping(cbp)


def test_real_crosswalk_puts_the_textbook_industries_in_their_clusters(us):
    cbp, clusters = us
    mapping, name = clusters.mapping, clusters.names
    assert name[mapping["3361"]] == "Automotive" and name[mapping["3363"]] == "Automotive"
    assert name[mapping["3364"]] == "Aerospace Vehicles and Defense"
    assert name[mapping["3254"]] == "Biopharmaceuticals"
    assert set(cbp.employment[2021].columns) <= set(mapping.index)
    assert len(clusters.measured_traded) == 40
    assert clusters.published["porter_traded_clusters_defined"].value == 41


def test_steps_publish_the_chapter_numbers_with_their_wording(us):
    cbp, clusters = us
    lqs = analysis.traded_location_quotients(cbp, clusters)
    strong = analysis.strong_clusters(cbp, clusters, lqs)
    # a frozen result: the chapter cannot change what it publishes by accident
    with pytest.raises(dataclasses.FrozenInstanceError):
        lqs.traded_lq = None
    assert lqs.published["porter_michigan_automotive_lq"].value == pytest.approx(5.70104, rel=1e-5)
    assert lqs.published["porter_michigan_automotive_lq"].headline
    assert not lqs.published["porter_washington_fishing_lq"].headline
    assert list(lqs.top.columns) == ["MI", "WA"] and len(lqs.top) == analysis.SETTINGS.top_clusters
    assert strong.published["porter_default_lq_threshold"].value == cl.strength.STRONG_LQ_THRESHOLD
    assert strong.published["porter_three_star_pairs"].value == 69
    assert set(strong.strongest.index.get_level_values("region")) == set(
        analysis.SETTINGS.table_states
    )
    indices = analysis.concentration_indices(cbp, clusters)
    assert set(indices.published) == {"porter_gini_most_localised", "porter_gini_least_localised"}
    assert len(indices.most_and_least_localised) == sum(analysis.SETTINGS.ranked_clusters)
    assert (indices.by_state["Krugman index"] >= 0).all()


def test_every_worded_number_is_published_once_and_intervals_are_named_ci():
    from clusternet.book._porter_wording import WORDING

    names = [line.split("|")[0].strip() for line in WORDING.splitlines()]
    assert len(names) == len(set(names))
    assert not [
        n
        for n in names
        if n.endswith(("_low", "_high", "_lower", "_upper"))
        and not n.endswith(("_ci_lower", "_ci_upper"))
    ]
    assert set(analysis.KEY_RESULTS) <= set(names)


def test_every_step_labels_its_numbers_with_a_provenance(us):
    from clusternet.book._porter_wording import publish

    cbp, clusters = us
    assert {n.provenance.kind for n in clusters.published.values()} == {"real data"}
    defined = clusters.published["porter_traded_clusters_defined"].provenance
    assert defined.source == ("porter_clusters_naics2007",)
    sample = analysis.sample_growth_regression().published
    kinds = {name: number.provenance.kind for name, number in sample.items()}
    assert kinds.pop("porter_published_cluster_effect") == "quoted and verified"
    assert kinds.pop("porter_confidence_level") == "analysis setting"
    assert set(kinds.values()) == {"sample data"}
    strong = analysis.strong_clusters(
        cbp, clusters, analysis.traded_location_quotients(cbp, clusters)
    ).published
    assert strong["porter_default_lq_threshold"].provenance.kind == "analysis setting"
    assert strong["porter_three_star_pairs"].provenance.vintage == "2021"
    with pytest.raises(KeyError, match="no provenance"):
        publish({"porter_sample_years": 10}, alpha=0.05, provenance={})
    with pytest.raises(TypeError):
        publish({"porter_sample_years": 10}, alpha=0.05, provenance="clusternet")


def test_settings_are_frozen_and_years_consistent():
    with pytest.raises(dataclasses.FrozenInstanceError):
        analysis.SETTINGS.end_year = 2022
    assert analysis.SETTINGS.start_year < analysis.SETTINGS.end_year
    assert dataclasses.replace(analysis.SETTINGS, alpha=0.1).alpha == 0.1


@pytest.fixture(scope="module")
def states_adjacency():
    pairs = data.load("us_state_adjacency")
    states = data.load("us_states")
    fifty = states.loc[states["abbreviation"] != "DC", "abbreviation"]
    return pairs, cl.adjacency_from_pairs(pairs, "state_a", "state_b", regions=fifty)


def test_state_adjacency_is_a_clean_symmetric_list(states_adjacency):
    pairs, adj = states_adjacency
    assert (pairs["state_a"] < pairs["state_b"]).all(), "each pair once, in alphabetical order"
    assert not pairs.duplicated(["state_a", "state_b"]).any()
    assert adj.shape == (50, 50) and (adj.to_numpy() == adj.to_numpy().T).all()
    assert int(adj.to_numpy().sum()) // 2 == len(pairs) == 105
    states = data.load("us_states").set_index("abbreviation")["fips"]
    assert (pairs["fips_a"] == pairs["state_a"].map(states)).all()
    assert (pairs["fips_b"] == pairs["state_b"].map(states)).all()


@pytest.mark.parametrize(
    ("a", "b", "neighbours"),
    [
        ("WA", "OR", True),
        ("WA", "ID", True),
        ("MI", "OH", True),
        ("MI", "IN", True),
        ("MI", "WI", True),  # land boundary on the Upper Peninsula
        ("KY", "OH", True),  # river boundary (Ohio River)
        ("DE", "NJ", True),  # Delaware River and Bay
        ("CA", "NV", True),
        ("AZ", "CO", False),  # Four Corners: a point contact only
        ("NM", "UT", False),  # Four Corners
        ("MI", "IL", False),  # across Lake Michigan only
        ("MI", "MN", False),  # across Lake Superior only
        ("NY", "RI", False),  # across Block Island Sound only
        ("WA", "CA", False),
    ],
)
def test_known_state_pairs(states_adjacency, a, b, neighbours):
    _, adj = states_adjacency
    assert bool(adj.loc[a, b]) is neighbours


def test_state_degrees(states_adjacency):
    _, adj = states_adjacency
    degree = adj.sum(axis=1)
    assert degree["HI"] == 0 and degree["AK"] == 0
    assert degree["MO"] == 8 and degree["TN"] == 8 and degree["ME"] == 1
    assert degree.drop(["HI", "AK"]).min() >= 1


def four_regions():
    return pd.DataFrame({"a": [10, 30, 20, 40], "b": [90, 70, 80, 60]}, index=list("pqrs"))


def test_figures_draw_what_they_are_given_and_reject_bad_input():
    assert figures.plot_porter_diamond().axison is False
    lq = cl.location_quotient(four_regions())
    ax = figures.plot_specialisation_heatmap(lq)
    image = ax.images[0].get_array()
    assert image.shape == lq.shape
    # log2 scale: LQ 1 is 0, LQ 2 is 1 (clipped at log2(8) = 3)
    np.testing.assert_allclose(image, np.clip(np.log2(lq.to_numpy()), -3, 3))
    axes = figures.plot_top_clusters(lq, ["p", "q"], top=1, highlight={"q": "a"})
    assert [a.get_title(loc="left") for a in axes] == ["p", "q"]
    assert [len(a.patches) for a in axes] == [1, 1]
    assert axes[0].patches[0].get_width() == pytest.approx(lq.loc["p"].max())
    assert axes[1].patches[0].get_facecolor() != axes[0].patches[0].get_facecolor()
    effects = pd.DataFrame(
        {
            "label": ["own", "cluster"],
            "effect": [-0.02, 0.01],
            "ci_lower": [-0.03, 0.0],
            "ci_upper": [-0.01, 0.02],
            "data": "Sample",
        }
    )
    truth = effects[["label", "effect", "data"]]
    ax = figures.plot_growth_effects(effects, truth=truth)
    crosses = ax.collections[-1].get_offsets()
    np.testing.assert_allclose(sorted(crosses[:, 0]), [-2.0, 1.0])
    with pytest.raises(ValueError, match="non-negative"):
        figures.plot_specialisation_heatmap(lq - 5)
    with pytest.raises(ValueError, match="max_ratio"):
        figures.plot_specialisation_heatmap(lq, max_ratio=1)
    with pytest.raises(ValueError, match="regions not in lq"):
        figures.plot_top_clusters(lq, ["zz"])
    with pytest.raises(ValueError, match="missing required column"):
        figures.plot_growth_effects(pd.DataFrame({"label": ["x"]}))
    plt.close("all")


@pytest.mark.slow
def test_key_results_match_the_expected_file():
    results = check_key_results(analysis, "porter-clusters")
    # published facts the data should reproduce
    assert results["porter_michigan_automotive_lq"] > 5
    assert 0.30 < results["porter_traded_share_2021"] < 0.40  # "about one-third" (Porter 2003)
    assert results["porter_real_convergence_effect"] < 0 < results["porter_real_cluster_effect"]
