"""Kernels shared by the files of :mod:`clusternet.smallworld` (private).

The measures, the quotient and sigma all turn their input into one kind of adjacency
(binary, symmetric, float64 CSR array without a diagonal), count triangles with row-chunked
sparse products, and measure path lengths with a bit-parallel multi-source BFS; the
simulated benchmark draws incidence matrices by stub matching. Inputs are validated by
the public functions that call these.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import networkx as nx
import numpy as np
import scipy.sparse as sp

from clusternet._graphs import (
    adjacency_matrix,
    bipartite_projection,
    drop_diagonal,
    giant_component,
)
from clusternet._validation import require_fraction, require_in, require_positive_int
from clusternet.smallworld.affiliation import AffiliationNetwork
from clusternet.smallworld.results import PathLength, SmallWorldResult

#: the clustering measures ``clustering_coefficient`` and ``small_world_q`` accept
CLUSTERING_MEASURES = ("transitivity", "mean_local")
#: the random benchmarks ``small_world_q`` accepts
BENCHMARKS = ("simulated", "analytic")
#: sources drawn for a sampled path length when none are given
DEFAULT_SOURCES = 300
#: giant components up to this many people get an exact path length by default
DEFAULT_EXACT_LIMIT = 10_000
#: fewest people a giant component needs for a path length to mean anything
MIN_GIANT_SIZE = 3
#: most (edges x 64-source words) gathered per BFS level; bounds memory, sets sources per pass
BFS_WORD_BUDGET = 1_000_000
#: A BFS level runs top-down when the newly reached people hold at most this share of ties.
PUSH_SHARE = 0.05
#: Two-step paths per block of rows in ``triangle_total`` (bounds its working memory).
TRIANGLE_BLOCK_PATHS = 8_000_000
#: Stored ties above which clustering and path length are measured in two threads.
PARALLEL_MIN_TIES = 1_000_000
#: Bottom-up levels ask only unfinished people once more than this share are finished.
RESTRICT_SHARE = 0.5


def as_adjacency(graph, name: str = "graph") -> sp.csr_array:
    """Return a binary, symmetric CSR adjacency (float64, no diagonal) from a graph-like input."""
    if isinstance(graph, AffiliationNetwork):
        return bipartite_projection(graph.incidence)  # binary, symmetric, sorted, no diagonal
    if isinstance(graph, nx.Graph):
        if graph.is_directed():
            raise ValueError(
                f"{name} must be an undirected graph; convert with graph.to_undirected()"
            )
        if graph.number_of_nodes() == 0:
            raise ValueError(f"{name} is empty (no nodes)")
        adjacency = adjacency_matrix(graph)
    elif sp.issparse(graph):
        adjacency = sp.csr_array(graph)
        if adjacency.shape[0] != adjacency.shape[1]:
            raise ValueError(
                f"{name} must be a square adjacency matrix, got shape {adjacency.shape}"
            )
        if adjacency.shape[0] == 0:
            raise ValueError(f"{name} is empty (no nodes)")
        if adjacency.nnz and not np.isfinite(adjacency.data).all():
            raise ValueError(f"{name} has non-finite entries")
        if adjacency.nnz and (adjacency.data < 0).any():
            raise ValueError(f"{name} has negative entries; tie weights cannot be negative")
        if (adjacency != adjacency.T).nnz:
            raise ValueError(f"{name} is not symmetric; Q is defined for undirected networks")
    else:
        raise TypeError(
            f"{name} must be a scipy sparse matrix, a networkx Graph or an AffiliationNetwork, "
            f"got {type(graph).__name__}"
        )
    return drop_diagonal(adjacency)  # self-loops carry no information on clustering or distance


def triangles_and_degrees(adjacency: sp.csr_array) -> tuple[np.ndarray, np.ndarray]:
    """Triangles through each node and node degrees, from row chunks of ``A @ A`` masked by ``A``."""
    n = adjacency.shape[0]
    degree = np.diff(adjacency.indptr).astype(np.float64)
    # the work (and memory) of a row of A @ A is at most the sum of its neighbours' degrees
    budget = 2.0e7
    if adjacency.nnz * (adjacency.nnz / max(n, 1)) < budget / 4:  # small graph: one product
        return np.asarray(
            (adjacency @ adjacency).multiply(adjacency).sum(axis=1)
        ).ravel() / 2.0, degree
    cost = np.cumsum(adjacency @ degree)
    triangles = np.zeros(n, dtype=np.float64)
    start = 0
    while start < n:
        stop = int(
            np.searchsorted(cost, (cost[start - 1] if start else 0.0) + budget, side="right")
        )
        stop = min(max(stop, start + 1), n)
        rows = adjacency[start:stop]
        triangles[start:stop] = np.asarray((rows @ adjacency).multiply(rows).sum(axis=1)).ravel()
        start = stop
    return triangles / 2.0, degree


def triangle_total(adjacency: sp.csr_array) -> float:
    """Three times the number of triangles (the sum of per-node triangles), by degree ordering.

    Each tie is kept once, pointing from the lower- to the higher-degree end (ties broken by
    index); every triangle is then counted exactly once by ``(U @ U) * U``, and a node's
    out-degree is at most ``sqrt(2 m)``, so hubs (an organisation in 150 projects) cost far
    less than the full ``A @ A``. The count is an exact integer, equal to
    ``triangles_and_degrees(adjacency)[0].sum()``.
    """
    n = adjacency.shape[0]
    degree = np.diff(adjacency.indptr)
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((np.arange(n), degree))] = np.arange(n)
    rows = np.repeat(np.arange(n, dtype=np.int32), degree)
    keep = rank[rows] < rank[adjacency.indices]
    # int32 counts (a path count is at most the out-degree) move half the bytes of float64
    upper = sp.csr_array(
        (np.ones(int(keep.sum()), dtype=np.int32), (rows[keep], adjacency.indices[keep])),
        shape=adjacency.shape,
    )
    # rows in blocks of about TRIANGLE_BLOCK_PATHS two-step paths, so the product stays small
    out_degree = np.diff(upper.indptr)
    paths = np.cumsum(upper @ out_degree.astype(np.float64))
    total, start = 0, 0
    while start < n:
        stop = int(np.searchsorted(paths, paths[start] + TRIANGLE_BLOCK_PATHS, side="right"))
        stop = min(max(stop, start + 1), n)
        block = upper[start:stop]
        total += int((block @ upper).multiply(block).sum(dtype=np.int64))
        start = stop
    return 3.0 * float(total)


def measure_clustering(adjacency: sp.csr_array, measure: str, name: str = "graph") -> float:
    """Global transitivity or mean local clustering of an adjacency from ``as_adjacency``."""
    if measure == "transitivity":
        degree = np.diff(adjacency.indptr).astype(np.float64)
        wedges = degree * (degree - 1.0) / 2.0
        if wedges.sum() == 0:
            raise ValueError(
                f"{name} has no two ties that share a node (no connected triples); clustering is undefined"
            )
        return float(triangle_total(adjacency) / wedges.sum())
    triangles, degree = triangles_and_degrees(adjacency)
    wedges = degree * (degree - 1.0) / 2.0
    local = np.divide(triangles, wedges, out=np.zeros_like(triangles), where=wedges > 0)
    return float(local.mean())


def _tally(words, level, batch_total, batch_reached, total, reached, per_source) -> None:
    """Add the people newly reached at ``level`` (rows of 64-bit source words) to the sums:
    per source (one bit each) or, without ``per_source``, only the overall totals."""
    if per_source:
        as_bytes = np.ascontiguousarray(words, dtype="<u8").reshape(len(words), -1)
        bits = np.unpackbits(as_bytes.view(np.uint8), axis=1, bitorder="little")
        counts = bits.sum(axis=0, dtype=np.int64)
        batch_total += level * counts
        batch_reached += counts
    else:
        count = int(np.bitwise_count(words).sum(dtype=np.int64))
        total[0] += level * count
        reached[0] += count


def _direction_optimised_distance_sums(
    adjacency: sp.csr_array, sources: np.ndarray, *, per_source: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """``distance_sums`` for large graphs: one 64-bit word of sources per pass, and each BFS
    level done the cheaper way (direction-optimising BFS, Beamer, Asanovic and Patterson
    2012).

    - **Top-down** while the ties of the newly reached people are few (the first and last
      levels): they tell their neighbours.
    - **Bottom-up** otherwise: every person asks their neighbours; once more than half of
      the people have been reached from every source of the pass, only the others ask.

    The sums equal those of the all-bottom-up levels exactly (a test checks it).
    """
    n = adjacency.shape[0]
    indptr, indices = adjacency.indptr, adjacency.indices
    degree = np.diff(indptr)
    m = indices.size
    has_neighbours = degree > 0
    row_starts = indptr[:-1][has_neighbours]
    total = np.zeros(sources.size if per_source else 1, dtype=np.int64)
    reached = np.zeros(sources.size if per_source else 1, dtype=np.int64)
    one = np.uint64(1)
    for first in range(0, sources.size, 64):
        batch = sources[first : first + 64]
        bits = np.left_shift(one, np.arange(batch.size).astype(np.uint64))
        frontier = np.zeros(n, dtype=np.uint64)
        frontier[batch] = bits
        full = np.bitwise_or.reduce(bits)
        seen = frontier.copy()
        active = np.unique(batch)
        level = 0
        batch_total = np.zeros(64, dtype=np.int64)
        batch_reached = np.zeros(64, dtype=np.int64)
        finished = 0
        while True:
            level += 1
            counts = degree[active]
            push_edges = int(counts.sum())
            new = np.zeros(n, dtype=np.uint64)
            if push_edges <= PUSH_SHARE * m:
                offsets = np.repeat(indptr[active] - np.cumsum(counts) + counts, counts)
                targets = indices[offsets + np.arange(push_edges)]
                np.bitwise_or.at(new, targets, np.repeat(frontier[active], counts))
            elif finished > RESTRICT_SHARE * n:
                rows = np.flatnonzero(has_neighbours & (seen != full))
                row_counts = degree[rows]
                offsets = np.repeat(indptr[rows] - np.cumsum(row_counts) + row_counts, row_counts)
                gathered = frontier[indices[offsets + np.arange(offsets.size)]]
                starts = np.cumsum(row_counts) - row_counts
                new[rows] = np.bitwise_or.reduceat(gathered, starts)
            else:
                new[has_neighbours] = np.bitwise_or.reduceat(frontier[indices], row_starts)
            new &= ~seen
            active = np.flatnonzero(new)
            if active.size == 0:
                break
            frontier = new
            seen[active] |= new[active]
            finished += int(np.count_nonzero(seen[active] == full))
            _tally(new[active], level, batch_total, batch_reached, total, reached, per_source)
        if per_source:
            total[first : first + batch.size] = batch_total[: batch.size]
            reached[first : first + batch.size] = batch_reached[: batch.size]
    return total, reached


def distance_sums(
    adjacency: sp.csr_array, sources: np.ndarray, *, per_source: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Sum of BFS distances and number of nodes reached from each source (64 sources per word).

    Each node holds 64-bit words whose bit ``b`` says whether source ``b`` has reached it;
    one level of BFS for all sources of a pass is one gather and one OR-reduction over the
    CSR neighbour lists. With ``per_source=False`` only the totals over all sources are
    returned (as length-1 arrays), which skips unpacking the bits at every level.
    """
    n = adjacency.shape[0]
    indices = adjacency.indices
    degree = np.diff(adjacency.indptr)
    has_neighbours = degree > 0
    row_starts = adjacency.indptr[:-1][has_neighbours]
    total = np.zeros(sources.size if per_source else 1, dtype=np.int64)
    reached = np.zeros(sources.size if per_source else 1, dtype=np.int64)
    # words of 64 sources per pass: several on small graphs (fewer Python-level steps),
    # one on large graphs (the gathered array stays in cache-friendly sizes)
    words = int(max(1, min(-(-sources.size // 64), BFS_WORD_BUDGET // max(indices.size, 1))))
    if words == 1:
        return _direction_optimised_distance_sums(adjacency, sources, per_source=per_source)
    one = np.uint64(1)
    for first in range(0, sources.size, 64 * words):
        batch = sources[first : first + 64 * words]
        bit = np.arange(batch.size)
        frontier = np.zeros((n, words), dtype=np.uint64)
        frontier[batch, bit // 64] = np.left_shift(one, (bit % 64).astype(np.uint64))
        seen = frontier.copy()
        level = 0
        batch_total = np.zeros(64 * words, dtype=np.int64)
        batch_reached = np.zeros(64 * words, dtype=np.int64)
        while True:
            level += 1
            gathered = np.bitwise_or.reduceat(frontier[indices], row_starts, axis=0)
            frontier = np.zeros((n, words), dtype=np.uint64)
            frontier[has_neighbours] = gathered
            frontier &= ~seen
            active = np.flatnonzero(frontier.any(axis=1))
            if active.size == 0:
                break
            seen |= frontier
            _tally(frontier[active], level, batch_total, batch_reached, total, reached, per_source)
        if per_source:
            total[first : first + batch.size] = batch_total[: batch.size]
            reached[first : first + batch.size] = batch_reached[: batch.size]
    return total, reached


def measure_path_length(
    adjacency, *, sources, exact_limit, rng, name="graph", min_giant_share=0.0
) -> PathLength:
    """Mean path length of the giant component: exact, or from ``sources`` sampled sources."""
    n = adjacency.shape[0]
    giant = giant_component(adjacency)
    if giant.size < MIN_GIANT_SIZE:
        raise ValueError(
            f"the giant component of {name} has {giant.size} node(s); a path length needs at least "
            f"{MIN_GIANT_SIZE} connected nodes (is the network edgeless or all isolated pairs?)"
        )
    share = giant.size / n
    if share < min_giant_share:
        raise ValueError(
            f"the giant component of {name} holds {share:.1%} of its {n} nodes, below min_giant_share="
            f"{min_giant_share:.1%}; its path length would describe a small fragment of the network"
        )
    sub = adjacency if giant.size == n else adjacency[giant][:, giant].tocsr()
    size = giant.size
    if sources is None:
        k = size if size <= exact_limit else min(DEFAULT_SOURCES, size)
    else:
        k = min(int(sources), size)
    exact = k >= size
    if exact:
        total, reached = distance_sums(sub, np.arange(size), per_source=False)
        if int(reached[0]) != size * (size - 1):  # pragma: no cover - guards the bit-parallel BFS
            raise RuntimeError("internal error: BFS did not reach the whole giant component")
        return PathLength(
            mean=float(total[0] / (size * (size - 1.0))),
            std_error=0.0,
            exact=True,
            n_sources=int(size),
            n_giant=int(size),
            giant_share=float(share),
        )
    chosen = np.sort(rng.choice(size, size=k, replace=False))
    total, reached = distance_sums(sub, chosen)
    if not (reached == size - 1).all():  # pragma: no cover - guards the bit-parallel BFS
        raise RuntimeError("internal error: BFS did not reach the whole giant component")
    per_source = total / (size - 1)
    mean = float(per_source.mean())
    fpc = (size - k) / (size - 1)  # k >= 2 here: sources is validated, and a smaller giant is exact
    std_error = float(per_source.std(ddof=1) / np.sqrt(k) * np.sqrt(fpc))
    return PathLength(
        mean=mean,
        std_error=std_error,
        exact=False,
        n_sources=int(k),
        n_giant=int(size),
        giant_share=float(share),
    )


def measure_clustering_and_path(
    adjacency: sp.csr_array, clustering: str, name: str, **path_options
) -> tuple[float, PathLength]:
    """``measure_clustering`` and ``measure_path_length`` of one network, side by side.

    Above ``PARALLEL_MIN_TIES`` stored ties the two run in two threads: SciPy's sparse
    products and NumPy's gathers release the GIL, so on two cores the pair takes about as
    long as the slower one. Only the path length draws from ``path_options["rng"]``, so the
    results are identical to running them one after the other.
    """
    if adjacency.nnz < PARALLEL_MIN_TIES:
        return (
            measure_clustering(adjacency, clustering, name),
            measure_path_length(adjacency, name=name, **path_options),
        )
    with ThreadPoolExecutor(max_workers=2) as pool:
        clustered = pool.submit(measure_clustering, adjacency, clustering, name)
        path = measure_path_length(adjacency, name=name, **path_options)
        return clustered.result(), path


def random_incidence(network: AffiliationNetwork, rng: np.random.Generator) -> sp.csr_array:
    """Stub matching: person stubs in row order, group stubs shuffled; repeated pairs kept once."""
    person_stubs = np.repeat(np.arange(network.n_people), network.memberships)
    group_stubs = rng.permutation(network.incidence.indices)
    order = np.lexsort((group_stubs, person_stubs))
    person_stubs, group_stubs = person_stubs[order], group_stubs[order]
    first = np.ones(person_stubs.size, dtype=bool)
    first[1:] = (person_stubs[1:] != person_stubs[:-1]) | (group_stubs[1:] != group_stubs[:-1])
    indptr = np.zeros(network.n_people + 1, dtype=np.int64)
    np.cumsum(np.bincount(person_stubs[first], minlength=network.n_people), out=indptr[1:])
    return sp.csr_array(
        (np.ones(int(first.sum()), dtype=np.int32), group_stubs[first], indptr),
        shape=network.incidence.shape,
    )


def check_quotient_options(clustering, benchmark, draws, sources, exact_limit, min_giant_share):
    """Validate the options of ``small_world_q``; return the checked numeric ones."""
    require_in(clustering, CLUSTERING_MEASURES, "clustering")
    require_in(benchmark, BENCHMARKS, "benchmark")
    if benchmark == "analytic" and clustering != "transitivity":
        raise ValueError(
            "the analytic (Newman-Strogatz-Watts) benchmark predicts global transitivity only; "
            "use clustering='transitivity' or benchmark='simulated'"
        )
    if draws is not None:
        draws = require_positive_int(draws, "draws", minimum=2)
    if sources is not None:
        sources = require_positive_int(sources, "sources", minimum=2)
    exact_limit = require_positive_int(exact_limit, "exact_limit")
    min_giant_share = require_fraction(min_giant_share, "min_giant_share")
    return draws, sources, exact_limit, min_giant_share


def ratio_result(
    *,
    clustering,
    path,
    clustering_random,
    path_random,
    clustering_random_se,
    path_random_se,
    benchmark,
    measure,
    n_people,
    n_groups,
    n_ties,
    draws,
    what,
) -> SmallWorldResult:
    """Assemble a ``SmallWorldResult``: the two ratios, Q and its delta-method standard error."""
    if clustering_random <= 0:
        raise ValueError(
            f"the {what} benchmark has zero clustering (no triangles), so the clustering ratio and Q "
            "are infinite; this happens when no group has three or more members"
        )
    clustering_ratio = clustering / clustering_random
    path_ratio = path.mean / path_random
    q = clustering_ratio / path_ratio
    relative_variance = (path.std_error / path.mean) ** 2 + (
        clustering_random_se / clustering_random
    ) ** 2
    relative_variance += (path_random_se / path_random) ** 2
    return SmallWorldResult(
        q=float(q),
        q_std_error=float(abs(q) * np.sqrt(relative_variance)),
        clustering=float(clustering),
        path_length=path.mean,
        path_length_std_error=path.std_error,
        clustering_random=float(clustering_random),
        path_length_random=float(path_random),
        clustering_random_std_error=float(clustering_random_se),
        path_length_random_std_error=float(path_random_se),
        clustering_ratio=float(clustering_ratio),
        path_length_ratio=float(path_ratio),
        benchmark=benchmark,
        clustering_measure=measure,
        n_people=int(n_people),
        n_groups=int(n_groups),
        n_ties=int(n_ties),
        n_giant=path.n_giant,
        giant_share=path.giant_share,
        path_length_exact=path.exact,
        draws=int(draws),
    )
