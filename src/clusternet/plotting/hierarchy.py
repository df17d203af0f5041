"""Figures of the hierarchy chapter (Mulder): the continuum, diffusion, robustness, real firms.

Every function takes the tidy tables the chapter's book module
(:mod:`clusternet.book.hierarchy_heterarchy`) computes with the measures of
:mod:`clusternet.hierarchy` and draws them in the book's theme (Okabe-Ito colours, large
type): ``plot_<thing>(data, *, ax=None)`` returns the Axes, or with several panels
``plot_<thing>(data, *, axes=None)`` returns the array of Axes.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from clusternet._validation import require_columns, require_dataframe, require_graph
from clusternet.plotting import OKABE_ITO, PALETTE, line_with_band, new_figure

__all__ = [
    "tiered_layout",
    "plot_continuum_examples",
    "plot_measures_along_continuum",
    "plot_diffusion_along_continuum",
    "plot_robustness_curves",
    "plot_real_laterality",
    "plot_consortia_on_continuum",
]

_BAND_COLUMNS = ["mean", "ci_lower", "ci_upper"]


def tiered_layout(graph, tier: str = "tier") -> dict:
    """Positions with tier 0 at the top and each tier's people spread evenly across.

    Parameters
    ----------
    graph : networkx graph
        Nodes carry the ``tier`` attribute (0 = top).
    tier : str
        Node attribute with the tier.

    Returns
    -------
    dict
        Node -> (x, y), x in [0, 1], y = -tier.

    Raises
    ------
    TypeError, ValueError
        Not a graph, an empty graph, or nodes without the ``tier`` attribute.
    """
    require_graph(graph, "graph")
    missing = [v for v in graph if tier not in graph.nodes[v]]
    if missing:
        raise ValueError(f"graph nodes lack the attribute {tier!r}, e.g. {missing[:3]}")
    positions = {}
    levels = sorted({graph.nodes[v][tier] for v in graph})
    for level in levels:
        members = [v for v in graph if graph.nodes[v][tier] == level]
        xs = np.linspace(0, 1, len(members) + 2)[1:-1]
        positions.update({v: (float(x), -float(level)) for v, x in zip(members, xs, strict=True)})
    return positions


def plot_continuum_examples(graphs: Mapping[str, nx.Graph], *, tier: str = "tier", axes=None):
    """Draw organisations from ``tiered_network`` one above the other.

    Chain-of-command ties are grey; re-wired ties are orange, straight across tiers and
    arched above the tier when they join two people of the same tier.

    Parameters
    ----------
    graphs : mapping
        Panel title -> graph with a ``tier`` node attribute and a ``kind`` edge attribute.
    tier : str
        Node attribute with the tier.
    axes : array of matplotlib Axes, optional
        One per graph (default: a new figure with the panels stacked).

    Returns
    -------
    numpy.ndarray of matplotlib Axes

    Raises
    ------
    ValueError
        An empty ``graphs`` or nodes without the ``tier`` attribute.
    """
    if not isinstance(graphs, Mapping) or not graphs:
        raise ValueError("graphs must be a non-empty mapping title -> graph")
    if axes is None:
        _, axes = new_figure(height=2.35 * len(graphs), nrows=len(graphs))
    axes = np.atleast_1d(axes)
    for ax, (title, graph) in zip(axes, graphs.items(), strict=True):
        pos = tiered_layout(graph, tier)
        chain = [(u, v) for u, v, k in graph.edges(data="kind") if k == "chain"]
        other = [(u, v) for u, v, k in graph.edges(data="kind") if k != "chain"]
        nx.draw_networkx_edges(graph, pos, edgelist=chain, ax=ax, edge_color="0.55", width=1.1)
        across = [(u, v) for u, v in other if pos[u][1] != pos[v][1]]
        nx.draw_networkx_edges(
            graph, pos, edgelist=across, ax=ax, edge_color=OKABE_ITO["orange"], width=1.4
        )
        for u, v in other:  # same-tier ties: arcs above the tier, so they stay visible
            (x1, y1), (x2, y2) = pos[u], pos[v]
            if y1 != y2:
                continue
            path = Path([(x1, y1), ((x1 + x2) / 2, y1 + 0.45), (x2, y2)], [1, 3, 3])
            ax.add_patch(
                PathPatch(path, facecolor="none", edgecolor=OKABE_ITO["orange"], linewidth=1.4)
            )
        nx.draw_networkx_nodes(
            graph,
            pos,
            ax=ax,
            node_size=30,
            node_color=OKABE_ITO["blue"],
            edgecolors="white",
            linewidths=0.5,
        )
        bottom = min(y for _, y in pos.values())
        ax.set_ylim(bottom - 0.15, 0.25)
        ax.set_xlim(-0.02, 1.02)
        ax.set_title(title, loc="left")
        ax.set_axis_off()
    return axes


def _check_summary(frame, name):
    require_dataframe(frame, name)
    require_columns(frame, ["laterality", *_BAND_COLUMNS], name)


def _band(ax, frame, label, colour, x="laterality", marker="o"):
    line_with_band(
        frame[x].to_numpy(),
        frame["mean"].to_numpy(),
        frame["ci_lower"].to_numpy(),
        frame["ci_upper"].to_numpy(),
        label=label,
        color=colour,
        ax=ax,
    )
    ax.plot(frame[x], frame["mean"], marker, color=colour, markersize=4)


def plot_measures_along_continuum(panels: Mapping[str, Mapping[str, pd.DataFrame]], *, axes=None):
    """Measures (mean and 95% band over the ensemble) against laterality, one panel each.

    Parameters
    ----------
    panels : mapping
        Panel title -> {line label -> table with ``laterality, mean, ci_lower,
        ci_upper``} (from ``ensemble_mean_ci``).
    axes : array of matplotlib Axes, optional
        One per panel (default: a new figure, panels side by side sharing the y axis).

    Returns
    -------
    numpy.ndarray of matplotlib Axes

    Raises
    ------
    ValueError
        An empty ``panels`` or a table without the band columns.
    """
    if not isinstance(panels, Mapping) or not panels:
        raise ValueError("panels must be a non-empty mapping title -> {label -> table}")
    if axes is None:
        _, axes = new_figure(height=5.2, ncols=len(panels), sharey=True)
    axes = np.atleast_1d(axes)
    for ax, (title, lines) in zip(axes, panels.items(), strict=True):
        for colour, (label, frame) in zip(PALETTE, lines.items(), strict=False):
            _check_summary(frame, f"panels[{title!r}][{label!r}]")
            _band(ax, frame, label, colour)
        ax.set_title(title, loc="left")
        ax.set_xlabel("Laterality (share of ties re-wired)")
        ax.set_ylim(-0.03, 1.03)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2))
    axes[0].set_ylabel("Score (0 to 1)")
    return axes


def plot_diffusion_along_continuum(
    steps: Mapping[str, pd.DataFrame], tiers: pd.DataFrame, *, tier_steps: int, axes=None
):
    """Left: steps until half the organisation knows an idea; right: tiers reached early.

    Parameters
    ----------
    steps : mapping
        Model label -> ``ensemble_mean_ci`` table of steps by laterality.
    tiers : pandas.DataFrame
        ``ensemble_mean_ci`` table of the share of tiers reached by laterality.
    tier_steps : int
        The step at which ``tiers`` was read (for the axis label).
    axes : array of 2 matplotlib Axes, optional
        Left and right panels (default: a new figure).

    Returns
    -------
    numpy.ndarray of matplotlib Axes

    Raises
    ------
    ValueError
        A table without the band columns.
    """
    _check_summary(tiers, "tiers")
    if axes is None:
        _, axes = new_figure(height=4.4, ncols=2)
    axes = np.atleast_1d(axes)
    left, right = axes
    for colour, (label, frame) in zip(PALETTE, steps.items(), strict=False):
        _check_summary(frame, f"steps[{label!r}]")
        _band(left, frame, label, colour)
    left.set_ylim(bottom=0)
    left.set_title("Time to reach half", loc="left")
    left.set_ylabel("Steps until half know the idea")
    left.set_xlabel("Laterality")
    left.legend(loc="center right")
    _band(right, tiers, None, OKABE_ITO["green"])
    right.set_ylim(0, 1.03)
    right.set_title("Reach across tiers", loc="left")
    right.set_ylabel(f"Share of tiers reached in {tier_steps} steps")
    right.set_xlabel("Laterality")
    return axes


def plot_robustness_curves(curves: pd.DataFrame, *, order=None, axes=None):
    """Giant-component share as people are removed: random failure and targeted attack.

    Parameters
    ----------
    curves : pandas.DataFrame
        Columns ``organisation, strategy, fraction_removed, mean, ci_lower, ci_upper``;
        ``strategy`` takes the values ``"random"`` and ``"degree"``.
    order : list of str, optional
        Organisations in the order they get the palette's colours (default: as they
        first appear).
    axes : array of 2 matplotlib Axes, optional
        Random failure and attack panels (default: a new figure sharing the y axis).

    Returns
    -------
    numpy.ndarray of matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        ``curves`` is not a DataFrame or lacks a column.
    """
    require_dataframe(curves, "curves")
    require_columns(
        curves, ["organisation", "strategy", "fraction_removed", *_BAND_COLUMNS], "curves"
    )
    order = list(pd.unique(curves["organisation"])) if order is None else list(order)
    if axes is None:
        _, axes = new_figure(height=4.4, ncols=2, sharey=True)
    axes = np.atleast_1d(axes)
    titles = {"random": "Random failure", "degree": "Attack on the best connected"}
    for ax, (strategy, title) in zip(axes, titles.items(), strict=True):
        subset = curves[curves["strategy"] == strategy]
        for colour, label in zip(PALETTE, order, strict=False):
            frame = subset[subset["organisation"] == label].sort_values("fraction_removed")
            _band(ax, frame, label, colour, x="fraction_removed", marker="-")
        ax.set_title("\n".join(textwrap.wrap(title, 18)), loc="left")
        ax.set_xlabel("Share of people removed")
        ax.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
        ax.set_ylim(0, 1.03)
    axes[0].set_ylabel("Largest connected share")
    axes[0].legend(loc="lower left")
    return axes


def plot_real_laterality(table: pd.DataFrame, *, ax=None):
    """Where real networks sit between pure hierarchy (0) and heterarchy (1).

    Parameters
    ----------
    table : pandas.DataFrame
        One row per network: ``network, laterality, ci_lower, ci_upper,
        chance_laterality, minimum_laterality``.
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure sized to the number of rows).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        ``table`` is not a DataFrame or lacks a column.
    """
    require_dataframe(table, "table")
    require_columns(
        table,
        [
            "network",
            "laterality",
            "ci_lower",
            "ci_upper",
            "chance_laterality",
            "minimum_laterality",
        ],
        "table",
    )
    if ax is None:
        _, ax = new_figure(height=max(2.8, 0.62 * len(table) + 1.4))
    positions = np.arange(len(table))[::-1]
    ax.barh(
        positions,
        table["minimum_laterality"],
        color="0.88",
        height=0.55,
        label="Unavoidable at this number of ties",
    )
    ax.errorbar(
        table["laterality"],
        positions,
        xerr=[table["laterality"] - table["ci_lower"], table["ci_upper"] - table["laterality"]],
        fmt="o",
        color=OKABE_ITO["blue"],
        elinewidth=2.2,
        capsize=4,
        markersize=8,
        label="Observed (95% interval)",
        zorder=3,
    )
    ax.plot(
        table["chance_laterality"],
        positions,
        "D",
        markerfacecolor="white",
        markeredgecolor=OKABE_ITO["vermillion"],
        markeredgewidth=2,
        markersize=8,
        linestyle="none",
        label="Ties placed at random",
        zorder=2,
    )
    ax.set_yticks(positions, table["network"].astype(str))
    ax.set_xlim(0, 1)
    ax.set_xlabel(
        "Share of ties outside the chain of command\n(0 = pure hierarchy, 1 = heterarchy)"
    )
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.32), ncols=1, fontsize=12)
    return ax


def plot_consortia_on_continuum(
    along: Mapping[str, pd.DataFrame], consortia: Mapping[str, Mapping], *, ax=None
):
    """A real network's hierarchy scores against the sample continuum, measure by measure.

    Parameters
    ----------
    along : mapping
        Line label -> table with ``laterality, mean, ci_lower, ci_upper`` (the sample
        ensemble, from ``ensemble_mean_ci``).
    consortia : mapping
        The same labels -> mapping with ``observed``, ``ci_lower``, ``ci_upper`` and,
        optionally, ``random_lower``, ``random_upper`` (the range of a reference; NaN or
        absent for none).
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        Empty or mismatched mappings, or a table without the band columns.
    """
    if not isinstance(along, Mapping) or not along or set(along) != set(consortia):
        raise ValueError("along and consortia must be non-empty mappings with the same labels")
    if ax is None:
        _, ax = new_figure(height=5.4)
    for colour, (label, frame) in zip(PALETTE, along.items(), strict=False):
        _check_summary(frame, f"along[{label!r}]")
        _band(ax, frame, f"{label}: sample organisations", colour)
        real = consortia[label]
        ax.axhspan(real["ci_lower"], real["ci_upper"], color=colour, alpha=0.35, lw=0)
        ax.axhline(
            real["observed"], color=colour, linestyle="--", lw=2, label=f"{label}: EU consortia"
        )
        low, high = real.get("random_lower", np.nan), real.get("random_upper", np.nan)
        if np.isfinite(low) and np.isfinite(high):
            ax.axhspan(
                low,
                high,
                facecolor="none",
                edgecolor=colour,
                hatch="///",
                lw=0.8,
                label=f"{label}: EU, random coordinators",
            )
    ax.set_xlabel("Laterality of the sample organisations (share of ties re-wired)")
    ax.set_ylabel("Score (0 to 1)")
    ax.set_ylim(-0.03, 1.03)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=1, fontsize=12)
    return ax
