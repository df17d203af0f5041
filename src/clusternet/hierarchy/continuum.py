"""Measure an ensemble of ``tiered_network`` organisations along the continuum.

One row per simulated organisation: its hierarchy profile, idea diffusion from the
bottom tier and robustness to failure and attack.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np
import pandas as pd

from clusternet._validation import require_fraction, require_positive_int, require_seed
from clusternet.hierarchy.diffusion import simulate_diffusion, steps_to_reach
from clusternet.hierarchy.profile import hierarchy_profile
from clusternet.hierarchy.robustness import robustness_curve
from clusternet.hierarchy.tiered import tiered_network

__all__ = ["simulate_continuum"]


def simulate_continuum(
    lateralities: Sequence[float],
    *,
    top_tiers: Sequence[int],
    replicates: int = 20,
    branching: int = 4,
    tiers: int = 4,
    ties: int | None = None,
    diffusion_runs: int = 20,
    half: float = 0.5,
    tier_steps: int = 3,
    max_steps: int = 80,
    attack_fraction: float = 0.05,
    robustness_runs: int = 20,
    seed=None,
) -> pd.DataFrame:
    """Measure an ensemble of ``tiered_network`` organisations along the continuum.

    For each laterality and replicate, one network is drawn and measured: its hierarchy
    profile (``hierarchy_profile`` of the directed version, top tier = ``top_tiers``),
    the share of ties re-wired, the giant-component share, idea diffusion from random
    bottom-tier people (mean steps to inform ``half`` of the organisation under the
    push and contagion models, and the share of tiers the idea reaches within
    ``tier_steps`` push steps), and the giant-component share after removing
    ``attack_fraction`` of people at random or highest degree first.

    Parameters
    ----------
    lateralities : sequence of float
        Values in [0, 1].
    replicates : int
        Networks per laterality.
    branching, tiers, ties
        Passed to ``tiered_network``.
    top_tiers : sequence of int
        Tiers counted as the top for ``top_tier_path_share`` (required: which tiers are
        "the top" is a choice of the study, e.g. ``(0, 1)`` for a chief executive and
        vice-presidents).
    diffusion_runs, robustness_runs : int
        Runs per network.
    half : float
        Target share for the diffusion time.
    tier_steps : int
        Push steps after which the share of tiers reached is read.
    max_steps : int
        Steps simulated per diffusion run.
    attack_fraction : float
        Share of people removed in the robustness columns.
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        One row per network: ``laterality, replicate, nodes, ties, rewired_share,
        giant_share``, the ``hierarchy_profile`` columns, ``push_steps_to_half,
        push_reached_half, contagion_steps_to_half, tiers_reached_share,
        giant_after_failure, giant_after_attack``. A mean step count is ``inf`` when a
        run never reached ``half``; ``push_reached_half`` gives the share that did.

    Raises
    ------
    TypeError, ValueError
        Bad counts or fractions, as ``tiered_network``.

    Examples
    --------
    >>> table = simulate_continuum([0.0, 1.0], replicates=2, branching=3, tiers=3,
    ...                            top_tiers=[0], diffusion_runs=2, robustness_runs=2, seed=1)
    >>> table.shape[0]
    4
    """
    if isinstance(lateralities, str | bytes) or not isinstance(lateralities, Sequence | np.ndarray):
        raise TypeError("lateralities must be a sequence of numbers in [0, 1]")
    if len(lateralities) == 0:
        raise ValueError("lateralities is empty")
    lateralities = [require_fraction(x, "lateralities") for x in lateralities]
    replicates = require_positive_int(replicates, "replicates")
    diffusion_runs = require_positive_int(diffusion_runs, "diffusion_runs")
    robustness_runs = require_positive_int(robustness_runs, "robustness_runs")
    tier_steps = require_positive_int(tier_steps, "tier_steps")
    half = require_fraction(half, "half")
    attack_fraction = require_fraction(attack_fraction, "attack_fraction")
    rng = require_seed(seed)
    max_steps = require_positive_int(max_steps, "max_steps")
    rows = []
    for laterality in lateralities:
        for replicate in range(replicates):
            graph = tiered_network(branching, tiers, laterality, ties=ties, directed=True, seed=rng)
            undirected = nx.Graph(graph)
            top = [v for v, t in graph.nodes(data="tier") if t in set(top_tiers)]
            row = {
                "laterality": laterality,
                "replicate": replicate,
                "nodes": graph.number_of_nodes(),
                "ties": undirected.number_of_edges(),
                "rewired_share": graph.graph["rewired"] / graph.graph["ties"],
                "giant_share": max(len(c) for c in nx.connected_components(undirected))
                / graph.number_of_nodes(),
            }
            row.update(hierarchy_profile(graph, top_nodes=top))
            push = simulate_diffusion(
                undirected, runs=diffusion_runs, model="push", max_steps=max_steps, seed=rng
            )
            push_steps = steps_to_reach(push, half)
            contagion = simulate_diffusion(
                undirected, runs=diffusion_runs, model="contagion", max_steps=max_steps, seed=rng
            )
            row["push_steps_to_half"] = float(push_steps["steps"].mean())
            row["push_reached_half"] = float(push_steps["reached"].mean())
            row["contagion_steps_to_half"] = float(steps_to_reach(contagion, half)["steps"].mean())
            at_k = push[push["step"] == tier_steps]
            row["tiers_reached_share"] = float(at_k["tiers_reached_share"].mean())
            for label, strategy in (("failure", "random"), ("attack", "degree")):
                curve = robustness_curve(
                    undirected,
                    strategy=strategy,
                    fractions=[attack_fraction],
                    runs=robustness_runs,
                    seed=rng,
                )
                row[f"giant_after_{label}"] = float(curve["giant_share"].mean())
            rows.append(row)
    return pd.DataFrame(rows)
