"""Name matching: compare a screened name with every listed name that could match.

``NameMatcher`` is the one interface the screening code and the CLI use: it is built
once from the loaded entries and answers ``search(name, threshold)`` with every
listed name scoring at or above the threshold, best first.  Candidates come from
the lossless ``CandidateIndex`` (``index``): a superset of the names that scoring
every listed name would find, which ``scorer.compare`` then scores, with token
rarity (``TokenWeights``) taken from the listed names.

Candidates come out of the index already bounded (``index.survivors_many`` and
``prefilter``): the names whose score the scorer's contract proves below the
threshold are left out, with kinds, weights, rarities and scripts of the listed
names' tokens kept in the index for that.  An index built without them falls
back to the scorer's own bound when ``scorer`` defines
``score_bound(query, candidate, query_best, candidate_best, weights)``, an upper
bound of ``compare(query, candidate, weights).score`` given, for every token of
each name, its best similarity with the other name
(``CandidateIndex.token_bests``).  Every bound must hold for every pair of names:
the tests compare indexed search with brute force.

``NameMatcher.for_lists`` reuses a matcher cached on disk, keyed by the lists'
content and the source of the matching code, so start-up with the full lists
stays fast.  The cached form is compact (names as strings, the index as arrays,
the prepared listed names packed: ``packed``); each listed name is unpacked, or
prepared (``prepare_name``), on first use, as a candidate.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from ..collector import collector_paused
from ..listfile import list_names_digest
from ..model import Entry, Match, Strength
from ..names import (
    PreparedName,
    parties,
    prepare_name,
    prepared_readings,
    title_moved,
)
from . import scorer
from .packed import PackedNames, PackedRows, RefRow
from .scorer import TokenWeights, compare
from .secondary import title_adjustment

if TYPE_CHECKING:
    from ..model import SanctionsList
    from .index import CandidateIndex

# Cache kind of pickled matchers (see ``cache``); the format number is part of the
# key and is bumped whenever the cached layout changes.
MATCHER_CACHE_KIND = "matcher"
MATCHER_FORMAT = 9

# Matchers kept in the cache: one for the full lists is tens of MB, and one serves
# a whole run (see ``cache.store``).
MATCHER_CACHE_KEEP = 4

# Distinct prepared queries whose hits are remembered per threshold: the spelling
# variants of one counterparty in a file (case, punctuation) are searched once.
# Bounded for constant memory; a result is usually empty or one hit.
RESULT_CACHE_SIZE = 100_000

# Candidates from which the scorer's bound (``scorer.score_bound``, when it has one)
# is tried before compare(): below this, the vectorised pass costs more than it saves.
BOUND_MIN_CANDIDATES = 8


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


class _Refs(Sequence[NameRef]):
    """The listed names as ``NameRef``, made on access from plain tuples (fast to unpickle)."""

    def __init__(self, rows: Sequence[RefRow]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, position: int) -> NameRef: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[NameRef]: ...
    def __getitem__(self, position: int | slice) -> NameRef | Sequence[NameRef]:
        if isinstance(position, slice):
            return [NameRef(*row) for row in self._rows[position]]
        return NameRef(*self._rows[position])

    def __iter__(self) -> Iterator[NameRef]:
        return (NameRef(*row) for row in self._rows)


class _Prepared(Sequence[PreparedName]):
    """The listed names prepared, each on first access (most are never a candidate),
    from ``packed`` when given; the names of entries that are not persons marked as
    organisations' names."""

    def __init__(
        self,
        rows: Sequence[RefRow],
        organisations: Sequence[bool],
        vessels: Sequence[bool],
        packed: PackedNames | None = None,
    ) -> None:
        self._rows = rows
        self._organisations = organisations
        self._vessels = vessels
        usable = packed is not None and packed.readable and len(packed) == len(rows)
        self._packed = packed if usable else None
        self._done: dict[int, PreparedName] = {}

    def packed(self) -> PackedNames:
        """Every name prepared, packed (``packed.PackedNames``)."""
        return self._packed if self._packed is not None else PackedNames.pack(self)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, position: int) -> PreparedName: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[PreparedName]: ...
    def __getitem__(self, position: int | slice) -> PreparedName | Sequence[PreparedName]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        done = self._done.get(position)
        if done is None and self._packed is not None:
            done = self._done[position] = self._packed.get(position)
        if done is None:
            done = prepare_name(self._rows[position][1])
            if self._organisations[position]:
                done = dataclasses.replace(
                    done, entity_organisation=True, entity_vessel=self._vessels[position]
                )
            self._done[position] = done
        return done

    def __iter__(self) -> Iterator[PreparedName]:
        return (self[i] for i in range(len(self)))


def _name_rows(entries: Sequence[Entry]) -> list[RefRow]:
    """The listed names, each entry's in order, and after a name that holds several
    (``names.parties``: ``NEW PEOPLE'S ARMY / COMMUNIST PARTY OF THE PHILIPPINES``)
    each of them, as names of the entry of the same strength; a person's name that
    starts or ends with an honorific that is also a surname (``names.title_moved``:
    ``SHEIKH, Muhammad Naeem``) also with it moved, where it is no surname."""
    rows: list[RefRow] = []
    for index, entry in enumerate(entries):
        for name, strength, is_primary in entry.all_names():
            if prepare_name(name).tokens:
                rows.append((index, name, strength, is_primary))
            for part in parties.parts(name, screened=False):
                if prepare_name(part).tokens:
                    rows.append((index, part, strength, False))
            moved = title_moved(name) if entry.type == "person" else None
            if moved is not None and prepare_name(moved).tokens:
                rows.append((index, moved, strength, False))
    return rows


# The sources whose change makes a cached matcher stale (``matching_code_hash``).
MATCHING_CODE = ("matching/*.py", "names/*.py", "names/*.tsv")


def matching_code_hash() -> str:
    """sha256 of the source of the code that decides what a cached matcher holds.

    Part of the cache key: an index built by another normaliser, another scorer
    (token views, options) or another index layout would silently lose hits, so
    it is never reused.
    """
    from .. import cache

    code = cache.source_digest(MATCHING_CODE)
    return hashlib.sha256(f"{MATCHER_FORMAT}:{code}".encode()).hexdigest()


def lists_key(lists: Sequence[SanctionsList]) -> str:
    """Cache key of a matcher over the entries of ``lists``: the matching code and,
    list by list, the digest of the entries' names and strengths in order
    (``listfile.list_names_digest``).  Taken from the names themselves rather than
    the lists' content hash, so lists built in memory (delta lists, tests) can never
    collide; a list restored from the cache brings its digest along, computed from
    the same entries when they were stored."""
    digest = hashlib.sha256(matching_code_hash().encode())
    for lst in lists:
        digest.update(f"\x1d{list_names_digest(lst)}".encode())
    return digest.hexdigest()


class NameMatcher:
    """All listed names of a set of entries, searchable by score through the index."""

    def __init__(
        self,
        entries: Sequence[Entry],
        *,
        use_index: bool = True,
        _state: dict[str, Any] | None = None,
    ) -> None:
        self.entries = entries if isinstance(entries, Sequence) else tuple(entries)
        self.use_index = use_index
        if _state is None:
            with collector_paused():
                rows = _name_rows(self.entries)
                self._rows: Sequence[RefRow] = rows
                self._organisations = [self.entries[row[0]].type != "person" for row in rows]
                self._vessels = [self.entries[row[0]].type == "vessel" for row in rows]
                self._genders = [self.entries[row[0]].gender or "" for row in rows]
                self.prepared: _Prepared = _Prepared(rows, self._organisations, self._vessels)
                self.weights = TokenWeights.from_names(self.prepared)
            self._index: CandidateIndex | None = None
        else:
            self._rows = _state["rows"]
            self._organisations = _state["organisations"]
            self._vessels = _state["vessels"]
            self._genders = _state["genders"]
            self.prepared = _Prepared(
                self._rows, self._organisations, self._vessels, _state.get("prepared")
            )
            self.weights = _state["weights"]
            self._index = _state["index"]
        self.refs: Sequence[NameRef] = _Refs(self._rows)
        self._strong: Sequence[bool] | None = None
        self._results: dict[tuple[float, bool], OrderedDict[PreparedName, tuple[NameHit, ...]]] = {}

    @classmethod
    def for_lists(cls, lists: Sequence[SanctionsList], *, use_cache: bool = True) -> NameMatcher:
        """A matcher over every entry of ``lists``, loaded from (or saved to) the cache."""
        from .. import cache
        from ..lazy_entries import entries_of

        entries = entries_of(lists)  # none of them read when the matcher is cached
        key = lists_key(lists)
        if use_cache:
            state = cache.load(MATCHER_CACHE_KIND, key)
            if isinstance(state, dict) and state.get("format") == MATCHER_FORMAT:
                return cls(entries, _state=state)
        matcher = cls(entries)
        if use_cache:
            cache.store(MATCHER_CACHE_KIND, key, matcher.state(), keep=MATCHER_CACHE_KEEP)
            # Served from the stored file from now on, as a warm start is: its arrays
            # are mapped and shared by worker processes, where the ones just built
            # would be copied into each (a cold 10,000-row run peaked at 901 MB).
            state = cache.load(MATCHER_CACHE_KIND, key)
            if isinstance(state, dict) and state.get("format") == MATCHER_FORMAT:
                return cls(entries, _state=state)
        return matcher

    def state(self) -> dict[str, Any]:
        """The picklable state of the matcher (without the entries), index built."""
        return {
            "format": MATCHER_FORMAT,
            "rows": PackedRows.pack(self._rows),
            "organisations": list(self._organisations),
            "vessels": list(self._vessels),
            "genders": list(self._genders),
            # Without the weights' memos (megabytes, rebuilt on use).
            "weights": dataclasses.replace(self.weights, _weights_memo={}, _memo={}),
            "index": self.index,
            "prepared": self.prepared.packed(),
        }

    @property
    def index(self) -> CandidateIndex:
        """The candidate index, built on first use."""
        if self._index is None:
            from .index import CandidateIndex

            with collector_paused():
                prepared = list(self.prepared)
                token_weights = [scorer._token_weights(p, self.weights) for p in prepared]
                self._index = CandidateIndex(
                    [p.tokens for p in prepared],
                    [p.kinds for p in prepared],
                    [weights for weights, _ in token_weights],
                    [rarities for _, rarities in token_weights],
                    [p.is_organisation for p in prepared],
                    [p.script for p in prepared],
                )
        return self._index

    def __len__(self) -> int:
        return len(self._rows)

    def ready(self, threshold: float) -> None:
        """Build now what searches at ``threshold`` would build on first use (the
        index, its text lookup, the bounds' tables): before forking workers, so they
        share it rather than each building its own."""
        if self.use_index:
            self.index.ready(threshold)

    def forget(self) -> None:
        """Drop the memoised searches (results and token matches), e.g. to time a cold search."""
        self._results.clear()
        if self._index is not None:
            self._index.forget()

    def search(self, name: str, threshold: float) -> list[NameHit]:
        """Every listed name scoring at least ``threshold`` against ``name``, best first."""
        return self.search_many([name], threshold)[0]

    def search_many(
        self, names: Iterable[str], threshold: float, *, strong_only: bool = False
    ) -> list[list[NameHit]]:
        """``search`` of many names; the index searches their new tokens in one pass.

        A name with several readings (``names.readings``: a name in kanji alone, as
        Chinese and as Japanese) is searched under each, and each listed name keeps
        its best hit.  ``strong_only`` leaves out weak aliases unscored (screening
        never alerts on them).
        """
        texts: list[PreparedName] = []
        spans: list[tuple[int, int]] = []
        for name in names:
            name_readings = prepared_readings(name)
            spans.append((len(texts), len(name_readings)))
            texts.extend(name_readings)
        found = self._search_texts(texts, threshold, strong_only)
        if len(texts) == len(spans):
            return found
        return [
            found[start] if count == 1 else _best_per_name(found[start : start + count])
            for start, count in spans
        ]

    def _search_texts(
        self, names: list[PreparedName], threshold: float, strong_only: bool
    ) -> list[list[NameHit]]:
        memo = self._results.setdefault((threshold, strong_only), OrderedDict())
        out: list[list[NameHit] | None] = []
        todo: dict[PreparedName, list[int]] = {}
        for name in names:
            # compare() sees everything of a prepared name but the raw text, so
            # "KIM, Jong-Sik" and "Kim Jong Sik" are one search.
            key = dataclasses.replace(name, original="")
            known = memo.get(key)
            if known is not None:
                memo.move_to_end(key)
                out.append(list(known))
            else:
                todo.setdefault(key, []).append(len(out))
                out.append(None)
        if todo:
            queries = list(todo)
            if self.use_index:
                positions: Sequence[Sequence[int]] = self.index.survivors_many(
                    [(q, self._weights_of(q)) for q in queries],
                    threshold,
                )
            else:
                everything = range(len(self._rows))
                positions = [everything if q.tokens else () for q in queries]
            if strong_only:
                strong = self._strong_names()
                positions = [[p for p in c if strong[p]] for c in positions]
            # Candidates the index bounded need no bound of the scorer's.
            bounded = not (self.use_index and self.index.prefilter is not None)
            for query, candidates in zip(queries, positions, strict=True):
                hits = self._score(query, candidates, threshold, bounded=bounded)
                memo[query] = tuple(hits)
                for slot in todo[query]:
                    out[slot] = list(hits)
            while len(memo) > RESULT_CACHE_SIZE:
                memo.popitem(last=False)
        return [hits or [] for hits in out]

    def _strong_names(self) -> Sequence[bool]:
        """Which listed names are strong, by position (made once)."""
        if self._strong is None:
            rows = self._rows
            self._strong = (
                rows.strong().tolist()
                if isinstance(rows, PackedRows)
                else [row[2] == "strong" for row in rows]
            )
        return self._strong

    def _weights_of(self, name: PreparedName) -> list[float]:
        return scorer._token_weights(name, self.weights)[0]

    def search_brute_force(self, name: str, threshold: float) -> list[NameHit]:
        """``search`` without the index: every listed name scored (the reference)."""
        found = []
        for query in prepared_readings(name):
            if query.tokens:
                found.append(self._score(query, range(len(self._rows)), threshold, bounded=False))
        return _best_per_name(found)

    def _score(
        self,
        query: PreparedName,
        positions: Sequence[int],
        threshold: float,
        *,
        bounded: bool = True,
    ) -> list[NameHit]:
        prepared, rows, weights = self.prepared, self._rows, self.weights
        bound = getattr(scorer, "score_bound", None)
        if bound is not None and bounded and len(positions) >= BOUND_MIN_CANDIDATES:
            # The scorer's cheap upper bound, from which tokens can pair at all
            # (module docstring): compare() only where it can reach the threshold.
            from .index import ROUNDING_MARGIN

            need = threshold - ROUNDING_MARGIN
            bests = self.index.token_bests(query, positions)
            positions = [
                position
                for position, (query_best, name_best) in zip(positions, bests, strict=True)
                if bound(query, prepared[position], query_best, name_best, weights) >= need
            ]
        hits = []
        for position in positions:
            match = compare(query, prepared[position], weights)
            if match.score >= threshold and query.title_gender:
                # Lowers a score only: the index's bounds hold (secondary module).
                match = title_adjustment(
                    match,
                    query.title_gender,
                    not self._organisations[position],
                    self._genders[position],
                )
            if match.score >= threshold:
                hits.append(NameHit(NameRef(*rows[position]), match))
        hits.sort(key=lambda hit: -hit.match.score)
        return hits


def _best_per_name(found: Sequence[Sequence[NameHit]]) -> list[NameHit]:
    """The hits of one name's readings merged: each listed name's best, best first."""
    if len(found) == 1:
        return list(found[0])
    best: dict[NameRef, NameHit] = {}
    for hits in found:
        for hit in hits:
            known = best.get(hit.ref)
            if known is None or hit.match.score > known.match.score:
                best[hit.ref] = hit
    return sorted(best.values(), key=lambda hit: -hit.match.score)


def compare_names(a: str, b: str, weights: TokenWeights | None = None) -> Match:
    """``compare`` of two names as written, each under every reading
    (``names.readings``): the best of them."""
    matches = (compare(x, y, weights) for x in prepared_readings(a) for y in prepared_readings(b))
    return max(matches, key=lambda match: match.score)


__all__ = ["Match", "NameHit", "NameMatcher", "NameRef", "compare", "compare_names"]
