"""Chinese names romanised in Wade-Giles, read as pinyin.

Lists write Chinese names in pinyin (``XI Jinping``, ``MAO Zedong``); payments
from Taiwan, Hong Kong and older records often carry Wade-Giles (``Hsi Chin-p'ing``,
``Mao Tse-tung``, ``Chiang Ching-kuo``).  The phonetic skeleton already brings
many syllables together (``chou``/``zhou``, ``hsiao``/``xiao``), but a sound-alike
lifts a pair only so far, and the systems disagree on whole syllables: ``tse`` is
``ze``, ``tung`` is ``dong``, ``chih`` is ``zhi``, ``pien`` is ``bian``.

``as_pinyin`` rewrites Wade-Giles syllables as pinyin, at two levels:

* a token that is a *distinctly* Wade-Giles syllable (``MARKERS``: ``hs-``,
  ``ts-``/``tz-``, ``-ih``, ``-ieh``, ``-ien``, ``-ueh``, ``-uei``, ``chia``/``chie``/
  ``ching``/``chiu``, ``erh``, ``ssu``, and ``-ung`` after t, l, n or k) is
  rewritten wherever it stands, whatever the other words of the name: so
  ``Teo Ching`` and ``CHING, Teo Boon``, or ``Tsai`` alone and ``TSAI Ming-chieh
  Jack``, read alike;
* the other syllables pinyin has not got (``ho``, ``ko``, ``chin``, ``jen``, ``sung``,
  ``chung`` ...) are as often Korean (McCune-Reischauer ``Chin``, ``Ho``,
  ``Chung``), and a Korean name must stay as written to meet its other
  romanisations: they are rewritten only in a name of at least ``MIN_TOKENS``
  tokens that are all syllables, one of them distinct (``Hsi Chin-ping`` ->
  ``xi jin ping``);
* a word is one syllable: Wade-Giles writes a given name's syllables apart
  (``Tse-tung``), and a word that merely splits into syllables is as often
  Japanese or Arabic (``Mitsubishi``, ``Muhsin``);
* a syllable pinyin has too (``ping``, ``chen``, ``teng``) stays as written,
  because without the apostrophes, which names nearly always lose, Wade-Giles
  cannot tell ``ping`` (``bing``) from ``p'ing`` (``ping``): the skeleton's merged
  voicing (b/p, d/t, g/k) meets either reading;
* a syllable Wade-Giles writes for two pinyin syllables takes the unaspirated one
  (``tsai`` -> ``zai``, not ``cai``), for the same reason.

The syllable tables come from ``pypinyin`` (already a dependency for Han
characters): its character dictionary gives every pinyin syllable, its
``Style.WADEGILES`` each one's Wade-Giles spelling (``build_tables``); they are
kept derived in ``TABLE_FILE`` (checked against pypinyin by a test) and read once.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

from ..lazy_re import LazyPattern

# A name whose syllables are rewritten all together has this many tokens at
# least: a lone word that happens to spell a syllable (a surname, a brand)
# carries too little to tell the system.
MIN_TOKENS = 2

# Syllables that only Wade-Giles writes so (see the module docstring).
MARKERS = LazyPattern(
    r"^(?:hs|ts|tz)[aeiou]|[^aeiou](?:ih|ieh|ien|ueh|uei)$|^(?:erh|ss[uy])$"
    r"|^ch(?:ia|ie|ing|iu)|^[tlnk]ung$"
)


# The tables, derived from pypinyin by ``build_tables`` and kept beside this
# module (written by ``format_tables(*build_tables())``; a test checks the file
# against pypinyin): reading them costs nothing, while importing pypinyin costs
# 0.2 s and some 50 MB in every worker process.
TABLE_FILE = "wadegiles.tsv"


def build_tables() -> tuple[frozenset[str], dict[str, str]]:
    """Every pinyin syllable (toneless), and each Wade-Giles syllable pinyin has not
    got (apostrophes and umlauts dropped) with its unaspirated pinyin reading,
    from pypinyin's character dictionary and its ``Style.WADEGILES``."""
    from pypinyin.constants import PINYIN_DICT, Style
    from pypinyin.style import convert

    readings = unicodedata.normalize("NFD", ",".join(PINYIN_DICT.values()))
    toneless = "".join(c for c in readings if not unicodedata.combining(c)).split(",")
    # How many characters read each syllable: the commoner reading wins a tie.
    characters = Counter(
        s for s in toneless if s.isascii() and s.isalpha() and re.search("[aeiou]", s)
    )
    pinyin = frozenset(characters)
    wade: dict[str, str] = {}
    chosen: dict[str, tuple[bool, int]] = {}
    for syllable in sorted(pinyin):
        spelled = str(convert(syllable, Style.WADEGILES, strict=False))
        key = spelled.replace("'", "").replace("v", "u").replace("ü", "u")
        if not (key.isascii() and key.isalpha()) or key in pinyin or len(key) < 2:
            continue
        # Two readings (ch'in/chin -> qin/jin): the unaspirated one, written
        # without the apostrophe, wins; then the commoner (ho: he, not huo).
        rank = ("'" not in spelled, characters[syllable])
        if key not in chosen or rank > chosen[key]:
            wade[key] = syllable
            chosen[key] = rank
    return pinyin, wade


def format_tables(pinyin: frozenset[str], wade: dict[str, str]) -> str:
    """The tables as ``TABLE_FILE`` holds them: a pinyin syllable alone on its line,
    a Wade-Giles syllable and its pinyin reading separated by a tab."""
    lines = sorted(pinyin) + [f"{key}\t{value}" for key, value in sorted(wade.items())]
    return "\n".join(lines) + "\n"


@cache
def _tables() -> tuple[frozenset[str], dict[str, str]]:
    """``build_tables`` as kept in ``TABLE_FILE``."""
    text = resources.files("sanctions_cli.names").joinpath(TABLE_FILE).read_text("utf-8")
    pinyin: set[str] = set()
    wade: dict[str, str] = {}
    for line in text.splitlines():
        key, _, value = line.partition("\t")
        if value:
            wade[key] = value
        elif key:
            pinyin.add(key)
    return frozenset(pinyin), wade


def as_pinyin(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """``tokens`` with their Wade-Giles syllables in pinyin (module docstring);
    any other name as it is."""
    pinyin, wade = _tables()
    distinct = [t in wade and MARKERS.search(t) is not None for t in tokens]
    if not any(distinct):
        return tokens
    whole = len(tokens) >= MIN_TOKENS and all(t in wade or t in pinyin for t in tokens)
    return tuple(
        wade[t] if t in wade and (whole or own) else t
        for t, own in zip(tokens, distinct, strict=True)
    )
