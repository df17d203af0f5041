"""Clusters: location quotients, cluster strength and the Delgado-Porter-Stern evidence.

Functions work on a regions x industries table of non-negative counts (a DataFrame with
regions as rows and industries as columns), vectorised with NumPy. Industries are
grouped into clusters with a *mapping* (a dict or Series, industry -> cluster).

One concept per file:

- ``clusternet.clusters.location``: the regions x industries matrix and location
  quotients of industries and clusters;
- ``clusternet.clusters.strength``: strong-cluster flags and the star rating, with
  their documented default rules (``clusternet.clusters.strength.STRONG_LQ_THRESHOLD``,
  ...);
- ``clusternet.clusters.related``: cluster specialisation without the own industry,
  related-cluster and neighbouring-cluster strength, adjacency from pairs;
- ``clusternet.clusters.concentration``: Krugman, Hoover, Gini and Herfindahl indices;
- ``clusternet.clusters.crosswalk``: NAICS codes to clusters;
- ``clusternet.clusters.dps``: the Delgado-Porter-Stern growth panel and regression
  (its regressors: ``clusternet.clusters.dps.DPS_TERMS``);
- ``clusternet.clusters.absorb``: fixed effects by absorption (the dummy-variable fit,
  fast);
- ``clusternet.clusters.wages``: average pay by region and cluster, the pay premium;
- ``clusternet.clusters.glaeser``: the Glaeser et al. (1992) growth test;
- ``clusternet.clusters.innovation``: county counts summed to states, rates per worker.

References
----------
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies*
  37(6-7), 549-578.
- Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence, and
  economic performance. *Research Policy* 43(10), 1785-1799.
- European Cluster Observatory (2008). Cluster mapping methodology (star rating).
"""

from __future__ import annotations

from clusternet.clusters.absorb import demean_by, fit_absorbed_ols
from clusternet.clusters.concentration import (
    herfindahl_index,
    hoover_localisation_index,
    krugman_specialisation_index,
    locational_gini,
)
from clusternet.clusters.crosswalk import cluster_code_coverage, naics_cluster_crosswalk
from clusternet.clusters.dps import (
    CombinedEffect,
    combined_standardised_effect,
    dps_growth_panel,
    fit_dps_growth,
    standardised_effects,
)
from clusternet.clusters.glaeser import fit_glaeser_growth, glaeser_growth_panel
from clusternet.clusters.innovation import county_counts_to_states, rate_per_thousand
from clusternet.clusters.location import (
    aggregate_to_clusters,
    cluster_location_quotient,
    location_quotient,
    long_to_matrix,
)
from clusternet.clusters.related import (
    adjacency_from_pairs,
    cluster_specialisation_excluding_own,
    neighbour_cluster_strength,
    related_cluster_strength,
)
from clusternet.clusters.strength import star_rating, strong_cluster_flags
from clusternet.clusters.wages import PayPremium, cluster_pay_panel, pay_premium

__all__ = [
    "long_to_matrix",
    "location_quotient",
    "aggregate_to_clusters",
    "cluster_location_quotient",
    "strong_cluster_flags",
    "star_rating",
    "cluster_specialisation_excluding_own",
    "related_cluster_strength",
    "neighbour_cluster_strength",
    "adjacency_from_pairs",
    "krugman_specialisation_index",
    "hoover_localisation_index",
    "locational_gini",
    "herfindahl_index",
    "naics_cluster_crosswalk",
    "dps_growth_panel",
    "fit_dps_growth",
    "standardised_effects",
    "CombinedEffect",
    "combined_standardised_effect",
    "demean_by",
    "fit_absorbed_ols",
    "cluster_code_coverage",
    "cluster_pay_panel",
    "PayPremium",
    "pay_premium",
    "glaeser_growth_panel",
    "fit_glaeser_growth",
    "county_counts_to_states",
    "rate_per_thousand",
]
