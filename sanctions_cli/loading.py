"""Load the lists a run screens against: bundled YAML, user YAML, or official files.

``load_lists`` takes what the user gave with ``--list`` (files or directories) or,
with nothing given, the bundled lists.  A YAML file is parsed by ``listfile``; any
other file (an OFAC CSV set, UN XML, ...) is converted by ``importers``.  Both
results are cached on disk keyed by the hash of the input bytes, so the second
run with the same lists skips parsing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from . import cache
from .collector import collector_paused
from .errors import InputError
from .inputfiles import read_input
from .lazy_entries import PackedEntries
from .listfile import (
    LIST_SUFFIXES,
    bundled_list_paths,
    content_hash,
    list_names_digest,
    parse_list_bytes,
)
from .model import SanctionsList

# A list older than this (days since its as-of date) draws a warning: screening
# against a stale list is a compliance finding.  90 days is a quarter: official
# lists change weekly, so any real deployment updates far more often.
DEFAULT_MAX_AGE_DAYS = 90


def load_lists(
    paths: Sequence[str | Path] | None = None, list_format: str | None = None
) -> list[SanctionsList]:
    """Load every list named in ``paths`` (the bundled lists when empty or None)."""
    with collector_paused():  # tens of thousands of entries, none of them garbage
        return _load_lists(paths, list_format)


def _load_lists(paths: Sequence[str | Path] | None, list_format: str | None) -> list[SanctionsList]:
    if not paths:
        return [load_yaml_list(p) for p in default_list_paths()]
    loaded: list[SanctionsList] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and list_format is None and not _is_official_dir(path):
            loaded.extend(_folder_lists(path))
        elif list_format is None and path.suffix in LIST_SUFFIXES:
            loaded.append(load_yaml_list(path))
        else:
            loaded.append(load_official_list(path, list_format))
    return loaded


# How deep a folder named with ``--list`` is searched for lists: the folder and its
# subfolders, the layout of a downloads folder (``lists/un/UN_consolidated.xml``,
# ``lists/ofac-sdn/sdn.csv``); deeper trees are more likely a mistake than a library.
FOLDER_DEPTH = 1


def _folder_lists(folder: Path, depth: int = 0) -> list[SanctionsList]:
    """Every list in ``folder``: its YAML lists, its official files (``importers``), an
    OFAC CSV set, and the same in its subfolders down to ``FOLDER_DEPTH``."""
    from . import importers  # only for a folder: it pulls in the XML parsers

    loaded: list[SanctionsList] = []
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        if path.is_dir():
            if _is_official_dir(path):
                loaded.append(load_official_list(path, None))
            elif depth < FOLDER_DEPTH:
                loaded.extend(_folder_lists(path, depth + 1))
        elif path.suffix in LIST_SUFFIXES:
            loaded.append(load_yaml_list(path))
    loaded.extend(
        load_official_list(path, fmt)
        for fmt, path in importers.official_sources(folder)
        if path != folder
    )
    if not loaded and depth == 0:
        raise InputError(
            str(folder), "folder holds no sanctions list (a .yaml list or an official file)"
        )
    return loaded


# The code that turns list bytes into entries: a parsed or imported list is cached
# under a key that includes its source, so a fixed parser or importer is never
# bypassed by what an older release cached.
LIST_CODE = ("listfile.py", "model.py", "countries.py", "lazy_entries.py")
IMPORT_CODE = (*LIST_CODE, "importers/*.py")


def default_list_paths() -> list[Path]:
    """The bundled lists, plus the official lists installed by ``sanctions lists update``."""
    from .update import updated_list_dir

    updated = updated_list_dir()
    extra = sorted(p for p in updated.glob("*.yaml")) if updated.is_dir() else []
    return bundled_list_paths() + extra


def load_yaml_list(path: str | Path) -> SanctionsList:
    source = str(path)
    data = read_input(source)
    key = content_hash(data + cache.source_digest(LIST_CODE).encode())
    cached = _cached_list("list", key)
    if cached is not None:
        lst = SanctionsList(cached.meta, cached.entries, cached.content_hash, source)
        list_names_digest(lst, cached.names_digest)
        return lst
    parsed = parse_list_bytes(data, source)
    _store_list("list", key, parsed)
    return parsed


def load_official_list(path: Path, list_format: str | None) -> SanctionsList:
    """Convert an official publication (file or OFAC CSV directory), cached by content."""
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    digest = "".join(f"{f.name}:{content_hash(read_input(str(f)))}" for f in files)
    code = cache.source_digest(IMPORT_CODE)
    key = content_hash(f"{list_format}:{digest}:{code}".encode())
    cached = _cached_list("import", key)
    if cached is not None:
        return cached
    from . import importers  # imported only on a cache miss: it pulls in the XML parsers

    converted: SanctionsList = importers.import_files(list_format, [path])
    _store_list("import", key, converted)
    return converted


def _cached_list(kind: str, key: str) -> SanctionsList | None:
    """A list from the cache, with the digest of its names that was cached with it
    (``listfile.list_names_digest``: the matcher's cache key needs it)."""
    cached = cache.load(kind, key)
    if (
        isinstance(cached, tuple)
        and len(cached) == 2
        and isinstance(cached[0], SanctionsList)
        and isinstance(cached[1], str)
    ):
        list_names_digest(cached[0], cached[1])
        return cached[0]
    return None


def _store_list(kind: str, key: str, lst: SanctionsList) -> None:
    # Entries packed: a later run reads only those it shows (``lazy_entries``).
    packed = SanctionsList(lst.meta, PackedEntries.pack(lst.entries), lst.content_hash, lst.source)
    cache.store(kind, key, (packed, list_names_digest(lst)))


def stale_lists(
    lists: Sequence[SanctionsList], today: dt.date, max_age_days: int = DEFAULT_MAX_AGE_DAYS
) -> list[tuple[SanctionsList, int]]:
    """Lists whose as-of date is more than ``max_age_days`` before ``today``, with their age."""
    out = []
    for lst in lists:
        if lst.meta.as_of is not None:
            age = (today - lst.meta.as_of).days
            if age > max_age_days:
                out.append((lst, age))
    return out


def _is_official_dir(path: Path) -> bool:
    # ``importers.is_ofac_csv_folder`` by file name, without importing the importers
    # (and their XML parsers) on the start-up path of every run.
    return any((path / name).exists() for name in ("sdn.csv", "SDN.CSV", "cons_prim.csv"))


def same_list_twice(lists: Sequence[SanctionsList]) -> dict[str, list[SanctionsList]]:
    """Lists loaded more than once under one id (two versions of the SDN list, say), by id:
    their entries are screened twice and a hit is reported once per copy."""
    by_id: dict[str, list[SanctionsList]] = {}
    for lst in lists:
        by_id.setdefault(lst.meta.id, []).append(lst)
    return {list_id: copies for list_id, copies in by_id.items() if len(copies) > 1}
