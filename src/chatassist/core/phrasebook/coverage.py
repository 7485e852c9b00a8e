"""Coverage of a phrasebook library: scenario x language x tone.

Required cells: every reply entry has a vetted variant in each customer
language, in the tone of that language's default region, plus English in all
three tones; every scenario has at least one reply. A reply limited to some
regions (Korea's personal customs code, Italy's SDI) is written for those
markets: it needs English in all three tones and the default tone of each other
language it is written in, not all twenty languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.model import Entry, Phrasebook
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.core.tones import TONES

ALL_TONES_LANGUAGE = "en"


@dataclass(frozen=True)
class Gap:
    entry_id: str
    scenario: str
    language: str
    tone: str
    reason: str  # "missing" or "not vetted"

    def to_json(self) -> dict[str, str]:
        return {
            "entry_id": self.entry_id,
            "scenario": self.scenario,
            "language": self.language,
            "tone": self.tone,
            "reason": self.reason,
        }


@dataclass
class Coverage:
    required: dict[str, tuple[str, ...]]
    #: scenario -> language -> tone -> number of vetted variants (primary scenario)
    matrix: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)
    scenarios_without_replies: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.gaps and not self.scenarios_without_replies

    def to_json(self) -> dict[str, Any]:
        return {
            "complete": self.complete,
            "required": {lang: list(tones) for lang, tones in self.required.items()},
            "matrix": self.matrix,
            "gaps": [g.to_json() for g in self.gaps],
            "scenarios_without_replies": self.scenarios_without_replies,
        }


def required_cells(default_tone: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """language -> tones every reply must have; ``default_tone`` maps language -> its region's tone."""
    out: dict[str, tuple[str, ...]] = {
        lang: (default_tone[lang],) for lang in CUSTOMER_LANGUAGES if lang in default_tone
    }
    out[ALL_TONES_LANGUAGE] = TONES
    return out


def coverage(books: Iterable[Phrasebook], default_tone: Mapping[str, str]) -> Coverage:
    required = required_cells(default_tone)
    result = Coverage(required=required)
    matrix = {
        s: {lang: dict.fromkeys(TONES, 0) for lang in CUSTOMER_LANGUAGES} for s in SCENARIO_IDS
    }
    with_replies: set[str] = set()
    for book in books:
        for entry in book.entries:
            if entry.kind != "reply":
                continue
            primary = entry.scenarios[0]
            with_replies.update(entry.scenarios)
            for v in entry.variants:
                if v.vetted:
                    matrix[primary][v.language][v.tone] += 1
            for lang, tones in _required_for(entry, required).items():
                for tone in tones:
                    variant = entry.variant(lang, tone)
                    if variant is None:
                        result.gaps.append(Gap(entry.id, primary, lang, tone, "missing"))
                    elif not variant.vetted:
                        result.gaps.append(Gap(entry.id, primary, lang, tone, "not vetted"))
    result.matrix = matrix
    result.scenarios_without_replies = [s for s in SCENARIO_IDS if s not in with_replies]
    return result


def _required_for(entry: Entry, required: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The cells ``entry`` must fill: all of ``required``, or for a regional reply
    English plus the languages it is written in."""
    if not entry.regions:
        return required
    written = {v.language for v in entry.variants}
    return {
        lang: tones
        for lang, tones in required.items()
        if lang == ALL_TONES_LANGUAGE or lang in written
    }
