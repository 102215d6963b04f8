"""Secondary data (birth year, country, identifiers) adjusting a name match."""

from __future__ import annotations

import datetime as dt

from sanctions_cli.matching.secondary import (
    BIRTH_YEAR_MISMATCH_PENALTY,
    COUNTRY_MISMATCH_PENALTY,
    IdentifierIndex,
    QueryContext,
    adjust_match,
    identifier_hits,
    normalise_identifier,
)
from sanctions_cli.model import DateRange, Entry, Identifier, Match

ENTRY = Entry(
    id="kim-jong-sik",
    type="person",
    name="KIM Jong Sik",
    birth_dates=(DateRange(dt.date(1967, 1, 1), dt.date(1969, 12, 31), "1967..1969"),),
    nationalities=("KP",),
    identifiers=(Identifier("Passport", "PS 472310012", "KP"),),
)
VESSEL = Entry(
    id="vessel",
    type="vessel",
    name="CHON MA SAN",
    identifiers=(Identifier("IMO", "IMO 8660313"),),
)
MATCH = Match(92.0, "kim jong sik", "kim jong sik")


def test_missing_data_changes_nothing() -> None:
    assert adjust_match(MATCH, ENTRY, QueryContext()) is MATCH
    bare = Entry(id="x", type="person", name="KIM Jong Sik")
    context = QueryContext(birth_year=1990, countries=("FR",))
    assert adjust_match(MATCH, bare, context) is MATCH


def test_birth_year_inside_range_agrees_without_raising() -> None:
    adjusted = adjust_match(MATCH, ENTRY, QueryContext(birth_year=1970))  # tolerance 1
    assert adjusted.score == MATCH.score
    assert [a.reason for a in adjusted.adjustments] == ["dob_match"]


def test_contradicting_birth_year_lowers() -> None:
    adjusted = adjust_match(MATCH, ENTRY, QueryContext(birth_year=1985))
    assert adjusted.score == MATCH.score - BIRTH_YEAR_MISMATCH_PENALTY
    [adjustment] = adjusted.adjustments
    assert adjustment.reason == "dob_mismatch"
    assert adjustment.delta == -BIRTH_YEAR_MISMATCH_PENALTY
    assert "1967..1969" in adjustment.detail


def test_contradicting_country_lowers_and_agreeing_does_not_raise() -> None:
    lowered = adjust_match(MATCH, ENTRY, QueryContext(countries=("fr",)))
    assert lowered.score == MATCH.score - COUNTRY_MISMATCH_PENALTY
    assert lowered.adjustments[0].reason == "country_mismatch"
    agreed = adjust_match(MATCH, ENTRY, QueryContext(countries=("KP", "CN")))
    assert agreed.score == MATCH.score
    assert agreed.adjustments[0].reason == "country_match"


def test_both_contradictions_add_up() -> None:
    adjusted = adjust_match(MATCH, ENTRY, QueryContext(birth_year=2001, countries=("US",)))
    assert adjusted.score == MATCH.score - BIRTH_YEAR_MISMATCH_PENALTY - COUNTRY_MISMATCH_PENALTY


def test_matching_identifier_is_a_hit_whatever_the_name() -> None:
    weak = Match(20.0, "someone else", "kim jong sik")
    adjusted = adjust_match(weak, ENTRY, QueryContext(identifiers=("ps-472310012",)))
    assert adjusted.score == 100.0
    assert adjusted.adjustments[-1].reason == "identifier_match"
    assert adjusted.adjustments[-1].delta == 80.0


def test_identifier_lookup_path() -> None:
    entries = [ENTRY, VESSEL]
    context = QueryContext(identifiers=("8660313",))  # the IMO number without its prefix
    [(index, identifier, adjustment)] = list(identifier_hits(context, entries))
    assert index == 1 and identifier.type == "IMO"
    assert adjustment.reason == "identifier_match"
    index_ = IdentifierIndex(entries)
    assert [hit[0] for hit in index_.hits(QueryContext(identifiers=("PS472310012",)))] == [0]
    assert list(index_.hits(QueryContext(identifiers=("123",)))) == []  # too short to trust
    assert list(index_.hits(QueryContext(identifiers=("IMO 1234567",)))) == []


def test_normalise_identifier() -> None:
    assert normalise_identifier(" imo-9123 456 ") == "IMO9123456"


def test_title_adjustment_contradictions() -> None:
    from sanctions_cli.matching.secondary import (
        TITLE_GENDER_MISMATCH_PENALTY,
        TITLE_NOT_PERSON_PENALTY,
        title_adjustment,
    )

    assert title_adjustment(MATCH, "", True, "male") is MATCH  # no title
    assert title_adjustment(MATCH, "male", True, "male") is MATCH  # agrees
    assert title_adjustment(MATCH, "female", True, None) is MATCH  # gender unknown
    other = title_adjustment(MATCH, "female", True, "male")
    assert other.score == MATCH.score - TITLE_GENDER_MISMATCH_PENALTY
    assert other.adjustments[-1].reason == "title_gender_mismatch"
    vessel = title_adjustment(MATCH, "male", False, None)
    assert vessel.score == MATCH.score - TITLE_NOT_PERSON_PENALTY
    assert vessel.adjustments[-1].reason == "title_not_person"


def test_matcher_applies_the_title_and_stays_lossless() -> None:
    from sanctions_cli.matching import NameMatcher

    entries = [
        Entry(id="m", type="person", name="PARSHIN, Andrey", gender="male"),
        Entry(id="f", type="person", name="ROE, Jane", gender="female"),
        Entry(id="v", type="vessel", name="MARINA JADE"),
    ]
    matcher = NameMatcher(entries)
    for name in ("Mrs Andrey Parshin", "Mr Andrey Parshin", "Mrs Jane Roe", "Ms Marina Jade"):
        indexed = [(h.ref.name, h.match.score) for h in matcher.search(name, 80)]
        brute = [(h.ref.name, h.match.score) for h in matcher.search_brute_force(name, 80)]
        assert indexed == brute
    assert [h.ref.name for h in matcher.search("Mr Andrey Parshin", 85)] == ["PARSHIN, Andrey"]
    assert matcher.search("Mrs Andrey Parshin", 90) == []
    assert [h.ref.name for h in matcher.search("Mrs Jane Roe", 85)] == ["ROE, Jane"]
    assert matcher.search("Ms Marina Jade", 90) == []
    assert [h.ref.name for h in matcher.search("Marina Jade", 90)] == ["MARINA JADE"]
