"""The replies the sidebar lists, as plain data (no Qt): a suggestion, the text that
will be copied (the vetted variant, or its machine translation once done) and
the state of that translation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum

from chatassist.core.regions import RegionChoice
from chatassist.core.replies import FilledReply, fill_reply
from chatassist.core.suggestions import Suggestion

# Values a customer wrote that fill a reply's placeholders. Found in any script:
# codes glued to Chinese, Japanese, Korean or Thai text ("注文番号は123456です"),
# full-width digits and letters (１２３, ＡＢ), Arabic-Indic digits (١٢٣, ۱۲۳).
_DIGITS = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)
# A code starts and ends at a non-ASCII-alphanumeric character: Chinese or Thai
# letters around it are boundaries, as spaces are in other languages.
_START = r"(?<![A-Za-z0-9])"
_END = r"(?![A-Za-z0-9])"
#: Tracking numbers: UPU S10 (RR123456789CN), UPS (1Z + 16), or letters + 10-22 digits
#: (SF1234567890123, YT2212345678901234).
_TRACKING = re.compile(
    rf"{_START}(?:[A-Z]{{2}}\d{{9}}[A-Z]{{2}}|1Z[0-9A-Z]{{16}}|[A-Z]{{2,4}}\d{{10,22}}){_END}"
)
#: Order numbers: 4-20 digits, optionally after a short letter prefix (SO-123456),
#: not part of an amount or a date ("12.50", "2024-05-01").
_ORDER_NUMBER = re.compile(
    rf"{_START}(?<!\d[.,:/-])(?:[A-Z]{{1,4}}-?)?\d{{4,20}}(?![.,:/-]\d){_END}"
)


def _searchable(message: str) -> str:
    return unicodedata.normalize("NFKC", message).translate(_DIGITS)


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
    #: ``text`` with the values already known for the customer filled in (the rest
    #: stay as {placeholders}); "" when nothing is known
    preview: str = ""

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
            self,
            text=text,
            language=language,
            state=ReplyState.READY,
            machine=True,
            note=note,
            preview="",
        )

    def previewed(
        self, values: Mapping[str, str], choice: RegionChoice | None, agent_gender: str = "female"
    ) -> ReplyItem:
        """With ``preview`` made from ``values`` (only those of its placeholders)."""
        known = {k: v for k, v in values.items() if k in self.suggestion.placeholders and v}
        if not known:
            return replace(self, preview="")
        return replace(self, preview=self.fill(known, choice, agent_gender).text)

    def untranslated(self, note: str) -> ReplyItem:
        return replace(self, state=ReplyState.UNTRANSLATED, note=note)

    def fill(
        self, values: Mapping[str, str], choice: RegionChoice | None, agent_gender: str = "female"
    ) -> FilledReply:
        kinds = dict(self.suggestion.placeholder_kinds)
        return fill_reply(self.text, self.language, values, choice, agent_gender, kinds)


def order_number_in(message: str) -> str | None:
    """An order-number-like token in the customer's message ("48213", "SO-123456",
    "注文番号は１２３４５６です" -> "123456"); a tracking number is not one."""
    text = _searchable(message)
    tracking = {m.span() for m in _TRACKING.finditer(text)}
    for match in _ORDER_NUMBER.finditer(text):
        if match.span() not in tracking:
            return match.group(0)
    return None


def tracking_number_in(message: str) -> str | None:
    """A parcel tracking number in the customer's message ("RR123456789CN")."""
    match = _TRACKING.search(_searchable(message))
    return match.group(0) if match else None


def values_in(message: str) -> dict[str, str]:
    """Placeholder values the message holds: ``order_id`` and ``tracking_number``."""
    found = {"order_id": order_number_in(message), "tracking_number": tracking_number_in(message)}
    return {name: value for name, value in found.items() if value}
