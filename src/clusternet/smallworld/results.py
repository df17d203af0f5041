"""Result containers of the small-world measures: path length and the quotient Q.

Examples
--------
>>> import networkx as nx
>>> from clusternet.smallworld import mean_path_length
>>> result = mean_path_length(nx.path_graph(4))
>>> isinstance(result, PathLength), result.mean
(True, 1.6666666666666667)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["PathLength", "SmallWorldResult"]


@dataclass(frozen=True)
class PathLength:
    """Mean shortest-path length of a giant component, exact or estimated.

    Attributes
    ----------
    mean : float
        Mean distance over ordered pairs of distinct nodes of the giant component.
    std_error : float
        Standard error of ``mean`` from sampling sources (0 when exact).
    exact : bool
        True when every node was a source.
    n_sources : int
        Number of BFS sources used.
    n_giant : int
        Nodes in the giant component.
    giant_share : float
        Share of all nodes in the giant component.
    """

    mean: float
    std_error: float
    exact: bool
    n_sources: int
    n_giant: int
    giant_share: float


@dataclass(frozen=True)
class SmallWorldResult:
    """Small-world quotient of a network and everything it is made of.

    ``q = clustering_ratio / path_length_ratio`` with ``clustering_ratio = clustering /
    clustering_random`` and ``path_length_ratio = path_length / path_length_random``. For
    ``small_world_sigma`` the field ``q`` holds Humphries and Gurney's sigma: the same
    formula against a one-mode rewired benchmark.

    Attributes
    ----------
    q, q_std_error : float
        The quotient and its Monte Carlo standard error (delta method, from path-length
        sampling and the spread of the simulated benchmark; 0 when everything is exact).
    clustering, path_length, path_length_std_error : float
        The observed network (path length of its giant component).
    clustering_random, path_length_random : float
        The benchmark values used (mean over draws when simulated).
    clustering_random_std_error, path_length_random_std_error : float
        Standard errors of the simulated benchmark means (0 for the analytic benchmark).
    clustering_ratio, path_length_ratio : float
    benchmark : str
        ``"simulated"``, ``"analytic"`` or ``"rewired"``.
    clustering_measure : str
        ``"transitivity"`` or ``"mean_local"``.
    n_people, n_groups, n_ties : int
        Sizes (``n_groups`` is 0 for a one-mode network without groups).
    n_giant : int
        People in the giant component.
    giant_share : float
        Share of people in the giant component.
    path_length_exact : bool
        Whether the observed path length is exact.
    draws : int
        Benchmark draws (0 for the analytic benchmark).
    """

    q: float
    q_std_error: float
    clustering: float
    path_length: float
    path_length_std_error: float
    clustering_random: float
    path_length_random: float
    clustering_random_std_error: float
    path_length_random_std_error: float
    clustering_ratio: float
    path_length_ratio: float
    benchmark: str
    clustering_measure: str
    n_people: int
    n_groups: int
    n_ties: int
    n_giant: int
    giant_share: float
    path_length_exact: bool
    draws: int

    def to_dict(self) -> dict:
        """All fields as a plain dict (one row of a table)."""
        return asdict(self)
