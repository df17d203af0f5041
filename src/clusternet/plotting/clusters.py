"""Figures of the Porter chapter: the diamond, specialisation maps and growth effects."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from clusternet._validation import require_columns, require_dataframe, require_nonempty
from clusternet.plotting import (
    FULL_WIDTH,
    OKABE_ITO,
    WIDE_WIDTH,
    forest_plot,
    new_figure,
    record_plotted_data,
)

__all__ = [
    "plot_porter_diamond",
    "plot_specialisation_heatmap",
    "plot_top_clusters",
    "plot_growth_effects",
]


def plot_porter_diamond(*, ax=None):
    """Draw Porter's diamond: four determinants, chance and government, a cluster at the centre.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; default a new full-width figure.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    AttributeError
        ``ax`` is not a matplotlib Axes.

    Examples
    --------
    >>> ax = plot_porter_diamond()
    >>> ax.axison, len(ax.patches)
    (False, 12)

    References
    ----------
    - Porter, M. E. (1990). *The Competitive Advantage of Nations*. Free Press.
    """
    if ax is None:
        _, ax = new_figure(width=FULL_WIDTH, height=6.2)
    boxes = {
        (0.0, 1.0): "Firm strategy,\nstructure and rivalry",
        (-1.0, 0.0): "Factor\nconditions",
        (1.0, 0.0): "Demand\nconditions",
        (0.0, -1.0): "Related and\nsupporting industries",
    }
    for (x, y), text in boxes.items():
        ax.add_patch(
            FancyBboxPatch(
                (x - 0.42, y - 0.2),
                0.84,
                0.4,
                boxstyle="round,pad=0.03",
                facecolor="#DCEBF7",
                edgecolor=OKABE_ITO["blue"],
                linewidth=2,
            )
        )
        ax.text(x, y, text, ha="center", va="center", fontsize=13)
    corners = list(boxes)
    for i, a in enumerate(corners):
        for b in corners[i + 1 :]:
            ax.add_patch(
                FancyArrowPatch(
                    a,
                    b,
                    arrowstyle="<|-|>",
                    mutation_scale=16,
                    color="0.45",
                    linewidth=1.4,
                    shrinkA=42,
                    shrinkB=42,
                )
            )
    ax.text(
        0,
        0,
        "Cluster",
        ha="center",
        va="center",
        fontsize=14,
        fontweight="bold",
        color=OKABE_ITO["vermillion"],
    )
    for (x, y), text in (((-1.05, 1.05), "Chance"), ((1.05, 1.05), "Government")):
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=13,
            style="italic",
            bbox={
                "boxstyle": "round,pad=0.4",
                "facecolor": "white",
                "edgecolor": OKABE_ITO["orange"],
                "linewidth": 2,
            },
        )
        ax.add_patch(
            FancyArrowPatch(
                (x * 0.8, y * 0.8),
                (x * 0.42, y * 0.42),
                arrowstyle="-|>",
                mutation_scale=14,
                color=OKABE_ITO["orange"],
                linewidth=1.6,
                linestyle="--",
            )
        )
    ax.set_xlim(-1.55, 1.55)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return ax


def plot_specialisation_heatmap(lq: pd.DataFrame, *, max_ratio: float = 8.0, ax=None):
    """Heatmap of location quotients on a log2 scale (purple below 1, orange above).

    Parameters
    ----------
    lq : pandas.DataFrame
        Rows x columns of location quotients (e.g. states x clusters: many short row
        labels and fewer long column labels read best).
    max_ratio : float
        Colours saturate at LQ = ``max_ratio`` and ``1 / max_ratio``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        ``lq`` not a non-empty DataFrame, negative values, ``max_ratio`` not above 1.

    Examples
    --------
    >>> lq = pd.DataFrame({"A": [0.5, 2.0], "B": [1.0, 8.0]}, index=["r1", "r2"])
    >>> ax = plot_specialisation_heatmap(lq)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['r1', 'r2']

    References
    ----------
    - Harrower, M. and Brewer, C. A. (2003). ColorBrewer.org: an online tool for selecting
      colour schemes for maps. *The Cartographic Journal* 40(1), 27-37 (the diverging
      purple-orange scheme, safe for colour-blind readers).
    """
    require_dataframe(lq, "lq")
    require_nonempty(lq, "lq")
    values = lq.to_numpy(dtype=float)
    if not np.isfinite(values).all() or (values < 0).any():
        raise ValueError("lq must hold finite, non-negative location quotients")
    if not max_ratio > 1:
        raise ValueError(f"max_ratio must be > 1, got {max_ratio}")
    limit = float(np.log2(max_ratio))
    with np.errstate(divide="ignore"):
        shown = np.clip(np.log2(values), -limit, limit)
    if ax is None:
        _, ax = new_figure(width=WIDE_WIDTH, height=0.17 * lq.shape[0] + 3.6)
    image = ax.imshow(
        shown, cmap="PuOr_r", vmin=-limit, vmax=limit, aspect="auto", interpolation="nearest"
    )
    ax.set_xticks(np.arange(lq.shape[1]), [str(c) for c in lq.columns], rotation=90, fontsize=10)
    ax.set_yticks(np.arange(lq.shape[0]), [str(r) for r in lq.index], fontsize=10)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(False)
    ticks = np.arange(-limit, limit + 1)
    bar = ax.figure.colorbar(
        image, ax=ax, orientation="horizontal", fraction=0.025, pad=0.02, aspect=35
    )
    bar.set_ticks(ticks, labels=[f"{2**t:g}" if t >= 0 else f"1/{2**-t:g}" for t in ticks])
    bar.set_label("Location quotient (US = 1; log scale)")
    row_name, column_name = lq.index.name or "region", lq.columns.name or "cluster"
    record_plotted_data(
        ax,
        pd.DataFrame(
            {
                row_name: np.repeat(lq.index.astype(str), lq.shape[1]),
                column_name: np.tile(lq.columns.astype(str), lq.shape[0]),
                "location_quotient": lq.to_numpy(dtype=float).ravel(),
            }
        ),
    )
    return ax


def plot_top_clusters(lq: pd.DataFrame, regions, *, top: int = 5, highlight=None, axes=None):
    """One panel per region: its ``top`` clusters by location quotient.

    Parameters
    ----------
    lq : pandas.DataFrame
        Regions x clusters location quotients.
    regions : sequence
        Row labels of ``lq`` to show, one panel each.
    top : int
        Bars per panel.
    highlight : dict, optional
        Region -> cluster drawn in the accent colour.
    axes : sequence of matplotlib Axes, optional
        One per region; default a new full-width figure with one row per region.

    Returns
    -------
    numpy.ndarray of matplotlib Axes
        One panel per region.

    Raises
    ------
    TypeError, ValueError
        ``lq`` not a DataFrame, or regions not in it.

    Examples
    --------
    >>> lq = pd.DataFrame({"A": [0.5, 2.0], "B": [1.5, 0.8]}, index=["r1", "r2"])
    >>> axes = plot_top_clusters(lq, ["r1", "r2"], top=1)
    >>> [ax.get_title(loc="left") for ax in axes]
    ['r1', 'r2']

    References
    ----------
    - Porter (2003), see ``clusternet.clusters``.
    """
    require_dataframe(lq, "lq")
    regions = list(regions)
    missing = [r for r in regions if r not in lq.index]
    if missing:
        raise ValueError(f"regions not in lq: {missing}")
    highlight = highlight or {}
    if axes is None:
        _, axes = new_figure(
            width=FULL_WIDTH, height=1.0 + 0.55 * top * len(regions), nrows=len(regions)
        )
    axes = np.atleast_1d(axes)
    for ax, region in zip(axes, regions, strict=True):
        shown = lq.loc[region].sort_values(ascending=False).head(top)[::-1]
        colours = [
            OKABE_ITO["vermillion"] if label == highlight.get(region) else OKABE_ITO["blue"]
            for label in shown.index
        ]
        ax.barh([str(i) for i in shown.index], shown.to_numpy(), color=colours)
        ax.axvline(1, color="0.3", linestyle="--", linewidth=1)
        ax.set_title(str(region), loc="left")
        ax.grid(axis="y", visible=False)
        for y, value in enumerate(shown.to_numpy()):
            ax.text(value, y, f" {value:.1f}", va="center", fontsize=12)
        ax.set_xlim(0, shown.max() * 1.15)
    axes[-1].set_xlabel("Location quotient (US = 1)")
    return axes


def plot_growth_effects(effects: pd.DataFrame, *, truth: pd.DataFrame | None = None, ax=None):
    """Forest plot of "+1 standard deviation -> percentage points of annual growth".

    Parameters
    ----------
    effects : pandas.DataFrame
        Columns ``label, effect, ci_lower, ci_upper, data`` (growth in log points a
        year; shown times 100), e.g. stacked outputs of
        ``clusternet.standardised_effects`` with a ``data`` column naming the data set.
    truth : pandas.DataFrame, optional
        Columns ``label, effect, data``: planted values, drawn as black crosses.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        Missing columns.

    Examples
    --------
    >>> effects = pd.DataFrame({"label": ["Own industry", "Rest of own cluster"],
    ...                         "effect": [-0.02, 0.013], "ci_lower": [-0.03, 0.005],
    ...                         "ci_upper": [-0.01, 0.021], "data": "Sample"})
    >>> ax = plot_growth_effects(effects)
    >>> ax.get_xlabel().splitlines()[0]
    'Percentage points of annual'

    References
    ----------
    - Delgado, Porter and Stern (2014), see ``clusternet.clusters``.
    """
    require_columns(effects, ["label", "effect", "ci_lower", "ci_upper", "data"], "effects")
    table = effects.assign(
        row=effects["data"] + ":\n" + effects["label"],  # two short lines fit a 6-in figure
        effect=effects["effect"] * 100,
        ci_lower=effects["ci_lower"] * 100,
        ci_upper=effects["ci_upper"] * 100,
    ).reset_index(drop=True)
    if ax is None:
        _, ax = new_figure(width=FULL_WIDTH, height=0.5 * len(table) + 2.4)
    forest_plot(
        table,
        estimate="effect",
        label="row",
        group="data",
        reference=0.0,
        xlabel="Percentage points of annual employment growth\nper +1 standard deviation (95% CI)",
        ax=ax,
    )
    if truth is not None:
        require_columns(truth, ["label", "effect", "data"], "truth")
        rows = truth["data"] + ":\n" + truth["label"]
        positions = np.arange(len(table))[::-1]
        where = dict(zip(table["row"], positions, strict=True))
        known = rows.isin(list(where)).to_numpy()
        ax.scatter(
            truth.loc[known, "effect"] * 100,
            [where[r] for r in rows[known]],
            marker="x",
            s=90,
            linewidths=2,
            color="black",
            zorder=5,
            label="planted (true) value",
        )
    # below the whole figure: a legend under the axes alone is wider than a 6-inch figure's
    # axes once the long row labels take their room (the layout then collapsed)
    handles, labels = ax.get_legend_handles_labels()
    ax.get_legend().remove()
    ax.figure.legend(handles, labels, loc="outside lower center", ncols=2, frameon=False)
    return ax
