"""Analysis of the page "What cluster policies achieved": the register of evaluations.

Every finding's number here is **quoted** from a publication, never computed: the file
``data/evidence/policy_evaluations.csv`` holds one finding per row with its design,
citation and verification status, and this module reads it, checks it and publishes the
quoted numbers with their status in the description and their provenance (quoted and
verified or unverified, from the row's status and citation). The only computed numbers
are counts of the register itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from clusternet import data
from clusternet.book.published import Published, published_values
from clusternet.glue import Provenance

__all__ = ["Evaluations", "policy_evaluations", "evaluation_table", "key_results"]

_STATUS_WORDS = {
    "verified": "quoted and verified",
    "verified-secondary": "quoted, verified from a secondary summary",
    "unverified": "quoted and unverified",
}


@dataclass(frozen=True)
class Evaluations:
    """The register of evaluations and its published numbers."""

    register: pd.DataFrame
    published: dict


#: Provenance kind of each register status (papers.md counts secondary sightings as verified).
_STATUS_KINDS = {
    "verified": "quoted and verified",
    "verified-secondary": "quoted and verified",
    "unverified": "quoted and unverified",
}
#: One line a reader must know before citing each group of quoted numbers.
REGISTER_CAVEAT = (
    "Counts of the report's own register compiled from publications, not of all evaluations."
)
BAVARIA_CAVEAT = (
    "Quoted from the journal abstract, which gives no confidence intervals; "
    "outcomes firms report in a survey, not jobs or productivity."
)
BIOREGIO_CAVEAT = "A description of the contest, not an effect of it."
PBO_JOBS_CAVEAT = (
    "Parliamentary Budget Officer ex-ante estimate if all money is spent, not a programme result."
)
PBO_SPENDING_CAVEAT = (
    "Parliamentary Budget Officer figures on spending against plan; they say nothing about effects."
)
CLAIM_CAVEAT = (
    "A claim the source article attributes to the EY analysis for ISED; "
    "not traced to that report, not a finding."
)


def _provenance(register: pd.DataFrame, finding: str, caveat: str) -> Provenance:
    """Kind (from the row's status), citation and publication year of one finding."""
    row = register.loc[register["finding_id"] == finding].iloc[0]
    year = re.search(r"\((\d{4})\)", row["evaluation"])
    return Provenance(
        _STATUS_KINDS[row["status"]],
        row["citation_key"],
        vintage=year.group(1) if year else "",
        caveat=caveat,
    )


def _register_provenance(register: pd.DataFrame) -> Provenance:
    """The register itself, as a compiled data set, with the years of its publications."""
    years = register["evaluation"].str.extract(r"\((\d{4})\)")[0].dropna().astype(int)
    return Provenance(
        "real data",
        "evidence_policy_evaluations",
        vintage=f"{years.min()}-{years.max()}",
        caveat=REGISTER_CAVEAT,
    )


def _value(register: pd.DataFrame, finding: str, column: str = "value_low") -> float:
    row = register.loc[register["finding_id"] == finding]
    if len(row) != 1:
        raise ValueError(f"policy_evaluations.csv: finding {finding!r} is not there exactly once")
    value = row[column].iloc[0]
    if pd.isna(value):
        raise ValueError(f"policy_evaluations.csv: finding {finding!r} has no {column}")
    return float(value)


def _kind(register: pd.DataFrame, finding: str) -> str:
    row = register.loc[register["finding_id"] == finding].iloc[0]
    return f"({_STATUS_WORDS[row['status']]}: {row['evaluation']})"


def policy_evaluations() -> Evaluations:
    """Load the register and publish its quoted numbers and counts.

    Returns
    -------
    Evaluations
        ``register``: the data file as loaded; ``published``: the quoted numbers (their
        description says quoted and verified, or unverified, and from whom).
    """
    register = data.load("evidence_policy_evaluations")
    expost = register[register["kind"] == "ex-post evaluation"]
    counts = _register_provenance(register)
    published = {
        "policy_findings": Published(
            len(register),
            "Findings in the register of cluster-policy evaluations (compiled from publications).",
            unit="findings",
            digits=0,
            headline=False,
            provenance=counts,
        ),
        "policy_programmes": Published(
            register["programme"].str.replace(" and BioProfile contests", " contest").nunique(),
            "Programmes covered by the register of cluster-policy evaluations.",
            unit="programmes",
            digits=0,
            headline=False,
            provenance=counts,
        ),
        "policy_expost_findings": Published(
            len(expost),
            "Findings in the register that come from ex-post evaluations.",
            unit="findings",
            digits=0,
            headline=False,
            provenance=counts,
        ),
        "policy_unverified_findings": Published(
            int((register["status"] == "unverified").sum()),
            "Findings in the register we could not verify against the publication.",
            unit="findings",
            digits=0,
            headline=False,
            provenance=counts,
        ),
        "policy_bavaria_innovation_low": Published(
            _value(register, "bavaria_innovation"),
            "Bavaria's 1999 cluster policy: lower end of the rise in firms' probability of "
            f"innovating in targeted industries {_kind(register, 'bavaria_innovation')}.",
            unit="percentage points",
            digits=1,
            provenance=_provenance(register, "bavaria_innovation", BAVARIA_CAVEAT),
        ),
        "policy_bavaria_innovation_high": Published(
            _value(register, "bavaria_innovation", "value_high"),
            "Bavaria's 1999 cluster policy: upper end of the rise in firms' probability of "
            f"innovating in targeted industries {_kind(register, 'bavaria_innovation')}.",
            unit="percentage points",
            digits=1,
            provenance=_provenance(register, "bavaria_innovation", BAVARIA_CAVEAT),
        ),
        "policy_bavaria_rd_change": Published(
            _value(register, "bavaria_rd"),
            "Bavaria's 1999 cluster policy: average change in R&D expenditure of firms in "
            f"targeted industries {_kind(register, 'bavaria_rd')}.",
            unit="%",
            digits=1,
            signed=True,
            provenance=_provenance(register, "bavaria_rd", BAVARIA_CAVEAT),
        ),
        "policy_bioregio_regions": Published(
            _value(register, "bioregio_contest"),
            f"Regions that competed in Germany's BioRegio contest {_kind(register, 'bioregio_contest')}.",
            unit="regions",
            digits=0,
            headline=False,
            provenance=_provenance(register, "bioregio_contest", BIOREGIO_CAVEAT),
        ),
        "policy_canada_pbo_jobs": Published(
            _value(register, "canada_pbo_jobs"),
            "Canada's superclusters: direct jobs if all announced money is spent, an ex-ante "
            f"estimate, not a result {_kind(register, 'canada_pbo_jobs')}.",
            unit="jobs",
            digits=0,
            provenance=_provenance(register, "canada_pbo_jobs", PBO_JOBS_CAVEAT),
        ),
        "policy_canada_spent": Published(
            _value(register, "canada_pbo_spending"),
            "Canada's superclusters: federal money spent by 6 March 2020 "
            f"{_kind(register, 'canada_pbo_spending')}.",
            unit="C$ million",
            digits=0,
            headline=False,
            provenance=_provenance(register, "canada_pbo_spending", PBO_SPENDING_CAVEAT),
        ),
        "policy_canada_planned": Published(
            _value(register, "canada_pbo_spending", "value_high"),
            "Canada's superclusters: federal money planned to be spent by 6 March 2020 "
            f"{_kind(register, 'canada_pbo_spending')}.",
            unit="C$ million",
            digits=0,
            headline=False,
            provenance=_provenance(register, "canada_pbo_spending", PBO_SPENDING_CAVEAT),
        ),
        "policy_canada_claim_jobs_low": Published(
            _value(register, "canada_ey_claim"),
            "Canada's superclusters: short-term jobs the source article attributes to an "
            f"evaluation; a claim, not a finding {_kind(register, 'canada_ey_claim')}.",
            unit="jobs",
            digits=0,
            headline=False,
            provenance=_provenance(register, "canada_ey_claim", CLAIM_CAVEAT),
        ),
        "policy_canada_claim_jobs_high": Published(
            _value(register, "canada_ey_claim", "value_high"),
            "Canada's superclusters: projected jobs the source article attributes to an "
            f"evaluation; a claim, not a finding {_kind(register, 'canada_ey_claim')}.",
            unit="jobs",
            digits=0,
            headline=False,
            provenance=_provenance(register, "canada_ey_claim", CLAIM_CAVEAT),
        ),
    }
    return Evaluations(register, published)


def evaluation_table(register: pd.DataFrame) -> pd.DataFrame:
    """The register formatted for the page: one row per finding, readable columns."""

    def number(row) -> str:
        if pd.isna(row["value_low"]):
            return "none quoted"
        low = f"{row['value_low']:,.4g}"
        text = low if pd.isna(row["value_high"]) else f"{low} to {row['value_high']:,.4g}"
        return f"{text} {row['value_unit']}"

    return pd.DataFrame(
        {
            "Programme (launched)": register["programme"]
            + " ("
            + register["launched"].astype(str)
            + ")",
            "Evaluation": register["evaluation"] + " {cite:p}`" + register["citation_key"] + "`",
            "Kind and design": register["kind"].str.capitalize() + ": " + register["design"],
            "Finding": register["finding"],
            "Number": register.apply(number, axis=1),
            "Status": register["status"],
            "Caveat": register["caveat"],
        }
    )


def key_results() -> dict[str, float]:
    """The page's published numbers (all quoted from the register)."""
    return published_values(policy_evaluations().published)
