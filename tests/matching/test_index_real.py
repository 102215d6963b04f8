"""Losslessness on real listed names: a slice of the OFAC SDN list (when the official
files are beside the repository), searched with spelling variants of its names and
with unrelated names, gives exactly the hits of scoring every name."""

from __future__ import annotations

import random
import warnings
from pathlib import Path

import pytest

from sanctions_cli.matching import NameHit, NameMatcher

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "lists"
OFAC = SHARED / "ofac-sdn-2023-12-28"
# Entries of the slice: enough for common tokens (Mohammed, Kim, Garcia) to bring
# dozens of candidates, few enough for brute force to stay quick.
SLICE = 500


def _key(hits: list[NameHit]) -> list[tuple[int, str, float]]:
    return sorted((h.ref.entry_index, h.ref.name, h.match.score) for h in hits)


@pytest.mark.skipif(not OFAC.is_dir(), reason="official lists absent")
def test_real_names_indexed_equals_brute_force() -> None:
    from sanctions_cli.loading import load_lists

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (ofac,) = load_lists([OFAC])
    rng = random.Random(5)
    entries = rng.sample(list(ofac.entries), SLICE)
    matcher = NameMatcher(entries)
    names = [n for e in entries for n, _, _ in e.all_names()]
    queries = []
    for name in rng.sample(names, 20):
        chars = list(name)
        position = rng.randrange(len(chars))
        chars[position] = rng.choice("aeiouhk ")
        queries.append("".join(chars))
    queries += ["Mohammed Ali Hassan", "Maria Garcia Lopez", "Kim Jong Sik", "Ivan Petrov"]
    queries += ["Banco Nacional", "Sea Star Shipping Co Ltd", "Abu Bakr", "Jose Luis Martinez"]
    found = 0
    for threshold in (75.0, 85.0):
        for query in queries:
            indexed = matcher.search(query, threshold)
            assert _key(indexed) == _key(matcher.search_brute_force(query, threshold)), query
            found += bool(indexed)
    assert found > 10
