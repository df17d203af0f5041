"""NBER working papers 1973-2021: papers, authorships and programmes (CC0, real data).

Used by the small-world Q chapter as a real people x teams (authors x papers) network with
years and a success measure. See ``data/nber-working-papers/SOURCE.md``.
"""

from __future__ import annotations

from clusternet.dataspec import DatasetSpec

#: Publication outcome codes of ``nber_papers.outlet`` (missing: unpublished as of March 2022).
NBER_OUTLETS = {1: "top-five journal", 2: "other journal", 3: "book or chapter"}
#: NBER programme codes of ``nber_paper_programs.program``.
NBER_PROGRAMS = (
    "AG",
    "AP",
    "CF",
    "CH",
    "DAE",
    "DEV",
    "ED",
    "EEE",
    "EFG",
    "HC",
    "HE",
    "IFM",
    "IO",
    "ITI",
    "LE",
    "LS",
    "ME",
    "PE",
    "POL",
    "PR",
    "TWP",
)
#: Programme categories of ``nber_programs.program_category`` (TWP has none).
NBER_PROGRAM_CATEGORIES = ("Micro", "Finance", "Macro/International")
#: A paper id: series prefix (w general, t technical, h historical) and its number.
PAPER_PATTERN = r"[wth]\d{4,5}"

_SOURCE = (
    "R package nberwp 1.2.1 (B. Davies), data-raw/, commit d57fbc5; metadata of the "
    "National Bureau of Economic Research; see data/nber-working-papers/SOURCE.md"
)
_LICENCE = "CC0 1.0 (nberwp DESCRIPTION: License: CC0; LICENCE.md)"

DATASETS = [
    DatasetSpec(
        name="nber_papers",
        path="nber-working-papers/papers.csv",
        description=(
            "NBER working papers June 1973 - December 2021: paper id, issue year and month, "
            "publication outcome as of March 2022 (upstream papers.csv without titles)"
        ),
        columns={"paper": "str", "year": "int", "month": "int", "outlet": "int"},
        kind="real",
        source=_SOURCE,
        licence=_LICENCE,
        nonnegative=("year", "month"),
        unique=("paper",),
        allowed={"outlet": tuple(NBER_OUTLETS), "month": tuple(range(1, 13))},
        nullable=("outlet",),
        na_values={"outlet": ("NA",)},
        patterns={"paper": PAPER_PATTERN},
        rows=30083,
        sha256="68cc09284d6618cc664f93b9305e86aa79b79e170dfb45fe4b69352548acf7c6",
        units={
            "year": "year the working paper was issued",
            "month": "month the working paper was issued (1-12)",
            "outlet": "1 top-five journal, 2 other journal, 3 book or chapter; NA unpublished",
        },
    ),
    DatasetSpec(
        name="nber_paper_authors",
        path="nber-working-papers/paper_authors.csv",
        description="NBER working papers: one row per paper and (disambiguated) author",
        columns={"paper": "str", "author": "str"},
        kind="real",
        source=_SOURCE,
        licence=_LICENCE,
        unique=("paper", "author"),
        patterns={"paper": PAPER_PATTERN, "author": PAPER_PATTERN + r"\.\d+"},
        rows=69104,
        sha256="366ae428d44c331eb1612ce3d989ba03ee87ef532fca50ce40bcf7a5807e58ef",
        units={"author": "author id: the paper and position of the author's first appearance"},
    ),
    DatasetSpec(
        name="nber_paper_programs",
        path="nber-working-papers/paper_programs.csv",
        description="NBER working papers: one row per paper and NBER programme it belongs to",
        columns={"paper": "str", "program": "str"},
        kind="real",
        source=_SOURCE,
        licence=_LICENCE,
        unique=("paper", "program"),
        allowed={"program": NBER_PROGRAMS},
        patterns={"paper": PAPER_PATTERN},
        rows=55813,
        sha256="2edfd5c8db1590a3292450dd3d3459ad56054c9b0e93daec50091e4b6d5557da",
    ),
    DatasetSpec(
        name="nber_programs",
        path="nber-working-papers/programs.csv",
        description="NBER programmes: code, name and category",
        columns={"program": "str", "program_desc": "str", "program_category": "str"},
        kind="real",
        source=_SOURCE,
        licence=_LICENCE,
        unique=("program",),
        allowed={"program": NBER_PROGRAMS, "program_category": NBER_PROGRAM_CATEGORIES},
        nullable=("program_category",),
        rows=21,
        sha256="677d858996c46455e87f3ec0653e60131e5183ebab9524072adc49dd16e772c5",
    ),
]
