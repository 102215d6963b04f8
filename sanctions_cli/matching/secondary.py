"""Secondary data: what a screened row says besides the name, checked against an entry.

API (pure functions, no I/O)::

    context = QueryContext(birth_year=1967, nationalities=("KP",), identifiers=("PS 123",))
    adjusted = adjust_match(name_match, entry, context)   # a new Match
    for entry_index, identifier, adjustment in identifier_hits(context, entries): ...

* ``adjust_match``: a birth year outside every published birth range of the entry
  (by more than ``BIRTH_YEAR_TOLERANCE``) lowers the score by
  ``BIRTH_YEAR_MISMATCH_PENALTY``; a nationality/country the entry does not have,
  when the entry has some, by ``COUNTRY_MISMATCH_PENALTY``; agreement is noted
  (delta 0: agreeing data never raises a name score, so the index's bound holds);
  missing data on either side changes nothing.  An identifier of the row equal to
  one of the entry's makes the score 100, with an adjustment saying which.
* ``title_adjustment``: what a screened name's own honorific says of the entity
  (``PreparedName.title_gender``: "Mrs", "Herr", "Sra."): a person, so a vessel or
  a company lowers the score by ``TITLE_NOT_PERSON_PENALTY``; and a gender, so a
  listed person of the other (``Entry.gender``) lowers it by
  ``TITLE_GENDER_MISMATCH_PENALTY``.  An entry of unknown gender changes nothing.
* ``identifier_hits``: the separate lookup path: every entry sharing an
  identifier with the row, whatever its names, with the adjustment to show.
  Identifiers compare on ``normalise_identifier`` (letters and digits, upper
  case): ``PS-123 456`` equals ``ps123456``.

The caller (screening) decides which columns fill a ``QueryContext``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..model import Adjustment, Entry, Identifier, Match

# A birth year within this many years of a published birth date or range agrees:
# lists and payment data both carry approximate years ("circa 1967").
BIRTH_YEAR_TOLERANCE = 1

# Points off a name score for a birth year the entry contradicts: strong evidence
# of a different person with the same name, yet dates are mistyped often enough
# that a perfect name (100) stays a hit at the default threshold (85).
BIRTH_YEAR_MISMATCH_PENALTY = 15.0

# Points off for a nationality/country not among the entry's: weaker than a birth
# year (people hold several nationalities and live abroad).
COUNTRY_MISMATCH_PENALTY = 10.0

# Identifiers shorter than this (after normalisation) are not trusted to identify:
# "1" or "A1" in a reference column would match by chance.
MIN_IDENTIFIER_LENGTH = 5

# Points off for an honorific of the screened name ("Mrs", "Herr") that says a
# person of one gender when the listed person is of the other: as strong as a
# contradicting birth year (a title is written by whoever keyed the payment, and is
# mistaken about as often), so a name spelled alike (100) still alerts at 85.
TITLE_GENDER_MISMATCH_PENALTY = BIRTH_YEAR_MISMATCH_PENALTY

# Points off for a person's honorific before the name of a vessel or a company
# ("Ms Jade Martin" / vessel MARINA JADE): the same, as a shop may be named "Mr Price".
TITLE_NOT_PERSON_PENALTY = BIRTH_YEAR_MISMATCH_PENALTY

_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")


@dataclass(frozen=True, slots=True)
class QueryContext:
    """Secondary data of one screened row; every field optional."""

    birth_year: int | None = None
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2: nationality, residence, country
    identifiers: tuple[str, ...] = ()  # passport, national id, IMO, BIC, ... as written

    @property
    def empty(self) -> bool:
        return self.birth_year is None and not self.countries and not self.identifiers


def normalise_identifier(value: str) -> str:
    """Letters and digits of an identifier, upper case: ``IMO 9123456`` -> ``IMO9123456``."""
    return _NOT_ALNUM.sub("", value.upper())


def _identifier_keys(identifier: Identifier) -> set[str]:
    """An entry's identifier as it may be written: with or without its type prefix."""
    value = normalise_identifier(identifier.value)
    keys = {value}
    prefix = normalise_identifier(identifier.type)
    if prefix and value.startswith(prefix):
        keys.add(value[len(prefix) :])
    elif prefix:
        keys.add(prefix + value)  # the row may write the type too: "IMO 9123456"
    return {key for key in keys if len(key) >= MIN_IDENTIFIER_LENGTH}


def matching_identifier(context: QueryContext, entry: Entry) -> Identifier | None:
    """The entry's identifier that the row also carries, if any."""
    wanted = {normalise_identifier(v) for v in context.identifiers}
    wanted = {w for w in wanted if len(w) >= MIN_IDENTIFIER_LENGTH}
    if not wanted:
        return None
    for identifier in entry.identifiers:
        if _identifier_keys(identifier) & wanted:
            return identifier
    return None


def _identifier_adjustment(identifier: Identifier, score: float) -> Adjustment:
    return Adjustment(
        "identifier_match",
        f"{identifier.type} {identifier.value} is on the row and on the entry",
        round(100.0 - score, 1),
    )


def adjust_match(match: Match, entry: Entry, context: QueryContext) -> Match:
    """``match`` with the secondary data of ``context`` taken into account (see module doc)."""
    if context.empty:
        return match
    identifier = matching_identifier(context, entry)
    if identifier is not None:
        return replace(
            match,
            score=100.0,
            adjustments=(*match.adjustments, _identifier_adjustment(identifier, match.score)),
        )
    adjustments: list[Adjustment] = []
    score = match.score
    if context.birth_year is not None and entry.birth_dates:
        year = context.birth_year
        if any(d.overlaps_year(year, BIRTH_YEAR_TOLERANCE) for d in entry.birth_dates):
            adjustments.append(Adjustment("dob_match", f"birth year {year} agrees", 0.0))
        else:
            listed = ", ".join(d.text for d in entry.birth_dates)
            penalty = min(BIRTH_YEAR_MISMATCH_PENALTY, score)
            score -= penalty
            adjustments.append(
                Adjustment(
                    "dob_mismatch", f"birth year {year} is not the listed {listed}", -penalty
                )
            )
    entry_countries = {c.upper() for c in (*entry.nationalities, *entry.countries)}
    row_countries = {c.strip().upper() for c in context.countries if c.strip()}
    if row_countries and entry_countries:
        if row_countries & entry_countries:
            shared = ", ".join(sorted(row_countries & entry_countries))
            adjustments.append(Adjustment("country_match", f"country {shared} agrees", 0.0))
        else:
            penalty = min(COUNTRY_MISMATCH_PENALTY, score)
            score -= penalty
            adjustments.append(
                Adjustment(
                    "country_mismatch",
                    f"country {', '.join(sorted(row_countries))} is not the entry's "
                    f"{', '.join(sorted(entry_countries))}",
                    -penalty,
                )
            )
    if not adjustments:
        return match
    return replace(match, score=round(score, 1), adjustments=(*match.adjustments, *adjustments))


def title_adjustment(match: Match, title_gender: str, person: bool, gender: str | None) -> Match:
    """``match`` less what the screened name's gendered honorific (``title_gender``:
    "female", "male" or "") contradicts of the entity: its being a person
    (``person``), its ``gender`` (module doc)."""
    if not title_gender:
        return match
    if not person:
        reason, penalty = "title_not_person", TITLE_NOT_PERSON_PENALTY
        detail = "the screened name has a person's title; the entry is no person"
    elif gender in ("female", "male") and gender != title_gender:
        reason, penalty = "title_gender_mismatch", TITLE_GENDER_MISMATCH_PENALTY
        detail = f"the screened name's title says {title_gender}; the entry is {gender}"
    else:
        return match
    penalty = min(penalty, match.score)
    return replace(
        match,
        score=round(match.score - penalty, 1),
        adjustments=(*match.adjustments, Adjustment(reason, detail, -penalty)),
    )


def identifier_hits(
    context: QueryContext, entries: Sequence[Entry]
) -> Iterator[tuple[int, Identifier, Adjustment]]:
    """(entry index, shared identifier, adjustment) for every entry sharing an identifier.

    A linear scan: build ``IdentifierIndex`` once for many rows.
    """
    yield from IdentifierIndex(entries).hits(context)


class IdentifierIndex:
    """Entries by normalised identifier, built once per set of lists."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._by_key: dict[str, list[tuple[int, Identifier]]] = {}
        for index, entry in enumerate(entries):
            for identifier in entry.identifiers:
                for key in _identifier_keys(identifier):
                    self._by_key.setdefault(key, []).append((index, identifier))

    def hits(self, context: QueryContext) -> Iterator[tuple[int, Identifier, Adjustment]]:
        seen: set[int] = set()
        for value in context.identifiers:
            key = normalise_identifier(value)
            if len(key) < MIN_IDENTIFIER_LENGTH:
                continue
            for index, identifier in self._by_key.get(key, ()):
                if index not in seen:
                    seen.add(index)
                    yield index, identifier, _identifier_adjustment(identifier, 0.0)
