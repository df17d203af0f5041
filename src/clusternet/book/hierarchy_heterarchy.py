"""Hierarchy versus heterarchy (chapter ``hierarchy-heterarchy``): the analysis, written once.

The chapter asks whether a hierarchy or a heterarchy spreads ideas better, and at what
cost. Its steps, in reading order:

1. :func:`ideal_types`: Krackhardt's four dimensions of an organisation chart and a ring;
2. :func:`continuum_examples`: three small organisations from hierarchy to heterarchy;
3. :func:`sample_ensemble`: the committed ensemble of sample organisations and its design;
4. :func:`hierarchy_measures`: hierarchy and dependence on the top along the continuum;
5. :func:`diffusion_speed`: how fast an idea from the bottom tier spreads;
6. :func:`ensemble_robustness` and :func:`robustness_curves`: what happens when people
   leave, at random or best-connected first;
7. :func:`tree_budget`: a heterarchy with only a tree's number of ties;
8. :func:`real_networks` and :func:`advice_regressions`: the chart and the informal
   networks of Krackhardt's managers and Lazega's lawyers;
9. :func:`eu_consortia`, :func:`eu_uncertainty`, :func:`eu_coordination_by_type` and
   :func:`eu_on_continuum`: coordination in the EU Horizon 2020 consortia (real data);
10. :func:`github_network`: hierarchy and core-periphery of global software
    collaboration between economies (real data).

Each step returns a frozen result with what the chapter shows and ``published``, the
numbers it glues; :func:`key_results` composes the same steps for the policy synthesis.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from clusternet import data, models
from clusternet.book import _hierarchy_heterarchy_eu as _eu
from clusternet.book import _hierarchy_heterarchy_github as _github
from clusternet.book import _hierarchy_heterarchy_real as _real
from clusternet.book._hierarchy_heterarchy_eu import (
    EuConsortia,
    EuCoordinationByType,
    EuOnContinuum,
    EuUncertainty,
)
from clusternet.book._hierarchy_heterarchy_fresh import (
    RobustnessCurves,
    TreeBudget,
    robustness_curves,
    tree_budget,
)
from clusternet.book._hierarchy_heterarchy_github import GlobalCollaboration
from clusternet.book._hierarchy_heterarchy_real import (
    AdviceRegressions,
    Organisation,
    RealNetworks,
    classic_organisation,
)
from clusternet.book._hierarchy_heterarchy_settings import SETTINGS, Settings
from clusternet.book.published import Published, published_values
from clusternet.glue import Provenance
from clusternet.hierarchy import (
    ensemble_mean_ci,
    krackhardt_measures,
    tiered_network,
)

__all__ = [
    "Settings",
    "SETTINGS",
    "Organisation",
    "classic_organisation",
    "IdealTypes",
    "ideal_types",
    "ContinuumExamples",
    "continuum_examples",
    "SampleEnsemble",
    "sample_ensemble",
    "HierarchyMeasures",
    "hierarchy_measures",
    "Diffusion",
    "diffusion_speed",
    "EnsembleRobustness",
    "ensemble_robustness",
    "RobustnessCurves",
    "robustness_curves",
    "TreeBudget",
    "tree_budget",
    "RealNetworks",
    "real_networks",
    "AdviceRegressions",
    "advice_regressions",
    "EuConsortia",
    "eu_consortia",
    "EuUncertainty",
    "eu_uncertainty",
    "EuCoordinationByType",
    "eu_coordination_by_type",
    "EuOnContinuum",
    "eu_on_continuum",
    "GlobalCollaboration",
    "github_network",
    "key_results",
]


_PERCENT = {"digits": 1, "percent": True}
_SCORE = {"digits": 2, "unit": "score (0 to 1)"}
_STEPS = {"digits": 1, "unit": "steps"}
_SHARE = {"digits": 0, "percent": True}
_COUNT = {"digits": 0, "headline": False}

#: the committed sample ensemble (every mean over sample organisations, and their intervals)
SAMPLE = Provenance(
    "sample data",
    "sample_hierarchy_continuum",
    caveat="Sample data: demonstrates the method, not evidence about a real organisation.",
)
#: the design of the sample organisations: choices of this report, not measurements
SAMPLE_DESIGN = Provenance(
    "analysis setting",
    ("clusternet", "sample_hierarchy_design"),
    caveat="A design choice of the sample organisations, not a measurement.",
)
#: the span of control, copied from Krackhardt's high-tech firm
SAMPLE_SPAN = Provenance(
    "analysis setting",
    ("sample_hierarchy_design", "krackhardt1987cognitive"),
    caveat="A design choice of the sample organisations, calibrated to Krackhardt's firm.",
)
#: a threshold or level the chapter itself chose
SETTING = Provenance("analysis setting", "clusternet")


# ---------------------------------------------------------------------------
# steps 1-3: ideal types, examples, the sample ensemble
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IdealTypes:
    """Krackhardt's four dimensions of an organisation chart and of a ring."""

    org_chart: nx.DiGraph
    ring: nx.DiGraph
    measures: pd.DataFrame


def ideal_types(settings: Settings = SETTINGS) -> IdealTypes:
    """An out-tree (the ideal hierarchy) and a directed ring on Krackhardt's dimensions."""
    org_chart = nx.balanced_tree(
        settings.org_chart_branching, settings.org_chart_height, create_using=nx.DiGraph
    )
    ring = nx.cycle_graph(settings.ring_size, create_using=nx.DiGraph)
    measures = pd.DataFrame(
        {"org chart": krackhardt_measures(org_chart), "ring": krackhardt_measures(ring)}
    )
    return IdealTypes(org_chart=org_chart, ring=ring, measures=measures)


@dataclass(frozen=True)
class ContinuumExamples:
    """Small organisations along the continuum: panel title -> graph."""

    graphs: dict


def continuum_examples(settings: Settings = SETTINGS) -> ContinuumExamples:
    """Three small tiered organisations with the same people and ties, re-wired more and more."""
    graphs = {
        f"Laterality {laterality:g}: {label}": tiered_network(
            settings.example_branching,
            settings.example_tiers,
            laterality,
            ties=settings.example_ties,
            seed=settings.example_seed,
        )
        for laterality, label in settings.example_lateralities
    }
    return ContinuumExamples(graphs=graphs)


@dataclass(frozen=True)
class SampleEnsemble:
    """The committed sample ensemble: one row per organisation, and its design."""

    continuum: pd.DataFrame
    design: pd.Series
    alpha: float
    published: dict

    def along(self, column: str) -> pd.DataFrame:
        """Mean and confidence interval of a measure at each laterality (sample data)."""
        return ensemble_mean_ci(self.continuum, column, by="laterality", alpha=self.alpha)

    def at(self, column: str, laterality: float) -> pd.Series:
        """The row of :meth:`along` at one laterality."""
        return self.along(column).set_index("laterality").loc[laterality]

    def parameter(self, name: str) -> int:
        """A count of the design (span, tiers, ties, steps, seed) as an int."""
        return int(self.design[name])


def sample_ensemble(settings: Settings = SETTINGS) -> SampleEnsemble:
    """Load the ensemble (``sample_hierarchy_continuum``) and its design (sample data)."""
    continuum = data.load("sample_hierarchy_continuum")
    design = data.load("sample_hierarchy_design").set_index("parameter")["value"]
    published = {
        "mulder_span": Published(
            design["branching"],
            "Span of control (subordinates per superior) of the sample organisations, as in "
            "Krackhardt's high-tech firm",
            unit="people",
            **_COUNT,
        ),
        "mulder_people": Published(
            int(continuum["nodes"].iloc[0]),
            "People in each sample organisation on the hierarchy-heterarchy continuum",
            unit="people",
            **_COUNT,
        ),
        "mulder_tiers": Published(
            design["tiers"], "Tiers in each sample organisation", unit="tiers", **_COUNT
        ),
        "mulder_ties": Published(
            int(continuum["ties"].iloc[0]),
            "Ties in each sample organisation (twice a tree's)",
            unit="ties",
            **_COUNT,
        ),
        "mulder_replicates": Published(
            int(continuum.groupby("laterality").size().min()),
            "Sample organisations drawn at each level of laterality",
            unit="organisations",
            **_COUNT,
        ),
        "mulder_levels": Published(
            continuum["laterality"].nunique(),
            "Levels of laterality in the sample ensemble",
            unit="levels",
            **_COUNT,
        ),
        "mulder_attack_fraction": Published(
            design["attack_fraction"],
            "Share of people removed in the robustness comparison",
            digits=0,
            percent=True,
            headline=False,
        ),
        "mulder_tier_steps": Published(
            design["tier_steps"],
            "Push steps after which the share of tiers reached is read",
            unit="steps",
            **_COUNT,
        ),
    }
    published = {
        name: dataclasses.replace(
            number, provenance=SAMPLE_SPAN if name == "mulder_span" else SAMPLE_DESIGN
        )
        for name, number in published.items()
    }
    return SampleEnsemble(
        continuum=continuum, design=design, alpha=settings.alpha, published=published
    )


def _pole_numbers(ensemble: SampleEnsemble, measures: Mapping, settings: Settings) -> dict:
    """Mean and interval of each measure at both poles: ``mulder_<key>_<pole>[_ci_*]``.

    ``measures`` maps a glue key to ``(column, style, description)``.
    """
    poles = {
        "hierarchy": settings.hierarchy_laterality,
        "heterarchy": settings.heterarchy_laterality,
    }
    numbers = {}
    for key, (column, style, describe) in measures.items():
        for pole, laterality in poles.items():
            row = ensemble.at(column, laterality)
            what = f"{describe}, {pole} (laterality {laterality:g}), mean over sample organisations"
            numbers[f"mulder_{key}_{pole}"] = Published(
                row["mean"], what, provenance=SAMPLE, **style
            )
            for end in ("ci_lower", "ci_upper"):
                numbers[f"mulder_{key}_{pole}_{end}"] = Published(
                    row[end],
                    f"95% interval ({end[3:]} limit) of the {what}",
                    headline=False,
                    provenance=SAMPLE,
                    **style,
                )
    return numbers


# ---------------------------------------------------------------------------
# steps 4-7: measures, diffusion, robustness and the tree budget on the continuum
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HierarchyMeasures:
    """Hierarchy and dependence on the top along the continuum (figure panels)."""

    panels: dict
    top_share_in_hierarchy: pd.Series
    published: dict


def hierarchy_measures(
    ensemble: SampleEnsemble, settings: Settings = SETTINGS
) -> HierarchyMeasures:
    """How re-wiring changes the measures of hierarchy and of dependence on the top."""
    measures = {
        "top_share": (
            "top_tier_path_share",
            _PERCENT,
            "share of shortest paths between people outside the top two tiers that pass "
            "through the CEO or a vice-president",
        ),
        "grc": ("global_reaching_centrality", _SCORE, "global reaching centrality"),
        "krackhardt_hierarchy": ("hierarchy", _SCORE, "Krackhardt hierarchy"),
        "betweenness": (
            "betweenness_centralisation",
            _SCORE,
            "Freeman betweenness centralisation",
        ),
    }
    panels = {
        "Hierarchy": {
            "Krackhardt hierarchy": ensemble.along("hierarchy"),
            "Global reaching centrality": ensemble.along("global_reaching_centrality"),
        },
        "Dependence on the top": {
            "Top tier's share of paths": ensemble.along("top_tier_path_share"),
            "Betweenness centralisation": ensemble.along("betweenness_centralisation"),
        },
    }
    top_share = ensemble.at("top_tier_path_share", settings.hierarchy_laterality)
    return HierarchyMeasures(
        panels=panels,
        top_share_in_hierarchy=top_share[["mean", "ci_lower", "ci_upper", "n"]],
        published=_pole_numbers(ensemble, measures, settings),
    )


@dataclass(frozen=True)
class Diffusion:
    """Idea diffusion from the bottom tier along the continuum, and the push model's gain."""

    steps: dict
    tiers_reached: pd.DataFrame
    tier_steps: int
    push_gain: pd.DataFrame
    published: dict


def diffusion_speed(ensemble: SampleEnsemble, settings: Settings = SETTINGS) -> Diffusion:
    """Steps until half the organisation knows an idea; tiers reached early; push gain (OLS)."""
    tier_steps = ensemble.parameter("tier_steps")
    how = "mean steps until half the organisation knows an idea started by a bottom-tier person"
    measures = {
        "push_steps": (
            "push_steps_to_half",
            _STEPS,
            f"{how}, push model (each informed person tells one contact a step)",
        ),
        "contagion_steps": (
            "contagion_steps_to_half",
            _STEPS,
            f"{how}, contagion model (each informed person tells every contact a step)",
        ),
        "tiers_reached": (
            "tiers_reached_share",
            _PERCENT,
            f"share of the tiers with at least one informed person {tier_steps} push steps "
            "after a bottom-tier person has an idea",
        ),
    }
    published = _pole_numbers(ensemble, measures, settings)
    continuum = ensemble.continuum
    poles = continuum[
        continuum["laterality"].isin(
            [settings.hierarchy_laterality, settings.heterarchy_laterality]
        )
    ].assign(
        heterarchy=lambda frame: (frame["laterality"] == settings.heterarchy_laterality).astype(int)
    )
    push_model = models.fit_ols("push_steps_to_half ~ heterarchy", poles)
    push_gain = models.coefficient_table(push_model, terms=["heterarchy"])
    gain = push_gain.iloc[0]
    saved = "steps saved by the heterarchy"
    published["mulder_push_gain"] = Published(
        -gain["estimate"],
        "Steps saved by the heterarchy over the pure hierarchy until half the organisation "
        "knows an idea (push model; OLS difference of means over sample organisations)",
        provenance=SAMPLE,
        **_STEPS,
    )
    for end, other in (("ci_lower", "ci_upper"), ("ci_upper", "ci_lower")):
        published[f"mulder_push_gain_{end}"] = Published(
            -gain[other],
            f"95% interval ({end[3:]} limit) of the {saved}, push model (sample data)",
            headline=False,
            provenance=SAMPLE,
            **_STEPS,
        )
    steps = {
        "Push (one contact a step)": ensemble.along("push_steps_to_half"),
        "Contagion (all contacts)": ensemble.along("contagion_steps_to_half"),
    }
    return Diffusion(
        steps=steps,
        tiers_reached=ensemble.along("tiers_reached_share"),
        tier_steps=tier_steps,
        push_gain=push_gain,
        published=published,
    )


@dataclass(frozen=True)
class EnsembleRobustness:
    """Largest connected share after a few people leave, at both poles and part-way."""

    published: dict


def ensemble_robustness(
    ensemble: SampleEnsemble, settings: Settings = SETTINGS
) -> EnsembleRobustness:
    """Random failure and attack on the best connected, from the committed ensemble."""
    removed = f"{ensemble.design['attack_fraction']:.0%}"
    attack = f"largest connected share after the {removed} of people with most ties are removed"
    measures = {
        "failure_giant": (
            "giant_after_failure",
            _PERCENT,
            f"largest connected share after {removed} of people leave at random",
        ),
        "attack_giant": ("giant_after_attack", _PERCENT, attack),
    }
    published = _pole_numbers(ensemble, measures, settings)
    for end in ("ci_lower", "ci_upper"):  # the synthesis quotes this interval with the claim
        name = f"mulder_attack_giant_heterarchy_{end}"
        published[name] = dataclasses.replace(published[name], headline=True)
    partial = settings.partial_laterality
    published["mulder_partial_laterality"] = Published(
        partial,
        "Laterality of the partly re-wired sample organisation quoted in the text",
        headline=False,
        provenance=SETTING,
        **_SHARE,
    )
    partly = ensemble.at("giant_after_attack", partial)
    published["mulder_attack_giant_lat02"] = Published(
        partly["mean"],
        f"{attack[0].upper()}{attack[1:]}, laterality {partial:g} (a fifth of ties re-wired), "
        "mean over sample organisations",
        provenance=SAMPLE,
        estimate=True,  # a mean over sample organisations, with the ensemble's interval
        ci_lower=partly["ci_lower"],
        ci_upper=partly["ci_upper"],
        **_SHARE,
    )
    return EnsembleRobustness(published=published)


# ---------------------------------------------------------------------------
# steps 8-9: real organisations (data/network-classics)
# ---------------------------------------------------------------------------


def real_networks(settings: Settings = SETTINGS) -> RealNetworks:
    """Krackhardt's managers and Lazega's lawyers: each network's laterality and hierarchy.

    Returns both firms (``Organisation``, from ``classic_organisation``), a
    table with one row per network (``hierarchy_profile`` columns, then ``ties,
    chain_ties, laterality, ci_lower, ci_upper, chance_laterality, minimum_laterality``
    from ``observed_laterality``) and the numbers the chapter publishes.
    """
    return _real.real_networks(alpha=settings.alpha)


def advice_regressions(real: RealNetworks, settings: Settings = SETTINGS) -> AdviceRegressions:
    """Dyadic logits of who goes to whom for advice, per firm (odds ratios with intervals)."""
    return _real.advice_regressions(real, attributes=settings.advice_attributes)


# ---------------------------------------------------------------------------
# step 9: EU research consortia (data/eu-h2020)
# ---------------------------------------------------------------------------


def eu_consortia(settings: Settings = SETTINGS) -> EuConsortia:
    """Concentration of coordination and the coordinator -> partner network (real data).

    Horizon 2020 projects with at least ``settings.eu_min_members`` organisations;
    measures from ``gini_coefficient``, ``top_share`` and ``network_hierarchy``.
    """
    return _eu.eu_consortia(
        min_members=settings.eu_min_members, top_fraction=settings.eu_top_fraction
    )


def eu_uncertainty(consortia: EuConsortia, settings: Settings = SETTINGS) -> EuUncertainty:
    """Intervals from resampling projects, and the random-coordinator reference (real data)."""
    return _eu.eu_uncertainty(
        consortia,
        n_boot=settings.eu_n_boot,
        null_draws=settings.eu_null_draws,
        alpha=settings.alpha,
        seed=settings.eu_seed,
    )


def eu_coordination_by_type(
    consortia: EuConsortia, settings: Settings = SETTINGS
) -> EuCoordinationByType:
    """Who coordinates: shares and odds by organisation type (logit, clustered errors)."""
    return _eu.eu_coordination_by_type(consortia, reference=settings.eu_reference_type)


def eu_on_continuum(uncertainty: EuUncertainty, ensemble: SampleEnsemble) -> EuOnContinuum:
    """Where the consortia's flow and Krackhardt hierarchy sit on the sample continuum."""
    along = {
        "flow_hierarchy": ensemble.along("flow_hierarchy"),
        "krackhardt_hierarchy": ensemble.along("hierarchy"),
    }
    return _eu.eu_on_continuum(uncertainty, along)


def github_network(settings: Settings = SETTINGS) -> GlobalCollaboration:
    """Flow and Krackhardt hierarchy, reciprocity, hub share and k-core, every quarter (real data)."""
    return _github.github_network(drop=settings.github_aggregates, alpha=settings.alpha)


def key_results(settings: Settings = SETTINGS) -> dict[str, float]:
    """The chapter's headline numbers, from the same steps the chapter runs.

    Parameters
    ----------
    settings : Settings
        The chapter's settings (default ``SETTINGS``).

    Returns
    -------
    dict
        Glue name -> exact value of every headline number the chapter publishes.

    Raises
    ------
    FileNotFoundError, clusternet.data.DataValidationError
        A data file is missing or does not match its spec.

    Examples
    --------
    >>> results = key_results()  # doctest: +SKIP
    >>> round(results["mulder_top_share_hierarchy"], 2)  # doctest: +SKIP
    0.96
    """
    ensemble = sample_ensemble(settings)
    real = real_networks(settings)
    steps = [
        ensemble,
        hierarchy_measures(ensemble, settings),
        diffusion_speed(ensemble, settings),
        ensemble_robustness(ensemble, settings),
        tree_budget(ensemble, settings),
        real,
        advice_regressions(real, settings),
        eu_consortia(settings),
    ]
    headline = [
        {name: number for name, number in step.published.items() if number.headline}
        for step in steps
    ]
    return published_values(*headline)
