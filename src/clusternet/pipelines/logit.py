"""Logit models of innovation on collaboration, reported as odds ratios and marginal effects."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from clusternet import models
from clusternet._validation import format_items, require_columns
from clusternet.catalog.pipelines import PARTNER_TYPES, SCALES
from clusternet.pipelines._common import require_controls, require_logit, require_names
from clusternet.pipelines.survey import (
    INNOVATION_MODES,
    add_mode_counts,
    add_partner_counts,
    validate_collaboration_survey,
)

__all__ = ["SCALE_REGRESSORS", "fit_pipeline_logit", "pipeline_results_table"]

#: regressors of the headline model: number of partner types at each scale
SCALE_REGRESSORS = tuple(f"partners_{scale}" for scale in SCALES)


def fit_pipeline_logit(
    survey: pd.DataFrame,
    outcome: str = "product_innovation",
    *,
    regressors: Sequence[str] = SCALE_REGRESSORS,
    controls: Sequence[str] = (),
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    regions: Sequence[str] | None = None,
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
        Formula terms added as controls (may use ``np.log`` and ``C()``); the default, an
        empty tuple, fits the regressors alone.
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
    >>> from clusternet import data
    >>> survey = data.load("norway_firm_survey")
    >>> result = fit_pipeline_logit(survey, controls=["np.log(employees)"])
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
    regressors = require_names(regressors, "regressors")
    controls = require_controls(controls)
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
    >>> from clusternet import data
    >>> survey = data.load("norway_firm_survey")
    >>> table = pipeline_results_table(fit_pipeline_logit(survey), ["partners_international"])
    >>> list(table.columns)[:4]
    ['term', 'odds_ratio', 'or_ci_lower', 'or_ci_upper']

    References
    ----------
    - Greene, W. H. (2012). *Econometric Analysis*, 7th ed., chapter 17 (binary choice).
    """
    require_logit(result)
    names = [t for t in result.params.index if t != "Intercept"]
    terms = names if terms is None else list(require_names(terms, "terms"))
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
