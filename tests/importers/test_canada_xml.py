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
    assert len(lst.entries) == 25
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


def test_alternatives_in_an_alias_are_split(entries: dict[str, Entry]) -> None:
    karnienka = entries["ca-belarus-1-part-1-item-108"]
    names = [a.name for a in karnienka.aliases]
    # "Aleksander/ Aleksandr or Alexander /Alexandr Vladimirovich Karnienko": the given
    # names are alternatives of one word, completed from the name they precede.
    assert "Aleksander Vladimirovich Karnienko" in names
    assert "Alexandr Vladimirovich Karnienko" in names
    # "... Карниенко or Карниенка": the surname alone, completed in its own script.
    assert "Александр Владимирович Карниенка" in names
    assert not any("/" in n or " or " in n for n in names)
    dagalo = entries["ca-sudan-part-1-item-1"]
    assert Alias("Abdul Rahim Dagalo") in dagalo.aliases  # "... and Abdelrahim ..."
    kalinin = entries["ca-moldova-part-1-item-8"]
    assert [a.name for a in kalinin.aliases] == [
        "Alexander Valeryevich Kalinin",
        "Alexandr Valerievich Kalinin",  # "or Alexandr ...": the leading "or" dropped
    ]


def test_a_partial_alias_is_completed_from_the_name(entries: dict[str, Entry]) -> None:
    # Left alone, "Andrei" would meet every Andrei with another surname.
    (akimov,) = entries["ca-russia-1-part-1-item-94"].aliases
    assert akimov == Alias("Andrei Igorevich AKIMOV")
    maksimovich = [a.name for a in entries["ca-belarus-1-part-1-item-112"].aliases]
    # "Nikolay or Nikolai / Vasilievich or Vasilyevich Maximavich or Maksimavich ...":
    # "Nikolay" (far from "Mikalai") takes the place of "Nikolai" beside it.
    assert "Nikolay Vasilievich MAKSIMOVICH" in maksimovich
    assert "Mikalai Vasilyevich Maksimovich" in maksimovich
    assert all(len(n.split()) == 3 for n in maksimovich)
    # A nickname is an alias of its own; the surname alone in another script a weak one.
    assert Alias("Hemedti") in entries["ca-sudan-part-1-item-5"].aliases
    baranov = entries["ca-russia-1-part-1-1-item-37"]
    assert Alias("Баранов", "weak", "Cyrillic") in baranov.aliases


def test_an_organisations_slash_separates_but_not_a_legal_forms(tmp_path: Path) -> None:
    xml = tmp_path / "sema.xml"
    xml.write_text(
        "<data-set><record><Country>Russia</Country><EntityOrShip>Trans A/S</EntityOrShip>"
        '<Aliases>ООО "ТРАНСОЙЛ" / ОБЩЕСТВО "ТРАНСОЙЛ", Trans A/S Holding and Co</Aliases>'
        "<Schedule>1</Schedule><Item>7</Item></record></data-set>",
        encoding="utf-8",
    )
    (entry,) = import_canada_xml([xml]).entries
    assert [a.name for a in entry.aliases] == [
        'ООО "ТРАНСОЙЛ"',
        'ОБЩЕСТВО "ТРАНСОЙЛ"',
        "Trans A/S Holding and Co",
    ]


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
