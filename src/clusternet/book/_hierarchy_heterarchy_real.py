"""Real organisations of the chapter *Hierarchy versus heterarchy* (private helper).

The loader of Krackhardt's managers and Lazega's lawyers (``data/network-classics``), and
the two steps on them: the laterality and hierarchy of each informal network, and the
dyadic logit of who seeks advice from whom. :mod:`clusternet.book.hierarchy_heterarchy`
re-exports them with the chapter's settings; this file only keeps that module short.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd

from clusternet import data, models
from clusternet._validation import format_items, require_columns, require_in
from clusternet.book.published import Published
from clusternet.glue import Provenance
from clusternet.hierarchy import (
    dyad_table,
    formal_tier_digraph,
    hierarchy_profile,
    observed_laterality,
)

__all__ = [
    "Organisation",
    "classic_organisation",
    "RealNetworks",
    "real_networks",
    "AdviceRegressions",
    "advice_regressions",
]

_SHARE = {"digits": 0, "percent": True}
_SCORE = {"digits": 2, "unit": "score (0 to 1)"}
_COUNT = {"digits": 0, "headline": False}


#: the two firms: node table, formal structure (reports-to edges, or ranks only), relations
_FIRMS = {
    "krackhardt": {
        "nodes": "classics_krackhardt_nodes",
        "formal": "classics_krackhardt_reports_edges",
        "rank": "level",
        "top_ranks": (1, 2),  # the CEO and the vice-presidents
        "source": "Krackhardt (1987) high-tech managers",
        "bib": "krackhardt1987cognitive",
        "vintage": "1987 (year published)",
        "case": "One firm of 21 managers: a case study, not a representative sample.",
        "relations": {
            "advice": "classics_krackhardt_advice_edges",
            "friends": "classics_krackhardt_friends_edges",
        },
    },
    "lazega": {
        "nodes": "classics_lazega_nodes",
        "formal": None,
        "rank": "status",
        "top_ranks": (1,),  # the partners
        "source": "Lazega (2001) law firm",
        "bib": "lazega2001collegial",
        "vintage": "2001 (year published)",
        "case": "One law firm of 71 lawyers: a case study, not a representative sample.",
        "relations": {
            "advice": "classics_lazega_advice_edges",
            "cowork": "classics_lazega_cowork_edges",
            "friends": "classics_lazega_friends_edges",
        },
    },
}


def _provenance(firm: str, relations=(), caveat: str | None = None) -> Provenance:
    """Real data of one firm: its node table, formal structure, the relations used, its study."""
    spec = _FIRMS[firm]
    files = [spec["nodes"]] + ([spec["formal"]] if spec["formal"] else [])
    files += [spec["relations"][relation] for relation in relations]
    return Provenance(
        "real data",
        (*files, spec["bib"]),
        spec["vintage"],
        caveat=spec["case"] if caveat is None else caveat,
    )


#: the Wilson interval of a share of ties outside the chain of command
_WILSON = "Wilson interval treats ties as independent draws; one firm, a case study."
#: the dyadic advice logits
_ASSOCIATION = "Association, not causation: dyadic logit in one firm, errors clustered by asker."


@dataclass(frozen=True)
class Organisation:
    """A real organisation: people, formal authority and the surveyed relations.

    Attributes
    ----------
    nodes : pandas.DataFrame
        The attribute table, one row per person.
    formal : networkx.DiGraph
        Formal authority, arcs superior -> subordinate.
    top : list
        The top tier (CEO and vice-presidents, or the partners).
    tier : dict
        Person -> rank (1 = top).
    relations : dict
        Relation name -> DiGraph with arcs as surveyed (``i -> j``: ``i`` names ``j``).
    """

    nodes: pd.DataFrame
    formal: nx.DiGraph
    top: list
    tier: dict
    relations: dict


def _edges_digraph(nodes, edges: pd.DataFrame, name: str) -> nx.DiGraph:
    require_columns(edges, ["source", "target"], name)
    unknown = sorted(set(edges["source"]).union(edges["target"]) - set(nodes))
    if unknown:
        raise ValueError(f"{name} has ids not in the node table: {format_items(unknown)}")
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges[["source", "target"]].itertuples(index=False, name=None))
    return graph


def classic_organisation(firm: str) -> Organisation:
    """Load a real organisation of ``data/network-classics`` as networkx graphs.

    Parameters
    ----------
    firm : {"krackhardt", "lazega"}
        Krackhardt's (1987) 21 managers of a high-tech firm, or Lazega's (2001) 71
        lawyers of a corporate law firm.

    Returns
    -------
    Organisation
        ``formal`` is the reports-to tree reversed (boss -> subordinate) for Krackhardt,
        and partners above associates (``formal_tier_digraph``) for Lazega.

    Raises
    ------
    ValueError
        Unknown ``firm``, or edge files naming people missing from the node table.

    Examples
    --------
    >>> firm = classic_organisation("krackhardt")
    >>> firm.formal.number_of_edges(), sorted(firm.relations)
    (20, ['advice', 'friends'])

    References
    ----------
    - Krackhardt, D. (1987). Cognitive social structures. *Social Networks* 9(2),
      109-134.
    - Lazega, E. (2001). *The Collegial Phenomenon: The Social Mechanisms of
      Cooperation among Peers in a Corporate Law Partnership*. Oxford University Press.
    """
    require_in(firm, tuple(_FIRMS), "firm")
    spec = _FIRMS[firm]
    nodes = data.load(spec["nodes"])
    ids = nodes["id"].tolist()
    tier = dict(zip(ids, nodes[spec["rank"]].astype(int).tolist(), strict=True))
    if spec["formal"] is not None:
        reports = _edges_digraph(ids, data.load(spec["formal"]), spec["formal"])
        formal = reports.reverse(copy=True)  # boss -> subordinate
    else:
        formal = formal_tier_digraph(tier)
    top = [v for v in ids if tier[v] in spec["top_ranks"]]
    relations = {
        relation: _edges_digraph(ids, data.load(name), name)
        for relation, name in spec["relations"].items()
    }
    return Organisation(nodes=nodes, formal=formal, top=top, tier=tier, relations=relations)


# ---------------------------------------------------------------------------
# the chart and the informal networks
# ---------------------------------------------------------------------------

#: the networks of the real-data table: (firm, relation) -> row label
_NETWORKS = {
    ("krackhardt", "formal"): "Managers: reports-to chart",
    ("krackhardt", "advice"): "Managers: advice",
    ("krackhardt", "friends"): "Managers: friendship",
    ("lazega", "advice"): "Lawyers: advice",
    ("lazega", "cowork"): "Lawyers: co-work",
    ("lazega", "friends"): "Lawyers: friendship",
}
_HEADLINE_CELLS = {
    ("krackhardt_advice", "laterality"),
    ("krackhardt_advice", "top_tier_path_share"),
    ("lazega_advice", "laterality"),
    ("lazega_advice", "top_tier_path_share"),
}
_OFF_CHAIN = "share of ties outside the formal chain of command"
_CELLS = {
    "top_tier_path_share": (
        "share of shortest paths between people outside the top tier that pass through it "
        "(top: CEO and vice-presidents, or partners)",
        _SHARE,
    ),
    "hierarchy": ("Krackhardt hierarchy", _SCORE),
    "global_reaching_centrality": ("global reaching centrality", _SCORE),
    "laterality": (_OFF_CHAIN, _SHARE),
    "ci_lower": (f"95% interval (lower limit, Wilson) of the {_OFF_CHAIN}", _SHARE),
    "ci_upper": (f"95% interval (upper limit, Wilson) of the {_OFF_CHAIN}", _SHARE),
    "chance_laterality": (
        "share of pairs outside the formal chain of command (the share of ties outside it "
        "if ties were placed at random)",
        _SHARE,
    ),
    "minimum_laterality": (
        "smallest possible share of ties outside the formal chain of command given the "
        "number of ties",
        _SHARE,
    ),
    "ties": ("ties (pairs linked in either direction)", {"digits": 0, "unit": "ties"}),
    "chain_ties": ("ties along the formal chain of command", {"digits": 0, "unit": "ties"}),
}


@dataclass(frozen=True)
class RealNetworks:
    """Both firms and, per informal network, its hierarchy profile and laterality."""

    krackhardt: Organisation
    lazega: Organisation
    table: pd.DataFrame
    published: dict


def real_networks(*, alpha: float) -> RealNetworks:
    """Place each network of the two firms between pure hierarchy and heterarchy.

    Surveyed arcs run from the person who asks; they are turned to run from the giver,
    as the measures expect. The formal chart itself is the first row.
    """
    firms = {firm: classic_organisation(firm) for firm in ("krackhardt", "lazega")}
    records = []
    for (firm, relation), label in _NETWORKS.items():
        organisation = firms[firm]
        if relation == "formal":
            graph = organisation.formal
        else:
            graph = organisation.relations[relation].reverse(copy=True)
        record = {"firm": firm, "relation": relation, "network": label}
        record.update(hierarchy_profile(graph, top_nodes=organisation.top))
        laterality = observed_laterality(graph, organisation.formal, alpha=alpha)
        record.update(
            ties=laterality.ties,
            chain_ties=laterality.chain_ties,
            laterality=laterality.estimate,
            ci_lower=laterality.ci_lower,
            ci_upper=laterality.ci_upper,
            chance_laterality=laterality.chance_laterality,
            minimum_laterality=laterality.minimum_laterality,
        )
        records.append(record)
    table = pd.DataFrame(records)
    krackhardt, lazega = firms["krackhardt"], firms["lazega"]
    published = {
        "mulder_krackhardt_people": Published(
            len(krackhardt.nodes),
            "Managers in Krackhardt's high-tech firm",
            unit="people",
            provenance=_provenance("krackhardt"),
            **_COUNT,
        ),
        "mulder_lazega_people": Published(
            len(lazega.nodes),
            "Lawyers in Lazega's law firm",
            unit="people",
            provenance=_provenance("lazega"),
            **_COUNT,
        ),
        "mulder_krackhardt_top": Published(
            len(krackhardt.top),
            "Managers in the top tier (CEO and vice-presidents) of Krackhardt's firm",
            unit="people",
            provenance=_provenance("krackhardt"),
            **_COUNT,
        ),
        "mulder_lazega_partners": Published(
            len(lazega.top),
            "Partners in Lazega's law firm",
            unit="people",
            provenance=_provenance("lazega"),
            **_COUNT,
        ),
    }
    for row in table.itertuples(index=False):
        key = f"{row.firm}_{row.relation}"
        source = _FIRMS[row.firm]["source"]
        relations = () if row.relation == "formal" else (row.relation,)
        for column, (what, style) in _CELLS.items():
            # the Wilson bounds are glued as the laterality's interval
            # (``mulder_<key>_laterality_ci_lower``), so that it is published as an estimate
            name = f"laterality_{column}" if column in ("ci_lower", "ci_upper") else column
            wilson = column in ("laterality", "ci_lower", "ci_upper")
            published[f"mulder_{key}_{name}"] = Published(
                getattr(row, column),
                f"{source}, {row.network}: {what}",
                headline=(key, column) in _HEADLINE_CELLS,
                provenance=_provenance(row.firm, relations, _WILSON if wilson else None),
                **style,
            )
    return RealNetworks(krackhardt=krackhardt, lazega=lazega, table=table, published=published)


# ---------------------------------------------------------------------------
# who seeks advice from whom
# ---------------------------------------------------------------------------

_TERMS = {
    "to_superior": "a formal superior of the asker",
    "to_subordinate": "a formal subordinate of the asker",
    "same_dept": "in the asker's department",
    "same_office": "in the asker's office",
    "same_practice": "in the asker's practice (litigation or corporate)",
}
_HEADLINE_ODDS = {
    ("krackhardt", "to_superior"),
    ("lazega", "to_superior"),
    ("lazega", "to_subordinate"),
    ("lazega", "same_office"),
    ("lazega", "same_practice"),
}


@dataclass(frozen=True)
class AdviceRegressions:
    """Dyadic logits of advice seeking, per firm: fits and odds-ratio tables."""

    fits: dict
    tables: dict
    published: dict


def advice_regressions(real: RealNetworks, *, attributes) -> AdviceRegressions:
    """Odds that one person goes to another for advice: superior, subordinate, same unit.

    ``attributes`` is a sequence of ``(firm, attributes shared)`` pairs; standard errors
    are clustered by the person asking.
    """
    firms = {"krackhardt": real.krackhardt, "lazega": real.lazega}
    fits, tables, published = {}, {}, {}
    for firm, same in attributes:
        organisation = firms[firm]
        same = list(same)
        dyads = dyad_table(
            organisation.relations["advice"],
            organisation.nodes,
            formal=organisation.formal,
            same=same,
        )
        formula = "tie ~ to_superior + to_subordinate + " + " + ".join(f"same_{a}" for a in same)
        fits[firm] = models.fit_logit(formula, dyads, cluster="sender")
        tables[firm] = models.coefficient_table(fits[firm], exponentiate=True)
        source = _FIRMS[firm]["source"]
        terms = tables[firm].set_index("term").drop(index="Intercept")
        for term, row in terms.iterrows():
            what = (
                f"{source}: odds ratio that a person goes to another for advice when the "
                f"other is {_TERMS[term]} (dyadic logit, standard errors clustered by asker)"
            )
            digits = 2 if row["estimate"] < 1 else 1
            provenance = _provenance(firm, ("advice",), _ASSOCIATION)
            published[f"mulder_{firm}_or_{term}"] = Published(
                row["estimate"],
                what,
                unit="odds ratio",
                digits=digits,
                headline=(firm, term) in _HEADLINE_ODDS,
                provenance=provenance,
            )
            for end in ("ci_lower", "ci_upper"):
                published[f"mulder_{firm}_or_{term}_{end}"] = Published(
                    row[end],
                    f"95% interval ({end[3:]} limit) of the {what}",
                    unit="odds ratio",
                    digits=digits,
                    # the synthesis quotes the interval of the managers' odds with its claim
                    headline=(firm, term) == ("krackhardt", "to_superior"),
                    provenance=provenance,
                )
    krackhardt = real.krackhardt
    reports_to = krackhardt.formal.reverse(copy=True)  # subordinate -> boss, as surveyed
    advice = krackhardt.relations["advice"]
    published["mulder_boss_advice_lines"] = Published(
        sum(advice.has_edge(*line) for line in reports_to.edges),
        "Krackhardt (1987) high-tech managers: formal reporting lines along which the "
        "subordinate goes to their own boss for advice",
        unit="reporting lines",
        digits=0,
        provenance=_provenance("krackhardt", ("advice",)),
    )
    published["mulder_reporting_lines"] = Published(
        reports_to.number_of_edges(),
        "Formal reporting lines in Krackhardt's firm",
        unit="reporting lines",
        provenance=_provenance("krackhardt"),
        **_COUNT,
    )
    return AdviceRegressions(fits=fits, tables=tables, published=published)
