"""Japanese readings: kana in Hepburn (jaconv), kanji as Japanese when pykakasi is
installed, long vowels written once, and a name of kanji alone searched both as
Chinese and as Japanese."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.model import Entry, Listing
from sanctions_cli.names import japanese, prepare_name, readings
from sanctions_cli.names.normalise import FOREIGN_KATAKANA, JAPANESE, script_of

LISTING = (Listing(authority="Test authority", list="Test list"),)


@pytest.mark.parametrize(
    ("text", "tokens", "script"),
    [
        ("しゅう", ("shu",), JAPANESE),  # anyascii: "shiyuu"
        ("ジョン・スミス", ("jon", "sumisu"), FOREIGN_KATAKANA),  # anyascii: "jiyon-sumisu"
        ("ﾔﾏﾀﾞ ﾀﾛｳ", ("yamada", "taro"), JAPANESE),  # half-width katakana of bank transfers
        ("やまだ たろう", ("yamada", "taro"), JAPANESE),
        ("いのうえ", ("inoue",), JAPANESE),  # a vowel before a vowel is two syllables
        ("ウラジーミル・プーチン", ("urajimiru", "puchin"), FOREIGN_KATAKANA),
    ],
)
def test_kana_are_read_in_hepburn(text: str, tokens: tuple[str, ...], script: str) -> None:
    assert prepare_name(text).tokens == tokens
    assert prepare_name(text).script == script


@pytest.mark.parametrize(
    ("kana", "read"),
    [
        # A kana and a small vowel are one foreign syllable (jaconv: "tei", "shie", "ui").
        ("アスティス", "asutisu"),
        ("シェフチェンコ", "shefuchenko"),
        ("マシュウィッツ", "mashuwittsu"),
        ("ヴァレンティノヴィチ", "varentinovichi"),
        ("ファツィオ", "fatsio"),
        ("マッチェ", "matche"),  # a sokuon doubles the syllable's consonant
        ("ディーン", "din"),
        # A long a ending a word is English or German -er, -ar, -or.
        ("ミラー", "mirar"),
        ("ピーター・パーカー", "pitar・pakar"),
        ("ラーマン", "raman"),
    ],
)
def test_the_katakana_of_foreign_sounds_are_read_as_one_syllable(kana: str, read: str) -> None:
    assert japanese.kana_reading(kana) == read


def test_a_foreign_name_in_katakana_is_told_from_a_japanese_one() -> None:
    assert japanese.is_foreign_katakana("ウラジーミル・プーチン")  # middle dot, long vowels
    assert japanese.is_foreign_katakana("ｱﾚｸｾｲ ﾐﾗｰ")  # half-width, prolonged sound mark
    assert japanese.is_foreign_katakana("ヴィクトル ヴェクセリベルク")  # ヴ, small vowel
    assert not japanese.is_foreign_katakana("ﾔﾏﾀﾞ ﾀﾛｳ")  # long vowels written with ウ
    assert not japanese.is_foreign_katakana("ヤマダ カナ")
    assert not japanese.is_foreign_katakana("山田 タロー")  # kanji: a Japanese name
    assert prepare_name("ｱﾚｸｾｲ ﾐﾗｰ").script == FOREIGN_KATAKANA


def test_a_foreign_name_in_katakana_meets_its_spelling_on_fewer_consonants() -> None:
    # Katakana writes r for r and l and adds u and o after consonants: the loose
    # skeleton (scorer.LOOSE_CONSONANT_SCRIPTS) brings "deripasuka" to Deripaska.
    assert compare_names("オレグ・デリパスカ", "DERIPASKA, Oleg").score >= 85.0
    assert compare_names("マリノフスキー・マテイ", "Malinovsky Matey").score >= 85.0
    # A Japanese name in katakana keeps every consonant and vowel.
    assert compare_names("ヤマダ カナ", "KHAN, Madi").score < 85.0


def test_katakana_chi_and_ji_may_be_ti_and_di_and_an_initial_u_a_v() -> None:
    # scorer.loose_skeletons: プーチン "puchin" is Putin, ウラジーミル "urajimiru" Vladimir.
    assert compare_names("ウラジーミル・プーチン", "PUTIN, Vladimir").score >= 85.0
    assert compare_names("マルチン・コワルスキー", "KOWALSKI, Martin").score >= 85.0
    # Still a ch and a j where the Latin spelling has them.
    assert compare_names("チャールズ・ジョンソン", "Charles Johnson").score >= 85.0
    # Only the transcription's side is read so: a Latin ch is no t.
    assert compare_names("テン・タロウ", "CHEN, Taro").score < 85.0


KATAKANA_LISTED = [
    "DERIPASKA, Oleg",
    "VEKSELBERG, Viktor",
    "KHAN, Madi",
    "ヤマダ タロウ",
    "PUTIN, Vladimir",
    "ウラジーミル・プーチン",
]


@pytest.mark.parametrize("threshold", [60.0, 75.0, 85.0, 95.0])
def test_katakana_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    queries = ["オレグ・デリパスカ", "ヴィクトル・ヴェクセリベルク", "ヤマダ カナ", "Yamada Taro"]
    queries += ["ｵﾚｸﾞ ﾃﾞﾘﾊﾟｽｶ", "ウラジーミル・プーチン", "Vladimir Putin", "Uladimir Puchin"]
    matcher = search_equals_brute_force(KATAKANA_LISTED, queries, threshold)
    assert {h.ref.name for h in matcher.search("オレグ・デリパスカ", 85.0)} == {"DERIPASKA, Oleg"}


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
