"""The learning of the transcription table (``benchmarks/train_transcriptions.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import train_transcriptions as train

from sanctions_cli.names.transcribed import HANGUL, KATAKANA, units


def test_a_fifth_is_held_out_the_same_way_every_time() -> None:
    words = [f"name{i}" for i in range(10_000)]
    held = [w for w in words if train.held_out(w)]
    assert 0.18 < len(held) / len(words) < 0.22
    assert held == [w for w in words if train.held_out(w)]


def test_a_word_aligns_a_spelling_to_each_unit() -> None:
    names = [[(units("トランプ", KATAKANA), "trump")]]
    weights = train.initial_weights(names)
    found = train.align(units("トランプ", KATAKANA), "trump", weights)
    assert found is not None
    _score, spelled = found
    assert "".join(spelled) == "trump"
    assert len(spelled) == 4
    assert all(len(piece) <= train.MAX_SPELLING for piece in spelled)
    assert spelled[0].startswith("t")  # anyascii's "to" is the start


def test_a_word_too_long_for_its_units_does_not_align() -> None:
    assert train.align(["ト"], "toooooo", {}) is None


def test_em_learns_a_unit_that_writes_nothing() -> None:
    # ー (the long-vowel mark) spells no letter: after a round it aligns with none.
    names = [
        [(units(word, KATAKANA), latin)]
        for word, latin in (("ピーター", "peter"), ("リー", "lee"), ("ルーカス", "lucas"))
    ] * 3
    weights = train.initial_weights(names)
    for _round in range(3):
        aligned = [pair for name in names for pair in (train.align_name(name, weights) or [])]
        weights = train.estimate(aligned)
    assert max(weights["ー"].items(), key=lambda kv: kv[1])[0] in ("", "e")


def test_a_name_of_two_words_may_be_written_in_the_other_order() -> None:
    # Japanese names in Hangul put the surname first: 후지이 리나, Lena Fujii.
    name = [(units("후지이", HANGUL), "lena"), (units("리나", HANGUL), "fujii")]
    weights = train.initial_weights([name])
    aligned = train.align_name(name, weights)
    assert aligned is not None
    assert ["".join(spelled) for _cut, spelled in aligned] == ["fujii", "lena"]


def test_the_letters_are_counted_after_each_context() -> None:
    counts = train.letter_counts(["ab"])
    assert counts["^"] == {"a": 1}
    assert counts["^a"] == {"b": 1}
    assert counts["ab"] == {"$": 1}
    assert counts[""] == {"a": 1, "b": 1, "$": 1}
