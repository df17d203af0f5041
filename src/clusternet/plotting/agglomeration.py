"""Figures of the chapter "Why clusters form": the core-periphery model's diagrams."""

from __future__ import annotations

import pandas as pd

from clusternet._validation import require_columns, require_dataframe, require_nonempty
from clusternet.plotting import OKABE_ITO, new_figure

__all__ = ["plot_wage_gap_curves", "plot_tomahawk"]

_CURVE_STYLES = ("-", "--", ":")


def plot_wage_gap_curves(curves: pd.DataFrame, *, ax=None):
    """The real-wage gap against region 1's share of industry, one line per transport cost.

    Parameters
    ----------
    curves : pandas.DataFrame
        ``transport_cost, share, gap`` (long format), e.g. from the chapter step
        ``wage_gap_curves``.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        Not a data frame, empty, or missing columns.
    """
    require_dataframe(curves, "curves")
    require_nonempty(curves, "curves")
    require_columns(curves, ["transport_cost", "share", "gap"], "curves")
    if ax is None:
        _, ax = new_figure(height=4.0)
    colours = [OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["green"]]
    for i, (cost, group) in enumerate(curves.groupby("transport_cost", sort=True)):
        ax.plot(
            group["share"],
            group["gap"],
            color=colours[i % len(colours)],
            linestyle=_CURVE_STYLES[i % len(_CURVE_STYLES)],
            label=f"T = {cost:g}",
        )
    ax.axhline(0.0, color="0.4", linewidth=0.8)
    ax.set_xlabel("Region 1's share of manufacturing (lambda)")
    ax.set_ylabel("Real-wage gap, region 1 minus region 2")
    ax.legend(title="Transport cost", frameon=False)
    return ax


def plot_tomahawk(
    diagram: pd.DataFrame,
    *,
    break_point: float | None = None,
    sustain_point: float | None = None,
    ax=None,
):
    """The tomahawk diagram: long-run equilibria against the transport cost.

    Stable equilibria are drawn as solid dots, unstable ones as hollow rings; the break
    and sustain points, when given, as dashed vertical lines.

    Parameters
    ----------
    diagram : pandas.DataFrame
        ``transport_cost, share, kind, stable``, from ``tomahawk_diagram``.
    break_point, sustain_point : float, optional
        Analytic critical points to mark.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        Not a data frame, empty, or missing columns.
    """
    require_dataframe(diagram, "diagram")
    require_nonempty(diagram, "diagram")
    require_columns(diagram, ["transport_cost", "share", "kind", "stable"], "diagram")
    if ax is None:
        _, ax = new_figure(height=4.4)
    stable = diagram[diagram["stable"].astype(bool)]
    unstable = diagram[~diagram["stable"].astype(bool)]
    ax.scatter(
        unstable["transport_cost"],
        unstable["share"],
        s=6,
        facecolors="none",
        edgecolors=OKABE_ITO["vermillion"],
        linewidths=0.6,
        label="unstable",
    )
    ax.scatter(
        stable["transport_cost"], stable["share"], s=6, color=OKABE_ITO["blue"], label="stable"
    )
    for value, label in ((break_point, "break point"), (sustain_point, "sustain point")):
        if value is not None:
            ax.axvline(value, color="0.3", linestyle="--", linewidth=0.9)
            ax.annotate(
                label, (value, 1.04), xycoords=("data", "axes fraction"), ha="center", fontsize=12
            )
    ax.set_xlabel("Transport cost T (units shipped per unit that arrives)")
    ax.set_ylabel("Region 1's share of manufacturing")
    ax.set_ylim(-0.03, 1.03)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    return ax
