"""Cleared alerts: hits an analyst reviewed and dismissed, kept out of later runs.

An alert an analyst has looked at and found to be someone else (a false positive)
should not come back every night.  A clearance names the screened value and the
list entry, in the columns of the CSV output (``hit_value``, ``hit_entry_id``), so
a reviewed report cut down to its false positives is itself a clearance file.
Optional columns:

* ``hit_matched_name``: the listed name that matched.  When another name of the
  entry matches instead (an alias a list update added), the hit alerts again;
* ``expires`` (YYYY-MM-DD): from that date on the hit alerts again, for periodic
  review;
* any others (``reason``, ``cleared_by``, ``cleared_on`` ...) are the audit trail:
  kept in the file, not read.

Values are compared as written, up to case, Unicode compatibility forms and
spacing: clearing "Anthony Romero" does not clear "Antonio Romero", nor the same
value against another entry.  Clearances only take hits away, and only the hits
they name; every clearance used is counted, so a run says how many hits it
cleared, and each hit taken away can be listed with the clearance that took it
(``ClearedHit``).  Expiry is judged on the screening date (``--as-of``, a row's
date).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .csvinput import open_csv
from .errors import InputError
from .model import Hit

VALUE_COLUMN = "hit_value"
ENTRY_COLUMN = "hit_entry_id"
MATCHED_NAME_COLUMN = "hit_matched_name"
EXPIRES_COLUMN = "expires"
REQUIRED_COLUMNS = (VALUE_COLUMN, ENTRY_COLUMN)


def value_key(text: str) -> str:
    """How a screened value or listed name is compared: Unicode compatibility form,
    case folded, runs of white space as one space, ends trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True, slots=True)
class Clearance:
    """One reviewed hit: ``value`` is not entry ``entry_id`` (through ``matched_name``
    when given), until ``expires`` when given."""

    value: str
    entry_id: str
    matched_name: str | None = None
    expires: dt.date | None = None

    def in_force(self, on: dt.date) -> bool:
        return self.expires is None or on < self.expires


class Clearances:
    """A set of clearances, looked up by screened value and entry."""

    def __init__(self, clearances: Iterable[Clearance] = (), source: str = "") -> None:
        self.source = source
        self._by_key: dict[tuple[str, str], list[Clearance]] = {}
        for clearance in clearances:
            key = (value_key(clearance.value), clearance.entry_id.strip())
            self._by_key.setdefault(key, []).append(clearance)

    def __len__(self) -> int:
        return sum(len(found) for found in self._by_key.values())

    def items(self) -> list[Clearance]:
        """Every clearance."""
        return [c for found in self._by_key.values() for c in found]

    def clears(self, value: str, entry_id: str, matched_name: str, on: dt.date) -> bool:
        """Whether a clearance in force on ``on`` takes away the hit of ``value`` on
        entry ``entry_id`` through its listed name ``matched_name``."""
        return self.clearance_for(value, entry_id, matched_name, on) is not None

    def clearance_for(
        self, value: str, entry_id: str, matched_name: str, on: dt.date
    ) -> Clearance | None:
        """The first clearance (in file order) that ``clears`` the hit, or None."""
        found = self._by_key.get((value_key(value), entry_id))
        if not found:
            return None
        name = value_key(matched_name)
        return next(
            (
                c
                for c in found
                if c.in_force(on) and (c.matched_name is None or value_key(c.matched_name) == name)
            ),
            None,
        )


@dataclass(frozen=True, slots=True)
class ClearedHit:
    """A hit a clearance took away, where it was found: for the audit trail of a run
    (``Screener.on_cleared``; ``sanctions screen --cleared-report``)."""

    source: str  # the screened file ("" for a value checked alone)
    row: int | None  # its row number, as hit_row counts them (None for a value alone)
    hit: Hit
    clearance: Clearance


def load_clearances(path: str | Path) -> Clearances:
    """The clearances of a CSV file (``-``: stdin), or an ``InputError`` naming the
    file, row and field of the first bad one."""
    source = str(path)
    cleared: list[Clearance] = []
    with open_csv(source) as csv_source:
        name = csv_source.name
        header = csv_source.header
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            raise InputError(
                name,
                f"no {', '.join(missing)} column: a clearance file has the columns "
                f"{', '.join(REQUIRED_COLUMNS)} (as the CSV output does)",
                line=1,
            )
        for number, row in enumerate(csv_source.rows(), start=1):
            value = row[VALUE_COLUMN].strip()
            entry_id = row[ENTRY_COLUMN].strip()
            if not value and not entry_id:
                continue  # a blank row of a spreadsheet
            for column, text in ((VALUE_COLUMN, value), (ENTRY_COLUMN, entry_id)):
                if not text:
                    raise InputError(
                        name,
                        "empty (a clearance names a value and an entry)",
                        row=number,
                        field=column,
                    )
            matched = (row.get(MATCHED_NAME_COLUMN) or "").strip() or None
            expires_text = (row.get(EXPIRES_COLUMN) or "").strip()
            expires = None
            if expires_text:
                try:
                    expires = dt.date.fromisoformat(expires_text)
                except ValueError:
                    raise InputError(
                        name,
                        f"not a date (YYYY-MM-DD): {expires_text!r}",
                        row=number,
                        field=EXPIRES_COLUMN,
                    ) from None
            cleared.append(Clearance(value, entry_id, matched, expires))
    return Clearances(cleared, source=name)
