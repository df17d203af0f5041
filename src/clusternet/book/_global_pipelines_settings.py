"""Settings of the global-pipelines chapter (private: import them from
``clusternet.book.global_pipelines``, which re-exports them).

Examples
--------
>>> SETTINGS.n_boot
999
>>> SETTINGS.github_years
(2020, 2025)
"""

from __future__ import annotations

from dataclasses import dataclass

from clusternet.catalog.pipelines import CITY_REGIONS, GITHUB_AGGREGATES

__all__ = ["Settings", "SETTINGS"]


@dataclass(frozen=True)
class Settings:
    """Every choice the chapter makes.

    Attributes
    ----------
    regions : tuple of str
        The survey's allowed city-regions (checked in every step).
    controls : tuple of str
        Control terms of every logit: size, ownership, skills, culture, sector, place.
    alpha : float
        1 - confidence level of every interval.
    n_boot : int
        Bootstrap replicates of the effect-ratio interval.
    seed : int
        Seed of that bootstrap.
    abs_size_table, abs_industry_table, abs_type_table : str
        The ABS tables of partner location by company size and by industry (2017-19) and
        by partner type (2015-17).
    github_years : tuple of int
        The two years whose collaboration is compared (first and last in the data).
    github_quarters : tuple of int
        The quarters summed in each of those years (the last year has only three).
    github_exclude : tuple of str
        Codes dropped before any measure (aggregates of other economies).
    min_partners : int
        An economy is compared only if it has at least this many partner economies in
        both years (below it, a top-partner share near 1 reflects the data's suppression
        of ties of 100 or fewer contributions, not a single pipeline).
    hub_rows : int
        Economies shown in the table of the largest collaborators.
    """

    regions: tuple[str, ...] = CITY_REGIONS
    controls: tuple[str, ...] = (
        "np.log(employees)",
        "foreign_ownership",
        "higher_education",
        "open_mindedness",
        "C(sector, Treatment('manufacturing'))",
        "C(city_region, Treatment('Oslo'))",
    )
    alpha: float = 0.05
    n_boot: int = 999
    seed: int = 1
    abs_size_table: str = "7452"
    abs_industry_table: str = "7451"
    abs_type_table: str = "4446"
    github_years: tuple[int, int] = (2020, 2025)
    github_quarters: tuple[int, ...] = (1, 2, 3)
    github_exclude: tuple[str, ...] = GITHUB_AGGREGATES
    min_partners: int = 5
    hub_rows: int = 12


SETTINGS = Settings()
