"""A seeded generator of the continuum from a tiered tree (hierarchy) to a heterarchy.

``tiered_network`` holds the number of people and ties fixed and changes only where the
ties run: laterality 0 is a pure hierarchy (every tie on the chain of command), laterality
1 a heterarchy (no tie on it).
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from clusternet._validation import (
    require_fits,
    require_fraction,
    require_positive_int,
    require_seed,
)

__all__ = ["tiered_network"]


def _tree_structure(branching: int, tiers: int):
    sizes = branching ** np.arange(tiers)
    n = int(sizes.sum())
    tier = np.repeat(np.arange(tiers), sizes)
    parent = np.concatenate([[-1], (np.arange(1, n) - 1) // branching])
    ancestor = np.zeros((n, n), dtype=bool)  # ancestor[u, v]: u is above v in v's chain
    start = 1
    for level in range(1, tiers):
        members = np.arange(start, start + sizes[level])
        ancestor[:, members] = ancestor[:, parent[members]]
        ancestor[parent[members], members] = True
        start += sizes[level]
    return n, tier, parent, ancestor


def tiered_network(
    branching: int = 4,
    tiers: int = 4,
    laterality: float = 0.0,
    *,
    ties: int | None = None,
    directed: bool = False,
    seed=None,
):
    """A tiered organisation on the continuum from hierarchy (0) to heterarchy (1).

    Start from a balanced tree: one person at the top, each with ``branching``
    subordinates, over ``tiers`` tiers; every tie runs along the chain of command. With
    ``ties`` above the tree's ``n - 1``, the extra ties are skip-level ties (a person
    and a superior above their boss), drawn uniformly from all such pairs, so the
    network is still a pure hierarchy. Then each tie, with probability ``laterality``,
    is re-wired: it keeps its lower end and moves its upper end to a person chosen
    uniformly among those outside that person's chain of command (neither a superior
    nor a subordinate) and not yet tied to them, becoming a lateral (same tier) or
    cross-tier link. Size and number of ties stay fixed along the continuum.

    Parameters
    ----------
    branching : int
        Subordinates per superior (span of control), at least 2.
    tiers : int
        Number of tiers, at least 2; tier 0 is the top.
    laterality : float
        Probability in [0, 1] that a tie is re-wired off the chain of command.
    ties : int, optional
        Number of ties, from ``n - 1`` (a tree, the default) to ``n - 1`` plus the number
        of skip-level pairs.
    directed : bool
        Return a ``networkx.DiGraph``: chain-of-command ties point down (superior to
        subordinate), re-wired ties become a pair of opposite arcs (two-way exchange).
    seed : int or numpy.random.Generator, optional
        Random seed.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Nodes ``0..n-1`` numbered top-down, with node attributes ``tier`` and ``boss``
        (the formal superior, -1 for the top) and edge attribute ``kind``: ``"chain"``,
        ``"lateral"`` or ``"cross-tier"``. ``graph.graph`` records the parameters.

    Raises
    ------
    TypeError
        Non-integer ``branching``, ``tiers`` or ``ties``; a bad ``seed``.
    ValueError
        ``branching`` or ``tiers`` below 2, ``laterality`` outside [0, 1], ``ties`` out
        of range, a tie that cannot be re-wired (everyone off the chain is already
        tied to that person), or an organisation too large for memory (its people x
        people matrices pass 2 GiB: about 23,000 people).

    Examples
    --------
    >>> g = tiered_network(3, 3, 0.0)
    >>> g.number_of_nodes(), g.number_of_edges()
    (13, 12)
    >>> h = tiered_network(3, 3, 1.0, seed=1)
    >>> sorted({kind for _, _, kind in h.edges(data="kind")})
    ['cross-tier', 'lateral']

    References
    ----------
    - Mulder (1999). The creative city or redesigning society. In Verwijnen and
      Lehtovuori (eds), *Creative Cities*, UIAH, Helsinki.
    - Watts, D. J. and Strogatz, S. H. (1998). Collective dynamics of small-world
      networks. *Nature* 393, 440-442 (the re-wiring idea).
    """
    branching = require_positive_int(branching, "branching", minimum=2)
    tiers = require_positive_int(tiers, "tiers", minimum=2)
    laterality = require_fraction(laterality, "laterality")
    if not isinstance(directed, bool):
        raise TypeError(f"directed must be True or False, got {type(directed).__name__}")
    rng = require_seed(seed)
    people = (branching**tiers - 1) // (branching - 1)  # exact: Python integers
    require_fits(  # four people x people matrices of booleans
        4.0 * people * people,
        f"an organisation of {people:,} people (branching={branching}, tiers={tiers})",
    )
    n, tier, parent, ancestor = _tree_structure(branching, tiers)
    skip = ancestor.copy()
    skip[parent[1:], np.arange(1, n)] = False
    skip_pairs = np.argwhere(skip)  # (superior, subordinate)
    ties = n - 1 if ties is None else require_positive_int(ties, "ties")
    most = n - 1 + len(skip_pairs)
    if not n - 1 <= ties <= most:
        raise ValueError(
            f"ties must lie between {n - 1} (a tree) and {most} (every skip-level pair tied) "
            f"for branching={branching}, tiers={tiers}; got {ties}"
        )
    lower = list(range(1, n))
    upper = list(parent[1:])
    if ties > n - 1:
        chosen = skip_pairs[np.sort(rng.choice(len(skip_pairs), ties - (n - 1), replace=False))]
        upper += chosen[:, 0].tolist()
        lower += chosen[:, 1].tolist()
    chain = ancestor | ancestor.T
    adjacency = np.zeros((n, n), dtype=bool)
    adjacency[lower, upper] = True
    adjacency[upper, lower] = True
    rewire = rng.random(ties) < laterality
    kinds = ["chain"] * ties
    for index in np.flatnonzero(rewire):
        low, high = lower[index], upper[index]
        allowed = ~chain[low] & ~adjacency[low]
        allowed[low] = False
        candidates = np.flatnonzero(allowed)
        if candidates.size == 0:
            raise ValueError(
                f"cannot re-wire the tie of node {low}: everyone outside its chain of command "
                "is already tied to it; use fewer ties or a larger organisation"
            )
        target = int(candidates[rng.integers(candidates.size)])
        adjacency[low, high] = adjacency[high, low] = False
        adjacency[low, target] = adjacency[target, low] = True
        upper[index] = target
        kinds[index] = "lateral" if tier[low] == tier[target] else "cross-tier"
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from((v, {"tier": int(tier[v]), "boss": int(parent[v])}) for v in range(n))
    for low, high, kind in zip(lower, upper, kinds, strict=True):
        low, high = int(low), int(high)
        graph.add_edge(high, low, kind=kind)
        if directed and kind != "chain":  # a re-wired tie is a two-way exchange
            graph.add_edge(low, high, kind=kind)
    graph.graph.update(
        branching=branching,
        tiers=tiers,
        laterality=laterality,
        ties=ties,
        rewired=int(rewire.sum()),
    )
    return graph
