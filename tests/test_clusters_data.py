"""Loader checks of the Porter chapter's real files: codes, counts, checksums, row counts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from clusternet import data
from clusternet.dataspec import DataValidationError

ROOT = Path(__file__).resolve().parents[1]
CBP = "US-census-naics4-2021.csv"
PATENTS = "uspto_utility_patents_county_2000_2015.csv"


def _copy(tmp_path, monkeypatch, folder, name, edit=None, own=True):
    """A copy of a real file under ``tmp_path`` (edited by ``edit`` on its text lines)."""
    target = tmp_path / folder
    target.mkdir()
    text = (ROOT / "data" / folder / name).read_text()
    if edit is not None:
        text = edit(text)
    (target / name).write_text(text)
    shutil.copy(ROOT / "data" / folder / "LICENSE.md", target)
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    if own:
        monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")
    else:
        monkeypatch.delenv("CLUSTERNET_OWN_DATA", raising=False)


def _replace_line(text: str, number: int, new: str) -> str:
    lines = text.splitlines(keepends=True)
    lines[number] = new + "\n"
    return "".join(lines)


@pytest.mark.parametrize(
    "line, column, message",
    [
        ("1,1131,55,270,15995", "Fips", "Fips"),  # state code without its leading zero
        ("01,113,55,270,15995", "Naics", "Naics"),  # three-digit NAICS
        ("01,1131,55,inf,15995", "Employees", "Employees"),  # infinite count
        ("01,1131,55,270.5,15995", "Employees", "Employees"),  # fractional count
        ("01,1131,-5,270,15995", "Establishments", "Establishments"),  # negative count
    ],
)
def test_cbp_loader_rejects_bad_codes_and_counts(tmp_path, monkeypatch, line, column, message):
    _copy(tmp_path, monkeypatch, "us-cbp", CBP, lambda t: _replace_line(t, 1, line))
    with pytest.raises(DataValidationError, match=message) as error:
        data.load("cbp_state_naics4_2021")
    assert CBP in str(error.value)


def test_cbp_loader_refuses_an_edited_or_truncated_copy(tmp_path, monkeypatch):
    # an edited value that is still valid: only the checksum can catch it
    _copy(
        tmp_path,
        monkeypatch,
        "us-cbp",
        CBP,
        lambda t: _replace_line(t, 1, "01,1131,55,271,15995"),
        own=False,
    )
    with pytest.raises(DataValidationError, match="SHA-256") as error:
        data.load("cbp_state_naics4_2021")
    assert CBP in str(error.value)


def test_cbp_codes_keep_leading_zeros_and_four_digits():
    table = data.load("cbp_state_naics4_2017")
    assert table["Fips"].str.fullmatch(r"\d{2}").all()
    assert table["Naics"].str.fullmatch(r"\d{4}").all()
    assert table["Fips"].min() == "01"


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda t: t.replace("\n6085,CA,", "\n6085X,CA,", 1), "FIPS Code"),
        (lambda t: t.replace(",14571,142998", ",-1,142998", 1), "2015"),
        (lambda t: t.replace(",14571,142998", ",1.5,142998", 1), "2015"),
    ],
)
def test_patent_loader_rejects_bad_codes_and_counts(tmp_path, monkeypatch, edit, message):
    _copy(tmp_path, monkeypatch, "us-patents", PATENTS, edit)
    with pytest.raises(DataValidationError, match=message) as error:
        data.load("uspto_patents_county")
    assert PATENTS in str(error.value)


def test_patent_loader_refuses_a_truncated_copy(tmp_path, monkeypatch):
    _copy(
        tmp_path,
        monkeypatch,
        "us-patents",
        PATENTS,
        lambda t: "".join(t.splitlines(keepends=True)[:-5]),
        own=False,
    )
    with pytest.raises(DataValidationError, match="SHA-256"):
        data.load("uspto_patents_county")


def test_patent_table_matches_its_published_totals():
    # SOURCE.md: the 2015 US total is 140,928; California's 2015 total is 40,137
    table = data.load("uspto_patents_county")
    total = table.loc[table["FIPS Code"] == "ALL", "2015"].item()
    assert total == 140_928
    counties = table[~table["FIPS Code"].isin(["ALL"])]
    # the rows over-count the total by 73 patents in 2015 (0.05%): the upstream table's own
    # discrepancy, recorded here so that a change of the file is noticed
    assert counties["2015"].sum() - total == 73
    assert counties.loc[counties["Mail Code"] == "CA", "2015"].sum() == 40_137
    assert pd.api.types.is_string_dtype(table["FIPS Code"])
