"""Provenance and publishing helpers of the global-pipelines chapter (private: used by
``clusternet.book.global_pipelines`` and ``clusternet.book._global_pipelines_real``).

Every number the chapter publishes says where it comes from: the sample survey of
Norwegian firms (sample data), the press figures it is calibrated to (quoted and
unverified), the survey design of Fitjar and Rodriguez-Pose (quoted and verified), the
Annual Business Survey and the GitHub Innovation Graph (real data), or a choice of the
report (analysis setting). A step builds its mapping of :class:`Published` numbers and
:func:`stamp` gives every number without a provenance the step's one.

Examples
--------
>>> numbers = stamp({"fitjar_x": Published(1.0, "An example.")}, SAMPLE)
>>> numbers["fitjar_x"].provenance.kind
'sample data'
"""

from __future__ import annotations

from dataclasses import replace

from clusternet.book.published import (
    Published,
)
from clusternet.glue import Provenance

__all__ = [
    "SAMPLE",
    "RATIO",
    "CLAIM",
    "CLAIM_TARGET",
    "SURVEY_DESIGN",
    "CALIBRATION",
    "TARGET_COUNT",
    "SETTING",
    "PARTNER_TYPE_CODING",
    "ABS_SIZE",
    "ABS_INDUSTRY",
    "ABS_TYPE",
    "GITHUB",
    "GITHUB_FIRST",
    "GITHUB_LAST",
    "GITHUB_SIZE",
    "ODDS",
    "UNVERIFIED",
    "aside",
    "ci_published",
    "with_ci",
    "stamp",
]

# --------------------------------------------------------------------------- sample survey
#: every number computed from the sample survey of Norwegian firms
SAMPLE = Provenance(
    "sample data",
    "norway_firm_survey",
    caveat="Sample data calibrated to unverified press claims: demonstrates the method, "
    "not evidence about Norway.",
)
#: the international / regional effect ratio, whose interval is the delta method's
RATIO = replace(
    SAMPLE,
    caveat="Sample data, not evidence about Norway; the interval is the delta method's, but "
    "Fieller's 95% set (correct for a ratio) has no upper limit.",
)
#: press figures, as the claims register records them
CLAIM = Provenance(
    "quoted and unverified",
    "evidence_claims",
    caveat="Press figure from one Globe and Mail article; not located in Fitjar and "
    "Rodriguez-Pose's papers.",
)
#: the press share of firms with an international partner (kept in the sample's targets)
CLAIM_TARGET = replace(CLAIM, source=("evidence_claims", "norway_calibration_targets"))
#: the survey's design (size and firm-size floor), verified in the 2011 abstract
SURVEY_DESIGN = Provenance(
    "quoted and verified",
    ("fitjar2011when", "norway_firm_survey"),
    "2011",
    caveat="The report's sample survey copies this design; its firms are synthetic.",
)
#: a parameter built into the sample generator
CALIBRATION = Provenance(
    "analysis setting",
    "norway_calibration_targets",
    caveat="Built into the sample generator from two unverified press claims; not a measurement.",
)
#: how many calibration targets the report checks
TARGET_COUNT = Provenance("analysis setting", "norway_calibration_targets")
#: a choice of the report (years, thresholds, bootstrap replicates)
SETTING = Provenance("analysis setting", "clusternet")
#: the six partner types of the sample survey, after the 2013 paper
PARTNER_TYPE_CODING = Provenance(
    "analysis setting",
    "fitjar2013firm",
    "2013",
    caveat="Partner types as Fitjar and Rodriguez-Pose (2013) list them; their questionnaire's "
    "coding is unverified.",
)

# --------------------------------------------------------------------------- real data
_ABS_CAVEAT = (
    "Published survey estimates of the Annual Business Survey; the tables give no "
    "standard errors, and US firms are not Norwegian ones."
)
#: ABS table 7452, product innovators by company size, 2017-19
ABS_SIZE = Provenance("real data", "abs_7452", "2017-2019", caveat=_ABS_CAVEAT)
#: ABS table 7451, product innovators by industry, 2017-19
ABS_INDUSTRY = Provenance("real data", "abs_7451", "2017-2019", caveat=_ABS_CAVEAT)
#: ABS table 4446, innovating companies by partner type, 2015-17
ABS_TYPE = Provenance("real data", "abs_4446", "2015-2017", caveat=_ABS_CAVEAT)
#: GitHub Innovation Graph, quarters 1-3 of the first and the last year
GITHUB = Provenance(
    "real data",
    "github_economy_collaborators",
    "2020 and 2025 (quarters 1-3)",
    caveat="Software collaboration on GitHub between economies (ties above 100 "
    "contributions only), not firms' innovation partners.",
)
GITHUB_FIRST = replace(GITHUB, vintage="2020 (quarters 1-3)")
GITHUB_LAST = replace(GITHUB, vintage="2025 (quarters 1-3)")
#: partner counts against the number of developers, last year
GITHUB_SIZE = replace(
    GITHUB_LAST,
    source=("github_economy_collaborators", "github_developers"),
    caveat="Association across economies (OLS), not causation; GitHub software collaboration only.",
)


# --------------------------------------------------------------------------- publishing
#: columns and unit of an odds ratio in ``pipeline_results_table``
ODDS = {
    "estimate": "odds_ratio",
    "lower": "or_ci_lower",
    "upper": "or_ci_upper",
    "unit": "odds ratio",
}
UNVERIFIED = (
    "as reported in one Globe and Mail article (journalist's text or quotation of Fitjar; "
    "unverified)"
)


def ci_published(row, name, description, *, lower="ci_lower", upper="ci_upper", **kwargs):
    """The lower and upper limits of an interval as two published numbers."""
    return {
        f"{name}_ci_lower": Published(row[lower], description.format(label="lower"), **kwargs),
        f"{name}_ci_upper": Published(row[upper], description.format(label="upper"), **kwargs),
    }


def with_ci(row, name, description, ci_description, *, estimate="estimate", **kwargs):
    """An estimate and its interval (``ci_lower``, ``ci_upper`` columns unless given)."""
    ends = {key: kwargs.pop(key) for key in ("lower", "upper") if key in kwargs}
    ci_headline = kwargs.pop("ci_headline", kwargs.get("headline", True))
    ci_kwargs = {**kwargs, "headline": ci_headline}
    return {
        name: Published(row[estimate], description, **kwargs),
        **ci_published(row, name, ci_description, **ends, **ci_kwargs),
    }


def aside(value, description, **kwargs) -> Published:
    """A supporting number (not on the key-numbers page)."""
    return Published(value, description, headline=False, **kwargs)


def stamp(numbers: dict[str, Published], provenance: Provenance) -> dict[str, Published]:
    """``numbers`` with ``provenance`` given to each number that has none (same order)."""
    return {
        name: number if number.provenance else replace(number, provenance=provenance)
        for name, number in numbers.items()
    }
