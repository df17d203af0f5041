"""Data sets of the Porter chapter (clusters, location quotients, growth)."""

from clusternet.data import DatasetSpec

_CBP_COLUMNS = {"Fips": "str", "Naics": "str", "Establishments": "int", "Employees": "int", "Payroll": "int"}
_CBP_NOTE = (
    "U.S. Census Bureau County Business Patterns, state x 4-digit NAICS 2017; "
    "copied unchanged from ModelEarth/community-data (see data/us-cbp/SOURCE.md)"
)

DATASETS = [
    DatasetSpec(
        name=f"cbp_state_naics4_{year}",
        path=f"us-cbp/US-census-naics4-{year}.csv",
        description=f"US County Business Patterns {year}: establishments, employees and payroll by state and 4-digit NAICS",
        columns=_CBP_COLUMNS,
        kind="real",
        source=_CBP_NOTE,
        licence="public domain (US Government work, 17 U.S.C. 105)",
        nonnegative=("Establishments", "Employees", "Payroll"),
        unique=("Fips", "Naics"),
        units={"Employees": "paid employees in the pay period including 12 March", "Payroll": "US$ 1,000 a year"},
    )
    for year in (2017, 2021)
]

DATASETS.append(
    DatasetSpec(
        name="us_states",
        path="us-geography/us_states.csv",
        description="US states and DC: 2-digit FIPS code, postal abbreviation and name",
        columns={"fips": "str", "abbreviation": "str", "name": "str"},
        kind="real",
        source="Federal Information Processing Standard state codes (FIPS 5-2 / ANSI INCITS 38), typed from the public standard",
        licence="public domain (facts from a US Government standard)",
        unique=("fips",),
    )
)
