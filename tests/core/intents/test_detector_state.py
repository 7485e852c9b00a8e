"""A detector rebuilt from its persisted state answers exactly as the one it was taken
from (the suggestion index keeps it between starts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chatassist.core.intents import IntentDetector

FRESH = Path(__file__).parent / "examples_fresh.tsv"


def test_the_state_round_trip_answers_every_message_the_same(
    full_detector: IntentDetector,
) -> None:
    state = json.loads(json.dumps(full_detector.to_state(), ensure_ascii=False))
    again = IntentDetector.from_state(state)
    assert again.pattern_count == full_detector.pattern_count
    for line in FRESH.read_text(encoding="utf-8").splitlines()[1:]:
        language, _, text = line.split("\t", 2)
        assert again.detect(text, language) == full_detector.detect(text, language), text


def test_a_state_of_another_shape_is_refused(full_detector: IntentDetector) -> None:
    state = full_detector.to_state()
    state["targets"] = state["targets"][:-1]
    with pytest.raises(ValueError):
        IntentDetector.from_state(state)
    with pytest.raises(KeyError):
        IntentDetector.from_state({"targets": []})
