"""Names in the scripts of India read as their Latin spellings write them (``names.indic``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.names import indic, normalise, readings


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("मसूद अजहर", "masud ajhar"),  # final a not said; V C a C V not said
        ("नरेन्द्र मोदी", "narendra modi"),  # said after a cluster
        ("मुहम्मद", "muhammad"),  # said before a cluster
        ("रमेश कुमार", "ramesh kumar"),  # श is sh
        ("हाफ़िज़ सईद", "hafiz said"),  # nukta: z, f
        ("सिराजुद्दीन हक़्क़ानी", "sirajuddin haqqani"),
        ("ਲਖਬੀਰ ਸਿੰਘ ਰੋਡੇ", "lakhbir singh rode"),  # Gurmukhi, tippi
        ("வேலுப்பிள்ளை பிரபாகரன்", "veluppillai pirapakaran"),  # Tamil: a said
        ("व्लादिमीर पुतिन", "vladimir putin"),
    ],
)
def test_the_inherent_vowel_is_written_where_it_is_said(text: str, read: str) -> None:
    assert normalise(text) == read


def test_urdu_names_without_their_nukta_are_searched_with_it() -> None:
    assert indic.alternative_reading("हाफिज सईद") == "हाफ़िज़ सईद"
    assert indic.alternative_reading("रमेश") is None
    assert readings("हाफिज सईद")[1] == "हाफ़िज़ सईद"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("हाफिज सईद", "Hafiz Saeed"),
        ("मसूद अज़हर", "AZHAR, Masood"),
        ("किम जोंग उन", "KIM JONG UN"),
        ("अबू बक्र अल-बग़दादी", "AL-BAGHDADI, Abu Bakr"),  # "bakra": no feminine form
        ("ਪਰਮਜੀਤ ਸਿੰਘ ਪੰਜਵੜ", "PANJWAR, Paramjit Singh"),
        ("वेलुप्पिल्लै प्रभाकरन", "PRABHAKARAN, Velupillai"),
    ],
)
def test_names_in_indian_scripts_meet_their_latin_spelling(query: str, listed: str) -> None:
    assert compare_names(query, listed).score >= 85.0


def test_a_devanagari_name_one_sound_off_is_another_name() -> None:
    # Read as spelled, a name of Devanagari lifts as a Latin one (SPELLED_SCRIPTS).
    assert compare_names("आभा खान", "KHAN, Abid").score < 85.0


@pytest.mark.parametrize("threshold", [70.0, 85.0])
def test_indic_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    listed = ["SAEED, Hafiz Muhammad", "AZHAR, Masood", "KHAN, Abid", "RODE, Lakhbir Singh"]
    queries = ["हाफिज मुहम्मद सईद", "मसूद अजहर", "आभा खान", "ਲਖਬੀਰ ਸਿੰਘ ਰੋਡੇ"]
    matcher = search_equals_brute_force(listed, queries, threshold)
    assert "AZHAR, Masood" in {h.ref.name for h in matcher.search("मसूद अजहर", threshold)}
