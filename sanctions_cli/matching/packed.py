"""Listed names prepared once, packed for the matcher's cache.

Preparing a listed name (``prepare_name``: tokens, kinds, options and their views)
takes some 350 us; a worker screening a day's payments prepares thousands of
candidates, each on first use.  The matcher is built from every listed name
prepared, so its cached form keeps them: each name's fields flattened to plain
tuples, marshalled, and laid in one byte array, with the offset of each name.
``marshal`` rather than pickle: it reads plain tuples, strings and numbers back
(some 25 us a name here, against pickle's 100), and makes no objects of its own
choosing.
The arrays go to the cache as numpy buffers, mapped from the file (``cache``):
the pages of the names a run touches are read, shared by forked workers.

Only this program's own cache is read so (as every cached object: see ``cache``),
and a packing from another Python's ``marshal`` is ignored, the names then prepared
as before.
"""

from __future__ import annotations

import dataclasses
import marshal
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, overload

import numpy as np
from numpy.typing import NDArray

from ..model import STRENGTHS, Strength
from ..names import NameOption, PreparedName

if TYPE_CHECKING:
    from .index import PackedTexts

# One listed name: the position of its entry, its text, strength and whether it
# is the entry's primary name (``NameMatcher``'s rows).
RefRow = tuple[int, str, Strength, bool]

_FIELDS = tuple(field.name for field in dataclasses.fields(PreparedName))
_OPTIONS = _FIELDS.index("options")
# Which marshal wrote the bytes: another Python's may read them otherwise.
_WRITER = (marshal.version, sys.version_info[:2])


@dataclasses.dataclass(frozen=True)
class PackedNames:
    """Prepared names by position: ``data[offsets[i]:offsets[i + 1]]`` holds name ``i``."""

    data: NDArray[np.uint8]
    offsets: NDArray[np.int64]
    writer: tuple[int, tuple[int, ...]] = _WRITER

    @classmethod
    def pack(cls, names: Iterable[PreparedName]) -> PackedNames:
        chunks = [marshal.dumps(_flat(name)) for name in names]
        offsets = np.zeros(len(chunks) + 1, dtype=np.int64)
        np.cumsum([len(chunk) for chunk in chunks], out=offsets[1:])
        data = np.frombuffer(b"".join(chunks), dtype=np.uint8).copy()
        return cls(data, offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @property
    def readable(self) -> bool:
        """Whether this Python's ``marshal`` wrote the bytes."""
        return tuple(self.writer) == _WRITER

    def get(self, position: int) -> PreparedName:
        start, end = int(self.offsets[position]), int(self.offsets[position + 1])
        values = list(marshal.loads(self.data[start:end].tobytes()))
        values[_OPTIONS] = tuple([NameOption(*option) for option in values[_OPTIONS]])
        return PreparedName(*values)


def _flat(name: PreparedName) -> tuple[Any, ...]:
    """The fields of ``name`` as plain values, its options as tuples."""
    values = [getattr(name, field) for field in _FIELDS]
    values[_OPTIONS] = tuple(
        (option.text, option.mask, option.views, option.kind) for option in name.options
    )
    return tuple(values)


class PackedRows(Sequence[RefRow]):
    """The matcher's rows as arrays and one packed text (``index.PackedTexts``),
    each row made on access: 38,000 tuples of an int, two strings and a bool took
    16 ms to unpickle, a third of a warm ``check``'s matcher; these are mapped."""

    def __init__(
        self,
        entries: NDArray[np.int64],
        names: PackedTexts | list[str],
        strengths: NDArray[np.uint8],
        primary: NDArray[np.bool_],
    ) -> None:
        self.entries = entries
        self.names = names
        self.strengths = strengths
        self.primary = primary

    @classmethod
    def pack(cls, rows: Sequence[RefRow]) -> PackedRows:
        if isinstance(rows, PackedRows):
            return rows
        from .index import PackedTexts

        return cls(
            np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)),
            PackedTexts.pack([row[1] for row in rows]),
            np.fromiter((STRENGTHS.index(row[2]) for row in rows), dtype=np.uint8, count=len(rows)),
            np.fromiter((row[3] for row in rows), dtype=np.bool_, count=len(rows)),
        )

    def __reduce__(self) -> tuple[type[PackedRows], tuple[Any, ...]]:
        return (PackedRows, (self.entries, self.names, self.strengths, self.primary))

    def __len__(self) -> int:
        return len(self.entries)

    @overload
    def __getitem__(self, position: int) -> RefRow: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[RefRow]: ...
    def __getitem__(self, position: int | slice) -> RefRow | Sequence[RefRow]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        return (
            int(self.entries[position]),
            self.names[position],
            STRENGTHS[int(self.strengths[position])],
            bool(self.primary[position]),
        )

    def strong(self) -> NDArray[np.bool_]:
        """Which names are strong."""
        mask: NDArray[np.bool_] = self.strengths == STRENGTHS.index("strong")
        return mask
