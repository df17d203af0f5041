"""Private helpers of :mod:`clusternet.book.creative_connections`.

The wording helpers of its published numbers, their provenances (one per group of
numbers), the coefficients planted in the sample (read from
``data/sample-creative/true_effects.csv``), and its real-data steps (US cluster
organisations as bridges between clusters), which
:mod:`~clusternet.book.creative_connections` re-exports with its ``SETTINGS`` as default.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

import clusternet
from clusternet import data
from clusternet.book.published import Published
from clusternet.connections import BridgeRelatedness
from clusternet.glue import Provenance

_TIES = {
    "local": "a local tie",
    "external": "an external tie",
    "cross_sector": "a cross-sector tie",
}
_SAMPLE, _REAL = "(sample data)", "(real data)"
_CI = ("Lower end of the 95% confidence interval", "Upper end of the 95% confidence interval")

# ---------------------------------------------------------------------------
# provenance of the chapter's published numbers, one per group
# ---------------------------------------------------------------------------

_SAMPLE_CAVEAT = "Sample data: demonstrates the method, not evidence about a real place."
#: Counts, shares and models of the sample economy's firms and ties.
SAMPLE_ECONOMY = Provenance(
    "sample data", ("sample_creative_firms", "sample_creative_ties"), caveat=_SAMPLE_CAVEAT
)
#: Numbers of the sample economy computed from its firms alone (clusters, spillovers).
SAMPLE_FIRMS = Provenance("sample data", "sample_creative_firms", caveat=_SAMPLE_CAVEAT)
#: True effects built into the sample (the answer its estimates are checked against).
PLANTED = Provenance(
    "analysis setting",
    ("sample_creative_true_effects", "sample_creative_firms"),
    caveat="Built into the sample data by construction: the truth the estimates are checked against, not a measurement.",
)
#: Thresholds and counts the chapter chose.
CHAPTER_SETTING = Provenance(
    "analysis setting",
    "clusternet",
    caveat="A choice of this chapter (not Nesta's), not a measurement.",
)
#: Nesta's quoted prior result on creative inputs (research notes: VERIFIED, Nesta page).
NESTA_CREATIVE_INPUTS = Provenance(
    "quoted and verified",
    "chapain2010creative",
    "2010",
    caveat="About spending on creative inputs, not ties; verified on a Nesta page, the underlying study's attribution is unverified.",
)
#: US cluster organisations (U.S. Cluster Mapping platform, snapshot of 2020-06-09).
US_ORGANISATIONS = Provenance(
    "real data",
    "us_cluster_organisations",
    "2020",
    caveat="Organisations that registered with the U.S. Cluster Mapping platform (not a census); cluster tags are their own.",
)
#: Bridged clusters scored with the Delgado-Porter-Stern (2016) relatedness.
US_RELATEDNESS = Provenance(
    "real data",
    ("us_cluster_organisations", "dps2016_related_clusters", "delgado2016defining"),
    "2020",
    caveat="Self-registered organisations (2020 snapshot); the interval is a bootstrap over organisations.",
)


def _with_provenance(published: dict, provenance: Provenance) -> dict:
    """``published`` with ``provenance`` on every number that has none yet."""
    return {
        name: number if number.provenance else replace(number, provenance=provenance)
        for name, number in published.items()
    }


def _aside(value, description, unit="", digits=0, **style) -> Published:
    """A supporting number: glued for the prose, not a headline."""
    return Published(value, description, unit=unit, digits=digits, headline=False, **style)


def _interval(name, value, lower, upper, description, ends=_CI, **style) -> dict:
    """A number and its interval as three Published (``name``, ``_ci_lower``, ``_ci_upper``)."""
    return {
        name: Published(value, description, **style),
        f"{name}_ci_lower": Published(lower, f"{ends[0]}: {description}", **style),
        f"{name}_ci_upper": Published(upper, f"{ends[1]}: {description}", **style),
    }


def _planted(model: str) -> pd.Series:
    """Coefficients planted in outcome ``model`` of the sample (``true_effects.csv``), by term."""
    truth = data.load("sample_creative_true_effects")
    rows = truth[truth["model"] == model]
    return pd.Series(rows["coefficient"].to_numpy(), index=rows["term"].to_numpy())


def _true_spillover_doubling(firms: pd.DataFrame, share) -> float:
    """True ratio of mean innovation probabilities if every firm's creative share doubled."""
    planted = _planted("non_creative")
    place = ("place=" + firms["place"].astype(str)).to_numpy()
    sector = ("sector=" + firms["sector"].astype(str)).to_numpy()
    share = np.asarray(share, dtype=float)

    def log_odds(x):
        return (
            planted.reindex(place).to_numpy()
            + planted["creative_share"] * x
            + planted["np.log(employees)"] * np.log(firms["employees"].to_numpy().astype(float))
            + planted.reindex(sector).fillna(0.0).to_numpy()
        )

    p0 = 1 / (1 + np.exp(-log_odds(share)))
    p1 = 1 / (1 + np.exp(-log_odds(2 * share)))
    return float(p1.mean() / p0.mean())


# ---------------------------------------------------------------------------
# real data: US cluster organisations as bridges
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class USBridges:
    """The ``organisations`` list, its bridging ``summary`` and the bridged pairs ``bridges``."""

    organisations: pd.DataFrame
    summary: dict
    bridges: pd.DataFrame
    published: dict[str, Published]


def us_bridges() -> USBridges:
    """Which clusters US cluster organisations bridge (real data, U.S. Cluster Mapping)."""
    organisations = data.load("us_cluster_organisations")
    summary = clusternet.bridging_summary(organisations)
    bridges = clusternet.sector_bridges(organisations)
    orgs = "US cluster organisations"
    published = {
        "nesta_us_organisations": Published(
            summary["organisations"],
            f"{orgs} listed by the U.S. Cluster Mapping Project with the clusters they serve {_REAL}",
            unit="organisations",
            digits=0,
        ),
        "nesta_us_clusters": _aside(
            summary["sectors"], f"Distinct clusters served by the listed {orgs} {_REAL}", "clusters"
        ),
        "nesta_us_multi_cluster": _aside(
            summary["multi_sector"],
            f"{orgs} that serve two or more clusters {_REAL}",
            "organisations",
        ),
        "nesta_us_multi_cluster_share": Published(
            summary["share_multi_sector"],
            f"Share of listed {orgs} that serve two or more clusters (real data, U.S. Cluster Mapping Project)",
            digits=0,
            percent=True,
        ),
        "nesta_us_max_clusters": _aside(
            summary["max_sectors"],
            f"Most clusters served by a single listed US cluster organisation {_REAL}",
            "clusters",
        ),
        "nesta_us_bridged_pairs": Published(
            summary["bridged_pairs"],
            f"Distinct pairs of clusters bridged by at least one US cluster organisation that serves both {_REAL}",
            unit="pairs",
            digits=0,
        ),
        "nesta_us_possible_pairs": _aside(
            summary["possible_pairs"],
            f"Possible pairs among the clusters served by {orgs} {_REAL}",
            "pairs",
        ),
        "nesta_us_top_pair_organisations": _aside(
            bridges["organisations"].iloc[0],
            f"Organisations serving the most often bridged pair of clusters {_REAL}",
            "organisations",
        ),
    }
    published = _with_provenance(published, US_ORGANISATIONS)
    return USBridges(organisations, summary, bridges, published)


@dataclass(frozen=True)
class USBridgeRelatedness:
    """The Delgado-Porter-Stern ``relatedness`` table and the ``result`` of the comparison."""

    relatedness: pd.DataFrame
    result: BridgeRelatedness
    published: dict[str, Published]


def us_bridge_relatedness(bridges: USBridges, settings) -> USBridgeRelatedness:
    """Are the clusters organisations bridge more related than pairs of clusters in general?"""
    relatedness = data.load("dps2016_related_clusters")
    result = clusternet.bridge_relatedness(
        bridges.organisations,
        relatedness,
        score=settings.relatedness_score,
        n_boot=settings.n_boot,
        seed=settings.bootstrap_seed,
    )
    dps = "Delgado-Porter-Stern relatedness"
    published = {
        "nesta_us_scored_pairs": _aside(
            result.pairs_scored,
            f"Bridged pairs of traded clusters with a {dps} score {_REAL}",
            "pairs",
        ),
        "nesta_us_unscored_pairs": _aside(
            result.pairs_unscored,
            f"Bridged pairs involving a local cluster, which has no {dps} score {_REAL}",
            "pairs",
        ),
        **_interval(
            "nesta_us_bridged_relatedness",
            result.estimate,
            result.ci_lower,
            result.ci_upper,
            f"Mean {dps} percentile of the pairs of traded clusters that US cluster organisations bridge {_REAL}",
            ends=tuple(
                f"{end} end of the 95% bootstrap interval (resampling organisations)"
                for end in ("Lower", "Upper")
            ),
            unit="percentile",
            digits=0,
        ),
        "nesta_us_bridged_below_median": _aside(
            float((result.scores < settings.relatedness_median).mean()),
            f"Share of bridged pairs of traded clusters whose {dps} percentile is below 50 {_REAL}",
            percent=True,
        ),
        "nesta_us_all_relatedness": _aside(
            result.mean_all,
            f"Mean {dps} percentile over all pairs of traded clusters {_REAL}",
            "percentile",
        ),
    }
    published = _with_provenance(published, US_RELATEDNESS)
    return USBridgeRelatedness(relatedness, result, published)
