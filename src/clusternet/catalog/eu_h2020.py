"""EU Horizon 2020 participations: organisations x projects, 2014-2021 (CORDIS).

Shared by the small-world, creative-connections and hierarchy chapters. See
``data/eu-h2020/SOURCE.md``.
"""

from __future__ import annotations

from clusternet.dataspec import DatasetSpec

#: Organisation types of CORDIS: firm (private for-profit), higher education, research
#: organisation, public body, other.
H2020_ORGANISATION_TYPES = ("PRC", "HES", "REC", "PUB", "OTH")
#: Roles in a project as CORDIS records them.
H2020_ROLES = ("coordinator", "participant", "partner")
#: Country groups of the compiler (countries.yml): EU-15, EU-13, associated, third countries.
H2020_COUNTRY_GROUPS = ("eu15", "eu13", "ac", "tc")

_SOURCE = (
    "CORDIS, European Union: Horizon 2020 projects and organisations (snapshot 14 December "
    "2020), compiled by zambujo/eunets (data/h2020.csv.gz); see data/eu-h2020/SOURCE.md"
)
_LICENCE = (
    "Source: CORDIS, European Union; reuse with acknowledgement (Commission Decision "
    "2011/833/EU; CC BY 4.0 on the EU Open Data Portal); compilation MIT (UPSTREAM-LICENSE)"
)

DATASETS = [
    DatasetSpec(
        name="eu_h2020_participations",
        path="eu-h2020/h2020.csv.gz",
        description=(
            "EU Horizon 2020 participations 2014-2021: project (rcn), organisation (pic), type, "
            "role, country, EU contribution and project dates"
        ),
        columns={
            "rcn": "int",
            "role": "str",
            "pic": "int",
            "type": "str",
            "contribution": "float",
            "country": "str",
            "start_date": "str",
            "end_date": "str",
            "max_contribution": "float",
            "total_cost": "float",
            "start_year": "int",
            "end_year": "int",
            "duration": "int",
            "group": "str",
            "nunique": "int",
        },
        kind="real",
        source=_SOURCE,
        licence=_LICENCE,
        nonnegative=("contribution", "max_contribution", "total_cost", "duration", "nunique"),
        unique=("rcn", "pic"),
        patterns={"country": r"[A-Z]{2}"},
        allowed={
            "type": H2020_ORGANISATION_TYPES,
            "role": H2020_ROLES,
            "group": H2020_COUNTRY_GROUPS,
        },
        nullable=(
            "contribution",
            "total_cost",
            "start_date",
            "end_date",
            "start_year",
            "end_year",
            "duration",
        ),  # fmt: skip
        # "NA" marks a missing number or date upstream, but is also Namibia's country code
        na_values={
            column: ("NA", "")
            for column in (
                "contribution",
                "total_cost",
                "start_date",
                "end_date",
                "start_year",
                "end_year",
                "duration",
            )
        },  # fmt: skip
        units={
            "contribution": "EUR (EU contribution to this organisation)",
            "max_contribution": "EUR (EU contribution to the project)",
            "total_cost": "EUR (the project's total cost)",
            "duration": "months",
            "nunique": "organisations in the project",
            "country": "two-letter code as CORDIS writes it (EL Greece, UK United Kingdom)",
        },
    ),
    DatasetSpec(
        name="eu_h2020_programme_parts",
        path="eu-h2020/programme_parts.csv.gz",
        description="Horizon 2020 project (rcn) to programme part (e.g. SC4, ERC, MSCA)",
        columns={"rcn": "int", "programme_part": "str"},
        kind="real",
        source=_SOURCE,
        licence=_LICENCE,
        units={"programme_part": "H2020 programme part code; a project may have several"},
    ),
]
