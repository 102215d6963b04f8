"""Reading input files whole: bytes and UTF-8 text, with one-line errors.

Every reader of a whole file (list files, official publications, the load cache's
content hashes) goes through here, so a missing file, a directory or undecodable
text is reported the same way everywhere: file, line where known, reason.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def read_input(path: str | Path) -> bytes:
    """The bytes of one input file, or a one-line ``InputError``."""
    source = str(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory, expected a file") from None
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror}") from None


def decode_utf8(data: bytes, source: str) -> str:
    """UTF-8 text (a byte-order mark is dropped), or an ``InputError`` naming the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(source, "not valid UTF-8", line=line) from None
