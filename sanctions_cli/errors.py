"""Error types of the core: every user-facing failure is one line naming where it happened.

The CLI catches ``SanctionsError`` and prints ``str(error)`` to stderr with exit code 2;
anything else is a bug and shows a traceback only with ``--verbose``.
"""

from __future__ import annotations


class SanctionsError(Exception):
    """Base class: an error the user can fix (bad input, bad option, bad list)."""


class InputError(SanctionsError):
    """Bad input data: names the source, the position (line or row) and the field."""

    def __init__(
        self,
        source: str,
        message: str,
        *,
        line: int | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.source = source
        self.message = message
        self.line = line
        self.row = row
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        position = f" {', '.join(where)}:" if where else ""
        return f"{self.source}:{position} {self.message}"


class Notice(UserWarning):
    """Something odd but not fatal in the input (issued with ``warnings.warn``); the CLI
    shows each as one ``warning:`` line on stderr."""


class UsageError(SanctionsError):
    """An option or argument that cannot work (unknown column, bad date ...)."""
