"""OpenSanctions ``targets.simple.csv`` export -> ``SanctionsList``.

Owns the columns of the "simple" CSV that OpenSanctions publishes for every dataset (EU, UK,
UN, OFAC and some 300 other sources, one format): id, schema, name, aliases, birth_date,
countries, addresses, identifiers, sanctions, phones, emails, program_ids, dataset,
first_seen, last_seen, last_change.
Decisions:
- schema Person -> person, Vessel -> vessel, Airplane -> aircraft, Company / Organization /
  LegalEntity / PublicBody -> organization; rows of other schemas are skipped with an
  ``ImportNotice``;
- entry ids are ``os-<OpenSanctions id>``; aliases are strong (the export leaves out
  OpenSanctions' weak aliases), with their script when not Latin;
- one listing per (dataset, program id): authority and list are the dataset's title (the
  export does not name the issuing body separately), reference the OpenSanctions id;
  ``listed_on`` is the date of ``first_seen``, the day OpenSanctions first saw the target:
  the export carries no designation date, and a listing date later than the real one only
  ever makes a back-dated screening miss a target it could not have known about;
- the ``sanctions`` text becomes the listings' ``basis`` when it is one short line, else it
  is kept in the remarks;
- countries are ISO codes already (lower case); codes that are not alpha-2 (``suhh``) go to
  the remarks; identifiers ``IMO1234567`` become IMO numbers, others type "Identifier";
- addresses, phones and e-mails are left out: screening uses the countries column;
- multi-valued cells are a ``;``-delimited CSV row inside the cell (quoted when a value
  holds ``;`` or quotes), and are read as such;
- ``as_of`` is the latest ``last_seen`` date in the file (the export date).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from collections.abc import Sequence
from pathlib import Path

from ..countries import country_code
from ..errors import InputError
from ..inputfiles import decode_utf8, read_input
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
    ImportNotice,
    date_range,
    inputs_hash,
    iso_date,
    join_remarks,
    script_of,
    slug,
    unique,
)

HEADER = (
    "id",
    "schema",
    "name",
    "aliases",
    "birth_date",
    "countries",
    "addresses",
    "identifiers",
    "sanctions",
    "phones",
    "emails",
    "program_ids",
    "dataset",
    "first_seen",
    "last_seen",
    "last_change",
)
REQUIRED = ("id", "schema", "name")
SOURCE_URL = "https://www.opensanctions.org/datasets/"
# A sanctions text longer than this (or on several lines) is a narrative, not a legal basis.
BASIS_MAX_CHARS = 200

_TYPES: dict[str, EntityType] = {
    "Person": "person",
    "Vessel": "vessel",
    "Airplane": "aircraft",
    "Company": "organization",
    "Organization": "organization",
    "LegalEntity": "organization",
    "PublicBody": "organization",
}
_IMO = re.compile(r"^IMO\s?(\d{7})$", re.IGNORECASE)


def sniff(head: bytes) -> bool:
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").replace('"', "")
    return first.startswith("id,schema,name,aliases")


def import_opensanctions_csv(paths: Sequence[Path]) -> SanctionsList:
    """Import one OpenSanctions ``targets.simple.csv`` file."""
    if len(paths) != 1:
        raise InputError(", ".join(map(str, paths)), "give one targets.simple.csv file")
    path = paths[0]
    source = str(path)
    data = read_input(path)
    text = decode_utf8(data, source)
    if not text.strip():
        raise InputError(source, "empty file")
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            source,
            f"not an OpenSanctions targets.simple.csv: no column {', '.join(missing)}",
            line=1,
        )
    entries: list[Entry] = []
    seen: set[str] = set()
    skipped: dict[str, int] = {}
    datasets: set[str] = set()
    last_seen: dt.date | None = None
    row_number = 0
    try:
        for row_number, row in enumerate(reader, 1):
            if None in row:  # more cells than header columns
                raise InputError(source, "more cells than columns", row=row_number)
            schema = (row.get("schema") or "").strip()
            entity_type = _TYPES.get(schema)
            if entity_type is None:
                skipped[schema] = skipped.get(schema, 0) + 1
                continue
            entry = _entry(row, entity_type, source, row_number)
            if entry.id in seen:
                raise InputError(
                    source, f"duplicate id {entry.id[3:]!r}", row=row_number, field="id"
                )
            seen.add(entry.id)
            entries.append(entry)
            datasets.update(_split(row.get("dataset")))
            seen_text = (row.get("last_seen") or "").strip()
            if seen_text:
                seen_date = iso_date(seen_text, source, "last_seen", row=row_number)
                last_seen = seen_date if last_seen is None else max(last_seen, seen_date)
    except csv.Error as exc:
        raise InputError(source, f"malformed CSV: {exc}", row=row_number + 1) from None
    if skipped:
        kinds = ", ".join(f"{n} {k or '(empty)'}" for k, n in sorted(skipped.items()))
        warnings.warn(
            ImportNotice(f"{source}: skipped rows of other schemas: {kinds}"), stacklevel=2
        )
    only = next(iter(datasets)) if len(datasets) == 1 else None
    meta = ListMeta(
        id=f"opensanctions-{slug(only)}" if only else "opensanctions",
        title=f"OpenSanctions: {only}" if only else "OpenSanctions targets",
        publisher="OpenSanctions",
        source_url=SOURCE_URL,
        as_of=last_seen,
    )
    return SanctionsList(
        meta=meta, entries=tuple(entries), content_hash=inputs_hash([data]), source=source
    )


def _split(cell: str | None) -> list[str]:
    """The values of a multi-valued cell: OpenSanctions writes them as one ``;``-delimited
    CSV row inside the cell, so a value holding ``;`` or quotes is itself quoted."""
    if not cell or not cell.strip():
        return []
    if '"' not in cell:
        return [part.strip() for part in cell.split(";") if part.strip()]
    try:
        values = next(csv.reader(io.StringIO(cell, newline=""), delimiter=";"), [])
    except csv.Error:
        values = cell.split(";")
    return [value.strip() for value in values if value.strip()]


def _entry(row: dict[str, str], entity_type: EntityType, source: str, row_number: int) -> Entry:
    os_id = (row.get("id") or "").strip()
    name = " ".join((row.get("name") or "").split())
    if not os_id:
        raise InputError(source, "empty id", row=row_number, field="id")
    if not name:
        raise InputError(source, "empty name", row=row_number, field="name")
    remarks: list[str | None] = []
    first_seen_text = (row.get("first_seen") or "").strip()
    first_seen = (
        iso_date(first_seen_text, source, "first_seen", row=row_number) if first_seen_text else None
    )
    sanctions = "; ".join(_split(row.get("sanctions")))
    basis = None
    if sanctions:
        if len(sanctions) <= BASIS_MAX_CHARS and "\n" not in sanctions:
            basis = sanctions
        else:
            remarks.append(" ".join(sanctions.split()))
    programs: list[str | None] = list(_split(row.get("program_ids")))
    listings = tuple(
        Listing(
            authority=dataset,
            list=dataset,
            program=program,
            reference=os_id,
            listed_on=first_seen,
            basis=basis,
        )
        for dataset in (_split(row.get("dataset")) or ["OpenSanctions"])
        for program in (programs or [None])
    )
    aliases = tuple(
        Alias(alias, "strong", script_of(alias))
        for alias in unique(" ".join(a.split()) for a in _split(row.get("aliases")))
        if alias != name
    )
    birth_dates: list[DateRange] = [
        date_range(text, source, "birth_date", row=row_number)
        for text in _split(row.get("birth_date"))
    ]
    countries: list[str] = []
    for code_text in _split(row.get("countries")):
        code = country_code(code_text) if len(code_text) == 2 else None
        if code:
            countries.append(code)
        else:
            remarks.append(f"Country {code_text}")
    identifiers = []
    for value in _split(row.get("identifiers")):
        imo = _IMO.match(value)
        identifiers.append(
            Identifier("IMO", imo.group(1)) if imo else Identifier("Identifier", value)
        )
    return Entry(
        id=f"os-{os_id}",
        type=entity_type,
        name=name,
        aliases=aliases,
        listings=listings,
        birth_dates=tuple(dict.fromkeys(birth_dates)),
        countries=unique(countries),
        identifiers=tuple(dict.fromkeys(identifiers)),
        remarks=join_remarks(remarks),
    )
