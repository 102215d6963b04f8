"""What a scanner (OCR) reads two letters as one: the name a scanned document meant.

A scanned name comes back with letters a scanner confuses: ``rn`` for ``m``
(``Karirn`` for Karim), ``cl`` for ``d`` (``AL-ASSACL`` for AL-ASSAD), ``vv`` for
``w``.  The edit distance counts each as two or three changes, so a short word is
lost (Karirn / Karim scores 72.7).  ``scanner_reading`` gives the name with every
such pair read as the one letter, one more reading of the name to search
(``normalise.readings``); the scorer takes a point or two off a hit found through
it (``scorer.SCANNER_READING_PENALTY``), as the pairs are often written so
(Bernard, Clara).  Confusions of one letter for another (``e``/``c``, ``1``/``l``)
are a changed letter, which the scorer and ``normalise`` already read.
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
