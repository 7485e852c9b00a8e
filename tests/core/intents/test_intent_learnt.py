"""The word-part model (core/intents/learnt.py) and the second opinion it gives the
detector: words it never saw whole still count through their parts, chit-chat loses a
weak chip, and its answer never adds a chip the chip rules would hide."""

from __future__ import annotations

import json

import pytest

from chatassist.core.intents import IntentDetector, normalize, parse_lexicon
from chatassist.core.intents.learnt import WordPartModel, parts
from chatassist.core.intents.result import LEARNT

DOCS = [
    (("product_fault",), "the speaker keeps disconnecting", 1.0),
    (("product_fault",), "headphones disconnect all the time", 1.0),
    (("product_fault",), "my earbuds stopped working", 1.0),
    (("product_fault",), "the blender stopped working after a week", 1.0),
    (("order_status",), "where is my order", 1.0),
    (("order_status",), "any update on my order", 1.0),
    (("order_status",), "has my order shipped yet", 1.0),
    (("none",), "haha ok i see", 1.0),
    (("none",), "lol ok", 1.0),
    (("none",), "ah i see, makes sense", 1.0),
    (("none",), "this is maria again", 1.0),
]


def test_parts_are_words_their_pieces_and_runs_of_unspaced_characters() -> None:
    got = parts(normalize("Zip 2 返金"))
    assert {"zip", "<zi", "zip>", "<zip>", "返", "金", "返金"} <= got
    assert "2" not in got
    assert parts("") == set()


def test_a_word_never_seen_whole_is_recognised_by_its_parts() -> None:
    model = WordPartModel.train(DOCS)
    ranked = model.rank(normalize("the earphones disconnected again"))
    assert ranked[0][0] == "product_fault"
    assert sum(p for _, p in ranked) == pytest.approx(1.0)
    assert model.rank(normalize("qqq zzz")) == []  # nothing known: no opinion
    assert "disconn" not in model.telling_parts(normalize("disconnected"), "order_status")
    assert model.telling_parts(normalize("it disconnected"), "product_fault")


def test_the_state_round_trip_ranks_the_same_and_bad_state_is_refused() -> None:
    model = WordPartModel.train(DOCS)
    state = json.loads(json.dumps(model.to_state()))
    again = WordPartModel.from_state(state)
    for text in ("where is my order", "lol", "keeps disconnecting"):
        assert again.rank(normalize(text)) == model.rank(normalize(text))
    state["table"]["<zz"] = [99, 1.0]
    with pytest.raises(ValueError, match="names no label"):
        WordPartModel.from_state(state)
    with pytest.raises(KeyError):
        WordPartModel.from_state({"labels": []})


LEXICON = parse_lexicon(
    "format: 1\nscenarios:\n"
    "  order_status:\n    en: [where is my order]\n"
    "  shipping_delay:\n    en: [late]\n"
    "  stock_availability:\n    en: [{text: again, weight: 0.5}]\n"
    "  product_fault:\n    en: [stopped working]\n"
    "  refund_request:\n    en: [refund]\n"
)


def test_the_model_adds_its_confident_scenario_where_no_cue_matched() -> None:
    cues_only = IntentDetector.build(LEXICON)
    with_model = IntentDetector.build(LEXICON, (), WordPartModel.train(DOCS))
    text = "the earphones keep disconnecting"
    assert cues_only.detect(text).ids == ()
    result = with_model.detect(text)
    assert result.ids == ("product_fault",)
    assert result.scenarios[0].evidence[0].source == LEARNT
    assert result.scenarios[0].evidence[0].text  # the parts that spoke for it


def test_chit_chat_loses_a_weak_chip_but_a_real_request_keeps_it() -> None:
    cues_only = IntentDetector.build(LEXICON)
    with_model = IntentDetector.build(LEXICON, (), WordPartModel.train(DOCS))
    text = "haha this is maria again"
    assert cues_only.detect(text).ids == ("stock_availability",)
    assert with_model.detect(text).ids == ()
    assert with_model.detect("where is my order").ids == ("order_status",)


def test_a_weak_cue_the_model_finds_absurd_goes_whatever_else_it_thinks() -> None:
    # "again" (a weak stock cue) in an order question: the model is sure of the order,
    # so the stray stock chip goes; a strong cue would stay.
    cues_only = IntentDetector.build(LEXICON)
    with_model = IntentDetector.build(LEXICON, (), WordPartModel.train(DOCS))
    text = "has my order shipped again"
    assert "stock_availability" in cues_only.detect(text).ids
    assert "stock_availability" not in with_model.detect(text).ids
    assert with_model.detect("refund again").ids[0] == "refund_request"


def test_the_model_adds_no_chip_the_chip_rules_hide() -> None:
    # next to a late parcel, "where is it" is the same request: no order_status chip
    docs = [
        *DOCS,
        (("order_status",), "where is it", 1.0),
        (("order_status",), "where is it now", 1.0),
    ]
    detector = IntentDetector.build(LEXICON, (), WordPartModel.train(docs))
    assert detector.detect("it is late, where is it").ids == ("shipping_delay",)


def test_a_detector_with_a_model_survives_its_state_round_trip() -> None:
    detector = IntentDetector.build(LEXICON, (), WordPartModel.train(DOCS))
    again = IntentDetector.from_state(json.loads(json.dumps(detector.to_state())))
    assert again.model is not None
    for text in ("the earphones keep disconnecting", "haha this is maria again", "refund"):
        assert again.detect(text) == detector.detect(text)


def test_the_pickled_model_needs_no_class_but_its_own_and_ranks_the_same() -> None:
    # The suggestion index is read back by an unpickler that admits only its own classes.
    import io
    import pickle

    class OnlyTheModel(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> object:
            if (module, name) != ("chatassist.core.intents.learnt", "WordPartModel"):
                raise pickle.UnpicklingError(f"{module}.{name}")
            return super().find_class(module, name)

    model = WordPartModel.train(DOCS)
    again = OnlyTheModel(io.BytesIO(pickle.dumps(model, protocol=5))).load()
    assert again.part_count == model.part_count
    for text in ("where is my order", "lol", "the earphones keep disconnecting", "zzz"):
        assert again.rank(normalize(text)) == model.rank(normalize(text))
