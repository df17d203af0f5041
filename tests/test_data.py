"""Data catalog, loader and sample generators."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

import clusternet
from clusternet import data, samples
from clusternet.data import DatasetSpec, DataValidationError, validate_frame

from .conftest import ROOT


def test_every_catalogued_file_exists_and_validates():
    specs = data.list_datasets()
    assert specs, "the catalog is empty"
    for name, spec in specs.items():
        frame = data.load(name)
        assert len(frame) > 0, f"{name} is empty"
        assert list(frame.columns) == list(spec.columns), (
            f"{name}: column order differs from its spec"
        )


def test_every_data_folder_is_documented():
    folders = sorted(p for p in (ROOT / "data").iterdir() if p.is_dir())
    assert folders
    for folder in folders:
        assert (folder / "README.md").is_file() or (folder / "SOURCE.md").is_file(), (
            f"{folder} has no README.md"
        )
    index = (ROOT / "data" / "README.md").read_text()
    for folder in folders:
        assert f"{folder.name}/" in index, f"data/README.md does not list {folder.name}/"


def test_every_data_file_is_catalogued():
    catalogued = {spec.path for spec in data.list_datasets().values()}
    on_disk = {p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*.csv")}
    assert on_disk <= catalogued, f"CSV files without a spec: {sorted(on_disk - catalogued)}"


def test_real_data_keep_their_licence_beside_them():
    for spec in data.list_datasets().values():
        if spec.kind != "real":
            continue
        folder = (ROOT / "data" / spec.path).parent
        names = [p.name.lower() for p in folder.iterdir()]
        assert any(n.startswith("licen") for n in names), f"{folder} has no licence file"
        assert spec.licence, f"{spec.name} has no licence in its spec"


def test_sample_data_are_reproduced_exactly():
    differing = samples.check_all()
    assert differing == [], f"sample files differ from their generators: {differing}"


def test_sample_files_are_all_catalogued_as_sample():
    specs = {spec.path: spec for spec in data.list_datasets().values()}
    for relative in samples.registry():
        assert relative in specs, f"sample file {relative} has no DatasetSpec"
        assert specs[relative].kind == "sample", (
            f"{relative} is generated but not marked kind='sample'"
        )


def test_unknown_name_lists_known_names():
    with pytest.raises(
        ValueError, match="unknown data set 'nope'; known data sets: .*cbp_state_naics4_2021"
    ):
        data.load("nope")
    with pytest.raises(TypeError):
        data.load(3)


def test_loader_reads_codes_as_text_with_leading_zeros():
    cbp = data.load("cbp_state_naics4_2021")
    assert pd.api.types.is_string_dtype(cbp["Fips"])
    assert "01" in set(cbp["Fips"])
    # published spot checks from SOURCE.md
    row = cbp[(cbp["Fips"] == "53") & (cbp["Naics"] == "3364")].iloc[0]
    assert (row["Establishments"], row["Employees"]) == (114, 66573)
    assert int(cbp["Employees"].sum()) == 127_806_537


def test_environment_variable_points_at_another_data_folder(tmp_path, monkeypatch):
    (tmp_path / "us-geography").mkdir()
    (tmp_path / "us-geography" / "us_states.csv").write_text(
        "fips,abbreviation,name\n01,AL,Alabama\n"
    )
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")
    assert data.data_dir() == tmp_path.resolve()
    assert data.load("us_states")["name"].tolist() == ["Alabama"]
    with pytest.raises(FileNotFoundError, match="cbp_state_naics4_2021"):
        data.load("cbp_state_naics4_2021")
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match="CLUSTERNET_DATA"):
        data.data_dir()


SPEC = DatasetSpec(
    name="toy",
    path="toy.csv",
    description="toy",
    columns={"region": "str", "count": "int", "share": "float"},
    nonnegative=("count",),
    fractions=("share",),
    unique=("region",),
    allowed={"region": ["a", "b"]},
)


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (pd.DataFrame({"region": ["a"], "count": [1]}), "missing column"),
        (
            pd.DataFrame({"region": ["a"], "count": [1], "share": [0.1], "x": [1]}),
            "undocumented column",
        ),
        (pd.DataFrame({"region": ["a"], "count": [-1], "share": [0.1]}), "'count' has 1 negative"),
        (pd.DataFrame({"region": ["a"], "count": [1], "share": [1.5]}), "outside \\[0, 1\\]"),
        (pd.DataFrame({"region": ["c"], "count": [1], "share": [0.5]}), "unknown value"),
        (
            pd.DataFrame({"region": ["a", "a"], "count": [1, 2], "share": [0.5, 0.5]}),
            "must be unique",
        ),
        (pd.DataFrame({"region": ["a"], "count": [1.5], "share": [0.5]}), "must hold integers"),
        (pd.DataFrame({"region": ["a"], "count": [None], "share": [0.5]}), "missing values"),
    ],
)
def test_validate_frame_names_file_column_and_problem(frame, message):
    with pytest.raises(DataValidationError, match=message) as info:
        validate_frame(frame, SPEC, where="data/toy.csv")
    assert "data/toy.csv" in str(info.value)


def test_spec_rejects_unknown_kinds():
    with pytest.raises(ValueError, match="kind"):
        DatasetSpec(name="x", path="x.csv", description="x", columns={}, kind="fake")
    with pytest.raises(ValueError, match="unknown column kinds"):
        DatasetSpec(name="x", path="x.csv", description="x", columns={"a": "text"})


def test_csv_writer_is_canonical(tmp_path):
    frame = pd.DataFrame({"a": [1, 2], "b": [0.1 + 0.2, 1 / 3]})
    path = samples.write_csv(frame, tmp_path / "sub" / "f.csv")
    assert path.read_bytes() == b"a,b\n1,0.3\n2,0.3333333333\n"
    with pytest.raises(TypeError):
        samples.csv_bytes([1, 2])


def test_samples_command_line_check(capsys):
    from clusternet.samples.__main__ import main

    assert main(["--check"]) == 0
    assert "match" in capsys.readouterr().out


def test_version_is_written_in_one_place():
    from clusternet._version import __version__

    assert clusternet.__version__ == __version__
    citation = (ROOT / "CITATION.cff").read_text()
    assert f"version: {__version__}" in citation or f'version: "{__version__}"' in citation
    config = (ROOT / "_config.yml").read_text()
    assert "version @VERSION@" in config and "0.1.0" not in config, (
        "the page footer in _config.yml must take the version from the build (@VERSION@)"
    )


def test_paths_are_resolved_from_the_package_not_the_cwd(tmp_path, monkeypatch):
    monkeypatch.delenv("CLUSTERNET_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert data.dataset_path("us_states") == ROOT / "data" / "us-geography" / "us_states.csv"
    assert Path.cwd() == tmp_path


def test_citation_file_follows_cff_1_2_0():
    import yaml

    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "version", "date-released", "license"):
        assert citation.get(key), f"CITATION.cff lacks {key}"
    assert all("name" in a or "family-names" in a for a in citation["authors"])
    assert citation["type"] in ("software", "dataset")
    assert str(citation["date-released"]) >= "2026-01-01"


def test_na_values_keep_namibia_and_mark_missing_numbers():
    frame = data.load("eu_h2020_participations")
    assert (frame["country"] == "NA").sum() == 11  # Namibia, not a missing value
    assert frame["country"].notna().all()
    assert frame["contribution"].isna().sum() == 13754  # upstream "NA" = not reported
    assert frame["start_year"].dropna().between(2014, 2022).all()


@pytest.mark.parametrize(
    "column, value, message",
    [("type", "XXX", "'type' has unknown value"), ("role", "leader", "'role' has unknown value")],
)
def test_h2020_loader_rejects_unknown_types_and_roles(
    tmp_path, monkeypatch, column, value, message
):
    folder = tmp_path / "eu-h2020"
    folder.mkdir()
    frame = pd.read_csv(
        ROOT / "data" / "eu-h2020" / "h2020.csv.gz", dtype=str, keep_default_na=False, nrows=50
    )
    frame.loc[3, column] = value
    frame.to_csv(folder / "h2020.csv.gz", index=False)
    shutil.copy(ROOT / "data" / "eu-h2020" / "LICENCE.md", folder)
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path))
    monkeypatch.setenv("CLUSTERNET_OWN_DATA", "1")
    with pytest.raises(DataValidationError, match=message):
        data.load("eu_h2020_participations")
