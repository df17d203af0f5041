"""The single place the report's and the package's version and release date are written.

Set by ``make release VERSION=X.Y.Z`` (``clusternet.book.release``), which also updates
``CITATION.cff``, ``.zenodo.json`` and ``CHANGELOG.md``.
"""

__version__ = "0.2.0"
__release_date__ = "2026-12-06"
