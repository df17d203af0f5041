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

__all__ = ["KeyNumber", "glue_number", "format_number", "GLUE_METADATA_KEY"]

GLUE_METADATA_KEY = "clusternet"
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
        Decimal places shown (after multiplying by 100 when ``percent``).
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
    if not math.isfinite(float(value)):
        raise ValueError(
            f"value must be finite, got {value}; a headline number cannot be NaN or inf"
        )
    if isinstance(digits, bool) or not isinstance(digits, numbers.Integral) or digits < 0:
        raise ValueError(f"digits must be a non-negative integer, got {digits!r}")
    shown = float(value) * (100.0 if percent else 1.0)
    if round(shown, int(digits)) == 0:
        shown = 0.0  # never print "-0.0"
    sign = "+" if signed else ""
    separator = "," if thousands else ""
    text = f"{shown:{sign}{separator}.{int(digits)}f}"
    text = text.replace("-", "\u2212")  # a true minus sign reads better in prose
    return text + ("%" if percent else "")


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

    Returns
    -------
    KeyNumber
        Also displayed nowhere in the notebook (the glue is silent).

    Raises
    ------
    TypeError, ValueError
        Bad name, non-finite value, empty description.
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"name must be lower case letters, digits and underscores, got {name!r}")
    if not isinstance(description, str) or not description.strip():
        raise ValueError(f"description of {name!r} must be a non-empty sentence")
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
        },
    }
    display({_GLUE_PREFIX + "text/plain": text}, raw=True, metadata=metadata)
    return number
