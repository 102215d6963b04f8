"""A proposed ``scorer.score_bound`` for the scorer as it is now (a prototype, not used
by the package): what the candidate index could skip with it.

``NameMatcher`` calls ``scorer.score_bound(query, candidate, query_pairable,
candidate_pairable, weights)`` when the scorer defines it.  For the current
``compare`` (rarity-weighted alignment, contradiction and omission penalties,
cap at the best pair):

* every pair's credit is at most 100, so ``achieved <= 100 * MW`` (``MW``: the
  weights of the paired tokens);
* the denominator is at least ``MW + CONTRADICTION_FACTOR * min(q_raw, c_raw)``,
  where ``*_raw`` is the capped length of each side's unpaired words (initials:
  ``INITIAL_CONTRADICTION_LENGTH``);
* a pair's credit grows with its similarity, which is at most the best similarity
  of each token it covers (the index's ``token_bests``); an initial facing a word
  of its letter earns ``INITIAL_CREDIT``; a token with neither cannot be paired;

so ``score <= max over sets of pairable tokens of sum(w * credit) / (sum(w) + D)``
with ``D = CONTRADICTION_FACTOR * min(Uq, Uc)`` (``Uq``/``Uc``: the raw lengths of
the tokens that cannot pair), and at most the best similarity (the cap);
penalties only lower it.  A shared common token alone (``Maria`` in
``Maria Garcia Lopez`` and ``Maria Ivanova``) leaves the rest of both names
unpaired, and the bound falls far below any threshold.

The scorer's engineer owns the formula: this belongs in ``scorer`` (next to the
code it bounds, changed with it, property-tested against ``compare``).
``bench_screen.py --proposed-bound`` measures it and checks the hits stay identical.
"""

from __future__ import annotations

from typing import Any

from sanctions_cli.matching import scorer
from sanctions_cli.names import PreparedName


def _initial_pairable(name: PreparedName, other: PreparedName) -> int:
    """Tokens of ``name`` that compare() may pair with ``other`` as an initial pair."""
    pairs = tuple(zip(other.tokens, other.kinds, strict=True))
    other_initials = {t[0] for t, k in pairs if k == "initial"}
    other_words = {t[0] for t, k in pairs if k == "word"}
    mask = 0
    for index, (token, kind) in enumerate(zip(name.tokens, name.kinds, strict=True)):
        if (kind == "initial" and token[0] in other_words) or (
            kind == "word" and token[0] in other_initials
        ):
            mask |= 1 << index
    return mask


_WEIGHTS: dict[tuple[PreparedName, int], list[float]] = {}


def _weights(name: PreparedName, weights: Any) -> list[float]:
    """The scorer's token weights of a name, memoised (listed names recur as candidates)."""
    key = (name, id(weights))
    found = _WEIGHTS.get(key)
    if found is None:
        if len(_WEIGHTS) > 200_000:
            _WEIGHTS.clear()
        found = _WEIGHTS[key] = scorer._token_weights(name, weights)[0]
    return found


def _credit(similarity: float) -> float:
    if similarity < scorer.MIN_TOKEN_SIMILARITY:
        return 0.0
    return max(0.0, 100.0 - scorer.PAIR_DEFICIT_GAIN * (100.0 - similarity))


def _side(
    name: PreparedName, best: tuple[float, ...], initials: int, weights: Any
) -> tuple[list[tuple[float, float]], float]:
    """(credit bound, weight) of each token that can pair; raw length of those that cannot."""
    token_weights = _weights(name, weights)
    can: list[tuple[float, float]] = []
    cannot = 0.0
    for index, (token, kind) in enumerate(zip(name.tokens, name.kinds, strict=True)):
        credit = _credit(best[index])
        if initials >> index & 1:
            credit = max(credit, scorer.INITIAL_CREDIT * 100.0)
        if credit > 0:
            can.append((credit, token_weights[index]))
        elif kind == "initial":
            cannot += scorer.INITIAL_CONTRADICTION_LENGTH
        elif kind == "word":
            cannot += min(len(token), scorer.WORD_LENGTH_CAP)
    return can, cannot


def score_bound(
    query: PreparedName,
    candidate: PreparedName,
    query_best: tuple[float, ...],
    candidate_best: tuple[float, ...],
    weights: Any,
) -> float:
    """Upper bound of ``compare(query, candidate, weights).score`` (see the module docstring).

    ``score = achieved / (MW + D)`` with ``achieved <= sum(weight * credit)`` over
    the paired tokens and ``D >= CONTRADICTION_FACTOR * min(Uq, Uc)``; over every
    set of tokens that could be paired, that ratio is largest for a prefix of the
    tokens sorted by credit, so the best prefix bounds it.
    """
    best_similarity = max(query_best, default=0.0)
    if best_similarity < scorer.MIN_TOKEN_SIMILARITY:
        return 0.0
    q_can, q_cannot = _side(query, query_best, _initial_pairable(query, candidate), weights)
    c_can, c_cannot = _side(candidate, candidate_best, _initial_pairable(candidate, query), weights)
    floor = scorer.CONTRADICTION_FACTOR * min(q_cannot, c_cannot)
    achieved = matched = bound = 0.0
    for credit, weight in sorted(q_can + c_can, reverse=True):
        achieved += credit * weight
        matched += weight
        if matched > 0:
            bound = max(bound, achieved / (matched + floor))
    return min(bound, best_similarity + scorer.MAX_SCORE_BONUS)


def install() -> None:
    """Make this bound the scorer's (in this process): ``scorer.score_bound``."""
    scorer.score_bound = score_bound  # type: ignore[attr-defined]


def uninstall() -> None:
    if hasattr(scorer, "score_bound"):
        del scorer.score_bound  # type: ignore[attr-defined]
