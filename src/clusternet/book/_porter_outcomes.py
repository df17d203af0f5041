"""Other outcomes of the Porter chapter: pay, patents, the Glaeser test and the crosswalk's
uncertainty (re-exported by :mod:`clusternet.book.porter_clusters`).

All on real data: County Business Patterns (states x 4-digit NAICS), USPTO utility patents
by county (2000-2015), Porter's traded clusters.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusternet import data
from clusternet.book import _porter_provenance as prov
from clusternet.book._porter_settings import SETTINGS, Settings
from clusternet.book._porter_wording import publish
from clusternet.catalog.clusters import PATENT_YEARS
from clusternet.clusters import (
    cluster_code_coverage,
    cluster_location_quotient,
    cluster_pay_panel,
    county_counts_to_states,
    fit_absorbed_ols,
    fit_glaeser_growth,
    glaeser_growth_panel,
    naics_cluster_crosswalk,
    pay_premium,
    rate_per_thousand,
    star_rating,
    strong_cluster_flags,
)
from clusternet.clusters.crosswalk import TIE_BREAKS
from clusternet.clusters.glaeser import GLAESER_TERMS
from clusternet.models import coefficient_table

#: how the chapter names each tie-breaking rule of ``naics_cluster_crosswalk``
TIE_BREAK_LABELS = {
    "own_share": "to the cluster the code is the larger part of (used)",
    "larger_cluster": "to the cluster with more 6-digit codes",
    "cluster_order": "to the lower cluster code",
}

__all__ = [
    "PayInClusters",
    "pay_in_clusters",
    "PatentsAndStrength",
    "patents_and_strength",
    "GlaeserTest",
    "glaeser_test",
    "CrosswalkSensitivity",
    "crosswalk_sensitivity",
]


def _readable(
    table: pd.DataFrame, index: str, estimate: str, settings: Settings, decimals: int
) -> pd.DataFrame:
    """An estimate table with its index as a column, reader-facing column names and every
    number shown with ``decimals`` decimals (a rounded 0.20 is not shown as 0.2)."""
    level = f"{1 - settings.alpha:.0%}"
    shown = table.apply(lambda column: column.map(f"{{:.{decimals}f}}".format))
    return (
        shown.rename_axis(index)
        .reset_index()
        .rename(
            columns={
                "estimate": estimate,
                "ci_lower": f"{level} CI lower",
                "ci_upper": f"{level} CI upper",
            }
        )
    )


def _interval(name: str, estimate, lower, upper) -> dict[str, float]:
    return {name: estimate, f"{name}_ci_lower": lower, f"{name}_ci_upper": upper}


@dataclass(frozen=True)
class PayInClusters:
    """Average annual pay by state and traded cluster, and the premium of strength."""

    panel: pd.DataFrame
    table: pd.DataFrame
    published: dict


def pay_in_clusters(cbp, clusters, settings: Settings = SETTINGS) -> PayInClusters:
    """Is pay higher where the cluster is strong? State and cluster fixed effects."""
    year = settings.pay_year
    employees = cbp.employment[year].rename(index=cbp.states)
    payroll = cbp.payroll[year].rename(index=cbp.states) * 1000.0  # US$ 1,000 -> US$
    panel = cluster_pay_panel(
        payroll, employees, clusters.mapping, clusters=clusters.measured_traded
    )
    flags = strong_cluster_flags(employees, clusters.mapping)[["region", "cluster", "strong"]]
    panel = panel.merge(flags, on=["region", "cluster"], how="left")
    panel["strong"] = panel["strong"].astype(float)
    lq = pay_premium(panel, "log_lq", alpha=settings.alpha)
    strong = pay_premium(panel, "strong", step=1.0, alpha=settings.alpha)
    raw = pay_premium(panel, "strong", step=1.0, fixed_effects=(), alpha=settings.alpha)
    table = pd.DataFrame(
        [vars(lq), vars(strong), vars(raw)],
        index=[
            "+1 SD of log location quotient (state and cluster fixed effects)",
            "strong cluster (state and cluster fixed effects)",
            "strong cluster (no controls)",
        ],
    )[["estimate", "ci_lower", "ci_upper"]]
    table = _readable(table, "comparison", "pay difference (%)", settings, decimals=1)
    usable = panel[panel["usable"]]
    values = {
        **_interval("porter_pay_lq_premium", lq.estimate, lq.ci_lower, lq.ci_upper),
        **_interval("porter_pay_strong_premium", strong.estimate, strong.ci_lower, strong.ci_upper),
        **_interval("porter_pay_strong_raw", raw.estimate, raw.ci_lower, raw.ci_upper),
        "porter_pay_cells": len(usable),
        "porter_pay_traded_average": usable["payroll"].sum() / usable["employees"].sum(),
    }
    labels = prov.stamp(
        values,
        prov.PAY_2021,
        **dict.fromkeys(
            (f"porter_pay_strong_raw{s}" for s in ("", "_ci_lower", "_ci_upper")),
            prov.PAY_2021_RAW,
        ),
        porter_pay_cells=prov.PAY_2021_DESCRIPTIVE,
        porter_pay_traded_average=prov.PAY_2021_DESCRIPTIVE,
    )
    return PayInClusters(panel, table, publish(values, alpha=settings.alpha, provenance=labels))


@dataclass(frozen=True)
class PatentsAndStrength:
    """Patents per 1,000 workers of the states against their cluster strength."""

    states: pd.DataFrame
    table: pd.DataFrame
    published: dict


def patents_and_strength(cbp, clusters, settings: Settings = SETTINGS) -> PatentsAndStrength:
    """Sum county patents to states; relate patents per worker to strong-cluster shares."""
    first, last = settings.patent_years
    years = [str(y) for y in PATENT_YEARS if first <= y <= last]
    table = data.load("uspto_patents_county")
    fips = list(cbp.states.index)
    sums, dropped = county_counts_to_states(table, fips="FIPS Code", values=years, states=fips)
    patents = sums.sum(axis=1).rename(index=cbp.states)
    left_out = dropped.loc[dropped["FIPS Code"] != "ALL", years].to_numpy().sum()
    employees = cbp.employment[settings.patent_strength_year].rename(index=cbp.states)
    per_thousand = rate_per_thousand(patents / len(years), employees.sum(axis=1))
    traded = clusters.measured_traded
    flags = strong_cluster_flags(employees, clusters.mapping)
    flags = flags[flags["cluster"].isin(traded)]
    strong_jobs = flags[flags["strong"]].groupby("region")["employment"].sum()
    traded_jobs = flags.groupby("region")["employment"].sum()
    stars = star_rating(employees, clusters.mapping)
    three = stars[(stars["stars"] == 3) & stars["cluster"].isin(traded)].groupby("region").size()
    states = pd.DataFrame(
        {
            "patents a year per 1,000 workers": per_thousand,
            "strong-cluster share of traded employment": (
                strong_jobs.reindex(traded_jobs.index, fill_value=0) / traded_jobs
            ),
            "three-star clusters": three.reindex(per_thousand.index, fill_value=0),
        }
    ).rename_axis("state")
    frame = pd.DataFrame(
        {
            "state": states.index,
            "log_patents": np.log(states["patents a year per 1,000 workers"]),
            "strong_share": states["strong-cluster share of traded employment"]
            / settings.strong_share_step,
            "three_star": states["three-star clusters"].astype(float),
        }
    ).reset_index(drop=True)
    rows, values = [], {}
    for term, name in (
        ("strong_share", "porter_patents_strong_share"),
        ("three_star", "porter_patents_three_star"),
    ):
        fit = fit_absorbed_ols(frame, "log_patents", [term], cluster="state")  # robust (HC1)
        row = coefficient_table(fit, alpha=settings.alpha, terms=[term]).iloc[0]
        pct = {k: 100.0 * float(np.expm1(row[k])) for k in ("estimate", "ci_lower", "ci_upper")}
        rows.append(pd.Series(pct, name=term))
        values |= _interval(name, pct["estimate"], pct["ci_lower"], pct["ci_upper"])
    values |= {
        "porter_patent_states": len(states),
        "porter_patents_dropped_share": left_out / (left_out + patents.sum()),
        "porter_patents_median_rate": states["patents a year per 1,000 workers"].median(),
        "porter_patents_strength_correlation": float(
            frame["log_patents"].corr(frame["strong_share"])
        ),
    }
    table_out = pd.DataFrame(rows).rename(
        index={
            "strong_share": f"+{settings.strong_share_step:.0%} points of traded employment in strong clusters",
            "three_star": "one more three-star cluster",
        }
    )
    table_out = _readable(table_out, "state strength", "patents per worker (%)", settings, 1)
    labels = prov.stamp(
        values,
        prov.PATENTS,
        porter_patent_states=prov.PATENTS_DESCRIPTIVE,
        porter_patents_dropped_share=prov.PATENT_COVERAGE,
        porter_patents_median_rate=prov.PATENTS_DESCRIPTIVE,
        porter_patents_strength_correlation=prov.PATENTS,
    )
    return PatentsAndStrength(
        states.round(3), table_out, publish(values, alpha=settings.alpha, provenance=labels)
    )


@dataclass(frozen=True)
class GlaeserTest:
    """Specialisation, diversity and competition as predictors of growth (Glaeser et al. 1992)."""

    panel: pd.DataFrame
    table: pd.DataFrame
    published: dict


def glaeser_test(cbp, clusters, settings: Settings = SETTINGS) -> GlaeserTest:
    """State x traded-industry employment growth in the pre-pandemic window."""
    first, last = settings.pre_pandemic_window
    start = cbp.employment[first]
    start = start.loc[:, start.sum() > 0]  # industries withheld in every state are dropped
    end = cbp.employment[last].reindex(index=start.index, columns=start.columns, fill_value=0)
    firms = cbp.establishments[first].reindex(
        index=start.index, columns=start.columns, fill_value=0
    )
    traded = [c for c in start.columns if clusters.mapping.get(c) in set(clusters.measured_traded)]
    panel = glaeser_growth_panel(
        start, end, firms, years=last - first, top=settings.glaeser_top, industries=traded
    )
    fit = fit_glaeser_growth(panel)
    coefficients = coefficient_table(fit, alpha=settings.alpha)
    sd = panel.loc[panel["usable"], list(GLAESER_TERMS)].std(ddof=1)
    scale = coefficients["term"].map(sd).to_numpy() * 100
    table = pd.DataFrame(
        {
            "externality": coefficients["term"].map(GLAESER_TERMS).to_numpy(),
            "coefficient": coefficients["estimate"].to_numpy(),
            "effect per SD (pp a year)": coefficients["estimate"].to_numpy() * scale,
            "ci_lower": coefficients["ci_lower"].to_numpy() * scale,
            "ci_upper": coefficients["ci_upper"].to_numpy() * scale,
        }
    )
    by = table.set_index(coefficients["term"].to_numpy())
    values = {"porter_glaeser_cells": int(fit.nobs)}
    for term, key in (
        ("log_specialisation", "specialisation"),
        ("diversity", "diversity"),
        ("log_competition", "competition"),
    ):
        row = by.loc[term]
        values |= _interval(
            f"porter_glaeser_{key}_effect",
            row["effect per SD (pp a year)"],
            row["ci_lower"],
            row["ci_upper"],
        )
    shown = table.drop(columns="coefficient")
    shown = _readable(shown.set_index("externality"), "externality", "", settings, 2).drop(
        columns="", errors="ignore"
    )
    labels = prov.stamp(
        values, prov.GLAESER, porter_glaeser_cells=dataclasses.replace(prov.GLAESER, caveat="")
    )
    return GlaeserTest(panel, shown, publish(values, alpha=settings.alpha, provenance=labels))


@dataclass(frozen=True)
class CrosswalkSensitivity:
    """Location quotients and the traded share under other tie-breaking rules; diluted clusters.

    ``by_rule`` and ``diluted`` are the tables as the chapter shows them (formatted text);
    the numbers behind them are in ``published``. A diluted cluster that keeps none of its
    6-digit codes has no 4-digit codes of its own, so its own share is shown as a dash.
    """

    by_rule: pd.DataFrame
    diluted: pd.DataFrame
    published: dict


def crosswalk_sensitivity(cbp, clusters, settings: Settings = SETTINGS) -> CrosswalkSensitivity:
    """Break the crosswalk's ties by each rule; list the clusters 4-digit codes dilute."""
    definitions = data.load("porter_clusters_naics2007")
    concordance = (
        data.load("naics4_2007_to_2017").groupby("naics4_2017")["naics4_2007"].apply(list).to_dict()
    )
    employment = cbp.employment[settings.end_year].rename(index=cbp.states)
    jobs = employment.sum()
    names = clusters.names
    code_of = pd.Series(names.index, index=names.to_numpy())
    rows = {}
    for rule in TIE_BREAKS:
        crosswalk = naics_cluster_crosswalk(definitions, concordance=concordance, tie_break=rule)
        mapping = crosswalk.set_index("naics")["cluster"]
        lq = cluster_location_quotient(employment, mapping)
        traded = mapping.loc[jobs.index].isin(clusters.traded).to_numpy()
        row = {
            f"{state} {cluster}": lq.loc[state, code_of[cluster]]
            if code_of[cluster] in lq.columns
            else 0.0
            for state, cluster in settings.crosswalk_checks
        }
        row["traded share"] = jobs[traded].sum() / jobs.sum()
        row["traded clusters measured"] = len(set(mapping.loc[jobs.index]) & set(clusters.traded))
        rows[rule] = row
    by_rule = pd.DataFrame(rows).T.rename_axis("tie-break rule")
    by_rule.index = by_rule.index.map(TIE_BREAK_LABELS)
    own = naics_cluster_crosswalk(definitions, concordance=concordance)
    coverage = cluster_code_coverage(definitions, own)
    coverage = coverage[coverage.index.isin(clusters.traded)]
    low = (coverage["share_kept"] < settings.diluted_below) | ~(
        coverage["purity"] >= settings.diluted_below
    )
    diluted = coverage[low].rename(index=names)
    mi, wa = (f"{s} {c}" for s, c in settings.crosswalk_checks[:2])
    values = {
        "porter_crosswalk_mi_lq_min": by_rule[mi].min(),
        "porter_crosswalk_mi_lq_max": by_rule[mi].max(),
        "porter_crosswalk_wa_lq_min": by_rule[wa].min(),
        "porter_crosswalk_wa_lq_max": by_rule[wa].max(),
        "porter_crosswalk_traded_share_min": by_rule["traded share"].min(),
        "porter_crosswalk_traded_share_max": by_rule["traded share"].max(),
        "porter_diluted_clusters": len(diluted),
        "porter_jewelry_purity": coverage.loc[code_of["Jewelry and Precious Metals"], "purity"],
    }
    shown = by_rule.apply(lambda column: column.map("{:.2f}".format)).assign(
        **{
            "traded share": by_rule["traded share"].map("{:.1%}".format).str.rstrip("%"),
            "traded clusters measured": by_rule["traded clusters measured"].map("{:.0f}".format),
        }
    )
    shown = shown.rename(columns={"traded share": "traded share (%)"}).reset_index()
    diluted = pd.DataFrame(
        {
            "traded cluster": diluted.index,
            "6-digit codes": diluted["n_codes"].map("{:,.0f}".format).to_numpy(),
            "kept": diluted["n_codes_kept"].map("{:,.0f}".format).to_numpy(),
            "share kept": diluted["share_kept"].map("{:.2f}".format).to_numpy(),
            "own share of its 4-digit codes": diluted["purity"]
            .map(lambda share: "\u2014" if pd.isna(share) else f"{share:.2f}")
            .to_numpy(),
        }
    )
    labels = prov.stamp(
        values,
        prov.CROSSWALK_2021,
        porter_diluted_clusters=prov.CODE_COVERAGE,
        porter_jewelry_purity=prov.CODE_COVERAGE,
    )
    return CrosswalkSensitivity(
        shown, diluted, publish(values, alpha=settings.alpha, provenance=labels)
    )
