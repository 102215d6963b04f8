"""Views of a token under which spellings of one sound meet.

``skeleton`` is a romanisation-aware phonetic key of one token.  Names reach a
list through many romanisation systems (McCune-Reischauer and Revised Korean,
Wade-Giles and pinyin, BGN/PCGN, French and German transcriptions of Russian and
Arabic ...) that disagree mostly on vowels, on aspiration marks, on voicing and
on doubled letters, so the skeleton

* spells one sound one way: ``x`` -> ``ks``, ``q``/``ck``/hard ``c`` -> ``k``,
  Hungarian ``gy`` between vowels -> ``d`` (``Vlagyimir``),
  ``ch``/``tch``/``tsch``/``dj``/``zh``/``j`` -> ``j``, ``sch``/``sh`` -> ``s``,
  initial ``x``/``hs`` -> ``s`` (pinyin, Wade-Giles);
* drops an ``h`` after a consonant (``Phyong``, ``Khaled``, ``Rhee``, and so
  ``ph`` is a ``p``), but after l, m, n, r or w inside a word, where it is a
  consonant of its own (``Sirhan``, ``Jawhar``, ``Abdulhamid``: UN original-script
  names against their Latin spellings 288 -> 290 of 387);
* writes the article of ``Abd al-`` assimilated to a sun letter in a joined name
  as ``al`` (``Abderrahmane``/``Abdulrahman``, ``Abdessalam``/``Abdul Salam``);
* reads a French ``ou`` before a vowel as the ``w`` it transcribes, after a vowel
  or first in the word (``Zarkaoui``/``Zarqawi``, ``Ouahid``/``Wahid``);
* merges voiced and unvoiced pairs (b/p, d/t, g/k, z/s, f/v/w): Korean
  ``Byong``/``Pyong``/``Phyong``, ``Gim``/``Kim``, ``Sig``/``Sik``,
  ``Ivanoff``/``Ivanov``, ``Wladimir``/``Vladimir``;
* turns every vowel group (``y`` included) into one letter: the first into its
  class (``o`` when it has an o or u, else ``a`` when it has an a, else ``i``), the
  others into ``a``: ``Chol``/``Chul``/``Cheol``, ``Mohammed``/``Muhammad``,
  ``Dmitriy``/``Dmitry`` meet, while ``Daniel``/``Donald`` and ``Hassan``/``Husayn``
  keep the first vowel that tells them apart;
* drops doubled letters;
* drops a Baltic or Greek case ending or genitive s of a longer word
  (``Putinas``, ``Lavrovs``, ``Alexandros``).

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
from functools import lru_cache

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?<=[aeiou])gy(?=[aeiou])", "d"),  # Hungarian gy: Vlagyimir = Vladimir
        # The article of Abd al- assimilated to a sun letter and written joined
        # (Abderrahmane, Abdessalam, Abdennour: Abd al-Rahman, al-Salam, al-Nur).
        (r"^abd[aeiou]([rsntdz])\1", r"abdal\1"),
        # French ou for a w before a vowel, after one or first (Zarkaoui, Hamraoui,
        # Jaouad, Chaouki, Ouahid: Zarqawi, Hamrawi, Jawad, Shawki, Wahid); after a
        # consonant it is the vowel u (Mouammar, Louis).
        (r"(?:(?<=[aeiou])|^)ou(?=[aei])", "w"),
        # Arabic aw before a long u: a glide some spellings write (Dawood, Dawud,
        # Daoud, Daud; Tawus, Taus)
        (r"(?<=a)w(?=u|oo|ou)", ""),
        (r"^x", "s"),  # pinyin x = Wade-Giles hs
        (r"^hs", "s"),
        (r"x", "ks"),
        (r"q", "k"),
        (r"ck", "k"),
        (r"tsch|tch|dzh|dsh|zh|cz|ch|dj|j", "J"),  # one affricate class
        (r"sch|sh|sz", "s"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        # aspiration marks, kh, gh, th; after l, m, n, r, w only at the start of a
        # word (Rhee, Whang): inside one it is a consonant of its own (Sirhan,
        # Jawhar, Abdulhamid, Manho).
        (r"(?<=[bcdfgjkpqstvxzJ])h|(?<=^[lmnrw])h", ""),
    )
)
# Then single letters, voiced and unvoiced merged, in one pass (no output letter
# is the input of another): b/p, f/v/w, d/t, g/k, z/s.
_MERGED_LETTERS = str.maketrans({"b": "p", "v": "f", "w": "f", "d": "t", "g": "k", "z": "s"})
_VOWEL_GROUP = re.compile(r"[aeiouy]+")

# Lithuanian and Latvian add a case ending to every name (Putinas, Vladimirs,
# Lavrovs), as English surnames often carry a genitive s (Williams, Peters): a
# final -s, -as, -is, -us or -ys after a consonant is dropped from words of at
# least BALTIC_ENDING_MIN_LENGTH letters (shorter ones are mostly the name itself).
BALTIC_ENDING_MIN_LENGTH = 6
_BALTIC_ENDING = re.compile(r"(?<=[bcdfghjklmnprtvz])[aiuy]?s$")
# So is the Greek nominative -os after a consonant (Alexandros, Konstantinos,
# Christos, Stavros), from GREEK_ENDING_MIN_LENGTH letters: words of six letters
# ending so are as often names of their own in Spanish and Portuguese (Carlos,
# Marcos, Santos), which must not take the frequency of Carl or Mark.
GREEK_ENDING_MIN_LENGTH = 7
_GREEK_ENDING = re.compile(r"(?<=[bcdfghjklmnprtvz])os$")
_DOUBLED = re.compile(r"(.)\1+")


def _first_of_run(match: re.Match[str]) -> str:
    # A function, not the template r"\1": re expands a template in Python on every
    # call (about 1 us), a function only where a letter is doubled.
    return match[1]


def _vowel_class(group: str) -> str:
    """One letter for a vowel group: back vowels (o, u) "o", else a-ish "a", else "i"."""
    if "o" in group or "u" in group:
        return "o"
    if "a" in group:
        return "a"
    return "i"


# Tokens whose skeleton is remembered: names repeat their tokens (given names,
# surnames, "trading"), and a skeleton takes some twenty regex passes.  Bounded so
# a file of millions of distinct names runs in constant memory.
SKELETON_CACHE_SIZE = 200_000


def _sounds(token: str) -> str:
    """A token with one spelling per consonant sound (every rule above but the
    vowels'), the affricate class an upper-case ``J``."""
    key = token
    if len(key) >= GREEK_ENDING_MIN_LENGTH:
        key = _GREEK_ENDING.sub("", key)
    if len(key) >= BALTIC_ENDING_MIN_LENGTH:
        key = _BALTIC_ENDING.sub("", key)
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key.translate(_MERGED_LETTERS)


@lru_cache(maxsize=SKELETON_CACHE_SIZE)
def voweled_skeleton(token: str) -> str:
    """The skeleton's consonant rules with every vowel left as spelled (``zhivago``
    -> ``jifako``, ``hussein`` as it is), so that vowel groups can still be told
    apart, long or short, which vowel: for comparing a reading that leaves vowels
    unknown with a spelling (``matching.scorer.reading_similarity``)."""
    if token.isdigit():
        return token
    return _sounds(token).lower()


@lru_cache(maxsize=SKELETON_CACHE_SIZE)
def skeleton(token: str) -> str:
    """Romanisation-insensitive phonetic key of one lower-case ASCII token."""
    if token.isdigit():
        return token
    key = _sounds(token)
    first = _VOWEL_GROUP.search(key)
    if first is None:
        return _DOUBLED.sub(_first_of_run, key.lower())
    head = key[: first.start()] + _vowel_class(first.group(0))
    key = head + _VOWEL_GROUP.sub("a", key[first.end() :])
    return _DOUBLED.sub(_first_of_run, key.lower())


def identity(token: str) -> str:
    return token
