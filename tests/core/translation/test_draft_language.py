"""The language of the agent's draft: chosen, detected, or the agent's own."""

from __future__ import annotations

import pytest

from chatassist.core.detection import Candidate, Detection
from chatassist.core.translation import UnsupportedLanguageError
from chatassist.core.translation.draft_language import draft_language


def detection(language: str, uncertain: bool = False, *others: str) -> Detection:
    candidates = (Candidate(language, 0.6), *(Candidate(o, 0.2) for o in others))
    return Detection(language, 0.6, uncertain, candidates)


def test_a_clear_detection_decides_even_when_it_is_not_the_agent_language() -> None:
    result = draft_language(detection("en"), "zh-Hans")
    assert (result.language, result.how) == ("en", "detected") and result.detected


def test_the_agent_choice_wins() -> None:
    assert draft_language(detection("en"), "zh-Hans", "es").how == "chosen"
    assert draft_language(None, "zh-Hans", "es").language == "es"
    with pytest.raises(UnsupportedLanguageError):
        draft_language(None, "zh-Hans", "xx")


def test_unknown_or_unsure_short_drafts_count_as_the_agent_language() -> None:
    assert draft_language(None, "zh-Hans").language == "zh-Hans"
    assert draft_language(Detection("und", 0.0, True), "en").how == "assumed"
    unsure = detection("nl", True, "en")
    assert (draft_language(unsure, "en").language, draft_language(unsure, "en").how) == (
        "en",
        "assumed",
    )
    # Unsure, but the agent's language is not even a candidate: take the detection.
    assert draft_language(detection("es", True, "pt"), "zh-Hans").language == "es"
