"""Analysis of the chapter "Why clusters form": Krugman's core-periphery model, executed.

Every number is a **simulation** of the two-region model (Krugman 1991; Fujita, Krugman
and Venables 1999, chapter 5) at illustrative parameters set in ``SETTINGS``; none is a
measurement of a real place. Steps:

- ``critical_points``: the break and sustain points, analytic and numerical, and how far
  they agree;
- ``wage_gap_curves``: the real-wage gap against the share of industry at three transport
  costs (the "wiggle diagram");
- ``tomahawk``: the bifurcation diagram over a grid of transport costs;
- ``parameter_sensitivity``: break and sustain points for other parameter values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from clusternet.agglomeration.core_periphery import (
    break_point,
    numerical_break_point,
    numerical_sustain_point,
    real_wage_gap,
    sustain_point,
)
from clusternet.agglomeration.tomahawk import tomahawk_diagram
from clusternet.book.published import Published, published_values
from clusternet.glue import Provenance

__all__ = [
    "Settings",
    "SETTINGS",
    "CriticalPoints",
    "WageGapCurves",
    "Tomahawk",
    "Sensitivity",
    "critical_points",
    "wage_gap_curves",
    "tomahawk",
    "parameter_sensitivity",
    "key_results",
]

_KIND = "(simulation: two-region core-periphery model, sigma = {sigma:g}, mu = {mu:g})"

# --------------------------------------------------------------------------- provenance
#: Outputs of the two-region core-periphery model (closed forms and solved equilibria).
SIMULATION = Provenance(
    "simulation",
    ("krugman1991increasing", "fujita1999spatial"),
    caveat="Simulation of a stylised two-region model at illustrative parameters: a mechanism, "
    "not a measurement of a real place.",
)
#: Parameters, transport costs and grid sizes the chapter chose to illustrate the model.
SETTING = Provenance(
    "analysis setting",
    "clusternet",
    caveat="Chosen to illustrate the model, not estimated from data.",
)


@dataclass(frozen=True)
class Settings:
    """Parameters of the chapter's simulations (illustrative, not estimated).

    Attributes
    ----------
    sigma : float
        Elasticity of substitution between manufactured varieties.
    mu : float
        Manufacturing share of expenditure.
    cost_min, cost_max : float
        Range of iceberg transport costs of the tomahawk diagram.
    n_costs : int
        Transport costs on the diagram's grid.
    n_shares : int
        Shares of industry on [1/2, 1] solved at each cost.
    curve_costs : tuple of float
        Transport costs of the three real-wage-gap curves (low, middle, high).
    sensitivity : tuple of (sigma, mu)
        Other parameter values for the sensitivity table.
    """

    sigma: float = 5.0
    mu: float = 0.4
    cost_min: float = 1.0
    cost_max: float = 2.2
    n_costs: int = 300
    n_shares: int = 101
    curve_costs: tuple = (1.5, 1.7, 2.0)
    sensitivity: tuple = field(default=((5.0, 0.3), (5.0, 0.4), (5.0, 0.5), (4.0, 0.4), (8.0, 0.4)))


SETTINGS = Settings()


@dataclass(frozen=True)
class CriticalPoints:
    """Break and sustain points of the model at ``SETTINGS``, analytic and numerical."""

    break_point: float
    sustain_point: float
    numerical_break_point: float
    numerical_sustain_point: float
    table: pd.DataFrame
    published: dict


def critical_points(settings: Settings = SETTINGS) -> CriticalPoints:
    """The break and sustain points, from their formulas and from the solved model.

    Parameters
    ----------
    settings : Settings

    Returns
    -------
    CriticalPoints
        With a reader-facing ``table`` and the published numbers.
    """
    sigma, mu = settings.sigma, settings.mu
    kind = _KIND.format(sigma=sigma, mu=mu)
    t_b, t_s = break_point(sigma, mu), sustain_point(sigma, mu)
    n_b, n_s = numerical_break_point(sigma, mu), numerical_sustain_point(sigma, mu)
    table = pd.DataFrame(
        {
            "Point": ["Break point T(B)", "Sustain point T(S)"],
            "From the formula": [f"{t_b:.10f}", f"{t_s:.10f}"],
            "From the solved model": [f"{n_b:.10f}", f"{n_s:.10f}"],
            "Relative difference": [f"{abs(n_b / t_b - 1):.1e}", f"{abs(n_s / t_s - 1):.1e}"],
        }
    )
    published = {
        "formation_sigma": Published(
            sigma,
            f"Elasticity of substitution used in the chapter's model {kind}.",
            unit="elasticity",
            digits=0,
            headline=False,
            provenance=SETTING,
        ),
        "formation_mu": Published(
            mu,
            f"Manufacturing share of spending used in the chapter's model {kind}.",
            unit="share",
            digits=1,
            headline=False,
            provenance=SETTING,
        ),
        "formation_break_point": Published(
            t_b,
            "Break point: iceberg transport cost below which an even spread of industry "
            f"between two regions becomes unstable {kind}.",
            unit="units shipped per unit arriving",
            digits=2,
            provenance=SIMULATION,
        ),
        "formation_sustain_point": Published(
            t_s,
            "Sustain point: iceberg transport cost below which a region holding all industry "
            f"keeps it {kind}.",
            unit="units shipped per unit arriving",
            digits=2,
            provenance=SIMULATION,
        ),
        "formation_break_loss": Published(
            1.0 - 1.0 / t_b,
            f"Share of a shipment lost in transport at the break point, 1 - 1/T(B) {kind}.",
            unit="% of the goods shipped",
            digits=0,
            percent=True,
            headline=False,
            provenance=SIMULATION,
        ),
        "formation_sustain_loss": Published(
            1.0 - 1.0 / t_s,
            f"Share of a shipment lost in transport at the sustain point, 1 - 1/T(S) {kind}.",
            unit="% of the goods shipped",
            digits=0,
            percent=True,
            headline=False,
            provenance=SIMULATION,
        ),
    }
    return CriticalPoints(t_b, t_s, n_b, n_s, table, published)


@dataclass(frozen=True)
class WageGapCurves:
    """Real-wage gap against the share of industry, at three transport costs."""

    curves: pd.DataFrame
    published: dict


def wage_gap_curves(settings: Settings = SETTINGS, *, n_shares: int = 201) -> WageGapCurves:
    """The real-wage gap ``omega_1 - omega_2`` on a grid of shares, at ``curve_costs``.

    Returns
    -------
    WageGapCurves
        ``curves``: ``transport_cost, share, gap`` (long format); ``published``: the
        three costs.
    """
    shares = np.linspace(0.0, 1.0, n_shares)
    costs = np.asarray(settings.curve_costs, dtype=float)
    gaps = real_wage_gap(shares[None, :], costs[:, None], sigma=settings.sigma, mu=settings.mu)
    curves = pd.DataFrame(
        {
            "transport_cost": np.repeat(costs, n_shares),
            "share": np.tile(shares, costs.size),
            "gap": gaps.ravel(),
        }
    )
    kind = _KIND.format(sigma=settings.sigma, mu=settings.mu)
    names = ("low", "middle", "high")
    published = {
        f"formation_curve_cost_{name}": Published(
            cost,
            f"Transport cost of the {name}-cost real-wage-gap curve {kind}.",
            unit="units shipped per unit arriving",
            digits=1,
            headline=False,
            provenance=SETTING,
        )
        for name, cost in zip(names, costs, strict=True)
    }
    return WageGapCurves(curves, published)


@dataclass(frozen=True)
class Tomahawk:
    """The bifurcation diagram and what its grid says about the critical points."""

    diagram: pd.DataFrame
    grid_break: float
    grid_sustain: float
    published: dict


def tomahawk(settings: Settings = SETTINGS) -> Tomahawk:
    """The tomahawk diagram over ``n_costs`` transport costs.

    Returns
    -------
    Tomahawk
        ``diagram`` from ``tomahawk_diagram``; ``grid_break``: the lowest cost on the grid
        at which the even spread is stable; ``grid_sustain``: the highest at which the
        core-periphery pattern is.
    """
    costs = np.linspace(settings.cost_min, settings.cost_max, settings.n_costs)
    diagram = tomahawk_diagram(
        costs, sigma=settings.sigma, mu=settings.mu, n_shares=settings.n_shares
    )
    stable = diagram[diagram["stable"]]
    grid_break = float(stable.loc[stable["kind"] == "dispersed", "transport_cost"].min())
    grid_sustain = float(stable.loc[stable["kind"] == "core-periphery", "transport_cost"].max())
    kind = _KIND.format(sigma=settings.sigma, mu=settings.mu)
    published = {
        "formation_tomahawk_costs": Published(
            settings.n_costs,
            f"Transport costs solved for the tomahawk diagram {kind}.",
            unit="grid points",
            digits=0,
            headline=False,
            provenance=SETTING,
        ),
        "formation_grid_break": Published(
            grid_break,
            f"Lowest transport cost on the diagram's grid at which the even spread is stable {kind}.",
            unit="units shipped per unit arriving",
            digits=3,
            headline=False,
            provenance=SIMULATION,
        ),
        "formation_grid_sustain": Published(
            grid_sustain,
            "Highest transport cost on the diagram's grid at which full agglomeration is "
            f"stable {kind}.",
            unit="units shipped per unit arriving",
            digits=3,
            headline=False,
            provenance=SIMULATION,
        ),
    }
    return Tomahawk(diagram, grid_break, grid_sustain, published)


@dataclass(frozen=True)
class Sensitivity:
    """Break and sustain points for other parameter values."""

    table: pd.DataFrame
    published: dict


def parameter_sensitivity(settings: Settings = SETTINGS) -> Sensitivity:
    """Break and sustain points (formulas) for each ``(sigma, mu)`` in ``sensitivity``.

    Returns
    -------
    Sensitivity
        ``table`` with formatted columns for the chapter.
    """
    rows = []
    for sigma, mu in settings.sensitivity:
        t_b, t_s = break_point(sigma, mu), sustain_point(sigma, mu)
        rows.append((sigma, mu, t_b, t_s))
    frame = pd.DataFrame(rows, columns=["sigma", "mu", "break", "sustain"])
    table = pd.DataFrame(
        {
            "Elasticity of substitution (sigma)": frame["sigma"].map("{:g}".format),
            "Manufacturing share (mu)": frame["mu"].map("{:g}".format),
            "Break point T(B)": frame["break"].map("{:.3f}".format),
            "Sustain point T(S)": frame["sustain"].map("{:.3f}".format),
            "Band where both are stable": (frame["sustain"] - frame["break"]).map("{:.3f}".format),
        }
    )
    high_mu = frame.loc[frame["mu"].idxmax()]
    published = {
        "formation_high_mu": Published(
            float(high_mu["mu"]),
            "Highest manufacturing share in the sensitivity table.",
            unit="share",
            digits=1,
            headline=False,
            provenance=SETTING,
        ),
        "formation_high_mu_break_point": Published(
            float(high_mu["break"]),
            "Break point with the highest manufacturing share of the sensitivity table "
            f"(simulation: core-periphery model, sigma = {high_mu['sigma']:g}, "
            f"mu = {high_mu['mu']:g}).",
            unit="units shipped per unit arriving",
            digits=2,
            headline=False,
            provenance=SIMULATION,
        ),
    }
    return Sensitivity(table, published)


def key_results(settings: Settings = SETTINGS) -> dict[str, float]:
    """The chapter's published numbers (the cheap steps only: no tomahawk grid).

    The tomahawk diagram's grid numbers are supporting numbers of the chapter and are
    left out to keep this fast; the critical points it illustrates are here.
    """
    return published_values(critical_points(settings).published)
