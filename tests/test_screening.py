import datetime as dt

import pytest

from sanctions_cli.errors import InputError, UsageError
from sanctions_cli.model import Alias, Entry, Listing, ListMeta, SanctionsList
from sanctions_cli.screening import ListingFilter, Screener, parse_date

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
    from sanctions_cli.model import Identifier

    vessel = Entry(
        id="v",
        type="vessel",
        name="OCEAN ZENITH",
        identifiers=(Identifier("IMO", "9123456"),),
        listings=(Listing("Test", "Test", listed_on=D(2000, 1, 1)),),
    )
    screener = Screener([SanctionsList(ListMeta("t", "T"), (vessel,), "0" * 64)])
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
