"""Names a scanner (OCR) may have misread: one letter made two, read back as one.

A scanned name comes back with letters a scanner confuses: ``rn`` for ``m``
(``Karirn`` for Karim), ``cl`` for ``d`` (``AL-ASSACL`` for AL-ASSAD), ``vv`` for
``w``.  The edit distance counts each as two or three changes, so a short word is
lost (Karirn / Karim scores 72.7).  ``scanner_readings`` gives the name with every
such pair read as the one letter (and, when several words have one, each word
read alone), more readings of the name to search (``normalise.readings``); the
scorer takes a few points off a hit found through one
(``scorer.SCANNER_READING_PENALTY``), as the pairs are often written so (Bernard,
Clara).  Confusions of one letter for another (``e``/``c``, ``1``/``l``) are a
changed letter, which the scorer and ``normalise`` already read.
"""

from __future__ import annotations

import re

# The pairs of letters a scanner reads for one letter, and that letter.  Only
# these: single letters misread (e for c, 1 for l, 0 for o) are typos of one
# letter, which the scorer weighs as such, and digits in letters ``normalise`` reads.
SCANNER_PAIRS = {"rn": "m", "cl": "d", "vv": "w"}
_PAIR = re.compile("|".join(SCANNER_PAIRS), re.IGNORECASE)


def _one_letter(found: re.Match[str]) -> str:
    pair = found.group()
    letter = SCANNER_PAIRS[pair.lower()]
    return letter.upper() if pair[0].isupper() else letter


def scanner_reading(text: str) -> str | None:
    """``text`` in Latin letters with every pair of ``SCANNER_PAIRS`` read as its
    letter, the case of its first kept; None when there is none (or the text is
    in another script, whose scanners confuse other shapes)."""
    if not text.isascii() or _PAIR.search(text) is None:
        return None
    return _PAIR.sub(_one_letter, text)


# Words with such pairs read one at a time up to this many (``scanner_readings``);
# beyond, only all at once.
SCANNER_WORDS_ONE_BY_ONE = 3
_WORD = re.compile(r"\S+")


def scanner_readings(text: str) -> tuple[str, ...]:
    """The ``scanner_reading`` of ``text`` and, when several of its words have such
    pairs, each of them read alone (up to ``SCANNER_WORDS_ONE_BY_ONE``): in
    ``Harnzah DIRNAWI`` only the first is misread (Hamzah DIRNAWI)."""
    whole = scanner_reading(text)
    if whole is None:
        return ()
    words = [found for found in _WORD.finditer(text) if _PAIR.search(found.group())]
    if not 1 < len(words) <= SCANNER_WORDS_ONE_BY_ONE:
        return (whole,)
    alone = (
        text[: word.start()] + _PAIR.sub(_one_letter, word.group()) + text[word.end() :]
        for word in words
    )
    return (*alone, whole)
