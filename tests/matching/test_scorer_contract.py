"""The scorer's contract with the candidate index (see ``matching.scorer``).

1. ``token_similarity`` is the best ratio over ``TOKEN_VIEWS`` (0 for unequal short tokens);
2. ``compare(q, c).score`` never exceeds the best ``token_similarity`` of an option
   pair plus ``MAX_SCORE_BONUS``, whatever the weights;
3. the options ``compare`` pairs are exactly ``token_options`` of the tokens.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from sanctions_cli.matching.scorer import (
    EXACT_TOKEN_MAX_LEN,
    MAX_SCORE_BONUS,
    MAX_VARIANT_SIMILARITY,
    TOKEN_VIEWS,
    TokenWeights,
    compare,
    loose_skeleton,
    loose_skeletons,
    reading_similarity_bound,
    syllable_similarity,
    token_options,
    token_similarity,
    transposition_similarity,
)
from sanctions_cli.names import prepare_name, skeleton_view

# Letters, digits and separators, with some non-Latin letters and name-like
# pieces so that legal forms, particles, initials and numbers all occur.
PIECES = st.sampled_from(
    [
        "kim",
        "jong",
        "sik",
        "ri",
        "pyong",
        "chol",
        "al",
        "bin",
        "abd",
        "mohammed",
        "muhammad",
        "ltd",
        "llc",
        "jsc",
        "co",
        "j.",
        "s",
        "1",
        "2",
        "iv",
        "forty",
        "four",
        "ooo",
        "gazprom",
        "путин",
        "김정식",
        "习近平",
        "محمد",
        "the",
        "of",
    ]
)
WORD = st.one_of(PIECES, st.text(alphabet="abcdehijklmnoprstuvyz019", min_size=1, max_size=9))
NAME = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
WEIGHTS = TokenWeights.from_names([prepare_name(n) for n in ("Kim Jong Sik", "Kim Il", "Ri Chol")])


def best_pair_similarity(query: str, candidate: str) -> float:
    q_options = token_options(prepare_name(query).tokens)
    c_options = token_options(prepare_name(candidate).tokens)
    return max(
        (token_similarity(a, b) for a in q_options for b in c_options),
        default=0.0,
    )


@settings(max_examples=400, deadline=None)
@given(NAME, NAME)
def test_score_never_exceeds_best_token_pair(query: str, candidate: str) -> None:
    bound = best_pair_similarity(query, candidate) + MAX_SCORE_BONUS
    q, c = prepare_name(query), prepare_name(candidate)
    for weights in (None, WEIGHTS, TokenWeights.from_names([], use_prior=False)):
        assert compare(q, c, weights).score <= bound + 1e-9


@settings(max_examples=200, deadline=None)
@given(NAME, NAME)
def test_pairs_are_option_pairs_of_the_contract(query: str, candidate: str) -> None:
    q, c = prepare_name(query), prepare_name(candidate)
    q_options, c_options = set(token_options(q.tokens)), set(token_options(c.tokens))
    assert [o.text for o in q.options] == token_options(q.tokens)
    for pair in compare(q, c).pairs:
        assert pair.query in q_options and pair.candidate in c_options


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=8), st.text(max_size=8))
def test_token_similarity_definition(a: str, b: str) -> None:
    b = "".join(ch for ch in b.lower() if "a" <= ch <= "z")
    similarity = token_similarity(a, b)
    if a == b:
        assert similarity == 100.0
    elif min(len(a), len(b)) <= EXACT_TOKEN_MAX_LEN:
        # unequal short tokens: only two spellings of one syllable (Ko/Go)
        assert similarity == syllable_similarity(a, b)
        assert similarity in (0.0, MAX_VARIANT_SIMILARITY)
    else:
        views = max(fuzz.ratio(view(a), view(b)) for view in TOKEN_VIEWS)
        loose = max(
            fuzz.ratio(x, y)
            for x in loose_skeletons(skeleton_view(a))
            for y in loose_skeletons(skeleton_view(b))
        )
        assert loose >= fuzz.ratio(
            loose_skeleton(skeleton_view(a)), loose_skeleton(skeleton_view(b))
        )
        views = max(views, loose, reading_similarity_bound(a, b))
        assert similarity == max(views, transposition_similarity(a, b), syllable_similarity(a, b))


def test_token_similarity_counts_a_reading_with_guessed_vowels() -> None:
    # hasin (حسين read with a guessed a) / hussein: h-s-n both, the ya their ei.
    assert token_similarity("hasin", "hussein", loose=False) > max(
        fuzz.ratio(view("hasin"), view("hussein")) for view in TOKEN_VIEWS
    )
    # Other consonants: no reading (mansur / nasir).
    assert token_similarity("mansur", "nasir", loose=False) == max(
        fuzz.ratio(view("mansur"), view("nasir")) for view in TOKEN_VIEWS
    )


def test_token_options_enumerates_singles_and_compounds() -> None:
    assert token_options(("kim", "jong", "sik")) == [
        "kim",
        "jong",
        "sik",
        "kimjong",
        "jongsik",
        "kimjongsik",
    ]
    # numbers never join a compound
    assert token_options(("vessel", "1", "2")) == ["vessel", "1", "2"]


def best_per_token(query: str, candidate: str) -> tuple[list[float], list[float]]:
    """Per token, the best token_similarity of an option covering it (0 below the pair
    floor), or ``LEGAL_PAIR_SIMILARITY`` for a word and a legal form it misspells."""
    from sanctions_cli.matching.scorer import (
        LEGAL_PAIR_SIMILARITY,
        LOOSE_CONSONANT_SCRIPTS,
        MIN_TOKEN_SIMILARITY,
        pairs_as_legal_form,
    )
    from sanctions_cli.names import token_kind
    from sanctions_cli.names import token_options as options_with_masks

    def legal_pair(a: str, b: str) -> bool:
        kinds = (token_kind(a), token_kind(b))
        return (kinds == ("word", "legal") and pairs_as_legal_form(a, b)) or (
            kinds == ("legal", "word") and pairs_as_legal_form(b, a)
        )

    q, c = prepare_name(query), prepare_name(candidate)
    q_best = [0.0] * len(q.tokens)
    c_best = [0.0] * len(c.tokens)
    c_options = options_with_masks(c.tokens)
    loose = bool({q.script, c.script} & LOOSE_CONSONANT_SCRIPTS)
    for q_text, q_mask in options_with_masks(q.tokens):
        for c_text, c_mask in c_options:
            similarity = token_similarity(q_text, c_text, loose=loose)
            singles = not (q_mask & (q_mask - 1) or c_mask & (c_mask - 1))
            if singles and legal_pair(q_text, c_text):
                similarity = max(similarity, LEGAL_PAIR_SIMILARITY)
            if similarity < MIN_TOKEN_SIMILARITY:
                continue
            for i in range(len(q.tokens)):
                if q_mask >> i & 1:
                    q_best[i] = max(q_best[i], similarity)
            for j in range(len(c.tokens)):
                if c_mask >> j & 1:
                    c_best[j] = max(c_best[j], similarity)
    return q_best, c_best


@settings(max_examples=400, deadline=None)
@given(NAME, NAME, st.sampled_from([60.0, 75.0, 85.0, 95.0]))
def test_can_reach_never_drops_a_hit(query: str, candidate: str, threshold: float) -> None:
    from sanctions_cli.matching.scorer import can_reach

    q, c = prepare_name(query), prepare_name(candidate)
    q_best, c_best = best_per_token(query, candidate)
    for weights in (None, WEIGHTS):
        if compare(q, c, weights).score >= threshold:
            assert can_reach(q, c, q_best, c_best, threshold, weights)


def test_can_reach_prunes() -> None:
    from sanctions_cli.matching.scorer import can_reach

    for query, candidate in (
        ("Mohammed Ali Hassan", "Mohammed Yusuf Qasim Rahimi"),
        ("Kim", "Kim Jong Sik"),
    ):
        q, c = prepare_name(query), prepare_name(candidate)
        q_best, c_best = best_per_token(query, candidate)
        assert not can_reach(q, c, q_best, c_best, 85.0)
