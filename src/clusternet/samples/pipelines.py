"""Sample data for the global-pipelines chapter: a seeded survey of Norwegian firms.

:func:`norway_survey` writes ``data/sample-norway/norway_firm_survey.csv``, a **sample**
(synthetic) survey shaped like the one Fitjar and Rodriguez-Pose ran in Norway's five
largest city-regions. It is calibrated so that the figures the authors gave in the press
hold *in expectation* (exactly, in the data-generating process), and the chapter shows how
close this one draw comes to each of them. The targets, with their status (VERIFIED or
UNVERIFIED) and source, are written to ``data/sample-norway/calibration_targets.csv`` by
:func:`calibration_targets`, and the planted coefficients of the product-innovation
equation to ``data/sample-norway/true_coefficients.csv`` by :func:`true_coefficients`:
analysis code reads these files, never the generator's constants.

Calibration targets
-------------------

- 1,604 firms, every one with more than 10 employees, in Oslo, Bergen, Stavanger,
  Trondheim and Kristiansand (VERIFIED, abstract of Fitjar and Rodriguez-Pose 2011).
- About 80 per cent of firms collaborate with at least one partner inside their
  city-region, about 45 per cent with at least one international partner (the authors'
  press pieces; UNVERIFIED, not traced to a published table). The generator draws "any
  regional partner" and "any international partner" by thresholding standard normal
  latent variables at the matching quantiles, so the expected shares are exactly 0.80 and
  0.45.
- Product innovation follows a logit in which each extra *type* of international partner
  multiplies the odds by 1.26 (press; UNVERIFIED), and each extra type of regional or
  national partner by ``exp(log(1.26) / 4)``, about 1.06: the international effect is four
  times the regional one on the log-odds scale ("four times more powerful", press;
  UNVERIFIED) and the local effects are small ("negligible", VERIFIED in the 2011
  abstract). The chapter's headline model has exactly this form, so it estimates these
  coefficients without bias in large samples.

Assumptions (not calibrated to any published figure; stated in the data README)
-------------------------------------------------------------------------------

City-region and sector shares, the size distribution, foreign ownership, education and
managers' open-mindedness, the share with a national partner (0.70), how many partner
types a collaborating firm has and which, the control coefficients, the intercepts, and the
process and new-to-market equations. Process innovation depends on partner *modes*
(Jensen et al. 2007): signs follow the abstract of Fitjar and Rodriguez-Pose (2013)
(extra-regional supply-chain and science-based ties help most, ties with competitors do
not), magnitudes are assumptions. No complementarity between local and international
ties is built in (no interaction term), and city-regions have no effect of their own.

References
----------
- Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not suffice:
  sources of firm innovation in urban Norway. *Environment and Planning A* 43(6).
- Fitjar, R. D. and Rodriguez-Pose, A. (2013). Firm collaboration and modes of innovation
  in Norway. *Research Policy* 42(1), 128-138.
- Jensen, M. B., Johnson, B., Lorenz, E. and Lundvall, B.-A. (2007). Forms of knowledge and
  modes of innovation. *Research Policy* 36(5), 680-693.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from clusternet._validation import require_positive_int, require_seed
from clusternet.catalog.pipelines import (
    CALIBRATION_TARGET_KEYS,
    CITY_REGIONS,
    PARTNER_TYPES,
    SCALES,
    SECTORS,
)

__all__ = ["SEED", "norway_survey", "calibration_targets", "true_coefficients", "SAMPLES"]

#: seed of the committed file (the year of the 2011 paper and its month; never tuned)
SEED = 201106

# the published figures the generator reproduces in expectation (written to
# calibration_targets.csv; keys as clusternet.catalog.pipelines.CALIBRATION_TARGET_KEYS)
_CALIBRATION_TARGETS = {
    "n_firms": {
        "value": 1604,
        "status": "VERIFIED",
        "source": "Fitjar and Rodriguez-Pose (2011), abstract",
    },
    "min_employees": {
        "value": 11,
        "status": "VERIFIED",
        "source": "2011 abstract: firms with more than 10 employees",
    },
    "share_regional": {
        "value": 0.80,
        "status": "UNVERIFIED",
        "source": "authors' press pieces: about 80 per cent",
    },
    "share_international": {
        "value": 0.45,
        "status": "UNVERIFIED",
        "source": "authors' press pieces: only 45 per cent",
    },
    "odds_ratio_international": {
        "value": 1.26,
        "status": "UNVERIFIED",
        "source": "authors' press pieces: about 26 per cent higher odds",
    },
    "effect_ratio": {
        "value": 4.0,
        "status": "UNVERIFIED",
        "source": "authors' press pieces: as much as four times more powerful",
    },
}

_BETA_INTERNATIONAL = math.log(_CALIBRATION_TARGETS["odds_ratio_international"]["value"])
_BETA_LOCAL = _BETA_INTERNATIONAL / _CALIBRATION_TARGETS["effect_ratio"]["value"]

# true log-odds coefficients of the product-innovation equation (per partner type; written
# to true_coefficients.csv)
_TRUE_COEFFICIENTS = {
    "partners_regional": _BETA_LOCAL,
    "partners_national": _BETA_LOCAL,
    "partners_international": _BETA_INTERNATIONAL,
    "log_employees": 0.25,
    "foreign_ownership": 0.5,
    "higher_education": 0.8,
    "open_mindedness": 0.3,
}

_REGION_SHARES = {
    "Oslo": 0.44,
    "Bergen": 0.21,
    "Stavanger": 0.15,
    "Trondheim": 0.12,
    "Kristiansand": 0.08,
}

# sector shares by city-region (rows sum to 1): Stavanger is the oil capital
_SECTOR_SHARES = {
    "Oslo": (0.14, 0.03, 0.15, 0.26, 0.27, 0.15),
    "Bergen": (0.18, 0.08, 0.17, 0.24, 0.23, 0.10),
    "Stavanger": (0.15, 0.25, 0.15, 0.18, 0.19, 0.08),
    "Trondheim": (0.17, 0.04, 0.18, 0.24, 0.23, 0.14),
    "Kristiansand": (0.24, 0.07, 0.19, 0.24, 0.19, 0.07),
}
_SECTOR_EFFECT = {
    "manufacturing": 0.0,
    "oil and gas": 0.1,
    "construction": -0.6,
    "trade": -0.3,
    "business services": 0.0,
    "ICT": 0.5,
}
# Beta(a, b) parameters of the share of employees with higher education, by sector
_EDUCATION = {
    "manufacturing": (2, 6),
    "oil and gas": (3, 4),
    "construction": (1.5, 7),
    "trade": (1.5, 6),
    "business services": (4, 3),
    "ICT": (5, 2),
}
_SHARE_ANY = {"regional": 0.80, "national": 0.70, "international": 0.45}
# relative chance that a collaborating firm's partner types include each type, by scale
_TYPE_WEIGHTS = {
    "regional": (3.0, 3.0, 1.5, 2.0, 1.0, 0.8),
    "national": (3.0, 3.0, 1.2, 1.5, 1.0, 1.0),
    "international": (3.5, 2.5, 1.0, 0.8, 0.6, 0.6),
}
# extra partner types beyond the first: 1 + Binomial(5, q), q rises with firm size
_EXTRA_TYPES = {"regional": 0.32, "national": 0.25, "international": 0.20}
# process innovation: log-odds per partner type of each mode, local versus extra-regional
_PROCESS_MODES = {
    ("sti", "regional"): 0.05,
    ("sti", "extra"): 0.20,
    ("dui_supply", "regional"): 0.05,
    ("dui_supply", "extra"): 0.30,
    ("dui_other", "regional"): -0.20,
    ("dui_other", "extra"): 0.0,
}
_MODE_TYPES = {
    "sti": ("consultant", "university", "research_institute"),
    "dui_supply": ("supplier", "customer"),
    "dui_other": ("competitor",),
}


def _logistic(x):
    return 1.0 / (1.0 + np.exp(-x))


def _choose_types(rng, n_types, weights):
    """Pick ``n_types[i]`` distinct partner types per firm, with probability ~ weights (Gumbel top-k)."""
    keys = np.log(np.asarray(weights))[None, :] + rng.gumbel(size=(len(n_types), len(weights)))
    rank = np.argsort(np.argsort(-keys, axis=1), axis=1)  # 0 = most preferred type
    return (rank < n_types[:, None]).astype(int)


def norway_survey(seed=SEED, n_firms: int = 1604) -> pd.DataFrame:
    """Draw the sample survey of Norwegian firms (see the module docstring for calibration).

    Parameters
    ----------
    seed : int or numpy.random.Generator
        Random seed; the committed file uses :data:`SEED`.
    n_firms : int
        Number of firms (1,604 in the original survey).

    Returns
    -------
    pandas.DataFrame
        One row per firm: ``firm_id, city_region, sector, employees, foreign_ownership,
        higher_education, open_mindedness``, 18 partner columns ``<type>_<scale>`` (1 if
        the firm collaborated with at least one partner of that type at that scale), and
        the outcomes ``product_innovation, product_new_to_market, process_innovation,
        process_new_to_market`` (0/1; new-to-market implies new-to-firm).

    Raises
    ------
    TypeError, ValueError
        Bad seed or ``n_firms`` below 1.

    Examples
    --------
    >>> survey = norway_survey(seed=1, n_firms=50)
    >>> survey.shape
    (50, 29)
    >>> bool(survey["employees"].min() > 10)
    True

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not
      suffice. *Environment and Planning A* 43(6).
    """
    rng = require_seed(seed)
    n = require_positive_int(n_firms, "n_firms")
    regions = rng.choice(
        np.array(CITY_REGIONS), size=n, p=[_REGION_SHARES[r] for r in CITY_REGIONS]
    )
    sector_index = np.empty(n, dtype=int)
    for region in CITY_REGIONS:  # five draws, one per city-region
        mask = regions == region
        sector_index[mask] = rng.choice(
            len(SECTORS), size=int(mask.sum()), p=_SECTOR_SHARES[region]
        )
    sectors = np.array(SECTORS)[sector_index]

    # independent standard normal drivers
    z_size, z_open, e_foreign, e_collab = rng.standard_normal((4, n))
    employees = 11 + np.floor(np.exp(np.log(22.0) + 1.1 * z_size)).astype(int)
    z_foreign = 0.4 * z_size + math.sqrt(1 - 0.4**2) * e_foreign
    foreign_owned = z_foreign > stats.norm.ppf(1 - 0.18)
    wholly = rng.random(n) < 0.6
    foreign_ownership = np.where(
        foreign_owned, np.where(wholly, 1.0, rng.uniform(0.1, 0.9, n).round(2)), 0.0
    )
    a_b = np.array([_EDUCATION[s] for s in sectors])
    higher_education = rng.beta(a_b[:, 0], a_b[:, 1]).round(2)
    open_mindedness = np.round(np.clip(3.2 + 0.8 * z_open, 1, 5) * 4) / 4

    # collaboration: latent standard normals, thresholded at the target shares
    loadings = {  # on (z_size, z_open, e_foreign, e_collab); the rest is scale-specific noise
        "regional": (0.25, 0.20, 0.0, 0.45),
        "national": (0.30, 0.20, 0.10, 0.45),
        "international": (0.35, 0.25, 0.30, 0.40),
    }
    drivers = np.vstack([z_size, z_open, e_foreign, e_collab])
    columns = {}
    for scale in SCALES:
        weights = np.array(loadings[scale])
        noise = math.sqrt(1 - float(weights @ weights)) * rng.standard_normal(n)
        latent = weights @ drivers + noise
        collaborates = latent > stats.norm.ppf(1 - _SHARE_ANY[scale])
        q = np.clip(_EXTRA_TYPES[scale] + 0.08 * z_size, 0.02, 0.9)
        n_types = np.where(collaborates, 1 + rng.binomial(5, q), 0)
        chosen = _choose_types(rng, n_types, _TYPE_WEIGHTS[scale])
        for j, kind in enumerate(PARTNER_TYPES):
            columns[f"{kind}_{scale}"] = chosen[:, j]
    partners = pd.DataFrame(columns)
    counts = {
        s: partners[[f"{t}_{s}" for t in PARTNER_TYPES]].sum(axis=1).to_numpy() for s in SCALES
    }

    log_employees = np.log(employees)
    controls = (
        _TRUE_COEFFICIENTS["log_employees"] * log_employees
        + _TRUE_COEFFICIENTS["foreign_ownership"] * foreign_ownership
        + _TRUE_COEFFICIENTS["higher_education"] * higher_education
        + _TRUE_COEFFICIENTS["open_mindedness"] * open_mindedness
        + np.array([_SECTOR_EFFECT[s] for s in sectors])
    )
    product_index = (
        -2.6 + controls + sum(_TRUE_COEFFICIENTS[f"partners_{s}"] * counts[s] for s in SCALES)
    )
    product = (rng.random(n) < _logistic(product_index)).astype(int)

    def mode_count(mode, scale):
        types = _MODE_TYPES[mode]
        if scale == "regional":
            return partners[[f"{t}_regional" for t in types]].sum(axis=1).to_numpy()
        extra = [
            np.maximum(partners[f"{t}_national"], partners[f"{t}_international"]).to_numpy()
            for t in types
        ]
        return np.sum(extra, axis=0)

    process_index = (
        -2.4
        + controls
        - 0.3 * higher_education
        + sum(beta * mode_count(mode, scale) for (mode, scale), beta in _PROCESS_MODES.items())
    )
    process = (rng.random(n) < _logistic(process_index)).astype(int)
    # new to market (radical), among innovators: more international partner types, more radical
    radical_product = _logistic(
        -1.6 + 0.30 * counts["international"] + 0.15 * (log_employees - 3.5)
    )
    radical_process = _logistic(
        -2.0 + 0.20 * counts["international"] + 0.15 * (log_employees - 3.5)
    )
    product_new = product * (rng.random(n) < radical_product)
    process_new = process * (rng.random(n) < radical_process)

    survey = pd.DataFrame(
        {
            "firm_id": np.arange(1, n + 1),
            "city_region": regions,
            "sector": sectors,
            "employees": employees,
            "foreign_ownership": foreign_ownership,
            "higher_education": higher_education,
            "open_mindedness": open_mindedness,
        }
    )
    survey = pd.concat([survey, partners], axis=1)
    return survey.assign(
        product_innovation=product,
        product_new_to_market=product_new.astype(int),
        process_innovation=process,
        process_new_to_market=process_new.astype(int),
    )


def calibration_targets() -> pd.DataFrame:
    """The figures :func:`norway_survey` is calibrated to, one row per target.

    Returns
    -------
    pandas.DataFrame
        Columns ``target, value, status, source`` (``status`` VERIFIED or UNVERIFIED);
        targets in the order of ``clusternet.catalog.pipelines.CALIBRATION_TARGET_KEYS``.

    Examples
    --------
    >>> calibration_targets().set_index("target").loc["effect_ratio", "value"]
    np.float64(4.0)

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not
      suffice. *Environment and Planning A* 43(6).
    """
    return pd.DataFrame(
        [
            {
                "target": key,
                "value": float(_CALIBRATION_TARGETS[key]["value"]),
                "status": _CALIBRATION_TARGETS[key]["status"],
                "source": _CALIBRATION_TARGETS[key]["source"],
            }
            for key in CALIBRATION_TARGET_KEYS
        ]
    )


def true_coefficients() -> pd.DataFrame:
    """The log-odds coefficients planted in the product-innovation equation of :func:`norway_survey`.

    Returns
    -------
    pandas.DataFrame
        Columns ``term, coefficient``: the three partner-type counts
        (``partners_<scale>``) and the controls ``log_employees``, ``foreign_ownership``,
        ``higher_education`` and ``open_mindedness``.

    Examples
    --------
    >>> truth = true_coefficients().set_index("term")["coefficient"]
    >>> round(float(truth["partners_international"] / truth["partners_regional"]), 6)
    4.0
    """
    return pd.DataFrame(
        {"term": list(_TRUE_COEFFICIENTS), "coefficient": list(_TRUE_COEFFICIENTS.values())}
    )


SAMPLES = {
    "sample-norway/norway_firm_survey.csv": norway_survey,
    "sample-norway/calibration_targets.csv": calibration_targets,
    "sample-norway/true_coefficients.csv": true_coefficients,
}
