"""Input checks shared by every helper: each raises the right error with a useful message."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from clusternet import _validation as v


def test_require_dataframe_rejects_other_types():
    with pytest.raises(TypeError, match="table must be a pandas DataFrame, got list"):
        v.require_dataframe([1, 2], "table")


def test_require_columns_names_every_missing_column():
    frame = pd.DataFrame({"a": [1]})
    with pytest.raises(ValueError, match=r"missing required column\(s\) 'b', 'c'"):
        v.require_columns(frame, ["a", "b", "c"], "frame")


def test_require_nonempty():
    with pytest.raises(ValueError, match="frame is empty"):
        v.require_nonempty(pd.DataFrame(), "frame")


def test_require_nonnegative_names_column():
    frame = pd.DataFrame({"ok": [1, 2], "bad": [1, -1]})
    with pytest.raises(ValueError, match="negative values in column\\(s\\) 'bad'"):
        v.require_nonnegative(frame, "counts")
    with pytest.raises(ValueError, match="infinite or missing"):
        v.require_nonnegative(pd.DataFrame({"x": [np.nan]}), "counts")


def test_require_numeric_columns_rejects_text_and_bool():
    with pytest.raises(TypeError, match="non-numeric column\\(s\\) 'name'"):
        v.require_numeric_columns(pd.DataFrame({"name": ["x"], "n": [1]}), "t")
    with pytest.raises(TypeError, match="'flag'"):
        v.require_numeric_columns(pd.DataFrame({"flag": [True]}), "t")


@pytest.mark.parametrize("bad", [-0.1, 1.5])
def test_require_fraction_bounds(bad):
    with pytest.raises(ValueError, match="laterality must be"):
        v.require_fraction(bad, "laterality")
    assert v.require_fraction(0.25, "laterality") == 0.25


def test_require_real_rejects_bool_and_nan():
    with pytest.raises(TypeError):
        v.require_real(True, "x")
    with pytest.raises(ValueError, match="finite"):
        v.require_real(float("nan"), "x")


def test_require_positive_int():
    assert v.require_positive_int(3, "k") == 3
    with pytest.raises(TypeError):
        v.require_positive_int(2.0, "k")
    with pytest.raises(ValueError, match="k must be >= 1, got 0"):
        v.require_positive_int(0, "k")


def test_require_seed_returns_reproducible_generator():
    a = v.require_seed(5).random(3)
    b = v.require_seed(5).random(3)
    assert np.array_equal(a, b)
    with pytest.raises(TypeError):
        v.require_seed("five")


def test_require_graph_cases():
    with pytest.raises(TypeError):
        v.require_graph({1: 2})
    with pytest.raises(ValueError, match="empty"):
        v.require_graph(nx.Graph())
    with pytest.raises(ValueError, match="directed"):
        v.require_graph(nx.path_graph(3), directed=True)
    with pytest.raises(ValueError, match="undirected"):
        v.require_graph(nx.DiGraph([(0, 1)]), directed=False)
    with pytest.raises(ValueError, match="no edges"):
        v.require_graph(nx.empty_graph(3), require_edges=True)
    with pytest.raises(ValueError, match="disconnected"):
        v.require_graph(nx.Graph([(0, 1), (2, 3)]), connected=True)
    graph = nx.path_graph(4)
    assert v.require_graph(graph, connected=True, require_edges=True) is graph


def test_format_items_truncates():
    assert v.format_items(range(3)) == "0, 1, 2"
    assert v.format_items(range(20), limit=2).endswith("(20 in all)")


def test_require_graph_rejects_multigraphs_when_asked():
    multi = nx.MultiDiGraph([(0, 1), (0, 1)])
    assert v.require_graph(multi) is multi
    with pytest.raises(
        ValueError, match=r"multigraph; collapse parallel ties first, e.g. nx.DiGraph\(tree\)"
    ):
        v.require_graph(multi, "tree", simple=True)
