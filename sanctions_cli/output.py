"""Machine-readable output: CSV and JSON Lines records of hits, and atomic files.

One record per hit: a row that matches two entries (or in two columns) gives two
records, each with the original columns, the input row number and the match
columns, so a downstream tool never has to split cells.  ``AtomicOutput`` writes
to a temporary file beside the target and renames it only on success, so an
error or Ctrl-C never leaves a half-written report.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from .clearances import ClearedHit
from .listfile import listing_to_dict
from .model import Hit, Listing
from .screening import RowResult

# Columns added to the original ones in CSV output, in this order.
HIT_COLUMNS = (
    "hit_row",
    "hit_column",
    "hit_value",
    "hit_score",
    "hit_entry_id",
    "hit_entry_type",
    "hit_listed_name",
    "hit_matched_name",
    "hit_matched_strength",
    "hit_authorities",
    "hit_lists",
    "hit_programs",
    "hit_references",
    "hit_listing_dates",
    "hit_as_of",
    "hit_lists_hash",
)
# Separator inside one CSV cell holding several listings: "|" does not occur in
# authority names, programs or references of the official lists.
MULTI_SEPARATOR = "|"


def _unique(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def listing_record(listing: Listing) -> dict[str, Any]:
    """A listing as JSON-ready data: the list file's fields, dates as ISO strings."""
    return {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in listing_to_dict(listing).items()
    }


def hit_columns(hit: Hit, row_number: int | None, lists_hash: str) -> dict[str, str]:
    """The match columns of one hit, as CSV cell strings."""
    listings = hit.listings
    return {
        "hit_row": "" if row_number is None else str(row_number),
        "hit_column": hit.column or "",
        "hit_value": hit.query,
        "hit_score": f"{hit.score:.1f}",
        "hit_entry_id": hit.entry.id,
        "hit_entry_type": hit.entry.type,
        "hit_listed_name": hit.entry.name,
        "hit_matched_name": hit.matched_name,
        "hit_matched_strength": hit.matched_strength,
        "hit_authorities": MULTI_SEPARATOR.join(_unique([x.authority for x in listings])),
        "hit_lists": MULTI_SEPARATOR.join(_unique([x.list for x in listings])),
        "hit_programs": MULTI_SEPARATOR.join(_unique([x.program or "" for x in listings])),
        "hit_references": MULTI_SEPARATOR.join(_unique([x.reference or "" for x in listings])),
        "hit_listing_dates": MULTI_SEPARATOR.join(
            x.listed_on.isoformat() if x.listed_on else "" for x in listings
        ),
        "hit_as_of": hit.as_of.isoformat(),
        "hit_lists_hash": lists_hash,
    }


def hit_record(hit: Hit, lists_hash: str) -> dict[str, Any]:
    """A hit as a JSON-ready dict, with its full explanation."""
    match = hit.match
    return {
        "column": hit.column,
        "value": hit.query,
        "score": hit.score,
        "entry": {
            "id": hit.entry.id,
            "type": hit.entry.type,
            "name": hit.entry.name,
            "birth_dates": [d.text for d in hit.entry.birth_dates],
            "nationalities": list(hit.entry.nationalities),
            "position": hit.entry.position,
        },
        "matched_name": hit.matched_name,
        "matched_strength": hit.matched_strength,
        "matched_is_primary": hit.matched_is_primary,
        "listings": [listing_record(x) for x in hit.listings],
        "as_of": hit.as_of.isoformat(),
        "explanation": {
            "query_normalised": match.query_normalised,
            "candidate_normalised": match.candidate_normalised,
            "pairs": [
                {"query": p.query, "candidate": p.candidate, "score": p.score} for p in match.pairs
            ],
            "adjustments": [
                {"reason": a.reason, "detail": a.detail, "delta": a.delta}
                for a in match.adjustments
            ],
            "score": match.score,
        },
        "lists_hash": lists_hash,
    }


class CsvHitWriter:
    """Writes one CSV record per hit: original columns, then ``HIT_COLUMNS``."""

    def __init__(self, stream: TextIO, header: Sequence[str], lists_hash: str) -> None:
        self._lists_hash = lists_hash
        self.header = list(header)
        clashes = set(self.header) & set(HIT_COLUMNS)
        self._hit_names = {c: (f"{c}_" if c in clashes else c) for c in HIT_COLUMNS}
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(self.header + [self._hit_names[c] for c in HIT_COLUMNS])

    def write(self, result: RowResult) -> int:
        original = [result.row.get(c, "") for c in self.header]
        for hit in result.hits:
            columns = hit_columns(hit, result.row_number, self._lists_hash)
            self._writer.writerow(original + [columns[c] for c in HIT_COLUMNS])
        return len(result.hits)


# Columns of the report of hits that clearances took away (``ClearedHitWriter``):
# the screened file, the hit as the CSV output gives it, and the clearance.
CLEARED_COLUMNS = (
    "hit_source",
    *HIT_COLUMNS,
    "cleared_value",
    "cleared_entry_id",
    "cleared_matched_name",
    "cleared_expires",
)


class ClearedHitWriter:
    """Writes one CSV record per hit a clearance took away (``CLEARED_COLUMNS``): the
    audit trail of what a run did not report, and why."""

    def __init__(self, stream: TextIO, lists_hash: str) -> None:
        self._lists_hash = lists_hash
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(CLEARED_COLUMNS)
        self.count = 0

    def write(self, cleared: ClearedHit) -> None:
        clearance = cleared.clearance
        record = {
            "hit_source": cleared.source,
            **hit_columns(cleared.hit, cleared.row, self._lists_hash),
            "cleared_value": clearance.value,
            "cleared_entry_id": clearance.entry_id,
            "cleared_matched_name": clearance.matched_name or "",
            "cleared_expires": clearance.expires.isoformat() if clearance.expires else "",
        }
        self._writer.writerow([record[c] for c in CLEARED_COLUMNS])
        self.count += 1


class JsonlHitWriter:
    """Writes one JSON object per hit: row number, original record and the explained hit."""

    def __init__(self, stream: TextIO, lists_hash: str, source: str = "") -> None:
        self._stream = stream
        self._lists_hash = lists_hash
        self._source = source

    def write(self, result: RowResult) -> int:
        for hit in result.hits:
            record = {
                "source": self._source,
                "row": result.row_number,
                "record": dict(result.row),
                "hit": hit_record(hit, self._lists_hash),
            }
            self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(result.hits)


class AtomicOutput:
    """A text file written to a temporary name and renamed into place on success.

    ``-`` (or no path) means stdout, written directly.
    """

    def __init__(self, path: str | None) -> None:
        self.path = None if path is None or path == "-" else Path(path)
        self._tmp: Path | None = None
        self.stream: TextIO = sys.stdout

    def __enter__(self) -> TextIO:
        if self.path is None:
            return sys.stdout
        directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        self._tmp = Path(tmp)
        self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self.stream

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.path is None or self._tmp is None:
            return
        self.stream.close()
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            self._tmp.unlink(missing_ok=True)
