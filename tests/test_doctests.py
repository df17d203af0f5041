"""Every Examples section in the package runs and shows what it claims."""

import doctest
import importlib
import pkgutil

import pytest

import clusternet

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(clusternet.__path__, prefix="clusternet.")
    if not info.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_examples_in_docstrings(name):
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
