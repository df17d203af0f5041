"""Sample data for the life-cycle chapter: a 20-year regional panel with planted stages.

:func:`lifecycle_sample` makes a **sample** (synthetic) economy of 12 regions plus a
"rest of the economy", each with six clusters and "other industries", observed every year
from 2000 to 2019. Every one of the 72 region-cluster pairs is given a life-cycle stage
(12 pairs per stage, each stage twice in every cluster and once in every region), and its
employment, number of firms and diversity follow that stage exactly before noise, so the
chapter can check that :func:`clusternet.classify_life_cycle` recovers the stages.

Files (``data/sample-lifecycle/``):

- ``panel.csv``: ``region, cluster, year, employment, firms, diversity`` for every region,
  cluster and year (the whole reference economy);
- ``planted.csv``: ``region, cluster, stage`` and the planted features over the last
  :data:`WINDOW` years (``growth``, ``specialisation``, ``diversity_trend``).

The planted stages are a data file, not a constant: analysis code reads them with
``clusternet.data.load("lifecycle_sample_planted")``.

Calibration targets
-------------------

- The six clusters together hold one third of the reference economy's employment (each
  cluster 1/18), as traded clusters hold about one third of US employment (Porter 2003,
  VERIFIED in papers.md 1.3). The "rest of the economy" region absorbs the difference
  so that each cluster's national share is exactly 1/18 in every year, which makes every
  pair's planted location quotient exact.
- 16 employees per firm in the reference economy: US County Business Patterns 2017 has
  127.7 million employees in 7.83 million establishments (data/us-cbp/SOURCE.md).
- The stages are Menzel and Fornahl's emergence, growth, sustainment (mature), decline
  and renewal (VERIFIED, papers.md 6.2), plus "not specialised" (a stable activity that is
  not concentrated in the region).

Assumptions (not calibrated to any published figure; stated in the data README)
-------------------------------------------------------------------------------

- Reference employment grows 1% a year; regions drift by up to 0.3 points a year around
  it; region sizes are log-uniform between 0.25 and 2.5 million employees and together
  hold 30% of the economy.
- Each stage's ranges (:data:`STAGE_DESIGN`): growth against the economy, location
  quotient at the end, relative firm size, the diversity level and trend, and the growth
  before the window. Growth ranges stop at least 0.005 a year short of the classifier's
  default threshold (0.01), so the planted stages are unambiguous without noise.
- Every planted employment and firm count is multiplied by independent log-normal noise
  with a standard deviation of 0.03 (3%); the diversity index gets normal noise with a
  standard deviation of 0.02.

References
----------
- Menzel, M.-P. and Fornahl, D. (2010). Cluster life cycles: dimensions and rationales
  of cluster evolution. *Industrial and Corporate Change* 19(1), 205-238.
- Porter, M. E. (2003). The economic performance of regions. *Regional Studies* 37(6-7).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from clusternet._validation import require_positive_int, require_real, require_seed
from clusternet.catalog.lifecycle import LIFECYCLE_STAGES, OTHER_INDUSTRIES, REST_OF_ECONOMY

__all__ = [
    "SEED",
    "FIRST_YEAR",
    "N_YEARS",
    "WINDOW",
    "CLUSTERS",
    "OTHER_INDUSTRIES",
    "REST_OF_ECONOMY",
    "STAGE_DESIGN",
    "lifecycle_sample",
    "SAMPLES",
]

#: seed of the committed files (the year of Menzel and Fornahl's paper; never tuned)
SEED = 2010
FIRST_YEAR = 2000
N_YEARS = 20
#: years at the end of the panel over which each pair follows its planted stage (2012-2019);
#: before them it follows the stage's history. The chapter's classification window must
#: equal it (a test checks this).
WINDOW = 8
N_REGIONS = 12
CLUSTERS = (
    "Advanced manufacturing",
    "Creative industries",
    "Digital technology",
    "Food and drink",
    "Life sciences",
    "Logistics",
)
CLUSTER_SHARE = 1 / 18  # six clusters = one third of employment (Porter 2003)
EMPLOYEES_PER_FIRM = 16.0  # CBP 2017: 127.7 M employees / 7.83 M establishments
REFERENCE_GROWTH = 0.01
REGION_SHARE = 0.30
NOISE = 0.03
DIVERSITY_NOISE = 0.02

#: per stage: window growth against the economy (q), growth before the window, end LQ,
#: firm size relative to the economy at the end, slope of log firm size, diversity at
#: the end, diversity trend in the window and before it
STAGE_DESIGN = {
    "emerging": dict(
        q=(0.015, 0.06),
        history=None,
        lq=(0.25, 0.7),
        size=0.6,
        size_trend=-0.02,
        diversity=(0.6, 0.8),
        diversity_trend=(-0.003, 0.003),
        diversity_history=0.0,
    ),
    "growing": dict(
        q=(0.015, 0.06),
        history=(0.03, 0.06),
        lq=(1.4, 2.6),
        size=1.0,
        size_trend=0.01,
        diversity=(0.3, 0.45),
        diversity_trend=(-0.02, -0.008),
        diversity_history=None,
    ),
    "mature": dict(
        q=(-0.005, 0.005),
        history=(0.02, 0.05),
        lq=(1.4, 3.0),
        size=1.5,
        size_trend=0.01,
        diversity=(0.2, 0.35),
        diversity_trend=(-0.004, 0.002),
        diversity_history=-0.01,
    ),
    "declining": dict(
        q=(-0.06, -0.015),
        history=(-0.005, 0.005),
        lq=(0.6, 2.0),
        size=1.2,
        size_trend=0.0,
        diversity=(0.15, 0.3),
        diversity_trend=(-0.01, 0.0),
        diversity_history=0.0,
    ),
    "renewing": dict(
        q=(0.015, 0.06),
        history=(-0.06, -0.02),
        lq=(1.3, 2.2),
        size=0.9,
        size_trend=-0.01,
        diversity=(0.45, 0.6),
        diversity_trend=(0.012, 0.03),
        diversity_history=0.0,
    ),
    "not specialised": dict(
        q=(-0.005, 0.005),
        history=(-0.005, 0.005),
        lq=(0.25, 0.7),
        size=1.0,
        size_trend=0.0,
        diversity=(0.4, 0.6),
        diversity_trend=(-0.003, 0.003),
        diversity_history=0.0,
    ),
}


def _region_names(n: int) -> list[str]:
    return [f"Region {chr(ord('A') + i)}" for i in range(n)]


def lifecycle_sample(
    seed=SEED,
    *,
    noise: float = NOISE,
    diversity_noise: float = DIVERSITY_NOISE,
    n_regions: int = N_REGIONS,
    window: int = WINDOW,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Make the sample panel and its planted stages.

    Parameters
    ----------
    seed : int or numpy.random.Generator
        Default :data:`SEED` (the committed files).
    noise : float
        Standard deviation of the log-normal noise on each planted count (0 gives the
        exact planted trajectories, up to rounding to whole numbers).
    diversity_noise : float
        Standard deviation of the normal noise on the diversity index.
    n_regions : int
        Number of regions, a multiple of 6 so that every stage appears equally often.
    window : int
        Years at the end over which each pair follows its planted stage (default
        :data:`WINDOW`, 8: 2012-2019), between 2 and the number of years.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        ``panel`` (region, cluster, year, employment, firms, diversity) and ``planted``
        (region, cluster, stage, growth, specialisation, diversity_trend).

    Raises
    ------
    TypeError, ValueError
        A bad seed, negative noise, ``n_regions`` not a positive multiple of 6, or a
        ``window`` outside 2 to 20 years.

    Examples
    --------
    >>> panel, planted = lifecycle_sample()
    >>> len(panel), int(planted["stage"].value_counts().min())
    (1820, 12)
    """
    rng = require_seed(seed)
    noise = require_real(noise, "noise", minimum=0.0)
    diversity_noise = require_real(diversity_noise, "diversity_noise", minimum=0.0)
    n_regions = require_positive_int(n_regions, "n_regions")
    window = require_positive_int(window, "window", minimum=2)
    if window > N_YEARS:
        raise ValueError(f"window must be at most {N_YEARS} years, got {window}")
    if n_regions % len(LIFECYCLE_STAGES):
        raise ValueError(
            f"n_regions must be a multiple of {len(LIFECYCLE_STAGES)}, got {n_regions}"
        )
    years = np.arange(FIRST_YEAR, FIRST_YEAR + N_YEARS)
    t = years - years[-1]  # 0 in the last year, negative before
    window_start = -(window - 1)
    regions = _region_names(n_regions)
    n_clusters = len(CLUSTERS)

    # region and reference totals (exogenous)
    base = np.exp(rng.uniform(np.log(0.25e6), np.log(2.5e6), n_regions))
    drift = rng.uniform(-0.003, 0.003, n_regions)
    region_emp = base[:, None] * np.exp(
        (REFERENCE_GROWTH + drift[:, None]) * (years - FIRST_YEAR)[None, :]
    )
    rest_emp = (
        base.sum()
        * (1 - REGION_SHARE)
        / REGION_SHARE
        * np.exp(REFERENCE_GROWTH * (years - FIRST_YEAR))
    )
    total_emp = region_emp.sum(axis=0) + rest_emp
    total_firms = total_emp / EMPLOYEES_PER_FIRM
    region_firms = region_emp / EMPLOYEES_PER_FIRM

    # balanced assignment of stages: each stage twice per cluster and once per region
    region_order = rng.permutation(n_regions)
    cluster_order = rng.permutation(n_clusters)
    stage_index = (region_order[:, None] + cluster_order[None, :]) % len(LIFECYCLE_STAGES)

    emp = np.empty((n_regions, n_clusters, years.size))
    firms = np.empty_like(emp)
    diversity = np.empty_like(emp)
    planted = []
    for r in range(n_regions):
        for c in range(n_clusters):
            stage = LIFECYCLE_STAGES[stage_index[r, c]]
            design = STAGE_DESIGN[stage]
            q = rng.uniform(*design["q"])
            history = q if design["history"] is None else rng.uniform(*design["history"])
            lq_end = rng.uniform(*design["lq"])
            d_end = rng.uniform(*design["diversity"])
            d_trend = rng.uniform(*design["diversity_trend"])
            d_history = (
                d_trend if design["diversity_history"] is None else design["diversity_history"]
            )
            sigma = design["size_trend"]
            # log share of reference employment: piecewise linear, kink at the window start
            g_emp, h_emp = q + sigma / 2, history + sigma / 2
            u_end = np.log(lq_end * CLUSTER_SHARE * region_emp[r, -1] / total_emp[-1])
            in_window = t >= window_start
            u = np.where(
                in_window,
                u_end + g_emp * t,
                u_end + g_emp * window_start + h_emp * (t - window_start),
            )
            # log share of reference firms: firm size relative to the economy changes at sigma
            v = u - np.log(design["size"]) - sigma * t
            d = np.where(
                in_window,
                d_end + d_trend * t,
                d_end + d_trend * window_start + d_history * (t - window_start),
            )
            emp[r, c] = np.exp(u + rng.normal(0.0, noise, years.size)) * total_emp
            firms[r, c] = np.exp(v + rng.normal(0.0, noise, years.size)) * total_firms
            diversity[r, c] = np.clip(d + rng.normal(0.0, diversity_noise, years.size), 0.02, 0.98)
            planted.append((regions[r], CLUSTERS[c], stage, q, lq_end, d_trend))

    other_emp = region_emp - emp.sum(axis=1)
    other_firms = region_firms - firms.sum(axis=1)
    rest_cluster_emp = CLUSTER_SHARE * total_emp[None, :] - emp.sum(axis=0)
    rest_cluster_firms = CLUSTER_SHARE * total_firms[None, :] - firms.sum(axis=0)
    rest_other_emp = rest_emp - rest_cluster_emp.sum(axis=0)
    rest_other_firms = total_firms - region_firms.sum(axis=0) - rest_cluster_firms.sum(axis=0)
    for label, values in {
        "other industries of a region": (other_emp, other_firms),
        "clusters of the rest of the economy": (rest_cluster_emp, rest_cluster_firms),
        "other industries of the rest of the economy": (rest_other_emp, rest_other_firms),
    }.items():
        if min(np.min(values[0]), np.min(values[1])) < 1:
            raise RuntimeError(f"sample design error: {label} would have no employees or firms")

    rows = []
    background = rng.normal(0.5, diversity_noise, (n_regions + 1, n_clusters + 1, years.size)).clip(
        0.02, 0.98
    )
    for r, region in enumerate([*regions, REST_OF_ECONOMY]):
        for c, cluster in enumerate([*CLUSTERS, OTHER_INDUSTRIES]):
            if r < n_regions and c < n_clusters:
                e, f, d = emp[r, c], firms[r, c], diversity[r, c]
            elif r < n_regions:
                e, f, d = other_emp[r], other_firms[r], background[r, c]
            elif c < n_clusters:
                e, f, d = rest_cluster_emp[c], rest_cluster_firms[c], background[r, c]
            else:
                e, f, d = rest_other_emp, rest_other_firms, background[r, c]
            rows.append(
                pd.DataFrame(
                    {
                        "region": region,
                        "cluster": cluster,
                        "year": years,
                        "employment": np.round(e).astype(np.int64),
                        "firms": np.maximum(np.round(f), 1).astype(np.int64),
                        "diversity": np.round(d, 4),
                    }
                )
            )
    panel = pd.concat(rows, ignore_index=True).astype({"region": "str", "cluster": "str"})
    planted_frame = pd.DataFrame(
        planted,
        columns=["region", "cluster", "stage", "growth", "specialisation", "diversity_trend"],
    ).astype({"region": "str", "cluster": "str", "stage": "str"})
    return panel, planted_frame


@functools.lru_cache(maxsize=1)
def _committed() -> tuple[pd.DataFrame, pd.DataFrame]:
    return lifecycle_sample(SEED)


SAMPLES = {
    "sample-lifecycle/panel.csv": lambda: _committed()[0].copy(),
    "sample-lifecycle/planted.csv": lambda: _committed()[1].copy(),
}
