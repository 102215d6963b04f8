"""Screening many rows at once (``parallel``): same results, same order as row by row."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctions_cli import parallel as parallel_module
from sanctions_cli.csvinput import open_csv
from sanctions_cli.loading import load_lists
from sanctions_cli.parallel import NamePool, primed_rows
from sanctions_cli.screening import RowResult, Screener

AS_OF = dt.date(2018, 1, 5)
EXAMPLES = Path(__file__).parent.parent / "examples"


def _rows(count: int, seed: int) -> list[dict[str, str]]:
    """Example payments shuffled and repeated, with a few variants and blanks."""
    base = list(open_csv(str(EXAMPLES / "payments.csv")).rows())
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        row = dict(rng.choice(base))
        if number % 7 == 0:
            row["beneficiary_name"] = row["beneficiary_name"].upper() + " "
        if number % 11 == 0:
            row["originator_name"] = ""
        rows.append(row)
    return rows


def _summary(results: list[RowResult]) -> list[tuple[int, list[tuple[str, str, float]]]]:
    return [
        (r.row_number, [(h.entry.id, h.column or "", h.score) for h in r.hits]) for r in results
    ]


def _both_ways(
    rows: list[dict[str, str]], columns: list[str], workers: int
) -> tuple[Screener, list[RowResult], Screener, list[RowResult], list[int]]:
    """``rows`` screened row by row and in parallel chunks, each by a fresh screener:
    (serial screener, its results, parallel screener, its results, chunk sizes)."""
    serial = Screener(load_lists())
    expected = list(serial.screen_rows(rows, columns, as_of=AS_OF))
    parallel = Screener(load_lists())
    seen: list[int] = []
    got = list(
        parallel.screen_rows_parallel(
            iter(rows), columns, workers=workers, as_of=AS_OF, on_rows=seen.append
        )
    )
    return serial, expected, parallel, got, seen


@pytest.mark.parametrize("workers", [1, 2])
def test_parallel_screening_equals_row_by_row(workers: int) -> None:
    columns = ["originator_name", "beneficiary_name"]
    rows = _rows(300, workers)
    serial, expected, parallel, got, seen = _both_ways(rows, columns, workers)
    assert _summary(got) == _summary(expected)
    assert any(r.hits for r in got)
    assert sum(seen) == len(rows)
    assert parallel.stats.rows == serial.stats.rows
    assert parallel.stats.hits == serial.stats.hits
    assert parallel.stats.distinct_searches == serial.stats.distinct_searches


def test_pool_keeps_order_across_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel_module, "BATCH_NAMES", 16)  # many batches, both workers
    screener = Screener(load_lists())
    names = [f"Kim Jong Sik {i}" if i % 3 else "Kim Jong Sik" for i in range(300)]
    names = list(dict.fromkeys(names))
    with NamePool(screener.matcher, 85.0, workers=2) as pool:
        got = list(pool.search(names))
    assert [name for name, _ in got] == names
    for name, hits in got:
        expected = screener.matcher.search(name, 85.0)
        assert [(h.ref, h.match.score) for h in hits] == [(h.ref, h.match.score) for h in expected]


def test_primed_rows_searches_each_value_once() -> None:
    screener = Screener(load_lists())
    searched: list[str] = []

    class CountingPool(NamePool):
        def search(self, names):  # type: ignore[no-untyped-def]
            searched.extend(names)
            return super().search(names)

    rows = [{"a": "Kim Jong Sik", "b": " Kim Jong Sik "}, {"a": "Hans Muller", "b": ""}] * 50
    known: dict[str, object] = {}
    out = list(
        primed_rows(
            rows,
            ["a", "b"],
            CountingPool(screener.matcher, 85.0),
            known.__contains__,
            known.__setitem__,
            chunk_rows=7,
        )
    )
    assert out == rows
    assert sorted(searched) == ["Hans Muller", "Kim Jong Sik"]


def test_pool_without_fork_when_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """With another thread alive (a progress bar), workers start clean (forkserver)."""
    import threading

    monkeypatch.setattr(parallel_module, "BATCH_NAMES", 16)

    screener = Screener(load_lists())
    names = [f"Kim Jong Sik {i}" for i in range(80)] + ["Kim Jong Sik"]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with NamePool(screener.matcher, 85.0, workers=2) as pool:
            got = list(pool.search(names))
    finally:
        stop.set()
        thread.join()
    expected = screener.matcher.search_many(names, 85.0)
    assert [[(h.ref, h.match.score) for h in hits] for _, hits in got] == [
        [(h.ref, h.match.score) for h in hits] for hits in expected
    ]


def test_chunks_read_ahead_while_workers_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small chunks, each with new names, read ahead of the workers' searches: same
    results, same order and same statistics as row by row."""
    import sanctions_cli.screening as screening

    monkeypatch.setattr(screening, "CHUNK_ROWS", 5)
    monkeypatch.setattr(screening, "MAX_PENDING_CHUNKS", 3)
    columns = ["originator_name", "beneficiary_name"]
    rows = _rows(200, 3)
    for number, row in enumerate(rows):
        if number % 4 == 0:
            row["originator_name"] = f"Kim Jong Sik {number}"  # a new name in every chunk
    serial, expected, parallel, got, seen = _both_ways(rows, columns, 2)
    assert _summary(got) == _summary(expected)
    assert seen == [5] * 40
    assert parallel.stats.distinct_searches == serial.stats.distinct_searches
    assert parallel.stats.values == serial.stats.values


def test_an_input_error_comes_after_the_rows_read_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Chunks read ahead are screened before an error met reading later rows is
    raised, so the first error in the file is the one reported."""
    import sanctions_cli.screening as screening
    from sanctions_cli.errors import InputError

    monkeypatch.setattr(screening, "CHUNK_ROWS", 5)
    rows = [{"name": f"Kim Jong Sik {n}", "date": "2018-01-05"} for n in range(40)]
    rows[12]["date"] = "soon"

    def reading() -> Iterator[dict[str, str]]:
        yield from rows[:29]
        raise InputError("p.csv", "ragged row", row=30)

    screener = Screener(load_lists())
    with pytest.raises(InputError, match="row 13, field 'date': invalid date"):
        list(screener.screen_rows_parallel(reading(), ["name"], workers=2, date_column="date"))
    rows[12]["date"] = "2018-01-05"
    rows[28]["date"] = "soon"  # in the chunk being read when the reading fails
    with pytest.raises(InputError, match="row 29, field 'date': invalid date"):
        list(screener.screen_rows_parallel(reading(), ["name"], workers=2, date_column="date"))
    with pytest.raises(InputError, match="row 30: ragged row"):
        list(screener.screen_rows_parallel(reading(), ["name"], workers=2, as_of=AS_OF))


@pytest.mark.parametrize("workers", [1, 2])
def test_small_submissions_are_gathered_into_tasks(
    monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Submissions of a few names each share tasks of BATCH_NAMES (sent when full, when
    a worker is idle or when waited for), and each Search still gets its own names'
    hits, in order."""
    monkeypatch.setattr(parallel_module, "BATCH_NAMES", 8)
    screener = Screener(load_lists())
    sent: list[int] = []
    original = NamePool._send

    def counting_send(self: NamePool) -> None:
        sent.append(len(self._gathering.names))
        original(self)

    monkeypatch.setattr(NamePool, "_send", counting_send)
    submissions = [[f"Kim Jong Sik {i}-{k}" for k in range(3)] for i in range(10)]
    submissions[4].append("Kim Jong Sik")
    with NamePool(screener.matcher, 85.0, workers=workers) as pool:
        searches = [pool.submit(names) for names in submissions]
        got = [search.result() for search in searches]
    assert [[name for name, _ in found] for found in got] == submissions
    for names, found in zip(submissions, got, strict=True):
        expected = screener.matcher.search_many(names, 85.0)
        assert [[h.ref for h in hits] for _, hits in found] == [
            [h.ref for h in e] for e in expected
        ]
    assert any(hits for _, hits in got[4])
    total = sum(len(names) for names in submissions)
    assert sum(sent) == total and max(sent) <= 8
    if workers == 1:  # nothing idle to feed: tasks fill up before they are searched
        assert len([size for size in sent if size]) == -(-total // 8)
