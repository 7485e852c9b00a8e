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
    (0.0, 0.1733), (0.29582, 0.2451), (0.337598, 0.375), (0.386188, 0.4231),
    (0.402582, 0.4484), (0.483821, 0.5), (0.49416, 0.5598), (0.579162, 0.5987),
    (0.604055, 0.602), (0.682951, 0.6346), (0.694961, 0.6683), (0.738844, 0.7285),
    (0.80318, 0.7451), (0.823683, 0.8235), (0.847233, 0.8465), (0.882242, 0.8841),
    (0.925556, 0.9356), (0.945748, 0.9484), (0.965098, 0.951), (0.970802, 0.9761),
    (0.989059, 0.9761), (0.99161, 0.9855), (0.996986, 0.9956), (0.998569, 0.9976),
    (0.999928, 0.9997),
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
