"""Companies named in Chinese characters, read as their English names are written.

A Chinese or Hong Kong company gives an English name beside its Chinese one, and
the English name keeps the trade name in pinyin but translates the words of the
trade and of the company form: ``沈忠國際海運有限公司`` is SHEN ZHONG INTERNATIONAL
SHIPPING (UN list), ``華信船務(香港)有限公司`` HUAXIN SHIPPING HONGKONG LTD (UN),
``新全電子(香港)有限公司`` Xin Quan Electronics Co Limited (Canada).  Read as pinyin
(``shen zhong guo ji hai yun you xian gong si``), such a name meets its English
name in the trade name only, and scores far from it.

``english_reading`` reads a name written in Han characters that holds at least one
of the words of ``TERMS`` (a company's form, its trade, a place whose English
name is not its pinyin) as the English name would be: those words in English, the
rest in pinyin, and the 市 (city) or 省 (province) after a place name left out,
as English names leave them (深圳市 Shenzhen).  Words are found longest first, on
the simplified form of each character (``han_variants``), so traditional and
simplified spellings read alike.  The reading is one more text the name is searched
as (``normalise.script_readings``), beside its pinyin: a trade name that is
translated too (保利 Poly, 芯联 Chip Line) is not found so, as no table can know it.

The words are those of company names (no list of Chinese words is shipped by a
library this project uses: pypinyin romanises, it does not translate).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import han_variants
from .chinese import HAN_CHARACTERS, HAN_RUN

# Company words in simplified characters and their English, as English company
# names write them.  Longer words first where one holds another (有限公司 before 公司).
TERMS: dict[str, str] = {
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
    # Places whose English name is not their pinyin.
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

# Words after a place name that English names leave out: city, province.
DROPPED_AFTER_NAME = frozenset("市省")

_LONGEST = max(len(term) for term in TERMS)
_ONE_HAN = re.compile(f"[{HAN_CHARACTERS}]")


def english_reading(text: str, pinyin: Callable[[str], str]) -> str | None:
    """``text`` read as its English company name (see the module docstring), or None
    when it has no word of ``TERMS``.  ``pinyin`` romanises a run of Han characters
    (``normalise``'s, passed in: this module is below it)."""
    if HAN_RUN.search(text) is None:
        return None
    return _reading(text, pinyin)


@lru_cache(maxsize=1 << 12)
def _reading(text: str, pinyin: Callable[[str], str]) -> str | None:
    simple = "".join(han_variants.simplified(c) for c in text)
    parts: list[str] = []
    run: list[str] = []  # Han characters of no word, read in pinyin together
    found = False
    index = 0
    while index < len(simple):
        term = next(
            (
                simple[index : index + size]
                for size in range(min(_LONGEST, len(simple) - index), 1, -1)
                if simple[index : index + size] in TERMS
            ),
            None,
        )
        if term is not None:
            found = True
            if run:
                parts.append(pinyin("".join(run)))
                run = []
            parts.append(f" {TERMS[term]} ")
            index += len(term)
            continue
        char = simple[index]
        if char in DROPPED_AFTER_NAME and run:
            parts.append(pinyin("".join(run)))  # 深圳市: Shenzhen
            run = []
        elif _ONE_HAN.match(char):
            run.append(char)
        else:
            if run:
                parts.append(pinyin("".join(run)))
                run = []
            parts.append(char)
        index += 1
    if not found:
        return None
    if run:
        parts.append(pinyin("".join(run)))
    return " ".join("".join(parts).split())
