"""The analysis of the Porter chapter (``chapters/porter-clusters.md``), written once.

Each step is a function the chapter calls and shows; it returns a frozen result with the
tables the chapter displays and ``published``, the numbers it glues (wording and rounding
in :mod:`clusternet.book._porter_wording`). :func:`key_results` composes the same steps.

The steps, in the order of the chapter: :func:`county_business_patterns` (the real data),
:func:`cluster_mapping` (4-digit codes to Porter's clusters), :func:`traded_location_quotients`,
:func:`strong_clusters` (flags and stars), :func:`concentration_indices`,
:func:`sample_growth_regression` (planted effects), :func:`us_growth_panels` and
:func:`us_growth_regression` (the real-data regression and the combined effect).

Examples
--------
>>> SETTINGS.end_year - SETTINGS.start_year
4

References
----------
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies* 37(6-7).
- Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence, and economic
  performance. *Research Policy* 43(10), 1785-1799.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from clusternet import data
from clusternet.book import _porter_provenance as prov
from clusternet.book._porter_growth import (
    EstablishmentGrowth,
    GrowthWindows,
    establishment_growth,
    growth_windows,
    window_panels,
)
from clusternet.book._porter_outcomes import (
    CrosswalkSensitivity,
    GlaeserTest,
    PatentsAndStrength,
    PayInClusters,
    crosswalk_sensitivity,
    glaeser_test,
    patents_and_strength,
    pay_in_clusters,
)
from clusternet.book._porter_settings import COMBINED_TERMS, DPS_2014_SAMPLE, SETTINGS, Settings
from clusternet.book._porter_wording import publish
from clusternet.book.claims import claim
from clusternet.book.published import PublishedValues, published_values
from clusternet.book.us_cbp import cbp_table, porter_crosswalk, state_abbreviations
from clusternet.catalog.clusters import CLUSTER_TYPES
from clusternet.clusters import (
    CombinedEffect,
    adjacency_from_pairs,
    aggregate_to_clusters,
    cluster_location_quotient,
    combined_standardised_effect,
    dps_growth_panel,
    fit_dps_growth,
    herfindahl_index,
    hoover_localisation_index,
    krugman_specialisation_index,
    locational_gini,
    long_to_matrix,
    standardised_effects,
    star_rating,
    strong_cluster_flags,
)
from clusternet.clusters.dps import DPS_TERM_LABELS
from clusternet.clusters.strength import (
    ECO_FOCUS_TOP_SHARE,
    ECO_SIZE_TOP_SHARE,
    ECO_SPECIALISATION_THRESHOLD,
    STRONG_LQ_THRESHOLD,
    STRONG_TOP_SHARE,
)
from clusternet.models import coefficient_table

__all__ = [
    "Settings",
    "SETTINGS",
    "DPS_2014_SAMPLE",
    "county_business_patterns",
    "cluster_mapping",
    "traded_location_quotients",
    "strong_clusters",
    "concentration_indices",
    "sample_growth_regression",
    "us_growth_panels",
    "us_growth_regression",
    "growth_windows",
    "establishment_growth",
    "pay_in_clusters",
    "patents_and_strength",
    "glaeser_test",
    "crosswalk_sensitivity",
    "window_panels",
    "GrowthWindows",
    "EstablishmentGrowth",
    "PayInClusters",
    "PatentsAndStrength",
    "GlaeserTest",
    "CrosswalkSensitivity",
    "key_results",
]


def _interval(name: str, row: pd.Series, estimate: str = "effect") -> dict[str, float]:
    """An estimate and its interval in percentage points: ``name``, ``_ci_lower``, ``_ci_upper``."""
    return {
        name: row[estimate] * 100,
        f"{name}_ci_lower": row["ci_lower"] * 100,
        f"{name}_ci_upper": row["ci_upper"] * 100,
    }


@dataclass(frozen=True)
class CountyBusinessPatterns:
    """States x 4-digit NAICS tables of every year the chapter uses (no numbers published).

    ``employment``, ``establishments`` and ``payroll`` map a year to a matrix (rows: state
    FIPS, columns: NAICS; payroll in US$ 1,000).
    """

    tables: dict
    employment: dict
    states: pd.Series
    published: dict = field(default_factory=dict)
    establishments: dict = field(default_factory=dict)
    payroll: dict = field(default_factory=dict)


def county_business_patterns(settings: Settings = SETTINGS) -> CountyBusinessPatterns:
    """Load County Business Patterns of the chapter's years (states x 4-digit NAICS)."""
    years = sorted(
        {settings.start_year, settings.end_year, settings.pay_year}
        | {settings.patent_strength_year}
        | {year for window in settings.growth_windows for year in window}
    )
    tables = {year: cbp_table(year) for year in years}

    def matrices(value):
        return {
            year: long_to_matrix(table, region="Fips", industry="Naics", value=value)
            for year, table in tables.items()
        }

    return CountyBusinessPatterns(
        tables=tables,
        employment=matrices("Employees"),
        states=state_abbreviations(),
        establishments=matrices("Establishments"),
        payroll=matrices("Payroll"),
    )


@dataclass(frozen=True)
class ClusterMapping:
    """4-digit NAICS codes mapped to Porter's clusters, and how sure the mapping is."""

    crosswalk: pd.DataFrame
    clusters: pd.DataFrame
    traded: pd.Index
    mapping: pd.Series
    names: pd.Series
    measured_traded: list
    summary: pd.Series
    published: dict


def cluster_mapping(cbp: CountyBusinessPatterns, settings: Settings = SETTINGS) -> ClusterMapping:
    """Map the 4-digit codes of the data to clusters by the majority of their 6-digit codes."""
    porter = porter_crosswalk()
    crosswalk, clusters, traded, mapping = (
        porter.crosswalk,
        porter.clusters,
        porter.traded,
        porter.mapping,
    )
    jobs = cbp.employment[settings.end_year].sum()
    confident = crosswalk.loc[jobs.index, "confident"]
    code_share = crosswalk.loc[jobs.index, "share_of_codes"]
    tied = int(crosswalk.loc[jobs.index, "tied"].sum())
    confident_share = jobs[confident].sum() / jobs.sum()
    summary = pd.Series(
        {
            "4-digit codes in the data": len(jobs),
            "codes whose 6-digit codes all sit in one cluster": int(confident.sum()),
            "codes decided by a tie": tied,
            f"share of {settings.end_year} employment assigned confidently": confident_share,
        }
    ).round(3)
    measured_traded = [c for c in traded if c in set(mapping.loc[jobs.index])]
    label = {"traded": "traded", "local": "local", "resource_dependent": "resource"}
    values = {
        "porter_confident_employment_share": confident_share,
        "porter_code_share_weighted": (jobs * code_share).sum() / jobs.sum(),
        "porter_tied_codes": tied,
        "porter_traded_clusters_measured": len(measured_traded),
        **{
            f"porter_{label[kind]}_clusters_defined": (clusters["cluster_type"] == kind).sum()
            for kind in CLUSTER_TYPES
        },
        "porter_concordance_codes": data.load("naics4_2007_to_2017")["naics4_2017"].nunique(),
        "porter_traded_share_2021": jobs[mapping.loc[jobs.index].isin(traded).to_numpy()].sum()
        / jobs.sum(),
    }
    return ClusterMapping(
        crosswalk,
        clusters,
        traded,
        mapping,
        clusters["cluster_name"],
        measured_traded,
        summary,
        publish(values, alpha=settings.alpha, provenance=prov.mapping_labels(values)),
    )


@dataclass(frozen=True)
class TradedLocationQuotients:
    """Location quotients of every state in every measured traded cluster."""

    traded_lq: pd.DataFrame
    top: pd.DataFrame
    highlight: dict
    published: dict


def traded_location_quotients(
    cbp: CountyBusinessPatterns, clusters: ClusterMapping, settings: Settings = SETTINGS
) -> TradedLocationQuotients:
    """Cluster location quotients of the states (rows: states, columns: traded cluster names)."""
    employment = cbp.employment[settings.end_year].rename(index=cbp.states)
    lq = cluster_location_quotient(employment, clusters.mapping).rename_axis(index="state")
    traded_lq = lq[clusters.measured_traded].rename(columns=clusters.names)
    states = [state for state, _ in settings.showcase]
    top = traded_lq.loc[states].T.sort_values(states[0], ascending=False)
    values = {
        "porter_michigan_automotive_lq": traded_lq.loc["MI", "Automotive"],
        "porter_washington_aerospace_lq": traded_lq.loc["WA", "Aerospace Vehicles and Defense"],
        "porter_washington_fishing_lq": traded_lq.loc["WA", "Fishing and Fishing Products"],
    }
    return TradedLocationQuotients(
        traded_lq,
        top.head(settings.top_clusters).round(2),
        dict(settings.showcase),
        publish(values, alpha=settings.alpha, provenance=prov.CROSSWALK_2021),
    )


@dataclass(frozen=True)
class StrongClusters:
    """Strong-cluster flags and European Cluster Observatory stars of the traded clusters."""

    stars: pd.DataFrame
    flags: pd.DataFrame
    strongest: pd.DataFrame
    published: dict


def strong_clusters(
    cbp: CountyBusinessPatterns,
    clusters: ClusterMapping,
    lqs: TradedLocationQuotients,
    settings: Settings = SETTINGS,
) -> StrongClusters:
    """Flag strong state-clusters and rate them with stars (the helpers' default rules)."""
    employment = cbp.employment[settings.end_year].rename(index=cbp.states)
    traded = clusters.measured_traded
    stars = star_rating(employment, clusters.mapping)
    stars = stars[stars["cluster"].isin(traded)].assign(
        cluster=lambda t: t["cluster"].map(clusters.names)
    )
    flags = strong_cluster_flags(employment, clusters.mapping)
    flags = flags[flags["cluster"].isin(traded)]
    lq = lqs.traded_lq.rename_axis(index="region", columns="cluster").stack().rename("lq")
    strongest = (
        stars.merge(lq.reset_index(), on=["region", "cluster"])
        .sort_values(["region", "stars", "lq"], ascending=[True, False, False])
        .groupby("region")
        .head(settings.strongest_per_state)
    )
    shown = strongest["region"].isin(list(settings.table_states))
    strongest = strongest.loc[shown].set_index(["region", "cluster"])
    three_star = stars[stars["stars"] == 3]
    values = {
        "porter_default_lq_threshold": STRONG_LQ_THRESHOLD,
        "porter_default_top_share": STRONG_TOP_SHARE,
        "porter_eco_size_share": ECO_SIZE_TOP_SHARE,
        "porter_eco_specialisation_threshold": ECO_SPECIALISATION_THRESHOLD,
        "porter_eco_focus_share": ECO_FOCUS_TOP_SHARE,
        "porter_three_star_pairs": len(three_star),
        "porter_states_with_three_star": three_star["region"].nunique(),
        "porter_strong_pairs": flags["strong"].sum(),
        "porter_state_cluster_pairs": len(stars),
    }
    return StrongClusters(
        stars,
        flags,
        strongest[["employment", "stars", "lq"]].round(1),
        publish(values, alpha=settings.alpha, provenance=prov.strong_labels(values)),
    )


@dataclass(frozen=True)
class ConcentrationIndices:
    """EconGeo indices of each traded cluster (localisation) and each state (specialisation)."""

    by_cluster: pd.DataFrame
    by_state: pd.DataFrame
    most_and_least_localised: pd.DataFrame
    most_and_least_specialised: pd.DataFrame
    published: dict = field(default_factory=dict)


def concentration_indices(
    cbp: CountyBusinessPatterns, clusters: ClusterMapping, settings: Settings = SETTINGS
) -> ConcentrationIndices:
    """Locational Gini and Hoover index of the clusters; Krugman and Herfindahl of the states."""
    employment = cbp.employment[settings.end_year].rename(index=cbp.states)
    cluster_employment = aggregate_to_clusters(employment, clusters.mapping)
    by_cluster = pd.DataFrame(
        {
            "locational Gini": locational_gini(cluster_employment),
            "Hoover index": hoover_localisation_index(cluster_employment),
        }
    )
    by_cluster = by_cluster.loc[clusters.measured_traded].rename(index=clusters.names)
    by_state = pd.DataFrame(
        {
            "Krugman index": krugman_specialisation_index(employment),
            "Herfindahl index": herfindahl_index(employment),
        }
    ).rename_axis(index="state")
    ranked = by_cluster.sort_values("locational Gini", ascending=False)
    head, tail = settings.ranked_clusters
    localised = pd.concat([ranked.head(head), ranked.tail(tail)]).round(3)
    ranked = by_state.sort_values("Krugman index", ascending=False)
    head, tail = settings.ranked_states
    specialised = pd.concat([ranked.head(head), ranked.tail(tail)]).round(3)
    gini = by_cluster["locational Gini"]
    values = {"porter_gini_most_localised": gini.max(), "porter_gini_least_localised": gini.min()}
    published = publish(values, alpha=settings.alpha, provenance=prov.CROSSWALK_2021)
    return ConcentrationIndices(by_cluster, by_state, localised, specialised, published)


@dataclass(frozen=True)
class SampleGrowth:
    """The growth regression on the sample economy, against the planted coefficients."""

    panel: pd.DataFrame
    fit: object
    effects: pd.DataFrame
    recovery: pd.DataFrame
    truth: pd.DataFrame
    published: dict


def sample_growth_regression(settings: Settings = SETTINGS) -> SampleGrowth:
    """Fit the Delgado-Porter-Stern regression on the sample economy; compare with the truth."""
    sample = {
        name: data.load(f"sample_economy_{name}")
        for name in ("employment", "industries", "adjacency", "relatedness", "true_effects")
    }
    employment = sample["employment"]
    start, end = (
        long_to_matrix(employment[employment["year"] == year], "region", "industry", "employment")
        for year in (settings.sample_start_year, settings.sample_end_year)
    )
    years = settings.sample_end_year - settings.sample_start_year
    panel = dps_growth_panel(
        start,
        end,
        sample["industries"].set_index("industry")["cluster"],
        years=years,
        relatedness=adjacency_from_pairs(sample["relatedness"], "cluster_a", "cluster_b"),
        adjacency=adjacency_from_pairs(sample["adjacency"], "region_a", "region_b"),
    )
    fit = fit_dps_growth(panel)
    effects = standardised_effects(fit, panel, alpha=settings.alpha)
    truth = sample["true_effects"]
    recovery = coefficient_table(fit, alpha=settings.alpha, terms=list(truth["term"])).merge(
        truth[["term", "coefficient"]].rename(columns={"coefficient": "true value"}), on="term"
    )
    inside = f"inside {1 - settings.alpha:.0%} CI"
    recovery[inside] = recovery["true value"].between(recovery["ci_lower"], recovery["ci_upper"])
    columns = ["term", "true value", "estimate", "ci_lower", "ci_upper", inside]
    values = {
        "porter_sample_regions": start.shape[0],
        "porter_sample_industries": start.shape[1],
        "porter_sample_clusters": sample["industries"]["cluster"].nunique(),
        "porter_sample_years": years,
        "porter_sample_terms": len(truth),
        "porter_sample_terms_recovered": recovery[inside].sum(),
        **_interval(
            "porter_sample_cluster_effect",
            effects.set_index("term").loc["log_cluster_specialisation"],
        ),
        "porter_published_cluster_effect": claim("cluster_growth")["claimed_low"],
        "porter_sample_cells": panel["usable"].sum(),
        "porter_confidence_level": 1 - settings.alpha,
    }
    planted = truth.assign(
        label=lambda t: t["term"].map(DPS_TERM_LABELS),
        effect=lambda t: t["effect_per_sd"],
        data="Sample",
    )
    return SampleGrowth(
        panel,
        fit,
        effects,
        recovery[columns].round(4),
        planted,
        publish(values, alpha=settings.alpha, provenance=prov.sample_labels(values)),
    )


@dataclass(frozen=True)
class USGrowthPanels:
    """State x traded-industry cells of the real-data growth regression, with exclusions."""

    real: pd.DataFrame
    matched: pd.DataFrame
    matched_clusters: list
    exclusions: pd.Series
    published: dict


def us_growth_panels(
    cbp: CountyBusinessPatterns, clusters: ClusterMapping, settings: Settings = SETTINGS
) -> USGrowthPanels:
    """Build the growth panels: all traded clusters, and the clusters matched to DPS (2016).

    Cells withheld in the start year (zero employees but establishments) are excluded;
    industries withheld in every state are dropped; neighbours are states sharing a
    boundary; related clusters are those of Delgado, Porter and Stern (2016) whose names
    equal a traded cluster's.
    """
    first, last = settings.start_year, settings.end_year
    panels = window_panels(cbp, clusters, first, last, settings)
    real, matched_panel, matched = panels.real, panels.matched, panels.matched_clusters
    values = {
        "porter_withheld_cells_2017": panels.withheld_cells,
        "porter_industries_withheld_everywhere": len(panels.withheld_everywhere),
        "porter_dps_clusters": panels.dps_clusters,
        "porter_states": real["region"].nunique(),
        "porter_real_years": last - first,
        "porter_dps_regions": DPS_2014_SAMPLE["regions"],
        "porter_real_cells": real["usable"].sum(),
        "porter_real_candidate_cells": len(real),
        "porter_matched_clusters": len(matched),
        "porter_matched_cells": matched_panel["usable"].sum(),
    }
    exclusions = real["exclusion_reason"].replace("", "used in the regression").value_counts()
    published = publish(
        values, alpha=settings.alpha, provenance=prov.panel_labels(values, first, last)
    )
    return USGrowthPanels(real, matched_panel, matched, exclusions, published)


@dataclass(frozen=True)
class USGrowth:
    """The growth regression on US states, beside the sample economy's."""

    real_fit: object
    matched_fit: object
    effects: pd.DataFrame
    table: pd.DataFrame
    combined: CombinedEffect
    published: dict


def us_growth_regression(
    panels: USGrowthPanels, sample: SampleGrowth, settings: Settings = SETTINGS
) -> USGrowth:
    """Fit the regression on both US panels; effects per standard deviation; combined effect."""
    real_fit = fit_dps_growth(panels.real)
    matched_fit = fit_dps_growth(panels.matched)
    real = standardised_effects(real_fit, panels.real, alpha=settings.alpha)
    matched = standardised_effects(matched_fit, panels.matched, alpha=settings.alpha)
    effects = pd.concat(
        [
            sample.effects.assign(data="Sample"),
            real.assign(data="US all traded"),
            matched.assign(data="US name-matched"),
        ],
        ignore_index=True,
    )
    in_pp = {column: effects[column] * 100 for column in ("effect", "ci_lower", "ci_upper")}
    table = effects.assign(**in_pp)[["data", "label", "effect", "ci_lower", "ci_upper"]]
    real, matched = real.set_index("term"), matched.set_index("term")
    combined = combined_standardised_effect(
        matched_fit, panels.matched, list(COMBINED_TERMS), alpha=settings.alpha
    )
    claimed = claim("combined_growth")
    values = {
        **_interval("porter_real_convergence_effect", real.loc["log_lq"]),
        **_interval("porter_real_cluster_effect", real.loc["log_cluster_specialisation"]),
        **_interval("porter_real_neighbour_effect", real.loc["log_neighbour_strength"]),
        **_interval("porter_matched_cluster_effect", matched.loc["log_cluster_specialisation"]),
        **_interval("porter_matched_related_effect", matched.loc["log_related_strength"]),
        **_interval("porter_combined_effect", pd.Series(vars(combined)), "estimate"),
        "porter_claimed_combined_effect_min": claimed["claimed_low"],
        "porter_claimed_combined_effect_max": claimed["claimed_high"],
    }
    labels = prov.us_growth_labels(values, settings.start_year, settings.end_year)
    published = publish(values, alpha=settings.alpha, provenance=labels)
    return USGrowth(real_fit, matched_fit, effects, table.round(2), combined, published)


#: the numbers of the chapter that the policy synthesis reads (all pinned in
#: ``tests/expected/porter-clusters.csv``)
KEY_RESULTS = (
    "porter_confident_employment_share",
    "porter_traded_share_2021",
    "porter_michigan_automotive_lq",
    "porter_washington_aerospace_lq",
    "porter_three_star_pairs",
    "porter_sample_terms_recovered",
    "porter_sample_cluster_effect",
    *(
        f"porter_{key}_effect{suffix}"
        for key in ("real_convergence", "real_cluster", "real_neighbour", "matched_related")
        for suffix in ("", "_ci_lower", "_ci_upper")
    ),
    "porter_combined_effect",
    "porter_combined_effect_ci_lower",
    "porter_combined_effect_ci_upper",
    "porter_claimed_combined_effect_min",
    "porter_claimed_combined_effect_max",
    *(
        f"porter_{key}{suffix}"
        for key in (
            "pre_convergence_effect",
            "pre_cluster_effect",
            "pre_neighbour_effect",
            "pre_related_effect",
            "pre_establishment_cluster_effect",
            "pay_lq_premium",
            "pay_strong_premium",
            "patents_strong_share",
            "glaeser_specialisation_effect",
            "glaeser_diversity_effect",
            "glaeser_competition_effect",
        )
        for suffix in ("", "_ci_lower", "_ci_upper")
    ),
)


def key_results(settings: Settings = SETTINGS) -> dict[str, float]:
    """Headline numbers of the Porter chapter, from the same steps the chapter runs.

    Parameters
    ----------
    settings : Settings
        The chapter's settings (default :data:`SETTINGS`).

    Returns
    -------
    dict
        Glue name -> exact value, for every name in :data:`KEY_RESULTS`.

    Raises
    ------
    FileNotFoundError, clusternet.data.DataValidationError
        A data file is missing or does not match its spec.
    """
    cbp = county_business_patterns(settings)
    clusters = cluster_mapping(cbp, settings)
    lqs = traded_location_quotients(cbp, clusters, settings)
    strong = strong_clusters(cbp, clusters, lqs, settings)
    sample = sample_growth_regression(settings)
    growth = us_growth_regression(us_growth_panels(cbp, clusters, settings), sample, settings)
    values = published_values(
        clusters.published,
        lqs.published,
        strong.published,
        sample.published,
        growth.published,
        growth_windows(cbp, clusters, settings).published,
        establishment_growth(cbp, clusters, settings).published,
        pay_in_clusters(cbp, clusters, settings).published,
        patents_and_strength(cbp, clusters, settings).published,
        glaeser_test(cbp, clusters, settings).published,
    )
    return PublishedValues({name: values[name] for name in KEY_RESULTS}, values.published)
