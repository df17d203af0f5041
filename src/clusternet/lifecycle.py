"""Cluster life cycles: stage classification, indicator tables and a strategy checklist.

A cluster's *life-cycle stage* is read from its trajectory over the last few years:

- **quantity** (Menzel and Fornahl's quantitative dimension): employment and the number
  of firms, each as a share of the reference economy, so that growth is measured
  *against* the economy and a boom that lifts every industry does not count;
- **specialisation**: the cluster's location quotient (computed with
  ``location_quotient``) at the end of the window;
- **quality**, where it is available: the diversity (heterogeneity) of the firms'
  knowledge, whose rise Menzel and Fornahl associate with renewal.

:func:`lifecycle_features` fits a straight line to each of these over a window of
years (vectorised least squares, identical to ``clusternet.models.fit_ols`` on
``y ~ year``, see the tests) and :func:`classify_life_cycle` applies the documented rules
in :data:`STAGE_RULES`, with a confidence for every classification.
:func:`lifecycle_indicator_table` builds the indicator table of a region (size,
specialisation, focus, growth, firm formation, stars and stage) from two years of data,
reusing the Porter chapter's helpers ``aggregate_to_clusters``, ``location_quotient`` and
``star_rating``. :func:`strategy_checklist` ties the steps of a cluster strategy to what
these indicators can and cannot tell.

References
----------
- Menzel, M.-P. and Fornahl, D. (2010). Cluster life cycles: dimensions and rationales
  of cluster evolution. *Industrial and Corporate Change* 19(1), 205-238.
- ERIK Network (2007). Clusters and Networks Thematic Working Group (led by Advantage
  West Midlands). European Regions Knowledge-based Innovation Network.
- European Commission (2002). Creating Smart Systems: a guide to cluster strategies in
  less favoured regions.
- European Cluster Observatory (2008). Star rating of regional clusters: size,
  specialisation and focus.
"""

from __future__ import annotations

import numbers

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
from clusternet.clusters import aggregate_to_clusters, location_quotient, star_rating

__all__ = [
    "LIFECYCLE_STAGES",
    "STAGE_RULES",
    "lifecycle_features",
    "classify_life_cycle",
    "stage_recovery",
    "stage_confusion",
    "lifecycle_indicator_table",
    "strategy_checklist",
    "lifecycle_us_inputs",
]
# key_results() is deliberately not in __all__: every topic module has one, so it is
# called as clusternet.lifecycle.key_results()

#: The stages, in life-cycle order. Menzel and Fornahl (2010) name emergence, growth,
#: sustainment and decline, and allow renewal; the guide *Creating Smart Systems* (as
#: quoted by the ERIK network) speaks of embryonic, growth, maturity and decay clusters.
#: "not specialised" is a stable activity that is not concentrated in the region: no
#: cluster at any stage on these indicators.
LIFECYCLE_STAGES = ("emerging", "growing", "mature", "declining", "renewing", "not specialised")

#: The classification rules, in words (``g``: quantity growth against the reference
#: economy; ``LQ``: specialisation at the end of the window; ``d``: diversity trend).
STAGE_RULES = {
    "emerging": "g > growth_threshold and LQ < specialisation_threshold",
    "growing": "g > growth_threshold and LQ >= specialisation_threshold and d <= diversity_threshold (or no diversity data)",
    "renewing": "g > growth_threshold and LQ >= specialisation_threshold and d > diversity_threshold",
    "mature": "|g| <= growth_threshold and LQ >= specialisation_threshold",
    "not specialised": "|g| <= growth_threshold and LQ < specialisation_threshold",
    "declining": "g < -growth_threshold (whatever LQ)",
}

#: default thresholds (analyst's choices, not taken from a source; see the chapter)
GROWTH_THRESHOLD = 0.01  # 1 log point a year faster or slower than the reference economy
SPECIALISATION_THRESHOLD = 1.0  # LQ above 1: specialised (BEA definition, papers.md 1.6)
DIVERSITY_THRESHOLD = 0.005  # diversity index rising by more than 0.005 a year

_FEATURE_COLUMNS = ("growth", "growth_se", "specialisation", "specialisation_log_se", "df")


# --------------------------------------------------------------------------- helpers


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


# --------------------------------------------------------------------------- features


def lifecycle_features(
    panel: pd.DataFrame,
    *,
    region: str = "region",
    cluster: str = "cluster",
    year: str = "year",
    employment: str = "employment",
    firms: str = "firms",
    diversity: str | None = None,
    window: int | None = None,
    firm_weight: float = 0.5,
    noise: float | None = None,
    alpha: float = 0.05,
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
    region, cluster, year, employment, firms : str
        Column names.
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

    Returns
    -------
    pandas.DataFrame
        One row per region and cluster: ``region, cluster, first_year, last_year,
        n_years, employment, firms`` (last year), ``location_quotient`` (last year,
        observed), ``growth, growth_se, growth_ci_lower, growth_ci_upper,
        employment_growth, firm_growth, specialisation, specialisation_log_se,
        specialisation_trend, df`` and, with ``diversity``, ``diversity,
        diversity_trend, diversity_trend_se``.

    Raises
    ------
    TypeError
        ``panel`` is not a DataFrame, a column name is not a string, counts are not
        numeric, or a parameter has the wrong type.
    ValueError
        Missing columns or values, negative counts, duplicated region-cluster-year rows,
        an unbalanced panel or zero counts (the pairs are named), fewer than 2 years, a
        ``diversity`` outside [0, 1], or fewer than 3 years without ``noise``.

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
        "firms": firms,
    }
    for label, value in names.items():
        _require_column_name(value, label)
    if diversity is not None:
        _require_column_name(diversity, "diversity")
    counts = [employment, firms]
    columns = [region, cluster, year, *counts] + ([diversity] if diversity else [])
    require_columns(panel, columns, "panel")
    require_nonempty(panel, "panel")
    require_no_missing(panel, "panel", columns)
    require_numeric_columns(panel, "panel", [year, *counts] + ([diversity] if diversity else []))
    require_nonnegative(panel, "panel", counts)
    if not (panel[year] == np.round(panel[year])).all():
        raise ValueError(f"panel column {year!r} must hold whole years")
    firm_weight = require_fraction(firm_weight, "firm_weight")
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
    for column in counts:
        zero = data.loc[data[column] <= 0, [region, cluster]].drop_duplicates()
        if len(zero):
            raise ValueError(
                f"panel column {column!r} is zero for {len(zero)} region-cluster pair(s) in some year: "
                f"{format_items(list(zero.itertuples(index=False)))}; growth in logs needs positive "
                "counts (drop these pairs or merge them into a larger group)"
            )

    emp = _cube(data, region, cluster, year, employment, regions, clusters, all_years)
    frm = _cube(data, region, cluster, year, firms, regions, clusters, all_years)
    n_pairs = len(regions) * len(clusters)
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
    quantity = (1 - firm_weight) * log_emp_share + firm_weight * log_firm_share

    growth, _, sigma_q, slope_factor, level_factor = _trend(quantity, all_years)
    employment_growth = _trend(log_emp_share, all_years)[0]
    firm_growth = _trend(log_firm_share, all_years)[0]
    lq_slope, lq_fitted, sigma_l, _, _ = _trend(np.log(lq), all_years)
    if noise is None:
        df = float(all_years.size - 2)
        growth_se = sigma_q * slope_factor
        level_se = sigma_l * level_factor
    else:
        df = np.inf
        quantity_noise = noise * np.hypot(1 - firm_weight, firm_weight)
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
    return out


# --------------------------------------------------------------------------- classification


def _probability_above(estimate, threshold, se, df, *, strict: bool = True) -> np.ndarray:
    """P(true value beyond ``threshold``) under a t (or normal) error; a step if se == 0."""
    estimate = np.asarray(estimate, dtype=float)
    se = np.asarray(se, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        z = (estimate - threshold) / np.where(se > 0, se, 1.0)
    smooth = stats.t.cdf(z, df)
    step = (estimate > threshold) if strict else (estimate >= threshold)
    return np.where(se > 0, smooth, step.astype(float))


def classify_life_cycle(
    features: pd.DataFrame,
    *,
    growth_threshold: float = GROWTH_THRESHOLD,
    specialisation_threshold: float = SPECIALISATION_THRESHOLD,
    diversity_threshold: float = DIVERSITY_THRESHOLD,
) -> pd.DataFrame:
    r"""Life-cycle stage of every trajectory, with the probability of each stage.

    The rules (:data:`STAGE_RULES`), on the features of :func:`lifecycle_features`:

    - ``growth`` :math:`g` above ``growth_threshold``: the cluster is gaining ground on
      the economy. It is **emerging** if its specialisation is still below
      ``specialisation_threshold``, **renewing** if it is specialised and the diversity
      of its firms is rising faster than ``diversity_threshold`` a year (divergence,
      Menzel and Fornahl), and **growing** otherwise;
    - :math:`|g|` at most ``growth_threshold``: **mature** if specialised, **not
      specialised** if not (a stable activity that is no cluster on these indicators);
    - :math:`g` below ``-growth_threshold``: **declining**.

    Without diversity data renewal cannot be told apart from growth, so a renewing
    cluster is reported as growing.

    **Confidence.** Each feature is an estimate with a standard error. Treating the
    errors of ``growth``, the log of ``specialisation`` and ``diversity_trend`` as
    independent Student t (``df`` degrees of freedom, normal when ``df`` is inf), the
    probability of every stage follows from the probabilities of being beyond each
    threshold; for example

    .. math:: P(\text{mature}) = P(|g| \le \tau)\, P(\mathrm{LQ} \ge \lambda).

    ``confidence`` is the probability of the stage the rules assign: near 1 far from
    every threshold, near 0.5 (or lower) on a boundary. It reflects sampling error of
    the trends only, not the choice of thresholds or of the window.

    Parameters
    ----------
    features : pandas.DataFrame
        Output of :func:`lifecycle_features`.
    growth_threshold : float
        :math:`\tau`, in log points a year against the reference economy (default 0.01).
    specialisation_threshold : float
        :math:`\lambda`, location quotient (default 1, the BEA reading of LQ above 1 as
        specialised).
    diversity_threshold : float
        Diversity-index points a year (default 0.005); used only if ``features`` has a
        ``diversity_trend`` column.

    Returns
    -------
    pandas.DataFrame
        ``features`` with ``stage`` (one of :data:`LIFECYCLE_STAGES`), ``confidence``
        and one ``p_<stage>`` column per stage (spaces as underscores); the
        probabilities of a row sum to 1.

    Raises
    ------
    TypeError
        ``features`` is not a DataFrame or a threshold is not a number.
    ValueError
        Missing feature columns or values, negative standard errors, or a threshold
        that is negative (growth, diversity) or not positive (specialisation).

    Examples
    --------
    >>> f = pd.DataFrame({"growth": [0.05, 0.0, -0.05], "growth_se": [0.0, 0.0, 0.0],
    ...                   "specialisation": [0.5, 2.0, 2.0], "specialisation_log_se": [0.0] * 3,
    ...                   "df": [6.0] * 3})
    >>> classify_life_cycle(f)["stage"].tolist()
    ['emerging', 'mature', 'declining']

    References
    ----------
    - Menzel and Fornahl (2010), see module references.
    """
    require_dataframe(features, "features")
    require_columns(features, _FEATURE_COLUMNS, "features")
    require_nonempty(features, "features")
    has_diversity = "diversity_trend" in features.columns
    numeric = list(_FEATURE_COLUMNS) + (
        ["diversity_trend", "diversity_trend_se"] if has_diversity else []
    )
    if has_diversity:
        require_columns(features, ["diversity_trend_se"], "features")
    require_numeric_columns(features, "features", numeric)
    require_no_missing(features, "features", numeric)
    ses = ["growth_se", "specialisation_log_se"] + (["diversity_trend_se"] if has_diversity else [])
    finite = [c for c in numeric if c != "df"]
    require_nonnegative(features, "features", ses)
    if not np.isfinite(features[finite].to_numpy(dtype=float)).all():
        raise ValueError("features has infinite values in its estimates")
    if (features["specialisation"] <= 0).any():
        raise ValueError("features column 'specialisation' must be positive (a location quotient)")
    if (features["df"] <= 0).any():
        raise ValueError("features column 'df' (degrees of freedom) must be positive")
    tau = require_real(growth_threshold, "growth_threshold", minimum=0.0)
    lam = require_real(
        specialisation_threshold, "specialisation_threshold", minimum=0.0, inclusive=False
    )
    tau_d = require_real(diversity_threshold, "diversity_threshold", minimum=0.0)

    df = features["df"].to_numpy(dtype=float)
    g = features["growth"].to_numpy(dtype=float)
    g_se = features["growth_se"].to_numpy(dtype=float)
    log_lq = np.log(features["specialisation"].to_numpy(dtype=float))
    p_up = _probability_above(g, tau, g_se, df)
    p_down = _probability_above(-g, tau, g_se, df)
    p_flat = np.clip(1.0 - p_up - p_down, 0.0, 1.0)
    p_spec = _probability_above(
        log_lq,
        np.log(lam),
        features["specialisation_log_se"].to_numpy(dtype=float),
        df,
        strict=False,
    )
    if has_diversity:
        d = features["diversity_trend"].to_numpy(dtype=float)
        p_div = _probability_above(
            d, tau_d, features["diversity_trend_se"].to_numpy(dtype=float), df
        )
        div_up = d > tau_d
    else:
        p_div = np.zeros_like(g)
        div_up = np.zeros(g.shape, dtype=bool)
    probabilities = {
        "emerging": p_up * (1 - p_spec),
        "growing": p_up * p_spec * (1 - p_div),
        "mature": p_flat * p_spec,
        "declining": p_down,
        "renewing": p_up * p_spec * p_div,
        "not specialised": p_flat * (1 - p_spec),
    }
    up, down = g > tau, g < -tau
    spec = log_lq >= np.log(lam)
    stage = np.select(
        [down, up & ~spec, up & spec & div_up, up & spec, spec],
        ["declining", "emerging", "renewing", "growing", "mature"],
        default="not specialised",
    )
    out = features.copy()
    out["stage"] = pd.Series(stage, index=features.index, dtype="str")
    matrix = np.column_stack([probabilities[s] for s in LIFECYCLE_STAGES])
    chosen = np.array([LIFECYCLE_STAGES.index(s) for s in stage])
    out["confidence"] = matrix[np.arange(len(stage)), chosen]
    for s in LIFECYCLE_STAGES:
        out["p_" + s.replace(" ", "_")] = probabilities[s]
    return out


# --------------------------------------------------------------------------- evaluation


def _stage_series(values, name: str) -> pd.Series:
    if isinstance(values, pd.Series):
        series = values
    elif isinstance(values, (list, tuple, np.ndarray)):
        series = pd.Series(list(values))
    else:
        raise TypeError(
            f"{name} must be a pandas Series, list or array of stage names, got {type(values).__name__}"
        )
    if series.isna().any():
        raise ValueError(f"{name} has missing values")
    unknown = sorted(set(series.astype(str)) - set(LIFECYCLE_STAGES))
    if unknown:
        raise ValueError(
            f"{name} has unknown stage(s) {format_items(unknown)}; stages are {format_items(LIFECYCLE_STAGES)}"
        )
    return series.astype(str).reset_index(drop=True)


def stage_confusion(planted, classified) -> pd.DataFrame:
    """Cross-tabulate planted (true) stages against classified stages.

    Parameters
    ----------
    planted, classified : pandas.Series, list or array
        Stage names from :data:`LIFECYCLE_STAGES`, same length, aligned by position.

    Returns
    -------
    pandas.DataFrame
        Counts with every stage as a row (planted) and a column (classified), in
        life-cycle order; stages absent from both inputs are kept with zeros.

    Raises
    ------
    TypeError
        Inputs that are not sequences.
    ValueError
        Unknown stage names, missing values, different lengths or empty inputs.

    Examples
    --------
    >>> t = stage_confusion(["growing", "mature"], ["growing", "declining"])
    >>> int(t.loc["mature", "declining"]), int(t.to_numpy().trace())
    (1, 1)
    """
    planted = _stage_series(planted, "planted")
    classified = _stage_series(classified, "classified")
    if len(planted) != len(classified):
        raise ValueError(
            f"planted and classified differ in length ({len(planted)} vs {len(classified)})"
        )
    if len(planted) == 0:
        raise ValueError("planted is empty; there is nothing to compare")
    table = pd.crosstab(
        pd.Categorical(planted, categories=LIFECYCLE_STAGES),
        pd.Categorical(classified, categories=LIFECYCLE_STAGES),
        dropna=False,
    )
    table.index.name, table.columns.name = "planted", "classified"
    table.index = pd.Index([str(s) for s in table.index], name="planted")
    table.columns = pd.Index([str(s) for s in table.columns], name="classified")
    return table


def stage_recovery(planted, classified, confidence=None, *, alpha: float = 0.05) -> dict:
    """How often the classifier recovers the planted stage, with a Wilson interval.

    Parameters
    ----------
    planted, classified : pandas.Series, list or array
        Stage names, aligned by position.
    confidence : sequence of float, optional
        The ``confidence`` column of :func:`classify_life_cycle`, in [0, 1]. When given,
        the result also reports the mean confidence (the accuracy the classifier expects
        of itself) and the mean confidence of correct and of wrong classifications.
    alpha : float
        1 - confidence level of the interval (default 95%).

    Returns
    -------
    dict
        ``n, n_correct, accuracy, ci_lower, ci_upper`` and, with ``confidence``,
        ``mean_confidence, mean_confidence_correct, mean_confidence_wrong`` (the last
        is omitted when every classification is correct, so nothing is NaN).

    Raises
    ------
    TypeError, ValueError
        As :func:`stage_confusion`; ``confidence`` of the wrong length, missing or
        outside [0, 1].

    Examples
    --------
    >>> r = stage_recovery(["growing", "mature", "mature", "declining"],
    ...                    ["growing", "mature", "declining", "declining"])
    >>> r["n_correct"], r["accuracy"]
    (3, 0.75)
    """
    from statsmodels.stats.proportion import proportion_confint

    table = stage_confusion(planted, classified)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    n = int(table.to_numpy().sum())
    correct = int(np.trace(table.to_numpy()))
    lower, upper = proportion_confint(correct, n, alpha=alpha, method="wilson")
    out = {
        "n": n,
        "n_correct": correct,
        "accuracy": correct / n,
        "ci_lower": float(lower),
        "ci_upper": float(upper),
    }
    if confidence is not None:
        conf = (
            np.asarray(confidence, dtype=float)
            if not isinstance(confidence, pd.Series)
            else confidence.to_numpy(dtype=float)
        )
        if conf.shape != (n,):
            raise ValueError(
                f"confidence must have one value per classification ({n}), got shape {conf.shape}"
            )
        if not np.isfinite(conf).all() or (conf < 0).any() or (conf > 1).any():
            raise ValueError("confidence must hold probabilities in [0, 1] without missing values")
        hit = (
            _stage_series(planted, "planted").to_numpy()
            == _stage_series(classified, "classified").to_numpy()
        )
        out["mean_confidence"] = float(conf.mean())
        out["mean_confidence_correct"] = float(conf[hit].mean()) if hit.any() else 0.0
        if (~hit).any():
            out["mean_confidence_wrong"] = float(conf[~hit].mean())
    return out


# --------------------------------------------------------------------------- indicator table


def _check_same_labels(frames: dict) -> None:
    reference_name, reference = next(iter(frames.items()))
    for name, frame in frames.items():
        require_dataframe(frame, name)
        if not frame.index.equals(reference.index) or not frame.columns.equals(reference.columns):
            raise ValueError(
                f"{name} must have the same regions (rows) and industries (columns), in the same "
                f"order, as {reference_name}; align them with .reindex(...) first"
            )


def lifecycle_indicator_table(
    employment_start: pd.DataFrame,
    employment_end: pd.DataFrame,
    firms_start: pd.DataFrame,
    firms_end: pd.DataFrame,
    mapping,
    *,
    start_year: int,
    end_year: int,
    noise: float = 0.02,
    min_employment: float = 1.0,
    exclude_withheld: bool = True,
    firm_weight: float = 0.5,
    growth_threshold: float = GROWTH_THRESHOLD,
    specialisation_threshold: float = SPECIALISATION_THRESHOLD,
    **star_options,
) -> pd.DataFrame:
    """Indicator table of every region and cluster between two years.

    Columns, per region and cluster:

    - **size**: ``employment`` in ``end_year`` and the size star;
    - **specialisation**: location quotient in both years and the specialisation star;
    - **focus**: the cluster's share of the region's employment, and the focus star;
    - **growth**: employment growth against the reference economy, in log points a year;
    - **firm formation**: net growth in the number of firms (establishments) against the
      reference economy, log points a year (net change: births minus deaths);
    - ``stars`` (0-3) from the Porter chapter's ``star_rating`` on ``end_year``;
    - ``stage`` and ``confidence`` from :func:`classify_life_cycle` on the two years,
      with an *assumed* measurement error ``noise`` (two years give no residuals).

    The reference economy is every region and industry of the matrices, and the mapping
    must assign every industry (group the rest under "other industries").

    Parameters
    ----------
    employment_start, employment_end, firms_start, firms_end : pandas.DataFrame
        Regions x industries counts, with identical labels in the same order.
    mapping : dict or pandas.Series
        Industry -> cluster (see ``aggregate_to_clusters``).
    start_year, end_year : int
        The two years, ``end_year`` later.
    noise : float
        Assumed relative error of one count (default 0.02: the US Census flags cells
        changed by less than 2% by noise infusion as low noise).
    min_employment : float
        Region-cluster pairs with fewer employees in either year are left out (default
        1: only pairs with no employees); their number is in ``attrs["n_excluded"]``.
    exclude_withheld : bool
        Leave out pairs with an industry that has establishments but zero employees in
        either year: County Business Patterns' mark of a withheld cell, whose employment
        is unknown, not zero (default True).
    firm_weight : float
        Weight of firm formation in the quantity growth that decides the stage, as in
        :func:`lifecycle_features` (default 0.5).
    growth_threshold, specialisation_threshold : float
        Passed to :func:`classify_life_cycle`.
    **star_options
        ``size_top_share``, ``specialisation_threshold_stars`` (renamed to avoid a clash)
        and ``focus_top_share`` for ``star_rating``.

    Returns
    -------
    pandas.DataFrame
        One row per kept region-cluster pair: ``region, cluster, employment,
        size_star, lq_start, lq_end, specialisation_star, focus, focus_star, stars,
        growth, firm_formation, quantity_growth, stage, confidence``. ``attrs["excluded"]`` lists the
        pairs left out and why.

    Raises
    ------
    TypeError, ValueError
        Matrices that are not DataFrames, with different labels, negative or missing
        counts; a bad mapping (see ``aggregate_to_clusters``); ``end_year`` not after
        ``start_year``; unknown ``star_options``; no pair left to classify.

    Examples
    --------
    >>> e0 = pd.DataFrame({"a": [10, 30], "b": [90, 70]}, index=["p", "q"])
    >>> e1 = pd.DataFrame({"a": [20, 30], "b": [90, 70]}, index=["p", "q"])
    >>> t = lifecycle_indicator_table(e0, e1, e0 // 10, e1 // 10, {"a": "A", "b": "B"},
    ...                               start_year=2017, end_year=2021, size_top_share=0.5,
    ...                               focus_top_share=0.5)
    >>> t.loc[0, ["region", "cluster", "stage"]].tolist()
    ['p', 'A', 'emerging']

    References
    ----------
    - European Cluster Observatory (2008), see module references.
    - US Census Bureau. County Business Patterns: noise infusion and noise flags.
    """
    frames = {
        "employment_start": employment_start,
        "employment_end": employment_end,
        "firms_start": firms_start,
        "firms_end": firms_end,
    }
    _check_same_labels(frames)
    for name, frame in frames.items():
        require_nonempty(frame, name)
        require_numeric_columns(frame, name)
        require_nonnegative(frame, name)
    for value, label in ((start_year, "start_year"), (end_year, "end_year")):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{label} must be an integer year, got {type(value).__name__}")
    if end_year <= start_year:
        raise ValueError(f"end_year ({end_year}) must be after start_year ({start_year})")
    min_employment = require_real(min_employment, "min_employment", minimum=0.0)
    noise = require_real(noise, "noise", minimum=0.0, inclusive=False)
    weight = require_fraction(firm_weight, "firm_weight")
    if not isinstance(exclude_withheld, bool):
        raise TypeError(
            f"exclude_withheld must be True or False, got {type(exclude_withheld).__name__}"
        )
    allowed = {"size_top_share", "specialisation_threshold_stars", "focus_top_share"}
    unknown = sorted(set(star_options) - allowed)
    if unknown:
        raise ValueError(
            f"unknown star_options {format_items(unknown)}; allowed: {format_items(sorted(allowed))}"
        )
    if "specialisation_threshold_stars" in star_options:
        star_options["specialisation_threshold"] = star_options.pop(
            "specialisation_threshold_stars"
        )

    emp0 = aggregate_to_clusters(employment_start, mapping)
    emp1 = aggregate_to_clusters(employment_end, mapping)
    frm0 = aggregate_to_clusters(firms_start, mapping)
    frm1 = aggregate_to_clusters(firms_end, mapping)
    stars = star_rating(employment_end, mapping, **star_options).set_index(["region", "cluster"])
    lq0 = location_quotient(emp0)
    lq1 = location_quotient(emp1)
    focus = emp1.div(emp1.sum(axis=1), axis=0)

    floor = max(min_employment, np.finfo(float).tiny)
    small = (emp0 < floor) | (emp1 < floor) | (frm0 <= 0) | (frm1 <= 0)
    reason = pd.DataFrame("", index=emp1.index, columns=emp1.columns, dtype="str")
    reason = reason.mask(small, "too small: employment below the minimum or no firms in a year")
    excluded_mask = small
    if exclude_withheld:
        withheld_cells = ((employment_start == 0) & (firms_start > 0)) | (
            (employment_end == 0) & (firms_end > 0)
        )
        withheld = aggregate_to_clusters(withheld_cells.astype(int), mapping) > 0
        reason = reason.mask(
            ~small & withheld, "withheld cell: an industry with establishments but zero employees"
        )
        excluded_mask = small | withheld
    keep = ~excluded_mask
    if not keep.to_numpy().any():
        raise ValueError(
            "no region-cluster pair has enough employment and firms in both years to classify"
        )

    span = end_year - start_year
    # growth against the reference economy (every region and industry of the matrices)
    total_growth = np.log(emp1.to_numpy().sum() / emp0.to_numpy().sum()) / span
    firm_total_growth = np.log(frm1.to_numpy().sum() / frm0.to_numpy().sum()) / span
    rows = keep.stack()
    rows = rows[rows].index
    rows.names = ["region", "cluster"]
    e0, e1 = emp0.stack().reindex(rows), emp1.stack().reindex(rows)
    f0, f1 = frm0.stack().reindex(rows), frm1.stack().reindex(rows)
    growth = np.log(e1.astype(float) / e0.astype(float)) / span - total_growth
    firm_formation = np.log(f1.astype(float) / f0.astype(float)) / span - firm_total_growth
    lq_end = lq1.stack().reindex(rows)
    # two-year features exactly as lifecycle_features computes them (assumed noise):
    # the slope of two points is their difference over the span
    features = pd.DataFrame(
        {
            "growth": ((1 - weight) * growth + weight * firm_formation).to_numpy(),
            "growth_se": noise * np.hypot(1 - weight, weight) * np.sqrt(2.0) / span,
            "specialisation": lq_end.to_numpy(),
            "specialisation_log_se": noise,
            "df": np.inf,
        }
    )
    classified = classify_life_cycle(
        features,
        growth_threshold=growth_threshold,
        specialisation_threshold=specialisation_threshold,
    )

    table = pd.DataFrame(index=rows)
    table["employment"] = e1
    table["size_star"] = stars["size_star"].reindex(rows)
    table["lq_start"] = lq0.stack().reindex(rows)
    table["lq_end"] = lq_end
    table["specialisation_star"] = stars["specialisation_star"].reindex(rows)
    table["focus"] = focus.stack().reindex(rows)
    table["focus_star"] = stars["focus_star"].reindex(rows)
    table["stars"] = stars["stars"].reindex(rows)
    table["growth"] = growth
    table["firm_formation"] = firm_formation
    table["quantity_growth"] = features["growth"].to_numpy()
    table["stage"] = classified["stage"].to_numpy()
    table["confidence"] = classified["confidence"].to_numpy()
    table = table.reset_index()
    excluded = reason.stack()
    excluded = excluded[excluded != ""]
    excluded.index.names = ["region", "cluster"]
    table.attrs["excluded"] = excluded.rename("reason").reset_index()
    table.attrs["n_excluded"] = int(len(excluded))
    return table


# --------------------------------------------------------------------------- checklist

_CHECKLIST = [
    # (step, question, indicator, helpers, chapter, can_inform, source status)
    (
        "Evidence base: where is the cluster?",
        "Is the activity concentrated in the region, and how large is it?",
        "location quotient, employment, focus, star rating",
        "cluster_location_quotient, star_rating",
        "ch-porter-clusters",
        "yes",
        "ERIK: evidence base first (VERIFIED)",
    ),
    (
        "Evidence base: is it gaining ground?",
        "Is it growing faster than the economy, and are firms forming?",
        "growth against the reference economy, net firm formation",
        "lifecycle_indicator_table",
        "ch-cluster-life-cycles",
        "yes",
        "ERIK: evidence base first (VERIFIED)",
    ),
    (
        "Life-cycle stage",
        "Is it emerging, growing, mature, declining or renewing?",
        "stage and confidence from the trajectory",
        "lifecycle_features, classify_life_cycle",
        "ch-cluster-life-cycles",
        "partly",
        "Menzel and Fornahl stages (VERIFIED); a stage from two years is a reading of one change",
    ),
    (
        "Systematic relationships among firms",
        "Do firms share products, processes, technologies, resources, skills or channels?",
        "cluster definitions that group related industries (co-location, input-output, occupations)",
        "aggregate_to_clusters",
        "ch-porter-clusters",
        "partly",
        "Creating Smart Systems, first key feature (VERIFIED); the grouping is national, local ties are not observed",
    ),
    (
        "Geographic reach",
        "Is the cluster bounded by travel-to-work and networking distances?",
        "none: the report's real data are for states, not travel-to-work areas",
        "",
        "",
        "no",
        "Creating Smart Systems key feature as quoted in the brief (UNVERIFIED)",
    ),
    (
        "Not defined by membership",
        "Who benefits, members of a cluster organisation or every firm nearby?",
        "indicators count every establishment in the cluster's industries, member or not",
        "aggregate_to_clusters",
        "ch-porter-clusters",
        "partly",
        "Creating Smart Systems key feature as quoted in the brief (UNVERIFIED); free riding is not measured",
    ),
    (
        "Hard and soft externalities",
        "Does the cluster raise its firms' growth and innovation?",
        "association of cluster strength with growth (hard); trust and buzz are not measured (soft)",
        "dps_growth_regression",
        "ch-porter-clusters",
        "partly",
        "Creating Smart Systems key feature as quoted in the brief (UNVERIFIED)",
    ),
    (
        "Defined by relationships",
        "How are the firms connected, locally and to distant partners?",
        "network measures (layers, small-world Q, hierarchy, pipelines) on sample data or a reader's survey",
        "",
        "ch-creative-connections",
        "partly",
        "Creating Smart Systems key feature as quoted in the brief (UNVERIFIED); no real US network data",
    ),
    (
        "Quality of the cluster's knowledge",
        "Is the diversity of its firms' knowledge rising or falling?",
        "diversity trend (renewal rule); not in County Business Patterns",
        "lifecycle_features",
        "ch-cluster-life-cycles",
        "no",
        "Menzel and Fornahl: heterogeneity drives the cycle (VERIFIED); no real diversity data here",
    ),
    (
        "Monitoring",
        "Can the same indicators be repeated every year?",
        "every indicator above, re-run on each new County Business Patterns release",
        "lifecycle_indicator_table",
        "ch-cluster-life-cycles",
        "yes",
        "report's own recommendation",
    ),
]


def strategy_checklist() -> pd.DataFrame:
    """The steps of a cluster strategy, tied to what the report's indicators can tell.

    The rows follow the ERIK clusters working group's advice to get the evidence base
    right first, and the key features of clusters listed in the Commission's guide
    *Creating Smart Systems* as the ERIK page quotes them (only the first feature could be
    checked against the page; the others are as summarised in the brief of this report).

    Returns
    -------
    pandas.DataFrame
        One row per step: ``step, question, indicator, helpers`` (comma-separated names
        of ``clusternet`` functions, empty when none), ``chapter`` (a label of the book),
        ``can_inform`` (``"yes"``, ``"partly"`` or ``"no"``) and ``source``.

    Examples
    --------
    >>> checklist = strategy_checklist()
    >>> checklist["can_inform"].value_counts().to_dict()
    {'partly': 5, 'yes': 3, 'no': 2}

    References
    ----------
    - ERIK Network (2007); European Commission (2002), see module references.
    """
    columns = ["step", "question", "indicator", "helpers", "chapter", "can_inform", "source"]
    return pd.DataFrame(_CHECKLIST, columns=columns).astype("str")


# --------------------------------------------------------------------------- real US data


def lifecycle_us_inputs(start_year: int = 2017, end_year: int = 2021) -> dict:
    """The report's real US data, ready for :func:`lifecycle_indicator_table`.

    Loads County Business Patterns for the two years (state x 4-digit NAICS), pivots
    employees and establishments into states x industries matrices with
    ``long_to_matrix`` (states named, industries absent in a year filled with 0), and
    maps every 4-digit code to a Porter benchmark cluster with the Porter chapter's
    ``naics_cluster_crosswalk`` (majority of its 6-digit codes, NAICS 2017 codes that
    changed since 2007 through the ``naics4_2007_to_2017`` concordance). The resource-
    dependent "Agricultural Products" cluster is renamed "Agricultural Products
    (resource-dependent)" so that cluster names are unique.

    Parameters
    ----------
    start_year, end_year : int
        Years with a ``cbp_state_naics4_<year>`` data set (2017 and 2021).

    Returns
    -------
    dict
        ``employment_start, employment_end, firms_start, firms_end`` (DataFrames with
        identical labels), ``mapping`` (Series, NAICS code -> cluster name),
        ``cluster_type`` (Series, cluster name -> traded / local / resource_dependent)
        and ``confident_employment_share`` (share of ``end_year`` employment in codes
        whose 6-digit codes all belong to one cluster).

    Raises
    ------
    ValueError
        A year without a County Business Patterns data set, or ``end_year`` not after
        ``start_year``.

    Examples
    --------
    >>> inputs = lifecycle_us_inputs()  # doctest: +SKIP
    >>> inputs["employment_end"].shape  # doctest: +SKIP
    (50, 288)

    References
    ----------
    - US Census Bureau. County Business Patterns 2017 and 2021.
    - Porter (2003); Delgado, Porter and Stern (2016): cluster definitions.
    """
    from clusternet import data
    from clusternet.clusters import long_to_matrix, naics_cluster_crosswalk

    for value, label in ((start_year, "start_year"), (end_year, "end_year")):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{label} must be an integer year, got {type(value).__name__}")
    if end_year <= start_year:
        raise ValueError(f"end_year ({end_year}) must be after start_year ({start_year})")
    states = data.load("us_states").set_index("fips")["name"]
    matrices = {}
    for when, year in (("start", start_year), ("end", end_year)):
        cbp = data.load(f"cbp_state_naics4_{year}")
        for key, column in (("employment", "Employees"), ("firms", "Establishments")):
            matrix = long_to_matrix(cbp, region="Fips", industry="Naics", value=column)
            matrices[f"{key}_{when}"] = matrix.rename(index=states)
    regions = matrices["employment_start"].index.union(matrices["employment_end"].index)
    industries = matrices["employment_start"].columns.union(matrices["employment_end"].columns)
    for key, matrix in matrices.items():
        matrices[key] = matrix.reindex(index=regions, columns=industries, fill_value=0)

    definitions = data.load("porter_clusters_naics2007")
    concordance = (
        data.load("naics4_2007_to_2017").groupby("naics4_2017")["naics4_2007"].apply(list).to_dict()
    )
    crosswalk = naics_cluster_crosswalk(definitions, concordance=concordance).set_index("naics")
    clusters = definitions.drop_duplicates("cluster_code").set_index("cluster_code")
    duplicated = clusters["cluster_name"].duplicated(keep=False) & (
        clusters["cluster_type"] == "resource_dependent"
    )
    labels = clusters["cluster_name"].where(
        ~duplicated, clusters["cluster_name"] + " (resource-dependent)"
    )
    missing = [code for code in industries if code not in crosswalk.index]
    if missing:
        raise ValueError(
            f"the cluster crosswalk has no cluster for NAICS code(s) {format_items(missing)}"
        )
    mapping = crosswalk.loc[industries, "cluster"].map(labels).astype("str")
    cluster_type = pd.Series(clusters["cluster_type"].to_numpy(), index=labels.to_numpy()).astype(
        "str"
    )
    end_employment = matrices["employment_end"].sum(axis=0)
    confident = crosswalk.loc[industries, "confident"].to_numpy()
    return {
        **matrices,
        "mapping": mapping,
        "cluster_type": cluster_type,
        "confident_employment_share": float(end_employment[confident].sum() / end_employment.sum()),
    }


# --------------------------------------------------------------------------- key results

#: settings the chapter uses: window (years) on the sample panel, the two sample years
#: that mimic the real data, the noise assumed for them (the generator's 3%), the
#: assumed relative error of a CBP count (Census "low noise" flag: below 2%), the
#: smallest region-cluster pair read for a stage, and the alternative growth thresholds
SAMPLE_WINDOW = 8
SAMPLE_TWO_YEARS = (2015, 2019)
SAMPLE_NOISE = 0.03
CBP_NOISE = 0.02
US_MIN_EMPLOYMENT = 1000.0
US_ALTERNATIVE_THRESHOLDS = (0.005, 0.02)


def key_results() -> dict[str, float]:
    """Numbers glued in the life-cycle chapter, by glue name.

    Computed from the committed data with the same calls as the chapter: the sample
    panel over the last :data:`SAMPLE_WINDOW` years (and over two years, 2015 and 2019,
    to mimic the real data), and County Business Patterns 2017 and 2021 with the
    defaults of :func:`lifecycle_indicator_table`, ``noise`` :data:`CBP_NOISE` and at
    least :data:`US_MIN_EMPLOYMENT` employees.

    Returns
    -------
    dict
        Glue name -> value (floats; counts are whole numbers).

    Examples
    --------
    >>> results = key_results()  # doctest: +SKIP
    >>> results["lifecycle_sample_pairs"]  # doctest: +SKIP
    72.0
    """
    from clusternet import data

    out: dict[str, float] = {
        "lifecycle_growth_threshold": GROWTH_THRESHOLD,
        "lifecycle_specialisation_threshold": SPECIALISATION_THRESHOLD,
        "lifecycle_diversity_threshold": DIVERSITY_THRESHOLD,
        "lifecycle_sample_noise": SAMPLE_NOISE,
        "lifecycle_cbp_noise": CBP_NOISE,
        "lifecycle_us_min_employment": US_MIN_EMPLOYMENT,
        "lifecycle_alt_threshold_low": min(US_ALTERNATIVE_THRESHOLDS),
        "lifecycle_alt_threshold_high": max(US_ALTERNATIVE_THRESHOLDS),
    }
    # sample panel: recovery over the window, over a longer window and from two years
    panel = data.load("lifecycle_sample_panel")
    planted = data.load("lifecycle_sample_planted")

    def recover(features):
        found = classify_life_cycle(features).merge(
            planted, on=["region", "cluster"], suffixes=("", "_planted")
        )
        return found, stage_recovery(found["stage_planted"], found["stage"], found["confidence"])

    _, window = recover(lifecycle_features(panel, diversity="diversity", window=SAMPLE_WINDOW))
    _, longer = recover(lifecycle_features(panel, diversity="diversity", window=SAMPLE_WINDOW + 2))
    two_years = panel[panel["year"].isin(SAMPLE_TWO_YEARS)]
    two_found, two = recover(lifecycle_features(two_years, noise=SAMPLE_NOISE))
    renewing = two_found[two_found["stage_planted"] == "renewing"]
    in_clusters = panel["cluster"] != "Other industries"
    out.update(
        {
            "lifecycle_sample_regions": float(
                panel.loc[panel["region"] != "Rest of the economy", "region"].nunique()
            ),
            "lifecycle_sample_clusters": float(planted["cluster"].nunique()),
            "lifecycle_sample_years": float(panel["year"].nunique()),
            "lifecycle_sample_pairs_per_stage": float(planted["stage"].value_counts().min()),
            "lifecycle_sample_cluster_share": float(
                panel.loc[in_clusters, "employment"].sum() / panel["employment"].sum()
            ),
            "lifecycle_sample_firm_size": float(panel["employment"].sum() / panel["firms"].sum()),
            "lifecycle_sample_pairs": float(window["n"]),
            "lifecycle_sample_window": float(SAMPLE_WINDOW),
            "lifecycle_sample_accuracy": window["accuracy"],
            "lifecycle_sample_accuracy_ci_lower": window["ci_lower"],
            "lifecycle_sample_mean_confidence": window["mean_confidence"],
            "lifecycle_longer_window_accuracy": longer["accuracy"],
            "lifecycle_two_point_accuracy": two["accuracy"],
            "lifecycle_two_point_accuracy_ci_lower": two["ci_lower"],
            "lifecycle_two_point_accuracy_ci_upper": two["ci_upper"],
            "lifecycle_two_point_mean_confidence": two["mean_confidence"],
            "lifecycle_two_point_renewing_as_growing": float(
                (renewing["stage"] == "growing").sum()
            ),
        }
    )
    # real US data, 2017-2021
    us = lifecycle_us_inputs(2017, 2021)
    matrices = [us[k] for k in ("employment_start", "employment_end", "firms_start", "firms_end")]
    options = {
        "start_year": 2017,
        "end_year": 2021,
        "noise": CBP_NOISE,
        "min_employment": US_MIN_EMPLOYMENT,
    }
    table = lifecycle_indicator_table(*matrices, us["mapping"], **options)
    is_traded = table["cluster"].map(us["cluster_type"]) == "traded"
    traded = table[is_traded]
    excluded = table.attrs["excluded"]
    excluded = excluded[excluded["cluster"].map(us["cluster_type"]) == "traded"]
    measured = set(us["mapping"])
    shares = traded["stage"].value_counts(normalize=True)
    changed = np.zeros(len(traded), dtype=bool)
    for tau in US_ALTERNATIVE_THRESHOLDS:
        other = lifecycle_indicator_table(*matrices, us["mapping"], growth_threshold=tau, **options)
        changed |= other.loc[is_traded.to_numpy(), "stage"].to_numpy() != traded["stage"].to_numpy()
    hospitality = traded[traded["cluster"] == "Hospitality and Tourism"]
    checklist = strategy_checklist()["can_inform"].value_counts()
    out.update(
        {
            "lifecycle_us_clusters_unmeasured": float(len(us["cluster_type"]) - len(measured)),
            "lifecycle_us_confident_employment_share": us["confident_employment_share"],
            "lifecycle_us_traded_pairs": float(len(traded)),
            "lifecycle_us_traded_excluded": float(len(excluded)),
            "lifecycle_us_traded_withheld": float(
                excluded["reason"].str.startswith("withheld").sum()
            ),
            "lifecycle_us_share_declining": float(shares.get("declining", 0.0)),
            "lifecycle_us_share_growing": float(shares.get("growing", 0.0)),
            "lifecycle_us_share_emerging": float(shares.get("emerging", 0.0)),
            "lifecycle_us_share_mature": float(shares.get("mature", 0.0)),
            "lifecycle_us_share_not_specialised": float(shares.get("not specialised", 0.0)),
            "lifecycle_us_mean_confidence": float(traded["confidence"].mean()),
            "lifecycle_us_threshold_sensitive_share": float(changed.mean()),
            "lifecycle_us_hospitality_states": float(len(hospitality)),
            "lifecycle_us_hospitality_declining_share": float(
                (hospitality["stage"] == "declining").mean()
            ),
            "lifecycle_checklist_steps": float(checklist.sum()),
            "lifecycle_checklist_yes": float(checklist.get("yes", 0)),
            "lifecycle_checklist_partly": float(checklist.get("partly", 0)),
            "lifecycle_checklist_no": float(checklist.get("no", 0)),
        }
    )
    return out
