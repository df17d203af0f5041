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
