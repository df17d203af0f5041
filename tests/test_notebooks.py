"""Chapter notebooks for plain Jupyter: roles resolved to what the published page shows."""

from __future__ import annotations

import pytest

from clusternet.book.notebooks import (
    References,
    UnresolvedReference,
    plain_markdown,
    plain_notebook,
)

REFS = References(
    glue={"q": "1.18", "share": "12 %"},
    citations={"uzzi2005": ("Uzzi and Spiro", "2005"), "porter1998": ("Porter", "1998")},
    numbers={"fig-q": "Figure 5.2", "tbl-q": "Table 5.1", "eq-q": "(5.1)", "ch-q": "Section 5"},
    titles={"ch-q": "The small-world quotient", "chapters/small-world-q": "Small worlds"},
)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Q is {glue}`q`.", "Q is 1.18."),
        ("a share of {glue:text}`share:.1f`", "a share of 12 %"),
        ("{cite:p}`uzzi2005,porter1998`", "(Uzzi and Spiro 2005; Porter 1998)"),
        ("{cite:t}`uzzi2005` found", "Uzzi and Spiro (2005) found"),
        ("see {numref}`fig-q`", "see Figure 5.2"),
        ("see {numref}`Table %s <tbl-q>`", "see Table 5.1"),
        ("equation {eq}`eq-q`", "equation (5.1)"),
        ("in {ref}`ch-q`", "in The small-world quotient"),
        ("in {ref}`the chapter on Q <ch-q>`", "in the chapter on Q"),
        ("a {term}`global pipeline <Global pipeline>`", "a global pipeline"),
        ("the {term}`location quotient`", "the location quotient"),
    ],
)
def test_roles_read_as_the_page_shows_them(markdown, expected):
    assert plain_markdown(markdown, REFS) == expected


def test_labels_comments_and_equation_labels_are_removed():
    text = "(sec-q)=\n## Q\n% a comment\n$$ Q = CC/PL $$ (eq-q)\nText."
    assert plain_markdown(text, REFS) == "## Q\n$$ Q = CC/PL $$\nText."


def test_an_admonition_becomes_a_block_quote_without_its_options():
    text = ":::{admonition} What the data cannot show\n:class: caution\nNo causality.\n:::\nAfter."
    assert plain_markdown(text, REFS) == (
        "> **What the data cannot show**\n>\n> No causality.\n\nAfter."
    )


@pytest.mark.parametrize(
    "markdown",
    ["{glue}`missing`", "{cite:p}`nobody2020`", "{numref}`fig-missing`", "{ref}`nowhere`"],
)
def test_an_unknown_reference_is_an_error_naming_it(markdown):
    name = markdown.split("`")[1]
    with pytest.raises(UnresolvedReference, match=name):
        plain_markdown(markdown, REFS)


def test_a_notebook_keeps_its_code_drops_outputs_and_starts_with_the_header():
    myst = (
        "---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n"
        "kernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n\n"
        "# Small worlds\n\nQ is {glue}`q`.\n\n```{code-cell} ipython3\nx = 1 + 1\n```\n"
    )
    notebook = plain_notebook(myst, REFS, header="From the report.")
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds == ["markdown", "markdown", "code"]
    assert notebook.cells[0].source == "From the report."
    assert notebook.cells[1].source == "# Small worlds\n\nQ is 1.18."
    assert notebook.cells[2].source == "x = 1 + 1"
    assert notebook.cells[2].outputs == []
    assert notebook.metadata.kernelspec.name == "python3"
