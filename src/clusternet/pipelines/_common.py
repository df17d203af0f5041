"""Private helpers shared by the modules of :mod:`clusternet.pipelines`."""

from __future__ import annotations

from collections.abc import Sequence

from clusternet._validation import format_items

#: columns holding shares, checked to lie in [0, 1] when present
FRACTION_COLUMNS = ("foreign_ownership", "higher_education")


def require_names(values, name: str) -> tuple[str, ...]:
    """Return ``values`` as a tuple of distinct non-empty strings, or raise."""
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a list or tuple of strings, got {type(values).__name__}")
    values = tuple(values)
    if not values:
        raise ValueError(f"{name} is empty; give at least one name")
    bad = [v for v in values if not isinstance(v, str) or not v]
    if bad:
        raise TypeError(f"{name} must hold non-empty strings; bad entries {format_items(bad)}")
    if len(set(values)) != len(values):
        raise ValueError(f"{name} has duplicated entries {format_items(values)}")
    return values


def partner_columns(partner_types, scales) -> list[str]:
    """The survey columns ``<type>_<scale>``, scale by scale."""
    return [f"{kind}_{scale}" for scale in scales for kind in partner_types]


def require_controls(controls) -> tuple[str, ...]:
    """Return ``controls`` as a tuple of formula terms, or raise TypeError."""
    if isinstance(controls, str) or any(not isinstance(c, str) or not c.strip() for c in controls):
        raise TypeError("controls must be a list or tuple of formula terms (strings)")
    return tuple(controls)


def require_logit(result):
    """Return ``result`` if it is a fitted statsmodels logit, else raise TypeError."""
    model = getattr(result, "model", None)
    if model is None or type(model).__name__ != "Logit" or not hasattr(result, "params"):
        raise TypeError(f"result must be a fitted statsmodels logit, got {type(result).__name__}")
    return result


def require_terms(result, numerator, denominator) -> None:
    """Check that ``numerator`` and ``denominator`` are two different terms of ``result``."""
    for term, label in ((numerator, "numerator"), (denominator, "denominator")):
        if not isinstance(term, str):
            raise TypeError(f"{label} must be a term name (str), got {type(term).__name__}")
        if term not in result.params.index:
            raise ValueError(
                f"{label} {term!r} is not a term of the model; it has {list(result.params.index)}"
            )
    if numerator == denominator:
        raise ValueError(
            "numerator and denominator are the same term; the ratio is 1 by definition"
        )
