"""OFAC legacy CSV importer, on an excerpt of the 2023-12-28 SDN set (CRLF, 0x1A, -0-)."""

from __future__ import annotations

import datetime as dt
import shutil
import warnings
from pathlib import Path

import pytest

from sanctions_cli.errors import InputError
from sanctions_cli.importers import ImportNotice, import_files
from sanctions_cli.importers.ofac_csv import import_ofac_csv, parse_remarks, sniff
from sanctions_cli.model import Alias, Identifier

from .conftest import FIXTURES, assert_round_trips, by_id

OFAC = FIXTURES / "ofac_csv"


@pytest.fixture(scope="module")
def entries():  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportNotice)
        return by_id(import_ofac_csv([OFAC]))


def test_fixture_keeps_the_official_quirks() -> None:
    data = (OFAC / "sdn.csv").read_bytes()
    assert data.endswith(b"\r\n\x1a")
    assert b"-0- " in data


def test_counts_and_types(entries) -> None:  # type: ignore[no-untyped-def]
    assert len(entries) == 30
    types = {e.type for e in entries.values()}
    assert types == {"person", "organization", "vessel", "aircraft"}
    assert entries["ofac-4243"].type == "vessel"
    assert entries["ofac-15431"].type == "aircraft"
    assert entries["ofac-36"].type == "organization"


def test_kim_jong_sik(entries) -> None:  # type: ignore[no-untyped-def]
    kim = entries["ofac-23214"]
    assert kim.name == "KIM, Jong Sik"
    assert kim.aliases == (Alias("KIM, Cho'ng-sik", "strong"),)
    (listing,) = kim.listings
    assert listing.authority == "US Department of the Treasury, OFAC"
    assert (listing.list, listing.program, listing.reference) == ("SDN", "DPRK2", "23214")
    assert listing.listed_on is None
    assert [d.text for d in kim.birth_dates] == ["1967..1969"]
    assert kim.birth_dates[0].earliest == dt.date(1967, 1, 1)
    assert kim.birth_dates[0].latest == dt.date(1969, 12, 31)
    assert kim.gender == "male"
    assert kim.countries == ("KP",)
    assert (
        kim.position
        == "Deputy Director of the Workers' Party of Korea Military Industry Department"
    )


def test_ri_pyong_chol(entries) -> None:  # type: ignore[no-untyped-def]
    ri = entries["ofac-23215"]
    assert ri.name == "RI, Pyong Chol"
    assert ri.aliases == (Alias("RI, Pyo'ng-ch'o'l", "strong"),)
    assert ri.listings[0].reference == "23215"
    assert [d.text for d in ri.birth_dates] == ["1948"]


def test_weak_aliases_from_remarks(entries) -> None:  # type: ignore[no-untyped-def]
    bnc = entries["ofac-306"]
    assert Alias("BNC", "weak") in bnc.aliases
    assert Alias("NATIONAL BANK OF CUBA", "strong") in bnc.aliases
    # a quoted name that itself starts with an apostrophe, and f.k.a. names
    assert Alias("'ABD-AL-'IZ", "weak") in entries["ofac-6368"].aliases
    assert Alias("ANA I", "weak") in entries["ofac-4243"].aliases


def test_one_listing_per_program(entries) -> None:  # type: ignore[no-untyped-def]
    programs = [x.program for x in entries["ofac-12057"].listings]
    assert programs == ["SDGT", "NPWMD", "IRGC", "IFSR", "IRAN-HR", "IRAN-EO13876"]
    assert {x.reference for x in entries["ofac-12057"].listings} == {"12057"}


def test_birth_date_forms(entries) -> None:  # type: ignore[no-untyped-def]
    texts = lambda i: [d.text for d in entries[i].birth_dates]  # noqa: E731
    assert texts("ofac-12057") == ["1951..1953", "1960..1962", "1961-04", "1953"]
    assert texts("ofac-9754") == ["1944..1946", "1949..1951"]  # circa: +-1 year
    assert texts("ofac-11748") == ["1978..1983", "1982"]  # circa 1979-1982
    assert texts("ofac-23470") == ["1962-03..1963-02"]  # Mar 1962 to Feb 1963
    assert texts("ofac-6368") == ["1954-06-24"]
    assert texts("ofac-25312") == ["1999"]  # vessel year of build
    assert texts("ofac-15618") == ["1984-09"]  # aircraft manufacture date


def test_identifiers_and_countries(entries) -> None:  # type: ignore[no-untyped-def]
    ayesha = entries["ofac-12610"]
    assert Identifier("Passport", "215215", "LY") in ayesha.identifiers
    assert Identifier("Passport", "B/011641") in ayesha.identifiers
    assert Identifier("Passport", "03824970", "OM", "issued 04 May 2014 expires 03 May 2024") in (
        ayesha.identifiers
    )
    assert ayesha.gender == "female"
    vessel = entries["ofac-15036"]
    assert Identifier("IMO", "9187629") in vessel.identifiers
    assert Identifier("MMSI", "572469210") in vessel.identifiers
    assert vessel.countries == ("IR",)  # flag; "Former Vessel Flag" ignored
    crypto = entries["ofac-25308"]
    assert Identifier("Digital Currency Address - XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h") in (
        crypto.identifiers
    )
    assert crypto.nationalities == ("CN",)  # "citizen China"
    assert Identifier("SWIFT/BIC", "HAVIGB2L") in entries["ofac-906"].identifiers
    # a parenthesis that is not a country stays part of the value
    assert Identifier("Registration Number", "HRA 738077 (Stuttgart)", "DE") in (
        entries["ofac-44201"].identifiers
    )
    assert entries["ofac-11648"].nationalities == ("KP",)  # "nationality Korea, North"


def test_unknown_country_goes_to_remarks(entries) -> None:  # type: ignore[no-untyped-def]
    resort = entries["ofac-18961"]
    assert "Address country Region: Crimea" in (resort.remarks or "")
    assert all(len(c) == 2 for c in resort.countries)


def test_comments_continue_remarks(entries) -> None:  # type: ignore[no-untyped-def]
    sber = entries["ofac-17018"]
    assert Identifier("Tax ID No.", "7707083893", "RU") in sber.identifiers
    assert "Registration Number 1027700132195 (Russia)" in (sber.remarks or "")


def test_orphan_comment_rows_warn() -> None:
    with pytest.warns(ImportNotice, match="12300"):
        import_ofac_csv([OFAC])


def test_meta_hash_and_round_trip() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportNotice)
        lst = import_ofac_csv([OFAC / "sdn.csv", OFAC / "alt.csv", OFAC / "add.csv"])
        again = import_ofac_csv([OFAC / "add.csv", OFAC / "sdn.csv", OFAC / "alt.csv"])
    assert lst.meta.id == "ofac-sdn"
    assert lst.meta.as_of is None
    assert lst.meta.source_url and lst.meta.source_url.startswith("https://")
    assert len(lst.content_hash) == 64
    assert again.content_hash == lst.content_hash  # order of the files does not matter
    assert_round_trips(lst)


def test_renamed_files_recognised_by_shape(tmp_path: Path) -> None:
    shutil.copy(OFAC / "sdn.csv", tmp_path / "download1.csv")
    shutil.copy(OFAC / "alt.csv", tmp_path / "download2.csv")
    lst = import_ofac_csv([tmp_path / "download1.csv", tmp_path / "download2.csv"])
    assert len(lst.entries) == 30
    assert by_id(lst)["ofac-306"].aliases[0] == Alias("NATIONAL BANK OF CUBA")


def test_parse_remarks_directly() -> None:
    parsed = parse_remarks(
        "DOB 01 Jan 1967 to 31 Dec 1969; alt. DOB circa 1950; POB Pyongyang, Korea, North; "
        "Gender Male; nationality Korea, North; Passport X123 (Russian Federation); "
        "National ID No. 99 (Atlantis); a.k.a. 'QUOTED NAME'; "
        "Vessel Registration Identification IMO 1234567; Linked To: SOMETHING."
    )
    assert [d.text for d in parsed.birth_dates] == ["1967..1969", "1949..1951"]
    assert parsed.gender == "male"
    assert parsed.nationalities == ["KP"]
    assert parsed.weak_aliases == ["QUOTED NAME"]
    assert Identifier("Passport", "X123", "RU") in parsed.identifiers
    assert Identifier("National ID No.", "99", None, "Atlantis") in parsed.identifiers
    assert Identifier("IMO", "1234567") in parsed.identifiers


def test_sniff() -> None:
    assert sniff((OFAC / "sdn.csv").read_bytes())
    assert sniff((OFAC / "alt.csv").read_bytes())
    assert not sniff(b'"id","schema","name"\n')


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'23214,"KIM, Jong Sik","individual","DPRK2",-0- ,-0- \r\n', "no OFAC primary file"),
        (b'abc,"KIM","individual","X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', "not a number"),
        (
            b'1,"A",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n2,"B",-0- ,"X",-0- \r\n',
            "expected 12 columns",
        ),
        (b'1,"A","spaceship","X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', "SDN_Type"),
        (b"\x00\x01\x02", "binary"),
    ],
)
def test_bad_input_is_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        import_ofac_csv([path])
    assert "\n" not in str(info.value)
    assert str(path) in str(info.value)


def test_truncated_primary_names_the_line(tmp_path: Path) -> None:
    data = (OFAC / "sdn.csv").read_bytes()
    path = tmp_path / "sdn.csv"
    path.write_bytes(data[: len(data) // 2])  # cut mid-row, inside a quoted field
    with pytest.raises(InputError, match=r"line \d+"):
        import_ofac_csv([path])


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        import_ofac_csv([Path("/nonexistent/sdn.csv")])


def test_non_sdn_consolidated_set() -> None:
    lst = import_ofac_csv([FIXTURES / "ofac_csv_cons"])
    assert lst.meta.id == "ofac-non-sdn"
    assert len(lst.entries) == 6
    assert {x.list for e in lst.entries for x in e.listings} == {"Non-SDN Consolidated"}
    zahhar = by_id(lst)["ofac-9647"]
    assert [x.program for x in zahhar.listings] == ["SDGT", "NS-PLC"]
    assert Alias("ZAHAR, Mahmoud", "weak") in zahhar.aliases
    # cons_comments continues the Remarks of 17014 mid-word ("...Numbe" + "r 10277...")
    assert Identifier("Registration Number", "1027700342890", "RU") in (
        by_id(lst)["ofac-17014"].identifiers
    )
    assert_round_trips(lst)


@pytest.mark.parametrize("name", ["sdn.csv", "un.xml"])
def test_empty_file(tmp_path: Path, name: str) -> None:

    path = tmp_path / name
    path.write_bytes(b"")
    fmt = "ofac-csv" if name.endswith(".csv") else "un-xml"
    with pytest.raises(InputError, match=r"empty file|no OFAC primary file"):
        import_files(fmt, [path])
