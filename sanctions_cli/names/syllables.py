"""The characters of a name written one syllable a character, as written.

Hangul and Han characters write a syllable each, and ``normalise`` reads a name
in them a token per character.  Two romanisations can be one for two syllables
written apart: 정 and 종 are both "jong" (McCune-Reischauer's chŏng and chong,
breve dropped), 市 and 石 both "shi".  Two names of one such script are compared
as written, and ``written_syllables`` gives each token its character, folded so
that the spellings of one syllable meet:

* a traditional Han character is its simplified form (``names.han_variants``:
  習 is 习);
* a Hangul syllable that starts with ㄹ or ㄴ is read as South Korea writes it at
  the start of a word (the initial sound law: 리 is 이, 룡 용, 로 노, 녀 여), as
  North Korean spellings keep them: 리설주 and 이설주 are one name.

Written syllables only keep apart what the romanisations join; they never join
what the romanisations keep apart (최룡해 "ryong" and 최용해 "yong" stay two, as
their Latin spellings do): the candidate index bounds every pair by its
romanisations, so the search stays lossless.
"""

from __future__ import annotations

from ..lazy_re import LazyPattern
from .chinese import HAN_CHARACTERS
from .han_variants import simplified

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_MEDIALS_BY_INITIAL = 21 * 28  # Hangul syllables per initial consonant
_FINALS = 28
_INITIAL_N, _INITIAL_R, _INITIAL_SILENT = 2, 5, 11  # ㄴ, ㄹ, ㅇ
# Vowels i and y- (ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ): before them ㄹ and ㄴ fall silent.
_I_VOWELS = frozenset((2, 3, 6, 7, 12, 17, 20))
_SYLLABLE = LazyPattern(f"[\uac00-\ud7a3{HAN_CHARACTERS}]")


def _fold_hangul(char: str) -> str:
    """A Hangul syllable with the initial sound law applied (see the module docstring)."""
    code = ord(char) - _HANGUL_FIRST
    initial, rest = divmod(code, _MEDIALS_BY_INITIAL)
    medial = rest // _FINALS
    if initial == _INITIAL_R:
        initial = _INITIAL_SILENT if medial in _I_VOWELS else _INITIAL_N
    elif initial == _INITIAL_N and medial in _I_VOWELS:
        initial = _INITIAL_SILENT
    return chr(_HANGUL_FIRST + initial * _MEDIALS_BY_INITIAL + rest)


def fold(char: str) -> str:
    """One written syllable as ``written_syllables`` compares it."""
    if _HANGUL_FIRST <= ord(char) <= _HANGUL_LAST:
        return _fold_hangul(char)
    return simplified(char)


def written_syllables(text: str, token_count: int) -> tuple[str, ...]:
    """The Hangul syllables and Han characters of ``text``, folded (``fold``), one
    per token, when it has one per token; else empty (other words beside them)."""
    chars = _SYLLABLE.findall(text)
    if len(chars) != token_count:
        return ()
    return tuple(fold(char) for char in chars)
