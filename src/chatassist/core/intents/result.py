"""What intent detection returns: plain, immutable data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

LEXICON = "lexicon"
PHRASEBOOK = "phrasebook"
WORD = "lexicon-word"
QUESTION = "question"
LEARNT = "learnt"


class Urgency(IntEnum):
    """Message-level urgency, independent of which scenarios matched.

    ELEVATED: the customer presses ("urgent", "asap", "!!!").
    HIGH: a threat (chargeback, lawyer, bad review, authorities) or a safety word.
    """

    NONE = 0
    ELEVATED = 1
    HIGH = 2


@dataclass(frozen=True)
class Evidence:
    """One cue or keyword that matched.

    ``source`` is "lexicon" (the cue lexicon), "lexicon-word" (a single word
    of lexicon cues that mostly belongs to this scenario: weak back-off
    evidence), "phrasebook" (an entry's keywords, ``entry_id`` names one
    entry that lists it) or "question" (nothing matched in a question: the
    product-question guess, ``text`` the question mark or ending) or "learnt" (the
    word-part model learnt from labelled messages, ``text`` the parts that spoke most
    for the scenario, ``weight`` its posterior); ``text`` is the cue
    as written; ``matched`` the part of the normalised message it covered;
    ``weight`` what it added to the scenario's raw score.
    """

    text: str
    source: str
    language: str
    weight: float
    matched: str = ""
    entry_id: str | None = None


@dataclass(frozen=True)
class ScenarioMatch:
    """A scenario the message expresses.

    ``score`` is in 0..1: ``1 - exp(-raw)`` where ``raw`` sums the evidence
    weights (one full-weight cue ~ 0.63, two ~ 0.86). ``urgent`` is the
    scenario's flag from the taxonomy.
    """

    id: str
    score: float
    urgent: bool
    evidence: tuple[Evidence, ...]
    raw: float = 0.0


@dataclass(frozen=True)
class IntentResult:
    """Scenarios best first; empty when no intent was recognised."""

    text: str
    scenarios: tuple[ScenarioMatch, ...]
    urgency: Urgency = Urgency.NONE
    urgency_evidence: tuple[str, ...] = ()

    @property
    def primary(self) -> ScenarioMatch | None:
        return self.scenarios[0] if self.scenarios else None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.scenarios)

    @property
    def urgent(self) -> bool:
        """True when the message presses or threatens, or an urgent scenario leads."""
        primary = self.primary
        return self.urgency > Urgency.NONE or bool(primary and primary.urgent)
