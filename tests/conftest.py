"""Shared fixtures: an isolated cache directory and the bundled lists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctions_cli.loading import load_lists
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
