"""Prepared listed names packed for the cache (``matching.packed``) come back equal,
field for field, and a matcher from its cached state uses them."""

from __future__ import annotations

import dataclasses
import pickle

from sanctions_cli.matching import NameMatcher
from sanctions_cli.matching.packed import PackedNames, PackedRows
from sanctions_cli.model import Alias, Entry, Listing
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


def test_rows_packed_come_back_equal_and_pickle() -> None:
    rows = [
        (0, "KIM, Jong Sik", "strong", True),
        (0, "Jong-Sik Kim", "weak", False),
        (7, "김정식", "strong", False),
        (9, "", "weak", True),
    ]
    packed = PackedRows.pack(rows)
    assert list(packed) == rows and len(packed) == len(rows)
    assert packed[1] == rows[1] and packed[1:3] == rows[1:3]
    assert packed.strong().tolist() == [True, False, True, False]
    again = pickle.loads(pickle.dumps(packed, protocol=5))
    assert list(again) == rows
    assert PackedRows.pack(packed) is packed


def test_a_cached_matcher_keeps_its_rows_and_strong_names() -> None:
    entries = [
        Entry(
            id=f"e{i}",
            type="person",
            name=name,
            listings=LISTING,
            aliases=(Alias(name="Jong-Sik Kim", strength="weak"),) if i == 0 else (),
        )
        for i, name in enumerate(NAMES[:3])
    ]
    built = NameMatcher(entries)
    restored = NameMatcher(entries, _state=pickle.loads(pickle.dumps(built.state(), protocol=5)))
    assert list(restored.refs) == list(built.refs)
    assert (
        restored._strong_names()
        == built._strong_names()
        == [ref.strength == "strong" for ref in built.refs]
    )
