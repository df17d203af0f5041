"""Data sets of the Nesta chapter (three layers of connections in creative clusters)."""

from clusternet.dataspec import DatasetSpec
from clusternet.samples.connections import CREATIVE_SECTORS, NONCREATIVE_SECTORS, PLACES

_GENERATOR = "clusternet.samples.connections.make_creative_economy (seed 2010)"
_PLACES = tuple(PLACES["place"])

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
        allowed={"place": _PLACES, "profile": tuple(PLACES["profile"])},
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
            "place": _PLACES,
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
]
