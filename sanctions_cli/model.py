"""Domain records: list entries, their names, listings and dates, and screening hits.

Everything here is a frozen dataclass with no behaviour beyond small derived
properties, so records can be cached, hashed, compared and shared between
worker processes safely.  Parsing lives in ``listfile`` and ``importers``;
matching lives in ``matching``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar

_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle a slotted frozen dataclass as ``cls(*fields)``.

    The default for slotted dataclasses restores each field through a Python-level
    ``__setstate__``; rebuilding through the constructor is about 40% faster, which
    matters when the cache restores a list of 100,000 records at start-up.
    """
    names = tuple(f.name for f in fields(cls) if f.init)  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type[_T], tuple[Any, ...]]:
        return (cls, tuple(getattr(self, name) for name in names))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


EntityType = Literal["person", "organization", "vessel", "aircraft"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organization", "vessel", "aircraft")

Strength = Literal["strong", "weak"]
STRENGTHS: tuple[Strength, ...] = ("strong", "weak")


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Alias:
    """Another name of an entry.  A weak alias (OFAC's quoted "a.k.a.",
    UN "Low" quality) never raises a hit on its own."""

    name: str
    strength: Strength = "strong"
    script: str | None = None  # free text, e.g. "Hangul", for documentation only


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Listing:
    """One designation of an entry by one body on one list."""

    authority: str  # issuing body, e.g. "US Department of the Treasury, OFAC"
    list: str  # e.g. "SDN", "UN Consolidated List"
    program: str | None = None  # e.g. "DPRK2"
    reference: str | None = None  # e.g. "23214", "KPi.066"
    listed_on: dt.date | None = None
    delisted_on: dt.date | None = None
    basis: str | None = None  # legal basis, e.g. "UNSCR 2397 (2017)"

    def in_force(self, on: dt.date) -> bool:
        """True when the listing applies on ``on``: listed on or before, not yet delisted.

        A listing with no listing date is treated as in force since ever: the
        publisher says it is listed and we cannot prove otherwise.
        """
        if self.listed_on is not None and self.listed_on > on:
            return False
        return self.delisted_on is None or self.delisted_on > on


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DateRange:
    """A date of birth (or build date) as published: exact day, month, year or range.

    ``text`` keeps the form written in the list (``1948``, ``1967..1969``,
    ``1956-03-01``) so explanations show what the list says.
    """

    earliest: dt.date
    latest: dt.date
    text: str

    def overlaps_year(self, year: int, tolerance: int = 0) -> bool:
        return self.earliest.year - tolerance <= year <= self.latest.year + tolerance


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Identifier:
    """A document or registry number: passport, national id, IMO, BIC, crypto address ..."""

    type: str
    value: str
    country: str | None = None  # ISO 3166-1 alpha-2 where known
    note: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Entry:
    """A listed party: one person, organisation, vessel or aircraft with all its listings."""

    id: str
    type: EntityType
    name: str
    aliases: tuple[Alias, ...] = ()
    listings: tuple[Listing, ...] = ()
    birth_dates: tuple[DateRange, ...] = ()
    nationalities: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2: residence, addresses, flag
    gender: str | None = None
    position: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    remarks: str | None = None

    def listings_in_force(self, on: dt.date) -> tuple[Listing, ...]:
        return tuple(listing for listing in self.listings if listing.in_force(on))

    def all_names(self) -> tuple[tuple[str, Strength, bool], ...]:
        """(name, strength, is_primary) for the primary name and every alias."""
        names: list[tuple[str, Strength, bool]] = [(self.name, "strong", True)]
        names.extend((alias.name, alias.strength, False) for alias in self.aliases)
        return tuple(names)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ListMeta:
    """Metadata of one list file."""

    id: str
    title: str
    publisher: str | None = None
    source_url: str | None = None
    as_of: dt.date | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SanctionsList:
    """One loaded list file: its metadata, entries and the hash of its content."""

    meta: ListMeta
    # A tuple, or a ``lazy_entries.PackedEntries`` when restored from the cache.
    entries: Sequence[Entry]
    content_hash: str  # sha256 of the file's bytes, hex
    source: str = ""  # path or description of where it was loaded from
    # sha256 of the entries' names (``listfile.list_names_digest``, the list's part of
    # a name matcher's cache key) once computed, or as cached with the entries.  Not
    # an argument: a list made any other way, ``dataclasses.replace`` included,
    # starts without it and computes it from its own entries.
    names_digest: str | None = field(default=None, init=False, compare=False, repr=False)

    @property
    def name_count(self) -> int:
        return sum(1 + len(entry.aliases) for entry in self.entries)


@dataclass(frozen=True, slots=True)
class Adjustment:
    """One step of a score explanation: what changed the score and by how much."""

    reason: str  # machine-readable key, e.g. "weak_alias", "dob_mismatch"
    detail: str  # human-readable sentence
    delta: float  # change applied to the score (points on a 0-100 scale)


@dataclass(frozen=True, slots=True)
class TokenPair:
    """A query token paired with a listed-name token, and their similarity (0-100)."""

    query: str
    candidate: str
    score: float


@dataclass(frozen=True, slots=True)
class Match:
    """How one query name compares with one listed name: the score and why."""

    score: float  # final score, 0-100
    query_normalised: str
    candidate_normalised: str
    pairs: tuple[TokenPair, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """A screened value that matched a listed entry in force on the screening date."""

    entry: Entry
    matched_name: str  # the primary name or alias that matched
    matched_strength: Strength
    matched_is_primary: bool
    query: str  # the screened value as it appeared in the input
    column: str | None  # input column it came from (None for `check`)
    score: float
    listings: tuple[Listing, ...]  # the listings in force on ``as_of`` that passed filters
    as_of: dt.date
    match: Match = field(compare=False, repr=False, default=Match(0.0, "", ""))
