"""Real-data steps of the creative-connections chapter: three layers in EU research consortia.

Horizon 2020 participations (CORDIS, European Union; 2014-2021): two organisations are
partners when they share a project. The chapter's tie classifier puts each partner pair in
a layer with country as the place and organisation type (firm, higher education, research,
public, other) as the sector: same country and type is *local*, same country and another
type is *cross-sector*, another country is *external*. Re-exported by
``clusternet.book.creative_connections``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

import clusternet
from clusternet import data
from clusternet.book._creative_connections_helpers import _aside, _interval, _with_provenance
from clusternet.book._creative_connections_settings import SETTINGS, Settings
from clusternet.book.published import Published
from clusternet.catalog.eu_h2020 import H2020_ORGANISATION_TYPES
from clusternet.connections import LAYERS
from clusternet.glue import Provenance
from clusternet.models import coefficient_table, fit_logit, fit_ols

__all__ = ["EULayers", "EULayerOutcomes", "eu_partner_layers", "eu_layer_outcomes"]

_EU = "(real data: CORDIS Horizon 2020 participations, projects starting 2014-2016)"
#: Partner layers of the early consortia (descriptive).
EU_LAYERS = Provenance(
    "real data",
    "eu_h2020_participations",
    "2014-2016",
    caveat="Descriptive: partners in EU-funded consortia only; country stands for place and organisation type for sector.",
)
#: The outcome test (2014-2016 partners -> 2017-2020 coordination and funding).
EU_OUTCOMES = Provenance(
    "real data",
    "eu_h2020_participations",
    "2014-2020",
    caveat="Association, not causation, among organisations already in Horizon 2020; errors clustered by country.",
)
_TYPE_IS_CREATIVE = {kind: False for kind in H2020_ORGANISATION_TYPES}
_TYPE_LABELS = {
    "PRC": "Firms (PRC)",
    "HES": "Higher education (HES)",
    "REC": "Research organisations (REC)",
    "PUB": "Public bodies (PUB)",
    "OTH": "Other (OTH)",
}
#: Regressors of the outcome models: log2(1 + distinct partners in each layer).
TERMS = {layer: f"np.log2(1 + n_{layer})" for layer in LAYERS}


@cache
def _participations() -> pd.DataFrame:
    return data.load("eu_h2020_participations")


@dataclass(frozen=True)
class EULayers:
    """Partner layers in the early consortia: ``ties`` (classified distinct partner pairs),
    ``profile`` (one row per organisation), ``by_type`` and ``by_country`` layer shares,
    ``table`` (the countries with most organisations and all of them, for readers) and
    ``labels`` (organisation type code -> name)."""

    ties: pd.DataFrame
    profile: pd.DataFrame
    by_type: pd.DataFrame
    by_country: pd.DataFrame
    table: pd.DataFrame
    labels: dict[str, str]
    published: dict[str, Published]


def eu_partner_layers(settings: Settings = SETTINGS) -> EULayers:
    """Every organisation's partners in 2014-2016 projects, classified into the three layers."""
    h2020 = _participations()
    first, last = settings.eu_early_years
    early = h2020[h2020["start_year"].between(first, last)]
    pairs = clusternet.consortium_ties(early, project="rcn", organisation="pic")
    orgs = clusternet.organisation_attributes(early, ["country", "type"], organisation="pic")
    ties = clusternet.classify_ties(
        pairs, orgs, firm="pic", place="country", sector="type", sectors=_TYPE_IS_CREATIVE
    )
    linked = pd.Index(pairs["source"]).append(pd.Index(pairs["target"])).unique()
    profile = clusternet.connection_profile(ties, orgs[orgs["pic"].isin(linked)], firm="pic")
    by_type = clusternet.layer_shares(profile, by="type")
    by_country = clusternet.layer_shares(profile, by="country").sort_values(
        "firms", ascending=False
    )
    shares = ties["layer"].value_counts(normalize=True)
    cross_type_external = (ties["layer"] == "external") & (
        ties["source_sector"].astype(str) != ties["target_sector"].astype(str)
    )
    firms = by_type.loc["PRC"]
    published = {
        "nesta_eu_organisations": _aside(
            len(profile), f"Organisations with at least one partner {_EU}", "organisations"
        ),
        "nesta_eu_pairs": _aside(len(ties), f"Distinct partner pairs {_EU}", "pairs"),
        "nesta_eu_external_share": Published(
            shares["external"],
            f"Share of distinct partner pairs in EU Horizon 2020 consortia that join organisations in different countries (external layer) {_EU}",
            digits=1,
            percent=True,
        ),
        "nesta_eu_cross_share": Published(
            shares["cross_sector"],
            f"Share of distinct partner pairs in the same country but of different organisation types (cross-sector layer) {_EU}",
            digits=1,
            percent=True,
        ),
        "nesta_eu_local_share": Published(
            shares["local"],
            f"Share of distinct partner pairs in the same country and of the same organisation type (local layer) {_EU}",
            digits=1,
            percent=True,
        ),
        "nesta_eu_external_cross_type_share": _aside(
            cross_type_external.sum() / (ties["layer"] == "external").sum(),
            f"Share of external partner pairs that also join different organisation types {_EU}",
            digits=0,
            percent=True,
        ),
        "nesta_eu_firms": _aside(
            int(firms["firms"]),
            f"Firms (private for-profit organisations) with partners {_EU}",
            "firms",
        ),
        "nesta_eu_firm_cross_share": _aside(
            firms["share_cross_sector"],
            f"Share of firms' partner ties that are cross-sector (same country, other type) {_EU}",
            digits=1,
            percent=True,
        ),
        "nesta_eu_firm_external_share": _aside(
            firms["share_external"],
            f"Share of firms' partner ties that are external (other country) {_EU}",
            digits=1,
            percent=True,
        ),
    }
    published = _with_provenance(published, EU_LAYERS)
    table = _country_table(profile, settings)
    return EULayers(ties, profile, by_type, by_country, table, _TYPE_LABELS, published)


def _country_table(profile: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Layer mix of the countries with most organisations, and of all, formatted for readers."""
    top = profile["country"].value_counts().index[: settings.eu_country_rows]
    rows = clusternet.layer_shares(profile[profile["country"].isin(top)], by="country")
    rows = pd.concat([rows.loc[top], clusternet.layer_shares(profile, by=None)])
    names = [*top, "All countries"]
    pct = "{:.1f}".format
    return pd.DataFrame(
        {
            "Country": names,
            "Organisations": rows["firms"].map("{:,.0f}".format).to_numpy(),
            "Partners per organisation": rows["ties_per_firm"].map("{:.1f}".format).to_numpy(),
            "Local (%)": (100 * rows["share_local"]).map(pct).to_numpy(),
            "Cross-sector (%)": (100 * rows["share_cross_sector"]).map(pct).to_numpy(),
            "External (%)": (100 * rows["share_external"]).map(pct).to_numpy(),
        }
    )


@dataclass(frozen=True)
class EULayerOutcomes:
    """The outcome test: the organisation ``panel``, the ``effects`` of the layers on both
    outcomes (odds ratios for coordination, log points for funding) and the fitted models."""

    panel: pd.DataFrame
    effects: pd.DataFrame
    coordination: object
    funding: object
    published: dict[str, Published]


def _outcome_panel(layers: EULayers, settings: Settings) -> pd.DataFrame:
    h2020 = _participations()
    first, last = settings.eu_early_years
    later = h2020[h2020["start_year"].between(*settings.eu_later_years)]
    early = h2020[h2020["start_year"].between(first, last)]
    size = h2020.groupby("rcn")["pic"].size()
    collaborative = later[later["rcn"].map(size) > 1]
    coordinators = set(collaborative.loc[collaborative["role"] == "coordinator", "pic"])
    funding = later.groupby("pic")["contribution"].sum()
    past = pd.DataFrame(
        {
            "early_projects": early.groupby("pic")["rcn"].nunique(),
            "early_coordinated": (early["role"] == "coordinator").groupby(early["pic"]).max(),
        }
    ).astype({"early_coordinated": int})
    panel = layers.profile.merge(past, left_on="pic", right_index=True, how="left")
    panel = panel.assign(
        coordinates_later=panel["pic"].isin(coordinators).astype(int),
        later_funding=panel["pic"].map(funding).fillna(0.0),
    )
    # a country of its own in the controls needs enough organisations and at least one
    # later coordinator (third countries such as the US rarely may coordinate: a dummy
    # with no coordinator separates the logit perfectly)
    by_country = panel.groupby("country")["coordinates_later"].agg(["size", "sum"])
    own = by_country.index[
        (by_country["size"] >= settings.eu_min_country_organisations) & (by_country["sum"] > 0)
    ]
    return panel.assign(
        country_control=np.where(panel["country"].isin(own), panel["country"], "other")
    )


def eu_layer_outcomes(layers: EULayers, settings: Settings = SETTINGS) -> EULayerOutcomes:
    """Do organisations whose 2014-2016 partners reached more layers coordinate or win more later?"""
    panel = _outcome_panel(layers, settings)
    controls = "np.log(early_projects) + early_coordinated + C(type) + C(country_control)"
    rhs = " + ".join(TERMS.values()) + " + " + controls
    with warnings.catch_warnings():  # statsmodels' convergence note; convergence is checked
        warnings.simplefilter("ignore")
        coordination = fit_logit(f"coordinates_later ~ {rhs}", panel, cluster="country")
    if not coordination.mle_retvals.get("converged", True):
        raise RuntimeError("the coordination logit did not converge")
    funding = fit_ols(f"np.log1p(later_funding) ~ {rhs}", panel, cluster="country")
    terms = list(TERMS.values())
    odds = coefficient_table(coordination, exponentiate=True, terms=terms)
    money = coefficient_table(funding, terms=terms)
    effects = pd.concat(
        [
            odds.assign(outcome="coordinates a project 2017-2020 (odds ratio)"),
            money.assign(outcome="log EU funding 2017-2020 (log points)"),
        ],
        ignore_index=True,
    )
    effects.insert(0, "layer", list(LAYERS) * 2)
    what = "organisations with partners in 2014-2016 EU Horizon 2020 projects; controls: early projects, early coordination, type, country; standard errors clustered by country (real data: CORDIS; association in a selected population)"
    published = {
        "nesta_eu_panel_organisations": _aside(
            len(panel), f"Organisations in the outcome test {_EU}", "organisations"
        ),
        "nesta_eu_coordinate_rate": _aside(
            panel["coordinates_later"].mean(),
            "Share of the early organisations that coordinate a collaborative project starting 2017-2020 (real data: CORDIS)",
            digits=1,
            percent=True,
        ),
    }
    for layer, row in odds.assign(layer=list(LAYERS)).set_index("layer").iterrows():
        published |= _interval(
            f"nesta_eu_coord_or_{layer}",
            row["estimate"],
            row["ci_lower"],
            row["ci_upper"],
            f"Odds ratio of coordinating a collaborative EU project in 2017-2020 for twice as many {layer.replace('_', '-')} partners in 2014-2016; {what}",
            unit="odds ratio",
            digits=2,
        )
    for layer, row in money.assign(layer=list(LAYERS)).set_index("layer").iterrows():
        published |= _interval(
            f"nesta_eu_funding_{layer}",
            100 * (np.exp(row["estimate"]) - 1),
            100 * (np.exp(row["ci_lower"]) - 1),
            100 * (np.exp(row["ci_upper"]) - 1),
            f"Percentage difference in 1 + EU funding won in 2017-2020 for twice as many {layer.replace('_', '-')} partners in 2014-2016; {what}",
            unit="percent",
            digits=0,
        )
    published = _with_provenance(published, EU_OUTCOMES)
    return EULayerOutcomes(panel, effects, coordination, funding, published)
