"""UK Sanctions List summary (FCDO, OpenDocument spreadsheet) -> ``SanctionsList``.

Owns the layout of the FCDO's summary export: one sheet whose header row reads Unique ID,
OFSI Group ID, Name, Regime Name, Type, Designation source, Date Designated (DD-MM-YYYY),
Sanctions Imposed.  The summary carries primary names only (no aliases, dates of birth or
identifiers): screening against it finds exact and near spellings of the listed name.

Reading the spreadsheet: an ``.ods`` file is a zip archive whose ``content.xml`` holds the
table.  It is read here with ``zipfile`` and defusedxml (a few dozen lines), not with
python-calamine: calamine 0.4 and 0.9 both fail on the FCDO's own file ("Expecting
'table-cell', found Text") because the FCDO pretty-prints its XML with whitespace between
cells, and a reader that cannot open the publisher's file is no use.  This way the format
needs no extra dependency, and the XML gets the same hardening as the other importers.

Decisions: Individual -> person, Entity -> organization, Ship -> vessel; entry ids
``uk-<Unique ID>``; one listing (authority FCDO, list "UK Sanctions List", program the
regime, reference the Unique ID, listed_on the designation date); the designation source
(UK / UN) and the sanctions imposed go to the remarks; ``as_of`` is None (the file carries
no publication date).
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..inputfiles import read_input
from ..model import EntityType, Entry, Listing, ListMeta, SanctionsList
from ._common import (
    SNIFF_BYTES,
    ImportNotice,
    inputs_hash,
    join_remarks,
    local,
    parse_xml,
)

AUTHORITY = "UK Foreign, Commonwealth and Development Office (FCDO)"
LIST_NAME = "UK Sanctions List"
SOURCE_URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
# Zip local-file magic, and the ODS mimetype (stored uncompressed by most writers).
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# content.xml larger than this (uncompressed) is refused: the real file is about 7 MB, and a
# zip bomb must not be inflated into memory.
MAX_CONTENT_BYTES = 256 * 1024 * 1024
# Empty cells repeated more than this are padding to the sheet's last column (16,384).
MAX_EMPTY_REPEAT = 64
COLUMNS = (
    "Unique ID",
    "OFSI Group ID",
    "Name",
    "Regime Name",
    "Type",
    "Designation source",
    "Date Designated",
    "Sanctions Imposed",
)
_TYPES: dict[str, EntityType] = {
    "individual": "person",
    "entity": "organization",
    "ship": "vessel",
}


def sniff(head: bytes) -> bool:
    """A zip archive that names a ``content.xml`` (or states the ODS mimetype) early on.

    The mimetype entry is often compressed and not first (the FCDO's file starts with
    META-INF/), so the entry name is the reliable sign within the first few KB."""
    head = head[:SNIFF_BYTES]
    return head.startswith(ZIP_MAGIC) and (ODS_MIMETYPE in head or b"content.xml" in head)


def import_uk_ods(paths: Sequence[Path]) -> SanctionsList:
    """Import one UK Sanctions List summary ``.ods`` file."""
    if len(paths) != 1:
        raise InputError(", ".join(map(str, paths)), "the UK list summary is one file; give one")
    path = paths[0]
    source = str(path)
    data = read_input(path)
    rows = iter(_sheet_rows(data, source))
    header = next(rows, None)
    if header is None:
        raise InputError(source, "the spreadsheet is empty")
    index = {name.strip(): i for i, name in enumerate(header)}
    missing = [c for c in ("Unique ID", "Name", "Type") if c not in index]
    if missing:
        raise InputError(
            source, f"not the UK Sanctions List summary: no column {', '.join(missing)}", row=1
        )
    entries: list[Entry] = []
    seen: set[str] = set()
    nameless: list[str] = []
    for row_number, row in enumerate(rows, 2):
        if not any(row):
            continue
        entry = _entry(row, index, source, row_number)
        if entry is None:
            nameless.append(f"row {row_number}")
            continue
        if entry.id in seen:
            raise InputError(source, "duplicate Unique ID", row=row_number, field="Unique ID")
        seen.add(entry.id)
        entries.append(entry)
    if nameless:
        # The FCDO file of 2025-08-11 has a designation (BEL0174) with an empty Name cell:
        # nothing to screen against, but not a reason to refuse the other 5,302.
        notice = ImportNotice(
            f"{source}: skipped designations without a name: {', '.join(nameless)}"
        )
        warnings.warn(notice, stacklevel=2)
    meta = ListMeta(
        id="uk-sanctions-list",
        title="UK Sanctions List (summary)",
        publisher=AUTHORITY,
        source_url=SOURCE_URL,
        as_of=None,
    )
    return SanctionsList(
        meta=meta, entries=tuple(entries), content_hash=inputs_hash([data]), source=source
    )


def _entry(row: list[str], index: dict[str, int], source: str, row_number: int) -> Entry | None:
    """The entry of one row, or None when the row has no name."""

    def cell(column: str) -> str:
        i = index.get(column)
        return row[i].strip() if i is not None and i < len(row) else ""

    unique_id = cell("Unique ID")
    name = " ".join(cell("Name").split())
    if not unique_id:
        raise InputError(source, "empty Unique ID", row=row_number, field="Unique ID")
    if not name:
        return None
    kind = cell("Type").lower()
    entity_type = _TYPES.get(kind)
    if entity_type is None:
        raise InputError(source, f"unknown Type {kind!r}", row=row_number, field="Type")
    designated = cell("Date Designated")
    listed_on = None
    if designated:
        try:
            listed_on = dt.datetime.strptime(designated, "%d-%m-%Y").date()
        except ValueError:
            raise InputError(
                source,
                f"invalid date {designated!r} (expected DD-MM-YYYY)",
                row=row_number,
                field="Date Designated",
            ) from None
    listing = Listing(
        authority=AUTHORITY,
        list=LIST_NAME,
        program=cell("Regime Name") or None,
        reference=unique_id,
        listed_on=listed_on,
    )
    remarks = [
        f"Designation source: {cell('Designation source')}" if cell("Designation source") else None,
        f"Sanctions imposed: {cell('Sanctions Imposed')}" if cell("Sanctions Imposed") else None,
        f"OFSI Group ID: {cell('OFSI Group ID')}" if cell("OFSI Group ID") else None,
    ]
    return Entry(
        id=f"uk-{unique_id}",
        type=entity_type,
        name=name,
        listings=(listing,),
        remarks=join_remarks(remarks),
    )


def _sheet_rows(data: bytes, source: str) -> Iterator[list[str]]:
    """The rows of the first sheet as lists of cell texts."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(source, "not an OpenDocument spreadsheet (not a zip archive)") from None
    with archive:
        try:
            info = archive.getinfo("content.xml")
        except KeyError:
            raise InputError(source, "not an OpenDocument spreadsheet (no content.xml)") from None
        if info.file_size > MAX_CONTENT_BYTES:
            raise InputError(
                source, f"content.xml inflates to {info.file_size} bytes: refused (zip bomb?)"
            )
        try:
            content = archive.read(info)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise InputError(source, f"damaged or truncated archive: {exc}") from None
    root = parse_xml(content, f"{source}!content.xml")
    table = next((e for e in root.iter() if local(e.tag) == "table"), None)
    if table is None:
        raise InputError(source, "the spreadsheet has no table")
    for row in table.iter():
        if local(row.tag) == "table-row":
            yield _row_cells(row)


def _row_cells(row: ET.Element) -> list[str]:
    cells: list[str] = []
    for cell in row:
        if local(cell.tag) not in ("table-cell", "covered-table-cell"):
            continue
        text = "\n".join("".join(p.itertext()).strip() for p in cell if local(p.tag) == "p").strip()
        repeat_attr = next(
            (v for k, v in cell.attrib.items() if local(k) == "number-columns-repeated"), "1"
        )
        try:
            repeat = max(1, int(repeat_attr))
        except ValueError:
            repeat = 1
        if not text:
            repeat = min(repeat, MAX_EMPTY_REPEAT)
        cells.extend([text] * repeat)
    while cells and not cells[-1]:
        cells.pop()
    return cells
