"""Real processes and pipes: the installed ``sanctions`` command in a shell pipeline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parent.parent / "examples" / "payments.csv"


def sanctions_command() -> str:
    found = shutil.which("sanctions") or str(Path(sys.executable).parent / "sanctions")
    if not Path(found).exists():
        pytest.skip("the sanctions console script is not installed")
    return found


def shell(command: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SANCTIONS=sanctions_command(), EXAMPLE=str(EXAMPLE))
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=tmp_path,  # away from the checkout: the installed package and its bundled lists
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cat_into_screen_into_cut(tmp_path: Path) -> None:
    result = shell(
        'cat "$EXAMPLE" | "$SANCTIONS" screen - --as-of 2018-01-31 --format csv | cut -d, -f1 | sort -u',
        tmp_path,
    )
    # pipefail: the pipeline's status is the screener's exit code 1 (hits).
    assert result.returncode == 1, result.stderr
    ids = result.stdout.split()
    assert "P-1001" in ids and "P-1012" in ids and "P-1022" in ids
    assert "P-1005" not in ids and "P-1007" not in ids
    assert "rows screened" in result.stderr


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    rows = EXAMPLE.read_text(encoding="utf-8").splitlines()
    big.write_text("\n".join([rows[0], *rows[1:] * 300]) + "\n", encoding="utf-8")
    result = shell(f'"$SANCTIONS" screen {big} --as-of 2018-01-31 -q | head -n 2', tmp_path)
    assert result.stdout.count("\n") == 2
    assert "Traceback" not in result.stderr
    assert "Broken pipe" not in result.stderr
    assert result.returncode in (0, 1)


def test_python_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sanctions_cli",
            "check",
            "Jong-Sik Kim",
            "--as-of",
            "2018-01-05",
            "-f",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert '"kim-jong-sik"' in result.stdout
