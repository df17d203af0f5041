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
