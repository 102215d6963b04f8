"""Screening at scale: payment files of 10k to 1M rows against the full OFAC SDN + UN lists.

Generates (seeded, no downloads) payment files with two name columns whose
counterparties come from a pool of realistic names of many cultures (Faker, 20
locales, people and companies), repeating as real payment files do (a Zipf-like
draw: a few counterparties are in many payments, most in few), with a few hundred
true variants of listed names injected (typos, case, order, punctuation).  Then it
prints, side by side:

* per file size: the ``sanctions screen`` command (a subprocess, warm cache, CSV
  output) in rows/s and distinct names/s, wall and CPU seconds, peak memory (of
  the command and its worker processes together, sampled: proportional set sizes,
  so that pages the forked workers share count once); the
  same file merely read and written by Python's ``csv`` module and by polars, and
  the ratio of the screen to each;
* with ``--row-path``, per file size, the row path alone: the same screening in
  this process with every distinct name's search done beforehand (not timed), so
  the per-row cost (reading, flagging, writing) shows whatever the search costs;
* the worst case, every name distinct: names/s through the worker pool;
* with ``--compare-bound``, the worst case again without the index's vectorised
  bounds (``matching.prefilter``): every candidate of the token search bounded one
  by one by the scorer's ``score_bound``, and whether the hits agree;
* a brute-force baseline (every listed name scored) on a sample of names, the
  speed-up of the index and proof that the hits are identical;
* with ``--results-store``, per file size: the file screened into an empty results
  store (``sanctions screen --results-store``; its output must be the run's without
  one), then the next day's file (the same counterparty pool, other draws, other
  injected variants) with that store: wall seconds, values from the store and
  searched, the ratio to ``csv``;
* the warm start-up of ``sanctions check`` with the full lists.

The lists are the official files in ``../shared/data/lists`` when present, else a
synthetic list of the same size (Faker names).  Usage::

    python benchmarks/bench_screen.py                       # 10k, 100k, 1M rows
    python benchmarks/bench_screen.py --sizes 10000 --distinct 500 --sample 4   # quick
    python benchmarks/bench_screen.py --sizes 1000000 --pool 2000 --row-path    # rows
    python benchmarks/bench_screen.py --sizes 1000000 --results-store           # next night
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "lists"
OFAC_DIR = "ofac-sdn-2023-12-28"
UN_FILE = "un-consolidated-2026-02-27/UN_consolidated.xml"
AS_OF = "2024-01-01"
SEED = 20240101
LOCALES = (
    "en_US", "en_GB", "es_MX", "es_ES", "pt_BR", "fr_FR", "de_DE", "it_IT", "pl_PL", "ru_RU",
    "uk_UA", "tr_TR", "ar_AA", "fa_IR", "hi_IN", "zh_CN", "ja_JP", "ko_KR", "vi_VN", "id_ID",
)  # fmt: skip
# Share of pool names that are companies (payment files mix people and firms).
COMPANY_SHARE = 0.3
# Zipf exponent of the counterparty draw: ~1 is the classic heavy tail of payments.
ZIPF_EXPONENT = 1.05
FIELDS = (
    "payment_id",
    "value_date",
    "amount",
    "currency",
    "originator_name",
    "originator_country",
    "beneficiary_name",
    "beneficiary_country",
    "reference",
)
NAME_COLUMNS = ("originator_name", "beneficiary_name")
# Interval of the resident-memory samples of a screening run and its workers: short
# next to a run (seconds), long enough that sampling /proc costs nothing measurable.
MEMORY_SAMPLE_SECONDS = 0.05
# Runs of the start-up timing: this machine's speed varies from minute to minute,
# so the fastest (timeit's convention) and the median are both shown.
STARTUP_RUNS = 7


# --- data --------------------------------------------------------------------------


def name_pool(size: int, seed: int) -> list[str]:
    """``size`` distinct counterparty names from many cultures."""
    from faker import Faker

    fake = Faker(list(LOCALES))
    Faker.seed(seed)
    rng = random.Random(seed)
    names: dict[str, None] = {}
    while len(names) < size:
        locale = fake[rng.choice(LOCALES)]
        names[locale.company() if rng.random() < COMPANY_SHARE else locale.name()] = None
    return list(names)


def variant(name: str, rng: random.Random) -> str:
    """A true variant of a listed name, as it appears in payments."""
    text = name
    action = rng.randrange(5)
    if action == 0 and len(text) > 6:  # one typo
        i = rng.randrange(1, len(text) - 1)
        text = text[:i] + rng.choice("aeiouhnrs") + text[i + 1 :]
    elif action == 1 and len(text) > 6:  # one letter dropped
        i = rng.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1 :]
    elif action == 2:  # "SURNAME, Given" -> "Given Surname"
        parts = [p.strip() for p in text.split(",", 1)]
        text = " ".join(reversed(parts)) if len(parts) == 2 else text
    elif action == 3:
        text = text.replace("-", " ").replace(",", "").replace(".", "")
    return text.title() if rng.random() < 0.5 else text


def listed_variants(lists: Sequence[Any], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    strong = [
        name
        for lst in lists
        for entry in lst.entries
        for name, strength, _ in entry.all_names()
        if strength == "strong"
    ]
    return [variant(rng.choice(strong), rng) for _ in range(count)]


def write_payments(
    path: Path, rows: int, pool: Sequence[str], injected: Sequence[str], seed: int
) -> int:
    """Write ``rows`` payments; returns the number of distinct names in the name columns."""
    rng = random.Random(seed)
    weights = [1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(pool))]
    draws = rng.choices(range(len(pool)), weights=weights, k=2 * rows)
    inject_at = {rng.randrange(2 * rows): name for name in injected}
    countries = ("US", "GB", "DE", "FR", "ES", "MX", "BR", "CN", "IN", "TR", "AE", "RU")
    currencies = ("USD", "EUR", "GBP", "CHF")
    day = dt.date(2024, 1, 1)
    distinct: set[str] = set()
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        for number in range(rows):
            originator = inject_at.get(2 * number, pool[draws[2 * number]])
            beneficiary = inject_at.get(2 * number + 1, pool[draws[2 * number + 1]])
            distinct.add(originator)
            distinct.add(beneficiary)
            writer.writerow(
                (
                    f"P{number:08d}",
                    (day + dt.timedelta(days=number % 28)).isoformat(),
                    f"{rng.uniform(10, 250_000):.2f}",
                    rng.choice(currencies),
                    originator,
                    rng.choice(countries),
                    beneficiary,
                    rng.choice(countries),
                    f"Invoice {rng.randrange(10**6)}",
                )
            )
    return len(distinct)


def synthetic_lists(names: int, seed: int) -> list[Any]:
    """A list of ``names`` Faker names (entries with an alias each), if the real ones are absent."""
    from sanctions_cli.model import Alias, Entry, Listing, ListMeta, SanctionsList

    pool = name_pool(names, seed + 1)
    entries = tuple(
        Entry(
            f"S{i}",
            "person",
            pool[i],
            (Alias(pool[i + 1]),),
            (Listing("Synthetic authority", "Synthetic list"),),
        )
        for i in range(0, len(pool) - 1, 2)
    )
    return [SanctionsList(ListMeta("synthetic", "Synthetic list"), entries, "")]


# --- measuring ---------------------------------------------------------------------


def children_usage() -> tuple[float, int]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def csv_copy(source: Path, target: Path) -> None:
    with (
        open(source, newline="", encoding="utf-8") as src,
        open(target, "w", newline="", encoding="utf-8") as dst,
    ):
        writer = csv.writer(dst)
        for row in csv.reader(src):
            writer.writerow(row)


def polars_copy(source: Path, target: Path) -> None:
    import polars as pl

    pl.read_csv(source, infer_schema=False).write_csv(target)


def tree_memory_kb(pid: int) -> int | None:
    """Memory (KB) of a process and all its descendants; None without /proc.

    Each process counts its proportional set size (a page shared by the forked
    workers counts once in all), or its resident size where that is not known.
    """
    parents: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return None
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(parents.get(current, ()))
        total += _process_memory_kb(current)
    return total


def _process_memory_kb(pid: int) -> int:
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith(field):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def run_cli(args: Sequence[str]) -> tuple[float, float, int, subprocess.CompletedProcess[str]]:
    """Wall, CPU seconds and peak memory (KB) of a CLI run.

    The peak is the largest sampled memory of the command and its worker processes
    together (``tree_memory_kb``); without /proc, the peak RSS of the largest
    process (max over all children so far).
    """
    cpu_before, _ = children_usage()
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "sanctions_cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak_tree = [0]
    done_event = threading.Event()

    def sample() -> None:
        while not done_event.wait(MEMORY_SAMPLE_SECONDS):
            kb = tree_memory_kb(process.pid)
            if kb is None:
                return
            peak_tree[0] = max(peak_tree[0], kb)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    done_event.set()
    sampler.join()
    wall = time.perf_counter() - start
    cpu_after, peak_process = children_usage()
    done = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    if done.returncode not in (0, 1):
        raise SystemExit(f"sanctions {' '.join(args)} failed:\n{done.stderr}")
    return wall, cpu_after - cpu_before, peak_tree[0] or peak_process, done


def row_path(
    lists: Sequence[Any], payments: Path, threshold: float, workers: int, out: Path
) -> tuple[float, float, str]:
    """Wall and CPU seconds of screening ``payments`` in this process (as the CLI does,
    CSV output) with every distinct name searched beforehand, and the output text."""
    from sanctions_cli.csvinput import open_csv
    from sanctions_cli.output import CsvHitWriter
    from sanctions_cli.parallel import NamePool
    from sanctions_cli.screening import Screener

    screener = Screener(lists, threshold=threshold)
    names: dict[str, None] = {}
    with open(payments, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names.update((row[c].strip(), None) for c in NAME_COLUMNS)
    names.pop("", None)
    with NamePool(screener.matcher, threshold, workers, strong_only=True) as pool:
        for name, hits in pool.search(list(names)):
            screener._remember(name, hits)  # the searches are not what is timed
    cpu_before = self_cpu()
    start = time.perf_counter()
    with open_csv(str(payments)) as source, open(out, "w", encoding="utf-8", newline="") as sink:
        writer = CsvHitWriter(sink, source.header, screener.lists_hash)
        for result in screener.screen_records(
            source.header,
            source.records(),
            list(NAME_COLUMNS),
            as_of=dt.date.fromisoformat(AS_OF),
            context_columns=_context_columns(source.header),
        ):
            writer.write(result)
    return time.perf_counter() - start, self_cpu() - cpu_before, out.read_text(encoding="utf-8")


_STORE_SUMMARY = re.compile(r"(\d+) distinct values from the results store, (\d+) searched")


def next_day(
    size: int,
    payments: Path,
    out: Path,
    pool: Sequence[str],
    lists: Sequence[Any],
    cli_args: list[str],
    work: Path,
    variants: int,
) -> dict[str, Any]:
    """Day 1 (``payments``) screened into an empty results store (its output checked
    against ``out``, screened without one), then a next day's file of the same size:
    the same counterparty pool, other draws, other injected variants."""
    store = work / f"results-{size}.sqlite"
    for stale in work.glob(f"results-{size}.sqlite*"):
        stale.unlink()
    cli_args = [a for a in cli_args if a != "-q"]
    day1_out = work / f"hits-{size}-stored.csv"
    fill, _, _, _ = run_cli(
        ["screen", str(payments), *cli_args, "-o", str(day1_out), "--results-store", str(store)]
    )
    same = day1_out.read_bytes() == out.read_bytes()
    following = work / f"payments-{size}-next.csv"
    injected = listed_variants(lists, variants, SEED + size + 1)
    distinct = write_payments(following, size, pool, injected, SEED + size + 1)
    print(f"next day's {size:,} rows ({distinct:,} distinct names) with the store ...", flush=True)
    wall, _, peak, done = run_cli(
        [
            "screen",
            str(following),
            *cli_args,
            "-o",
            str(work / "next.csv"),
            "--results-store",
            str(store),
        ]
    )
    found = _STORE_SUMMARY.search(done.stderr)
    from_store, searched = (int(found[1]), int(found[2])) if found else (0, 0)
    return {
        "rows": size,
        "fill": fill,
        "same": same,
        "wall": wall,
        "distinct": distinct,
        "stored": from_store,
        "searched": searched,
        "peak MB": peak / 1024,
    }


def _context_columns(header: Sequence[str]) -> Any:
    from sanctions_cli.csvinput import detect_context_columns

    return detect_context_columns(header, list(NAME_COLUMNS))


def hits_key(hits: Sequence[Any]) -> list[tuple[int, str, float]]:
    return sorted((h.ref.entry_index, h.ref.name, h.match.score) for h in hits)


# --- main --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="rows per file")
    parser.add_argument("--pool", type=int, default=20_000, help="distinct counterparties")
    parser.add_argument("--variants", type=int, default=300, help="listed-name variants per file")
    parser.add_argument("--distinct", type=int, default=2_000, help="names of the worst case")
    parser.add_argument("--sample", type=int, default=10, help="names of the brute-force check")
    parser.add_argument("--workers", type=int, default=0, help="0: all cores")
    parser.add_argument("--threshold", type=float, default=85.0)
    parser.add_argument("--keep", help="directory for the generated files (default: temporary)")
    parser.add_argument("--shared", default=str(SHARED), help="folder of the official lists")
    parser.add_argument(
        "--row-path",
        action="store_true",
        help="also time the row path alone, in this process, the searches done beforehand",
    )
    parser.add_argument(
        "--results-store",
        action="store_true",
        help="also screen each file into an empty results store, then the next day's file "
        "(the same counterparties, other draws) with it",
    )
    parser.add_argument(
        "--compare-bound",
        action="store_true",
        help="also time the worst case without the index's bounds (the scorer's own bound)",
    )
    options = parser.parse_args(argv)
    sizes = [int(s) for s in options.sizes.split(",") if s]
    warnings.simplefilter("ignore")
    work = Path(options.keep or tempfile.mkdtemp(prefix="sanctions-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SANCTIONS_CLI_CACHE_DIR", str(work / "cache"))

    from sanctions_cli.listfile import dump_list
    from sanctions_cli.loading import load_lists
    from sanctions_cli.parallel import NamePool, default_workers
    from sanctions_cli.screening import Screener

    workers = options.workers or default_workers()
    ofac, un = Path(options.shared) / OFAC_DIR, Path(options.shared) / UN_FILE
    if ofac.is_dir() and un.is_file():
        list_args = ["--list", str(ofac), "--list", str(un)]
        source = "OFAC SDN 2023-12-28 + UN consolidated 2026-02-27"
        lists = load_lists([ofac, un])
    else:
        lists = synthetic_lists(38_000, SEED)
        path = work / "synthetic.yaml"
        path.write_text(dump_list(lists[0]), encoding="utf-8")
        list_args = ["--list", str(path)]
        source = "synthetic (the real lists are absent)"
        lists = load_lists([path])
    names = sum(lst.name_count for lst in lists)
    entries = sum(len(lst.entries) for lst in lists)
    print(f"lists: {source}: {entries:,} entries, {names:,} names; {workers} worker(s)")

    build, _screener = timed(lambda: Screener(lists, threshold=options.threshold))
    print(f"matcher ready (built or loaded from the cache): {build:.2f} s")
    check_args = ["check", "Kim Jong Sik", *list_args, "--max-list-age", "100000"]
    check_args += ["--format", "jsonl"]
    # An installed package runs from bytecode compiled at install time (pip does);
    # a source tree under PYTHONDONTWRITEBYTECODE would compile every module on
    # every run (0.2 s here), which no user's start-up pays.  The package compiled
    # is the one the command imports (run as it is, from this directory).
    compile_package = (
        "import compileall, pathlib, sanctions_cli; "
        "compileall.compile_dir(pathlib.Path(sanctions_cli.__file__).parent, quiet=1)"
    )
    subprocess.run([sys.executable, "-c", compile_package], check=True)
    run_cli(check_args)  # warms every cache
    startups = sorted(run_cli(check_args)[0] for _ in range(STARTUP_RUNS))

    print("generating the name pool ...", flush=True)
    pool = name_pool(options.pool, SEED)
    cli_common = [*list_args, "--threshold", str(options.threshold), "--as-of", AS_OF]
    cli_common += ["--max-list-age", "100000", "--format", "csv", "-q"]
    cli_common += ["--column", NAME_COLUMNS[0], "--column", NAME_COLUMNS[1]]

    table: list[dict[str, Any]] = []
    row_paths: list[dict[str, Any]] = []
    stored: list[dict[str, Any]] = []
    for size in sizes:
        payments = work / f"payments-{size}.csv"
        injected = listed_variants(lists, options.variants, SEED + size)
        distinct = write_payments(payments, size, pool, injected, SEED + size)
        csv_seconds, _ = timed(lambda p=payments: csv_copy(p, work / "copy.csv"))  # type: ignore[misc]
        polars_seconds, _ = timed(lambda p=payments: polars_copy(p, work / "copy.csv"))  # type: ignore[misc]
        print(f"screening {size:,} rows ({distinct:,} distinct names) ...", flush=True)
        out = work / f"hits-{size}.csv"
        wall, cpu, peak, _ = run_cli(
            ["screen", str(payments), *cli_common, "-o", str(out), "--workers", str(workers)]
        )
        with open(out, encoding="utf-8") as handle:
            flagged = max(0, sum(1 for _ in handle) - 1)
        if options.row_path:
            print(f"row path of {size:,} rows ...", flush=True)
            path_wall, path_cpu, path_text = row_path(
                lists, payments, options.threshold, workers, work / "row-path.csv"
            )
            same = path_text == out.read_text(encoding="utf-8")
            row_paths.append(
                {
                    "rows": size,
                    "wall": path_wall,
                    "cpu": path_cpu,
                    "rows/s": size / path_wall,
                    "csv r+w": csv_seconds,
                    "x csv": path_wall / csv_seconds,
                    "same": same,
                }
            )
        if options.results_store:
            stored.append(
                next_day(
                    size,
                    payments,
                    out,
                    pool,
                    lists,
                    [*cli_common, "--workers", str(workers)],
                    work,
                    options.variants,
                )
                | {"csv r+w": csv_seconds}
            )
        table.append(
            {
                "rows": size,
                "MB": payments.stat().st_size / 1e6,
                "distinct": distinct,
                "wall": wall,
                "cpu": cpu,
                "rows/s": size / wall,
                "names/s": distinct / wall,
                "peak MB": peak / 1024,
                "hit rows": flagged,
                "csv r+w": csv_seconds,
                "x csv": wall / csv_seconds,
                "polars r+w": polars_seconds,
                "x polars": wall / polars_seconds,
            }
        )

    # Worst case: every name distinct, through the worker pool (fresh matcher memo).
    rng = random.Random(SEED)
    fresh = [n for n in name_pool(options.pool + options.distinct, SEED + 7) if n not in pool]
    worst_names = fresh[: options.distinct - options.distinct // 10]
    worst_names += listed_variants(lists, options.distinct // 10, SEED + 3)
    rng.shuffle(worst_names)
    worst_names = list(dict.fromkeys(worst_names))

    def worst_case(index_bounds: bool = True) -> tuple[float, float, dict[str, list[Any]], Any]:
        fresh_screener = Screener(lists, threshold=options.threshold)
        if not index_bounds:
            fresh_screener.matcher.index.prefilter = None  # the workers fork from here
        cpu_before = self_cpu() + children_usage()[0]
        start = time.perf_counter()
        with NamePool(fresh_screener.matcher, options.threshold, workers) as names_pool:
            hits = dict(names_pool.search(worst_names))
        wall = time.perf_counter() - start
        return wall, self_cpu() + children_usage()[0] - cpu_before, hits, fresh_screener

    worst_wall, worst_cpu, worst_hits, worst_screener = worst_case()
    unbounded: tuple[float, float, bool] | None = None
    if options.compare_bound:
        u_wall, u_cpu, u_hits, _ = worst_case(index_bounds=False)
        same = all(hits_key(u_hits[n]) == hits_key(worst_hits[n]) for n in worst_names)
        unbounded = (u_wall, u_cpu, same)

    # Brute force on a sample: every listed name scored, against the indexed search.
    matcher = worst_screener.matcher
    # Half the sample names the index found hits for, half it found none for (a
    # miss would show there), so "identical" is never the agreement of empty sets.
    with_hits = [n for n in worst_names if worst_hits[n]][: options.sample // 2]
    without = [n for n in worst_names if not worst_hits[n]]
    sample = with_hits + without[: options.sample - len(with_hits)]
    brute_seconds = 0.0
    identical = True
    for name in sample:
        seconds, brute = timed(lambda n=name: matcher.search_brute_force(n, options.threshold))  # type: ignore[misc]
        brute_seconds += seconds
        identical &= hits_key(brute) == hits_key(worst_hits[name])
    matcher.forget()  # a cold search, as in the brute force
    index_seconds, _ = timed(lambda: [matcher.search(n, options.threshold) for n in sample])
    sample_with_hits = sum(1 for n in sample if worst_hits[n])

    print()
    print(f"Screening against {entries:,} entries / {names:,} names, threshold {options.threshold}")
    header = (
        f"{'rows':>9} {'MB':>6} {'distinct':>8} {'wall s':>8} {'CPU s':>8} {'rows/s':>8} "
        f"{'names/s':>8} {'peak MB':>8} {'hit rows':>8} {'csv s':>6} {'x csv':>6} "
        f"{'polars s':>8} {'x polars':>8}"
    )
    print(header)
    for r in table:
        print(
            f"{r['rows']:>9,} {r['MB']:>6.1f} {r['distinct']:>8,} {r['wall']:>8.2f} "
            f"{r['cpu']:>8.2f} {r['rows/s']:>8,.0f} {r['names/s']:>8,.0f} {r['peak MB']:>8.0f} "
            f"{r['hit rows']:>8,} {r['csv r+w']:>6.2f} {r['x csv']:>6.1f} "
            f"{r['polars r+w']:>8.2f} {r['x polars']:>8.1f}"
        )
    if row_paths:
        print()
        print("Row path alone (this process, every distinct name searched beforehand)")
        print(
            f"{'rows':>9} {'wall s':>8} {'CPU s':>8} {'rows/s':>10} {'us/row':>7} "
            f"{'csv s':>6} {'x csv':>6} {'same hits as the CLI':>20}"
        )
        for r in row_paths:
            print(
                f"{r['rows']:>9,} {r['wall']:>8.2f} {r['cpu']:>8.2f} {r['rows/s']:>10,.0f} "
                f"{1e6 * r['wall'] / r['rows']:>7.2f} {r['csv r+w']:>6.2f} {r['x csv']:>6.2f} "
                f"{'yes' if r['same'] else 'NO':>20}"
            )
    if stored:
        print()
        print(
            "With a results store (--results-store): day 1 screened into an empty store, "
            "then the next day's file (same counterparties, other draws and variants)"
        )
        print(
            f"{'rows':>9} {'day 1 s':>8} {'same out':>8} {'day 2 s':>8} {'rows/s':>9} "
            f"{'distinct':>8} {'stored':>8} {'searched':>8} {'peak MB':>8} {'csv s':>6} "
            f"{'x csv':>6}"
        )
        for r in stored:
            print(
                f"{r['rows']:>9,} {r['fill']:>8.2f} {'yes' if r['same'] else 'NO':>8} "
                f"{r['wall']:>8.2f} {r['rows'] / r['wall']:>9,.0f} {r['distinct']:>8,} "
                f"{r['stored']:>8,} {r['searched']:>8,} {r['peak MB']:>8.0f} "
                f"{r['csv r+w']:>6.2f} {r['wall'] / r['csv r+w']:>6.1f}"
            )
    print()
    bound_note = "index bounds (matching.prefilter)"
    print(f"Worst case, every name distinct (worker pool, search only, {bound_note})")
    print(f"{'names':>9} {'wall s':>8} {'CPU s':>8} {'names/s':>8} {'with hits':>9}")
    print(
        f"{len(worst_names):>9,} {worst_wall:>8.2f} {worst_cpu:>8.2f} "
        f"{len(worst_names) / worst_wall:>8,.1f} {sum(1 for h in worst_hits.values() if h):>9,}"
    )
    if unbounded is not None:
        u_wall, u_cpu, same = unbounded
        print(
            f"{len(worst_names):>9,} {u_wall:>8.2f} {u_cpu:>8.2f} "
            f"{len(worst_names) / u_wall:>8,.1f}  without the index bounds (scorer.score_bound); "
            f"hits {'identical' if same else 'DIFFERENT'} for all {len(worst_names):,} names"
        )
    print()
    print("Brute force (every listed name scored) vs the index, same names, one process")
    print(
        f"{'names':>9} {'brute s':>8} {'index s':>8} {'speed-up':>8} {'with hits':>9} "
        f"{'identical':>9}"
    )
    print(
        f"{len(sample):>9} {brute_seconds:>8.2f} {index_seconds:>8.3f} "
        f"{brute_seconds / max(index_seconds, 1e-9):>8.1f} {sample_with_hits:>9} "
        f"{'yes' if identical else 'NO':>9}"
    )
    print()
    print(
        f"Start-up: `sanctions check` with the full lists, warm cache: fastest of "
        f"{STARTUP_RUNS} runs {startups[0]:.2f} s, median {statistics.median(startups):.2f} s"
    )
    same_rows = all(r["same"] for r in row_paths) and all(r["same"] for r in stored)
    return 0 if identical and same_rows and (unbounded is None or unbounded[2]) else 1


if __name__ == "__main__":
    sys.exit(main())
