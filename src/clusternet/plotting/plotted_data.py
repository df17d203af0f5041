"""The numbers behind a figure, as a tidy table for its CSV download.

A plotting function that knows the table it draws records it on the figure with
:func:`record_plotted_data`; every other figure falls back to
:func:`extract_plotted_data`, which reads the values back from what matplotlib drew
(lines, bars, markers, error bars and heatmap cells), so that no figure of the book is
without its data. :func:`plotted_data` returns whichever applies.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection, PolyCollection, QuadMesh
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

__all__ = ["record_plotted_data", "plotted_data", "extract_plotted_data", "COLUMNS"]

_ATTRIBUTE = "_clusternet_plotted_data"
#: Columns of the generic table (one row per plotted value).
COLUMNS = ["panel", "series", "element", "x_axis", "x", "y_axis", "y", "value", "text"]


def _figure_of(target) -> Figure:
    if isinstance(target, Figure):
        return target
    if isinstance(target, Axes):
        return target.figure
    items = np.ravel(np.asarray(target, dtype=object))
    if items.size and isinstance(items[0], Axes):
        return items[0].figure
    raise TypeError(f"expected a matplotlib Figure or Axes, got {type(target).__name__}")


def record_plotted_data(target, frame: pd.DataFrame, *, panel: str | None = None) -> None:
    """Attach the table a figure plots, for its CSV download.

    Parameters
    ----------
    target : matplotlib Figure, Axes or array of Axes
        The figure (or any of its axes).
    frame : pandas.DataFrame
        The plotted values, one row per plotted value, with readable column names.
    panel : str, optional
        Name of the panel, for a figure whose panels record separate tables (a ``panel``
        column is then added).

    Raises
    ------
    TypeError
        ``target`` is not a figure or axes, or ``frame`` is not a DataFrame.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> record_plotted_data(ax, pd.DataFrame({"state": ["MI"], "ratio": [4.2]}))
    >>> plotted_data(fig).to_dict("records")
    [{'state': 'MI', 'ratio': 4.2}]
    >>> plt.close(fig)
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
    figure = _figure_of(target)
    frame = frame.reset_index(drop=not _named_index(frame))
    if panel is not None:
        frame.insert(0, "panel", panel)
    recorded = getattr(figure, _ATTRIBUTE, [])
    setattr(figure, _ATTRIBUTE, [*recorded, frame])


def _named_index(frame: pd.DataFrame) -> bool:
    return any(name is not None for name in frame.index.names)


def plotted_data(figure: Figure) -> pd.DataFrame:
    """The recorded table of ``figure``, or else the values read back from its artists.

    Parameters
    ----------
    figure : matplotlib Figure

    Returns
    -------
    pandas.DataFrame
        At least one row unless the figure draws no data at all.
    """
    recorded = getattr(figure, _ATTRIBUTE, None)
    if recorded:
        return pd.concat(recorded, ignore_index=True, sort=False)
    return extract_plotted_data(figure)


def _label(artist) -> str:
    label = artist.get_label() or ""
    return "" if label.startswith("_") else label


def _ticks(axis) -> dict[float, str]:
    """Tick position -> label text, for axes whose ticks name categories."""
    out = {}
    for position, label in zip(axis.get_ticklocs(), axis.get_ticklabels(), strict=False):
        text = label.get_text().strip()
        if text:
            out[float(position)] = text
    numeric = all(_is_number(text) for text in out.values())
    return {} if numeric else out


def _is_number(text: str) -> bool:
    try:
        float(text.replace("\u2212", "-").replace(",", "").rstrip("%"))
    except ValueError:
        return False
    return True


def _name(value: float, ticks: dict[float, str]):
    """A category name for a position on a categorical axis, else the number."""
    for position, text in ticks.items():
        if abs(position - value) < 1e-6:
            return text
    return float(value)


class _Panel:
    def __init__(self, ax: Axes, index: int, count: int):
        self.ax = ax
        title = ax.get_title() or ax.get_title("left")
        self.name = title or (f"panel {index + 1}" if count > 1 else "")
        self.x_axis = ax.get_xlabel()
        self.y_axis = ax.get_ylabel()
        self.x_ticks = _ticks(ax.xaxis)
        self.y_ticks = _ticks(ax.yaxis)
        self.rows: list[dict] = []

    def add(self, series, element, x, y, value=np.nan, text=""):
        self.rows.append(
            {
                "panel": self.name,
                "series": series,
                "element": element,
                "x_axis": self.x_axis,
                "x": _name(x, self.x_ticks) if np.isfinite(x) else x,
                "y_axis": self.y_axis,
                "y": _name(y, self.y_ticks) if np.isfinite(y) else y,
                "value": value,
                "text": text,
            }
        )


def _lines(panel: _Panel) -> None:
    for line in panel.ax.get_lines():
        xs, ys = (np.asarray(v, dtype=float) for v in line.get_data(orig=True))
        if xs.size == 2 and line.get_transform() != panel.ax.transData:
            continue  # axhline / axvline: a reference, not data
        for x, y in zip(np.ravel(xs), np.ravel(ys), strict=False):
            panel.add(_label(line), "line point", x, y)


def _bars(panel: _Panel) -> set:
    seen = set()
    for container in panel.ax.containers:
        if not isinstance(container, BarContainer):
            continue
        horizontal = container.orientation == "horizontal"
        for patch in container.patches:
            seen.add(id(patch))
            x0, y0 = patch.get_xy()
            if horizontal:
                panel.add(
                    _label(container), "bar", x0 + patch.get_width(), y0 + patch.get_height() / 2
                )
            else:
                panel.add(
                    _label(container), "bar", x0 + patch.get_width() / 2, y0 + patch.get_height()
                )
    return seen


def _collections(panel: _Panel) -> None:
    for collection in panel.ax.collections:
        if not collection.get_visible():
            continue
        if isinstance(collection, QuadMesh):
            _mesh(panel, collection)
        elif isinstance(collection, PathCollection):
            values = collection.get_array()
            for i, (x, y) in enumerate(collection.get_offsets()):
                value = float(values[i]) if values is not None and i < len(values) else np.nan
                panel.add(_label(collection), "marker", float(x), float(y), value)
        elif isinstance(collection, LineCollection):
            for segment in collection.get_segments():
                if len(segment) == 2:
                    (x0, y0), (x1, y1) = segment
                    panel.add(_label(collection), "interval start", float(x0), float(y0))
                    panel.add(_label(collection), "interval end", float(x1), float(y1))
        elif isinstance(collection, PolyCollection):
            continue  # shaded bands: their bounds are usually lines or recorded data


def _mesh(panel: _Panel, mesh: QuadMesh) -> None:
    values = np.ma.asarray(mesh.get_array())
    corners = np.asarray(mesh.get_coordinates())
    centres = (corners[:-1, :-1] + corners[1:, 1:]) / 2
    values = values.reshape(centres.shape[:2])
    for (i, j), value in np.ndenumerate(values):
        if np.ma.is_masked(value):
            continue
        panel.add(
            _label(mesh), "cell", float(centres[i, j, 0]), float(centres[i, j, 1]), float(value)
        )


def _images(panel: _Panel) -> None:
    for image in panel.ax.images:
        if not isinstance(image, AxesImage):
            continue
        values = np.ma.asarray(image.get_array())
        if values.ndim != 2:
            continue
        left, right, bottom, top = image.get_extent()
        rows, cols = values.shape
        xs = left + (np.arange(cols) + 0.5) * (right - left) / cols
        ys = top + (np.arange(rows) + 0.5) * (bottom - top) / rows
        if image.origin == "lower":
            ys = ys[::-1]
        for (i, j), value in np.ndenumerate(values):
            if not np.ma.is_masked(value):
                panel.add(_label(image), "cell", float(xs[j]), float(ys[i]), float(value))


def extract_plotted_data(figure: Figure) -> pd.DataFrame:
    """Read the plotted values back from a figure's artists, one row per value.

    Lines give their points, bar charts one row per bar (its category and length),
    scatter plots one row per marker, error bars the two ends of each interval, and
    heatmaps (``pcolormesh``, seaborn's ``heatmap``, ``imshow``) one row per cell. A
    position on an axis whose ticks are words is replaced by that word. A figure without
    any of these (a diagram) gives its texts and their positions.

    Parameters
    ----------
    figure : matplotlib Figure

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS` that are not empty; ``value`` holds a cell's or marker's
        colour value, ``text`` a diagram's words.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.bar(["a", "b"], [3.0, 5.0])
    >>> extract_plotted_data(fig)[["x", "y"]].to_dict("records")
    [{'x': 'a', 'y': 3.0}, {'x': 'b', 'y': 5.0}]
    >>> plt.close(fig)
    """
    if not isinstance(figure, Figure):
        raise TypeError(f"figure must be a matplotlib Figure, got {type(figure).__name__}")
    axes = [ax for ax in figure.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    rows = []
    for index, ax in enumerate(axes):
        panel = _Panel(ax, index, len(axes))
        _lines(panel)
        _bars(panel)
        _collections(panel)
        _images(panel)
        rows += panel.rows
    if not rows:  # a diagram: its words are its content
        for index, ax in enumerate(axes):
            panel = _Panel(ax, index, len(axes))
            for text in ax.texts:
                if text.get_visible() and text.get_text().strip():
                    x, y = text.get_position()
                    panel.add(
                        "", "text", float(x), float(y), text=" ".join(text.get_text().split())
                    )
            rows += panel.rows
    frame = pd.DataFrame(rows, columns=COLUMNS)
    empty = [c for c in frame.columns if frame[c].isna().all() or (frame[c] == "").all()]
    return frame.drop(columns=empty) if len(frame) else frame
