"""Coordination in project consortia: who leads whom.

A consortium is a small formal hierarchy: one coordinator answers to the funder and
leads the partners. ``coordination_arcs`` turns a table of participations into the
directed coordinator -> partner network across all projects, and
``random_coordinators`` draws the reference in which each consortium's coordinator is
any of its members at random (the same consortia, the same organisations).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusternet._validation import (
    require_columns,
    require_dataframe,
    require_nonempty,
    require_seed,
)

__all__ = ["coordination_arcs", "random_coordinators"]


def _check(participations, project, organisation, coordinator=None) -> pd.DataFrame:
    require_dataframe(participations, "participations")
    columns = [project, organisation] + ([coordinator] if coordinator is not None else [])
    require_columns(participations, columns, "participations")
    require_nonempty(participations, "participations")
    if participations[columns].isna().any().any():
        raise ValueError(f"participations has missing values in {columns}")
    if participations.duplicated([project, organisation]).any():
        raise ValueError(
            f"participations has repeated ({project}, {organisation}) pairs; an organisation "
            "takes part in a project once"
        )
    if coordinator is not None and not pd.api.types.is_bool_dtype(participations[coordinator]):
        raise TypeError(f"participations[{coordinator!r}] must be boolean (True = coordinator)")
    return participations


def coordination_arcs(
    participations: pd.DataFrame, *, project: str, organisation: str, coordinator: str
) -> pd.DataFrame:
    """The coordinator -> partner arcs of every consortium, with the projects behind each.

    Parameters
    ----------
    participations : pandas.DataFrame
        One row per organisation in a project.
    project, organisation : str
        Columns with the project and organisation ids.
    coordinator : str
        Boolean column: True for the coordinator of the project (a project with several
        coordinators gives arcs from each of them; one without a coordinator gives none).

    Returns
    -------
    pandas.DataFrame
        ``source`` (coordinator), ``target`` (other member) and ``projects`` (number of
        projects in which ``source`` coordinated ``target``), one row per distinct arc,
        sorted by source and target.

    Raises
    ------
    TypeError
        ``participations`` is not a DataFrame or ``coordinator`` is not boolean.
    ValueError
        Missing columns or values, or an organisation listed twice in a project.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"project": [1, 1, 1, 2, 2], "org": ["a", "b", "c", "b", "a"],
    ...                       "lead": [True, False, False, True, False]})
    >>> coordination_arcs(table, project="project", organisation="org", coordinator="lead")
      source target  projects
    0      a      b         1
    1      a      c         1
    2      b      a         1

    References
    ----------
    - Krackhardt, D. (1994). Graph theoretical dimensions of informal organizations.
      In Carley and Prietula (eds), *Computational Organization Theory*, 89-111.
    """
    _check(participations, project, organisation, coordinator)
    members = participations[[project, organisation, coordinator]]
    leads = members.loc[members[coordinator], [project, organisation]]
    arcs = leads.merge(
        members.loc[~members[coordinator], [project, organisation]],
        on=project,
        suffixes=("_source", "_target"),
    )
    return (
        arcs.groupby([f"{organisation}_source", f"{organisation}_target"], sort=True)
        .size()
        .rename("projects")
        .rename_axis(["source", "target"])
        .reset_index()
    )


def random_coordinators(participations: pd.DataFrame, *, project: str, seed=None) -> np.ndarray:
    """One member of each project drawn at random as its coordinator.

    Parameters
    ----------
    participations : pandas.DataFrame
        One row per organisation in a project.
    project : str
        Column with the project id.
    seed : int, numpy.random.Generator or None
        Randomness.

    Returns
    -------
    numpy.ndarray
        Boolean, aligned with the rows of ``participations``: exactly one True per project.

    Raises
    ------
    TypeError
        ``participations`` is not a DataFrame, or a bad ``seed``.
    ValueError
        Missing column or values.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"project": [1, 1, 2, 2, 2]})
    >>> lead = random_coordinators(table, project="project", seed=0)
    >>> table.assign(lead=lead).groupby("project")["lead"].sum().tolist()
    [1, 1]

    References
    ----------
    - Luo, J. and Magee, C. L. (2011). Detecting evolving patterns of self-organizing
      networks by flow hierarchy measurement. *Complexity* 16(6), 53-61.
    """
    require_dataframe(participations, "participations")
    require_columns(participations, [project], "participations")
    require_nonempty(participations, "participations")
    if participations[project].isna().any():
        raise ValueError(f"participations has missing values in {project!r}")
    rng = require_seed(seed)
    codes = pd.factorize(participations[project])[0]
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    starts = np.flatnonzero(np.r_[True, sorted_codes[1:] != sorted_codes[:-1]])
    sizes = np.diff(np.r_[starts, sorted_codes.size])
    picked = starts + np.floor(rng.random(starts.size) * sizes).astype(np.int64)
    chosen = np.zeros(codes.size, dtype=bool)
    chosen[order[picked]] = True
    return chosen
