"""Settings of the life-cycle chapter, and how its numbers are worded.

Part of :mod:`clusternet.book.cluster_life_cycles` (which re-exports :class:`Settings`
and :data:`SETTINGS`), kept apart so that its helper files can read the settings
without an import circle.
"""

from __future__ import annotations

from dataclasses import dataclass

from clusternet.book.published import Published
from clusternet.lifecycle.classify import (
    DIVERSITY_THRESHOLD,
    GROWTH_THRESHOLD,
    SPECIALISATION_THRESHOLD,
)

__all__ = ["Settings", "SETTINGS", "count", "share", "pct", "classify_options"]


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


def pct(value: float) -> str:
    """A rate in words, as the descriptions write it (0.005 -> '0.5%')."""
    return f"{100 * value:g}%"


def count(value, description: str, *, unit: str) -> Published:
    """A supporting whole number (no decimals, not a headline)."""
    return Published(value, description, unit=unit, digits=0, headline=False)


def share(value, description: str, *, headline: bool = False) -> Published:
    """A share in whole per cent (a supporting number unless ``headline``)."""
    return Published(value, description, percent=True, digits=0, headline=headline)


def classify_options(settings: Settings) -> dict:
    """The thresholds of ``settings`` as keyword arguments of ``classify_life_cycle``."""
    return {
        "growth_threshold": settings.growth_threshold,
        "specialisation_threshold": settings.specialisation_threshold,
        "diversity_threshold": settings.diversity_threshold,
    }
