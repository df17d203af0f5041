"""The layer model: a firm's innovation on its ties in each layer (logit), and its effects.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from clusternet import models
from clusternet._validation import (
    require_columns,
    require_dataframe,
    require_nonempty,
    require_numeric_columns,
    require_real,
)
from clusternet.connections._common import LAYER_COUNT_COLUMNS, _formula

__all__ = ["fit_layer_model", "layer_effects", "layer_scenario_probabilities"]


def fit_layer_model(
    data: pd.DataFrame,
    *,
    outcome: str = "product_innovation",
    layers: Sequence[str] = LAYER_COUNT_COLUMNS,
    controls: Sequence[str] = (),
    cluster: str | None = None,
):
    r"""Logit of a firm's innovation (0/1) on its ties in each layer, with controls.

    .. math:: \Pr(y_i = 1) = \Lambda(\alpha + \beta_L n^{local}_i + \beta_E n^{external}_i
              + \beta_X n^{cross}_i + \gamma' z_i)

    where :math:`\Lambda` is the logistic function and :math:`z_i` the controls.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per firm, e.g. creative firms of :func:`connection_profile`.
    outcome : str
        0/1 outcome column.
    layers : sequence of str
        The layer measures (default: ties per layer, ``LAYER_COUNT_COLUMNS``).
    controls : sequence of str
        Extra formula terms, e.g. ``["np.log(employees)", "C(sector)", "C(place)"]``.
    cluster : str, optional
        Column defining clusters for cluster-robust standard errors.

    Returns
    -------
    statsmodels discrete results
        Pass to :func:`layer_effects`.

    Raises
    ------
    TypeError
        ``data`` is not a DataFrame, or ``layers`` / ``controls`` are not lists of strings.
    ValueError
        Missing outcome or layer columns, an outcome not coded 0/1, missing values,
        perfect separation (from ``clusternet.models.fit_logit``).

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame(rng.poisson(1.5, size=(400, 3)), columns=list(LAYER_COUNT_COLUMNS))
    >>> d["product_innovation"] = (rng.random(400) < 0.4).astype(int)
    >>> result = fit_layer_model(d)
    >>> list(result.params.index)
    ['Intercept', 'n_local', 'n_external', 'n_cross_sector']

    References
    ----------
    - Chapain et al. (2010), see the module references.
    """
    require_dataframe(data, "data")
    formula = _formula(outcome, layers, controls)
    require_columns(data, [outcome, *layers], "data")
    require_numeric_columns(data, "data", list(layers))
    return models.fit_logit(formula, data, cluster=cluster)


def layer_effects(
    result, *, layers: Sequence[str] = LAYER_COUNT_COLUMNS, alpha: float = 0.05
) -> pd.DataFrame:
    """Odds ratios and average marginal effects of one more tie in each layer.

    Parameters
    ----------
    result : statsmodels results
        A logit from :func:`fit_layer_model`.
    layers : sequence of str
        The layer terms of the model.
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per layer: ``layer``, ``coefficient`` (log-odds), ``odds_ratio``,
        ``or_ci_lower``, ``or_ci_upper``, ``ame`` (change in probability per tie),
        ``ame_ci_lower``, ``ame_ci_upper``, ``p_value``.

    Raises
    ------
    TypeError
        ``result`` is not a fitted discrete-choice model.
    ValueError
        A layer that is not a term of the model, or ``alpha`` outside (0, 1).

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame(rng.poisson(1.5, size=(400, 3)), columns=list(LAYER_COUNT_COLUMNS))
    >>> d["product_innovation"] = (rng.random(400) < 0.4).astype(int)
    >>> layer_effects(fit_layer_model(d))["layer"].tolist()
    ['local', 'external', 'cross_sector']

    References
    ----------
    - Greene, W. H. (2012). *Econometric Analysis*, 7th ed. (marginal effects).
    """
    if not hasattr(result, "get_margeff"):
        raise TypeError("result must be a fitted logit (from fit_layer_model)")
    layers = list(layers)
    odds = models.coefficient_table(result, exponentiate=True, alpha=alpha, terms=layers)
    ame = models.average_marginal_effects(result, alpha=alpha).set_index("term").loc[layers]
    names = [c[2:] if c.startswith("n_") else c for c in layers]
    return pd.DataFrame(
        {
            "layer": names,
            "coefficient": result.params[layers].to_numpy(),
            "odds_ratio": odds["estimate"].to_numpy(),
            "or_ci_lower": odds["ci_lower"].to_numpy(),
            "or_ci_upper": odds["ci_upper"].to_numpy(),
            "ame": ame["effect"].to_numpy(),
            "ame_ci_lower": ame["ci_lower"].to_numpy(),
            "ame_ci_upper": ame["ci_upper"].to_numpy(),
            "p_value": odds["p_value"].to_numpy(),
        }
    )


def layer_scenario_probabilities(
    result, scenarios: pd.DataFrame, *, alpha: float = 0.05
) -> pd.DataFrame:
    """Predicted innovation probability, with a confidence interval, for firm scenarios.

    The interval is computed on the log-odds scale and transformed, so it stays in
    [0, 1].

    Parameters
    ----------
    result : statsmodels results
        A fitted logit (e.g. from :func:`fit_layer_model`).
    scenarios : pandas.DataFrame
        One row per hypothetical firm, with every variable of the model's formula.
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        ``scenarios`` with ``probability``, ``ci_lower``, ``ci_upper`` added.

    Raises
    ------
    TypeError
        ``result`` is not a fitted logit or ``scenarios`` not a DataFrame.
    ValueError
        Empty ``scenarios``, variables missing from it, or ``alpha`` outside (0, 1).

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> d = pd.DataFrame(rng.poisson(1.5, size=(400, 3)), columns=list(LAYER_COUNT_COLUMNS))
    >>> d["product_innovation"] = (rng.random(400) < 0.4).astype(int)
    >>> new = pd.DataFrame({"n_local": [0, 1], "n_external": [0, 1], "n_cross_sector": [0, 1]})
    >>> list(layer_scenario_probabilities(fit_layer_model(d), new).columns)[-3:]
    ['probability', 'ci_lower', 'ci_upper']

    References
    ----------
    - statsmodels ``get_prediction`` (delta method on the linear predictor).
    """
    if not hasattr(result, "get_prediction") or not hasattr(result, "get_margeff"):
        raise TypeError("result must be a fitted logit")
    require_dataframe(scenarios, "scenarios")
    require_nonempty(scenarios, "scenarios")
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    try:
        frame = result.get_prediction(scenarios).summary_frame(alpha=alpha)
    except Exception as error:  # patsy / formulaic errors for missing variables
        raise ValueError(f"scenarios cannot be used with this model: {error}") from error
    return scenarios.assign(
        probability=frame["predicted"].to_numpy(),
        ci_lower=frame["ci_lower"].to_numpy(),
        ci_upper=frame["ci_upper"].to_numpy(),
    )
