"""Small-world Q on real data: NBER intake, memberships, team measures, both benchmarks."""

from __future__ import annotations

import math
import shutil

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import clusternet
from clusternet import data
from clusternet.book import small_world_q as analysis
from clusternet.data import DataValidationError
from clusternet.smallworld import _common

from .conftest import ROOT, expected_numbers

NBER = ROOT / "data" / "nber-working-papers"
PAPERS = pd.DataFrame({"paper": ["p1", "p2", "p3"], "year": [2001, 2002, 2003]})
AUTHORS = pd.DataFrame(
    {"paper": ["p1", "p1", "p2", "p2", "p3"], "author": ["a", "b", "a", "c", "b"]}
)

# ---------------------------------------------------------------------------
# intake: the NBER files and their loader
# ---------------------------------------------------------------------------


def test_nber_files_load_with_the_documented_counts():
    papers = data.load("nber_papers")
    authors = data.load("nber_paper_authors")
    assert len(papers) == 30_083 and len(authors) == 69_104
    assert authors["author"].nunique() == 15_930
    assert (papers["year"].min(), papers["year"].max()) == (1973, 2021)
    # outlet: 1 top five, 2 other journal, 3 book; NA (unpublished) is read as missing
    assert papers["outlet"].value_counts().to_dict() == {2.0: 14_792, 1.0: 3_832, 3.0: 3_096}
    assert papers["outlet"].isna().sum() == 8_363
    assert data.load("nber_programs").set_index("program").loc["TWP"].isna()["program_category"]


def _nber_copy(tmp_path, monkeypatch, name: str) -> object:
    folder = tmp_path / "nber-working-papers"
    folder.mkdir(exist_ok=True)
    shutil.copy(NBER / name, folder / name)
    shutil.copy(NBER / "LICENCE.md", folder)
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    return folder / name


def _replace_line(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nber_loader_refuses_an_edited_copy(tmp_path, monkeypatch):
    path = _nber_copy(tmp_path, monkeypatch, "papers.csv")
    _replace_line(path, "w0002,1973,6,2\n", "w0002,1973,6,1\n")
    with pytest.raises(DataValidationError, match=r"papers\.csv.*SHA-256"):
        data.load("nber_papers")


@pytest.mark.parametrize(
    ("name", "dataset", "old", "new", "message"),
    [
        ("papers.csv", "nber_papers", "w0002,1973,6,2\n", "w0002,1973,6,4\n", "'outlet'"),
        ("papers.csv", "nber_papers", "w0002,1973,6,2\n", "w0002,1973,13,2\n", "'month'"),
        ("papers.csv", "nber_papers", "w0002,1973,6,2\n", "x0002,1973,6,2\n", "'paper'"),
        ("papers.csv", "nber_papers", "w0002,1973,6,2\n", "w0001,1973,6,2\n", "unique"),
        ("paper_authors.csv", "nber_paper_authors", "w0002,w0002.1\n", "w0002,\n", "'author'"),
        ("paper_programs.csv", "nber_paper_programs", "w0074,EFG\n", "w0074,XYZ\n", "'program'"),
    ],
)
def test_nber_loader_names_file_and_column_of_bad_values(
    tmp_path, monkeypatch, name, dataset, old, new, message
):
    path = _nber_copy(tmp_path, monkeypatch, name)
    _replace_line(path, old, new)
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")  # skip the checksum: test the value checks
    with pytest.raises(DataValidationError, match=message) as error:
        data.load(dataset)
    assert name in str(error.value)


def test_nber_loader_refuses_a_truncated_copy(tmp_path, monkeypatch):
    path = _nber_copy(tmp_path, monkeypatch, "paper_authors.csv")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-10]), encoding="utf-8")
    with pytest.raises(DataValidationError, match="paper_authors.csv"):
        data.load("nber_paper_authors")


# ---------------------------------------------------------------------------
# memberships: bad input is refused with a clear message
# ---------------------------------------------------------------------------


def test_team_memberships_joins_papers_and_authors():
    table = clusternet.team_memberships(PAPERS, AUTHORS, team="paper", person="author")
    assert table["year"].tolist() == [2001, 2001, 2002, 2002, 2003]
    assert list(table.columns) == ["paper", "author", "year"]


@pytest.mark.parametrize(
    ("papers", "authors", "years", "message"),
    [
        (PAPERS, pd.concat([AUTHORS, pd.DataFrame({"paper": ["p9"], "author": ["z"]})]), None,
         "not in teams: 'p9'"),
        (PAPERS, pd.concat([AUTHORS, pd.DataFrame({"paper": [None], "author": ["z"]})]), None,
         "author.*with no paper"),
        (PAPERS, pd.concat([AUTHORS, AUTHORS.iloc[[0]]]), None, "more than once"),
        (pd.concat([PAPERS, pd.DataFrame({"paper": ["p4"], "year": [2004]})]), AUTHORS, None,
         "have no members: 'p4'"),
        (PAPERS, AUTHORS, (2002, 2003), "outside the data's period 2002-2003: 'p1'"),
        (pd.concat([PAPERS, PAPERS.iloc[[0]]]), AUTHORS, None, "more than once: 'p1'"),
        (PAPERS.assign(year=[2001.5, 2002, 2003]), AUTHORS, None, "whole years"),
    ],
)  # fmt: skip
def test_team_memberships_rejects_bad_input(papers, authors, years, message):
    with pytest.raises(ValueError, match=message):
        clusternet.team_memberships(papers, authors, team="paper", person="author", years=years)


def test_team_memberships_rejects_wrong_types():
    with pytest.raises(TypeError, match="teams must be a pandas DataFrame"):
        clusternet.team_memberships([1, 2], AUTHORS, team="paper", person="author")


# ---------------------------------------------------------------------------
# team-level measures, worked by hand
# ---------------------------------------------------------------------------


def test_incumbents_and_repeat_pairs_worked_by_hand():
    # 2001: p1 = {a, b}. 2002: p2 = {a, c}; p5 = {a, b, d}, also 2002.
    # 2003: p3 = {a, b, c, e}.
    papers = pd.DataFrame({"paper": ["p1", "p2", "p5", "p3"], "year": [2001, 2002, 2002, 2003]})
    authors = pd.DataFrame(
        {
            "paper": ["p1", "p1", "p2", "p2", "p5", "p5", "p5", "p3", "p3", "p3", "p3"],
            "author": ["a", "b", "a", "c", "a", "b", "d", "a", "b", "c", "e"],
        }
    )
    table = clusternet.team_memberships(papers, authors, team="paper", person="author")
    out = clusternet.team_repeat_share(table, person="author", group="paper").set_index("paper")
    # p1: first year, nobody is an incumbent
    assert out.loc["p1", ["veteran_share", "repeat_pairs"]].tolist() == [0.0, 0]
    # p2: a is an incumbent (p1), c is new; the pair a-c never wrote together: 1/2, 0 of 1
    assert out.loc["p2", "veteran_share"] == 0.5 and out.loc["p2", "repeat_pairs"] == 0
    # p5: a and b incumbents (p1), d new: 2/3; the pair a-b wrote p1: 1 of 3 pairs
    assert out.loc["p5", "veteran_share"] == pytest.approx(2 / 3)
    assert (out.loc["p5", "repeat_pairs"], out.loc["p5", "pairs"]) == (1, 3)
    # p3: a, b, c incumbents, e new: 3/4; earlier pairs a-b (p1, p5) and a-c (p2): 2 of 6
    # (same-year papers p2 and p5 do not count for each other: the test is "an earlier year")
    assert out.loc["p3", "veteran_share"] == 0.75
    assert (out.loc["p3", "repeat_pairs"], out.loc["p3", "pairs"]) == (2, 6)
    assert out.loc["p3", "repeat_share"] == pytest.approx(1 / 3)


# ---------------------------------------------------------------------------
# triangles by degree ordering; both benchmarks from one measurement
# ---------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(n=st.integers(3, 40), p=st.floats(0.05, 0.9), seed=st.integers(0, 10_000))
def test_triangle_total_equals_the_per_node_count(n, p, seed):
    graph = nx.gnp_random_graph(n, p, seed=seed)
    adjacency = _common.as_adjacency(graph)
    per_node, _ = _common.triangles_and_degrees(adjacency)
    assert _common.triangle_total(adjacency) == per_node.sum()
    assert _common.triangle_total(adjacency) == sum(nx.triangles(graph).values())
    with pytest.MonkeyPatch.context() as patch:  # one row per block: the blocks add up exactly
        patch.setattr(_common, "TRIANGLE_BLOCK_PATHS", 1)
        assert _common.triangle_total(adjacency) == per_node.sum()


def test_transitivity_matches_networkx_on_a_hub_heavy_graph():
    graph = nx.barabasi_albert_graph(300, 6, seed=3)
    adjacency = _common.as_adjacency(graph)
    assert _common.measure_clustering(adjacency, "transitivity") == pytest.approx(
        nx.transitivity(graph), rel=1e-12
    )
    assert sp.issparse(adjacency)


def test_both_benchmarks_share_one_measurement():
    rng = np.random.default_rng(4)
    table = pd.DataFrame(
        {"person": rng.integers(0, 120, 600), "group": np.repeat(np.arange(150), 4)}
    ).drop_duplicates()
    network = clusternet.affiliation_network(table)
    simulated, analytic = clusternet.small_world_q(network, benchmark="both", draws=3, seed=7)
    alone = clusternet.small_world_q(network, draws=3, seed=7)
    assert simulated == alone
    assert analytic == clusternet.small_world_q(network, benchmark="analytic", seed=7)
    assert (simulated.benchmark, analytic.benchmark) == ("simulated", "analytic")


def test_q_by_year_with_both_benchmarks_gives_two_rows_a_year():
    table = clusternet.team_memberships(
        pd.DataFrame({"paper": [f"p{i}" for i in range(60)], "year": np.repeat([1, 2, 3], 20)}),
        pd.DataFrame(
            {
                "paper": np.repeat([f"p{i}" for i in range(60)], 3),
                "author": np.random.default_rng(0).choice(40, size=(60, 3), replace=True).ravel(),
            }
        ).drop_duplicates(),
        team="paper",
        person="author",
    )
    yearly = clusternet.small_world_q_by_year(
        table, window=2, person="author", group="paper", benchmark="both", draws=2, seed=1
    )
    assert yearly["year"].tolist() == [2, 2, 3, 3]
    assert yearly["benchmark"].tolist() == ["simulated", "analytic"] * 2
    with pytest.raises(ValueError, match="no complete 2-year window"):
        clusternet.small_world_q_by_year(
            table, window=2, person="author", group="paper", years=[1], seed=1
        )


# ---------------------------------------------------------------------------
# the chapter's real-data steps
# ---------------------------------------------------------------------------


def test_nber_memberships_flag_outcomes():
    memberships = analysis.nber_memberships()
    assert len(memberships) == 69_104
    papers = memberships.drop_duplicates("paper")
    assert papers["top_five"].sum() == 3_832
    assert papers["journal"].sum() == 3_832 + 14_792
    assert set(papers["programme"]) >= {"none", "several", "LS"}


@pytest.mark.slow
def test_real_data_steps_match_their_pinned_numbers():
    expected = expected_numbers("small-world-q")
    memberships = analysis.nber_memberships()
    yearly = analysis.nber_yearly_q(memberships)
    steps = [
        yearly,
        analysis.nber_success(memberships, yearly.yearly),
        analysis.nber_teams(memberships),
        analysis.eu_consortia_q(),
    ]
    checked = 0
    for step in steps:
        for name, number in step.published.items():
            if name in expected:  # the headline numbers and any other pinned one
                target, tolerance = expected[name]
                assert math.isclose(number.value, target, rel_tol=tolerance, abs_tol=tolerance)
                checked += 1
    assert checked >= 20
    used = yearly.yearly[yearly.yearly["usable"]]
    assert (used["q"] > 1).all()  # economics is a small world in every usable year
    assert (used["giant_share"] >= analysis.SETTINGS.nber_min_giant_share).all()
    assert (yearly.yearly.loc[~yearly.yearly["usable"], "exclusion_reason"].str.len() > 0).all()
