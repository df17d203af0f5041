"""Settings of the chapter *Hierarchy versus heterarchy* (private helper).

Every threshold, seed, count and year the chapter uses, in one frozen dataclass that
``clusternet.book.hierarchy_heterarchy`` re-exports; kept apart so that the chapter's
steps stay within one file each.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Settings", "SETTINGS"]


@dataclass(frozen=True)
class Settings:
    """Every choice the chapter makes (the sample's own design is read from its data)."""

    #: the ideal organisation chart (a binary out-tree of 15) and the ring of the first table
    org_chart_branching: int = 2
    org_chart_height: int = 3
    ring_size: int = 6
    #: the three small example organisations of the first figure
    example_branching: int = 3
    example_tiers: int = 4
    example_ties: int = 78
    example_seed: int = 7
    example_lateralities: tuple = ((0.0, "pure hierarchy"), (0.3, "mixed"), (1.0, "heterarchy"))
    #: the two ends of the continuum, and the partly re-wired organisation quoted in the text
    hierarchy_laterality: float = 0.0
    heterarchy_laterality: float = 1.0
    partial_laterality: float = 0.2
    #: significance of every ensemble interval
    alpha: float = 0.05
    #: fresh organisations drawn in the chapter (robustness curves, tree budget)
    seed: int = 1999
    robustness_organisations: int = 12
    robustness_runs: int = 10
    tree_budget_organisations: int = 100
    #: attributes whose sharing enters the dyadic advice logit, per firm
    advice_attributes: tuple = (("krackhardt", ("dept",)), ("lazega", ("office", "practice")))
    #: EU Horizon 2020 consortia: projects with at least this many organisations
    eu_min_members: int = 2
    #: the "top" organisations of the concentration measure (a share of all organisations)
    eu_top_fraction: float = 0.01
    #: reference organisation type of the coordination logit (PRC: private for-profit firms)
    eu_reference_type: str = "PRC"
    #: bootstrap over projects (intervals) and random-coordinator draws (the reference)
    eu_n_boot: int = 15
    eu_null_draws: int = 10
    eu_seed: int = 2020
    #: GitHub Innovation Graph: aggregate codes dropped before measuring (they repeat members)
    github_aggregates: tuple = ("EU",)


SETTINGS = Settings()
