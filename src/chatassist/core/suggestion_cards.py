"""What ranking needs to know of an entry, without its texts.

A 10,000-entry library holds hundreds of thousands of variant texts; ranking
reads only which (language, tone) variants exist and whether they are vetted.
``SuggestionEngine.from_cards`` ranks over these cards and loads an entry's
texts only for the few replies it shows (the persisted index holds cards).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chatassist.core.phrasebook.model import Entry

#: (language, tone) keys shared by every card, so a card's slots cost a pointer each.
_KEYS: dict[tuple[str, str], tuple[str, str]] = {}


def shared_key(language: str, tone: str) -> tuple[str, str]:
    """The one (language, tone) tuple every card uses for this pair."""
    k = (language, tone)
    return _KEYS.setdefault(k, k)


@dataclass(frozen=True)
class EntryCard:
    id: str
    phrasebook_id: str
    kind: str
    scenarios: tuple[str, ...]
    tags: tuple[str, ...]
    segments: tuple[str, ...]
    regions: tuple[str, ...]
    pinned: bool
    #: (language, tone) -> vetted, in the entry's variant order
    slots: Mapping[tuple[str, str], bool]
    #: the phrasebook's do-not-translate terms
    glossary: tuple[str, ...] = ()
    #: placeholder kinds declared for this entry (its own over its phrasebook's)
    kinds: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        entry: Entry,
        phrasebook_id: str,
        glossary: tuple[str, ...] = (),
        kinds: Mapping[str, str] | None = None,
    ) -> EntryCard:
        return cls(
            entry.id,
            phrasebook_id,
            entry.kind,
            entry.scenarios,
            entry.tags,
            entry.segments,
            entry.regions,
            entry.pinned,
            {shared_key(v.language, v.tone): v.vetted for v in entry.variants},
            glossary,
            dict(kinds or {}),
        )

    def to_json(self, codes: SlotCodes) -> list[Any]:
        """Compact JSON-able form; (language, tone) pairs and glossaries go by number
        in ``codes`` (written once per file)."""
        return [
            self.id,
            self.phrasebook_id,
            self.kind,
            self.scenarios,
            self.tags,
            self.segments,
            self.regions,
            self.pinned,
            [codes.slot(k) * 2 + vetted for k, vetted in self.slots.items()],
            codes.glossary(self.glossary),
            dict(self.kinds),
        ]

    @classmethod
    def from_json(cls, data: list[Any], codes: SlotCodes) -> EntryCard:
        """The card ``to_json`` gave; malformed data raises TypeError, ValueError or
        IndexError."""
        eid, book, kind, scenarios, tags, segments, regions, pinned, slots, glossary, kinds = data
        keys = codes.keys
        card = cls(
            eid,
            book,
            kind,
            tuple(scenarios),
            tuple(tags),
            tuple(segments),
            tuple(regions),
            bool(pinned),
            {keys[code >> 1]: bool(code & 1) for code in slots},
            codes.glossaries[glossary],
            {str(k): str(v) for k, v in kinds.items()},
        )
        if not (isinstance(eid, str) and isinstance(book, str) and isinstance(kind, str)):
            raise TypeError("entry card: id, phrasebook and kind must be text")
        return card


class SlotCodes:
    """Numbers for the (language, tone) pairs and glossaries of a set of cards."""

    def __init__(
        self,
        keys: list[tuple[str, str]] | None = None,
        glossaries: list[tuple[str, ...]] | None = None,
    ) -> None:
        self.keys = [shared_key(str(lang), str(tone)) for lang, tone in keys or []]
        self.glossaries = [tuple(str(t) for t in g) for g in glossaries or []]
        self._slot = {k: i for i, k in enumerate(self.keys)}
        self._glossary = {g: i for i, g in enumerate(self.glossaries)}

    def slot(self, key: tuple[str, str]) -> int:
        if key not in self._slot:
            self._slot[key] = len(self.keys)
            self.keys.append(key)
        return self._slot[key]

    def glossary(self, terms: tuple[str, ...]) -> int:
        if terms not in self._glossary:
            self._glossary[terms] = len(self.glossaries)
            self.glossaries.append(terms)
        return self._glossary[terms]
