"""Ties between economies (partner concentration, reciprocity, hubs) and the chapter's
real-data steps (US Annual Business Survey, GitHub Innovation Graph)."""

import shutil

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusternet
from clusternet import data
from clusternet.book import global_pipelines as analysis
from clusternet.data import DataValidationError

from .conftest import ROOT


def _ties(rows):
    return pd.DataFrame(rows, columns=["source", "destination", "weight"])


TWO = _ties([("A", "B", 3), ("B", "A", 1)])
THREE = _ties([("A", "B", 6), ("A", "C", 2), ("B", "A", 2), ("C", "B", 4)])


# ----------------------------------------------------------------------------- hand-worked


def test_two_economies_worked_by_hand():
    both = clusternet.partner_concentration(TWO).set_index("economy")
    assert both["total_weight"].tolist() == [4.0, 4.0]  # 3 + 1 each way
    assert both["n_partners"].tolist() == [1, 1]
    assert both["top_partner"].tolist() == ["B", "A"]
    assert both["top_share"].tolist() == [1.0, 1.0]
    assert both["hhi"].tolist() == [1.0, 1.0]
    assert both["effective_partners"].tolist() == [1.0, 1.0]
    out = clusternet.partner_concentration(TWO, direction="out").set_index("economy")
    assert out["total_weight"].tolist() == [3.0, 1.0]
    inward = clusternet.partner_concentration(TWO, direction="in").set_index("economy")
    assert inward["total_weight"].tolist() == [1.0, 3.0]
    recip = clusternet.tie_reciprocity(TWO).set_index("economy")
    assert recip["reciprocated"].tolist() == [1.0, 1.0]  # min(3, 1)
    assert recip["reciprocity"].tolist() == [0.5, 0.5]  # 2 * 1 / (3 + 1)
    assert clusternet.network_reciprocity(TWO) == 0.5  # (1 + 1) / (3 + 1)


def test_three_economies_worked_by_hand():
    # both directions: A-B 8, A-C 2, B-C 4
    table = clusternet.partner_concentration(THREE).set_index("economy")
    assert table.loc["A", "top_partner"] == "B" and table.loc["A", "top_share"] == 0.8
    assert table.loc["A", "hhi"] == pytest.approx(0.8**2 + 0.2**2)
    assert table.loc["A", "effective_partners"] == pytest.approx(1 / 0.68)
    assert table.loc["B", "top_share"] == pytest.approx(2 / 3)
    assert table.loc["B", "effective_partners"] == pytest.approx(1.8)  # 1 / (4/9 + 1/9)
    assert table.loc["C", "top_partner"] == "B"
    recip = clusternet.tie_reciprocity(THREE).set_index("economy")
    assert recip.loc["A", "reciprocity"] == pytest.approx(2 * 2 / (8 + 2))
    assert recip.loc["B", "reciprocity"] == pytest.approx(2 * 2 / (2 + 10))
    assert recip.loc["C", "reciprocity"] == 0.0
    assert clusternet.network_reciprocity(THREE) == pytest.approx(4 / 14)
    hubs = clusternet.collaboration_hubs(THREE)
    assert hubs["economy"].tolist() == ["B", "A", "C"]
    assert hubs["top_partner_of"].tolist() == [2, 1, 0]
    assert hubs["weight_share"].tolist() == pytest.approx([12 / 14, 10 / 14, 6 / 14])


def test_equal_partners_give_effective_number_equal_to_count():
    ties = _ties([("A", p, 5) for p in "BCDE"])
    row = clusternet.partner_concentration(ties, direction="out").set_index("economy").loc["A"]
    assert row["n_partners"] == 4 and row["top_share"] == 0.25
    assert row["effective_partners"] == pytest.approx(4.0)
    assert row["top_partner"] == "B"  # ties broken alphabetically


def test_concentration_change_worked_by_hand():
    t0 = _ties([("A", "B", 3), ("A", "C", 1)])
    t1 = _ties([("A", "B", 1), ("A", "C", 3)])
    before = clusternet.partner_concentration(t0, direction="out")
    after = clusternet.partner_concentration(t1, direction="out")
    row = clusternet.concentration_change(before, after).set_index("economy").loc["A"]
    assert row["top_share_change"] == 0.0 and row["hhi_change"] == 0.0
    assert row["top_partner_before"] == "B" and row["top_partner_after"] == "C"
    assert bool(row["top_partner_changed"])


@pytest.mark.parametrize(
    "ties, problem",
    [
        (_ties([("A", "A", 1)]), "itself"),
        (_ties([("A", "B", 1), ("A", "B", 2)]), "repeated"),
        (_ties([("A", "B", -1)]), "negative"),
        (_ties([("A", "B", 0)]), "zero"),
        (pd.DataFrame({"source": ["A"], "weight": [1]}), "destination"),
        (_ties([("A", None, 1)]), "missing"),
    ],
)
def test_bad_tie_lists_are_refused(ties, problem):
    with pytest.raises(ValueError, match=problem):
        clusternet.partner_concentration(ties)


def test_bad_arguments_are_refused():
    with pytest.raises(TypeError, match="ties"):
        clusternet.tie_reciprocity([("A", "B", 1)])
    with pytest.raises(ValueError, match="direction"):
        clusternet.partner_concentration(TWO, direction="sideways")
    with pytest.raises(ValueError, match="no economy in common"):
        clusternet.concentration_change(
            clusternet.partner_concentration(TWO),
            clusternet.partner_concentration(_ties([("C", "D", 1)])),
        )


# ----------------------------------------------------------------------------- properties

_codes = st.sampled_from(list("ABCDEFG"))


@st.composite
def tie_lists(draw):
    pairs = draw(
        st.lists(
            st.tuples(_codes, _codes).filter(lambda p: p[0] != p[1]),
            min_size=1,
            max_size=20,
            unique=True,
        )
    )
    weights = draw(st.lists(st.integers(1, 1000), min_size=len(pairs), max_size=len(pairs)))
    return _ties([(s, d, w) for (s, d), w in zip(pairs, weights, strict=True)])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tie_lists(), st.sampled_from(["both", "out", "in"]))
def test_concentration_measures_stay_in_their_bounds(ties, direction):
    table = clusternet.partner_concentration(ties, direction=direction)
    n = table["n_partners"].to_numpy()
    assert np.all(table["top_share"] >= 1 / n - 1e-12) and np.all(table["top_share"] <= 1)
    assert np.all(table["hhi"] >= 1 / n - 1e-12) and np.all(table["hhi"] <= 1 + 1e-12)
    assert np.all(table["effective_partners"] >= 1 - 1e-12)
    assert np.all(table["effective_partners"] <= n + 1e-9)
    assert np.all(table["top_share"] ** 2 <= table["hhi"] + 1e-12)


@settings(max_examples=60, deadline=None)
@given(tie_lists())
def test_reciprocity_and_hubs_invariants(ties):
    recip = clusternet.tie_reciprocity(ties)
    assert recip["reciprocity"].between(0, 1).all()
    assert 0 <= clusternet.network_reciprocity(ties) <= 1
    hubs = clusternet.collaboration_hubs(ties)
    assert hubs["top_partner_of"].sum() == len(hubs)  # every economy has one top partner
    assert hubs["weight_share"].sum() == pytest.approx(2.0)  # every tie has two ends
    mirrored = (
        pd.concat([ties, ties.rename(columns={"source": "destination", "destination": "source"})])
        .groupby(["source", "destination"], as_index=False)["weight"]
        .sum()
    )
    assert clusternet.network_reciprocity(mirrored) <= 1
    symmetric = ties.assign(weight=1)
    symmetric = pd.concat(
        [symmetric, symmetric.rename(columns={"source": "destination", "destination": "source"})]
    ).drop_duplicates(["source", "destination"])
    assert clusternet.network_reciprocity(symmetric) == pytest.approx(1.0)


# ----------------------------------------------------------------------------- the real data


def test_github_loader_keeps_namibia_and_refuses_bad_codes(tmp_path, monkeypatch):
    ties = data.load("github_economy_collaborators")
    assert (ties["source"] == "NA").sum() > 0 and ties["source"].notna().all()
    folder = tmp_path / "github-innovation-graph"
    folder.mkdir()
    frame = pd.read_csv(
        ROOT / "data" / "github-innovation-graph" / "economy_collaborators.csv",
        dtype=str,
        keep_default_na=False,
        nrows=30,
    )
    frame.loc[4, "destination"] = "USA"
    frame.to_csv(folder / "economy_collaborators.csv", index=False)
    shutil.copy(ROOT / "data" / "github-innovation-graph" / "LICENSE.md", folder)
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")
    with pytest.raises(DataValidationError, match=r"economy_collaborators\.csv.*'destination'"):
        data.load("github_economy_collaborators")


def test_github_loader_refuses_a_repeated_tie(tmp_path, monkeypatch):
    folder = tmp_path / "github-innovation-graph"
    folder.mkdir()
    source = ROOT / "data" / "github-innovation-graph" / "economy_collaborators.csv"
    frame = pd.read_csv(source, dtype=str, keep_default_na=False, nrows=30)
    pd.concat([frame, frame.iloc[[3]]]).to_csv(folder / "economy_collaborators.csv", index=False)
    shutil.copy(ROOT / "data" / "github-innovation-graph" / "LICENSE.md", folder)
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")
    with pytest.raises(DataValidationError, match="must be unique"):
        data.load("github_economy_collaborators")


@pytest.fixture(scope="module")
def economies():
    return analysis.economy_pipelines()


def test_economy_step_excludes_the_eu_aggregate_and_applies_the_floor(economies):
    assert "EU" not in set(economies.change["economy"]) | set(economies.hubs["economy"])
    floor = analysis.SETTINGS.min_partners
    assert (economies.change["n_partners_before"] >= floor).all()
    assert (economies.change["n_partners_after"] >= floor).all()
    assert economies.published["fitjar_gh_n_economies"].value == len(economies.change)


def test_economy_step_mean_change_is_the_plain_mean(economies):
    change = economies.change
    published = economies.published
    assert published["fitjar_gh_top_share_change"].value == pytest.approx(
        100 * change["top_share_change"].mean()
    )
    lower = published["fitjar_gh_top_share_change_ci_lower"].value
    upper = published["fitjar_gh_top_share_change_ci_upper"].value
    assert lower < published["fitjar_gh_top_share_change"].value < upper
    sd = 100 * change["top_share_change"].std(ddof=1)
    from scipy import stats

    half = stats.t.ppf(0.975, len(change) - 1) * sd / np.sqrt(len(change))
    assert upper - lower == pytest.approx(2 * half)


def test_the_us_is_the_hub_of_software_collaboration(economies):
    assert economies.hubs["economy"].iloc[0] == "US"
    share = economies.published["fitjar_gh_us_top_partner_last"].value
    assert share == pytest.approx((economies.change["top_partner_after"] == "US").mean())


def test_abs_step_reproduces_the_checked_figures_and_bounds():
    reach = analysis.us_partner_reach()
    numbers = {k: p.value for k, p in reach.published.items()}
    assert numbers["fitjar_abs_n_companies"] == 530124
    assert numbers["fitjar_abs_share_us"] == pytest.approx(0.678)
    assert numbers["fitjar_abs_share_canmex"] == pytest.approx(0.040)
    assert numbers["fitjar_abs_share_world"] == pytest.approx(0.100)
    assert numbers["fitjar_abs_share_foreign_lower"] == pytest.approx(0.10)
    assert numbers["fitjar_abs_share_foreign_upper"] == pytest.approx(0.14)
    # weighted size classes reproduce the published all-sizes share (rounding only)
    assert numbers["fitjar_abs_share_world_micro"] < numbers["fitjar_abs_share_world"]
    assert numbers["fitjar_abs_share_world_ten_plus"] > numbers["fitjar_abs_share_world"]
    assert reach.by_size["Employees"].iloc[0] == "1–4"
    assert reach.by_size["Employees"].iloc[-1] == "All sizes"
    assert (reach.comparison["Evidence"].str.startswith("claim")).sum() == 2


def test_size_classes_weighted_reproduce_the_total():
    from clusternet import abs_tables

    tidy = abs_tables.load_abs_table(7452)
    wide = tidy[tidy["status"] == "reported"].pivot(
        index="row_path", columns="column", values="value"
    )
    classes = wide[wide.index.str.count(" -> ") == 2]
    world = "any_cooperation_partner_in_the_rest_of_the_world"
    weighted = (classes["all_companies"] * classes[world]).sum() / classes["all_companies"].sum()
    assert weighted == pytest.approx(10.0, abs=0.05)  # published 10.0, rounded to 0.1


def test_concentration_figure_draws_and_rejects_bad_input(economies):
    import matplotlib.pyplot as plt

    from clusternet.plotting import pipelines as figures

    ax = figures.plot_partner_concentration_change(economies.change, label=("US", "DE"))
    assert ax.get_xlim() == (0, 100)
    assert len(ax.collections) == 2  # US top partner or another
    assert {t.get_text() for t in ax.texts} == {"US", "DE"}
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="top_share_after"):
        figures.plot_partner_concentration_change(economies.change.drop(columns="top_share_after"))
