"""Korean names written in Han characters (hanja), read as Korean.

Chinese text writes a Korean person's name in the characters of the name
(``金正恩``, Kim Jong Un; ``李炳哲``, Ri Pyong Chol), as do South Korean records;
read as Mandarin pinyin (``jin zheng en``) it meets none of the name's Latin
spellings.  A name of Han characters shaped as a Korean name (a surname of one
character or a compound one of two, a given name of two:
``KOREAN_GIVEN_NAME_CHARACTERS``) is therefore searched under a third reading too
(``names.readings``), in Hangul, which ``normalise`` then reads as any Korean
name (``김정은``: Gim Jeong Eun, and so Kim Jong Un).

The readings are the Unicode Han database's (Unihan ``kHangul``), kept derived in
``TABLE_FILE`` by ``build_table`` (a test checks the file's shape): for each
character its usual reading and its reading in a surname, the first approved for
personal names (Unihan's source tag N: ``金`` is 김 in a name, 금 as "gold";
``丹`` is 단, 란 only in a name's rarer form).  Only characters with a
reading of the Korean standard set or approved for names are kept (8,363 of
8,526).  The Unihan data is © Unicode, Inc., under the Unicode License
(https://www.unicode.org/license.txt); Debian ships it in ``unicode-data``.

A Chinese name of that shape is read so too: written in the same characters it is
the same name, as a Japanese reading of a name in kanji is (``names.japanese``).
So 李秀英 (Li Xiuying, a common Chinese name) meets RI, Su Yong: a namesake in
the strict sense, which only the person's other data tell apart (3 such alerts in
25,951 generated clean names; 金正恩 found as Kim Jong Un in return).
"""

from __future__ import annotations

import bz2
from functools import cache
from importlib import resources
from pathlib import Path

from ..lazy_re import LazyPattern
from .chinese import HAN_RUN

# The characters of a Korean given name read so: two, as nearly every Korean's
# (a given name of one is as often a Chinese name's: 石莉, 巫峰 met RI, Sok and MU
# DU BONG in 25,951 generated clean names).  Written in one run, without a space
# (a Japanese name in kanji is spaced: 中島 英樹).
KOREAN_GIVEN_NAME_CHARACTERS = 2

# Korean surnames of two characters.
COMPOUND_SURNAMES = frozenset(("南宮", "諸葛", "鮮于", "皇甫", "司空", "獨孤", "西門"))

TABLE_FILE = "hanja.tsv"

_READING = LazyPattern(r"([\uac00-\ud7a3]+):([0-9A-Z]+)")


def build_table(unihan_readings: Path) -> dict[str, tuple[str, str]]:
    """Each character's usual Hangul reading (Unihan's first) and its reading in a
    surname (the first approved for names, else the usual one), from
    ``Unihan_Readings.txt`` (plain or ``.bz2``); characters without a reading of
    the Korean standard set (source 0) or for names (N) left out."""
    opener = bz2.open if unihan_readings.suffix == ".bz2" else open
    table: dict[str, tuple[str, str]] = {}
    with opener(unihan_readings, "rt", encoding="utf-8") as lines:
        for line in lines:
            code, field, value = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            if field != "kHangul":
                continue
            readings = _READING.findall(value)
            if not any("0" in tags or "N" in tags for _, tags in readings):
                continue
            usual = readings[0][0]
            named = next((r for r, tags in readings if "N" in tags), usual)
            table[chr(int(code[2:], 16))] = (usual, named)
    return table


def format_table(table: dict[str, tuple[str, str]]) -> str:
    """The table as ``TABLE_FILE`` holds it: a character, its usual reading and its
    reading in a surname, tab-separated."""
    return "".join(f"{char}\t{usual}\t{named}\n" for char, (usual, named) in sorted(table.items()))


@cache
def _table() -> dict[str, tuple[str, str]]:
    """``build_table`` as kept in ``TABLE_FILE``."""
    text = resources.files("sanctions_cli.names").joinpath(TABLE_FILE).read_text("utf-8")
    table: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            table[parts[0]] = (parts[1], parts[2])
    return table


def korean_reading(text: str) -> str | None:
    """The Korean reading of a name of Han characters alone, in Hangul (``金正恩``
    -> ``김정은``), or None when it is no such name or a character has no reading."""
    stripped = text.strip()
    if not HAN_RUN.fullmatch(stripped):
        return None  # spaced (a Japanese name: 中島 英樹), or not Han alone
    surname = 2 if stripped[:2] in COMPOUND_SURNAMES else 1
    if len(stripped) != surname + KOREAN_GIVEN_NAME_CHARACTERS:
        return None
    table = _table()
    if any(char not in table for char in stripped):
        return None
    # The surname (the first character, or two of a compound surname) in its
    # reading for names (金 김, not 금 "gold"), the given name as usually read.
    return "".join(
        table[char][1] if position < surname else table[char][0]
        for position, char in enumerate(stripped)
    )
