"""Load the report's data sets by name, with schema and value checks.

Every file in ``data/`` is described once, by a :class:`DatasetSpec` in one of the
``clusternet.catalog`` modules (one module per chapter topic). :func:`load` resolves the
path from the package, never from the notebook's working directory, reads the file and
checks it against its spec, raising an error that names the file, the column and the
problem.

The data folder is found in this order:

1. the environment variable ``CLUSTERNET_DATA`` (a folder laid out like ``data/``),
   which is how a reader points the chapters at a copy with their own data;
2. ``data/`` at the top of the source checkout this package was installed from;
3. the copy of ``data/`` shipped inside the package (``clusternet/_data``) by a plain
   ``pip install`` of the report's source archive or wheel (``clusternet data path`` prints
   which folder is used, ``clusternet data copy DIR`` copies it for editing).

Real files are checked against the row count and SHA-256 recorded in
``clusternet.catalog.integrity``, so a truncated or edited copy is refused. A reader whose
``CLUSTERNET_DATA`` folder holds their own data on purpose sets ``CLUSTERNET_OWN_DATA=1``:
the checksum, the row count and the licence file beside a real file are then not required
(their data are theirs), and every other check (columns, types, codes, counts, ranges)
still applies.

Examples
--------
>>> import clusternet
>>> sorted(clusternet.data.list_datasets())[:1]  # doctest: +SKIP
['cbp_state_naics4']
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import importlib
import io
import os
import pkgutil
from pathlib import Path

import numpy as np
import pandas as pd

from clusternet import catalog
from clusternet.catalog import integrity
from clusternet.dataspec import DatasetSpec, DataValidationError

__all__ = [
    "DatasetSpec",
    "DataValidationError",
    "data_dir",
    "dataset_path",
    "list_datasets",
    "get_spec",
    "load",
]


_READ_DTYPES = {"str": "string", "int": None, "float": "float64", "bool": None}


def data_dir() -> Path:
    """Return the data folder the chapters read.

    ``CLUSTERNET_DATA`` if set, else the checkout's ``data/``, else the copy shipped in the
    package (see the module docstring).

    Raises
    ------
    FileNotFoundError
        If ``CLUSTERNET_DATA`` is not a folder, or no data folder is found at all.
    """
    env = os.environ.get("CLUSTERNET_DATA")
    if env:
        path = Path(env).expanduser().resolve()
        if not path.is_dir():
            raise FileNotFoundError(f"CLUSTERNET_DATA={env!r} is not a folder")
        return path
    checkout = Path(__file__).resolve().parents[2] / "data"
    if checkout.is_dir():
        return checkout
    bundled = Path(__file__).resolve().parent / "_data"
    if bundled.is_dir():
        return bundled
    raise FileNotFoundError(
        f"data folder not found (looked at {checkout} and {bundled}); install the report's "
        "package with its data (`pip install clusternet-<version>.tar.gz` from the report's "
        "reproducibility page, or `pip install -e .` in a clone), or set CLUSTERNET_DATA to a "
        "folder laid out like data/."
    )


def _catalog() -> dict[str, DatasetSpec]:
    specs: dict[str, DatasetSpec] = {}
    for info in sorted(pkgutil.iter_modules(catalog.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"clusternet.catalog.{info.name}")
        for spec in getattr(module, "DATASETS", []):
            if spec.name in specs:
                raise RuntimeError(
                    f"data set name {spec.name!r} is declared twice in clusternet.catalog"
                )
            if spec.kind == "real" and spec.path in integrity.FILES and spec.sha256 is None:
                rows, sha256 = integrity.FILES[spec.path]
                spec = dataclasses.replace(spec, rows=rows, sha256=sha256)
            specs[spec.name] = spec
    return specs


def list_datasets() -> dict[str, DatasetSpec]:
    """Return every documented data set, name -> :class:`DatasetSpec`."""
    return _catalog()


def get_spec(name: str) -> DatasetSpec:
    """Return the spec of data set ``name``; raise ValueError listing the known names."""
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}")
    specs = _catalog()
    if name not in specs:
        raise ValueError(f"unknown data set {name!r}; known data sets: {', '.join(sorted(specs))}")
    return specs[name]


def dataset_path(name: str) -> Path:
    """Return the absolute path of data set ``name``."""
    return data_dir() / get_spec(name).path


def load(name: str, *, validate: bool = True) -> pd.DataFrame:
    """Read data set ``name`` from the data folder and check it against its spec.

    Parameters
    ----------
    name : str
        A name from :func:`list_datasets`.
    validate : bool
        Check columns, types and values (default True).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        Unknown name.
    FileNotFoundError
        The file is not in the data folder.
    DataValidationError
        A column is missing or has the wrong type, or a value breaks a rule; the message
        names the file, the column and the problem.
    """
    spec = get_spec(name)
    path = data_dir() / spec.path
    if not path.is_file():
        hint = " Run `make data` to regenerate sample data." if spec.kind == "sample" else ""
        raise FileNotFoundError(f"data set {name!r}: file {path} not found.{hint}")
    raw = path.read_bytes()
    if validate:
        _check_file(raw, spec, path)
        if (
            spec.kind == "real"
            and not _own_data()
            and not any("licen" in p.name.lower() for p in path.parent.iterdir() if p.is_file())
        ):
            raise DataValidationError(
                f"{path}: no licence file beside this real data file (LICENSE*, LICENCE* or "
                f"UPSTREAM-LICENSE in {path.parent}); its licence is: {spec.licence}"
            )
    frame = _read_csv(raw, spec, path)
    if validate:
        validate_frame(frame, spec, where=str(path))
    return frame


#: Texts pandas reads as missing by default; in text columns only an empty field is missing
#: (the text ``NA`` is a code: Namibia's, or "not applicable" in a survey).
_NUMERIC_MISSING = ("", "NA", "N/A", "NaN", "nan", "NULL", "null", "n/a", "-nan", "-NaN")


def _own_data() -> bool:
    """True when the reader declared ``CLUSTERNET_DATA`` to hold their own data."""
    return bool(os.environ.get("CLUSTERNET_DATA")) and os.environ.get("CLUSTERNET_OWN_DATA") == "1"


def _check_file(raw: bytes, spec: DatasetSpec, path: Path) -> None:
    """Checksum of a real file, before anything is parsed (skipped for declared own data)."""
    if spec.sha256 is not None and not _own_data():
        digest = hashlib.sha256(raw).hexdigest()
        if digest != spec.sha256:
            raise DataValidationError(
                f"{path}: the file's SHA-256 is {digest}, not the catalogued {spec.sha256}: "
                "it was changed, truncated or replaced; restore it from the report's repository"
                + (
                    ", or, if the folder in CLUSTERNET_DATA holds your own data on purpose, "
                    "set CLUSTERNET_OWN_DATA=1"
                    if os.environ.get("CLUSTERNET_DATA")
                    else ""
                )
            )


def _text(raw: bytes, path: Path) -> str:
    if path.suffix == ".gz":
        import gzip

        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as error:
            raise DataValidationError(f"{path}: not a readable gzip file ({error})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataValidationError(
            f"{path}: line {line} is not UTF-8 text (byte {raw[error.start]:#04x})"
        ) from None


def _check_fields(text: str, path: Path) -> None:
    """Every line has as many fields as the header (pandas would shift or drop them)."""
    rows = csv.reader(io.StringIO(text))
    header = next(rows)
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header) and row:
            hint = ""
            if len(row) == len(header) + 1 and row[-1] == "":
                hint = " (a trailing comma?)"
            elif any("\n" in field for field in row):
                hint = " (an unterminated quote?)"
            raise DataValidationError(
                f"{path}: line {number} has {len(row)} fields, the header {len(header)}{hint}"
            )


def _read_csv(raw: bytes, spec: DatasetSpec, path: Path) -> pd.DataFrame:
    """Parse a file under its spec; every parser error names the file."""
    text = _text(raw, path)
    if not text.strip():
        raise DataValidationError(f"{path}: the file is empty (no header, no rows)")
    _check_fields(text, path)
    dtypes = {c: _READ_DTYPES[k] for c, k in spec.columns.items() if _READ_DTYPES[k]}
    if spec.na_values:
        markers = {column: list(values) for column, values in spec.na_values.items()}
    else:
        markers = {
            column: [""] if kind == "str" else list(_NUMERIC_MISSING)
            for column, kind in spec.columns.items()
        }
    try:
        frame = pd.read_csv(
            io.StringIO(text), dtype=dtypes, keep_default_na=False, na_values=markers
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, TypeError) as error:
        message = " ".join(str(error).split())
        raise DataValidationError(
            f"{path}: cannot be read as CSV under its spec: {message}"
        ) from None
    if spec.rows is not None and len(frame) != spec.rows and not _own_data():
        raise DataValidationError(
            f"{path}: {len(frame):,} data rows, the catalogue says {spec.rows:,}: the file is "
            "truncated or has extra rows"
        )
    if len(frame) == 0:
        raise DataValidationError(f"{path}: the file has a header but no data rows")
    unnamed = [c for c in frame.columns if str(c).startswith("Unnamed:")]
    if unnamed:
        raise DataValidationError(
            f"{path}: {len(unnamed)} column(s) without a header (a trailing comma or an extra "
            "field on some line?)"
        )
    integers = [c for c, k in spec.columns.items() if k == "int" and c in frame.columns]
    if integers:  # the text as written: 12.0 or 1e20 in an integer column is an error
        written = pd.read_csv(
            io.StringIO(text), usecols=integers, dtype="string", keep_default_na=False
        )
        for column in integers:
            values = written[column]
            values = values[~values.isin(markers.get(column, [""]))]
            bad = values[~values.str.fullmatch(r"[+-]?\d+").astype(bool)]
            if len(bad):
                raise DataValidationError(
                    f"{path}: column {column!r} must hold whole numbers written as integers; "
                    f"row {int(bad.index[0])} has {bad.iloc[0]!r}"
                )
    return frame


def validate_frame(frame: pd.DataFrame, spec: DatasetSpec, where: str = "") -> pd.DataFrame:
    """Check ``frame`` against ``spec``; raise :class:`DataValidationError` on the first problem."""
    where = where or spec.path
    missing = [c for c in spec.columns if c not in frame.columns]
    if missing:
        raise DataValidationError(f"{where}: missing column(s) {missing}")
    extra = [c for c in frame.columns if c not in spec.columns]
    if extra:
        raise DataValidationError(f"{where}: undocumented column(s) {extra}; add them to the spec")
    for column, kind in spec.columns.items():
        series = frame[column]
        if column not in spec.nullable and series.isna().any():
            rows = list(series.index[series.isna()][:5])
            raise DataValidationError(
                f"{where}: column {column!r} has missing values (rows {rows})"
            )
        present = series.dropna()
        if kind == "int" and not (
            pd.api.types.is_integer_dtype(present)
            or (pd.api.types.is_float_dtype(present) and (present == present.round()).all())
        ):
            raise DataValidationError(
                f"{where}: column {column!r} must hold integers, has {series.dtype}"
            )
        if kind == "float" and not pd.api.types.is_numeric_dtype(present):
            raise DataValidationError(
                f"{where}: column {column!r} must be numeric, has {series.dtype}"
            )
        if kind in ("int", "float") and pd.api.types.is_numeric_dtype(present):
            infinite = present.index[~np.isfinite(present.to_numpy(dtype=float))]
            if len(infinite):
                raise DataValidationError(
                    f"{where}: column {column!r} has {len(infinite)} infinite value(s) "
                    f"(first rows {list(infinite[:5])})"
                )
        if column in spec.patterns:
            text = present.astype("string")
            bad = text[~text.str.fullmatch(spec.patterns[column]).astype(bool)]
            if len(bad):
                raise DataValidationError(
                    f"{where}: column {column!r} has {len(bad)} value(s) not matching "
                    f"{spec.patterns[column]!r} (first: {list(bad.unique()[:5])})"
                )
        if kind == "bool" and not (
            pd.api.types.is_bool_dtype(present) or set(present.unique()) <= {0, 1}
        ):
            raise DataValidationError(f"{where}: column {column!r} must be boolean (0/1)")
    for column in spec.nonnegative:
        bad = frame.index[frame[column] < 0]
        if len(bad):
            raise DataValidationError(
                f"{where}: column {column!r} has {len(bad)} negative value(s) (first rows {list(bad[:5])})"
            )
    for column in spec.fractions:
        values = frame[column]
        bad = frame.index[(values < 0) | (values > 1)]
        if len(bad):
            raise DataValidationError(
                f"{where}: column {column!r} has {len(bad)} value(s) outside [0, 1] (first rows {list(bad[:5])})"
            )
    for column, allowed in spec.allowed.items():
        unknown = sorted(set(frame[column].dropna().unique()) - set(allowed), key=str)
        if unknown:
            raise DataValidationError(
                f"{where}: column {column!r} has unknown value(s) {unknown[:8]}"
            )
    if spec.unique:
        dup = frame.duplicated(list(spec.unique), keep=False)
        if dup.any():
            raise DataValidationError(
                f"{where}: {int(dup.sum())} rows share the same {list(spec.unique)} (must be unique)"
            )
    return frame


def integrity_lines() -> list[str]:
    """Lines for ``clusternet.catalog.integrity.FILES`` of real files that lack one."""
    lines = []
    for spec in _catalog().values():
        if spec.kind != "real" or spec.sha256 is not None:
            continue
        if spec.path.startswith(integrity.EXEMPT_PREFIXES):
            continue
        path = data_dir() / spec.path
        rows = len(load(spec.name))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f'    "{spec.path}": ({rows}, "{digest}"),')
    return lines


if __name__ == "__main__":  # python -m clusternet.data --integrity
    import sys

    if "--integrity" in sys.argv[1:]:
        print("\n".join(integrity_lines()) or "every real file has its integrity line")
