"""Download the current official lists, check them, convert them and keep them.

``update_source`` fetches one publisher's file into the user's data directory
(platformdirs, or ``$SANCTIONS_CLI_DATA_DIR``), parses it with the matching
importer, refuses it when it lost a suspicious share of its entries, writes the
converted YAML atomically, keeps the previous version beside it, and returns the
difference.  A failed download or a bad file never replaces the last good list.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from . import cache
from .errors import InputError, UsageError
from .listdiff import ListDiff, diff_entries
from .listfile import content_hash, dump_list
from .loading import load_yaml_list
from .model import SanctionsList

DATA_ENV = "SANCTIONS_CLI_DATA_DIR"
# Largest download accepted: the biggest official file (OFAC's sdn.xml) is about
# 30 MB; 300 MB leaves room for growth and stops a runaway or hostile response.
MAX_DOWNLOAD_BYTES = 300 * 1024 * 1024
DOWNLOAD_TIMEOUT_SECONDS = 120
# A new version with fewer than this share of the previous version's entries is
# refused (unless forced): official lists grow slowly; losing a third overnight
# means a truncated or wrong file, not mass delistings.
MIN_KEPT_SHARE = 0.67
# A list must have at least this many entries to be accepted at all.
MIN_ENTRIES = 1


@dataclass(frozen=True, slots=True)
class Source:
    """An official publication: where to fetch it and which importer reads it."""

    name: str
    title: str
    url: str
    format: str
    filename: str


SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source(
            "ofac-sdn",
            "OFAC Specially Designated Nationals (SDN) list",
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML",
            "ofac-xml",
            "sdn.xml",
        ),
        Source(
            "ofac-consolidated",
            "OFAC non-SDN consolidated sanctions list",
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML",
            "ofac-xml",
            "consolidated.xml",
        ),
        Source(
            "un",
            "UN Security Council Consolidated List",
            "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
            "un-xml",
            "un_consolidated.xml",
        ),
        Source(
            "canada",
            "Canada Consolidated Autonomous Sanctions List",
            "https://www.international.gc.ca/world-monde/assets/office_docs/"
            "international_relations-relations_internationales/sanctions/sema-lmes.xml",
            "canada-xml",
            "sema.xml",
        ),
        Source(
            "opensanctions",
            "OpenSanctions consolidated sanctions (targets.simple.csv)",
            "https://data.opensanctions.org/datasets/latest/sanctions/targets.simple.csv",
            "opensanctions-csv",
            "targets.simple.csv",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class UpdateResult:
    source: Source
    path: Path  # the converted YAML list now in use
    entries: int
    previous_entries: int | None
    diff: ListDiff | None  # None on the first download


def data_dir() -> Path:
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else Path(user_data_dir("sanctions-cli"))


def updated_list_dir() -> Path:
    """Where converted lists are kept; ``load_lists`` adds them to the bundled ones."""
    return data_dir() / "lists"


def previous_dir() -> Path:
    """Where the version replaced by the last update of each source is kept."""
    return data_dir() / "previous"


def download(url: str, target: Path) -> None:
    """Fetch ``url`` into ``target`` (atomically), bounded in size and time."""
    if not url.startswith(("https://", "http://", "file://")):
        raise UsageError(f"unsupported URL {url!r}")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "sanctions-cli"})
        with (
            urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response,
            os.fdopen(fd, "wb") as out,
        ):
            copied = 0
            while chunk := response.read(1 << 16):
                copied += len(chunk)
                if copied > MAX_DOWNLOAD_BYTES:
                    raise InputError(url, f"download larger than {MAX_DOWNLOAD_BYTES} bytes")
                out.write(chunk)
        if copied == 0:
            raise InputError(url, "empty download")
        os.replace(tmp, target)
    except urllib.error.URLError as exc:
        raise InputError(url, f"download failed: {exc.reason}") from None
    except (TimeoutError, ConnectionError) as exc:
        raise InputError(url, f"download failed: {exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def update_source(
    source: Source,
    *,
    url: str | None = None,
    force: bool = False,
    importer: Callable[[str, list[Path]], SanctionsList] | None = None,
) -> UpdateResult:
    """Download, check, convert and install one source; the previous version is kept."""
    if importer is None:
        from .importers import import_files

        def importer(fmt: str, paths: list[Path]) -> SanctionsList:
            return import_files(fmt, paths)

    downloads = data_dir() / "downloads"
    lists_dir = updated_list_dir()
    lists_dir.mkdir(parents=True, exist_ok=True)
    fetched = downloads / source.filename
    staging = downloads / f"{source.filename}.new"
    download(url or source.url, staging)
    converted = importer(source.format, [staging])
    if len(converted.entries) < MIN_ENTRIES:
        staging.unlink(missing_ok=True)
        raise InputError(source.name, "the downloaded list holds no entries; kept the previous one")

    current = lists_dir / f"{source.name}.yaml"
    previous: SanctionsList | None = load_yaml_list(current) if current.exists() else None
    if previous is not None and not force:
        kept = len(converted.entries) / max(1, len(previous.entries))
        if kept < MIN_KEPT_SHARE:
            staging.unlink(missing_ok=True)
            raise InputError(
                source.name,
                f"the new list has {len(converted.entries)} entries against "
                f"{len(previous.entries)} before; refusing a suspicious shrink "
                "(use --force to accept it)",
            )
    yaml_text = dump_list(converted)
    yaml_bytes = yaml_text.encode("utf-8")
    # Prime the load cache: the YAML reads back exactly as ``converted`` (dump and
    # parse round-trip), so the first screening run after an update skips parsing.
    cache.store(
        "list",
        content_hash(yaml_bytes),
        SanctionsList(converted.meta, converted.entries, content_hash(yaml_bytes), str(current)),
    )
    fd, tmp_name = tempfile.mkstemp(dir=lists_dir, prefix=f".{source.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(yaml_bytes)
        if previous is not None:
            previous_dir().mkdir(parents=True, exist_ok=True)
            shutil.copyfile(current, previous_dir() / f"{source.name}.yaml")
        os.replace(tmp_name, current)
    finally:
        Path(tmp_name).unlink(missing_ok=True)
    os.replace(staging, fetched)
    diff = diff_entries(previous.entries, converted.entries) if previous is not None else None
    return UpdateResult(
        source=source,
        path=current,
        entries=len(converted.entries),
        previous_entries=len(previous.entries) if previous is not None else None,
        diff=diff,
    )
