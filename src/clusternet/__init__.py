"""clusternet: tested helpers behind *Innovation in Clustered Networks*.

One subpackage per topic, the way networkx groups its algorithms:

- :mod:`clusternet.agglomeration`: Krugman's two-region core-periphery model (why
  clusters form);
- :mod:`clusternet.clusters`: location quotients, cluster strength, concentration
  indices and the Delgado-Porter-Stern growth regression (Porter chapter);
- :mod:`clusternet.connections`: Nesta's three layers of connections (creative clusters);
- :mod:`clusternet.hierarchy`: hierarchy and heterarchy measures, diffusion, robustness;
- :mod:`clusternet.smallworld`: Uzzi and Spiro's small-world quotient Q;
- :mod:`clusternet.pipelines`: global pipelines versus local interaction;
- :mod:`clusternet.lifecycle`: cluster life-cycle stages and indicators;
- :mod:`clusternet.models`: regression tables with confidence intervals;
- :mod:`clusternet.data`, :mod:`clusternet.samples`: data loading and seeded generators;
- :mod:`clusternet.glue`, :mod:`clusternet.plotting`: publishing numbers and figures.

The public functions of the topic modules are also available at the top level, e.g.
``clusternet.location_quotient``.
"""

from __future__ import annotations

import warnings

from clusternet import data, glue, models, plotting  # noqa: F401
from clusternet._version import __version__
from clusternet.agglomeration import *  # noqa: F401,F403
from clusternet.clusters import *  # noqa: F401,F403
from clusternet.connections import *  # noqa: F401,F403
from clusternet.glue import glue_number
from clusternet.hierarchy import *  # noqa: F401,F403
from clusternet.lifecycle import *  # noqa: F401,F403
from clusternet.pipelines import *  # noqa: F401,F403
from clusternet.plotting.export import register_figure_formatter
from clusternet.smallworld import *  # noqa: F401,F403

__all__ = ["__version__", "setup_book", "glue_number", "data", "glue", "models", "plotting"]


def setup_book() -> None:
    """Prepare a chapter's kernel: the book's plot theme and quiet, reproducible output.

    Called in the first cell of every chapter. Sets the seaborn theme, registers the
    display formatter that gives every figure its downloads
    (``clusternet.plotting.export``), pandas display options and filters two known
    third-party warnings that would otherwise leak into
    the rendered page (the book build treats every warning as an error, so any new
    warning still surfaces in the tests).
    """
    import pandas as pd

    plotting.set_theme()
    register_figure_formatter()  # each figure's SVG, print PNG and data, for its downloads
    pd.set_option("display.precision", 3)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 100)
    # seaborn 0.13.2 under matplotlib 3.11 (book-anchors.md, section 4)
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="seaborn")
    warnings.filterwarnings("ignore", message=".*vert: bool.*", category=PendingDeprecationWarning)
