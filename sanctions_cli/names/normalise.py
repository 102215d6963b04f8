"""Normalise names to comparable ASCII token sequences, and prepare them for scoring.

Owns everything that turns a raw name into tokens:

* ``normalise``: Unicode NFKC; apostrophes and diacritics dropped (``Cho'ng``,
  ``Cho’ng`` and ``Chŏng`` all become ``chong``); every script transliterated to
  Latin: Han characters with ``pypinyin`` one syllable per token (``习近平`` ->
  ``xi jin ping``; anyascii would glue the syllables) unless the name is Japanese
  (kana, a kanji legal form: ``names.japanese``), Hangul syllable by syllable
  with the surname apart, Arabic script with its unwritten vowels restored
  roughly (see ``_restore_vowels``), Hebrew read with the vowels its letters
  write (``names.hebrew``), and the inherent vowel of the
  abugidas anyascii leaves without it (Thai, Lao, Khmer, Burmese:
  ``_romanise_bare_abugida``), Greek digraphs read as spoken,
  and everything else with ``anyascii`` (pure Python, covers all of Unicode,
  permissive licence); case folded; other punctuation becomes a token break,
  but a capital hyphenated to a word is part of it (``M-VITO`` is one word).
* ``tokenise``: token rules that make equal what is written differently: titles
  and honorifics removed from people's names, company legal forms canonicalised
  across languages to one class token (``llc``, ``jsc``, ``corp``, ``lp``),
  through a typo too (``Compnay``, ``Jint Stock Company``), glued to a word or split
  by a stray space (``GBDLIMITED``, ``JOINTSTOCK``, ``LIM ITED``), numbers written as
  words (through a typo in a long one: ``Twelfrh``), ordinals or Roman numerals
  turned into digits, Arabic articles and patronyms made one form
  (``el-``/``al-``/``ad-`` -> ``al``, ``ibn``/``ben`` -> ``bin``; ``al-Din``
  however written, ``Eddine``, ``Shahabuddin``, as the words it is), digits inside
  words read as the letters they were mistaken for (``Sech1n``), Korean surnames
  whose romanisations are too short to be matched fuzzily made one form
  (``Ri``/``Lee``/``Yi``/``Rhee``), and a Chinese name written in Wade-Giles read
  as pinyin (``Mao Tse-tung`` -> ``mao ze dong``: ``names.wadegiles``).
* ``readings``: the texts a name is searched as, its own and, for a name in kanji
  alone, its Japanese reading beside the pinyin (``names.japanese``), for a name
  mixing look-alike letters of Latin, Cyrillic and Greek, it in one script
  (``names.homoglyphs``).
* ``prepare_name``: a ``PreparedName`` with each token's kind and every
  comparison *option* (single tokens and compounds of adjacent tokens) with its
  views (``names.phonetic``) computed once, so scoring does no string work; a
  name of a payment field line's length flagged as possibly cut there
  (``FIELD_LINE_LENGTHS``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from anyascii import anyascii
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from . import (
    belarusian,
    chinese,
    company_words,
    hanja,
    hebrew,
    homoglyphs,
    indic,
    japanese,
    parties,
    persian,
    scanner,
    transcribed,
)
from .chinese import FOREIGN_HAN, pinyin_ascii
from .phonetic import identity, skeleton
from .syllables import written_syllables
from .wadegiles import as_pinyin

# Marks written inside romanised names that carry no letter: apostrophes of
# McCune-Reischauer (Cho'ng), the Arabic ayn/hamza transcriptions (Ja'far, `Ali)
# and their typographic twins.  Removing them, rather than splitting on them,
# keeps "Cho'ng" one token.
_APOSTROPHES = re.compile("['`´ʹʺʻʼʽʾʿˈˊˋ‘’‛′‵]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# A capital right after two small letters starts a word when a small letter
# follows it or it starts a run of capitals to the end of the word ("COMPaNY" is
# a typo, not two words): names typed without
# spaces keep their capitals ("SiemensAG", "SergeiLavrov"), while "GmbH" stays
# whole.  Compound options join the words again, so "McDonald" still meets
# "Mcdonald".  Latin letters of the name as written only: transliterations
# capitalise inside words ("OBShchESTVO").
_CAMEL_CASE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z]|[A-Z]{2,}\b)")
# A capital letter hyphenated to a word is part of it, not an initial: "M-VITO",
# "T-PLATFORMS", "X-HOLDING" are one word each ("M. Vito" is a person), while a
# letter after a hyphen or a dot ("Lashkar-e-Tayyiba", "J.-P.") and a small
# letter (the article of "Husam a-Shaykh") are left apart.  Compound options
# still join "M Vito" into "mvito".
_LETTER_PREFIX = re.compile(r"(?<![A-Za-z0-9.\-])([A-Z])-(?=[A-Za-z]{2})")
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]+")
_HAN = chinese.HAN_RUN
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
# Persian writes a zero-width non-joiner inside a word, between parts that must not
# join as letters (پزشک‌فر, Pezeshkfar), and often a space before the suffix پور
# ("son of": اکبر پور, Akbarpour): one word each, not two names.
_PERSIAN_JOINED = re.compile("\u200c|(?<=[\u0600-\u06ff])\\s+(?=پور(?![\u0600-\u06ff]))")
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]+")
# Thai, Lao, Khmer and Myanmar (Burmese): abugidas whose inherent vowel anyascii
# leaves out (see ``_romanise_bare_abugida``).
_BARE_ABUGIDA = re.compile("[\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]+")

# Maximum number of distinct raw strings whose normalisation is memoised:
# transaction files repeat counterparties, and 2**16 strings cost a few MB.
NORMALISE_CACHE_SIZE = 1 << 16

# Longest run of adjacent tokens joined into one comparison option.  Three lets
# ``A.B.C.`` meet ``ABC``, ``abd al aziz`` meet ``Abdulaziz`` and ``xi jin ping``
# meet ``Xi Jinping``; four would add options for no case seen in the data.
MAX_COMPOUND_TOKENS = 3

TokenKind = Literal["word", "number", "legal", "particle", "initial"]


@dataclass(frozen=True, slots=True)
class NameOption:
    """One comparison unit of a name: a token or a compound of adjacent tokens.

    ``mask`` has bit ``i`` set for each token ``i`` covered; ``views`` are the
    texts under every function of ``phonetic.TOKEN_VIEW_FUNCTIONS``, in order.
    """

    text: str
    mask: int
    views: tuple[str, ...]
    kind: TokenKind  # kind of the token; "word" for compounds


@dataclass(frozen=True, slots=True)
class PreparedName:
    """A name ready for comparison."""

    original: str
    normalised: str  # tokens joined by single spaces
    tokens: tuple[str, ...]
    kinds: tuple[TokenKind, ...] = ()
    options: tuple[NameOption, ...] = ()
    # The script the name was written in when it was not Latin ("HANGUL",
    # "CJK", "CYRILLIC", "ARABIC" ...): two names of one such script spelled
    # differently differ in that script, whatever their romanisations share.
    script: str = ""
    # Bit i set when token i is the surname, as the list wrote it: before the comma
    # of "SURNAME, Given", or in capitals among mixed-case words ("KIM Jong Sik").
    # Only the listed name's counts in scoring, so it takes no part in equality:
    # "Kim, Jong" and "KIM JONG" screened are one search.
    surname_mask: int = field(default=0, compare=False)
    # True when a title or honorific was dropped from the name ("President Putin",
    # "Mr Smith"): a title and one name are how a known person is referred to by
    # surname, unlike one word alone.
    titled: bool = False
    # True for a listed name of an entry that is not a person (a company, a
    # vessel): what the list says of the entity, whatever the name's words.
    entity_organisation: bool = False
    # True for a listed name of a vessel, whose name is the whole of it: a word of
    # it in a longer screened name is someone else's ("Linda Ali" / LINDA).
    entity_vessel: bool = False
    # Masks of the tokens of each word written with hyphens ("Tong-ho",
    # "Hans-Peter", "Bashir-Ud-Din"): one name in several tokens.  Like the
    # surname, only the listed name's count, so they take no part in equality.
    hyphen_groups: tuple[int, ...] = field(default=(), compare=False)
    # A name of a script that writes a syllable a character (Hangul, Han): each
    # token's character, as written (``syllables.written_syllables``); empty
    # otherwise.  Two names of one such script compare them, not their readings;
    # so they take part in equality (김정은 and 김종은 are two searches).
    syllables: tuple[str, ...] = ()
    # A reading of a name in its own script spelled otherwise (``same_script_
    # alternatives``: the Persian, Belarusian, Hebrew, Indic readings): it is meant
    # for names of other scripts, and is compared with none of its own.
    alternative: bool = False
    # True when the name has the length of a payment field's line
    # (``FIELD_LINE_LENGTHS``), or its reading's original has: it may have been cut
    # there, its last word a part and the words after it lost.  Only the screened
    # name's counts in scoring.
    truncated: bool = False
    # True for a reading of a name in Latin letters with pairs of letters a
    # scanner makes of one read as that one (``scanner.scanner_readings``: Karirn,
    # Karim): a guess at the name, which costs its hits a little.
    scanned: bool = False
    # True when the name as written has a digit (``1968``; its number of ``Seven``
    # or ``III`` is written as a word): a number beside a listed person's name may
    # be no part of the name (``scorer.numbers_waived``).  Only the screened name's
    # counts in scoring.
    written_digits: bool = False
    # "female" or "male" when the screened name starts with an honorific that says
    # so ("Mrs", "Herr", "Sra.", "г-жа", "المهندسة": ``title_gender``), else "": a
    # person's title, which a vessel or a company does not take, and a gender the
    # listed person's may contradict (``matching.secondary.title_adjustment``).
    title_gender: str = ""
    # For a reading of a name written in another script as the Latin spellings it
    # likeliest transcribes (``names.transcribed``: 조시 "joshi", Josh), the script
    # of the table that read it (``transcribed.HANGUL`` ...), else "": a guessed
    # spelling, not one a person wrote.
    transcribed: str = field(default="", compare=False)

    @property
    def is_organisation(self) -> bool:
        """True when the name carries a company legal form, or is listed for one."""
        return self.entity_organisation or "legal" in self.kinds

    @property
    def joined(self) -> str:
        """The tokens without separators: ``jong sik`` and ``jongsik`` agree here."""
        return "".join(self.tokens)


# --- scripts ---------------------------------------------------------------


# Romanisation of Hangul syllables: the consonants of Revised Romanisation (the
# South Korean standard, which anyascii does not follow for finals: "박" is "bak",
# not "bag") with the vowels of McCune-Reischauer without breves (o for 어/오, u
# for 으/우), as North Korean names are listed: 김정은 is "Kim Jong Un".  The
# phonetic skeleton brings the other spellings (Jeong, Eun, Pyeong) together.
_RR_INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "-",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_RR_MEDIALS = [
    "a",
    "ae",
    "ya",
    "yae",
    "o",
    "e",
    "yo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "u",
    "ui",
    "i",
]
_RR_FINALS = [
    "",
    *[
        "k",
        "k",
        "k",
        "n",
        "n",
        "n",
        "t",
        "l",
        "k",
        "m",
        "l",
        "l",
        "l",
        "p",
        "l",
        "m",
        "p",
        "p",
        "t",
        "t",
        "ng",
        "t",
        "t",
        "k",
        "t",
        "p",
        "t",
    ],
]

# Surname syllables that Latin listings write otherwise (이 "I" is Ri/Lee/Yi,
# 임 "Im" Rim/Lim, 유 "Yu" Ryu/Yoo).
_HANGUL_SURNAMES = {"i": "ri", "im": "rim", "yu": "ryu"}


def _romanise_syllable(char: str) -> str:
    index = ord(char) - 0xAC00
    initial, rest = divmod(index, 21 * 28)
    medial, final = divmod(rest, 28)
    head = _RR_INITIALS[initial].replace("-", "")
    return head + _RR_MEDIALS[medial] + _RR_FINALS[final]


def _romanise_hangul(match: re.Match[str]) -> str:
    """Korean names: one token per syllable (see ``_RR_MEDIALS``).

    Latin listings write a Korean given name as one word, two, or hyphenated
    (``Jongsik``, ``Jong Sik``, ``Jong-sik``): syllable tokens meet every form
    (compounds join them), and a given name that differs in one syllable is seen
    to differ.  A name of three or four syllables starts with the surname.
    """
    word = match.group(0)
    syllables = [_romanise_syllable(char) for char in word]
    start = match.start()
    preceded_by_letter = start > 0 and match.string[start - 1].isalpha()
    if len(word) in (3, 4) and not preceded_by_letter:
        syllables[0] = _HANGUL_SURNAMES.get(syllables[0], syllables[0])
    return " " + " ".join(syllables) + " "


# Loanwords and foreign names written in Hangul (블라디미르 "Vladimir", 트럼프
# "Trump") are spelled with a vowel 으 where the foreign word has a bare
# consonant, a syllable a Korean name hardly ever contains unless closed by a
# consonant (은, 음).  A word with such an open 으 syllable, or of more syllables
# than a Korean name has, marks the whole name as foreign.
_HANGUL_EU = 18  # index of the vowel 으 among the medials
HANGUL_NAME_MAX_SYLLABLES = 4


def _hangul_parts(char: str) -> tuple[int, int, int]:
    index = ord(char) - 0xAC00
    initial, rest = divmod(index, 21 * 28)
    medial, final = divmod(rest, 28)
    return initial, medial, final


# A Korean name written in words puts its surname first, one syllable but for
# these few of two (Namgung, Jegal, Seonu, Hwangbo, Dokgo, Sagong, Seomun): a
# name whose first word has two syllables or more and is none of them is foreign
# (카린 페리, Karine Ferri).  Measured on 2,000 Wikidata names written in Hangul
# and Latin (mostly foreign): 28% matched at 85 before, 40% with this.
KOREAN_COMPOUND_SURNAMES = frozenset(("남궁", "제갈", "선우", "황보", "독고", "사공", "서문"))
# After the surname, a Korean name written in words has given names of one or two
# syllables: a later word of more is a foreign name's (존 케이식, John Kasich).
KOREAN_GIVEN_NAME_MAX_SYLLABLES = 2

# Korean legal forms (주식회사 한빛, (주) 한빛: Hanbit Co., Ltd.) mark a Korean
# company, whose name is Korean words, loanwords among them, joined in long words
# (제나겨레연구소): none of the signs of a foreign person's name below applies.
KOREAN_LEGAL_FORMS = frozenset(
    ("주식회사", "유한회사", "유한책임회사", "합자회사", "합명회사", "사단법인", "재단법인")
)


def is_foreign_hangul(text: str) -> bool:
    """True when a Hangul name is a foreign name transcribed (see ``_HANGUL_EU``)."""
    words = _HANGUL_SYLLABLE.findall(text)
    abbreviated = company_words.KOREAN_LEGAL_ABBREVIATION.search(text)
    if abbreviated or KOREAN_LEGAL_FORMS.intersection(words):
        return False
    if len(words) >= 2 and len(words[0]) >= 2 and words[0] not in KOREAN_COMPOUND_SURNAMES:
        return True
    if len(words) >= 2 and any(len(word) > KOREAN_GIVEN_NAME_MAX_SYLLABLES for word in words[1:]):
        return True
    for word in words:
        if len(word) > HANGUL_NAME_MAX_SYLLABLES:
            return True
        if any(_hangul_parts(c)[1:] == (_HANGUL_EU, 0) for c in word):
            return True
    return False


def _romanise_foreign_hangul(match: re.Match[str]) -> str:
    """A foreign name in Hangul as one token per word, its added 으 vowels dropped.

    ``블라디미르`` -> ``bladimir``: 블 is b-(으)-l and a final ㄹ before an initial
    ㄹ is one "l".
    """
    out: list[str] = []
    previous_final = 0
    for char in match.group(0):
        initial, medial, final = _hangul_parts(char)
        head = _RR_INITIALS[initial].replace("-", "")
        if head == "r" and previous_final == 8:  # final ㄹ + initial ㄹ: "ll"
            head = ""
        vowel = "" if medial == _HANGUL_EU else _RR_MEDIALS[medial]
        out.append(head + vowel + _RR_FINALS[final])
        previous_final = final
    return " " + "".join(out) + " "


def _romanise_han(match: re.Match[str]) -> str:
    """Chinese characters as pinyin without tones, one token per syllable."""
    return _pinyin(match.group(0))


@lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def _pinyin(han: str) -> str:
    # Memoised per run of characters: surnames and given names recur.  Imported
    # here: pypinyin loads its phrase dictionary on import (0.15 s), which only
    # names written in Han characters need.
    from pypinyin import lazy_pinyin

    return " " + " ".join(pinyin_ascii(s) for s in lazy_pinyin(han)) + " "


def load_readers() -> None:
    """Load the dictionaries of the Han readers now, not at the first name written in
    Han characters: pypinyin's phrases (0.7 s of CPU on the first name read) and
    pykakasi's kanji (1 s, when installed).  A process that forks workers calls it
    first, so that the workers share one copy, loaded once, instead of each loading
    its own (on 3,000 distinct names, two workers spent 1.4 s of their 12 s so).
    The transcription tables too (``names.transcribed``: some 45 MB for the five
    scripts, 0.25 s), which a worker would otherwise read on its first name of each
    script."""
    _pinyin("\u4e2d")  # 中
    japanese.kanji_reader_available()
    for script in transcribed.SCRIPTS:
        transcribed.table(script)


# Digraphs of consonants that anyascii writes for one Arabic (or Persian: "ch")
# letter.  A letter's digraph is one consonant: no vowel is guessed inside it
# ("چنگیز" is "chanagiz", not "cahanagiz").
_ABJAD_DIGRAPHS: tuple[str, ...] = ("kh", "sh", "th", "dh", "gh", "zh", "ch")
_ABJAD_VOWEL_LETTERS = {"w": "u", "y": "i", "v": "u"}
# Greek digraphs read as spoken: "ου" is u, "ντ" d, "μπ" b, "γκ" g.
_GREEK_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("ου", "u"),
    ("ΟΥ", "U"),
    ("Ου", "U"),
    ("ντ", "d"),
    ("ΝΤ", "D"),
    ("Ντ", "D"),
)
_GREEK_DIGRAPHS += (("μπ", "b"), ("ΜΠ", "B"), ("Μπ", "B"), ("γκ", "g"), ("ΓΚ", "G"), ("Γκ", "G"))
# Chi is kh in the names Greek transcribes (Χαμενεΐ Khamenei, Χρουστσόφ
# Khrushchev), where anyascii writes "ch".
_GREEK_DIGRAPHS += (("χ", "kh"), ("Χ", "Kh"))
# Armenian writes u with two letters (ու): anyascii reads them "ow" (Պուտին Putin).
_ARMENIAN_U = re.compile("[ոՈ][ւՒ]")


def _units(word: str, digraphs: tuple[str, ...]) -> list[str]:
    """The letters of a romanised word, each digraph of ``digraphs`` one unit."""
    units: list[str] = []
    i = 0
    while i < len(word):
        if word[i : i + 2] in digraphs:
            units.append(word[i : i + 2])
            i += 2
        else:
            units.append(word[i])
            i += 1
    return units


def _restore_vowels(units: list[str]) -> str:
    """Guess the vowels Arabic script leaves unwritten, in a word's units.

    ``w``/``y`` (waw/ya) between consonants or at the end are vowels (u, i); any
    other two adjacent consonants get an ``a`` between them, the most frequent
    short vowel.  ``mhmd`` -> ``mahamad``, ``bwtyn`` -> ``butin``: the phonetic
    skeleton collapses vowels, so a rough guess is enough to meet the Latin
    spellings.
    """
    out: list[str] = []
    vowels = "aeiou"
    for index, unit in enumerate(units):
        prev_is_consonant = index > 0 and out[-1][-1] not in vowels
        nxt = units[index + 1] if index + 1 < len(units) else ""
        if (
            unit in _ABJAD_VOWEL_LETTERS
            and index > 0
            and prev_is_consonant
            and (not nxt or nxt[0] not in vowels)
        ):
            out.append(_ABJAD_VOWEL_LETTERS[unit])
            continue
        if prev_is_consonant and unit[0] not in vowels and unit not in "'`":
            out.append("a")
        if unit in "'`":
            # hamza/ayn: at the start of a word it carries a vowel.
            if index == 0:
                out.append("a")
            continue
        out.append(unit)
    return "".join(out)


# Words of Arabic names read as their Latin spellings always write them, not with
# guessed vowels: the patronymic particles (son, daughter of: "bin" as every other
# form of it, ``PARTICLES``) and 'abd (servant of) of Abd al-Rahman, Abdullah, read
# "abad" otherwise, which no Latin spelling has.
_ABJAD_WORDS = {
    "بن": "bin",
    "ابن": "bin",
    "إبن": "bin",
    "ولد": "bin",  # Mauritanian "Ould"
    "بنت": "bint",
    "عبد": "abd",
}
# Words 'abd starts when written joined to the name it serves (عبدالله, Abdullah).
_ABJAD_PREFIX = "عبد"


def _romanise_abjad(match: re.Match[str]) -> str:
    text = match.group(0)
    if text in _ABJAD_WORDS:
        return " " + _ABJAD_WORDS[text] + " "
    if len(text) > 3 and text.startswith("ال"):
        # The Arabic article written joined: "السوداني" is "al-Sudani".
        return " al " + _romanise_abjad_word(text[2:])
    if len(text) > len(_ABJAD_PREFIX) + 1 and text.startswith(_ABJAD_PREFIX):
        rest = _romanise_abjad_word(text[len(_ABJAD_PREFIX) :]).strip()
        return " " + _ABJAD_WORDS[_ABJAD_PREFIX] + rest + " "
    return _romanise_abjad_word(text)


def _romanise_abjad_word(text: str) -> str:
    """An abjad word letter by letter: a digraph is one letter's romanisation, never
    two letters' (ש "s" and ה "h" of משה are no "sh"; ط "t" and ه "h" of طه no
    "th")."""
    units = [
        unit
        for index, letter in enumerate(text)
        for unit in _units(_abjad_letter(letter, index), _ABJAD_DIGRAPHS)
    ]
    return " " + _restore_vowels(units) + " "


def _abjad_letter(letter: str, index: int) -> str:
    """One abjad letter romanised.  A bare alif, which anyascii drops, is the long
    vowel a inside a word and carries the first vowel at its start, as a hamza
    does (احمد is Ahmad, ابراهيم Ibrahim: without it they read "hamad", "barahim");
    with a hamza below it is an i."""
    if letter == "ا":
        return "'" if index == 0 else "a"
    if letter == "إ":  # a hamza under the alif: its vowel is i (إبراهيم, Ibrahim)
        return "i"
    return anyascii(letter).lower()


# Consonant digraphs of the romanisations anyascii gives Thai, Lao, Khmer and
# Burmese (RTGS and the like): one consonant each.
_ABUGIDA_DIGRAPHS: tuple[str, ...] = ("kh", "ch", "th", "ph", "ng", "ny", "sh", "gn")
# Second consonants of the initial clusters these scripts write without a vowel
# between (Thai ปร "pr", กล "kl", ขว "khw"; Khmer វ្ល "vl").
_CLUSTER_SECONDS = frozenset(("r", "l", "w"))
# Thai thanthakhat and the Lao cancellation mark: the consonant they sit on is
# silent (ประยุทธ์ "Prayut", ยิ่งลักษณ์ "Yinglak").
_SILENCED_CONSONANT = re.compile(".[\u0e4c\u0ecc]")


def _restore_inherent_vowels(word: str) -> str:
    """The inherent vowel an abugida does not write, where a word's syllables need
    it: before the first written vowel, or in a word that writes none.

    Those consonants make syllables from the end (the last one, or a cluster, is
    the onset of the written vowel): a pair is a syllable closed by its second
    consonant, with the inherent "o" of closed syllables, and a consonant left over
    an open syllable with "a" (Thai สมชาย "smchay" -> "somchay", นคร "nkhr" ->
    "nakhor"; Khmer ពត "pt" -> "pot").  Anywhere else a written vowel is near.
    """
    units = _units(word, _ABUGIDA_DIGRAPHS)
    first = next((i for i, unit in enumerate(units) if unit[0] in "aeiou"), len(units))
    head, rest = units[:first], units[first:]
    if rest and head:
        onset = 2 if len(head) >= 2 and head[-1] in _CLUSTER_SECONDS else 1
        head, rest = head[:-onset], head[-onset:] + rest
    syllables: list[str] = []
    while len(head) >= 2:
        syllables.insert(0, head[-2] + "o" + head[-1])
        head = head[:-2]
    if head:
        syllables.insert(0, head[0] + "a")
    return "".join(syllables) + "".join(rest)


# A Burmese syllable closed by a final consonant (the consonant with an asat, U+103A,
# after it, and maybe a dot below, U+1037) writes no vowel when its vowel is the
# inherent one, which the final makes a rhyme of its own: -င် "in" (တင် Tin, ဝင်း
# Win, မင်း Min), -ည် and -စ် "i", -က် and -ယ် "e", the others "a" (-န် "an": ရန်ကုန်
# Yangon; -တ် "at").  anyascii writes none (ပူတင် "putn", Putin), so the syllable met
# no spelling.  (Consonants U+1000-U+1021, their medials ya, ra, wa, ha U+103B-U+103E.)
_BURMESE_CLOSED = re.compile("([က-အ][ျ-ှ]*)(?=([က-အ])့?်)")
_BURMESE_RHYME_VOWELS = {"င": "i", "ည": "i", "ဉ": "i", "စ": "i"}
_BURMESE_RHYME_VOWELS |= {"က": "e", "ယ": "e"}


def _burmese_rhyme(match: re.Match[str]) -> str:
    """A closed Burmese syllable's consonants with its rhyme's vowel (``_BURMESE_CLOSED``)."""
    return match.group(1) + _BURMESE_RHYME_VOWELS.get(match.group(2), "a")


def _romanise_bare_abugida(match: re.Match[str]) -> str:
    """A Thai, Lao, Khmer or Burmese word: anyascii, silenced consonants dropped and
    the inherent vowel restored (``_restore_inherent_vowels``; in a closed Burmese
    syllable, its rhyme's vowel: ``_BURMESE_CLOSED``).  The scorer compares such
    names on their consonants (``matching.scorer.BARE_ABUGIDA_SCRIPTS``)."""
    text = _BURMESE_CLOSED.sub(_burmese_rhyme, _SILENCED_CONSONANT.sub("", match.group(0)))
    words = _APOSTROPHES.sub("", anyascii(text)).lower().split()
    return " " + " ".join(_restore_inherent_vowels(w) for w in words) + " "


def _romanise_greek(match: re.Match[str]) -> str:
    decomposed = unicodedata.normalize("NFD", match.group(0))
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    for greek, latin in _GREEK_DIGRAPHS:
        text = text.replace(greek, latin)
    return anyascii(text)


# A letter alone, an initial ("Ю. Шведова", "ШВЕДОВА Ю.В.", "Ж. Иванов"), of an
# alphabet some of whose letters are written with two or more Latin ones (Ю yu, Ж
# zh, Щ shch, Θ th, Շ sh: Cyrillic, Greek, Armenian, Georgian) stays one letter,
# the first of its romanisation: read "yu", it was a word that met no given name
# (``ЛИЧМАН Ю. Миколаївна`` / LYCHMAN Yulia Nikolaevna 0).
# (A letter beside a combining mark, a stress mark: Мари́я, is in a word.)
_LONE_LETTER = re.compile(
    r"(?<![^\W\d_]|[\u0300-\u036f])"
    r"[\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u10a0-\u10ff]"
    r"(?![^\W\d_]|[\u0300-\u036f])"
)


def _initial_letter(match: re.Match[str]) -> str:
    """A lone letter (``_LONE_LETTER``) as the first letter of its romanisation."""
    latin = anyascii(match.group(0))
    return latin[0] if latin[:1].isalpha() else match.group(0)


# ... and so is such a letter's romanisation with a full stop, an initial too
# ("Yu. Shvedova", "A. Yu. Ivanov", "IVANOV Zh.K."): the Latin letters of the
# Cyrillic letters written with two or more (Ю Я Є Ё Ж Х Ц Ч Ш Щ).  Without a stop
# Yu, Ch, Sh are names (Chinese, Korean).
_LATIN_INITIAL = re.compile(r"(?<![^\W\d_])(?:Shch|Y[uaoe]|Zh|Kh|Ts|Ch|Sh)(?=\.)", re.IGNORECASE)


def _initials_as_letters(text: str) -> str:
    """``text`` with its initials of several letters as one (``_LONE_LETTER``,
    ``_LATIN_INITIAL``)."""
    if not text.isascii():
        text = _LONE_LETTER.sub(_initial_letter, text)
    if "." in text:
        text = _LATIN_INITIAL.sub(lambda m: m.group(0)[0], text)
    return text


# "And" between the words of a name, in scripts whose romanisation makes it a
# letter or a word of a name: Russian, Bulgarian и, Ukrainian і, та, Greek και.  Read
# "i" it was an initial that paired with a listed person's given name (РАО
# «Стрелков, Никитин и Николаев», a partnership's name, met Igor STRELKOV at 91.4 by
# "i"/"igor").  Lower case only, between two words: an initial is written in capitals.
_CONJUNCTION = re.compile(r"(?<=[^\W\d_,.»\"])\s+(?:и|і|та|και)\s+(?=[^\W\d_«\"])")

# Legal forms of the former Soviet Union written as capitals in Cyrillic, which the
# Latin table (``_LEGAL_FORMS``) does not read or reads otherwise once romanised:
# РАО is "rao", a surname in Latin letters, ТОО "too".  Read before romanisation,
# in capitals only (Рао is the surname).  Joint-stock companies (Russian РАО, НАО,
# Ukrainian ПАТ, ПрАТ, ЗАТ, ВАТ), partnerships and companies of limited or
# additional liability (Kazakh ТОО, Belarusian ОДО, Ukrainian ТДВ), state and
# municipal unitary enterprises, production associations and non-profit
# organisations (ФГУП, ГУП, МУП, ЧУП, НПО, АНО, НКО).  Two-letter forms (ИП, ЧП, УП,
# АТ) are left alone: as capitals they are as often a person's initials.
_CYRILLIC_LEGAL_FORMS = {
    **dict.fromkeys(("РАО", "НАО", "ПАТ", "ПрАТ", "ЗАТ", "ВАТ"), "jsc"),
    **dict.fromkeys(("ТОО", "ОДО", "ТДВ"), "llc"),
    **dict.fromkeys(("ФГУП", "ГУП", "МУП", "ЧУП", "НПО", "АНО", "НКО"), "corp"),
}
_CYRILLIC_LEGAL_FORM = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(_CYRILLIC_LEGAL_FORMS) + r")(?![^\W\d_])"
)


def _cyrillic_words(text: str) -> str:
    """``text`` with its conjunctions (``_CONJUNCTION``) and legal forms
    (``_CYRILLIC_LEGAL_FORMS``) in Cyrillic and Greek letters read in Latin ones."""
    text = _CONJUNCTION.sub(" & ", text)
    return _CYRILLIC_LEGAL_FORM.sub(lambda m: f" {_CYRILLIC_LEGAL_FORMS[m.group(0)]} ", text)


@lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def normalise(text: str) -> str:
    """Normalised form of a name: lower-case ASCII tokens separated by single spaces.

    Only script, case and punctuation are handled here; the token rules of
    ``tokenise`` (titles, legal forms, numbers ...) come on top.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _CAMEL_CASE.sub(" ", text)
    if not text.isascii():
        # Abjads first: their hamza/ayn apostrophes mark vowels.
        text = _PERSIAN_JOINED.sub("", text)
        text = _cyrillic_words(text)
        text = _ARABIC.sub(_romanise_abjad, text)
        text = hebrew.HEBREW_WORD.sub(hebrew.romanise, text)
        text = chinese.FOREIGN_NAME.sub(chinese.romanise_foreign, text)
        if japanese.is_japanese(text):
            text = japanese.japanese_text(text)
    text = _APOSTROPHES.sub("", text)
    text = _LETTER_PREFIX.sub(r"\1", text)
    text = _initials_as_letters(text)
    if not text.isascii():
        if is_foreign_hangul(text):
            text = _HANGUL_SYLLABLE.sub(_romanise_foreign_hangul, text)
        else:
            text = _HANGUL_SYLLABLE.sub(_romanise_hangul, text)
        text = _HAN.sub(_romanise_han, text)
        text = _GREEK.sub(_romanise_greek, text)
        text = _BARE_ABUGIDA.sub(_romanise_bare_abugida, text)
        text = indic.INDIC_RUN.sub(indic.romanise, text)
        text = _ARMENIAN_U.sub("u", text)
        text = anyascii(text)
        text = _APOSTROPHES.sub("", text)
    text = text.lower().replace("&", " and ")
    text = _ARTICLE_PREFIX.sub("al ", text)
    return " ".join(_NON_ALNUM.split(text)).strip()


# --- token rules ------------------------------------------------------------

# Arabic article written joined by a hyphen, in its sun-letter assimilated forms
# (ad-Din, as-Sayyid, ash-Shami, el-Assad): all one token "al".
_ARTICLE_PREFIX = re.compile(r"\b(?:al|el|ul|ad|as|ash|ar|at|az|an|ath|adh|ud|us|ur|ush)-(?=[a-z])")

# Titles and honorifics: dropped, unless they are the whole name.  "President" in
# the languages of the EU and its neighbours, as it precedes heads of state.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mister",
        "messrs",
        "dr",
        "doctor",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "hon",
        "honourable",
        "honorable",
        "excellency",
        "his",
        "her",
        "rev",
        "reverend",
        "monsieur",
        "madame",
        "mme",
        "mlle",
        "herr",
        "frau",
        "senor",
        "senora",
        "sr",
        "sra",
        "sheikh",
        "shaikh",
        "shaykh",
        "sheik",
        "cheikh",
        "haji",
        "hajji",
        "hadji",
        "alhaji",
        "alhaj",
        "mullah",
        "mulla",
        "maulvi",
        "maulavi",
        "mawlawi",
        "mawlana",
        "maulana",
        "qari",
        "mufti",
        "general",
        "gen",
        "colonel",
        "brigadier",
        "president",
        "presidente",
        "praesident",
        "prasident",
        "prezident",
        "predsjednik",
        "presedinte",
        "presedintele",
        "presiden",
        "prezydent",
        "presidentti",
        "elnok",
        "prezidentas",
        "prezidents",
        # suffixes of degree and generation
        "md",
        "phd",
        "dds",
        "esq",
        "jr",
        "jnr",
        "snr",
    ]
)

# Honorifics that are also family names (Sheikh, Hajji, Mufti, Mullah, Qari, Lord:
# ``SHEIKH, Muhammad Naeem``, ``HAJJI, Muhammad Fawzi``): kept where the surname
# stands (``_surname_titles``), where dropping them left a person their given names
# only; dropped before a name as any title.  A name that starts or ends with one is
# searched with it moved to the other end too (``title_moved``): ``Sheikh Ahmed Ali``
# is also ``Ahmed Ali Sheikh``, and ``Ahmed Ali Sheikh`` a sheikh named Ahmed Ali.
SURNAME_TITLES = frozenset(
    ("sheikh", "shaikh", "shaykh", "sheik", "cheikh", "haji", "hajji", "hadji", "alhaji")
    + ("alhaj", "mullah", "mulla", "maulvi", "maulavi", "mawlawi", "mawlana", "maulana")
    + ("qari", "mufti", "lord")
)

# ... of which these, English, are written before a name only: a name that ends
# with one ends with its surname (Stephen Lord, Jack Lord), not with a title to
# move before it ("Stephen Lord" met "LO, Stephen" as "Stephen" at 92.7).
LEADING_SURNAME_TITLES = frozenset(("lord",))

# Abbreviated titles are written so in Latin script only: in a name read from
# another script the same letters are a syllable of the name (Khmer ហ៊ុន "hon" of
# Hun Sen, Thai, Burmese), while a title written out ("Президент") is still one.
ABBREVIATED_TITLES = frozenset(
    ("mr", "mrs", "ms", "messrs", "dr", "prof", "hon", "rev", "mme", "mlle", "sr", "sra")
    + ("gen", "md", "phd", "dds", "esq", "jr", "jnr", "snr")
)
WRITTEN_OUT_TITLES = TITLES - ABBREVIATED_TITLES

# Company legal forms, canonicalised across languages to a class token.  The
# classes are broad (a Russian OOO, a German GmbH and a British Ltd are all
# private limited companies): a company that changes form keeps its name, so the
# class only lowers a score a little when it differs (see the scorer's weights).
_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "llc": (
        "llc",
        "l l c",
        "ltd",
        "limited",
        "ltda",
        "limitada",
        "limited liability company",
        "limited liability co",
        "yugen kaisha",
        "godo kaisha",
        "ooo",
        "obshchestvo s ogranichennoy otvetstvennostyu",
        "obshchestvo s ogranichennoi otvetstvennostiu",
        "tov",
        "gmbh",
        "g m b h",
        "gesellschaft mit beschrankter haftung",
        "sarl",
        "s a r l",
        "srl",
        "s r l",
        "societatea cu raspundere limitata",
        # Mexico's "sociedad de responsabilidad limitada" (S. de R.L. [de C.V.])
        "s de r l",
        "s de rl",
        "s de r l de c v",
        "s de rl de cv",
        "sp z o o",
        "spolka z ograniczona odpowiedzialnoscia",
        "sro",
        "s r o",
        "doo",
        "d o o",
        "kft",
        "bv",
        "b v",
        "pty",
        "pvt",
        "private limited",
        "sdn bhd",
        "bhd",
        "eood",
        "fze",
        "fzco",
        "fzc",
        "fz llc",
        "llp",
        "tnhh",
        "cong ty tnhh",
        # Singapore, Denmark (anpartsselskab), Spain and Portugal (sociedad(e)
        # limitada), Belgium, France, Germany, Bulgaria, Greece, Turkey (limited
        # sirketi), the Gulf (with limited liability)
        "pte",
        "aps",
        "anpartsselskab",
        "slu",
        "sociedad limitada",
        "sociedade limitada",
        "lda",
        "bvba",
        "sprl",
        "eurl",
        "ug",
        "ood",
        "epe",
        "ltd sti",
        "sti",
        "wll",
    ),
    "jsc": (
        "jsc",
        "ojsc",
        "cjsc",
        "pjsc",
        "oao",
        "zao",
        "pao",
        "ao",
        "jsco",
        "joint stock company",
        "joint stock co",
        "open joint stock company",
        "closed joint stock company",
        "public joint stock company",
        "aktsionernoe obshchestvo",
        "aktsionernoye obshchestvo",
        "otkrytoe aktsionernoe obshchestvo",
        "zakrytoe aktsionernoe obshchestvo",
        "publichnoe aktsionernoe obshchestvo",
        "aktiengesellschaft",
        "sa",
        "s a",
        "societe anonyme",
        "sociedad anonima",
        # Mexico's "sociedad anonima de capital variable" (S.A. de C.V.)
        "s a de c v",
        "sa de cv",
        "sociedad anonima de capital variable",
        "spa",
        "s p a",
        "plc",
        "p l c",
        "public limited company",
        "nv",
        "n v",
        "sas",
        "s a s",
        "kk",
        "kabushiki kaisha",
        "kabushiki gaisha",
        "kabushikigaisha",
        "pt",
        "p t",
        "tbk",
        "cong ty co phan",
        "ctcp",
        # Sweden (aktiebolag), Norway and Denmark (aksjeselskap, aktieselskab),
        # Finland (osakeyhtio), Hungary, Bulgaria, the Gulf, France
        "aktiebolag",
        "aksjeselskap",
        "aktieselskab",
        "asa",
        "osakeyhtio",
        "oyj",
        "zrt",
        "nyrt",
        "ead",
        "saog",
        "saoc",
        "qsc",
        "qpsc",
        "sasu",
    ),
    "corp": (
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "cie",
        "compagnie",
        "compania",
        "companhia",
        "cia",
    ),
    "lp": (
        "lp",
        "l p",
        "kg",
        "limited partnership",
        "kommanditgesellschaft",
        "kgaa",
        "ohg",
        "handelsbolag",
        "kommanditbolag",
    ),
}
# Legal forms of two letters that are also words, syllables and initials in
# names (AB, AS, Oy; the initials A. S.; the Tuareg "Ag", son of, of Malian names:
# AG GHALI, Iyad, which ``tokenise`` reads as "bin"): read as a legal form only as a
# name's last words, after another word ("Larsson AB", "Toft A/S", "Hnos Larrea
# S.L.", "Siemens AG"), never where a name goes on ("Abd as-Salam", "A. S. Khan").
_END_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "llc": ("sl", "s l"),
    "jsc": ("ab", "as", "a s", "oy", "ad", "dd", "ag"),
    "lp": ("hb", "kb", "bt", "ky"),
}
LEGAL_FORM_TOKENS = frozenset(_LEGAL_FORMS)
# The one-word forms of each class, as written ("ltd", "gmbh", "inc", "corp"), for
# a scorer reading a short word as a misspelt legal form ("curp", "lc").
LEGAL_FORM_WORDS: dict[str, tuple[str, ...]] = {
    canonical: tuple(sorted({canonical, *(p for p in phrases if " " not in p)}))
    for canonical, phrases in _LEGAL_FORMS.items()
}
_LEGAL_PHRASES: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): canonical
    for canonical, phrases in _LEGAL_FORMS.items()
    for phrase in phrases
}
_END_LEGAL_PHRASES: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): canonical
    for canonical, phrases in _END_LEGAL_FORMS.items()
    for phrase in phrases
}
_LONGEST_LEGAL_PHRASE = max(map(len, _LEGAL_PHRASES))
# Every word of a legal-form phrase: a name with none of them has no legal form
# to find (most people's names), spelled right or misspelt (``_legal_forms``).
_LEGAL_PHRASE_WORDS = frozenset(
    word
    for phrases in (_LEGAL_PHRASES, _END_LEGAL_PHRASES)
    for phrase in phrases
    for word in phrase
)

# A word of at least LEGAL_TYPO_MIN_LENGTH letters within LEGAL_TYPO_MIN_SIMILARITY
# (Indel ratio) of a legal-form word is read as that word: one transposition or
# dropped letter in "company" scores 86, while real words stay below ("compass" 71).
LEGAL_TYPO_MIN_LENGTH = 5
LEGAL_TYPO_MIN_SIMILARITY = 85.0

# Connecting words and particles of names: kept (they are part of the name) but
# weighed little by the scorer.  "bin" stands for every "son of" form.
PARTICLES = frozenset(
    [
        "al",
        "bin",
        "bint",
        "abu",
        "de",
        "da",
        "do",
        "das",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "lo",
        "van",
        "von",
        "der",
        "den",
        "ten",
        "ter",
        "y",
        "e",
        "of",
        "the",
        "and",
        "und",
        "et",
        # prefixes of a vessel's name: motor vessel, motor tanker
        "mv",
        "mt",
    ]
)
_TUAREG_PARTICLE = "bin"
# Words of company names that payment fields (35 characters a line in SWIFT messages)
# and the lists themselves abbreviate: OFAC lists "KOREAN POLISH SHPG CO LTD", "KOREA
# MARINE & INDUSTRIAL TRDG", "BLACK DROP INTL CO., LIMITED", "PALM GROVE AFRICA DEV'T
# CORP. LTD" (70, 67, 71, 78 against their words written out, before).  Each is read
# as its word, on both sides.  Only abbreviations that are no word or name of their
# own (not "dev", "gen", "tech", "comm", "st": words, names or ambiguous), nor a
# legal form (``_LEGAL_FORMS`` reads "co", "corp", "ltd" ...).  No library keeps such
# a table (rigour's covers legal forms only).
BUSINESS_ABBREVIATIONS = {
    "intl": "international",
    "natl": "national",
    "trdg": "trading",
    "shpg": "shipping",
    "hldg": "holding",
    "hldgs": "holdings",
    "mfg": "manufacturing",
    "mfr": "manufacturer",
    "mfrs": "manufacturers",
    "svc": "service",
    "svcs": "services",
    "grp": "group",
    "inds": "industries",
    "engg": "engineering",
    "mgmt": "management",
    "assn": "association",
    "bros": "brothers",
    "dept": "department",
    "devt": "development",
    "govt": "government",
    "univ": "university",
    "mktg": "marketing",
    "prods": "products",
    "pdts": "products",
    "frt": "freight",
    "expt": "export",
    "impt": "import",
    "invt": "investment",
    "equip": "equipment",
    "bldg": "building",
    "constr": "construction",
    "coml": "commercial",
    "comml": "commercial",
    "machy": "machinery",
    "ctr": "center",
}
_PARTICLE_FORMS = {
    "el": "al",
    "ibn": "bin",
    "ben": "bin",
    "bn": "bin",
    "ebn": "bin",
    "ould": "bin",  # Mauritanian: Mohamed Ould Abdel Aziz
    "binti": "bint",
    # French and South Asian spellings of Abu (Abou Bakr, Aboo Bakar).
    "abou": "abu",
    "aboo": "abu",
}

# "al-Din" (of the faith) written as a word of its own, its article assimilated to
# the d, as French and South Asian spellings have it (Nasser Eddine, Salah Uddin):
# the two words "al din" that every other spelling gives (Nasir al-Din, ud-Din);
# and so is one written joined to a name of three letters or more (Nasreddine,
# Shahabuddin, Jalaluddin: "nasr al din"), as the same name written in Arabic
# script reads (شهاب الدين "shahab al din").
_DIN_FORMS = frozenset(("eddine", "eddin", "uddin", "uddine", "uddeen", "addin", "addine"))
_JOINED_DIN = re.compile("([a-z]{3,})(?:" + "|".join(sorted(_DIN_FORMS)) + ")")

# Korean surnames whose romanisations are two letters or sound-alike forms the
# fuzzy views cannot bring together (short tokens must be equal, and "Park" has
# an r that is not pronounced): one form each.
_KOREAN_SURNAMES = {
    **dict.fromkeys(("ri", "rhee", "lee", "yi", "li", "ree", "rhie", "yee", "lie"), "ri"),
    **dict.fromkeys(("rim", "lim", "im", "leem"), "rim"),
    **dict.fromkeys(("ryu", "yu", "yoo", "ryoo"), "ryu"),
    **dict.fromkeys(("pak", "park", "bak", "pag"), "pak"),
    **dict.fromkeys(("o", "oh"), "o"),
    **dict.fromkeys(("no", "noh", "roh"), "no"),
    **dict.fromkeys(("an", "ahn"), "an"),
    **dict.fromkeys(("u", "woo"), "u"),
}

# Korean syllables spelled with "oo" for u, as South Koreans write their names
# (Soo, Joo, Moon, Joon, Hoon): one form with the McCune-Reischauer and Revised
# Romanization "u" (Su, Ju, Mun, Jun, Hun), which a two-letter syllable needs,
# being compared only when equal.  A syllable alone: "Moon" is a word of one.
_KOREAN_OO = re.compile(r"^([bdghjkmpst]|ch)oo(ng|[nlkmp])?$")

# Korean syllables whose Revised Romanization (eo, eu for the McCune-Reischauer
# o and u with a breve) or South Korean spelling (ee) is one letter longer than the
# McCune-Reischauer form without its breve, which is two letters (or three with
# a vowel first) and so compared only when equal or not at all: Seo/So (서), Heo/Ho
# (허), Eun/Un (은), Eom/Om (엄), Hee/Hui (희), Jee/Ji (지).  One form each, the
# one Hangul is romanised to here, as the surnames above.  Longer syllables meet
# in the phonetic skeleton (Jeong/Jong, Seon/Son); "Leo", "Neo" and the like are
# left alone (no Korean name starts so: the initial-sound law writes Yeo).
_KOREAN_SYLLABLES = {
    **{f"{c}eo": f"{c}o" for c in ("s", "h", "y", "j", "ch")},
    **{f"e{v}{f}": f"{v}{f}" for v in "ou" for f in ("n", "l", "m", "k", "p")},
    "eo": "o",
    "eui": "ui",
    "hee": "hui",
    "heui": "hui",
    "jee": "ji",
    # ... and South Korean spellings of u with a w (Woon, Wook, Woong: 운, 욱, 웅) or
    # of a vowel with an h (Huh, Suh, Soh, Uhm: 허, 서, 소, 엄)
    "woon": "un",
    "wook": "uk",
    "woong": "ung",
    "huh": "ho",
    "suh": "so",
    "soh": "so",
    "uhm": "om",
}


def _korean_form(token: str) -> str:
    """One spelling of a Korean surname or syllable that romanisations write apart
    and the fuzzy views cannot bring together (see ``_KOREAN_SURNAMES``,
    ``_KOREAN_OO``, ``_KOREAN_SYLLABLES``)."""
    token = _KOREAN_SURNAMES.get(token, token)
    return _KOREAN_SYLLABLES.get(token) or _KOREAN_OO.sub(r"\1u\2", token)


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINAL = scanner.ORDINAL
# Roman numerals II-XXXIX; "xi" is left alone (it is the surname Xi far more often).
_ROMAN = re.compile(r"^x{0,3}(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
_OCR_DIGITS = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "8": "b", "9": "g"})
# A scanner's 1 is an l or an i (``scanner.ONE_AS_L_BEFORE``).
_ONE_FOR_L = re.compile(f"1(?=[{scanner.ONE_AS_L_BEFORE}])")
_LONE_DIGIT = re.compile(r"(?<![0-9])[0-9](?![0-9])")


def _roman_value(token: str) -> int:
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total


# A word and a number written together (ZA RYOK2, JSC33, VABO2012, 028ZVECAN, MIG29)
# are the word and the number, as written apart (ZA RYOK 2, MIG-29): a token of a
# run of letters (two or more) and a run of digits, in either order, is split in
# two, after the scanner's digits inside a word are read as letters
# (``_fix_ocr_digits``).  Other mixtures stay one token: codes and handles
# (N200VR, M3S3C3, Nitr0jen26), a number and a letter (46B, 3G, M1), ordinals (7TH,
# read 7 by ``_numbers``).  131 of the OFAC and UN lists' 38,424 names tokenised
# otherwise when every mixture was split, most of them handles and tail numbers.
_DIGIT = re.compile(r"\d")
_LETTERS_OR_DIGITS = re.compile(r"\d+|\D+")


def _split_digits(token: str) -> list[str]:
    """``token`` split where its run of letters meets its run of digits (see
    ``_LETTERS_OR_DIGITS``), or as it is."""
    if token.isdigit() or not _DIGIT.search(token) or _ORDINAL.match(token):
        return [token]
    parts = _LETTERS_OR_DIGITS.findall(token)
    if len(parts) == 2 and all(p.isdigit() or (len(p) >= 2 and p.isalpha()) for p in parts):
        return parts
    return [token]


def _fix_ocr_digits(token: str) -> str:
    """``sech1n`` -> ``sechin``, ``a1i`` -> ``ali``: single digits inside a
    mostly-letter token are letters (``_OCR_DIGITS``, ``_ONE_FOR_L``)."""
    digits = sum(char.isdigit() for char in token)
    if (
        0 < digits < len(token) - digits
        and len(token) - digits >= 2
        and len(_LONE_DIGIT.findall(token)) == digits
        and not _ORDINAL.match(token)
    ):
        return _ONE_FOR_L.sub("l", token).translate(_OCR_DIGITS)
    return token


# A word of at least NUMBER_TYPO_MIN_LENGTH letters with one letter changed or two
# adjacent letters swapped from exactly one number word, its first letter kept, is
# that number misspelt ("twelfrh", "sevneth"): a number must agree, so a typo in
# it would otherwise make the name another vessel or fund.  A letter added or
# dropped is not read so: it makes words ("thirsty", "seconds"); nor is a first
# letter changed ("mighty"/"eighty"), nor are shorter words ("there"/"three").
NUMBER_TYPO_MIN_LENGTH = 6
_NUMBER_WORDS = tuple(sorted(w for w in (*_UNITS, *_TENS) if len(w) >= NUMBER_TYPO_MIN_LENGTH))


@lru_cache(maxsize=1 << 14)
def _fix_number_typo(token: str) -> str:
    """``token``, or the number word it misspells (see ``NUMBER_TYPO_MIN_LENGTH``)."""
    if len(token) < NUMBER_TYPO_MIN_LENGTH or token in _UNITS or token in _TENS:
        return token
    if not token.isalpha():
        return token
    found = [
        word
        for word in _NUMBER_WORDS
        if len(word) == len(token)
        and word[0] == token[0]
        and OSA.distance(token, word, score_cutoff=1) <= 1
    ]
    return found[0] if len(found) == 1 else token


def _numbers(tokens: list[str]) -> list[str]:
    tokens = [_fix_number_typo(t) for t in tokens]
    out: list[str] = []
    for index, token in enumerate(tokens):
        ordinal = _ORDINAL.match(token)
        if ordinal:
            out.append(str(int(ordinal.group(1))))
        elif token in _TENS:
            out.append(str(_TENS[token]))
        elif token in _UNITS:
            unit = _UNITS[token]
            if unit < 10 and out and out[-1].isdigit() and index > 0 and tokens[index - 1] in _TENS:
                out[-1] = str(int(out[-1]) + unit)
            else:
                out.append(str(unit))
        elif (
            token.isdigit() and out and index > 0 and tokens[index - 1] in _TENS and len(token) == 1
        ):
            out[-1] = str(int(out[-1]) + int(token))  # "Forty 4"
        elif index > 0 and len(token) >= 2 and token != "xi" and _ROMAN.match(token):
            out.append(str(_roman_value(token)))
        else:
            out.append(token)
    return out


# Words of legal-form phrases long enough to be recognised through a typo
# ("Compnay", "Limtied"): a misspelt legal form is still a legal form, not a rare
# word that the other name lacks.
# Sorted, not a set: ``extractOne`` keeps the first of equally close words, and a
# set's order changes with every process (string hash seeds), which would make a
# name prepare differently in the process that built the index and in a worker.
_LEGAL_WORDS = tuple(
    sorted(
        {word for phrase in _LEGAL_PHRASES for word in phrase if len(word) >= LEGAL_TYPO_MIN_LENGTH}
    )
)
_LEGAL_WORD_SET = frozenset(_LEGAL_WORDS)


@lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def _fix_legal_typo(token: str) -> str:
    if len(token) < LEGAL_TYPO_MIN_LENGTH or token in _LEGAL_WORD_SET:
        return token
    match = process.extractOne(
        token, _LEGAL_WORDS, scorer=fuzz.ratio, score_cutoff=LEGAL_TYPO_MIN_SIMILARITY
    )
    return token if match is None else match[0]


# Legal-form phrases of several words, read through typos in words too short for
# ``_fix_legal_typo`` ("jint stock company", "joint strck company", "zakrytoye
# aktsionernoye obshchestvo"): every word within LEGAL_PHRASE_WORD_MIN_SIMILARITY
# of the phrase's word (one typo in a short word: "jint"/"joint" 89, "strck"/
# "stock" 80; "plant"/"open" 22 is another word, kept as a word of the name), and
# the words joined within LEGAL_PHRASE_TYPO_MIN_SIMILARITY of the phrase.  Only
# tried where a word of such a phrase is spelled right, so most names pay nothing,
# and on phrases of at least LEGAL_PHRASE_TYPO_MIN_LENGTH letters: shorter ones are
# letters ("s a r l") or too short to tell a typo from another word.
LEGAL_PHRASE_TYPO_MIN_LENGTH = 10
LEGAL_PHRASE_WORD_MIN_SIMILARITY = 80.0
LEGAL_PHRASE_TYPO_MIN_SIMILARITY = 88.0
_PHRASES_BY_SIZE: dict[int, tuple[tuple[str, ...], ...]] = {}
for _phrase in sorted(_LEGAL_PHRASES):
    if len(_phrase) >= 2 and len(" ".join(_phrase)) >= LEGAL_PHRASE_TYPO_MIN_LENGTH:
        _PHRASES_BY_SIZE[len(_phrase)] = (*_PHRASES_BY_SIZE.get(len(_phrase), ()), _phrase)
_PHRASE_WORDS = frozenset(
    word for phrases in _PHRASES_BY_SIZE.values() for phrase in phrases for word in phrase
)


def _exact_legal_phrase(
    tokens: list[str], index: int, min_size: int, comma: bool = False
) -> tuple[str, int] | None:
    """(canonical form, word count) of the longest legal-form phrase of at least
    ``min_size`` words at ``index``, else None (``comma``: see ``_legal_forms``)."""
    for size in range(min(_LONGEST_LEGAL_PHRASE, len(tokens) - index), min_size - 1, -1):
        phrase = tuple(tokens[index : index + size])
        canonical = _LEGAL_PHRASES.get(phrase)
        # A phrase of single letters ("s a", "n v") only counts at the end of the
        # name, or at its start before two words at least (P.T. Astra
        # International): in the middle, or before one word (S. A. Khan, N. V.
        # Gogol), it is more likely initials.
        if canonical is not None and (
            size == 1
            or any(len(t) > 1 for t in phrase)
            or (index == 0 and len(tokens) - size >= 2)
            or index + size == len(tokens)
        ):
            return canonical, size
        # (_END_LEGAL_FORMS: last, after a word)
        canonical = _END_LEGAL_PHRASES.get(phrase)
        initials = comma and all(len(t) == 1 for t in phrase)
        if canonical is not None and index > 0 and index + size == len(tokens) and not initials:
            return canonical, size
    return None


def _misspelt_legal_phrase(tokens: list[str], index: int) -> tuple[str, int] | None:
    """(canonical form, word count) of a phrase of several words at ``index``
    misspelt (see ``LEGAL_PHRASE_WORD_MIN_SIMILARITY``), else None."""
    for size in range(min(_LONGEST_LEGAL_PHRASE, len(tokens) - index), 1, -1):
        window = tuple(tokens[index : index + size])
        if not _PHRASE_WORDS.intersection(window):
            continue
        joined = " ".join(window)
        for phrase in _PHRASES_BY_SIZE.get(size, ()):
            if (
                all(
                    fuzz.ratio(word, expected) >= LEGAL_PHRASE_WORD_MIN_SIMILARITY
                    for word, expected in zip(window, phrase, strict=True)
                )
                and fuzz.ratio(joined, " ".join(phrase)) >= LEGAL_PHRASE_TYPO_MIN_SIMILARITY
            ):
                return _LEGAL_PHRASES[phrase], size
    return None


# Legal forms written glued to a word of the name, as a field that lost a space
# writes them ("GBDLIMITED", "SHIPPINGLTD", "TRADINGFZE", "OOOROMASHKA",
# "JSCARGUMENT"): split off the word, so both are read as what they are.  Only
# forms that no common word ends (or starts) with, before (after) at least
# GLUED_MIN_REST letters: "inc" ends "zinc", "co" and "sa" end many words, "corp"
# starts "corporal", "pao" starts "Paolo", "zao" "Zaozhuang"; "corp" ends names
# (BANCORP, FINCORP), so it stays.  (srl, ltda, fze, fzco: no name of the OFAC and UN
# lists nor of the benchmark's 20,000 payment names reads otherwise.)
GLUED_END_LEGAL_FORMS = (
    "limited", "ltd", "llc", "llp", "gmbh", "plc", "jsc", "pjsc", "ojsc", "cjsc",
    "corporation", "incorporated", "sarl", "srl", "ltda", "fze", "fzco",
)  # fmt: skip
GLUED_START_LEGAL_FORMS = ("ooo", "llc", "jsc", "pjsc", "ojsc", "cjsc", "oao")
GLUED_MIN_REST = 3
# ... or to a shorter word that is a legal form itself (COPLC, AOGMBH: "co plc",
# "ao gmbh"), or one of the Russian forms, which are syllables of other words
# too, glued to a word of at least GLUED_RUSSIAN_MIN_REST letters (SBERBANKAZAO).
GLUED_RUSSIAN_LEGAL_FORMS = ("ooo", "oao", "zao", "pao")
GLUED_RUSSIAN_MIN_REST = 7
# "company" glued to a word (TAWASULCOMPANY, COMPANYNORTHERN) of at least this many
# letters: it ends shorter words of names (KHORS AIRCOMPANY, AVIACOMPANY,
# EUROCOMPANY, the only ones of the OFAC and UN lists), where "euro" or "air" left
# alone would meet any Euro Ltd.
GLUED_COMPANY_MIN_REST = 5


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


_GLUED_END = re.compile(f"([a-z]{{{GLUED_MIN_REST},}}?)({_alternation(GLUED_END_LEGAL_FORMS)})")
_GLUED_START = re.compile(f"({_alternation(GLUED_START_LEGAL_FORMS)})([a-z]{{{GLUED_MIN_REST},}})")
_GLUED_RUSSIAN = re.compile(
    f"([a-z]{{{GLUED_RUSSIAN_MIN_REST},}}?)({_alternation(GLUED_RUSSIAN_LEGAL_FORMS)})"
)
_ONE_WORD_LEGAL_FORMS = sorted(
    {phrase for phrases in _LEGAL_FORMS.values() for phrase in phrases if " " not in phrase}
    | {phrase for phrases in _END_LEGAL_FORMS.values() for phrase in phrases if " " not in phrase}
)
_GLUED_PAIR = re.compile(
    f"({_alternation(_ONE_WORD_LEGAL_FORMS)})({_alternation(GLUED_END_LEGAL_FORMS)})"
)
_GLUED_COMPANY = re.compile(
    f"([a-z]{{{GLUED_COMPANY_MIN_REST},}})(company)|(company)([a-z]{{{GLUED_COMPANY_MIN_REST},}})"
)
# The words of a legal-form phrase written as one ("JOINTSTOCK COMPANY",
# "LIMITEDLIABILITY COMPANY"): every run of two words or more of a phrase, joined,
# of at least JOINED_PHRASE_MIN_LENGTH letters (shorter runs, "sade" of "s a de c
# v", are words).
JOINED_PHRASE_MIN_LENGTH = 8
_JOINED_PHRASE_RUNS: dict[str, tuple[str, ...]] = {
    "".join(phrase[start:end]): phrase[start:end]
    for phrase in sorted(_LEGAL_PHRASES)
    for start in range(len(phrase))
    for end in range(start + 2, len(phrase) + 1)
    if len("".join(phrase[start:end])) >= JOINED_PHRASE_MIN_LENGTH
    and all(len(word) >= 2 for word in phrase[start:end])
}
_UNGLUE_MIN_LENGTH = min(map(len, _ONE_WORD_LEGAL_FORMS)) + min(
    map(len, GLUED_END_LEGAL_FORMS + GLUED_START_LEGAL_FORMS)
)


# A legal-form word split by a stray space is rejoined when it has at least this
# many letters: shorter ones are names of two syllables too ("Kai Sha", "Yu Gen"
# of kabushiki kaisha, yugen kaisha; "Pub Lic").
REJOINED_LEGAL_WORD_MIN_LENGTH = 7


def _rejoin_legal_words(tokens: list[str]) -> list[str]:
    """Two adjacent tokens that together spell a legal-form word of at least
    ``REJOINED_LEGAL_WORD_MIN_LENGTH`` letters, neither a word of a legal form
    itself, as one."""
    if len(tokens) < 2:
        return tokens
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if index + 1 < len(tokens):
            following = tokens[index + 1]
            if (
                len(token) + len(following) >= REJOINED_LEGAL_WORD_MIN_LENGTH
                and token + following in _LEGAL_WORD_SET
                and token not in _LEGAL_PHRASE_WORDS
                and following not in _LEGAL_PHRASE_WORDS
            ):
                out.append(token + following)
                index += 2
                continue
        out.append(token)
        index += 1
    return out


def _unglue_legal_forms(tokens: list[str]) -> list[str]:
    """``tokens`` with legal forms glued to a word split off (``GLUED_END_LEGAL_FORMS``),
    legal-form phrases written as one word split into theirs, and a legal-form word
    split in two by a stray space ("LIM ITED", "COM PANY") made one again."""
    tokens = _rejoin_legal_words(tokens)
    out: list[str] = []
    for token in tokens:
        if len(token) < _UNGLUE_MIN_LENGTH or not token.isalpha():
            out.append(token)
            continue
        run = _JOINED_PHRASE_RUNS.get(token)
        if run is not None:
            out.extend(run)
            continue
        glued = (
            _GLUED_END.fullmatch(token)
            or _GLUED_START.fullmatch(token)
            or _GLUED_COMPANY.fullmatch(token)
            or _GLUED_PAIR.fullmatch(token)
            or _GLUED_RUSSIAN.fullmatch(token)
        )
        if glued is None:
            out.append(token)
        else:
            out.extend(part for part in glued.groups() if part is not None)
    return out


def _cut_phrases() -> dict[tuple[str, ...], str]:
    """The first words (two or more, each of two letters or more) of the legal-form
    phrases of more words, that begin phrases of one class only, with that class."""
    classes: dict[tuple[str, ...], set[str]] = {}
    for phrase, canonical in _LEGAL_PHRASES.items():
        for size in range(2, len(phrase)):
            head = phrase[:size]
            if min(map(len, head)) >= 2 and head not in _LEGAL_PHRASES:
                classes.setdefault(head, set()).add(canonical)
    return {head: found.pop() for head, found in classes.items() if len(found) == 1}


# A legal-form phrase cut at a payment field's line (``FIELD_LINE_LENGTHS``): "BANK
# SAINT-PETERSBURG PUBLIC JOINT" of public joint stock company.  Its first words at
# the end of a name of that length are the form (``_legal_forms``).
_CUT_LEGAL_PHRASES = _cut_phrases()
_CUT_PHRASE_MAX_WORDS = max(map(len, _CUT_LEGAL_PHRASES), default=0)


def _legal_forms(tokens: list[str], comma: bool = False, cut: bool = False) -> list[str]:
    # A word read through a typo as a word of a legal form stays as written when
    # it makes no legal form: "Aisha", "Antonia", "Republic" are names, not
    # "kaisha", "anonima", "public" of a phrase that is not there.  With a
    # ``comma`` in the name, single letters at its end are initials ("SMITH, A. S.").
    # With ``cut`` (a name of a field line's length), the first words of a phrase
    # that end it are that phrase's form (``_CUT_LEGAL_PHRASES``).
    written = tokens
    tokens = [_fix_legal_typo(t) for t in tokens]
    if _LEGAL_PHRASE_WORDS.isdisjoint(tokens):
        return tokens
    end, cut_form = len(tokens), ""
    if cut:
        for size in range(min(_CUT_PHRASE_MAX_WORDS, len(tokens) - 1), 1, -1):
            cut_form = _CUT_LEGAL_PHRASES.get(tuple(tokens[-size:]), "")
            if cut_form:
                end -= size
                break
    head = tokens[:end]
    out: list[str] = []
    index = 0
    while index < end:
        found = _exact_legal_phrase(head, index, 2, comma)
        if found is None:
            found = _misspelt_legal_phrase(head, index)
        if found is None:
            found = _exact_legal_phrase(head, index, 1, comma)
        if found is None:
            out.append(written[index])
            index += 1
        else:
            out.append(found[0])
            index += found[1]
    if cut_form:
        out.append(cut_form)
    if len(out) == len([t for t in out if t in LEGAL_FORM_TOKENS]):
        return tokens  # a name that is only a legal form keeps its words
    return out


def token_kind(token: str) -> TokenKind:
    """Kind of a token after ``tokenise``: a function of its text (``prepare_name``
    reads a one-letter connector as an initial where it joins nothing)."""
    if token.isdigit():
        return "number"
    if token in LEGAL_FORM_TOKENS:
        return "legal"
    if token in PARTICLES:
        return "particle"
    if len(token) == 1:
        return "initial"
    return "word"


def _token_kinds(tokens: tuple[str, ...], text: str = "") -> tuple[TokenKind, ...]:
    """``token_kind`` of each token, but a one-letter connector ("y", "e") that does
    not stand between two words, or that ``text`` writes with a full stop, is an
    initial ("Y. El Ballouti", "Smith, E. J.", "Abu Bakr Y. Jabir"), and a particle
    that ends a name written in order (no comma), or its surname (before the comma),
    is a word."""
    kinds = [token_kind(t) for t in tokens]
    for index, token in enumerate(tokens):
        if kinds[index] == "particle" and len(token) == 1:
            between_words = (
                0 < index < len(tokens) - 1
                and len(tokens[index - 1]) > 1
                and len(tokens[index + 1]) > 1
            )
            if not between_words or _abbreviated(text, token):
                kinds[index] = "initial"
    if len(tokens) > 1 and kinds[-1] == "particle" and len(tokens[-1]) > 1 and "," not in text:
        # A particle joins the words after it (van der Berg, bin Laden, de la Cruz):
        # one that ends a name written in order joins nothing and is a word of it
        # (Shangri La, RUNG RA DO; a reading of Hebrew דרעי, Deri, "der").
        kinds[-1] = "word"
    surname, comma, _ = text.partition(",")
    if comma and "particle" in kinds:
        # So does one that ends the surname of "SURNAME, Given": "LO, Stephen" is
        # a Lo, not a Stephen with a particle ("Stephen Lord" met it at 95.6).
        end = len(normalise(surname).split()) - 1
        if 0 <= end < len(tokens) and kinds[end] == "particle" and len(tokens[end]) > 1:
            kinds[end] = "word"
    return tuple(kinds)


def written_initials(text: str, tokens: tuple[str, ...], kinds: tuple[TokenKind, ...]) -> int:
    """The mask of a name's initials that ``text`` writes with a full stop (``A.``,
    ``Ю.``): letters standing for words, never a piece of one."""
    mask = 0
    if "." in text:
        for index, (token, kind) in enumerate(zip(tokens, kinds, strict=True)):
            if kind == "initial" and _abbreviated(text, token):
                mask |= 1 << index
    return mask


def _abbreviated(text: str, letter: str) -> bool:
    """True when ``text`` writes the one letter ``letter`` alone with a full stop
    (or an initial of several letters read as one: ``_initials_as_letters``, Ю. or
    Yu. for y.)."""
    text = _initials_as_letters(text)
    return re.search(rf"(?<![^\W\d_]){letter}\.", text, re.IGNORECASE) is not None


# Texts whose script is remembered: preparing one name asks for its script
# four times (tokens, titles, hyphens, the name's own), and a non-Latin text is
# read letter by letter.  Only the latest names matter, so a small cache.
SCRIPT_CACHE_SIZE = 4096


@lru_cache(maxsize=SCRIPT_CACHE_SIZE)
def script_of(text: str) -> str:
    """The main non-Latin script of ``text`` ("" for Latin or no letters)."""
    if text.isascii():
        return ""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha() and not char.isascii():
            script = unicodedata.name(char, "").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    latin = sum(1 for char in text if char.isascii() and char.isalpha()) + counts.pop("LATIN", 0)
    if not counts:
        return ""
    script, count = max(counts.items(), key=lambda item: item[1])
    if script in _JAPANESE_PARTS and japanese.is_japanese(text):
        # Kana, or kanji with a Japanese legal form: one script, read as Japanese
        # words (``names.japanese``), not as syllables of pinyin.
        return JAPANESE if sum(counts.get(s, 0) for s in _JAPANESE_PARTS) > latin else ""
    return script if count > latin else ""


# The script of a name written in Japanese (``names.japanese.is_japanese``): its
# kana and kanji counted as one script.
JAPANESE = "JAPANESE"
_JAPANESE_PARTS = frozenset(("CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH"))


# Script of a foreign name written in Hangul (see ``is_foreign_hangul``).
FOREIGN_HANGUL = "HANGUL-FOREIGN"
# Script of a foreign name written in katakana (``japanese.is_foreign_katakana``).
FOREIGN_KATAKANA = "KATAKANA-FOREIGN"

# Scripts whose romanisation is syllables of pinyin: the token rules for Latin
# words (legal forms, titles, numbers) would misread syllables ("zao", "shi").
_SYLLABIC_SCRIPTS = frozenset(("CJK", "HANGUL"))
# The particles a name of these scripts can have; a token of its reading spelled
# as another is a syllable or a word of the name.  Chinese, Korean and Japanese
# names have none (杜 Du, 德 De, 도 Do, 라 La are surnames and given names, not
# connectors); Hebrew ones the Arabic particles only, written in its letters (אבו,
# בן, אל): לאה (Leah) read "la" and דה "de" are words.
_ARABIC_PARTICLES = frozenset(("al", "bin", "bint", "abu"))
_SCRIPT_PARTICLES: dict[str, frozenset[str]] = {
    **dict.fromkeys(_SYLLABIC_SCRIPTS | {JAPANESE}, frozenset()),
    "HEBREW": _ARABIC_PARTICLES,
}


# A name's prefix written with a slash: M/V, M/T (motor vessel, motor tanker: the
# particles MV and MT) and M/S (motor ship, and before a firm's name in South Asia
# Messrs: M/S RELIANCE TRADERS), which would else be two initials.  Dotted (M.V.,
# M.S.) they are as often a person's initials, and stay so.
_SLASHED_PREFIX = re.compile(r"^\s*m\s*/\s*([vts])\b\.?\s*(?=\w)", re.IGNORECASE)
_SLASHED_PREFIX_AS = {"v": "MV ", "t": "MT ", "s": ""}


# Vietnamese honorifics before a name, as written (their tone marks tell them from
# the syllables and the legal form they read as: "ong", "ba", "chi", "co"): Ông
# (Mr), Bà, Chị, Cô (Mrs, Ms, Miss), Bác (to an elder), "Quý" (honoured) before
# Ông or Cô; dropped where two words or more follow.  Not Anh or Em, which are
# given names too.  Their genders, for ``title_gender``.
_VIETNAMESE_TITLES = {"ông": "male", "bà": "female", "chị": "female", "cô": "female", "bác": ""}
_VIETNAMESE_TITLE = re.compile(
    r"^\s*(?:quý\s+)?(" + "|".join(_VIETNAMESE_TITLES) + r")\s+(?=\S+\s+\S)", re.IGNORECASE
)


@lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def _vietnamese_title(text: str) -> tuple[str, str] | None:
    """(the name without it, the title's gender) when ``text`` starts with a
    Vietnamese honorific (``_VIETNAMESE_TITLES``), else None."""
    if text.isascii():  # each is written with a tone mark
        return None
    composed = unicodedata.normalize("NFC", text)
    found = _VIETNAMESE_TITLE.match(composed)
    if found is None:
        return None
    return composed[found.end() :], _VIETNAMESE_TITLES[found.group(1).lower()]


@lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def tokenise(text: str) -> tuple[str, ...]:
    """Tokens of a name after every token rule (see the module docstring)."""
    vietnamese = _vietnamese_title(text)
    if vietnamese is not None:
        text = vietnamese[0]
    if "/" in text:
        text = _SLASHED_PREFIX.sub(lambda m: _SLASHED_PREFIX_AS[m.group(1).lower()], text)
    raw = [token for token in normalise(text).split(" ") if token]
    if script_of(text) in _SYLLABIC_SCRIPTS:
        return tuple(_korean_form(t) for t in raw)
    tokens = [_fix_ocr_digits(t) for t in raw]
    if _DIGIT.search(text):
        tokens = [part for t in tokens for part in _split_digits(t)]
    # "Ben Smith", "Ben Netanyahu": a name of two words that starts with Ben (no
    # "SURNAME, Given" comma) is a given name and a surname; "son of" stands
    # between two names.
    given = 1 if len(tokens) == 2 and tokens[0] == "ben" and "," not in text else 0
    tokens = tokens[:given] + [_PARTICLE_FORMS.get(t, t) for t in tokens[given:]]
    tokens = [BUSINESS_ABBREVIATIONS.get(t, t) for t in tokens]
    if "ag" in tokens[:-1]:
        # The Tamasheq "Ag" (son of) of Tuareg names, as Ould and bin, where the name
        # goes on (AG GHALI, Iyad; Iyad Ag Ghaly); last, the German AG of a company.
        tokens = [_TUAREG_PARTICLE if t == "ag" else t for t in tokens[:-1]] + tokens[-1:]
    tokens = _unglue_legal_forms(tokens)
    if any("dd" in t for t in tokens):
        tokens = [part for t in tokens for part in _din_split(t)]
    tokens = [_korean_form(t) for t in tokens]
    cut = len(text) in FIELD_LINE_LENGTHS
    with_legal_forms = _legal_forms(tokens, "," in text, cut)
    if not LEGAL_FORM_TOKENS.intersection(with_legal_forms):
        # Titles name people: in a company's name they are words of the name
        # ("General Trading LLC", "President Hotel Ltd").
        titles = TITLES if not script_of(text) else WRITTEN_OUT_TITLES
        stripped = _titles_joined(_strip_title_phrases(tokens, text), titles)
        surnames = _surname_titles(stripped, text, titles)
        inner = _inner_titles(stripped, titles) if "," not in text else ()
        without_titles = [
            t
            for i, t in enumerate(stripped)
            if t not in titles or t in surnames or (i in inner and t not in SURNAME_TITLES)
        ]
        if without_titles and len(without_titles) < len(tokens):
            with_legal_forms = _legal_forms(without_titles, "," in text, cut)
    else:
        with_legal_forms = _join_acronyms(with_legal_forms)
    if not script_of(text) and not LEGAL_FORM_TOKENS.intersection(with_legal_forms):
        with_legal_forms = _joined_initials_split(with_legal_forms)
    if not script_of(text):
        # After the legal forms: a syllable read as pinyin must not become one
        # ("Tsao" is "zao", not the Russian ZAO).
        with_legal_forms = list(as_pinyin(tuple(with_legal_forms)))
    return tuple(_numbers(with_legal_forms))


# A name's word of two consonants is two initials written together, as payment
# fields write them ("JS Kim", "JC Juncker": "J.S. Kim" pairs its initials with
# Jong Sik at 85.8, "JS" with nothing, 11.8), in a name without a legal form and
# with a word of three letters or more.  Not the consonant pairs that are a name or a
# word's start written alone: Ng (a Cantonese surname), Mc, and the digraphs of
# romanised syllables and abbreviations (Ch. for Chaudhry, Sh, Kh, Th, Ph, Gh, Zh), nor a
# title kept as a word (Oil of DR Congo);
# nor a last word one typo from a legal form, which the scorer may read as it ("U-Terra
# LC" / U-TERRA LLC).
_NOT_JOINED_INITIALS = frozenset(("ng", "mc", "ch", "sh", "kh", "th", "ph", "gh", "zh"))
_TWO_CONSONANTS = re.compile("[b-df-hj-np-tv-xz]{2}")


def _joined_initials_split(tokens: list[str]) -> list[str]:
    """``tokens`` with each word of two consonants split into its two initials."""
    if len(tokens) < 2 or not any(len(t) >= 3 for t in tokens):
        return tokens
    out: list[str] = []
    last = len(tokens) - 1
    for index, token in enumerate(tokens):
        if (
            len(token) == 2
            and token not in _NOT_JOINED_INITIALS
            and token not in PARTICLES
            and token not in TITLES
            and _TWO_CONSONANTS.fullmatch(token)
            and not (index == last and _near_legal_form(token))
        ):
            out.extend(token)
        else:
            out.append(token)
    return out


@lru_cache(maxsize=1024)
def _near_legal_form(token: str) -> bool:
    """Whether ``token`` is at most one edit (OSA) from a legal form's token."""
    return any(OSA.distance(token, form, score_cutoff=1) <= 1 for form in LEGAL_FORM_TOKENS)


def _titles_joined(tokens: list[str], titles: frozenset[str]) -> list[str]:
    """``tokens`` without an "and" between two titles: a joint account's couple,
    ``Mr and Mrs``, ``Mr & Mrs``, is titles of the name that follows."""
    return [
        t
        for i, t in enumerate(tokens)
        if not (t == "and" and 0 < i < len(tokens) - 1 and {tokens[i - 1], tokens[i + 1]} <= titles)
    ]


def _inner_titles(tokens: list[str], titles: frozenset[str]) -> range:
    """Positions of ``tokens`` between its first word that is no title and its last:
    a title there is a word of the name ("JOUD GENERAL TRADING", "POPULAR FRONT ...
    GENERAL COMMAND", "OIL OF DR CONGO"), as titles stand before a name (or after it,
    "Jr", "PhD").  Honorifics that are family names (``SURNAME_TITLES``) have their
    own rule (``_surname_titles``): within a name they are honorifics of the next
    word ("MUSTAFA HAJJI MUHAMMAD KHAN")."""
    words = [i for i, t in enumerate(tokens) if t not in titles]
    return range(words[0] + 1, words[-1]) if words else range(0)


def _surname_titles(tokens: list[str], text: str, titles: frozenset[str]) -> frozenset[str]:
    """The ``SURNAME_TITLES`` of ``tokens`` that stand where the name's surname does:
    before the comma of ``SURNAME, Given``, or last in a name written given name
    first after another word that is no title (``Muhammad Hajji``)."""
    if not SURNAME_TITLES.intersection(tokens):
        return frozenset()
    # After the article it is a family's name wherever it stands (Al ash-Sheikh:
    # "al-shaykh Muhammad" is AL-SHAYKH, Muhammad).
    articled = frozenset(
        t for before, t in itertools.pairwise(tokens) if before == "al" and t in SURNAME_TITLES
    )
    surname, comma, _ = text.partition(",")
    if comma:
        return articled | SURNAME_TITLES.intersection(normalise(surname).split(" "))
    last = tokens[-1]
    if last in SURNAME_TITLES and any(t not in titles for t in tokens[:-1]):
        return articled | {last}
    return articled


# Titles written before a name in Latin letters, abbreviated or in words that
# are names elsewhere (the Turkish Bay, Michael Bay), so dropped only from the
# start of a name and only with two words left: Spanish and Portuguese (Srta.,
# Dra., Lic., Ing., Mtro.), Italian (Sig., Sig.ra, Dott., Dott.ssa, Avv.), German
# and Austrian (Dipl.-Ing., Univ.-Prof., Mag.), Turkish (Bay, Bayan, Doç., Av.).
LEADING_TITLE_PHRASES: frozenset[tuple[str, ...]] = frozenset(
    tuple(phrase.split())
    for phrase in (
        "srta", "srita", "sr a", "dra", "lic", "ing", "mtro", "mtra", "arq",
        "sig", "sig ra", "sigra", "dott", "dott ssa", "dottssa", "avv", "geom", "rag",
        "dipl ing", "dipl kfm", "univ prof", "mag",
        "bay", "bayan", "doc", "yrd doc", "av", "uz", "ogr gor", "ars gor",
    )
)  # fmt: skip
# Degrees written after a name (B.Sc., M.Eng., Ph.D., LL.M., MBA), dropped from its
# end with two words left; B.A. and M.A. only in a name without a comma, where they
# are no initials ("KHAN, M.A.").
TRAILING_DEGREE_PHRASES: frozenset[tuple[str, ...]] = frozenset(
    tuple(phrase.split())
    for phrase in (
        "b sc", "m sc", "bsc", "msc", "b eng", "m eng", "beng", "meng", "b ed", "m ed",
        "b com", "m com", "m phil", "ph d", "ll b", "ll m", "llb", "llm", "mba", "dds",
        "dvm", "md", "phd",
    )
)  # fmt: skip
_INITIALS_DEGREES = frozenset((("b", "a"), ("m", "a")))
# Titles in a name's own script, dropped from its start: Russian and Ukrainian
# (г-н, г-жа, господин, пан, пані, добродій), Arabic and Persian (السيدة, الآنسة,
# الأستاذ, الدكتور, المهندس, آقای, خانم, جناب, سرکار, دکتر), Hindi (श्री, श्रीमती),
# Greek (κύριος, κυρία) and Hebrew (מר, גברת).  Not السيد: it is a given name in
# Egypt (Elsayed) as often as "Mr".  Their tokens are ``normalise``'s reading.
# Those that say a gender (``title_gender``), female and male, as written.
_NATIVE_GENDERED_TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # script: (female, male), as written
    "CYRILLIC": (
        ("г-жа", "госпожа", "гражданка", "пані", "панна", "добродійка"),
        ("г-н", "господин", "гражданин", "пан", "добродій"),
    ),
    "ARABIC": (
        ("السيدة", "الآنسة", "الأستاذة", "الدكتورة", "المهندسة", "خانم"),
        ("الأستاذ", "الدكتور", "المهندس", "آقای", "آقا"),
    ),
    "DEVANAGARI": (("श्रीमती", "सुश्री"), ("श्री", "श्रीमान")),
    "GREEK": (("κυρία",), ("κύριος",)),
    "HEBREW": (("גברת",), ("מר",)),
}  # fmt: skip
_NATIVE_UNGENDERED_TITLES: dict[str, tuple[str, ...]] = {
    "CYRILLIC": ("тов",),
    "ARABIC": ("جناب", "سرکار", "دکتر", "مهندس"),
    "DEVANAGARI": ("माननीय",),
    "GREEK": ("κ",),
    "HEBREW": ('ד"ר', "הרב"),
}  # fmt: skip
_NATIVE_TITLES: dict[str, tuple[str, ...]] = {
    script: (*female, *male, *_NATIVE_UNGENDERED_TITLES.get(script, ()))
    for script, (female, male) in _NATIVE_GENDERED_TITLES.items()
}


def _by_word(
    phrases: Iterable[tuple[str, ...]], first: bool
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by their first (or last) word, more words first, so that "sig ra" is
    found before "sig"."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase)):
        found.setdefault(phrase[0] if first else phrase[-1], []).append(phrase)
    return {word: tuple(group) for word, group in found.items()}


_LATIN_LEADING = _by_word(LEADING_TITLE_PHRASES, first=True)
_TRAILING = _by_word(TRAILING_DEGREE_PHRASES, first=False)
_TRAILING_WITH_INITIALS = _by_word(TRAILING_DEGREE_PHRASES | _INITIALS_DEGREES, first=False)
# Words a name keeps at least when its titles are dropped.
TITLE_PHRASE_MIN_WORDS_LEFT = 2


@lru_cache(maxsize=len(_NATIVE_TITLES) + 1)
def _native_title_phrases(script: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The titles of ``_NATIVE_TITLES`` for ``script`` as ``normalise`` reads them,
    by first word (``_by_word``)."""
    titles = (tuple(normalise(t).split()) for t in _NATIVE_TITLES.get(script, ()))
    return _by_word((t for t in titles if t), first=True)


def _strip_title_phrases(tokens: list[str], text: str) -> list[str]:
    """``tokens`` without the titles that stand before the name
    (``LEADING_TITLE_PHRASES``, ``_NATIVE_TITLES``) and, in Latin letters, the
    degrees after it (``TRAILING_DEGREE_PHRASES``)."""
    script = script_of(text)
    leading = _LATIN_LEADING if not script else _native_title_phrases(script)
    out = list(tokens)
    while out and out[0] in leading:
        size = _phrase_at(out, leading[out[0]], start=True)
        if not size:
            break
        out = out[size:]
    if script:
        return out
    trailing = _TRAILING if "," in text else _TRAILING_WITH_INITIALS
    while out and out[-1] in trailing:
        size = _phrase_at(out, trailing[out[-1]], start=False)
        if not size:
            break
        out = out[:-size]
    return out


def _phrase_at(tokens: list[str], phrases: tuple[tuple[str, ...], ...], start: bool) -> int:
    """The length of the first of ``phrases`` that ``tokens`` start (or end) with,
    leaving ``TITLE_PHRASE_MIN_WORDS_LEFT`` words, else 0."""
    for phrase in phrases:
        size = len(phrase)
        left = tokens[size:] if start else tokens[:-size]
        # Words, not particles: "Bayan al-Bitar" is a name (Bayan), not "Ms al-Bitar".
        if sum(t not in PARTICLES for t in left) < TITLE_PHRASE_MIN_WORDS_LEFT:
            continue
        if tuple(tokens[:size] if start else tokens[-size:]) == phrase:
            return size
    return 0


def _join_acronyms(tokens: list[str]) -> list[str]:
    """In a company's name (it has a legal form), letters written one by one are
    one word, an acronym: ``A.B.C. Company`` is ``abc co``, which ``C.B.A.
    Company`` is not, while a person's initials pair in any order (``J. S. Kim``,
    ``A.K.M. Fazlul Haque``)."""
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha() and token not in LEGAL_FORM_TOKENS:
            run.append(token)
            continue
        out.extend(["".join(run)] if len(run) >= ACRONYM_MIN_LETTERS else run)
        run = []
        if token:
            out.append(token)
    return out


# Letters one by one that make an acronym in a company's name (``_join_acronyms``).
ACRONYM_MIN_LETTERS = 2


def _din_split(token: str) -> tuple[str, ...]:
    """A token of "al-Din" (``_DIN_FORMS``, ``_JOINED_DIN``) as the words it is."""
    if token in _DIN_FORMS:
        return ("al", "din")
    joined = _JOINED_DIN.fullmatch(token)
    return (joined.group(1), "al", "din") if joined else (token,)


def mask_bits(mask: int) -> list[int]:
    """The positions of the tokens an option's ``mask`` covers (see ``token_options``)."""
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


def token_options(tokens: tuple[str, ...] | list[str]) -> list[tuple[str, int]]:
    """Every option of a token sequence as (text, mask): single tokens, then
    compounds of 2 .. ``MAX_COMPOUND_TOKENS`` adjacent tokens.

    Numbers never join a compound: ``Vessel 12`` must not meet ``Vessel 1 2``.
    """
    options = [(token, 1 << index) for index, token in enumerate(tokens)]
    for size in range(2, MAX_COMPOUND_TOKENS + 1):
        for start in range(len(tokens) - size + 1):
            part = tokens[start : start + size]
            if any(t.isdigit() for t in part):
                continue
            mask = ((1 << size) - 1) << start
            options.append(("".join(part), mask))
    return options


def skeleton_view(token: str) -> str:
    """The phonetic skeleton of a word; numbers, legal forms and particles as they are."""
    if token.isdigit() or token in LEGAL_FORM_TOKENS or token in PARTICLES:
        return token
    return skeleton(token)


# Views of a token under which similarity is measured (``matching.scorer``
# exposes them as ``TOKEN_VIEWS``): the similarity of two tokens is the best ratio
# over all views.  Each is a pure function of one token.
TOKEN_VIEW_FUNCTIONS: tuple[Callable[[str], str], ...] = (identity, skeleton_view)


def _surname_mask(text: str, tokens: tuple[str, ...]) -> int:
    """Which tokens the name marks as its surname (see ``PreparedName.surname_mask``)."""
    if not tokens or len(tokens) < 2:
        return 0
    hangul = _HANGUL_SYLLABLE.fullmatch(text.strip())
    if hangul and len(text.strip()) in (3, 4):
        return 1  # a Korean name of three or four syllables starts with the surname
    before, comma, after = text.partition(",")
    if comma and "," not in after:
        head, tail = tokenise(before), tokenise(after)
        if head and tail and head + tail == tokens:
            return (1 << len(head)) - 1
        return 0
    words = text.split()
    cased = [w for w in words if any(c.isalpha() for c in w)]
    upper = [w.isupper() and sum(c.isalpha() for c in w) >= 2 for w in cased]
    if not cased or all(upper) or not any(upper):
        return 0
    if any(w.islower() for w in cased):
        return 0  # lower-case words: no casing convention
    spans = _word_masks(text, tokens)
    if spans is None:
        return 0
    mask = 0
    for word, word_mask in spans:
        if word.isupper() and sum(c.isalpha() for c in word) >= 2:
            mask |= word_mask
    return mask


def _word_masks(text: str, tokens: tuple[str, ...]) -> list[tuple[str, int]] | None:
    """Each whitespace-separated word of ``text`` with the mask of its tokens in
    ``tokens``; None when they do not line up (a token rule across words)."""
    spans: list[tuple[str, int]] = []
    index = 0
    for word in text.split():
        word_tokens = tokenise(word)
        if tuple(tokens[index : index + len(word_tokens)]) != word_tokens:
            return None
        spans.append((word, ((1 << len(word_tokens)) - 1) << index))
        index += len(word_tokens)
    return spans if index == len(tokens) else None


# A word with a hyphen between two letters or digits.
_HYPHENATED = re.compile(r"\w[-\u2010\u2011]\w")


def _hyphen_groups(text: str, tokens: tuple[str, ...]) -> tuple[int, ...]:
    """The tokens of each word written with hyphens, as masks (see
    ``PreparedName.hyphen_groups``); none when the words' tokens do not line up
    with the name's (a rule across words), or for a Korean or Chinese script."""
    if not _HYPHENATED.search(text) or script_of(text) in _SYLLABIC_SCRIPTS:
        return ()
    spans = _word_masks(text, tokens) or []
    return tuple(m for word, m in spans if m & (m - 1) and _HYPHENATED.search(word))


# Lengths at which payment messages cut a name: a line of a SWIFT MT field (50K
# ordering customer, 59 beneficiary) holds 35 characters, and systems that keep
# one line cut longer names there ("LIMITED LIABILITY COMPANY LEGION KO" for
# LEGION KOMPLEKT), or one character shorter when the cut fell on a space that
# was then trimmed ("LIMITED LIABILITY COMPANY NORTHERN" for NORTHERN
# TECHNOLOGIES).  A name of such a length is screened as possibly cut
# (``PreparedName.truncated``, ``matching.scorer``).
FIELD_LINE_LENGTHS = frozenset((34, 35))


@lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def _option_views(text: str) -> tuple[str, ...]:
    """An option's text under every view (memoised: tokens recur across names)."""
    return tuple([view(text) for view in TOKEN_VIEW_FUNCTIONS])


@lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def prepare_name(text: str) -> PreparedName:
    tokens = tokenise(text)
    script = _name_script(text)
    kinds = _token_kinds(tokens, text)
    kept = _SCRIPT_PARTICLES.get(script)
    if kept is not None and "particle" in kinds:
        kinds = tuple(
            "word" if kind == "particle" and token not in kept else kind
            for kind, token in zip(kinds, tokens, strict=True)
        )
    options = tuple(
        [
            NameOption(
                option_text,
                mask,
                _option_views(option_text),
                kinds[mask.bit_length() - 1] if mask & (mask - 1) == 0 else "word",
            )
            for option_text, mask in token_options(tokens)
        ]
    )
    return PreparedName(
        original=text,
        normalised=" ".join(tokens),
        tokens=tokens,
        kinds=kinds,
        options=options,
        script=script,
        syllables=written_syllables(text, len(tokens)) if script in _SYLLABIC_SCRIPTS else (),
        surname_mask=_surname_mask(text, tokens),
        hyphen_groups=_hyphen_groups(text, tokens),
        titled=(titled := _has_title(text, tokens)),
        truncated=len(text) in FIELD_LINE_LENGTHS,
        written_digits=any(char.isdigit() for char in text),
        title_gender=title_gender(text) if titled else "",
    )


def readings(text: str) -> tuple[str, ...]:
    """Every text a name is searched as: itself, then the other readings of its
    writing (``script_readings``), then, when a word of it mixes Latin, Cyrillic
    and Greek letters, it written in one script and that text's readings
    (``homoglyphs.unmix``: ``Рutin`` with a Cyrillic Р, Putin), then itself with an honorific moved
    (``title_moved``), then as a scanner may have misread it
    (``scanner.scanner_readings``: ``Karirn``, Karim), then each name a field of
    several holds (``parties.parts``: ``KIM JONG SIK / ACME TRADING LTD``) with its
    readings."""
    return _readings(text)[0]


def _parts(text: str) -> tuple[str, ...]:
    """``parties.parts`` of a screened field, beside its brackets unless it is a
    company's name (a legal form: ``Bank of China (Hong Kong) Limited``)."""
    if "(" not in text and "[" not in text and "{" not in text:
        return parties.parts(text)
    company = not LEGAL_FORM_TOKENS.isdisjoint(tokenise(text))
    return parties.parts(text, brackets=not company)


def _readings(text: str) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """``readings``, those of them that read the whole name (not a part), and those
    that read it as a scanner may have misread it."""
    found = script_readings(text)
    unmixed = homoglyphs.unmix(text)
    if unmixed != text:
        found += script_readings(unmixed)
    moved = title_moved(text)
    if moved is not None:
        found += (moved,)
    scanned = scanner.scanner_readings(text)
    found += scanned
    whole = frozenset(found)
    for part in _parts(text):
        found += script_readings(part)
    return (tuple(dict.fromkeys(found)) if len(found) > 1 else found), whole, scanned


def prepared_readings(text: str) -> tuple[PreparedName, ...]:
    """Every reading of a name (``readings``) prepared for comparing, a respelling
    in its own script flagged ``alternative`` (``same_script_alternatives``), a
    reading of the whole name cut where the name may be, whatever its own length
    (``PreparedName.truncated``)."""
    found, whole, scanned = _readings(text)
    if len(found) == 1:
        return (prepare_name(text),)
    alternatives = same_script_alternatives(text)
    learned = frozenset(_transcribed(text))
    table = _TRANSCRIBED_SCRIPTS.get(_name_script(text), "") if learned else ""
    cut = len(text) in FIELD_LINE_LENGTHS
    prepared = []
    for reading in found:
        name = prepare_name(reading)
        truncated = cut if reading in whole else name.truncated
        if (
            reading in alternatives
            or name.truncated != truncated
            or reading in scanned
            or reading in learned
        ):
            name = replace(
                name,
                alternative=reading in alternatives,
                truncated=truncated,
                scanned=reading in scanned,
                transcribed=table if reading in learned else "",
            )
        prepared.append(name)
    return tuple(prepared)


def title_moved(text: str) -> str | None:
    """A name in Latin letters that starts or ends with a ``SURNAME_TITLES`` word,
    with that word moved to the other end: dropped as a title where it led, kept as
    a surname where it ends (``_surname_titles``); one within the name is moved to
    its end.  ``SHEIKH, Muhammad Naeem``, whose
    surname is one such word, becomes ``SHEIKH Muhammad Naeem``: the title first."""
    if not text.isascii():
        return None
    surname, comma, given = text.partition(",")
    if comma:
        if normalise(surname) in SURNAME_TITLES and given.strip():
            return f"{surname.strip()} {given.strip()}"
        return None
    words = text.split()
    if len(words) < 2:
        return None
    if normalise(words[0]) in SURNAME_TITLES:
        return " ".join([*words[1:], words[0]])
    if normalise(words[-1]) in SURNAME_TITLES - LEADING_SURNAME_TITLES:
        return " ".join([words[-1], *words[:-1]])
    for index in range(1, len(words) - 1):
        if normalise(words[index]) in SURNAME_TITLES:
            # Within a name it honours the next word (MUSTAFA HAJJI MUHAMMAD KHAN),
            # or begins a family name written after the given names (Abu Yahya
            # SHEIKH YAHYA, listed as SHEIKH YAHYA, Abu Yahya): moved last, it is
            # kept as one.
            return " ".join([*words[:index], *words[index + 1 :], words[index]])
    return None


def _respelling(text: str) -> str | None:
    """``text`` spelled again in its own script as another language or hand would
    write it (Hebrew, Belarusian, Persian, Indic readings: see ``script_readings``)."""
    return (
        hebrew.alternative_reading(text)
        or belarusian.alternative_reading(text)
        or persian.alternative_reading(text)
        or indic.alternative_reading(text)
    )


def same_script_alternatives(text: str) -> frozenset[str]:
    """The readings of ``text`` (``readings``) that spell it, or a part of it, again
    in its own script: compared with names of other scripts only (a name in Arabic
    script respelled with a w or a z is no evidence against another name in Arabic
    script, which is compared as written)."""
    found: set[str | None] = set()
    for source in (text, *_parts(text)):
        if not source.isascii() and not chinese.is_foreign_han(source):
            found.update((_respelling(source), *persian.waw_readings(source)))
    return frozenset(t for t in found if t is not None)


def script_readings(text: str) -> tuple[str, ...]:
    """A name and the other readings of its writing.  A name of kanji alone may be
    Chinese or Japanese: ``normalise`` reads it as pinyin, and its Japanese reading
    (``names.japanese``) comes second.  A name in Hebrew with a vav between
    consonants, o or u as ``normalise`` reads it, may have a v there instead
    (``hebrew.alternative_reading``: ``דוד``, David).  A name in Belarusian
    Cyrillic is read in Russian spelling too (``belarusian.alternative_reading``:
    ``Уладзімір``, Владимир), one in Arabic script with the consonants of Persian
    (``persian.alternative_reading``: ``فضل``, Fazal), one in Devanagari with the
    nukta Urdu names leave out (``indic.alternative_reading``: ``हाफिज``, Hafiz).
    A name in Arabic script with a waw between consonants is read with a w there
    too (``persian.waw_readings``: ``جوهر``, Jawhar; in each word alone too, when
    several have one).  A name of Han characters
    shaped as a Korean name may be Korean, read in Hangul third
    (``hanja.korean_reading``: ``金正恩``, 김정은).  A company named in Han characters
    or in Hangul is read as its English name too (``company_words.english_reading``:
    ``沈忠國際海運有限公司``, Shen Zhong International Shipping).  A foreign name in
    Hangul, katakana or Han characters, or a name in Hebrew or Arabic script, is
    read last as the Latin spellings it likeliest transcribes (``names.transcribed``:
    ``도널드 트럼프``, donald trump; ``جون سميث``, jon smith)."""
    if text.isascii():
        return (text,)
    if chinese.is_foreign_han(text):
        return (text, *_transcribed(text))  # a transcription, not a name to read as Japanese
    other = japanese.alternative_reading(text) or _respelling(text)
    waws = persian.waw_readings(text)
    korean = hanja.korean_reading(text)
    company = (
        company_words.english_reading(text, normalise)
        if script_of(text) in ("CJK", "HANGUL")
        else None
    )
    learned = _transcribed(text)
    found = (text, other, *waws, korean, company, *learned)
    return tuple(t for t in found if t is not None)


# The table of ``names.transcribed`` for each script it reads back: foreign names
# (those told apart as such) and any name in Hebrew or Arabic script, whose own
# names it read as well as foreign ones in training.  Arabic script: the rules'
# reading (consonants, guessed vowels: ``ديفيد جونسون`` "difid junasun") keeps
# Arabic names to their consonants; the table spells the foreign names Arabic
# writes by ear as they are spelled ("dovid johnson"), and Arabic names as they
# are usually spelled (محمد: mohamed, mohammed, mohammad).  Measured on names of two
# held-out Wikidata name words in Arabic script and Latin letters (2,000), matched
# at 85: 0.381 -> 0.708 (seed 7, ``evaluate_matching.py``), and of two held-out
# Google Arabic-English name words (159): 0.434 -> 0.824; none of 20,000 other pairs
# of the sample met; the UN list's names in Arabic script meeting the entry's Latin
# names 312 -> 324 of 372.
_TRANSCRIBED_SCRIPTS = {
    FOREIGN_HANGUL: transcribed.HANGUL,
    FOREIGN_KATAKANA: transcribed.KATAKANA,
    FOREIGN_HAN: transcribed.HAN,
    "HEBREW": transcribed.HEBREW,
    "ARABIC": transcribed.ARABIC,
}


@lru_cache(maxsize=1 << 12)  # prepared_readings asks again which readings are these
def _transcribed(text: str) -> tuple[str, ...]:
    """The Latin spellings a foreign name's transcription was likeliest made from
    (``names.transcribed``: ``ドナルド・トランプ``, donald trump)."""
    script = _TRANSCRIBED_SCRIPTS.get(_name_script(text))
    return transcribed.readings(text, script) if script is not None else ()


def _name_script(text: str) -> str:
    """``script_of``, with a foreign name written in Hangul set apart (its tokens
    are words, not the syllables of a Korean name), and one written in katakana."""
    script = script_of(text)
    if script in ("CJK", JAPANESE) and chinese.is_foreign_han(text):
        return FOREIGN_HAN
    if script == "HANGUL" and is_foreign_hangul(text):
        return FOREIGN_HANGUL
    if script == JAPANESE and japanese.is_foreign_katakana(text):
        return FOREIGN_KATAKANA
    return script


# Honorifics that say a person's gender, as ``normalise`` reads them, at the start
# of a name: English, French, German, Spanish and Portuguese (Sra., Srta., Dra.),
# Italian (Sig.ra, Dott.ssa), Turkish (Bay, Bayan); and in a name's own script
# ``_NATIVE_GENDERED_TITLES``.  Ungendered titles (Dr, Prof, Hon) say
# nothing, and are skipped over ("Mrs Dr Jane Roe").  Not "pan" in Latin letters,
# a Chinese surname, nor "don", a given name; not السيد (a given name in Egypt).
FEMALE_TITLES = frozenset(
    ("mrs", "ms", "miss", "madame", "mme", "mlle", "frau", "senora", "sra", "srta", "srita")
    + ("dra", "mtra", "sigra", "signora", "dottssa", "bayan", "dame", "lady")
)  # fmt: skip
MALE_TITLES = frozenset(
    ("mr", "mister", "monsieur", "herr", "senor", "sr", "sig", "signor", "mtro", "bay", "sir")
)  # fmt: skip
# Two-word spellings of them ("Sig.ra", "Dott.ssa", "Sr.a": a full stop splits them).
_GENDERED_TITLE_PAIRS = {("sig", "ra"): "sigra", ("dott", "ssa"): "dottssa", ("sr", "a"): "sra"}


@lru_cache(maxsize=len(_NATIVE_GENDERED_TITLES) + 1)
def _native_gendered_titles(script: str) -> dict[tuple[str, ...], str]:
    """The gendered titles of ``script`` as ``normalise`` reads them (``г-жа``: "g
    zha"), each with its gender."""
    female, male = _NATIVE_GENDERED_TITLES.get(script, ((), ()))
    found: dict[tuple[str, ...], str] = {}
    for gender, titles in (("female", female), ("male", male)):
        for title in titles:
            words = tuple(normalise(title).split())
            if words:
                found[words] = gender
    return found


def title_gender(text: str) -> str:
    """ "female" or "male" when ``text`` starts with honorifics that say so, else ""
    (none, or both: "Mr and Mrs Smith").  See ``PreparedName.title_gender``."""
    vietnamese = _vietnamese_title(text)
    if vietnamese is not None:
        return vietnamese[1]
    script = script_of(text)
    words = normalise(text).split(" ")
    genders: set[str] = set()
    if script:
        gendered = _native_gendered_titles(script)
        other = _native_title_phrases(script)
        position = 0
        while position < len(words) - 1:
            for phrase, gender in gendered.items():
                if tuple(words[position : position + len(phrase)]) == phrase:
                    genders.add(gender)
                    position += len(phrase)
                    break
            else:
                size = _phrase_at(words[position:], other.get(words[position], ()), start=True)
                if not size:
                    break
                position += size
        return genders.pop() if len(genders) == 1 else ""
    position = 0
    while position < len(words) - 1:
        word = words[position]
        pair = _GENDERED_TITLE_PAIRS.get((word, words[position + 1]))
        if pair is not None:
            word = pair
            position += 1
        if word in FEMALE_TITLES:
            genders.add("female")
        elif word in MALE_TITLES:
            genders.add("male")
        elif word not in TITLES and word not in _LATIN_LEADING and word != "and":
            break
        position += 1
    return genders.pop() if len(genders) == 1 else ""


def _has_title(text: str, tokens: tuple[str, ...]) -> bool:
    """True when ``tokenise`` dropped a title from ``text`` (see ``PreparedName.titled``)."""
    if script_of(text) in _SYLLABIC_SCRIPTS:
        return False
    if _vietnamese_title(text) is not None:
        return True
    words = normalise(text).split(" ")
    if any(t in TITLES and t not in tokens for t in words):
        return True
    return len(_strip_title_phrases(words, text)) < len(words) and len(tokens) < len(words)
