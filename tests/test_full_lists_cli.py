"""On the real published lists in ../shared (skipped when they are absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctions_cli.cli import app

LISTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "lists"
pytestmark = pytest.mark.skipif(not LISTS.is_dir(), reason="../shared/data/lists is absent")


def test_diff_ofac_2021_07_against_2023_12_28() -> None:
    result = CliRunner().invoke(
        app,
        ["lists", "diff", str(LISTS / "ofac-sdn-2021-07"), str(LISTS / "ofac-sdn-2023-12-28")],
    )
    assert result.exit_code == 1, result.stderr
    added = [line for line in result.stdout.splitlines() if line.startswith("+ ")]
    removed = [line for line in result.stdout.splitlines() if line.startswith("- ")]
    # 8,976 entries then, 13,821 now: every entry is accounted for exactly once.
    assert 8976 - len(removed) + len(added) == 13821
    assert "5637 added, 792 removed, 737 changed, 7447 unchanged" in result.stderr
