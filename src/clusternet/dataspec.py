"""What a data file must look like: :class:`DatasetSpec` and :class:`DataValidationError`.

The bottom of the package: the ``clusternet.catalog`` modules describe every data file with
a :class:`DatasetSpec`, and :mod:`clusternet.data` loads and checks files against them.
Keeping the spec here (not in :mod:`clusternet.data`) means the catalog and the loader
import it from below, with no import circle between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DatasetSpec", "DataValidationError", "COLUMN_KINDS"]


class DataValidationError(ValueError):
    """A data file does not match its documented schema."""


@dataclass(frozen=True)
class DatasetSpec:
    r"""What a data file must look like.

    Parameters
    ----------
    name : str
        The name chapters load it by (``clusternet.data.load(name)``).
    path : str
        Path relative to the data folder, with forward slashes.
    description : str
        One line for the data dictionary.
    columns : dict
        Column name -> dtype kind: ``"int"``, ``"float"``, ``"str"`` or ``"bool"``.
    nonnegative : tuple of str
        Columns whose values must be >= 0.
    fractions : tuple of str
        Columns whose values must lie in [0, 1].
    unique : tuple of str
        Columns that together must identify a row.
    allowed : dict
        Column -> allowed values.
    nullable : tuple of str
        Columns allowed to hold missing values (all others must be complete).
    kind : str
        ``"sample"`` for files written by a seeded generator in ``clusternet.samples``,
        ``"real"`` for copies of real data sets.
    source : str
        Provenance: the generator's dotted name, or the original publisher.
    licence : str
        Licence of the file (the licence text sits beside it in ``data/``).
    rows : int, optional
        The number of data rows the file must have (a real file: a truncated copy fails).
    sha256 : str, optional
        The SHA-256 of the file's bytes (a real file: any changed byte fails).
    patterns : dict
        Text column -> regular expression every value must match in full (codes: a state
        FIPS code ``r"\d{2}"``, a 4-digit NAICS code ``r"\d{4}"``).
    na_values : dict
        Column -> the texts that mean "missing" in that column. When given, only these
        are read as missing (in every other column nothing is): needed where a real code
        looks like pandas' default missing markers (the text ``NA`` is Namibia's country
        code). Default: pandas' default markers in every column.
    dtype_overrides : dict
        Extra keyword arguments for ``pandas.read_csv`` ``dtype`` (e.g. keep FIPS codes
        as strings so leading zeros survive).
    """

    name: str
    path: str
    description: str
    columns: dict
    kind: str = "sample"
    source: str = ""
    licence: str = ""
    nonnegative: tuple = ()
    fractions: tuple = ()
    unique: tuple = ()
    allowed: dict = field(default_factory=dict)
    nullable: tuple = ()
    units: dict = field(default_factory=dict)
    na_values: dict = field(default_factory=dict)
    rows: int | None = None
    sha256: str | None = None
    patterns: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.kind not in ("sample", "real"):
            raise ValueError(
                f"DatasetSpec {self.name!r}: kind must be 'sample' or 'real', got {self.kind!r}"
            )
        unknown = sorted(set(self.patterns) - {c for c, k in self.columns.items() if k == "str"})
        if unknown:
            raise ValueError(f"DatasetSpec {self.name!r}: patterns for non-text columns {unknown}")
        bad = {c: k for c, k in self.columns.items() if k not in COLUMN_KINDS}
        if bad:
            raise ValueError(
                f"DatasetSpec {self.name!r}: unknown column kinds {bad}; use {sorted(COLUMN_KINDS)}"
            )


COLUMN_KINDS = frozenset({"int", "float", "str", "bool"})
