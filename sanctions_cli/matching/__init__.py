"""Name matching: compare a screened name with every listed name that could match.

``NameMatcher`` is the one interface the screening code and the CLI use: it is built
once from the loaded entries and answers ``search(name, threshold)`` with every
listed name scoring at or above the threshold, best first.  How candidates are
found (the index) and how they are scored (``scorer``) are its own business.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Entry, Match, Strength
from ..names import PreparedName, prepare_name
from .scorer import compare


@dataclass(frozen=True, slots=True)
class NameRef:
    """One listed name: the primary name or an alias of the entry at ``entry_index``."""

    entry_index: int
    name: str
    strength: Strength
    is_primary: bool


@dataclass(frozen=True, slots=True)
class NameHit:
    ref: NameRef
    match: Match


class NameMatcher:
    """All listed names of a set of entries, prepared once, searchable by score."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = tuple(entries)
        refs: list[NameRef] = []
        prepared: list[PreparedName] = []
        for index, entry in enumerate(self.entries):
            for name, strength, is_primary in entry.all_names():
                name_prepared = prepare_name(name)
                if not name_prepared.tokens:
                    continue
                refs.append(NameRef(index, name, strength, is_primary))
                prepared.append(name_prepared)
        self.refs: tuple[NameRef, ...] = tuple(refs)
        self.prepared: tuple[PreparedName, ...] = tuple(prepared)

    def __len__(self) -> int:
        return len(self.refs)

    def search(self, name: str, threshold: float) -> list[NameHit]:
        """Every listed name scoring at least ``threshold`` against ``name``, best first."""
        query = prepare_name(name)
        if not query.tokens:
            return []
        hits = []
        for ref, candidate in zip(self.refs, self.prepared, strict=True):
            match = compare(query, candidate)
            if match.score >= threshold:
                hits.append(NameHit(ref, match))
        hits.sort(key=lambda hit: -hit.match.score)
        return hits


__all__ = ["Match", "NameHit", "NameMatcher", "NameRef", "compare"]
