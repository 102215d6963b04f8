"""Foreign names written in Chinese characters (``names.chinese``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.names import FOREIGN_HAN, chinese, prepare_name, readings, transcribed


def test_a_name_of_han_words_joined_by_a_middle_dot_is_foreign() -> None:
    assert chinese.is_foreign_han("弗拉基米尔·普京")
    assert chinese.is_foreign_han("弗拉基米尔・普京")  # katakana middle dot
    assert chinese.is_foreign_han("弗拉基米尔 ‧ 普京")  # Taiwan's, spaced
    assert not chinese.is_foreign_han("习近平")
    assert not chinese.is_foreign_han("普京")  # one word: told from a Chinese name by nothing
    assert not chinese.is_foreign_han("オレグ・デリパスカ")
    assert prepare_name("贝拉克·奥巴马").script == FOREIGN_HAN
    assert prepare_name("习近平").script == "CJK"


@pytest.mark.parametrize(
    ("han", "read"),
    [
        ("弗拉基米尔", "flagimir"),  # fu before l: a cluster; ji -> gi; er -> r
        ("普京", "pugin"),  # jing: -ng for a foreign -n
        ("谢尔盖", "serge"),  # xie -> se; gai -> ge
        ("拉夫罗夫", "laflof"),  # fu after the first syllable: a lone f; luo -> lo
        ("斯塔尼", "stani"),  # si before a consonant: s
        ("奥巴马", "obama"),  # ao alone: o
        ("吕克", "luk"),  # pinyin ü (v) as u; ke -> k
    ],
)
def test_a_word_is_read_as_transcriptions_use_its_syllables(han: str, read: str) -> None:
    assert chinese.foreign_word(han) == read


def test_a_foreign_name_is_one_token_a_word() -> None:
    assert prepare_name("谢尔盖·拉夫罗夫").tokens == ("serge", "laflof")
    # Not read as a Japanese name in kanji too: only as the Latin spellings it
    # transcribes (names.transcribed).
    assert readings("谢尔盖·拉夫罗夫") == (
        "谢尔盖·拉夫罗夫",
        *transcribed.readings("谢尔盖·拉夫罗夫", transcribed.HAN),
    )


def test_a_foreign_name_meets_its_latin_spelling_on_loose_consonants() -> None:
    assert compare_names("谢尔盖·拉夫罗夫", "LAVROV, Sergey").score >= 85.0
    assert compare_names("维克托·维克塞尔伯格", "VEKSELBERG, Viktor").score >= 85.0
    assert compare_names("弗拉基米尔·普京", "Vladimir Putin").score > 70.0
    # As syllables of pinyin it met nothing.
    assert compare_names("弗拉基米尔 普京", "Vladimir Putin").score == 0.0
    # Another name of the same shape stays apart.
    assert compare_names("谢尔盖·拉夫罗夫", "LEBEDEV, Sergey").score < 85.0


def test_pinyin_u_umlaut_is_written_u() -> None:
    assert prepare_name("吕小军").tokens == ("lu", "xiao", "jun")
    assert compare_names("吕小军", "Lü Xiaojun").score == 100.0


@given(st.text(alphabet="弗拉基米尔普京谢盖夫罗斯塔尼奥巴马吕克", min_size=1, max_size=8))
def test_a_word_reads_as_lower_case_ascii_letters(han: str) -> None:
    read = chinese.foreign_word(han)
    assert read.isascii() and read.isalpha() and read.islower()


CHINESE_LISTED = ["LAVROV, Sergey", "VEKSELBERG, Viktor", "Vladimir Putin", "习近平", "Lu Wei"]
CHINESE_QUERIES = [
    "谢尔盖·拉夫罗夫",
    "维克托·维克塞尔伯格",
    "弗拉基米尔·普京",
    "吕伟",
    "Sergei Lavrov",
]


@pytest.mark.parametrize("threshold", [60.0, 75.0, 85.0, 95.0])
def test_foreign_han_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    matcher = search_equals_brute_force(CHINESE_LISTED, CHINESE_QUERIES, threshold)
    assert {h.ref.name for h in matcher.search("谢尔盖·拉夫罗夫", 85.0)} == {"LAVROV, Sergey"}
