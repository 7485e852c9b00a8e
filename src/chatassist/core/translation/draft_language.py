"""Which language the agent's draft is written in (Compose routes from it).

The draft's own language decides the route, not the agent's interface language:
an agent whose interface is Chinese may write in English, and an English draft
for an English customer needs no translation at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from chatassist.core.detection.result import Detection
from chatassist.core.translation.codes import check_language


@dataclass(frozen=True)
class DraftLanguage:
    """The language a draft is taken to be in, and how it was decided.

    ``how`` is ``chosen`` (set by the agent), ``detected`` (the detector was sure
    enough), or ``assumed`` (no clear answer: the agent's own language).
    """

    language: str
    how: str

    @property
    def detected(self) -> bool:
        return self.how == "detected"


def draft_language(
    detection: Detection | None, agent_language: str, chosen: str | None = None
) -> DraftLanguage:
    """The draft's language: ``chosen`` when the agent set one; else the detected
    language, unless detection is unknown, or unsure while the agent's own language
    is among its candidates (short drafts like "OK" then count as the agent's)."""
    if chosen:
        return DraftLanguage(check_language(chosen), "chosen")
    check_language(agent_language)
    if detection is None or detection.is_unknown:
        return DraftLanguage(agent_language, "assumed")
    if detection.uncertain:
        candidates = {c.language for c in detection.candidates} | {detection.language}
        if agent_language in candidates:
            return DraftLanguage(agent_language, "assumed")
    return DraftLanguage(detection.language, "detected")
