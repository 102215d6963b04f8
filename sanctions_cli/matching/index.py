"""Lossless candidate index: which listed names could reach a threshold against a query.

Scoring a screened name against every listed name (tens of thousands) is far too
slow, so ``CandidateIndex`` narrows the listed names down to those that can reach
the threshold under the scorer's contract (see ``scorer``), and ``compare`` scores
only those.  It can never drop a hit:

* a listed name scores at most the best similarity of its real token pairs plus
  ``MAX_SCORE_BONUS`` (options: ``scorer.token_options``, tokens and compounds of
  adjacent tokens; two compounds never pair), so only a name with an option at
  ``similarity >= threshold - MAX_SCORE_BONUS`` from a query option can be a hit;
* a pair's similarity (``scorer._option_similarity``) is the plain Indel ratio
  (``rapidfuzz.fuzz.ratio``), or a sound-alike view's (``scorer.TOKEN_VIEWS``)
  when higher but at most a lift above the plain one, or, between two single
  tokens, ``scorer.transposition_similarity`` (two letters swapped: such
  partners are found by looking the swapped spellings up) or
  ``scorer.substitution_similarity`` (one letter changed: looked up for the word
  lengths whose plain ratio stays below the cutoff), or, across a reading
  that leaves vowels unknown, ``scorer.reading_similarity`` of two options of the same
  consonants (found by looking their consonants up, ``_index_consonants``);
  tokens up to ``EXACT_TOKEN_MAX_LEN`` only match when equal.

So for every view the index keeps the distinct viewed texts of the listed
options sorted by length, with the options (and through them the names) behind
each, in two vocabularies: options that are a single token of some name, and
options that are only compounds (which a compound of the query never meets).  A
query option is compared with rapidfuzz ``cdist`` (C, vectorised) against only the
lengths that can reach the cutoff (an Indel ratio ``r`` needs
``200 * min(la, lb) / (la + lb) >= r``); a sound-alike match counts only if the
plain spelling is within the lift; short tokens are looked up exactly.  Matches
are memoised per distinct option text (bounded LRU): payment files repeat given
names and surnames, so most query tokens are searched once per run.

The candidates then go through the two bounds of ``prefilter`` (``survivors_many``):
one over the postings of the matched options, for all candidates at once, then
one from every token's best similarity with the other name
(``token_best_arrays_many``, vectorised over all the queries), so that ``compare``
runs on the few names that may really reach the threshold.

``compare`` rounds scores to one decimal, so the search runs ``ROUNDING_MARGIN``
below the cutoff.  Everything is plain data (lists, dicts, numpy arrays, texts
packed into strings): the index pickles, is cached on disk (its arrays then
mapped from the file, see ``cache``) and ships to worker processes as it is.
"""

from __future__ import annotations

import bisect
import math
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, overload

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from ..names import PreparedName, nicknames, skeleton_view, token_kind
from ..names import token_options as name_token_options
from . import scorer
from .arrays import contains_sorted, expand_ranges, nonzero_cells, unique, unique_inverse
from .deletions import DeletionIndex
from .prefilter import KIND_CODES, Prefilter, StageOneQuery, StageTwoQuery, credit_of

# compare() rounds to one decimal: a true score of 84.96 is reported as 85.0, so a
# search for 85 must find everything from 84.95 on; the extra 1e-6 absorbs float
# error in the ratio arithmetic.
ROUNDING_MARGIN = 0.05 + 1e-6

# Distinct query option texts whose matches are remembered (per cutoff).  Bounded
# so a file of millions of distinct names runs in constant memory; an entry holds
# a handful of option ids, so 200,000 entries stay in the tens of MB.
MATCH_CACHE_SIZE = 200_000

# The most a sound-alike view lifts a pair above its plain ratio, over all the
# scorer's cases: what the index assumes when it does not know the names' scripts.
MAX_LIFT = max(scorer.MAX_SKELETON_LIFT, scorer.CROSS_SCRIPT_MAX_LIFT, scorer.COMPOUND_MAX_LIFT)

# Texts a ``PackedTexts`` cuts out one by one before it splits them all.
MATERIALISE_AFTER = 20_000

# Lookups of option texts an index loaded from the cache answers by bisection
# before it builds its text -> id dict (``CandidateIndex.option_id``).
BISECTED_LOOKUPS = 1000

# Kinds of tokens that pair only with their equal (``scorer.compare``).
SPECIAL_KINDS = ("number", "legal", "particle")
SPECIAL_KIND_CODES = [KIND_CODES[kind] for kind in SPECIAL_KINDS]

# Queries longer than this are compared in full (cdist) rather than through the
# deletion neighbourhoods: a long query has hundreds of variants to build and look
# up, more than comparing it with the texts of its lengths (measured on the full
# OFAC + UN lists: 9, 11 and 13 letters give 0.22, 0.19 and 0.20 ms per new token).
NEIGHBOURHOOD_MAX_QUERY = 11

# Queries whose first bound is taken in one vectorised pass: enough to spread
# numpy's per-call cost, few enough that the pass's arrays stay in the CPU cache
# (measured on 3,000 Faker names against the full lists: 16-32 queries take 0.35 s,
# 512 take 0.50 s, one at a time 0.54 s).
STAGE_ONE_CHUNK = 32

# Options of more postings than this (on OFAC + UN the legal forms and particles
# "al", "llc", "jsc", "corp", "and": three quarters of the postings 2,000 Faker
# names reach) have their postings held back in the first bound: counted only
# for the names the query's other postings reach, unless a name they alone reach
# could survive (``prefilter.Prefilter.deferral``), which for most queries
# their low weights rule out.
DEFERRED_OPTION_POSTINGS = 1000

# Token masks are int64 bit sets: a name of more tokens has every bit set (all its
# tokens count as pairable, which only weakens a bound, never breaks it).
MASK_BITS = 62

IntArray = NDArray[np.int64]


class _PairRules(NamedTuple):
    """Per pair of a query option and a slot (``CandidateIndex._pair_similarities``),
    from the scripts of the two names: whether only the plain ratio counts (either
    in CJK, or both of one non-Latin script), whether the tokens are syllables, the
    most a sound-alike lifts two single tokens, whether one of the names is read
    as a reading (``scorer.READING_SCRIPTS``) and whether each is
    (None when some script is not known), whether one is of a
    ``scorer.LOOSE_CONSONANT_SCRIPTS``."""

    plain_only: NDArray[np.bool_]
    syllabic: NDArray[np.bool_]
    single_lift: NDArray[np.float64]
    read: NDArray[np.bool_]
    readings: tuple[NDArray[np.bool_], NDArray[np.bool_]] | None
    loose: NDArray[np.bool_]


class QueryScripts(NamedTuple):
    """What a query may be written in, as far as the search must know: a script
    read leaving vowels unknown (``scorer.READING_SCRIPTS``), one that writes
    fewer consonants (``scorer.LOOSE_CONSONANT_SCRIPTS``).  Unknown: both."""

    reading: bool = True
    loose_consonants: bool = True
    # Whether the two are known (the query's script is), not only possible.
    known: bool = False


ANY_SCRIPT = QueryScripts()

_NO_INTS: IntArray = np.zeros(0, dtype=np.int64)
_NO_FLOATS: NDArray[np.float64] = np.zeros(0, dtype=np.float64)

# What ``token_best_arrays`` gives: the query tokens' bests (query token x name), the
# names' tokens' bests one after the other, and where each name's tokens start.
BestArrays = tuple[NDArray[np.float64], NDArray[np.float64], IntArray]


def length_window(length: int, cutoff: float) -> tuple[int, int]:
    """Lengths ``lb`` for which an Indel ratio with a string of ``length`` can reach ``cutoff``.

    ``ratio = 200 * LCS / (la + lb) <= 200 * min(la, lb) / (la + lb)``.
    """
    if cutoff <= 0:
        return 0, 1 << 30
    if length == 0:
        return 0, 0
    low = math.ceil(length * cutoff / (200.0 - cutoff) - 1e-9)
    high = math.floor(length * (200.0 - cutoff) / cutoff + 1e-9)
    return low, high


def _option_masks(tokens: Sequence[str]) -> tuple[list[str], list[int]]:
    """Option texts of a name with the bit mask of the tokens each covers."""
    options = name_token_options(tuple(tokens))
    if len(tokens) > MASK_BITS:
        return [text for text, _ in options], [-1] * len(options)
    return [text for text, _ in options], [mask for _, mask in options]


# Separates the texts packed into one string (``PackedTexts``).
_TEXT_SEPARATOR = "\x00"


class PackedTexts(Sequence[str]):
    """Texts packed into one string, each made a string of its own only when asked for.

    A cached index holds some 450,000 texts (options, their views, the vocabularies):
    splitting them all at load costs ~25 ms, while a check of one name reads a few
    thousand.  So single texts and ranges are cut out of the packed string on
    demand, until ``MATERIALISE_AFTER`` texts have been asked for (a run of many
    searches): then all are split once, and kept in a list and, for ``take``, an
    object array (gathered from in C).  Pickles as the packed string and the array of
    where each text starts (mapped from the cache file, see ``cache``).
    """

    def __init__(self, joined: str, starts: IntArray) -> None:
        # Text i is joined[starts[i] : starts[i + 1] - 1] (a separator follows each).
        self._joined = joined
        self._starts = starts
        self._all: list[str] | None = None
        self._array: NDArray[Any] | None = None
        self._asked = 0

    @classmethod
    def pack(cls, texts: Sequence[str]) -> PackedTexts | list[str]:
        """``texts`` packed, or as a plain list when one holds the separator."""
        if isinstance(texts, PackedTexts):
            return texts
        joined = "".join(text + _TEXT_SEPARATOR for text in texts)
        if joined.count(_TEXT_SEPARATOR) != len(texts):
            return list(texts)
        starts = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum([len(text) + 1 for text in texts], out=starts[1:])
        return cls(joined, starts)

    def __reduce__(self) -> tuple[type[PackedTexts], tuple[str, IntArray]]:
        return (PackedTexts, (self._joined, self._starts))

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, position: int) -> str: ...
    @overload
    def __getitem__(self, position: slice) -> list[str]: ...
    def __getitem__(self, position: int | slice) -> str | list[str]:
        if self._all is not None:
            return self._all[position]
        size = len(self)
        if isinstance(position, slice):
            start, stop, step = position.indices(size)
            if step != 1:
                return self.all()[position]
            if start >= stop:
                return []
            self._asked += stop - start
            if self._asked > MATERIALISE_AFTER:
                return self.all()[start:stop]
            piece = self._joined[self._starts[start] : self._starts[stop] - 1]
            return piece.split(_TEXT_SEPARATOR)
        if position < 0:
            position += size
        if not 0 <= position < size:
            raise IndexError("text position out of range")
        self._asked += 1
        if self._asked > MATERIALISE_AFTER:
            return self.all()[position]
        return self._joined[self._starts[position] : self._starts[position + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        return iter(self.all())

    def all(self) -> list[str]:
        """Every text, split once and kept."""
        if self._all is None:
            self._all = self._joined[:-1].split(_TEXT_SEPARATOR) if len(self) else []
        return self._all

    def materialise(self) -> None:
        """Split every text now (e.g. before forking workers, which then share them)."""
        if self._array is None:
            self._array = _object_array(self.all())

    def take(self, positions: IntArray) -> list[str]:
        """The texts at ``positions``."""
        if self._array is None and self._asked + len(positions) > MATERIALISE_AFTER:
            self.materialise()
        if self._array is not None:
            return list(self._array[positions].tolist())
        self._asked += len(positions)
        joined = self._joined
        starts = self._starts[positions].tolist()
        ends = (self._starts[positions + 1] - 1).tolist()
        return [joined[start:end] for start, end in zip(starts, ends, strict=True)]


def _take(texts: NDArray[Any] | Sequence[str], positions: IntArray) -> list[str]:
    """The texts at ``positions`` of an object array, ``PackedTexts`` or list."""
    if isinstance(texts, PackedTexts):
        return texts.take(positions)
    if isinstance(texts, np.ndarray):
        return list(texts[positions].tolist())
    return [texts[p] for p in positions.tolist()]


def _object_array(texts: Sequence[str]) -> NDArray[Any]:
    array = np.empty(len(texts), dtype=object)
    array[:] = texts
    return array


def _csr(groups: Sequence[Sequence[int]]) -> tuple[IntArray, IntArray]:
    pointers = np.zeros(len(groups) + 1, dtype=np.int64)
    np.cumsum([len(g) for g in groups], out=pointers[1:])
    flat = np.fromiter((v for g in groups for v in g), dtype=np.int64, count=int(pointers[-1]))
    return pointers, flat


class _ViewVocabulary:
    """The distinct viewed texts of the long options under one view, sorted by length,
    with their deletion neighbourhoods when ``neighbourhoods`` (``deletions``)."""

    def __init__(
        self, texts: Sequence[str], option_ids: Sequence[int], neighbourhoods: bool = False
    ) -> None:
        groups: dict[str, list[int]] = {}
        for text, option_id in zip(texts, option_ids, strict=True):
            groups.setdefault(text, []).append(option_id)
        ordered = sorted(groups, key=lambda t: (len(t), t))
        self.texts: Sequence[str] = ordered
        lengths = np.fromiter((len(t) for t in ordered), dtype=np.int64, count=len(ordered))
        max_len = int(lengths[-1]) if len(lengths) else 0
        # offsets[n] = index of the first text of length >= n
        self.offsets: IntArray = np.searchsorted(lengths, np.arange(max_len + 2), side="left")
        self.pointers, self.option_ids = _csr([groups[t] for t in ordered])
        self.deletions = DeletionIndex(ordered) if neighbourhoods else None

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["texts"] = PackedTexts.pack(self.texts)
        return state

    def window(self, length: int, cutoff: float) -> tuple[int, int]:
        low, high = length_window(length, cutoff)
        top = len(self.offsets) - 1
        return int(self.offsets[min(low, top)]), int(self.offsets[min(high + 1, top)])

    def bucket(self, length: int) -> tuple[int, int]:
        """Positions of the texts of exactly ``length``."""
        top = len(self.offsets) - 1
        return int(self.offsets[min(length, top)]), int(self.offsets[min(length + 1, top)])

    def position(self, text: str) -> int:
        """The position of ``text`` among the texts, or -1."""
        start, end = self.bucket(len(text))
        found = bisect.bisect_left(self.texts, text, start, end)
        return found if found < end and self.texts[found] == text else -1

    def options_at(self, position: int) -> IntArray:
        """The options behind the text at ``position``."""
        return self.option_ids[self.pointers[position] : self.pointers[position + 1]]

    def matches(self, queries: Sequence[str], cutoff: float) -> tuple[IntArray, IntArray]:
        """(query indexes, text positions) of every pair at ``cutoff`` or more."""
        number_parts: list[IntArray] = [_NO_INTS]
        position_parts: list[IntArray] = [_NO_INTS]
        full: dict[tuple[int, int], list[int]] = {}  # (start, end) -> queries compared in full
        texts = self.texts
        indexed: list[int] = []
        for number, query in enumerate(queries):
            if self.deletions is None or len(query) > NEIGHBOURHOOD_MAX_QUERY:
                full.setdefault(self.window(len(query), cutoff), []).append(number)
            else:
                indexed.append(number)
        if indexed and self.deletions is not None:
            top = len(self.offsets) - 2
            windows = [length_window(len(queries[n]), cutoff) for n in indexed]
            (owners, positions), uncovered = self.deletions.search_many(
                [queries[n] for n in indexed],
                [range(max(low, 0), min(high, top) + 1) for low, high in windows],
                cutoff,
            )
            if len(owners):
                # The neighbourhoods give a superset: keep the pairs really at the cutoff.
                numbers = np.asarray(indexed, dtype=np.int64)[owners]
                ratios = process.cpdist(
                    [queries[n] for n in numbers.tolist()],
                    _take(texts, positions),
                    scorer=fuzz.ratio,
                    dtype=np.float64,
                )
                kept = ratios >= cutoff
                number_parts.append(numbers[kept])
                position_parts.append(positions[kept])
            for owner, lengths in enumerate(uncovered):
                for length in lengths:
                    full.setdefault(self.bucket(length), []).append(indexed[owner])
        for (start, end), numbers_compared in full.items():
            if start >= end:
                continue
            # uint8: only which pairs reach the cutoff matters here (a score at or
            # above it is never stored as 0), and the matrix is 8 times smaller.
            scores = process.cdist(
                [queries[n] for n in numbers_compared],
                texts[start:end],
                scorer=fuzz.ratio,
                score_cutoff=cutoff,
                dtype=np.uint8,
            )
            rows, columns = nonzero_cells(scores)
            number_parts.append(np.asarray(numbers_compared, dtype=np.int64)[rows])
            position_parts.append(columns + start)
        return np.concatenate(number_parts), np.concatenate(position_parts)


class CandidateIndex:
    """Option vocabulary of a set of listed names, searchable by token similarity.

    Built from the token tuples of the listed names (``PreparedName.tokens``);
    ``candidates(tokens, threshold)`` gives the positions of every name that can
    reach the threshold (a superset of the hits, never missing one).
    """

    def __init__(
        self,
        names: Sequence[Sequence[str]],
        kinds: Sequence[Sequence[str]] | None = None,
        weights: Sequence[Sequence[float]] | None = None,
        rarities: Sequence[Sequence[float]] | None = None,
        organisations: Sequence[bool] | None = None,
        scripts: Sequence[str] | None = None,
    ) -> None:
        """``names``: token tuples of the listed names; with the kinds, weights and
        rarities of their tokens and whether each is an organisation (as the scorer
        sees them), the index also bounds scores (``survivors_many``); with the
        script each was written in, the bound follows the scorer's script rules."""
        self.name_count = len(names)
        option_ids: dict[str, int] = {}
        postings: list[list[int]] = []
        slot_option: list[list[int]] = []
        slot_mask: list[list[int]] = []
        # Per slot: its posting as (option, position in the option's postings).
        slot_posting_local: list[tuple[int, int]] = []
        slot_first: list[int] = []
        slot_span: list[int] = []
        single_ids: set[int] = set()
        token_base = 0
        for name_id, tokens in enumerate(names):
            local: dict[int, int] = {}
            options = name_token_options(tuple(tokens))
            ids = []
            for text, _ in options:
                option_id = option_ids.get(text)
                if option_id is None:
                    option_id = option_ids[text] = len(option_ids)
                    postings.append([])
                if option_id not in local:  # a name's postings hold each option once
                    local[option_id] = len(postings[option_id])
                    postings[option_id].append(name_id)
                ids.append(option_id)
            slot_option.append(ids)
            slot_mask.append([m if len(tokens) <= MASK_BITS else -1 for _, m in options])
            for option_id, (_, mask) in zip(ids, options, strict=True):
                slot_posting_local.append((option_id, local[option_id]))
                low = (mask & -mask).bit_length() - 1
                slot_first.append(token_base + low)
                slot_span.append(mask.bit_count())
                if mask & (mask - 1) == 0:
                    single_ids.add(option_id)
            token_base += len(tokens)
        self.option_texts: Sequence[str] = list(option_ids)
        self.posting_pointers, self.posting_names = _csr(postings)
        # Every option of every name with the tokens it covers (a bit mask), for
        # ``pairable``; names of more than MASK_BITS tokens get all bits set.
        self.slot_pointers, self.slot_option = _csr(slot_option)
        self.slot_mask = np.fromiter(
            (m for masks in slot_mask for m in masks), dtype=np.int64, count=len(self.slot_option)
        )
        self.token_counts: IntArray = np.fromiter(
            (len(tokens) for tokens in names), dtype=np.int64, count=len(names)
        )
        # Per slot: its first token within its name, and how many tokens it covers.
        self.slot_first = np.asarray(slot_first, dtype=np.int64) - np.repeat(
            np.cumsum(self.token_counts) - self.token_counts, np.diff(self.slot_pointers)
        )
        self.slot_span = np.asarray(slot_span, dtype=np.int64)
        self.option_length = np.fromiter(
            (len(t) for t in option_ids), dtype=np.int64, count=len(option_ids)
        )
        # The script of each name as a small code (0: Latin or unknown), see
        # ``pair_similarities``; None: every name may be of any script.
        self.script_names: list[str] = [""]
        self.name_script: IntArray | None = None
        if scripts is not None:
            codes: dict[str, int] = {"": 0}
            self.name_script = np.fromiter(
                (codes.setdefault(script, len(codes)) for script in scripts),
                dtype=np.int64,
                count=len(scripts),
            )
            self.script_names = list(codes)
        # Per script code: whether its names are romanised a syllable a token,
        # whether they are read leaving vowels unknown (``scorer.READING_SCRIPTS``),
        # whether the script writes fewer consonants.
        self.script_syllabic = np.asarray(
            [name in scorer.SYLLABIC_SCRIPTS for name in self.script_names], dtype=bool
        )
        self.script_reading = np.asarray(
            [name in scorer.READING_SCRIPTS for name in self.script_names], dtype=bool
        )
        self.script_loose = np.asarray(
            [name in scorer.LOOSE_CONSONANT_SCRIPTS for name in self.script_names], dtype=bool
        )
        # Per view, the viewed text of every option: object arrays (gathered in C),
        # or ``PackedTexts`` in an index loaded from the cache.
        self.view_texts: list[NDArray[Any] | Sequence[str]] = []
        for view in scorer.TOKEN_VIEWS:
            viewed = np.empty(len(self.option_texts), dtype=object)
            viewed[:] = [view(t) for t in self.option_texts]
            self.view_texts.append(viewed)
        self.option_long = np.fromiter(
            (len(t) > scorer.EXACT_TOKEN_MAX_LEN for t in self.option_texts),
            dtype=bool,
            count=len(self.option_texts),
        )
        # Two vocabularies per view: options that are a single token of some name,
        # and options that are only ever compounds.  A compound of the query pairs
        # with single tokens only (``scorer.compare``), so it searches the first.
        long_single = [i for i in sorted(single_ids) if self.option_long[i]]
        long_compound = [
            i for i in range(len(self.option_texts)) if self.option_long[i] and i not in single_ids
        ]
        self.vocabularies: list[_ViewVocabulary] = [
            _ViewVocabulary(
                [view(self.option_texts[i]) for i in long_single], long_single, neighbourhoods=True
            )
            for view in scorer.TOKEN_VIEWS
        ]
        self.compound_vocabularies: list[_ViewVocabulary] = [
            _ViewVocabulary(
                [view(self.option_texts[i]) for i in long_compound],
                long_compound,
                neighbourhoods=True,
            )
            for view in scorer.TOKEN_VIEWS
        ]
        self.option_single = np.zeros(len(self.option_texts), dtype=bool)
        self.option_single[sorted(single_ids)] = True
        self.split_syllables = _split_syllable_table(self.option_texts)
        self.syllable_spellings = _syllable_table(self.option_texts)
        self._index_consonants()
        self.prefilter: Prefilter | None = None
        if (
            kinds is not None
            and weights is not None
            and rarities is not None
            and organisations is not None
        ):
            slot_posting = np.fromiter(
                (int(self.posting_pointers[o]) + k for o, k in slot_posting_local),
                dtype=np.int64,
                count=len(slot_posting_local),
            )
            # Slots that pair only with their equal: single numbers, legal forms, particles.
            special_kind = np.zeros(len(KIND_CODES), dtype=bool)
            special_kind[SPECIAL_KIND_CODES] = True
            slot_kind = np.fromiter(
                (KIND_CODES.get(k, 0) for ks in kinds for k in ks), dtype=np.int64
            )[np.asarray(slot_first, dtype=np.int64)]
            self.slot_special = special_kind[slot_kind] & (self.slot_span == 1)
            self.prefilter = Prefilter(
                names,
                kinds,
                weights,
                rarities,
                organisations,
                np.asarray(slot_first, dtype=np.int64),
                np.asarray(slot_span, dtype=np.int64),
                slot_posting,
                len(self.posting_names),
            )
        self._option_ids: dict[str, int] | None = option_ids
        # Ids in text order, and bisections done (``option_id``): set on load.
        self._option_order: IntArray = _NO_INTS
        self._bisected = 0
        self._match_cache: dict[
            tuple[float, bool, QueryScripts],
            OrderedDict[str, tuple[IntArray, NDArray[np.float64]]],
        ] = {}
        self._related_cache: dict[str, list[int]] = {}
        self._split_cache: dict[str, list[int]] = {}
        self._substituted_cache: dict[str, list[int]] = {}
        self._loose_vocabularies: dict[bool, _ViewVocabulary] = {}

    def _index_consonants(self) -> None:
        """The long options by the consonants of their skeleton (``scorer.abjad_consonants``,
        at least ``READING_MIN_CONSONANTS``): across a script read leaving vowels unknown
        (``scorer.READING_SCRIPTS``) the scorer compares two options of the same
        consonants as a reading and a spelling (``scorer.reading_similarity``),
        whatever their spelled similarity, so such partners are looked up exactly.
        In ``consonant_vocabulary`` every such option, and ``option_consonants`` the
        position of each option's consonants there (-1: none); in
        ``reading_consonants`` only the options of names written in such a script,
        the partners a query of another script can have (None: the names' scripts
        are unknown, all are)."""
        skeletons = self.view_texts[scorer.SKELETON_VIEW]
        keyed: list[tuple[int, str]] = []
        for option in np.flatnonzero(self.option_long).tolist():
            consonants = scorer.abjad_consonants(skeletons[option])
            if len(consonants) >= scorer.READING_MIN_CONSONANTS:
                keyed.append((option, consonants))
        self.consonant_vocabulary = _ViewVocabulary([k for _, k in keyed], [o for o, _ in keyed])
        position = {text: p for p, text in enumerate(self.consonant_vocabulary.texts)}
        self.option_consonants = np.full(len(self.option_texts), -1, dtype=np.int64)
        for option, consonants in keyed:
            self.option_consonants[option] = position[consonants]
        self.reading_consonants: _ViewVocabulary | None = None
        # Per option, whether a name read leaving vowels unknown has it (None: not known).
        self.option_read: NDArray[np.bool_] | None = None
        # The long options of names of a LOOSE_CONSONANT_SCRIPTS (None: scripts
        # unknown, every long option), for ``_loose_partners``.
        self.loose_options: IntArray | None = None
        if self.name_script is not None:
            read = self.option_read = self._options_of(self.script_reading[self.name_script])
            chosen = [(o, k) for o, k in keyed if read[o]]
            self.reading_consonants = _ViewVocabulary(
                [k for _, k in chosen], [o for o, _ in chosen]
            )
            loose = self._options_of(self.script_loose[self.name_script])
            self.loose_options = np.flatnonzero(loose & self.option_long)

    def _options_of(self, names: NDArray[np.bool_]) -> NDArray[np.bool_]:
        """Per option, whether some name of the ``names`` mask has it."""
        chosen = np.flatnonzero(names)
        starts = self.slot_pointers[chosen]
        counts = self.slot_pointers[chosen + 1] - starts
        found = np.zeros(len(self.option_texts), dtype=bool)
        found[self.slot_option[expand_ranges(starts, counts)]] = True
        return found

    def _loose_vocabulary(self, every: bool) -> _ViewVocabulary:
        """The ``scorer.loose_skeleton`` of the long options (``every``) or of those
        of names of a ``LOOSE_CONSONANT_SCRIPTS``, built on first use: only queries
        or names of such a script need them."""
        chosen = None if every else self.loose_options
        every = chosen is None
        found = self._loose_vocabularies.get(every)
        if found is None:
            options = np.flatnonzero(self.option_long) if chosen is None else chosen
            skeletons = _take(self.view_texts[scorer.SKELETON_VIEW], options)
            # Options of names of such a script under each sound their letters
            # transcribe (``scorer.loose_skeletons``).
            foreign = self._loose_named(options).tolist()
            texts: list[str] = []
            owners: list[int] = []
            for text, option, variants in zip(skeletons, options.tolist(), foreign, strict=True):
                for loose in (
                    scorer.loose_skeletons(text) if variants else (scorer.loose_skeleton(text),)
                ):
                    texts.append(loose)
                    owners.append(option)
            found = _ViewVocabulary(texts, owners)
            self._loose_vocabularies[every] = found
        return found

    def _loose_named(self, options: IntArray) -> NDArray[np.bool_]:
        """Whether a name of a ``LOOSE_CONSONANT_SCRIPTS`` has each of the long
        ``options`` (all when the names' scripts are unknown)."""
        if self.loose_options is None:
            return np.ones(len(options), dtype=bool)
        return contains_sorted(self.loose_options, options)

    def __getstate__(self) -> dict[str, Any]:
        # The text -> id dict is rebuilt when needed (cheaper than unpickling it, and
        # often not needed: ``option_id``); the match memo belongs to one process.
        # Texts are packed into strings (``PackedTexts``).
        state = self.__dict__.copy()
        state["_option_ids"] = None
        state["_match_cache"] = {}
        state["_related_cache"] = {}
        state["_split_cache"] = {}
        state["_substituted_cache"] = {}
        state["_loose_vocabularies"] = {}
        # The option ids in the order of their texts: the few lookups of a short
        # run bisect them (``option_id``) rather than wait for the dict (~20 ms).
        if len(self._option_order) != len(self.option_texts):  # built here: not yet sorted
            state["_option_order"] = np.asarray(
                sorted(range(len(self.option_texts)), key=self.option_texts.__getitem__),
                dtype=np.int64,
            )
        state["_bisected"] = 0
        state["option_texts"] = PackedTexts.pack(self.option_texts)
        state["view_texts"] = [self._stored_view(viewed) for viewed in self.view_texts]
        return state

    def _stored_view(self, viewed: NDArray[Any] | Sequence[str]) -> PackedTexts | list[str] | None:
        """A view's texts as pickled: None when they are the options' own (the plain
        view), not stored twice."""
        if viewed is self.option_texts:
            return None
        if isinstance(viewed, PackedTexts):
            return viewed
        texts = list(viewed)
        return None if texts == list(self.option_texts) else PackedTexts.pack(texts)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.view_texts = [
            self.option_texts if packed is None else packed for packed in state["view_texts"]
        ]

    def ready(self, threshold: float) -> None:
        """Build the lazily built parts a search at ``threshold`` needs."""
        self.option_ids  # noqa: B018 - built on first access
        texts = [self.option_texts, *self.view_texts]
        vocabularies = [*self.vocabularies, *self.compound_vocabularies, self.consonant_vocabulary]
        if self.reading_consonants is not None:
            vocabularies.append(self.reading_consonants)
        texts += [v.texts for v in vocabularies]
        for packed in texts:
            if isinstance(packed, PackedTexts):
                packed.materialise()
        if self.prefilter is not None and self.cutoff(threshold) > 0:
            target, cutoff = threshold - ROUNDING_MARGIN, self.cutoff(threshold)
            self.prefilter.tables(target, cutoff)
            self.prefilter.deferral(
                target, cutoff, self.posting_names, self.posting_pointers, DEFERRED_OPTION_POSTINGS
            )

    def forget(self) -> None:
        """Drop the memoised token matches."""
        self._match_cache.clear()
        self._related_cache.clear()
        self._split_cache.clear()
        self._substituted_cache.clear()

    def related(self, text: str) -> list[int]:
        """Ids of the listed options one adjacent transposition from ``text``
        (``scorer.transpositions``), a nickname or full name of it
        (``names.nicknames``), a diphthong respelled (``scorer.diphthong_respellings``)
        or another romanisation of the syllable it is (``scorer.syllable_key``),
        memoised."""
        found = self._related_cache.get(text)
        if found is None:
            variants = [
                *scorer.transpositions(text),
                *nicknames.related(text),
                *scorer.diphthong_respellings(text),
            ]
            ids = [self.option_id(variant) for variant in variants]
            key = scorer.syllable_key(text)
            if key is not None:
                ids += self.syllable_spellings.get(key, [])
            found = list(dict.fromkeys(i for i in ids if i is not None))
            if len(self._related_cache) >= MATCH_CACHE_SIZE:
                self._related_cache.clear()
            self._related_cache[text] = found
        return found

    def substituted(self, text: str) -> list[int]:
        """Ids of the listed single-token options one changed letter from ``text``
        (``scorer.substitutions``), memoised."""
        found = self._substituted_cache.get(text)
        if found is None:
            variants = scorer.substitutions(text)
            # Some 125 lookups a word: the dict's own get once ``option_id`` built it.
            table = self._option_ids
            ids = map(table.get, variants) if table is not None else map(self.option_id, variants)
            found = [i for i in ids if i is not None and self.option_single[i]]
            if len(self._substituted_cache) >= MATCH_CACHE_SIZE:
                self._substituted_cache.clear()
            self._substituted_cache[text] = found
        return found

    def split_related(self, text: str) -> list[int]:
        """Ids of the listed options other than ``text`` that split into syllables of
        the keys a split of ``text`` has (``scorer.split_syllable_similarity``: a
        compound and a word pair so), memoised."""
        found = self._split_cache.get(text)
        if found is None:
            table = self.split_syllables
            found = list(
                dict.fromkeys(
                    option
                    for first, second in scorer.split_syllable_keys(text)
                    for option in table.get(f"{first} {second}", ())
                    if self.option_texts[option] != text
                )
            )
            if len(self._split_cache) >= MATCH_CACHE_SIZE:
                self._split_cache.clear()
            self._split_cache[text] = found
        return found

    def _related_similarity(self, text: str, option: int) -> float:
        """What ``scorer.compare`` gives the single tokens ``text`` and a listed option
        two swapped letters or a nickname away (``related``), at most."""
        return scorer.related_similarity(text, self.option_texts[option])

    @property
    def option_ids(self) -> dict[str, int]:
        """Option text -> id, built on first use (an index from the cache has none)."""
        if self._option_ids is None:
            self._option_ids = {text: i for i, text in enumerate(self.option_texts)}
        return self._option_ids

    def option_id(self, text: str) -> int | None:
        """The id of the option ``text``, or None.

        An index loaded from the cache answers its first ``BISECTED_LOOKUPS`` lookups
        by bisecting its options in text order, then builds ``option_ids``: a
        ``check`` of one name never pays for the dict.
        """
        if self._option_ids is None and self._bisected < BISECTED_LOOKUPS:
            self._bisected += 1
            order, texts = self._option_order, self.option_texts
            found = bisect.bisect_left(order, text, key=texts.__getitem__)
            if found < len(order) and texts[order[found]] == text:
                return int(order[found])
            return None
        return self.option_ids.get(text)

    # -- search -------------------------------------------------------------------

    def option_matches(
        self,
        texts: Iterable[str],
        cutoff: float,
        *,
        compound: bool = False,
        scripts: QueryScripts = ANY_SCRIPT,
    ) -> dict[str, tuple[int, ...]]:
        """For each query option text: the ids of every listed option at >= ``cutoff``.

        With ``compound`` the texts are compounds of the query, which pair with
        single tokens only: options that are only ever compounds are not searched.
        ``scripts``: what the query may be written in (``QueryScripts``).  When not
        in a script read leaving vowels unknown, only the options of names written
        in one may meet it on its consonants (``_consonant_partners``); when not in
        one that writes fewer consonants, only those of names in one on its loose
        skeleton (``_loose_partners``).
        """
        found = self.option_match_similarities(texts, cutoff, compound=compound, scripts=scripts)
        return {text: tuple(ids.tolist()) for text, (ids, _) in found.items()}

    def option_match_similarities(
        self,
        texts: Iterable[str],
        cutoff: float,
        *,
        compound: bool = False,
        scripts: QueryScripts = ANY_SCRIPT,
    ) -> dict[str, tuple[IntArray, NDArray[np.float64]]]:
        """``option_matches`` with, for each listed option found, the similarity of
        the pair (at least what ``scorer.compare`` can give it), memoised."""
        cache = self._match_cache.setdefault((cutoff, compound, scripts), OrderedDict())
        found: dict[str, tuple[IntArray, NDArray[np.float64]]] = {}
        missing: list[str] = []
        for text in texts:
            if text in found:
                continue
            hit = cache.get(text)
            if hit is None:
                missing.append(text)
            else:
                cache.move_to_end(text)
                found[text] = hit
        if missing:
            for text, result in self._search(missing, cutoff, compound, scripts).items():
                found[text] = cache[text] = result
            while len(cache) > MATCH_CACHE_SIZE:
                cache.popitem(last=False)
        return found

    def _search(
        self, texts: list[str], cutoff: float, compound: bool, scripts: QueryScripts
    ) -> dict[str, tuple[IntArray, NDArray[np.float64]]]:
        # Each vocabulary with the most a sound-alike view may lift a pair there above
        # its plain ratio (``scorer._option_similarity``): a pair with a compound
        # ``COMPOUND_MAX_LIFT``, two single tokens ``MAX_LIFT`` (scripts unknown here).
        searched = [(self.vocabularies, scorer.COMPOUND_MAX_LIFT if compound else MAX_LIFT)]
        if not compound:
            searched.append((self.compound_vocabularies, scorer.COMPOUND_MAX_LIFT))
        distinct = list(dict.fromkeys(texts))
        exact = [self.option_id(text) for text in distinct]
        long_numbers = [n for n, t in enumerate(distinct) if len(t) > scorer.EXACT_TOKEN_MAX_LEN]
        long_texts = [distinct[n] for n in long_numbers]
        viewed_texts = [[view(text) for view in scorer.TOKEN_VIEWS] for text in long_texts]
        width = max(len(self.option_length), 1)
        # (text number, option) of each pair found, as one int key; its similarity.
        keys = [
            np.asarray(
                [n * width + o for n, o in enumerate(exact) if o is not None], dtype=np.int64
            )
        ]
        similarity_parts = [np.full(len(keys[0]), 100.0)]
        long_owner = np.asarray(long_numbers, dtype=np.int64)
        for vocabularies, lift in searched:
            owner_parts: list[IntArray] = [_NO_INTS]
            option_parts: list[IntArray] = [_NO_INTS]
            for v, vocabulary in enumerate(vocabularies):
                numbers, positions = vocabulary.matches([q[v] for q in viewed_texts], cutoff)
                starts = vocabulary.pointers[positions]
                counts = vocabulary.pointers[positions + 1] - starts
                option_parts.append(vocabulary.option_ids[expand_ranges(starts, counts)])
                owner_parts.append(np.repeat(numbers, counts))
            # Each option found under some view and not found before (its exact
            # equal, another vocabulary): the similarity the scorer can give.
            owners = np.concatenate(owner_parts)
            found = unique(long_owner[owners] * width + np.concatenate(option_parts))
            found = found[~contains_sorted(np.sort(np.concatenate(keys)), found)]
            if not len(found):
                continue
            options = found % width
            pair_views = [viewed_texts[k] for k in np.searchsorted(long_owner, found // width)]
            similarities = self._similarities(
                pair_views, options.tolist(), lift, substituted=not compound
            )
            kept = similarities >= cutoff
            keys.append(found[kept])
            similarity_parts.append(similarities[kept])
        # Options of the same consonants (``_index_consonants``), looked up, of the
        # same loose skeleton, and two letters swapped
        # (``scorer.transposition_similarity``): the options found so, kept at the
        # higher similarity when a view found them too.
        lift = searched[0][1]
        partners = [
            self._consonant_partners(long_numbers, viewed_texts, cutoff, compound, scripts, lift),
            self._loose_partners(
                long_numbers, viewed_texts, cutoff, compound, scripts.loose_consonants, lift
            ),
        ]
        alike = [found for found in partners if found is not None]
        for found_keys, found_similarities in alike:
            keys.append(found_keys)
            similarity_parts.append(found_similarities)
        # One changed letter (``scorer.substitution_similarity``): looked up for the
        # lengths whose plain ratio stays below the cutoff.
        changed = scorer.substitution_lengths(cutoff)
        related = [
            (n * width + option, self._related_similarity(distinct[n], option))
            for n in ([] if compound else range(len(distinct)))  # single tokens only pair so
            for option in (
                self.related(distinct[n])
                + (self.substituted(distinct[n]) if len(distinct[n]) in changed else [])
            )
        ]
        related = [(key, similarity) for key, similarity in related if similarity >= cutoff]
        if cutoff <= scorer.MAX_VARIANT_SIMILARITY:
            # A compound and a word that split into the same syllables: a compound
            # query option meets single options, a single one compounds (and single
            # options too, which only loosens the bound).
            related += [
                (n * width + option, scorer.MAX_VARIANT_SIMILARITY)
                for n, text in enumerate(distinct)
                for option in self.split_related(text)
                if not compound or self.option_single[option]
            ]
        if related:
            keys.append(np.asarray([key for key, _ in related], dtype=np.int64))
            similarity_parts.append(np.asarray([sim for _, sim in related], dtype=np.float64))
        all_keys = np.concatenate(keys)
        all_similarities = np.concatenate(similarity_parts)
        if related or alike:
            order = np.lexsort((-all_similarities, all_keys))
            all_keys, all_similarities = all_keys[order], all_similarities[order]
            first = np.ones(len(all_keys), dtype=bool)
            first[1:] = all_keys[1:] != all_keys[:-1]
            all_keys, all_similarities = all_keys[first], all_similarities[first]
        else:
            order = np.argsort(all_keys, kind="stable")
            all_keys, all_similarities = all_keys[order], all_similarities[order]
        bounds = np.searchsorted(all_keys // width, np.arange(len(distinct) + 1)).tolist()
        options_of = all_keys % width
        return {
            text: (
                options_of[bounds[n] : bounds[n + 1]],
                all_similarities[bounds[n] : bounds[n + 1]],
            )
            for n, text in enumerate(distinct)
        }

    def _consonant_partners(
        self,
        long_numbers: list[int],
        viewed_texts: list[list[str]],
        cutoff: float,
        compound: bool,
        scripts: QueryScripts,
        lift: float,
    ) -> tuple[IntArray, NDArray[np.float64]] | None:
        """(text number * width + option, similarity) of every listed option with the
        consonants of a long query text (``_index_consonants``) at ``cutoff`` or more,
        ``scorer.reading_similarity`` counted (the query a reading or not, as
        ``scripts`` allows; the listed option one, or not, as its names are); None
        when there are none."""
        vocabulary = self.consonant_vocabulary
        reading_query = scripts.reading
        if not reading_query and self.reading_consonants is not None:
            vocabulary = self.reading_consonants
        if not len(vocabulary.texts):
            return None
        owners: list[int] = []
        option_parts: list[IntArray] = []
        for k, views in enumerate(viewed_texts):
            position = vocabulary.position(scorer.abjad_consonants(views[scorer.SKELETON_VIEW]))
            if position < 0:
                continue
            options = vocabulary.options_at(position)
            if compound:  # a compound pairs with single tokens only
                options = options[self.option_single[options]]
            owners.extend([k] * len(options))
            option_parts.append(options)
        if not owners:
            return None
        options = np.concatenate(option_parts)
        owner_array = np.asarray(owners, dtype=np.int64)
        # A pair reaches the cutoff only within ``lift`` of its plain ratio: the
        # others need no reading (most, for a common skeleton such as Mohammed's).
        plain = process.cpdist(
            [viewed_texts[k][0] for k in owners],
            _take(self.option_texts, options),
            scorer=fuzz.ratio,
            dtype=np.float64,
        )
        near = plain + lift >= cutoff
        if not near.any():
            return None
        options, owner_array = options[near], owner_array[near]
        owners = owner_array.tolist()
        texts = [viewed_texts[k][0] for k in owners]
        listed = _take(self.option_texts, options)
        if not reading_query:
            # The query is no reading: the listed option is (``_index_consonants``).
            readings = [
                scorer.reading_similarity(q, o, False, True)
                for q, o in zip(texts, listed, strict=True)
            ]
        elif scripts.known and self.option_read is not None:
            # The query is a reading, the listed option one only if a name read so has it.
            read = self.option_read[options].tolist()
            readings = [
                max(
                    scorer.reading_similarity(q, o, True, False),
                    scorer.reading_similarity(q, o, True, True) if both else 0.0,
                )
                for q, o, both in zip(texts, listed, read, strict=True)
            ]
        else:
            readings = list(map(scorer.reading_similarity_bound, texts, listed))
        ratios = np.asarray(readings, dtype=np.float64)
        return self._partners_at(
            long_numbers, viewed_texts, owner_array, options, lift, ratios, cutoff, plain[near]
        )

    def _loose_partners(
        self,
        long_numbers: list[int],
        viewed_texts: list[list[str]],
        cutoff: float,
        compound: bool,
        loose_query: bool,
        lift: float,
    ) -> tuple[IntArray, NDArray[np.float64]] | None:
        """(text number * width + option, similarity) of every listed option whose
        ``scorer.loose_skeleton`` is at ``cutoff`` or more from a long query text's,
        the loose ratio counted: every long option when the query may be written in a
        ``LOOSE_CONSONANT_SCRIPTS`` (``loose_query``), else those of names that are;
        None when there are none."""
        vocabulary = self._loose_vocabulary(loose_query)
        if not len(vocabulary.texts) or not viewed_texts:
            return None
        # A query that may be of such a script, under each sound its letters transcribe.
        queries: list[str] = []
        query_of: list[int] = []
        for k, views in enumerate(viewed_texts):
            skeleton = views[scorer.SKELETON_VIEW]
            for loose in (
                scorer.loose_skeletons(skeleton)
                if loose_query
                else (scorer.loose_skeleton(skeleton),)
            ):
                queries.append(loose)
                query_of.append(k)
        variants, positions = vocabulary.matches(queries, cutoff)
        numbers = np.asarray(query_of, dtype=np.int64)[variants]
        starts = vocabulary.pointers[positions]
        counts = vocabulary.pointers[positions + 1] - starts
        options = vocabulary.option_ids[expand_ranges(starts, counts)]
        owners = np.repeat(numbers, counts)
        texts_at = np.repeat(positions, counts)
        variant_at = np.repeat(variants, counts)
        if compound:  # a compound pairs with single tokens only
            single = self.option_single[options]
            options, owners = options[single], owners[single]
            texts_at, variant_at = texts_at[single], variant_at[single]
        if not len(options):
            return None
        ratios = process.cpdist(
            [queries[k] for k in variant_at.tolist()],
            _take(vocabulary.texts, texts_at),
            scorer=fuzz.ratio,
            dtype=np.float64,
        )
        np.minimum(ratios, scorer.LOOSE_MAX_SIMILARITY, out=ratios)
        return self._partners_at(long_numbers, viewed_texts, owners, options, lift, ratios, cutoff)

    def _partners_at(
        self,
        long_numbers: list[int],
        viewed_texts: list[list[str]],
        owners: IntArray,
        options: IntArray,
        lift: float,
        ratios: NDArray[np.float64],
        cutoff: float,
        plain: NDArray[np.float64] | None = None,
    ) -> tuple[IntArray, NDArray[np.float64]]:
        """(text number * width + option, similarity) of the pairs of long query texts
        (``owners``, positions in ``viewed_texts``) and listed ``options`` whose
        similarity, their rule's ``ratios`` counted, is at ``cutoff`` or more
        (``plain``: their plain ratios, when known)."""
        similarities = self._similarities(
            [viewed_texts[k] for k in owners.tolist()], options.tolist(), lift, ratios, plain
        )
        kept = similarities >= cutoff
        width = max(len(self.option_length), 1)
        numbers = np.asarray(long_numbers, dtype=np.int64)[owners]
        return (numbers * width + options)[kept], similarities[kept]

    def _similarities(
        self,
        views: Sequence[Sequence[str]],
        options: Sequence[int],
        lift: float,
        extra: NDArray[np.float64] | None = None,
        plain: NDArray[np.float64] | None = None,
        substituted: bool = False,
    ) -> NDArray[np.float64]:
        """``scorer._option_similarity`` of query options (their viewed texts) paired
        with listed options, the lift at most ``lift``, unequal texts (see
        ``_search``): one ``cpdist`` per view over all the pairs (the plain ratios
        ``plain`` when the caller has them), and ``extra`` (the ratio of each pair
        under a rule of some scripts) when given.  With ``substituted`` (single
        query tokens) at least ``_substitution_similarities``."""
        chosen = np.asarray(options, dtype=np.int64)
        if plain is None:
            plain = process.cpdist(
                [v[0] for v in views],
                _take(self.view_texts[0], chosen),
                scorer=fuzz.ratio,
                dtype=np.float64,
            )
        best = plain
        lifts: float | NDArray[np.float64] = lift
        for v in range(1, len(scorer.TOKEN_VIEWS)):
            viewed = process.cpdist(
                [q[v] for q in views],
                _take(self.view_texts[v], chosen),
                scorer=fuzz.ratio,
                dtype=np.float64,
            )
            if v == scorer.SKELETON_VIEW and lift == scorer.COMPOUND_MAX_LIFT:
                # Equal skeletons of long texts lift a compound further
                # (COMPOUND_SKELETON_LIFT, COMPOUND_SKELETON_MIN_LETTERS).
                lengths = np.fromiter((len(q[0]) for q in views), dtype=np.int64, count=len(views))
                lifts = _compound_lifts(viewed, lengths, self.option_length[chosen])
            best = np.maximum(best, viewed)
        if extra is not None:
            best = np.maximum(best, extra)
        capped: NDArray[np.float64] = np.minimum(
            np.minimum(best, plain + lifts), scorer.MAX_VARIANT_SIMILARITY
        )
        if substituted:
            lengths = np.fromiter((len(q[0]) for q in views), dtype=np.int64, count=len(views))
            substitutions = self._substitution_similarities(
                plain, lengths, chosen, lambda k: views[k][0]
            )
            capped = np.maximum(capped, substitutions)
        return capped

    def _substitution_similarities(
        self,
        plain: NDArray[np.float64],
        lengths: IntArray,
        options: IntArray,
        text_of: Callable[[int], str],
    ) -> NDArray[np.float64]:
        """Per pair of a single query token (its plain ratio, its length, its text
        ``text_of(pair)``) and a listed option: ``scorer.substitution_similarity`` as
        ``related_similarity`` caps it, 0 when none.  Only pairs of one length ``n``
        and a plain ratio of at least ``100 (n - 1) / n`` (what one changed letter
        leaves) are compared."""
        n = np.maximum(lengths, 1).astype(np.float64)
        maybe = np.flatnonzero(
            (lengths == self.option_length[options])
            & (lengths >= scorer.SUBSTITUTION_MIN_LENGTH)
            & (plain * n >= 100.0 * (n - 1.0) - 1e-6)
        )
        out = np.zeros(len(lengths), dtype=np.float64)
        option_texts = self.option_texts
        for k in maybe.tolist():
            out[k] = scorer.substitution_similarity(text_of(k), option_texts[int(options[k])])
        return np.minimum(out, scorer.MAX_VARIANT_SIMILARITY)

    def cutoff(self, threshold: float) -> float:
        """The token similarity a name needs somewhere to reach ``threshold``."""
        return threshold - scorer.MAX_SCORE_BONUS - ROUNDING_MARGIN

    def _query_matches(
        self,
        queries: Sequence[Sequence[str]],
        cutoff: float,
        scripts: Sequence[QueryScripts] | None = None,
    ) -> tuple[
        list[tuple[list[str], list[int]]],
        dict[QueryScripts, dict[str, tuple[IntArray, NDArray[np.float64]]]],
    ]:
        """Options (texts, masks) of each query and the matches of every option text,
        compounds searched against single tokens only (texts that are a single token
        of the query are searched as singles); the matches by what the queries may be
        written in (``scripts``, anything when not given: ``option_matches``)."""
        options = [_option_masks(tokens) for tokens in queries]
        scopes = scripts if scripts is not None else [ANY_SCRIPT] * len(queries)
        found: dict[QueryScripts, dict[str, tuple[IntArray, NDArray[np.float64]]]] = {}
        for scope in sorted(set(scopes)):
            singles: dict[str, None] = {}
            compounds: dict[str, None] = {}
            for (texts, masks), query_scope in zip(options, scopes, strict=True):
                if query_scope != scope:
                    continue
                for text, mask in zip(texts, masks, strict=True):
                    if mask != -1 and mask & (mask - 1):
                        compounds[text] = None
                    else:
                        singles[text] = None
            matches = self.option_match_similarities(singles, cutoff, scripts=scope)
            rest = [t for t in compounds if t not in matches]
            matches.update(
                self.option_match_similarities(rest, cutoff, compound=True, scripts=scope)
            )
            found[scope] = matches
        return options, found

    def candidates(self, tokens: Sequence[str], threshold: float, **_: Any) -> list[int]:
        """Positions of the names that can score at least ``threshold``, ascending."""
        return self.candidates_many([tokens], threshold)[0]

    def candidates_many(
        self, queries: Sequence[Sequence[str]], threshold: float
    ) -> list[list[int]]:
        """``candidates`` of many token sequences, their new options searched in one pass."""
        cutoff = self.cutoff(threshold)
        if cutoff <= 0:
            everything = list(range(self.name_count))
            return [everything if tokens else [] for tokens in queries]
        options, found = self._query_matches(queries, cutoff)
        matches = found.get(ANY_SCRIPT, {})
        out: list[list[int]] = []
        for texts, _masks in options:
            option_set = {o for text in texts for o in matches[text][0].tolist()}
            if not option_set:
                out.append([])
                continue
            postings = self._postings(np.fromiter(option_set, dtype=np.int64))
            out.append(unique(self.posting_names[postings]).tolist())
        return out

    def _postings(self, options: IntArray) -> IntArray:
        """Positions in ``posting_names`` of every posting of ``options``."""
        return self._postings_counted(options)[0]

    def _postings_counted(self, options: IntArray) -> tuple[IntArray, IntArray]:
        """``_postings``, and how many postings each option has."""
        starts = self.posting_pointers[options]
        counts = self.posting_pointers[options + 1] - starts
        return expand_ranges(starts, counts), counts

    def survivors_many(
        self,
        queries: Sequence[tuple[PreparedName, Sequence[float]]],
        threshold: float,
    ) -> list[list[int]]:
        """Like ``candidates_many`` for prepared queries with their token weights, less
        the candidates the bounds of ``prefilter`` prove cannot reach ``threshold``
        (both stages).  Without token kinds and weights in the index:
        ``candidates_many``.
        """
        prefilter = self.prefilter
        cutoff = self.cutoff(threshold)
        if prefilter is None or cutoff <= 0:
            return self.candidates_many([q.tokens for q, _ in queries], threshold)
        target = threshold - ROUNDING_MARGIN
        known = self.name_script is not None
        scopes = [
            QueryScripts(
                not known or query.script in scorer.READING_SCRIPTS,
                not known or query.script in scorer.LOOSE_CONSONANT_SCRIPTS,
                known,
            )
            for query, _ in queries
        ]
        options, found = self._query_matches([q.tokens for q, _ in queries], cutoff, scopes)
        # Each option text's postings and credits, once per call (texts recur): those
        # of options of very many postings held back (``DEFERRED_OPTION_POSTINGS``).
        deferral = prefilter.deferral(
            target, cutoff, self.posting_names, self.posting_pointers, DEFERRED_OPTION_POSTINGS
        )
        empty = (_NO_INTS, _NO_FLOATS)
        expanded: dict[
            QueryScripts, dict[str, tuple[tuple[IntArray, NDArray[np.float64]], ...]]
        ] = {}
        for scope, matches in found.items():
            expanded[scope] = {}
            for text, (ids, similarities) in matches.items():
                own = held = empty
                if len(ids):
                    postings, counts = self._postings_counted(ids)
                    credits = np.repeat(credit_of(similarities), counts)
                    own = (postings, credits)
                    if counts.max() > DEFERRED_OPTION_POSTINGS:
                        back = deferral.held[postings]
                        own = (postings[~back], credits[~back])
                        held = (postings[back], credits[back])
                expanded[scope][text] = (own, held)
        stage_one = [
            StageOneQuery(
                tokens=query.tokens,
                kinds=query.kinds,
                weights=weights,
                masks=masks,
                postings=[expanded[scope][text][0][0] for text in texts],
                credits=[expanded[scope][text][0][1] for text in texts],
                truncated=query.truncated,
                deferred=[expanded[scope][text][1][0] for text in texts],
                deferred_credits=[expanded[scope][text][1][1] for text in texts],
            )
            for (texts, masks), (query, weights), scope in zip(
                options, queries, scopes, strict=True
            )
        ]
        first = [
            survivors
            for start in range(0, len(stage_one), STAGE_ONE_CHUNK)
            for survivors in prefilter.survivors_batch(
                target=target,
                cutoff=cutoff,
                queries=stage_one[start : start + STAGE_ONE_CHUNK],
                posting_names=self.posting_names,
                deferral=deferral,
            )
        ]
        bests = iter(
            self.token_best_arrays_many(
                [
                    (query.tokens, survivors, query)
                    for survivors, (query, _) in zip(first, queries, strict=True)
                    if len(survivors)
                ],
                [texts for texts, survivors in zip(options, first, strict=True) if len(survivors)],
            )
        )
        second: list[StageTwoQuery] = []
        for survivors, (query, weights) in zip(first, queries, strict=True):
            if len(survivors):
                q_best, c_best, c_offsets = next(bests)
            else:
                q_best = c_best = _NO_FLOATS
                c_offsets = _NO_INTS
            second.append(
                StageTwoQuery(
                    names=survivors,
                    tokens=query.tokens,
                    kinds=query.kinds,
                    weights=weights,
                    organisation=query.is_organisation,
                    q_best=q_best,
                    c_best=c_best,
                    c_offsets=c_offsets,
                    truncated=query.truncated,
                    written_digits=query.written_digits,
                )
            )
        kept = prefilter.second_stage_batch(target=target, queries=second)
        return [survivors[keep].tolist() for survivors, keep in zip(first, kept, strict=True)]

    # -- best token similarities (for a score bound) -----------------------------

    def token_bests(
        self, query: PreparedName, names: Sequence[int]
    ) -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
        """For each name: the best similarity of each query token and of each of the
        name's tokens with the other name, 0 where below ``MIN_TOKEN_SIMILARITY``.

        A token's best similarity is the best ``token_similarity`` of an option
        covering it with any option of the other name (equal texts: 100 whatever
        their length), two compounds never counting as a pair (``scorer.compare``
        does not pair them).  Initials pairing with a word of their letter are not
        counted: that is the bound's own business.
        """
        if not names:
            return []
        q_best, c_best, token_offsets = self.token_best_arrays(query.tokens, names, query)
        q_lists = q_best.T.tolist()
        c_list = c_best.tolist()
        bounds = token_offsets.tolist()
        return [
            (tuple(q_lists[n]), tuple(c_list[bounds[n] : bounds[n + 1]])) for n in range(len(names))
        ]

    def token_best_arrays(
        self,
        tokens: Sequence[str],
        names: Sequence[int] | IntArray,
        prepared: PreparedName | None = None,
    ) -> BestArrays:
        """``token_bests`` as arrays: the query tokens' bests (query token x name), the
        names' tokens' bests one after the other, and where each name's tokens start
        in them (one more offset than names).  ``token_best_arrays_many`` of one query.
        """
        return self.token_best_arrays_many([(tokens, names, prepared)])[0]

    def token_best_arrays_many(
        self,
        queries: Sequence[tuple[Sequence[str], Sequence[int] | IntArray, PreparedName | None]],
        options: Sequence[tuple[list[str], list[int]]] | None = None,
    ) -> list[BestArrays]:
        """``token_best_arrays`` of many queries (tokens, names, prepared query or
        None) in one vectorised pass; ``options``: each query's option texts and
        masks (``_option_masks`` of its tokens) when the caller has them.

        A query of a few names makes tiny arrays, on which numpy's per-call cost is
        most of the work; so every query option (a *row*) is paired with every option
        of every name of its query (a *slot*), the pairs of all queries laid one
        after the other (each row's pairs in its query's slot order), and every rule
        of the pair similarity is applied to them all at once (``_pair_similarities``).
        The maxima are then taken per row and name (the query side) and per slot
        (the name side).
        """
        if not queries:
            return []
        query_count = len(queries)
        option_lists = options or [_option_masks(tokens) for tokens, _, _ in queries]
        name_arrays = [np.asarray(names, dtype=np.int64) for _, names, _ in queries]
        name_counts = np.fromiter(map(len, name_arrays), dtype=np.int64, count=query_count)
        name_starts = _offsets(name_counts)
        name_array = np.concatenate([_NO_INTS, *name_arrays])
        # Slots: every option of every name, names one after the other.
        starts = self.slot_pointers[name_array]
        counts = self.slot_pointers[name_array + 1] - starts
        slot_offsets = _offsets(counts)
        slots = expand_ranges(starts, counts)
        query_slots = slot_offsets[name_starts]  # where each query's slots start (and end)
        # Rows: every option of every query, queries one after the other.
        row_texts = [text for texts, _ in option_lists for text in texts]
        row_masks = [mask for _, masks in option_lists for mask in masks]
        row_counts = np.fromiter(
            (len(texts) for texts, _ in option_lists), dtype=np.int64, count=query_count
        )
        row_query = np.repeat(np.arange(query_count), row_counts)
        # Pairs: each row with each slot of its query.
        pair_counts = np.diff(query_slots)[row_query]
        pair_row = np.repeat(np.arange(len(row_texts)), pair_counts)
        pair_slot = expand_ranges(query_slots[row_query], pair_counts)
        sims = self._pair_similarities(
            [prepared for _, _, prepared in queries],
            row_texts,
            row_masks,
            row_query,
            np.repeat(np.arange(query_count), np.diff(query_slots)),
            np.repeat(name_array, counts),
            slots,
            pair_row,
            pair_slot,
        )
        # Query side: per row and name, the best of the row's pairs with the name's
        # slots (a segment of the row's pairs), then per query token.
        row_names = name_counts[row_query]
        segment_row = np.repeat(np.arange(len(row_texts)), row_names)
        segment_name = expand_ranges(name_starts[row_query], row_names)
        segment_start = (
            _offsets(pair_counts)[segment_row]
            + slot_offsets[segment_name]
            - query_slots[row_query[segment_row]]
        )
        per_row = np.maximum.reduceat(sims, segment_start) if len(sims) else _NO_FLOATS
        token_counts_q = np.fromiter(
            (len(tokens) for tokens, _, _ in queries), dtype=np.int64, count=query_count
        )
        q_starts = _offsets(token_counts_q * name_counts)
        q_flat = np.zeros(int(q_starts[-1]), dtype=np.float64)
        # (row, query token) of every token each row covers: a run of adjacent tokens
        # (``token_options``), all of its query's for a mask of -1.
        masks = np.asarray(row_masks, dtype=np.int64)
        whole = masks == -1
        # The lowest bit of a mask, 2 ** first, is 0.5 * 2 ** (first + 1) for frexp.
        cover_first = np.where(whole, 0, np.frexp(np.where(whole, 1, masks & -masks))[1] - 1)
        cover_span = np.where(whole, token_counts_q[row_query], np.bitwise_count(masks))
        cover_row = np.repeat(np.arange(len(row_texts)), cover_span)
        cover_token = cover_first[cover_row] + expand_ranges(
            np.zeros(len(row_texts), dtype=np.int64), cover_span
        )
        c_query = row_query[cover_row]
        c_names = name_counts[c_query]
        entry_cover = np.repeat(np.arange(len(cover_row)), c_names)
        entry_name = expand_ranges(np.zeros(len(cover_row), dtype=np.int64), c_names)
        cell = q_starts[c_query] + cover_token * c_names
        segment = _offsets(row_names)[cover_row]
        np.maximum.at(
            q_flat, cell[entry_cover] + entry_name, per_row[segment[entry_cover] + entry_name]
        )
        # Name side: each slot's best over its query's rows, spread over the (at most
        # MAX_COMPOUND_TOKENS) tokens it covers.
        slot_best = np.zeros(len(slots), dtype=np.float64)
        np.maximum.at(slot_best, pair_slot, sims)
        token_offsets = _offsets(self.token_counts[name_array])
        c_flat = np.zeros(int(token_offsets[-1]), dtype=np.float64)
        first = np.repeat(token_offsets[:-1], counts) + self.slot_first[slots]
        span = self.slot_span[slots]
        for k in range(int(span.max()) if len(span) else 0):
            covers = span > k
            np.maximum.at(c_flat, first[covers] + k, slot_best[covers])
        # Each query's part of the flat arrays.
        q_bounds = q_starts.tolist()
        n_bounds = name_starts.tolist()
        t_bounds = token_offsets[name_starts].tolist()
        out: list[BestArrays] = []
        for query, (tokens, _, _) in enumerate(queries):
            out.append(
                (
                    q_flat[q_bounds[query] : q_bounds[query + 1]].reshape(
                        len(tokens), n_bounds[query + 1] - n_bounds[query]
                    ),
                    c_flat[t_bounds[query] : t_bounds[query + 1]],
                    token_offsets[n_bounds[query] : n_bounds[query + 1] + 1] - t_bounds[query],
                )
            )
        return out

    def _pair_similarities(
        self,
        prepared: Sequence[PreparedName | None],
        row_texts: list[str],
        row_masks: list[int],
        row_query: IntArray,
        slot_query: IntArray,
        slot_names: IntArray,
        slots: IntArray,
        pair_row: IntArray,
        pair_slot: IntArray,
    ) -> NDArray[np.float64]:
        """Per pair (a query option, ``row_texts[pair_row]``, of the query
        ``prepared[row_query[pair_row]]``, and a slot of one of its names,
        ``slots[pair_slot]`` of ``slot_names[pair_slot]``): at least the similarity
        ``scorer.compare`` can give the pair (``_option_similarity`` and its pairing
        rules), 0 where it cannot pair.

        The plain ratio, or a sound-alike view's when higher but lifted at most the
        scorer's limit for the pair (names of one non-Latin script: plain only),
        at most ``MAX_VARIANT_SIMILARITY`` unless equal; two letters swapped
        (``scorer.transposition_similarity``); two compounds, unequal
        numbers, legal forms or particles, short tokens below
        ``SHORT_PAIR_MIN_SIMILARITY``, syllables below ``SYLLABLE_MIN_SIMILARITY`` and
        a compound with a word below ``COMPOUND_MIN_SIMILARITY`` never pair; a short
        word and a legal form it misspells (``scorer.pairs_as_legal_form``) count at
        ``LEGAL_PAIR_SIMILARITY`` at least; equal texts 100.  The rules apply in
        this order, each overriding the ones before.
        Without ``prepared`` (the query's script and views unknown) or without the
        names' scripts, the loosest rule of each kind is taken.
        """
        width = max(len(self.option_length), 1)
        pair_query = row_query[pair_row]
        slot_option = self.slot_option[slots]
        pair_option = slot_option[pair_slot]
        row_length = np.fromiter(map(len, row_texts), dtype=np.int64, count=len(row_texts))
        # A query of more than MASK_BITS tokens has masks of -1: its options count as
        # single tokens here, the looser rule of every case below.
        row_compound = np.fromiter(
            (m != -1 and bool(m & (m - 1)) for m in row_masks), dtype=bool, count=len(row_masks)
        )
        pair_row_compound = row_compound[pair_row]
        slot_compound = self.slot_span[slots] > 1
        pair_slot_compound = slot_compound[pair_slot]
        either_compound = pair_row_compound | pair_slot_compound
        plain, other = self._view_ratios(
            prepared, row_texts, row_query, slot_query, slot_option, pair_row, pair_slot
        )
        rules = self._script_rules(prepared, slot_names, pair_query, pair_slot)
        plain_only, syllabic, single_lift = rules.plain_only, rules.syllabic, rules.single_lift
        # A compound's lift, larger where the skeletons are equal (``other`` is the
        # skeleton's ratio here: ``scorer.COMPOUND_SKELETON_LIFT``).
        compound_lift = _compound_lifts(
            other, row_length[pair_row], self.option_length[pair_option]
        )
        lift = np.where(either_compound, compound_lift, single_lift)
        pair_length = self.option_length[pair_option]
        # The rules of some scripts: a reading that leaves vowels unknown (where it
        # can make a pair: within the lift of the plain ratio), fewer consonants.
        reachable = plain + lift >= scorer.MIN_TOKEN_SIMILARITY
        read = rules.read & ~plain_only & reachable
        loose = rules.loose & ~plain_only
        skeletons = _row_skeletons(prepared, row_texts, row_query, pair_row[read | loose])
        reading = self._reading_ratios(
            skeletons, len(row_texts), row_texts, pair_row, pair_option, read, rules.readings
        )
        other = np.maximum(other, reading)
        other = np.maximum(other, self._loose_ratios(skeletons, pair_row, pair_option, loose))
        sims = np.maximum(plain, np.minimum(other, plain + lift))
        sims = np.where(plain_only, plain, sims)
        sims = np.minimum(sims, scorer.MAX_VARIANT_SIMILARITY)
        # One changed letter (``scorer.substitution_similarity``): a single query token.
        substituted = self._substitution_similarities(
            np.where(pair_row_compound, 0.0, plain),
            row_length[pair_row],
            pair_option,
            lambda k: row_texts[int(pair_row[k])],
        )
        sims = np.maximum(sims, substituted)
        # Two letters swapped (``scorer.transposition_similarity``) or a nickname
        # (``scorer.nickname_similarity``), looked up: two single tokens only.
        found: dict[str, list[tuple[int, float]]] = {}
        swapped: list[tuple[int, float]] = []
        for row, text in enumerate(row_texts):
            if row_compound[row]:
                continue
            partners = found.get(text)
            if partners is None:
                partners = found[text] = [
                    (option, self._related_similarity(text, option))
                    for option in self.related(text)
                ]
            swapped.extend((row * width + option, similarity) for option, similarity in partners)
        if swapped:
            keys = np.asarray([key for key, _ in swapped], dtype=np.int64)
            values = np.asarray([similarity for _, similarity in swapped], dtype=np.float64)
            hit, position = _look_up(pair_row, pair_option, keys, len(row_texts), width)
            sims[hit] = np.maximum(sims[hit], values[position])
        # A compound and a word that split into the same syllables
        # (``scorer.split_syllable_similarity``).
        split = [
            row * width + option
            for row, text in enumerate(row_texts)
            for option in self.split_related(text)
        ]
        if split:
            hit, _ = _look_up(
                pair_row, pair_option, np.asarray(split, dtype=np.int64), len(row_texts), width
            )
            hit = hit[pair_row_compound[hit] != pair_slot_compound[hit]]
            sims[hit] = np.maximum(sims[hit], scorer.MAX_VARIANT_SIMILARITY)
        # Short tokens and syllables: another name below their minimum.
        short = np.maximum(row_length[pair_row], pair_length) <= scorer.SHORT_TOKEN_LENGTH
        sims[short & (sims < scorer.SHORT_PAIR_MIN_SIMILARITY)] = 0.0
        sims[syllabic & (sims < scorer.SYLLABLE_MIN_SIMILARITY)] = 0.0
        # Two compounds never pair; a compound and a word only when nearly equal.
        sims[pair_row_compound & pair_slot_compound] = 0.0
        sims[either_compound & (sims < scorer.COMPOUND_MIN_SIMILARITY)] = 0.0
        # Numbers, legal forms and particles pair only with their equal (queries
        # given prepared: their kinds known).
        if self.prefilter is not None:
            kinds_known = np.asarray([p is not None for p in prepared], dtype=bool)
            row_special = np.zeros(len(row_texts), dtype=bool)
            kind_of: dict[int, dict[str, str]] = {}
            for row, (text, query) in enumerate(zip(row_texts, row_query.tolist(), strict=True)):
                given = prepared[query]
                if given is None or row_compound[row]:
                    continue
                if query not in kind_of:
                    kind_of[query] = {
                        o.text: o.kind for o in given.options if o.mask & (o.mask - 1) == 0
                    }
                row_special[row] = kind_of[query].get(text, "word") in SPECIAL_KINDS
            special = row_special[pair_row] | self.slot_special[slots][pair_slot]
            sims[kinds_known[pair_query] & special] = 0.0
        legal = self._legal_pairs(row_texts, row_compound, pair_row, pair_option, slots, pair_slot)
        sims[legal] = np.maximum(sims[legal], scorer.LEGAL_PAIR_SIMILARITY)
        # Equal texts: 100 whatever their length or kind.
        equal_ids: dict[str, int | None] = {}
        row_equal = np.full(len(row_texts), -1, dtype=np.int64)  # -1: no listed equal
        for row, text in enumerate(row_texts):
            if text not in equal_ids:
                equal_ids[text] = self.option_id(text)
            option = equal_ids[text]
            if option is not None:
                row_equal[row] = option
        sims[pair_option == row_equal[pair_row]] = 100.0
        return sims

    def _view_ratios(
        self,
        prepared: Sequence[PreparedName | None],
        row_texts: list[str],
        row_query: IntArray,
        slot_query: IntArray,
        slot_option: IntArray,
        pair_row: IntArray,
        pair_slot: IntArray,
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Per pair (see ``_pair_similarities``): the plain Indel ratio and the best
        sound-alike view's (``scorer.TOKEN_VIEWS``), 0 unless both options are long.

        One ``cdist`` per view and query, of its long options against the distinct
        long options of its names (a query's names share options): the matrix is
        computed in C with SIMD, and the distinct options make fewer pairs (measured
        on the benchmark's 3,000 names: 0.11 s, against 0.33 s for one ``cpdist``
        over the distinct pairs of all queries).  Each pair reads its cell of its
        query's matrix.
        """
        plain = np.zeros(len(pair_row), dtype=np.float64)
        other = np.zeros(len(pair_row), dtype=np.float64)
        row_long = np.fromiter(
            (len(text) > scorer.EXACT_TOKEN_MAX_LEN for text in row_texts),
            dtype=bool,
            count=len(row_texts),
        )
        slot_long = self.option_long[slot_option]
        long_pairs = np.flatnonzero(row_long[pair_row] & slot_long[pair_slot])
        if not len(long_pairs):
            return plain, other
        query_count = len(prepared)
        width = max(len(self.option_length), 1)
        # Columns: each query's distinct long options, ascending, queries in order.
        long_slots = np.flatnonzero(slot_long)
        columns, column_of = unique_inverse(
            slot_query[long_slots] * width + slot_option[long_slots]
        )
        slot_column = np.zeros(len(slot_option), dtype=np.int64)
        slot_column[long_slots] = column_of
        column_starts = np.searchsorted(columns // width, np.arange(query_count + 1))
        # Rows of the matrices: each query's long options, in order.
        long_rows = np.flatnonzero(row_long)
        row_starts = np.searchsorted(row_query[long_rows], np.arange(query_count + 1))
        row_rank = np.zeros(len(row_texts), dtype=np.int64)
        row_rank[long_rows] = np.arange(len(long_rows)) - row_starts[row_query[long_rows]]
        widths = np.diff(column_starts)
        cell_starts = _offsets(np.diff(row_starts) * widths)
        long_row = pair_row[long_pairs]
        long_query = row_query[long_row]
        cells = (
            cell_starts[long_query]
            + row_rank[long_row] * widths[long_query]
            + slot_column[pair_slot[long_pairs]]
            - column_starts[long_query]
        )
        column_bounds = column_starts.tolist()
        row_bounds = row_starts.tolist()
        long_list = long_rows.tolist()
        # Each query's long options under every view: as prepare_name made them, when given.
        shown: dict[int, list[list[str]]] = {}
        for query in np.flatnonzero(cell_starts[1:] > cell_starts[:-1]).tolist():
            given = prepared[query]
            known = {o.text: o.views for o in given.options} if given is not None else {}
            texts = [row_texts[row] for row in long_list[row_bounds[query] : row_bounds[query + 1]]]
            shown[query] = [
                [known[text][v] if text in known else view(text) for text in texts]
                for v, view in enumerate(scorer.TOKEN_VIEWS)
            ]
        # Each query's pairs, and the cell each reads in its query's matrix: read
        # query by query (laying all the matrices end to end first moved ten times
        # the pairs' bytes: 35 million cells for 4 million pairs on 3,000 names).
        local = cells - cell_starts[long_query]
        if len(long_query) > 1 and not bool(np.all(long_query[1:] >= long_query[:-1])):
            order = np.argsort(long_query, kind="stable")
            long_query, long_pairs, local = long_query[order], long_pairs[order], local[order]
        pair_bounds = np.searchsorted(long_query, np.arange(query_count + 1)).tolist()
        for v, viewed in enumerate(self.view_texts):
            options = _take(viewed, columns % width)
            # The plain ratio counts from where a lift could still make a pair.
            cutoff = max(scorer.MIN_TOKEN_SIMILARITY - (MAX_LIFT if v == 0 else 0.0), 0.0)
            target = plain if v == 0 else other
            for query, views in shown.items():
                scores = process.cdist(
                    views[v],
                    options[column_bounds[query] : column_bounds[query + 1]],
                    scorer=fuzz.ratio,
                    score_cutoff=cutoff,
                    dtype=np.float64,
                )
                first, last = pair_bounds[query], pair_bounds[query + 1]
                rows = long_pairs[first:last]
                target[rows] = np.maximum(target[rows], scores.reshape(-1)[local[first:last]])
        return plain, other

    def _reading_ratios(
        self,
        skeletons: dict[int, str],
        row_count: int,
        row_texts: list[str],
        pair_row: IntArray,
        pair_option: IntArray,
        allowed: NDArray[np.bool_],
        readings: tuple[NDArray[np.bool_], NDArray[np.bool_]] | None,
    ) -> NDArray[np.float64]:
        """Per pair (see ``_pair_similarities``): ``scorer.reading_similarity`` for the
        ``allowed`` pairs of two long options of the same consonants
        (``_index_consonants``), else 0; ``skeletons``: of the long query options
        (``_row_skeletons``); ``readings``: whether the query and the name of each pair
        are readings (``scorer.READING_SCRIPTS``; None: not known, the most either way)."""
        reading = np.zeros(len(pair_row), dtype=np.float64)
        row_position = np.full(row_count, -1, dtype=np.int64)
        vocabulary = self.consonant_vocabulary
        for row, skeleton in skeletons.items():
            row_position[row] = vocabulary.position(scorer.abjad_consonants(skeleton))
        position = row_position[pair_row]
        pairs = np.flatnonzero(
            allowed & (position >= 0) & (position == self.option_consonants[pair_option])
        )
        if not len(pairs):
            return reading
        texts = [row_texts[row] for row in pair_row[pairs].tolist()]
        listed = _take(self.option_texts, pair_option[pairs])
        if readings is None:
            ratios = list(map(scorer.reading_similarity_bound, texts, listed))
        else:
            q_reading = readings[0][pairs].tolist()
            c_reading = readings[1][pairs].tolist()
            ratios = list(map(scorer.reading_similarity, texts, listed, q_reading, c_reading))
        reading[pairs] = ratios
        return reading

    def _loose_ratios(
        self,
        skeletons: dict[int, str],
        pair_row: IntArray,
        pair_option: IntArray,
        allowed: NDArray[np.bool_],
    ) -> NDArray[np.float64]:
        """Per pair (see ``_pair_similarities``): the ratio of the two options'
        ``scorer.loose_skeleton`` (at most ``scorer.LOOSE_MAX_SIMILARITY``) for the
        ``allowed`` pairs of two long options, else 0;
        ``skeletons``: of the long query options (``_row_skeletons``)."""
        loose = np.zeros(len(pair_row), dtype=np.float64)
        if not skeletons:
            return loose
        long_rows = np.fromiter(skeletons, dtype=np.int64, count=len(skeletons))
        pairs = np.flatnonzero(
            allowed & np.isin(pair_row, long_rows) & self.option_long[pair_option]
        )
        if not len(pairs):
            return loose
        # Each side under every sound its letters may transcribe
        # (``scorer.loose_skeletons``): the query's whatever its script (the loosest
        # rule), a listed option's when a name of such a script has it.
        shown = {row: scorer.loose_skeletons(skeleton) for row, skeleton in skeletons.items()}
        listed = _take(self.view_texts[scorer.SKELETON_VIEW], pair_option[pairs])
        foreign = self._loose_named(pair_option[pairs]).tolist()
        pair_at: list[int] = []
        lefts: list[str] = []
        rights: list[str] = []
        for k, (row, text, variants) in enumerate(
            zip(pair_row[pairs].tolist(), listed, foreign, strict=True)
        ):
            for right in (
                scorer.loose_skeletons(text) if variants else (scorer.loose_skeleton(text),)
            ):
                for left in shown[row]:
                    pair_at.append(k)
                    lefts.append(left)
                    rights.append(right)
        ratios = process.cpdist(lefts, rights, scorer=fuzz.ratio, dtype=np.float64)
        best = np.zeros(len(pairs), dtype=np.float64)
        np.maximum.at(best, np.asarray(pair_at, dtype=np.int64), ratios)
        loose[pairs] = best
        return np.minimum(loose, scorer.LOOSE_MAX_SIMILARITY)

    def _script_rules(
        self,
        prepared: Sequence[PreparedName | None],
        slot_names: IntArray,
        pair_query: IntArray,
        pair_slot: IntArray,
    ) -> _PairRules:
        """Per pair, the rules of the scripts of the query and of the slot's name
        (``_PairRules``).  A query without ``prepared`` or names without scripts:
        the loosest of each."""
        count = len(pair_query)
        scripts = [given.script if given is not None else None for given in prepared]
        if self.name_script is None or all(script is None for script in scripts):
            return _PairRules(
                plain_only=np.zeros(count, dtype=bool),
                syllabic=np.zeros(count, dtype=bool),
                single_lift=np.full(count, MAX_LIFT),
                read=np.ones(count, dtype=bool),
                readings=None,
                loose=np.ones(count, dtype=bool),
            )
        codes = {name: i for i, name in enumerate(self.script_names)}
        known = np.asarray([s is not None for s in scripts], dtype=bool)[pair_query]
        q_cjk = np.asarray([s == "CJK" for s in scripts], dtype=bool)[pair_query]
        # The code of the query's script when not Latin (-1: no name's code).
        q_code = np.asarray([codes.get(s, -1) if s else -1 for s in scripts], dtype=np.int64)
        q_syllabic = np.asarray([s in scorer.SYLLABIC_SCRIPTS for s in scripts], dtype=bool)
        q_latin = np.asarray([s == "" for s in scripts], dtype=bool)[pair_query]
        script = self.name_script[slot_names][pair_slot]
        plain_only = known & (
            q_cjk | (script == codes.get("CJK", -1)) | (script == q_code[pair_query])
        )
        syllabic = known & (self.script_syllabic[script] | q_syllabic[pair_query])
        q_reading = np.asarray([s in scorer.READING_SCRIPTS for s in scripts], dtype=bool)
        readings = (q_reading[pair_query], self.script_reading[script])
        q_loose = np.asarray([s in scorer.LOOSE_CONSONANT_SCRIPTS for s in scripts], dtype=bool)
        single_lift = np.where(
            known,
            np.where(
                (script == 0) & q_latin, scorer.MAX_SKELETON_LIFT, scorer.CROSS_SCRIPT_MAX_LIFT
            ),
            MAX_LIFT,
        )
        return _PairRules(
            plain_only=plain_only,
            syllabic=syllabic,
            single_lift=single_lift,
            read=~known | readings[0] | readings[1],
            readings=readings if known.all() else None,
            loose=~known | q_loose[pair_query] | self.script_loose[script],
        )

    def _legal_pairs(
        self,
        row_texts: list[str],
        row_compound: NDArray[np.bool_],
        pair_row: IntArray,
        pair_option: IntArray,
        slots: IntArray,
        pair_slot: IntArray,
    ) -> IntArray:
        """The pairs that are a short word and a legal form it reads as misspelt
        (``scorer.pairs_as_legal_form``): a single token of the query and one of the
        name, either of them the legal form."""
        width = max(len(self.option_length), 1)
        forms: list[int] = []  # (row, listed legal form) keys of the query's short words
        legal_rows = np.zeros(len(row_texts), dtype=bool)
        for row, text in enumerate(row_texts):
            if row_compound[row]:
                continue
            kind = token_kind(text)
            if kind == "legal":
                legal_rows[row] = True
            elif kind == "word" and len(text) <= scorer.LEGAL_PAIR_MAX_LENGTH:
                ids = [self.option_id(form) for form in scorer.legal_forms_read_as(text)]
                forms.extend(row * width + i for i in ids if i is not None)
        if legal_rows.any():
            # The names' short words that read as a legal form, by the form.
            length = self.option_length[pair_option]
            short = legal_rows[pair_row] & (length >= 2) & (length <= scorer.LEGAL_PAIR_MAX_LENGTH)
            readers: dict[str, list[int]] = {}
            for option in unique(pair_option[short]).tolist():
                word = self.option_texts[option]
                if token_kind(word) == "word":
                    for form in scorer.legal_forms_read_as(word):
                        readers.setdefault(form, []).append(option)
            forms.extend(
                row * width + option
                for row in np.flatnonzero(legal_rows).tolist()
                for option in readers.get(row_texts[row], ())
            )
        if not forms:
            return _NO_INTS
        table = np.asarray(forms, dtype=np.int64)
        pairs = _look_up(pair_row, pair_option, table, len(row_texts), width)[0]
        # Both single tokens (the query's rows were chosen so).
        single: IntArray = pairs[self.slot_span[slots[pair_slot[pairs]]] == 1]
        return single


def _compound_lifts(
    skeleton_ratios: NDArray[np.float64], lengths: IntArray, other_lengths: IntArray
) -> NDArray[np.float64]:
    """Per pair with a compound, the most a sound-alike view may lift it (the
    scorer's rule in ``compare``): ``COMPOUND_SKELETON_LIFT`` where the skeletons are
    equal and both texts have ``COMPOUND_SKELETON_MIN_LETTERS``, else
    ``COMPOUND_MAX_LIFT``."""
    equal = skeleton_ratios >= 100.0
    long = np.minimum(lengths, other_lengths) >= scorer.COMPOUND_SKELETON_MIN_LETTERS
    lifts: NDArray[np.float64] = np.where(
        equal & long, scorer.COMPOUND_SKELETON_LIFT, scorer.COMPOUND_MAX_LIFT
    )
    return lifts


def _row_skeletons(
    prepared: Sequence[PreparedName | None],
    row_texts: list[str],
    row_query: IntArray,
    rows: IntArray,
) -> dict[int, str]:
    """The skeleton of each long query option among ``rows`` (see
    ``CandidateIndex.token_best_arrays_many``): as ``prepare_name`` made it, when given."""
    skeletons: dict[int, dict[str, str]] = {}
    found: dict[int, str] = {}
    for row in unique(rows).tolist():
        text = row_texts[row]
        if len(text) <= scorer.EXACT_TOKEN_MAX_LEN:
            continue
        query = int(row_query[row])
        if query not in skeletons:
            given = prepared[query]
            skeletons[query] = (
                {o.text: o.views[scorer.SKELETON_VIEW] for o in given.options}
                if given is not None
                else {}
            )
        found[row] = skeletons[query].get(text) or skeleton_view(text)
    return found


def _offsets(counts: IntArray) -> IntArray:
    """Where each of consecutive runs of ``counts`` starts, and one more: where the last ends."""
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return offsets


def _split_syllable_table(texts: Sequence[str]) -> dict[str, list[int]]:
    """The options that split into syllables (``scorer.split_syllable_keys``) by each
    split's keys, space-separated."""
    keys_of = scorer.split_syllable_keys.__wrapped__  # not memoised: each text once
    longest = scorer.SPLIT_SYLLABLES_MAX_LETTERS
    return _options_by_key(
        texts,
        lambda text: [f"{a} {b}" for a, b in keys_of(text)] if len(text) <= longest else [],
    )


def _syllable_table(texts: Sequence[str]) -> dict[str, list[int]]:
    """The options shaped like a romanised syllable by their ``scorer.syllable_key``
    (``scorer.syllable_similarity``): built with the index and cached with it, as
    building it takes a third of a second that a ``check`` of one name would pay."""
    key_of = scorer.syllable_key.__wrapped__  # not memoised: each text once
    return _options_by_key(texts, lambda text: [] if (key := key_of(text)) is None else [key])


def _options_by_key(
    texts: Sequence[str], keys_of: Callable[[str], Iterable[str]]
) -> dict[str, list[int]]:
    """The option ids by each key ``keys_of`` gives their texts."""
    found: dict[str, list[int]] = {}
    for option, text in enumerate(texts):
        for key in keys_of(text):
            found.setdefault(key, []).append(option)
    return found


def _look_up(
    pair_row: IntArray, pair_option: IntArray, table: IntArray, row_count: int, width: int
) -> tuple[IntArray, IntArray]:
    """The pairs whose (row, listed option) is in ``table`` (keys ``row * width +
    option``, unordered), and the position in ``table`` of an equal entry of each.
    Only the pairs of rows with an entry are searched (a few rows have any)."""
    listed = np.zeros(row_count, dtype=bool)
    listed[table // width] = True
    candidates = np.flatnonzero(listed[pair_row])
    order = np.argsort(table, kind="stable")
    ordered = table[order]
    keys = pair_row[candidates] * width + pair_option[candidates]
    places = np.minimum(np.searchsorted(ordered, keys), len(ordered) - 1)
    found = ordered[places] == keys
    return candidates[found], order[places[found]]
