"""Helpers for the pipelines chapter (to be written)."""

__all__: list[str] = []
