"""Names in Arabic script read with the consonants of Persian, Urdu and Pashto,
and with a w for a waw between consonants (``waw_reading``).

Four Arabic letters stand for sounds those languages do not have, and their
speakers, and the Latin spellings of their names, say them otherwise: ``ذ``,
``ض`` and ``ظ`` are z, ``ث`` is s (``فضل`` Fazal, not Fadal; ``مظهری`` Mazhari;
``ضیا`` Zia); and the same hands, as Egyptian ones, write a final ya as ى
(``على`` Ali, ``حنفى`` Hanafi).  Arabic names keep the Arabic sounds in their Latin
spellings (``فاضل`` Fadhil, ``ثامر`` Thamer, ``مصطفى`` Mustafa), and many Afghan
and Pakistani names are written with Arabic letters only (``فضل رحيم``, listed as
FAZAL RAHIM), so the script does not tell the two apart: ``alternative_reading``
gives the name with those letters written as Persian says them, searched besides
the Arabic reading.  UN-listed names in Arabic script met by a Latin name of their
entry: 272 -> 288 of 387 with the consonants, 290 -> 294 with the ya.
"""

from __future__ import annotations

from ..lazy_re import LazyPattern

_ARABIC_ONLY_SOUNDS = LazyPattern("[ثذضظ]")
_AS_PERSIAN = str.maketrans({"ذ": "ز", "ض": "ز", "ظ": "ز", "ث": "س"})
# A final alif maqsura (ى) is an a in Arabic spelling (مصطفى Mustafa, موسى Musa),
# but Persian, Urdu and Egyptian hands write it for a final ya (على Ali, حنفى Hanafi,
# حاجى Haji): read as ي too.
_FINAL_ALIF_MAQSURA = LazyPattern("ى(?![؀-ۿ])")


def alternative_reading(text: str) -> str | None:
    """``text`` with the letters Persian says otherwise written as it says them, and
    a final ى as a ya, or None when it has neither."""
    if _ARABIC_ONLY_SOUNDS.search(text) is None and _FINAL_ALIF_MAQSURA.search(text) is None:
        return None
    return _FINAL_ALIF_MAQSURA.sub("ي", text.translate(_AS_PERSIAN))


# A waw between two consonants is read as the long vowel u or o (محمود Mahmud,
# نور Nur); it may as well be the consonant w of a diphthong or before a short
# vowel (جوهر Jawhar, أنور Anwar, توفيق Tawfiq, ثروت Tharwat): a fatha written
# on the consonant before it makes ``normalise`` read it so.  Searched as a reading
# of its own: UN-listed names in Arabic script met by a Latin name of their entry
# 294 -> 302 of 387; 25,951 generated clean names 68 -> 70 alerts (one of them
# بانک اقتصاد نوین, which is the listed EGHTESAD NOVIN BANK), recall unchanged.
_ARABIC_CONSONANT = "ب-ويپچژکگی"
_INNER_WAW = LazyPattern(f"(?<=[{_ARABIC_CONSONANT}])(?=و[{_ARABIC_CONSONANT}])")


# A name of several words with such a waw in more than one is read too with the w
# in each of them alone (جوهر مجيد الدوري is Jawhar Majid al-Duri, not al-Dawri), up
# to this many words (a reading each).
WAW_WORDS_MAX = 3
_FATHA = "\u064e"


def waw_reading(text: str) -> str | None:
    """``text`` with each waw between two consonants read as a w (a fatha written
    before it), or None when it has none."""
    if _INNER_WAW.search(text) is None:
        return None
    return _INNER_WAW.sub(_FATHA, text)


def waw_readings(text: str) -> tuple[str, ...]:
    """``waw_reading`` of ``text`` (none when it has no such waw) and, when the waws
    stand in two to ``WAW_WORDS_MAX`` words, each word's read as a w alone."""
    every = waw_reading(text)
    if every is None:
        return ()
    by_word: dict[int, list[int]] = {}
    for match in _INNER_WAW.finditer(text):
        by_word.setdefault(text.count(" ", 0, match.start()), []).append(match.start())
    if not 2 <= len(by_word) <= WAW_WORDS_MAX:
        return (every,)
    alone = []
    for positions in by_word.values():
        pieces, last = [], 0
        for position in positions:
            pieces += [text[last:position], _FATHA]
            last = position
        alone.append("".join([*pieces, text[last:]]))
    return (every, *alone)
