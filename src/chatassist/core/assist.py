"""From a customer message to ranked suggestions: the pipeline the sidebar and
``chatassist suggest`` share.

message -> language (detection, conversation memory, or the agent's pin)
        -> region and tone (agent's country, else the language's default)
        -> scenarios (intent detection)
        -> ranked replies and region notes
        -> the playbook: offers by customer value first (with the rule that
           fired), "likely next" hints with a prepared reply
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chatassist.core.detection import ConversationLanguage, Detection, LanguageDetector
from chatassist.core.intents import IntentDetector, IntentResult
from chatassist.core.phrasebook.model import Entry
from chatassist.core.playbook.likely_next import LikelyNext, LikelyNextHints
from chatassist.core.playbook.money import Money
from chatassist.core.playbook.offer_rules import OfferRules
from chatassist.core.playbook.situation import Situation
from chatassist.core.regions import RegionChoice, RegionConfig
from chatassist.core.suggestions import (
    CustomerProfile,
    OfferReason,
    Suggestion,
    SuggestionEngine,
    gloss_for,
    offers_first,
)
from chatassist.core.tones import SEGMENTS, TONES
from chatassist.errors import UsageError

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class CustomerContext:
    """What the agent knows or decided about the current customer."""

    country: str | None = None
    segment: str | None = None
    language: str | None = None  # pinned by the agent
    region: str | None = None  # overrides the region from country/language
    tone: str | None = None  # overrides the region's tone
    order_value: Money | None = None  # of the order in question, as the agent entered it
    year_spend: Money | None = None  # what the customer spent in the last 12 months
    order_age_days: int | None = None  # days since that order was placed

    def __post_init__(self) -> None:
        if self.order_age_days is not None and self.order_age_days < 0:
            raise UsageError(f"order age {self.order_age_days} days: must be 0 or more")
        if self.segment is not None and self.segment not in SEGMENTS:
            raise UsageError(f"unknown segment '{self.segment}' (known: {', '.join(SEGMENTS)})")
        if self.tone is not None and self.tone not in TONES:
            raise UsageError(f"unknown tone '{self.tone}' (known: {', '.join(TONES)})")
        if self.country is not None and (len(self.country) != 2 or not self.country.isalpha()):
            raise UsageError(f"country '{self.country}' must be a two-letter ISO code such as JP")


@dataclass(frozen=True)
class Analysis:
    text: str
    detection: Detection
    language: str
    language_source: str  # "detected", "conversation", "pinned" or "default"
    region: RegionChoice
    tone: str
    tone_source: str  # "region" or "agent"
    intents: IntentResult
    suggestions: tuple[Suggestion, ...]
    notes: tuple[Entry, ...] = field(default=())
    agent_language: str = "zh-Hans"
    likely_next: tuple[LikelyNextReply, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "detection": self.detection.to_dict(),
            "language": self.language,
            "language_source": self.language_source,
            "region": {
                "id": self.region.region.id,
                "country": self.region.country,
                "guessed": self.region.guessed,
                "reason": self.region.reason,
            },
            "tone": self.tone,
            "tone_source": self.tone_source,
            "urgent": self.intents.urgency,
            "scenarios": [
                {
                    "id": m.id,
                    "score": round(m.score, 4),
                    "urgent": m.urgent,
                    "evidence": [
                        {
                            "text": e.text,
                            "source": e.source,
                            "language": e.language,
                            "entry_id": e.entry_id,
                        }
                        for e in m.evidence
                    ],
                }
                for m in self.intents.scenarios
            ],
            "suggestions": [s.to_json() for s in self.suggestions],
            "notes": [
                {
                    "entry_id": n.id,
                    "gloss": gloss_for(n, self.agent_language),
                    "body": n.body.get(self.agent_language) or n.body.get("en", ""),
                }
                for n in self.notes
            ],
            "likely_next": [n.to_json() for n in self.likely_next],
        }


@dataclass(frozen=True)
class LikelyNextReply:
    """A hidden-intent hint and its prepared reply (None when the library lacks it)."""

    hint: LikelyNext
    suggestion: Suggestion | None

    def to_json(self) -> dict[str, Any]:
        return {
            "hint": self.hint.hint,
            "scenario": self.hint.scenario,
            "note": self.hint.note,
            "reason": self.hint.reason,
            "suggestion": self.suggestion.to_json() if self.suggestion else None,
        }


class Assistant:
    def __init__(
        self,
        detector: LanguageDetector,
        intents: IntentDetector,
        engine: SuggestionEngine,
        regions: RegionConfig,
        offers: OfferRules | None = None,
        hints: LikelyNextHints | None = None,
    ) -> None:
        self.detector = detector
        self.intents = intents
        self.engine = engine
        self.regions = regions
        self.offers = offers
        self.hints = hints

    def analyze(
        self,
        text: str,
        customer: CustomerContext | None = None,
        *,
        conversation: ConversationLanguage | None = None,
        agent_language: str = "zh-Hans",
        limit: int = 5,
    ) -> Analysis:
        customer = customer or CustomerContext()
        detection = self.detector.detect(text)
        if customer.language:
            language, source = customer.language, "pinned"
        elif conversation is not None:
            conversation.observe(detection)
            language = conversation.language or DEFAULT_LANGUAGE
            source = "conversation" if conversation.language else "default"
            if conversation.language == detection.language:
                source = "detected"
        elif not detection.is_unknown:
            language, source = detection.language, "detected"
        else:
            language, source = DEFAULT_LANGUAGE, "default"
        choice = self.regions.choose(language, customer.country)
        if customer.region:
            region = self.regions.region(customer.region)
            choice = RegionChoice(
                region, choice.country, False, f"region {region.id} set by the agent"
            )
        tone, tone_source = (customer.tone, "agent") if customer.tone else (choice.tone, "region")
        intents = self.intents.detect(text, language)
        scenarios = [(m.id, m.score) for m in intents.scenarios]
        profile = CustomerProfile(
            language=language, tone=tone, region=choice.region.id, segment=customer.segment
        )
        suggestions = self.engine.suggest(
            scenarios, profile, agent_language=agent_language, limit=limit
        )
        notes = self.engine.notes(scenarios, choice.region.id)
        situation = Situation(
            scenarios=tuple(scenarios),
            segment=customer.segment,
            region=choice.region.id,
            order_value=customer.order_value,
            year_spend=customer.year_spend,
            order_age_days=customer.order_age_days,
            text=text,
            language=language,
        )
        suggestions = self._with_offers(situation, profile, suggestions, agent_language, limit)
        return Analysis(
            text=text,
            detection=detection,
            language=language,
            language_source=source,
            region=choice,
            tone=tone,
            tone_source=tone_source,
            intents=intents,
            suggestions=tuple(suggestions),
            notes=tuple(notes),
            agent_language=agent_language,
            likely_next=self._likely_next(
                situation, profile, agent_language, {s.entry_id for s in suggestions[:1]}
            ),
        )

    def _with_offers(
        self,
        situation: Situation,
        profile: CustomerProfile,
        ranked: list[Suggestion],
        agent_language: str,
        limit: int,
    ) -> list[Suggestion]:
        """The playbook's step: offers whose rule holds go first, with the rule and reason."""
        if self.offers is None:
            return ranked
        offers: list[tuple[Suggestion, OfferReason]] = []
        for fired in self.offers.fire(situation, agent_language):
            shown = self.engine.present(fired.entry_id, profile, agent_language)
            if shown is not None:  # a rule naming a reply the library lacks shows nothing
                offers.append((shown, OfferReason(fired.rule, fired.note, fired.held)))
        return offers_first(offers, ranked, limit)

    def _likely_next(
        self,
        situation: Situation,
        profile: CustomerProfile,
        agent_language: str,
        shown: set[str],
    ) -> tuple[LikelyNextReply, ...]:
        """Hints whose prepared reply is not already the first suggestion (``shown``)."""
        if self.hints is None:
            return ()
        return tuple(
            LikelyNextReply(h, self.engine.present(h.entry_id, profile, agent_language))
            for h in self.hints.find(situation, agent_language)
            if h.entry_id not in shown
        )
