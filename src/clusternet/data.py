"""Load the report's data sets by name, with schema and value checks.

Every file in ``data/`` is described once, by a :class:`DatasetSpec` in one of the
``clusternet.catalog`` modules (one module per chapter topic). :func:`load` resolves the
path from the package, never from the notebook's working directory, reads the file and
checks it against its spec, raising an error that names the file, the column and the
problem.

The data folder is found in this order:

1. the environment variable ``CLUSTERNET_DATA`` (a folder laid out like ``data/``),
   which is how a reader points the chapters at a copy with their own data;
2. ``data/`` at the top of the source checkout this package was installed from.

Examples
--------
>>> import clusternet
>>> sorted(clusternet.data.list_datasets())[:1]  # doctest: +SKIP
['cbp_state_naics4']
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from pathlib import Path

import pandas as pd

from clusternet import catalog
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
    """Return the data folder (``CLUSTERNET_DATA`` if set, else the checkout's ``data/``)."""
    env = os.environ.get("CLUSTERNET_DATA")
    if env:
        path = Path(env).expanduser().resolve()
        if not path.is_dir():
            raise FileNotFoundError(f"CLUSTERNET_DATA={env!r} is not a folder")
        return path
    path = Path(__file__).resolve().parents[2] / "data"
    if not path.is_dir():
        raise FileNotFoundError(
            f"data folder not found at {path}; clusternet reads the report's data from the "
            "source checkout. Install it with `pip install -e .` from a clone of the report, "
            "or set CLUSTERNET_DATA to a folder laid out like data/."
        )
    return path


def _catalog() -> dict[str, DatasetSpec]:
    specs: dict[str, DatasetSpec] = {}
    for info in sorted(pkgutil.iter_modules(catalog.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"clusternet.catalog.{info.name}")
        for spec in getattr(module, "DATASETS", []):
            if spec.name in specs:
                raise RuntimeError(
                    f"data set name {spec.name!r} is declared twice in clusternet.catalog"
                )
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
    dtypes = {c: _READ_DTYPES[k] for c, k in spec.columns.items() if _READ_DTYPES[k]}
    if spec.na_values:
        markers = {column: list(values) for column, values in spec.na_values.items()}
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=markers)
    else:
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=True)
    if validate:
        validate_frame(frame, spec, where=str(path))
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
