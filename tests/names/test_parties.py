"""Name fields holding more than one name (``names.parties``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.matching import NameMatcher
from sanctions_cli.names import parties, readings
from sanctions_cli.screening import Screener


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("KIM JONG SIK / ACME TRADING LTD", ("KIM JONG SIK", "ACME TRADING LTD")),
        ("ACME TRADING LTD FAO KIM JONG SIK", ("ACME TRADING LTD", "KIM JONG SIK")),
        ("Kim Jong Sik (aka Kim Chong Sik)", ("Kim Jong Sik", "Kim Chong Sik")),
        ("Kim Jong Sik c/o Korea Trading", ("Kim Jong Sik", "Korea Trading")),
        ("ACME t/a Best Widgets", ("ACME", "Best Widgets")),
        ("John Smith on behalf of Jane Doe", ("John Smith", "Jane Doe")),
        ("RI PYONG CHOL; RI PYONG CHUL", ("RI PYONG CHOL", "RI PYONG CHUL")),
    ],
)
def test_a_field_of_several_names_is_cut_into_them(field: str, names: tuple[str, ...]) -> None:
    assert parties.parts(field) == names
    assert readings(field)[1:] == names


@pytest.mark.parametrize(
    "field",
    [
        "KIM, Jong Sik",  # a comma orders a name
        "Camargo S/A",  # a slash between two letters abbreviates
        "Smith and Sons",
        "Akabane",  # "aka" inside a word
    ],
)
def test_one_name_stays_whole(field: str) -> None:
    assert parties.parts(field) == ()


@given(st.text(max_size=40))
def test_parts_are_never_empty_nor_the_field(field: str) -> None:
    for part in parties.parts(field):
        assert sum(c.isalpha() for c in part) >= parties.MIN_PART_LETTERS
        assert part != field.strip()


def test_a_listed_name_among_other_words_of_a_field_is_found(
    bundled_screener: Screener,
) -> None:
    hits = bundled_screener.entry_hits("KIM JONG SIK / ACME TRADING LTD")
    assert hits and hits[0].ref.name == "KIM Jong Sik"
    assert hits[0].match.query_normalised == "kim jong sik"


@pytest.mark.parametrize(
    ("field", "names"),
    [
        # a role or a remark in brackets: the name beside it
        ("KIM JONG SIK (DIRECTOR)", ("KIM JONG SIK",)),
        # another name in brackets: each
        ("RI PYONG CHOL (LEE BYONG CHUL)", ("RI PYONG CHOL", "LEE BYONG CHUL")),
    ],
)
def test_a_screened_field_is_searched_beside_its_brackets(
    field: str, names: tuple[str, ...]
) -> None:
    assert parties.parts(field) == names
    assert readings(field) == (field, *names)  # the field as written first
    # A listed name's brackets are its own writing.
    assert parties.parts(field, screened=False) == ()


@pytest.mark.parametrize(
    "field", ["Deutsche Bank (Schweiz) AG", "Bank of China (Hong Kong) Limited", "ACME (PTY) LTD"]
)
def test_a_companys_brackets_tell_it_from_its_sisters(field: str) -> None:
    # A legal form makes the name a company's: one name, whole.
    assert parties.parts(field, brackets=False) == ()
    assert readings(field) == (field,)


def test_a_name_beside_brackets_is_found(bundled_screener: Screener) -> None:
    for field in ("KIM JONG SIK (DIRECTOR)", "Lee Byong Chul (Ri Pyong Chol)"):
        hits = bundled_screener.entry_hits(field)
        assert hits and hits[0].match.score >= 95.0, field


def test_a_bracketed_legal_form_is_no_separator() -> None:
    assert parties.parts("(주) 브레인겨레상사") == ()
    # The name as written, and as its English name (``company_words``): both whole.
    assert readings("(주) 브레인겨레상사") == (
        "(주) 브레인겨레상사",
        "co ltd breingyore trading company",
    )


@pytest.mark.parametrize(
    "field", ["KIM JONG SIK, PYONGYANG, DPRK", "KIM, Jong Sik, Pyongyang, Korea"]
)
def test_a_name_before_its_address_is_searched_too(field: str, bundled_screener: Screener) -> None:
    hits = bundled_screener.entry_hits(field)
    assert hits and hits[0].ref.name == "KIM Jong Sik"
    assert hits[0].match.score >= 95.0


@pytest.mark.parametrize(
    ("field", "bare"),
    [
        ("DAVENPORT IMO 9123456", "DAVENPORT"),
        ("DAVENPORT (IMO NO. 9123456)", "DAVENPORT"),
        ("MV DAVENPORT, IMO: 9123456", "MV DAVENPORT"),
        ("KIM JONG SIK DOB 1968", "KIM JONG SIK"),
        ("KIM JONG SIK, D.O.B. 12/05/1968", "KIM JONG SIK"),
        ("Kim Jong Sik born 12 May 1968", "Kim Jong Sik"),
        ("KIM JONG SIK A/C 40817810099910004312", "KIM JONG SIK"),
        ("ACME LTD IBAN DE89370400440532013000", "ACME LTD"),
    ],
)
def test_what_a_field_adds_to_a_name_is_searched_without(field: str, bare: str) -> None:
    assert parties.without_annotations(field) == bare
    assert parties.parts(field)[0] == bare
    assert readings(field)[0] == field and bare in readings(field)


@pytest.mark.parametrize(
    "field",
    ["KIM JONG SIK 1968", "Room 1968 Ltd", "Bank 1 of Dobrich", "IMO 123", "Accent 2000 LLC"],
)
def test_numbers_of_a_name_are_no_annotation(field: str) -> None:
    assert parties.without_annotations(field) == field


def test_an_imo_number_in_a_name_field_is_read() -> None:
    assert parties.imo_numbers("DAVENPORT (IMO NO. 9123456)") == ("IMO9123456",)
    assert parties.imo_numbers("OCEAN ZENITH IMO9123456 / IMO 7654321") == (
        "IMO9123456",
        "IMO7654321",
    )
    assert parties.imo_numbers("IMO 123456") == ()  # six digits: no IMO number
    assert parties.imo_numbers("ZIMO 9123456") == ()
    # A listed name is the list's own writing.
    assert parties.parts("DAVENPORT IMO 9123456", screened=False) == ()


def test_a_birth_date_in_a_name_field_is_read() -> None:
    assert parties.birth_year("KIM JONG SIK, D.O.B. 12/05/1968") == 1968
    assert parties.birth_year("Kim Jong Sik born 12 May 1968 / ACME LTD") == 1968
    assert parties.birth_year("KIM JONG SIK DOB 68") is None  # two digits: no year
    assert parties.birth_year("KIM JONG SIK 1968") is None  # a number, not said to be one


def test_a_name_with_its_birth_date_is_found(bundled_screener: Screener) -> None:
    for field in ("KIM JONG SIK DOB 1968", "KIM JONG SIK, D.O.B. 12/05/1968"):
        hits = bundled_screener.entry_hits(field)
        assert hits and hits[0].ref.name == "KIM Jong Sik", field
        assert hits[0].match.score >= 95.0


def test_introducers_are_words_of_their_own() -> None:
    assert parties.parts("YK-AKA") == ()
    assert parties.parts("ENDOWMENT FOR CARE OF LEBANESE FAMILIES") == ()


def test_a_listed_name_of_several_names_is_each_of_them(
    search_equals_brute_force: Callable[..., NameMatcher],
) -> None:
    listed = ["NEW PEOPLE'S ARMY / COMMUNIST PARTY OF THE PHILIPPINES", "KNOWLES, JR., Samuel"]
    queries = ["Communist Party of the Philippines", "New People's Army", "Knowles", "Sam Knowles"]
    for threshold in (60.0, 85.0):
        matcher = search_equals_brute_force(listed, queries, threshold)
    hits = matcher.search("Communist Party of the Philippines", 85.0)
    assert hits[0].ref.name == "COMMUNIST PARTY OF THE PHILIPPINES"
    assert hits[0].match.score == 100.0
    assert {h.ref.entry_index for h in hits} == {0}
    # A listed name's commas order it: no part of it is a name alone.
    assert not matcher.search("Knowles", 85.0)
