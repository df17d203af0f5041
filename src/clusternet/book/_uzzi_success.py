"""Success against Q and the team-level reading on NBER working papers (real data).

Private helper of :mod:`clusternet.book.small_world_q` (which re-exports these steps):
top-five and journal publication against the year's Q (inverted-U fits), and a
team-level logit on incumbents and repeat pairs.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace

import pandas as pd

from clusternet import models
from clusternet.book._uzzi_provenance import (
    NBER,
    NBER_OUTCOMES,
    NBER_PROGRAMMES,
    NBER_SUCCESS,
    NBER_TEAMS,
    extremes,
    pair,
    stamp,
)
from clusternet.book._uzzi_settings import SETTINGS, Settings
from clusternet.book.published import Published
from clusternet.smallworld import InvertedUFit, fit_inverted_u, team_repeat_share

__all__ = ["NberSuccess", "NberTeams", "nber_success", "nber_teams"]

_NBER = "real data: NBER working papers"


# ---------------------------------------------------------------------------
# success against the year's Q
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NberSuccess:
    """Inverted-U fits of top-five and journal publication on the year's Q."""

    data: pd.DataFrame
    top_five: InvertedUFit
    journal: InvertedUFit
    top_five_trend: InvertedUFit
    censoring: pd.DataFrame
    turning_points: pd.DataFrame
    published: dict[str, Published]

    @property
    def table(self) -> pd.DataFrame:
        """The three fits for the reader: shape, turning point, end slopes, with intervals."""
        rows = []
        for label, fit in (
            ("Top-five journal", self.top_five),
            ("Any journal", self.journal),
            ("Top-five journal, with a year trend", self.top_five_trend),
        ):
            tp, (low, high) = fit.turning_point, fit.slopes.itertuples()
            rows.append(
                {
                    "Outcome (logit)": label,
                    "Curve": "inverted U" if tp.shape == "inverted U" else "U (a minimum)",
                    "Turning point (95% CI)": (
                        f"{tp.estimate:.2f} ({tp.ci_lower:.2f} to {tp.ci_upper:.2f})"
                        if fit.q_range[0] <= tp.estimate <= fit.q_range[1]
                        else f"{tp.estimate:.3g}, outside the observed Q"
                    ),
                    "Fieller interval": "bounded" if tp.fieller_bounded else "unbounded",
                    "Slope at lowest Q": f"{low.slope:+.1f} ({low.ci_lower:.1f} to "
                    f"{low.ci_upper:.1f})",
                    "Slope at highest Q": f"{high.slope:+.1f} ({high.ci_lower:.1f} to "
                    f"{high.ci_upper:.1f})",
                    "Inverted U (Lind-Mehlum)": "yes" if fit.is_inverted_u else "no",
                }
            )
        return pd.DataFrame(rows)


def _papers(memberships: pd.DataFrame) -> pd.DataFrame:
    return memberships.groupby("paper", as_index=False).agg(
        year=("year", "first"),
        team_size=("author", "size"),
        top_five=("top_five", "first"),
        journal=("journal", "first"),
        published=("published", "first"),
        programme=("programme", "first"),
    )


def _fit_numbers(label: str, fit: InvertedUFit, what: str) -> dict[str, Published]:
    tp, note = fit.turning_point, f"({_NBER})"
    out = {
        f"uzzi_nber_turning_point_{label}": Published(
            tp.estimate,
            f"Estimated Q at which {what} peaks ({tp.shape}), year-clustered {note}",
            unit="Q",
            digits=2,
        )
    }
    for end in ("lower", "upper"):
        out[f"uzzi_nber_turning_point_{label}_ci_{end}"] = Published(
            getattr(tp, f"ci_{end}"),
            f"{end.title()} bound of the 95% delta-method interval of that turning point {note}",
            unit="Q",
            digits=2,
        )
    out[f"uzzi_nber_{label}_fieller_bounded"] = Published(
        int(tp.fieller_bounded),
        f"1 if the 95% Fieller interval of the turning point for {what} is bounded {note}",
        digits=0,
        headline=False,
    )
    for end, row in zip(("low", "high"), fit.slopes.itertuples(), strict=True):
        for name in ("slope", "ci_lower", "ci_upper"):
            out[f"uzzi_nber_{label}_slope_{end}_{name}"] = Published(
                getattr(row, name),
                f"Slope of the {what} curve (log-odds per unit of Q) at the {end}est yearly Q: "
                f"{name.replace('_', ' ')} {note}",
                unit="log-odds per unit of Q",
                digits=1,
                signed=name == "slope",
                headline=name == "slope",
            )
        stem = f"uzzi_nber_{label}_slope_{end}"
        out = pair(out, f"{stem}_slope", stem)
    out[f"uzzi_nber_{label}_inverted_u"] = Published(
        int(fit.is_inverted_u),
        f"1 if {what} passes the Lind-Mehlum test of an inverted U in Q (slope significantly "
        f"positive at the lowest and negative at the highest yearly Q) {note}",
        digits=0,
        headline=False,  # a test's verdict: the prose states it, the slopes carry the numbers
    )
    return out


def nber_success(
    memberships: pd.DataFrame, yearly: pd.DataFrame, settings: Settings = SETTINGS
) -> NberSuccess:
    """Logits of top-five and of any-journal publication on the year's Q and Q squared.

    Parameters
    ----------
    memberships : pandas.DataFrame
        From :func:`nber_memberships`.
    yearly : pandas.DataFrame
        ``NberYearly.yearly``; only its usable years enter.
    settings : Settings

    Returns
    -------
    NberSuccess
        Fits (team size as control; standard errors clustered by year), the same top-five
        fit with a linear year trend, the censoring table (share published by issue year)
        and a table of the turning points.
    """
    papers = _papers(memberships)
    censoring = papers.groupby("year", as_index=False)[["published", "journal", "top_five"]].mean()
    usable = yearly.loc[yearly["usable"], ["year", "q"]]
    analysis = papers.merge(usable, on="year", validate="many_to_one")
    last = settings.nber_last_outcome_year
    analysis = analysis[analysis["year"] <= last].reset_index(drop=True)
    analysis["trend"] = (analysis["year"] - analysis["year"].min()) / 10  # decades
    options = {
        "model": "logit",
        "cluster": "year",
        "alpha": settings.alpha,
    }
    controls = list(settings.nber_controls)
    top_five = fit_inverted_u(analysis, "top_five", controls=controls, **options)
    journal = fit_inverted_u(analysis, "journal", controls=controls, **options)
    trend = fit_inverted_u(analysis, "top_five", controls=[*controls, "trend"], **options)
    turning_points = pd.DataFrame(
        {
            "top-five journal": top_five.turning_point.to_dict(),
            "any journal": journal.turning_point.to_dict(),
            "top-five, with year trend": trend.turning_point.to_dict(),
        }
    ).T
    first = int(analysis["year"].min())
    period = f"{first}-{last}"
    recent = censoring[censoring["year"] > last]
    before = censoring[censoring["year"].between(last - 9, last)]
    published = {
        "uzzi_nber_success_papers": Published(
            len(analysis),
            f"NBER working papers of {period} in the success regressions ({_NBER})",
            unit="papers",
            digits=0,
            headline=False,
            provenance=NBER,
        ),
        "uzzi_nber_success_years": Published(
            analysis["year"].nunique(),
            f"Years (yearly networks) behind the NBER success regressions, {period}",
            unit="years",
            digits=0,
            headline=False,
            provenance=NBER,
        ),
        "uzzi_nber_top_five_rate": Published(
            analysis["top_five"].mean(),
            f"Share of the NBER working papers of {period} published in a top-five journal "
            f"by March 2022 ({_NBER})",
            digits=0,
            percent=True,
            headline=False,
        ),
        "uzzi_nber_journal_rate": Published(
            analysis["journal"].mean(),
            f"Share of the NBER working papers of {period} published in a journal ({_NBER})",
            digits=0,
            percent=True,
            headline=False,
        ),
        "uzzi_nber_published_before_min": Published(
            before["published"].min(),
            f"Lowest yearly share of NBER papers with any recorded outlet, {last - 9}-{last}",
            digits=0,
            percent=True,
            headline=False,
        ),
        "uzzi_nber_published_after_first": Published(
            recent["published"].iloc[0],
            f"Share of NBER papers of {last + 1} with any recorded outlet by March 2022",
            digits=0,
            percent=True,
            headline=False,
        ),
        "uzzi_nber_published_last": Published(
            recent["published"].iloc[-1],
            f"Share of NBER papers of {int(recent['year'].iloc[-1])} with any recorded outlet "
            "by March 2022",
            digits=0,
            percent=True,
            headline=False,
        ),
        "uzzi_nber_success_q_min": Published(
            top_five.q_range[0],
            f"Lowest yearly Q among the years of the success regressions, {period}",
            unit="Q",
            headline=False,
        ),
        "uzzi_nber_success_q_max": Published(
            top_five.q_range[1],
            f"Highest yearly Q among the years of the success regressions, {period}",
            unit="Q",
            headline=False,
        ),
    }
    for end in ("top_five_rate", "journal_rate", "published_before_min", "published_after_first"):
        name = f"uzzi_nber_{end}"
        published[name] = replace(published[name], provenance=NBER_OUTCOMES)
    published["uzzi_nber_published_last"] = replace(
        published["uzzi_nber_published_last"], provenance=NBER_OUTCOMES
    )
    published |= _fit_numbers("top_five", top_five, "top-five publication")
    published |= _fit_numbers("journal", journal, "journal publication")
    trend_numbers = _fit_numbers("top_five_trend", trend, "top-five publication (year trend)")
    published |= {name: _supporting(number) for name, number in trend_numbers.items()}
    rows = yearly[yearly["year"].isin(analysis["year"])]
    names = ("uzzi_nber_success_q_min", "uzzi_nber_success_q_max")
    published = stamp(extremes(published, rows, names, settings.alpha), NBER_SUCCESS)
    return NberSuccess(
        data=analysis,
        top_five=top_five,
        journal=journal,
        top_five_trend=trend,
        censoring=censoring,
        turning_points=turning_points,
        published=published,
    )


def _supporting(number: Published) -> Published:
    return replace(number, headline=False)


# ---------------------------------------------------------------------------
# the team level: incumbents and repeat pairs
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NberTeams:
    """Team-level logit of top-five publication on incumbents and repeat pairs."""

    data: pd.DataFrame
    effects: pd.DataFrame
    share_between: float
    published: dict[str, Published]

    @property
    def table(self) -> pd.DataFrame:
        """Odds ratios for the reader, with 95% intervals and p-values."""
        names = {
            "incumbent_share": "Share of incumbents (0 to 1)",
            "repeat_share": "Share of repeat pairs (0 to 1)",
            "team_size": "One more author",
        }
        e = self.effects
        return pd.DataFrame(
            {
                "Team variable": e["term"].map(names),
                "Odds ratio, top-five": e["estimate"].map("{:.2f}".format),
                "95% CI": [
                    f"{a:.2f} to {b:.2f}" for a, b in zip(e["ci_lower"], e["ci_upper"], strict=True)
                ],
                "p-value": e["p_value"].map("{:.3g}".format),
            }
        )


def nber_teams(memberships: pd.DataFrame, settings: Settings = SETTINGS) -> NberTeams:
    """Top-five publication on the team's share of incumbents and of repeat pairs.

    A paper's incumbents are its authors with an NBER paper in an earlier year; its repeat
    pairs, the pairs of its authors who wrote an NBER paper together in an earlier year
    (``clusternet.team_repeat_share``). Logit with team size, year and programme fixed
    effects, standard errors clustered by year; single-author papers have no pairs and
    are left out.

    Parameters
    ----------
    memberships : pandas.DataFrame
        From :func:`nber_memberships` (the whole history counts for incumbency).
    settings : Settings

    Returns
    -------
    NberTeams
        ``effects``: odds ratios of a top-five publication for a share of 1 rather than 0
        (and per extra author) with 95% intervals.
    """
    familiarity = team_repeat_share(memberships, person="author", group="paper")
    papers = _papers(memberships).merge(
        familiarity[["paper", "repeat_share", "veteran_share"]], on="paper", validate="one_to_one"
    )
    first = settings.nber_window + int(papers["year"].min())
    analysis = papers[
        papers["year"].between(first, settings.nber_last_outcome_year) & (papers["team_size"] > 1)
    ].rename(columns={"veteran_share": "incumbent_share"})
    analysis = analysis.reset_index(drop=True)
    formula = "top_five ~ incumbent_share + repeat_share + team_size + C(year) + C(programme)"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # statsmodels: convergence notes of the fixed effects
        result = models.fit_logit(formula, analysis, cluster="year")
    effects = models.coefficient_table(
        result,
        exponentiate=True,
        alpha=settings.alpha,
        terms=["incumbent_share", "repeat_share", "team_size"],
    )
    yearly_mean = analysis.groupby("year")["repeat_share"].transform("mean")
    share_between = float(yearly_mean.var() / analysis["repeat_share"].var())
    period = f"{first}-{settings.nber_last_outcome_year}"
    published = {
        "uzzi_nber_team_papers": Published(
            len(analysis),
            f"Co-authored NBER papers of {period} in the team-level logit ({_NBER})",
            unit="papers",
            digits=0,
            headline=False,
            provenance=NBER_PROGRAMMES,
        ),
        "uzzi_nber_repeat_between_share": Published(
            share_between,
            "Share of the variance of the share of repeat pairs that lies between years "
            f"rather than between papers of the same year ({_NBER}, {period})",
            digits=0,
            percent=True,
            headline=False,
            provenance=NBER_PROGRAMMES,
        ),
    }
    for row in effects.itertuples():
        if row.term == "team_size":
            continue
        words = "incumbents" if row.term == "incumbent_share" else "repeat pairs"
        for name in ("estimate", "ci_lower", "ci_upper"):
            published[f"uzzi_nber_or_{row.term}_{name}"] = Published(
                getattr(row, name),
                f"Odds ratio of a top-five publication for a paper whose share of {words} is 1 "
                f"rather than 0: {name.replace('_', ' ')} (logit with team size, year and "
                f"programme effects, standard errors clustered by year; {_NBER}, {period})",
                unit="odds ratio",
                digits=2,
                headline=name == "estimate",
            )
        stem = f"uzzi_nber_or_{row.term}"
        published = pair(published, f"{stem}_estimate", stem)
    return NberTeams(
        data=analysis,
        effects=effects,
        share_between=share_between,
        published=stamp(published, NBER_TEAMS),
    )
