"""Companies named in Chinese characters or Hangul read as their English names
(``names.company_words``): the Chinese pairs are the UN list's and Canada's own,
a company's Chinese name beside its English one; the Korean ones DPRK entities
of the UN and OFAC lists, whose Korean names are their English names word for
word."""

from __future__ import annotations

import pytest

from sanctions_cli.matching import NameMatcher, compare_names
from sanctions_cli.model import Entry, Listing
from sanctions_cli.names import readings
from sanctions_cli.names.company_words import english_reading
from sanctions_cli.names.normalise import normalise

LISTED = [
    ("沈忠國際海運有限公司", "SHEN ZHONG INTERNATIONAL SHIPPING"),  # UN
    ("華信船務(香港)有限公司", "HUAXIN SHIPPING HONGKONG LTD"),  # UN
    ("新全電子(香港)有限公司", "Xin Quan Electronics Co Limited"),  # Canada
    ("조선광업개발무역회사", "KOREA MINING DEVELOPMENT TRADING CORPORATION"),  # UN, OFAC
    ("단천상업은행", "TANCHON COMMERCIAL BANK"),  # UN, OFAC
    ("조선련봉총회사", "KOREA RYONBONG GENERAL CORPORATION"),  # UN, OFAC
]


def test_the_words_of_a_company_are_read_in_english_its_name_in_pinyin() -> None:
    reading = english_reading("沈忠國際海運有限公司", normalise)
    assert reading == "shen zhong international shipping co ltd"


def test_simplified_and_traditional_characters_read_alike() -> None:
    assert english_reading("华信船务(香港)有限公司", normalise) == english_reading(
        "華信船務(香港)有限公司", normalise
    )


def test_a_city_after_a_place_name_is_left_out() -> None:
    reading = english_reading("深圳市羅約科技有限公司", normalise)
    assert reading is not None and reading.startswith("shen zhen luo yue technology")


def test_a_name_without_company_words_has_no_such_reading() -> None:
    assert english_reading("习近平", normalise) is None
    assert english_reading("Acme Trading", normalise) is None
    assert readings("习近平") == ("习近平",)
    assert readings("김정식") == ("김정식",)


def test_a_place_alone_makes_no_company() -> None:
    # 조선 is Korea in a company's name, and a syllable pair of a person's (Jo Seon).
    assert english_reading("조선희", normalise) is None
    assert english_reading("香港", normalise) is None


def test_a_korean_company_is_read_word_for_word() -> None:
    reading = english_reading("조선광업개발무역회사", normalise)
    assert reading == "korea mining development trading corporation"
    assert english_reading("단천상업은행", normalise) == "dan chon commercial bank"


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


def test_a_longer_word_is_found_before_a_place_inside_it() -> None:
    # 조선소 is a shipyard, not Korea (조선) and a syllable.
    assert english_reading("현대미포조선소", normalise) == "hyon dae mi po shipyard"
