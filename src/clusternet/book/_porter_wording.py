"""How the Porter chapter words and rounds each number it publishes, written once.

One row per glue name of :mod:`clusternet.book.porter_clusters`: its unit, its digits,
its style (``percent``, ``signed``, ``headline``) and its description. The chapter's steps
compute the values and turn them into :class:`~clusternet.book.published.Published`
numbers with :func:`publish`.
"""

from __future__ import annotations

from clusternet.book.published import Published

__all__ = ["WORDING", "publish"]

#: How the chapter words and rounds each number it publishes, written once:
#: ``name | unit | digits | style | description`` (style: percent, signed, headline;
#: ``{level}`` is the confidence level of ``Settings.alpha``).
WORDING = """\
porter_confident_employment_share |  | 0 | percent headline | Share of 2021 County Business Patterns employment in 4-digit NAICS codes whose 6-digit codes all belong to one Porter benchmark cluster
porter_code_share_weighted |  | 0 | percent | Employment-weighted average share of a 4-digit code's 6-digit codes that belong to the cluster it is assigned to (2021)
porter_tied_codes | codes | 0 |  | 4-digit NAICS codes of the CBP data whose cluster was decided by a tie between clusters
porter_traded_clusters_measured | clusters | 0 |  | Traded Porter clusters that receive at least one 4-digit NAICS code under the majority rule (of 41)
porter_traded_clusters_defined | clusters | 0 |  | Traded clusters in the Porter benchmark definitions
porter_local_clusters_defined | clusters | 0 |  | Local clusters in the Porter benchmark definitions
porter_resource_clusters_defined | clusters | 0 |  | Resource-dependent clusters in the Porter benchmark definitions
porter_concordance_codes | codes | 0 |  | 4-digit NAICS 2017 codes of the CBP data that are not in NAICS 2007 and are bridged by a concordance
porter_traded_share_2021 |  | 0 | percent headline | Share of 2021 US employment (CBP, 50 states) in industries assigned to traded Porter clusters
porter_michigan_automotive_lq | location quotient | 1 | headline | Location quotient of Michigan in the Automotive traded cluster, County Business Patterns 2021 (4-digit NAICS mapped to Porter clusters)
porter_washington_aerospace_lq | location quotient | 1 | headline | Location quotient of Washington in the Aerospace Vehicles and Defense traded cluster, County Business Patterns 2021
porter_washington_fishing_lq | location quotient | 1 |  | Location quotient of Washington in the Fishing and Fishing Products traded cluster, County Business Patterns 2021
porter_default_lq_threshold | location quotient | 1 |  | Default location-quotient cut-off of clusternet.strong_cluster_flags (StatsAmerica)
porter_default_top_share |  | 0 | percent | Default top share of regions of clusternet.strong_cluster_flags (U.S. Cluster Mapping top quartile, unverified)
porter_eco_size_share |  | 0 | percent | European Cluster Observatory size star: top share of regions by cluster employment
porter_eco_specialisation_threshold | location quotient | 0 |  | European Cluster Observatory specialisation star: location-quotient threshold (unverified)
porter_eco_focus_share |  | 0 | percent | European Cluster Observatory focus star: top share of regions by the cluster's share of regional employment (unverified)
porter_three_star_pairs | state-cluster pairs | 0 | headline | State x traded-cluster pairs with all three European Cluster Observatory stars, US 2021 (size and focus: top 10% of states)
porter_states_with_three_star | states | 0 |  | US states with at least one three-star traded cluster, 2021
porter_strong_pairs | state-cluster pairs | 0 |  | State x traded-cluster pairs flagged strong (LQ >= 1.2 and top quarter of states), US 2021
porter_state_cluster_pairs | pairs | 0 |  | State x traded-cluster pairs rated
porter_sample_regions |  | 0 |  | Regions of the sample economy (sample data)
porter_sample_industries |  | 0 |  | Industries of the sample economy (sample data)
porter_sample_clusters |  | 0 |  | Clusters of the sample economy (sample data)
porter_sample_years |  | 0 |  | Years between the two years of the sample economy (sample data)
porter_sample_terms |  | 0 |  | Planted coefficients of the sample-economy growth regression (sample data)
porter_sample_terms_recovered | of 4 coefficients | 0 | headline | Of the four planted growth-regression coefficients of the sample economy, how many lie inside the estimated {level} confidence interval (sample data)
porter_sample_cluster_effect | percentage points a year | 2 | signed headline | Estimated effect of +1 standard deviation of cluster specialisation on annual employment growth in the sample economy (sample data; planted value 1.3 percentage points)
porter_sample_cluster_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound of porter_sample_cluster_effect (sample data)
porter_sample_cluster_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound of porter_sample_cluster_effect (sample data)
porter_published_cluster_effect | percentage points a year | 1 | signed | Effect of +1 standard deviation of specialisation on annual employment growth reported for Delgado, Porter and Stern (2014) by a press summary (BizEd, 2015; secondary source)
porter_sample_cells | cells | 0 |  | Region-industry cells in the sample-economy growth regression (sample data)
porter_withheld_cells_2017 | cells | 0 |  | State x 4-digit NAICS cells of County Business Patterns 2017 published with zero employees but at least one establishment (withheld; treated as missing)
porter_industries_withheld_everywhere | industries | 0 |  | 4-digit NAICS industries whose County Business Patterns 2017 employment is withheld in every state (dropped)
porter_dps_clusters | clusters | 0 |  | Traded clusters of the Delgado-Porter-Stern (2016) definitions, for which relatedness is published
porter_states | states | 0 |  | US states in the County Business Patterns 2017 and 2021 state files (DC is absent)
porter_real_years | years | 0 |  | Years between the two County Business Patterns years of the real-data growth regression
porter_dps_regions | regions | 0 |  | US regions in the Delgado, Porter and Stern (2014) panel (secondary source, BizEd)
porter_real_cells | cells | 0 |  | State x traded-industry cells in the real-data growth regression, US 2017-2021
porter_real_candidate_cells | cells | 0 |  | State x traded-industry cells before exclusions, US 2017-2021
porter_matched_clusters | clusters | 0 |  | Traded Porter clusters whose names match a Delgado-Porter-Stern (2016) cluster exactly, used for the related-cluster term
porter_matched_cells | cells | 0 |  | State x industry cells in the real-data growth regression with the related-cluster term (name-matched clusters), US 2017-2021
porter_real_convergence_effect | percentage points a year | 2 | signed headline | Estimated effect of +1 standard deviation of own-industry specialisation (convergence) on annual employment growth of US state x traded industry cells, 2017-2021
porter_real_convergence_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound of the effect of +1 standard deviation of own-industry specialisation (convergence) on annual employment growth of US state x traded industry cells, 2017-2021
porter_real_convergence_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound of the effect of +1 standard deviation of own-industry specialisation (convergence) on annual employment growth of US state x traded industry cells, 2017-2021
porter_real_cluster_effect | percentage points a year | 2 | signed headline | Estimated effect of +1 standard deviation of cluster specialisation on annual employment growth of US state x traded industry cells, 2017-2021
porter_real_cluster_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound of the effect of +1 standard deviation of cluster specialisation on annual employment growth of US state x traded industry cells, 2017-2021
porter_real_cluster_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound of the effect of +1 standard deviation of cluster specialisation on annual employment growth of US state x traded industry cells, 2017-2021
porter_real_neighbour_effect | percentage points a year | 2 | signed headline | Estimated effect of +1 standard deviation of neighbouring-cluster strength on annual employment growth of US state x traded industry cells, 2017-2021
porter_real_neighbour_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound of the effect of +1 standard deviation of neighbouring-cluster strength on annual employment growth of US state x traded industry cells, 2017-2021
porter_real_neighbour_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound of the effect of +1 standard deviation of neighbouring-cluster strength on annual employment growth of US state x traded industry cells, 2017-2021
porter_matched_cluster_effect | percentage points a year | 2 | signed | Estimated effect of +1 standard deviation of cluster specialisation (name-matched clusters) on annual employment growth of US state x traded industry cells, 2017-2021
porter_matched_cluster_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound of the effect of +1 standard deviation of cluster specialisation (name-matched clusters) on annual employment growth of US state x traded industry cells, 2017-2021
porter_matched_cluster_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound of the effect of +1 standard deviation of cluster specialisation (name-matched clusters) on annual employment growth of US state x traded industry cells, 2017-2021
porter_matched_related_effect | percentage points a year | 2 | signed headline | Estimated effect of +1 standard deviation of related-cluster strength (name-matched clusters) on annual employment growth of US state x traded industry cells, 2017-2021
porter_matched_related_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound of the effect of +1 standard deviation of related-cluster strength (name-matched clusters) on annual employment growth of US state x traded industry cells, 2017-2021
porter_matched_related_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound of the effect of +1 standard deviation of related-cluster strength (name-matched clusters) on annual employment growth of US state x traded industry cells, 2017-2021
porter_combined_effect | percentage points a year | 2 | signed headline | Effect on annual employment growth of raising cluster specialisation, related-cluster and neighbouring-cluster strength by one standard deviation each (US states, name-matched clusters, 2017-2021)
porter_combined_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound of the effect on annual employment growth of raising cluster specialisation, related-cluster and neighbouring-cluster strength by one standard deviation each (US states, name-matched clusters, 2017-2021)
porter_combined_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound of the effect on annual employment growth of raising cluster specialisation, related-cluster and neighbouring-cluster strength by one standard deviation each (US states, name-matched clusters, 2017-2021)
porter_claimed_combined_effect_min | percentage points | 1 |  | Claimed (UNVERIFIED, not traced to a published table) range of the effect of strengthening cluster specialisation, related and neighbouring clusters on annual employment growth
porter_claimed_combined_effect_max | percentage points | 1 |  | Claimed (UNVERIFIED, not traced to a published table) range of the effect of strengthening cluster specialisation, related and neighbouring clusters on annual employment growth"""


def _wording() -> dict[str, dict]:
    out = {}
    for line in WORDING.splitlines():
        name, unit, digits, style, description = (part.strip() for part in line.split("|", 4))
        flags = style.split()
        out[name] = {
            "unit": unit,
            "digits": int(digits),
            "percent": "percent" in flags,
            "signed": "signed" in flags,
            "headline": "headline" in flags,
            "description": description,
        }
    return out


_WORDING = _wording()


def publish(values: dict, *, alpha: float) -> dict[str, Published]:
    """Published numbers of ``values`` (name -> exact value), worded as in :data:`WORDING`.

    Parameters
    ----------
    values : dict
        Glue name -> exact value; every name must have a row in :data:`WORDING`.
    alpha : float
        1 - confidence level, for the ``{level}`` of the descriptions.

    Returns
    -------
    dict of str to Published

    Raises
    ------
    KeyError
        A name without a row in :data:`WORDING`.

    Examples
    --------
    >>> publish({"porter_sample_years": 10}, alpha=0.05)["porter_sample_years"].digits
    0
    """
    level = f"{1 - alpha:.0%}"
    out = {}
    for name, value in values.items():
        style = dict(_WORDING[name])
        style["description"] = style["description"].format(level=level)
        out[name] = Published(float(value), **style)
    return out
