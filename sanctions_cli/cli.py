"""The ``sanctions`` command: argument parsing and rendering only (typer + rich).

Data goes to stdout; progress, summaries and warnings go to stderr.  Tables and
colour appear only on a terminal (rich honours ``NO_COLOR``).  Exit codes are
grep's: 0 nothing flagged, 1 something flagged, 2 usage or input error.  Every
``SanctionsError`` becomes one line on stderr; a traceback appears only with
``--verbose``.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

from . import __version__, cache
from .clearances import Clearances, load_clearances
from .collector import collect_less_often
from .csvinput import (
    ContextColumns,
    CsvOptions,
    detect_context_columns,
    open_csv,
    resolve_columns,
)
from .errors import Notice, SanctionsError, UsageError
from .listdiff import changed_entries, diff_entries
from .listfile import combined_hash, dump_list, load_list_file
from .loading import DEFAULT_MAX_AGE_DAYS, load_lists, same_list_twice, stale_lists
from .model import Hit, Listing, ListMeta, SanctionsList
from .output import AtomicOutput, ClearedHitWriter, CsvHitWriter, JsonlHitWriter, hit_record
from .resultstore import ResultStore
from .screening import DEFAULT_THRESHOLD, ListingFilter, RowResult, Screener, parse_date

EXIT_CLEAN = 0
EXIT_HITS = 1
EXIT_ERROR = 2
FORMATS = ("table", "csv", "jsonl")
# Rows shown in the terminal table before it is cut (the full result is one
# --format csv away); a table of thousands of rows helps nobody.
TABLE_MAX_ROWS = 200

app = typer.Typer(
    name="sanctions",
    help="Screen payment files against sanctions lists.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
lists_app = typer.Typer(help="Show, validate and import sanctions lists.", no_args_is_help=False)
app.add_typer(lists_app, name="lists")


# rich's markup tags (``rich.markup.RE_TAGS``): what a plain stderr leaves out.
_MARKUP_TAG = re.compile(r"(\\*)\[([a-z#/@][^\[]*?)\]")


def _plain(text: str) -> str:
    """``text`` with rich markup removed and its escaped brackets (``\\[``) restored."""

    def tag(match: re.Match[str]) -> str:
        slashes = match.group(1)
        return match.group(0) if len(slashes) % 2 else slashes  # odd: escaped, text

    return _MARKUP_TAG.sub(tag, text).replace("\\[", "[")


class _PlainConsole:
    """What the command writes to a stderr that is not a terminal: plain lines, never
    wrapped, and no rich import (about 40 ms of a ``check`` whose list is stale)."""

    is_terminal = False

    def print(self, text: str, *, markup: bool = True, **_: object) -> None:
        sys.stderr.write((_plain(text) if markup else text) + "\n")
        sys.stderr.flush()


def _stderr_styled() -> bool:
    """Whether rich would style stderr: a terminal, or colour forced by the environment."""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return True
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@functools.cache
def _rich_err() -> Console:
    """rich's console of stderr, made on first use."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


_PLAIN_ERR = _PlainConsole()


def _err() -> Console | _PlainConsole:
    """The console of stderr: rich's on a terminal, else plain lines (a pipeline's
    stderr, a cron job's log)."""
    return _rich_err() if _stderr_styled() else _PLAIN_ERR


T = TypeVar("T")


class _State:
    verbose = False


def _fail(message: str) -> NoReturn:
    _err().print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(EXIT_ERROR)


def _guard(func: Callable[[], T]) -> T:
    """Run ``func``; turn known errors into one line and exit 2, and importer
    notices (oddities in an official file that did not stop its import) into
    one ``warning:`` line each."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", Notice)
            result = func()
        for warning in caught:
            if issubclass(warning.category, Notice):
                _err().print(f"warning: {warning.message}", markup=False, style="yellow")
            else:
                warnings.showwarning(
                    warning.message, warning.category, warning.filename, warning.lineno
                )
        return result
    except SanctionsError as exc:
        if _State.verbose:
            traceback.print_exc(file=sys.stderr)
        _fail(str(exc).replace("[", "\\["))
    except KeyboardInterrupt:
        _err().print("interrupted")
        raise typer.Exit(130) from None


def _parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError:
        raise typer.BadParameter(
            f"invalid date {value!r} (expected YYYY-MM-DD)", param_hint=option
        ) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sanctions-cli {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show tracebacks for errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Screen payment files against sanctions lists (exit 0 clean, 1 hits, 2 errors)."""
    _State.verbose = verbose


ListOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--list",
        "-l",
        help="A list to screen against: a YAML list, an official file (OFAC CSV set, "
        "OFAC/UN/Canada XML, UK ODS, OpenSanctions CSV) or a folder of them (and of "
        "folders of them). Repeatable. Default: the bundled lists.",
    ),
]
ListFormatOpt = Annotated[
    str | None,
    typer.Option("--list-format", help="Format of official --list files (default: detected)."),
]
ThresholdOpt = Annotated[
    float,
    typer.Option(
        "--threshold",
        "-t",
        min=0,
        max=100,
        help="Score (0-100) from which a name is a hit.",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Screen as of this date, YYYY-MM-DD (default: today)."),
]
AuthorityOpt = Annotated[
    list[str] | None,
    typer.Option("--authority", help="Only listings by this body (e.g. OFAC, UN). Repeatable."),
]
ProgramOpt = Annotated[
    list[str] | None,
    typer.Option("--program", help="Only listings under this program (e.g. DPRK2). Repeatable."),
]
MaxAgeOpt = Annotated[
    int,
    typer.Option("--max-list-age", help="Warn when a list's as-of date is older (days)."),
]


def _load(
    paths: list[str] | None, list_format: str | None, max_age: int, as_of: dt.date
) -> list[SanctionsList]:
    lists = _guard(lambda: load_lists(paths or None, list_format))
    for lst, age in stale_lists(lists, as_of, max_age):
        _err().print(
            f"warning: list {lst.meta.id} is {age} days old (as of {lst.meta.as_of}); "
            "update it or raise --max-list-age",
            style="yellow",
        )
    for list_id, copies in same_list_twice(lists).items():
        sources = "; ".join(
            f"{f'as of {lst.meta.as_of}' if lst.meta.as_of else 'undated'}, "
            f"sha256 {lst.content_hash[:12]}"
            for lst in copies
        )
        _err().print(
            f"warning: {len(copies)} lists are {list_id} ({sources}); "
            "an entry in each is screened and reported, once per list",
            style="yellow",
            highlight=False,
        )
    return lists


# ---------------------------------------------------------------------------
# screen


@app.command()
def screen(
    files: Annotated[
        list[str] | None, typer.Argument(help="CSV files to screen; '-' or none for stdin.")
    ] = None,
    column: Annotated[
        list[str] | None,
        typer.Option("--column", "-c", help="Column to screen (repeatable; default: detected)."),
    ] = None,
    list_paths: ListOpt = None,
    list_format: ListFormatOpt = None,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, csv or jsonl (default: table on a terminal, csv otherwise).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write results to this file (atomically)."),
    ] = None,
    as_of: AsOfOpt = None,
    date_column: Annotated[
        str | None,
        typer.Option("--date-column", help="Screen each row as of the date in this column."),
    ] = None,
    authority: AuthorityOpt = None,
    program: ProgramOpt = None,
    delimiter: Annotated[
        str | None, typer.Option("--delimiter", "-d", help="CSV delimiter (default: sniffed).")
    ] = None,
    encoding: Annotated[
        str, typer.Option("--encoding", help="Input encoding (default UTF-8, BOM or not).")
    ] = "utf-8-sig",
    max_age: MaxAgeOpt = DEFAULT_MAX_AGE_DAYS,
    only_changed_since: Annotated[
        list[str] | None,
        typer.Option(
            "--only-changed-since",
            help="Screen only against entries added or changed since this older list "
            "(delta screening of a back-book after a list update). Repeatable.",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary or notes on stderr.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-j", min=1, help="Worker processes (default: all cores)."),
    ] = None,
    dob_column: Annotated[
        list[str] | None,
        typer.Option("--dob-column", help="Column with a birth date (default: detected)."),
    ] = None,
    country_column: Annotated[
        list[str] | None,
        typer.Option(
            "--country-column", help="Column with a nationality or country (default: detected)."
        ),
    ] = None,
    id_column: Annotated[
        list[str] | None,
        typer.Option(
            "--id-column",
            help="Column with an identifier: passport, IMO, BIC ... (default: detected).",
        ),
    ] = None,
    no_secondary: Annotated[
        bool,
        typer.Option(
            "--no-secondary", help="Screen names only: ignore birth dates, countries, ids."
        ),
    ] = False,
    results_store: Annotated[
        str | None,
        typer.Option(
            "--results-store",
            help="Keep search results in this file between runs: names searched before "
            "against the same lists and threshold are not searched again.",
        ),
    ] = None,
    cleared: Annotated[
        list[str] | None,
        typer.Option(
            "--cleared",
            help="CSV of reviewed false positives (hit_value, hit_entry_id; optional "
            "hit_matched_name, expires): those hits are not reported. Repeatable.",
        ),
    ] = None,
    cleared_report: Annotated[
        str | None,
        typer.Option(
            "--cleared-report",
            help="Write the hits --cleared took away to this CSV file (atomically), "
            "each with its row and the clearance: the audit trail of what was not reported.",
        ),
    ] = None,
) -> None:
    """Screen the name columns of CSV files and print the flagged rows."""
    if output_format is not None and output_format not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}", param_hint="--format")
    if delimiter is not None:
        delimiter = delimiter.encode().decode("unicode_escape") if delimiter == "\\t" else delimiter
        if len(delimiter) != 1:
            raise typer.BadParameter("must be one character", param_hint="--delimiter")
    if date_column and as_of:
        raise typer.BadParameter("use either --as-of or --date-column", param_hint="--as-of")
    day = _parse_day(as_of, "--as-of") or dt.date.today()
    to_file = output not in (None, "-")
    if output_format is None:
        output_format = "table" if (not to_file and sys.stdout.isatty()) else "csv"
    if output_format == "table" and to_file:
        raise typer.BadParameter(
            "table output is for terminals; use csv or jsonl", param_hint="--format"
        )

    lists = _load(list_paths, list_format, max_age, day)
    if only_changed_since:
        lists = _delta_lists(lists, only_changed_since, list_format, quiet)
    screener = _guard(
        lambda: Screener(
            lists,
            threshold=threshold,
            listing_filter=ListingFilter(tuple(authority or ()), tuple(program or ())),
        )
    )
    if cleared:
        if "-" in cleared:
            raise typer.BadParameter("reads a file, not stdin", param_hint="--cleared")
        paths = cleared
        screener.clearances = _guard(
            lambda: Clearances(
                [c for path in paths for c in load_clearances(path).items()],
                source=", ".join(paths),
            )
        )
    if cleared_report is not None and not cleared:
        raise typer.BadParameter("lists what --cleared takes away", param_hint="--cleared-report")
    if cleared_report == "-":
        raise typer.BadParameter("writes a file, not stdout", param_hint="--cleared-report")
    sources = files or ["-"]
    options = CsvOptions(delimiter=delimiter, encoding=encoding)
    flagged = 0
    store: ResultStore | None = None
    if results_store is not None:
        store_path = results_store
        store = _guard(lambda: ResultStore(store_path, screener.results_key()))
        screener.result_store = store
        if store.reset and not quiet:
            _err().print(
                f"{results_store}: results of other lists or another threshold dropped",
                markup=False,
            )
    report: ClearedHitWriter | None = None
    try:
        with AtomicOutput(output) as stream, AtomicOutput(cleared_report) as report_stream:
            if cleared_report is not None:
                report = ClearedHitWriter(report_stream, screener.lists_hash)
                screener.on_cleared = report.write
            job = _Job(
                requested=tuple(column or ()),
                as_of=day if not date_column else None,
                date_column=date_column,
                output_format=output_format,
                quiet=quiet,
                workers=workers,
                secondary=not no_secondary,
                dob=tuple(dob_column or ()),
                country=tuple(country_column or ()),
                identifier=tuple(id_column or ()),
            )
            flagged = _guard(lambda: _screen_sources(screener, sources, options, job, stream))
    except BrokenPipeError:
        _quiet_broken_pipe()
        raise typer.Exit(EXIT_HITS) from None
    finally:
        if store is not None:
            _guard(store.close)  # the results found since the last flush
    if not quiet:
        stats = screener.stats
        _err().print(
            f"{stats.rows} rows screened, {stats.flagged_rows} flagged ({stats.hits} hits) "
            f"against {len(screener.entries)} entries in {len(lists)} list(s) "
            f"[lists {screener.lists_hash[:12]}]",
            markup=False,
        )
        if screener.clearances is not None:
            _err().print(
                f"{stats.cleared} hit(s) cleared by {len(screener.clearances)} clearance(s) "
                f"in {screener.clearances.source}",
                markup=False,
            )
        if report is not None:
            _err().print(f"{report.count} cleared hit(s) listed in {cleared_report}", markup=False)
        if store is not None:
            _err().print(
                f"{stats.stored} distinct values from the results store, "
                f"{stats.distinct_searches} searched",
                markup=False,
            )
    raise typer.Exit(EXIT_HITS if flagged else EXIT_CLEAN)


def _delta_lists(
    lists: list[SanctionsList], old_paths: list[str], list_format: str | None, quiet: bool
) -> list[SanctionsList]:
    """The loaded lists cut down to the entries added or changed since ``old_paths``."""
    old = _guard(lambda: load_lists(old_paths, list_format))
    delta = changed_entries(
        [e for x in old for e in x.entries], [e for x in lists for e in x.entries]
    )
    if not quiet:
        _err().print(f"delta screening: {len(delta)} entries added or changed", markup=False)
    meta = ListMeta(
        id="delta",
        title=f"Entries added or changed since {', '.join(old_paths)}",
        as_of=max((x.meta.as_of for x in lists if x.meta.as_of), default=None),
    )
    return [SanctionsList(meta, delta, combined_hash(lists + old), "delta")]


@dataclass(frozen=True)
class _Job:
    """What ``screen`` was asked to do with each input file."""

    requested: tuple[str, ...]
    as_of: dt.date | None
    date_column: str | None
    output_format: str
    quiet: bool
    workers: int | None
    secondary: bool
    dob: tuple[str, ...]
    country: tuple[str, ...]
    identifier: tuple[str, ...]


def _context_columns(
    source: str, header: Sequence[str], columns: Sequence[str], job: _Job
) -> dict[str, ContextColumns]:
    if not job.secondary:
        return {}
    for given in (job.dob, job.country, job.identifier):
        resolve_columns(source, header, given)  # an unknown column is an input error
    found = detect_context_columns(
        header,
        columns,
        dob=resolve_columns(source, header, job.dob) if job.dob else (),
        country=resolve_columns(source, header, job.country) if job.country else (),
        identifier=resolve_columns(source, header, job.identifier) if job.identifier else (),
    )
    if not job.quiet:
        for column, context in found.items():
            used = [*context.dob, *context.country, *context.identifier]
            if used:
                _err().print(f"{source}: {column} checked with {', '.join(used)}", markup=False)
    return found


def _screen_sources(
    screener: Screener,
    sources: Sequence[str],
    options: CsvOptions,
    job: _Job,
    stream: TextIO,
) -> int:
    from .parallel import default_workers

    requested, date_column, output_format = job.requested, job.date_column, job.output_format
    flagged = 0
    table_rows: list[tuple[str, RowResult, Hit]] = []
    csv_writer: CsvHitWriter | None = None
    for source_name in sources:
        with open_csv(source_name, options) as source:
            columns = resolve_columns(source.name, source.header, requested)
            if date_column is not None:
                resolve_columns(source.name, source.header, [date_column])
            if not requested and not job.quiet:
                _err().print(f"{source.name}: screening columns {', '.join(columns)}", markup=False)
            context_columns = _context_columns(source.name, source.header, columns, job)
            if output_format == "csv":
                if csv_writer is None:
                    csv_writer = CsvHitWriter(stream, source.header, screener.lists_hash)
                elif list(source.header) != csv_writer.header:
                    raise UsageError(
                        f"{source.name}: its columns differ from the first file's; "
                        "screen files with different layouts in separate runs"
                    )
            jsonl = JsonlHitWriter(stream, screener.lists_hash, source.name)
            with _progress(job.quiet, source.name) as on_rows:
                results = screener.screen_records(
                    source.header,
                    source.records(),
                    columns,
                    workers=job.workers or default_workers(),
                    as_of=job.as_of,
                    date_column=date_column,
                    source=source.name,
                    on_rows=on_rows,
                    context_columns=context_columns,
                )
                flagged += _write_results(
                    results, source.name, output_format, csv_writer, jsonl, table_rows
                )
    if output_format == "table":
        _render_table(table_rows, flagged)
    return flagged


@contextmanager
def _progress(quiet: bool, label: str) -> Iterator[Callable[[int], object] | None]:
    """A rows-per-second progress bar on stderr, only on a terminal and without --quiet."""
    if quiet or not _err().is_terminal:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed:,} rows"),
        TextColumn("{task.fields[rate]:,.0f} rows/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=_rich_err(), transient=True) as progress:
        task = progress.add_task(label, total=None, rate=0.0)
        started = time.monotonic()

        def advance(rows: int) -> None:
            done = progress.tasks[0].completed + rows
            rate = done / max(time.monotonic() - started, 1e-9)
            progress.update(task, completed=done, rate=rate)

        yield advance


def _write_results(
    results: Iterable[RowResult],
    source_name: str,
    output_format: str,
    csv_writer: CsvHitWriter | None,
    jsonl: JsonlHitWriter,
    table_rows: list[tuple[str, RowResult, Hit]],
) -> int:
    flagged = 0
    for result in results:
        if not result.hits:
            continue
        flagged += 1
        if output_format == "csv" and csv_writer is not None:
            csv_writer.write(result)
        elif output_format == "jsonl":
            jsonl.write(result)
        elif len(table_rows) < TABLE_MAX_ROWS:
            table_rows.extend((source_name, result, hit) for hit in result.hits)
    return flagged


def _render_table(rows: list[tuple[str, RowResult, Hit]], flagged: int) -> None:
    from rich.console import Console

    out = Console(highlight=False)
    if not rows:
        return
    from rich.table import Table  # only for a terminal: not imported by every run

    table = Table(title="Flagged rows", show_lines=True, title_justify="left")
    table.add_column("row", justify="right")
    table.add_column("column")
    table.add_column("value", overflow="fold")
    table.add_column("score", justify="right")
    table.add_column("listed entry", overflow="fold")
    table.add_column("listings", overflow="fold")
    for _source, result, hit in rows:
        entry = f"{_esc(hit.entry.name)}\n[dim]{_esc(hit.entry.id)}[/]"
        if hit.matched_name != hit.entry.name:
            entry += f"\n[dim]alias[/] {_esc(hit.matched_name)}"
        table.add_row(
            str(result.row_number),
            _esc(hit.column or ""),
            _esc(hit.query),
            f"{hit.score:.1f}",
            entry,
            "\n".join(_esc(_listing_short(x)) for x in hit.listings),
        )
    out.print(table)
    if flagged > TABLE_MAX_ROWS:
        _err().print(f"table cut at {TABLE_MAX_ROWS} rows; use --format csv for all {flagged}")


def _listing_short(listing: Listing) -> str:
    parts = [listing.program or listing.list, listing.reference or ""]
    if listing.listed_on:
        parts.append(listing.listed_on.isoformat())
    return " ".join(p for p in parts if p)


def _listing_text(listing: Listing) -> str:
    parts = [listing.list]
    if listing.program:
        parts.append(listing.program)
    if listing.reference:
        parts.append(listing.reference)
    if listing.listed_on:
        parts.append(f"since {listing.listed_on.isoformat()}")
    return " ".join(parts)


def _quiet_broken_pipe() -> None:
    """After the reader of stdout went away: silence the final flush at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# ---------------------------------------------------------------------------
# check


@app.command()
def check(
    name: Annotated[str, typer.Argument(help="The name to look up.")],
    list_paths: ListOpt = None,
    list_format: ListFormatOpt = None,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    as_of: AsOfOpt = None,
    authority: AuthorityOpt = None,
    program: ProgramOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show how each score was made.")
    ] = False,
    output_format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="table or jsonl (default: table on a terminal)."),
    ] = None,
    max_age: MaxAgeOpt = DEFAULT_MAX_AGE_DAYS,
) -> None:
    """Look up one name, like a regulator's search page: best matches, scores and listings."""
    if output_format is not None and output_format not in ("table", "jsonl"):
        raise typer.BadParameter("must be table or jsonl", param_hint="--format")
    day = _parse_day(as_of, "--as-of") or dt.date.today()
    lists = _load(list_paths, list_format, max_age, day)
    screener = _guard(
        lambda: Screener(
            lists,
            threshold=threshold,
            listing_filter=ListingFilter(tuple(authority or ()), tuple(program or ())),
        )
    )
    hits = _guard(lambda: screener.check(name, day))
    fmt = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    try:
        if fmt == "jsonl":
            import json

            for hit in hits:
                typer.echo(json.dumps(hit_record(hit, screener.lists_hash), ensure_ascii=False))
            if not hits:
                _err().print(f"no match for {name!r} as of {day.isoformat()}", markup=False)
        else:
            _render_check(name, hits, explain, day)
    except BrokenPipeError:
        _quiet_broken_pipe()
    raise typer.Exit(EXIT_HITS if hits else EXIT_CLEAN)


def _render_check(name: str, hits: list[Hit], explain: bool, day: dt.date) -> None:
    from rich.console import Console

    out = Console(highlight=False)
    if not hits:
        out.print(f"No match for {name!r} as of {day.isoformat()}.", markup=False)
        return
    for hit in hits:
        entry = hit.entry
        out.print(
            f"[bold]{hit.score:.1f}[/]  {_esc(entry.name)}  [dim]({entry.id}, {entry.type})[/]"
        )
        if hit.matched_name != entry.name:
            out.print(f"      matched {hit.matched_strength} alias: {_esc(hit.matched_name)}")
        for listing in hit.listings:
            out.print(f"      {_esc(listing.authority)}: {_esc(_listing_text(listing))}")
        if entry.birth_dates:
            out.print(f"      born {', '.join(d.text for d in entry.birth_dates)}")
        if explain:
            match = hit.match
            out.print(
                f"      normalised: {_esc(match.query_normalised)!r} vs "
                f"{_esc(match.candidate_normalised)!r}"
            )
            for pair in match.pairs:
                out.print(f"        {pair.query} ~ {pair.candidate}: {pair.score:.1f}")
            for adj in match.adjustments:
                out.print(f"        {adj.reason}: {adj.delta:+.1f} ({_esc(adj.detail)})")


def _esc(text: str) -> str:
    return text.replace("[", "\\[")


# ---------------------------------------------------------------------------
# lists


@lists_app.callback(invoke_without_command=True)
def lists_show(
    ctx: typer.Context,
    list_paths: ListOpt = None,
    list_format: ListFormatOpt = None,
) -> None:
    """Show the loaded lists: entries, names, as-of date and content hash."""
    if ctx.invoked_subcommand is not None:
        return
    lists = _guard(lambda: load_lists(list_paths or None, list_format))
    if sys.stdout.isatty():
        from rich.table import Table

        table = Table(title="Loaded lists")
        for heading in ("id", "title", "entries", "names", "as of", "sha256"):
            table.add_column(heading, overflow="fold")
        for lst in lists:
            table.add_row(
                lst.meta.id,
                lst.meta.title,
                str(len(lst.entries)),
                str(lst.name_count),
                str(lst.meta.as_of or ""),
                lst.content_hash[:16],
            )
        from rich.console import Console

        Console(highlight=False).print(table)
    else:
        typer.echo("id\ttitle\tentries\tnames\tas_of\tsha256\tsource")
        for lst in lists:
            typer.echo(
                f"{lst.meta.id}\t{lst.meta.title}\t{len(lst.entries)}\t{lst.name_count}\t"
                f"{lst.meta.as_of or ''}\t{lst.content_hash}\t{lst.source}"
            )
    _err().print(f"combined lists hash {combined_hash(lists)}", markup=False)


@lists_app.command("validate")
def lists_validate(
    files: Annotated[list[Path], typer.Argument(help="YAML list files to check.")],
) -> None:
    """Check YAML list files: exit 0 when all are valid, 2 with one line per bad file."""
    bad = 0
    for path in files:
        try:
            lst = load_list_file(path)
        except SanctionsError as exc:
            bad += 1
            _err().print(f"error: {exc}", markup=False, soft_wrap=True)
            continue
        typer.echo(f"{path}: ok, {len(lst.entries)} entries, {lst.name_count} names")
    raise typer.Exit(EXIT_ERROR if bad else EXIT_CLEAN)


@lists_app.command("import")
def lists_import(
    fmt: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT",
            help="ofac-csv, ofac-xml, un-xml, canada-xml, opensanctions-csv, uk-ods, or auto.",
        ),
    ],
    files: Annotated[list[Path], typer.Argument(help="The official file(s) or directory.")],
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="YAML file to write (default stdout).")
    ] = None,
) -> None:
    """Convert an official publication into the YAML list format."""
    from .importers import import_files

    lst = _guard(lambda: import_files(None if fmt == "auto" else fmt, list(files)))
    text = dump_list(lst)
    try:
        with AtomicOutput(output) as stream:
            stream.write(text)
    except BrokenPipeError:
        _quiet_broken_pipe()
    _err().print(
        f"{lst.meta.id}: {len(lst.entries)} entries, {lst.name_count} names "
        f"[sha256 {lst.content_hash[:12]}]",
        markup=False,
    )


@lists_app.command("diff")
def lists_diff(
    old: Annotated[Path, typer.Argument(help="The older list (YAML or official file).")],
    new: Annotated[Path, typer.Argument(help="The newer list (YAML or official file).")],
    list_format: ListFormatOpt = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or jsonl.")] = "text",
) -> None:
    """Entries added, removed and changed between two versions of a list (exit 1 if any)."""
    if output_format not in ("text", "jsonl"):
        raise typer.BadParameter("must be text or jsonl", param_hint="--format")
    old_lists = _guard(lambda: load_lists([old], list_format))
    new_lists = _guard(lambda: load_lists([new], list_format))
    diff = diff_entries(
        [e for x in old_lists for e in x.entries], [e for x in new_lists for e in x.entries]
    )
    try:
        if output_format == "jsonl":
            import json

            for entry in diff.added:
                typer.echo(json.dumps({"change": "added", "id": entry.id, "name": entry.name}))
            for entry in diff.removed:
                typer.echo(json.dumps({"change": "removed", "id": entry.id, "name": entry.name}))
            for change in diff.changed:
                record = {
                    "change": "changed",
                    "id": change.new.id,
                    "name": change.new.name,
                    "details": list(change.changes),
                }
                typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            for entry in diff.added:
                typer.echo(f"+ {entry.id}  {entry.name}")
            for entry in diff.removed:
                typer.echo(f"- {entry.id}  {entry.name}")
            for change in diff.changed:
                typer.echo(f"~ {change.new.id}  {change.new.name}")
                for line in change.changes:
                    typer.echo(f"    {line}")
    except BrokenPipeError:
        _quiet_broken_pipe()
    _err().print(diff.summary(), markup=False)
    raise typer.Exit(EXIT_CLEAN if diff.is_empty else EXIT_HITS)


@lists_app.command("update")
def lists_update(
    sources: Annotated[
        list[str] | None, typer.Argument(help="Sources to update (default: all).")
    ] = None,
    url: Annotated[
        list[str] | None,
        typer.Option("--url", help="SOURCE=URL: fetch a source from another address (mirror)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Accept a list that shrank suspiciously.")
    ] = False,
) -> None:
    """Download the current official lists into the data directory, check and convert them."""
    from .update import SOURCES, update_source

    names = sources or list(SOURCES)
    unknown = [n for n in names if n not in SOURCES]
    if unknown:
        raise typer.BadParameter(
            f"unknown source {unknown[0]!r} (known: {', '.join(SOURCES)})", param_hint="SOURCES"
        )
    overrides: dict[str, str] = {}
    for item in url or []:
        name, sep, address = item.partition("=")
        if not sep or name not in SOURCES:
            raise typer.BadParameter(f"expected SOURCE=URL, got {item!r}", param_hint="--url")
        overrides[name] = address
    failed = 0
    for name in names:
        try:
            result = update_source(SOURCES[name], url=overrides.get(name), force=force)
        except SanctionsError as exc:
            failed += 1
            _err().print(f"error: {name}: {exc}", markup=False)
            continue
        change = result.diff.summary() if result.diff is not None else "first download"
        typer.echo(f"{name}: {result.entries} entries ({change}) -> {result.path}")
    raise typer.Exit(EXIT_ERROR if failed else EXIT_CLEAN)


def main() -> None:
    """Console-script entry point."""
    # This process is one run: what the cache loads lives until it ends (see cache).
    cache.freeze_loaded()
    collect_less_often()
    try:
        app()
    except BrokenPipeError:
        _quiet_broken_pipe()
        sys.exit(EXIT_HITS)
