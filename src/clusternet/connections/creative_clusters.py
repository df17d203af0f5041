"""Creative clusters from firm counts: enough creative firms and a high location quotient.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_in,
    require_no_missing,
    require_nonempty,
    require_real,
)
from clusternet.clusters import location_quotient

__all__ = ["firm_count_matrix", "creative_cluster_table"]


def firm_count_matrix(
    firms: pd.DataFrame, *, place: str = "place", sector: str = "sector"
) -> pd.DataFrame:
    """Count firms in every place and sector (places x sectors, zeros filled).

    Parameters
    ----------
    firms : pandas.DataFrame
        One row per firm.
    place, sector : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Places as rows and sectors as columns (both sorted), integer counts.

    Raises
    ------
    TypeError
        ``firms`` is not a DataFrame.
    ValueError
        Missing columns, no rows, or missing values.

    Examples
    --------
    >>> f = pd.DataFrame({"place": ["A", "A", "B"], "sector": ["x", "y", "x"]})
    >>> firm_count_matrix(f).to_dict()
    {'x': {'A': 1, 'B': 1}, 'y': {'A': 1, 'B': 0}}

    References
    ----------
    - Chapain et al. (2010) map creative firms from business-register counts.
    """
    require_dataframe(firms, "firms")
    require_columns(firms, [place, sector], "firms")
    require_nonempty(firms, "firms")
    require_no_missing(firms, "firms", [place, sector])
    matrix = pd.crosstab(firms[place], firms[sector]).sort_index().sort_index(axis=1)
    matrix.index.name, matrix.columns.name = place, sector
    return matrix.astype(np.int64)


def creative_cluster_table(
    counts: pd.DataFrame,
    creative_sectors: Sequence[str],
    *,
    min_firms: int = 100,
    min_lq: float = 1.2,
    level: str = "creative",
) -> pd.DataFrame:
    """Flag creative clusters: enough creative firms and a high enough location quotient.

    A place (or, with ``level="sector"``, a place and creative sector) is flagged when it
    has at least ``min_firms`` creative firms **and** a location quotient of creative
    firms of at least ``min_lq`` against the reference economy (all places in
    ``counts``); a quotient equal to ``min_lq`` up to floating-point rounding meets the
    threshold. The thresholds are parameters because Nesta's own (firm counts, LQ
    cut-offs, travel-to-work areas) could not be verified; the defaults are ours: 1.2 is
    a practitioner cut-off (StatsAmerica's cluster guide uses "over 1.2"), and 100 firms
    keeps tiny places out.

    Parameters
    ----------
    counts : pandas.DataFrame
        Places x sectors, non-negative firm counts (e.g. :func:`firm_count_matrix`).
    creative_sectors : sequence of str
        The columns of ``counts`` that are creative sectors (at least one, not all).
    min_firms : int
        Minimum number of creative firms (>= 0).
    min_lq : float
        Minimum location quotient (> 0).
    level : {"creative", "sector"}
        ``"creative"``: one row per place for all creative sectors together;
        ``"sector"``: one row per place and creative sector.

    Returns
    -------
    pandas.DataFrame
        For ``level="creative"``, indexed by place: ``firms``, ``creative_firms``,
        ``creative_share``, ``creative_lq``, ``is_cluster``. For ``level="sector"``: columns
        place, ``sector``, ``firms`` (of that sector), ``lq``, ``is_cluster``.

    Raises
    ------
    TypeError
        ``counts`` is not a DataFrame, or thresholds of the wrong type.
    ValueError
        Unknown creative sectors, all sectors creative, negative thresholds, or the
        checks of ``location_quotient`` (negative counts, empty places or sectors).

    Examples
    --------
    >>> m = pd.DataFrame({"design": [30, 10], "retail": [70, 90]}, index=["A", "B"])
    >>> table = creative_cluster_table(m, ["design"], min_firms=20, min_lq=1.5)
    >>> table["creative_lq"].round(3).tolist(), table["is_cluster"].tolist()
    ([1.5, 0.5], [True, False])

    References
    ----------
    - Chapain et al. (2010), see the module references.
    - Crawley, A., Beynon, M. and Munday, M. (2013). Making location quotients more
      relevant as a policy aid in regional spatial analysis. *Urban Studies* 50(9),
      1854-1869 (LQ cut-offs are arbitrary).
    """
    require_dataframe(counts, "counts")
    if isinstance(creative_sectors, str) or not isinstance(creative_sectors, Sequence):
        raise TypeError(
            f"creative_sectors must be a list of column names, got {type(creative_sectors).__name__}"
        )
    creative_sectors = list(creative_sectors)
    if not creative_sectors:
        raise ValueError("creative_sectors is empty; name at least one creative sector")
    unknown = [s for s in creative_sectors if s not in counts.columns]
    if unknown:
        raise ValueError(
            f"creative_sectors has unknown sector(s) {format_items(unknown)}; counts has {format_items(list(counts.columns))}"
        )
    others = [c for c in counts.columns if c not in creative_sectors]
    if not others:
        raise ValueError(
            "creative_sectors covers every column of counts; a location quotient needs other sectors to compare with"
        )
    if isinstance(min_firms, bool) or not isinstance(min_firms, numbers.Integral):
        raise TypeError(f"min_firms must be an integer, got {type(min_firms).__name__}")
    if min_firms < 0:
        raise ValueError(f"min_firms must be >= 0, got {min_firms}")
    min_lq = require_real(min_lq, "min_lq", minimum=0.0, inclusive=False)
    require_in(level, ("creative", "sector"), "level")
    lq_floor = min_lq * (1 - 1e-12)  # an LQ equal to the threshold up to rounding meets it
    if level == "creative":
        creative_firms = counts[creative_sectors].sum(axis=1)
        matrix = pd.DataFrame({"creative": creative_firms, "other": counts[others].sum(axis=1)})
        lq = location_quotient(matrix)["creative"]
        firms = matrix.sum(axis=1)
        return pd.DataFrame(
            {
                "firms": firms,
                "creative_firms": creative_firms,
                "creative_share": creative_firms / firms,
                "creative_lq": lq,
                "is_cluster": (creative_firms >= min_firms) & (lq >= lq_floor),
            }
        )
    lq = location_quotient(counts)[creative_sectors]
    place_name = counts.index.name or "place"
    long = lq.stack().rename("lq").reset_index()
    long.columns = [place_name, "sector", "lq"]
    long.insert(2, "firms", counts[creative_sectors].stack().to_numpy())
    long["is_cluster"] = (long["firms"] >= min_firms) & (long["lq"] >= lq_floor)
    return long
