"""Helpers shared by the importers: reading files, hashing a set of inputs, hardened XML
parsing, date helpers and the small builders every importer needs.

Nothing here knows a particular publisher's format; each ``importers/<format>.py`` module
owns its own layout and quirks.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as DET

from ..countries import country_code
from ..errors import InputError, Notice
from ..inputfiles import read_input
from ..listfile import content_hash, parse_date_range
from ..model import DateRange

# How much of a file the format sniffers look at: enough for an XML prolog, a root
# element with its namespace declarations and a CSV header row.
SNIFF_BYTES = 4096

_WHITESPACE = re.compile(r"\s+")


class ImportNotice(Notice):
    """Something odd but not fatal in an official file (issued with ``warnings.warn``):
    the CLI can record these with ``warnings.catch_warnings(record=True)`` and show them."""


def inputs_hash(datas: Sequence[bytes]) -> str:
    """sha256 identifying a set of input files.

    One file: the sha256 of its bytes (the same value ``listfile`` gives a file).  Several
    files: the sha256 of their sorted hashes, so the order they were given does not matter.
    """
    if len(datas) == 1:
        return content_hash(datas[0])
    return content_hash("\n".join(sorted(content_hash(d) for d in datas)).encode())


def parse_xml(data: bytes, source: str) -> ET.Element:
    """Parse XML with defusedxml: DTDs (and with them entity bombs and external
    entities) are refused outright, since no sanctions publication uses one."""
    if not data.strip():
        raise InputError(source, "empty file")
    try:
        root: ET.Element = DET.fromstring(data, forbid_dtd=True)
    except defusedxml.DTDForbidden:
        raise InputError(
            source, "XML with a DOCTYPE/DTD refused (entity expansion or external entities)"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise InputError(source, f"unsafe XML refused: {exc}") from None
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        reason = str(exc).split(":")[0]
        if "no element found" in reason:
            reason = "truncated XML (no closing root element)"
        raise InputError(source, f"malformed XML: {reason}", line=line) from None
    return root


@dataclass(frozen=True, slots=True)
class XmlInput:
    """The one XML file of an import: its path, bytes (for the content hash) and root."""

    path: Path
    data: bytes
    root: ET.Element

    @property
    def source(self) -> str:
        return str(self.path)


def read_single_xml(paths: Sequence[Path], root_tag: str, what: str) -> XmlInput:
    """Read and parse the single XML file of ``paths``, checking its root element.

    ``what`` names the publication in errors ("an OFAC sdnList").
    """
    if len(paths) != 1:
        raise InputError(", ".join(map(str, paths)), f"{what} is one XML file; give exactly one")
    path = paths[0]
    data = read_input(path)
    root = parse_xml(data, str(path))
    if local(root.tag) != root_tag:
        raise InputError(str(path), f"not {what}: root element <{local(root.tag)}>")
    return XmlInput(path, data, root)


def collect_country(
    name: str | None, codes: list[str], remarks: list[str | None], label: str
) -> None:
    """Add the ISO code of a country name to ``codes``; a name with no known code goes
    to ``remarks`` as ``"{label} {name}"`` rather than being dropped or guessed."""
    if not name:
        return
    code = country_code(name)
    if code:
        codes.append(code)
    else:
        remarks.append(f"{label} {name}")


def local(tag: str) -> str:
    """An element tag without its ``{namespace}``."""
    return tag.rpartition("}")[2]


def child_text(element: ET.Element, name: str) -> str | None:
    """Stripped text of the first direct child named ``name`` (namespace ignored)."""
    for child in element:
        if local(child.tag) == name:
            return clean(child.text)
    return None


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if local(child.tag) == name]


def clean(text: str | None) -> str | None:
    """Collapse whitespace (publishers wrap long values over lines); empty -> None."""
    if text is None:
        return None
    out = _WHITESPACE.sub(" ", text).strip()
    return out or None


def iso_date(
    text: str, source: str, field: str, *, line: int | None = None, row: int | None = None
) -> dt.date:
    """A ``YYYY-MM-DD`` date (a time part is ignored), or an ``InputError``."""
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise InputError(
            source,
            f"invalid date {text!r} (expected YYYY-MM-DD)",
            line=line,
            row=row,
            field=field,
        ) from None


def date_range(
    text: str, source: str, field: str, *, line: int | None = None, row: int | None = None
) -> DateRange:
    """``listfile.parse_date_range`` with an ``InputError`` naming the place."""
    try:
        return parse_date_range(text)
    except ValueError as exc:
        raise InputError(source, str(exc), line=line, row=row, field=field) from None


def year_range_text(low: int, high: int) -> str:
    """``1948`` for one year, ``1967..1969`` for several."""
    return str(low) if low == high else f"{low}..{high}"


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Items in first-seen order without duplicates."""
    return tuple(dict.fromkeys(items))


def join_remarks(parts: Iterable[str | None]) -> str | None:
    text = "; ".join(p for p in parts if p)
    return text or None


def script_of(text: str) -> str | None:
    """The script of a name, from the Unicode name of its first letter ("Arabic", "Hangul")."""
    for char in text:
        if char.isalpha():
            try:
                first = unicodedata.name(char).split()[0]
            except ValueError:
                return None
            return {"CJK": "Han", "HANGUL": "Hangul", "LATIN": None}.get(first, first.capitalize())
    return None


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits joined by hyphens, for building entry ids."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
