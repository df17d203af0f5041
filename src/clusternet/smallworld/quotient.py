"""Uzzi and Spiro's small-world quotient Q of an affiliation network, once or year by year.

Examples
--------
>>> import pandas as pd
>>> from clusternet.smallworld import affiliation_network
>>> teams = pd.DataFrame({"person": list("abcadeafg"), "group": list("xxxyyyzzz")})
>>> small_world_q(affiliation_network(teams), seed=0).n_groups
3
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from clusternet._graphs import bipartite_projection
from clusternet._validation import (
    format_items,
    require_columns,
    require_dataframe,
    require_no_missing,
    require_nonempty,
    require_numeric_columns,
    require_positive_int,
    require_seed,
)
from clusternet.smallworld._common import (
    DEFAULT_EXACT_LIMIT,
    as_adjacency,
    check_quotient_options,
    measure_clustering_and_path,
    random_incidence,
    ratio_result,
)
from clusternet.smallworld.affiliation import (
    AffiliationNetwork,
    affiliation_network,
    require_network,
)
from clusternet.smallworld.benchmarks import nsw_benchmark
from clusternet.smallworld.results import SmallWorldResult

__all__ = ["small_world_q", "small_world_q_by_year"]


def small_world_q(
    network: AffiliationNetwork,
    *,
    clustering: str = "transitivity",
    benchmark: str = "simulated",
    draws: int | None = None,
    sources: int | None = None,
    exact_limit: int = DEFAULT_EXACT_LIMIT,
    min_giant_share: float = 0.1,
    seed=None,
) -> SmallWorldResult:
    """Uzzi and Spiro's small-world quotient Q of an affiliation network.

    The network is projected onto people; its clustering ``C`` and the mean path length
    ``L`` of its giant component are compared with the same quantities for random
    affiliation networks with the same degree sequences:
    ``Q = (C / C_random) / (L / L_random)``. Q above 1 means more clustered for its path
    length than chance (a small world); Q is a property of the whole network.

    Parameters
    ----------
    network : AffiliationNetwork
        From ``affiliation_network``, e.g. all shows of one industry in a window of years.
    clustering : {"transitivity", "mean_local"}
        Clustering measure, see ``clustering_coefficient``. The same measure is used for
        the network and the benchmark. The two give different Q on the same network.
    benchmark : {"simulated", "analytic"}
        ``"simulated"`` (default): the mean of ``draws`` bipartite configuration-model
        networks (``bipartite_configuration_model``), projected and measured exactly like
        the observed one. ``"analytic"``: the Newman-Strogatz-Watts formulas
        (``nsw_benchmark``); fast, but its path length is biased low, so Q comes out low.
        ``"both"``: a pair of results (simulated, analytic) from one measurement of the
        observed network (the simulated one equals ``benchmark="simulated"`` with the same
        seed).
    draws : int, optional
        Benchmark draws (at least 2, so that their spread gives a standard error). Default
        10 for networks of up to 20,000 people, 2 above (the draws then agree to well under
        1%).
    sources : int, optional
        BFS sources for the path lengths (see ``mean_path_length``); default exact up to
        ``exact_limit`` people in the giant component, else 300 sampled sources.
    exact_limit : int
        Largest giant component measured exactly by default.
    min_giant_share : float
        Smallest share of people the giant component must hold (default 0.1), in the
        observed network and in every benchmark draw.
    seed : int, numpy.random.Generator or None
        Seeds source sampling and benchmark draws (None: fresh entropy, so Q varies
        slightly from call to call; pass a seed to reproduce a number).

    Returns
    -------
    SmallWorldResult or tuple of two
        ``q``, its standard error, the observed and benchmark clustering and path length,
        the two ratios and the sizes.

    Raises
    ------
    TypeError
        ``network`` is not an AffiliationNetwork; wrong option types.
    ValueError
        Unknown options; ``clustering="mean_local"`` with the analytic benchmark; a
        projection with no ties or no connected triples; a giant component smaller than 3
        people or than ``min_giant_share``; a benchmark with zero clustering.

    Examples
    --------
    >>> import pandas as pd
    >>> credits = pd.DataFrame({
    ...     "person": ["a", "b", "c", "c", "d", "e", "e", "f", "g", "a", "g", "h"],
    ...     "group": ["s1", "s1", "s1", "s2", "s2", "s2", "s3", "s3", "s3", "s4", "s4", "s4"],
    ... })
    >>> from clusternet.smallworld import affiliation_network
    >>> result = small_world_q(affiliation_network(credits), seed=1)
    >>> result.n_people, result.n_groups
    (8, 4)

    References
    ----------
    - Uzzi, B. and Spiro, J. (2005). Collaboration and creativity: the small world problem.
      American Journal of Sociology 111(2), 447-504.
    - Newman, M. E. J., Strogatz, S. H. and Watts, D. J. (2001). Random graphs with arbitrary
      degree distributions and their applications. Physical Review E 64, 026118.
    """
    require_network(network)
    draws, sources, exact_limit, min_giant_share = check_quotient_options(
        clustering,
        "analytic" if benchmark == "both" else benchmark,
        draws,
        sources,
        exact_limit,
        min_giant_share,
    )
    rng = require_seed(seed)
    adjacency = as_adjacency(network)
    if adjacency.nnz == 0:
        raise ValueError(
            "the network's projection has no ties (every group has one member); Q is undefined"
        )
    observed_clustering, path = measure_clustering_and_path(
        adjacency,
        clustering,
        "the network's projection",
        sources=sources,
        exact_limit=exact_limit,
        rng=rng,
        min_giant_share=min_giant_share,
    )
    shared = {
        "network": network,
        "clustering": clustering,
        "observed_clustering": observed_clustering,
        "path": path,
        "n_ties": adjacency.nnz // 2,
    }
    if benchmark == "both":
        return tuple(
            _against(b, draws, sources, exact_limit, min_giant_share, rng, **shared)
            for b in ("simulated", "analytic")
        )
    return _against(benchmark, draws, sources, exact_limit, min_giant_share, rng, **shared)


def _against(
    benchmark,
    draws,
    sources,
    exact_limit,
    min_giant_share,
    rng,
    *,
    network,
    clustering,
    observed_clustering,
    path,
    n_ties,
) -> SmallWorldResult:
    """Q of an already measured network against one benchmark (draws use ``rng``)."""
    if benchmark == "analytic":
        analytic = nsw_benchmark(network.memberships, network.group_sizes)
        c_random, l_random, c_se, l_se, n_draws = (
            analytic.clustering,
            analytic.path_length,
            0.0,
            0.0,
            0,
        )
    else:
        n_draws = draws if draws is not None else (10 if network.n_people <= 20_000 else 2)
        c_draws, l_draws = np.empty(n_draws), np.empty(n_draws)
        for d in range(n_draws):
            null = bipartite_projection(random_incidence(network, rng))
            c_draws[d], null_path = measure_clustering_and_path(
                null,
                clustering,
                "a benchmark draw",
                sources=path.n_sources if not path.exact else sources,
                exact_limit=exact_limit,
                rng=rng,
                min_giant_share=min_giant_share,
            )
            l_draws[d] = null_path.mean
            del null  # free this draw's ties before the next draw builds its own
        c_random, l_random = float(c_draws.mean()), float(l_draws.mean())
        c_se = float(c_draws.std(ddof=1) / np.sqrt(n_draws))
        l_se = float(l_draws.std(ddof=1) / np.sqrt(n_draws))
    return ratio_result(
        clustering=observed_clustering,
        path=path,
        clustering_random=c_random,
        path_random=l_random,
        clustering_random_se=c_se,
        path_random_se=l_se,
        benchmark=benchmark,
        measure=clustering,
        n_people=network.n_people,
        n_groups=network.n_groups,
        n_ties=n_ties,
        draws=n_draws,
        what=benchmark,
    )


def small_world_q_by_year(
    table: pd.DataFrame,
    *,
    window: int = 7,
    person: str = "person",
    group: str = "group",
    year: str = "year",
    years=None,
    seed: int | None = None,
    **options,
) -> pd.DataFrame:
    """Q of each year's network, built from the groups of a moving window of years.

    The network of year ``y`` holds every group whose year lies in ``y - window + 1 ... y``
    (Uzzi and Spiro's industry network of recent collaborations). Only years with a
    complete window are measured by default.

    Parameters
    ----------
    table : pandas.DataFrame
        Tidy memberships with person, group and year columns (one year per group).
    window : int
        Window length in years (at least 1, at most the span of the data).
    person, group, year : str
        Column names.
    years : sequence of int, optional
        Years to measure; each needs a complete window inside the data. Default: every
        year from the first complete window to the last year.
    seed : int, optional
        Base seed; year ``y`` uses the seed sequence ``(seed, y)``, so a year's Q does not
        depend on which other years are measured. None (default) draws a fresh base seed.
    **options
        Passed to ``small_world_q`` (``clustering``, ``benchmark``, ``draws``, ``sources``,
        ``exact_limit``, ``min_giant_share``).

    Returns
    -------
    pandas.DataFrame
        One row per year: ``year``, then every field of ``SmallWorldResult``; with
        ``benchmark="both"`` two rows per year (``benchmark`` simulated, then analytic).

    Raises
    ------
    TypeError
        ``table`` is not a DataFrame, non-integer years or window.
    ValueError
        Missing columns or values, a group listed in more than one year, a window longer
        than the data, a requested year without a complete window, and every error of
        ``small_world_q`` (naming the year).

    Examples
    --------
    >>> import clusternet
    >>> credits = clusternet.data.load("broadway_credits")  # doctest: +SKIP
    >>> small_world_q_by_year(credits, window=7, group="show").head()  # doctest: +SKIP

    References
    ----------
    - Uzzi, B. and Spiro, J. (2005). Collaboration and creativity: the small world problem.
      American Journal of Sociology 111(2), 447-504.
    """
    require_dataframe(table, "table")
    require_columns(table, [person, group, year], "table")
    require_nonempty(table, "table")
    require_no_missing(table, "table", [person, group, year])
    require_numeric_columns(table, "table", [year])
    window = require_positive_int(window, "window")
    if seed is None:
        seed = int(np.random.SeedSequence().entropy)
    elif isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(
            f"seed must be an integer (one seed sequence per year), got {type(seed).__name__}"
        )
    unknown = set(options) - {
        "clustering",
        "benchmark",
        "draws",
        "sources",
        "exact_limit",
        "min_giant_share",
    }
    if unknown:
        raise TypeError(f"unknown option(s) for small_world_q: {format_items(sorted(unknown))}")
    year_values = table[year].to_numpy()
    if (year_values != np.round(year_values)).any():
        raise ValueError(f"table[{year!r}] must hold whole years")
    group_years = table.groupby(group, sort=False)[year].nunique()
    if (group_years > 1).any():
        raise ValueError(
            f"group(s) listed in more than one year: {format_items(list(group_years.index[group_years > 1]))}; "
            "a group (show, project) must have one year"
        )
    first, last = int(year_values.min()), int(year_values.max())
    span = last - first + 1
    if window > span:
        raise ValueError(
            f"window of {window} years is longer than the data ({first}-{last}, {span} years)"
        )
    if years is None:
        chosen = list(range(first + window - 1, last + 1))
    else:
        chosen = [int(require_positive_int(y, "years", minimum=-(10**9))) for y in years]
        early = [y for y in chosen if y - window + 1 < first or y > last]
        if early:
            raise ValueError(
                f"year(s) {format_items(early)} have no complete {window}-year window inside the data ({first}-{last})"
            )
    rows = []
    for y in chosen:
        in_window = table.loc[(year_values >= y - window + 1) & (year_values <= y)]
        if in_window.empty:
            raise ValueError(f"year {y}: no groups in the window {y - window + 1}-{y}")
        rng = np.random.default_rng(np.random.SeedSequence([int(seed), int(y)]))
        try:
            result = small_world_q(
                affiliation_network(in_window, person=person, group=group), seed=rng, **options
            )
        except ValueError as error:
            raise ValueError(f"year {y} (window {y - window + 1}-{y}): {error}") from error
        for one in result if isinstance(result, tuple) else (result,):
            rows.append({"year": y, **one.to_dict()})
    return pd.DataFrame(rows)
