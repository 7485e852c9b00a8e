"""The replies the sidebar lists, as plain data (no Qt): a suggestion, the text that
will be copied (the vetted variant, or its machine translation once done) and
the state of that translation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum

from chatassist.core.regions import RegionChoice
from chatassist.core.replies import FilledReply, fill_reply
from chatassist.core.suggestions import Suggestion

_ORDER_NUMBER = re.compile(r"(?<![\w.])(?:[A-Z]{1,4}-?)?\d{4,14}(?![\w.])")


class ReplyState(Enum):
    READY = "ready"
    TRANSLATING = "translating"  # machine translation running; not copyable yet
    UNTRANSLATED = "untranslated"  # needed MT, none available: the source text is shown


@dataclass(frozen=True)
class ReplyItem:
    suggestion: Suggestion
    text: str
    language: str  # language of ``text``
    state: ReplyState = ReplyState.READY
    machine: bool = False  # ``text`` is a machine translation
    note: str = ""  # why it is untranslated, which route was used...

    @classmethod
    def for_customer(cls, suggestion: Suggestion, can_translate: bool) -> ReplyItem:
        state = ReplyState.READY
        if suggestion.needs_translation:
            state = ReplyState.TRANSLATING if can_translate else ReplyState.UNTRANSLATED
        return cls(suggestion, suggestion.text, suggestion.language, state)

    @property
    def entry_id(self) -> str:
        return self.suggestion.entry_id

    @property
    def copyable(self) -> bool:
        return self.state is not ReplyState.TRANSLATING

    def translated(self, text: str, language: str, note: str = "") -> ReplyItem:
        return replace(
            self, text=text, language=language, state=ReplyState.READY, machine=True, note=note
        )

    def untranslated(self, note: str) -> ReplyItem:
        return replace(self, state=ReplyState.UNTRANSLATED, note=note)

    def fill(
        self, values: Mapping[str, str], choice: RegionChoice | None, agent_gender: str = "female"
    ) -> FilledReply:
        return fill_reply(self.text, self.language, values, choice, agent_gender)


def order_number_in(message: str) -> str | None:
    """An order-number-like token in the customer's message ("48213", "SO-123456")."""
    match = _ORDER_NUMBER.search(message)
    return match.group(0) if match else None
