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
from dataclasses import dataclass

from clusternet.glue import glue_number

__all__ = ["Published", "glue_published", "published_values"]


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
    for name, number in _check(numbers).items():
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
        )


def published_values(*groups: Mapping[str, Published]) -> dict[str, float]:
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
    out: dict[str, float] = {}
    for group in groups:
        for name, number in _check(group).items():
            if name in out:
                raise ValueError(f"{name!r} is published twice")
            out[name] = number.value
    return out
