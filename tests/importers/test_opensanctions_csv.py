"""OpenSanctions targets.simple.csv importer, on an excerpt of the Ukraine War and Sanctions
dataset export (2026-03)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sanctions_cli.errors import InputError
from sanctions_cli.importers import ImportNotice
from sanctions_cli.importers.opensanctions_csv import import_opensanctions_csv, sniff
from sanctions_cli.model import Alias, Entry, Identifier

from .conftest import FIXTURES, assert_round_trips, by_id

TARGETS = FIXTURES / "opensanctions_csv" / "targets.simple.csv"
HEADER = (
    '"id","schema","name","aliases","birth_date","countries","addresses","identifiers",'
    '"sanctions","phones","emails","program_ids","dataset","first_seen","last_seen",'
    '"last_change"\n'
)


@pytest.fixture(scope="module")
def entries() -> dict[str, Entry]:
    return by_id(import_opensanctions_csv([TARGETS]))


def test_meta_counts_round_trip() -> None:
    lst = import_opensanctions_csv([TARGETS])
    assert len(lst.entries) == 24
    assert lst.meta.id == "opensanctions-ukraine-war-and-sanctions"
    assert lst.meta.as_of == dt.date(2026, 3, 13)
    assert {e.type for e in lst.entries} == {"person", "organization", "vessel"}
    assert_round_trips(lst)


def test_person(entries: dict[str, Entry]) -> None:
    person = entries["os-NK-kZjqDJTdUY8C8SabCkBFEq"]
    assert person.name == "ZAVALISHINA Oksana Pavlovna"
    assert Alias("ЗАВАЛИШИНА Оксана Павловна", "strong", "Cyrillic") in person.aliases
    assert [d.text for d in person.birth_dates] == ["1973-06-23", "1974-06-23"]
    assert person.countries == ("RU", "UA")
    (listing,) = person.listings
    assert listing.authority == "Ukraine War and Sanctions"
    assert listing.reference == "NK-kZjqDJTdUY8C8SabCkBFEq"
    assert listing.listed_on is not None  # first_seen as the fallback listing date


def test_vessel_and_quoted_multi_values(entries: dict[str, Entry]) -> None:
    vessel = entries["os-NK-24cf2zYe7LEKhr2zFck73j"]
    assert vessel.type == "vessel"
    assert Identifier("IMO", "9253325") in vessel.identifiers
    assert vessel.listings[0].program == "UA-WS-MARE"
    nikea = entries["os-NK-2JjbBAi4RKwEY5JEyFMzXn"]
    assert nikea.aliases[0].name.endswith('INITIATIVES "NIKEA"')
    assert nikea.remarks and nikea.remarks.startswith("Participates")  # long sanctions text


def test_short_sanctions_text_is_the_basis(entries: dict[str, Entry]) -> None:
    kemz = entries["os-NK-3kjeE6Du6u5ctWbEEMXJHQ"]
    assert kemz.listings[0].basis and kemz.listings[0].basis.startswith("Manufacturer of radar")


def test_sniff() -> None:
    assert sniff(TARGETS.read_bytes()[:4096])
    assert not sniff(b'23214,"KIM, Jong Sik"')


def test_other_schemas_skipped_with_notice(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        HEADER + '"x1","CryptoWallet","w","","","","","","","","","","D","2025-01-01","",""\n'
        '"x2","Person","A B","","1970","zz","","","","","","","D","2025-01-01","",""\n',
        encoding="utf-8",
    )
    with pytest.warns(ImportNotice, match="1 CryptoWallet"):
        lst = import_opensanctions_csv([path])
    (entry,) = lst.entries
    assert entry.countries == ()
    assert entry.remarks == "Country zz"  # not a known code: kept as text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '"x","Person","A","","19-01","","","","","","","","D","","",""\n',
            r"row 1, field 'birth_date'",
        ),
        ('"x","Person","","","","","","","","","","","D","","",""\n', r"row 1, field 'name'"),
        ('"x","Person","A","","","","","","","","","","D","yesterday","",""\n', "first_seen"),
    ],
)
def test_bad_rows(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        import_opensanctions_csv([path])


def test_wrong_format(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an OpenSanctions"):
        import_opensanctions_csv([path])
