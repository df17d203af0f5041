"""Shared pytest configuration."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
HTML = BUILD / "html"

os.environ.setdefault("MPLBACKEND", "Agg")


def expected_numbers(chapter: str) -> dict[str, tuple[float, float]]:
    """Pinned values of a chapter's numbers, from ``tests/expected/<chapter>.csv``."""
    import csv

    with open(ROOT / "tests" / "expected" / f"{chapter}.csv", encoding="utf-8") as handle:
        return {
            row["name"]: (float(row["expected"]), float(row["tolerance"]))
            for row in csv.DictReader(handle)
        }


def check_key_results(module, chapter: str) -> dict[str, float]:
    """Assert a topic's ``key_results()`` equal the chapter's pinned values; return them.

    Every result must be finite, pinned, and within the pinned tolerance (relative, with an
    absolute floor of the same size for numbers near zero).
    """
    import math

    results = module.key_results()
    expected = expected_numbers(chapter)
    unpinned = sorted(set(results) - set(expected))
    assert not unpinned, (
        f"key_results() of {chapter} has numbers without an expected value: {unpinned}"
    )
    for name, value in results.items():
        target, tolerance = expected[name]
        assert math.isfinite(value), name
        assert math.isclose(value, target, rel_tol=tolerance, abs_tol=tolerance), (
            f"{name}: {value!r} != {target!r}"
        )
    return results


def require_current_site() -> None:
    """Fail unless ``_build/html`` was built successfully from the current sources.

    ``make rebuild`` removes ``_build/html/.build-fingerprint`` before building and writes it
    only after a successful build; a failed build therefore leaves no fingerprint, and an
    edit to a chapter, the package or the data folder after the build changes the expected
    one. Either way the post-build and browser tests refuse the stale site.
    """
    import pytest

    from clusternet.book.fingerprint import SITE_FINGERPRINT, fingerprint

    if not (HTML / "index.html").is_file():
        pytest.fail("no built site in _build/html: run `make book` first")
    written = HTML / SITE_FINGERPRINT
    if not written.is_file():
        pytest.fail(
            "_build/html has no build fingerprint: the last build failed or was not made by "
            "`make book`/`make rebuild`; rebuild before testing the site"
        )
    if written.read_text(encoding="utf-8").strip() != fingerprint(ROOT, "site"):
        pytest.fail(
            "_build/html was built from other sources than the current ones (a chapter, the "
            "package, the data or the configuration changed since): run `make rebuild`"
        )
