"""Names of one syllable a character compared as written (``names.syllables``,
``names.han_variants``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.names import han_variants, prepare_name
from sanctions_cli.names.syllables import fold, written_syllables


def test_the_table_maps_traditional_characters_to_simplified_ones() -> None:
    table = han_variants._table()
    assert len(table) > 6000
    assert all(len(t) == 1 and len(s) == 1 and t != s for t, s in table.items())
    assert han_variants.simplified("習") == "习"
    assert han_variants.simplified("國") == "国"
    assert han_variants.simplified("近") == "近"  # one form only


@pytest.mark.parametrize(
    ("char", "folded"),
    [
        ("리", "이"),
        ("룡", "용"),
        ("로", "노"),
        ("녀", "여"),
        ("류", "유"),
        ("김", "김"),
        ("澤", "泽"),
    ],
)
def test_a_syllable_folds_to_the_spelling_of_the_start_of_a_word(char: str, folded: str) -> None:
    assert fold(char) == folded


def test_each_token_gets_its_character_when_there_is_one_per_token() -> None:
    assert written_syllables("김 정은", 3) == ("김", "정", "은")
    assert prepare_name("習近平").syllables == ("习", "近", "平")
    assert prepare_name("김정은(金正恩)").syllables == ("김", "정", "은", "金", "正", "恩")
    assert prepare_name("Kim Jong Un").syllables == ()
    assert written_syllables("삼성 Electronics", 3) == ()  # other words beside them


@pytest.mark.parametrize(
    ("a", "b"),
    [("김종은", "김정은"), ("김정은", "김정일"), ("王伟", "王巍")],  # romanised alike: jong, wei
)
def test_names_of_one_such_script_written_apart_are_two_names(a: str, b: str) -> None:
    assert compare_names(a, b).score < 85.0


@pytest.mark.parametrize(
    ("a", "b"),
    [("習近平", "习近平"), ("리설주", "이설주"), ("김 정은", "김정은")],
)
def test_one_name_in_two_spellings_of_its_script_is_one_name(a: str, b: str) -> None:
    assert compare_names(a, b).score == 100.0


def test_across_scripts_the_readings_still_meet() -> None:
    assert compare_names("김정은", "Kim Jong Un").score >= 85.0
    assert compare_names("金正恩", "김정은").score >= 85.0  # the hanja's Korean reading


@pytest.mark.parametrize("threshold", [60.0, 85.0, 95.0, 99.0])
def test_written_syllables_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    listed = ["김정은", "최룡해", "리설주", "노무현", "라종일", "习近平", "KIM Jong Un"]
    queries = ["김종은", "최용해", "이설주", "로무현", "나종일", "習近平", "김정은", "Kim Jong Un"]
    matcher = search_equals_brute_force(listed, queries, threshold)
    assert {h.ref.name for h in matcher.search("이설주", threshold)} == {"리설주"}
    assert "김정은" not in {h.ref.name for h in matcher.search("김종은", threshold)}
