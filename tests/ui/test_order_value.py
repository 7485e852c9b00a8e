"""The order-value field: per customer, checked as typed, and read by the offer rules."""

from __future__ import annotations

from typing import Any

from sidebar_helpers import paste

from chatassist.ui.backend import Backend
from chatassist.ui.customers import Customer
from chatassist.ui.order_value_field import OrderValueField


def test_field_checks_the_value_and_emits_only_valid_ones(qtbot: Any) -> None:
    field = OrderValueField()
    qtbot.addWidget(field)
    field.set_currencies(["USD", "EUR"])
    chosen: list[str] = []
    field.value_chosen.connect(chosen.append)
    for text in ("25 XYZ", "$25", "25,50 eur", ""):
        field.setText(text)
        field.editingFinished.emit()
    assert chosen == ["25.50 EUR", ""]
    field.setText("25 XYZ")
    field.editingFinished.emit()
    assert "unknown currency 'XYZ'" in field.problem and field.toolTip() == field.problem


def test_customer_keeps_the_value_and_passes_it_to_the_rules() -> None:
    customer = Customer.from_json({"number": 3, "order_value": "25 usd"})
    assert customer.order_value == "25 USD"
    assert str(customer.context().order_value) == "25 USD"
    assert Customer.from_json({"number": 4, "order_value": "lots"}).order_value is None
    assert customer.to_json()["order_value"] == "25 USD"


def test_offer_first_in_the_sidebar_once_the_order_value_is_set(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "The mug arrived broken")
    assert not sidebar.replies.items[0].entry_id.startswith("offer.")
    field = sidebar.message.order_value
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        field.setText("25 USD")
        field.editingFinished.emit()
    first = sidebar.replies.items[0].suggestion
    assert first.entry_id == "offer.keep_item_partial_refund"
    assert first.offer is not None and first.offer.rule == "low_value_damaged_keep_it"
    card = sidebar.replies.cards[0]
    assert "Offer rule: " in card.gloss.text() and "below 30 USD" in card.gloss.text()
    assert sidebar.customers.current.order_value == "25 USD"
    sidebar.customer_switcher.new_customer()
    assert field.text() == ""


def test_likely_next_chip_puts_the_prepared_reply_first(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "I usually wear M, which size fits me?")
    chip = sidebar.likely_next
    assert chip.isVisible() and "Likely next" in chip.text()
    assert chip.reply is not None and chip.reply.entry_id == "return_exchange.exchange_offer"
    with qtbot.waitSignal(sidebar.updated):
        chip.click()
    assert sidebar.replies.items[0].entry_id == "return_exchange.exchange_offer"
    sidebar.message.set_text("")
    qtbot.waitUntil(lambda: not chip.isVisible())


def test_order_age_brings_the_late_order_hint(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "Where is my order?")
    assert not sidebar.likely_next.isVisible()
    age = sidebar.message.order_age
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        age.setValue(12)
        age.editingFinished.emit()
    assert sidebar.customers.current.order_age_days == 12
    chip = sidebar.likely_next
    assert chip.isVisible() and chip.reply is not None
    assert chip.reply.entry_id == "shipping_delay.apology_eta"
    sidebar.customer_switcher.new_customer()
    assert age.value() == -1 and age.text() == "age ?"


def test_year_spend_per_customer_brings_the_care_follow_up(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    """#18: customers above a spend threshold (30k a year) get a care follow-up."""
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "my parcel is late again")
    assert all(i.entry_id != "offer.care_follow_up" for i in sidebar.replies.items)
    field = sidebar.message.year_spend
    field.setText("$30k")
    field.editingFinished.emit()
    assert "year spend '$30k' is not understood" in field.problem
    assert sidebar.customers.current.year_spend is None
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        field.setText("31000 usd")
        field.editingFinished.emit()
    first = sidebar.replies.items[0].suggestion
    assert first.offer is not None and first.offer.rule == "year_spend_care"
    assert "spent this year 31000 USD, at least 30000 USD" in sidebar.replies.cards[0].gloss.text()
    saved = sidebar.customers.current.to_json()
    assert saved["year_spend"] == "31000 USD"
    assert str(Customer.from_json(saved).context().year_spend) == "31000 USD"
    sidebar.customer_switcher.new_customer()
    assert field.text() == ""


def test_the_offer_reason_is_in_the_interface_language(qtbot: Any) -> None:
    from zh_cn import chinese_interface

    from chatassist.core.playbook.offer_rules import HeldCondition
    from chatassist.ui import names

    held = (
        HeldCondition("scenario", "damaged_item"),
        HeldCondition("order_value", "25 USD", None, "30 USD"),
    )
    assert (
        names.offer_reason("why", held) == "why (scenario Damaged item; order 25 USD, below 30 USD)"
    )
    with chinese_interface():
        text = names.offer_reason("说明", held)
    assert "damaged_item" not in text and "scenario" not in text and "below" not in text
    assert "25 USD" in text and "30 USD" in text and "说明" in text
