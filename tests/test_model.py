import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.model import Listing

D = dt.date


def test_listing_in_force_from_listing_date_until_delisting() -> None:
    listing = Listing(
        "UN Security Council", "UN", listed_on=D(2017, 12, 22), delisted_on=D(2020, 1, 1)
    )
    assert not listing.in_force(D(2017, 12, 21))
    assert listing.in_force(D(2017, 12, 22))
    assert listing.in_force(D(2019, 12, 31))
    assert not listing.in_force(D(2020, 1, 1))


def test_listing_without_dates_is_always_in_force() -> None:
    assert Listing("OFAC", "SDN").in_force(D(1900, 1, 1))


@given(st.dates(), st.dates(), st.dates())
def test_in_force_is_exactly_the_half_open_interval(listed: D, delisted: D, on: D) -> None:
    listing = Listing("X", "Y", listed_on=listed, delisted_on=delisted)
    assert listing.in_force(on) == (listed <= on < delisted)


def test_records_pickle_round_trip() -> None:
    import pickle

    from sanctions_cli.loading import load_lists

    lists = load_lists()
    again = pickle.loads(pickle.dumps(lists, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == lists
    assert again[0].entries[0].listings[0].listed_on == lists[0].entries[0].listings[0].listed_on
