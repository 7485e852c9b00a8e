"""The labelled intent sets of bench/data stay as good as measured (issue 12).

Scored as ``bench/intents_eval.py`` scores them (cues + the bundled phrasebooks'
keywords, no language hint): top-1 / top-3 over the messages that have a
scenario, false chips over all (a message showing a scenario its label does not
contain; a ``none`` message showing any). Floors sit a little under the figures
in docs/benchmarks.md, so a cue or rule change that loses ground fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.intents import IntentDetector

DATA = Path(__file__).resolve().parents[3] / "bench" / "data"


def score(detector: IntentDetector, name: str) -> tuple[float, float, float, list[str]]:
    rows = [
        line.split("\t", 2)
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()[1:]
        if line.strip()
    ]
    top1 = top3 = labelled = false_chips = 0
    misses = []
    for _language, labels, text in rows:
        wanted = labels.split(",")
        got = detector.detect(text).ids
        if wanted == ["none"]:
            false_chips += bool(got)
            continue
        labelled += 1
        top1 += got[:1] == (wanted[0],)
        top3 += wanted[0] in got[:3]
        false_chips += any(g not in wanted for g in got)
        if got[:1] != (wanted[0],):
            misses.append(f"{wanted[0]} got {got[:3]}: {text}")
    return 100 * top1 / labelled, 100 * top3 / labelled, 100 * false_chips / len(rows), misses


@pytest.mark.parametrize(
    ("name", "top1_floor", "top3_floor", "false_chip_ceiling"),
    [
        # (measured 2026-12-07, sixth round: top-1 / top-3 / false chips %)
        ("intents_fresh.tsv", 98.0, 99.0, 4.0),  # 99.0 / 99.5 / 2.0
        ("intents_fresh2.tsv", 98.0, 98.0, 4.0),  # 99.2 / 99.2 / 2.5
        ("intents_fresh3.tsv", 96.0, 97.5, 4.0),  # 97.6 / 98.3 / 1.9
        # tuned on in the fifth round; its blind first pass was 90.3 / 93.3 / 15.6
        ("intents_fresh4.tsv", 97.0, 98.5, 6.0),  # 98.0 / 99.3 / 4.4
        # tuned on in the sixth round; its blind first pass was 93.7 / 94.3 / 7.2
        ("intents_fresh5.tsv", 97.5, 98.5, 4.0),  # 98.7 / 99.0 / 2.5
        # held out: written before the sixth round, scored on its aggregates only (main
        # before the round 90.8 / 92.6 / 9.5); none of its misses were read
        ("intents_fresh6.tsv", 91.5, 93.5, 9.0),  # 92.6 / 94.2 / 8.2
        ("intents_holdout.tsv", 97.5, 97.5, 10.5),  # 100 / 100 / 9.1
        ("intents_tune.tsv", 99.2, 99.5, 1.5),  # 99.7 / 99.8 / 1.0
        # the sixth round's own tune batches, one file per engineer
        ("intents_tune_tunewest.tsv", 99.0, 99.5, 3.5),  # 100 / 100 / 2.2
        ("intents_tune_tuneeast.tsv", 98.5, 99.5, 3.5),  # 99.4 / 100 / 2.1
        # batch D (40 messages) was scored but not tuned on
        ("intents_tune_tunecjk.tsv", 92.5, 93.5, 8.5),  # 93.6 / 94.3 / 7.5
    ],
)
def test_intent_regression_set(
    full_detector: IntentDetector,
    name: str,
    top1_floor: float,
    top3_floor: float,
    false_chip_ceiling: float,
) -> None:
    top1, top3, false_chips, misses = score(full_detector, name)
    assert top1 >= top1_floor, (top1, misses)
    assert top3 >= top3_floor, (top3, misses)
    assert false_chips <= false_chip_ceiling, false_chips
