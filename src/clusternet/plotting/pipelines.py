"""Figures of the global-pipelines chapter (Fitjar and Rodriguez-Pose).

Each function takes a table made by a :mod:`clusternet.pipelines` helper and returns a
matplotlib Axes. Scales are told apart by colour (Okabe-Ito) *and* marker shape, so the
figures survive greyscale printing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import require_columns, require_dataframe, require_nonempty
from clusternet.plotting import OKABE_ITO, new_figure

__all__ = [
    "plot_collaboration_profile",
    "plot_partner_forest",
    "plot_effect_ratio",
    "plot_partner_concentration_change",
    "SCALE_STYLE",
]

#: colour, marker and label of each geographic scale
SCALE_STYLE = {
    "regional": (OKABE_ITO["orange"], "o", "Regional (same city-region)"),
    "national": (OKABE_ITO["green"], "s", "National (rest of Norway)"),
    "international": (OKABE_ITO["blue"], "D", "International"),
}
_TYPE_LABELS = {
    "any": "Any partner",
    "supplier": "Suppliers",
    "customer": "Customers",
    "competitor": "Competitors",
    "consultant": "Consultants",
    "university": "Universities",
    "research_institute": "Research institutes",
}


def _label(kind: str) -> str:
    return _TYPE_LABELS.get(kind, kind.replace("_", " ").capitalize())


def _style(scale: str, position: int):
    if scale in SCALE_STYLE:
        return SCALE_STYLE[scale]
    colours = list(OKABE_ITO.values())
    return colours[position % len(colours)], "o", scale.capitalize()


def plot_collaboration_profile(profile: pd.DataFrame, *, claims: dict | None = None, ax=None):
    """Grouped bars: share of firms with each partner type, by geographic scale.

    Parameters
    ----------
    profile : pandas.DataFrame
        From :func:`clusternet.pipelines.collaboration_profile` (no ``by``): columns
        ``scale, partner_type, share, ci_lower, ci_upper``.
    claims : dict, optional
        Scale -> share claimed for "any partner" at that scale, drawn as a black tick
        (e.g. ``{"regional": 0.80, "international": 0.45}``).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, missing columns, empty, or broken down by a group (one row per
        scale and partner type is expected).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from clusternet import data
    >>> from clusternet.pipelines import collaboration_profile
    >>> profile = collaboration_profile(data.load("norway_firm_survey"))
    >>> ax = plot_collaboration_profile(profile, claims={"regional": 0.8})
    >>> [float(x) for x in ax.get_xlim()]
    [0.0, 1.0]
    >>> plt.close(ax.figure)

    References
    ----------
    - Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): how to make figures and
      presentations that are friendly to colorblind people.
    """
    require_dataframe(profile, "profile")
    require_columns(profile, ["scale", "partner_type", "share", "ci_lower", "ci_upper"], "profile")
    require_nonempty(profile, "profile")
    if profile.duplicated(["scale", "partner_type"]).any():
        raise ValueError(
            "profile has several rows per scale and partner type; plot one group at a time"
        )
    scales = list(pd.unique(profile["scale"]))
    kinds = list(pd.unique(profile["partner_type"]))
    if "any" in kinds:  # "any partner" on top
        kinds = ["any"] + [k for k in kinds if k != "any"]
    if ax is None:
        _, ax = new_figure(height=max(3.5, 0.75 * len(kinds) + 1.5))
    height = 0.8 / len(scales)
    rows = np.arange(len(kinds))[::-1]
    indexed = profile.set_index(["scale", "partner_type"])
    for s, scale in enumerate(scales):
        colour, _, label = _style(scale, s)
        values = indexed.loc[scale].reindex(kinds)
        y = rows + (len(scales) - 1) / 2 * height - s * height
        share = values["share"].to_numpy(dtype=float)
        err = np.vstack(
            [share - values["ci_lower"].to_numpy(float), values["ci_upper"].to_numpy(float) - share]
        )
        ax.barh(y, share, height=height * 0.92, color=colour, label=label)
        ax.errorbar(share, y, xerr=err, fmt="none", ecolor="0.2", elinewidth=1.2, capsize=2)
        if claims and scale in claims and "any" in kinds:
            yy = y[kinds.index("any")]
            ax.plot(
                [claims[scale]] * 2, [yy - height / 2, yy + height / 2], color="black", linewidth=3
            )
    if claims:
        ax.plot([], [], color="black", linewidth=3, label="Press claim")
    ax.set_yticks(rows, [_label(k) for k in kinds])
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_xlabel("Share of firms collaborating (95% interval)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    return ax


def plot_partner_forest(table: pd.DataFrame, *, scales=None, ax=None):
    """Forest plot of odds ratios by partner type, one marker per geographic scale.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`clusternet.pipelines.pipeline_results_table` for a model with one
        regressor per partner column ``<type>_<scale>``: columns ``term, odds_ratio,
        or_ci_lower, or_ci_upper``.
    scales : sequence of str, optional
        Scales to look for at the end of each term (default: regional, national,
        international).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes (logarithmic x axis, dashed line at an odds ratio of 1)

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, missing columns, empty, or terms that do not end in a scale.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from clusternet import data
    >>> from clusternet.pipelines import fit_pipeline_logit, pipeline_results_table
    >>> terms = ["supplier_regional", "supplier_international"]
    >>> result = fit_pipeline_logit(data.load("norway_firm_survey"), regressors=terms)
    >>> ax = plot_partner_forest(pipeline_results_table(result, terms))
    >>> ax.get_xscale()
    'log'
    >>> plt.close(ax.figure)
    """
    require_dataframe(table, "table")
    require_columns(table, ["term", "odds_ratio", "or_ci_lower", "or_ci_upper"], "table")
    require_nonempty(table, "table")
    scales = list(scales) if scales is not None else list(SCALE_STYLE)
    parsed = []
    for term in table["term"]:
        match = [s for s in scales if str(term).endswith(f"_{s}")]
        if not match:
            raise ValueError(f"term {term!r} does not end in one of the scales {scales}")
        parsed.append((str(term)[: -len(match[0]) - 1], match[0]))
    frame = table.assign(kind=[p[0] for p in parsed], scale=[p[1] for p in parsed])
    kinds = list(pd.unique(frame["kind"]))
    if ax is None:
        _, ax = new_figure(height=max(3.5, 0.85 * len(kinds) + 1.6))
    rows = np.arange(len(kinds))[::-1]
    step = 0.24
    for s, scale in enumerate(scales):
        part = frame[frame["scale"] == scale]
        if part.empty:
            continue
        colour, marker, label = _style(scale, s)
        y = rows[[kinds.index(k) for k in part["kind"]]] + step * (1 - s)
        est = part["odds_ratio"].to_numpy(float)
        err = np.vstack(
            [est - part["or_ci_lower"].to_numpy(float), part["or_ci_upper"].to_numpy(float) - est]
        )
        ax.errorbar(
            est,
            y,
            xerr=err,
            fmt=marker,
            color=colour,
            ecolor=colour,
            elinewidth=2,
            capsize=3,
            markersize=7,
            label=label,
        )
    ax.axvline(1, color="0.4", linestyle="--", linewidth=1)
    ax.set_xscale("log")
    ticks = [0.5, 0.75, 1, 1.5, 2, 3]
    low = float(frame["or_ci_lower"].min())
    high = float(frame["or_ci_upper"].max())
    ax.set_xticks([t for t in ticks if low * 0.9 <= t <= high * 1.1] or [1])
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:g}")
    ax.xaxis.set_minor_formatter(lambda x, _: "")
    ax.set_yticks(rows, [_label(k) for k in kinds])
    ax.set_xlabel("Odds ratio of product innovation (95% interval)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize=12)
    return ax


def plot_effect_ratio(
    comparison: pd.DataFrame,
    *,
    fieller_pieces=None,
    claim: float | None = None,
    xlim=(-10.0, 20.0),
    ax=None,
):
    """Intervals for the ratio of two effects, one row per method.

    Parameters
    ----------
    comparison : pandas.DataFrame
        From :func:`clusternet.pipelines.pipeline_effect_comparison`: the rows with
        ``quantity == "ratio"`` are drawn.
    fieller_pieces : list of (lower, upper), optional
        The full Fieller set (``pieces`` from
        :func:`clusternet.pipelines.fieller_ratio_interval`); drawn instead of the
        Fieller row's single piece so both rays show. Unbounded ends become arrows.
    claim : float, optional
        A claimed ratio, drawn as a dashed vertical line (e.g. 4).
    xlim : (float, float)
        Range of the x axis; parts of intervals beyond it end in an arrow.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError, ValueError
        Not a DataFrame, missing columns, no ratio rows, or a bad ``xlim``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from clusternet import data
    >>> from clusternet.pipelines import fit_pipeline_logit, pipeline_effect_comparison
    >>> comparison = pipeline_effect_comparison(fit_pipeline_logit(data.load("norway_firm_survey")))
    >>> ax = plot_effect_ratio(comparison, claim=4)
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['Delta method', 'Fieller']
    >>> plt.close(ax.figure)

    References
    ----------
    - Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
      Statistical Society B* 16(2), 175-185.
    """
    require_dataframe(comparison, "comparison")
    require_columns(
        comparison, ["quantity", "method", "estimate", "ci_lower", "ci_upper"], "comparison"
    )
    ratios = comparison[comparison["quantity"] == "ratio"].reset_index(drop=True)
    if ratios.empty:
        raise ValueError("comparison has no rows with quantity 'ratio'")
    if len(xlim) != 2 or not xlim[0] < xlim[1]:
        raise ValueError(f"xlim must be (lower, upper) with lower < upper, got {xlim!r}")
    lo_lim, hi_lim = float(xlim[0]), float(xlim[1])
    if ax is None:
        _, ax = new_figure(height=max(3.0, 0.9 * len(ratios) + 1.6))
    rows = np.arange(len(ratios))[::-1]
    colour = OKABE_ITO["blue"]
    for y, (_, row) in zip(rows, ratios.iterrows(), strict=True):
        pieces = [(row["ci_lower"], row["ci_upper"])]
        if row["method"] == "Fieller" and fieller_pieces is not None:
            pieces = list(fieller_pieces)
        for lower, upper in pieces:
            a, b = max(float(lower), lo_lim), min(float(upper), hi_lim)
            if a >= b:  # the piece lies wholly off the axis: say where it is
                left = float(upper) <= lo_lim
                ax.annotate(
                    f"also {'below' if left else 'above'} {upper if left else lower:.0f}".replace(
                        "-", "\u2212"
                    ),
                    xy=(lo_lim if left else hi_lim, y),
                    xytext=(6 if left else -6, 9),
                    textcoords="offset points",
                    ha="left" if left else "right",
                    fontsize=12,
                    color=colour,
                    arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2},
                )
                continue
            ax.plot([a, b], [y, y], color=colour, linewidth=3, solid_capstyle="butt")
            span = 0.05 * (hi_lim - lo_lim)
            for end, edge, direction in ((float(lower), lo_lim, -1), (float(upper), hi_lim, 1)):
                if direction * (end - edge) > 0:  # the interval runs past the axis: arrow
                    ax.annotate(
                        "",
                        xy=(edge, y),
                        xytext=(edge - direction * span, y),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2.5},
                    )
        ax.plot(row["estimate"], y, "o", color="black", markersize=8, zorder=3)
    ax.axvline(1, color="0.4", linestyle=":", linewidth=1.5, label="Equal effects (1)")
    if claim is not None:
        ax.axvline(
            claim,
            color=OKABE_ITO["vermillion"],
            linestyle="--",
            linewidth=2,
            label=f"Press claim ({claim:g})",
        )
    ax.axvline(0, color="0.7", linewidth=1)
    ax.set_xlim(lo_lim, hi_lim)
    ax.set_ylim(rows.min() - 0.6, rows.max() + 0.6)
    labels = [str(m).replace(" (percentile)", "") for m in ratios["method"]]
    ax.set_yticks(rows, [m[:1].upper() + m[1:] for m in labels])
    ax.set_xlabel("International effect / regional effect (95% interval)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, fontsize=12)
    return ax


def plot_partner_concentration_change(
    change: pd.DataFrame,
    *,
    years: tuple[int, int] = (2020, 2025),
    label: tuple[str, ...] = (),
    ax=None,
):
    """Each economy's top-partner share in two years, with the line of no change.

    Parameters
    ----------
    change : pandas.DataFrame
        From ``clusternet.concentration_change``: ``economy``, ``top_share_before``,
        ``top_share_after``, ``top_partner_after``.
    years : tuple of int
        The two years, for the axis labels.
    label : tuple of str
        Economies to name beside their point.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    require_dataframe(change, "change")
    require_nonempty(change, "change")
    require_columns(
        change, ["economy", "top_share_before", "top_share_after", "top_partner_after"], "change"
    )
    if ax is None:
        _, ax = new_figure(width=6.0, height=5.0)
    us = change["top_partner_after"].eq("US").to_numpy()
    x = 100 * change["top_share_before"].to_numpy(dtype=float)
    y = 100 * change["top_share_after"].to_numpy(dtype=float)
    ax.plot([0, 100], [0, 100], ls="--", color="0.5", lw=1, label="No change")
    ax.scatter(x[us], y[us], color=OKABE_ITO["blue"], marker="o", s=22, alpha=0.8,
               label=f"Top partner in {years[1]}: United States")  # fmt: skip
    ax.scatter(x[~us], y[~us], color=OKABE_ITO["orange"], marker="D", s=22, alpha=0.9,
               label=f"Top partner in {years[1]}: another economy")  # fmt: skip
    for economy, xi, yi in zip(change["economy"], x, y, strict=True):
        if economy in label:
            ax.annotate(economy, (xi, yi), xytext=(3, 3), textcoords="offset points", fontsize=12)
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.set_xlabel(f"Share with the top partner, {years[0]} (%)")
    ax.set_ylabel(f"Share with the top partner, {years[1]} (%)")
    ax.legend(loc="upper left", frameon=False, fontsize=12)
    return ax
