"""The product-level gate: primary scenario of the shared development set."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.intents import IntentDetector

DEV = Path("/work/shared/eval/intents/dev.tsv")


@pytest.mark.skipif(not DEV.is_file(), reason="evaluation set not present")
def test_dev_set_top1_and_top3(full_detector: IntentDetector) -> None:
    rows = [
        line.split("\t", 2) for line in DEV.read_text(encoding="utf-8").splitlines()[1:] if line
    ]
    top1 = top3 = 0
    for _language, ids, text in rows:
        primary = ids.split(",")[0]
        got = full_detector.detect(text).ids
        top1 += got[:1] == (primary,)
        top3 += primary in got[:3]
    assert top1 / len(rows) >= 0.80
    assert top3 / len(rows) >= 0.92
