"""Benchmark of the hierarchy helpers (`python benchmarks/bench_hierarchy.py`).

Three comparisons against the obvious networkx implementation, run in the same process on
the same inputs; the table reports the speed ratio and the largest difference between
the results (which must be exactly zero or floating-point noise):

- Krackhardt's four measures: ``clusternet.krackhardt_measures`` (one sparse reachability
  matrix, vectorised least-upper-bound check) against loops over pairs with
  ``nx.descendants``, as in the R package sna's original R code;
- the top tier's share of shortest paths: ``clusternet.top_tier_path_share`` (layered
  path counts with sparse products) against ``nx.all_shortest_paths`` per pair;
- a robustness curve: ``clusternet.robustness_curve`` (reverse union-find, the whole
  curve at once) against removing the nodes and recomputing the components with
  networkx at each point;
- flow and Krackhardt hierarchy of a large, consortium-like network (3,000 organisations,
  300 of them coordinators): ``clusternet.network_hierarchy`` (condensation and one
  bit row per source component) against ``nx.flow_hierarchy`` plus the dense
  ``clusternet.krackhardt_hierarchy`` (an n x n reachability matrix). The EU
  consortia (about 32,000 organisations) are out of the dense reference's reach.

- Krackhardt's least-upper-boundedness on trees of 1,000 and 5,000 nodes:
  ``clusternet.krackhardt_lub`` (out-trees of merged cycles need no pairwise check)
  against the previous implementation (all-pairs reachability, then the pairwise check),
  kept below as ``reference_lub``; at 5,000 nodes the reference would need a 6 GB block,
  so only ours runs (target: under 5 s). The classic organisations (Krackhardt's
  managers, Lazega's lawyers: reporting, advice and friendship networks) must give
  identical values with both.

Targets: at least 10 times faster than each reference on the chapter's 85-person
organisations, and the chapter's ``key_results()``
(:mod:`clusternet.book.hierarchy_heterarchy`) under 2 seconds. Writes
``benchmarks/results/hierarchy.json``.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

import clusternet
from clusternet.book import hierarchy_heterarchy as analysis

RESULTS = Path(__file__).resolve().parent / "results"


def naive_krackhardt(graph):
    """Krackhardt's four measures with loops over pairs (the definitions, as in sna)."""
    nodes = list(graph)
    n = len(nodes)
    reach = {v: nx.descendants(graph, v) | {v} for v in graph}
    components = list(nx.weakly_connected_components(graph))
    sizes = [len(c) for c in components]
    linked = mutual = 0
    for i, j in itertools.combinations(nodes, 2):
        forward, backward = j in reach[i], i in reach[j]
        linked += forward or backward
        mutual += forward and backward
    violations, most = 0, 0.0
    for component in components:
        if len(component) < 3:
            continue
        most += (len(component) - 1) * (len(component) - 2) / 2
        for j, k in itertools.combinations(component, 2):
            bounds = [u for u in component if j in reach[u] and k in reach[u]]
            violations += not any(all(u in reach[x] for x in bounds) for u in bounds)
    return {
        "connectedness": sum(s * (s - 1) for s in sizes) / (n * (n - 1)),
        "hierarchy": 1 - mutual / linked,
        "efficiency": 1
        - (graph.number_of_edges() - sum(s - 1 for s in sizes))
        / sum(s * (s - 1) - (s - 1) for s in sizes),
        "lub": 1 - violations / most,
    }


def naive_top_share(graph, top):
    rest = [v for v in graph if v not in top]
    shares = []
    for s, t in itertools.combinations(rest, 2):
        if not nx.has_path(graph, s, t):
            continue
        paths = list(nx.all_shortest_paths(graph, s, t))
        shares.append(sum(any(v in top for v in p[1:-1]) for p in paths) / len(paths))
    return float(np.mean(shares))


def naive_robustness(graph, order, fractions):
    n = graph.number_of_nodes()
    nodes = list(graph)
    out = []
    for fraction in fractions:
        remaining = graph.copy()
        remaining.remove_nodes_from(nodes[i] for i in order[: int(round(fraction * n))])
        out.append(max((len(c) for c in nx.connected_components(remaining)), default=0) / n)
    return np.array(out)


def reference_lub(graph, chunk_size=64):
    """The least-upper-bound check before the tree shortcut (clusternet 0.1.0)."""
    from clusternet._graphs import adjacency_matrix, weak_components
    from clusternet.hierarchy._common import reachability

    adjacency = adjacency_matrix(graph)
    reach_all, labels = reachability(adjacency), weak_components(adjacency)
    violations, maximum = 0, 0.0
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        size = members.size
        if size < 3:
            continue
        reach = reach_all[np.ix_(members, members)]
        ancestors = reach.sum(axis=0)
        common = reach.T.astype(np.int32) @ reach.astype(np.int32)
        weighted = np.where(reach, ancestors[:, None], 0).astype(np.int32)
        best = np.zeros((size, size), dtype=np.int32)
        for start in range(0, size, chunk_size):
            block = weighted[start : start + chunk_size]
            np.maximum(best, np.minimum(block[:, :, None], block[:, None, :]).max(axis=0), out=best)
        has_lub = (common > 0) & (best == common)
        violations += int(np.count_nonzero(~has_lub[np.triu_indices(size, k=1)]))
        maximum += (size - 1) * (size - 2) / 2
    return float(1.0 - violations / maximum)


def lub_rows():
    """Least-upper-boundedness: trees against the previous implementation, and the classics."""
    from clusternet import data

    rows = []
    tree = nx.bfs_tree(nx.random_labeled_tree(1_000, seed=1), 0)
    ours_seconds, ours = timed(lambda: clusternet.krackhardt_lub(tree))
    ref_seconds, ref = timed(lambda: reference_lub(tree), repeat=1)
    rows.append(
        ("Krackhardt LUB", "random tree, 1,000 nodes", ref_seconds, ours_seconds, abs(ours - ref))
    )
    big = nx.bfs_tree(nx.random_labeled_tree(5_000, seed=1), 0)
    ours_seconds, ours = timed(lambda: clusternet.krackhardt_lub(big))
    rows.append(
        ("Krackhardt LUB", "random tree, 5,000 nodes", float("nan"), ours_seconds, abs(ours - 1.0))
    )
    classics = 0.0
    started = time.perf_counter()
    for name in data.list_datasets():
        if (
            name.startswith("classics_")
            and name.endswith("_edges")
            and "southern" not in name
            and "jazz" not in name
        ):
            edges = data.load(name)
            graph = nx.DiGraph(zip(edges["source"], edges["target"], strict=True))
            graph.remove_edges_from(nx.selfloop_edges(graph))
            classics = max(classics, abs(clusternet.krackhardt_lub(graph) - reference_lub(graph)))
    print(
        f"classic organisations: largest LUB difference {classics:.1e} ({time.perf_counter() - started:.1f} s)"
    )
    rows.append(
        ("Krackhardt LUB", "6 classic networks (max diff)", float("nan"), float("nan"), classics)
    )
    return rows


def timed(function, repeat=3):
    best, value = np.inf, None
    for _ in range(repeat):
        started = time.perf_counter()
        value = function()
        best = min(best, time.perf_counter() - started)
    return best, value


def main(argv=None) -> int:
    rows = []
    graphs = {
        "hierarchy (laterality 0.2)": clusternet.tiered_network(
            4, 4, 0.2, ties=168, directed=True, seed=1
        ),
        "heterarchy (laterality 1)": clusternet.tiered_network(
            4, 4, 1.0, ties=168, directed=True, seed=1
        ),
    }
    top = list(range(5))
    fractions = np.round(np.arange(0, 0.5001, 0.025), 3)
    for label, graph in graphs.items():
        ours_seconds, ours = timed(lambda graph=graph: clusternet.krackhardt_measures(graph))
        ref_seconds, ref = timed(lambda graph=graph: naive_krackhardt(graph), repeat=1)
        difference = max(abs(ours[k] - ref[k]) for k in ours)
        rows.append(("Krackhardt's four measures", label, ref_seconds, ours_seconds, difference))

        undirected = nx.Graph(graph)
        ours_seconds, ours = timed(lambda u=undirected: clusternet.top_tier_path_share(u, top))
        ref_seconds, ref = timed(lambda u=undirected: naive_top_share(u, top), repeat=1)
        rows.append(
            ("Top tier's share of paths", label, ref_seconds, ours_seconds, abs(ours - ref))
        )

        ours_seconds, curve = timed(
            lambda u=undirected: clusternet.robustness_curve(
                u, strategy="random", fractions=fractions, runs=1, seed=0
            )
        )
        order = np.random.default_rng(0).permutation(undirected.number_of_nodes())
        ref_seconds, ref = timed(
            lambda u=undirected, o=order: naive_robustness(u, o, fractions), repeat=1
        )
        difference = float(np.max(np.abs(curve["giant_share"].to_numpy() - ref)))
        rows.append(("Robustness curve (21 points)", label, ref_seconds, ours_seconds, difference))

    rng = np.random.default_rng(7)
    sources = rng.integers(0, 300, 12_000)
    targets = rng.integers(0, 3_000, 12_000)
    keep = sources != targets
    arcs = pd.DataFrame({"source": sources[keep], "target": targets[keep]})
    consortium = nx.DiGraph(zip(arcs["source"], arcs["target"], strict=True))
    ours_seconds, ours = timed(lambda: clusternet.network_hierarchy(arcs))
    ref_seconds, ref = timed(
        lambda: (nx.flow_hierarchy(consortium), clusternet.krackhardt_hierarchy(consortium)),
        repeat=1,
    )
    difference = max(
        abs(ours["flow_hierarchy"] - ref[0]), abs(ours["krackhardt_hierarchy"] - ref[1])
    )
    rows.append(
        (
            "Flow + Krackhardt hierarchy",
            "3,000 nodes, 300 sources",
            ref_seconds,
            ours_seconds,
            difference,
        )
    )

    rows.extend(lub_rows())
    key_seconds, _ = timed(analysis.key_results, repeat=1)

    print(
        f"{'task':32} {'network':28} {'reference s':>12} {'clusternet s':>13} {'ratio':>7} {'max diff':>9}"
    )
    for task, label, ref_seconds, ours_seconds, difference in rows:
        ratio = ref_seconds / ours_seconds
        print(
            f"{task:32} {label:28} {ref_seconds:12.4f} {ours_seconds:13.4f} {ratio:7.1f} {difference:9.1e}"
        )
    print(f"key_results(): {key_seconds:.2f} s (target < 2 s)")
    payload = {
        "topic": "hierarchy",
        "rows": [
            {
                "task": task,
                "network": label,
                "reference_seconds": ref_seconds,
                "clusternet_seconds": ours_seconds,
                "ratio": ref_seconds / ours_seconds,
                "max_difference": difference,
            }
            for task, label, ref_seconds, ours_seconds, difference in rows
        ],
        "key_results_seconds": key_seconds,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "hierarchy.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    failed = [r for r in rows if r[4] > 1e-9]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
