"""On-disk cache of parsed lists and built indexes, keyed by content hash.

The key of every cached object is the sha256 of the bytes it was made from plus a
format version, so an edited list or a new release of this package can never see
a stale object.  Objects are pickled: the cache lives in the user's own cache
directory (created private, mode 0700) and holds only what this program wrote
there, never data received from elsewhere.  Writes are atomic (temporary file +
rename); a corrupt or unreadable entry is treated as a miss.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

# Bumped whenever the pickled records change shape, so old entries are never read.
CACHE_FORMAT = 2
CACHE_ENV = "SANCTIONS_CLI_CACHE_DIR"
# Entries kept per kind unless the caller says otherwise, the most recently used
# first: lists change with every update and the code with every release.  Imported
# lists are a few MB and a run may load many.
KEEP_PER_KIND = 16
NO_CACHE_ENV = "SANCTIONS_CLI_NO_CACHE"


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
    # The collector is paused while unpickling: a list is a graph of some 100,000
    # small objects, and collections triggered as they are created would cost a
    # good part of the load time for nothing (none of them is garbage).
    collecting = gc.isenabled()
    gc.disable()
    path = _path(kind, key)
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)  # our own private cache, see the module doc
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept by the eviction in ``store``
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    finally:
        if collecting:
            gc.enable()


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
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, _path(kind, key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _evict(directory, kind, keep)
    except OSError:
        return


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
