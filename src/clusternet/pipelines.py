"""Global pipelines versus local interaction: collaboration profiles and innovation logits.

Helpers for the chapter on Fitjar and Rodriguez-Pose's survey of firms in Norway's five
largest city-regions. A *collaboration survey* is a DataFrame with one row per firm and
one column ``<type>_<scale>`` per partner type and geographic scale, holding the number of
partners of that type at that scale (or 1/0 for "collaborated or not"). From it the
helpers build

- collaboration profiles: the share of firms with each kind of partner, with Wilson
  confidence intervals, overall or by city-region (:func:`collaboration_profile`);
- the number of partner *types* at each scale, the diversity measure of Fitjar and
  Rodriguez-Pose (2011) (:func:`add_partner_counts`), and counts by learning mode, STI
  versus DUI (Jensen et al. 2007; :func:`add_mode_counts`);
- logit models of innovation through the statsmodels formula API
  (:func:`fit_pipeline_logit`) reported as odds ratios and average marginal effects with
  confidence intervals (:func:`pipeline_results_table`);
- the comparison behind "pipelines are four times more powerful than local interaction":
  the ratio of two coefficients with delta-method, Fieller and bootstrap intervals, and
  their difference (:func:`pipeline_effect_comparison`, :func:`fieller_ratio_interval`,
  :func:`bootstrap_ratio_interval`);
- a test of complementarity between local and distant partners
  (:func:`pipeline_complementarity`).

References
----------
- Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not suffice:
  sources of firm innovation in urban Norway. *Environment and Planning A* 43(6).
- Fitjar, R. D. and Rodriguez-Pose, A. (2013). Firm collaboration and modes of innovation
  in Norway. *Research Policy* 42(1), 128-138.
- Bathelt, H., Malmberg, A. and Maskell, P. (2004). Clusters and knowledge: local buzz,
  global pipelines and the process of knowledge creation. *Progress in Human Geography*
  28(1), 31-56.
- Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
  Statistical Society B* 16(2), 175-185.
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.proportion import proportion_confint
from statsmodels.tools.sm_exceptions import PerfectSeparationError

from clusternet import models
from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_no_missing,
    require_nonempty,
    require_nonnegative,
    require_numeric_columns,
    require_positive_int,
    require_real,
    require_seed,
)

__all__ = [
    "validate_collaboration_survey",
    "add_partner_counts",
    "add_mode_counts",
    "collaboration_profile",
    "fit_pipeline_logit",
    "pipeline_results_table",
    "fieller_ratio_interval",
    "bootstrap_ratio_interval",
    "pipeline_effect_comparison",
    "pipeline_complementarity",
    "pipeline_calibration_table",
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
#: learning modes (Jensen et al. 2007) as Fitjar and Rodriguez-Pose (2013) split partners
INNOVATION_MODES = {
    "sti": ("consultant", "university", "research_institute"),
    "dui_supply": ("supplier", "customer"),
    "dui_other": ("competitor",),
}
#: controls of the chapter's models (formula terms): size, ownership, skills, culture, sector, place
DEFAULT_CONTROLS = (
    "np.log(employees)",
    "foreign_ownership",
    "higher_education",
    "open_mindedness",
    "C(sector, Treatment('manufacturing'))",
    "C(city_region, Treatment('Oslo'))",
)
#: regressors of the headline model: number of partner types at each scale
SCALE_REGRESSORS = tuple(f"partners_{scale}" for scale in SCALES)
#: columns holding shares, checked to lie in [0, 1] when present
FRACTION_COLUMNS = ("foreign_ownership", "higher_education")


def _require_names(values, name: str) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a list or tuple of strings, got {type(values).__name__}")
    values = tuple(values)
    if not values:
        raise ValueError(f"{name} is empty; give at least one name")
    bad = [v for v in values if not isinstance(v, str) or not v]
    if bad:
        raise TypeError(f"{name} must hold non-empty strings; bad entries {format_items(bad)}")
    if len(set(values)) != len(values):
        raise ValueError(f"{name} has duplicated entries {format_items(values)}")
    return values


def _partner_columns(partner_types, scales) -> list[str]:
    return [f"{kind}_{scale}" for scale in scales for kind in partner_types]


def validate_collaboration_survey(
    survey: pd.DataFrame,
    *,
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    regions: Sequence[str] | None = CITY_REGIONS,
    region_column: str = "city_region",
) -> pd.DataFrame:
    """Check a collaboration survey and return it unchanged.

    Parameters
    ----------
    survey : pandas.DataFrame
        One row per firm, with a column ``<type>_<scale>`` for every partner type and
        scale holding a non-negative whole number (partners of that type at that scale,
        or 1/0 for collaborated or not).
    partner_types, scales : sequence of str
        The partner types and geographic scales the survey asked about.
    regions : sequence of str or None
        The allowed values of ``region_column``; ``None`` skips the check (and does not
        require the column).
    region_column : str
        The column naming each firm's region.

    Returns
    -------
    pandas.DataFrame
        ``survey`` itself.

    Raises
    ------
    TypeError
        ``survey`` is not a DataFrame, or a partner column is not numeric.
    ValueError
        Empty survey; missing partner or region columns; missing, negative or fractional
        partner counts; regions outside ``regions``; a share column
        (``foreign_ownership``, ``higher_education``) outside [0, 1].

    Examples
    --------
    >>> firms = pd.DataFrame({"supplier_regional": [1, 0], "supplier_international": [0, 2]})
    >>> validate_collaboration_survey(
    ...     firms, partner_types=["supplier"], scales=["regional", "international"], regions=None
    ... ).shape
    (2, 2)

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2013). Firm collaboration and modes of
      innovation in Norway. *Research Policy* 42(1), 128-138.
    """
    require_dataframe(survey, "survey")
    require_nonempty(survey, "survey")
    partner_types = _require_names(partner_types, "partner_types")
    scales = _require_names(scales, "scales")
    columns = _partner_columns(partner_types, scales)
    require_columns(survey, columns, "survey")
    require_numeric_columns(survey, "survey", columns)
    require_no_missing(survey, "survey", columns)
    require_nonnegative(survey, "survey", columns)
    values = survey[columns].to_numpy(dtype=float)
    if (values != np.round(values)).any():
        bad = [c for c in columns if (survey[c].to_numpy(dtype=float) % 1 != 0).any()]
        raise ValueError(
            f"survey has fractional partner counts in column(s) {format_items(bad)}; counts must be whole numbers"
        )
    if regions is not None:
        regions = _require_names(regions, "regions")
        if not isinstance(region_column, str):
            raise TypeError(f"region_column must be a str, got {type(region_column).__name__}")
        require_columns(survey, [region_column], "survey")
        require_no_missing(survey, "survey", [region_column])
        unknown = sorted(set(survey[region_column].astype(str)) - set(regions))
        if unknown:
            raise ValueError(
                f"survey column {region_column!r} has unknown region(s) {format_items(unknown)}; "
                f"allowed: {format_items(regions)} (pass regions=None to accept any)"
            )
    present = [c for c in FRACTION_COLUMNS if c in survey.columns]
    if present:
        require_numeric_columns(survey, "survey", present)
        require_no_missing(survey, "survey", present)
        shares = survey[present].to_numpy(dtype=float)
        if ((shares < 0) | (shares > 1)).any():
            bad = [c for c in present if ((survey[c] < 0) | (survey[c] > 1)).any()]
            raise ValueError(f"survey has shares outside [0, 1] in column(s) {format_items(bad)}")
    return survey


def add_partner_counts(
    survey: pd.DataFrame,
    *,
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    measure: str = "types",
) -> pd.DataFrame:
    """Add the number of partners at each scale and whether the firm has any.

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey (see :func:`validate_collaboration_survey`); regions are
        not checked here.
    partner_types, scales : sequence of str
        Partner types and scales.
    measure : {"types", "partners"}
        ``"types"`` counts the partner *types* the firm collaborates with at each scale
        (0 to the number of types; the diversity measure of Fitjar and Rodriguez-Pose
        2011); ``"partners"`` sums the counts.

    Returns
    -------
    pandas.DataFrame
        A copy with ``partners_<scale>`` (int) and ``any_<scale>`` (0/1) for every scale.

    Raises
    ------
    TypeError, ValueError
        As :func:`validate_collaboration_survey`, or an unknown ``measure``.

    Examples
    --------
    >>> firms = pd.DataFrame({"supplier_regional": [3, 0], "customer_regional": [1, 0]})
    >>> out = add_partner_counts(firms, partner_types=["supplier", "customer"], scales=["regional"])
    >>> out[["partners_regional", "any_regional"]].to_dict("list")
    {'partners_regional': [2, 0], 'any_regional': [1, 0]}

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not
      suffice. *Environment and Planning A* 43(6).
    """
    if measure not in ("types", "partners"):
        raise ValueError(f"measure must be 'types' or 'partners', got {measure!r}")
    validate_collaboration_survey(survey, partner_types=partner_types, scales=scales, regions=None)
    added = {}
    for scale in scales:
        block = survey[[f"{kind}_{scale}" for kind in partner_types]].to_numpy(dtype=float)
        counts = (block > 0).sum(axis=1) if measure == "types" else block.sum(axis=1)
        added[f"partners_{scale}"] = counts.astype(int)
        added[f"any_{scale}"] = (counts > 0).astype(int)
    return survey.assign(**added)


def add_mode_counts(
    survey: pd.DataFrame,
    *,
    modes: Mapping[str, Sequence[str]] = INNOVATION_MODES,
    scales: Sequence[str] = SCALES,
    local_scale: str = "regional",
) -> pd.DataFrame:
    """Add, for each learning mode, the partner types used locally and extra-regionally.

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey (see :func:`validate_collaboration_survey`).
    modes : mapping of str to sequence of str
        Mode name to its partner types; the default splits partners as Fitjar and
        Rodriguez-Pose (2013) do: ``sti`` (consultants, universities, research
        institutes), ``dui_supply`` (suppliers, customers) and ``dui_other``
        (competitors).
    scales : sequence of str
        Scales in the survey; every scale other than ``local_scale`` counts as
        extra-regional.
    local_scale : str
        The local scale.

    Returns
    -------
    pandas.DataFrame
        A copy with ``<mode>_regional`` (partner types of the mode with a local partner)
        and ``<mode>_extra_regional`` (types with a partner at any other scale).

    Raises
    ------
    TypeError, ValueError
        Bad ``modes`` (not a mapping, empty, a type in two modes), ``local_scale`` not in
        ``scales`` or fewer than two scales, or a survey that fails
        :func:`validate_collaboration_survey`.

    Examples
    --------
    >>> firms = pd.DataFrame({"supplier_regional": [1], "supplier_international": [2],
    ...                       "university_regional": [0], "university_international": [1]})
    >>> out = add_mode_counts(firms, modes={"sti": ["university"], "dui": ["supplier"]},
    ...                       scales=["regional", "international"])
    >>> out[["sti_regional", "sti_extra_regional", "dui_regional", "dui_extra_regional"]].iloc[0].tolist()
    [0, 1, 1, 1]

    References
    ----------
    - Jensen, M. B., Johnson, B., Lorenz, E. and Lundvall, B.-A. (2007). Forms of
      knowledge and modes of innovation. *Research Policy* 36(5), 680-693.
    - Fitjar, R. D. and Rodriguez-Pose, A. (2013). Firm collaboration and modes of
      innovation in Norway. *Research Policy* 42(1), 128-138.
    """
    if not isinstance(modes, Mapping) or not modes:
        raise TypeError("modes must be a non-empty mapping of mode name to partner types")
    scales = _require_names(scales, "scales")
    if local_scale not in scales:
        raise ValueError(f"local_scale {local_scale!r} is not one of scales {format_items(scales)}")
    if len(scales) < 2:
        raise ValueError("scales needs a local and at least one extra-regional scale")
    types_by_mode = {
        str(mode): _require_names(kinds, f"modes[{mode!r}]") for mode, kinds in modes.items()
    }
    all_types = [kind for kinds in types_by_mode.values() for kind in kinds]
    if len(set(all_types)) != len(all_types):
        raise ValueError(f"a partner type appears in more than one mode: {format_items(all_types)}")
    validate_collaboration_survey(survey, partner_types=all_types, scales=scales, regions=None)
    extra_scales = [s for s in scales if s != local_scale]
    added = {}
    for mode, kinds in types_by_mode.items():
        local = survey[[f"{k}_{local_scale}" for k in kinds]].to_numpy(dtype=float) > 0
        extra = np.zeros_like(local)
        for scale in extra_scales:
            extra |= survey[[f"{k}_{scale}" for k in kinds]].to_numpy(dtype=float) > 0
        added[f"{mode}_regional"] = local.sum(axis=1).astype(int)
        added[f"{mode}_extra_regional"] = extra.sum(axis=1).astype(int)
    return survey.assign(**added)


def collaboration_profile(
    survey: pd.DataFrame,
    *,
    by: str | None = None,
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    regions: Sequence[str] | None = CITY_REGIONS,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Share of firms collaborating with each partner type at each scale, with intervals.

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey (see :func:`validate_collaboration_survey`).
    by : str, optional
        Column to break the profile down by (``"city_region"``, ``"sector"``).
    partner_types, scales, regions
        As :func:`validate_collaboration_survey`.
    alpha : float
        1 - confidence level of the Wilson score intervals.

    Returns
    -------
    pandas.DataFrame
        One row per (group,) scale and partner type, plus a row ``partner_type == "any"``
        per scale (at least one partner of any type): columns ``[by,] scale,
        partner_type, firms, collaborating, share, ci_lower, ci_upper``.

    Raises
    ------
    TypeError, ValueError
        As :func:`validate_collaboration_survey`; ``by`` not a column; ``alpha`` outside
        (0, 1).

    Examples
    --------
    >>> firms = pd.DataFrame({"supplier_regional": [1, 0, 2, 1], "supplier_international": [0, 0, 1, 0]})
    >>> p = collaboration_profile(firms, partner_types=["supplier"],
    ...                           scales=["regional", "international"], regions=None)
    >>> p.loc[p["partner_type"] == "any", ["scale", "share"]].to_dict("list")
    {'scale': ['regional', 'international'], 'share': [0.75, 0.25]}

    References
    ----------
    - Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
      inference. *Journal of the American Statistical Association* 22(158), 209-212.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    validate_collaboration_survey(
        survey, partner_types=partner_types, scales=scales, regions=regions
    )
    partner_types, scales = tuple(partner_types), tuple(scales)
    if by is not None:
        if not isinstance(by, str):
            raise TypeError(f"by must be a column name (str) or None, got {type(by).__name__}")
        require_columns(survey, [by], "survey")
        require_no_missing(survey, "survey", [by])
    indicators = {}
    for scale in scales:
        block = survey[[f"{kind}_{scale}" for kind in partner_types]].to_numpy(dtype=float) > 0
        for j, kind in enumerate(partner_types):
            indicators[(scale, kind)] = block[:, j]
        indicators[(scale, "any")] = block.any(axis=1)
    flags = pd.DataFrame(
        {f"{s}|{k}": v.astype(int) for (s, k), v in indicators.items()}, index=survey.index
    )
    if by is None:
        collaborating = flags.sum().to_frame().T
        firms = pd.Series([len(flags)])
    else:
        grouped = flags.groupby(survey[by], sort=True)
        collaborating = grouped.sum()
        firms = grouped.size()
    long = collaborating.reset_index(drop=by is None).melt(
        id_vars=[by] if by else None, var_name="key", value_name="collaborating"
    )
    if by is None:
        long["firms"] = int(firms.iloc[0])
    else:
        long["firms"] = long[by].map(firms).astype(int)
    parts = long["key"].str.split("|", expand=True)
    long["scale"], long["partner_type"] = parts[0], parts[1]
    order = {key: i for i, key in enumerate(flags.columns)}
    long["_order"] = long["key"].map(order)
    long = long.sort_values(([by] if by else []) + ["_order"], kind="stable", ignore_index=True)
    lower, upper = proportion_confint(
        long["collaborating"], long["firms"], alpha=alpha, method="wilson"
    )
    long = long.assign(
        share=long["collaborating"] / long["firms"],
        ci_lower=np.asarray(lower),
        ci_upper=np.asarray(upper),
    )
    columns = ([by] if by else []) + [
        "scale",
        "partner_type",
        "firms",
        "collaborating",
        "share",
        "ci_lower",
        "ci_upper",
    ]
    return long[columns]


def fit_pipeline_logit(
    survey: pd.DataFrame,
    outcome: str = "product_innovation",
    *,
    regressors: Sequence[str] = SCALE_REGRESSORS,
    controls: Sequence[str] = DEFAULT_CONTROLS,
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    regions: Sequence[str] | None = CITY_REGIONS,
    modes: Mapping[str, Sequence[str]] | None = INNOVATION_MODES,
):
    """Fit a logit of an innovation outcome on collaboration measures and controls.

    The survey is validated, enriched with :func:`add_partner_counts` (and, when
    ``modes`` is given, :func:`add_mode_counts`), and the model
    ``outcome ~ regressors + controls`` is fitted with :func:`clusternet.models.fit_logit`
    (statsmodels formula API).

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey with the outcome and control variables.
    outcome : str
        A 0/1 column, e.g. ``"product_innovation"``.
    regressors : sequence of str
        Column names: raw partner columns (``"university_international"``) or derived
        ones (``"partners_international"``, ``"any_regional"``, ``"sti_extra_regional"``).
    controls : sequence of str
        Formula terms added as controls (may use ``np.log`` and ``C()``); an empty tuple
        fits the regressors alone.
    partner_types, scales, regions
        As :func:`validate_collaboration_survey`.
    modes : mapping or None
        Learning modes for :func:`add_mode_counts`; ``None`` skips them.

    Returns
    -------
    statsmodels LogitResults
        Fitted with the formula API; ``result.model.formula`` is the formula.

    Raises
    ------
    TypeError, ValueError
        Bad survey (see :func:`validate_collaboration_survey`), ``outcome`` or a regressor
        not in the data, a control term that cannot be built, an outcome not coded 0/1,
        perfect separation.

    Examples
    --------
    >>> from clusternet.samples.pipelines import norway_survey
    >>> result = fit_pipeline_logit(norway_survey(seed=3))
    >>> round(float(result.nobs))
    1604

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not
      suffice. *Environment and Planning A* 43(6).
    """
    validate_collaboration_survey(
        survey, partner_types=partner_types, scales=scales, regions=regions
    )
    if not isinstance(outcome, str):
        raise TypeError(f"outcome must be a column name (str), got {type(outcome).__name__}")
    require_columns(survey, [outcome], "survey")
    regressors = _require_names(regressors, "regressors")
    controls = tuple(controls) if not isinstance(controls, str) else None
    if controls is None or any(not isinstance(c, str) or not c.strip() for c in controls):
        raise TypeError("controls must be a list or tuple of formula terms (strings)")
    data = add_partner_counts(survey, partner_types=partner_types, scales=scales)
    if modes is not None:
        data = add_mode_counts(data, modes=modes, scales=scales)
    missing = [r for r in regressors if r not in data.columns]
    if missing:
        derived = [c for c in data.columns if c not in survey.columns]
        raise ValueError(
            f"regressors {format_items(missing)} are not columns of survey or derived from it; "
            f"derived columns are {format_items(derived, limit=30)}"
        )
    if outcome in regressors:
        raise ValueError(f"outcome {outcome!r} is also listed as a regressor")
    formula = f"{outcome} ~ " + " + ".join(list(regressors) + list(controls))
    return models.fit_logit(formula, data)


def pipeline_results_table(
    result, terms: Sequence[str] | None = None, *, alpha: float = 0.05
) -> pd.DataFrame:
    """Odds ratios and average marginal effects with confidence intervals, one row per term.

    Parameters
    ----------
    result : statsmodels LogitResults
        From :func:`fit_pipeline_logit` or :func:`clusternet.models.fit_logit`.
    terms : sequence of str, optional
        Terms to keep, in this order (default: every term except the intercept).
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        Columns ``term, odds_ratio, or_ci_lower, or_ci_upper, ame, ame_ci_lower,
        ame_ci_upper, p_value``; the average marginal effect (AME) is the change in the
        probability of the outcome per unit of the term, averaged over firms.

    Raises
    ------
    TypeError
        ``result`` is not a fitted logit.
    ValueError
        A term not in the model; ``alpha`` outside (0, 1).

    Examples
    --------
    >>> from clusternet.samples.pipelines import norway_survey
    >>> table = pipeline_results_table(fit_pipeline_logit(norway_survey(seed=3)), ["partners_international"])
    >>> list(table.columns)[:4]
    ['term', 'odds_ratio', 'or_ci_lower', 'or_ci_upper']

    References
    ----------
    - Greene, W. H. (2012). *Econometric Analysis*, 7th ed., chapter 17 (binary choice).
    """
    _require_logit(result)
    names = [t for t in result.params.index if t != "Intercept"]
    terms = names if terms is None else list(_require_names(terms, "terms"))
    odds = models.coefficient_table(result, exponentiate=True, alpha=alpha, terms=terms)
    ame = models.average_marginal_effects(result, alpha=alpha).set_index("term")
    unknown = [t for t in terms if t not in ame.index]
    if unknown:
        raise ValueError(
            f"terms {format_items(unknown)} have no marginal effect (is it the intercept?)"
        )
    ame = ame.loc[terms]
    return pd.DataFrame(
        {
            "term": odds["term"].to_numpy(),
            "odds_ratio": odds["estimate"].to_numpy(),
            "or_ci_lower": odds["ci_lower"].to_numpy(),
            "or_ci_upper": odds["ci_upper"].to_numpy(),
            "ame": ame["effect"].to_numpy(),
            "ame_ci_lower": ame["ci_lower"].to_numpy(),
            "ame_ci_upper": ame["ci_upper"].to_numpy(),
            "p_value": odds["p_value"].to_numpy(),
        }
    )


def _require_logit(result):
    model = getattr(result, "model", None)
    if model is None or type(model).__name__ != "Logit" or not hasattr(result, "params"):
        raise TypeError(f"result must be a fitted statsmodels logit, got {type(result).__name__}")
    return result


def _require_terms(result, numerator, denominator):
    for term, label in ((numerator, "numerator"), (denominator, "denominator")):
        if not isinstance(term, str):
            raise TypeError(f"{label} must be a term name (str), got {type(term).__name__}")
        if term not in result.params.index:
            raise ValueError(
                f"{label} {term!r} is not a term of the model; it has {list(result.params.index)}"
            )
    if numerator == denominator:
        raise ValueError(
            "numerator and denominator are the same term; the ratio is 1 by definition"
        )


def fieller_ratio_interval(
    result, numerator: str, denominator: str, *, alpha: float = 0.05
) -> dict:
    """Fieller confidence set for the ratio of two coefficients.

    The set holds every ratio ``r`` that a Wald test of ``b1 - r b2 = 0`` does not
    reject. It is a bounded interval when the denominator is significantly different
    from zero; otherwise it is unbounded (two rays, or the whole line), which is the
    honest answer when a ratio's denominator could be zero. The delta-method interval of
    :func:`clusternet.models.coefficient_ratio` is always bounded and can then mislead.

    Parameters
    ----------
    result : statsmodels results
        A fitted model.
    numerator, denominator : str
        Terms of the model.
    alpha : float
        1 - confidence level.

    Returns
    -------
    dict
        ``estimate`` (``b1 / b2``); ``kind``: ``"bounded"``, ``"two rays"`` or ``"whole
        line"`` (``"one ray"`` in the knife-edge case); ``pieces``: list of
        ``(lower, upper)`` tuples making up the set (``-inf``/``inf`` for unbounded
        ends); ``ci_lower``, ``ci_upper``: the piece that
        contains the estimate.

    Raises
    ------
    TypeError, ValueError
        Terms that are not strings or not in the model, equal terms, a zero denominator
        estimate, ``alpha`` outside (0, 1).

    Examples
    --------
    >>> from clusternet.samples.pipelines import norway_survey
    >>> result = fit_pipeline_logit(norway_survey(seed=3))
    >>> out = fieller_ratio_interval(result, "partners_international", "partners_regional")
    >>> out["ci_lower"] <= out["estimate"] <= out["ci_upper"]
    True

    References
    ----------
    - Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
      Statistical Society B* 16(2), 175-185.
    - Franz, V. H. (2007). Ratios: a short guide to confidence limits and proper use.
      arXiv:0710.2024.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    _require_terms(result, numerator, denominator)
    b1, b2 = float(result.params[numerator]), float(result.params[denominator])
    if b2 == 0:
        raise ValueError(
            f"denominator {denominator!r} has a coefficient of exactly 0; the ratio is undefined"
        )
    cov = result.cov_params()
    return models.fieller_interval(
        b1,
        b2,
        float(cov.loc[numerator, numerator]),
        float(cov.loc[denominator, denominator]),
        float(cov.loc[numerator, denominator]),
        alpha=alpha,
    )


def _refit_logit(y, X, start, varying=None):
    """Refit a logit with statsmodels on a prepared design; None if it does not converge.

    ``varying`` marks the columns that vary in the full sample; a resample in which one of
    them is constant (a dummy with no firms) cannot identify its coefficient and fails.
    The design's rank is not re-checked by statsmodels (``check_rank=False``): the QR
    decomposition it needs costs more than the fit.
    """
    if varying is not None and not np.all(np.ptp(X[:, varying], axis=0) > 0):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # separation / convergence warnings: counted as failures
        try:
            fit = sm.Logit(y, X, check_rank=False).fit(start_params=start, disp=0, maxiter=50)
        except (np.linalg.LinAlgError, ValueError, PerfectSeparationError):
            return None
    beta = np.asarray(fit.params, dtype=float)
    if not fit.mle_retvals.get("converged", False) or not np.all(np.isfinite(beta)):
        return None
    return beta


def bootstrap_ratio_interval(
    result, numerator: str, denominator: str, *, n_boot: int = 999, alpha: float = 0.05, seed=None
) -> dict:
    """Percentile bootstrap interval for the ratio of two logit coefficients.

    Firms are resampled with replacement and the logit is refitted on each resample with
    statsmodels (``statsmodels.api.Logit``) on the rows of the design matrix the formula
    API built for ``result``, started from the full-sample estimates. Rebuilding the
    design from the formula for every replicate would give the same numbers, several
    times slower.

    Parameters
    ----------
    result : statsmodels LogitResults
        The fitted logit (no weights, no offset).
    numerator, denominator : str
        Terms of the model.
    n_boot : int
        Number of bootstrap replicates (at least 99).
    alpha : float
        1 - confidence level.
    seed : int, numpy.random.Generator or None
        Random seed.

    Returns
    -------
    dict
        ``estimate, ci_lower, ci_upper`` (percentile interval), ``share_opposite_sign``
        (share of replicates whose ratio has the other sign), ``n_boot``, ``n_failed``
        (replicates that did not converge or could not identify every coefficient, e.g.
        separation or a dummy with no firms in the resample; they are dropped), and
        ``draws`` (the replicate ratios, a NumPy array).

    Raises
    ------
    TypeError
        ``result`` is not a statsmodels logit; bad seed.
    ValueError
        Bad terms, ``n_boot`` below 99, ``alpha`` outside (0, 1), or more than 5% of the
        replicates failing to converge.

    Examples
    --------
    >>> from clusternet.samples.pipelines import norway_survey
    >>> result = fit_pipeline_logit(norway_survey(seed=3))
    >>> boot = bootstrap_ratio_interval(result, "partners_international", "partners_regional", n_boot=99, seed=1)
    >>> boot["n_boot"], boot["n_failed"]
    (99, 0)

    References
    ----------
    - Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*,
      chapter 13 (percentile intervals). Chapman and Hall.
    """
    _require_logit(result)
    _require_terms(result, numerator, denominator)
    n_boot = require_positive_int(n_boot, "n_boot", minimum=99)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    rng = require_seed(seed)
    y = np.asarray(result.model.endog, dtype=float)
    X = np.asarray(result.model.exog, dtype=float)
    names = list(result.model.exog_names)
    i, j = names.index(numerator), names.index(denominator)
    start = np.asarray(result.params, dtype=float)
    varying = np.ptp(X, axis=0) > 0
    n = len(y)
    draws = np.empty(n_boot)
    for k in range(n_boot):
        rows = rng.integers(0, n, n)
        beta = _refit_logit(y[rows], X[rows], start, varying)
        draws[k] = np.nan if beta is None or beta[j] == 0 else beta[i] / beta[j]
    failed = int(np.isnan(draws).sum())
    if failed > 0.05 * n_boot:
        raise ValueError(
            f"{failed} of {n_boot} bootstrap replicates did not converge (separation?); "
            "the bootstrap interval would be unreliable"
        )
    kept = draws[~np.isnan(draws)]
    estimate = float(result.params[numerator] / result.params[denominator])
    lower, upper = np.quantile(kept, [alpha / 2, 1 - alpha / 2])
    return {
        "estimate": estimate,
        "ci_lower": float(lower),
        "ci_upper": float(upper),
        "share_opposite_sign": float(np.mean(np.sign(kept) != np.sign(estimate))),
        "n_boot": n_boot,
        "n_failed": failed,
        "draws": kept,
    }


def pipeline_effect_comparison(
    result,
    numerator: str = "partners_international",
    denominator: str = "partners_regional",
    *,
    alpha: float = 0.05,
    n_boot: int = 0,
    seed=None,
) -> pd.DataFrame:
    """Compare two effects: their difference and their ratio, each with an interval.

    "Pipelines are four times more powerful than local interaction" is a claim about
    the ratio of two logit coefficients (equal to the ratio of their average marginal
    effects in a logit without interactions). The table gives the difference of the
    coefficients (a Wald interval, always well defined), the ratio with a delta-method
    interval (:func:`clusternet.models.coefficient_ratio`), the Fieller set
    (:func:`fieller_ratio_interval`) and, if ``n_boot > 0``, a percentile bootstrap
    (:func:`bootstrap_ratio_interval`).

    Parameters
    ----------
    result : statsmodels LogitResults
        A fitted logit.
    numerator, denominator : str
        Terms of the model.
    alpha : float
        1 - confidence level.
    n_boot : int
        Bootstrap replicates (0 skips the bootstrap; otherwise at least 99).
    seed : int, numpy.random.Generator or None
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        Columns ``quantity, method, estimate, ci_lower, ci_upper, bounded``; for the
        Fieller row the interval is the piece of the confidence set that contains the
        estimate (``ci_upper`` may be ``inf``).

    Raises
    ------
    TypeError, ValueError
        As the helpers it calls.

    Examples
    --------
    >>> from clusternet.samples.pipelines import norway_survey
    >>> table = pipeline_effect_comparison(fit_pipeline_logit(norway_survey(seed=3)))
    >>> table["method"].tolist()
    ['Wald', 'delta method', 'Fieller']

    References
    ----------
    - Fieller, E. C. (1954). Some problems in interval estimation. *Journal of the Royal
      Statistical Society B* 16(2), 175-185.
    """
    _require_logit(result)
    _require_terms(result, numerator, denominator)
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    if isinstance(n_boot, bool) or not isinstance(n_boot, numbers.Integral) or n_boot < 0:
        raise ValueError(f"n_boot must be 0 (no bootstrap) or an integer >= 99, got {n_boot!r}")
    z = float(stats.norm.ppf(1 - alpha / 2))
    params, cov = result.params, result.cov_params()
    difference = float(params[numerator] - params[denominator])
    se = math.sqrt(
        float(
            cov.loc[numerator, numerator]
            + cov.loc[denominator, denominator]
            - 2 * cov.loc[numerator, denominator]
        )
    )
    delta = models.coefficient_ratio(result, numerator, denominator, alpha=alpha)
    fieller = fieller_ratio_interval(result, numerator, denominator, alpha=alpha)
    rows = [
        ("difference in log-odds", "Wald", difference, difference - z * se, difference + z * se),
        ("ratio", "delta method", delta["estimate"], delta["ci_lower"], delta["ci_upper"]),
        ("ratio", "Fieller", fieller["estimate"], fieller["ci_lower"], fieller["ci_upper"]),
    ]
    if n_boot:
        boot = bootstrap_ratio_interval(
            result, numerator, denominator, n_boot=n_boot, alpha=alpha, seed=seed
        )
        rows.append(
            (
                "ratio",
                "bootstrap (percentile)",
                boot["estimate"],
                boot["ci_lower"],
                boot["ci_upper"],
            )
        )
    table = pd.DataFrame(rows, columns=["quantity", "method", "estimate", "ci_lower", "ci_upper"])
    table["bounded"] = np.isfinite(table["ci_lower"]) & np.isfinite(table["ci_upper"])
    return table


def pipeline_complementarity(
    survey: pd.DataFrame,
    outcome: str = "product_innovation",
    *,
    local: str = "regional",
    distant: str = "international",
    controls: Sequence[str] = DEFAULT_CONTROLS,
    alpha: float = 0.05,
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    regions: Sequence[str] | None = CITY_REGIONS,
) -> pd.DataFrame:
    """Do firms with both local and distant partners gain more than the sum of the parts?

    Fits ``outcome ~ any_<local> * any_<distant> + controls`` and reports, for the four
    combinations of having local and distant partners, the average predicted
    probability of the outcome (every firm set to that combination, the rest of its data
    unchanged), and two tests of complementarity: the interaction odds ratio
    (complements on the odds scale if above 1) and the cross-difference
    ``P(both) - P(local only) - P(distant only) + P(neither)`` (complements on the
    probability scale if above 0). Intervals use the delta method.

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey with the outcome and controls.
    outcome : str
        A 0/1 column.
    local, distant : str
        Two scales from ``scales``.
    controls : sequence of str
        Control terms, as :func:`fit_pipeline_logit`.
    alpha : float
        1 - confidence level.
    partner_types, scales, regions
        As :func:`validate_collaboration_survey`.

    Returns
    -------
    pandas.DataFrame
        Columns ``quantity, scale, estimate, ci_lower, ci_upper`` with rows for
        ``neither``, ``local only``, ``distant only``, ``both`` (scale
        ``"probability"``), ``interaction`` (``"odds ratio"``) and ``cross-difference``
        (``"probability"``, a difference of probabilities).

    Raises
    ------
    TypeError, ValueError
        As :func:`fit_pipeline_logit`; ``local``/``distant`` equal or not in ``scales``;
        no firms in one of the four combinations.

    Examples
    --------
    >>> from clusternet.samples.pipelines import norway_survey
    >>> table = pipeline_complementarity(norway_survey(seed=3))
    >>> table["quantity"].tolist()
    ['neither', 'local only', 'distant only', 'both', 'interaction', 'cross-difference']

    References
    ----------
    - Athey, S. and Stern, S. (1998). An empirical framework for testing theories about
      complementarity in organizational design. NBER Working Paper 6600.
    - Bathelt, H., Malmberg, A. and Maskell, P. (2004). Clusters and knowledge: local
      buzz, global pipelines and the process of knowledge creation. *Progress in Human
      Geography* 28(1), 31-56.
    """
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    scales = _require_names(scales, "scales")
    for value, label in ((local, "local"), (distant, "distant")):
        if value not in scales:
            raise ValueError(f"{label} {value!r} is not one of scales {format_items(scales)}")
    if local == distant:
        raise ValueError("local and distant must be different scales")
    validate_collaboration_survey(
        survey, partner_types=partner_types, scales=scales, regions=regions
    )
    data = add_partner_counts(survey, partner_types=partner_types, scales=scales)
    a, b = f"any_{local}", f"any_{distant}"
    groups = pd.crosstab(data[a], data[b]).reindex(index=[0, 1], columns=[0, 1], fill_value=0)
    if (groups.to_numpy() == 0).any():
        raise ValueError(
            f"some combinations of {a} and {b} have no firms; complementarity cannot be tested"
        )
    result = _fit_interaction(data, outcome, a, b, controls)
    names = list(result.model.exog_names)
    X = np.asarray(result.model.exog, dtype=float)
    beta = np.asarray(result.params, dtype=float)
    V = np.asarray(result.cov_params(), dtype=float)
    ia, ib, iab = names.index(a), names.index(b), names.index(f"{a}:{b}")
    means, grads = [], []
    for va, vb in ((0, 0), (1, 0), (0, 1), (1, 1)):
        Xs = X.copy()
        Xs[:, ia], Xs[:, ib], Xs[:, iab] = va, vb, va * vb
        p = 1.0 / (1.0 + np.exp(-(Xs @ beta)))
        means.append(p.mean())
        grads.append((p * (1 - p)) @ Xs / len(p))
    z = float(stats.norm.ppf(1 - alpha / 2))
    rows = []
    for label, m, g in zip(
        ("neither", "local only", "distant only", "both"), means, grads, strict=True
    ):
        se = math.sqrt(float(g @ V @ g))
        rows.append((label, "probability", m, m - z * se, m + z * se))
    odds = models.coefficient_table(
        result, exponentiate=True, alpha=alpha, terms=[f"{a}:{b}"]
    ).iloc[0]
    rows.append(("interaction", "odds ratio", odds["estimate"], odds["ci_lower"], odds["ci_upper"]))
    weights = np.array([1.0, -1.0, -1.0, 1.0])
    cross = float(weights @ np.array(means))
    g = weights @ np.vstack(grads)
    se = math.sqrt(float(g @ V @ g))
    rows.append(("cross-difference", "probability", cross, cross - z * se, cross + z * se))
    return pd.DataFrame(rows, columns=["quantity", "scale", "estimate", "ci_lower", "ci_upper"])


def _fit_interaction(data, outcome, a, b, controls):
    if not isinstance(outcome, str):
        raise TypeError(f"outcome must be a column name (str), got {type(outcome).__name__}")
    require_columns(data, [outcome], "survey")
    if isinstance(controls, str) or any(not isinstance(c, str) or not c.strip() for c in controls):
        raise TypeError("controls must be a list or tuple of formula terms (strings)")
    formula = f"{outcome} ~ {a} + {b} + {a}:{b}" + "".join(f" + {c}" for c in controls)
    return models.fit_logit(formula, data)


def pipeline_calibration_table(
    survey: pd.DataFrame, targets: Mapping | None = None, *, alpha: float = 0.05
) -> pd.DataFrame:
    """How close a survey comes to the figures its sample generator was calibrated to.

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey with ``product_innovation`` and the default controls
        (normally the sample survey, ``clusternet.data.load("norway_firm_survey")``).
    targets : mapping, optional
        Calibration targets as in
        ``clusternet.samples.pipelines.CALIBRATION_TARGETS`` (keys
        ``share_regional``, ``share_international``, ``odds_ratio_international``,
        ``effect_ratio``, each a dict with ``value``); the default is that dict.
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per target: ``target, basis, calibrated, sample, ci_lower, ci_upper,
        covered``. ``basis`` says where the target comes from, ``calibrated`` is the
        value the generator reproduces in expectation (for the regional odds ratio, the
        value implied by the international odds ratio and the four-fold ratio),
        ``sample`` the estimate in ``survey`` with its interval (Wilson for shares,
        Wald for odds ratios, Fieller for the ratio, whose upper end may be ``inf``),
        and ``covered`` whether the interval contains the calibrated value.

    Raises
    ------
    TypeError, ValueError
        Bad survey or targets (missing keys, non-positive values).

    Examples
    --------
    >>> from clusternet.samples.pipelines import norway_survey
    >>> pipeline_calibration_table(norway_survey(seed=3))["target"].tolist()[:2]
    ['firms with a regional partner', 'firms with an international partner']

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not
      suffice. *Environment and Planning A* 43(6).
    """
    if targets is None:
        from clusternet.samples.pipelines import CALIBRATION_TARGETS as targets
    if not isinstance(targets, Mapping):
        raise TypeError(f"targets must be a mapping, got {type(targets).__name__}")
    keys = ("share_regional", "share_international", "odds_ratio_international", "effect_ratio")
    missing = [k for k in keys if k not in targets]
    if missing:
        raise ValueError(f"targets is missing {format_items(missing)}")
    values = {}
    for key in keys:
        entry = targets[key]
        value = entry.get("value") if isinstance(entry, Mapping) else entry
        values[key] = require_real(value, f"targets[{key!r}]", minimum=0.0, inclusive=False)
    for key in ("share_regional", "share_international"):
        if values[key] > 1:
            raise ValueError(
                f"targets[{key!r}] is a share and must lie in (0, 1], got {values[key]}"
            )
    profile = collaboration_profile(survey, scales=SCALES, alpha=alpha).set_index(
        ["scale", "partner_type"]
    )
    result = fit_pipeline_logit(survey, "product_innovation")
    odds = models.coefficient_table(
        result,
        exponentiate=True,
        alpha=alpha,
        terms=["partners_international", "partners_regional"],
    ).set_index("term")
    fieller = fieller_ratio_interval(
        result, "partners_international", "partners_regional", alpha=alpha
    )
    implied_regional = math.exp(
        math.log(values["odds_ratio_international"]) / values["effect_ratio"]
    )
    rows = []
    for label, scale, key in (
        ("firms with a regional partner", "regional", "share_regional"),
        ("firms with an international partner", "international", "share_international"),
    ):
        row = profile.loc[(scale, "any")]
        rows.append(
            (label, "press claim", values[key], row["share"], row["ci_lower"], row["ci_upper"])
        )
    rows.append(
        (
            "odds ratio per international partner type",
            "press claim",
            values["odds_ratio_international"],
            *odds.loc["partners_international", ["estimate", "ci_lower", "ci_upper"]],
        )
    )
    rows.append(
        (
            "odds ratio per regional partner type",
            "implied by the two claims",
            implied_regional,
            *odds.loc["partners_regional", ["estimate", "ci_lower", "ci_upper"]],
        )
    )
    rows.append(
        (
            "international / regional effect (log-odds)",
            "press claim",
            values["effect_ratio"],
            fieller["estimate"],
            fieller["ci_lower"],
            fieller["ci_upper"],
        )
    )
    table = pd.DataFrame(
        rows, columns=["target", "basis", "calibrated", "sample", "ci_lower", "ci_upper"]
    )
    table = table.astype({c: float for c in ["calibrated", "sample", "ci_lower", "ci_upper"]})
    covered = (table["ci_lower"] <= table["calibrated"]) & (
        table["calibrated"] <= table["ci_upper"]
    )
    if fieller["kind"] != "bounded":  # the calibrated ratio is covered if it lies in any piece
        r = values["effect_ratio"]
        covered.iloc[-1] = any(lo <= r <= hi for lo, hi in fieller["pieces"])
    return table.assign(covered=covered.astype(bool))


#: the bootstrap the chapter runs (replicates, seed)
CHAPTER_BOOTSTRAP = {"n_boot": 999, "seed": 1}


def key_results() -> dict[str, float]:
    """The chapter's headline numbers, recomputed from the committed sample data.

    Names are identical to the glue names of the global-pipelines chapter, which calls
    the same helpers with the same arguments. Everything is computed on **sample data**
    (``clusternet.data.load("norway_firm_survey")``).

    Returns
    -------
    dict of str to float
        Shares of firms with a regional / international partner (fractions); odds ratios
        per regional and international partner type with 95% limits; the average marginal
        effect of an international partner type in percentage points with limits; the
        international / regional effect ratio and the lower end of its Fieller set; the
        difference in log-odds with limits; the complementarity cross-difference in
        percentage points with limits.

    Raises
    ------
    FileNotFoundError
        The sample data file is missing (run ``python -m clusternet.samples``).

    Examples
    --------
    >>> numbers = key_results()  # doctest: +SKIP
    >>> round(numbers["fitjar_share_regional"], 3)  # doctest: +SKIP
    0.791

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not
      suffice. *Environment and Planning A* 43(6).
    """
    from clusternet import data

    survey = data.load("norway_firm_survey")
    profile = collaboration_profile(survey).set_index(["scale", "partner_type"])
    headline = fit_pipeline_logit(survey, "product_innovation")
    table = pipeline_results_table(headline, list(SCALE_REGRESSORS)).set_index("term")
    comparison = pipeline_effect_comparison(headline, **CHAPTER_BOOTSTRAP).set_index("method")
    fieller = fieller_ratio_interval(headline, "partners_international", "partners_regional")
    complementarity = pipeline_complementarity(survey).set_index("quantity")
    out = {
        "fitjar_share_regional": profile.loc[("regional", "any"), "share"],
        "fitjar_share_international": profile.loc[("international", "any"), "share"],
    }
    for scale in ("international", "regional"):
        row = table.loc[f"partners_{scale}"]
        out[f"fitjar_or_{scale}"] = row["odds_ratio"]
        out[f"fitjar_or_{scale}_ci_lower"] = row["or_ci_lower"]
        out[f"fitjar_or_{scale}_ci_upper"] = row["or_ci_upper"]
    row = table.loc["partners_international"]
    out["fitjar_ame_international"] = 100 * row["ame"]
    out["fitjar_ame_international_ci_lower"] = 100 * row["ame_ci_lower"]
    out["fitjar_ame_international_ci_upper"] = 100 * row["ame_ci_upper"]
    out["fitjar_effect_ratio"] = fieller["estimate"]
    out["fitjar_effect_ratio_fieller_lower"] = fieller["ci_lower"]
    row = comparison.loc["Wald"]
    out["fitjar_log_odds_difference"] = row["estimate"]
    out["fitjar_log_odds_difference_ci_lower"] = row["ci_lower"]
    out["fitjar_log_odds_difference_ci_upper"] = row["ci_upper"]
    row = complementarity.loc["cross-difference"]
    out["fitjar_cross_difference"] = 100 * row["estimate"]
    out["fitjar_cross_difference_ci_lower"] = 100 * row["ci_lower"]
    out["fitjar_cross_difference_ci_upper"] = 100 * row["ci_upper"]
    return {name: float(value) for name, value in out.items()}
