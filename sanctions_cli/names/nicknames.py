"""English given names and their nicknames: Bob and Robert, Ted and Theodore.

A payment names a person as they call themselves (``Ben Netanyahu``, ``Bill
Clinton``), a list by their full given name.  The relations are those of the
``nicknames`` package (Carlton Northern and Nick Crews' hand-curated list of
2,691 name/nickname pairs, Apache-2.0): a small, dependency-free table made for
the job, rather than a list of our own.  Only a name and its nickname are
related, not two nicknames of one name (Bill and Billy both William, but also
Bill of Robert in the table): two steps would tie too many names together.
Nicknames of two letters (Al, Ed) are left out: a two-letter word is an initial
pair or a particle to the scorer, equal or nothing.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nicknames import NickNamer

# Words shorter than this are not related (see the module docstring).
MIN_LETTERS = 3


@cache
def _namer() -> NickNamer:
    # Imported here: the package reads its version metadata on import (15 ms),
    # which start-up need not pay before the first name is compared.
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=1 << 14)
def related(word: str) -> frozenset[str]:
    """The full names ``word`` is a nickname of, and the nicknames of ``word``,
    lower case (empty for a word the table does not hold)."""
    if len(word) < MIN_LETTERS or not word.isascii() or not word.isalpha():
        return frozenset()
    namer = _namer()
    found = namer.canonicals_of(word) | namer.nicknames_of(word)
    return frozenset(name for name in found if len(name) >= MIN_LETTERS and name != word)


def are_related(a: str, b: str) -> bool:
    """True when one of two words is a nickname of the other."""
    return b in related(a)
