"""Helpers for the hierarchy chapter (to be written)."""

__all__: list[str] = []
