"""What a language detection returns.

A `Detection` always names one of the customer languages of
`chatassist.core.languages`, or `UNKNOWN_LANGUAGE` when the message holds no
text to judge (only numbers, emoji, links...). Callers never get a language
outside that set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chatassist.core.languages import language_name

#: The language code of a message with nothing to detect ("12345 👍").
UNKNOWN_LANGUAGE = "und"


@dataclass(frozen=True)
class Candidate:
    """One ranked language with its calibrated probability (0..1)."""

    language: str
    confidence: float


@dataclass(frozen=True)
class Detection:
    """The detector's answer for one message.

    `confidence` estimates the probability that `language` is right (the
    exact code; for Chinese the simplified/traditional variant may still be a
    guess). `uncertain` is True when an agent should not rely on it; it is
    always True for an unknown result. `ambiguous_with` lists languages the
    detector cannot tell apart from `language` on this text (Indonesian and
    Malay, or a chat word several languages share: "hallo" is de and nl),
    even when the group itself is certain; the conversation decides.
    `candidates` are ranked, best first, the first one being `language`.
    """

    language: str
    confidence: float
    uncertain: bool
    candidates: tuple[Candidate, ...] = ()
    ambiguous_with: tuple[str, ...] = ()
    script: str = ""  # dominant script of the cleaned text (Latn, Cyrl, Hani...)
    cleaned_text: str = field(default="", repr=False)

    @property
    def is_unknown(self) -> bool:
        return self.language == UNKNOWN_LANGUAGE

    @property
    def language_name(self) -> str:
        return "unknown" if self.is_unknown else language_name(self.language)

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of ``chatassist detect --json`` (see docs/cli.md)."""
        return {
            "language": self.language,
            "confidence": round(self.confidence, 4),
            "uncertain": self.uncertain,
            "ambiguous_with": list(self.ambiguous_with),
            "candidates": [
                {"language": c.language, "confidence": round(c.confidence, 4)}
                for c in self.candidates
            ],
        }


def unknown_detection(cleaned_text: str = "") -> Detection:
    """The result for a message with no letters left after cleaning."""
    return Detection(
        language=UNKNOWN_LANGUAGE,
        confidence=0.0,
        uncertain=True,
        candidates=(),
        cleaned_text=cleaned_text,
    )
