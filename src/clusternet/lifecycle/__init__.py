"""Cluster life cycles: trend features, stage classification and indicator tables.

A cluster's *life-cycle stage* is read from its trajectory over the last few years:

- **quantity** (Menzel and Fornahl's quantitative dimension): employment and the number
  of firms, each as a share of the reference economy, so that growth is measured
  *against* the economy and a boom that lifts every industry does not count;
- **specialisation**: the cluster's location quotient (computed with
  ``location_quotient``) at the end of the window;
- **quality**, where it is available: the diversity (heterogeneity) of the firms'
  knowledge, whose rise Menzel and Fornahl associate with renewal.

One concept per file:

- ``features``: :func:`lifecycle_features` fits a straight line to each of these over a
  window of years, with standard errors;
- ``classify``: :func:`classify_life_cycle` applies the documented rules
  (``STAGE_RULES``), with a confidence for every classification;
- ``evaluation``: :func:`stage_confusion` and :func:`stage_recovery` compare
  classifications with known (planted) stages;
- ``stability``: :func:`stage_stability` reclassifies with alternative thresholds and
  reports the share of pairs that change stage; :func:`stage_shares` counts the pairs
  per stage with an interval from the stage probabilities;
- ``indicators``: :func:`lifecycle_indicator_table` builds the indicator table of every
  region and cluster (size, specialisation, focus, growth, firm formation, stars and
  stage) from two years of data, reusing the Porter chapter's helpers
  ``aggregate_to_clusters``, ``location_quotient`` and ``star_rating``.

The stage names (``LIFECYCLE_STAGES``) are the vocabulary of the data and are defined in
``clusternet.catalog.lifecycle``.

References
----------
- Menzel, M.-P. and Fornahl, D. (2010). Cluster life cycles: dimensions and rationales
  of cluster evolution. *Industrial and Corporate Change* 19(1), 205-238.
- European Cluster Observatory (2008). Star rating of regional clusters: size,
  specialisation and focus.
"""

from __future__ import annotations

from clusternet.catalog.lifecycle import LIFECYCLE_STAGES
from clusternet.lifecycle.classify import STAGE_RULES, classify_life_cycle
from clusternet.lifecycle.evaluation import StageRecovery, stage_confusion, stage_recovery
from clusternet.lifecycle.features import lifecycle_features
from clusternet.lifecycle.indicators import lifecycle_indicator_table
from clusternet.lifecycle.stability import StageStability, stage_shares, stage_stability

__all__ = [
    "LIFECYCLE_STAGES",
    "STAGE_RULES",
    "lifecycle_features",
    "classify_life_cycle",
    "stage_recovery",
    "stage_confusion",
    "StageRecovery",
    "lifecycle_indicator_table",
    "stage_stability",
    "stage_shares",
    "StageStability",
]
