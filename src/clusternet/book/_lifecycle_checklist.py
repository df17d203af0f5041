"""The strategy checklist of the life-cycle chapter (a content table, not a measure).

Read by :mod:`clusternet.book.cluster_life_cycles`, which publishes its counts.

References
----------
- ERIK Network (2007). Clusters and Networks Thematic Working Group (led by Advantage
  West Midlands). European Regions Knowledge-based Innovation Network.
- European Commission (2002). Creating Smart Systems: a guide to cluster strategies in
  less favoured regions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from clusternet.book._lifecycle_settings import CHECKLIST
from clusternet.book.published import Published

__all__ = ["Checklist", "strategy_checklist"]

_CHECKLIST = [
    # (step, question, indicator, helpers, chapter, can_inform, source status)
    (
        "Evidence base: where is the cluster?",
        "Is the activity concentrated in the region, and how large is it?",
        "location quotient, employment, focus, star rating",
        "cluster_location_quotient, star_rating",
        "ch-porter-clusters",
        "yes",
        "ERIK: evidence base first (VERIFIED)",
    ),
    (
        "Evidence base: is it gaining ground?",
        "Is it growing faster than the economy, and are firms forming?",
        "growth against the reference economy, net firm formation",
        "lifecycle_indicator_table",
        "ch-cluster-life-cycles",
        "yes",
        "ERIK: evidence base first (VERIFIED)",
    ),
    (
        "Life-cycle stage",
        "Is it emerging, growing, mature, declining or renewing?",
        "stage and confidence from the trajectory",
        "lifecycle_features, classify_life_cycle",
        "ch-cluster-life-cycles",
        "partly",
        "Menzel and Fornahl stages (VERIFIED); a stage from two years is a reading of one change",
    ),
    (
        "Systematic relationships among firms",
        "Do firms share products, processes, technologies, resources, skills or channels?",
        "cluster definitions that group related industries (co-location, input-output, occupations)",
        "aggregate_to_clusters",
        "ch-porter-clusters",
        "partly",
        "Creating Smart Systems, first key feature (VERIFIED); the grouping is national, local ties are not observed",
    ),
    (
        "Geographic reach",
        "Is the cluster bounded by travel-to-work and networking distances?",
        "none: the report's real data are for states, not travel-to-work areas",
        "",
        "",
        "no",
        "Creating Smart Systems key feature as quoted in the brief (UNVERIFIED)",
    ),
    (
        "Not defined by membership",
        "Who benefits, members of a cluster organisation or every firm nearby?",
        "indicators count every establishment in the cluster's industries, member or not",
        "aggregate_to_clusters",
        "ch-porter-clusters",
        "partly",
        "Creating Smart Systems key feature as quoted in the brief (UNVERIFIED); free riding is not measured",
    ),
    (
        "Hard and soft externalities",
        "Does the cluster raise its firms' growth and innovation?",
        "association of cluster strength with growth (hard); trust and buzz are not measured (soft)",
        "fit_dps_growth",
        "ch-porter-clusters",
        "partly",
        "Creating Smart Systems key feature as quoted in the brief (UNVERIFIED)",
    ),
    (
        "Defined by relationships",
        "How are the firms connected, locally and to distant partners?",
        "network measures (layers, small-world Q, hierarchy, pipelines) on sample data or a reader's survey",
        "",
        "ch-creative-connections",
        "partly",
        "Creating Smart Systems key feature as quoted in the brief (UNVERIFIED); no real US network data",
    ),
    (
        "Quality of the cluster's knowledge",
        "Is the diversity of its firms' knowledge rising or falling?",
        "diversity trend (renewal rule); not in County Business Patterns",
        "lifecycle_features",
        "ch-cluster-life-cycles",
        "no",
        "Menzel and Fornahl: heterogeneity drives the cycle (VERIFIED); no real diversity data here",
    ),
    (
        "Monitoring",
        "Can the same indicators be repeated every year?",
        "every indicator above, re-run on each new County Business Patterns release",
        "lifecycle_indicator_table",
        "ch-cluster-life-cycles",
        "yes",
        "report's own recommendation",
    ),
]


@dataclass(frozen=True)
class Checklist:
    """The steps of a cluster strategy and how many the indicators can inform."""

    table: pd.DataFrame
    counts: pd.Series
    published: dict[str, Published] = field(repr=False)


def strategy_checklist() -> Checklist:
    """The steps of a cluster strategy, tied to what the report's indicators can tell.

    The rows follow the ERIK clusters working group's advice to get the evidence base
    right first, and the key features of clusters listed in the Commission's guide
    *Creating Smart Systems* as the ERIK page quotes them (only the first feature could be
    checked against the page; the others are as summarised in the brief of this report).

    Returns
    -------
    Checklist
        ``table``: one row per step, ``step, question, indicator, helpers``
        (comma-separated names of ``clusternet`` functions, empty when none),
        ``chapter`` (a label of the book), ``can_inform`` (``"yes"``, ``"partly"`` or
        ``"no"``) and ``source``; ``counts``: steps per answer.

    Examples
    --------
    >>> strategy_checklist().counts.to_dict()
    {'partly': 5, 'yes': 3, 'no': 2}
    """
    columns = ["step", "question", "indicator", "helpers", "chapter", "can_inform", "source"]
    table = pd.DataFrame(_CHECKLIST, columns=columns).astype("str")
    counts = table["can_inform"].value_counts()
    published = {
        "lifecycle_checklist_steps": Published(
            len(table),
            "Steps in the life-cycle chapter's strategy checklist",
            unit="steps",
            digits=0,
            headline=False,
            provenance=CHECKLIST,
        ),
    }
    for level in ("yes", "partly", "no"):
        published[f"lifecycle_checklist_{level}"] = Published(
            int(counts.get(level, 0)),
            f"Strategy-checklist steps the report's indicators can inform: '{level}'",
            unit="steps",
            digits=0,
            headline=False,
            provenance=CHECKLIST,
        )
    return Checklist(table, counts, published)
