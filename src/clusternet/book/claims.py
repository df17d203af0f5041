"""The sources' claims, read from the one place they are recorded: ``data/evidence/claims.csv``.

A chapter that sets its result against a claim (for example Delgado, Porter and Stern's
1.7 to 3.7 percentage points) reads the claimed figures from here, never from a constant.

Examples
--------
>>> claim("combined_effect")["claimed_low"]  # doctest: +SKIP
1.7
"""

from __future__ import annotations

import pandas as pd

from clusternet import data
from clusternet._validation import format_items

__all__ = ["claims", "claim"]


def claims() -> pd.DataFrame:
    """Every recorded claim, one row per ``claim_id`` (``data/evidence/claims.csv``)."""
    return data.load("evidence_claims")


def claim(claim_id: str) -> pd.Series:
    """The row of claim ``claim_id``.

    Raises
    ------
    ValueError
        An unknown claim id (the message lists the known ones).
    """
    table = claims().set_index("claim_id")
    if claim_id not in table.index:
        raise ValueError(f"unknown claim {claim_id!r}; known: {format_items(table.index)}")
    return table.loc[claim_id]
