"""The ABS table parser (clusternet.abs_tables) and the seven catalogued ABS tables."""

import math
import shutil

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusternet import abs_tables, data
from clusternet.abs_tables import AbsCellError, abs_value, parse_abs_cell, tidy_abs_table
from clusternet.data import DataValidationError

from .conftest import ROOT

TABLES = ("4446", "4475", "6176", "7427", "7451", "7452", "9007")
US = "any_cooperation_partner_in_the_united_states"
CANMEX = "any_cooperation_partner_in_canada_or_mexico"
WORLD = "any_cooperation_partner_in_the_rest_of_the_world"


# ----------------------------------------------------------------------------- one cell


@pytest.mark.parametrize(
    "cell, value, flag",
    [
        ("['530,124', '&nbsp;']", 530124.0, ""),
        ("['4,857,473', '&nbsp;']", 4857473.0, ""),
        ("['22.7', 'r']", 22.7, "r"),
        ("['27', 'i']", 27.0, "i"),
        ("['0.0', '&nbsp;']", 0.0, ""),
        ("41.6", 41.6, ""),
        (1989523, 1989523.0, ""),
        (17.8, 17.8, ""),
    ],
)
def test_cells_give_value_and_flag(cell, value, flag):
    assert parse_abs_cell(cell) == (value, flag)


@pytest.mark.parametrize("cell", ["['D', '&nbsp;']", "['&nbsp;', 'D']", "['D', 'D']", "D"])
def test_suppressed_cells_have_no_value_and_keep_the_flag(cell):
    value, flag = parse_abs_cell(cell)
    assert math.isnan(value) and flag == "D"


@pytest.mark.parametrize("cell", ["['&nbsp;', '&nbsp;']", "", None, float("nan")])
def test_blank_cells_have_no_value_and_no_flag(cell):
    value, flag = parse_abs_cell(cell)
    assert math.isnan(value) and flag == ""


@pytest.mark.parametrize(
    "cell, problem",
    [
        ("['530,124', 'x']", "unknown flag 'x'"),
        ("['5301,24', '&nbsp;']", "is not a number"),
        ("['12.3.4', '&nbsp;']", "is not a number"),
        ("['-3.0', '&nbsp;']", "is not a number"),
        ("['530,124' '&nbsp;']", "well-formed"),
        ("['530,124', '&nbsp;'", "well-formed"),
        ("['&nbsp;', 'r']", "has a flag 'r' but no value"),
        ("['12.0', 'D']", "suppressed but holds a value"),
        ("n/a", "is not a number"),
        (-1.0, "non-negative"),
        (float("inf"), "non-negative"),
        (True, "boolean"),
    ],
)
def test_malformed_cells_are_refused_naming_table_row_and_column(cell, problem):
    with pytest.raises(AbsCellError, match=problem) as error:
        parse_abs_cell(cell, table="7452", row="r013", column="field_all_companies")
    message = str(error.value)
    assert "table '7452'" in message and "row 'r013'" in message
    assert "column 'field_all_companies'" in message


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["&nbsp;", "i", "r"]))
def test_any_comma_written_count_round_trips(number, flag):
    cell = f"['{number:,}', '{flag}']"
    assert parse_abs_cell(cell) == (float(number), "" if flag == "&nbsp;" else flag)


@given(st.decimals(min_value=0, max_value=100, places=1, allow_nan=False))
def test_any_one_decimal_percent_round_trips(percent):
    assert parse_abs_cell(f"['{percent}', '&nbsp;']") == (float(percent), "")


# ----------------------------------------------------------------------------- a whole table


def _toy():
    return pd.DataFrame(
        {
            "table_id": [9999, 9999, 9999],
            "row_id": ["r001", "r002", "r003"],
            "size_full_path": ["All", "All -> Small", "All -> Small -> 1&#8211;4"],
            "size_level_1": ["All", "All", "All"],
            "size_hierarchy_depth": [1, 2, 3],
            "field_count": ["['1,000', '&nbsp;']", "['&nbsp;', '&nbsp;']", "['D', '&nbsp;']"],
            "field_share": ["['50.0', 'r']", "['&nbsp;', '&nbsp;']", "['12.5', 'i']"],
        }
    )


def test_tidy_table_keeps_every_cell_with_flag_and_status():
    tidy = tidy_abs_table(_toy())
    assert len(tidy) == 6
    assert tidy["status"].tolist() == [
        "reported",
        "reported",
        "heading",
        "heading",
        "suppressed",
        "reported",
    ]
    assert tidy["flag"].tolist() == ["", "r", "", "", "D", "i"]
    assert tidy["row_label"].tolist()[-1] == "1–4"  # HTML entity decoded
    assert tidy["value"].iloc[0] == 1000.0 and math.isnan(tidy["value"].iloc[4])
    assert abs_value(tidy, "All -> Small -> 1–4", "share") == 12.5
    with pytest.raises(ValueError, match="suppressed"):
        abs_value(tidy, "All -> Small -> 1–4", "count")
    with pytest.raises(KeyError):
        abs_value(tidy, "Nowhere", "count")


def test_tidy_table_names_the_malformed_cell():
    toy = _toy()
    toy.loc[2, "field_share"] = "['12,5', 'i']"
    with pytest.raises(AbsCellError, match=r"table '9999', row 'r003', column 'field_share'"):
        tidy_abs_table(toy)


def test_tidy_table_checks_its_input():
    with pytest.raises(TypeError, match="table"):
        tidy_abs_table([1, 2])
    with pytest.raises(ValueError, match="full_path"):
        tidy_abs_table(_toy().drop(columns="size_full_path"))
    twice = _toy().assign(row_id="r001")
    with pytest.raises(ValueError, match="not unique"):
        tidy_abs_table(twice)


# ----------------------------------------------------------------------------- the real tables


@pytest.mark.parametrize("table_id", TABLES)
def test_every_table_loads_and_parses(table_id):
    tidy = abs_tables.load_abs_table(table_id)
    assert set(tidy["status"]) <= set(abs_tables.ABS_STATUSES)
    assert (tidy["status"] == "reported").sum() > 0
    assert tidy.loc[tidy["status"] == "reported", "value"].notna().all()


def test_checked_values_of_table_7452():
    """SOURCE.md's checked figures: 530,124 companies; 67.8% / 4.0% / 10.0%."""
    tidy = abs_tables.load_abs_table(7452)
    assert abs_value(tidy, "All companies", "all_companies") == 530124
    assert abs_value(tidy, "All companies", US) == 67.8
    assert abs_value(tidy, "All companies", CANMEX) == 4.0
    assert abs_value(tidy, "All companies", WORLD) == 10.0
    # a revised cell keeps its flag: 500-999 employees, Canada or Mexico, 22.7 r
    cell = tidy[tidy["row_path"].str.endswith("500–999") & tidy["column"].eq(CANMEX)]
    assert cell[["value", "flag"]].to_numpy().tolist() == [[22.7, "r"]]
    # the size classes add up to the total (published counts are rounded)
    sizes = tidy[(tidy["depth"] == 3) & (tidy["column"] == "all_companies")]
    assert sizes["value"].sum() == pytest.approx(530124, abs=5)


def test_table_7451_totals_match_7452_and_keep_naics_codes():
    tidy = abs_tables.load_abs_table(7451)
    assert abs_value(tidy, "All industries", "all_companies") == 530124
    assert abs_value(tidy, "All industries", WORLD) == 10.0
    software = tidy[tidy["code"].eq("5112") & tidy["column"].eq(WORLD)]
    assert software["value"].item() == 34.0
    assert (tidy["flag"] == "r").sum() == 20


def test_state_tables_national_rows():
    assert abs_value(abs_tables.load_abs_table(7427), "All states", "companies_number_") == (
        4857473
    )
    assert abs_value(abs_tables.load_abs_table(4475), "All states", "product_innovation_yes") == (
        17.8
    )
    tidy = abs_tables.load_abs_table(9007)
    states = tidy[(tidy["depth"] == 2) & (tidy["column"] == "companies_number_")]
    assert len(states) == 52  # 50 states, DC and Puerto Rico or similar: 52 rows below the total


def _corrupt(tmp_path, monkeypatch, table_id, row, column, value):
    folder = tmp_path / "us-abs" / f"table-{table_id}"
    folder.mkdir(parents=True)
    source = ROOT / "data" / "us-abs" / f"table-{table_id}"
    frame = pd.read_csv(source / "data.csv", dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(folder / "data.csv", index=False)
    shutil.copy(source / "LICENSE.md", folder)
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")


def test_loader_rejects_a_broken_pair_naming_file_and_column(tmp_path, monkeypatch):
    _corrupt(tmp_path, monkeypatch, "7452", 0, "field_all_companies", "530,124")
    with pytest.raises(DataValidationError, match=r"data\.csv.*'field_all_companies'"):
        data.load("abs_7452")


def test_parser_rejects_a_bad_flag_naming_table_row_and_column(tmp_path, monkeypatch):
    _corrupt(tmp_path, monkeypatch, "7451", 5, f"field_{WORLD}", "['12.9', 'x']")
    with pytest.raises(AbsCellError, match=rf"table '7451', row 'r006', column 'field_{WORLD}'"):
        abs_tables.load_abs_table(7451)


def test_loader_rejects_a_negative_plain_number(tmp_path, monkeypatch):
    _corrupt(tmp_path, monkeypatch, "4475", 3, "field_product_innovation_yes", "-19.1")
    with pytest.raises(DataValidationError, match="'field_product_innovation_yes'.*negative"):
        data.load("abs_4475")


def test_loader_refuses_an_edited_copy_without_own_data(tmp_path, monkeypatch):
    _corrupt(tmp_path, monkeypatch, "7452", 0, US, "['68.8', '&nbsp;']")
    monkeypatch.delenv("CLUSTERNET_OWN_DATA")
    with pytest.raises(DataValidationError, match="SHA-256"):
        data.load("abs_7452")
