"""Settings of the life-cycle chapter, and how its numbers are worded.

Part of :mod:`clusternet.book.cluster_life_cycles` (which re-exports :class:`Settings`
and :data:`SETTINGS`), kept apart so that its helper files can read the settings
without an import circle.
"""

from __future__ import annotations

from dataclasses import dataclass

from clusternet.book.published import Published
from clusternet.glue import Provenance
from clusternet.lifecycle.classify import (
    DIVERSITY_THRESHOLD,
    GROWTH_THRESHOLD,
    SPECIALISATION_THRESHOLD,
)

__all__ = [
    "Settings",
    "SETTINGS",
    "count",
    "share",
    "pct",
    "classify_options",
    "SETTING",
    "LQ_CONVENTION",
    "CBP_NOISE_SETTING",
    "SAMPLE",
    "US_TWO_YEARS",
    "US_CROSSWALK_2021",
    "US_PANEL",
    "US_PANEL_SLOPE",
    "GB_SEGMENTS",
    "GB_CREATIVE",
    "CHECKLIST",
]


@dataclass(frozen=True)
class Settings:
    """Every choice the chapter makes (none of them comes from a source).

    Attributes
    ----------
    growth_threshold, specialisation_threshold, diversity_threshold : float
        The classifier's thresholds (its defaults): growth against the economy in log
        points a year, location quotient, diversity-index points a year.
    sample_window : int
        Years of the sample panel the classifier reads (the generator's planted window).
    longer_window : int
        A window reaching back two years past the renewing pairs' turning point.
    sample_two_years : tuple of int
        Two sample years as far apart as the real data (2015 and 2019).
    sample_noise : float
        Noise assumed when classifying from two sample years: the generator's own 3%.
    us_start_year, us_end_year : int
        The County Business Patterns years.
    cbp_noise : float
        Assumed relative error of a County Business Patterns count (Census "low noise"
        flag: below 2%).
    us_min_employment : float
        Fewest employees (in each year) for a state-cluster pair to get a stage.
    alternative_growth_thresholds : tuple of float
        Growth thresholds of the sensitivity check.
    pandemic_cluster : str
        The cluster whose 2017-2021 reading is checked against the pandemic.
    example_state : str
        The state whose indicator table is shown.
    us_plot_growth_limit : float
        Growth beyond which the US figure draws points at its edge.
    alternative_specialisation_thresholds : tuple of float
        Location-quotient thresholds of the stability checks on the real panels.
    gb_years : tuple of int
        The Great Britain employment years (BRES) the classifier reads.
    gb_business_years : tuple of int
        First and last year of the business counts (IDBR has none for 2015).
    gb_excluded_regions : tuple of str
        NUTS2 regions left out (Northern Ireland: BRES covers Great Britain only).
    gb_min_employment : float
        Fewest employees in every year for a GB region-segment pair to get a stage.
    gb_creative_group, gb_other_group : str
        Names of the DCMS creative industries taken as one group, and of the rest.
    us_panel_years : tuple of int
        The comparable County Business Patterns years.
    us_pre_pandemic_years, us_pandemic_years : tuple of int
        The pre-pandemic window (CBP counts the pay period including 12 March, so 2020
        is before the shock) and the pandemic year.
    gb_focus_region : str
        NUTS2 code of the region whose creative industries the chapter reads for the
        production space's question about graduates (``UKG3``, West Midlands, which holds
        Birmingham).
    gb_examples, us_examples : tuple of (str, str)
        Region-segment (NUTS2 code, Nesta segment) and state-cluster pairs drawn as
        trajectories.
    """

    growth_threshold: float = GROWTH_THRESHOLD
    specialisation_threshold: float = SPECIALISATION_THRESHOLD
    diversity_threshold: float = DIVERSITY_THRESHOLD
    sample_window: int = 8
    longer_window: int = 10
    sample_two_years: tuple[int, int] = (2015, 2019)
    sample_noise: float = 0.03
    us_start_year: int = 2017
    us_end_year: int = 2021
    cbp_noise: float = 0.02
    us_min_employment: float = 1000.0
    alternative_growth_thresholds: tuple[float, float] = (0.005, 0.02)
    pandemic_cluster: str = "Hospitality and Tourism"
    example_state: str = "Washington"
    us_plot_growth_limit: float = 0.15
    alternative_specialisation_thresholds: tuple[float, float] = (0.8, 1.25)
    gb_years: tuple[int, ...] = (2015, 2016, 2017, 2018)
    gb_business_years: tuple[int, int] = (2016, 2018)
    gb_excluded_regions: tuple[str, ...] = ("UKN0",)
    gb_min_employment: float = 1000.0
    gb_creative_group: str = "Creative industries"
    gb_other_group: str = "Other industries"
    us_panel_years: tuple[int, ...] = (2017, 2019, 2020, 2021)
    us_pre_pandemic_years: tuple[int, ...] = (2017, 2019, 2020)
    us_pandemic_years: tuple[int, ...] = (2020, 2021)
    gb_focus_region: str = "UKG3"
    gb_examples: tuple[tuple[str, str], ...] = (
        ("UKI3", "services_computing"),
        ("UKI4", "services_computing"),
        ("UKI3", "services_publishing"),
        ("UKG3", "manufacture_automotive"),
    )
    us_examples: tuple[tuple[str, str], ...] = (
        ("Washington", "Aerospace Vehicles and Defense"),
        ("Michigan", "Automotive"),
        ("Nevada", "Hospitality and Tourism"),
        ("California", "Information Technology"),
    )


SETTINGS = Settings()

# --------------------------------------------------------------------------- provenance
# What each published number is and where it comes from (one constant per group).

#: A threshold, window, cut-off or noise level the chapter chose (none from a source).
SETTING = Provenance(
    "analysis setting",
    "clusternet",
    caveat="The report's own choice, not a measurement; the chapter shows how much stages depend on it.",
)
#: The specialisation threshold: an LQ of 1 is the usual reading of "specialised".
LQ_CONVENTION = Provenance(
    "analysis setting",
    "bea_lq_faq",
    caveat="Convention (LQ above 1: more concentrated than the nation), not a measured cut-off.",
)
#: The assumed error of a County Business Patterns count: the Census "low noise" bound.
CBP_NOISE_SETTING = Provenance(
    "analysis setting",
    "census_noise_flags",
    vintage="2023",
    caveat="Assumed from the Census 'low noise' flag bound, not a measured error of each count.",
)
#: The seeded life-cycle sample economy and its planted stages.
SAMPLE = Provenance(
    "sample data",
    ("lifecycle_sample_panel", "lifecycle_sample_planted"),
    caveat="Sample data: demonstrates the method, not evidence about a real place.",
)
_CBP_CROSSWALK = ("porter_clusters_naics2007", "naics4_2007_to_2017")
#: The two-year US reading: County Business Patterns 2017 and 2021, Porter clusters.
US_TWO_YEARS = Provenance(
    "real data",
    ("cbp_state_naics4_2017", "cbp_state_naics4_2021", *_CBP_CROSSWALK),
    vintage="2017-2021",
    caveat="Two years only, 2021 after the pandemic shock; confidence covers assumed count noise only.",
)
#: What the 4-digit crosswalk covers of 2021 US employment.
US_CROSSWALK_2021 = Provenance(
    "real data",
    ("cbp_state_naics4_2021", *_CBP_CROSSWALK),
    vintage="2021",
    caveat="4-digit industries are assigned to Porter clusters by the majority of their 6-digit codes.",
)
#: The US panel: County Business Patterns 2017, 2019, 2020, 2021, Porter traded clusters.
US_PANEL = Provenance(
    "real data",
    tuple(f"cbp_state_naics4_{year}" for year in (2017, 2019, 2020, 2021)) + _CBP_CROSSWALK,
    vintage="2017-2021",
    caveat="'Declining' means losing ground on the economy, not shrinking; confidence covers assumed count noise only.",
)
#: The regression of the pandemic-year change on the pre-pandemic trend.
US_PANEL_SLOPE = Provenance(
    US_PANEL.kind,
    US_PANEL.source,
    vintage=US_PANEL.vintage,
    caveat="Association across state-cluster pairs, not causation; standard errors clustered by state.",
)
#: Great Britain NUTS2 regions x Nesta industry segments, BRES employment 2015-2018.
GB_SEGMENTS = Provenance(
    "real data",
    ("gb_bres_nuts2_sic4", "gb_sic4_segments"),
    vintage="2015-2018",
    caveat="Four years of rounded BRES survey estimates: stages are soft and renewal is invisible.",
)
#: The DCMS creative industries in the Great Britain NUTS2 regions, BRES/IDBR 2015-2018.
GB_CREATIVE = Provenance(
    "real data",
    ("gb_bres_nuts2_sic4", "dcms_creative_sic2007"),
    vintage="2015-2018",
    caveat="Four years of BRES survey estimates show size and specialisation well, direction poorly.",
)
#: The strategy checklist: steps from ERIK and Creating Smart Systems, judged by the report.
CHECKLIST = Provenance(
    "analysis setting",
    ("erik2007network", "ec2002smart", "clusternet"),
    caveat="The report's own judgement of what its indicators can inform; most Creating Smart Systems features are unverified.",
)


def pct(value: float) -> str:
    """A rate in words, as the descriptions write it (0.005 -> '0.5%')."""
    return f"{100 * value:g}%"


def count(value, description: str, *, unit: str, provenance: Provenance) -> Published:
    """A supporting whole number (no decimals, not a headline)."""
    return Published(value, description, unit=unit, digits=0, headline=False, provenance=provenance)


def share(
    value,
    description: str,
    *,
    provenance: Provenance,
    headline: bool = False,
    ci_lower: float | None = None,
    ci_upper: float | None = None,
) -> Published:
    """A share in whole per cent (a supporting number unless ``headline``).

    With ``ci_lower`` and ``ci_upper`` the share is an estimate carrying its 95% interval.
    """
    return Published(
        value,
        description,
        percent=True,
        digits=0,
        headline=headline,
        provenance=provenance,
        estimate=ci_lower is not None,
        ci_lower=None if ci_lower is None else float(ci_lower),
        ci_upper=None if ci_upper is None else float(ci_upper),
    )


def classify_options(settings: Settings) -> dict:
    """The thresholds of ``settings`` as keyword arguments of ``classify_life_cycle``."""
    return {
        "growth_threshold": settings.growth_threshold,
        "specialisation_threshold": settings.specialisation_threshold,
        "diversity_threshold": settings.diversity_threshold,
    }
