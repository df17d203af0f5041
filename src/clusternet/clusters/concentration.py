"""Concentration and specialisation indices (the EconGeo set): Krugman, Hoover, Gini, Herfindahl.

References
----------
- Balland, P.-A. EconGeo: computing key indicators of the spatial distribution of
  economic activities (R package).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import format_items
from clusternet.clusters._common import _check_counts

__all__ = [
    "krugman_specialisation_index",
    "hoover_localisation_index",
    "locational_gini",
    "herfindahl_index",
]


def krugman_specialisation_index(matrix: pd.DataFrame) -> pd.Series:
    r"""Krugman specialisation index of each region.

    .. math:: K_r = \sum_i \left| \frac{E_{ri}}{E_r} - \frac{E_i}{E} \right|

    the distance between the region's industry mix and the reference economy's (all
    regions in ``matrix``). 0 = identical mix; the maximum is 2. As EconGeo's
    ``krugman_index`` (no factor 1/2; halve it for the Hoover coefficient of
    specialisation, EconGeo's ``spec_coeff``).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.

    Returns
    -------
    pandas.Series
        One value per region, named ``krugman_index``.

    Raises
    ------
    TypeError, ValueError
        As ``location_quotient``.

    Examples
    --------
    >>> m = pd.DataFrame({"a": [10, 0], "b": [0, 10]}, index=["r1", "r2"])
    >>> krugman_specialisation_index(m).to_dict()
    {'r1': 1.0, 'r2': 1.0}

    References
    ----------
    - Krugman, P. (1991). *Geography and Trade*. MIT Press.
    - Balland, P.-A. EconGeo: computing key indicators of the spatial distribution of
      economic activities (R package), ``krugman_index``.
    """
    values = _check_counts(matrix)
    regional = values / values.sum(axis=1, keepdims=True)
    national = values.sum(axis=0, keepdims=True) / values.sum()
    return pd.Series(
        np.abs(regional - national).sum(axis=1), index=matrix.index, name="krugman_index"
    )


def hoover_localisation_index(
    matrix: pd.DataFrame, reference: pd.Series | None = None
) -> pd.Series:
    r"""Hoover index of each industry's spatial concentration against a reference.

    .. math:: H_i = \tfrac{1}{2} \sum_r \left| \frac{E_{ri}}{E_i} - \frac{P_r}{P} \right|

    the share of the industry's employment that would have to move for it to be spread
    like the reference :math:`P` (0 = spread like the reference, towards 1 = all in one
    small region). Default reference: each region's total employment in ``matrix``
    (Hoover's coefficient of localisation). EconGeo's ``hoover_index`` gives the same
    number times 100, rounded, and by default uses an equal share per region.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.
    reference : pandas.Series, optional
        Positive reference size of every region (e.g. population), indexed by region.

    Returns
    -------
    pandas.Series
        One value per industry in [0, 1), named ``hoover_index``.

    Raises
    ------
    TypeError, ValueError
        As ``location_quotient`` (regions with zero total are allowed here); a
        reference that is not a Series, lacks regions, or has values that are not
        positive finite numbers.

    Examples
    --------
    >>> m = pd.DataFrame({"x": [0, 10, 10, 30, 50]}, index=list("abcde"))
    >>> pop = pd.Series([10, 15, 20, 25, 30], index=list("abcde"))
    >>> round(float(hoover_localisation_index(m, pop)["x"]), 3)
    0.25

    References
    ----------
    - Hoover, E. M. (1936). The measurement of industrial localization. *Review of
      Economics and Statistics* 18(4), 162-171.
    - Balland, EconGeo (R package), ``hoover_index``.
    """
    values = _check_counts(matrix, allow_zero_totals=True)
    empty = values.sum(axis=0) == 0
    if empty.any():
        raise ValueError(
            f"matrix has industries with zero total: {format_items(matrix.columns[empty])}"
        )
    if reference is None:
        weights = values.sum(axis=1)
    else:
        if not isinstance(reference, pd.Series):
            raise TypeError(
                f"reference must be a pandas Series indexed by region, got {type(reference).__name__}"
            )
        missing = [r for r in matrix.index if r not in reference.index]
        if missing:
            raise ValueError(f"reference lacks regions of the matrix: {format_items(missing)}")
        weights = pd.to_numeric(reference.reindex(matrix.index), errors="coerce").to_numpy(
            dtype=float
        )
        if not (np.isfinite(weights) & (weights > 0)).all():
            raise ValueError("reference must hold a positive, finite number for every region")
    shares = values / values.sum(axis=0, keepdims=True)
    ref = (weights / weights.sum())[:, None]
    return pd.Series(
        0.5 * np.abs(shares - ref).sum(axis=0), index=matrix.columns, name="hoover_index"
    )


def locational_gini(matrix: pd.DataFrame) -> pd.Series:
    r"""Krugman's locational Gini coefficient of each industry.

    Regions are sorted by the industry's location quotient; the coefficient is half the
    area between the curve of cumulative industry employment against cumulative total
    employment and the diagonal. 0 = the industry is spread exactly like total
    employment; the limit is 0.5. Same algorithm as EconGeo's ``locational_gini``.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.

    Returns
    -------
    pandas.Series
        One value per industry, named ``locational_gini``.

    Raises
    ------
    TypeError, ValueError
        As ``location_quotient``.

    Examples
    --------
    >>> m = pd.DataFrame({"x": [10, 0], "y": [0, 10]}, index=["r1", "r2"])
    >>> locational_gini(m).to_dict()
    {'x': 0.25, 'y': 0.25}

    References
    ----------
    - Krugman, P. (1991). *Geography and Trade*. MIT Press, chapter 2.
    - Balland, EconGeo (R package), ``locational_gini``.
    """
    values = _check_counts(matrix)
    population = values.sum(axis=1) / values.sum()
    order = np.argsort(values / population[:, None], axis=0, kind="stable")
    industry = np.take_along_axis(values, order, axis=0)
    cum_industry = np.cumsum(industry, axis=0) / industry.sum(axis=0, keepdims=True)
    cum_population = np.cumsum(population[order], axis=0)
    cum_population = cum_population / cum_population[-1:, :]
    gini = (cum_industry[1:] * cum_population[:-1] - cum_industry[:-1] * cum_population[1:]).sum(
        axis=0
    ) / 2
    return pd.Series(gini, index=matrix.columns, name="locational_gini")


def herfindahl_index(matrix: pd.DataFrame) -> pd.Series:
    r"""Herfindahl-Hirschman index of each region's industry mix.

    .. math:: HHI_r = \sum_i \left( \frac{E_{ri}}{E_r} \right)^2

    1 = all employment in one industry; :math:`1/n` = spread evenly over :math:`n`
    industries. As EconGeo's ``herfindahl``.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.

    Returns
    -------
    pandas.Series
        One value per region, named ``herfindahl_index``.

    Raises
    ------
    TypeError, ValueError
        As ``location_quotient``.

    Examples
    --------
    >>> m = pd.DataFrame({"a": [5, 10], "b": [5, 0]}, index=["r1", "r2"])
    >>> herfindahl_index(m).to_dict()
    {'r1': 0.5, 'r2': 1.0}

    References
    ----------
    - Hirschman, A. O. (1945). *National Power and the Structure of Foreign Trade*.
      University of California Press.
    - Balland, EconGeo (R package), ``herfindahl``.
    """
    values = _check_counts(matrix)
    shares = values / values.sum(axis=1, keepdims=True)
    return pd.Series((shares**2).sum(axis=1), index=matrix.index, name="herfindahl_index")
