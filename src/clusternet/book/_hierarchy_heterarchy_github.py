"""Global software collaboration in the chapter *Hierarchy versus heterarchy* (private helper).

Real data: the GitHub Innovation Graph (``github_economy_collaborators``), directed ties
between the developers of two economies, every quarter from 2020. Each quarter's network
is measured as published (a tie exists above GitHub's reporting threshold; the "EU"
aggregate is dropped because it repeats its member states), then the quarters are
summarised. ``clusternet.book.hierarchy_heterarchy`` re-exports the step.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from clusternet import data, models
from clusternet.book.published import Published
from clusternet.glue import Provenance
from clusternet.hierarchy import core_periphery_densities, ensemble_mean_ci, network_hierarchy

__all__ = ["GlobalCollaboration", "github_network"]

_SOURCE = "real data: GitHub Innovation Graph"
_DATA = ("github_economy_collaborators", "github2026innovationgraph")
_VINTAGE = "2020-2025 (2020 Q1 to 2025 Q3)"
#: counts of the latest quarter
GITHUB = Provenance(
    "real data",
    _DATA,
    _VINTAGE,
    caveat="Only ties above GitHub's reporting threshold; the EU aggregate is dropped.",
)
#: means over quarters and trends, with intervals that treat quarters as independent
GITHUB_OVER_QUARTERS = Provenance(
    "real data",
    _DATA,
    _VINTAGE,
    caveat="Intervals treat quarters as independent, which they are not: too narrow.",
)
_FINE = {"digits": 3, "unit": "score (0 to 1)"}
_SCORE = {"digits": 2, "unit": "score (0 to 1)"}
_SHARE = {"digits": 0, "percent": True}
_COUNT = {"digits": 0, "headline": False}
#: measure -> (description, style)
_MEASURES = {
    "flow_hierarchy": ("flow hierarchy (share of ties in no cycle)", _FINE),
    "krackhardt_hierarchy": (
        "Krackhardt hierarchy (share of linked pairs of economies not mutually reachable)",
        _SCORE,
    ),
    "reciprocity": ("share of ties returned in the same quarter", _SHARE),
    "hub_share": (
        "share of all collaboration (pushes and pull requests) involving the hub",
        _SHARE,
    ),
    "core_share": ("share of economies in the main k-core", _SHARE),
    "core_density": ("density of ties inside the main k-core", _SHARE),
    "between_density": ("density of ties between the core and the periphery", _SHARE),
    "periphery_density": ("density of ties inside the periphery", _SHARE),
}


@dataclass(frozen=True)
class GlobalCollaboration:
    """Hierarchy and core-periphery of the economy network, quarter by quarter.

    ``quarters`` has one row per quarter; ``summary`` the mean over quarters with its
    interval; ``trends`` the change per year (OLS on time); ``display`` a formatted table.
    """

    quarters: pd.DataFrame
    summary: pd.DataFrame
    trends: pd.DataFrame
    display: pd.DataFrame
    hub: str
    published: dict


def _format(value: float, style: dict) -> str:
    if style.get("percent"):
        return f"{100 * value:.{style['digits']}f}%"
    return f"{value:.{style['digits']}f}"


def github_network(*, drop: tuple, alpha: float) -> GlobalCollaboration:
    """Flow and Krackhardt hierarchy, reciprocity, hub share and k-core of every quarter.

    ``drop`` lists aggregate codes removed before measuring (the "EU"). The hub is the
    economy with the most collaboration over all quarters. Intervals over quarters treat
    them as independent, which they are not (the same economies, a slowly changing
    network): they are too narrow and show only the quarter-to-quarter spread.
    """
    ties = data.load("github_economy_collaborators")
    ties = ties[~ties["source"].isin(drop) & ~ties["destination"].isin(drop)]
    volume = pd.concat(
        [ties.groupby("source")["weight"].sum(), ties.groupby("destination")["weight"].sum()]
    )
    hub = str(volume.groupby(level=0).sum().idxmax())
    records = []
    for (year, quarter), frame in ties.groupby(["year", "quarter"], sort=True):
        network = network_hierarchy(frame, target="destination")
        core = core_periphery_densities(frame, target="destination")
        involved = (frame["source"] == hub) | (frame["destination"] == hub)
        records.append(
            {
                "year": int(year),
                "quarter": int(quarter),
                "time": int(year) - 2020 + (int(quarter) - 1) / 4,
                "economies": network["nodes"],
                "ties": network["arcs"],
                **{
                    key: network[key]
                    for key in ("flow_hierarchy", "krackhardt_hierarchy", "reciprocity")
                },
                "hub_share": float(frame.loc[involved, "weight"].sum() / frame["weight"].sum()),
                **{
                    key: core[key]
                    for key in (
                        "core_share",
                        "core_density",
                        "between_density",
                        "periphery_density",
                    )
                },
            }
        )
    quarters = pd.DataFrame(records)
    summary = pd.concat(
        [ensemble_mean_ci(quarters, key, alpha=alpha).assign(measure=key) for key in _MEASURES],
        ignore_index=True,
    )
    trends = pd.concat(
        [
            models.coefficient_table(
                models.fit_ols(f"{key} ~ time", quarters), terms=["time"], alpha=alpha
            ).assign(measure=key)
            for key in ("flow_hierarchy", "hub_share", "reciprocity")
        ],
        ignore_index=True,
    )
    first, last = quarters.iloc[0], quarters.iloc[-1]
    period = f"{int(first.year)} Q{int(first.quarter)} to {int(last.year)} Q{int(last.quarter)}"
    published = {
        "mulder_gh_quarters": Published(
            len(quarters),
            f"Quarters measured, {period} ({_SOURCE})",
            unit="quarters",
            provenance=GITHUB,
            **_COUNT,
        ),
        "mulder_gh_economies": Published(
            last["economies"],
            f"Economies with a published tie in {int(last.year)} Q{int(last.quarter)} ({_SOURCE})",
            unit="economies",
            provenance=GITHUB,
            **_COUNT,
        ),
        "mulder_gh_ties": Published(
            last["ties"],
            f"Directed ties between economies in {int(last.year)} Q{int(last.quarter)} ({_SOURCE})",
            unit="ties",
            provenance=GITHUB,
            **_COUNT,
        ),
    }
    for row in summary.itertuples(index=False):
        what, style = _MEASURES[row.measure]
        text = f"{what[0].upper()}{what[1:]} of the network of economies, mean over {period} ({_SOURCE})"
        if row.measure == "hub_share":
            text = text.replace("the hub", f"the hub ({hub})")
        published[f"mulder_gh_{row.measure}"] = Published(
            row.mean, text, headline=False, provenance=GITHUB_OVER_QUARTERS, **style
        )
        for end in ("ci_lower", "ci_upper"):
            published[f"mulder_gh_{row.measure}_{end}"] = Published(
                getattr(row, end),
                f"95% interval ({end[3:]} limit) over quarters, treated as independent, of the "
                f"{text[0].lower()}{text[1:]}",
                headline=False,
                provenance=GITHUB_OVER_QUARTERS,
                **style,
            )
    for row in trends.itertuples(index=False):
        what, style = _MEASURES[row.measure]
        scale = 100 if style.get("percent") else 1
        unit = "percentage points a year" if scale == 100 else "a year"
        text = f"Change per year in the {what} (OLS on time over {period}; {_SOURCE})"
        for suffix, value in (
            ("", row.estimate),
            ("_ci_lower", row.ci_lower),
            ("_ci_upper", row.ci_upper),
        ):
            published[f"mulder_gh_{row.measure}_trend{suffix}"] = Published(
                scale * value,
                text
                if not suffix
                else f"95% interval ({suffix[4:]} limit) of the {text[0].lower()}{text[1:]}",
                unit=unit,
                digits=4 if scale == 1 else 2,
                signed=True,
                headline=False,
                provenance=GITHUB_OVER_QUARTERS,
            )
    display = pd.DataFrame(
        {
            "Measure": _MEASURES[row.measure][0][0].upper() + _MEASURES[row.measure][0][1:],
            f"{int(first.year)} Q{int(first.quarter)}": _format(
                first[row.measure], _MEASURES[row.measure][1]
            ),
            f"{int(last.year)} Q{int(last.quarter)}": _format(
                last[row.measure], _MEASURES[row.measure][1]
            ),
            "Mean over quarters [95% interval]": (
                f"{_format(row.mean, _MEASURES[row.measure][1])} "
                f"[{_format(row.ci_lower, _MEASURES[row.measure][1])}, "
                f"{_format(row.ci_upper, _MEASURES[row.measure][1])}]"
            ),
        }
        for row in summary.itertuples(index=False)
    )
    display["Measure"] = display["Measure"].str.replace("the hub", f"the hub ({hub})")
    return GlobalCollaboration(
        quarters=quarters,
        summary=summary,
        trends=trends,
        display=display,
        hub=hub,
        published=published,
    )
