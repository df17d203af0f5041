"""Tests of the core-periphery model (clusternet.agglomeration)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusternet.agglomeration.core_periphery import (
    CorePeripheryConvergenceError,
    break_point,
    check_core_periphery_parameters,
    numerical_break_point,
    numerical_sustain_point,
    real_wage_gap,
    short_run_equilibrium,
    sustain_condition,
    sustain_point,
)
from clusternet.agglomeration.tomahawk import tomahawk_diagram

PARAMETERS = [(5.0, 0.4), (4.0, 0.3), (10.0, 0.2), (2.5, 0.5), (1.5, 0.2), (8.0, 0.6)]


# --- analytic checks -----------------------------------------------------------------


@pytest.mark.parametrize(("sigma", "mu"), PARAMETERS)
def test_numerical_break_point_matches_formula(sigma, mu):
    assert numerical_break_point(sigma, mu) == pytest.approx(break_point(sigma, mu), rel=1e-8)


@pytest.mark.parametrize(("sigma", "mu"), PARAMETERS)
def test_numerical_sustain_point_matches_formula(sigma, mu):
    assert numerical_sustain_point(sigma, mu) == pytest.approx(sustain_point(sigma, mu), rel=1e-8)


def test_break_point_hand_computed():
    # sigma = 5: rho = 0.8; mu = 0.4: phi_B = (0.4 * 0.6) / (1.2 * 1.4) = 1/7
    assert break_point(5, 0.4) == pytest.approx((1 / 7) ** (-1 / 4), rel=1e-14)


def test_sustain_point_solves_its_equation():
    sigma, mu = 5.0, 0.4
    t = sustain_point(sigma, mu)
    lhs = t ** (-mu * sigma) * ((1 + mu) / 2 * t ** (1 - sigma) + (1 - mu) / 2 * t ** (sigma - 1))
    assert lhs == pytest.approx(1.0, abs=1e-12)
    assert t > break_point(sigma, mu)


def test_sustain_condition_zero_at_no_transport_cost():
    assert float(sustain_condition(1.0, sigma=5, mu=0.4)) == 0.0


@pytest.mark.parametrize(("sigma", "mu"), PARAMETERS)
def test_break_point_below_sustain_point(sigma, mu):
    assert 1.0 < break_point(sigma, mu) < sustain_point(sigma, mu)


def test_core_equilibrium_closed_form():
    # with all industry in region 1: w1 = G1 = 1, G2 = T, w2 from the sustain equation
    sigma, mu, t = 5.0, 0.4, 1.7
    eq = short_run_equilibrium(1.0, sigma=sigma, mu=mu, transport_cost=t)
    w2 = ((1 + mu) / 2 * t ** (1 - sigma) + (1 - mu) / 2 * t ** (sigma - 1)) ** (1 / sigma)
    np.testing.assert_allclose(eq.wages, [1.0, w2], rtol=1e-12)
    np.testing.assert_allclose(eq.price_indices, [1.0, t], rtol=1e-12)
    np.testing.assert_allclose(eq.incomes, [(1 + mu) / 2, (1 - mu) / 2], rtol=1e-12)
    omega2 = w2 * t ** (-mu)
    assert eq.real_wage_gap == pytest.approx(1.0 - omega2, abs=1e-12)
    assert eq.real_wage_gap == pytest.approx(
        -float(sustain_condition(t, sigma=sigma, mu=mu)), abs=1e-12
    )


def test_symmetric_equilibrium_closed_form():
    # even spread: w = 1, G^(1-sigma) = (1 + T^(1-sigma)) / 2
    sigma, mu, t = 5.0, 0.4, 1.7
    eq = short_run_equilibrium(0.5, sigma=sigma, mu=mu, transport_cost=t)
    g = ((1 + t ** (1 - sigma)) / 2) ** (1 / (1 - sigma))
    np.testing.assert_allclose(eq.wages, [1.0, 1.0], rtol=1e-12)
    np.testing.assert_allclose(eq.price_indices, [g, g], rtol=1e-12)
    assert eq.real_wage_gap == pytest.approx(0.0, abs=1e-14)


def test_no_transport_cost_no_gap():
    gaps = real_wage_gap(np.linspace(0, 1, 11), 1.0, sigma=5, mu=0.4)
    np.testing.assert_allclose(gaps, 0.0, atol=1e-13)


def test_walras_total_income():
    # income equals total wages: mu * (lambda w1 + (1 - lambda) w2) + (1 - mu)
    eq = short_run_equilibrium(0.7, sigma=5, mu=0.4, transport_cost=1.6)
    total = 0.4 * (0.7 * eq.wages[0] + 0.3 * eq.wages[1]) + 0.6
    assert eq.incomes.sum() == pytest.approx(total, rel=1e-12)


# --- symmetry (property test) ---------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    share=st.floats(0.0, 1.0),
    sigma=st.floats(1.5, 12.0),
    mu_fraction=st.floats(0.05, 0.95),
    cost=st.floats(1.0, 3.0),
)
def test_swapping_regions_swaps_the_solution(share, sigma, mu_fraction, cost):
    mu = mu_fraction * (sigma - 1) / sigma  # inside the no-black-hole domain
    a = short_run_equilibrium(share, sigma=sigma, mu=mu, transport_cost=cost)
    b = short_run_equilibrium(1.0 - share, sigma=sigma, mu=mu, transport_cost=cost)
    np.testing.assert_allclose(a.wages, b.wages[::-1], rtol=1e-9)
    np.testing.assert_allclose(a.price_indices, b.price_indices[::-1], rtol=1e-9)
    np.testing.assert_allclose(a.real_wages, b.real_wages[::-1], rtol=1e-9)
    assert a.real_wage_gap == pytest.approx(-b.real_wage_gap, abs=1e-9)


@settings(max_examples=30, deadline=None)
@given(sigma=st.floats(1.5, 12.0), mu_fraction=st.floats(0.05, 0.95))
def test_break_below_sustain_property(sigma, mu_fraction):
    mu = mu_fraction * (sigma - 1) / sigma
    assert 1.0 < break_point(sigma, mu) <= sustain_point(sigma, mu)


# --- domain and convergence -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"sigma": 1.0, "mu": 0.4, "transport_cost": 1.5}, "sigma"),
        ({"sigma": 0.5, "mu": 0.4, "transport_cost": 1.5}, "sigma"),
        ({"sigma": 5.0, "mu": 0.0, "transport_cost": 1.5}, "mu"),
        ({"sigma": 5.0, "mu": 1.0, "transport_cost": 1.5}, "mu"),
        ({"sigma": 5.0, "mu": -0.1, "transport_cost": 1.5}, "mu"),
        ({"sigma": 2.0, "mu": 0.6, "transport_cost": 1.5}, "no-black-hole"),
        ({"sigma": 5.0, "mu": 0.4, "transport_cost": 0.9}, "transport_cost"),
        ({"sigma": 5.0, "mu": 0.4, "transport_cost": float("inf")}, "transport_cost"),
    ],
)
def test_rejects_parameters_outside_the_domain(kwargs, word):
    with pytest.raises(ValueError, match=word):
        short_run_equilibrium(0.5, **kwargs)


def test_rejects_bad_share_and_types():
    with pytest.raises(ValueError, match="share"):
        short_run_equilibrium(1.2, sigma=5, mu=0.4, transport_cost=1.5)
    with pytest.raises(TypeError, match="sigma"):
        short_run_equilibrium(0.5, sigma="5", mu=0.4, transport_cost=1.5)
    with pytest.raises(ValueError, match="transport_cost"):
        real_wage_gap(0.5, [1.2, 0.8], sigma=5, mu=0.4)
    with pytest.raises(ValueError, match="no-black-hole"):
        break_point(2.0, 0.5)
    with pytest.raises(ValueError, match="no-black-hole"):
        sustain_point(2.0, 0.5)


def test_parameters_returned_as_floats():
    assert check_core_periphery_parameters(5, 0.4) == (5.0, 0.4)


def test_raises_when_not_converged():
    with pytest.raises(CorePeripheryConvergenceError, match="max_iter"):
        short_run_equilibrium(0.8, sigma=5, mu=0.4, transport_cost=1.5, max_iter=3)


# --- tomahawk -------------------------------------------------------------------------


def test_tomahawk_regimes_match_critical_points():
    sigma, mu = 5.0, 0.4
    t_b, t_s = break_point(sigma, mu), sustain_point(sigma, mu)
    costs = np.array([1.2, t_b - 0.01, t_b + 0.01, 0.5 * (t_b + t_s), t_s - 0.01, t_s + 0.01, 2.5])
    diagram = tomahawk_diagram(costs, sigma=sigma, mu=mu)
    for cost in costs:
        rows = diagram[np.isclose(diagram["transport_cost"], cost)]
        dispersed = rows[rows["kind"] == "dispersed"]
        core = rows[rows["kind"] == "core-periphery"]
        interior = rows[rows["kind"] == "interior"]
        assert bool(dispersed["stable"].iloc[0]) == (cost > t_b)
        assert core["stable"].all() == (cost < t_s)
        assert len(core) == 2
        if t_b < cost < t_s:
            assert len(interior) == 2 and not interior["stable"].any()
            assert interior["share"].sum() == pytest.approx(1.0, abs=1e-9)
        else:
            assert interior.empty


def test_tomahawk_interior_equilibria_have_zero_gap():
    sigma, mu, cost = 5.0, 0.4, 1.7
    diagram = tomahawk_diagram([cost], sigma=sigma, mu=mu)
    shares = diagram.loc[diagram["kind"] == "interior", "share"].to_numpy()
    gaps = real_wage_gap(shares, cost, sigma=sigma, mu=mu)
    np.testing.assert_allclose(gaps, 0.0, atol=1e-10)


def test_tomahawk_rejects_bad_input():
    with pytest.raises(ValueError, match="transport_cost"):
        tomahawk_diagram([0.5, 1.5], sigma=5, mu=0.4)
    with pytest.raises(ValueError, match="no-black-hole"):
        tomahawk_diagram([1.5], sigma=2, mu=0.6)
    with pytest.raises(ValueError, match="n_shares"):
        tomahawk_diagram([1.5], sigma=5, mu=0.4, n_shares=2)


def test_break_point_is_finite_float():
    value = break_point(5, 0.4)
    assert isinstance(value, float) and math.isfinite(value)
