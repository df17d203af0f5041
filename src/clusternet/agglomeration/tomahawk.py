"""The "tomahawk" bifurcation diagram of the core-periphery model.

For each transport cost, the long-run equilibria of the two-region model: the shares of
manufacturing in region 1 at which no worker gains by moving (the real-wage gap is zero,
or every worker is already in the region that pays more), and whether each is stable.
Drawn against the transport cost, the stable branches look like a tomahawk (Fujita,
Krugman and Venables 1999, chapter 5).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import require_positive_int, require_real
from clusternet.agglomeration.core_periphery import (
    DEFAULT_MAX_ITER,
    DEFAULT_TOLERANCE,
    _solve_wages,
    check_core_periphery_parameters,
)

__all__ = ["EQUILIBRIUM_KINDS", "tomahawk_diagram"]

#: The kinds of long-run equilibrium in ``tomahawk_diagram``'s ``kind`` column.
EQUILIBRIUM_KINDS = ("dispersed", "core-periphery", "interior")


def _gaps(shares, costs, sigma, mu, tol, max_iter):
    w1, w2, g1, g2, *_ = _solve_wages(shares, costs, sigma, mu, tol=tol, max_iter=max_iter)
    return w1 * g1 ** (-mu) - w2 * g2 ** (-mu)


def tomahawk_diagram(
    transport_costs,
    *,
    sigma,
    mu,
    n_shares: int = 101,
    bisection_steps: int = 40,
    slope_step: float = 1e-6,
    tol: float = DEFAULT_TOLERANCE,
    max_iter: int = DEFAULT_MAX_ITER,
) -> pd.DataFrame:
    """Long-run equilibria of the two-region model and their stability, by transport cost.

    For every transport cost the real-wage gap ``omega_1 - omega_2`` is solved on a grid
    of ``n_shares`` shares in [1/2, 1] at once (vectorised over costs and shares). Then:

    - the even spread (``share = 1/2``, always an equilibrium by symmetry) is stable when
      the gap just above 1/2 is negative (a worker who moves loses);
    - full agglomeration (``share = 1`` and, by symmetry, 0) is an equilibrium when the core
      pays at least as much as the periphery (gap >= 0 at share 1), and is then stable;
    - interior equilibria are the sign changes of the gap on the grid, refined by
      vectorised bisection; one where the gap falls through zero is stable, one where it
      rises is unstable. Mirror images (``1 - share``) are listed too.

    Parameters
    ----------
    transport_costs : array-like
        Iceberg transport costs (each at least 1), e.g. a few hundred points.
    sigma, mu : float
        Model parameters (``check_core_periphery_parameters``).
    n_shares : int
        Grid points on [1/2, 1] (default 101). Interior equilibria closer than one grid
        step to 1/2 or to each other can be missed; the even spread's stability does not
        depend on the grid.
    bisection_steps : int
        Bisection steps refining each interior equilibrium (default 40).
    slope_step : float
        Displacement from 1/2 used to read the even spread's stability (default 1e-6).
    tol, max_iter
        As ``short_run_equilibrium``.

    Returns
    -------
    pandas.DataFrame
        One row per equilibrium: ``transport_cost``, ``share``, ``kind`` (one of
        ``EQUILIBRIUM_KINDS``), ``stable`` (bool); sorted by cost then share.

    Raises
    ------
    TypeError, ValueError
        Parameters outside the model's domain, or an empty list of costs.
    CorePeripheryConvergenceError
        A short-run equilibrium did not converge.

    Examples
    --------
    >>> diagram = tomahawk_diagram([1.2, 1.7, 2.5], sigma=5, mu=0.4)
    >>> diagram[diagram["stable"]].groupby("transport_cost")["kind"].agg(sorted).to_dict()
    {1.2: ['core-periphery', 'core-periphery'], 1.7: ['core-periphery', 'core-periphery', 'dispersed'], 2.5: ['dispersed']}

    References
    ----------
    - Fujita, M., Krugman, P. and Venables, A. J. (1999). The Spatial Economy. MIT Press,
      chapter 5 (the bifurcation diagram).
    """
    sigma, mu, costs = check_core_periphery_parameters(sigma, mu, np.atleast_1d(transport_costs))
    if costs.ndim != 1 or costs.size == 0:
        raise ValueError("transport_costs must be a non-empty one-dimensional list of costs")
    n_shares = require_positive_int(n_shares, "n_shares", minimum=3)
    bisection_steps = require_positive_int(bisection_steps, "bisection_steps", minimum=0)
    slope_step = require_real(slope_step, "slope_step", minimum=0.0, maximum=0.01, inclusive=False)
    tol = require_real(tol, "tol", minimum=0.0, inclusive=False)
    max_iter = require_positive_int(max_iter, "max_iter")

    shares = np.linspace(0.5, 1.0, n_shares)
    shares[0] = 0.5 + slope_step  # the slope at the even spread, read just above 1/2
    gaps = _gaps(shares[None, :], costs[:, None], sigma, mu, tol, max_iter)
    rows = []
    dispersed_stable = gaps[:, 0] < 0
    core_gap = gaps[:, -1]
    for cost, stable in zip(costs, dispersed_stable, strict=True):
        rows.append((cost, 0.5, "dispersed", bool(stable)))
    for cost, gap in zip(costs, core_gap, strict=True):
        if gap >= 0:
            rows.extend([(cost, 0.0, "core-periphery", True), (cost, 1.0, "core-periphery", True)])
        else:
            rows.extend(
                [(cost, 0.0, "core-periphery", False), (cost, 1.0, "core-periphery", False)]
            )
    # interior equilibria: sign changes strictly inside (1/2, 1)
    left, right = gaps[:, :-1], gaps[:, 1:]
    change = np.sign(left) * np.sign(right) < 0
    i_cost, i_share = np.nonzero(change)
    if i_cost.size:
        low = shares[i_share].copy()
        high = shares[i_share + 1].copy()
        low_sign = np.sign(left[i_cost, i_share])
        cost_at = costs[i_cost]
        for _ in range(bisection_steps):
            middle = 0.5 * (low + high)
            sign = np.sign(_gaps(middle, cost_at, sigma, mu, tol, max_iter))
            same = sign == low_sign
            low = np.where(same, middle, low)
            high = np.where(same, high, middle)
        root = 0.5 * (low + high)
        stable = low_sign > 0  # the gap falls through zero: a deviation is pushed back
        for cost, share, is_stable in zip(cost_at, root, stable, strict=True):
            rows.append((cost, float(share), "interior", bool(is_stable)))
            rows.append((cost, float(1.0 - share), "interior", bool(is_stable)))
    frame = pd.DataFrame(rows, columns=["transport_cost", "share", "kind", "stable"])
    frame["kind"] = frame["kind"].astype(str)
    return frame.sort_values(["transport_cost", "share"], ignore_index=True)
