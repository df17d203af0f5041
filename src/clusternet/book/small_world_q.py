"""The small-world quotient Q chapter (``chapters/small-world-q.md``): settings, steps, numbers.

The chapter builds Uzzi and Spiro's Q step by step on Davis's southern women (real data),
follows it year by year through a Broadway-like history of musicals (sample data), shows
how the benchmark and the clustering measure move it, recovers the inverted U of success
in Q, separates team-level familiarity from the system-level Q, and sets one-mode
"small-world" yardsticks (sigma) against it. Each step below is one of those sections; the
chapter calls them in its cells and glues what they publish, and :func:`key_results`
composes the same steps for the policy synthesis. The settings and the steps of the last
two sections (team level or system level; one-mode yardsticks) are written in the private
helpers ``_uzzi_settings`` and ``_uzzi_system`` and re-exported here, so that every file
stays short. The real-data sections (the yearly Q of economics from NBER working papers,
success against it, the team-level reading, and EU research consortia) are the steps of
``_uzzi_nber``, ``_uzzi_success`` and ``_uzzi_eu``, re-exported here too; their numbers are not part of :func:`key_results`
(see its notes).

Examples
--------
>>> SETTINGS.window, SETTINGS.study_start
(7, 1945)
>>> results = key_results()  # doctest: +SKIP
>>> round(results["uzzi_q_peak"], 2)  # doctest: +SKIP
1.04

References
----------
- Uzzi, B. and Spiro, J. (2005). Collaboration and creativity: the small world problem.
  American Journal of Sociology 111(2), 447-504.
- Davis, A., Gardner, B. B. and Gardner, M. R. (1941). Deep South. University of Chicago
  Press.
- Gleiser, P. M. and Danon, L. (2003). Community structure in jazz. Advances in Complex
  Systems 6(4), 565-573.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from clusternet import data
from clusternet.book import _uzzi_provenance as prov
from clusternet.book._uzzi_eu import EuConsortia, eu_consortia_q
from clusternet.book._uzzi_nber import NberYearly, nber_memberships, nber_yearly_q
from clusternet.book._uzzi_settings import SETTINGS, Settings
from clusternet.book._uzzi_success import NberSuccess, NberTeams, nber_success, nber_teams
from clusternet.book._uzzi_system import (
    OneModeYardsticks,
    TeamFamiliarity,
    WomenYardsticks,
    one_mode_yardsticks,
    team_familiarity,
    women_yardsticks,
)
from clusternet.book.published import Published, published_values
from clusternet.smallworld import (
    AffiliationNetwork,
    InvertedUFit,
    SmallWorldResult,
    affiliation_network,
    fit_inverted_u,
    small_world_q,
    small_world_q_by_year,
)

__all__ = [
    "Settings",
    "SETTINGS",
    "WomenQ",
    "WomenYardsticks",
    "YearlyQ",
    "PooledQ",
    "InvertedU",
    "TeamFamiliarity",
    "OneModeYardsticks",
    "southern_women",
    "women_q",
    "women_yardsticks",
    "yearly_q",
    "pooled_q",
    "inverted_u",
    "team_familiarity",
    "one_mode_yardsticks",
    "NberYearly",
    "NberSuccess",
    "NberTeams",
    "EuConsortia",
    "nber_memberships",
    "nber_yearly_q",
    "nber_success",
    "nber_teams",
    "eu_consortia_q",
    "key_results",
]

#: the quantities of Q shown step by step for the southern women, in the table's order
Q_STEPS = (
    "clustering",
    "clustering_random",
    "clustering_ratio",
    "path_length",
    "path_length_random",
    "path_length_ratio",
)

# ---------------------------------------------------------------------------
# Q step by step on Davis's southern women (real data)
# ---------------------------------------------------------------------------


def southern_women() -> AffiliationNetwork:
    """Davis's southern women as an affiliation network: 18 women (people) x 14 events (groups).

    Returns
    -------
    AffiliationNetwork

    Raises
    ------
    FileNotFoundError, clusternet.data.DataValidationError
        The data file is missing or does not match its spec.
    """
    attendance = data.load("classics_southern_women_edges")  # source: event, target: woman
    return affiliation_network(attendance, person="target", group="source")


@dataclass(frozen=True)
class WomenQ:
    """Q of the southern women: the result, the table of its steps, the published numbers."""

    result: SmallWorldResult
    steps: pd.Series
    published: dict[str, Published]


def women_q(women: AffiliationNetwork, settings: Settings = SETTINGS) -> WomenQ:
    """Q of the southern women against the simulated bipartite benchmark, step by step.

    Parameters
    ----------
    women : AffiliationNetwork
        From :func:`southern_women`.
    settings : Settings

    Returns
    -------
    WomenQ
        ``steps`` lists clustering, path length, their random benchmarks and ratios, Q and
        its Monte Carlo standard error.
    """
    result = small_world_q(women, draws=settings.draws, seed=settings.women_seed)
    steps = pd.Series(result.to_dict())[[*Q_STEPS, "q", "q_std_error"]]
    published = {
        f"uzzi_women_{name}": Published(
            getattr(result, name),
            "Southern women network (real data, Davis 1941): "
            f"{name.replace('_', ' ')} of the women's projection or of its simulated "
            "bipartite benchmark",
            digits=3,
            headline=False,
        )
        for name in Q_STEPS
    }
    published["uzzi_women_q"] = Published(
        result.q,
        "Small-world quotient Q of Davis's southern women network (real data; women projected "
        "through the events they attended; transitivity; simulated bipartite benchmark, "
        f"{settings.draws} draws, seed {settings.women_seed})",
        unit="Q",
    )
    published["uzzi_women_q"] = prov.monte_carlo(
        published["uzzi_women_q"], result.q_std_error, settings.alpha
    )
    published["uzzi_women_q_se"] = Published(
        result.q_std_error,
        "Monte Carlo standard error of Q for Davis's southern women network (real data)",
        unit="Q",
        digits=3,
        headline=False,
    )
    published["uzzi_women_n_ties"] = Published(
        result.n_ties,
        "Ties between the southern women in the projection (real data)",
        unit="ties",
        digits=0,
        headline=False,
    )
    published["uzzi_women_n_people"] = Published(
        result.n_people,
        "Women in Davis's southern women network (real data)",
        unit="women",
        digits=0,
        headline=False,
    )
    return WomenQ(result=result, steps=steps, published=prov.stamp(published, prov.WOMEN))


# ---------------------------------------------------------------------------
# Q year by year, and what moves it (sample data)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class YearlyQ:
    """The yearly Q series against both benchmarks, its peak year and the benchmark gaps."""

    yearly: pd.DataFrame
    yearly_analytic: pd.DataFrame
    peak: pd.Series
    gaps: pd.DataFrame
    published: dict[str, Published]


def yearly_q(credits: pd.DataFrame, settings: Settings = SETTINGS) -> YearlyQ:
    """Q of each year's network (the shows of a moving window), simulated and analytic.

    Parameters
    ----------
    credits : pandas.DataFrame
        The ``broadway_credits`` sample data (person, show, year, role).
    settings : Settings

    Returns
    -------
    YearlyQ
        ``yearly`` and ``yearly_analytic`` (one row per year, every field of
        ``SmallWorldResult``), the ``peak`` row, and ``gaps``: per year, how far the
        analytic random path length, clustering and Q fall below the simulated ones.
    """
    options = {"window": settings.window, "group": "show", "seed": settings.yearly_seed}
    yearly = small_world_q_by_year(credits, draws=settings.draws, **options)
    yearly_analytic = small_world_q_by_year(credits, benchmark="analytic", **options)
    peak = yearly.loc[yearly["q"].idxmax()]
    gaps = pd.DataFrame(
        {
            "year": yearly["year"],
            "path_length": 1 - yearly_analytic["path_length_random"] / yearly["path_length_random"],
            "clustering": 1 - yearly_analytic["clustering_random"] / yearly["clustering_random"],
            "q": 1 - yearly_analytic["q"] / yearly["q"],
        }
    )
    first, last = int(yearly["year"].iloc[0]), int(yearly["year"].iloc[-1])
    simulated = "transitivity, simulated benchmark"
    published = {
        "uzzi_q_first": Published(
            yearly["q"].iloc[0],
            f"Q of the {first} network (shows of {first - settings.window + 1}-{first}; "
            f"sample data; {simulated})",
            unit="Q",
        ),
        "uzzi_q_peak": Published(
            peak["q"], f"Highest yearly Q, {first}-{last} (sample data; {simulated})", unit="Q"
        ),
        "uzzi_q_peak_year": Published(
            int(peak["year"]),
            "Year in which the sample industry network's Q peaks (sample data)",
            unit="year",
            digits=0,
            thousands=False,
            headline=False,
        ),
        "uzzi_q_last": Published(
            yearly["q"].iloc[-1],
            f"Q of the {last} network (shows of {last - settings.window + 1}-{last}; "
            f"sample data; {simulated})",
            unit="Q",
        ),
        "uzzi_q_se_max": Published(
            yearly["q_std_error"].max(),
            "Largest Monte Carlo standard error of a yearly Q (sample data)",
            unit="Q",
            digits=3,
            headline=False,
        ),
    }
    for name in ("clustering_ratio", "path_length_ratio"):
        words = name.replace("_", " ")
        for end, value in (("min", yearly[name].min()), ("max", yearly[name].max())):
            extreme = "Lowest" if end == "min" else "Highest"
            published[f"uzzi_{name}_{end}"] = Published(
                value,
                f"{extreme} yearly {words} (sample data)",
                unit="ratio",
                headline=False,
            )
    for name, row in (("first", yearly.iloc[0]), ("peak", peak), ("last", yearly.iloc[-1])):
        published[f"uzzi_q_{name}"] = prov.monte_carlo(
            published[f"uzzi_q_{name}"], row["q_std_error"], settings.alpha
        )
    n_years = len(yearly)
    published["uzzi_analytic_path_gap"] = Published(
        gaps["path_length"].median(),
        f"Median, over the {n_years} yearly networks, of how far the analytic "
        "(Newman-Strogatz-Watts) random path length falls below the simulated one (sample data)",
        digits=0,
        percent=True,
    )
    published["uzzi_analytic_path_gap_max"] = Published(
        gaps["path_length"].max(),
        "Largest yearly shortfall of the analytic random path length against simulation "
        "(sample data)",
        digits=0,
        percent=True,
        headline=False,
    )
    published["uzzi_analytic_clustering_gap"] = Published(
        gaps["clustering"].median(),
        f"Median, over the {n_years} yearly networks, of how far the analytic random "
        "clustering falls below the simulated one (sample data)",
        digits=0,
        percent=True,
    )
    published["uzzi_analytic_q_gap"] = Published(
        gaps["q"].median(),
        f"Median, over the {n_years} yearly networks, of how much lower Q is with the "
        "analytic benchmark than with the simulated one (sample data)",
        digits=0,
        percent=True,
    )
    published = prov.stamp(published, prov.BROADWAY)
    return YearlyQ(
        yearly=yearly, yearly_analytic=yearly_analytic, peak=peak, gaps=gaps, published=published
    )


@dataclass(frozen=True)
class PooledQ:
    """Q of the pooled study-period network with the two clustering measures."""

    network: AffiliationNetwork
    transitivity: SmallWorldResult
    mean_local: SmallWorldResult
    published: dict[str, Published]


def pooled_q(credits: pd.DataFrame, settings: Settings = SETTINGS) -> PooledQ:
    """Q of all study shows pooled, with global transitivity and with mean local clustering.

    Parameters
    ----------
    credits : pandas.DataFrame
        The ``broadway_credits`` sample data.
    settings : Settings

    Returns
    -------
    PooledQ
    """
    study = credits[credits["year"] >= settings.study_start]
    network = affiliation_network(study, group="show")
    results = {
        measure: small_world_q(
            network, clustering=measure, draws=settings.draws, seed=settings.pooled_seed
        )
        for measure in ("transitivity", "mean_local")
    }
    last = int(study["year"].max())
    period = f"{settings.study_start}-{last}"
    n_shows = study["show"].nunique()
    published = {
        "uzzi_sample_people": Published(
            study["person"].nunique(),
            f"Artists on the {n_shows} study shows of {period} (sample data)",
            unit="artists",
            digits=0,
            headline=False,
        ),
        "uzzi_pooled_q_transitivity": Published(
            results["transitivity"].q,
            f"Q of the pooled {period} network with global transitivity (sample data; "
            "simulated benchmark)",
            unit="Q",
        ),
        "uzzi_pooled_q_mean_local": Published(
            results["mean_local"].q,
            f"Q of the pooled {period} network with mean local clustering (sample data; "
            "simulated benchmark)",
            unit="Q",
        ),
        "uzzi_pooled_mean_local_clustering": Published(
            results["mean_local"].clustering,
            f"Mean local clustering of the pooled {period} network (sample data)",
            headline=False,
        ),
        "uzzi_pooled_transitivity": Published(
            results["transitivity"].clustering,
            f"Global transitivity of the pooled {period} network (sample data)",
            headline=False,
        ),
    }
    for measure, result in results.items():
        name = f"uzzi_pooled_q_{measure}"
        published[name] = prov.monte_carlo(published[name], result.q_std_error, settings.alpha)
    return PooledQ(
        network=network,
        transitivity=results["transitivity"],
        mean_local=results["mean_local"],
        published=prov.stamp(published, prov.BROADWAY),
    )


# ---------------------------------------------------------------------------
# success and Q: the inverted U (sample data)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InvertedU:
    """The two inverted-U fits, the data they were fitted on and the planted truth."""

    data: pd.DataFrame
    hits: InvertedUFit
    reviews: InvertedUFit
    true_turning_point: float
    turning_points: pd.DataFrame
    published: dict[str, Published]


def _true_turning_point() -> float:
    """The turning point planted in the sample data (``broadway_true_effects``)."""
    truth = data.load("broadway_true_effects")["turning_point"].unique()
    if truth.size != 1:
        raise ValueError(f"the sample outcomes have different planted turning points: {truth}")
    return float(truth[0])


def _fit_numbers(label: str, fit: InvertedUFit, what: str) -> dict[str, Published]:
    """The turning point, its two intervals and the end-point slopes of one fit."""
    tp = fit.turning_point
    out = {
        f"uzzi_turning_point_{label}": Published(
            tp.estimate,
            f"Estimated Q at which {what} peak, with year-clustered standard errors (sample data)",
            unit="Q",
            digits=3,
        )
    }
    for end, word in (("lower", "Lower"), ("upper", "Upper")):
        out[f"uzzi_turning_point_{label}_ci_{end}"] = Published(
            getattr(tp, f"ci_{end}"),
            f"{word} bound of the 95% delta-method interval of the turning point for {what} "
            "(sample data)",
            unit="Q",
            digits=3,
        )
    for end, word in (("lower", "Lower"), ("upper", "Upper")):
        out[f"uzzi_turning_point_{label}_fieller_ci_{end}"] = Published(
            getattr(tp, f"fieller_ci_{end}"),
            f"{word} bound of the 95% Fieller interval of the turning point for {what} "
            "(sample data)",
            unit="Q",
            digits=3,
            headline=False,
        )
    for end, row in zip(("low", "high"), fit.slopes.itertuples(), strict=True):
        for name in ("slope", "ci_lower", "ci_upper"):
            out[f"uzzi_{label}_slope_{end}_{name}"] = Published(
                getattr(row, name),
                f"Slope of the {what} curve (linear predictor) at the {end}est observed Q: "
                f"{name.replace('_', ' ')} (sample data)",
                unit="per unit of Q",
                digits=0,
                signed=name == "slope",
                headline=False,
            )
        stem = f"uzzi_{label}_slope_{end}"
        out = prov.pair(out, f"{stem}_slope", stem)
    return prov.pair(
        out, f"uzzi_turning_point_{label}", f"uzzi_turning_point_{label}_fieller", attach=False
    )


def inverted_u(
    shows: pd.DataFrame, yearly: pd.DataFrame, settings: Settings = SETTINGS
) -> InvertedU:
    """Fit hits (logit) and critics' scores (OLS) on the year's Q and Q squared.

    Parameters
    ----------
    shows : pandas.DataFrame
        The ``broadway_shows`` sample data (one row per study show).
    yearly : pandas.DataFrame
        The yearly Q series (``YearlyQ.yearly``).
    settings : Settings

    Returns
    -------
    InvertedU
        Both fits, the merged data, the planted turning point and a table of the two
        turning points with their intervals.
    """
    analysis = shows.merge(yearly[["year", "q"]], on="year", validate="many_to_one")
    options = {"controls": list(settings.controls), "cluster": settings.cluster}
    hits = fit_inverted_u(analysis, "hit", model="logit", alpha=settings.alpha, **options)
    reviews = fit_inverted_u(analysis, "reviews", model="ols", alpha=settings.alpha, **options)
    truth = _true_turning_point()
    turning_points = pd.DataFrame(
        {"hits": hits.turning_point.to_dict(), "reviews": reviews.turning_point.to_dict()}
    ).T
    published = {
        "uzzi_true_turning_point": Published(
            truth,
            "True turning point of success in Q built into the sample data",
            unit="Q",
            headline=False,
            provenance=prov.PLANTED,
        ),
        "uzzi_hit_rate": Published(
            analysis["hit"].mean(),
            f"Share of the {len(analysis)} study shows that are hits (sample data)",
            digits=0,
            percent=True,
            headline=False,
        ),
    }
    published |= _fit_numbers("hit", hits, "commercial hits (logit)")
    published |= _fit_numbers("reviews", reviews, "critics' scores (OLS)")
    published["uzzi_n_years"] = Published(
        analysis["year"].nunique(),
        "Years (yearly networks) behind the success regressions (sample data)",
        unit="years",
        digits=0,
        headline=False,
    )
    published["uzzi_q_min"] = Published(
        hits.q_range[0],
        "Lowest yearly Q among the study shows (sample data)",
        unit="Q",
        headline=False,
    )
    published["uzzi_q_max"] = Published(
        hits.q_range[1],
        "Highest yearly Q among the study shows (sample data)",
        unit="Q",
        headline=False,
    )
    rows, names = yearly[yearly["year"].isin(analysis["year"])], ("uzzi_q_min", "uzzi_q_max")
    return InvertedU(
        data=analysis,
        hits=hits,
        reviews=reviews,
        true_turning_point=truth,
        turning_points=turning_points,
        published=prov.stamp(
            prov.extremes(published, rows, names, settings.alpha), prov.BROADWAY_SUCCESS
        ),
    )


# ---------------------------------------------------------------------------
# the chapter's headline numbers
# ---------------------------------------------------------------------------


def _headline(published: dict[str, Published]) -> dict[str, Published]:
    return {name: number for name, number in published.items() if number.headline}


def key_results(settings: Settings = SETTINGS) -> dict[str, float]:
    """Headline numbers of the chapter, from the same steps the chapter calls.

    Parameters
    ----------
    settings : Settings

    Returns
    -------
    dict of str to float
        Glue name -> exact value of every headline number (Q of the southern women, the
        yearly Q series and its benchmark gaps, the pooled Q with both clustering measures,
        the turning points with their intervals, and the one-mode sigmas).

    Raises
    ------
    FileNotFoundError, clusternet.data.DataValidationError
        A data file is missing or does not match its spec.

    Notes
    -----
    The real-data steps (``nber_yearly_q``, ``nber_success``, ``nber_teams``,
    ``eu_consortia_q``) publish headline numbers that are pinned in
    ``tests/expected/small-world-q.csv`` but are not returned here: together they take
    about 4 s of CPU (the NBER yearly series alone over 1 s, the EU data about 1 s to load),
    and this function must stay within about 2 s for the synthesis and the briefing.
    """
    credits = data.load("broadway_credits")
    yearly = yearly_q(credits, settings)
    steps = [
        women_q(southern_women(), settings),
        yearly,
        pooled_q(credits, settings),
        inverted_u(data.load("broadway_shows"), yearly.yearly, settings),
        one_mode_yardsticks(credits, yearly.peak, settings),
    ]
    return published_values(*(_headline(step.published) for step in steps))
