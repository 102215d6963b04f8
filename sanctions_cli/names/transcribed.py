"""Foreign names written in Hangul, katakana, Chinese characters, Hebrew or Arabic
script, read back into the Latin letters they were transcribed from, by a table
learnt from data.

A foreign name written in another script is spelled by its sounds: ``토비어스
멘지스`` (Tobias Menzies), ``ドナルド・トランプ`` (Donald Trump), ``唐纳德·特朗普``,
``ג'ורג' דיוק`` (George Duke).  The rules of ``normalise`` read the letters as the
script's own romanisation does (``tobieoseu menjiseu``), and the scorer's loose
consonants (``matching.scorer.LOOSE_CONSONANT_SCRIPTS``) absorb part of the
distance; what they cannot restore is how a Latin name is *spelled* (``-ies`` for
지스, ``ck`` for 크, ``ph`` for ㅍ, Hebrew's unwritten vowels).  No library reads
transcriptions back: transliteration libraries (anyascii, ICU, rigour's) go from
a script to its own romanisation.

So ``TranscriptionTable`` is learnt, by ``benchmarks/train_transcriptions.py``, from
Wikidata people and name words written in Latin letters and in each script
(``../shared/data/names/transliteration``, CC0; for Arabic script also name
words mined from Wikipedia by Google, Apache-2.0; a fifth of them held out for the
evaluation): each word is cut into units (``units``: a Hangul syllable's jamo, a
kana, a Han character, a Hebrew letter with its geresh, an Arabic letter without
its vowel marks), every unit is aligned
with the Latin letters it stands for (Viterbi EM), and the table keeps, for each
unit and each unit with its neighbours, how often each spelling stood for it, and
for each word written at least twice, how often each spelling stood for the
whole word (``word_context``: a name's usual spellings, محمد Mohamed, Mohammed,
Muhammad, where its letters alone would read "mahmad").
``readings`` spells a name's words with the likeliest spellings in their context,
the few best spellings of the whole name (``READINGS``), which the matcher searches
as names in Latin letters (``normalise.script_readings``).

The table is package data, a file per script (``transcribed-hangul.tsv`` ...) and
one of the letters, read on the first name of the script.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# The scripts of the table, by the name the table file uses.
HANGUL = "hangul"
KATAKANA = "katakana"
HAN = "han"
HEBREW = "hebrew"
ARABIC = "arabic"
SCRIPTS = (HANGUL, KATAKANA, HAN, HEBREW, ARABIC)

# A word's unit at its start and end: the context symbol of "no neighbour".
START = "^"
END = "$"
# The table's spelling of "no letters" (a unit that writes nothing the Latin
# spelling has: Hangul's initial ㅇ and added 으, katakana's long-vowel mark).
EMPTY = "-"

# How many spellings of a name are searched: the best and the next ones.  Each is
# one more search; the second and third catch most of the words whose first
# spelling was a vowel or a doubled letter away (measured on the held-out fifth).
READINGS = 3
# Spellings kept per word while the best of the whole name are made.
WORD_BEAM = 6
# Weight of the wider context's back-off in ``_distribution`` (Witten-Bell-like
# additive smoothing): a context seen this many times counts as much as its
# back-off.  Small: a context seen twice already says more than the unit alone.
BACKOFF_WEIGHT = 1.0
# Fewest letters of a word's spelling (``min_letters``).  Measured on the training
# words: 1.2% of Hangul words, 0.8% of Hebrew, 0.08% of katakana and Chinese
# have fewer letters than ``min_letters`` allows.
MIN_WORD_LETTERS = 3
# A word the table learnt whole (``word_context``) is spelled as the names learnt
# from spelled it, and by its units with this much weight against its count
# (Witten-Bell-like): a word seen once is as likely either way, محمد (seen 1,258
# times as Mohamed, Mohammed, Muhammad ...) not read "mahmad" by its letters.
LEXICON_BACKOFF = 1.0
# The "previous unit" of a word learnt whole, which no unit is.
WORD_MARK = "*"
# Spellings of a unit less likely than this are not tried.
MIN_PROBABILITY = 0.02
# Weight of the letters' own likelihood (``TranscriptionTable.letter_log_probability``:
# how Latin names are spelled, "michael" rather than "machael") against the
# units' spellings in a word's score.
LETTERS_WEIGHT = 0.3
# Letters of context of that likelihood: a letter after the two before it.
LETTERS_ORDER = 2
# Additive smoothing of the letters' likelihood towards the shorter context.
LETTERS_BACKOFF = 2.0
# The letters' section of the table, and the end of a word in it.
LETTERS = "letters"
WORD_END = "$"

_HANGUL_FIRST, _HANGUL_LAST = "\uac00", "\ud7a3"
# Hebrew points and cantillation, dropped; the geresh and its stand-ins, kept
# with the letter before (ג' is j, צ' ch).
_HEBREW_MARKS = re.compile("[\u0591-\u05c7]")
_HEBREW_GERESH = "\u05f3'\u2019`\u00b4"
_NO_GERSHAYIM = str.maketrans("", "", '\u05f4"')
# Arabic script: the short-vowel marks (harakat), shadda, sukun, the dagger alef
# and the tatweel, dropped (most names are written without them, and the table
# learnt from such); the letters Persian and Urdu write in their own shapes, as
# the Arabic letters they are (Persian ی, ک: the Arabic ي, ك; Urdu ہ, ے: ه, ي).
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_ARABIC_SHAPES = str.maketrans(
    {
        "\u06cc": "\u064a",
        "\u06a9": "\u0643",
        "\u06c1": "\u0647",
        "\u06be": "\u0647",
        "\u06d2": "\u064a",
    }
)
# What parts a name's words: spaces, the middle dots of Chinese and katakana, the
# katakana double hyphen, hyphens and the Hebrew maqaf.
_WORD_SPLIT = re.compile("[\\s\u00b7\u30fb\u2027\u2022\u30a0=\\-\u2010-\u2015\u05be]+")


def units(word: str, script: str) -> list[str]:
    """``word`` cut into the units the table spells: a Hangul syllable as its jamo
    (initial and final consonants are distinct code points, so a unit knows its
    place), a Hebrew letter with its geresh (``ג'``), any other character alone."""
    if script == HANGUL:
        out: list[str] = []
        for char in word:
            if _HANGUL_FIRST <= char <= _HANGUL_LAST:
                out.extend(unicodedata.normalize("NFD", char))
            else:
                out.append(char)
        return out
    if script == HEBREW:
        out = []
        for char in _HEBREW_MARKS.sub("", word).translate(_NO_GERSHAYIM):
            if char in _HEBREW_GERESH:
                if out:
                    out[-1] += "'"
            else:
                out.append(char)
        return out
    if script == ARABIC:
        return list(
            _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", word)).translate(_ARABIC_SHAPES)
        )
    return list(unicodedata.normalize("NFKC", word))


def script_words(text: str) -> list[str]:
    """The words of a name as a transcription writes them apart: spaces, middle
    dots (Chinese, katakana), hyphens."""
    return [word for word in _WORD_SPLIT.split(text) if word]


# A context of the table: (script, previous unit, unit, next unit), ``""`` for a
# neighbour not looked at; the letters' contexts are ``(LETTERS, letters, "", "")``.
Context = tuple[str, str, str, str]


@dataclass(frozen=True)
class TranscriptionTable:
    """How often each spelling stood for a unit in each context, as written in the
    table file (``spelling:count spelling:count ...``; ``EMPTY`` for no letters),
    parsed when a context is first looked up (``counts``): a screening run meets a
    few hundred of its 70,000 contexts.  A unit's contexts are ``("", u, "")``,
    ``(p, u, "")``, ``("", u, n)`` and ``(p, u, n)``; the letters' contexts hold how
    often each letter (or ``WORD_END``) followed up to ``LETTERS_ORDER`` letters
    (``START`` before a word's first) in the Latin names learnt from; a word
    learnt whole is the context ``(WORD_MARK, its units joined, "")``."""

    entries: dict[Context, str]
    _parsed: dict[Context, dict[str, int] | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    _letter_memo: dict[tuple[str, str], float] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def from_counts(
        cls,
        counts: dict[str, dict[tuple[str, str, str], dict[str, int]]],
        letters: dict[str, dict[str, int]],
    ) -> TranscriptionTable:
        """The table of counts per script and context, and of the letters."""
        entries: dict[Context, str] = {}
        for script, table in counts.items():
            for (previous, unit, following), spellings in table.items():
                entries[(script, previous, unit, following)] = _items(spellings)
        for context, following_letters in letters.items():
            entries[(LETTERS, context, "", "")] = _items(following_letters)
        return cls(entries)

    @classmethod
    def parse(cls, lines: Iterable[str]) -> TranscriptionTable:
        """The table from its file: ``script TAB previous TAB unit TAB next TAB
        spelling:count spelling:count ...`` per line (``#`` lines are comments)."""
        entries: dict[Context, str] = {}
        for line in lines:
            if line and not line.startswith("#"):
                script, previous, unit, following, items = line.split("\t")
                entries[(script, previous, unit, following)] = items
        return cls(entries)

    def lines(self) -> list[str]:
        """The table as its file's lines (``parse`` reads them back)."""
        return ["\t".join((*context, items)) for context, items in sorted(self.entries.items())]

    def counts(self, context: Context) -> dict[str, int] | None:
        """The counts of one context, None when the table does not hold it."""
        try:
            return self._parsed[context]
        except KeyError:
            pass
        items = self.entries.get(context)
        found = (
            None
            if items is None
            else {
                spelling: int(count)
                for spelling, _, count in (item.rpartition(":") for item in items.split(" "))
            }
        )
        self._parsed[context] = found
        return found

    def set_entry(self, context: Context, items: str | None) -> str | None:
        """Put (or, with None, take out) one context's counts, as the file writes
        them; its former ones, or None.  For the training's pruning."""
        former = self.entries.pop(context, None)
        if items is not None:
            self.entries[context] = items
        self._parsed.pop(context, None)
        return former

    def letter_log_probability(self, context: str, letter: str) -> float:
        """Log probability of ``letter`` (or ``WORD_END``) after ``context`` in a
        Latin name: the counts of the last ``LETTERS_ORDER`` letters, smoothed
        towards those of fewer (``LETTERS_BACKOFF``), the single letters towards
        all letters alike.  0 (no weight) when the table has no letters."""
        key = (context[-LETTERS_ORDER:], letter)
        known = self._letter_memo.get(key)
        if known is None:
            known = math.log(self._letter_probability(*key))
            self._letter_memo[key] = known
        return known

    def _letter_probability(self, context: str, letter: str) -> float:
        if context:
            backoff = self._letter_probability(context[1:], letter)
        else:
            backoff = 1.0 / len(self.counts((LETTERS, "", "", "")) or "-")
        seen = self.counts((LETTERS, context, "", ""))
        if not seen:
            return backoff
        return (seen.get(letter, 0) + LETTERS_BACKOFF * backoff) / (
            sum(seen.values()) + LETTERS_BACKOFF
        )

    def distribution(
        self, script: str, previous: str, unit: str, following: str
    ) -> dict[str, float]:
        """The probability of each spelling of ``unit`` between its neighbours: the
        widest context seen, smoothed towards the narrower ones (``BACKOFF_WEIGHT``).
        A unit never seen spells as nothing known: an empty distribution."""
        probability = _smoothed(self.counts((script, "", unit, "")), {})
        if not probability:
            return {}
        left = _smoothed(self.counts((script, previous, unit, "")), probability)
        right = _smoothed(self.counts((script, "", unit, following)), probability)
        sides = {
            spelling: (left.get(spelling, 0.0) + right.get(spelling, 0.0)) / 2
            for spelling in left.keys() | right.keys()
        }
        return _smoothed(self.counts((script, previous, unit, following)), sides)

    def spellings(self, word: str, script: str, count: int = WORD_BEAM) -> list[tuple[str, float]]:
        """The ``count`` likeliest Latin spellings of one word, with their log
        probability, best first; empty when a unit of it was never seen."""
        cut = units(word, script)
        beam: list[tuple[float, str]] = [(0.0, START)]
        for position, unit in enumerate(cut):
            previous = cut[position - 1] if position else START
            following = cut[position + 1] if position + 1 < len(cut) else END
            options = [
                (math.log(p), "" if spelling == EMPTY else spelling)
                for spelling, p in self.distribution(script, previous, unit, following).items()
                if p >= MIN_PROBABILITY
            ]
            if not options:
                return []
            beam = heapq.nlargest(
                count,
                (
                    (score + gain + self._spelled(text, spelling), text + spelling)
                    for score, text in beam
                    for gain, spelling in options
                ),
            )
        best: dict[str, float] = {}
        least = min_letters(len(cut))
        known = self.counts((script, *word_context("".join(cut))))
        total = sum(known.values()) if known else 0
        share = math.log(LEXICON_BACKOFF / (total + LEXICON_BACKOFF))
        usual = max(known.values()) if known else 0
        for spelling, seen in (known or {}).items():
            # A spelling learnt whole is held to the beam's fewest letters too,
            # unless it is the word's usual one (השני "the second" is "ii"): a name
            # aligned with a regnal number once (גמליאל "ii", beside "gamliel"
            # five times) is no reading of the word.
            if len(spelling) >= least or seen == usual:
                best[spelling] = math.log(seen / (total + LEXICON_BACKOFF))
        for score, text in beam:
            ended = score + LETTERS_WEIGHT * self.letter_log_probability(text, WORD_END) + share
            if len(text) > least and text[1:] not in best:
                best[text[1:]] = ended
        return sorted(best.items(), key=lambda kv: -kv[1])[:count]

    def _spelled(self, text: str, spelling: str) -> float:
        """The letters' log likelihood of ``spelling`` written after ``text``."""
        total = 0.0
        for letter in spelling:
            total += self.letter_log_probability(text, letter)
            text += letter
        return LETTERS_WEIGHT * total


def word_context(word: str) -> tuple[str, str, str]:
    """The context (previous, unit, next) under which the table holds how a whole
    word (its units joined) was spelled."""
    return (WORD_MARK, word, "")


def min_letters(unit_count: int) -> int:
    """The fewest letters a spelling of a word of ``unit_count`` units may have:
    one for every two units, at least ``MIN_WORD_LETTERS`` (or one a unit, for
    shorter words).  A spelling shorter than that leaves sounds unwritten, and
    such a short word hardly counts against a listed name without it: ``האו``
    spelled "ho" made ``George Ho``, whom a listed ``George`` meets at 91."""
    return min(unit_count, max(MIN_WORD_LETTERS, math.ceil(unit_count / 2)))


def _items(counts: dict[str, int]) -> str:
    """Counts as the table file writes them, the most frequent first."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return " ".join(f"{spelling}:{count}" for spelling, count in ranked)


def _smoothed(counts: dict[str, int] | None, backoff: dict[str, float]) -> dict[str, float]:
    """``counts`` as probabilities, mixed with ``backoff`` by ``BACKOFF_WEIGHT``."""
    if not counts:
        return backoff
    total = sum(counts.values())
    weight = BACKOFF_WEIGHT if backoff else 0.0
    keys = counts.keys() | backoff.keys()
    return {
        key: (counts.get(key, 0) + weight * backoff.get(key, 0.0)) / (total + weight)
        for key in keys
    }


def table_file(part: str) -> str:
    """The package file of one script's part of the table (or of ``LETTERS``)."""
    return f"transcribed-{part}.tsv"


@lru_cache(maxsize=len(SCRIPTS))
def table(script: str) -> TranscriptionTable:
    """The package's table of ``script`` and of the letters, read on first use: a
    script's part is read alone (some 20 ms), as a run meets one or two scripts."""
    lines: list[str] = []
    for part in (LETTERS, script):
        path = resources.files(__package__).joinpath(table_file(part))
        lines += path.read_text("utf-8").splitlines()
    return TranscriptionTable.parse(lines)


def readings(text: str, script: str, count: int = READINGS) -> tuple[str, ...]:
    """The ``count`` likeliest Latin spellings of a name written in ``script``
    (one of ``SCRIPTS``), its words spelled in their context and the name's best
    combinations of them, best first: ``ドナルド・トランプ`` -> ``donald trump``, ...
    Empty when a word has a unit the table never saw (a word of another script).
    A word of marks alone (an Arabic tatweel) is no word."""
    words = [word for word in script_words(text) if units(word, script)]
    if not words:
        return ()
    spelled = [table(script).spellings(word, script) for word in words]
    if not all(spelled):
        return ()
    beam: list[tuple[float, tuple[str, ...]]] = [(0.0, ())]
    for options in spelled:
        beam = heapq.nlargest(
            count,
            (
                (score + gain, (*done, spelling))
                for score, done in beam
                for spelling, gain in options
            ),
        )
    return tuple(" ".join(done) for _score, done in beam)
