"""Shared paths and checks for the importer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions_cli import listfile
from sanctions_cli.model import Entry, SanctionsList

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# The real official files live beside the repository in ../shared/data/lists (absent in
# some checkouts): tests that need them skip cleanly.
SHARED_LISTS = Path(__file__).resolve().parents[3] / "shared" / "data" / "lists"


def assert_round_trips(lst: SanctionsList) -> None:
    """The imported list survives dump -> parse unchanged."""
    back = listfile.parse_list_bytes(listfile.dump_list(lst).encode(), "round-trip")
    assert back.meta == lst.meta
    assert back.entries == lst.entries


def by_id(lst: SanctionsList) -> dict[str, Entry]:
    return {entry.id: entry for entry in lst.entries}


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
