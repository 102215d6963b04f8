"""Words that mix Latin, Cyrillic and Greek letters, read in one script.

A Cyrillic ``Р`` in ``Рutin``, a Latin ``y`` in ``Пyтин``: a word of one script
with look-alike letters of another, typed on the wrong keyboard layout or put
there to slip past a screener.  Transliterated letter by letter, such a word
becomes another name (``Рutin`` would be ``rutin``), so a name with one is
searched a second time (``names.readings``) as ``unmix`` writes it: each such word
in one script, the letters of the others that look like one of its own replaced
by it (``Рutin`` is ``Putin``, ``BЛAДИMИP`` ``ВЛАДИМИР``).  As written it is still
searched: a Latin letter in a Cyrillic word may be a typo of its sound, not of
its look (an ``r`` for the ``р`` it is, not the ``г`` it looks like).

The script a word is written in is the one into which all its other letters can
be turned, or most of them (``Л``, ``Д``, ``И`` have no Latin look-alike:
``BЛAДИMИP`` is Cyrillic); on a tie the one most of its letters are in, then
Latin.  Letters with no look-alike stay as they are.  A word wholly in another
script than most of the name's letters is written in theirs when all its letters
look like some of theirs (``CITY PLAZA S.A. DE С.V.``, a Cyrillic С), else left
alone: ``Vladimir Путин`` is two words in two scripts.

The look-alikes are Unicode's confusables (UTS #39), from the
``confusable_homoglyphs`` package (MIT; the Unicode data as a JSON file of
0.9 MB, loaded on the first mixed word, some 40 ms): the data is Unicode's own
and kept up to date there, so it is not copied here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lazy_re import LazyPattern

# The scripts whose letters are confused with each other's: their capitals and
# many small letters look alike (Р P, В B, Н H, α a, ο o, ν v).
MIXABLE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")

_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_CYRILLIC = "\u0400-\u052f"
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"  # a letter, or a combining mark on one
# Letters of Cyrillic or Greek: with a Latin letter, a name of two of the scripts
# (checked first: a name of one script costs one scan).
_OTHER_THAN_LATIN = LazyPattern(f"[{_CYRILLIC}{_GREEK}]")
_LATIN_LETTER = re.compile(f"[{_LATIN}]")
_CYRILLIC_LETTER = LazyPattern(f"[{_CYRILLIC}]")
_GREEK_LETTER = LazyPattern(f"[{_GREEK}]")
_WORD = LazyPattern(f"{_LETTER}+")
# The letters a look-alike is taken from: those of the alphabets names are written
# in today, not the small capitals, old letters and symbols Unicode also lists
# (ĸ, ᴛ, Cyrillic izhitsa ѵ and omega Ꙍ); nor the Macedonian ѕ, which is a dz
# (a Latin s in a Russian word is a typo, Бриsев for Брилев, not a dze).
_ALPHABETS = {
    "LATIN": re.compile("[A-Za-z]"),
    "CYRILLIC": re.compile("[\u0400-\u0404\u0406-\u0454\u0456-\u045f\u0490\u0491]"),
    "GREEK": re.compile("[\u0386-\u03ce]"),
}


def _script(char: str) -> str | None:
    """The mixable script of a letter, or None."""
    name = unicodedata.name(char, "").split(" ", 1)[0]
    return name if name in MIXABLE_SCRIPTS else None


def _in_script(char: str, script: str) -> bool:
    return _ALPHABETS[script].fullmatch(char) is not None


@lru_cache(maxsize=1024)
def look_alike(char: str, script: str) -> str | None:
    """The letter of ``script`` that ``char`` looks like (of its case), or None;
    through the Latin letter it looks like when Unicode lists no direct look-alike
    (Greek ο and Cyrillic о are both an o)."""
    found = _listed_look_alike(char, script)
    if found is None and script != "LATIN" and _script(char) != "LATIN":
        latin = _listed_look_alike(char, "LATIN")
        found = None if latin is None else _listed_look_alike(latin, script)
    return found


def _listed_look_alike(char: str, script: str) -> str | None:
    from confusable_homoglyphs.confusables import confusables_data

    for probe, back in ((char, str), (char.upper(), str.lower), (char.lower(), str.upper)):
        for glyph in confusables_data.get(probe, ()):
            found = glyph["c"]
            if _in_script(found, script):
                found = back(found)
                return found if len(found) == 1 else None
    return None


def _unmix_word(word: str, main: str) -> str:
    scripts = [_script(char) for char in word]
    present = [s for s in MIXABLE_SCRIPTS if s in scripts]
    if len(present) == 1 and present != [main]:
        # A word wholly of another script than the name's: written in the name's
        # when every letter of it has a look-alike there (the initial В of
        # ``K.В. Hotel``), as written else (``Vladimir Путин``).
        alike = [
            look_alike(char, main) if script else char
            for char, script in zip(word, scripts, strict=True)
        ]
        return word if None in alike else "".join(c for c in alike if c is not None)
    if len(present) < 2:
        return word

    def cost(target: str) -> tuple[int, int, int]:
        strangers = [c for c, s in zip(word, scripts, strict=True) if s and s != target]
        unmappable = sum(1 for c in strangers if look_alike(c, target) is None)
        return unmappable, len(strangers), MIXABLE_SCRIPTS.index(target)

    target = min(present, key=cost)
    return "".join(
        (look_alike(char, target) or char) if script and script != target else char
        for char, script in zip(word, scripts, strict=True)
    )


def unmix(text: str) -> str:
    """``text`` with every word that mixes Latin, Cyrillic and Greek letters written
    in one script, and every word of another script than most of the name's letters
    written in theirs where all its letters look like some of theirs (see the module
    docstring); other text unchanged."""
    if text.isascii() or _OTHER_THAN_LATIN.search(text) is None:
        return text
    counts = {
        "LATIN": len(_LATIN_LETTER.findall(text)),
        "CYRILLIC": len(_CYRILLIC_LETTER.findall(text)),
        "GREEK": len(_GREEK_LETTER.findall(text)),
    }
    if sorted(counts.values())[1] == 0:
        return text  # one script
    main = max(MIXABLE_SCRIPTS, key=lambda script: counts[script])  # ties: Latin first
    return _WORD.sub(lambda match: _unmix_word(match.group(0), main), text)
