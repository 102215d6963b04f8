"""OFAC legacy CSV set -> ``SanctionsList``.

Owns the layout of OFAC's headerless CSV files and the Remarks mini-language:

- primary file (``sdn.csv`` / ``cons_prim.csv``): ent_num, SDN_Name, SDN_Type, Program, Title,
  Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks;
- aliases (``alt.csv`` / ``cons_alt.csv``): ent_num, alt_num, alt_type, alt_name, alt_remarks;
- addresses (``add.csv`` / ``cons_add.csv``): ent_num, add_num, address, city, country, remarks;
- remarks overflow (``sdn_comments.csv`` / ``cons_comments.csv``): ent_num, text that continues
  the Remarks field exactly where it was cut (often mid-word).

Files are recognised by their column count, not their names, so renamed downloads work; the
list is "Non-SDN Consolidated" when the primary file is called ``cons_*``.  Quirks handled:
CRLF line ends, the trailing 0x1A (DOS end-of-file) byte, and the literal ``-0-`` for an empty
field.

Decisions:
- one ``Listing`` per program tag (``[SDGT] [IFSR]`` gives two listings with the same
  reference), so a program filter sees each program on its own;
- OFAC's CSV carries no designation date: ``listed_on`` stays None (in force always);
- alt.csv names (aka/fka/nka) are strong aliases; the quoted ``a.k.a. '...'`` (and f.k.a.,
  n.k.a.) inside Remarks are OFAC's "weak" aliases;
- ``DOB 01 Jan 1967 to 31 Dec 1969`` becomes ``1967..1969``; ``DOB circa 1950`` is widened by
  ``CIRCA_YEARS`` either side (``1949..1951``);
- the full Remarks text is kept as the entry's remarks, so nothing that is not turned into a
  structured field (a place of birth, an unknown country name, Linked To: ...) is lost.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..countries import country_code
from ..errors import InputError
from ..inputfiles import read_input
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
    SNIFF_BYTES,
    ImportNotice,
    date_range,
    inputs_hash,
    unique,
    year_range_text,
)

AUTHORITY = "US Department of the Treasury, OFAC"
SDN_LIST = "SDN"
NON_SDN_LIST = "Non-SDN Consolidated"
# Official download addresses (OFAC Sanctions List Service).
SDN_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"
NON_SDN_URL = (
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV"
)

# OFAC writes an empty field as this literal (with a trailing space, stripped here).
NULL = "-0-"
# DOS end-of-file marker OFAC appends to every file.
EOF_BYTE = b"\x1a"
# Column counts that identify each file of the set.
PRIMARY_COLUMNS = 12
ALIAS_COLUMNS = 5
ADDRESS_COLUMNS = 6
COMMENT_COLUMNS = 2
# The file names of OFAC's CSV sets, for taking a whole folder as input.
_SET_FILE_STEMS = frozenset(
    ("sdn", "alt", "add", "sdn_comments", "cons_prim", "cons_alt", "cons_add", "cons_comments")
)
# Remarks clauses giving a vessel's or aircraft's build date, kept as its "birth" date.
_BUILD_PREFIXES = ("Vessel Year of Build ", "Aircraft Manufacture Date ")
# Remarks clauses naming a nationality (a vessel's or aircraft's for the last one).
_NATIONALITY_PREFIXES = ("nationality ", "citizen ", "Nationality of Registration ")
# "DOB circa 1950" is read as 1950 give or take this many years.
CIRCA_YEARS = 1

_TYPES: dict[str, EntityType] = {
    "individual": "person",
    "vessel": "vessel",
    "aircraft": "aircraft",
    "": "organization",  # OFAC leaves SDN_Type empty ("-0-") for entities
}

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_CLAUSE_SPLIT = re.compile(r";\s+")
_ALT_PREFIX = re.compile(r"^alt\.\s+", re.IGNORECASE)
_WEAK_AKA = re.compile(r"^[afn]\.k\.a\.,?\s+'(?P<name>.+)'\.?$")
_DAY_MONTH_YEAR = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_YEAR_SPAN = re.compile(r"^(\d{4})\s*-\s*(\d{4})$")
# Identifier clause body: value, optional "(Country)", optional "issued ..."/"expires ...".
_ID_BODY = re.compile(
    r"^(?P<value>.+?)(?:\s+\((?P<paren>[^()]+)\))?(?P<rest>(?:,?\s+(?:issued|expires)\b.*)?)$"
)
_DIGITAL_CURRENCY = re.compile(r"^Digital Currency Address - (?P<coin>\w+)\s+(?P<value>\S+)$")
_IMO = re.compile(
    r"^(?P<kind>Vessel Registration Identification|Identification Number|"
    r"Company Number) IMO (?P<value>\d{7})$"
)

# Identifier types written "<Type> <value> (<Country>)" in Remarks, as they occur in the
# SDN and non-SDN files.  Longest first so "Passport Booklet:" wins over "Passport".
_IDENTIFIER_TYPES = sorted(
    (
        "Passport",
        "Diplomatic Passport",
        "Passport Booklet:",
        "National ID No.",
        "Tax ID No.",
        "Registration Number",
        "Registration ID",
        "Cedula No.",
        "Identification Number",
        "NIT #",
        "RUC #",
        "RIF #",
        "Business Registration Number",
        "Business Registration Document #",
        "Company Number",
        "UK Company Number",
        "Commercial Registry Number",
        "C.R. No.",
        "Legal Entity Number",
        "Unified Social Credit Code (USCC)",
        "United Social Credit Code Certificate (USCCC)",
        "Trade License No.",
        "Economic Register Number (CBLS)",
        "D-U-N-S Number",
        "V.A.T. Number",
        "C.U.R.P.",
        "C.U.R.P. #",
        "R.F.C.",
        "R.F.C. #",
        "RFC",
        "Driver's License No.",
        "Folio Mercantil No.",
        "Matricula Mercantil No",
        "Government Gazette Number",
        "Aircraft Manufacturer's Serial Number (MSN)",
        "Aircraft Tail Number",
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
        "MMSI",
        "SWIFT/BIC",
        "ISIN",
        "BIK (RU)",
        "D.N.I.",
        "Central Registration System Number",
        "Chamber of Commerce Number",
        "Business Number",
        "Electoral Registry No.",
        "Birth Certificate Number",
        "Public Registration Number",
        "Enterprise Number",
        "National Foreign ID Number",
        "Personal ID Card",
        "Italian Fiscal Code",
        "Credencial electoral",
        "Cartilla de Servicio Militar Nacional",
        "C.U.I.",
        "C.U.I.T.",
        "C.U.I.P.",
        "US FEIN",
        "Residency Number",
        "I.F.E.",
        "SSN",
        "Permit Number",
        "Kenyan ID No.",
        "Travel Document Number",
        "RTN",
        "LE Number",
        "Citizen's Card Number",
        "Refugee ID Card",
        "Turkish Identification Number",
        "Numero de Identidad",
        "Certificate of Incorporation Number",
        "Registered Charity No.",
        "Tazkira National ID Card",
        "File Number",
        "SRE Permit No.",
        "VisaNumberID",
        "Istanbul Chamber of Comm. No.",
        "Dubai Chamber of Commerce Membership No.",
        "Branch Unit Number",
        "Romanian C.R.",
        "Equity Ticker",
        "Stateless Person ID Card",
        "Stateless Person Passport",
        "Immigration No.",
        "Public Security and Information No.",
        "Afghan Money Service Provider License Number",
        "Trade License No. C",
    ),
    key=len,
    reverse=True,
)
_IDENTIFIER_RE = re.compile(
    r"^(?P<type>" + "|".join(re.escape(t) for t in _IDENTIFIER_TYPES) + r")\s+(?P<body>.+)$"
)


@dataclass
class _Record:
    """The parts of one ent_num gathered from the files of the set before building."""

    row: list[str]
    line: int
    aliases: list[Alias] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    unknown_countries: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)


@dataclass
class Remarks:
    """What the Remarks mini-language yielded for one entry."""

    weak_aliases: list[str] = field(default_factory=list)
    birth_dates: list[DateRange] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    gender: str | None = None


# ---------------------------------------------------------------------------
# public API


def sniff(head: bytes) -> bool:
    """True when ``head`` (the first bytes of a file) looks like one of OFAC's CSV files."""
    text = head[:SNIFF_BYTES].decode("latin-1")
    first = text.split("\n", 1)[0]
    return bool(re.match(r"^\d+,", first)) and (NULL in text or '"' in first)


def import_ofac_csv(paths: Sequence[Path]) -> SanctionsList:
    """Import an OFAC CSV set (or any subset holding the primary file)."""
    files = _expand(paths)
    datas = [read_input(p) for p in files]
    primary: tuple[Path, list[list[str]]] | None = None
    others: list[tuple[Path, list[list[str]]]] = []
    for path, data in zip(files, datas, strict=True):
        rows = _read_rows(data, str(path))
        width = len(rows[0]) if rows else 0
        if width == PRIMARY_COLUMNS:
            if primary is not None:
                raise InputError(str(path), f"a second primary file (the first is {primary[0]})")
            primary = (path, rows)
        elif width in (ALIAS_COLUMNS, ADDRESS_COLUMNS, COMMENT_COLUMNS):
            others.append((path, rows))
        elif rows:
            raise InputError(
                str(path), f"not an OFAC CSV file: {width} columns on the first row", line=1
            )
    if primary is None:
        names = ", ".join(str(p) for p in files)
        raise InputError(names, "no OFAC primary file (sdn.csv or cons_prim.csv) among them")
    primary_path, primary_rows = primary
    non_sdn = primary_path.name.lower().startswith("cons")
    list_name = NON_SDN_LIST if non_sdn else SDN_LIST

    records: dict[str, _Record] = {}
    for line, row in enumerate(primary_rows, 1):
        _check_width(row, PRIMARY_COLUMNS, primary_path, line)
        ent_num = _ent_num(row[0], primary_path, line)
        if ent_num in records:
            raise InputError(
                str(primary_path), f"duplicate ent_num {ent_num}", line=line, field="ent_num"
            )
        records[ent_num] = _Record(row, line)
    for path, rows in others:
        _merge(path, rows, records)

    entries = tuple(
        _build(ent_num, record, list_name, str(primary_path)) for ent_num, record in records.items()
    )
    meta = ListMeta(
        id="ofac-non-sdn" if non_sdn else "ofac-sdn",
        title="OFAC Consolidated Sanctions List (Non-SDN)"
        if non_sdn
        else "OFAC Specially Designated Nationals and Blocked Persons List (SDN)",
        publisher=AUTHORITY,
        source_url=NON_SDN_URL if non_sdn else SDN_URL,
        as_of=None,  # the CSV set carries no publication date
    )
    return SanctionsList(
        meta=meta,
        entries=entries,
        content_hash=inputs_hash(datas),
        source=", ".join(str(p) for p in files),
    )


def parse_remarks(text: str, source: str = "remarks", line: int | None = None) -> Remarks:
    """Parse the Remarks mini-language (exposed for tests)."""
    out = Remarks()
    for raw in _CLAUSE_SPLIT.split(text):
        clause = _ALT_PREFIX.sub("", raw.strip())
        if not clause:
            continue
        weak = _WEAK_AKA.match(clause)
        if weak:
            out.weak_aliases.append(weak.group("name").strip())
            continue
        clause = clause.rstrip(".").strip()  # the last clause ends the sentence
        if clause.startswith("DOB "):
            dob = parse_ofac_date(clause[4:].strip())
            if dob is None:
                continue  # unreadable date: it stays in the remarks text
            out.birth_dates.append(date_range(dob, source, "Remarks", line=line))
        elif clause.startswith(_BUILD_PREFIXES):
            prefix = next(p for p in _BUILD_PREFIXES if clause.startswith(p))
            built = _one_date(clause[len(prefix) :])
            if built is not None:
                out.birth_dates.append(date_range(built, source, "Remarks", line=line))
        elif clause.startswith("Gender "):
            out.gender = clause[len("Gender ") :].strip().lower() or None
        elif clause.startswith(_NATIONALITY_PREFIXES):
            prefix = next(p for p in _NATIONALITY_PREFIXES if clause.startswith(p))
            name = clause[len(prefix) :]
            code = country_code(name)
            if code:
                out.nationalities.append(code)
        elif clause.startswith("Vessel Flag "):
            code = country_code(clause[len("Vessel Flag ") :])
            if code:
                out.countries.append(code)
        else:
            identifier = parse_identifier(clause)
            if identifier is not None:
                out.identifiers.append(identifier)
    return out


# ---------------------------------------------------------------------------
# reading


def _expand(paths: Sequence[Path]) -> list[Path]:
    """The files to read: a directory stands for the OFAC CSV files inside it."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() == ".csv" and p.stem.lower() in _SET_FILE_STEMS
            )
            if not found:
                raise InputError(str(path), "no OFAC CSV files (sdn.csv, alt.csv ...) in it")
            files.extend(found)
        else:
            files.append(path)
    return files


def _read_rows(data: bytes, source: str) -> list[list[str]]:
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(source, "not an OFAC CSV file (binary content)")
    body = data.rstrip(EOF_BYTE)
    if body and not body.endswith(b"\n") and not data.endswith(EOF_BYTE):
        # OFAC ends every file with a line end and 0x1A: a file stopping mid-line was cut.
        raise InputError(
            source, "truncated file: it ends in the middle of a row", line=body.count(b"\n") + 1
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("cp1252", errors="replace")  # older OFAC files are Windows-1252
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return [row for row in reader if row]
    except csv.Error as exc:
        raise InputError(source, f"malformed CSV: {exc}", line=reader.line_num) from None


def _check_width(row: list[str], width: int, path: Path, line: int) -> None:
    if len(row) != width:
        raise InputError(
            str(path), f"expected {width} columns, found {len(row)} (truncated file?)", line=line
        )


def _ent_num(text: str, path: Path, line: int) -> str:
    value = text.strip()
    if not value.isdigit():
        raise InputError(
            str(path), f"ent_num {value!r} is not a number", line=line, field="ent_num"
        )
    return value


def _value(text: str) -> str:
    """A field with OFAC's null marker and padding removed ('' when empty)."""
    value = text.strip()
    return "" if value == NULL else value


def _merge(path: Path, rows: list[list[str]], records: dict[str, _Record]) -> None:
    """Fold an alias, address or comments file into the records it refers to."""
    width = len(rows[0])
    orphans: list[str] = []
    for line, row in enumerate(rows, 1):
        if width != COMMENT_COLUMNS:
            _check_width(row, width, path, line)
        ent_num = _ent_num(row[0], path, line)
        record = records.get(ent_num)
        if record is None:
            orphans.append(ent_num)
            continue
        if width == ALIAS_COLUMNS:
            name = _value(row[3])
            if not name:
                raise InputError(str(path), "empty alias name", line=line, field="alt_name")
            record.aliases.append(Alias(name, "strong"))
        elif width == ADDRESS_COLUMNS:
            country = _value(row[4])
            if country:
                code = country_code(country)
                if code:
                    record.countries.append(code)
                else:
                    record.unknown_countries.append(country)
        else:
            record.overflow.append(",".join(row[1:]))
    if orphans:
        # OFAC publishes the files of a set separately; a comments file a day newer than
        # sdn.csv refers to entries sdn.csv does not have yet.  Not fatal: say so.
        shown = ", ".join(unique(orphans)[:5]) + (" ..." if len(orphans) > 5 else "")
        notice = ImportNotice(
            f"{path}: {len(orphans)} row(s) refer to entries not in the primary file "
            f"(ent_num {shown}); ignored"
        )
        warnings.warn(notice, stacklevel=2)


# ---------------------------------------------------------------------------
# building entries


def _build(ent_num: str, record: _Record, list_name: str, source: str) -> Entry:
    row = record.row
    name = _value(row[1])
    if not name:
        raise InputError(source, "empty SDN_Name", line=record.line, field="SDN_Name")
    sdn_type = _value(row[2]).lower()
    entity_type = _TYPES.get(sdn_type)
    if entity_type is None:
        raise InputError(
            source, f"unknown SDN_Type {sdn_type!r}", line=record.line, field="SDN_Type"
        )
    programs = [p.strip(" []") for p in _value(row[3]).split("] [")] if _value(row[3]) else []
    listings = tuple(
        Listing(authority=AUTHORITY, list=list_name, program=p or None, reference=ent_num)
        for p in (programs or [""])
    )
    remarks_text = _value(row[11]) + "".join(record.overflow)
    remarks = parse_remarks(remarks_text, source, record.line) if remarks_text else Remarks()

    aliases = list(record.aliases)
    strong_names = {a.name for a in aliases} | {name}
    aliases.extend(Alias(n, "weak") for n in unique(remarks.weak_aliases) if n not in strong_names)
    countries = list(record.countries) + remarks.countries
    flag = country_code(_value(row[9])) if _value(row[9]) else None
    if flag:
        countries.append(flag)
    identifiers = list(remarks.identifiers)
    call_sign = _value(row[5])
    if call_sign:
        identifiers.append(Identifier("Call Sign", call_sign))

    extra: list[str] = []
    title = _value(row[4])
    for label, value in (
        ("Vessel type", _value(row[6])),
        ("Tonnage", _value(row[7])),
        ("GRT", _value(row[8])),
        ("Vessel owner", _value(row[10])),
    ):
        if value:
            extra.append(f"{label} {value}")
    if _value(row[9]) and not flag:
        extra.append(f"Vessel flag {_value(row[9])}")
    for country in unique(record.unknown_countries):
        extra.append(f"Address country {country}")
    parts = ([remarks_text.strip()] if remarks_text.strip() else []) + extra
    remarks_out = "; ".join(parts)

    return Entry(
        id=f"ofac-{ent_num}",
        type=entity_type,
        name=name,
        aliases=tuple(dict.fromkeys(aliases)),  # alt.csv repeats a name now and then
        listings=listings,
        birth_dates=tuple(dict.fromkeys(remarks.birth_dates)),
        nationalities=unique(remarks.nationalities),
        countries=unique(countries),
        gender=remarks.gender if entity_type == "person" else None,
        position=title or None,
        identifiers=tuple(dict.fromkeys(identifiers)),
        remarks=remarks_out or None,
    )


def parse_ofac_date(text: str) -> str | None:
    """OFAC's DOB forms -> the list format's date text, or None when unreadable."""
    text = text.strip().rstrip(".")
    if text.lower().startswith("circa "):
        inner = text[6:].strip()
        span = _YEAR_SPAN.match(inner)
        if span:
            low, high = int(span.group(1)), int(span.group(2))
        else:
            exact = _one_date(inner)
            if exact is None:
                return None
            low = high = int(exact[:4])
        return year_range_text(low - CIRCA_YEARS, high + CIRCA_YEARS)
    if " to " in text:
        start_text, _, end_text = text.partition(" to ")
        start, end = _one_date(start_text), _one_date(end_text)
        if start is None or end is None:
            return None
        return _collapse_range(start, end)
    return _one_date(text)


def _one_date(text: str) -> str | None:
    """``01 Jan 1967`` -> ``1967-01-01``, ``Jan 1967`` -> ``1967-01``, ``1967`` -> ``1967``."""
    text = text.strip()
    if _YEAR.match(text):
        return text
    match = _DAY_MONTH_YEAR.match(text)
    if not match:
        return None
    month = _MONTHS.get(match.group(2).lower())
    if month is None:
        return None
    year = match.group(3)
    if match.group(1) is None:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{int(match.group(1)):02d}"


def _collapse_range(start: str, end: str) -> str:
    """``1967-01-01``..``1969-12-31`` -> ``1967..1969``; a whole single year -> ``1948``."""
    if start.endswith("-01-01") and end.endswith("-12-31"):
        return year_range_text(int(start[:4]), int(end[:4]))
    if start == end:
        return start
    return f"{start}..{end}"


def parse_identifier(clause: str) -> Identifier | None:
    coin = _DIGITAL_CURRENCY.match(clause)
    if coin:
        return Identifier(f"Digital Currency Address - {coin.group('coin')}", coin.group("value"))
    imo = _IMO.match(clause)
    if imo:
        note = None if imo.group("kind") == "Vessel Registration Identification" else "company"
        return Identifier("IMO", imo.group("value"), None, note)
    match = _IDENTIFIER_RE.match(clause)
    if not match:
        return None
    body = _ID_BODY.match(match.group("body").strip())
    if not body:  # pragma: no cover - the body pattern accepts any non-empty text
        return None
    value = body.group("value").strip().rstrip(",")
    paren = body.group("paren")
    rest = body.group("rest").strip(" ,") or None
    country = country_code(paren) if paren else None
    notes = [n for n in (paren if paren and not country else None, rest) if n]
    return Identifier(
        type=match.group("type").rstrip(":"),
        value=value,
        country=country,
        note="; ".join(notes) or None,
    )
