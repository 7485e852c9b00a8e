"""The labelled intent sets stay as good as measured (issue 12).

Scored as ``bench/intents_eval.py`` scores them (cues + the bundled phrasebooks'
keywords + the word-part model, no language hint): top-1 / top-3 over the messages
that have a scenario, false chips over all (a message showing a scenario its label
does not contain; a ``none`` message showing any). Floors sit a little under the
figures in docs/benchmarks.md, so a cue, rule or model change that loses ground fails.

Two kinds of sets: the labelled examples of ``resources/intent_examples`` are what the
model learns from (and what earlier cue rounds were tuned on), so their floors guard
against breaking what was learnt; the held-out sets of ``bench/data`` were never
trained or tuned on (scored on aggregates only), so theirs are the honest figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.intents import IntentDetector

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "resources" / "intent_examples"
HELD_OUT = ROOT / "bench" / "data"


def score(detector: IntentDetector, name: Path) -> tuple[float, float, float, list[str]]:
    rows = [
        line.split("\t", 2)
        for line in name.read_text(encoding="utf-8").splitlines()[1:]
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
    n = max(labelled, 1)
    return 100 * top1 / n, 100 * top3 / n, 100 * false_chips / len(rows), misses


@pytest.mark.parametrize(
    ("path", "top1_floor", "top3_floor", "false_chip_ceiling"),
    [
        # held out (measured 2026-12-08 with the model: top-1 / top-3 / false chips %)
        (HELD_OUT / "intents_fresh7.tsv", 91.5, 95.5, 8.5),  # 93.4 / 97.1 / 7.0
        (HELD_OUT / "intents_fresh8.tsv", 93.5, 96.0, 11.0),  # 95.0 / 97.9 / 9.5
        (HELD_OUT / "intents_fresh9.tsv", 94.0, 96.0, 7.0),  # 95.5 / 97.6 / 5.5
        (HELD_OUT / "intents_fresh10.tsv", 93.5, 96.5, 8.0),  # 95.3 / 98.4 / 6.5
        # learnt from (and the cue rounds were tuned on the older ones)
        (EXAMPLES / "fresh1.tsv", 98.5, 99.0, 2.0),  # 100 / 100 / 0.5
        (EXAMPLES / "fresh2.tsv", 98.0, 98.5, 2.5),  # 99.2 / 100 / 0.8
        (EXAMPLES / "fresh3.tsv", 96.5, 98.0, 2.5),  # 97.9 / 98.6 / 1.0
        (EXAMPLES / "fresh4.tsv", 97.0, 98.5, 3.0),  # 98.3 / 100 / 1.6
        (EXAMPLES / "fresh5.tsv", 97.5, 98.5, 2.5),  # 99.0 / 100 / 0.9
        (EXAMPLES / "fresh6.tsv", 95.0, 98.0, 5.0),  # 96.3 / 99.2 / 3.2
        (EXAMPLES / "holdout.tsv", 98.5, 98.5, 1.5),  # 100 / 100 / 0.0
        (EXAMPLES / "none_chat.tsv", 0.0, 0.0, 3.5),  # no-request chat: chips on 1.7 %
        (EXAMPLES / "train_a.tsv", 92.5, 96.0, 6.0),  # 94.4 / 97.7 / 4.5
        (EXAMPLES / "train_b.tsv", 95.5, 97.0, 4.5),  # 97.1 / 98.7 / 2.8
        (EXAMPLES / "train_c.tsv", 88.0, 96.5, 13.5),  # 89.7 / 98.2 / 12.0
        (EXAMPLES / "train_d.tsv", 93.5, 96.0, 3.5),  # 95.3 / 97.5 / 2.0
        (EXAMPLES / "train_e.tsv", 92.0, 96.5, 4.5),  # 93.5 / 98.0 / 3.0
        (EXAMPLES / "train_f.tsv", 61.0, 80.5, 6.5),  # 62.5 / 82.2 / 4.8
        (EXAMPLES / "train_g.tsv", 84.0, 90.0, 13.5),  # 85.8 / 91.5 / 12.0
        (EXAMPLES / "train_h.tsv", 0.0, 0.0, 4.5),  # no-request chat: chips on 2.8 %
        (EXAMPLES / "train_i.tsv", 93.5, 95.5, 5.5),  # 95.0 / 97.2 / 3.8
        (EXAMPLES / "train_j.tsv", 80.0, 95.0, 16.0),  # 81.8 / 96.5 / 14.5
        (EXAMPLES / "train_k.tsv", 95.0, 97.0, 11.0),  # 96.6 / 98.9 / 9.5
        (EXAMPLES / "train_l.tsv", 94.0, 97.0, 8.0),  # 95.5 / 98.7 / 6.5
        (EXAMPLES / "train_m.tsv", 0.0, 0.0, 14.5),  # no-request chat: chips on 13.0 %
        (EXAMPLES / "train_n.tsv", 90.0, 96.0, 9.5),  # 91.8 / 97.8 / 8.0
        (EXAMPLES / "train_o.tsv", 96.0, 97.0, 3.5),  # 97.9 / 98.7 / 2.0
        (EXAMPLES / "train_p.tsv", 91.0, 97.0, 8.5),  # 92.6 / 98.7 / 6.8
        (EXAMPLES / "train_q.tsv", 94.0, 97.0, 9.5),  # 95.5 / 98.7 / 7.8
        (EXAMPLES / "train_r.tsv", 93.0, 96.0, 8.5),  # 94.7 / 97.6 / 6.8
        (EXAMPLES / "train_s.tsv", 94.0, 96.5, 11.0),  # 95.8 / 98.2 / 9.2
        (EXAMPLES / "train_t.tsv", 81.5, 83.5, 7.5),  # 83.2 / 85.2 / 6.0
        (EXAMPLES / "train_u.tsv", 78.5, 85.0, 14.5),  # 80.0 / 86.5 / 12.8
        (EXAMPLES / "train_v.tsv", 90.0, 95.0, 7.5),  # 91.5 / 96.8 / 5.8
        (EXAMPLES / "tune.tsv", 99.2, 99.5, 1.5),  # 99.8 / 99.9 / 0.4
        (EXAMPLES / "tune_cjk.tsv", 94.5, 97.5, 5.5),  # 96.4 / 99.3 / 3.8
        (EXAMPLES / "tune_east.tsv", 98.5, 99.5, 1.5),  # 99.4 / 100 / 0.0
        (EXAMPLES / "tune_west.tsv", 99.0, 99.5, 1.5),  # 100 / 100 / 0.0
    ],
    ids=lambda p: p.name if isinstance(p, Path) else None,
)
def test_intent_regression_set(
    full_detector: IntentDetector,
    path: Path,
    top1_floor: float,
    top3_floor: float,
    false_chip_ceiling: float,
) -> None:
    top1, top3, false_chips, misses = score(full_detector, path)
    assert top1 >= top1_floor, (top1, misses)
    assert top3 >= top3_floor, (top3, misses)
    assert false_chips <= false_chip_ceiling, false_chips
