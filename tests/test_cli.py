"""The command line through typer's CliRunner: exit codes, stdout and stderr apart."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sanctions_cli.cli import app

EXAMPLE = Path(__file__).parent.parent / "examples" / "payments.csv"
PAYMENTS = "id,date,beneficiary,amount\n1,2018-01-05,Jong-Sik Kim,10\n2,2018-01-05,Jane Doe,5\n3,2017-12-24,Kim Jong Sik,7\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_screen_example_flags_true_hits_only(runner: CliRunner) -> None:
    result = run(runner, "screen", str(EXAMPLE), "--as-of", "2018-01-31", "--format", "csv")
    assert result.exit_code == 1, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    flagged = {r["hit_value"] for r in rows}
    assert {
        "KIM, Jong Sik",
        "Jong-Sik Kim",
        "Ri Pyo’ng-ch’o’l",
        "RI PYONG CHUL",
        "김정식",
    } <= flagged
    assert not flagged & {
        "Kim Jong Un",
        "Steven Mnuchin",
        "Ri Chol",
        "Kim Yo Jong",
        "Pyongyang Trading Co",
    }
    assert "screening columns originator_name, beneficiary_name" in result.stderr
    assert "rows screened" in result.stderr
    assert "rows screened" not in result.stdout
    first = rows[0]
    assert first["hit_entry_id"] == "kim-jong-sik"
    assert first["hit_references"] == "23214|KPi.066"
    assert first["payment_id"] == "P-1001"
    assert len(first["hit_lists_hash"]) == 64


def test_screen_clean_file_exits_zero_with_header_only(runner: CliRunner) -> None:
    result = run(runner, "screen", "-", "--as-of", "2018-01-05", input="name\nJane Doe\nJohn Roe\n")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [result.stdout.splitlines()[0]]
    assert result.stdout.startswith("name,hit_row,")


def test_screen_stdin_with_date_column_and_jsonl(runner: CliRunner) -> None:
    result = run(
        runner,
        "screen",
        "--date-column",
        "date",
        "-f",
        "jsonl",
        "-c",
        "beneficiary",
        input=PAYMENTS,
    )
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["row"] for r in records] == [1, 3]
    assert [len(r["hit"]["listings"]) for r in records] == [2, 1]
    explanation = records[0]["hit"]["explanation"]
    assert explanation["query_normalised"] == "jong sik kim"
    assert explanation["pairs"]
    assert records[0]["record"]["id"] == "1"


def test_screen_as_of_before_listing_is_clean(runner: CliRunner) -> None:
    result = run(runner, "screen", "--as-of", "2017-12-20", "-c", "beneficiary", input=PAYMENTS)
    assert result.exit_code == 0


def test_authority_filter(runner: CliRunner) -> None:
    result = run(runner, "screen", "--as-of", "2017-12-24", "--authority", "OFAC", input=PAYMENTS)
    assert result.exit_code == 0
    result = run(runner, "screen", "--as-of", "2017-12-24", "--authority", "UN", input=PAYMENTS)
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["-c", "payer"], PAYMENTS, "<stdin>: line 1, field 'payer': no column 'payer'"),
        ([], "id,amount\n1,2\n", "no name column found"),
        ([], "", "<stdin>: empty file"),
        (
            ["-c", "beneficiary"],
            "beneficiary,x\nKim,1\nJane\n",
            "<stdin>: line 3, row 2: ragged row",
        ),
        (
            ["--date-column", "date"],
            "name,date\nKim Jong Sik,soon\n",
            "<stdin>: row 1, field 'date': invalid date",
        ),
        (["--list", "/nonexistent.yaml"], PAYMENTS, "/nonexistent.yaml: no such file"),
        (["--as-of", "2018-02-30"], PAYMENTS, "invalid date"),
        (["--format", "xml"], PAYMENTS, "must be one of table, csv, jsonl"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    runner: CliRunner, args: list[str], stdin: str, message: str
) -> None:
    result = run(runner, "screen", "-", *args, input=stdin)
    assert result.exit_code == 2, result.stdout
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr


def test_malformed_list_is_exit_2_naming_the_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("list:\n  id: x\n  title: t\nentries:\n  - id: a\n    type: person\n")
    result = run(runner, "screen", "--list", str(bad), input=PAYMENTS)
    assert result.exit_code == 2
    assert f"{bad}: line 5, field 'entries[0].listings': missing required field" in " ".join(
        result.stderr.split()
    )


def test_output_file_is_written_atomically(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    result = run(
        runner,
        "screen",
        "-c",
        "beneficiary",
        "--as-of",
        "2018-01-05",
        "-o",
        str(out),
        input=PAYMENTS,
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert out.read_text().count("kim-jong-sik") == 2
    # A failing run leaves the previous report untouched and no temporary file behind.
    result = run(runner, "screen", "-c", "beneficiary", "-o", str(out), input=PAYMENTS + "4,x\n")
    assert result.exit_code == 2
    assert out.read_text().count("kim-jong-sik") == 2
    assert [p.name for p in tmp_path.iterdir()] == ["hits.csv"]


def test_check_command(runner: CliRunner) -> None:
    result = run(runner, "check", "Kim Cho'ng-sik", "--as-of", "2018-01-05", "--format", "jsonl")
    assert result.exit_code == 1
    [record] = [json.loads(x) for x in result.stdout.splitlines()]
    assert record["entry"]["id"] == "kim-jong-sik"
    assert record["matched_name"] == "KIM, Cho'ng-sik"
    result = run(runner, "check", "Steven Mnuchin", "--as-of", "2018-01-05")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no match for 'Steven Mnuchin'" in result.stderr


def test_check_explain_table(runner: CliRunner) -> None:
    result = run(
        runner, "check", "Pyong-chol Ri", "--as-of", "2018-01-05", "--explain", "--format", "table"
    )
    assert result.exit_code == 1
    assert "RI Pyong Chol" in result.stdout
    assert "KPi.076" in result.stdout
    assert "normalised" in result.stdout


def test_lists_show_and_validate(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "lists")
    assert result.exit_code == 0
    header, row = result.stdout.splitlines()[:2]
    assert header.split("\t")[:4] == ["id", "title", "entries", "names"]
    assert row.split("\t")[0] == "dprk-2017-12"
    assert row.split("\t")[2] == "2"
    assert "combined lists hash" in result.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("list: [\n")
    from sanctions_cli.listfile import bundled_list_paths

    good = str(bundled_list_paths()[0])
    result = run(runner, "lists", "validate", good, str(bad))
    assert result.exit_code == 2
    assert "ok, 2 entries" in result.stdout
    assert "bad.yaml" in result.stderr and "malformed YAML" in result.stderr


def test_version_and_help(runner: CliRunner) -> None:
    assert run(runner, "--version").stdout.startswith("sanctions-cli ")
    result = run(runner, "screen", "--help")
    assert result.exit_code == 0
    assert "--threshold" in result.stdout


def test_secondary_columns_detected_and_reported(runner: CliRunner) -> None:
    data = "id,beneficiary,beneficiary_dob,beneficiary_nationality\n1,Kim Jong Sik,1968,KP\n2,Kim Jong Sik,1990,DE\n"
    result = run(runner, "screen", "-", "--as-of", "2018-01-05", "-f", "jsonl", input=data)
    assert result.exit_code == 1
    assert "beneficiary checked with beneficiary_dob, beneficiary_nationality" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["row"] for r in records] == [1]
    names_only = run(runner, "screen", "-", "--as-of", "2018-01-05", "--no-secondary", input=data)
    assert names_only.stdout.count("kim-jong-sik") == 2
    missing = run(runner, "screen", "-", "--dob-column", "born", input=data)
    assert missing.exit_code == 2
    assert "no column 'born'" in missing.stderr


def _many_payments(
    tmp_path: Path, rows: int, bad_row: int | None = None
) -> tuple[Path, list[dict[str, str]]]:
    """The example payments repeated over several screening chunks, dated around the listings."""
    base = list(csv.DictReader(EXAMPLE.open(encoding="utf-8", newline="")))
    dates = ["2017-12-20", "2017-12-24", "2018-01-05"]
    records = []
    for number in range(1, rows + 1):
        row = dict(base[number % len(base)], value_date=dates[number % 3])
        if number == bad_row:
            row["value_date"] = "soon"
        records.append(row)
    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return path, records


def test_screen_many_rows_gives_the_hits_of_screen_rows(runner: CliRunner, tmp_path: Path) -> None:
    from sanctions_cli.csvinput import detect_context_columns
    from sanctions_cli.loading import load_lists
    from sanctions_cli.screening import Screener

    path, records = _many_payments(tmp_path, 2500)
    result = run(runner, "screen", str(path), "--date-column", "value_date", "-f", "csv", "-q")
    assert result.exit_code == 1, result.stderr
    got = [
        (r["hit_row"], r["hit_column"], r["hit_entry_id"], r["hit_score"], r["hit_as_of"])
        for r in csv.DictReader(io.StringIO(result.stdout))
    ]
    columns = ["originator_name", "beneficiary_name"]
    expected = [
        (str(r.row_number), h.column, h.entry.id, f"{h.score:.1f}", h.as_of.isoformat())
        for r in Screener(load_lists()).screen_rows(
            records,
            columns,
            date_column="value_date",
            context_columns=detect_context_columns(list(records[0]), columns),
        )
        for h in r.hits
    ]
    assert got == expected
    assert len({row for row, *_ in got}) > 100


def test_bad_cell_deep_in_a_file_names_its_row(runner: CliRunner, tmp_path: Path) -> None:
    path, _ = _many_payments(tmp_path, 2500, bad_row=2345)
    result = run(
        runner, "screen", str(path), "--date-column", "value_date", "-o", str(tmp_path / "o.csv")
    )
    assert result.exit_code == 2
    assert f"{path}: row 2345, field 'value_date': invalid date 'soon'" in " ".join(
        result.stderr.split()
    )
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize(
    "markup",
    [
        "[bold red]error:[/] no such file",
        "field 'entries\\[0].listings' of \\[bold] text",
        "[yellow]warning:[/yellow] list x is 300 days old",
        "plain text, [0] and a[1]",
    ],
)
def test_plain_stderr_is_what_rich_prints_without_style(markup: str) -> None:
    """A stderr that is no terminal gets plain lines without importing rich: the
    text rich would show, markup removed and escaped brackets restored."""
    from rich.markup import render

    from sanctions_cli.cli import _plain

    assert _plain(markup) == render(markup).plain


def test_stale_list_warning_is_one_plain_line(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "screen", "--max-list-age", "1", "--as-of", "2030-01-01", input=PAYMENTS)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings and all("update it or raise --max-list-age" in line for line in warnings)
    assert "[" not in "".join(warnings)  # no markup left in a plain line


def test_results_store_answers_a_second_run_with_the_same_output(
    runner: CliRunner, tmp_path: Path
) -> None:
    store = tmp_path / "results.sqlite"
    args = ["screen", str(EXAMPLE), "--as-of", "2018-01-31", "-f", "jsonl"]
    first = run(runner, *args, "--results-store", str(store))
    assert first.exit_code == 1, first.stderr
    assert "0 distinct values from the results store, 60 searched" in first.stderr
    second = run(runner, *args, "--results-store", str(store))
    assert second.exit_code == 1, second.stderr
    assert "60 distinct values from the results store, 0 searched" in second.stderr
    assert second.stdout == first.stdout
    assert second.stdout == run(runner, *args).stdout
    other = run(runner, *args, "--results-store", str(store), "--threshold", "90")
    assert other.exit_code == 1, other.stderr
    assert "results of other lists or another threshold dropped" in other.stderr
    assert "0 distinct values from the results store, 60 searched" in other.stderr


def test_results_store_that_is_no_store_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("nothing to see " * 50)
    result = run(runner, "screen", str(EXAMPLE), "--results-store", str(notes), "-q")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith(f"error: --results-store {notes}: not a results store")
    )
    assert notes.read_text() == "nothing to see " * 50


def _write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """A CSV file of ``rows`` (the output's columns), as an analyst's review saves it."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_cleared_hits_are_not_reported_and_are_counted(runner: CliRunner, tmp_path: Path) -> None:
    args = ["screen", str(EXAMPLE), "--as-of", "2018-01-31", "-f", "csv"]
    first = run(runner, *args)
    assert first.exit_code == 1, first.stderr
    rows = list(csv.DictReader(io.StringIO(first.stdout)))
    # The analyst's review: the report cut down to its false positives is the file.
    reviewed = [r for r in rows if r["hit_value"] == "Jong-Sik Kim"]
    assert reviewed
    cleared = tmp_path / "cleared.csv"
    _write_rows(cleared, reviewed)
    second = run(runner, *args, "--cleared", str(cleared))
    assert second.exit_code == 1, second.stderr
    kept = list(csv.DictReader(io.StringIO(second.stdout)))
    assert kept == [r for r in rows if r["hit_value"] != "Jong-Sik Kim"]
    assert f"{len(reviewed)} hit(s) cleared by {len(reviewed)} clearance(s) in {cleared}" in (
        second.stderr
    )
    # Every hit cleared: nothing to report, exit 0.
    _write_rows(cleared, rows)
    third = run(runner, *args, "--cleared", str(cleared))
    assert third.exit_code == 0, third.stderr
    assert third.stdout.splitlines() == [first.stdout.splitlines()[0]]


def test_cleared_report_lists_each_hit_taken_away(runner: CliRunner, tmp_path: Path) -> None:
    args = ["screen", str(EXAMPLE), "--as-of", "2018-01-31", "-f", "csv"]
    rows = list(csv.DictReader(io.StringIO(run(runner, *args).stdout)))
    reviewed = [r for r in rows if r["hit_value"] == "Jong-Sik Kim"]
    cleared = tmp_path / "cleared.csv"
    _write_rows(cleared, [{**r, "reason": "another man"} for r in reviewed])
    report = tmp_path / "cleared-report.csv"
    result = run(runner, *args, "--cleared", str(cleared), "--cleared-report", str(report))
    assert result.exit_code == 1, result.stderr
    assert f"{len(reviewed)} cleared hit(s) listed in {report}" in result.stderr
    listed = list(csv.DictReader(report.open(encoding="utf-8")))
    # The hit as the output gave it, where it was, and the clearance that took it away.
    assert [{k: r[k] for k in reviewed[0] if k.startswith("hit_")} for r in listed] == [
        {k: v for k, v in r.items() if k.startswith("hit_")} for r in reviewed
    ]
    assert {r["hit_source"] for r in listed} == {str(EXAMPLE)}
    assert {(r["cleared_value"], r["cleared_entry_id"]) for r in listed} == {
        (r["hit_value"], r["hit_entry_id"]) for r in reviewed
    }
    # Without --cleared there is nothing to list; stdout is no file for it.
    alone = run(runner, *args, "--cleared-report", str(tmp_path / "r.csv"))
    assert alone.exit_code == 2
    assert "--cleared-report" in alone.stderr
    assert not (tmp_path / "r.csv").exists()
    dash = run(runner, *args, "--cleared", str(cleared), "--cleared-report", "-")
    assert dash.exit_code == 2
    assert dash.stdout == ""


def test_a_bad_clearance_file_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    cleared = tmp_path / "cleared.csv"
    cleared.write_text("hit_value,hit_entry_id,expires\nJane Kim,kim-jong-sik,soon\n")
    result = run(runner, "screen", str(EXAMPLE), "--cleared", str(cleared), "-q")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {cleared}: row 1, field 'expires': not a date (YYYY-MM-DD): 'soon'"
    )
    stdin = run(runner, "screen", str(EXAMPLE), "--cleared", "-", "-q")
    assert stdin.exit_code == 2
    assert "--cleared" in stdin.stderr
