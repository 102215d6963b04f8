import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from sanctions_cli.clearances import Clearance, ClearedHit
from sanctions_cli.model import Entry, Hit, Listing
from sanctions_cli.output import (
    CLEARED_COLUMNS,
    HIT_COLUMNS,
    AtomicOutput,
    ClearedHitWriter,
    CsvHitWriter,
    JsonlHitWriter,
)
from sanctions_cli.screening import RowResult

UN = Listing("UN Security Council", "UN List", "DPRK", "KPi.066", dt.date(2017, 12, 22))
OFAC = Listing("OFAC", "SDN", "DPRK2", "23214", dt.date(2017, 12, 26))
ENTRY = Entry("kim", "person", "KIM Jong Sik", listings=(UN, OFAC))


def result(*hits: Hit) -> RowResult:
    return RowResult(7, {"id": "1", "hit_row": "clash", "name": "Kim"}, dt.date(2018, 1, 5), hits)


def hit(column: str) -> Hit:
    return Hit(
        ENTRY, "KIM Jong Sik", "strong", True, "Kim", column, 97.5, (UN, OFAC), dt.date(2018, 1, 5)
    )


def test_csv_has_one_record_per_hit_and_renames_clashing_columns() -> None:
    out = io.StringIO()
    writer = CsvHitWriter(out, ["id", "hit_row", "name"], "abc")
    assert writer.write(result(hit("name"), hit("id"))) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2
    assert rows[0]["hit_row"] == "clash"
    assert rows[0]["hit_row_"] == "7"
    assert rows[0]["hit_references"] == "KPi.066|23214"
    assert rows[0]["hit_listing_dates"] == "2017-12-22|2017-12-26"
    assert rows[0]["hit_score"] == "97.5"
    assert [r["hit_column"] for r in rows] == ["name", "id"]
    assert list(rows[0])[-len(HIT_COLUMNS) :][1:] == list(HIT_COLUMNS)[1:]


def test_jsonl_records() -> None:
    out = io.StringIO()
    JsonlHitWriter(out, "abc", "p.csv").write(result(hit("name")))
    record = json.loads(out.getvalue())
    assert record["row"] == 7
    assert record["source"] == "p.csv"
    assert record["hit"]["listings"][0]["listed_on"] == "2017-12-22"
    assert record["hit"]["lists_hash"] == "abc"


def test_atomic_output_keeps_old_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), AtomicOutput(str(target)) as stream:
        stream.write("partial")
        raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]
    with AtomicOutput(str(target)) as stream:
        stream.write("new")
    assert target.read_text() == "new"


def test_cleared_report_has_the_hit_columns_and_the_clearance() -> None:
    out = io.StringIO()
    writer = ClearedHitWriter(out, "abc")
    clearance = Clearance("kim", "kim", expires=dt.date(2019, 1, 1))
    writer.write(ClearedHit("pay.csv", 7, hit("name"), clearance))
    writer.write(ClearedHit("", None, hit("name"), Clearance("Kim", "kim", "KIM Jong Sik")))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert writer.count == 2
    assert list(rows[0]) == list(CLEARED_COLUMNS)
    assert rows[0]["hit_source"] == "pay.csv"
    assert rows[0]["hit_row"] == "7"
    assert rows[0]["hit_entry_id"] == "kim"
    assert rows[0]["hit_lists_hash"] == "abc"
    assert (rows[0]["cleared_expires"], rows[0]["cleared_matched_name"]) == ("2019-01-01", "")
    assert (rows[1]["hit_row"], rows[1]["cleared_matched_name"]) == ("", "KIM Jong Sik")
