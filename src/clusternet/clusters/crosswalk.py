"""NAICS codes to clusters: the majority crosswalk from detailed definitions to coarser data.

References
----------
- Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of related
  industries. *Journal of Economic Geography* 16(1), 1-38.
"""

from __future__ import annotations

import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_nonempty,
    require_positive_int,
)

__all__ = ["TIE_BREAKS", "naics_cluster_crosswalk", "cluster_code_coverage"]

#: rules for a coarse code split equally between clusters (see ``naics_cluster_crosswalk``)
TIE_BREAKS = ("own_share", "larger_cluster", "cluster_order")


def naics_cluster_crosswalk(
    definitions: pd.DataFrame,
    *,
    code: str = "naics6",
    cluster: str = "cluster_code",
    digits: int = 4,
    concordance: dict | None = None,
    tie_break: str = "own_share",
) -> pd.DataFrame:
    """Assign coarser NAICS codes to clusters by the majority of their detailed codes.

    Cluster definitions list detailed (6-digit) NAICS codes; employment is often
    published for 4-digit codes. Each ``digits``-digit code goes to the cluster that
    holds the most of its detailed codes. It is *confident* when all its detailed codes
    are in that one cluster. A tie goes to the cluster for which the coarse code is the
    larger share of its own definition (a small cluster keeps its core industry rather
    than vanish into a large one: NAICS 3254, pharmaceuticals, split 2-2 between Medical
    Devices with 8 codes and Biopharmaceuticals with 4, goes to Biopharmaceuticals), then
    to the first cluster in sorted order; ties are flagged and never confident. Weight
    ``confident`` by employment to report how much employment is assigned without
    doubt.

    Parameters
    ----------
    definitions : pandas.DataFrame
        One row per detailed code, with its cluster.
    code, cluster : str
        Column names. Codes are read as text (leading zeros kept).
    digits : int
        Length of the coarser code (default 4).
    concordance : dict, optional
        Coarse codes that changed between NAICS editions: new code -> list of old
        coarse codes whose detailed codes it takes (e.g. ``{"7225": ["7221", "7222"]}``
        for restaurants, NAICS 2007 -> 2012). The old codes stay in the result too.
    tie_break : str
        Rule for a tie: ``"own_share"`` (default, as above), ``"larger_cluster"`` (the
        opposite: the cluster with more detailed codes in its whole definition wins) or
        ``"cluster_order"`` (the first cluster in sorted order). Comparing the rules shows
        how much a result depends on the ties.

    Returns
    -------
    pandas.DataFrame
        One row per coarse code: ``naics, cluster, n_codes, n_codes_in_cluster,
        share_of_codes, n_clusters, confident, tied``.

    Raises
    ------
    TypeError
        ``definitions`` is not a DataFrame, or ``concordance`` is not a dict.
    ValueError
        Missing columns or values, codes shorter than ``digits`` or not all digits, a
        detailed code listed twice, or a concordance naming unknown old codes.

    Examples
    --------
    >>> d = pd.DataFrame({"naics6": ["336411", "336412", "336413"], "cluster_code": [2, 1, 2]})
    >>> naics_cluster_crosswalk(d).loc[0, ["naics", "cluster", "share_of_codes", "confident"]].to_dict()
    {'naics': '3364', 'cluster': 2, 'share_of_codes': 0.6666666666666666, 'confident': False}

    References
    ----------
    - Delgado, Porter and Stern (2016). Defining clusters of related industries.
      *Journal of Economic Geography* 16(1), 1-38.
    - US Census Bureau. North American Industry Classification System, 2012 and 2017
      manuals (concordances).
    """
    require_dataframe(definitions, "definitions")
    require_columns(definitions, [code, cluster], "definitions")
    require_nonempty(definitions, "definitions")
    digits = require_positive_int(digits, "digits")
    if tie_break not in TIE_BREAKS:
        raise ValueError(f"tie_break must be one of {TIE_BREAKS}, got {tie_break!r}")
    if definitions[[code, cluster]].isna().any().any():
        raise ValueError(f"definitions has missing values in {code!r} or {cluster!r}")
    codes = definitions[code].astype(str).str.strip()
    bad = codes[~codes.str.fullmatch(r"\d+") | (codes.str.len() < digits)]
    if len(bad):
        raise ValueError(
            f"definitions has codes that are not {digits}+ digits: {format_items(bad.unique())}"
        )
    if codes.duplicated().any():
        raise ValueError(
            f"definitions lists detailed codes twice: {format_items(codes[codes.duplicated()].unique())}"
        )
    table = pd.DataFrame(
        {
            "naics": codes.str[:digits].to_numpy(),
            "detail": codes.to_numpy(),
            "cluster": definitions[cluster].to_numpy(),
        }
    )
    if concordance is not None:
        if not isinstance(concordance, dict):
            raise TypeError(
                f"concordance must be a dict (new code -> list of old codes), got {type(concordance).__name__}"
            )
        extra = []
        for new, olds in concordance.items():
            olds = [olds] if isinstance(olds, str) else list(olds)
            unknown = [o for o in olds if o not in set(table["naics"])]
            if unknown:
                raise ValueError(
                    f"concordance maps {new!r} to old codes not in definitions: {format_items(unknown)}"
                )
            extra.append(table[table["naics"].isin(olds)].assign(naics=str(new)))
        table = pd.concat(
            [table[~table["naics"].isin(list(concordance))], *extra], ignore_index=True
        )
    counts = table.groupby(["naics", "cluster"]).size().rename("n_codes_in_cluster").reset_index()
    cluster_size = pd.Series(definitions[cluster].to_numpy()).value_counts()
    counts["share_of_cluster"] = (
        counts["n_codes_in_cluster"] / counts["cluster"].map(cluster_size).to_numpy()
    )
    secondary = {"own_share": False, "larger_cluster": True, "cluster_order": None}[tie_break]
    keys = ["naics", "n_codes_in_cluster"] + (["share_of_cluster"] if secondary is not None else [])
    counts = counts.sort_values(
        [*keys, "cluster"],
        ascending=[True, False] + ([secondary] if secondary is not None else []) + [True],
        kind="stable",
    )
    totals = counts.groupby("naics")["n_codes_in_cluster"].agg(
        n_codes="sum", n_clusters="size", top="max"
    )
    best = counts.drop_duplicates("naics").set_index("naics")
    n_top = counts.merge(totals[["top"]], left_on="naics", right_index=True)
    n_top = (n_top["n_codes_in_cluster"] == n_top["top"]).groupby(n_top["naics"]).sum()
    out = pd.DataFrame(
        {
            "naics": best.index.to_numpy(),
            "cluster": best["cluster"].to_numpy(),
            "n_codes": totals.loc[best.index, "n_codes"].to_numpy(),
            "n_codes_in_cluster": best["n_codes_in_cluster"].to_numpy(),
        }
    )
    out["share_of_codes"] = out["n_codes_in_cluster"] / out["n_codes"]
    out["n_clusters"] = totals.loc[best.index, "n_clusters"].to_numpy()
    out["confident"] = out["n_clusters"] == 1
    out["tied"] = n_top.loc[best.index].to_numpy() > 1
    return out.reset_index(drop=True)


def cluster_code_coverage(
    definitions: pd.DataFrame,
    crosswalk: pd.DataFrame,
    *,
    code: str = "naics6",
    cluster: str = "cluster_code",
) -> pd.DataFrame:
    """How much of each cluster's definition survives the coarse crosswalk.

    A cluster whose detailed codes sit in coarse codes assigned to other clusters loses
    those industries on coarse data (and may vanish); a cluster whose coarse codes hold
    many detailed codes of other clusters is *diluted* by them. For each cluster: its
    detailed codes, how many of them sit in a coarse code assigned to it and that share,
    and ``purity``, the share of the detailed codes of its coarse codes that are its own.

    Parameters
    ----------
    definitions : pandas.DataFrame
        The detailed definitions given to ``naics_cluster_crosswalk``.
    crosswalk : pandas.DataFrame
        Its result (columns ``naics`` and ``cluster``).
    code, cluster : str
        Column names of ``definitions``.

    Returns
    -------
    pandas.DataFrame
        Index: cluster; ``n_codes, n_codes_kept, share_kept, purity`` (NaN for a cluster
        with no coarse code), sorted by ``share_kept``.

    Raises
    ------
    TypeError, ValueError
        Missing columns.

    Examples
    --------
    >>> d = pd.DataFrame({"naics6": ["336411", "336412", "336413"], "cluster_code": [2, 1, 2]})
    >>> cluster_code_coverage(d, naics_cluster_crosswalk(d))[["share_kept", "purity"]].to_dict()
    {'share_kept': {1: 0.0, 2: 1.0}, 'purity': {1: nan, 2: 0.6666666666666666}}
    """
    require_dataframe(definitions, "definitions")
    require_columns(definitions, [code, cluster], "definitions")
    require_dataframe(crosswalk, "crosswalk")
    require_columns(crosswalk, ["naics", "cluster"], "crosswalk")
    digits = int(crosswalk["naics"].astype(str).str.len().max())
    assigned = crosswalk.set_index("naics")["cluster"]
    coarse = definitions[code].astype(str).str[:digits]
    kept = coarse.map(assigned).to_numpy() == definitions[cluster].to_numpy()
    out = (
        pd.DataFrame({"cluster": definitions[cluster].to_numpy(), "kept": kept})
        .groupby("cluster")["kept"]
        .agg(n_codes="size", n_codes_kept="sum")
    )
    out["share_kept"] = out["n_codes_kept"] / out["n_codes"]
    if {"n_codes", "n_codes_in_cluster"} <= set(crosswalk.columns):
        own = crosswalk.groupby("cluster")[["n_codes_in_cluster", "n_codes"]].sum()
        out["purity"] = (own["n_codes_in_cluster"] / own["n_codes"]).reindex(out.index)
    return out.sort_values(["share_kept", "n_codes"], kind="stable")
