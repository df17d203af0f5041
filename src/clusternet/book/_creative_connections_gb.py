"""Real-data steps of the creative-connections chapter: the creative industries of Great Britain.

Employment (BRES, 2015-2018) and business counts (IDBR, 2016-2018) by NUTS2 region and
4-digit SIC 2007 class (ONS, Open Government Licence v3.0), with the creative industries as
DCMS defines them (``data/uk-creative/dcms_creative_sic2007.csv``). Re-exported by
``clusternet.book.creative_connections``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

import clusternet
from clusternet import data
from clusternet.book._creative_connections_helpers import (
    CHAPTER_SETTING,
    _aside,
    _interval,
    _with_provenance,
)
from clusternet.book._creative_connections_settings import SETTINGS, Settings
from clusternet.book.published import Published
from clusternet.glue import Provenance
from clusternet.models import coefficient_table, fit_ols

__all__ = ["GBCreative", "gb_creative_industries"]

_GB_DATA = ("gb_bres_nuts2_sic4", "dcms_creative_sic2007")
#: Descriptive measures of the GB regions (shares, counts, location quotients, growth).
GB_REGIONS = Provenance(
    "real data",
    _GB_DATA,
    "2015-2018",
    caveat="Descriptive: NUTS2 regions of Great Britain (no Northern Ireland); jobs from BRES 2015-2018, businesses from IDBR 2016-2018.",
)
#: The growth-gap regressions across regions.
GB_GROWTH_GAP = Provenance(
    "real data",
    _GB_DATA,
    "2015-2018",
    caveat="Association across regions, not causation; a three-year window; regions as observations.",
)
#: The DCMS list of creative SIC classes.
GB_DCMS = Provenance("real data", ("dcms_creative_sic2007", "dcms2016creative"), "2016")

_GB = "(real data: ONS BRES employment 2015-2018 and IDBR business counts 2016-2018, Great Britain NUTS2 regions, DCMS creative-industries SIC codes)"


@cache
def _inputs() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The BRES/IDBR table and the DCMS codes (loaded once per process; copies are returned)."""
    codes = data.load("dcms_creative_sic2007")
    bres = data.load("gb_bres_nuts2_sic4")
    missing = sorted(set(codes["sic4"]) - set(bres["sic4"]))
    if missing:
        raise data.DataValidationError(
            f"{data.dataset_path('dcms_creative_sic2007')}: column 'sic4' has code(s) {missing} "
            f"that are not in {data.dataset_path('gb_bres_nuts2_sic4')}"
        )
    return codes, bres


@dataclass(frozen=True)
class GBCreative:
    """The creative industries of Great Britain, measured.

    ``codes`` (the DCMS list), ``totals`` (GB by year), ``regions`` (one row per region in
    the cluster year: creative employment and businesses, shares, location quotients,
    growth, cluster flags), ``subsectors`` (employment by region and DCMS sub-sector in
    the cluster year, with location quotients), ``stability`` (clusters by year and by
    LQ cut-off), ``growth_gap`` (the growth regression's coefficient table) and
    ``cluster_table`` (the flagged regions, formatted for readers).
    """

    codes: pd.DataFrame
    totals: pd.DataFrame
    regions: pd.DataFrame
    subsectors: pd.DataFrame
    stability: pd.DataFrame
    growth_gap: pd.DataFrame
    cluster_table: pd.DataFrame
    published: dict[str, Published]


def _cluster_table(regions: pd.DataFrame, subsectors: pd.DataFrame, s: Settings) -> pd.DataFrame:
    """The flagged regions for readers: size, specialisation, growth and leading sub-sectors."""
    clusters = regions[regions["is_cluster"]]
    sub = subsectors[subsectors["nuts2_code"].isin(clusters.index)]
    largest = sub.sort_values("share_of_creative").groupby("nuts2_code").last()
    special = sub.sort_values("lq").groupby("nuts2_code").last()
    pct = "{:.1f}".format
    return pd.DataFrame(
        {
            "Region (NUTS2)": clusters["region"],
            f"Creative jobs {s.gb_year}": clusters["creative_employment"].map("{:,.0f}".format),
            "Employment LQ": clusters["employment_lq"].map("{:.2f}".format),
            f"Creative businesses {s.gb_year}": clusters["creative_businesses"].map(
                "{:,.0f}".format
            ),
            "Business LQ": clusters["business_lq"].map("{:.2f}".format),
            f"Job growth {s.gb_first_year}-{s.gb_year} (%)": (
                100 * clusters["employment_growth"]
            ).map(pct),
            f"Business growth {s.gb_business_first_year}-{s.gb_year} (%)": (
                100 * clusters["business_growth"]
            ).map(pct),
            "Largest sub-sector (share of creative jobs)": [
                f"{largest.loc[c, 'subsector']} ({100 * largest.loc[c, 'share_of_creative']:.0f}%)"
                for c in clusters.index
            ],
            "Most specialised sub-sector (LQ)": [
                f"{special.loc[c, 'subsector']} ({special.loc[c, 'lq']:.1f})"
                for c in clusters.index
            ],
        }
    ).reset_index(drop=True)


def _tables(bres, groups, year, value, settings):
    """Region x (sub-sectors, other) matrix of ``value`` in ``year`` and its cluster table."""
    frame = bres[(bres["year"] == year) & ~bres["nuts2_code"].isin(settings.gb_excluded_regions)]
    matrix = clusternet.industry_group_matrix(
        frame, groups, region="nuts2_code", industry="sic4", value=value
    )
    subsectors = list(dict.fromkeys(groups.values()))
    table = clusternet.creative_cluster_table(
        matrix, subsectors, min_firms=settings.cluster_min_firms, min_lq=settings.cluster_min_lq
    )
    return matrix, table


def _flags(bres, groups, year, settings, min_lq):
    """Which regions pass the business thresholds in ``year`` with LQ cut-off ``min_lq``."""
    matrix, _ = _tables(bres, groups, year, "businesses", settings)
    return clusternet.creative_cluster_table(
        matrix,
        list(dict.fromkeys(groups.values())),
        min_firms=settings.cluster_min_firms,
        min_lq=min_lq,
    )["is_cluster"]


def gb_creative_industries(settings: Settings = SETTINGS) -> GBCreative:
    """Creative employment and businesses by region, creative LQs, clusters, growth, sub-sectors."""
    codes, bres = _inputs()
    groups = dict(zip(codes["sic4"], codes["subsector"], strict=True))
    s, first, year = settings, settings.gb_first_year, settings.gb_year
    biz_first = s.gb_business_first_year
    emp_matrix, emp = _tables(bres, groups, year, "employment", s)
    biz_matrix, biz = _tables(bres, groups, year, "businesses", s)
    emp_first = _tables(bres, groups, first, "employment", s)[1]
    biz_first_table = _tables(bres, groups, biz_first, "businesses", s)[1]
    names = bres.drop_duplicates("nuts2_code").set_index("nuts2_code")["nuts2_name"]
    regions = pd.DataFrame(
        {
            "region": names.reindex(emp.index),
            "creative_employment": emp["creative_firms"],
            "employment_share": emp["creative_share"],
            "employment_lq": emp["creative_lq"],
            "creative_businesses": biz["creative_firms"],
            "business_share": biz["creative_share"],
            "business_lq": biz["creative_lq"],
            "employment_growth": emp["creative_firms"] / emp_first["creative_firms"] - 1,
            "business_growth": biz["creative_firms"] / biz_first_table["creative_firms"] - 1,
            "other_employment_growth": (emp["firms"] - emp["creative_firms"])
            / (emp_first["firms"] - emp_first["creative_firms"])
            - 1,
            "is_cluster": biz["is_cluster"],
            "employment_rule": emp["creative_lq"] >= s.cluster_min_lq * (1 - 1e-12),
        }
    )
    years = range(biz_first, year + 1)
    by_year = pd.DataFrame({y: _flags(bres, groups, y, s, s.cluster_min_lq) for y in years})
    regions["years_flagged"] = by_year.sum(axis=1)
    regions = regions.sort_values("employment_lq", ascending=False)
    stability = pd.DataFrame(
        {
            "cut_off": [*s.gb_lq_sensitivity, s.cluster_min_lq],
            "clusters": [int(_flags(bres, groups, year, s, lq).sum()) for lq in s.gb_lq_sensitivity]
            + [int(biz["is_cluster"].sum())],
        }
    ).sort_values("cut_off", ignore_index=True)
    subsectors = _subsector_table(emp_matrix, list(dict.fromkeys(groups.values())))
    totals = _totals(bres, set(groups), s)
    growth_gap = _growth_gap(regions)
    published = _published(regions, totals, stability, growth_gap, by_year, s)
    published["nesta_gb_dcms_codes"] = _aside(
        len(codes),
        "Four-digit SIC 2007 classes in the DCMS definition of the creative industries (real data: DCMS methodology)",
        "classes",
        provenance=GB_DCMS,
    )
    table = _cluster_table(regions, subsectors, s)
    return GBCreative(codes, totals, regions, subsectors, stability, growth_gap, table, published)


def _subsector_table(matrix: pd.DataFrame, subsectors: list[str]) -> pd.DataFrame:
    """Employment by region and creative sub-sector, its share of creative jobs and its LQ."""
    lq = clusternet.location_quotient(matrix)[subsectors]
    creative = matrix[subsectors].sum(axis=1)
    long = matrix[subsectors].stack().rename("employment").reset_index()
    long.columns = ["nuts2_code", "subsector", "employment"]
    long["share_of_creative"] = long["employment"] / long["nuts2_code"].map(creative)
    long["lq"] = lq.stack().to_numpy()
    return long


def _totals(bres: pd.DataFrame, creative: set, settings: Settings) -> pd.DataFrame:
    """Great Britain's creative and total employment and businesses by year."""
    gb = bres[~bres["nuts2_code"].isin(settings.gb_excluded_regions)]
    flag = gb["sic4"].isin(creative)
    totals = pd.DataFrame(
        {
            "employment": gb.groupby("year")["employment"].sum(),
            "creative_employment": gb[flag].groupby("year")["employment"].sum(),
            "businesses": gb.groupby("year")["businesses"].sum(min_count=1),
            "creative_businesses": gb[flag].groupby("year")["businesses"].sum(min_count=1),
        }
    )
    totals["employment_share"] = totals["creative_employment"] / totals["employment"]
    totals["business_share"] = totals["creative_businesses"] / totals["businesses"]
    return totals


def _growth_gap(regions: pd.DataFrame) -> pd.DataFrame:
    """Mean gap between creative and other employment growth across regions (OLS, robust SE)."""
    frame = regions.assign(
        gap=100 * (regions["employment_growth"] - regions["other_employment_growth"]),
        cluster=regions["is_cluster"].astype(int),
        unit=regions.index,
    )
    # one region per cluster: heteroskedasticity-robust standard errors
    mean_gap = coefficient_table(fit_ols("gap ~ 1", frame, cluster="unit"))
    by_cluster = coefficient_table(
        fit_ols("gap ~ cluster", frame, cluster="unit"), terms=["cluster"]
    )
    return pd.concat([mean_gap, by_cluster], ignore_index=True).assign(
        term=["mean gap", "clusters minus other regions"]
    )


def _published(regions, totals, stability, growth_gap, by_year, s) -> dict[str, Published]:
    first, biz_first, year = s.gb_first_year, s.gb_business_first_year, s.gb_year
    top = regions.iloc[0]
    clusters = regions[regions["is_cluster"]]
    both = regions["is_cluster"] & regions["employment_rule"]
    cut = stability.set_index("cut_off")["clusters"]
    low, high = min(s.gb_lq_sensitivity), max(s.gb_lq_sensitivity)
    published = {
        "nesta_gb_creative_share_first": Published(
            totals.loc[first, "employment_share"],
            f"Creative industries' share of Great Britain's employment in {first} {_GB}",
            digits=1,
            percent=True,
        ),
        "nesta_gb_creative_share": Published(
            totals.loc[year, "employment_share"],
            f"Creative industries' share of Great Britain's employment in {year} {_GB}",
            digits=1,
            percent=True,
        ),
        "nesta_gb_creative_employment": _aside(
            totals.loc[year, "creative_employment"] / 1e6,
            f"Creative-industries employment in Great Britain in {year} {_GB}",
            "million people",
            2,
        ),
        "nesta_gb_creative_business_share": _aside(
            totals.loc[year, "business_share"],
            f"Creative industries' share of Great Britain's business counts in {year} {_GB}",
            digits=1,
            percent=True,
        ),
        "nesta_gb_creative_growth": Published(
            totals.loc[year, "creative_employment"] / totals.loc[first, "creative_employment"] - 1,
            f"Growth of creative-industries employment in Great Britain, {first}-{year} {_GB}",
            digits=1,
            percent=True,
        ),
        "nesta_gb_other_growth": _aside(
            (totals.loc[year, "employment"] - totals.loc[year, "creative_employment"])
            / (totals.loc[first, "employment"] - totals.loc[first, "creative_employment"])
            - 1,
            f"Growth of employment outside the creative industries in Great Britain, {first}-{year} {_GB}",
            digits=1,
            percent=True,
        ),
        "nesta_gb_creative_business_growth": _aside(
            totals.loc[year, "creative_businesses"] / totals.loc[biz_first, "creative_businesses"]
            - 1,
            f"Growth of creative business counts in Great Britain, {biz_first}-{year} {_GB}",
            digits=1,
            percent=True,
        ),
        "nesta_gb_regions": _aside(
            len(regions), f"NUTS2 regions of Great Britain {_GB}", "regions"
        ),
        "nesta_gb_clusters": Published(
            int(regions["is_cluster"].sum()),
            f"Great Britain NUTS2 regions that pass the chapter's creative-cluster thresholds in {year} (at least {s.cluster_min_firms} creative businesses and a creative business location quotient of at least {s.cluster_min_lq}) {_GB}",
            unit="regions",
            digits=0,
        ),
        "nesta_gb_clusters_employment": Published(
            int(regions["employment_rule"].sum()),
            f"Great Britain NUTS2 regions whose creative employment location quotient is at least {s.cluster_min_lq} in {year} {_GB}",
            unit="regions",
            digits=0,
        ),
        "nesta_gb_clusters_both": _aside(
            int(both.sum()),
            f"GB regions that pass the business thresholds and have a creative employment location quotient of at least {s.cluster_min_lq} in {year} {_GB}",
            "regions",
        ),
        "nesta_gb_clusters_all_years": _aside(
            int((by_year.all(axis=1)).sum()),
            f"GB regions flagged as creative clusters in every year {biz_first}-{year} {_GB}",
            "regions",
        ),
        "nesta_gb_clusters_low_cut": _aside(
            int(cut[low]),
            f"GB creative clusters in {year} with a business location quotient cut-off of {low} {_GB}",
            "regions",
        ),
        "nesta_gb_clusters_high_cut": _aside(
            int(cut[high]),
            f"GB creative clusters in {year} with a business location quotient cut-off of {high} {_GB}",
            "regions",
        ),
        "nesta_gb_lq_cut_low": _aside(
            low,
            "Lower alternative LQ cut-off",
            "location quotient",
            1,
            provenance=CHAPTER_SETTING,
        ),
        "nesta_gb_lq_cut_high": _aside(
            high,
            "Higher alternative LQ cut-off",
            "location quotient",
            1,
            provenance=CHAPTER_SETTING,
        ),
        "nesta_gb_top_lq": Published(
            top["employment_lq"],
            f"Highest creative employment location quotient of a Great Britain NUTS2 region in {year} ({top['region']}) {_GB}",
            unit="location quotient",
            digits=1,
        ),
        "nesta_gb_cluster_employment_share": _aside(
            clusters["creative_employment"].sum() / regions["creative_employment"].sum(),
            f"Share of Great Britain's creative employment in the regions flagged as creative clusters in {year} {_GB}",
            percent=True,
        ),
    }
    gap = growth_gap.set_index("term")
    for key, term, what in (
        (
            "nesta_gb_growth_gap",
            "mean gap",
            "Mean across GB regions of creative minus other employment growth",
        ),
        (
            "nesta_gb_cluster_growth_gap",
            "clusters minus other regions",
            "Difference in the creative-minus-other employment growth gap between GB creative-cluster regions and the other regions",
        ),
    ):
        published |= _interval(
            key,
            gap.loc[term, "estimate"],
            gap.loc[term, "ci_lower"],
            gap.loc[term, "ci_upper"],
            f"{what}, {first}-{year}, percentage points, 95% CI with heteroskedasticity-robust standard errors, regions as observations {_GB}",
            unit="percentage points",
            digits=1,
            provenance=GB_GROWTH_GAP,
        )
    return _with_provenance(published, GB_REGIONS)
