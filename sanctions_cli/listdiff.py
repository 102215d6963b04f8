"""Differences between two versions of a list: entries added, removed and changed.

Entries are matched by id (official references are stable across publications:
OFAC's ent_num, the UN reference number).  A change lists what moved: names,
aliases, listings, dates of birth, nationalities, identifiers.  The same diff
drives delta screening (``changed_entries``): after a list update only the new
or changed entries need screening against a back-book already screened.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Entry, Listing


@dataclass(frozen=True, slots=True)
class EntryChange:
    """One entry present in both versions whose content differs."""

    old: Entry
    new: Entry
    changes: tuple[str, ...]  # one human-readable line per difference

    @property
    def names_changed(self) -> bool:
        return any(c.startswith(("name ", "alias ")) for c in self.changes)


@dataclass(frozen=True, slots=True)
class ListDiff:
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    changed: tuple[EntryChange, ...]
    unchanged: int

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.changed)} changed, {self.unchanged} unchanged"
        )


def _listing_key(listing: Listing) -> tuple[str, str, str, str]:
    return (listing.authority, listing.list, listing.program or "", listing.reference or "")


def _listing_text(listing: Listing) -> str:
    parts = [listing.authority, listing.list, listing.program or "", listing.reference or ""]
    text = " ".join(p for p in parts if p)
    if listing.listed_on:
        text += f" listed {listing.listed_on.isoformat()}"
    if listing.delisted_on:
        text += f" delisted {listing.delisted_on.isoformat()}"
    return text


def _set_changes(label: str, old: Iterable[str], new: Iterable[str]) -> list[str]:
    old_set, new_set = set(old), set(new)
    out = [f"{label} added: {x}" for x in sorted(new_set - old_set)]
    out += [f"{label} removed: {x}" for x in sorted(old_set - new_set)]
    return out


def entry_changes(old: Entry, new: Entry) -> tuple[str, ...]:
    """What differs between two versions of an entry, one line per difference."""
    out: list[str] = []
    if old.name != new.name:
        out.append(f"name changed: {old.name} -> {new.name}")
    if old.type != new.type:
        out.append(f"type changed: {old.type} -> {new.type}")
    out += _set_changes(
        "alias",
        (f"{a.name} ({a.strength})" for a in old.aliases),
        (f"{a.name} ({a.strength})" for a in new.aliases),
    )
    old_listings = {_listing_key(x): x for x in old.listings}
    new_listings = {_listing_key(x): x for x in new.listings}
    for key in sorted(new_listings.keys() - old_listings.keys()):
        out.append(f"listing added: {_listing_text(new_listings[key])}")
    for key in sorted(old_listings.keys() - new_listings.keys()):
        out.append(f"listing removed: {_listing_text(old_listings[key])}")
    for key in sorted(old_listings.keys() & new_listings.keys()):
        if old_listings[key] != new_listings[key]:
            out.append(
                f"listing changed: {_listing_text(old_listings[key])} -> "
                f"{_listing_text(new_listings[key])}"
            )
    out += _set_changes(
        "birth date", (d.text for d in old.birth_dates), (d.text for d in new.birth_dates)
    )
    out += _set_changes("nationality", old.nationalities, new.nationalities)
    out += _set_changes("country", old.countries, new.countries)
    out += _set_changes(
        "identifier",
        (f"{i.type} {i.value}" for i in old.identifiers),
        (f"{i.type} {i.value}" for i in new.identifiers),
    )
    if (old.gender, old.position, old.remarks) != (new.gender, new.position, new.remarks):
        out.append("details changed (gender, position or remarks)")
    return tuple(out)


def diff_entries(old: Sequence[Entry], new: Sequence[Entry]) -> ListDiff:
    """Compare two versions of a set of entries by entry id."""
    old_by_id = {e.id: e for e in old}
    new_by_id = {e.id: e for e in new}
    added = tuple(e for e in new if e.id not in old_by_id)
    removed = tuple(e for e in old if e.id not in new_by_id)
    changed = []
    unchanged = 0
    for entry in new:
        previous = old_by_id.get(entry.id)
        if previous is None:
            continue
        if previous == entry:
            unchanged += 1
            continue
        changes = entry_changes(previous, entry)
        if changes:
            changed.append(EntryChange(previous, entry, changes))
        else:
            unchanged += 1
    return ListDiff(added, removed, tuple(changed), unchanged)


def changed_entries(old: Sequence[Entry], new: Sequence[Entry]) -> tuple[Entry, ...]:
    """Entries of ``new`` that were added or changed since ``old`` (for delta screening)."""
    diff = diff_entries(old, new)
    return diff.added + tuple(change.new for change in diff.changed)
