"""Words mixing Latin, Cyrillic and Greek look-alikes read in one script (``names.homoglyphs``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.names import normalise, readings
from sanctions_cli.names.homoglyphs import look_alike, unmix

CYRILLIC_ER = "\u0420"  # Р, which looks like a Latin P
CYRILLIC_O = "\u043e"  # о
LATIN_Y = "y"


@pytest.mark.parametrize(
    ("text", "unmixed"),
    [
        (f"{CYRILLIC_ER}utin Vladimir", "Putin Vladimir"),  # Latin word, a Cyrillic letter
        (f"Kim J{CYRILLIC_O}ng Sik", "Kim Jong Sik"),
        ("П\u0079тин", "Путин"),  # Cyrillic word, a Latin y
        ("BЛAДИMИP", "ВЛАДИМИР"),  # half Latin capitals: Л, Д, И have no Latin look-alike
        ("Αlexandros", "Alexandros"),  # a Greek capital alpha
        ("Олексiй", "Олексій"),  # a Latin i in Ukrainian, as keyboards leave it
        ("Бриsев", "Бриsев"),  # a Latin s in Russian is a typo: the ѕ of Macedonian is a dz
        # a word wholly of look-alikes in a name of another script: an initial
        ("CITY PLAZA S.A. D\u0415 \u0421.V.", "CITY PLAZA S.A. DE C.V."),
        ("K.\u0412. \u041dotel", "K.B. Hotel"),
    ],
)
def test_a_mixed_word_is_read_in_one_script(text: str, unmixed: str) -> None:
    assert unmix(text) == unmixed


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Путин",  # two words, two scripts: Путин has letters no Latin one is like
        "ВОР",  # a Russian word of letters that look Latin, alone
        "Владимир Путин",
        "Ιωάννης Παπαδόπουλος",
        "Müller Jürgen Ødegaard",
        "Влади\u0301мир",  # a combining accent is no letter of another script
        "金正恩",
    ],
)
def test_a_word_of_one_script_is_left_alone(text: str) -> None:
    assert unmix(text) == text


def test_look_alikes_are_plain_letters_of_the_script() -> None:
    assert look_alike("\u043a", "LATIN") == "k"  # not the kra ĸ Unicode lists first
    assert look_alike("\u03c4", "LATIN") == "t"  # not a small capital
    assert look_alike("y", "CYRILLIC") == "\u0443"
    assert look_alike("\u0434", "LATIN") is None  # д looks like no Latin letter


def test_a_name_with_look_alikes_meets_the_listed_name() -> None:
    # Searched as written, then unmixed.
    assert readings(f"{CYRILLIC_ER}UTIN, Vladimir") == (
        f"{CYRILLIC_ER}UTIN, Vladimir",
        "PUTIN, Vladimir",
    )
    assert normalise(f"{CYRILLIC_ER}UTIN, Vladimir") == "rutin vladimir"
    assert compare_names(f"{CYRILLIC_ER}utin Vladimir", "PUTIN, Vladimir").score == 100.0
    assert compare_names("Пyтин Bлaдимир", "Vladimir Putin").score == 100.0
    # Read in one script, the word is still another name where it is one.
    assert compare_names(f"{CYRILLIC_ER}utilin Vladislav", "PUTIN, Vladimir").score < 85.0
    # A Latin letter in a Cyrillic word may be a typo of its sound: as written too.
    assert compare_names("Бриrев", "Брирев").score == 100.0


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=40))
def test_ascii_text_is_never_changed(text: str) -> None:
    assert unmix(text) == text


@given(
    st.lists(
        st.sampled_from(["Р", "р", "А", "о", "у", "Л", "Ж", "Н", "P", "a", "o", "y", "n", "H"]),
        min_size=1,
        max_size=12,
    )
)
def test_unmixing_keeps_the_length_and_is_settled(letters: list[str]) -> None:
    # Latin and Cyrillic, the mix keyboards make: read once, a word stays so.
    word = "".join(letters)
    once = unmix(word)
    assert len(once) == len(word)
    assert unmix(once) == once


@pytest.mark.parametrize("threshold", [60.0, 85.0])
def test_mixed_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    listed = ["PUTIN, Vladimir", "KIM, Jong Sik", "LAVROV, Sergey"]
    queries = [f"{CYRILLIC_ER}utin Vladimir", "Пyтин", f"Kim J{CYRILLIC_O}ng Sik", "Sеrgеy Lavrov"]
    matcher = search_equals_brute_force(listed, queries, threshold)
    assert "KIM, Jong Sik" in {h.ref.name for h in matcher.search(queries[2], 85.0)}
