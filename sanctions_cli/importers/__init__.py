"""Importers: official sanctions publications -> ``SanctionsList`` (the project's records).

Owns the registry of formats and the API the CLI calls:

- ``FORMATS``: format name -> importer (a function ``(paths) -> SanctionsList``);
- ``detect_format(paths)``: the format of a set of files, from their content (the first few
  KB), never from their names: ``<sdnList`` (OFAC XML), ``<CONSOLIDATED_LIST`` (UN),
  ``<data-set>`` of ``<record>`` (Canada), the OpenSanctions header row, the shape of an
  OFAC CSV row, a zip naming ``content.xml`` (ODS: the UK summary);
- ``sniff_format(path)``: the same for one file, None when it is not an official format
  (a YAML list file, say), for callers that accept both;
- ``official_sources(folder)``: the official publications a folder holds (the folder itself
  when it is an OFAC CSV set), so that a folder as downloaded can be named like a file;
- ``import_files(fmt, paths)``: import with a named format, or detect it when ``fmt`` is None.

Every importer returns a list that ``listfile.dump_list`` writes and ``listfile`` reads back
unchanged, with ``content_hash`` identifying the input bytes and a ``ListMeta`` naming the
publisher.  Problems in the input raise ``InputError`` (one line naming the file, line or
row and field); oddities that do not stop an import are issued as ``ImportNotice`` warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..collector import collector_paused
from ..errors import InputError, UsageError
from ..model import SanctionsList
from ._common import SNIFF_BYTES, ImportNotice
from .canada_xml import import_canada_xml
from .canada_xml import sniff as _sniff_canada
from .ofac_csv import import_ofac_csv
from .ofac_csv import sniff as _sniff_ofac_csv
from .ofac_xml import import_ofac_xml
from .ofac_xml import sniff as _sniff_ofac_xml
from .opensanctions_csv import import_opensanctions_csv
from .opensanctions_csv import sniff as _sniff_opensanctions
from .uk_ods import import_uk_ods
from .uk_ods import sniff as _sniff_uk_ods
from .un_xml import import_un_xml
from .un_xml import sniff as _sniff_un

__all__ = [
    "FORMATS",
    "FORMAT_DESCRIPTIONS",
    "ImportNotice",
    "Importer",
    "detect_format",
    "import_files",
    "official_sources",
    "sniff_format",
]

Importer = Callable[[Sequence[Path]], SanctionsList]

FORMATS: dict[str, Importer] = {
    "ofac-csv": import_ofac_csv,
    "ofac-xml": import_ofac_xml,
    "un-xml": import_un_xml,
    "canada-xml": import_canada_xml,
    "opensanctions-csv": import_opensanctions_csv,
    "uk-ods": import_uk_ods,
}

FORMAT_DESCRIPTIONS: dict[str, str] = {
    "ofac-csv": "OFAC legacy CSV set: sdn.csv alt.csv add.csv sdn_comments.csv "
    "(or cons_*.csv), or the folder holding them",
    "ofac-xml": "OFAC XML sdnList: sdn.xml or consolidated.xml",
    "un-xml": "UN Security Council Consolidated List XML",
    "canada-xml": "Canada's Consolidated Autonomous Sanctions List XML",
    "opensanctions-csv": "OpenSanctions targets.simple.csv export (any dataset)",
    "uk-ods": "UK Sanctions List summary spreadsheet (.ods)",
}

# Checked in this order; the XML and zip signatures are unambiguous, the OFAC CSV shape
# (a row starting with a number) is the loosest and goes last.
_SNIFFERS: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("uk-ods", _sniff_uk_ods),
    ("ofac-xml", _sniff_ofac_xml),
    ("un-xml", _sniff_un),
    ("canada-xml", _sniff_canada),
    ("opensanctions-csv", _sniff_opensanctions),
    ("ofac-csv", _sniff_ofac_csv),
)
# File names that make a folder an OFAC CSV set.
_OFAC_PRIMARY_NAMES = ("sdn.csv", "cons_prim.csv")


def is_ofac_csv_folder(path: Path) -> bool:
    """Whether ``path`` is a folder holding an OFAC CSV set (its primary file by name)."""
    return path.is_dir() and any(
        p.name.lower() in _OFAC_PRIMARY_NAMES for p in path.iterdir() if p.is_file()
    )


def official_sources(folder: Path) -> list[tuple[str, Path]]:
    """The official publications in ``folder``, as (format, path), sorted by name.

    An OFAC CSV set is the folder itself (its files belong together); otherwise each
    file whose content is an official format, say the one ``UN_consolidated.xml`` of
    a download folder.  Hidden files and files in no known format (a README, the
    YAML lists ``listfile`` reads) are not sources; subfolders are not searched.
    """
    if is_ofac_csv_folder(folder):
        return [("ofac-csv", folder)]
    found = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            fmt = sniff_format(path)
            if fmt is not None:
                found.append((fmt, path))
    return found


def sniff_format(path: Path) -> str | None:
    """The official format of one file (or OFAC CSV folder) by content, or None."""
    if path.is_dir():
        return "ofac-csv" if is_ofac_csv_folder(path) else None
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from None
    for name, sniff in _SNIFFERS:
        if sniff(head):
            return name
    return None


def detect_format(paths: Sequence[Path]) -> str:
    """The one official format all ``paths`` are in, or an ``InputError`` saying why not."""
    if not paths:
        raise UsageError("no input files given")
    found: dict[str, list[Path]] = {}
    for path in _folders_opened([Path(p) for p in paths]):
        fmt = sniff_format(path)
        if fmt is None:
            known = ", ".join(FORMATS)
            raise InputError(str(path), f"not a recognised sanctions list format (known: {known})")
        found.setdefault(fmt, []).append(path)
    if len(found) > 1:
        parts = "; ".join(f"{fmt}: {', '.join(map(str, ps))}" for fmt, ps in found.items())
        raise InputError(", ".join(map(str, paths)), f"files of different formats ({parts})")
    return next(iter(found))


def _folders_opened(paths: Sequence[Path]) -> list[Path]:
    """``paths`` with each folder that is not an OFAC CSV set replaced by its official files."""
    opened: list[Path] = []
    for path in paths:
        if not path.is_dir() or is_ofac_csv_folder(path):
            opened.append(path)
            continue
        sources = official_sources(path)
        if not sources:
            known = ", ".join(FORMATS)
            raise InputError(str(path), f"folder holds no official list file (known: {known})")
        opened.extend(p for _, p in sources)
    return opened


def import_files(fmt: str | None, paths: Sequence[Path]) -> SanctionsList:
    """Import official files in format ``fmt`` (a key of ``FORMATS``), or detect it.

    A folder stands for the official files in it (``official_sources``): the one file
    of a download folder, or the folder itself for an OFAC CSV set.
    """
    if not paths:
        raise UsageError("no input files given")
    paths = _folders_opened([Path(p) for p in paths])
    name = detect_format(paths) if fmt is None else fmt.strip().lower()
    importer = FORMATS.get(name)
    if importer is None:
        raise UsageError(f"unknown list format {fmt!r} (known: {', '.join(FORMATS)})")
    with collector_paused():  # a list of thousands of entries, none of them garbage
        return importer(paths)
