"""OFAC XML ``sdnList`` -> ``SanctionsList``.

Owns OFAC's XML layout, the one used for both ``sdn.xml`` and ``consolidated.xml`` (the non-SDN
lists): ``publshInformation/Publish_Date`` (sic, MM/DD/YYYY) and one ``sdnEntry`` per party
with uid, lastName/firstName, sdnType, programList, title, remarks, akaList (with a
strong/weak ``category``), idList, addressList, dateOfBirthList, placeOfBirthList,
nationalityList, citizenshipList and vesselInfo.  Tags are matched without their namespace,
which OFAC has changed over the years.

The result has the same shape as ``ofac_csv`` gives for the same party (entry ids
``ofac-<uid>``, names written ``LAST, First``, one listing per program, no listing date,
dates of birth read the same way), so lists from either format compare and diff cleanly.
An ``idList`` item that is not a document or registry number (``Website``, ``Secondary
sanctions risk:``, ``Target Type`` ...) goes to the remarks, as it reads in the CSV Remarks.

SDN or non-SDN: the file name decides (``cons*`` -> "Non-SDN Consolidated"), because the XML
itself does not say which list it is.
"""

from __future__ import annotations

import datetime as dt
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
    Strength,
)
from ._common import (
    child_text,
    children,
    collect_country,
    date_range,
    inputs_hash,
    join_remarks,
    read_single_xml,
    unique,
)
from .ofac_csv import AUTHORITY, NON_SDN_LIST, SDN_LIST, parse_identifier, parse_ofac_date

ROOT = "sdnList"
# Official download addresses (OFAC Sanctions List Service).
SDN_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML"
NON_SDN_URL = (
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML"
)

_TYPES: dict[str, EntityType] = {
    "individual": "person",
    "entity": "organization",
    "vessel": "vessel",
    "aircraft": "aircraft",
}
# idList types that carry a fact of their own rather than a document number.
_GENDER_ID = "gender"
_VESSEL_FIELDS = (
    ("callSign", "Call Sign"),
    ("vesselType", "Vessel type"),
    ("tonnage", "Tonnage"),
    ("grossRegisteredTonnage", "GRT"),
    ("vesselFlag", "Vessel flag"),
    ("vesselOwner", "Vessel owner"),
)


def sniff(head: bytes) -> bool:
    return b"<sdnList" in head


def import_ofac_xml(paths: Sequence[Path]) -> SanctionsList:
    """Import one OFAC ``sdn.xml`` or ``consolidated.xml`` file."""
    xml = read_single_xml(paths, ROOT, "an OFAC sdnList")
    path, source, data, root = xml.path, xml.source, xml.data, xml.root
    non_sdn = path.name.lower().startswith("cons")
    list_name = NON_SDN_LIST if non_sdn else SDN_LIST
    as_of = None
    for info in children(root, "publshInformation"):
        published = child_text(info, "Publish_Date")
        if published:
            as_of = _us_date(published, source)
    entries: list[Entry] = []
    seen: set[str] = set()
    for index, element in enumerate(children(root, "sdnEntry"), 1):
        entry = _entry(element, list_name, source, index)
        if entry.id in seen:
            raise InputError(source, f"duplicate uid in sdnEntry {index}", field="uid")
        seen.add(entry.id)
        entries.append(entry)
    meta = ListMeta(
        id="ofac-non-sdn" if non_sdn else "ofac-sdn",
        title="OFAC Consolidated Sanctions List (Non-SDN)"
        if non_sdn
        else "OFAC Specially Designated Nationals and Blocked Persons List (SDN)",
        publisher=AUTHORITY,
        source_url=NON_SDN_URL if non_sdn else SDN_URL,
        as_of=as_of,
    )
    return SanctionsList(
        meta=meta, entries=tuple(entries), content_hash=inputs_hash([data]), source=source
    )


def _us_date(text: str, source: str) -> dt.date:
    try:
        return dt.datetime.strptime(text.strip(), "%m/%d/%Y").date()
    except ValueError:
        raise InputError(
            source, f"invalid date {text!r} (expected MM/DD/YYYY)", field="Publish_Date"
        ) from None


def _name(element: ET.Element) -> str:
    last = child_text(element, "lastName") or ""
    first = child_text(element, "firstName")
    return f"{last}, {first}" if last and first else (last or first or "")


def _entry(element: ET.Element, list_name: str, source: str, index: int) -> Entry:
    uid = child_text(element, "uid")
    if not uid:
        raise InputError(source, f"sdnEntry {index} has no uid", field="uid")
    label = f"sdnEntry uid {uid}"
    name = _name(element)
    if not name:
        raise InputError(source, f"{label}: no name", field="lastName")
    kind = (child_text(element, "sdnType") or "").lower()
    entity_type = _TYPES.get(kind)
    if entity_type is None:
        raise InputError(source, f"{label}: unknown sdnType {kind!r}", field="sdnType")
    programs: list[str | None] = [
        text
        for plist in children(element, "programList")
        for program in children(plist, "program")
        if (text := (program.text or "").strip())
    ]
    listings = tuple(
        Listing(authority=AUTHORITY, list=list_name, program=p, reference=uid)
        for p in (programs or [None])
    )
    aliases: list[Alias] = []
    for alist in children(element, "akaList"):
        for aka in children(alist, "aka"):
            alias_name = _name(aka)
            if alias_name:
                strength: Strength = (
                    "weak" if (child_text(aka, "category") or "").lower() == "weak" else "strong"
                )
                aliases.append(Alias(alias_name, strength))

    remarks: list[str | None] = [child_text(element, "remarks")]
    identifiers: list[Identifier] = []
    gender = None
    for ilist in children(element, "idList"):
        for item in children(ilist, "id"):
            id_type = child_text(item, "idType") or ""
            number = child_text(item, "idNumber") or ""
            if id_type.lower() == _GENDER_ID:
                gender = number.lower() or None
                continue
            identifier = _identifier(item, id_type, number)
            if identifier is not None:
                identifiers.append(identifier)
            else:
                remarks.append(f"{id_type} {number}".strip())

    birth_dates: list[DateRange] = []
    for dlist in children(element, "dateOfBirthList"):
        for item in children(dlist, "dateOfBirthItem"):
            raw = child_text(item, "dateOfBirth")
            if not raw:
                continue
            dob = parse_ofac_date(raw)
            if dob is None:
                remarks.append(f"DOB {raw}")
            else:
                birth_dates.append(date_range(dob, source, f"{label}.dateOfBirth"))
    for plist in children(element, "placeOfBirthList"):
        for item in children(plist, "placeOfBirthItem"):
            place = child_text(item, "placeOfBirth")
            if place:
                remarks.append(f"POB {place}")

    nationalities: list[str] = []
    for list_tag, item_tag in (
        ("nationalityList", "nationality"),
        ("citizenshipList", "citizenship"),
    ):
        for nlist in children(element, list_tag):
            for item in children(nlist, item_tag):
                collect_country(child_text(item, "country"), nationalities, remarks, item_tag)
    countries: list[str] = []
    for alist in children(element, "addressList"):
        for address in children(alist, "address"):
            collect_country(child_text(address, "country"), countries, remarks, "Address country")
    for vessel in children(element, "vesselInfo"):
        for tag, label_text in _VESSEL_FIELDS:
            value = child_text(vessel, tag)
            if not value:
                continue
            if tag == "callSign":
                identifiers.append(Identifier("Call Sign", value))
            elif tag == "vesselFlag" and (code := country_code(value)):
                countries.append(code)
            else:
                remarks.append(f"{label_text} {value}")

    return Entry(
        id=f"ofac-{uid}",
        type=entity_type,
        name=name,
        aliases=tuple(dict.fromkeys(aliases)),
        listings=listings,
        birth_dates=tuple(dict.fromkeys(birth_dates)),
        nationalities=unique(nationalities),
        countries=unique(countries),
        gender=gender if entity_type == "person" else None,
        position=child_text(element, "title"),
        identifiers=tuple(dict.fromkeys(identifiers)),
        remarks=join_remarks(remarks),
    )


def _identifier(item: ET.Element, id_type: str, number: str) -> Identifier | None:
    """A document/registry number in the CSV's terms, or None for a non-identifier item."""
    if not number:
        return None
    country = child_text(item, "idCountry")
    parsed = parse_identifier(f"{id_type} {number}".strip())
    if parsed is None:
        return None
    notes = [n for n in (parsed.note,) if n]
    code = parsed.country or country_code(country)
    if country and not code:
        notes.append(country)
    for tag, word in (("issueDate", "issued"), ("expirationDate", "expires")):
        value = child_text(item, tag)
        if value:
            notes.append(f"{word} {value}")
    return Identifier(parsed.type, parsed.value, code, "; ".join(notes) or None)
