"""One look for every figure in the book.

:func:`set_theme` is called once by ``import clusternet`` in a chapter's first cell
(through :func:`clusternet.setup_book`). It sets a seaborn theme with the Okabe-Ito
colour-blind-safe palette and type large enough to read in print and on a phone. The
generic figure helpers here (forest plots, lines with confidence bands, network
drawings) keep styling out of the chapters; topic-specific figures live in the
``clusternet.plotting.<topic>`` modules.

References
----------
- Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): how to make figures
  and presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import re
import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_nonempty,
    require_numeric_columns,
)
from clusternet.plotting.plotted_data import record_plotted_data
from clusternet.plotting.tables import show_table

__all__ = [
    "PALETTE",
    "OKABE_ITO",
    "set_theme",
    "forest_plot",
    "line_with_band",
    "new_figure",
    "record_plotted_data",
    "ranked_bars",
    "markdown_table",
    "is_numeric_text",
    "numeric_columns",
    "show_table",
]

#: Okabe-Ito colours, in the order the book uses them.
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
PALETTE = list(OKABE_ITO.values())

#: widths in inches: a full text column and a half column. At 6 inches, 12-point text stays
#: at least 9 CSS pixels tall when a phone (390 px) shrinks the figure to its text column.
FULL_WIDTH, HALF_WIDTH = 6.0, 4.8
#: width of figures too dense for a phone's column (they scroll sideways there instead)
WIDE_WIDTH = 8.0


def set_theme() -> None:
    """Apply the book's theme: white grid, Okabe-Ito palette, large type, 150 dpi."""
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE, font_scale=1.15)
    mpl.rcParams.update(
        {
            "figure.figsize": (FULL_WIDTH, 4.8),
            "figure.dpi": 110,
            "savefig.dpi": 150,
            "savefig.bbox": "tight",
            "axes.titlesize": 14,
            "axes.titleweight": "bold",
            "axes.labelsize": 13,
            "xtick.labelsize": 12,
            "ytick.labelsize": 12,
            "legend.fontsize": 12,
            "legend.frameon": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "figure.constrained_layout.use": True,
            "image.cmap": "cividis",
        }
    )


def new_figure(
    width: float = FULL_WIDTH, height: float = 4.8, ncols: int = 1, nrows: int = 1, **kwargs
):
    """Return ``(figure, axes)`` sized for the book's text column."""
    return plt.subplots(nrows=nrows, ncols=ncols, figsize=(width, height), **kwargs)


def forest_plot(
    table: pd.DataFrame,
    *,
    estimate: str = "estimate",
    lower: str = "ci_lower",
    upper: str = "ci_upper",
    label: str = "term",
    group: str | None = None,
    reference: float | None = 1.0,
    log_scale: bool = False,
    xlabel: str = "Estimate (95% confidence interval)",
    ax=None,
):
    """Draw estimates with confidence intervals as a forest plot.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per estimate, e.g. from :func:`clusternet.models.coefficient_table`.
    estimate, lower, upper, label : str
        Column names.
    group : str, optional
        Column used to colour points (e.g. geographic scale).
    reference : float or None
        Draw a dashed vertical line here (1 for odds ratios, 0 for coefficients).
    log_scale : bool
        Logarithmic x axis (for odds ratios).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        ``table`` is not a DataFrame, or its estimate or interval columns are not numeric.
    ValueError
        Missing columns, an empty table, missing or infinite values, or an interval that
        does not contain its estimate.
    """
    require_dataframe(table, "table")
    columns = [estimate, lower, upper, label] + ([group] if group else [])
    require_columns(table, columns, "table")
    require_nonempty(table, "table")
    require_numeric_columns(table, "table", [estimate, lower, upper])
    numbers = table[[estimate, lower, upper]].to_numpy(dtype=float)
    if not np.isfinite(numbers).all():
        raise ValueError(
            f"table has missing or infinite values in {estimate!r}, {lower!r} or {upper!r}"
        )
    outside = (numbers[:, 1] > numbers[:, 0]) | (numbers[:, 0] > numbers[:, 2])
    if outside.any():
        rows = table.loc[outside, label].astype(str).tolist()
        raise ValueError(
            f"table has intervals that do not contain their estimate ({lower!r} <= {estimate!r} "
            f"<= {upper!r} fails) for {format_items(rows)}"
        )
    if ax is None:
        _, ax = new_figure(height=max(2.5, 0.45 * len(table) + 1.2))
    positions = np.arange(len(table))[::-1]
    groups = table[group].astype(str) if group else pd.Series(["all"] * len(table))
    colours = dict(zip(pd.unique(groups), PALETTE, strict=False))
    for level, colour in colours.items():
        mask = (groups == level).to_numpy()
        values = table.loc[mask]
        ax.errorbar(
            values[estimate],
            positions[mask],
            xerr=[values[estimate] - values[lower], values[upper] - values[estimate]],
            fmt="o",
            color=colour,
            ecolor=colour,
            elinewidth=2,
            capsize=3,
            markersize=7,
            label=None if group is None else level,
        )
    if reference is not None:
        ax.axvline(reference, color="0.4", linestyle="--", linewidth=1)
    ax.set_yticks(positions, table[label].astype(str))
    if log_scale:
        ax.set_xscale("log")
    # wrapped: a long label would stick out of a figure as narrow as a phone's column
    ax.set_xlabel("\n".join(textwrap.fill(line, 36) for line in xlabel.split("\n")))
    ax.grid(axis="y", visible=False)
    if group:
        ax.legend(loc="best")
    recorded = table[columns].rename(columns={lower: "ci_lower", upper: "ci_upper"})
    recorded[label] = recorded[label].astype(str).str.replace("\n", " ")
    record_plotted_data(ax, recorded)
    return ax


def line_with_band(x, mean, lower, upper, *, label=None, color=None, ax=None):
    """Draw a line with a shaded confidence band; return the Axes."""
    if ax is None:
        _, ax = new_figure()
    line = ax.plot(x, mean, label=label, color=color, linewidth=2.2)[0]
    ax.fill_between(x, lower, upper, color=line.get_color(), alpha=0.2, linewidth=0)
    return ax


def ranked_bars(
    values: pd.Series, *, top: int = 10, xlabel: str = "", highlight=None, reference=None, ax=None
):
    """Horizontal bars of the ``top`` largest values of a labelled Series, largest on top.

    Parameters
    ----------
    values : pandas.Series
        Values indexed by label.
    top : int
        How many bars.
    xlabel : str
        Axis label (say the unit).
    highlight : label or list of labels, optional
        Bars drawn in the accent colour.
    reference : float, optional
        Dashed vertical line (e.g. 1 for location quotients).

    Returns
    -------
    matplotlib Axes
    """
    if not isinstance(values, pd.Series):
        raise TypeError(f"values must be a pandas Series, got {type(values).__name__}")
    if values.empty:
        raise ValueError("values is empty; there is nothing to rank")
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        raise TypeError(f"values must be numeric to rank them, got dtype {values.dtype}")
    if not np.isfinite(values.to_numpy(dtype=float)).all():
        raise ValueError("values has missing or infinite entries; drop or fill them first")
    shown = values.sort_values(ascending=False).head(top)[::-1]
    highlight = (
        [] if highlight is None else ([highlight] if not isinstance(highlight, list) else highlight)
    )
    colours = [
        OKABE_ITO["vermillion"] if label in highlight else OKABE_ITO["blue"]
        for label in shown.index
    ]
    if ax is None:
        _, ax = new_figure(height=max(2.5, 0.42 * len(shown) + 1.0))
    ax.barh([str(i) for i in shown.index], shown.to_numpy(), color=colours)
    if reference is not None:
        ax.axvline(reference, color="0.3", linestyle="--", linewidth=1)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    record_plotted_data(ax, shown[::-1].rename_axis("label").rename(xlabel or "value").to_frame())
    return ax


#: Numeric columns right-aligned by the book's stylesheet (book.css): the first 16.
MAX_ALIGNED_COLUMNS = 16
#: One number as tables print it: sign (also Unicode minus and en dash), thousands
#: separators, decimals, exponent.
_NUMBER = re.compile(r"[+\-\u2212\u2013]?\d[\d,]*(?:\.\d+)?(?:e[+\-\u2212]?\d+)?")
#: Cells that say "no value" without being text (they neither make nor break a column).
_EMPTY_CELLS = frozenset({"", "\u2014", "\u2013", "-"})


def is_numeric_text(text) -> bool | None:
    """Whether a formatted table cell is a number; None for an empty or dash cell.

    A number may carry a sign, thousands separators, a unit symbol (``%``), an interval
    in brackets or parentheses, or a range with "to" or a dash; any other word makes the
    cell text.

    Parameters
    ----------
    text : str or number
        The cell as shown (a number is read as ``str(text)``).

    Returns
    -------
    bool or None
        None for an empty cell or a lone dash.

    Examples
    --------
    >>> [is_numeric_text(t) for t in ("5,964", "-1.23", "1.12 [1.06, 1.19]", "+78 (48 to 109)")]
    [True, True, True, True]
    >>> [is_numeric_text(t) for t in ("371 (19%; 19-22%)", "1\u20134", "8.5e-10", "\u2014")]
    [True, True, True, None]
    >>> [is_numeric_text(t) for t in ("1 (reference)", "33 % of employment", "DE", "nan")]
    [False, False, False, False]
    """
    cell = " ".join(str(text).split())
    if cell in _EMPTY_CELLS:
        return None
    if not _NUMBER.search(cell):
        return False
    rest = re.sub(r"\bto\b", " ", _NUMBER.sub(" ", cell))
    return not re.search(r"[^\W\d_]", rest)  # no letter left


def numeric_columns(frame: pd.DataFrame) -> list:
    """The columns of ``frame`` whose every non-empty cell :func:`is_numeric_text`.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table of formatted values (numbers are read with ``str``).

    Returns
    -------
    list
        Column labels, in the frame's order; a column of empty cells only is not numeric.

    Raises
    ------
    TypeError
        ``frame`` is not a DataFrame.

    Examples
    --------
    >>> import pandas as pd
    >>> numeric_columns(pd.DataFrame({"Region": ["A", "B"], "Jobs": ["1,200", "\u2014"],
    ...                               "LQ": ["1.2 [1.1, 1.3]", "0.9 [0.8, 1.0]"]}))
    ['Jobs', 'LQ']
    """
    require_dataframe(frame, "frame")
    return [frame.columns[position] for position in _numeric_positions(frame)]


def _numeric_positions(frame: pd.DataFrame) -> list[int]:
    """0-based positions of the numeric columns (labels may repeat: "95% interval")."""
    positions = []
    for position in range(frame.shape[1]):
        kinds = {is_numeric_text(value) for value in frame.iloc[:, position]} - {None}
        if kinds == {True}:
            positions.append(position)
    return positions


def markdown_table(
    frame: pd.DataFrame, *, caption: str, name: str, widths: list[int] | None = None
):
    """A numbered, captioned MyST list-table of ``frame``, for a code cell's output.

    The cell needs the metadata ``mystnb: {markdown_format: myst}`` so that the book
    parses the output as MyST: the table then gets a number and can be cross-referenced
    with ``{numref}`name```. Values are shown as they are: format them first. Columns
    whose every cell is a number (with or without a unit, sign, interval or range, see
    :func:`numeric_columns`) are right-aligned under a right-aligned header, as
    :func:`show_table` aligns numeric columns: the table gets the classes
    ``numbers-right-<k>`` (``k`` counted from 1), which the book's stylesheet aligns.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table; its column names become the header row.
    caption : str
        Caption (one paragraph).
    name : str
        Label, e.g. ``"tbl-lifecycle-checklist"``.
    widths : list of int, optional
        Relative column widths.

    Returns
    -------
    IPython.display.Markdown
    """
    from IPython.display import Markdown

    require_dataframe(frame, "frame")
    require_nonempty(frame, "frame")
    if not isinstance(caption, str) or not caption.strip() or "\n\n" in caption:
        raise ValueError("caption must be a non-empty, single-paragraph string")
    if not isinstance(name, str) or not name.startswith("tbl-") or " " in name:
        raise ValueError(
            f"name must be a label starting with 'tbl-' and without spaces, got {name!r}"
        )
    if widths is not None and len(widths) != frame.shape[1]:
        raise ValueError(f"widths needs one value per column ({frame.shape[1]}), got {len(widths)}")

    def cell(value) -> str:
        text = str(value).replace("\n", " ").strip() or " "
        # a cell starting with '#' would be read as a heading (an empty <h1> in the header)
        return "\\" + text if text.startswith("#") else text

    lines = ["```{list-table} " + " ".join(caption.split()), f":name: {name}", ":header-rows: 1"]
    positions = [k for k in _numeric_positions(frame) if k < MAX_ALIGNED_COLUMNS]
    if positions:
        lines.append(":class: " + " ".join(f"numbers-right-{k + 1}" for k in positions))
    if widths is not None:
        lines.append(":widths: " + " ".join(str(int(w)) for w in widths))
    lines.append("")
    for row in [list(frame.columns), *frame.itertuples(index=False, name=None)]:
        lines.append("* - " + cell(row[0]))
        lines.extend("  - " + cell(value) for value in row[1:])
    lines.append("```")
    return Markdown("\n".join(lines))
