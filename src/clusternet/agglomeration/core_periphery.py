"""Krugman's two-region core-periphery model: short-run equilibrium and its critical points.

The model of Krugman (1991) in the textbook form of Fujita, Krugman and Venables (1999),
chapter 5. Two regions, two sectors. Agriculture (a share ``1 - mu`` of income) is
immobile, split equally between the regions, produces a homogeneous good traded at no
cost, and pays the numeraire wage 1. Manufacturing (a share ``mu`` of income) makes
differentiated varieties with a constant elasticity of substitution ``sigma``; its
workers are mobile; shipping a variety costs an "iceberg" ``transport_cost`` ``T >= 1``
units per unit that arrives. ``share`` (lambda) is region 1's share of manufacturing.

For a given ``share`` the *short-run equilibrium* solves, for region ``r`` and the other
region ``s`` (FKV 1999, chapter 5, the instantaneous equilibrium):

- income ``Y_r = mu * lambda_r * w_r + (1 - mu) / 2``;
- price index ``G_r = [lambda_r w_r^(1-sigma) + lambda_s (w_s T)^(1-sigma)]^(1/(1-sigma))``;
- nominal wage ``w_r = [Y_r G_r^(sigma-1) + Y_s G_s^(sigma-1) T^(1-sigma)]^(1/sigma)``;
- real wage ``omega_r = w_r G_r^(-mu)``.

Workers move towards the region with the higher real wage, so the *real-wage gap*
``omega_1 - omega_2`` as a function of ``share`` decides the long-run pattern.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from clusternet._validation import require_positive_int, require_real

__all__ = [
    "CorePeripheryConvergenceError",
    "ShortRunEquilibrium",
    "check_core_periphery_parameters",
    "short_run_equilibrium",
    "real_wage_gap",
    "break_point",
    "sustain_point",
    "sustain_condition",
    "numerical_break_point",
    "numerical_sustain_point",
]

#: Largest absolute change of a wage between two iterations accepted as converged.
DEFAULT_TOLERANCE = 1e-14
#: Iterations of the wage fixed point before the solver gives up and raises.
DEFAULT_MAX_ITER = 20_000


class CorePeripheryConvergenceError(RuntimeError):
    """The wage equations of the core-periphery model did not converge."""


@dataclass(frozen=True)
class ShortRunEquilibrium:
    """The short-run equilibrium of the two-region model for one distribution of industry.

    Attributes
    ----------
    share : float
        Region 1's share of manufacturing workers (lambda).
    wages, price_indices, incomes, real_wages : numpy.ndarray
        Two values each, region 1 then region 2 (``w``, ``G``, ``Y``, ``omega``).
    real_wage_gap : float
        ``omega_1 - omega_2``: positive when manufacturing workers gain by moving to
        region 1.
    iterations : int
        Iterations of the wage fixed point.
    """

    share: float
    wages: np.ndarray
    price_indices: np.ndarray
    incomes: np.ndarray
    real_wages: np.ndarray
    real_wage_gap: float
    iterations: int


def check_core_periphery_parameters(sigma, mu, transport_cost=None) -> tuple:
    """Check the parameters lie in the model's domain; return them as floats.

    Parameters
    ----------
    sigma : float
        Elasticity of substitution between manufactured varieties; must exceed 1.
    mu : float
        Manufacturing share of expenditure; must lie strictly between 0 and 1.
    transport_cost : float or array-like, optional
        Iceberg transport cost ``T``; must be finite and at least 1 (``T - 1`` is the
        share of a shipment lost on the way, so ``T < 1`` would be a negative cost).

    Returns
    -------
    tuple
        ``(sigma, mu)`` as floats, or ``(sigma, mu, transport_cost)`` when it is given
        (a float, or a float array for array input).

    Raises
    ------
    TypeError
        A parameter is not a real number.
    ValueError
        ``sigma <= 1``; ``mu`` outside (0, 1); the no-black-hole condition
        ``(sigma - 1) / sigma > mu`` violated (then agglomeration is sustainable at every
        transport cost and the model has no break point); ``transport_cost < 1`` or not
        finite.

    Examples
    --------
    >>> check_core_periphery_parameters(5, 0.4, 1.5)
    (5.0, 0.4, 1.5)
    >>> check_core_periphery_parameters(2, 0.6)
    Traceback (most recent call last):
    ...
    ValueError: mu = 0.6 violates the no-black-hole condition (sigma - 1) / sigma > mu: (sigma - 1) / sigma = 0.5

    References
    ----------
    - Fujita, M., Krugman, P. and Venables, A. J. (1999). The Spatial Economy: Cities,
      Regions, and International Trade. MIT Press, chapter 5 (the no-black-hole condition).
    """
    sigma = require_real(sigma, "sigma", minimum=1.0, inclusive=False)
    mu = require_real(mu, "mu", minimum=0.0, maximum=1.0, inclusive=False)
    rho = (sigma - 1.0) / sigma
    if not rho > mu:
        raise ValueError(
            f"mu = {mu} violates the no-black-hole condition (sigma - 1) / sigma > mu: "
            f"(sigma - 1) / sigma = {rho:.6g}"
        )
    if transport_cost is None:
        return sigma, mu
    if np.ndim(transport_cost) == 0:
        return sigma, mu, require_real(transport_cost, "transport_cost", minimum=1.0)
    costs = np.asarray(transport_cost)
    if costs.dtype.kind not in "iuf":
        raise TypeError(f"transport_cost must be real numbers, got dtype {costs.dtype}")
    costs = costs.astype(float)
    if not np.all(np.isfinite(costs)):
        raise ValueError("transport_cost must be finite")
    if np.any(costs < 1.0):
        raise ValueError(
            f"transport_cost must be >= 1 (an iceberg cost; below 1 the cost is negative), "
            f"got a minimum of {costs.min()}"
        )
    return sigma, mu, costs


def _solve_wages(share, transport_cost, sigma, mu, *, tol, max_iter):
    """Vectorised fixed point of the wage equations; arrays broadcast together.

    Returns ``(w1, w2, g1, g2, y1, y2, iterations)``; raises when not converged.
    """
    lam1 = np.asarray(share, dtype=float)
    t = np.asarray(transport_cost, dtype=float)
    lam1, t = np.broadcast_arrays(lam1, t)
    lam2 = 1.0 - lam1
    phi = t ** (1.0 - sigma)  # freeness of trade, in (0, 1]
    w1 = np.ones_like(lam1)
    w2 = np.ones_like(lam1)
    one_minus = 1.0 - sigma
    for iteration in range(1, max_iter + 1):
        y1 = mu * lam1 * w1 + (1.0 - mu) / 2.0
        y2 = mu * lam2 * w2 + (1.0 - mu) / 2.0
        a1 = w1**one_minus
        a2 = w2**one_minus
        # G^(1-sigma); G^(sigma-1) is its inverse
        g1_pow = lam1 * a1 + lam2 * a2 * phi
        g2_pow = lam1 * a1 * phi + lam2 * a2
        new_w1 = (y1 / g1_pow + y2 / g2_pow * phi) ** (1.0 / sigma)
        new_w2 = (y1 / g1_pow * phi + y2 / g2_pow) ** (1.0 / sigma)
        change = max(
            np.max(np.abs(new_w1 - w1), initial=0.0), np.max(np.abs(new_w2 - w2), initial=0.0)
        )
        # damping keeps the iteration a contraction for strong market-size effects
        w1 = 0.5 * (w1 + new_w1)
        w2 = 0.5 * (w2 + new_w2)
        if not (np.all(np.isfinite(w1)) and np.all(np.isfinite(w2))):
            raise CorePeripheryConvergenceError(
                "the wage iteration produced non-finite wages; check sigma, mu and transport_cost"
            )
        if change < tol:
            y1 = mu * lam1 * w1 + (1.0 - mu) / 2.0
            y2 = mu * lam2 * w2 + (1.0 - mu) / 2.0
            g1 = (lam1 * w1**one_minus + lam2 * w2**one_minus * phi) ** (1.0 / one_minus)
            g2 = (lam1 * w1**one_minus * phi + lam2 * w2**one_minus) ** (1.0 / one_minus)
            return w1, w2, g1, g2, y1, y2, iteration
    raise CorePeripheryConvergenceError(
        f"the wage equations did not converge in max_iter = {max_iter} iterations "
        f"(last change {change:.3g}, tolerance {tol:.3g})"
    )


def _check_share(share, name="share"):
    if np.ndim(share) == 0:
        return require_real(share, name, minimum=0.0, maximum=1.0)
    values = np.asarray(share)
    if values.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be real numbers, got dtype {values.dtype}")
    values = values.astype(float)
    if not np.all(np.isfinite(values)) or np.any((values < 0.0) | (values > 1.0)):
        raise ValueError(f"{name} must lie in [0, 1]")
    return values


def short_run_equilibrium(
    share,
    *,
    sigma,
    mu,
    transport_cost,
    tol: float = DEFAULT_TOLERANCE,
    max_iter: int = DEFAULT_MAX_ITER,
) -> ShortRunEquilibrium:
    """Wages, price indices, incomes and real wages for one distribution of industry.

    Solves the wage equations of the two-region model (module docstring; FKV 1999,
    chapter 5) by a damped fixed-point iteration from equal wages.

    Parameters
    ----------
    share : float
        Region 1's share of manufacturing workers (lambda), in [0, 1].
    sigma, mu, transport_cost : float
        Model parameters (``check_core_periphery_parameters``).
    tol : float
        Convergence tolerance on the wages (default 1e-14).
    max_iter : int
        Iterations before giving up (default 20,000).

    Returns
    -------
    ShortRunEquilibrium

    Raises
    ------
    TypeError, ValueError
        Parameters outside the model's domain (``check_core_periphery_parameters``) or a
        share outside [0, 1].
    CorePeripheryConvergenceError
        The wage iteration did not converge: no silent wrong equilibrium.

    Examples
    --------
    >>> eq = short_run_equilibrium(0.5, sigma=5, mu=0.4, transport_cost=1.7)
    >>> round(float(eq.wages[0]), 12), round(eq.real_wage_gap, 12)
    (1.0, 0.0)
    >>> core = short_run_equilibrium(1.0, sigma=5, mu=0.4, transport_cost=1.7)
    >>> round(float(core.wages[0]), 12), round(float(core.price_indices[0]), 12)
    (1.0, 1.0)

    References
    ----------
    - Krugman, P. (1991). Increasing returns and economic geography. Journal of Political
      Economy 99(3), 483-499.
    - Fujita, M., Krugman, P. and Venables, A. J. (1999). The Spatial Economy. MIT Press,
      chapter 5.
    """
    sigma, mu, transport_cost = check_core_periphery_parameters(sigma, mu, transport_cost)
    share = _check_share(share)
    tol = require_real(tol, "tol", minimum=0.0, inclusive=False)
    max_iter = require_positive_int(max_iter, "max_iter")
    w1, w2, g1, g2, y1, y2, iterations = _solve_wages(
        share, transport_cost, sigma, mu, tol=tol, max_iter=max_iter
    )
    wages = np.array([float(w1), float(w2)])
    prices = np.array([float(g1), float(g2)])
    real = wages * prices ** (-mu)
    return ShortRunEquilibrium(
        share=float(share),
        wages=wages,
        price_indices=prices,
        incomes=np.array([float(y1), float(y2)]),
        real_wages=real,
        real_wage_gap=float(real[0] - real[1]),
        iterations=iterations,
    )


def real_wage_gap(
    share,
    transport_cost,
    *,
    sigma,
    mu,
    tol: float = DEFAULT_TOLERANCE,
    max_iter: int = DEFAULT_MAX_ITER,
) -> np.ndarray:
    """The real-wage gap ``omega_1 - omega_2`` for arrays of shares and transport costs.

    Vectorised: ``share`` and ``transport_cost`` broadcast against each other, and all
    the short-run equilibria are solved in one iteration.

    Parameters
    ----------
    share : float or array-like
        Region 1's share of manufacturing, in [0, 1].
    transport_cost : float or array-like
        Iceberg transport cost, at least 1.
    sigma, mu : float
        Model parameters.
    tol, max_iter
        As ``short_run_equilibrium``.

    Returns
    -------
    numpy.ndarray
        The gap, with the broadcast shape of the inputs.

    Raises
    ------
    TypeError, ValueError
        Inputs outside the model's domain.
    CorePeripheryConvergenceError
        Any of the equilibria did not converge.

    Examples
    --------
    >>> gaps = real_wage_gap([0.5, 0.6], 1.7, sigma=5, mu=0.4)
    >>> abs(float(gaps[0])) < 1e-12, bool(gaps[1] < 0)
    (True, True)

    References
    ----------
    - Fujita, M., Krugman, P. and Venables, A. J. (1999). The Spatial Economy. MIT Press,
      chapter 5 (the "wiggle diagram" of the real-wage gap).
    """
    sigma, mu, transport_cost = check_core_periphery_parameters(sigma, mu, transport_cost)
    share = _check_share(share)
    tol = require_real(tol, "tol", minimum=0.0, inclusive=False)
    max_iter = require_positive_int(max_iter, "max_iter")
    w1, w2, g1, g2, *_ = _solve_wages(share, transport_cost, sigma, mu, tol=tol, max_iter=max_iter)
    return np.asarray(w1 * g1 ** (-mu) - w2 * g2 ** (-mu))


def break_point(sigma, mu) -> float:
    """Transport cost below which the even spread of industry becomes unstable.

    The analytic break point of FKV (1999, chapter 5): with ``rho = (sigma - 1) / sigma``
    the symmetric equilibrium is stable when ``T^(1-sigma)`` is below

    ``phi_B = (rho - mu) (1 - mu) / ((rho + mu) (1 + mu))``,

    so ``T_B = phi_B^(1 / (1 - sigma))``. Implemented in closed form; the tests compare it
    with the point where the slope of the numerically solved real-wage gap at
    ``share = 1/2`` changes sign (``numerical_break_point``).

    Parameters
    ----------
    sigma, mu : float
        Model parameters (no-black-hole condition required).

    Returns
    -------
    float
        ``T_B > 1``.

    Raises
    ------
    TypeError, ValueError
        Parameters outside the model's domain.

    Examples
    --------
    >>> round(break_point(5, 0.4), 6)
    1.626577

    References
    ----------
    - Fujita, M., Krugman, P. and Venables, A. J. (1999). The Spatial Economy. MIT Press,
      chapter 5 (break point of the symmetric equilibrium).
    """
    sigma, mu = check_core_periphery_parameters(sigma, mu)
    rho = (sigma - 1.0) / sigma
    phi_b = (rho - mu) * (1.0 - mu) / ((rho + mu) * (1.0 + mu))
    return float(phi_b ** (1.0 / (1.0 - sigma)))


def sustain_condition(transport_cost, *, sigma, mu):
    """Real wage of a worker who defects to the periphery, relative to the core (minus one).

    With all manufacturing in region 1 (``share = 1``) the wage equations solve in closed
    form (FKV 1999, chapter 5; Krugman 1991): ``w_1 = G_1 = 1``, ``G_2 = T`` and

    ``omega_2^sigma = T^(-mu sigma) [ (1 + mu) / 2 T^(1 - sigma) + (1 - mu) / 2 T^(sigma - 1) ]``.

    The core-periphery pattern is sustainable while ``omega_2 <= 1``. This function
    returns ``omega_2 - 1`` from that closed form.

    Parameters
    ----------
    transport_cost : float or array-like
        Iceberg transport cost, at least 1.
    sigma, mu : float
        Model parameters.

    Returns
    -------
    float or numpy.ndarray
        ``omega_2 - 1``: negative where the core is sustainable.

    Raises
    ------
    TypeError, ValueError
        Parameters outside the model's domain.

    Examples
    --------
    >>> float(sustain_condition(1.0, sigma=5, mu=0.4))
    0.0
    >>> bool(sustain_condition(1.5, sigma=5, mu=0.4) < 0)
    True

    References
    ----------
    - Krugman, P. (1991). Increasing returns and economic geography. Journal of Political
      Economy 99(3), 483-499.
    - Fujita, M., Krugman, P. and Venables, A. J. (1999). The Spatial Economy. MIT Press,
      chapter 5 (sustain point).
    """
    sigma, mu, t = check_core_periphery_parameters(sigma, mu, transport_cost)
    inner = (1.0 + mu) / 2.0 * t ** (1.0 - sigma) + (1.0 - mu) / 2.0 * t ** (sigma - 1.0)
    omega2 = t ** (-mu) * inner ** (1.0 / sigma)
    return omega2 - 1.0


def _upper_bracket(function, start=1.0):
    """A transport cost above ``start`` where ``function`` is positive (doubling log T)."""
    log_t = 0.05
    for _ in range(60):
        t = start * math.exp(log_t)
        if function(t) > 0:
            return t
        log_t *= 2.0
    raise CorePeripheryConvergenceError("no sign change of the sustain condition was found")


def sustain_point(sigma, mu, *, xtol: float = 1e-14) -> float:
    """Highest transport cost at which a core-periphery pattern is sustainable.

    The root ``T_S > 1`` of ``sustain_condition`` (the closed-form sustain equation of
    FKV 1999, chapter 5). Under the no-black-hole condition the defector's real wage is
    below the core's just above ``T = 1`` and rises above it for large ``T``, so the root
    is unique; it is found by Brent's method.

    Parameters
    ----------
    sigma, mu : float
        Model parameters.
    xtol : float
        Absolute tolerance on ``T`` (default 1e-14).

    Returns
    -------
    float
        ``T_S``; ``T_S > T_B`` (``break_point``).

    Raises
    ------
    TypeError, ValueError
        Parameters outside the model's domain.

    Examples
    --------
    >>> round(sustain_point(5, 0.4), 6)
    1.807313
    >>> sustain_point(5, 0.4) > break_point(5, 0.4)
    True

    References
    ----------
    - Fujita, M., Krugman, P. and Venables, A. J. (1999). The Spatial Economy. MIT Press,
      chapter 5 (sustain point).
    """
    sigma, mu = check_core_periphery_parameters(sigma, mu)
    xtol = require_real(xtol, "xtol", minimum=0.0, inclusive=False)

    def condition(t):
        return float(sustain_condition(t, sigma=sigma, mu=mu))

    # just above T = 1 the condition is negative (first-order: -mu (1 + 1/sigma) log T ...)
    lower = 1.0 + 1e-9
    if condition(lower) >= 0:
        raise CorePeripheryConvergenceError(
            "the sustain condition is not negative just above T = 1; no sustain point"
        )
    upper = _upper_bracket(condition)
    return float(brentq(condition, lower, upper, xtol=xtol, rtol=4 * np.finfo(float).eps))


def numerical_sustain_point(sigma, mu, *, xtol: float = 1e-13) -> float:
    """The sustain point from the numerically solved model (no closed form used).

    Root in ``T`` of the real-wage gap at ``share = 1`` computed by
    ``short_run_equilibrium``'s solver. It should equal ``sustain_point``; the tests check
    it does to 1e-8.

    Parameters
    ----------
    sigma, mu : float
        Model parameters.
    xtol : float
        Absolute tolerance on ``T``.

    Returns
    -------
    float

    Raises
    ------
    TypeError, ValueError, CorePeripheryConvergenceError
        As ``short_run_equilibrium``.

    Examples
    --------
    >>> abs(numerical_sustain_point(5, 0.4) - sustain_point(5, 0.4)) < 1e-8
    True
    """
    sigma, mu = check_core_periphery_parameters(sigma, mu)

    def gap(t):
        return float(real_wage_gap(1.0, t, sigma=sigma, mu=mu))

    lower = 1.0 + 1e-6
    if gap(lower) <= 0:
        raise CorePeripheryConvergenceError("the core does not pay more just above T = 1")
    upper = _upper_bracket(lambda t: -gap(t))
    return float(brentq(gap, lower, upper, xtol=xtol, rtol=4 * np.finfo(float).eps))


def numerical_break_point(sigma, mu, *, step: float = 1e-3, xtol: float = 1e-14) -> float:
    """The break point from the numerically solved model (no closed form used).

    Because the gap is odd around ``share = 1/2``, its slope there has the sign of the
    gap at ``1/2 + h``, and the root ``T(h)`` in ``T`` of that gap is the break point up to
    ``c h^2 + O(h^4)``. The function finds the roots for ``h = step`` and ``h = 2 step``
    and extrapolates (Richardson): ``(4 T(step) - T(2 step)) / 3``. The tests check the
    result equals ``break_point`` to 1e-8 (relative).

    Parameters
    ----------
    sigma, mu : float
        Model parameters.
    step : float
        Displacement from the symmetric equilibrium (default 1e-3).
    xtol : float
        Absolute tolerance on ``T`` of each root.

    Returns
    -------
    float

    Raises
    ------
    TypeError, ValueError, CorePeripheryConvergenceError
        As ``short_run_equilibrium``.

    Examples
    --------
    >>> abs(numerical_break_point(5, 0.4) / break_point(5, 0.4) - 1) < 1e-8
    True
    """
    sigma, mu = check_core_periphery_parameters(sigma, mu)
    step = require_real(step, "step", minimum=0.0, maximum=0.1, inclusive=False)
    xtol = require_real(xtol, "xtol", minimum=0.0, inclusive=False)

    def root(h):
        def gap(t):
            return float(real_wage_gap(0.5 + h, t, sigma=sigma, mu=mu))

        lower = 1.0 + 1e-6
        if gap(lower) <= 0:
            raise CorePeripheryConvergenceError(
                "the spread is stable even at T = 1; no break point"
            )
        upper = _upper_bracket(lambda t: -gap(t))
        return brentq(gap, lower, upper, xtol=xtol, rtol=4 * np.finfo(float).eps)

    return float((4.0 * root(step) - root(2.0 * step)) / 3.0)
