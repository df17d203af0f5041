"""The ``clusternet`` command: data path, a copy to edit, the list of data sets."""

from __future__ import annotations

import pytest

from clusternet import data
from clusternet.cli import main


def test_data_path_prints_the_folder_the_chapters_read(capsys):
    assert main(["data", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(data.data_dir())


def test_data_copy_copies_the_data_and_refuses_a_folder_with_files(tmp_path, capsys):
    target = tmp_path / "mine"
    assert main(["data", "copy", str(target)]) == 0
    assert (target / "README.md").read_bytes() == (data.data_dir() / "README.md").read_bytes()
    assert main(["data", "copy", str(target)]) == 2
    assert "is not empty" in capsys.readouterr().err


def test_data_list_names_every_documented_data_set(capsys):
    assert main(["data", "list"]) == 0
    listed = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == sorted(data.list_datasets())


def test_a_missing_data_folder_is_an_error_naming_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLUSTERNET_DATA", str(tmp_path / "nowhere"))
    assert main(["data", "path"]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_the_command_requires_an_action():
    with pytest.raises(SystemExit):
        main(["data"])
