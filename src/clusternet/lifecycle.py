"""Helpers for the lifecycle chapter (to be written)."""

__all__: list[str] = []
