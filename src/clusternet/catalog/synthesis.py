"""Data of the policy synthesis: the register of claims set against the chapters."""

from clusternet.dataspec import DatasetSpec

DATASETS = [
    DatasetSpec(
        name="evidence_claims",
        path="evidence/claims.csv",
        description="Claims of the sources, their verification status and the chapter result that reproduces each",
        columns={
            "claim_id": "str",
            "chapter": "str",
            "claim": "str",
            "source": "str",
            "source_status": "str",
            "claimed_low": "float",
            "claimed_high": "float",
            "claimed_unit": "str",
            "result_key": "str",
            "lower_key": "str",
            "upper_key": "str",
            "result_unit": "str",
            "digits": "int",
            "percent": "bool",
            "data_kind": "str",
            "caveat": "str",
        },
        kind="real",
        source="Compiled by the report's authors from the sources in references.bib; status from the research notes",
        licence="CC BY 4.0",
        unique=("claim_id",),
        nonnegative=("digits",),
        allowed={
            "source_status": ["verified", "verified-secondary", "unverified"],
            "data_kind": ["real", "sample", "none"],
            "chapter": [
                "porter-clusters",
                "creative-connections",
                "hierarchy-heterarchy",
                "small-world-q",
                "global-pipelines",
                "cluster-life-cycles",
                "policy-synthesis",
            ],
        },
        nullable=(
            "claimed_low",
            "claimed_high",
            "claimed_unit",
            "result_key",
            "lower_key",
            "upper_key",
            "result_unit",
            "caveat",
        ),
    )
]
