"""Learn ``sanctions_cli/names/transcribed-*.tsv``: how foreign names written in Hangul,
katakana, Chinese characters, Hebrew and Arabic script spell back into Latin letters.

Reads the Wikidata name pairs of ``../shared/data/names/transliteration`` (CC0;
for Arabic script also Google's Arabic-English name words, Apache-2.0),
leaves out the fifth that ``held_out`` keeps for ``evaluate_matching.py``, cuts each
word into units (``names.transcribed.units``) and aligns them with the Latin
letters by Viterbi EM: each unit spells 0 to ``MAX_SPELLING`` letters, started from
anyascii's reading of the unit and re-estimated from the alignments
``ITERATIONS`` times.  The counts of the last alignment, per unit and per unit
with its neighbours, are the table, with the words written at least
``LEXICON_MIN_COUNT`` times and how each was spelled (``word_lexicon``).

    python benchmarks/train_transcriptions.py --shared ../shared [--out PATH]

Deterministic: the same files give the same table.  About three minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from anyascii import anyascii

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sanctions_cli.names.transcribed import (
    ARABIC,
    EMPTY,
    END,
    HAN,
    HANGUL,
    HEBREW,
    KATAKANA,
    LETTERS,
    LETTERS_ORDER,
    START,
    WORD_END,
    WORD_MARK,
    TranscriptionTable,
    script_words,
    table_file,
    units,
    word_context,
)

DATA = Path("data/names/transliteration")
# The files of each script, and how their lines are laid out: NAMES, full names
# "Latin TAB script"; WORDS, name words "Latin TAB spaced script TAB count";
# NATIVE_WORDS, name words "script TAB Latin".
NAMES, WORDS, NATIVE_WORDS = "names", "words", "native words"
SOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    HANGUL: (("wd_korean", NAMES),),
    HEBREW: (("wd_hebrew", NAMES),),
    KATAKANA: (("wd_japanese.normalized.aligned.tokens", WORDS),),
    HAN: (("wd_chinese.normalized.aligned.tokens", WORDS),),
    ARABIC: (
        ("wd_arabic.normalized.aligned.tokens", WORDS),
        ("google_ar2en.txt", NATIVE_WORDS),
    ),
}
SCRIPT_WORD = {
    HANGUL: re.compile("[\uac00-\ud7a3]+"),
    HEBREW: re.compile("[\u05d0-\u05ea\u0591-\u05c7\u05f3\u05f4'\u2019]+"),
    KATAKANA: re.compile("[\u30a0-\u30ff]+"),
    HAN: re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+"),
    ARABIC: re.compile("[\u0610-\u061a\u0620-\u065f\u0670-\u06d3\u06d5-\u06ed\u06fa-\u06ff]+"),
}
LATIN_WORD = re.compile("[a-z]+")

# One fifth of the pairs (by a hash of the Latin name or word) is held out for the
# evaluation; ``evaluate_matching.py`` draws from it alone.
HOLD_OUT_MODULUS = 5


def held_out(latin: str) -> bool:
    """True for the pairs the evaluation keeps and training never sees."""
    return zlib.crc32(latin.encode("utf-8")) % HOLD_OUT_MODULUS == 0


# Letters one unit may spell: a Han character writes a syllable (``shch`` is not one).
MAX_SPELLING = 4
# Viterbi EM rounds: the alignments hardly change after the third.
ITERATIONS = 5
# Log weight of a spelling a unit was never aligned with: possible, unlikely.
UNSEEN = -12.0
# Start: a spelling this many edits from anyascii's reading of the unit costs this
# much log weight per edit.
EDIT_COST = 1.5
# Spellings kept in the table: seen at least so often in a context with its
# neighbours, and at least this share of the unit's alignments.
MIN_CONTEXT_COUNT = 3
MIN_SHARE = 0.01
# A word is learnt whole (``word_lexicon``) when the names learnt from write it at
# least this often: once is one person's spelling, twice a name's.
LEXICON_MIN_COUNT = 2
# A context with its neighbours is kept only when it moves the unit's spellings
# this far (total variation) from what the narrower contexts say: most contexts
# say nothing new, and the table is read on the first foreign name.
MIN_CONTEXT_SHIFT = 0.2


def latin_word(word: str) -> str:
    return "".join(LATIN_WORD.findall(anyascii(word).lower()))


def word_pairs(shared: Path, script: str) -> Iterator[tuple[list[tuple[list[str], str]], int]]:
    """Training names of ``script``: per name, its (units, Latin word) pairs in the
    file's word order (a name's words may be in the other order: see ``train``),
    and how many times the file counts it (a word file's count column, else 1)."""
    pattern = SCRIPT_WORD[script]
    for file, layout in SOURCES[script]:
        for line in (shared / DATA / file).read_text("utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) < 2 or not fields[0] or not fields[1]:
                continue
            latin, native = fields[0], fields[1]
            if layout == NATIVE_WORDS:
                latin, native = native, latin
            if held_out(latin if layout == NAMES else latin.lower()):
                continue
            if layout == NAMES:
                native_words = script_words(native)
                latin_words = [latin_word(w) for w in latin.split()]
            else:
                native_words, latin_words = [native.replace(" ", "")], [latin_word(latin)]
            seen = (
                int(fields[2]) if layout == WORDS and len(fields) > 2 and fields[2].isdigit() else 1
            )
            latin_words = [w for w in latin_words if w]
            if len(native_words) != len(latin_words):
                continue
            if not all(pattern.fullmatch(w) for w in native_words):
                continue
            pairs = [(units(n, script), w) for n, w in zip(native_words, latin_words, strict=True)]
            yield pairs, max(seen, 1)


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def guess(unit: str) -> str:
    """anyascii's reading of one unit, letters only (a Hangul jamo, a kana ...)."""
    text = anyascii(unicodedata.normalize("NFC", unit)).lower()
    return "".join(LATIN_WORD.findall(text))


Weights = dict[str, dict[str, float]]


def align(cut: list[str], latin: str, weights: Weights) -> tuple[float, list[str]] | None:
    """The best split of ``latin`` into one spelling per unit of ``cut`` (each 0 to
    ``MAX_SPELLING`` letters), and its log weight; None when none exists."""
    n, m = len(cut), len(latin)
    if m > n * MAX_SPELLING:
        return None
    lowest = -1e18
    score = [[lowest] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    score[0][0] = 0.0
    for i in range(1, n + 1):
        table = weights.get(cut[i - 1], {})
        before, row, choice = score[i - 1], score[i], back[i]
        for j in range(max(0, m - (n - i) * MAX_SPELLING), min(m, i * MAX_SPELLING) + 1):
            best, taken = lowest, 0
            for k in range(min(MAX_SPELLING, j) + 1):
                start = before[j - k]
                if start <= lowest:
                    continue
                value = start + table.get(latin[j - k : j], UNSEEN)
                if value > best:
                    best, taken = value, k
            row[j], choice[j] = best, taken
    if score[n][m] <= lowest:
        return None
    spelled: list[str] = []
    j = m
    for i in range(n, 0, -1):
        k = back[i][j]
        spelled.append(latin[j - k : j])
        j -= k
    spelled.reverse()
    return score[n][m], spelled


def initial_weights(names: list[list[tuple[list[str], str]]]) -> Weights:
    """The first round's weights: every unit of a name may spell any piece of the
    name's Latin words (of any of them: the words may be in the other order), the
    more cheaply the nearer the piece is to anyascii's reading of the unit."""
    weights: Weights = {}
    reads: dict[str, str] = {}
    for name in names:
        pieces = {
            latin[i:j]
            for _cut, latin in name
            for i in range(len(latin) + 1)
            for j in range(i, min(len(latin), i + MAX_SPELLING) + 1)
        }
        for cut, _latin in name:
            for unit in cut:
                read = reads.get(unit)
                if read is None:
                    read = reads[unit] = guess(unit)
                table = weights.setdefault(unit, {})
                for piece in pieces:
                    if piece not in table:
                        table[piece] = -EDIT_COST * edit_distance(piece, read)
    return weights


def align_name(
    name: list[tuple[list[str], str]], weights: Weights
) -> list[tuple[list[str], list[str]]] | None:
    """A name's words aligned; a name of two words may be written in the other
    order in the script (Japanese names in Hangul, surname first): the better of
    both orders."""
    orders = [name]
    if len(name) == 2:
        orders.append([(name[0][0], name[1][1]), (name[1][0], name[0][1])])
    best: tuple[float, list[tuple[list[str], list[str]]]] | None = None
    for order in orders:
        total, aligned = 0.0, []
        for cut, latin in order:
            found = align(cut, latin, weights)
            if found is None:
                break
            total += found[0]
            aligned.append((cut, found[1]))
        else:
            if best is None or total > best[0]:
                best = (total, aligned)
    return best[1] if best is not None else None


def estimate(aligned: list[tuple[list[str], list[str]]]) -> Weights:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for cut, spelled in aligned:
        for unit, spelling in zip(cut, spelled, strict=True):
            counts[unit][spelling] += 1
    weights: Weights = {}
    for unit, seen in counts.items():
        total = sum(seen.values())
        weights[unit] = {s: math.log(c / total) for s, c in seen.items()}
    return weights


Letters = dict[str, Counter[str]]


def letter_counts(words: list[str]) -> Letters:
    """How often each letter (and the end of a word) followed each context of 0 to
    ``LETTERS_ORDER`` letters in ``words`` (``START`` before the first letter)."""
    counts: Letters = defaultdict(Counter)
    for word in words:
        text = START + word
        for position, letter in enumerate([*word, WORD_END]):
            before = text[: position + 1]
            for order in range(min(LETTERS_ORDER, len(before)) + 1):
                counts[before[len(before) - order :] if order else ""][letter] += 1
    return counts


def train(
    shared: Path, script: str
) -> tuple[str, dict[tuple[str, str, str], dict[str, int]], Letters, str]:
    started = time.perf_counter()
    counted = list(word_pairs(shared, script))
    names = [name for name, _seen in counted]
    weights = initial_weights(names)
    aligned: list[tuple[list[str], list[str]]] = []
    for _round in range(ITERATIONS):
        aligned = []
        for name in names:
            found = align_name(name, weights)
            if found is not None:
                aligned.extend(found)
        weights = estimate(aligned)
    contexts: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for cut, spelled in aligned:
        for position, (unit, spelling) in enumerate(zip(cut, spelled, strict=True)):
            previous = cut[position - 1] if position else START
            following = cut[position + 1] if position + 1 < len(cut) else END
            spelling = spelling or EMPTY
            for context in (
                ("", unit, ""),
                (previous, unit, ""),
                ("", unit, following),
                (previous, unit, following),
            ):
                contexts[context][spelling] += 1
    kept: dict[tuple[str, str, str], dict[str, int]] = {}
    for context, seen in contexts.items():
        total = sum(seen.values())
        narrow = context != ("", context[1], "")
        least = MIN_CONTEXT_COUNT if narrow else 1
        spellings = {s: c for s, c in seen.items() if c >= least and c / total >= MIN_SHARE}
        if narrow and total < MIN_CONTEXT_COUNT:
            continue
        if spellings:
            kept[context] = spellings
    report = (
        f"{script}: {len(names):,} names, {len(aligned):,} words aligned, "
        f"{len(kept):,} contexts, {time.perf_counter() - started:.0f} s"
    )
    kept = pruned(script, with_residual_contexts(contexts, kept))
    report += f", {len(kept):,} kept"
    lexicon = word_lexicon(counted, weights)
    kept.update(lexicon)
    report += f", {len(lexicon):,} words"
    letters = letter_counts([latin for name in names for _cut, latin in name])
    return script, kept, letters, report


def word_lexicon(
    counted: list[tuple[list[tuple[list[str], str]], int]], weights: Weights
) -> dict[tuple[str, str, str], dict[str, int]]:
    """The words seen at least ``LEXICON_MIN_COUNT`` times, each with how often each
    Latin spelling stood for it (``transcribed.word_context``): the names of
    Wikidata's people aligned word to word (their order as in ``align_name``)."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for name, seen in counted:
        aligned = align_name(name, weights)
        for cut, spelled in aligned or ():
            found["".join(cut)]["".join(spelled)] += seen
    lexicon: dict[tuple[str, str, str], dict[str, int]] = {}
    for word, spellings in found.items():
        total = sum(spellings.values())
        if total < LEXICON_MIN_COUNT:
            continue
        kept = {s: c for s, c in spellings.items() if s and c / total >= MIN_SHARE}
        if kept:
            lexicon[word_context(word)] = kept
    return lexicon


def pruned(
    script: str, kept: dict[tuple[str, str, str], dict[str, int]]
) -> dict[tuple[str, str, str], dict[str, int]]:
    """``kept`` without the contexts that change a unit's spellings by less than
    ``MIN_CONTEXT_SHIFT`` (the widest first, judged against the narrower ones)."""
    table = TranscriptionTable.from_counts({script: kept}, {})
    for width in (2, 1):
        for previous, unit, following in sorted(
            k for k in kept if sum(map(bool, (k[0], k[2]))) == width
        ):
            context = (script, previous, unit, following)
            with_it = table.distribution(script, previous, unit, following)
            items = table.set_entry(context, None)
            without = table.distribution(script, previous, unit, following)
            shift = sum(
                abs(with_it.get(k, 0.0) - without.get(k, 0.0)) for k in with_it.keys() | without
            )
            if shift / 2 >= MIN_CONTEXT_SHIFT:
                table.set_entry(context, items)
    return {
        (previous, unit, following): spellings
        for (previous, unit, following), spellings in kept.items()
        if (script, previous, unit, following) in table.entries
    }


def _shift(seen: dict[str, int], backoff: dict[str, int]) -> float:
    """Total variation distance between two spelling counts as distributions."""
    total, base = sum(seen.values()), sum(backoff.values())
    keys = seen.keys() | backoff.keys()
    return sum(abs(seen.get(k, 0) / total - backoff.get(k, 0) / base) for k in keys) / 2


def with_residual_contexts(
    contexts: dict[tuple[str, str, str], Counter[str]],
    kept: dict[tuple[str, str, str], dict[str, int]],
) -> dict[tuple[str, str, str], dict[str, int]]:
    """``kept`` with each context of one neighbour recounted without the contexts
    of both neighbours kept beside it (before pruning, which then judges each wide
    context against the recounted narrow ones): a unit's spelling after a
    neighbour is read from it only where no wider context speaks, so it must say
    what the other neighbours do.  Counted with all, the Arabic article made a word's first alef
    silent: ا before ل is silent 1,606 times of 1,890, before other letters a vowel
    two times of three, and احمد, احسان read "hmad", "hasan" (Hamad, Hassan)."""
    wide = [k for k in kept if k[0] and k[2]]
    by_side: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for previous, unit, following in wide:
        by_side[(previous, unit, "")].append((previous, unit, following))
        by_side[("", unit, following)].append((previous, unit, following))
    out = dict(kept)
    for context, covered in by_side.items():
        seen = contexts.get(context)
        if not seen:
            continue
        residual = Counter(seen)
        for key in covered:
            residual.subtract(contexts[key])
        total = sum(c for c in residual.values() if c > 0)
        spellings = {
            s: c
            for s, c in residual.items()
            if c >= MIN_CONTEXT_COUNT and c / max(total, 1) >= MIN_SHARE
        }
        unit_counts = kept.get(("", context[1], ""))
        if (
            total >= MIN_CONTEXT_COUNT
            and spellings
            and unit_counts
            and _shift(spellings, unit_counts) >= MIN_CONTEXT_SHIFT
        ):
            out[context] = spellings
        else:
            out.pop(context, None)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, required=True, help="the ../shared folder")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "sanctions_cli/names",
        help="the folder of the table files (transcribed-SCRIPT.tsv)",
    )
    args = parser.parse_args(argv)
    scripts = [HANGUL, KATAKANA, HAN, HEBREW, ARABIC]
    counts: dict[str, dict[tuple[str, str, str], dict[str, int]]] = {}
    letters: Letters = defaultdict(Counter)
    with ProcessPoolExecutor() as pool:
        for script, kept, seen, report in pool.map(train, [args.shared] * len(scripts), scripts):
            print(report, file=sys.stderr)
            counts[script] = kept
            for context, following in seen.items():
                letters[context].update(following)
    tables = {
        script: TranscriptionTable.from_counts({script: kept}, {})
        for script, kept in counts.items()
    }
    tables[LETTERS] = TranscriptionTable.from_counts({}, dict(letters))
    for name, table in tables.items():
        path = args.out / table_file(name)
        header = [
            "# Learnt by benchmarks/train_transcriptions.py from Wikidata (CC0) name pairs"
            + (
                " and Google's Arabic-English name words (google_ar2en, Apache-2.0):"
                if name in (ARABIC, LETTERS)
                else ":"
            ),
            "# script, previous unit, unit, next unit ('' = any), spelling:count ('-' = none);"
            f" a word learnt whole: script, '{WORD_MARK}', the word, ''"
            if name != LETTERS
            else "# 'letters', letters before, '', '', letter:count ('$' = end of word)",
        ]
        path.write_text("\n".join(header + table.lines()) + "\n", encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
