"""The book layer: one module per chapter computes what that chapter publishes.

Each chapter of the report has one module here, named after the chapter's file
(``chapters/porter-clusters.md`` -> ``clusternet.book.porter_clusters``). The module
holds the chapter's frozen ``SETTINGS`` (thresholds, seeds, window lengths, bootstrap
counts), its analysis steps (functions the chapter calls, one per step a reader should
see, each returning a frozen result), and ``key_results()``, which composes the same
steps and returns the chapter's headline numbers for the policy synthesis. The chapter
and the synthesis therefore read one implementation: nothing is computed twice.

This is the top of the package: modules here may import everything below them
(plotting, the topic subpackages, ``models``, ``data``); nothing below imports them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from clusternet._validation import format_items

__all__ = ["CHAPTERS", "chapter_module"]

#: The report's analysis chapters, in reading order: chapter file -> glue-name prefix.
CHAPTERS = {
    "why-clusters-form": "formation",
    "porter-clusters": "porter",
    "creative-connections": "nesta",
    "hierarchy-heterarchy": "mulder",
    "small-world-q": "uzzi",
    "global-pipelines": "fitjar",
    "cluster-life-cycles": "lifecycle",
    "cluster-policy-evaluations": "policy",
}


def chapter_module(chapter: str) -> ModuleType:
    """Return the book module of ``chapter`` (a key of :data:`CHAPTERS`).

    Parameters
    ----------
    chapter : str
        A chapter file name without ``.md``, e.g. ``"porter-clusters"``.

    Returns
    -------
    module
        ``clusternet.book.<chapter with underscores>``, which has ``SETTINGS`` and
        ``key_results()``.

    Raises
    ------
    ValueError
        An unknown chapter.

    Examples
    --------
    >>> chapter_module("global-pipelines").__name__
    'clusternet.book.global_pipelines'
    """
    if chapter not in CHAPTERS:
        raise ValueError(f"unknown chapter {chapter!r}; known: {format_items(CHAPTERS)}")
    return importlib.import_module(f"clusternet.book.{chapter.replace('-', '_')}")
