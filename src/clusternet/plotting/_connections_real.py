"""Figures of the Nesta chapter's real-data sections (re-exported by ``plotting.connections``).

The creative industries of Great Britain ranked by region, and the effects of the three
layers of partners in EU research consortia on later outcomes.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from clusternet._validation import require_columns, require_dataframe, require_real
from clusternet.connections import LAYERS
from clusternet.plotting import OKABE_ITO, new_figure

__all__ = ["plot_creative_ranking", "plot_partner_effects"]

_LAYER_COLOURS = {
    "local": OKABE_ITO["blue"],
    "external": OKABE_ITO["orange"],
    "cross_sector": OKABE_ITO["green"],
}
_LAYER_LABELS = {"local": "Local", "external": "External", "cross_sector": "Cross-sector"}


def plot_creative_ranking(regions: pd.DataFrame, *, threshold: float, ax=None):
    """Regions ranked by their creative location quotient (employment and businesses).

    Parameters
    ----------
    regions : pandas.DataFrame
        One row per region with columns ``region`` (name), ``employment_lq``,
        ``business_lq`` and ``is_cluster`` (e.g. ``gb_creative_industries().regions``).
    threshold : float
        The location-quotient cut-off, drawn as a vertical line.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        ``regions`` is not a DataFrame.
    ValueError
        Missing columns or a non-positive threshold.
    """
    require_dataframe(regions, "regions")
    require_columns(regions, ["region", "employment_lq", "business_lq", "is_cluster"], "regions")
    threshold = require_real(threshold, "threshold", minimum=0.0, inclusive=False)
    ordered = regions.sort_values("employment_lq")
    if ax is None:
        _, ax = new_figure(height=0.26 * len(ordered) + 1.6)
    y = np.arange(len(ordered))
    colours = np.where(ordered["is_cluster"], OKABE_ITO["purple"], "0.7")
    ax.barh(y, ordered["employment_lq"], color=colours, height=0.7)
    ax.plot(ordered["business_lq"], y, "o", color="black", markersize=5, markerfacecolor="white")
    ax.axvline(threshold, color="0.3", linestyle="--", linewidth=1)
    ax.axvline(1.0, color="0.3", linestyle=":", linewidth=1)
    ax.set_yticks(y, ordered["region"], fontsize=12)
    ax.set_ylim(-0.7, len(ordered) - 0.3)
    ax.set_xlabel("Creative location quotient (1 = Great Britain's share)")
    ax.grid(axis="y", visible=False)
    handles = [
        Line2D([0], [0], color=OKABE_ITO["purple"], linewidth=8, label="Employment LQ: cluster"),
        Line2D([0], [0], color="0.7", linewidth=8, label="Employment LQ: other region"),
        Line2D(
            [0], [0], marker="o", color="black", markerfacecolor="white", linestyle="none",
            label="Business-count LQ",
        ),
        Line2D([0], [0], color="0.3", linestyle="--", label=f"Cut-off {threshold:g}"),
    ]  # fmt: skip
    ax.figure.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=12)
    return ax


def plot_partner_effects(effects: pd.DataFrame, *, axes=None):
    """Effects of twice as many partners in each layer on two later outcomes (two panels).

    Parameters
    ----------
    effects : pandas.DataFrame
        Columns ``layer``, ``outcome``, ``estimate``, ``ci_lower``, ``ci_upper``; two
        outcomes, the first on the odds-ratio scale (reference line at 1), the second on
        the log scale (reference line at 0), e.g. ``eu_layer_outcomes().effects``.
    axes : array of two matplotlib Axes, optional

    Returns
    -------
    numpy.ndarray of matplotlib Axes

    Raises
    ------
    TypeError
        ``effects`` is not a DataFrame.
    ValueError
        Missing columns or not exactly two outcomes.
    """
    require_dataframe(effects, "effects")
    require_columns(effects, ["layer", "outcome", "estimate", "ci_lower", "ci_upper"], "effects")
    outcomes = list(dict.fromkeys(effects["outcome"]))
    if len(outcomes) != 2:
        raise ValueError(f"effects must hold exactly two outcomes, got {len(outcomes)}")
    if axes is None:
        _, axes = new_figure(ncols=2, height=3.4)
    for ax, outcome, reference in zip(axes, outcomes, (1.0, 0.0), strict=True):
        rows = effects[effects["outcome"] == outcome].set_index("layer").reindex(list(LAYERS))
        y = np.arange(len(rows))[::-1]
        for position, (layer, row) in zip(y, rows.iterrows(), strict=True):
            colour = _LAYER_COLOURS[layer]
            ax.errorbar(
                row["estimate"],
                position,
                xerr=[[row["estimate"] - row["ci_lower"]], [row["ci_upper"] - row["estimate"]]],
                fmt="o",
                color=colour,
                elinewidth=2.5,
                capsize=4,
                markersize=8,
            )
        ax.axvline(reference, color="0.4", linestyle="--", linewidth=1)
        ax.set_yticks(y, [_LAYER_LABELS[layer] for layer in rows.index])
        ax.set_title("\n".join(textwrap.wrap(str(outcome), 20)), fontsize=12)
        ax.grid(axis="y", visible=False)
    return np.asarray(axes)
