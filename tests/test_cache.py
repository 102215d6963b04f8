"""The on-disk cache: round trips, misses on corrupt entries, bounded size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sanctions_cli import cache


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    return tmp_path


def test_round_trip_and_corrupt_entry_is_a_miss(cache_home: Path) -> None:
    cache.store("thing", "k1", {"a": [1, 2]})
    assert cache.load("thing", "k1") == {"a": [1, 2]}
    assert cache.load("thing", "other") is None
    next(cache_home.glob("thing-*k1.pickle")).write_bytes(b"not a pickle")
    assert cache.load("thing", "k1") is None


def test_only_the_most_recently_used_entries_are_kept(cache_home: Path) -> None:
    for number in range(cache.KEEP_PER_KIND):
        cache.store("thing", f"k{number}", number)
        os.utime(next(cache_home.glob(f"thing-*-k{number}.pickle")), (number, number))
    assert cache.load("thing", "k0") == 0  # used: now the most recent
    cache.store("thing", "new", "new")
    cache.store("other", "x", 1)  # another kind is counted apart
    kept = {p.name.rsplit("-", 1)[1] for p in cache_home.glob("thing-*.pickle")}
    assert len(kept) == cache.KEEP_PER_KIND
    assert "k0.pickle" in kept and "new.pickle" in kept and "k1.pickle" not in kept
    assert cache.load("other", "x") == 1


def test_a_caller_may_keep_fewer_entries(cache_home: Path) -> None:
    for number in range(4):
        cache.store("big", f"k{number}", number, keep=2)
        os.utime(next(cache_home.glob(f"big-*-k{number}.pickle")), (number, number))
    cache.store("big", "last", "last", keep=2)
    kept = sorted(p.name.rsplit("-", 1)[1] for p in cache_home.glob("big-*.pickle"))
    assert kept == ["k3.pickle", "last.pickle"]


def test_arrays_are_mapped_from_the_file_and_a_truncated_entry_is_a_miss(
    cache_home: Path,
) -> None:
    import numpy as np

    value = {"small": np.arange(3, dtype=np.int8), "big": np.arange(10_000, dtype=np.float64)}
    cache.store("arrays", "k", value)
    loaded = cache.load("arrays", "k")
    assert loaded is not None
    for name, array in value.items():
        assert loaded[name].dtype == array.dtype and (loaded[name] == array).all()
        assert not loaded[name].flags.writeable  # a read-only view of the file
        assert loaded[name].ctypes.data % cache.ALIGNMENT == 0
    path = next(cache_home.glob("arrays-*k.pickle"))
    data = path.read_bytes()
    for size in (0, 10, len(data) // 2, len(data) - 1):
        path.write_bytes(data[:size])
        assert cache.load("arrays", "k") is None
    path.write_bytes(b"X" + data[1:])  # not our header
    assert cache.load("arrays", "k") is None


def test_the_command_line_freezes_what_it_loads(cache_home: Path) -> None:
    import gc

    cache.store("thing", "k", [{"a": 1}])
    assert cache.load("thing", "k") == [{"a": 1}]
    assert gc.get_freeze_count() == 0  # the library leaves the collector alone
    cache.freeze_loaded()
    try:
        loaded = cache.load("thing", "k")
        assert loaded == [{"a": 1}] and gc.get_freeze_count() > 0
    finally:
        cache.freeze_loaded(False)
        gc.unfreeze()


def test_a_cached_list_brings_the_digest_of_its_names(
    cache_home: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import dataclasses
    import shutil

    from sanctions_cli.listfile import bundled_list_paths, names_digest
    from sanctions_cli.loading import load_yaml_list
    from sanctions_cli.matching import lists_key

    copy = tmp_path_factory.mktemp("lists") / "list.yaml"
    shutil.copy(bundled_list_paths()[0], copy)
    parsed = load_yaml_list(copy)  # parsed, then cached with its digest
    restored = load_yaml_list(copy)  # from the cache
    assert restored.names_digest == parsed.names_digest == names_digest(parsed.entries)
    # Another list of the same entries but one: its own digest, another matcher key.
    fewer = dataclasses.replace(restored, entries=restored.entries[1:])
    assert fewer.names_digest is None
    assert lists_key([fewer]) != lists_key([restored]) == lists_key([parsed])
    assert fewer.names_digest == names_digest(restored.entries[1:])


def test_an_imported_list_is_not_reused_by_other_importer_code(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sanctions_cli import importers, loading

    source = Path(__file__).parent / "fixtures" / "un_xml" / "consolidated.xml"
    calls: list[object] = []
    real = importers.import_files

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importers, "import_files", counting)
    first = loading.load_official_list(source, "un-xml")
    again = loading.load_official_list(source, "un-xml")
    assert len(calls) == 1 and again.entries == first.entries
    # Another release: the importers' source differs, so the cached import is not read.
    monkeypatch.setattr(cache, "source_digest", lambda patterns: "another release")
    loading.load_official_list(source, "un-xml")
    assert len(calls) == 2


def test_the_source_digest_covers_the_importers() -> None:
    with_importers = cache.source_digest(("listfile.py", "importers/*.py"))
    assert with_importers != cache.source_digest(("listfile.py",))
    assert len(with_importers) == 64
