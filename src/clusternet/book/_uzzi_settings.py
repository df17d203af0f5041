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


SETTINGS = Settings()
