"""Data sets of the small-world Q chapter (Broadway sample history; Davis's women; jazz bands)."""

from clusternet.catalog import classics_edges_spec, classics_spec
from clusternet.dataspec import DatasetSpec

_DAVIS = "Davis, Gardner and Gardner (1941), Deep South; Breiger (1974)"
_JAZZ = "Gleiser and Danon (2003), Community structure in jazz, Advances in Complex Systems 6(4)"
_SAMPLE_SOURCE = "clusternet.samples.smallworld.broadway_history (seed 2005); sample data"
_SAMPLE_LICENCE = "CC BY 4.0 (synthetic sample data of this report)"

#: the six creative roles of a musical's team (allowed values of ``broadway_credits.role``)
ROLES = ("composer", "lyricist", "librettist", "choreographer", "director", "producer")
#: the success outcomes of the sample shows and the model each is drawn from
OUTCOME_MODELS = {"hit": "logit", "reviews": "ols"}

DATASETS = [
    DatasetSpec(
        name="broadway_credits",
        path="sample-broadway/credits.csv",
        description=(
            "Sample data: creative credits of a Broadway-like history of musicals, 1939-1989, "
            "made by the team-assembly model; one row per artist, show and role"
        ),
        columns={"person": "str", "show": "str", "year": "int", "role": "str"},
        kind="sample",
        source=_SAMPLE_SOURCE,
        licence=_SAMPLE_LICENCE,
        nonnegative=("year",),
        unique=("person", "show", "role"),
        allowed={"role": ROLES},
        units={
            "person": "artist id (A0001, ...)",
            "show": "show id (S001, ...)",
            "year": "opening year",
        },
    ),
    DatasetSpec(
        name="broadway_shows",
        path="sample-broadway/shows.csv",
        description=(
            "Sample data: the 474 study shows of 1945-1989 with team size, veteran share and "
            "success (hit 0/1; critics' review score 0-100) drawn with an inverted U in the year's Q"
        ),
        columns={
            "show": "str",
            "year": "int",
            "team_size": "int",
            "veteran_share": "float",
            "hit": "int",
            "reviews": "float",
        },
        kind="sample",
        source=_SAMPLE_SOURCE,
        licence=_SAMPLE_LICENCE,
        nonnegative=("year", "team_size", "reviews"),
        fractions=("veteran_share",),
        unique=("show",),
        allowed={"hit": (0, 1)},
        units={
            "team_size": "artists in the creative team",
            "veteran_share": "share of the team with an earlier show (0-1)",
            "hit": "1 = commercial hit, 0 = flop",
            "reviews": "critics' score, 0-100",
        },
    ),
    DatasetSpec(
        name="broadway_true_effects",
        path="sample-broadway/true_effects.csv",
        description=(
            "Sample data: the success curves planted in the sample Broadway history, one row "
            "per outcome (the truth the chapter's inverted-U fits should recover)"
        ),
        columns={
            "outcome": "str",
            "model": "str",
            "turning_point": "float",
            "peak": "float",
            "curvature": "float",
            "veteran_share_effect": "float",
            "veteran_share_centre": "float",
            "team_size_effect": "float",
            "team_size_centre": "float",
            "noise_sd": "float",
        },
        kind="sample",
        source=_SAMPLE_SOURCE,
        licence=_SAMPLE_LICENCE,
        nonnegative=("turning_point", "curvature", "team_size_centre", "noise_sd"),
        fractions=("veteran_share_centre",),
        unique=("outcome",),
        allowed={"outcome": tuple(OUTCOME_MODELS), "model": tuple(OUTCOME_MODELS.values())},
        nullable=("noise_sd",),
        units={
            "model": "logit: hit ~ Bernoulli(logistic(linear predictor)); ols: score = predictor + noise",
            "turning_point": "Q at which success peaks (Q*)",
            "peak": "linear predictor at Q* with controls at their centres (log-odds; score points)",
            "curvature": "c in - c (Q - Q*)^2",
            "veteran_share_effect": "per unit of (veteran share - centre)",
            "team_size_effect": "per artist of (team size - centre)",
            "noise_sd": "standard deviation of the normal noise (score points; empty for hits)",
        },
    ),
    classics_spec(
        name="classics_southern_women_edges",
        path="network-classics/southern_women_edges.csv",
        description=(
            f"{_DAVIS}: which of 18 women of a Southern US town attended which of 14 social "
            "events (1930s); a bipartite person x event affiliation network, one row per attendance"
        ),
        columns={"source": "str", "target": "str"},
        unique=("source", "target"),
        units={"source": "event (date label, month/day)", "target": "woman (first name)"},
    ),
    classics_spec(
        name="classics_southern_women_nodes",
        path="network-classics/southern_women_nodes.csv",
        description=f"{_DAVIS}: the 32 nodes, 18 women (type False) and 14 events (type True)",
        columns={"id": "str", "type": "bool"},
        unique=("id",),
        units={"type": "False = woman, True = event"},
    ),
    classics_edges_spec(
        name="classics_jazz_edges",
        path="network-classics/jazz_edges.csv",
        description=(
            f"{_JAZZ}: 198 jazz bands of 1912-1940 (Red Hot Jazz Archive), tied when they shared "
            "a musician; undirected, one row per tie (already projected: no musician-level data)"
        ),
        node="band id (1-198)",
    ),
    classics_spec(
        name="classics_jazz_nodes",
        path="network-classics/jazz_nodes.csv",
        description=f"{_JAZZ}: the 198 band ids",
        columns={"id": "int"},
        nonnegative=("id",),
        unique=("id",),
    ),
]
