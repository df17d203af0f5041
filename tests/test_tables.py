"""clusternet.plotting.show_table: results as captioned, formatted tables."""

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

from clusternet.plotting import show_table
from clusternet.plotting.tables import readable_label


def test_a_series_becomes_a_headed_two_column_table():
    counts = pd.Series({"local": 8371, "cross_sector": 5434}, name="count")
    styled = show_table(counts, caption="Ties by layer.", index_name="Layer")
    assert styled.data.to_dict("list") == {
        "Layer": ["local", "cross sector"],
        "Count": ["8,371", "5,434"],
    }
    html = styled.to_html()
    assert "<caption>Ties by layer.</caption>" in html
    assert 'class="blank' not in html  # no empty header cell (axe: empty-table-header)


def test_numbers_are_rounded_signed_with_a_true_minus_and_missing_shown_as_a_dash():
    styled = show_table(
        {"odds_ratio": np.float64(1.29512), "ame": -0.06, "gap": math.nan}, caption="c"
    )
    assert styled.data["Value"].tolist() == ["1.295", "\u22120.060", "\u2013"]
    assert styled.data["Item"].tolist() == ["odds ratio", "ame", "gap"]


def test_a_dataclass_result_shows_its_number_and_text_fields():
    @dataclasses.dataclass
    class Result:
        estimate: float
        ci_lower: float
        n: int
        table: pd.DataFrame

    styled = show_table(Result(65.0530, 60.9997, 12, pd.DataFrame()), caption="c", digits=1)
    assert styled.data.to_dict("list") == {
        "Item": ["estimate", "ci lower", "n"],
        "Value": ["65.1", "61.0", "12"],
    }


def test_a_default_index_is_not_shown():
    frame = pd.DataFrame({"ci_lower": [0.1], "log_lq": [2.0]})
    styled = show_table(frame, caption="c")
    assert list(styled.data.columns) == ["CI lower", "Log LQ"]
    assert "0</th>" not in styled.to_html()


def test_readable_labels():
    assert readable_label("share_cross_sector") == "Share cross sector"
    assert readable_label("or_ci_upper") == "OR CI upper"


def test_bad_requests_are_named():
    with pytest.raises(TypeError, match="data must be"):
        show_table((1.0, 2.0), caption="c")
    with pytest.raises(ValueError, match="caption"):
        show_table(pd.Series([1]), caption=" ")
    with pytest.raises(ValueError, match="digits"):
        show_table(pd.Series([1.0]), caption="c", digits=11)
    with pytest.raises(ValueError, match="empty"):
        show_table(pd.DataFrame(), caption="c")


def test_a_multi_index_becomes_one_headed_column_per_level():
    frame = pd.DataFrame(
        {"employment": [18979, 174374]},
        index=pd.MultiIndex.from_tuples(
            [("CA", "Apparel"), ("MI", "Automotive")], names=["region", "cluster"]
        ),
    )
    styled = show_table(frame, caption="c")
    assert styled.data.to_dict("list") == {
        "Region": ["CA", "MI"],
        "Cluster": ["Apparel", "Automotive"],
        "Employment": ["18,979", "174,374"],
    }


# numeric columns of the list tables (markdown_table)
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from clusternet.plotting import (  # noqa: E402
    MAX_ALIGNED_COLUMNS,
    is_numeric_text,
    markdown_table,
    numeric_columns,
)

finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)


@given(finite, finite, finite, st.sampled_from(["{:,.0f}", "{:.2f}", "{:+.1f}%", "{:.3g}"]))
def test_a_formatted_number_with_its_interval_is_numeric(value, low, high, style):
    number = style.format(value).replace("-", "\u2212")
    for cell in (
        number,
        f"{number} [{low:.2f}, {high:.2f}]",
        f"{number} ({low:.1f} to {high:.1f})",
    ):
        assert is_numeric_text(cell) is True, cell


@given(finite, st.sampled_from(["outside the range", "of employment", "reference", "n/a", "nan"]))
def test_a_number_with_words_is_text(value, words):
    assert is_numeric_text(f"{value:.2f} {words}") is False
    assert is_numeric_text(words) is False


def test_numeric_columns_known_table_and_repeated_labels():
    frame = pd.DataFrame(
        [["Regional", "1.07", "[0.99, 1.16]", "1.5", "\u2014"],
         ["International", "1.29", "[1.17, 1.42]", "5.5", "n/a"]],
        columns=["Partners", "Odds ratio", "95% interval", "AME", "95% interval"],
    )  # fmt: skip
    assert numeric_columns(frame) == ["Odds ratio", "95% interval", "AME"]
    text = markdown_table(frame, caption="c", name="tbl-x").data
    assert ":class: numbers-right-2 numbers-right-3 numbers-right-4\n" in text
    with pytest.raises(TypeError, match="frame"):
        numeric_columns([1, 2])


def test_the_stylesheet_aligns_every_column_markdown_table_marks():
    from .conftest import ROOT

    css = (ROOT / "_static" / "book.css").read_text(encoding="utf-8")
    for k in range(1, MAX_ALIGNED_COLUMNS + 1):
        assert f"table.numbers-right-{k} > * > tr > :nth-child({k})" in css
    wide = pd.DataFrame([[str(k) for k in range(MAX_ALIGNED_COLUMNS + 2)]])
    text = markdown_table(wide.set_axis([f"c{k}" for k in wide.columns], axis=1), caption="c",
                          name="tbl-w").data  # fmt: skip
    assert f"numbers-right-{MAX_ALIGNED_COLUMNS} " not in text + " "
    assert f"numbers-right-{MAX_ALIGNED_COLUMNS - 1}" in text
