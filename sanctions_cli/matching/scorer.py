"""Score how similar two prepared names are, and say why.

The score (0-100) is a length-weighted alignment of tokens: every query token is
paired with at most one listed-name token (best pairs first), so token order does
not matter and a shared token cannot be counted twice.  Adjacent tokens may be
paired as one compound, so ``Jong-Sik``, ``Jong Sik`` and ``Jongsik`` agree.
Tokens left unpaired on either side count as zero, so a shared ``Kim`` alone
cannot reach the threshold.

Contract with the candidate index (``matching.index``), which must stay lossless:

* ``token_similarity(a, b)`` is the best ``rapidfuzz.fuzz.ratio`` of the two tokens
  over the views in ``TOKEN_VIEWS`` (0 for unequal short tokens), so an index can
  find every token within a similarity by searching each view's vocabulary;
* the score of a name pair never exceeds the best similarity of its token pairs
  plus ``MAX_SCORE_BONUS``: adjustments may lower a score, never raise it past that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Match, TokenPair
from ..names import PreparedName

# A pair of tokens whose similarity is below this (0-100) is not a pair at all:
# two unrelated tokens of similar letters ("sik"/"sin") would otherwise add score.
MIN_TOKEN_SIMILARITY = 60.0

# Tokens this short (initials, "al", "de") must be equal to pair: one letter of
# difference in a two-letter token is a different token.
EXACT_TOKEN_MAX_LEN = 2


# Upper bound of what adjustments may add to the token alignment score (see the
# module docstring): the candidate index searches at ``threshold - MAX_SCORE_BONUS``.
MAX_SCORE_BONUS = 0.0


def _identity(token: str) -> str:
    return token


# Views of a token under which similarity is measured; the similarity of two
# tokens is the best ratio over all views.
TOKEN_VIEWS: tuple[Callable[[str], str], ...] = (_identity,)


@dataclass(frozen=True, slots=True)
class _Option:
    text: str
    positions: frozenset[int]


def _options(tokens: tuple[str, ...]) -> list[_Option]:
    """Every token, and every pair of adjacent tokens joined as one compound."""
    options = [_Option(t, frozenset((i,))) for i, t in enumerate(tokens)]
    options.extend(
        _Option(tokens[i] + tokens[i + 1], frozenset((i, i + 1))) for i in range(len(tokens) - 1)
    )
    return options


def token_similarity(a: str, b: str) -> float:
    """Similarity of two tokens on 0-100: the best Indel ratio over ``TOKEN_VIEWS``,
    with exactness for short tokens."""
    if a == b:
        return 100.0
    if min(len(a), len(b)) <= EXACT_TOKEN_MAX_LEN:
        return 0.0
    return max(fuzz.ratio(view(a), view(b)) for view in TOKEN_VIEWS)


def compare(query: PreparedName, candidate: PreparedName) -> Match:
    """Compare a screened name with a listed name."""
    q_tokens, c_tokens = query.tokens, candidate.tokens
    total = sum(map(len, q_tokens)) + sum(map(len, c_tokens))
    if not q_tokens or not c_tokens or total == 0:
        return Match(0.0, query.normalised, candidate.normalised)
    scored: list[tuple[float, int, _Option, _Option]] = []
    for q_opt in _options(q_tokens):
        for c_opt in _options(c_tokens):
            similarity = token_similarity(q_opt.text, c_opt.text)
            if similarity >= MIN_TOKEN_SIMILARITY:
                weight = len(q_opt.text) + len(c_opt.text)
                scored.append((similarity, weight, q_opt, c_opt))
    # Best pairs first; among equal similarity the longer pair wins, so a compound
    # "jongsik" = "jong"+"sik" pairing beats two weaker single-token pairs.
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs: list[TokenPair] = []
    achieved = 0.0
    for similarity, weight, q_opt, c_opt in scored:
        if used_q & q_opt.positions or used_c & c_opt.positions:
            continue
        used_q |= q_opt.positions
        used_c |= c_opt.positions
        pairs.append(TokenPair(q_opt.text, c_opt.text, round(similarity, 1)))
        achieved += similarity * weight
    score = achieved / total
    return Match(
        score=round(score, 1),
        query_normalised=query.normalised,
        candidate_normalised=candidate.normalised,
        pairs=tuple(pairs),
    )
