"""Order values with their currency (``25 USD``), compared through declared rates.

Amounts are ``Decimal``: an order value is never rounded on its way to a rule.
Currencies are ISO 4217 codes; only the ones with a rate in the offer rules
file are known, so a typo (``25 UDS``) is an error rather than a silent miss.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from chatassist.errors import UsageError

# "25", "25.5", "25.50", "25,50" (decimal comma), "1299"; the code before or after.
_AMOUNT = r"(?P<amount>\d+(?:[.,]\d{1,2})?)"
_CODE = r"(?P<code>[A-Za-z]{3})"
_FORMS = (
    re.compile(rf"^\s*{_AMOUNT}\s*{_CODE}\s*$"),
    re.compile(rf"^\s*{_CODE}\s*{_AMOUNT}\s*$"),
)


class MoneyInvalid(UsageError):
    """An order value that is malformed or in a currency without a declared rate."""


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str  # ISO 4217, upper case

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    def to_json(self) -> dict[str, str]:
        return {"amount": str(self.amount), "currency": self.currency}


def parse_money(
    text: str, known: Collection[str] | None = None, what: str = "order value"
) -> Money:
    """``"25 USD"`` -> ``Money(Decimal("25"), "USD")``; ``known`` limits the currencies;
    ``what`` the value is names it in messages ("order value", "year spend").

    Raises ``MoneyInvalid`` saying what is wrong: no currency, a symbol instead
    of a code, thousands separators, an unknown currency.
    """
    raw = text.strip()
    if not raw:
        raise MoneyInvalid(f"{what} is empty: write an amount and a currency, e.g. 25 USD")
    for form in _FORMS:
        m = form.match(raw)
        if m:
            break
    else:
        raise MoneyInvalid(f"{what} '{raw}' is not understood: {_hint(raw)}")
    code = m.group("code").upper()
    if known is not None and code not in known:
        raise MoneyInvalid(
            f"{what} '{raw}': unknown currency '{code}' (known: {', '.join(sorted(known))})"
        )
    try:
        amount = Decimal(m.group("amount").replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        raise MoneyInvalid(f"{what} '{raw}': '{m.group('amount')}' is not a number") from None
    return Money(amount, code)


def _hint(raw: str) -> str:
    if re.search(r"[$€£¥₩฿₱]", raw):
        return (
            "write the currency as a three-letter code, e.g. 25 USD (a symbol like $ is ambiguous)"
        )
    if re.search(r"\d[.,]\d{3}", raw):
        return "write the amount without thousands separators, e.g. 1299.50 EUR"
    if re.fullmatch(r"\s*\d+(?:[.,]\d+)?\s*", raw):
        return "add the currency, e.g. 25 USD"
    if re.search(r"-\s*\d", raw):
        return "an amount cannot be negative"
    return "write an amount and a three-letter currency code, e.g. 25 USD or 25.50 EUR"


@dataclass(frozen=True)
class Rates:
    """How much one unit of each currency is worth in ``base`` (approximate, declared by trainers)."""

    base: str
    per_unit: Mapping[str, Decimal]

    def in_base(self, money: Money) -> Decimal:
        rate = self.per_unit.get(money.currency)
        if rate is None:
            raise MoneyInvalid(
                f"no rate for currency '{money.currency}' (known: {', '.join(sorted(self.per_unit))})"
            )
        return money.amount * rate

    def parse(self, text: str, what: str = "order value") -> Money:
        return parse_money(text, self.per_unit, what)
