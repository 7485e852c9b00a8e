"""Display names of languages, scenarios, tones, segments and placeholders in the UI
language. Each string is a literal in a ``translate`` call so that lupdate finds it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from chatassist.core.languages import LANGUAGES
from chatassist.core.playbook.offer_rules import HeldCondition
from chatassist.core.regions import Region


def language_name(code: str) -> str:
    names = {
        "en": QCoreApplication.translate("Language", "English"),
        "es": QCoreApplication.translate("Language", "Spanish"),
        "pt": QCoreApplication.translate("Language", "Portuguese"),
        "de": QCoreApplication.translate("Language", "German"),
        "fr": QCoreApplication.translate("Language", "French"),
        "it": QCoreApplication.translate("Language", "Italian"),
        "nl": QCoreApplication.translate("Language", "Dutch"),
        "pl": QCoreApplication.translate("Language", "Polish"),
        "tr": QCoreApplication.translate("Language", "Turkish"),
        "ru": QCoreApplication.translate("Language", "Russian"),
        "ar": QCoreApplication.translate("Language", "Arabic"),
        "ja": QCoreApplication.translate("Language", "Japanese"),
        "ko": QCoreApplication.translate("Language", "Korean"),
        "zh-Hans": QCoreApplication.translate("Language", "Chinese (Simplified)"),
        "zh-Hant": QCoreApplication.translate("Language", "Chinese (Traditional)"),
        "th": QCoreApplication.translate("Language", "Thai"),
        "vi": QCoreApplication.translate("Language", "Vietnamese"),
        "id": QCoreApplication.translate("Language", "Indonesian"),
        "ms": QCoreApplication.translate("Language", "Malay"),
        "tl": QCoreApplication.translate("Language", "Filipino"),
    }
    return names.get(code, code)


def language_label(code: str) -> str:
    """'Spanish · Español' for the language pickers."""
    lang = LANGUAGES.get(code)
    name = language_name(code)
    if lang is None or lang.native_name == name:
        return name
    return f"{name} · {lang.native_name}"


def scenario_name(scenario_id: str) -> str:
    names = {
        "greeting": QCoreApplication.translate("Scenario", "Greeting"),
        "closing": QCoreApplication.translate("Scenario", "Closing"),
        "hold_on": QCoreApplication.translate("Scenario", "Hold on"),
        "order_status": QCoreApplication.translate("Scenario", "Order status"),
        "shipping_delay": QCoreApplication.translate("Scenario", "Shipping delay"),
        "customs_tax": QCoreApplication.translate("Scenario", "Customs and tax"),
        "not_received": QCoreApplication.translate("Scenario", "Not received"),
        "damaged_item": QCoreApplication.translate("Scenario", "Damaged item"),
        "wrong_item": QCoreApplication.translate("Scenario", "Wrong item"),
        "refund_request": QCoreApplication.translate("Scenario", "Refund request"),
        "refund_status": QCoreApplication.translate("Scenario", "Refund status"),
        "return_exchange": QCoreApplication.translate("Scenario", "Return or exchange"),
        "size_fit": QCoreApplication.translate("Scenario", "Size and fit"),
        "product_fault": QCoreApplication.translate("Scenario", "Product fault"),
        "product_question": QCoreApplication.translate("Scenario", "Product question"),
        "product_safety": QCoreApplication.translate("Scenario", "Product safety"),
        "payment_issue": QCoreApplication.translate("Scenario", "Payment issue"),
        "cancel_order": QCoreApplication.translate("Scenario", "Cancel order"),
        "address_change": QCoreApplication.translate("Scenario", "Address change"),
        "invoice_vat": QCoreApplication.translate("Scenario", "Invoice and VAT"),
        "points_coupons": QCoreApplication.translate("Scenario", "Points and coupons"),
        "complaint_escalation": QCoreApplication.translate("Scenario", "Complaint, escalation"),
        "stock_availability": QCoreApplication.translate("Scenario", "Stock availability"),
    }
    return names.get(scenario_id, scenario_id.replace("_", " "))


def tone_name(tone: str) -> str:
    names = {
        "direct": QCoreApplication.translate("Tone", "direct"),
        "warm": QCoreApplication.translate("Tone", "warm"),
        "detailed": QCoreApplication.translate("Tone", "detailed"),
    }
    return names.get(tone, tone)


def kind_name(kind: str) -> str:
    names = {
        "reply": QCoreApplication.translate("Kind", "reply"),
        "note": QCoreApplication.translate("Kind", "agent note"),
    }
    return names.get(kind, kind)


def region_id_name(region_id: str, regions: Sequence[Region]) -> str:
    """The name ``resources/regions.yaml`` gives ``region_id`` in the interface
    language (the id itself when ``regions`` does not have it, e.g. before the
    regions are loaded). ``regions`` is required so that a new caller cannot forget
    it and show raw ids (mypy says so)."""
    region = next((r for r in regions if r.id == region_id), None)
    if region is None:
        return region_id
    return region_name(region, interface_language())


def interface_language() -> str:
    """ "zh-Hans" when the Chinese interface is installed, else "en"."""
    chinese = QCoreApplication.translate("Language", "English") != "English"
    return "zh-Hans" if chinese else "en"


def phrasebook_title(title: Mapping[str, str], book_id: str) -> str:
    """A phrasebook's title in the interface language (zh-Hans when it is translated)."""
    chinese = interface_language() == "zh-Hans"
    order = ("zh-Hans", "en") if chinese else ("en", "zh-Hans")
    return next((title[lang] for lang in order if title.get(lang)), book_id)


def segment_name(segment: str) -> str:
    names = {
        "new": QCoreApplication.translate("Segment", "new"),
        "returning": QCoreApplication.translate("Segment", "returning"),
        "high_value": QCoreApplication.translate("Segment", "high value"),
    }
    return names.get(segment, segment)


def placeholder_name(name: str) -> str:
    names = {
        "customer_name": QCoreApplication.translate("Placeholder", "Customer name"),
        "order_id": QCoreApplication.translate("Placeholder", "Order number"),
        "tracking_number": QCoreApplication.translate("Placeholder", "Tracking number"),
        "tracking_link": QCoreApplication.translate("Placeholder", "Tracking link"),
        "carrier": QCoreApplication.translate("Placeholder", "Carrier"),
        "eta": QCoreApplication.translate("Placeholder", "Estimated date"),
        "product_name": QCoreApplication.translate("Placeholder", "Product name"),
        "email": QCoreApplication.translate("Placeholder", "Email"),
        "amount": QCoreApplication.translate("Placeholder", "Amount"),
        "refund_amount": QCoreApplication.translate("Placeholder", "Refund amount"),
        "refund_days": QCoreApplication.translate("Placeholder", "Refund days"),
        "refund_date": QCoreApplication.translate("Placeholder", "Refund date"),
        "return_days": QCoreApplication.translate("Placeholder", "Return days"),
        "update_hours": QCoreApplication.translate("Placeholder", "Update hours"),
        "update_days": QCoreApplication.translate("Placeholder", "Update days"),
        "coupon_amount": QCoreApplication.translate("Placeholder", "Coupon amount"),
        "restock_date": QCoreApplication.translate("Placeholder", "Restock date"),
        "expiry_date": QCoreApplication.translate("Placeholder", "Expiry date"),
        "new_address": QCoreApplication.translate("Placeholder", "New address"),
        "payment_method": QCoreApplication.translate("Placeholder", "Payment method"),
    }
    return names.get(name, name.replace("_", " ").capitalize())


def region_name(region: Region, ui_language: str) -> str:
    names: Mapping[str, str] = region.name
    return names.get(ui_language) or names.get("en") or region.id


def held_condition(held: HeldCondition, regions: Sequence[Region] = ()) -> str:
    """One condition of an offer rule that held, in the interface language (a region
    named as in ``regions``)."""
    if held.kind == "scenario":
        text = QCoreApplication.translate("Offer", "scenario %1")
        return text.replace("%1", scenario_name(held.value))
    if held.kind == "segment":
        text = QCoreApplication.translate("Offer", "%1 customer")
        return text.replace("%1", segment_name(held.value))
    if held.kind == "region":
        where = region_id_name(held.value, regions) if held.value else "?"
        return QCoreApplication.translate("Offer", "region %1").replace("%1", where)
    if held.kind == "year_spend":
        text = QCoreApplication.translate("Offer", "spent this year %1")
    else:
        text = QCoreApplication.translate("Offer", "order %1")
    text = text.replace("%1", held.value)
    if held.at_least is not None:
        text += QCoreApplication.translate("Offer", ", at least %1").replace("%1", held.at_least)
    if held.below is not None:
        text += QCoreApplication.translate("Offer", ", below %1").replace("%1", held.below)
    return text


def offer_reason(note: str, held: Sequence[HeldCondition], regions: Sequence[Region] = ()) -> str:
    """Why an offer rule fired: its note (already in the agent's language) and what held."""
    if not held:
        return note
    joined = QCoreApplication.translate("Offer", "; ").join(
        held_condition(h, regions) for h in held
    )
    text = QCoreApplication.translate("Offer", "%1 (%2)")
    return text.replace("%1", note).replace("%2", joined)
