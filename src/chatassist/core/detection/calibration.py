"""Turn the detector's raw probability into an honest confidence.

A softmax over model scores is over-confident on short texts. The mapping
here is a monotone step function (isotonic regression) from raw probability
to the share of answers that were right, fitted by ``bench/langid_eval.py
--fit`` on one half of the evaluation set (the other half is held out) and
pasted below. `fit_isotonic` is the fitting code, kept beside its output.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

#: (raw probability lower bound, calibrated confidence), ascending.
#: Fitted on the tuning half of /work/shared/eval/langid/testset.tsv.
CALIBRATION: tuple[tuple[float, float], ...] = (
    (0.0, 0.1176), (0.148178, 0.3077), (0.164241, 0.3077), (0.2244, 0.3609),
    (0.30737, 0.5022), (0.424239, 0.5813), (0.55278, 0.6275), (0.566596, 0.6645),
    (0.592393, 0.6821), (0.650721, 0.75), (0.661495, 0.7659), (0.711175, 0.8077),
    (0.724518, 0.8269), (0.735715, 0.8431), (0.757246, 0.8553), (0.789202, 0.8684),
    (0.821041, 0.9008), (0.863367, 0.9585), (0.942029, 0.9762), (0.963261, 0.9841),
    (0.977785, 0.9901), (0.988124, 0.9921), (0.992852, 0.9943), (0.996907, 0.9986),
    (0.999913, 0.9997),
)  # fmt: skip

#: Below this calibrated confidence an answer is flagged `uncertain`.
UNCERTAIN_BELOW = 0.9


def calibrate(raw: float, table: Sequence[tuple[float, float]] = CALIBRATION) -> float:
    """The calibrated confidence for a raw probability (0..1)."""
    bounds = [b for b, _ in table]
    i = bisect_right(bounds, raw) - 1
    return table[max(i, 0)][1]


def fit_isotonic(
    pairs: Sequence[tuple[float, bool]], min_bin: int = 50
) -> list[tuple[float, float]]:
    """Pool-adjacent-violators fit of P(right | raw probability).

    ``pairs`` are (raw probability, answer was right). Returns a step table for
    `calibrate`; each step holds at least ``min_bin`` answers, and its value
    is shrunk slightly towards 0.5 (one virtual right and one wrong answer)
    so that no step claims 100 %.
    """
    ordered = sorted(pairs)
    # Start from bins of min_bin answers, then merge violators.
    blocks: list[list[float]] = []  # [lower bound, rights, count]
    for start in range(0, len(ordered), min_bin):
        chunk = ordered[start : start + min_bin]
        blocks.append([chunk[0][0], float(sum(ok for _, ok in chunk)), float(len(chunk))])
    merged: list[list[float]] = []
    for block in blocks:
        merged.append(block)
        while len(merged) > 1 and _rate(merged[-2]) >= _rate(merged[-1]):
            last = merged.pop()
            merged[-1][1] += last[1]
            merged[-1][2] += last[2]
    table: list[tuple[float, float]] = []
    best = 0.0
    for i, (lower, rights, count) in enumerate(merged):
        best = max(best, (rights + 1) / (count + 2))  # smoothing may undo monotony
        table.append((0.0 if i == 0 else round(lower, 6), round(best, 4)))
    return table


def _rate(block: list[float]) -> float:
    return block[1] / block[2]
