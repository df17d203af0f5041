"""Sample data for the small-world Q chapter: a Broadway-like history of musicals.

The history is **sample data**, made by the team-assembly model of Guimerà, Uzzi, Spiro and
Amaral (2005) (``clusternet.team_assembly_model``) and calibrated to the published facts
about Uzzi and Spiro's (2005) Broadway data (see ``../shared/research/papers.md``, section 4,
and ``data/sample-broadway/README.md``):

- 474 new musicals ("study shows") in 1945-1989 (VERIFIED). Uzzi and Spiro report 2,092
  artists on them (VERIFIED secondary); the sample has about 1,900, because the newcomer
  rate is tied to the path of ``p`` that makes Q rise and fall. Sixty-odd earlier
  "warm-up" shows (1939-1944) are included in the credits only so that the network of 1945
  already has a complete seven-year window, as Uzzi and Spiro's catalogue reached back
  before 1945 (Guimerà et al.'s Broadway data start in 1877; VERIFIED secondary).
- Six creative roles: composer, lyricist, librettist, choreographer, director, producer
  (UNVERIFIED as Uzzi and Spiro's exact coding; used as a plausible team make-up).
- Team sizes 4 to 10 people, mean 7 (an assumption: no published distribution verified).
- About 75% of study shows are flops (VERIFIED secondary: about 75% in 1945-89).
- Success rises and then falls with the year's Q: an inverted U (sign VERIFIED; the
  magnitudes here are invented: large enough that 474 shows detect the curve in hits with
  about 85% power, Lind-Mehlum test at 5%, and in critics' scores almost surely).

How it is made (seed ``SEED``):

1. Shows per year: 10 or 11 a year on average (multinomial over the study years, Poisson
   in the warm-up years).
2. Teams: ``team_assembly_model`` with retirement after ``TAU`` idle years. The incumbent
   probability ``p`` drifts from 0.25 (1939) up to 0.58 (1967) and back to 0.30 (1989);
   the repeat-collaboration probability ``q`` is 0.6 throughout. More incumbents circulating
   shortens paths between the industry's clusters, so Q rises and then falls.
3. Roles: each team's six roles go to distinct members when the team has six or more people
   (extra members are mostly co-producers); in smaller teams some members hold two roles
   (one row per role in the credits).
4. Q of each year: ``small_world_q_by_year`` with a ``WINDOW``-year window and the
   chapter's defaults (global transitivity, simulated bipartite benchmark, 10 draws, seed 0).
5. Team size and veteran share (share of the team with a show in an earlier year) come from
   ``team_repeat_share`` on the credits.
6. Success of each study show, given its year's Q (true turning point ``TRUE_TURNING_POINT``):
   ``hit`` ~ Bernoulli(logistic(``HIT_INTERCEPT`` - ``HIT_CURVATURE`` (Q - Q*)^2 + 1.2
   (veteran share - 0.4) + 0.05 (team size - 7))) and ``reviews`` = ``REVIEW_PEAK`` -
   ``REVIEW_CURVATURE`` (Q - Q*)^2 + 10 (veteran share - 0.4) + 0.5 (team size - 7) +
   Normal(0, ``REVIEW_NOISE``), a 0-100 critics' score. These planted curves are written
   to ``sample-broadway/true_effects.csv`` by ``broadway_true_effects``; the chapter
   reads the truth from there.

References
----------
- Guimerà, R., Uzzi, B., Spiro, J. and Amaral, L. A. N. (2005). Team assembly mechanisms
  determine collaboration network structure and team performance. Science 308, 697-702.
- Lind, J. T. and Mehlum, H. (2010). With or without U? The appropriate test for a
  U-shaped relationship. Oxford Bulletin of Economics and Statistics 72(1), 109-118.
- Uzzi, B. and Spiro, J. (2005). Collaboration and creativity: the small world problem.
  American Journal of Sociology 111(2), 447-504.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from clusternet.catalog.smallworld import OUTCOME_MODELS, ROLES
from clusternet.smallworld import small_world_q_by_year, team_assembly_model, team_repeat_share

__all__ = [
    "broadway_history",
    "broadway_credits",
    "broadway_shows",
    "broadway_true_effects",
    "SEED",
]

# The generator's design. Nothing outside this module imports these constants: the planted
# success curves are written to data/sample-broadway/true_effects.csv, and the chapter's
# study settings (window, study period, seeds) live in clusternet.book.small_world_q.

#: seed of the whole history
SEED = 2005
#: first year of the study period and last year of the data
STUDY_START, LAST_YEAR = 1945, 1989
#: moving window (years) of each year's network; the warm-up years make 1945's window complete
WINDOW = 7
FIRST_YEAR = STUDY_START - WINDOW + 1
#: study shows (Uzzi and Spiro's count of new musicals, 1945-1989)
STUDY_SHOWS = 474
#: retirement: artists idle for more than this many years leave the pool
TAU = 4
#: drift of the incumbent probability p over the years (year, p), linear in between
P_DRIFT = ((FIRST_YEAR, 0.25), (1967, 0.58), (LAST_YEAR, 0.30))
#: repeat-collaboration probability q
Q_REPEAT = 0.6
#: seed that the chapter (and this generator) use for the yearly Q
Q_SEED = 0
#: true turning point of success in Q (the value the chapter should recover)
TRUE_TURNING_POINT = 0.95
HIT_INTERCEPT = -0.7
HIT_CURVATURE = 120.0
REVIEW_PEAK = 50.0
REVIEW_CURVATURE = 400.0
REVIEW_NOISE = 8.0
#: effects of the controls, centred at a veteran share of 0.4 and a team of 7
HIT_VETERAN_EFFECT, HIT_SIZE_EFFECT = 1.2, 0.05
REVIEW_VETERAN_EFFECT, REVIEW_SIZE_EFFECT = 10.0, 0.5
VETERAN_CENTRE, SIZE_CENTRE = 0.4, 7


def _team_roles(size: int, rng: np.random.Generator) -> list[tuple[int, str]]:
    """(member index, role) pairs for one team; small teams double up roles."""
    pairs: list[tuple[int, str]] = []
    order = rng.permutation(len(ROLES))
    if size >= len(ROLES):
        pairs += [(member, ROLES[order[member]]) for member in range(len(ROLES))]
        for member in range(len(ROLES), size):
            role = "producer" if rng.random() < 0.6 else ROLES[int(rng.integers(len(ROLES) - 1))]
            pairs.append((member, role))
    else:
        pairs += [(member, ROLES[order[member]]) for member in range(size)]
        for extra in order[size:]:
            pairs.append((int(rng.integers(size)), ROLES[extra]))
    return pairs


@lru_cache(maxsize=2)
def broadway_history(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Generate the sample Broadway history: ``(credits, shows)``.

    Parameters
    ----------
    seed : int
        Seed of the whole history (default ``SEED``).

    Returns
    -------
    credits : pandas.DataFrame
        ``person, show, year, role``: one row per person, show and role, 1939-1989.
    shows : pandas.DataFrame
        ``show, year, team_size, veteran_share, hit, reviews``: the 474 study shows of
        1945-1989.

    Raises
    ------
    TypeError
        ``seed`` is not an int.

    Examples
    --------
    >>> credits, shows = broadway_history()  # doctest: +SKIP
    >>> len(shows)  # doctest: +SKIP
    474

    References
    ----------
    - Guimerà, R., Uzzi, B., Spiro, J. and Amaral, L. A. N. (2005). Team assembly
      mechanisms determine collaboration network structure and team performance.
      Science 308, 697-702.
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    rng = np.random.default_rng(seed)
    years = np.arange(FIRST_YEAR, LAST_YEAR + 1)
    study_years = years[years >= STUDY_START]
    warmup_years = years[years < STUDY_START]
    per_study_year = rng.multinomial(STUDY_SHOWS, np.full(study_years.size, 1 / study_years.size))
    per_warmup_year = rng.poisson(STUDY_SHOWS / study_years.size, size=warmup_years.size)
    per_year = np.concatenate([per_warmup_year, per_study_year])
    show_year = np.repeat(years, per_year)
    team_size = 4 + rng.binomial(6, 0.5, size=show_year.size)
    p_show = np.interp(show_year, [y for y, _ in P_DRIFT], [p for _, p in P_DRIFT])
    teams = team_assembly_model(team_size, p_show, Q_REPEAT, times=show_year, tau=TAU, seed=rng)

    show_ids = np.array([f"S{i + 1:03d}" for i in range(show_year.size)])
    person_ids = np.array([f"A{i + 1:04d}" for i in range(int(teams["person"].max()) + 1)])
    slot_in_team = teams.groupby("team").cumcount().to_numpy()
    members = {
        (int(t), int(s)): int(p)
        for t, s, p in zip(teams["team"], slot_in_team, teams["person"], strict=True)
    }
    rows = []
    for team, size in enumerate(team_size):
        for member, role in _team_roles(int(size), rng):
            rows.append(
                (person_ids[members[(team, member)]], show_ids[team], int(show_year[team]), role)
            )
    credits = pd.DataFrame(rows, columns=["person", "show", "year", "role"])
    credits = credits.drop_duplicates(["person", "show", "role"]).reset_index(drop=True)

    teams_table = team_repeat_share(credits, group="show").set_index("show").reindex(show_ids)
    veteran_share = teams_table["veteran_share"].to_numpy()
    yearly = small_world_q_by_year(credits, window=WINDOW, group="show", seed=Q_SEED)
    q_of_year = dict(zip(yearly["year"], yearly["q"], strict=True))
    study = show_year >= STUDY_START
    q_show = np.array([q_of_year[int(y)] for y in show_year[study]])
    veterans, sizes = veteran_share[study], teams_table["team_size"].to_numpy()[study]
    distance = (q_show - TRUE_TURNING_POINT) ** 2
    linear_hit = (
        HIT_INTERCEPT
        - HIT_CURVATURE * distance
        + HIT_VETERAN_EFFECT * (veterans - VETERAN_CENTRE)
        + HIT_SIZE_EFFECT * (sizes - SIZE_CENTRE)
    )
    hit = (rng.random(q_show.size) < 1 / (1 + np.exp(-linear_hit))).astype(np.int64)
    reviews = (
        REVIEW_PEAK
        - REVIEW_CURVATURE * distance
        + REVIEW_VETERAN_EFFECT * (veterans - VETERAN_CENTRE)
        + REVIEW_SIZE_EFFECT * (sizes - SIZE_CENTRE)
        + rng.normal(0.0, REVIEW_NOISE, size=q_show.size)
    )
    if not ((reviews >= 0) & (reviews <= 100)).all():  # pragma: no cover - guards the calibration
        raise RuntimeError("sample review scores left the 0-100 scale; recalibrate")
    shows = pd.DataFrame(
        {
            "show": show_ids[study],
            "year": show_year[study].astype(np.int64),
            "team_size": sizes.astype(np.int64),
            "veteran_share": veterans,
            "hit": hit,
            "reviews": reviews,
        }
    )
    return credits, shows


def broadway_credits() -> pd.DataFrame:
    """The credits table of ``broadway_history`` (data/sample-broadway/credits.csv)."""
    return broadway_history()[0].copy()


def broadway_shows() -> pd.DataFrame:
    """The study-show table of ``broadway_history`` (data/sample-broadway/shows.csv)."""
    return broadway_history()[1].copy()


def broadway_true_effects() -> pd.DataFrame:
    """The success curves planted by ``broadway_history`` (data/sample-broadway/true_effects.csv).

    Returns
    -------
    pandas.DataFrame
        One row per outcome (``hit``, ``reviews``): ``model``, ``turning_point`` (Q*),
        ``peak``, ``curvature``, ``veteran_share_effect``, ``veteran_share_centre``,
        ``team_size_effect``, ``team_size_centre`` and ``noise_sd`` (empty for hits), so that
        ``hit`` ~ Bernoulli(logistic(peak - curvature (Q - Q*)^2 + veteran_share_effect
        (v - veteran_share_centre) + team_size_effect (m - team_size_centre))) and
        ``reviews`` = the same predictor + Normal(0, noise_sd).

    Examples
    --------
    >>> broadway_true_effects()["turning_point"].tolist()
    [0.95, 0.95]
    """
    return pd.DataFrame(
        {
            "outcome": list(OUTCOME_MODELS),
            "model": list(OUTCOME_MODELS.values()),
            "turning_point": [TRUE_TURNING_POINT, TRUE_TURNING_POINT],
            "peak": [HIT_INTERCEPT, REVIEW_PEAK],
            "curvature": [HIT_CURVATURE, REVIEW_CURVATURE],
            "veteran_share_effect": [HIT_VETERAN_EFFECT, REVIEW_VETERAN_EFFECT],
            "veteran_share_centre": [VETERAN_CENTRE, VETERAN_CENTRE],
            "team_size_effect": [HIT_SIZE_EFFECT, REVIEW_SIZE_EFFECT],
            "team_size_centre": [float(SIZE_CENTRE), float(SIZE_CENTRE)],
            "noise_sd": [np.nan, REVIEW_NOISE],
        }
    )


SAMPLES = {
    "sample-broadway/credits.csv": broadway_credits,
    "sample-broadway/shows.csv": broadway_shows,
    "sample-broadway/true_effects.csv": broadway_true_effects,
}
