"""Data sets of the global-pipelines chapter (Fitjar and Rodriguez-Pose)."""

from clusternet.dataspec import DatasetSpec
from clusternet.pipelines import CITY_REGIONS, PARTNER_TYPES, SCALES

_PARTNERS = tuple(f"{kind}_{scale}" for scale in SCALES for kind in PARTNER_TYPES)
_OUTCOMES = (
    "product_innovation",
    "product_new_to_market",
    "process_innovation",
    "process_new_to_market",
)
_SECTORS = ("manufacturing", "oil and gas", "construction", "trade", "business services", "ICT")

DATASETS = [
    DatasetSpec(
        name="norway_firm_survey",
        path="sample-norway/norway_firm_survey.csv",
        description=(
            "SAMPLE DATA: seeded survey of 1,604 firms (more than 10 employees) in Norway's five "
            "largest city-regions: partner types by geographic scale, innovation outcomes, controls; "
            "calibrated to Fitjar and Rodriguez-Pose's published and press figures"
        ),
        columns={
            "firm_id": "int",
            "city_region": "str",
            "sector": "str",
            "employees": "int",
            "foreign_ownership": "float",
            "higher_education": "float",
            "open_mindedness": "float",
            **dict.fromkeys(_PARTNERS, "int"),
            **dict.fromkeys(_OUTCOMES, "bool"),
        },
        kind="sample",
        source="clusternet.samples.pipelines.norway_survey (seed 201106)",
        licence="CC BY 4.0 (synthetic data made for this report)",
        nonnegative=("employees", *_PARTNERS),
        fractions=("foreign_ownership", "higher_education"),
        unique=("firm_id",),
        allowed={"city_region": CITY_REGIONS, "sector": _SECTORS},
        units={
            "employees": "persons employed (all > 10)",
            "foreign_ownership": "share of equity held by foreign owners, 0-1",
            "higher_education": "share of employees with a university degree, 0-1",
            "open_mindedness": "manager's open-mindedness score, 1 (closed) to 5 (open), quarter steps",
            **dict.fromkeys(
                _PARTNERS, "1 = collaborated with at least one partner of this type at this scale"
            ),
            **dict.fromkeys(_OUTCOMES, "1 = introduced the innovation in the last three years"),
        },
    )
]
