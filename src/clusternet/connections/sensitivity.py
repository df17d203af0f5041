"""Sensitivity of the layer ranking to a sparser or denser network.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from clusternet._validation import (
    require_dataframe,
    require_fraction,
    require_real,
    require_seed,
)
from clusternet.connections._common import _endpoints
from clusternet.connections.classify import classify_ties
from clusternet.connections.layer_model import fit_layer_model, layer_effects
from clusternet.connections.profile import connection_profile

__all__ = ["perturb_ties", "layer_sensitivity"]


def perturb_ties(
    ties: pd.DataFrame,
    *,
    keep: float = 1.0,
    add_closure: float = 0.0,
    seed=None,
    endpoints: Sequence[str] = ("source", "target"),
) -> pd.DataFrame:
    """A sparser or denser version of a tie list, for sensitivity checks.

    Sparser: keep a random share ``keep`` of the ties (as if a survey recorded only some
    collaborations). Denser: then add ``add_closure`` times as many new ties, each
    closing an open triangle (a tie between two firms that share a partner but are not
    tied), drawn uniformly among all open triangles' missing ties: the partners of
    partners that a generous survey might also record.

    Parameters
    ----------
    ties : pandas.DataFrame
        Edge list with the two ``endpoints`` columns (each tie once).
    keep : float
        Share of ties kept, in (0, 1].
    add_closure : float
        New ties to add, as a multiple of the number kept (>= 0).
    seed : int, numpy.random.Generator or None
        Random seed (None: fresh randomness).
    endpoints : pair of str
        The endpoint columns.

    Returns
    -------
    pandas.DataFrame
        Edge list with columns ``endpoints`` only; kept ties in their original order,
        then the added ones.

    Raises
    ------
    TypeError
        ``ties`` is not a DataFrame, or a bad seed.
    ValueError
        Missing columns or values, no ties, self-loops, ``keep`` outside (0, 1],
        negative ``add_closure``, or fewer open triangles than ties requested.

    Examples
    --------
    >>> path = pd.DataFrame({"source": [1, 2], "target": [2, 3]})
    >>> perturb_ties(path, add_closure=0.5).to_numpy().tolist()
    [[1, 2], [2, 3], [1, 3]]

    References
    ----------
    - Granovetter, M. (1973). The strength of weak ties. *American Journal of Sociology*
      78(6), 1360-1380 (triadic closure).
    """
    rng = require_seed(seed)
    require_dataframe(ties, "ties")
    source, target = _endpoints(ties, endpoints)
    keep = require_fraction(keep, "keep")
    if keep == 0:
        raise ValueError("keep must be > 0; keeping no ties leaves nothing to analyse")
    add_closure = require_real(add_closure, "add_closure", minimum=0.0)
    n_ties = len(ties)
    kept = np.sort(rng.choice(n_ties, size=int(round(keep * n_ties)), replace=False))
    first, second = endpoints
    out = ties.iloc[kept][[first, second]].reset_index(drop=True)
    n_add = int(round(add_closure * len(out)))
    if n_add == 0:
        return out
    codes, labels = pd.factorize(pd.concat([out[first], out[second]], ignore_index=True))
    n = len(labels)
    u, v = codes[: len(out)], codes[len(out) :]
    adjacency = sp.coo_array(
        (np.ones(2 * len(u)), (np.r_[u, v], np.r_[v, u])), shape=(n, n)
    ).tocsr()
    adjacency.data[:] = 1.0
    two_step = (adjacency @ adjacency).tocsr()
    two_step.setdiag(0)
    two_step = two_step - two_step.multiply(adjacency)
    two_step.eliminate_zeros()
    candidates = sp.triu(two_step, k=1).tocoo()
    if candidates.nnz < n_add:
        raise ValueError(
            f"add_closure asks for {n_add} new ties but the network has only {candidates.nnz} open triangles to close"
        )
    pick = np.sort(rng.choice(candidates.nnz, size=n_add, replace=False))
    added = pd.DataFrame(
        {first: labels[candidates.row[pick]], second: labels[candidates.col[pick]]}
    )
    return pd.concat([out, added], ignore_index=True)


def layer_sensitivity(
    ties: pd.DataFrame,
    firms: pd.DataFrame,
    scenarios: Mapping[str, tuple[float, float]],
    *,
    subset: pd.Series | None = None,
    outcome: str = "product_innovation",
    controls: Sequence[str] = (),
    sectors: Mapping | None = None,
    seed=None,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Does the ranking of layers hold when the network is sparser or denser?

    For each scenario ``name -> (keep, add_closure)`` the ties are perturbed with
    :func:`perturb_ties`, classified again, and the layer model refitted on the same
    firms; the average marginal effects are ranked.

    Parameters
    ----------
    ties : pandas.DataFrame
        Edge list (``source``, ``target``).
    firms : pandas.DataFrame
        Attribute table as for :func:`classify_ties`, with the ``outcome`` and every
        control variable.
    scenarios : mapping
        Scenario name -> ``(keep, add_closure)``; include ``(1.0, 0.0)`` for the
        observed network.
    subset : pandas.Series of bool, optional
        Firms (aligned with ``firms``) the model is fitted on, e.g. creative firms.
    outcome : str
        0/1 outcome column.
    controls : sequence of str
        Control terms of the model.
    sectors : mapping, optional
        As for :func:`classify_ties`.
    seed : int, numpy.random.Generator or None
        Seed for the perturbations (one generator, used in scenario order).
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per scenario and layer: ``scenario``, ``keep``, ``add_closure``,
        ``ties`` (in the perturbed network), ``layer``, ``ame``, ``ame_ci_lower``,
        ``ame_ci_upper``, ``rank`` (1 = largest effect) and ``ranking`` (the layers
        from largest to smallest effect, joined by " > ").

    Raises
    ------
    TypeError
        Bad argument types (``scenarios`` not a mapping, ``subset`` not a boolean Series).
    ValueError
        No scenarios, a scenario that is not a pair, or any error of the helpers it
        calls.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> firms = pd.DataFrame({"firm": range(300), "place": rng.choice(["A", "B"], 300),
    ...                       "sector": rng.choice(["design", "music", "retail"], 300)})
    >>> firms["creative"] = (firms["sector"] != "retail").astype(int)
    >>> firms["product_innovation"] = (rng.random(300) < 0.4).astype(int)
    >>> pairs = np.unique(np.sort(rng.integers(0, 300, (900, 2)), axis=1), axis=0)
    >>> ties = pd.DataFrame(pairs[pairs[:, 0] != pairs[:, 1]], columns=["source", "target"])
    >>> table = layer_sensitivity(ties, firms, {"observed": (1.0, 0.0)}, seed=0)
    >>> table["layer"].tolist()
    ['local', 'external', 'cross_sector']

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    if not isinstance(scenarios, Mapping):
        raise TypeError(
            f"scenarios must be a mapping name -> (keep, add_closure), got {type(scenarios).__name__}"
        )
    if not scenarios:
        raise ValueError("scenarios is empty; give at least one (keep, add_closure) pair")
    require_dataframe(firms, "firms")
    if subset is not None:
        if not isinstance(subset, pd.Series) or not pd.api.types.is_bool_dtype(subset):
            raise TypeError("subset must be a boolean pandas Series aligned with firms")
        if not subset.index.equals(firms.index):
            raise ValueError("subset must have the same index as firms")
    rng = require_seed(seed)
    rows = []
    for name, pair in scenarios.items():
        if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
            raise ValueError(f"scenario {name!r} must be a pair (keep, add_closure), got {pair!r}")
        keep, add = pair
        perturbed = perturb_ties(ties, keep=keep, add_closure=add, seed=rng)
        classified = classify_ties(perturbed, firms, sectors=sectors)
        profile = connection_profile(classified, firms)
        data = profile if subset is None else profile.loc[subset.to_numpy()]
        effects = layer_effects(
            fit_layer_model(data, outcome=outcome, controls=controls), alpha=alpha
        )
        order = effects.sort_values("ame", ascending=False)["layer"].tolist()
        for _, row in effects.iterrows():
            rows.append(
                {
                    "scenario": name,
                    "keep": float(keep),
                    "add_closure": float(add),
                    "ties": len(perturbed),
                    "layer": row["layer"],
                    "ame": row["ame"],
                    "ame_ci_lower": row["ame_ci_lower"],
                    "ame_ci_upper": row["ame_ci_upper"],
                    "rank": order.index(row["layer"]) + 1,
                    "ranking": " > ".join(order),
                }
            )
    return pd.DataFrame(rows)
