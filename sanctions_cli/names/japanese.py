"""Japanese readings of names: kana always, kanji when pykakasi is installed.

Owns how a name written in Japanese becomes Latin letters:

* Kana (hiragana, katakana, the half-width katakana of Japanese bank transfers,
  made full-width by NFKC) are read in Hepburn with ``jaconv`` (MIT, pure Python,
  a few kB): anyascii reads the small ya/yu/yo as syllables of their own
  (``しゅう`` "shiyuu", ``ジョン`` "jiyon") where Hepburn writes "shu", "jon".
* Kanji have many readings, and a name's are its own: only a dictionary of names
  reads 山田太郎 "yamada taro".  ``pykakasi`` (KAKASI's dictionaries in pure
  Python) is such a reader, but it is GPL-3.0 and loads some 130 MB: it is the
  optional extra ``sanctions-cli[japanese]``, imported only when a name needs it.
  Without it, kanji stay read as Mandarin pinyin (``normalise``).
* The katakana of foreign sounds, a kana and a small vowel (ティ, ファ, ヴァ), are one
  syllable each (``FOREIGN_KANA``, the extended Hepburn table): the readers make
  two of them ("tei", "fua").  A name in katakana alone with a sign of a foreign
  name (the prolonged sound mark, ヴ, a small vowel, the middle dot) is foreign
  (``is_foreign_katakana``): it gets the script ``FOREIGN_KATAKANA``, whose words
  the matcher also compares on fewer consonants and without the vowels katakana
  adds (``matching.scorer.LOOSE_CONSONANT_SCRIPTS``).
* Long vowels are written once, as lists spell Japanese names without macrons:
  "tarou", "taroo", "taro-" are "taro", "satou" is "sato", "shuu" is "shu"; a
  vowel doubled before another vowel is two syllables and stays (井上 "inoue").

A name with kana, or with a Japanese legal form written in kanji (株式会社), is
Japanese (``is_japanese``) and its kanji are read as Japanese.  A name of kanji
alone may be Chinese or Japanese: ``normalise`` reads it as pinyin, and
``alternative_reading`` gives its Japanese reading, which the matcher searches too.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any

import jaconv

from ..lazy_re import LazyPattern

# Kana, the prolonged sound mark and the middle dot between the words of a
# foreign name; half-width katakana are made full-width (NFKC) before this.
KANA = LazyPattern("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
# A run of Japanese writing: kana, kanji and the kanji repetition mark 々.
_JAPANESE_RUN = LazyPattern(
    "[\u3040-\u30ff\u31f0-\u31ff\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
)
_KANJI = LazyPattern("[\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Japanese company legal forms written in kanji (kabushiki kaisha, yugen kaisha,
# godo kaisha, goshi kaisha, gomei kaisha): a name with one is Japanese even with
# no kana (三菱商事株式会社), and its reading names the form as lists romanise it.
JAPANESE_LEGAL_FORMS = {
    "株式会社": "kabushiki kaisha",
    "有限会社": "yugen kaisha",
    "合同会社": "godo kaisha",
    "合資会社": "goshi kaisha",
    "合名会社": "gomei kaisha",
}
_LEGAL_FORM = LazyPattern("(" + "|".join(JAPANESE_LEGAL_FORMS) + ")")

# A long vowel as the readers write it (ou, uu, oo, aa, ii, ee, or a vowel and the
# prolonged sound mark "-"), not followed by a vowel: one vowel, as lists spell it.
_LONG_VOWEL = LazyPattern(r"(?:(o)u|([aeiou])\2|([aeiou])-)(?![aeiou])")


# Signs of a foreign name written in katakana: the prolonged sound mark, ヴ, a
# small vowel (ティ, ファ: FOREIGN_KANA) or the middle dot between its words.
# Japanese names in katakana (those of bank transfers: ヤマダ タロウ) write long
# vowels with ウ and オ and have none: of 3,000 Faker ja_JP names in katakana
# none has one; of 10,000 names of two Wikidata name words, 77% have one even
# without the middle dot.
_FOREIGN_KATAKANA_SIGN = LazyPattern("[ーヴァィゥェォヮ・]")
_KATAKANA_ONLY = LazyPattern("[\u30a0-\u30ff\\s.,-]+")


def is_foreign_katakana(text: str) -> bool:
    """True when a name is written in katakana alone, with a sign of a foreign name
    (``_FOREIGN_KATAKANA_SIGN``): ``ウラジーミル・プーチン``, not ``ヤマダ タロウ``.
    Half-width katakana count as their full-width letters (NFKC)."""
    text = unicodedata.normalize("NFKC", text)
    return (
        _KATAKANA_ONLY.fullmatch(text) is not None
        and _FOREIGN_KATAKANA_SIGN.search(text) is not None
    )


def is_japanese(text: str) -> bool:
    """True when ``text`` is written in Japanese: it has kana or a kanji legal form."""
    return KANA.search(text) is not None or _LEGAL_FORM.search(text) is not None


def fold_long_vowels(romaji: str) -> str:
    """Long vowels written once: ``satou`` -> ``sato``, ``puuchin`` -> ``puchin``."""
    return _LONG_VOWEL.sub(lambda m: m.group(1) or m.group(2) or m.group(3), romaji)


# The katakana of foreign sounds, a kana and a small vowel (the extended Hepburn
# table: ティ "ti", ディ "di", シェ "she", ファ "fa", ヴァ "va", ウィ "wi" ...): jaconv
# and pykakasi read them as two syllables ("tei", "shie", "ui"), which foreign
# names never have (スティーブ is Steve, "sutei-bu" to them).  A sokuon ッ before
# one doubles its consonant (ッティ "tti").
FOREIGN_KANA = {
    "イェ": "ye", "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ウァ": "wa",
    "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo", "ヴュ": "vyu", "ヴ": "vu",
    "キェ": "kye", "ギェ": "gye", "クァ": "kwa", "クィ": "kwi", "クェ": "kwe", "クォ": "kwo",
    "グァ": "gwa", "グィ": "gwi", "グェ": "gwe", "グォ": "gwo",
    "シェ": "she", "ジェ": "je", "チェ": "che", "ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse",
    "ツォ": "tso", "ティ": "ti", "ディ": "di", "テュ": "tyu", "デュ": "dyu", "トゥ": "tu",
    "ドゥ": "du", "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu",
    "スィ": "si", "ズィ": "zi", "ホゥ": "hu", "ニェ": "nye", "ヒェ": "hye", "ミェ": "mye",
    "リェ": "rye", "ビェ": "bye", "ピェ": "pye",
}  # fmt: skip
_FOREIGN_KANA = LazyPattern("(ッ?)(" + "|".join(sorted(FOREIGN_KANA, key=len, reverse=True)) + ")")


def _foreign_kana(match: re.Match[str]) -> str:
    read = FOREIGN_KANA[match.group(2)]
    if match.group(1):
        return ("t" if read.startswith("ch") else read[0]) + read
    return read


# A long a at the end of a word in katakana is how Japanese writes the -er, -ar and
# -or of English and German names (ミラー Miller, ピーター Peter, パーカー Parker): read
# "ar".  Measured on 2,000 names of two Wikidata words in katakana: 45.8% matched
# their Latin spelling at 85 before, 47.8% with it, and no more alerts of them
# against the OFAC SDN and UN lists.
_FINAL_LONG_A = LazyPattern(r"a-(?![a-z])")


def kana_reading(text: str) -> str:
    """Kana read in Hepburn (``jaconv``, the extended katakana of foreign sounds by
    ``FOREIGN_KANA``), a long a ending a word as "ar" (``_FINAL_LONG_A``), other
    long vowels folded; other characters kept."""
    text = _FOREIGN_KANA.sub(_foreign_kana, jaconv.hira2kata(text))
    read = _FINAL_LONG_A.sub("ar", jaconv.kana2alphabet(jaconv.kata2hira(text)))
    return fold_long_vowels(read)


# --- kanji (optional pykakasi) ----------------------------------------------------

_reader: Any = None
_reader_lock = threading.Lock()
_UNAVAILABLE = object()


def _kakasi() -> Any:
    """The pykakasi reader, made on first use (0.5 s, ~130 MB); None when not installed."""
    global _reader
    if _reader is None:
        with _reader_lock:
            if _reader is None:
                try:
                    import pykakasi  # GPL-3.0, optional: see the module docstring
                except ImportError:
                    _reader = _UNAVAILABLE
                else:
                    _reader = pykakasi.kakasi()  # type: ignore[no-untyped-call]
    return None if _reader is _UNAVAILABLE else _reader


def kanji_reader_available() -> bool:
    """True when kanji can be read as Japanese (pykakasi is installed)."""
    return _kakasi() is not None


def _read_run(run: str, reader: Any, spaced: bool) -> str | None:
    """One run of Japanese writing read by pykakasi, word by word; None when a
    kanji has no Japanese reading (a simplified Chinese character: 习, 泽).

    With ``spaced`` (the name's words are written apart, as 山口 くみ子) the run is
    one word, read as one (``kumiko``, which pykakasi would split "kumi ko");
    written together (山田太郎) its words are pykakasi's (``yamada taro``).
    """
    words: list[str] = []
    for part in _LEGAL_FORM.split(run):
        form = JAPANESE_LEGAL_FORMS.get(part)
        if form is not None:
            words.append(form)  # a phrase of its own, never joined to the name
            continue
        read: list[str] = []
        for item in reader.convert(part):
            if not item["hepburn"] and _KANJI.search(item["orig"]):
                return None
            read.append(item["hepburn"])
        if read:
            words.extend(["".join(read)] if spaced else read)
    return " ".join(words)


def _romanise(text: str, reader: Any) -> str | None:
    spaced = len(text.split()) > 1
    out: list[str] = []
    position = 0
    for run in _JAPANESE_RUN.finditer(text):
        if reader is None or _KANJI.search(run.group(0)) is None:
            part = _LEGAL_FORM.sub(lambda m: f" {JAPANESE_LEGAL_FORMS[m.group(0)]} ", run.group(0))
            read: str | None = kana_reading(part)
        else:
            read = _read_run(run.group(0), reader, spaced)
        if read is None:
            return None
        out.append(text[position : run.start()])
        out.append(f" {fold_long_vowels(read)} ")
        position = run.end()
    out.append(text[position:])
    return "".join(out).replace("・", " ")


@lru_cache(maxsize=1 << 12)
def japanese_text(text: str) -> str:
    """A Japanese name (``is_japanese``) with its Japanese writing in Latin letters:
    kana and kanji by pykakasi when installed, else kana by jaconv and kanji left
    as they are (for ``normalise`` to read as pinyin)."""
    reader = _kakasi()
    read = _romanise(text, reader) if reader is not None else None
    return read if read is not None else _romanise(text, None) or text


@lru_cache(maxsize=1 << 12)
def alternative_reading(text: str) -> str | None:
    """The Japanese reading of a name written in kanji and not otherwise Japanese
    (``normalise`` reads it as Chinese), in Latin letters: ``山田太郎`` ->
    ``yamada taro``.  None when the name has no kanji, is Japanese already, or
    pykakasi is not installed or cannot read every kanji of it."""
    if _KANJI.search(text) is None or is_japanese(text):
        return None
    reader = _kakasi()
    if reader is None:
        return None
    read = _romanise(text, reader)
    return " ".join(read.split()) if read is not None else None
