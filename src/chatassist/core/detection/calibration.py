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
#: Fitted on the tuning half of /work/shared/eval/langid/testset.tsv (refitted for the
#: word-frequency voter, issue 12).
CALIBRATION: tuple[tuple[float, float], ...] = (
    (0.0, 0.1538), (0.272069, 0.1731), (0.353649, 0.2885), (0.419043, 0.402),
    (0.506217, 0.4608), (0.537569, 0.4773), (0.640931, 0.5594), (0.695926, 0.6108),
    (0.822476, 0.6746), (0.892589, 0.6923), (0.901478, 0.7451), (0.921365, 0.7723),
    (0.954925, 0.7843), (0.965434, 0.802), (0.980169, 0.8684), (0.98719, 0.8824),
    (0.99058, 0.9378), (0.997115, 0.9608), (0.997746, 0.9768), (0.9999, 0.9768),
    (0.99991, 0.9868), (0.999942, 0.9915), (0.999982, 0.9943), (0.999998, 0.9989),
    (1.0, 0.9997),
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
