"""What a reader downloads to re-run the report: chapter notebooks and the source archive.

Marked ``build``: reads the built site. The last test installs the source archive the site
offers into a folder outside the repository and executes two downloaded notebooks there,
as a reader with a plain download would (``pip install``, then ``jupyter execute``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import nbformat
import pytest

import clusternet
from clusternet.book.downloads import archive_name
from clusternet.book.release import diff_key_numbers, read_record, record_path

from .conftest import HTML, ROOT, require_current_site
from .test_build import toc_files

pytestmark = pytest.mark.build

ROLE = re.compile(r"\{[a-z][a-z:-]*\}`")
RUN_OUTSIDE = ["chapters/briefing", "chapters/why-clusters-form"]


@pytest.fixture(scope="module", autouse=True)
def _site():
    require_current_site()


def chapters_with_code() -> list[str]:
    return [name for name in toc_files() if "{code-cell}" in (ROOT / f"{name}.md").read_text()]


def test_every_chapter_with_code_offers_its_notebook():
    names = chapters_with_code()
    assert len(names) >= 10
    for name in names:
        page = (HTML / f"{name}.html").read_text(encoding="utf-8")
        link = f"_sources/{name}.ipynb"
        assert link in page, f"{name}.html does not offer {link}"
        notebook = nbformat.read(HTML / link, as_version=4)
        nbformat.validate(notebook)
        prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
        assert not ROLE.search(prose), f"{link} keeps a Sphinx role: {ROLE.search(prose)}"
        assert not re.search(r"^\([\w.:-]+\)=", prose, re.M), f"{link} keeps a label line"
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
        assert clusternet.__version__ in notebook.cells[0].source


def test_a_notebook_carries_the_numbers_the_page_shows():
    glue = json.loads((ROOT / "_build/jupyter_execute/chapters/briefing.glue.json").read_text())
    notebook = nbformat.read(HTML / "_sources/chapters/briefing.ipynb", as_version=4)
    prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    page = (HTML / "chapters/briefing.html").read_text(encoding="utf-8")
    source = (ROOT / "chapters/briefing.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\{glue(?::text)?\}`([\w]+)", source))
    assert len(used) >= 10
    for name in used:
        text = glue[name]["data"]["text/plain"]
        assert text in prose, f"glued {name}={text!r} missing from the briefing notebook"
        assert text in page.replace("&#x2212;", "\u2212"), f"{name}={text!r} not on the page"


def test_every_page_footer_names_version_date_and_commit():
    for name in toc_files():
        page = (HTML / f"{name}.html").read_text(encoding="utf-8")
        found = re.search(r"version ([\w.]+), built (\d{4}-\d\d-\d\d) from commit (\w+)", page)
        assert found, f"{name}.html: footer lacks version, build date or commit"
        assert found[1] == clusternet.__version__
        assert "@VERSION@" not in page


def test_the_source_archive_holds_the_project_and_no_build_products():
    archive = HTML / "_downloads" / archive_name(clusternet.__version__)
    assert archive.is_file(), f"the build did not write {archive}"
    with tarfile.open(archive) as handle:
        names = handle.getnames()
    top = archive.name.removesuffix(".tar.gz")
    for needed in ["pyproject.toml", "setup.py", "Makefile", "_config.yml", "data/README.md"]:
        assert f"{top}/{needed}" in names, f"{needed} missing from the source archive"
    assert f"{top}/BUILD-INFO.json" in names
    assert not [n for n in names if re.search(r"/(\.venv|_build|\.git)/", n)]


def _run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stderr[-3000:]}"
    return result


def test_downloaded_notebooks_run_outside_the_repository_from_the_archive(tmp_path):
    archive = HTML / "_downloads" / archive_name(clusternet.__version__)
    site = tmp_path / "site-packages"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
    _run([*pip, "--no-build-isolation", "--target", str(site), str(archive)], cwd=tmp_path)
    assert (site / "clusternet" / "_data" / "README.md").is_file(), "the data were not packed"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERNET_")}
    env["PYTHONPATH"] = str(site)
    jupyter = Path(sys.executable).with_name("jupyter")
    for name in RUN_OUTSIDE:
        notebook = nbformat.read(HTML / f"_sources/{name}.ipynb", as_version=4)
        probe = "import clusternet, clusternet.data\nprint(clusternet.__file__)\n"
        notebook.cells.append(
            nbformat.v4.new_code_cell(probe + "print(clusternet.data.data_dir())")
        )
        path = tmp_path / Path(name).with_suffix(".ipynb").name
        nbformat.write(notebook, path)
        _run([str(jupyter), "execute", "--inplace", path.name], cwd=tmp_path, env=env)
        ran = nbformat.read(path, as_version=4)
        errors = [o for c in ran.cells for o in c.get("outputs", []) if o.output_type == "error"]
        assert not errors, f"{name}: {errors[0]['ename']}: {errors[0]['evalue']}"
        printed = ran.cells[-1].outputs[0]["text"].split("\n")
        assert printed[0].startswith(str(site)), f"{name} imported clusternet from {printed[0]}"
        assert printed[1] == str(site / "clusternet" / "_data"), f"{name} read data at {printed[1]}"


def test_the_published_key_numbers_are_those_recorded_for_this_version():
    version = clusternet.__version__
    record = read_record(record_path(version, ROOT / "releases"))
    diff = diff_key_numbers(record, read_record(HTML / "_static" / "key-numbers.csv"))
    example = (diff.changed + diff.added + diff.removed)[:3]
    assert diff.empty, (
        f"published key numbers differ from the record of version {version} "
        f"({len(diff.changed)} changed, {len(diff.added)} added, {len(diff.removed)} removed; "
        f"e.g. {example}): a new version is due, `make release VERSION=X.Y.Z`"
    )


def test_no_page_keeps_a_build_placeholder():
    for page in HTML.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        left = re.search(r"(@|&#64;)[A-Z_]{4,}(@|&#64;)", text)
        assert not left, f"{page.relative_to(HTML)} keeps {left[0]}"


def test_how_to_cite_gives_apa_bibtex_and_the_metadata_files():
    page = (HTML / "chapters/how-to-cite.html").read_text(encoding="utf-8")
    version = clusternet.__version__
    assert f"(Version {version}) [Report and software]" in page
    assert f"version      = {{{version}}}" in page
    for name in ("CITATION.cff", ".zenodo.json"):
        link = re.search(rf'href="(\.\./_downloads/[0-9a-f]+/{re.escape(name)})"', page)
        assert link, f"how-to-cite does not link {name}"
        assert (HTML / "chapters" / link[1]).resolve().is_file()
