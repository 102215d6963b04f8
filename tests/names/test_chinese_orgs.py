"""Companies named in Chinese characters read as their English names
(``names.chinese_orgs``): the pairs are the UN list's and Canada's own, a
company's Chinese name beside its English one."""

from __future__ import annotations

import pytest

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.model import Entry, Listing
from sanctions_cli.names import readings
from sanctions_cli.names.chinese_orgs import english_reading
from sanctions_cli.names.normalise import _pinyin

LISTED = [
    ("沈忠國際海運有限公司", "SHEN ZHONG INTERNATIONAL SHIPPING"),  # UN
    ("華信船務(香港)有限公司", "HUAXIN SHIPPING HONGKONG LTD"),  # UN
    ("新全電子(香港)有限公司", "Xin Quan Electronics Co Limited"),  # Canada
]


def test_the_words_of_a_company_are_read_in_english_its_name_in_pinyin() -> None:
    reading = english_reading("沈忠國際海運有限公司", _pinyin)
    assert reading == "shen zhong international shipping co ltd"


def test_simplified_and_traditional_characters_read_alike() -> None:
    assert english_reading("华信船务(香港)有限公司", _pinyin) == english_reading(
        "華信船務(香港)有限公司", _pinyin
    )


def test_a_city_after_a_place_name_is_left_out() -> None:
    reading = english_reading("深圳市羅約科技有限公司", _pinyin)
    assert reading is not None and reading.startswith("shen zhen luo yue technology")


def test_a_name_without_company_words_has_no_such_reading() -> None:
    assert english_reading("习近平", _pinyin) is None
    assert english_reading("Acme Trading", _pinyin) is None
    assert readings("习近平") == ("习近平",)


def test_a_japanese_name_in_kana_is_not_read_so() -> None:
    assert not any(r.isascii() for r in readings("トヨタ自動車株式会社"))


@pytest.mark.parametrize(("chinese", "english"), LISTED)
def test_a_company_meets_its_english_name(chinese: str, english: str) -> None:
    assert compare_names(chinese, english).score >= 85


def test_another_company_of_the_same_trade_does_not() -> None:
    assert compare_names("華信船務(香港)有限公司", "SHEN ZHONG INTERNATIONAL SHIPPING").score < 60
    assert compare_names("华信国际贸易有限公司", "SHEN ZHONG INTERNATIONAL SHIPPING").score < 60


def test_the_index_finds_the_company_as_scoring_every_name_does() -> None:
    listing = (Listing(authority="Test authority", list="Test list"),)
    names = [english for _, english in LISTED] + ["SHEN ZHEN TRADING", "ZHONG HUA SHIPPING CO"]
    matcher = NameMatcher(
        [Entry(f"E{i}", "organization", name, (), listing) for i, name in enumerate(names)]
    )
    for chinese, english in LISTED:
        found = matcher.search(chinese, 85)
        assert [h.ref.name for h in found] == [english]
        brute = matcher.search_brute_force(chinese, 85)
        assert [(h.ref.name, h.match.score) for h in found] == [
            (h.ref.name, h.match.score) for h in brute
        ]
