"""The calibration check of the global-pipelines chapter's sample survey (a private helper).

:func:`calibration_table` sets the one committed draw of the sample survey against each
figure its generator was calibrated to. It is specific to this chapter's sample data, so it
lives in the book layer, beside :mod:`clusternet.book.global_pipelines`, which calls it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from clusternet import models, pipelines
from clusternet._validation import format_items, require_real
from clusternet.catalog.pipelines import SCALES

__all__ = ["TARGET_KEYS", "calibration_table"]

#: the calibration targets the table checks (rows of ``calibration_targets.csv``)
TARGET_KEYS = ("share_regional", "share_international", "odds_ratio_international", "effect_ratio")


def _target_values(targets) -> dict[str, float]:
    if isinstance(targets, pd.Series):
        targets = targets.to_dict()
    if not isinstance(targets, Mapping):
        raise TypeError(f"targets must be a mapping or Series, got {type(targets).__name__}")
    missing = [k for k in TARGET_KEYS if k not in targets]
    if missing:
        raise ValueError(f"targets is missing {format_items(missing)}")
    values = {
        key: require_real(targets[key], f"targets[{key!r}]", minimum=0.0, inclusive=False)
        for key in TARGET_KEYS
    }
    for key in ("share_regional", "share_international"):
        if values[key] > 1:
            raise ValueError(
                f"targets[{key!r}] is a share and must lie in (0, 1], got {values[key]}"
            )
    return values


def calibration_table(
    survey: pd.DataFrame,
    targets,
    *,
    controls: Sequence[str],
    regions: Sequence[str] | None,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """How close a survey comes to the figures its sample generator was calibrated to.

    Parameters
    ----------
    survey : pandas.DataFrame
        A collaboration survey with ``product_innovation`` and the columns ``controls``
        use (normally the sample survey, ``clusternet.data.load("norway_firm_survey")``).
    targets : mapping or pandas.Series
        Target -> calibrated value, with the keys ``share_regional``,
        ``share_international``, ``odds_ratio_international`` and ``effect_ratio`` (as
        ``data/sample-norway/calibration_targets.csv``, indexed by ``target``).
    controls : sequence of str
        Control terms of the product-innovation logit.
    regions : sequence of str or None
        Allowed city-regions (``None``: not checked).
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
        and ``covered`` whether the interval contains the calibrated value (for a Fieller
        set of two rays, whether any piece of the set does).

    Raises
    ------
    TypeError, ValueError
        Bad survey or targets (not a mapping, missing keys, non-positive values, a share
        above 1).

    Examples
    --------
    >>> from clusternet import data
    >>> targets = data.load("norway_calibration_targets").set_index("target")["value"]
    >>> table = calibration_table(data.load("norway_firm_survey"), targets, controls=(), regions=None)
    >>> table["target"].tolist()[:2]
    ['firms with a regional partner', 'firms with an international partner']

    References
    ----------
    - Fitjar, R. D. and Rodriguez-Pose, A. (2011). When local interaction does not
      suffice. *Environment and Planning A* 43(6).
    """
    values = _target_values(targets)
    profile = pipelines.collaboration_profile(
        survey, scales=SCALES, regions=regions, alpha=alpha
    ).set_index(["scale", "partner_type"])
    result = pipelines.fit_pipeline_logit(
        survey, "product_innovation", controls=controls, regions=regions
    )
    odds = models.coefficient_table(
        result,
        exponentiate=True,
        alpha=alpha,
        terms=["partners_international", "partners_regional"],
    ).set_index("term")
    fieller = models.fieller_ratio_interval(
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
            fieller.estimate,
            fieller.ci_lower,
            fieller.ci_upper,
        )
    )
    table = pd.DataFrame(
        rows, columns=["target", "basis", "calibrated", "sample", "ci_lower", "ci_upper"]
    )
    table = table.astype({c: float for c in ["calibrated", "sample", "ci_lower", "ci_upper"]})
    covered = (table["ci_lower"] <= table["calibrated"]) & (
        table["calibrated"] <= table["ci_upper"]
    )
    if fieller.kind != "bounded":  # the calibrated ratio is covered if it lies in any piece
        r = values["effect_ratio"]
        covered.iloc[-1] = any(lo <= r <= hi for lo, hi in fieller.pieces)
    return table.assign(covered=covered.astype(bool))
