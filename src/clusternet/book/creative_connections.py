"""The chapter *Three layers of connections in creative clusters* (``creative-connections``).

The chapter's analysis, written once: :data:`SETTINGS` holds every threshold, seed and
count the chapter uses; each step below computes what one part of the chapter shows and
the numbers it publishes; :func:`key_results` composes the same steps for the policy
synthesis. Steps, in the chapter's order:

1. :func:`sample_economy`: the fictional four-place economy (sample data);
2. :func:`creative_clusters`: which places are creative clusters;
3. :func:`tie_layers`: every tie in its layer, and each firm's connection profile;
4. :func:`layer_mix`: the mix of layers in each place;
5. :func:`innovation_by_layer`: the layer model of creative firms' innovation;
6. :func:`creative_spillovers`: do creative firms help the other firms of their district;
7. :func:`network_sensitivity`: does the ranking of layers hold in a sparser or denser
   network;
8. :func:`us_bridges`, :func:`us_bridge_relatedness`: which clusters real US cluster
   organisations bridge, and how related those clusters are;
9. :func:`studio_prospects`: the layer model applied to a graduate's design studio;
10. :func:`gb_creative_industries`: the creative industries of Great Britain by region
    (real data: ONS BRES and IDBR, DCMS definition);
11. :func:`eu_partner_layers`, :func:`eu_layer_outcomes`: the three layers in EU Horizon
    2020 consortia and the 2014-2016 -> 2017-2020 outcome test (real data: CORDIS).

The planted truths of the sample come from ``data/sample-creative/true_effects.csv`` and
the claimed creative-inputs uplift from ``data/evidence/claims.csv``.

Examples
--------
>>> SETTINGS.cluster_min_lq
1.2
>>> sorted(key_results())[:2]  # doctest: +SKIP
['nesta_city_creative_lq', 'nesta_cross_to_local_ratio']

References
----------
- Chapain, C., Cooke, P., De Propris, L., MacNeill, S. and Mateos-Garcia, J. (2010).
  Creative clusters and innovation: putting creativity on the map. NESTA, London.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

import clusternet
from clusternet import data
from clusternet.book._creative_connections_eu import (
    EULayerOutcomes,
    EULayers,
    eu_layer_outcomes,
    eu_partner_layers,
)
from clusternet.book._creative_connections_gb import GBCreative, gb_creative_industries
from clusternet.book._creative_connections_helpers import (
    _SAMPLE,
    _TIES,
    CHAPTER_SETTING,
    NESTA_CREATIVE_INPUTS,
    PLANTED,
    SAMPLE_ECONOMY,
    SAMPLE_FIRMS,
    USBridgeRelatedness,
    USBridges,
    _aside,
    _interval,
    _planted,
    _true_spillover_doubling,
    _with_provenance,
    us_bridges,
)
from clusternet.book._creative_connections_helpers import (
    us_bridge_relatedness as _us_bridge_relatedness,
)
from clusternet.book._creative_connections_settings import SETTINGS, Settings
from clusternet.book.claims import claim
from clusternet.book.published import Published, PublishedValues, published_values
from clusternet.catalog.connections import SAMPLE_PLACE_PROFILES, SECTOR_IS_CREATIVE
from clusternet.connections import LAYERS
from clusternet.models import coefficient_ratio

__all__ = [
    "Settings",
    "SETTINGS",
    "sample_economy",
    "creative_clusters",
    "tie_layers",
    "layer_mix",
    "innovation_by_layer",
    "creative_spillovers",
    "network_sensitivity",
    "us_bridges",
    "us_bridge_relatedness",
    "studio_prospects",
    "gb_creative_industries",
    "GBCreative",
    "eu_partner_layers",
    "eu_layer_outcomes",
    "EULayers",
    "EULayerOutcomes",
    "key_results",
]


@dataclass(frozen=True)
class SampleEconomy:
    """The sample economy: ``firms``, ``ties`` and the ``places`` with their profiles."""

    firms: pd.DataFrame
    ties: pd.DataFrame
    places: pd.DataFrame
    published: dict[str, Published]


def sample_economy() -> SampleEconomy:
    """Load the fictional four-place economy (sample data) and count it."""
    firms = data.load("sample_creative_firms")
    ties = data.load("sample_creative_ties")
    places = pd.DataFrame(
        {"place": list(SAMPLE_PLACE_PROFILES), "profile": list(SAMPLE_PLACE_PROFILES.values())}
    )
    what = f"in the Nesta chapter's sample economy {_SAMPLE}"
    published = {
        "nesta_sample_firms": _aside(len(firms), f"Number of firms {what}", "firms"),
        "nesta_sample_creative_firms": _aside(
            int(firms["creative"].sum()), f"Number of creative firms {what}", "firms"
        ),
        "nesta_sample_ties": _aside(len(ties), f"Number of collaboration ties {what}", "ties"),
    }
    published = _with_provenance(published, SAMPLE_ECONOMY)
    return SampleEconomy(firms, ties, places, published)


@dataclass(frozen=True)
class CreativeClusters:
    """``counts`` (places x sectors) and the cluster ``table`` (one row per place, in order)."""

    counts: pd.DataFrame
    table: pd.DataFrame
    published: dict[str, Published]


def creative_clusters(economy: SampleEconomy, settings: Settings = SETTINGS) -> CreativeClusters:
    """Which places are creative clusters: enough creative firms and a high enough LQ."""
    creative_sectors = [sector for sector, creative in SECTOR_IS_CREATIVE.items() if creative]
    counts = clusternet.firm_count_matrix(economy.firms)
    table = clusternet.creative_cluster_table(
        counts,
        creative_sectors,
        min_firms=settings.cluster_min_firms,
        min_lq=settings.cluster_min_lq,
    ).loc[economy.places["place"]]
    lq, against = "location quotient", f"against the four-place sample economy {_SAMPLE}"
    published = {
        "nesta_cluster_min_firms": _aside(
            settings.cluster_min_firms,
            "Minimum number of creative firms for a creative cluster (chapter's threshold, not Nesta's)",
            "firms",
            provenance=CHAPTER_SETTING,
        ),
        "nesta_cluster_min_lq": _aside(
            settings.cluster_min_lq,
            "Minimum location quotient of creative firms for a creative cluster (practitioner cut-off used in the chapter)",
            lq,
            1,
            provenance=CHAPTER_SETTING,
        ),
        "nesta_hotspot_creative_lq": Published(
            table.loc[settings.hotspot, "creative_lq"],
            f"Location quotient of creative firms in the fictional creative hotspot {settings.hotspot}, {against}",
            unit=lq,
        ),
        "nesta_city_creative_lq": Published(
            table.loc[settings.city, "creative_lq"],
            f"Location quotient of creative firms in the fictional large diversified city {settings.city}, {against}",
            unit=lq,
        ),
    }
    for place, row in table.iterrows():
        key, where = place.lower(), f"in the fictional place {place} {_SAMPLE}"
        published |= {
            f"nesta_{key}_creative_firms": _aside(
                row["creative_firms"], f"Creative firms {where}", "firms"
            ),
            f"nesta_{key}_creative_share": _aside(
                row["creative_share"],
                f"Creative firms' share of all firms {where}",
                digits=1,
                percent=True,
            ),
            f"nesta_{key}_lq": _aside(
                row["creative_lq"], f"Location quotient of creative firms {where}", lq, 2
            ),
        }
    published = _with_provenance(published, SAMPLE_FIRMS)
    return CreativeClusters(counts, table, published)


@dataclass(frozen=True)
class TieLayers:
    """``classified`` ties, every firm's ``profile`` and the ``creative`` firms' profiles."""

    classified: pd.DataFrame
    profile: pd.DataFrame
    creative: pd.DataFrame
    published: dict[str, Published]


def tie_layers(economy: SampleEconomy) -> TieLayers:
    """Classify every tie into the three layers and profile every firm's ties."""
    classified = clusternet.classify_ties(economy.ties, economy.firms, sectors=SECTOR_IS_CREATIVE)
    profile = clusternet.connection_profile(classified, economy.firms)
    return TieLayers(classified, profile, profile[profile["creative"] == 1], {})


@dataclass(frozen=True)
class LayerMix:
    """``shares`` of creative firms' ties by layer and place; ``labels`` place -> figure label."""

    shares: pd.DataFrame
    labels: dict[str, str]
    published: dict[str, Published]


def layer_mix(layers: TieLayers, economy: SampleEconomy, settings: Settings = SETTINGS) -> LayerMix:
    """How the mix of creative firms' ties across the layers differs between places."""
    shares = clusternet.layer_shares(layers.creative, by="place").loc[economy.places["place"]]
    labels = {row.place: f"{row.place}\n({row.profile})" for row in economy.places.itertuples()}

    def share(place, layer, kind, where):
        what = f"Share of creative firms' ties that are {kind} in the fictional {where} {place}"
        return _aside(shares.loc[place, f"share_{layer}"], f"{what} {_SAMPLE}", percent=True)

    s = settings
    published = {
        "nesta_hotspot_local_share": share(s.hotspot, "local", "local", "creative hotspot"),
        "nesta_city_cross_share": share(s.city, "cross_sector", "cross-sector", "large city"),
        "nesta_hotspot_cross_share": share(
            s.hotspot, "cross_sector", "cross-sector", "creative hotspot"
        ),
        "nesta_periphery_external_share": share(
            s.periphery, "external", "external", "peripheral place"
        ),
    }
    published = _with_provenance(published, SAMPLE_ECONOMY)
    return LayerMix(shares, labels, published)


@dataclass(frozen=True)
class LayerModel:
    """The fitted layer ``model``, its ``effects`` table, the cross-to-local ``ratio`` and the
    planted ``truth`` (layer -> true log-odds effect of one more tie)."""

    model: object
    effects: pd.DataFrame
    ratio: dict
    truth: dict[str, float]
    published: dict[str, Published]


def innovation_by_layer(layers: TieLayers, settings: Settings = SETTINGS) -> LayerModel:
    """Which layer matters most: the logit of creative firms' innovation on ties per layer."""
    model = clusternet.fit_layer_model(
        layers.creative, outcome="product_innovation", controls=list(settings.controls)
    )
    effects = clusternet.layer_effects(model)
    ratio = coefficient_ratio(model, "n_cross_sector", "n_local")
    planted = _planted("creative")
    truth = {layer: float(planted[f"n_{layer}"]) for layer in LAYERS}
    by_layer = effects.set_index("layer")
    published = {
        "nesta_model_firms": _aside(
            int(model.nobs), f"Creative firms in the layer model {_SAMPLE}", "firms"
        )
    }
    points = {"unit": "percentage points", "digits": 1}
    for layer in LAYERS:
        tie, row = _TIES[layer], by_layer.loc[layer]
        published |= _interval(
            f"nesta_or_{layer}",
            row["odds_ratio"],
            row["or_ci_lower"],
            row["or_ci_upper"],
            f"Odds ratio of product innovation for one more {tie.split(' ', 1)[1]} of a creative firm (sample data, logit with size, sector and place controls)",
            unit="odds ratio",
        )
        published[f"nesta_true_or_{layer}"] = _aside(
            np.exp(truth[layer]),
            f"True odds ratio of {tie} built into the sample data",
            "odds ratio",
            2,
            provenance=PLANTED,
        )
        published[f"nesta_ame_{layer}"] = _aside(
            100 * row["ame"],
            f"Average marginal effect of {tie} on a creative firm's probability of product innovation {_SAMPLE}",
            **points,
        )
        for end in ("lower", "upper"):
            published[f"nesta_ame_{layer}_ci_{end}"] = _aside(
                100 * row[f"ame_ci_{end}"],
                f"{end.capitalize()} end of the 95% interval of the average marginal effect of {tie} {_SAMPLE}",
                **points,
            )
    what = "the cross-sector to local effect ratio (sample data)"
    published |= _interval(
        "nesta_cross_to_local_ratio",
        ratio.estimate,
        ratio.ci_lower,
        ratio.ci_upper,
        "Ratio of the log-odds effect of a cross-sector tie to that of a local tie on creative firms' product innovation (sample data)",
        unit="ratio",
        digits=1,
    )
    for end in ("lower", "upper"):  # these two read better without the repeated description
        published[f"nesta_cross_to_local_ratio_ci_{end}"] = Published(
            getattr(ratio, f"ci_{end}"),
            f"{end.capitalize()} end of the 95% delta-method interval of {what}",
            unit="ratio",
            digits=1,
        )
    published["nesta_true_cross_to_local_ratio"] = _aside(
        truth["cross_sector"] / truth["local"],
        "True ratio of the cross-sector to local tie effects built into the sample data",
        "ratio",
        1,
        provenance=PLANTED,
    )
    published = _with_provenance(published, SAMPLE_ECONOMY)
    return LayerModel(model, effects, ratio, truth, published)


@dataclass(frozen=True)
class Spillovers:
    """The ``non_creative`` firms with their creative share, the within-place ``model``,
    the ``naive`` one (without place), their ``effects`` and ``naive_effects``, the
    model's ``curve`` and the observed ``district_rates`` (for the figure)."""

    non_creative: pd.DataFrame
    model: object
    naive: object
    effects: dict
    naive_effects: dict
    curve: pd.DataFrame
    district_rates: pd.DataFrame
    published: dict[str, Published]


def creative_spillovers(economy: SampleEconomy, settings: Settings = SETTINGS) -> Spillovers:
    """Do creative firms help the other firms of their district? The spillover logit."""
    firms, area, per = economy.firms, settings.presence_area, settings.spillover_per
    with_presence = firms.assign(creative_share=clusternet.creative_presence(firms, area=area))
    non_creative = with_presence[with_presence["creative"] == 0]

    def fit(controls):
        return clusternet.fit_spillover_model(
            non_creative, presence="creative_share", controls=list(controls), cluster=area
        )

    model, naive = fit(settings.controls), fit(settings.naive_controls)
    effects = clusternet.spillover_effects(model, "creative_share", per=per)
    naive_effects = clusternet.spillover_effects(naive, "creative_share", per=per)
    true_share = _planted("non_creative")["creative_share"]
    odds = {"unit": "odds ratio", "digits": 2}
    naive_what = f"the spillover odds ratio without place controls {_SAMPLE}"
    published = {
        "nesta_noncreative_firms": _aside(
            len(non_creative), f"Non-creative firms in the spillover model {_SAMPLE}", "firms"
        ),
        "nesta_districts": _aside(
            firms[area].nunique(),
            f"Districts in the Nesta chapter's sample economy {_SAMPLE}",
            "districts",
        ),
        **_interval(
            "nesta_spillover_or_10pp",
            effects["odds_ratio"],
            effects["or_ci_lower"],
            effects["or_ci_upper"],
            f"Odds ratio of product innovation of a non-creative firm for 10 more percentage points of creative firms in its district, within places {_SAMPLE}",
            **odds,
        ),
        "nesta_true_spillover_or_10pp": _aside(
            np.exp(per * true_share),
            "True odds ratio per 10 percentage points of district creative share built into the sample data",
            **odds,
            provenance=PLANTED,
        ),
        "nesta_naive_spillover_or_10pp": _aside(
            naive_effects["odds_ratio"],
            f"Odds ratio per 10 percentage points of district creative share when places are not held fixed {_SAMPLE}",
            **odds,
        ),
        "nesta_naive_spillover_or_10pp_ci_lower": _aside(
            naive_effects["or_ci_lower"], f"Lower end of the 95% interval of {naive_what}", **odds
        ),
        "nesta_naive_spillover_or_10pp_ci_upper": _aside(
            naive_effects["or_ci_upper"], f"Upper end of the 95% interval of {naive_what}", **odds
        ),
        **_interval(
            "nesta_spillover_doubling",
            effects["doubling_ratio"],
            effects["doubling_ci_lower"],
            effects["doubling_ci_upper"],
            f"Ratio of non-creative firms' mean predicted probability of product innovation if every district's creative share doubled to the mean as observed {_SAMPLE}",
            ends=tuple(f"{end} end of the 95% delta-method interval" for end in ("Lower", "Upper")),
            unit="ratio",
        ),
        "nesta_true_spillover_doubling": _aside(
            _true_spillover_doubling(non_creative, non_creative["creative_share"]),
            "True ratio of mean innovation probabilities when every district's creative share doubles, built into the sample data",
            "ratio",
            2,
            provenance=PLANTED,
        ),
        "nesta_creative_inputs_uplift": _aside(
            claim("creative_inputs")["claimed_low"] / 100,
            "Prior NESTA result quoted by Chapain et al. (2010): firms spending twice as much on creative inputs are this much more likely to introduce product innovations",
            percent=True,
            provenance=NESTA_CREATIVE_INPUTS,
        ),
    }
    published = _with_provenance(published, SAMPLE_FIRMS)
    curve = clusternet.spillover_curve(model, "creative_share")
    rates = clusternet.area_innovation_rates(firms, area=area, group="place")
    return Spillovers(non_creative, model, naive, effects, naive_effects, curve, rates, published)


@dataclass(frozen=True)
class NetworkSensitivity:
    """The sensitivity ``table`` (scenario x layer) and the layer ``rankings`` by scenario."""

    table: pd.DataFrame
    rankings: pd.Series
    published: dict[str, Published]


def _ame_interval(row: pd.Series) -> dict:
    """An average marginal effect's 95% interval, in percentage points, as Published arguments."""
    return {
        "estimate": True,
        "ci_lower": 100 * row["ame_ci_lower"],
        "ci_upper": 100 * row["ame_ci_upper"],
    }


def network_sensitivity(
    economy: SampleEconomy, settings: Settings = SETTINGS
) -> NetworkSensitivity:
    """Does the ranking of layers hold when the network is sparser or denser?"""
    scenarios = {name: (keep, add) for name, keep, add in settings.sensitivity_scenarios}
    firms = economy.firms
    table = clusternet.layer_sensitivity(
        economy.ties,
        firms,
        scenarios,
        subset=firms["creative"] == 1,
        controls=list(settings.controls),
        sectors=SECTOR_IS_CREATIVE,
        seed=settings.sensitivity_seed,
    )
    rankings = table.groupby("scenario", sort=False)["ranking"].first()
    observed = table.loc[table["scenario"] == "observed", "ranking"].iloc[0]
    ame = table.set_index(["scenario", "layer"])[["ame", "ame_ci_lower", "ame_ci_upper"]]
    sparsest, densest = settings.sensitivity_scenarios[0][0], settings.sensitivity_scenarios[-1][0]
    what = "Average marginal effect of a cross-sector tie when"
    published = {
        "nesta_sensitivity_ranking_held": Published(
            int((rankings == observed).sum()),
            "Network scenarios (of five: half, three quarters, observed, +25% and +50% closed triangles) in which creative firms' layer effects keep the observed ranking cross-sector > external > local (sample data)",
            unit="scenarios",
            digits=0,
        ),
        "nesta_sensitivity_scenarios": _aside(
            len(scenarios),
            "Network scenarios in the Nesta chapter's sensitivity check",
            "scenarios",
            provenance=CHAPTER_SETTING,
        ),
        "nesta_ame_cross_half": _aside(
            100 * ame.loc[(sparsest, "cross_sector"), "ame"],
            f"{what} only half the ties are observed {_SAMPLE}",
            "percentage points",
            1,
            **_ame_interval(ame.loc[(sparsest, "cross_sector")]),
        ),
        "nesta_ame_cross_dense": _aside(
            100 * ame.loc[(densest, "cross_sector"), "ame"],
            f"{what} 50% extra triangle-closing ties are added {_SAMPLE}",
            "percentage points",
            1,
            **_ame_interval(ame.loc[(densest, "cross_sector")]),
        ),
    }
    published = _with_provenance(published, SAMPLE_ECONOMY)
    return NetworkSensitivity(table, rankings, published)


def us_bridge_relatedness(bridges: USBridges, settings: Settings = SETTINGS) -> USBridgeRelatedness:
    """Are the clusters organisations bridge more related than pairs of clusters in general?"""
    return _us_bridge_relatedness(bridges, settings)


@dataclass(frozen=True)
class StudioProspects:
    """The studio ``scenarios`` and their ``predicted`` probabilities with intervals."""

    scenarios: pd.DataFrame
    predicted: pd.DataFrame
    published: dict[str, Published]


def studio_prospects(layer_model: LayerModel, settings: Settings = SETTINGS) -> StudioProspects:
    """Predicted innovation of a graduate's new design studio with different ties."""
    studio = {
        "employees": settings.studio_employees,
        "sector": settings.studio_sector,
        "place": settings.studio_place,
    }
    scenarios = pd.DataFrame(
        [
            {**studio, "n_local": local, "n_external": external, "n_cross_sector": cross}
            for _, _, local, external, cross in settings.studio_scenarios
        ],
        index=[label for _, label, *_ in settings.studio_scenarios],
    )
    predicted = clusternet.layer_scenario_probabilities(layer_model.model, scenarios)
    published = {}
    for (key, *_), row in zip(settings.studio_scenarios, predicted.itertuples(), strict=True):
        published |= _interval(
            f"nesta_studio_{key}",
            row.probability,
            row.ci_lower,
            row.ci_upper,
            f"Predicted probability of product innovation of a two-person design start-up in the fictional city with {row.Index} {_SAMPLE}",
            ends=("Lower end of the 95% interval", "Upper end of the 95% interval"),
            digits=0,
            percent=True,
            headline=False,
        )
    published = _with_provenance(published, SAMPLE_ECONOMY)
    return StudioProspects(scenarios, predicted, published)


def key_results(settings: Settings = SETTINGS) -> dict[str, float]:
    """The chapter's headline numbers, from the same steps the chapter calls.

    Parameters
    ----------
    settings : Settings
        The chapter's choices (default :data:`SETTINGS`).

    Returns
    -------
    dict
        Glue name -> exact value of every headline number the chapter publishes.

    Raises
    ------
    FileNotFoundError, DataValidationError
        The data files are missing or do not match their specs.
    """
    economy = sample_economy()
    bridges = us_bridges()
    eu_layers = eu_partner_layers(settings)
    steps = (
        gb_creative_industries(settings),
        eu_layers,
        eu_layer_outcomes(eu_layers, settings),
        creative_clusters(economy, settings),
        innovation_by_layer(tie_layers(economy), settings),
        creative_spillovers(economy, settings),
        network_sensitivity(economy, settings),
        bridges,
        us_bridge_relatedness(bridges, settings),
    )
    values = published_values(*(step.published for step in steps))
    headline = {name for step in steps for name, n in step.published.items() if n.headline}
    return PublishedValues(
        {name: value for name, value in values.items() if name in headline}, values.published
    )
