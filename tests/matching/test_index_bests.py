"""The index's best token similarities (``CandidateIndex.token_best_arrays_many``,
all queries in one vectorised pass) equal, bit for bit, a plain pair-by-pair
reading of every rule of ``scorer.compare`` the bound follows."""

from __future__ import annotations

import random

import numpy as np
from rapidfuzz import fuzz

from sanctions_cli.matching import NameMatcher, scorer
from sanctions_cli.matching.index import MAX_LIFT, SPECIAL_KINDS, CandidateIndex
from sanctions_cli.model import Entry, Listing
from sanctions_cli.names import PreparedName, mask_bits, prepare_name, token_kind, token_options

LISTING = (Listing(authority="Test authority", list="Test list"),)

# Listed names that make every rule of the pair similarity matter: sound-alikes,
# compounds, short tokens, two letters swapped, nicknames, other scripts (one syllabic),
# legal forms and their misspellings, numbers and particles.
LISTED = [
    ("person", "Vladimir Putin"),
    ("person", "Владимир Путин"),
    ("person", "Abdul Rahman Al Bashir"),
    ("person", "Abdulrahman Bin Laden"),
    ("person", "Mohammed Ali Hassan"),
    ("person", "Muhamadali Hassan"),
    ("person", "محمد علي"),
    ("person", "Kim Jong Sik"),
    ("person", "김정식"),
    ("person", "블라디미르 푸틴"),
    ("person", "Yuri Zhirkov"),
    ("person", "王小明"),
    ("person", "Wang Xiaoming"),
    ("person", "Olaf Scholz"),
    ("person", "Ibrahim Fuad"),
    ("person", "Al Asad Bashar"),
    ("person", "Jo Se Ri"),
    ("person", "Robert Theodore Jones"),
    ("organization", "Koti Corp"),
    ("organization", "Vessel 2 Shipping Co Ltd"),
    ("organization", "Vessel 12 Shipping"),
    ("organization", "Sias Trading JSC"),
    ("organization", "Acme Curp Ltd"),
    ("organization", "Nova Gas LLC"),
]
QUERIES = [
    "Bob Ted Jones",
    "Vladimir Putni",
    "Владимир Путин",
    "Владимир Путтин",
    "Abdulrahman Al Bashir",
    "Abdul Rahman Bin Laden",
    "Muhamad Ali Hasan",
    "Mohammed Ali Hasan",
    "محمد علي",
    "Kim Jung Sik",
    "김정식",
    "유리 지르코프",
    "Vladimir Putin",
    "王小明",
    "Wang Xiao Ming",
    "Olaf Schloz",
    "IBRAIHM Fu'ad",
    "Bashar Al Assad",
    "Jo Si Ri",
    "Koti Curp",
    "Vessel 2 Shipping Co Ltd",
    "Vessel 12 Shipping Ltd",
    "SIAS TRADING JSC",
    "Acme Corp",
    "Nova Gaz Ltd",
    "J. S. Kim",
]


def _reference(
    matcher: NameMatcher, query: PreparedName, names: list[int], given: PreparedName | None
) -> tuple[list[list[float]], list[float], list[int]]:
    """(q_best, c_best, c_offsets) of ``token_best_arrays``, one pair at a time."""
    index = matcher.index
    options = token_options(query.tokens)
    known = {o.text: o.views for o in given.options} if given is not None else {}
    kind_of = {o.text: o.kind for o in given.options if o.mask & (o.mask - 1) == 0} if given else {}
    q_script = given.script if given is not None else None
    q_best = [[0.0] * len(names) for _ in query.tokens]
    c_best: list[float] = []
    c_offsets = [0]
    for column, name in enumerate(names):
        listed = matcher.prepared[name]
        c_tokens = [0.0] * len(listed.tokens)
        first_slot = int(index.slot_pointers[name])
        for slot in range(first_slot, int(index.slot_pointers[name + 1])):
            option = int(index.slot_option[slot])
            other_text = index.option_texts[option]
            span = int(index.slot_span[slot])
            first = int(index.slot_first[slot])
            slot_best = 0.0
            for text, mask in options:
                sim = _pair(index, text, mask, other_text, option, span, known, q_script, name)
                q_special = mask & (mask - 1) == 0 and kind_of.get(text, "word") in SPECIAL_KINDS
                slot_special = span == 1 and listed.kinds[first] in SPECIAL_KINDS
                if given is not None and (q_special or slot_special):
                    sim = 0.0
                sim = max(sim, _legal_pair(text, mask, other_text, span))
                if text == other_text:
                    sim = 100.0
                slot_best = max(slot_best, sim)
                for i in mask_bits(mask):
                    q_best[i][column] = max(q_best[i][column], sim)
            for k in range(span):
                c_tokens[first + k] = max(c_tokens[first + k], slot_best)
        c_best += c_tokens
        c_offsets.append(len(c_best))
    return q_best, c_best, c_offsets


def _pair(
    index: CandidateIndex,
    text: str,
    mask: int,
    other_text: str,
    option: int,
    span: int,
    known: dict[str, tuple[str, ...]],
    q_script: str | None,
    name: int,
) -> float:
    """A pair's similarity up to the compound rules (``CandidateIndex._pair_similarities``)."""
    q_compound = bool(mask & (mask - 1))
    either = q_compound or span > 1
    plain = other = 0.0
    if len(text) > scorer.EXACT_TOKEN_MAX_LEN and len(other_text) > scorer.EXACT_TOKEN_MAX_LEN:
        for v, view in enumerate(scorer.TOKEN_VIEWS):
            cutoff = max(scorer.MIN_TOKEN_SIMILARITY - (MAX_LIFT if v == 0 else 0.0), 0.0)
            shown = known[text][v] if text in known else view(text)
            ratio = fuzz.ratio(shown, index.view_texts[v][option], score_cutoff=cutoff)
            plain, other = (max(plain, ratio), other) if v == 0 else (plain, max(other, ratio))
    plain_only = syllabic = False
    readings: tuple[bool, bool] | None = None
    loose = True
    single_lift = MAX_LIFT
    if index.name_script is not None and q_script is not None:
        script = index.script_names[int(index.name_script[name])]
        plain_only = "CJK" in (q_script, script) or (bool(q_script) and script == q_script)
        syllabic = bool({q_script, script} & scorer.SYLLABIC_SCRIPTS)
        readings = (
            q_script in scorer.READING_SCRIPTS,
            script in scorer.READING_SCRIPTS,
        )
        loose = bool({q_script, script} & scorer.LOOSE_CONSONANT_SCRIPTS)
        latin = script == q_script == ""
        single_lift = scorer.MAX_SKELETON_LIFT if latin else scorer.CROSS_SCRIPT_MAX_LIFT
    guessed = readings is None or readings[0] or readings[1]
    reading = 0.0
    # A compound lifts further where the skeletons are equal (``other`` is the
    # skeleton's ratio here).
    long_enough = min(len(text), len(other_text)) >= scorer.COMPOUND_SKELETON_MIN_LETTERS
    compound_lift = (
        scorer.COMPOUND_SKELETON_LIFT if other >= 100 and long_enough else scorer.COMPOUND_MAX_LIFT
    )
    lift = compound_lift if either else single_lift
    # A reading counts where it can make a pair: within the lift of the plain ratio.
    reachable = plain + lift >= scorer.MIN_TOKEN_SIMILARITY
    if guessed and not plain_only and reachable and min(len(text), len(other_text)) > 2:
        # Across a reading of guessed vowels: two options of the same consonants
        # compared as a reading and a spelling.
        shown = known[text][1] if text in known else scorer.TOKEN_VIEWS[1](text)
        listed = index.view_texts[1][option]
        if scorer.consonants_agree(shown, listed, scorer.READING_MIN_CONSONANTS):
            if readings is None:
                reading = scorer.reading_similarity_bound(text, other_text)
            else:
                reading = scorer.reading_similarity(text, other_text, *readings)
    other = max(other, reading)
    long = min(len(text), len(other_text)) > scorer.EXACT_TOKEN_MAX_LEN
    if loose and not plain_only and long:
        # A script that writes fewer consonants: the loose skeletons.
        shown = known[text][1] if text in known else scorer.TOKEN_VIEWS[1](text)
        listed = index.view_texts[1][option]
        # The query under every sound (whatever its script), the listed option when
        # a name of a loose script has it.
        rights = (
            scorer.loose_skeletons(listed)
            if index._loose_named(np.asarray([option]))[0]
            else (scorer.loose_skeleton(listed),)
        )
        loose_ratio = max(
            fuzz.ratio(left, right) for left in scorer.loose_skeletons(shown) for right in rights
        )
        other = max(other, min(loose_ratio, scorer.LOOSE_MAX_SIMILARITY))
    sim = plain if plain_only else max(plain, min(other, plain + lift))
    sim = min(sim, scorer.MAX_VARIANT_SIMILARITY)
    if not q_compound:
        # two letters swapped, a nickname, a syllable's other romanisation
        sim = max(sim, scorer.related_similarity(text, other_text))
    short = max(len(text), len(other_text)) <= scorer.SHORT_TOKEN_LENGTH
    if short and sim < scorer.SHORT_PAIR_MIN_SIMILARITY:
        sim = 0.0
    if syllabic and sim < scorer.SYLLABLE_MIN_SIMILARITY:
        sim = 0.0
    if (q_compound and span > 1) or (either and sim < scorer.COMPOUND_MIN_SIMILARITY):
        sim = 0.0
    return sim


def _legal_pair(text: str, mask: int, other_text: str, span: int) -> float:
    """``LEGAL_PAIR_SIMILARITY`` for a short word and a legal form it reads as, else 0."""
    if mask & (mask - 1) or span != 1:
        return 0.0
    kind, other_kind = token_kind(text), token_kind(other_text)
    short = 2 <= len(other_text) <= scorer.LEGAL_PAIR_MAX_LENGTH
    if kind == "legal" and short and other_kind == "word":
        reads = text in scorer.legal_forms_read_as(other_text)
    elif kind == "word" and len(text) <= scorer.LEGAL_PAIR_MAX_LENGTH:
        reads = other_text in scorer.legal_forms_read_as(text)
    else:
        reads = False
    return scorer.LEGAL_PAIR_SIMILARITY if reads else 0.0


def test_batched_token_bests_equal_every_rule_pair_by_pair() -> None:
    matcher = NameMatcher(
        [Entry(f"E{i}", kind, text, (), LISTING) for i, (kind, text) in enumerate(LISTED)]
    )
    rng = random.Random(3)
    everyone = list(range(len(matcher)))
    asked: list[tuple[PreparedName, list[int], PreparedName | None]] = []
    for number, text in enumerate(QUERIES):
        query = prepare_name(text)
        asked.append((query, everyone, query))
        asked.append((query, sorted(rng.sample(everyone, 3)), query))
        asked.append((query, everyone, None if number % 2 else query))
    batched = matcher.index.token_best_arrays_many([(q.tokens, n, g) for q, n, g in asked])
    for (query, names, given), arrays in zip(asked, batched, strict=True):
        expected = _reference(matcher, query, names, given)
        single = matcher.index.token_best_arrays(query.tokens, names, given)
        for got in (arrays, single):
            assert got[0].tolist() == expected[0], (query.original, names, given is None)
            assert got[1].tolist() == expected[1], (query.original, names, given is None)
            assert got[2].tolist() == expected[2]
    # The data does exercise the rules: pairs at the legal-pair similarity, swapped
    # letters, equal texts and zeroed pairs.
    values = np.concatenate([a[0].ravel() for a in batched])
    assert scorer.LEGAL_PAIR_SIMILARITY in values and 100.0 in values and 0.0 in values
    assert scorer.NICKNAME_SIMILARITY in values
