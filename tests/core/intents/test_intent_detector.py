from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chatassist.core.intents import IntentDetector, Urgency, parse_lexicon
from chatassist.core.phrasebook.model import Entry

# Messages written for these tests (none from the evaluation set), about 14 per language.
_FRESH = list(
    csv.reader(
        (Path(__file__).parent / "examples_fresh.tsv").open(encoding="utf-8"), delimiter="\t"
    )
)[1:]


@pytest.mark.parametrize(
    ("language", "ids", "text"), _FRESH, ids=[f"{r[0]}-{r[1]}" for r in _FRESH]
)
def test_primary_scenario_of_fresh_messages(
    lexicon_detector: IntentDetector, language: str, ids: str, text: str
) -> None:
    result = lexicon_detector.detect(text)
    assert result.primary is not None, text
    assert ids.split(",")[0] in result.ids[:3], (text, result.ids)


@pytest.mark.parametrize(
    ("text", "scenario"),
    [
        ("wheres my order", "order_status"),
        ("wismo??", "order_status"),
        ("cade meu pedido", "order_status"),
        ("ko nhan dc hang", "not_received"),
        ("belum sampai", "shipping_delay"),
        ("lom nyampe", "shipping_delay"),
        ("ยังไม่ได้รับของ", "not_received"),
        ("还没收到货", "not_received"),
        ("まだ届かない", "shipping_delay"),
        ("아직 안 왔어요", "shipping_delay"),
    ],
)
def test_slang_and_unaccented_cues(
    lexicon_detector: IntentDetector, text: str, scenario: str
) -> None:
    assert lexicon_detector.detect(text).primary is not None
    assert scenario in lexicon_detector.detect(text).ids[:2]


@pytest.mark.parametrize(
    "text", ["ok", "123456", "asdf", "", "   ", "👍", "order #A1029384", "relationship"]
)
def test_no_recognisable_intent_gives_an_empty_result(
    lexicon_detector: IntentDetector, text: str
) -> None:
    result = lexicon_detector.detect(text)
    assert result.scenarios == ()
    assert result.primary is None


def test_case_width_and_accents_do_not_matter(lexicon_detector: IntentDetector) -> None:
    plain = lexicon_detector.detect("donde esta mi pedido").ids
    assert lexicon_detector.detect("¿DÓNDE ESTÁ MI PEDIDO?").ids == plain
    assert lexicon_detector.detect("ｄｏｎｄｅ ｅｓｔａ ｍｉ ｐｅｄｉｄｏ").ids == plain


def test_traditional_and_simplified_chinese_agree(lexicon_detector: IntentDetector) -> None:
    hant = lexicon_detector.detect("退款什麼時候到帳？")
    hans = lexicon_detector.detect("退款什么时候到账？")
    assert hant.ids == hans.ids and hant.primary is not None
    assert hant.primary.id == "refund_status"


def test_scores_rank_and_carry_evidence_and_urgent_flags(lexicon_detector: IntentDetector) -> None:
    result = lexicon_detector.detect("the mug arrived broken, can I get a refund?")
    assert result.ids[:2] == ("damaged_item", "refund_request")
    first, second = result.scenarios[:2]
    assert 1 >= first.score >= second.score > 0
    assert first.urgent and second.urgent  # both urgent in the taxonomy
    assert any(e.text == "arrived broken" and e.source == "lexicon" for e in first.evidence)
    assert lexicon_detector.detect("hello there").scenarios[0].urgent is False


def test_phrasebook_keywords_vote_with_their_entry(lexicon_detector: IntentDetector) -> None:
    entry = Entry(
        id="wishlist.notify",
        scenarios=("stock_availability", "product_question"),
        gloss={"en": "x", "zh-Hans": "x"},
        keywords={"en": ("wishlist alert",)},
    )
    detector = IntentDetector.build(None, [entry])
    result = detector.detect("can I set a Wishlist Alert for this?")
    assert result.ids == ("stock_availability", "product_question")
    evidence = result.scenarios[0].evidence[0]
    assert (evidence.source, evidence.entry_id, evidence.text) == (
        "phrasebook",
        "wishlist.notify",
        "wishlist alert",
    )
    assert result.scenarios[0].score > result.scenarios[1].score  # primary weighs more


def test_message_urgency(lexicon_detector: IntentDetector) -> None:
    assert lexicon_detector.detect("where is my order").urgency is Urgency.NONE
    assert lexicon_detector.detect("where is my order!!!").urgency is Urgency.ELEVATED
    assert lexicon_detector.detect("urgent: where is my order").urgency is Urgency.ELEVATED
    threat = lexicon_detector.detect("refund me or I file a chargeback with my bank")
    assert threat.urgency is Urgency.HIGH and "chargeback" in threat.urgency_evidence
    safety = lexicon_detector.detect("the charger smells burnt and sparks")
    assert safety.urgency is Urgency.HIGH and safety.urgent
    assert lexicon_detector.detect("我要投诉你们，我要找律师").urgency is Urgency.HIGH


def test_language_hint_is_optional_and_favours_that_language() -> None:
    lexicon = parse_lexicon(
        "format: 1\nscenarios:\n  cancel_order:\n    es: [cancelar]\n  product_question:\n    pt: [cancelar]\n"
    )
    detector = IntentDetector.build(lexicon)
    assert {m.id for m in detector.detect("cancelar").scenarios} == {
        "cancel_order",
        "product_question",
    }
    assert detector.detect("cancelar", language="pt").ids[0] == "product_question"
    assert detector.detect("cancelar", language="es").ids[0] == "cancel_order"


def test_mixed_language_message(lexicon_detector: IntentDetector) -> None:
    result = lexicon_detector.detect("refund saya still tak masuk, bila masuk ni?", language="ms")
    assert result.ids[0] == "refund_status"


def test_single_words_of_cues_back_off_weakly() -> None:
    lexicon = parse_lexicon(
        "format: 1\nscenarios:\n"
        "  product_question:\n    en: [waterproof rating, battery capacity]\n"
        "  greeting:\n    en: [good morning]\n"
    )
    detector = IntentDetector.build(lexicon)
    result = detector.detect("what's the capacity of that battery?")
    assert result.ids == ("product_question",)
    assert {e.source for e in result.scenarios[0].evidence} == {"lexicon-word"}
    assert detector.detect("the battery").scenarios == ()  # one back-off word is not enough
    whole = detector.detect("battery capacity?").scenarios[0]
    assert [e.source for e in whole.evidence] == ["lexicon"]  # the whole cue, counted once


def test_the_request_mentioned_first_ranks_first_when_two_are_equally_strong() -> None:
    lexicon = parse_lexicon(
        "format: 1\nscenarios:\n  cancel_order:\n    en: [cancel order]\n"
        "  payment_issue:\n    en: [charged twice]\n"
    )
    detector = IntentDetector.build(lexicon)
    assert detector.detect("cancel order please, I was charged twice").ids == (
        "cancel_order",
        "payment_issue",
    )
    assert detector.detect("I was charged twice, cancel order please").ids == (
        "payment_issue",
        "cancel_order",
    )


def test_an_exchange_next_to_a_size_problem_is_a_size_swap() -> None:
    lexicon = parse_lexicon(
        "format: 1\nscenarios:\n"
        "  size_fit:\n    en: [too tight, bigger size, swap for a bigger size]\n"
        "  return_exchange:\n    en: [swap for, return them, {text: swap, weight: 1.2}]\n"
    )
    detector = IntentDetector.build(lexicon)
    # The exchange words are part of the size cue: no return chip at all.
    assert detector.detect("too tight, can I swap for a bigger size").ids == ("size_fit",)
    # An exchange of its own still shows, after the size problem it serves ...
    assert detector.detect("too tight, I want to swap them").ids == (
        "size_fit",
        "return_exchange",
    )
    # ... and a return asked outright keeps the lead.
    assert detector.detect("I want to return them and swap, too tight").ids[0] == (
        "return_exchange"
    )
    # Without a size problem an exchange is an exchange.
    assert detector.detect("can I swap for another colour").ids == ("return_exchange",)


def test_every_chip_after_the_first_needs_evidence_of_its_own() -> None:
    lexicon = parse_lexicon(
        "format: 1\nscenarios:\n"
        "  greeting:\n    en: [{text: hello, weight: 0.9}]\n"
        "  hold_on:\n    en: [anyone there]\n"
        "  order_status:\n    en: [{text: when .. arrive, weight: 1.2}, {text: when will it arrive, weight: 1.5}]\n"
        "  stock_availability:\n    en: [{text: back in stock, weight: 1.5}, {text: it arrive, weight: 0.9}]\n"
        "  size_fit:\n    en: [{text: size, weight: 0.8}, {text: too tight, weight: 1.3}]\n"
        "  points_coupons:\n    en: [coupon]\n"
        "  product_fault:\n    en: [does not work]\n"
    )
    detector = IntentDetector.build(lexicon)
    # A hello before a request opens it; with a conversational first chip it stays.
    assert detector.detect("hello, when will it arrive").ids == ("order_status",)
    assert detector.detect("hello, anyone there?").ids == ("hold_on", "greeting")
    # A cue inside another scenario's longer cue is explained by it ...
    assert detector.detect("when will it arrive").ids == ("order_status",)
    # ... but not by the gap of a gapped cue.
    assert "stock_availability" in detector.detect("when is it back in stock, will it arrive").ids
    # A size named in a stock question is the variant wanted; a fit problem is not.
    assert detector.detect("size M back in stock?").ids == ("stock_availability",)
    assert detector.detect("back in stock? size M is too tight").ids == (
        "stock_availability",
        "size_fit",
    )
    # A coupon that does not work is a coupon problem.
    assert detector.detect("the coupon does not work").ids == ("points_coupons",)
    assert detector.detect("it does not work").ids == ("product_fault",)


def test_how_long_next_to_a_fault_is_how_long_the_item_worked() -> None:
    lexicon = parse_lexicon(
        "format: 1\nscenarios:\n"
        "  product_fault:\n    en: [stopped heating]\n"
        "  shipping_delay:\n    en: [{text: for 2 weeks, weight: 1.2}]\n"
    )
    detector = IntentDetector.build(lexicon)
    assert detector.detect("stopped heating, used it for 2 weeks").ids == ("product_fault",)
    assert detector.detect("parcel stuck for 2 weeks").ids == ("shipping_delay",)


def test_a_lone_back_off_word_is_a_guess_only_in_a_sentence_with_nothing_else() -> None:
    lexicon = parse_lexicon(
        "format: 1\nscenarios:\n"
        "  product_fault:\n    en: [{text: heater stopped working, weight: 2}]\n"
        "  closing:\n    en: [{text: thanks a lot, weight: 2}]\n"
        "  order_status:\n    en: [where is my parcel]\n"
    )
    detector = IntentDetector.build(lexicon)
    # "heater" alone (a back-off word) in a real sentence: a guess beats an empty sidebar.
    assert detector.detect("my heater makes the whole room smell odd").ids == ("product_fault",)
    assert detector.detect("my heaters make the whole room smell odd").ids == ("product_fault",)
    # Not the start of an unrelated longer word, short chat, or a conversational word.
    assert detector.detect("my heatermaster app shows the whole room").ids == ()
    assert detector.detect("heater ok").ids == ()
    assert detector.detect("ok so lot of people here then").ids == ()
    # With a real cue the guess is not added.
    assert detector.detect("where is my parcel, the heater is for my mum").ids == ("order_status",)


def test_a_safety_concern_answers_the_question_asked_with_it() -> None:
    lexicon = parse_lexicon(
        "format: 1\nscenarios:\n"
        "  product_safety:\n    en: [{text: got a rash, weight: 1.5}]\n"
        "  product_question:\n    en: [safe for kids]\n"
    )
    detector = IntentDetector.build(lexicon)
    assert detector.detect("my son got a rash, is it safe for kids?").ids == ("product_safety",)
    assert detector.detect("is it safe for kids?").ids == ("product_question",)
