"""Names written in Belarusian Cyrillic, read also as Russian spells them.

Belarusian officials are listed by OFAC, the EU and the UK under both the
Belarusian romanisation (``LUKASHENKA, Aliaksandr``, ``Uladzimir``) and the Russian
one (``LUKASHENKO, Alexander``, ``Vladimir``), and a payment may carry either
spelling in either script.  A Belarusian name romanised letter by letter meets
the first kind; ``alternative_reading`` rewrites it in Russian spelling so that
the second is found too (``Уладзімір Пуцін`` is ``Владимир Путин``).

The rewriting undoes what Belarusian spelling writes and Russian does not:

* ``ў`` (a u-like v after a vowel) is в, and a word-initial ``У`` before a
  consonant is the в that Belarusian turns into u there (``Уладзімір``);
* ``дз`` and ``ц`` before a soft vowel are the д and т Belarusian softens
  (*dzekanne*, *tsekanne*: ``Дзяніс`` Денис, ``Пуцін`` Путин), as ``дз``
  is before a consonant softened by one (``Дзмітрый`` Дмитрий);
* ``і`` is и; ``э`` inside a word is е; ``шы``/``жы``/``чы`` are ши/жи/чи; the
  apostrophe is the soft sign, and so is the second of a consonant doubled
  before a soft vowel (``Наталля`` Наталья); ``-скі``/``-цкі`` are ``-ский``/``-цкий``;
  any other ``ў`` is в (``Ціханоўская`` Тихановская, ``-аў`` -ав).

Unstressed о written а (*akanne*: ``Лукашэнка``, ``Качанава``) cannot be undone
from the spelling, and need not be: the scorer's phonetic skeleton does not
tell vowels apart.

A text is taken for Belarusian when it has ``і`` or ``ў`` and none of the
letters Belarusian lacks (``и``, ``щ``, ``ъ``, and Ukrainian's ``ї``, ``є``,
``ґ``): Russian has no ``і``, Ukrainian writes ``и`` beside it.
"""

from __future__ import annotations

from ..lazy_re import LazyPattern

_BELARUSIAN_SIGN = LazyPattern("[іІўЎ]")
# Letters of Russian or Ukrainian that Belarusian spelling never uses.
_NOT_BELARUSIAN = LazyPattern("[иИщЩъЪїЇєЄґҐ]")
_SOFT_VOWEL = "іеёюяь"
_VOWELS = "аеёіоуыэюяАЕЁІОУЫЭЮЯ"
_WORD_START_U = LazyPattern(f"(?<![^\\W\\d_])у(?=[^\\W\\d_{_VOWELS}])")
_SOFTENED_D = LazyPattern(f"дз(?=[{_SOFT_VOWEL}]|[бвмнп][{_SOFT_VOWEL}])")
_SOFTENED_T = LazyPattern(f"ц(?=[{_SOFT_VOWEL}])")
_INNER_E = LazyPattern("(?<=[^\\W\\d_])э")
_HARD_HUSHING = LazyPattern("(?<=[шжч])ы")
_ADJECTIVE_END = LazyPattern("(?<=[сц]к)і\\b")
_APOSTROPHE = LazyPattern("['’ʼ]")
# A consonant doubled before a soft vowel: Russian writes one and a soft sign.
_DOUBLED_SOFT = LazyPattern(f"([лнсздцчшж])\\1(?=[{_SOFT_VOWEL}])")


def is_belarusian(text: str) -> bool:
    """True when a Cyrillic ``text`` is spelled as Belarusian (see the module docstring)."""
    return _BELARUSIAN_SIGN.search(text) is not None and _NOT_BELARUSIAN.search(text) is None


def alternative_reading(text: str) -> str | None:
    """``text`` in Russian spelling when it is Belarusian, else None (lower case:
    the reading is searched, not shown)."""
    if not is_belarusian(text):
        return None
    word = text.lower()
    word = _WORD_START_U.sub("в", word)
    word = _SOFTENED_D.sub("д", word)
    word = _SOFTENED_T.sub("т", word)
    word = _ADJECTIVE_END.sub("ий", word)
    word = _INNER_E.sub("е", word)
    word = _HARD_HUSHING.sub("и", word)
    word = _APOSTROPHE.sub("ь", word)
    word = _DOUBLED_SOFT.sub("\\1ь", word)
    return word.replace("ў", "в").replace("і", "и")
