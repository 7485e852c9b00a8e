"""Order values: what an agent may type, and the errors for what they may not."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chatassist.core.playbook.money import Money, MoneyInvalid, Rates, parse_money

RATES = Rates("USD", {"USD": Decimal(1), "EUR": Decimal("1.08"), "JPY": Decimal("0.0067")})


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("25 USD", "25", "USD"),
        ("25usd", "25", "USD"),
        ("EUR 19.90", "19.90", "EUR"),
        ("19,90 eur", "19.90", "EUR"),
        ("  4500 JPY ", "4500", "JPY"),
    ],
)
def test_accepted_forms(text: str, amount: str, currency: str) -> None:
    assert RATES.parse(text) == Money(Decimal(amount), currency)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("25 XYZ", "unknown currency 'XYZ' (known: EUR, JPY, USD)"),
        ("$25", "three-letter code"),
        ("25", "add the currency"),
        ("1,299.00 EUR", "without thousands separators"),
        ("-5 USD", "cannot be negative"),
        ("", "empty"),
        ("twenty USD", "amount and a three-letter currency code"),
    ],
)
def test_malformed_or_unknown_values_say_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(MoneyInvalid) as err:
        RATES.parse(text)
    assert says in str(err.value)


def test_values_compare_in_the_base_currency() -> None:
    assert RATES.in_base(Money(Decimal("25"), "EUR")) == Decimal("27.00")
    assert parse_money("25 GBP").currency == "GBP"  # no rates given: any code parses
    with pytest.raises(MoneyInvalid, match="no rate for currency 'GBP'"):
        RATES.in_base(parse_money("25 GBP"))
