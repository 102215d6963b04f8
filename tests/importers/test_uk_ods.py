"""UK Sanctions List summary (ODS) importer, on an excerpt of the FCDO file of 2025-08-11.

The excerpt keeps the publisher's pretty-printed content.xml (the whitespace between cells
that python-calamine cannot read) and the designation without a name (BEL0174)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from sanctions_cli.errors import InputError
from sanctions_cli.importers import ImportNotice, uk_ods
from sanctions_cli.importers.uk_ods import import_uk_ods, sniff

from .conftest import FIXTURES, assert_round_trips, by_id

ODS = FIXTURES / "uk_ods" / "uk_sanctions_list_summary.ods"


def _import(path: Path = ODS):  # type: ignore[no-untyped-def]
    with pytest.warns(ImportNotice, match="without a name: row 21"):
        return import_uk_ods([path])


def test_entries_and_round_trip() -> None:
    lst = _import()
    assert len(lst.entries) == 25
    assert lst.meta.id == "uk-sanctions-list"
    entries = by_id(lst)
    afg = entries["uk-AFG0001"]
    assert afg.type == "organization"
    assert afg.name == "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE"
    (listing,) = afg.listings
    assert listing.program == "Afghanistan"
    assert listing.reference == "AFG0001"
    assert listing.listed_on == dt.date(2012, 6, 29)
    assert "Designation source: UN" in (afg.remarks or "")
    assert entries["uk-DPR0075"].type == "vessel"
    assert entries["uk-RUS0001"].type == "person"
    assert_round_trips(lst)


def test_sniff() -> None:
    assert sniff(ODS.read_bytes()[:4096])
    assert not sniff(b"PK\x03\x04 some other zip")
    assert not sniff(b"<sdnList>")


def _rezip(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "x.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        out.writestr("content.xml", content)
    return path


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.ods"
    path.write_bytes(b"Unique ID,Name\n")
    with pytest.raises(InputError, match="not a zip archive"):
        import_uk_ods([path])


def test_truncated_archive(tmp_path: Path) -> None:
    path = tmp_path / "x.ods"
    data = ODS.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as info:
        import_uk_ods([path])
    assert "\n" not in str(info.value)


def test_content_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uk_ods, "MAX_CONTENT_BYTES", 1000)
    with pytest.raises(InputError, match="zip bomb"):
        import_uk_ods([_rezip(tmp_path, b"<x>" + b" " * 5000 + b"</x>")])


def test_hostile_xml_inside(tmp_path: Path) -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(InputError, match="DTD"):
        import_uk_ods([_rezip(tmp_path, evil)])


def test_wrong_columns_and_bad_date(tmp_path: Path) -> None:
    with zipfile.ZipFile(ODS) as z:
        content = z.read("content.xml")
    with pytest.raises(InputError, match="no column Unique ID"):
        import_uk_ods([_rezip(tmp_path, content.replace(b">Unique ID<", b">Ref<"))])
    with pytest.raises(InputError, match=r"row 2, field 'Date Designated'"):
        import_uk_ods([_rezip(tmp_path, content.replace(b">29-06-2012<", b">2012-06-29<", 1))])
