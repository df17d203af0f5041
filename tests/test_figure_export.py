"""Figure downloads: the plotted values read back from hand-made figures, the kernel's
display formatter, and the files' metadata (clusternet.plotting.plotted_data, .export,
clusternet.sphinx_figures)."""

from __future__ import annotations

import base64
import io
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402
from PIL import Image  # noqa: E402

from clusternet.plotting.export import FIGURE_MIME, figure_bundle, register_figure_formatter  # noqa: E402
from clusternet.plotting.plotted_data import (  # noqa: E402
    extract_plotted_data,
    plotted_data,
    record_plotted_data,
)
from clusternet.sphinx_figures import (  # noqa: E402
    _csv_for_spreadsheets,
    file_stem,
    first_sentence,
    png_with_text,
    svg_with_metadata,
)


@pytest.fixture
def figure():
    fig, ax = plt.subplots(figsize=(4, 3))
    yield fig, ax
    plt.close(fig)


def test_lines_give_their_points_and_skip_reference_lines(figure):
    fig, ax = figure
    ax.plot([1, 2, 3], [10.0, 20.0, 15.0], label="Q")
    ax.axhline(1.0)
    ax.set_xlabel("year")
    ax.set_ylabel("small-world quotient")
    table = extract_plotted_data(fig)
    assert table["y"].tolist() == [10.0, 20.0, 15.0]
    assert table["x"].tolist() == [1.0, 2.0, 3.0]
    assert set(table["series"]) == {"Q"}
    assert set(table["x_axis"]) == {"year"} and set(table["y_axis"]) == {"small-world quotient"}


def test_bars_are_named_by_their_categories(figure):
    fig, ax = figure
    ax.barh(["Aerospace", "Fishing"], [4.5, 2.0])
    table = extract_plotted_data(fig)
    assert dict(zip(table["y"], table["x"], strict=True)) == {"Aerospace": 4.5, "Fishing": 2.0}
    assert set(table["element"]) == {"bar"}


def test_vertical_bars_give_heights(figure):
    fig, ax = figure
    ax.bar(["a", "b", "c"], [3.0, -1.0, 5.0])
    table = extract_plotted_data(fig)
    assert table["x"].tolist() == ["a", "b", "c"]
    assert table["y"].tolist() == [3.0, -1.0, 5.0]


def test_scatter_gives_one_row_per_marker_with_its_colour_value(figure):
    fig, ax = figure
    ax.scatter([0.5, 1.5], [2.0, 3.0], c=[7.0, 9.0])
    table = extract_plotted_data(fig)
    assert table[["x", "y", "value"]].to_numpy().tolist() == [[0.5, 2.0, 7.0], [1.5, 3.0, 9.0]]


def test_heatmap_cells_are_named_by_row_and_column():
    frame = pd.DataFrame([[1.0, 2.0], [3.0, 4.0]], index=["MI", "WA"], columns=["Auto", "Aero"])
    fig, ax = plt.subplots()
    sns.heatmap(frame, ax=ax)
    table = extract_plotted_data(fig)
    plt.close(fig)
    cells = {(row.y, row.x): row.value for row in table.itertuples()}
    assert cells == {
        ("MI", "Auto"): 1.0,
        ("MI", "Aero"): 2.0,
        ("WA", "Auto"): 3.0,
        ("WA", "Aero"): 4.0,
    }


def test_pcolormesh_and_imshow_cells(figure):
    fig, ax = figure
    ax.pcolormesh(np.array([[1.0, 2.0, 3.0]]))
    table = extract_plotted_data(fig)
    assert table["value"].tolist() == [1.0, 2.0, 3.0]
    assert table["x"].tolist() == [0.5, 1.5, 2.5]
    fig2, ax2 = plt.subplots()
    ax2.imshow(np.array([[1.0, 2.0], [3.0, 4.0]]))
    values = extract_plotted_data(fig2).sort_values(["y", "x"])["value"].tolist()
    plt.close(fig2)
    assert values == [1.0, 2.0, 3.0, 4.0]


def test_error_bars_give_both_ends_of_each_interval(figure):
    fig, ax = figure
    ax.errorbar([1.0], [0.0], xerr=[[0.5], [1.0]], fmt="o")
    table = extract_plotted_data(fig)
    assert table.loc[table["element"] == "line point", "x"].tolist() == [1.0]
    ends = table.loc[table["element"].str.startswith("interval"), "x"].tolist()
    assert sorted(ends) == [0.5, 2.0]


def test_panels_are_named_by_their_titles():
    fig, axes = plt.subplots(ncols=2)
    axes[0].plot([0, 1], [0, 1])
    axes[0].set_title("Hierarchy")
    axes[1].plot([0, 1], [1, 0])
    table = extract_plotted_data(fig)
    plt.close(fig)
    assert table["panel"].tolist() == ["Hierarchy", "Hierarchy", "panel 2", "panel 2"]


def test_recorded_data_take_precedence_and_keep_a_named_index(figure):
    fig, ax = figure
    ax.plot([1, 2], [3, 4])
    record_plotted_data(
        ax, pd.Series([4.2], index=pd.Index(["MI"], name="state"), name="lq").to_frame()
    )
    assert plotted_data(fig).to_dict("records") == [{"state": "MI", "lq": 4.2}]
    record_plotted_data(fig, pd.DataFrame({"state": ["WA"], "lq": [3.0]}), panel="second")
    assert len(plotted_data(fig)) == 2


def test_record_refuses_wrong_types(figure):
    fig, ax = figure
    with pytest.raises(TypeError, match="DataFrame"):
        record_plotted_data(ax, [1, 2])
    with pytest.raises(TypeError, match="Figure or Axes"):
        record_plotted_data("fig", pd.DataFrame())


def test_bundle_has_svg_print_png_csv_and_smallest_font(figure):
    fig, ax = figure
    ax.plot([1, 2], [3, 4])
    ax.set_xlabel("year", fontsize=11)
    ax.tick_params(labelsize=8.5)
    bundle = figure_bundle(fig, dpi=100)
    assert bundle["min_font_pt"] == 8.5
    png = Image.open(io.BytesIO(base64.b64decode(bundle["png"])))
    assert png.size[0] == pytest.approx(bundle["width_in"] * 100, abs=1)
    assert 3.5 < bundle["width_in"] < 4.5
    ET.fromstring(bundle["svg"].encode("utf-8"))  # well-formed
    assert pd.read_csv(io.StringIO(bundle["csv"]))["y"].tolist() == [3, 4]
    with pytest.raises(TypeError):
        figure_bundle(ax)


def test_formatter_adds_the_bundle_to_every_displayed_figure(figure):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    assert register_figure_formatter(shell)
    assert register_figure_formatter(shell)  # twice is harmless
    fig, ax = figure
    ax.bar(["x"], [1.0])
    data, _ = shell.display_formatter.format(fig)
    assert data[FIGURE_MIME]["rows"] == 1
    assert data[FIGURE_MIME]["png_dpi"] == 300


def test_file_names_titles_and_spreadsheet_csv():
    assert file_stem("10.2", "fig-Q_series") == "figure-10-2-q-series"
    assert first_sentence("Q by year (1990-2000). Dashed: the mean.") == "Q by year (1990-2000)."
    assert first_sentence("No full stop") == "No full stop"
    data = _csv_for_spreadsheets('state,lq\nMI,"4,2"\n')
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")["lq"].tolist() == ["4,2"]


def test_svg_and_png_carry_title_licence_and_version(figure):
    fig, ax = figure
    ax.plot([1, 2], [3, 4])
    bundle = figure_bundle(fig, dpi=40)
    info = {
        "title": "Figure 1.3. Specialisation <by> state.",
        "description": "Long caption & more.",
        "creator": "authors",
        "date": "2026-12-06",
        "rights": "CC BY 4.0",
        "source": "Report, version 0.1.0",
        "identifier": "Figure 1.3",
    }
    svg = svg_with_metadata(bundle["svg"], info)
    root = ET.fromstring(svg.encode("utf-8"))
    ns = {"svg": "http://www.w3.org/2000/svg", "dc": "http://purl.org/dc/elements/1.1/"}
    assert root.find("svg:title", ns).text == info["title"]
    assert root.find("svg:desc", ns).text == info["description"]
    assert root.find(".//dc:rights", ns).text == "CC BY 4.0"
    assert len(root.findall("svg:metadata", ns)) == 1
    with pytest.raises(ValueError):
        svg_with_metadata("<html/>", info)
    png = png_with_text(
        base64.b64decode(bundle["png"]), {"Title": "Größe", "Copyright": "CC BY 4.0"}
    )
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.text["Title"] == "Größe" and image.text["Copyright"] == "CC BY 4.0"
    with pytest.raises(ValueError):
        png_with_text(b"GIF89a", {})


def test_a_diagram_gives_its_texts(figure):
    fig, ax = figure
    ax.text(0.2, 0.8, "Factor\nconditions")
    ax.set_axis_off()
    table = extract_plotted_data(fig)
    assert table[["x", "y", "text"]].to_dict("records") == [
        {"x": 0.2, "y": 0.8, "text": "Factor conditions"}
    ]
