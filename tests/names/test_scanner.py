"""A scanner's pairs of letters read as the one letter (``names.scanner``)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.matching.scorer import SCANNER_READING_PENALTY
from sanctions_cli.model import Entry, Listing
from sanctions_cli.names import prepared_readings, readings
from sanctions_cli.names.scanner import (
    SCANNER_PAIRS,
    SCANNER_WORDS_ONE_BY_ONE,
    scanner_reading,
    scanner_readings,
)

THRESHOLD = 85.0


@pytest.mark.parametrize(
    ("scanned", "meant"),
    [
        ("Karirn KEITA", "Karim KEITA"),
        ("Samer Kamal AL-ASSACL", "Samer Kamal AL-ASSAD"),
        ("RNAHAN AIR", "MAHAN AIR"),
        ("Clawood", "Dawood"),
        ("Vvang Chen", "Wang Chen"),
    ],
)
def test_pairs_a_scanner_makes_of_one_letter_are_read_as_it(scanned: str, meant: str) -> None:
    assert scanner_reading(scanned) == meant
    # searched as written first, then so read
    assert readings(scanned) == (scanned, meant)
    assert [r.scanned for r in prepared_readings(scanned)] == [False, True]


def test_words_with_such_pairs_are_read_one_by_one_too() -> None:
    # A name may have the pair as written too: DIRNAWI keeps its rn.
    assert scanner_readings("Harnzah DIRNAWI") == (
        "Hamzah DIRNAWI",
        "Harnzah DIMAWI",
        "Hamzah DIMAWI",
    )
    assert compare_names("Harnzah DIRNAWI", "DIRNAWI, Hamzah").score >= THRESHOLD
    many = " ".join(["Karirn"] * (SCANNER_WORDS_ONE_BY_ONE + 1))
    assert scanner_readings(many) == (" ".join(["Karim"] * (SCANNER_WORDS_ONE_BY_ONE + 1)),)


def test_names_without_such_pairs_or_in_other_scripts_have_no_scanner_reading() -> None:
    assert scanner_reading("Kim Jong Sik") is None
    assert scanner_reading("Карл Кларк") is None
    assert readings("Kim Jong Sik") == ("Kim Jong Sik",)


@given(st.text(alphabet="acdlmnrvwAC -", max_size=12))
def test_a_scanner_reading_has_no_pair_left_and_keeps_every_other_letter(text: str) -> None:
    read = scanner_reading(text)
    if read is None:
        assert not any(pair in text.lower() for pair in SCANNER_PAIRS)
        return
    # (no letter a pair is read as begins or ends a pair: none is made anew)
    assert not any(pair in read.lower() for pair in SCANNER_PAIRS)
    assert len(read) < len(text)
    # Every letter the reading has is one of the text's, or a pair's letter.
    assert set(read.lower()) <= set(text.lower()) | set(SCANNER_PAIRS.values())


def test_a_misread_name_meets_the_listed_one_a_little_below_as_written() -> None:
    match = compare_names("Karirn KEITA", "KEITA, Karim")
    assert match.score == 100.0 - SCANNER_READING_PENALTY
    assert [a.reason for a in match.adjustments] == ["scanner_reading"]
    # The name as written wins when it scores as well: nothing taken off.
    assert compare_names("Arnold CLARK", "CLARK, Arnold").score == 100.0


def test_the_index_finds_a_misread_name() -> None:
    listed = ["KEITA, Karim", "AL-ASSAD, Samer Kamal", "MAHAN AIR", "CLARK, Arnold", "GUL BAKHT"]
    listing = (Listing("Test", "Test", listed_on=dt.date(2000, 1, 1)),)
    matcher = NameMatcher([Entry(f"E{i}", "person", n, (), listing) for i, n in enumerate(listed)])
    for query, meant in [
        ("Karirn KEITA", "KEITA, Karim"),
        ("Samer Kamal AL-ASSACL", "AL-ASSAD, Samer Kamal"),
        ("RNAHAN AIR", "MAHAN AIR"),
        ("GU1 BAKHT", "GUL BAKHT"),
    ]:
        hits = matcher.search(query, THRESHOLD)
        assert [h.ref.name for h in hits] == [meant]
        assert hits == matcher.search_brute_force(query, THRESHOLD)


@pytest.mark.parametrize(
    ("scanned", "meant", "listed"),
    [
        ("Vladimir 1vovich MASHKOV", "Vladimir lvovich MASHKOV", "MASHKOV, Vladimir Lvovich"),
        ("GU1 BAKHT", "GUL BAKHT", "GUL BAKHT"),
        ("ABDU1 1ATIF", "ABDUL 1ATIF", "ABDUL LATIF"),  # before a vowel normalise reads l
    ],
)
def test_a_scanner_s_1_where_normalise_reads_an_i_is_an_l_too(
    scanned: str, meant: str, listed: str
) -> None:
    assert scanner_reading(scanned) == meant
    match = compare_names(scanned, listed)
    assert match.score == 100.0 - SCANNER_READING_PENALTY
    assert [a.reason for a in match.adjustments] == ["scanner_reading"]
    # the i normalise reads is still the name as written: Sech1n is Sechin
    assert compare_names("Igor SECH1N", "SECHIN, Igor").score == 100.0


def test_ordinals_numbers_and_words_of_other_digits_keep_their_1() -> None:
    for text in ("1ST BATTALION", "Vessel 1", "MIG-21", "Unit 731", "R1", "A1i", "Kha1id"):
        assert scanner_reading(text) is None, text
