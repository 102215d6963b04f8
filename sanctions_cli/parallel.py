"""Search many distinct names at once, in worker processes when that pays.

``NamePool`` takes batches of distinct screened values and returns, in order, every
listed name each one hits (``NameMatcher.search_many``): at once (``search``) or
later, the caller going on meanwhile (``submit``, a ``Search``).  With one worker it runs
in this process; with more, each worker process gets the matcher once (by fork
when this process is single-threaded, else as its compact pickled state) and searches
batches of names; results come back in submission order, and at most
``MAX_BATCHES_IN_FLIGHT`` batches per worker are queued, so memory stays bounded
whatever the number of names.

Screening drives the pool itself (``Screener.screen_records``: each chunk's new
distinct values submitted as it is read, the chunk screened once they are found).
Submissions are gathered into tasks of ``BATCH_NAMES`` names, sent when full or
when a worker is idle: late in a file a chunk brings only a few new names, and
a task per chunk would pay a task's fixed costs for each.
``primed_rows`` is a simpler driver for a caller with its own row loop: it reads
rows in chunks, has the pool search the chunk's values not yet known (each
distinct value once per run, remembered by the caller's ``remember``), then hands
the rows on one by one.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from .matching import NameHit, NameMatcher
from .names.normalise import load_readers

# Names per task sent to a worker: large enough that a task's fixed costs (pickling
# and queueing, and the per-call work of the token search: one vectorised lookup
# per vocabulary and view for all its names) are small next to its searches, small
# enough that both workers stay busy.  Measured on 200,000 payment rows (18,000
# distinct names, 2 workers): 64 names 30.3 s CPU, 256 27.9 s, 512 24.3 s, 1,024 24.6 s.
BATCH_NAMES = 512

# Rows read ahead per chunk by ``primed_rows``: their distinct values are searched
# together.  20,000 rows of a payments file are a few MB in memory.
CHUNK_ROWS = 20_000

# Batches queued per worker before waiting for results (bounds memory and keeps
# every worker fed while the parent collects).
MAX_BATCHES_IN_FLIGHT = 4

_worker_matcher: NameMatcher | None = None


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(state: bytes | None, setup: Callable[[], object] | None) -> None:
    global _worker_matcher
    if setup is not None:
        setup()
    if state is not None:
        _worker_matcher = NameMatcher((), _state=pickle.loads(state))
        gc.freeze()  # see NamePool._start


def _search_batch(names: list[str], threshold: float, strong_only: bool) -> list[list[NameHit]]:
    assert _worker_matcher is not None, "worker started without a matcher"
    return _worker_matcher.search_many(names, threshold, strong_only=strong_only)


class NamePool:
    """Searches names with a ``NameMatcher`` in ``workers`` processes (1: in this one).

    ``strong_only``: weak aliases are not scored (for screening, which never alerts on them).
    ``worker_setup``: a module-level function each worker calls once before searching
    (benchmarks and experiments: e.g. to install a scorer variant in the workers too).
    """

    def __init__(
        self,
        matcher: NameMatcher,
        threshold: float,
        workers: int = 1,
        *,
        strong_only: bool = False,
        worker_setup: Callable[[], object] | None = None,
    ) -> None:
        self.matcher = matcher
        self.worker_setup = worker_setup
        self.threshold = threshold
        self.strong_only = strong_only
        self.workers = max(1, workers)
        self._executor: ProcessPoolExecutor | None = None
        self._gathering = _Task()  # names submitted, not yet sent
        self._in_flight: list[Future[list[list[NameHit]]]] = []

    def __enter__(self) -> NamePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _start(self) -> ProcessPoolExecutor:
        global _worker_matcher
        if self._executor is None:
            methods = multiprocessing.get_all_start_methods()
            if "fork" in methods and threading.active_count() == 1:
                # Single-threaded: fork is safe, and the workers inherit the matcher
                # (its prepared names too) without any pickling.
                _worker_matcher = self.matcher
                method, state = "fork", None
            else:
                # A thread (a progress bar's refresh) may hold a lock at the moment of
                # a fork: start workers from a clean process, each given the
                # matcher's compact state once.
                method = "forkserver" if "forkserver" in methods else "spawn"
                state = pickle.dumps(self.matcher.state(), protocol=pickle.HIGHEST_PROTOCOL)
            self.matcher.ready(self.threshold)  # built once, before the workers start
            if method == "fork":
                # The Han readers (pypinyin's phrases, the optional pykakasi, ~130 MB)
                # and the transcription tables (~45 MB) loaded once here, their pages
                # shared by the forked workers, not loaded once per worker.
                load_readers()
                # The matcher's millions of long-lived objects out of the cyclic
                # collector's reach (Python's advice before a fork): its full
                # collections no longer walk them (one took 0.2 s, 8% of a worker's
                # time on 3,000 distinct names) nor write to their pages, which stay
                # shared with the workers.
                gc.freeze()
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context(method),
                initializer=_init_worker,
                initargs=(state, self.worker_setup),
            )
        return self._executor

    def submit(self, names: Sequence[str]) -> Search:
        """Start searching ``names`` and return without waiting: ``Search.result()`` waits.

        Names submitted one call after another are gathered into tasks of
        ``BATCH_NAMES``: a task is sent when it is full, or at once when a worker is
        idle (so the workers never wait for a task to fill up), or when some
        ``Search`` of it is waited for.  With one worker, a task is searched in this
        process when its results are first wanted.
        """
        slices: list[tuple[_Task, int, int]] = []
        position = 0
        while position < len(names):
            task = self._gathering
            part = names[position : position + BATCH_NAMES - len(task.names)]
            slices.append((task, len(task.names), len(task.names) + len(part)))
            task.names.extend(part)
            position += len(part)
            if len(task.names) >= BATCH_NAMES:
                self._send()
        self.poll()
        return Search(self, slices)

    def poll(self) -> None:
        """Send the names gathered so far if a worker is idle."""
        if self.workers > 1 and self._gathering.names:
            self._in_flight = [f for f in self._in_flight if not f.done()]
            if len(self._in_flight) < self.workers:
                self._send()

    def _send(self) -> None:
        """Send the task being gathered (with one worker: search it here, now)."""
        task, self._gathering = self._gathering, _Task()
        if not task.names:
            return
        if self.workers == 1:
            task.hits = self.matcher.search_many(
                task.names, self.threshold, strong_only=self.strong_only
            )
        else:
            task.future = self._start().submit(
                _search_batch, task.names, self.threshold, self.strong_only
            )
            self._in_flight.append(task.future)

    def search(self, names: Sequence[str]) -> Iterator[tuple[str, list[NameHit]]]:
        """(name, hits) for every name, in order."""
        if self.workers == 1 or len(names) <= BATCH_NAMES:
            for start in range(0, len(names), BATCH_NAMES):
                batch = list(names[start : start + BATCH_NAMES])
                hits = self.matcher.search_many(batch, self.threshold, strong_only=self.strong_only)
                yield from zip(batch, hits, strict=True)
            return
        executor = self._start()
        pending: deque[tuple[list[str], Future[list[list[NameHit]]]]] = deque()
        batches = (
            list(names[start : start + BATCH_NAMES]) for start in range(0, len(names), BATCH_NAMES)
        )
        limit = self.workers * MAX_BATCHES_IN_FLIGHT
        for batch in batches:
            pending.append(
                (batch, executor.submit(_search_batch, batch, self.threshold, self.strong_only))
            )
            if len(pending) >= limit:
                done, future = pending.popleft()
                yield from zip(done, future.result(), strict=True)
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result(), strict=True)


class _Task:
    """Names gathered for one search task, and its results once sent."""

    __slots__ = ("future", "hits", "names")

    def __init__(self) -> None:
        self.names: list[str] = []
        self.future: Future[list[list[NameHit]]] | None = None  # in a worker
        self.hits: list[list[NameHit]] | None = None  # searched in this process

    @property
    def sent(self) -> bool:
        return self.future is not None or self.hits is not None

    def done(self) -> bool:
        return self.hits is not None or (self.future is not None and self.future.done())

    def results(self) -> list[list[NameHit]]:
        if self.future is not None:
            return self.future.result()
        assert self.hits is not None, "task not sent"
        return self.hits


class Search:
    """Names submitted to a ``NamePool``: their hits once searched, in order (each
    submission a slice of one or more of the pool's tasks)."""

    def __init__(self, pool: NamePool, slices: list[tuple[_Task, int, int]]) -> None:
        self._pool = pool
        self._slices = slices

    def done(self) -> bool:
        """Whether ``result()`` would return without waiting."""
        self._pool.poll()
        return all(task.done() for task, _, _ in self._slices)

    def result(self) -> list[tuple[str, list[NameHit]]]:
        """(name, hits) for every name, in order (waits for the search)."""
        if not all(task.sent for task, _, _ in self._slices):
            self._pool._send()  # the last task, still gathering
        found: list[tuple[str, list[NameHit]]] = []
        for task, start, end in self._slices:
            found.extend(zip(task.names[start:end], task.results()[start:end], strict=True))
        return found


def primed_rows(
    rows: Iterable[Mapping[str, str]],
    columns: Sequence[str],
    pool: NamePool,
    known: Callable[[str], bool],
    remember: Callable[[str, list[NameHit]], object],
    *,
    chunk_rows: int = CHUNK_ROWS,
    on_chunk: Callable[[int], Any] | None = None,
) -> Iterator[Mapping[str, str]]:
    """``rows`` again, each chunk's unknown values searched (by ``pool``) before it is yielded.

    ``known(value)`` says whether a value's result is already remembered;
    ``remember(value, hits)`` stores one.  Values are stripped as screening strips them.
    """
    iterator = iter(rows)
    while True:
        chunk = list(islice(iterator, chunk_rows))
        if not chunk:
            return
        wanted: dict[str, None] = {}
        for row in chunk:
            for column in columns:
                value = (row.get(column) or "").strip()
                if value and value not in wanted and not known(value):
                    wanted[value] = None
        for value, hits in pool.search(list(wanted)):
            remember(value, hits)
        yield from chunk
        if on_chunk is not None:
            on_chunk(len(chunk))
