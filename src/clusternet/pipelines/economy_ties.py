"""Global pipelines between economies: partner concentration, reciprocity and hubs.

A directed, weighted tie list between economies (who collaborates with whom, and how much)
says how far each economy's collaboration reaches: whether it runs through one partner
(a single pipeline) or many, whether it is returned, and which economies the others
depend on. The measures take any such list (columns ``source``, ``destination``,
``weight``: one row per ordered pair, no ties of an economy with itself), such as the
GitHub Innovation Graph's ``economy_collaborators.csv`` summed over a period.

- :func:`partner_concentration`: per economy, the number of partners, the top partner and
  its share, the Herfindahl-Hirschman index and the effective number of partners;
- :func:`tie_reciprocity` and :func:`network_reciprocity`: how much of the weight is
  returned (weighted reciprocity of Squartini et al. 2013);
- :func:`collaboration_hubs`: how many economies have each economy as their top partner,
  and its share of all collaboration;
- :func:`concentration_change`: the same economies in two periods, side by side.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_in,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
)

__all__ = [
    "partner_concentration",
    "tie_reciprocity",
    "network_reciprocity",
    "collaboration_hubs",
    "concentration_change",
]

_TIES = ["source", "destination", "weight"]
_DIRECTIONS = ("out", "in", "both")


def _ties(ties, name: str = "ties") -> pd.DataFrame:
    """Validated ``source``, ``destination``, ``weight`` (positive weights only)."""
    ties = require_dataframe(ties, name)
    require_nonempty(ties, name)
    require_columns(ties, _TIES, name)
    require_numeric_columns(ties, name, ["weight"])
    require_nonnegative(ties, name, ["weight"])
    if ties[["source", "destination"]].isna().any().any():
        raise ValueError(f"{name}: 'source' and 'destination' must not be missing")
    loops = ties["source"] == ties["destination"]
    if loops.any():
        raise ValueError(
            f"{name}: {int(loops.sum())} tie(s) of an economy with itself "
            f"(first: {ties.loc[loops, 'source'].iloc[0]!r}); the measures are of ties "
            "between economies"
        )
    pairs = ties.duplicated(["source", "destination"])
    if pairs.any():
        first = ties.loc[pairs, ["source", "destination"]].iloc[0].tolist()
        raise ValueError(
            f"{name}: {int(pairs.sum())} repeated (source, destination) pair(s), first "
            f"{first}; sum the weights per pair first (one period at a time)"
        )
    ties = ties.loc[ties["weight"] > 0, _TIES].copy()
    if ties.empty:
        raise ValueError(f"{name}: every weight is zero")
    ties["weight"] = ties["weight"].astype(float)
    return ties


def _partner_weights(ties: pd.DataFrame, direction: str) -> pd.DataFrame:
    """Long frame economy, partner, weight for the chosen direction."""
    out = ties.rename(columns={"source": "economy", "destination": "partner"})
    into = ties.rename(columns={"destination": "economy", "source": "partner"})
    parts = {"out": [out], "in": [into], "both": [out, into]}[direction]
    frame = pd.concat(parts, ignore_index=True)
    return frame.groupby(["economy", "partner"], as_index=False, sort=True)["weight"].sum()


def partner_concentration(ties: pd.DataFrame, *, direction: str = "both") -> pd.DataFrame:
    """How concentrated each economy's collaboration is on its partners.

    For economy :math:`i` with tie weight :math:`w_{ij}` to partner :math:`j` and share
    :math:`s_{ij} = w_{ij} / \\sum_k w_{ik}`: the number of partners, the top partner and
    its share :math:`\\max_j s_{ij}`, the Herfindahl-Hirschman index
    :math:`H_i = \\sum_j s_{ij}^2` and the effective number of partners :math:`1 / H_i`
    (equal to the number of partners when all carry the same weight).

    Parameters
    ----------
    ties : pandas.DataFrame
        ``source``, ``destination``, ``weight``: one row per ordered pair of different
        economies, weights >= 0 (zero weights are ignored).
    direction : {"both", "out", "in"}
        Which ties count as economy :math:`i`'s collaboration with :math:`j`: ``"out"``
        (:math:`i \\to j`), ``"in"`` (:math:`j \\to i`) or ``"both"`` (their sum).

    Returns
    -------
    pandas.DataFrame
        One row per economy (sorted): ``economy``, ``total_weight``, ``n_partners``,
        ``top_partner`` (ties broken alphabetically), ``top_share``, ``hhi``,
        ``effective_partners``.

    Raises
    ------
    TypeError
        ``ties`` is not a DataFrame.
    ValueError
        Missing columns, negative weights, ties of an economy with itself, repeated pairs,
        all weights zero, or an unknown ``direction``.

    Examples
    --------
    >>> import pandas as pd
    >>> ties = pd.DataFrame({"source": ["A", "B"], "destination": ["B", "A"], "weight": [3, 1]})
    >>> partner_concentration(ties)[["economy", "n_partners", "top_share", "hhi"]]
      economy  n_partners  top_share  hhi
    0       A           1        1.0  1.0
    1       B           1        1.0  1.0

    References
    ----------
    - Hirschman, A. O. (1964). The paternity of an index. American Economic Review 54(5).
    - Bathelt, H., Malmberg, A. and Maskell, P. (2004). Clusters and knowledge: local buzz,
      global pipelines and the process of knowledge creation. Progress in Human
      Geography 28(1), 31-56.
    """
    require_in(direction, _DIRECTIONS, "direction")
    weights = _partner_weights(_ties(ties), direction)
    weights = weights[weights["weight"] > 0]
    totals = weights.groupby("economy", sort=True)["weight"].transform("sum")
    weights = weights.assign(share=weights["weight"] / totals)
    ranked = weights.sort_values(
        ["economy", "share", "partner"], ascending=[True, False, True], kind="mergesort"
    )
    top = ranked.drop_duplicates("economy").set_index("economy")
    grouped = weights.groupby("economy", sort=True)
    result = pd.DataFrame(
        {
            "total_weight": grouped["weight"].sum(),
            "n_partners": grouped["partner"].size().astype("int64"),
            "top_partner": top["partner"],
            "top_share": top["share"],
            "hhi": np.square(weights["share"]).groupby(weights["economy"], sort=True).sum(),
        }
    )
    result["effective_partners"] = 1.0 / result["hhi"]
    return result.rename_axis("economy").reset_index()


def tie_reciprocity(ties: pd.DataFrame) -> pd.DataFrame:
    """How much of each economy's collaboration is returned by its partners.

    With :math:`w_{ij}` the weight of :math:`i \\to j`, economy :math:`i`'s reciprocated
    weight is :math:`r_i = \\sum_j \\min(w_{ij}, w_{ji})` and its reciprocity
    :math:`2 r_i / (s^{out}_i + s^{in}_i)`: 1 when every tie is matched by an equal tie back,
    0 when none is returned.

    Parameters
    ----------
    ties : pandas.DataFrame
        ``source``, ``destination``, ``weight`` as in :func:`partner_concentration`.

    Returns
    -------
    pandas.DataFrame
        One row per economy (sorted): ``economy``, ``out_weight``, ``in_weight``,
        ``reciprocated``, ``reciprocity``.

    Raises
    ------
    TypeError
        ``ties`` is not a DataFrame.
    ValueError
        As :func:`partner_concentration`.

    Examples
    --------
    >>> import pandas as pd
    >>> ties = pd.DataFrame({"source": ["A", "B"], "destination": ["B", "A"], "weight": [3, 1]})
    >>> tie_reciprocity(ties)[["economy", "reciprocated", "reciprocity"]]
      economy  reciprocated  reciprocity
    0       A           1.0          0.5
    1       B           1.0          0.5

    References
    ----------
    - Squartini, T., Picciolo, F., Ruzzenenti, F. and Garlaschelli, D. (2013). Reciprocity
      of weighted networks. Scientific Reports 3, 2729.
    """
    ties = _ties(ties)
    back = ties.rename(columns={"source": "destination", "destination": "source"})
    paired = ties.merge(back, on=["source", "destination"], how="left", suffixes=("", "_back"))
    paired["reciprocated"] = np.minimum(paired["weight"], paired["weight_back"].fillna(0.0))
    out_w = ties.groupby("source")["weight"].sum()
    in_w = ties.groupby("destination")["weight"].sum()
    rec = paired.groupby("source")["reciprocated"].sum()
    economies = sorted(set(out_w.index) | set(in_w.index))
    result = pd.DataFrame(
        {
            "out_weight": out_w.reindex(economies, fill_value=0.0),
            "in_weight": in_w.reindex(economies, fill_value=0.0),
            "reciprocated": rec.reindex(economies, fill_value=0.0),
        }
    )
    result["reciprocity"] = (
        2 * result["reciprocated"] / (result["out_weight"] + result["in_weight"])
    )
    return result.rename_axis("economy").reset_index()


def network_reciprocity(ties: pd.DataFrame) -> float:
    """Weighted reciprocity of the whole network: the share of tie weight that is returned.

    :math:`r = \\sum_{i \\ne j} \\min(w_{ij}, w_{ji}) / \\sum_{i \\ne j} w_{ij}`.

    Parameters
    ----------
    ties : pandas.DataFrame
        ``source``, ``destination``, ``weight`` as in :func:`partner_concentration`.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    TypeError
        ``ties`` is not a DataFrame.
    ValueError
        As :func:`partner_concentration`.

    Examples
    --------
    >>> import pandas as pd
    >>> ties = pd.DataFrame({"source": ["A", "B"], "destination": ["B", "A"], "weight": [3, 1]})
    >>> network_reciprocity(ties)
    0.5

    References
    ----------
    - Squartini, T., Picciolo, F., Ruzzenenti, F. and Garlaschelli, D. (2013). Reciprocity
      of weighted networks. Scientific Reports 3, 2729.
    """
    table = tie_reciprocity(ties)
    return float(table["reciprocated"].sum() / table["out_weight"].sum())


def collaboration_hubs(ties: pd.DataFrame, *, direction: str = "both") -> pd.DataFrame:
    """Which economies the others depend on: how often each is another's top partner.

    Parameters
    ----------
    ties : pandas.DataFrame
        ``source``, ``destination``, ``weight`` as in :func:`partner_concentration`.
    direction : {"both", "out", "in"}
        As in :func:`partner_concentration`.

    Returns
    -------
    pandas.DataFrame
        One row per economy: ``economy``, ``top_partner_of`` (how many economies have it
        as their top partner), ``weight_share`` (its share of all tie weight: the weight
        of ties with it at one end, over the total weight of all ties; shares sum to 2,
        since every tie has two ends) and ``n_partners``, sorted by ``top_partner_of``
        then ``weight_share``, largest first.

    Raises
    ------
    TypeError
        ``ties`` is not a DataFrame.
    ValueError
        As :func:`partner_concentration`.

    Examples
    --------
    >>> import pandas as pd
    >>> ties = pd.DataFrame({"source": ["A", "B", "C"], "destination": ["B", "C", "B"],
    ...                      "weight": [2, 1, 1]})
    >>> collaboration_hubs(ties)[["economy", "top_partner_of", "weight_share"]]
      economy  top_partner_of  weight_share
    0       B               2           1.0
    1       A               1           0.5
    2       C               0           0.5

    References
    ----------
    - Bathelt, H., Malmberg, A. and Maskell, P. (2004). Clusters and knowledge: local buzz,
      global pipelines and the process of knowledge creation. Progress in Human
      Geography 28(1), 31-56.
    """
    clean = _ties(ties)
    profile = partner_concentration(clean, direction=direction).set_index("economy")
    counts = profile["top_partner"].value_counts()
    both = _partner_weights(clean, "both").groupby("economy")["weight"].sum()
    result = pd.DataFrame(
        {
            "top_partner_of": counts.reindex(profile.index, fill_value=0).astype("int64"),
            "weight_share": both.reindex(profile.index) / clean["weight"].sum(),
            "n_partners": profile["n_partners"],
        }
    ).rename_axis("economy")
    result = result.reset_index().sort_values(
        ["top_partner_of", "weight_share", "economy"],
        ascending=[False, False, True],
        kind="mergesort",
    )
    return result.reset_index(drop=True)


def concentration_change(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The economies of two :func:`partner_concentration` tables, side by side, with changes.

    Parameters
    ----------
    before, after : pandas.DataFrame
        Outputs of :func:`partner_concentration` for two periods.

    Returns
    -------
    pandas.DataFrame
        Economies present in both (sorted): for ``n_partners``, ``top_share``, ``hhi`` and
        ``effective_partners`` the ``_before`` and ``_after`` values and the change
        (``<measure>_change`` = after - before); ``top_partner_before``,
        ``top_partner_after`` and ``top_partner_changed``.

    Raises
    ------
    TypeError
        Either input is not a DataFrame.
    ValueError
        Missing columns, or no economy in both tables.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.DataFrame({"source": ["A", "A"], "destination": ["B", "C"], "weight": [3, 1]})
    >>> t1 = pd.DataFrame({"source": ["A", "A"], "destination": ["B", "C"], "weight": [1, 1]})
    >>> change = concentration_change(partner_concentration(t0), partner_concentration(t1))
    >>> change.set_index("economy").loc["A", ["top_share_change", "hhi_change"]].tolist()
    [-0.25, -0.125]

    References
    ----------
    - Hirschman, A. O. (1964). The paternity of an index. American Economic Review 54(5).
    """
    measures = ["n_partners", "top_share", "hhi", "effective_partners"]
    needed = ["economy", "top_partner", *measures]
    for name, frame in (("before", before), ("after", after)):
        require_dataframe(frame, name)
        require_columns(frame, needed, name)
    merged = before[needed].merge(after[needed], on="economy", suffixes=("_before", "_after"))
    if merged.empty:
        raise ValueError(
            "before and after have no economy in common (before: "
            f"{format_items(before['economy'])}; after: {format_items(after['economy'])})"
        )
    for measure in measures:
        merged[f"{measure}_change"] = merged[f"{measure}_after"] - merged[f"{measure}_before"]
    merged["top_partner_changed"] = merged["top_partner_before"] != merged["top_partner_after"]
    return merged.sort_values("economy", kind="mergesort").reset_index(drop=True)
