"""Score how similar two prepared names are, and say why.

The score (0-100) is a weighted alignment of tokens.  Every *option* of the query
(a token, or a compound of up to three adjacent tokens, see
``names.token_options``) is compared with every option of the listed name; pairs
are taken best first, each token used at most once, so token order does not
matter, ``Jong-Sik``/``Jong Sik``/``Jongsik`` agree and a shared token cannot be
counted twice.

Each pair contributes its similarity, made steeper below 100 (a pair at 80 is
weak evidence, not 80 % of a match; steeper still against a listed name of one
word, unless both names are one word of five letters or more:
``SINGLE_WORD_LONG_LENGTH``), times
the weights of its tokens.  A token's
weight grows with its length and with its rarity in the loaded lists
(``TokenWeights``): ``Kim``, ``Mohammed``, ``Trading`` count less than
``Nuristani``; a word read with guessed vowels (``mahamad``) is as rare as the
names of its consonants together (``GUESSED_VOWEL_SCRIPTS``).  Legal forms,
particles and initials weigh little.  Tokens left
unpaired lower the score two ways:

* *contradiction*: both names have unpaired words (``Kim Jong Un`` against ``Kim
  Jong Sik``): they count in full on both sides;
* *omission*: only one name has unpaired words (a dropped middle name, a
  patronymic, a surname alone): they count at a fraction ``ALPHA`` that is small
  when the paired tokens include a rare one (``President Putin`` still identifies
  ``Vladimir Putin``) and full when all the paired tokens are common (``Ri Chol``
  is not ``Ri Pyong Chol``), when the screened name is one bare word
  (``Montenegro``), or when a syllable of a Korean or Chinese name is missing;
  the listed person's given names all missing (``Fernanda Rodrigues`` /
  ``RODRIGUEZ FERNANDEZ, Andre``) count at ``GIVEN_NAMES_OMISSION`` of their
  length: family names are shared by relatives; the listed person's middle names
  alone missing (``Sergei Saenko`` / ``SAENKO, Sergei Ivanovich``) count at
  ``MIDDLE_NAMES_FACTOR`` of that fraction: that is how payments name people.

A sound-alike (the phonetic skeleton) lifts a pair only when both spellings start
with a vowel or both with a consonant (``Shane`` is not ``Anne``), only to at least
``MIN_LIFTED_SIMILARITY`` (``Zacarias`` is not ``Carlos``), never from a skeleton
that is the other's and a syllable more (``Kumiko`` is not ``Gumi``:
``SYLLABLE_MORE_MIN_LETTERS``), between two Latin spellings whose skeletons'
consonants differ only a little (``Morillo`` is not ``Morales``:
``UNEQUAL_SKELETON_LIFT``), and between two names of one word each only when
their consonants are spelled alike, else a little (``Cisco`` is not ``Zisco``).
A name read from Arabic script (or from an abugida that does not write its
inherent vowel: ``BARE_ABUGIDA_SCRIPTS``) has guessed
vowels: against a name of another script its words pair beyond their spelling only
when the consonants agree, two at least (``mahamad``/``Mohamed``, not
``dud``/``Daud``), and then as a reading and a spelling (``reading_similarity``:
a guessed vowel is any short vowel or none, a written long vowel must be spelled,
so حسين is ``Hussein`` and not ``Hassan``); a name with a written final long vowel
is another name than without it (``Mohammadi`` is not ``Mohammad``:
``ABJAD_SUFFIX_MAX_SIMILARITY``).  A name in Hebrew, which writes most vowels but
not all, is also compared as a reading, besides its skeleton (``READING_SCRIPTS``);
a foreign name in Hangul or katakana, which write one letter for r and l (Hangul
for p and f too) and add vowels between consonants, also on its
``loose_skeleton`` (``LOOSE_CONSONANT_SCRIPTS``).
A Korean or Chinese syllable pairs only with one of the same sound and glide
(``hyon`` is not ``hun``).

Numbers must agree (``Vessel 1`` is not ``Vessel 2``); an initial pairs with a word
of that letter (``J. S. Kim``), and a short word with a legal form it misspells
(``Koti Curp`` / ``KOTI CORP``), both weakly.  A compound pairs only when nearly
equal to the word it stands for, and never spans a connector (``and``, ``of``); a
patronymic pairs with another only as far as the fathers' names agree, and never
with the father's given name.  ``Match.adjustments`` lists every penalty.

Contract with the candidate index (``matching.index`` and ``matching.prefilter``),
which must stay lossless (the tests compare indexed search with brute force):

* a pair's similarity is ``_option_similarity``: the plain ``rapidfuzz.fuzz.ratio``
  (between two single tokens ``transposition_similarity`` when higher: two
  letters swapped),
  or a view's of ``TOKEN_VIEWS`` when higher but at most ``MAX_SKELETON_LIFT``,
  ``CROSS_SCRIPT_MAX_LIFT`` or ``COMPOUND_MAX_LIFT`` above the plain one, and
  the plain one when lifted below ``MIN_LIFTED_SIMILARITY`` (plain only between
  names of one non-Latin script or with Chinese, and across an abjad when the
  consonants disagree: ``ABJAD_SCRIPTS``; when they agree, ``reading_similarity``
  instead of the views', and on top of them for Hebrew: ``READING_SCRIPTS``; and
  ``loose_skeleton``, at most ``LOOSE_MAX_SIMILARITY``, for a name of a
  ``LOOSE_CONSONANT_SCRIPTS``), at most
  ``MAX_VARIANT_SIMILARITY`` unless equal; unequal short tokens, numbers, legal
  forms and particles never pair (but a word of at most ``LEGAL_PAIR_MAX_LENGTH``
  letters that ``pairs_as_legal_form`` pairs with a legal form as an initial with
  a word, counted at ``LEGAL_PAIR_SIMILARITY``), nor two compounds, nor short
  tokens below ``SHORT_PAIR_MIN_SIMILARITY``, syllables below ``SYLLABLE_MIN_SIMILARITY`` and a
  compound with a word below ``COMPOUND_MIN_SIMILARITY``;
* options are the texts of ``token_options(tokens)``;
* the score of a name pair never exceeds the best similarity of its token pairs
  plus ``MAX_SCORE_BONUS``: adjustments may lower a score, never raise it past
  that (``compare`` caps the score at the best similarity of its non-initial pairs);
* the score is ``achieved / denominator`` as ``matching.prefilter`` describes it:
  a pair credits at most ``100 - PAIR_DEFICIT_GAIN * (100 - s)`` (an initial pair
  ``INITIAL_CREDIT * 100``) times its tokens' weights, and the denominator is at
  least the paired weight, plus ``CONTRADICTION_FACTOR`` times the smaller of the
  two names' unpaired words' lengths (a word's length at most ``WORD_LENGTH_CAP``,
  its weight at most its length), plus ``alpha`` (never below ``ALPHA_RARE``, at
  least the formula of ``compare`` from the paired tokens' rarity, times
  ``MIDDLE_NAMES_FACTOR`` between persons' names, at most ``ALPHA_COMMON``) times
  the difference of the two names' unpaired words' weights, plus the unpaired
  minor tokens' weight (so at least ``alpha`` times all unpaired words' weight).
  A change that only lowers scores (a larger denominator, a penalty, a pair
  refused) is always safe;
* a screened name that may have been cut at a payment field's length
  (``PreparedName.truncated``) leaves the listed words after its last paired one
  unknown, neither paired nor unpaired, when a paired word is rare
  (``TRUNCATED_MIN_RARITY``) or enough words are paired (``TRUNCATED_MIN_WORDS``),
  and its own last word too when that begins the first of them: against such a
  name, the bounds let every listed token and the name's last token go unpaired
  at no cost and no number of them cost the penalty.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..model import Adjustment, Match, TokenPair
from ..names import (
    FOREIGN_HAN,
    FOREIGN_HANGUL,
    FOREIGN_KATAKANA,
    LEGAL_FORM_WORDS,
    TOKEN_VIEW_FUNCTIONS,
    NameOption,
    PreparedName,
    TokenKind,
    mask_bits,
    nicknames,
    skeleton_view,
    transcribed,
    voweled_skeleton,
    written_initials,
)
from ..names import token_options as _name_token_options

# A pair of tokens whose similarity is below this (0-100) is not a pair at all:
# two unrelated tokens of similar letters ("sik"/"sin") would otherwise add score.
MIN_TOKEN_SIMILARITY = 70.0

# Two words that begin with other letters, not sounds alike (their skeletons begin
# with other letters too), pair only from this similarity: a typo keeps a word's
# first letter far more often than not, so two letters changed there and beyond
# make another name (Maryana / TATYANA 71), while other romanisations meet in the
# skeleton (Kim/Gim, Yusuf/Jusuf) or come this near.  A letter put before the other
# word is left to the rules of onsets (``onset_added``, ``_consonant_prefixed``):
# Helena / Elena stays a weak pair.
OTHER_INITIAL_MIN_SIMILARITY = 80.0

# Tokens this short (initials, "al", "de") must be equal to pair: one letter of
# difference in a two-letter token is a different token.
EXACT_TOKEN_MAX_LEN = 2

# Upper bound of what adjustments may add to the token alignment score (see the
# module docstring): the candidate index searches at ``threshold - MAX_SCORE_BONUS``.
MAX_SCORE_BONUS = 0.0
# A cap below the score's rounding (0.1) is the floating-point noise of the sums
# that made the score (100 - 1.4e-14), not a rule that lowered it: applied, not
# shown among the adjustments.
CAP_SHOWN_MIN = 0.05

# Views of a token under which similarity is measured: the plain token and its
# phonetic skeleton (``names.phonetic``).  The similarity of two tokens is the
# best ratio over all views.
TOKEN_VIEWS: tuple[Callable[[str], str], ...] = TOKEN_VIEW_FUNCTIONS
# Where the skeleton is among an option's views (the plain text is 0).
SKELETON_VIEW = 1

# Two letters swapped (Schloz/Scholz, Putni/Putin, Ibraihm/Ibrahim) is the commonest
# slip of a typist and seldom another name, but the Indel ratio counts it as two
# changes (a deleted and an inserted letter: 80 for five letters, like a changed
# letter).  Such a pair counts as one letter dropped instead, 100 * (1 - 1 / (2n - 1))
# for words of n letters (88.9 for five, 92.3 for seven), for words of at least
# TRANSPOSITION_MIN_LENGTH letters whose first and last letters agree: swapped there
# they make other names (Ahmed/Hamed, Castro/Castor, Peter/Petre), as do shorter
# words (Aria/Aira).  Measured at seed 7 of evaluate_matching: 3 of the 14 missed
# true variants were such swaps (BXEHETI, Cenutry, IBRAIHM); with the last letter
# allowed, Castro met CASTOR.
TRANSPOSITION_MIN_LENGTH = 5

# One letter typed for another (Glenmore/Glencore, Nadar/Nadal, Ambwr/Amber) is as
# common a slip as two letters swapped, and the Indel ratio counts it as two
# changes too (80 for five letters, 83.3 for six).  Between two words of the same
# length of at least SUBSTITUTION_MIN_LENGTH latin letters, the first kept, it
# counts as one letter dropped (``substitution_similarity``, the transposition's
# value).  Not a vowel for a final vowel (Mario/Maria, Ivana/Ivano: another name,
# see ``_gendered_pair``).  Measured at seeds 7 (11) of evaluate_matching, with the
# rule for names of one word below: pairs F1 at 85 0.852 -> 0.863, recall of the
# true variants 0.989 (0.985) -> 0.992 (0.990), a neighbouring key 0.884 (0.901)
# -> 0.968 (0.976), false alerts unchanged; from six letters (Karim/Karin left) the
# pairs gain 3 of the 8 matches five letters gain.  Not between two names of their
# own in persons' names, both spelled so by a listed name, the prior or the census
# names (``TokenWeights.spelled``): Amini is no AMIDI, Azizi no AZIMI, Jafari no
# SAFARI (88-91 as one letter dropped); a typo makes a word no list spells, and a
# transcription table's reading comes out in names' spellings.  (A company's words
# are a language's words, which lists spell too: Bank of Chima is Bank of China.)  Seed 7:
# common Iranian names 67 -> 63 alert; the cost, a typo that makes another name
# (neighbouring key 362 -> 361 of 372: Karin KEITA / KEITA, Karim) and Jansen /
# JENSEN among the 826 pairs; true variants and the other sets unchanged.
SUBSTITUTION_MIN_LENGTH = 5
# In a name of one word, where one changed letter is as often another word: only a
# word this long and at least this rare (``TokenWeights``), not a name the lists
# know well (Martin / MARLIN, Fomin Ltd / FAMIN FZE stay apart, both alerts among
# the benchmark's 20,000 payment names without this; PEXHAK / PEZHAK, Glenmore plc /
# Glencore plc pair).  Leaving names of one word out altogether cost recall (0.992
# -> 0.991, 0.990 -> 0.988: LIMITED LIABILITY COMPANY flamsted).
ONE_WORD_SUBSTITUTION_MIN_LENGTH = 6
ONE_WORD_SUBSTITUTION_MIN_RARITY = 0.5
_LATIN_WORD = re.compile("[a-z]+")

# Two tokens spelled differently are at most this similar even when a view makes
# them equal (Chong/Jong): the exact spelling is the stronger evidence, and the
# listed name spelled as the query is the one an explanation should show.  The
# skeleton is lossy (every vowel after the first is one letter, voicing is
# merged): Cisco/Zisco, Manola/Manuela, Gurev/Kurov share one, so a sound-alike
# alone is kept below what a one-letter typo of a long word scores (94 vs 95),
# and a name of one sound-alike word (88 with SINGLE_WORD_DEFICIT_GAIN) stays a
# weaker hit than the same word spelled alike.
MAX_VARIANT_SIMILARITY = 94.0

# A sound-alike lifts a pair at most this far above its spelling similarity: real
# romanisation variants look alike too (Chol/Chul 75, Gim/Kim 67, Mohammed/
# Muhammad 75, Hussein/Husayn 62), while names that only share a skeleton do not
# (Cassiano/Qasiyun 40, Kensy/Kenzo 60).  A view lifts a pair only when both
# spellings start with a vowel or both with a consonant: romanisations of one
# name may disagree on its first consonant (Kim/Gim, Yusuf/Jusuf, Bhladimir/
# Vladimir) or vowel (Osama/Usama), hardly on whether it has one, while Shane/Anne
# (sana/ana) only share an ending.
MAX_SKELETON_LIFT = 30.0

# ... and only this far when the skeletons' consonants differ, between two Latin
# spellings: consonants that differ beyond the skeleton's merges make another name
# (Morillo/Morales 67 spelled, 87 as skeletons; Echegaray/Echeverria), while a
# transliteration differs in its vowels (Volodymyr/Vladimir) or is spelled close
# enough (Selenskyj/Zelenskyy).  A name from another script keeps the full lift:
# its reading is a guess.
# Measured on the 826 labelled pairs: F1 at 85 0.842 -> 0.843, best 0.870 -> 0.875;
# recall and alerts of the screening evaluation unchanged (seeds 7 and 11).
UNEQUAL_SKELETON_LIFT = 15.0

# A word whose skeleton is another's and a syllable more (two letters or more:
# kumiko/gumi "komaka"/"koma", markina/marka) is another name, not a spelling
# of it: as a sound-alike it counts at most just below MIN_LIFTED_SIMILARITY, so
# the pair keeps its spelling's similarity.  So is a word spelled as another and a
# syllable more, begun by a consonant, whatever the skeletons (jing / JINGHO: "jink" /
# "jinka", the h silent; 精芯科技有限公司 "Jing Xin Technology" met JINGHO
# TECHNOLOGY CO. LIMITED at 87.2).  Seed 7: 8 -> 7 of 5,985 clean names alert,
# recall and noise models unchanged.  And a name of its own that is another with a
# syllable put before it, both spelled so by a listed name, the prior or the census
# names (``TokenWeights.spelled``): Ebrahimi is no RAHIMI (85.7 as spelled).  Not a
# word joined from two, which ends with the second (ALRAHMAN / RAHMAN: "two words
# joined" lost 3 of 367 without the condition).  Common Iranian names: 70 -> 67 alert.
SYLLABLE_MORE_MIN_LETTERS = 2
SYLLABLE_MORE_MAX_SIMILARITY = 79.0

# A sound-alike is evidence when the skeletons are (nearly) equal; lifted to less
# than this, a pair only shares some sounds (Zacarias/Carlos: 57 spelled, 77 as
# skeletons) and keeps its spelling similarity: a given name that is another
# given name must count as a contradiction, not as a weak pair.
MIN_LIFTED_SIMILARITY = 80.0

# Two short tokens (at most SHORT_TOKEN_LENGTH letters) pair only from
# SHORT_PAIR_MIN_SIMILARITY: one letter in four is another name (Wang/Yang), and
# their romanisation variants meet in the skeleton anyway (Chol/Chul: 94).
SHORT_TOKEN_LENGTH = 5
SHORT_PAIR_MIN_SIMILARITY = 80.0

# The same limit for a compound against a token: the skeleton of two words joined
# meets too many single words (Kassa Wedi / Azevedo, Soe Thein / Schottin, Chi Hoang
# / Zhihang, Antonio Injai / Antonini: 80 plain, 94 lifted by 15), while a Korean
# given name written apart still meets its one-word romanisation (Jong Sik /
# Chongsik: 80 plain, 92 lifted) and Arabic words written apart theirs (Abd al Lah /
# Abdullah: 82 plain, 93 lifted).
# So for a reading with guessed vowels (``reading_similarity``): its words are
# split by a guess too (النا, Elena, read "al na": "nazar" / Nasr 67 plain, 100 as
# a reading).
COMPOUND_MAX_LIFT = 12.0
# ... but this much when the two skeletons are equal: Arabic names written joined
# in one transcription and apart in another, Abd al- and its assimilated article
# included (Abdelkader / Abdul Qadir: 70 plain; Abderrazak / Abdul Razzaq 67),
# or a Korean given name in two romanisations (Kim Jong / Gimchong 67).
COMPOUND_SKELETON_LIFT = 20.0
# ... for texts of this many letters each: short ones share skeletons by chance
# (周娟 read "shu ken" / ABOU SHAUKAN, Tu Le / TULI, Hai Bui / HABU: of the
# benchmark's 20,300 payment names, 10 more alerted at any length, none from eight
# letters, where only true variants gained hits).
COMPOUND_SKELETON_MIN_LETTERS = 8

# A compound pairs with a single token only from this similarity (see ``compare``).
COMPOUND_MIN_SIMILARITY = 85.0
# ... and only when the token, cut in as many pieces, holds each of the compound's
# words of at least COMPOUND_PART_MIN_LETTERS letters at least this similar or
# contracted (INDUSTRIALTRDG / INDUSTRIAL TRDG, read "trading"), legal forms aside
# (canonicalised: CO is "corp"); as spelled or, when the skeletons are equal, as
# skeletons (Abdelkader / Abdul Qadir, Chongsik / Jong Sik: a romanisation respells
# every part).  Two words joined meet a longer word on what they share: "Andreevich"
# met "Andrey Yurievich" at 89 ("evich" holds 71 of "yurievich"), "Mohammed Haion"
# (מוחמד חיון) "MOHAMMADIAN" at 94 ("ian" 50 of "haion"), and a given name and the
# patronymic after it the patronymic made of it ("Vyacheslav Yosipovich" /
# "Vyacheslavovich": 86, "ovich" 67 of "yosipovich").  Words joined as written apart
# hold each part in full (Mohammad Hasni / MOHAMMADHASNI, JSC ARGUMENT / JSCARGUMENT)
# or nearly, misspelt (Abu Bakr / Abubakar: "bakar" 89 of "bakr").  UK + Canada +
# OpenSanctions, seed 29: 5,988 clean names, 15 -> 12 alerts; OFAC + UN seed 7:
# recall, alerts, noise models ("two words joined" 367 of 382) and pairs unchanged.
# Above 75: a word of four letters with one changed is another word ("Trần Đặng" /
# TRADING held "dang" as "ding", 85.6; OFAC + UN seed 41: 16 -> 15 alerts, recall,
# noise models and pairs unchanged, UK + Canada + OpenSanctions seed 43 unchanged).
COMPOUND_PART_MIN_SIMILARITY = 76.0
# Shorter words are articles and particles (al, el, bin, abu) that transliterations
# spell in many ways (al / el 50): not asked to be held.
COMPOUND_PART_MIN_LETTERS = 4

# The same limit when one name was transliterated from another script: larger,
# as a transliteration is a guess at a spelling (Arabic "mahamad" / "Mohamed").
CROSS_SCRIPT_MAX_LIFT = 40.0
# Scripts of India whose languages do not say a word's inherent final a, but after
# a cluster (``names.indic``): ``बक्र`` reads "bakra" for Bakr, as ``नरेन्द्र``
# "narendra" for Narendra, so a final a is no feminine ending (``_gendered_pair``).
SCHWA_SCRIPTS = frozenset(("DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA"))

# Scripts that write every sound of a name, vowels included, read letter for
# letter (Indian scripts by ``names.indic``, Greek, Armenian, Georgian by anyascii):
# a name read from them is spelled, not guessed at, and lifts as a Latin spelling
# does (``आभा खान``, Abha Khan, is not KHAN, Abid: 25,951 generated clean names 69 ->
# 67 alerts with names.indic, recall unchanged).  So is Cyrillic, whose readings
# differ in how a letter is spelled (Ya/Ia, Kh/H), which the skeleton absorbs, not in
# which consonants are there: 1,500 Faker names each of ru_RU and uk_UA against UK +
# Canada + OpenSanctions 25 -> 23 alerts (Владислав Ющенко / YUSHCHENKO Vyacheslav
# gone), the evaluation (its variants in Cyrillic, Putin's, the UN's) unchanged at
# seeds 7 and 11.
SPELLED_SCRIPTS = SCHWA_SCRIPTS | frozenset(
    ("TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "GREEK", "ARMENIAN", "GEORGIAN", "CYRILLIC")
)

# Scripts that leave short vowels unwritten: ``names.normalise`` reads them with
# guessed vowels (``mhmd`` -> ``mahamad``), so only their consonants are evidence.
# Across scripts a sound-alike lifts a pair of such a reading only when the
# consonants of both skeletons agree (a final ``h``, the Arabic ta marbuta,
# aside) and are at least ABJAD_MIN_CONSONANTS distinct sounds:
# mahamad/Mohamed (m-h-m-t) and butin/Putin (p-t-n) still meet, while a
# skeleton of two or three letters meets too many names (dud/Daud, luy/Luay:
# t and l) and a consonant more or less is another name (kabali/Qabalan, sin/Shi).
# A final long vowel is written in an abjad (ya, waw: ``hasani``, ``mahamadi``):
# one name ending with one (i, u, y) and the other with a consonant differ by a
# suffix (Hasani/Hassan, Mohammadi/Mohammed).
# Hebrew is not one of them: names in Hebrew write most vowels with letters
# (``names.hebrew``), and held to their consonants 22% of them met their Latin
# spelling instead of 24% (measured there).
ABJAD_SCRIPTS = frozenset(("ARABIC",))
ABJAD_MIN_CONSONANTS = 2

# Two such words of the same consonants are compared as a reading and a spelling
# (``reading_similarity``: حسين read "hasin" / Hussein, 80 -> 91) from
# READING_MIN_CONSONANTS consonants.  Two are enough, as for the skeleton: many
# names have two (عمر / Omar, معین / Moein), and the written long vowels still
# tell them apart (سينا / Son: 57).
READING_MIN_CONSONANTS = ABJAD_MIN_CONSONANTS

# Abugidas whose inherent vowel is not written (Thai สมชาย, read "somchay"; Khmer
# ពត "pot"): ``names.normalise`` guesses it from the syllables, so their vowels
# are no more evidence than an abjad's and the same consonant rules hold for them
# (the written final long vowel aside, an abjad's).
BARE_ABUGIDA_SCRIPTS = frozenset(("THAI", "LAO", "KHMER", "MYANMAR"))

# Every script whose reading guesses vowels.  A word of such a name is at most as
# rare as the names of its consonants are together: its skeleton carries guessed
# vowels (``mahamad``), so as a skeleton it is rare where the name it reads is the
# commonest of all (Mohamed, Muhammad: ``mhmt``), and it would outweigh the rest
# of the name (``consonant_key``).  Not a word of fewer than ABJAD_MIN_CONSONANTS
# consonants (``yas``): as many names share them as share a letter, and it would
# weigh nothing at all when left out.
GUESSED_VOWEL_SCRIPTS = ABJAD_SCRIPTS | BARE_ABUGIDA_SCRIPTS

# Scripts whose reading leaves some vowels unknown, so that its words meet a Latin
# word of the same consonants as a reading and a spelling (``reading_similarity``):
# the scripts above, where that is the only sound-alike their words get, and
# Hebrew, where it comes on top of the skeleton (Hebrew writes most vowels, so its
# consonants need not agree, see ABJAD_SCRIPTS).  Measured on 800 Wikidata people
# written in Hebrew and Latin letters: 23% matched their Latin name at 85 before,
# 45% with it, and none of 8,000 other pairs did.
READING_SCRIPTS = GUESSED_VOWEL_SCRIPTS | frozenset(("HEBREW",))

# ... but a Hebrew reading's guessed vowels (an "a" for each unwritten vowel) still
# make the letters of a word alike that the consonants tell apart: כהן (Cohen) read
# "kahan" met KHAN at 88.9, ממן "maman" AMAN, יאסין "yasin" HASSAN, so that Israeli
# names alerted on the lists' Arabic names ten times as often as other clean names.
# A word read from Hebrew and a spelling whose skeletons' consonants differ
# (``abjad_consonants``) pair at most this (ADDED_CONSONANT_MAX_SIMILARITY: another
# name).  Measured on 1,472 Faker he_IL names: 28 -> 16 alerted against OFAC + UN,
# 15 -> 9 against UK + CA + OpenSanctions; the cost, Wikidata people in Hebrew and
# Latin letters matched at 85: 0.738 -> 0.724 (seed 7), 0.729 -> 0.717 (seed 11),
# mostly English spellings of silent letters (John / ג'ון "jon"); the labelled
# pairs, the cross-script sets and the UN's Arabic names unchanged.
HEBREW_CONSONANTS_DIFFER_MAX_SIMILARITY = 75.0

# A name and the same name with a written final long vowel, in or against an abjad,
# are two names (the nisba: Mohammad/Mohammadi, Ahmad/Ahmadi, Hassan/Hassani): a
# pair of them counts at most this, as a weak pair, whatever their spelling.  So too
# for a reading of a name in Arabic script by the transcription table
# (``names.transcribed``): a Latin spelling whose final long vowel Arabic wrote
# (ی, ي: ``عزیزی`` "azizi" is not AZIZ).
ABJAD_SUFFIX_MAX_SIMILARITY = 80.0

# Scripts that write foreign names with fewer consonants than the names have: in
# Hangul one letter stands for p and f (ㅍ), b and v (ㅂ), r and l (ㄹ), j and z
# (ㅈ), h and kh (ㅎ): 지르코프 reads "jirkop" for Zhirkov, 린다 "rinda" for Linda;
# katakana has one row for r and l (ラ行), and both add vowels between consonants
# and after a final one (Hangul 으, katakana u and o: マリノフスキー "marinofusuki"
# for Malinovsky).  Against a name of another script such a name's words also
# meet on ``loose_skeleton``, where each of those consonant sets is one letter
# (the skeleton already merges b/p and f/v/w, z/s) and only the first vowel is
# kept (but an o or u after a first consonant, which katakana adds).  Measured on
# Wikidata (2,000 people in Hangul; 2,000 names of two words in katakana) against
# their Latin spelling, matched at 85: Hangul 44% before, 55.6% with the loose
# consonants, 56.1% with the vowels dropped too; katakana 14% before, 46% with both;
# none of 20,000 other pairs either way.  So do Chinese characters, which write a
# foreign name with l for r and l and a vowel after every consonant but n
# (``names.chinese``: 弗拉基米尔 "flagimir").
# Burmese writes foreign names so too, and reads them with guessed vowels: no v (ဗ b
# for it), one sound for r and y (ရ, ယ), a vowel after a final consonant
# (ဗလာဒီမီယာ "bladimiya", Vladimir): its words meet other scripts' on the loose
# skeleton, at most LOOSE_MAX_SIMILARITY, whatever their consonants (the consonant
# rules of BARE_ABUGIDA_SCRIPTS would keep them apart).
BARE_ABUGIDA_LOOSE = frozenset(("MYANMAR",))
LOOSE_CONSONANT_SCRIPTS = frozenset((FOREIGN_HAN, FOREIGN_HANGUL, FOREIGN_KATAKANA))
LOOSE_CONSONANT_SCRIPTS |= BARE_ABUGIDA_LOOSE
_LOOSE_CONSONANTS = str.maketrans({"f": "p", "l": "r", "J": "s", "j": "s", "h": "k"})
_LOOSE_VOWELS = re.compile("[aeiouy]")
_LOOSE_DOUBLED = re.compile(r"(.)\1+")


def _first_letter(match: re.Match[str]) -> str:
    return match[1]  # a function, not the template r"\1" (see phonetic._first_of_run)


# A pair alike only on ``loose_skeleton`` counts at most this: so loose a key is
# evidence, not proof (kan shon / Cano Jhonny).  Screened against the OFAC SDN
# and UN lists, 4,000 Wikidata names in katakana alerted 13 times with the cap of
# any sound-alike (94), 6 with this (2 before the loose skeleton), at the cost of
# katakana 45% -> 40% matched (46% once the key kept no added first vowel);
# 4,000 in Hangul 53 and 40 times (42 before the vowels were dropped from the key).
LOOSE_MAX_SIMILARITY = 90.0


_INITIAL_VOWEL_GLIDE = re.compile("^o(?=[^aeiouy])")


def loose_skeletons(skeleton_text: str) -> tuple[str, ...]:
    """``loose_skeleton`` of a name's word written in a ``LOOSE_CONSONANT_SCRIPTS``,
    and of the other sounds its letters transcribe: katakana and Chinese write ti
    and di with the letters of chi and ji (プーチン "puchin", Putin; 基 "ji" for di),
    Hangul did (뿌찐); katakana writes a v or w before a consonant with the u of
    ウ (ウラジーミル "urajimiru", Vladimir; ウールジー, Woolsey)."""
    variants = [skeleton_text]
    if "j" in skeleton_text:
        variants.append(skeleton_text.replace("j", "t"))
    if _INITIAL_VOWEL_GLIDE.match(skeleton_text):
        variants += ["f" + text[1:] for text in variants]
    return tuple(dict.fromkeys(loose_skeleton(text) for text in variants))


def loose_skeleton(skeleton_text: str) -> str:
    """A skeleton with the consonants ``LOOSE_CONSONANT_SCRIPTS`` do not tell apart
    made one, and its vowels dropped but the first (unless a u or o, the vowel
    katakana adds after a first consonant: プリゴジン "purigojin", Prigozhin),
    doubled letters once: ``jirkop`` and ``jirkof`` (Zhirkov) are ``sirkp``,
    ``maranafasaka`` (マリノフスキー) and ``malanafsaka`` (Malinovsky) ``marnpsk``."""
    loose = skeleton_text.translate(_LOOSE_CONSONANTS)
    first = _LOOSE_VOWELS.search(loose)
    if first is None:
        return loose
    keep = 1 if first.group(0) == "o" else first.end()
    return _LOOSE_DOUBLED.sub(_first_letter, loose[:keep] + _LOOSE_VOWELS.sub("", loose[keep:]))


# Names written in these scripts are romanised one syllable per token: a syllable
# pairs only with a spelling of the same sound (skeletons equal).
SYLLABIC_SCRIPTS = frozenset(("HANGUL", "CJK"))
SYLLABLE_MIN_SIMILARITY = MAX_VARIANT_SIMILARITY

# Two romanised Korean or Chinese syllables, one closed by -n and the other by
# -ng, are two syllables in every romanisation (Jun/Jung, Sun/Sung, Jin/Jing:
# 준/정, 선/성, 金/京), though their skeletons differ by one letter: such a pair
# counts at most this, below MIN_TOKEN_SIMILARITY, so the words do not pair
# ("Park Jun-hee" is not "Park Chung-hee").
SYLLABLE_END_MISMATCH_MAX_SIMILARITY = 60.0
# So are an open syllable and a closed one (Hui/Hun, So/Son, Kim/Ki: 희/훈,
# 소/손): no romanisation writes a final consonant another leaves out ("Kim
# Song-hui" met "KIM, Song Hun" at 90, through the skeletons "ho" and "hon").  Not
# a foreign name's transcription (``LOOSE_CONSONANT_SCRIPTS``), whose words are no
# syllables and which drops and adds final consonants.

# The skeleton merges a glide with the vowel after it (hyon/hun, kyong/kong: "o"),
# but every romanisation writes a Korean glide (Hyon, Hyun, Hyeon for 현; Hun,
# Hoon for 훈), as pinyin and Wade-Giles write theirs: syllables pair only when
# both have a "y" after their first consonants or neither has.
_GLIDE = re.compile("^[^aeiouy]*y")

# A pair's similarity s counts as 100 - PAIR_DEFICIT_GAIN * (100 - s): one typo in
# a long token (s ~ 90) costs little, a pair at 75 ("Chad"/"China") is barely
# evidence.  1.5 keeps a single typo in a two-token name above 85.
PAIR_DEFICIT_GAIN = 1.5

# Words of a company's name that say what it does or how it is organised, not which
# company it is: beside them a name of one other word (RAMOR GROUP, GROUP GRAND) is
# told apart by that word alone, and a near miss on it is another company far more
# often than a typo (Ramos Group, Grant Group: 88.4, 86.3), as for a listed name of
# one word (SINGLE_WORD_DEFICIT_GAIN).
GENERIC_COMPANY_WORDS = frozenset(
    ("group", "trading", "trade", "company", "holding", "holdings", "international")
    + ("industries", "industry", "industrial", "enterprise", "enterprises", "services")
    + ("service", "investment", "investments", "global", "general", "partners")
    + ("ventures", "solutions", "systems", "technologies", "technology", "logistics")
    + ("shipping", "bank", "import", "export", "commercial", "management", "consulting")
)

# The same when the listed name has one word (see ``compare``): an exact spelling
# scores 100, a sound-alike of an equal skeleton (94) 88, one typo in a long word
# (93) about 86.
SINGLE_WORD_DEFICIT_GAIN = 2.0

# ... but not between two names of one word each of at least this many letters:
# from five letters one typo is as usual a typo (fuzzy search engines allow one
# edit from there: "eviateksim"/"Aviateksim" 90, "sertal"/"Srtal" 91, "salina"/
# "Saina" 91), so their pair counts as in longer names; a sound-alike between them
# is still held down by ONE_WORD_MAX_LIFT (Cisco/Zisco, Cassiano/Kashan).  A
# screened name with words more keeps the steeper gain: its other words are not in
# the listed name ("Sebastien Mary" / "SEBASTIANO").  Measured (evaluate_matching,
# seeds 7, 11 and 23 with nine letters as the alternative): 8 more of 3 x 1,000
# generated variants found, 1 more false alert on 3 x 3,000 clean names.
SINGLE_WORD_LONG_LENGTH = 5

# Two names of one word each have nothing else to agree on: a sound-alike lifts
# their pair in full only when the words' consonants are spelled alike, doubled
# letters too but in a reading of a script that does not write them (a vowel
# respelled: Qaeda/Qaida, Hannibal/Hannibol; حسين/Hussein), else at most
# ONE_WORD_MAX_LIFT above the spelling (a consonant that sounds alike: Gazprom/
# Gasprom 86 -> 94 still, but Cisco/Zisco 80 -> 88 no more, which with
# SINGLE_WORD_DEFICIT_GAIN is below 85; a vowel and a doubled letter: Barros/Barus,
# Camara/Camorra, Dias/Dass, 91 -> 81 or less: 6 false alerts fewer of 25,951
# generated clean names, recall unchanged).
ONE_WORD_MAX_LIFT = 8.0

# A vessel's name is registered in Latin letters (SILVERA, MELIA, RIMSON), and a
# payment in Latin letters copies it, with a typo at most: a screened word alike
# in sound only is another name (Melo / MELIA, Begue / BEGEY: 88 to 91 with the
# full lift).  Between Latin spellings a vessel's word pairs on its spelling, a
# typo (``related_similarity``) included, lifted by a sound-alike at most as far
# as a consonant that sounds alike lifts the word of a one-word name
# (ONE_WORD_MAX_LIFT: POLE DUDINKA / POLA DUDINKA); a name read from another
# script, which guesses its vowels, is lifted as usual (ايران برك / IRAN PARAK).
# The screened name's words joined to meet one of the vessel's are not lifted at
# all (the Hangul 임서연 read "rim so yon" / RIMSON, 王佳 read "o ka" / OAKA: 88
# with the compound's lift).  The UK, Canadian and OpenSanctions lists name
# thousands of vessels, and half the false alerts of names generated as clean
# against them were vessels (``benchmarks/evaluate_matching.py --lists uk-ca-os``:
# 22 -> 13 at seed 7, 14 -> 5 at seed 11, of 3,000).
VESSEL_MAX_LIFT = ONE_WORD_MAX_LIFT
VESSEL_COMPOUND_MAX_LIFT = 0.0

# Between two names of one word each in Latin letters, a screened word that a
# listed name (or the prior) spells exactly so, and that does not sound like the
# listed word (another skeleton), is a name of its own, not a typo of the listed
# word: Valentin is not the vessel VALENTINA, Montenegro not MONTENERO (91 each as
# one typo).  A typo makes a word no list spells (MARRIA, SYMPHNOY, Chizhvka); a
# sound-alike may be the listed name in another romanisation (Hezbollah/HIZBALLAH,
# Osama/USAMA), and keeps its score, but not a vessel's, which is registered in
# one spelling (VESSEL_MAX_LIFT: Dos Santos is not SANTOSH).  The pair counts as a
# near miss, below any threshold in use.  Besides the lists' and the prior's words,
# people's names in common use (``names/_census.py``: Sousa is not the vessel SOUSTA,
# Moreau not MOREA, Sampaio not SAMPO: ten of 29 false alerts among 10,000 generated
# clean names against UK + CA + OpenSanctions at seed 17 were such vessels).
KNOWN_WORD_MAX_SIMILARITY = 80.0
# Two words of longer names, the screened one a name of its own as well (spelled so
# by a listed name, the prior or the census names: ``TokenWeights.spelled``), that
# neither sound alike (other skeletons) nor come nearer than this are two names, not one
# misspelt: Vadim is not Vladimir (77), so "Вадим Коваленко" is no "KOVALENKO,
# Vladimir Vladislavovich" (89 with the weak pair beside the surname, 42 without).
# A typo makes a word no list spells (KOIITNYN still pairs with KOZITSYN), and a
# romanisation variant is near or sounds alike.  21,000 clean names of 22 locales
# against OFAC + UN: 72 -> 70 alerts; true variants, noise models and pairs unchanged.
# At this similarity too: Annika is not Anna (80: "Αννίκα Βασιλειάδη" met
# "VASILEIADI, Anna Maria" at 90.6); seed 7, 5,985 clean names: 8 -> 7 alerts,
# recall, noise models unchanged, one false pair fewer among the 826.  Not for a
# transcription table's reading (``PreparedName.transcribed``), a guess that comes
# out in the spellings of names the table learnt from: אלינה reads "alina" first,
# and is Elina too (Wikidata Hebrew 0.823 with the rule, 0.829 without).
KNOWN_WORDS_MAX_SIMILARITY = 80.0
# So are two such words of Latin names spelled no nearer than that, whatever their
# sound-alike lift, when their consonants differ (``_spelled_apart``: Amanda /
# Armando, 77 as spelled, 92 through the skeletons' shared "manta"), neither is the
# other with letters added (Rost / TROOST), nor a nickname of it (Bill / William),
# nor both romanised syllables (Yong / Jong); a transliteration keeps the consonants
# (Volodymyr / Vladimir).  Not in a company's name.  OFAC + UN seed 23: 5,979 clean
# names 19 -> 18 alerts, recall and the seed 7 sets (noise models included) unchanged.

# An initial ("J.") paired with a word of that letter counts as this share of a
# full match: it agrees with the word but would agree with any word of the letter.
INITIAL_CREDIT = 0.8

# A short word (at most LEGAL_PAIR_MAX_LENGTH letters: longer ones are read as
# legal forms through their typos by ``names.tokenise``) one typo away from a
# one-word form of a legal form's class (a letter changed, added, dropped or two
# swapped: "curp"/"corp", "lc"/"llc", "ldt"/"ltd") is that legal form misspelt: it
# pairs with it as an initial pairs with a word, after every real pair and at
# INITIAL_CREDIT: it agrees with the legal form, but so would many short words.
# The candidate index counts such a pair at LEGAL_PAIR_SIMILARITY, whose credit
# that is.  Forms of fewer than LEGAL_PAIR_MIN_FORM_LENGTH letters ("co", "sa",
# "ag") are too short to tell a typo from another word ("cox", "sam", "age").
LEGAL_PAIR_MAX_LENGTH = 4
LEGAL_PAIR_MAX_TYPOS = 1
LEGAL_PAIR_MIN_FORM_LENGTH = 3
# A letter changed in a form of three letters is another word ("sam"/"sas",
# "spy"/"spa"): a changed letter counts as a typo from four letters ("curp").
LEGAL_PAIR_MIN_SUBSTITUTED_LENGTH = 4

# Weights of tokens by kind, on the scale of a word's length in letters (a word
# weighs its length, capped, times its rarity factor).  Legal forms, particles and
# initials say little about who the party is; a number says a lot (it separates
# Vessel 1 from Vessel 2), so a number present on one side only is penalised apart.
WORD_LENGTH_CAP = 10
LEGAL_FORM_WEIGHT = 1.0
PARTICLE_WEIGHT = 0.5
INITIAL_WEIGHT = 1.0
NUMBER_WEIGHT = 3.0

# Points taken off when a number of one name is not in the other: numbers
# distinguish funds, vessels and branches (Fund VIII / Fund IX).
NUMBER_MISMATCH_PENALTY = 20.0

# ... but not a number in digits of the screened name beside a listed person's
# name with none: no one's name holds a number, so one in a payment's name field
# is something else written there (a birth year, an account, a reference: "Kim
# Jong Sik 1968" scored 80).  It counts as a minor token of this weight (a legal
# form's).  A number written as a word or a numeral is the name's own ("Bay
# Server Seven", "Louis XIV").
WAIVED_NUMBER_WEIGHT = LEGAL_FORM_WEIGHT


def numbers_waived(query: PreparedName, candidate: PreparedName) -> bool:
    """True when the numbers of the screened name (``query``, written in digits)
    say nothing against ``candidate``: a listed person's name without a number
    (``WAIVED_NUMBER_WEIGHT``)."""
    return (
        query.written_digits and not candidate.is_organisation and "number" not in candidate.kinds
    )


# Points taken off a hit of a screened name read as a scanner may have misread it
# (``PreparedName.scanned``: rn as m, cl as d; Karirn KEITA / KEITA, Karim): the
# reading is a guess, about as far from what was written as one changed letter of
# a name of two words (Karin KEITA scores 91.6), and when the name as written
# scores as well, its reading is the one shown.
SCANNER_READING_PENALTY = 5.0

# Share of an omitted word's weight that counts against the score, from a pairing
# whose best token is rare (ALPHA_RARE) to one whose tokens are all common
# (ALPHA_COMMON).  A dropped middle name or patronymic costs a few points when the
# rest is distinctive, and a shared common surname alone stays far from a hit.
ALPHA_RARE = 0.1
ALPHA_COMMON = 0.8

# How much a contradicted word counts against the score: its length on both sides.
CONTRADICTION_FACTOR = 2.0

# Similarity at which a paired token's rarity counts in full for the omission
# share (see ``compare``): a sound-alike of equal skeleton (94) counts nearly so.
RARITY_FULL_SIMILARITY = 95.0

# Omission share for names of organisations (either name carries a legal form, or
# the listed name is an alias of an entry that is not a person: "M V PROTSENKO PA
# START", a works named after a man, has no legal form but is no man's name).
ALPHA_ORGANISATION = 0.8

# The omission share grows with the omitted weight relative to the paired weight:
# alpha * (1 + OMISSION_GROWTH * omitted / paired), capped at ALPHA_COMMON.
OMISSION_GROWTH = 0.0

# Length an unpaired initial stands for when it faces an unpaired word of the
# other name (a contradiction): a typical given name.
INITIAL_CONTRADICTION_LENGTH = 5

# Rarity of a token comes from the share of listed names containing it: at or
# above COMMON_SHARE a token is common (rarity 0), at or below RARE_SHARE it is
# rare (rarity 1), log-linear between.  Common tokens weigh MIN_COMMON_FACTOR of a
# rare one.  0.3 % of ~30,000 names is ~100 names ("mohammad", "kim", "trading").
COMMON_SHARE = 0.003
RARE_SHARE = 0.0001
MIN_COMMON_FACTOR = 0.4

# The lists' own frequencies are blended with a prior computed from the OFAC SDN
# list (``names/token_prior.tsv``) as if the prior were this many names, so that a
# small list (the bundled one has nine names) still knows that "Kim" is common.
PRIOR_PSEUDO_NAMES = 5000.0

# A listed person's given names all missing from the screened name ("Fernanda
# Rodrigues" / "RODRIGUEZ FERNANDEZ, Andre", "Ahmad Hamdan" / "Salim Ahmad Salim
# Hamdan"): the words it shares are family names, shared by relatives and
# namesakes, so the given names count as omitted at this share of their length,
# whatever their rarity (a common given name is still another person's).  The
# given names are the words after the comma of "SURNAME, Given" or besides a
# capitalised surname (``PreparedName.surname_mask``), and the first word of a name
# written in a script whose names start with the person's own name, followed by
# the father's and the family's (``GIVEN_NAME_FIRST_SCRIPTS``).  With a title
# ("President Putin") a surname is how a known person is named.
GIVEN_NAMES_OMISSION = ALPHA_COMMON
GIVEN_NAME_FIRST_SCRIPTS = frozenset(("ARABIC",))

# A screened name of this many words and no initial is a short form, a given name
# and a family name, as payments name people: by their first given name and, of a
# Spanish or Portuguese pair of family names, the first (the father's).  One that
# pairs a later given name instead (Anne Jones / JONES, Sally Anne; Cecilia
# Rodrigues / VELASQUEZ RODRIGUEZ, Ruth Cecilia) names someone else: the first
# given name counts as contradicted (CONTRADICTION_FACTOR of its length).  One
# with the second family name alone (Roberto Gomez / LOPEZ GOMEZ, Roberto Jose)
# mostly does: the first family name counts as omitted as given names do
# (GIVEN_NAMES_OMISSION; contradicted, it lost a true variant, "Gabriela Del
# Contreras").  Longer names are left to MIDDLE_NAMES_FACTOR: a variant may drop
# any word of three.  Measured on 25,951 generated clean names (evaluate_matching's
# generator, seeds 101, 102, 7, 11) and 4,000 true variants (seeds 7, 11, 23, 31):
# false alerts 95 -> 84, recall unchanged (3,945); counting initials too or names
# of any length lost 8 variants ("R. Eduardovich Sarkisov", "Cessa, Antonio
# Colorado").  A short form with a word of its own while its other word met every
# word of the listed name (a compound given name: "Amirmahdi Nuri" / AMIRI,
# Mahdi) names someone with another family name: that word counts as omitted
# given names do (4 false alerts fewer, recall unchanged).
SHORT_FORM_WORDS = 2
SHORT_FORM_GIVEN_FACTOR = CONTRADICTION_FACTOR
SHORT_FORM_FAMILY_FACTOR = GIVEN_NAMES_OMISSION

# A vessel is named by its whole name, often a given name (LINDA, JASMINE,
# DANIEL, ADLER): that word in a longer screened name is a person's name ("Linda
# Ali", "Katy Adler"), so the screened name's other words count at this share of
# their length as contradicted words, however common: a vessel's name is all of
# it, as registered (VESSEL_CUT_FACTOR), and has no given names to omit.
# Prefixes of a vessel's name (MV, MT) are particles.  Measured as for
# SHORT_FORM_WORDS at the share of omitted given names: false alerts 84 -> 78,
# recall unchanged; as contradicted words, "Jon Davenport" / DAVENPORT and
# "Gabrielle Roy" / GABRIELLE (88.2 each) fall below 85 too.
VESSEL_NAME_FACTOR = CONTRADICTION_FACTOR
# ... and so is a company's name of one word (KUZNETSOV PAO, a family name) in a
# screened name of no legal form whose other words include one the lists give as
# a person's given name ("Said Kuznetsov", "Oleg Kuznetsov": 86.1 and 85.0 with
# their given name counted as a word omitted); other words (a place, a branch:
# "Sberbank Moscow") stay omitted words of a company's name.
COMPANY_PERSON_FACTOR = VESSEL_NAME_FACTOR
# ... and so is the one word of a vessel's or an organisation's name met by the word
# after a "son of", "daughter of" or "father of" (bin, ben, ibn, bint, abu) that the
# listed name lacks: that word is a parent's name in a person's name ("בן כהן", ben
# Cohen, met the newspaper KAYHAN at 87.0, "בן אזולאי" the vessel AZELIA at 87.4).
# The paired word counts as contradicted (``PATRONYMIC_FACTOR``).
PATRONYMIC_PARTICLES = frozenset(("bin", "bint", "abu"))
PATRONYMIC_FACTOR = VESSEL_NAME_FACTOR
# A word of the vessel's name missing from the screened name leaves another name
# (Philippe / CAP PHILIPPE, 88.5 as an omitted word): a vessel's name is all its
# words, as registered and as a payment copies it, so the word counts as a
# contradicted one, on both sides.
VESSEL_CUT_FACTOR = CONTRADICTION_FACTOR

# The screened name is a listed person's first given name and surname, every
# word of it paired, and only the listed name's middle names (second given names,
# patronymics, a father's name) are missing: "Sergei Saenko" / "SAENKO, Sergei
# Ivanovich", "Ibrahim Ghaddar" / "GHADDAR, Ibrahim Fadel"; or the other way
# round, the listed name lacks the screened name's middle names.  Payments name
# people that way, so the omission share is this fraction of its usual value
# (never below ALPHA_RARE).  Measured on 1,500 OFAC SDN persons screened as first given name and
# surname: 88 % reached 85 before (57 % with two middle names dropped), 95 %
# after (76 %); common names stay apart ("Jose Lopez" / "LOPEZ, Jose Francisco": the
# omitted name outweighs two common ones).  The middle names are the words after
# the first given name (``PreparedName.surname_mask``), or, with no surname known,
# the words between a paired first and last word; and of a family name of two
# words or more, those unpaired when one is paired: the Spanish and Portuguese
# pair of surnames, of which people use one ("Antonio Jose Torres" / "BENAVIDES
# TORRES, Antonio Jose": 74 before, 85 with it).
MIDDLE_NAMES_FACTOR = 0.5
# ... unless the missing words are all shaped like one romanised Korean or Chinese
# syllable (consonants, a glide, one vowel, a final: Sik, Chol, Il, Pyong, Ting):
# such a name's given name is two syllables, "KIM Jong Sik" without "Sik" is
# another man's name (Kim Jong), not a name without its middle name.
_SYLLABLE_SHAPE = re.compile(
    r"([^aeiouwy]{0,2})([wy]?)(ae|eo|eu|oe|ui|ou|oo|aa|ii|uu|[aeiou])(ng|[kntlmpr])?"
)  # onset, glide, vowel, final (``syllable_key``)
# ... when every pair is at least this similar: a name spelled alike or nearly
# (Sergei/Sergey), not one met by approximate words only ("Артемий Ануфриевич
# Гурьев" / "KUROV, Artem": Artemiy/Artem 83, Guryev/Kurov a sound-alike).
MIDDLE_NAMES_MIN_SIMILARITY = 90.0
# ... and the listed surname (its last word when no surname is known) spelled
# alike, a typo of a long word at most: above MAX_VARIANT_SIMILARITY, so a
# sound-alike surname (Guryev/Kurov) is another family.
MIDDLE_NAMES_SURNAME_SIMILARITY = 95.0

# A listed name written with hyphens is one name in several tokens ("KIM, Tong-ho",
# "Hans-Peter", "Bashir-Ud-Din"): part of it missing from the screened name is
# another name (Kim Tong, Hans, Bashir), not a dropped middle name, so the missing
# part counts as a contradicted word, as a missing syllable of a name written in
# Hangul does.  Measured at seed 7 of evaluate_matching: "Kim Dương" met "KIM,
# Tong-ho" at 90.5 (duong/tong a sound-alike, "ho" omitted at a rare name's share).
HYPHENATED_SPLIT_FACTOR = CONTRADICTION_FACTOR
# So is a word of a screened hyphenated name, of at least this many letters: a
# shorter part is as often a particle mistyped (Bashar xal-Assad / al-Assad).
# Measured: a screened double-barrelled name's half no longer meets another
# family's name (Andrew Johnson-Taylor / ANDRE JOHNSON 92.6, seed 17, OFAC + UN).
HYPHENATED_PART_MIN_LETTERS = 4
# So does a syllable missing from a listed name of at least this many words, all
# shaped like romanised Korean or Chinese syllables ("RI Pyong Chol" met by "Ri
# Pyong" scored 85.6, "KIM, Tong Chol" by "Kim Duong" 88.3): a surname and a given
# name of two syllables, written apart, as the same name written in Hangul is
# read (``syllabic`` in ``compare``).
ROMANISED_SYLLABLES_MIN_WORDS = 3

# Swapped names around "bin" (Salman bin Muhammad / Muhammad bin Salman) are father
# and son, not spelling variants: points off when the pairing crosses the particle.
PATRONYM_ORDER_PENALTY = 25.0
# The syllables of a Korean or Chinese given name keep their order: Su-hyeong is
# not Hyeong-su, as 수형 is not 형수.  Two names of ROMANISED_SYLLABLES_MIN_WORDS
# syllables or more (``_SYLLABLE_SHAPE``) whose pairs the order of neither name
# allows, the surname moved from one end to the other aside ("KIM, Jong Sik" /
# "Jong Sik Kim"), lose these points: "Kim Su-hyeong" met "KIM, Yong Su" at 88.7,
# su with su and hyeong with yong.
SYLLABLE_ORDER_PENALTY = PATRONYM_ORDER_PENALTY
# A vessel's name is registered as one phrase, its words in one order: a screened
# name pairing them in another is someone else's words ("Jacobo Olivera" / the
# vessel OLIVER JACOB 87.5, "Jade Martin" / MARINA JADE 87.1), as people's names
# are not.  The points leave a vessel's words spelled alike but swapped (100) at
# the default threshold (85): a name field may still write them so.
VESSEL_ORDER_PENALTY = 15.0
# ... and copied with a typo at most (see VESSEL_MAX_LIFT): between Latin spellings,
# words paired with more than VESSEL_MAX_TYPOS edits in all (letters changed, added,
# dropped, two swapped: ``OSA``) are another name's ("Clare Price" / CLARET PRINCE
# 86.4, "Diana Arias" / DIANA MARIA 85.5, "Monteiro" / MONTIRON 90.0: the vessels'
# false alerts among 20,000 generated clean names), and lose VESSEL_TYPOS_PENALTY.
# Every generated variant of a listed vessel found at 85 (334 of them, evaluate_
# matching's at seed 13 against both sets of lists) had at most one.
VESSEL_MAX_TYPOS = 1
VESSEL_TYPOS_PENALTY = VESSEL_ORDER_PENALTY
# A vessel's name carries no legal form: a name with one is a company's (Adler AG,
# Palmer Inc, Daniel SA against the vessels ADLER, PALMER, DANIEL: 88 to 92 with
# the legal form an unpaired minor token), at most the ship's owner named after it,
# which the lists name on an entry of its own.  The points leave the company named
# exactly as the vessel (90 to 92) below the default threshold (85).
VESSEL_COMPANY_PENALTY = 10.0

# A screened name that may have been cut at a payment field's length leaves the
# listed words after its last paired one unknown only when a paired word is at
# least this rare (0 common, 1 rare: ``TokenWeights``): "LIMITED LIABILITY COMPANY
# TRADING H", cut from any such company's name, identifies none of them.
TRUNCATED_MIN_RARITY = 0.5
# ... or when it has this many words paired: the words of an organisation are
# common one by one (national 0.03, aerospace 0.47, development 0: the lists'
# vocabulary of companies and agencies), but "NATIONAL AEROSPACE DEVELOPMENT ADMI"
# is one name's beginning.
TRUNCATED_MIN_WORDS = 3
# ... or when its last word, cut, is the beginning of at least this many letters
# of a listed word that rare: a name whose legal form took most of the line leaves
# one word, cut ("CLOSED JOINT STOCK COMPANY ABSOLUTB" of ABSOLUTBANK, "OPEN JOINT
# STOCK COMPANY INVESTCAPI" of INVESTCAPITALBANK), and six letters of a rare word
# are as telling as the word ("INVE" of INVEST is not).
CUT_WORD_MIN_LETTERS = 6


@dataclass(frozen=True, slots=True)
class TokenWeights:
    """How common each token is among listed names: built once per NameMatcher.

    ``document_frequency`` counts, per phonetic skeleton of a token, the names
    containing it (``Chol``, ``Chul`` and ``Cheol`` are one name, and together
    they are common), and per consonants of a skeleton (``consonant_key``) the
    names containing any of them; the prior adds the same counts from a reference
    list.  Plain dicts: picklable.
    """

    name_count: int = 0
    document_frequency: Mapping[str, int] = field(default_factory=dict)
    prior_count: int = 0
    prior_frequency: Mapping[str, int] = field(default_factory=dict)
    # Words as spelled in Latin letters by the listed names and the prior
    # (``spelled``): a name's own words, not typos of others (KNOWN_WORD_MAX_SIMILARITY).
    words: frozenset[str] = frozenset()
    # Words the listed persons' names in Latin letters give as given names (after the
    # comma of "SURNAME, Given"): ``given_name``.
    given_words: frozenset[str] = frozenset()
    # Memo of ``rarity_of_key``: a plain dict, so still picklable.
    _memo: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    # Memo of ``_token_weights`` by (tokens, kinds, script): a candidate's weights
    # are asked for once per query it is compared with.
    _weights_memo: dict[
        tuple[tuple[str, ...], tuple[str, ...], str], tuple[list[float], list[float]]
    ] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_names(cls, names: Iterable[PreparedName], *, use_prior: bool = True) -> TokenWeights:
        counts: Counter[str] = Counter()
        words: set[str] = set()
        given: set[str] = set()
        total = 0
        for name in names:
            total += 1
            keys = {skeleton_view(t) for t in name.tokens}
            counts.update(keys | {consonant_key(k) for k in keys})
            if not name.script:
                words.update(t for t, k in zip(name.tokens, name.kinds, strict=True) if k == "word")
                if name.surname_mask:
                    given.update(name.tokens[i] for i in mask_bits(_given_names_mask(name)))
        prior = default_weights() if use_prior else TokenWeights()
        return cls(
            total,
            dict(counts),
            prior.prior_count,
            prior.prior_frequency,
            frozenset(words | prior.words),
            frozenset(given),
        )

    def share(self, token: str) -> float:
        """Estimated share of listed names that contain ``token`` (or a sound-alike)."""
        return self._share_of_key(skeleton_view(token))

    def _share_of_key(self, key: str) -> float:
        prior_share = 0.0
        pseudo = 0.0
        if self.prior_count:
            prior_share = self.prior_frequency.get(key, 0) / self.prior_count
            pseudo = PRIOR_PSEUDO_NAMES
        denominator = self.name_count + pseudo
        if denominator <= 0:
            return 0.0
        return (self.document_frequency.get(key, 0) + pseudo * prior_share) / denominator

    def known(self, token: str) -> bool:
        """Whether a listed name or the prior has ``token`` (or a sound-alike)."""
        key = skeleton_view(token)
        return key in self.document_frequency or key in self.prior_frequency

    def spelled(self, token: str) -> bool:
        """Whether a listed name in Latin letters, or the prior, has the word ``token``
        spelled exactly so."""
        return token in self.words

    def given_name(self, token: str) -> bool:
        """Whether a listed person's name in Latin letters has ``token`` among its
        given names."""
        return token in self.given_words

    def in_prior(self, token: str) -> bool:
        """Whether the prior (a reference list's names, whatever is loaded) has
        ``token`` (or a sound-alike)."""
        return skeleton_view(token) in self.prior_frequency

    def rarity(self, token: str) -> float:
        """0 for a common token, 1 for a rare one."""
        return self.rarity_of_key(skeleton_view(token))

    def rarity_of_key(self, key: str) -> float:
        """``rarity`` of a token whose ``skeleton_view`` is ``key``."""
        memo = self._memo.get(key)
        if memo is not None:
            return memo
        share = self._share_of_key(key)
        if share <= RARE_SHARE:
            rarity = 1.0
        elif share >= COMMON_SHARE:
            rarity = 0.0
        else:
            rarity = math.log(COMMON_SHARE / share) / math.log(COMMON_SHARE / RARE_SHARE)
        self._memo[key] = rarity
        return rarity


@lru_cache(maxsize=1)
def default_weights() -> TokenWeights:
    """Weights from the shipped prior alone: used when no list frequencies are given."""
    text = resources.files("sanctions_cli.names").joinpath("token_prior.tsv").read_text("utf-8")
    counts: dict[str, int] = {}
    words: set[str] = set()
    total = 0
    for line in text.splitlines():
        if line.startswith("#names\t"):
            total = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            token, count = line.split("\t")
            words.add(token)
            key = skeleton_view(token)
            for k in (key, consonant_key(key)):
                counts[k] = counts.get(k, 0) + int(count)
    # People's names in common use (``names/_census.py``): spelled words too, not
    # counted (they say which words are names, not how often lists hold them).
    census = resources.files("sanctions_cli.names").joinpath("census_names.tsv")
    words.update(line for line in census.read_text("utf-8").splitlines() if line and line[0] != "#")
    return TokenWeights(0, {}, total, counts, frozenset(words))


# Keys of ``TokenWeights`` counting names by the consonants of a skeleton: marked
# so that no skeleton is one.
CONSONANT_KEY_MARK = "#"


@lru_cache(maxsize=1 << 16)
def consonant_key(skeleton_text: str) -> str:
    """The ``TokenWeights`` key of the consonants of a skeleton (see
    ``GUESSED_VOWEL_SCRIPTS``)."""
    return CONSONANT_KEY_MARK + abjad_consonants(skeleton_text)


def token_options(tokens: tuple[str, ...] | list[str]) -> list[str]:
    """Every option text of a name's tokens: the tokens and compounds of adjacent ones."""
    return [text for text, _mask in _name_token_options(tokens)]


def token_similarity(a: str, b: str, *, loose: bool = True) -> float:
    """Similarity of two tokens on 0-100: the best Indel ratio over ``TOKEN_VIEWS``
    and, unless neither is of a ``LOOSE_CONSONANT_SCRIPTS`` (``loose`` False),
    ``loose_skeletons`` (either side's); or ``reading_similarity_bound``,
    ``nickname_similarity``, ``diphthong_similarity``, ``transposition_similarity``
    or ``syllable_similarity`` when higher; short tokens only equal or one syllable."""
    if a == b:
        return 100.0
    if min(len(a), len(b)) <= EXACT_TOKEN_MAX_LEN:
        return syllable_similarity(a, b)
    best = max(fuzz.ratio(view(a), view(b)) for view in TOKEN_VIEWS)
    if loose:
        a_loose, b_loose = loose_skeletons(skeleton_view(a)), loose_skeletons(skeleton_view(b))
        best = max(best, max(fuzz.ratio(x, y) for x in a_loose for y in b_loose))
    best = max(
        best, reading_similarity_bound(a, b), nickname_similarity(a, b), diphthong_similarity(a, b)
    )
    return max(best, transposition_similarity(a, b), syllable_similarity(a, b))


# Consonants a reading counts once whether or not a vowel stands between two of
# them (see ``vowel_slots``): the l of Allah (ال + له) and an h before a final ta
# marbuta read h.
_ONCE_WHATEVER_BETWEEN = "lh"


@lru_cache(maxsize=1 << 16)
def vowel_slots(token: str, reading: bool = False) -> tuple[str, tuple[str, ...]]:
    """A token's consonants (of its skeleton) and the vowels as spelled before,
    between and after them (one more than the consonants): ``hussein`` -> (``hsn``,
    ("", "u", "ei", "")).  A spelling's doubled letter is one consonant (Hassan);
    a ``reading`` writes no doubled consonant, so two equal letters of it are two
    consonants with a vowel it did not write (Hebrew ``טטיאנה`` "ttyanh",
    Tatyana; ``חדד`` "hdd", Haddad, no Huda); and two equal consonants with a vowel
    between are two in either (الحويطات "al huyatat", the ta and the ta of its
    -at, is no Hayat; سارا is no Sarur) but an l or an h, counted once: a reading
    guesses a vowel inside the doubled l of Allah (الله "alalah") and before a
    final ta marbuta read h (المسلحة "al masalahah", Musallah).  Without the
    doubled letters of a spelling, these are ``abjad_consonants``' consonants, its
    equal neighbours once (the candidate index finds pairs by those)."""
    consonants: list[str] = []
    slots = [""]
    for letter in voweled_skeleton(token):
        if letter in "aeiouy":
            slots[-1] += letter
        elif (
            not consonants
            or letter != consonants[-1]
            or ((reading or slots[-1]) and letter not in _ONCE_WHATEVER_BETWEEN)
        ):
            consonants.append(letter)
            slots.append("")
    if len(consonants) > 1 and consonants[-1] == "h":
        consonants.pop()
        last = slots.pop()
        slots[-1] += last
    return "".join(consonants), tuple(slots)


def _slot_kind(vowels: str, reading: bool) -> str:
    """The one letter a vowel slot shows (see ``reading_similarity``): none, ``o``
    with an o or u, ``i`` with an i, e or y, else ``a``; in a reading with guessed
    vowels, ``*`` for an ``a`` (a guessed vowel or a written alif: any vowel or none)."""
    if not vowels:
        return ""
    if "o" in vowels or "u" in vowels:
        return "o"
    if "i" in vowels or "e" in vowels or "y" in vowels:
        return "i"
    return "*" if reading else "a"


# French spellings write a short u as "ou" too (Mourad, Moustafa, Houssein: مراد,
# مصطفى, حسين with an unwritten u): against a guessed vowel it is one vowel, in a
# name's first syllable, where those short u stand.  Later, "ou" is the long u
# an Arabic spelling writes (Mahmoud محمود, Masoud, Daoud): against a guessed
# vowel it is another name (محمد is no Mahmoud).  UN original-script names 302 ->
# 305 of 387; pairs, Wikidata Hebrew and the 25,951 generated clean names unchanged.
FRENCH_U = "ou"


def _slots_agree(
    vowels: str, kind: str, other_vowels: str, other_kind: str, first: bool = False
) -> bool:
    """True when two vowel slots (their vowels and ``_slot_kind``) may be one vowel:
    a guessed one (``*``) and none or a short vowel (one letter, or ``aa``, or in
    the ``first`` syllable a French ``ou``); a written long vowel (``i``: ya, ``o``:
    waw) and a spelling with such a vowel in it (``ei``, ``ay`` and ``ai`` are a ya,
    ``oo``, ``ou`` a waw); otherwise equal classes."""
    if kind == "*" or other_kind == "*":
        rest, rest_kind = (other_vowels, other_kind) if kind == "*" else (vowels, kind)
        return rest_kind in ("*", "", "a") or len(rest) == 1 or (first and rest == FRENCH_U)
    if kind == other_kind:
        return True
    letters = "ou" if kind == "o" else "iey" if kind == "i" else ""
    other_letters = "ou" if other_kind == "o" else "iey" if other_kind == "i" else ""
    return any(v in other_vowels for v in letters) or any(v in vowels for v in other_letters)


def _reading_ends_disagree(
    a: str,
    b: str,
    a_slots: tuple[str, ...],
    b_slots: tuple[str, ...],
    a_reading: bool,
    b_reading: bool,
) -> bool:
    """True when a reading and a spelling of the same consonants disagree on how the
    word starts or ends, which a reading writes (see ``reading_similarity``)."""
    # A reading's vowel before the first consonant is written (an alif, an ayin:
    # عبد, Abd), never guessed: a spelling must start with a vowel too (Hebrew
    # עבדאללה read "avdalla" is no Fadlallah).
    if (a_reading and a_slots[0] and not b_slots[0] and not b_reading) or (
        b_reading and b_slots[0] and not a_slots[0] and not a_reading
    ):
        return True
    # And a reading that writes no vowel before its first consonant starts with that
    # consonant: a spelling starting with a vowel is another name (Hebrew טליה read
    # "tli" is no Adili), unless the vowel is an article's joined to the consonant,
    # which it doubles (الصبار "al sabar", Essabar; see ``_joined_article``).
    if (a_reading and not b_reading and _vowel_added(a_slots, b_slots, b)) or (
        b_reading and not a_reading and _vowel_added(b_slots, a_slots, a)
    ):
        return True
    # So is its vowel after the last consonant (a final alif, ya, waw or ta marbuta:
    # ثنا "sana" is no Son): a spelling must end in a vowel too, or in an h
    # (``vowel_slots`` reads a final h as the vowel's: Fatimah, Zadeh).  On 40,000
    # clean names one false alert fewer (ثنا معین / SON, Min 95.4), no variant lost.
    return bool(
        (a_reading and a_slots[-1] and not b_slots[-1] and not b_reading)
        or (b_reading and b_slots[-1] and not a_slots[-1] and not a_reading)
    )


def reading_contradicts(a: str, b: str, a_reading: bool, b_reading: bool) -> bool:
    """True when ``a`` and ``b``, one a reading (``reading_similarity``), have the same
    consonants but not the same written start or end: another name, which its
    spelling's likeness must not pair either (معین read "min" is no Amin, 85.7
    spelled).  Measured on 10,000 clean names at seed 17 against OFAC + UN: one
    false alert fewer (محمد معین / AMIN, Muhammad); recall, the UN list's Arabic
    names and the Wikidata rows of ``evaluate_matching`` unchanged."""
    return _reading_verdict(a, b, a_reading, b_reading) is None


def reading_similarity(a: str, b: str, a_reading: bool, b_reading: bool) -> float:
    """The similarity of two words of the same consonants (at least
    ``READING_MIN_CONSONANTS``; else 0) when ``a_reading`` or ``b_reading`` is a
    reading that leaves vowels unknown (``READING_SCRIPTS``): the Indel ratio of the
    two with each vowel the other's where they may be one (``_slots_agree``); 0 too
    when they disagree on the written start or end (``reading_contradicts``).

    A reading's guessed vowels are no evidence, its written long vowels are: حسين
    read ``hasin`` is Hussein, Husayn, Husain (100: the ya is their ei, ay, ai) but
    not Hassan (80), and حسن read ``hasan`` is Hassan or Hasan, not Hussein.
    """
    return _reading_verdict(a, b, a_reading, b_reading) or 0.0


def _reading_verdict(a: str, b: str, a_reading: bool, b_reading: bool) -> float | None:
    """``reading_similarity``, or None when the two contradict (``reading_contradicts``)."""
    consonants, a_slots = vowel_slots(a, a_reading)
    other, b_slots = vowel_slots(b, b_reading)
    if consonants != other or len(consonants) < READING_MIN_CONSONANTS:
        return 0.0
    if _reading_ends_disagree(a, b, a_slots, b_slots, a_reading, b_reading):
        return None
    shown_a: list[str] = []
    shown_b: list[str] = []
    for index, (vowels_a, vowels_b) in enumerate(zip(a_slots, b_slots, strict=True)):
        kind_a, kind_b = _slot_kind(vowels_a, a_reading), _slot_kind(vowels_b, b_reading)
        # A reading with no vowel between two consonants did not write one (Hebrew
        # קנדי "kndi", Kennedy): unknown, as a guessed one.
        inner = 0 < index < len(consonants)
        if inner and a_reading and not kind_a:
            kind_a = "*"
        if inner and b_reading and not kind_b:
            kind_b = "*"
        if _slots_agree(vowels_a, kind_a, vowels_b, kind_b, first=index <= 1):
            kind_a = kind_b = kind_b if kind_a == "*" else kind_a
        shown_a.append(kind_a.replace("*", "a"))
        shown_b.append(kind_b.replace("*", "a"))
        if index < len(consonants):
            shown_a.append(consonants[index])
            shown_b.append(consonants[index])
    return fuzz.ratio("".join(shown_a), "".join(shown_b))


def _vowel_added(
    reading_slots: tuple[str, ...], spelling_slots: tuple[str, ...], spelling: str
) -> bool:
    """True when a spelling starts with a vowel that a reading does not write, and
    not as a joined article's (``_joined_article``)."""
    return not reading_slots[0] and bool(spelling_slots[0]) and not _joined_article(spelling)


def _joined_article(spelling: str) -> bool:
    """True when a spelling starts with a vowel and a doubled consonant: the Arabic
    article joined to a word it assimilates to (Essabar, Ashshami, Addaoud)."""
    start = len(spelling) - len(spelling.lstrip("aeiou"))
    return 0 < start < len(spelling) - 1 and spelling[start] == spelling[start + 1]


def reading_similarity_bound(a: str, b: str) -> float:
    """The most ``reading_similarity`` gives two words, whichever is the reading."""
    return max(
        reading_similarity(a, b, True, False),
        reading_similarity(a, b, False, True),
        reading_similarity(a, b, True, True),
    )


@lru_cache(maxsize=1 << 14)
def _has_glide(text: str) -> bool:
    """True when a syllable has a "y" glide after its first consonants (see ``_GLIDE``)."""
    return _GLIDE.match(text) is not None


# A word that is another with a consonant put before its first vowel is another
# name (Mahmad/Ahmad, Samir/Amir, Bali/Ali, Divan/Ivan), however alike the rest
# (83 to 91 spelled): the pair does not count (another given name is a
# contradiction, see ``MIN_LIFTED_SIMILARITY``), and a name read from Arabic
# letters with guessed vowels (محمد "mahamad") meets no Ahmad.  Not h, y, w, j or v,
# which romanisations put before a vowel and leave out (Helena/Elena,
# Yelena/Jelena/Elena, Vladimir/Uladzimir).
_ADDED_ONSETS = frozenset("bcdfgklmnpqrstxz")


def onset_added(a: str, b: str) -> bool:
    """True when one word is the other, which starts with a vowel, with one of
    ``_ADDED_ONSETS`` before it (see there)."""
    return (a[:1] in _ADDED_ONSETS and a[1:2] == b[:1] and _starts_with_vowel(b)) or (
        b[:1] in _ADDED_ONSETS and b[1:2] == a[:1] and _starts_with_vowel(a)
    )


@lru_cache(maxsize=1 << 14)
def _written_initials(text: str, tokens: tuple[str, ...], kinds: tuple[TokenKind, ...]) -> int:
    """``names.written_initials``, remembered: listed names recur as candidates."""
    return written_initials(text, tokens, kinds)


def _starts_with_vowel(text: str) -> bool:
    """True when a spelling starts with a vowel letter ("y" is the consonant of Yusuf)."""
    return text[:1] in "aeiou"


# A word's last vowel tells names apart that its skeleton merges (all vowels but
# the first are one there): Hani / Hana, Ali / Ala, Mario / Maria, Giovanni /
# Giovanna, Rossi / Rosso.  Romanisations agree on it: an i is spelled i, y, ee,
# ey or iy (Dmitri, Dmitriy; Hany; Alexei, Alexey); an a is a or ia, iya (Yulia,
# Yuliya); an o or u o, u, ou (Abu, Abou).  A final e is either an a (Fatemeh,
# Salameh: the ta marbuta) or an i (Marie), so it contradicts neither.  Two words
# ending in vowels of different classes pair only as spelled: the sound-alike does
# not lift them.  Between names spelled in alphabets that write their vowels
# (``SPELLING_SCRIPTS``) only: a reading guesses its last vowel, or reads a final
# letter that leaves it open (Arabic alif maqsura is an a or an i: على is Ali,
# مصطفى Mustafa; Hebrew יוליה read "yoli" is Yuliya), and the scripts of syllables
# add one after a final consonant.  And between names of their own only
# (``TokenWeights.spelled``): a typo of the last vowel makes a word no one spells
# (KORYI, RICCOI, ALATAY), which pairs as before.  Measured (evaluate_matching,
# 1,000 variants and 5,987 clean names): with every pair of words, seed 7 lost
# RICCOI Mariano / RICCIO, Mario (recall 0.992 -> 0.991) and a neighbouring key's
# typo at seeds 7 and 43; with names of their own only, none.
_FINAL_VOWEL_CLASSES = {"i": "i", "y": "i", "a": "a", "o": "o", "u": "o"}


def final_vowel_class(text: str) -> str:
    """The class of a word's last letter (``_FINAL_VOWEL_CLASSES``): "i", "a" or
    "o"; "" for a final e or a consonant."""
    return _FINAL_VOWEL_CLASSES.get(text[-1:], "")


def final_vowels_differ(a: str, b: str) -> bool:
    """True when two words end in vowels of different classes (``final_vowel_class``)."""
    first = final_vowel_class(a)
    second = final_vowel_class(b)
    return bool(first) and bool(second) and first != second


def _names_end_apart(weights: TokenWeights, a: str, b: str) -> bool:
    """``final_vowels_differ`` between two names of their own (``TokenWeights.spelled``):
    a typo of the last vowel makes a word no one spells (KORYI for KORYO, RICCOI for
    RICCIO), and pairs as before."""
    return final_vowels_differ(a, b) and weights.spelled(a) and weights.spelled(b)


def written_a_differs(reading: str, spelling: str) -> bool:
    """True when a word read from Hebrew letters ends in the a of a final he or alef
    (חנה "hana", אלה "ala") and a spelling in an i, o or u (Hani, Ali): the name
    would end in a yod or a vav.  Not a reading's final i, which a he after a yod
    leaves (יוליה "yoli", Yuliya)."""
    return final_vowel_class(reading) == "a" and final_vowel_class(spelling) in ("i", "o")


def _spelling_then_reading(spelling: str, reading: str) -> bool:
    """``written_a_differs`` of a pair whose second word is the reading."""
    return written_a_differs(reading, spelling)


def _option_similarity(
    a: NameOption,
    b: NameOption,
    plain_only: bool = False,
    max_lift: float = 100.0,
    reading: tuple[bool, bool] | None = None,
    loose: tuple[bool, bool] | None = None,
    sound_alike: bool = True,
    loose_only: bool = False,
    final_vowels: Callable[[str, str], bool] | None = final_vowels_differ,
) -> float:
    """The similarity ``compare`` gives two options: never more than ``token_similarity``.

    The plain spelling ratio, or the skeleton's when higher (and both spellings
    start with a vowel or both with a consonant) but lifted at most
    ``max_lift`` above the plain one, capped at ``MAX_VARIANT_SIMILARITY``
    for tokens not spelled the same.  With ``plain_only`` (names of one non-Latin
    script, compounds) the plain ratio alone.  With ``reading`` (whether ``a`` and
    ``b`` are readings that leave vowels unknown, one of them is:
    ``READING_SCRIPTS``) ``reading_similarity`` too, and without ``sound_alike``
    (across an abjad: ``GUESSED_VOWEL_SCRIPTS``) instead of the skeleton's; with
    ``loose`` (one of a ``LOOSE_CONSONANT_SCRIPTS``) the ``loose_skeleton``'s too,
    also without ``sound_alike`` when ``loose_only`` (``BARE_ABUGIDA_LOOSE``).
    Two words that ``final_vowels`` tells end in other vowels are not lifted
    (``final_vowels_differ``, ``written_a_differs``).
    """
    if a.text == b.text:
        return 100.0
    if min(len(a.text), len(b.text)) <= EXACT_TOKEN_MAX_LEN or onset_added(a.text, b.text):
        return 0.0
    plain = fuzz.ratio(a.views[0], b.views[0])
    best = plain
    lifted = reading is not None
    if reading is not None:
        read = _reading_verdict(a.text, b.text, *reading)
        if read is None:
            return 0.0  # another name (``reading_contradicts``), however alike spelled
        best = max(best, read)
    # A sound-alike starts with a vowel if the other does (see MAX_SKELETON_LIFT).
    same_start = _starts_with_vowel(a.text) == _starts_with_vowel(b.text)
    if sound_alike and not plain_only and same_start:
        lifted = True
        more = _syllable_written_more(a.text, b.text)
        for view_a, view_b in zip(a.views[1:], b.views[1:], strict=True):
            viewed = _view_ratio(view_a, view_b)
            if more:
                viewed = min(viewed, SYLLABLE_MORE_MAX_SIMILARITY)
            if (
                viewed < 100.0
                and max_lift == MAX_SKELETON_LIFT
                and consonant_key(view_a) != consonant_key(view_b)
            ):
                viewed = min(viewed, plain + UNEQUAL_SKELETON_LIFT)
            best = max(best, viewed)
    if (sound_alike or loose_only) and not plain_only and loose is not None:
        a_loose, b_loose = (
            loose_skeletons(view) if foreign else (loose_skeleton(view),)
            for view, foreign in (
                (a.views[SKELETON_VIEW], loose[0]),
                (b.views[SKELETON_VIEW], loose[1]),
            )
        )
        # (a variant read with a v for an initial u starts as the other does)
        ratios = [
            fuzz.ratio(x, y)
            for x in a_loose
            for y in b_loose
            if same_start or _starts_with_vowel(x) == _starts_with_vowel(y)
        ]
        if ratios:
            lifted = True
            best = max(best, min(max(ratios), LOOSE_MAX_SIMILARITY))
    if lifted:
        best = min(best, plain + max_lift)
        if best < MIN_LIFTED_SIMILARITY or (
            final_vowels is not None and final_vowels(a.text, b.text)
        ):
            # only partly alike (see MIN_LIFTED_SIMILARITY), or ending in
            # another vowel (see ``_FINAL_VOWEL_CLASSES``)
            best = plain
    return min(best, MAX_VARIANT_SIMILARITY)


def _syllable_more(a: str, b: str) -> bool:
    """True when one text is the other and a syllable more (``SYLLABLE_MORE_MIN_LETTERS``)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(long) - len(short) >= SYLLABLE_MORE_MIN_LETTERS and long.startswith(short)


def _syllable_before(a: str, b: str) -> bool:
    """True when one spelling is the other with a syllable put before it (Ebrahimi /
    RAHIMI): see ``SYLLABLE_MORE_MIN_LETTERS``."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(long) - len(short) >= SYLLABLE_MORE_MIN_LETTERS and long.endswith(short)


def _syllable_written_more(a: str, b: str) -> bool:
    """True when one spelling is the other and a syllable more, begun by a
    consonant (jing / JINGHO): see ``SYLLABLE_MORE_MIN_LETTERS``.  Letters added
    from a vowel on are an ending (Vladimiras Putinas, Baltic) or a legal form
    glued (MOLOT-ORUZHIEOOO), no syllable."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return _syllable_more(a, b) and long[len(short)] not in _VOWEL_LETTERS


def _view_ratio(a: str, b: str) -> float:
    """``fuzz.ratio`` of two viewed texts, below ``MIN_LIFTED_SIMILARITY`` when one
    is the other and a syllable more (see ``SYLLABLE_MORE_MIN_LETTERS``)."""
    ratio = fuzz.ratio(a, b)
    if _syllable_more(a, b):
        return min(ratio, SYLLABLE_MORE_MAX_SIMILARITY)
    return ratio


def transposition_similarity(a: str, b: str) -> float:
    """The similarity of two words one adjacent transposition apart, their first
    and last letters kept (``TRANSPOSITION_MIN_LENGTH``), else 0."""
    n = len(a)
    if n != len(b) or n < TRANSPOSITION_MIN_LENGTH or a[0] != b[0] or a[-1] != b[-1] or a == b:
        return 0.0
    i = next(k for k in range(1, n) if a[k] != b[k])
    if a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]:
        return 100.0 * (1.0 - 1.0 / (2 * n - 1))
    return 0.0


# A given name and its nickname (``names.nicknames``: Ted and Theodore, Bob and
# Robert) pair as a close variant does: one person's name as they use it, not
# proof (a nickname is shared by several names: Ted is Edward's too).
NICKNAME_SIMILARITY = 90.0


def nickname_similarity(a: str, b: str) -> float:
    """``NICKNAME_SIMILARITY`` when one word is a nickname of the other, else 0."""
    return NICKNAME_SIMILARITY if nicknames.are_related(a, b) else 0.0


# Two romanised Korean or Chinese syllables (``_SYLLABLE_SHAPE``, at most this many
# letters) of one ``syllable_key`` are one syllable spelled two ways, however far
# apart their letters: Chung, Jeong, Jung and Jong (정), Chun and Jeon (전), Chou
# and Zhou.  The sound-alike lift (``MAX_SKELETON_LIFT``) stops them (Chung/Jong 44
# spelled, 74 lifted), so such a pair counts as a sound-alike, at most.  The key is
# narrower than the skeleton, which merges too much for syllables: e and i (Chen
# is not Jin), f and w (Fang is not Wang), a and ae (Cha is not Chae).
SYLLABLE_MAX_LETTERS = 6
# One onset for the voiced and unvoiced, aspirated or not, consonants romanisations
# write for one Korean or Chinese initial (McCune-Reischauer, Revised, Wade-Giles,
# pinyin).
_SYLLABLE_ONSET_CLASSES = {
    **dict.fromkeys(("k", "kh", "g", "kk"), "k"),
    **dict.fromkeys(("t", "th", "d", "tt"), "t"),
    **dict.fromkeys(("p", "ph", "b", "pp"), "p"),
    **dict.fromkeys(("ch", "chh", "tch", "j", "jj", "zh"), "j"),
}
# Vowels: the Revised eo and eu are McCune-Reischauer's o and u (breves dropped),
# South Korean oo is u, and the o and u of one syllable are written either way
# (정 Jong and Jung, 전 Jeon and Chun); ae and e (ㅐ and ㅔ, one vowel in today's
# speech, written either way: 이제동 Lee Jae-dong, 나경채 Na Gyung-che); a vowel
# written twice is the vowel (a long vowel's spelling, Yuuki, or a key held down:
# Kim Jong-uun / Kim Jong-un, 44.7 before).
_SYLLABLE_VOWELS = (
    ("aa", "a"),
    ("ii", "i"),
    ("uu", "u"),
    ("eo", "o"),
    ("eu", "u"),
    ("oo", "u"),
    ("u", "o"),
    ("ae", "e"),
)


@lru_cache(maxsize=1 << 14)
def syllable_key(text: str) -> str | None:
    """One spelling of a romanised Korean or Chinese syllable for all its
    romanisations (see ``SYLLABLE_MAX_LETTERS``), None when ``text`` is no syllable."""
    parts = _SYLLABLE_SHAPE.fullmatch(text) if len(text) <= SYLLABLE_MAX_LETTERS else None
    if parts is None:
        return None
    onset, glide, vowels, coda = parts.groups(default="")
    for written, said in _SYLLABLE_VOWELS:
        vowels = vowels.replace(written, said)
    return _SYLLABLE_ONSET_CLASSES.get(onset, onset) + glide + vowels + coda


def syllable_similarity(a: str, b: str) -> float:
    """``MAX_VARIANT_SIMILARITY`` for two unequal spellings of one syllable (one
    ``syllable_key``), else 0."""
    if a == b:
        return 0.0
    key = syllable_key(a)
    return MAX_VARIANT_SIMILARITY if key is not None and key == syllable_key(b) else 0.0


# A Korean or Chinese given name of two syllables is written apart or joined (Jong
# Sik, Jongsik, Jong-Sik), and the joined form spelled in another romanisation
# (Chongsik, 김기재 Gi Jae / Kim Kijae, 석철주 Sok Chol Ju / Seok Cheoljoo): a word
# that splits into syllables of the keys of the syllables written apart is that
# name joined, a sound-alike pair (``MAX_VARIANT_SIMILARITY``); the plain ratio of
# the joined spellings (Gijae/Kijae 80) falls below ``COMPOUND_MIN_SIMILARITY``.
# Two syllables (a surname joined to them as well is rare): words of at most
# this many letters.
SPLIT_SYLLABLES_MAX_LETTERS = 2 * SYLLABLE_MAX_LETTERS
# Any two syllables: one match turns away most words before their splits are tried.
_TWO_SYLLABLES = re.compile(f"(?:{_SYLLABLE_SHAPE.pattern}){{2}}")


@lru_cache(maxsize=1 << 16)
def split_syllable_keys(text: str) -> frozenset[tuple[str, str]]:
    """The ``syllable_key`` of both parts of every way ``text`` splits into two
    syllables (``_SYLLABLE_SHAPE``), empty when it does not."""
    found: set[tuple[str, str]] = set()
    if len(text) > SPLIT_SYLLABLES_MAX_LETTERS or not _TWO_SYLLABLES.fullmatch(text):
        return frozenset()
    for cut in range(1, len(text)):
        first = syllable_key(text[:cut])
        if first is not None:
            second = syllable_key(text[cut:])
            if second is not None:
                found.add((first, second))
    return frozenset(found)


def split_syllable_similarity(a: str, b: str) -> float:
    """``MAX_VARIANT_SIMILARITY`` for two unequal words that split into syllables of
    equal keys (``split_syllable_keys``), else 0: what a compound and a word pair
    at, at most (see ``SPLIT_SYLLABLES``)."""
    if a == b:
        return 0.0
    keys = split_syllable_keys(a)
    if keys and not keys.isdisjoint(split_syllable_keys(b)):
        return MAX_VARIANT_SIMILARITY
    return 0.0


def substitution_similarity(a: str, b: str) -> float:
    """The similarity of two latin words one changed letter apart, their first
    letter kept (``SUBSTITUTION_MIN_LENGTH``), a final vowel not changed to
    another: what one letter dropped scores, ``100 * (1 - 1 / (2n - 1))``; else 0."""
    n = len(a)
    if n != len(b) or n < SUBSTITUTION_MIN_LENGTH or a[0] != b[0] or a == b:
        return 0.0
    if not (_LATIN_WORD.fullmatch(a) and _LATIN_WORD.fullmatch(b)):
        return 0.0
    changed = [k for k in range(1, n) if a[k] != b[k]]
    if len(changed) != 1:
        return 0.0
    if changed[0] == n - 1 and a[-1] in _VOWEL_LETTERS and b[-1] in _VOWEL_LETTERS:
        return 0.0
    return 100.0 * (1.0 - 1.0 / (2 * n - 1))


def substitution_lengths(cutoff: float) -> range:
    """Word lengths whose one changed letter ``substitution_similarity`` lifts from
    below ``cutoff`` (the plain ratio ``100 (n - 1) / n``) to it or above (capped at
    ``MAX_VARIANT_SIMILARITY``): the lengths a candidate index must look such
    partners up for, as its ratio search cannot find them."""
    lengths = [
        n
        for n in range(SUBSTITUTION_MIN_LENGTH, SUBSTITUTION_LOOKUP_MAX_LENGTH + 1)
        if 100.0 * (n - 1) / n < cutoff
        and min(100.0 * (1.0 - 1.0 / (2 * n - 1)), MAX_VARIANT_SIMILARITY) >= cutoff
    ]
    return range(lengths[0], lengths[-1] + 1) if lengths else range(0)


# Past this length the plain ratio of one changed letter is above what a sound-alike
# may reach (MAX_VARIANT_SIMILARITY): no lookup can find more.
SUBSTITUTION_LOOKUP_MAX_LENGTH = 20


def substitutions(text: str) -> list[str]:
    """Every latin spelling one changed letter from ``text`` (its first kept), for
    lookups: the words ``substitution_similarity`` may lift."""
    if len(text) < SUBSTITUTION_MIN_LENGTH or not _LATIN_WORD.fullmatch(text):
        return []
    return [
        text[:i] + letter + text[i + 1 :]
        for i in range(1, len(text))
        for letter in _ALPHABET
        if letter != text[i]
    ]


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_VOWEL_LETTERS = frozenset("aeiouy")


# The Arabic diphthong ay is written ay, ai, ei or ey (Zayd, Zaid, Zeid; Shaykh,
# Sheikh; Khayr, Kheir; Haydar, Heidar; Layla, Leila): two words spelled alike but
# for it pair as sound-alikes do (MAX_VARIANT_SIMILARITY).  The skeleton
# (``names.skeleton``) keeps ei apart from a: Heinz is not Hans, Stein not Stan, and
# "Zeid Ali" met ZAYD, Ali at 23 (no pair: two listed words of other skeletons).
# Only a diphthong between consonants or at a word's end, at most
# DIPHTHONG_MAX_GROUPS of them a word (the index looks the respellings up).
DIPHTHONG_SIMILARITY = MAX_VARIANT_SIMILARITY
DIPHTHONG_MAX_GROUPS = 2
_DIPHTHONG_SPELLINGS = ("ay", "ai", "ei", "ey")
_DIPHTHONG = re.compile("(?<![aeiouy])(?:ay|ai|ei|ey)(?![aeiouy])")


def diphthong_key(text: str) -> str:
    """``text`` with every diphthong (``_DIPHTHONG``) spelled "ay"."""
    return _DIPHTHONG.sub("ay", text)


def diphthong_respellings(text: str) -> list[str]:
    """The other spellings of ``text`` with its diphthongs (``_DIPHTHONG``) written
    each way, none when it has none or more than DIPHTHONG_MAX_GROUPS."""
    if len(text) <= EXACT_TOKEN_MAX_LEN:
        return []
    parts = _DIPHTHONG.split(text)
    if not 1 < len(parts) <= DIPHTHONG_MAX_GROUPS + 1:
        return []
    spellings = (
        parts[0] + "".join(d + rest for d, rest in zip(choice, parts[1:], strict=True))
        for choice in itertools.product(_DIPHTHONG_SPELLINGS, repeat=len(parts) - 1)
    )
    return [spelling for spelling in spellings if spelling != text]


def diphthong_similarity(a: str, b: str) -> float:
    """DIPHTHONG_SIMILARITY when two words are spelled alike but for a diphthong
    (``diphthong_respellings``), else 0."""
    if a == b or len(a) <= EXACT_TOKEN_MAX_LEN or diphthong_key(a) != diphthong_key(b):
        return 0.0
    if _DIPHTHONG.subn("", a)[1] > DIPHTHONG_MAX_GROUPS:
        return 0.0
    return DIPHTHONG_SIMILARITY


def related_similarity(a: str, b: str, substituted: bool = True, variants: bool = True) -> float:
    """What two single words one transposition, one changed letter (unless not
    ``substituted``), or (with ``variants``) a nickname, a syllable's romanisation
    or a diphthong's apart pair at, at most."""
    changed = substitution_similarity(a, b) if substituted else 0.0
    swapped = min(max(transposition_similarity(a, b), changed), MAX_VARIANT_SIMILARITY)
    if not variants:
        return swapped
    return max(
        swapped, nickname_similarity(a, b), syllable_similarity(a, b), diphthong_similarity(a, b)
    )


def transpositions(text: str) -> list[str]:
    """Every spelling one adjacent transposition from ``text``, its first and last
    letters kept (the words ``transposition_similarity`` scores), for lookups."""
    if len(text) < TRANSPOSITION_MIN_LENGTH:
        return []
    return [
        text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        for i in range(1, len(text) - 2)
        if text[i] != text[i + 1]
    ]


# East Slavic patronymics in their many transcriptions (-ovich, -ovici, -owitsch,
# -owicz, -ovics, -ovych, -evna, Korean -obichi, -ufitash read from Arabic script
# ...): often left out of a name, so they weigh as little as a common token
# whether paired or not.
_PATRONYMIC = re.compile(
    r"(?:[oea][vb]|[oe]w|yev|iev)(?:i|y)?(?:ch|c|tch|tsch|tj|tsj|ts|tx|cs|ci|cz|x)i?$"
    r"|(?:ov|ev|iv|yev)n[ao]$"
    r"|[oua][vwf][iy]?ta?sh$"
)
PATRONYMIC_FACTOR = MIN_COMMON_FACTOR

# Words shorter than this are never read as patronymics ("Ivanov" is a surname).
PATRONYMIC_MIN_LENGTH = 7


@lru_cache(maxsize=1 << 16)
def _patronymic_stem(token: str) -> str | None:
    """The father's name inside a patronymic (``vladimirovich`` -> ``vladimir``), else None."""
    if len(token) < PATRONYMIC_MIN_LENGTH:
        return None
    found = _PATRONYMIC.search(token)
    return None if found is None else token[: found.start() + 1]


def _patronymic_similarity(a: str, b: str, similarity: float) -> float:
    """``similarity`` of two tokens, lowered when a patronymic is involved.

    A patronymic names the father: it does not pair with his given name (Oleksandr
    / Oleksandrovych), and two patronymics agree only as far as the fathers' names
    do (Magomedovich / Salimovich share their ending, not a name).
    """
    stem_a, stem_b = _patronymic_stem(a), _patronymic_stem(b)
    if stem_a is None and stem_b is None:
        return similarity
    if stem_a is None or stem_b is None:
        # One side only: a given name closer to the father's name than to the
        # patronymic is that name, not a spelling of the patronymic.
        word, stem = (a, stem_b) if stem_a is None else (b, stem_a)
        return 0.0 if stem is not None and fuzz.ratio(word, stem) >= similarity else similarity
    if stem_a == stem_b:
        return similarity
    plain = fuzz.ratio(stem_a, stem_b)
    stems = max(plain, fuzz.ratio(skeleton_view(stem_a), skeleton_view(stem_b)))
    return min(similarity, stems, MAX_VARIANT_SIMILARITY)


# Family names made from a father's (or forebear's) given name by a suffix: Spanish
# and Portuguese Rodriguez / Rodrigues of Rodrigo, Martinez of Martin; Persian and
# Arabic Karimi, Hosseini, Ibrahimi of Karim, Hossein, Ibrahim, and Rezaei, Mousavi of
# Reza, Musa; East Slavic and Central Asian Ivanov, Ismailov, Ivanova, Musayev; Nordic
# Andersen, Hansen, Johansson.  The given name and the family name made from it are
# two names: "Reza Hosseini" is no "HOSSEIN, Reza" (93 as a spelling, the given name
# paired with the family name; Arabic names give a father's name as a word of its
# own), as a Slavic patronymic is not the father's name; nor is "Ali Mohammadi" 'ALI,
# Muhammad (the root spelled another way, of the same skeleton).  The root: a given
# name of at least ``DERIVED_ROOT_MIN_LENGTH`` letters that ends in a consonant, an a
# or an o (the Iberian endings in its place), or a family name of an i (Ahmadian of
# Ahmadi), spelled so by the lists or the prior (``TokenWeights.spelled``: a word no
# one spells so is likelier a family name with a letter dropped by a typo), as is the
# other spelling the family name may be made from (Nyeni is Nyein with two letters
# swapped, not a Nyen's); not two forms of one given name (Bill, Billy), nor a name of
# God's (Abdullahi), nor a Korean or Chinese syllable (Changi is CHANG with a letter
# typed after it).  Between names spelled in Latin letters or another alphabet
# (``SPELLING_SCRIPTS``) only: a reading's guessed spelling is no given name, and
# across an abjad ``ABJAD_SUFFIX_MAX_SIMILARITY`` does this.  Not a bare -s (Roberts,
# Williams: one typo away) nor a prefix (McDonald).  900 common Iranian names in Latin
# letters (30 given names x 30 family names) against OFAC + UN: 134 -> 73 alerted.
# Alphabets that write every vowel, whose romanisation spells a name as written
# ("" is Latin): the rule above holds between names written in them.  Not Georgian,
# which ends a name of a final consonant with the -i of its nominative (ვლადიმერ
# პუტინი, "putini": Putin himself).
SPELLING_SCRIPTS = frozenset(("", "CYRILLIC", "GREEK", "ARMENIAN"))
# The transcription table's readings (``PreparedName.transcribed``) of scripts of
# syllables, which add the vowels a consonant cannot be written without (조시
# "joshi" is Josh, ジョシュ too): no family name made from a given name.  A reading
# of Hebrew or Arabic script ends in a vowel the name writes (محمدی "mohammadi").
SYLLABLE_TABLES = frozenset((transcribed.HANGUL, transcribed.KATAKANA, transcribed.HAN))
DERIVED_AFTER_O: tuple[str, ...] = ("ez", "es", "uez", "ues")
DERIVED_AFTER_A: tuple[str, ...] = ("i", "ei", "vi", "ev", "yev")
DERIVED_AFTER_CONSONANT: tuple[str, ...] = (
    "ez",
    "i",
    "y",
    "ov",
    "ev",
    "ova",
    "eva",
    "sen",
    "son",
    "sson",
)
DERIVED_AFTER_I: tuple[str, ...] = ("an", "yan")
# Given names shorter than this are not read as a family name's root (Ana, Ali).
DERIVED_ROOT_MIN_LENGTH = 4
# Names of God's (Abdullah, Habibullah) take an i in West African and Somali
# spellings without becoming another name (Abdullahi, CABDULLAAHI).
GOD_NAME_ENDINGS = ("lah", "laah")


@lru_cache(maxsize=1 << 16)
def _derived_surname(a: str, b: str) -> tuple[str, str] | None:
    """When one of two words is a family name made from the other, a given name
    (``DERIVED_AFTER_O`` ...), or from another spelling of it that sounds alike
    (Ahmadi of Ahmad, not Ahmed; Mohammadi, Muhammad): the given name and the
    spelling the family name was made from, else None."""
    for given, family in ((a, b), (b, a)):
        if (
            len(given) < DERIVED_ROOT_MIN_LENGTH
            or not (given.isascii() and given.isalpha())
            or given.endswith(GOD_NAME_ENDINGS)
            or syllable_key(given) is not None
        ):
            continue
        last = given[-1]
        if last == "o":
            stem, endings = given[:-1], DERIVED_AFTER_O
        elif last == "a":
            stem, endings = given, DERIVED_AFTER_A
        elif last == "s":  # the s of -sen and -son is the name's own (Andersen, Jensen)
            stem, endings = given, (*DERIVED_AFTER_CONSONANT, "en", "on")
        elif last == "i":  # a family name made from another (Ahmadian of Ahmadi)
            stem, endings = given, DERIVED_AFTER_I
        elif last not in "euy":
            stem, endings = given, DERIVED_AFTER_CONSONANT
        else:
            continue
        root = _made_from(family, given, stem, endings, sound_alike=last != "o")
        if root is None and last == "a":
            # A woman's name of an Iberian man's (Fernanda, Martina): the family
            # name made from his (Fernandez, Martinez) is no spelling of it.
            root = _made_from(family, given, given[:-1], DERIVED_AFTER_O, sound_alike=False)
        # Not two forms of one given name (Bill and Billy, Rick and Ricky: each a
        # nickname of William, Richard).
        if root is not None and not (
            nicknames.related(given) & (nicknames.related(family) | {family})
        ):
            return given, root
    return None


def _made_from(
    family: str, given: str, stem: str, endings: tuple[str, ...], sound_alike: bool
) -> str | None:
    """``given`` when ``family`` is its ``stem`` with one of ``endings``; with
    ``sound_alike``, the spelling of the stem's skeleton that ``family`` is with one;
    else None."""
    if family.startswith(stem) and family[len(stem) :] in endings:
        return given
    if not sound_alike:
        return None
    key = skeleton_view(stem)
    for ending in endings:
        root = family[: -len(ending)]
        if (
            family.endswith(ending)
            and len(root) >= DERIVED_ROOT_MIN_LENGTH
            and skeleton_view(root) == key
        ):
            return root
    return None


def _legal_pair(query: NameOption, listed: NameOption, weights: TokenWeights) -> bool:
    """``pairs_as_legal_form`` of a screened word and a listed legal form.

    Not the other way round: a listed name is spelled as its list wrote it, so a
    word of it that looks like a misspelt legal form is a word of the name (SIAS
    in "SIAS TRADING" is no misspelt SAS; at seed 11 of ``evaluate_matching`` it
    paired with a Vietnamese company's legal form, a false alert).  Nor a word of
    names the prior knows (Sara, one letter from SARL: Mrs Sara Morgan / LIMITED
    LIABILITY COMPANY MORGAN 95 with it), unless it is a form of that legal form
    itself, where no form was read (the sa of "S.A. DC C.V.").  The prior's words,
    not the loaded lists': those may spell a form so.
    """
    return (
        query.kind == "word"
        and listed.kind == "legal"
        and pairs_as_legal_form(query.text, listed.text)
        and (query.text in LEGAL_FORM_WORDS[listed.text] or not weights.in_prior(query.text))
    )


_VOWELS = re.compile("[aeiouy]+")


def _consonants(token: str) -> str:
    """The consonants of a token as spelled, doubled letters once: ``qaeda`` -> ``qd``."""
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", token))


@lru_cache(maxsize=1 << 16)
def abjad_consonants(skeleton_text: str) -> str:
    """The consonants of a skeleton as ABJAD_SCRIPTS compares them: a final ``h``
    dropped (``fatimah`` / ``Fatima``)."""
    consonants = _consonants(skeleton_text)
    return consonants[:-1] if len(consonants) > 1 and consonants.endswith("h") else consonants


def consonants_agree(skeleton_a: str, skeleton_b: str, minimum: int = ABJAD_MIN_CONSONANTS) -> bool:
    """True when two skeletons have the same consonants as an abjad compares them,
    at least ``minimum`` of them."""
    consonants = abjad_consonants(skeleton_a)
    return len(consonants) >= minimum and consonants == abjad_consonants(skeleton_b)


def _abjad_consonants_agree(a: NameOption, b: NameOption, abjad: bool = True) -> bool:
    """True when a sound-alike may lift a pair across an abjad (see ``ABJAD_SCRIPTS``)
    or a bare abugida (``abjad`` False: no written final long vowel to tell)."""
    return consonants_agree(a.views[SKELETON_VIEW], b.views[SKELETON_VIEW]) and not (
        abjad and _suffixed(a.text, b.text)
    )


def _consonants_equal(a: NameOption, b: NameOption) -> bool:
    """True when two options' skeletons have the same consonants as an abjad
    compares them (``abjad_consonants``), however few."""
    return abjad_consonants(a.views[SKELETON_VIEW]) == abjad_consonants(b.views[SKELETON_VIEW])


def _written_ending_differs(a: str, b: str) -> bool:
    """``_suffixed``, or one spelling ends with an i or y and the other with an a:
    the last letters Arabic script writes, ی against ا or ة (Nuri, Nura).  Not an e,
    which a Latin spelling may leave silent (Marie, ماري "mari")."""
    ends = {a[-1:], b[-1:]}
    return _suffixed(a, b) or (bool(ends & {"i", "y"}) and "a" in ends)


def _suffixed(a: str, b: str) -> bool:
    """True when one spelling ends with a long vowel and the other with a consonant."""
    return a != b and {_ending(a), _ending(b)} == {"long vowel", "consonant"}


def _ending(text: str) -> str:
    """How a spelling ends: "long vowel" (i, u, y), "vowel" (a, e, o) or "consonant"."""
    last = text[-1:]
    if last in ("i", "u", "y"):
        return "long vowel"
    return "vowel" if last in ("a", "e", "o") else "consonant"


def _syllable_end_mismatch(a: str, b: str, open_closed: bool = True) -> bool:
    """True when two romanised syllables differ in their final nasal, -n against
    -ng, or (with ``open_closed``) one is open and the other closed by a consonant
    (see ``SYLLABLE_END_MISMATCH_MAX_SIMILARITY``)."""
    a_shape, b_shape = _SYLLABLE_SHAPE.fullmatch(a), _SYLLABLE_SHAPE.fullmatch(b)
    if a_shape is None or b_shape is None:
        return False
    a_final, b_final = a_shape.group(4) or "", b_shape.group(4) or ""
    if {a_final, b_final} == {"n", "ng"}:
        return True
    # (an r closes no Korean or Chinese syllable: Sta / Star are English)
    return open_closed and "r" not in (a_final, b_final) and bool(a_final) != bool(b_final)


# East Slavic family names are a stem and one of a few suffixes, each spelled
# several ways (-ov, -ev, -off, -ow; -in, -yn; -sky, -ski, -skiy; -enko; -uk,
# -chuk), a feminine -a after the first two: two names of one stem and suffixes of
# two kinds are two families (Markova / Markina, Petrov / Petrovsky, Lukin /
# Lukov), however alike the spelling: such a pair counts at most this, a weak
# pair that cannot carry a name to the threshold (a typo may change a suffix:
# Sechev / Sechin).
SLAVIC_SUFFIX_MAX_SIMILARITY = 75.0
_SLAVIC_SUFFIX_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ov", re.compile("(?:[oe]v|yev|iev|yov|[oe]w|[oe]ff)a?$")),
    ("in", re.compile("(?:in|yn)a?$")),
    ("sky", re.compile("sk(?:y|yy|i|iy|ii|ij|yi|aya|a)$")),
    ("enko", re.compile("enko$")),
    ("uk", re.compile("(?:uk|yuk|chuk)$")),
)
SLAVIC_SUFFIX_MIN_LENGTH = 5


def _slavic_suffix(word: str) -> str | None:
    if len(word) < SLAVIC_SUFFIX_MIN_LENGTH:
        return None
    return next((kind for kind, pattern in _SLAVIC_SUFFIX_KINDS if pattern.search(word)), None)


def _slavic_mismatch(a: str, b: str) -> bool:
    """True when two words end in East Slavic family-name suffixes of two kinds
    (see ``_SLAVIC_SUFFIX_KINDS``)."""
    kind = _slavic_suffix(a)
    other = _slavic_suffix(b) if kind is not None else None
    return other is not None and other != kind


# A name that is another with a consonant before it is another name more often
# than a slip (Samir/Amir, Fadel/Adel, Wali/Ali, Brian/Rian, Khan/Han), both spelled
# in Latin letters (a transcription may add or drop it): such a
# pair of short words (at most SHORT_TOKEN_LENGTH letters the shorter) counts at
# most this, a weak pair.
PREFIXED_NAME_MAX_SIMILARITY = 75.0


def _consonant_prefixed(a: str, b: str) -> bool:
    """True when one short word is the other with a consonant before it."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return (
        len(long) == len(short) + 1
        and len(short) <= SHORT_TOKEN_LENGTH
        and long[1:] == short
        and long[:1] not in "aeiouy"
        and long[0] != short[0]  # a first letter typed twice (Llong, Rrima)
        and not long.startswith(_PREFIXED_SPELLINGS)
    )


# A script that writes its consonants (``GUESSED_VOWEL_SCRIPTS``) and a spelling
# with a consonant more than its reading are two names, however alike the letters
# between them (سبيع "sabi" is no Sabri): the pair counts at most this.  An h (aspiration marks,
# a final ha) and a w (a waw read as a vowel) may be spelled where the script has none.
ADDED_CONSONANT_MAX_SIMILARITY = 75.0
_SPELLED_EXTRA_CONSONANTS = frozenset("hw")
_ONE_LETTER_DIGRAPHS = re.compile("sh|kh|th|dh|gh|ch|zh|ph|dj")


@lru_cache(maxsize=1 << 16)
def _written_consonants(text: str) -> str:
    """The consonants of a spelling or a reading as written (``_consonants``), a
    digraph one letter (``shamas`` and ``shams``: s m s)."""
    return _consonants(_ONE_LETTER_DIGRAPHS.sub(lambda m: m.group(0)[0].upper(), text))


def _consonant_added(reading: NameOption, spelled: NameOption) -> bool:
    """True when ``spelled`` has the consonants of ``reading`` in order and more
    between them or before a final vowel, not only an h or a w (see
    ``ADDED_CONSONANT_MAX_SIMILARITY``).  A consonant before them or ending the
    word may be an article joined to it (Alsudan, Ansarul, Biladis)."""
    written = _written_consonants(reading.text)
    spelt = _written_consonants(spelled.text)
    if len(spelt) <= len(written) or not written:
        return False
    letters = iter(spelt)
    inner: list[str] = []
    for index, letter in enumerate(written):
        skipped: list[str] = []
        for other in letters:
            if other == letter:
                break
            skipped.append(other)
        else:
            return False  # not in order: another rule's business
        if index:
            inner.extend(skipped)
    if spelled.text[-1:] in "aeiouy":
        inner.extend(letters)  # a consonant more before a final vowel (Sabri)
    return any(letter not in _SPELLED_EXTRA_CONSONANTS for letter in inner)


# One sound spelled with a letter more at the start: French tch and dj (Tchun,
# Djamel = Chun, Jamel), dz.
_PREFIXED_SPELLINGS = ("tch", "dj", "dz")


def _one_word_similarity(a: str, b: str, similarity: float, doubles: bool = True) -> float:
    """``similarity`` of the words of two one-word names (see ``ONE_WORD_MAX_LIFT``):
    in full when their consonants are spelled alike and they have as many vowel
    groups (syllables: Sakarya is no Skairu, Marion no Mariana; 25,951 generated
    clean names 72 -> 71 alerts, recall and pairs unchanged); without ``doubles``
    (a reading of a script that does not write them, nor all its vowels) doubled
    letters count once, and vowel groups not at all (דוד "dod", David)."""
    if a == b or (
        _VOWELS.sub("", a) == _VOWELS.sub("", b)
        and len(_VOWELS.findall(a)) == len(_VOWELS.findall(b))
        if doubles
        else _consonants(a) == _consonants(b)
    ):
        return similarity
    return min(similarity, fuzz.ratio(a, b) + ONE_WORD_MAX_LIFT)


# Names whose token weights are memoised per TokenWeights; the memo is emptied
# when full, so memory stays bounded on files of millions of distinct names.
WEIGHTS_MEMO_SIZE = 200_000


def _token_weights(name: PreparedName, weights: TokenWeights) -> tuple[list[float], list[float]]:
    """Weight and rarity of every token of a name (rarity 0 for non-words), memoised."""
    key = (name.tokens, name.kinds, name.script)
    memo = weights._weights_memo
    found = memo.get(key)
    if found is None:
        if len(memo) >= WEIGHTS_MEMO_SIZE:
            memo.clear()
        found = memo[key] = _compute_token_weights(name, weights)
    return found


def _compute_token_weights(
    name: PreparedName, weights: TokenWeights
) -> tuple[list[float], list[float]]:
    out_weight: list[float] = []
    out_rarity: list[float] = []
    for index, (token, kind) in enumerate(zip(name.tokens, name.kinds, strict=True)):
        if kind == "word":
            # Single-token options come first, so options[index] is this token.
            skeleton_text = name.options[index].views[SKELETON_VIEW]
            rarity = weights.rarity_of_key(skeleton_text)
            key = consonant_key(skeleton_text)
            consonants = len(key) - len(CONSONANT_KEY_MARK)
            if name.script in GUESSED_VOWEL_SCRIPTS and consonants >= ABJAD_MIN_CONSONANTS:
                rarity = min(rarity, weights.rarity_of_key(key))
            factor = MIN_COMMON_FACTOR + (1.0 - MIN_COMMON_FACTOR) * rarity
            if _patronymic_stem(token) is not None:
                factor = PATRONYMIC_FACTOR
            out_weight.append(min(len(token), WORD_LENGTH_CAP) * factor)
            out_rarity.append(rarity)
            continue
        out_rarity.append(0.0)
        if kind == "legal":
            out_weight.append(LEGAL_FORM_WEIGHT)
        elif kind == "particle":
            out_weight.append(PARTICLE_WEIGHT)
        elif kind == "initial":
            out_weight.append(INITIAL_WEIGHT)
        else:
            out_weight.append(NUMBER_WEIGHT)
    return out_weight, out_rarity


_SPECIAL_KINDS = frozenset(("number", "legal", "particle"))


# The similarity whose credit is INITIAL_CREDIT: what the candidate index counts
# a word paired with a legal form at (see LEGAL_PAIR_MAX_LENGTH).
LEGAL_PAIR_SIMILARITY = 100.0 - (100.0 - INITIAL_CREDIT * 100.0) / PAIR_DEFICIT_GAIN


@lru_cache(maxsize=1 << 14)
def pairs_as_legal_form(word: str, legal: str) -> bool:
    """True when a short word reads as the legal form ``legal`` (a class token)
    misspelt (see ``LEGAL_PAIR_MAX_LENGTH``)."""
    return legal in legal_forms_read_as(word)


@lru_cache(maxsize=1 << 14)
def legal_forms_read_as(word: str) -> frozenset[str]:
    """Every legal form (class token) a short word reads as, misspelt: remembered,
    since the index asks it of every short word of the names it bounds."""
    if not 2 <= len(word) <= LEGAL_PAIR_MAX_LENGTH or word.isdigit():
        return frozenset()
    return frozenset(
        legal
        for legal, forms in LEGAL_FORM_WORDS.items()
        if any(_one_typo(word, form) for form in forms if len(form) >= LEGAL_PAIR_MIN_FORM_LENGTH)
    )


def _one_typo(word: str, form: str) -> bool:
    """True when ``word`` is ``form`` with one typo (see LEGAL_PAIR_MAX_LENGTH); a
    letter changed, or one added that is not a letter of the form doubled, only in
    forms of LEGAL_PAIR_MIN_SUBSTITUTED_LENGTH letters, and never the first letter
    changed: "wood", "good" and "food" are words, not the Bulgarian OOD or EOOD
    misspelt ("ltdd" is Ltd, "curp" Corp)."""
    if OSA.distance(word, form, score_cutoff=LEGAL_PAIR_MAX_TYPOS) > LEGAL_PAIR_MAX_TYPOS:
        return False
    if len(word) == len(form) and word[0] != form[0] and sorted(word) != sorted(form):
        return False
    if len(form) >= LEGAL_PAIR_MIN_SUBSTITUTED_LENGTH:
        return True
    if len(word) == len(form) + 1:
        return any(
            word[:i] + word[i + 1 :] == form and word[i] in (word[i - 1 : i] + word[i + 1 : i + 2])
            for i in range(len(word))
        )
    return len(word) < len(form) or sorted(word) == sorted(form)


def _is_single(mask: int) -> bool:
    return mask & (mask - 1) == 0


# Words that join two names ("Johnson, Tapia and Rice", "Bank of China"): never
# part of a compound option, or "and"+"rice" would pass for "Andre".
CONNECTORS = frozenset(("and", "und", "et", "of", "the", "y", "e"))


def _joins_connector(name: PreparedName) -> int:
    """Bit i set when option i of ``name`` is a compound containing a connector word."""
    if not CONNECTORS.intersection(name.tokens):
        return 0
    connector_mask = sum(1 << i for i, t in enumerate(name.tokens) if t in CONNECTORS)
    out = 0
    for index, option in enumerate(name.options):
        if not _is_single(option.mask) and option.mask & connector_mask:
            out |= 1 << index
    return out


def compare(
    query: PreparedName, candidate: PreparedName, weights: TokenWeights | None = None
) -> Match:
    """Compare a screened name with a listed name (see the module docstring)."""
    if weights is None:
        weights = default_weights()
    match = _compare(query, candidate, weights, False)
    if query.truncated and _cut_word_begins(query, candidate):
        # The last word of a name cut at a field's length may be the beginning of a
        # listed word it pairs with (RECONSTRUC / RECONSTRUCTION): compared once more
        # with that word left unpaired, so the cut may leave both unknown.
        other = _compare(query, candidate, weights, True)
        if other.score > match.score:
            return other
    return match


def _cut_word_begins(query: PreparedName, candidate: PreparedName) -> bool:
    """Whether the last word of ``query`` begins a longer word of ``candidate``."""
    return query.kinds[-1] == "word" and any(
        _cut_from(query.tokens[-1], token, kind)
        for token, kind in zip(candidate.tokens, candidate.kinds, strict=True)
    )


def _cut_from(part: str, token: str, kind: str) -> bool:
    """Whether ``part`` is the beginning of the longer ``token``, or of a word a legal
    form of that class is written as (COMPA of company, read ``corp``)."""
    if token != part and token.startswith(part):
        return True
    return kind == "legal" and any(
        word != part and word.startswith(part) for word in LEGAL_FORM_WORDS.get(token, ())
    )


def _compare(
    query: PreparedName, candidate: PreparedName, weights: TokenWeights, cut_word_unpaired: bool
) -> Match:
    """``compare``; with ``cut_word_unpaired`` the last token of ``query`` pairs with
    nothing (see ``compare``)."""
    q_tokens, c_tokens = query.tokens, candidate.tokens
    if not q_tokens or not c_tokens:
        return Match(0.0, query.normalised, candidate.normalised)
    if (query.alternative or candidate.alternative) and query.script == candidate.script:
        # A respelling in its own script is for names of other scripts
        # (PreparedName.alternative): two names of one script compare as written.
        return Match(0.0, query.normalised, candidate.normalised)
    q_weight, _q_rarity = _token_weights(query, weights)
    c_weight, c_rarity = _token_weights(candidate, weights)
    q_option_weight = [sum(q_weight[i] for i in mask_bits(o.mask)) for o in query.options]
    c_option_weight = [sum(c_weight[i] for i in mask_bits(o.mask)) for o in candidate.options]

    # Two names written in one non-Latin script differ in that script: their
    # romanisations sounding alike (Jong/Jeong from 종/정) is no evidence.
    # Chinese syllables are short and many: their skeletons collide (fei/wei,
    # cao/chao), and pinyin is one system, so they are compared as spelled.
    # Both names spelled in Latin letters, neither a transcription (which may add or
    # drop a first consonant: katakana ハーン for Khan, ンゴンゴ for Ngongo).
    latin = not query.script and not candidate.script
    same_script = (bool(query.script) and query.script == candidate.script) or "CJK" in (
        query.script,
        candidate.script,
    )
    # Two names of one script that writes a syllable a character: each pair's
    # characters must be one syllable as written (정 and 종 read "jong" both).
    written = (
        query.script == candidate.script and bool(query.syllables) and bool(candidate.syllables)
    )
    # The skeleton lifts a pair at most MAX_SKELETON_LIFT above its spelling
    # between Latin names, CROSS_SCRIPT_MAX_LIFT when one was transliterated.
    max_lift = (
        MAX_SKELETON_LIFT
        if {query.script, candidate.script} <= SPELLED_SCRIPTS | {""}
        else CROSS_SCRIPT_MAX_LIFT
    )
    syllabic = bool({query.script, candidate.script} & SYLLABIC_SCRIPTS)
    # A name read from an abjad (or a bare abugida) against one of another script:
    # its guessed vowels are no evidence (see ABJAD_SCRIPTS, BARE_ABUGIDA_SCRIPTS).
    abjad_read = bool({query.script, candidate.script} & ABJAD_SCRIPTS)
    guessed = bool({query.script, candidate.script} & GUESSED_VOWEL_SCRIPTS) and not same_script
    # A word read from Hebrew against one of another script (see
    # HEBREW_CONSONANTS_DIFFER_MAX_SIMILARITY).
    hebrew_read = "HEBREW" in (query.script, candidate.script) and not same_script
    # A reading of the transcription table from Arabic script (see
    # ABJAD_SUFFIX_MAX_SIMILARITY).
    abjad_table = transcribed.ARABIC in (query.transcribed, candidate.transcribed)
    spelled = query.script in SPELLING_SCRIPTS and candidate.script in SPELLING_SCRIPTS
    q_reading = query.script in READING_SCRIPTS
    c_reading = candidate.script in READING_SCRIPTS
    read = (q_reading or c_reading) and not same_script
    loose = (
        (query.script in LOOSE_CONSONANT_SCRIPTS, candidate.script in LOOSE_CONSONANT_SCRIPTS)
        if {query.script, candidate.script} & LOOSE_CONSONANT_SCRIPTS and not same_script
        else None
    )
    # A word of a loose abugida (BARE_ABUGIDA_LOOSE) meets another script's on the
    # loose skeleton even where their consonants differ.
    loose_abugida = loose is not None and bool(
        {query.script, candidate.script} & BARE_ABUGIDA_LOOSE
    )
    one_word = query.kinds.count("word") == 1 and candidate.kinds.count("word") == 1
    # A vessel's name is spelled as registered (VESSEL_MAX_LIFT), and has no
    # initials: its letter is a word of the name (ELENA A, RAY G, M SOPHIA, SEASONS
    # I), which a payment writes as it is, and which a person's surname of that
    # letter is not (Elena Agnesi / ELENA A, Ray Group / RAY G, Sophia Muratori /
    # M SOPHIA: 87 to 91 with the letter as an initial).
    vessel = query.entity_vessel or candidate.entity_vessel
    # Nor has an organisation's name initials for a person's name: its letter is a
    # word of it (ISIS-K, GROUP A), and a person's surname of that letter says
    # nothing of it (Isis Kuijpers / ISIS-K: 87.2 with the letter as an initial).
    # Between two organisations' names an initial still pairs (J.S. KIM TRADING).
    no_initials = vessel or query.is_organisation != candidate.is_organisation
    # Feminine and masculine given names (``_gendered_pair``) are persons' names: a
    # company's or vessel's long word with its final a dropped or added is a typo
    # (OSTOZHENK / OSTOZHENKA, KARBAL / KARBALA: ``ENDING_TYPO_MIN_LENGTH``).
    organisation = query.is_organisation or candidate.is_organisation
    # A company's name (with a legal form) holds no listed person's name written
    # joined or apart: a compound across them is another word ("Chochół Sp. z o.o."
    # met CHO, Ch'o'l at 91 by chochol = cho + chol).
    person_in_company = query.is_organisation and not candidate.is_organisation
    # A reading of a script whose final a is guessed (SCHWA_SCRIPTS): Bakr or Bakra,
    # Narendr or Narendra, no feminine form.
    schwa = bool({query.script, candidate.script} & SCHWA_SCRIPTS)
    # (similarity, weight, is_real_pair, query option index, candidate option index)
    scored: list[tuple[float, float, bool, int, int]] = []
    q_joined = _joins_connector(query)
    c_joined = _joins_connector(candidate)
    # Which final vowels tell two words apart (see ``_FINAL_VOWEL_CLASSES``).
    final_vowels: Callable[[str, str], bool] | None = None
    q_hebrew = query.script == "HEBREW" or query.transcribed == transcribed.HEBREW
    c_hebrew = candidate.script == "HEBREW" or candidate.transcribed == transcribed.HEBREW
    if spelled and not (query.transcribed or candidate.transcribed):
        final_vowels = functools.partial(_names_end_apart, weights)
    elif q_hebrew and not candidate.transcribed and candidate.script in SPELLING_SCRIPTS:
        final_vowels = written_a_differs
    elif c_hebrew and not query.transcribed and query.script in SPELLING_SCRIPTS:
        final_vowels = _spelling_then_reading
    # Initials written with a full stop stand for words: never joined to a word
    # (STEPANOV A. A. is no Stepanova), only to other initials (L.X.C, LXC).
    q_initials = _written_initials(query.original, query.tokens, query.kinds)
    c_initials = _written_initials(candidate.original, candidate.tokens, candidate.kinds)
    q_words_mask = _word_mask(query.kinds)
    c_words_mask = _word_mask(candidate.kinds)
    for qi, q_opt in enumerate(query.options):
        q_single = _is_single(q_opt.mask)
        q_special = q_opt.kind in _SPECIAL_KINDS
        if q_joined >> qi & 1:
            continue
        for ci, c_opt in enumerate(candidate.options):
            if c_joined >> ci & 1:
                continue
            # A compound pairs with a single token only: two compounds would hide a
            # difference in one of their tokens (Daniel Tusk / Donald Tusk).
            if not (q_single or _is_single(c_opt.mask)):
                continue
            if q_special or c_opt.kind in _SPECIAL_KINDS:
                # Numbers, legal forms and particles pair only when equal: a fuzzy
                # "12"/"123" or "jsc"/"jsco" is no evidence.
                weight = q_option_weight[qi] + c_option_weight[ci]
                if q_opt.text == c_opt.text:
                    scored.append((100.0, weight, True, qi, ci))
                elif q_single and _is_single(c_opt.mask) and _legal_pair(q_opt, c_opt, weights):
                    # A short word that is a misspelt legal form (LEGAL_PAIR_MAX_LENGTH).
                    scored.append((INITIAL_CREDIT * 100, weight, False, qi, ci))
                continue
            compound = not (q_single and _is_single(c_opt.mask))
            if compound and (
                person_in_company
                or (q_initials & q_opt.mask and q_words_mask & q_opt.mask)
                or (c_initials & c_opt.mask and c_words_mask & c_opt.mask)
            ):
                continue
            lift = max_lift
            if compound:
                lift = (
                    COMPOUND_SKELETON_LIFT
                    if q_opt.views[SKELETON_VIEW] == c_opt.views[SKELETON_VIEW]
                    and min(len(q_opt.text), len(c_opt.text)) >= COMPOUND_SKELETON_MIN_LETTERS
                    else COMPOUND_MAX_LIFT
                )
            if vessel and compound:
                lift = VESSEL_COMPOUND_MAX_LIFT
            elif vessel and latin:
                lift = min(lift, VESSEL_MAX_LIFT)
            plain_only = same_script or (
                guessed
                and not loose_abugida
                and not _abjad_consonants_agree(q_opt, c_opt, abjad_read)
            )
            # A reading (``READING_SCRIPTS``) against a spelling: the vowels it leaves
            # unwritten no evidence either way (``reading_similarity``); across an
            # abjad instead of the skeleton, only when the consonants agree.
            reading = (q_reading, c_reading) if read and not plain_only else None
            similarity = _option_similarity(
                q_opt,
                c_opt,
                plain_only,
                lift,
                reading,
                loose,
                sound_alike=not guessed,
                loose_only=loose_abugida,
                final_vowels=final_vowels,
            )
            if not compound:
                if not (read or schwa) and _gendered_pair(
                    q_opt.text,
                    c_opt.text,
                    surname=bool(c_opt.mask & candidate.surname_mask),
                    organisation=organisation,
                    known=weights.known,
                ):
                    similarity = 0.0  # another given name (see _gendered_pair)
                substituted = not one_word or (
                    len(q_opt.text) >= ONE_WORD_SUBSTITUTION_MIN_LENGTH
                    and _q_rarity[q_opt.mask.bit_length() - 1] >= ONE_WORD_SUBSTITUTION_MIN_RARITY
                )
                if (
                    substituted
                    and not organisation
                    and not query.transcribed
                    and weights.spelled(q_opt.text)
                    and weights.spelled(c_opt.text)
                ):
                    substituted = False  # two names of their own (SUBSTITUTION_MIN_LENGTH)
                # A vessel's word spelled in Latin letters is registered so: a typo
                # of it is the vessel, another romanisation of a syllable (Chi/JI)
                # or a nickname is another name (VESSEL_MAX_LIFT).
                similarity = max(
                    similarity,
                    related_similarity(
                        q_opt.text, c_opt.text, substituted, variants=not (vessel and latin)
                    ),
                )
                similarity = _patronymic_similarity(q_opt.text, c_opt.text, similarity)
                if spelled and query.transcribed not in SYLLABLE_TABLES:
                    derived = _derived_surname(q_opt.text, c_opt.text)
                    if derived is not None and all(map(weights.spelled, derived)):
                        similarity = 0.0  # a given name and the family name made from it
                if (abjad_read and _suffixed(q_opt.text, c_opt.text)) or (
                    abjad_table and _written_ending_differs(q_opt.text, c_opt.text)
                ):
                    similarity = min(similarity, ABJAD_SUFFIX_MAX_SIMILARITY)
                if one_word:
                    similarity = _one_word_similarity(
                        q_opt.text, c_opt.text, similarity, doubles=not read
                    )
                    if (
                        latin
                        and (vessel or q_opt.views[SKELETON_VIEW] != c_opt.views[SKELETON_VIEW])
                        and q_opt.text != c_opt.text
                        and weights.spelled(q_opt.text)
                    ):
                        similarity = min(similarity, KNOWN_WORD_MAX_SIMILARITY)
                # Two names of their own, far apart: no pair (KNOWN_WORDS_MAX_SIMILARITY).
                if (
                    not one_word
                    and not read
                    and not query.transcribed
                    and (
                        similarity <= KNOWN_WORDS_MAX_SIMILARITY
                        or (latin and not organisation and _spelled_apart(q_opt, c_opt))
                    )
                    and q_opt.kind == "word"
                    and c_opt.kind == "word"
                    and _is_single(q_opt.mask)
                    and _is_single(c_opt.mask)
                    and q_opt.views[SKELETON_VIEW] != c_opt.views[SKELETON_VIEW]
                    and weights.spelled(q_opt.text)
                ):
                    similarity = 0.0
                if _syllable_end_mismatch(q_opt.text, c_opt.text, open_closed=loose is None):
                    similarity = min(similarity, SYLLABLE_END_MISMATCH_MAX_SIMILARITY)
                if not read and _slavic_mismatch(q_opt.text, c_opt.text):
                    similarity = min(similarity, SLAVIC_SUFFIX_MAX_SIMILARITY)
                if latin and _consonant_prefixed(q_opt.text, c_opt.text):
                    similarity = min(similarity, PREFIXED_NAME_MAX_SIMILARITY)
                if (
                    _syllable_before(q_opt.text, c_opt.text)
                    and not organisation
                    and weights.spelled(q_opt.text)
                    and weights.spelled(c_opt.text)
                ):
                    similarity = min(similarity, SYLLABLE_MORE_MAX_SIMILARITY)
                if (
                    same_script
                    and query.script in GUESSED_VOWEL_SCRIPTS
                    and _written_consonants(q_opt.text) != _written_consonants(c_opt.text)
                ):
                    # Two spellings in a script that writes every consonant: one more
                    # or another is another name (طاها Taha, طاهر Tahir; as محمد بن
                    # سلطان is not محمد بن سلمان, Sultan not Salman, in Latin letters).
                    similarity = min(similarity, ADDED_CONSONANT_MAX_SIMILARITY)
                if hebrew_read and not _consonants_equal(q_opt, c_opt):
                    # See HEBREW_CONSONANTS_DIFFER_MAX_SIMILARITY.
                    similarity = min(similarity, HEBREW_CONSONANTS_DIFFER_MAX_SIMILARITY)
                if guessed:
                    reading_opt, spelled_opt = (
                        (q_opt, c_opt) if query.script in GUESSED_VOWEL_SCRIPTS else (c_opt, q_opt)
                    )
                    if _consonant_added(reading_opt, spelled_opt):
                        similarity = min(similarity, ADDED_CONSONANT_MAX_SIMILARITY)
            elif not plain_only:
                similarity = max(similarity, split_syllable_similarity(q_opt.text, c_opt.text))
            if written and _written(query, q_opt.mask) != _written(candidate, c_opt.mask):
                # Two syllables as written (see PreparedName.syllables).  Only ever
                # lowered: the candidate index bounds the pair by its romanisations.
                similarity = 0.0
            short_miss = (
                similarity < SHORT_PAIR_MIN_SIMILARITY
                and max(len(q_opt.text), len(c_opt.text)) <= SHORT_TOKEN_LENGTH
            ) or (
                syllabic
                and (
                    similarity < SYLLABLE_MIN_SIMILARITY
                    or (not compound and _has_glide(q_opt.text) != _has_glide(c_opt.text))
                )
            )
            if (
                similarity < OTHER_INITIAL_MIN_SIMILARITY
                and q_opt.text[0] != c_opt.text[0]
                and q_opt.views[SKELETON_VIEW][:1] != c_opt.views[SKELETON_VIEW][:1]
                and q_opt.text[1:2] != c_opt.text[:1]
                and c_opt.text[1:2] != q_opt.text[:1]
            ):
                short_miss = True  # see OTHER_INITIAL_MIN_SIMILARITY
            if compound and (
                similarity < COMPOUND_MIN_SIMILARITY
                or _nearer_a_part(query, q_opt, candidate, c_opt)
                or not _holds_parts(query, q_opt, candidate, c_opt, consonants=read)
                or (syllabic and _syllables_disagree(query, q_opt, candidate, c_opt))
            ):
                # Words joined stand for a word written apart (Jong Sik / Jongsik),
                # nearly equal to it; "Vlas Adamovich" is not "Vladimirovich", and a
                # word as near one of them as their compound is that word with a
                # letter more (Novikova / Novikov Yan, Silva / Silvia I).
                short_miss = True
            # Wang/Yang, Jong/Jang: another name, not a spelling; a Korean or
            # Chinese syllable is another syllable unless it sounds the same.
            if similarity >= MIN_TOKEN_SIMILARITY and not short_miss:
                weight = q_option_weight[qi] + c_option_weight[ci]
                scored.append((similarity, weight, True, qi, ci))
            elif (
                q_single
                and _is_single(c_opt.mask)
                and not no_initials
                and (q_opt.kind == "initial") != (c_opt.kind == "initial")
                and q_opt.text[0] == c_opt.text[0]
            ):
                # An initial pairs with a word of its letter, after every real pair.
                weight = q_option_weight[qi] + c_option_weight[ci]
                scored.append((INITIAL_CREDIT * 100, weight, False, qi, ci))
    # Real pairs first, best first; among equal similarity the heavier pair wins, so
    # a compound "jongsik" = "jong"+"sik" pairing beats two weaker single pairs;
    # among equals the pair of nearer places in their names, so a word written
    # twice pairs where the other name has it and leaves its twin to a compound
    # ("Amin al-Lah Amin Qudus" / "AMINULLAH AMIN QUDDUS": the second amin).
    # A name cut at a field's length is the listed name's beginning: its words stand
    # where they stand in the listed name, not at the same share of its length
    # ("Forensic Center of Nizhniy Novgorod", cut: its "of" is the listed name's
    # first, not its second, four words later).
    q_places = _places(query, relative=not query.truncated)
    c_places = _places(candidate, relative=not query.truncated)
    scored.sort(
        key=lambda item: (
            item[2],
            item[0],
            item[1],
            -abs(q_places[item[3]] - c_places[item[4]]),
        ),
        reverse=True,
    )
    used_q = 0
    used_c = 0
    pairs: list[TokenPair] = []
    paired: list[tuple[int, int]] = []
    achieved = 0.0
    matched_weight = 0.0
    best_similarity = 0.0
    worst_similarity = 100.0
    rarity = 0.0
    # Two one-word names have nothing but that word to agree on: a near miss
    # between them (Cassiano/Kashan) is a different word far more often than a typo.
    # So does a listed name of one word met by a near miss in a longer name.
    q_words_count = query.kinds.count("word")
    gain = (
        SINGLE_WORD_DEFICIT_GAIN
        if _distinctive_words(candidate) == 1 and q_words_count >= 1
        else PAIR_DEFICIT_GAIN
    )
    last_bit = 1 << (len(q_tokens) - 1)
    for similarity, weight, is_real, qi, ci in scored:
        q_opt = query.options[qi]
        c_opt = candidate.options[ci]
        if used_q & q_opt.mask or used_c & c_opt.mask:
            continue
        if cut_word_unpaired and q_opt.mask & last_bit:
            continue
        used_q |= q_opt.mask
        used_c |= c_opt.mask
        pairs.append(TokenPair(q_opt.text, c_opt.text, round(similarity, 1)))
        paired.append((q_opt.mask, c_opt.mask))
        if is_real:
            pair_gain = gain
            if one_word and min(len(q_opt.text), len(c_opt.text)) >= SINGLE_WORD_LONG_LENGTH:
                pair_gain = PAIR_DEFICIT_GAIN
            if candidate.is_organisation and c_opt.text in GENERIC_COMPANY_WORDS:
                pair_gain = PAIR_DEFICIT_GAIN  # the generic word misspelt: a typo
            credit = max(0.0, 100.0 - pair_gain * (100.0 - similarity))
            best_similarity = max(best_similarity, similarity)
            worst_similarity = min(worst_similarity, similarity)
            # A rare token found only approximately identifies less than found
            # exactly: its rarity counts in full at 100, not at all at
            # RARITY_FULL_SIMILARITY - 20 and below.
            quality = min(1.0, max(0.0, (similarity - RARITY_FULL_SIMILARITY + 20) / 20))
            rarity = max(rarity, quality * max(c_rarity[i] for i in mask_bits(c_opt.mask)))
        else:
            credit = similarity
        achieved += credit * weight
        matched_weight += weight
    if best_similarity == 0:
        return Match(0.0, query.normalised, candidate.normalised, tuple(pairs))

    # A screened name that may have been cut at a payment field's length
    # (``PreparedName.truncated``): the listed words after the last one paired may
    # be the words cut off, so they count as unknown, neither paired nor missing,
    # once a word of some rarity is paired (``TRUNCATED_MIN_RARITY``).
    # So does the part of a word it was cut in (ADMI of ADMINISTRATION), left unpaired.
    unknown = cut_word = 0
    if query.truncated and (
        rarity >= TRUNCATED_MIN_RARITY
        or (used_c & _word_mask(candidate.kinds)).bit_count() >= TRUNCATED_MIN_WORDS
        or (
            cut_word_unpaired
            and _cut_word_rarity(query, candidate, c_rarity, used_c) >= TRUNCATED_MIN_RARITY
        )
    ):
        unknown = _cut_tail(query, candidate, used_q, used_c)
        used_c |= unknown
        if unknown and query.kinds[-1] == "word" and not used_q & last_bit:
            cut_word = last_bit
            used_q |= cut_word
    q_words, q_minor, q_numbers, q_raw = _unpaired(
        query, q_weight, used_q, waive_numbers=numbers_waived(query, candidate)
    )
    c_words, c_minor, c_numbers, c_raw = _unpaired(candidate, c_weight, used_c)
    # A word contradicted by another word counts in full whatever its rarity: a
    # different given name is evidence against, common or not.
    contradiction = min(q_raw, c_raw)
    omission = abs(q_words - c_words)
    if query.is_organisation or candidate.is_organisation:
        # A company name with a word more is often another company (a subsidiary,
        # a branch: Banco Santander / Banco Santander Chile), unlike a person's
        # name with a middle name more.
        alpha = ALPHA_ORGANISATION
    else:
        alpha = ALPHA_RARE + (ALPHA_COMMON - ALPHA_RARE) * (1.0 - rarity)
    if query.script == "HANGUL" and query.surname_mask and not used_q & query.surname_mask:
        # A Korean name written in Hangul starts with its surname: if the listed
        # name does not have it, the given names it shares identify nobody.
        alpha = ALPHA_COMMON
    if candidate.surname_mask and not used_c & candidate.surname_mask:
        # The listed person's surname is not in the screened name: the given
        # names it shares identify nobody ("Valentin" / "CORIC, Valentin").
        alpha = ALPHA_COMMON
    if q_words > c_words and _name_words(candidate) <= 1:
        # A listed name of one word inside a longer screened name (GREEN in "Sara
        # Green", Sadruddin in "Sadr al-Din Khaza'a") identifies little: the
        # screened name's other words count in full.
        alpha = ALPHA_COMMON
    if _name_words(query) == 1 and c_words and not query.titled:
        # A screened name of one word found in a longer listed name ("Montenegro" /
        # "MONTENEGRO ESPINOZA, Luis Angel") is a surname or a given name alone:
        # many people share it, however rare it is on the lists.  With a title
        # ("President Putin") it is how a known person is named.
        alpha = ALPHA_COMMON
    if (
        omission
        and not query.is_organisation
        and not candidate.is_organisation
        and worst_similarity >= MIDDLE_NAMES_MIN_SIMILARITY
        and (
            (not q_words and _middle_names_missing(candidate, used_c))
            or (not c_words and _middle_names_missing(query, used_q))
        )
        and _surname_similarity(candidate, pairs, paired) >= MIDDLE_NAMES_SURNAME_SIMILARITY
    ):
        # Only one name's middle names are missing (MIDDLE_NAMES_FACTOR).
        alpha = max(ALPHA_RARE, alpha * MIDDLE_NAMES_FACTOR)
    if matched_weight > 0:
        # The more of a name is missing, the less the rest identifies it: one name
        # left of four is weaker than one of two.
        alpha *= 1.0 + OMISSION_GROWTH * omission / matched_weight
    alpha = min(alpha, ALPHA_COMMON)
    omission_cost = alpha * omission
    # The listed person's given names are all missing: the screened name shares
    # the family's names only (GIVEN_NAMES_OMISSION).
    given = _given_names_mask(candidate)
    given_missing = (
        bool(given)
        and not used_c & given
        and not (query.titled and not _given_met_by_initial(query, candidate, paired))
    )
    if given_missing:
        omission_cost = max(omission_cost, GIVEN_NAMES_OMISSION * _raw_length(candidate, given))
    # A screened name of a given name and a family name (a short form) names the
    # listed person by the first of each (SHORT_FORM_WORDS): a later given name or
    # a second family name in their stead makes another person.
    short_form = q_words_count == SHORT_FORM_WORDS and "initial" not in query.kinds
    surname_words = candidate.surname_mask & _word_mask(candidate.kinds)
    surname_missing = (
        bool(surname_words)
        and not used_c & surname_words
        and not candidate.is_organisation
        and not query.titled
        and (q_words_count == 1 or query.is_organisation)
    )
    if surname_missing:
        # A given name alone, or a company named after one ("Richard Inc" / YUE,
        # Richard): the listed surname counts as omitted given names do, and at
        # least as long as the name it met (a short surname weighs little: Hu,
        # Yue; "Stephen" met "LO, Stephen" at 86.9).
        omission_cost = max(
            omission_cost,
            GIVEN_NAMES_OMISSION
            * max(
                _raw_length(candidate, surname_words),
                _raw_length(candidate, used_c & _word_mask(candidate.kinds)),
            ),
        )
    short_form_cost = (
        _short_form_cost(candidate, given, surname_words, used_c, q_words, c_words, q_raw)
        if short_form
        else 0.0
    )
    omission_cost = max(omission_cost, short_form_cost)
    vessel_part = (
        candidate.entity_vessel and q_words > c_words and candidate.kinds.count("word") == 1
    )
    if vessel_part:
        # A vessel's name of one word found in a longer screened name: the other
        # words make someone else's name (VESSEL_NAME_FACTOR).
        omission_cost = max(omission_cost, VESSEL_NAME_FACTOR * q_raw)
    # A company's name of one word in a longer screened name of no legal form whose
    # other words include a given name: a person's name ("Said Kuznetsov" /
    # KUZNETSOV PAO), counted as the vessel's (COMPANY_PERSON_FACTOR).
    company_person = (
        candidate.is_organisation
        and not query.is_organisation
        and q_words > c_words
        and candidate.kinds.count("word") == 1
        and any(
            weights.given_name(query.tokens[i])
            for i in mask_bits(_word_mask(query.kinds) & ~used_q)
        )
    )
    if company_person:
        omission_cost = max(omission_cost, COMPANY_PERSON_FACTOR * q_raw)
    parent_named = _parent_named(query, candidate, used_q)
    if parent_named:
        omission_cost = max(
            omission_cost, PATRONYMIC_FACTOR * _raw_length(query, used_q & _word_mask(query.kinds))
        )
    vessel_cut = candidate.entity_vessel and c_words > q_words
    if vessel_cut:
        # ... and a word of the vessel's name missing from the screened name
        # (VESSEL_CUT_FACTOR).
        omission_cost = max(omission_cost, VESSEL_CUT_FACTOR * c_raw)
    if syllabic:
        # A Korean or Chinese name is a few syllables, each a token of two to four
        # letters: a syllable more or less is another given name (Zhang Wen / Zhang
        # Wen-Fu), not a dropped middle name, so it counts as a contradicted word.
        omission_cost = max(omission_cost, CONTRADICTION_FACTOR * abs(q_raw - c_raw))
    split = _split_hyphenated(candidate, used_c)
    syllables_missing = 0 if syllabic else _missing_syllables(candidate, used_c)
    if split | syllables_missing:
        # Part of a listed hyphenated name, or a syllable of a romanised Korean or
        # Chinese name, is missing (HYPHENATED_SPLIT_FACTOR).
        omission_cost = max(
            omission_cost,
            HYPHENATED_SPLIT_FACTOR * _raw_length(candidate, split | syllables_missing),
        )
    q_split = sum(
        1 << i
        for i in mask_bits(_split_hyphenated(query, used_q))
        if len(query.tokens[i]) >= HYPHENATED_PART_MIN_LETTERS
    )
    if q_split:
        # ... or a word of the screened name's: a double-barrelled family name is
        # another family than its half (Andrew Johnson-Taylor / ANDRE JOHNSON).
        omission_cost = max(omission_cost, HYPHENATED_SPLIT_FACTOR * _raw_length(query, q_split))
    denominator = (
        matched_weight + CONTRADICTION_FACTOR * contradiction + omission_cost + q_minor + c_minor
    )
    score = achieved / denominator
    base = achieved / matched_weight
    # Each adjustment with its term of the denominator: its share of the difference
    # between the pair average and the score (so explanations add up).  A rule
    # that raised the omission cost (given names, split or syllable) owns the rise.
    floors = [
        bool(split),
        bool(syllables_missing),
        given_missing,
        short_form_cost > 0,
        vessel_part,
        company_person,
        vessel_cut,
        surname_missing,
    ]
    floors_count = floors.count(True)
    raised = (omission_cost - alpha * omission) / max(floors_count, 1)
    causes = [
        (
            contradiction,
            "unpaired_tokens",
            "words of both names have no counterpart in the other",
            CONTRADICTION_FACTOR * contradiction,
        ),
        (
            omission,
            "missing_tokens",
            f"words of one name are missing from the other (counted at {alpha:.2f})",
            alpha * omission,
        ),
        (
            split,
            "hyphenated_name_split",
            "part of a hyphenated listed name is not in the screened name (counted in full)",
            raised,
        ),
        (
            syllables_missing,
            "syllable_missing",
            "a syllable of the listed Korean or Chinese name is not in the screened name"
            " (counted in full)",
            raised,
        ),
        (
            given_missing,
            "given_names_missing",
            "the listed person's given names are not in the screened name",
            raised,
        ),
        (
            short_form_cost > 0,
            "short_form_mismatch",
            "the screened name has a later given name or a second family name of the"
            " listed person's, not the first, or a name the listed one lacks",
            raised,
        ),
        (
            surname_missing,
            "surname_missing",
            "the listed person's surname is not in the screened name",
            raised,
        ),
        (
            vessel_part,
            "vessel_name_part",
            "the listed vessel's name is one word of the screened name",
            raised,
        ),
        (
            company_person,
            "company_name_in_person_name",
            "the listed company's name is one word of a screened person's name",
            raised,
        ),
        (
            parent_named,
            "parent_name",
            "the listed name of a vessel or organisation is a parent's name (bin, abu) "
            "in the screened person's name",
            raised,
        ),
        (
            vessel_cut,
            "vessel_name_cut",
            "a word of the listed vessel's name is not in the screened name",
            raised,
        ),
        (
            q_minor or c_minor,
            "minor_tokens",
            "an unpaired legal form, particle, initial or number",
            q_minor + c_minor,
        ),
    ]
    present = [(reason, detail, term) for on, reason, detail, term in causes if on]
    total_term = sum(term for _, _, term in present)
    adjustments: list[Adjustment] = [
        Adjustment(
            reason,
            detail,
            round((score - base) * (term / total_term if total_term else 1 / len(present)), 1),
        )
        for reason, detail, term in present
    ]
    if unknown:
        cut_part = (
            f", as does the screened name's last word ({query.tokens[-1]}), the part of"
            f" {candidate.tokens[(unknown & -unknown).bit_length() - 1]} before the cut"
            if cut_word
            else ""
        )
        adjustments.append(
            Adjustment(
                "truncated",
                "the screened name has the length of a payment field's line and may be"
                " cut there: the listed words after the last one paired"
                f" ({_written_words(candidate, unknown)}) count as unknown{cut_part}",
                0.0,
            )
        )
    # Points off, each with its explanation: (applies, reason, detail, points).
    penalties = (
        (
            bool(q_numbers or c_numbers),
            "number_mismatch",
            "a number of one name is not in the other",
            NUMBER_MISMATCH_PENALTY,
        ),
        (
            query.scanned,
            "scanner_reading",
            "the screened name read as a scanner may have misread it (rn as m, cl as d, vv as w)",
            SCANNER_READING_PENALTY,
        ),
        (
            _patronym_crossed(query, candidate, paired),
            "patronym_order",
            "names before and after 'bin' are swapped (father and son)",
            PATRONYM_ORDER_PENALTY,
        ),
        (
            _syllables_crossed(query, candidate, paired),
            "syllable_order",
            "syllables of a Korean or Chinese name are paired out of their order",
            SYLLABLE_ORDER_PENALTY,
        ),
        (
            candidate.entity_vessel and _words_crossed(query, candidate, paired),
            "vessel_order",
            "the words of the listed vessel's name are paired out of their order",
            VESSEL_ORDER_PENALTY,
        ),
        (
            (candidate.entity_vessel and "legal" in query.kinds)
            or (query.entity_vessel and "legal" in candidate.kinds),
            "vessel_company",
            "one name is a vessel's, the other a company's (a legal form)",
            VESSEL_COMPANY_PENALTY,
        ),
        (
            candidate.entity_vessel and latin and _typos(pairs) > VESSEL_MAX_TYPOS,
            "vessel_typos",
            f"the words of the listed vessel's name are spelled with more than"
            f" {VESSEL_MAX_TYPOS} typo",
            VESSEL_TYPOS_PENALTY,
        ),
    )
    for applies, reason, detail, points in penalties:
        if applies:
            score -= points
            adjustments.append(Adjustment(reason, detail, -points))
    ceiling = best_similarity + MAX_SCORE_BONUS
    if score > ceiling:
        if score - ceiling >= CAP_SHOWN_MIN:
            adjustments.append(
                Adjustment("cap", "capped at the best token similarity", ceiling - score)
            )
        score = ceiling
    return Match(
        score=round(max(score, 0.0), 1),
        query_normalised=query.normalised,
        candidate_normalised=candidate.normalised,
        pairs=tuple(pairs),
        adjustments=tuple(adjustments),
    )


def _cut_word_rarity(
    query: PreparedName, candidate: PreparedName, c_rarity: list[float], used_c: int
) -> float:
    """The rarity of the listed word after the last one paired, when the last word of
    ``query`` is its beginning of at least ``CUT_WORD_MIN_LETTERS`` letters, else 0."""
    following = used_c.bit_length()
    last = query.tokens[-1]
    if (
        following >= len(candidate.tokens)
        or len(last) < CUT_WORD_MIN_LETTERS
        or candidate.kinds[following] != "word"
        or not _cut_from(last, candidate.tokens[following], "word")
    ):
        return 0.0
    return c_rarity[following]


def _cut_tail(query: PreparedName, candidate: PreparedName, used_q: int, used_c: int) -> int:
    """The listed tokens that a screened name cut at a field's length may have lost:
    those after the last one paired, when the screened name reads as the beginning
    of the listed one, cut there: every word of it paired but the last, which is
    paired too (cut after a word) or begins the listed word that follows (cut in
    it: LEGION KO / LEGION KOMPLEKT).  A word of the screened name unpaired before
    that is another name's ("RAFI ... TILFAH AL-DULAIMI" is not "... AL-TIKRITI")."""
    count = len(candidate.tokens)
    tail = ((1 << count) - 1) & ~((1 << used_c.bit_length()) - 1)
    if not tail:
        return 0
    last = len(query.tokens) - 1
    unpaired = _word_mask(query.kinds) & ~used_q
    if unpaired & ~(1 << last):
        return 0
    following = used_c.bit_length()
    if unpaired and not _cut_from(
        query.tokens[last], candidate.tokens[following], candidate.kinds[following]
    ):
        return 0
    return tail


def _written_words(name: PreparedName, mask: int) -> str:
    return " ".join(name.tokens[i] for i in mask_bits(mask))


@lru_cache(maxsize=1 << 12)
def _written(name: PreparedName, mask: int) -> str:
    """The written syllables of the tokens of ``mask`` (``PreparedName.syllables``)."""
    return "".join(name.syllables[i] for i in mask_bits(mask))


def _word_mask(kinds: tuple[str, ...]) -> int:
    """Bit i set when token i is a word."""
    return sum(1 << i for i, kind in enumerate(kinds) if kind == "word")


def _given_names_mask(name: PreparedName) -> int:
    """The words of a listed person's given names (see ``GIVEN_NAMES_OMISSION``), or 0
    (a company's name has none, whatever its capitals)."""
    if name.is_organisation:
        return 0
    words = _word_mask(name.kinds)
    if name.surname_mask:
        return words & ~name.surname_mask
    if name.script in GIVEN_NAME_FIRST_SCRIPTS and words & 1 and words != 1:
        return 1
    return 0


def _given_met_by_initial(
    query: PreparedName, candidate: PreparedName, paired: list[tuple[int, int]]
) -> bool:
    """True when a word of ``query`` paired with an initial of the listed name: a
    given name of the screened person's own, where a title and a surname alone
    ("President Putin", see ``GIVEN_NAMES_OMISSION``) name the listed person by their
    surname ("Dr. Salsabil al-Dajani" is not AL-DAJANI, Nadim S.)."""
    words = _word_mask(query.kinds)
    initials = sum(1 << i for i, kind in enumerate(candidate.kinds) if kind == "initial")
    return any(q_mask & words and c_mask & initials for q_mask, c_mask in paired)


def _short_form_cost(
    candidate: PreparedName,
    given: int,
    surname_words: int,
    used: int,
    q_words: float,
    c_words: float,
    q_raw: float,
) -> float:
    """What a screened short form (``SHORT_FORM_WORDS``) that names the listed
    person otherwise than by the first given and first family name adds to the
    omission cost (``used``: the listed name's paired tokens; ``q_words`` and
    ``c_words`` the weights of the unpaired words, ``q_raw`` the screened name's
    unpaired length), else 0."""
    first_given = given & -given
    if used & given and not used & first_given:
        # A later given name in place of the first: contradicted.
        return SHORT_FORM_GIVEN_FACTOR * _raw_length(candidate, first_given)
    first_family = surname_words & -surname_words
    if surname_words.bit_count() >= 2 and used & surname_words and not used & first_family:
        # The second family name alone: the first omitted.
        return SHORT_FORM_FAMILY_FACTOR * _raw_length(candidate, first_family)
    if (
        q_words
        and not c_words
        and not candidate.is_organisation
        and candidate.kinds.count("word") >= SHORT_FORM_WORDS
    ):
        # Every word of the listed person's name met by one word of the short form
        # (a compound: Amirmahdi / AMIRI, Mahdi): its other word is a name the
        # listed person does not have.
        return GIVEN_NAMES_OMISSION * q_raw
    return 0.0


def _places(name: PreparedName, *, relative: bool = True) -> list[float]:
    """Where each option of ``name`` stands in it, from 0 (first) to 1 (last): the
    middle of its tokens, as a share of the name's length (counted in tokens, from
    0, when not ``relative``)."""
    count = (len(name.tokens) or 1) if relative else 1
    # An option covers adjacent tokens: its middle is that of its first and last.
    return [
        (((o.mask & -o.mask).bit_length() + o.mask.bit_length()) / 2 - 0.5) / count
        for o in name.options
    ]


def _nearer_a_part(
    query: PreparedName, q_opt: NameOption, candidate: PreparedName, c_opt: NameOption
) -> bool:
    """True when the single token of a compound pair is as near one of the
    compound's words as the compound itself (novikova / novikov yan)."""
    single, joined, name = _compound_sides(query, q_opt, candidate, c_opt)
    whole = fuzz.ratio(single.text, joined.text)
    return any(fuzz.ratio(single.text, name.tokens[i]) >= whole for i in mask_bits(joined.mask))


def _compound_sides(
    query: PreparedName, q_opt: NameOption, candidate: PreparedName, c_opt: NameOption
) -> tuple[NameOption, NameOption, PreparedName]:
    """Of a compound pair: the single token, the compound, and the compound's name."""
    if _is_single(q_opt.mask):
        return q_opt, c_opt, candidate
    return c_opt, q_opt, query


def _holds_parts(
    query: PreparedName,
    q_opt: NameOption,
    candidate: PreparedName,
    c_opt: NameOption,
    consonants: bool = False,
) -> bool:
    """True when the single token of a compound pair, cut in as many pieces in order,
    holds every long word of the compound (COMPOUND_PART_MIN_SIMILARITY), as spelled
    (with ``consonants``, a reading's guessed vowels aside: خير الله "khir al lah" /
    KHAYRALLAH) or, when the skeletons are equal, as skeletons."""
    single, joined, name = _compound_sides(query, q_opt, candidate, c_opt)
    bits = mask_bits(joined.mask)
    held = [
        len(name.tokens[i]) >= COMPOUND_PART_MIN_LETTERS and name.options[i].kind != "legal"
        for i in bits
    ]
    spelled = [name.tokens[i] for i in bits]
    if _best_cut(single.text, spelled, held) >= COMPOUND_PART_MIN_SIMILARITY:
        return True
    if consonants and (
        _best_cut(
            _VOWEL_LETTER.sub("", single.text), [_VOWEL_LETTER.sub("", t) for t in spelled], held
        )
        >= COMPOUND_PART_MIN_SIMILARITY
    ):
        return True
    # Respelled (Chongsik / Jong Sik, Abdelkader / Abdul Qadir): held as sounds.
    sounds = single.views[SKELETON_VIEW]
    parts = [name.options[i].views[SKELETON_VIEW] for i in bits]
    return (
        sounds == joined.views[SKELETON_VIEW]
        and _best_cut(sounds, parts, held) >= COMPOUND_PART_MIN_SIMILARITY
    )


def _spelled_apart(q_opt: NameOption, c_opt: NameOption) -> bool:
    """True when two words are spelled no nearer than KNOWN_WORDS_MAX_SIMILARITY
    (before a sound-alike lift), with other consonants, neither the other with
    letters added, nor both romanised syllables, nor one a nickname of the other."""
    a, b = q_opt.text, c_opt.text
    short, long = sorted((a, b), key=len)
    return (
        fuzz.ratio(a, b) <= KNOWN_WORDS_MAX_SIMILARITY
        and consonant_key(q_opt.views[SKELETON_VIEW]) != consonant_key(c_opt.views[SKELETON_VIEW])
        and not _subsequence(short, long)
        and (syllable_key(a) is None or syllable_key(b) is None)
        and not nicknames.are_related(a, b)
    )


def _syllables_disagree(
    query: PreparedName, q_opt: NameOption, candidate: PreparedName, c_opt: NameOption
) -> bool:
    """True when syllables joined (a name written a syllable a character, read) meet
    a word spelled as they are but for a syllable's final nasal, -n against -ng:
    another syllable in every romanisation (see SYLLABLE_END_MISMATCH_MAX_SIMILARITY),
    which the joined spelling's ratio hides (建平 "jian ping" / JIANGPING: 94)."""
    single, joined, name = _compound_sides(query, q_opt, candidate, c_opt)
    parts = [name.tokens[i] for i in mask_bits(joined.mask)]
    return single.text != joined.text and single.text in _nasals_swapped(tuple(parts))


@lru_cache(maxsize=1 << 12)
def _nasals_swapped(parts: tuple[str, ...]) -> frozenset[str]:
    """The parts joined with the final -n or -ng of any of them swapped."""
    spellings = [""]
    for part in parts:
        ways = [part]
        if part.endswith("ng"):
            ways.append(part[:-1])
        elif part.endswith("n"):
            ways.append(part + "g")
        spellings = [done + way for done in spellings for way in ways]
    return frozenset(spellings)


_VOWEL_LETTER = re.compile("[aeiou]")


def _best_cut(text: str, parts: Sequence[str], held: Sequence[bool]) -> float:
    """The best, over the cuts of ``text`` in ``len(parts)`` pieces, of the least
    similarity of a part to be ``held`` with its piece."""
    if len(parts) == 1:
        return _piece_similarity(parts[0], text) if held[0] else 100.0
    best = 0.0
    for cut in range(1, len(text) - len(parts) + 2):
        head = _piece_similarity(parts[0], text[:cut]) if held[0] else 100.0
        if head <= best:
            continue
        best = max(best, min(head, _best_cut(text[cut:], parts[1:], held[1:])))
        if best >= 100.0:
            break
    return best


def _piece_similarity(part: str, piece: str) -> float:
    """How far ``piece`` holds the word ``part``: 100 for its contraction (its first
    and last letters and some between, in order, at least half of its letters: TRDG
    for the TRADING a list wrote as TRDG), else their ratio."""
    if (
        2 * len(piece) >= len(part)
        and len(piece) >= 3
        and piece[0] == part[0]
        and piece[-1] == part[-1]
        and _subsequence(piece, part)
    ):
        return 100.0
    return fuzz.ratio(part, piece)


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


_SLAVIC_STEM = re.compile("(?:ov|ev|in|yn|sk)$")


# A word of at least this many letters with its final a added or dropped, or an
# o for an a, is a typo in a company's name or a listed family name (FIGUERO /
# FIGUEROA, OSTOZHENK / OSTOZHENKA), not a feminine form (``_gendered_pair``);
# in a shorter one a letter is much of the word (Wan / Wana, Eco / Eca).
ENDING_TYPO_MIN_LENGTH = 5


def _gendered_pair(
    a: str,
    b: str,
    surname: bool = False,
    organisation: bool = False,
    known: Callable[[str], bool] | None = None,
) -> bool:
    """True when two words are the feminine and masculine forms of one given name
    (Luis/Luisa, Andre/Andrea, Antonio/Antonia, Samir/Samira), not a Slavic family
    name's (Novikov/Novikova: one family): two people, however alike the spelling,
    so ``compare`` does not pair them.  An -o/-a ending of the listed ``surname``
    varies with the language it is spelled in (Belarusian ``LUKASHENKA`` is Russian
    and Ukrainian Lukashenko), and its a added is a typo when the word is long
    (``ENDING_TYPO_MIN_LENGTH``), as in the name of an ``organisation``.  Not for a
    reading of a script that leaves vowels unwritten, which guessed the ending.
    Measured on 25,951 generated clean names: false alerts 73 -> 71 (with the
    compound rule of ``_nearer_a_part``, 68), recall of 4,000 variants unchanged.

    A screened word ``a`` with the final a of the listed ``b`` dropped, that no listed
    name nor the prior has (``known``: ``TokenWeights.known``), is
    no masculine name but a typo: ``Biljan`` for Biljana, the patronymic
    ``Nikolayevn`` for Nikolayevna, while Ivan, Luis and Samir are names of the
    lists."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 3:
        return False
    typo_length = len(short) >= ENDING_TYPO_MIN_LENGTH
    if organisation and typo_length:
        return False
    # A letter doubled in one spelling only is no other name (Allana / Alan).
    undoubled = _LOOSE_DOUBLED.sub(r"\1", long), _LOOSE_DOUBLED.sub(r"\1", short)
    if long == short + "a" or undoubled[0] == undoubled[1] + "a":
        # (Sana/Sanaa: a long vowel, written twice)
        return (
            not (surname and typo_length)
            and (known is None or short != a or known(short))
            and not _SLAVIC_STEM.search(short)
            and not short.endswith("a")
        )
    return (
        not surname
        and len(long) == len(short)
        and long[:-1] == short[:-1]
        and {long[-1], short[-1]} == {"a", "o"}
    )


def _split_hyphenated(name: PreparedName, used: int) -> int:
    """The unpaired words of the listed ``name``'s hyphenated words that are paired
    in part (``used``: its paired tokens), as a mask."""
    words = _word_mask(name.kinds)
    split = 0
    for group in name.hyphen_groups:
        group_words = group & words
        if group_words & used and group_words & ~used:
            split |= group_words & ~used
    return split


def _missing_syllables(name: PreparedName, used: int) -> int:
    """The unpaired words of a listed name of three or more words all shaped like
    romanised Korean or Chinese syllables (``_SYLLABLE_SHAPE``: "RI Pyong Chol"),
    some of them paired (``used``), as a mask; else 0."""
    words = _word_mask(name.kinds)
    if words.bit_count() < ROMANISED_SYLLABLES_MIN_WORDS or not words & used:
        return 0
    return words & ~used if _syllables_only(name, words) else 0


def _syllables_only(name: PreparedName, mask: int) -> bool:
    """True when every token of ``mask`` is shaped like a romanised Korean or Chinese
    syllable (``_SYLLABLE_SHAPE``)."""
    return all(_SYLLABLE_SHAPE.fullmatch(name.tokens[i]) for i in mask_bits(mask))


def _surname_similarity(
    name: PreparedName, pairs: list[TokenPair], paired: list[tuple[int, int]]
) -> float:
    """The lowest similarity of a pair with a word of the listed ``name``'s surname
    (its last word when none is known), 0 when the surname is unpaired."""
    words = _word_mask(name.kinds)
    surname = name.surname_mask & words or (1 << (words.bit_length() - 1) if words else 0)
    found = [pair.score for pair, (_, mask) in zip(pairs, paired, strict=True) if mask & surname]
    return min(found, default=0.0)


def _distinctive_words(name: PreparedName) -> int:
    """The words of ``name``, those of an organisation's in ``GENERIC_COMPANY_WORDS``
    aside."""
    if not name.is_organisation:
        return name.kinds.count("word")
    return sum(
        1
        for token, kind in zip(name.tokens, name.kinds, strict=True)
        if kind == "word" and token not in GENERIC_COMPANY_WORDS
    )


def _name_words(name: PreparedName) -> int:
    """How many names ``name`` holds: its words, a name "X al-Din" one (Sadruddin,
    Nasreddine, as ``normalise`` writes them: "sadr al din", two words)."""
    tokens, kinds = name.tokens, name.kinds
    joined = sum(
        1
        for i in range(2, len(tokens))
        if tokens[i] == "din"
        and tokens[i - 1] == "al"
        and kinds[i - 1] == "particle"
        and kinds[i - 2] == "word"
    )
    return kinds.count("word") - joined


def _middle_names_missing(name: PreparedName, used: int) -> bool:
    """True when the unpaired words of a person's name (``used``: its paired tokens)
    are middle names (see ``MIDDLE_NAMES_FACTOR``)."""
    words = _word_mask(name.kinds)
    if not words & ~used:
        return False
    if _syllables_only(name, words & ~used):
        return False  # a syllable of a Korean or Chinese given name (MIDDLE_NAMES_FACTOR)
    if name.surname_mask:
        given = words & ~name.surname_mask
        first_given = given & -given
        surname = name.surname_mask & words
        # A family name of two words, one of them paired, is a Spanish or
        # Portuguese pair of surnames, of which one is often left out.
        return bool(first_given & used) and (
            not surname & ~used or (surname.bit_count() >= 2 and bool(surname & used))
        )
    first_word = words & -words
    last_word = 1 << (words.bit_length() - 1)
    return first_word != last_word and bool(first_word & used) and bool(last_word & used)


def _parent_named(query: PreparedName, candidate: PreparedName, used_q: int) -> bool:
    """True when the one word of a listed vessel's or organisation's name met a word of
    ``query`` after an unpaired "son of" (``PATRONYMIC_PARTICLES``) the listed name
    lacks (see ``PATRONYMIC_FACTOR``)."""
    if not (candidate.entity_vessel or candidate.is_organisation) or query.is_organisation:
        return False
    if candidate.kinds.count("word") != 1 or PATRONYMIC_PARTICLES.intersection(candidate.tokens):
        return False
    return any(
        token in PATRONYMIC_PARTICLES
        and kind == "particle"
        and not used_q >> index & 1
        and used_q >> (index + 1) & 1
        for index, (token, kind) in enumerate(zip(query.tokens, query.kinds, strict=True))
    )


def _raw_length(name: PreparedName, mask: int) -> float:
    """The length of the words of ``mask``, each capped at WORD_LENGTH_CAP."""
    return float(sum(min(len(name.tokens[i]), WORD_LENGTH_CAP) for i in mask_bits(mask)))


def _unpaired(
    name: PreparedName, weights: list[float], used: int, waive_numbers: bool = False
) -> tuple[float, float, bool, float]:
    """Weights of unpaired words, of unpaired minor tokens (legal forms,
    particles, initials; numbers too, with ``waive_numbers``: ``numbers_waived``),
    whether a number is unpaired, and the unpaired words' length without the
    rarity factor."""
    words = minor = raw = 0.0
    number = False
    for index, kind in enumerate(name.kinds):
        if used >> index & 1:
            continue
        if kind == "number" and waive_numbers:
            minor += WAIVED_NUMBER_WEIGHT
        elif kind == "number":
            number = True
        elif kind in ("legal", "particle"):
            minor += weights[index]
        elif kind == "initial":
            # Alone an unpaired initial is a small omission; facing an unpaired
            # word of the other name it is a different given name (A. / Nursultan).
            minor += weights[index]
            raw += INITIAL_CONTRADICTION_LENGTH
        else:
            words += weights[index]
            raw += min(len(name.tokens[index]), WORD_LENGTH_CAP)
    return words, minor, number, raw


def _inner_bin(tokens: tuple[str, ...]) -> bool:
    """True when "bin" stands between two names (not first or last: a reordered name)."""
    return "bin" in tokens[1:-1] and tokens[0] != "bin" and tokens[-1] != "bin"


def _chain_links(name: PreparedName) -> list[int]:
    """For each token of a name, how many "bin" of its chain of fathers stand before
    it: a name's link of the chain.  One of a family name is no link of it (``AL BIN
    ALI, Isa Bin Tarif``: the second)."""
    links: list[int] = []
    count = 0
    for position, token in enumerate(name.tokens):
        links.append(count)
        if token == "bin" and not name.surname_mask >> position & 1:
            count += 1
    return links


def _patronym_crossed(
    query: PreparedName, candidate: PreparedName, paired: list[tuple[int, int]]
) -> bool:
    """True when two pairs of words put them on links of the chain of fathers in
    opposite orders (a son and his father swapped: Salman bin Muhammad / Muhammad
    bin Salman).  A family name is no link of the chain, wherever written: ``AYARI,
    Chiheb Ben Mohamed`` is ``Chiheb Ben Mohamed Ayari`` (``PreparedName.surname_mask``),
    ``AL BIN ALI, Isa Bin Tarif`` is ``Isa Bin Tarif Al Bin Ali``.  A "bin" left out
    or written as an initial moves no word to another link than its neighbours'
    (``Faouzi B. Mohamed Ben Ahmed`` / ``Faouzi Ben Mohamed Ben Ahmed``)."""
    if not (_inner_bin(query.tokens) and _inner_bin(candidate.tokens)):
        return False
    q_links, c_links = _chain_links(query), _chain_links(candidate)
    places = [
        (q_links[(q_mask & -q_mask).bit_length() - 1], c_links[(c_mask & -c_mask).bit_length() - 1])
        for q_mask, c_mask in paired
        if not (q_mask & query.surname_mask or c_mask & candidate.surname_mask)
        and "bin" not in _masked_tokens(query, q_mask)
        and "bin" not in _masked_tokens(candidate, c_mask)
    ]
    return any((a[0] - b[0]) * (a[1] - b[1]) < 0 for a, b in itertools.combinations(places, 2))


def _masked_tokens(name: PreparedName, mask: int) -> list[str]:
    """The tokens of ``name`` under ``mask``."""
    return [name.tokens[i] for i in mask_bits(mask)]


def _typos(pairs: Sequence[TokenPair]) -> int:
    """The edits that make the query's paired words the candidate's (``OSA``)."""
    return sum(OSA.distance(pair.query, pair.candidate) for pair in pairs)


def _words_crossed(
    query: PreparedName, candidate: PreparedName, paired: list[tuple[int, int]]
) -> bool:
    """True when two of the pairs of words put them in opposite orders in the two
    names (``VESSEL_ORDER_PENALTY``)."""
    if len(paired) < 2:
        return False
    q_words, c_words = _word_mask(query.kinds), _word_mask(candidate.kinds)
    places = sorted(
        (q_mask & -q_mask, c_mask & -c_mask)
        for q_mask, c_mask in paired
        if q_mask & q_words and c_mask & c_words
    )
    return any(a[1] > b[1] for a, b in itertools.pairwise(places))


def _syllables_crossed(
    query: PreparedName, candidate: PreparedName, paired: list[tuple[int, int]]
) -> bool:
    """True when two names of romanised Korean or Chinese syllables pair their
    syllables out of order (``SYLLABLE_ORDER_PENALTY``): the listed positions of
    the screened name's single-token pairs, in its order, are no rotation of an
    increasing sequence (a surname moved from one end to the other)."""
    if len(paired) < ROMANISED_SYLLABLES_MIN_WORDS:
        return False  # (two pairs are in some order of rotation)
    q_words, c_words = _word_mask(query.kinds), _word_mask(candidate.kinds)
    if (
        q_words.bit_count() < ROMANISED_SYLLABLES_MIN_WORDS
        or c_words.bit_count() < ROMANISED_SYLLABLES_MIN_WORDS
        or not _syllables_only(query, q_words)
        or not _syllables_only(candidate, c_words)
    ):
        return False
    listed = [
        c_mask.bit_length() - 1
        for q_mask, c_mask in sorted(paired)
        if _is_single(q_mask) and _is_single(c_mask)
    ]
    # A syllable written twice pairs with either of its places, whichever keeps
    # the order ("Oo Ko Ko" / "Ko Ko Oo").
    places: dict[str, list[int]] = {}
    for position in sorted(listed):
        places.setdefault(candidate.tokens[position], []).append(position)
    order = [places[candidate.tokens[position]].pop(0) for position in listed]
    descents = sum(1 for a, b in itertools.pairwise(order) if a > b)
    return descents > 1 or (descents == 1 and order[-1] > order[0])


# compare() rounds scores to one decimal: a true 84.96 is reported as 85.0.
_ROUNDING = 0.05 + 1e-9


def score_bound(
    query: PreparedName,
    candidate: PreparedName,
    query_best: Sequence[float],
    candidate_best: Sequence[float],
    weights: TokenWeights | None = None,
) -> float:
    """An upper bound of ``compare(query, candidate, weights).score``, cheaply.

    For a candidate index (its second step): ``query_best[i]`` must be at least the
    best ``token_similarity`` of any option covering query token ``i`` with any
    option of the candidate (0 when none reaches ``MIN_TOKEN_SIMILARITY``), and
    ``candidate_best[j]`` the same for candidate token ``j``.  Initials are handled
    here.  The bound relaxes the pairing (each token takes its best credit or
    stays unpaired, independently, whichever helps the score) and counts an
    unpaired word at the least its omission or contradiction can cost,
    ``alpha_min / 2`` of its weight; the best such ratio is found exactly
    (Dinkelbach iterations).
    """
    if weights is None:
        weights = default_weights()
    if not query.tokens or not candidate.tokens:
        return 0.0
    best_real = max(max(query_best, default=0.0), max(candidate_best, default=0.0))
    if best_real < MIN_TOKEN_SIMILARITY:
        return 0.0
    q_weight, _ = _token_weights(query, weights)
    c_weight, c_rarity = _token_weights(candidate, weights)
    if query.is_organisation or candidate.is_organisation:
        alpha_min = ALPHA_ORGANISATION
    else:
        reachable_rarity = max(
            (r for r, b in zip(c_rarity, candidate_best, strict=True) if b >= MIN_TOKEN_SIMILARITY),
            default=0.0,
        )
        alpha_min = ALPHA_RARE + (ALPHA_COMMON - ALPHA_RARE) * (1.0 - reachable_rarity)
        # Middle names alone missing count at a fraction of it (MIDDLE_NAMES_FACTOR).
        alpha_min = max(ALPHA_RARE, alpha_min * min(1.0, MIDDLE_NAMES_FACTOR))
    alpha_min = min(alpha_min, ALPHA_COMMON, CONTRADICTION_FACTOR)
    q_initials = {t for t, k in zip(query.tokens, query.kinds, strict=True) if k == "initial"}
    c_initials = {
        t for t, k in zip(candidate.tokens, candidate.kinds, strict=True) if k == "initial"
    }
    q_first = {t[0] for t, k in zip(query.tokens, query.kinds, strict=True) if k == "word"}
    c_first = {t[0] for t, k in zip(candidate.tokens, candidate.kinds, strict=True) if k == "word"}
    penalty = 0.0
    waived = numbers_waived(query, candidate)
    # (credit if paired or -1, weight if paired, cost if unpaired) per token
    terms: list[tuple[float, float, float]] = []
    sides = (
        (query, q_weight, query_best, c_initials, c_first),
        (candidate, c_weight, candidate_best, q_initials, q_first),
    )
    for name, token_weight, best, other_initials, other_first in sides:
        # A screened name cut at a field's length may leave any listed word unknown.
        # ... and its last word (the part of a word cut in).
        side_unknown = query.truncated and name is candidate
        last = len(name.tokens) - 1 if query.truncated and name is query else -1
        for position, (token, kind, weight, similarity) in enumerate(
            zip(name.tokens, name.kinds, token_weight, best, strict=True)
        ):
            unknown = side_unknown or position == last
            credit = -1.0
            if similarity >= MIN_TOKEN_SIMILARITY:
                credit = max(0.0, 100.0 - PAIR_DEFICIT_GAIN * (100.0 - similarity))
            if (kind == "initial" and token in other_first) or (
                kind == "word" and token[0] in other_initials
            ):
                credit = max(credit, INITIAL_CREDIT * 100)
            if kind == "number":
                if similarity < 100.0 and not unknown and not (waived and name is query):
                    penalty = NUMBER_MISMATCH_PENALTY  # nothing can pair it
                cost = 0.0
            elif unknown:
                cost = 0.0
            elif kind == "word":
                cost = alpha_min / 2 * weight
            else:
                cost = weight
            terms.append((credit, weight, cost))
    ratio = 0.0
    for _ in range(50):
        gained = spent = 0.0
        for credit, weight, cost in terms:
            if credit >= 0 and (credit - ratio) * weight > -ratio * cost:
                gained += credit * weight
                spent += weight
            else:
                spent += cost
        new_ratio = gained / spent if spent > 0 else 100.0
        if new_ratio <= ratio + 1e-9:
            break
        ratio = new_ratio
    return max(0.0, min(best_real + MAX_SCORE_BONUS, ratio - penalty + 1e-6))


def can_reach(
    query: PreparedName,
    candidate: PreparedName,
    query_best: Sequence[float],
    candidate_best: Sequence[float],
    threshold: float,
    weights: TokenWeights | None = None,
) -> bool:
    """False only when ``compare`` surely scores below ``threshold`` (``score_bound``)."""
    bound = score_bound(query, candidate, query_best, candidate_best, weights)
    return bound >= threshold - _ROUNDING
