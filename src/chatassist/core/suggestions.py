"""Ranking phrasebook replies for a customer message.

The engine is built once from the phrasebooks (and rebuilt when they change);
``suggest`` only reads precomputed indexes, so it stays within a few
milliseconds on libraries of 10,000 entries. Every suggestion carries the
reasons for its rank, for the agent and for trainers.

A reply every time: replies tagged ``general`` (phrasebooks/general.yaml:
acknowledge and ask for details, "let me check that for you", hold on) are
kept out of the scenario lists and offered, marked ``general``, when no
scenario is recognised or the recognised ones have no reply for this customer.
"""

from __future__ import annotations

import functools
import heapq
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from chatassist.core.languages import language_name
from chatassist.core.phrasebook.model import GENERAL_TAG, Entry, Phrasebook
from chatassist.core.phrasebook.placeholders import placeholder_kind
from chatassist.core.playbook.offer_rules import HeldCondition, describe_reason
from chatassist.core.suggestion_cards import EntryCard
from chatassist.core.tones import TONES

# Score weights. The scenario match dominates; the rest orders replies within it.
W_PRIMARY = 1.0
#: agent notes shown for one message (the sidebar's notes panel is a few lines high)
NOTES_SHOWN = 12
W_SECONDARY = 0.7
#: The key of the general replies' bound list among the scenario lists (no scenario id is empty).
_GENERAL_LIST = ""
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
#: Entries with this tag are offers: shown by the offer rules (core/playbook), with
#: the rule that fired, not ranked by scenario like other replies.
OFFER_TAG = "offer"


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
    #: (name, kind) of each placeholder, as the phrasebook declares it or its name implies
    placeholder_kinds: tuple[tuple[str, str], ...] = ()
    #: the phrasebook's do-not-translate terms, for machine translation of this reply
    glossary: tuple[str, ...] = ()
    #: a general reply (no scenario recognised), not one for the message's scenario
    general: bool = False
    #: set when an offer rule chose this reply (see ``offers_first``)
    offer: OfferReason | None = None

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
            "placeholder_kinds": dict(self.placeholder_kinds),
            "general": self.general,
            **(
                {"offer": {"rule": self.offer.rule, "reason": self.offer.reason}}
                if self.offer
                else {}
            ),
        }


@dataclass(frozen=True)
class OfferReason:
    """Why an offer rule put this reply first; for the agent only, never sent."""

    rule: str
    note: str  # in the agent's language
    held: tuple[HeldCondition, ...] = ()

    @property
    def reason(self) -> str:
        """The note and what held, in English (the CLI and JSON)."""
        return describe_reason(self.note, self.held)


def offers_first(
    offers: Sequence[tuple[Suggestion, OfferReason]], ranked: Sequence[Suggestion], limit: int
) -> list[Suggestion]:
    """The offers (marked with their rule) then the ranked replies, each entry once.

    Offers are always kept; ranked replies fill up to ``limit``.
    """
    out = [replace(s, offer=reason) for s, reason in offers]
    seen = {s.entry_id for s in out}
    for s in ranked:
        if len(out) >= limit:
            break
        if s.entry_id not in seen:
            seen.add(s.entry_id)
            out.append(s)
    return out


class _Indexed:
    """One entry as ranked: its card, its place, and its texts loaded on demand."""

    __slots__ = ("_load", "best_bonus", "card", "order")

    def __init__(self, card: EntryCard, order: int, load: Callable[[str], Entry | None]) -> None:
        self.card = card
        self.order = order
        self._load = load
        #: best variant bonus in any language and tone (an upper bound for ranking);
        #: ``any`` runs in C, a generator through ``max`` cost 0.2 s at 10,000 entries
        slots = card.slots
        self.best_bonus = (B_VETTED_EXACT if any(slots.values()) else B_UNVETTED) if slots else 0.0

    @property
    def phrasebook_id(self) -> str:
        return self.card.phrasebook_id

    @property
    def glossary(self) -> tuple[str, ...]:
        return self.card.glossary

    @property
    def entry(self) -> Entry | None:
        """The whole entry (texts included); None when it is gone from the library."""
        return self._load(self.card.id)


#: entries whose texts a card-built engine keeps at hand (the replies being shown)
LOADED_ENTRIES = 512


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
        """An engine over these phrasebooks, all held in memory."""
        entries: dict[str, Entry] = {}
        cards: list[EntryCard] = []
        for book in phrasebooks:
            for entry in book.entries:
                entries[entry.id] = entry
                cards.append(
                    EntryCard.of(entry, book.id, book.do_not_translate, book.kinds_of(entry))
                )
        self._index(cards, entries.get, hot)

    @classmethod
    def from_cards(
        cls,
        cards: Iterable[EntryCard],
        load: Callable[[str], Entry | None],
        hot: Mapping[str, float] | None = None,
    ) -> SuggestionEngine:
        """An engine that ranks over ``cards`` (in library order) and reads an entry's
        texts with ``load`` only when it shows it (the last LOADED_ENTRIES are kept).
        ``load`` may be called from any thread; None means the entry is gone."""
        engine = cls.__new__(cls)
        engine._index(list(cards), functools.lru_cache(maxsize=LOADED_ENTRIES)(load), hot)
        return engine

    def _index(
        self,
        cards: Sequence[EntryCard],
        load: Callable[[str], Entry | None],
        hot: Mapping[str, float] | None,
    ) -> None:
        self._by_scenario: dict[str, list[tuple[_Indexed, float]]] = {}
        self._notes: dict[str, list[_Indexed]] = {}
        self._general: list[_Indexed] = []
        self._entries: dict[str, _Indexed] = {}
        for order, card in enumerate(cards):
            item = _Indexed(card, order, load)
            self._entries[card.id] = item
            if card.kind == "reply" and GENERAL_TAG in card.tags:
                self._general.append(item)
                continue
            for i, scenario in enumerate(card.scenarios):
                if card.kind == "note":
                    self._notes.setdefault(scenario, []).append(item)
                elif OFFER_TAG in card.tags:
                    break  # reachable by id (present), for the offer rules
                else:
                    weight = W_PRIMARY if i == 0 else W_SECONDARY
                    self._by_scenario.setdefault(scenario, []).append((item, weight))
        self._hot: Mapping[str, float] = dict(hot or {})
        # Workers rank while the UI thread records uses: the bound lists and the
        # heat they were built from change together, under this lock.
        self._lock = threading.Lock()
        # Each list's bounds are sorted when a message first needs them (a few
        # hundred entries, well under a millisecond), in the analysing worker: a
        # fresh process answering one message sorts a handful, not all of them.
        self._bounds: dict[tuple[str, float, str | None], list[tuple[float, int, _Indexed]]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def set_hot(self, hot: Mapping[str, float]) -> None:
        with self._lock:
            self._hot = dict(hot)
            self._bounds.clear()

    def add_use(self, entry_id: str) -> None:
        """Count a use right away (the stored log is authoritative on the next rebuild)."""
        item = self._entries.get(entry_id)
        entry = item.card if item is not None else None
        with self._lock:
            hot = dict(self._hot)
            hot[entry_id] = hot.get(entry_id, 0.0) + 1.0
            self._hot = hot
            lists = set(entry.scenarios) if entry is not None else set()
            if entry is not None and GENERAL_TAG in entry.tags:
                lists.add(_GENERAL_LIST)
            for key in [k for k in self._bounds if entry is None or k[0] in lists]:
                del self._bounds[key]  # rebuilt on next use with the new bound

    def entry(self, entry_id: str) -> Entry | None:
        item = self._entries.get(entry_id)
        return item.entry if item else None

    def card(self, entry_id: str) -> EntryCard | None:
        item = self._entries.get(entry_id)
        return item.card if item else None

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

        No scenario recognised, or no reply for it: the general replies instead
        (``Suggestion.general``), never a random scenario's.
        """
        if limit <= 0:
            return []
        if not scenarios:
            return self.general(customer, agent_language=agent_language, limit=limit)
        top = max(score for _, score in scenarios) or 1.0
        # For each scenario, entries where it is primary / secondary, sorted by an
        # upper bound of their customer-dependent score: scanning stops as soon as
        # the bound cannot beat the current k-th best, so a 10,000-entry library
        # costs a few dozen exact scores per list, not thousands.
        best: dict[str, tuple[float, int, float, str, _Indexed]] = {}
        for scenario_id, raw in scenarios:
            strength = raw / top
            for weight in (W_PRIMARY, W_SECONDARY):
                s = strength * weight
                for neg_score, order, item in self._top_of_list(
                    scenario_id, weight, s, customer, limit
                ):
                    seen = best.get(item.card.id)
                    if seen is None or (neg_score, order) < (seen[0], seen[1]):
                        best[item.card.id] = (neg_score, order, s, scenario_id, item)
        top_k = heapq.nsmallest(limit, best.values(), key=lambda r: (r[0], r[1]))
        out = []
        for _, _, s, scenario_id, item in top_k:
            suggestion = self._rank(item, s, scenario_id, customer, agent_language)
            if suggestion is not None:
                out.append(suggestion)
        return out or self.general(customer, agent_language=agent_language, limit=limit)

    def general(
        self, customer: CustomerProfile, *, agent_language: str = "zh-Hans", limit: int = 5
    ) -> list[Suggestion]:
        """The general replies for this customer, in the customer's language and tone
        where a variant exists, best first (phrasebook order breaks ties)."""
        # Bounded like a scenario list: a library of copies had 1,900 general replies at
        # 50,000 entries, and ranking each one cost "ok" 250 ms.
        top = sorted(self._top_of_list(_GENERAL_LIST, 0.0, 0.0, customer, limit))
        out = []
        for _, _, item in top:
            suggestion = self._general_reply(item, customer, agent_language)
            if suggestion is None:  # removed since the index was built: look further
                return self._all_general(customer, agent_language, limit)
            out.append(suggestion)
        return out

    def _all_general(
        self, customer: CustomerProfile, agent_language: str, limit: int
    ) -> list[Suggestion]:
        """Every general reply ranked (what ``general`` bounds)."""
        ranked: list[tuple[float, int, Suggestion]] = []
        for item in self._general:
            suggestion = self._general_reply(item, customer, agent_language)
            if suggestion is not None:
                ranked.append((-suggestion.score, item.order, suggestion))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [s for _, _, s in ranked[:limit]]

    def _general_reply(
        self, item: _Indexed, customer: CustomerProfile, agent_language: str
    ) -> Suggestion | None:
        suggestion = self._rank(item, 0.0, None, customer, agent_language)
        if suggestion is None:
            return None
        reasons = ("general reply: no scenario recognised", *suggestion.reasons)
        return replace(suggestion, general=True, reasons=reasons)

    def _top_of_list(
        self, scenario_id: str, weight: float, s: float, customer: CustomerProfile, limit: int
    ) -> list[tuple[float, int, _Indexed]]:
        """The best ``limit`` (-score, order, item) of one scenario list, exactly."""
        heap: list[tuple[float, int, _Indexed]] = []  # min-heap on (score, -order): worst on top
        for bound, order, item in self._bounded(scenario_id, weight, customer.segment):
            if len(heap) >= limit:
                worst_score, worst_neg_order, _ = heap[0]
                ceiling = round(s + bound, 9)  # rounded like the scores it bounds
                if ceiling < worst_score or (ceiling == worst_score and -order < worst_neg_order):
                    break
            assessed = self._assess(item, s, customer)
            if assessed is None:
                continue
            candidate = (assessed[0], -order, item)
            if len(heap) < limit:
                heapq.heappush(heap, candidate)
            elif candidate[:2] > heap[0][:2]:
                heapq.heapreplace(heap, candidate)
        return [(-score, -neg_order, item) for score, neg_order, item in heap]

    def _bounded(
        self, scenario_id: str, weight: float, segment: str | None
    ) -> list[tuple[float, int, _Indexed]]:
        """Entries of one list sorted by an upper bound of their score for a customer
        of this segment, whatever the language and tone (those only lower it)."""
        key = (scenario_id, weight, segment)
        cached = self._bounds.get(key)
        if cached is not None:
            return cached
        with self._lock:
            cached = self._bounds.get(key)
            if cached is None:
                cached = []
                items: Iterable[tuple[_Indexed, float]] = (
                    ((item, 0.0) for item in self._general)
                    if scenario_id == _GENERAL_LIST
                    else self._by_scenario.get(scenario_id, ())
                )
                for item, w in items:
                    if w != weight:
                        continue
                    entry = item.card
                    bound = item.best_bonus + _segment_delta(entry.segments, segment)
                    bound += B_PINNED if entry.pinned else 0.0
                    heat = self._hot.get(entry.id, 0.0)
                    bound += B_HOT_MAX * heat / (heat + HOT_MARK) if heat > 0 else 0.0
                    cached.append((bound, item.order, item))
                cached.sort(key=lambda r: (-r[0], r[1]))
                self._bounds[key] = cached
        return cached

    def notes(
        self, scenarios: Sequence[tuple[str, float]], region: str, limit: int = NOTES_SHOWN
    ) -> list[Entry]:
        """Agent notes for these scenarios that apply to the customer's region: the
        first ``limit``, the likeliest scenario's first, in library order. Only those
        are read (a 50,000-entry library had ~940 notes for one message: 220 ms)."""
        out: dict[str, Entry] = {}
        for scenario_id, _ in scenarios:
            for item in self._notes.get(scenario_id, ()):
                if len(out) >= limit:
                    return list(out.values())
                if item.card.id in out or (item.card.regions and region not in item.card.regions):
                    continue
                entry = item.entry
                if entry is not None:
                    out[entry.id] = entry
        return list(out.values())

    def present(
        self, entry_id: str, customer: CustomerProfile, agent_language: str = "zh-Hans"
    ) -> Suggestion | None:
        """One entry shown for this customer (e.g. a search hit), with the same variant choice."""
        item = self._entries.get(entry_id)
        if item is None or item.card.kind != "reply":
            return None
        return self._rank(item, 0.0, None, customer, agent_language)

    # ------------------------------------------------------------------------
    def _assess(
        self,
        item: _Indexed,
        scenario_score: float,
        customer: CustomerProfile,
        reasons: list[str] | None = None,
    ) -> tuple[float, _Pick] | None:
        """Score of ``item`` for this customer; appends the reasons when a list is given."""
        entry = item.card
        if entry.regions and customer.region not in entry.regions:
            return None
        pick = _pick_variant(item, customer.language, customer.tone)
        if pick is None:
            return None
        score = scenario_score + pick.bonus
        if reasons is not None:
            reasons.append(pick.reason(customer.language, customer.tone))
        if entry.segments:
            score += _segment_delta(entry.segments, customer.segment)
            if reasons is not None:
                wanted = ", ".join(entry.segments)
                if customer.segment in entry.segments:
                    reasons.append(f"for {customer.segment} customers")
                elif customer.segment:
                    reasons.append(f"meant for {wanted} customers, not {customer.segment}")
                else:
                    reasons.append(f"meant for {wanted} customers (segment not set)")
        if entry.pinned:
            score += B_PINNED
            if reasons is not None:
                reasons.append("pinned by trainers")
        heat = self._hot.get(entry.id, 0.0)
        if heat > 0:
            score += B_HOT_MAX * heat / (heat + HOT_MARK)
            if reasons is not None:
                reasons.append(f"used recently by agents ({heat:.1f} weighted uses)")
        # Rounded so that equal scores reached by different sums tie exactly (order decides).
        return round(score, 9), pick

    def _rank(
        self,
        item: _Indexed,
        scenario_score: float,
        scenario_id: str | None,
        customer: CustomerProfile,
        agent_language: str,
    ) -> Suggestion | None:
        entry = item.entry
        if entry is None:
            return None  # removed since the index was built; the next rebuild drops it
        reasons: list[str] = []
        if scenario_id is not None:
            role = "primary" if entry.scenarios[0] == scenario_id else "also"
            reasons.append(f"scenario {scenario_id} ({role}, {scenario_score:.2f})")
        assessed = self._assess(item, scenario_score, customer, reasons)
        if assessed is None:
            return None
        score, pick = assessed
        variant = entry.variant(pick.language, pick.tone)
        if variant is None:
            return None  # changed since the index was built; the next rebuild has it
        heat = self._hot.get(entry.id, 0.0)
        return Suggestion(
            entry_id=entry.id,
            phrasebook_id=item.phrasebook_id,
            language=variant.language,
            tone=variant.tone,
            text=variant.text,
            gloss=gloss_for(entry, agent_language),
            score=score,
            reasons=tuple(reasons),
            needs_translation=pick.needs_translation,
            vetted=variant.vetted,
            hot=heat >= HOT_MARK,
            pinned=entry.pinned,
            scenarios=entry.scenarios,
            placeholders=tuple(sorted(variant.placeholders)),
            placeholder_kinds=tuple(
                (name, placeholder_kind(name, item.card.kinds))
                for name in sorted(variant.placeholders)
            ),
            glossary=item.glossary,
        )


def _segment_delta(segments: tuple[str, ...], segment: str | None) -> float:
    if not segments:
        return 0.0
    if segment in segments:
        return B_SEGMENT_MATCH
    return -P_SEGMENT_OTHER if segment else -P_SEGMENT_UNKNOWN


_TONE_ORDER = {tone: (tone, *(t for t in TONES if t != tone)) for tone in TONES}


@dataclass(frozen=True)
class _Pick:
    language: str  # of the variant picked
    tone: str
    bonus: float
    kind: str  # "exact", "other_tone", "draft" or "translate"
    needs_translation: bool

    def reason(self, language: str, tone: str) -> str:
        name = language_name(language)
        if self.kind == "exact":
            return f"vetted {name} variant in the {tone} tone"
        if self.kind == "other_tone":
            return f"vetted {name} variant, {self.tone} tone (no {tone} one)"
        if self.kind == "draft":
            return f"{name} {self.tone} variant is a machine draft, not vetted"
        return f"no {name} variant: needs machine translation from {language_name(self.language)}"


def _pick_variant(item: _Indexed, language: str, tone: str) -> _Pick | None:
    """The best variant for the customer, its bonus, and whether it needs MT."""
    order = _TONE_ORDER[tone]
    slots = item.card.slots
    for t in order:
        if slots.get((language, t)):
            if t == tone:
                return _Pick(language, t, B_VETTED_EXACT, "exact", False)
            return _Pick(language, t, B_VETTED_OTHER_TONE, "other_tone", False)
    for t in order:
        if (language, t) in slots:
            return _Pick(language, t, B_UNVETTED, "draft", False)
    for t in order:
        if (PIVOT_LANGUAGE, t) in slots:
            return _Pick(PIVOT_LANGUAGE, t, 0.0, "translate", True)
    if slots:
        first_language, first_tone = next(iter(slots))
        return _Pick(first_language, first_tone, 0.0, "translate", True)
    return None
