"""Build tooling of the book layer: input fingerprints, stale-site refusal, failure lines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clusternet.book import execute
from clusternet.book.fingerprint import SITE_FINGERPRINT, fingerprint, input_files

from . import conftest
from .conftest import ROOT

BAD_CHAPTER = """---
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A chapter that fails

```{code-cell} ipython3
:tags: [remove-cell]
x = 1
```

```{code-cell} ipython3
---
tags: [hide-input]
---
y = 2
w = undefined_name + y
```
"""


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    (folder / "us-geography").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "us-geography" / "us_states.csv", folder / "us-geography")
    monkeypatch.setenv("CLUSTERNET_DATA", str(folder))
    return folder


def test_fingerprint_follows_the_data_folder_actually_read(data_copy):
    labels = [label for label, _ in input_files(ROOT, "execution")]
    assert "data/us-geography/us_states.csv" in labels
    assert not any(label.startswith("data/us-cbp") for label in labels)  # not ./data
    before = fingerprint(ROOT, "execution")
    states = data_copy / "us-geography" / "us_states.csv"
    states.write_text(states.read_text().replace("Alabama", "Alabamb"))
    assert fingerprint(ROOT, "execution") != before


def test_fingerprint_ignores_build_metadata_and_covers_the_chapters_for_the_site():
    execution = [label for label, _ in input_files(ROOT, "execution")]
    site = [label for label, _ in input_files(ROOT, "site")]
    assert not any(".egg-info" in label or "__pycache__" in label for label in execution)
    assert any(label.startswith("src/") for label in execution)
    assert "chapters/intro.md" in site and "chapters/intro.md" not in execution
    assert "_toc.yml" in site and set(execution) <= set(site)
    render = [label for label, _ in input_files(ROOT, "render")]
    assert "references.bib" in render and "_config.yml" in render
    assert not any(label.startswith(("src/", "data/", "chapters/")) for label in render)
    assert set(render) <= set(site)
    with pytest.raises(ValueError, match="scope"):
        input_files(ROOT, "everything")


def test_tests_refuse_a_missing_or_stale_site(tmp_path, monkeypatch):
    monkeypatch.setattr(conftest, "HTML", tmp_path)
    (tmp_path / "index.html").write_text("<html></html>")
    with pytest.raises(pytest.fail.Exception, match="last build failed"):
        conftest.require_current_site()
    (tmp_path / SITE_FINGERPRINT).write_text("0" * 64)
    with pytest.raises(pytest.fail.Exception, match="other sources"):
        conftest.require_current_site()
    (tmp_path / SITE_FINGERPRINT).write_text(fingerprint(ROOT, "site"))
    conftest.require_current_site()


@pytest.mark.slow
def test_a_failing_chapter_is_named_with_its_md_line(tmp_path, capsys):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "bad.md").write_text(BAD_CHAPTER)
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: chapters/bad\n")
    (tmp_path / "_build").mkdir()
    status = execute.main(["--root", str(tmp_path), "--jobs", "1"])
    out = capsys.readouterr().out
    line = BAD_CHAPTER.splitlines().index("w = undefined_name + y") + 1
    assert status == 1
    assert f"bad.md, line {line}: NameError: name 'undefined_name' is not defined" in out
    assert "the book is not built" in out


def test_toc_files_lists_sections_after_their_chapter_in_toc_order(tmp_path):
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nparts:\n"
        "  - caption: One\n    chapters:\n      - file: a\n"
        "        sections:\n          - file: a1\n            sections:\n"
        "              - file: a1x\n          - file: a2\n      - file: b\n"
        "  - caption: Two\n    chapters:\n      - file: c\n"
    )
    assert execute.toc_files(tmp_path) == ["intro", "a", "a1", "a1x", "a2", "b", "c"]


def test_toc_files_of_the_book_include_every_api_page():
    files = execute.toc_files(ROOT)
    assert len(files) == len(set(files))
    api = files.index("chapters/api")
    assert files[api + 1 : api + 6] == [f"chapters/api-{name}" for name in
        ("clusters", "networks", "pipelines", "foundations", "book")]  # fmt: skip


def test_notebooks_that_recompute_every_chapter_start_first():
    order = [path.name for path in map(Path, execute.execution_order(
        [str(p) for p in execute.toc_notebooks(ROOT)]))]  # fmt: skip
    assert order[:2] == ["policy-synthesis.md", "briefing.md"]
    rest = [p.name for p in execute.toc_notebooks(ROOT) if p.name not in order[:2]]
    assert order[2:] == rest  # the others keep toc order
