"""Names in Belarusian Cyrillic read in Russian spelling too (``names.belarusian``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.names import belarusian, readings


@pytest.mark.parametrize(
    ("text", "russian"),
    [
        ("Уладзімір Пуцін", "владимир путин"),
        ("Святлана Ціханоўская", "святлана тихановская"),
        ("Дзмітрый Шыманскі", "дмитрый шиманский"),
        ("Марыя Калеснікава", "марыя калесникава"),
        ("Наталля Кавалеўская", "наталья кавалевская"),
        ("Эдуард Вараб'ёў", "эдуард варабьёв"),
        ("Эдуард Лукашэнка", None),  # no і or ў: not told from Russian
        ("Владимир Путин", None),  # Russian
        ("Володимир Зеленський", None),  # Ukrainian: и beside і
    ],
)
def test_belarusian_spelling_is_rewritten_in_russian(text: str, russian: str | None) -> None:
    # Vowels a Belarusian spelling reduces (akanne: Святлана) stay as written.
    assert belarusian.alternative_reading(text) == russian


def test_a_belarusian_name_meets_both_romanisations() -> None:
    assert readings("Уладзімір Пуцін")[1] == "владимир путин"
    assert compare_names("Уладзімір Пуцін", "Vladimir Putin").score >= 85.0
    assert compare_names("Уладзімір Уладзіміравіч Пуцін", "Vladimir Putin").score >= 85.0
    assert compare_names("Уладзімір Пуцін", "Uladzimir Putsin").score >= 85.0
    assert compare_names("Святлана Ціханоўская", "TIKHANOVSKAYA, Svetlana").score >= 85.0
    # The rewriting does not make another name.
    assert compare_names("Уладзімір Пуцін", "Vladislav Putilin").score < 85.0


@pytest.mark.parametrize("threshold", [60.0, 85.0])
def test_belarusian_search_equals_brute_force(
    threshold: float, search_equals_brute_force: Callable[..., NameMatcher]
) -> None:
    listed = ["PUTIN, Vladimir", "TSIKHANOUSKAYA, Sviatlana", "LUKASHENKO, Alexander"]
    queries = ["Уладзімір Пуцін", "Святлана Ціханоўская", "Аляксандр Лукашэнка"]
    matcher = search_equals_brute_force(listed, queries, threshold)
    assert "PUTIN, Vladimir" in {h.ref.name for h in matcher.search("Уладзімір Пуцін", 85.0)}
