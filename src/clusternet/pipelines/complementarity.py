"""Complementarity of local and distant partners ("buzz and pipelines together")."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from clusternet import models
from clusternet._validation import format_items, require_columns, require_real
from clusternet.catalog.pipelines import PARTNER_TYPES, SCALES
from clusternet.pipelines._common import require_controls, require_names
from clusternet.pipelines.survey import add_partner_counts, validate_collaboration_survey

__all__ = ["pipeline_complementarity"]


def pipeline_complementarity(
    survey: pd.DataFrame,
    outcome: str = "product_innovation",
    *,
    local: str = "regional",
    distant: str = "international",
    controls: Sequence[str] = (),
    alpha: float = 0.05,
    partner_types: Sequence[str] = PARTNER_TYPES,
    scales: Sequence[str] = SCALES,
    regions: Sequence[str] | None = None,
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
        Control terms, as :func:`fit_pipeline_logit` (default none).
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
    >>> from clusternet import data
    >>> survey = data.load("norway_firm_survey")
    >>> table = pipeline_complementarity(survey)
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
    scales = require_names(scales, "scales")
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
    controls = require_controls(controls)
    formula = f"{outcome} ~ {a} + {b} + {a}:{b}" + "".join(f" + {c}" for c in controls)
    return models.fit_logit(formula, data)
