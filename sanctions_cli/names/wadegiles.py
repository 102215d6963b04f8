"""Chinese names romanised in Wade-Giles, read as pinyin.

Lists write Chinese names in pinyin (``XI Jinping``, ``MAO Zedong``); payments
from Taiwan, Hong Kong and older records often carry Wade-Giles (``Hsi Chin-p'ing``,
``Mao Tse-tung``, ``Chiang Ching-kuo``).  The phonetic skeleton already brings
many syllables together (``chou``/``zhou``, ``hsiao``/``xiao``), but a sound-alike
lifts a pair only so far, and the systems disagree on whole syllables: ``tse`` is
``ze``, ``tung`` is ``dong``, ``chih`` is ``zhi``, ``pien`` is ``bian``.

``as_pinyin`` rewrites a name written in Wade-Giles syllable by syllable:

* a name qualifies when it has at least ``MIN_TOKENS`` tokens, every token is a
  Wade-Giles or pinyin syllable or a run of them written together (``Tsetung``),
  and one syllable is Wade-Giles only *and* distinctly so (``MARKERS``: ``hs-``,
  ``ts-``/``tz-``, ``-ih``, ``-ieh``, ``-ien``, ``-ueh``, ``-uei``, ``chia``/``chie``/
  ``ching``/``chiu``, ``erh``, ``ssu``).  Syllables such as ``sung``, ``ho``
  or ``chin`` alone do not qualify a name: they are as often Korean
  (McCune-Reischauer ``Chin``, ``Ho``, ``Sung``), and a Korean name must stay as
  written to meet its other romanisations;
* in a qualifying name every syllable that pinyin has not got is replaced by its
  pinyin reading; one pinyin has too (``ping``, ``chen``, ``teng``) stays as
  written, because without the apostrophes, which names nearly always lose,
  Wade-Giles cannot tell ``ping`` (``bing``) from ``p'ing`` (``ping``): the
  skeleton's merged voicing (b/p, d/t, g/k) meets either reading;
* a syllable Wade-Giles writes for two pinyin syllables takes the unaspirated one
  (``tsai`` -> ``zai``, not ``cai``), for the same reason.

The syllable tables come from ``pypinyin`` (already a dependency for Han
characters): its character dictionary gives every pinyin syllable, its
``Style.WADEGILES`` each one's Wade-Giles spelling, so no table is kept here.
pypinyin takes 0.2 s to import, so the tables are built on the first name that
may qualify (``_may_qualify``, a cheap test), not at start-up.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# A name of one token is not rewritten: a lone word that happens to spell a
# syllable (a surname, a brand) carries too little to tell the system.
MIN_TOKENS = 2

# Longest syllable of either system ("chiung", "hsiung", "chuang"): bounds the
# segmentation of tokens written together.
MAX_SYLLABLE_LENGTH = 6

# Longest token split into syllables: four syllables of a given name written
# together ("Hsiaoping", "Tsetung") and more; longer tokens are words.
MAX_JOINED_LENGTH = 18

# Syllables that only Wade-Giles writes so (see the module docstring).
MARKERS = re.compile(
    r"^(?:hs|ts|tz)[aeiou]|[^aeiou](?:ih|ieh|ien|ueh|uei)$|^(?:erh|ss[uy])$|^ch(?:ia|ie|ing|iu)"
)

# Cheap test before the tables are built: a token that starts or ends like a marker.
_MAY_QUALIFY = re.compile(
    r"(?:hs|ts|tz)[aeiou]|(?:ih|ieh|ien|ueh|uei|erh|ssu)\b|\bch(?:ia|ie|ing|iu)"
)

# Cache of rewritten token tuples: names repeat.
REWRITE_CACHE_SIZE = 1 << 14


@cache
def _tables() -> tuple[frozenset[str], dict[str, str]]:
    """Every pinyin syllable (toneless), and each Wade-Giles syllable pinyin has not
    got (apostrophes and umlauts dropped) with its unaspirated pinyin reading."""
    # Imported here: pypinyin loads its dictionaries on import (module docstring).
    from pypinyin.constants import PINYIN_DICT, Style
    from pypinyin.style import convert

    readings = unicodedata.normalize("NFD", ",".join(PINYIN_DICT.values()))
    toneless = "".join(c for c in readings if not unicodedata.combining(c))
    pinyin = frozenset(
        s for s in toneless.split(",") if s.isascii() and s.isalpha() and re.search("[aeiou]", s)
    )
    wade: dict[str, str] = {}
    for syllable in sorted(pinyin):
        spelled = str(convert(syllable, Style.WADEGILES, strict=False))
        key = spelled.replace("'", "").replace("v", "u").replace("ü", "u")
        if not (key.isascii() and key.isalpha()) or key in pinyin or len(key) < 2:
            continue
        # Two readings (ch'in/chin -> qin/jin): the unaspirated one, written
        # without the apostrophe, wins.
        if key not in wade or "'" not in spelled:
            wade[key] = syllable
    return pinyin, wade


def _may_qualify(tokens: tuple[str, ...]) -> bool:
    return len(tokens) >= MIN_TOKENS and any(_MAY_QUALIFY.search(t) for t in tokens)


@lru_cache(maxsize=REWRITE_CACHE_SIZE)
def _syllables(token: str) -> tuple[str, ...] | None:
    """``token`` as the fewest syllables of either system, or None."""
    pinyin, wade = _tables()
    if token in pinyin or token in wade:
        return (token,)
    if len(token) > MAX_JOINED_LENGTH or not token.isalpha():
        return None
    # best[i]: the fewest syllables spelling token[:i].
    best: list[tuple[str, ...] | None] = [None] * (len(token) + 1)
    best[0] = ()
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - MAX_SYLLABLE_LENGTH), end):
            head = best[start]
            piece = token[start:end]
            if head is None or (piece not in pinyin and piece not in wade):
                continue
            if best[end] is None or len(head) + 1 < len(best[end] or ()):
                best[end] = (*head, piece)
    return best[-1]


def as_pinyin(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """``tokens`` with a Wade-Giles name's syllables in pinyin (module docstring);
    any other name as it is."""
    if not _may_qualify(tokens):
        return tokens
    wade = _tables()[1]
    split = [_syllables(t) for t in tokens]
    if any(s is None for s in split):
        return tokens
    syllables = [s for parts in split for s in parts or ()]
    if not any(s in wade and MARKERS.search(s) for s in syllables):
        return tokens
    return tuple("".join(wade.get(s, s) for s in parts or ()) for parts in split)
