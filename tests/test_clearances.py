"""Clearances: reviewed false positives kept out of later runs (``sanctions_cli.clearances``)."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.clearances import (
    Clearance,
    Clearances,
    ClearedHit,
    load_clearances,
    value_key,
)
from sanctions_cli.errors import InputError
from sanctions_cli.listfile import load_list_file
from sanctions_cli.screening import Screener

LISTS = Path(__file__).parent.parent / "lists"
DAY = dt.date(2018, 1, 31)


def test_a_clearance_names_a_value_and_an_entry() -> None:
    cleared = Clearances([Clearance("Jong-Sik  Kim", "kim-jong-sik")])
    assert cleared.clears("JONG-SIK KIM", "kim-jong-sik", "KIM, Jong Sik", DAY)
    assert not cleared.clears("Kim Jong Sik", "kim-jong-sik", "KIM, Jong Sik", DAY)
    assert not cleared.clears("Jong-Sik Kim", "ri-pyong-chol", "RI, Pyong Chol", DAY)


def test_a_clearance_of_one_listed_name_lapses_for_another() -> None:
    cleared = Clearances([Clearance("Jong Sik", "kim-jong-sik", matched_name="KIM, Jong Sik")])
    assert cleared.clears("Jong Sik", "kim-jong-sik", "kim, jong sik", DAY)
    assert not cleared.clears("Jong Sik", "kim-jong-sik", "KIM, Cho'ng-sik", DAY)


def test_a_clearance_expires() -> None:
    cleared = Clearances([Clearance("A", "e1", expires=dt.date(2018, 2, 1))])
    assert cleared.clears("A", "e1", "x", dt.date(2018, 1, 31))
    assert not cleared.clears("A", "e1", "x", dt.date(2018, 2, 1))


@given(st.text(), st.text(min_size=1))
def test_value_key_ignores_case_and_spacing(value: str, entry_id: str) -> None:
    cleared = Clearances([Clearance(value, entry_id)])
    spaced = "  " + value.upper().replace(" ", "\t ") + " "
    assert value_key(spaced) == value_key(value.upper())
    assert cleared.clears(value, entry_id.strip(), "", DAY)


def test_load_reads_the_csv_output_columns(tmp_path: Path) -> None:
    path = tmp_path / "cleared.csv"
    path.write_text(
        "payment_id;hit_value;hit_entry_id;hit_matched_name;expires;reason\n"
        "P1;Jane Kim;kim-jong-sik;KIM, Jong Sik;2030-01-01;another person\n"
        ";;;;;\n"
        "P2;Ri Chol;ri-pyong-chol;;;\n",
        encoding="utf-8",
    )
    cleared = load_clearances(path)
    assert len(cleared) == 2
    assert cleared.items()[0] == Clearance(
        "Jane Kim", "kim-jong-sik", "KIM, Jong Sik", dt.date(2030, 1, 1)
    )
    assert cleared.items()[1] == Clearance("Ri Chol", "ri-pyong-chol")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("hit_value,reason\nA,x\n", "line 1"),
        ("hit_value,hit_entry_id\nA,\n", "row 1, field 'hit_entry_id'"),
        (
            "hit_value,hit_entry_id,expires\nA,e1,2030-01-01\nB,e2,next year\n",
            "row 2, field 'expires'",
        ),
    ],
)
def test_a_bad_clearance_file_names_row_and_field(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "cleared.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_clearances(path)
    assert str(path) in str(raised.value)
    assert where in str(raised.value)


def test_the_screener_leaves_cleared_hits_out_and_counts_them() -> None:
    lists = [load_list_file(p) for p in sorted(LISTS.glob("*.yaml"))]
    screener = Screener(lists)
    hits = screener.check("Kim Jong Sik", DAY)
    assert hits
    entry_ids = {hit.entry.id for hit in hits}
    screener.clearances = Clearances([Clearance("kim jong sik", hits[0].entry.id)])
    kept = screener.check("Kim Jong Sik", DAY)
    assert {hit.entry.id for hit in kept} == entry_ids - {hits[0].entry.id}
    assert screener.stats.cleared == 1
    # ... only for that value.
    assert screener.check("KIM, Jong Sik", DAY)


def test_each_cleared_hit_is_handed_on_with_its_clearance_and_row() -> None:
    lists = [load_list_file(p) for p in sorted(LISTS.glob("*.yaml"))]
    screener = Screener(lists)
    entry_id = screener.check("Kim Jong Sik", DAY)[0].entry.id
    clearance = Clearance("KIM JONG SIK", entry_id, expires=DAY + dt.timedelta(days=1))
    screener.clearances = Clearances([clearance])
    seen: list[ClearedHit] = []
    screener.on_cleared = seen.append
    rows = [{"name": "Kim Jong Sik"}, {"name": "Jane Doe"}, {"name": "kim  jong sik"}]
    results = list(screener.screen_rows(rows, ["name"], as_of=DAY, source="pay.csv"))
    assert all(entry_id not in {h.entry.id for h in r.hits} for r in results)
    assert [(c.source, c.row, c.hit.entry.id, c.clearance) for c in seen] == [
        ("pay.csv", 1, entry_id, clearance),
        ("pay.csv", 3, entry_id, clearance),
    ]
    assert screener.stats.cleared == 2
    # Lapsed on its expiry date: nothing cleared, nothing handed on.
    seen.clear()
    later = DAY + dt.timedelta(days=1)
    assert entry_id in {h.entry.id for h in screener.check("Kim Jong Sik", later)}
    assert seen == []
