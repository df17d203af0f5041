"""Tests of the small-world Q chapter's sample data, book module and figures."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import clusternet
from clusternet import smallworld as sw
from clusternet.book import small_world_q as analysis
from clusternet.catalog.smallworld import ROLES
from clusternet.plotting import smallworld as figures
from clusternet.samples import csv_bytes
from clusternet.samples import smallworld as design

from .conftest import check_key_results

ROOT = Path(__file__).resolve().parents[1]


@cache
def yearly_q():
    """The chapter's yearly Q series (computed once for the tests of this file)."""
    return analysis.yearly_q(clusternet.data.load("broadway_credits"))


def random_affiliations(n_people, n_groups, size_low, size_high, seed):
    """Groups of uniform random size filled with uniformly random people."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(size_low, size_high + 1, size=n_groups)
    group = np.repeat(np.arange(n_groups), sizes)
    person = rng.integers(0, n_people, size=group.size)
    return pd.DataFrame({"person": person, "group": group})


def yearly_table():
    """Six years of 20 random teams each (people 0-59 reappear across years)."""
    frames = []
    for year in range(2000, 2006):
        table = random_affiliations(60, 20, 3, 5, seed=year)
        frames.append(table.assign(group=table["group"].astype(str) + f"-{year}", year=year))
    return pd.concat(frames, ignore_index=True)


# ---------------------------------------------------------------------------
# sample data and the chapter's numbers
# ---------------------------------------------------------------------------


def test_sample_data_reproduce_and_match_their_calibration():
    credits, shows = design.broadway_history()
    truth = design.broadway_true_effects()
    for name, frame in [
        ("credits.csv", credits),
        ("shows.csv", shows),
        ("true_effects.csv", truth),
    ]:
        assert (ROOT / "data" / "sample-broadway" / name).read_bytes() == csv_bytes(frame)
    assert len(shows) == 474 and shows["year"].between(1945, 1989).all()
    study_people = credits.loc[credits["year"] >= 1945, "person"].nunique()
    assert 1700 <= study_people <= 2300  # Uzzi and Spiro: 2,092 artists
    assert set(credits["role"]) == set(ROLES)
    assert shows["hit"].mean() == pytest.approx(0.25, abs=0.04)  # about 75% flops
    sizes = credits.groupby("show")["person"].nunique()
    assert sizes.between(4, 10).all() and sizes.mean() == pytest.approx(7, abs=0.3)
    assert shows["reviews"].between(0, 100).all()
    familiarity = sw.team_repeat_share(credits, group="show").set_index("show")
    np.testing.assert_allclose(
        familiarity.loc[shows["show"], "veteran_share"], shows["veteran_share"]
    )


@pytest.mark.slow
def test_key_results_match_the_expected_file_and_recover_the_truth():
    results = check_key_results(analysis, "small-world-q")
    truth = analysis.inverted_u(
        clusternet.data.load("broadway_shows"), yearly_q().yearly
    ).true_turning_point
    assert truth == 0.95
    for label in ("hit", "reviews"):
        assert (
            results[f"uzzi_turning_point_{label}_ci_lower"]
            < truth
            < results[f"uzzi_turning_point_{label}_ci_upper"]
        )
    assert (
        results["uzzi_q_peak"] > results["uzzi_q_first"] > results["uzzi_q_last"]
    )  # rises, then falls
    assert 0.05 < results["uzzi_analytic_path_gap"] < 0.25  # the analytic path length runs low
    assert results["uzzi_peak_sigma"] > 5 * results["uzzi_q_peak"]
    assert results["uzzi_pooled_q_mean_local"] < results["uzzi_pooled_q_transitivity"]


def test_settings_are_frozen_and_match_the_generator():
    settings = analysis.SETTINGS
    assert settings.window == design.WINDOW  # the chapter measures Q as the generator did
    assert settings.study_start == design.STUDY_START
    assert settings.yearly_seed == design.Q_SEED
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.window = 5  # type: ignore[misc]


def test_women_q_step_is_the_measure_with_the_chapter_settings():
    women = analysis.southern_women()
    step = analysis.women_q(women)
    assert step.result == sw.small_world_q(women, draws=10, seed=1)
    assert step.steps["q"] == step.result.q and step.steps.index[-1] == "q_std_error"
    assert step.published["uzzi_women_q"].value == step.result.q
    assert step.published["uzzi_women_q"].headline
    assert not step.published["uzzi_women_q_se"].headline
    other = analysis.women_q(women, dataclasses.replace(analysis.SETTINGS, women_seed=2))
    assert other.result.q != step.result.q  # the seed comes from the settings


def test_yearly_step_publishes_what_it_shows():
    step = yearly_q()
    assert step.yearly["year"].tolist() == list(range(1945, 1990))
    assert step.published["uzzi_q_peak"].value == step.yearly["q"].max()
    assert step.published["uzzi_q_peak_year"].value == step.peak["year"]
    assert step.published["uzzi_analytic_q_gap"].value == step.gaps["q"].median()
    assert (step.gaps["path_length"] > 0).all()  # the analytic path length always runs low
    assert all(name.startswith("uzzi_") for name in step.published)


def test_inverted_u_step_recovers_the_planted_turning_point():
    step = analysis.inverted_u(clusternet.data.load("broadway_shows"), yearly_q().yearly)
    assert step.true_turning_point == 0.95
    for label, fit in (("hit", step.hits), ("reviews", step.reviews)):
        assert fit.is_inverted_u
        tp = fit.turning_point
        assert tp.ci_lower < step.true_turning_point < tp.ci_upper
        published = step.published
        assert (
            published[f"uzzi_turning_point_{label}_fieller_ci_lower"].value == tp.fieller_ci_lower
        )
    assert step.published["uzzi_q_min"].value == step.data["q"].min()
    assert list(step.turning_points.index) == ["hits", "reviews"]


def test_team_familiarity_is_mostly_within_years():
    step = analysis.team_familiarity(clusternet.data.load("broadway_credits"))
    assert step.familiarity["year"].min() == analysis.SETTINGS.study_start
    assert 0 < step.share_between < 0.5
    assert step.published["uzzi_familiarity_between_share"].value == step.share_between


def test_sample_generator_rejects_a_bad_seed():
    with pytest.raises(TypeError, match="seed must be an int"):
        design.broadway_history(seed="2005")


def test_catalog_loads_every_smallworld_file():
    for name in [
        "broadway_credits",
        "broadway_shows",
        "broadway_true_effects",
        "classics_southern_women_edges",
        "classics_southern_women_nodes",
        "classics_jazz_edges",
        "classics_jazz_nodes",
    ]:
        assert len(clusternet.data.load(name)) > 0
    jazz = nx.from_pandas_edgelist(clusternet.data.load("classics_jazz_edges"))
    assert (jazz.number_of_nodes(), jazz.number_of_edges()) == (
        198,
        2742,
    )  # Gleiser and Danon's counts


# ---------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------


def test_figures_draw_and_reject_bad_input():
    women = sw.affiliation_network(
        clusternet.data.load("classics_southern_women_edges"), person="target", group="source"
    )
    axes = figures.plot_affiliation_network(women, people="women", groups="events")
    assert len(axes) == 2 and axes[1].get_title() == "Ties between women"
    assert len(axes[0].collections) == 2  # women and events
    table = yearly_table()
    yearly = sw.small_world_q_by_year(table, window=2, draws=2, seed=0)
    ax = figures.plot_q_series(yearly, comparison=yearly, comparison_label="again")
    assert ax.get_ylabel() == "Small-world quotient Q"
    assert "again" in [line.get_label() for line in ax.get_lines()]
    rng = np.random.default_rng(0)
    data = pd.DataFrame(
        {"q": np.repeat(rng.uniform(1, 3, 30), 10), "year": np.repeat(np.arange(30), 10)}
    )
    data["y"] = 4 * data["q"] - data["q"] ** 2 + rng.normal(0, 0.3, len(data))
    fit = sw.fit_inverted_u(data, "y")
    axes = figures.plot_inverted_u([(fit, data, "y", "score")], true_turning_point=2.0)
    assert len(axes) == 1 and axes[0].get_ylabel() == "score"
    # drawing into given axes returns them
    figure, given = plt.subplots(ncols=2)
    assert figures.plot_affiliation_network(women, axes=given)[0] is given[0]
    assert figures.plot_q_series(yearly, ax=given[0]) is given[0]
    plt.close("all")
    with pytest.raises(TypeError, match="AffiliationNetwork"):
        figures.plot_affiliation_network(table)
    big = sw.affiliation_network(random_affiliations(100, 70, 2, 4, seed=1))
    with pytest.raises(ValueError, match="too large"):
        figures.plot_affiliation_network(big)
    with pytest.raises(ValueError, match="must hold 2 Axes"):
        figures.plot_affiliation_network(women, axes=[given[0]])
    with pytest.raises(ValueError, match="missing required column"):
        figures.plot_q_series(yearly.drop(columns="q_std_error"))
    with pytest.raises(ValueError, match="non-empty list"):
        figures.plot_inverted_u([])
    with pytest.raises(ValueError, match="missing required column"):
        figures.plot_inverted_u([(fit, data.drop(columns="year"), "y", "score")])
