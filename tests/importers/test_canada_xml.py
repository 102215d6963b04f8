"""Canada's consolidated autonomous sanctions list importer, on an excerpt of sema.xml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sanctions_cli.errors import InputError
from sanctions_cli.importers.canada_xml import import_canada_xml, sniff
from sanctions_cli.model import Alias, Entry, Identifier

from .conftest import FIXTURES, assert_round_trips, by_id

SEMA = FIXTURES / "canada_xml" / "sema.xml"


@pytest.fixture(scope="module")
def entries() -> dict[str, Entry]:
    return by_id(import_canada_xml([SEMA]))


def test_counts_meta_round_trip() -> None:
    lst = import_canada_xml([SEMA])
    assert len(lst.entries) == 20
    assert lst.meta.id == "canada-sema"
    assert lst.meta.as_of is None
    assert {e.type for e in lst.entries} == {"person", "organization", "vessel"}
    assert_round_trips(lst)


def test_person(entries: dict[str, Entry]) -> None:
    person = entries["ca-belarus-1-part-1-item-1"]
    assert person.name == "Khazalbek Bakhtibekovich Atabekov"
    (listing,) = person.listings
    assert listing.program == "Belarus"
    assert listing.reference == "Schedule 1, Part 1, item 1"
    assert listing.listed_on == dt.date(2020, 9, 28)


def test_vessel(entries: dict[str, Entry]) -> None:
    ship = entries["ca-russia-1-1-item-1"]
    assert ship.type == "vessel"
    assert ship.identifiers == (Identifier("IMO", "7612448"),)
    assert [d.text for d in ship.birth_dates] == ["1980"]  # build year


def test_aliases_split_and_scripts(entries: dict[str, Entry]) -> None:
    dagalo = entries["ca-sudan-part-1-item-1"]
    assert Alias("Abdelrahim Dagalo") in dagalo.aliases
    assert Alias("عبدالرحيم دقلو", "strong", "Arabic") in dagalo.aliases
    karnienka = entries["ca-belarus-1-part-1-item-108"]
    assert Alias("Александр Владимиравич КАРНИЕНКА", "strong", "Cyrillic") in karnienka.aliases


def test_dates(entries: dict[str, Entry]) -> None:
    assert [d.text for d in entries["ca-venezuela-item-117"].birth_dates] == [
        "1965-07-15",
        "1969-09-28",
    ]
    assert [d.text for d in entries["ca-iran-1-part-2-1-item-70"].birth_dates] == ["1963..1964"]
    assert [d.text for d in entries["ca-china-part-1-item-5"].birth_dates] == ["1955-11"]
    unreadable = entries["ca-sudan-part-1-item-1"]
    assert unreadable.birth_dates == ()
    assert unreadable.remarks == "Date of birth: born in the early 1970s"


def test_sniff() -> None:
    assert sniff(SEMA.read_bytes()[:4096])
    assert not sniff(b"<sdnList>")


def test_bad_listing_date(tmp_path: Path) -> None:
    path = tmp_path / "sema.xml"
    path.write_text(
        SEMA.read_text(encoding="utf-8").replace("2020-09-28", "28.09.2020", 1), encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"row 1, field 'DateOfListing'"):
        import_canada_xml([path])
