"""Names a scanner (OCR) may have misread: one letter made two, read back as one.

A scanned name comes back with letters a scanner confuses: ``rn`` for ``m``
(``Karirn`` for Karim), ``cl`` for ``d`` (``AL-ASSACL`` for AL-ASSAD), ``vv`` for
``w``.  The edit distance counts each as two or three changes, so a short word is
lost (Karirn / Karim scores 72.7).  ``scanner_readings`` gives the name with every
such pair read as the one letter (and, when several words have one, each word
read alone), more readings of the name to search (``normalise.readings``); the
scorer takes a few points off a hit found through one
(``scorer.SCANNER_READING_PENALTY``), as the pairs are often written so (Bernard,
Clara).  A ``1`` in a word is an i or an l: ``normalise`` reads an l before a
vowel and an i elsewhere (``Sech1n``), and the l there is a scanner reading too
(``1vovich``, Lvovich; ``GU1``, GUL).  Other confusions of one letter for another
(``e``/``c``) are a changed letter, which the scorer already reads.
"""

from __future__ import annotations

import re

# The pairs of letters a scanner reads for one letter, and that letter.  Only
# these: single letters misread (e for c, 0 for o) are typos of one letter, which
# the scorer weighs as such, and digits in letters ``normalise`` reads.
SCANNER_PAIRS = {"rn": "m", "cl": "d", "vv": "w"}
_PAIR = re.compile("|".join(SCANNER_PAIRS), re.IGNORECASE)
# Words with such pairs read one at a time up to this many (``scanner_readings``);
# beyond, only all at once.
SCANNER_WORDS_ONE_BY_ONE = 3
_WORD = re.compile(r"\S+")
# How ``normalise`` reads a 1 in a word (``normalise._fix_ocr_digits``), kept here,
# where the scanner's reading of the other letter needs it too (``normalise``
# imports this module): an l before one of these letters (A1i, O1eg, Kha1id: few
# names have an i before a vowel there), an i elsewhere (Sech1n, She1kh).
ONE_AS_L_BEFORE = "aeiouy"
# An ordinal (1ST, 21st, 7TH) keeps its digits: a number, not letters.
ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
# A run of letters with one 1 in it, as ``normalise`` reads digits as letters only
# in a word of two letters or more.
_ONE_IN_WORD = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]*1[A-Za-z]*(?![0-9A-Za-z])")


def _one_letter(found: re.Match[str]) -> str:
    pair = found.group()
    letter = SCANNER_PAIRS[pair.lower()]
    return letter.upper() if pair[0].isupper() else letter


def _one_as_l(found: re.Match[str]) -> str:
    """A word's 1 as the l ``normalise`` does not read it as (it does before a
    vowel), in the case of the letters beside it; the word as it is otherwise."""
    word = found.group()
    at = word.index("1")
    after = word[at + 1 : at + 2]
    if len(word) < 3 or (after and after.lower() in ONE_AS_L_BEFORE) or ORDINAL.match(word):
        return word
    letter = "L" if (word[at - 1 : at] + after).isupper() else "l"
    return word[:at] + letter + word[at + 1 :]


def _read_word(word: str) -> str:
    """``word`` with its scanner's pairs read as their letters and its 1 as an l."""
    return _ONE_IN_WORD.sub(_one_as_l, _PAIR.sub(_one_letter, word))


def scanner_reading(text: str) -> str | None:
    """``text`` in Latin letters with every pair of ``SCANNER_PAIRS`` read as its
    letter, the case of its first kept, and a 1 in a word as an l where
    ``normalise`` reads an i; None when there is none (or the text is in another
    script, whose scanners confuse other shapes)."""
    if not text.isascii():
        return None
    read = _WORD.sub(lambda found: _read_word(found.group()), text)
    return read if read != text else None


def scanner_readings(text: str) -> tuple[str, ...]:
    """The ``scanner_reading`` of ``text`` and, when several of its words have such
    misreadings, each of them read alone (up to ``SCANNER_WORDS_ONE_BY_ONE``): in
    ``Harnzah DIRNAWI`` only the first is misread (Hamzah DIRNAWI)."""
    whole = scanner_reading(text)
    if whole is None:
        return ()
    words = [found for found in _WORD.finditer(text) if _read_word(found.group()) != found.group()]
    if not 1 < len(words) <= SCANNER_WORDS_ONE_BY_ONE:
        return (whole,)
    alone = (text[: word.start()] + _read_word(word.group()) + text[word.end() :] for word in words)
    return (*alone, whole)
