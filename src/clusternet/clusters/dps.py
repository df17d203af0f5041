"""The Delgado-Porter-Stern growth regression: the panel, the fit and effects per standard deviation.

References
----------
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies*
  37(6-7), 549-578.
- Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence, and
  economic performance. *Research Policy* 43(10), 1785-1799.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_real,
)
from clusternet.clusters._common import (
    _check_counts,
    _cluster_codes,
    _excluding_own_values,
    _membership,
    _neighbour_values,
    _related_values,
)
from clusternet.clusters.absorb import fit_absorbed_ols
from clusternet.clusters.location import location_quotient
from clusternet.models import coefficient_table

__all__ = [
    "dps_growth_panel",
    "fit_dps_growth",
    "standardised_effects",
    "CombinedEffect",
    "combined_standardised_effect",
]

#: regressors of the growth regression, in the order of Delgado, Porter and Stern (2014)
DPS_TERMS = (
    "log_lq",
    "log_cluster_specialisation",
    "log_related_strength",
    "log_neighbour_strength",
)
DPS_TERM_LABELS = {
    "log_lq": "Own industry (convergence)",
    "log_cluster_specialisation": "Rest of own cluster",
    "log_related_strength": "Related clusters",
    "log_neighbour_strength": "Same cluster, neighbours",
}


def _same_labels(start: pd.DataFrame, end: pd.DataFrame) -> None:
    for axis, what in ((0, "regions"), (1, "industries")):
        a, b = start.axes[axis], end.axes[axis]
        if set(a) != set(b):
            raise ValueError(
                f"start and end must have the same {what}; only in start: "
                f"{format_items(sorted(set(a) - set(b), key=str))}; only in end: "
                f"{format_items(sorted(set(b) - set(a), key=str))}"
            )


def dps_growth_panel(
    start: pd.DataFrame,
    end: pd.DataFrame,
    mapping,
    *,
    years: float,
    relatedness: pd.DataFrame | None = None,
    adjacency: pd.DataFrame | None = None,
    clusters=None,
    withheld: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Region-industry cells with long-difference growth and the DPS regressors.

    For every region :math:`r` and industry :math:`i` (of the chosen ``clusters``), the
    annual log growth of employment, ``ln(E_end / E_start) / years``, and, measured in
    the start year on the *whole* table: the industry's location quotient, the
    specialisation of the rest of its cluster (``cluster_specialisation_excluding_own``),
    the strength of related clusters (``related_cluster_strength``) and of the same
    cluster in neighbouring regions (``neighbour_cluster_strength``), each also as a
    natural log (``log_*``).

    A cell can enter the regression only if every log is defined. The others are kept
    with ``usable`` False and the first reason in ``exclusion_reason``, so that every
    dropped cell is counted, never silently lost: ``"withheld at start"``, ``"no
    employment at start"``, ``"no employment at end"``, ``"no other employment in the
    cluster"``, ``"cluster has a single industry"``, ``"no related-cluster
    employment"``, ``"region has no neighbours"``, ``"no neighbouring-cluster
    employment"``.

    Parameters
    ----------
    start, end : pandas.DataFrame
        Regions x industries, non-negative counts, with the same labels.
    mapping : dict or pandas.Series
        Industry -> cluster, covering every industry of the tables.
    years : float
        Years between start and end (> 0), to annualise growth.
    relatedness : pandas.DataFrame, optional
        Clusters x clusters weights (see ``related_cluster_strength``). Clusters whose
        row is all zero get ``"no related-cluster employment"``.
    adjacency : pandas.DataFrame, optional
        Symmetric regions x regions adjacency (see ``neighbour_cluster_strength``).
    clusters : sequence, optional
        Keep only industries of these clusters as observations (e.g. the traded
        clusters); the measures still use the whole table as the reference economy.
    withheld : pandas.DataFrame, optional
        Boolean regions x industries table, True for cells whose start-year count was
        withheld (reported as 0); those cells are excluded.

    Returns
    -------
    pandas.DataFrame
        Columns ``region, industry, cluster, employment_start, employment_end, growth,
        lq, cluster_specialisation`` (and ``related_strength``, ``neighbour_strength``
        when given), the matching ``log_*`` columns, ``usable`` and
        ``exclusion_reason``.

    Raises
    ------
    TypeError, ValueError
        Bad tables (as ``location_quotient``), different labels in ``start`` and
        ``end``, ``years`` not a positive number, unknown ``clusters``, a ``withheld``
        table that is not boolean or has other labels, and the errors of the strength
        helpers for malformed relatedness or adjacency tables.

    Examples
    --------
    >>> start = pd.DataFrame({"a": [10, 30], "b": [30, 30], "c": [60, 10]}, index=["r1", "r2"])
    >>> end = start * 2
    >>> panel = dps_growth_panel(start, end, {"a": "X", "b": "X", "c": "X"}, years=10)
    >>> round(float(panel["growth"].iloc[0]), 4), bool(panel["usable"].all())
    (0.0693, True)

    References
    ----------
    - Delgado, Porter and Stern (2014), see module references.
    """
    _check_counts(start, "start")
    _check_counts(end, "end", allow_zero_totals=True)
    _same_labels(start, end)
    end = end.loc[start.index, start.columns]
    years = require_real(years, "years", minimum=0.0, inclusive=False)
    cluster_of = _cluster_codes(start, mapping)
    values_start = start.to_numpy(dtype=float)
    values_end = end.to_numpy(dtype=float)
    lq = location_quotient(start).to_numpy()
    cs = _excluding_own_values(start, mapping)
    _, labels, codes = _membership(cluster_of)
    measures = {"lq": lq, "cluster_specialisation": cs}
    reasons = []  # (mask over cells, reason), first match wins
    if withheld is not None:
        require_dataframe(withheld, "withheld")
        _same_labels(start, withheld)
        withheld = withheld.loc[start.index, start.columns]
        if not all(pd.api.types.is_bool_dtype(withheld[c]) for c in withheld.columns):
            raise TypeError("withheld must hold booleans (True = count withheld at start)")
        reasons.append((withheld.to_numpy(), "withheld at start"))
    reasons += [
        (values_start == 0, "no employment at start"),
        (values_end == 0, "no employment at end"),
        (np.isnan(cs), "cluster has a single industry"),
        (cs == 0, "no other employment in the cluster"),
    ]
    if relatedness is not None:
        rel, _ = _related_values(start, mapping, relatedness)
        measures["related_strength"] = rel[:, codes]
        reasons.append((~(measures["related_strength"] > 0), "no related-cluster employment"))
    if adjacency is not None:
        nbr, _, isolated = _neighbour_values(start, mapping, adjacency)
        measures["neighbour_strength"] = nbr[:, codes]
        reasons.append(
            (np.repeat(isolated[:, None], start.shape[1], axis=1), "region has no neighbours")
        )
        reasons.append(
            (~(measures["neighbour_strength"] > 0), "no neighbouring-cluster employment")
        )
    n_regions, n_industries = start.shape
    panel = pd.DataFrame(
        {
            "region": np.repeat(start.index.to_numpy(), n_industries),
            "industry": np.tile(start.columns.to_numpy(), n_regions),
            "cluster": np.tile(cluster_of.to_numpy(), n_regions),
            "employment_start": values_start.ravel(),
            "employment_end": values_end.ravel(),
        }
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        panel["growth"] = np.log(values_end / values_start).ravel() / years
        for name, measure in measures.items():
            panel[name] = measure.ravel()
        for name, measure in measures.items():
            panel[f"log_{name}"] = np.log(measure).ravel()
    reason = np.full(panel.shape[0], "", dtype=object)
    for mask, text in reasons:
        flat = np.asarray(mask, dtype=bool).ravel()
        reason[(reason == "") & flat] = text
    panel["usable"] = reason == ""
    panel["exclusion_reason"] = pd.Series(reason, dtype="str")
    if clusters is not None:
        wanted = list(clusters)
        unknown = [c for c in wanted if c not in set(labels)]
        if unknown:
            raise ValueError(
                f"clusters names clusters that the mapping does not use: {format_items(unknown)}"
            )
        panel = panel[panel["cluster"].isin(wanted)].reset_index(drop=True)
    # undefined values of unusable cells are set to NaN, never +-inf
    numeric = panel.select_dtypes("number").columns
    panel[numeric] = panel[numeric].replace([np.inf, -np.inf], np.nan)
    return panel


def fit_dps_growth(
    panel: pd.DataFrame, *, terms=None, fixed_effects=("region", "industry"), outcome="growth"
):
    """Fit the Delgado-Porter-Stern growth regression on a panel of region-industry cells.

    ``growth ~ terms + C(region) + C(industry)`` by OLS on the usable cells, with standard
    errors clustered by region. The fixed effects are absorbed (``fit_absorbed_ols``,
    statsmodels formula API through ``clusternet.models.fit_ols`` on the demeaned data):
    the coefficients and their covariance equal the dummy-variable fit's, and the
    dummies' coefficients are not reported. Expected signs (papers.md 1.4, VERIFIED): negative on ``log_lq``
    (convergence), positive on cluster, related and neighbouring strength.

    Parameters
    ----------
    panel : pandas.DataFrame
        The output of ``dps_growth_panel``.
    terms : sequence of str, optional
        Regressors; default every ``log_*`` measure in ``panel`` among ``log_lq``,
        ``log_cluster_specialisation``, ``log_related_strength``,
        ``log_neighbour_strength``.
    fixed_effects : sequence of str
        Columns with a fixed effect: ``("region", "industry")`` (default), one of them,
        or ``()`` for none (then the model has an intercept).
    outcome : str
        The outcome column (default ``growth``).

    Returns
    -------
    statsmodels RegressionResults
        Report it with ``standardised_effects`` or
        ``clusternet.models.coefficient_table``.

    Raises
    ------
    TypeError, ValueError
        ``panel`` not a DataFrame or missing columns, unknown terms, fewer usable cells
        than parameters, or fewer than two regions or industries.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> start = pd.DataFrame(rng.integers(50, 500, (8, 6)), columns=list("abcdef"),
    ...                      index=[f"r{k}" for k in range(8)])
    >>> end = (start * np.exp(rng.normal(0, 0.1, start.shape))).round()
    >>> panel = dps_growth_panel(start, end, dict(zip("abcdef", "XXXYYY")), years=5)
    >>> fit = fit_dps_growth(panel)
    >>> list(fit.params.index[-2:]), int(fit.nobs)
    (['log_lq', 'log_cluster_specialisation'], 48)

    References
    ----------
    - Delgado, Porter and Stern (2014), see module references.
    - Cameron, A. C. and Miller, D. L. (2015). A practitioner's guide to
      cluster-robust inference. *Journal of Human Resources* 50(2), 317-372.
    """
    require_dataframe(panel, "panel")
    require_columns(panel, ["region", "industry", outcome, "usable"], "panel")
    if terms is None:
        terms = [t for t in DPS_TERMS if t in panel.columns]
    terms = list(terms)
    if not terms:
        raise ValueError("panel has none of the regressors " + format_items(DPS_TERMS))
    require_columns(panel, terms, "panel")
    fixed_effects = list(fixed_effects)
    unknown = [f for f in fixed_effects if f not in ("region", "industry")]
    if unknown:
        raise ValueError(f"fixed_effects must be among 'region', 'industry'; got {unknown}")
    data = panel.loc[panel["usable"].astype(bool), ["region", "industry", outcome, *terms]]
    n_params = len(terms) + 1 + sum(data[f].nunique() - 1 for f in fixed_effects)
    if data["region"].nunique() < 2 or data["industry"].nunique() < 2:
        raise ValueError(
            "the regression needs usable cells in at least two regions and two industries"
        )
    if len(data) <= n_params:
        raise ValueError(
            f"only {len(data)} usable cells for {n_params} parameters; the regression is not identified"
        )
    return fit_absorbed_ols(data, outcome, terms, absorb=fixed_effects, cluster="region")


def standardised_effects(
    result, panel: pd.DataFrame, *, terms=None, alpha: float = 0.05
) -> pd.DataFrame:
    """Translate coefficients into "+1 standard deviation -> +x of annual growth".

    For each term, the coefficient times the term's standard deviation over the usable
    cells of ``panel`` (the estimation sample), with the confidence interval scaled the
    same way. With growth in log points a year, multiply by 100 for percentage points of
    annual growth (log points and per cent agree closely for small rates).

    Parameters
    ----------
    result : statsmodels RegressionResults
        From ``fit_dps_growth``.
    panel : pandas.DataFrame
        The panel the model was fitted on.
    terms : sequence of str, optional
        Default: the model's ``log_*`` regressors.
    alpha : float
        1 - confidence level (default 0.05).

    Returns
    -------
    pandas.DataFrame
        ``term, label, coefficient, std_error, std_dev, effect, ci_lower, ci_upper,
        p_value`` where ``effect`` and its interval are in growth units (log points a
        year) per standard deviation.

    Raises
    ------
    TypeError, ValueError
        ``result`` without ``params``, terms not in the model or panel, ``alpha``
        outside (0, 1), or a term with zero variance.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> start = pd.DataFrame(rng.integers(50, 500, (8, 6)), columns=list("abcdef"),
    ...                      index=[f"r{k}" for k in range(8)])
    >>> end = (start * np.exp(rng.normal(0, 0.1, start.shape))).round()
    >>> panel = dps_growth_panel(start, end, dict(zip("abcdef", "XXXYYY")), years=5)
    >>> fit = fit_dps_growth(panel)
    >>> standardised_effects(fit, panel)["label"].tolist()
    ['Own industry (convergence)', 'Rest of own cluster']

    References
    ----------
    - Delgado, Porter and Stern (2014), see module references (effects reported per
      standard deviation).
    """
    if not hasattr(result, "params"):
        raise TypeError(f"result must be a fitted statsmodels model, got {type(result).__name__}")
    require_dataframe(panel, "panel")
    require_columns(panel, ["usable"], "panel")
    if terms is None:
        terms = [t for t in result.params.index if t in DPS_TERMS]
    terms = list(terms)
    require_columns(panel, terms, "panel")
    table = coefficient_table(result, alpha=alpha, terms=terms)
    sd = panel.loc[panel["usable"].astype(bool), terms].std(ddof=1)
    if not (sd > 0).all():
        raise ValueError(
            f"terms with zero variance cannot be standardised: {format_items(sd.index[~(sd > 0)])}"
        )
    sd = sd.reindex(table["term"]).to_numpy()
    return pd.DataFrame(
        {
            "term": table["term"],
            "label": table["term"].map(lambda t: DPS_TERM_LABELS.get(t, t)),
            "coefficient": table["estimate"],
            "std_error": table["std_error"],
            "std_dev": sd,
            "effect": table["estimate"] * sd,
            "ci_lower": table["ci_lower"] * sd,
            "ci_upper": table["ci_upper"] * sd,
            "p_value": table["p_value"],
        }
    )


@dataclass(frozen=True)
class CombinedEffect:
    """Effect of raising several regressors by one standard deviation each.

    Attributes
    ----------
    estimate : float
        Sum of the standardised effects, in growth units (log points a year).
    std_error : float
        Its standard error (from the covariance of the coefficients).
    ci_lower, ci_upper : float
        Its confidence interval at the level of the ``alpha`` used.
    """

    estimate: float
    std_error: float
    ci_lower: float
    ci_upper: float


def combined_standardised_effect(
    result, panel: pd.DataFrame, terms, *, alpha: float = 0.05
) -> CombinedEffect:
    """Effect of raising several terms by one standard deviation each, with its interval.

    The sum of the standardised effects, with a confidence interval from the covariance
    of the coefficients (a linear combination, exact for OLS). It answers "what if
    cluster specialisation, related and neighbouring clusters were all one standard
    deviation stronger?".

    Parameters
    ----------
    result : statsmodels RegressionResults
        From ``fit_dps_growth``.
    panel : pandas.DataFrame
        The panel the model was fitted on.
    terms : sequence of str
        The terms to raise together.
    alpha : float
        1 - confidence level.

    Returns
    -------
    CombinedEffect
        ``estimate, std_error, ci_lower, ci_upper`` in growth units (log points a year).

    Raises
    ------
    TypeError, ValueError
        As ``standardised_effects``; an empty list of terms.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> start = pd.DataFrame(rng.integers(50, 500, (8, 6)), columns=list("abcdef"),
    ...                      index=[f"r{k}" for k in range(8)])
    >>> end = (start * np.exp(rng.normal(0, 0.1, start.shape))).round()
    >>> panel = dps_growth_panel(start, end, dict(zip("abcdef", "XXXYYY")), years=5)
    >>> fit = fit_dps_growth(panel)
    >>> both = combined_standardised_effect(fit, panel, ["log_lq", "log_cluster_specialisation"])
    >>> both.ci_lower < both.estimate < both.ci_upper
    True

    References
    ----------
    - Greene, W. H. (2012). *Econometric Analysis*, 7th ed., section 5.3 (linear
      combinations of coefficients).
    """
    effects = standardised_effects(result, panel, terms=terms, alpha=alpha)
    if effects.empty:
        raise ValueError("terms is empty; name at least one regressor")
    weights = pd.Series(0.0, index=result.params.index)
    weights[effects["term"].to_numpy()] = effects["std_dev"].to_numpy()
    test = result.t_test(weights.to_numpy()[None, :])
    ci_lower, ci_upper = np.asarray(test.conf_int(alpha=alpha)).ravel()
    return CombinedEffect(
        estimate=float(np.asarray(test.effect).ravel()[0]),
        std_error=float(np.asarray(test.sd).ravel()[0]),
        ci_lower=float(ci_lower),
        ci_upper=float(ci_upper),
    )
