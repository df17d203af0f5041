"""Bad requests get a named error, never a silent wrong answer, a raw error or a huge allocation.

Each test below is one fault found by the attack on the public API (issue 20): before the
fix it returned a result silently, raised a raw numpy, pandas or matplotlib error, or tried
to allocate gigabytes. The property tests at the end feed malformed frames and graphs to
each family of public functions and accept only a clear ``TypeError``/``ValueError`` or a
finite result.
"""

from __future__ import annotations

import math
import warnings

import matplotlib
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clusternet
from clusternet import models, plotting
from clusternet.glue import format_number
from clusternet.hierarchy.ensemble import ensemble_mean_ci
from clusternet.hierarchy.formal import formal_tier_digraph

matplotlib.use("Agg")

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


# ---------------------------------------------------------------------------
# sizes that cannot fit in memory
# ---------------------------------------------------------------------------


def test_diffusion_refuses_a_billion_runs_naming_runs():
    graph = nx.path_graph(5)
    with pytest.raises(ValueError, match=r"1,000,000,000 runs .*runs or sources.*GiB"):
        clusternet.simulate_diffusion(graph, runs=10**9, tier=None)


def test_tiered_network_refuses_an_organisation_too_large_for_memory():
    with pytest.raises(ValueError, match=r"branching=10000, tiers=4\).*GiB"):
        clusternet.tiered_network(10**4, 4)
    assert clusternet.tiered_network(3, 3).number_of_nodes() == 13  # small ones still build


def test_format_number_refuses_absurd_digits_and_unprintable_values():
    with pytest.raises(ValueError, match="digits must be at most 15"):
        format_number(1.0, digits=10**9)
    with pytest.raises(ValueError, match="too large to print"):
        format_number(10**400)
    assert format_number(1.0, digits=15) == "1." + "0" * 15


# ---------------------------------------------------------------------------
# silent results that were wrong
# ---------------------------------------------------------------------------


def test_long_to_matrix_refuses_a_missing_region_instead_of_a_nan_row():
    table = pd.DataFrame({"region": ["a", None, "b"], "industry": ["x", "y", "x"], "n": [1, 2, 3]})
    with pytest.raises(ValueError, match=r"1 row\(s\) with a missing 'region' \(rows 1\)"):
        clusternet.long_to_matrix(table, "region", "industry", "n")
    table.loc[1, "region"], table.loc[0, "industry"] = "c", None
    with pytest.raises(ValueError, match="missing 'industry'"):
        clusternet.long_to_matrix(table, "region", "industry", "n")


@pytest.mark.parametrize("rank", [math.nan, math.inf])
def test_formal_tier_digraph_refuses_a_nan_rank_instead_of_dropping_its_ties(rank):
    with pytest.raises(ValueError, match=r"missing or infinite ranks for node\(s\) 'c'"):
        formal_tier_digraph({"a": 1, "b": 2, "c": rank})


def test_sigma_warns_when_the_graph_cannot_be_rewired():
    with pytest.warns(RuntimeWarning, match="could not be rewired"):
        result = clusternet.small_world_sigma(nx.complete_graph(6), draws=2, seed=1)
    assert result.q == 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a graph that can be rewired gives no warning
        clusternet.small_world_sigma(nx.connected_caveman_graph(4, 5), draws=2, seed=0)


def test_ranked_bars_refuses_text_instead_of_plotting_it():
    with pytest.raises(TypeError, match="values must be numeric"):
        plotting.ranked_bars(pd.Series(["a", "b"], index=["x", "y"]))
    with pytest.raises(ValueError, match="missing or infinite"):
        plotting.ranked_bars(pd.Series([1.0, math.nan], index=["x", "y"]))


# ---------------------------------------------------------------------------
# raw errors that became named ones
# ---------------------------------------------------------------------------


def test_steps_to_reach_names_a_text_share_column():
    curves = pd.DataFrame({"run": [0, 0], "step": [0, 1], "informed_share": ["a", "b"]})
    with pytest.raises(TypeError, match="curves.*'informed_share'"):
        clusternet.steps_to_reach(curves, 0.5)


def test_coefficient_table_names_a_missing_result():
    with pytest.raises(TypeError, match="result must be a fitted statsmodels results object"):
        models.coefficient_table(None)


def test_ensemble_mean_ci_names_a_text_value_column():
    frame = pd.DataFrame({"group": [1, 1, 2, 2], "value": ["a", "b", "c", "d"]})
    with pytest.raises(TypeError, match="frame.*'value'"):
        ensemble_mean_ci(frame, "value", "group")


def test_forest_plot_names_an_interval_that_does_not_contain_its_estimate():
    table = pd.DataFrame({"term": ["a", "b"], "estimate": [1.0, 1.0], "ci_lower": [0.5, 2.0]})
    table["ci_upper"] = [1.5, 0.5]
    with pytest.raises(ValueError, match=r"do not contain their estimate .* for 'b'"):
        plotting.forest_plot(table)
    table.loc[1, "ci_upper"] = math.nan
    with pytest.raises(ValueError, match="missing or infinite"):
        plotting.forest_plot(table)


# ---------------------------------------------------------------------------
# property tests: malformed frames and graphs, per family
# ---------------------------------------------------------------------------

cells = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.integers(-5, 5),
    st.text(max_size=3),
    st.none(),
)


def _clear_or_finite(call):
    """The call either raises a named TypeError/ValueError or returns finite numbers."""
    try:
        result = call()
    except (TypeError, ValueError) as error:
        assert str(error), "an error without a message"
        return None
    values = result.select_dtypes("number") if isinstance(result, pd.DataFrame) else result
    array = np.asarray(values, dtype=float)
    assert np.isfinite(array).all(), f"non-finite result without an error: {result!r}"
    return result


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from("ABC"), st.sampled_from("xyz"), cells), max_size=8))
def test_cluster_measures_on_malformed_long_tables(rows):
    table = pd.DataFrame(rows, columns=["region", "industry", "n"])
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        matrix = _clear_or_finite(
            lambda: clusternet.long_to_matrix(table, "region", "industry", "n")
        )
        if matrix is not None:
            _clear_or_finite(lambda: clusternet.location_quotient(matrix))


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 3), cells), max_size=8))
def test_ensemble_summaries_on_malformed_frames(rows):
    frame = pd.DataFrame(rows, columns=["group", "value"])
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        _clear_or_finite(lambda: ensemble_mean_ci(frame, "value", "group"))


@SETTINGS
@given(
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=12),
    st.booleans(),
)
def test_network_measures_on_arbitrary_small_graphs(edges, directed):
    graph = (nx.DiGraph if directed else nx.Graph)(edges)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the documented sigma warning
        if directed:
            _clear_or_finite(lambda: clusternet.krackhardt_lub(graph))
            _clear_or_finite(lambda: clusternet.krackhardt_hierarchy(graph))
        else:
            _clear_or_finite(lambda: clusternet.freeman_centralisation(graph, "degree"))
            _clear_or_finite(lambda: clusternet.small_world_sigma(graph, draws=2, seed=0).q)


def test_ensemble_mean_ci_names_an_overflowing_interval():
    """Found by the property test below: values near 1e160 overflow the variance."""
    frame = pd.DataFrame({"group": [0, 0, 0, 0], "value": [0.0, 0.0, 0.0, 1e160]})
    with pytest.raises(ValueError, match="too large for a mean and interval"):
        ensemble_mean_ci(frame, "value", "group")
