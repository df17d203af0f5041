"""Nesta's three layers of connections in creative clusters.

Chapain et al. (2010) argue that creative clusters become innovative through three
layers of connections. This subpackage classifies every tie of a firm collaboration
network into those layers from firm attributes (place, sector, creative or not):

- ``local``: both firms are in the same place and the same cluster group (for a creative
  firm, the place's creative firms; for another firm, its own sector in that place);
- ``external``: the firms are in different places;
- ``cross_sector``: same place, different cluster group (links with other local sectors).

One concept per file:

- ``clusternet.connections.classify``: the layer of every tie (``classify_ties``);
- ``clusternet.connections.profile``: each firm's ties, shares and diversity across
  the layers (``connection_profile``, ``layer_shares``, ``layer_diversity``);
- ``clusternet.connections.creative_clusters``: creative clusters from firm counts
  and location quotients;
- ``clusternet.connections.layer_model``: the firm-innovation logit on ties per layer;
- ``clusternet.connections.spillovers``: local creative presence and the spillover
  logit for the other firms of an area;
- ``clusternet.connections.sensitivity``: does the ranking of layers hold in a sparser
  or denser network;
- ``clusternet.connections.bridges``: how cluster organisations bridge sectors;
- ``clusternet.connections.industry_groups``: a long region x industry table summed
  into region x industry-group counts (e.g. the DCMS creative sub-sectors);
- ``clusternet.connections.partnerships``: partner pairs and organisation attributes
  from consortium participations (e.g. EU research projects).

Every function validates its input and raises ``TypeError`` (wrong kind of object) or
``ValueError`` (impossible content) naming the parameter and the problem.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
- De Propris, L., Chapain, C., Cooke, P., MacNeill, S. and Mateos-Garcia, J. (2009).
  The geography of creativity. NESTA interim report, London.
"""

from __future__ import annotations

from clusternet.connections._common import LAYER_COUNT_COLUMNS, LAYER_LABELS, LAYERS
from clusternet.connections.bridges import (
    BridgeRelatedness,
    bridge_relatedness,
    bridging_summary,
    sector_bridge_degree,
    sector_bridges,
)
from clusternet.connections.classify import classify_ties, firm_table_from_graph
from clusternet.connections.creative_clusters import creative_cluster_table, firm_count_matrix
from clusternet.connections.industry_groups import industry_group_matrix, suppressed_cells
from clusternet.connections.layer_model import (
    fit_layer_model,
    layer_effects,
    layer_scenario_probabilities,
)
from clusternet.connections.partnerships import consortium_ties, organisation_attributes
from clusternet.connections.profile import connection_profile, layer_diversity, layer_shares
from clusternet.connections.sensitivity import layer_sensitivity, perturb_ties
from clusternet.connections.spillovers import (
    area_innovation_rates,
    creative_presence,
    fit_spillover_model,
    spillover_curve,
    spillover_effects,
)

__all__ = [
    "LAYERS",
    "LAYER_COUNT_COLUMNS",
    "LAYER_LABELS",
    "firm_table_from_graph",
    "classify_ties",
    "connection_profile",
    "layer_diversity",
    "layer_shares",
    "firm_count_matrix",
    "creative_cluster_table",
    "creative_presence",
    "area_innovation_rates",
    "fit_layer_model",
    "layer_effects",
    "layer_scenario_probabilities",
    "fit_spillover_model",
    "spillover_effects",
    "spillover_curve",
    "perturb_ties",
    "layer_sensitivity",
    "sector_bridges",
    "bridging_summary",
    "sector_bridge_degree",
    "bridge_relatedness",
    "BridgeRelatedness",
    "industry_group_matrix",
    "suppressed_cells",
    "consortium_ties",
    "organisation_attributes",
]
