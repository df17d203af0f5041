"""Data sets of the life-cycle chapter (sample panel with planted stages) and their vocabulary.

:data:`LIFECYCLE_STAGES` is the vocabulary of the ``stage`` column of the planted stages;
the measures (``clusternet.lifecycle``), the sample generator and the book import it
from here.
"""

from clusternet.dataspec import DatasetSpec

__all__ = ["LIFECYCLE_STAGES", "OTHER_INDUSTRIES", "REST_OF_ECONOMY", "DATASETS"]

#: The stages, in life-cycle order. Menzel and Fornahl (2010) name emergence, growth,
#: sustainment and decline, and allow renewal; the guide *Creating Smart Systems* (as
#: quoted by the ERIK network) speaks of embryonic, growth, maturity and decay clusters.
#: "not specialised" is a stable activity that is not concentrated in the region: no
#: cluster at any stage on these indicators.
LIFECYCLE_STAGES = ("emerging", "growing", "mature", "declining", "renewing", "not specialised")

#: the sample panel's "cluster" that completes each region's employment
OTHER_INDUSTRIES = "Other industries"
#: the sample panel's "region" that balances the national totals
REST_OF_ECONOMY = "Rest of the economy"

_SOURCE = "clusternet.samples.lifecycle.lifecycle_sample (seed 2010)"
_LICENCE = "CC BY 4.0 (synthetic data made by this report)"

DATASETS = [
    DatasetSpec(
        name="lifecycle_sample_panel",
        path="sample-lifecycle/panel.csv",
        description=(
            "Sample data: 12 regions plus the rest of the economy x 6 clusters plus other "
            "industries x 2000-2019; employment, firms and firm diversity"
        ),
        columns={
            "region": "str",
            "cluster": "str",
            "year": "int",
            "employment": "int",
            "firms": "int",
            "diversity": "float",
        },
        kind="sample",
        source=_SOURCE,
        licence=_LICENCE,
        nonnegative=("employment", "firms"),
        fractions=("diversity",),
        unique=("region", "cluster", "year"),
        units={
            "employment": "employees",
            "firms": "firms (establishments)",
            "diversity": "index in [0, 1] (1 - Herfindahl of firms' technology fields)",
        },
    ),
    DatasetSpec(
        name="lifecycle_sample_planted",
        path="sample-lifecycle/planted.csv",
        description="Sample data: the life-cycle stage and trend features planted in each of the 72 region-cluster pairs",
        columns={
            "region": "str",
            "cluster": "str",
            "stage": "str",
            "growth": "float",
            "specialisation": "float",
            "diversity_trend": "float",
        },
        kind="sample",
        source=_SOURCE,
        licence=_LICENCE,
        nonnegative=("specialisation",),
        unique=("region", "cluster"),
        allowed={"stage": LIFECYCLE_STAGES},
        units={
            "growth": "log points a year against the reference economy, 2012-2019",
            "specialisation": "location quotient in 2019",
            "diversity_trend": "index points a year, 2012-2019",
        },
    ),
]
