"""The single place the report's and the package's version is written."""

__version__ = "0.1.0"
