"""The bibliography style of the book: author-year labels and each entry's verification.

The text cites author-year (``{cite:p}`` with ``bibtex_reference_style: author_year``), so
the reference list is labelled the same way (``[Porter 1998]``), and every entry shows its
``verification`` field from ``references.bib``: what was confirmed against a source and what
was not, so a reader knows which details of a reference to trust.

Registered as the pybtex style ``clusternet`` by :mod:`clusternet.sphinxext`.

Examples
--------
>>> from pybtex.database import Entry, Person
>>> entry = Entry("article", fields={"year": "1998"})
>>> entry.persons["author"] = [Person("Porter, Michael E.")]
>>> author_year_label(entry)
'Porter 1998'
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from pybtex.richtext import Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting.plain import Style as PlainStyle

__all__ = ["VerifiedStyle", "author_year_label"]


_LATEX_MARKUP = re.compile(r"[\\{}~$%&#^_`']|--")


@functools.lru_cache(maxsize=4096)
def _plain(latex: str) -> str:
    """LaTeX-marked text (``Bell{\\'e}go``, ``{GitHub}``) as plain Unicode text.

    Text without LaTeX markup is returned as it is (pybtex's LaTeX parser takes ~30 ms a
    call, which made the reference labels the slowest step of the build)."""
    if not _LATEX_MARKUP.search(latex):
        return latex
    return Text.from_latex(latex).render_as("text")


def _surname(person) -> str:
    return _plain(" ".join(person.prelast_names + person.last_names)) or _plain(str(person))


def author_year_label(entry) -> str:
    """``Surname Year``, ``Surname and Surname Year`` or ``Surname et al. Year``.

    Entries without authors use their editors, then their organisation, institution or
    publisher, then the short title (before any parenthesis or colon, as the text cites
    them), then the key.
    """
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if len(people) == 1:
        who = _surname(people[0])
    elif len(people) == 2:
        who = f"{_surname(people[0])} and {_surname(people[1])}"
    elif people:
        who = f"{_surname(people[0])} et al."
    else:
        fields = entry.fields
        who = next(
            (str(fields[f]) for f in ("organization", "institution", "publisher") if f in fields),
            None,
        )
        if who is None and "title" in fields:
            who = re.split(r"\s*[(:]", _plain(str(fields["title"])), maxsplit=1)[0]
        who = _plain(who or entry.key)
    year = _plain(str(entry.fields.get("year", "n.d.")))
    return f"{who} {year}"


class VerifiedStyle(PlainStyle):
    """pybtex's plain style with author-year labels and the entry's verification status."""

    default_sorting_style = "author_year_title"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.format_labels = self._author_year_labels  # BaseStyle binds the label style here

    def _author_year_labels(self, sorted_entries):
        labels = [author_year_label(entry) for entry in sorted_entries]
        count, seen = Counter(labels), Counter()
        for label in labels:
            if count[label] == 1:
                yield label
            else:
                yield label + chr(ord("a") + seen[label])  # Fitjar 2011a, Fitjar 2011b
                seen[label] += 1

    def format_entry(self, label, entry, bib_data=None):
        formatted = super().format_entry(label, entry, bib_data=bib_data)
        verification = str(entry.fields.get("verification", "")).strip()
        if not verification:
            verification = "not recorded"
        text = Text(formatted.text, " ", Tag("em", "Verification: "), verification)
        return FormattedEntry(formatted.key, text, formatted.label)
