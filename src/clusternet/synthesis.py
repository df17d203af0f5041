"""Policy synthesis: every chapter's headline results in one place, set against the claims.

The synthesis chapter and the briefing never retype a number. They call
:func:`chapter_results`, which runs each chapter's ``key_results()`` in
:mod:`clusternet.book` (the same analysis steps the chapter calls, on the same committed
data), and :func:`evidence_table`,
which sets each claim of the sources (``data/evidence/claims.csv``, with the verification
status recorded in the research notes) against what this report's reproduction finds.

References
----------
- Delgado, M., Porter, M. E. and Stern, S. (2014). Clusters, convergence, and economic
  performance. *Research Policy* 43(10).
- Fitjar, R. D. and Rodríguez-Pose, A. (2011). When local interaction does not suffice.
  *Environment and Planning A* 43(6).
"""

from __future__ import annotations

import math

import pandas as pd

from clusternet._validation import format_items, require_columns, require_dataframe
from clusternet.book import CHAPTERS, chapter_module
from clusternet.data import get_spec
from clusternet.glue import format_number

__all__ = [
    "STRENGTH_LEVELS",
    "chapter_results",
    "format_estimate",
    "evidence_table",
    "strength_of_evidence",
]

#: Strength-of-evidence grades, strongest first (see :func:`strength_of_evidence`).
STRENGTH_LEVELS = (
    "tested on real data",
    "method checked on sample data",
    "sourced figure, not reproduced",
    "claim, not verified",
)

#: Columns of the claims register, as its data spec declares them (written once, there).
CLAIM_COLUMNS = list(get_spec("evidence_claims").columns)


def chapter_results(chapters=None) -> dict[str, float]:
    """Recompute the headline results of the chapters with their ``key_results()``.

    Parameters
    ----------
    chapters : iterable of str, optional
        Chapter names (keys of :data:`clusternet.book.CHAPTERS`); default all.

    Returns
    -------
    dict
        Glue name -> exact value, the same numbers the chapters publish (a build test
        checks that they agree).

    Raises
    ------
    ValueError
        An unknown chapter name.

    Examples
    --------
    >>> results = chapter_results(["global-pipelines"])  # doctest: +SKIP
    >>> round(results["fitjar_or_international"], 2)  # doctest: +SKIP
    1.29
    """
    chapters = list(CHAPTERS) if chapters is None else list(chapters)
    unknown = [c for c in chapters if c not in CHAPTERS]
    if unknown:
        raise ValueError(
            f"unknown chapter(s) {format_items(unknown)}; known: {format_items(CHAPTERS)}"
        )
    results: dict[str, float] = {}
    for chapter in chapters:
        results.update(chapter_module(chapter).key_results())
    return results


def format_estimate(
    results: dict,
    key: str,
    *,
    lower_key: str | None = None,
    upper_key: str | None = None,
    digits: int = 2,
    percent: bool = False,
    unit: str = "",
) -> str:
    """Format a result with its 95% confidence interval, e.g. ``"1.29 (1.17 to 1.42)"``.

    Parameters
    ----------
    results : dict
        Name -> value, as from :func:`chapter_results`.
    key : str
        The estimate's name.
    lower_key, upper_key : str, optional
        Names of the interval's bounds. A bound may be absent (an unbounded interval,
        such as a Fieller interval whose denominator is not significant); it is then
        shown as "no upper limit" / "no lower limit".
    digits, percent
        As :func:`clusternet.glue.format_number`.
    unit : str
        Appended after the estimate (e.g. "pp a year").

    Returns
    -------
    str

    Raises
    ------
    KeyError
        A named key is not in ``results``.
    TypeError
        ``results`` is not a dict.
    """
    if not isinstance(results, dict):
        raise TypeError(f"results must be a dict of name -> value, got {type(results).__name__}")
    for name in (key, lower_key, upper_key):
        if name and name not in results:
            raise KeyError(f"result {name!r} is not among the chapter results")

    def show(name):
        return format_number(results[name], digits=digits, percent=percent)

    text = show(key) + (f" {unit}" if unit else "")
    if lower_key or upper_key:
        low = show(lower_key) if lower_key else "no lower limit"
        high = show(upper_key) if upper_key else "no upper limit"
        text += f" (95% CI {low} to {high})"
    return text


def strength_of_evidence(source_status: str, data_kind: str, reproduced: bool) -> str:
    """Grade a claim by what supports it: the rule behind the evidence table.

    Parameters
    ----------
    source_status : {"verified", "verified-secondary", "unverified"}
        Whether the figure was seen in the source (research notes, ``papers.md``).
    data_kind : {"real", "sample", "none"}
        The data this report reproduces it on.
    reproduced : bool
        Whether this report computes a comparable result.

    Returns
    -------
    str
        One of :data:`STRENGTH_LEVELS`: "tested on real data" when the report
        computes it from real data; "method checked on sample data" when only sample
        data are available; otherwise "sourced figure, not reproduced" for verified
        figures and "claim, not verified" for the rest.

    Raises
    ------
    ValueError
        An unknown status or data kind.
    """
    if source_status not in ("verified", "verified-secondary", "unverified"):
        raise ValueError(
            f"source_status must be verified, verified-secondary or unverified, got {source_status!r}"
        )
    if data_kind not in ("real", "sample", "none"):
        raise ValueError(f"data_kind must be real, sample or none, got {data_kind!r}")
    if reproduced and data_kind == "real":
        return STRENGTH_LEVELS[0]
    if reproduced and data_kind == "sample":
        return STRENGTH_LEVELS[1]
    if source_status == "unverified":
        return STRENGTH_LEVELS[3]
    return STRENGTH_LEVELS[2]


def _claimed(row) -> str:
    low, high = row["claimed_low"], row["claimed_high"]
    if pd.isna(low):
        return "qualitative"
    digits = 0 if float(low).is_integer() and (pd.isna(high) or float(high).is_integer()) else 1
    text = format_number(float(low), digits=digits)
    if not pd.isna(high) and not math.isclose(float(high), float(low)):
        text += f" to {format_number(float(high), digits=digits)}"
    unit = row["claimed_unit"]
    return f"{text} {unit}" if isinstance(unit, str) and unit else text


def evidence_table(claims: pd.DataFrame, results: dict) -> pd.DataFrame:
    """Set each claim of the sources against this report's reproduction.

    Parameters
    ----------
    claims : pandas.DataFrame
        The evidence register (``clusternet.data.load("evidence_claims")``): one row per
        claim with its source, verification status, claimed value and the name of the
        chapter result that reproduces it (if any).
    results : dict
        Name -> value, from :func:`chapter_results`.

    Returns
    -------
    pandas.DataFrame
        Columns ``claim, source, status, claimed, reproduction, data, strength, caveat``,
        one row per claim, in the register's order.

    Raises
    ------
    TypeError
        ``claims`` is not a DataFrame or ``results`` not a dict.
    ValueError
        Missing columns, or a claim naming a result that no chapter computes.

    Examples
    --------
    >>> claims = pd.DataFrame([{
    ...     "claim_id": "c1", "chapter": "x", "claim": "Effect is positive", "source": "k",
    ...     "source_status": "verified", "claimed_low": 1.0, "claimed_high": None,
    ...     "claimed_unit": "pp", "result_key": "r", "lower_key": "r_lo", "upper_key": "r_hi",
    ...     "result_unit": "pp", "digits": 1, "percent": 0, "data_kind": "real", "caveat": ""}])
    >>> evidence_table(claims, {"r": 1.25, "r_lo": 0.5, "r_hi": 2.0})["reproduction"].iloc[0]
    '1.2 pp (95% CI 0.5 to 2.0)'
    """
    require_dataframe(claims, "claims")
    require_columns(claims, CLAIM_COLUMNS, "claims")
    if not isinstance(results, dict):
        raise TypeError(f"results must be a dict of name -> value, got {type(results).__name__}")
    named = pd.concat([claims["result_key"], claims["lower_key"], claims["upper_key"]]).dropna()
    missing = sorted(set(named) - set(results))
    if missing:
        raise ValueError(f"claims name results that no chapter computes: {format_items(missing)}")
    rows = []
    for _, row in claims.iterrows():
        reproduced = isinstance(row["result_key"], str) and bool(row["result_key"])
        if reproduced:
            reproduction = format_estimate(
                results,
                row["result_key"],
                lower_key=row["lower_key"] if isinstance(row["lower_key"], str) else None,
                upper_key=row["upper_key"] if isinstance(row["upper_key"], str) else None,
                digits=int(row["digits"]),
                percent=bool(row["percent"]),
                unit=row["result_unit"] if isinstance(row["result_unit"], str) else "",
            )
        else:
            reproduction = "not reproduced here"
        rows.append(
            {
                "claim": row["claim"],
                "source": row["source"],
                "status": row["source_status"],
                "claimed": _claimed(row),
                "reproduction": reproduction,
                "data": row["data_kind"],
                "strength": strength_of_evidence(
                    row["source_status"], row["data_kind"], reproduced
                ),
                "caveat": row["caveat"] if isinstance(row["caveat"], str) else "",
            }
        )
    return pd.DataFrame(rows)
