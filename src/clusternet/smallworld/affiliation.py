"""Affiliation (bipartite person-group) networks and their one-mode projection.

Examples
--------
>>> import pandas as pd
>>> credits = pd.DataFrame({"person": ["ann", "bob", "bob"], "group": ["s1", "s1", "s2"]})
>>> affiliation_network(credits).memberships.tolist()
[1, 2]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from clusternet._graphs import bipartite_projection
from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_nonempty,
)

__all__ = ["AffiliationNetwork", "affiliation_network", "project_affiliations"]


@dataclass(frozen=True, eq=False)
class AffiliationNetwork:
    """A bipartite person-group network (people x groups incidence matrix).

    Build it with ``affiliation_network``. ``incidence[i, g]`` is 1 when person ``i`` is a
    member of group ``g``; every person is in at least one group and every group has at
    least one member.

    Attributes
    ----------
    incidence : scipy.sparse.csr_array
        People x groups, 0/1 entries (int32).
    people : pandas.Index
        Person labels, in row order.
    groups : pandas.Index
        Group labels, in column order.
    """

    incidence: sp.csr_array
    people: pd.Index
    groups: pd.Index
    _projection: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def n_people(self) -> int:
        """Number of people (rows)."""
        return int(self.incidence.shape[0])

    @property
    def n_groups(self) -> int:
        """Number of groups (columns)."""
        return int(self.incidence.shape[1])

    @property
    def memberships(self) -> np.ndarray:
        """Number of groups each person is in (the people's degree sequence)."""
        return np.diff(self.incidence.indptr).astype(np.int64)

    @property
    def group_sizes(self) -> np.ndarray:
        """Number of members of each group (the groups' degree sequence)."""
        return np.bincount(self.incidence.indices, minlength=self.n_groups).astype(np.int64)

    def projected_graph(self) -> nx.Graph:
        """The one-mode projection as a networkx graph labelled by person.

        Edge attribute ``weight`` is the number of groups the two people share. Meant for
        drawing and for small graphs; the measures in this module work on the sparse
        matrix from ``project_affiliations``.
        """
        adjacency = project_affiliations(self, weighted=True)
        graph = nx.from_scipy_sparse_array(adjacency)
        return nx.relabel_nodes(graph, dict(enumerate(self.people)))

    def __repr__(self) -> str:
        return (
            f"AffiliationNetwork({self.n_people} people, {self.n_groups} groups, "
            f"{int(self.incidence.nnz)} memberships)"
        )


def _codes(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes and sorted labels of a column (first-seen order if labels do not sort)."""
    try:
        codes, labels = pd.factorize(series, sort=True)
    except TypeError:
        codes, labels = pd.factorize(series, sort=False)
    return codes.astype(np.int64), pd.Index(labels)


def affiliation_network(
    table: pd.DataFrame, *, person: str = "person", group: str = "group", people=None
) -> AffiliationNetwork:
    """Build the bipartite person-group network from a tidy table of memberships.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per membership (extra columns such as year or role are ignored). A person
        listed twice in the same group, for example with two roles, counts once.
    person, group : str
        Column names of the person and group identifiers.
    people : sequence, optional
        Everyone who should be in the network, e.g. a roster. Each must appear in at least
        one group.

    Returns
    -------
    AffiliationNetwork
        Sparse people x groups incidence matrix with the labels, people and groups sorted.

    Raises
    ------
    TypeError
        ``table`` is not a DataFrame.
    ValueError
        Missing columns, an empty table, a person with a missing group (a person in no
        group), a missing person identifier, or a person of ``people`` in no group.

    Examples
    --------
    >>> import pandas as pd
    >>> credits = pd.DataFrame({"person": ["ann", "bob", "bob", "cy"], "group": ["s1", "s1", "s2", "s2"]})
    >>> affiliation_network(credits)
    AffiliationNetwork(3 people, 2 groups, 4 memberships)

    References
    ----------
    - Newman, M. E. J., Strogatz, S. H. and Watts, D. J. (2001). Random graphs with arbitrary
      degree distributions and their applications. Physical Review E 64, 026118.
    """
    require_dataframe(table, "table")
    if not isinstance(person, str) or not isinstance(group, str):
        raise TypeError("person and group must be column names (str)")
    if person == group:
        raise ValueError(f"person and group must be different columns, both are {person!r}")
    require_columns(table, [person, group], "table")
    require_nonempty(table[[person, group]], "table")
    missing_person = table[person].isna()
    if missing_person.any():
        raise ValueError(
            f"table has {int(missing_person.sum())} row(s) with a missing {person!r} identifier"
        )
    no_group = table[group].isna()
    if no_group.any():
        lost = pd.unique(table.loc[no_group, person])
        raise ValueError(
            f"table has people in no group (missing {group!r}): {format_items(lost)}; "
            "every person must belong to at least one group"
        )
    person_codes, person_labels = _codes(table[person])
    group_codes, group_labels = _codes(table[group])
    incidence = sp.csr_array(
        (np.ones(person_codes.size, dtype=np.int32), (person_codes, group_codes)),
        shape=(person_labels.size, group_labels.size),
    )
    incidence.sum_duplicates()
    incidence.data[:] = 1
    if people is not None:
        if isinstance(people, (str, bytes)) or not hasattr(people, "__iter__"):
            raise TypeError(
                f"people must be a sequence of person identifiers, got {type(people).__name__}"
            )
        absent = [
            p
            for p in pd.unique(pd.Series(list(people), dtype=object))
            if p not in set(person_labels)
        ]
        if absent:
            raise ValueError(
                f"people in no group (not in table[{person!r}]): {format_items(absent)}"
            )
    return AffiliationNetwork(incidence=incidence, people=person_labels, groups=group_labels)


def require_network(network, name: str = "network") -> AffiliationNetwork:
    """Return ``network`` if it is an AffiliationNetwork, else raise TypeError (shared check)."""
    if not isinstance(network, AffiliationNetwork):
        raise TypeError(
            f"{name} must be an AffiliationNetwork (build it with clusternet.affiliation_network), "
            f"got {type(network).__name__}"
        )
    return network


def project_affiliations(network: AffiliationNetwork, *, weighted: bool = False) -> sp.csr_array:
    """One-mode projection of an affiliation network: people tied when they share a group.

    Computed as one sparse product ``B @ B.T`` (no loop over pairs).

    Parameters
    ----------
    network : AffiliationNetwork
        From ``affiliation_network``.
    weighted : bool
        If True, entries count the groups two people share; otherwise they are 1.

    Returns
    -------
    scipy.sparse.csr_array
        Symmetric people x people matrix with an empty diagonal, rows in the order of
        ``network.people``.

    Raises
    ------
    TypeError
        ``network`` is not an AffiliationNetwork or ``weighted`` is not a bool.

    Examples
    --------
    >>> import pandas as pd
    >>> credits = pd.DataFrame({"person": ["ann", "bob", "bob", "cy"], "group": ["s1", "s1", "s2", "s2"]})
    >>> project_affiliations(affiliation_network(credits)).toarray()
    array([[0, 1, 0],
           [1, 0, 1],
           [0, 1, 0]], dtype=int32)

    References
    ----------
    - Newman, M. E. J. (2001). The structure of scientific collaboration networks. PNAS
      98(2), 404-409.
    """
    require_network(network)
    if not isinstance(weighted, bool):
        raise TypeError(f"weighted must be True or False, got {type(weighted).__name__}")
    key = "weighted" if weighted else "binary"
    if key not in network._projection:
        network._projection[key] = bipartite_projection(
            network.incidence, weighted=weighted, dtype=np.int32
        )
    return network._projection[key].copy()
