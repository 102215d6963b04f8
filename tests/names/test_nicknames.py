"""Given names and their nicknames (``names.nicknames``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.names import nicknames


def test_the_cached_relations_are_the_packages() -> None:
    """Every word of the ``nicknames`` table is related to what the package's own
    lookups give (its full names and its nicknames, filtered as the docstring says),
    from a freshly built table and from the one read back from the disk cache."""
    from nicknames import NickNamer

    namer = NickNamer()
    words = {w for full, nicks in NickNamer.default_lookup().items() for w in (full, *nicks)}
    nicknames._relations.cache_clear()
    built = nicknames._relations()  # built (the test's cache directory is new)...
    nicknames._relations.cache_clear()
    read = nicknames._relations()  # ...then read back
    assert read == built and read is not built
    assert len(words) > 2000
    for word in words:
        expected = {
            name
            for name in namer.canonicals_of(word) | namer.nicknames_of(word)
            if len(name) >= nicknames.MIN_LETTERS and name != word
        }
        assert read.get(word, frozenset()) == expected, word


def test_a_name_and_its_nickname_are_related_both_ways() -> None:
    assert nicknames.are_related("bob", "robert")
    assert nicknames.are_related("robert", "bob")
    assert nicknames.are_related("ted", "theodore")
    assert not nicknames.are_related("bob", "bill")  # two nicknames (of Robert, William)
    assert nicknames.related("al") == frozenset()  # two letters: an initial's length
    assert nicknames.related("zzyzx") == frozenset()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Bob Smith", "SMITH, Robert"),
        ("Ted Doe", "Theodore Doe"),
        ("Bill Clinton", "CLINTON, William Jefferson"),
    ],
)
def test_a_nickname_meets_the_full_given_name(query: str, listed: str) -> None:
    match = compare_names(query, listed)
    assert match.score >= 85.0
    assert any(p.score == 90.0 for p in match.pairs)  # scorer.NICKNAME_SIMILARITY


def test_a_nickname_with_another_surname_is_someone_else() -> None:
    assert compare_names("Bob Jones", "SMITH, Robert").score < 85.0


@pytest.mark.parametrize("threshold", [70.0, 85.0, 95.0])
def test_nickname_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    listed = ["SMITH, Robert", "DOE, Theodore", "CLINTON, William Jefferson", "BOBROV, Ted"]
    queries = ["Bob Smith", "Ted Doe", "Bill Clinton", "Robert Bobrov", "Theodore Smith"]
    matcher = search_equals_brute_force(listed, queries, threshold)
    if threshold <= 85.0:
        assert "SMITH, Robert" in {h.ref.name for h in matcher.search("Bob Smith", threshold)}
