"""EU research consortia in the chapter *Hierarchy versus heterarchy* (private helper).

Real data: the Horizon 2020 participations of CORDIS (``eu_h2020_participations``). A
consortium is a one-level formal hierarchy, a coordinator over its partners; across
projects the same organisations meet again, sometimes with the roles reversed. The steps
here measure how concentrated coordination is and how hierarchical the coordinator ->
partner network of all consortia is, with intervals from resampling projects and a
reference in which each consortium's coordinator is drawn at random from its members.
``clusternet.book.hierarchy_heterarchy`` re-exports them with the chapter's settings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import pandas as pd
from scipy.stats import norm

from clusternet import data, models
from clusternet.book.published import Published
from clusternet.catalog.eu_h2020 import H2020_ORGANISATION_TYPES
from clusternet.glue import Provenance
from clusternet.hierarchy import (
    gini_coefficient,
    network_hierarchy,
    random_coordinators,
    top_share,
)

__all__ = [
    "EuConsortia",
    "eu_consortia",
    "EuUncertainty",
    "eu_uncertainty",
    "EuCoordinationByType",
    "eu_coordination_by_type",
    "EuOnContinuum",
    "eu_on_continuum",
]

_SOURCE = "real data: EU Horizon 2020 consortia, CORDIS snapshot of December 2020"
_SHARE = {"digits": 0, "percent": True}
_PERCENT = {"digits": 1, "percent": True}
_SCORE = {"digits": 2, "unit": "score (0 to 1)"}
_FINE = {"digits": 3, "unit": "score (0 to 1)"}
_COUNT = {"digits": 0, "headline": False}
_DATA = "eu_h2020_participations"
_VINTAGE = "2014-2020 (CORDIS snapshot of December 2020)"
#: counts and shares of the funded consortia
EU = Provenance(
    "real data",
    _DATA,
    _VINTAGE,
    caveat="All funded projects in the snapshot; the projects of 2020 are incomplete.",
)
#: the measures with a project-bootstrap interval
EU_RESAMPLED = Provenance(
    "real data",
    _DATA,
    _VINTAGE,
    caveat="Census of funded projects: the interval shows dependence on which were funded.",
)
#: the random-coordinator reference: a simulated benchmark on the real consortia
EU_RANDOM = Provenance(
    "simulation",
    _DATA,
    _VINTAGE,
    caveat="Simulated benchmark: coordinators drawn at random within the real consortia.",
)
#: the coordination logit
EU_ODDS = Provenance(
    "real data",
    _DATA,
    _VINTAGE,
    caveat="Association, not causation: controls for consortium size only, selected projects.",
)
#: the consortia placed on the sample continuum
EU_ON_SAMPLE = Provenance(
    "real data",
    (_DATA, "sample_hierarchy_continuum"),
    _VINTAGE,
    caveat="Real consortia read against sample organisations: a reading aid, not a measurement.",
)
#: choices of the analysis (top share, resamples, draws)
EU_SETTING = Provenance("analysis setting", "clusternet")
_TYPE_NAMES = {
    "PRC": "firms",
    "HES": "universities",
    "REC": "research organisations",
    "PUB": "public bodies",
    "OTH": "other",
}
#: the measures of the consortia that get intervals: key -> (description, style)
_MEASURES = {
    "coordinator_share": (
        "share of organisations that coordinate at least one project",
        _PERCENT,
    ),
    "top_coordination_share": (
        "share of all coordinations held by the top 1% of organisations",
        _PERCENT,
    ),
    "coordination_gini": ("Gini coefficient of projects coordinated per organisation", _FINE),
    "participation_gini": ("Gini coefficient of projects joined per organisation", _FINE),
    "flow_hierarchy": (
        "flow hierarchy of the coordinator -> partner network (share of arcs in no cycle)",
        _FINE,
    ),
    "krackhardt_hierarchy": (
        "Krackhardt hierarchy of the coordinator -> partner network (share of linked pairs "
        "not mutually reachable)",
        _FINE,
    ),
    "reciprocity": (
        "share of coordinator -> partner arcs also run the other way (the partner "
        "coordinates a project with the coordinator in it)",
        _PERCENT,
    ),
}
_HEADLINE = {
    "coordinator_share",
    "top_coordination_share",
    "coordination_gini",
    "flow_hierarchy",
    "krackhardt_hierarchy",
    "reciprocity",
}


@cache
def _participations(min_members: int) -> pd.DataFrame:
    """Participations in projects with at least ``min_members`` organisations (cached).

    Sorted by project; ``org`` and ``project`` are 0-based integer codes.
    """
    table = data.load("eu_h2020_participations")[["rcn", "pic", "role", "type", "country"]]
    members = table.groupby("rcn")["pic"].transform("size")
    kept = table[members >= min_members].sort_values(["rcn", "pic"], ignore_index=True)
    return kept.assign(
        coordinator=(kept["role"] == "coordinator").to_numpy(dtype=bool),
        members=kept.groupby("rcn")["pic"].transform("size"),
        org=pd.factorize(kept["pic"])[0],
        project=pd.factorize(kept["rcn"])[0],
    )


def _expand(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Row indices ``starts[i] .. starts[i] + lengths[i] - 1`` for every i, concatenated."""
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.repeat(starts, lengths) + offsets


def _arcs(participations: pd.DataFrame, coordinator: np.ndarray) -> pd.DataFrame:
    """Coordinator -> member arcs (integer codes, one per project and pair), kept per project."""
    project = participations["project"].to_numpy()
    org = participations["org"].to_numpy()
    starts = np.flatnonzero(np.r_[True, project[1:] != project[:-1]])
    sizes = np.diff(np.r_[starts, project.size])
    leads = np.flatnonzero(coordinator)
    lengths = sizes[project[leads]]
    members = _expand(starts[project[leads]], lengths)
    keep = ~coordinator[members]
    return pd.DataFrame(
        {
            "project": np.repeat(project[leads], lengths)[keep],
            "source": np.repeat(org[leads], lengths)[keep],
            "target": org[members][keep],
        }
    )


def _measures(
    participations: pd.DataFrame,
    coordinator: np.ndarray,
    top_fraction: float,
    weights: np.ndarray | None = None,
    krackhardt: bool = True,
) -> dict:
    """Concentration of coordination and hierarchy of the coordinator -> partner network.

    ``weights`` (one per project) counts each project that many times, as a bootstrap
    draw does; projects of weight 0 are left out.
    """
    project = participations["project"].to_numpy()
    org = participations["org"].to_numpy()
    arcs = _arcs(participations, coordinator)
    row_weight = np.ones(project.size) if weights is None else weights[project].astype(float)
    if weights is not None:
        arcs = arcs[weights[arcs["project"].to_numpy()] > 0]
    joined = np.bincount(org, weights=row_weight)
    led = np.bincount(org, weights=row_weight * coordinator)
    present = joined > 0
    network = network_hierarchy(arcs, krackhardt=krackhardt)
    return {
        "coordinator_share": float(np.mean(led[present] > 0)),
        "top_coordination_share": top_share(led[present], top_fraction),
        "coordination_gini": gini_coefficient(led[present]),
        "participation_gini": gini_coefficient(joined[present]),
        **{key: network[key] for key in ("flow_hierarchy", "krackhardt_hierarchy", "reciprocity")},
        "connectedness": network["connectedness"],
        "largest_strong_share": network["largest_strong_share"],
        "arcs": network["arcs"],
    }


@dataclass(frozen=True)
class EuConsortia:
    """The consortia (one row per organisation in a project), their arcs and measures."""

    participations: pd.DataFrame
    measures: dict
    top_fraction: float
    published: dict


def eu_consortia(*, min_members: int, top_fraction: float) -> EuConsortia:
    """Concentration of coordination and hierarchy of the coordinator -> partner network."""
    participations = _participations(min_members)
    measures = _measures(participations, participations["coordinator"].to_numpy(), top_fraction)
    published = {
        "mulder_eu_projects": Published(
            participations["rcn"].nunique(),
            f"Horizon 2020 projects with at least {min_members} organisations ({_SOURCE})",
            unit="projects",
            **_COUNT,
        ),
        "mulder_eu_organisations": Published(
            participations["pic"].nunique(),
            f"Organisations in Horizon 2020 projects with at least {min_members} organisations "
            f"({_SOURCE})",
            unit="organisations",
            **_COUNT,
        ),
        "mulder_eu_arcs": Published(
            measures["arcs"],
            f"Distinct coordinator -> partner arcs of the consortia ({_SOURCE})",
            unit="arcs",
            **_COUNT,
        ),
        "mulder_eu_top_fraction": Published(
            top_fraction,
            "Share of organisations counted as the top in the concentration of coordination",
            digits=0,
            percent=True,
            headline=False,
        ),
        "mulder_eu_never_coordinate_share": Published(
            1.0 - measures["coordinator_share"],
            f"Share of organisations that never coordinate a project ({_SOURCE})",
            headline=False,
            **_PERCENT,
        ),
        "mulder_eu_connectedness": Published(
            measures["connectedness"],
            f"Krackhardt connectedness of the coordinator -> partner network ({_SOURCE})",
            headline=False,
            **_SCORE,
        ),
        "mulder_eu_largest_strong_share": Published(
            measures["largest_strong_share"],
            "Share of organisations in the largest group in which everyone reaches everyone "
            f"along coordinator -> partner arcs ({_SOURCE})",
            headline=False,
            **_PERCENT,
        ),
    }
    for key, (what, style) in _MEASURES.items():
        published[f"mulder_eu_{key}"] = Published(
            measures[key],
            f"{what[0].upper()}{what[1:]} ({_SOURCE})",
            headline=key in _HEADLINE,
            provenance=EU_RESAMPLED,
            **style,
        )
    for name in published:
        if published[name].provenance is None:
            setting = name == "mulder_eu_top_fraction"
            published[name] = replace(published[name], provenance=EU_SETTING if setting else EU)
    return EuConsortia(
        participations=participations,
        measures=measures,
        top_fraction=top_fraction,
        published=published,
    )


def _format(value: float, style: dict) -> str:
    if not np.isfinite(value):
        return "not computed"
    if style.get("percent"):
        return f"{100 * value:.{style['digits']}f}%"
    return f"{value:.{style['digits']}f}"


@dataclass(frozen=True)
class EuUncertainty:
    """Project-bootstrap intervals and the random-coordinator reference of each measure.

    ``summary`` is the reader-facing table (formatted strings).
    """

    table: pd.DataFrame
    summary: pd.DataFrame
    boot: pd.DataFrame
    null: pd.DataFrame
    published: dict


def eu_uncertainty(
    consortia: EuConsortia, *, n_boot: int, null_draws: int, alpha: float, seed: int
) -> EuUncertainty:
    """Bootstrap intervals from resampling projects; the same measures with random coordinators.

    The consortia are the whole population of funded projects, so the interval shows how
    much a measure depends on which projects happened to be funded. Resampling projects
    with replacement leaves about a third of them out and adds no new arcs for the
    duplicates, which shifts the network measures; the interval is therefore the observed
    value plus or minus ``z`` bootstrap standard errors (normal approximation), not the
    percentiles of the draws. The reference keeps every consortium and its members and
    draws the coordinator at random among them: the structure coordination would have if
    leading a project had nothing to do with who leads elsewhere.
    """
    rng = np.random.default_rng(seed)
    participations = consortia.participations
    coordinator = participations["coordinator"].to_numpy()
    projects = int(participations["project"].max()) + 1
    boot = pd.DataFrame(
        [
            _measures(
                participations,
                coordinator,
                consortia.top_fraction,
                weights=np.bincount(rng.integers(0, projects, projects), minlength=projects),
            )
            for _ in range(n_boot)
        ]
    )
    null = pd.DataFrame(
        [
            _measures(
                participations,
                random_coordinators(participations, project="project", seed=rng),
                consortia.top_fraction,
                krackhardt=False,  # random coordinators make thousands of sources: too costly
            )
            for _ in range(null_draws)
        ]
    )
    z = float(norm.ppf(1 - alpha / 2))
    records, published = [], {}
    for key, (what, style) in _MEASURES.items():
        error = float(boot[key].std(ddof=1))
        low, high = consortia.measures[key] - z * error, consortia.measures[key] + z * error
        null_low, null_high = float(null[key].min()), float(null[key].max())
        records.append(
            {
                "measure": key,
                "observed": consortia.measures[key],
                "std_error": error,
                "ci_lower": low,
                "ci_upper": high,
                "random_coordinator": null[key].mean(),
                "random_lower": null_low,
                "random_upper": null_high,
            }
        )
        values = {
            "ci_lower": (low, f"95% interval (lower limit; {n_boot} project resamples)"),
            "ci_upper": (high, f"95% interval (upper limit; {n_boot} project resamples)"),
            "random": (null[key].mean(), f"mean over {null_draws} random-coordinator draws"),
            "random_lower": (null_low, f"lowest of {null_draws} random-coordinator draws"),
            "random_upper": (null_high, f"highest of {null_draws} random-coordinator draws"),
        }
        for suffix, (value, how) in values.items():
            if not np.isfinite(value):
                continue  # Krackhardt's hierarchy is not computed for the reference
            published[f"mulder_eu_{key}_{suffix}"] = Published(
                value,
                f"{how} of the {what} ({_SOURCE})",
                headline=False,
                provenance=EU_RANDOM if suffix.startswith("random") else EU_RESAMPLED,
                **style,
            )
    published["mulder_eu_n_boot"] = Published(
        n_boot,
        "Project resamples of the consortia bootstrap",
        unit="resamples",
        provenance=EU_SETTING,
        **_COUNT,
    )
    published["mulder_eu_null_draws"] = Published(
        null_draws,
        "Random-coordinator draws of the consortia reference",
        unit="draws",
        provenance=EU_SETTING,
        **_COUNT,
    )
    summary = pd.DataFrame(
        {
            "Measure": _MEASURES[row["measure"]][0][0].upper() + _MEASURES[row["measure"]][0][1:],
            "EU consortia": _format(row["observed"], _MEASURES[row["measure"]][1]),
            "95% interval": "["
            + ", ".join(
                _format(row[end], _MEASURES[row["measure"]][1]) for end in ("ci_lower", "ci_upper")
            )
            + "]",
            "Random coordinators (range)": (
                "not computed"
                if not np.isfinite(row["random_lower"])
                else "["
                + ", ".join(
                    _format(row[end], _MEASURES[row["measure"]][1])
                    for end in ("random_lower", "random_upper")
                )
                + "]"
            ),
        }
        for row in records
    )
    return EuUncertainty(
        table=pd.DataFrame(records), summary=summary, boot=boot, null=null, published=published
    )


@dataclass(frozen=True)
class EuCoordinationByType:
    """Who coordinates: shares by organisation type and a logit with clustered errors.

    ``summary`` is the reader-facing table (formatted strings).
    """

    shares: pd.DataFrame
    odds: pd.DataFrame
    summary: pd.DataFrame
    published: dict


def eu_coordination_by_type(consortia: EuConsortia, *, reference: str) -> EuCoordinationByType:
    """Odds that an organisation coordinates the project it joins, by type (logit).

    Controls for the size of the consortium (log of its members); standard errors are
    clustered by organisation, since an organisation joins many projects.
    """
    frame = consortia.participations.assign(
        coordinated=lambda table: table["coordinator"].astype(int),
        log_members=lambda table: np.log(table["members"].astype(float)),
    )
    shares = (
        frame.groupby("type")
        .agg(participations=("pic", "size"), coordinations=("coordinated", "sum"))
        .reindex(list(H2020_ORGANISATION_TYPES))
        .assign(
            participation_share=lambda t: t["participations"] / t["participations"].sum(),
            coordination_share=lambda t: t["coordinations"] / t["coordinations"].sum(),
            coordination_rate=lambda t: t["coordinations"] / t["participations"],
        )
        .rename_axis("type")
        .reset_index()
    )
    formula = f"coordinated ~ C(type, Treatment('{reference}')) + log_members"
    fit = models.fit_logit(formula, frame, cluster="pic")
    odds = models.coefficient_table(fit, exponentiate=True)
    prefix = f"C(type, Treatment('{reference}'))[T."
    odds = odds[odds["term"].str.startswith(prefix)].assign(
        type=lambda t: t["term"].str.slice(len(prefix), -1)
    )
    published = {}
    for row in odds.itertuples(index=False):
        what = (
            f"Odds ratio that {_TYPE_NAMES[row.type]} coordinate a project they join, against "
            f"{_TYPE_NAMES[reference]} (logit with log consortium size; standard errors "
            f"clustered by organisation; {_SOURCE})"
        )
        key = f"mulder_eu_or_{row.type.lower()}"
        published[key] = Published(
            row.estimate, what, unit="odds ratio", digits=1, headline=False, provenance=EU_ODDS
        )
        for end in ("ci_lower", "ci_upper"):
            published[f"{key}_{end}"] = Published(
                getattr(row, end),
                f"95% interval ({end[3:]} limit) of the {what[0].lower()}{what[1:]}",
                unit="odds ratio",
                digits=1,
                headline=False,
                provenance=EU_ODDS,
            )
    for row in shares.itertuples(index=False):
        published[f"mulder_eu_coordination_share_{row.type.lower()}"] = Published(
            row.coordination_share,
            f"Share of coordinations held by {_TYPE_NAMES[row.type]} ({_SOURCE})",
            headline=False,
            provenance=EU,
            **_SHARE,
        )
        published[f"mulder_eu_participation_share_{row.type.lower()}"] = Published(
            row.participation_share,
            f"Share of participations held by {_TYPE_NAMES[row.type]} ({_SOURCE})",
            headline=False,
            provenance=EU,
            **_SHARE,
        )
    odds = odds.drop(columns="term")
    ratios = odds.set_index("type")
    summary = pd.DataFrame(
        {
            "Organisation type": f"{_TYPE_NAMES[row.type].capitalize()} ({row.type})",
            "Share of participations": f"{100 * row.participation_share:.0f}%",
            "Share of coordinations": f"{100 * row.coordination_share:.0f}%",
            "Coordinations per participation": f"{row.coordination_rate:.3f}",
            "Odds ratio of coordinating (95% interval)": (
                "1 (reference)"
                if row.type == reference
                else f"{ratios.loc[row.type, 'estimate']:.1f} "
                f"[{ratios.loc[row.type, 'ci_lower']:.1f}, {ratios.loc[row.type, 'ci_upper']:.1f}]"
            ),
        }
        for row in shares.itertuples(index=False)
    )
    return EuCoordinationByType(shares=shares, odds=odds, summary=summary, published=published)


@dataclass(frozen=True)
class EuOnContinuum:
    """The consortia's hierarchy measures placed on the sample continuum."""

    along: dict
    consortia: dict
    table: pd.DataFrame
    published: dict


def eu_on_continuum(uncertainty: EuUncertainty, along: dict) -> EuOnContinuum:
    """The laterality at which the sample organisations score what the consortia score.

    ``along`` maps a measure (``flow_hierarchy``, ``krackhardt_hierarchy``) to the sample
    ensemble's mean and interval at each laterality; both fall with laterality, so the
    laterality of equal score is read off by linear interpolation, for the consortia's
    value and for its interval limits.
    """
    table = uncertainty.table.set_index("measure")
    records, consortia, published = [], {}, {}
    for key, frame in along.items():
        curve = frame.sort_values("laterality")
        scores, laterality = curve["mean"].to_numpy()[::-1], curve["laterality"].to_numpy()[::-1]
        row = table.loc[key]
        consortia[key] = row
        equivalent = {
            end: float(np.interp(row[column], scores, laterality))
            for end, column in (
                ("estimate", "observed"),
                ("ci_lower", "ci_upper"),
                ("ci_upper", "ci_lower"),
            )
        }
        records.append({"measure": key, **equivalent})
        what = (
            f"laterality at which the sample organisations' mean {_MEASURES[key][0].split(' of ')[0]} "
            f"equals that of the EU consortia (interpolated; real data against sample data)"
        )
        published[f"mulder_eu_{key}_laterality"] = Published(
            equivalent["estimate"],
            what[0].upper() + what[1:],
            digits=3,
            headline=False,
            provenance=EU_ON_SAMPLE,
        )
        for end in ("ci_lower", "ci_upper"):
            published[f"mulder_eu_{key}_laterality_{end}"] = Published(
                equivalent[end],
                f"95% interval ({end[3:]} limit) of the {what}",
                digits=3,
                headline=False,
                provenance=EU_ON_SAMPLE,
            )
    return EuOnContinuum(
        along=along, consortia=consortia, table=pd.DataFrame(records), published=published
    )
