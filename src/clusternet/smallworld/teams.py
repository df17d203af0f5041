"""Teams: Guimerà, Uzzi, Spiro and Amaral's team-assembly model and team-level familiarity.

Examples
--------
>>> teams = team_assembly_model([2, 2], p=0.0, q=0.0, seed=0)
>>> teams["person"].tolist()
[0, 1, 2, 3]
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd
import scipy.sparse as sp

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_fraction,
    require_no_missing,
    require_nonempty,
    require_numeric_columns,
    require_positive_int,
    require_seed,
)
from clusternet.smallworld.affiliation import affiliation_network

__all__ = ["team_assembly_model", "team_repeat_share"]


def _per_team(value, n_teams: int, name: str) -> np.ndarray:
    """One probability per team from a scalar or a sequence, checked."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return np.full(n_teams, require_fraction(value, name))
    array = np.asarray(value, dtype=float) if not isinstance(value, (str, bytes)) else None
    if array is None or array.ndim != 1:
        raise TypeError(
            f"{name} must be a probability or a 1-D sequence of probabilities, one per team"
        )
    if array.size != n_teams:
        raise ValueError(f"{name} has {array.size} values but there are {n_teams} teams")
    if not np.isfinite(array).all() or (array < 0).any() or (array > 1).any():
        raise ValueError(f"{name} must hold probabilities in [0, 1]")
    return array


def team_assembly_model(
    team_sizes, p, q, *, times=None, tau: int | None = None, seed=None
) -> pd.DataFrame:
    """Simulate Guimerà, Uzzi, Spiro and Amaral's team-assembly model.

    Teams are formed one after another. Each of a team's ``m`` slots is filled by an
    incumbent (someone already in an earlier team and not retired) with probability ``p``,
    else by a newcomer. An incumbent joining a team that already has one is, with
    probability ``q``, a previous collaborator of a randomly chosen incumbent in the team
    (when that incumbent has an available one), else a randomly chosen incumbent. People
    whose last team is more than ``tau`` time units old retire. ``p`` and ``q`` may change
    from team to team, which is how the sample data let the network's Q rise and fall.

    Parameters
    ----------
    team_sizes : sequence of int
        Size of each team, in order of formation (each at least 1).
    p : float or sequence of float
        Probability that a slot is filled by an incumbent (one value, or one per team).
    q : float or sequence of float
        Probability that an incumbent is a repeat collaborator (one value, or one per team).
    times : sequence of int, optional
        Time (e.g. year) of each team, non-decreasing; default ``0, 1, 2, ...``.
    tau : int, optional
        Retirement age in time units; default: nobody retires.
    seed : int, numpy.random.Generator or None
        Seeds every draw (None: fresh entropy).

    Returns
    -------
    pandas.DataFrame
        One row per slot: ``team`` (0, 1, ...), ``time``, ``person`` (0, 1, ... in order of
        first appearance), ``incumbent`` (bool: the person had been in an earlier team) and
        ``repeat`` (bool: chosen as a previous collaborator).

    Raises
    ------
    TypeError
        Non-numeric sizes, probabilities of the wrong kind, bad seed.
    ValueError
        Empty or non-positive team sizes, probabilities outside [0, 1] or of the wrong
        length, decreasing times, negative ``tau``.

    Examples
    --------
    >>> teams = team_assembly_model([3, 3, 3], p=0.0, q=0.0, seed=1)
    >>> int(teams["person"].nunique())  # p = 0: everyone is a newcomer
    9

    References
    ----------
    - Guimerà, R., Uzzi, B., Spiro, J. and Amaral, L. A. N. (2005). Team assembly mechanisms
      determine collaboration network structure and team performance. Science 308, 697-702.
    """
    rng = require_seed(seed)
    sizes = np.asarray(team_sizes)
    if sizes.ndim != 1 or sizes.size == 0:
        raise ValueError("team_sizes must be a non-empty 1-D sequence of team sizes")
    if sizes.dtype == bool or not np.issubdtype(sizes.dtype, np.number):
        raise TypeError(f"team_sizes must hold integers, got dtype {sizes.dtype}")
    if (sizes != np.round(sizes)).any() or (sizes < 1).any():
        raise ValueError("team_sizes must hold whole numbers of at least 1")
    sizes = sizes.astype(np.int64)
    n_teams = sizes.size
    p_team = _per_team(p, n_teams, "p")
    q_team = _per_team(q, n_teams, "q")
    if times is None:
        time = np.arange(n_teams, dtype=np.int64)
    else:
        time = np.asarray(times)
        if time.ndim != 1 or time.size != n_teams:
            raise ValueError(f"times must have one value per team ({n_teams})")
        if not np.issubdtype(time.dtype, np.number) or time.dtype == bool:
            raise TypeError(f"times must be numeric, got dtype {time.dtype}")
        if (np.diff(time) < 0).any():
            raise ValueError("times must be non-decreasing (teams are formed in order)")
    if tau is not None:
        tau = require_positive_int(tau, "tau", minimum=0)
    last_active: list = []  # person -> time of last team
    collaborators: list[set] = []
    rows_team, rows_person, rows_incumbent, rows_repeat = [], [], [], []
    for t in range(n_teams):
        now = time[t]
        active = np.asarray(last_active)
        pool = (
            np.flatnonzero(active >= now - tau)
            if tau is not None and active.size
            else np.arange(active.size)
        )
        team: list[int] = []
        incumbents: list[int] = []
        for _ in range(sizes[t]):
            chosen, repeat = None, False
            available = np.setdiff1d(pool, team, assume_unique=True) if pool.size else pool
            if available.size and rng.random() < p_team[t]:
                if incumbents and rng.random() < q_team[t]:
                    anchor = incumbents[int(rng.integers(len(incumbents)))]
                    partners = np.fromiter(
                        collaborators[anchor], dtype=np.int64, count=len(collaborators[anchor])
                    )
                    partners = np.intersect1d(partners, available, assume_unique=True)
                    if partners.size:
                        chosen, repeat = int(partners[int(rng.integers(partners.size))]), True
                if chosen is None:
                    chosen = int(available[int(rng.integers(available.size))])
                incumbents.append(chosen)
                incumbent = True
            else:
                chosen = len(last_active)
                last_active.append(now)
                collaborators.append(set())
                incumbent = False
            team.append(chosen)
            rows_team.append(t)
            rows_person.append(chosen)
            rows_incumbent.append(incumbent)
            rows_repeat.append(repeat)
        for member in team:
            last_active[member] = now
            collaborators[member].update(team)
            collaborators[member].discard(member)
    return pd.DataFrame(
        {
            "team": np.asarray(rows_team, dtype=np.int64),
            "time": time[np.asarray(rows_team)],
            "person": np.asarray(rows_person, dtype=np.int64),
            "incumbent": np.asarray(rows_incumbent, dtype=bool),
            "repeat": np.asarray(rows_repeat, dtype=bool),
        }
    )


def team_repeat_share(
    table: pd.DataFrame, *, person: str = "person", group: str = "group", year: str = "year"
) -> pd.DataFrame:
    """Team-level familiarity: the share of each group's member pairs who worked together before.

    A pair counts as a repeat when the two people were members of the same group in an
    earlier year. This is a property of one team; Q is a property of the whole network in a
    year. Computed with sparse products, one per year.

    Parameters
    ----------
    table : pandas.DataFrame
        Tidy memberships with person, group and year columns (one year per group).
    person, group, year : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted by year then group: ``group``, ``year``, ``team_size``
        (distinct members), ``pairs`` (``team_size`` choose 2), ``repeat_pairs``,
        ``repeat_share`` (``repeat_pairs / pairs``; 0 for one-person groups, which have no
        pairs), ``veteran_share`` (share of members with a group in an earlier year).

    Raises
    ------
    TypeError
        ``table`` is not a DataFrame or the year column is not numeric.
    ValueError
        Missing columns or values, an empty table, a group listed in more than one year.

    Examples
    --------
    >>> import pandas as pd
    >>> credits = pd.DataFrame({
    ...     "person": ["a", "b", "a", "b", "c"], "group": ["s1", "s1", "s2", "s2", "s2"],
    ...     "year": [1950, 1950, 1951, 1951, 1951]})
    >>> team_repeat_share(credits)[["group", "repeat_pairs", "pairs"]].to_numpy().tolist()
    [['s1', 0, 1], ['s2', 1, 3]]

    References
    ----------
    - Guimerà, R., Uzzi, B., Spiro, J. and Amaral, L. A. N. (2005). Team assembly mechanisms
      determine collaboration network structure and team performance. Science 308, 697-702.
    """
    require_dataframe(table, "table")
    require_columns(table, [person, group, year], "table")
    require_nonempty(table, "table")
    require_no_missing(table, "table", [person, group, year])
    require_numeric_columns(table, "table", [year])
    group_years = table.groupby(group, sort=False)[year].nunique()
    if (group_years > 1).any():
        raise ValueError(
            f"group(s) listed in more than one year: {format_items(list(group_years.index[group_years > 1]))}"
        )
    network = affiliation_network(table, person=person, group=group)
    year_of_group = (
        table.drop_duplicates(group).set_index(group)[year].reindex(network.groups).to_numpy()
    )
    incidence = network.incidence.tocsc().astype(np.float64)
    sizes = network.group_sizes.astype(np.int64)
    repeat_pairs = np.zeros(network.n_groups, dtype=np.int64)
    veterans = np.zeros(network.n_groups, dtype=np.int64)
    n = network.n_people
    together = sp.csr_array((n, n), dtype=np.float64)  # pairs (and selves) with a shared group
    active = np.zeros(n, dtype=bool)  # people with a group in an earlier year
    for y in np.unique(year_of_group):
        current = np.flatnonzero(year_of_group == y)
        now = incidence[:, current]
        if together.nnz:
            both = np.asarray((now.T @ together).multiply(now.T).sum(axis=1)).ravel()
            experienced = np.asarray(now.T @ active.astype(np.float64)).ravel()
            repeat_pairs[current] = np.rint((both - experienced) / 2).astype(np.int64)
            veterans[current] = np.rint(experienced).astype(np.int64)
        # add this year's co-memberships (entries only mark "shared a group": set to 1)
        together = together + (now @ now.T)
        together.data[:] = 1.0
        active |= np.asarray(now.sum(axis=1)).ravel() > 0
    pairs = sizes * (sizes - 1) // 2
    frame = pd.DataFrame(
        {
            "group": network.groups,
            "year": year_of_group,
            "team_size": sizes,
            "pairs": pairs,
            "repeat_pairs": repeat_pairs,
            "repeat_share": np.divide(
                repeat_pairs, pairs, out=np.zeros(pairs.size), where=pairs > 0
            ),
            "veteran_share": veterans / sizes,
        }
    ).rename(columns={"group": group, "year": year})
    return frame.sort_values([year, group], kind="stable").reset_index(drop=True)
