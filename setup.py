"""Build hook: ship the report's data folder inside the package.

``pip install`` of the source archive (or of a wheel built from it) copies ``data/`` into
``clusternet/_data`` so the chapters run from a plain install, with no checkout and no
network; ``clusternet.data.data_dir`` finds it there when no checkout is present.
Everything else is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithData(build_py):
    """``build_py`` that also copies ``data/`` to ``clusternet/_data`` in the build."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads data/ from the checkout itself
        source = HERE / "data"
        if not source.is_dir():
            raise FileNotFoundError(f"cannot build clusternet: the data folder {source} is missing")
        target = Path(self.build_lib) / "clusternet" / "_data"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": BuildWithData})
