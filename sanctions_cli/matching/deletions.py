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

Variants are made and keyed with numpy, for all the texts of one length at once:
the letters kept by each deletion pattern are gathered from a (texts x length)
array of character codes, and a variant's key is a 32-bit polynomial hash of its
letters, mixed with its (text length, depth) class.  Equal variants of one class
always get equal keys; a collision only brings a text that the caller's check of
the real ratio then drops.  Keys depend on nothing but the texts (not on
``hash``'s per-process seed), so an index built in one process serves another.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from .arrays import expand_ranges
from .arrays import unique as sorted_unique

# Letters deleted at most from a vocabulary text (and from a query): 2 covers a
# word of up to about twelve letters at a cutoff of 85.  Each more multiplies the
# index size by about the text length.
MAX_DEPTH = 2

# Vocabulary texts longer than this are not indexed by default (their
# neighbourhoods grow as the square of their length): queries meet them by full
# comparison.  At a cutoff of 85 a query of 9 letters meets texts of up to 12.
MAX_INDEXED_LENGTH = 12

# Odd multiplier of the polynomial hash (the golden ratio's 32-bit constant, as
# in Knuth's multiplicative hashing): consecutive letters spread over all bits.
HASH_MULTIPLIER = 0x9E3779B1

IntArray = NDArray[np.int64]
KeyArray = NDArray[np.uint32]


@cache
def _kept(length: int, depth: int) -> IntArray:
    """Positions kept by every deletion of ``depth`` letters from ``length``: one row
    per deletion pattern (``C(length, depth)`` rows of ``length - depth``)."""
    if depth > length:
        return np.zeros((0, 0), dtype=np.int64)
    rows = [
        [i for i in range(length) if i not in removed]
        for removed in map(set, combinations(range(length), depth))
    ]
    return np.asarray(rows, dtype=np.int64).reshape(len(rows), length - depth)


@cache
def _powers(length: int) -> KeyArray:
    """HASH_MULTIPLIER ** i modulo 2 ** 32, for i < ``length``."""
    out = np.ones(max(length, 1), dtype=np.uint32)
    for i in range(1, length):
        out[i] = (int(out[i - 1]) * HASH_MULTIPLIER) & 0xFFFFFFFF
    return out[:length]


@cache
def _class_mix(length: int, depth: int) -> int:
    """What sets apart the keys of variants of texts of ``length`` at ``depth``."""
    return (length * 0x85EBCA6B + depth * 0xC2B2AE35 + 0x27D4EB2F) & 0xFFFFFFFF


def _codes(texts: Sequence[str], length: int) -> NDArray[np.uint32]:
    """The character codes of texts all of ``length``, one row each."""
    joined = "".join(texts)
    if joined.isascii():
        flat = np.frombuffer(joined.encode("ascii"), dtype=np.uint8).astype(np.uint32)
    else:
        flat = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    return flat.reshape(len(texts), length)


def _variant_hashes(codes: NDArray[np.uint32], depth: int) -> KeyArray:
    """Per text (row of ``codes``), the hash of each of its variants at ``depth``:
    (texts x deletion patterns), unmixed."""
    count, length = codes.shape
    kept = _kept(length, depth)
    if not len(kept):
        return np.zeros((count, 0), dtype=np.uint32)
    letters = codes[:, kept]  # texts x patterns x kept letters
    hashed: KeyArray = (letters * _powers(length - depth)).sum(axis=2, dtype=np.uint32)
    return hashed


def _mixed(hashes: KeyArray, length: int, depth: int) -> KeyArray:
    """Keys of variants (their hashes) of texts of ``length`` at ``depth``: the class
    added, then the bits spread (the finaliser of MurmurHash3), so that variants
    of one hash in two classes part."""
    key = hashes + np.uint32(_class_mix(length, depth))
    key ^= key >> np.uint32(16)
    key *= np.uint32(0x85EBCA6B)
    key ^= key >> np.uint32(13)
    return key


def required_depths(query_length: int, length: int, cutoff: float) -> tuple[int, int] | None:
    """Letters to delete from a query and from a text of ``length`` to meet at
    ``cutoff``, or None when no text of that length can reach it."""
    common = math.ceil(cutoff * (query_length + length) / 200.0 - 1e-7)
    common = max(common, 0)
    if common > min(query_length, length):
        return None
    return query_length - common, length - common


def _by_length(texts: Sequence[str]) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = {}
    for number, text in enumerate(texts):
        groups.setdefault(len(text), []).append(number)
    return groups


class DeletionIndex:
    """Deletion neighbourhoods of a vocabulary (texts sorted by length, as given)."""

    def __init__(self, texts: Sequence[str], max_length: int = MAX_INDEXED_LENGTH) -> None:
        self.max_length = max_length
        key_parts: list[KeyArray] = [np.zeros(0, dtype=np.uint32)]
        position_parts: list[NDArray[np.int32]] = [np.zeros(0, dtype=np.int32)]
        for length, numbers in _by_length(texts).items():
            if length > max_length:
                continue
            codes = _codes([texts[n] for n in numbers], length)
            owners = np.asarray(numbers, dtype=np.int32)
            for depth in range(min(MAX_DEPTH, length) + 1):
                keys = _mixed(_variant_hashes(codes, depth), length, depth)
                key_parts.append(keys.ravel())
                position_parts.append(np.repeat(owners, keys.shape[1]))
        keys = np.concatenate(key_parts)
        order = np.argsort(keys, kind="stable")
        self.keys = keys[order]
        self.positions = np.concatenate(position_parts)[order]

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
        each once, and per query the lengths left uncovered.

        Queries of one length wanting the same text lengths (as a caller's length
        window gives them) have their variants made and keyed together."""
        uncovered: list[list[int]] = [[] for _ in queries]
        groups: dict[tuple[int, tuple[int, ...]], list[int]] = {}
        for number, (query, wanted) in enumerate(zip(queries, lengths, strict=True)):
            groups.setdefault((len(query), tuple(wanted)), []).append(number)
        key_parts: list[KeyArray] = []
        owner_parts: list[IntArray] = []
        for (query_length, wanted), numbers in groups.items():
            # (text length, text depth) to look up, per query depth.
            plan: dict[int, list[tuple[int, int]]] = {}
            for length in wanted:
                depths = required_depths(query_length, length, cutoff)
                if depths is None:
                    continue
                query_depth, text_depth = depths
                if length > self.max_length or max(query_depth, text_depth) > MAX_DEPTH:
                    for number in numbers:
                        uncovered[number].append(length)
                    continue
                plan.setdefault(query_depth, []).append((length, text_depth))
            if not plan:
                continue
            codes = _codes([queries[n] for n in numbers], query_length)
            owners = np.asarray(numbers, dtype=np.int64)
            for query_depth, classes in plan.items():
                hashes = _variant_hashes(codes, query_depth)
                for length, text_depth in classes:
                    key_parts.append(_mixed(hashes, length, text_depth).ravel())
                    owner_parts.append(np.repeat(owners, hashes.shape[1]))
        empty = np.zeros(0, dtype=np.int64)
        if not key_parts:
            return (empty, empty), uncovered
        # Sorted needles: each binary search starts from the last one's place (numpy),
        # five times faster on the full lists' neighbourhoods than in query order.
        keys = np.concatenate(key_parts)
        order = np.argsort(keys)
        wanted_keys = keys[order]
        starts = np.searchsorted(self.keys, wanted_keys, side="left")
        counts = np.searchsorted(self.keys, wanted_keys, side="right") - starts
        total = int(counts.sum())
        if not total:
            return (empty, empty), uncovered
        slots = expand_ranges(starts, counts)
        owner = np.repeat(np.concatenate(owner_parts)[order], counts)
        position = self.positions[slots].astype(np.int64)
        width = max(len(self.positions), 1)
        unique = sorted_unique(owner * width + position)
        return (unique // width, unique % width), uncovered
