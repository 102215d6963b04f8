"""Evaluate name matching: precision, recall, F1 and false alerts, against a baseline.

Usage::

    .venv/bin/python benchmarks/evaluate_matching.py [--shared ../shared] [--variants 1000]
        [--clean 5000] [--seed 7] [--skip-screening] [--no-baselines] [--by-locale 1500]
        [--common-names]

Datasets (from ``shared/data``; the script says so and exits 0 when it is absent):

1. ``names/name-pairs-bench/cases.csv``: 826 labelled pairs, scored with
   ``scorer.compare`` (token rarity from the OFAC SDN list, as a NameMatcher over
   it would use) and with plain rapidfuzz ``token_set_ratio`` and ``WRatio`` on the
   normalised strings;
2. ``names/cross-script``: every spelling of ``putin_names.txt`` against
   "Vladimir Putin", and the query/expected pairs of ``cross_script_pairs.csv``;
   2,000 Wikidata people written in Hebrew and in Hangul (``names/transliteration``)
   against their Latin spelling, and 2,000 names of two Wikidata name words
   written in katakana and in Chinese characters, all drawn from the fifth of the
   files the transcription table (``names.transcribed``) was not learnt from
   (``train_transcriptions.held_out``);
   then every OFAC SDN person with middle names, as first given name and surname
   ("Sergei Saenko" for "SAENKO, Sergei Ivanovich"), against its listed name;
3. a screening set generated (seeded) from the OFAC SDN list of 2023-12-28 and
   the UN consolidated list (``--sdn-only``: the SDN list alone):
   true variants of listed names (transliteration-like respellings, reordering,
   ``SURNAME, Given``, typos, dropped middle names, initials, case and
   punctuation) and clean names from Faker in many locales and scripts, screened
   through ``screening.Screener`` against the whole lists.  A variant is caught
   when its own entry is among the hits; every hit of a clean name is a false
   alert.  A generated name with the words of a listed name (Faker's pools hold
   real names), or a Korean name in Hangul with a listed name's syllables, is
   left out of the clean names, and counted;
4. noise those variants do not make (``NOISE_MODELS``: a scanner's confusions,
   neighbouring keys, words joined or split, a vowel left out, two typos, a legal
   form glued to a word), each applied to 400 listed names screened the same way;
5. with ``--by-locale N``, the false alerts of N clean names of each Faker locale
   screened alone, so that a culture the rules treat unfairly shows (the mixed
   clean set holds too few names of each), with the alerted names;
6. with ``--common-names``, every given name x family name of common names of
   three naming traditions in Latin letters (``COMMON_NAMES``: Iranian, Hispanic,
   Russian and Central Asian), whose family names are often made from given names.

Figures are printed at ``screening.DEFAULT_THRESHOLD`` and at the threshold that
is best for each method (F1 for pairs; for screening, recall minus false alerts).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sanctions_cli.matching import NameHit, NameMatcher, compare_names  # noqa: E402
from sanctions_cli.matching.scorer import SKELETON_VIEW, TokenWeights, compare  # noqa: E402
from sanctions_cli.model import Alias, Entry, Listing, ListMeta, SanctionsList  # noqa: E402
from sanctions_cli.names import normalise, prepare_name  # noqa: E402
from sanctions_cli.screening import DEFAULT_THRESHOLD, Screener  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_transcriptions import held_out  # noqa: E402

SDN_FOLDER = Path("data/lists/ofac-sdn-2023-12-28")
UN_FILE = Path("data/lists/un-consolidated-2026-02-27/UN_consolidated.xml")
UK_FILE = Path("data/lists/uk-fcdo-2025-08-11/uk_sanctions_list_summary.ods")
CANADA_FILE = Path("data/lists/canada-sema-2025-05/sema.xml")
OPENSANCTIONS_FILE = Path("data/lists/opensanctions-ua-war-sanctions-2026-03/targets.simple.csv")
# The lists the screening section screens against (``--lists``, format and path
# under ../shared): OFAC's SDN and the UN's, on which the rules were developed, and
# the UK's, Canada's and OpenSanctions' (Ukraine war sanctions), which they were
# not: other lists' conventions, and thousands of vessels named by one word.
LIST_SETS: dict[str, tuple[tuple[str, Path], ...]] = {
    "ofac-un": (("ofac-csv", SDN_FOLDER), ("un-xml", UN_FILE)),
    "ofac": (("ofac-csv", SDN_FOLDER),),
    "uk-ca-os": (
        ("uk-ods", UK_FILE),
        ("canada-xml", CANADA_FILE),
        ("opensanctions-csv", OPENSANCTIONS_FILE),
    ),
}
PAIRS = Path("data/names/name-pairs-bench/cases.csv")
PUTIN = Path("data/names/cross-script/putin_names.txt")
CROSS = Path("data/names/cross-script/cross_script_pairs.csv")
# Wikidata people written in Latin letters and in another script (mostly foreign
# names transcribed): "Latin TAB other script" per line.
WIKIDATA = {
    "Hebrew": Path("data/names/transliteration/wd_hebrew"),
    "Hangul": Path("data/names/transliteration/wd_korean"),
}
# Wikidata name words written in Latin letters and in katakana ("Latin TAB k a n a
# TAB count" per line): two drawn at random make a name, as a foreign name is
# written in Japanese (its words joined by a middle dot).
# The same of Chinese characters, a foreign name's words joined by the middle dot
# of Chinese, and of Arabic script (Arabic Wikipedia's spellings of people of
# every language), its words apart.
WIKIDATA_WORDS = {
    "katakana": (
        Path("data/names/transliteration/wd_japanese.normalized.aligned.tokens"),
        re.compile("[\u30a0-\u30ff]+"),
        "\u30fb",
    ),
    "Chinese characters": (
        Path("data/names/transliteration/wd_chinese.normalized.aligned.tokens"),
        re.compile("[\u4e00-\u9fff]+"),
        "\u00b7",
    ),
    "Arabic script": (
        Path("data/names/transliteration/wd_arabic.normalized.aligned.tokens"),
        re.compile("[\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff]+"),
        " ",
    ),
}
# Words of fewer letters are mostly particles and initials, not names.
WORD_MIN_LETTERS = 4
# Pairs drawn from each Wikidata file, and the other names each transcription is
# also scored against (a rough false-match check).
WIKIDATA_SAMPLE = 2000
WIKIDATA_OTHERS = 10
AS_OF = dt.date(2024, 1, 1)

# Lowest score searched in screening, so that other thresholds can be evaluated
# from one search: below this no threshold is worth considering.
SWEEP_FLOOR = 80.0

# A clean name scoring this high is written like a listed name (Faker makes real
# names, and some are listed): an alert a name screener cannot avoid.
IDENTICAL_SCORE = 98.0

# Faker locales of the clean names: a dozen cultures, several scripts.
FAKER_LOCALES = (
    "en_US",
    "en_GB",
    "de_DE",
    "fr_FR",
    "es_ES",
    "es_MX",
    "it_IT",
    "pt_BR",
    "pl_PL",
    "tr_TR",
    "ru_RU",
    "uk_UA",
    "ar_AA",
    "fa_IR",
    "hi_IN",
    "zh_CN",
    "ko_KR",
    "ja_JP",
    "vi_VN",
    "nl_NL",
    "el_GR",
    "he_IL",
)

# Romanisation respellings used to make true variants (each a regex and its
# replacement, applied to one token at random): what different transliteration
# systems and clerks do to the same name.
RESPELLINGS: tuple[tuple[str, str], ...] = (
    (r"ou", "u"),
    (r"u", "ou"),
    (r"oo", "u"),
    (r"ee", "i"),
    (r"y", "i"),
    (r"i(?=[aeou])", "y"),
    (r"ph", "f"),
    (r"f", "ph"),
    (r"k", "c"),
    (r"c(?=[aou])", "k"),
    (r"ch", "tch"),
    (r"j", "dj"),
    (r"kh", "h"),
    (r"sh", "sch"),
    (r"ov$", "off"),
    (r"ev$", "eff"),
    (r"iy$", "y"),
    (r"y$", "iy"),
    (r"x", "ks"),
    (r"ks", "x"),
    (r"w", "v"),
    (r"v", "w"),
    (r"mm", "m"),
    (r"([bdfglmnprst])\1", r"\1"),
    (r"([bdfglmnprst])(?=[aeiou])", r"\1\1"),
    (r"e", "a"),
    (r"a", "e"),
    (r"o", "u"),
    (r"eo", "o"),
    (r"^al ", "el "),
    (r"q", "k"),
    (r"dh", "z"),
)


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    f1: float
    threshold: float


def figures(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> Figures:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(precision, recall, f1, threshold)


def best_figures(scores: Sequence[float], labels: Sequence[bool]) -> Figures:
    candidates = [figures(scores, labels, t) for t in range(50, 101)]
    return max(candidates, key=lambda f: (f.f1, f.threshold))


def print_row(name: str, at_default: Figures, best: Figures) -> None:
    print(
        f"  {name:<22} P {at_default.precision:.3f}  R {at_default.recall:.3f}  "
        f"F1 {at_default.f1:.3f}   | best @{best.threshold:>5.1f}: "
        f"P {best.precision:.3f}  R {best.recall:.3f}  F1 {best.f1:.3f}"
    )


# --- the OFAC SDN list --------------------------------------------------------


def _read_csv(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("latin-1").replace("\x1a", "")
    return [row for row in csv.reader(text.splitlines()) if row]


def _field(value: str) -> str:
    return "" if value.strip() == "-0-" else value.strip()


def load_sdn(folder: Path) -> SanctionsList:
    """The SDN list from its legacy CSV: through ``importers`` when they work, else read here."""
    try:
        from sanctions_cli.importers import import_files

        return import_files("ofac-csv", sorted(folder.glob("*.csv")))
    except Exception as exc:  # the importers are someone else's work in progress
        print(f"  (importers unavailable: {exc}; reading sdn.csv/alt.csv directly)")
    types = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}
    aliases: dict[str, list[Alias]] = {}
    for row in _read_csv(folder / "alt.csv"):
        aliases.setdefault(row[0], []).append(Alias(_field(row[3])))
    entries = []
    for row in _read_csv(folder / "sdn.csv"):
        entries.append(
            Entry(
                id=row[0],
                type=types.get(_field(row[2]).lower(), "organization"),  # type: ignore[arg-type]
                name=_field(row[1]),
                aliases=tuple(aliases.get(row[0], ())),
                listings=(Listing("OFAC", "SDN", _field(row[3]) or None),),
            )
        )
    meta = ListMeta(id="sdn", title="OFAC SDN 2023-12-28")
    return SanctionsList(meta, tuple(entries), content_hash="sdn-2023-12-28")


# --- matchers -----------------------------------------------------------------


def make_matcher(entries: Sequence[Entry]) -> NameMatcher:
    """The project's NameMatcher, with token rarity from the loaded names.

    Older NameMatchers (before they carried ``weights``) get them here, and score
    every listed name.
    """
    matcher = NameMatcher(entries)
    if not hasattr(matcher, "weights"):
        weights = TokenWeights.from_names(matcher.prepared)

        def search(name: str, threshold: float) -> list[NameHit]:
            query = prepare_name(name)
            hits = []
            for ref, candidate in zip(matcher.refs, matcher.prepared, strict=True):
                match = compare(query, candidate, weights)
                if match.score >= threshold:
                    hits.append(NameHit(ref, match))
            return sorted(hits, key=lambda hit: -hit.match.score)

        matcher.search = search  # type: ignore[method-assign]
    return matcher


class BaselineScreener:
    """Plain rapidfuzz over every strong listed name: best score per entry."""

    def __init__(self, entries: Sequence[Entry], scorer: Callable[..., float]) -> None:
        self.scorer = scorer
        self.names: list[str] = []
        self.owner: list[int] = []
        for index, entry in enumerate(entries):
            for name, strength, _primary in entry.all_names():
                if strength == "strong":
                    self.names.append(normalise(name))
                    self.owner.append(index)

    def scores(self, name: str, floor: float) -> dict[int, float]:
        best: dict[int, float] = {}
        query = normalise(name)
        for _text, score, position in process.extract(
            query, self.names, scorer=self.scorer, score_cutoff=floor, limit=None
        ):
            owner = self.owner[position]
            best[owner] = max(best.get(owner, 0.0), float(score))
        return best


# --- datasets -----------------------------------------------------------------


def evaluate_pairs(shared: Path, weights: TokenWeights) -> None:
    rows = list(csv.DictReader((shared / PAIRS).open(encoding="utf-8")))
    labels = [row["is_match"].strip().lower() == "true" for row in rows]
    ours = [compare_names(r["name1"], r["name2"], weights).score for r in rows]
    print(f"\n== Labelled pairs ({len(rows)}: {sum(labels)} match, {len(rows) - sum(labels)} not)")
    print(f"  at threshold {DEFAULT_THRESHOLD:g}                                     |")
    print_row("sanctions-cli", figures(ours, labels, DEFAULT_THRESHOLD), best_figures(ours, labels))
    for name, scorer in (("token_set_ratio", fuzz.token_set_ratio), ("WRatio", fuzz.WRatio)):
        base = [scorer(normalise(r["name1"]), normalise(r["name2"])) for r in rows]
        print_row(name, figures(base, labels, DEFAULT_THRESHOLD), best_figures(base, labels))


def evaluate_cross_script(shared: Path, weights: TokenWeights) -> None:
    target = "Vladimir Putin"
    spellings = [
        line.strip()
        for line in (shared / PUTIN).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    ours = [compare_names(s, target, weights).score for s in spellings]
    base = [fuzz.token_set_ratio(normalise(s), normalise(target)) for s in spellings]
    print(f"\n== Cross-script: {len(spellings)} spellings of {target!r}")
    for name, scores in (("sanctions-cli", ours), ("token_set_ratio", base)):
        caught = sum(s >= DEFAULT_THRESHOLD for s in scores)
        print(f"  {name:<22} matched at {DEFAULT_THRESHOLD:g}: {caught}/{len(spellings)}")
    missed = [(s, score) for s, score in zip(spellings, ours, strict=True) if score < 85]
    for spelling, score in missed:
        print(f"    missed: {spelling}  ({score:.1f}; {normalise(spelling)!r})")

    pairs = []
    for row in csv.reader((shared / CROSS).read_text(encoding="utf-8").splitlines()):
        if row and not row[0].startswith("#") and len(row) >= 2:
            pairs.append((row[0], row[1]))
    ours = [compare_names(q, e, weights).score for q, e in pairs]
    base = [fuzz.token_set_ratio(normalise(q), normalise(e)) for q, e in pairs]
    print(f"\n== Cross-script pairs ({len(pairs)} query/expected)")
    for name, scores in (("sanctions-cli", ours), ("token_set_ratio", base)):
        caught = sum(s >= DEFAULT_THRESHOLD for s in scores)
        print(f"  {name:<22} matched at {DEFAULT_THRESHOLD:g}: {caught}/{len(pairs)}")
    for (query, expected), score in zip(pairs, ours, strict=True):
        if score < DEFAULT_THRESHOLD:
            print(f"    missed: {query} -> {expected}  ({score:.1f}; {normalise(query)!r})")


def name_scorers(
    weights: TokenWeights | None = None,
) -> tuple[tuple[str, Callable[[str, str], float]], ...]:
    """The name scorers compared on pairs: ours (token rarity from ``weights``, the
    defaults when None) and a plain token-set ratio of the same normalised text."""
    return (
        ("sanctions-cli", lambda a, b: compare_names(a, b, weights).score),
        ("token_set_ratio", lambda a, b: fuzz.token_set_ratio(normalise(a), normalise(b))),
    )


def evaluate_wikidata(shared: Path, seed: int) -> None:
    """Names transcribed into Hebrew, Hangul and katakana against their Latin spelling: the
    share scoring at the default threshold, and how many other names of the sample
    the transcriptions also reach (each against ``WIKIDATA_OTHERS`` drawn at random)."""
    sources = {script: shared / path for script, path in WIKIDATA.items()}
    sources.update({script: shared / path for script, (path, _, _) in WIKIDATA_WORDS.items()})
    for script, path in sources.items():
        if not path.exists():
            continue
        rng = random.Random(seed)
        rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()]
        if script in WIKIDATA_WORDS:
            _path, word_pattern, dot = WIKIDATA_WORDS[script]
            words = [
                (r[0], r[1].replace(" ", ""))
                for r in rows
                if len(r) >= 2
                and len(r[0]) >= WORD_MIN_LETTERS
                and word_pattern.fullmatch(r[1].replace(" ", ""))
            ]
            # Only the words the transcription table never learnt from.
            words = [w for w in words if held_out(w[0].lower())]
            drawn_words = rng.sample(words, min(2 * WIKIDATA_SAMPLE, len(words)))
            pairs = [
                (f"{a[0]} {b[0]}", f"{a[1]}{dot}{b[1]}")
                for a, b in zip(drawn_words[::2], drawn_words[1::2], strict=False)
            ]
        else:
            pairs = [(r[0], r[1]) for r in rows if len(r) == 2 and r[0] and r[1] and held_out(r[0])]
        sample = rng.sample(pairs, min(WIKIDATA_SAMPLE, len(pairs)))
        others = [rng.sample(range(len(sample)), WIKIDATA_OTHERS) for _ in sample]
        print(f"\n== Wikidata: {len(sample)} names in {script} and Latin letters (seed {seed})")
        for name, score_of in name_scorers():
            caught = sum(score_of(other, latin) >= DEFAULT_THRESHOLD for latin, other in sample)
            wrong = sum(
                score_of(other, sample[k][0]) >= DEFAULT_THRESHOLD
                for (latin, other), drawn in zip(sample, others, strict=True)
                for k in drawn
                if sample[k][0] != latin
            )
            print(
                f"  {name:<22} matched at {DEFAULT_THRESHOLD:g}: {caught / len(sample):.3f}; "
                f"other names reached {wrong} of {len(sample) * WIKIDATA_OTHERS}"
            )


def evaluate_original_script(shared: Path) -> None:
    """The UN list's own spellings of its people in their original script (mostly
    Arabic) against the Latin names of the same entry: the share whose best Latin
    name scores at the default threshold."""
    if not (shared / UN_FILE).is_file():
        return
    from sanctions_cli.importers import import_files
    from sanctions_cli.names.normalise import script_of

    un = import_files("un-xml", [shared / UN_FILE])
    pairs: list[tuple[str, str, list[str]]] = []
    for entry in un.entries:
        names = [name for name, _strength, _primary in entry.all_names()]
        latin = [name for name in names if not script_of(name)]
        for name in names:
            if script_of(name) and latin:
                pairs.append((script_of(name), name, latin))
    print(f"\n== UN list: {len(pairs)} names in their original script, against their Latin names")
    for name, score_of in name_scorers():
        caught: dict[str, list[bool]] = {}
        for script, original, latin in pairs:
            best = max(score_of(original, other) for other in latin)
            caught.setdefault(script, []).append(best >= DEFAULT_THRESHOLD)
        shares = ", ".join(
            f"{script.lower()} {sum(v)}/{len(v)}" for script, v in sorted(caught.items())
        )
        print(f"  {name:<22} matched at {DEFAULT_THRESHOLD:g}: {shares}")


def evaluate_short_forms(sdn: SanctionsList, weights: TokenWeights) -> None:
    """Listed persons named the way payments name people: first given name and
    surname, every middle name (second given names, patronymics, a father's name)
    dropped, scored against their own listed name."""
    cases: list[tuple[str, str, int]] = []
    for entry in sdn.entries:
        surname, comma, given = entry.name.partition(",")
        words = given.split()
        if entry.type == "person" and comma and len(words) >= 2:
            cases.append((f"{words[0]} {surname.strip()}".title(), entry.name, len(words) - 1))
    print(f"\n== {len(cases)} SDN persons screened as first given name and surname")
    for name, score_of in name_scorers(weights):
        caught: dict[int, list[bool]] = {}
        for query, listed, dropped in cases:
            caught.setdefault(min(dropped, 3), []).append(
                score_of(query, listed) >= DEFAULT_THRESHOLD
            )
        shares = ", ".join(
            f"{'3+' if k == 3 else k} dropped {sum(v) / len(v):.2f} ({len(v)})"
            for k, v in sorted(caught.items())
        )
        total = sum(sum(v) for v in caught.values()) / len(cases)
        print(f"  {name:<22} matched at {DEFAULT_THRESHOLD:g}: {total:.3f}; {shares}")


def _typo(token: str, rng: random.Random) -> str:
    if len(token) < 5:
        return token
    i = rng.randrange(1, len(token) - 1)
    kind = rng.choice(("swap", "drop", "double", "replace"))
    if kind == "swap":
        return token[:i] + token[i + 1] + token[i] + token[i + 2 :]
    if kind == "drop":
        return token[:i] + token[i + 1 :]
    if kind == "double":
        return token[:i] + token[i] + token[i:]
    return token[:i] + rng.choice("aeioulnrst") + token[i + 1 :]


def make_variant(name: str, is_person: bool, rng: random.Random) -> str:
    """A true variant of a listed name: one to three plausible changes."""
    if is_person and "," in name:
        surname, _, given = name.partition(",")
        tokens = given.split() + surname.split()
    else:
        tokens = name.replace(",", " ").split()
    changes = rng.sample(("respell", "typo", "order", "drop", "initial", "case"), rng.randint(1, 3))
    for change in changes:
        words = [i for i, t in enumerate(tokens) if len(t) >= 3 and t.isalpha()]
        if change == "respell" and words:
            i = rng.choice(words)
            pattern, replacement = rng.choice(RESPELLINGS)
            tokens[i] = re.sub(pattern, replacement, tokens[i].lower(), count=1)
        elif change == "typo" and words:
            i = rng.choice(words)
            tokens[i] = _typo(tokens[i], rng)
        elif change == "order" and is_person and len(tokens) >= 2:
            tokens = [*tokens[-1:], *tokens[:-1]]
            if rng.random() < 0.5:
                tokens[0] = tokens[0].upper() + ","
        elif change == "drop" and is_person and len(tokens) >= 4:
            del tokens[rng.randrange(1, len(tokens) - 1)]
        elif change == "initial" and is_person and len(tokens) >= 3:
            i = rng.randrange(0, len(tokens) - 1)
            tokens[i] = tokens[i][0].upper() + "."
        elif change == "case":
            tokens = [t.lower() if rng.random() < 0.5 else t.title() for t in tokens]
    return " ".join(tokens)


def seeded_fakers(seed: int) -> list[tuple[str, Any]]:
    """(locale, Faker seeded with ``seed``) for each of ``FAKER_LOCALES`` this Faker
    has; none when Faker is not installed (said so)."""
    try:
        from faker import Faker
    except ImportError:
        print("  (faker is not installed: pip install faker; no clean names)")
        return []
    fakers = []
    for locale in FAKER_LOCALES:
        try:
            fake = Faker(locale)
        except AttributeError:
            continue
        fake.seed_instance(seed)
        fakers.append((locale, fake))
    return fakers


def clean_names(count: int, seed: int) -> list[str]:
    fakers = [fake for _locale, fake in seeded_fakers(seed)]
    if not fakers:
        return []
    rng = random.Random(seed)
    names = []
    for _ in range(count):
        fake = rng.choice(fakers)
        if rng.random() < 0.2:
            names.append(fake.company())
        else:
            names.append(fake.name())
    return names


def load_list_set(shared: Path, name: str) -> list[SanctionsList]:
    """The lists of ``LIST_SETS[name]`` found under ``shared``."""
    from sanctions_cli.importers import import_files

    lists = []
    for fmt, path in LIST_SETS[name]:
        if not (shared / path).exists():
            print(f"  ({shared / path} not found: left out)")
        elif fmt == "ofac-csv":
            lists.append(load_sdn(shared / path))
        else:
            lists.append(import_files(fmt, [shared / path]))
    return lists


def evaluate_screening(
    lists: Sequence[SanctionsList],
    variants: int,
    clean: int,
    seed: int,
    baselines: bool = True,
) -> None:
    titles = " + ".join(lst.meta.title for lst in lists)
    print(f"\n== Screening against {titles}")
    started = time.perf_counter()
    entries = [entry for lst in lists for entry in lst.entries]
    matcher = make_matcher(entries)
    screener = Screener(lists, threshold=SWEEP_FLOOR, matcher=matcher)
    print(
        f"  {len(entries)} entries, {len(matcher)} names; "
        f"built in {time.perf_counter() - started:.1f}s"
    )
    rng = random.Random(seed)
    sources = [
        (index, entry)
        for index, entry in enumerate(entries)
        if entry.type in ("person", "organization", "vessel")
    ]
    true_queries: list[tuple[str, int]] = []
    for index, entry in rng.sample(sources, min(variants, len(sources))):
        strong = [n for n, strength, _ in entry.all_names() if strength == "strong"]
        name = rng.choice(strong)
        true_queries.append((make_variant(name, entry.type == "person", rng), index))

    # A generated "clean" name with the very words of a listed name (any order,
    # legal forms aside) is not clean: every screener must alert on it, whatever
    # its rules (Faker's company pools hold real companies, some of them listed).
    # Such names are left out of the clean set, and counted.
    def words(name: str) -> tuple[str, ...]:
        prepared = prepare_name(name)
        kept = (t for t, k in zip(prepared.tokens, prepared.kinds, strict=True) if k != "legal")
        return tuple(sorted(kept))

    # So is a Korean name written in Hangul with the syllables of a listed name
    # (김영수 / KIM, Yong Su): the same name, in any romanisation, which only the
    # person's other data can tell apart.  Syllables: the words' skeletons, which
    # make the romanisations of a syllable one (Gim/Kim, Yeong/Yong).  Names in
    # other scripts are not left out: their readings are guesses.
    def sounds(name: str) -> tuple[str, ...]:
        prepared = prepare_name(name)
        singles = prepared.options[: len(prepared.tokens)]
        return tuple(sorted(o.views[SKELETON_VIEW] for o in singles))

    listed_names = [n for entry in entries for n, _strength, _primary in entry.all_names()]
    listed_forms = {words(n) for n in listed_names}
    listed_sounds = {sounds(n) for n in listed_names}
    generated = clean_names(clean, seed)
    spelled = [q for q in generated if words(q) in listed_forms]
    korean = [
        q
        for q in generated
        if (prepared := prepare_name(q)).script == "HANGUL"
        and len(prepared.tokens) >= 2
        and words(q) not in listed_forms
        and sounds(q) in listed_sounds
    ]
    left_out = set(spelled) | set(korean)
    clean_queries = [q for q in generated if q not in left_out]
    print(
        f"  sample: {len(true_queries)} true variants, {len(clean_queries)} clean names "
        f"(generated names left out: {len(spelled)} spelled as a listed name, "
        f"{len(korean)} a listed Korean name written in Hangul: "
        f"{', '.join(korean[:5]) or 'none'})"
    )

    started = time.perf_counter()
    ours_true = []
    for query, index in true_queries:
        hits = screener.entry_hits(query)
        ours_true.append(
            max((h.match.score for h in hits if h.ref.entry_index == index), default=0)
        )
    ours_clean = [
        max((h.match.score for h in screener.entry_hits(q)), default=0.0) for q in clean_queries
    ]
    elapsed = time.perf_counter() - started
    print(
        f"  screened in {elapsed:.1f}s "
        f"({1000 * elapsed / max(1, len(true_queries) + len(clean_queries)):.1f} ms/name)"
    )
    results = {"sanctions-cli": (ours_true, ours_clean)}
    for name, scorer in (("token_set_ratio", fuzz.token_set_ratio), ("WRatio", fuzz.WRatio)):
        if not baselines:
            break
        base = BaselineScreener(entries, scorer)
        base_true = [base.scores(q, SWEEP_FLOOR).get(i, 0.0) for q, i in true_queries]
        base_clean = [max(base.scores(q, SWEEP_FLOOR).values(), default=0.0) for q in clean_queries]
        results[name] = (base_true, base_clean)

    def screening_row(name: str, threshold: float) -> str:
        true_scores, clean_scores = results[name]
        recall = sum(s >= threshold for s in true_scores) / max(1, len(true_scores))
        alerts = sum(s >= threshold for s in clean_scores)
        per_10k = 10_000 * alerts / max(1, len(clean_scores))
        return f"recall {recall:.3f}  false alerts {per_10k:6.1f}/10k ({alerts})"

    for name, (_true_scores, clean_scores) in results.items():
        # Best threshold: highest recall with at most 5 false alerts per 10,000.
        best = None
        for step in range(int(SWEEP_FLOOR * 2), 201):
            threshold = step / 2
            alerts = sum(s >= threshold for s in clean_scores)
            if 10_000 * alerts / max(1, len(clean_scores)) <= 5:
                best = threshold
                break
        best_text = f"@{best:g}: {screening_row(name, best)}" if best is not None else "none"
        print(f"  {name:<16} @{DEFAULT_THRESHOLD:g}: {screening_row(name, DEFAULT_THRESHOLD)}")
        print(f"  {'':<16} best (<=5/10k) {best_text}")
    missed = [
        (q, entries[i].name, s)
        for (q, i), s in zip(true_queries, ours_true, strict=True)
        if s < DEFAULT_THRESHOLD
    ]
    print(f"  sanctions-cli: {len(missed)} variants missed, e.g.:")
    for query, listed, score in missed[:15]:
        print(f"    {query!r} (listed {listed!r}) {score:.1f}")
    alerted = [
        (q, s) for q, s in zip(clean_queries, ours_clean, strict=True) if s >= DEFAULT_THRESHOLD
    ]
    identical = sum(1 for _q, score in alerted if score >= IDENTICAL_SCORE)
    print(
        f"  sanctions-cli: {len(alerted)} clean names alerted ({identical} scoring "
        f">= {IDENTICAL_SCORE:g}: the same name as a listed one, spelled alike), e.g.:"
    )
    for query, score in alerted[:25]:
        hit = screener.entry_hits(query)[0]
        print(f"    {query!r} -> {hit.ref.name!r} {score:.1f}")
    evaluate_noise(screener, entries, seed)


# Mistakes of keyboards, scanners and payment fields that the variants above do not
# make, each applied to one listed name (``NOISE_MODELS``): how many of
# ``NOISE_SAMPLE`` names each leaves findable at the default threshold.
NOISE_SAMPLE = 400
# Letters a scanner reads as others (and back).
OCR_CONFUSIONS = (
    ("m", "rn"), ("rn", "m"), ("d", "cl"), ("w", "vv"), ("o", "0"), ("l", "1"), ("i", "1"),
    ("s", "5"), ("b", "8"), ("e", "c"), ("g", "9"),
)  # fmt: skip
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Legal forms a field that lost a space glues to a word.
GLUED_FORMS = ("limited", "ltd", "llc", "gmbh", "jsc", "plc")
# Characters of a line of a SWIFT MT payment field, where names are cut.
FIELD_LINE = 35


def _noise_ocr(words: list[str], rng: random.Random) -> list[str]:
    places = [(i, a, b) for i, w in enumerate(words) for a, b in OCR_CONFUSIONS if a in w.lower()]
    if places:
        i, a, b = rng.choice(places)
        word = words[i]
        at = word.lower().find(a)
        words[i] = word[:at] + (b.upper() if word.isupper() else b) + word[at + len(a) :]
    return words


def _noise_keyboard(words: list[str], rng: random.Random) -> list[str]:
    """A letter of a word of five letters or more struck on a neighbouring key."""
    places = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if places:
        i = rng.choice(places)
        word = words[i]
        at = rng.randrange(1, len(word))
        for row in KEYBOARD_ROWS:
            key = row.find(word[at].lower())
            if key >= 0:
                near = [row[k] for k in (key - 1, key + 1) if 0 <= k < len(row)]
                letter = rng.choice(near)
                letter = letter.upper() if word.isupper() else letter
                words[i] = word[:at] + letter + word[at + 1 :]
                break
    return words


def _noise_joined(words: list[str], rng: random.Random) -> list[str]:
    """Two adjacent words written as one (a lost space)."""
    if len(words) >= 2:
        i = rng.randrange(len(words) - 1)
        words[i : i + 2] = [words[i] + words[i + 1]]
    return words


def _noise_split(words: list[str], rng: random.Random) -> list[str]:
    """A word of six letters or more split in two (a stray space)."""
    places = [i for i, w in enumerate(words) if len(w) >= 6]
    if places:
        i = rng.choice(places)
        at = rng.randrange(3, len(words[i]) - 2)
        words[i : i + 1] = [words[i][:at], words[i][at:]]
    return words


def _noise_vowel(words: list[str], rng: random.Random) -> list[str]:
    """A vowel (not the first letter) of a word of five letters or more left out."""
    places = [
        (i, k)
        for i, w in enumerate(words)
        if len(w) >= 5
        for k, c in enumerate(w)
        if k > 0 and c.lower() in "aeiou"
    ]
    if places:
        i, k = rng.choice(places)
        words[i] = words[i][:k] + words[i][k + 1 :]
    return words


def _noise_two_typos(words: list[str], rng: random.Random) -> list[str]:
    """Two letters of the longest word (eight letters or more) replaced."""
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    if len(word) >= 8:
        for _ in range(2):
            at = rng.randrange(1, len(word) - 1)
            letter = rng.choice("aeioulnrst")
            letter = letter.upper() if word.isupper() else letter
            word = word[:at] + letter + word[at + 1 :]
        words[i] = word
    return words


def _noise_glued_form(words: list[str], rng: random.Random) -> list[str]:
    """A legal form glued to the name's last word (organisations only)."""
    return [*words[:-1], words[-1] + rng.choice(GLUED_FORMS).upper()]


def _noise_cut(words: list[str], rng: random.Random) -> list[str]:
    """A name longer than a payment field's line cut at its length (35 characters)."""
    return " ".join(words)[:FIELD_LINE].split()


# Latin letters and the Cyrillic letters that look like them, as a keyboard left
# in Russian layout types them, or as written to slip past a screener.
CYRILLIC_LOOK_ALIKES = dict(zip("aeopcxyABEKMHOPCTX", "аеорсхуАВЕКМНОРСТХ", strict=True))
# What a payment's name field holds beside a person's name.
BIRTH_YEARS = range(1940, 2005)
BRACKET_REMARKS = ("(DIRECTOR)", "(OWNER)", "(BENEFICIARY)", "(SHAREHOLDER)")


def _noise_look_alikes(words: list[str], rng: random.Random) -> list[str]:
    """One or two letters of a word typed as their Cyrillic look-alikes (Рutin)."""
    places = [
        (i, k) for i, w in enumerate(words) for k, c in enumerate(w) if c in CYRILLIC_LOOK_ALIKES
    ]
    for i, k in rng.sample(places, min(len(places), rng.choice((1, 2)))):
        words[i] = words[i][:k] + CYRILLIC_LOOK_ALIKES[words[i][k]] + words[i][k + 1 :]
    return words


def _noise_birth_year(words: list[str], rng: random.Random) -> list[str]:
    """A birth year written after a person's name (persons only)."""
    return [*words, str(rng.choice(BIRTH_YEARS))]


def _noise_bracket_remark(words: list[str], rng: random.Random) -> list[str]:
    """A role in brackets after a person's name (persons only)."""
    return [*words, rng.choice(BRACKET_REMARKS)]


NOISE_MODELS: dict[str, Callable[[list[str], random.Random], list[str]]] = {
    "scanner (OCR) confusion": _noise_ocr,
    "neighbouring key": _noise_keyboard,
    "two words joined": _noise_joined,
    "word split in two": _noise_split,
    "vowel left out": _noise_vowel,
    "two typos in the longest word": _noise_two_typos,
    "legal form glued (companies)": _noise_glued_form,
    "cut at a field line's 35 characters": _noise_cut,
    "Cyrillic look-alike letters": _noise_look_alikes,
    "birth year after the name (persons)": _noise_birth_year,
    "role in brackets after it (persons)": _noise_bracket_remark,
}


# Alerted names printed per locale by ``evaluate_locales``.
LOCALE_EXAMPLES = 4


# Common given names and family names of three naming traditions, written in Latin
# letters as payments write them: many family names are made from given names
# (Karimi of Karim, Rodriguez of Rodrigo, Ismailov of Ismail), which the lists'
# names hold as given names and fathers' names.  Every given name with every family
# name: people who share a listed person's whole name are among them (any name
# screener flags those), the others are false alerts.
COMMON_NAMES = {
    "Iranian": (
        "Mohammad Ali Hossein Reza Mehdi Hassan Ahmad Abbas Amir Javad Saeed Majid Hamid "
        "Morteza Mohsen Mahmoud Ebrahim Jafar Karim Yousef Fatemeh Zahra Maryam Narges "
        "Sara Akbar Ghasem Sadegh Kazem Rahim",
        "Mohammadi Hosseini Ahmadi Rezaei Moradi Karimi Mousavi Jafari Kazemi Rahimi "
        "Hashemi Ghasemi Sadeghi Akbari Heidari Ebrahimi Abbasi Amini Salehi Rostami Azizi "
        "Mahmoudi Zare Ghorbani Bagheri Yousefi Nazari Sharifi Hamidi Naseri",
    ),
    "Hispanic": (
        "Jose Juan Luis Carlos Jorge Miguel Pedro Rodrigo Fernando Martin Gonzalo Diego "
        "Alvaro Ramiro Domingo Enrique Benito Antonio Manuel Francisco Maria Ana Carmen "
        "Rosa Lucia Elena Isabel Laura Sofia Marta",
        "Rodriguez Fernandez Gonzalez Martinez Lopez Sanchez Perez Gomez Diaz Hernandez "
        "Alvarez Ramirez Dominguez Garcia Torres Ruiz Vazquez Castro Romero Suarez Ortiz "
        "Morales Rubio Molina Delgado Ortega Marin Nunez Medina Benitez",
    ),
    "Russian and Central Asian": (
        "Ivan Sergei Alexei Dmitri Nikolai Andrei Pavel Roman Yuri Oleg Rustam Ismail Karim "
        "Timur Rashid Anvar Bakhtiyor Farhod Ruslan Said Olga Elena Natalia Irina Svetlana "
        "Gulnara Dilnoza Madina Aziza Zarina",
        "Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Romanov Pavlov Nikolaev Sergeev "
        "Ismailov Karimov Rashidov Timurov Yusupov Rakhimov Aliyev Mamedov Nazarov "
        "Usmanov Khodjaev Saidov Abdullaev Ibragimov Akhmedov Umarov Rustamov Khasanov "
        "Tursunov Sultanov",
    ),
}


def evaluate_common_names(lists: Sequence[SanctionsList]) -> None:
    """Alerts among every given name x family name of ``COMMON_NAMES``, per tradition."""
    entries = [entry for lst in lists for entry in lst.entries]
    screener = Screener(lists, threshold=DEFAULT_THRESHOLD, matcher=make_matcher(entries))
    title = " + ".join(lst.meta.title for lst in lists)
    print(f"\n== Common names in Latin letters (every given name x family name), against {title}")
    for tradition, (given, family) in COMMON_NAMES.items():
        names = [f"{g} {f}" for g in given.split() for f in family.split()]
        alerted = []
        for name in names:
            hits = screener.entry_hits(name)
            if hits:
                best = max(hits, key=lambda hit: hit.match.score)
                alerted.append((best.match.score, f"{name!r} -> {best.ref.name!r}"))
        whole = sum(1 for score, _ in alerted if score >= IDENTICAL_SCORE)
        print(
            f"  {tradition:<26} {len(alerted):>4} of {len(names)} alerted "
            f"({whole} scoring >= {IDENTICAL_SCORE:g}: written like a listed name)"
        )
        for score, line in sorted(alerted)[:LOCALE_EXAMPLES]:
            print(f"           {line} {score:.1f}")


def evaluate_locales(lists: Sequence[SanctionsList], per_locale: int, seed: int) -> None:
    """False alerts of ``per_locale`` Faker names (a fifth companies) of each locale
    alone, at the default threshold, with a few of the alerted names and their hit."""
    fakers = seeded_fakers(seed)
    if not fakers:
        return
    entries = [entry for lst in lists for entry in lst.entries]
    screener = Screener(lists, threshold=DEFAULT_THRESHOLD, matcher=make_matcher(entries))
    title = " + ".join(lst.meta.title for lst in lists)
    print(f"\n== Clean names by Faker locale, {per_locale} each (seed {seed}), against {title}")
    for locale, fake in fakers:
        names = list(
            dict.fromkeys(fake.company() if i % 5 == 0 else fake.name() for i in range(per_locale))
        )
        alerted = []
        for name in names:
            hits = screener.entry_hits(name)
            if hits:
                best = max(hits, key=lambda hit: hit.match.score)
                alerted.append(f"{name!r} -> {best.ref.name!r} {best.match.score:.1f}")
        rate = len(alerted) / len(names) * 10_000 if names else 0.0
        print(f"  {locale:<6} {len(alerted):>3} of {len(names):>5} alerted  {rate:6.1f}/10k")
        for line in alerted[:LOCALE_EXAMPLES]:
            print(f"           {line}")


def evaluate_noise(screener: Screener, entries: Sequence[Entry], seed: int) -> None:
    rng = random.Random(seed + 1)
    sources = [
        (index, entry)
        for index, entry in enumerate(entries)
        if entry.type in ("person", "organization", "vessel")
    ]
    chosen = []
    for index, entry in rng.sample(sources, min(NOISE_SAMPLE, len(sources))):
        strong = [n for n, strength, _ in entry.all_names() if strength == "strong"]
        name = rng.choice(strong)
        if entry.type == "person" and "," in name:
            surname, _, given = name.partition(",")
            words = given.split() + surname.split()
        else:
            words = name.replace(",", " ").split()
        chosen.append((index, entry.type, name, words))
    print(f"\n== Noise the variants above do not make ({len(chosen)} listed names each)")
    for label, model in NOISE_MODELS.items():
        caught = tried = 0
        missed: list[tuple[str, str, float]] = []
        for index, kind, name, words in chosen:
            if label.endswith("(companies)") and kind != "organization":
                continue
            if label.endswith("(persons)") and kind != "person":
                continue
            query = " ".join(model(list(words), rng))
            if query == " ".join(words):
                continue
            tried += 1
            score = max(
                (h.match.score for h in screener.entry_hits(query) if h.ref.entry_index == index),
                default=0.0,
            )
            if score >= DEFAULT_THRESHOLD:
                caught += 1
            else:
                missed.append((query, name, score))
        share = caught / max(1, tried)
        examples = "; ".join(f"{q!r} ({listed!r}) {s:.0f}" for q, listed, s in missed[:2])
        print(f"  {label:<36} {caught:>4}/{tried:<4} {share:.3f}   missed e.g. {examples}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--variants", type=int, default=500)
    parser.add_argument("--clean", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-screening", action="store_true")
    parser.add_argument(
        "--lists",
        action="append",
        choices=sorted(LIST_SETS),
        help="lists to screen against (repeatable; default ofac-un): "
        + "; ".join(f"{k}: {' + '.join(fmt for fmt, _ in v)}" for k, v in LIST_SETS.items()),
    )
    parser.add_argument(
        "--sdn-only", action="store_true", help="screen against the OFAC SDN list alone"
    )
    parser.add_argument(
        "--by-locale",
        type=int,
        default=0,
        metavar="N",
        help="also screen N clean names of each Faker locale alone (false alerts by culture)",
    )
    parser.add_argument(
        "--common-names",
        action="store_true",
        help="also screen every given name x family name of common names of three "
        "naming traditions in Latin letters (false alerts of names made from names)",
    )
    parser.add_argument(
        "--no-baselines",
        action="store_true",
        help="screen without the rapidfuzz baselines (minutes faster; for development)",
    )
    args = parser.parse_args(argv)
    shared: Path = args.shared
    if not (shared / PAIRS).exists():
        print(f"evaluation data not found under {shared} (expected {PAIRS}): nothing to evaluate")
        return 0
    print(f"Default threshold: {DEFAULT_THRESHOLD:g}")
    sdn_folder = shared / SDN_FOLDER
    if sdn_folder.exists():
        sdn = load_sdn(sdn_folder)
        weights = TokenWeights.from_names(
            prepare_name(n) for e in sdn.entries for n, _s, _p in e.all_names()
        )
    else:
        weights = TokenWeights.from_names([])
    evaluate_pairs(shared, weights)
    evaluate_cross_script(shared, weights)
    evaluate_wikidata(shared, args.seed)
    evaluate_original_script(shared)
    if sdn_folder.exists():
        evaluate_short_forms(sdn, weights)
    if not args.skip_screening:
        for set_name in args.lists or ["ofac" if args.sdn_only else "ofac-un"]:
            lists = load_list_set(shared, set_name)
            if lists:
                evaluate_screening(
                    lists, args.variants, args.clean, args.seed, not args.no_baselines
                )
    if args.by_locale:
        for set_name in args.lists or ["ofac" if args.sdn_only else "ofac-un"]:
            lists = load_list_set(shared, set_name)
            if lists:
                evaluate_locales(lists, args.by_locale, args.seed)
    if args.common_names:
        for set_name in args.lists or ["ofac" if args.sdn_only else "ofac-un"]:
            lists = load_list_set(shared, set_name)
            if lists:
                evaluate_common_names(lists)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
