"""Data sets of the hierarchy chapter (Krackhardt's and Lazega's firms; the continuum sample)."""

from clusternet.catalog import classics_edges_spec, classics_spec
from clusternet.dataspec import DatasetSpec

_KRACKHARDT = "Krackhardt (1987), Cognitive social structures, Social Networks 9(2)"
_LAZEGA = "Lazega (2001), The Collegial Phenomenon, Oxford University Press"

DATASETS = [
    classics_edges_spec(
        name="classics_krackhardt_reports_edges",
        path="network-classics/ht_reports_edges.csv",
        description=(
            f"{_KRACKHARDT}: formal reports-to tree of 21 managers of a high-tech firm, "
            "from company documents; an edge source -> target means source reports to target"
        ),
        node="manager id (1-21)",
    ),
    classics_edges_spec(
        name="classics_krackhardt_advice_edges",
        path="network-classics/ht_advice_edges.csv",
        description=(
            f"{_KRACKHARDT}: advice network of the 21 managers; source -> target means "
            "source goes to target for advice ('To whom do you go for advice?')"
        ),
        node="manager id (1-21)",
    ),
    classics_edges_spec(
        name="classics_krackhardt_friends_edges",
        path="network-classics/ht_friends_edges.csv",
        description=(
            f"{_KRACKHARDT}: friendship network of the 21 managers; source -> target means "
            "source names target as a friend ('Who is your friend?')"
        ),
        node="manager id (1-21)",
    ),
    classics_spec(
        name="classics_krackhardt_nodes",
        path="network-classics/ht_reports_nodes.csv",
        description=(
            f"{_KRACKHARDT}: the 21 managers (identical in the advice, friendship and "
            "reports-to files): age, tenure, level (1 CEO, 2 vice-president, 3 manager), department"
        ),
        columns={"id": "int", "age": "int", "tenure": "int", "level": "int", "dept": "int"},
        nonnegative=("age", "tenure"),
        unique=("id",),
        allowed={"level": (1, 2, 3), "dept": (0, 1, 2, 3, 4)},
        units={"age": "years", "tenure": "years with the firm", "dept": "0 = CEO, 1-4 departments"},
    ),
    classics_edges_spec(
        name="classics_lazega_advice_edges",
        path="network-classics/law_advice_edges.csv",
        description=(
            f"{_LAZEGA}: basic advice network of the 71 lawyers of a New England corporate "
            "law firm, 1988-1991; source -> target means source goes to target for advice"
        ),
        node="lawyer id (1-71)",
    ),
    classics_edges_spec(
        name="classics_lazega_cowork_edges",
        path="network-classics/law_cowork_edges.csv",
        description=(
            f"{_LAZEGA}: strong co-worker network of the 71 lawyers; source -> target means "
            "source names target as someone they work with closely"
        ),
        node="lawyer id (1-71)",
    ),
    classics_edges_spec(
        name="classics_lazega_friends_edges",
        path="network-classics/law_friends_edges.csv",
        description=(
            f"{_LAZEGA}: friendship outside work among the 71 lawyers; source -> target "
            "means source names target as a friend"
        ),
        node="lawyer id (1-71)",
    ),
    classics_spec(
        name="classics_lazega_nodes",
        path="network-classics/law_advice_nodes.csv",
        description=(
            f"{_LAZEGA}: the 71 lawyers (identical in the three relation files): status "
            "(1 partner, 2 associate), gender, office, seniority, age, practice, law school"
        ),
        columns={
            "id": "int",
            "status": "int",
            "gender": "int",
            "office": "int",
            "seniority": "int",
            "age": "int",
            "practice": "int",
            "law_school": "int",
        },
        nonnegative=("seniority", "age"),
        unique=("id",),
        allowed={
            "status": (1, 2),
            "gender": (1, 2),
            "office": (1, 2, 3),
            "practice": (1, 2),
            "law_school": (1, 2, 3),
        },
        units={
            "seniority": "years with the firm",
            "age": "years",
            "office": "1 Boston, 2 Hartford, 3 Providence",
            "practice": "1 litigation, 2 corporate",
            "law_school": "1 Harvard or Yale, 2 University of Connecticut, 3 other",
        },
    ),
]

_PROFILE = {
    "connectedness": "Krackhardt connectedness (share of pairs linked ignoring direction)",
    "hierarchy": "Krackhardt hierarchy (share of reachable pairs not mutually reachable)",
    "efficiency": "Krackhardt efficiency (1 - share of possible surplus arcs present)",
    "lub": "Krackhardt least-upper-boundedness (share of pairs with a least common superior)",
    "global_reaching_centrality": "global reaching centrality (Mones, Vicsek and Vicsek 2012)",
    "flow_hierarchy": "flow hierarchy (share of arcs in no directed cycle; Luo and Magee 2011)",
    "global_efficiency": "global efficiency (mean inverse distance, undirected)",
    "degree_centralisation": "Freeman degree centralisation (undirected)",
    "betweenness_centralisation": "Freeman betweenness centralisation (undirected)",
    "top_tier_path_share": "share of shortest paths between people outside tiers 0-1 that pass through tiers 0-1",
}

DATASETS.append(
    DatasetSpec(
        name="sample_hierarchy_continuum",
        path="sample-hierarchy/continuum.csv",
        description=(
            "Sample data: 12 simulated 85-person organisations (4 tiers, span of control 4, "
            "168 ties) at each laterality 0, 0.1, ..., 1, with their hierarchy, diffusion "
            "and robustness measures"
        ),
        columns={
            "laterality": "float",
            "replicate": "int",
            "nodes": "int",
            "ties": "int",
            "rewired_share": "float",
            "giant_share": "float",
            **dict.fromkeys(_PROFILE, "float"),
            "push_steps_to_half": "float",
            "push_reached_half": "float",
            "contagion_steps_to_half": "float",
            "tiers_reached_share": "float",
            "giant_after_failure": "float",
            "giant_after_attack": "float",
        },
        kind="sample",
        source="clusternet.samples.hierarchy.continuum_sample (seed 1999)",
        licence="CC BY 4.0 (synthetic data made by this report)",
        nonnegative=("push_steps_to_half", "contagion_steps_to_half", "nodes", "ties"),
        fractions=(
            "laterality",
            "rewired_share",
            "giant_share",
            *_PROFILE,
            "push_reached_half",
            "tiers_reached_share",
            "giant_after_failure",
            "giant_after_attack",
        ),
        unique=("laterality", "replicate"),
        units={
            "laterality": "probability that a tie is re-wired off the chain of command",
            "rewired_share": "share of ties re-wired in this network",
            "giant_share": "largest connected component / people",
            **_PROFILE,
            "push_steps_to_half": "mean steps (over 20 runs from random bottom-tier people) until half the organisation knows an idea, push model",
            "push_reached_half": "share of push runs that reached half the organisation within 80 steps",
            "contagion_steps_to_half": "mean steps until half the organisation knows an idea, contagion model (everyone tells every contact)",
            "tiers_reached_share": "mean share of the 4 tiers with at least one informed person after 3 push steps",
            "giant_after_failure": "largest component / people after removing 5% of people at random (mean of 10 orders)",
            "giant_after_attack": "largest component / people after removing the 5% with most ties (mean of 10 tie-breaks)",
        },
    )
)

#: parameters of the continuum ensemble's design, one row each in ``design.csv``
DESIGN_PARAMETERS = (
    "seed",
    "branching",
    "tiers",
    "top_tiers",
    "ties",
    "levels",
    "replicates",
    "diffusion_runs",
    "max_steps",
    "tier_steps",
    "robustness_runs",
    "attack_fraction",
)

DATASETS.append(
    DatasetSpec(
        name="sample_hierarchy_design",
        path="sample-hierarchy/design.csv",
        description=(
            "Sample data: the design of the continuum ensemble (sample_hierarchy_continuum), "
            "one parameter a row: seed, span of control, tiers, ties, runs, steps and the "
            "share of people removed"
        ),
        columns={"parameter": "str", "value": "float", "description": "str"},
        kind="sample",
        source="clusternet.samples.hierarchy.continuum_design",
        licence="CC BY 4.0 (synthetic data made by this report)",
        nonnegative=("value",),
        unique=("parameter",),
        allowed={"parameter": DESIGN_PARAMETERS},
        units={
            "parameter": "name of the design parameter",
            "value": "its value (counts, a seed, or a share for attack_fraction)",
            "description": "what the parameter sets",
        },
    )
)
