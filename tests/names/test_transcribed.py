"""Foreign names read back from their transcription (``names.transcribed``)."""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_cli.matching import compare_names
from sanctions_cli.names import readings, transcribed
from sanctions_cli.names.transcribed import (
    ARABIC,
    EMPTY,
    HAN,
    HANGUL,
    HEBREW,
    KATAKANA,
    LETTERS,
    TranscriptionTable,
    script_words,
    units,
)


def test_a_hangul_syllable_is_cut_into_its_jamo_initial_and_final_apart() -> None:
    # 각: initial ㄱ (U+1100) and final ㄱ (U+11A8) are two units.
    assert units("각", HANGUL) == ["\u1100", "\u1161", "\u11a8"]
    assert len(units("트럼프", HANGUL)) == 7  # 트 럼 프: 2 + 3 + 2 jamo


def test_a_hebrew_letter_keeps_its_geresh_and_loses_its_points() -> None:
    assert units("ג'ורג'", HEBREW) == ["ג'", "ו", "ר", "ג'"]
    assert units("ג׳ורג׳", HEBREW) == ["ג'", "ו", "ר", "ג'"]  # the geresh sign itself
    assert units("שָׁלוֹם", HEBREW) == ["ש", "ל", "ו", "ם"]


def test_an_arabic_letter_is_a_unit_without_its_vowel_marks_in_its_arabic_shape() -> None:
    assert units("جُون", ARABIC) == ["ج", "و", "ن"]  # the damma dropped
    assert units("محـمد", ARABIC) == ["م", "ح", "م", "د"]  # the tatweel dropped
    # Persian yeh and keheh are the Arabic letters the table learnt.
    assert units("کریمی", ARABIC) == units("كريمي", ARABIC)
    assert units("لا", ARABIC) == units("\ufefb", ARABIC)  # the lam-alef ligature


def test_kana_and_han_are_a_unit_a_character() -> None:
    assert units("トランプ", KATAKANA) == ["ト", "ラ", "ン", "プ"]
    assert units("普京", HAN) == ["普", "京"]


def test_words_are_parted_by_spaces_middle_dots_and_hyphens() -> None:
    assert script_words("弗拉基米尔·普京") == ["弗拉基米尔", "普京"]
    assert script_words("ドナルド・トランプ") == ["ドナルド", "トランプ"]
    assert script_words("장-폴  사르트르") == ["장", "폴", "사르트르"]


def _toy() -> TranscriptionTable:
    # テ is "te", but "t" before a small ィ (ティ, ti); ィ is "i".
    return TranscriptionTable.from_counts(
        {
            KATAKANA: {
                ("", "テ", ""): {"te": 8, "t": 2},
                ("", "テ", "ィ"): {"t": 5},
                ("", "ィ", ""): {"i": 5},
                ("", "ー", ""): {EMPTY: 4},
            }
        },
        {},
    )


def test_a_context_seen_overrides_the_unit_alone() -> None:
    table = _toy()
    assert max(table.distribution(KATAKANA, "^", "テ", "$").items(), key=lambda kv: kv[1]) == (
        "te",
        0.8,
    )
    after = table.distribution(KATAKANA, "^", "テ", "ィ")
    assert max(after, key=after.__getitem__) == "t"
    assert math.isclose(sum(after.values()), 1.0)
    assert table.spellings("ティ", KATAKANA)[0][0] == "ti"
    assert table.spellings("テー", KATAKANA)[0][0] == "te"  # the long mark writes nothing


def test_a_unit_never_seen_gives_no_spelling() -> None:
    table = _toy()
    assert table.distribution(KATAKANA, "^", "ア", "$") == {}
    assert table.spellings("アテ", KATAKANA) == []


def test_the_table_file_reads_back_what_was_written() -> None:
    table = TranscriptionTable.from_counts(
        {HAN: {("^", "普", ""): {"pu": 3, "p": 1}}}, {"^": {"a": 2, "$": 1}}
    )
    again = TranscriptionTable.parse(table.lines())
    assert again.entries == table.entries
    assert again.counts((HAN, "^", "普", "")) == {"pu": 3, "p": 1}
    assert again.counts((LETTERS, "^", "", "")) == {"a": 2, "$": 1}
    assert again.counts((HAN, "", "京", "")) is None


def test_the_letters_prefer_the_spellings_latin_names_have() -> None:
    letters = {"": {"a": 5, "c": 5, "k": 5, "$": 5}, "^": {"k": 9, "c": 1}}
    table = TranscriptionTable.from_counts({}, letters)
    assert table.letter_log_probability("^", "k") > table.letter_log_probability("^", "c")


def test_foreign_names_in_five_scripts_are_read_back_into_their_spelling() -> None:
    assert "donald trump" in transcribed.readings("도널드 트럼프", HANGUL)
    assert "roman abramovich" in transcribed.readings("罗曼·阿布拉莫维奇", HAN)
    assert "george washington" in transcribed.readings("ג'ורג' וושינגטון", HEBREW)
    assert "roman abramovich" in transcribed.readings("ロマン・アブラモビッチ", KATAKANA)
    assert "jon smith" in transcribed.readings("جون سميث", ARABIC)


def test_a_name_is_searched_under_its_spellings_read_back() -> None:
    # Told apart as a foreign name (a word of several syllables first): read back.
    found = readings("로만 아브라모비치")
    assert found[0] == "로만 아브라모비치"
    assert "roman abramovich" in found[1:]
    assert compare_names("로만 아브라모비치", "ABRAMOVICH, Roman").score >= 85.0
    assert compare_names("ロマン・アブラモビッチ", "ABRAMOVICH, Roman").score >= 85.0
    # Any name in Arabic script: its foreign names as they are spelled, which the
    # rules' consonants and guessed vowels ("difid junasun") do not reach.
    assert compare_names("ديفيد جونسون", "JOHNSON, David").score >= 85.0
    assert compare_names("ماري تيريز أوندوا", "ONDOA, Marie Therese").score >= 85.0
    # A Korean name is read by the Korean rules alone.
    assert readings("김정식") == ("김정식",)


def test_a_word_of_another_script_leaves_the_name_unread() -> None:
    assert transcribed.readings("도널드 Trump", HANGUL) == ()


_SCRIPT_LETTERS = {
    HANGUL: st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    KATAKANA: st.characters(min_codepoint=0x30A1, max_codepoint=0x30FC),
    HAN: st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    HEBREW: st.characters(min_codepoint=0x05D0, max_codepoint=0x05EA),
    ARABIC: st.characters(min_codepoint=0x0621, max_codepoint=0x064A),
}


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(sorted(_SCRIPT_LETTERS)).flatmap(
        lambda script: st.tuples(
            st.just(script),
            st.lists(
                st.text(_SCRIPT_LETTERS[script], min_size=1, max_size=6), min_size=1, max_size=3
            ),
        )
    )
)
def test_any_name_reads_as_at_most_so_many_latin_names(drawn: tuple[str, list[str]]) -> None:
    script, words = drawn
    name = " ".join(words)
    found = transcribed.readings(name, script)
    assert len(found) <= transcribed.READINGS
    assert len(set(found)) == len(found)
    for text in found:
        assert re.fullmatch("[a-z]+( [a-z]+)*", text)
        # a word a word (a word of marks alone, an Arabic tatweel, is none)
        assert len(text.split()) == len([w for w in script_words(name) if units(w, script)])


def test_a_maqaf_parts_hebrew_words() -> None:
    assert script_words("דוד בן־גוריון") == ["דוד", "בן", "גוריון"]


def test_a_word_learnt_whole_is_spelled_with_the_fewest_letters_its_units_allow() -> None:
    # One name aligned a regnal number with גמליאל ("ii" once, "gamliel" five
    # times): held to the beam's fewest letters, the word reads as its letters do.
    lines = [
        "hebrew\t*\tגמליאל\t\tgamliel:5 ii:1",
        *(f"hebrew\t\t{letter}\t\t{spelling}:10" for letter, spelling in _GAMLIEL_LETTERS),
    ]
    table = TranscriptionTable.parse(lines)
    spelled = [spelling for spelling, _gain in table.spellings("גמליאל", HEBREW)]
    assert spelled[0] == "gamliel"
    assert "ii" not in spelled
    least = transcribed.min_letters(len(units("גמליאל", HEBREW)))
    assert all(len(spelling) >= least for spelling in spelled)
    assert "ii" not in " ".join(transcribed.readings("גמליאל סלמאן", HEBREW)).split()


_GAMLIEL_LETTERS = (("ג", "g"), ("מ", "m"), ("ל", "l"), ("י", "i"), ("א", "e"))
