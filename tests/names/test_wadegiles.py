"""Wade-Giles names read as pinyin: which names are rewritten, and how."""

from __future__ import annotations

from importlib import resources

import pytest

from sanctions_cli.matching.scorer import compare
from sanctions_cli.names import normalise, prepare_name, tokenise, wadegiles
from sanctions_cli.names.wadegiles import as_pinyin

THRESHOLD = 85.0


@pytest.mark.parametrize(
    ("raw", "tokens"),
    [
        ("Mao Tse-tung", ("mao", "ze", "dong")),
        ("Mao Tsê-tung", ("mao", "ze", "dong")),
        # Syllables written together are a word, not a syllable (Mitsubishi).
        ("MAO Tsetung", ("mao", "tsetung")),
        ("Hsi Chin-p'ing", ("xi", "jin", "ping")),
        ("Hsü Chih-mo", ("xu", "zhi", "mo")),
        ("Yen Hsi-shan", ("yan", "xi", "shan")),
        # A syllable pinyin has too stays as written (chen, teng, ping).
        ("Chen Shui-pien", ("chen", "shui", "bian")),
        ("Teng Hsiao-ping", ("teng", "xiao", "ping")),
    ],
)
def test_wade_giles_names_are_read_as_pinyin(raw: str, tokens: tuple[str, ...]) -> None:
    assert tokenise(raw) == tokens


@pytest.mark.parametrize(
    ("raw", "tokens"),
    [
        # A distinctly Wade-Giles word is read as pinyin whatever stands beside it:
        # the long and the short form of a name read alike.
        ("CHING, Teo Boon", ("jing", "teo", "bun")),
        ("Teo Ching", ("teo", "jing")),
        ("TSAI Ming-chieh Jack", ("zai", "ming", "jie", "jack")),
        ("Tsai", ("zai",)),
        ("Tsao Trading Co", ("zao", "trading", "corp")),
        # ... but chin and ho only in a name of syllables alone.
        ("Hsu Chin Ho", ("xu", "jin", "he")),
        ("Hsu Chin Ho Jack", ("xu", "chin", "ho", "jack")),
    ],
)
def test_distinct_words_are_read_as_pinyin_anywhere(raw: str, tokens: tuple[str, ...]) -> None:
    assert tokenise(raw) == tokens


@pytest.mark.parametrize(
    "raw",
    [
        # No distinctly Wade-Giles syllable: Korean names share chin, ho, sung, ko.
        "Chin Song Ho",
        "Ko Chun Ho",
        "Han Sung Il",
        "Chung Jin Ho",
        # Words that merely contain a marker.
        "Sebastien Hassan",
        "Tsvetkov Chieftain",
        "Christian Hunger",
    ],
)
def test_other_names_are_left_as_written(raw: str) -> None:
    written = tuple(normalise(raw).split())
    assert as_pinyin(written) == written


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Mao Tse-tung", "MAO Zedong"),
        ("Hsi Chin-ping", "XI Jinping"),
        ("Hsu Chih-mo", "XU Zhimo"),
        ("Chang Tso-lin", "ZHANG Zuolin"),
        ("Yen Hsi-shan", "YAN Xishan"),
    ],
)
def test_wade_giles_meets_the_pinyin_listing(query: str, listed: str) -> None:
    assert compare(prepare_name(query), prepare_name(listed)).score >= THRESHOLD


def test_a_different_chinese_name_still_does_not_match() -> None:
    # Same surname, other given name: the rewrite must not make them one.
    assert compare(prepare_name("Mao Tse-tung"), prepare_name("MAO Zemin")).score < THRESHOLD
    assert compare(prepare_name("Hsi Chin-ping"), prepare_name("XI Jinhua")).score < THRESHOLD


def test_the_kept_tables_are_pypinyins() -> None:
    # The file is derived, never edited: regenerate it when pypinyin changes.
    kept = (resources.files("sanctions_cli.names") / wadegiles.TABLE_FILE).read_text("utf-8")
    assert kept == wadegiles.format_tables(*wadegiles.build_tables())
