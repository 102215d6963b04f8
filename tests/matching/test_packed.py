"""Prepared listed names packed for the cache (``matching.packed``) come back equal,
field for field, and a matcher from its cached state uses them."""

from __future__ import annotations

import dataclasses
import pickle

from sanctions_cli.matching import NameMatcher
from sanctions_cli.matching.packed import PackedNames
from sanctions_cli.model import Entry, Listing
from sanctions_cli.names import PreparedName, prepare_name

LISTING = (Listing(authority="Test authority", list="Test list"),)
NAMES = [
    "KIM, Jong Sik",
    "Hans-Peter MÜLLER",
    "김정식",
    "ACME TRADING LTD",
    "محمد بن سلمان",
    "Mr John Smith",
    "",
]


def _fields(name: PreparedName) -> tuple[object, ...]:
    # Every field, those left out of equality (surname, hyphen groups) too.
    return tuple(getattr(name, f.name) for f in dataclasses.fields(PreparedName))


def test_packed_names_come_back_field_for_field() -> None:
    names = [prepare_name(n) for n in NAMES]
    names.append(dataclasses.replace(names[3], entity_organisation=True, entity_vessel=True))
    packed = PackedNames.pack(names)
    assert len(packed) == len(names)
    assert packed.readable
    for position, name in enumerate(names):
        assert _fields(packed.get(position)) == _fields(name)


def test_a_matcher_from_its_state_unpacks_its_listed_names() -> None:
    entries = [
        Entry("P1", "person", "KIM, Jong Sik", (), LISTING),
        Entry("C1", "company", "ACME TRADING LTD", (), LISTING),
        Entry("V1", "vessel", "SEA STAR", (), LISTING),
    ]
    built = NameMatcher(entries)
    state = pickle.loads(pickle.dumps(built.state()))
    loaded = NameMatcher(entries, _state=state)
    assert loaded.prepared._packed is not None
    for position in range(len(built)):
        assert _fields(loaded.prepared[position]) == _fields(built.prepared[position])
    assert loaded.prepared[2].entity_vessel
    assert [h.ref.name for h in loaded.search("Kim Jong Sik", 85.0)] == ["KIM, Jong Sik"]
    # The index's tables come with it: a given name joined and romanised otherwise.
    assert [h.ref.name for h in loaded.search("Kim Chongsik", 85.0)] == ["KIM, Jong Sik"]


def test_a_packing_by_another_marshal_is_not_read() -> None:
    entries = [Entry("P1", "person", "KIM, Jong Sik", (), LISTING)]
    state = NameMatcher(entries).state()
    state["prepared"] = dataclasses.replace(state["prepared"], writer=(0, (2, 7)))
    loaded = NameMatcher(entries, _state=state)
    assert loaded.prepared._packed is None
    assert loaded.prepared[0] == prepare_name("KIM, Jong Sik")
