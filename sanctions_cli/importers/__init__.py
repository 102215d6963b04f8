"""Importers: official sanctions publications -> ``SanctionsList`` (placeholder, see below)."""

from ._common import ImportNotice

__all__ = ["ImportNotice"]
