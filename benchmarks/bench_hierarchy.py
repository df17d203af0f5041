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
