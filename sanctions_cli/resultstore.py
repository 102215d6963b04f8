"""Search results kept between runs: each screened value searched once per list version.

A bank screens a file of payments every night, and most of tomorrow's
counterparties are today's.  A ``ResultStore`` (``sanctions screen
--results-store FILE``) keeps what the search of each distinct screened value
found, so that a later run searches only the values it has not seen: the name
search is nearly all of a run's cost (``README``, Speed), the rows themselves are
cheap.  What is kept is the search's raw outcome, every listed name the value
scored at or above the threshold with its explanation; the checks that depend on
the row (its date, the listings in force, birth dates, countries, identifiers) are
made again on every run, from the row.

A store holds the results of one *key*: the listed names and the matching code
(``matching.lists_key``), the threshold and ``STORE_FORMAT``.  Opened with another
key (the lists were updated, another threshold, a new release) it is emptied
first: a result is never reused against names it was not searched against.  The
key is kept in the file, so ``sanctions screen`` reports how many values came
from the store, and a run stays tied to its lists (the summary's lists hash).

The file is an SQLite database (the standard library's ``sqlite3``: one file,
atomic commits, safe with two runs at once).  A value is kept under a keyed hash
(BLAKE2b of its text, the store's key as the key), not as written: the values that
hit nothing, nearly all of them, are not kept in readable form; a value that hit
keeps its hits, whose explanations hold its normalised form.  Hits are stored as
JSON, never pickled, so a store file shared between users can hold no code.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import UsageError
from .matching import NameHit, NameRef
from .model import STRENGTHS, Adjustment, Match, TokenPair

# Bumped whenever the stored record (``_encode``) changes shape.
STORE_FORMAT = 1

# Values looked up per SQL statement: SQLite allows 32,766 parameters per statement
# (999 before 3.32); 500 keeps every version happy and a statement small.
LOOKUP_BATCH = 500

# Results written per transaction: a commit costs a disk sync, a few thousand
# results are a few hundred kB, and a run stopped early loses at most these.
FLUSH_RESULTS = 2_000

# Seconds a run waits for another run's write to finish before giving up.
BUSY_TIMEOUT = 60.0

# Bytes of a value's keyed hash: 128 bits, no two names of any file collide.
DIGEST_SIZE = 16

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (digest BLOB PRIMARY KEY, hits TEXT NOT NULL) WITHOUT ROWID;
"""


def store_key(lists_key: str, threshold: float) -> str:
    """The key of the results searched against the names of ``lists_key`` (and the
    matching code, see ``matching.lists_key``) at ``threshold``."""
    text = f"{STORE_FORMAT}\x1f{lists_key}\x1f{threshold!r}"
    return hashlib.sha256(text.encode()).hexdigest()


class ResultStore:
    """Search results of screened values under one key, in an SQLite file."""

    def __init__(self, path: str | Path, key: str) -> None:
        self.path = Path(path)
        self.key = key
        self._salt = bytes.fromhex(key)[:DIGEST_SIZE]
        # Whether the file held results of another key, now dropped.
        self.reset = False
        self.found = 0  # values answered by the store, this run
        self.added = 0  # values written to it, this run
        self._pending: dict[bytes, str] = {}
        try:
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as error:
            raise UsageError(f"--results-store {self.path}: cannot open: {error}") from None
        try:
            self._open()
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise UsageError(
                f"--results-store {self.path}: not a results store ({error})"
            ) from None

    def _open(self) -> None:
        db = self._db
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
            if row is None or row[0] != self.key:
                self.reset = db.execute("DELETE FROM results").rowcount > 0
                db.execute("INSERT OR REPLACE INTO meta VALUES ('key', ?)", (self.key,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Write what is pending and close the file."""
        try:
            self.flush()
        finally:
            self._db.close()

    def __len__(self) -> int:
        """Results in the store (pending ones written first)."""
        self.flush()
        return int(self._db.execute("SELECT count(*) FROM results").fetchone()[0])

    def _digest(self, value: str) -> bytes:
        return hashlib.blake2b(
            value.encode("utf-8", "surrogatepass"), digest_size=DIGEST_SIZE, key=self._salt
        ).digest()

    def get_many(self, values: Iterable[str]) -> dict[str, tuple[NameHit, ...]]:
        """The stored results of those ``values`` the store has."""
        by_digest = {self._digest(value): value for value in values}
        found: dict[str, tuple[NameHit, ...]] = {}
        records: list[tuple[bytes, str]] = []
        digests = []
        for digest in by_digest:
            pending = self._pending.get(digest)
            if pending is None:
                digests.append(digest)
            else:
                records.append((digest, pending))
        try:
            for start in range(0, len(digests), LOOKUP_BATCH):
                batch = digests[start : start + LOOKUP_BATCH]
                marks = ",".join("?" * len(batch))
                records += self._db.execute(
                    f"SELECT digest, hits FROM results WHERE digest IN ({marks})", batch
                ).fetchall()
        except sqlite3.Error as error:
            raise self._error(error) from None
        for digest, hits in records:
            try:
                found[by_digest[digest]] = _decode(hits)
            except (ValueError, TypeError) as error:
                raise UsageError(
                    f"--results-store {self.path}: a damaged record ({error}); remove the file"
                ) from None
        self.found += len(found)
        return found

    def put_many(self, results: Iterable[tuple[str, Sequence[NameHit]]]) -> None:
        """Keep the results of searched values (written in batches: ``flush``)."""
        for value, hits in results:
            self._pending[self._digest(value)] = _encode(hits)
            self.added += 1
        if len(self._pending) >= FLUSH_RESULTS:
            self.flush()

    def flush(self) -> None:
        """Write the results kept since the last flush, in one transaction."""
        if not self._pending:
            return
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany(
                    "INSERT OR REPLACE INTO results VALUES (?, ?)", self._pending.items()
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise self._error(error) from None
        self._pending.clear()

    def _error(self, error: sqlite3.Error) -> UsageError:
        return UsageError(f"--results-store {self.path}: {error}")


def _encode(hits: Sequence[NameHit]) -> str:
    """A search's hits as compact JSON: one array per hit."""
    return json.dumps(
        [
            [
                hit.ref.entry_index,
                hit.ref.name,
                hit.ref.strength,
                hit.ref.is_primary,
                hit.match.score,
                hit.match.query_normalised,
                hit.match.candidate_normalised,
                [[p.query, p.candidate, p.score] for p in hit.match.pairs],
                [[a.reason, a.detail, a.delta] for a in hit.match.adjustments],
            ]
            for hit in hits
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _decode(text: str) -> tuple[NameHit, ...]:
    return tuple(_hit(record) for record in json.loads(text))


def _hit(record: Any) -> NameHit:
    index, name, strength, primary, score, query, candidate, pairs, adjustments = record
    if strength not in STRENGTHS:
        raise ValueError(f"unknown strength {strength!r}")
    return NameHit(
        NameRef(int(index), str(name), strength, bool(primary)),
        Match(
            float(score),
            str(query),
            str(candidate),
            tuple(TokenPair(str(q), str(c), float(s)) for q, c, s in pairs),
            tuple(Adjustment(str(r), str(d), float(x)) for r, d, x in adjustments),
        ),
    )
