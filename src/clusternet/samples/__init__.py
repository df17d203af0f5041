"""Seeded generators of the report's sample data.

Each topic module here (``clusternet.samples.<topic>``) defines generator functions and a
``SAMPLES`` mapping from a path relative to ``data/`` to a zero-argument callable that
returns the table to write there. Every generator takes an explicit seed with a
documented default, so ``python -m clusternet.samples`` (or ``make data``) rewrites
``data/`` byte for byte, and ``python -m clusternet.samples --check`` verifies that the
committed files are exactly what the generators produce.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from clusternet.data import data_dir

__all__ = ["write_csv", "csv_bytes", "registry", "generate_all", "check_all"]

#: float format used for every sample CSV, so files are identical across runs
FLOAT_FORMAT = "%.10g"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Serialise ``frame`` exactly as sample files are written (no index, LF, 10 s.f.)."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, float_format=FLOAT_FORMAT, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` to ``path`` in the canonical sample format; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(frame))
    return path


def registry() -> dict[str, Callable[[], pd.DataFrame]]:
    """Return every sample file, relative path -> generator, from all topic modules."""
    files: dict[str, Callable[[], pd.DataFrame]] = {}
    package = importlib.import_module(__name__)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for relative, generator in getattr(module, "SAMPLES", {}).items():
            if relative in files:
                raise RuntimeError(f"sample file {relative!r} is produced by two generators")
            files[relative] = generator
    return files


def generate_all(target: Path | None = None, only: str | None = None) -> list[Path]:
    """Run every generator and write its file under ``target`` (default: the data folder)."""
    target = Path(target) if target is not None else data_dir()
    written = []
    for relative, generator in registry().items():
        if only and not relative.startswith(only):
            continue
        written.append(write_csv(generator(), target / relative))
    return written


def check_all(target: Path | None = None) -> list[str]:
    """Return the sample files whose committed bytes differ from a fresh generation."""
    target = Path(target) if target is not None else data_dir()
    differing = []
    for relative, generator in registry().items():
        path = target / relative
        if not path.is_file() or path.read_bytes() != csv_bytes(generator()):
            differing.append(relative)
    return differing
