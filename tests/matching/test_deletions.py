"""Deletion neighbourhoods find exactly the texts within an Indel ratio."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from sanctions_cli.matching.deletions import MAX_DEPTH, DeletionIndex, required_depths

WORDS = st.text(alphabet="abcdehiklmnorsu", min_size=1, max_size=18)
# Letters outside ASCII too: the index reads such texts by their code points.
MIXED_WORDS = st.text(alphabet="abeéhи한", min_size=1, max_size=14)


@settings(max_examples=150, deadline=None)
@given(
    vocabulary=st.lists(WORDS, min_size=1, max_size=40, unique=True),
    query=WORDS,
    cutoff=st.sampled_from([70.0, 80.0, 84.95, 85.0, 89.95, 95.0]),
)
def test_search_finds_every_text_within_the_cutoff(
    vocabulary: list[str], query: str, cutoff: float
) -> None:
    _check_search(vocabulary, query, cutoff)


@settings(max_examples=60, deadline=None)
@given(
    vocabulary=st.lists(MIXED_WORDS, min_size=1, max_size=30, unique=True),
    query=MIXED_WORDS,
    cutoff=st.sampled_from([70.0, 84.95, 90.0]),
)
def test_search_of_texts_beyond_ascii(vocabulary: list[str], query: str, cutoff: float) -> None:
    _check_search(vocabulary, query, cutoff)


def _check_search(vocabulary: list[str], query: str, cutoff: float) -> None:
    texts = sorted(vocabulary, key=lambda t: (len(t), t))
    index = DeletionIndex(texts)
    lengths = sorted({len(t) for t in texts})
    found, uncovered = index.search(query, lengths, cutoff)
    found_set = set(found.tolist())
    for position, text in enumerate(texts):
        if fuzz.ratio(query, text) >= cutoff and len(text) not in uncovered:
            assert position in found_set, (query, text, cutoff)
    for length in uncovered:
        depths = required_depths(len(query), length, cutoff)
        assert depths is not None and (max(depths) > MAX_DEPTH or length > index.max_length)


def test_a_word_and_its_one_letter_variants() -> None:
    texts = sorted(["kimjongsik", "kimjongsk", "kimjongsikk", "kimchongsik", "parkjisung"])
    texts.sort(key=len)
    found, uncovered = DeletionIndex(texts).search("kimjongsik", [9, 10, 11], 85.0)
    assert not uncovered
    assert {texts[p] for p in found.tolist()} >= {"kimjongsik", "kimjongsk", "kimjongsikk"}
    assert "parkjisung" not in {texts[p] for p in found.tolist()}
