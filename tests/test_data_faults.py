"""Bad data files are refused with an error naming the file, the column and the problem.

Each case corrupts a copy of a committed file under ``CLUSTERNET_DATA`` (the way a reader
points the chapters at their own data) and checks the loader's message. These were the
faults an attack on the loader found accepted silently or reported as raw pandas errors.
"""

from __future__ import annotations

import shutil

import pytest

from clusternet import data
from clusternet.data import DataValidationError

from .conftest import ROOT

CBP = "us-cbp/US-census-naics4-2021.csv"
PANEL = "sample-lifecycle/panel.csv"  # region,cluster,year,employment,firms,diversity


def _copy(tmp_path, monkeypatch, relative: str, *, licence: bool = True):
    source = ROOT / "data" / relative
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    if licence:
        for extra in source.parent.iterdir():
            if "licen" in extra.name.lower():
                shutil.copy(extra, target.parent / extra.name)
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    return target


def _edit(path, old: str, new: str, count: int = 1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.mark.parametrize(
    "corrupt",
    [
        pytest.param(
            lambda t: t.write_text("".join(t.read_text().splitlines(True)[:6634])),
            id="truncated at a line",
        ),
        pytest.param(lambda t: t.write_text(t.read_text()[:-4]), id="truncated mid-number"),
        pytest.param(lambda t: _edit(t, "\n01,", "\n1,"), id="FIPS without its leading zero"),
        pytest.param(
            lambda t: _edit(t, ",3364,114,66573,", ",3364,114,16573,"), id="one value edited"
        ),
    ],
)
def test_a_changed_real_file_fails_its_checksum(tmp_path, monkeypatch, corrupt):
    target = _copy(tmp_path, monkeypatch, CBP)
    corrupt(target)
    with pytest.raises(
        DataValidationError, match=r"US-census-naics4-2021\.csv: the file's SHA-256"
    ):
        data.load("cbp_state_naics4_2021")


def test_a_real_file_without_its_licence_is_refused(tmp_path, monkeypatch):
    _copy(tmp_path, monkeypatch, CBP, licence=False)
    with pytest.raises(DataValidationError, match="no licence file"):
        data.load("cbp_state_naics4_2021")


def test_the_intact_copy_loads(tmp_path, monkeypatch):
    _copy(tmp_path, monkeypatch, CBP)
    assert len(data.load("cbp_state_naics4_2021")) == 13267


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            ",2012,",
            ",2012.0,",
            r"'year' must hold whole numbers written as integers; row \d+ has '2012.0'",
        ),
        (",2012,", ",1e20,", r"'year' must hold whole numbers"),
        (",2012,", ",inf,", r"'year' must hold whole numbers"),
        (",2012,", ",twenty,", r"'year' must hold whole numbers"),
        ("\nRegion A,", "\nRegion A,,", r"line 2 has 7 fields, the header 6"),
    ],
)
def test_sample_file_faults_are_named(tmp_path, monkeypatch, old, new, message):
    target = _copy(tmp_path, monkeypatch, PANEL)
    _edit(target, old, new)
    with pytest.raises(DataValidationError, match=rf"panel\.csv.*{message}"):
        data.load("lifecycle_sample_panel")


def test_infinite_and_text_values_in_a_float_column(tmp_path, monkeypatch):
    target = _copy(tmp_path, monkeypatch, PANEL)
    lines = target.read_text().splitlines(True)
    fields = lines[1].rstrip("\n").split(",")
    lines[1] = ",".join([*fields[:-1], "inf"]) + "\n"
    target.write_text("".join(lines))
    with pytest.raises(DataValidationError, match=r"panel\.csv: column 'diversity' has 1 infinite"):
        data.load("lifecycle_sample_panel")
    lines[1] = ",".join([*fields[:-1], "high"]) + "\n"
    target.write_text("".join(lines))
    with pytest.raises(DataValidationError, match=r"panel\.csv: cannot be read as CSV"):
        data.load("lifecycle_sample_panel")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"region,cluster,year,employment,firms,diversity\n", "a header but no data rows"),
        (
            b"region,cluster,year,employment,firms,diversity\nR01,C1,2012,5,1,0.5,9\n",
            "line 2 has 7 fields",
        ),
        (
            b"region,cluster,year,employment,firms,diversity\nR01,C1,2012,5,1,0.5,\n",
            "a trailing comma",
        ),
        (
            b'region,cluster,year,employment,firms,diversity\n"R01,C1,2012,5,1,0.5\n',
            "an unterminated quote",
        ),
        (
            b"region,cluster,year,employment,firms,diversity\nR\xe901,C1,2012,5,1,0.5\n",
            "line 2 is not UTF-8",
        ),
    ],
    ids=[
        "empty",
        "header only",
        "extra field",
        "trailing comma",
        "unterminated quote",
        "not UTF-8",
    ],
)
def test_unreadable_files_name_the_file(tmp_path, monkeypatch, content, message):
    target = _copy(tmp_path, monkeypatch, PANEL)
    target.write_bytes(content)
    with pytest.raises(DataValidationError, match=rf"panel\.csv.*({message})"):
        data.load("lifecycle_sample_panel")


def test_the_text_na_is_a_value_in_text_columns(tmp_path, monkeypatch):
    target = _copy(tmp_path, monkeypatch, PANEL)
    _edit(target, "\nRegion A,", "\nNA,")
    frame = data.load("lifecycle_sample_panel")
    assert (frame["region"] == "NA").sum() >= 1 and frame["region"].notna().all()


def test_every_real_file_has_its_row_count_and_checksum():
    from clusternet.catalog import integrity

    missing = [
        spec.path
        for spec in data.list_datasets().values()
        if spec.kind == "real"
        and not spec.path.startswith(integrity.EXEMPT_PREFIXES)
        and (spec.rows is None or spec.sha256 is None)
    ]
    assert not missing, (
        "real files without a row count and checksum in clusternet/catalog/integrity.py "
        f"(python -m clusternet.data --integrity prints their lines): {missing}"
    )


def test_declared_own_data_skip_only_the_checksum(tmp_path, monkeypatch):
    target = _copy(tmp_path, monkeypatch, CBP)
    _edit(target, ",3364,114,66573,", ",3364,114,16573,")
    with pytest.raises(DataValidationError, match="set CLUSTERNET_OWN_DATA=1"):
        data.load("cbp_state_naics4_2021")
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")
    frame = data.load("cbp_state_naics4_2021")
    assert (
        frame.loc[(frame["Fips"] == "53") & (frame["Naics"] == "3364"), "Employees"].item() == 16573
    )
    _edit(target, ",3364,114,16573,", ",3364,114,16573.5,")
    with pytest.raises(DataValidationError, match="'Employees' must hold whole numbers"):
        data.load("cbp_state_naics4_2021")


@pytest.mark.parametrize(
    "relative, name, old, new, column",
    [
        ("uk-bres/sic4_segment_lookup.csv", "gb_sic4_segments", ",4331,", ",433,", "sic_4"),
        ("us-cbp/US-census-naics4-2021.csv", "cbp_state_naics4_2021", "\n01,", "\n1,", "Fips"),
    ],
)
def test_code_columns_must_match_their_pattern(
    tmp_path, monkeypatch, relative, name, old, new, column
):
    target = _copy(tmp_path, monkeypatch, relative)
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")  # past the checksum, to the code check
    _edit(target, old, new)
    with pytest.raises(
        DataValidationError, match=rf"column '{column}' has 1 value\(s\) not matching"
    ):
        data.load(name)
