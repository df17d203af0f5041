"""Where each number of the Porter chapter comes from, written once per group.

Every step of :mod:`clusternet.book.porter_clusters` passes one of these
:class:`~clusternet.glue.Provenance` labels (or a mapping made with :func:`stamp`) to
:func:`clusternet.book._porter_wording.publish`, so every glued number carries its kind,
its sources (catalogued data sets or keys of ``references.bib``), its years and the one
caveat a reader must know before citing it.
"""

from __future__ import annotations

from collections.abc import Mapping

from clusternet.glue import Provenance

__all__ = [
    "cbp",
    "stamp",
    "CROSSWALK",
    "CROSSWALK_2021",
    "DEFINITIONS",
    "CONCORDANCE",
    "CODE_COVERAGE",
    "STRONG_2021",
    "LQ_THRESHOLD_SETTING",
    "TOP_SHARE_SETTING",
    "ECO_SIZE_SETTING",
    "ECO_UNVERIFIED_SETTING",
    "SAMPLE",
    "BIZED",
    "CLAIMED_COMBINED",
    "CHAPTER_SETTING",
    "WITHHELD_2017",
    "DPS_DEFINITIONS",
    "growth",
    "GROWTH_CAVEAT",
    "NO_FE_CAVEAT",
    "PAY_2021",
    "PAY_2021_RAW",
    "PAY_2021_DESCRIPTIVE",
    "PATENTS",
    "PATENTS_DESCRIPTIVE",
    "PATENT_COVERAGE",
    "GLAESER",
    "mapping_labels",
    "strong_labels",
    "sample_labels",
    "panel_labels",
    "us_growth_labels",
]

#: the Porter (2003) definitions and the NAICS 2007 -> 2017 concordance behind every mapping
CROSSWALK = ("porter_clusters_naics2007", "naics4_2007_to_2017")

MAPPING_CAVEAT = (
    "Porter's 6-digit clusters assigned to 4-digit NAICS codes by majority, "
    "ties broken by the report's rule; states, not Economic Areas."
)
GROWTH_CAVEAT = "Association, not causation: state and industry fixed effects only."
NO_FE_CAVEAT = "Association, not causation: no fixed effects (the contrast to the main estimate)."
SAMPLE_CAVEAT = "Sample data: demonstrates the method, not evidence about a real place."


def cbp(*years: int) -> tuple[str, ...]:
    """The catalogued County Business Patterns tables of ``years``."""
    return tuple(f"cbp_state_naics4_{year}" for year in years)


def _years(first: int, last: int) -> str:
    return f"{first}-{last}"


def stamp(values: Mapping, default: Provenance, **by_name: Provenance) -> dict[str, Provenance]:
    """Name -> provenance for every name of ``values``: ``default`` unless named in ``by_name``.

    Raises
    ------
    KeyError
        A name of ``by_name`` that ``values`` does not publish.
    """
    unknown = set(by_name) - set(values)
    if unknown:
        raise KeyError(f"provenance given for names not published: {sorted(unknown)}")
    return {name: by_name.get(name, default) for name in values}


# --- the cluster mapping and the location quotients (CBP 2021) ------------------------
CROSSWALK_2021 = Provenance("real data", (*cbp(2021), *CROSSWALK), "2021", caveat=MAPPING_CAVEAT)
DEFINITIONS = Provenance(
    "real data",
    "porter_clusters_naics2007",
    "2007 (NAICS edition of the definitions)",
    caveat="Porter (2003) benchmark definitions as published by the U.S. Cluster Mapping Project.",
)
CONCORDANCE = Provenance("real data", "naics4_2007_to_2017", "2007-2017 (NAICS editions)")
CODE_COVERAGE = Provenance(
    "real data",
    CROSSWALK,
    "2007-2017 (NAICS editions)",
    caveat="Property of the 4-digit crosswalk, not of any place's economy.",
)

# --- strong clusters and stars --------------------------------------------------------
STRONG_2021 = Provenance(
    "real data",
    (*cbp(2021), *CROSSWALK),
    "2021",
    caveat="Counts depend on conventional cut-offs (LQ 1.2, top quarter, top 10%) the report chose.",
)
LQ_THRESHOLD_SETTING = Provenance(
    "analysis setting",
    "clusternet",
    caveat="A practitioner's cut-off (StatsAmerica's 'over 1.2'), not a measurement.",
)
TOP_SHARE_SETTING = Provenance(
    "analysis setting",
    "uscmp2014methodology",
    caveat="The U.S. Cluster Mapping 'top quartile' rule is UNVERIFIED in its sources.",
)
ECO_SIZE_SETTING = Provenance("analysis setting", "eco2008methodology")
ECO_UNVERIFIED_SETTING = Provenance(
    "analysis setting",
    "eco2008methodology",
    caveat="Threshold UNVERIFIED: not seen on the Observatory's methodology page.",
)

# --- the sample economy and the quoted figures ----------------------------------------
SAMPLE = Provenance(
    "sample data",
    tuple(
        f"sample_economy_{name}"
        for name in ("employment", "industries", "adjacency", "relatedness", "true_effects")
    ),
    caveat=SAMPLE_CAVEAT,
)
BIZED = Provenance(
    "quoted and verified",
    ("bized2015clusters", "delgado2014clusters"),
    "2015",
    caveat="Secondary source only (BizEd press summary, 2015); not checked against the paper's tables.",
)
CLAIMED_COMBINED = Provenance(
    "quoted and unverified",
    "seed_industrial_clusters",
    caveat="Origin unknown: stated without a table by an online article; not traced to Delgado, Porter and Stern (2014).",
)
CHAPTER_SETTING = Provenance("analysis setting", "clusternet")

# --- the real-data growth regressions -------------------------------------------------
WITHHELD_2017 = Provenance(
    "real data",
    cbp(2017),
    "2017",
    caveat="Census withholds small cells (zero employees shown); the report treats them as missing.",
)
DPS_DEFINITIONS = Provenance("real data", "dps2016_related_clusters", "2016 (definitions)")


def growth(
    first: int, last: int, *, related: bool = False, caveat: str = GROWTH_CAVEAT
) -> Provenance:
    """State x traded-industry growth from ``first`` to ``last`` (``related``: DPS 2016 too)."""
    sources = (*cbp(first, last), *CROSSWALK, "us_state_adjacency")
    if related:
        sources += ("dps2016_related_clusters",)
    return Provenance("real data", sources, _years(first, last), caveat=caveat)


# --- pay, patents, the Glaeser test ---------------------------------------------------
PAY_2021 = Provenance(
    "real data",
    (*cbp(2021), *CROSSWALK),
    "2021",
    caveat="Association, not causation: state and cluster fixed effects only.",
)
PAY_2021_RAW = Provenance(
    "real data",
    (*cbp(2021), *CROSSWALK),
    "2021",
    caveat="Association, not causation: no controls (the contrast to the main estimate).",
)
PAY_2021_DESCRIPTIVE = Provenance("real data", (*cbp(2021), *CROSSWALK), "2021")
PATENTS = Provenance(
    "real data",
    ("uspto_patents_county", *cbp(2017), *CROSSWALK),
    "2011-2017",
    caveat="Association across 50 states, not causation: patents 2011-2015 against employment 2017, no controls.",
)
PATENTS_DESCRIPTIVE = Provenance(
    "real data",
    ("uspto_patents_county", *cbp(2017), *CROSSWALK),
    "2011-2017",
    caveat="Patents granted 2011-2015 by first inventor's county, against CBP employment 2017.",
)
PATENT_COVERAGE = Provenance(
    "real data",
    ("uspto_patents_county", "us_states"),
    "2011-2015",
    caveat="Patents by first-named inventor's county of residence.",
)
GLAESER = Provenance(
    "real data",
    (*cbp(2017, 2020), *CROSSWALK),
    "2017-2020",
    caveat="Association, not causation: industry fixed effects only.",
)


def _bounded(*names: str) -> tuple[str, ...]:
    """``names`` with their ``_ci_lower`` and ``_ci_upper`` bounds."""
    return tuple(f"{name}{suffix}" for name in names for suffix in ("", "_ci_lower", "_ci_upper"))


# --- the labels of each step of ``porter_clusters`` -----------------------------------
def mapping_labels(values: Mapping) -> dict[str, Provenance]:
    """Labels of ``cluster_mapping``: the 2021 crosswalk, the definitions' counts."""
    return stamp(
        values,
        CROSSWALK_2021,
        **dict.fromkeys(
            (f"porter_{kind}_clusters_defined" for kind in ("traded", "local", "resource")),
            DEFINITIONS,
        ),
        porter_concordance_codes=CONCORDANCE,
    )


def strong_labels(values: Mapping) -> dict[str, Provenance]:
    """Labels of ``strong_clusters``: counts of 2021, and the cut-offs the report chose."""
    return stamp(
        values,
        STRONG_2021,
        porter_default_lq_threshold=LQ_THRESHOLD_SETTING,
        porter_default_top_share=TOP_SHARE_SETTING,
        porter_eco_size_share=ECO_SIZE_SETTING,
        porter_eco_specialisation_threshold=ECO_UNVERIFIED_SETTING,
        porter_eco_focus_share=ECO_UNVERIFIED_SETTING,
    )


def sample_labels(values: Mapping) -> dict[str, Provenance]:
    """Labels of ``sample_growth_regression``: sample data, the BizEd figure, the level."""
    return stamp(
        values,
        SAMPLE,
        porter_published_cluster_effect=BIZED,
        porter_confidence_level=CHAPTER_SETTING,
    )


def panel_labels(values: Mapping, first: int, last: int) -> dict[str, Provenance]:
    """Labels of ``us_growth_panels`` (counts of cells, states, clusters)."""
    return stamp(
        values,
        growth(first, last, caveat=""),
        porter_withheld_cells_2017=WITHHELD_2017,
        porter_industries_withheld_everywhere=WITHHELD_2017,
        porter_dps_clusters=DPS_DEFINITIONS,
        porter_real_years=CHAPTER_SETTING,
        porter_dps_regions=BIZED,
        **dict.fromkeys(
            ("porter_matched_clusters", "porter_matched_cells"),
            growth(first, last, related=True, caveat=""),
        ),
    )


def us_growth_labels(values: Mapping, first: int, last: int) -> dict[str, Provenance]:
    """Labels of ``us_growth_regression``: the estimates, and the untraced claim."""
    return stamp(
        values,
        growth(first, last),
        **dict.fromkeys(
            _bounded(
                "porter_matched_cluster_effect",
                "porter_matched_related_effect",
                "porter_combined_effect",
            ),
            growth(first, last, related=True),
        ),
        porter_claimed_combined_effect_min=CLAIMED_COMBINED,
        porter_claimed_combined_effect_max=CLAIMED_COMBINED,
    )
