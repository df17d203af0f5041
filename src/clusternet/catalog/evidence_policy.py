"""Data of the page "What cluster policies achieved": published evaluations, one finding a row."""

from clusternet.dataspec import DatasetSpec

#: What kind of study a finding comes from (``kind`` column).
EVALUATION_KINDS = ("ex-post evaluation", "ex-ante estimate", "selection analysis", "description")
#: How far the finding was checked (``status`` column), as in ``evidence/claims.csv``.
EVALUATION_STATUSES = ("verified", "verified-secondary", "unverified")

DATASETS = [
    DatasetSpec(
        name="evidence_policy_evaluations",
        path="evidence/policy_evaluations.csv",
        description=(
            "Published evaluations of cluster policies (Bavaria, France's poles de competitivite, "
            "Germany's BioRegio, Canada's superclusters): design, finding, the numbers each "
            "reports, citation and verification status"
        ),
        columns={
            "finding_id": "str",
            "programme": "str",
            "country": "str",
            "launched": "int",
            "evaluation": "str",
            "kind": "str",
            "design": "str",
            "finding": "str",
            "value_low": "float",
            "value_high": "float",
            "value_unit": "str",
            "citation_key": "str",
            "status": "str",
            "checked_against": "str",
            "caveat": "str",
        },
        kind="real",
        source=(
            "Compiled by the report's authors from the publications cited in references.bib "
            "(abstracts and summary pages read for this report; status says how far)"
        ),
        licence="CC BY 4.0",
        unique=("finding_id",),
        nonnegative=("launched",),
        allowed={
            "kind": list(EVALUATION_KINDS),
            "status": list(EVALUATION_STATUSES),
            "country": ["Canada", "France", "Germany"],
        },
        nullable=("value_low", "value_high", "value_unit"),
        units={"launched": "year", "value_low": "value_unit", "value_high": "value_unit"},
        patterns={"finding_id": r"[a-z0-9_]+", "citation_key": r"[a-z0-9]+"},
    )
]
