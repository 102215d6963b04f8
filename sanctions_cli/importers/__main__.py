"""``python -m sanctions_cli.importers``: convert official files and time the conversion.

A plain-argparse tool for checking an importer and measuring it without the CLI; the user-
facing command is ``sanctions lists import``.  It prints the format, entry and alias counts
and the seconds each step took (import, YAML dump, YAML reload) to stderr, and writes the
YAML list to ``-o`` when given.

    python -m sanctions_cli.importers ../shared/data/lists/ofac-sdn-2023-12-28 --round-trip
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

from ..errors import SanctionsError
from ..listfile import dump_list, parse_list_bytes
from . import FORMATS, detect_format, import_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sanctions_cli.importers")
    parser.add_argument("paths", nargs="+", type=Path, help="official list file(s) or folder")
    parser.add_argument("--format", choices=sorted(FORMATS), help="default: detect by content")
    parser.add_argument("-o", "--output", type=Path, help="write the YAML list here")
    parser.add_argument(
        "--round-trip", action="store_true", help="also time dumping and reloading the YAML"
    )
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings(record=True) as notices:
            warnings.simplefilter("always")
            fmt = args.format or detect_format(args.paths)
            started = time.perf_counter()
            lst = import_files(fmt, args.paths)
            imported = time.perf_counter() - started
        for notice in notices:
            print(f"notice: {notice.message}", file=sys.stderr)
        types = Counter(e.type for e in lst.entries)
        strengths = Counter(a.strength for e in lst.entries for a in e.aliases)
        print(
            f"{fmt}: {len(lst.entries)} entries ({dict(types)}), aliases {dict(strengths)}; "
            f"import {imported:.2f} s",
            file=sys.stderr,
        )
        if args.output or args.round_trip:
            started = time.perf_counter()
            text = dump_list(lst)
            dumped = time.perf_counter() - started
            print(f"YAML dump {dumped:.2f} s ({len(text) / 1e6:.1f} MB)", file=sys.stderr)
            if args.round_trip:
                started = time.perf_counter()
                back = parse_list_bytes(text.encode(), "round-trip")
                reloaded = time.perf_counter() - started
                same = back.entries == lst.entries
                print(f"YAML reload {reloaded:.2f} s; equal: {same}", file=sys.stderr)
                if not same:
                    return 1
            if args.output:
                args.output.write_text(text, encoding="utf-8")
    except SanctionsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
