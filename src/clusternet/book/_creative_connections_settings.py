"""The settings of the chapter *Three layers of connections in creative clusters*.

``Settings`` and ``SETTINGS`` live here so that the private step modules of the chapter
(``_creative_connections_gb``, ``_creative_connections_eu``) can take them as defaults;
``clusternet.book.creative_connections`` re-exports both.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Settings", "SETTINGS"]


@dataclass(frozen=True)
class Settings:
    """Every choice the chapter makes (thresholds, seeds, counts, model terms).

    Attributes
    ----------
    cluster_min_firms, cluster_min_lq
        Creative-cluster thresholds (ours, not Nesta's): creative firms and their
        location quotient.
    hotspot, city, periphery, small_town
        The fictional places the prose names.
    network_firms, network_seed
        Creative firms of ``small_town`` drawn in the network figure, and its seed.
    controls, naive_controls
        Control terms of the layer and spillover models; of the naive spillover model.
    presence_area, spillover_per
        Area of the creative presence (and of the clustered standard errors); step of
        the creative share for the spillover odds ratio (0.1 = 10 points).
    sensitivity_scenarios, sensitivity_seed
        ``(name, keep, add_closure)`` of each network (sparsest first, densest last);
        seed of the perturbations.
    relatedness_score, n_boot, bootstrap_seed, relatedness_median
        Relatedness column, bootstrap replications and seed of the bridged-pair
        interval; the median percentile.
    studio_employees, studio_sector, studio_place, studio_scenarios
        The graduate's design studio, and ``(key, label, n_local, n_external,
        n_cross_sector)`` of each of its scenarios.
    gb_first_year, gb_business_first_year, gb_year, gb_excluded_regions
        Great Britain (real data): first year of employment (BRES) and of business counts
        (IDBR), the year the clusters are identified in, and regions left out (Northern
        Ireland has no values).
    gb_lq_sensitivity
        Other location-quotient cut-offs for the stability check of the GB clusters.
    eu_early_years, eu_later_years
        EU Horizon 2020 (real data): project start years of the partnerships (first and
        last) and of the outcomes.
    eu_min_country_organisations
        Countries with fewer organisations in the outcome test share one control category.
    eu_country_rows
        Countries shown in the table of the EU layer mix (most organisations first).
    """

    cluster_min_firms: int = 100
    cluster_min_lq: float = 1.2
    hotspot: str = "Brightwell"
    city: str = "Larchester"
    periphery: str = "Fernmoor"
    small_town: str = "Millbrook"
    network_firms: int = 30
    network_seed: int = 3
    controls: tuple[str, ...] = ("np.log(employees)", "C(sector)", "C(place)")
    naive_controls: tuple[str, ...] = ("np.log(employees)", "C(sector)")
    presence_area: str = "district"
    spillover_per: float = 0.1
    sensitivity_scenarios: tuple[tuple[str, float, float], ...] = (
        ("50% of ties", 0.5, 0.0),
        ("75% of ties", 0.75, 0.0),
        ("observed", 1.0, 0.0),
        ("+25% closed triangles", 1.0, 0.25),
        ("+50% closed triangles", 1.0, 0.5),
    )
    sensitivity_seed: int = 2010
    relatedness_score: str = "cr_all_pc"
    n_boot: int = 1000
    bootstrap_seed: int = 2010
    relatedness_median: float = 50.0
    studio_employees: int = 2
    studio_sector: str = "design"
    studio_place: str = "Larchester"
    studio_scenarios: tuple[tuple[str, str, int, int, int], ...] = (
        ("none", "no ties", 0, 0, 0),
        ("local", "three local ties", 3, 0, 0),
        ("mixed", "one tie in each layer", 1, 1, 1),
    )
    gb_first_year: int = 2015
    gb_business_first_year: int = 2016
    gb_year: int = 2018
    gb_excluded_regions: tuple[str, ...] = ("UKN0",)
    gb_lq_sensitivity: tuple[float, ...] = (1.1, 1.3)
    eu_early_years: tuple[int, int] = (2014, 2016)
    eu_later_years: tuple[int, int] = (2017, 2020)
    eu_min_country_organisations: int = 100
    eu_country_rows: int = 10


SETTINGS = Settings()
