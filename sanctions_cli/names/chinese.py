"""Foreign names written in Chinese characters: telling them apart and reading them.

Chinese writes a foreign name by its sounds, a character a syllable, and its words
apart with a middle dot: ``弗拉基米尔·普京`` (Vladimir Putin), ``贝拉克·奥巴马``
(Barack Obama).  Read as pinyin, one token a syllable as ``normalise`` reads a
Chinese name (``fu la ji mi er pu jing``), such a name meets its Latin spelling
nowhere.  A name whose Han words are joined by a middle dot is such a name
(Chinese and Korean names in Han characters are not written with one), with its
own script (``FOREIGN_HAN``): each word is read as one token, its syllables
joined and spelled the way transcriptions use them (``foreign_word``), and the
scorer compares it with Latin names on their loose consonants, like foreign names
in Hangul or katakana (``matching.scorer.LOOSE_CONSONANT_SCRIPTS``).

A Chinese transcription of a one-word name without a dot (``普京``) cannot be told
from a Chinese name, and is read as one.

Why rules over a table: the transcription tables (Xinhua's) give the character of
each foreign syllable, and a screener needs the reverse, which those tables make
ambiguous anyway (基 is gi, ki and di); the few rules below are the regularities of
that table, measured on 4,000 Wikidata name words in Chinese characters against
their Latin spelling (a held-out 4,000 agree within a point): words alike on the
loose skeleton at 85, 54% as plain pinyin, 63% read so; the lone consonants and
clusters below came after, measured on names of two such words
(``benchmarks/evaluate_matching.py``, seeds 7 and 11): 0.1% of them matched at 85
as pinyin syllables, 26% read as words, 31% (0.309 and 0.316) with both; none met
another name of 20,000 either way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazy_re import LazyPattern

# The Han characters (CJK unified ideographs, extension A, compatibility), as a
# regex character range: the one definition ``normalise`` and ``hanja`` use too.
HAN_CHARACTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = LazyPattern(f"[{HAN_CHARACTERS}]+")
# The dots that part the words of a foreign name: the middle dot (mainland), the
# katakana middle dot (U+30FB, also what NFKC makes of the half-width one), the
# hyphenation point (Taiwan) and a bullet.
MIDDLE_DOTS = "\u00b7\u30fb\u2027\u2022"
_DOT = f"\\s*[{MIDDLE_DOTS}]\\s*"
FOREIGN_NAME = LazyPattern(f"[{HAN_CHARACTERS}]+(?:{_DOT}[{HAN_CHARACTERS}]+)+")
_WORD_BREAK = LazyPattern(_DOT)

# Script of a foreign name written in Chinese characters (see the module docstring).
FOREIGN_HAN = "HAN-FOREIGN"

# Syllable rules, each a regularity of the transcription table (pinyin on the left):
_SYLLABLE_RULES: tuple[tuple[LazyPattern, str], ...] = tuple(
    (LazyPattern(pattern), replacement)
    for pattern, replacement in (
        # 京 jing (Putin), 滕 teng: a foreign -n is written with -ng as often as -n.
        (r"(?<=[a-z]{2})ng$", "n"),
        # 西 xi (si, shi), 奇 qi (chi), 茨 ci (ts), 吉 ji / 加 jia (gi, ga): pinyin's
        # palatal and dental initials stand for the foreign sounds closest to them.
        (r"^x", "s"),
        (r"^q", "ch"),
        (r"^c(?!h)", "ts"),
        (r"^j", "g"),
        # 泰 tai, 雷 lei, 梅 mei (te, re, me); 托 tuo, 洛 luo, 道 dao, 寇 kou (to, lo,
        # do, ko); 杰 jie (je); 奥 ao, 欧 ou (o): diphthongs that write a plain e or o.
        (r"(?<=[^aeiou])(?:ai|ei|ie)$", "e"),
        (r"^(?:ai|ei)$", "e"),
        (r"(?<=[^aeiou])(?:ao|uo|ou)$", "o"),
        (r"^(?:ao|ou)$", "o"),
    )
)


# Syllables that write a consonant without a vowel after the first syllable of a
# word (Chinese has no consonant clusters or final consonants but n, ng): 斯 si
# (s), 克 ke (k), 特 te, 德 de, 夫 fu, 布 bu, 普 pu, 姆 mu, 格 ge, 赫 he, 茨 ci,
# 兹 zi, 什 shi; 尔 er is the r (or l) ending a syllable (弗拉基米尔, Vladimir).
LONE_CONSONANTS = {
    "si": "s", "ke": "k", "te": "t", "de": "d", "fu": "f", "bu": "b", "pu": "p",
    "mu": "m", "ge": "g", "he": "h", "ci": "ts", "zi": "z", "shi": "sh", "er": "r",
}  # fmt: skip


# A first syllable of these before a syllable starting with one of the letters
# given is the first consonant of a cluster: 布拉 bula (Bla, Bra), 弗拉 fula (Vla),
# 格里 geli (Gri), 斯特 site (St), 斯科 sike (Sc).  (德里 is Dri as often as Deri.)
_CLUSTER = {
    "bu": "l", "pu": "l", "fu": "l", "ke": "l", "ge": "l", "de": "l", "te": "l",
    "si": "tdpbkgmnwl",
}  # fmt: skip


def pinyin_ascii(syllable: str) -> str:
    """A pypinyin syllable with its ``v`` (pinyin's ü, so written by pypinyin) as
    ``u``: 吕 is written Lu or Lü (folded: ``lu``) far more often than Lv or Lyu.
    Written in Han characters, 吕 and 卢 (Lu) then read alike."""
    return syllable.replace("v", "u")


def is_foreign_han(text: str) -> bool:
    """True when ``text`` has Han words joined by a middle dot (a foreign name)."""
    return FOREIGN_NAME.search(text) is not None


# Words whose reading is remembered: the words of foreign names recur (given
# names, Putin), and a reading asks pypinyin for every character.
FOREIGN_WORD_CACHE_SIZE = 4096


@lru_cache(maxsize=FOREIGN_WORD_CACHE_SIZE)
def foreign_word(han: str) -> str:
    """One word of a foreign name in Han characters as one Latin token:
    ``弗拉基米尔`` -> ``flagimir``, ``普京`` -> ``pugin``."""
    # Imported here, as in ``normalise``: pypinyin loads its dictionaries on import.
    from pypinyin import lazy_pinyin

    read: list[str] = []
    syllables = [pinyin_ascii(s) for s in lazy_pinyin(han)]
    for position, syllable in enumerate(syllables):
        if not syllable.isascii() or not syllable.isalpha():
            read.append(syllable)
            continue
        if position == 0 and len(syllables) > 1 and syllables[1][:1] in _CLUSTER.get(syllable, ""):
            read.append(LONE_CONSONANTS[syllable])
            continue
        if position > 0 and syllable in LONE_CONSONANTS:
            read.append(LONE_CONSONANTS[syllable])
            continue
        for pattern, replacement in _SYLLABLE_RULES:
            syllable = pattern.sub(replacement, syllable)
        read.append(syllable)
    return "".join(read)


def romanise_foreign(match: re.Match[str]) -> str:
    """A foreign name matched by ``FOREIGN_NAME``: one token per word."""
    words = _WORD_BREAK.split(match.group(0))
    return " " + " ".join(foreign_word(word) for word in words) + " "
