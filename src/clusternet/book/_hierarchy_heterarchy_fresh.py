"""Fresh sample organisations of the chapter *Hierarchy versus heterarchy* (private helper).

The two steps that draw new organisations in the chapter rather than reading the
committed ensemble: whole robustness curves at both poles, and heterarchies with only a
tree's number of ties. ``clusternet.book.hierarchy_heterarchy`` re-exports them; this
file only keeps that module short.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from clusternet.book._hierarchy_heterarchy_settings import SETTINGS, Settings
from clusternet.book.published import Published
from clusternet.glue import Provenance
from clusternet.hierarchy import ensemble_mean_ci, robustness_curve, tiered_network

__all__ = ["RobustnessCurves", "robustness_curves", "TreeBudget", "tree_budget"]

_SHARE = {"digits": 0, "percent": True}
_COUNT = {"digits": 0, "headline": False}

#: fresh seeded organisations of the sample ensemble's shape (span, tiers, size)
FRESH_SAMPLE = Provenance(
    "sample data",
    ("sample_hierarchy_design", "sample_hierarchy_continuum"),
    caveat="Sample data: demonstrates the method, not evidence about a real organisation.",
)
#: counts the chapter chose or derived from the sample design
FRESH_SETTING = Provenance(
    "analysis setting",
    ("clusternet", "sample_hierarchy_design"),
    caveat="A design choice of the sample organisations, not a measurement.",
)


@dataclass(frozen=True)
class RobustnessCurves:
    """Whole robustness curves of fresh organisations at both poles (for the figure)."""

    curves: pd.DataFrame
    order: list


def robustness_curves(ensemble, settings: Settings = SETTINGS) -> RobustnessCurves:
    """Largest connected share as people are removed, for fresh sample organisations.

    The organisations have the ensemble's shape (span, tiers, ties); each is attacked
    ``settings.robustness_runs`` times per strategy, and the mean curves are summarised
    over ``settings.robustness_organisations`` organisations per pole.
    """
    rng = np.random.default_rng(settings.seed)
    rows = []
    order = []
    for name, laterality in (
        ("Hierarchy", settings.hierarchy_laterality),
        ("Heterarchy", settings.heterarchy_laterality),
    ):
        label = f"{name} (laterality {laterality:g})"
        order.append(label)
        for replicate in range(settings.robustness_organisations):
            organisation = tiered_network(
                ensemble.parameter("branching"),
                ensemble.parameter("tiers"),
                laterality,
                ties=ensemble.parameter("ties"),
                seed=rng,
            )
            for strategy in ("random", "degree"):
                curve = robustness_curve(
                    organisation, strategy=strategy, runs=settings.robustness_runs, seed=rng
                )
                mean_curve = curve.groupby("fraction_removed", as_index=False)["giant_share"].mean()
                rows.append(
                    mean_curve.assign(organisation=label, strategy=strategy, replicate=replicate)
                )
    curves = ensemble_mean_ci(
        pd.concat(rows),
        "giant_share",
        by=["organisation", "strategy", "fraction_removed"],
        alpha=settings.alpha,
    )
    return RobustnessCurves(curves=curves, order=order)


@dataclass(frozen=True)
class TreeBudget:
    """Heterarchies with only a tree's number of ties: how much of them holds together."""

    table: pd.DataFrame
    summary: pd.DataFrame
    published: dict


def tree_budget(ensemble, settings: Settings = SETTINGS) -> TreeBudget:
    """Largest connected share of fully re-wired organisations with a tree's ties."""
    organisations = settings.tree_budget_organisations
    table = pd.DataFrame(
        {
            "replicate": replicate,
            "giant_share": max(map(len, nx.connected_components(organisation))) / len(organisation),
        }
        for replicate in range(organisations)
        for organisation in [
            tiered_network(
                ensemble.parameter("branching"),
                ensemble.parameter("tiers"),
                settings.heterarchy_laterality,
                seed=settings.seed + replicate,
            )
        ]
    )
    summary = ensemble_mean_ci(table, "giant_share", alpha=settings.alpha)
    row = summary.iloc[0]
    people = int(ensemble.continuum["nodes"].iloc[0])
    tree_ties = people - 1
    published = {
        "mulder_tree_budget_giant": Published(
            row["mean"],
            f"Largest connected share of a heterarchy (laterality "
            f"{settings.heterarchy_laterality:g}) with only a tree's number of ties ({tree_ties} "
            f"for {people} people), mean over {organisations} sample organisations",
            provenance=FRESH_SAMPLE,
            **_SHARE,
        ),
        "mulder_tree_budget_organisations": Published(
            organisations,
            "Sample organisations drawn for the tree-budget heterarchy",
            unit="organisations",
            provenance=FRESH_SETTING,
            **_COUNT,
        ),
    }
    for end in ("ci_lower", "ci_upper"):
        published[f"mulder_tree_budget_giant_{end}"] = Published(
            row[end],
            f"95% interval ({end[3:]} limit) of the largest connected share of a heterarchy "
            "with a tree's number of ties (sample data)",
            headline=False,
            provenance=FRESH_SAMPLE,
            **_SHARE,
        )
    published["mulder_tree_ties"] = Published(
        tree_ties,
        "Ties in a tree of the sample organisation's size",
        unit="ties",
        provenance=FRESH_SETTING,
        **_COUNT,
    )
    return TreeBudget(table=table, summary=summary, published=published)
