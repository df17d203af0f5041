"""Uzzi and Spiro's small-world quotient Q, computed fast and checked against its benchmarks.

An industry's collaboration network in a year is the one-mode projection of a bipartite
person-group (artist-show) affiliation network: two people are tied if they worked on the
same group. Q compares that network with random affiliation networks that have the same
numbers of people and groups and the same degree sequences on both sides:

.. math::

   Q = \\frac{C / C_{\\text{random}}}{L / L_{\\text{random}}}

where ``C`` is clustering and ``L`` the mean shortest-path length of the giant component.
Q is a property of the **whole network in a year**, not of one team.

Conventions, chosen so that the numbers can be cited:

- Clustering defaults to **global transitivity** (three times the triangles over the
  connected triples), the quantity the Newman-Strogatz-Watts formula predicts. Mean local
  clustering (people with fewer than two ties count as 0, as in networkx) is available and
  gives a different Q on the same network.
- Path length is the mean over ordered pairs of people in the giant component. It is exact
  up to ``exact_limit`` people and otherwise estimated from randomly drawn sources, with
  a standard error (finite-population corrected); the estimate is unbiased.
- The random benchmark is either **simulated** (draws of the bipartite configuration model
  with the observed degree sequences, projected and measured the same way; the default) or
  **analytic** (the generating-function formulas of Newman, Strogatz and Watts 2001).
  The analytic path length is biased low against simulation, so it is not the default.

Everything is vectorised with NumPy and SciPy sparse matrices: the projection is one
sparse product, triangles come from a row-chunked sparse product, and breadth-first search
runs 64 sources at once as bit sets (the multi-source BFS of Then et al. 2014).

One concept per file:

- ``affiliation``: ``AffiliationNetwork``, ``affiliation_network``, ``project_affiliations``;
- ``measures``: ``clustering_coefficient``, ``mean_path_length``;
- ``benchmarks``: the analytic (``nsw_benchmark``) and simulated
  (``bipartite_configuration_model``) random benchmarks;
- ``quotient``: ``small_world_q`` and ``small_world_q_by_year``;
- ``sigma``: ``small_world_sigma``, the one-mode rewired yardstick;
- ``teams``: ``team_assembly_model``, ``team_repeat_share``;
- ``memberships``: ``team_memberships`` (dated teams and their members, joined and checked);
- ``inverted_u``: ``fit_inverted_u`` and its turning point;
- ``results``: the result containers ``PathLength`` and ``SmallWorldResult``;
- ``_common``: the kernels the files share (adjacency, triangles, bit-parallel BFS).

References
----------
- Uzzi, B. and Spiro, J. (2005). Collaboration and creativity: the small world problem.
  American Journal of Sociology 111(2), 447-504.
- Newman, M. E. J., Strogatz, S. H. and Watts, D. J. (2001). Random graphs with arbitrary
  degree distributions and their applications. Physical Review E 64, 026118.
- Guimerà, R., Uzzi, B., Spiro, J. and Amaral, L. A. N. (2005). Team assembly mechanisms
  determine collaboration network structure and team performance. Science 308, 697-702.
- Humphries, M. D. and Gurney, K. (2008). Network 'small-world-ness'. PLoS ONE 3(4), e0002051.
- Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham, K., Kemper, A., Neumann, T.
  and Vo, H. T. (2014). The more the merrier: efficient multi-source graph traversal.
  Proceedings of the VLDB Endowment 8(4), 449-460.
"""

from __future__ import annotations

from clusternet.smallworld.affiliation import (
    AffiliationNetwork,
    affiliation_network,
    project_affiliations,
)
from clusternet.smallworld.benchmarks import (
    NSWBenchmark,
    bipartite_configuration_model,
    nsw_benchmark,
)
from clusternet.smallworld.inverted_u import InvertedUFit, TurningPoint, fit_inverted_u
from clusternet.smallworld.measures import clustering_coefficient, mean_path_length
from clusternet.smallworld.memberships import team_memberships
from clusternet.smallworld.quotient import small_world_q, small_world_q_by_year
from clusternet.smallworld.results import PathLength, SmallWorldResult
from clusternet.smallworld.sigma import small_world_sigma
from clusternet.smallworld.teams import team_assembly_model, team_repeat_share

__all__ = [
    "AffiliationNetwork",
    "PathLength",
    "NSWBenchmark",
    "SmallWorldResult",
    "InvertedUFit",
    "TurningPoint",
    "affiliation_network",
    "project_affiliations",
    "clustering_coefficient",
    "mean_path_length",
    "nsw_benchmark",
    "bipartite_configuration_model",
    "small_world_q",
    "small_world_q_by_year",
    "small_world_sigma",
    "team_assembly_model",
    "team_repeat_share",
    "team_memberships",
    "fit_inverted_u",
]
