"""The results store: searches kept between runs, under the key of their lists."""

import csv
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_cli.errors import UsageError
from sanctions_cli.loading import load_lists
from sanctions_cli.matching import NameHit, NameRef
from sanctions_cli.model import (
    Adjustment,
    Alias,
    Entry,
    Listing,
    ListMeta,
    Match,
    SanctionsList,
    TokenPair,
)
from sanctions_cli.resultstore import FLUSH_RESULTS, ResultStore, store_key
from sanctions_cli.screening import Screener

EXAMPLE = Path(__file__).parent.parent / "examples" / "payments.csv"
AFTER_BOTH = dt.date(2018, 1, 5)


def _hit(index: int = 3, score: float = 91.25) -> NameHit:
    return NameHit(
        NameRef(index, "KIM, Jong Sik", "strong", True),
        Match(
            score,
            "jong sik kim",
            "kim jong sik",
            (TokenPair("kim", "kim", 100.0), TokenPair("jong", "jong", 100.0)),
            (Adjustment("missing_tokens", "words of one name are missing", -2.5),),
        ),
    )


def test_results_round_trip_and_outlive_the_connection(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    key = store_key("lists", 85.0)
    with ResultStore(path, key) as store:
        assert store.get_many(["Jong-Sik Kim", "Jane Doe"]) == {}
        store.put_many([("Jong-Sik Kim", [_hit()]), ("Jane Doe", [])])
        # Pending results are found before they are written.
        assert store.get_many(["Jane Doe"]) == {"Jane Doe": ()}
    with ResultStore(path, key) as store:
        assert not store.reset
        assert len(store) == 2
        found = store.get_many(["Jong-Sik Kim", "Jane Doe", "John Roe"])
        assert found == {"Jong-Sik Kim": (_hit(),), "Jane Doe": ()}
        assert store.found == 2


def test_another_key_empties_the_store(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with ResultStore(path, store_key("lists", 85.0)) as store:
        store.put_many([("Jane Doe", [])])
    with ResultStore(path, store_key("lists", 80.0)) as store:
        assert store.reset
        assert store.get_many(["Jane Doe"]) == {}
        assert len(store) == 0
    with ResultStore(path, store_key("other lists", 85.0)) as store:
        assert not store.reset  # it held nothing of the other key
        assert len(store) == 0


def test_values_are_kept_hashed_not_as_written(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with ResultStore(path, store_key("lists", 85.0)) as store:
        store.put_many([("Jane Quiteuniquename Doe", [])])
    assert b"Quiteuniquename" not in path.read_bytes()


def test_results_are_written_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    store = ResultStore(path, store_key("lists", 85.0))
    store.put_many((f"name {i}", []) for i in range(FLUSH_RESULTS + 1))
    other = sqlite3.connect(path)
    assert other.execute("SELECT count(*) FROM results").fetchone()[0] == FLUSH_RESULTS + 1
    other.close()
    store.close()


def test_a_file_that_is_no_store_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database, " * 100)
    with pytest.raises(UsageError, match="not a results store"):
        ResultStore(path, store_key("lists", 85.0))
    assert path.read_text() == "not a database, " * 100
    with pytest.raises(UsageError, match="cannot open"):
        ResultStore(tmp_path / "missing" / "store.sqlite", store_key("lists", 85.0))


def test_a_damaged_record_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with ResultStore(path, store_key("lists", 85.0)) as store:
        store.put_many([("Jane Doe", [_hit()])])
    db = sqlite3.connect(path)
    db.execute("UPDATE results SET hits = '[[1, 2]]'")
    db.commit()
    db.close()
    with (
        ResultStore(path, store_key("lists", 85.0)) as store,
        pytest.raises(UsageError, match="damaged record"),
    ):
        store.get_many(["Jane Doe"])


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 10**6),
            st.text(max_size=20),
            st.sampled_from(["strong", "weak"]),
            st.booleans(),
            st.floats(0, 100),
            st.text(max_size=20),
        ),
        max_size=4,
    )
)
def test_any_hits_come_back_equal(tmp_path_factory: pytest.TempPathFactory, raw: list) -> None:
    hits = [
        NameHit(
            NameRef(index, name, strength, primary),
            Match(
                score,
                text,
                name,
                (TokenPair(text, name, score),),
                (Adjustment(text, name, -score),),
            ),
        )
        for index, name, strength, primary, score, text in raw
    ]
    path = tmp_path_factory.mktemp("store") / "store.sqlite"
    with ResultStore(path, store_key("lists", 85.0)) as store:
        store.put_many([("a name \udcff", hits)])
    with ResultStore(path, store_key("lists", 85.0)) as store:
        assert store.get_many(["a name \udcff"]) == {"a name \udcff": tuple(hits)}


def _lists(alias: str) -> list[SanctionsList]:
    entry = Entry(
        id="kim",
        type="person",
        name="KIM, Jong Sik",
        aliases=(Alias(alias),),
        listings=(Listing("OFAC", "SDN", "DPRK3", listed_on=dt.date(2017, 12, 26)),),
    )
    return [SanctionsList(ListMeta(id="test", title="test"), (entry,), "0" * 64)]


def test_the_key_follows_the_listed_names_and_the_threshold() -> None:
    first = Screener(_lists("Jong Sik Kim")).results_key()
    assert Screener(_lists("Jong Sik Kim")).results_key() == first
    assert Screener(_lists("Kim Chong Sik")).results_key() != first
    assert Screener(_lists("Jong Sik Kim"), threshold=80).results_key() != first


def test_screening_with_a_store_gives_the_same_hits_and_searches_once(tmp_path: Path) -> None:
    rows = list(csv.DictReader(EXAMPLE.open(encoding="utf-8", newline="")))
    columns = ["originator_name", "beneficiary_name"]
    lists = load_lists()

    def screen(store: ResultStore | None) -> tuple[list, Screener]:
        screener = Screener(lists)
        screener.result_store = store
        results = [
            (r.row_number, h.entry.id, h.query, h.score, h.match)
            for r in screener.screen_records(
                list(rows[0]), [list(r.values()) for r in rows], columns, as_of=AFTER_BOTH
            )
            for h in r.hits
        ]
        return results, screener

    plain, _ = screen(None)
    assert plain
    path = tmp_path / "store.sqlite"
    with ResultStore(path, Screener(lists).results_key()) as store:
        first, screener = screen(store)
        assert screener.stats.stored == 0 and screener.stats.distinct_searches > 0
    with ResultStore(path, Screener(lists).results_key()) as store:
        again, screener = screen(store)
        assert screener.stats.distinct_searches == 0
        assert screener.stats.stored > 0
        # Single names (check, screen_rows) read the store too.
        single = Screener(lists)
        single.result_store = store
        hits = single.check("Jong-Sik Kim", AFTER_BOTH)
        assert [h.entry.id for h in hits] == ["kim-jong-sik"]
        assert single.stats.stored == 1 and single.stats.distinct_searches == 0
    assert first == plain
    assert again == plain
