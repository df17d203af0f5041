"""The Great Britain steps of the life-cycle chapter: BRES and IDBR, 2015-2018.

Part of ``clusternet.book.cluster_life_cycles``, which re-exports these steps.
Employment (BRES, 2015-2018) and business counts (IDBR, 2016-2018) by NUTS2 region and
4-digit SIC 2007 class (Office for National Statistics, Open Government Licence v3.0),
grouped into Nesta's industry segments and into the DCMS creative industries.

References
----------
- Office for National Statistics. Business Register and Employment Survey and
  Inter-Departmental Business Register, via Nomis (Open Government Licence v3.0).
- Department for Culture, Media and Sport. Creative Industries Economic Estimates:
  Methodology.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

import clusternet
from clusternet import data
from clusternet.book._lifecycle_settings import (
    GB_CREATIVE,
    GB_SEGMENTS,
    SETTING,
    SETTINGS,
    Settings,
    classify_options,
    count,
    pct,
    share,
)
from clusternet.book.published import Published

__all__ = [
    "GBPanel",
    "gb_panel",
    "GBStages",
    "gb_segment_stages",
    "GBCreativeIndicators",
    "gb_creative_indicators",
    "GB_LABEL",
]

GB_LABEL = (
    "real data: ONS BRES employment 2015-2018 and IDBR business counts 2016-2018, Great "
    "Britain NUTS2 regions"
)


@cache
def _bres() -> pd.DataFrame:
    return data.load("gb_bres_nuts2_sic4")


@dataclass(frozen=True)
class GBPanel:
    """Great Britain by NUTS2 region and 4-digit SIC, with the groupings the chapter uses.

    ``table``: the long BRES/IDBR table without the excluded regions; ``segments``: SIC
    code -> Nesta industry segment; ``creative``: DCMS creative SIC code -> sub-sector;
    ``region_names``: NUTS2 code -> name.
    """

    table: pd.DataFrame
    segments: pd.Series
    creative: pd.Series
    region_names: pd.Series


def gb_panel(settings: Settings = SETTINGS) -> GBPanel:
    """Load the Great Britain table and the segment and creative-industry lookups.

    Parameters
    ----------
    settings : Settings
        Uses ``gb_excluded_regions``.

    Returns
    -------
    GBPanel

    Raises
    ------
    clusternet.data.DataValidationError
        A data file that does not match its spec, or a lookup code that is not in the
        BRES table.
    """
    bres = _bres()
    table = bres[~bres["nuts2_code"].isin(settings.gb_excluded_regions)]
    segments = data.load("gb_sic4_segments").set_index("sic_4")["cluster"]
    creative = data.load("dcms_creative_sic2007").set_index("sic4")["subsector"]
    for name, lookup in (("gb_sic4_segments", segments), ("dcms_creative_sic2007", creative)):
        unknown = sorted(set(lookup.index) - set(table["sic4"]))
        if unknown:
            raise data.DataValidationError(
                f"{data.dataset_path(name)}: SIC code(s) {unknown[:5]} are not in "
                f"{data.dataset_path('gb_bres_nuts2_sic4')}"
            )
    names = table.drop_duplicates("nuts2_code").set_index("nuts2_code")["nuts2_name"]
    return GBPanel(table, segments, creative, names)


def _grouped(panel: GBPanel, groups: pd.Series, other: str) -> pd.DataFrame:
    """Region x group x year employment and businesses (codes outside ``groups``: ``other``)."""
    table = panel.table
    group = table["sic4"].map(groups).fillna(other).astype("str")
    return (
        table.assign(cluster=group)
        .groupby(["nuts2_code", "cluster", "year"], as_index=False)[["employment", "businesses"]]
        .sum(min_count=1)
        .rename(columns={"nuts2_code": "region"})
    )


def _features(long: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Employment trends over ``gb_years`` (residual standard errors; no business counts)."""
    years = long[long["year"].isin(settings.gb_years)]
    return clusternet.lifecycle_features(
        years,
        firms=None,
        firm_weight=0.0,
        min_employment=settings.gb_min_employment,
    )


def _business_formation(long: pd.DataFrame, settings: Settings) -> pd.Series:
    """Net growth of businesses against Great Britain, log points a year, by (region, cluster)."""
    first, last = settings.gb_business_years
    wide = long[long["year"].isin((first, last))].pivot_table(
        index=["region", "cluster"], columns="year", values="businesses"
    )
    totals = wide.sum()
    span = last - first
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.log(wide[last] / wide[first]) / span
    return growth - np.log(totals[last] / totals[first]) / span


@dataclass(frozen=True)
class GBStages:
    """Stages of every Great Britain region x industry segment, 2015-2018.

    ``features``: every pair (``usable`` flagged); ``classified``: the usable pairs with
    their stage; ``shares``: pairs per stage with intervals (``stage_shares``);
    ``stability``: ``stage_stability`` under the alternative thresholds.
    """

    features: pd.DataFrame
    classified: pd.DataFrame
    shares: pd.DataFrame
    stability: clusternet.StageStability
    published: dict[str, Published] = field(repr=False)


def gb_segment_stages(panel: GBPanel, settings: Settings = SETTINGS) -> GBStages:
    """Stage every Great Britain region x industry segment from its 2015-2018 employment.

    Employment only (IDBR has no 2015 business counts); the standard errors come from
    the scatter of the four years around each trend (Student t, 2 degrees of freedom).

    Parameters
    ----------
    panel : GBPanel
        From :func:`gb_panel`.
    settings : Settings
        Uses the GB years, ``gb_min_employment`` and the thresholds.

    Returns
    -------
    GBStages
    """
    long = _grouped(panel, panel.segments, settings.gb_other_group)
    features = _features(long, settings)
    usable = features[features["usable"]].reset_index(drop=True)
    classified = clusternet.classify_life_cycle(usable, **classify_options(settings))
    classified["region_name"] = classified["region"].map(panel.region_names)
    shares = clusternet.stage_shares(classified)
    stability = clusternet.stage_stability(
        usable,
        growth_thresholds=settings.alternative_growth_thresholds,
        specialisation_thresholds=settings.alternative_specialisation_thresholds,
        **classify_options(settings),
    )
    first, last = settings.gb_years[0], settings.gb_years[-1]
    years = f"{first}-{last}"
    label = f"({GB_LABEL}, Nesta industry segments)"
    published = {
        "lifecycle_gb_segments": count(
            panel.segments.nunique(),
            "Nesta industry segments of the 4-digit SIC codes",
            unit="segments",
            provenance=GB_SEGMENTS,
        ),
        "lifecycle_gb_regions": count(
            features["region"].nunique(),
            "Great Britain NUTS2 regions in the life-cycle panel",
            unit="regions",
            provenance=GB_SEGMENTS,
        ),
        "lifecycle_gb_pairs": count(
            len(classified),
            f"Great Britain region x industry-segment pairs given a life-cycle stage, {years} "
            f"{label}",
            unit="region-segment pairs",
            provenance=GB_SEGMENTS,
        ),
        "lifecycle_gb_pairs_excluded": count(
            int((~features["usable"] & (features["cluster"] != settings.gb_other_group)).sum()),
            "Great Britain region x industry-segment pairs left out: fewer than "
            f"{settings.gb_min_employment:,.0f} employees in some year, {years}",
            unit="region-segment pairs",
            provenance=GB_SEGMENTS,
        ),
        "lifecycle_gb_mean_confidence": share(
            classified["confidence"].mean(),
            f"Mean confidence of the Great Britain life-cycle stages, {years} {label}",
            provenance=GB_SEGMENTS,
        ),
        "lifecycle_gb_threshold_changed_share": share(
            stability.share_changed,
            "Share of Great Britain region x segment pairs whose stage changes when the growth "
            f"threshold moves from {pct(settings.growth_threshold)} to "
            f"{' or '.join(pct(t) for t in settings.alternative_growth_thresholds)} a year or "
            "the LQ threshold from "
            f"{settings.specialisation_threshold:g} to "
            f"{' or '.join(f'{t:g}' for t in settings.alternative_specialisation_thresholds)} "
            f"{label}",
            headline=True,
            provenance=GB_SEGMENTS,
        ),
        "lifecycle_alt_lq_threshold_low": Published(
            min(settings.alternative_specialisation_thresholds),
            "Lower alternative location-quotient threshold in the stability checks",
            unit="location quotient",
            digits=2,
            headline=False,
            provenance=SETTING,
        ),
        "lifecycle_alt_lq_threshold_high": Published(
            max(settings.alternative_specialisation_thresholds),
            "Higher alternative location-quotient threshold in the stability checks",
            unit="location quotient",
            digits=2,
            headline=False,
            provenance=SETTING,
        ),
        "lifecycle_gb_growth_changed_share": share(
            stability.share_changed_growth,
            "Share of Great Britain region x segment pairs whose stage changes under an "
            f"alternative growth threshold {label}",
            provenance=GB_SEGMENTS,
        ),
        "lifecycle_gb_lq_changed_share": share(
            stability.share_changed_specialisation,
            "Share of Great Britain region x segment pairs whose stage changes under an "
            f"alternative LQ threshold {label}",
            provenance=GB_SEGMENTS,
        ),
    }
    for stage in ("declining", "growing", "emerging", "mature", "not specialised"):
        key = stage.replace(" ", "_")
        published[f"lifecycle_gb_share_{key}"] = share(
            shares.loc[stage, "share"],
            f"Share of Great Britain region x segment pairs classified as {stage}, {years} {label}",
            headline=(stage == "declining"),
            provenance=GB_SEGMENTS,
        )
    published["lifecycle_gb_min_employment"] = count(
        settings.gb_min_employment,
        "Fewest employees (in every year) for a Great Britain region-segment pair to be given a "
        "life-cycle stage",
        unit="employees",
        provenance=SETTING,
    )
    published["lifecycle_gb_share_declining_expected"] = share(
        shares.loc["declining", "expected_share"],
        "Expected share of Great Britain region x segment pairs that are declining: the mean of "
        f"each pair's probability of decline (trend noise only) {label}",
        provenance=GB_SEGMENTS,
        ci_lower=shares.loc["declining", "ci_lower"],
        ci_upper=shares.loc["declining", "ci_upper"],
    )
    for end in ("ci_lower", "ci_upper"):
        published[f"lifecycle_gb_share_declining_expected_{end}"] = share(
            shares.loc["declining", end],
            f"{'Lower' if end == 'ci_lower' else 'Upper'} end of the 95% interval of the expected "
            "share of Great Britain region x segment pairs that are declining, from the stage "
            f"probabilities (trend noise only) {label}",
            provenance=GB_SEGMENTS,
        )
    return GBStages(features, classified, shares, stability, published)


@dataclass(frozen=True)
class GBCreativeIndicators:
    """The indicator table of the creative industries in every Great Britain region.

    ``table``: one row per region (creative industries as one group): stars, location
    quotient, focus, employment growth with its interval, business formation, stage and
    confidence, leading sub-sector and ``is_cluster`` (LQ at least the specialisation
    threshold in the last year); ``display``: the clusters, formatted for readers.
    """

    table: pd.DataFrame
    display: pd.DataFrame
    published: dict[str, Published] = field(repr=False)


def gb_creative_indicators(panel: GBPanel, settings: Settings = SETTINGS) -> GBCreativeIndicators:
    """Indicator table of the DCMS creative industries in the Great Britain regions.

    Reuses the Porter helpers (``long_to_matrix``, ``star_rating``) and the life-cycle
    classifier on the 2015-2018 employment of the creative industries taken as one group;
    business formation is the net growth of creative businesses (IDBR, 2016-2018)
    against all businesses in Great Britain.

    Parameters
    ----------
    panel : GBPanel
    settings : Settings

    Returns
    -------
    GBCreativeIndicators
    """
    creative, other = settings.gb_creative_group, settings.gb_other_group
    groups = pd.Series(creative, index=panel.creative.index)
    long = _grouped(panel, groups, other)
    features = _features(long, settings)
    classified = clusternet.classify_life_cycle(
        features[features["usable"]].reset_index(drop=True), **classify_options(settings)
    ).set_index(["region", "cluster"])
    last = settings.gb_years[-1]
    end = panel.table[panel.table["year"] == last]
    matrix = clusternet.long_to_matrix(
        end, region="nuts2_code", industry="sic4", value="employment"
    )
    mapping = pd.Series(other, index=matrix.columns).astype("str")
    mapping[panel.creative.index] = creative
    stars = star_rating_table = clusternet.star_rating(matrix, mapping)
    stars = star_rating_table[star_rating_table["cluster"] == creative].set_index("region")
    formation = _business_formation(long, settings).xs(creative, level="cluster")
    rows = classified.xs(creative, level="cluster")
    by_sub = end.assign(sub=end["sic4"].map(panel.creative)).dropna(subset=["sub"])
    sub = by_sub.groupby(["nuts2_code", "sub"])["employment"].sum()
    leading = sub.groupby(level=0).idxmax().map(lambda pair: pair[1])
    leading_share = sub.groupby(level=0).max() / sub.groupby(level=0).sum()
    table = pd.DataFrame(
        {
            "region_name": rows.index.map(panel.region_names),
            "employment": rows["employment"],
            "size_star": stars["size_star"].reindex(rows.index),
            "location_quotient": rows["location_quotient"],
            "specialisation_star": stars["specialisation_star"].reindex(rows.index),
            "focus": (stars["employment"] / matrix.sum(axis=1)).reindex(rows.index),
            "focus_star": stars["focus_star"].reindex(rows.index),
            "stars": stars["stars"].reindex(rows.index),
            "growth": rows["growth"],
            "growth_ci_lower": rows["growth_ci_lower"],
            "growth_ci_upper": rows["growth_ci_upper"],
            "business_formation": formation.reindex(rows.index),
            "stage": rows["stage"],
            "confidence": rows["confidence"],
            "leading_subsector": leading.reindex(rows.index),
            "leading_share": leading_share.reindex(rows.index),
        }
    )
    table["is_cluster"] = table["location_quotient"] >= settings.specialisation_threshold
    table = table.sort_values("location_quotient", ascending=False)
    clusters = table[table["is_cluster"]]
    first_b, last_b = settings.gb_business_years
    display = pd.DataFrame(
        {
            "Region (NUTS2)": clusters["region_name"],
            f"Creative jobs {last}": clusters["employment"].map("{:,.0f}".format),
            "Stars": clusters["stars"],
            f"LQ {last}": clusters["location_quotient"].map("{:.2f}".format),
            "Focus (% of jobs)": (100 * clusters["focus"]).map("{:.1f}".format),
            f"Job growth vs GB {settings.gb_years[0]}-{last} (% a year, 95% CI)": [
                f"{100 * g:+.1f} ({100 * lo:+.1f} to {100 * hi:+.1f})"
                for g, lo, hi in zip(
                    clusters["growth"],
                    clusters["growth_ci_lower"],
                    clusters["growth_ci_upper"],
                    strict=True,
                )
            ],
            f"Business formation vs GB {first_b}-{last_b} (% a year)": (
                100 * clusters["business_formation"]
            ).map("{:+.1f}".format),
            "Largest sub-sector (% of creative jobs)": [
                f"{name} ({100 * s:.0f}%)"
                for name, s in zip(
                    clusters["leading_subsector"], clusters["leading_share"], strict=True
                )
            ],
            "Stage": clusters["stage"],
            "Confidence": (100 * clusters["confidence"]).map("{:.0f}%".format),
        }
    )
    label = f"({GB_LABEL}, DCMS creative-industries SIC codes)"
    top = table.iloc[0]
    published = {
        "lifecycle_gb_creative_clusters": count(
            int(table["is_cluster"].sum()),
            "Great Britain NUTS2 regions whose creative industries have a location quotient of "
            f"at least {settings.specialisation_threshold:g} in {last} {label}",
            unit="regions",
            provenance=GB_CREATIVE,
        ),
        "lifecycle_gb_creative_regions": count(
            len(table),
            f"Great Britain NUTS2 regions with a creative-industries row {label}",
            unit="regions",
            provenance=GB_CREATIVE,
        ),
        "lifecycle_gb_creative_top_lq": Published(
            float(top["location_quotient"]),
            f"Highest creative-industries location quotient of a Great Britain NUTS2 region in {last} "
            f"({top['region_name']}) {label}",
            unit="location quotient",
            digits=1,
            headline=False,
            provenance=GB_CREATIVE,
        ),
        "lifecycle_gb_creative_clusters_growing": count(
            int(clusters["stage"].isin(("growing", "renewing")).sum()),
            f"Great Britain creative clusters classified as growing, {settings.gb_years[0]}-{last} {label}",
            unit="regions",
            provenance=GB_CREATIVE,
        ),
        "lifecycle_gb_creative_clusters_mature": count(
            int((clusters["stage"] == "mature").sum()),
            f"Great Britain creative clusters classified as mature, {settings.gb_years[0]}-{last} {label}",
            unit="regions",
            provenance=GB_CREATIVE,
        ),
        "lifecycle_gb_creative_clusters_declining": count(
            int((clusters["stage"] == "declining").sum()),
            f"Great Britain creative clusters classified as declining, {settings.gb_years[0]}-{last} {label}",
            unit="regions",
            provenance=GB_CREATIVE,
        ),
        "lifecycle_gb_creative_clusters_mean_confidence": share(
            clusters["confidence"].mean(),
            f"Mean confidence of the stages of the Great Britain creative clusters {label}",
            provenance=GB_CREATIVE,
        ),
    }
    published.update(_focus_region_numbers(table, settings, label, last))
    return GBCreativeIndicators(table, display, published)


def _focus_region_numbers(table: pd.DataFrame, settings: Settings, label: str, last: int) -> dict:
    """The creative industries of ``settings.gb_focus_region``, cluster or not."""
    code = settings.gb_focus_region
    if code not in table.index:
        raise ValueError(
            f"gb_focus_region {code!r} has no creative-industries row; known regions: "
            f"{', '.join(map(str, table.index[:10]))}, ..."
        )
    row = table.loc[code]
    where = f"{row['region_name']} ({code}) {label}"
    first = settings.gb_years[0]
    first_b, last_b = settings.gb_business_years
    growth = "growth of creative-industries employment against Great Britain"
    published = {
        "lifecycle_gb_focus_creative_jobs": Published(
            float(row["employment"]),
            f"Creative-industries employment in {last}, {where}",
            unit="jobs",
            digits=0,
            headline=False,
            provenance=GB_CREATIVE,
        ),
        "lifecycle_gb_focus_creative_lq": Published(
            float(row["location_quotient"]),
            f"Location quotient of the creative industries in {last}, {where}",
            unit="location quotient",
            digits=2,
            headline=False,
            provenance=GB_CREATIVE,
        ),
        "lifecycle_gb_focus_creative_growth": Published(
            float(row["growth"]),
            f"Trend {growth}, {first}-{last}, per year, {where}",
            digits=1,
            percent=True,
            signed=True,
            headline=False,
            provenance=GB_CREATIVE,
            estimate=True,
            ci_lower=float(row["growth_ci_lower"]),
            ci_upper=float(row["growth_ci_upper"]),
        ),
        "lifecycle_gb_focus_creative_business_formation": Published(
            float(row["business_formation"]),
            f"Net change in creative-industries business counts against Great Britain, "
            f"{first_b}-{last_b}, per year, {where}",
            digits=1,
            percent=True,
            signed=True,
            headline=False,
            provenance=GB_CREATIVE,
        ),
    }
    for end, words in (("ci_lower", "Lower"), ("ci_upper", "Upper")):
        published[f"lifecycle_gb_focus_creative_growth_{end}"] = Published(
            float(row[f"growth_{end}"]),
            f"{words} end of the 95% interval of the trend {growth}, {first}-{last}, {where}",
            digits=1,
            percent=True,
            signed=True,
            headline=False,
            provenance=GB_CREATIVE,
        )
    return published
