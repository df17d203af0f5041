"""Real-data steps of the global-pipelines chapter (private: import them from
``clusternet.book.global_pipelines``, which re-exports them).

- :func:`us_partner_reach`: where US innovating companies' cooperation partners are, from
  the Annual Business Survey (real data: NCSES and Census Bureau tables 7452, 7451, 4446);
- :func:`economy_pipelines`: each economy's international software collaboration and how
  it changed, from the GitHub Innovation Graph (real data, 2020 and 2025).

Examples
--------
>>> reach = us_partner_reach()
>>> round(reach.published["fitjar_abs_share_us"].value, 3)
0.678
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import pandas as pd

from clusternet import abs_tables, data, models, pipelines
from clusternet.book._global_pipelines_provenance import (
    ABS_INDUSTRY,
    ABS_SIZE,
    ABS_TYPE,
    GITHUB,
    GITHUB_FIRST,
    GITHUB_LAST,
    GITHUB_SIZE,
    SETTING,
    stamp,
)
from clusternet.book._global_pipelines_settings import SETTINGS, Settings
from clusternet.book.claims import claim
from clusternet.book.published import Published

__all__ = ["PartnerReach", "us_partner_reach", "EconomyPipelines", "economy_pipelines"]

_US = "any_cooperation_partner_in_the_united_states"
_CANMEX = "any_cooperation_partner_in_canada_or_mexico"
_WORLD = "any_cooperation_partner_in_the_rest_of_the_world"
_LOCATIONS = {_US: "United States", _CANMEX: "Canada or Mexico", _WORLD: "Rest of the world"}
_ABS = "real data: Annual Business Survey 2020, product-innovating US companies 2017-19"
_GH = "real data: GitHub Innovation Graph"


def _aside(value, description, **kwargs) -> Published:
    return Published(value, description, headline=False, **kwargs)


@functools.cache
def _abs_table(table_id: str) -> pd.DataFrame:
    return abs_tables.load_abs_table(table_id)


def _wide(tidy: pd.DataFrame) -> pd.DataFrame:
    """Reported cells of a tidy ABS table as row path x column (values)."""
    reported = tidy[tidy["status"] == "reported"]
    return reported.pivot(index="row_path", columns="column", values="value")


# --------------------------------------------------------------------------- ABS


@dataclass(frozen=True)
class PartnerReach:
    """US companies' cooperation partners by location: by size, by industry, and claims."""

    by_size: pd.DataFrame
    by_industry: pd.DataFrame
    comparison: pd.DataFrame
    published: dict[str, Published]


def _weighted(rows: pd.DataFrame, column: str) -> float:
    """Share (0-1) over several size rows, weighted by their company counts."""
    counts = rows["all_companies"]
    return float((counts * rows[column]).sum() / counts.sum() / 100)


def us_partner_reach(settings: Settings = SETTINGS) -> PartnerReach:
    """Share of US product-innovating companies with partners at home and abroad (ABS).

    The published shares (table 7452 by size, 7451 by industry, 2017-19) and, for the
    earlier wave, table 4446 (2015-17, all innovating companies); shares for groups of size
    classes are weighted by the published company counts. Canada-or-Mexico and
    rest-of-the-world partners are not exclusive, so the share with any foreign partner is
    bounded: at least the larger of the two, at most their sum.
    """
    size = _wide(_abs_table(settings.abs_size_table))
    total = size.loc["All companies"]
    classes = size[size.index.str.count(" -> ") == 2].copy()
    classes["lower"] = classes.index.str.split(" -> ").str[-1].str.split("–").str[0]
    classes["lower"] = classes["lower"].str.replace(",", "").str.extract(r"(\d+)")[0].astype(int)
    classes = classes.sort_values("lower", kind="mergesort")
    by_size = pd.DataFrame(
        {
            "Employees": classes.index.str.split(" -> ").str[-1],
            "Companies": classes["all_companies"].map("{:,.0f}".format),
            **{
                f"{label} (%)": classes[col].map("{:.1f}".format)
                for col, label in _LOCATIONS.items()
            },
        }
    ).reset_index(drop=True)
    by_size.loc[len(by_size)] = [
        "All sizes",
        f"{total['all_companies']:,.0f}",
        *(f"{total[c]:.1f}" for c in _LOCATIONS),
    ]
    micro = classes[classes["lower"] < 10]
    ten_plus = classes[classes["lower"] >= 10]
    large = classes[classes["lower"] >= 250]
    industry = _wide(_abs_table(settings.abs_industry_table))
    sectors = industry[industry.index.str.count(" -> ") == 2]
    sectors = sectors[sectors["all_companies"] >= 1000]
    by_industry = (
        pd.DataFrame(
            {
                "Industry": sectors.index.str.split(" -> ").str[-1].str.strip(),
                "Companies": sectors["all_companies"].map("{:,.0f}".format).to_numpy(),
                **{f"{label} (%)": sectors[c].to_numpy() for c, label in _LOCATIONS.items()},
            }
        )
        .sort_values("Rest of the world (%)", ascending=False, kind="mergesort")
        .reset_index(drop=True)
    )
    for label in _LOCATIONS.values():
        by_industry[f"{label} (%)"] = by_industry[f"{label} (%)"].map("{:.1f}".format)
    earlier = _wide(_abs_table(settings.abs_type_table))
    head = "All companies with innovation activities (count of companies) -> "
    any_global = earlier.loc[
        head + "Type of cooperation partner, global -> Any cooperation partner"
    ]
    any_us = earlier.loc[
        head + "Type of cooperation partner, located in United States -> Any cooperation partner"
    ]
    any_abroad = earlier.loc[
        head
        + "Type of cooperation partner, located outside United States -> Any cooperation partner"
    ]
    regional = float(claim("regional_share")["claimed_low"]) / 100
    # the 45% is not a claims.csv value of its own; the sample's targets record it
    targets = data.load("norway_calibration_targets").set_index("target")["value"]
    international = float(targets["share_international"])
    published = {
        "fitjar_abs_n_companies": _aside(
            total["all_companies"],
            f"US product-innovating companies, 2017-19 ({_ABS})",
            unit="companies",
            digits=0,
            thousands=True,
        ),
        "fitjar_abs_share_us": Published(
            total[_US] / 100,
            f"Share of US product-innovating companies with a cooperation partner in the "
            f"United States ({_ABS}; published estimate, no standard error in the table)",
            digits=1,
            percent=True,
        ),
        "fitjar_abs_share_canmex": _aside(
            total[_CANMEX] / 100,
            f"Share with a cooperation partner in Canada or Mexico ({_ABS})",
            digits=1,
            percent=True,
        ),
        "fitjar_abs_share_world": Published(
            total[_WORLD] / 100,
            f"Share of US product-innovating companies with a cooperation partner outside "
            f"North America ({_ABS}; published estimate, no standard error in the table)",
            digits=1,
            percent=True,
        ),
        "fitjar_abs_share_foreign_lower": Published(
            max(total[_CANMEX], total[_WORLD]) / 100,
            f"Lower bound of the share with any foreign cooperation partner: the larger of "
            f"the two foreign shares ({_ABS})",
            digits=1,
            percent=True,
        ),
        "fitjar_abs_share_foreign_upper": Published(
            min(total[_CANMEX] + total[_WORLD], 100.0) / 100,
            f"Upper bound of the share with any foreign cooperation partner: the sum of the "
            f"two foreign shares, which overlap ({_ABS})",
            digits=1,
            percent=True,
        ),
        "fitjar_abs_share_world_micro": _aside(
            _weighted(micro, _WORLD),
            f"Share with a partner outside North America, companies with 1-9 employees "
            f"(size classes weighted by company counts; {_ABS})",
            digits=1,
            percent=True,
        ),
        "fitjar_abs_share_world_ten_plus": Published(
            _weighted(ten_plus, _WORLD),
            f"Share with a partner outside North America, companies with 10 or more "
            f"employees (size classes weighted by company counts; {_ABS})",
            digits=1,
            percent=True,
        ),
        "fitjar_abs_share_us_ten_plus": _aside(
            _weighted(ten_plus, _US),
            f"Share with a partner in the United States, companies with 10 or more "
            f"employees (size classes weighted by company counts; {_ABS})",
            digits=1,
            percent=True,
        ),
        "fitjar_abs_share_world_large": Published(
            _weighted(large, _WORLD),
            f"Share with a partner outside North America, companies with 250 or more "
            f"employees (size classes weighted by company counts; {_ABS})",
            digits=1,
            percent=True,
        ),
        "fitjar_abs_share_world_manufacturing": _aside(
            industry.loc["All industries -> Manufacturing industries", _WORLD] / 100,
            f"Share of manufacturing product innovators with a partner outside North "
            f"America ({_ABS}, table 7451)",
            digits=1,
            percent=True,
            provenance=ABS_INDUSTRY,
        ),
        "fitjar_abs_share_world_nonmanufacturing": _aside(
            industry.loc["All industries -> Nonmanufacturing industries", _WORLD] / 100,
            f"Share of non-manufacturing product innovators with a partner outside North "
            f"America ({_ABS}, table 7451)",
            digits=1,
            percent=True,
            provenance=ABS_INDUSTRY,
        ),
        "fitjar_abs1517_share_any": _aside(
            any_global["all_companies"] / 100,
            "Share of US innovating companies (product, process, marketing or organisational "
            "innovation) with any cooperation partner, 2015-17 (real data: Annual Business "
            "Survey 2018, table 4446)",
            digits=1,
            percent=True,
            provenance=ABS_TYPE,
        ),
        "fitjar_abs1517_share_us": _aside(
            any_us["all_companies"] / 100,
            "Share of US innovating companies with a cooperation partner in the United "
            "States, 2015-17 (real data: ABS table 4446)",
            digits=1,
            percent=True,
            provenance=ABS_TYPE,
        ),
        "fitjar_abs1517_share_abroad": _aside(
            any_abroad["all_companies"] / 100,
            "Share of US innovating companies with a cooperation partner outside the United "
            "States, 2015-17 (real data: ABS table 4446)",
            digits=1,
            percent=True,
            provenance=ABS_TYPE,
        ),
    }
    comparison = pd.DataFrame(
        {
            "Population": [
                "Norway: firms with more than 10 employees, five city-regions",
                "Norway: firms with more than 10 employees, five city-regions",
                "US: product-innovating companies, 10 or more employees, 2017-19",
                "US: product-innovating companies, 10 or more employees, 2017-19",
            ],
            "Partner": [
                "in the own city-region",
                "abroad",
                "in the United States",
                "outside North America",
            ],
            "Share (%)": [
                f"{100 * regional:.0f}",
                f"{100 * international:.0f}",
                f"{100 * published['fitjar_abs_share_us_ten_plus'].value:.1f}",
                f"{100 * published['fitjar_abs_share_world_ten_plus'].value:.1f}",
            ],
            "Evidence": [
                "claim (journalist's text, unverified)",
                "claim (journalist's text, unverified)",
                "real data (ABS table 7452)",
                "real data (ABS table 7452)",
            ],
        }
    )
    return PartnerReach(
        by_size=by_size,
        by_industry=by_industry,
        comparison=comparison,
        published=stamp(published, ABS_SIZE),
    )


# --------------------------------------------------------------------------- GitHub


@functools.cache
def _github_ties() -> pd.DataFrame:
    return data.load("github_economy_collaborators")


@functools.cache
def _github_developers() -> pd.DataFrame:
    return data.load("github_developers")


def _period(frame: pd.DataFrame, year: int, settings: Settings, value: str) -> pd.DataFrame:
    """Rows of one year's chosen quarters, without aggregates."""
    keep = frame["year"].eq(year) & frame["quarter"].isin(settings.github_quarters)
    for column in ("source", "destination", "iso2_code"):
        if column in frame.columns:
            keep &= ~frame[column].isin(settings.github_exclude)
    return frame.loc[keep]


def _ties_in(year: int, settings: Settings) -> pd.DataFrame:
    rows = _period(_github_ties(), year, settings, "weight")
    return rows.groupby(["source", "destination"], as_index=False, sort=True)["weight"].sum()


@dataclass(frozen=True)
class EconomyPipelines:
    """Each economy's international collaboration in two years, its change, and the hubs."""

    change: pd.DataFrame
    hubs: pd.DataFrame
    table: pd.DataFrame
    mean_changes: pd.DataFrame
    size_fit: object
    published: dict[str, Published]


def _mean_change(frame: pd.DataFrame, column: str, alpha: float) -> pd.Series:
    """Mean of ``column`` across economies with a t interval (intercept-only OLS)."""
    fit = models.fit_ols(f"{column} ~ 1", frame)
    row = models.coefficient_table(fit, alpha=alpha).iloc[0]
    return row[["estimate", "std_error", "ci_lower", "ci_upper"]].astype(float)


def economy_pipelines(settings: Settings = SETTINGS) -> EconomyPipelines:
    """Partner concentration, reciprocity and hubs of every economy, first and last year.

    Sums each ordered pair's collaboration over the chosen quarters of the first and the
    last year (2020 and 2025, quarters 1-3), drops aggregates ("EU"), measures each
    economy's partner concentration (both directions) and reciprocity in both years, and
    compares the economies with at least ``settings.min_partners`` partners in both. The
    mean change of each measure across them comes with a t interval; the elasticity of the
    effective number of partners with respect to the number of developers (last year) with
    its OLS interval.
    """
    first, last = settings.github_years
    ties = {year: _ties_in(year, settings) for year in (first, last)}
    profile = {year: pipelines.partner_concentration(t) for year, t in ties.items()}
    recip = {year: pipelines.tie_reciprocity(t) for year, t in ties.items()}
    change = pipelines.concentration_change(profile[first], profile[last])
    for year, suffix in ((first, "before"), (last, "after")):
        change = change.merge(
            recip[year][["economy", "reciprocity"]].rename(
                columns={"reciprocity": f"reciprocity_{suffix}"}
            ),
            on="economy",
        )
    change["reciprocity_change"] = change["reciprocity_after"] - change["reciprocity_before"]
    enough = (change["n_partners_before"] >= settings.min_partners) & (
        change["n_partners_after"] >= settings.min_partners
    )
    change = change.loc[enough].reset_index(drop=True)
    hubs = pipelines.collaboration_hubs(ties[last])
    hubs_first = pipelines.collaboration_hubs(ties[first]).set_index("economy")
    measures = {
        "top_share_change": "top-partner share (percentage points)",
        "effective_partners_change": "effective number of partners",
        "reciprocity_change": "reciprocity (percentage points)",
    }
    mean_changes = pd.DataFrame(
        {column: _mean_change(change, column, settings.alpha) for column in measures}
    ).T
    scale = pd.Series({"top_share_change": 100.0, "effective_partners_change": 1.0,
                       "reciprocity_change": 100.0})  # fmt: skip
    mean_changes = mean_changes.mul(scale, axis=0)
    mean_changes.insert(0, "measure", [measures[c] for c in mean_changes.index])
    developers = _period(_github_developers(), last, settings, "developers")
    developers = developers.groupby("iso2_code")["developers"].mean().rename("developers")
    sized = change.merge(developers, left_on="economy", right_index=True)
    size_fit = models.fit_ols("np.log(effective_partners_after) ~ np.log(developers)", sized)
    elasticity = models.coefficient_table(size_fit, alpha=settings.alpha).iloc[1]
    compared = set(change["economy"])
    us_top = {
        year: float(
            (profile[year].set_index("economy").loc[sorted(compared), "top_partner"] == "US").mean()
        )
        for year in (first, last)
    }
    table = _hub_table(change, hubs, settings)
    n = len(change)
    published = {
        "fitjar_gh_n_economies": _aside(
            n,
            f"Economies compared in {first} and {last}: at least {settings.min_partners} "
            f"partner economies in both years ({_GH})",
            unit="economies",
            digits=0,
        ),
        "fitjar_gh_first_year": _aside(
            first, "First year of the GitHub comparison", unit="year", digits=0, thousands=False
        ),
        "fitjar_gh_last_year": _aside(
            last, "Last year of the GitHub comparison", unit="year", digits=0, thousands=False
        ),
        "fitjar_gh_min_partners": _aside(
            settings.min_partners,
            "Minimum number of partner economies for an economy to be compared",
            unit="partners",
            digits=0,
        ),
        "fitjar_gh_us_top_partner_first": _aside(
            us_top[first],
            f"Share of the compared economies whose largest collaboration partner was the "
            f"United States in {first} ({_GH})",
            digits=0,
            percent=True,
        ),
        "fitjar_gh_us_top_partner_last": Published(
            us_top[last],
            f"Share of the compared economies whose largest collaboration partner was the "
            f"United States in {last} ({_GH})",
            digits=0,
            percent=True,
        ),
        "fitjar_gh_us_top_partner_of": _aside(
            int(hubs.set_index("economy").loc["US", "top_partner_of"]),
            f"Number of economies (of all with a tie) whose largest partner was the United "
            f"States in {last} ({_GH})",
            unit="economies",
            digits=0,
        ),
        "fitjar_gh_us_top_partner_of_first": _aside(
            int(hubs_first.loc["US", "top_partner_of"]),
            f"Number of economies whose largest partner was the United States in {first} ({_GH})",
            unit="economies",
            digits=0,
        ),
        "fitjar_gh_n_economies_with_ties": _aside(
            len(hubs),
            f"Economies with at least one published tie in {last} ({_GH})",
            unit="economies",
            digits=0,
        ),
        "fitjar_gh_us_weight_share": _aside(
            float(hubs.set_index("economy").loc["US", "weight_share"]),
            f"Share of all international collaboration in {last} with the United States at "
            f"one end ({_GH})",
            digits=0,
            percent=True,
        ),
        "fitjar_gh_median_top_share_first": _aside(
            float(change["top_share_before"].median()),
            f"Median share of an economy's collaboration with its largest partner, {first} ({_GH})",
            digits=0,
            percent=True,
        ),
        "fitjar_gh_median_top_share_last": _aside(
            float(change["top_share_after"].median()),
            f"Median share of an economy's collaboration with its largest partner, {last} ({_GH})",
            digits=0,
            percent=True,
        ),
        "fitjar_gh_network_reciprocity_first": _aside(
            pipelines.network_reciprocity(ties[first]),
            f"Weighted reciprocity of the whole network, {first}: share of tie weight "
            f"returned ({_GH})",
            digits=2,
        ),
        "fitjar_gh_network_reciprocity_last": _aside(
            pipelines.network_reciprocity(ties[last]),
            f"Weighted reciprocity of the whole network, {last} ({_GH})",
            digits=2,
        ),
        "fitjar_gh_size_elasticity": _aside(
            elasticity["estimate"],
            f"Elasticity of the effective number of partners with respect to the number of "
            f"developers across economies, {last} (OLS; {_GH})",
            unit="elasticity",
        ),
        "fitjar_gh_size_elasticity_ci_lower": _aside(
            elasticity["ci_lower"],
            "95% interval, lower limit, of that elasticity",
            unit="elasticity",
        ),
        "fitjar_gh_size_elasticity_ci_upper": _aside(
            elasticity["ci_upper"],
            "95% interval, upper limit, of that elasticity",
            unit="elasticity",
        ),
    }
    names = {
        "top_share_change": ("fitjar_gh_top_share_change", "percentage points", 1),
        "effective_partners_change": ("fitjar_gh_effective_partners_change", "partners", 2),
        "reciprocity_change": ("fitjar_gh_reciprocity_change", "percentage points", 1),
    }
    for column, (name, unit, digits) in names.items():
        row = mean_changes.loc[column]
        what = f"mean change {first}-{last} across {n} economies of the {row['measure']}"
        published[name] = Published(
            row["estimate"], f"{what.capitalize()} ({_GH}; 95% t interval)", unit=unit,
            digits=digits,
        )  # fmt: skip
        for end in ("ci_lower", "ci_upper"):
            published[f"{name}_{end}"] = Published(
                row[end], f"95% interval, {end[3:]} limit, of the {what}", unit=unit,
                digits=digits,
            )  # fmt: skip
    where = {
        **dict.fromkeys(
            ("fitjar_gh_first_year", "fitjar_gh_last_year", "fitjar_gh_min_partners"), SETTING
        ),
        **dict.fromkeys(
            (
                "fitjar_gh_us_top_partner_first",
                "fitjar_gh_us_top_partner_of_first",
                "fitjar_gh_median_top_share_first",
                "fitjar_gh_network_reciprocity_first",
            ),
            GITHUB_FIRST,
        ),
        **dict.fromkeys(
            (
                "fitjar_gh_us_top_partner_last",
                "fitjar_gh_us_top_partner_of",
                "fitjar_gh_n_economies_with_ties",
                "fitjar_gh_us_weight_share",
                "fitjar_gh_median_top_share_last",
                "fitjar_gh_network_reciprocity_last",
            ),
            GITHUB_LAST,
        ),
        "fitjar_gh_size_elasticity": GITHUB_SIZE,
    }  # the rest (the compared economies and their mean changes): both years
    published = {n: replace(p, provenance=where.get(n, GITHUB)) for n, p in published.items()}
    return EconomyPipelines(
        change=change,
        hubs=hubs,
        table=table,
        mean_changes=mean_changes.reset_index(drop=True),
        size_fit=size_fit,
        published=published,
    )


def _hub_table(change: pd.DataFrame, hubs: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Reader-facing table of the largest collaborators (by their share of all ties)."""
    first, last = settings.github_years
    rows = hubs.merge(change, on="economy").nlargest(settings.hub_rows, "weight_share")
    return pd.DataFrame(
        {
            "Economy": rows["economy"],
            "Share of all ties (%)": (100 * rows["weight_share"]).map("{:.1f}".format),
            "Largest partner of (economies)": rows["top_partner_of"],
            f"Partners {first}": rows["n_partners_before"],
            f"Partners {last}": rows["n_partners_after"],
            f"Top partner {last}": rows["top_partner_after"],
            f"Top share {first} (%)": (100 * rows["top_share_before"]).map("{:.0f}".format),
            f"Top share {last} (%)": (100 * rows["top_share_after"]).map("{:.0f}".format),
            f"Effective partners {last}": rows["effective_partners_after"].map("{:.1f}".format),
            f"Reciprocity {last}": rows["reciprocity_after"].map("{:.2f}".format),
        }
    ).reset_index(drop=True)
