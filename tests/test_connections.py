"""Tests of clusternet.connections (Nesta's three layers), its sample data, figures and book module."""

from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import clusternet
from clusternet import connections as cc
from clusternet.book import creative_connections as analysis
from clusternet.book._creative_connections_helpers import _true_spillover_doubling
from clusternet.book.claims import claim
from clusternet.catalog.connections import (
    SAMPLE_PLACE_PROFILES,
    SAMPLE_PLACES,
    SECTOR_IS_CREATIVE,
)
from clusternet.clusters import location_quotient
from clusternet.plotting import connections as figures
from clusternet.samples import connections as samples

from .conftest import check_key_results, expected_numbers

FIRMS = pd.DataFrame(
    {
        "firm": [1, 2, 3, 4, 5],
        "place": ["A", "A", "A", "B", "A"],
        "sector": ["design", "music", "retail", "design", "retail"],
        "creative": [1, 1, 0, 1, 0],
    }
)
TIES = pd.DataFrame({"source": [1, 1, 1, 3], "target": [2, 3, 4, 5]})
SECTORS = {"design": True, "music": True, "retail": False}


@pytest.fixture(scope="module")
def small_economy():
    return samples.make_creative_economy(7, scale=0.25)


@pytest.fixture(scope="module")
def committed():
    firms = clusternet.data.load("sample_creative_firms")
    ties = clusternet.data.load("sample_creative_ties")
    classified = cc.classify_ties(ties, firms, sectors=SECTOR_IS_CREATIVE)
    profile = cc.connection_profile(classified, firms)
    return firms, ties, classified, profile


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def simulated_logit(n=20000, beta=(-1.0, 0.1, 0.2, 0.4), seed=11):
    rng = np.random.default_rng(seed)
    data = pd.DataFrame(rng.poisson(1.5, size=(n, 3)), columns=list(cc.LAYER_COUNT_COLUMNS))
    eta = beta[0] + data.to_numpy() @ np.array(beta[1:])
    data["product_innovation"] = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(int)
    return data


# ---------------------------------------------------------------------------
# classify_ties
# ---------------------------------------------------------------------------


def test_classify_ties_by_hand():
    out = cc.classify_ties(TIES, FIRMS)
    # 1-2 both creative in A: local; 1-3 creative-retail in A: cross; 1-4 A-B: external;
    # 3-5 retail-retail in A: local (same non-creative sector)
    assert out["layer"].tolist() == ["local", "cross_sector", "external", "local"]
    assert out["source_place"].tolist() == ["A", "A", "A", "A"]
    assert out["target_creative"].tolist() == [True, False, True, False]


def test_classify_ties_sector_boundary_splits_creative_sectors():
    out = cc.classify_ties(TIES, FIRMS, boundary="sector")
    assert out["layer"].tolist() == ["cross_sector", "cross_sector", "external", "local"]


def test_classify_ties_sectors_mapping_overrides_creative_column():
    firms = FIRMS.drop(columns="creative")
    out = cc.classify_ties(TIES, firms, sectors=SECTORS)
    assert out["layer"].tolist() == ["local", "cross_sector", "external", "local"]
    # music declared non-creative: the designer-musician tie becomes cross-sector
    out = cc.classify_ties(TIES, firms, sectors={**SECTORS, "music": False})
    assert out["layer"].tolist()[0] == "cross_sector"


def test_classify_ties_graph_with_node_attributes_matches_edge_list():
    graph = nx.Graph()
    for row in FIRMS.itertuples(index=False):
        graph.add_node(row.firm, place=row.place, sector=row.sector, creative=row.creative)
    graph.add_edges_from(TIES.itertuples(index=False, name=None))
    from_graph = cc.classify_ties(graph).sort_values(["source", "target"], ignore_index=True)
    from_list = cc.classify_ties(TIES, FIRMS).sort_values(["source", "target"], ignore_index=True)
    pd.testing.assert_series_equal(from_graph["layer"], from_list["layer"])


def test_classify_ties_recovers_the_layers_the_generator_built(small_economy):
    out = cc.classify_ties(
        small_economy["ties"], small_economy["firms"], sectors=SECTOR_IS_CREATIVE
    )
    assert (out["layer"].to_numpy() == small_economy["layers"]).all()
    # and with the creative column instead of the sector mapping
    out = cc.classify_ties(small_economy["ties"], small_economy["firms"])
    assert (out["layer"].to_numpy() == small_economy["layers"]).all()


def test_classify_ties_accepts_string_ids_and_custom_columns():
    firms = FIRMS.assign(firm=FIRMS["firm"].astype(str)).rename(
        columns={"firm": "id", "place": "ttwa"}
    )
    ties = TIES.astype(str).rename(columns={"source": "a", "target": "b"})
    out = cc.classify_ties(ties, firms, firm="id", place="ttwa", endpoints=("a", "b"))
    assert out["layer"].tolist() == ["local", "cross_sector", "external", "local"]


def _brute_force_layer(a, b, boundary):
    if a["place"] != b["place"]:
        return "external"
    if boundary == "creative" and a["creative"] and b["creative"]:
        return "local"
    return "local" if a["sector"] == b["sector"] else "cross_sector"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("PQR"), st.sampled_from(["design", "music", "retail", "metal"])),
        min_size=2,
        max_size=12,
    ),
    st.data(),
    st.sampled_from(["creative", "sector"]),
)
def test_classify_ties_matches_brute_force_rule(attributes, data, boundary):
    firms = pd.DataFrame(attributes, columns=["place", "sector"]).assign(
        firm=lambda f: np.arange(len(f)) * 10
    )
    sectors = {"design": True, "music": True, "retail": False, "metal": False}
    firms["creative"] = firms["sector"].map(sectors).astype(int)
    pairs = [(i, j) for i in range(len(firms)) for j in range(i + 1, len(firms))]
    chosen = data.draw(
        st.lists(st.sampled_from(pairs), min_size=1, max_size=len(pairs), unique=True)
    )
    flip = data.draw(st.lists(st.booleans(), min_size=len(chosen), max_size=len(chosen)))
    ends = [(j, i) if f else (i, j) for (i, j), f in zip(chosen, flip, strict=True)]
    ties = pd.DataFrame({"source": [10 * i for i, _ in ends], "target": [10 * j for _, j in ends]})
    out = cc.classify_ties(ties, firms, boundary=boundary)
    rows = firms.set_index("firm")
    expected = [
        _brute_force_layer(rows.loc[u], rows.loc[v], boundary)
        for u, v in zip(ties["source"], ties["target"], strict=True)
    ]
    assert out["layer"].astype(str).tolist() == expected
    # the layer does not depend on which end is the source
    swapped = cc.classify_ties(
        ties.rename(columns={"source": "target", "target": "source"}), firms, boundary=boundary
    )
    assert swapped["layer"].astype(str).tolist() == expected


@pytest.mark.parametrize(
    ("network", "firms", "kwargs", "error", "match"),
    [
        ([(1, 2)], FIRMS, {}, TypeError, "networkx Graph or a DataFrame"),
        (TIES, FIRMS.to_dict(), {}, TypeError, "firms must be a pandas DataFrame"),
        (TIES, None, {}, TypeError, "firms is required"),
        (TIES, FIRMS.drop(columns="place"), {}, ValueError, "missing required column"),
        (TIES, FIRMS.drop(columns="creative"), {}, ValueError, "'creative'"),
        (TIES, FIRMS.assign(place=["A", None, "A", "B", "A"]), {}, ValueError, "missing values"),
        (TIES, pd.concat([FIRMS, FIRMS.iloc[[0]]]), {}, ValueError, "more than once"),
        (TIES, FIRMS.assign(creative=[1, 2, 0, 1, 0]), {}, ValueError, "True/False or 0/1"),
        (TIES, FIRMS, {"sectors": {"design": True}}, ValueError, "unknown sector"),
        (TIES, FIRMS, {"sectors": ["design"]}, TypeError, "mapping"),
        (
            TIES,
            FIRMS,
            {"sectors": {"design": 1, "music": 1, "retail": 0}},
            TypeError,
            "True or False",
        ),
        (TIES, FIRMS, {"boundary": "region"}, ValueError, "boundary"),
        (pd.DataFrame({"source": [1], "target": [1]}), FIRMS, {}, ValueError, "self-loop"),
        (
            pd.DataFrame({"source": [1, 2], "target": [2, 1]}),
            FIRMS,
            {},
            ValueError,
            "more than once",
        ),
        (
            pd.DataFrame({"source": [1], "target": [99]}),
            FIRMS,
            {},
            ValueError,
            "not in the firms table",
        ),
        (
            pd.DataFrame({"source": ["1"], "target": ["2"]}),
            FIRMS,
            {},
            ValueError,
            "ids in network are str",
        ),
        (pd.DataFrame({"source": [], "target": []}), FIRMS, {}, ValueError, "empty"),
        (pd.DataFrame({"from": [1], "to": [2]}), FIRMS, {}, ValueError, "missing required column"),
        (TIES, FIRMS, {"endpoints": "source"}, TypeError, "pair of column names"),
        (nx.DiGraph([(1, 2)]), FIRMS, {}, ValueError, "undirected"),
        (nx.MultiGraph([(1, 2), (1, 2)]), FIRMS, {}, ValueError, "multigraph"),
        (nx.Graph([(1, 1)]), FIRMS, {}, ValueError, "self-loop"),
        (nx.empty_graph([1, 2]), FIRMS, {}, ValueError, "no ties"),
        (nx.Graph(), FIRMS, {}, ValueError, "empty"),
    ],
)
def test_classify_ties_rejects_bad_input(network, firms, kwargs, error, match):
    with pytest.raises(error, match=match):
        cc.classify_ties(network, firms, **kwargs)


def test_classify_ties_graph_missing_node_attribute():
    graph = nx.Graph([(1, 2)])
    nx.set_node_attributes(graph, {1: "A", 2: "A"}, "place")
    nx.set_node_attributes(graph, {1: "design"}, "sector")
    with pytest.raises(ValueError, match="have no 'sector' attribute"):
        cc.classify_ties(graph, sectors=SECTORS)


def test_firm_table_from_graph_rejects_bad_input():
    with pytest.raises(TypeError, match="networkx graph"):
        cc.firm_table_from_graph(pd.DataFrame())
    with pytest.raises(TypeError, match="list of attribute names"):
        cc.firm_table_from_graph(nx.Graph([(1, 2)]), "place")


# ---------------------------------------------------------------------------
# profiles, diversity, shares
# ---------------------------------------------------------------------------


def test_connection_profile_by_hand():
    profile = cc.connection_profile(cc.classify_ties(TIES, FIRMS), FIRMS.assign(extra=1))
    row = profile.set_index("firm")
    assert row.loc[1, ["n_local", "n_external", "n_cross_sector", "degree"]].tolist() == [
        1,
        1,
        1,
        3,
    ]
    assert row.loc[3, ["n_local", "n_cross_sector", "degree"]].tolist() == [1, 1, 2]
    assert row.loc[1, "layer_diversity"] == pytest.approx(1.0)
    assert row.loc[2, "layer_diversity"] == 0.0
    assert row.loc[3, "share_local"] == 0.5
    assert list(profile["extra"]) == [1] * 5  # attribute columns are kept
    assert list(profile["firm"]) == [1, 2, 3, 4, 5]


def test_connection_profile_isolates_get_zeros():
    firms = pd.concat(
        [FIRMS, pd.DataFrame({"firm": [6], "place": ["B"], "sector": ["retail"], "creative": [0]})]
    )
    profile = cc.connection_profile(cc.classify_ties(TIES, FIRMS), firms).set_index("firm")
    assert profile.loc[
        6, ["degree", "share_local", "share_external", "share_cross_sector", "layer_diversity"]
    ].tolist() == [0, 0, 0, 0, 0]


def test_connection_profile_invariants_on_sample(committed):
    _, ties, classified, profile = committed
    assert profile["degree"].sum() == 2 * len(ties)
    assert (profile[list(cc.LAYER_COUNT_COLUMNS)].sum(axis=1) == profile["degree"]).all()
    shares = profile[["share_local", "share_external", "share_cross_sector"]].sum(axis=1)
    assert np.allclose(shares[profile["degree"] > 0], 1.0)
    assert profile["layer_diversity"].between(0, 1).all()
    counts = classified["layer"].value_counts()
    for layer, column in zip(cc.LAYERS, cc.LAYER_COUNT_COLUMNS, strict=True):
        assert profile[column].sum() == 2 * counts[layer]


@pytest.mark.parametrize(
    ("ties", "firms", "error", "match"),
    [
        (TIES, FIRMS, ValueError, "missing required column"),  # not classified
        (TIES.assign(layer="global"), FIRMS, ValueError, "unknown layer"),
        (
            TIES.assign(layer="local"),
            FIRMS.drop(columns="firm"),
            ValueError,
            "missing required column",
        ),
        (TIES.assign(layer="local"), FIRMS.iloc[:2], ValueError, "not in the firms table"),
        (TIES.assign(layer="local"), FIRMS.assign(degree=1), ValueError, "already has profile"),
        (TIES.assign(layer="local"), pd.concat([FIRMS, FIRMS]), ValueError, "more than once"),
        (TIES.assign(layer="local"), FIRMS.iloc[:0], ValueError, "empty"),
        ("ties", FIRMS, TypeError, "DataFrame"),
    ],
)
def test_connection_profile_rejects_bad_input(ties, firms, error, match):
    with pytest.raises(error, match=match):
        cc.connection_profile(ties, firms)


def test_layer_diversity_known_values():
    values = cc.layer_diversity([[3, 0, 0], [1, 1, 1], [0, 0, 0], [1, 1, 0]])
    assert values.tolist() == pytest.approx([0.0, 1.0, 0.0, np.log(2) / np.log(3)])
    assert cc.layer_diversity(pd.DataFrame({"a": [2, 5], "b": [2, 0]})).tolist() == pytest.approx(
        [1.0, 0.0]
    )


@settings(max_examples=60, deadline=None)
@given(
    arrays(np.int64, st.tuples(st.integers(1, 6), st.integers(2, 5)), elements=st.integers(0, 50)),
    st.integers(1, 7),
)
def test_layer_diversity_properties(counts, factor):
    values = cc.layer_diversity(counts)
    assert values.shape == (counts.shape[0],)
    assert ((values >= 0) & (values <= 1)).all()
    assert np.allclose(cc.layer_diversity(counts * factor), values)  # scale free
    assert np.allclose(cc.layer_diversity(counts[:, ::-1]), values)  # order of layers irrelevant
    single_layer = (counts > 0).sum(axis=1) <= 1
    assert np.allclose(values[single_layer], 0.0)
    even = (counts == counts[:, :1]).all(axis=1) & (counts[:, 0] > 0)
    assert np.allclose(values[even], 1.0)


@pytest.mark.parametrize(
    ("counts", "error", "match"),
    [
        ([1, 2, 3], ValueError, "two-dimensional"),
        ([[1], [2]], ValueError, "two layer columns"),
        ([[1, -1]], ValueError, "negative"),
        ([[1, np.nan]], ValueError, "infinite or missing"),
        ([["a", "b"]], TypeError, "numeric"),
        (pd.DataFrame({"a": ["x"], "b": ["y"]}), TypeError, "non-numeric"),
    ],
)
def test_layer_diversity_rejects_bad_input(counts, error, match):
    with pytest.raises(error, match=match):
        cc.layer_diversity(counts)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("AB"), st.integers(0, 9), st.integers(0, 9), st.integers(1, 9)),
        min_size=2,
        max_size=20,
    )
)
def test_layer_shares_properties(rows):
    profile = pd.DataFrame(rows, columns=["place", "n_local", "n_external", "n_cross_sector"])
    shares = cc.layer_shares(profile)
    assert np.allclose(
        shares[["share_local", "share_external", "share_cross_sector"]].sum(axis=1), 1.0
    )
    assert shares["firms"].sum() == len(profile)
    overall = cc.layer_shares(profile, by=None)
    assert overall["share_local"].iloc[0] == pytest.approx(
        profile["n_local"].sum() / profile[list(cc.LAYER_COUNT_COLUMNS)].to_numpy().sum()
    )


def test_layer_shares_by_hand():
    profile = pd.DataFrame(
        {
            "place": ["A", "A", "B"],
            "n_local": [2, 0, 1],
            "n_external": [0, 2, 1],
            "n_cross_sector": [0, 0, 2],
        }
    )
    out = cc.layer_shares(profile)
    assert out.loc["A", "share_local"] == 0.5
    assert out.loc["B", "share_cross_sector"] == 0.5
    assert out.loc["A", "ties_per_firm"] == 2.0
    assert out.loc["A", "mean_external"] == 1.0


@pytest.mark.parametrize(
    ("profile", "by", "error", "match"),
    [
        (pd.DataFrame({"n_local": [1]}), None, ValueError, "missing required column"),
        (
            pd.DataFrame(
                {"n_local": [0], "n_external": [0], "n_cross_sector": [0], "place": ["A"]}
            ),
            "place",
            ValueError,
            "no ties",
        ),
        (
            pd.DataFrame(
                {"n_local": [-1], "n_external": [0], "n_cross_sector": [2], "place": ["A"]}
            ),
            "place",
            ValueError,
            "negative",
        ),
        (
            pd.DataFrame(
                {"n_local": [1], "n_external": [0], "n_cross_sector": [2], "place": [None]}
            ),
            "place",
            ValueError,
            "missing",
        ),
        (
            pd.DataFrame({"n_local": [1], "n_external": [0], "n_cross_sector": [2]}),
            "place",
            ValueError,
            "'place'",
        ),
        ([1, 2], None, TypeError, "DataFrame"),
    ],
)
def test_layer_shares_rejects_bad_input(profile, by, error, match):
    with pytest.raises(error, match=match):
        cc.layer_shares(profile, by=by)


# ---------------------------------------------------------------------------
# creative-cluster identification and presence
# ---------------------------------------------------------------------------


def test_creative_cluster_table_by_hand():
    counts = pd.DataFrame(
        {"design": [30, 10], "music": [0, 10], "retail": [70, 80]}, index=["A", "B"]
    )
    out = cc.creative_cluster_table(counts, ["design", "music"], min_firms=20, min_lq=1.0)
    # creative share 0.3 and 0.2 against 0.25 overall
    assert out["creative_lq"].tolist() == pytest.approx([1.2, 0.8])
    assert out["creative_firms"].tolist() == [30, 20]
    assert out["is_cluster"].tolist() == [True, False]
    assert not cc.creative_cluster_table(counts, ["design", "music"], min_firms=31, min_lq=1.0)[
        "is_cluster"
    ].any()
    # an LQ of exactly 1.5 (computed as 1.4999999999999998) meets a 1.5 threshold
    exact = pd.DataFrame({"design": [30, 10], "retail": [70, 90]}, index=["A", "B"])
    assert cc.creative_cluster_table(exact, ["design"], min_firms=0, min_lq=1.5)[
        "is_cluster"
    ].tolist() == [True, False]
    long = cc.creative_cluster_table(
        counts, ["design", "music"], min_firms=0, min_lq=1.0, level="sector"
    )
    expected = location_quotient(counts)
    assert long.set_index(["place" if "place" in long else long.columns[0], "sector"])[
        "lq"
    ].to_dict() == pytest.approx(
        {(p, s): expected.loc[p, s] for p in counts.index for s in ("design", "music")}
    )


def test_creative_cluster_table_on_sample_flags_hotspot_and_small_town(committed):
    firms = committed[0]
    creative = [s for s, flag in SECTOR_IS_CREATIVE.items() if flag]
    out = cc.creative_cluster_table(
        cc.firm_count_matrix(firms), creative, min_firms=100, min_lq=1.2
    )
    assert sorted(out.index[out["is_cluster"]]) == [
        "Brightwell",
        "Millbrook",
    ]  # stated in the chapter's table
    share = firms.groupby("place")["creative"].mean() / firms["creative"].mean()
    assert out["creative_lq"].to_dict() == pytest.approx(share.to_dict())


@pytest.mark.parametrize(
    ("counts", "creative", "kwargs", "error", "match"),
    [
        ("counts", ["a"], {}, TypeError, "DataFrame"),
        (pd.DataFrame({"a": [1], "b": [2]}), "a", {}, TypeError, "list of column names"),
        (pd.DataFrame({"a": [1], "b": [2]}), [], {}, ValueError, "empty"),
        (pd.DataFrame({"a": [1], "b": [2]}), ["z"], {}, ValueError, "unknown sector"),
        (pd.DataFrame({"a": [1], "b": [2]}), ["a", "b"], {}, ValueError, "every column"),
        (pd.DataFrame({"a": [1], "b": [2]}), ["a"], {"min_firms": 1.5}, TypeError, "min_firms"),
        (pd.DataFrame({"a": [1], "b": [2]}), ["a"], {"min_firms": -1}, ValueError, "min_firms"),
        (pd.DataFrame({"a": [1], "b": [2]}), ["a"], {"min_lq": 0}, ValueError, "min_lq"),
        (pd.DataFrame({"a": [1], "b": [2]}), ["a"], {"level": "x"}, ValueError, "level"),
        (pd.DataFrame({"a": [-1, 2], "b": [2, 2]}), ["a"], {}, ValueError, "negative"),
    ],
)
def test_creative_cluster_table_rejects_bad_input(counts, creative, kwargs, error, match):
    with pytest.raises(error, match=match):
        cc.creative_cluster_table(counts, creative, **kwargs)


def test_firm_count_matrix_by_hand_and_errors():
    out = cc.firm_count_matrix(FIRMS)
    assert (
        out.loc["A", "retail"] == 2 and out.loc["B", "design"] == 1 and out.loc["B", "retail"] == 0
    )
    with pytest.raises(ValueError, match="missing required column"):
        cc.firm_count_matrix(FIRMS, place="region")
    with pytest.raises(ValueError, match="missing values"):
        cc.firm_count_matrix(FIRMS.assign(sector=None))
    with pytest.raises(TypeError, match="DataFrame"):
        cc.firm_count_matrix([1])


def test_creative_presence_share_and_density_by_hand():
    firms = pd.DataFrame({"district": ["a", "a", "a", "b", "b"], "creative": [1, 0, 0, 1, 1]})
    assert cc.creative_presence(firms).tolist() == pytest.approx([0, 0.5, 0.5, 1, 1])
    assert cc.creative_presence(firms, exclude_self=False).tolist() == pytest.approx(
        [1 / 3] * 3 + [1, 1]
    )
    areas = pd.DataFrame({"district": ["a", "b"], "area_km2": [2.0, 4.0]})
    density = cc.creative_presence(firms, measure="density", areas=areas)
    assert density.tolist() == pytest.approx([0, 0.5, 0.5, 0.25, 0.25])
    assert density.name == "creative_density"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.booleans()), min_size=6, max_size=40))
def test_creative_presence_share_is_a_leave_one_out_fraction(rows):
    firms = pd.DataFrame(rows, columns=["district", "creative"])
    sizes = firms["district"].map(firms["district"].value_counts())
    if (sizes < 2).any():
        with pytest.raises(ValueError, match="single firm"):
            cc.creative_presence(firms)
        return
    share = cc.creative_presence(firms)
    assert share.between(0, 1).all()
    total = firms.groupby("district")["creative"].transform("sum")
    assert np.allclose(share * (sizes - 1) + firms["creative"], total)


@pytest.mark.parametrize(
    ("firms", "kwargs", "match"),
    [
        (pd.DataFrame({"district": ["a"]}), {}, "missing required column"),
        (pd.DataFrame({"district": ["a", "a"], "creative": [1, 3]}), {}, "0/1"),
        (pd.DataFrame({"district": ["a", "b", "b"], "creative": [1, 0, 1]}), {}, "single firm"),
        (
            pd.DataFrame({"district": ["a", "a"], "creative": [1, 0]}),
            {"measure": "count"},
            "measure",
        ),
        (
            pd.DataFrame({"district": ["a", "a"], "creative": [1, 0]}),
            {"measure": "density"},
            "needs areas",
        ),
        (
            pd.DataFrame({"district": ["a", "a"], "creative": [1, 0]}),
            {"measure": "density", "areas": pd.DataFrame({"district": ["b"], "area_km2": [1.0]})},
            "no size",
        ),
        (
            pd.DataFrame({"district": ["a", "a"], "creative": [1, 0]}),
            {"measure": "density", "areas": pd.DataFrame({"district": ["a"], "area_km2": [0.0]})},
            "positive",
        ),
        (pd.DataFrame({"district": ["a", None], "creative": [1, 0]}), {}, "missing values"),
    ],
)
def test_creative_presence_rejects_bad_input(firms, kwargs, match):
    with pytest.raises(ValueError, match=match):
        cc.creative_presence(firms, **kwargs)
    with pytest.raises(TypeError, match="exclude_self"):
        cc.creative_presence(
            pd.DataFrame({"district": ["a", "a"], "creative": [1, 0]}), exclude_self=1
        )


def test_area_innovation_rates_by_hand_and_errors():
    firms = pd.DataFrame(
        {
            "district": ["a", "a", "a", "b", "b"],
            "place": ["P"] * 5,
            "creative": [1, 0, 0, 0, 0],
            "product_innovation": [1, 1, 0, 0, 0],
        }
    )
    out = cc.area_innovation_rates(firms)
    assert out.to_dict("list") == {
        "district": ["a", "b"],
        "place": ["P", "P"],
        "creative_share": [1 / 3, 0.0],
        "innovation_rate": [0.5, 0.0],
        "firms": [2, 2],
    }
    with pytest.raises(ValueError, match="no non-creative firms"):
        cc.area_innovation_rates(firms.assign(creative=[1, 0, 0, 1, 1]))
    with pytest.raises(ValueError, match="more than one place"):
        cc.area_innovation_rates(firms.assign(place=["P", "Q", "P", "P", "P"]))
    with pytest.raises(ValueError, match="0/1"):
        cc.area_innovation_rates(firms.assign(product_innovation=2))
    with pytest.raises(ValueError, match="missing required column"):
        cc.area_innovation_rates(firms.drop(columns="place"))


# ---------------------------------------------------------------------------
# models
# ---------------------------------------------------------------------------


def test_layer_model_recovers_known_coefficients_and_ame_formula():
    data = simulated_logit()
    result = cc.fit_layer_model(data)
    effects = cc.layer_effects(result)
    truth = np.exp([0.1, 0.2, 0.4])
    assert ((effects["or_ci_lower"] < truth) & (truth < effects["or_ci_upper"])).all()
    assert effects["odds_ratio"].to_numpy() == pytest.approx(
        np.exp(result.params[list(cc.LAYER_COUNT_COLUMNS)])
    )
    p = result.predict(data)
    assert effects["ame"].to_numpy() == pytest.approx(
        (p * (1 - p)).mean() * result.params[list(cc.LAYER_COUNT_COLUMNS)].to_numpy()
    )
    assert effects["layer"].tolist() == list(cc.LAYERS)


def test_layer_model_on_sample_recovers_truth_and_ranking(committed):
    """The chapter says every true value lies in its interval and the ranking is right."""
    profile = committed[3]
    result = cc.fit_layer_model(
        profile[profile["creative"] == 1], controls=list(analysis.SETTINGS.controls)
    )
    effects = cc.layer_effects(result).set_index("layer")
    for layer, beta in samples.TRUE_LAYER_EFFECTS.items():
        assert effects.loc[layer, "or_ci_lower"] < np.exp(beta) < effects.loc[layer, "or_ci_upper"]
    assert effects["ame"].sort_values(ascending=False).index.tolist() == [
        "cross_sector",
        "external",
        "local",
    ]


def test_layer_scenario_probabilities_match_predict():
    data = simulated_logit(n=3000)
    result = cc.fit_layer_model(data)
    new = pd.DataFrame({"n_local": [0, 2], "n_external": [0, 1], "n_cross_sector": [0, 3]})
    out = cc.layer_scenario_probabilities(result, new)
    assert out["probability"].to_numpy() == pytest.approx(result.predict(new).to_numpy())
    assert ((out["ci_lower"] < out["probability"]) & (out["probability"] < out["ci_upper"])).all()
    assert out["ci_lower"].between(0, 1).all() and out["ci_upper"].between(0, 1).all()
    with pytest.raises(ValueError, match="cannot be used"):
        cc.layer_scenario_probabilities(result, pd.DataFrame({"n_local": [1]}))
    with pytest.raises(ValueError, match="empty"):
        cc.layer_scenario_probabilities(result, new.iloc[:0])
    with pytest.raises(TypeError, match="fitted logit"):
        cc.layer_scenario_probabilities("model", new)


def test_spillover_effects_and_curve_match_manual_computation():
    rng = np.random.default_rng(5)
    data = pd.DataFrame({"creative_share": rng.uniform(0, 0.4, 4000)})
    data["product_innovation"] = (
        rng.random(4000) < 1 / (1 + np.exp(-(-1 + 2.0 * data["creative_share"])))
    ).astype(int)
    result = cc.fit_spillover_model(data)
    out = cc.spillover_effects(result, per=0.1)
    b = result.params["creative_share"]
    assert out["odds_ratio"] == pytest.approx(np.exp(0.1 * b))
    doubled = result.predict(data.assign(creative_share=2 * data["creative_share"])).mean()
    assert out["doubling_ratio"] == pytest.approx(doubled / result.predict(data).mean())
    assert out["doubling_ci_lower"] < out["doubling_ratio"] < out["doubling_ci_upper"]
    assert out["or_ci_lower"] < np.exp(0.2) < out["or_ci_upper"]
    curve = cc.spillover_curve(result, grid=[0.0, 0.2])
    assert curve["probability"].tolist() == pytest.approx(
        [result.predict(data.assign(creative_share=value)).mean() for value in (0.0, 0.2)]
    )
    assert (curve["ci_lower"] < curve["probability"]).all()
    assert result.model.exog[:, 1].max() <= 0.4  # the model's own data were not overwritten


def test_spillover_on_sample_recovers_truth_and_naive_overstates(committed):
    firms = committed[0]
    others = firms.assign(creative_share=cc.creative_presence(firms))
    others = others[others["creative"] == 0]
    fixed = cc.spillover_effects(
        cc.fit_spillover_model(
            others, controls=list(analysis.SETTINGS.controls), cluster="district"
        )
    )
    naive = cc.spillover_effects(
        cc.fit_spillover_model(
            others, controls=["np.log(employees)", "C(sector)"], cluster="district"
        )
    )
    assert fixed["or_ci_lower"] < np.exp(0.1 * samples.TRUE_SPILLOVER) < fixed["or_ci_upper"]
    truth = samples.true_spillover_doubling(others, others["creative_share"])
    assert fixed["doubling_ci_lower"] < truth < fixed["doubling_ci_upper"]
    assert naive["odds_ratio"] > fixed["odds_ratio"]  # stated in the chapter
    uplift = claim("creative_inputs")["claimed_low"] / 100
    assert truth == pytest.approx(1 + uplift, abs=0.03)  # the calibration target


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (
            lambda d: cc.fit_layer_model(d.drop(columns="n_local")),
            ValueError,
            "missing required column",
        ),
        (lambda d: cc.fit_layer_model(d, outcome="n_local"), ValueError, "0/1"),
        (lambda d: cc.fit_layer_model(d, layers="n_local"), TypeError, "list of strings"),
        (lambda d: cc.fit_layer_model(d, controls=[1]), TypeError, "non-empty strings"),
        (lambda d: cc.fit_layer_model(d, controls=["C(nowhere)"]), ValueError, "cannot build"),
        (lambda d: cc.fit_layer_model(d.to_numpy()), TypeError, "DataFrame"),
        (lambda d: cc.fit_layer_model(d.assign(n_local="x")), TypeError, "non-numeric"),
        (lambda d: cc.layer_effects("result"), TypeError, "fitted logit"),
        (
            lambda d: cc.layer_effects(cc.fit_layer_model(d), layers=["n_other"]),
            ValueError,
            "not in the model",
        ),
        (lambda d: cc.layer_effects(cc.fit_layer_model(d), alpha=1.5), ValueError, "alpha"),
        (
            lambda d: cc.fit_spillover_model(d, presence="creative_share"),
            ValueError,
            "missing required column",
        ),
        (
            lambda d: cc.spillover_effects(cc.fit_layer_model(d), "creative_share"),
            ValueError,
            "not a term",
        ),
        (
            lambda d: cc.spillover_effects(cc.fit_layer_model(d), "n_local", per=0),
            ValueError,
            "per",
        ),
        (lambda d: cc.spillover_effects(None), TypeError, "fitted logit"),
        (
            lambda d: cc.spillover_curve(cc.fit_layer_model(d), "n_local", grid=[]),
            ValueError,
            "at least one",
        ),
        (
            lambda d: cc.spillover_curve(cc.fit_layer_model(d), "n_local", grid=["a"]),
            TypeError,
            "numeric",
        ),
        (lambda d: cc.spillover_curve(cc.fit_layer_model(d), "share"), ValueError, "not a term"),
        (lambda d: cc.spillover_curve(None), TypeError, "fitted logit"),
    ],
)
def test_model_helpers_reject_bad_input(call, error, match):
    data = simulated_logit(n=500)
    with pytest.raises(error, match=match):
        call(data)


# ---------------------------------------------------------------------------
# sensitivity
# ---------------------------------------------------------------------------


def test_perturb_ties_identity_thinning_and_closure():
    path = pd.DataFrame({"source": [1, 2, 3], "target": [2, 3, 4]})
    pd.testing.assert_frame_equal(cc.perturb_ties(path), path)
    half = cc.perturb_ties(
        pd.DataFrame({"source": range(100), "target": range(1, 101)}), keep=0.5, seed=1
    )
    assert len(half) == 50 and (half["target"] == half["source"] + 1).all()
    closed = cc.perturb_ties(path, add_closure=2 / 3, seed=1)
    added = {tuple(sorted(pair)) for pair in closed.iloc[3:].itertuples(index=False, name=None)}
    assert added == {(1, 3), (2, 4)}  # the only open triangles of a 4-path
    with pytest.raises(ValueError, match="open triangles"):
        cc.perturb_ties(path, add_closure=1.0)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.2, 1.0), st.floats(0.0, 0.3))
def test_perturb_ties_properties(seed, keep, add):
    graph = nx.gnm_random_graph(60, 150, seed=seed)
    ties = pd.DataFrame(list(graph.edges()), columns=["source", "target"])
    out = cc.perturb_ties(ties, keep=keep, add_closure=add, seed=seed)
    kept = int(round(keep * len(ties)))
    original = {tuple(sorted(e)) for e in graph.edges()}
    pairs = [tuple(sorted(p)) for p in out.itertuples(index=False, name=None)]
    assert len(set(pairs)) == len(pairs)  # no duplicates, no self-loops
    assert all(u != v for u, v in pairs)
    assert set(pairs[:kept]) <= original
    assert len(pairs) == kept + int(round(add * kept))
    thinned = nx.Graph(pairs[:kept])
    for u, v in pairs[kept:]:
        assert not thinned.has_edge(u, v) and set(thinned[u]) & set(thinned[v])  # closes a triangle


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"keep": 0.0}, ValueError, "keep must be > 0"),
        ({"keep": 1.5}, ValueError, "keep"),
        ({"add_closure": -0.1}, ValueError, "add_closure"),
        ({"seed": "x"}, TypeError, "seed"),
    ],
)
def test_perturb_ties_rejects_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        cc.perturb_ties(TIES, **kwargs)
    with pytest.raises(ValueError, match="self-loop"):
        cc.perturb_ties(pd.DataFrame({"source": [1], "target": [1]}))


def test_layer_sensitivity_table(small_economy):
    firms = small_economy["firms"]
    out = cc.layer_sensitivity(
        small_economy["ties"],
        firms,
        {"observed": (1.0, 0.0), "half": (0.5, 0.0)},
        subset=firms["creative"] == 1,
        seed=3,
    )
    assert out["scenario"].tolist() == ["observed"] * 3 + ["half"] * 3
    assert sorted(out.loc[out["scenario"] == "observed", "rank"]) == [1, 2, 3]
    assert out.loc[out["scenario"] == "half", "ties"].iloc[0] == round(
        0.5 * len(small_economy["ties"])
    )
    observed = out[out["scenario"] == "observed"]
    direct = cc.layer_effects(
        cc.fit_layer_model(
            cc.connection_profile(cc.classify_ties(small_economy["ties"], firms), firms).loc[
                firms["creative"] == 1
            ]
        )
    )
    assert observed["ame"].to_numpy() == pytest.approx(direct["ame"].to_numpy())
    with pytest.raises(TypeError, match="mapping"):
        cc.layer_sensitivity(small_economy["ties"], firms, [(1.0, 0.0)])
    with pytest.raises(ValueError, match="empty"):
        cc.layer_sensitivity(small_economy["ties"], firms, {})
    with pytest.raises(ValueError, match="pair"):
        cc.layer_sensitivity(small_economy["ties"], firms, {"x": 1.0})
    with pytest.raises(TypeError, match="boolean"):
        cc.layer_sensitivity(
            small_economy["ties"], firms, {"x": (1.0, 0.0)}, subset=firms["creative"]
        )
    with pytest.raises(ValueError, match="same index"):
        cc.layer_sensitivity(
            small_economy["ties"],
            firms,
            {"x": (1.0, 0.0)},
            subset=(firms["creative"] == 1).iloc[:10],
        )


# ---------------------------------------------------------------------------
# real data: bridges
# ---------------------------------------------------------------------------


def test_sector_bridges_and_summary_by_hand():
    memberships = pd.DataFrame(
        {"org_id": [1, 1, 1, 2, 2, 3], "dps_cluster_name": ["a", "b", "c", "b", "a", "c"]}
    )
    bridges = cc.sector_bridges(memberships)
    assert bridges.to_numpy().tolist() == [["a", "b", 2], ["a", "c", 1], ["b", "c", 1]]
    summary = cc.bridging_summary(memberships)
    assert summary == {
        "organisations": 3,
        "sectors": 3,
        "multi_sector": 2,
        "share_multi_sector": 2 / 3,
        "max_sectors": 3,
        "mean_sectors": 2.0,
        "bridged_pairs": 3,
        "possible_pairs": 3,
    }
    assert cc.sector_bridge_degree(bridges).to_dict() == {"a": 2, "b": 2, "c": 2}


def test_bridges_on_real_data_match_the_source_notes():
    organisations = clusternet.data.load("us_cluster_organisations")
    summary = cc.bridging_summary(organisations)
    # SOURCE.md: 145 organisations, 42 clusters, 51 serve more than one cluster (at most 10)
    assert (
        summary["organisations"],
        summary["sectors"],
        summary["multi_sector"],
        summary["max_sectors"],
    ) == (145, 42, 51, 10)
    assert summary["possible_pairs"] == 42 * 41 // 2
    traded = set(clusternet.data.load("dps2016_related_clusters")["cluster_name"])
    served = set(organisations["dps_cluster_name"])
    assert (len(served & traded), len(served - traded)) == (31, 11)  # README: 31 traded, 11 local
    assert all(name.startswith("Local") for name in served - traded)
    bridges = cc.sector_bridges(organisations)
    top = bridges.iloc[0]
    assert (top["sector_a"], top["sector_b"], top["organisations"]) == (
        "Biopharmaceuticals",
        "Medical Devices",
        8,
    )
    second = set(bridges.iloc[1][["sector_a", "sector_b"]])
    assert second == {"Electric Power Generation and Transmission", "Local Utilities"}
    metals = {
        "Downstream Metal Products",
        "Metalworking Technology",
        "Upstream Metal Manufacturing",
    }
    assert all(
        set(row) <= metals
        for row in bridges.iloc[2:5][["sector_a", "sector_b"]].itertuples(index=False)
    )
    # a brute-force projection agrees
    graph = nx.Graph()
    for _, group in organisations.groupby("org_id"):
        names = sorted(group["dps_cluster_name"])
        graph.add_edges_from((a, b) for i, a in enumerate(names) for b in names[i + 1 :])
    assert graph.number_of_edges() == summary["bridged_pairs"] == len(bridges)


def test_bridge_relatedness_by_hand_and_on_real_data():
    memberships = pd.DataFrame({"org_id": [1, 1, 2, 2], "dps_cluster_name": ["a", "b", "b", "c"]})
    relatedness = pd.DataFrame(
        {
            "cluster_name": ["a", "b", "a", "b"],
            "cluster_name_2": ["b", "a", "c", "c"],
            "cr_all_pc": [80, 100, 10, 70],
        }
    )
    out = cc.bridge_relatedness(memberships, relatedness, n_boot=200, seed=1)
    # a-b scored both ways: mean 90; b-c 70; all pairs: (90 + 10 + 70) / 3
    assert isinstance(out, cc.BridgeRelatedness)
    assert out.estimate == pytest.approx(80.0)
    assert out.mean_all == pytest.approx(170 / 3)
    assert sorted(out.scores) == [70.0, 90.0]
    assert 70 <= out.ci_lower <= out.estimate <= out.ci_upper <= 90
    assert out.std_error > 0 and out.n_boot == 200
    # the same seed gives the same interval; a bootstrap draw depends only on which
    # organisations it holds (one organisation per draw: 90, 70, or both: 80)
    again = cc.bridge_relatedness(memberships, relatedness, n_boot=200, seed=1)
    assert (again.ci_lower, again.ci_upper, again.std_error) == (
        out.ci_lower,
        out.ci_upper,
        out.std_error,
    )
    organisations = clusternet.data.load("us_cluster_organisations")
    related = cc.bridge_relatedness(
        organisations, clusternet.data.load("dps2016_related_clusters"), n_boot=200, seed=1
    )
    assert (
        related.pairs_scored + related.pairs_unscored
        == cc.bridging_summary(organisations)["bridged_pairs"]
    )
    assert related.pairs_scored == len(related.scores)
    assert related.mean_all == pytest.approx(49.5, abs=0.1)  # percentiles average about 50
    assert related.ci_lower > related.mean_all


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (
            lambda m, r: cc.sector_bridges(m.drop(columns="org_id")),
            ValueError,
            "missing required column",
        ),
        (lambda m, r: cc.sector_bridges(pd.concat([m, m])), ValueError, "more than once"),
        (lambda m, r: cc.sector_bridges(m.iloc[:0]), ValueError, "empty"),
        (lambda m, r: cc.sector_bridges(m.assign(org_id=None)), ValueError, "missing values"),
        (lambda m, r: cc.bridging_summary("m"), TypeError, "DataFrame"),
        (
            lambda m, r: cc.sector_bridge_degree(pd.DataFrame({"sector_a": []})),
            ValueError,
            "missing required column",
        ),
        (
            lambda m, r: cc.sector_bridge_degree(pd.DataFrame({"sector_a": [], "sector_b": []})),
            ValueError,
            "empty",
        ),
        (
            lambda m, r: cc.bridge_relatedness(m, r.drop(columns="cr_all_pc")),
            ValueError,
            "missing required column",
        ),
        (
            lambda m, r: cc.bridge_relatedness(m, r.assign(cr_all_pc="high")),
            TypeError,
            "non-numeric",
        ),
        (lambda m, r: cc.bridge_relatedness(m, r, n_boot=10), ValueError, "n_boot"),
        (lambda m, r: cc.bridge_relatedness(m, r, n_boot=200.0), TypeError, "n_boot"),
        (
            lambda m, r: cc.bridge_relatedness(m, r.assign(cluster_name="z", cluster_name_2="y")),
            ValueError,
            "no bridged pair",
        ),
        (lambda m, r: cc.bridge_relatedness(m, [1]), TypeError, "DataFrame"),
    ],
)
def test_bridge_helpers_reject_bad_input(call, error, match):
    memberships = pd.DataFrame({"org_id": [1, 1], "dps_cluster_name": ["a", "b"]})
    relatedness = pd.DataFrame({"cluster_name": ["a"], "cluster_name_2": ["b"], "cr_all_pc": [50]})
    with pytest.raises(error, match=match):
        call(memberships, relatedness)


# ---------------------------------------------------------------------------
# sample data and key results
# ---------------------------------------------------------------------------


def test_generator_is_seeded_and_validates(small_economy):
    again = samples.make_creative_economy(7, scale=0.25)
    for name in ("districts", "firms", "ties"):
        pd.testing.assert_frame_equal(again[name], small_economy[name])
    other = samples.make_creative_economy(8, scale=0.25)
    assert not other["ties"].equals(small_economy["ties"])
    dense = samples.make_creative_economy(7, scale=0.25, density=2.0)
    assert len(dense["ties"]) > 1.6 * len(small_economy["ties"])
    ties = small_economy["ties"]
    assert (ties["source"] < ties["target"]).all() and not ties.duplicated().any()
    with pytest.raises(ValueError, match="scale"):
        samples.make_creative_economy(1, scale=0)
    with pytest.raises(ValueError, match="density"):
        samples.make_creative_economy(1, density=-1)
    with pytest.raises(TypeError, match="seed"):
        samples.make_creative_economy("seed")


def test_committed_sample_matches_documented_design(committed):
    firms, ties, _, _ = committed
    assert len(firms) == int(samples.PLACES["n_firms"].sum())
    assert firms.groupby("place").size().to_dict() == dict(
        zip(samples.PLACES["place"], samples.PLACES["n_firms"], strict=True)
    )
    creative_by_sector = firms.groupby("sector")["creative"].first().to_dict()
    assert creative_by_sector == SECTOR_IS_CREATIVE
    districts = clusternet.data.load("sample_creative_districts")
    assert set(firms["district"]) == set(districts["district"])
    assert len(districts) == int(samples.PLACES["n_districts"].sum())


def test_true_spillover_doubling_known_values():
    firms = pd.DataFrame(
        {"place": ["Larchester"], "sector": ["business_services"], "employees": [10]}
    )
    assert samples.true_spillover_doubling(firms, [0.0]) == 1.0
    assert samples.true_spillover_doubling(firms, [0.2]) > 1.0
    with pytest.raises(ValueError, match="one value per firm"):
        samples.true_spillover_doubling(firms, [0.1, 0.2])


@pytest.mark.slow
def test_key_results_match_expected_file():
    results = check_key_results(analysis, "creative-connections")
    assert set(results) == set(expected_numbers("creative-connections"))
    assert results["nesta_sensitivity_ranking_held"] == len(analysis.SETTINGS.sensitivity_scenarios)
    assert (
        results["nesta_or_cross_sector"]
        > results["nesta_or_external"]
        > results["nesta_or_local"]
        > 1
    )


# ---------------------------------------------------------------------------
# planted truths, vocabularies and the book module
# ---------------------------------------------------------------------------


def test_true_effects_file_records_the_generator_constants():
    truth = clusternet.data.load("sample_creative_true_effects")
    creative = truth[truth["model"] == "creative"].set_index("term")["coefficient"]
    for layer, beta in samples.TRUE_LAYER_EFFECTS.items():
        assert creative[f"n_{layer}"] == beta  # exactly: the chapter's true values read these
    other = truth[truth["model"] == "non_creative"].set_index("term")["coefficient"]
    assert other["creative_share"] == samples.TRUE_SPILLOVER
    places = [term.removeprefix("place=") for term in other.index if term.startswith("place=")]
    assert places == list(SAMPLE_PLACES)
    pd.testing.assert_frame_equal(truth, samples.true_effects_table(), check_dtype=False)


def test_catalog_vocabularies_match_the_generator():
    assert tuple(samples.PLACES["place"]) == SAMPLE_PLACES
    assert dict(zip(samples.PLACES["place"], samples.PLACES["profile"], strict=True)) == (
        SAMPLE_PLACE_PROFILES
    )
    assert sorted(SECTOR_IS_CREATIVE) == sorted(
        clusternet.data.load("sample_creative_firms")["sector"].unique()
    )


def test_book_true_doubling_from_the_file_equals_the_generator(committed):
    firms = committed[0]
    share = cc.creative_presence(firms)
    others = firms[firms["creative"] == 0]
    from_file = _true_spillover_doubling(others, share[others.index])
    assert from_file == samples.true_spillover_doubling(others, share[others.index])
    assert from_file == pytest.approx(1.236, abs=5e-4)  # the README's calibration figure


def test_book_cluster_step_publishes_the_table_values():
    economy = analysis.sample_economy()
    clusters = analysis.creative_clusters(economy)
    table = clusters.table
    assert list(table.index) == list(SAMPLE_PLACES)
    assert table.index[table["is_cluster"]].tolist() == ["Brightwell", "Millbrook"]  # as the prose
    published = clusters.published
    assert published["nesta_hotspot_creative_lq"].value == table.loc["Brightwell", "creative_lq"]
    assert (
        published["nesta_fernmoor_creative_firms"].value == table.loc["Fernmoor", "creative_firms"]
    )
    assert published["nesta_cluster_min_lq"].value == analysis.SETTINGS.cluster_min_lq
    assert economy.published["nesta_sample_firms"].value == len(economy.firms)
    assert all(name.startswith("nesta_") for name in [*published, *economy.published])
    with pytest.raises(dataclasses.FrozenInstanceError):
        analysis.SETTINGS.n_boot = 10


def test_book_studio_step_ranks_the_scenarios():
    layers = analysis.tie_layers(analysis.sample_economy())
    studio = analysis.studio_prospects(analysis.innovation_by_layer(layers))
    probability = studio.predicted["probability"]
    assert probability.iloc[0] < probability.iloc[1] < probability.iloc[2]
    assert set(studio.published) == {
        f"nesta_studio_{key}{end}"
        for key in ("none", "local", "mixed")
        for end in ("", "_ci_lower", "_ci_upper")
    }


# ---------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------


def test_figures_draw_and_validate(committed):
    firms, ties, classified, profile = committed
    ax = figures.plot_place_network(classified, "Millbrook", n_firms=10, seed=1)
    assert [text.get_text() for text in ax.get_legend().get_texts()] == [
        "Local",
        "External",
        "Cross-sector",
        "Creative firm",
        "Other local firm",
        "Firms in another place",
    ]
    again = figures.plot_place_network(classified, "Millbrook", n_firms=10, seed=1)
    assert [c.get_offsets().tolist() for c in again.collections] == [
        c.get_offsets().tolist() for c in ax.collections
    ]  # seeded: the same sample and layout
    shares = cc.layer_shares(profile[profile["creative"] == 1])
    assert len(figures.plot_layer_mix(shares).patches) >= 3 * len(shares)
    effects = pd.DataFrame(
        {
            "layer": list(cc.LAYERS),
            "odds_ratio": [1.1, 1.2, 1.3],
            "or_ci_lower": [1.0] * 3,
            "or_ci_upper": [1.4] * 3,
        }
    )
    ax = figures.plot_layer_effects(effects, truth=samples.TRUE_LAYER_EFFECTS)
    diamonds = [line for line in ax.lines if line.get_marker() == "D"]
    assert [float(line.get_xdata()[0]) for line in diamonds] == pytest.approx(
        np.exp([samples.TRUE_LAYER_EFFECTS[layer] for layer in cc.LAYERS])
    )
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Estimate", "True value"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Local", "External", "Cross-sector"]
    curve = pd.DataFrame(
        {
            "presence": [0, 0.5],
            "probability": [0.3, 0.5],
            "ci_lower": [0.2, 0.4],
            "ci_upper": [0.4, 0.6],
        }
    )
    rates = cc.area_innovation_rates(firms)
    ax = figures.plot_spillover(rates, curve)
    assert list(ax.lines[0].get_ydata()) == pytest.approx([0.3, 0.5])  # the model's curve
    # collection 0 is the interval band, then one scatter per place: a point per district
    assert sum(len(c.get_offsets()) for c in ax.collections[1:]) == len(rates)
    table = pd.DataFrame(
        {
            "scenario": ["a"] * 3,
            "layer": list(cc.LAYERS),
            "ame": [0.1] * 3,
            "ame_ci_lower": [0.0] * 3,
            "ame_ci_upper": [0.2] * 3,
        }
    )
    ax = figures.plot_layer_sensitivity(table)
    assert len(ax.containers) == 3  # one error bar per layer
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Local",
        "External",
        "Cross-sector",
    ]
    ax = figures.plot_bridge_relatedness([10, 60, 90], mean_all=50.0)
    assert sum(patch.get_height() for patch in ax.patches) == 3
    assert [line.get_xdata()[0] for line in ax.lines] == pytest.approx([50.0, 160 / 3])
    with pytest.raises(ValueError, match="no creative firms"):
        figures.plot_place_network(classified, "Atlantis")
    with pytest.raises(ValueError, match="missing required column"):
        figures.plot_place_network(ties, "Millbrook")
    with pytest.raises(ValueError, match="missing required column"):
        figures.plot_layer_mix(profile.drop(columns="share_local"))
    with pytest.raises(ValueError, match="missing required column"):
        figures.plot_layer_effects(profile)
    with pytest.raises(ValueError, match="missing required column"):
        figures.plot_spillover(firms, curve)
    with pytest.raises(ValueError, match="missing required column"):
        figures.plot_layer_sensitivity(firms)
    with pytest.raises(ValueError, match="between 0 and 100"):
        figures.plot_bridge_relatedness([120], mean_all=50.0)
    with pytest.raises(ValueError, match="empty"):
        figures.plot_bridge_relatedness([], mean_all=50.0)
    with pytest.raises(TypeError, match="DataFrame"):
        figures.plot_layer_mix([1])
