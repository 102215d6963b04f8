"""Korean names written in Han characters (``names.hanja``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.names import hanja, readings


def test_the_table_holds_a_usual_and_a_surname_reading_per_character() -> None:
    table = hanja._table()
    assert len(table) > 8000
    assert table["金"] == ("금", "김")  # gold; the surname Kim
    assert table["丹"][0] == "단"
    assert all(len(u) == 1 and len(n) == 1 for u, n in table.values())


@pytest.mark.parametrize(
    ("han", "hangul"),
    [
        ("金正恩", "김정은"),
        ("李炳哲", "리병철"),
        ("南宮玉", None),  # a compound surname and a given name of one character
        ("南宮玉山", "남궁옥산"),
        ("习近平", None),  # simplified characters a Korean name does not use
        ("中島 英樹", None),  # spaced: a Japanese name
        ("石莉", None),  # a given name of one character
        ("Kim", None),
    ],
)
def test_a_korean_name_in_han_characters_is_read_in_hangul(han: str, hangul: str | None) -> None:
    assert hanja.korean_reading(han) == hangul


def test_the_korean_reading_is_searched_too() -> None:
    assert readings("金正恩")[-1] == "김정은"
    assert compare_names("金正恩", "Kim Jong Un").score >= 85.0
    assert compare_names("李炳哲", "RI Pyong Chol").score >= 85.0
    # Still read as Chinese.
    assert compare_names("金正恩", "Jin Zhengen").score == 100.0


@pytest.mark.parametrize("threshold", [60.0, 85.0])
def test_hanja_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    listed = ["KIM Jong Un", "RI Pyong Chol", "JIN, Zhengen", "金正恩"]
    queries = ["金正恩", "李炳哲", "Kim Jong Un", "김정은"]
    matcher = search_equals_brute_force(listed, queries, threshold)
    assert "KIM Jong Un" in {h.ref.name for h in matcher.search("金正恩", 85.0)}
