"""How long it takes to get the real lists ready to screen: import, parse, cache.

Reads the official files under ``../shared/data/lists`` (says so and exits 0 when
they are absent) and prints, for the full OFAC SDN CSV set and the UN XML:

- the import (conversion) of each official file, cold;
- the parse of the converted OFAC YAML with libyaml, cold;
- ``load_lists`` of OFAC + UN with a warm cache (the second run);
- a ``Screener`` ready to screen (lists + matcher) with a warm cache;
- the wall time of the ``sanctions check`` command, warm, in a subprocess.

Usage: python benchmarks/bench_load.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "lists"
OFAC = SHARED / "ofac-sdn-2023-12-28"
UN = SHARED / "un-consolidated-2026-02-27" / "UN_consolidated.xml"
REPEATS = 3

T = TypeVar("T")


def best_of(func: Callable[[], T], repeats: int = REPEATS) -> tuple[float, T]:
    best = float("inf")
    result: T | None = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to measure (the benchmark needs the real lists).")
        return 0
    cache_dir = tempfile.mkdtemp(prefix="sanctions-bench-cache-")
    os.environ["SANCTIONS_CLI_CACHE_DIR"] = cache_dir
    warnings.simplefilter("ignore")

    from sanctions_cli.importers import import_files
    from sanctions_cli.listfile import dump_list, parse_list_bytes
    from sanctions_cli.loading import load_lists
    from sanctions_cli.screening import Screener

    rows: list[tuple[str, float, str]] = []
    seconds, ofac = best_of(lambda: import_files("ofac-csv", [OFAC]))
    rows.append(("import OFAC SDN CSV set (cold)", seconds, f"{len(ofac.entries)} entries"))
    seconds, un = best_of(lambda: import_files("un-xml", [UN]))
    rows.append(("import UN XML (cold)", seconds, f"{len(un.entries)} entries"))
    yaml_bytes = dump_list(ofac).encode()
    seconds, _ = best_of(lambda: parse_list_bytes(yaml_bytes, "ofac.yaml"), repeats=1)
    rows.append(
        ("parse converted OFAC YAML (cold, libyaml)", seconds, f"{len(yaml_bytes) / 1e6:.1f} MB")
    )

    paths = [str(OFAC), str(UN)]
    load_lists(paths)  # first run: fills the cache
    seconds, lists = best_of(lambda: load_lists(paths))
    names = sum(x.name_count for x in lists)
    entries = sum(len(x.entries) for x in lists)
    rows.append(("load OFAC + UN (warm cache)", seconds, f"{entries} entries, {names} names"))
    Screener(lists)  # first run: builds and caches the matcher where the matcher caches
    seconds, _ = best_of(lambda: Screener(load_lists(paths)))
    rows.append(("lists + matcher ready to screen (warm)", seconds, ""))

    command = [sys.executable, "-m", "sanctions_cli", "check", "Kim Jong Sik", "-f", "jsonl"]
    for path in paths:
        command += ["--list", path]
    subprocess.run(command, capture_output=True, check=False)

    def run_check() -> int:
        return subprocess.run(command, capture_output=True, check=False).returncode

    seconds, code = best_of(run_check)
    rows.append(("`sanctions check NAME` process (warm)", seconds, f"exit {code}"))

    width = max(len(r[0]) for r in rows)
    print(f"{'step':<{width}}  {'seconds':>8}  notes")
    for label, secs, note in rows:
        print(f"{label:<{width}}  {secs:8.3f}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
