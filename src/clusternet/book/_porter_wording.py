"""How the Porter chapter words and rounds each number it publishes, written once.

One row per glue name of :mod:`clusternet.book.porter_clusters`: its unit, its digits,
its style (``percent``, ``signed``, ``headline``) and its description. The chapter's steps
compute the values and turn them into :class:`~clusternet.book.published.Published`
numbers with :func:`publish`.
"""

from __future__ import annotations

from collections.abc import Mapping

from clusternet.book.published import Published
from clusternet.glue import Provenance

__all__ = ["WORDING", "publish"]

#: How the chapter words and rounds each number it publishes, written once:
#: ``name | unit | digits | style | description`` (style: percent, signed, headline;
#: ``{level}`` is the confidence level of ``Settings.alpha``).
WORDING = """\
porter_confident_employment_share |  | 0 | percent headline | Share of 2021 County Business Patterns employment in 4-digit NAICS codes whose 6-digit codes all belong to one Porter (2003) cluster
porter_code_share_weighted |  | 0 | percent | Employment-weighted average share of a 4-digit code's 6-digit codes that belong to the cluster it is assigned to (2021)
porter_tied_codes | codes | 0 |  | 4-digit NAICS codes of the CBP data whose cluster was decided by a tie between clusters
porter_traded_clusters_measured | clusters | 0 |  | Traded Porter clusters that receive at least one 4-digit NAICS code under the majority rule (of 41)
porter_traded_clusters_defined | clusters | 0 |  | Traded clusters in the Porter (2003) cluster definitions (U.S. Cluster Mapping Project, NAICS 2007)
porter_local_clusters_defined | clusters | 0 |  | Local clusters in the Porter (2003) cluster definitions (U.S. Cluster Mapping Project, NAICS 2007)
porter_resource_clusters_defined | clusters | 0 |  | Resource-dependent clusters in the Porter (2003) cluster definitions (U.S. Cluster Mapping Project, NAICS 2007)
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
porter_confidence_level |  | 0 | percent | Confidence level of every interval of the Porter chapter (a setting of the analysis)
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
porter_claimed_combined_effect_max | percentage points | 1 |  | Claimed (UNVERIFIED, not traced to a published table) range of the effect of strengthening cluster specialisation, related and neighbouring clusters on annual employment growth
porter_pre_convergence_effect | percentage points a year | 2 | signed headline | Effect of +1 standard deviation of own-industry specialisation (convergence) on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_convergence_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of own-industry specialisation (convergence) on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_convergence_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of own-industry specialisation (convergence) on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_cluster_effect | percentage points a year | 2 | signed headline | Effect of +1 standard deviation of cluster specialisation (rest of own cluster) on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_cluster_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of cluster specialisation (rest of own cluster) on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_cluster_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of cluster specialisation (rest of own cluster) on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_neighbour_effect | percentage points a year | 2 | signed headline | Effect of +1 standard deviation of the same cluster's strength in neighbouring states on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_neighbour_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of the same cluster's strength in neighbouring states on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_neighbour_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of the same cluster's strength in neighbouring states on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_related_effect | percentage points a year | 2 | signed headline | Effect of +1 standard deviation of related-cluster strength on annual employment growth, name-matched clusters, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_related_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of related-cluster strength on annual employment growth, name-matched clusters, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_pre_related_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of related-cluster strength on annual employment growth, name-matched clusters, US state x traded industry cells, County Business Patterns (real data), 2017-2020 (pre-pandemic)
porter_late_cluster_effect | percentage points a year | 2 | signed | Effect of +1 standard deviation of cluster specialisation on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2019-2021 (across the pandemic)
porter_late_cluster_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of cluster specialisation on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2019-2021 (across the pandemic)
porter_late_cluster_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of cluster specialisation on annual employment growth, US state x traded industry cells, County Business Patterns (real data), 2019-2021 (across the pandemic)
porter_pre_cluster_effect_no_fe | percentage points a year | 2 | signed | Effect of +1 standard deviation of cluster specialisation on annual employment growth without state or industry fixed effects, US state x traded industry cells, County Business Patterns (real data), 2017-2020
porter_pre_cluster_effect_no_fe_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of cluster specialisation on annual employment growth without state or industry fixed effects, US state x traded industry cells, County Business Patterns (real data), 2017-2020
porter_pre_cluster_effect_no_fe_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of cluster specialisation on annual employment growth without state or industry fixed effects, US state x traded industry cells, County Business Patterns (real data), 2017-2020
porter_pre_cells | cells | 0 |  | State x traded-industry cells in the 2017-2020 growth regression (real data, County Business Patterns)
porter_late_cells | cells | 0 |  | State x traded-industry cells in the 2019-2021 growth regression (real data, County Business Patterns)
porter_pre_establishment_cluster_effect | percentage points a year | 2 | signed headline | Effect of +1 standard deviation of cluster specialisation (in establishments) on annual growth of establishments, US state x traded industry cells, County Business Patterns 2017-2020 (real data)
porter_pre_establishment_cluster_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of cluster specialisation (in establishments) on annual growth of establishments, US state x traded industry cells, County Business Patterns 2017-2020 (real data)
porter_pre_establishment_cluster_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of cluster specialisation (in establishments) on annual growth of establishments, US state x traded industry cells, County Business Patterns 2017-2020 (real data)
porter_span_establishment_cluster_effect | percentage points a year | 2 | signed | Effect of +1 standard deviation of cluster specialisation (in establishments) on annual growth of establishments, US state x traded industry cells, County Business Patterns 2017-2021 (real data)
porter_span_establishment_cluster_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of cluster specialisation (in establishments) on annual growth of establishments, US state x traded industry cells, County Business Patterns 2017-2021 (real data)
porter_span_establishment_cluster_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of cluster specialisation (in establishments) on annual growth of establishments, US state x traded industry cells, County Business Patterns 2017-2021 (real data)
porter_pre_establishment_convergence_effect | percentage points a year | 2 | signed | Effect of +1 standard deviation of own-industry specialisation (in establishments) on annual growth of establishments, US state x traded industry cells, County Business Patterns 2017-2020 (real data)
porter_pre_establishment_convergence_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of own-industry specialisation (in establishments) on annual growth of establishments, US state x traded industry cells, County Business Patterns 2017-2020 (real data)
porter_pre_establishment_convergence_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of own-industry specialisation (in establishments) on annual growth of establishments, US state x traded industry cells, County Business Patterns 2017-2020 (real data)
porter_establishment_cells | cells | 0 |  | State x traded-industry cells in the 2017-2020 establishment-growth regression (real data)
porter_pay_lq_premium | per cent | 1 | signed headline | Difference in average annual pay that goes with +1 standard deviation of the log cluster location quotient, US state x traded cluster, state and cluster fixed effects, County Business Patterns 2021 (real data)
porter_pay_lq_premium_ci_lower | per cent | 1 | signed | Lower {level} bound: Difference in average annual pay that goes with +1 standard deviation of the log cluster location quotient, US state x traded cluster, state and cluster fixed effects, County Business Patterns 2021 (real data)
porter_pay_lq_premium_ci_upper | per cent | 1 | signed | Upper {level} bound: Difference in average annual pay that goes with +1 standard deviation of the log cluster location quotient, US state x traded cluster, state and cluster fixed effects, County Business Patterns 2021 (real data)
porter_pay_strong_premium | per cent | 1 | signed headline | Difference in average annual pay of strong state-clusters (LQ >= 1.2 and top quarter of states) against the rest, state and cluster fixed effects, County Business Patterns 2021 (real data)
porter_pay_strong_premium_ci_lower | per cent | 1 | signed | Lower {level} bound: Difference in average annual pay of strong state-clusters (LQ >= 1.2 and top quarter of states) against the rest, state and cluster fixed effects, County Business Patterns 2021 (real data)
porter_pay_strong_premium_ci_upper | per cent | 1 | signed | Upper {level} bound: Difference in average annual pay of strong state-clusters (LQ >= 1.2 and top quarter of states) against the rest, state and cluster fixed effects, County Business Patterns 2021 (real data)
porter_pay_strong_raw | per cent | 1 | signed | Difference in average annual pay of strong state-clusters against the rest, no controls, County Business Patterns 2021 (real data)
porter_pay_strong_raw_ci_lower | per cent | 1 | signed | Lower {level} bound: Difference in average annual pay of strong state-clusters against the rest, no controls, County Business Patterns 2021 (real data)
porter_pay_strong_raw_ci_upper | per cent | 1 | signed | Upper {level} bound: Difference in average annual pay of strong state-clusters against the rest, no controls, County Business Patterns 2021 (real data)
porter_pay_cells | state-cluster cells | 0 |  | State x traded-cluster cells with employees and payroll in the pay comparison, 2021 (real data)
porter_pay_traded_average | US$ a year | 0 |  | Average annual pay in traded clusters, US states, County Business Patterns 2021 (payroll / employees; real data)
porter_patents_strong_share | per cent | 0 | signed headline | Difference in patents per 1,000 workers (2011-2015 grants, USPTO) that goes with +10 percentage points of a state's traded employment in strong clusters (CBP 2017), 50 US states, robust standard errors (real data, cross-section)
porter_patents_strong_share_ci_lower | per cent | 0 | signed | Lower {level} bound: Difference in patents per 1,000 workers (2011-2015 grants, USPTO) that goes with +10 percentage points of a state's traded employment in strong clusters (CBP 2017), 50 US states, robust standard errors (real data, cross-section)
porter_patents_strong_share_ci_upper | per cent | 0 | signed | Upper {level} bound: Difference in patents per 1,000 workers (2011-2015 grants, USPTO) that goes with +10 percentage points of a state's traded employment in strong clusters (CBP 2017), 50 US states, robust standard errors (real data, cross-section)
porter_patents_three_star | per cent | 0 | signed | Difference in patents per 1,000 workers (2011-2015 grants) that goes with one more three-star traded cluster in the state (CBP 2017), 50 US states (real data, cross-section)
porter_patents_three_star_ci_lower | per cent | 0 | signed | Lower {level} bound: Difference in patents per 1,000 workers (2011-2015 grants) that goes with one more three-star traded cluster in the state (CBP 2017), 50 US states (real data, cross-section)
porter_patents_three_star_ci_upper | per cent | 0 | signed | Upper {level} bound: Difference in patents per 1,000 workers (2011-2015 grants) that goes with one more three-star traded cluster in the state (CBP 2017), 50 US states (real data, cross-section)
porter_patent_states | states | 0 |  | US states in the patents comparison (DC is not in County Business Patterns' state files)
porter_patents_dropped_share |  | 2 | percent | Share of the 2011-2015 US utility patents of the county table left out when counties are summed to the 50 states (DC, territories, unspecified region)
porter_patents_median_rate | patents a year per 1,000 workers | 2 |  | Median over the 50 states of utility patents granted a year (2011-2015) per 1,000 CBP employees (2017) (real data)
porter_patents_strength_correlation | correlation | 2 | signed | Correlation across the 50 states of log patents per 1,000 workers with the strong-cluster share of traded employment (real data)
porter_glaeser_cells | cells | 0 |  | State x traded-industry cells in the Glaeser-test regression, County Business Patterns 2017-2020 (real data)
porter_glaeser_specialisation_effect | percentage points a year | 2 | signed headline | Effect of +1 standard deviation of own-industry specialisation (location quotient, log; Marshall-Arrow-Romer) on annual employment growth of US state x traded industry cells, 2017-2020, industry fixed effects, standard errors clustered by state (real data)
porter_glaeser_specialisation_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of own-industry specialisation (location quotient, log; Marshall-Arrow-Romer) on annual employment growth of US state x traded industry cells, 2017-2020, industry fixed effects, standard errors clustered by state (real data)
porter_glaeser_specialisation_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of own-industry specialisation (location quotient, log; Marshall-Arrow-Romer) on annual employment growth of US state x traded industry cells, 2017-2020, industry fixed effects, standard errors clustered by state (real data)
porter_glaeser_diversity_effect | percentage points a year | 2 | signed headline | Effect of +1 standard deviation of diversity (1 minus the share of the state's five largest other industries; Jacobs) on annual employment growth of US state x traded industry cells, 2017-2020, industry fixed effects, standard errors clustered by state (real data)
porter_glaeser_diversity_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of diversity (1 minus the share of the state's five largest other industries; Jacobs) on annual employment growth of US state x traded industry cells, 2017-2020, industry fixed effects, standard errors clustered by state (real data)
porter_glaeser_diversity_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of diversity (1 minus the share of the state's five largest other industries; Jacobs) on annual employment growth of US state x traded industry cells, 2017-2020, industry fixed effects, standard errors clustered by state (real data)
porter_glaeser_competition_effect | percentage points a year | 2 | signed headline | Effect of +1 standard deviation of local competition (establishments per worker relative to the industry nationally, log; Porter) on annual employment growth of US state x traded industry cells, 2017-2020, industry fixed effects, standard errors clustered by state (real data)
porter_glaeser_competition_effect_ci_lower | percentage points a year | 2 | signed | Lower {level} bound: Effect of +1 standard deviation of local competition (establishments per worker relative to the industry nationally, log; Porter) on annual employment growth of US state x traded industry cells, 2017-2020, industry fixed effects, standard errors clustered by state (real data)
porter_glaeser_competition_effect_ci_upper | percentage points a year | 2 | signed | Upper {level} bound: Effect of +1 standard deviation of local competition (establishments per worker relative to the industry nationally, log; Porter) on annual employment growth of US state x traded industry cells, 2017-2020, industry fixed effects, standard errors clustered by state (real data)
porter_crosswalk_mi_lq_min | location quotient | 1 |  | Smallest location quotient of Michigan in Automotive over the three tie-breaking rules of the 4-digit crosswalk (real data, 2021)
porter_crosswalk_mi_lq_max | location quotient | 1 |  | Largest location quotient of Michigan in Automotive over the three tie-breaking rules of the 4-digit crosswalk (real data, 2021)
porter_crosswalk_wa_lq_min | location quotient | 1 |  | Smallest location quotient of Washington in Aerospace Vehicles and Defense over the three tie-breaking rules (real data, 2021)
porter_crosswalk_wa_lq_max | location quotient | 1 |  | Largest location quotient of Washington in Aerospace Vehicles and Defense over the three tie-breaking rules (real data, 2021)
porter_crosswalk_traded_share_min |  | 1 | percent | Smallest traded share of 2021 employment over the three tie-breaking rules (real data)
porter_crosswalk_traded_share_max |  | 1 | percent | Largest traded share of 2021 employment over the three tie-breaking rules (real data)
porter_diluted_clusters | clusters | 0 |  | Traded clusters that keep less than half of their 6-digit codes under the 4-digit crosswalk, or whose 4-digit codes are less than half their own 6-digit codes
porter_jewelry_purity |  | 0 | percent | Share of the 6-digit codes inside the 4-digit codes assigned to Jewelry and Precious Metals that belong to that cluster (the rest dilutes it)
porter_gini_most_localised | locational Gini | 2 |  | Largest locational Gini of a traded cluster over the 50 US states, County Business Patterns 2021 (real data)
porter_gini_least_localised | locational Gini | 2 |  | Smallest locational Gini of a traded cluster over the 50 US states, County Business Patterns 2021 (real data)"""


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


def publish(
    values: dict, *, alpha: float, provenance: Provenance | Mapping[str, Provenance]
) -> dict[str, Published]:
    """Published numbers of ``values`` (name -> exact value), worded as in :data:`WORDING`.

    Parameters
    ----------
    values : dict
        Glue name -> exact value; every name must have a row in :data:`WORDING`.
    alpha : float
        1 - confidence level, for the ``{level}`` of the descriptions and the ``ci_level``
        of every interval.
    provenance : Provenance or mapping of str to Provenance
        Where the numbers come from: one label for all of them, or one per name (every
        name of ``values`` must have one).

    Returns
    -------
    dict of str to Published

    Raises
    ------
    KeyError
        A name without a row in :data:`WORDING`, or without a provenance.
    TypeError
        ``provenance`` is neither a Provenance nor a mapping of them.

    Examples
    --------
    >>> from clusternet.glue import Provenance
    >>> label = Provenance("analysis setting", "clusternet")
    >>> publish({"porter_sample_years": 10}, alpha=0.05, provenance=label)[
    ...     "porter_sample_years"
    ... ].provenance.kind
    'analysis setting'
    """
    level = f"{1 - alpha:.0%}"
    out = {}
    for name, value in values.items():
        if isinstance(provenance, Provenance):
            label = provenance
        elif isinstance(provenance, Mapping):
            if name not in provenance:
                raise KeyError(f"no provenance given for {name!r}")
            label = provenance[name]
        else:
            raise TypeError(f"provenance must be a Provenance or a mapping, got {type(provenance)}")
        if not isinstance(label, Provenance):
            raise TypeError(f"provenance of {name!r} must be a Provenance, got {type(label)}")
        style = dict(_WORDING[name])
        style["description"] = style["description"].format(level=level)
        out[name] = Published(float(value), **style, provenance=label, ci_level=1 - alpha)
    return out
