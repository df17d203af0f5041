"""The US panel steps of the life-cycle chapter: County Business Patterns 2017, 2019, 2020, 2021.

Part of ``clusternet.book.cluster_life_cycles``, which re-exports these steps. CBP counts
employees in the pay period including 12 March, so 2020 is before the pandemic shock and
2021 the first year after it: the pre-pandemic trajectory (2017, 2019, 2020) and the
pandemic year (2020 to 2021) are classified apart.

References
----------
- US Census Bureau. County Business Patterns 2017, 2019, 2020 and 2021.
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies* 37(6-7).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import clusternet
from clusternet import data
from clusternet.book._lifecycle_settings import (
    SETTINGS,
    US_PANEL,
    US_PANEL_SLOPE,
    Settings,
    classify_options,
    count,
    pct,
    share,
)
from clusternet.book._lifecycle_us import USInputs
from clusternet.book.published import Published
from clusternet.book.us_cbp import cbp_table
from clusternet.models import coefficient_table, fit_ols

__all__ = ["USPanel", "us_panel", "USPanelStages", "us_panel_stages", "US_PANEL_LABEL"]

US_PANEL_LABEL = "real data: US Census County Business Patterns 2017, 2019, 2020, 2021"


@dataclass(frozen=True)
class USPanel:
    """States x Porter clusters x years: employees and establishments, every cluster.

    ``panel``: long table ``region, cluster, year, employment, firms`` (the whole
    economy); ``withheld``: (state, cluster) pairs with an industry whose cell Census
    withheld in some year; ``cluster_type``: cluster -> traded / local /
    resource_dependent.
    """

    panel: pd.DataFrame
    withheld: pd.Series
    cluster_type: pd.Series


def us_panel(inputs: USInputs, settings: Settings = SETTINGS) -> USPanel:
    """The comparable County Business Patterns years as a states x clusters x years panel.

    The first and last years come from ``inputs`` (the two-year step's matrices and
    crosswalk); the years between are read once each.

    Parameters
    ----------
    inputs : USInputs
        From ``us_inputs``: the matrices of the first and last panel years and the
        industry -> cluster mapping.
    settings : Settings
        Uses ``us_panel_years`` (its first and last must be ``us_start_year`` and
        ``us_end_year``).

    Returns
    -------
    USPanel

    Raises
    ------
    ValueError
        Panel years that do not start and end with the two-year step's years, or an
        industry the crosswalk does not assign.
    """
    years = tuple(settings.us_panel_years)
    if (years[0], years[-1]) != (settings.us_start_year, settings.us_end_year):
        raise ValueError(
            f"us_panel_years {years} must start with us_start_year ({settings.us_start_year}) "
            f"and end with us_end_year ({settings.us_end_year})"
        )
    states = data.load("us_states").set_index("fips")["name"]
    counts = {
        (years[0], "employment"): inputs.employment_start,
        (years[0], "firms"): inputs.firms_start,
        (years[-1], "employment"): inputs.employment_end,
        (years[-1], "firms"): inputs.firms_end,
    }
    for year in years[1:-1]:
        table = cbp_table(year)
        for key, column in (("employment", "Employees"), ("firms", "Establishments")):
            counts[(year, key)] = clusternet.long_to_matrix(
                table, region="Fips", industry="Naics", value=column
            ).rename(index=states)
    regions = sorted(set().union(*(m.index for m in counts.values())))
    industries = sorted(set().union(*(m.columns for m in counts.values())))
    counts = {
        key: m.reindex(index=regions, columns=industries, fill_value=0) for key, m in counts.items()
    }
    mapping = inputs.mapping.reindex(industries)
    if mapping.isna().any():
        missing = list(mapping.index[mapping.isna()])
        raise ValueError(f"the cluster crosswalk has no cluster for NAICS code(s) {missing[:5]}")
    withheld_cells = sum(
        ((counts[(y, "employment")] == 0) & (counts[(y, "firms")] > 0)).astype(int) for y in years
    )
    withheld = clusternet.aggregate_to_clusters(withheld_cells, mapping).stack() > 0
    withheld.index.names = ["region", "cluster"]
    frames = []
    for year in years:
        employment = clusternet.aggregate_to_clusters(counts[(year, "employment")], mapping)
        firms = clusternet.aggregate_to_clusters(counts[(year, "firms")], mapping)
        frame = pd.DataFrame({"employment": employment.stack(), "firms": firms.stack()})
        frame.index.names = ["region", "cluster"]
        frames.append(frame.reset_index().assign(year=year))
    panel = pd.concat(frames, ignore_index=True)
    return USPanel(panel, withheld, inputs.cluster_type.copy())


@dataclass(frozen=True)
class USPanelStages:
    """Stages of the US state x traded-cluster pairs in each window, on the same pairs.

    ``pre``, ``full``, ``pandemic``: ``classify_life_cycle`` output for the pre-pandemic
    window, every year, and the pandemic year (indexed by region and cluster);
    ``shares``: ``stage_shares`` of the pre-pandemic stages; ``stability``:
    ``stage_stability`` of the pre-pandemic stages; ``transitions``: pre-pandemic x
    whole-panel stage counts; ``continuation``: the regression of the pandemic-year
    change on the pre-pandemic trend (coefficient table, standard errors clustered by
    state).
    """

    pre: pd.DataFrame
    full: pd.DataFrame
    pandemic: pd.DataFrame
    shares: pd.DataFrame
    stability: clusternet.StageStability
    transitions: pd.DataFrame
    continuation: pd.DataFrame
    published: dict[str, Published] = field(repr=False)


def _window(panel: pd.DataFrame, years, settings: Settings) -> pd.DataFrame:
    return clusternet.lifecycle_features(
        panel[panel["year"].isin(years)],
        noise=settings.cbp_noise,
        min_employment=settings.us_min_employment,
    ).set_index(["region", "cluster"])


def us_panel_stages(panel: USPanel, settings: Settings = SETTINGS) -> USPanelStages:
    """Stage every US state x traded cluster before the pandemic, over the panel, and in 2020-21.

    A pair is staged if it has at least ``us_min_employment`` employees and an
    establishment in every panel year and no withheld cell; the same pairs are staged in
    every window. The errors assume each count is off by ``cbp_noise`` (the Census
    "low noise" bound), as in the two-year reading.

    Parameters
    ----------
    panel : USPanel
        From :func:`us_panel`.
    settings : Settings
        Uses the panel, pre-pandemic and pandemic years, ``cbp_noise``,
        ``us_min_employment``, the thresholds and ``pandemic_cluster``.

    Returns
    -------
    USPanelStages
    """
    windows = {
        "pre": settings.us_pre_pandemic_years,
        "full": settings.us_panel_years,
        "pandemic": settings.us_pandemic_years,
    }
    features = {name: _window(panel.panel, years, settings) for name, years in windows.items()}
    usable = pd.concat([f["usable"] for f in features.values()], axis=1).all(axis=1)
    traded = usable.index.get_level_values("cluster").map(panel.cluster_type) == "traded"
    withheld = panel.withheld.reindex(usable.index, fill_value=False).to_numpy()
    keep = usable.to_numpy() & traded & ~withheld
    rows = usable.index[keep]
    staged = {
        name: clusternet.classify_life_cycle(
            f.loc[rows].reset_index(), **classify_options(settings)
        ).set_index(["region", "cluster"])
        for name, f in features.items()
    }
    pre, full, pandemic = staged["pre"], staged["full"], staged["pandemic"]
    shares = clusternet.stage_shares(pre)
    stability = clusternet.stage_stability(
        features["pre"].loc[rows].reset_index(),
        growth_thresholds=settings.alternative_growth_thresholds,
        specialisation_thresholds=settings.alternative_specialisation_thresholds,
        **classify_options(settings),
    )
    transitions = clusternet.stage_confusion(pre["stage"], full["stage"])
    both = pd.DataFrame(
        {
            "pandemic_growth": pandemic["growth"],
            "pre_growth": pre["growth"],
            "state": pre.index.get_level_values("region"),
        }
    )
    fit = fit_ols("pandemic_growth ~ pre_growth", both, cluster="state")
    continuation = coefficient_table(fit, terms=["pre_growth"])
    slope = continuation.iloc[0]
    hospitality = pre.xs(settings.pandemic_cluster, level="cluster")
    hospitality_pandemic = pandemic.xs(settings.pandemic_cluster, level="cluster")
    aggregate = panel.panel.assign(
        traded=panel.panel["cluster"].map(panel.cluster_type).eq("traded")
    )
    first, last = settings.us_pre_pandemic_years[0], settings.us_pre_pandemic_years[-1]
    totals = aggregate[aggregate["year"].isin((first, last))].pivot_table(
        index="traded", columns="year", values="employment", aggfunc="sum"
    )
    span = last - first
    traded_share_growth = (
        float(
            np.log(totals.loc[True, last] / totals[last].sum())
            - np.log(totals.loc[True, first] / totals[first].sum())
        )
        / span
    )
    pre_years = f"{first}-{last}"
    p0, p1 = settings.us_pandemic_years
    label = f"({US_PANEL_LABEL}; Porter traded clusters)"
    published = {
        "lifecycle_us_panel_pairs": count(
            len(rows),
            "US state x traded-cluster pairs staged in every window of the 2017-2021 panel "
            f"(at least {settings.us_min_employment:,.0f} employees every year, no withheld cell)",
            unit="state-cluster pairs",
            provenance=US_PANEL,
        ),
        "lifecycle_us_pre_share_declining": share(
            shares.loc["declining", "share"],
            f"Share of US state x traded-cluster pairs classified as declining before the "
            f"pandemic, {pre_years} {label}",
            headline=True,
            provenance=US_PANEL,
        ),
        "lifecycle_us_pre_share_declining_expected": share(
            shares.loc["declining", "expected_share"],
            "Expected share of US state x traded-cluster pairs declining before the pandemic: the "
            "mean of each pair's probability of decline "
            f"({pct(settings.cbp_noise)} noise in each count) {label}",
            provenance=US_PANEL,
            ci_lower=shares.loc["declining", "ci_lower"],
            ci_upper=shares.loc["declining", "ci_upper"],
        ),
        "lifecycle_us_pre_share_declining_expected_ci_lower": share(
            shares.loc["declining", "ci_lower"],
            "Lower end of the 95% interval of the expected pre-pandemic declining share, from the stage "
            f"probabilities ({pct(settings.cbp_noise)} noise in each count) {label}",
            provenance=US_PANEL,
        ),
        "lifecycle_us_pre_share_declining_expected_ci_upper": share(
            shares.loc["declining", "ci_upper"],
            "Upper end of the 95% interval of the expected pre-pandemic declining share, from the stage "
            f"probabilities ({pct(settings.cbp_noise)} noise in each count) {label}",
            provenance=US_PANEL,
        ),
        "lifecycle_us_traded_share_growth_pre": Published(
            traded_share_growth,
            "Growth of the traded clusters' share of US employment before the pandemic, "
            f"{pre_years}, log points a year {label}",
            percent=True,
            digits=1,
            signed=True,
            headline=False,
            provenance=US_PANEL,
        ),
        "lifecycle_us_pre_median_growth": Published(
            float(pre["growth"].median()),
            "Median growth against the economy of the US state x traded-cluster pairs before "
            f"the pandemic, {pre_years}, log points a year (employees and establishments) {label}",
            percent=True,
            digits=1,
            signed=True,
            headline=False,
            provenance=US_PANEL,
        ),
        "lifecycle_us_pre_mean_confidence": share(
            pre["confidence"].mean(),
            f"Mean confidence of the pre-pandemic US stages ({pct(settings.cbp_noise)} noise "
            f"in each count) {label}",
            provenance=US_PANEL,
        ),
        "lifecycle_us_pre_threshold_changed_share": share(
            stability.share_changed,
            "Share of US state x traded-cluster pairs whose pre-pandemic stage changes when the "
            f"growth threshold moves from {pct(settings.growth_threshold)} to "
            f"{' or '.join(pct(t) for t in settings.alternative_growth_thresholds)} a year or "
            f"the LQ threshold from {settings.specialisation_threshold:g} to "
            f"{' or '.join(f'{t:g}' for t in settings.alternative_specialisation_thresholds)} "
            f"{label}",
            headline=True,
            provenance=US_PANEL,
        ),
        "lifecycle_us_pre_full_changed_share": share(
            float((pre["stage"] != full["stage"]).mean()),
            f"Share of US state x traded-cluster pairs whose stage over {pre_years} differs "
            f"from their stage over the whole panel {settings.us_panel_years[0]}-"
            f"{settings.us_panel_years[-1]} {label}",
            headline=True,
            provenance=US_PANEL,
        ),
        "lifecycle_us_pandemic_share_losing": share(
            float((pandemic["stage"] == "declining").mean()),
            f"Share of US state x traded-cluster pairs that lost more than "
            f"{pct(settings.growth_threshold)} against the economy in the pandemic year "
            f"{p0}-{p1} {label}",
            provenance=US_PANEL,
        ),
        "lifecycle_us_pandemic_share_gaining": share(
            float(pandemic["stage"].isin(("emerging", "growing")).mean()),
            f"Share of US state x traded-cluster pairs that gained more than "
            f"{pct(settings.growth_threshold)} against the economy in the pandemic year "
            f"{p0}-{p1} {label}",
            provenance=US_PANEL,
        ),
        "lifecycle_us_continuation_slope": Published(
            float(slope["estimate"]),
            f"Slope of the pandemic-year change ({p0}-{p1}) on the pre-pandemic trend "
            f"({pre_years}) across US state x traded-cluster pairs (OLS, standard errors "
            f"clustered by state) {label}",
            digits=2,
            headline=False,
            provenance=US_PANEL_SLOPE,
        ),
        "lifecycle_us_continuation_slope_ci_lower": Published(
            float(slope["ci_lower"]),
            "Lower end of the 95% interval of the slope of the pandemic-year change on the "
            "pre-pandemic trend",
            digits=2,
            headline=False,
            provenance=US_PANEL_SLOPE,
        ),
        "lifecycle_us_continuation_slope_ci_upper": Published(
            float(slope["ci_upper"]),
            "Upper end of the 95% interval of the slope of the pandemic-year change on the "
            "pre-pandemic trend",
            digits=2,
            headline=False,
            provenance=US_PANEL_SLOPE,
        ),
        "lifecycle_us_pre_hospitality_states": count(
            len(hospitality),
            f"States with a staged {settings.pandemic_cluster} cluster in the panel",
            unit="states",
            provenance=US_PANEL,
        ),
        "lifecycle_us_pre_hospitality_declining": count(
            int((hospitality["stage"] == "declining").sum()),
            f"States whose {settings.pandemic_cluster} cluster was already declining before the "
            f"pandemic, {pre_years} {label}",
            unit="states",
            provenance=US_PANEL,
        ),
        "lifecycle_us_pandemic_hospitality_declining": count(
            int((hospitality_pandemic["stage"] == "declining").sum()),
            f"States whose {settings.pandemic_cluster} cluster lost more than "
            f"{pct(settings.growth_threshold)} against the economy in {p0}-{p1} {label}",
            unit="states",
            provenance=US_PANEL,
        ),
    }
    for stage in ("growing", "emerging", "mature", "not specialised"):
        published[f"lifecycle_us_pre_share_{stage.replace(' ', '_')}"] = share(
            shares.loc[stage, "share"],
            f"Share of US state x traded-cluster pairs classified as {stage} before the "
            f"pandemic, {pre_years} {label}",
            provenance=US_PANEL,
        )
    return USPanelStages(
        pre, full, pandemic, shares, stability, transitions, continuation, published
    )
