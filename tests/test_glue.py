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
    assert [
        {key: row[key] for key in ("name", "value", "text", "unit", "chapter", "page")}
        for row in rows
    ] == [
        {
            "name": "a_number",
            "value": "2.5",
            "text": "2.5",
            "unit": "x",
            "chapter": "One",
            "page": "chapters/one.html",
        }
    ]
    assert rows[0]["kind"] == "" and rows[0]["estimate"] == "no"  # reported, not invented
    anchored = collect_key_numbers(
        tmp_path / "html",
        ["chapters/one"],
        {},
        anchors={"chapters/one": {"a_number": "kn-a-number"}},
    )
    assert anchored[0]["page"] == "chapters/one.html#kn-a-number"
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
    written = _for_file(rows, {"report_version": "9", "build_date": "d", "commit": "c"})
    assert written[0]["unit"] == PERCENT_UNIT and "fraction" in PERCENT_UNIT
    assert written[1]["unit"] == "x"
    assert written[1]["report_version"] == "9" and written[1]["commit"] == "c"
    assert rows[0]["unit"] == "%"  # the page's rows are not changed


# --- provenance -------------------------------------------------------------------


def test_provenance_accepts_the_report_kinds_and_normalises_sources():
    from clusternet.glue import KINDS, Provenance

    assert Provenance("real data", "us_cbp_state_2021", "2021").source == ("us_cbp_state_2021",)
    assert Provenance("simulation", ["a", " b "]).source == ("a", "b")
    assert len(KINDS) == 6


@pytest.mark.parametrize(
    "args, message",
    [
        (("real", "x", "2021"), "kind must be one of"),
        (("real data", (), "2021"), "source must name"),
        (("real data", "x"), "vintage"),
        (("sample data", ""), "source must name"),
    ],
)
def test_provenance_refuses_incomplete_labels(args, message):
    from clusternet.glue import Provenance

    with pytest.raises(ValueError, match=message):
        Provenance(*args)


def test_provenance_caveat_is_one_line():
    from clusternet.glue import Provenance

    with pytest.raises(ValueError, match="one line"):
        Provenance("simulation", "x", caveat="two\nlines")


def test_glue_number_refuses_an_estimate_without_interval():
    with pytest.raises(ValueError, match="estimate: glue it with ci_lower"):
        glue_number("an_effect", 1.0, description="x", estimate=True)
    with pytest.raises(ValueError, match="both ci_lower and ci_upper"):
        glue_number("an_effect", 1.0, description="x", ci_lower=0.5)
    with pytest.raises(ValueError, match="above ci_upper"):
        glue_number("an_effect", 1.0, description="x", ci_lower=2.0, ci_upper=1.5)
    with pytest.raises(ValueError, match="ci_level"):
        glue_number("an_effect", 1.0, description="x", ci_lower=0.5, ci_upper=1.5, ci_level=95)
    with pytest.raises(TypeError, match="Provenance"):
        glue_number("an_effect", 1.0, description="x", provenance="real data")


def test_with_intervals_attaches_bounds_to_their_estimate():
    from clusternet.book.published import Published, with_intervals
    from clusternet.glue import Provenance

    label = Provenance("real data", "us_cbp_state_2021", "2021")
    numbers = {
        "x_effect": Published(1.2, "An effect.", provenance=label),
        "x_effect_ci_lower": Published(0.4, "Lower bound."),
        "x_effect_ci_upper": Published(2.0, "Upper bound."),
        "x_count": Published(7, "A count.", provenance=label),
    }
    out = with_intervals(numbers)
    assert out["x_effect"].estimate and (out["x_effect"].ci_lower, out["x_effect"].ci_upper) == (
        0.4,
        2.0,
    )
    assert out["x_effect_ci_lower"].interval_of == "x_effect"
    assert out["x_effect_ci_upper"].provenance == label  # inherited
    assert not out["x_count"].estimate and out["x_count"].ci_lower is None
    assert not numbers["x_effect"].estimate  # the input is not changed


def test_with_intervals_refuses_half_an_interval():
    from clusternet.book.published import Published, with_intervals

    with pytest.raises(ValueError, match="only one bound"):
        with_intervals({"x": Published(1, "x."), "x_ci_lower": Published(0, "l.")})
    with pytest.raises(ValueError, match="without its estimate"):
        with_intervals({"x_ci_lower": Published(0, "l."), "x_ci_upper": Published(2, "u.")})


def test_with_intervals_keeps_bounds_that_name_their_estimate():
    """An alternative interval (e.g. Fieller's) names its estimate itself and is kept as is."""
    from clusternet.book.published import Published, with_intervals

    numbers = {
        "x_ratio": Published(1.5, "A ratio."),
        "x_fieller_ci_lower": Published(0.9, "Fieller lower.", interval_of="x_ratio"),
        "x_fieller_ci_upper": Published(3.0, "Fieller upper.", interval_of="x_ratio"),
    }
    out = with_intervals(numbers)
    assert out == numbers and not out["x_ratio"].estimate


def test_published_values_keep_each_numbers_provenance():
    from clusternet.book.published import Published, published_values
    from clusternet.glue import Provenance

    label = Provenance("sample data", "sample_economy")
    values = published_values({"a_b": Published(3.0, "A number.", provenance=label)})
    assert values == {"a_b": 3.0}
    assert values.published["a_b"].provenance.kind == "sample data"


def test_check_provenance_names_each_problem():
    from clusternet.sphinxext import check_provenance

    base = {
        "name": "n",
        "kind": "real data",
        "source": "known",
        "vintage": "2021",
        "estimate": "no",
        "ci_lower": "",
        "ci_upper": "",
    }
    assert check_provenance([base], {"known"}) == []
    problems = check_provenance(
        [
            dict(base, name="a", kind=""),
            dict(base, name="b", source=""),
            dict(base, name="c", source="known; ghost"),
            dict(base, name="d", vintage=""),
            dict(base, name="e", estimate="yes"),
        ],
        {"known"},
    )
    assert [p.split(":")[0] for p in problems] == ["a", "b", "c", "d", "e"]
    assert "ghost" in problems[2] and "interval" in problems[4]


def test_glue_lines_finds_the_first_mention_of_each_number():
    from clusternet.sphinxext import anchor_id, glue_lines

    text = "intro\nwe find {glue}`a_b` and {glue:text}`c_d:.2f`\nagain {glue}`a_b`"
    assert glue_lines(text) == {"a_b": 2, "c_d": 2}
    assert anchor_id("porter_combined_effect") == "kn-porter-combined-effect"
