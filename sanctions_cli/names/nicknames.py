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

import hashlib
import importlib.util
from functools import cache, lru_cache
from pathlib import Path

from .. import cache as disk_cache

# Words shorter than this are not related (see the module docstring).
MIN_LETTERS = 3
# The package's table, a file beside its code: what the cached relations are keyed on.
_TABLE_FILE = "names.csv"
_CACHE_KIND = "nicknames"

Relations = dict[str, frozenset[str]]


def build_relations() -> Relations:
    """Every word of the ``nicknames`` table and the words related to it (its full
    names and its nicknames, see the module docstring), lower case."""
    from nicknames import NickNamer

    found: dict[str, set[str]] = {}
    for full, nicks in NickNamer.default_lookup().items():
        for nick in nicks:
            found.setdefault(full, set()).add(nick)
            found.setdefault(nick, set()).add(full)
    return {
        word: frozenset(name for name in names if len(name) >= MIN_LETTERS and name != word)
        for word, names in found.items()
    }


def _table_key() -> str | None:
    """sha256 of the package's table and of this module, or None when not found."""
    spec = importlib.util.find_spec("nicknames")
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        table = (Path(next(iter(spec.submodule_search_locations))) / _TABLE_FILE).read_bytes()
    except OSError:
        return None
    code = disk_cache.source_digest(("names/nicknames.py",))
    return hashlib.sha256(table + b"\x1d" + code.encode()).hexdigest()


@cache
def _relations() -> Relations:
    """The relations, from the disk cache when there: the package's own tables take
    some 45 ms to build on first use (its import reads version metadata, then
    parses and inverts its CSV), which a ``check`` of one name would pay."""
    key = _table_key()
    if key is not None:
        cached = disk_cache.load(_CACHE_KIND, key)
        if isinstance(cached, dict):
            return cached
    relations = build_relations()
    if key is not None:
        disk_cache.store(_CACHE_KIND, key, relations)
    return relations


@lru_cache(maxsize=1 << 14)
def related(word: str) -> frozenset[str]:
    """The full names ``word`` is a nickname of, and the nicknames of ``word``,
    lower case (empty for a word the table does not hold)."""
    if len(word) < MIN_LETTERS or not word.isascii() or not word.isalpha():
        return frozenset()
    return _relations().get(word.lower(), frozenset())


def are_related(a: str, b: str) -> bool:
    """True when one of two words is a nickname of the other."""
    return b in related(a)
