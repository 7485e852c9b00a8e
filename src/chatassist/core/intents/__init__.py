"""Scenario (intent) detection: which of the 23 scenarios a customer message expresses.

Pure Python, no Qt, no database. Typical use::

    lexicon = load_lexicon(path)
    examples = load_examples([folder])  # labelled messages, optional
    model = WordPartModel.from_lexicon(lexicon, [(e.scenarios, e.text) for e in examples])
    detector = IntentDetector.build(lexicon, entries, model)
    result = detector.detect("wheres my order??", language="en")
    result.primary.id  # "order_status"
"""

from chatassist.core.intents.detector import IntentDetector
from chatassist.core.intents.lexicon import (
    Cue,
    CueLexicon,
    LexiconInvalid,
    load_lexicon,
    parse_lexicon,
)
from chatassist.core.intents.normalize import normalize
from chatassist.core.intents.result import Evidence, IntentResult, ScenarioMatch, Urgency

LEXICON_FILE = "intent_cues.yaml"

__all__ = [
    "LEXICON_FILE",
    "Cue",
    "CueLexicon",
    "Evidence",
    "IntentDetector",
    "IntentResult",
    "LexiconInvalid",
    "ScenarioMatch",
    "Urgency",
    "load_lexicon",
    "normalize",
    "parse_lexicon",
]
