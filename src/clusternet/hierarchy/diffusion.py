"""Idea diffusion on a network: push (limited attention) and contagion (broadcast).

``simulate_diffusion`` spreads an idea from one person per run and records the share of
people (and of tiers) informed after each step; ``steps_to_reach`` reads the step at which
each run first informs a given share.

References
----------
- Karp, R., Schindelhauer, C., Shenker, S. and Vocking, B. (2000). Randomized rumor
  spreading. *Proceedings of the 41st Annual Symposium on Foundations of Computer
  Science (FOCS)*.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from clusternet._graphs import adjacency_matrix
from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_fits,
    require_graph,
    require_in,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
    require_positive_int,
    require_real,
    require_seed,
)

__all__ = ["simulate_diffusion", "steps_to_reach"]


def _tier_codes(graph, nodes, tier: str | None):
    if tier is None:
        return None
    missing = [v for v in nodes if tier not in graph.nodes[v]]
    if missing:
        raise ValueError(
            f"graph nodes lack the attribute {tier!r} (e.g. {format_items(missing, 3)}); "
            "set it or pass tier=None"
        )
    return pd.factorize(pd.Series([graph.nodes[v][tier] for v in nodes]), sort=True)[0]


def _require_fits(runs: int, people: int, max_steps: int) -> None:
    """Memory of a diffusion: informed (runs x people) and five columns of runs x steps."""
    require_fits(
        runs * people + 40.0 * runs * (max_steps + 1),
        f"{runs:,} runs of {max_steps:,} steps over {people:,} people (runs or sources, max_steps)",
    )


def simulate_diffusion(
    graph,
    *,
    sources: Sequence | None = None,
    runs: int = 20,
    model: str = "push",
    transmission: float = 1.0,
    max_steps: int = 60,
    tier: str | None = "tier",
    start_tier=None,
    seed=None,
) -> pd.DataFrame:
    """Spread an idea from one person at a time and record who knows it after each step.

    Two models of how people pass an idea along a tie (ties are two-way):

    - ``"push"``: limited attention. Each step, every informed person tells one
      contact chosen at random, who adopts the idea with probability ``transmission``
      (the synchronous push protocol of randomised rumour spreading, Karp et al. 2000).
      A person with many ties becomes a bottleneck.
    - ``"contagion"``: every informed person tells every contact each step, each
      adopting with probability ``transmission``; with ``transmission=1`` this is a
      breadth-first search and the step a person learns the idea is their distance from
      the source.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        The network (directed graphs are symmetrised).
    sources : sequence of nodes, optional
        One source per run. By default each run starts at a person drawn at random
        from ``start_tier``.
    runs : int
        Number of runs when ``sources`` is not given.
    model : {"push", "contagion"}
    transmission : float
        Probability in (0, 1] that a told person adopts the idea.
    max_steps : int
        Steps simulated (all runs are recorded for steps ``0..max_steps``).
    tier : str or None
        Node attribute holding each person's tier, for the share of tiers reached; None
        skips it.
    start_tier : optional
        Tier value sources are drawn from; default the bottom tier (the largest value).
    seed : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        One row per run and step: ``run, source, step, informed_share`` and, with
        ``tier``, ``tiers_reached_share`` (the share of tiers with at least one informed
        person).

    Raises
    ------
    TypeError
        ``graph`` is not a networkx graph, a bad ``seed`` or non-integer counts.
    ValueError
        Fewer than 2 nodes, no ties, unknown ``model``, ``transmission`` outside (0, 1],
        unknown sources, missing tier attributes, an empty ``start_tier``, or more runs
        and steps than fit in 2 GiB.

    Examples
    --------
    >>> import networkx as nx
    >>> curves = simulate_diffusion(nx.path_graph(4), sources=[0], model="contagion",
    ...                             tier=None, max_steps=3)
    >>> curves["informed_share"].tolist()
    [0.25, 0.5, 0.75, 1.0]

    References
    ----------
    - Karp, R., Schindelhauer, C., Shenker, S. and Vocking, B. (2000). Randomized rumor
      spreading. *Proceedings of the 41st Annual Symposium on Foundations of Computer
      Science (FOCS)*.
    """
    require_graph(graph, "graph", min_nodes=2, require_edges=True, simple=True)
    require_in(model, ("push", "contagion"), "model")
    transmission = require_real(transmission, "transmission", minimum=0.0, inclusive=False)
    if transmission > 1:
        raise ValueError(f"transmission must be <= 1, got {transmission}")
    max_steps = require_positive_int(max_steps, "max_steps")
    rng = require_seed(seed)
    nodes = list(graph.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    codes = _tier_codes(graph, nodes, tier)
    if sources is None:
        runs = require_positive_int(runs, "runs")
        _require_fits(runs, len(nodes), max_steps)
        if tier is None:
            pool = np.arange(len(nodes))
        else:
            values = np.array([graph.nodes[v][tier] for v in nodes], dtype=object)
            wanted = max(values) if start_tier is None else start_tier
            pool = np.flatnonzero(values == wanted)
            if pool.size == 0:
                raise ValueError(f"start_tier {wanted!r} has no nodes in graph")
        source_index = pool[rng.integers(pool.size, size=runs)]
    else:
        if isinstance(sources, str | bytes) or not isinstance(sources, Sequence):
            raise TypeError(f"sources must be a sequence of nodes, got {type(sources).__name__}")
        unknown = [v for v in sources if v not in index]
        if unknown or len(sources) == 0:
            raise ValueError(f"sources must be nodes of graph; unknown: {format_items(unknown)}")
        _require_fits(len(sources), len(nodes), max_steps)
        source_index = np.array([index[v] for v in sources])
    n, n_runs = len(nodes), source_index.size
    adjacency = adjacency_matrix(graph, nodes, symmetric=True)
    indptr, indices = adjacency.indptr, adjacency.indices
    degree = np.diff(indptr)
    informed = np.zeros((n_runs, n), dtype=bool)
    informed[np.arange(n_runs), source_index] = True
    onehot = None
    if codes is not None:
        onehot = sp.csr_array((np.ones(n), (np.arange(n), codes)), shape=(n, int(codes.max()) + 1))
    shares, tiers_reached = [], []

    def record():
        shares.append(informed.mean(axis=1))
        if onehot is not None:
            tiers_reached.append(((onehot.T @ informed.T.astype(float)).T > 0).mean(axis=1))

    record()
    for _ in range(max_steps):
        if model == "push":
            run_of, node_of = np.nonzero(informed & (degree > 0))
            picks = indptr[node_of] + (rng.random(node_of.size) * degree[node_of]).astype(int)
            targets = indices[picks]
            adopt = rng.random(targets.size) < transmission
            informed[run_of[adopt], targets[adopt]] = True
        else:
            exposed = (adjacency @ informed.T.astype(float)).T  # informed neighbours
            if transmission >= 1.0:
                informed |= exposed > 0
            else:
                chance = 1.0 - (1.0 - transmission) ** exposed
                informed |= rng.random(informed.shape) < chance
        record()
    steps = max_steps + 1
    frame = pd.DataFrame(
        {
            "run": np.tile(np.arange(n_runs), steps),
            "source": np.tile(np.array(nodes, dtype=object)[source_index], steps),
            "step": np.repeat(np.arange(steps), n_runs),
            "informed_share": np.concatenate(shares),
        }
    )
    if onehot is not None:
        frame["tiers_reached_share"] = np.concatenate(tiers_reached)
    return frame.sort_values(["run", "step"], kind="stable").reset_index(drop=True)


def steps_to_reach(curves: pd.DataFrame, share: float) -> pd.DataFrame:
    """Step at which each run of ``simulate_diffusion`` first informs ``share`` of people.

    Parameters
    ----------
    curves : pandas.DataFrame
        Output of ``simulate_diffusion`` (columns ``run, step, informed_share``).
    share : float
        Target share in (0, 1].

    Returns
    -------
    pandas.DataFrame
        ``run, steps, reached``: ``steps`` is ``inf`` (never a NaN) for a run that did
        not reach the share within the simulated steps, with ``reached`` False.

    Raises
    ------
    TypeError
        ``curves`` is not a DataFrame, or its ``step`` or ``informed_share`` is not numeric.
    ValueError
        Missing columns, an empty frame, missing, infinite or negative steps or shares,
        or ``share`` outside (0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> curves = pd.DataFrame({"run": [0, 0, 0], "step": [0, 1, 2],
    ...                        "informed_share": [0.1, 0.4, 0.7]})
    >>> steps_to_reach(curves, 0.5)["steps"].tolist()
    [2.0]
    """
    require_dataframe(curves, "curves")
    require_columns(curves, ["run", "step", "informed_share"], "curves")
    require_nonempty(curves, "curves")
    require_numeric_columns(curves, "curves", ["step", "informed_share"])
    require_nonnegative(curves, "curves", ["step", "informed_share"])
    share = require_real(share, "share", minimum=0.0, maximum=1.0, inclusive=True)
    if share == 0:
        raise ValueError("share must be > 0")
    hit = curves["informed_share"].to_numpy() >= share - 1e-12
    first = (
        curves.assign(hit_step=np.where(hit, curves["step"].to_numpy(dtype=float), np.inf))
        .groupby("run", sort=True)["hit_step"]
        .min()
    )
    return pd.DataFrame(
        {"run": first.index, "steps": first.to_numpy(), "reached": np.isfinite(first.to_numpy())}
    )
