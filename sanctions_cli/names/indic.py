"""Names written in the scripts of India (Devanagari, Bengali, Gurmukhi, Gujarati,
Oriya, Tamil, Telugu, Kannada, Malayalam), read as their Latin spellings write them.

These scripts write a consonant with an inherent vowel a, which a vowel sign
replaces and a virama silences; anyascii writes the consonant alone, so
``मसूद अजहर`` came out "msud ajhr" and ``नरेन्द्र`` "nrendr".  ``romanise``
writes the inherent vowel where it is said.  In the northern languages (Hindi,
Bengali, Punjabi, Gujarati, Oriya) it is not said at the end of a word after one
consonant (``कमल`` Kamal, ``मसूद`` Masud; but ``नरेन्द्र`` Narendra), nor between a
vowel and a consonant and a vowel (``अजहर`` Azhar, ``ਲਖਬੀਰ`` Lakhbir, ``रहमान``
Rahman: schwa deletion, applied from the end of the word).  The marks are read
as names are spelled: a nukta makes क़ q, ज़ z, फ़ f, ड़ r (Hindi writes the Urdu and
Persian sounds of names so: ``हाफ़िज़`` Hafiz); श and ष are sh (``रमेश`` Ramesh);
anusvara and candrabindu an n (``सिंह`` Singh, not "simh"); Gurmukhi's addak
doubles the next consonant.  Names of Urdu and Persian origin are often written
without the nukta (``हाफिज``): ``alternative_reading`` gives the text with it, for
ज and फ, searched besides (``names.readings``).

The nine scripts share one layout, each in a block of 128 code points: the same
offset is the same letter (``KA`` at 0x15 in every block), so one table of offsets
serves them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii

INDIC_RUN = re.compile("[\u0900-\u0d7f]+")

_BLOCK = 0x80
_FIRST_BLOCK = 0x900
_CONSONANTS = (0x15, 0x39)  # KA .. HA
_EXTRA_CONSONANTS = (0x58, 0x5F)  # letters with a nukta, precomposed
_VOWEL_SIGNS = frozenset([*range(0x3E, 0x4D), 0x55, 0x56, 0x57, 0x62, 0x63])
_INDEPENDENT_VOWELS = frozenset([*range(0x05, 0x15), 0x60, 0x61])
_VIRAMA = 0x4D
_NUKTA = 0x3C
_NASALS = frozenset((0x01, 0x02))  # candrabindu, anusvara
_GURMUKHI_TIPPI, _GURMUKHI_ADDAK = "\u0a70", "\u0a71"
# Blocks whose languages drop the inherent vowel (Devanagari, Bengali, Gurmukhi,
# Gujarati, Oriya); the southern ones say it.
_SCHWA_DELETED = frozenset((0x900, 0x980, 0xA00, 0xA80, 0xB00))
# Letters anyascii spells otherwise than names do: sha (श ष) is "s" to it.
_SPELLED = {0x36: "sh", 0x37: "sh"}
# A consonant with a nukta, as names spell the sound it marks.
_WITH_NUKTA = {
    "k": "q",
    "kh": "kh",
    "g": "gh",
    "j": "z",
    "ph": "f",
    "d": "r",
    "dh": "rh",
    "s": "sh",
}
# Consonants a name of Urdu or Persian origin may write without their nukta.
_NUKTA_LEFT_OUT = re.compile("[\u091c\u092b](?!\u093c)")


@dataclass
class _Syllable:
    consonants: str  # "" for a vowel standing alone
    vowel: str  # written, or the inherent "a", or "" after a virama
    inherent: bool


def _offset(char: str) -> int:
    """The letter's place in its script's block (the same letter, the same place)."""
    return (ord(char) - _FIRST_BLOCK) % _BLOCK


def _block(char: str) -> int:
    """The first code point of the letter's script's block."""
    return ord(char) - _offset(char)


def _is_consonant(offset: int) -> bool:
    return (
        _CONSONANTS[0] <= offset <= _CONSONANTS[1]
        or _EXTRA_CONSONANTS[0] <= offset <= _EXTRA_CONSONANTS[1]
    )


def _syllables(word: str) -> list[_Syllable]:
    """The word as consonant clusters with their vowels, and marks read."""
    syllables: list[_Syllable] = []
    double_next = False
    index = 0
    while index < len(word):
        char = word[index]
        offset = _offset(char)
        index += 1
        if char == _GURMUKHI_ADDAK:
            double_next = True
        elif char == _GURMUKHI_TIPPI or offset in _NASALS:
            if syllables:
                syllables[-1].vowel += "n"
                syllables[-1].inherent = False
        elif offset in _INDEPENDENT_VOWELS:
            syllables.append(_Syllable("", anyascii(char), False))
        elif _is_consonant(offset):
            letter = _SPELLED.get(offset) or anyascii(char)
            if index < len(word) and _offset(word[index]) == _NUKTA:
                letter = _WITH_NUKTA.get(letter, letter)
                index += 1
            if double_next:
                letter = letter[0] + letter
                double_next = False
            if syllables and syllables[-1].vowel == "" and syllables[-1].consonants:
                syllables[-1].consonants += letter  # after a virama: a cluster
                syllables[-1].inherent = True
                syllables[-1].vowel = "a"
            else:
                syllables.append(_Syllable(letter, "a", True))
        elif offset == _VIRAMA:
            if syllables:
                syllables[-1].vowel = ""
                syllables[-1].inherent = False
        elif offset in _VOWEL_SIGNS:
            if syllables:
                syllables[-1].vowel = anyascii(char)
                syllables[-1].inherent = False
        elif offset != _NUKTA:
            syllables.append(_Syllable("", anyascii(char), False))
    return syllables


def romanise_word(word: str) -> str:
    """One word of an Indian script in Latin letters (see the module docstring)."""
    syllables = _syllables(word)
    if _block(word[0]) in _SCHWA_DELETED:
        # At the end after one consonant: not said (after a cluster it is).
        last = syllables[-1] if syllables else None
        if last is not None and last.inherent and len(syllables) > 1 and _single(last.consonants):
            last.vowel = ""
        # V C a C V (one consonant each side): the a is not said (from the end of
        # the word; before a cluster it is: मुहम्मद Muhammad).
        for i in range(len(syllables) - 2, 0, -1):
            here = syllables[i]
            if (
                here.inherent
                and here.vowel == "a"
                and syllables[i - 1].vowel
                and _single(syllables[i + 1].consonants)
                and syllables[i + 1].vowel
                and _single(here.consonants)
            ):
                here.vowel = ""
    return "".join(s.consonants + s.vowel for s in syllables)


def _single(consonants: str) -> bool:
    """True when a romanised consonant cluster is one consonant (``k``, ``kh``)."""
    return len(consonants) == 1 or (len(consonants) == 2 and consonants[1] == "h")


def romanise(match: re.Match[str]) -> str:
    """``romanise_word`` for a ``re.sub`` over ``INDIC_RUN``."""
    return " " + romanise_word(match.group(0)) + " "


def alternative_reading(text: str) -> str | None:
    """``text`` with a nukta under each ज and फ written without one (z and f, as
    in names of Urdu and Persian origin: ``हाफिज`` Hafiz), or None when it has none."""
    if _NUKTA_LEFT_OUT.search(text) is None:
        return None
    return _NUKTA_LEFT_OUT.sub(lambda m: m.group(0) + "\u093c", text)
