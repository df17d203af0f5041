"""Figures of the Nesta chapter (three layers of connections in creative clusters).

Each layer has one colour and one line style everywhere, so figures read in colour, in
grey-scale print and for colour-blind readers: local ties are solid blue, external ties
dashed orange, cross-sector ties dotted green (Okabe-Ito colours).
"""

from __future__ import annotations

import textwrap

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from clusternet._validation import format_items, require_columns, require_dataframe, require_seed
from clusternet.connections import LAYERS
from clusternet.plotting import FULL_WIDTH, OKABE_ITO, PALETTE, new_figure
from clusternet.plotting._connections_real import plot_creative_ranking, plot_partner_effects

__all__ = [
    "LAYER_COLOURS",
    "LAYER_STYLES",
    "LAYER_SHORT_LABELS",
    "plot_place_network",
    "plot_layer_mix",
    "plot_layer_effects",
    "plot_spillover",
    "plot_layer_sensitivity",
    "plot_bridge_relatedness",
    "plot_creative_ranking",
    "plot_partner_effects",
]

LAYER_COLOURS = {
    "local": OKABE_ITO["blue"],
    "external": OKABE_ITO["orange"],
    "cross_sector": OKABE_ITO["green"],
}
LAYER_STYLES = {"local": "solid", "external": "dashed", "cross_sector": "dotted"}
LAYER_HATCHES = {"local": "", "external": "//", "cross_sector": ".."}
LAYER_SHORT_LABELS = {"local": "Local", "external": "External", "cross_sector": "Cross-sector"}


def _layer_handles():
    return [
        Line2D(
            [0],
            [0],
            color=LAYER_COLOURS[layer],
            linestyle=LAYER_STYLES[layer],
            linewidth=2.5,
            label=LAYER_SHORT_LABELS[layer],
        )
        for layer in LAYERS
    ]


def plot_place_network(
    ties: pd.DataFrame,
    place: str,
    *,
    n_firms: int = 30,
    seed=None,
    ax=None,
):
    """Draw a sample of one place's creative firms with every tie coloured by layer.

    Creative firms of ``place`` (a seeded random sample of ``n_firms``) are drawn with
    their partners in the place; partners in other places are merged into one labelled
    node per place, on the right.

    Parameters
    ----------
    ties : pandas.DataFrame
        Output of ``classify_ties``.
    place : str
        The place to draw.
    n_firms : int
        How many of the place's creative firms to draw.
    seed : int, numpy.random.Generator or None
        Seed for the sample and the layout (None: fresh randomness).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        ``ties`` is not a DataFrame.
    ValueError
        Missing columns, or a place without creative firms with ties.
    """
    require_dataframe(ties, "ties")
    require_columns(
        ties,
        [
            "source",
            "target",
            "layer",
            "source_place",
            "target_place",
            "source_creative",
            "target_creative",
        ],
        "ties",
    )
    rng = require_seed(seed)
    ends = pd.concat(
        [
            ties[["source", "source_place", "source_creative"]].set_axis(
                ["firm", "place", "creative"], axis=1
            ),
            ties[["target", "target_place", "target_creative"]].set_axis(
                ["firm", "place", "creative"], axis=1
            ),
        ],
        ignore_index=True,
    ).drop_duplicates("firm")
    candidates = np.sort(
        ends.loc[(ends["place"] == place) & ends["creative"].astype(bool), "firm"].to_numpy()
    )
    if candidates.size == 0:
        raise ValueError(
            f"place {place!r} has no creative firms with ties; places: {format_items(sorted(ends['place'].unique()))}"
        )
    focus = set(rng.choice(candidates, size=min(n_firms, candidates.size), replace=False).tolist())
    mask = ties["source"].isin(focus) | ties["target"].isin(focus)
    shown = ties.loc[mask]
    attributes = ends.set_index("firm")
    graph = nx.Graph()
    hubs = {}
    for row in shown.itertuples(index=False):
        u, v = row.source, row.target
        if row.layer == "external":
            inside, outside_place = (u, row.target_place) if u in focus else (v, row.source_place)
            hub = f"hub:{outside_place}"
            hubs[hub] = outside_place
            graph.add_edge(inside, hub, layer="external")
        else:
            graph.add_edge(u, v, layer=row.layer)
    for node in focus:
        graph.add_node(node)
    local_nodes = [n for n in graph.nodes if n not in hubs]
    local_graph = graph.subgraph(local_nodes)
    pos = nx.spring_layout(
        local_graph, seed=int(rng.integers(2**31)), k=1.6 / np.sqrt(max(len(local_nodes), 1))
    )
    pos = {n: np.asarray(p) for n, p in pos.items()}
    for i, hub in enumerate(sorted(hubs, key=lambda h: hubs[h])):
        pos[hub] = np.array([1.75, 0.8 - 1.6 * i / max(len(hubs) - 1, 1)])
    if ax is None:
        _, ax = new_figure(height=FULL_WIDTH * 0.72)
    for layer in LAYERS:
        edges = [(u, v) for u, v, d in graph.edges(data=True) if d["layer"] == layer]
        nx.draw_networkx_edges(
            graph,
            pos,
            edgelist=edges,
            ax=ax,
            edge_color=LAYER_COLOURS[layer],
            style=LAYER_STYLES[layer],
            width={"local": 2.0, "external": 1.1, "cross_sector": 2.8}[layer],
            alpha=0.6 if layer == "external" else 0.95,
        )
    creative_nodes = [n for n in local_nodes if n in focus or bool(attributes.loc[n, "creative"])]
    other_nodes = [n for n in local_nodes if n not in set(creative_nodes)]
    nx.draw_networkx_nodes(
        graph,
        pos,
        nodelist=creative_nodes,
        ax=ax,
        node_color=OKABE_ITO["purple"],
        node_size=70,
        edgecolors="black",
        linewidths=0.6,
        node_shape="o",
    )
    nx.draw_networkx_nodes(
        graph,
        pos,
        nodelist=other_nodes,
        ax=ax,
        node_color="0.75",
        node_size=60,
        edgecolors="black",
        linewidths=0.6,
        node_shape="s",
    )
    nx.draw_networkx_nodes(
        graph,
        pos,
        nodelist=list(hubs),
        ax=ax,
        node_color="white",
        node_size=520,
        edgecolors=LAYER_COLOURS["external"],
        linewidths=2.5,
        node_shape="D",
    )
    for hub, name in hubs.items():
        x, y = pos[hub]
        ax.text(x + 0.12, y, name, va="center", ha="left", fontsize=13)
    handles = _layer_handles() + [
        Line2D(
            [0],
            [0],
            marker="o",
            linestyle="none",
            markerfacecolor=OKABE_ITO["purple"],
            markeredgecolor="black",
            markersize=9,
            label="Creative firm",
        ),
        Line2D(
            [0],
            [0],
            marker="s",
            linestyle="none",
            markerfacecolor="0.75",
            markeredgecolor="black",
            markersize=8,
            label="Other local firm",
        ),
        Line2D(
            [0],
            [0],
            marker="D",
            linestyle="none",
            markerfacecolor="white",
            markeredgecolor=LAYER_COLOURS["external"],
            markeredgewidth=2,
            markersize=10,
            label="Firms in another place",
        ),
    ]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.01),
        ncol=3,
        fontsize=12,
        frameon=False,
    )
    ax.set_xlim(-1.15, 2.6)
    ax.set_axis_off()
    return ax


def plot_layer_mix(
    shares: pd.DataFrame,
    *,
    labels: dict | None = None,
    xlabel: str = "Share of creative firms' ties",
    ax=None,
):
    """Stacked horizontal bars: the share of ties in each layer, one bar per group.

    Parameters
    ----------
    shares : pandas.DataFrame
        Output of ``layer_shares`` (columns ``share_local``, ``share_external``,
        ``share_cross_sector``), indexed by group.
    labels : dict, optional
        Group -> bar label (e.g. place name and profile).
    xlabel : str
        Label of the share axis.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        ``shares`` is not a DataFrame.
    ValueError
        Missing share columns.
    """
    require_dataframe(shares, "shares")
    columns = [f"share_{layer}" for layer in LAYERS]
    require_columns(shares, columns, "shares")
    if ax is None:
        _, ax = new_figure(height=max(2.8, 0.9 * len(shares) + 1.3))
    names = [labels.get(g, str(g)) if labels else str(g) for g in shares.index]
    positions = np.arange(len(shares))[::-1]
    left = np.zeros(len(shares))
    for layer, column in zip(LAYERS, columns, strict=True):
        values = shares[column].to_numpy(dtype=float)
        ax.barh(
            positions,
            values,
            left=left,
            color=LAYER_COLOURS[layer],
            hatch=LAYER_HATCHES[layer],
            edgecolor="white",
            linewidth=1,
            label=LAYER_SHORT_LABELS[layer],
            height=0.7,
        )
        for y, x0, width in zip(positions, left, values, strict=True):
            if width >= 0.09:
                ax.text(
                    x0 + width / 2,
                    y,
                    f"{100 * width:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=12,
                    color="black",
                    bbox={
                        "boxstyle": "round,pad=0.15",
                        "facecolor": "white",
                        "alpha": 0.8,
                        "linewidth": 0,
                    },
                )
        left = left + values
    ax.set_yticks(positions, names)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{100 * x:.0f}%")
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, frameon=False)
    return ax


def plot_layer_effects(effects: pd.DataFrame, *, truth: dict | None = None, ax=None):
    """Odds ratio of one more tie in each layer, with 95% intervals and the true values.

    Parameters
    ----------
    effects : pandas.DataFrame
        Output of ``layer_effects``.
    truth : dict, optional
        Layer -> true log-odds effect (sample data only); drawn as open diamonds.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        ``effects`` is not a DataFrame.
    ValueError
        Missing columns.
    """
    require_dataframe(effects, "effects")
    require_columns(effects, ["layer", "odds_ratio", "or_ci_lower", "or_ci_upper"], "effects")
    if ax is None:
        _, ax = new_figure(height=3.6)
    positions = np.arange(len(effects))[::-1]
    for y, row in zip(positions, effects.itertuples(index=False), strict=True):
        colour = LAYER_COLOURS.get(row.layer, OKABE_ITO["black"])
        ax.errorbar(
            row.odds_ratio,
            y,
            xerr=[[row.odds_ratio - row.or_ci_lower], [row.or_ci_upper - row.odds_ratio]],
            fmt="o",
            color=colour,
            ecolor=colour,
            elinewidth=2.5,
            capsize=4,
            markersize=9,
        )
        if truth is not None and row.layer in truth:
            ax.plot(
                np.exp(truth[row.layer]),
                y,
                marker="D",
                markersize=10,
                markerfacecolor="none",
                markeredgecolor="black",
                markeredgewidth=1.6,
                linestyle="none",
            )
    ax.axvline(1.0, color="0.4", linestyle="--", linewidth=1)
    ax.set_yticks(positions, [LAYER_SHORT_LABELS.get(layer, layer) for layer in effects["layer"]])
    ax.set_xlabel("Odds ratio of one more tie (95% confidence interval)")
    ax.grid(axis="y", visible=False)
    handles = [
        Line2D([0], [0], marker="o", color="0.3", linestyle="none", markersize=9, label="Estimate")
    ]
    if truth is not None:
        handles.append(
            Line2D(
                [0],
                [0],
                marker="D",
                markerfacecolor="none",
                markeredgecolor="black",
                linestyle="none",
                markersize=10,
                label="True value",
            )
        )
    ax.legend(handles=handles, loc="upper right")
    return ax


def plot_spillover(districts: pd.DataFrame, curve: pd.DataFrame, *, ax=None):
    """Non-creative firms' innovation against the creative share of their district.

    Parameters
    ----------
    districts : pandas.DataFrame
        One row per district with ``place``, ``creative_share``, ``innovation_rate``
        (of its non-creative firms) and ``firms`` (non-creative firms, sets point size).
    curve : pandas.DataFrame
        Output of ``spillover_curve``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        An argument is not a DataFrame.
    ValueError
        Missing columns.
    """
    require_dataframe(districts, "districts")
    require_columns(districts, ["place", "creative_share", "innovation_rate", "firms"], "districts")
    require_dataframe(curve, "curve")
    require_columns(curve, ["presence", "probability", "ci_lower", "ci_upper"], "curve")
    if ax is None:
        _, ax = new_figure(height=4.6)
    ax.fill_between(
        curve["presence"], curve["ci_lower"], curve["ci_upper"], color="0.6", alpha=0.3, linewidth=0
    )
    ax.plot(
        curve["presence"],
        curve["probability"],
        color="black",
        linewidth=2.2,
        label="Model (95% interval)",
    )
    markers = ["o", "s", "^", "D"]
    scale = 400 / max(float(districts["firms"].max()), 1.0)
    for i, (place, group) in enumerate(districts.groupby("place", sort=False)):
        ax.scatter(
            group["creative_share"],
            group["innovation_rate"],
            s=30 + scale * group["firms"],
            color=PALETTE[i % len(PALETTE)],
            marker=markers[i % len(markers)],
            edgecolor="black",
            linewidth=0.6,
            alpha=0.9,
            label=place,
        )
    ax.xaxis.set_major_formatter(lambda x, _: f"{100 * x:.0f}%")
    ax.yaxis.set_major_formatter(lambda y, _: f"{100 * y:.0f}%")
    ax.set_xlabel("Creative firms' share of the district's firms")
    ax.set_ylabel("Non-creative firms\nthat innovate")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), markerscale=0.7)
    return ax


def plot_layer_sensitivity(table: pd.DataFrame, *, ax=None):
    """Average marginal effect of one more tie per layer, across network scenarios.

    Parameters
    ----------
    table : pandas.DataFrame
        Output of ``layer_sensitivity``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        ``table`` is not a DataFrame.
    ValueError
        Missing columns.
    """
    require_dataframe(table, "table")
    require_columns(table, ["scenario", "layer", "ame", "ame_ci_lower", "ame_ci_upper"], "table")
    if ax is None:
        _, ax = new_figure(height=4.4)
    scenarios = list(pd.unique(table["scenario"]))
    x = np.arange(len(scenarios))
    offsets = dict(zip(LAYERS, (-0.2, 0.0, 0.2), strict=True))
    markers = {"local": "o", "external": "s", "cross_sector": "^"}
    for layer in LAYERS:
        rows = table[table["layer"] == layer].set_index("scenario").loc[scenarios]
        ax.errorbar(
            x + offsets[layer],
            100 * rows["ame"],
            yerr=[
                100 * (rows["ame"] - rows["ame_ci_lower"]),
                100 * (rows["ame_ci_upper"] - rows["ame"]),
            ],
            fmt=markers[layer],
            color=LAYER_COLOURS[layer],
            ecolor=LAYER_COLOURS[layer],
            elinewidth=2,
            capsize=3,
            markersize=8,
            label=LAYER_SHORT_LABELS[layer],
        )
    ax.axhline(0, color="0.4", linestyle="--", linewidth=1)
    ax.set_xticks(x, [textwrap.fill(str(s), 11) for s in scenarios])
    ax.set_ylabel("Percentage points per tie")
    ax.set_xlabel("Network used (observed in the middle)")
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


def plot_bridge_relatedness(scores, *, mean_all: float, bins=10, ax=None):
    """Histogram of the relatedness percentile of the sector pairs organisations bridge.

    Parameters
    ----------
    scores : array-like
        Relatedness percentile (0-100) of each bridged pair (``bridge_relatedness``).
    mean_all : float
        Mean over all pairs, drawn as a dashed reference line.
    bins : int
        Number of equal-width bins over 0-100.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        Non-numeric ``scores``.
    ValueError
        No scores or scores outside 0-100.
    """
    try:
        values = np.asarray(scores, dtype=float).ravel()
    except (TypeError, ValueError) as error:
        raise TypeError(f"scores must be numeric: {error}") from error
    if values.size == 0:
        raise ValueError("scores is empty; there is nothing to plot")
    if not np.isfinite(values).all() or values.min() < 0 or values.max() > 100:
        raise ValueError("scores must be finite percentiles between 0 and 100")
    if ax is None:
        _, ax = new_figure(height=4.0)
    ax.hist(
        values,
        bins=np.linspace(0, 100, bins + 1),
        color=OKABE_ITO["blue"],
        edgecolor="white",
        linewidth=1.2,
    )
    ax.axvline(mean_all, color="0.3", linestyle="--", linewidth=2, label="Mean of all pairs")
    ax.axvline(
        values.mean(),
        color=OKABE_ITO["vermillion"],
        linestyle="-",
        linewidth=2.5,
        label="Mean of bridged pairs",
    )
    ax.set_xlim(0, 100)
    ax.set_xlabel("Relatedness of the two clusters\n(percentile, Delgado-Porter-Stern)")
    ax.set_ylabel("Bridged pairs")
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left")
    return ax
