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
import os
from datetime import UTC, datetime

import pandas as pd

from clusternet._validation import format_items, require_columns, require_dataframe
from clusternet._version import __version__
from clusternet.book import CHAPTERS, chapter_module
from clusternet.book.published import Published, PublishedValues, published_values
from clusternet.data import get_spec
from clusternet.glue import KeyNumber, Provenance, format_number, glue_number

__all__ = [
    "STRENGTH_LEVELS",
    "REGISTER",
    "chapter_results",
    "claim_provenance",
    "edition",
    "format_estimate",
    "evidence_table",
    "glue_quoted",
    "glue_with_interval",
    "real_q_results",
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

#: Provenance of the numbers the synthesis counts itself in its evidence register.
REGISTER = Provenance(
    "analysis setting",
    "evidence_claims",
    caveat="Counts of the report's evidence register, graded by its fixed rule; not a measurement.",
)

_BOUNDS = ("_ci_lower", "_ci_upper")


def chapter_results(chapters=None) -> PublishedValues:
    """Recompute the headline results of the chapters with their ``key_results()``.

    Parameters
    ----------
    chapters : iterable of str, optional
        Chapter names (keys of :data:`clusternet.book.CHAPTERS`); default all.

    Returns
    -------
    PublishedValues
        Glue name -> exact value, the same numbers the chapters publish (a build test
        checks that they agree); ``.published`` gives each number's wording, provenance
        and interval, so a page that quotes it can cite it the same way.

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
    results = PublishedValues()
    for chapter in chapters:
        chapter_values = chapter_module(chapter).key_results()
        results.update(chapter_values)
        results.published.update(getattr(chapter_values, "published", {}))
    return results


def glue_quoted(
    results: PublishedValues, name: str, key: str, *, interval_of: str = "", **wording
) -> KeyNumber:
    """Glue the chapter result ``key`` under ``name``, cited as its chapter publishes it.

    The number keeps the provenance and, for an estimate, the interval of the chapter's
    :class:`~clusternet.book.published.Published` (``results.published[key]``); only its
    wording (description, rounding, unit) is the page's own. A bound (``..._ci_lower``,
    ``..._ci_upper``) is glued as a bound of ``name`` without its suffix.

    Parameters
    ----------
    results : PublishedValues
        From :func:`chapter_results`.
    name : str
        The page's glue name.
    key : str
        The chapter's name of the number.
    interval_of : str, optional
        For a bound: the page's name of its estimate, when it is not ``name`` without the
        ``_ci_lower``/``_ci_upper`` suffix.
    **wording
        ``description`` (required) and the other keywords of
        :func:`clusternet.glue.glue_number`; ``headline`` defaults to False (the chapter
        publishes the headline).

    Returns
    -------
    KeyNumber

    Raises
    ------
    KeyError
        ``key`` is not among the results.
    """
    if key not in results:
        raise KeyError(f"result {key!r} is not among the chapter results")
    number = getattr(results, "published", {}).get(key)
    cited = {}
    if number is not None:
        cited["provenance"] = number.provenance
        is_bound = bool(number.interval_of) or key.endswith(_BOUNDS)
        if is_bound:
            cited["interval_of"] = interval_of or name.rsplit("_ci_", 1)[0]
        elif number.ci_lower is not None and number.ci_upper is not None:
            cited.update(
                estimate=number.estimate,
                ci_lower=number.ci_lower,
                ci_upper=number.ci_upper,
                ci_level=number.ci_level,
            )
    wording.setdefault("headline", False)
    return glue_number(name, results[key], **cited, **wording)


def glue_with_interval(results: PublishedValues, name: str, key: str, **wording) -> KeyNumber:
    """Glue an estimate under ``name`` and its interval as ``name_ci_lower``/``name_ci_upper``.

    The bounds come from the chapter's :class:`~clusternet.book.published.Published`
    (whatever its bounds are called in the chapter), with the estimate's provenance and
    wording; a number the chapter publishes without an interval is glued alone.

    Parameters
    ----------
    results, name, key, **wording
        As :func:`glue_quoted`.

    Returns
    -------
    KeyNumber
        The estimate.
    """
    number = glue_quoted(results, name, key, **wording)
    published = getattr(results, "published", {}).get(key)
    if published is None or published.ci_lower is None or published.ci_upper is None:
        return number
    wording.setdefault("headline", False)
    for bound in ("ci_lower", "ci_upper"):
        glue_number(
            f"{name}_{bound}",
            getattr(published, bound),
            provenance=published.provenance,
            interval_of=name,
            **wording,
        )
    return number


def claim_provenance(
    claims: pd.DataFrame, claim_id: str, source=(), *, vintage: str = "", caveat: str = ""
) -> Provenance:
    """Provenance of a figure quoted from the evidence register.

    Parameters
    ----------
    claims : pandas.DataFrame
        The evidence register (``clusternet.data.load("evidence_claims")``).
    claim_id : str
        The claim's row.
    source : str or tuple of str
        Bibliography keys of the figure's source, if it has one; the register
        (``evidence_claims``) is always added.
    vintage : str
        The source's publication year.
    caveat : str
        One line a reader must know before citing the figure.

    Returns
    -------
    Provenance
        "quoted and verified" for a figure the research notes mark verified (also when
        seen in a secondary source), "quoted and unverified" otherwise.

    Raises
    ------
    KeyError
        An unknown claim.
    """
    row = claims.set_index("claim_id").loc[claim_id]
    status = row["source_status"]
    kind = "quoted and unverified" if status == "unverified" else "quoted and verified"
    keys = (source,) if isinstance(source, str) else tuple(source)
    return Provenance(kind, (*keys, "evidence_claims"), vintage, caveat=caveat)


class _Text(str):
    """A string glued as text: its plain-text display has no quotes."""

    def __repr__(self) -> str:
        return str(self)


def edition() -> dict[str, str]:
    """The report's version and build date, for a page to state which edition it is.

    Returns
    -------
    dict
        ``version`` (``clusternet.__version__``) and ``date`` (ISO, UTC; from
        ``SOURCE_DATE_EPOCH`` when set, as the book's key-numbers file records it), as
        strings that display without quotes when glued with ``myst_nb.glue``.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch else datetime.now(tz=UTC)
    return {"version": _Text(__version__), "date": _Text(when.date().isoformat())}


#: Fallback provenance of the NBER team-level odds ratios (the small-world chapter's own,
#: when it labels them, is copied instead).
_NBER_TEAMS = Provenance(
    "real data",
    ("nber_papers", "nber_paper_authors", "nber_paper_programs", "davies2022nberwp"),
    "1973-2021",
    caveat="Association among teams, not causation: who writes with whom is shaped by past "
    "success.",
)


def real_q_results() -> PublishedValues:
    """The small-world chapter's real team-level evidence (NBER co-authorship), as published.

    The small-world chapter's ``key_results()`` leaves out its real NBER steps (they take a
    few seconds); the briefing needs their odds ratios, so this runs the same step
    (``clusternet.book.small_world_q.nber_teams``) on the same data.

    Returns
    -------
    PublishedValues
        ``nber_or_incumbents`` and ``nber_or_repeat_pairs`` (odds ratios of a top-five
        publication for a paper whose share of incumbents, or of repeat pairs, is 1 rather
        than 0), each with its ``_ci_lower`` and ``_ci_upper`` (95%), carrying the chapter's
        provenance.
    """
    small_world_q = chapter_module("small-world-q")
    teams = small_world_q.nber_teams(small_world_q.nber_memberships())
    first, last = int(teams.data["year"].min()), int(teams.data["year"].max())
    effects = teams.effects.set_index("term")
    numbers = {}
    for term, name, words in (
        ("incumbent_share", "nber_or_incumbents", "incumbents"),
        ("repeat_share", "nber_or_repeat_pairs", "repeat pairs"),
    ):
        chapter = teams.published.get(f"uzzi_nber_or_{term}_estimate")
        provenance = (chapter.provenance if chapter else None) or _NBER_TEAMS
        what = (
            f"Odds ratio of a top-five publication for a co-authored NBER paper whose share of "
            f"{words} is 1 rather than 0, {first}-{last} (real data: NBER working papers; logit "
            "with team size, year and programme effects, standard errors clustered by year)"
        )
        row = effects.loc[term]
        numbers[name] = Published(
            row["estimate"], what, unit="odds ratio", digits=2, provenance=provenance
        )
        for bound, end in (("ci_lower", "Lower"), ("ci_upper", "Upper")):
            numbers[f"{name}_{bound}"] = Published(
                row[bound],
                f"{end} end of the 95% interval: {what}",
                unit="odds ratio",
                digits=2,
                provenance=provenance,
            )
    return published_values(numbers)


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
