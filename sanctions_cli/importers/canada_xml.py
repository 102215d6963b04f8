"""Canada's Consolidated Canadian Autonomous Sanctions List XML -> ``SanctionsList``.

Owns the layout of Global Affairs Canada's ``<data-set>`` of ``<record>`` elements: Country
(the sanctions regime, often bilingual "Russia / Russie"), LastName, GivenName, EntityOrShip,
TitleOrShip, ShipIMONumber, Aliases, DateOfBirthOrShipBuildDate, DateOfListing, Schedule and
Item.

Decisions:
- a record with a ShipIMONumber is a vessel; another EntityOrShip record is an organisation;
  a LastName/GivenName record is a person, named "GivenName LastName";
- the publication has no record ids: entries get ``ca-<regime>-<schedule>-item-<item>`` (unique in
  the file) and the listing reference reads "Schedule 1, Part 1, item 23";
- Country is the regime, used as the listing's program (English half), not as a country of
  the party, which the list does not give;
- Aliases is free text: split on commas and semicolons, a "Russian:"/"Belarusian:" label
  dropped and the script recorded; a slash between words separates alternatives too
  ("ОАО "АЛЕВКУРП"/ ОАО "АЛЕВКУРП"", not the one of "A/S"), and in persons' names so do
  the words "or", "and", "et", "also" ("Aleksander/ Aleksandr or Alexander /Alexandr
  Vladimirovich Karnienko");
- a person's alias that spells only some of the name's words ("Andrei" of "Andrey
  Igorevich AKIMOV", "SALIAIEV" of "Aleksey Mikhailovich SALYAEV", "Карниенка" after
  "Александр Владимирович Карниенко or") is completed from the name it varies: the
  nearest fuller alternative written in its script, else the listed name. Left alone,
  it would meet everyone of that given name or surname. A word near none of the name's
  (a nickname: "Hemedti", "Timati") stays an alias of its own; one that spells a word
  of the name in another script with nothing to complete it from ("Баранов" of "Oleg
  Anatolievich BARANOV") is kept as a weak alias;
- dates of birth or build: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-YYYY`` and
  "A or B"; anything else ("born in the early 1970s") stays in the remarks;
- the file has no publication date: ``as_of`` is None.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from anyascii import anyascii
from rapidfuzz import fuzz

from ..errors import InputError
from ..model import (
    Alias,
    DateRange,
    EntityType,
    Entry,
    Identifier,
    Listing,
    ListMeta,
    SanctionsList,
    Strength,
)
from ._common import (
    child_text,
    children,
    clean,
    date_range,
    inputs_hash,
    iso_date,
    join_remarks,
    read_single_xml,
    script_of,
    slug,
)

AUTHORITY = "Government of Canada, Global Affairs Canada"
LIST_NAME = "Consolidated Canadian Autonomous Sanctions List"
SOURCE_URL = (
    "https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-"
    "relations_internationales/sanctions/sema-lmes.xml"
)
ROOT = "data-set"
RECORD = "record"

# Aliases are separated by commas or semicolons, and a "Russian:"-style label may also
# start a new alias in the middle of the text ("... Mousa Arabic:عبدالرحيم دقلو").
_ALIAS_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?=[A-Z][a-z]+\s?:)")
_LANGUAGE_LABEL = re.compile(r"^[A-Za-z]+\s*:\s*")
# A slash between alternatives, not the one of a legal form or abbreviation ("A/S", "c/o").
_SLASH = re.compile(r"(?<!\b\w)\s*/\s*(?!\w\b)")
# Words joining alternatives in a person's alias text, and one opening an alias ("or
# Alexandr Valerievich Kalinin"); not split in organisations' names, whose "and" and
# "et" are words of the name.
_PERSON_CONNECTOR = re.compile(r"\s+(?:or|and|et|also)\s+|^(?:or|and|also)\s+", re.IGNORECASE)
# A word of a partial alias replaces the name's word it is nearest to from this
# similarity (rapidfuzz ratio, case folded): spellings of one name are nearer (Andrei /
# Andrey 83, Yevgeni / Evgeny 77, Patruchev / PATRUSHEV 89, Alburhan / al-Burhan 94)
# and nicknames further (Hemedti / Mohamed 57, Timati / Timur 55: aliases of their own).
ALIAS_WORD_MIN_SIMILARITY = 60.0
_DATE_ALTERNATIVES = re.compile(r"\s+or\s+", re.IGNORECASE)
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_YEAR_SPAN = re.compile(r"^(\d{4})-(\d{4})$")


def sniff(head: bytes) -> bool:
    return b"<data-set" in head and b"<record>" in head


def import_canada_xml(paths: Sequence[Path]) -> SanctionsList:
    """Import one Canadian consolidated autonomous sanctions list XML file."""
    xml = read_single_xml(paths, ROOT, "Canada's sanctions list")
    source, data, root = xml.source, xml.data, xml.root
    entries: list[Entry] = []
    seen: set[str] = set()
    for index, record in enumerate(children(root, RECORD), 1):
        entry = _entry(record, source, index)
        if entry.id in seen:
            raise InputError(source, f"record {index}: duplicate {entry.id}", field="Item")
        seen.add(entry.id)
        entries.append(entry)
    meta = ListMeta(
        id="canada-sema",
        title=LIST_NAME,
        publisher=AUTHORITY,
        source_url=SOURCE_URL,
        as_of=None,
    )
    return SanctionsList(
        meta=meta, entries=tuple(entries), content_hash=inputs_hash([data]), source=source
    )


def _entry(record: ET.Element, source: str, index: int) -> Entry:
    label = f"record {index}"
    regime_text = child_text(record, "Country") or ""
    regime = regime_text.split(" / ")[0].strip() or None
    schedule = child_text(record, "Schedule")
    item = child_text(record, "Item")
    if not item:
        raise InputError(source, f"{label}: no Item number", field="Item")
    entity_name = child_text(record, "EntityOrShip")
    last, given = child_text(record, "LastName"), child_text(record, "GivenName")
    imo = child_text(record, "ShipIMONumber")
    title = child_text(record, "TitleOrShip")
    entity_type: EntityType
    remarks: list[str | None] = []
    position = None
    if entity_name:
        name = entity_name
        entity_type = "vessel" if imo else "organization"
        if title:
            remarks.append(f"Vessel type {title}" if imo else title)
    else:
        name = " ".join(p for p in (given, last) if p)
        entity_type = "person"
        position = title
    if not name:
        raise InputError(source, f"{label}: no name", field="LastName")

    listed = child_text(record, "DateOfListing")
    reference = f"Schedule {schedule}, item {item}" if schedule else f"item {item}"
    listing = Listing(
        authority=AUTHORITY,
        list=LIST_NAME,
        program=regime,
        reference=reference,
        listed_on=iso_date(listed, source, "DateOfListing", row=index) if listed else None,
    )
    birth_dates: list[DateRange] = []
    raw_date = child_text(record, "DateOfBirthOrShipBuildDate")
    if raw_date:
        texts = _dates(raw_date)
        if texts is None:
            kind = "Build date" if entity_type == "vessel" else "Date of birth"
            remarks.append(f"{kind}: {raw_date}")
        else:
            birth_dates.extend(
                date_range(t, source, "DateOfBirthOrShipBuildDate", row=index) for t in texts
            )
    aliases = _aliases(child_text(record, "Aliases"), name, person=entity_type == "person")
    id_parts = [slug(regime or "list"), slug(schedule or ""), "item", slug(item)]
    return Entry(
        id="ca-" + "-".join(p for p in id_parts if p),
        type=entity_type,
        name=name,
        aliases=aliases,
        listings=(listing,),
        birth_dates=tuple(dict.fromkeys(birth_dates)),
        position=position,
        identifiers=(Identifier("IMO", imo),) if imo else (),
        remarks=join_remarks(remarks),
    )


def _aliases(text: str | None, name: str, person: bool = False) -> tuple[Alias, ...]:
    if not text:
        return ()
    out: dict[str, Alias] = {}

    def add(alias: str, strength: Strength = "strong") -> None:
        if alias and alias != name and alias not in out:
            out[alias] = Alias(alias, strength, script_of(alias))

    for part in _ALIAS_SPLIT.split(text):
        part = clean(_LANGUAGE_LABEL.sub("", part)) or ""
        fragments = [clean(f) for f in _SLASH.split(part)]
        if person:
            fragments = [clean(g) for f in fragments if f for g in _PERSON_CONNECTOR.split(f)]
        texts = [f for f in fragments if f]
        for position, fragment in enumerate(texts):
            words = fragment.split()
            if not person or (len(words) > 1 and (len(texts) == 1 or _has_given(words, name))):
                add(fragment)  # a name in full
                continue
            completed = _completed(fragment, texts, position, name)
            if completed is None and len(words) == 1:
                completed = _as_neighbour(fragment, texts, position, name)
            if completed is not None:
                add(completed)
            elif len(words) == 1 and _spells_a_word(fragment, name):
                add(fragment, "weak")
            else:
                add(fragment)
    return tuple(out.values())


def _has_given(words: Sequence[str], name: str) -> bool:
    """Whether an alias of several words begins with the name's first (given) name:
    then it is a name in full ("Елена Ермакова", a surname of her own), not a part of
    one ("Vasilyevich Maximavich" after "Nikolay or Nikolai /")."""
    first = name.split()[0]
    return fuzz.ratio(_latin(words[0]), _latin(first)) >= ALIAS_WORD_MIN_SIMILARITY


def _completed(fragment: str, texts: Sequence[str], position: int, name: str) -> str | None:
    """``fragment`` with the words of the name it varies that it does not spell: the
    nearest fuller alternative of its script in the same alias text (the following
    ones first: "Aleksandr or Alexander Vladimirovich Korol"), itself completed from
    the listed name when shorter, else the listed name; None when it spells as many
    words as each of those, or a word near none of theirs."""
    script = script_of(fragment)
    words = fragment.split()
    following = list(texts[position + 1 :]) + list(reversed(texts[:position]))
    for base in [*following, name]:
        if script_of(base) == script and len(base.split()) > len(words):
            completed = _replace_words(words, base.split())
            if completed is None:
                continue
            longer = name.split()
            if base != name and script_of(name) == script and len(base.split()) < len(longer):
                completed = _replace_words(completed.split(), longer) or completed
            return completed
    return None


def _as_neighbour(fragment: str, texts: Sequence[str], position: int, name: str) -> str | None:
    """A one-word alternative of a word completed beside it ("Nikolay or Nikolai"):
    in that word's place."""
    for at in (position + 1, position - 1):
        if 0 <= at < len(texts) and len(texts[at].split()) == 1:
            completed = _completed(texts[at], texts, at, name)
            if completed is not None:
                words = completed.split()
                words[words.index(texts[at])] = fragment
                return " ".join(words)
    return None


def _replace_words(words: Sequence[str], base: Sequence[str]) -> str | None:
    replaced = list(base)
    free = set(range(len(base)))
    for word in words:
        folded = word.casefold()
        best, at = max((fuzz.ratio(folded, base[i].casefold()), i) for i in free)
        if best < ALIAS_WORD_MIN_SIMILARITY:
            return None
        free.discard(at)
        replaced[at] = word
    return " ".join(replaced)


def _latin(word: str) -> str:
    return anyascii(word).casefold()


def _spells_a_word(fragment: str, name: str) -> bool:
    """Whether one word written in another script spells a word of the listed name."""
    latin = _latin(fragment)
    return any(
        fuzz.ratio(latin, _latin(word)) >= ALIAS_WORD_MIN_SIMILARITY for word in name.split()
    )


def _dates(text: str) -> list[str] | None:
    """The list format's date texts for one DateOfBirthOrShipBuildDate, None if unreadable."""
    out = []
    for part in _DATE_ALTERNATIVES.split(text.strip()):
        part = part.strip()
        span = _YEAR_SPAN.match(part)
        if span:
            out.append(f"{span.group(1)}..{span.group(2)}")
        elif _PARTIAL_DATE.match(part):
            out.append(part)
        else:
            return None
    return out or None
