"""Organisations that bridge sectors: the organisation x sector projection onto sectors.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from clusternet._graphs import bipartite_projection
from clusternet._validation import (
    require_columns,
    require_dataframe,
    require_no_missing,
    require_nonempty,
    require_numeric_columns,
    require_real,
    require_seed,
)

__all__ = [
    "sector_bridges",
    "bridging_summary",
    "sector_bridge_degree",
    "bridge_relatedness",
    "BridgeRelatedness",
]


def _memberships(memberships, organisation, sector):
    require_dataframe(memberships, "memberships")
    require_columns(memberships, [organisation, sector], "memberships")
    require_nonempty(memberships, "memberships")
    require_no_missing(memberships, "memberships", [organisation, sector])
    duplicated = memberships.duplicated([organisation, sector])
    if duplicated.any():
        raise ValueError(
            f"memberships lists {int(duplicated.sum())} organisation-sector pair(s) more than once; drop duplicates first"
        )
    return pd.factorize(memberships[organisation])[0], *pd.factorize(memberships[sector])


def _incidence(org_codes: np.ndarray, sector_codes: np.ndarray, n_sectors: int) -> sp.csr_array:
    """Organisations x sectors 0/1 incidence matrix."""
    return sp.csr_array(
        (np.ones(len(org_codes)), (org_codes, sector_codes)),
        shape=(int(org_codes.max()) + 1, n_sectors),
    )


def _bridged(incidence: sp.csr_array) -> np.ndarray:
    """Boolean sectors x sectors matrix, upper triangle only: pairs one organisation serves."""
    return np.triu(bipartite_projection(incidence.T).toarray() > 0, k=1)


def sector_bridges(
    memberships: pd.DataFrame, *, organisation: str = "org_id", sector: str = "dps_cluster_name"
) -> pd.DataFrame:
    """Pairs of sectors bridged by organisations that serve both.

    The organisation x sector bipartite network is projected onto sectors: two sectors
    are bridged when at least one organisation serves both.

    Parameters
    ----------
    memberships : pandas.DataFrame
        One row per organisation and sector it serves.
    organisation, sector : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        ``sector_a``, ``sector_b`` (alphabetical within a pair), ``organisations`` (how
        many serve both), sorted by ``organisations`` (descending), then names.

    Raises
    ------
    TypeError
        ``memberships`` is not a DataFrame.
    ValueError
        Missing columns or values, no rows, or duplicated organisation-sector pairs.

    Examples
    --------
    >>> m = pd.DataFrame({"org_id": [1, 1, 1, 2, 2], "dps_cluster_name": ["a", "b", "c", "a", "b"]})
    >>> sector_bridges(m).to_numpy().tolist()
    [['a', 'b', 2], ['a', 'c', 1], ['b', 'c', 1]]

    References
    ----------
    - Newman, M. E. J., Strogatz, S. H. and Watts, D. J. (2001). Random graphs with
      arbitrary degree distributions and their applications. *Physical Review E* 64,
      026118 (one-mode projections of affiliation networks).
    """
    org_codes, sector_codes, sector_labels = _memberships(memberships, organisation, sector)
    incidence = _incidence(org_codes, sector_codes, len(sector_labels))
    shared = sp.triu(bipartite_projection(incidence.T, weighted=True), k=1).tocoo()
    names = np.asarray(sector_labels, dtype=object)
    a, b = names[shared.row], names[shared.col]
    swap = a > b
    out = pd.DataFrame(
        {
            "sector_a": np.where(swap, b, a).astype(str),
            "sector_b": np.where(swap, a, b).astype(str),
            "organisations": shared.data.astype(np.int64),
        }
    )
    return out.sort_values(
        ["organisations", "sector_a", "sector_b"], ascending=[False, True, True], ignore_index=True
    )


def bridging_summary(
    memberships: pd.DataFrame, *, organisation: str = "org_id", sector: str = "dps_cluster_name"
) -> dict:
    """How much organisations bridge sectors: counts and shares.

    Parameters
    ----------
    memberships : pandas.DataFrame
        One row per organisation and sector it serves.
    organisation, sector : str
        Column names.

    Returns
    -------
    dict
        ``organisations``, ``sectors`` (distinct sectors served), ``multi_sector`` (how
        many organisations serve two or more sectors), ``share_multi_sector``,
        ``max_sectors`` (most sectors served by one organisation), ``mean_sectors``,
        ``bridged_pairs`` (distinct sector pairs bridged) and ``possible_pairs``.

    Raises
    ------
    TypeError, ValueError
        As :func:`sector_bridges`.

    Examples
    --------
    >>> m = pd.DataFrame({"org_id": [1, 1, 2], "dps_cluster_name": ["a", "b", "a"]})
    >>> bridging_summary(m)["share_multi_sector"]
    0.5

    References
    ----------
    - See :func:`sector_bridges`.
    """
    org_codes, sector_codes, sector_labels = _memberships(memberships, organisation, sector)
    breadth = np.bincount(org_codes)
    n_sectors = len(sector_labels)
    return {
        "organisations": int(breadth.size),
        "sectors": int(n_sectors),
        "multi_sector": int((breadth >= 2).sum()),
        "share_multi_sector": float((breadth >= 2).mean()),
        "max_sectors": int(breadth.max()),
        "mean_sectors": float(breadth.mean()),
        "bridged_pairs": int(
            len(sector_bridges(memberships, organisation=organisation, sector=sector))
        ),
        "possible_pairs": int(n_sectors * (n_sectors - 1) // 2),
    }


def sector_bridge_degree(bridges: pd.DataFrame) -> pd.Series:
    """Number of other sectors each sector is bridged to (degree in the sector projection).

    Parameters
    ----------
    bridges : pandas.DataFrame
        Output of :func:`sector_bridges`.

    Returns
    -------
    pandas.Series
        Sector -> number of distinct partner sectors, sorted descending (ties by name).

    Raises
    ------
    TypeError
        ``bridges`` is not a DataFrame.
    ValueError
        Missing columns or no rows.

    Examples
    --------
    >>> b = pd.DataFrame({"sector_a": ["a", "a"], "sector_b": ["b", "c"], "organisations": [2, 1]})
    >>> sector_bridge_degree(b).to_dict()
    {'a': 2, 'b': 1, 'c': 1}

    References
    ----------
    - See :func:`sector_bridges`.
    """
    require_dataframe(bridges, "bridges")
    require_columns(bridges, ["sector_a", "sector_b"], "bridges")
    require_nonempty(bridges, "bridges")
    ends = pd.concat([bridges["sector_a"], bridges["sector_b"]], ignore_index=True)
    counts = ends.value_counts()
    frame = counts.rename("degree").reset_index()
    frame.columns = ["sector", "degree"]
    frame = frame.sort_values(["degree", "sector"], ascending=[False, True])
    return pd.Series(
        frame["degree"].to_numpy(),
        index=pd.Index(frame["sector"].to_numpy(), name="sector"),
        name="degree",
    )


@dataclass(frozen=True)
class BridgeRelatedness:
    """Mean relatedness of the sector pairs that organisations bridge, with its interval.

    Attributes
    ----------
    estimate : float
        Mean score of the bridged pairs found in the relatedness table.
    std_error : float
        Bootstrap standard error of ``estimate`` (resampling organisations).
    ci_lower, ci_upper : float
        Percentile bootstrap interval of ``estimate``.
    mean_all : float
        Mean score of all distinct pairs in the relatedness table (the benchmark).
    pairs_scored : int
        Bridged pairs with a score.
    pairs_unscored : int
        Bridged pairs involving a sector not in the table.
    n_boot : int
        Bootstrap replications.
    scores : numpy.ndarray
        The score of every scored bridged pair (not compared, not shown in the repr).
    """

    estimate: float
    std_error: float
    ci_lower: float
    ci_upper: float
    mean_all: float
    pairs_scored: int
    pairs_unscored: int
    n_boot: int
    scores: np.ndarray = field(compare=False, repr=False)


def bridge_relatedness(
    memberships: pd.DataFrame,
    relatedness: pd.DataFrame,
    *,
    organisation: str = "org_id",
    sector: str = "dps_cluster_name",
    sector_a: str = "cluster_name",
    sector_b: str = "cluster_name_2",
    score: str = "cr_all_pc",
    n_boot: int = 500,
    seed=None,
    alpha: float = 0.05,
) -> BridgeRelatedness:
    """Are the sectors that organisations bridge more related than sector pairs in general?

    Scores every bridged pair (see :func:`sector_bridges`) with a pair-level relatedness
    table, such as the Delgado-Porter-Stern cluster relatedness percentile, and compares
    the mean score of bridged pairs with the mean over all pairs in the table. The
    interval resamples organisations (a bootstrap), because one organisation that serves
    many sectors creates many pairs at once.

    Parameters
    ----------
    memberships : pandas.DataFrame
        One row per organisation and sector it serves.
    relatedness : pandas.DataFrame
        One row per pair of sectors (either order, or both), with a numeric ``score``.
        Rows pairing a sector with itself are ignored; a pair scored in both orders gets
        the mean of its two scores (the DPS percentiles are computed within each
        cluster's row, so they differ slightly by direction).
    organisation, sector : str
        Columns of ``memberships``.
    sector_a, sector_b, score : str
        Columns of ``relatedness``.
    n_boot : int
        Bootstrap replications (>= 100).
    seed : int, numpy.random.Generator or None
        Seed of the bootstrap (None: fresh randomness).
    alpha : float
        1 - confidence level.

    Returns
    -------
    BridgeRelatedness
        ``estimate`` (mean score of the bridged pairs) with ``std_error``, ``ci_lower``
        and ``ci_upper``, ``mean_all`` (mean score of all distinct pairs in the table),
        ``pairs_scored``, ``pairs_unscored`` (bridged pairs involving a sector not in
        the table) and ``scores`` (the score of every scored bridged pair).

    Raises
    ------
    TypeError
        A table is not a DataFrame, a bad seed, or a non-integer ``n_boot``.
    ValueError
        Missing columns or values, a non-numeric score, fewer than 100 replications, or
        no bridged pair in the table.

    Examples
    --------
    >>> m = pd.DataFrame({"org_id": [1, 1, 2, 2], "dps_cluster_name": ["a", "b", "b", "c"]})
    >>> r = pd.DataFrame({"cluster_name": ["a", "a", "b"], "cluster_name_2": ["b", "c", "c"],
    ...                   "cr_all_pc": [90, 10, 70]})
    >>> out = bridge_relatedness(m, r, n_boot=100, seed=0)
    >>> out.estimate, out.mean_all
    (80.0, 56.666666666666664)

    References
    ----------
    - Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of related
      industries. *Journal of Economic Geography* 16(1), 1-38.
    - Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
      Chapman and Hall (percentile intervals).
    """
    org_codes, sector_codes, sector_labels = _memberships(memberships, organisation, sector)
    require_dataframe(relatedness, "relatedness")
    require_columns(relatedness, [sector_a, sector_b, score], "relatedness")
    require_no_missing(relatedness, "relatedness", [sector_a, sector_b, score])
    require_numeric_columns(relatedness, "relatedness", [score])
    if isinstance(n_boot, bool) or not isinstance(n_boot, numbers.Integral):
        raise TypeError(f"n_boot must be an integer, got {type(n_boot).__name__}")
    if n_boot < 100:
        raise ValueError(f"n_boot must be >= 100 for a usable interval, got {n_boot}")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    rng = require_seed(seed)
    a = relatedness[sector_a].astype(str).to_numpy(dtype=object)
    b = relatedness[sector_b].astype(str).to_numpy(dtype=object)
    values = relatedness[score].to_numpy(dtype=float)
    off_diagonal = a != b
    pairs = (
        pd.DataFrame(
            {
                "low": np.where(a < b, a, b)[off_diagonal],
                "high": np.where(a < b, b, a)[off_diagonal],
                "score": values[off_diagonal],
            }
        )
        .groupby(["low", "high"], as_index=False, sort=True)["score"]
        .mean()
    )
    mean_all = float(pairs["score"].mean())
    labels = np.asarray(sector_labels, dtype=str)
    index = {name: i for i, name in enumerate(labels)}
    k = len(labels)
    matrix = np.full((k, k), np.nan)
    known = pairs["low"].isin(index) & pairs["high"].isin(index)
    rows = pairs.loc[known, "low"].map(index).to_numpy(dtype=int)
    cols = pairs.loc[known, "high"].map(index).to_numpy(dtype=int)
    matrix[rows, cols] = pairs.loc[known, "score"].to_numpy()
    matrix[cols, rows] = matrix[rows, cols]
    incidence = _incidence(org_codes, sector_codes, k)
    n_orgs = incidence.shape[0]
    scorable = np.isfinite(matrix)
    bridged = _bridged(incidence)
    scores = matrix[bridged & scorable]
    if scores.size == 0:
        raise ValueError(
            "no bridged pair of sectors appears in relatedness; check that the sector names match"
        )
    # A resample bridges the pairs its drawn organisations serve. The sectors are few, so
    # each resample's projection is a small dense product (weights = times drawn), many
    # times faster than building a sparse projection per draw; only its sign is used.
    dense = incidence.toarray()
    upper_scorable = np.triu(scorable, k=1)

    def mean_score(weights) -> float:
        scored = ((dense.T @ (dense * weights[:, None])) > 0) & upper_scorable
        return matrix[scored].mean() if scored.any() else np.nan

    draws = np.array(
        [
            mean_score(np.bincount(rng.integers(n_orgs, size=n_orgs), minlength=n_orgs))
            for _ in range(n_boot)
        ]
    )
    draws = draws[np.isfinite(draws)]
    return BridgeRelatedness(
        estimate=float(scores.mean()),
        std_error=float(np.std(draws, ddof=1)),
        ci_lower=float(np.quantile(draws, alpha / 2)),
        ci_upper=float(np.quantile(draws, 1 - alpha / 2)),
        mean_all=mean_all,
        pairs_scored=int(scores.size),
        pairs_unscored=int((bridged & ~scorable).sum()),
        n_boot=int(n_boot),
        scores=scores,
    )
