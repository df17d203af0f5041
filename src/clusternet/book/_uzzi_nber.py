"""The yearly Q of economics: NBER working papers 1973-2021 (real data).

Private helper of :mod:`clusternet.book.small_world_q` (which re-exports these steps): the
authors x papers memberships, checked, and the yearly Q against both benchmarks with what
moves it. Success against Q and the team-level reading are in ``_uzzi_success``; EU
research consortia in ``_uzzi_eu``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from clusternet import data
from clusternet.book._uzzi_provenance import (
    NBER,
    NBER_Q,
    SETTING,
    extremes,
    monte_carlo,
    stamp,
)
from clusternet.book._uzzi_settings import SETTINGS, Settings
from clusternet.book.published import Published
from clusternet.smallworld import (
    small_world_q_by_year,
    team_memberships,
)

__all__ = ["NberYearly", "nber_memberships", "nber_yearly_q"]

_NBER = "real data: NBER working papers"


@cache
def _nber_memberships() -> pd.DataFrame:
    papers = data.load("nber_papers")
    authors = data.load("nber_paper_authors")
    programs = data.load("nber_paper_programs")
    first, last = int(papers["year"].min()), int(papers["year"].max())
    count = programs.groupby("paper")["program"].agg(["size", "first"])
    programme = pd.Series(
        np.where(count["size"] == 1, count["first"], "several"), index=count.index
    )
    papers = papers.assign(
        top_five=(papers["outlet"] == 1).astype(int),
        journal=papers["outlet"].isin([1, 2]).astype(int),
        published=papers["outlet"].notna().astype(int),
        programme=papers["paper"].map(programme).fillna("none").astype(str),
    )
    return team_memberships(papers, authors, team="paper", person="author", years=(first, last))


def nber_memberships() -> pd.DataFrame:
    """NBER authorships joined with their papers, checked (``clusternet.team_memberships``).

    Returns
    -------
    pandas.DataFrame
        One row per paper and author: ``paper, author, year, month, outlet`` and the 0/1
        outcomes ``top_five`` (outlet 1), ``journal`` (outlet 1 or 2), ``published`` (any
        outlet), and ``programme`` (the paper's NBER programme, ``several`` or ``none``).
        Read once per process.

    Raises
    ------
    FileNotFoundError, clusternet.data.DataValidationError
        A data file is missing or does not match its spec.
    ValueError
        Authorships of unknown papers, duplicated authorships, papers without authors.
    """
    return _nber_memberships().copy()


# ---------------------------------------------------------------------------
# the yearly Q of economics
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NberYearly:
    """The NBER yearly Q series against both benchmarks and what moves it."""

    yearly: pd.DataFrame
    yearly_analytic: pd.DataFrame
    drivers: pd.DataFrame
    published: dict[str, Published]

    @property
    def drivers_table(self) -> pd.DataFrame:
        """``drivers`` formatted for the reader (one row per selected year)."""
        d = self.drivers
        return pd.DataFrame(
            {
                "Year": d.index.astype(str),
                "Papers": d["n_groups"].map("{:,.0f}".format),
                "Authors": d["n_people"].map("{:,.0f}".format),
                "Authors per paper": d["mean_team_size"].map("{:.2f}".format),
                "Giant component": (100 * d["giant_share"]).map("{:.0f}%".format),
                "Clustering ratio": d["clustering_ratio"].map("{:.2f}".format),
                "Path-length ratio": d["path_length_ratio"].map("{:.2f}".format),
                "Q": d["q"].map("{:.2f}".format),
            }
        )


def nber_yearly_q(memberships: pd.DataFrame, settings: Settings = SETTINGS) -> NberYearly:
    """Q of each year's NBER network (papers of a moving window), simulated and analytic.

    Parameters
    ----------
    memberships : pandas.DataFrame
        From :func:`nber_memberships`.
    settings : Settings

    Returns
    -------
    NberYearly
        ``yearly`` (simulated benchmark; every field of ``SmallWorldResult`` plus
        ``mean_team_size``, ``usable`` and ``exclusion_reason``), ``yearly_analytic`` and
        ``drivers`` (a table of selected years).
    """
    options = {
        "window": settings.nber_window,
        "person": "author",
        "group": "paper",
        "seed": settings.nber_seed,
        "sources": settings.nber_sources,
        "exact_limit": settings.nber_exact_limit,
    }
    both = small_world_q_by_year(
        memberships, benchmark="both", draws=settings.nber_draws, **options
    )
    yearly = both[both["benchmark"] == "simulated"].reset_index(drop=True)
    analytic = both[both["benchmark"] == "analytic"].reset_index(drop=True)
    w = settings.nber_window
    team = memberships.groupby("paper").agg(year=("year", "first"), size=("author", "size"))
    yearly["mean_team_size"] = [
        team.loc[team["year"].between(y - w + 1, y), "size"].mean() for y in yearly["year"]
    ]
    small = yearly["giant_share"] < settings.nber_min_giant_share
    yearly["usable"] = ~small
    yearly["exclusion_reason"] = np.where(
        small, f"giant component below {settings.nber_min_giant_share:.0%} of authors", ""
    )
    used = yearly[yearly["usable"]]
    gap = 1 - analytic["q"] / yearly["q"]
    first, last = int(used["year"].iloc[0]), int(used["year"].iloc[-1])
    picks = [first, 1990, 2000, 2010, last]
    drivers = yearly.set_index("year").loc[
        picks,
        [
            "n_groups",
            "n_people",
            "mean_team_size",
            "giant_share",
            "clustering_ratio",
            "path_length_ratio",
            "q",
        ],
    ]
    label = f"({_NBER}, {w}-year windows; transitivity; simulated bipartite benchmark)"
    published = {
        "uzzi_nber_q_min": Published(
            used["q"].min(), f"Lowest yearly Q of economics, {first}-{last} {label}", unit="Q"
        ),
        "uzzi_nber_q_max": Published(
            used["q"].max(), f"Highest yearly Q of economics, {first}-{last} {label}", unit="Q"
        ),
        "uzzi_nber_q_first": Published(
            used["q"].iloc[0], f"Q of economics in {first} {label}", unit="Q"
        ),
        "uzzi_nber_q_last": Published(
            used["q"].iloc[-1], f"Q of economics in {last} {label}", unit="Q"
        ),
        "uzzi_nber_q_se_max": Published(
            used["q_std_error"].max(),
            f"Largest standard error of a yearly Q of economics, {first}-{last} ({_NBER})",
            unit="Q",
            digits=3,
            headline=False,
        ),
        "uzzi_nber_first_year": Published(
            first,
            f"First year whose NBER network has a giant component of at least "
            f"{settings.nber_min_giant_share:.0%} of authors ({_NBER})",
            unit="year",
            digits=0,
            thousands=False,
            headline=False,
            provenance=NBER,
        ),
        "uzzi_nber_min_giant_share": Published(
            settings.nber_min_giant_share,
            "Smallest share of authors in the giant component for a year's NBER network to "
            "be shown and used (a threshold the chapter chose)",
            digits=0,
            percent=True,
            headline=False,
            provenance=SETTING,
        ),
        "uzzi_nber_early_giant_max": Published(
            yearly.loc[small, "giant_share"].max(),
            f"Largest giant-component share of the NBER networks before {first} ({_NBER})",
            digits=0,
            percent=True,
            headline=False,
            provenance=NBER,
        ),
        "uzzi_nber_analytic_q_gap": Published(
            gap[yearly["usable"]].median(),
            f"Median, over the {len(used)} yearly NBER networks of {first}-{last}, of how much "
            f"lower Q is with the analytic benchmark than with the simulated one ({_NBER})",
            digits=0,
            percent=True,
        ),
        "uzzi_nber_analytic_q_gap_min": Published(
            gap[yearly["usable"]].min(),
            f"Smallest yearly gap between simulated and analytic Q, {first}-{last} ({_NBER}; "
            "negative: analytic Q higher)",
            digits=0,
            percent=True,
            signed=True,
            headline=False,
        ),
        "uzzi_nber_analytic_q_gap_max": Published(
            gap[yearly["usable"]].max(),
            f"Largest yearly gap between simulated and analytic Q, {first}-{last} ({_NBER})",
            digits=0,
            percent=True,
            headline=False,
        ),
    }
    for year in (first, last):
        row = yearly.set_index("year").loc[year]
        for name, words, fmt in (
            ("n_people", "authors in the network", {"digits": 0, "unit": "authors"}),
            ("n_groups", "papers in the network", {"digits": 0, "unit": "papers"}),
            ("mean_team_size", "mean authors per paper", {"digits": 2, "unit": "authors"}),
            ("giant_share", "share of authors in the giant component", {"percent": True}),
            ("clustering_ratio", "clustering ratio", {"unit": "ratio"}),
            ("path_length_ratio", "path-length ratio", {"unit": "ratio"}),
        ):
            end = "first" if year == first else "last"
            published[f"uzzi_nber_{name}_{end}"] = Published(
                row[name],
                f"NBER network of {year - w + 1}-{year}: {words} ({_NBER})",
                headline=False,
                provenance=NBER_Q if name.endswith("ratio") else NBER,
                **({"digits": 0} | fmt if fmt.get("percent") else fmt),
            )
    published = extremes(published, used, ("uzzi_nber_q_min", "uzzi_nber_q_max"), settings.alpha)
    for end, row in (("first", used.index[0]), ("last", used.index[-1])):
        name = f"uzzi_nber_q_{end}"
        published[name] = monte_carlo(published[name], used.loc[row, "q_std_error"], settings.alpha)
    published = stamp(published, NBER_Q)
    return NberYearly(yearly=yearly, yearly_analytic=analytic, drivers=drivers, published=published)
