"""On-disk cache of parsed lists and built indexes, keyed by content hash.

The key of every cached object is the sha256 of the bytes it was made from plus a
format version, so an edited list or a new release of this package can never see
a stale object.  Objects are pickled: the cache lives in the user's own cache
directory (created private, mode 0700) and holds only what this program wrote
there, never data received from elsewhere.  Writes are atomic (temporary file +
rename); a corrupt or unreadable entry is treated as a miss.

An entry is a small header, the pickle (protocol 5) and, after it, the raw bytes
of every buffer the pickle holds out of band (numpy arrays: ``buffer_callback``),
each aligned to ``ALIGNMENT``.  ``load`` maps those bytes read-only (``mmap``), so
the arrays of a cached index are views of the file, read from it only where used
rather than copied at start-up; they are read-only, and worker processes forked
after the load share the pages.  A file is never changed in place (a new entry
replaces it by rename), so a mapping stays valid whatever happens to it later.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import mmap
import os
import pickle
import struct
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from platformdirs import user_cache_dir

from .collector import collector_paused

# Bumped whenever the pickled records change shape, so old entries are never read.
CACHE_FORMAT = 3
CACHE_ENV = "SANCTIONS_CLI_CACHE_DIR"
# Entries kept per kind unless the caller says otherwise, the most recently used
# first: lists change with every update and the code with every release.  Imported
# lists are a few MB and a run may load many.
KEEP_PER_KIND = 16
NO_CACHE_ENV = "SANCTIONS_CLI_NO_CACHE"

# Layout of an entry: magic, length of the pickle, number of out-of-band buffers;
# then (offset, length) of each buffer; then the pickle; then the buffers.
_MAGIC = b"SCLICACH"
_HEADER = struct.Struct("<8sQQ")
_SPAN = struct.Struct("<QQ")
# Buffers start at multiples of this: aligned for any numpy dtype (and cache lines).
ALIGNMENT = 64


class _Settings:
    # Whether ``load`` moves what it loaded (and every object alive then) to the
    # collector's permanent generation (``gc.freeze``).  A cached list or index is
    # hundreds of thousands of objects that live as long as the run: otherwise the
    # collections that follow the load scan them all again, several times (about
    # 100 ms with the full lists), for nothing.  Process-wide, so only the command
    # line turns it on (``freeze_loaded``), for its own one-run process; off for the
    # library, whose caller owns the process.
    freeze = False


def freeze_loaded(freeze: bool = True) -> None:
    """Have ``load`` freeze what it loaded out of the collector's reach (see ``_Settings``)."""
    _Settings.freeze = freeze


PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
def source_digest(patterns: tuple[str, ...]) -> str:
    """sha256 of the package's source files matching ``patterns`` (globs relative
    to the package), in name order: part of the key of every object made by that
    code, so a new release never reads what an older one cached."""
    digest = hashlib.sha256()
    paths: Iterable[Path] = sorted({p for pattern in patterns for p in PACKAGE_DIR.glob(pattern)})
    for path in paths:
        try:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\x00")
            digest.update(path.read_bytes())
        except OSError:  # pragma: no cover - a zipped install: keyed on the version
            from . import __version__

            digest.update(__version__.encode())
    return digest.hexdigest()


def cache_dir() -> Path:
    """``$SANCTIONS_CLI_CACHE_DIR`` or the platform's user cache directory."""
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else Path(user_cache_dir("sanctions-cli"))


def _enabled() -> bool:
    return not os.environ.get(NO_CACHE_ENV)


def _path(kind: str, key: str) -> Path:
    return cache_dir() / f"{kind}-v{CACHE_FORMAT}-{key}.pickle"


def load(kind: str, key: str) -> Any | None:
    """The cached object of ``kind`` for ``key``, or None."""
    if not _enabled():
        return None
    path = _path(kind, key)
    try:
        # A list is a graph of some 100,000 small objects, none of them garbage.
        with collector_paused(), open(path, "rb") as handle:
            value = _read(handle)  # our own private cache, see the module doc
            if _Settings.freeze:
                gc.freeze()
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept by the eviction in ``store``
        return value
    except (
        OSError,
        ValueError,  # a bad header or mapping
        struct.error,  # a short header
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
    ):
        return None


def _read(handle: BinaryIO) -> Any:
    """The object of an open entry, its out-of-band buffers mapped from the file."""
    size = os.fstat(handle.fileno()).st_size
    magic, pickle_size, buffer_count = _HEADER.unpack(handle.read(_HEADER.size))
    if magic != _MAGIC:
        raise ValueError("not a cache entry")
    if _HEADER.size + _SPAN.size * buffer_count + pickle_size > size:
        raise EOFError("truncated cache entry")
    table = handle.read(_SPAN.size * buffer_count)
    spans = [_SPAN.unpack_from(table, _SPAN.size * i) for i in range(buffer_count)]
    if any(offset + length > size for offset, length in spans):
        raise EOFError("truncated cache entry")
    data = handle.read(pickle_size)
    if len(data) != pickle_size:
        raise EOFError("truncated cache entry")
    buffers: list[memoryview] = []
    if spans:
        whole = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        buffers = [whole[offset : offset + length] for offset, length in spans]
    return pickle.loads(data, buffers=buffers)


def store(kind: str, key: str, value: Any, *, keep: int = KEEP_PER_KIND) -> None:
    """Cache ``value``; failures (read-only home, full disk) are silently a no-op."""
    if not _enabled():
        return
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as handle:
                _write(handle, value)
            os.replace(tmp, _path(kind, key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _evict(directory, kind, keep)
    except OSError:
        return


def _write(handle: BinaryIO, value: Any) -> None:
    """Write ``value`` as an entry (layout: see ``_HEADER``)."""
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    raws = [buffer.raw() for buffer in buffers]
    spans: list[tuple[int, int]] = []
    offset = _HEADER.size + _SPAN.size * len(raws) + len(data)
    for raw in raws:
        offset += -offset % ALIGNMENT
        spans.append((offset, raw.nbytes))
        offset += raw.nbytes
    handle.write(_HEADER.pack(_MAGIC, len(data), len(raws)))
    handle.write(b"".join(_SPAN.pack(*span) for span in spans))
    handle.write(data)
    position = _HEADER.size + _SPAN.size * len(raws) + len(data)
    for raw, (start, length) in zip(raws, spans, strict=True):
        handle.write(bytes(start - position))
        handle.write(raw)
        position = start + length


def _evict(directory: Path, kind: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently used entries of ``kind``."""
    entries = []
    for path in directory.glob(f"{kind}-v*-*.pickle"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, path in entries[keep:]:
        path.unlink(missing_ok=True)
