"""The library entry point: rows, pandas and polars DataFrames in, hits out."""

from __future__ import annotations

import datetime as dt

import pytest

from sanctions_cli.frame import HIT_COLUMNS, screen_frame, screen_records

AS_OF = dt.date(2018, 1, 5)
ROWS = [
    {"payer": "Acme Ltd", "payee": "KIM, Jong Sik", "amount": 10},
    {"payer": "Jane Smith", "payee": None, "amount": 20},
    {"payer": "Kim Jong-Sik", "payee": "Hans Muller", "amount": 30},
]


def test_records_from_rows() -> None:
    hits = list(screen_records(ROWS, ["payer", "payee"], as_of=AS_OF))
    assert [(h["row"], h["column"]) for h in hits] == [(0, "payee"), (2, "payer")]
    assert all(set(h) == set(HIT_COLUMNS) for h in hits)
    assert hits[0]["score"] >= 85


def test_screen_frame_of_rows_returns_records() -> None:
    hits = screen_frame(ROWS, ["payer", "payee"], as_of=AS_OF, workers=2)
    assert isinstance(hits, list)
    assert [h["row"] for h in hits] == [0, 2]


def test_pandas_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(ROWS)
    hits = screen_frame(frame, ["payer", "payee"], as_of=AS_OF)
    assert isinstance(hits, pd.DataFrame)
    assert list(hits.columns) == list(HIT_COLUMNS)
    assert hits["row"].tolist() == [0, 2]
    empty = screen_frame(frame, ["amount"], as_of=AS_OF)
    assert len(empty) == 0 and list(empty.columns) == list(HIT_COLUMNS)
    with pytest.raises(KeyError):
        screen_frame(frame, ["nope"], as_of=AS_OF)


def test_polars_frame() -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(ROWS)
    hits = screen_frame(frame, ["payer", "payee"], as_of=AS_OF)
    assert isinstance(hits, pl.DataFrame)
    assert hits["row"].to_list() == [0, 2]
    records = screen_frame(frame, ["payer", "payee"], as_of=AS_OF, output="records")
    assert [r["entry_id"] for r in records] == hits["entry_id"].to_list()
