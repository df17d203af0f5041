"""Policy synthesis: the evidence register, its grading rule and number formatting."""

import pandas as pd
import pytest

import clusternet
from clusternet import data, synthesis
from clusternet.book.published import Published, published_values
from clusternet.glue import Provenance

RESULTS = {"r": 1.25, "r_lo": 0.5, "r_hi": 2.0, "share": 0.4567}


def claim(**overrides):
    row = {
        "claim_id": "c1",
        "chapter": "porter-clusters",
        "claim": "An effect",
        "source": "Someone (2000)",
        "source_status": "verified",
        "claimed_low": 1.0,
        "claimed_high": None,
        "claimed_unit": "pp",
        "result_key": "r",
        "lower_key": "r_lo",
        "upper_key": "r_hi",
        "result_unit": "pp",
        "digits": 1,
        "percent": 0,
        "data_kind": "real",
        "caveat": "",
    }
    row.update(overrides)
    return pd.DataFrame([row])


@pytest.mark.parametrize(
    ("status", "kind", "reproduced", "expected"),
    [
        ("verified", "real", True, "tested on real data"),
        ("unverified", "real", True, "tested on real data"),
        ("verified", "sample", True, "method checked on sample data"),
        ("unverified", "sample", True, "method checked on sample data"),
        ("verified", "none", False, "sourced figure, not reproduced"),
        ("verified-secondary", "none", False, "sourced figure, not reproduced"),
        ("unverified", "none", False, "claim, not verified"),
    ],
)
def test_strength_rule(status, kind, reproduced, expected):
    assert synthesis.strength_of_evidence(status, kind, reproduced) == expected


def test_strength_rejects_unknown_labels():
    with pytest.raises(ValueError, match="source_status"):
        synthesis.strength_of_evidence("maybe", "real", True)
    with pytest.raises(ValueError, match="data_kind"):
        synthesis.strength_of_evidence("verified", "fake", True)


def test_format_estimate_with_and_without_bounds():
    assert synthesis.format_estimate(
        RESULTS, "r", lower_key="r_lo", upper_key="r_hi", digits=1
    ) == ("1.2 (95% CI 0.5 to 2.0)")
    assert synthesis.format_estimate(RESULTS, "r", lower_key="r_lo", digits=2, unit="x") == (
        "1.25 x (95% CI 0.50 to no upper limit)"
    )
    assert synthesis.format_estimate(RESULTS, "share", percent=True, digits=0) == "46%"
    with pytest.raises(KeyError, match="nope"):
        synthesis.format_estimate(RESULTS, "nope")
    with pytest.raises(TypeError):
        synthesis.format_estimate([1], "r")


def test_evidence_table_formats_claims_and_reproductions():
    table = synthesis.evidence_table(claim(claimed_low=1.7, claimed_high=3.7), RESULTS)
    assert table.loc[0, "claimed"] == "1.7 to 3.7 pp"
    assert table.loc[0, "reproduction"] == "1.2 pp (95% CI 0.5 to 2.0)"
    assert table.loc[0, "strength"] == "tested on real data"
    plain = synthesis.evidence_table(
        claim(result_key=None, lower_key=None, upper_key=None, claimed_low=27000, data_kind="none"),
        RESULTS,
    )
    assert plain.loc[0, "claimed"] == "27,000 pp"
    assert plain.loc[0, "reproduction"] == "not reproduced here"
    assert plain.loc[0, "strength"] == "sourced figure, not reproduced"
    qualitative = synthesis.evidence_table(claim(claimed_low=None), RESULTS)
    assert qualitative.loc[0, "claimed"] == "qualitative"


def test_evidence_table_bad_input():
    with pytest.raises(ValueError, match="no chapter computes: 'missing'"):
        synthesis.evidence_table(claim(result_key="missing"), RESULTS)
    with pytest.raises(ValueError, match="missing required column"):
        synthesis.evidence_table(claim().drop(columns="caveat"), RESULTS)
    with pytest.raises(TypeError):
        synthesis.evidence_table("claims.csv", RESULTS)
    with pytest.raises(TypeError):
        synthesis.evidence_table(claim(), [1, 2])
    with pytest.raises(ValueError, match="unknown chapter"):
        synthesis.chapter_results(["nope"])


def test_register_statuses_follow_the_research_notes():
    claims = data.load("evidence_claims").set_index("claim_id")
    # figures the research notes (papers.md) mark UNVERIFIED must never be graded as verified
    for claim_id in (
        "combined_growth",
        "pipeline_odds",
        "pipeline_fourfold",
        "regional_share",
        "canada_ey",
    ):
        assert claims.loc[claim_id, "source_status"] == "unverified", claim_id
    assert claims.loc["canada_pbo", "claimed_low"] == 27000
    assert claims.loc["canada_budget", "claimed_low"] == 918
    assert (
        claims.loc["combined_growth", "claimed_low"],
        claims.loc["combined_growth", "claimed_high"],
    ) == (1.7, 3.7)


@pytest.mark.slow
def test_every_claim_names_a_result_the_chapters_compute():
    claims = data.load("evidence_claims")
    results = synthesis.chapter_results()
    table = synthesis.evidence_table(claims, results)
    assert len(table) == len(claims)
    assert set(table["strength"]) <= set(synthesis.STRENGTH_LEVELS)


def test_register_corrections():
    claims = data.load("evidence_claims").set_index("claim_id")
    # the creative-inputs figure is about spending on inputs: no result measures that mechanism
    assert pd.isna(claims.loc["creative_inputs", "result_key"])
    assert claims.loc["creative_inputs", "data_kind"] == "none"
    assert "spending on creative inputs" in claims.loc["creative_inputs", "caveat"]
    assert "low end" in claims.loc["cluster_growth", "caveat"]
    assert "low end" in claims.loc["combined_growth", "caveat"]
    assert "ex-ante estimate" in claims.loc["canada_pbo", "caveat"]
    assert "not programme results" in claims.loc["canada_pbo", "caveat"]
    canada = claims[claims.index.str.startswith("canada")]
    assert not canada["source"].str.contains(r"\bEY\b|Ernst").any()


REAL = Provenance("real data", "us_states", "2021", caveat="An association.")


def _results():
    return published_values(
        {
            "x_effect": Published(1.5, "An effect.", provenance=REAL),
            "x_effect_ci_lower": Published(1.0, "Its lower bound."),
            "x_effect_ci_upper": Published(2.0, "Its upper bound."),
            "x_share": Published(0.25, "A share.", percent=True),
        }
    )


@pytest.fixture
def glued(monkeypatch):
    calls = {}

    def fake_glue(name, value, **kwargs):
        calls[name] = {"value": value, **kwargs}

    monkeypatch.setattr(synthesis, "glue_number", fake_glue)
    return calls


def test_glue_quoted_copies_provenance_and_interval(glued):
    results = _results()
    synthesis.glue_quoted(results, "page_effect", "x_effect", description="d", digits=1)
    synthesis.glue_quoted(results, "page_effect_ci_lower", "x_effect_ci_lower", description="d")
    synthesis.glue_quoted(results, "page_share", "x_share", description="d")
    effect, bound, share = glued["page_effect"], glued["page_effect_ci_lower"], glued["page_share"]
    assert effect["provenance"] == REAL and effect["estimate"] is True
    assert (effect["ci_lower"], effect["ci_upper"], effect["ci_level"]) == (1.0, 2.0, 0.95)
    assert effect["headline"] is False and effect["digits"] == 1
    assert bound["provenance"] == REAL and bound["interval_of"] == "page_effect"
    assert "estimate" not in bound and "ci_lower" not in bound
    assert share["provenance"] is None and "estimate" not in share  # copied as it is
    with pytest.raises(KeyError, match="nope"):
        synthesis.glue_quoted(results, "page_nope", "nope", description="d")


def test_glue_with_interval_glues_the_bounds(glued):
    synthesis.glue_with_interval(_results(), "page_effect", "x_effect", description="d")
    assert glued["page_effect_ci_lower"]["value"] == 1.0
    assert glued["page_effect_ci_upper"]["value"] == 2.0
    assert glued["page_effect_ci_upper"]["interval_of"] == "page_effect"
    assert glued["page_effect_ci_upper"]["provenance"] == REAL
    synthesis.glue_with_interval(_results(), "page_share", "x_share", description="d")
    assert "page_share_ci_lower" not in glued


def test_claim_provenance_follows_the_status():
    claims = data.load("evidence_claims")
    pbo = synthesis.claim_provenance(claims, "canada_pbo", "pbo2020superclusters", vintage="2020")
    assert pbo.kind == "quoted and verified"
    assert pbo.source == ("pbo2020superclusters", "evidence_claims")
    assert synthesis.claim_provenance(claims, "pipeline_odds").kind == "quoted and unverified"


def test_edition_states_version_and_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    edition = synthesis.edition()
    assert edition["date"] == "1970-01-01" and repr(edition["date"]) == "1970-01-01"
    assert edition["version"] == clusternet.__version__
