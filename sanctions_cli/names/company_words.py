"""Companies named in Chinese characters or in Hangul, read as their English names
are written.

A Chinese, Hong Kong or Korean company gives an English name beside its own, and the
English name keeps the trade name romanised but translates the words of the trade
and of the company form: ``沈忠國際海運有限公司`` is SHEN ZHONG INTERNATIONAL SHIPPING
(UN list), ``華信船務(香港)有限公司`` HUAXIN SHIPPING HONGKONG LTD (UN),
``新全電子(香港)有限公司`` Xin Quan Electronics Co Limited (Canada), ``조선광업개발무역회사``
KOREA MINING DEVELOPMENT TRADING CORPORATION (KOMID, on the UN and OFAC lists),
``단천상업은행`` TANCHON COMMERCIAL BANK.  Read as pinyin or as Korean syllables
(``shen zhong guo ji hai yun you xian gong si``), such a name meets its English
name in the trade name only, and scores far from it.

``english_reading`` reads a name that holds at least one word of a company's form or
trade (``HAN_TERMS``, ``HANGUL_TERMS``; a place whose English name is not its
romanisation, ``HAN_PLACES``, ``HANGUL_PLACES``, only beside one) as the English
name would be: those words in English, the rest romanised as ``normalise`` reads
it, and a 市 (city) or 省 (province) after the name before it left out, as English
names leave them (深圳市 Shenzhen).  Words are found longest first, Han characters
on their simplified form (``han_variants``), so traditional and simplified
spellings read alike.  The reading is one more text the name is searched as
(``normalise.script_readings``), beside its romanisation: a trade name that is
translated too (保利 Poly, 芯联 Chip Line) is not found so, as no table can know it.

The words are those of company names (no library this project uses translates
them: pypinyin romanises).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..lazy_re import LazyPattern
from . import han_variants
from .chinese import HAN_CHARACTERS

# Company words in simplified characters and their English, as English company
# names write them (found longest first).
HAN_TERMS: dict[str, str] = {
    # Forms of a company (``normalise`` reads the English as legal forms).
    "股份有限公司": "co ltd",
    "有限责任公司": "limited liability company",
    "有限公司": "co ltd",
    "集团公司": "group company",
    "总公司": "corporation",
    "分公司": "branch",
    "公司": "company",
    "集团": "group",
    "控股": "holdings",
    "会社": "company",
    "商行": "trading company",
    "合作社": "cooperative",
    # Trades.
    "国际贸易": "international trading",
    "国际": "international",
    "贸易": "trading",
    "进出口": "import export",
    "实业": "industrial",
    "工业": "industrial",
    "科技": "technology",
    "技术": "technology",
    "电子": "electronics",
    "电器": "electrical appliances",
    "机电": "electromechanical",
    "机械": "machinery",
    "设备": "equipment",
    "仪器": "instruments",
    "化工": "chemical",
    "化学": "chemical",
    "石油": "petroleum",
    "石化": "petrochemical",
    "能源": "energy",
    "矿业": "mining",
    "钢铁": "steel",
    "金属": "metals",
    "材料": "materials",
    "航运": "shipping",
    "造船": "shipbuilding",
    "船厂": "shipyard",
    "海运": "shipping",
    "船务": "shipping",
    "船舶": "shipping",
    "运输": "transport",
    "物流": "logistics",
    "航空": "aviation",
    "投资": "investment",
    "银行": "bank",
    "金融": "financial",
    "保险": "insurance",
    "证券": "securities",
    "发展": "development",
    "建设": "construction",
    "建筑": "construction",
    "工程": "engineering",
    "制造": "manufacturing",
    "医药": "pharmaceutical",
    "软件": "software",
    "通信": "communication",
    "网络": "network",
    "咨询": "consulting",
    "服务": "services",
    "管理": "management",
    "供应链": "supply chain",
    "半导体": "semiconductor",
    "光电": "optoelectronics",
    "动力": "power",
    "汽车": "automobile",
    "食品": "food",
    "农业": "agriculture",
    "联合": "joint",
    "合资": "joint venture",
}

# Places whose English name is not their pinyin.
HAN_PLACES: dict[str, str] = {
    "香港": "hong kong",
    "澳门": "macau",
    "中国": "china",
    "亚洲": "asia",
    "朝鲜": "korea",
    "韩国": "korea",
    "新加坡": "singapore",
    "俄罗斯": "russia",
    "伊朗": "iran",
    "马来西亚": "malaysia",
    "阿联酋": "uae",
    "迪拜": "dubai",
    "美国": "usa",
    "日本": "japan",
}

# The same for Korean company names in Hangul, North and South (조선 is Korea in
# the North's names: 조선무역은행 Foreign Trade Bank of the DPRK is "Korea Trade
# Bank" word for word).
HANGUL_TERMS: dict[str, str] = {
    "주식회사": "co ltd",
    "유한회사": "co ltd",
    "유한책임회사": "limited liability company",
    "합자회사": "limited partnership",
    "합명회사": "partnership",
    "사단법인": "incorporated association",
    "재단법인": "foundation",
    "합영회사": "joint venture company",
    "합작회사": "joint venture company",
    "총회사": "general corporation",
    "회사": "corporation",
    "공사": "corporation",
    "상사": "trading company",
    "그룹": "group",
    "무역": "trading",
    "은행": "bank",
    "상업": "commercial",
    "개발": "development",
    "광업": "mining",
    "국제": "international",
    "해운": "shipping",
    "조선소": "shipyard",
    "선박": "shipping",
    "산업": "industrial",
    "공업": "industrial",
    "기술": "technology",
    "기계": "machinery",
    "수출입": "import export",
    "합영": "joint venture",
    "합작": "joint venture",
    "련합": "joint",
    "연합": "joint",
    "투자": "investment",
    "보험": "insurance",
    "석유": "petroleum",
    "화학": "chemical",
    "전자": "electronics",
    "건설": "construction",
    "운송": "transport",
    "물류": "logistics",
    "금융": "financial",
    "자원": "resources",
    "에너지": "energy",
    "통신": "communication",
    "제철": "steel",
    "철강": "steel",
}

HANGUL_PLACES: dict[str, str] = {
    "조선": "korea",
    "한국": "korea",
    "중국": "china",
    "홍콩": "hong kong",
    "러시아": "russia",
    "싱가포르": "singapore",
}

# Words after a name (a place's) that English names leave out: city, province.
DROPPED_AFTER_NAME = frozenset("市省")

# Korean legal forms abbreviated to a bracketed syllable ((주) 한빛: 주식회사 한빛,
# Hanbit Co., Ltd.), and the forms they stand for.
KOREAN_LEGAL_ABBREVIATION = LazyPattern(r"\(\s*([주유사재])\s*\)|㈜")
_ABBREVIATED = {"주": "주식회사", "유": "유한회사", "사": "사단법인", "재": "재단법인"}

# Every word of either script, and which of them are places (they count only
# beside a word of a company's form or trade).
_WORDS: dict[str, str] = {**HAN_TERMS, **HAN_PLACES, **HANGUL_TERMS, **HANGUL_PLACES}
_PLACES = frozenset((*HAN_PLACES, *HANGUL_PLACES))
_LONGEST = max(len(word) for word in _WORDS)
# A character of a run that is romanised: Han or Hangul.
_ROMANISED = LazyPattern(f"[{HAN_CHARACTERS}\uac00-\ud7a3]")


def english_reading(text: str, romanise: Callable[[str], str]) -> str | None:
    """``text`` read as its English company name (see the module docstring), or None
    when it has no word of a company's form or trade.  ``romanise`` reads a run of
    Han characters or Hangul (``normalise``, passed in: this module is below it)."""
    if _ROMANISED.search(text) is None:
        return None
    spelled = KOREAN_LEGAL_ABBREVIATION.sub(
        lambda found: f" {_ABBREVIATED[found.group(1) or '주']} ", text
    )
    return _reading(spelled, romanise)


@lru_cache(maxsize=1 << 12)
def _reading(text: str, romanise: Callable[[str], str]) -> str | None:
    simple = "".join(han_variants.simplified(c) for c in text)
    parts: list[str] = []
    run: list[str] = []  # characters of no word, romanised together
    company = False  # a word of a company's form or trade was found

    def flush() -> None:
        if run:
            parts.append(f" {romanise(''.join(run))} ")
            run.clear()

    index = 0
    while index < len(simple):
        word = next(
            (
                simple[index : index + size]
                for size in range(min(_LONGEST, len(simple) - index), 1, -1)
                if simple[index : index + size] in _WORDS
            ),
            None,
        )
        if word is not None:
            company = company or word not in _PLACES
            flush()
            parts.append(f" {_WORDS[word]} ")
            index += len(word)
            continue
        char = simple[index]
        if char in DROPPED_AFTER_NAME and run:
            flush()  # 深圳市: Shenzhen
        elif _ROMANISED.match(char):
            run.append(char)
        else:
            flush()
            parts.append(char)
        index += 1
    if not company:
        return None
    flush()
    return " ".join("".join(parts).split())
