"""Versioned releases: the published key numbers of each version, and what changed.

Each release records the key numbers it published in ``releases/key-numbers-<version>.csv``
(name, value, text, unit, kind, interval, chapter). A post-build test compares the built
site's key numbers with the record of the current version and fails when any of them
changed, so a change to a published number cannot ship under an old version.
``make release VERSION=X.Y.Z`` (``python -m clusternet.book.release X.Y.Z``) then:

1. compares the built key numbers with the last release's record (:func:`diff_key_numbers`);
2. writes the new record, sets the version and release date in ``src/clusternet/_version.py``,
   ``CITATION.cff`` and ``.zenodo.json``;
3. puts a section at the top of ``CHANGELOG.md`` listing the key numbers added, removed and
   changed, with old and new values (:func:`changelog_section`).

Examples
--------
>>> old = [{"name": "q", "value": "1.10", "text": "1.10", "unit": "", "chapter": "Q"}]
>>> new = [{"name": "q", "value": "1.18", "text": "1.18", "unit": "", "chapter": "Q"}]
>>> diff = diff_key_numbers(old, new)
>>> [(c.name, c.old_text, c.new_text) for c in diff.changed]
[('q', '1.10', '1.18')]
"""

from __future__ import annotations

import csv
import dataclasses
import json
import math
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

__all__ = [
    "RECORD_FIELDS",
    "Change",
    "KeyNumberDiff",
    "changelog_section",
    "diff_key_numbers",
    "read_record",
    "record_path",
    "release",
]

ROOT = Path(__file__).resolve().parents[3]
RELEASES = ROOT / "releases"
RECORD_FIELDS = ["name", "value", "text", "unit", "kind", "ci_lower", "ci_upper", "chapter"]
VERSION = re.compile(r"^\d+\.\d+\.\d+$")


@dataclasses.dataclass(frozen=True)
class Change:
    """One key number whose value or text differs between two releases."""

    name: str
    chapter: str
    old_text: str
    new_text: str
    old_value: float
    new_value: float

    @property
    def difference(self) -> float:
        """New value minus old value (NaN when either is not a number)."""
        return self.new_value - self.old_value


@dataclasses.dataclass(frozen=True)
class KeyNumberDiff:
    """Key numbers added, removed and changed between two releases."""

    added: list[dict]
    removed: list[dict]
    changed: list[Change]

    @property
    def empty(self) -> bool:
        """True when no published number changed."""
        return not (self.added or self.removed or self.changed)


def record_path(version: str, releases: Path = RELEASES) -> Path:
    """Path of the key-numbers record of ``version``."""
    return releases / f"key-numbers-{version}.csv"


def read_record(path: Path) -> list[dict]:
    """Rows of a key-numbers CSV (a release record or the site's ``key-numbers.csv``).

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist, naming it.
    ValueError
        If a column of :data:`RECORD_FIELDS` is missing, naming the file and the column.
    """
    if not Path(path).is_file():
        raise FileNotFoundError(f"key-numbers file not found: {path}")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = [f for f in RECORD_FIELDS if rows and f not in rows[0]]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    return [{field: row[field] for field in RECORD_FIELDS if field in row} for row in rows]


def _number(text: str) -> float:
    try:
        return float(text)
    except (TypeError, ValueError):
        return math.nan


def diff_key_numbers(old: list[dict], new: list[dict], rel_tol: float = 1e-9) -> KeyNumberDiff:
    """Compare two sets of key-number rows by name.

    A number has changed when its printed text differs or its value differs by more than
    ``rel_tol`` relative to the larger magnitude.

    Parameters
    ----------
    old, new : list of dict
        Rows with at least ``name``, ``value``, ``text`` and ``chapter``.
    rel_tol : float, default 1e-9
        Relative tolerance on the value.

    Returns
    -------
    KeyNumberDiff
    """
    before = {row["name"]: row for row in old}
    after = {row["name"]: row for row in new}
    changed = []
    for name in sorted(before.keys() & after.keys()):
        a, b = before[name], after[name]
        va, vb = _number(a["value"]), _number(b["value"])
        same_value = (math.isnan(va) and math.isnan(vb)) or math.isclose(
            va, vb, rel_tol=rel_tol, abs_tol=0.0
        )
        if a["text"] != b["text"] or not same_value:
            changed.append(Change(name, b.get("chapter", ""), a["text"], b["text"], va, vb))
    return KeyNumberDiff(
        added=[after[n] for n in sorted(after.keys() - before.keys())],
        removed=[before[n] for n in sorted(before.keys() - after.keys())],
        changed=changed,
    )


def changelog_section(version: str, date: str, diff: KeyNumberDiff, previous: str | None) -> str:
    """Markdown section of ``CHANGELOG.md`` for a release, generated from ``diff``.

    ``previous`` is the last recorded version, or None for the first record.
    """
    lines = [f"## Version {version} ({date})", ""]
    if previous is None:
        lines += [
            f"First release with a record of its key numbers ({len(diff.added)} numbers, "
            f"`releases/key-numbers-{version}.csv`). Earlier versions kept no record, so "
            "changes to single numbers before this version cannot be listed.",
            "",
        ]
        return "\n".join(lines)
    if diff.empty:
        lines += [f"No published key number changed since version {previous}.", ""]
        return "\n".join(lines)
    lines += [
        f"Key numbers against version {previous}: {len(diff.changed)} changed, "
        f"{len(diff.added)} added, {len(diff.removed)} removed.",
        "",
    ]
    if diff.changed:
        lines += [
            "Changed:",
            "",
            "| Key number | Chapter | Was | Now | Change |",
            "|---|---|---|---|---|",
        ]
        for change in diff.changed:
            delta = "" if math.isnan(change.difference) else f"{change.difference:+.4g}"
            lines.append(
                f"| `{change.name}` | {change.chapter} | {change.old_text} | {change.new_text} "
                f"| {delta} |"
            )
        lines.append("")
    for title, rows in (("Added", diff.added), ("Removed", diff.removed)):
        if rows:
            names = ", ".join(f"`{row['name']}`" for row in rows)
            lines += [f"{title} ({len(rows)}): {names}", ""]
    return "\n".join(lines)


def _set_version_files(root: Path, version: str, date: str) -> None:
    version_file = root / "src" / "clusternet" / "_version.py"
    text = version_file.read_text(encoding="utf-8")
    text = re.sub(r'__version__ = "[^"]*"', f'__version__ = "{version}"', text)
    text = re.sub(r'__release_date__ = "[^"]*"', f'__release_date__ = "{date}"', text)
    version_file.write_text(text, encoding="utf-8")
    cff = root / "CITATION.cff"
    text = cff.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^version: .*$", f"version: {version}", text)
    text = re.sub(r"(?m)^date-released: .*$", f'date-released: "{date}"', text)
    cff.write_text(text, encoding="utf-8")
    zenodo = root / ".zenodo.json"
    metadata = json.loads(zenodo.read_text(encoding="utf-8"))
    metadata.update({"version": version, "publication_date": date})
    zenodo.write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def release(version: str, built: Path, root: Path = ROOT, date: str | None = None) -> KeyNumberDiff:
    """Record the built key numbers as ``version`` and update the version files and changelog.

    Parameters
    ----------
    version : str
        The new version, ``MAJOR.MINOR.PATCH``, not yet recorded.
    built : pathlib.Path
        The built site's ``key-numbers.csv``.
    root : pathlib.Path
        The repository root.
    date : str, optional
        Release date (ISO); today (UTC) by default.

    Returns
    -------
    KeyNumberDiff
        The difference to the last recorded release.

    Raises
    ------
    ValueError
        If ``version`` is malformed or already recorded.
    """
    if not VERSION.match(version):
        raise ValueError(f"version must look like 1.2.3, got {version!r}")
    releases = root / "releases"
    if record_path(version, releases).exists():
        raise ValueError(f"version {version} is already recorded in {releases}")
    date = date or datetime.now(tz=UTC).date().isoformat()
    records = sorted(
        releases.glob("key-numbers-*.csv"),
        key=lambda p: tuple(int(x) for x in p.stem.removeprefix("key-numbers-").split(".")),
    )
    new = read_record(built)
    previous = records[-1].stem.removeprefix("key-numbers-") if records else None
    diff = diff_key_numbers(read_record(records[-1]) if records else [], new)
    releases.mkdir(exist_ok=True)
    with open(record_path(version, releases), "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=RECORD_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(new)
    _set_version_files(root, version, date)
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    head, marker, rest = text.partition("\n## ")
    section = changelog_section(version, date, diff, previous)
    changelog.write_text(f"{head.rstrip()}\n\n{section.rstrip()}\n{marker}{rest}".rstrip() + "\n")
    return diff


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m clusternet.book.release X.Y.Z", file=sys.stderr)
        return 2
    built = ROOT / "_build" / "html" / "_static" / "key-numbers.csv"
    try:
        diff = release(argv[0], built)
    except (ValueError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"recorded version {argv[0]}: {len(diff.changed)} changed, {len(diff.added)} added, "
        f"{len(diff.removed)} removed; review CHANGELOG.md, then rebuild (make book)"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
