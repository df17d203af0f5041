"""Analysis of the page "What cluster policies achieved": the register of evaluations.

Every number here is **quoted** from a publication, never computed: the file
``data/evidence/policy_evaluations.csv`` holds one finding per row with its design,
citation and verification status, and this module reads it, checks it and publishes the
quoted numbers with their status in the description.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from clusternet import data
from clusternet.book.published import Published, published_values

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
    published = {
        "policy_findings": Published(
            len(register),
            "Findings in the register of cluster-policy evaluations (compiled from publications).",
            unit="findings",
            digits=0,
            headline=False,
        ),
        "policy_programmes": Published(
            register["programme"].str.replace(" and BioProfile contests", " contest").nunique(),
            "Programmes covered by the register of cluster-policy evaluations.",
            unit="programmes",
            digits=0,
            headline=False,
        ),
        "policy_expost_findings": Published(
            len(expost),
            "Findings in the register that come from ex-post evaluations.",
            unit="findings",
            digits=0,
            headline=False,
        ),
        "policy_unverified_findings": Published(
            int((register["status"] == "unverified").sum()),
            "Findings in the register we could not verify against the publication.",
            unit="findings",
            digits=0,
            headline=False,
        ),
        "policy_bavaria_innovation_low": Published(
            _value(register, "bavaria_innovation"),
            "Bavaria's 1999 cluster policy: lower end of the rise in firms' probability of "
            f"innovating in targeted industries {_kind(register, 'bavaria_innovation')}.",
            unit="percentage points",
            digits=1,
        ),
        "policy_bavaria_innovation_high": Published(
            _value(register, "bavaria_innovation", "value_high"),
            "Bavaria's 1999 cluster policy: upper end of the rise in firms' probability of "
            f"innovating in targeted industries {_kind(register, 'bavaria_innovation')}.",
            unit="percentage points",
            digits=1,
        ),
        "policy_bavaria_rd_change": Published(
            _value(register, "bavaria_rd"),
            "Bavaria's 1999 cluster policy: average change in R&D expenditure of firms in "
            f"targeted industries {_kind(register, 'bavaria_rd')}.",
            unit="%",
            digits=1,
            signed=True,
        ),
        "policy_bioregio_regions": Published(
            _value(register, "bioregio_contest"),
            f"Regions that competed in Germany's BioRegio contest {_kind(register, 'bioregio_contest')}.",
            unit="regions",
            digits=0,
            headline=False,
        ),
        "policy_canada_pbo_jobs": Published(
            _value(register, "canada_pbo_jobs"),
            "Canada's superclusters: direct jobs if all announced money is spent, an ex-ante "
            f"estimate, not a result {_kind(register, 'canada_pbo_jobs')}.",
            unit="jobs",
            digits=0,
        ),
        "policy_canada_spent": Published(
            _value(register, "canada_pbo_spending"),
            "Canada's superclusters: federal money spent by 6 March 2020 "
            f"{_kind(register, 'canada_pbo_spending')}.",
            unit="C$ million",
            digits=0,
            headline=False,
        ),
        "policy_canada_planned": Published(
            _value(register, "canada_pbo_spending", "value_high"),
            "Canada's superclusters: federal money planned to be spent by 6 March 2020 "
            f"{_kind(register, 'canada_pbo_spending')}.",
            unit="C$ million",
            digits=0,
            headline=False,
        ),
        "policy_canada_claim_jobs_low": Published(
            _value(register, "canada_ey_claim"),
            "Canada's superclusters: short-term jobs the source article attributes to an "
            f"evaluation; a claim, not a finding {_kind(register, 'canada_ey_claim')}.",
            unit="jobs",
            digits=0,
            headline=False,
        ),
        "policy_canada_claim_jobs_high": Published(
            _value(register, "canada_ey_claim", "value_high"),
            "Canada's superclusters: projected jobs the source article attributes to an "
            f"evaluation; a claim, not a finding {_kind(register, 'canada_ey_claim')}.",
            unit="jobs",
            digits=0,
            headline=False,
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
