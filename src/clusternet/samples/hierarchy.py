"""Sample data for the hierarchy chapter: an ensemble of organisations on Mulder's continuum.

:func:`continuum_sample` draws **sample** (synthetic) organisations with
:func:`clusternet.tiered_network` at eleven levels of laterality (0, 0.1, ..., 1) and
measures each one with :func:`clusternet.simulate_continuum`: Krackhardt's four
dimensions, global reaching centrality, flow hierarchy, global efficiency, Freeman
centralisation, the top tier's share of shortest paths, idea diffusion from the bottom
tier and robustness to failure and attack. The measures take a few seconds per level, so
the ensemble is stored in ``data/sample-hierarchy/continuum.csv`` and the chapter only
summarises it.

Calibration targets
-------------------

- Span of control and tiers: Krackhardt's (1987) high-tech firm has a CEO, 4
  vice-presidents and 16 managers (levels 1, 2 and 3 in
  ``data/network-classics/ht_reports_nodes.csv``, real data), an average span of
  control of exactly 4. The sample organisation keeps that shape (``branching=4``) and
  adds the tier of staff below the managers, 64 people, for 85 in all; the real firm had
  "just over 100 employees" (the networkdata package documentation of the data set; not
  in ``papers.md``).
- Top tier: the CEO and the vice-presidents (tiers 0 and 1, 5 people), as in the real
  firm.

Assumptions (not calibrated to a published figure; stated in the data README)
-------------------------------------------------------------------------------

- Number of ties: 168, twice a tree's 84, so the pure hierarchy carries one skip-level
  tie per person besides the tie to the boss and every person has four ties on average.
  With only a tree's ties a heterarchy falls apart (the chapter shows this live).
- 12 networks per level of laterality; 20 diffusion runs (each from a random person in
  the bottom tier, at most 80 steps) and 10 removal orders per network; 5% of people
  removed in the robustness columns; the share of tiers reached is read after 3 steps.
- Seed 1999 (the year of Mulder's essay; never tuned).

The design (these parameters) is written beside the ensemble, in
``data/sample-hierarchy/design.csv`` (:func:`continuum_design`), so the chapter reads the
shape of the organisations it summarises from the data rather than from this module.

References
----------
- Krackhardt, D. (1987). Cognitive social structures. *Social Networks* 9(2), 109-134.
- Mulder (1999). The creative city or redesigning society. In Verwijnen and Lehtovuori
  (eds), *Creative Cities*, UIAH, Helsinki.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import require_positive_int, require_seed
from clusternet.hierarchy import simulate_continuum

__all__ = [
    "SEED",
    "BRANCHING",
    "TIERS",
    "TIES",
    "LATERALITIES",
    "REPLICATES",
    "DIFFUSION_RUNS",
    "ROBUSTNESS_RUNS",
    "TIER_STEPS",
    "ATTACK_FRACTION",
    "TOP_TIERS",
    "MAX_STEPS",
    "continuum_sample",
    "continuum_design",
    "SAMPLES",
]

#: seed of the committed file (the year of Mulder's essay; never tuned)
SEED = 1999
#: span of control of Krackhardt's firm (4 vice-presidents, 16 managers)
BRANCHING = 4
#: CEO, vice-presidents, managers and their staff
TIERS = 4
#: twice a tree's number of ties (85 people, 84 ties in a tree)
TIES = 168
LATERALITIES = tuple(round(x, 1) for x in np.linspace(0.0, 1.0, 11))
REPLICATES = 12
DIFFUSION_RUNS = 20
ROBUSTNESS_RUNS = 10
TIER_STEPS = 3
ATTACK_FRACTION = 0.05
#: the top tier of the path share: the CEO and the vice-presidents (tiers 0 and 1)
TOP_TIERS = (0, 1)
#: steps simulated per diffusion run (``simulate_continuum``'s fixed horizon)
MAX_STEPS = 80


def continuum_sample(seed=SEED, replicates: int = REPLICATES) -> pd.DataFrame:
    """Sample data: measures of ``replicates`` organisations at each level of laterality.

    Parameters
    ----------
    seed : int or numpy.random.Generator
        Seed (default :data:`SEED`, the committed file).
    replicates : int
        Networks per level of laterality.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`clusternet.simulate_continuum`, one row per network.

    Raises
    ------
    TypeError, ValueError
        A bad seed or replicate count.

    Examples
    --------
    >>> table = continuum_sample(replicates=2)  # doctest: +SKIP
    >>> sorted(table["laterality"].unique())[:2]  # doctest: +SKIP
    [0.0, 0.1]
    """
    rng = require_seed(seed)
    replicates = require_positive_int(replicates, "replicates", minimum=2)
    table = simulate_continuum(
        list(LATERALITIES),
        replicates=replicates,
        branching=BRANCHING,
        tiers=TIERS,
        ties=TIES,
        top_tiers=TOP_TIERS,
        diffusion_runs=DIFFUSION_RUNS,
        robustness_runs=ROBUSTNESS_RUNS,
        tier_steps=TIER_STEPS,
        max_steps=MAX_STEPS,
        attack_fraction=ATTACK_FRACTION,
        seed=rng,
    )
    return table


def continuum_design() -> pd.DataFrame:
    """The design of :func:`continuum_sample`'s committed ensemble, one parameter a row.

    Returns
    -------
    pandas.DataFrame
        ``parameter, value, description``: seed, span of control, tiers, top tiers, ties,
        levels of laterality, organisations per level, diffusion and robustness runs,
        steps simulated, the step at which tiers reached are read and the share of people
        removed.

    Examples
    --------
    >>> design = continuum_design().set_index("parameter")["value"]
    >>> int(design["branching"]), int(design["tiers"]), int(design["ties"])
    (4, 4, 168)
    """
    rows = [
        ("seed", SEED, "seed of the committed ensemble"),
        ("branching", BRANCHING, "span of control: subordinates per superior"),
        ("tiers", TIERS, "tiers of the organisation (CEO, vice-presidents, managers, staff)"),
        ("top_tiers", len(TOP_TIERS), "tiers counted as the top (CEO and vice-presidents)"),
        ("ties", TIES, "undirected ties per organisation"),
        ("levels", len(LATERALITIES), "levels of laterality, evenly spaced from 0 to 1"),
        ("replicates", REPLICATES, "organisations drawn per level of laterality"),
        ("diffusion_runs", DIFFUSION_RUNS, "diffusion runs per organisation and model"),
        ("max_steps", MAX_STEPS, "steps simulated per diffusion run"),
        ("tier_steps", TIER_STEPS, "push steps after which the share of tiers reached is read"),
        ("robustness_runs", ROBUSTNESS_RUNS, "removal orders per organisation and strategy"),
        ("attack_fraction", ATTACK_FRACTION, "share of people removed in the robustness columns"),
    ]
    return pd.DataFrame(
        {
            "parameter": [row[0] for row in rows],
            "value": [float(row[1]) for row in rows],
            "description": [row[2] for row in rows],
        }
    )


SAMPLES = {
    "sample-hierarchy/continuum.csv": continuum_sample,
    "sample-hierarchy/design.csv": continuum_design,
}
