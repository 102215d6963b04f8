"""Bounds of the candidate search: drop, for all candidates of a query at once
(numpy), the listed names that surely cannot reach the threshold.

The candidate index knows, for every option of the query, which listed options
reach the search cutoff ``C`` (``CandidateIndex.cutoff``), with the similarity of
each pair, and, through the postings, which listed names contain them.  A token
is *strong* against a name when an option covering it has such a partner in the
other name, else *weak*.  That alone bounds ``scorer.compare`` (``survivors_batch``),
from the scorer's contract (its module docstring):

* the score is ``A / D``: ``A`` sums, over the pairs, a credit (at most
  ``100 - PAIR_DEFICIT_GAIN * (100 - s)`` for a pair of similarity ``s``, an
  initial pair ``INITIAL_CREDIT * 100``) times the weights of the paired tokens;
  ``D`` is at least the paired weight plus, per unpaired token, its *cost*:
  ``alpha`` times its weight for a word (the contradiction term counts twice the
  smaller side and ``alpha <= 0.8``, so ``2 min(a, b) + alpha |a - b| >= alpha (a +
  b)``), its weight for a legal form, particle or initial, nothing for a number;
  ``alpha`` is never below ``ALPHA_FLOOR``.  Later adjustments only lower the score;
* so ``score >= T`` implies ``A - T D >= 0``, and ``A - T D`` is at most the sum over
  the tokens of both names of what each can add on its own: ``(credit - T) w`` for
  a strong token (its best partner's credit) or ``max(c_weak - T, -T cost) w`` if
  more, ``max(c_weak - T, -T cost) w`` for a weak one, whose pairs are all below
  ``C`` (``c_weak``: the best credit below ``C``, or of an initial pair for a
  token that may make one: an initial, a legal form or particle, a word with an
  initial of its letter in the other name or that reads as a misspelt legal form).

A query that may have been cut at a field's length (``StageOneQuery.truncated``)
may leave any listed token and its own last token unknown to the scorer: against
it, their weak terms and unpaired costs are nothing (their numbers no penalty
either).

A candidate whose sum is below zero cannot reach ``T``.

Most of the postings a query reaches are of a few options in thousands of names
(the lists' "al", "llc", "jsc"): on 2,000 Faker names against OFAC + UN, three
quarters.  They are held back (``StageOneQuery.deferred``): counted for the names
the query's other postings reach, which get the same sums, and for the others
only when a name they alone reach could survive: its side adds at most
``Deferral.most`` (its weak terms and those postings' strong gains at full
credit; names of little else, whose sums could reach zero, never have theirs
held back), the query's side its weak terms, the strong gains of its held-back
pairs and its words that may pair with initials.  Sums the first bound would
drop are dropped unseen; its survivors are the same (tested with every option of
more than two postings held back).  Summing the strong gains
of a name per matched option rather than per token can only count a token twice (a
single and a compound both matched), which loosens the bound, never breaks it.

The survivors then meet the same bound with what the first stage could not know
(``second_stage_batch``): every token's best similarity with the other name (from
``CandidateIndex.token_best_arrays``), so a weak token that cannot pair at all
costs its whole share, the omission share ``alpha`` those pairs allow, initials,
numbers without their equal, and the contradiction of the words of both names
that cannot pair at all.

Everything here is plain numpy arrays, pickled with the index.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..names import mask_bits
from . import scorer
from .arrays import contains_sorted, expand_ranges, group_max_rounded_up, unique

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

# Token kinds as small integers (``names.TokenKind``), for per-kind factor arrays.
KIND_CODES = {"word": 0, "legal": 1, "particle": 2, "initial": 3, "number": 4}

# Share of a token's weight an unpaired token costs in the denominator, per kind
# (see the module docstring): words at least the smallest omission share the
# scorer can use, minor tokens their whole weight, numbers nothing (their penalty
# is subtracted apart, and leaving it out only loosens the bound).
ALPHA_FLOOR = min(scorer.ALPHA_RARE, scorer.ALPHA_ORGANISATION, scorer.ALPHA_COMMON)
UNPAIRED_COST = np.array([ALPHA_FLOOR, 1.0, 1.0, 1.0, 0.0], dtype=np.float64)

# Credit of a token that cannot pair: far below any target, finite so that a zero
# weight gives zero, not nan.
CANNOT_PAIR = -1e9

# What a query's bound for the names its held-back postings alone reach must stay
# below, beyond the first stage's own slack, to leave them out: float error of
# summing the same terms in another order.
DEFERRAL_SLACK = 1e-6

# Names whose held-back postings alone (``Prefilter.deferral``) could add more than
# this to a query's sum keep theirs in the first bound: names of legal forms and
# particles and little else.  At zero, a query whose own weak terms are below zero
# (any query of a word or more) leaves the others out, unless its own held-back
# pairs gain more.
DEFERRED_NAME_MOST = 0.0

# Slack for float error when comparing a sum of token terms with zero.
EPSILON = 1e-7


_NO_NAMES: IntArray = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class StageOneQuery:
    """What the first stage knows of a query: its tokens' kinds and weights, and per
    option the tokens it covers (``mask``, -1 for all), the postings of its partners
    at the cutoff and the most credit each pair can give."""

    kinds: Sequence[str]
    weights: Sequence[float]
    masks: Sequence[int]
    postings: Sequence[IntArray]
    credits: Sequence[FloatArray]
    # The tokens themselves: a word may pair as an initial pair or a misspelt
    # legal form (``token_factors``).
    tokens: Sequence[str] = ()
    # A name that may have been cut at a field's length (``PreparedName.truncated``):
    # any listed word and its own last token (the part of a word cut in) may be
    # unknown to ``scorer.compare``, unpaired at no cost.
    truncated: bool = False
    # Per option, the postings held back (``CandidateIndex``'s options of very many
    # postings: the lists' legal forms and particles) and their credits: counted
    # for the names the other postings reach, and for the others only when a name
    # reached through them alone could survive (``Prefilter.deferral``).
    deferred: Sequence[IntArray] = ()
    deferred_credits: Sequence[FloatArray] = ()


@dataclass(frozen=True)
class Deferral:
    """Which postings the first bound may hold back (``Prefilter.deferral``): a mask
    over all postings, the most a name they alone reach adds to a query's sum, and
    the largest of the names' weak terms in absolute value (the slack of
    ``survivors_batch``)."""

    held: NDArray[np.bool_]
    most: float
    largest: float


@dataclass(frozen=True)
class StageTwoQuery:
    """What the second stage knows of a query and its surviving ``names``: its
    tokens, their kinds and weights, whether it is an organisation, and the best
    similarities as ``CandidateIndex.token_best_arrays`` gives them."""

    names: IntArray
    tokens: Sequence[str]
    kinds: Sequence[str]
    weights: Sequence[float]
    organisation: bool
    q_best: NDArray[np.float64]
    c_best: NDArray[np.float64]
    c_offsets: IntArray
    # As ``StageOneQuery.truncated``.
    truncated: bool = False
    # Whether the name as written has digits (``scorer.numbers_waived``).
    written_digits: bool = False


def kind_code(kind: str) -> int:
    return KIND_CODES.get(kind, 0)


def letter_code(token: str) -> int:
    """0-25 for a token starting with a-z, 26 otherwise (initials pair by first letter)."""
    first = token[:1]
    return ord(first) - 97 if "a" <= first <= "z" else 26


def raw_length(token: str) -> int:
    """A word's length as the scorer's contradiction counts it (``scorer._unpaired``)."""
    return min(len(token), scorer.WORD_LENGTH_CAP)


def _query_rows(
    queries: Sequence[StageTwoQuery], values: Callable[[StageTwoQuery], Sequence[float]]
) -> FloatArray:
    """A value per query token, for each of the query's names in turn (the second
    stage's query token rows)."""
    return np.concatenate(
        [np.tile(np.asarray(values(q), dtype=np.float64), len(q.names)) for q in queries]
    )


def credit_of(similarity: FloatArray) -> FloatArray:
    """The most credit a pair of this similarity gives (``scorer.compare``)."""
    return np.minimum(100.0, 100.0 - scorer.PAIR_DEFICIT_GAIN * (100.0 - similarity))


def _quality(similarity: NDArray[np.float64]) -> NDArray[np.float64]:
    """How much of a paired token's rarity counts, as ``scorer.compare`` computes it."""
    low = scorer.RARITY_FULL_SIMILARITY - 20
    return np.clip((similarity - low) / 20.0, 0.0, 1.0)


def token_factors(target: float, cutoff: float) -> tuple[FloatArray, float]:
    """Per kind code, what a weak token adds per unit of weight, and what a strong one adds.

    ``target`` is the score to reach (threshold less rounding), ``cutoff`` the
    similarity below which every pair of a weak token lies.  A weak word's credit
    is that of a pair just below the cutoff; initials, legal forms and particles
    may also pair as an initial pair or a misspelt legal form
    (``INITIAL_CREDIT``), and so may a word with an initial of its letter in the
    other name, or one that reads as a misspelt legal form: ``special_word_extra``.
    """
    below, initial = _weak_credits(cutoff)
    weak = np.maximum(initial - target, -target * UNPAIRED_COST)
    word = KIND_CODES["word"]
    weak[word] = max(below - target, -target * UNPAIRED_COST[word])
    return weak, 100.0 - target


def special_word_extra(target: float, cutoff: float) -> float:
    """What a weak word that may pair as an initial pair or a misspelt legal form
    adds per unit of weight beyond a plain weak word (``token_factors``)."""
    below, initial = _weak_credits(cutoff)
    floor = -target * float(UNPAIRED_COST[KIND_CODES["word"]])
    return max(initial - target, floor) - max(below - target, floor)


def _weak_credits(cutoff: float) -> tuple[float, float]:
    """The most credit a pair below ``cutoff`` gives, and the same or an initial
    pair's when more."""
    below = 100.0 - scorer.PAIR_DEFICIT_GAIN * (100.0 - cutoff)
    return below, max(below, scorer.INITIAL_CREDIT * 100.0)


class Prefilter:
    """Per-token kinds and weights of the listed names, laid out for the index's postings.

    ``slot_first``/``slot_span``: the first token (global position) and the number
    of tokens each slot (an option of a name) covers; ``slot_posting``: the posting
    (option, name) the slot belongs to.
    """

    def __init__(
        self,
        tokens: Sequence[Sequence[str]],
        kinds: Sequence[Sequence[str]],
        weights: Sequence[Sequence[float]],
        rarities: Sequence[Sequence[float]],
        organisations: Sequence[bool],
        slot_first: IntArray,
        slot_span: IntArray,
        slot_posting: IntArray,
        posting_count: int,
    ) -> None:
        counts = np.fromiter((len(k) for k in kinds), dtype=np.int64, count=len(kinds))
        self.token_offsets: IntArray = np.zeros(len(kinds) + 1, dtype=np.int64)
        np.cumsum(counts, out=self.token_offsets[1:])
        total = int(self.token_offsets[-1])
        self.token_kind = np.fromiter(
            (kind_code(k) for ks in kinds for k in ks), dtype=np.int8, count=total
        )
        self.token_weight = np.fromiter(
            (w for ws in weights for w in ws), dtype=np.float64, count=total
        )
        self.token_rarity = np.fromiter(
            (r for rs in rarities for r in rs), dtype=np.float64, count=total
        )
        self.token_letter = np.fromiter(
            (letter_code(t) for ts in tokens for t in ts), dtype=np.int64, count=total
        )
        # A word's length as a contradiction counts it (``scorer._unpaired``).
        self.token_raw = np.fromiter(
            (raw_length(t) for ts in tokens for t in ts), dtype=np.float64, count=total
        )
        self.token_name = np.repeat(np.arange(len(kinds), dtype=np.int64), counts)
        self.name_organisation = np.asarray(organisations, dtype=bool)
        # Per name, whether a query's numbers cost it nothing (``scorer.numbers_waived``:
        # a person's name without a number).
        numbered = np.zeros(len(kinds), dtype=bool)
        numbered[self.token_name[self.token_kind == KIND_CODES["number"]]] = True
        self.name_numbers_waived = ~(self.name_organisation | numbered)
        # Per name, bit sets of the first letters of its words and of its initials.
        is_word = self.token_kind == KIND_CODES["word"]
        is_initial = self.token_kind == KIND_CODES["initial"]
        bits = np.left_shift(np.int64(1), self.token_letter)
        self.name_word_letters = np.zeros(len(kinds), dtype=np.int64)
        np.bitwise_or.at(self.name_word_letters, self.token_name[is_word], bits[is_word])
        self.name_initial_letters = np.zeros(len(kinds), dtype=np.int64)
        np.bitwise_or.at(self.name_initial_letters, self.token_name[is_initial], bits[is_initial])
        # Per name, the weight of its words (``special_word_extra``).
        self.name_word_weight = np.bincount(
            self.token_name, weights=np.where(is_word, self.token_weight, 0.0), minlength=len(kinds)
        ).astype(np.float64)
        # Per posting (an option in a name), the weight of the tokens it covers, by
        # kind (a column per kind code): its strong gain follows from its credit.
        self.posting_kind_weight = np.zeros((posting_count, len(KIND_CODES)), dtype=np.float64)
        for k in range(int(slot_span.max()) if len(slot_span) else 0):
            covers = slot_span > k
            token = slot_first[covers] + k
            np.add.at(
                self.posting_kind_weight,
                (slot_posting[covers], self.token_kind[token].astype(np.int64)),
                self.token_weight[token],
            )
        self._tables: dict[tuple[float, float], tuple[FloatArray, FloatArray]] = {}
        self._deferral: dict[tuple[float, float, int], Deferral] = {}

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_tables"] = {}
        state["_deferral"] = {}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.__dict__.setdefault("_deferral", {})

    def deferral(
        self,
        target: float,
        cutoff: float,
        posting_names: IntArray,
        posting_pointers: IntArray,
        limit: int,
    ) -> Deferral:
        """Which postings a query's first bound may hold back (``StageOneQuery.
        deferred``): those of options of more than ``limit`` postings, but not of the
        names those postings could bring near the target on their own (their weak
        terms plus the postings' strong gains at full credit, capped as
        ``survivors_batch`` caps them, above zero: "S AND C TRADE LLC CORP LLC"),
        with the most such a name adds to a query's sum."""
        key = (target, cutoff, limit)
        found = self._deferral.get(key)
        if found is not None:
            return found
        name_base, name_cap = self.tables(target, cutoff)
        weak, strong = token_factors(target, cutoff)
        counts = np.diff(posting_pointers)
        held = np.repeat(counts > limit, counts)
        most = -np.inf
        if held.any():
            full = np.maximum(strong - weak, 0.0)  # a pair at full credit, per kind
            gain = self.posting_kind_weight[held] @ full
            holders = posting_names[held]
            per_name = np.bincount(holders, weights=gain, minlength=len(name_base))
            name_most = name_base + np.minimum(per_name, name_cap)
            held[held] = name_most[holders] <= DEFERRED_NAME_MOST
            if held.any():
                most = float(name_most[posting_names[held]].max())
        found = Deferral(held, most, float(np.abs(name_base).max(initial=0.0)))
        self._deferral[key] = found
        return found

    def _with_deferred(
        self,
        query: StageOneQuery,
        target: float,
        weak: FloatArray,
        extra: float,
        special: float,
        initials: int,
        words: Sequence[tuple[int, float]],
        posting_names: IntArray,
        deferral: Deferral | None,
    ) -> tuple[Sequence[IntArray], Sequence[FloatArray]]:
        """``query``'s postings and credits per option with its held-back ones put
        back: all of them when a name they alone reach might survive, else only
        those of names its other postings reach.  A name the held-back postings
        alone reach adds at most ``deferral.most`` to the query's sum (its side), and
        the query's tokens at most their weak terms, the strong gains of the
        held-back pairs and the words an initial may pair with (``survivors_batch``);
        a query with initials of its own, or cut at a field's length, gets them all."""
        if not any(len(d) for d in query.deferred):
            return query.postings, query.credits
        # The query's weak terms, as ``survivors_batch`` sums them (``special``: its
        # words read as misspelt legal forms).
        base = special + sum(
            float(weak[kind_code(k)]) * w for k, w in zip(query.kinds, query.weights, strict=True)
        )
        count = len(query.kinds)
        best = [-np.inf] * count
        for mask, held, held_credit in zip(
            query.masks, query.deferred, query.deferred_credits, strict=True
        ):
            if len(held):
                credit = float(held_credit.max())
                for i in range(count) if mask == -1 else mask_bits(mask):
                    best[i] = max(best[i], credit)
        gains = sum(
            max(b - target - float(weak[kind_code(k)]), 0.0) * w
            for b, k, w in zip(best, query.kinds, query.weights, strict=True)
            if b > -np.inf
        )
        bound = base + gains + max(extra, 0.0) * sum(w for _, w in words)
        safe = (
            deferral is not None
            and not query.truncated
            and not initials
            and bound + deferral.most
            < -EPSILON * (1.0 + deferral.largest + abs(base)) - DEFERRAL_SLACK
        )
        reached = [p for p in query.postings if len(p)]
        if safe and not reached:
            return query.postings, query.credits
        names = unique(posting_names[np.concatenate(reached)]) if safe else _NO_NAMES
        postings: list[IntArray] = []
        credits: list[FloatArray] = []
        for own, own_credits, held, held_credits in zip(
            query.postings, query.credits, query.deferred, query.deferred_credits, strict=True
        ):
            if not len(held):
                postings.append(own)
                credits.append(own_credits)
                continue
            if safe:
                keep = contains_sorted(names, posting_names[held])
                held, held_credits = held[keep], held_credits[keep]
            postings.append(np.concatenate((own, held)))
            credits.append(np.concatenate((own_credits, held_credits)))
        return postings, credits

    def tables(self, target: float, cutoff: float) -> tuple[FloatArray, FloatArray]:
        """Per name, the sum of its tokens' weak terms and the most its strong tokens
        can add to it."""
        key = (target, cutoff)
        found = self._tables.get(key)
        if found is not None:
            return found
        weak, strong = token_factors(target, cutoff)
        names = len(self.token_offsets) - 1
        weak_terms = weak[self.token_kind] * self.token_weight
        gain = (strong - weak[self.token_kind]) * self.token_weight
        name_base = np.bincount(self.token_name, weights=weak_terms, minlength=names)
        name_cap = np.bincount(self.token_name, weights=gain, minlength=names)
        tables = (name_base.astype(np.float64), name_cap.astype(np.float64))
        self._tables[key] = tables
        return tables

    def survivors_batch(
        self,
        *,
        target: float,
        cutoff: float,
        queries: Sequence[StageOneQuery],
        posting_names: IntArray,
        deferral: Deferral | None = None,
    ) -> list[IntArray]:
        """For each query, the names that may reach ``target``, ascending: many
        queries in one vectorised pass (a query's own numpy calls would cost more
        than its few hundred postings).

        ``query.postings[k]``: the postings (listed option in a name) of every
        partner at ``cutoff`` or more of query option ``k`` (covering the query
        tokens of ``query.masks[k]``), with ``query.credits[k]`` the most credit
        each pair can give (from its similarity); ``posting_names`` maps a posting
        to its name.  A token's strong term is then ``(credit - target) w``.
        Postings held back (``query.deferred``, as ``deferral`` chose them) are
        put back where they may count (``_with_deferred``).
        """
        name_base, name_cap = self.tables(target, cutoff)
        weak, _strong = token_factors(target, cutoff)
        extra = special_word_extra(target, cutoff)
        # Per query: what its words that may pair so add (``token_factors``), the
        # letters of its initials, and its other words' letters and weights.
        q_special = np.zeros(len(queries), dtype=np.float64)
        q_initials: list[int] = []
        q_words: list[list[tuple[int, float]]] = []
        names = len(name_base)
        postings_total = len(self.posting_kind_weight)
        # Option rows: (query, posting, credit); token rows: (query token, name, credit).
        o_query: list[int] = []
        o_sizes: list[int] = []
        o_posting: list[IntArray] = []
        o_credit: list[FloatArray] = []
        t_token: list[int] = []
        t_sizes: list[int] = []
        t_name: list[IntArray] = []
        t_credit: list[FloatArray] = []
        token_codes: list[int] = []
        token_weights: list[float] = []
        token_query: list[int] = []
        cut_rows: list[int] = []  # the last token of each truncated query
        for q, query in enumerate(queries):
            first = len(token_codes)
            count = len(query.kinds)
            if query.truncated and count:
                cut_rows.append(first + count - 1)
            q_special[q], initials, words = _special_words(query, extra)
            q_initials.append(initials)
            q_words.append(words)
            token_codes.extend(kind_code(k) for k in query.kinds)
            token_weights.extend(query.weights)
            token_query.extend([q] * count)
            all_postings, all_credits = self._with_deferred(
                query, target, weak, extra, q_special[q], initials, words, posting_names, deferral
            )
            for mask, postings, credits in zip(query.masks, all_postings, all_credits, strict=True):
                if not len(postings):
                    continue
                o_query.append(q)
                o_sizes.append(len(postings))
                o_posting.append(postings)
                o_credit.append(credits)
                listed = posting_names[postings]
                for i in range(count) if mask == -1 else mask_bits(mask):
                    t_token.append(first + i)
                    t_sizes.append(len(postings))
                    t_name.append(listed)
                    t_credit.append(credits)
        out = [_NO_NAMES] * len(queries)
        if not o_query:
            return out
        q_codes = np.asarray(token_codes, dtype=np.int64)
        q_weight = np.asarray(token_weights, dtype=np.float64)
        q_owner = np.asarray(token_query, dtype=np.int64)
        q_weak = weak[q_codes]
        q_weak[cut_rows] = np.maximum(q_weak[cut_rows], 0.0)  # unknown: no cost
        q_base = q_special + np.bincount(q_owner, weights=q_weak * q_weight, minlength=len(queries))
        # Names' side: per (query, posting) its best credit, each matched option's
        # tokens gaining over their weak terms, summed per (query, name).
        p_key, p_credit = group_max_rounded_up(
            np.repeat(np.asarray(o_query, dtype=np.int64), o_sizes) * postings_total
            + np.concatenate(o_posting),
            np.concatenate(o_credit),
        )
        p_posting = p_key % postings_total
        over_weak = np.maximum(p_credit[:, None] - target - weak[None, :], 0.0)
        p_gain = (over_weak * self.posting_kind_weight[p_posting]).sum(axis=1)
        p_pair = (p_key // postings_total) * names + posting_names[p_posting]
        pairs = unique(p_pair)  # (query, candidate name), ascending
        c_gain = np.bincount(np.searchsorted(pairs, p_pair), weights=p_gain, minlength=len(pairs))
        # Query's side: per (query token, name) its best credit.
        t_key, t_best = group_max_rounded_up(
            np.repeat(np.asarray(t_token, dtype=np.int64), t_sizes) * names
            + np.concatenate(t_name),
            np.concatenate(t_credit),
        )
        t_of = t_key // names
        t_gain = np.maximum(t_best - target - q_weak[t_of], 0.0) * q_weight[t_of]
        t_pair = q_owner[t_of] * names + t_key % names
        q_gain = np.bincount(np.searchsorted(pairs, t_pair), weights=t_gain, minlength=len(pairs))
        pair_query = pairs // names
        pair_name = pairs % names
        base = q_base[pair_query]
        # A name's weak terms are its unpaired costs at most; a query cut at a
        # field's length may leave every listed word unknown, at no cost.
        truncated = np.asarray([q.truncated for q in queries], dtype=bool)[pair_query]
        names_side = np.where(truncated, 0.0, name_base[pair_name])
        total = base + names_side + np.minimum(c_gain, name_cap[pair_name]) + q_gain
        if extra > 0:
            # Words that may pair with an initial of the other name.
            total += extra * _initial_letter_weights(
                q_words, pair_query, self.name_initial_letters[pair_name]
            )
            with_initials = np.asarray(q_initials, dtype=np.int64)[pair_query] != 0
            total[with_initials] += extra * self.name_word_weight[pair_name[with_initials]]
        scale = 1.0 + np.abs(name_base[pair_name]) + np.abs(base)
        kept = total >= -EPSILON * scale
        kept_query = pair_query[kept]
        kept_name = pair_name[kept]
        bounds = np.searchsorted(kept_query, np.arange(len(queries) + 1))
        for q in range(len(queries)):
            if bounds[q] < bounds[q + 1]:
                out[q] = kept_name[bounds[q] : bounds[q + 1]]
        return out

    def second_stage_batch(
        self, *, target: float, queries: Sequence[StageTwoQuery]
    ) -> list[NDArray[np.bool_]]:
        """For each query, which of its ``names`` may reach ``target``, knowing every
        token's best similarity (``q_best``/``c_best``/``c_offsets`` as
        ``CandidateIndex.token_best_arrays`` gives them).

        The bound of the module docstring, with what the first stage could not
        know: a token's best credit from its best similarity (0 below
        ``MIN_TOKEN_SIMILARITY``: it cannot pair), initials pairing with words of
        their letter, the omission share ``alpha`` the pairable tokens allow
        (``ALPHA_RARE`` only when a rare token can pair well), the penalty of a
        number without its equal, and the cap at the best similarity.  Many
        queries in one vectorised pass: a pair is a query and one of its names,
        the names' tokens laid one pair after the other, and the query's tokens
        likewise (query token rows).
        """
        used = [q for q in queries if len(q.names)]
        out = [np.zeros(len(q.names), dtype=bool) for q in queries]
        if not used:
            return out
        pair_counts = np.asarray([len(q.names) for q in used], dtype=np.int64)
        pair_query = np.repeat(np.arange(len(used)), pair_counts)
        names = np.concatenate([q.names for q in used])
        count = len(names)
        # The names' tokens, one pair after the other.
        c_best = np.concatenate([q.c_best for q in used])
        c_counts = np.concatenate([np.diff(q.c_offsets) for q in used])
        c_offsets = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(c_counts, out=c_offsets[1:])
        starts = self.token_offsets[names]
        tokens = np.repeat(starts - c_offsets[:-1], c_counts) + np.arange(int(c_offsets[-1]))
        c_kind = self.token_kind[tokens]
        c_weight = self.token_weight[tokens]
        c_letter = self.token_letter[tokens]
        owner = np.repeat(np.arange(count), c_counts)
        pairable = c_best >= scorer.MIN_TOKEN_SIMILARITY
        # alpha: the smallest omission share any pairing can get (scorer.compare).
        reach = np.where(
            pairable & (c_kind == KIND_CODES["word"]),
            _quality(c_best) * self.token_rarity[tokens],
            0.0,
        )
        best_rarity = np.maximum.reduceat(reach, c_offsets[:-1])
        alpha = scorer.ALPHA_RARE + (scorer.ALPHA_COMMON - scorer.ALPHA_RARE) * (1.0 - best_rarity)
        # A person's middle names alone missing count at a fraction of it.
        alpha = np.maximum(scorer.ALPHA_RARE, alpha * min(1.0, scorer.MIDDLE_NAMES_FACTOR))
        organisation = np.asarray([q.organisation for q in used], dtype=bool)[pair_query]
        alpha = np.where(
            organisation | self.name_organisation[names], scorer.ALPHA_ORGANISATION, alpha
        )
        alpha = np.minimum(alpha, scorer.ALPHA_COMMON)
        # The query tokens, one pair after the other (query token rows).
        t_counts = np.asarray([len(q.tokens) for q in used], dtype=np.int64)
        row_counts = t_counts[pair_query]
        row_pair = np.repeat(np.arange(count), row_counts)
        r_code = _query_rows(used, lambda q: [kind_code(k) for k in q.kinds]).astype(np.int64)
        r_letter = _query_rows(used, lambda q: [letter_code(t) for t in q.tokens]).astype(np.int64)
        r_weight = _query_rows(used, lambda q: q.weights)
        r_best = np.concatenate([q.q_best.T.ravel() for q in used])
        # Query letters: initials pair with words of their letter and back.
        r_bit = np.left_shift(np.int64(1), r_letter)
        q_word_letters = np.zeros(count, dtype=np.int64)
        q_initial_letters = np.zeros(count, dtype=np.int64)
        is_word = r_code == KIND_CODES["word"]
        is_initial = r_code == KIND_CODES["initial"]
        np.bitwise_or.at(q_word_letters, row_pair[is_word], r_bit[is_word])
        np.bitwise_or.at(q_initial_letters, row_pair[is_initial], r_bit[is_initial])
        c_bit = np.left_shift(np.int64(1), c_letter)
        c_initial_pair = (
            (c_kind == KIND_CODES["initial"]) & ((c_bit & q_word_letters[owner]) != 0)
        ) | ((c_kind == KIND_CODES["word"]) & ((c_bit & q_initial_letters[owner]) != 0))
        r_names = names[row_pair]
        r_initial_pair = (is_initial & ((r_bit & self.name_word_letters[r_names]) != 0)) | (
            is_word & ((r_bit & self.name_initial_letters[r_names]) != 0)
        )
        # A query cut at a field's length may leave any listed word unknown: its
        # names' tokens cost nothing unpaired (``StageOneQuery.truncated``).
        truncated = np.asarray([q.truncated for q in used], dtype=bool)[pair_query]
        c_known = ~truncated[owner]
        # ... and its own last token (the last row of each such pair).
        r_known = np.ones(len(row_pair), dtype=bool)
        r_known[(np.cumsum(row_counts) - 1)[truncated & (row_counts > 0)]] = False
        # Numbers pair only with their equal: one without it costs the penalty.
        penalty = np.zeros(count, dtype=bool)
        c_number_missing = (c_kind == KIND_CODES["number"]) & (c_best < 100.0) & c_known
        np.logical_or.at(penalty, owner[c_number_missing], True)
        r_number_missing = (r_code == KIND_CODES["number"]) & (r_best < 100.0) & r_known
        digits = np.asarray([q.written_digits for q in used], dtype=bool)[pair_query][row_pair]
        r_number_missing &= ~(self.name_numbers_waived[r_names] & digits)
        np.logical_or.at(penalty, row_pair[r_number_missing], True)
        target_n = target + np.where(penalty, scorer.NUMBER_MISMATCH_PENALTY, 0.0)
        c_terms = _terms(
            c_best, c_kind, c_weight, c_initial_pair, alpha[owner], target_n[owner], c_known
        )
        total = np.add.reduceat(c_terms, c_offsets[:-1])
        r_terms = _terms(
            r_best, r_code, r_weight, r_initial_pair, alpha[row_pair], target_n[row_pair], r_known
        )
        total += np.bincount(row_pair, weights=r_terms, minlength=count)
        # Words of both names that cannot pair contradict each other.  With ``a``,
        # ``b`` the unpaired words' weights and ``ra >= a``, ``rb >= b`` their lengths
        # (a weight is a length times a factor of at most 1), the scorer's
        # denominator holds ``F min(ra, rb) + alpha' |a - b|`` (F the
        # CONTRADICTION_FACTOR, ``alpha' >= alpha``), at least ``alpha (a + b) +
        # (F - 2 alpha) min(ra, rb)``: the terms above count ``alpha (a + b)``, and
        # ``min(ra, rb)`` is at least that of the words that cannot pair at all
        # (3,000 distinct names: survivors 2,828 -> 1,353 with ``F - 2 ALPHA_COMMON``
        # for all, -> 1,302 with each pair's ``alpha``).
        c_dead = (c_kind == KIND_CODES["word"]) & (c_best < scorer.MIN_TOKEN_SIMILARITY)
        c_dead &= ~c_initial_pair & c_known
        c_raw = np.bincount(
            owner, weights=np.where(c_dead, self.token_raw[tokens], 0.0), minlength=count
        )
        r_raw_length = _query_rows(used, lambda q: [raw_length(t) for t in q.tokens])
        r_dead = is_word & (r_best < scorer.MIN_TOKEN_SIMILARITY) & ~r_initial_pair & r_known
        r_raw = np.bincount(row_pair, weights=np.where(r_dead, r_raw_length, 0.0), minlength=count)
        share = scorer.CONTRADICTION_FACTOR - 2.0 * alpha
        total -= target_n * share * np.minimum(c_raw, r_raw)
        best_real = np.maximum.reduceat(c_best, c_offsets[:-1])
        has_rows = row_counts > 0
        if has_rows.any():
            r_offsets = np.zeros(count, dtype=np.int64)
            np.cumsum(row_counts[:-1], out=r_offsets[1:])
            r_max = np.maximum.reduceat(r_best, r_offsets[has_rows])
            best_real[has_rows] = np.maximum(best_real[has_rows], r_max)
        keep = (total >= -EPSILON * (1.0 + np.abs(total))) & (
            best_real + scorer.MAX_SCORE_BONUS >= target
        )
        bounds = np.concatenate(([0], np.cumsum(pair_counts)))
        position = 0
        for q, query in enumerate(queries):
            if len(query.names):
                out[q] = keep[bounds[position] : bounds[position + 1]]
                position += 1
        return out


def _special_words(
    query: StageOneQuery, extra: float
) -> tuple[float, int, list[tuple[int, float]]]:
    """What ``query``'s words that read as a misspelt legal form may add (all its
    words when its tokens are unknown), the letters of its initials (all, unknown),
    and its other words' letters and weights (``token_factors``)."""
    if extra <= 0:
        return 0.0, 0, []
    known = len(query.tokens) == len(query.kinds)
    special = 0.0
    initials = 0 if known else -1
    words: list[tuple[int, float]] = []
    for n, (kind, weight) in enumerate(zip(query.kinds, query.weights, strict=True)):
        token = query.tokens[n] if known else ""
        if kind == "initial" and known:
            initials |= 1 << letter_code(token)
        elif kind == "word":
            if not known or scorer.legal_forms_read_as(token):
                special += extra * weight
            else:
                words.append((1 << letter_code(token), weight))
    return special, initials, words


def _initial_letter_weights(
    q_words: Sequence[Sequence[tuple[int, float]]], pair_query: IntArray, letters: IntArray
) -> FloatArray:
    """Per (query, name) pair, the weight of the query's words (``q_words``: letter
    bit and weight) whose letter is one of the name's initials (``letters``)."""
    out = np.zeros(len(pair_query), dtype=np.float64)
    chosen = np.flatnonzero(letters)
    counts = np.fromiter(map(len, q_words), dtype=np.int64, count=len(q_words))
    if not len(chosen) or not counts.any():
        return out
    bits = np.fromiter((b for words in q_words for b, _ in words), dtype=np.int64)
    weights = np.fromiter((w for words in q_words for _, w in words), dtype=np.float64)
    starts = np.cumsum(counts) - counts
    owners = pair_query[chosen]
    per_pair = counts[owners]
    row = np.repeat(np.arange(len(chosen)), per_pair)
    word = expand_ranges(starts[owners], per_pair)
    hit = (bits[word] & letters[chosen][row]) != 0
    out[chosen] = np.bincount(row[hit], weights=weights[word][hit], minlength=len(chosen))
    return out


def _terms(
    best: NDArray[np.float64],
    kind: NDArray[np.int64] | NDArray[np.int8],
    weight: NDArray[np.float64],
    initial_pair: NDArray[np.bool_],
    alpha_of: NDArray[np.float64],
    target_of: NDArray[np.float64],
    known: NDArray[np.bool_] | None = None,
) -> NDArray[np.float64]:
    """What each token adds to ``A - T D`` at most (the module docstring): its best
    credit less the target, or its unpaired cost when that is less bad (nothing
    for a token that may be ``known`` to be unknown: ``StageOneQuery.truncated``)."""
    credit = np.where(
        best >= scorer.MIN_TOKEN_SIMILARITY,
        100.0 - scorer.PAIR_DEFICIT_GAIN * (100.0 - best),
        CANNOT_PAIR,
    )
    credit = np.where(initial_pair, np.maximum(credit, scorer.INITIAL_CREDIT * 100.0), credit)
    cost = np.where(kind == KIND_CODES["word"], alpha_of, UNPAIRED_COST[kind])
    if known is not None:
        cost = np.where(known, cost, 0.0)
    terms: NDArray[np.float64] = np.maximum(
        (credit - target_of) * weight, -target_of * cost * weight
    )
    return terms
