"""Read transaction CSV files as a stream of rows, and find the columns to screen.

Files (or stdin, ``-``) are decoded incrementally, a block at a time, so memory
does not grow with the file.  The delimiter is sniffed from the first block unless
given; UTF-8 with or without a byte-order mark is the default encoding.  Every
problem — undecodable bytes, a ragged row, an empty file, a missing column —
raises ``InputError`` naming the file, the row or line, and the field: no row is
dropped silently.  ``CsvSource.records()`` yields each row as its list of fields
(the fast path of screening); ``rows()`` the same rows as dicts.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from .errors import InputError, UsageError

# Bytes read to sniff the delimiter: enough for dozens of typical rows.
SNIFF_BYTES = 64 * 1024
# Characters decoded per read after the sniffed sample.  Each block is split into
# lines and checked for undecodable bytes in C, so the per-line cost is the csv
# module's alone; 1 Mi characters (a few MB of memory) make the per-block work
# negligible and keep memory flat whatever the file size.
READ_BLOCK_CHARS = 1024 * 1024
CANDIDATE_DELIMITERS = ",;\t|"
# csv's default field limit (128 KiB) is raised: remittance free-text fields can be long.
FIELD_SIZE_LIMIT = 16 * 1024 * 1024

# Header words that mean "this column holds a party's name".
PARTY_WORDS = frozenset(
    {
        "name",
        "names",
        "originator",
        "beneficiary",
        "counterparty",
        "counterpart",
        "payee",
        "payer",
        "sender",
        "receiver",
        "recipient",
        "remitter",
        "debtor",
        "creditor",
        "customer",
        "client",
        "holder",
        "party",
        "orderer",
        "ordering",
        "applicant",
        "owner",
        "vessel",
        "shipper",
        "consignee",
        "merchant",
        "company",
        "entity",
        "person",
    }
)
# Header words that mean the column is about a party but is not its name.
NOT_NAME_WORDS = frozenset(
    {
        "id",
        "account",
        "acct",
        "iban",
        "bic",
        "swift",
        "country",
        "city",
        "address",
        "addr",
        "street",
        "zip",
        "postcode",
        "amount",
        "date",
        "currency",
        "code",
        "number",
        "no",
        "nr",
        "num",
        "ref",
        "reference",
        "type",
        "dob",
        "birth",
        "email",
        "phone",
        "nationality",
        "imo",
        "passport",
    }
)
_UNDECODED = re.compile("[\udc80-\udcff]")
# The decoding error handler of CSV input: ``surrogateescape`` (an undecodable
# byte becomes a lone surrogate, so the error can name its line later), counting
# its calls, so that a block read without any call needs no scan for surrogates.
UNDECODABLE_HANDLER = "sanctions_cli.csvinput.undecodable"
_undecodable_calls = 0


def _escape_undecodable(error: UnicodeError) -> tuple[str | bytes, int]:
    global _undecodable_calls
    _undecodable_calls += 1
    return codecs.lookup_error("surrogateescape")(error)


codecs.register_error(UNDECODABLE_HANDLER, _escape_undecodable)
_WORD_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


@dataclass(frozen=True, slots=True)
class CsvOptions:
    delimiter: str | None = None  # None: sniff
    encoding: str = "utf-8-sig"


class CsvSource:
    """One CSV input: iterate ``rows()`` after reading ``header``."""

    def __init__(
        self, name: str, stream: BinaryIO, options: CsvOptions, *, owns_stream: bool = False
    ) -> None:
        self.name = name
        self._owns_stream = owns_stream
        self._options = options
        try:
            encoding = codecs.lookup(options.encoding).name
        except LookupError:
            raise UsageError(f"unknown encoding {options.encoding!r}") from None
        # UTF-8 with an optional BOM is read as UTF-8 (its decoder is C all the way;
        # utf-8-sig's is partly Python) and a leading BOM is dropped below.
        bom = encoding == "utf-8-sig"
        # Undecodable bytes become lone surrogates, found block by block in ``_blocks``,
        # so the error names the exact line (a strict decoder fails a whole block ahead).
        self._text: TextIO = io.TextIOWrapper(
            stream,
            encoding="utf-8" if bom else encoding,
            errors=UNDECODABLE_HANDLER,
            newline="",
        )
        self._lines_read = 0  # lines handed to the csv reader so far
        self._scan = False  # whether blocks are scanned for undecodable bytes
        self._undecodable_at: int | None = None  # the first bad line of the last block
        first = self._read_block(SNIFF_BYTES)
        if bom and first:
            first[0] = first[0].removeprefix("\ufeff")
        sample = "".join(first)
        if not sample.strip():
            raise InputError(name, "empty file (no header row)")
        self.delimiter = options.delimiter or _sniff_delimiter(sample)
        csv.field_size_limit(FIELD_SIZE_LIMIT)
        lines = itertools.chain.from_iterable(self._blocks(first))
        self._reader = csv.reader(lines, delimiter=self.delimiter, strict=True)
        try:
            header = next(self._reader)
        except csv.Error as exc:
            raise InputError(name, f"malformed CSV header: {exc}", line=1) from None
        header = [h.strip() for h in header]
        if not any(header):
            raise InputError(name, "empty header row", line=1)
        seen: set[str] = set()
        for index, column in enumerate(header, start=1):
            if not column:
                raise InputError(name, f"column {index} of the header has no name", line=1)
            if column in seen:
                raise InputError(name, f"duplicate column name {column!r}", line=1)
            seen.add(column)
        self.header: tuple[str, ...] = tuple(header)

    def _read_block(self, size: int) -> list[str]:
        """The next lines, about ``size`` characters of them ([] at the end of the file).

        Lines end as the csv module's do (LF, CRLF or CR), never between a CR and its LF.
        """
        calls = _undecodable_calls
        try:
            lines = self._text.readlines(size)
        except UnicodeDecodeError as exc:
            raise InputError(
                self.name,
                f"cannot decode bytes as {self._options.encoding} ({exc.reason}); use --encoding",
                line=self._lines_read + 1 if self._lines_read else None,
            ) from None
        # The decoder reads ahead: a line holding an undecodable byte may come in a
        # later block than the one whose read met it; every block is scanned after.
        # (A call may be another source's in another thread: a scan for nothing.)
        self._scan = self._scan or _undecodable_calls != calls
        if self._scan:
            for index, line in enumerate(lines):
                if _UNDECODED.search(line):
                    self._undecodable_at = index
                    break
        return lines

    def _blocks(self, first: list[str]) -> Iterator[list[str]]:
        """The file's lines, a block at a time, for the csv reader to take one by one.

        The reader's ``line_num`` counts the lines taken: the number of the line an
        error is in.  Blocks are walked line by line (in ``_read_block``) only once the
        decoder has met undecodable bytes, to name the first line holding some.
        """
        block = first
        while block:
            if self._undecodable_at is not None:
                index = self._undecodable_at
                yield block[:index]
                raise InputError(
                    self.name,
                    f"bytes that are not valid {self._options.encoding}; use --encoding",
                    line=self._lines_read + index + 1,
                )
            self._lines_read += len(block)
            yield block
            block = self._read_block(READ_BLOCK_CHARS)

    def close(self) -> None:
        """Close the underlying file (stdin is left open for the caller)."""
        if self._owns_stream:
            self._text.close()

    def __enter__(self) -> CsvSource:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def records(self) -> Iterator[list[str]]:
        """Data rows as lists of fields in ``header`` order (the screening fast path).

        Row numbers start at 1 after the header; a blank line is not a row.
        """
        width = len(self.header)
        reader = self._reader
        number = 0
        while True:
            try:
                for fields in reader:
                    number += 1
                    if len(fields) != width:
                        break
                    yield fields
                else:
                    return
            except csv.Error as exc:
                raise InputError(self.name, f"malformed CSV: {exc}", line=reader.line_num) from None
            if any(f.strip() for f in fields):
                raise InputError(
                    self.name,
                    f"ragged row: {len(fields)} fields where the header has {width}",
                    row=number,
                    line=reader.line_num,
                )
            number -= 1  # A blank line is not a row; it holds nothing to screen.

    def rows(self) -> Iterator[dict[str, str]]:
        """Data rows as dicts keyed by the header; row numbers start at 1 after the header."""
        header = self.header
        for fields in self.records():
            yield dict(zip(header, fields, strict=True))


def open_csv(path: str, options: CsvOptions | None = None) -> CsvSource:
    """Open a CSV file, or stdin for ``-``, as a ``CsvSource``."""
    options = options or CsvOptions()
    if path == "-":
        return CsvSource("<stdin>", sys.stdin.buffer, options)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - the CsvSource owns it until exhausted
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a CSV file") from None
    except OSError as exc:
        raise InputError(path, f"cannot open: {exc.strerror}") from None
    try:
        return CsvSource(path, stream, options, owns_stream=True)
    except BaseException:
        stream.close()
        raise


def _sniff_delimiter(sample: str) -> str:
    lines = sample.splitlines()
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=CANDIDATE_DELIMITERS)
        return dialect.delimiter
    except csv.Error:
        # One column, or too irregular to tell: the header's most frequent candidate wins.
        header = lines[0] if lines else ""
        counts = {d: header.count(d) for d in CANDIDATE_DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def header_words(column: str) -> list[str]:
    """``BeneficiaryName`` / ``beneficiary_name`` / ``Beneficiary Name`` -> [beneficiary, name]."""
    return [w.lower() for w in _WORD_RE.findall(column)]


def detect_name_columns(header: Sequence[str]) -> list[str]:
    """Columns whose header means a party's name (originator, beneficiary, payee ...)."""
    chosen = []
    for column in header:
        words = set(header_words(column))
        if words & PARTY_WORDS and not words & NOT_NAME_WORDS:
            chosen.append(column)
    return chosen


def resolve_columns(source: str, header: Sequence[str], requested: Sequence[str]) -> list[str]:
    """The requested columns (case-insensitive), or the detected ones; error if none."""
    if requested:
        by_fold = {h.casefold(): h for h in header}
        resolved = []
        for column in requested:
            actual = column if column in header else by_fold.get(column.casefold())
            if actual is None:
                raise InputError(
                    source,
                    f"no column {column!r} (columns: {', '.join(header)})",
                    line=1,
                    field=column,
                )
            resolved.append(actual)
        return resolved
    detected = detect_name_columns(header)
    if not detected:
        raise InputError(
            source,
            f"no name column found in the header ({', '.join(header)}); choose with --column",
            line=1,
        )
    return detected


# Header words of columns that carry secondary data about a party.
DOB_WORDS = frozenset({"dob", "birth", "born", "birthdate", "birthday"})
COUNTRY_WORDS = frozenset({"country", "nationality", "citizenship", "citizen", "residence"})
IDENTIFIER_WORDS = frozenset(
    {"passport", "imo", "bic", "swift", "lei", "ssn", "tin", "nif", "inn", "identifier", "idno"}
)
# Header words that say nothing about which party a column belongs to.
GENERIC_WORDS = (
    frozenset({"name", "names", "full", "first", "last", "of", "the", "code", "iso", "no"})
    | DOB_WORDS
    | COUNTRY_WORDS
    | IDENTIFIER_WORDS
    | frozenset({"date", "id", "number", "nr", "num"})
)


@dataclass(frozen=True, slots=True)
class ContextColumns:
    """The secondary-data columns that belong to one screened name column."""

    dob: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    identifier: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.dob or self.country or self.identifier)


def _is_dob(words: set[str]) -> bool:
    return bool(words & DOB_WORDS) or {"date", "of", "birth"} <= words


def _is_identifier(words: set[str]) -> bool:
    return bool(words & IDENTIFIER_WORDS) or (
        bool(words & {"national", "registration", "tax"}) and bool(words & {"id", "number", "no"})
    )


def detect_context_columns(
    header: Sequence[str],
    name_columns: Sequence[str],
    *,
    dob: Sequence[str] = (),
    country: Sequence[str] = (),
    identifier: Sequence[str] = (),
) -> dict[str, ContextColumns]:
    """For every screened column, the columns holding its party's birth date, country
    and identifiers.

    Columns given explicitly apply to every screened column.  Detected columns
    (``beneficiary_dob``, ``originator_country``, ``passport_no`` ...) belong to the
    screened column sharing a party word with them (``beneficiary``); when only one
    column is screened, every detected column belongs to it.  A column sharing a
    party word with another screened column is never given to the wrong one.
    """
    screened = set(name_columns)
    found: dict[str, list[str]] = {"dob": [], "country": [], "identifier": []}
    for column in header:
        if column in screened:
            continue
        words = set(header_words(column))
        if _is_dob(words):
            found["dob"].append(column)
        elif words & COUNTRY_WORDS and not words & {"bank", "city"}:
            found["country"].append(column)
        elif _is_identifier(words) and "account" not in words:
            found["identifier"].append(column)
    out: dict[str, ContextColumns] = {}
    for column in name_columns:
        own = set(header_words(column)) - GENERIC_WORDS

        def mine(kind: str, given: Sequence[str], own: set[str] = own) -> tuple[str, ...]:
            if given:  # explicit columns apply to every screened column
                return tuple(given)
            if len(name_columns) == 1:
                return tuple(found[kind])
            return tuple(c for c in found[kind] if (set(header_words(c)) - GENERIC_WORDS) & own)

        out[column] = ContextColumns(
            mine("dob", dob), mine("country", country), mine("identifier", identifier)
        )
    return out
