"""Shared fixtures: an isolated cache directory and the bundled lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from sanctions_cli.loading import load_lists
from sanctions_cli.matching import NameMatcher
from sanctions_cli.model import Entry, Listing
from sanctions_cli.screening import Screener

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    monkeypatch.setenv("SANCTIONS_CLI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("SANCTIONS_CLI_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    yield


@pytest.fixture(scope="session")
def bundled_screener() -> Screener:
    return Screener(load_lists())


SearchCheck = Callable[[Iterable[str], Iterable[str], float], NameMatcher]


@pytest.fixture
def search_equals_brute_force() -> SearchCheck:
    """A check that the index finds, for each query at the threshold, exactly the hits
    of scoring every listed name (persons named ``listed``); it returns the matcher."""

    def check(listed: Iterable[str], queries: Iterable[str], threshold: float) -> NameMatcher:
        listing = (Listing(authority="Test authority", list="Test list"),)
        matcher = NameMatcher(
            [Entry(f"E{i}", "person", name, (), listing) for i, name in enumerate(listed)]
        )
        for query in queries:
            indexed = matcher.search(query, threshold)
            brute = matcher.search_brute_force(query, threshold)
            assert [(h.ref.name, h.match.score) for h in indexed] == [
                (h.ref.name, h.match.score) for h in brute
            ], query
        return matcher

    return check
