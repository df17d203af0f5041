"""Pay in clusters: average annual pay by region and cluster, and the pay premium of strength.

References
----------
- Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence, and economic
  performance. *Research Policy* 43(10), 1785-1799.
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies* 37(6-7),
  549-578.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusternet._validation import require_columns, require_dataframe, require_real
from clusternet.clusters._common import _check_counts
from clusternet.clusters.absorb import fit_absorbed_ols
from clusternet.clusters.location import aggregate_to_clusters, location_quotient
from clusternet.models import coefficient_table

__all__ = ["cluster_pay_panel", "PayPremium", "pay_premium"]


def cluster_pay_panel(payroll: pd.DataFrame, employees: pd.DataFrame, mapping, *, clusters=None):
    """Average annual pay and specialisation of every region in every cluster.

    Payroll and employees are summed over the industries of each cluster; average pay is
    payroll over employees, and the cluster's location quotient is measured on employees.
    Cells without employees or without payroll are kept with ``usable`` False and the
    reason in ``exclusion_reason``.

    Parameters
    ----------
    payroll, employees : pandas.DataFrame
        Regions x industries, non-negative, same labels (payroll in any money unit).
    mapping : dict or pandas.Series
        Industry -> cluster.
    clusters : sequence, optional
        Keep only these clusters as observations (the location quotients still use the
        whole table).

    Returns
    -------
    pandas.DataFrame
        ``region, cluster, employees, payroll, pay, lq, log_pay, log_lq, usable,
        exclusion_reason`` (``pay`` in the payroll's unit per employee).

    Raises
    ------
    TypeError, ValueError
        Bad tables (as ``location_quotient``) or different labels.

    Examples
    --------
    >>> employees = pd.DataFrame({"a": [10, 30], "b": [90, 70]}, index=["r1", "r2"])
    >>> payroll = pd.DataFrame({"a": [600, 1200], "b": [3600, 2800]}, index=["r1", "r2"])
    >>> panel = cluster_pay_panel(payroll, employees, {"a": "X", "b": "Y"})
    >>> panel.set_index(["region", "cluster"]).loc[("r2", "X"), ["pay", "lq"]].round(2).tolist()
    [40.0, 1.5]

    References
    ----------
    - Delgado, Porter and Stern (2014), see module references.
    """
    _check_counts(employees, "employees")
    _check_counts(payroll, "payroll", allow_zero_totals=True)
    if set(payroll.index) != set(employees.index) or set(payroll.columns) != set(employees.columns):
        raise ValueError("payroll and employees must have the same regions and industries")
    payroll = payroll.loc[employees.index, employees.columns]
    jobs = aggregate_to_clusters(employees, mapping)
    pay_total = aggregate_to_clusters(payroll, mapping)[jobs.columns]
    lq = location_quotient(jobs)
    panel = pd.DataFrame(
        {
            "region": np.repeat(jobs.index.to_numpy(), jobs.shape[1]),
            "cluster": np.tile(jobs.columns.to_numpy(), jobs.shape[0]),
            "employees": jobs.to_numpy(dtype=float).ravel(),
            "payroll": pay_total.to_numpy(dtype=float).ravel(),
            "lq": lq.to_numpy(dtype=float).ravel(),
        }
    )
    if clusters is not None:
        wanted = list(clusters)
        unknown = sorted(set(wanted) - set(panel["cluster"]), key=str)
        if unknown:
            raise ValueError(f"clusters names clusters that the mapping does not use: {unknown}")
        panel = panel[panel["cluster"].isin(wanted)].reset_index(drop=True)
    reason = np.where(
        panel["employees"] == 0,
        "no employees",
        np.where(panel["payroll"] == 0, "no payroll", ""),
    )
    usable = reason == ""
    with np.errstate(divide="ignore", invalid="ignore"):
        pay = np.where(usable, panel["payroll"] / panel["employees"].where(usable, 1.0), np.nan)
        panel["pay"] = pay
        panel["log_pay"] = np.log(pay)
        panel["log_lq"] = np.where(usable, np.log(panel["lq"].where(usable, 1.0)), np.nan)
    panel["usable"] = usable
    panel["exclusion_reason"] = pd.Series(reason, dtype="str")
    return panel


@dataclass(frozen=True)
class PayPremium:
    """Percentage difference in average pay that goes with a regressor.

    Attributes
    ----------
    estimate : float
        Percentage difference in pay, ``100 * (exp(b * step) - 1)``.
    std_error : float
        Standard error of ``b * step`` (log points, by the delta method it is also the
        approximate standard error of the percentage divided by 100 near zero).
    ci_lower, ci_upper : float
        The interval of ``b * step`` transformed the same way (exact for a monotone
        transformation).
    """

    estimate: float
    std_error: float
    ci_lower: float
    ci_upper: float


def pay_premium(
    panel: pd.DataFrame,
    term: str,
    *,
    step: float | None = None,
    fixed_effects=("region", "cluster"),
    alpha: float = 0.05,
) -> PayPremium:
    """Pay premium of ``term``: ``log_pay ~ term + fixed effects``, clustered by region.

    Parameters
    ----------
    panel : pandas.DataFrame
        From ``cluster_pay_panel`` (a boolean ``strong`` column may be added as a term).
    term : str
        The regressor, e.g. ``log_lq`` or a 0/1 ``strong`` flag.
    step : float, optional
        Change of ``term`` to price; default its standard deviation over the usable cells
        (for a 0/1 flag pass 1).
    fixed_effects : sequence of str
        Columns with fixed effects (default region and cluster).
    alpha : float
        1 - confidence level.

    Returns
    -------
    PayPremium
        In per cent of pay.

    Raises
    ------
    TypeError, ValueError
        Missing columns, a term without variation, or bad ``alpha``.

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> panel = pd.DataFrame({"region": np.repeat(list("abcdef"), 4),
    ...                       "cluster": list("wxyz") * 6, "log_lq": rng.normal(size=24)})
    >>> panel["log_pay"] = 0.1 * panel["log_lq"] + rng.normal(0, 0.01, 24)
    >>> panel["usable"] = True
    >>> result = pay_premium(panel, "log_lq", step=1.0)
    >>> bool(10.0 < result.ci_upper and result.ci_lower < 10.6)
    True

    References
    ----------
    - Cameron and Miller (2015). A practitioner's guide to cluster-robust inference.
      *Journal of Human Resources* 50(2), 317-372.
    """
    require_dataframe(panel, "panel")
    require_columns(panel, ["region", "log_pay", "usable", term, *fixed_effects], "panel")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    data = panel.loc[panel["usable"].astype(bool)].assign(**{term: lambda t: t[term].astype(float)})
    if step is None:
        step = float(data[term].std(ddof=1))
    step = require_real(step, "step", minimum=0.0, inclusive=False)
    fit = fit_absorbed_ols(data, "log_pay", [term], absorb=list(fixed_effects), cluster="region")
    row = coefficient_table(fit, alpha=alpha, terms=[term]).iloc[0]

    def percent(x):
        return 100.0 * float(np.expm1(x * step))

    return PayPremium(
        estimate=percent(row["estimate"]),
        std_error=float(row["std_error"] * step),
        ci_lower=percent(row["ci_lower"]),
        ci_upper=percent(row["ci_upper"]),
    )
