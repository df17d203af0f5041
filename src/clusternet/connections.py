"""Helpers for the connections chapter (to be written)."""

__all__: list[str] = []
