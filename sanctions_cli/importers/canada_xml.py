"""Canada's Consolidated Canadian Autonomous Sanctions List XML -> ``SanctionsList``.

Owns the layout of Global Affairs Canada's ``<data-set>`` of ``<record>`` elements: Country
(the sanctions regime, often bilingual "Russia / Russie"), LastName, GivenName, EntityOrShip,
TitleOrShip, ShipIMONumber, Aliases, DateOfBirthOrShipBuildDate, DateOfListing, Schedule and
Item.

Decisions:
- a record with a ShipIMONumber is a vessel; another EntityOrShip record is an organisation;
  a LastName/GivenName record is a person, named "GivenName LastName";
- the publication has no record ids: entries get ``ca-<regime>-<schedule>-item-<item>`` (unique in
  the file) and the listing reference reads "Schedule 1, Part 1, item 23";
- Country is the regime, used as the listing's program (English half), not as a country of
  the party, which the list does not give;
- Aliases is free text: split on commas and semicolons, a "Russian:"/"Belarusian:" label
  dropped and the script recorded;
- dates of birth or build: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-YYYY`` and
  "A or B"; anything else ("born in the early 1970s") stays in the remarks;
- the file has no publication date: ``as_of`` is None.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..model import (
    Alias,
    DateRange,
    EntityType,
    Entry,
    Identifier,
    Listing,
    ListMeta,
    SanctionsList,
)
from ._common import (
    child_text,
    children,
    clean,
    date_range,
    inputs_hash,
    iso_date,
    join_remarks,
    read_single_xml,
    script_of,
    slug,
)

AUTHORITY = "Government of Canada, Global Affairs Canada"
LIST_NAME = "Consolidated Canadian Autonomous Sanctions List"
SOURCE_URL = (
    "https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-"
    "relations_internationales/sanctions/sema-lmes.xml"
)
ROOT = "data-set"
RECORD = "record"

# Aliases are separated by commas or semicolons, and a "Russian:"-style label may also
# start a new alias in the middle of the text ("... Mousa Arabic:عبدالرحيم دقلو").
_ALIAS_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?=[A-Z][a-z]+\s?:)")
_LANGUAGE_LABEL = re.compile(r"^[A-Za-z]+\s*:\s*")
_DATE_ALTERNATIVES = re.compile(r"\s+or\s+", re.IGNORECASE)
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_YEAR_SPAN = re.compile(r"^(\d{4})-(\d{4})$")


def sniff(head: bytes) -> bool:
    return b"<data-set" in head and b"<record>" in head


def import_canada_xml(paths: Sequence[Path]) -> SanctionsList:
    """Import one Canadian consolidated autonomous sanctions list XML file."""
    xml = read_single_xml(paths, ROOT, "Canada's sanctions list")
    source, data, root = xml.source, xml.data, xml.root
    entries: list[Entry] = []
    seen: set[str] = set()
    for index, record in enumerate(children(root, RECORD), 1):
        entry = _entry(record, source, index)
        if entry.id in seen:
            raise InputError(source, f"record {index}: duplicate {entry.id}", field="Item")
        seen.add(entry.id)
        entries.append(entry)
    meta = ListMeta(
        id="canada-sema",
        title=LIST_NAME,
        publisher=AUTHORITY,
        source_url=SOURCE_URL,
        as_of=None,
    )
    return SanctionsList(
        meta=meta, entries=tuple(entries), content_hash=inputs_hash([data]), source=source
    )


def _entry(record: ET.Element, source: str, index: int) -> Entry:
    label = f"record {index}"
    regime_text = child_text(record, "Country") or ""
    regime = regime_text.split(" / ")[0].strip() or None
    schedule = child_text(record, "Schedule")
    item = child_text(record, "Item")
    if not item:
        raise InputError(source, f"{label}: no Item number", field="Item")
    entity_name = child_text(record, "EntityOrShip")
    last, given = child_text(record, "LastName"), child_text(record, "GivenName")
    imo = child_text(record, "ShipIMONumber")
    title = child_text(record, "TitleOrShip")
    entity_type: EntityType
    remarks: list[str | None] = []
    position = None
    if entity_name:
        name = entity_name
        entity_type = "vessel" if imo else "organization"
        if title:
            remarks.append(f"Vessel type {title}" if imo else title)
    else:
        name = " ".join(p for p in (given, last) if p)
        entity_type = "person"
        position = title
    if not name:
        raise InputError(source, f"{label}: no name", field="LastName")

    listed = child_text(record, "DateOfListing")
    reference = f"Schedule {schedule}, item {item}" if schedule else f"item {item}"
    listing = Listing(
        authority=AUTHORITY,
        list=LIST_NAME,
        program=regime,
        reference=reference,
        listed_on=iso_date(listed, source, "DateOfListing", row=index) if listed else None,
    )
    birth_dates: list[DateRange] = []
    raw_date = child_text(record, "DateOfBirthOrShipBuildDate")
    if raw_date:
        texts = _dates(raw_date)
        if texts is None:
            kind = "Build date" if entity_type == "vessel" else "Date of birth"
            remarks.append(f"{kind}: {raw_date}")
        else:
            birth_dates.extend(
                date_range(t, source, "DateOfBirthOrShipBuildDate", row=index) for t in texts
            )
    aliases = _aliases(child_text(record, "Aliases"), name)
    id_parts = [slug(regime or "list"), slug(schedule or ""), "item", slug(item)]
    return Entry(
        id="ca-" + "-".join(p for p in id_parts if p),
        type=entity_type,
        name=name,
        aliases=aliases,
        listings=(listing,),
        birth_dates=tuple(dict.fromkeys(birth_dates)),
        position=position,
        identifiers=(Identifier("IMO", imo),) if imo else (),
        remarks=join_remarks(remarks),
    )


def _aliases(text: str | None, name: str) -> tuple[Alias, ...]:
    if not text:
        return ()
    out: dict[str, Alias] = {}
    for part in _ALIAS_SPLIT.split(text):
        alias = clean(_LANGUAGE_LABEL.sub("", part))
        if alias and alias != name and alias not in out:
            out[alias] = Alias(alias, "strong", script_of(alias))
    return tuple(out.values())


def _dates(text: str) -> list[str] | None:
    """The list format's date texts for one DateOfBirthOrShipBuildDate, None if unreadable."""
    out = []
    for part in _DATE_ALTERNATIVES.split(text.strip()):
        part = part.strip()
        span = _YEAR_SPAN.match(part)
        if span:
            out.append(f"{span.group(1)}..{span.group(2)}")
        elif _PARTIAL_DATE.match(part):
            out.append(part)
        else:
            return None
    return out or None
