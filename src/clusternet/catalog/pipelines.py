"""Data sets of the global-pipelines chapter (Fitjar and Rodriguez-Pose), and their vocabularies.

The survey's vocabularies (partner types, geographic scales, city-regions, sectors) are
defined here, once: the data spec checks the file against them, and the measures
(:mod:`clusternet.pipelines`), the sample generator and the chapter import them from here.
"""

from clusternet.dataspec import DatasetSpec

__all__ = [
    "PARTNER_TYPES",
    "SCALES",
    "CITY_REGIONS",
    "SECTORS",
    "CALIBRATION_TARGET_KEYS",
    "GITHUB_AGGREGATES",
    "DATASETS",
]

#: partner types asked about in the survey (Fitjar and Rodriguez-Pose 2013)
PARTNER_TYPES = (
    "supplier",
    "customer",
    "competitor",
    "consultant",
    "university",
    "research_institute",
)
#: geographic scales of a partner, nearest first
SCALES = ("regional", "national", "international")
#: Norway's five largest city-regions, where the survey was run
CITY_REGIONS = ("Oslo", "Bergen", "Stavanger", "Trondheim", "Kristiansand")
#: sectors of the sample survey
SECTORS = ("manufacturing", "oil and gas", "construction", "trade", "business services", "ICT")
#: the figures the sample survey is calibrated to (rows of ``calibration_targets.csv``)
CALIBRATION_TARGET_KEYS = (
    "n_firms",
    "min_employees",
    "share_regional",
    "share_international",
    "odds_ratio_international",
    "effect_ratio",
)

#: codes of the GitHub Innovation Graph that are aggregates of other economies, not economies
GITHUB_AGGREGATES = ("EU",)

_GITHUB_SOURCE = (
    "GitHub Innovation Graph (github/innovationgraph, folder data/, commit 8faec9d), copied "
    "unchanged; see data/github-innovation-graph/SOURCE.md"
)
_GITHUB_LICENCE = "CC0 1.0 (LICENSE.md, a copy of UPSTREAM-LICENSE.md)"

_PARTNERS = tuple(f"{kind}_{scale}" for scale in SCALES for kind in PARTNER_TYPES)
_OUTCOMES = (
    "product_innovation",
    "product_new_to_market",
    "process_innovation",
    "process_new_to_market",
)
_SOURCE = "clusternet.samples.pipelines.norway_survey (seed 201106)"
_LICENCE = "CC BY 4.0 (synthetic data made for this report)"

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
        source=_SOURCE,
        licence=_LICENCE,
        nonnegative=("employees", *_PARTNERS),
        fractions=("foreign_ownership", "higher_education"),
        unique=("firm_id",),
        allowed={"city_region": CITY_REGIONS, "sector": SECTORS},
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
    ),
    DatasetSpec(
        name="norway_calibration_targets",
        path="sample-norway/calibration_targets.csv",
        description=(
            "SAMPLE DATA: the figures the sample survey of Norwegian firms is calibrated to "
            "(hold exactly in its data-generating process), with their verification status"
        ),
        columns={"target": "str", "value": "float", "status": "str", "source": "str"},
        kind="sample",
        source="clusternet.samples.pipelines.calibration_targets",
        licence=_LICENCE,
        unique=("target",),
        allowed={"target": CALIBRATION_TARGET_KEYS, "status": ("VERIFIED", "UNVERIFIED")},
        units={
            "value": "n_firms: firms; min_employees: persons; shares: fraction 0-1; "
            "odds_ratio_international: odds ratio per partner type; effect_ratio: ratio of "
            "log-odds coefficients"
        },
    ),
    DatasetSpec(
        name="norway_true_coefficients",
        path="sample-norway/true_coefficients.csv",
        description=(
            "SAMPLE DATA: the log-odds coefficients planted in the product-innovation equation "
            "of the sample survey of Norwegian firms"
        ),
        columns={"term": "str", "coefficient": "float"},
        kind="sample",
        source="clusternet.samples.pipelines.true_coefficients",
        licence=_LICENCE,
        unique=("term",),
        units={"coefficient": "log-odds of product innovation per unit of the term"},
    ),
    DatasetSpec(
        name="github_economy_collaborators",
        path="github-innovation-graph/economy_collaborators.csv",
        description=(
            "GitHub Innovation Graph: collaboration between developers of two economies per "
            "quarter, 2020 Q1 to 2025 Q3 (git pushes and pull requests sent by developers in "
            "source to repositories owned in destination; ties above 100 only)"
        ),
        columns={
            "weight": "int",
            "source": "str",
            "destination": "str",
            "year": "int",
            "quarter": "int",
        },
        kind="real",
        source=_GITHUB_SOURCE,
        licence=_GITHUB_LICENCE,
        nonnegative=("weight",),
        unique=("source", "destination", "year", "quarter"),
        allowed={"year": tuple(range(2020, 2026)), "quarter": (1, 2, 3, 4)},
        # "NA" is Namibia: only an empty number is missing
        na_values={"weight": ("",), "year": ("",), "quarter": ("",)},
        patterns={"source": r"[A-Z]{2}", "destination": r"[A-Z]{2}"},
        units={
            "weight": "git pushes plus pull requests opened, in the quarter",
            "source": "ISO 3166-1 alpha-2 code of the developers' economy (EU: aggregate)",
            "destination": "ISO 3166-1 alpha-2 code of the repository owner's economy",
        },
        rows=74127,
        sha256="2e31755a77c4a48711e20bf45619e15a68944ff8cb89fbe467f7d83541f174d3",
    ),
    DatasetSpec(
        name="github_developers",
        path="github-innovation-graph/developers.csv",
        description=(
            "GitHub Innovation Graph: developers who pushed code, per economy and quarter, "
            "2020 Q1 to 2025 Q3 (economies with fewer than 100 developers suppressed)"
        ),
        columns={"developers": "int", "iso2_code": "str", "year": "int", "quarter": "int"},
        kind="real",
        source=_GITHUB_SOURCE,
        licence=_GITHUB_LICENCE,
        nonnegative=("developers",),
        unique=("iso2_code", "year", "quarter"),
        allowed={"year": tuple(range(2020, 2026)), "quarter": (1, 2, 3, 4)},
        na_values={"developers": ("",), "year": ("",), "quarter": ("",)},
        patterns={"iso2_code": r"[A-Z]{2}"},
        units={
            "developers": "developers with at least one git push in the quarter",
            "iso2_code": "ISO 3166-1 alpha-2 code (EU: aggregate)",
        },
        rows=5197,
        sha256="6e5f2d867da68e9141ba4ed90c6d88ccf020c2196ac9f1b5497c99d464425d1d",
    ),
]
