"""Glaeser, Kallal, Scheinkman and Shleifer (1992): which externalities drive growth?

Marshall-Arrow-Romer externalities work within an industry (growth rises with the
industry's own *specialisation*), Jacobs externalities across industries (growth rises
with the *diversity* of the rest of the local economy) and Porter's with local
*competition* (more firms per worker than the industry has nationally).

References
----------
- Glaeser, E. L., Kallal, H. D., Scheinkman, J. A. and Shleifer, A. (1992). Growth in
  cities. *Journal of Political Economy* 100(6), 1126-1152.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import require_positive_int, require_real
from clusternet.clusters._common import _check_counts
from clusternet.clusters.absorb import fit_absorbed_ols
from clusternet.clusters.location import location_quotient

__all__ = ["GLAESER_TERMS", "glaeser_growth_panel", "fit_glaeser_growth"]

#: regressors of the Glaeser test, with the externality each stands for
GLAESER_TERMS = {
    "log_specialisation": "Specialisation (Marshall-Arrow-Romer)",
    "diversity": "Diversity (Jacobs)",
    "log_competition": "Competition (Porter)",
    "log_employment_start": "Initial employment",
}


def _same(a: pd.DataFrame, b: pd.DataFrame, name: str) -> pd.DataFrame:
    if set(a.index) != set(b.index) or set(a.columns) != set(b.columns):
        raise ValueError(f"{name} must have the same regions and industries as start")
    return b.loc[a.index, a.columns]


def glaeser_growth_panel(
    start: pd.DataFrame,
    end: pd.DataFrame,
    establishments: pd.DataFrame,
    *,
    years: float,
    top: int = 5,
    industries=None,
) -> pd.DataFrame:
    """Region-industry cells with growth and the Glaeser et al. (1992) regressors.

    Measured in the start year: *specialisation*, the industry's location quotient;
    *diversity*, one minus the share of the region's employment in its ``top`` largest
    *other* industries (Glaeser et al. use that share as an inverse measure of
    diversity); *competition*, establishments per employee of the cell over
    establishments per employee of the industry nationally. Growth is
    ``ln(E_end / E_start) / years``. Cells without employment in either year or without
    establishments are kept with ``usable`` False and the reason.

    Parameters
    ----------
    start, end : pandas.DataFrame
        Regions x industries employment, non-negative, same labels.
    establishments : pandas.DataFrame
        Regions x industries establishments in the start year, same labels.
    years : float
        Years between start and end (> 0).
    top : int
        How many of the region's largest other industries define (the lack of) diversity
        (Glaeser et al.: five).
    industries : sequence, optional
        Keep only these industries as observations (the measures use the whole table).

    Returns
    -------
    pandas.DataFrame
        ``region, industry, employment_start, employment_end, growth, specialisation,
        diversity, competition, log_specialisation, log_competition,
        log_employment_start, usable, exclusion_reason``.

    Raises
    ------
    TypeError, ValueError
        Bad tables, different labels, ``years`` not positive, ``top`` not a positive
        integer smaller than the number of industries, unknown ``industries``.

    Examples
    --------
    >>> start = pd.DataFrame({"a": [10, 30], "b": [90, 70]}, index=["r1", "r2"])
    >>> firms = pd.DataFrame({"a": [1, 6], "b": [9, 7]}, index=["r1", "r2"])
    >>> panel = glaeser_growth_panel(start, start * 2, firms, years=1, top=1)
    >>> panel.loc[0, ["specialisation", "diversity", "competition"]].round(3).tolist()
    [0.5, 0.1, 0.571]

    References
    ----------
    - Glaeser, Kallal, Scheinkman and Shleifer (1992), see module references.
    """
    values = _check_counts(start, "start")
    _check_counts(end, "end", allow_zero_totals=True)
    _check_counts(establishments, "establishments", allow_zero_totals=True)
    end = _same(start, end, "end")
    establishments = _same(start, establishments, "establishments")
    years = require_real(years, "years", minimum=0.0, inclusive=False)
    top = require_positive_int(top, "top")
    n_regions, n_industries = values.shape
    if top >= n_industries:
        raise ValueError(f"top must be smaller than the number of industries ({n_industries})")
    region_total = values.sum(axis=1, keepdims=True)
    # the top + 1 largest industries of each region; drop the own industry where it is one
    ordered = -np.sort(-values, axis=1)
    largest = ordered[:, : top + 1]
    threshold = largest[:, [top - 1]]  # the top-th largest value
    in_top = values >= threshold
    top_sum = largest[:, :top].sum(axis=1, keepdims=True)
    other_top = np.where(in_top, top_sum - values + largest[:, [top]], top_sum)
    diversity = 1.0 - other_top / region_total
    firms = establishments.to_numpy(dtype=float)
    end_values = end.to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        national = firms.sum(axis=0) / values.sum(axis=0)
        competition = (firms / values) / national
        growth = np.log(end_values / values) / years
    panel = pd.DataFrame(
        {
            "region": np.repeat(start.index.to_numpy(), n_industries),
            "industry": np.tile(start.columns.to_numpy(), n_regions),
            "employment_start": values.ravel(),
            "employment_end": end_values.ravel(),
            "growth": growth.ravel(),
            "specialisation": location_quotient(start).to_numpy().ravel(),
            "diversity": diversity.ravel(),
            "competition": competition.ravel(),
        }
    )
    reasons = (
        (panel["employment_start"] == 0, "no employment at start"),
        (panel["employment_end"] == 0, "no employment at end"),
        (~(panel["competition"] > 0), "no establishments"),
    )
    reason = np.full(len(panel), "", dtype=object)
    for mask, text in reasons:
        reason[(reason == "") & mask.to_numpy()] = text
    usable = reason == ""
    with np.errstate(divide="ignore", invalid="ignore"):
        for column in ("specialisation", "competition", "employment_start"):
            panel[f"log_{column}"] = np.where(
                usable, np.log(panel[column].where(usable, 1.0)), np.nan
            )
    panel["growth"] = panel["growth"].where(usable)
    panel["competition"] = panel["competition"].where(np.isfinite(panel["competition"]))
    panel["usable"] = usable
    panel["exclusion_reason"] = pd.Series(reason, dtype="str")
    if industries is not None:
        wanted = list(industries)
        unknown = sorted(set(wanted) - set(start.columns), key=str)
        if unknown:
            raise ValueError(f"industries names industries not in start: {unknown}")
        panel = panel[panel["industry"].isin(wanted)].reset_index(drop=True)
    return panel


def fit_glaeser_growth(panel: pd.DataFrame, *, terms=None, fixed_effects=("industry",)):
    """Fit ``growth ~ specialisation + diversity + competition + initial employment``.

    OLS on the usable cells with industry fixed effects (they absorb national industry
    growth, which Glaeser et al. enter as a control) and standard errors clustered by
    region. Region fixed effects would absorb diversity, which varies little within a
    region, so they are not the default.

    Parameters
    ----------
    panel : pandas.DataFrame
        From ``glaeser_growth_panel``.
    terms : sequence of str, optional
        Default: the four of ``GLAESER_TERMS``.
    fixed_effects : sequence of str
        Default ``("industry",)``.

    Returns
    -------
    statsmodels RegressionResults
        Report it with ``clusternet.models.coefficient_table``.

    Raises
    ------
    TypeError, ValueError
        Missing columns or too few usable cells.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> start = pd.DataFrame(rng.integers(50, 500, (12, 8)), columns=list("abcdefgh"),
    ...                      index=[f"r{k}" for k in range(12)])
    >>> end = (start * np.exp(rng.normal(0, 0.1, start.shape))).round()
    >>> firms = (start / 10).round() + 1
    >>> fit = fit_glaeser_growth(glaeser_growth_panel(start, end, firms, years=3, top=2))
    >>> list(fit.params.index)
    ['log_specialisation', 'diversity', 'log_competition', 'log_employment_start']

    References
    ----------
    - Glaeser, Kallal, Scheinkman and Shleifer (1992), see module references.
    """
    terms = list(GLAESER_TERMS) if terms is None else list(terms)
    data = panel.loc[panel["usable"].astype(bool)]
    return fit_absorbed_ols(data, "growth", terms, absorb=list(fixed_effects), cluster="region")
