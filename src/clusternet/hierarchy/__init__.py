"""Hierarchy versus heterarchy (Mulder): measures, a continuum generator, diffusion, robustness.

Mulder (1999) argues that a system of interdependent, diverse connections is stable, but
that stability hardens into a hierarchy of specialised layers that limits the flow of
information and concentrates power at the top, while a heterarchy spreads connections
across levels and can reconfigure. This subpackage turns that argument into measurements,
one concept per file:

- ``clusternet.hierarchy.krackhardt``: Krackhardt's (1994) four dimensions of a
  directed graph (``krackhardt_measures``: connectedness, hierarchy, efficiency,
  least-upper-boundedness), which networkx lacks;
- ``clusternet.hierarchy.centralisation``: Freeman's degree and betweenness
  centralisation (``freeman_centralisation``) and the share of shortest information paths
  that pass through a top tier (``top_tier_path_share``);
- ``clusternet.hierarchy.profile``: all of them next to networkx's global reaching
  centrality, flow hierarchy and global efficiency (``hierarchy_profile``);
- ``clusternet.hierarchy.tiered``: a seeded generator of the continuum from a tiered
  tree (laterality 0) to a heterarchy (laterality 1) at a fixed size and number of ties
  (``tiered_network``);
- ``clusternet.hierarchy.diffusion`` and ``clusternet.hierarchy.robustness``:
  idea diffusion from the bottom tier (``simulate_diffusion``, ``steps_to_reach``) and
  robustness to random failure and targeted attack (``robustness_curve``);
- ``clusternet.hierarchy.ensemble`` and ``clusternet.hierarchy.continuum``:
  ensemble means with confidence intervals (``ensemble_mean_ci``) and the measurement of
  a whole ensemble along the continuum (``simulate_continuum``);
- ``clusternet.hierarchy.formal``: the alignment of an informal network with a formal
  chain of command (``formal_tier_digraph``, ``observed_laterality``, ``dyad_table``);
- ``clusternet.hierarchy.flow``: flow hierarchy, Krackhardt's hierarchy and
  connectedness, and reciprocity of networks too large for a reachability matrix
  (``network_hierarchy``);
- ``clusternet.hierarchy.consortia``: the coordinator -> partner network of project
  consortia (``coordination_arcs``) and its random-coordinator reference
  (``random_coordinators``);
- ``clusternet.hierarchy.concentration``: how concentrated a role is across
  organisations (``gini_coefficient``, ``top_share``);
- ``clusternet.hierarchy.core``: the main k-core and the tie densities within, across
  and outside it (``core_periphery_densities``).

Direction convention: an arc points from the person who gives (orders, advice) to the
person who receives, so a formal organisation chart is an out-tree rooted at the top.
Diffusion, centralisation and robustness treat every tie as a two-way channel.

References
----------
- Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations. In
  Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
- Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
  *Social Networks* 1(3), 215-239.
- Mones, E., Vicsek, L. and Vicsek, T. (2012). Hierarchy measure for complex networks.
  *PLoS ONE* 7(3), e33799.
- Luo, J. and Magee, C. L. (2011). Detecting evolving patterns of self-organizing
  networks by flow hierarchy measurement. *Complexity* 16(6), 53-61.
- Albert, R., Jeong, H. and Barabasi, A.-L. (2000). Error and attack tolerance of
  complex networks. *Nature* 406, 378-382.
"""

from __future__ import annotations

from clusternet.hierarchy.centralisation import freeman_centralisation, top_tier_path_share
from clusternet.hierarchy.concentration import gini_coefficient, top_share
from clusternet.hierarchy.consortia import coordination_arcs, random_coordinators
from clusternet.hierarchy.continuum import simulate_continuum
from clusternet.hierarchy.core import core_periphery_densities
from clusternet.hierarchy.diffusion import simulate_diffusion, steps_to_reach
from clusternet.hierarchy.ensemble import ensemble_mean_ci
from clusternet.hierarchy.flow import network_hierarchy
from clusternet.hierarchy.formal import (
    LateralityResult,
    dyad_table,
    formal_tier_digraph,
    observed_laterality,
)
from clusternet.hierarchy.krackhardt import (
    krackhardt_connectedness,
    krackhardt_efficiency,
    krackhardt_hierarchy,
    krackhardt_lub,
    krackhardt_measures,
)
from clusternet.hierarchy.profile import hierarchy_profile
from clusternet.hierarchy.robustness import robustness_curve
from clusternet.hierarchy.tiered import tiered_network

__all__ = [
    "krackhardt_connectedness",
    "krackhardt_hierarchy",
    "krackhardt_efficiency",
    "krackhardt_lub",
    "krackhardt_measures",
    "freeman_centralisation",
    "top_tier_path_share",
    "hierarchy_profile",
    "tiered_network",
    "simulate_diffusion",
    "steps_to_reach",
    "robustness_curve",
    "ensemble_mean_ci",
    "simulate_continuum",
    "formal_tier_digraph",
    "observed_laterality",
    "LateralityResult",
    "dyad_table",
    "network_hierarchy",
    "coordination_arcs",
    "random_coordinators",
    "gini_coefficient",
    "top_share",
    "core_periphery_densities",
]
