"""The first-stage bound (``matching.prefilter``) never drops a name that reaches the
threshold: random lists of people and companies (legal forms, particles,
initials, numbers), random queries, every hit of ``compare`` survives."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctions_cli.matching import NameMatcher, scorer
from sanctions_cli.matching.prefilter import special_word_extra, token_factors
from sanctions_cli.model import Entry, Listing
from sanctions_cli.names import prepare_name

from .test_index import _name, _variant

LISTING = (Listing(authority="Test authority", list="Test list"),)
EXTRAS = ["Ltd", "LLC", "Co", "Trading", "J.", "S.", "1", "2", "de", "al", "bin", "Group"]
# Words that read as misspelt legal forms (``scorer.legal_forms_read_as``).
EXTRAS += ["Ltdd", "Curp", "Gmbhh"]


def _rich_name(rng: random.Random) -> str:
    words = _name(rng).split()
    for _ in range(rng.randint(0, 2)):
        words.insert(rng.randint(0, len(words)), rng.choice(EXTRAS))
    return " ".join(words)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 100_000), threshold=st.sampled_from([60.0, 75.0, 85.0, 92.0]))
def test_survivors_include_every_hit(seed: int, threshold: float) -> None:
    rng = random.Random(seed)
    entries = [Entry(f"E{i}", "person", _rich_name(rng), (), LISTING) for i in range(30)]
    matcher = NameMatcher(entries)
    names = [rng.choice(entries).name for _ in range(3)]
    queries = [_variant(n, rng) for n in names] + [_rich_name(rng) for _ in range(3)]
    prepared = [prepare_name(q) for q in queries]
    prepared = [p for p in prepared if p.tokens]
    survivors = matcher.index.survivors_many(
        [(p, matcher._weights_of(p)) for p in prepared], threshold
    )
    candidates = matcher.index.candidates_many([p.tokens for p in prepared], threshold)
    for query, kept, found in zip(prepared, survivors, candidates, strict=True):
        assert set(kept) <= set(found)
        for position in range(len(matcher)):
            score = scorer.compare(query, matcher.prepared[position], matcher.weights).score
            if score >= threshold:
                assert position in kept, (query.tokens, matcher.prepared[position].tokens)


def test_the_bound_prunes_names_sharing_one_common_token() -> None:
    entries = [
        Entry("E1", "person", "Maria Gonzalez Lopez Hernandez", (), LISTING),
        Entry("E2", "person", "Maria Smith", (), LISTING),
    ]
    matcher = NameMatcher(entries)
    query = prepare_name("Maria Smyth")
    (kept,) = matcher.index.survivors_many([(query, matcher._weights_of(query))], 85.0)
    (found,) = matcher.index.candidates_many([query.tokens], 85.0)
    assert found == [0, 1]
    assert kept == [1]


def test_weak_tokens_never_add_more_than_a_strong_one() -> None:
    for threshold in (50.0, 70.0, 85.0, 99.0):
        weak, strong = token_factors(threshold, threshold)
        assert np.all(weak <= strong)


def test_a_query_of_very_many_tokens_keeps_its_hits() -> None:
    """More tokens than the index's bit masks hold: looser bounds, same hits."""
    entries = [
        Entry("E1", "person", "Abdul Rahman Nuristani", (), LISTING),
        Entry("E2", "person", "Jongsik Kimura", (), LISTING),
    ]
    matcher = NameMatcher(entries)
    filler = " ".join(f"Word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(70))
    for query in (f"Abdulrahman Nuristani {filler}", f"{filler} Jong Sik Kimura"):
        key = [(h.ref.name, h.match.score) for h in matcher.search(query, 10.0)]
        brute = [(h.ref.name, h.match.score) for h in matcher.search_brute_force(query, 10.0)]
        assert key == brute
        assert key  # the threshold is low enough for the long query to meet both names


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 100_000))
def test_a_batch_of_queries_gives_what_each_query_alone_gives(seed: int) -> None:
    rng = random.Random(seed)
    entries = [Entry(f"E{i}", "person", _rich_name(rng), (), LISTING) for i in range(30)]
    matcher = NameMatcher(entries)
    queries = [_variant(rng.choice(entries).name, rng) for _ in range(4)]
    queries += [_rich_name(rng) for _ in range(4)]
    prepared = [p for p in (prepare_name(q) for q in queries) if p.tokens]
    pairs = [(p, matcher._weights_of(p)) for p in prepared]
    together = matcher.index.survivors_many(pairs, 80.0)
    alone = [matcher.index.survivors_many([pair], 80.0)[0] for pair in pairs]
    assert together == alone


@pytest.mark.parametrize(
    ("kind", "listed", "query"),
    [
        ("person", "KIM, J. S.", "Kim Jong Sik"),
        ("person", "Kim Jong Sik", "Kim J S"),
        ("person", "SMITH, J.", "John Smith"),
        ("company", "ACME CORP", "Acme Curp"),
        ("company", "DELTA TRADING LTD", "Delta Trading Ltdd"),
    ],
)
def test_words_pairing_with_initials_or_as_legal_forms_survive(
    kind: str, listed: str, query: str
) -> None:
    # A weak word counts a pair just below the cutoff, unless it may pair with an
    # initial of the other name or read as a misspelt legal form (token_factors):
    # "KIM, J. S." met by "Kim Jong Sik" at 85.5 was lost without that exception.
    matcher = NameMatcher(
        [Entry("E1", kind, listed, (), LISTING), Entry("E2", kind, "Other Name Here", (), LISTING)]
    )
    found = []
    for threshold in (60.0, 75.0, 80.0, 85.0, 90.0):
        indexed = [h.match.score for h in matcher.search(query, threshold)]
        assert indexed == [h.match.score for h in matcher.search_brute_force(query, threshold)]
        found.append(bool(indexed))
    assert found[3]  # a hit at 85


def test_a_plain_weak_word_adds_less_than_one_that_may_pair_as_an_initial() -> None:
    weak, strong = token_factors(85.0 - 0.05, 85.0 - 0.05)
    assert special_word_extra(85.0 - 0.05, 85.0 - 0.05) > 0
    assert special_word_extra(99.0, 99.0) == 0.0  # above the initial credit: no exception
    assert np.all(weak <= strong)


def test_words_of_both_names_that_cannot_pair_are_counted_as_contradicted() -> None:
    # One surname shared; the other words of both names pair with nothing: they
    # contradict each other (scorer.CONTRADICTION_FACTOR), far from 85.  Other
    # names around, so that the surname is rare and an omission cheap.
    rng = random.Random(5)
    entries = [Entry("E1", "person", "DIXON, Ian Thomas", (), LISTING)]
    entries += [Entry(f"F{i}", "person", _name(rng), (), LISTING) for i in range(300)]
    matcher = NameMatcher(entries)
    query = prepare_name("Amelia Dixon")
    assert scorer.compare(query, matcher.prepared[0], matcher.weights).score < 60
    (kept,) = matcher.index.survivors_many([(query, matcher._weights_of(query))], 85.0)
    (found,) = matcher.index.candidates_many([query.tokens], 85.0)
    assert 0 in found
    assert 0 not in kept


def _survivors_with_limit(
    matcher: NameMatcher,
    prepared: list,
    threshold: float,
    limit: int,
    monkeypatch: pytest.MonkeyPatch,
) -> list[list[int]]:
    from sanctions_cli.matching import index as index_module

    monkeypatch.setattr(index_module, "DEFERRED_OPTION_POSTINGS", limit)
    matcher.index.forget()
    return matcher.index.survivors_many([(p, matcher._weights_of(p)) for p in prepared], threshold)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 100_000), threshold=st.sampled_from([60.0, 75.0, 85.0, 92.0]))
def test_held_back_postings_change_no_survivor(seed: int, threshold: float) -> None:
    """Options of many postings held back (here: of more than two) leave the first
    bound's survivors exactly as counting every posting does."""
    rng = random.Random(seed)
    entries = [Entry(f"E{i}", "person", _rich_name(rng), (), LISTING) for i in range(30)]
    entries += [Entry(f"C{i}", "company", f"{_rich_name(rng)} LLC", (), LISTING) for i in range(10)]
    matcher = NameMatcher(entries)
    queries = [_variant(rng.choice(entries).name, rng) for _ in range(4)]
    queries += [_rich_name(rng) for _ in range(4)] + [f"{_rich_name(rng)} LLC"]
    prepared = [p for p in (prepare_name(q) for q in queries) if p.tokens]
    with pytest.MonkeyPatch.context() as patch:
        every = _survivors_with_limit(matcher, prepared, threshold, 10**9, patch)
        held = _survivors_with_limit(matcher, prepared, threshold, 2, patch)
    assert held == every


def test_names_of_held_back_options_alone_keep_their_postings() -> None:
    """A listed name of little but legal forms could reach a query through them
    alone: its postings are never held back; another name's are."""
    entries = [
        Entry(f"C{i}", "company", f"Firm{chr(97 + i)}word LLC", (), LISTING) for i in range(8)
    ]
    entries.append(Entry("X", "company", "LLC CORP LLC", (), LISTING))
    matcher = NameMatcher(entries)
    index = matcher.index
    assert index.prefilter is not None
    target = 85.0 - 0.05
    deferral = index.prefilter.deferral(
        target, index.cutoff(85.0), index.posting_names, index.posting_pointers, 2
    )
    held_names = set(index.posting_names[deferral.held].tolist())
    assert len(entries) - 1 not in held_names  # "LLC CORP LLC"
    assert held_names  # the firms' "llc"
    assert deferral.most <= 0.0
    query = prepare_name("Firmbword LLC")
    with pytest.MonkeyPatch.context() as patch:
        every = _survivors_with_limit(matcher, [query], 85.0, 10**9, patch)
        held = _survivors_with_limit(matcher, [query], 85.0, 2, patch)
    assert held == every
    assert 1 in held[0]
