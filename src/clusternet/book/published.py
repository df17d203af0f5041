"""Numbers a chapter publishes: value, wording and rounding, defined once beside the code.

An analysis step in a chapter module returns its headline numbers as a mapping of glue
name -> :class:`Published`. The chapter glues them all with :func:`glue_published`, and
the step's ``key_results()`` returns their exact values with :func:`published_values`, so
a number's name, description and rounding are written once, where it is computed.

Examples
--------
>>> numbers = {"porter_example_lq": Published(5.7, "An example location quotient.",
...            unit="location quotient", digits=1)}
>>> published_values(numbers)
{'porter_example_lq': 5.7}
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from clusternet.glue import Provenance, glue_number

__all__ = ["Published", "PublishedValues", "glue_published", "published_values", "with_intervals"]

_BOUNDS = ("_ci_lower", "_ci_upper")


@dataclass(frozen=True)
class Published:
    """One number a chapter publishes, with the arguments of ``glue_number``.

    Parameters
    ----------
    value : float
        The exact value (not rounded); it must be finite.
    description : str
        What the number is, in one sentence a briefing could quote.
    unit, digits, percent, signed, thousands, headline
        As :func:`clusternet.glue.glue_number`.
    provenance : Provenance
        Kind, source, vintage and caveat (the book build fails without one).
    estimate : bool
        An estimate, which must carry its interval. Set automatically by
        :func:`with_intervals` for a number published with ``_ci_lower`` and ``_ci_upper``
        siblings.
    ci_lower, ci_upper, ci_level
        The interval and its confidence level (default 0.95).
    interval_of : str
        For a bound: the name of its estimate.

    Raises
    ------
    ValueError
        A non-finite value or an empty description.
    """

    value: float
    description: str
    unit: str = ""
    digits: int = 2
    percent: bool = False
    signed: bool = False
    thousands: bool = True
    headline: bool = True
    provenance: Provenance | None = None
    estimate: bool = False
    ci_lower: float | None = None
    ci_upper: float | None = None
    ci_level: float = 0.95
    interval_of: str = ""

    def __post_init__(self):
        if not math.isfinite(float(self.value)):
            raise ValueError(f"a published number must be finite, got {self.value!r}")
        if not isinstance(self.description, str) or not self.description.strip():
            raise ValueError("a published number needs a non-empty description")
        object.__setattr__(self, "value", float(self.value))


def _check(numbers) -> Mapping[str, Published]:
    if not isinstance(numbers, Mapping):
        raise TypeError(f"numbers must be a mapping of name -> Published, got {type(numbers)}")
    bad = [name for name, number in numbers.items() if not isinstance(number, Published)]
    if bad:
        raise TypeError(f"numbers {bad} are not Published instances")
    return numbers


def with_intervals(numbers: Mapping[str, Published]) -> dict[str, Published]:
    """Attach every ``X_ci_lower``/``X_ci_upper`` pair to its estimate ``X``.

    ``X`` becomes an estimate carrying the interval; the bounds stay (the prose quotes
    them) with ``interval_of="X"`` and, when they have none, ``X``'s provenance. A bound
    that already names its estimate (``interval_of``), such as an alternative interval or a
    bound whose stem differs from its estimate's name, is kept as it is.

    Parameters
    ----------
    numbers : mapping of str to Published

    Returns
    -------
    dict
        The same names, in order.

    Raises
    ------
    ValueError
        Only one bound of a pair, or a bound without its estimate.
    """
    out = dict(_check(numbers))
    for name in list(out):
        if name.endswith(_BOUNDS):
            base = name.rsplit("_ci_", 1)[0]
            if base not in out and out[name].interval_of:
                continue  # names its estimate itself
            if base not in out:
                raise ValueError(f"{name!r} is published without its estimate {base!r}")
            missing = [base + b for b in _BOUNDS if base + b not in out]
            if missing:
                raise ValueError(f"{base!r} is published with only one bound: {missing} missing")
    for name, number in list(out.items()):
        if name.endswith(_BOUNDS) or not all(name + b in out for b in _BOUNDS):
            continue
        lower, upper = (out[name + b] for b in _BOUNDS)
        out[name] = replace(number, estimate=True, ci_lower=lower.value, ci_upper=upper.value)
        for bound in _BOUNDS:
            old = out[name + bound]
            out[name + bound] = replace(
                old,
                interval_of=name,
                provenance=old.provenance or number.provenance,
                ci_level=number.ci_level,
            )
    return out


def glue_published(numbers: Mapping[str, Published]) -> None:
    """Glue every number of ``numbers`` under its name (silent in the notebook).

    Parameters
    ----------
    numbers : mapping of str to Published
        As returned by a chapter step (``step.published``).

    Raises
    ------
    TypeError
        ``numbers`` is not a mapping of :class:`Published`.
    """
    for name, number in with_intervals(numbers).items():
        glue_number(
            name,
            number.value,
            description=number.description,
            unit=number.unit,
            digits=number.digits,
            percent=number.percent,
            signed=number.signed,
            thousands=number.thousands,
            headline=number.headline,
            provenance=number.provenance,
            estimate=number.estimate,
            ci_lower=number.ci_lower,
            ci_upper=number.ci_upper,
            ci_level=number.ci_level,
            interval_of=number.interval_of,
        )


class PublishedValues(dict):
    """Name -> exact value, as a dict; ``.published`` holds each number's
    :class:`Published` (wording, provenance, interval) for pages that quote it."""

    def __init__(self, values=(), published=None):
        super().__init__(values)
        self.published: dict[str, Published] = dict(published or {})


def published_values(*groups: Mapping[str, Published]) -> PublishedValues:
    """Exact values of one or more groups of published numbers, name -> float.

    Parameters
    ----------
    *groups : mapping of str to Published
        The ``published`` mappings of a chapter's steps.

    Returns
    -------
    dict
        Name -> value, in order.

    Raises
    ------
    ValueError
        A name appears in two groups.
    """
    out = PublishedValues()
    for group in groups:
        for name, number in with_intervals(group).items():
            if name in out:
                raise ValueError(f"{name!r} is published twice")
            out[name] = number.value
            out.published[name] = number
    return out
