"""Growth steps of the Porter chapter: windows before and across 2020, the specification
ladder, and the growth of establishments (re-exported by
:mod:`clusternet.book.porter_clusters`).

Every regression is the Delgado-Porter-Stern regression of ``clusternet.fit_dps_growth``
(region and industry fixed effects absorbed, standard errors clustered by state) on state x
traded-industry cells of County Business Patterns (real data).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from clusternet import data
from clusternet.book import _porter_provenance as prov
from clusternet.book._porter_settings import SETTINGS, Settings
from clusternet.book._porter_wording import publish
from clusternet.clusters import (
    adjacency_from_pairs,
    dps_growth_panel,
    fit_dps_growth,
    long_to_matrix,
    standardised_effects,
)

__all__ = [
    "WindowPanels",
    "window_panels",
    "GrowthWindows",
    "growth_windows",
    "EstablishmentGrowth",
    "establishment_growth",
]

#: the terms of the all-traded regression (no related-cluster term: see the chapter)
ALL_TRADED_TERMS = ("log_lq", "log_cluster_specialisation", "log_neighbour_strength")


@cache
def _loaded(name: str) -> pd.DataFrame:
    return data.load(name)


def _load(name: str) -> pd.DataFrame:
    """A catalogued table, read once per session (a copy, so callers cannot change it)."""
    return _loaded(name).copy()


def _window_label(window) -> str:
    return f"{window[0]}-{window[1]}"


def _interval(name: str, row: pd.Series) -> dict[str, float]:
    return {
        name: row["effect"] * 100,
        f"{name}_ci_lower": row["ci_lower"] * 100,
        f"{name}_ci_upper": row["ci_upper"] * 100,
    }


@dataclass(frozen=True)
class WindowPanels:
    """The growth panels of one window: all traded clusters, and the name-matched clusters."""

    real: pd.DataFrame
    matched: pd.DataFrame
    matched_clusters: list
    withheld_cells: int
    withheld_everywhere: list
    dps_clusters: int


def _relatedness(clusters, settings: Settings):
    dps = _load("dps2016_related_clusters")
    names, traded = clusters.names, clusters.traded
    porter_code = pd.Series(traded, index=names.loc[traded].to_numpy())  # name -> code
    pairs = dps.loc[dps[settings.related_flag] == 1, ["cluster_name", "cluster_name_2"]]
    pairs = pairs[pairs.isin(porter_code.index).all(axis=1)].apply(lambda s: s.map(porter_code))
    relatedness = adjacency_from_pairs(
        pairs, "cluster_name", "cluster_name_2", regions=clusters.clusters.index
    )
    dps_names = set(dps["cluster_name"])
    matched = [c for c in clusters.measured_traded if names[c] in dps_names]
    return relatedness, matched, dps["cluster_code"].nunique()


def window_panels(
    cbp,
    clusters,
    first: int,
    last: int,
    settings: Settings = SETTINGS,
    *,
    value: str = "employment",
    matched: bool = True,
) -> WindowPanels:
    """Growth panels from ``first`` to ``last`` (``value``: ``employment`` or ``establishments``).

    Cells withheld in ``first`` (zero employees but establishments) are excluded;
    industries withheld in every state are dropped; neighbours are states sharing a
    boundary; related clusters are those of Delgado, Porter and Stern (2016) whose names
    equal a traded cluster's.
    """
    table = cbp.tables[first]
    flagged = table.assign(
        withheld=((table["Employees"] == 0) & (table["Establishments"] > 0)).astype(int)
    )
    counts = getattr(cbp, value)
    employment = cbp.employment[first]
    all_withheld = employment.columns[employment.sum() == 0]
    start = counts[first].drop(columns=all_withheld)
    end = counts[last].reindex(index=start.index, columns=start.columns, fill_value=0)
    common = {
        "years": last - first,
        "adjacency": adjacency_from_pairs(
            _load("us_state_adjacency"), "fips_a", "fips_b", regions=start.index
        ),
    }
    if value == "employment":
        withheld = long_to_matrix(flagged, "Fips", "Naics", "withheld").astype(bool)
        common["withheld"] = withheld.reindex(
            index=start.index, columns=start.columns, fill_value=False
        )
    real = dps_growth_panel(
        start, end, clusters.mapping, clusters=clusters.measured_traded, **common
    )
    n_dps, names, matched_panel = 0, [], real.iloc[:0]
    if matched:
        relatedness, names, n_dps = _relatedness(clusters, settings)
        matched_panel = dps_growth_panel(
            start, end, clusters.mapping, relatedness=relatedness, clusters=names, **common
        )
    return WindowPanels(
        real, matched_panel, names, int(flagged["withheld"].sum()), list(all_withheld), n_dps
    )


@dataclass(frozen=True)
class GrowthWindows:
    """The growth regression in several windows, and the specification ladder of one."""

    effects: pd.DataFrame
    ladder: pd.DataFrame
    table: pd.DataFrame
    published: dict


#: the specification ladder: (label, panel, terms, fixed effects)
LADDER = (
    ("1 convergence only", "real", ("log_lq",), ("region", "industry")),
    (
        "2 + rest of own cluster",
        "real",
        ("log_lq", "log_cluster_specialisation"),
        ("region", "industry"),
    ),
    ("3 + same cluster, neighbours", "real", ALL_TRADED_TERMS, ("region", "industry")),
    ("4 + related clusters (name-matched)", "matched", None, ("region", "industry")),
    ("3, industry fixed effects only", "real", ALL_TRADED_TERMS, ("industry",)),
    ("3, state fixed effects only", "real", ALL_TRADED_TERMS, ("region",)),
    ("3, no fixed effects", "real", ALL_TRADED_TERMS, ()),
)


def growth_windows(cbp, clusters, settings: Settings = SETTINGS) -> GrowthWindows:
    """The all-traded regression in every window; the ladder in the pre-pandemic window."""
    rows, panels = [], {}
    for window in settings.growth_windows:
        pre = window == settings.pre_pandemic_window
        panels[window] = window_panels(cbp, clusters, *window, settings, matched=pre)
        panel = panels[window].real
        fit = fit_dps_growth(panel, terms=list(ALL_TRADED_TERMS))
        effects = standardised_effects(fit, panel, alpha=settings.alpha)
        rows.append(effects.assign(data=_window_label(window), cells=int(panel["usable"].sum())))
    effects = pd.concat(rows, ignore_index=True)
    pre = panels[settings.pre_pandemic_window]
    ladder_rows = []
    for label, which, terms, fixed in LADDER:
        panel = getattr(pre, which)
        fit = fit_dps_growth(
            panel, terms=None if terms is None else list(terms), fixed_effects=fixed
        )
        ladder_rows.append(
            standardised_effects(fit, panel, alpha=settings.alpha).assign(
                specification=label, cells=int(fit.nobs)
            )
        )
    ladder = pd.concat(ladder_rows, ignore_index=True)
    in_pp = {c: ladder[c] * 100 for c in ("effect", "ci_lower", "ci_upper")}
    level = f"{1 - settings.alpha:.0%}"
    shown = {c: in_pp[c].map("{:.2f}".format) for c in in_pp}
    table = ladder.assign(**shown, cells=ladder["cells"].map("{:,.0f}".format))[
        ["specification", "label", "effect", "ci_lower", "ci_upper", "cells"]
    ].rename(
        columns={
            "label": "strength (+1 SD)",
            "effect": "pp a year",
            "ci_lower": f"{level} CI lower",
            "ci_upper": f"{level} CI upper",
        }
    )
    by = effects.set_index(["data", "term"])
    pre_label = _window_label(settings.pre_pandemic_window)
    late_label = _window_label(settings.late_window)
    matched = ladder[ladder["specification"].str.startswith("4")].set_index("term")
    no_fe = ladder[ladder["specification"] == "3, no fixed effects"].set_index("term")
    values = {
        **_interval("porter_pre_convergence_effect", by.loc[(pre_label, "log_lq")]),
        **_interval("porter_pre_cluster_effect", by.loc[(pre_label, "log_cluster_specialisation")]),
        **_interval("porter_pre_neighbour_effect", by.loc[(pre_label, "log_neighbour_strength")]),
        **_interval("porter_pre_related_effect", matched.loc["log_related_strength"]),
        **_interval(
            "porter_late_cluster_effect", by.loc[(late_label, "log_cluster_specialisation")]
        ),
        **_interval("porter_pre_cluster_effect_no_fe", no_fe.loc["log_cluster_specialisation"]),
        "porter_pre_cells": pre.real["usable"].sum(),
        "porter_late_cells": panels[settings.late_window].real["usable"].sum(),
    }
    pre_growth = prov.growth(*settings.pre_pandemic_window)
    labels = prov.stamp(
        values,
        pre_growth,
        **dict.fromkeys(
            (f"porter_pre_related_effect{s}" for s in ("", "_ci_lower", "_ci_upper")),
            prov.growth(*settings.pre_pandemic_window, related=True),
        ),
        **dict.fromkeys(
            (f"porter_late_cluster_effect{s}" for s in ("", "_ci_lower", "_ci_upper")),
            prov.growth(*settings.late_window),
        ),
        **dict.fromkeys(
            (f"porter_pre_cluster_effect_no_fe{s}" for s in ("", "_ci_lower", "_ci_upper")),
            prov.growth(*settings.pre_pandemic_window, caveat=prov.NO_FE_CAVEAT),
        ),
        porter_pre_cells=prov.growth(*settings.pre_pandemic_window, caveat=""),
        porter_late_cells=prov.growth(*settings.late_window, caveat=""),
    )
    return GrowthWindows(
        effects, ladder, table, publish(values, alpha=settings.alpha, provenance=labels)
    )


@dataclass(frozen=True)
class EstablishmentGrowth:
    """Growth of establishments against cluster strength measured in establishments."""

    effects: pd.DataFrame
    published: dict


def establishment_growth(cbp, clusters, settings: Settings = SETTINGS) -> EstablishmentGrowth:
    """The DPS regression with establishments instead of employees, in two windows."""
    rows, values, labels = [], {}, {}
    for key, window in (
        ("pre", settings.pre_pandemic_window),
        ("span", (settings.start_year, settings.end_year)),
    ):
        panel = window_panels(
            cbp, clusters, *window, settings, value="establishments", matched=False
        ).real
        fit = fit_dps_growth(panel, terms=list(ALL_TRADED_TERMS))
        effects = standardised_effects(fit, panel, alpha=settings.alpha)
        rows.append(effects.assign(data=_window_label(window)))
        by = effects.set_index("term")
        found = _interval(
            f"porter_{key}_establishment_cluster_effect", by.loc["log_cluster_specialisation"]
        )
        if key == "pre":
            found |= _interval("porter_pre_establishment_convergence_effect", by.loc["log_lq"])
        values |= found
        labels |= dict.fromkeys(found, prov.growth(*window))
        if key == "pre":
            values["porter_establishment_cells"] = panel["usable"].sum()
            labels["porter_establishment_cells"] = prov.growth(*window, caveat="")
    return EstablishmentGrowth(
        pd.concat(rows, ignore_index=True),
        publish(values, alpha=settings.alpha, provenance=labels),
    )
