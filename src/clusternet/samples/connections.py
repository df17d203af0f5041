"""Sample data for the Nesta chapter: a fictional four-place economy of firms and ties.

The generator builds an economy of four **fictional** places with different profiles (a
large diversified city, a specialised creative hotspot, a small-town cluster and a
peripheral place), split into districts; firms with a sector, a creative flag and a size;
an undirected collaboration network whose ties fall into Nesta's three layers with
tunable propensities; and a binary product-innovation outcome drawn from a logit model
with known effects.

What is calibrated and what is assumed
--------------------------------------
Nesta's report (Chapain et al. 2010) gives no firm-level tie counts, innovation rates or
effect sizes that we could verify (``papers.md`` section 2: "not recovered"), so most
parameters are **assumptions**, stated here and in ``data/sample-creative/README.md``:

- the true effect of one more tie on a creative firm's log-odds of product innovation is
  ``TRUE_LAYER_EFFECTS`` (every layer helps; a cross-sector tie helps most, because
  recombining ideas across sectors is the report's mechanism for product innovation);
- the only published magnitude we borrow is the prior NESTA result quoted in the report
  (VERIFIED; claim ``creative_inputs`` of ``data/evidence/claims.csv``): firms spending
  twice as much on creative inputs were 25% more likely to introduce product innovations.
  The spillover parameter
  ``TRUE_SPILLOVER`` is set so that doubling the creative share of every non-creative
  firm's district raises their mean innovation probability by about 25%
  (:func:`true_spillover_doubling`; the chapter estimates this quantity back). It is a different mechanism (presence, not purchases), so this is an
  order-of-magnitude anchor, not a replication;
- creative firms co-locate with high-tech manufacturing and knowledge-intensive business
  services (VERIFIED, qualitative): places with more creative firms get larger shares
  of those sectors;
- place names are invented; they are not Nesta's case studies (which we could not
  verify).

The planted coefficients are written to ``true_effects.csv`` beside the data
(:func:`sample_creative_true_effects`), which is where the book reads them; the place
names and sectors are vocabularies of :mod:`clusternet.catalog.connections`.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import (
    require_columns,
    require_dataframe,
    require_real,
    require_seed,
)
from clusternet.catalog.connections import (
    CREATIVE_SECTORS,
    NONCREATIVE_SECTORS,
    SAMPLE_PLACE_PROFILES,
)

__all__ = [
    "PLACES",
    "TRUE_LAYER_EFFECTS",
    "TRUE_SPILLOVER",
    "DEFAULT_SEED",
    "make_creative_economy",
    "true_spillover_doubling",
    "true_effects_table",
    "sample_creative_districts",
    "sample_creative_firms",
    "sample_creative_ties",
    "sample_creative_true_effects",
]

DEFAULT_SEED = 2010  # the year of the Nesta report

#: The four fictional places. ``creative_share`` is the expected share of creative firms,
#: ``baseline`` the log-odds of product innovation of a non-creative firm of one employee
#: with no creative neighbours (place differences the spillover model must absorb).
PLACES = pd.DataFrame(
    {
        "place": list(SAMPLE_PLACE_PROFILES),
        "profile": list(SAMPLE_PLACE_PROFILES.values()),
        "n_firms": [8000, 3000, 1200, 1000],
        "n_districts": [8, 5, 3, 2],
        "creative_share": [0.12, 0.28, 0.22, 0.08],
        "district_area_km2": [8.0, 4.0, 5.0, 40.0],
        "baseline": [-1.45, -1.45, -1.6, -1.75],
    }
)

_CREATIVE_MIX = np.array([0.15, 0.15, 0.25, 0.15, 0.10, 0.20])
#: non-creative sector mix by place: the creative places have more high-tech and KIBS
_NONCREATIVE_MIX = np.array(
    [
        [0.10, 0.15, 0.35, 0.40],
        [0.12, 0.10, 0.38, 0.40],
        [0.06, 0.24, 0.20, 0.50],
        [0.04, 0.26, 0.15, 0.55],
    ]
)

#: Expected ties proposed per creative firm in each layer, by place profile (a firm also
#: receives ties proposed by others, so realised counts differ; the chapter reports them).
CREATIVE_PROPENSITY = {
    "large diversified city": {"local": 1.6, "external": 1.4, "cross_sector": 2.0},
    "specialised creative hotspot": {"local": 2.6, "external": 1.6, "cross_sector": 1.2},
    "small-town cluster": {"local": 2.2, "external": 0.8, "cross_sector": 1.0},
    "peripheral place": {"local": 0.6, "external": 1.6, "cross_sector": 1.2},
}
NONCREATIVE_PROPENSITY = {"local": 1.0, "external": 0.4, "cross_sector": 0.6}

#: True log-odds effects of one more tie on a creative firm's product innovation.
TRUE_LAYER_EFFECTS = {"local": 0.12, "external": 0.22, "cross_sector": 0.35}
#: Other true effects for creative firms: intercept, log(employees), sector shifts.
_CREATIVE_INTERCEPT = -1.9
_LOG_SIZE_EFFECT = 0.25
_CREATIVE_SECTOR_SHIFT = {"software_and_games": 0.3, "design": 0.2}
#: True log-odds effect on a non-creative firm's product innovation of its district's
#: creative share (leave-one-out share, as a fraction); about +25% probability when the
#: share doubles from its mean (see module docstring).
TRUE_SPILLOVER = 2.4
_NONCREATIVE_SECTOR_SHIFT = {"high_tech_manufacturing": 0.5, "business_services": 0.2}


def _pick(rng, key, target, accept, origin):
    """For each origin, a uniformly random member of block ``target`` of ``key`` passing ``accept``.

    Up to 20 vectorised redraws for rejected picks; origins still rejected (or whose
    block is empty) get -1.
    """
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    starts = np.searchsorted(sorted_key, target, side="left")
    sizes = np.searchsorted(sorted_key, target, side="right") - starts
    chosen = np.full(len(origin), -1)
    todo = np.flatnonzero(sizes > 0)
    for _ in range(20):
        if todo.size == 0:
            break
        draw = order[starts[todo] + np.floor(rng.random(todo.size) * sizes[todo]).astype(int)]
        ok = accept(origin[todo], draw)
        chosen[todo[ok]] = draw[ok]
        todo = todo[~ok]
    return chosen


def make_creative_economy(seed=DEFAULT_SEED, *, scale: float = 1.0, density: float = 1.0):
    """Generate the sample economy: districts, firms with outcomes, and ties.

    Parameters
    ----------
    seed : int or numpy.random.Generator
        Seed (default ``DEFAULT_SEED`` = 2010, which writes the committed files).
    scale : float
        Multiplies the number of firms in every place (1 gives 13,200 firms).
    density : float
        Multiplies every tie propensity (1 gives about 2.6 ties per firm).

    Returns
    -------
    dict
        ``districts``, ``firms`` and ``ties`` DataFrames (the three sample files) and
        ``layers``, the layer of each tie as built (an oracle for tests of
        ``classify_ties``; not written to disk).

    Raises
    ------
    TypeError, ValueError
        A bad seed, or ``scale`` / ``density`` not positive.

    Examples
    --------
    >>> economy = make_creative_economy(1, scale=0.1)
    >>> sorted(economy)
    ['districts', 'firms', 'layers', 'ties']

    References
    ----------
    - Chapain et al. (2010), see the module docstring.
    """
    rng = require_seed(seed)
    scale = require_real(scale, "scale", minimum=0.0, inclusive=False)
    density = require_real(density, "density", minimum=0.0, inclusive=False)

    # districts: equal expected size, creative share varying around the place's share
    district_rows = []
    for p, row in PLACES.iterrows():
        shares = rng.beta(
            40 * row["creative_share"], 40 * (1 - row["creative_share"]), size=row["n_districts"]
        )
        areas = row["district_area_km2"] * rng.uniform(0.6, 1.4, size=row["n_districts"])
        for d in range(row["n_districts"]):
            district_rows.append(
                {
                    "district": f"{row['place']} {d + 1}",
                    "place": row["place"],
                    "profile": row["profile"],
                    "area_km2": round(float(areas[d]), 2),
                    "_place_index": p,
                    "_creative_share": float(shares[d]),
                }
            )
    districts = pd.DataFrame(district_rows)

    # firms
    place_idx, district_idx = [], []
    for p, row in PLACES.iterrows():
        n = max(int(round(row["n_firms"] * scale)), 2 * row["n_districts"])
        members = np.flatnonzero(districts["_place_index"].to_numpy() == p)
        place_idx.append(np.full(n, p))
        district_idx.append(rng.choice(members, size=n))
    place_idx = np.concatenate(place_idx)
    district_idx = np.concatenate(district_idx)
    n_firms = place_idx.size
    creative = rng.random(n_firms) < districts["_creative_share"].to_numpy()[district_idx]
    sector = np.empty(n_firms, dtype=object)
    sector[creative] = rng.choice(
        np.array(CREATIVE_SECTORS, dtype=object), size=int(creative.sum()), p=_CREATIVE_MIX
    )
    for p in range(len(PLACES)):
        mask = (~creative) & (place_idx == p)
        sector[mask] = rng.choice(
            np.array(NONCREATIVE_SECTORS, dtype=object), size=int(mask.sum()), p=_NONCREATIVE_MIX[p]
        )
    median_size = np.where(creative, 4.0, 8.0)
    employees = 1 + np.floor(np.exp(np.log(median_size) + rng.normal(0.0, 1.0, n_firms))).astype(
        int
    )
    employees = np.minimum(employees, 2000)

    # ties: proposals per firm and layer, partners drawn uniformly among eligible firms
    all_sectors = CREATIVE_SECTORS + NONCREATIVE_SECTORS
    sector_code = np.array([all_sectors.index(s) for s in sector])
    group = np.where(creative, -1, sector_code)  # creative firms form one group per place
    group_key = group + 1  # 0 = creative, 1.. = sectors
    place_group_key = place_idx * (len(all_sectors) + 1) + group_key
    sociability = (employees / median_size) ** 0.25 * rng.gamma(4.0, 0.25, n_firms)
    profile_of_firm = PLACES["profile"].to_numpy()[place_idx]
    sources, targets, layers = [], [], []
    for layer in ("local", "external", "cross_sector"):
        rate = np.where(
            creative,
            np.array([CREATIVE_PROPENSITY[p][layer] for p in profile_of_firm]),
            NONCREATIVE_PROPENSITY[layer],
        )
        proposals = rng.poisson(density * sociability * rate / 2)
        origin = np.repeat(np.arange(n_firms), proposals)
        if layer == "local":
            partner = _pick(
                rng, place_group_key, place_group_key[origin], lambda o, d: o != d, origin
            )
        elif layer == "external":
            partner = _pick(
                rng, group_key, group_key[origin], lambda o, d: place_idx[o] != place_idx[d], origin
            )
        else:
            creative_origin = creative[origin]
            partner = np.full(origin.size, -1)
            # creative firm -> a random non-creative firm of its place
            key = place_idx * 2 + creative
            sel = np.flatnonzero(creative_origin)
            partner[sel] = _pick(
                rng, key, place_idx[origin[sel]] * 2, lambda o, d: d >= 0, origin[sel]
            )
            # non-creative firm -> a random firm of its place in another group
            sel = np.flatnonzero(~creative_origin)
            partner[sel] = _pick(
                rng,
                place_idx,
                place_idx[origin[sel]],
                lambda o, d: group[o] != group[d],
                origin[sel],
            )
        keep = partner >= 0
        sources.append(origin[keep])
        targets.append(partner[keep])
        layers.append(np.full(int(keep.sum()), layer, dtype=object))
    source = np.concatenate(sources)
    target = np.concatenate(targets)
    layer = np.concatenate(layers)
    low, high = np.minimum(source, target), np.maximum(source, target)
    ties = pd.DataFrame({"source": low, "target": high, "layer": layer})
    ties = ties.drop_duplicates(["source", "target"]).sort_values(
        ["source", "target"], ignore_index=True
    )

    # tie counts per firm and layer, from the construction (independent of classify_ties)
    counts = {}
    for name in ("local", "external", "cross_sector"):
        ends = ties.loc[ties["layer"] == name, ["source", "target"]].to_numpy().ravel()
        counts[name] = np.bincount(ends, minlength=n_firms)

    # outcomes
    log_size = np.log(employees)
    eta_creative = (
        _CREATIVE_INTERCEPT
        + sum(TRUE_LAYER_EFFECTS[name] * counts[name] for name in counts)
        + _LOG_SIZE_EFFECT * log_size
        + np.array([_CREATIVE_SECTOR_SHIFT.get(s, 0.0) for s in sector])
    )
    district_creative = np.bincount(district_idx, weights=creative, minlength=len(districts))
    district_firms = np.bincount(district_idx, minlength=len(districts))
    share_loo = (district_creative[district_idx] - creative) / (district_firms[district_idx] - 1)
    eta_noncreative = _noncreative_log_odds(
        PLACES["place"].to_numpy()[place_idx], sector, employees, share_loo
    )
    eta = np.where(creative, eta_creative, eta_noncreative)
    innovation = (rng.random(n_firms) < 1 / (1 + np.exp(-eta))).astype(int)

    firms = pd.DataFrame(
        {
            "firm": np.arange(n_firms),
            "place": PLACES["place"].to_numpy()[place_idx],
            "district": districts["district"].to_numpy()[district_idx],
            "sector": sector.astype(str),
            "creative": creative.astype(int),
            "employees": employees,
            "product_innovation": innovation,
        }
    )
    public_districts = districts[["district", "place", "profile", "area_km2"]].copy()
    return {
        "districts": public_districts,
        "firms": firms,
        "ties": ties[["source", "target"]].copy(),
        "layers": ties["layer"].astype(str).to_numpy(),
    }


def _noncreative_log_odds(place, sector, employees, share):
    """True log-odds of product innovation of non-creative firms (the spillover model)."""
    baseline = PLACES.set_index("place")["baseline"]
    return (
        baseline.reindex(np.asarray(place)).to_numpy()
        + TRUE_SPILLOVER * np.asarray(share, dtype=float)
        + _LOG_SIZE_EFFECT * np.log(np.asarray(employees, dtype=float))
        + np.array([_NONCREATIVE_SECTOR_SHIFT.get(s, 0.0) for s in sector])
    )


def true_spillover_doubling(firms: pd.DataFrame, share) -> float:
    """True ratio of mean innovation probabilities if every firm's creative share doubled.

    Uses the generator's true spillover model, so it is the value the chapter's
    estimate (``spillover_effects(...)["doubling_ratio"]``) should recover.

    Parameters
    ----------
    firms : pandas.DataFrame
        Non-creative firms of the sample (``place``, ``sector``, ``employees``).
    share : array-like
        Their leave-one-out creative share, aligned with ``firms``.

    Returns
    -------
    float
        Mean probability at twice the share over mean probability at the share.

    Raises
    ------
    TypeError
        ``firms`` is not a DataFrame.
    ValueError
        Missing columns or a share of the wrong length.

    Examples
    --------
    >>> f = pd.DataFrame({"place": ["Larchester"], "sector": ["business_services"], "employees": [10]})
    >>> round(true_spillover_doubling(f, [0.0]), 3)
    1.0

    References
    ----------
    - Chapain et al. (2010), see the module docstring.
    """
    require_dataframe(firms, "firms")
    require_columns(firms, ["place", "sector", "employees"], "firms")
    share = np.asarray(share, dtype=float)
    if share.shape != (len(firms),):
        raise ValueError(
            f"share must have one value per firm ({len(firms)}), got shape {share.shape}"
        )
    args = (firms["place"].to_numpy(), firms["sector"].to_numpy(), firms["employees"].to_numpy())
    p0 = 1 / (1 + np.exp(-_noncreative_log_odds(*args, share)))
    p1 = 1 / (1 + np.exp(-_noncreative_log_odds(*args, 2 * share)))
    return float(p1.mean() / p0.mean())


def true_effects_table() -> pd.DataFrame:
    """The planted log-odds coefficients of both outcome models, one row per term.

    Returns
    -------
    pandas.DataFrame
        ``model`` (``creative``: creative firms' innovation on their ties per layer;
        ``non_creative``: the other firms' innovation on their district's creative share),
        ``term`` and ``coefficient``. Terms are ``Intercept``, the layer counts
        (``n_local``, ``n_external``, ``n_cross_sector``), ``creative_share``,
        ``np.log(employees)``, ``place=<place>`` (the non-creative model's intercept of
        each place) and ``sector=<sector>`` (a sector's shift; sectors not listed have 0).

    Examples
    --------
    >>> table = true_effects_table()
    >>> table.loc[table["term"] == "n_cross_sector", "coefficient"].item()
    0.35

    References
    ----------
    - Chapain et al. (2010), see the module docstring.
    """
    creative = [
        ("Intercept", _CREATIVE_INTERCEPT),
        *((f"n_{layer}", effect) for layer, effect in TRUE_LAYER_EFFECTS.items()),
        ("np.log(employees)", _LOG_SIZE_EFFECT),
        *((f"sector={s}", shift) for s, shift in _CREATIVE_SECTOR_SHIFT.items()),
    ]
    non_creative = [
        *((f"place={p}", b) for p, b in zip(PLACES["place"], PLACES["baseline"], strict=True)),
        ("creative_share", TRUE_SPILLOVER),
        ("np.log(employees)", _LOG_SIZE_EFFECT),
        *((f"sector={s}", shift) for s, shift in _NONCREATIVE_SECTOR_SHIFT.items()),
    ]
    rows = [("creative", term, value) for term, value in creative]
    rows += [("non_creative", term, value) for term, value in non_creative]
    return pd.DataFrame(rows, columns=["model", "term", "coefficient"])


_CACHE: dict = {}


def _default_economy():
    if "economy" not in _CACHE:
        _CACHE["economy"] = make_creative_economy(DEFAULT_SEED)
    return _CACHE["economy"]


def sample_creative_districts() -> pd.DataFrame:
    """``data/sample-creative/districts.csv``: the districts of the four fictional places."""
    return _default_economy()["districts"]


def sample_creative_firms() -> pd.DataFrame:
    """``data/sample-creative/firms.csv``: firms, their attributes and innovation outcome."""
    return _default_economy()["firms"]


def sample_creative_ties() -> pd.DataFrame:
    """``data/sample-creative/ties.csv``: undirected collaboration ties (source < target)."""
    return _default_economy()["ties"]


def sample_creative_true_effects() -> pd.DataFrame:
    """``data/sample-creative/true_effects.csv``: the planted coefficients (:func:`true_effects_table`)."""
    return true_effects_table()


SAMPLES = {
    "sample-creative/districts.csv": sample_creative_districts,
    "sample-creative/firms.csv": sample_creative_firms,
    "sample-creative/ties.csv": sample_creative_ties,
    "sample-creative/true_effects.csv": sample_creative_true_effects,
}
