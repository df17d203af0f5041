"""The real US steps of the life-cycle chapter: County Business Patterns, 2017-2021.

Part of :mod:`clusternet.book.cluster_life_cycles`, which re-exports these steps. The
inputs are built from :mod:`clusternet.book.us_cbp`, so the Porter and life-cycle chapters
read the same matrices and the same crosswalk.

References
----------
- US Census Bureau. County Business Patterns 2017 and 2021.
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies* 37(6-7).
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import clusternet
from clusternet import data
from clusternet._validation import format_items
from clusternet.book._lifecycle_settings import (
    CBP_NOISE_SETTING,
    SETTING,
    SETTINGS,
    US_CROSSWALK_2021,
    US_TWO_YEARS,
    Settings,
    count,
    pct,
    share,
)
from clusternet.book.published import Published
from clusternet.book.us_cbp import cbp_matrix, porter_crosswalk
from clusternet.catalog.lifecycle import LIFECYCLE_STAGES

__all__ = [
    "USInputs",
    "build_us_inputs",
    "us_inputs",
    "USIndicators",
    "us_indicators",
    "StageShares",
    "us_stage_shares",
    "Sensitivity",
    "threshold_sensitivity",
    "state_indicator_table",
]


@dataclass(frozen=True)
class USInputs:
    """County Business Patterns of two years as states x 4-digit NAICS matrices.

    The four matrices have identical labels (states by name, every industry of either
    year, absent cells 0). ``mapping``: NAICS code -> Porter cluster name;
    ``cluster_type``: cluster name -> traded / local / resource_dependent;
    ``confident_employment_share``: share of end-year employment in codes whose 6-digit
    codes all belong to one cluster.
    """

    employment_start: pd.DataFrame
    employment_end: pd.DataFrame
    firms_start: pd.DataFrame
    firms_end: pd.DataFrame
    mapping: pd.Series
    cluster_type: pd.Series
    confident_employment_share: float

    def matrices(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """The four matrices in the order ``lifecycle_indicator_table`` takes them."""
        return self.employment_start, self.employment_end, self.firms_start, self.firms_end


def build_us_inputs(start_year: int, end_year: int) -> USInputs:
    """County Business Patterns of two years, ready for ``lifecycle_indicator_table``.

    Employees and establishments of ``start_year`` and ``end_year`` from
    ``clusternet.book.us_cbp``, states named, both years aligned on every state and
    industry (missing cells 0); industries mapped to Porter's clusters with the shared
    crosswalk. The resource-dependent "Agricultural Products" cluster is renamed
    "Agricultural Products (resource-dependent)" so that cluster names are unique.

    Parameters
    ----------
    start_year, end_year : int
        Years with a ``cbp_state_naics4_<year>`` data set.

    Returns
    -------
    USInputs

    Raises
    ------
    TypeError
        A year that is not an integer.
    ValueError
        ``end_year`` not after ``start_year``, or an industry the crosswalk does not
        assign.
    FileNotFoundError
        A year without data.
    """
    for value, label in ((start_year, "start_year"), (end_year, "end_year")):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{label} must be an integer year, got {type(value).__name__}")
    if end_year <= start_year:
        raise ValueError(f"end_year ({end_year}) must be after start_year ({start_year})")
    states = data.load("us_states").set_index("fips")["name"]
    matrices = {
        f"{key}_{when}": cbp_matrix(year, column).rename(index=states)
        for when, year in (("start", start_year), ("end", end_year))
        for key, column in (("employment", "Employees"), ("firms", "Establishments"))
    }
    regions = matrices["employment_start"].index.union(matrices["employment_end"].index)
    industries = matrices["employment_start"].columns.union(matrices["employment_end"].columns)
    matrices = {
        key: matrix.reindex(index=regions, columns=industries, fill_value=0)
        for key, matrix in matrices.items()
    }
    porter = porter_crosswalk()
    crosswalk, clusters = porter.crosswalk, porter.clusters
    duplicated = clusters["cluster_name"].duplicated(keep=False) & (
        clusters["cluster_type"] == "resource_dependent"
    )
    labels = clusters["cluster_name"].where(
        ~duplicated, clusters["cluster_name"] + " (resource-dependent)"
    )
    missing = [code for code in industries if code not in crosswalk.index]
    if missing:
        raise ValueError(
            f"the cluster crosswalk has no cluster for NAICS code(s) {format_items(missing)}"
        )
    mapping = crosswalk.loc[industries, "cluster"].map(labels).astype("str")
    cluster_type = pd.Series(clusters["cluster_type"].to_numpy(), index=labels.to_numpy())
    end_employment = matrices["employment_end"].sum(axis=0)
    confident = crosswalk.loc[industries, "confident"].to_numpy()
    return USInputs(
        **matrices,
        mapping=mapping,
        cluster_type=cluster_type.astype("str"),
        confident_employment_share=float(end_employment[confident].sum() / end_employment.sum()),
    )


def us_inputs(settings: Settings = SETTINGS) -> USInputs:
    """The real US data of the two years, from the shared County Business Patterns.

    Parameters
    ----------
    settings : Settings
        Uses ``us_start_year`` and ``us_end_year``.

    Returns
    -------
    USInputs
        The four states x industries matrices, the industry -> cluster ``mapping``, the
        ``cluster_type`` of each cluster and ``confident_employment_share``.

    Raises
    ------
    TypeError, ValueError
        As ``build_us_inputs``: years that are not integers or not in order.
    """
    return build_us_inputs(settings.us_start_year, settings.us_end_year)


def _indicator_table(inputs: USInputs, settings: Settings, growth_threshold: float):
    return clusternet.lifecycle_indicator_table(
        *inputs.matrices(),
        inputs.mapping,
        start_year=settings.us_start_year,
        end_year=settings.us_end_year,
        noise=settings.cbp_noise,
        min_employment=settings.us_min_employment,
        growth_threshold=growth_threshold,
        specialisation_threshold=settings.specialisation_threshold,
    )


@dataclass(frozen=True)
class USIndicators:
    """The indicator table of every US state and cluster, and its traded part.

    ``table``: every state-cluster pair, flagged ``usable``; ``traded``: the usable
    pairs of traded clusters (the ones given a stage); ``excluded``: the traded pairs
    left out, with their ``exclusion_reason``; ``unmeasured``: clusters no 4-digit
    industry is assigned to.
    """

    table: pd.DataFrame
    traded: pd.DataFrame
    excluded: pd.DataFrame
    unmeasured: list[str]
    published: dict[str, Published] = field(repr=False)


def us_indicators(inputs: USInputs, settings: Settings = SETTINGS) -> USIndicators:
    """Indicator table of the US states' clusters between the two years.

    Parameters
    ----------
    inputs : USInputs
        From :func:`us_inputs`.
    settings : Settings
        Uses the years, ``cbp_noise``, ``us_min_employment`` and the thresholds.

    Returns
    -------
    USIndicators
    """
    table = _indicator_table(inputs, settings, settings.growth_threshold)
    is_traded = table["cluster"].map(inputs.cluster_type) == "traded"
    traded = table[is_traded & table["usable"]]
    excluded = table[is_traded & ~table["usable"]]
    unmeasured = sorted(set(inputs.cluster_type.index) - set(inputs.mapping))
    years = f"{settings.us_start_year}-{settings.us_end_year}"
    published = {
        "lifecycle_cbp_noise": share(
            settings.cbp_noise,
            "Assumed relative error of a County Business Patterns count when classifying "
            "from two years (Census 'low noise' flag bound)",
            provenance=CBP_NOISE_SETTING,
        ),
        "lifecycle_us_min_employment": count(
            settings.us_min_employment,
            f"Fewest employees (in each of {settings.us_start_year} and "
            f"{settings.us_end_year}) for a US state-cluster pair to be given a life-cycle stage",
            unit="employees",
            provenance=SETTING,
        ),
        "lifecycle_us_clusters_unmeasured": count(
            len(unmeasured),
            "Porter benchmark clusters that no 4-digit NAICS code is assigned to by "
            "majority, so cannot be measured with state x NAICS-4 data",
            unit="clusters",
            provenance=US_TWO_YEARS,
        ),
        "lifecycle_us_confident_employment_share": share(
            inputs.confident_employment_share,
            f"Share of {settings.us_end_year} US employment in 4-digit NAICS codes whose "
            "6-digit codes all belong to one Porter cluster",
            provenance=US_CROSSWALK_2021,
        ),
        "lifecycle_us_traded_pairs": count(
            len(traded),
            f"US state x traded-cluster pairs given a life-cycle stage, {years}",
            unit="state-cluster pairs",
            provenance=US_TWO_YEARS,
        ),
        "lifecycle_us_traded_excluded": count(
            len(excluded),
            "US state x traded-cluster pairs left out of the life-cycle classification "
            "(too small, or with a withheld cell)",
            unit="state-cluster pairs",
            provenance=US_TWO_YEARS,
        ),
        "lifecycle_us_traded_withheld": count(
            int(excluded["exclusion_reason"].str.startswith("withheld").sum()),
            "US state x traded-cluster pairs left out because one of their industries has "
            "a withheld County Business Patterns cell",
            unit="state-cluster pairs",
            provenance=US_TWO_YEARS,
        ),
    }
    return USIndicators(table, traded, excluded, unmeasured, published)


@dataclass(frozen=True)
class StageShares:
    """Shares of the US traded pairs by stage, and the pandemic cluster's pairs."""

    shares: pd.Series
    pandemic: pd.DataFrame
    published: dict[str, Published] = field(repr=False)


def us_stage_shares(indicators: USIndicators, settings: Settings = SETTINGS) -> StageShares:
    """How the US traded state-cluster pairs divide among the stages.

    Renewal is not published: it cannot be seen without diversity data.

    Parameters
    ----------
    indicators : USIndicators
        From :func:`us_indicators`.
    settings : Settings
        Uses the years, ``cbp_noise`` and ``pandemic_cluster``.

    Returns
    -------
    StageShares
    """
    traded = indicators.traded
    shares = traded["stage"].value_counts(normalize=True)
    pandemic = traded[traded["cluster"] == settings.pandemic_cluster]
    years = f"{settings.us_start_year}-{settings.us_end_year}"
    published = {
        f"lifecycle_us_share_{stage.replace(' ', '_')}": share(
            float(shares.get(stage, 0.0)),
            f"Share of US state x traded-cluster pairs classified as {stage}, {years} "
            "(two years, County Business Patterns)",
            headline=(stage == "declining"),
            provenance=US_TWO_YEARS,
        )
        for stage in LIFECYCLE_STAGES
        if stage != "renewing"
    }
    published["lifecycle_us_mean_confidence"] = share(
        traded["confidence"].mean(),
        "Mean confidence of the US life-cycle classifications, allowing only for "
        f"{pct(settings.cbp_noise)} noise in each count",
        provenance=US_TWO_YEARS,
    )
    published["lifecycle_us_hospitality_states"] = count(
        len(pandemic),
        f"States with a classified {settings.pandemic_cluster} cluster, {years}",
        unit="states",
        provenance=US_TWO_YEARS,
    )
    published["lifecycle_us_hospitality_declining_share"] = share(
        (pandemic["stage"] == "declining").mean(),
        f"Share of states whose {settings.pandemic_cluster} cluster is classified as "
        f"declining, {years} (the pandemic, not a life cycle)",
        provenance=US_TWO_YEARS,
    )
    return StageShares(shares, pandemic, published)


@dataclass(frozen=True)
class Sensitivity:
    """Which traded pairs change stage when the growth threshold moves."""

    changed: pd.Series
    published: dict[str, Published] = field(repr=False)


def threshold_sensitivity(
    inputs: USInputs, indicators: USIndicators, settings: Settings = SETTINGS
) -> Sensitivity:
    """Reclassify the US pairs with each alternative growth threshold.

    Parameters
    ----------
    inputs : USInputs
    indicators : USIndicators
    settings : Settings
        Uses ``alternative_growth_thresholds``.

    Returns
    -------
    Sensitivity
        ``changed``: True for a traded pair whose stage differs under any alternative
        threshold (indexed like ``indicators.traded``).
    """
    traded = indicators.traded
    changed = np.zeros(len(traded), dtype=bool)
    for tau in settings.alternative_growth_thresholds:
        other = _indicator_table(inputs, settings, tau).loc[traded.index, "stage"]
        changed |= other.to_numpy() != traded["stage"].to_numpy()
    low, high = (
        min(settings.alternative_growth_thresholds),
        max(settings.alternative_growth_thresholds),
    )
    moves = f"{pct(settings.growth_threshold)} to {pct(low)} or {pct(high)}"
    published = {
        "lifecycle_alt_threshold_low": Published(
            low,
            "Lower alternative growth threshold in the sensitivity check",
            percent=True,
            digits=1,
            headline=False,
            provenance=SETTING,
        ),
        "lifecycle_alt_threshold_high": Published(
            high,
            "Higher alternative growth threshold in the sensitivity check",
            percent=True,
            digits=1,
            headline=False,
            provenance=SETTING,
        ),
        "lifecycle_us_threshold_sensitive_share": share(
            changed.mean(),
            "Share of US state x traded-cluster pairs whose life-cycle stage changes when "
            f"the growth threshold moves from {moves} a year",
            headline=True,
            provenance=US_TWO_YEARS,
        ),
    }
    return Sensitivity(pd.Series(changed, index=traded.index, name="changed"), published)


def state_indicator_table(indicators: USIndicators, settings: Settings = SETTINGS) -> pd.DataFrame:
    """The indicator table of one state's traded clusters with at least one star, for print.

    Parameters
    ----------
    indicators : USIndicators
    settings : Settings
        Uses ``example_state``.

    Returns
    -------
    pandas.DataFrame
        Formatted columns (strings), largest stars and employment first.
    """
    traded = indicators.traded
    state = traded[(traded["region"] == settings.example_state) & (traded["stars"] > 0)]
    state = state.sort_values(["stars", "employment"], ascending=False)
    return pd.DataFrame(
        {
            "Cluster": state["cluster"],
            f"Employees {settings.us_end_year}": state["employment"].map("{:,.0f}".format),
            "Stars": state["stars"],
            f"LQ {settings.us_end_year}": state["lq_end"].map("{:.1f}".format),
            "Focus (% of state jobs)": (100 * state["focus"]).map("{:.1f}".format),
            "Growth vs US (% a year)": (100 * state["growth"]).map("{:+.1f}".format),
            "Firm formation vs US (% a year)": (100 * state["firm_formation"]).map(
                "{:+.1f}".format
            ),
            "Stage": state["stage"],
            "Confidence": (100 * state["confidence"]).map("{:.0f}%".format),
        }
    )
