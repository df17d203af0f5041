"""The inverted U: success fitted on Q and Q squared, with the turning point and its intervals.

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(1)
>>> data = pd.DataFrame({"q": rng.uniform(0, 2, 200)})
>>> data["y"] = 2 * data["q"] - data["q"] ** 2 + rng.normal(0, 0.1, 200)
>>> fit_inverted_u(data, "y").turning_point.shape
'inverted U'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from clusternet import models
from clusternet._validation import (
    require_columns,
    require_dataframe,
    require_in,
    require_no_missing,
    require_nonempty,
    require_numeric_columns,
    require_real,
)

__all__ = ["TurningPoint", "InvertedUFit", "fit_inverted_u"]


@dataclass(frozen=True)
class TurningPoint:
    """The turning point ``-b1 / (2 b2)`` of a quadratic fit, with two intervals.

    Attributes
    ----------
    estimate, std_error : float
        The turning point and its delta-method standard error.
    ci_lower, ci_upper : float
        Delta-method confidence interval.
    shape : str
        ``"inverted U"`` (squared term negative) or ``"U"``.
    fieller_ci_lower, fieller_ci_upper : float
        Fieller's interval, which stays honest when the curvature is weakly estimated; it
        is unbounded, reported as -inf / +inf, when the squared term is not significantly
        non-zero.
    fieller_bounded : bool
        Whether Fieller's interval is a bounded interval.
    """

    estimate: float
    std_error: float
    ci_lower: float
    ci_upper: float
    shape: str
    fieller_ci_lower: float
    fieller_ci_upper: float
    fieller_bounded: bool

    def to_dict(self) -> dict:
        """All fields as a plain dict (one row of a table)."""
        return asdict(self)


@dataclass(frozen=True, eq=False)
class InvertedUFit:
    """A quadratic fit of an outcome on Q, with its turning point.

    Attributes
    ----------
    result : statsmodels results
        The fitted model.
    formula : str
        The formula fitted.
    model : str
        ``"ols"`` or ``"logit"``.
    coefficients : pandas.DataFrame
        Coefficient table with confidence intervals (``clusternet.models.coefficient_table``).
    turning_point : TurningPoint
        The turning point with its delta-method and Fieller intervals.
    slopes : pandas.DataFrame
        Slope of the linear predictor at the lowest and highest observed Q, with
        confidence intervals: an inverted U needs a positive slope at the low end and a
        negative one at the high end (Lind and Mehlum 2010).
    q_range : tuple of float
        Lowest and highest observed Q.
    """

    result: object
    formula: str
    model: str
    coefficients: pd.DataFrame
    turning_point: TurningPoint
    slopes: pd.DataFrame
    q_range: tuple
    _q: str = field(repr=False)
    _controls: tuple = field(repr=False)
    _means: dict = field(repr=False)

    @property
    def q_column(self) -> str:
        """Name of the Q column the model was fitted on."""
        return self._q

    @property
    def is_inverted_u(self) -> bool:
        """True when the slope is significantly positive at the low end and negative at the high end."""
        low, high = self.slopes.iloc[0], self.slopes.iloc[1]
        return bool(low["ci_lower"] > 0 and high["ci_upper"] < 0)

    def predict(self, q_values, *, alpha: float = 0.05) -> pd.DataFrame:
        """Predicted outcome (probability for a logit) at the given Q, controls at their means.

        Parameters
        ----------
        q_values : sequence of float
        alpha : float
            1 - confidence level.

        Returns
        -------
        pandas.DataFrame
            Columns ``q, predicted, ci_lower, ci_upper``.

        Raises
        ------
        ValueError
            ``alpha`` outside (0, 1), or ``q_values`` empty, not 1-D or not finite.
        """
        alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
        grid = np.asarray(q_values, dtype=float)
        if grid.ndim != 1 or grid.size == 0 or not np.isfinite(grid).all():
            raise ValueError("q_values must be a non-empty 1-D sequence of finite numbers")
        frame = pd.DataFrame({self._q: grid, f"{self._q}_squared": grid**2})
        for name in self._controls:
            frame[name] = self._means[name]
        summary = self.result.get_prediction(frame).summary_frame(alpha=alpha)
        if "mean" in summary.columns:  # OLS
            summary = summary.rename(
                columns={
                    "mean": "predicted",
                    "mean_ci_lower": "ci_lower",
                    "mean_ci_upper": "ci_upper",
                }
            )
        return pd.DataFrame(
            {
                "q": grid,
                "predicted": summary["predicted"].to_numpy(),
                "ci_lower": summary["ci_lower"].to_numpy(),
                "ci_upper": summary["ci_upper"].to_numpy(),
            }
        )


def _fieller_turning_point(b1: float, b2: float, cov: np.ndarray, alpha: float) -> dict:
    """Fieller set for the turning point ``-b1 / (2 b2)`` = ``b1 / (-2 b2)``.

    Bounded only when the squared term is significantly non-zero; otherwise reported as
    -inf / +inf with ``fieller_bounded=False``.
    """
    out = models.fieller_interval(
        b1,
        -2.0 * b2,
        float(cov[0, 0]),
        4.0 * float(cov[1, 1]),
        -2.0 * float(cov[0, 1]),
        alpha=alpha,
    )
    bounded = out.bounded
    return {
        "fieller_ci_lower": out.ci_lower if bounded else float("-inf"),
        "fieller_ci_upper": out.ci_upper if bounded else float("inf"),
        "fieller_bounded": bounded,
    }


def fit_inverted_u(
    data: pd.DataFrame,
    outcome: str,
    *,
    q: str = "q",
    controls=(),
    model: str = "ols",
    cluster: str | None = None,
    alpha: float = 0.05,
) -> InvertedUFit:
    """Fit ``outcome ~ Q + Q^2 + controls`` and locate the turning point with its interval.

    OLS for a continuous outcome (critics' reviews), logit for a 0/1 outcome (hit or flop),
    both with the statsmodels formula API through ``clusternet.models``. The turning point
    ``-b1 / (2 b2)`` gets a delta-method confidence interval and a Fieller interval; the
    slopes at the lowest and highest Q give Lind and Mehlum's test of the U shape. Because Q is measured once per
    year and shared by every show of that year, pass ``cluster="year"`` for standard errors
    that do not pretend each show is an independent draw of Q.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per observation (show).
    outcome : str
        Outcome column (0/1 for a logit).
    q : str
        Column holding Q.
    controls : sequence of str
        Numeric control columns.
    model : {"ols", "logit"}
    cluster : str, optional
        Column defining clusters for cluster-robust standard errors.
    alpha : float
        1 - confidence level of every interval.

    Returns
    -------
    InvertedUFit
        Fitted model, coefficient table, turning point, end-point slopes and Q range.

    Raises
    ------
    TypeError
        ``data`` not a DataFrame; non-numeric Q or controls.
    ValueError
        Missing columns or values, unknown model, Q constant, a logit outcome that is not
        0/1, and the model errors of ``clusternet.models``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> shows = pd.DataFrame({"q": rng.uniform(1, 3, 400)})
    >>> shows["reviews"] = 4 * shows["q"] - shows["q"] ** 2 + rng.normal(0, 0.2, 400)
    >>> fit = fit_inverted_u(shows, "reviews")
    >>> round(fit.turning_point.estimate, 1)
    2.0

    References
    ----------
    - Lind, J. T. and Mehlum, H. (2010). With or without U? The appropriate test for a
      U-shaped relationship. Oxford Bulletin of Economics and Statistics 72(1), 109-118.
    - Fieller, E. C. (1954). Some problems in interval estimation. Journal of the Royal
      Statistical Society B 16(2), 175-185.
    - Uzzi, B. and Spiro, J. (2005). Collaboration and creativity: the small world problem.
      American Journal of Sociology 111(2), 447-504.
    """
    require_dataframe(data, "data")
    if not isinstance(outcome, str) or not isinstance(q, str):
        raise TypeError("outcome and q must be column names (str)")
    if isinstance(controls, str):
        controls = (controls,)
    controls = tuple(controls)
    require_in(model, ("ols", "logit"), "model")
    columns = [outcome, q, *controls] + ([cluster] if cluster is not None else [])
    require_columns(data, columns, "data")
    require_nonempty(data[columns], "data")
    require_no_missing(data, "data", columns)
    require_numeric_columns(data, "data", [q, *controls])
    alpha = require_real(alpha, "alpha", minimum=0.0, maximum=1.0, inclusive=False)
    squared = f"{q}_squared"
    if squared in data.columns:
        raise ValueError(
            f"data already has a column {squared!r}; rename it, it is used for Q squared"
        )
    values = data[q].to_numpy(dtype=float)
    if np.ptp(values) == 0:
        raise ValueError(f"{q!r} is constant; a curve in Q needs variation in Q")
    frame = data[columns].assign(**{squared: values**2})
    formula = f"{outcome} ~ {' + '.join([q, squared, *controls])}"
    fitter = models.fit_ols if model == "ols" else models.fit_logit
    result = fitter(formula, frame, cluster=cluster)
    table = models.coefficient_table(result, alpha=alpha)
    delta = models.turning_point(result, q, squared, alpha=alpha)
    low, high = float(values.min()), float(values.max())
    params, cov = result.params, result.cov_params()
    z = float(stats.norm.ppf(1 - alpha / 2))
    turning = TurningPoint(
        estimate=delta.estimate,
        std_error=delta.std_error,
        ci_lower=delta.ci_lower,
        ci_upper=delta.ci_upper,
        shape=delta.shape,
        **_fieller_turning_point(
            params[q], params[squared], cov.loc[[q, squared], [q, squared]].to_numpy(), alpha
        ),
    )
    slope_rows = []
    for at in (low, high):
        gradient = np.array([1.0, 2.0 * at])
        sub = cov.loc[[q, squared], [q, squared]].to_numpy()
        slope = float(params[q] + 2.0 * params[squared] * at)
        se = float(np.sqrt(gradient @ sub @ gradient))
        slope_rows.append(
            {
                "q": at,
                "slope": slope,
                "std_error": se,
                "ci_lower": slope - z * se,
                "ci_upper": slope + z * se,
            }
        )
    means = {name: float(data[name].mean()) for name in controls}
    return InvertedUFit(
        result=result,
        formula=formula,
        model=model,
        coefficients=table,
        turning_point=turning,
        slopes=pd.DataFrame(slope_rows),
        q_range=(low, high),
        _q=q,
        _controls=controls,
        _means=means,
    )
