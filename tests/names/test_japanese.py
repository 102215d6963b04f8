"""Japanese readings: kana in Hepburn (jaconv), kanji as Japanese when pykakasi is
installed, long vowels written once, and a name of kanji alone searched both as
Chinese and as Japanese."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.model import Entry, Listing
from sanctions_cli.names import japanese, prepare_name, readings
from sanctions_cli.names.normalise import JAPANESE, script_of

LISTING = (Listing(authority="Test authority", list="Test list"),)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("しゅう", ("shu",)),  # anyascii: "shiyuu"
        ("ジョン・スミス", ("jon", "sumisu")),  # anyascii: "jiyon-sumisu"
        ("ﾔﾏﾀﾞ ﾀﾛｳ", ("yamada", "taro")),  # half-width katakana of bank transfers
        ("やまだ たろう", ("yamada", "taro")),
        ("いのうえ", ("inoue",)),  # a vowel before a vowel is two syllables
        ("ウラジーミル・プーチン", ("urajimiru", "puchin")),
    ],
)
def test_kana_are_read_in_hepburn(text: str, tokens: tuple[str, ...]) -> None:
    assert prepare_name(text).tokens == tokens
    assert prepare_name(text).script == JAPANESE


@pytest.mark.parametrize(
    ("romaji", "folded"),
    [
        ("satou", "sato"),
        ("oono", "ono"),
        ("shuu", "shu"),
        ("taro-", "taro"),
        ("inoue", "inoue"),
        ("kei", "kei"),
        ("puuchin", "puchin"),
    ],
)
def test_long_vowels_are_written_once(romaji: str, folded: str) -> None:
    assert japanese.fold_long_vowels(romaji) == folded


@given(st.text(alphabet="aeioukstn-", max_size=12))
def test_folding_long_vowels_drops_vowels_only(romaji: str) -> None:
    folded = japanese.fold_long_vowels(romaji)
    assert len(folded) <= len(romaji)
    consonants = [c for c in romaji if c in "kstn"]
    assert [c for c in folded if c in "kstn"] == consonants
    assert "-" not in folded or "-" in romaji


def test_what_is_japanese() -> None:
    assert japanese.is_japanese("山田 たろう")
    assert japanese.is_japanese("三菱商事株式会社")  # a legal form in kanji
    assert not japanese.is_japanese("习近平")
    assert not japanese.is_japanese("김정식")
    assert script_of("オウム真理教") == JAPANESE
    assert script_of("习近平") == "CJK"


def test_a_kanji_legal_form_is_a_legal_form() -> None:
    name = prepare_name("トヨタ自動車株式会社")
    assert "legal" in name.kinds
    assert prepare_name("Toyota Jidosha Kabushiki Kaisha").tokens[-1] == name.tokens[-1]


def test_without_pykakasi_kana_are_read_and_kanji_stay_chinese(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(japanese, "_reader", japanese._UNAVAILABLE)
    japanese.japanese_text.cache_clear()
    japanese.alternative_reading.cache_clear()
    try:
        assert japanese.alternative_reading("山田太郎") is None
        assert readings("山田太郎") == ("山田太郎",)
        assert japanese.japanese_text("山田 たろう").split() == ["山田", "taro"]
    finally:
        japanese.japanese_text.cache_clear()
        japanese.alternative_reading.cache_clear()


kakasi = pytest.mark.skipif(
    not japanese.kanji_reader_available(), reason="pykakasi (extra 'japanese') not installed"
)


@kakasi
def test_kanji_of_a_japanese_name_are_read_as_japanese() -> None:
    assert prepare_name("山田 たろう").tokens == ("yamada", "taro")
    assert prepare_name("オウム真理教").tokens == ("omu", "shinrikyo")
    # Words written apart are read as one word each (pykakasi reads "kumi ko").
    assert prepare_name("山口 くみ子").tokens == ("yamaguchi", "kumiko")
    assert prepare_name("トヨタ 自動車株式会社").tokens == ("toyota", "jidosha", "jsc")
    assert prepare_name("三菱商事株式会社").normalised.startswith("mitsubishishoji")


@kakasi
def test_a_kanji_name_has_a_japanese_reading_beside_its_pinyin() -> None:
    assert readings("山田太郎") == ("山田太郎", "yamada taro")
    assert prepare_name("山田太郎").tokens == ("shan", "tian", "tai", "lang")
    # Simplified characters are Chinese: no Japanese reading.
    assert readings("习近平") == ("习近平",)
    assert compare_names("田中花子", "Tanaka Hanako").score == 100.0
    assert compare_names("习近平", "Xi Jinping").score == 100.0


@kakasi
@pytest.mark.parametrize("threshold", [70.0, 85.0, 100.0])
def test_a_kanji_name_is_searched_under_both_readings(threshold: float) -> None:
    listed = ["YAMADA, Taro", "Tanaka Hanako", "Xi Jinping", "Shan Tian", "山田太郎"]
    matcher = NameMatcher(
        [Entry(f"J{i}", "person", name, (), LISTING) for i, name in enumerate(listed)]
    )
    for query in ["山田太郎", "田中花子", "習近平", "山田 たろう"]:
        indexed = matcher.search(query, threshold)
        brute = matcher.search_brute_force(query, threshold)
        assert [(h.ref.name, h.match.score) for h in indexed] == [
            (h.ref.name, h.match.score) for h in brute
        ]
    names = {h.ref.name for h in matcher.search("山田太郎", 85.0)}
    assert names == {"YAMADA, Taro", "山田太郎"}  # Japanese and as written
    assert [hits[0].ref.name for hits in matcher.search_many(["田中花子", "習近平"], 85.0)] == [
        "Tanaka Hanako",
        "Xi Jinping",
    ]
