import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pytest

from sanctions_cli.csvinput import ContextColumns
from sanctions_cli.errors import InputError, UsageError
from sanctions_cli.matching.secondary import QueryContext
from sanctions_cli.model import Alias, Entry, Listing, ListMeta, SanctionsList
from sanctions_cli.screening import ListingFilter, RowResult, Screener, parse_date

EXAMPLES = Path(__file__).parent.parent / "examples"

D = dt.date
AFTER_BOTH = D(2018, 1, 5)

MUST_FLAG = [
    ("Kim Jong Sik", "kim-jong-sik"),
    ("KIM, Jong Sik", "kim-jong-sik"),
    ("Jong-Sik Kim", "kim-jong-sik"),
    ("Kim Cho'ng-sik", "kim-jong-sik"),
    ("Ri Pyong Chol", "ri-pyong-chol"),
    ("RI PYONG CHUL", "ri-pyong-chol"),
    ("Pyong-chol Ri", "ri-pyong-chol"),
    ("Ri Pyo’ng-ch’o’l", "ri-pyong-chol"),
    ("Kim J\u043eng Sik", "kim-jong-sik"),  # a Cyrillic o (names.homoglyphs)
]
MUST_NOT_FLAG = [
    "Kim Jong Un",
    "Kim Yo Jong",
    "Steven Mnuchin",
    "Ri Chol",
    "Pyongyang Trading Co",
    "Donald Trump",
    "Sergei Lavrov",
    "Dmitry Peskov",
]


@pytest.mark.parametrize(("name", "entry_id"), MUST_FLAG)
def test_spelling_variants_are_flagged(
    bundled_screener: Screener, name: str, entry_id: str
) -> None:
    hits = bundled_screener.check(name, AFTER_BOTH)
    assert [h.entry.id for h in hits] == [entry_id]


@pytest.mark.parametrize("name", MUST_NOT_FLAG)
def test_other_people_are_not_flagged(bundled_screener: Screener, name: str) -> None:
    assert bundled_screener.check(name, AFTER_BOTH) == []


def test_listings_in_force_follow_the_screening_date(bundled_screener: Screener) -> None:
    def references(day: dt.date) -> set[str]:
        return {
            x.reference or ""
            for h in bundled_screener.check("Kim Jong Sik", day)
            for x in h.listings
        }

    assert references(D(2017, 12, 20)) == set()
    assert references(D(2017, 12, 24)) == {"KPi.066"}
    assert references(D(2018, 1, 5)) == {"23214", "KPi.066"}


def test_authority_and_program_filters(bundled_screener: Screener) -> None:
    ofac = Screener(bundled_screener.lists, listing_filter=ListingFilter(authorities=("OFAC",)))
    assert ofac.check("Kim Jong Sik", D(2017, 12, 24)) == []
    [hit] = ofac.check("Kim Jong Sik", AFTER_BOTH)
    assert [x.reference for x in hit.listings] == ["23214"]
    un_program = Screener(bundled_screener.lists, listing_filter=ListingFilter(programs=("dprk",)))
    [hit] = un_program.check("Ri Pyong Chol", AFTER_BOTH)
    assert [x.reference for x in hit.listings] == ["KPi.076"]


def _one_entry_list(*aliases: Alias) -> SanctionsList:
    entry = Entry(
        id="x",
        type="organization",
        name="Oceanic Zenith Shipping Company",
        aliases=aliases,
        listings=(Listing("Test", "Test", listed_on=D(2000, 1, 1)),),
    )
    return SanctionsList(ListMeta("t", "T"), (entry,), "0" * 64)


def test_weak_alias_never_alerts_alone() -> None:
    screener = Screener([_one_entry_list(Alias("Blue Marlin", "weak"))])
    assert screener.check("Blue Marlin", AFTER_BOTH) == []
    strong = Screener([_one_entry_list(Alias("Blue Marlin", "strong"))])
    assert [h.matched_name for h in strong.check("Blue Marlin", AFTER_BOTH)] == ["Blue Marlin"]


@pytest.mark.parametrize(
    ("query", "matched"),
    [
        ("Muhammad Sheikh", "SHEIKH, Muhammad Naeem"),  # the surname, kept
        ("Muhammad Naeem", "SHEIKH Muhammad Naeem"),  # the title, left out
        ("Sheikh Muhammad Naeem", "SHEIKH Muhammad Naeem"),
    ],
)
def test_an_honorific_surname_is_screened_both_ways(query: str, matched: str) -> None:
    """A listed surname that is also an honorific (``names.title_moved``): the
    screening path finds the listed name as a surname and as a title."""
    [hit] = _one_person_screener("n", "SHEIKH, Muhammad Naeem").check(query, AFTER_BOTH)
    assert hit.entry.id == "n" and hit.score >= 95.0
    assert hit.matched_name in (matched, "SHEIKH, Muhammad Naeem")


def test_a_family_name_starting_with_an_honorific_is_found_given_names_first() -> None:
    # Within a name the honorific is dropped (it honours the next word), so the
    # name is also searched with it moved last, where it is kept (title_moved).
    screener = _one_person_screener("y", "SHEIKH YAHYA, Abu Yahya")
    [hit] = screener.check("Abu Yahya SHEIKH YAHYA", AFTER_BOTH)
    assert hit.entry.id == "y" and hit.score >= 95.0


def _one_person_screener(entry_id: str, name: str) -> Screener:
    entry = Entry(
        id=entry_id,
        type="person",
        name=name,
        listings=(Listing("Test", "Test", listed_on=D(2000, 1, 1)),),
    )
    return Screener([SanctionsList(ListMeta("t", "T"), (entry,), "0" * 64)])


def test_screen_rows_with_a_date_column(bundled_screener: Screener) -> None:
    rows = [
        {"beneficiary": "Kim Jong Sik", "date": "2017-12-20"},
        {"beneficiary": "Kim Jong Sik", "date": "2017-12-24"},
        {"beneficiary": "Jane Smith", "date": "2018-01-05"},
        {"beneficiary": "Kim Jong Sik", "date": "2018-01-05T10:00:00"},
    ]
    results = list(bundled_screener.screen_rows(rows, ["beneficiary"], date_column="date"))
    assert [r.row_number for r in results] == [1, 2, 3, 4]
    assert [len(r.hits) for r in results] == [0, 1, 0, 1]
    assert [len(r.hits[0].listings) for r in results if r.hits] == [1, 2]


def test_bad_row_date_is_an_input_error_naming_row_and_field(bundled_screener: Screener) -> None:
    rows = [{"name": "A", "date": "2018-01-05"}, {"name": "B", "date": "05/01/2018"}]
    with pytest.raises(InputError) as info:
        list(bundled_screener.screen_rows(rows, ["name"], date_column="date", source="p.csv"))
    assert str(info.value).startswith("p.csv: row 2, field 'date': invalid date")


def test_parse_date_forms() -> None:
    assert parse_date("2018-01-05") == parse_date("20180105") == parse_date("2018-01-05 09:30")
    with pytest.raises(ValueError):
        parse_date("yesterday")


def test_threshold_out_of_range() -> None:
    with pytest.raises(UsageError):
        Screener([], threshold=120)


def test_searches_are_done_once_per_distinct_value(bundled_screener: Screener) -> None:
    screener = Screener(bundled_screener.lists)
    rows = [{"n": "Kim Jong Sik"}, {"n": "Jane Doe"}] * 50
    flagged = [r for r in screener.screen_rows(rows, ["n"], as_of=AFTER_BOTH) if r.hits]
    assert len(flagged) == 50
    assert screener.stats.distinct_searches == 2


def test_secondary_data_lowers_or_confirms(bundled_screener: Screener) -> None:
    from sanctions_cli.csvinput import ContextColumns

    columns = {"name": ContextColumns(dob=("dob",), country=("country",))}
    rows = [
        {"name": "Kim Jong Sik", "dob": "1968-04-02", "country": "KP"},  # agrees
        {"name": "Kim Jong Sik", "dob": "", "country": ""},  # unknown: no change
        {"name": "Kim Jong Sik", "dob": "1991", "country": "Germany"},  # contradicts twice
    ]
    results = list(
        bundled_screener.screen_rows(rows, ["name"], as_of=AFTER_BOTH, context_columns=columns)
    )
    assert [len(r.hits) for r in results] == [1, 1, 0]
    reasons = {a.reason for a in results[0].hits[0].match.adjustments}
    assert {"dob_match", "country_match"} <= reasons
    assert results[1].hits[0].match.adjustments == ()


def test_unreadable_secondary_data_is_an_input_error(bundled_screener: Screener) -> None:
    from sanctions_cli.csvinput import ContextColumns

    columns = {"name": ContextColumns(country=("country",))}
    rows = [{"name": "Jane", "country": "Atlantis"}]
    with pytest.raises(
        InputError, match=r"p\.csv: row 1, field 'country': unknown country 'Atlantis'"
    ):
        list(bundled_screener.screen_rows(rows, ["name"], context_columns=columns, source="p.csv"))


def test_an_identifier_is_a_hit_on_its_own() -> None:
    from sanctions_cli.csvinput import ContextColumns

    screener = Screener(_with_vessel([]))
    columns = {"vessel": ContextColumns(identifier=("imo",))}
    rows = [
        {"vessel": "Blue Horizon", "imo": "IMO 9123456"},
        {"vessel": "Blue Horizon", "imo": "9999999"},
    ]
    results = list(
        screener.screen_rows(rows, ["vessel"], as_of=AFTER_BOTH, context_columns=columns)
    )
    assert [len(r.hits) for r in results] == [1, 0]
    [hit] = results[0].hits
    assert hit.score == 100.0
    assert hit.match.adjustments[0].reason == "identifier_match"


def test_an_imo_number_in_the_name_field_is_a_hit_on_its_own() -> None:
    screener = Screener(_with_vessel([]))
    for field in ("RENAMED STAR (IMO NO. 9123456)", "OCEAN ZENITH IMO 9123456"):
        [hit] = screener.check(field, AFTER_BOTH)
        assert hit.entry.id == "v" and hit.score == 100.0, field
    [hit] = screener.check("RENAMED STAR IMO 9123456", AFTER_BOTH)
    assert hit.match.adjustments[0].reason == "identifier_match"
    assert "IMO 9123456" in hit.match.adjustments[0].detail
    # Another vessel's number names no entry; the listed name beside it still does.
    assert screener.check("RENAMED STAR IMO 9999999", AFTER_BOTH) == []
    [hit] = screener.check("M/T OCEAN ZENITH, IMO 9999999", AFTER_BOTH)
    assert hit.score >= 90.0


def test_a_birth_date_in_the_name_field_is_the_rows(bundled_screener: Screener) -> None:
    [hit] = bundled_screener.check("KIM JONG SIK DOB 1968", AFTER_BOTH)
    assert [a.reason for a in hit.match.adjustments][-1] == "dob_match"
    [hit] = bundled_screener.check("KIM JONG SIK, D.O.B. 12/05/1990", AFTER_BOTH)
    assert hit.match.adjustments[-1].reason == "dob_mismatch"
    assert hit.score == 85.0  # the name alone scores 100
    # A birth date column wins over the field's.
    context = QueryContext(birth_year=1968)
    [hit] = bundled_screener.check("KIM JONG SIK DOB 1990", AFTER_BOTH, context=context)
    assert hit.match.adjustments[-1].reason == "dob_match"


# -- screen_records: rows in chunks, the same results as screen_rows -------------


def _with_vessel(lists: list[SanctionsList]) -> list[SanctionsList]:
    """``lists`` and a one-entry list: a vessel with an IMO number."""
    from sanctions_cli.model import Identifier

    vessel = Entry(
        id="v",
        type="vessel",
        name="OCEAN ZENITH",
        identifiers=(Identifier("IMO", "9123456"),),
        listings=(Listing("Test", "Test", listed_on=D(2000, 1, 1)),),
    )
    return [*lists, SanctionsList(ListMeta("t", "T"), (vessel,), "0" * 64)]


def _payments(count: int, seed: int) -> list[dict[str, str]]:
    """The example payments shuffled, with dates around the listings, birth dates,
    vessel numbers (one listed), blanks, case and space variants, and unknown
    countries beside empty names (unreadable cells that are never read)."""
    import random

    from sanctions_cli.csvinput import open_csv

    base = list(open_csv(str(EXAMPLES / "payments.csv")).rows())
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        row = dict(rng.choice(base))
        row["value_date"] = rng.choice(["2017-12-20", "2017-12-24", "2018-01-05T10:00", "20180131"])
        row["beneficiary_dob"] = rng.choice(["", "", "1968-04-02", "1991", "03/1948"])
        row["imo"] = rng.choice(["", "", "", "IMO 9123456", "9999999"])
        if number % 7 == 0:
            row["beneficiary_name"] = row["beneficiary_name"].upper() + " "
        if number % 11 == 0:
            row["originator_name"] = ""
            row["originator_country"] = "Atlantis"
        rows.append(row)
    return rows


PAYMENT_CONTEXT = {
    "originator_name": ContextColumns(country=("originator_country",), identifier=("imo",)),
    "beneficiary_name": ContextColumns(dob=("beneficiary_dob",), country=("beneficiary_country",)),
}
PAYMENT_COLUMNS = ["originator_name", "beneficiary_name"]


def _results(results: Iterable[RowResult]) -> list[tuple[object, ...]]:
    return [
        (
            r.row_number,
            dict(r.row),
            r.as_of,
            [
                (
                    h.entry.id,
                    h.column,
                    h.query,
                    h.score,
                    h.matched_name,
                    h.listings,
                    [a.reason for a in h.match.adjustments],
                )
                for h in r.hits
            ],
        )
        for r in results
    ]


def _stats(screener: Screener) -> tuple[object, ...]:
    s = screener.stats
    return (s.rows, s.flagged_rows, s.hits, s.values, s.distinct_searches, s.per_column)


def test_screen_records_equals_screen_rows(
    bundled_screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sanctions_cli.screening as screening

    monkeypatch.setattr(screening, "CHUNK_ROWS", 7)  # many chunks, some with unreadable cells
    lists = _with_vessel(list(bundled_screener.lists))
    rows = _payments(300, 5)
    options = {"date_column": "value_date", "context_columns": PAYMENT_CONTEXT, "source": "p"}
    serial = Screener(lists)
    expected = _results(serial.screen_rows(rows, PAYMENT_COLUMNS, **options))  # type: ignore[arg-type]
    flagged = [r for r in expected if r[3]]
    reasons = {reason for r in flagged for hit in r[3] for reason in hit[6]}  # type: ignore[attr-defined]
    assert {"identifier_match", "dob_mismatch", "country_match"} <= reasons
    assert len({r[2] for r in flagged}) > 1  # listings differ by date

    header = list(rows[0])
    records = [[row[c] for c in header] for row in rows]
    for flagged_only in (True, False):
        screener = Screener(lists)
        got = screener.screen_records(
            header,
            records,
            PAYMENT_COLUMNS,
            flagged_only=flagged_only,
            **options,  # type: ignore[arg-type]
        )
        assert _results(got) == (flagged if flagged_only else expected)
        assert _stats(screener) == _stats(serial)
    parallel = Screener(lists)
    seen: list[int] = []
    got = parallel.screen_rows_parallel(rows, PAYMENT_COLUMNS, on_rows=seen.append, **options)  # type: ignore[arg-type]
    assert _results(got) == expected
    assert _stats(parallel) == _stats(serial)
    assert sum(seen) == len(rows) and len(seen) > 1


@pytest.mark.parametrize(
    ("column", "bad", "message"),
    [
        ("value_date", "05/01/2018", "field 'value_date': invalid date"),
        ("beneficiary_country", "Atlantis", "field 'beneficiary_country': unknown country"),
        ("beneficiary_dob", "unknown", "field 'beneficiary_dob': no birth year"),
    ],
)
def test_screen_records_raises_screen_rows_error(
    bundled_screener: Screener,
    monkeypatch: pytest.MonkeyPatch,
    column: str,
    bad: str,
    message: str,
) -> None:
    import sanctions_cli.screening as screening

    monkeypatch.setattr(screening, "CHUNK_ROWS", 7)
    rows = _payments(40, 6)
    for number in (23, 31):
        # Names of no hit: only the reading of every cell finds the bad one.
        rows[number - 1].update(
            beneficiary_name="Jane Doe", originator_name="John Roe", originator_country="US", imo=""
        )
        rows[number - 1][column] = bad
    options = {"date_column": "value_date", "context_columns": PAYMENT_CONTEXT, "source": "p"}
    with pytest.raises(InputError) as expected:
        list(Screener(bundled_screener.lists).screen_rows(rows, PAYMENT_COLUMNS, **options))  # type: ignore[arg-type]
    assert f"p: row 23, {message}" in str(expected.value)
    header = list(rows[0])
    records = [[row[c] for c in header] for row in rows]
    with pytest.raises(InputError) as got:
        list(
            Screener(bundled_screener.lists).screen_records(
                header,
                records,
                PAYMENT_COLUMNS,
                **options,  # type: ignore[arg-type]
            )
        )
    assert str(got.value) == str(expected.value)


def test_screen_records_names_a_missing_column(bundled_screener: Screener) -> None:
    with pytest.raises(InputError, match="no column 'payee'"):
        list(bundled_screener.screen_records(["id", "name"], [["1", "Kim"]], ["payee"]))


def test_screen_records_memory_is_bounded(
    bundled_screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every memo of the row path is bounded, whatever the number of distinct cells."""
    import sanctions_cli.screening as screening

    for name, size in [("CHUNK_ROWS", 10), ("CELL_CACHE_SIZE", 40), ("CHECK_CACHE_SIZE", 30)]:
        monkeypatch.setattr(screening, name, size)
    monkeypatch.setattr(screening, "SEARCH_CACHE_SIZE", 50)
    screener = Screener(bundled_screener.lists)
    header = ["name", "date", "country", "imo"]
    records = [
        ["Kim Jong Sik" if n % 3 == 0 else f"Person {n}", f"2018-01-{n % 28 + 1:02d}", "KP", f"{n}"]
        for n in range(600)
    ]
    context = {"name": ContextColumns(country=("country",), identifier=("imo",))}
    results = list(
        screener.screen_records(
            header, records, ["name"], date_column="date", context_columns=context
        )
    )
    assert results and screener.stats.rows == 600
    slack = 10 * 4  # one chunk's cells of every kind
    assert len(screener._cache) <= 50
    assert len(screener._checked) <= 30
    assert len(screener._name_flags.known) <= 40 + slack
    assert len(screener._listed_flags.known) <= 40 + slack
    for memo in (screener._dates, screener._country_codes, screener._identifiers):
        assert len(memo._known) <= 40 and len(memo._readable) <= 40 + slack


def test_unreadable_cells_beside_empty_names_keep_the_fast_path(
    bundled_screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A country no one reads (its party has no name) neither raises nor makes the
    chunk be screened row by row: only the rows with a name hit are."""
    header = ["originator_name", "originator_country", "imo", "beneficiary_name"]
    header += ["beneficiary_country", "beneficiary_dob"]
    records = [
        ["", "N/A", "", "Kim Jong Sik" if n % 10 == 0 else "Jane Doe", "KP", ""] for n in range(100)
    ]
    screener = Screener(bundled_screener.lists)
    screened: list[int] = []
    record_hits = screener._record_hits

    def counting(record, number, *args):  # type: ignore[no-untyped-def]
        screened.append(number)
        return record_hits(record, number, *args)

    monkeypatch.setattr(screener, "_record_hits", counting)
    results = list(
        screener.screen_records(
            header, records, PAYMENT_COLUMNS, as_of=AFTER_BOTH, context_columns=PAYMENT_CONTEXT
        )
    )
    assert [r.row_number for r in results] == list(range(1, 101, 10))
    assert screened == list(range(1, 101, 10))
