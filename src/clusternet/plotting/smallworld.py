"""Figures of the small-world Q chapter (Uzzi and Spiro).

Every function takes what the chapter computes with ``clusternet.smallworld`` and draws it
in the book's theme (Okabe-Ito colours, large type, few elements). One-panel figures take
``ax=None`` and return the Axes; several panels take ``axes=None`` and return the array of
Axes. Without axes, a new figure of the book's size is made.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from clusternet._validation import require_columns, require_dataframe
from clusternet.plotting import FULL_WIDTH, OKABE_ITO, line_with_band, new_figure
from clusternet.smallworld import AffiliationNetwork

__all__ = [
    "plot_affiliation_network",
    "plot_q_series",
    "plot_inverted_u",
    "plot_q_drivers",
    "plot_success_against_q",
]


def _panels(axes, n: int, name: str = "axes") -> np.ndarray:
    """``axes`` as a flat array of ``n`` Axes (ValueError for another number)."""
    flat = np.atleast_1d(np.asarray(axes, dtype=object)).ravel()
    if flat.size != n:
        raise ValueError(f"{name} must hold {n} Axes, got {flat.size}")
    return flat


def plot_affiliation_network(
    network, *, people: str = "people", groups: str = "groups", seed: int = 1, axes=None
):
    """Draw an affiliation network (left) and its one-mode projection (right).

    Parameters
    ----------
    network : clusternet.AffiliationNetwork
        A small network (up to a few dozen people and groups).
    people, groups : str
        Legend names of the two kinds of node.
    seed : int
        Seed of the projection's spring layout.
    axes : sequence of two matplotlib Axes, optional
        Where to draw the bipartite network and its projection.

    Returns
    -------
    numpy.ndarray of matplotlib Axes
        The two panels.

    Raises
    ------
    TypeError
        ``network`` is not an AffiliationNetwork.
    ValueError
        More than 60 people or groups (too many to read), or not two Axes.
    """
    if not isinstance(network, AffiliationNetwork):
        raise TypeError(f"network must be an AffiliationNetwork, got {type(network).__name__}")
    if max(network.n_people, network.n_groups) > 60:
        raise ValueError("network is too large to draw legibly (more than 60 people or groups)")
    if axes is None:
        _, axes = new_figure(width=FULL_WIDTH, height=5.2, ncols=2)
    axes = _panels(axes, 2)
    left, right = axes
    rows, cols = network.incidence.nonzero()
    # barycentric ordering (one sweep each way) to cut edge crossings
    group_rank = np.argsort(
        np.argsort(
            np.bincount(cols, weights=rows, minlength=network.n_groups)
            / np.maximum(network.group_sizes, 1),
            kind="stable",
        ),
        kind="stable",
    )
    person_rank = np.argsort(
        np.argsort(
            np.bincount(rows, weights=group_rank[cols], minlength=network.n_people)
            / np.maximum(network.memberships, 1),
            kind="stable",
        ),
        kind="stable",
    )
    person_x = np.linspace(0, 1, network.n_people)[person_rank]
    group_x = np.linspace(0.08, 0.92, network.n_groups)[group_rank]
    for r, c in zip(rows, cols, strict=True):
        left.plot([person_x[r], group_x[c]], [0, 1], color="0.7", linewidth=0.8, zorder=1)
    left.scatter(
        person_x, np.zeros(network.n_people), s=90, color=OKABE_ITO["blue"], zorder=2, label=people
    )
    left.scatter(
        group_x,
        np.ones(network.n_groups),
        s=90,
        marker="s",
        color=OKABE_ITO["orange"],
        zorder=2,
        label=groups,
    )
    left.set_ylim(-0.25, 1.35)
    left.set_axis_off()
    left.set_title("Who attended what")
    left.legend(loc="upper center", ncols=2, bbox_to_anchor=(0.5, 1.02), handletextpad=0.2)
    graph = network.projected_graph()
    position = nx.spring_layout(graph, seed=seed)
    nx.draw_networkx_edges(graph, position, ax=right, edge_color="0.7", width=0.8)
    nx.draw_networkx_nodes(graph, position, ax=right, node_color=OKABE_ITO["blue"], node_size=90)
    right.set_axis_off()
    right.set_title(f"Ties between {people}")
    return axes


def plot_q_series(
    yearly: pd.DataFrame,
    *,
    comparison: pd.DataFrame | None = None,
    label: str = "Q",
    comparison_label: str = "",
    xlabel: str = "Year (network of the preceding seven years)",
    ax=None,
):
    """Yearly Q with a 95% band, optionally against a second series (e.g. another benchmark).

    Parameters
    ----------
    yearly : pandas.DataFrame
        From ``clusternet.small_world_q_by_year``: columns ``year, q, q_std_error``.
    comparison : pandas.DataFrame, optional
        A second yearly table drawn as a dashed line.
    label, comparison_label : str
        Legend labels.
    xlabel : str
        Label of the year axis (say which window each year's network covers).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        Not DataFrames, or missing columns.
    """
    require_dataframe(yearly, "yearly")
    require_columns(yearly, ["year", "q", "q_std_error"], "yearly")
    if ax is None:
        _, ax = new_figure(height=4.6)
    band = 1.96 * yearly["q_std_error"]
    line_with_band(
        yearly["year"],
        yearly["q"],
        yearly["q"] - band,
        yearly["q"] + band,
        label=label,
        color=OKABE_ITO["blue"],
        ax=ax,
    )
    if comparison is not None:
        require_dataframe(comparison, "comparison")
        require_columns(comparison, ["year", "q"], "comparison")
        ax.plot(
            comparison["year"],
            comparison["q"],
            color=OKABE_ITO["vermillion"],
            linestyle="--",
            linewidth=2,
            label=comparison_label,
        )
    ax.axhline(1.0, color="0.35", linewidth=1, linestyle=":")
    ax.annotate(
        "as random",
        xy=(yearly["year"].min(), 1.0),
        xytext=(0, 4),
        textcoords="offset points",
        color="0.35",
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel("Small-world quotient Q")
    ax.legend(loc="lower center")
    return ax


def plot_inverted_u(panels, *, true_turning_point: float | None = None, axes=None):
    """Fitted inverted U of success in Q, one panel per outcome, with yearly averages.

    Parameters
    ----------
    panels : list of tuple
        ``(fit, data, outcome, ylabel)``: an ``InvertedUFit``, the data it was fitted on
        (with ``year`` and the fit's Q column), the outcome column and the axis label. A
        logit outcome is shown in per cent.
    true_turning_point : float, optional
        Drawn as a dotted line (for sample data with a known truth).
    axes : sequence of matplotlib Axes, optional
        One per panel; they must share a figure, which gets the legend.

    Returns
    -------
    numpy.ndarray of matplotlib Axes
        One per panel.

    Raises
    ------
    TypeError, ValueError
        Empty ``panels``, data without the needed columns, or the wrong number of Axes.
    """
    if not isinstance(panels, (list, tuple)) or not panels:
        raise ValueError("panels must be a non-empty list of (fit, data, outcome, ylabel)")
    if axes is None:
        _, axes = new_figure(width=FULL_WIDTH, height=4.4, ncols=len(panels), sharex=True)
    axes = _panels(axes, len(panels))
    figure = axes[0].figure
    for ax, (fit, data, outcome, ylabel) in zip(axes, panels, strict=True):
        q = fit.q_column
        require_dataframe(data, "data")
        require_columns(data, ["year", q, outcome], "data")
        scale = 100.0 if fit.model == "logit" else 1.0
        by_year = data.groupby("year").agg(
            q=(q, "first"), mean=(outcome, "mean"), n=(outcome, "size")
        )
        ax.scatter(
            by_year["q"],
            scale * by_year["mean"],
            s=3 * by_year["n"],
            color="0.6",
            alpha=0.7,
            label="yearly mean",
            zorder=1,
        )
        grid = np.linspace(*fit.q_range, 120)
        curve = fit.predict(grid)
        line_with_band(
            curve["q"],
            scale * curve["predicted"],
            scale * curve["ci_lower"],
            scale * curve["ci_upper"],
            label="fitted",
            color=OKABE_ITO["blue"],
            ax=ax,
        )
        turning = fit.turning_point
        ax.axvspan(
            turning.ci_lower,
            turning.ci_upper,
            color=OKABE_ITO["orange"],
            alpha=0.3,
            linewidth=0,
            label="turning point, 95% CI",
        )
        if true_turning_point is not None:
            ax.axvline(
                true_turning_point,
                color="0.1",
                linestyle=":",
                linewidth=1.5,
                label="true turning point",
            )
        ax.set_xlabel("Q of the year")
        ax.set_ylabel(ylabel)
    handles, labels = axes[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncols=2, fontsize=12)
    return axes


def plot_q_drivers(yearly: pd.DataFrame, *, axes=None):
    """What moves a yearly Q: its two ratios (left) and the network's make-up (right).

    Parameters
    ----------
    yearly : pandas.DataFrame
        A yearly Q table (``clusternet.small_world_q_by_year``) with the columns ``year,
        clustering_ratio, path_length_ratio, giant_share`` and ``mean_team_size``.
    axes : sequence of two matplotlib Axes, optional

    Returns
    -------
    numpy.ndarray of matplotlib Axes
        The two panels.

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, missing columns, or not two Axes.
    """
    require_dataframe(yearly, "yearly")
    columns = ["year", "clustering_ratio", "path_length_ratio", "giant_share", "mean_team_size"]
    require_columns(yearly, columns, "yearly")
    if axes is None:
        _, axes = new_figure(width=FULL_WIDTH, height=4.4, ncols=2, sharex=True)
    left, right = _panels(axes, 2)
    left.plot(
        yearly["year"],
        yearly["clustering_ratio"],
        color=OKABE_ITO["blue"],
        linewidth=2,
        label="clustering ratio",
    )
    left.plot(
        yearly["year"],
        yearly["path_length_ratio"],
        color=OKABE_ITO["vermillion"],
        linewidth=2,
        linestyle="--",
        label="path-length ratio",
    )
    left.axhline(1.0, color="0.35", linewidth=1, linestyle=":")
    left.set_ylabel("Real / random")
    left.set_xlabel("Year")
    left.legend(loc="upper right")
    right.plot(
        yearly["year"],
        100 * yearly["giant_share"],
        color=OKABE_ITO["green"],
        linewidth=2,
        label="giant component (% of people)",
    )
    right.set_ylabel("Giant component (% of people)")
    right.set_xlabel("Year")
    twin = right.twinx()
    twin.plot(
        yearly["year"],
        yearly["mean_team_size"],
        color=OKABE_ITO["orange"],
        linewidth=2,
        linestyle="--",
        label="mean team size",
    )
    twin.set_ylabel("Mean team size")
    handles = right.get_lines() + twin.get_lines()
    right.legend(handles, [h.get_label() for h in handles], loc="lower right")
    return np.array([left, right], dtype=object)


def plot_success_against_q(panels, *, axes=None):
    """Success against the year's Q: yearly shares and a fitted quadratic, one panel per outcome.

    Unlike ``plot_inverted_u`` it marks no turning point (the fitted curve need not be an
    inverted U) and scales the points to the largest year.

    Parameters
    ----------
    panels : list of tuple
        ``(fit, data, outcome, ylabel)`` as for ``plot_inverted_u``, with logit fits.
    axes : sequence of matplotlib Axes, optional
        One per panel.

    Returns
    -------
    numpy.ndarray of matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        Empty ``panels``, data without the needed columns, or the wrong number of Axes.
    """
    if not isinstance(panels, (list, tuple)) or not panels:
        raise ValueError("panels must be a non-empty list of (fit, data, outcome, ylabel)")
    if axes is None:
        _, axes = new_figure(width=FULL_WIDTH, height=4.4, ncols=len(panels), sharex=True)
    axes = _panels(axes, len(panels))
    for ax, (fit, data, outcome, ylabel) in zip(axes, panels, strict=True):
        q = fit.q_column
        require_dataframe(data, "data")
        require_columns(data, ["year", q, outcome], "data")
        by_year = data.groupby("year").agg(
            q=(q, "first"), mean=(outcome, "mean"), n=(outcome, "size")
        )
        ax.scatter(
            by_year["q"],
            100 * by_year["mean"],
            s=80 * by_year["n"] / by_year["n"].max(),
            color="0.55",
            alpha=0.8,
            label="yearly share",
            zorder=1,
        )
        curve = fit.predict(np.linspace(*fit.q_range, 120))
        line_with_band(
            curve["q"],
            100 * curve["predicted"],
            100 * curve["ci_lower"],
            100 * curve["ci_upper"],
            label="fitted (95% CI)",
            color=OKABE_ITO["blue"],
            ax=ax,
        )
        ax.set_xlabel("Q of the year")
        ax.set_ylabel(ylabel)
    axes[0].legend(loc="upper left")
    return axes
