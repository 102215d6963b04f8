"""The project's YAML list format: load, validate, hash and write list files.

A list file holds a ``list`` mapping (metadata) and an ``entries`` sequence; the
format is documented in the README and described by ``lists/sanctions-list.schema.json``.
YAML is parsed with PyYAML's safe loader (the libyaml C loader when available, several
times faster on big lists): no tag in a list file can construct a Python object.

Validation is done while converting to the frozen records of ``model``; a problem
raises ``InputError`` naming the file, the line (recovered from the YAML node tree
only when an error is found, so valid files pay nothing for it) and the field path.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from .collector import collector_paused
from .errors import InputError
from .inputfiles import decode_utf8, read_input
from .model import (
    ENTITY_TYPES,
    STRENGTHS,
    Alias,
    DateRange,
    Entry,
    Identifier,
    Listing,
    ListMeta,
    SanctionsList,
    Strength,
)

LIST_SUFFIXES = (".yaml", ".yml")


@functools.cache
def _yaml() -> tuple[type[Any], type[Any]]:
    """The list loader and the dumper of PyYAML, imported on first use: a run whose
    lists all come from the cache never parses YAML (and PyYAML takes ~10 ms to import)."""
    try:  # libyaml is an optional part of PyYAML wheels; the pure loader is the same, slower
        from yaml import CSafeDumper as dumper
        from yaml import CSafeLoader as loader
    except ImportError:  # pragma: no cover - depends on the PyYAML build
        from yaml import SafeDumper as dumper  # type: ignore[assignment]
        from yaml import SafeLoader as loader  # type: ignore[assignment]

    class ListLoader(loader):
        """The safe loader without YAML's implicit timestamps: dates stay strings until
        ``_opt_date`` checks them, so an invalid date is reported with its field and
        line instead of failing inside the YAML parser."""

    ListLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in loader.yaml_implicit_resolvers.items()
    }
    return ListLoader, dumper


_META_FIELDS = {"id", "title", "publisher", "source_url", "as_of"}
_META_REQUIRED = {"id", "title"}
_ENTRY_FIELDS = {
    "id",
    "type",
    "name",
    "aliases",
    "listings",
    "birth_dates",
    "nationalities",
    "countries",
    "gender",
    "position",
    "identifiers",
    "remarks",
}
_ENTRY_REQUIRED = {"id", "type", "name", "listings"}
_ALIAS_FIELDS = {"name", "strength", "script"}
_LISTING_FIELDS = {"authority", "list", "program", "reference", "listed_on", "delisted_on", "basis"}
_LISTING_REQUIRED = {"authority", "list"}
_IDENTIFIER_FIELDS = {"type", "value", "country", "note"}
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Path_ = tuple[str | int, ...]


class _Invalid(Exception):
    """Internal: a validation problem at a path inside the document."""

    def __init__(self, path: Path_, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


# ---------------------------------------------------------------------------
# public API


def bundled_list_dir() -> Path:
    """The directory of the YAML lists that ship with the package.

    Installed wheels carry them as ``sanctions_cli/lists``; in a source checkout
    (editable install, tests) they sit in the top-level ``lists/`` folder.
    """
    packaged = resources.files("sanctions_cli") / "lists"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "lists"


def bundled_list_paths() -> list[Path]:
    directory = bundled_list_dir()
    return sorted(p for p in directory.iterdir() if p.suffix in LIST_SUFFIXES)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def combined_hash(lists: Iterable[SanctionsList]) -> str:
    """One hash for a set of loaded lists, independent of the order they were given."""
    digest = hashlib.sha256()
    for h in sorted(lst.content_hash for lst in lists):
        digest.update(h.encode())
    return digest.hexdigest()


def names_digest(entries: Iterable[Entry]) -> str:
    """sha256 of the names of ``entries`` with their strengths, entry by entry, in
    order, and of the entries' types and genders: all a name matcher is built from
    (``matching.NameMatcher``)."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(f"\x1e{entry.type}\x1e{entry.gender or ''}\x1e".encode())
        for name, strength, _primary in entry.all_names():
            digest.update(f"{name}\x1f{strength}\x1f".encode())
    return digest.hexdigest()


def list_names_digest(lst: SanctionsList, known: str | None = None) -> str:
    """``names_digest`` of the entries of ``lst``, computed once per list object; with
    ``known``, that digest is recorded instead (the one cached with the entries)."""
    if known is not None:
        object.__setattr__(lst, "names_digest", known)  # frozen: see the field
    if lst.names_digest is None:
        object.__setattr__(lst, "names_digest", names_digest(lst.entries))
    assert lst.names_digest is not None
    return lst.names_digest


def load_list_file(path: str | Path) -> SanctionsList:
    """Load and validate one YAML list file."""
    return parse_list_bytes(read_input(path), str(path))


def parse_list_bytes(data: bytes, source: str) -> SanctionsList:
    """Parse the bytes of a YAML list file; ``source`` names it in errors."""
    text = decode_utf8(data, source)
    if not text.strip():
        raise InputError(source, "empty list file")
    import yaml

    list_loader, _ = _yaml()
    try:
        with collector_paused():  # a document of many small objects, none of them garbage
            document = yaml.load(text, Loader=list_loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise InputError(
            source, f"malformed YAML: {exc.problem}", line=mark.line + 1 if mark else None
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(source, f"malformed YAML: {exc}") from None
    try:
        with collector_paused():
            meta, entries = _convert_document(document)
    except _Invalid as exc:
        raise InputError(
            source, exc.message, line=_line_of(text, exc.path), field=_path_text(exc.path)
        ) from None
    return SanctionsList(meta=meta, entries=entries, content_hash=content_hash(data), source=source)


def dump_list(lst: SanctionsList | tuple[ListMeta, Sequence[Entry]]) -> str:
    """Serialise a list to the YAML format (the inverse of ``parse_list_bytes``)."""
    meta, entries = (lst.meta, lst.entries) if isinstance(lst, SanctionsList) else lst
    document = {"list": _meta_to_dict(meta), "entries": [entry_to_dict(e) for e in entries]}
    header = "# yaml-language-server: $schema=https://github.com/sanctions-cli/sanctions-cli/raw/main/lists/sanctions-list.schema.json\n"
    import yaml

    _, dumper = _yaml()
    body = yaml.dump(document, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    return header + body


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """An entry as plain data in the YAML layout, leaving out empty fields."""
    out: dict[str, Any] = {"id": entry.id, "type": entry.type, "name": entry.name}
    if entry.aliases:
        out["aliases"] = [_alias_to_dict(a) for a in entry.aliases]
    out["listings"] = [_drop_none(listing_to_dict(x)) for x in entry.listings]
    if entry.birth_dates:
        out["birth_dates"] = [d.text for d in entry.birth_dates]
    for key in ("nationalities", "countries"):
        value = getattr(entry, key)
        if value:
            out[key] = list(value)
    for key in ("gender", "position"):
        value = getattr(entry, key)
        if value:
            out[key] = value
    if entry.identifiers:
        out["identifiers"] = [
            _drop_none({"type": i.type, "value": i.value, "country": i.country, "note": i.note})
            for i in entry.identifiers
        ]
    if entry.remarks:
        out["remarks"] = entry.remarks
    return out


def parse_date_range(text: str) -> DateRange:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a range ``A..B`` of those.

    Raises ``ValueError`` with a short reason on anything else.
    """
    text = text.strip()
    if ".." in text:
        low_text, _, high_text = text.partition("..")
        low, _ = _partial_date_bounds(low_text.strip())
        _, high = _partial_date_bounds(high_text.strip())
        if high < low:
            raise ValueError(f"range {text!r} ends before it starts")
        return DateRange(low, high, text)
    low, high = _partial_date_bounds(text)
    return DateRange(low, high, text)


# ---------------------------------------------------------------------------
# conversion and validation


def _convert_document(document: Any) -> tuple[ListMeta, tuple[Entry, ...]]:
    if not isinstance(document, dict):
        raise _Invalid((), "a list file must be a mapping with 'list' and 'entries'")
    _check_keys(document, (), {"list", "entries"}, {"list", "entries"})
    meta = _convert_meta(document["list"], ("list",))
    raw_entries = document["entries"]
    if raw_entries is None:
        raw_entries = []
    if not isinstance(raw_entries, list):
        raise _Invalid(("entries",), "must be a sequence of entries")
    entries = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_entries):
        path: Path_ = ("entries", index)
        entry = _convert_entry(raw, path)
        if entry.id in seen:
            raise _Invalid(path + ("id",), f"duplicate entry id {entry.id!r}")
        seen[entry.id] = index
        entries.append(entry)
    return meta, tuple(entries)


def _convert_meta(raw: Any, path: Path_) -> ListMeta:
    _check_mapping(raw, path)
    _check_keys(raw, path, _META_FIELDS, _META_REQUIRED)
    return ListMeta(
        id=_text(raw, path, "id"),
        title=_text(raw, path, "title"),
        publisher=_opt_text(raw, path, "publisher"),
        source_url=_opt_text(raw, path, "source_url"),
        as_of=_opt_date(raw, path, "as_of"),
    )


def _convert_entry(raw: Any, path: Path_) -> Entry:
    _check_mapping(raw, path)
    _check_keys(raw, path, _ENTRY_FIELDS, _ENTRY_REQUIRED)
    entity_type = _text(raw, path, "type")
    if entity_type not in ENTITY_TYPES:
        raise _Invalid(
            path + ("type",),
            f"unknown type {entity_type!r} (expected one of {', '.join(ENTITY_TYPES)})",
        )
    aliases = tuple(
        _convert_alias(item, path + ("aliases", i))
        for i, item in enumerate(_seq(raw, path, "aliases"))
    )
    listings = tuple(
        _convert_listing(item, path + ("listings", i))
        for i, item in enumerate(_seq(raw, path, "listings"))
    )
    if not listings:
        raise _Invalid(path + ("listings",), "an entry needs at least one listing")
    birth_dates = []
    for i, item in enumerate(_seq(raw, path, "birth_dates")):
        item_path = path + ("birth_dates", i)
        if isinstance(item, int):
            item = str(item)
        elif isinstance(item, dt.date):
            item = item.isoformat()
        if not isinstance(item, str):
            raise _Invalid(item_path, "must be a date: YYYY, YYYY-MM, YYYY-MM-DD or A..B")
        try:
            birth_dates.append(parse_date_range(item))
        except ValueError as exc:
            raise _Invalid(item_path, str(exc)) from None
    return Entry(
        id=_text(raw, path, "id"),
        type=entity_type,  # checked against ENTITY_TYPES above
        name=_text(raw, path, "name"),
        aliases=aliases,
        listings=listings,
        birth_dates=tuple(birth_dates),
        nationalities=_countries(raw, path, "nationalities"),
        countries=_countries(raw, path, "countries"),
        gender=_opt_text(raw, path, "gender"),
        position=_opt_text(raw, path, "position"),
        identifiers=tuple(
            _convert_identifier(item, path + ("identifiers", i))
            for i, item in enumerate(_seq(raw, path, "identifiers"))
        ),
        remarks=_opt_text(raw, path, "remarks"),
    )


def _convert_alias(raw: Any, path: Path_) -> Alias:
    if isinstance(raw, str):
        if not raw.strip():
            raise _Invalid(path, "empty alias")
        return Alias(raw.strip())
    _check_mapping(raw, path)
    _check_keys(raw, path, _ALIAS_FIELDS, {"name"})
    strength = _opt_text(raw, path, "strength") or "strong"
    if strength not in STRENGTHS:
        raise _Invalid(path + ("strength",), f"unknown strength {strength!r} (strong or weak)")
    strength_value: Strength = "weak" if strength == "weak" else "strong"
    return Alias(_text(raw, path, "name"), strength_value, _opt_text(raw, path, "script"))


def _convert_listing(raw: Any, path: Path_) -> Listing:
    _check_mapping(raw, path)
    _check_keys(raw, path, _LISTING_FIELDS, _LISTING_REQUIRED)
    listing = Listing(
        authority=_text(raw, path, "authority"),
        list=_text(raw, path, "list"),
        program=_opt_text(raw, path, "program"),
        reference=_opt_text(raw, path, "reference"),
        listed_on=_opt_date(raw, path, "listed_on"),
        delisted_on=_opt_date(raw, path, "delisted_on"),
        basis=_opt_text(raw, path, "basis"),
    )
    if listing.listed_on and listing.delisted_on and listing.delisted_on < listing.listed_on:
        raise _Invalid(path + ("delisted_on",), "delisted before it was listed")
    return listing


def _convert_identifier(raw: Any, path: Path_) -> Identifier:
    _check_mapping(raw, path)
    _check_keys(raw, path, _IDENTIFIER_FIELDS, {"type", "value"})
    country = _opt_text(raw, path, "country")
    if country is not None and not _COUNTRY_RE.match(country):
        raise _Invalid(path + ("country",), f"{country!r} is not an ISO 3166-1 alpha-2 code")
    return Identifier(
        type=_text(raw, path, "type"),
        value=_text(raw, path, "value"),
        country=country,
        note=_opt_text(raw, path, "note"),
    )


def _check_mapping(raw: Any, path: Path_) -> None:
    if not isinstance(raw, dict):
        raise _Invalid(path, "must be a mapping")


def _check_keys(raw: Mapping[Any, Any], path: Path_, allowed: set[str], required: set[str]) -> None:
    for key in raw:
        if key not in allowed:
            raise _Invalid(path + (str(key),), f"unknown field {key!r}")
    for key in sorted(required):
        if key not in raw or raw[key] is None:
            raise _Invalid(path + (key,), "missing required field")


def _text(raw: Mapping[str, Any], path: Path_, key: str) -> str:
    value = raw.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(path + (key,), "must be a non-empty string")
    return value.strip()


def _opt_text(raw: Mapping[str, Any], path: Path_, key: str) -> str | None:
    if raw.get(key) is None:
        return None
    return _text(raw, path, key)


def _opt_date(raw: Mapping[str, Any], path: Path_, key: str) -> dt.date | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Invalid(path + (key,), f"invalid date {value!r} (expected YYYY-MM-DD)")


def _seq(raw: Mapping[str, Any], path: Path_, key: str) -> list[Any]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Invalid(path + (key,), "must be a sequence")
    return value


def _countries(raw: Mapping[str, Any], path: Path_, key: str) -> tuple[str, ...]:
    out = []
    for i, item in enumerate(_seq(raw, path, key)):
        if not isinstance(item, str) or not _COUNTRY_RE.match(item.strip().upper()):
            raise _Invalid(path + (key, i), f"{item!r} is not an ISO 3166-1 alpha-2 code")
        out.append(item.strip().upper())
    return tuple(out)


def _partial_date_bounds(text: str) -> tuple[dt.date, dt.date]:
    match = _PARTIAL_DATE_RE.match(text)
    if not match:
        raise ValueError(f"invalid date {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            first = dt.date(year, month, 1)
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        exact = dt.date(year, month, day)
        return exact, exact
    except ValueError:
        raise ValueError(f"invalid date {text!r}") from None


def _path_text(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _line_of(text: str, path: Path_) -> int | None:
    """The 1-based line of the node at ``path`` (or its nearest existing parent)."""
    import yaml

    list_loader, _ = _yaml()
    try:
        node = yaml.compose(text, Loader=list_loader)
    except yaml.YAMLError:  # pragma: no cover - the text already parsed once
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    child = value_node
                    line = key_node.start_mark.line + 1
                    break
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


def _meta_to_dict(meta: ListMeta) -> dict[str, Any]:
    return _drop_none(
        {
            "id": meta.id,
            "title": meta.title,
            "publisher": meta.publisher,
            "source_url": meta.source_url,
            "as_of": meta.as_of,
        }
    )


def _alias_to_dict(alias: Alias) -> dict[str, Any]:
    return _drop_none({"name": alias.name, "strength": alias.strength, "script": alias.script})


def listing_to_dict(listing: Listing) -> dict[str, Any]:
    """A listing's fields as a dict (dates as ``date`` objects), every key present."""
    return {
        "authority": listing.authority,
        "list": listing.list,
        "program": listing.program,
        "reference": listing.reference,
        "listed_on": listing.listed_on,
        "delisted_on": listing.delisted_on,
        "basis": listing.basis,
    }


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}
