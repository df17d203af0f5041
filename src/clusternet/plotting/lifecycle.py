"""Figures of the life-cycle chapter.

Every stage has one colour (Okabe-Ito) and one marker shape, so the figures read in
grey-scale print and for colour-blind readers.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from clusternet._validation import (
    require_columns,
    require_dataframe,
    require_nonempty,
    require_positive_int,
    require_real,
)
from clusternet.catalog.lifecycle import LIFECYCLE_STAGES
from clusternet.clusters import location_quotient
from clusternet.lifecycle.classify import GROWTH_THRESHOLD, SPECIALISATION_THRESHOLD
from clusternet.plotting import OKABE_ITO, new_figure

__all__ = [
    "STAGE_COLOURS",
    "STAGE_MARKERS",
    "plot_planted_trajectories",
    "plot_stage_plane",
    "plot_example_trajectories",
]

STAGE_COLOURS = {
    "emerging": OKABE_ITO["sky"],
    "growing": OKABE_ITO["green"],
    "mature": OKABE_ITO["blue"],
    "declining": OKABE_ITO["vermillion"],
    "renewing": OKABE_ITO["purple"],
    "not specialised": "#8C8C8C",
}
STAGE_MARKERS = {
    "emerging": "^",
    "growing": "o",
    "mature": "s",
    "declining": "v",
    "renewing": "D",
    "not specialised": "X",
}


def plot_planted_trajectories(
    panel: pd.DataFrame, *, planted: pd.DataFrame, window: int, axes=None
) -> np.ndarray:
    """Small multiples: the location quotient of every planted pair over time, by stage.

    Parameters
    ----------
    panel : pandas.DataFrame
        The sample panel (``region, cluster, year, employment``), the whole economy.
    planted : pandas.DataFrame
        ``region, cluster, stage`` of the planted pairs.
    window : int
        Years at the end shaded as the classification window (at least 1, at most the
        number of years).
    axes : numpy.ndarray of matplotlib Axes, optional
        A 2 x 3 array of Axes to draw in (one per stage); by default a new figure with
        shared axes.

    Returns
    -------
    numpy.ndarray of matplotlib Axes
        The 2 x 3 panels, in the order of ``LIFECYCLE_STAGES``.

    Raises
    ------
    TypeError, ValueError
        Missing columns, no planted pairs, a window that is not a whole number of years
        in the panel, or ``axes`` of the wrong shape.
    """
    require_dataframe(panel, "panel")
    require_dataframe(planted, "planted")
    require_columns(panel, ["region", "cluster", "year", "employment"], "panel")
    require_columns(planted, ["region", "cluster", "stage"], "planted")
    require_nonempty(planted, "planted")
    years = np.sort(panel["year"].unique())
    window = require_positive_int(window, "window")
    if window > years.size:
        raise ValueError(f"window ({window}) is longer than the panel ({years.size} years)")
    if axes is None:
        _, axes = new_figure(height=6.4, ncols=3, nrows=2, sharex=True, sharey=True)
    elif np.shape(axes) != (2, 3):
        raise ValueError(f"axes must be a 2 x 3 array of Axes, got shape {np.shape(axes)}")
    lq = {
        year: location_quotient(
            panel.loc[panel["year"] == year].pivot(
                index="region", columns="cluster", values="employment"
            )
        ).stack()
        for year in years
    }
    lq = pd.DataFrame(lq)  # (region, cluster) x year
    for ax, stage in zip(axes.ravel(), LIFECYCLE_STAGES, strict=True):
        pairs = planted.loc[planted["stage"] == stage, ["region", "cluster"]].itertuples(
            index=False, name=None
        )
        for pair in pairs:
            ax.plot(
                years, lq.loc[pair].to_numpy(), color=STAGE_COLOURS[stage], linewidth=1.4, alpha=0.8
            )
        ax.axvspan(years[-window] - 0.5, years[-1] + 0.5, color="0.9", zorder=0)
        ax.axhline(1.0, color="0.3", linestyle="--", linewidth=1)
        ax.set_yscale("log")
        ax.set_title(stage.capitalize(), fontsize=13)
        ax.grid(axis="x", visible=False)
    ax0 = axes[0, 0]
    ax0.set_yticks([0.25, 0.5, 1, 2, 4], ["0.25", "0.5", "1", "2", "4"])
    ax0.minorticks_off()
    for ax in axes[1]:
        ax.set_xticks([years[0], years[-window], years[-1]])
    for ax in axes[:, 0]:
        ax.set_ylabel("Location quotient")
    return axes


def plot_stage_plane(
    classified: pd.DataFrame,
    *,
    growth: str = "growth",
    specialisation: str = "specialisation",
    growth_threshold: float = GROWTH_THRESHOLD,
    specialisation_threshold: float = SPECIALISATION_THRESHOLD,
    planted: str | None = None,
    growth_limit: float | None = None,
    marker_size: float = 55,
    alpha: float = 0.9,
    ax=None,
):
    """Scatter of growth against specialisation, coloured and shaped by stage.

    The dashed lines are the classification thresholds, so each region of the plane is
    one stage (growing and renewing share the top right, told apart by diversity).

    Parameters
    ----------
    classified : pandas.DataFrame
        Output of ``classify_life_cycle`` (or an indicator table), with a ``stage``
        column.
    growth, specialisation : str
        Columns for the x axis (log points a year, shown in per cent) and the y axis
        (location quotient, log scale).
    growth_threshold, specialisation_threshold : float
        Where to draw the thresholds.
    planted : str, optional
        Column with the planted stage; points whose classification differs are ringed
        in black.
    growth_limit : float, optional
        Clip the x axis to +/- this growth (points beyond are drawn at the edge).
    marker_size, alpha : float
        Marker area and opacity (smaller and lighter for thousands of points).
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        ``classified`` is not a DataFrame, misses a column or is empty, or a threshold or
        ``growth_limit`` is out of range.
    """
    require_dataframe(classified, "classified")
    require_columns(
        classified, [growth, specialisation, "stage"] + ([planted] if planted else []), "classified"
    )
    require_nonempty(classified, "classified")
    growth_threshold = require_real(growth_threshold, "growth_threshold", minimum=0.0)
    specialisation_threshold = require_real(
        specialisation_threshold, "specialisation_threshold", minimum=0.0, inclusive=False
    )
    if ax is None:
        _, ax = new_figure(height=5.6)
    x = classified[growth].to_numpy(dtype=float) * 100
    if growth_limit is not None:
        limit = require_real(growth_limit, "growth_limit", minimum=0.0, inclusive=False) * 100
        x = np.clip(x, -limit, limit)
    y = classified[specialisation].to_numpy(dtype=float)
    stages = classified["stage"].astype(str).to_numpy()
    handles = []
    for stage in LIFECYCLE_STAGES:
        mask = stages == stage
        if not mask.any():
            continue
        ax.scatter(
            x[mask],
            y[mask],
            s=marker_size,
            marker=STAGE_MARKERS[stage],
            color=STAGE_COLOURS[stage],
            edgecolors="white",
            linewidths=0.5,
            alpha=alpha,
            zorder=3,
        )
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker=STAGE_MARKERS[stage],
                color=STAGE_COLOURS[stage],
                markersize=9,
                label=f"{stage} ({int(mask.sum())})",
            )
        )
    if planted:
        wrong = classified[planted].astype(str).to_numpy() != stages
        if wrong.any():
            ax.scatter(
                x[wrong],
                y[wrong],
                s=marker_size * 3.2,
                facecolors="none",
                edgecolors="black",
                linewidths=1.4,
                zorder=4,
            )
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="",
                    marker="o",
                    markerfacecolor="none",
                    markeredgecolor="black",
                    markersize=12,
                    label=f"misclassified ({int(wrong.sum())})",
                )
            )
    for value in (-growth_threshold * 100, growth_threshold * 100):
        ax.axvline(value, color="0.3", linestyle="--", linewidth=1)
    ax.axhline(specialisation_threshold, color="0.3", linestyle="--", linewidth=1)
    ax.set_yscale("log")
    ticks = [
        t for t in (0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 20) if y.min() / 1.2 <= t <= y.max() * 1.2
    ]
    ax.set_yticks(ticks, [f"{t:g}" for t in ticks])
    ax.minorticks_off()
    ax.set_xlabel("Growth against the economy (% a year)")
    ax.set_ylabel("Location quotient (log scale)")
    ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), title="Stage")
    return ax


def plot_example_trajectories(
    series: pd.DataFrame,
    *,
    summary: pd.DataFrame,
    shade: tuple[float, float] | None = None,
    ncols: int = 2,
    axes=None,
) -> np.ndarray:
    """Small multiples of real trajectories, each titled with its stage and confidence.

    Parameters
    ----------
    series : pandas.DataFrame
        ``example, year, index``: one line per example (an index, first year = 100).
    summary : pandas.DataFrame
        ``example, source, stage, confidence``: one row per example, in drawing order.
    shade : tuple of float, optional
        ``(first, last)`` years shaded in the panels whose ``source`` is ``"US"`` (the
        pandemic year, not read by the stage shown).
    ncols : int
        Panels per row.
    axes : numpy.ndarray of matplotlib Axes, optional
        At least as many Axes as examples; by default a new figure.

    Returns
    -------
    numpy.ndarray of matplotlib Axes
        The panels, flattened, in the order of ``summary``.

    Raises
    ------
    TypeError, ValueError
        Missing columns, no examples, an example of ``summary`` without a series, or
        too few ``axes``.
    """
    require_dataframe(series, "series")
    require_dataframe(summary, "summary")
    require_columns(series, ["example", "year", "index"], "series")
    require_columns(summary, ["example", "source", "stage", "confidence"], "summary")
    require_nonempty(summary, "summary")
    ncols = require_positive_int(ncols, "ncols")
    missing = sorted(set(summary["example"]) - set(series["example"]))
    if missing:
        raise ValueError(f"series has no rows for example(s) {missing}")
    n = len(summary)
    if axes is None:
        nrows = -(-n // ncols)
        _, axes = new_figure(height=3.2 * nrows, ncols=ncols, nrows=nrows, squeeze=False)
    axes = np.asarray(axes).ravel()
    if axes.size < n:
        raise ValueError(f"axes has {axes.size} Axes for {n} examples")
    for ax, row in zip(axes, summary.itertuples(index=False), strict=False):
        line = series[series["example"] == row.example].sort_values("year")
        colour = STAGE_COLOURS.get(row.stage, "0.2")
        ax.plot(
            line["year"],
            line["index"],
            color=colour,
            marker=STAGE_MARKERS.get(row.stage, "o"),
            linewidth=2,
        )
        ax.axhline(100, color="0.5", linestyle=":", linewidth=1)
        if shade is not None and row.source == "US":
            ax.axvspan(shade[0], shade[1], color="0.9", zorder=0)
        years = line["year"].to_numpy()
        ax.set_xticks(years, [f"'{int(y) % 100:02d}" for y in years])
        title = "\n".join(textwrap.wrap(str(row.example), 22))
        ax.set_title(f"{title}\n{row.stage}, confidence {100 * row.confidence:.0f}%", fontsize=12)
        ax.grid(axis="x", visible=False)
    for ax in axes[n:]:
        ax.set_visible(False)
    for ax in axes[::ncols]:
        ax.set_ylabel("Share of economy\n(first year = 100)")
    return axes[:n]
