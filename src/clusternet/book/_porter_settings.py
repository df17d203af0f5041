"""Settings of the Porter chapter (every year, window, threshold and display choice).

Kept apart from :mod:`clusternet.book.porter_clusters` so the steps stay short; that module
re-exports :class:`Settings` and :data:`SETTINGS`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Settings", "SETTINGS", "DPS_2014_SAMPLE", "COMBINED_TERMS"]


@dataclass(frozen=True)
class Settings:
    """Every year, level and display choice of the Porter chapter.

    Attributes
    ----------
    start_year, end_year : int
        The County Business Patterns years (same NAICS edition): clusters are mapped in
        ``end_year``; the growth regression runs from ``start_year`` to ``end_year``.
    sample_start_year, sample_end_year : int
        The two years of the sample economy.
    alpha : float
        1 - confidence level of every interval.
    showcase : tuple of (state, cluster)
        The states of the top-clusters figure and the textbook cluster each is known for.
    table_states : tuple of str
        States whose strongest clusters the star-rating table shows.
    top_clusters : int
        Clusters per state in the top-clusters table and figure.
    strongest_per_state : int
        Clusters per state in the star-rating table.
    ranked_clusters, ranked_states : tuple of int
        Rows shown from the top and the bottom of the index rankings.
    related_flag : str
        Column of the DPS (2016) relatedness table that marks related clusters.
    growth_windows : tuple of (int, int)
        The County Business Patterns windows of the growth comparison (2020 counts the
        pay period including 12 March, so 2017-2020 is pre-pandemic).
    pre_pandemic_window, late_window : (int, int)
        The window of the specification ladder, the establishment and Glaeser
        regressions; the window that starts in 2019 and spans the shock.
    pay_year : int
        Year of the pay comparison.
    patent_years : (int, int)
        First and last grant year summed for patents per worker.
    patent_strength_year : int
        CBP year of the employment and cluster strength the patents are compared with.
    strong_share_step : float
        Step of the strong-cluster share (0.1 = ten percentage points) to price.
    glaeser_top : int
        Largest other industries whose share measures (the lack of) diversity.
    diluted_below : float
        A cluster keeping less than this share of its 6-digit codes is diluted.
    crosswalk_checks : tuple of (state, cluster)
        Location quotients compared across tie-breaking rules.
    """

    start_year: int = 2017
    end_year: int = 2021
    sample_start_year: int = 2005
    sample_end_year: int = 2015
    alpha: float = 0.05
    showcase: tuple[tuple[str, str], ...] = (
        ("MI", "Automotive"),
        ("WA", "Aerospace Vehicles and Defense"),
    )
    table_states: tuple[str, ...] = ("MI", "WA", "CA", "TX", "NV", "NC")
    top_clusters: int = 5
    strongest_per_state: int = 2
    ranked_clusters: tuple[int, int] = (4, 3)
    ranked_states: tuple[int, int] = (3, 3)
    related_flag: str = "rel_all_90_v3"
    growth_windows: tuple[tuple[int, int], ...] = ((2017, 2020), (2017, 2021), (2019, 2021))
    pre_pandemic_window: tuple[int, int] = (2017, 2020)
    late_window: tuple[int, int] = (2019, 2021)
    pay_year: int = 2021
    patent_years: tuple[int, int] = (2011, 2015)
    patent_strength_year: int = 2017
    strong_share_step: float = 0.1
    glaeser_top: int = 5
    diluted_below: float = 0.5
    crosswalk_checks: tuple[tuple[str, str], ...] = (
        ("MI", "Automotive"),
        ("WA", "Aerospace Vehicles and Defense"),
        ("NY", "Jewelry and Precious Metals"),
    )


SETTINGS = Settings()

#: The Delgado, Porter and Stern (2014) panel: 177 US regions, 41 traded clusters, 589
#: traded industries, 1990-2005 (papers.md 1.4, VERIFIED from a secondary source, BizEd).
DPS_2014_SAMPLE = {"regions": 177, "clusters": 41, "industries": 589, "years": (1990, 2005)}

#: the three strengths raised together in the combined effect
COMBINED_TERMS = ("log_cluster_specialisation", "log_related_strength", "log_neighbour_strength")
