"""Where the small-world Q chapter's numbers come from and how their intervals attach.

Private helper of :mod:`clusternet.book.small_world_q`.
Every number the chapter publishes carries one of the provenances below. Q and sigma have
a Monte Carlo standard error (benchmark draws, sampled path lengths) and carry the 95%
interval value +/- z * se (:func:`monte_carlo`). The slopes, odds ratios and Fieller
bounds have bounds named after a stem other than their estimate's name
(``uzzi_hit_slope_low_ci_lower`` for ``uzzi_hit_slope_low_slope``): :func:`pair` attaches
them (``interval_of``), and ``glue_published`` then glues them as they are.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

import pandas as pd
from scipy import stats

from clusternet.book.published import Published
from clusternet.glue import Provenance

__all__: list[str] = []  # private helpers of the small-world chapter

_BOUNDS = ("_ci_lower", "_ci_upper")

# --- sample data (Broadway-like history; seeded generator) -------------------------------
BROADWAY = Provenance(
    "sample data",
    "broadway_credits",
    caveat="Sample data: demonstrates the method, not evidence about Broadway or any real place.",
)
BROADWAY_SUCCESS = Provenance(
    "sample data",
    ("broadway_shows", "broadway_credits"),
    caveat="Sample data with an inverted U built in: shows that the method recovers it, "
    "not evidence about Broadway.",
)
PLANTED = Provenance(
    "analysis setting",
    "broadway_true_effects",
    caveat="Chosen when generating the sample data: the truth to recover, not a measurement.",
)

#: a threshold or parameter the chapter chose (``Settings``)
SETTING = Provenance("analysis setting", "clusternet")

# --- real data ---------------------------------------------------------------------------
WOMEN = Provenance(
    "real data",
    ("classics_southern_women_edges", "davis1941deep"),
    "1941",
    caveat="A tiny classic network that illustrates the method; random benchmarks simulated.",
)
WOMEN_REWIRED = replace(
    WOMEN,
    caveat="Against a simulated one-mode rewired benchmark, which overstates small worlds "
    "made of teams.",
)
JAZZ = Provenance("real data", ("classics_jazz_edges", "gleiser2003community"), "1912-1940")
JAZZ_SIGMA = replace(JAZZ, caveat=WOMEN_REWIRED.caveat)
_NBER_SOURCES = ("nber_papers", "nber_paper_authors", "davies2022nberwp")
NBER = Provenance("real data", _NBER_SOURCES, "1973-2021")
NBER_Q = replace(
    NBER,
    caveat="Against a simulated bipartite benchmark (few draws, sampled path lengths): compare "
    "Q only with the same benchmark and clustering measure.",
)
NBER_OUTCOMES = replace(NBER, caveat="Outcomes as of March 2022: recent papers are right-censored.")
NBER_SUCCESS = replace(
    NBER,
    caveat="Association, not causation: one Q per year, so other trends of those years "
    "compete with Q; outcomes as of March 2022.",
)
NBER_PROGRAMMES = Provenance("real data", (*_NBER_SOURCES, "nber_paper_programs"), "1973-2021")
NBER_TEAMS = replace(
    NBER_PROGRAMMES,
    caveat="Association among teams, not causation: who writes with whom is shaped by past "
    "success.",
)
EU = Provenance(
    "real data",
    "eu_h2020_participations",
    "2015-2020",
    caveat="CORDIS snapshot of 14 December 2020; organisations tied by shared projects.",
)
EU_Q = replace(
    EU,
    caveat="Against a simulated (two draws) or analytic bipartite benchmark with sampled path "
    "lengths; CORDIS snapshot of December 2020.",
)


def stamp(numbers: Mapping[str, Published], provenance: Provenance) -> dict[str, Published]:
    """``numbers`` with ``provenance`` on every number that has none yet."""
    return {
        name: number if number.provenance else replace(number, provenance=provenance)
        for name, number in numbers.items()
    }


def monte_carlo(number: Published, std_error: float, alpha: float) -> Published:
    """``number`` as an estimate with its Monte Carlo interval, value +/- z * std_error.

    Parameters
    ----------
    number : Published
        A Q or sigma.
    std_error : float
        Its Monte Carlo standard error (``SmallWorldResult.q_std_error``).
    alpha : float
        1 - confidence level.

    Returns
    -------
    Published
    """
    half = float(stats.norm.ppf(1 - alpha / 2)) * float(std_error)
    return replace(
        number,
        estimate=True,
        ci_lower=number.value - half,
        ci_upper=number.value + half,
        ci_level=1 - alpha,
    )


def extremes(
    numbers: Mapping[str, Published], rows: pd.DataFrame, names: tuple[str, str], alpha: float
) -> dict[str, Published]:
    """Monte Carlo intervals on the lowest and highest Q of ``rows``, published as ``names``.

    Parameters
    ----------
    numbers : mapping of str to Published
    rows : pandas.DataFrame
        The yearly results the extremes were taken from (columns ``q, q_std_error``).
    names : (str, str)
        Names of the lowest and the highest Q in ``numbers``.
    alpha : float

    Returns
    -------
    dict

    Raises
    ------
    ValueError
        A published extreme is not the extreme of ``rows``.
    """
    out = dict(numbers)
    for name, row in zip(names, (rows["q"].idxmin(), rows["q"].idxmax()), strict=True):
        if not math.isclose(out[name].value, rows.loc[row, "q"], rel_tol=1e-12):
            raise ValueError(f"{name!r} is not the extreme Q of the rows given")
        out[name] = monte_carlo(out[name], rows.loc[row, "q_std_error"], alpha)
    return out


def pair(
    numbers: Mapping[str, Published], estimate: str, stem: str, *, attach: bool = True
) -> dict[str, Published]:
    """Tie the bounds ``stem_ci_lower``/``stem_ci_upper`` to the number ``estimate``.

    Parameters
    ----------
    numbers : mapping of str to Published
    estimate : str
        Name of the estimate.
    stem : str
        The bounds' names without ``_ci_lower``/``_ci_upper``.
    attach : bool
        Make ``estimate`` an estimate carrying this interval (True), or only mark the bounds
        as an alternative interval of an estimate that has its own (Fieller bounds).

    Returns
    -------
    dict
    """
    out = dict(numbers)
    lower, upper = (out[stem + b] for b in _BOUNDS)
    number = out[estimate]
    if attach:
        out[estimate] = replace(number, estimate=True, ci_lower=lower.value, ci_upper=upper.value)
    for bound in _BOUNDS:
        old = out[stem + bound]
        out[stem + bound] = replace(
            old, interval_of=estimate, provenance=old.provenance or number.provenance
        )
    return out
