"""Settings of the small-world Q chapter (private: import them from
:mod:`clusternet.book.small_world_q`, which re-exports them).

Examples
--------
>>> SETTINGS.draws
10
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Settings", "SETTINGS"]


@dataclass(frozen=True)
class Settings:
    """Every choice the chapter makes: windows, years, seeds, draws and the regressions.

    Attributes
    ----------
    window : int
        Years of shows in each year's network (that year and the six before it).
    study_start : int
        First year of the study period (Uzzi and Spiro's 1945-1989).
    draws : int
        Simulated benchmark draws (bipartite configuration model or rewired graphs).
    women_seed : int
        Seed of Q and sigma of the southern women (and of networkx's sigma).
    networkx_niter, networkx_nrand : int
        ``niter`` and ``nrand`` of ``networkx.sigma`` for the southern women.
    yearly_seed : int
        Base seed of the yearly Q series (one seed sequence per year).
    pooled_seed : int
        Seed of Q of the pooled 1945-1989 network.
    sigma_seed : int
        Seed of sigma of the peak year's network and of the jazz bands.
    controls : tuple of str
        Controls of the inverted-U regressions.
    cluster : str
        Column the regressions' standard errors are clustered by (Q is one value a year).
    alpha : float
        1 - confidence level of every interval.
    nber_window : int
        Years of NBER working papers in each year's network (that year and the four before
        it): about the time a paper takes from working paper to journal, and short enough
        for the field's growth to show.
    nber_draws : int
        Simulated benchmark draws per yearly NBER network.
    nber_sources, nber_exact_limit : int
        BFS sources of the sampled path lengths, and the largest giant component whose
        path length is measured exactly instead.
    nber_seed : int
        Base seed of the NBER yearly series (one seed sequence per year).
    nber_min_giant_share : float
        Smallest share of authors in the giant component for a year's Q to enter the
        success regressions (the windows to 1981 hold 11-16%: Q of a fragment).
    nber_last_outcome_year : int
        Last issue year whose publication outcomes are used: later papers are
        right-censored (outcomes as of March 2022; the share with any recorded outlet falls
        from 2014 on).
    nber_controls : tuple of str
        Controls of the system-level success regressions.
    eu_years : tuple of int
        First and last project start year of the EU consortia networks (complete years of
        the CORDIS snapshot of December 2020).
    eu_min_partners : int
        Fewest organisations a project needs to enter the consortia network.
    eu_draws : int
        Simulated benchmark draws per yearly EU network.
    eu_seed : int
        Base seed of the EU consortia series.
    """

    window: int = 7
    study_start: int = 1945
    draws: int = 10
    women_seed: int = 1
    networkx_niter: int = 5
    networkx_nrand: int = 5
    yearly_seed: int = 0
    pooled_seed: int = 0
    sigma_seed: int = 1
    controls: tuple[str, ...] = ("team_size", "veteran_share")
    cluster: str = "year"
    alpha: float = 0.05
    nber_window: int = 5
    nber_draws: int = 3
    nber_sources: int = 64
    nber_exact_limit: int = 500
    nber_seed: int = 12
    nber_min_giant_share: float = 0.3
    nber_last_outcome_year: int = 2013
    nber_controls: tuple[str, ...] = ("team_size",)
    eu_years: tuple[int, int] = (2015, 2020)
    eu_min_partners: int = 2
    eu_draws: int = 2
    eu_seed: int = 20


SETTINGS = Settings()
