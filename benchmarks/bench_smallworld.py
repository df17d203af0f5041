"""Benchmark of Uzzi and Spiro's Q (`python benchmarks/bench_smallworld.py [--large]`).

A synthetic collaboration network like the one measured in ``../shared/research/domain-tools.md``:
teams of 4 to 8 people (0.34 teams per pool member), people in communities of 100, each
seat filled from the team's community with probability 0.8 and busier people (log-normal
activity) more often. ``--people 137000`` in the pool gives about 100,000 people and 660,000
projected ties; ``--large`` adds the 1,370,000 pool (about 1,000,000 people).

Three pipelines compute the same Q (global transitivity, path length from 300 sampled
sources with its standard error, bipartite configuration-model benchmark with 2 draws),
timed end to end from the table of memberships:

- **clusternet**: ``affiliation_network`` + ``small_world_q`` (sparse projection, row-chunked
  sparse triangle counts, 64-source bit-parallel BFS; NumPy and SciPy only);
- **igraph**: ``Graph.Bipartite(...).bipartite_projection``, ``transitivity_undirected``,
  ``closeness`` from the sampled sources, on the same benchmark draws (NumPy stub shuffle);
- **networkx**: ``bipartite.projected_graph``, ``transitivity``,
  ``single_source_shortest_path_length``, ``bipartite.configuration_model``. It is run in
  full on a 10,000-person network; at 100,000 people its projection and transitivity are
  measured on the observed network and its BFS from 20 sources, and the pipeline's time is
  extrapolated from those parts (stated as such in the table).

Targets (issue): Q of the 100,000-person network in under 10 s; within 2x of igraph; at
least 20x faster than networkx; 1,000,000 people in under 30 s with a peak under 2 GiB
(issue 20; clustering and path length of each network run in two threads); a
Broadway-sized yearly network (2,000 people) in under 1 s. Also measured: the 95th
percentile error of the 300-source path length (exact path lengths at 10,000 people), and
how far the analytic benchmark and mean local clustering move Q at 100,000 people.

Real data (issue 12): the whole NBER yearly series (authors x working papers, 5-year
windows 1977-2021, both benchmarks from one measurement of each network, 10 simulated
draws, path lengths from 300 sampled sources above 2,000 people) against the target of
20 s, with the reference pipeline (two separate ``small_world_q_by_year`` calls, one per
benchmark) in the same run, and how far the chapter's cheaper series (``SETTINGS``) lies
from it. ``--nber-only`` runs only this part.

Writes ``benchmarks/results/smallworld.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import igraph
import networkx as nx
import numpy as np
import pandas as pd

import clusternet
from clusternet import smallworld as sw
from clusternet._graphs import giant_component
from clusternet.smallworld import _common

RESULTS = Path(__file__).resolve().parent / "results"
SOURCES, DRAWS, SEED = 300, 2, 1


def community_teams(
    n_pool: int, seed: int = 0, community: int = 100, local: float = 0.8
) -> pd.DataFrame:
    """Memberships (person, group) of the synthetic collaboration network."""
    rng = np.random.default_rng(seed)
    n_teams = int(round(0.34 * n_pool))
    team = np.repeat(np.arange(n_teams), rng.integers(4, 9, size=n_teams))
    activity = np.cumsum(rng.lognormal(0.0, 0.8, size=n_pool))
    home = rng.integers(0, -(-n_pool // community), size=n_teams)[team] * community
    low = np.where(home > 0, activity[home - 1], 0.0)
    high = activity[np.minimum(home + community, n_pool) - 1]
    local_pick = np.searchsorted(activity, low + rng.random(team.size) * (high - low))
    global_pick = np.searchsorted(activity, rng.random(team.size) * activity[-1])
    person = np.minimum(
        np.where(rng.random(team.size) < local, local_pick, global_pick), n_pool - 1
    )
    return pd.DataFrame({"person": person, "group": team})


def timed(function, *args, repeat: int = 1, **kwargs):
    """(median seconds, last result) over ``repeat`` runs."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args, **kwargs)
        times.append(time.perf_counter() - started)
    return float(np.median(times)), result


# --- the three pipelines ----------------------------------------------------------


def clusternet_q(table: pd.DataFrame, **options):
    network = sw.affiliation_network(table)
    return sw.small_world_q(network, sources=SOURCES, draws=DRAWS, seed=SEED, **options)


def _codes(table):
    person = pd.factorize(table["person"])[0]
    group = pd.factorize(table["group"])[0]
    pairs = np.unique(np.column_stack([person, group]), axis=0)
    return pairs[:, 0], pairs[:, 1], int(person.max()) + 1, int(group.max()) + 1


def _null_pairs(person, group, rng):
    """Bipartite configuration model by stub shuffle (the same null as clusternet's)."""
    pairs = np.unique(np.column_stack([person, rng.permutation(group)]), axis=0)
    return pairs[:, 0], pairs[:, 1]


def _igraph_measure(person, group, n_people, n_groups, rng):
    types = [False] * n_people + [True] * n_groups
    edges = np.column_stack([person, group + n_people])
    bipartite = igraph.Graph.Bipartite(types, edges.tolist())
    projection = bipartite.bipartite_projection(which=0, multiplicity=False)
    clustering = projection.transitivity_undirected()
    giant = projection.connected_components().giant()
    sources = rng.choice(giant.vcount(), size=min(SOURCES, giant.vcount()), replace=False)
    closeness = np.asarray(giant.closeness(vertices=sources.tolist()))  # (n - 1) / sum of distances
    return clustering, float(np.mean(1.0 / closeness))


def igraph_q(table: pd.DataFrame) -> float:
    rng = np.random.default_rng(SEED)
    person, group, n_people, n_groups = _codes(table)
    clustering, path = _igraph_measure(person, group, n_people, n_groups, rng)
    nulls = [
        _igraph_measure(*_null_pairs(person, group, rng), n_people, n_groups, rng)
        for _ in range(DRAWS)
    ]
    c_r, l_r = np.mean(nulls, axis=0)
    return (clustering / c_r) / (path / l_r)


def _networkx_projection(person, group):
    bipartite = nx.Graph()
    bipartite.add_edges_from(
        (("p", int(p)), ("g", int(g))) for p, g in zip(person, group, strict=True)
    )
    # sorted: the node order (and so the sampled sources) must not depend on string hashing
    people = sorted({("p", int(p)) for p in person})
    return nx.bipartite.projected_graph(bipartite, people)


def _networkx_giant(projection):
    # a copy, not a subgraph view: BFS on a view is several times slower
    return projection.subgraph(max(nx.connected_components(projection), key=len)).copy()


def _networkx_path_length(projection, rng, sources=SOURCES, giant=None):
    giant = _networkx_giant(projection) if giant is None else giant
    nodes = sorted(giant)
    chosen = rng.choice(len(nodes), size=min(sources, len(nodes)), replace=False)
    means = [
        sum(nx.single_source_shortest_path_length(giant, nodes[i]).values()) / (len(nodes) - 1)
        for i in chosen
    ]
    return float(np.mean(means))


def _networkx_null(person, group, rng):
    people_degree = np.bincount(person)
    group_degree = np.bincount(group)
    multigraph = nx.bipartite.configuration_model(
        people_degree.tolist(), group_degree.tolist(), seed=int(rng.integers(2**31 - 1))
    )
    n = people_degree.size
    edges = np.array([(u, v - n) for u, v in multigraph.edges()])
    pairs = np.unique(edges, axis=0)
    return pairs[:, 0], pairs[:, 1]


def networkx_q(table: pd.DataFrame) -> float:
    rng = np.random.default_rng(SEED)
    person, group, _, _ = _codes(table)
    observed = _networkx_projection(person, group)
    clustering, path = nx.transitivity(observed), _networkx_path_length(observed, rng)
    nulls = []
    for _ in range(DRAWS):
        projection = _networkx_projection(*_networkx_null(person, group, rng))
        nulls.append((nx.transitivity(projection), _networkx_path_length(projection, rng)))
    c_r, l_r = np.mean(nulls, axis=0)
    return (clustering / c_r) / (path / l_r)


def networkx_extrapolated(table: pd.DataFrame, probe_sources: int = 20) -> dict:
    """Time networkx's parts on the observed network and scale them to the whole pipeline."""
    rng = np.random.default_rng(SEED)
    person, group, _, _ = _codes(table)
    projection_seconds, projection = timed(_networkx_projection, person, group)
    transitivity_seconds, _ = timed(nx.transitivity, projection)
    giant_seconds, giant = timed(_networkx_giant, projection)
    bfs_seconds, _ = timed(
        _networkx_path_length, projection, rng, sources=probe_sources, giant=giant
    )
    per_graph = (
        projection_seconds
        + transitivity_seconds
        + giant_seconds
        + bfs_seconds / probe_sources * SOURCES
    )
    return {
        "projection_seconds": projection_seconds,
        "transitivity_seconds": transitivity_seconds,
        "giant_component_seconds": giant_seconds,
        "bfs_seconds_per_source": bfs_seconds / probe_sources,
        "pipeline_seconds_extrapolated": per_graph * (1 + DRAWS),
        "note": f"projection, transitivity and giant component measured once, BFS from {probe_sources} "
        f"sources; pipeline = (1 + {DRAWS} draws) x (projection + transitivity + giant + {SOURCES} BFS)",
    }


# --- accuracy of the sampled path length -----------------------------------------------


def sampled_path_error(table: pd.DataFrame, sources: int = SOURCES, resamples: int = 2000) -> dict:
    """Exact per-source mean distances, then the error of ``sources``-source estimates by resampling."""
    adjacency = _common.as_adjacency(sw.affiliation_network(table))
    giant = giant_component(adjacency)
    sub = adjacency[giant][:, giant].tocsr()
    total, _ = _common.distance_sums(sub, np.arange(sub.shape[0]))
    per_source = total / (sub.shape[0] - 1)
    exact = per_source.mean()
    rng = np.random.default_rng(0)
    estimates = np.array(
        [
            per_source[rng.choice(per_source.size, sources, replace=False)].mean()
            for _ in range(resamples)
        ]
    )
    errors = np.abs(estimates / exact - 1)
    return {
        "n_giant": int(sub.shape[0]),
        "sources": sources,
        "exact": float(exact),
        "median_error": float(np.median(errors)),
        "p95_error": float(np.quantile(errors, 0.95)),
    }


# --- runs ----------------------------------------------------------------------------------


def nber_series() -> dict:
    """Time the full NBER yearly series (both benchmarks) and compare the chapter's series."""
    from clusternet.book import small_world_q as chapter

    settings = chapter.SETTINGS
    memberships = chapter.nber_memberships()
    full = {
        "window": settings.nber_window,
        "person": "author",
        "group": "paper",
        "seed": settings.nber_seed,
        "draws": 10,
        "sources": 300,
        "exact_limit": 2_000,
    }
    seconds, both = timed(sw.small_world_q_by_year, memberships, benchmark="both", **full)
    analytic_options = {k: v for k, v in full.items() if k != "draws"}

    def separate():
        simulated = sw.small_world_q_by_year(memberships, **full)
        analytic = sw.small_world_q_by_year(memberships, benchmark="analytic", **analytic_options)
        return simulated, analytic

    reference, _ = timed(separate)
    chapter_seconds, step = timed(chapter.nber_yearly_q, memberships)
    simulated = both[both["benchmark"] == "simulated"].set_index("year")
    cheap = step.yearly.set_index("year")
    usable = cheap["usable"]
    z = (cheap["q"] - simulated["q"]).abs() / np.hypot(
        cheap["q_std_error"], simulated["q_std_error"]
    )
    result = {
        "years": int(simulated.shape[0]),
        "seconds_full_both_benchmarks": seconds,
        "seconds_reference_two_calls": reference,
        "speedup_vs_reference": reference / seconds,
        "seconds_chapter_series": chapter_seconds,
        "chapter_settings": {
            "draws": settings.nber_draws,
            "sources": settings.nber_sources,
            "exact_limit": settings.nber_exact_limit,
        },
        "full_q_range_usable": [
            float(simulated.loc[usable, "q"].min()),
            float(simulated.loc[usable, "q"].max()),
        ],
        "full_q_se_max_usable": float(simulated.loc[usable, "q_std_error"].max()),
        "chapter_vs_full_max_z_usable": float(z[usable].max()),
        "chapter_vs_full_max_abs_usable": float((cheap["q"] - simulated["q"]).abs()[usable].max()),
    }
    print(f"{'NBER yearly series (real data)':<62}{'seconds':>10}  note")
    rows = [
        (f"full: {result['years']} years, both benchmarks, 10 draws", seconds, "target <= 20 s"),
        ("   reference: one call per benchmark", reference, f"ratio {reference / seconds:.1f}x"),
        (
            f"chapter: {settings.nber_draws} draws, {settings.nber_sources} sources",
            chapter_seconds,
            f"max |dQ| {result['chapter_vs_full_max_abs_usable']:.3f} "
            f"({result['chapter_vs_full_max_z_usable']:.1f} combined SE)",
        ),
    ]
    for label, value, note in rows:
        print(f"{label:<62}{value:>10.2f}  {note}")
    return result


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # Linux reports KiB


def child(kind: str, n_pool: int) -> None:
    """Run one pipeline on one size in this (fresh) process; print JSON with time and memory."""
    table = community_teams(n_pool)
    started = time.perf_counter()
    if kind == "clusternet":
        result = clusternet_q(table)
        q = result.q
        extra = {
            "q_std_error": result.q_std_error,
            "people": result.n_people,
            "ties": result.n_ties,
        }
    else:
        q, extra = igraph_q(table), {}
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "q": q,
                "peak_rss_gb": peak_rss_gb(),
                **extra,
            }
        )
    )


def run_child(kind: str, n_pool: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--people", str(n_pool)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--large", action="store_true", help="also run the 1,000,000-person network"
    )
    parser.add_argument("--people", type=int, default=137_000, help="pool size of the main network")
    parser.add_argument("--child", choices=["clusternet", "igraph"], help=argparse.SUPPRESS)
    parser.add_argument("--nber-only", action="store_true", help="only the NBER yearly series")
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.people)
        return 0
    if args.nber_only:
        nber = nber_series()
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / "smallworld.json"
        out = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        out["nber_series"] = nber
        path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        return 0

    out: dict = {"sources": SOURCES, "draws": DRAWS}
    rows = []
    out["nber_series"] = nber_series()

    # Broadway-sized yearly network and the chapter's 45-year series
    small = community_teams(2_700, seed=3)
    seconds, result = timed(
        lambda: sw.small_world_q(sw.affiliation_network(small), seed=SEED), repeat=5
    )
    out["broadway_sized"] = {
        "people": result.n_people,
        "seconds": seconds,
        "q": result.q,
        "exact": result.path_length_exact,
        "draws": result.draws,
    }
    rows.append((f"Q, {result.n_people:,} people (exact, 10 draws)", seconds, "< 1 s"))
    credits = clusternet.data.load("broadway_credits")
    seconds, yearly = timed(
        sw.small_world_q_by_year, credits, window=7, group="show", seed=0, repeat=3
    )
    out["yearly_series"] = {"years": len(yearly), "seconds": seconds}
    rows.append((f"yearly Q series, {len(yearly)} years (sample data)", seconds, "seconds"))

    # 10,000 people: all three pipelines in full, and the sampling error of the path length
    mid = community_teams(13_700)
    ours_mid, q_mid = timed(clusternet_q, mid, repeat=3)
    igraph_mid, q_igraph_mid = timed(igraph_q, mid)
    networkx_mid, q_networkx_mid = timed(networkx_q, mid)
    out["people_10k"] = {
        "people": q_mid.n_people,
        "ties": q_mid.n_ties,
        "seconds": {"clusternet": ours_mid, "igraph": igraph_mid, "networkx": networkx_mid},
        "q": {
            "clusternet": q_mid.q,
            "clusternet_se": q_mid.q_std_error,
            "igraph": q_igraph_mid,
            "networkx": q_networkx_mid,
        },
        "sampled_path_length": sampled_path_error(mid),
    }
    rows += [
        (f"Q, {q_mid.n_people:,} people: clusternet", ours_mid, ""),
        ("   igraph pipeline", igraph_mid, f"ratio {igraph_mid / ours_mid:.1f}x"),
        ("   networkx pipeline (measured)", networkx_mid, f"ratio {networkx_mid / ours_mid:.0f}x"),
    ]

    # 100,000 people
    big = community_teams(args.people)
    ours_big, q_big = timed(clusternet_q, big, repeat=3)
    igraph_big, q_igraph_big = timed(igraph_q, big)
    networkx_big = networkx_extrapolated(big)
    analytic = clusternet_q(big, benchmark="analytic")
    mean_local = clusternet_q(big, clustering="mean_local")
    out["people_100k"] = {
        "people": q_big.n_people,
        "ties": q_big.n_ties,
        "seconds": {
            "clusternet": ours_big,
            "igraph": igraph_big,
            "networkx_extrapolated": networkx_big["pipeline_seconds_extrapolated"],
        },
        "networkx_parts": networkx_big,
        "q": {
            "clusternet": q_big.q,
            "clusternet_se": q_big.q_std_error,
            "igraph": q_igraph_big,
            "mean_local": mean_local.q,
            "analytic": analytic.q,
        },
        "analytic_vs_simulated": {
            "clustering_random": analytic.clustering_random / q_big.clustering_random - 1,
            "path_length_random": analytic.path_length_random / q_big.path_length_random - 1,
        },
        "peak_rss_gb_process": peak_rss_gb(),
    }
    rows += [
        (f"Q, {q_big.n_people:,} people: clusternet", ours_big, "target < 10 s"),
        (
            "   igraph pipeline",
            igraph_big,
            f"ratio {igraph_big / ours_big:.1f}x (target: clusternet within 2x)",
        ),
        (
            "   networkx pipeline (extrapolated)",
            networkx_big["pipeline_seconds_extrapolated"],
            f"ratio {networkx_big['pipeline_seconds_extrapolated'] / ours_big:.0f}x (target >= 20x)",
        ),
    ]

    if args.large:
        ours_large = run_child("clusternet", args.people * 10)
        igraph_large = run_child("igraph", args.people * 10)
        out["people_1m"] = {"clusternet": ours_large, "igraph": igraph_large}
        rows += [
            (
                f"Q, {ours_large['people']:,} people: clusternet (peak {ours_large['peak_rss_gb']:.2f} GiB)",
                ours_large["seconds"],
                "target < 30 s, peak < 2 GiB",
            ),
            (
                f"   igraph pipeline (peak {igraph_large['peak_rss_gb']:.2f} GiB)",
                igraph_large["seconds"],
                f"ratio {igraph_large['seconds'] / ours_large['seconds']:.1f}x",
            ),
        ]

    print(f"{'step':<62}{'seconds':>10}  note")
    for label, seconds, note in rows:
        print(f"{label:<62}{seconds:>10.2f}  {note}")
    mid_q, big_q = out["people_10k"]["q"], out["people_100k"]["q"]
    print(
        f"\nQ at 10k: clusternet {mid_q['clusternet']:.3f} (SE {mid_q['clusternet_se']:.3f}), "
        f"igraph {mid_q['igraph']:.3f}, networkx {mid_q['networkx']:.3f}"
    )
    print(
        f"Q at 100k: clusternet {big_q['clusternet']:.3f} (SE {big_q['clusternet_se']:.3f}), igraph "
        f"{big_q['igraph']:.3f}; mean local clustering {big_q['mean_local']:.3f}; analytic benchmark "
        f"{big_q['analytic']:.3f}"
    )
    gaps = out["people_100k"]["analytic_vs_simulated"]
    print(
        f"analytic vs simulated benchmark at 100k: clustering {gaps['clustering_random']:+.1%}, "
        f"path length {gaps['path_length_random']:+.1%}"
    )
    error = out["people_10k"]["sampled_path_length"]
    print(
        f"path length from {error['sources']} sources at {error['n_giant']:,} people: median error "
        f"{error['median_error']:.2%}, 95th percentile {error['p95_error']:.2%}"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "smallworld.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
