"""The importers on the full official files in ../shared/data/lists (skipped when absent).

Checks the figures the publications are known to give: OFAC 2023-12-28 (13,821 entries,
17,091 alt.csv aliases), UN 2026-02-27 (730 individuals, 273 entities), and the two DPRK
officials designated in December 2017 as both publishers list them.
"""

from __future__ import annotations

import datetime as dt
import time
import warnings
from collections import Counter

import pytest

from sanctions_cli.importers import ImportNotice, import_files
from sanctions_cli.model import Alias, SanctionsList

from .conftest import SHARED_LISTS, assert_round_trips, by_id

OFAC_2023 = SHARED_LISTS / "ofac-sdn-2023-12-28"
UN_2026 = SHARED_LISTS / "un-consolidated-2026-02-27" / "UN_consolidated.xml"

needs_shared = pytest.mark.skipif(
    not SHARED_LISTS.is_dir(), reason="official list files (../shared/data/lists) not present"
)


@pytest.fixture(scope="module")
def ofac() -> SanctionsList:
    if not OFAC_2023.is_dir():
        pytest.skip("OFAC 2023-12-28 set not present")
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportNotice)  # 3 comment rows of newer entries
        lst = import_files(None, [OFAC_2023])
    assert time.perf_counter() - started < 10  # a few seconds at most (0.5 s measured)
    return lst


@pytest.fixture(scope="module")
def un() -> SanctionsList:
    if not UN_2026.is_file():
        pytest.skip("UN 2026-02-27 file not present")
    return import_files(None, [UN_2026])


@needs_shared
def test_ofac_counts(ofac: SanctionsList) -> None:
    assert len(ofac.entries) == 13_821
    types = Counter(e.type for e in ofac.entries)
    assert types == {"person": 6_646, "organization": 6_033, "vessel": 764, "aircraft": 378}
    strengths = Counter(a.strength for e in ofac.entries for a in e.aliases)
    assert strengths["strong"] == 17_091  # every alt.csv row
    assert strengths["weak"] == 3_391  # every quoted a.k.a./f.k.a./n.k.a. of the Remarks


@needs_shared
def test_un_counts_and_round_trip(un: SanctionsList) -> None:
    types = Counter(e.type for e in un.entries)
    assert types == {"person": 730, "organization": 273}
    assert un.meta.as_of == dt.date(2026, 2, 27)
    assert_round_trips(un)


@needs_shared
def test_dprk_officials_in_both(ofac: SanctionsList, un: SanctionsList) -> None:
    o, u = by_id(ofac), by_id(un)
    kim_o, kim_u = o["ofac-23214"], u["un-KPi.066"]
    assert kim_o.listings[0].reference == "23214" and kim_o.listings[0].program == "DPRK2"
    assert kim_u.listings[0].reference == "KPi.066"
    assert kim_u.listings[0].listed_on == dt.date(2017, 12, 22)
    assert (
        [d.text for d in kim_o.birth_dates] == [d.text for d in kim_u.birth_dates] == ["1967..1969"]
    )
    assert Alias("KIM, Cho'ng-sik") in kim_o.aliases
    assert Alias("Kim Cho’ng-sik") in kim_u.aliases
    ri_o, ri_u = o["ofac-23215"], u["un-KPi.076"]
    assert ri_o.listings[0].reference == "23215"
    assert ri_u.listings[0].reference == "KPi.076"
    assert ri_u.listings[0].listed_on == dt.date(2017, 12, 22)
    assert [d.text for d in ri_o.birth_dates] == [d.text for d in ri_u.birth_dates] == ["1948"]
    assert Alias("RI, Pyo'ng-ch'o'l") in ri_o.aliases
    assert Alias("Ri Pyong Chol") in ri_u.aliases


@needs_shared
@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("ofac-sdn-2021-07", 8_976),
        ("ofac-consolidated-csv-2025-12", 442),
        ("ofac-consolidated-xml-2024-05-06", 443),
        ("canada-sema-2025-05", 4_759),
        ("opensanctions-ua-war-sanctions-2026-03", 5_600),
        ("uk-fcdo-2025-08-11", 5_300),  # 5,302 rows, two without a name
    ],
)
def test_other_publications(folder: str, expected: int) -> None:
    directory = SHARED_LISTS / folder
    if not directory.is_dir():
        pytest.skip(f"{folder} not present")
    paths = sorted(directory.iterdir())  # every file of the folder, detected by content
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportNotice)
        lst = import_files(None, paths)
    assert len(lst.entries) == expected
    assert all(e.listings for e in lst.entries)
