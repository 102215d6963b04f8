import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from sanctions_cli.errors import InputError
from sanctions_cli.listfile import (
    bundled_list_dir,
    bundled_list_paths,
    dump_list,
    load_list_file,
    parse_date_range,
    parse_list_bytes,
)

VALID = """\
list:
  id: test
  title: Test list
  as_of: 2020-01-01
entries:
  - id: e1
    type: person
    name: Jane Doe
    aliases:
      - Janet Doe
      - name: J. D.
        strength: weak
    listings:
      - authority: Test Authority
        list: Test
        listed_on: 2019-05-01
    birth_dates: [1970, "1971-02", "1960..1962"]
    nationalities: [gb]
"""


def parse(text: str):
    return parse_list_bytes(text.encode(), "test.yaml")


def test_bundled_list_has_the_two_december_2017_designations() -> None:
    [path] = [p for p in bundled_list_paths() if p.name == "dprk-2017-12.yaml"]
    lst = load_list_file(path)
    by_id = {e.id: e for e in lst.entries}
    kim, ri = by_id["kim-jong-sik"], by_id["ri-pyong-chol"]
    assert {(x.reference, x.listed_on) for x in kim.listings} == {
        ("23214", dt.date(2017, 12, 26)),
        ("KPi.066", dt.date(2017, 12, 22)),
    }
    assert {x.reference for x in ri.listings} == {"23215", "KPi.076"}
    assert kim.birth_dates[0].earliest == dt.date(1967, 1, 1)
    assert kim.birth_dates[0].latest == dt.date(1969, 12, 31)
    assert "RI PYONG CHUL" in [a.name for a in ri.aliases]
    assert len(lst.content_hash) == 64


def test_valid_file_parses_all_fields() -> None:
    lst = parse(VALID)
    [entry] = lst.entries
    assert entry.aliases[0].strength == "strong"
    assert entry.aliases[1].strength == "weak"
    assert entry.nationalities == ("GB",)
    assert [d.text for d in entry.birth_dates] == ["1970", "1971-02", "1960..1962"]
    assert entry.birth_dates[1].latest == dt.date(1971, 2, 28)
    assert lst.meta.as_of == dt.date(2020, 1, 1)


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ("    type: person", "    type: robot", 7, "entries[0].type", "unknown type"),
        (
            "        listed_on: 2019-05-01",
            "        listed_on: 2019-13-01",
            16,
            "entries[0].listings[0].listed_on",
            "invalid date",
        ),
        (
            "    name: Jane Doe",
            "    name: Jane Doe\n    colour: red",
            9,
            "entries[0].colour",
            "unknown field",
        ),
        ("  title: Test list\n", "", 1, "list.title", "missing required field"),
        (
            "    nationalities: [gb]",
            "    nationalities: [Britain]",
            18,
            "entries[0].nationalities[0]",
            "alpha-2",
        ),
        (
            '[1970, "1971-02", "1960..1962"]',
            '["1970-02-30"]',
            17,
            "entries[0].birth_dates[0]",
            "invalid date",
        ),
    ],
)
def test_invalid_files_name_line_and_field(
    old: str, new: str, line: int, field: str, message: str
) -> None:
    assert old in VALID
    with pytest.raises(InputError) as info:
        parse(VALID.replace(old, new))
    error = info.value
    assert error.field == field
    assert error.line == line
    assert message in error.message
    assert str(error).startswith("test.yaml: line ")
    assert "\n" not in str(error)


def test_malformed_yaml_names_the_line() -> None:
    with pytest.raises(InputError, match=r"test.yaml: line 4: malformed YAML"):
        parse("list:\n  id: x\n  title: [unclosed\nentries: []\n")


def test_empty_and_non_utf8_files() -> None:
    with pytest.raises(InputError, match="empty list file"):
        parse("   \n")
    with pytest.raises(InputError, match="not valid UTF-8"):
        parse_list_bytes(b"list:\n  id: \xff\n", "bad.yaml")


def test_duplicate_ids_are_rejected() -> None:
    entry = VALID[VALID.index("  - id: e1") :]
    with pytest.raises(InputError, match="duplicate entry id"):
        parse(VALID + entry)


def test_yaml_tags_cannot_construct_objects() -> None:
    with pytest.raises(InputError, match="malformed YAML"):
        parse("!!python/object/apply:os.system ['echo pwned']\n")


def test_dump_round_trips() -> None:
    lst = parse(VALID)
    again = parse(dump_list(lst))
    assert again.entries == lst.entries
    assert again.meta == lst.meta


def test_bundled_lists_match_the_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((bundled_list_dir() / "sanctions-list.schema.json").read_text())
    for path in bundled_list_paths():
        # Dates as the strings written in the file, as an editor's validator sees them.
        document = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))
        jsonschema.validate(document, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"list": {"id": "x", "title": "t"}, "entries": [{"id": "a"}]}, schema)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        load_list_file(Path("/nonexistent/list.yaml"))


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.dates(min_value=dt.date(1000, 1, 1)))
def test_date_ranges_cover_their_bounds(a: dt.date, b: dt.date) -> None:
    low, high = sorted((a, b))
    parsed = parse_date_range(f"{low.isoformat()}..{high.year}")
    assert parsed.earliest == low
    assert parsed.latest == dt.date(high.year, 12, 31)
    year = parse_date_range(str(low.year))
    assert year.earliest <= low <= year.latest


def test_names_digest_covers_entry_types() -> None:
    """A matcher scores an entity's names as an organisation's: the cache key of a
    matcher (the names digest) changes when only an entry's type does."""
    from sanctions_cli.listfile import names_digest
    from sanctions_cli.model import Entry, Listing

    listing = (Listing(authority="a", list="b"),)
    person = Entry("E1", "person", "M V PROTSENKO PA START", (), listing)
    works = Entry("E1", "organization", "M V PROTSENKO PA START", (), listing)
    assert names_digest([person]) != names_digest([works])
    assert names_digest([person]) == names_digest([person])
