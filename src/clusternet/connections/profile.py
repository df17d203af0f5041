"""Each firm's connection profile: ties, shares and diversity across the three layers.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_no_missing,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
)
from clusternet.connections._common import LAYER_COUNT_COLUMNS, LAYERS, _positions

__all__ = ["layer_diversity", "connection_profile", "layer_shares"]


def _check_classified(ties, name="ties") -> np.ndarray:
    """Check a classified tie list; return the layer of each tie as a code 0, 1, 2 (LAYERS order)."""
    require_dataframe(ties, name)
    require_columns(ties, ["source", "target", "layer"], name)
    require_no_missing(ties, name, ["source", "target", "layer"])
    layer = ties["layer"]
    known = pd.Index(LAYERS)
    if isinstance(layer.dtype, pd.CategoricalDtype):
        codes = known.get_indexer(layer.cat.categories.astype(str))[layer.cat.codes.to_numpy()]
    else:
        codes = known.get_indexer(layer.astype(str))
    if (codes < 0).any():
        unknown = sorted({str(v) for v in ties["layer"].to_numpy()[codes < 0]})
        raise ValueError(
            f"{name}: unknown layer(s) {format_items(unknown)}; layers are {format_items(LAYERS)} (use classify_ties)"
        )
    return codes


def layer_diversity(counts) -> np.ndarray:
    r"""Normalised Shannon entropy of each row of tie counts across layers.

    .. math:: D_i = -\frac{1}{\ln K} \sum_{l=1}^{K} s_{il} \ln s_{il},
              \qquad s_{il} = \frac{n_{il}}{\sum_m n_{im}}

    0 when all of a firm's ties are in one layer, 1 when they are spread equally over
    the ``K`` layers. A firm with no ties has diversity 0 (it has no spread).

    Parameters
    ----------
    counts : array-like or pandas.DataFrame
        Rows are firms, columns the ``K >= 2`` layers; non-negative counts.

    Returns
    -------
    numpy.ndarray
        One value in [0, 1] per row.

    Raises
    ------
    TypeError
        Non-numeric counts.
    ValueError
        Not two-dimensional, fewer than two columns, no rows, negative or non-finite counts.

    Examples
    --------
    >>> layer_diversity([[3, 0, 0], [1, 1, 1], [0, 0, 0]]).round(3).tolist()
    [0.0, 1.0, 0.0]

    References
    ----------
    - Shannon, C. E. (1948). A mathematical theory of communication. *Bell System
      Technical Journal* 27, 379-423.
    """
    if isinstance(counts, pd.DataFrame):
        require_numeric_columns(counts, "counts")
        values = counts.to_numpy(dtype=float)
    else:
        try:
            values = np.asarray(counts, dtype=float)
        except (TypeError, ValueError) as error:
            raise TypeError(
                f"counts must be numeric, got {type(counts).__name__}: {error}"
            ) from error
    if values.ndim != 2:
        raise ValueError(
            f"counts must be two-dimensional (firms x layers), got {values.ndim} dimension(s)"
        )
    if values.shape[0] == 0 or values.shape[1] < 2:
        raise ValueError(
            f"counts needs at least one row and two layer columns, got shape {values.shape}"
        )
    if not np.isfinite(values).all():
        raise ValueError("counts has infinite or missing values")
    if (values < 0).any():
        raise ValueError("counts has negative values; tie counts cannot be negative")
    total = values.sum(axis=1, keepdims=True)
    shares = np.divide(values, total, out=np.zeros_like(values), where=total > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(shares > 0, shares * np.log(shares), 0.0)
    diversity = 0.0 - terms.sum(axis=1) / np.log(values.shape[1])  # 0.0 - x never gives -0.0
    return np.clip(diversity, 0.0, 1.0)


def connection_profile(
    ties: pd.DataFrame, firms: pd.DataFrame, *, firm: str = "firm"
) -> pd.DataFrame:
    """Each firm's connection profile: ties, shares and diversity across the three layers.

    Every tie counts once for each of its two firms.

    Parameters
    ----------
    ties : pandas.DataFrame
        Classified ties, the output of :func:`classify_ties` (columns ``source``,
        ``target``, ``layer``).
    firms : pandas.DataFrame
        The firms to profile, with a ``firm`` id column; firms without ties get zeros.
    firm : str
        Name of the id column.

    Returns
    -------
    pandas.DataFrame
        ``firms`` (same rows and order) with added columns ``n_local``, ``n_external``,
        ``n_cross_sector`` (ties per layer), ``degree`` (all ties), ``share_local``,
        ``share_external``, ``share_cross_sector`` (shares of the firm's ties; 0 for a
        firm without ties) and ``layer_diversity`` (see :func:`layer_diversity`).

    Raises
    ------
    TypeError
        ``ties`` or ``firms`` is not a DataFrame.
    ValueError
        Missing columns or values, unknown layers, duplicate firm ids, ties to firms not
        in ``firms``, or ``firms`` already holding a profile column.

    Examples
    --------
    >>> ties = pd.DataFrame({"source": [1, 1], "target": [2, 3], "layer": ["local", "external"]})
    >>> firms = pd.DataFrame({"firm": [1, 2, 3, 4]})
    >>> connection_profile(ties, firms)[["firm", "n_local", "n_external", "degree"]].to_numpy().tolist()
    [[1, 1, 1, 2], [2, 1, 0, 1], [3, 0, 1, 1], [4, 0, 0, 0]]

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    layer_codes = _check_classified(ties)
    require_dataframe(firms, "firms")
    require_nonempty(firms, "firms")
    require_columns(firms, [firm], "firms")
    require_no_missing(firms, "firms", [firm])
    clash = [c for c in (*LAYER_COUNT_COLUMNS, "degree", "layer_diversity") if c in firms.columns]
    if clash:
        raise ValueError(
            f"firms already has profile column(s) {format_items(clash)}; pass the attribute table only"
        )
    ids = pd.Index(firms[firm])
    if ids.has_duplicates:
        raise ValueError(
            f"firms: firm id(s) {format_items(ids[ids.duplicated()].unique())} appear more than once"
        )
    source, target = pd.Index(ties["source"]), pd.Index(ties["target"])
    s, t = _positions(ids, source, target, "ties")
    n = len(ids)
    counts = np.zeros((n, len(LAYERS)), dtype=np.int64)
    for k in range(len(LAYERS)):
        mask = layer_codes == k
        counts[:, k] = np.bincount(s[mask], minlength=n) + np.bincount(t[mask], minlength=n)
    degree = counts.sum(axis=1)
    shares = np.divide(
        counts, degree[:, None], out=np.zeros(counts.shape), where=degree[:, None] > 0
    )
    added = {column: counts[:, k] for k, column in enumerate(LAYER_COUNT_COLUMNS)}
    added["degree"] = degree
    added.update({f"share_{name}": shares[:, k] for k, name in enumerate(LAYERS)})
    added["layer_diversity"] = layer_diversity(counts)
    return firms.assign(**added)


def layer_shares(profile: pd.DataFrame, by: str | None = "place") -> pd.DataFrame:
    """Mean ties per firm and share of all ties in each layer, by group.

    Parameters
    ----------
    profile : pandas.DataFrame
        Output of :func:`connection_profile` (possibly a subset, e.g. creative firms).
    by : str or None
        Column to group by (e.g. ``"place"``); None for one row over all firms.

    Returns
    -------
    pandas.DataFrame
        Indexed by group: ``firms``, ``ties_per_firm`` and, for each layer,
        ``mean_<layer>`` (ties per firm) and ``share_<layer>`` (share of the group's tie
        ends; the three shares sum to 1).

    Raises
    ------
    TypeError
        ``profile`` is not a DataFrame.
    ValueError
        Missing columns, no rows, negative counts, or a group with no ties at all (its
        shares are undefined).

    Examples
    --------
    >>> profile = pd.DataFrame({"place": ["A", "A", "B"], "n_local": [2, 0, 1],
    ...                         "n_external": [0, 2, 1], "n_cross_sector": [0, 0, 2]})
    >>> layer_shares(profile)["share_local"].tolist()
    [0.5, 0.25]

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    require_dataframe(profile, "profile")
    columns = list(LAYER_COUNT_COLUMNS) + ([by] if by is not None else [])
    require_columns(profile, columns, "profile")
    require_nonempty(profile, "profile")
    require_numeric_columns(profile, "profile", LAYER_COUNT_COLUMNS)
    require_nonnegative(profile, "profile", LAYER_COUNT_COLUMNS)
    keys = profile[by] if by is not None else pd.Series("all", index=profile.index)
    if keys.isna().any():
        raise ValueError(f"profile: column {by!r} has missing values")
    grouped = profile[list(LAYER_COUNT_COLUMNS)].groupby(keys.to_numpy(), sort=True)
    sums, firms = grouped.sum(), grouped.size()
    total = sums.sum(axis=1)
    empty = list(total.index[total == 0])
    if empty:
        raise ValueError(
            f"profile: group(s) {format_items(empty)} have no ties; their layer shares are undefined"
        )
    out = pd.DataFrame({"firms": firms, "ties_per_firm": total / firms})
    for name, column in zip(LAYERS, LAYER_COUNT_COLUMNS, strict=True):
        out[f"mean_{name}"] = sums[column] / firms
    for name, column in zip(LAYERS, LAYER_COUNT_COLUMNS, strict=True):
        out[f"share_{name}"] = sums[column] / total
    out.index.name = by if by is not None else "group"
    return out
