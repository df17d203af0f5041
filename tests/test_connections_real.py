"""Real-data parts of the Nesta chapter: DCMS creative industries of Great Britain (ONS BRES and
IDBR) and the three layers in EU Horizon 2020 consortia (CORDIS)."""

from __future__ import annotations

import shutil

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clusternet
from clusternet import data
from clusternet.book import creative_connections as analysis
from clusternet.catalog.connections import DCMS_CREATIVE_SUBSECTORS
from clusternet.plotting import connections as figures

# ---------------------------------------------------------------------------
# the DCMS list and its loader
# ---------------------------------------------------------------------------


def test_dcms_list_has_31_codes_in_nine_subsectors_all_in_bres():
    codes = data.load("dcms_creative_sic2007")
    assert len(codes) == 31
    assert set(codes["subsector"]) == set(DCMS_CREATIVE_SUBSECTORS)
    assert codes["sic4"].str.fullmatch(r"\d{4}").all()
    assert (codes["sic4"] == codes["sic2007_class"].str.replace(".", "", regex=False)).all()
    bres = data.load("gb_bres_nuts2_sic4")
    assert set(codes["sic4"]) <= set(bres["sic4"])
    # software and computer services: 58.21, 58.29, 62.01, 62.02
    software = codes.loc[codes["subsector"] == "IT, software and computer services", "sic4"]
    assert sorted(software) == ["5821", "5829", "6201", "6202"]


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of the DCMS folder under tmp_path, with CLUSTERNET_DATA pointing at it."""
    shutil.copytree(data.data_dir() / "uk-creative", tmp_path / "uk-creative")
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")  # edited copies: skip the checksum
    return tmp_path / "uk-creative" / "dcms_creative_sic2007.csv"


def test_dcms_loader_rejects_unknown_subsector(data_copy):
    frame = pd.read_csv(data_copy, dtype=str)
    frame.loc[3, "subsector"] = "Fashion"
    frame.to_csv(data_copy, index=False)
    with pytest.raises(data.DataValidationError, match=r"dcms_creative_sic2007\.csv.*'subsector'"):
        data.load("dcms_creative_sic2007")


def test_dcms_loader_rejects_duplicated_code(data_copy):
    frame = pd.read_csv(data_copy, dtype=str)
    frame.loc[1, "sic4"] = frame.loc[0, "sic4"]
    frame.to_csv(data_copy, index=False)
    with pytest.raises(data.DataValidationError, match=r"dcms_creative_sic2007\.csv.*'sic4'"):
        data.load("dcms_creative_sic2007")


def test_dcms_loader_rejects_missing_column(data_copy):
    pd.read_csv(data_copy, dtype=str).drop(columns="subsector").to_csv(data_copy, index=False)
    with pytest.raises(data.DataValidationError, match=r"dcms_creative_sic2007\.csv.*subsector"):
        data.load("dcms_creative_sic2007")


def test_dcms_codes_keep_leading_zeros_as_text(data_copy):
    frame = pd.read_csv(data_copy, dtype=str)
    frame.loc[0, "sic4"] = "0701"
    frame.to_csv(data_copy, index=False)
    assert "0701" in set(data.load("dcms_creative_sic2007")["sic4"])


# ---------------------------------------------------------------------------
# industry_group_matrix and suppressed cells
# ---------------------------------------------------------------------------


def _three_regions():
    # region A: film 20, music 10, other 70 (total 100)
    # region B: film 0, music suppressed, other 100
    # region C: film 30, music 20, other suppressed
    return pd.DataFrame(
        {
            "region": list("AAABBBCCC"),
            "industry": ["5911", "5920", "0111"] * 3,
            "value": [20.0, 10.0, 70.0, 0.0, np.nan, 100.0, 30.0, 20.0, np.nan],
        }
    )


def test_three_region_lq_with_suppressed_cells_by_hand():
    counts = _three_regions()
    groups = {"5911": "film", "5920": "music"}
    matrix = clusternet.industry_group_matrix(counts, groups, missing="zero")
    assert matrix.to_dict("index") == {
        "A": {"film": 20.0, "music": 10.0, "other": 70.0},
        "B": {"film": 0.0, "music": 0.0, "other": 100.0},
        "C": {"film": 30.0, "music": 20.0, "other": 0.0},
    }
    table = clusternet.creative_cluster_table(matrix, ["film", "music"], min_firms=25, min_lq=1.2)
    # creative 30, 0, 50 of totals 100, 100, 50; GB share 80 / 250 = 0.32
    assert table["creative_lq"].to_numpy() == pytest.approx([0.3 / 0.32, 0.0, 1.0 / 0.32])
    assert table["is_cluster"].tolist() == [False, False, True]
    suppressed = clusternet.suppressed_cells(counts, groups)
    assert suppressed["suppressed"].tolist() == [0, 1, 1]
    assert suppressed["suppressed_in_groups"].tolist() == [0, 1, 0]


def test_industry_group_matrix_refuses_suppressed_cells_by_default():
    with pytest.raises(ValueError, match=r"2 suppressed .*'B', '5920'.*missing='zero'"):
        clusternet.industry_group_matrix(_three_regions(), {"5911": "film"})


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda c: c.assign(value=-c["value"]), ValueError, "negative"),
        (lambda c: pd.concat([c, c.iloc[:1]]), ValueError, "more than once"),
        (lambda c: c.drop(columns="industry"), ValueError, "industry"),
        (lambda c: c.assign(value=c["value"].astype(str)), TypeError, "numeric"),
    ],
)
def test_industry_group_matrix_rejects_bad_tables(change, error, message):
    with pytest.raises(error, match=message):
        clusternet.industry_group_matrix(change(_three_regions()), {"5911": "film"}, missing="zero")


def test_industry_group_matrix_rejects_unknown_codes_and_reserved_names():
    counts = _three_regions()
    with pytest.raises(ValueError, match=r"'9999' not in counts"):
        clusternet.industry_group_matrix(counts, {"9999": "film"}, missing="zero")
    with pytest.raises(ValueError, match="reserved"):
        clusternet.industry_group_matrix(counts, {"5911": "other"}, missing="zero")
    with pytest.raises(TypeError, match="mapping"):
        clusternet.industry_group_matrix(counts, ["5911"], missing="zero")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(0, 500), min_size=12, max_size=12),
    st.sets(st.integers(0, 3), min_size=1, max_size=3),
)
def test_group_matrix_rows_sum_to_region_totals_and_lq_averages_one(values, creative):
    counts = pd.DataFrame(
        {
            "region": np.repeat(["r1", "r2", "r3"], 4),
            "industry": [f"{i:04d}" for i in range(4)] * 3,
            "value": np.asarray(values, dtype=float) + 1.0,
        }
    )
    groups = {f"{i:04d}": f"g{i}" for i in sorted(creative)}
    matrix = clusternet.industry_group_matrix(counts, groups)
    totals = counts.groupby("region")["value"].sum()
    assert np.allclose(matrix.sum(axis=1), totals)
    table = clusternet.creative_cluster_table(matrix, list(dict.fromkeys(groups.values())))
    weights = table["firms"] / table["firms"].sum()
    assert (weights * table["creative_lq"]).sum() == pytest.approx(1.0)


# ---------------------------------------------------------------------------
# the GB step against the figures checked in the data's SOURCE.md
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gb():
    return analysis.gb_creative_industries()


def test_gb_creative_shares_and_top_lqs_match_source_checks(gb):
    assert gb.totals.loc[2015, "employment_share"] == pytest.approx(0.043, abs=5e-4)
    assert gb.totals.loc[2018, "employment_share"] == pytest.approx(0.045, abs=5e-4)
    top = gb.regions["employment_lq"].round(1).head(3).tolist()
    assert top == [2.8, 2.4, 1.7]
    assert gb.regions["region"].head(3).tolist() == [
        "Inner London - West",
        "Inner London - East",
        "Berkshire, Buckinghamshire and Oxfordshire",
    ]


def test_gb_regions_exclude_northern_ireland_and_lq_invariant(gb):
    assert len(gb.regions) == 39 and "UKN0" not in gb.regions.index
    weights = gb.regions["creative_employment"] / gb.regions["employment_share"]
    assert np.average(gb.regions["employment_lq"], weights=weights) == pytest.approx(1.0)


def test_gb_clusters_follow_the_thresholds_and_sensitivity_is_monotone(gb):
    flagged = gb.regions[gb.regions["is_cluster"]]
    s = analysis.SETTINGS
    assert (flagged["business_lq"] >= s.cluster_min_lq).all()
    assert (flagged["creative_businesses"] >= s.cluster_min_firms).all()
    assert gb.published["nesta_gb_clusters"].value == len(flagged) == len(gb.cluster_table)
    counts = gb.stability.sort_values("cut_off")["clusters"].to_numpy()
    assert (np.diff(counts) <= 0).all()
    shares = gb.subsectors.groupby("nuts2_code")["share_of_creative"].sum()
    assert np.allclose(shares, 1.0)


def test_gb_growth_matches_totals(gb):
    t = gb.totals
    growth = t.loc[2018, "creative_employment"] / t.loc[2015, "creative_employment"] - 1
    assert gb.published["nesta_gb_creative_growth"].value == pytest.approx(growth)
    gap = gb.growth_gap.set_index("term")
    assert gap.loc["mean gap", "ci_lower"] < gap.loc["mean gap", "estimate"]


# ---------------------------------------------------------------------------
# consortium ties and the three layers in EU consortia
# ---------------------------------------------------------------------------


def test_four_organisation_consortium_layers_by_hand():
    # one project: a German firm, a German university, another German firm, a French firm
    participations = pd.DataFrame(
        {
            "rcn": [1, 1, 1, 1],
            "pic": [10, 20, 30, 40],
            "country": ["DE", "DE", "DE", "FR"],
            "type": ["PRC", "HES", "PRC", "PRC"],
        }
    )
    pairs = clusternet.consortium_ties(participations, project="rcn", organisation="pic")
    assert len(pairs) == 6 and (pairs["projects"] == 1).all()
    orgs = clusternet.organisation_attributes(
        participations, ["country", "type"], organisation="pic"
    )
    sectors = {"PRC": False, "HES": False}
    ties = clusternet.classify_ties(
        pairs, orgs, firm="pic", place="country", sector="type", sectors=sectors
    )
    layers = dict(
        zip(
            zip(ties["source"], ties["target"], strict=True), ties["layer"].astype(str), strict=True
        )
    )
    assert layers == {
        (10, 20): "cross_sector",
        (10, 30): "local",
        (10, 40): "external",
        (20, 30): "cross_sector",
        (20, 40): "external",
        (30, 40): "external",
    }
    profile = clusternet.connection_profile(ties, orgs, firm="pic").set_index("pic")
    assert profile.loc[10, ["n_local", "n_external", "n_cross_sector"]].tolist() == [1, 1, 1]
    assert profile.loc[40, ["n_local", "n_external", "n_cross_sector"]].tolist() == [0, 3, 0]


def test_consortium_ties_counts_shared_projects_and_rejects_repeats():
    p = pd.DataFrame({"project": [1, 1, 2, 2, 3], "organisation": ["a", "b", "a", "b", "c"]})
    assert clusternet.consortium_ties(p).to_dict("list") == {
        "source": ["a"],
        "target": ["b"],
        "projects": [2],
    }
    with pytest.raises(ValueError, match="twice in the same project"):
        clusternet.consortium_ties(pd.concat([p, p.iloc[:1]]))
    with pytest.raises(ValueError, match="organisation"):
        clusternet.consortium_ties(p.drop(columns="organisation"))


def test_organisation_attributes_rejects_varying_country():
    p = pd.DataFrame({"organisation": ["a", "a"], "country": ["DE", "FR"]})
    with pytest.raises(ValueError, match=r"'a' have more than one 'country'"):
        clusternet.organisation_attributes(p, ["country"])


@pytest.fixture(scope="module")
def eu():
    layers = analysis.eu_partner_layers()
    return layers, analysis.eu_layer_outcomes(layers)


def test_eu_layer_shares_sum_to_one_and_external_dominates(eu):
    layers, _ = eu
    total = sum(
        layers.published[f"nesta_eu_{k}_share"].value for k in ("external", "cross", "local")
    )
    assert total == pytest.approx(1.0)
    assert layers.published["nesta_eu_external_share"].value > 0.5
    assert layers.profile["pic"].is_unique


def test_eu_outcome_effects_have_intervals_around_estimates(eu):
    _, outcomes = eu
    e = outcomes.effects
    assert len(e) == 6
    assert (e["ci_lower"] < e["estimate"]).all() and (e["estimate"] < e["ci_upper"]).all()
    assert outcomes.coordination.mle_retvals["converged"]
    assert outcomes.panel["coordinates_later"].isin([0, 1]).all()


def test_real_data_figures_draw():
    regions = pd.DataFrame(
        {
            "region": ["A", "B"],
            "employment_lq": [1.5, 0.8],
            "business_lq": [1.3, 0.9],
            "is_cluster": [True, False],
        }
    )
    ax = figures.plot_creative_ranking(regions, threshold=1.2)
    assert len(ax.patches) == 2
    effects = pd.DataFrame(
        {
            "layer": ["local", "external", "cross_sector"] * 2,
            "outcome": ["odds"] * 3 + ["log"] * 3,
            "estimate": [1.0, 1.1, 0.9, 0.1, 0.2, -0.1],
            "ci_lower": [0.9, 1.0, 0.8, 0.0, 0.1, -0.2],
            "ci_upper": [1.1, 1.2, 1.0, 0.2, 0.3, 0.0],
        }
    )
    axes = figures.plot_partner_effects(effects)
    assert len(axes) == 2
    with pytest.raises(ValueError, match="two outcomes"):
        figures.plot_partner_effects(effects[effects["outcome"] == "odds"])
    plt.close("all")


def test_every_published_number_has_provenance_and_estimates_have_intervals(gb, eu):
    from clusternet.book.published import with_intervals

    economy = analysis.sample_economy()
    layers = analysis.tie_layers(economy)
    model = analysis.innovation_by_layer(layers)
    bridges = analysis.us_bridges()
    steps = {
        "gb": gb,
        "eu_layers": eu[0],
        "eu_outcomes": eu[1],
        "economy": economy,
        "clusters": analysis.creative_clusters(economy),
        "mix": analysis.layer_mix(layers, economy),
        "model": model,
        "spillovers": analysis.creative_spillovers(economy),
        "sensitivity": analysis.network_sensitivity(economy),
        "bridges": bridges,
        "relatedness": analysis.us_bridge_relatedness(bridges),
        "studio": analysis.studio_prospects(model),
    }
    numbers = {n: p for step in steps.values() for n, p in with_intervals(step.published).items()}
    assert not [n for n, p in numbers.items() if p.provenance is None]
    assert not [n for n, p in numbers.items() if p.estimate and p.ci_lower is None]
    kinds = {n: p.provenance.kind for n, p in numbers.items()}
    assert kinds["nesta_gb_creative_share"] == kinds["nesta_eu_coord_or_local"] == "real data"
    assert kinds["nesta_or_cross_sector"] == "sample data"
    assert kinds["nesta_true_or_cross_sector"] == "analysis setting"
    assert kinds["nesta_creative_inputs_uplift"] == "quoted and verified"
    assert numbers["nesta_ame_cross_half"].estimate
    assert all(p.provenance.kind == "sample data" for n, p in numbers.items() if "studio" in n)
