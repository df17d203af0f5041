"""Fingerprints of what the book is built from, so that nothing stale is ever published.

Three scopes:

- ``execution``: the package's source (``src/clusternet``, without build metadata such as
  ``*.egg-info`` or ``__pycache__``), the data folder the chapters actually read
  (``CLUSTERNET_DATA`` when set, else ``data/``) and the locked environment. When it
  changes, ``make rebuild`` clears the execution cache (jupyter-cache keys notebooks on
  their code only, so without this an edited data file would leave old numbers on a page).
- ``render``: the files Sphinx reads but does not track per page (``_config.yml``,
  ``_toc.yml``, ``references.bib``, ``_static/``). When it changes, ``make rebuild`` clears
  the doctrees and the site (not the execution cache), so an edited reference reaches
  every page that cites it.
- ``site``: the ``execution`` inputs plus everything Sphinx reads (chapters, ``_config.yml``,
  ``_toc.yml``, ``references.bib``, ``_static/``). ``make rebuild`` writes it into
  ``_build/html/.build-fingerprint`` only after a successful build; the post-build and
  browser tests refuse to run against a site whose fingerprint is missing or differs.

``python -m clusternet.book.fingerprint execution|site [--root PATH]`` prints one.

Examples
--------
>>> len(fingerprint(Path("."), "execution"))  # doctest: +SKIP
64
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from clusternet.data import data_dir

__all__ = ["SCOPES", "input_files", "fingerprint", "SITE_FINGERPRINT"]

#: The scopes of :func:`fingerprint`.
SCOPES = ("execution", "render", "site")
#: Where ``make rebuild`` writes the site's fingerprint, relative to ``_build/html``.
SITE_FINGERPRINT = ".build-fingerprint"

_SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache"}


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not _SKIP_PARTS.intersection(p.parts)
        and not any(part.endswith(".egg-info") for part in p.parts)
        and p.suffix != ".pyc"
    ]


def input_files(root: Path, scope: str = "execution") -> list[tuple[str, Path]]:
    """(label, path) of every input of ``scope``, sorted; labels are stable across machines.

    Raises
    ------
    ValueError
        An unknown scope.
    """
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}, got {scope!r}")
    root = Path(root).resolve()
    folders, singles = {}, {}
    if scope in ("execution", "site"):
        folders.update({"src": root / "src" / "clusternet", "data": data_dir()})
        singles["requirements-lock.txt"] = root / "requirements-lock.txt"
    if scope == "site":
        folders["chapters"] = root / "chapters"
    if scope in ("render", "site"):
        folders["_static"] = root / "_static"
        for name in ("_config.yml", "_toc.yml", "references.bib"):
            singles[name] = root / name
    labelled = [
        (f"{label}/{path.relative_to(folder).as_posix()}", path)
        for label, folder in folders.items()
        for path in _files(folder)
    ]
    labelled += [(label, path) for label, path in singles.items() if path.is_file()]
    return sorted(labelled)


def fingerprint(root: Path, scope: str = "execution") -> str:
    """SHA-256 over the names and bytes of every input of ``scope``."""
    digest = hashlib.sha256()
    for label, path in input_files(root, scope):
        digest.update(label.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def main(argv: list[str]) -> int:
    scope = argv[0] if argv else "execution"
    root = Path(argv[argv.index("--root") + 1]) if "--root" in argv else Path.cwd()
    print(fingerprint(root, scope))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
