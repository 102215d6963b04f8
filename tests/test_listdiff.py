import datetime as dt

from sanctions_cli.listdiff import changed_entries, diff_entries
from sanctions_cli.model import Alias, Entry, Listing

OFAC = Listing("OFAC", "SDN", "DPRK2", "23214", dt.date(2017, 12, 26))


def entry(id_: str, name: str, *aliases: str, listings: tuple[Listing, ...] = (OFAC,)) -> Entry:
    return Entry(id_, "person", name, tuple(Alias(a) for a in aliases), listings)


def test_added_removed_changed_unchanged() -> None:
    old = [entry("1", "KIM Jong Sik"), entry("2", "RI Pyong Chol"), entry("3", "Gone Person")]
    un = Listing("UN", "UN List", "DPRK", "KPi.066", dt.date(2017, 12, 22))
    new = [
        entry("1", "KIM Jong Sik", "KIM, Cho'ng-sik", listings=(OFAC, un)),
        entry("2", "RI Pyong Chol"),
        entry("4", "New Person"),
    ]
    diff = diff_entries(old, new)
    assert [e.id for e in diff.added] == ["4"]
    assert [e.id for e in diff.removed] == ["3"]
    [change] = diff.changed
    assert change.new.id == "1"
    assert "alias added: KIM, Cho'ng-sik (strong)" in change.changes
    assert any(c.startswith("listing added: UN UN List DPRK KPi.066") for c in change.changes)
    assert change.names_changed
    assert diff.unchanged == 1
    assert diff.summary() == "1 added, 1 removed, 1 changed, 1 unchanged"
    assert [e.id for e in changed_entries(old, new)] == ["4", "1"]


def test_delisting_is_a_listing_change() -> None:
    delisted = Listing("OFAC", "SDN", "DPRK2", "23214", dt.date(2017, 12, 26), dt.date(2024, 1, 1))
    diff = diff_entries([entry("1", "A B")], [entry("1", "A B", listings=(delisted,))])
    [change] = diff.changed
    assert change.changes[0].startswith("listing changed:")
    assert "delisted 2024-01-01" in change.changes[0]
    assert not change.names_changed


def test_identical_lists_have_an_empty_diff() -> None:
    entries = [entry("1", "A B"), entry("2", "C D")]
    assert diff_entries(entries, list(entries)).is_empty
