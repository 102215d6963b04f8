"""Names in Arabic script read with Persian consonants too (``names.persian``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.names import normalise, persian, readings, same_script_alternatives


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("فضل رحيم", "فزل رحيم"),
        ("عبد القدوس مظهری", "عبد القدوس مزهری"),
        ("ثناء اللہ غفاری", "سناء اللہ غفاری"),
        ("عبد الروف ذاکر", "عبد الروف زاکر"),
        ("على حنفى", "علي حنفي"),  # a final alif maqsura read as a ya
        ("مصطفى بكري", "مصطفي بكري"),
        ("محمد حسين", None),  # no letter Persian says otherwise
        ("Fazal Rahim", None),
    ],
)
def test_the_letters_persian_says_otherwise_are_written_as_it_says_them(
    text: str, read: str | None
) -> None:
    assert persian.alternative_reading(text) == read


def test_a_name_meets_the_latin_spelling_of_either_pronunciation() -> None:
    assert readings("فضل رحيم")[1] == "فزل رحيم"
    assert compare_names("فضل رحيم", "FAZAL RAHIM").score >= 85.0
    assert compare_names("نور محمد ثاقب", "NOOR MOHAMMAD SAQIB").score >= 85.0
    assert compare_names("ثناء اللہ غفاری", "SANAULLAH GHAFARI").score >= 85.0
    assert (
        compare_names("على السيد محمد مصطفى بكري", "ALI SAYYID MUHAMED MUSTAFA BAKRI").score >= 85
    )
    # The Arabic reading still meets the Arabic spelling.
    assert compare_names("فاضل الربيعي", "FADHIL AL-RUBAYI").score >= 85.0


@pytest.mark.parametrize("threshold", [70.0, 85.0])
def test_persian_reading_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    listed = ["FAZAL RAHIM", "FADHIL AL-RUBAYI", "NOOR MOHAMMAD SAQIB", "THAQIB, Nur"]
    queries = ["فضل رحيم", "فاضل الربيعي", "نور محمد ثاقب", "Fazal Rahim"]
    matcher = search_equals_brute_force(listed, queries, threshold)
    assert "FAZAL RAHIM" in {h.ref.name for h in matcher.search("فضل رحيم", 85.0)}


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("جوهر مجيد", "jawahar majid"),
        ("أنور", "anawar"),
        ("توفيق", "tawafiq"),
        ("محمد علي", None),  # no waw between consonants
    ],
)
def test_a_waw_between_consonants_is_read_as_a_w_too(text: str, read: str | None) -> None:
    alternative = persian.waw_reading(text)
    assert (normalise(alternative) if alternative else None) == read
    if alternative:
        assert alternative in readings(text)


def test_the_waw_reading_meets_the_latin_spellings_with_a_w() -> None:
    assert compare_names("أنور العولقي", "Anwar al-Awlaki").score >= 85.0
    assert compare_names("طاريق أنور السيد احمد", "TARIQ ANWAR EL SAYED AHMED").score >= 85
    assert compare_names("ثروت صالح شحاته", "THARWAT SALAH SHIHATA").score >= 85.0
    # The reading as a vowel still meets the spellings with a u.
    assert compare_names("محمود", "MAHMOUD").score >= 85.0


def test_each_word_with_a_waw_is_read_as_a_w_alone_too() -> None:
    # Jawhar, but al-Duri: the w in one word of two, not in both.
    read = [normalise(t) for t in persian.waw_readings("جوهر مجيد الدوري")]
    assert read == ["jawahar majid al dawari", "jawahar majid al duri", "juhar majid al dawari"]
    assert compare_names("جوهر مجيد الدوري", "JAWHAR MAJID AL-DURI").score >= 85.0  # 79.4
    assert persian.waw_readings("جوهر مجيد") == (persian.waw_reading("جوهر مجيد"),)
    assert persian.waw_readings("محمد علي") == ()
    many = " ".join(["جوهر"] * (persian.WAW_WORDS_MAX + 1))
    assert persian.waw_readings(many) == (persian.waw_reading(many),)  # all only


def test_a_respelling_is_not_compared_with_names_of_its_own_script() -> None:
    # PreparedName.alternative: the waw and Persian readings are for Latin names.
    assert same_script_alternatives("مسعود پزشک\u200cفر") == {
        persian.waw_reading("مسعود پزشک\u200cفر")
    }
    assert compare_names("مسعود پزشک\u200cفر", "مسعود پزشکیان").score < 85.0
    assert compare_names("مسعود پزشکیان", "مسعود پزشکیان").score == 100.0


@pytest.mark.parametrize("threshold", [70.0, 85.0, 95.0])
def test_same_script_alternatives_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    listed = ["مسعود پزشکیان", "PEZESHKIAN, Masoud", "ANWAR, Tharwat", "ثروت أنور"]
    queries = ["مسعود پزشک\u200cفر", "مسعود پزشکیان", "ثروت أنور", "Tharwat Anwar"]
    search_equals_brute_force(listed, queries, threshold)
