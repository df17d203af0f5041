"""Innovation outcomes by region: county counts summed to states, per 1,000 workers.

References
----------
- USPTO Patent Technology Monitoring Team. U.S. Utility Patent Grants by county
  (patenting by origin, first-named inventor's residence).
"""

from __future__ import annotations

import pandas as pd

from clusternet._validation import require_columns, require_dataframe, require_nonnegative

__all__ = ["county_counts_to_states", "rate_per_thousand"]


def county_counts_to_states(
    table: pd.DataFrame, *, fips: str, values, states=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sum county counts to states by the first two digits of the zero-padded county FIPS.

    County FIPS codes are five digits, ``SSCCC``; tables often drop the leading zero
    (``6085`` for Santa Clara, California, ``06085``). Rows whose code is not four or five
    digits (totals, unspecified regions) and rows of states not in ``states`` (territories,
    DC when it is not wanted) are returned separately, so that what is lost is counted.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per county, non-negative counts in ``values``.
    fips : str
        Column of county FIPS codes (text).
    values : sequence of str
        Count columns to sum.
    states : sequence of str, optional
        Two-digit state codes to keep (default: every state found).

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The state sums (index: two-digit state code) and the rows left out.

    Raises
    ------
    TypeError, ValueError
        ``table`` not a DataFrame, missing columns, negative or missing counts.

    Examples
    --------
    >>> t = pd.DataFrame({"fips": ["6085", "6037", "53033", "ALL"], "n": [5, 2, 4, 11]})
    >>> sums, dropped = county_counts_to_states(t, fips="fips", values=["n"])
    >>> sums["n"].to_dict(), dropped["fips"].tolist()
    ({'06': 7, '53': 4}, ['ALL'])
    """
    require_dataframe(table, "table")
    values = list(values)
    require_columns(table, [fips, *values], "table")
    require_nonnegative(table, "table", values)
    code = table[fips].astype(str).str.strip()
    county = code.str.fullmatch(r"\d{4,5}").fillna(False).to_numpy(dtype=bool)
    state = code.str.zfill(5).str[:2]
    keep = county.copy()
    if states is not None:
        keep &= state.isin(list(states)).to_numpy()
    sums = table.loc[keep, values].groupby(state[keep].to_numpy()).sum().rename_axis("state")
    return sums, table.loc[~keep]


def rate_per_thousand(counts: pd.Series, workers: pd.Series) -> pd.Series:
    """Counts per 1,000 workers, on the regions that ``counts`` and ``workers`` share.

    Parameters
    ----------
    counts, workers : pandas.Series
        Non-negative, indexed by region; ``workers`` positive where ``counts`` is given.

    Returns
    -------
    pandas.Series
        ``1000 * counts / workers`` on the regions both share.

    Raises
    ------
    ValueError
        No shared regions, or a region with no workers.

    Examples
    --------
    >>> rate_per_thousand(pd.Series({"a": 3, "b": 1}), pd.Series({"a": 1500, "b": 500, "c": 9}))
    a    2.0
    b    2.0
    dtype: float64
    """
    shared = counts.index.intersection(workers.index)
    if shared.empty:
        raise ValueError("counts and workers share no regions")
    w = workers.loc[shared].astype(float)
    if not (w > 0).all():
        raise ValueError(f"workers must be positive; zero or missing for {list(w.index[~(w > 0)])}")
    return 1000.0 * counts.loc[shared].astype(float) / w
