"""Data sets of the Nesta chapter (three layers of connections in creative clusters).

Also the vocabularies of the sample economy that the specs check and that the measures,
the generator and the book read from here: the four fictional places with their
profiles, and the creative and non-creative sectors.
"""

from clusternet.dataspec import DatasetSpec

__all__ = [
    "SAMPLE_PLACES",
    "SAMPLE_PLACE_PROFILES",
    "CREATIVE_SECTORS",
    "NONCREATIVE_SECTORS",
    "SECTOR_IS_CREATIVE",
    "TRUE_EFFECT_MODELS",
    "DCMS_CREATIVE_SUBSECTORS",
    "DATASETS",
]

#: The four fictional places of the sample economy -> their profile, in the report's order.
SAMPLE_PLACE_PROFILES = {
    "Larchester": "large diversified city",
    "Brightwell": "specialised creative hotspot",
    "Millbrook": "small-town cluster",
    "Fernmoor": "peripheral place",
}
#: The place names alone, in the same order.
SAMPLE_PLACES = tuple(SAMPLE_PLACE_PROFILES)

#: The six creative sectors of the sample economy.
CREATIVE_SECTORS = (
    "advertising",
    "architecture",
    "design",
    "film_and_media",
    "music_and_performing_arts",
    "software_and_games",
)
#: The four other sectors of the sample economy.
NONCREATIVE_SECTORS = (
    "high_tech_manufacturing",
    "other_manufacturing",
    "business_services",
    "retail_and_hospitality",
)
#: Sector -> is it creative? (the ``sectors`` argument of ``clusternet.classify_ties``).
SECTOR_IS_CREATIVE = {
    **{s: True for s in CREATIVE_SECTORS},
    **{s: False for s in NONCREATIVE_SECTORS},
}
#: The two outcome models whose coefficients ``true_effects.csv`` records.
TRUE_EFFECT_MODELS = ("creative", "non_creative")

#: The nine creative-industries groups of the DCMS Creative Industries Economic Estimates.
DCMS_CREATIVE_SUBSECTORS = (
    "Advertising and marketing",
    "Architecture",
    "Crafts",
    "Design and designer fashion",
    "Film, TV, video, radio and photography",
    "IT, software and computer services",
    "Publishing",
    "Museums, galleries and libraries",
    "Music, performing and visual arts",
)

_GENERATOR = "clusternet.samples.connections.make_creative_economy (seed 2010)"

DATASETS = [
    DatasetSpec(
        name="sample_creative_districts",
        path="sample-creative/districts.csv",
        description="Sample data: districts of four fictional places (city, creative hotspot, small town, periphery) with their area",
        columns={"district": "str", "place": "str", "profile": "str", "area_km2": "float"},
        kind="sample",
        source=_GENERATOR,
        licence="CC BY 4.0 (synthetic, made for this report)",
        nonnegative=("area_km2",),
        unique=("district",),
        allowed={"place": SAMPLE_PLACES, "profile": tuple(SAMPLE_PLACE_PROFILES.values())},
        units={"area_km2": "square kilometres"},
    ),
    DatasetSpec(
        name="sample_creative_firms",
        path="sample-creative/firms.csv",
        description="Sample data: 13,200 firms of the fictional four-place economy with sector, creative flag, size and product innovation",
        columns={
            "firm": "int",
            "place": "str",
            "district": "str",
            "sector": "str",
            "creative": "int",
            "employees": "int",
            "product_innovation": "int",
        },
        kind="sample",
        source=_GENERATOR,
        licence="CC BY 4.0 (synthetic, made for this report)",
        nonnegative=("employees",),
        unique=("firm",),
        allowed={
            "place": SAMPLE_PLACES,
            "sector": CREATIVE_SECTORS + NONCREATIVE_SECTORS,
            "creative": (0, 1),
            "product_innovation": (0, 1),
        },
        units={
            "employees": "persons employed",
            "product_innovation": "1 = introduced a new product in the period",
        },
    ),
    DatasetSpec(
        name="sample_creative_ties",
        path="sample-creative/ties.csv",
        description="Sample data: undirected collaboration ties between the firms of the fictional four-place economy",
        columns={"source": "int", "target": "int"},
        kind="sample",
        source=_GENERATOR,
        licence="CC BY 4.0 (synthetic, made for this report)",
        nonnegative=("source", "target"),
        unique=("source", "target"),
    ),
    DatasetSpec(
        name="sample_creative_true_effects",
        path="sample-creative/true_effects.csv",
        description="Sample data: the log-odds coefficients of product innovation planted in the fictional four-place economy",
        columns={"model": "str", "term": "str", "coefficient": "float"},
        kind="sample",
        source=_GENERATOR,
        licence="CC BY 4.0 (synthetic, made for this report)",
        unique=("model", "term"),
        allowed={"model": TRUE_EFFECT_MODELS},
        units={"coefficient": "log-odds of product innovation per unit of the term"},
    ),
    DatasetSpec(
        name="us_cluster_organisations",
        path="us-cluster-organisations/cluster_organizations_dps.csv",
        description="U.S. Cluster Mapping Project: 145 cluster organisations and the Delgado-Porter-Stern clusters they serve",
        columns={"org_id": "int", "org_title": "str", "dps_cluster_name": "str"},
        kind="real",
        source=(
            "U.S. Cluster Mapping Project (Institute for Strategy and Competitiveness, Harvard Business School), "
            "repository clustermapping/cmp, CurrentOrganizationsAndClusters.csv, deduplicated "
            "(see data/us-cluster-organisations/SOURCE.md)"
        ),
        licence="GPL-2.0 (clustermapping/cmp repository)",
        unique=("org_id", "dps_cluster_name"),
    ),
    DatasetSpec(
        name="dcms_creative_sic2007",
        path="uk-creative/dcms_creative_sic2007.csv",
        description=(
            "The DCMS creative industries: 31 four-digit SIC 2007 classes with their DCMS "
            "sub-sector (Creative Industries Economic Estimates methodology)"
        ),
        columns={"sic4": "str", "sic2007_class": "str", "description": "str", "subsector": "str"},
        kind="real",
        source=(
            "Department for Culture, Media and Sport, Creative Industries Economic Estimates: "
            "Methodology (SIC 2007 codes of the creative industries); see "
            "data/uk-creative/SOURCE.md"
        ),
        licence="Open Government Licence v3.0 (Crown copyright, DCMS)",
        unique=("sic4",),
        allowed={"subsector": DCMS_CREATIVE_SUBSECTORS},
        units={"sic4": "SIC 2007 class, 4 digits with leading zero"},
    ),
]
