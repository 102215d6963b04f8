"""Names in Hebrew letters: vowel letters, hard and soft letters, geresh."""

from __future__ import annotations

import pytest

from sanctions_cli.matching import compare_names
from sanctions_cli.matching.scorer import compare
from sanctions_cli.names import prepare_name, readings, tokenise
from sanctions_cli.names.hebrew import read_word

THRESHOLD = 85.0


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        # vav and yod between consonants are vowels; a final yod an i
        ("קוסמינסקי", "kosminski"),
        ("לוי", "lvi"),  # -וי: v and i
        # vav doubled is a v (w); at the start a v
        ("לודוויג", "lodvig"),
        ("ויטסל", "vitsl"),
        # geresh: the foreign sound (George, Zhivkov, Mitcham)
        ("ג'ורג'", "jorj"),
        ("ז׳יבקוב", "zhivkov"),
        # bet, kaf, pe: hard at the start and after a consonant, soft after a vowel
        # and at the end
        ("ברוך", "broch"),
        ("יוסף", "yosf"),
        # a word written without vowel letters gets a vowel between its consonants
        ("פטר", "patar"),
        # the patronymic particle
        ("בן", "ben"),
    ],
)
def test_read_word(word: str, latin: str) -> None:
    assert read_word(word) == latin


def test_points_are_dropped() -> None:
    assert read_word("שָׁלוֹם") == read_word("שלום")


@pytest.mark.parametrize(
    ("hebrew", "latin"),
    [
        ("ולדימיר פוטין", "Vladimir Putin"),
        ("פיטר קוסמינסקי", "Peter Kosminsky"),
        ("ריטה וילסון", "Rita Wilson"),
        ("טמאש פרישקין", "Tamás Priskin"),
        ("אורי הוכמן", "Uri Hochman"),
        ("הגר בן-אשר", "Hagar Ben-Asher"),
    ],
)
def test_hebrew_meets_the_latin_spelling(hebrew: str, latin: str) -> None:
    assert compare(prepare_name(hebrew), prepare_name(latin)).score >= THRESHOLD


@pytest.mark.parametrize(
    ("hebrew", "latin"),
    [
        ("עלי כהן", "KHAN, Ali"),  # Ali Cohen: k-h-n is not kh-n
        ("כרמל חסן", "KARAMI, Hassan"),  # Carmel: a consonant more
        ("יאסין קרמר", "KARAMI, Hassan"),
    ],
)
def test_guessed_vowels_do_not_make_other_consonants_alike(hebrew: str, latin: str) -> None:
    assert compare(prepare_name(hebrew), prepare_name(latin)).score < THRESHOLD


def test_a_geresh_written_as_an_apostrophe_stays_with_its_word() -> None:
    assert tokenise("ג'ורג' וושינגטון")[0] == "jorj"


def _in_hebrew(found: tuple[str, ...]) -> list[str]:
    """The readings still in Hebrew letters (the others are the Latin spellings of
    ``names.transcribed``)."""
    return [text for text in found if not text.isascii()]


def test_a_vav_between_consonants_is_also_read_as_v() -> None:
    # דוד is "dod" or David: the other reading writes the vav doubled (a v).
    assert _in_hebrew(readings("דוד לוי")) == ["דוד לוי", "דווד לוי"]
    assert compare_names("דוד לוי", "David Levy").score >= 85.0
    # A word with another vowel letter keeps its vav a vowel (Gurion), and a name
    # without such a vav has one reading.
    assert readings("דוד בן גוריון")[1] == "דווד בן גוריון"
    assert _in_hebrew(readings("משה לוי")) == ["משה לוי"]


def test_a_vav_before_a_yod_between_consonants_is_also_read_as_vi() -> None:
    # דויד is "doyd" or David written with its i.
    assert _in_hebrew(readings("דויד")) == ["דויד", "דוויד"]
    assert compare_names("דויד לוי", "David Levy").score >= 85.0
