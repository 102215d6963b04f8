"""Screening: rows in, hits out, as of a date.

A ``Screener`` holds the loaded entries and a ``NameMatcher``; it screens single
names (``check``) and streams of rows (``screen_rows``), keeping only entries with
a listing in force on the screening date that passes the authority/program
filters.  Name searches are memoised per distinct value, because payment files
repeat their counterparties heavily; the date filter is applied after the cache,
so one search serves every date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .countries import country_code
from .csvinput import ContextColumns
from .errors import InputError, UsageError
from .listfile import combined_hash
from .matching import NameHit, NameMatcher
from .matching.secondary import IdentifierIndex, QueryContext, adjust_match
from .model import Entry, Hit, Listing, Match, SanctionsList

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
    per_column: dict[str, int] = field(default_factory=dict)


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
    birth_year = None
    for column in columns.dob:
        raw = (row.get(column) or "").strip()
        if not raw:
            continue
        found = _YEAR.search(raw)
        if found is None:
            raise InputError(source, f"no birth year in {raw!r}", row=number, field=column)
        birth_year = int(found.group(1))
        break
    countries = []
    for column in columns.country:
        for part in _LIST_SEPARATORS.split(row.get(column) or ""):
            if not part.strip():
                continue
            code = country_code(part)
            if code is None:
                raise InputError(
                    source, f"unknown country {part.strip()!r}", row=number, field=column
                )
            countries.append(code)
    identifiers = tuple(
        part.strip()
        for column in columns.identifier
        for part in _LIST_SEPARATORS.split(row.get(column) or "")
        if part.strip()
    )
    return QueryContext(birth_year, tuple(countries), identifiers)


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
        self.entries: tuple[Entry, ...] = tuple(e for lst in self.lists for e in lst.entries)
        self.threshold = threshold
        self.listing_filter = listing_filter or ListingFilter()
        self.matcher = matcher if matcher is not None else NameMatcher.for_lists(self.lists)
        self.lists_hash = combined_hash(self.lists)
        self._cache: OrderedDict[str, tuple[NameHit, ...]] = OrderedDict()
        self._identifier_index: IdentifierIndex | None = None
        self.stats = ScreeningStats()

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
        return self._remember(value, self.matcher.search(value, self.threshold))

    def _remember(self, value: str, name_hits: Iterable[NameHit]) -> tuple[NameHit, ...]:
        """Keep the best strong-name hit per entry of a search, remembered for ``value``."""
        self.stats.distinct_searches += 1
        best: dict[int, NameHit] = {}
        for hit in name_hits:
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
        row is a hit whatever its names.
        """
        hits = []
        seen: set[int] = set()
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
            for index, _identifier, adjustment in self.identifier_index.hits(context):
                entry = self.entries[index]
                listings = self._listings(entry, as_of)
                if index in seen or not listings:
                    continue
                seen.add(index)
                match = Match(100.0, value, entry.name, adjustments=(adjustment,))
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
                        match,
                    )
                )
        return hits

    @property
    def identifier_index(self) -> IdentifierIndex:
        """Entries by identifier, built on first use (most files carry no identifiers)."""
        if self._identifier_index is None:
            self._identifier_index = IdentifierIndex(self.entries)
        return self._identifier_index

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
        context_columns = context_columns or {}
        if as_of is None and date_column is None:
            as_of = dt.date.today()
        for number, row in enumerate(rows, start=1):
            row_date = as_of
            if date_column is not None:
                raw = row.get(date_column) or ""
                try:
                    row_date = parse_date(raw)
                except ValueError as exc:
                    raise InputError(source, str(exc), row=number, field=date_column) from None
            assert row_date is not None
            hits: list[Hit] = []
            for column in columns:
                value = (row.get(column) or "").strip()
                if not value:
                    continue
                self.stats.values += 1
                context = None
                if column in context_columns:
                    context = row_context(row, context_columns[column], source, number)
                column_hits = self.check(value, row_date, column, context)
                if column_hits:
                    self.stats.per_column[column] = self.stats.per_column.get(column, 0) + len(
                        column_hits
                    )
                hits.extend(column_hits)
            self.stats.rows += 1
            if hits:
                self.stats.flagged_rows += 1
                self.stats.hits += len(hits)
            yield RowResult(number, row, row_date, tuple(hits))

    # -- rows, many at once (sanctions_cli.parallel) ------------------------

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
        """``screen_rows``, with each chunk's new distinct values searched together, by
        ``workers`` processes (1: this one); same results, same order, streaming.

        ``on_rows(n)`` is called after each chunk of ``n`` rows is searched (progress).
        """
        from .parallel import NamePool, primed_rows

        with NamePool(self.matcher, self.threshold, workers, strong_only=True) as pool:
            primed = primed_rows(
                rows,
                columns,
                pool,
                lambda value: value in self._cache,
                self._remember,
                on_chunk=on_rows,
            )
            yield from self.screen_rows(
                primed,
                columns,
                as_of=as_of,
                date_column=date_column,
                source=source,
                context_columns=context_columns,
            )
