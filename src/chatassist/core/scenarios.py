"""The 23 scenario ids (customer intents) of ../shared/spec/scenarios.md."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    id: str
    urgent: bool
    description: str


_SCENARIOS: tuple[Scenario, ...] = (
    Scenario("greeting", False, "says hello / opens the chat without a request yet"),
    Scenario("closing", False, "thanks, says goodbye, confirms the problem is solved"),
    Scenario("hold_on", False, "asks the agent to wait, or asks whether anyone is there"),
    Scenario("order_status", False, "asks where the order is, for tracking, or when it ships"),
    Scenario("shipping_delay", True, "complains the parcel is late or tracking has not moved"),
    Scenario(
        "customs_tax", True, "customs clearance held up, import duties/taxes charged or asked"
    ),
    Scenario("not_received", True, "tracking says delivered but nothing arrived, or parcel lost"),
    Scenario("damaged_item", True, "item arrived broken, crushed, leaking"),
    Scenario("wrong_item", True, "wrong item, wrong colour, missing piece in the box"),
    Scenario("refund_request", True, "wants money back"),
    Scenario("refund_status", True, "asks where an already promised refund is"),
    Scenario(
        "return_exchange", False, "wants to return or exchange, asks the return policy or label"
    ),
    Scenario("size_fit", False, "size does not fit, asks for size advice or a size swap"),
    Scenario("product_fault", False, "product does not work, defect, warranty question"),
    Scenario("product_question", False, "how to use, specifications, manual, compatibility"),
    Scenario("product_safety", True, "allergic reaction, injury, burning smell, health concern"),
    Scenario("payment_issue", False, "payment failed, charged twice, wants another payment method"),
    Scenario("cancel_order", False, "wants to cancel an order"),
    Scenario("address_change", False, "wants to change the delivery address or contact data"),
    Scenario("invoice_vat", False, "needs an invoice, VAT number, company billing"),
    Scenario("points_coupons", False, "membership points, coupon not applied, promotion rules"),
    Scenario(
        "complaint_escalation", True, "angry, threatens a bad review or chargeback, wants a manager"
    ),
    Scenario("stock_availability", False, "asks when an item is back in stock, pre-order, restock"),
)

SCENARIOS: dict[str, Scenario] = {s.id: s for s in _SCENARIOS}
SCENARIO_IDS: tuple[str, ...] = tuple(s.id for s in _SCENARIOS)


def is_urgent(scenario_id: str) -> bool:
    s = SCENARIOS.get(scenario_id)
    return bool(s and s.urgent)
