"""Data sets of the Porter chapter (clusters, location quotients, growth)."""

from clusternet.dataspec import DatasetSpec

#: the kinds of cluster in Porter's benchmark definitions (``cluster_type``)
CLUSTER_TYPES = ("traded", "local", "resource_dependent")

_CBP_COLUMNS = {
    "Fips": "str",
    "Naics": "str",
    "Establishments": "int",
    "Employees": "int",
    "Payroll": "int",
}
_CBP_NOTE = (
    "U.S. Census Bureau County Business Patterns, state x 4-digit NAICS 2017; "
    "copied unchanged from ModelEarth/community-data (see data/us-cbp/SOURCE.md)"
)

#: County Business Patterns years copied into data/us-cbp/: the consistent panel (CBP counts
#: the pay period including 12 March, so 2020 is pre-pandemic; see data/us-cbp/SOURCE.md).
CBP_PANEL_YEARS = (2017, 2019, 2020, 2021)

#: code columns of the County Business Patterns files: two-digit state FIPS with its leading
#: zero, four-digit NAICS
CBP_CODE_PATTERNS = {"Fips": r"\d{2}", "Naics": r"\d{4}"}

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
        patterns=CBP_CODE_PATTERNS,
        units={
            "Employees": "paid employees in the pay period including 12 March",
            "Payroll": "US$ 1,000 a year",
        },
    )
    for year in CBP_PANEL_YEARS
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

DATASETS.append(
    DatasetSpec(
        name="us_state_adjacency",
        path="us-geography/us_state_adjacency.csv",
        description=(
            "Pairs of US states that share a boundary of positive length on land or along a river "
            "(lake- and sea-only boundaries and Four Corners point contacts excluded); Alaska and Hawaii have none"
        ),
        columns={"state_a": "str", "state_b": "str", "fips_a": "str", "fips_b": "str"},
        kind="real",
        source="typed from US state boundaries for this report and checked (symmetric lists, known pairs tested); see data/us-geography/README.md",
        licence="public domain facts; the table is released under CC0 1.0",
        unique=("state_a", "state_b"),
    )
)

#: grant years of the USPTO county table (columns "2000" ... "2015")
PATENT_YEARS = tuple(range(2000, 2016))

DATASETS.append(
    DatasetSpec(
        name="uspto_patents_county",
        path="us-patents/uspto_utility_patents_county_2000_2015.csv",
        description=(
            "USPTO utility patent grants by the first-named inventor's county of residence, "
            "2000-2015 (one row per county, plus an unspecified-region row and a US total row)"
        ),
        columns={
            "FIPS Code": "str",
            "Mail Code": "str",
            "State or Territory": "str",
            "Regional Area Component": "str",
            **{str(year): "int" for year in PATENT_YEARS},
            "Total": "int",
        },
        kind="real",
        source=(
            "USPTO Patent Technology Monitoring Team, U.S. Utility Patent Grants by county, "
            "via fansi-sifan/metro-datasets at b0d36db, copied unchanged (see data/us-patents/SOURCE.md)"
        ),
        licence="public domain (US Government work, 17 U.S.C. 105)",
        nonnegative=tuple(str(year) for year in PATENT_YEARS) + ("Total",),
        unique=("FIPS Code",),
        # county FIPS without the leading zero (6085 = 06085); "0": unspecified; "ALL": US total
        patterns={"FIPS Code": r"\d{4,5}|0|ALL", "Mail Code": r"[A-Z]{2}|ALL"},
        units={str(year): "utility patents granted in the year" for year in PATENT_YEARS}
        | {"Total": "utility patents granted 2000-2015"},
    )
)

_CMP_SOURCE = (
    "U.S. Cluster Mapping Project, repository clustermapping/cmp at f1b2b674 (2020-06-09), "
    "copied unchanged (see data/us-clusters/SOURCE.md)"
)
_CMP_LICENCE = "GPL-2.0 (data/us-clusters/LICENSE-cmp-GPL-2.0.txt)"

DATASETS += [
    DatasetSpec(
        name="porter_clusters_naics2007",
        path="us-clusters/porter_clusters_naics2007.csv",
        description="Porter (2003) cluster definitions as published by the U.S. Cluster Mapping Project: 6-digit NAICS 2007 code -> cluster (41 traded, 16 local, 10 resource-dependent)",
        columns={
            "cluster_code": "int",
            "cluster_name": "str",
            "cluster_type": "str",
            "naics_vintage": "int",
            "naics6": "str",
        },
        kind="real",
        source=_CMP_SOURCE,
        licence=_CMP_LICENCE,
        unique=("naics6",),
        allowed={"cluster_type": CLUSTER_TYPES},
    ),
    DatasetSpec(
        name="dps2016_related_clusters",
        path="us-clusters/dps2016_related_clusters.csv",
        description="Delgado-Porter-Stern (2016) relatedness of the 51 traded clusters, every ordered pair (51 x 51)",
        columns={
            "pair_cluster": "str",
            "cluster_name": "str",
            "cluster_name_2": "str",
            "clustera": "int",
            "clusterb": "int",
            "nind": "int",
            "nind_2": "int",
            "nrel_all_c1_90_v3": "int",
            "marginal": "int",
            "rel_all_90_v3": "int",
            "rel_i20_all_min_90_v3": "int",
            "rel_i20_all_avg_90_v3": "int",
            "r_cr_all": "int",
            "cr_all": "float",
            "cr_all_pc": "int",
            "cc_preli_all_avg_90_v3": "float",
            "cc_preli_all_asy_90_v3": "float",
            "cc_preli_all_min_90_v3": "float",
            "cr_lc_pc": "int",
            "cr_lcemp_pc": "int",
            "cr_lcest_pc": "int",
            "cr_io_pc": "int",
            "cr_occ_pc": "int",
            "cr_lc": "float",
            "cr_lcemp": "float",
            "cr_lcest": "float",
            "cr_io": "float",
            "cr_occ": "float",
            "cluster_code": "int",
            "cluster_code_2": "int",
        },
        kind="real",
        source=_CMP_SOURCE,
        licence=_CMP_LICENCE,
        unique=("cluster_code", "cluster_code_2"),
        nullable=("cc_preli_all_avg_90_v3", "cc_preli_all_asy_90_v3", "cc_preli_all_min_90_v3"),
        allowed={"rel_all_90_v3": (0, 1)},
    ),
    DatasetSpec(
        name="naics4_2007_to_2017",
        path="us-clusters/naics4_2007_to_2017.csv",
        description="4-digit NAICS codes of CBP 2017/2021 (NAICS 2017) that are not in NAICS 2007, with the 2007 codes they take",
        columns={"naics4_2017": "str", "naics4_2007": "str", "change": "str"},
        kind="real",
        source="typed for this report from the US Census Bureau NAICS 2012 and 2017 concordances (see data/us-clusters/README.md)",
        licence="public domain facts; the table is released under CC0 1.0",
        unique=("naics4_2017", "naics4_2007"),
    ),
]

_SAMPLE = "clusternet.samples.clusters.sample_economy (seed 2014)"
_SAMPLE_LICENCE = "CC0 1.0 (synthetic)"

DATASETS += [
    DatasetSpec(
        name="sample_economy_regions",
        path="sample-economy/regions.csv",
        description="Sample data: the 40 regions of the sample economy and their place on a 5 x 8 grid",
        columns={"region": "str", "row": "int", "column": "int"},
        source=_SAMPLE,
        licence=_SAMPLE_LICENCE,
        unique=("region",),
    ),
    DatasetSpec(
        name="sample_economy_adjacency",
        path="sample-economy/adjacency.csv",
        description="Sample data: pairs of neighbouring regions of the sample economy",
        columns={"region_a": "str", "region_b": "str"},
        source=_SAMPLE,
        licence=_SAMPLE_LICENCE,
        unique=("region_a", "region_b"),
    ),
    DatasetSpec(
        name="sample_economy_industries",
        path="sample-economy/industries.csv",
        description="Sample data: the 150 industries of the sample economy and their cluster (20 clusters)",
        columns={"industry": "str", "cluster": "str"},
        source=_SAMPLE,
        licence=_SAMPLE_LICENCE,
        unique=("industry",),
    ),
    DatasetSpec(
        name="sample_economy_relatedness",
        path="sample-economy/relatedness.csv",
        description="Sample data: pairs of related clusters of the sample economy (symmetric, weight 1)",
        columns={"cluster_a": "str", "cluster_b": "str", "weight": "int"},
        source=_SAMPLE,
        licence=_SAMPLE_LICENCE,
        unique=("cluster_a", "cluster_b"),
        nonnegative=("weight",),
    ),
    DatasetSpec(
        name="sample_economy_employment",
        path="sample-economy/employment.csv",
        description="Sample data: employment of every region and industry of the sample economy in 2005 and 2015",
        columns={"region": "str", "industry": "str", "year": "int", "employment": "int"},
        source=_SAMPLE,
        licence=_SAMPLE_LICENCE,
        unique=("region", "industry", "year"),
        nonnegative=("employment",),
        units={"employment": "jobs"},
    ),
    DatasetSpec(
        name="sample_economy_true_effects",
        path="sample-economy/true_effects.csv",
        description="Sample data: the growth-regression coefficients planted in the sample economy",
        columns={
            "term": "str",
            "coefficient": "float",
            "std_dev": "float",
            "effect_per_sd": "float",
        },
        source=_SAMPLE,
        licence=_SAMPLE_LICENCE,
        unique=("term",),
        units={
            "coefficient": "annual log growth per unit of the log regressor",
            "effect_per_sd": "annual log growth per standard deviation",
        },
    ),
]
