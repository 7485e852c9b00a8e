"""Offer rules: one test per condition kind, the bundled cases, and validation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chatassist.core.phrasebook.loader import load_files
from chatassist.core.playbook import PlaybookInvalid, load_offer_rules
from chatassist.core.playbook.money import Money
from chatassist.core.playbook.offer_rules import HeldCondition, OfferRules
from chatassist.core.playbook.situation import Situation
from chatassist.paths import bundled_phrasebooks, bundled_resources

HEADER = """format: 1
base_currency: USD
rates: {USD: 1, EUR: 1.08, JPY: 0.0067}
rules:
"""
NOTE = "    note: {zh-Hans: 说明, en: why}\n"


def rules(tmp_path: Path, body: str) -> OfferRules:
    path = tmp_path / "offer_rules.yaml"
    path.write_text(HEADER + body, encoding="utf-8")
    return load_offer_rules(path)


def rule(when: str, offer: str = "offer.x") -> str:
    return f"  - id: r\n    when: {when}\n    offer: {offer}\n" + NOTE


def usd(amount: str, code: str = "USD") -> Money:
    return Money(Decimal(amount), code)


def fired(r: OfferRules, **situation: object) -> list[str]:
    s = Situation(**{"scenarios": (("damaged_item", 0.8),), **situation})  # type: ignore[arg-type]
    return [f.rule for f in r.fire(s, "en")]


def test_scenario_condition_needs_a_strong_detected_scenario(tmp_path: Path) -> None:
    r = rules(tmp_path, rule("{scenarios: [damaged_item]}"))
    assert fired(r) == ["r"]
    assert fired(r, scenarios=(("size_fit", 0.9), ("damaged_item", 0.2))) == []  # passing mention
    assert fired(r, scenarios=()) == []


def test_segment_condition(tmp_path: Path) -> None:
    r = rules(tmp_path, rule("{segments: [returning, high_value]}"))
    assert fired(r, segment="returning") == ["r"]
    assert fired(r, segment="new") == []
    assert fired(r) == []  # segment not set: the rule does not hold


def test_region_and_except_region_conditions(tmp_path: Path) -> None:
    r = rules(
        tmp_path,
        rule("{regions: [europe]}")
        + "  - id: elsewhere\n    when: {except_regions: [europe]}\n    offer: offer.y\n"
        + NOTE,
    )
    assert fired(r, region="europe") == ["r"]
    assert fired(r, region="japan") == ["elsewhere"]


def test_order_value_bounds_in_any_declared_currency(tmp_path: Path) -> None:
    r = rules(tmp_path, rule("{order_value: {at_least: 30 USD, below: 200 USD}}"))
    assert fired(r, order_value=usd("30")) == ["r"]  # at_least is inclusive
    assert fired(r, order_value=usd("200")) == []  # below is exclusive
    assert fired(r, order_value=usd("29.99")) == []
    assert fired(r, order_value=usd("28", "EUR")) == ["r"]  # 30.24 USD
    assert fired(r, order_value=usd("4000", "JPY")) == []  # 26.80 USD
    assert fired(r) == []  # no order value entered: the rule does not hold


def test_year_spend_bounds_and_what_held_is_kept_as_data(tmp_path: Path) -> None:
    """#18: "customers above ... 30k a year get a care follow-up"."""
    r = rules(tmp_path, rule("{year_spend: {at_least: 30000 USD}}"))
    assert fired(r, year_spend=usd("30000")) == ["r"]
    assert fired(r, year_spend=usd("25000", "EUR")) == []  # 27,000 USD
    assert fired(r, year_spend=usd("29000", "EUR")) == ["r"]  # 31,320 USD
    assert fired(r, order_value=usd("40000")) == []  # an order is not a year's spend
    assert fired(r) == []
    (offer,) = r.fire(Situation((), year_spend=usd("31000")), "en")
    assert offer.held == (HeldCondition("year_spend", "31000 USD", "30000 USD", None),)
    assert offer.reason == "why (spent this year 31000 USD, at least 30000 USD)"


def test_a_bad_year_spend_bound_names_its_condition(tmp_path: Path) -> None:
    with pytest.raises(PlaybookInvalid) as err:
        rules(tmp_path, rule("{year_spend: {at_least: 5 USD, below: 2 USD}}"))
    assert "rule r: year_spend at_least 5 USD is not below 2 USD" in str(err.value.problems[0])


def test_every_condition_must_hold_and_the_reason_says_which(tmp_path: Path) -> None:
    r = rules(tmp_path, rule("{scenarios: [damaged_item], order_value: {below: 30 USD}}"))
    s = Situation((("damaged_item", 0.8),), order_value=usd("25"))
    (offer,) = r.fire(s, "en")
    assert offer.entry_id == "offer.x"
    assert offer.reason == "why (scenario damaged_item; order 25 USD, below 30 USD)"
    assert r.fire(s, "zh-Hans")[0].note == "说明"
    assert fired(r, scenarios=(("damaged_item", 0.8),), order_value=usd("31")) == []


def test_rules_fire_in_file_order_and_an_offer_shows_once(tmp_path: Path) -> None:
    r = rules(
        tmp_path,
        "  - id: first\n    when: {segments: [high_value]}\n    offer: offer.care\n"
        + NOTE
        + "  - id: second\n    when: {order_value: {at_least: 200 USD}}\n    offer: offer.care\n"
        + NOTE
        + "  - id: third\n    when: {scenarios: [damaged_item]}\n    offer: offer.keep\n"
        + NOTE,
    )
    assert fired(r, segment="high_value", order_value=usd("300")) == ["first", "third"]
    assert fired(r, order_value=usd("300")) == ["second", "third"]


def test_invalid_rules_are_reported_at_their_line(tmp_path: Path) -> None:
    body = (
        "  - id: a\n    when: {scenarios: [late_parcel], segments: [vip]}\n    offer: offer.x\n"
        + NOTE
        + "  - id: b\n    when: {order_value: {below: 30 XYZ}}\n    offer: offer.x\n"
        + NOTE
        + "  - id: c\n    when: {}\n    offer: offer.x\n"
        + NOTE
        + "  - id: a\n    when: {regions: [mars]}\n    offer: offer.x\n"
    )
    with pytest.raises(PlaybookInvalid) as err:
        rules(tmp_path, body)
    lines = [str(p).split(":", 1)[1] for p in err.value.problems]
    text = "\n".join(lines)
    assert "6:24: unknown scenario 'late_parcel'" in text
    assert "6:49: unknown segment 'vip'" in text
    assert "10:33: rule b: order value '30 XYZ': unknown currency 'XYZ'" in text
    assert "14:11: rule c: when needs at least one condition" in text
    assert "17:5: rule: missing required field 'note'" in text
    assert "18:22: unknown region 'mars'" in text
    assert all(str(p).startswith(str(tmp_path)) for p in err.value.problems)


def test_bad_rates_and_format(tmp_path: Path) -> None:
    path = tmp_path / "offer_rules.yaml"
    path.write_text(
        "format: 2\nbase_currency: USD\nrates: {EUR: -1, usd: 1}\nrules: []\n", encoding="utf-8"
    )
    with pytest.raises(PlaybookInvalid) as err:
        load_offer_rules(path)
    text = "\n".join(str(p) for p in err.value.problems)
    assert ":1:9: format must be 1" in text
    assert ":3:14: rate of EUR must be a positive number" in text
    assert "'usd' is not a currency code" in text
    assert "base_currency 'USD' has no rate" in text


def test_bundled_rules_reproduce_the_playbook_cases() -> None:
    r = load_offer_rules(bundled_resources() / "offer_rules.yaml")
    late = (("shipping_delay", 0.8),)
    broken = (("damaged_item", 0.8),)

    def offers(**situation: object) -> list[str]:
        return [f.entry_id for f in r.fire(Situation(**situation), "en")]  # type: ignore[arg-type]

    assert offers(scenarios=late, segment="returning") == ["offer.priority_reship_coupon"]
    assert offers(scenarios=late, segment="new") == ["offer.process_tracking_link"]
    assert offers(scenarios=broken, order_value=usd("25")) == ["offer.keep_item_partial_refund"]
    assert offers(scenarios=broken, order_value=usd("120"), region="europe") == [
        "offer.return_local_warehouse"
    ]
    assert offers(scenarios=broken, order_value=usd("120"), region="southeast_asia") == [
        "offer.return_overseas_warehouse"
    ]
    assert offers(scenarios=broken, order_value=usd("250"), region="north_america") == [
        "offer.return_local_warehouse",
        "offer.care_follow_up",
    ]
    assert "offer.care_follow_up" in offers(scenarios=late, segment="high_value")
    assert offers(scenarios=late, year_spend=usd("32000")) == ["offer.care_follow_up"]
    assert offers(scenarios=late, year_spend=usd("12000")) == []
    assert offers(scenarios=(("greeting", 0.9),), segment="high_value") == []


def test_bundled_rules_name_replies_the_bundled_phrasebooks_have() -> None:
    r = load_offer_rules(bundled_resources() / "offer_rules.yaml")
    books = load_files([bundled_phrasebooks()])
    entries = {e.id: e for lb in books for e in lb.phrasebook.entries}
    assert r.check_references(entries) == []
    for rule in r.rules:
        assert "offer" in entries[rule.offer].tags, rule.id
    missing = r.check_references({"offer.care_follow_up"})
    assert missing and all("no reply entry" in p.message and p.line > 0 for p in missing)
