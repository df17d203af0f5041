"""Publishing numbers: formatting, validation and the metadata the key-numbers file is built from."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusternet.glue import GLUE_METADATA_KEY, format_number, glue_number
from clusternet.sphinxext import collect_key_numbers


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (0.2567, {"digits": 1, "percent": True}, "25.7%"),
        (1604, {"digits": 0}, "1,604"),
        (-0.0004, {"digits": 2}, "0.00"),
        (-1.25, {"digits": 1}, "\u22121.2"),
        (1.3, {"digits": 1, "signed": True}, "+1.3"),
        (1234567.891, {"digits": 2}, "1,234,567.89"),
    ],
)
def test_format_number_known_cases(value, kwargs, expected):
    assert format_number(value, **kwargs) == expected


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 6))
def test_format_number_round_trips(value, digits):
    text = format_number(value, digits=digits)
    parsed = float(text.replace(",", "").replace("\u2212", "-"))
    assert abs(parsed - value) <= 0.5 * 10**-digits + 1e-9 * abs(value)


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_format_number_rejects_non_finite(bad):
    with pytest.raises(ValueError, match="finite"):
        format_number(bad)


def test_format_number_rejects_types():
    with pytest.raises(TypeError):
        format_number("1.0")
    with pytest.raises(TypeError):
        format_number(True)
    with pytest.raises(ValueError, match="digits"):
        format_number(1.0, digits=-1)


def test_glue_number_outside_ipython_returns_key_number():
    number = glue_number("test_share", 0.456, description="A share.", percent=True, digits=1)
    assert repr(number) == "45.6%"
    assert number.unit == "%"
    assert number.value == 0.456


@pytest.mark.parametrize("name", ["Bad", "1abc", "has space", ""])
def test_glue_number_rejects_bad_names(name):
    with pytest.raises(ValueError, match="name"):
        glue_number(name, 1.0, description="x")


def test_glue_number_requires_description():
    with pytest.raises(ValueError, match="description"):
        glue_number("ok_name", 1.0, description="  ")


def test_collect_key_numbers_reads_glue_files(tmp_path):
    execute = tmp_path / "jupyter_execute" / "chapters"
    execute.mkdir(parents=True)
    meta = {
        "name": "a_number",
        "value": 2.5,
        "text": "2.5",
        "unit": "x",
        "description": "d",
        "headline": True,
    }
    hidden = dict(meta, name="support", headline=False)
    glued = {
        "a_number": {"data": {"text/plain": "2.5"}, "metadata": {GLUE_METADATA_KEY: meta}},
        "support": {"data": {"text/plain": "1"}, "metadata": {GLUE_METADATA_KEY: hidden}},
        "plain": {"data": {"text/plain": "3"}, "metadata": {}},
    }
    (execute / "one.glue.json").write_text(json.dumps(glued))
    rows = collect_key_numbers(
        tmp_path / "html", ["chapters/one", "chapters/missing"], {"chapters/one": "One"}
    )
    assert rows == [
        {
            "name": "a_number",
            "value": "2.5",
            "text": "2.5",
            "unit": "x",
            "chapter": "One",
            "page": "chapters/one.html",
            "description": "d",
        }
    ]
    (execute / "two.glue.json").write_text(json.dumps(glued))
    with pytest.raises(ValueError, match="glued in both"):
        collect_key_numbers(tmp_path / "html", ["chapters/one", "chapters/two"], {})


def test_years_can_be_printed_without_separator():
    assert format_number(1961, digits=0, thousands=False) == "1961"
    assert format_number(1961, digits=0) == "1,961"


def test_key_numbers_file_says_percentages_hold_fractions():
    from clusternet.sphinxext import PERCENT_UNIT, _for_file

    rows = [
        {"name": "a", "value": "0.25", "text": "25%", "unit": "%"},
        {"name": "b", "value": "2", "text": "2", "unit": "x"},
    ]
    written = _for_file(rows)
    assert written[0]["unit"] == PERCENT_UNIT and "fraction" in PERCENT_UNIT
    assert written[1]["unit"] == "x"
    assert rows[0]["unit"] == "%"  # the page's rows are not changed
