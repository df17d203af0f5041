"""Tests of the chapter "Why clusters form" and the page "What cluster policies achieved"."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clusternet import data
from clusternet.agglomeration.core_periphery import break_point, sustain_point
from clusternet.book import cluster_policy_evaluations as policy
from clusternet.book import why_clusters_form as formation
from clusternet.dataspec import DataValidationError

ROOT = Path(__file__).resolve().parents[1]
REGISTER = "evidence/policy_evaluations.csv"


def _pins(chapter: str) -> dict[str, tuple[float, float]]:
    with open(ROOT / "tests" / "expected" / f"{chapter}.csv", encoding="utf-8") as handle:
        return {
            r["name"]: (float(r["expected"]), float(r["tolerance"])) for r in csv.DictReader(handle)
        }


@pytest.mark.parametrize(
    ("chapter", "module"),
    [("why-clusters-form", formation), ("cluster-policy-evaluations", policy)],
)
@pytest.mark.slow
def test_key_results_match_the_pins(chapter, module):
    results = module.key_results()
    pins = _pins(chapter)
    assert pins, "no pinned numbers"
    for name, (expected, tol) in pins.items():
        assert results[name] == pytest.approx(expected, rel=tol, abs=tol), name


def test_key_results_equal_the_steps():
    points = formation.critical_points()
    results = formation.key_results()
    assert results["formation_break_point"] == break_point(5.0, 0.4) == points.break_point
    assert results["formation_sustain_point"] == sustain_point(5.0, 0.4)
    assert results["formation_break_loss"] == pytest.approx(1 - 1 / points.break_point)


def test_headline_numbers_are_pinned():
    for chapter, published in [
        ("why-clusters-form", formation.critical_points().published),
        ("cluster-policy-evaluations", policy.policy_evaluations().published),
    ]:
        headline = {name for name, number in published.items() if number.headline}
        assert headline == set(_pins(chapter)), chapter


def test_every_description_says_what_kind_of_number():
    for number in formation.critical_points().published.values():
        assert "simulation" in number.description or not number.headline
    for name, number in policy.policy_evaluations().published.items():
        if name.startswith(("policy_bavaria", "policy_canada", "policy_bioregio")):
            assert "quoted and" in number.description, name
    claim = policy.policy_evaluations().published["policy_canada_claim_jobs_low"]
    assert "unverified" in claim.description and not claim.headline


def _all_formation_numbers() -> dict:
    return {
        **formation.critical_points().published,
        **formation.wage_gap_curves().published,
        **formation.tomahawk().published,
        **formation.parameter_sensitivity().published,
    }


def test_every_published_number_has_provenance():
    settings = {
        "formation_sigma",
        "formation_mu",
        "formation_tomahawk_costs",
        "formation_high_mu",
        "formation_curve_cost_low",
        "formation_curve_cost_middle",
        "formation_curve_cost_high",
    }
    for name, number in _all_formation_numbers().items():
        expected = "analysis setting" if name in settings else "simulation"
        assert number.provenance is not None and number.provenance.kind == expected, name
        assert not number.estimate, name
    published = policy.policy_evaluations().published
    register = data.load("evidence_policy_evaluations")
    assert all(n.provenance is not None for n in published.values())
    for name in ("policy_canada_pbo_jobs", "policy_canada_spent", "policy_canada_planned"):
        provenance = published[name].provenance
        assert provenance.source == ("pbo2020superclusters",), name
        assert provenance.kind == "quoted and verified", name
    claim = published["policy_canada_claim_jobs_low"].provenance
    assert claim.kind == "quoted and unverified"
    assert published["policy_findings"].provenance.source == ("evidence_policy_evaluations",)
    assert set(register["citation_key"]) >= {
        s for n in published.values() for s in n.provenance.source
    } - {"evidence_policy_evaluations"}


def test_tomahawk_grid_brackets_the_critical_points():
    settings = formation.SETTINGS
    step = (settings.cost_max - settings.cost_min) / (settings.n_costs - 1)
    result = formation.tomahawk()
    t_b, t_s = break_point(settings.sigma, settings.mu), sustain_point(settings.sigma, settings.mu)
    assert t_b <= result.grid_break < t_b + step
    assert t_s - step < result.grid_sustain <= t_s


def test_sensitivity_moves_with_mu():
    table = formation.parameter_sensitivity().table
    five = table[table["Elasticity of substitution (sigma)"] == "5"]
    breaks = five["Break point T(B)"].astype(float).to_numpy()
    assert np.all(np.diff(breaks) > 0)  # mu rises down the table: the break point rises


def test_wage_gap_curves_are_antisymmetric():
    curves = formation.wage_gap_curves().curves
    for _, group in curves.groupby("transport_cost"):
        gaps = group.sort_values("share")["gap"].to_numpy()
        np.testing.assert_allclose(gaps, -gaps[::-1], atol=1e-12)


# --- the register of evaluations ------------------------------------------------------


def test_register_citations_are_in_the_bibliography():
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bib, flags=re.MULTILINE))
    register = data.load("evidence_policy_evaluations")
    missing = set(register["citation_key"]) - keys
    assert not missing


def test_register_numbers_have_units_and_ranges_are_ordered():
    register = data.load("evidence_policy_evaluations")
    has_value = register["value_low"].notna()
    assert register.loc[has_value, "value_unit"].notna().all()
    assert register.loc[~has_value, "value_high"].isna().all()
    pairs = register.dropna(subset=["value_low", "value_high"])
    assert (pairs["value_low"] <= pairs["value_high"]).all()


def test_register_agrees_with_the_claims_register():
    register = data.load("evidence_policy_evaluations").set_index("finding_id")
    claims = data.load("evidence_claims").set_index("claim_id")
    assert register.loc["canada_pbo_jobs", "value_low"] == claims.loc["canada_pbo", "claimed_low"]
    assert register.loc["canada_ey_claim", "value_low"] == claims.loc["canada_ey", "claimed_low"]
    assert register.loc["canada_ey_claim", "value_high"] == claims.loc["canada_ey", "claimed_high"]
    assert register.loc["canada_ey_claim", "status"] == claims.loc["canada_ey", "source_status"]


def test_ex_ante_estimates_are_not_called_evaluations():
    register = data.load("evidence_policy_evaluations").set_index("finding_id")
    assert register.loc["canada_pbo_jobs", "kind"] == "ex-ante estimate"
    assert "not an evaluation" in register.loc["canada_pbo_jobs", "design"]


def test_evaluation_table_is_formatted():
    table = policy.evaluation_table(data.load("evidence_policy_evaluations"))
    assert table.loc[0, "Number"] == "4.6 to 5.7 percentage points"
    assert "{cite:p}`falck2010industrial`" in table.loc[0, "Evaluation"]
    assert (table["Number"] == "none quoted").sum() == 6


def _copy_register(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "evidence"
    folder.mkdir()
    source = data.data_dir() / "evidence"
    shutil.copy(source / "LICENSE.md", folder / "LICENSE.md")
    target = folder / "policy_evaluations.csv"
    shutil.copy(source / "policy_evaluations.csv", target)
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    return target


def test_intact_register_copy_loads(tmp_path, monkeypatch):
    _copy_register(tmp_path, monkeypatch)
    assert len(data.load("evidence_policy_evaluations")) == 12


@pytest.mark.parametrize(
    ("mutate", "column"),
    [
        (lambda f: f.assign(status=f["status"].replace({"verified": "probably"})), "status"),
        (lambda f: f.assign(kind=f["kind"].replace({"ex-ante estimate": "guess"})), "kind"),
        (lambda f: f.assign(finding_id=["dup"] * len(f)), "finding_id"),
        (
            lambda f: f.assign(launched=f["launched"].astype(str).replace({"1999": "late 1990s"})),
            "launched",
        ),
        (lambda f: f.assign(citation_key=f["citation_key"].where(f.index > 0, "")), "citation_key"),
    ],
)
def test_loader_rejects_a_corrupted_register(tmp_path, monkeypatch, mutate, column):
    target = _copy_register(tmp_path, monkeypatch)
    frame = pd.read_csv(target, dtype=str, keep_default_na=False)
    mutate(frame).to_csv(target, index=False)
    with pytest.raises(
        DataValidationError,
        match=rf"policy_evaluations\.csv.*{column}|{column}.*policy_evaluations\.csv",
    ):
        data.load("evidence_policy_evaluations")
