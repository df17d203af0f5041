"""The global-pipelines chapter: local partners, global pipelines and firm innovation.

The analysis of ``chapters/global-pipelines.md``, written once: the chapter calls these
steps in its cells and the policy synthesis calls :func:`key_results`. Everything runs on
the **sample** survey of Norwegian firms (``clusternet.data.load("norway_firm_survey")``),
built to reproduce the figures Fitjar and Rodriguez-Pose gave in the press; the claims are
read from ``data/evidence/claims.csv`` and the sample's calibration targets from
``data/sample-norway/calibration_targets.csv``.

Steps, in the chapter's order: :func:`study_design`, :func:`calibration_check`,
:func:`collaboration_profiles`, :func:`headline_logit`, :func:`partner_type_logit`,
:func:`radical_logit`, :func:`effect_ratio`, :func:`complementarity`,
:func:`learning_modes`; then the real data: :func:`us_partner_reach` (US Annual Business
Survey) and :func:`economy_pipelines` (GitHub Innovation Graph), in
``_global_pipelines_real``.

References
----------
- Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not suffice:
  sources of firm innovation in urban Norway. *Environment and Planning A* 43(6).
- Fitjar, R. D. and Rodriguez-Pose, A. (2013). Firm collaboration and modes of innovation
  in Norway. *Research Policy* 42(1), 128-138.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from clusternet import data, models, pipelines
from clusternet.book._global_pipelines_calibration import calibration_table
from clusternet.book._global_pipelines_provenance import (
    CALIBRATION,
    CLAIM,
    CLAIM_TARGET,
    ODDS,
    PARTNER_TYPE_CODING,
    RATIO,
    SAMPLE,
    SETTING,
    SURVEY_DESIGN,
    TARGET_COUNT,
    UNVERIFIED,
    aside,
    ci_published,
    stamp,
    with_ci,
)
from clusternet.book._global_pipelines_real import (
    EconomyPipelines,
    PartnerReach,
    economy_pipelines,
    us_partner_reach,
)
from clusternet.book._global_pipelines_settings import SETTINGS, Settings
from clusternet.book.claims import claim
from clusternet.book.published import Published, published_values
from clusternet.catalog.pipelines import PARTNER_TYPES, SCALES

__all__ = [
    "Settings",
    "SETTINGS",
    "StudyDesign",
    "study_design",
    "CalibrationCheck",
    "calibration_check",
    "Profiles",
    "collaboration_profiles",
    "LogitStep",
    "headline_logit",
    "partner_type_logit",
    "radical_logit",
    "EffectRatio",
    "effect_ratio",
    "Complementarity",
    "complementarity",
    "learning_modes",
    "PartnerReach",
    "us_partner_reach",
    "EconomyPipelines",
    "economy_pipelines",
    "key_results",
]


def _fit(survey, outcome, settings, **kwargs):
    return pipelines.fit_pipeline_logit(
        survey, outcome, controls=settings.controls, regions=settings.regions, **kwargs
    )


# --------------------------------------------------------------------------- the study design


@dataclass(frozen=True)
class StudyDesign:
    """The sample survey, the figures it was calibrated to, and the design's numbers."""

    survey: pd.DataFrame
    targets: pd.Series
    published: dict[str, Published]

    @property
    def claimed_shares(self) -> dict[str, float]:
        """Scale -> claimed share of firms with a partner at that scale."""
        return {s: self.targets[f"share_{s}"] for s in ("regional", "international")}

    @property
    def claimed_ratio(self) -> float:
        """The claimed international / regional effect ratio ("four times")."""
        return float(self.targets["effect_ratio"])


def study_design(settings: Settings = SETTINGS) -> StudyDesign:
    """Load the sample survey and its calibration targets; publish the claims it is built on.

    The claimed figures come from ``data/evidence/claims.csv`` where it records them; the
    claimed share of firms with an international partner, which it does not, comes from the
    sample's calibration targets (``data/sample-norway/calibration_targets.csv``).
    """
    survey = data.load("norway_firm_survey")
    pipelines.validate_collaboration_survey(survey, regions=settings.regions)
    targets = data.load("norway_calibration_targets").set_index("target")["value"]
    odds = float(claim("pipeline_odds")["claimed_low"])
    published = {
        "fitjar_n_firms": aside(
            len(survey),
            "Number of firms in the Norwegian survey of Fitjar and Rodriguez-Pose, and in the "
            "report's sample survey built to match it",
            unit="firms",
            digits=0,
            provenance=SURVEY_DESIGN,
        ),
        "fitjar_design_employee_floor": aside(
            targets["min_employees"] - 1,
            "The survey covered firms with more than this many employees",
            unit="employees",
            digits=0,
            provenance=SURVEY_DESIGN,
        ),
        "fitjar_claim_share_regional": aside(
            float(claim("regional_share")["claimed_low"]) / 100,
            "Share of firms collaborating with at least one partner in their city-region, "
            + UNVERIFIED,
            digits=0,
            percent=True,
        ),
        "fitjar_claim_share_international": aside(
            targets["share_international"],
            "Share of firms with at least one international partner, " + UNVERIFIED,
            digits=0,
            percent=True,
            provenance=CLAIM_TARGET,
        ),
        "fitjar_claim_odds_increase": aside(
            odds - 1,
            "Increase in the odds of product innovation per extra international partner, "
            + UNVERIFIED,
            digits=0,
            percent=True,
        ),
        "fitjar_claim_odds_ratio": aside(
            odds,
            "Odds ratio of product innovation per extra international partner, " + UNVERIFIED,
            unit="odds ratio",
        ),
        "fitjar_claim_ratio": aside(
            float(claim("pipeline_fourfold")["claimed_low"]),
            "How many times more powerful pipelines are than local interaction, " + UNVERIFIED,
            unit="ratio",
            digits=0,
        ),
    }
    return StudyDesign(survey=survey, targets=targets, published=stamp(published, CLAIM))


@dataclass(frozen=True)
class CalibrationCheck:
    """The committed draw against each calibration target (see ``calibration_table``)."""

    table: pd.DataFrame
    published: dict[str, Published]


def calibration_check(design: StudyDesign, settings: Settings = SETTINGS) -> CalibrationCheck:
    """How close the one committed draw comes to each figure the generator was built on."""
    table = calibration_table(
        design.survey,
        design.targets,
        controls=settings.controls,
        regions=settings.regions,
        alpha=settings.alpha,
    )
    indexed = table.set_index("target")
    published = {
        "fitjar_calibrated_or_regional": aside(
            indexed.loc["odds ratio per regional partner type", "calibrated"],
            "Odds ratio per extra regional (or national) partner type built into the sample "
            "survey: a quarter of the claimed international effect on the log-odds scale",
            unit="odds ratio",
            provenance=CALIBRATION,
        ),
        "fitjar_calibration_covered": aside(
            int(indexed["covered"].sum()),
            "Number of calibration targets whose 95% interval in the sample survey contains "
            "the calibrated value",
            unit="targets",
            digits=0,
        ),
        "fitjar_calibration_targets": aside(
            len(indexed),
            "Number of calibration targets checked for the sample survey",
            unit="targets",
            digits=0,
            provenance=TARGET_COUNT,
        ),
    }
    return CalibrationCheck(table=table, published=stamp(published, SAMPLE))


# --------------------------------------------------------------------------- who collaborates


@dataclass(frozen=True)
class Profiles:
    """Collaboration profiles: overall and by city-region."""

    overall: pd.DataFrame
    by_region: pd.DataFrame
    published: dict[str, Published]


def collaboration_profiles(survey: pd.DataFrame, settings: Settings = SETTINGS) -> Profiles:
    """Share of firms with each partner type at each scale, overall and by city-region."""
    overall = pipelines.collaboration_profile(
        survey, regions=settings.regions, alpha=settings.alpha
    )
    by_region = pipelines.collaboration_profile(
        survey, by="city_region", regions=settings.regions, alpha=settings.alpha
    )
    shares = overall.set_index(["scale", "partner_type"])
    published = {}
    for scale in SCALES:
        row = shares.loc[(scale, "any")]
        published |= with_ci(
            row,
            f"fitjar_share_{scale}",
            f"Share of firms with at least one {scale} collaboration partner (sample data "
            "calibrated to press claims)",
            "95% Wilson interval, {label} limit, of the share of firms with a "
            f"{scale} partner (sample data)",
            estimate="share",
            digits=1,
            percent=True,
            headline=scale != "national",
            ci_headline=False,
        )
    local = by_region[(by_region["scale"] == "regional") & (by_region["partner_type"] == "any")]
    for end, value in (("lowest", local["share"].min()), ("highest", local["share"].max())):
        published[f"fitjar_share_regional_{end}_region"] = aside(
            value,
            f"{end.capitalize()} share of firms with a regional partner among the five "
            "city-regions (sample data)",
            digits=0,
            percent=True,
        )
    return Profiles(overall=overall, by_region=by_region, published=stamp(published, SAMPLE))


# --------------------------------------------------------------------------- the logits


@dataclass(frozen=True)
class LogitStep:
    """A fitted logit, its table of odds ratios and marginal effects, and its numbers."""

    result: Any
    table: pd.DataFrame
    published: dict[str, Published]


def headline_logit(survey: pd.DataFrame, settings: Settings = SETTINGS) -> LogitStep:
    """Product innovation on the number of partner types at each scale, with controls."""
    result = _fit(survey, "product_innovation", settings)
    table = pipelines.pipeline_results_table(
        result, pipelines.SCALE_REGRESSORS, alpha=settings.alpha
    )
    rows = table.set_index("term")
    published = {}
    for scale in SCALES:
        row = rows.loc[f"partners_{scale}"]
        name, is_headline = f"fitjar_or_{scale}", scale != "national"
        published |= with_ci(
            row,
            name,
            f"Odds ratio of product innovation per extra {scale} partner type, logit with "
            "controls (sample data calibrated to the press claims; not evidence about Norway)",
            "95% interval, {label} limit, of the odds ratio per extra "
            f"{scale} partner type (sample data)",
            **ODDS,
            headline=is_headline,
        )
        published |= with_ci(
            100 * row[["ame", "ame_ci_lower", "ame_ci_upper"]],
            f"fitjar_ame_{scale}",
            f"Average marginal effect of an extra {scale} partner type on the probability of "
            "product innovation (sample data)",
            "95% interval, {label} limit, of the average marginal effect of an extra "
            f"{scale} partner type (sample data)",
            estimate="ame",
            lower="ame_ci_lower",
            upper="ame_ci_upper",
            unit="percentage points",
            digits=1,
            headline=scale == "international",
        )
        published[f"fitjar_p_{scale}"] = aside(
            row["p_value"],
            f"p-value of the {scale} partner-type coefficient in the headline logit (sample data)",
            unit="p-value",
            digits=3,
        )
    published["fitjar_n_partner_types"] = aside(
        len(PARTNER_TYPES),
        "Number of partner types asked about at each geographic scale",
        unit="partner types",
        digits=0,
        provenance=PARTNER_TYPE_CODING,
    )
    published["fitjar_pseudo_r2"] = aside(
        models.model_fit(result)["pseudo_r_squared"],
        "McFadden pseudo R-squared of the headline product-innovation logit (sample data)",
        unit="pseudo R-squared",
    )
    published["fitjar_share_product_innovation"] = aside(
        survey["product_innovation"].mean(),
        "Share of firms in the sample survey that introduced a new product",
        digits=0,
        percent=True,
    )
    return LogitStep(result=result, table=table, published=stamp(published, SAMPLE))


def partner_type_logit(survey: pd.DataFrame, settings: Settings = SETTINGS) -> LogitStep:
    """Product innovation on one indicator per partner type and scale (18 regressors)."""
    terms = [f"{kind}_{scale}" for kind in PARTNER_TYPES for scale in SCALES]
    result = _fit(survey, "product_innovation", settings, regressors=terms)
    table = pipelines.pipeline_results_table(result, terms, alpha=settings.alpha)
    return LogitStep(result=result, table=table, published={})


def radical_logit(survey: pd.DataFrame, settings: Settings = SETTINGS) -> LogitStep:
    """Among product innovators: a product new to the market on partner types per scale."""
    innovators = survey[survey["product_innovation"] == 1]
    result = _fit(innovators, "product_new_to_market", settings)
    table = pipelines.pipeline_results_table(
        result, ["partners_international"], alpha=settings.alpha
    )
    row = table.iloc[0]
    what = "of the odds ratio of a product new to the market per international partner type"
    published = {
        **with_ci(
            row,
            "fitjar_or_radical_international",
            "Odds ratio of a product new to the market per extra international partner type, "
            "among product innovators (sample data)",
            "95% interval, {label} limit, " + what + " (sample data)",
            **ODDS,
            headline=False,
        ),
        "fitjar_n_product_innovators": aside(
            len(innovators),
            "Number of product innovators in the sample survey",
            unit="firms",
            digits=0,
        ),
    }
    return LogitStep(result=result, table=table, published=stamp(published, SAMPLE))


def learning_modes(survey: pd.DataFrame, settings: Settings = SETTINGS) -> LogitStep:
    """Process innovation on partner types by learning mode (STI, DUI), local and beyond."""
    terms = [
        f"{mode}_{where}"
        for mode in pipelines.INNOVATION_MODES
        for where in ("regional", "extra_regional")
    ]
    result = _fit(survey, "process_innovation", settings, regressors=terms)
    table = pipelines.pipeline_results_table(result, terms, alpha=settings.alpha)
    rows = table.set_index("term")
    published = {}
    for term in terms:
        what = (
            "of process innovation per partner type counted in "
            f"{term} (learning mode and scale), logit with controls (sample data)"
        )
        published |= with_ci(
            rows.loc[term],
            f"fitjar_or_{term}",
            "Odds ratio " + what,
            "95% interval, {label} limit, of the odds ratio " + what,
            **ODDS,
            headline=False,
        )
    return LogitStep(result=result, table=table, published=stamp(published, SAMPLE))


# --------------------------------------------------------------------------- four times?


@dataclass(frozen=True)
class EffectRatio:
    """The international / regional comparison: difference, ratio and the Fieller set."""

    comparison: pd.DataFrame
    fieller: dict
    published: dict[str, Published]


def effect_ratio(
    headline: LogitStep, settings: Settings = SETTINGS, *, bootstrap: bool = True
) -> EffectRatio:
    """International versus regional effect: Wald difference, delta, Fieller, bootstrap.

    ``bootstrap=False`` skips the bootstrap (its numbers are not headline numbers), as
    :func:`key_results` does to stay fast.
    """
    terms = ("partners_international", "partners_regional")
    n_boot = settings.n_boot if bootstrap else 0
    comparison = pipelines.pipeline_effect_comparison(
        headline.result, *terms, alpha=settings.alpha, n_boot=n_boot, seed=settings.seed
    )
    fieller = models.fieller_ratio_interval(headline.result, *terms, alpha=settings.alpha)
    by_method = comparison.set_index("method")
    published = {
        "fitjar_effect_ratio": Published(
            fieller.estimate,
            "Ratio of the international to the regional partner-type coefficient in the "
            "product-innovation logit (sample data calibrated to a claimed ratio of 4)",
            unit="ratio",
            digits=1,
            provenance=RATIO,
            estimate=True,
            ci_lower=by_method.loc["delta method", "ci_lower"],
            ci_upper=by_method.loc["delta method", "ci_upper"],
        ),
        "fitjar_effect_ratio_fieller_ci_lower": Published(
            fieller.ci_lower,
            "Lower end of the 95% Fieller confidence set for the international/regional "
            "effect ratio; the set has no upper limit (sample data)",
            unit="ratio",
            digits=1,
            interval_of="fitjar_effect_ratio",
        ),
        "fitjar_effect_ratio_fieller_lower_ray_ci_upper": aside(
            fieller.pieces[0][1],
            "The 95% Fieller set for the effect ratio also contains every ratio below this "
            "negative value (sample data)",
            unit="ratio",
            digits=0,
            interval_of="fitjar_effect_ratio",
        ),
    }
    methods = [("delta method", "delta")] + (
        [("bootstrap (percentile)", "bootstrap")] if bootstrap else []
    )
    for method, prefix in methods:
        published.update(
            ci_published(
                by_method.loc[method],
                f"fitjar_effect_ratio_{prefix}",
                f"95% {method} interval, " + "{label} limit, of the international/regional "
                "effect ratio (sample data)",
                unit="ratio",
                digits=1,
                headline=False,
                interval_of="fitjar_effect_ratio",
            )
        )
    published["fitjar_bootstrap_replicates"] = aside(
        n_boot,
        "Bootstrap replicates used for the effect-ratio interval",
        unit="replicates",
        digits=0,
        provenance=SETTING,
    )
    wald = by_method.loc["Wald"]
    published |= with_ci(
        wald,
        "fitjar_log_odds_difference",
        "Difference between the international and the regional partner-type coefficients "
        "(log-odds) in the product-innovation logit (sample data)",
        "95% interval, {label} limit, of the international minus regional coefficient "
        "difference (sample data)",
        unit="log-odds",
    )
    return EffectRatio(comparison=comparison, fieller=fieller, published=stamp(published, SAMPLE))


# --------------------------------------------------------------------------- buzz and pipelines


@dataclass(frozen=True)
class Complementarity:
    """Do firms with both local and international partners gain more than the sum?"""

    table: pd.DataFrame
    published: dict[str, Published]


def complementarity(survey: pd.DataFrame, settings: Settings = SETTINGS) -> Complementarity:
    """The regional x international interaction and the cross-difference of probabilities."""
    table = pipelines.pipeline_complementarity(
        survey,
        "product_innovation",
        controls=settings.controls,
        regions=settings.regions,
        alpha=settings.alpha,
    )
    rows = table.set_index("quantity")
    cross = 100 * rows.loc["cross-difference", ["estimate", "ci_lower", "ci_upper"]]
    published = with_ci(
        rows.loc["interaction"],
        "fitjar_complementarity_or",
        "Interaction odds ratio of having both regional and international partners on "
        "product innovation (sample data; above 1 means complements)",
        "95% interval, {label} limit, of the regional x international interaction odds "
        "ratio (sample data)",
        unit="odds ratio",
        headline=False,
    ) | with_ci(
        cross,
        "fitjar_cross_difference",
        "Complementarity test: P(both) - P(regional only) - P(international only) + "
        "P(neither) for product innovation, in percentage points (sample data)",
        "95% interval, {label} limit, of the complementarity cross-difference in "
        "percentage points (sample data)",
        unit="percentage points",
        digits=1,
    )
    return Complementarity(table=table, published=stamp(published, SAMPLE))


# --------------------------------------------------------------------------- for the synthesis


def key_results(settings: Settings = SETTINGS) -> dict[str, float]:
    """The chapter's headline numbers, recomputed by the chapter's own steps.

    Parameters
    ----------
    settings : Settings
        The chapter's settings (default :data:`SETTINGS`).

    Returns
    -------
    dict of str to float
        Every headline number the chapter publishes (shares of firms with a regional and
        an international partner; odds ratios per regional and international partner type
        with 95% limits; the average marginal effect of an international partner type; the
        international / regional effect ratio and the lower end of its Fieller set; the
        difference in log-odds; the complementarity cross-difference; all from sample
        data), and the real-data headline numbers (US companies' partner shares from the
        Annual Business Survey; economies' partner concentration, its change 2020-2025
        and the US's place as top partner from the GitHub Innovation Graph), glue name ->
        value.

    Examples
    --------
    >>> numbers = key_results()  # doctest: +SKIP
    >>> round(numbers["fitjar_share_regional"], 3)  # doctest: +SKIP
    0.791
    """
    survey = study_design(settings).survey
    headline = headline_logit(survey, settings)
    steps = (
        collaboration_profiles(survey, settings),
        headline,
        effect_ratio(headline, settings, bootstrap=False),
        complementarity(survey, settings),
        us_partner_reach(settings),
        economy_pipelines(settings),
    )
    return published_values(
        *({n: p for n, p in step.published.items() if p.headline} for step in steps)
    )
