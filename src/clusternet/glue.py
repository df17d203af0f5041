"""Publish a chapter's headline numbers once, with unit and rounding.

A chapter computes a number, calls :func:`glue_number` once, and every mention in the
prose uses ``{glue}`name```, so the text can never drift from the computation. Each
glued number also carries machine-readable metadata (exact value, unit, description);
the book's Sphinx extension (``clusternet.sphinxext``) collects them from the executed
notebooks into ``_static/key-numbers.csv`` for briefings to cite.

Examples
--------
>>> from clusternet.glue import format_number
>>> format_number(0.2567, digits=1, percent=True)
'25.7%'
>>> format_number(1604, digits=0)
'1,604'
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass

__all__ = [
    "KINDS",
    "EVIDENCE_KINDS",
    "Provenance",
    "KeyNumber",
    "glue_number",
    "format_number",
    "GLUE_METADATA_KEY",
]

#: What a number is, as every page, table and file of the report labels it.
KINDS = (
    "real data",
    "sample data",
    "simulation",
    "quoted and verified",
    "quoted and unverified",
    "analysis setting",
)
#: Kinds a briefing may cite as evidence about real places.
EVIDENCE_KINDS = ("real data", "quoted and verified")

GLUE_METADATA_KEY = "clusternet"
#: Most decimal places :func:`format_number` prints.
MAX_DIGITS = 15
_GLUE_PREFIX = "application/papermill.record/"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def format_number(
    value, *, digits: int = 2, percent: bool = False, signed: bool = False, thousands: bool = True
) -> str:
    """Format ``value`` the way the report prints numbers.

    Parameters
    ----------
    value : real number
        The number (a fraction when ``percent`` is True).
    digits : int
        Decimal places shown (after multiplying by 100 when ``percent``), 0 to
        ``MAX_DIGITS`` (15).
    percent : bool
        Show ``value * 100`` followed by ``%``.
    signed : bool
        Always show the sign (``+1.3``), for changes and effects.
    thousands : bool
        Separate thousands with commas (default); False for years and codes.

    Returns
    -------
    str
        Thousands separated with commas; a minus sign for negatives.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"value must be a real number, got {type(value).__name__}")
    try:
        as_float = float(value)
    except OverflowError:
        raise ValueError(
            f"value is too large to print as a number (about 10^{len(str(abs(int(value)))) - 1})"
        ) from None
    if not math.isfinite(as_float):
        raise ValueError(
            f"value must be finite, got {value}; a headline number cannot be NaN or inf"
        )
    if isinstance(digits, bool) or not isinstance(digits, numbers.Integral) or digits < 0:
        raise ValueError(f"digits must be a non-negative integer, got {digits!r}")
    if digits > MAX_DIGITS:
        raise ValueError(
            f"digits must be at most {MAX_DIGITS} (a float holds about 17 significant "
            f"digits), got {digits}"
        )
    shown = as_float * (100.0 if percent else 1.0)
    if round(shown, int(digits)) == 0:
        shown = 0.0  # never print "-0.0"
    sign = "+" if signed else ""
    separator = "," if thousands else ""
    text = f"{shown:{sign}{separator}.{int(digits)}f}"
    text = text.replace("-", "\u2212")  # a true minus sign reads better in prose
    return text + ("%" if percent else "")


@dataclass(frozen=True)
class Provenance:
    """Where a published number comes from.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`: ``"real data"`` (computed from a catalogued real data set),
        ``"sample data"`` (computed from a seeded sample generator: demonstrates a method,
        never evidence about a real place), ``"simulation"`` (a model's output),
        ``"quoted and verified"`` / ``"quoted and unverified"`` (a source's figure, as
        ``research/papers.md`` marks it), ``"analysis setting"`` (a threshold or parameter
        the report chose; not a measurement).
    source : str or tuple of str
        Bibliography keys (``references.bib``) or catalogued data-set names
        (``clusternet.data``); the build checks that each one exists.
    vintage : str
        The data's years (``"2017-2021"``) or the source's year; required for real data.
    caveat : str
        One line a reader must know before citing the number (optional).

    Raises
    ------
    ValueError
        Unknown kind, no source, real data without a vintage, a multi-line caveat.

    Examples
    --------
    >>> Provenance("real data", "us_cbp_state_2021", "2021").source
    ('us_cbp_state_2021',)
    """

    kind: str
    source: tuple[str, ...] | str
    vintage: str = ""
    caveat: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        source = (self.source,) if isinstance(self.source, str) else tuple(self.source)
        if not source or not all(isinstance(s, str) and s.strip() for s in source):
            raise ValueError(
                f"source must name at least one bib key or data set, got {self.source!r}"
            )
        object.__setattr__(self, "source", tuple(s.strip() for s in source))
        if not isinstance(self.vintage, str) or not isinstance(self.caveat, str):
            raise TypeError("vintage and caveat must be strings")
        if self.kind == "real data" and not self.vintage.strip():
            raise ValueError(f"real data needs a vintage (the data's years), source {source}")
        if "\n" in self.caveat:
            raise ValueError("caveat must be one line")

    def as_metadata(self) -> dict:
        """The fields as stored in the glue metadata."""
        return {
            "kind": self.kind,
            "source": "; ".join(self.source),
            "vintage": self.vintage,
            "caveat": self.caveat,
        }


def _check_interval(name, value, ci_lower, ci_upper, ci_level):
    if (ci_lower is None) != (ci_upper is None):
        raise ValueError(f"{name!r}: give both ci_lower and ci_upper, or neither")
    if ci_lower is None:
        return None
    lower, upper = float(ci_lower), float(ci_upper)
    if not (math.isfinite(lower) and math.isfinite(upper)):
        raise ValueError(f"{name!r}: interval bounds must be finite, got ({lower}, {upper})")
    if lower > upper:
        raise ValueError(f"{name!r}: ci_lower {lower} is above ci_upper {upper}")
    if not (0 < float(ci_level) < 1):
        raise ValueError(f"{name!r}: ci_level must be between 0 and 1, got {ci_level!r}")
    return lower, upper


@dataclass(frozen=True)
class KeyNumber:
    """A published number: its exact value, the text shown, and what it means."""

    name: str
    value: float
    text: str
    unit: str
    description: str

    def __repr__(self) -> str:  # the text/plain that {glue} pastes
        return self.text

    def __str__(self) -> str:
        return self.text


def glue_number(
    name: str,
    value,
    *,
    description: str,
    unit: str = "",
    digits: int = 2,
    percent: bool = False,
    signed: bool = False,
    thousands: bool = True,
    headline: bool = True,
    provenance: Provenance | None = None,
    estimate: bool = False,
    ci_lower=None,
    ci_upper=None,
    ci_level: float = 0.95,
    interval_of: str = "",
) -> KeyNumber:
    """Glue ``value`` under ``name`` for use in prose as ``{glue}`name```.

    Parameters
    ----------
    name : str
        Unique name in the book, lower case with underscores, prefixed by the chapter
        (``porter_effect_cluster``).
    value : real number
        The exact computed value (not rounded); it must be finite.
    description : str
        What the number is, in one sentence a briefing could quote.
    unit : str
        The unit ("per cent of firms", "percentage points a year", "odds ratio"). With
        ``percent=True`` the unit is recorded as "%".
    digits, percent, signed, thousands
        Rounding and display, see :func:`format_number`.
    headline : bool
        Listed in the key-numbers file and page (default True). Use False for numbers
        that only support the prose.
    provenance : Provenance
        Kind, source, vintage and caveat. The book build fails on a number without one.
    estimate : bool
        The number is estimated from data (an effect, a ratio, a turning point): it must
        carry ``ci_lower`` and ``ci_upper``.
    ci_lower, ci_upper, ci_level : float
        The interval of an estimate and its confidence level (default 0.95).
    interval_of : str
        For an interval bound glued for the prose: the name of the estimate it belongs
        to (the key-numbers file shows it in that row, not as a row of its own).

    Returns
    -------
    KeyNumber
        Also displayed nowhere in the notebook (the glue is silent).

    Raises
    ------
    TypeError, ValueError
        Bad name, non-finite value, empty description, bad provenance, an estimate
        without its interval, an interval whose lower bound is above the upper.
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"name must be lower case letters, digits and underscores, got {name!r}")
    if not isinstance(description, str) or not description.strip():
        raise ValueError(f"description of {name!r} must be a non-empty sentence")
    if provenance is not None and not isinstance(provenance, Provenance):
        raise TypeError(f"provenance of {name!r} must be a Provenance, got {type(provenance)}")
    interval = _check_interval(name, value, ci_lower, ci_upper, ci_level)
    if estimate and interval is None:
        raise ValueError(f"{name!r} is an estimate: glue it with ci_lower and ci_upper")
    if interval_of and (estimate or interval is not None):
        raise ValueError(f"{name!r} is a bound of {interval_of!r}, not an estimate")
    text = format_number(value, digits=digits, percent=percent, signed=signed, thousands=thousands)
    unit = "%" if percent else unit
    number = KeyNumber(
        name=name, value=float(value), text=text, unit=unit, description=description.strip()
    )
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython ships with the book extras
        return number
    if get_ipython() is None:
        return number
    metadata = {
        "scrapbook": {"name": name, "mime_prefix": _GLUE_PREFIX},
        GLUE_METADATA_KEY: {
            "name": name,
            "value": number.value,
            "text": text,
            "unit": unit,
            "digits": int(digits),
            "percent": bool(percent),
            "description": number.description,
            "headline": bool(headline),
            "estimate": bool(estimate),
            "interval_of": interval_of,
            **(provenance.as_metadata() if provenance is not None else {}),
            **(
                {"ci_lower": interval[0], "ci_upper": interval[1], "ci_level": float(ci_level)}
                if interval is not None
                else {}
            ),
        },
    }
    display({_GLUE_PREFIX + "text/plain": text}, raw=True, metadata=metadata)
    return number
