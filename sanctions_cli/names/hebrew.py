"""Names written in Hebrew letters, read as their Latin spellings are written.

Hebrew writes consonants, and a few of them double as vowels (*matres lectionis*):
``ו`` is o or u between consonants, ``י`` is i between consonants and at the end,
``א`` and ``ע`` carry a vowel, a final ``ה`` is an -a or -e.  Names written in
Hebrew, Israeli and foreign alike (``משה כהן`` Moshe Cohen, ``ג'ורג' וושינגטון``
George Washington), lean on them, and a letter-by-letter transliteration
(anyascii: ``ו`` "v", ``כ`` "kh", ``ב`` "v", no vowels) misses nearly all of them.

``read_word`` reads one word letter by letter with those rules, plus:

* a letter with a geresh (``ג'`` ``ז'`` ``צ'`` ``ת'``) is the foreign sound it marks:
  j, zh, ch, th;
* ``ב``, ``כ``, ``פ`` are b, k, p at the start of a word, v, ch, f after a vowel
  and at the end (where Hebrew softens them), b, k, p after a consonant;
* ``וו`` is a v or w, ``יי`` the diphthong ei;
* where two consonants meet with no letter for a vowel, ``GUESSED_VOWEL`` is put
  between them only in a word written without any vowel letter (``פטר`` Peter,
  ``אדם`` Adam); a word that writes its vowels (``קוסמינסקי`` Kosminsky) keeps its
  consonant clusters, as its Latin spelling does.

The reading is one guess; the phonetic skeleton and the cross-script lift of the
scorer absorb what it gets wrong (a vowel, b or v).  Measured on 2,000 Wikidata
people written in Hebrew and in Latin letters (``../shared/data/names/
transliteration/wd_hebrew``, mostly foreign names), the share scoring 85 or more
rose from 10% (anyascii with Arabic-style vowel guessing) to 24%; putting a vowel
between every two consonants instead gave 23%, ``e`` as the guessed vowel 21%.
What is left is mostly sounds Hebrew does not write at all (Walker ``ווקר``,
David ``דוד``): no letter-by-letter reading can restore them.
"""

from __future__ import annotations

import re
import unicodedata

from ..lazy_re import LazyPattern

# Hebrew letters and the marks written among them: points (niqqud) and
# cantillation, dropped; geresh (׳ or an apostrophe) after a letter, kept.
HEBREW_WORD = LazyPattern(
    "[\u05d0-\u05ea\ufb1d-\ufb4f][\u0591-\u05c7\u05d0-\u05ea\u05f0-\u05f4\ufb1d-\ufb4f'’`´]*"
)

# The vowel put between two consonants of a word written without vowel letters:
# Hebrew's unwritten vowels are mostly a or e, and the skeleton collapses all
# but a word's first vowel, so the choice matters little.
GUESSED_VOWEL = "a"

_FINAL_FORMS = str.maketrans({"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"})
_GERESH = "׳'’`´"
# Letters that are always one consonant.
_CONSONANTS = {
    "ג": "g",
    "ד": "d",
    "ז": "z",
    "ח": "h",
    "ט": "t",
    "ל": "l",
    "מ": "m",
    "נ": "n",
    "ס": "s",
    "צ": "ts",
    "ק": "k",
    "ר": "r",
    "ש": "sh",
    "ת": "t",
}
# With a geresh: the foreign sounds Hebrew has no letter for.
_WITH_GERESH = {"ג": "j", "ז": "zh", "צ": "ch", "ת": "th", "ד": "dh", "ח": "kh"}
# Hard at the start of a word or after a consonant, soft after a vowel.
_HARD_SOFT = {"ב": ("b", "v"), "כ": ("k", "ch"), "פ": ("p", "f")}
# Words of names read as they are always written: the patronymic particles
# (son of, daughter of), spelled as ``_letters`` gives them (final forms plain).
_WORDS = {"בנ": "ben", "בת": "bat"}
_VOWELS = "aeiou"


def _letters(word: str) -> list[tuple[str, bool]]:
    """The word's letters (final forms as plain ones), each with whether a geresh
    follows it; points and cantillation dropped."""
    out: list[tuple[str, bool]] = []
    for char in unicodedata.normalize("NFD", word):
        if char in _GERESH:
            if out:
                out[-1] = (out[-1][0], True)
        elif "\u05d0" <= char <= "\u05ea":
            out.append((char.translate(_FINAL_FORMS), False))
    return out


def read_word(word: str) -> str:
    """One Hebrew word in Latin letters (see the module docstring)."""
    letters = _letters(word)
    plain = "".join(letter for letter, _ in letters)
    if plain in _WORDS:
        return _WORDS[plain]
    units: list[str] = []  # each a consonant or a vowel, in Latin letters
    # Vowel letters inside the word (a final he or alef is an ending, not a
    # written vowel of the word's body).
    end = len(letters) - 1
    written_vowel = any(
        letter in "וי" or (letter in "אע" and 0 < index < end)
        for index, (letter, _) in enumerate(letters)
    )
    index = 0
    while index < len(letters):
        letter, geresh = letters[index]
        nxt = letters[index + 1][0] if index + 1 < len(letters) else ""
        last = index == end
        after_vowel = bool(units) and units[-1][-1] in _VOWELS
        if geresh and letter in _WITH_GERESH:
            units.append(_WITH_GERESH[letter])
        elif letter in _HARD_SOFT:
            hard, soft = _HARD_SOFT[letter]
            units.append(soft if after_vowel or (last and index > 0) else hard)
        elif letter == "ו":
            if nxt == "ו":
                units.append("v")
                index += 1
            elif index == 0:
                units.append("v")
            elif nxt == "י" and index + 1 == end:
                units.append("v")  # -וי: Levi
            else:
                units.append("o")
        elif letter == "י":
            if nxt == "י" and index > 0:
                units.append("ei")
                index += 1
            elif index == 0 or after_vowel:
                units.append("y")
            else:
                units.append("i")
        elif letter in "אע":
            if index == 0 and nxt == "י":
                units.append("i")
                index += 1
            elif index == 0 and nxt == "ו":
                units.append("o")
                index += 1
            elif not after_vowel:
                units.append("a")
        elif letter == "ה":
            if last and units:
                if not after_vowel:
                    units.append("a")
            else:
                units.append("h")
        else:
            units.append(_CONSONANTS.get(letter, ""))
        index += 1
    if written_vowel:
        return "".join(units)
    out: list[str] = []
    for unit in units:
        if out and out[-1][-1] not in _VOWELS and unit and unit[0] not in _VOWELS:
            out.append(GUESSED_VOWEL)
        out.append(unit)
    return "".join(out)


def romanise(match: re.Match[str]) -> str:
    """``read_word`` as an ``re.sub`` replacement, set apart by spaces."""
    return " " + read_word(match.group(0)) + " "


# A single vav between two consonant letters, in a word with no other letter for a
# vowel, is read as the vowel o or u (``read_word``), but it is as often the
# consonant v written without its second vav: ``דוד`` is "dod" (uncle) or David.
# The other reading writes it doubled (``וו``, v), and the matcher searches both
# (``names.readings``).  A word with other vowel letters keeps the vowel
# (``גוריון``, Gurion).
# A consonant letter before the vav, and one (ayin and the final forms too) after.
_BEFORE = "(?<=[בגדזחטכלמנספצקרשת])"
_AFTER = "(?=[בגדזחטכלמנסעפצקרשתךםןףץ])"
_MEDIAL_VAV = LazyPattern(_BEFORE + "ו" + _AFTER)
_VOWEL_LETTERS = LazyPattern("[אהויע]")
# So is a vav before a yod between consonants, "oy" to ``read_word`` and as often
# "vi": ``דויד`` (David written with its i).
_VAV_YOD = LazyPattern(_BEFORE + "וי" + _AFTER)


def _vav_as_v(match: re.Match[str]) -> str:
    word = match.group(0)
    if _VAV_YOD.search(word) is not None:
        return _VAV_YOD.sub("ווי", word)
    if len(_VOWEL_LETTERS.findall(word)) != 1 or _MEDIAL_VAV.search(word) is None:
        return word
    return _MEDIAL_VAV.sub("וו", word)


def alternative_reading(text: str) -> str | None:
    """The name with the vav of its words that have no other vowel letter read as a
    v (written doubled: ``דוד`` -> ``דווד``), or None when no word has such a vav."""
    other = HEBREW_WORD.sub(_vav_as_v, text)
    return None if other == text else other
