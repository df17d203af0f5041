"""The reference list's author-year labels (clusternet.bibstyle)."""

import pytest
from pybtex.database import Entry, Person

from clusternet.bibstyle import author_year_label


def _entry(authors=(), **fields):
    entry = Entry("misc", fields=fields)
    for author in authors:
        entry.persons.setdefault("author", []).append(Person(author))
    return entry


@pytest.mark.parametrize(
    "authors, label",
    [
        (["Porter, Michael E."], "Porter 1998"),
        (["Uzzi, Brian", "Spiro, Jarrett"], "Uzzi and Spiro 1998"),
        (["Delgado, M.", "Porter, M. E.", "Stern, S."], "Delgado et al. 1998"),
        (["Rodr{\\'i}guez-Pose, Andr{\\'e}s"], "Rodríguez-Pose 1998"),
        (["van der Linden, Ana"], "van der Linden 1998"),
    ],
)
def test_label_names_the_authors_and_the_year(authors, label):
    assert author_year_label(_entry(authors, year="1998")) == label


def test_label_of_an_anonymous_entry_uses_its_organisation_then_its_short_title():
    organisation = _entry(organization="{Parliamentary Budget Officer}", year="2022")
    assert author_year_label(organisation) == "Parliamentary Budget Officer 2022"
    untitled = _entry(title="Industrial clusters (article 2 of a series)", howpublished="Online")
    assert author_year_label(untitled) == "Industrial clusters n.d."
    assert author_year_label(_entry(title="{BizEd}: business schools")) == "BizEd n.d."
    bare = Entry("misc", fields={})
    bare.key = "seed_blog"
    assert author_year_label(bare) == "seed_blog n.d."


def test_the_bibliography_uses_typographic_quotes():
    """pybtex prints LaTeX quote marks as they are (`small-world-ness'), so the .bib file
    writes quotes as Unicode; accent commands such as {\\`a} stay."""
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "references.bib").read_text(encoding="utf-8")
    assert "``" not in text and "''" not in text
    assert not re.search(r"(?<!\\)`[^`'\\{}\n]+'", text)


def test_the_fast_path_for_plain_text_reads_every_reference_as_pybtex_does():
    """``_plain`` skips pybtex's slow LaTeX parser for text without markup; over every
    field and name of references.bib the result must equal the parser's."""
    from pybtex.database import parse_file
    from pybtex.richtext import Text

    from clusternet.bibstyle import _plain

    from .conftest import ROOT

    texts = set()
    for entry in parse_file(str(ROOT / "references.bib")).entries.values():
        texts.update(str(value) for value in entry.fields.values())
        for people in entry.persons.values():
            texts.update(" ".join(p.prelast_names + p.last_names) for p in people)
    assert len(texts) > 200
    for text in texts:
        assert _plain(text) == Text.from_latex(text).render_as("text"), text
