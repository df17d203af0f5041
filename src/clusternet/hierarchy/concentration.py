"""How concentrated a role is across organisations: Gini coefficient and top shares."""

from __future__ import annotations

import numpy as np

from clusternet._validation import require_fraction

__all__ = ["gini_coefficient", "top_share"]


def _counts(values, name: str) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1 or array.size < 2:
        raise ValueError(f"{name} must be one-dimensional with at least 2 values")
    if not np.isfinite(array).all() or (array < 0).any():
        raise ValueError(f"{name} must be finite and non-negative")
    if array.sum() == 0:
        raise ValueError(f"{name} sums to 0; its concentration is undefined")
    return array


def gini_coefficient(values) -> float:
    """Gini coefficient of non-negative amounts (0 = equal, (n - 1) / n = one holds all).

    Parameters
    ----------
    values : array-like
        One non-negative amount per unit (e.g. projects coordinated per organisation),
        including the zeros of units that hold none.

    Returns
    -------
    float
        :math:`\\sum_i (2i - n - 1) x_{(i)} / (n \\sum_i x_i)` over the sorted amounts.

    Raises
    ------
    ValueError
        Fewer than 2 values, negative or non-finite values, or all zero.

    Examples
    --------
    >>> gini_coefficient([1, 1, 1, 1])
    0.0
    >>> gini_coefficient([0, 0, 0, 4])
    0.75

    References
    ----------
    - Gini, C. (1912). *Variabilità e mutabilità*. Bologna: Cuppini.
    """
    array = _counts(values, "values")
    n = array.size
    if np.array_equal(array, np.round(array)) and array.max() <= 4 * n:
        # whole amounts (counts): sort by counting, then sum (2i - n - 1) over each run of
        # equal values in closed form, without an O(n log n) sort
        histogram = np.bincount(array.astype(np.int64))
        values_present = np.flatnonzero(histogram)
        runs = histogram[values_present].astype(np.float64)
        first = np.cumsum(runs) - runs + 1  # rank of the first unit of each run
        rank_sums = runs * (2 * first + runs - 1) - runs * (n + 1)
        return float((rank_sums @ values_present) / (n * array.sum()))
    array = np.sort(array)
    ranks = np.arange(1, n + 1, dtype=np.float64)
    return float(((2 * ranks - n - 1) @ array) / (n * array.sum()))


def top_share(values, fraction: float) -> float:
    """Share of the total held by the largest ``fraction`` of units.

    Parameters
    ----------
    values : array-like
        One non-negative amount per unit, including zeros.
    fraction : float
        Share of units counted as the top, in (0, 1]; the top is the
        ``ceil(fraction * n)`` largest.

    Returns
    -------
    float
        In (0, 1].

    Raises
    ------
    ValueError
        As ``gini_coefficient``, or ``fraction`` outside (0, 1].

    Examples
    --------
    >>> top_share([5, 3, 1, 1], 0.25)
    0.5
    >>> top_share([5, 3, 1, 1], 1.0)
    1.0

    References
    ----------
    - Atkinson, A. B., Piketty, T. and Saez, E. (2011). Top incomes in the long run of
      history. *Journal of Economic Literature* 49(1), 3-71.
    """
    array = _counts(values, "values")
    fraction = require_fraction(fraction, "fraction")
    if fraction == 0:
        raise ValueError("fraction must be above 0")
    top = int(np.ceil(fraction * array.size - 1e-12))
    largest = np.partition(array, array.size - top)[array.size - top :]
    return float(largest.sum() / array.sum())
