"""Exact search of a vocabulary for texts within an Indel ratio, by deletion neighbourhoods.

``rapidfuzz.fuzz.ratio(a, b) = 200 * LCS(a, b) / (len(a) + len(b))``, so a text of
length ``lb`` reaches a cutoff ``C`` against a query of length ``la`` exactly when
the two share a common subsequence of ``L = ceil(C * (la + lb) / 200)`` letters:
the query with ``la - L`` letters deleted equals the text with ``lb - L`` deleted.
At the cutoffs screening uses (85 and up) those are 0 to 2 deletions for words
of up to a dozen letters, so the index keeps every variant of each vocabulary
text with up to ``MAX_DEPTH`` letters deleted, keyed by (text length, depth,
variant), and a query looks up its own variants at the matching depth for each
text length it can meet.  The result is the same set of texts as comparing the
query with every text (``rapidfuzz.process.cdist``) at a fraction of the cost,
for the lengths the neighbourhoods cover; ``search`` says which lengths it could
not cover, for the caller to compare in full.

Keys are 32-bit CRCs (stable across processes, unlike ``hash``); a collision only
brings a text that the caller's check of the real ratio then drops.
"""

from __future__ import annotations

import math
import zlib
from array import array
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import chain, combinations

import numpy as np
from numpy.typing import NDArray

from .arrays import unique as sorted_unique

# Letters deleted at most from a vocabulary text (and from a query): 2 covers a
# word of up to about twelve letters at a cutoff of 85.  Each more multiplies the
# index size by about the text length.
MAX_DEPTH = 2

# Vocabulary texts longer than this are not indexed by default (their
# neighbourhoods grow as the square of their length): queries meet them by full
# comparison.  At a cutoff of 85 a query of 9 letters meets texts of up to 12.
MAX_INDEXED_LENGTH = 12

# Query texts (and depths) whose variants' CRCs are remembered: one search looks
# each text up under both vocabularies and every text length, and a worker's task
# of 512 names brings 4,000-4,700 new (text, depth) pairs (measured on Faker names,
# more on a cold start): 4,096 evicted them before the second vocabulary came.
# As 32-bit arrays, 16,384 take a few MB.
VARIANT_CACHE_SIZE = 1 << 14

IntArray = NDArray[np.int64]


def _variants(text: str, depth: int) -> set[str]:
    """Every text made by deleting exactly ``depth`` letters of ``text``."""
    if depth == 0:
        return {text}
    size = len(text)
    if depth == 1:
        return {text[:i] + text[i + 1 :] for i in range(size)}
    if depth == 2:
        return {
            text[:i] + text[i + 1 : j] + text[j + 1 :]
            for i in range(size)
            for j in range(i + 1, size)
        }
    if depth > size:
        return set()
    return {
        "".join(text[i] for i in range(size) if i not in removed)
        for removed in map(set, combinations(range(size), depth))
    }


@lru_cache(maxsize=VARIANT_CACHE_SIZE)
def _variant_crcs(text: str, depth: int) -> array[int]:
    """CRC-32 of every variant of ``text`` at ``depth`` (see ``_variants``): a query
    text meets the same variants under each vocabulary and each text length.  An
    unsigned 32-bit array: 4 bytes a variant in the memo, not a Python int's 32."""
    return array("I", [zlib.crc32(variant.encode()) for variant in _variants(text, depth)])


@cache
def _class_mix(length: int, depth: int) -> int:
    """What sets apart the keys of variants of texts of ``length`` at ``depth``: a
    key is the variant's CRC-32 xor this (``_keys``)."""
    return zlib.crc32(f"{length}\x1f{depth}".encode())


def _keys(crcs: Sequence[array[int]], mixes: Sequence[int]) -> NDArray[np.uint32]:
    """The keys of groups of variants (their CRCs), each group with its class mix,
    one after the other."""
    sizes = [len(group) for group in crcs]
    flat = np.fromiter(chain.from_iterable(crcs), dtype=np.uint32, count=sum(sizes))
    keys: NDArray[np.uint32] = flat ^ np.repeat(np.asarray(mixes, dtype=np.uint32), sizes)
    return keys


def required_depths(query_length: int, length: int, cutoff: float) -> tuple[int, int] | None:
    """Letters to delete from a query and from a text of ``length`` to meet at
    ``cutoff``, or None when no text of that length can reach it."""
    common = math.ceil(cutoff * (query_length + length) / 200.0 - 1e-7)
    common = max(common, 0)
    if common > min(query_length, length):
        return None
    return query_length - common, length - common


class DeletionIndex:
    """Deletion neighbourhoods of a vocabulary (texts sorted by length, as given)."""

    def __init__(self, texts: Sequence[str], max_length: int = MAX_INDEXED_LENGTH) -> None:
        self.max_length = max_length
        groups: list[array[int]] = []
        mixes: list[int] = []
        owners: list[int] = []
        for position, text in enumerate(texts):
            if len(text) > max_length:
                continue
            for depth in range(MAX_DEPTH + 1):
                groups.append(_variant_crcs.__wrapped__(text, depth))
                mixes.append(_class_mix(len(text), depth))
                owners.append(position)
        keys = _keys(groups, mixes)
        positions = np.repeat(np.asarray(owners, dtype=np.int32), [len(g) for g in groups])
        order = np.argsort(keys, kind="stable")
        self.keys = keys[order]
        self.positions = positions[order]

    def search(
        self, query: str, lengths: Sequence[int], cutoff: float
    ) -> tuple[IntArray, list[int]]:
        """Positions of vocabulary texts of the given ``lengths`` that may reach
        ``cutoff`` against ``query`` (a superset: check the real ratio), and the
        lengths the neighbourhoods do not cover."""
        pairs, uncovered = self.search_many([query], [lengths], cutoff)
        return pairs[1], uncovered[0]

    def search_many(
        self, queries: Sequence[str], lengths: Sequence[Sequence[int]], cutoff: float
    ) -> tuple[tuple[IntArray, IntArray], list[list[int]]]:
        """``search`` of many queries in one lookup: (query index, position) pairs,
        each once, and per query the lengths left uncovered."""
        groups: list[array[int]] = []
        mixes: list[int] = []
        owners: list[int] = []
        uncovered: list[list[int]] = []
        for number, (query, wanted_lengths) in enumerate(zip(queries, lengths, strict=True)):
            missed: list[int] = []
            for length in wanted_lengths:
                depths = required_depths(len(query), length, cutoff)
                if depths is None:
                    continue
                query_depth, text_depth = depths
                if length > self.max_length or max(query_depth, text_depth) > MAX_DEPTH:
                    missed.append(length)
                    continue
                groups.append(_variant_crcs(query, query_depth))
                mixes.append(_class_mix(length, text_depth))
                owners.append(number)
            uncovered.append(missed)
        empty = np.zeros(0, dtype=np.int64)
        if not groups:
            return (empty, empty), uncovered
        # Sorted needles: each binary search starts from the last one's place (numpy),
        # five times faster on the full lists' neighbourhoods than in query order.
        keys = _keys(groups, mixes)
        order = np.argsort(keys)
        wanted = keys[order]
        starts = np.searchsorted(self.keys, wanted, side="left")
        counts = np.searchsorted(self.keys, wanted, side="right") - starts
        total = int(counts.sum())
        if not total:
            return (empty, empty), uncovered
        offsets = np.cumsum(counts) - counts
        slots = np.repeat(starts - offsets, counts) + np.arange(total)
        sizes = [len(group) for group in groups]
        owner = np.repeat(np.repeat(np.asarray(owners, dtype=np.int64), sizes)[order], counts)
        position = self.positions[slots].astype(np.int64)
        width = max(len(self.positions), 1)
        unique = sorted_unique(owner * width + position)
        return (unique // width, unique % width), uncovered
