"""Find numbers typed into the chapters' prose (``python -m tests.prose_numbers``).

Every number a reader sees must be computed and glued (``{glue}``), or quoted from a source
with a citation in the same sentence. This module strips what is not prose (front matter,
code cells, math, option lines, roles, inline code, links, HTML) and reports the numbers
left in sentences without a citation, except years, dates, list markers and the phrases of
:data:`ALLOWED` (each with its reason).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"

#: Prose blocks of these directives are read; every other fenced block is code or data.
PROSE_DIRECTIVES = (
    "figure",
    "table",
    "note",
    "warning",
    "admonition",
    "important",
    "tip",
    "seealso",
    "list-table",
    "glossary",
    "dropdown",
    "caution",
    "attention",
    "topic",
)
_STRIP = [
    r"\{glue(?::text|:any)?\}`[^`]*`",
    r"\{(?:numref|ref|doc|eq|math|download|term|abbr|sub|sup)\}`[^`]*`",
    r"``[^`]*``",
    r"`[^`]*`",
    r"\$[^$]+\$",
    r"\]\([^)]*\)",
    r"<[^>]+>",
    r"^\s*\([a-z0-9-]+\)=\s*$",
    r"https?://\S+",
    r"\b\d-digit\b",  # NAICS and SIC code levels
    r"\b(?:NAICS|SIC)(?: code)? \d+",  # industry codes are names
    r"\b\d+ (?:to \d+|or more) employees",  # size classes of the source tables
    r"\b(?:NCSES |ABS )?[Tt]ables? \d+\b",  # a published table's identifier is a name
    r"more than \d+ employees",
    r"\bper 1,000\b",  # a unit
    r"\b0/1\b",  # a binary variable
    r"(?<![\d.,])[01](?![\d%]|[.,]\d)",  # the reference values 0 and 1 of a measure (Q above 1, laterality 0)
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
    r"\b(?:1[6-9]\d\d|20\d\d)(?:s|[-–]\d\d(?:\d\d)?)?\b",  # years and year ranges
    r"\b95% (?:bootstrap |delta-method |Monte Carlo )?(?:CI|interval|confidence)",  # the confidence level of every interval
]
_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`[^`]*`")
_NUMBER = re.compile(r"(?<![A-Za-z_\-/.])[−-]?\d(?:[\d,]*\d)?(?:\.\d+)?%?")

#: Typed numbers that are neither evidence nor computed, file -> phrases (with the reason).
ALLOWED = {
    # definitions of a measure's range, not findings
    "glossary.md": (
        "1 for a star, 0 when",
        "0 when every node is equally central",
        "Above 1 means",
        "1 for an",
        "0 when every node reaches",
        "0 when the industry is spread",
        "near 1 when concentrated",
        "1 for a chain of command, 0 when",
        "0 for a region that mirrors",
        "up to 2 for one",
        "0 for a pure hierarchy, 1 for a heterarchy",
        "(0 to 3)",
        "in 95% of repeated",
        "(for a 95% interval)",
    ),
    # tool versions and file formats
    "reproducibility.md": ("Python 3.11", "version 1"),
    "intro.md": ("Python 3.11",),
    "key-numbers.md": ("UTF-8",),
    # the size classes of the ABS tables
    "global-pipelines.md": ("10 or more", "250 or more"),
    # the range of the sample's critics' score, a scale not a finding
    "small-world-q.md": ("(0-100)",),
    # the model's two regions are named 1 and 2
    "why-clusters-form.md": ("region 1", "region 2", "chapter 5"),
}


def prose_sentences(text: str) -> list[tuple[int, str]]:
    """(line, sentence) pairs of a MyST chapter's prose, with non-prose removed."""
    lines = text.splitlines()
    kept: list[tuple[int, str]] = []
    i = 0
    if lines and lines[0].strip() == "---":
        i = 1
        while i < len(lines) and lines[i].strip() != "---":
            i += 1
        i += 1
    fence, skip = None, False
    while i < len(lines):
        stripped = lines[i].strip()
        opening = re.match(r"^(`{3,}|~{3,})(.*)$", stripped)
        if fence is None and opening:
            fence, info = opening.group(1), opening.group(2).strip()
            skip = not re.match(r"^\{(" + "|".join(PROSE_DIRECTIVES) + r")\}", info)
        elif fence is not None and stripped == fence:
            fence, skip = None, False
        elif fence is not None and skip:
            pass
        elif re.match(r"^:[a-z-]+:", stripped):
            pass  # a directive option (name, alt text is checked by the figure tests)
        elif stripped.startswith("$$"):
            if not (stripped.endswith("$$") and len(stripped) > 2) and not re.match(
                r"^\$\$.*\$\$", stripped
            ):
                i += 1
                while i < len(lines) and not lines[i].strip().startswith("$$"):
                    i += 1
        elif not re.match(r"^\|[-:| ]+\|$", stripped):
            kept.append((i + 1, lines[i]))
        i += 1
    sentences, current, start = [], [], None
    for number, line in kept + [(None, "")]:
        if not line.strip():
            if current:
                paragraph = " ".join(current)
                for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z(*{])", paragraph):
                    sentences.append((start, sentence))
            current, start = [], None
            continue
        start = start or number
        current.append(re.sub(r"^\s*(?:\d+\.|[-*])\s+", "", line).strip())  # list markers
    return sentences


def typed_numbers(path: Path) -> list[tuple[int, str, str]]:
    """(line, number, sentence) of every typed number without a citation in ``path``."""
    allowed = ALLOWED.get(path.name, ())
    found = []
    for line, sentence in prose_sentences(path.read_text(encoding="utf-8")):
        if _CITE.search(sentence):
            continue
        text = sentence
        for phrase in allowed:
            text = text.replace(phrase, " ")
        for pattern in _STRIP:
            text = re.sub(pattern, " ", text, flags=re.MULTILINE)
        for match in _NUMBER.finditer(text):
            found.append((line, match.group(0), sentence.strip()[:120]))
    return found


def main() -> int:
    total = 0
    for path in sorted(CHAPTERS.glob("*.md")):
        for line, number, sentence in typed_numbers(path):
            print(f"{path.relative_to(ROOT)}:{line}: {number!r} in: {sentence}")
            total += 1
    print(f"{total} typed number(s) outside glue, citations and the allow-list")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
