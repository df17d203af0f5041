"""Versioned releases: the key-numbers record, its diff and the generated changelog."""

from __future__ import annotations

import csv
import json
import math

import pytest

import clusternet
from clusternet._version import __release_date__
from clusternet.book.release import (
    RECORD_FIELDS,
    changelog_section,
    diff_key_numbers,
    read_record,
    record_path,
    release,
)

from .conftest import ROOT


def row(name, value, text=None, chapter="Q"):
    text = text if text is not None else str(value)
    return {"name": name, "value": str(value), "text": text, "unit": "", "chapter": chapter}


def test_diff_finds_changed_added_and_removed_numbers():
    old = [row("a", 1.0), row("b", 2.0), row("gone", 3)]
    new = [row("a", 1.0), row("b", 2.5), row("new", 4)]
    diff = diff_key_numbers(old, new)
    assert [c.name for c in diff.changed] == ["b"]
    assert diff.changed[0].difference == pytest.approx(0.5)
    assert [r["name"] for r in diff.added] == ["new"]
    assert [r["name"] for r in diff.removed] == ["gone"]


def test_a_value_within_tolerance_is_unchanged_but_a_new_text_is_a_change():
    assert diff_key_numbers([row("a", 1.0, "1.0")], [row("a", 1.0 + 1e-12, "1.0")]).empty
    diff = diff_key_numbers([row("a", 1.0, "1.0")], [row("a", 1.0, "1.00")])
    assert [c.name for c in diff.changed] == ["a"]
    assert math.isclose(diff.changed[0].difference, 0.0)


def test_the_changelog_lists_each_change_with_old_and_new_values():
    diff = diff_key_numbers([row("q", 1.1, "1.10")], [row("q", 1.18, "1.18"), row("n", 2)])
    section = changelog_section("0.3.0", "2027-01-01", diff, "0.2.0")
    assert section.startswith("## Version 0.3.0 (2027-01-01)")
    assert "1 changed, 1 added, 0 removed" in section
    assert "| `q` | Q | 1.10 | 1.18 | +0.08 |" in section
    assert "Added (1): `n`" in section
    unchanged = changelog_section("0.3.1", "2027-01-02", diff_key_numbers([], []), "0.3.0")
    assert "No published key number changed since version 0.3.0" in unchanged


def _project(tmp_path):
    (tmp_path / "src" / "clusternet").mkdir(parents=True)
    (tmp_path / "src" / "clusternet" / "_version.py").write_text(
        '__version__ = "0.2.0"\n__release_date__ = "2026-12-06"\n'
    )
    (tmp_path / "CITATION.cff").write_text(
        'title: "R"\nversion: 0.2.0\ndate-released: "2026-12-06"\n'
    )
    (tmp_path / ".zenodo.json").write_text(json.dumps({"version": "0.2.0"}))
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\n\nIntro.\n\n## Version 0.2.0 (2026-12-06)\n\nOld.\n"
    )
    (tmp_path / "releases").mkdir()
    with open(record_path("0.2.0", tmp_path / "releases"), "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=RECORD_FIELDS)
        writer.writeheader()
        writer.writerow({**{f: "" for f in RECORD_FIELDS}, **row("q", 1.1, "1.10")})
    built = tmp_path / "key-numbers.csv"
    with open(built, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*RECORD_FIELDS, "build_date"])
        writer.writeheader()
        writer.writerow(
            {**{f: "" for f in RECORD_FIELDS}, **row("q", 1.18, "1.18"), "build_date": "x"}
        )
    return built


def test_release_records_numbers_and_updates_version_files_and_changelog(tmp_path):
    built = _project(tmp_path)
    diff = release("0.3.0", built, root=tmp_path, date="2027-01-01")
    assert [c.name for c in diff.changed] == ["q"]
    assert read_record(record_path("0.3.0", tmp_path / "releases"))[0]["text"] == "1.18"
    version = (tmp_path / "src/clusternet/_version.py").read_text()
    assert '__version__ = "0.3.0"' in version and '__release_date__ = "2027-01-01"' in version
    cff = (tmp_path / "CITATION.cff").read_text()
    assert "version: 0.3.0" in cff and 'date-released: "2027-01-01"' in cff
    assert json.loads((tmp_path / ".zenodo.json").read_text())["version"] == "0.3.0"
    changelog = (tmp_path / "CHANGELOG.md").read_text()
    assert changelog.index("## Version 0.3.0") < changelog.index("## Version 0.2.0")
    assert "Intro.\n\n## Version 0.3.0 (2027-01-01)\n\n" in changelog


@pytest.mark.parametrize(("version", "message"), [("1.0", "look like"), ("0.2.0", "already")])
def test_release_refuses_a_malformed_or_recorded_version(tmp_path, version, message):
    built = _project(tmp_path)
    with pytest.raises(ValueError, match=message):
        release(version, built, root=tmp_path)


def test_a_record_without_a_column_is_an_error_naming_file_and_column(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("name,value\nq,1\n")
    with pytest.raises(ValueError, match=r"k\.csv: missing column\(s\) text"):
        read_record(path)


def test_version_files_agree_with_the_package():
    version = clusternet.__version__
    assert record_path(version, ROOT / "releases").is_file(), f"no record of version {version}"
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f"version: {version}\n" in cff
    assert f'date-released: "{__release_date__}"' in cff
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert (zenodo["version"], zenodo["publication_date"]) == (version, __release_date__)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    latest = changelog.split("\n## ")[1].splitlines()[0]
    assert latest == f"Version {version} ({__release_date__})", "CHANGELOG's latest section"
    title = zenodo["title"]
    assert f'title: "{title}"' in cff
