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
