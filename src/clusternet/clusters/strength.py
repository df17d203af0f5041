"""Strong clusters: the common cluster-mapping flags and the European Cluster Observatory stars.

The default rules of ``strong_cluster_flags`` and ``star_rating`` are module constants with
their sources (``../shared/research/papers.md`` sections 1.6 and 6.3); a chapter publishes
them from here.

References
----------
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies*
  37(6-7), 549-578.
- Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence, and
  economic performance. *Research Policy* 43(10), 1785-1799.
- European Cluster Observatory (2008). Cluster mapping methodology (star rating).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import require_real
from clusternet.clusters._common import _cluster_employment
from clusternet.clusters.location import location_quotient

__all__ = ["strong_cluster_flags", "star_rating"]

#: Default rules for strong-cluster flags and the star rating, with their sources
#: (``../shared/research/papers.md`` sections 1.6 and 6.3).
STRONG_LQ_THRESHOLD = 1.2  # StatsAmerica cluster guide ("over 1.2"), VERIFIED
STRONG_EMPLOYMENT_FLOOR = 0.0  # no floor: the sources give none
STRONG_TOP_SHARE = 0.25  # USCMP "strong cluster" = top quartile, UNVERIFIED
ECO_SIZE_TOP_SHARE = 0.10  # ECO size star: top 10% by employees, VERIFIED
ECO_SPECIALISATION_THRESHOLD = 2.0  # ECO specialisation star: LQ >= 2, UNVERIFIED
ECO_FOCUS_TOP_SHARE = 0.10  # ECO focus star: top 10% by share of region, UNVERIFIED


def _top_share_flags(values: np.ndarray, top_share: float) -> np.ndarray:
    """Flag cells in the top ``top_share`` of their column (ties included).

    A cell is flagged when fewer than ``top_share * n_rows`` cells of its column are
    strictly larger and the cell is positive.
    """
    n = values.shape[0]
    # number of rows strictly larger, per column, via sorting (vectorised)
    sorted_cols = np.sort(values, axis=0)
    larger = np.empty_like(values, dtype=np.int64)
    for j in range(values.shape[1]):  # loop over columns only (clusters), not cells
        larger[:, j] = n - np.searchsorted(sorted_cols[:, j], values[:, j], side="right")
    return (larger < top_share * n) & (values > 0)


def _tidy(frame: pd.DataFrame, value: str) -> pd.DataFrame:
    long = frame.stack().rename(value).reset_index()
    long.columns = ["region", "cluster", value]
    return long


def strong_cluster_flags(
    matrix: pd.DataFrame,
    mapping,
    *,
    lq_threshold: float = STRONG_LQ_THRESHOLD,
    employment_floor: float = STRONG_EMPLOYMENT_FLOOR,
    top_share: float = STRONG_TOP_SHARE,
) -> pd.DataFrame:
    """Flag strong region-cluster pairs under the common cluster-mapping rules.

    A region-cluster pair is *strong* when all three rules hold:

    - its cluster location quotient is at least ``lq_threshold``;
    - its cluster employment is at least ``employment_floor``;
    - its location quotient is in the top ``top_share`` of regions for that cluster
      (fewer than ``top_share`` x number of regions have a strictly larger LQ, so ties
      at the boundary are all flagged).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.
    mapping : dict or pandas.Series
        Industry -> cluster, covering every industry of ``matrix``.
    lq_threshold : float
        Default 1.2, the cut-off of the StatsAmerica cluster guide ("over 1.2",
        VERIFIED in papers.md section 1.6). LQ > 1 (BEA) and LQ > 1.25 (common in
        practice, source not traced) are other choices; set 0 to switch the rule off.
    employment_floor : float
        Default 0 (no floor): the sources behind papers.md section 1.6 give no
        employment minimum, so any floor is the analyst's choice and must be stated.
    top_share : float
        Default 0.25, the top quartile of regions by cluster specialisation that the
        U.S. Cluster Mapping Project is said to use (UNVERIFIED, papers.md 1.6); set 1 to
        switch the rule off.

    Returns
    -------
    pandas.DataFrame
        One row per region and cluster: ``region, cluster, employment,
        location_quotient, meets_lq, meets_floor, in_top_share, strong``.

    Raises
    ------
    TypeError, ValueError
        As ``cluster_location_quotient``; thresholds that are not finite numbers, a
        negative ``lq_threshold`` or ``employment_floor``, ``top_share`` outside (0, 1].

    Examples
    --------
    >>> m = pd.DataFrame({"a": [10, 30, 20, 40], "b": [90, 70, 80, 60]}, index=list("pqrs"))
    >>> flags = strong_cluster_flags(m, {"a": "A", "b": "B"})
    >>> flags.loc[flags["strong"], ["region", "cluster"]].to_dict("list")
    {'region': ['p', 's'], 'cluster': ['B', 'A']}

    References
    ----------
    - StatsAmerica. Cluster analysis guide (LQ over 1.2).
    - Delgado, Porter and Stern (2014), see module references.
    - Crawley, A., Beynon, M. and Munday, M. (2013). Making location quotients more
      relevant as a policy aid in regional spatial analysis. *Urban Studies* 50(9),
      1854-1869.
    """
    lq_threshold = require_real(lq_threshold, "lq_threshold", minimum=0.0)
    employment_floor = require_real(employment_floor, "employment_floor", minimum=0.0)
    top_share = require_real(top_share, "top_share", minimum=0.0, maximum=1.0, inclusive=True)
    if top_share == 0:
        raise ValueError("top_share must be > 0 (use 1 to switch the top-share rule off), got 0.0")
    employment = _cluster_employment(matrix, mapping)
    lq = location_quotient(employment)
    lq_values = lq.to_numpy()
    table = _tidy(employment, "employment")
    table["location_quotient"] = lq_values.ravel()
    table["meets_lq"] = table["location_quotient"] >= lq_threshold
    table["meets_floor"] = table["employment"] >= employment_floor
    table["in_top_share"] = _top_share_flags(lq_values, top_share).ravel()
    table["strong"] = table["meets_lq"] & table["meets_floor"] & table["in_top_share"]
    return table


def star_rating(
    matrix: pd.DataFrame,
    mapping,
    *,
    size_top_share: float = ECO_SIZE_TOP_SHARE,
    specialisation_threshold: float = ECO_SPECIALISATION_THRESHOLD,
    focus_top_share: float = ECO_FOCUS_TOP_SHARE,
) -> pd.DataFrame:
    """European Cluster Observatory star rating (size, specialisation, focus), 0-3 stars.

    Each region-cluster pair gets one star for each criterion it meets, compared with
    the same cluster in every other region of ``matrix``:

    - **size**: its employment is in the top ``size_top_share`` of regions;
    - **specialisation**: its cluster location quotient is at least
      ``specialisation_threshold``;
    - **focus**: the cluster's share of the region's total employment (all industries
      in ``matrix``) is in the top ``focus_top_share`` of regions.

    "Top share" counts ties inclusively, as in ``strong_cluster_flags``; a pair with no
    employment never gets a size or focus star.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Regions x industries, non-negative counts.
    mapping : dict or pandas.Series
        Industry -> cluster, covering every industry of ``matrix``.
    size_top_share : float
        Default 0.10: "top 10% of clusters of the same category by employees"
        (VERIFIED, ECO methodology page; papers.md sections 1.6 and 6.3).
    specialisation_threshold : float
        Default 2.0: specialisation quotient of 2 or more (UNVERIFIED: the ECO page
        excerpt was cut off before the threshold; papers.md 1.6 and 6.3).
    focus_top_share : float
        Default 0.10: top 10% by share of the region's total employment (UNVERIFIED:
        criterion named by ECO, threshold not seen; papers.md 1.6 and 6.3).

    Returns
    -------
    pandas.DataFrame
        One row per region and cluster: ``region, cluster, employment, size_star,
        specialisation_star, focus_star`` (booleans) and ``stars`` (0-3, int).

    Raises
    ------
    TypeError, ValueError
        As ``cluster_location_quotient``; shares outside (0, 1] or a threshold that is
        negative or not a finite number.

    Examples
    --------
    >>> m = pd.DataFrame({"a": [10, 30, 20, 40], "b": [90, 70, 80, 60]}, index=list("pqrs"))
    >>> stars = star_rating(m, {"a": "A", "b": "B"}, size_top_share=0.25, focus_top_share=0.25,
    ...                     specialisation_threshold=1.2)
    >>> stars.set_index(["region", "cluster"])["stars"].to_dict()[("s", "A")]
    3

    References
    ----------
    - European Cluster Observatory (2008). Cluster mapping methodology.
      https://www.clusterobservatory.eu
    - Ketels, C. and Protsiv, S. (2016). European Cluster Panorama 2016. Center for
      Strategy and Competitiveness, Stockholm School of Economics.
    """
    size_top_share = require_real(size_top_share, "size_top_share", minimum=0.0, maximum=1.0)
    focus_top_share = require_real(focus_top_share, "focus_top_share", minimum=0.0, maximum=1.0)
    for value, label in ((size_top_share, "size_top_share"), (focus_top_share, "focus_top_share")):
        if value == 0:
            raise ValueError(f"{label} must be > 0 (a share of regions), got 0.0")
    specialisation_threshold = require_real(
        specialisation_threshold, "specialisation_threshold", minimum=0.0
    )
    employment = _cluster_employment(matrix, mapping)
    values = employment.to_numpy(dtype=float)
    lq = location_quotient(employment).to_numpy()
    share_of_region = values / values.sum(axis=1, keepdims=True)
    table = _tidy(employment, "employment")
    table["size_star"] = _top_share_flags(values, size_top_share).ravel()
    table["specialisation_star"] = (lq >= specialisation_threshold).ravel()
    table["focus_star"] = _top_share_flags(share_of_region, focus_top_share).ravel()
    table["stars"] = (
        table[["size_star", "specialisation_star", "focus_star"]].sum(axis=1).astype(int)
    )
    return table
