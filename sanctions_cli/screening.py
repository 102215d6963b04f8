"""Screening: rows in, hits out, as of a date.

A ``Screener`` holds the loaded entries and a ``NameMatcher``; it screens single
names (``check``) and streams of rows (``screen_rows``), keeping only entries with
a listing in force on the screening date that passes the authority/program
filters.  Name searches are memoised per distinct value, because payment files
repeat their counterparties heavily; the date filter is applied after the cache,
so one search serves every date.  With a ``ResultStore`` (``result_store``) the
searches also outlive the run: a value searched by an earlier run against the
same listed names is not searched again.

Large inputs go through ``screen_records`` (rows as lists of fields, as
``CsvSource.records()`` gives them) or ``screen_rows_parallel``: rows are taken in
chunks, and per chunk every distinct value is searched, every distinct date,
birth date, country and identifier cell is read, once.  Only the rows holding a
value with a hit (or an identifier of a listed entry) are then screened one by
one, exactly as ``screen_rows`` screens every row, so the hits are the same; a
chunk holding an unreadable cell is screened row by row, to raise the same error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, count, islice, repeat
from operator import is_, itemgetter
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .clearances import Clearance, Clearances, ClearedHit
from .countries import country_code
from .csvinput import ContextColumns
from .errors import InputError, SanctionsError, UsageError
from .lazy_entries import entries_of
from .listfile import combined_hash
from .matching import NameHit, NameMatcher, NameRef, lists_key
from .matching.secondary import IdentifierIndex, QueryContext, adjust_match
from .model import Entry, Hit, Listing, Match, SanctionsList
from .names.parties import birth_year, imo_numbers
from .resultstore import ResultStore, store_key

if TYPE_CHECKING:
    from .parallel import NamePool, Search

# Default score (0-100) at or above which a name is a hit.  Against the bundled
# list every spelling of the acceptance set (KIM, Jong Sik; Jong-Sik Kim; Kim
# Cho'ng-sik; Ri Pyo'ng-ch'o'l; Rhee Pyong Chul ...) scores 98.9-100 and initials
# (J. S. Kim) 86.1, while a shared surname with other given names (Kim Jong Un)
# scores 55.9, a missing given name (Kim Jong) 82.3 and Ri Chol 70.8.  Higher
# thresholds lose initials and transliterations faster than they cut false alerts
# (benchmarks/evaluate_matching.py: best pairs F1 at 77, recall falls above 85).
DEFAULT_THRESHOLD = 85.0

# Distinct screened values whose search results are remembered.  Bounded so that
# a file of millions of distinct names runs in constant memory; 200,000 results of
# typically zero or one hit each stay well under 100 MB.
SEARCH_CACHE_SIZE = 200_000

# Rows screened together by ``screen_records``: their distinct values are searched
# (by the worker pool) and their distinct cells read once per chunk.  Small enough
# that a chunk (about 1 MB) stays in the CPU cache between its passes (per row,
# 20,000-row chunks cost twice as much as 1,000-row ones), large enough that the
# per-chunk work is negligible and that, when every name is new, the workers get
# 2,000 names (30 batches) at once.
CHUNK_ROWS = 1_000

# Chunks read ahead while the worker processes search their new values: the row
# loop goes on reading (and screening the chunks whose values are all known) while
# the workers search, instead of waiting for every chunk's few new names.  32
# chunks of 1,000 rows are a few tens of MB at most.
MAX_PENDING_CHUNKS = 32

# Distinct cells (dates, birth dates, countries, identifiers) whose reading is
# remembered, per kind.  Such cells repeat heavily; the memory is cleared when
# full, so a file of all-distinct cells still runs in constant memory.
CELL_CACHE_SIZE = 50_000

# Screened (value, date, column, context cells) whose hits are remembered.  A frequent
# counterparty recurs with the same date and country all through a file, and its
# name hits are often all dropped by its context: one check serves every such row.
CHECK_CACHE_SIZE = 50_000

# A birth year in a date of birth cell: 1900-2099 written anywhere (1967-03-01,
# 01/03/1967, 1967).
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
# Several values in one cell (dual nationality, two passports).
_LIST_SEPARATORS = re.compile(r"[;|/]")

# Formats accepted in a date column, tried in order (ISO first: it is unambiguous).
ROW_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d")


@dataclass(frozen=True, slots=True)
class ListingFilter:
    """Restricts the listings considered: by issuing body and by program.

    Authorities match case-insensitively as substrings ("OFAC" matches "US
    Department of the Treasury, OFAC"); programs match case-insensitively, whole.
    Empty tuples mean no restriction.
    """

    authorities: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()

    def accepts(self, listing: Listing) -> bool:
        if self.authorities:
            authority = listing.authority.casefold()
            listed_in = listing.list.casefold()
            if not any(
                a.casefold() in authority or a.casefold() in listed_in for a in self.authorities
            ):
                return False
        if self.programs:
            program = (listing.program or "").casefold()
            if program not in {p.casefold() for p in self.programs}:
                return False
        return True


@dataclass(frozen=True, slots=True)
class RowResult:
    """The hits of one input row (1-based data row number, header excluded)."""

    row_number: int
    row: Mapping[str, str]
    as_of: dt.date
    hits: tuple[Hit, ...]


@dataclass
class ScreeningStats:
    rows: int = 0
    flagged_rows: int = 0
    hits: int = 0
    values: int = 0
    distinct_searches: int = 0
    # Distinct values whose search results came from the result store instead.
    stored: int = 0
    # Hits taken away by clearances (``clearances``), counted as ``hits`` are.
    cleared: int = 0
    per_column: dict[str, int] = field(default_factory=dict)


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Unreadable:
    """A cell that cannot be read: the message of the ``InputError`` it causes."""

    message: str


class _CellMemo(Generic[T]):
    """One reading of a kind of cell per distinct cell text (bounded, see CELL_CACHE_SIZE)."""

    def __init__(self, read: Callable[[str], T]) -> None:
        self._read = read
        self._known: dict[str, T] = {}
        self._readable: set[str] = set()  # cells known to read as no _Unreadable

    def __call__(self, cell: str) -> T:
        try:
            return self._known[cell]
        except KeyError:
            pass
        if len(self._known) >= CELL_CACHE_SIZE:
            self._known.clear()
        value = self._known[cell] = self._read(cell)
        return value

    def all_readable(self, cells: Iterable[str]) -> bool:
        """Whether no cell reads as ``_Unreadable`` (one pass in C when all are known)."""
        cells = list(cells)
        if self._readable.issuperset(cells):
            return True
        if len(self._readable) >= CELL_CACHE_SIZE:
            self._readable.clear()
        for cell in set(cells).difference(self._readable):
            if isinstance(self(cell), _Unreadable):
                return False
            self._readable.add(cell)
        return True


class _Flags:
    """A small number per distinct cell text, computed once (bounded: cleared when
    full, between chunks), so that a chunk's cells get theirs in one pass in C."""

    def __init__(self) -> None:
        self.known: dict[str, int] = {}

    def known_flags(self, cells: list[str]) -> list[int | None]:
        """The flag of every cell; None for a cell never seen."""
        return list(map(self.known.get, cells))

    def of(
        self, cells: list[str], read: Callable[[str], int], flags: list[int | None] | None = None
    ) -> list[int]:
        """The flag of every cell, ``read`` once for each cell never seen (``flags``:
        their ``known_flags``, if just taken)."""
        if flags is None:
            flags = self.known_flags(cells)
        if None not in flags:
            return flags  # type: ignore[return-value]
        known = self.known
        for cell in _missing(cells, flags):
            known[cell] = read(cell)
        try:
            return list(map(known.__getitem__, cells))
        except KeyError:  # trimmed since ``flags`` were taken: they still hold
            pairs = zip(cells, flags, strict=True)
            return [known[cell] if flag is None else flag for cell, flag in pairs]

    def trim(self) -> None:
        if len(self.known) >= CELL_CACHE_SIZE:
            self.known.clear()


def _missing(cells: list[str], flags: list[int | None]) -> list[str]:
    """The distinct cells whose flag is None, in order."""
    return list(dict.fromkeys(compress(cells, map(is_, flags, repeat(None)))))


# Flags of a screened cell: empty, a value with no name hit, a value with some.
EMPTY, CLEAR, NAMED = 0, 1, 2


def _birth_year(cell: str) -> int | _Unreadable | None:
    """The birth year of a date of birth cell (None: empty)."""
    raw = cell.strip()
    if not raw:
        return None
    found = _YEAR.search(raw)
    if found is None:
        return _Unreadable(f"no birth year in {raw!r}")
    return int(found.group(1))


def _country_codes(cell: str) -> tuple[str, ...] | _Unreadable:
    """The ISO codes of a country cell (several with ``;``, ``|`` or ``/``)."""
    codes = []
    for part in _LIST_SEPARATORS.split(cell):
        if not part.strip():
            continue
        code = country_code(part)
        if code is None:
            return _Unreadable(f"unknown country {part.strip()!r}")
        codes.append(code)
    return tuple(codes)


def _identifiers(cell: str) -> tuple[str, ...]:
    """The identifiers of an identifier cell, as written."""
    return tuple(part.strip() for part in _LIST_SEPARATORS.split(cell) if part.strip())


def _row_date(cell: str) -> dt.date | _Unreadable:
    try:
        return parse_date(cell)
    except ValueError as exc:
        return _Unreadable(str(exc))


def row_context(
    row: Mapping[str, str], columns: ContextColumns, source: str = "<rows>", number: int = 0
) -> QueryContext | None:
    """The secondary data of one row for one party: birth year, countries, identifiers.

    Empty cells mean "unknown" and change nothing; a birth date with no readable
    year, or a country that is neither an ISO code nor a known name, is an
    ``InputError`` naming the row and field (never silently ignored).
    """
    if columns.empty:
        return None
    fields = [*columns.dob, *columns.country, *columns.identifier]
    record = [row.get(column) or "" for column in fields]
    party = _PartyCells.at(columns, {column: i for i, column in enumerate(fields)})
    return _context(record, party, _birth_year, _country_codes, _identifiers, source, number)


@dataclass(frozen=True, slots=True)
class _PartyCells:
    """Where the secondary data of one screened column is in a record: (column, index)."""

    dob: tuple[tuple[str, int], ...]
    country: tuple[tuple[str, int], ...]
    identifier: tuple[tuple[str, int], ...]

    indexes: tuple[int, ...]  # all of them

    @staticmethod
    def at(columns: ContextColumns, index: Mapping[str, int]) -> _PartyCells:
        fields = (*columns.dob, *columns.country, *columns.identifier)
        return _PartyCells(
            tuple((c, index[c]) for c in columns.dob),
            tuple((c, index[c]) for c in columns.country),
            tuple((c, index[c]) for c in columns.identifier),
            tuple(index[c] for c in fields),
        )


def _context(
    record: Sequence[str],
    party: _PartyCells,
    birth_year: Callable[[str], int | _Unreadable | None],
    country_codes: Callable[[str], tuple[str, ...] | _Unreadable],
    identifiers: Callable[[str], tuple[str, ...]],
    source: str,
    number: int,
) -> QueryContext:
    """The ``QueryContext`` of one party of a record (the first birth year given wins)."""
    year = None
    for column, index in party.dob:
        found = birth_year(record[index])
        if isinstance(found, _Unreadable):
            raise InputError(source, found.message, row=number, field=column)
        if found is not None:
            year = found
            break
    countries: list[str] = []
    for column, index in party.country:
        codes = country_codes(record[index])
        if isinstance(codes, _Unreadable):
            raise InputError(source, codes.message, row=number, field=column)
        countries.extend(codes)
    found_ids = tuple(i for _, index in party.identifier for i in identifiers(record[index]))
    return QueryContext(year, tuple(countries), found_ids)


@dataclass(frozen=True, slots=True)
class _ReadChunk:
    """A chunk of rows read ahead, waiting for the search of its new values."""

    rows: Sequence[Any]  # as given: records or mappings
    records: Sequence[Sequence[str]]  # the same rows as records (``_Layout``)
    first: int  # the number of its first row
    cells: list[list[str]]  # per screened column, its cells
    seen: list[list[int | None]]  # their flags as known when read (None: not yet)
    search: Search  # of its values never searched before


def _chunked(items: Iterable[T]) -> Iterator[list[T]]:
    """``items`` in lists of CHUNK_ROWS; the items read before an input error first."""
    iterator = iter(items)
    while True:
        chunk: list[T] = []
        try:
            chunk.extend(islice(iterator, CHUNK_ROWS))
        except SanctionsError:
            if chunk:
                yield chunk
            raise
        if not chunk:
            return
        yield chunk


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where the cells screening reads are in a record (a row as a list of fields)."""

    names: tuple[tuple[str, int, _PartyCells | None], ...]  # column, index, its party
    date: tuple[str, int] | None  # the date column and its index

    @staticmethod
    def of(
        fields: Sequence[str],
        columns: Sequence[str],
        date_column: str | None,
        context_columns: Mapping[str, ContextColumns],
        source: str,
    ) -> _Layout:
        index: dict[str, int] = {}
        for i, name in enumerate(fields):
            index.setdefault(name, i)
        needed = [*columns, *([date_column] if date_column else [])]
        needed += [c for column in columns for c in _context_fields(context_columns, column)]
        for column in needed:
            if column not in index:
                raise InputError(source, f"no column {column!r}", field=column)
        names = []
        for column in columns:
            context = context_columns.get(column)
            party = None if context is None or context.empty else _PartyCells.at(context, index)
            names.append((column, index[column], party))
        return _Layout(tuple(names), (date_column, index[date_column]) if date_column else None)


def _context_fields(context_columns: Mapping[str, ContextColumns], column: str) -> list[str]:
    context = context_columns.get(column)
    return [] if context is None else [*context.dob, *context.country, *context.identifier]


def parse_date(text: str) -> dt.date:
    """Parse a screening date: ISO ``YYYY-MM-DD`` (a time part is ignored), ``YYYYMMDD``."""
    text = text.strip()
    candidate = text[:10] if len(text) > 10 and text[10] in "T " else text
    for fmt in ROW_DATE_FORMATS:
        try:
            return dt.datetime.strptime(candidate, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"invalid date {text!r} (expected YYYY-MM-DD)")


class Screener:
    """Screens names and rows against a set of loaded lists."""

    def __init__(
        self,
        lists: Sequence[SanctionsList],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        listing_filter: ListingFilter | None = None,
        matcher: NameMatcher | None = None,
    ) -> None:
        if not 0 <= threshold <= 100:
            raise UsageError(f"threshold must be between 0 and 100, not {threshold}")
        self.lists = tuple(lists)
        self.entries: Sequence[Entry] = entries_of(self.lists)  # none of them read
        self.threshold = threshold
        self.listing_filter = listing_filter or ListingFilter()
        self.matcher = matcher if matcher is not None else NameMatcher.for_lists(self.lists)
        self.lists_hash = combined_hash(self.lists)
        self._cache: OrderedDict[str, tuple[NameHit, ...]] = OrderedDict()
        self._identifier_index: IdentifierIndex | None = None
        self.stats = ScreeningStats()
        self._dates = _CellMemo(_row_date)
        self._birth_years = _CellMemo(_birth_year)
        self._country_codes = _CellMemo(_country_codes)
        self._identifiers = _CellMemo(_identifiers)
        self._identifier_hit = _CellMemo(self._any_identifier_hit)
        self._name_flags = _Flags()  # EMPTY, CLEAR or NAMED per screened cell
        self._listed_flags = _Flags()  # 1 per identifier cell naming a listed entry, else 0
        # Hits and cleared hits per (value, date, column, context cells).
        self._checked: dict[
            tuple[str, dt.date, str, tuple[str, ...]],
            tuple[tuple[Hit, ...], tuple[tuple[Hit, Clearance], ...]],
        ] = {}
        # Search results kept between runs (``resultstore``), when the caller opens
        # one under ``results_key()``: values it holds are not searched again.
        self.result_store: ResultStore | None = None
        # Hits reviewed and dismissed (``clearances``): never reported while in force;
        # each one taken away is handed to ``on_cleared`` (the audit trail), if set.
        self.clearances: Clearances | None = None
        self.on_cleared: Callable[[ClearedHit], object] | None = None

    # -- single names -----------------------------------------------------

    def entry_hits(self, value: str) -> tuple[NameHit, ...]:
        """Best strong-name hit per entry for ``value``, best first, ignoring dates.

        A weak alias never alerts on its own: an entry is a hit only through its
        primary name or a strong alias.
        """
        cached = self._cache.get(value)
        if cached is not None:
            self._cache.move_to_end(value)
            return cached
        store = self.result_store
        if store is not None:
            stored = store.get_many([value]).get(value)
            if stored is not None:
                return self._remember(value, stored, searched=False)
        name_hits = self.matcher.search_many([value], self.threshold, strong_only=True)[0]
        if store is not None:
            store.put_many([(value, name_hits)])
        return self._remember(value, name_hits)

    def results_key(self) -> str:
        """The key of this screener's search results in a ``ResultStore``: the listed
        names, the matching code and the threshold."""
        return store_key(lists_key(self.lists), self.threshold)

    def _remember(
        self, value: str, name_hits: Iterable[NameHit], *, searched: bool = True
    ) -> tuple[NameHit, ...]:
        """Keep the best strong-name hit per entry of a search (or of a result store,
        not ``searched``), remembered for ``value``."""
        if searched:
            self.stats.distinct_searches += 1
        else:
            self.stats.stored += 1
        best: dict[int, NameHit] = {}
        # An identifier's hit first: of two hits of equal score on an entry, the
        # identifier is the stronger explanation.
        for hit in (*self._imo_hits(value), *name_hits):
            if hit.ref.strength == "weak":
                continue
            current = best.get(hit.ref.entry_index)
            if current is None or hit.match.score > current.match.score:
                best[hit.ref.entry_index] = hit
        result = tuple(sorted(best.values(), key=lambda h: -h.match.score))
        self._cache[value] = result
        if len(self._cache) > SEARCH_CACHE_SIZE:
            self._cache.popitem(last=False)
        return result

    def _imo_hits(self, value: str) -> list[NameHit]:
        """A hit of score 100 on every entry (a vessel) whose IMO number the name
        field writes (``DAVENPORT IMO 9123456``): an identifier is a hit on its own,
        whatever the name beside it (a vessel renamed since it was listed)."""
        numbers = imo_numbers(value)
        return self._identifier_hits(value, numbers) if numbers else []

    def _identifier_hits(self, value: str, identifiers: Sequence[str]) -> list[NameHit]:
        """A hit of score 100, on its primary name, for every entry that has one of
        ``identifiers``, screened as ``value``."""
        found = []
        for index, _identifier, adjustment in self.identifier_index.hits(
            QueryContext(identifiers=tuple(identifiers))
        ):
            name = self.entries[index].name
            ref = NameRef(index, name, "strong", True)
            found.append(NameHit(ref, Match(100.0, value, name, adjustments=(adjustment,))))
        return found

    def _listings(self, entry: Entry, as_of: dt.date) -> tuple[Listing, ...]:
        return tuple(
            listing
            for listing in entry.listings_in_force(as_of)
            if self.listing_filter.accepts(listing)
        )

    def check(
        self,
        value: str,
        as_of: dt.date,
        column: str | None = None,
        context: QueryContext | None = None,
    ) -> list[Hit]:
        """Hits for one name as of a date: entries with a listing in force passing the filter.

        With a ``context`` (the row's birth year, countries, identifiers), name scores
        are adjusted by ``matching.secondary`` (a contradiction lowers them, which may
        drop them under the threshold), and an entry sharing an identifier with the
        row is a hit whatever its names.  A birth date the name field writes
        (``KIM JONG SIK DOB 1968``) counts as the row's when no column gives one.
        A hit ``clearances`` clear on ``as_of`` is left out and counted in ``stats``.
        """
        hits, cleared = self._cleared(value, as_of, self._hits(value, as_of, column, context))
        self._report_cleared("", None, cleared)
        return hits

    def _cleared(
        self, value: str, as_of: dt.date, hits: list[Hit]
    ) -> tuple[list[Hit], tuple[tuple[Hit, Clearance], ...]]:
        """The hits ``clearances`` leave, and those they took away with the
        clearance that took each."""
        clearances = self.clearances
        if clearances is None or not hits:
            return hits, ()
        kept: list[Hit] = []
        cleared: list[tuple[Hit, Clearance]] = []
        for hit in hits:
            found = clearances.clearance_for(value, hit.entry.id, hit.matched_name, as_of)
            if found is None:
                kept.append(hit)
            else:
                cleared.append((hit, found))
        return kept, tuple(cleared)

    def _report_cleared(
        self, source: str, row: int | None, cleared: Sequence[tuple[Hit, Clearance]]
    ) -> None:
        """Count the hits taken away, and hand each to ``on_cleared``."""
        self.stats.cleared += len(cleared)
        if self.on_cleared is not None:
            for hit, clearance in cleared:
                self.on_cleared(ClearedHit(source, row, hit, clearance))

    def _hits(
        self,
        value: str,
        as_of: dt.date,
        column: str | None,
        context: QueryContext | None,
    ) -> list[Hit]:
        hits = []
        seen: set[int] = set()
        if context is None or context.birth_year is None:
            year = birth_year(value)
            if year is not None:
                context = replace(context or QueryContext(), birth_year=year)
        for name_hit in self.entry_hits(value):
            entry = self.entries[name_hit.ref.entry_index]
            match = name_hit.match
            if context is not None and not context.empty:
                match = adjust_match(match, entry, context)
                if match.score < self.threshold:
                    continue
            listings = self._listings(entry, as_of)
            if not listings:
                continue
            seen.add(name_hit.ref.entry_index)
            hits.append(
                Hit(
                    entry=entry,
                    matched_name=name_hit.ref.name,
                    matched_strength=name_hit.ref.strength,
                    matched_is_primary=name_hit.ref.is_primary,
                    query=value,
                    column=column,
                    score=match.score,
                    listings=listings,
                    as_of=as_of,
                    match=match,
                )
            )
        if context is not None and context.identifiers:
            for name_hit in self._identifier_hits(value, context.identifiers):
                index = name_hit.ref.entry_index
                entry = self.entries[index]
                listings = self._listings(entry, as_of)
                if index in seen or not listings:
                    continue
                seen.add(index)
                hits.append(
                    Hit(
                        entry,
                        entry.name,
                        "strong",
                        True,
                        value,
                        column,
                        100.0,
                        listings,
                        as_of,
                        name_hit.match,
                    )
                )
        return hits

    @property
    def identifier_index(self) -> IdentifierIndex:
        """Entries by identifier, built on first use (most files carry no identifiers)."""
        if self._identifier_index is None:
            self._identifier_index = IdentifierIndex(self.entries)
        return self._identifier_index

    def _any_identifier_hit(self, cell: str) -> bool:
        """Whether an identifier of this cell is a listed entry's (a hit whatever the name)."""
        identifiers = self._identifiers(cell)
        if not identifiers:
            return False
        return any(True for _ in self.identifier_index.hits(QueryContext(identifiers=identifiers)))

    # -- rows -------------------------------------------------------------

    def screen_rows(
        self,
        rows: Iterable[Mapping[str, str]],
        columns: Sequence[str],
        *,
        as_of: dt.date | None = None,
        date_column: str | None = None,
        source: str = "<rows>",
        context_columns: Mapping[str, ContextColumns] | None = None,
    ) -> Iterator[RowResult]:
        """Screen ``columns`` of every row; yields one ``RowResult`` per row, flagged or not.

        Each row is screened as of ``as_of`` or, with ``date_column``, as of its own
        date; a missing or invalid date is an ``InputError`` naming the row.
        ``context_columns`` maps a screened column to the columns holding its party's
        birth date, country and identifiers (see ``csvinput.detect_context_columns``).
        """
        fields, layout = self._mapping_layout(columns, date_column, context_columns, source)
        day = as_of or dt.date.today()
        for number, row in enumerate(rows, start=1):
            record = [row.get(column) or "" for column in fields]
            row_date, hits = self._record_hits(record, number, layout, day, source)
            self.stats.rows += 1
            self.stats.values += sum(1 for _, index, _ in layout.names if record[index].strip())
            yield RowResult(number, row, row_date, tuple(hits))

    def _mapping_layout(
        self,
        columns: Sequence[str],
        date_column: str | None,
        context_columns: Mapping[str, ContextColumns] | None,
        source: str,
    ) -> tuple[list[str], _Layout]:
        """The fields a row mapping is turned into (missing ones: empty) and their layout."""
        context_columns = context_columns or {}
        fields = [*columns, *([date_column] if date_column else [])]
        fields += [c for column in columns for c in _context_fields(context_columns, column)]
        fields = list(dict.fromkeys(fields))
        return fields, _Layout.of(fields, columns, date_column, context_columns, source)

    def _record_hits(
        self, record: Sequence[str], number: int, layout: _Layout, as_of: dt.date, source: str
    ) -> tuple[dt.date, list[Hit]]:
        """Screen one record (row ``number``): its date and hits, added to ``stats``
        (its rows and values are the caller's to count).

        Every screened value, its party's context and the row's date are read here,
        so every unreadable cell of the row is an ``InputError`` naming row and field.
        """
        row_date = as_of
        if layout.date is not None:
            date_column, date_index = layout.date
            found = self._dates(record[date_index])
            if isinstance(found, _Unreadable):
                raise InputError(source, found.message, row=number, field=date_column)
            row_date = found
        hits: list[Hit] = []
        for column, index, party in layout.names:
            value = record[index].strip()
            if not value:
                continue
            # The hits depend on the value, date, column and the party's context cells
            # alone: remembered by their text (a cell read once without error never
            # raises later), so a frequent counterparty is checked once.
            cells = () if party is None else tuple([record[i] for i in party.indexes])
            key = (value, row_date, column, cells)
            checked = self._checked.get(key)
            if checked is None:
                context = None
                if party is not None:
                    context = _context(
                        record,
                        party,
                        self._birth_years,
                        self._country_codes,
                        self._identifiers,
                        source,
                        number,
                    )
                if len(self._checked) >= CHECK_CACHE_SIZE:
                    self._checked.clear()
                kept, cleared = self._cleared(
                    value, row_date, self._hits(value, row_date, column, context)
                )
                checked = (tuple(kept), cleared)
                self._checked[key] = checked
            column_hits, cleared = checked
            self._report_cleared(source, number, cleared)
            if column_hits:
                per_column = self.stats.per_column
                per_column[column] = per_column.get(column, 0) + len(column_hits)
                hits.extend(column_hits)
        if hits:
            self.stats.flagged_rows += 1
            self.stats.hits += len(hits)
        return row_date, hits

    # -- rows, many at once (sanctions_cli.parallel) ------------------------

    def screen_records(
        self,
        header: Sequence[str],
        records: Iterable[Sequence[str]],
        columns: Sequence[str],
        *,
        workers: int = 1,
        as_of: dt.date | None = None,
        date_column: str | None = None,
        source: str = "<rows>",
        on_rows: Callable[[int], object] | None = None,
        context_columns: Mapping[str, ContextColumns] | None = None,
        flagged_only: bool = True,
    ) -> Iterator[RowResult]:
        """``screen_rows`` for rows given as lists of fields in ``header`` order (as
        ``CsvSource.records()`` gives them), in chunks (see the module docstring).

        Yields the flagged rows only (``flagged_only``, their ``row`` a dict built for
        them alone) or every row; same hits, same order, same errors as ``screen_rows``.
        Each chunk's new distinct values are searched by ``workers`` processes (1:
        this one); ``on_rows(n)`` is called after each chunk of ``n`` rows (progress).
        """
        context_columns = context_columns or {}
        layout = _Layout.of(header, columns, date_column, context_columns, source)
        day = as_of or dt.date.today()
        chunks = ((chunk, chunk) for chunk in _chunked(records))
        for read, flagged in self._screen_chunks(chunks, layout, day, source, workers, on_rows):
            if not flagged_only:
                flagged = self._every_row(read.records, flagged, layout, day)
            for position, row_date, hits in flagged:
                row = dict(zip(header, read.records[position], strict=True))
                yield RowResult(read.first + position, row, row_date, tuple(hits))

    def screen_rows_parallel(
        self,
        rows: Iterable[Mapping[str, str]],
        columns: Sequence[str],
        *,
        workers: int = 1,
        as_of: dt.date | None = None,
        date_column: str | None = None,
        source: str = "<rows>",
        on_rows: Callable[[int], object] | None = None,
        context_columns: Mapping[str, ContextColumns] | None = None,
    ) -> Iterator[RowResult]:
        """``screen_rows`` in chunks (see ``screen_records``), with each chunk's new
        distinct values searched by ``workers`` processes (1: this one); same results,
        same order, streaming.  Yields one ``RowResult`` per row, flagged or not.

        ``on_rows(n)`` is called after each chunk of ``n`` rows is screened (progress).
        """
        fields, layout = self._mapping_layout(columns, date_column, context_columns, source)
        day = as_of or dt.date.today()
        chunks = (
            (chunk, [[row.get(column) or "" for column in fields] for row in chunk])
            for chunk in _chunked(rows)
        )
        for read, flagged in self._screen_chunks(chunks, layout, day, source, workers, on_rows):
            for position, row_date, hits in self._every_row(read.records, flagged, layout, day):
                yield RowResult(read.first + position, read.rows[position], row_date, tuple(hits))

    def _screen_chunks(
        self,
        chunks: Iterable[tuple[Sequence[Any], Sequence[Sequence[str]]]],
        layout: _Layout,
        as_of: dt.date,
        source: str,
        workers: int,
        on_rows: Callable[[int], object] | None,
    ) -> Iterator[tuple[_ReadChunk, Iterator[tuple[int, dt.date, list[Hit]]]]]:
        """Each chunk (its rows, and them as records) with its flagged rows, in order.

        A chunk's new values are submitted to the pool as soon as it is read; chunks
        are read ahead (up to MAX_PENDING_CHUNKS) while the workers search, and each
        is screened, in order, once its values are found.  Reading stops at an input
        error, which is raised after the chunks read before it are screened (their
        own error, if any, comes first, as row by row).
        """
        pending: deque[_ReadChunk] = deque()
        searching: set[str] = set()  # values submitted, not yet remembered
        iterator = iter(chunks)
        first = 1
        with self._pool(workers) as pool:
            while True:
                try:
                    item = next(iterator, None)
                except SanctionsError:
                    while pending:
                        yield from self._screen_read(
                            pending.popleft(), layout, as_of, source, on_rows, searching
                        )
                    raise
                if item is None:
                    break
                pending.append(self._read_ahead(item[0], item[1], first, layout, pool, searching))
                first += len(item[1])
                while pending and (pending[0].search.done() or len(pending) > MAX_PENDING_CHUNKS):
                    yield from self._screen_read(
                        pending.popleft(), layout, as_of, source, on_rows, searching
                    )
            while pending:
                yield from self._screen_read(
                    pending.popleft(), layout, as_of, source, on_rows, searching
                )

    def _pool(self, workers: int) -> NamePool:
        from .parallel import NamePool

        return NamePool(self.matcher, self.threshold, workers, strong_only=True)

    def _read_ahead(
        self,
        rows: Sequence[Any],
        records: Sequence[Sequence[str]],
        first: int,
        layout: _Layout,
        pool: NamePool,
        searching: set[str],
    ) -> _ReadChunk:
        """A chunk just read: its screened cells, their flags known so far, and the
        search of its values neither searched nor being searched."""
        self._name_flags.trim()
        cells = [list(map(itemgetter(index), records)) for _, index, _ in layout.names]
        seen = [self._name_flags.known_flags(column) for column in cells]
        wanted: dict[str, None] = {}
        if any(None in column_flags for column_flags in seen):
            new = [c for column, f in zip(cells, seen, strict=True) for c in _missing(column, f)]
            for cell in new:
                value = cell.strip()
                if value and value not in self._cache and value not in searching:
                    wanted[value] = None
            if wanted and self.result_store is not None:
                for value, name_hits in self.result_store.get_many(wanted).items():
                    self._remember(value, name_hits, searched=False)
                    del wanted[value]
            searching.update(wanted)
        return _ReadChunk(rows, records, first, cells, seen, pool.submit(list(wanted)))

    def _screen_read(
        self,
        read: _ReadChunk,
        layout: _Layout,
        as_of: dt.date,
        source: str,
        on_rows: Callable[[int], object] | None,
        searching: set[str],
    ) -> Iterator[tuple[_ReadChunk, Iterator[tuple[int, dt.date, list[Hit]]]]]:
        """The chunk with its flagged rows, once its searches are done; then counted."""
        found = read.search.result()
        if self.result_store is not None:
            self.result_store.put_many(found)
        for value, name_hits in found:
            self._remember(value, name_hits)
            searching.discard(value)
        yield read, self._screen_chunk(read, layout, as_of, source)
        self.stats.rows += len(read.records)
        if on_rows is not None:
            on_rows(len(read.records))

    def _screen_chunk(
        self,
        read: _ReadChunk,
        layout: _Layout,
        as_of: dt.date,
        source: str,
    ) -> Iterator[tuple[int, dt.date, list[Hit]]]:
        """(position in the chunk, date, hits) of each flagged row of a chunk whose
        values are searched, in order; counts the screened values in ``stats``.

        Per screened column, each cell gets a flag (empty, no name hit, some) in one
        pass; only the rows with some name hit or a listed identifier are then
        screened one by one.
        """
        chunk, first = read.records, read.first
        self._name_flags.trim()  # chunks read ahead may be screened one after another
        self._listed_flags.trim()
        flags = [
            self._name_flags.of(column, self._name_flag, f)
            for column, f in zip(read.cells, read.seen, strict=True)
        ]
        if not self._readable(chunk, layout, flags):
            # Row by row: the first unreadable cell is the error screen_rows raises.
            for position, record in enumerate(chunk):
                row_date, hits = self._record_hits(record, first + position, layout, as_of, source)
                self.stats.values += sum(1 for _, i, _ in layout.names if record[i].strip())
                if hits:
                    yield position, row_date, hits
            return
        candidates: set[int] = set()
        for (_, _, party), column_flags in zip(layout.names, flags, strict=True):
            self.stats.values += len(column_flags) - column_flags.count(EMPTY)
            if NAMED in column_flags:
                candidates.update(compress(count(), map(NAMED.__eq__, column_flags)))
            for _, id_index in party.identifier if party is not None else ():
                ids = list(map(itemgetter(id_index), chunk))
                listed = self._listed_flags.of(ids, self._listed_flag)
                if 1 in listed:
                    candidates.update(
                        p for p in compress(count(), listed) if column_flags[p] != EMPTY
                    )
        for position in sorted(candidates):
            row_date, hits = self._record_hits(
                chunk[position], first + position, layout, as_of, source
            )
            if hits:
                yield position, row_date, hits

    def _name_flag(self, cell: str) -> int:
        value = cell.strip()
        if not value:
            return EMPTY
        return NAMED if self.entry_hits(value) else CLEAR

    def _listed_flag(self, cell: str) -> int:
        return 1 if cell and self._identifier_hit(cell) else 0

    def _readable(
        self, chunk: Sequence[Sequence[str]], layout: _Layout, flags: list[list[int]]
    ) -> bool:
        """Whether every cell of the chunk that screening reads can be read: dates, and
        the birth dates and countries of the rows whose party has a name (``flags``:
        per screened column, its cells' flags); each distinct cell is read once."""
        dates = () if layout.date is None else map(itemgetter(layout.date[1]), chunk)
        if not self._dates.all_readable(dates):
            return False
        for (_, _, party), column_flags in zip(layout.names, flags, strict=True):
            if party is None:
                continue
            named = column_flags.count(EMPTY) == 0
            for memo, cells in (
                (self._birth_years, party.dob),
                (self._country_codes, party.country),
            ):
                for _, index in cells:
                    column: Iterable[str] = map(itemgetter(index), chunk)
                    if not named:  # beside an empty name a cell is never read
                        column = compress(column, map(EMPTY.__ne__, column_flags))
                    if not memo.all_readable(column):
                        return False
        return True

    def _date_of(self, record: Sequence[str], layout: _Layout, as_of: dt.date) -> dt.date:
        """The screening date of a record whose date cell is known to be readable."""
        if layout.date is None:
            return as_of
        found = self._dates(record[layout.date[1]])
        assert not isinstance(found, _Unreadable)
        return found

    def _every_row(
        self,
        chunk: Sequence[Sequence[str]],
        flagged: Iterator[tuple[int, dt.date, list[Hit]]],
        layout: _Layout,
        as_of: dt.date,
    ) -> Iterator[tuple[int, dt.date, list[Hit]]]:
        """(position, date, hits) for every row of a chunk, given its flagged rows in order."""
        position = 0
        for flagged_position, row_date, hits in flagged:
            while position < flagged_position:
                yield position, self._date_of(chunk[position], layout, as_of), []
                position += 1
            yield position, row_date, hits
            position += 1
        while position < len(chunk):
            yield position, self._date_of(chunk[position], layout, as_of), []
            position += 1
