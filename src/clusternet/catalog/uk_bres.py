"""Great Britain employment and businesses by NUTS2 region x 4-digit SIC (ONS, OGL v3).

Shared by the creative-clusters and life-cycle chapters. See ``data/uk-bres/SOURCE.md``.
"""

from __future__ import annotations

from clusternet.dataspec import DatasetSpec

#: The 40 NUTS 2013 level-2 regions of the UK in the file (UKN0, Northern Ireland, has no
#: values: BRES and IDBR as published here cover Great Britain).
NUTS2_REGIONS = (
    "UKC1", "UKC2", "UKD1", "UKD3", "UKD4", "UKD6", "UKD7", "UKE1", "UKE2", "UKE3",
    "UKE4", "UKF1", "UKF2", "UKF3", "UKG1", "UKG2", "UKG3", "UKH1", "UKH2", "UKH3",
    "UKI3", "UKI4", "UKI5", "UKI6", "UKI7", "UKJ1", "UKJ2", "UKJ3", "UKJ4", "UKK1",
    "UKK2", "UKK3", "UKK4", "UKL1", "UKL2", "UKM2", "UKM3", "UKM5", "UKM6", "UKN0",
)  # fmt: skip

#: Years of the panel: employment (BRES) 2015-2018, business counts (IDBR) 2016-2018.
BRES_YEARS = (2015, 2016, 2017, 2018)

_SOURCE = (
    "Office for National Statistics: Business Register and Employment Survey (employment "
    "including working owners) and Inter-Departmental Business Register (business counts), via "
    "Nomis, NUTS 2013 level 2 (TYPE450); compiled by Nesta (nestauk/beis-indicators, commit "
    "895597a); see data/uk-bres/SOURCE.md"
)
_LICENCE = (
    "Open Government Licence v3.0 (Source: Office for National Statistics licensed under the "
    "Open Government Licence v.3.0); compilation code MIT, (c) 2019 Nesta (UPSTREAM-LICENSE)"
)

DATASETS = [
    DatasetSpec(
        name="gb_bres_nuts2_sic4",
        path="uk-bres/uk_nuts2_sic4_2015_2018.csv.gz",
        description=(
            "Great Britain employment (BRES, 2015-2018) and business counts (IDBR, 2016-2018) by "
            "NUTS2 region and 4-digit SIC 2007 industry"
        ),
        columns={
            "year": "int",
            "nuts2_code": "str",
            "nuts2_name": "str",
            "sic4": "str",
            "employment": "float",
            "businesses": "float",
        },
        kind="real",
        source=_SOURCE,
        licence=_LICENCE,
        nonnegative=("employment", "businesses"),
        unique=("year", "nuts2_code", "sic4"),
        allowed={"year": BRES_YEARS, "nuts2_code": NUTS2_REGIONS},
        patterns={"sic4": r"\d{4}"},
        nullable=("employment", "businesses"),
        units={
            "employment": "people in employment incl. working owners (Nomis-rounded)",
            "businesses": "VAT/PAYE-registered local units counted by IDBR (missing in 2015)",
            "sic4": "SIC 2007 class, 4 digits with leading zero",
        },
    ),
    DatasetSpec(
        name="gb_sic4_segments",
        path="uk-bres/sic4_segment_lookup.csv",
        description="Nesta's lookup of 4-digit SIC 2007 codes to industry segments",
        columns={
            "clust": "int",
            "sic_4": "str",
            "descr": "str",
            "category": "str",
            "name": "str",
            "cluster": "str",
        },
        kind="real",
        source="Nesta, nestauk/beis-indicators data/aux/sic_4_industry_segment_lookup.csv (commit 895597a)",
        licence="MIT, (c) 2019 Nesta (UPSTREAM-LICENSE)",
        unique=("sic_4",),
        patterns={"sic_4": r"\d{4}"},
        units={"sic_4": "SIC 2007 class, 4 digits with leading zero"},
    ),
]
