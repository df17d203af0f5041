"""Each figure's downloads, made in the chapter's kernel as the figure is shown.

:func:`register_figure_formatter` (called by :func:`clusternet.setup_book`) adds an IPython
display formatter for matplotlib figures. Next to the page's PNG, every displayed figure
then carries, under the MIME type :data:`FIGURE_MIME`, its SVG, a PNG at print resolution,
the plotted values as CSV (:func:`clusternet.plotting.plotted_data.plotted_data`) and the
smallest font size it uses. MyST-NB does not render this MIME type; the book's Sphinx
module :mod:`clusternet.sphinx_figures` reads it from the executed notebooks and writes the
files the readers download.
"""

from __future__ import annotations

import base64
import io
from contextlib import contextmanager

import matplotlib as mpl
import matplotlib.text
from matplotlib.figure import Figure

from clusternet.plotting.plotted_data import plotted_data

__all__ = ["FIGURE_MIME", "PRINT_DPI", "figure_bundle", "register_figure_formatter"]

#: MIME type of a figure's download bundle in the executed notebooks.
FIGURE_MIME = "application/vnd.clusternet.figure+json"
#: Resolution of the downloadable PNG (print quality).
PRINT_DPI = 300


@contextmanager
def _font_sizes():
    """Collect the size in points of every non-empty text matplotlib draws meanwhile."""
    sizes: list[float] = []
    original = matplotlib.text.Text.draw

    def draw(self, renderer):
        if self.get_visible() and self.get_text().strip() and self.get_alpha() != 0:
            sizes.append(float(self.get_fontsize()))
        return original(self, renderer)

    matplotlib.text.Text.draw = draw
    try:
        yield sizes
    finally:
        matplotlib.text.Text.draw = original


def figure_bundle(figure: Figure, *, dpi: int = PRINT_DPI) -> dict:
    """The downloadable versions of a figure, as one JSON-ready dictionary.

    Parameters
    ----------
    figure : matplotlib Figure
    dpi : int
        Resolution of the PNG.

    Returns
    -------
    dict
        ``svg`` (text), ``png`` (base64 text), ``png_dpi``, ``csv`` (the plotted values,
        one row per value), ``rows``, ``min_font_pt`` (smallest text drawn, in points; None
        without text) and ``width_in``/``height_in`` (size of the saved image in inches,
        the same for the page's image, whose resolution may differ).

    Raises
    ------
    TypeError
        ``figure`` is not a matplotlib Figure.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(4, 3))
    >>> _ = ax.plot([1, 2], [3, 4], label="demand")
    >>> _ = ax.set_xlabel("year", fontsize=11)
    >>> bundle = figure_bundle(fig, dpi=50)
    >>> bundle["svg"].lstrip().startswith("<?xml"), bundle["rows"], bundle["min_font_pt"] > 0
    (True, 2, True)
    >>> plt.close(fig)
    """
    if not isinstance(figure, Figure):
        raise TypeError(f"figure must be a matplotlib Figure, got {type(figure).__name__}")
    # Lay the figure out and measure it once; both files then reuse that layout and box
    # (about a third faster than two "tight" saves, which each draw twice).
    figure.draw_without_rendering()
    box = figure.get_tightbbox().padded(mpl.rcParams["savefig.pad_inches"])
    engine = figure.get_layout_engine()
    figure.set_layout_engine("none")
    svg, png = io.BytesIO(), io.BytesIO()
    try:
        with _font_sizes() as sizes:
            figure.savefig(svg, format="svg", bbox_inches=box, metadata={"Date": None})
        figure.savefig(png, format="png", dpi=dpi, bbox_inches=box)
    finally:
        figure.set_layout_engine("none" if engine is None else engine)
    png.seek(16)
    width_px = int.from_bytes(png.read(4), "big")
    height_px = int.from_bytes(png.read(4), "big")
    table = plotted_data(figure)
    return {
        "svg": svg.getvalue().decode("utf-8"),
        "png": base64.b64encode(png.getvalue()).decode("ascii"),
        "png_dpi": dpi,
        "csv": table.to_csv(index=False, lineterminator="\n"),
        "rows": int(len(table)),
        "min_font_pt": min(sizes) if sizes else None,
        "width_in": round(width_px / dpi, 3),
        "height_in": round(height_px / dpi, 3),
    }


def register_figure_formatter(shell=None) -> bool:
    """Make every figure displayed in the IPython ``shell`` carry :func:`figure_bundle`.

    Parameters
    ----------
    shell : IPython InteractiveShell, optional
        Default: the running one.

    Returns
    -------
    bool
        False outside IPython (nothing registered).
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython is a dependency of the book
            return False
        shell = get_ipython()
    if shell is None:
        return False
    from IPython.core.formatters import JSONFormatter, catch_format_error

    class FigureFormatter(JSONFormatter):
        """Figures only, by ``isinstance``: the inline backend, once it draws the first
        figure, removes every formatter's printer registered for ``Figure``."""

        format_type = FIGURE_MIME

        @catch_format_error
        def __call__(self, obj):
            return figure_bundle(obj) if self.enabled and isinstance(obj, Figure) else None

    formatters = shell.display_formatter.formatters
    formatters[FIGURE_MIME] = FigureFormatter(parent=shell.display_formatter)
    return True
