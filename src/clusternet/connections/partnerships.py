"""Partner ties from consortium participations (organisations x projects).

Research consortia such as the EU's Horizon 2020 projects are recorded as participations:
one row per organisation and project. Two organisations are partners when they take part
in the same project. This file turns the participations into the two tables
``classify_ties`` needs: the distinct partner pairs (with the number of projects they
share) and one row of attributes (country, organisation type) per organisation.

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
- European Commission, CORDIS: Horizon 2020 projects and participating organisations.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_no_missing,
    require_nonempty,
)

__all__ = ["consortium_ties", "organisation_attributes"]


def consortium_ties(
    participations: pd.DataFrame, *, project: str = "project", organisation: str = "organisation"
) -> pd.DataFrame:
    """Distinct partner pairs: organisations that share at least one project.

    Each pair appears once (``source`` < ``target`` in the order of first appearance),
    whatever the number of projects the two share, which is kept in ``projects``. A
    project with one participant gives no pair. Built with one sparse product of the
    organisations x projects incidence matrix, so a table of a million pairs takes a
    fraction of a second.

    Parameters
    ----------
    participations : pandas.DataFrame
        One row per organisation and project.
    project, organisation : str
        Column names of the project and organisation ids.

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, ``target`` (organisation ids) and ``projects`` (shared
        projects, >= 1); an empty table if no project has two participants.

    Raises
    ------
    TypeError
        ``participations`` is not a DataFrame.
    ValueError
        Missing columns, no rows, missing ids, or an organisation listed twice in one
        project.

    Examples
    --------
    >>> p = pd.DataFrame({"project": [1, 1, 1, 2, 2, 3],
    ...                   "organisation": ["a", "b", "c", "a", "b", "d"]})
    >>> consortium_ties(p).to_dict("list")
    {'source': ['a', 'a', 'b'], 'target': ['b', 'c', 'c'], 'projects': [2, 1, 1]}

    References
    ----------
    - Newman, M. E. J. (2001). Scientific collaboration networks. I. Network
      construction and fundamental results. *Physical Review E* 64, 016131 (the
      one-mode projection of a bipartite network).
    """
    require_dataframe(participations, "participations")
    require_nonempty(participations, "participations")
    require_columns(participations, [project, organisation], "participations")
    require_no_missing(participations, "participations", [project, organisation])
    twice = participations.duplicated([project, organisation])
    if twice.any():
        pairs = participations.loc[twice, [project, organisation]].itertuples(
            index=False, name=None
        )
        raise ValueError(
            f"participations lists {int(twice.sum())} organisation(s) twice in the same project, "
            f"e.g. {format_items(list(pairs), 3)}"
        )
    org_codes, orgs = pd.factorize(participations[organisation])
    project_codes, projects = pd.factorize(participations[project])
    incidence = sp.csr_matrix(
        (np.ones(len(participations)), (org_codes, project_codes)),
        shape=(len(orgs), len(projects)),
    )
    shared = sp.triu(incidence @ incidence.T, k=1).tocoo()
    order = np.lexsort((shared.col, shared.row))
    rows, cols = shared.row[order], shared.col[order]
    return pd.DataFrame(
        {
            "source": orgs[rows],
            "target": orgs[cols],
            "projects": np.rint(shared.data[order]).astype(np.int64),
        }
    )


def organisation_attributes(
    participations: pd.DataFrame,
    attributes: Sequence[str],
    *,
    organisation: str = "organisation",
) -> pd.DataFrame:
    """One row per organisation with attributes that must not vary between its rows.

    Parameters
    ----------
    participations : pandas.DataFrame
        One row per organisation and project.
    attributes : sequence of str
        Columns that describe the organisation (e.g. country, type).
    organisation : str
        Column of the organisation ids.

    Returns
    -------
    pandas.DataFrame
        Columns ``organisation`` and ``attributes``, one row per organisation, in order
        of first appearance.

    Raises
    ------
    TypeError
        ``participations`` is not a DataFrame or ``attributes`` is not a list of names.
    ValueError
        Missing columns or values, or an organisation whose attribute differs between
        its rows (named in the message).

    Examples
    --------
    >>> p = pd.DataFrame({"organisation": ["a", "b", "a"], "country": ["DE", "FR", "DE"]})
    >>> organisation_attributes(p, ["country"]).to_dict("list")
    {'organisation': ['a', 'b'], 'country': ['DE', 'FR']}

    References
    ----------
    - European Commission, CORDIS: one participant identification code (PIC) per
      organisation.
    """
    require_dataframe(participations, "participations")
    if isinstance(attributes, str) or not isinstance(attributes, Sequence):
        raise TypeError(f"attributes must be a list of column names, got {attributes!r}")
    columns = [organisation, *attributes]
    require_nonempty(participations, "participations")
    require_columns(participations, columns, "participations")
    require_no_missing(participations, "participations", columns)
    for attribute in attributes:
        varying = participations.groupby(organisation, sort=False)[attribute].nunique()
        bad = varying.index[varying > 1]
        if len(bad):
            raise ValueError(
                f"participations: organisation(s) {format_items(list(bad))} have more than one "
                f"{attribute!r}; an organisation needs one value to be classified"
            )
    return participations.drop_duplicates(organisation)[columns].reset_index(drop=True)
