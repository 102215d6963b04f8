"""Normalise names to comparable ASCII token sequences.

Steps: Unicode NFKC; apostrophes and breve/diacritic marks dropped (``Cho'ng``,
``Cho’ng`` and ``Chŏng`` all become ``chong``); every script transliterated to
Latin with ``anyascii`` (pure Python, no ICU, covers all of Unicode; preferred to
``unidecode`` for its per-script romanisation and its permissive licence);
case folded; every other punctuation mark becomes a token break.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

# Marks written inside romanised names that carry no letter: apostrophes of
# McCune-Reischauer (Cho'ng), the Arabic ayn/hamza transcriptions (Ja'far, `Ali)
# and their typographic twins.  Removing them, rather than splitting on them,
# keeps "Cho'ng" one token.
_APOSTROPHES = re.compile("['`´ʹʺʻʼʽʾʿˈˊˋ‘’‛′‵]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]+")

# Maximum number of distinct raw strings whose normalisation is memoised:
# transaction files repeat counterparties, and 2**16 strings cost a few MB.
NORMALISE_CACHE_SIZE = 1 << 16


@dataclass(frozen=True, slots=True)
class PreparedName:
    """A name ready for comparison."""

    original: str
    normalised: str  # tokens joined by single spaces
    tokens: tuple[str, ...]

    @property
    def joined(self) -> str:
        """The tokens without separators: ``jong sik`` and ``jongsik`` agree here."""
        return "".join(self.tokens)


def _romanise_hangul(match: re.Match[str]) -> str:
    """Korean names: surname syllable apart from the given name, as Latin listings write them.

    anyascii romanises Hangul syllable by syllable (Revised Romanisation); a
    Korean full name written without spaces is a one-syllable surname followed by
    the given name, so ``김정식`` becomes ``Gim JeongSig``.
    """
    word = match.group(0)
    start = match.start()
    preceded_by_letter = start > 0 and match.string[start - 1].isalpha()
    if len(word) in (3, 4) and not preceded_by_letter:
        return f"{anyascii(word[0])} {anyascii(word[1:])} "
    return anyascii(word) + " "


@lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def normalise(text: str) -> str:
    """Normalised form of a name: lower-case ASCII tokens separated by single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _APOSTROPHES.sub("", text)
    if not text.isascii():
        text = _HANGUL_SYLLABLE.sub(_romanise_hangul, text)
        text = anyascii(text)
        text = _APOSTROPHES.sub("", text)
    return " ".join(_NON_ALNUM.split(text.lower())).strip()


def tokenise(text: str) -> tuple[str, ...]:
    return tuple(token for token in normalise(text).split(" ") if token)


def prepare_name(text: str) -> PreparedName:
    tokens = tokenise(text)
    return PreparedName(original=text, normalised=" ".join(tokens), tokens=tokens)
