"""Tests of the hierarchy chapter's book module, its sample data and its figures."""

from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import clusternet
from clusternet.book import hierarchy_heterarchy as analysis
from clusternet.book.published import Published
from clusternet.plotting import hierarchy as figures
from clusternet.samples import hierarchy as generator

from .conftest import check_key_results

# ---------------------------------------------------------------------------
# real organisations
# ---------------------------------------------------------------------------


def test_krackhardt_firm_matches_the_published_counts():
    firm = analysis.classic_organisation("krackhardt")
    assert firm.nodes.shape[0] == 21
    assert firm.relations["advice"].number_of_edges() == 190
    assert firm.relations["friends"].number_of_edges() == 102
    formal = firm.formal
    assert formal.number_of_edges() == 20 and nx.is_arborescence(formal)
    assert [v for v in formal if formal.in_degree(v) == 0] == [7]  # the CEO
    assert sorted(firm.top) == [2, 7, 14, 18, 21]
    assert clusternet.krackhardt_measures(formal) == {
        "connectedness": 1.0,
        "hierarchy": 1.0,
        "efficiency": 1.0,
        "lub": 1.0,
    }


def test_lazega_firm_has_partners_over_associates():
    firm = analysis.classic_organisation("lazega")
    assert firm.nodes.shape[0] == 71 and len(firm.top) == 36
    assert firm.top == list(range(1, 37))  # nodes 1-36 are partners (SOURCE.md)
    assert firm.relations["advice"].number_of_edges() == 892
    assert firm.formal.number_of_edges() == 36 * 35
    with pytest.raises(ValueError, match="firm must be one of"):
        analysis.classic_organisation("enron")
    with pytest.raises(dataclasses.FrozenInstanceError):
        firm.top = []


# ---------------------------------------------------------------------------
# the book module: settings, steps, key results
# ---------------------------------------------------------------------------


def test_settings_are_frozen_and_hold_the_chapter_choices():
    assert analysis.SETTINGS == analysis.Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        analysis.SETTINGS.seed = 1
    assert analysis.SETTINGS.partial_laterality == 0.2
    assert analysis.SETTINGS.tree_budget_organisations == 100


def test_sample_ensemble_reads_its_design_from_the_data():
    ensemble = analysis.sample_ensemble()
    assert ensemble.parameter("branching") == generator.BRANCHING
    assert ensemble.parameter("tiers") == generator.TIERS
    assert ensemble.parameter("ties") == generator.TIES
    assert ensemble.design["attack_fraction"] == generator.ATTACK_FRACTION
    values = {name: number.value for name, number in ensemble.published.items()}
    assert values["mulder_people"] == 85 and values["mulder_ties"] == 168
    assert values["mulder_levels"] == 11 and values["mulder_replicates"] == 12
    assert all(isinstance(n, Published) and not n.headline for n in ensemble.published.values())
    row = ensemble.at("top_tier_path_share", 0.0)
    assert row["ci_lower"] <= row["mean"] <= row["ci_upper"] and row["n"] == 12


def test_steps_publish_pole_means_inside_their_intervals():
    ensemble = analysis.sample_ensemble()
    for step in (
        analysis.hierarchy_measures(ensemble),
        analysis.diffusion_speed(ensemble),
        analysis.ensemble_robustness(ensemble),
    ):
        numbers = step.published
        for name, number in numbers.items():
            if f"{name}_ci_lower" in numbers:
                lower, upper = numbers[f"{name}_ci_lower"].value, numbers[f"{name}_ci_upper"].value
                assert lower <= number.value <= upper, name
    diffusion = analysis.diffusion_speed(ensemble)
    gain = diffusion.published["mulder_push_gain"].value
    hierarchy = diffusion.published["mulder_push_steps_hierarchy"].value
    heterarchy = diffusion.published["mulder_push_steps_heterarchy"].value
    assert gain == pytest.approx(hierarchy - heterarchy)  # OLS on a dummy: difference of means


def test_tree_budget_and_examples_follow_the_settings():
    ensemble = analysis.sample_ensemble()
    small = dataclasses.replace(analysis.SETTINGS, tree_budget_organisations=5)
    budget = analysis.tree_budget(ensemble, small)
    assert len(budget.table) == 5
    assert budget.published["mulder_tree_budget_organisations"].value == 5
    assert budget.published["mulder_tree_ties"].value == 84
    examples = analysis.continuum_examples()
    assert [g.number_of_edges() for g in examples.graphs.values()] == [78, 78, 78]
    ideal = analysis.ideal_types()
    assert ideal.measures["org chart"].tolist() == [1.0, 1.0, 1.0, 1.0]
    assert ideal.measures.loc["hierarchy", "ring"] == 0.0


def test_real_networks_table_and_advice_regressions():
    real = analysis.real_networks()
    assert real.table["network"].tolist()[0] == "Managers: reports-to chart"
    chart = real.table.iloc[0]
    assert chart["laterality"] == 0.0 and chart["hierarchy"] == 1.0
    assert (real.table["ci_lower"] <= real.table["laterality"]).all()
    advice = analysis.advice_regressions(real)
    assert sorted(advice.tables) == ["krackhardt", "lazega"]
    assert advice.published["mulder_boss_advice_lines"].value == 19
    assert advice.published["mulder_reporting_lines"].value == 20


@pytest.mark.slow
def test_key_results_equal_the_expected_numbers():
    results = check_key_results(analysis, "hierarchy-heterarchy")
    assert len(results) == 41
    assert all(name.startswith("mulder_") for name in results)


# ---------------------------------------------------------------------------
# sample data
# ---------------------------------------------------------------------------


def test_continuum_sample_is_valid_sample_data():
    table = clusternet.data.load("sample_hierarchy_continuum")
    assert clusternet.data.get_spec("sample_hierarchy_continuum").kind == "sample"
    assert sorted(table["laterality"].unique()) == pytest.approx([i / 10 for i in range(11)])
    assert (table.groupby("laterality").size() == 12).all()
    assert np.isfinite(table.select_dtypes("number").to_numpy()).all()
    assert (table["push_reached_half"] == 1).all()


def test_design_file_is_what_the_generator_writes():
    design = clusternet.data.load("sample_hierarchy_design")
    pd.testing.assert_frame_equal(
        design.reset_index(drop=True), generator.continuum_design(), check_dtype=False
    )
    assert clusternet.data.get_spec("sample_hierarchy_design").kind == "sample"


# ---------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------


def test_figures_draw_and_reject_bad_tables():
    graph = clusternet.tiered_network(2, 3, 0.5, ties=7, seed=1)
    axes = figures.plot_continuum_examples({"example": graph})
    assert len(axes) == 1 and axes[0].get_title(loc="left") == "example"
    band = pd.DataFrame(
        {
            "laterality": [0.0, 1.0],
            "mean": [1.0, 0.0],
            "ci_lower": [0.9, 0.0],
            "ci_upper": [1.0, 0.1],
        }
    )
    axes = figures.plot_measures_along_continuum({"panel": {"line": band}})
    assert len(axes) == 1 and axes[0].get_ylim() == pytest.approx((-0.03, 1.03))
    assert axes[0].get_legend().get_texts()[0].get_text() == "line"
    left, right = figures.plot_diffusion_along_continuum({"push": band}, band, tier_steps=3)
    assert right.get_ylabel() == "Share of tiers reached in 3 steps"
    assert left.get_legend().get_texts()[0].get_text() == "push"
    curves = pd.concat(
        [
            band.rename(columns={"laterality": "fraction_removed"}).assign(
                organisation=o, strategy=s
            )
            for o in ("a", "b")
            for s in ("random", "degree")
        ]
    )
    axes = figures.plot_robustness_curves(curves, order=["b", "a"])
    assert len(axes) == 2
    assert [t.get_text() for t in axes[0].get_legend().get_texts()] == ["b", "a"]
    real = pd.DataFrame(
        {
            "network": ["x"],
            "laterality": [0.5],
            "ci_lower": [0.4],
            "ci_upper": [0.6],
            "chance_laterality": [0.7],
            "minimum_laterality": [0.1],
        }
    )
    _, ax = plt.subplots()
    assert figures.plot_real_laterality(real, ax=ax) is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x"]
    with pytest.raises(ValueError, match="missing required column"):
        figures.plot_real_laterality(pd.DataFrame({"network": ["a"]}))
    with pytest.raises(ValueError, match="lack the attribute"):
        figures.tiered_layout(nx.path_graph(3))
    with pytest.raises(ValueError, match="non-empty mapping"):
        figures.plot_continuum_examples({})
    plt.close("all")
