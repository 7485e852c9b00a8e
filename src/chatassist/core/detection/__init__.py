"""Language detection for customer messages (issue 7).

Importing this package loads no model: build a `LanguageDetector` (cheap),
call `warm_up()` off the UI thread, then `detect(text)`.
"""

from chatassist.core.detection.conversation import ConversationLanguage
from chatassist.core.detection.detector import LanguageDetector, Tuning
from chatassist.core.detection.result import UNKNOWN_LANGUAGE, Candidate, Detection

__all__ = [
    "UNKNOWN_LANGUAGE",
    "Candidate",
    "ConversationLanguage",
    "Detection",
    "LanguageDetector",
    "Tuning",
]
