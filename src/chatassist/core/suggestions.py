"""Ranking phrasebook replies for a customer message.

The engine is built once from the phrasebooks (and rebuilt when they change);
``suggest`` only reads precomputed indexes, so it stays within a few
milliseconds on libraries of 10,000 entries. Every suggestion carries the
reasons for its rank, for the agent and for trainers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from chatassist.core.languages import language_name
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.tones import TONES

# Score weights. The scenario match dominates; the rest orders replies within it.
W_PRIMARY = 1.0
W_SECONDARY = 0.7
B_VETTED_EXACT = 0.30
B_VETTED_OTHER_TONE = 0.20
B_UNVETTED = 0.10
B_SEGMENT_MATCH = 0.15
P_SEGMENT_OTHER = 0.50
P_SEGMENT_UNKNOWN = 0.10
B_PINNED = 0.20
B_HOT_MAX = 0.15
HOT_MARK = 3.0  # decayed uses at which an entry is marked "hot"
PIVOT_LANGUAGE = "en"


@dataclass(frozen=True)
class CustomerProfile:
    """What the ranking knows about the customer."""

    language: str
    tone: str
    region: str = ""
    segment: str | None = None


@dataclass(frozen=True)
class Suggestion:
    entry_id: str
    phrasebook_id: str
    language: str  # language of ``text``; differs from the customer's when needs_translation
    tone: str
    text: str
    gloss: str  # meaning, in the agent's language
    score: float
    reasons: tuple[str, ...]
    needs_translation: bool
    vetted: bool
    hot: bool
    pinned: bool
    scenarios: tuple[str, ...]
    placeholders: tuple[str, ...]
    #: the phrasebook's do-not-translate terms, for machine translation of this reply
    glossary: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "entry_id": self.entry_id,
            "phrasebook": self.phrasebook_id,
            "language": self.language,
            "tone": self.tone,
            "text": self.text,
            "gloss": self.gloss,
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
            "needs_translation": self.needs_translation,
            "vetted": self.vetted,
            "hot": self.hot,
            "pinned": self.pinned,
            "scenarios": list(self.scenarios),
            "placeholders": list(self.placeholders),
        }


@dataclass(frozen=True)
class _Indexed:
    entry: Entry
    phrasebook_id: str
    order: int
    variants: Mapping[tuple[str, str], Variant]
    glossary: tuple[str, ...]


def gloss_for(entry: Entry, agent_language: str) -> str:
    return (
        entry.gloss.get(agent_language)
        or entry.gloss.get("en")
        or next(iter(entry.gloss.values()), "")
    )


class SuggestionEngine:
    def __init__(
        self, phrasebooks: Iterable[Phrasebook], hot: Mapping[str, float] | None = None
    ) -> None:
        self._by_scenario: dict[str, list[tuple[_Indexed, float]]] = {}
        self._notes: dict[str, list[_Indexed]] = {}
        self._entries: dict[str, _Indexed] = {}
        order = 0
        for book in phrasebooks:
            for entry in book.entries:
                variants = {(v.language, v.tone): v for v in entry.variants}
                item = _Indexed(entry, book.id, order, variants, book.do_not_translate)
                order += 1
                self._entries[entry.id] = item
                for i, scenario in enumerate(entry.scenarios):
                    if entry.kind == "note":
                        self._notes.setdefault(scenario, []).append(item)
                    else:
                        weight = W_PRIMARY if i == 0 else W_SECONDARY
                        self._by_scenario.setdefault(scenario, []).append((item, weight))
        self._hot: Mapping[str, float] = dict(hot or {})

    def __len__(self) -> int:
        return len(self._entries)

    def set_hot(self, hot: Mapping[str, float]) -> None:
        self._hot = dict(hot)

    def add_use(self, entry_id: str) -> None:
        """Count a use right away (the stored log is authoritative on the next rebuild)."""
        hot = dict(self._hot)
        hot[entry_id] = hot.get(entry_id, 0.0) + 1.0
        self._hot = hot

    def entry(self, entry_id: str) -> Entry | None:
        item = self._entries.get(entry_id)
        return item.entry if item else None

    def phrasebook_of(self, entry_id: str) -> str | None:
        item = self._entries.get(entry_id)
        return item.phrasebook_id if item else None

    def suggest(
        self,
        scenarios: Sequence[tuple[str, float]],
        customer: CustomerProfile,
        *,
        agent_language: str = "zh-Hans",
        limit: int = 5,
    ) -> list[Suggestion]:
        """Replies for the detected ``(scenario id, score)`` pairs, best first.

        No scenario, no suggestions: the agent searches instead of being shown
        a random guess.
        """
        if not scenarios or limit <= 0:
            return []
        top = max(score for _, score in scenarios) or 1.0
        best: dict[str, tuple[float, str, _Indexed]] = {}
        for scenario_id, raw in scenarios:
            strength = raw / top
            for item, weight in self._by_scenario.get(scenario_id, ()):
                s = strength * weight
                seen = best.get(item.entry.id)
                if seen is None or s > seen[0]:
                    best[item.entry.id] = (s, scenario_id, item)
        ranked: list[tuple[float, int, Suggestion]] = []
        for s, scenario_id, item in best.values():
            suggestion = self._rank(item, s, scenario_id, customer, agent_language)
            if suggestion is not None:
                ranked.append((-suggestion.score, item.order, suggestion))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [r[2] for r in ranked[:limit]]

    def notes(self, scenarios: Sequence[tuple[str, float]], region: str) -> list[Entry]:
        """Agent notes for these scenarios that apply to the customer's region."""
        out: dict[str, Entry] = {}
        for scenario_id, _ in scenarios:
            for item in self._notes.get(scenario_id, ()):
                if not item.entry.regions or region in item.entry.regions:
                    out.setdefault(item.entry.id, item.entry)
        return list(out.values())

    def present(
        self, entry_id: str, customer: CustomerProfile, agent_language: str = "zh-Hans"
    ) -> Suggestion | None:
        """One entry shown for this customer (e.g. a search hit), with the same variant choice."""
        item = self._entries.get(entry_id)
        if item is None or item.entry.kind != "reply":
            return None
        return self._rank(item, 0.0, None, customer, agent_language)

    # ------------------------------------------------------------------------
    def _rank(
        self,
        item: _Indexed,
        scenario_score: float,
        scenario_id: str | None,
        customer: CustomerProfile,
        agent_language: str,
    ) -> Suggestion | None:
        entry = item.entry
        if entry.regions and customer.region not in entry.regions:
            return None
        picked = _pick_variant(item, customer.language, customer.tone)
        if picked is None:
            return None
        variant, bonus, variant_reason, needs_translation = picked
        score = scenario_score + bonus
        reasons: list[str] = []
        if scenario_id is not None:
            role = "primary" if entry.scenarios[0] == scenario_id else "also"
            reasons.append(f"scenario {scenario_id} ({role}, {scenario_score:.2f})")
        reasons.append(variant_reason)
        if entry.segments:
            wanted = ", ".join(entry.segments)
            if customer.segment in entry.segments:
                score += B_SEGMENT_MATCH
                reasons.append(f"for {customer.segment} customers")
            elif customer.segment:
                score -= P_SEGMENT_OTHER
                reasons.append(f"meant for {wanted} customers, not {customer.segment}")
            else:
                score -= P_SEGMENT_UNKNOWN
                reasons.append(f"meant for {wanted} customers (segment not set)")
        if entry.pinned:
            score += B_PINNED
            reasons.append("pinned by trainers")
        heat = self._hot.get(entry.id, 0.0)
        if heat > 0:
            score += B_HOT_MAX * heat / (heat + HOT_MARK)
            reasons.append(f"used recently by agents ({heat:.1f} weighted uses)")
        return Suggestion(
            entry_id=entry.id,
            phrasebook_id=item.phrasebook_id,
            language=variant.language,
            tone=variant.tone,
            text=variant.text,
            gloss=gloss_for(entry, agent_language),
            score=score,
            reasons=tuple(reasons),
            needs_translation=needs_translation,
            vetted=variant.vetted,
            hot=heat >= HOT_MARK,
            pinned=entry.pinned,
            scenarios=entry.scenarios,
            placeholders=tuple(sorted(variant.placeholders)),
            glossary=item.glossary,
        )


def _tone_order(tone: str) -> list[str]:
    return [tone, *(t for t in TONES if t != tone)]


def _pick_variant(
    item: _Indexed, language: str, tone: str
) -> tuple[Variant, float, str, bool] | None:
    """The best variant for the customer, its bonus, why, and whether it needs MT."""
    name = language_name(language)
    for t in _tone_order(tone):
        v = item.variants.get((language, t))
        if v is not None and v.vetted:
            if t == tone:
                return v, B_VETTED_EXACT, f"vetted {name} variant in the {tone} tone", False
            return v, B_VETTED_OTHER_TONE, f"vetted {name} variant, {t} tone (no {tone} one)", False
    for t in _tone_order(tone):
        v = item.variants.get((language, t))
        if v is not None:
            return v, B_UNVETTED, f"{name} {t} variant is a machine draft, not vetted", False
    for t in _tone_order(tone):
        v = item.variants.get((PIVOT_LANGUAGE, t))
        if v is not None:
            return v, 0.0, f"no {name} variant: needs machine translation from English", True
    if item.variants:
        v = next(iter(item.variants.values()))
        return (
            v,
            0.0,
            f"no {name} variant: needs machine translation from {language_name(v.language)}",
            True,
        )
    return None
