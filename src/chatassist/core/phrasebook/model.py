"""Plain data for phrasebooks, entries and variants."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from chatassist.core.phrasebook.placeholders import declared_kinds, placeholder_names

FORMAT_VERSION = 1
KINDS: tuple[str, ...] = ("reply", "note")
#: A reply tagged so fits any message: offered when no scenario is recognised.
GENERAL_TAG = "general"


@dataclass(frozen=True)
class Variant:
    """One wording of an entry in one customer language and tone.

    ``vetted`` is False for machine-drafted text a trainer has not approved yet.
    """

    language: str
    tone: str
    text: str
    vetted: bool = True

    @property
    def placeholders(self) -> frozenset[str]:
        return placeholder_names(self.text)


@dataclass(frozen=True)
class Entry:
    """A reply (sent to customers) or a note (agent-only guidance).

    ``gloss`` says what the entry means in the agent languages; a note's
    guidance itself is in ``body`` (agent languages too). ``segments`` and
    ``regions`` empty mean "any".
    """

    id: str
    scenarios: tuple[str, ...]
    kind: str = "reply"
    gloss: Mapping[str, str] = field(default_factory=dict)
    body: Mapping[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    pinned: bool = False
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    variants: tuple[Variant, ...] = ()
    #: placeholder name -> kind declared by this entry (overrides the phrasebook's)
    placeholder_kinds: Mapping[str, str] = field(default_factory=dict)

    def variant(self, language: str, tone: str) -> Variant | None:
        for v in self.variants:
            if v.language == language and v.tone == tone:
                return v
        return None

    def variants_in(self, language: str) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.language == language)

    @property
    def placeholders(self) -> frozenset[str]:
        """The placeholder set shared by all variants (validation enforces equality)."""
        return self.variants[0].placeholders if self.variants else frozenset()


@dataclass(frozen=True)
class Phrasebook:
    id: str
    title: Mapping[str, str]
    entries: tuple[Entry, ...] = ()
    version: int = 1
    description: Mapping[str, str] = field(default_factory=dict)
    do_not_translate: tuple[str, ...] = ()
    #: placeholder name -> kind declared for every entry of the phrasebook
    placeholder_kinds: Mapping[str, str] = field(default_factory=dict)

    def kinds_of(self, entry: Entry) -> dict[str, str]:
        """The placeholder kinds declared for ``entry``: its own over the phrasebook's."""
        return declared_kinds(self.placeholder_kinds, entry.placeholder_kinds)

    def entry(self, entry_id: str) -> Entry | None:
        for e in self.entries:
            if e.id == entry_id:
                return e
        return None
