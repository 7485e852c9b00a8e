"""The suggestion engine's side of offers: offer replies only come through a rule."""

from __future__ import annotations

from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.suggestions import (
    CustomerProfile,
    OfferReason,
    SuggestionEngine,
    offers_first,
)


def reply(entry_id: str, tags: tuple[str, ...] = ()) -> Entry:
    return Entry(
        id=entry_id,
        kind="reply",
        scenarios=("damaged_item",),
        gloss={"zh-Hans": "说明", "en": "gloss"},
        tags=tags,
        variants=(Variant("en", "direct", f"text of {entry_id}"),),
    )


def engine() -> SuggestionEngine:
    book = Phrasebook(
        id="b",
        title={"zh-Hans": "书", "en": "book"},
        entries=(reply("damaged.a"), reply("damaged.b"), reply("offer.keep", ("offer",))),
    )
    return SuggestionEngine([book])


CUSTOMER = CustomerProfile(language="en", tone="direct")


def test_offer_tagged_replies_are_not_ranked_by_scenario() -> None:
    ids = [s.entry_id for s in engine().suggest([("damaged_item", 0.9)], CUSTOMER, limit=10)]
    assert ids == ["damaged.a", "damaged.b"]


def test_offers_go_first_marked_with_their_rule_and_ranked_fill_up_to_the_limit() -> None:
    e = engine()
    ranked = e.suggest([("damaged_item", 0.9)], CUSTOMER, limit=2)
    offer = e.present("offer.keep", CUSTOMER)
    assert offer is not None
    again = e.present("damaged.a", CUSTOMER)
    assert again is not None
    reason = OfferReason("keep_it", "cheap and broken")
    out = offers_first([(offer, reason), (again, OfferReason("r2", "also"))], ranked, limit=2)
    assert [s.entry_id for s in out] == ["offer.keep", "damaged.a"]  # each entry once
    assert out[0].offer == reason and out[0].to_json()["offer"] == {
        "rule": "keep_it",
        "reason": "cheap and broken",
    }
    assert "offer" not in ranked[0].to_json()
