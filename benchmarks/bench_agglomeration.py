"""Benchmark of the tomahawk diagram (`python benchmarks/bench_agglomeration.py`).

The reference implementation is the plain way to write it: for every transport cost and
every share on the grid, solve the two wage equations with ``scipy.optimize.fsolve``,
one system at a time, and read the equilibria from the gaps. ``tomahawk_diagram`` solves
all the systems at once with a vectorised fixed point and refines interior equilibria by
vectorised bisection. Both run here on the chapter's grid (``SETTINGS``: 300 costs x 101
shares); the reference on a tenth of the costs, scaled up. The table reports the times,
the speed ratio, and the largest difference between the two sets of real-wage gaps
(floating-point noise expected). Target (issue 17): the diagram in under 2 seconds.

Writes ``benchmarks/results/agglomeration.json``.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from scipy.optimize import fsolve

from clusternet.agglomeration import real_wage_gap, tomahawk_diagram
from clusternet.book import why_clusters_form as analysis

RESULTS = Path(__file__).resolve().parent / "results"


def _reference_gap(share: float, cost: float, sigma: float, mu: float) -> float:
    """Real-wage gap from one fsolve of the wage equations (the plain implementation)."""

    def equations(w):
        w1, w2 = w
        y1 = mu * share * w1 + (1 - mu) / 2
        y2 = mu * (1 - share) * w2 + (1 - mu) / 2
        g1 = (share * w1 ** (1 - sigma) + (1 - share) * (w2 * cost) ** (1 - sigma)) ** (
            1 / (1 - sigma)
        )
        g2 = (share * (w1 * cost) ** (1 - sigma) + (1 - share) * w2 ** (1 - sigma)) ** (
            1 / (1 - sigma)
        )
        return [
            w1
            - (y1 * g1 ** (sigma - 1) + y2 * g2 ** (sigma - 1) * cost ** (1 - sigma))
            ** (1 / sigma),
            w2
            - (y1 * g1 ** (sigma - 1) * cost ** (1 - sigma) + y2 * g2 ** (sigma - 1))
            ** (1 / sigma),
        ]

    with warnings.catch_warnings():  # fsolve warns when it cannot improve on 1e-13
        warnings.simplefilter("ignore", RuntimeWarning)
        w1, w2 = fsolve(equations, [1.0, 1.0], xtol=1e-13)
    g1 = (share * w1 ** (1 - sigma) + (1 - share) * (w2 * cost) ** (1 - sigma)) ** (1 / (1 - sigma))
    g2 = (share * (w1 * cost) ** (1 - sigma) + (1 - share) * w2 ** (1 - sigma)) ** (1 / (1 - sigma))
    return w1 * g1 ** (-mu) - w2 * g2 ** (-mu)


def main(argv=None) -> int:
    s = analysis.SETTINGS
    costs = np.linspace(s.cost_min, s.cost_max, s.n_costs)
    shares = np.linspace(0.5, 1.0, s.n_shares)

    start = time.perf_counter()
    diagram = tomahawk_diagram(costs, sigma=s.sigma, mu=s.mu, n_shares=s.n_shares)
    ours_seconds = time.perf_counter() - start

    subset = costs[:: max(1, s.n_costs // 30)]
    start = time.perf_counter()
    reference = np.array([[_reference_gap(x, t, s.sigma, s.mu) for x in shares] for t in subset])
    reference_seconds = (time.perf_counter() - start) * costs.size / subset.size

    ours = real_wage_gap(shares[None, :], subset[:, None], sigma=s.sigma, mu=s.mu)
    difference = float(np.max(np.abs(ours - reference)))
    result = {
        "grid": f"{s.n_costs} costs x {s.n_shares} shares",
        "equilibria": int(len(diagram)),
        "ours_seconds": round(ours_seconds, 3),
        "reference_seconds_scaled": round(reference_seconds, 3),
        "speed_ratio": round(reference_seconds / ours_seconds, 1),
        "max_gap_difference": difference,
        "target_seconds": 2.0,
        "meets_target": ours_seconds < 2.0,
    }
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "agglomeration.json").write_text(
        json.dumps(result, indent=2) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
