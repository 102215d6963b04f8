"""UN Security Council Consolidated List XML -> ``SanctionsList``.

Owns the layout of ``CONSOLIDATED_LIST`` (``INDIVIDUALS/INDIVIDUAL`` and
``ENTITIES/ENTITY``) as published at scsanctions.un.org:

- primary name: FIRST_NAME SECOND_NAME THIRD_NAME FOURTH_NAME joined by spaces;
  NAME_ORIGINAL_SCRIPT becomes a strong alias tagged with its script;
- aliases: QUALITY "Good" (and the "a.k.a."/"f.k.a." some records use) -> strong,
  "Low" -> weak;
- dates of birth: TYPE_OF_DATE EXACT (DATE or YEAR), BETWEEN (FROM_YEAR..TO_YEAR) and
  APPROXIMATELY, which is widened by ``APPROXIMATE_YEARS`` either side (``1950`` ->
  ``1949..1951``) because the list format has no "circa";
- one listing: authority "UN Security Council", REFERENCE_NUMBER, LISTED_ON, UN_LIST_TYPE as
  the program;
- NATIONALITY values and address countries -> ISO codes (unknown names go to the remarks);
  documents -> identifiers; DESIGNATION -> position; GENDER (or "Gender: male" in COMMENTS1,
  where many DPRK records put it) -> gender; TITLE and COMMENTS1 -> remarks.

``as_of`` is the date of the root's ``dateGenerated`` attribute.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from ..countries import country_code
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
    collect_country,
    date_range,
    inputs_hash,
    iso_date,
    join_remarks,
    read_single_xml,
    script_of,
    unique,
    year_range_text,
)

AUTHORITY = "UN Security Council"
LIST_NAME = "UN Security Council Consolidated List"
SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
ROOT = "CONSOLIDATED_LIST"
# An APPROXIMATELY date of birth is read as that year give or take this many years.
APPROXIMATE_YEARS = 1

_WEAK_QUALITIES = {"low"}
# (container element, record element, entity type) of the two halves of the list.
_GROUPS: tuple[tuple[str, str, EntityType], ...] = (
    ("INDIVIDUALS", "INDIVIDUAL", "person"),
    ("ENTITIES", "ENTITY", "organization"),
)
_GENDER_IN_COMMENTS = re.compile(r"\bGender:\s*(male|female)\b", re.IGNORECASE)


def sniff(head: bytes) -> bool:
    return b"<CONSOLIDATED_LIST" in head


def import_un_xml(paths: Sequence[Path]) -> SanctionsList:
    """Import one UN Consolidated List XML file."""
    xml = read_single_xml(paths, ROOT, "a UN Consolidated List")
    source, data, root = xml.source, xml.data, xml.root
    entries: list[Entry] = []
    seen: set[str] = set()
    for group, record_tag, entity_type in _GROUPS:
        for container in children(root, group):
            for record in children(container, record_tag):
                entry = _entry(record, entity_type, source)
                if entry.id in seen:
                    raise InputError(
                        source, f"duplicate record {entry.id}", field="REFERENCE_NUMBER"
                    )
                seen.add(entry.id)
                entries.append(entry)
    generated = root.get("dateGenerated")
    meta = ListMeta(
        id="un-consolidated",
        title=LIST_NAME,
        publisher="United Nations Security Council",
        source_url=SOURCE_URL,
        as_of=iso_date(generated, source, "dateGenerated") if generated else None,
    )
    return SanctionsList(
        meta=meta, entries=tuple(entries), content_hash=inputs_hash([data]), source=source
    )


def _entry(record: ET.Element, entity_type: EntityType, source: str) -> Entry:
    reference = child_text(record, "REFERENCE_NUMBER")
    dataid = child_text(record, "DATAID")
    label = reference or dataid or "?"
    where = f"record {label}"
    if not reference and not dataid:
        raise InputError(
            source, "record without REFERENCE_NUMBER or DATAID", field="REFERENCE_NUMBER"
        )
    parts = [
        child_text(record, tag)
        for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    ]
    name = " ".join(p for p in parts if p)
    if not name:
        raise InputError(source, f"{where}: no name", field="FIRST_NAME")
    listed = child_text(record, "LISTED_ON")
    listing = Listing(
        authority=AUTHORITY,
        list=LIST_NAME,
        program=child_text(record, "UN_LIST_TYPE"),
        reference=reference,
        listed_on=iso_date(listed, source, f"{label}.LISTED_ON") if listed else None,
    )
    remarks: list[str | None] = []
    aliases: list[Alias] = []
    original = child_text(record, "NAME_ORIGINAL_SCRIPT")
    if original:
        aliases.append(Alias(original, "strong", script_of(original)))
    birth_dates: list[DateRange] = []
    alias_tag = "INDIVIDUAL_ALIAS" if entity_type == "person" else "ENTITY_ALIAS"
    for alias in children(record, alias_tag):
        alias_name = child_text(alias, "ALIAS_NAME")
        if not alias_name:
            continue
        quality = (child_text(alias, "QUALITY") or "").lower()
        aliases.append(Alias(alias_name, "weak" if quality in _WEAK_QUALITIES else "strong"))
        alias_dob = child_text(alias, "DATE_OF_BIRTH")
        if alias_dob:
            birth_dates.append(date_range(alias_dob, source, f"{label}.ALIAS.DATE_OF_BIRTH"))
    for dob in children(record, "INDIVIDUAL_DATE_OF_BIRTH"):
        parsed = _birth_date(dob, source, label)
        if parsed is not None:
            birth_dates.append(parsed)

    nationalities: list[str] = []
    for nationality in children(record, "NATIONALITY"):
        for value in children(nationality, "VALUE"):
            collect_country(clean(value.text), nationalities, remarks, "Nationality:")
    countries: list[str] = []
    address_tag = "INDIVIDUAL_ADDRESS" if entity_type == "person" else "ENTITY_ADDRESS"
    for address in children(record, address_tag):
        collect_country(child_text(address, "COUNTRY"), countries, remarks, "Address country:")

    identifiers = [
        ident
        for doc in children(record, "INDIVIDUAL_DOCUMENT")
        if (ident := _identifier(doc)) is not None
    ]
    designation = [
        text
        for d in children(record, "DESIGNATION")
        for v in children(d, "VALUE")
        if (text := clean(v.text))
    ]
    titles = [
        text
        for t in children(record, "TITLE")
        for v in children(t, "VALUE")
        if (text := clean(v.text))
    ]
    if titles:
        remarks.insert(0, "Title: " + ", ".join(titles))
    comments = child_text(record, "COMMENTS1")
    remarks.insert(0, comments)
    gender = (child_text(record, "GENDER") or "").lower() or None
    if gender is None and comments:
        found = _GENDER_IN_COMMENTS.search(comments)
        gender = found.group(1).lower() if found else None

    return Entry(
        id=f"un-{reference or dataid}",
        type=entity_type,
        name=name,
        aliases=tuple(dict.fromkeys(a for a in aliases if a.name != name)),
        listings=(listing,),
        birth_dates=tuple(dict.fromkeys(birth_dates)),
        nationalities=unique(nationalities),
        countries=unique(countries),
        gender=gender if entity_type == "person" else None,
        position="; ".join(designation) or None,
        identifiers=tuple(dict.fromkeys(identifiers)),
        remarks=join_remarks(remarks),
    )


def _birth_date(element: ET.Element, source: str, label: str) -> DateRange | None:
    kind = (child_text(element, "TYPE_OF_DATE") or "").upper()
    exact = child_text(element, "DATE")
    year = child_text(element, "YEAR")
    low, high = child_text(element, "FROM_YEAR"), child_text(element, "TO_YEAR")
    field = f"{label}.DATE_OF_BIRTH"
    try:
        if kind == "BETWEEN" and low and high:
            text = year_range_text(int(low), int(high))
        elif kind == "APPROXIMATELY" and (year or exact):
            center = int((year or exact or "")[:4])
            text = year_range_text(center - APPROXIMATE_YEARS, center + APPROXIMATE_YEARS)
        elif exact:
            text = exact[:10]
        elif year:
            text = year
        elif low and high:
            text = year_range_text(int(low), int(high))
        else:
            return None
    except ValueError:
        raise InputError(source, "invalid year in date of birth", field=field) from None
    return date_range(text, source, field)


def _identifier(doc: ET.Element) -> Identifier | None:
    number = child_text(doc, "NUMBER")
    if not number:
        return None
    kind = child_text(doc, "TYPE_OF_DOCUMENT") or "Document"
    country_name = child_text(doc, "ISSUING_COUNTRY") or child_text(doc, "COUNTRY_OF_ISSUE")
    country = country_code(country_name)
    notes = []
    if country_name and not country:
        notes.append(f"issued by {country_name}")
    issued = child_text(doc, "DATE_OF_ISSUE")
    if issued:
        notes.append(f"issued {issued}")
    city = child_text(doc, "CITY_OF_ISSUE")
    if city:
        notes.append(f"in {city}")
    note = child_text(doc, "NOTE")
    if note:
        notes.append(note)
    return Identifier(kind, number, country, "; ".join(notes) or None)
