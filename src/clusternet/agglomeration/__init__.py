"""Agglomeration: why economic activity gathers in a few places.

Krugman's (1991) two-region core-periphery model in the textbook form of Fujita, Krugman
and Venables (1999, chapter 5). One concept per file:

- ``core_periphery``: :func:`short_run_equilibrium` (wages, price indices, incomes and
  real wages for any distribution of industry), :func:`real_wage_gap` (vectorised), the
  analytic :func:`break_point` and :func:`sustain_point`, and their numerical
  counterparts :func:`numerical_break_point` and :func:`numerical_sustain_point`; the
  solver rejects parameters outside the model's domain and raises
  :class:`CorePeripheryConvergenceError` rather than return an unconverged equilibrium;
- ``tomahawk``: :func:`tomahawk_diagram`, the long-run equilibria and their stability over
  a grid of transport costs.
"""

from clusternet.agglomeration.core_periphery import (
    CorePeripheryConvergenceError,
    ShortRunEquilibrium,
    break_point,
    check_core_periphery_parameters,
    numerical_break_point,
    numerical_sustain_point,
    real_wage_gap,
    short_run_equilibrium,
    sustain_condition,
    sustain_point,
)
from clusternet.agglomeration.tomahawk import EQUILIBRIUM_KINDS, tomahawk_diagram

__all__ = [
    "CorePeripheryConvergenceError",
    "EQUILIBRIUM_KINDS",
    "ShortRunEquilibrium",
    "break_point",
    "check_core_periphery_parameters",
    "numerical_break_point",
    "numerical_sustain_point",
    "real_wage_gap",
    "short_run_equilibrium",
    "sustain_condition",
    "sustain_point",
    "tomahawk_diagram",
]
