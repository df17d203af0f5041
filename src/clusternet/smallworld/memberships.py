"""Memberships of people in dated teams, checked: the input of Q by year and of team familiarity.

Real collaboration data usually come as two tables: the teams (papers, projects, shows) with
their year, and who was in which team. ``team_memberships`` joins them and refuses the
problems that would silently change a network: authorships of unknown papers, authors
without a paper, the same authorship listed twice, teams without members, years outside
the period the data cover.

Examples
--------
>>> import pandas as pd
>>> papers = pd.DataFrame({"paper": ["p1", "p2"], "year": [2001, 2002]})
>>> authors = pd.DataFrame({"paper": ["p1", "p1", "p2"], "author": ["a", "b", "a"]})
>>> team_memberships(papers, authors, team="paper", person="author")["year"].tolist()
[2001, 2001, 2002]
"""

from __future__ import annotations

import pandas as pd

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_nonempty,
    require_numeric_columns,
)

__all__ = ["team_memberships"]


def team_memberships(
    teams: pd.DataFrame,
    members: pd.DataFrame,
    *,
    team: str = "group",
    person: str = "person",
    year: str = "year",
    years: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """Join dated teams and their members into one checked table of memberships.

    Parameters
    ----------
    teams : pandas.DataFrame
        One row per team with its id (``team``) and ``year``; other columns (outcome,
        programme) are carried over to every member's row.
    members : pandas.DataFrame
        One row per person and team (``team``, ``person``).
    team, person, year : str
        Column names.
    years : tuple of int, optional
        ``(first, last)`` period the data cover; a team dated outside it is an error.

    Returns
    -------
    pandas.DataFrame
        ``members`` with the teams' columns added, in the order of ``members``.

    Raises
    ------
    TypeError
        Not DataFrames; a non-numeric year.
    ValueError
        Missing columns; a team listed twice in ``teams``; a missing team id, person or
        year; a person listed twice in one team; members of teams absent from ``teams``;
        teams without members; non-whole years or years outside ``years``.

    Examples
    --------
    >>> import pandas as pd
    >>> papers = pd.DataFrame({"paper": ["p1"], "year": [2001]})
    >>> authors = pd.DataFrame({"paper": ["p1", "p9"], "author": ["a", "b"]})
    >>> team_memberships(papers, authors, team="paper", person="author")
    Traceback (most recent call last):
    ...
    ValueError: members has 1 row(s) whose paper is not in teams: 'p9'

    References
    ----------
    - Guimerà, R., Uzzi, B., Spiro, J. and Amaral, L. A. N. (2005). Team assembly mechanisms
      determine collaboration network structure and team performance. Science 308, 697-702.
    """
    require_dataframe(teams, "teams")
    require_dataframe(members, "members")
    require_columns(teams, [team, year], "teams")
    require_columns(members, [team, person], "members")
    require_nonempty(teams, "teams")
    require_nonempty(members, "members")
    require_numeric_columns(teams, "teams", [year])
    if teams[[team, year]].isna().any().any():
        raise ValueError(f"teams has missing {team!r} or {year!r} values; every team needs both")
    if teams[team].duplicated().any():
        twice = pd.unique(teams.loc[teams[team].duplicated(), team])
        raise ValueError(f"teams lists {team}(s) more than once: {format_items(twice)}")
    values = teams[year].to_numpy(dtype=float)
    if (values != values.round()).any():
        raise ValueError(f"teams[{year!r}] must hold whole years")
    if years is not None:
        first, last = years
        outside = teams.loc[(values < first) | (values > last), team]
        if len(outside):
            raise ValueError(
                f"{len(outside)} team(s) dated outside the data's period {first}-{last}: "
                f"{format_items(list(outside))}"
            )
    if members[team].isna().any():
        rows = list(members.index[members[team].isna()][:5])
        raise ValueError(f"members has {person}(s) with no {team} (missing {team!r}, rows {rows})")
    if members[person].isna().any():
        rows = list(members.index[members[person].isna()][:5])
        raise ValueError(f"members has rows with a missing {person!r} (rows {rows})")
    doubled = members.duplicated([team, person])
    if doubled.any():
        raise ValueError(
            f"members lists {int(doubled.sum())} {person}-{team} pair(s) more than once "
            f"(first: {members.loc[doubled, team].iloc[0]}, {members.loc[doubled, person].iloc[0]})"
        )
    unknown = ~members[team].isin(teams[team])
    if unknown.any():
        raise ValueError(
            f"members has {int(unknown.sum())} row(s) whose {team} is not in teams: "
            f"{format_items(pd.unique(members.loc[unknown, team]))}"
        )
    empty = ~teams[team].isin(members[team])
    if empty.any():
        raise ValueError(
            f"{int(empty.sum())} {team}(s) of teams have no members: "
            f"{format_items(list(teams.loc[empty, team]))}; drop them first"
        )
    return members.merge(teams, on=team, how="left", validate="many_to_one")
