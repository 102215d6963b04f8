"""Views of a token under which spellings of one sound meet.

``skeleton`` is a romanisation-aware phonetic key of one token.  Names reach a
list through many romanisation systems (McCune-Reischauer and Revised Korean,
Wade-Giles and pinyin, BGN/PCGN, French and German transcriptions of Russian and
Arabic ...) that disagree mostly on vowels, on aspiration marks, on voicing and
on doubled letters, so the skeleton

* spells one sound one way: ``x`` -> ``ks``, ``q``/``ck``/hard ``c`` -> ``k``,
  ``ch``/``tch``/``tsch``/``dj``/``zh``/``j`` -> ``j``, ``sch``/``sh`` -> ``s``,
  ``ph`` -> ``f``, ``w`` -> ``v``, initial ``x``/``hs`` -> ``s`` (pinyin, Wade-Giles);
* drops an ``h`` after a consonant (``Phyong``, ``Khaled``, ``Rhee``);
* merges voiced and unvoiced pairs (b/p, d/t, g/k, z/s, v/f): ``Byong``/``Pyong``,
  ``Gim``/``Kim``, ``Sig``/``Sik``, ``Ivanoff``/``Ivanov``;
* turns every vowel group (``y`` included) into one ``a``: ``Chol``/``Chul``/
  ``Cheol``, ``Mohammed``/``Muhammad``, ``Dmitriy``/``Dmitry``;
* drops doubled letters.

Why not metaphone/soundex (``jellyfish``) or a full transliteration library:
they encode English spelling rules (metaphone's ``sch``, ``gh``, silent letters)
and drop vowels altogether, so unrelated short names collide and romanisations
of Korean or Chinese are not brought together; the skeleton is small, explicit
and aimed at exactly the variation of transliterated names.  It is one *view*:
the scorer takes the best similarity over the plain token and its skeleton, so
the skeleton only ever adds matches, and its collisions (``Hassan``/``Hussein``)
are limited by the rest of the name having to agree too.
"""

from __future__ import annotations

import re

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^x", "s"),  # pinyin x = Wade-Giles hs
        (r"^hs", "s"),
        (r"x", "ks"),
        (r"q", "k"),
        (r"ck", "k"),
        (r"tsch|tch|dzh|dsh|zh|cz|ch|dj|j", "J"),  # one affricate class
        (r"sch|sh|sz", "s"),
        (r"ph", "f"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"(?<=[bcdfgjklmnpqrstvwxzJ])h", ""),  # aspiration marks, kh, gh, th
        (r"w", "v"),
        (r"b", "p"),
        (r"d", "t"),
        (r"g", "k"),
        (r"z", "s"),
        (r"v", "f"),
        (r"[aeiouy]+", "a"),
        (r"(.)\1+", r"\1"),
    )
)


def skeleton(token: str) -> str:
    """Romanisation-insensitive phonetic key of one lower-case ASCII token."""
    if token.isdigit():
        return token
    key = token
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key.lower()


def identity(token: str) -> str:
    return token
