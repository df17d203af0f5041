"""The life-cycle chapter's analysis (``chapters/cluster-life-cycles.md``), written once.

The chapter calls these steps in its cells and glues what they publish; the policy
synthesis calls :func:`key_results`, which composes the same steps. Every threshold,
window, year and noise level the chapter uses is a field of :class:`Settings`.

Steps, in the chapter's order:

1. :func:`classifier_thresholds`: the classifier's thresholds;
2. :func:`sample_economy`: the sample panel and its planted stages;
3. :func:`sample_recovery`, :func:`two_year_recovery`, :func:`longer_window_recovery`:
   how often the classifier finds the planted stages, over the window, from two years
   and over a longer window;
4. :func:`us_inputs`, :func:`us_indicators`: the real US indicator table, 2017-2021;
5. :func:`us_stage_shares`, :func:`threshold_sensitivity`: the stages of the US traded
   clusters and how much they depend on the growth threshold;
6. :func:`state_indicator_table`: one state's table;
7. :func:`gb_panel`, :func:`gb_segment_stages`: every Great Britain region x industry
   segment staged from its 2015-2018 employment, with threshold stability;
8. :func:`us_panel`, :func:`us_panel_stages`: the US panel 2017, 2019, 2020, 2021,
   pre-pandemic and pandemic changes kept apart;
9. :func:`example_trajectories`: real trajectories drawn as small multiples;
10. :func:`gb_creative_indicators`: the indicator table of the GB creative industries;
11. :func:`strategy_checklist`: what the indicators can and cannot inform.

References
----------
- Menzel, M.-P. and Fornahl, D. (2010). Cluster life cycles: dimensions and rationales
  of cluster evolution. *Industrial and Corporate Change* 19(1), 205-238.
- ERIK Network (2007). Clusters and Networks Thematic Working Group (led by Advantage
  West Midlands). European Regions Knowledge-based Innovation Network.
- European Commission (2002). Creating Smart Systems: a guide to cluster strategies in
  less favoured regions.
- US Census Bureau. County Business Patterns 2017 and 2021.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

import clusternet
from clusternet import data
from clusternet.book._lifecycle_checklist import Checklist, strategy_checklist
from clusternet.book._lifecycle_gb import (
    GBCreativeIndicators,
    GBPanel,
    GBStages,
    gb_creative_indicators,
    gb_panel,
    gb_segment_stages,
)
from clusternet.book._lifecycle_panel import USPanel, USPanelStages, us_panel, us_panel_stages
from clusternet.book._lifecycle_settings import (
    LQ_CONVENTION,
    SAMPLE,
    SETTING,
    SETTINGS,
    Settings,
    classify_options,
    count,
    share,
)
from clusternet.book._lifecycle_trajectories import (
    Trajectories,
    example_trajectories,
    stage_share_table,
)
from clusternet.book._lifecycle_us import (
    Sensitivity,
    StageShares,
    USIndicators,
    USInputs,
    state_indicator_table,
    threshold_sensitivity,
    us_indicators,
    us_inputs,
    us_stage_shares,
)
from clusternet.book.published import Published, published_values
from clusternet.catalog.lifecycle import OTHER_INDUSTRIES, REST_OF_ECONOMY
from clusternet.lifecycle import StageRecovery

__all__ = [
    "Settings",
    "SETTINGS",
    "classifier_thresholds",
    "sample_economy",
    "sample_recovery",
    "two_year_recovery",
    "longer_window_recovery",
    "us_inputs",
    "us_indicators",
    "us_stage_shares",
    "threshold_sensitivity",
    "state_indicator_table",
    "strategy_checklist",
    "gb_panel",
    "gb_segment_stages",
    "gb_creative_indicators",
    "us_panel",
    "us_panel_stages",
    "example_trajectories",
    "stage_share_table",
    "key_results",
    "Thresholds",
    "SampleEconomy",
    "Recovery",
    "USInputs",
    "USIndicators",
    "StageShares",
    "Sensitivity",
    "Checklist",
    "GBPanel",
    "GBStages",
    "GBCreativeIndicators",
    "USPanel",
    "USPanelStages",
    "Trajectories",
]


# --------------------------------------------------------------------------- the rules


@dataclass(frozen=True)
class Thresholds:
    """The classifier's thresholds (``published``: their glue names)."""

    growth: float
    specialisation: float
    diversity: float
    published: dict[str, Published] = field(repr=False)


def classifier_thresholds(settings: Settings = SETTINGS) -> Thresholds:
    """The growth, specialisation and diversity thresholds the chapter classifies with.

    Parameters
    ----------
    settings : Settings

    Returns
    -------
    Thresholds

    Examples
    --------
    >>> classifier_thresholds().growth
    0.01
    """
    published = {
        "lifecycle_growth_threshold": Published(
            settings.growth_threshold,
            "Default growth threshold of the life-cycle classifier: growth against the "
            "reference economy, log points a year",
            percent=True,
            digits=1,
            headline=False,
            provenance=SETTING,
        ),
        "lifecycle_specialisation_threshold": count(
            settings.specialisation_threshold,
            "Default specialisation threshold of the life-cycle classifier (location quotient)",
            unit="location quotient",
            provenance=LQ_CONVENTION,
        ),
        "lifecycle_diversity_threshold": Published(
            settings.diversity_threshold,
            "Default diversity-trend threshold of the life-cycle classifier, index points a year",
            unit="index points a year",
            digits=3,
            headline=False,
            provenance=SETTING,
        ),
    }
    return Thresholds(
        settings.growth_threshold,
        settings.specialisation_threshold,
        settings.diversity_threshold,
        published,
    )


# --------------------------------------------------------------------------- sample data


@dataclass(frozen=True)
class SampleEconomy:
    """The sample panel (the whole economy) and the stage planted in each pair."""

    panel: pd.DataFrame
    planted: pd.DataFrame
    stage_counts: pd.Series
    published: dict[str, Published] = field(repr=False)


def sample_economy() -> SampleEconomy:
    """Load the sample panel and its planted stages, and describe them.

    Returns
    -------
    SampleEconomy
        ``panel``, ``planted``, ``stage_counts`` (planted pairs per stage) and the
        published size, calibration and balance of the sample economy.

    Examples
    --------
    >>> sample_economy().published["lifecycle_sample_regions"].value
    12.0
    """
    panel = data.load("lifecycle_sample_panel")
    planted = data.load("lifecycle_sample_planted")
    stage_counts = planted["stage"].value_counts()
    in_clusters = panel["cluster"] != OTHER_INDUSTRIES
    regions = panel.loc[panel["region"] != REST_OF_ECONOMY, "region"].nunique()
    published = {
        "lifecycle_sample_regions": count(
            regions,
            "Regions of the life-cycle sample data (besides the rest of the economy)",
            unit="regions",
            provenance=SAMPLE,
        ),
        "lifecycle_sample_clusters": count(
            planted["cluster"].nunique(),
            "Clusters in each region of the life-cycle sample data",
            unit="clusters",
            provenance=SAMPLE,
        ),
        "lifecycle_sample_years": count(
            panel["year"].nunique(),
            "Years observed in the life-cycle sample panel",
            unit="years",
            provenance=SAMPLE,
        ),
        "lifecycle_sample_pairs_per_stage": count(
            int(stage_counts.min()),
            "Planted region-cluster pairs per life-cycle stage in the sample data",
            unit="pairs",
            provenance=SAMPLE,
        ),
        "lifecycle_sample_cluster_share": share(
            panel.loc[in_clusters, "employment"].sum() / panel["employment"].sum(),
            "Share of employment in the clusters of the life-cycle sample data (calibrated "
            "to the traded share of one third, Porter 2003)",
            provenance=SAMPLE,
        ),
        "lifecycle_sample_firm_size": count(
            panel["employment"].sum() / panel["firms"].sum(),
            "Average firm size in the life-cycle sample data (calibrated to CBP 2017)",
            unit="employees per firm",
            provenance=SAMPLE,
        ),
    }
    return SampleEconomy(panel, planted, stage_counts, published)


@dataclass(frozen=True)
class Recovery:
    """Classified pairs beside their planted stage, and how often the two agree.

    ``classified`` has the columns of ``classify_life_cycle`` and the planted ones with
    the suffix ``_planted``; ``recovery`` is ``stage_recovery``'s result; ``confusion`` the
    planted x classified counts.
    """

    classified: pd.DataFrame
    recovery: StageRecovery
    confusion: pd.DataFrame
    published: dict[str, Published] = field(repr=False)


def _recover(features: pd.DataFrame, planted: pd.DataFrame, settings: Settings):
    classified = clusternet.classify_life_cycle(features, **classify_options(settings)).merge(
        planted, on=["region", "cluster"], suffixes=("", "_planted")
    )
    recovery = clusternet.stage_recovery(
        classified["stage_planted"], classified["stage"], classified["confidence"]
    )
    confusion = clusternet.stage_confusion(classified["stage_planted"], classified["stage"])
    return classified, recovery, confusion


def sample_recovery(sample: SampleEconomy, settings: Settings = SETTINGS) -> Recovery:
    """Classify the sample pairs over the window, with diversity, and compare with the truth.

    Parameters
    ----------
    sample : SampleEconomy
        From :func:`sample_economy`.
    settings : Settings
        Uses ``sample_window`` and the thresholds.

    Returns
    -------
    Recovery
    """
    features = clusternet.lifecycle_features(
        sample.panel, diversity="diversity", window=settings.sample_window
    )
    classified, recovery, confusion = _recover(features, sample.planted, settings)
    window = f"{settings.sample_window}-year window"
    published = {
        "lifecycle_sample_pairs": count(
            recovery.n,
            "Number of planted region-cluster pairs in the life-cycle sample data",
            unit="region-cluster pairs",
            provenance=SAMPLE,
        ),
        "lifecycle_sample_window": count(
            settings.sample_window,
            "Years of the sample panel read by the life-cycle classifier",
            unit="years",
            provenance=SETTING,
        ),
        "lifecycle_sample_accuracy": share(
            recovery.accuracy,
            "Share of planted life-cycle stages recovered by the classifier on sample data "
            f"({window}, with firm diversity)",
            headline=True,
            provenance=SAMPLE,
        ),
        "lifecycle_sample_accuracy_ci_lower": share(
            recovery.ci_lower,
            "Lower end of the 95% Wilson interval of the share of planted stages recovered "
            f"(sample data, {window})",
            provenance=SAMPLE,
        ),
        "lifecycle_sample_accuracy_ci_upper": share(
            recovery.ci_upper,
            "Upper end of the 95% Wilson interval of the share of planted stages recovered "
            f"(sample data, {window})",
            provenance=SAMPLE,
        ),
        "lifecycle_sample_mean_confidence": share(
            recovery.mean_confidence,
            f"Mean confidence of the life-cycle classifications on sample data ({window}): "
            "the accuracy the classifier expects of itself",
            headline=True,
            provenance=SAMPLE,
        ),
    }
    return Recovery(classified, recovery, confusion, published)


def two_year_recovery(sample: SampleEconomy, settings: Settings = SETTINGS) -> Recovery:
    """Classify the sample pairs from two years only, without diversity, as in the real data.

    With two points the residuals give no standard error, so each count is assumed to
    be off by ``settings.sample_noise`` (the generator's own noise).

    Parameters
    ----------
    sample : SampleEconomy
    settings : Settings
        Uses ``sample_two_years``, ``sample_noise`` and the thresholds.

    Returns
    -------
    Recovery
    """
    first, last = settings.sample_two_years
    two_years = sample.panel[sample.panel["year"].isin(settings.sample_two_years)]
    features = clusternet.lifecycle_features(two_years, noise=settings.sample_noise)
    classified, recovery, confusion = _recover(features, sample.planted, settings)
    renewing = classified[classified["stage_planted"] == "renewing"]
    published = {
        "lifecycle_sample_noise": share(
            settings.sample_noise,
            "Noise (standard deviation of log counts) of the life-cycle sample generator, "
            "assumed when classifying from two years",
            provenance=SETTING,
        ),
        "lifecycle_two_point_accuracy": share(
            recovery.accuracy,
            "Share of planted life-cycle stages recovered from two years four years apart "
            f"without diversity data (sample data, {first} and {last})",
            headline=True,
            provenance=SAMPLE,
        ),
        "lifecycle_two_point_accuracy_ci_lower": share(
            recovery.ci_lower,
            "Lower end of the 95% Wilson interval of the two-year recovery share (sample data)",
            provenance=SAMPLE,
        ),
        "lifecycle_two_point_accuracy_ci_upper": share(
            recovery.ci_upper,
            "Upper end of the 95% Wilson interval of the two-year recovery share (sample data)",
            provenance=SAMPLE,
        ),
        "lifecycle_two_point_mean_confidence": share(
            recovery.mean_confidence,
            "Mean confidence of the life-cycle classifications from two years (sample data)",
            provenance=SAMPLE,
        ),
        "lifecycle_two_point_renewing_as_growing": count(
            int((renewing["stage"] == "growing").sum()),
            "Planted renewing pairs read as growing when only two years and no diversity "
            "data are available (sample data)",
            unit="pairs",
            provenance=SAMPLE,
        ),
    }
    return Recovery(classified, recovery, confusion, published)


def longer_window_recovery(sample: SampleEconomy, settings: Settings = SETTINGS) -> Recovery:
    """Classify the sample pairs over ``settings.longer_window`` years, with diversity.

    The longer window reaches back past the renewing pairs' turning point.

    Parameters
    ----------
    sample : SampleEconomy
    settings : Settings

    Returns
    -------
    Recovery
    """
    features = clusternet.lifecycle_features(
        sample.panel, diversity="diversity", window=settings.longer_window
    )
    classified, recovery, confusion = _recover(features, sample.planted, settings)
    published = {
        "lifecycle_longer_window_accuracy": share(
            recovery.accuracy,
            f"Share of planted stages recovered with a {settings.longer_window}-year window "
            "that reaches back past the renewing clusters' turning point (sample data)",
            provenance=SAMPLE,
            ci_lower=recovery.ci_lower,
            ci_upper=recovery.ci_upper,
        ),
    }
    return Recovery(classified, recovery, confusion, published)


# --------------------------------------------------------------------------- key results


def key_results(settings: Settings = SETTINGS) -> dict[str, float]:
    """Every number the life-cycle chapter glues, by glue name, from the same steps.

    Parameters
    ----------
    settings : Settings

    Returns
    -------
    dict
        Glue name -> exact value.

    Examples
    --------
    >>> key_results()["lifecycle_sample_pairs"]  # doctest: +SKIP
    72.0
    """
    sample = sample_economy()
    inputs = us_inputs(settings)
    indicators = us_indicators(inputs, settings)
    gb = gb_panel(settings)
    return published_values(
        classifier_thresholds(settings).published,
        sample.published,
        sample_recovery(sample, settings).published,
        two_year_recovery(sample, settings).published,
        longer_window_recovery(sample, settings).published,
        indicators.published,
        us_stage_shares(indicators, settings).published,
        threshold_sensitivity(inputs, indicators, settings).published,
        gb_segment_stages(gb, settings).published,
        us_panel_stages(us_panel(inputs, settings), settings).published,
        gb_creative_indicators(gb, settings).published,
        strategy_checklist().published,
    )
