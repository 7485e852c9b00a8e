"""Phrasebook keywords catch how customers really write: misspellings, texting
shorthand, dialects, Arabic in Latin letters, Hong Kong Cantonese."""

from __future__ import annotations

import pytest

from chatassist.core.intents import CueLexicon, IntentDetector
from chatassist.core.phrasebook.loader import load_files
from chatassist.paths import bundled_phrasebooks


@pytest.fixture(scope="module")
def phrasebook_only() -> IntentDetector:
    # An empty cue lexicon: only the phrasebooks' keywords can recognise these.
    entries = [e for lb in load_files([bundled_phrasebooks()]) for e in lb.phrasebook.entries]
    return IntentDetector.build(CueLexicon(scenarios={}, urgency={}), entries)


@pytest.mark.parametrize(
    ("language", "message", "scenario"),
    [
        ("en", "i still havent recieved anything", "not_received"),
        ("en", "i need to change adress for my order", "address_change"),
        ("en", "this shop is a scam, I will open a paypal dispute", "complaint_escalation"),
        ("vi", "shop ơi sao mình chưa nhận đc hàng", "not_received"),
        ("vi", "sp bị vỡ hết rồi", "damaged_item"),
        ("vi", "sp ko hoạt động luôn", "product_fault"),
        ("ar", "فين الأوردر بتاعي", "order_status"),
        ("ar", "للحين ما وصل الطلب", "shipping_delay"),
        ("ar", "wein talabi ya akhi", "order_status"),
        ("ar", "3ayez floosy", "refund_request"),
        ("ms", "brg x sampai lagi ni", "shipping_delay"),
        ("ms", "nak refund boleh", "refund_request"),
        ("zh-Hant", "點解仲未到呀", "shipping_delay"),
        ("zh-Hant", "部機開唔到機", "product_fault"),
        ("zh-Hant", "寄錯咗俾我", "wrong_item"),
    ],
)
def test_customer_wording_finds_its_scenario(
    phrasebook_only: IntentDetector, language: str, message: str, scenario: str
) -> None:
    result = phrasebook_only.detect(message, language)
    assert result.primary is not None, message
    assert result.primary.id == scenario, [s.id for s in result.scenarios]
