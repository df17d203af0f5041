"""Tests of the measures of clusternet.clusters: known answers, invariants (hypothesis), bad input.

The growth regression is tested in ``test_clusters_dps.py``; the chapter's book module, the
real-data tables and the figures in ``test_clusters_book.py``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import clusternet
from clusternet import clusters as cl
from clusternet.clusters import strength

SETTINGS = settings(max_examples=40, deadline=None)


def small():
    """Two regions, three industries: r1 = 100 jobs, r2 = 60 jobs, total 160."""
    return pd.DataFrame({"a": [10, 30], "b": [30, 30], "c": [60, 0]}, index=["r1", "r2"])


@st.composite
def count_matrices(draw, min_regions=2, max_regions=6, min_industries=2, max_industries=7):
    n_r = draw(st.integers(min_regions, max_regions))
    n_i = draw(st.integers(min_industries, max_industries))
    values = draw(arrays(np.int64, (n_r, n_i), elements=st.integers(1, 500)))
    return pd.DataFrame(
        values, index=[f"r{k}" for k in range(n_r)], columns=[f"i{k}" for k in range(n_i)]
    )


def test_location_quotient_worked_by_hand():
    lq = cl.location_quotient(small())
    # a: r1 share 10/100 over national 40/160 = 0.4; r2: 30/60 over 0.25 = 2
    assert lq.loc["r1", "a"] == pytest.approx(0.4)
    assert lq.loc["r2", "a"] == pytest.approx(2.0)
    assert lq.loc["r1", "c"] == pytest.approx(0.6 / (60 / 160))
    assert lq.loc["r2", "c"] == 0


def test_long_to_matrix_fills_missing_pairs_with_zero_and_keeps_integers():
    table = pd.DataFrame({"r": ["A", "A", "B"], "i": ["x", "y", "x"], "n": [1, 2, 3]})
    matrix = clusternet.long_to_matrix(table, "r", "i", "n")
    assert matrix.loc["B", "y"] == 0
    assert pd.api.types.is_integer_dtype(matrix["x"])


def test_aggregate_and_cluster_lq_worked_by_hand():
    mapping = {"a": "X", "b": "X", "c": "Y"}
    summed = cl.aggregate_to_clusters(small(), mapping)
    assert summed.to_dict() == {"X": {"r1": 40, "r2": 60}, "Y": {"r1": 60, "r2": 0}}
    lq = cl.cluster_location_quotient(small(), pd.Series(mapping))
    assert lq.loc["r1", "X"] == pytest.approx(0.4 / (100 / 160))
    assert lq.loc["r1", "Y"] == pytest.approx(0.6 / (60 / 160))


def test_mapping_may_list_more_industries_than_the_matrix():
    mapping = {"a": "X", "b": "X", "c": "Y", "zzz": "Z"}
    assert list(cl.aggregate_to_clusters(small(), mapping).columns) == ["X", "Y"]


def four_regions():
    return pd.DataFrame({"a": [10, 30, 20, 40], "b": [90, 70, 80, 60]}, index=list("pqrs"))


def test_strong_cluster_flags_worked_by_hand():
    flags = cl.strong_cluster_flags(four_regions(), {"a": "A", "b": "B"}).set_index(
        ["region", "cluster"]
    )
    # cluster A: LQ p 0.4, q 1.2, r 0.8, s 1.6; top quarter of 4 regions = only s
    assert flags.loc[("s", "A"), "location_quotient"] == pytest.approx(1.6)
    assert flags.loc[("q", "A"), "meets_lq"]  # 1.2 >= 1.2
    assert not flags.loc[("q", "A"), "in_top_share"]
    assert flags["strong"].sum() == 2
    assert flags.loc[("s", "A"), "strong"] and flags.loc[("p", "B"), "strong"]


def test_strong_cluster_rules_can_be_switched_off_and_floor_applies():
    flags = cl.strong_cluster_flags(
        four_regions(), {"a": "A", "b": "B"}, lq_threshold=0, top_share=1
    )
    assert flags["strong"].all()
    floored = cl.strong_cluster_flags(
        four_regions(), {"a": "A", "b": "B"}, lq_threshold=0, top_share=1, employment_floor=35
    )
    assert set(floored.loc[~floored["strong"], "employment"]) == {10, 30, 20}


def test_top_share_counts_ties_inclusively():
    tied = pd.DataFrame({"a": [10, 10, 5, 5], "b": [10, 10, 15, 15]}, index=list("pqrs"))
    flags = cl.strong_cluster_flags(tied, {"a": "A", "b": "B"}, lq_threshold=0).set_index(
        ["region", "cluster"]
    )
    # p and q tie for the top of cluster A: both are in the top quarter
    assert flags.loc[("p", "A"), "in_top_share"] and flags.loc[("q", "A"), "in_top_share"]
    assert not flags.loc[("r", "A"), "in_top_share"]


def test_star_rating_worked_by_hand():
    stars = cl.star_rating(
        four_regions(),
        {"a": "A", "b": "B"},
        size_top_share=0.25,
        focus_top_share=0.25,
        specialisation_threshold=1.2,
    ).set_index(["region", "cluster"])
    assert list(stars.columns) == [
        "employment",
        "size_star",
        "specialisation_star",
        "focus_star",
        "stars",
    ]
    assert stars.loc[("s", "A"), "stars"] == 3
    assert stars.loc[("q", "A"), "stars"] == 1  # LQ 1.2 only
    assert stars.loc[("q", "B"), "stars"] == 0
    assert (
        stars["stars"] == stars[["size_star", "specialisation_star", "focus_star"]].sum(axis=1)
    ).all()


def test_star_rating_default_thresholds_are_the_documented_ones():
    assert strength.ECO_SIZE_TOP_SHARE == 0.10
    assert strength.ECO_SPECIALISATION_THRESHOLD == 2.0
    assert strength.ECO_FOCUS_TOP_SHARE == 0.10
    assert strength.STRONG_LQ_THRESHOLD == 1.2 and strength.STRONG_TOP_SHARE == 0.25
    m = pd.DataFrame({"a": [1] * 9 + [50], "b": [10] * 10}, index=[f"r{k}" for k in range(10)])
    stars = cl.star_rating(m, {"a": "A", "b": "B"}).set_index(["region", "cluster"])
    # r9 holds 50 of 59 jobs in A: top 10% by size and focus, LQ = (50/60)/(59/159) >= 2
    assert stars.loc[("r9", "A"), "stars"] == 3
    assert stars.loc[("r0", "A"), "stars"] == 0


def test_no_employment_never_earns_size_or_focus_stars():
    m = pd.DataFrame({"a": [0, 0, 0, 5], "b": [5, 5, 5, 5]}, index=list("pqrs"))
    stars = cl.star_rating(m, {"a": "A", "b": "B"}, size_top_share=1, focus_top_share=1)
    zero = stars[stars["employment"] == 0]
    assert not zero["size_star"].any() and not zero["focus_star"].any()


def test_cluster_specialisation_excluding_own_worked_by_hand():
    cs = cl.cluster_specialisation_excluding_own(small(), {"a": "X", "b": "X", "c": "X"})
    # industry a: rest of X is 90 of 100 in r1, 120 of 160 nationally
    assert cs.loc["r1", "a"] == pytest.approx(0.9 / 0.75)
    assert cs.loc["r2", "c"] == pytest.approx(1.0 / (100 / 160))


@SETTINGS
@given(count_matrices(min_industries=4))
def test_cluster_specialisation_equals_lq_of_the_rest_of_the_cluster(matrix):
    half = matrix.shape[1] // 2  # two clusters of at least two industries each
    mapping = {c: ("X" if k < half else "Y") for k, c in enumerate(matrix.columns)}
    cs = cl.cluster_specialisation_excluding_own(matrix, mapping)
    region_totals = matrix.sum(axis=1)
    for industry in matrix.columns:
        rest = matrix[
            [c for c in matrix.columns if mapping[c] == mapping[industry] and c != industry]
        ].sum(axis=1)
        expected = (rest / region_totals) / (rest.sum() / matrix.to_numpy().sum())
        np.testing.assert_allclose(cs[industry].to_numpy(), expected.to_numpy(), rtol=1e-12)


def test_related_strength_with_01_weights_is_the_lq_of_the_union():
    m = pd.DataFrame(
        {"a": [10, 30, 5], "b": [30, 30, 40], "c": [60, 0, 20], "d": [5, 50, 5]},
        index=["r1", "r2", "r3"],
    )
    mapping = {"a": "X", "b": "Y", "c": "Z", "d": "W"}
    w = pd.DataFrame(0, index=list("WXYZ"), columns=list("WXYZ"))
    w.loc["X", ["Y", "Z"]] = 1
    w.loc[["Y", "Z"], "X"] = 1
    w.loc["W", "X"] = w.loc["X", "W"] = 1
    rel = cl.related_cluster_strength(m, mapping, w)
    merged = cl.cluster_location_quotient(m, {"a": "X", "b": "YZ", "c": "YZ", "d": "W"})
    # X is related to Y, Z and W: the union of b, c and d
    union = cl.cluster_location_quotient(m, {"a": "X", "b": "R", "c": "R", "d": "R"})
    np.testing.assert_allclose(rel["X"], union["R"], rtol=1e-12)
    # Y is related to X only
    np.testing.assert_allclose(rel["Y"], merged["X"], rtol=1e-12)


@SETTINGS
@given(count_matrices(min_industries=3), st.floats(0.1, 10))
def test_related_strength_does_not_depend_on_the_scale_of_weights(matrix, scale):
    mapping = {c: f"C{k % 3}" for k, c in enumerate(matrix.columns)}
    labels = sorted(set(mapping.values()))
    w = pd.DataFrame(1.0, index=labels, columns=labels)
    np.testing.assert_allclose(
        cl.related_cluster_strength(matrix, mapping, w),
        cl.related_cluster_strength(matrix, mapping, w * scale),
        rtol=1e-10,
    )


def test_neighbour_strength_is_the_lq_of_the_neighbours_combined():
    m = pd.DataFrame({"a": [10, 30, 20, 5], "b": [30, 30, 20, 50]}, index=["r1", "r2", "r3", "r4"])
    adj = cl.adjacency_from_pairs(
        pd.DataFrame({"x": ["r1", "r2", "r2"], "y": ["r2", "r3", "r4"]}), "x", "y"
    )
    nbr = cl.neighbour_cluster_strength(m, {"a": "A", "b": "B"}, adj)
    national_share_a = m["a"].sum() / m.to_numpy().sum()
    r2_neighbours = m.loc[["r1", "r3", "r4"]]
    assert nbr.loc["r2", "A"] == pytest.approx(
        (r2_neighbours["a"].sum() / r2_neighbours.to_numpy().sum()) / national_share_a
    )
    assert nbr.loc["r4", "A"] == pytest.approx((30 / 60) / national_share_a)


def test_adjacency_from_pairs_is_symmetric_and_keeps_islands():
    adj = cl.adjacency_from_pairs(
        pd.DataFrame({"a": ["WA", "ID"], "b": ["OR", "WA"]}),
        "a",
        "b",
        regions=["HI", "ID", "OR", "WA"],
    )
    assert (adj.to_numpy() == adj.to_numpy().T).all()
    assert adj.loc["HI"].sum() == 0
    assert adj.loc["WA", "ID"] == adj.loc["ID", "WA"] == 1


def test_krugman_index_known_answers():
    opposite = pd.DataFrame({"a": [10, 0], "b": [0, 10]}, index=["r1", "r2"])
    assert cl.krugman_specialisation_index(opposite).tolist() == [1.0, 1.0]
    same_mix = pd.DataFrame({"a": [10, 20], "b": [30, 60]}, index=["r1", "r2"])
    np.testing.assert_allclose(cl.krugman_specialisation_index(same_mix), 0, atol=1e-15)


def test_hoover_index_matches_econgeo_examples():
    # hoover_index man page: pop = (10, 15, 20, 25, 30); EconGeo reports 100 x our values
    pop = pd.Series([10, 15, 20, 25, 30], index=list("abcde"))
    m = pd.DataFrame(
        {
            "x": [0, 10, 10, 30, 50],
            "prop": [10, 15, 20, 25, 30],
            "one": [0, 0, 0, 0, 1],
            "two": [0, 0, 0, 1, 1],
        },
        index=list("abcde"),
    )
    hoover = cl.hoover_localisation_index(m, pop)
    assert hoover["x"] == pytest.approx(0.25)
    assert hoover["prop"] == pytest.approx(0.0, abs=1e-15)
    assert hoover["one"] == pytest.approx(0.70)
    assert hoover["two"] == pytest.approx(0.45)


def _locational_gini_reference(matrix: pd.DataFrame) -> list[float]:
    """A line-by-line translation of EconGeo's locational_gini (R), one industry at a time."""
    values = matrix.to_numpy(dtype=float)
    share = values.sum(axis=1) / values.sum()
    out = []
    for j in range(values.shape[1]):
        ind = values[:, j]
        order = np.argsort(ind / share, kind="stable")
        ind, pop = ind[order], share[order]
        cind = np.cumsum(ind) / np.cumsum(ind).max()
        cpop = np.cumsum(pop) / np.cumsum(pop).max()
        out.append((np.sum(cind[1:] * cpop[:-1]) - np.sum(cind[:-1] * cpop[1:])) / 2)
    return out


def test_locational_gini_known_answers():
    one_region = pd.DataFrame({"x": [10, 0], "y": [0, 10]}, index=["r1", "r2"])
    assert cl.locational_gini(one_region).tolist() == [0.25, 0.25]
    econgeo = pd.DataFrame(
        [
            [100, 0, 0, 0, 0],
            [0, 15, 5, 70, 10],
            [0, 20, 10, 20, 50],
            [0, 25, 30, 5, 40],
            [0, 40, 55, 5, 0],
        ],
        index=[f"R{k}" for k in range(1, 6)],
        columns=[f"I{k}" for k in range(1, 6)],
    )
    np.testing.assert_allclose(
        cl.locational_gini(econgeo), _locational_gini_reference(econgeo), rtol=1e-12
    )
    proportional = pd.DataFrame({"x": [10, 20, 30], "y": [20, 40, 60]}, index=["a", "b", "c"])
    np.testing.assert_allclose(cl.locational_gini(proportional), 0, atol=1e-15)


def test_herfindahl_known_answers():
    m = pd.DataFrame(
        {"a": [5, 10, 1], "b": [5, 0, 1], "c": [0, 0, 1], "d": [0, 0, 1]}, index=["r1", "r2", "r3"]
    )
    assert cl.herfindahl_index(m).tolist() == pytest.approx([0.5, 1.0, 0.25])


@SETTINGS
@given(count_matrices())
def test_index_ranges(matrix):
    krugman = cl.krugman_specialisation_index(matrix)
    assert ((krugman >= -1e-12) & (krugman <= 2 + 1e-12)).all()
    hoover = cl.hoover_localisation_index(matrix)
    assert ((hoover >= -1e-12) & (hoover < 1)).all()
    gini = cl.locational_gini(matrix)
    assert ((gini >= -1e-12) & (gini <= 0.5)).all()
    np.testing.assert_allclose(gini, _locational_gini_reference(matrix), rtol=1e-9, atol=1e-12)
    hhi = cl.herfindahl_index(matrix)
    assert ((hhi >= 1 / matrix.shape[1] - 1e-12) & (hhi <= 1 + 1e-12)).all()


@SETTINGS
@given(count_matrices(), st.integers(2, 9))
def test_lq_invariants(matrix, factor):
    lq = cl.location_quotient(matrix)
    values = matrix.to_numpy(dtype=float)
    national = values.sum(axis=0) / values.sum()
    regional = values.sum(axis=1) / values.sum()
    # each region's LQs average to 1 with national shares as weights, and each industry's
    # LQs average to 1 with regional sizes as weights
    np.testing.assert_allclose(lq.to_numpy() @ national, 1, rtol=1e-12)
    np.testing.assert_allclose(regional @ lq.to_numpy(), 1, rtol=1e-12)
    # scale-free and equivariant under permutation
    np.testing.assert_allclose(cl.location_quotient(matrix * factor), lq, rtol=1e-12)
    flipped = matrix.iloc[::-1, ::-1]
    np.testing.assert_allclose(cl.location_quotient(flipped), lq.iloc[::-1, ::-1], rtol=1e-12)


@SETTINGS
@given(count_matrices())
def test_aggregation_invariants(matrix):
    identity = {c: c for c in matrix.columns}
    np.testing.assert_allclose(
        cl.cluster_location_quotient(matrix, identity), cl.location_quotient(matrix), rtol=1e-12
    )
    mapping = {c: f"C{k % 2}" for k, c in enumerate(matrix.columns)}
    summed = cl.aggregate_to_clusters(matrix, mapping)
    np.testing.assert_allclose(summed.sum(axis=1), matrix.sum(axis=1))
    stars = cl.star_rating(matrix, mapping)
    assert stars["stars"].between(0, 3).all()


def test_crosswalk_majority_ties_and_concordance():
    d = pd.DataFrame(
        {
            "naics6": [
                "325411",
                "325412",
                "325413",
                "325414",
                "339112",
                "339113",
                "339114",
                "339115",
                "336411",
                "336412",
                "336413",
                "722110",
                "722211",
            ],
            "cluster_code": [39, 39, 32, 32, 32, 32, 32, 32, 2, 1, 2, 111, 111],
        }
    )
    cw = cl.naics_cluster_crosswalk(d, concordance={"7225": ["7221", "7222"]}).set_index("naics")
    # 3254 splits 2-2: Biopharma (4 codes in all, half of them here) beats Medical Devices (6, a third)
    assert (
        cw.loc["3254", "cluster"] == 39
        and cw.loc["3254", "tied"]
        and not cw.loc["3254", "confident"]
    )
    assert cw.loc["3364", "cluster"] == 2 and cw.loc["3364", "share_of_codes"] == pytest.approx(
        2 / 3
    )
    assert cw.loc["3391", "confident"]
    assert cw.loc["7225", "cluster"] == 111 and cw.loc["7225", "n_codes"] == 2
    assert cw.loc["7221", "cluster"] == 111  # old codes stay, for data on the older edition


MAPPING = {"a": "X", "b": "X", "c": "Y"}


@pytest.mark.parametrize(
    "call",
    [
        lambda m: cl.location_quotient(m),
        lambda m: cl.aggregate_to_clusters(m, MAPPING),
        lambda m: cl.cluster_location_quotient(m, MAPPING),
        lambda m: cl.strong_cluster_flags(m, MAPPING),
        lambda m: cl.star_rating(m, MAPPING),
        lambda m: cl.cluster_specialisation_excluding_own(m, MAPPING),
        lambda m: cl.krugman_specialisation_index(m),
        lambda m: cl.hoover_localisation_index(m),
        lambda m: cl.locational_gini(m),
        lambda m: cl.herfindahl_index(m),
        lambda m: cl.dps_growth_panel(m, m, MAPPING, years=1),
    ],
)
def test_matrix_helpers_reject_bad_tables(call):
    with pytest.raises(TypeError, match="DataFrame"):
        call(small().to_numpy())
    with pytest.raises(ValueError, match="empty"):
        call(small().iloc[:0])
    with pytest.raises(ValueError, match="negative"):
        call(small().assign(a=[-1, 30]))
    with pytest.raises(ValueError, match="missing|infinite"):
        call(small().assign(a=[np.nan, 30.0]))
    with pytest.raises(TypeError, match="non-numeric"):
        call(small().assign(a=["1", "2"]))


@pytest.mark.parametrize(
    "call",
    [
        lambda m: cl.location_quotient(m),
        lambda m: cl.cluster_location_quotient(m, MAPPING),
        lambda m: cl.krugman_specialisation_index(m),
        lambda m: cl.locational_gini(m),
        lambda m: cl.herfindahl_index(m),
    ],
)
def test_zero_totals_are_named(call):
    with pytest.raises(ValueError, match="regions with zero total: 'r2'"):
        call(pd.DataFrame({"a": [1, 0], "b": [1, 0], "c": [1, 0]}, index=["r1", "r2"]))
    with pytest.raises(ValueError, match="(industries|clusters) with zero total: '(c|Y)'"):
        call(small().assign(c=0))


def test_hoover_allows_empty_regions_but_not_empty_industries_or_bad_reference():
    m = pd.DataFrame({"x": [0, 10]}, index=["a", "b"])
    assert cl.hoover_localisation_index(m, pd.Series([1, 1], index=["a", "b"]))[
        "x"
    ] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="zero total: 'c'"):
        cl.hoover_localisation_index(small().assign(c=0))
    with pytest.raises(TypeError, match="reference"):
        cl.hoover_localisation_index(small(), [1, 2])
    with pytest.raises(ValueError, match="lacks regions"):
        cl.hoover_localisation_index(small(), pd.Series([1], index=["r1"]))
    with pytest.raises(ValueError, match="positive"):
        cl.hoover_localisation_index(small(), pd.Series([1, -1], index=["r1", "r2"]))


def test_mappings_are_checked():
    with pytest.raises(ValueError, match="unassigned: 'c'"):
        cl.aggregate_to_clusters(small(), {"a": "X", "b": "X"})
    with pytest.raises(TypeError, match="mapping must be a dict or pandas Series"):
        cl.cluster_location_quotient(small(), [("a", "X")])
    with pytest.raises(ValueError, match="without a cluster"):
        cl.aggregate_to_clusters(small(), pd.Series({"a": "X", "b": None, "c": "Y"}))
    with pytest.raises(ValueError, match="more than once: 'a'"):
        cl.aggregate_to_clusters(
            small(), pd.Series(["X", "Y", "X", "Y"], index=["a", "a", "b", "c"])
        )
    with pytest.raises(ValueError, match="empty"):
        cl.aggregate_to_clusters(small(), {})
    with pytest.raises(ValueError, match="alone in its cluster.*'c'"):
        cl.cluster_specialisation_excluding_own(small(), MAPPING)


def test_duplicated_labels_are_rejected():
    m = small()
    m.index = ["r1", "r1"]
    with pytest.raises(ValueError, match="duplicated region labels"):
        cl.location_quotient(m)


def test_thresholds_are_checked():
    with pytest.raises(ValueError, match="lq_threshold"):
        cl.strong_cluster_flags(small(), MAPPING, lq_threshold=-1)
    with pytest.raises(TypeError, match="employment_floor"):
        cl.strong_cluster_flags(small(), MAPPING, employment_floor="100")
    with pytest.raises(ValueError, match="top_share"):
        cl.strong_cluster_flags(small(), MAPPING, top_share=0)
    with pytest.raises(ValueError, match="top_share"):
        cl.strong_cluster_flags(small(), MAPPING, top_share=1.5)
    with pytest.raises(ValueError, match="size_top_share"):
        cl.star_rating(small(), MAPPING, size_top_share=0)
    with pytest.raises(ValueError, match="focus_top_share"):
        cl.star_rating(small(), MAPPING, focus_top_share=2)
    with pytest.raises(ValueError, match="specialisation_threshold"):
        cl.star_rating(small(), MAPPING, specialisation_threshold=float("nan"))


def test_relatedness_is_checked():
    mapping = {"a": "X", "b": "Y", "c": "Z"}
    good = pd.DataFrame(1, index=list("XYZ"), columns=list("XYZ"))
    with pytest.raises(TypeError, match="relatedness must be a pandas DataFrame"):
        cl.related_cluster_strength(small(), mapping, good.to_numpy())
    with pytest.raises(ValueError, match="square"):
        cl.related_cluster_strength(small(), mapping, good.iloc[:, :2])
    with pytest.raises(ValueError, match="lacks 1 cluster.*'Z'"):
        cl.related_cluster_strength(small(), mapping, good.loc[["X", "Y"], ["X", "Y"]])
    with pytest.raises(ValueError, match="negative"):
        cl.related_cluster_strength(small(), mapping, good - 2)
    lonely = good.copy()
    lonely.loc["Z"] = 0
    with pytest.raises(ValueError, match="'Z' have no related cluster"):
        cl.related_cluster_strength(small(), mapping, lonely)


def test_adjacency_is_checked():
    m = pd.DataFrame({"a": [1, 2, 3], "b": [3, 2, 1]}, index=["r1", "r2", "r3"])
    mapping = {"a": "A", "b": "B"}
    asym = pd.DataFrame(0, index=m.index, columns=m.index)
    asym.loc["r1", "r2"] = 1
    asym.loc["r2", "r3"] = asym.loc["r3", "r2"] = 1
    with pytest.raises(ValueError, match=r"not symmetric.*\('r1', 'r2'\)"):
        cl.neighbour_cluster_strength(m, mapping, asym)
    loop = asym.copy()
    loop.loc["r2", "r1"] = 1
    loop.loc["r3", "r3"] = 1
    with pytest.raises(ValueError, match="own neighbours: 'r3'"):
        cl.neighbour_cluster_strength(m, mapping, loop)
    island = loop.copy()
    island.loc["r3", "r3"] = 0
    island.loc["r2", "r3"] = island.loc["r3", "r2"] = 0
    with pytest.raises(ValueError, match="regions 'r3' have no neighbour"):
        cl.neighbour_cluster_strength(m, mapping, island)
    with pytest.raises(ValueError, match="lacks 1 region"):
        cl.neighbour_cluster_strength(m, mapping, island.loc[["r1", "r2"], ["r1", "r2"]])


def test_adjacency_from_pairs_rejects_bad_pairs():
    with pytest.raises(TypeError, match="pairs must be a pandas DataFrame"):
        cl.adjacency_from_pairs([("a", "b")], "x", "y")
    with pytest.raises(ValueError, match="missing required column"):
        cl.adjacency_from_pairs(pd.DataFrame({"x": ["a"]}), "x", "y")
    with pytest.raises(ValueError, match="with themselves: 'a'"):
        cl.adjacency_from_pairs(pd.DataFrame({"x": ["a"], "y": ["a"]}), "x", "y")
    with pytest.raises(ValueError, match="not in regions: 'c'"):
        cl.adjacency_from_pairs(
            pd.DataFrame({"x": ["a"], "y": ["c"]}), "x", "y", regions=["a", "b"]
        )
    with pytest.raises(ValueError, match="missing region labels"):
        cl.adjacency_from_pairs(pd.DataFrame({"x": ["a"], "y": [None]}), "x", "y")


def test_crosswalk_rejects_bad_definitions():
    with pytest.raises(TypeError, match="definitions must be a pandas DataFrame"):
        cl.naics_cluster_crosswalk({"naics6": ["111111"]})
    with pytest.raises(ValueError, match="missing required column"):
        cl.naics_cluster_crosswalk(pd.DataFrame({"naics6": ["111111"]}))
    with pytest.raises(ValueError, match="not 4\\+ digits: '11a'"):
        cl.naics_cluster_crosswalk(pd.DataFrame({"naics6": ["11a"], "cluster_code": [1]}))
    with pytest.raises(ValueError, match="twice: '111111'"):
        cl.naics_cluster_crosswalk(
            pd.DataFrame({"naics6": ["111111", "111111"], "cluster_code": [1, 2]})
        )
    with pytest.raises(ValueError, match="old codes not in definitions: '9999'"):
        cl.naics_cluster_crosswalk(
            pd.DataFrame({"naics6": ["111111"], "cluster_code": [1]}),
            concordance={"1112": ["9999"]},
        )
    with pytest.raises(TypeError, match="concordance"):
        cl.naics_cluster_crosswalk(
            pd.DataFrame({"naics6": ["111111"], "cluster_code": [1]}), concordance=[1]
        )
    with pytest.raises(TypeError, match="digits"):
        cl.naics_cluster_crosswalk(
            pd.DataFrame({"naics6": ["111111"], "cluster_code": [1]}), digits=4.0
        )


def test_cluster_measures_accept_an_industry_without_employment():
    m = small().assign(d=0)
    mapping = {**MAPPING, "d": "X"}
    np.testing.assert_allclose(
        cl.cluster_location_quotient(m, mapping), cl.cluster_location_quotient(small(), MAPPING)
    )
    assert len(cl.star_rating(m, mapping)) == 4


def test_neighbour_strength_accepts_a_sparse_adjacency_in_matrix_order():
    from scipy import sparse

    m = pd.DataFrame({"a": [10, 30, 20, 5], "b": [30, 30, 20, 50]}, index=["r1", "r2", "r3", "r4"])
    pairs = pd.DataFrame({"x": ["r1", "r2", "r2"], "y": ["r2", "r3", "r4"]})
    dense = cl.adjacency_from_pairs(pairs, "x", "y")
    mapping = {"a": "A", "b": "B"}
    np.testing.assert_allclose(
        cl.neighbour_cluster_strength(m, mapping, sparse.csr_matrix(dense.to_numpy())),
        cl.neighbour_cluster_strength(m, mapping, dense),
    )
    with pytest.raises(ValueError, match="must be 4 x 4"):
        cl.neighbour_cluster_strength(m, mapping, sparse.csr_matrix(np.zeros((3, 3))))
    asym = dense.to_numpy().astype(float)
    asym[0, 1] = 0
    with pytest.raises(ValueError, match=r"not symmetric.*\('r1', 'r2'\)"):
        cl.neighbour_cluster_strength(m, mapping, sparse.csr_matrix(asym))
    with pytest.raises(ValueError, match="negative"):
        cl.neighbour_cluster_strength(m, mapping, sparse.csr_matrix(-dense.to_numpy()))
