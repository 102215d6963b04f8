"""Entries read lazily (``lazy_entries``): a packed list's entries are the list's
entries, read one by one; several lists' entries are one sequence."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from sanctions_cli.lazy_entries import ChainedEntries, PackedEntries, entries_of
from sanctions_cli.listfile import bundled_list_paths, load_list_file
from sanctions_cli.loading import load_yaml_list
from sanctions_cli.model import Alias, Entry, Listing, SanctionsList

LISTING = (Listing(authority="Test authority", list="Test list", program="P"),)
ENTRIES = tuple(
    Entry(f"E{i}", "person", f"Name {i}", (Alias(f"Alias {i}", "weak"),), LISTING) for i in range(5)
)


def test_packed_entries_are_the_entries() -> None:
    packed = PackedEntries.pack(ENTRIES)
    assert len(packed) == 5
    assert packed == ENTRIES
    assert ENTRIES.__eq__(packed) is NotImplemented  # Python then asks packed
    assert (ENTRIES == packed) is True  # noqa: SIM300 - the reflected comparison
    assert packed[0] == ENTRIES[0] and packed[-1] == ENTRIES[-1]
    assert packed[1:3] == ENTRIES[1:3]
    assert list(packed) == list(ENTRIES)
    assert packed != ENTRIES[:4]
    assert hash(packed) == hash(ENTRIES)
    with pytest.raises(IndexError):
        packed[5]


def test_an_entry_is_unpickled_once_and_only_when_read() -> None:
    packed = PackedEntries.pack(ENTRIES)
    first = packed[2]
    assert packed._read.keys() == {2}
    assert packed[2] is first


def test_packed_entries_pickle_as_their_blob() -> None:
    packed = PackedEntries.pack(ENTRIES)
    packed[0]
    restored = pickle.loads(pickle.dumps(packed))
    assert isinstance(restored, PackedEntries)
    assert restored._read == {}
    assert restored == ENTRIES


def test_chained_entries_index_across_lists() -> None:
    chained = ChainedEntries([ENTRIES[:2], (), ENTRIES[2:]])
    assert len(chained) == 5
    assert [chained[i] for i in range(5)] == list(ENTRIES)
    assert chained[-1] == ENTRIES[-1] and chained[1:4] == ENTRIES[1:4]
    assert list(chained) == list(ENTRIES)
    with pytest.raises(IndexError):
        chained[5]


def test_entries_of_one_list_are_its_own() -> None:
    lst = SanctionsList(load_list_file(bundled_list_paths()[0]).meta, ENTRIES, "hash")
    assert entries_of([lst]) is ENTRIES
    assert list(entries_of([lst, lst])) == list(ENTRIES) * 2


def test_a_list_from_the_cache_reads_no_entry_until_asked(tmp_path: Path) -> None:
    copy = tmp_path / "list.yaml"
    shutil.copy(bundled_list_paths()[0], copy)
    parsed = load_yaml_list(copy)  # parsed, then cached
    restored = load_yaml_list(copy)  # from the cache
    assert isinstance(restored.entries, PackedEntries)
    assert restored.entries._read == {}
    assert restored.entries[-1] == parsed.entries[-1]
    assert restored.entries._read.keys() == {len(parsed.entries) - 1}
    assert restored == parsed


def test_chained_entries_compare_as_their_entries() -> None:
    chained = ChainedEntries([ENTRIES[:2], PackedEntries.pack(ENTRIES[2:])])
    assert chained == ENTRIES
    assert chained != ENTRIES[1:]
