"""Team level or system level, and one-mode yardsticks: steps of the small-world Q chapter.

Private helper of :mod:`clusternet.book.small_world_q` (which re-exports these steps): sigma
of the southern women, team familiarity against the system-level Q, and sigma of the
peak-Q year and of the jazz bands.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd

from clusternet import data
from clusternet.book._uzzi_provenance import (
    BROADWAY,
    JAZZ,
    JAZZ_SIGMA,
    WOMEN_REWIRED,
    monte_carlo,
    stamp,
)
from clusternet.book._uzzi_settings import SETTINGS, Settings
from clusternet.book.published import Published
from clusternet.smallworld import (
    AffiliationNetwork,
    SmallWorldResult,
    affiliation_network,
    small_world_sigma,
    team_repeat_share,
)

__all__ = [
    "WomenYardsticks",
    "TeamFamiliarity",
    "OneModeYardsticks",
    "women_yardsticks",
    "team_familiarity",
    "one_mode_yardsticks",
]


@dataclass(frozen=True)
class WomenYardsticks:
    """One-mode sigma of the southern women: networkx's and clusternet's."""

    sigma_networkx: float
    sigma: SmallWorldResult
    published: dict[str, Published]


def women_yardsticks(women: AffiliationNetwork, settings: Settings = SETTINGS) -> WomenYardsticks:
    """Sigma (Q's formula against a one-mode rewired yardstick) of the southern women.

    Computed twice: by ``networkx.sigma`` on the projected graph and by
    ``clusternet.small_world_sigma``.

    Parameters
    ----------
    women : AffiliationNetwork
    settings : Settings

    Returns
    -------
    WomenYardsticks
    """
    sigma_networkx = float(
        nx.sigma(
            women.projected_graph(),
            niter=settings.networkx_niter,
            nrand=settings.networkx_nrand,
            seed=settings.women_seed,
        )
    )
    sigma = small_world_sigma(women, draws=settings.draws, seed=settings.women_seed)
    published = {
        "uzzi_women_sigma_networkx": Published(
            sigma_networkx,
            f"networkx sigma (niter={settings.networkx_niter}, nrand={settings.networkx_nrand}, "
            f"seed {settings.women_seed}) of the southern women projection (real data)",
            unit="sigma",
            headline=False,
        ),
        "uzzi_women_sigma": Published(
            sigma.q,
            "Humphries-Gurney sigma (one-mode rewired benchmark, clusternet, "
            f"{settings.draws} draws, seed {settings.women_seed}) of the southern women "
            "projection (real data)",
            unit="sigma",
            headline=False,
        ),
    }
    published["uzzi_women_sigma"] = monte_carlo(
        published["uzzi_women_sigma"], sigma.q_std_error, settings.alpha
    )
    return WomenYardsticks(
        sigma_networkx=sigma_networkx, sigma=sigma, published=stamp(published, WOMEN_REWIRED)
    )


@dataclass(frozen=True)
class TeamFamiliarity:
    """Team familiarity of the study shows and the share of its variance between years."""

    familiarity: pd.DataFrame
    share_between: float
    published: dict[str, Published]


def team_familiarity(credits: pd.DataFrame, settings: Settings = SETTINGS) -> TeamFamiliarity:
    """Share of each team's pairs who worked together before, and how much of it is between years.

    Parameters
    ----------
    credits : pandas.DataFrame
        The ``broadway_credits`` sample data.
    settings : Settings

    Returns
    -------
    TeamFamiliarity
        ``familiarity``: ``team_repeat_share`` of the study shows; ``share_between``: the
        variance of the yearly means over the variance of the teams.
    """
    familiarity = team_repeat_share(credits, group="show")
    familiarity = familiarity[familiarity["year"] >= settings.study_start]
    between_years = familiarity.groupby("year")["repeat_share"].transform("mean").var()
    share_between = float(between_years / familiarity["repeat_share"].var())
    last = int(familiarity["year"].max())
    published = {
        "uzzi_familiarity_between_share": Published(
            share_between,
            "Share of the variance of team familiarity (share of a team's pairs who worked "
            "together before) that lies between years rather than within them (sample data, "
            f"{settings.study_start}-{last})",
            digits=0,
            percent=True,
            headline=False,
        )
    }
    return TeamFamiliarity(
        familiarity=familiarity,
        share_between=share_between,
        published=stamp(published, BROADWAY),
    )


@dataclass(frozen=True)
class OneModeYardsticks:
    """Sigma of the peak year's network and of the jazz bands, side by side."""

    peak_sigma: SmallWorldResult
    jazz_sigma: SmallWorldResult
    table: pd.DataFrame
    published: dict[str, Published]


def one_mode_yardsticks(
    credits: pd.DataFrame, peak: pd.Series, settings: Settings = SETTINGS
) -> OneModeYardsticks:
    """Sigma against the one-mode rewired yardstick: the peak-Q year and the jazz bands.

    Parameters
    ----------
    credits : pandas.DataFrame
        The ``broadway_credits`` sample data.
    peak : pandas.Series
        The peak-Q year's row of the yearly Q series (``yearly_q(...).peak``).
    settings : Settings

    Returns
    -------
    OneModeYardsticks
        ``table``: clustering ratio, path-length ratio, sigma and sizes of both networks.
    """
    years = credits["year"].between(peak["year"] - settings.window + 1, peak["year"])
    peak_network = affiliation_network(credits[years], group="show")
    peak_sigma = small_world_sigma(peak_network, draws=settings.draws, seed=settings.sigma_seed)
    jazz = nx.from_pandas_edgelist(data.load("classics_jazz_edges"))
    jazz_sigma = small_world_sigma(jazz, draws=settings.draws, seed=settings.sigma_seed)
    table = pd.DataFrame(
        {"Broadway-like peak year": peak_sigma.to_dict(), "jazz bands": jazz_sigma.to_dict()}
    ).loc[["clustering_ratio", "path_length_ratio", "q", "n_people", "n_ties"]]
    published = {
        "uzzi_peak_sigma": Published(
            peak_sigma.q,
            "Humphries-Gurney sigma (one-mode rewired benchmark) of the peak-Q year's network "
            "(sample data), to set against its Q",
            unit="sigma",
            digits=1,
        ),
        "uzzi_peak_sigma_clustering_ratio": Published(
            peak_sigma.clustering_ratio,
            "Clustering ratio against the one-mode rewired benchmark, peak-Q year (sample data)",
            unit="ratio",
            digits=1,
            headline=False,
        ),
        "uzzi_peak_q_clustering_ratio": Published(
            peak["clustering_ratio"],
            "Clustering ratio against the bipartite benchmark, peak-Q year (sample data)",
            unit="ratio",
            headline=False,
        ),
        "uzzi_jazz_sigma": Published(
            jazz_sigma.q,
            "Humphries-Gurney sigma of the jazz band network (real data, Gleiser and Danon "
            f"2003; one-mode rewired benchmark, {settings.draws} draws, seed "
            f"{settings.sigma_seed})",
            unit="sigma",
            provenance=JAZZ_SIGMA,
        ),
        "uzzi_jazz_clustering_ratio": Published(
            jazz_sigma.clustering_ratio,
            "Clustering ratio of the jazz band network against its one-mode rewired benchmark "
            "(real data)",
            unit="ratio",
            headline=False,
            provenance=JAZZ_SIGMA,
        ),
        "uzzi_jazz_bands": Published(
            jazz_sigma.n_people,
            "Bands in the jazz network (real data)",
            unit="bands",
            digits=0,
            headline=False,
            provenance=JAZZ,
        ),
    }
    for name, result in (("uzzi_peak_sigma", peak_sigma), ("uzzi_jazz_sigma", jazz_sigma)):
        published[name] = monte_carlo(published[name], result.q_std_error, settings.alpha)
    published = stamp(published, BROADWAY)
    return OneModeYardsticks(
        peak_sigma=peak_sigma, jazz_sigma=jazz_sigma, table=table, published=published
    )
