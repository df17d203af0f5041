"""Helpers for the smallworld chapter (to be written)."""

__all__: list[str] = []
