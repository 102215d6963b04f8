"""UN Security Council Consolidated List importer, on an excerpt of the 2026-02-27 file."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from sanctions_cli.errors import InputError
from sanctions_cli.importers.un_xml import import_un_xml, sniff
from sanctions_cli.model import Alias, Entry, Identifier

from .conftest import FIXTURES, assert_round_trips, by_id

UN = FIXTURES / "un_xml" / "consolidated.xml"


@pytest.fixture(scope="module")
def entries() -> dict[str, Entry]:
    return by_id(import_un_xml([UN]))


def test_meta_and_counts() -> None:
    lst = import_un_xml([UN])
    assert lst.meta.id == "un-consolidated"
    assert lst.meta.as_of == dt.date(2026, 2, 27)
    assert sum(e.type == "person" for e in lst.entries) == 15
    assert sum(e.type == "organization" for e in lst.entries) == 4
    assert_round_trips(lst)


def test_kim_jong_sik(entries: dict[str, Entry]) -> None:
    kim = entries["un-KPi.066"]
    assert kim.name == "KIM JONG SIK"
    assert kim.aliases == (Alias("Kim Cho’ng-sik", "strong"),)  # curly apostrophe kept
    (listing,) = kim.listings
    assert listing.authority == "UN Security Council"
    assert listing.list == "UN Security Council Consolidated List"
    assert (listing.program, listing.reference) == ("DPRK", "KPi.066")
    assert listing.listed_on == dt.date(2017, 12, 22)
    assert [d.text for d in kim.birth_dates] == ["1967..1969"]
    assert kim.nationalities == ("KP",)
    assert kim.gender == "male"  # from "Gender: male" in COMMENTS1


def test_ri_pyong_chol(entries: dict[str, Entry]) -> None:
    ri = entries["un-KPi.076"]
    assert ri.name == "RI PYONG CHUL"
    assert Alias("Ri Pyong Chol", "strong") in ri.aliases
    assert ri.listings[0].listed_on == dt.date(2017, 12, 22)
    assert [d.text for d in ri.birth_dates] == ["1948"]


def test_alias_quality_and_original_script(entries: dict[str, Entry]) -> None:
    mujyambere = entries["un-CDi.014"]
    assert Alias("Musenyeri", "weak") in mujyambere.aliases  # QUALITY Low
    saddam = entries["un-IQi.001"]
    assert saddam.aliases[0] == Alias("صدام حسين التكريتي", "strong", "Arabic")
    assert Alias("Abu Ali", "weak") in saddam.aliases
    umarov = entries["un-QDi.290"]
    assert umarov.aliases[0].script == "Cyrillic"


def test_birth_date_types(entries: dict[str, Entry]) -> None:
    # EXACT with DATE, and APPROXIMATELY 1966 widened to 1965..1967
    assert [d.text for d in entries["un-CDi.014"].birth_dates] == ["1962-03-17", "1965..1967"]
    # BETWEEN twice
    assert [d.text for d in entries["un-TAi.002"].birth_dates] == ["1955..1958", "1945..1950"]
    # dates of birth given on aliases are kept too
    assert "1957-04-15" in [d.text for d in entries["un-KPi.016"].birth_dates]


def test_documents_and_countries(entries: dict[str, Entry]) -> None:
    umarov = entries["un-QDi.290"]
    assert Identifier("Passport", "96 03 464086", "RU", "issued 2003-06-01") in umarov.identifiers
    aqsa = entries["un-QDi.356"]
    assert aqsa.gender == "female"
    assert aqsa.countries == ("SY", "GB")
    assert entries["un-CDe.003"].countries == ("CD", "RW")


def test_sniff() -> None:
    assert sniff(UN.read_bytes()[:4096])
    assert not sniff(b"<sdnList>")


def test_wrong_root(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_bytes(b"<?xml version='1.0'?><sdnList></sdnList>")
    with pytest.raises(InputError, match="not a UN Consolidated List"):
        import_un_xml([path])


def test_truncated_file_names_the_line(tmp_path: Path) -> None:
    data = UN.read_bytes()
    path = tmp_path / "cut.xml"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"line \d+.*malformed XML") as info:
        import_un_xml([path])
    assert "\n" not in str(info.value)


def test_bad_listing_date_names_the_field(tmp_path: Path) -> None:
    data = UN.read_text(encoding="utf-8").replace(
        "<LISTED_ON>2017-12-22</LISTED_ON>", "<LISTED_ON>22/12/2017</LISTED_ON>", 1
    )
    path = tmp_path / "bad.xml"
    path.write_text(data, encoding="utf-8")
    with pytest.raises(InputError, match=r"KPi\.066\.LISTED_ON"):
        import_un_xml([path])


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol9;</FIRST_NAME>
<REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME>
<REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_hostile_xml_is_refused_quickly(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "evil.xml"
    path.write_bytes(payload)
    started = time.perf_counter()
    with pytest.raises(InputError, match="DTD") as info:
        import_un_xml([path])
    assert time.perf_counter() - started < 1.0
    assert "\n" not in str(info.value)
    assert "root:" not in str(info.value)


def test_unknown_nationality_kept_in_remarks(entries: dict[str, Entry]) -> None:
    umarov = entries["un-QDi.290"]
    assert umarov.nationalities == ("RU",)
    assert "Nationality: former Soviet Union" in (umarov.remarks or "")
