"""OFAC XML sdnList importer, on an excerpt of consolidated.xml (2024-05-06)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sanctions_cli.errors import InputError
from sanctions_cli.importers.ofac_xml import import_ofac_xml, sniff
from sanctions_cli.model import Alias, Entry, Identifier

from .conftest import FIXTURES, assert_round_trips, by_id

CONSOLIDATED = FIXTURES / "ofac_xml" / "consolidated.xml"

# The sdn.xml layout (same schema, SDN list) for one individual and one vessel; the values
# are those of the SDN CSV of 2023-12-28 for ent_num 23214 and 15036.
SDN_XML = b"""<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
  <publshInformation><Publish_Date>12/28/2023</Publish_Date><Record_Count>2</Record_Count>
  </publshInformation>
  <sdnEntry>
    <uid>23214</uid><firstName>Jong Sik</firstName><lastName>KIM</lastName>
    <title>Deputy Director of the Workers' Party of Korea Military Industry Department</title>
    <sdnType>Individual</sdnType>
    <programList><program>DPRK2</program></programList>
    <idList><id><uid>1</uid><idType>Gender</idType><idNumber>Male</idNumber></id></idList>
    <akaList><aka><uid>36541</uid><type>a.k.a.</type><category>strong</category>
      <lastName>KIM</lastName><firstName>Cho'ng-sik</firstName></aka></akaList>
    <addressList><address><uid>35106</uid><country>Korea, North</country></address></addressList>
    <dateOfBirthList><dateOfBirthItem><uid>2</uid>
      <dateOfBirth>01 Jan 1967 to 31 Dec 1969</dateOfBirth><mainEntry>true</mainEntry>
    </dateOfBirthItem></dateOfBirthList>
  </sdnEntry>
  <sdnEntry>
    <uid>15036</uid><lastName>ARTAVIL</lastName><sdnType>Vessel</sdnType>
    <programList><program>IRAN</program></programList>
    <idList><id><uid>3</uid><idType>Vessel Registration Identification</idType>
      <idNumber>IMO 9187629</idNumber></id>
      <id><uid>4</uid><idType>MMSI</idType><idNumber>572469210</idNumber></id></idList>
    <akaList><aka><uid>5</uid><type>f.k.a.</type><category>weak</category>
      <lastName>ALPHA</lastName></aka></akaList>
    <vesselInfo><callSign>T2EU4</callSign><vesselType>Crude Oil Tanker</vesselType>
      <vesselFlag>Iran</vesselFlag></vesselInfo>
  </sdnEntry>
</sdnList>
"""


@pytest.fixture(scope="module")
def entries() -> dict[str, Entry]:
    return by_id(import_ofac_xml([CONSOLIDATED]))


def test_meta_and_round_trip() -> None:
    lst = import_ofac_xml([CONSOLIDATED])
    assert lst.meta.id == "ofac-non-sdn"
    assert lst.meta.as_of == dt.date(2024, 5, 6)
    assert len(lst.entries) == 11
    assert {x.list for e in lst.entries for x in e.listings} == {"Non-SDN Consolidated"}
    assert_round_trips(lst)


def test_names_aliases_and_ids(entries: dict[str, Entry]) -> None:
    zahhar = entries["ofac-9647"]
    assert zahhar.name == "ZAHHAR, Mahmoud Khaled"
    assert zahhar.gender == "male"  # idType Gender
    assert Alias("ZAHAR, Mahmoud", "weak") in zahhar.aliases
    assert [x.program for x in zahhar.listings] == ["NS-PLC", "SDGT"]
    assert zahhar.nationalities == ("PS",)
    kayakiran = entries["ofac-26182"]
    assert Identifier("Passport", "U00242309", "TR") in kayakiran.identifiers
    assert [d.text for d in kayakiran.birth_dates] == ["1980-02-08"]
    rzd = entries["ofac-34736"]
    assert Identifier("Tax ID No.", "7708503727", "RU") in rzd.identifiers
    assert "Website www.rzd.ru" in (rzd.remarks or "")  # not an identifier: kept in remarks
    assert entries["ofac-9639"].remarks == "POB Shati"


def test_sdn_xml_layout_with_namespace_and_vessel(tmp_path: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_bytes(SDN_XML)
    lst = import_ofac_xml([path])
    assert lst.meta.id == "ofac-sdn"
    assert lst.meta.as_of == dt.date(2023, 12, 28)
    found = by_id(lst)
    kim = found["ofac-23214"]
    assert kim.name == "KIM, Jong Sik"
    assert kim.aliases == (Alias("KIM, Cho'ng-sik", "strong"),)
    assert [d.text for d in kim.birth_dates] == ["1967..1969"]
    assert kim.listings[0].reference == "23214"
    assert kim.countries == ("KP",)
    vessel = found["ofac-15036"]
    assert vessel.type == "vessel"
    assert Identifier("IMO", "9187629") in vessel.identifiers
    assert Identifier("Call Sign", "T2EU4") in vessel.identifiers
    assert vessel.countries == ("IR",)
    assert Alias("ALPHA", "weak") in vessel.aliases
    assert_round_trips(lst)


def test_sniff() -> None:
    assert sniff(CONSOLIDATED.read_bytes()[:4096])
    assert not sniff(b"<CONSOLIDATED_LIST>")


def test_errors(tmp_path: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_bytes(SDN_XML.replace(b"<sdnType>Vessel</sdnType>", b"<sdnType>Ship</sdnType>"))
    with pytest.raises(InputError, match="unknown sdnType 'ship'"):
        import_ofac_xml([path])
    path.write_bytes(SDN_XML.replace(b"12/28/2023", b"2023-12-28"))
    with pytest.raises(InputError, match="Publish_Date"):
        import_ofac_xml([path])
    path.write_bytes(SDN_XML[:700])
    with pytest.raises(InputError, match="malformed XML"):
        import_ofac_xml([path])
