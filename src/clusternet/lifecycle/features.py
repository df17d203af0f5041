"""Trend features of region-cluster trajectories: quantity growth, specialisation, diversity.

:func:`lifecycle_features` fits a straight line to each series of a balanced panel over a
window of years (vectorised least squares, identical to ``clusternet.models.fit_ols`` on
``y ~ year``, see the tests), with standard errors from the residuals or from an assumed
measurement error.

References
----------
- Menzel, M.-P. and Fornahl, D. (2010). Cluster life cycles: dimensions and rationales
  of cluster evolution. *Industrial and Corporate Change* 19(1), 205-238.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_fraction,
    require_no_missing,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
    require_positive_int,
    require_real,
)
from clusternet.clusters import location_quotient

__all__ = ["lifecycle_features"]


def _require_column_name(value, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a column name (str), got {type(value).__name__}")
    return value


def _trend(values: np.ndarray, years: np.ndarray):
    """Least-squares line of every row of ``values`` on ``years`` (vectorised).

    Returns slope, fitted value at the last year, residual standard deviation (NaN-free:
    zero when there are only two years) and the pieces needed for standard errors.
    """
    x = years.astype(float)
    x_mean = x.mean()
    centred = x - x_mean
    sxx = float((centred**2).sum())
    y_mean = values.mean(axis=1)
    slope = (values - y_mean[:, None]) @ centred / sxx
    fitted_last = y_mean + slope * (x[-1] - x_mean)
    n = x.size
    if n > 2:
        residuals = values - (y_mean[:, None] + slope[:, None] * centred[None, :])
        sigma = np.sqrt((residuals**2).sum(axis=1) / (n - 2))
    else:
        sigma = np.zeros(values.shape[0])
    slope_factor = 1.0 / np.sqrt(sxx)
    level_factor = np.sqrt(1.0 / n + (x[-1] - x_mean) ** 2 / sxx)
    return slope, fitted_last, sigma, slope_factor, level_factor


def _cube(panel, region, cluster, year, value, regions, clusters, years) -> np.ndarray:
    """Region x cluster x year array of ``value`` (the panel is checked to be balanced)."""
    table = panel.set_index([region, cluster, year])[value]
    index = pd.MultiIndex.from_product([regions, clusters, years])
    return (
        table.reindex(index).to_numpy(dtype=float).reshape(len(regions), len(clusters), len(years))
    )


def lifecycle_features(
    panel: pd.DataFrame,
    *,
    region: str = "region",
    cluster: str = "cluster",
    year: str = "year",
    employment: str = "employment",
    firms: str | None = "firms",
    diversity: str | None = None,
    window: int | None = None,
    firm_weight: float = 0.5,
    noise: float | None = None,
    alpha: float = 0.05,
    min_employment: float | None = None,
) -> pd.DataFrame:
    r"""Trend features of every region-cluster trajectory, with standard errors.

    For each region and cluster, over the last ``window`` years of the panel, three
    straight lines are fitted by least squares against the year:

    - **quantity**: :math:`y_t = (1-w)\ln(E_{rct}/E_t) + w \ln(F_{rct}/F_t)`, where
      :math:`E` is employment, :math:`F` the number of firms, :math:`E_t, F_t` the totals
      of the reference economy (every row of ``panel`` in year :math:`t`) and
      :math:`w` is ``firm_weight``. Its slope ``growth`` is the cluster's growth *against
      the reference economy*, in log points a year (0.01 is about 1% a year faster);
    - **specialisation**: the log of the location quotient (``location_quotient`` of the
      region x cluster table of each year); ``specialisation`` is the fitted value at the
      last year, back on the LQ scale, which smooths one noisy year;
    - **diversity** (if ``diversity`` names a column): its slope ``diversity_trend``.

    Parameters
    ----------
    panel : pandas.DataFrame
        One row per region, cluster and year, with non-negative counts. It must cover the
        *whole* reference economy (add a row for "other industries" in each region and a
        region for "rest of the economy" if needed), because region totals and the
        reference economy are computed from it. Balanced: every region-cluster pair in
        every year of the window, with at least one employee and one firm.
    region, cluster, year, employment : str
        Column names.
    firms : str or None
        Column of the number of firms; ``None`` for employment only (official tables
        without business counts), which needs ``firm_weight=0``.
    diversity : str, optional
        Column holding a diversity index of the cluster's firms (e.g. one minus the
        Herfindahl index of their technology fields), a number in [0, 1].
    window : int, optional
        Use only the last ``window`` years (at least 2). Default: every year.
    firm_weight : float
        Weight of firms in the quantity index, in [0, 1]; 0 uses employment only.
    noise : float, optional
        An *assumed* standard deviation of each year's log count (about the relative
        error of one count). By default the standard errors come from the residuals
        around each trend (at least 3 years needed, Student t with n - 2 degrees of
        freedom). With only two years the residuals say nothing, so ``noise`` must be
        given; the errors are then normal (``df`` = inf) and are a statement about
        measurement error only, not about whether the change is part of a life cycle.
    alpha : float
        1 - confidence level of the interval of ``growth`` (default 95%).
    min_employment : float, optional
        By default every pair must have positive counts in every year of the window (an
        error names the pairs that do not). With ``min_employment``, a pair with fewer
        employees (or, if ``firms`` is used, no firm) in some year of the window is kept
        in the reference economy and in the output, flagged ``usable`` False with its
        ``exclusion_reason``, and its trend columns are missing.

    Returns
    -------
    pandas.DataFrame
        One row per region and cluster: ``region, cluster, first_year, last_year,
        n_years, employment, firms`` (last year), ``location_quotient`` (last year,
        observed), ``growth, growth_se, growth_ci_lower, growth_ci_upper,
        employment_growth, firm_growth, specialisation, specialisation_log_se,
        specialisation_trend, df`` and, with ``diversity``, ``diversity,
        diversity_trend, diversity_trend_se``; then ``usable`` and ``exclusion_reason``
        (empty for usable pairs). Without ``firms`` the ``firms`` and ``firm_growth``
        columns are left out.

    Raises
    ------
    TypeError
        ``panel`` is not a DataFrame, a column name is not a string, counts are not
        numeric, or a parameter has the wrong type.
    ValueError
        Missing columns or values, negative counts, duplicated region-cluster-year rows,
        an unbalanced panel or zero counts without ``min_employment`` (the pairs are
        named), fewer than 2 years, a ``diversity`` outside [0, 1], fewer than 3 years
        without ``noise``, or ``firms=None`` with a ``firm_weight`` other than 0.

    Examples
    --------
    >>> rows = [("A", "x", t, 100 * 1.1**i, 10, ) for i, t in enumerate(range(2000, 2004))]
    >>> rows += [("A", "y", t, 900, 90) for t in range(2000, 2004)]
    >>> rows += [("B", c, t, 500, 50) for c in "xy" for t in range(2000, 2004)]
    >>> panel = pd.DataFrame(rows, columns=["region", "cluster", "year", "employment", "firms"])
    >>> f = lifecycle_features(panel, firm_weight=0.0)
    >>> round(float(f.loc[0, "employment_growth"]), 4)  # x in A, against the economy
    0.0898
    >>> round(float(f.loc[0, "employment_growth"] - f.loc[2, "employment_growth"]), 4)  # log(1.1)
    0.0953

    References
    ----------
    - Menzel and Fornahl (2010), see module references.
    """
    require_dataframe(panel, "panel")
    names = {
        "region": region,
        "cluster": cluster,
        "year": year,
        "employment": employment,
    }
    for label, value in names.items():
        _require_column_name(value, label)
    for label, value in (("firms", firms), ("diversity", diversity)):
        if value is not None:
            _require_column_name(value, label)
    counts = [employment] + ([firms] if firms is not None else [])
    columns = [region, cluster, year, *counts] + ([diversity] if diversity else [])
    require_columns(panel, columns, "panel")
    require_nonempty(panel, "panel")
    require_no_missing(panel, "panel", columns)
    require_numeric_columns(panel, "panel", [year, *counts] + ([diversity] if diversity else []))
    require_nonnegative(panel, "panel", counts)
    if not (panel[year] == np.round(panel[year])).all():
        raise ValueError(f"panel column {year!r} must hold whole years")
    firm_weight = require_fraction(firm_weight, "firm_weight")
    if firms is None and firm_weight != 0:
        raise ValueError(
            f"firm_weight must be 0 when firms is None (employment only), got {firm_weight}"
        )
    if min_employment is not None:
        min_employment = require_real(min_employment, "min_employment", minimum=0.0)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    if noise is not None:
        noise = require_real(noise, "noise", minimum=0.0, inclusive=False)
    if diversity is not None:
        values = panel[diversity].to_numpy(dtype=float)
        if (values < 0).any() or (values > 1).any():
            raise ValueError(f"panel column {diversity!r} (diversity) must lie in [0, 1]")
    duplicated = panel.duplicated([region, cluster, year], keep=False)
    if duplicated.any():
        pairs = (
            panel.loc[duplicated, [region, cluster, year]].drop_duplicates().itertuples(index=False)
        )
        raise ValueError(
            f"panel has duplicated (region, cluster, year) rows: {format_items(list(pairs))}"
        )

    all_years = np.sort(panel[year].unique())
    if window is not None:
        window = require_positive_int(window, "window", minimum=2)
        all_years = all_years[-window:]
    if all_years.size < 2:
        raise ValueError(
            f"panel needs at least 2 years in the window to measure a trend, got {all_years.size}"
        )
    if noise is None and all_years.size < 3:
        raise ValueError(
            "with only 2 years the residuals cannot give a standard error; pass noise "
            "(the assumed relative error of one year's count, e.g. 0.02) or use 3 or more years"
        )
    if diversity is not None and all_years.size < 3:
        raise ValueError("a diversity trend needs at least 3 years; drop diversity or add years")
    data = panel.loc[panel[year].isin(all_years)]
    regions = np.sort(data[region].unique())
    clusters = np.sort(data[cluster].unique())
    pair_counts = data.groupby([region, cluster]).size()
    full = pd.MultiIndex.from_product([regions, clusters], names=[region, cluster])
    incomplete = pair_counts.reindex(full, fill_value=0)
    incomplete = incomplete[incomplete < all_years.size]
    if len(incomplete):
        raise ValueError(
            f"panel is unbalanced: {len(incomplete)} region-cluster pair(s) miss some of the years "
            f"{all_years.min()}-{all_years.max()}: {format_items(list(incomplete.index))}; add rows (the "
            "reference economy must be complete) or shorten the window"
        )
    for column in counts if min_employment is None else []:
        zero = data.loc[data[column] <= 0, [region, cluster]].drop_duplicates()
        if len(zero):
            raise ValueError(
                f"panel column {column!r} is zero for {len(zero)} region-cluster pair(s) in some year: "
                f"{format_items(list(zero.itertuples(index=False)))}; growth in logs needs positive "
                "counts (drop these pairs or merge them into a larger group)"
            )

    emp = _cube(data, region, cluster, year, employment, regions, clusters, all_years)
    n_pairs = len(regions) * len(clusters)
    floor = max(min_employment or 0.0, np.finfo(float).tiny)
    too_small = (emp < floor).any(axis=2).ravel()
    if firms is not None:
        frm = _cube(data, region, cluster, year, firms, regions, clusters, all_years)
        no_firms = (frm <= 0).any(axis=2).ravel()
    else:
        frm, no_firms = emp, np.zeros(n_pairs, dtype=bool)
    usable = ~(too_small | no_firms)
    if not usable.any():
        raise ValueError(
            f"no region-cluster pair has at least {floor:g} employees (and a firm) in every year "
            "of the window"
        )
    with np.errstate(divide="ignore"):
        log_emp_share = np.log(emp / emp.sum(axis=(0, 1), keepdims=True)).reshape(n_pairs, -1)
        log_firm_share = np.log(frm / frm.sum(axis=(0, 1), keepdims=True)).reshape(n_pairs, -1)
    lq = np.stack(
        [
            location_quotient(
                pd.DataFrame(emp[:, :, t], index=regions, columns=clusters)
            ).to_numpy()
            for t in range(all_years.size)
        ],
        axis=2,
    ).reshape(n_pairs, -1)
    # unusable pairs get placeholder values (their trends are blanked below)
    log_emp_share[~usable] = 0.0
    log_firm_share[~usable] = 0.0
    log_lq = np.log(np.where(usable[:, None], lq, 1.0))
    quantity = (1 - firm_weight) * log_emp_share + firm_weight * log_firm_share

    growth, _, sigma_q, slope_factor, level_factor = _trend(quantity, all_years)
    employment_growth = _trend(log_emp_share, all_years)[0]
    firm_growth = _trend(log_firm_share, all_years)[0]
    lq_slope, lq_fitted, sigma_l, _, _ = _trend(log_lq, all_years)
    if noise is None:
        df = float(all_years.size - 2)
        growth_se = sigma_q * slope_factor
        level_se = sigma_l * level_factor
    else:
        df = np.inf
        quantity_noise = noise * float(np.hypot(1 - firm_weight, firm_weight))
        growth_se = np.full(n_pairs, quantity_noise * slope_factor)
        level_se = np.full(n_pairs, noise * level_factor)
    critical = float(stats.t.ppf(1 - alpha / 2, df))

    pairs = full.to_frame(index=False)
    pairs.columns = ["region", "cluster"]
    out = pairs.assign(
        first_year=int(all_years[0]),
        last_year=int(all_years[-1]),
        n_years=int(all_years.size),
        employment=emp[:, :, -1].ravel(),
        firms=frm[:, :, -1].ravel(),
        location_quotient=lq[:, -1],
        growth=growth,
        growth_se=growth_se,
        growth_ci_lower=growth - critical * growth_se,
        growth_ci_upper=growth + critical * growth_se,
        employment_growth=employment_growth,
        firm_growth=firm_growth,
        specialisation=np.exp(lq_fitted),
        specialisation_log_se=level_se,
        specialisation_trend=lq_slope,
        df=df,
    )
    if diversity is not None:
        div = _cube(data, region, cluster, year, diversity, regions, clusters, all_years).reshape(
            n_pairs, -1
        )
        d_slope, d_fitted, sigma_d, _, _ = _trend(div, all_years)
        out = out.assign(
            diversity=d_fitted,
            diversity_trend=d_slope,
            diversity_trend_se=sigma_d * slope_factor,
        )
    if firms is None:
        out = out.drop(columns=["firms", "firm_growth"])
    trends = [
        c
        for c in out.columns
        if c.startswith(("growth", "employment_growth", "firm_growth", "specialisation"))
        or c.startswith("diversity")
    ]
    out.loc[~usable, trends] = np.nan
    reason = np.where(
        too_small,
        f"too small: employment below {floor:g} in some year",
        np.where(no_firms, "no firms in some year", ""),
    )
    out["usable"] = usable
    out["exclusion_reason"] = pd.Series(reason, dtype="str")
    return out
