"""Sequences of list entries read lazily: the entries of a cached list, unpickled one
by one when first read, and the entries of several lists as one sequence.

Every command starts by loading its lists from the cache, and most read few of
the entries: a ``check`` of one name shows the two or three it hits, a screening
run the entries of its flagged rows; the matcher comes from its own cache entry
and needs none of them.  Unpickling the 14,824 entries of the OFAC SDN and UN
lists (some 100,000 small objects) took 0.24 s of a ``check``'s second; the same
entries packed, each pickled on its own into one blob, load in a millisecond and
an entry in some 20 microseconds when it is read.  Each entry is unpickled once
(kept), so a run that reads all of them (a matcher built anew, an identifier
index) pays about what the whole list cost before.
"""

from __future__ import annotations

import bisect
import pickle
from array import array
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import overload

from .model import Entry, SanctionsList


class _Entries(Sequence[Entry]):
    """A sequence of entries read one by one (``_entry``), which compares equal to any
    sequence of the same entries (a tuple of them included)."""

    __slots__ = ()

    def _entry(self, index: int) -> Entry:
        """The entry at ``index``, from 0 to ``len(self) - 1``."""
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...
    def __getitem__(self, index: int | slice) -> Entry | tuple[Entry, ...]:
        if isinstance(index, slice):
            return tuple(self._entry(i) for i in range(*index.indices(len(self))))
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("entry index out of range")
        return self._entry(index)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))


class PackedEntries(_Entries):
    """Entries pickled one by one into one blob, each unpickled when first read; it
    pickles as its blob."""

    __slots__ = ("_blob", "_offsets", "_read")

    def __init__(self, blob: bytes, offsets: array[int]) -> None:
        self._blob = blob
        self._offsets = offsets  # entry i is blob[offsets[i]:offsets[i + 1]]
        self._read: dict[int, Entry] = {}

    @classmethod
    def pack(cls, entries: Sequence[Entry]) -> PackedEntries:
        pickles = [pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL) for entry in entries]
        offsets = array("q", [0])
        offsets.extend(accumulate(len(p) for p in pickles))
        return cls(b"".join(pickles), offsets)

    def __reduce__(self) -> tuple[type[PackedEntries], tuple[bytes, array[int]]]:
        return (PackedEntries, (self._blob, self._offsets))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def _entry(self, index: int) -> Entry:
        entry = self._read.get(index)
        if entry is None:
            start, end = self._offsets[index], self._offsets[index + 1]
            entry = pickle.loads(self._blob[start:end])  # our own cache: see ``cache``
            if not isinstance(entry, Entry):
                raise TypeError("a packed entry is not an Entry")
            self._read[index] = entry
        return entry

    def __iter__(self) -> Iterator[Entry]:
        return (self._entry(i) for i in range(len(self)))

    def __repr__(self) -> str:
        return f"PackedEntries({len(self)} entries)"


class ChainedEntries(_Entries):
    """The entries of several lists, one after the other, as one sequence (each
    list's own entries are not copied, nor read)."""

    __slots__ = ("_parts", "_starts")

    def __init__(self, parts: Sequence[Sequence[Entry]]) -> None:
        self._parts = tuple(parts)
        self._starts = [0, *accumulate(len(part) for part in self._parts)]

    def __len__(self) -> int:
        return self._starts[-1]

    def _entry(self, index: int) -> Entry:
        part = bisect.bisect_right(self._starts, index) - 1
        return self._parts[part][index - self._starts[part]]

    def __iter__(self) -> Iterator[Entry]:
        for part in self._parts:
            yield from part


def entries_of(lists: Sequence[SanctionsList]) -> Sequence[Entry]:
    """Every entry of ``lists`` in order, none of them read."""
    if len(lists) == 1:
        return lists[0].entries
    return ChainedEntries([lst.entries for lst in lists])
