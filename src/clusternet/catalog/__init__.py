"""Specs of every data file, one module per chapter topic (see :mod:`clusternet.data`).

Each module defines ``DATASETS``, a list of :class:`clusternet.dataspec.DatasetSpec`.
Files shared by several chapters get their common provenance from a helper here, so it is
written once (``classics_spec`` for ``data/network-classics/``).
"""

from __future__ import annotations

from clusternet.dataspec import DatasetSpec

CLASSICS_SOURCE = (
    "R package networkdata v0.2.1 (D. Schoch), commit 8e4994bc, converted losslessly from "
    ".rda to CSV; upstream the UCI/UCINET network data collection "
    "(see data/network-classics/SOURCE.md)"
)
CLASSICS_LICENCE = (
    "MIT (networkdata package, LICENSE-networkdata.md); the field data carry no licence of "
    "their own: cite the original study"
)


def classics_spec(**fields):
    """A ``DatasetSpec`` for a real file in ``data/network-classics/``.

    Sets ``kind="real"`` and the folder's provenance and licence; every other field is
    passed on. Raises ValueError for a path outside the folder.
    """
    if not str(fields.get("path", "")).startswith("network-classics/"):
        raise ValueError(
            f"classics_spec is for files in network-classics/, got {fields.get('path')!r}"
        )
    return DatasetSpec(kind="real", source=CLASSICS_SOURCE, licence=CLASSICS_LICENCE, **fields)


def classics_edges_spec(*, node: str, **fields):
    """A ``classics_spec`` for an integer edge list (``source``, ``target``) of ``node`` ids.

    Every edge list in ``data/network-classics/`` has the same columns, value rules and
    units; only its name, file and description differ.
    """
    return classics_spec(
        columns={"source": "int", "target": "int"},
        nonnegative=("source", "target"),
        unique=("source", "target"),
        units={"source": node, "target": node},
        **fields,
    )
