"""The customers an agent is talking to: the current one and a few recent ones.

Plain data, no Qt. A customer keeps what the agent decided (language pin,
country, segment, region and tone overrides, order value), the values typed into reply
placeholders (name, order id...), the conversation's language memory and the
last message, so switching back to a customer restores all of it. The list is
saved to ``customers.json`` in the data folder (small, rewritten atomically).
"""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatassist.core.assist import CustomerContext
from chatassist.core.detection import ConversationLanguage
from chatassist.core.files import write_atomic
from chatassist.core.languages import LANGUAGES
from chatassist.core.playbook.money import Money, MoneyInvalid, parse_money
from chatassist.core.tones import SEGMENTS, TONES
from chatassist.errors import UsageError

log = logging.getLogger(__name__)

MAX_RECENT = 8
MAX_ORDER_AGE_DAYS = 365
#: How many replies sent to a customer are kept for the list's history (this session).
MAX_SENT = 10
#: The start of the last message shown in the customers list.
PREVIEW_CHARS = 24


@dataclass
class Customer:
    number: int
    language: str | None = None  # pinned by the agent
    country: str | None = None
    segment: str | None = None
    region: str | None = None
    tone: str | None = None
    order_value: str | None = None  # as the agent typed it, e.g. "25 USD"
    year_spend: str | None = None  # spent in the last 12 months, e.g. "30000 USD"
    order_age_days: int | None = None  # days since that order was placed
    values: dict[str, str] = field(default_factory=dict)
    message: str = ""
    conversation: ConversationLanguage = field(default_factory=ConversationLanguage)
    #: what the last analysis found (shown in the customers list)
    seen_language: str | None = None
    seen_region: str | None = None
    #: what was copied for this customer this session, newest last (not saved)
    sent: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.values.get("customer_name", "").strip()

    def context(self) -> CustomerContext:
        """The core's view of this customer (invalid values are dropped, never raised)."""
        try:
            return CustomerContext(
                country=self.country,
                segment=self.segment,
                language=self.language,
                region=self.region,
                tone=self.tone,
                order_value=_money(self.order_value),
                year_spend=_money(self.year_spend),
                order_age_days=self.order_age_days,
            )
        except UsageError:
            return CustomerContext(language=self.language, region=self.region)

    @property
    def preview(self) -> str:
        """The first words of the last message, on one line."""
        line = " ".join(self.message.split())
        return line if len(line) <= PREVIEW_CHARS else line[: PREVIEW_CHARS - 1].rstrip() + "…"

    def remember_sent(self, text: str) -> None:
        self.sent.append(text)
        del self.sent[:-MAX_SENT]

    def conversation_copy(self) -> ConversationLanguage:
        """A copy for a background analysis; the result brings the updated one back."""
        return copy.deepcopy(self.conversation)

    def pin_language(self, language: str | None) -> None:
        self.language = language
        if language:
            self.conversation.pin(language)
        else:
            self.conversation.unpin()

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "language": self.language,
            "country": self.country,
            "segment": self.segment,
            "region": self.region,
            "tone": self.tone,
            "order_value": self.order_value,
            "year_spend": self.year_spend,
            "order_age_days": self.order_age_days,
            "values": dict(self.values),
            "message": self.message,
            "conversation_language": self.conversation.language,
            "seen_language": self.seen_language,
            "seen_region": self.seen_region,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Customer:
        def pick(key: str, allowed: Any) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value in allowed else None

        customer = cls(
            number=int(data.get("number", 1)),
            language=pick("language", LANGUAGES),
            country=_country(data.get("country")),
            segment=pick("segment", SEGMENTS),
            region=data.get("region") if isinstance(data.get("region"), str) else None,
            tone=pick("tone", TONES),
            order_value=_order_value(data.get("order_value")),
            year_spend=_order_value(data.get("year_spend")),
            order_age_days=_age(data.get("order_age_days")),
            values={str(k): str(v) for k, v in dict(data.get("values") or {}).items()},
            message=str(data.get("message") or ""),
            seen_language=pick("seen_language", LANGUAGES),
            seen_region=data.get("seen_region")
            if isinstance(data.get("seen_region"), str)
            else None,
        )
        if customer.language:
            customer.conversation.pin(customer.language)
        else:
            known = pick("conversation_language", LANGUAGES)
            if known:  # restore the memory as established, like an unpinned pin
                customer.conversation.pin(known)
                customer.conversation.unpin()
        return customer


def _age(value: object) -> int | None:
    return value if isinstance(value, int) and 0 <= value <= MAX_ORDER_AGE_DAYS else None


def _order_value(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return str(parse_money(value))
    except MoneyInvalid:
        return None


def _money(text: str | None) -> Money | None:
    """The core's value of a stored amount (invalid ones are dropped, never raised)."""
    try:
        return parse_money(text) if text else None
    except MoneyInvalid:
        return None


def _country(value: object) -> str | None:
    if isinstance(value, str) and len(value) == 2 and value.isalpha():
        return value.upper()
    return None


class CustomerBook:
    """The current customer and the recent ones, most recent first."""

    def __init__(self, customers: list[Customer] | None = None) -> None:
        self._customers: list[Customer] = list(customers or [])[:MAX_RECENT]
        self._next = max((c.number for c in self._customers), default=0) + 1
        if not self._customers:
            self.new()

    @property
    def current(self) -> Customer:
        return self._customers[0]

    @property
    def recent(self) -> list[Customer]:
        return list(self._customers)

    def new(self) -> Customer:
        """Start a fresh customer; the previous ones stay in the recent list."""
        customer = Customer(self._next)
        self._next += 1
        self._customers.insert(0, customer)
        del self._customers[MAX_RECENT:]
        return customer

    def switch(self, number: int) -> Customer:
        for i, customer in enumerate(self._customers):
            if customer.number == number:
                self._customers.insert(0, self._customers.pop(i))
                return customer
        raise KeyError(number)

    # -- persistence -------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> CustomerBook:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            customers = [Customer.from_json(d) for d in raw.get("customers", [])]
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            log.warning("recent customers file %s is unreadable (%s); starting fresh", path, exc)
            return cls()
        return cls(customers)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": 1, "customers": [c.to_json() for c in self._customers]}
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1))
