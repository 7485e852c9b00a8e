"""Ranking: scenario, tone, vetted variant in the customer's language, segment, hot, pinned."""

from __future__ import annotations

from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.suggestions import CustomerProfile, SuggestionEngine


def entry(eid: str, scenarios: tuple[str, ...], variants: list[Variant], **kw: object) -> Entry:
    return Entry(
        id=eid,
        scenarios=scenarios,
        gloss={"en": f"gloss {eid}", "zh-Hans": f"释义 {eid}"},
        variants=tuple(variants),
        **kw,
    )  # type: ignore[arg-type]


V = Variant
BOOK = Phrasebook(
    id="b",
    title={"en": "B", "zh-Hans": "乙"},
    entries=(
        entry(
            "status.es",
            ("order_status",),
            [V("es", "direct", "Su pedido {order_id}."), V("en", "direct", "Order {order_id}.")],
        ),
        entry(
            "status.en_only",
            ("order_status",),
            [V("en", "direct", "Your order {order_id} is on its way.")],
        ),
        entry(
            "status.draft",
            ("order_status",),
            [V("es", "direct", "Borrador {order_id}.", vetted=False)],
        ),
        entry(
            "delay.vip",
            ("shipping_delay", "order_status"),
            [V("es", "direct", "Reenvío prioritario.")],
            segments=("returning", "high_value"),
        ),
        entry(
            "delay.new",
            ("shipping_delay",),
            [V("es", "direct", "Así funciona el envío.")],
            segments=("new",),
        ),
        entry("refund.pinned", ("refund_request",), [V("es", "direct", "Reembolso.")], pinned=True),
        entry("refund.plain", ("refund_request",), [V("es", "direct", "Reembolso normal.")]),
        entry(
            "note.eu",
            ("customs_tax",),
            [],
            kind="note",
            regions=("europe",),
            body={"en": "b", "zh-Hans": "b"},
        ),
        entry(
            "note.jp",
            ("customs_tax",),
            [],
            kind="note",
            regions=("japan",),
            body={"en": "b", "zh-Hans": "b"},
        ),
        entry(
            "ja.only",
            ("greeting",),
            [
                V("ja", "detailed", "いらっしゃいませ。"),
                V("ja", "warm", "こんにちは！"),
                V("en", "warm", "Hi!"),
            ],
        ),
    ),
)
SPANISH = CustomerProfile(language="es", tone="direct", region="europe")


def ids(suggestions: list) -> list[str]:  # type: ignore[type-arg]
    return [s.entry_id for s in suggestions]


def test_no_scenario_no_suggestions() -> None:
    assert SuggestionEngine([BOOK]).suggest([], SPANISH) == []


GENERAL = Phrasebook(
    id="general",
    title={"en": "General", "zh-Hans": "通用"},
    entries=(
        entry(
            "general.check",
            ("hold_on",),
            [V("es", "direct", "Lo compruebo."), V("en", "direct", "Let me check.")],
            tags=("general",),
        ),
        entry(
            "general.details",
            ("greeting",),
            [V("en", "direct", "Could you tell me more?"), V("ja", "detailed", "詳細を…")],
            tags=("general", "ask_details"),
        ),
    ),
)


def test_no_scenario_offers_the_general_replies_in_the_customer_language() -> None:
    got = SuggestionEngine([BOOK, GENERAL]).suggest([], SPANISH)
    assert ids(got) == ["general.check", "general.details"]
    assert all(s.general for s in got)
    assert got[0].language == "es" and not got[0].needs_translation
    assert got[1].needs_translation  # no Spanish variant: translated from English
    assert got[0].reasons[0].startswith("general reply")
    assert got[0].to_json()["general"] is True


def test_general_replies_stay_out_of_scenario_lists() -> None:
    engine = SuggestionEngine([BOOK, GENERAL])
    got = engine.suggest([("order_status", 1.0)], SPANISH)
    assert got and not any(s.general for s in got)
    # hold_on has no reply of its own here: the general ones come as the fallback,
    # marked general, not as a match of their listed scenario.
    assert all(s.general for s in engine.suggest([("hold_on", 1.0)], SPANISH))


def test_a_scenario_without_any_reply_for_the_customer_falls_back_to_general() -> None:
    engine = SuggestionEngine([BOOK, GENERAL])
    # customs_tax has only a note for Europe: no reply to send.
    got = engine.suggest([("customs_tax", 1.0)], SPANISH)
    assert ids(got) == ["general.check", "general.details"]


def test_general_replies_in_japanese_use_the_detailed_tone() -> None:
    japanese = CustomerProfile(language="ja", tone="detailed", region="japan")
    got = SuggestionEngine([GENERAL]).suggest([], japanese)
    details = next(s for s in got if s.entry_id == "general.details")
    assert details.language == "ja" and details.tone == "detailed"


def test_vetted_variant_in_customer_language_beats_draft_and_machine_translation() -> None:
    got = SuggestionEngine([BOOK]).suggest(
        [("order_status", 1.0)], SPANISH, agent_language="zh-Hans"
    )
    assert ids(got)[:3] == ["status.es", "status.draft", "status.en_only"]
    first, _, en_only = got[:3]
    assert (first.language, first.tone, first.needs_translation, first.vetted) == (
        "es",
        "direct",
        False,
        True,
    )
    assert first.gloss == "释义 status.es"
    assert first.placeholders == ("order_id",)
    assert any("vetted Spanish variant in the direct tone" in r for r in first.reasons)
    assert en_only.needs_translation and en_only.language == "en"
    assert any("needs machine translation" in r for r in en_only.reasons)


def test_primary_scenario_beats_secondary() -> None:
    got = SuggestionEngine([BOOK]).suggest([("order_status", 1.0)], SPANISH)
    assert ids(got).index("status.es") < ids(got).index("delay.vip")


def test_segments_change_the_order() -> None:
    engine = SuggestionEngine([BOOK])
    vip = CustomerProfile("es", "direct", "europe", segment="high_value")
    new = CustomerProfile("es", "direct", "europe", segment="new")
    assert ids(engine.suggest([("shipping_delay", 1.0)], vip))[0] == "delay.vip"
    assert ids(engine.suggest([("shipping_delay", 1.0)], new))[0] == "delay.new"
    vip_for_new = next(
        s for s in engine.suggest([("shipping_delay", 1.0)], new) if s.entry_id == "delay.vip"
    )
    assert any("not new" in r for r in vip_for_new.reasons)


def test_pinned_and_hot_entries_rank_higher_and_say_so() -> None:
    engine = SuggestionEngine([BOOK])
    assert ids(engine.suggest([("refund_request", 1.0)], SPANISH)) == [
        "refund.pinned",
        "refund.plain",
    ]
    engine.set_hot({"refund.plain": 40.0})
    got = engine.suggest([("refund_request", 1.0)], SPANISH)
    plain = next(s for s in got if s.entry_id == "refund.plain")
    assert plain.hot and any("used recently" in r for r in plain.reasons)
    pinned = next(s for s in got if s.entry_id == "refund.pinned")
    assert pinned.pinned and not pinned.hot and "pinned by trainers" in pinned.reasons


def test_tone_falls_back_within_the_language() -> None:
    engine = SuggestionEngine([BOOK])
    japanese = CustomerProfile("ja", "detailed", "japan")
    (s,) = engine.suggest([("greeting", 1.0)], japanese)
    assert (s.language, s.tone) == ("ja", "detailed")
    (s,) = engine.suggest([("greeting", 1.0)], CustomerProfile("ja", "direct", "japan"))
    assert s.language == "ja" and any("no direct one" in r for r in s.reasons)


def test_notes_follow_the_region_and_are_not_replies() -> None:
    engine = SuggestionEngine([BOOK])
    assert engine.suggest([("customs_tax", 1.0)], SPANISH) == []
    assert [n.id for n in engine.notes([("customs_tax", 1.0)], "europe")] == ["note.eu"]
    assert [n.id for n in engine.notes([("customs_tax", 1.0)], "japan")] == ["note.jp"]


def test_notes_are_capped_with_the_likeliest_scenario_first() -> None:
    def note(eid: str, scenario: str) -> Entry:
        return entry(eid, (scenario,), [], kind="note", body={"en": "b", "zh-Hans": "b"})

    many = [note(f"customs.{i}", "customs_tax") for i in range(30)]
    book = Phrasebook(
        id="notes", title={"en": "N", "zh-Hans": "N"},
        entries=(note("refund.0", "refund_request"), *many),
    )  # fmt: skip
    engine = SuggestionEngine([book])
    shown = engine.notes([("refund_request", 0.9), ("customs_tax", 0.6)], "europe")
    assert [n.id for n in shown] == ["refund.0", *(f"customs.{i}" for i in range(11))]
    assert len(engine.notes([("customs_tax", 1.0)], "europe", limit=3)) == 3


def test_limit_and_determinism() -> None:
    engine = SuggestionEngine([BOOK])
    one = engine.suggest([("order_status", 0.9), ("refund_request", 0.5)], SPANISH, limit=2)
    assert len(one) == 2
    assert one == engine.suggest([("order_status", 0.9), ("refund_request", 0.5)], SPANISH, limit=2)


def test_machine_translated_replies_carry_the_phrasebook_glossary() -> None:
    from dataclasses import replace

    engine = SuggestionEngine([replace(BOOK, do_not_translate=("ShopName",))])
    en_only = next(
        s
        for s in engine.suggest([("order_status", 1.0)], SPANISH)
        if s.entry_id == "status.en_only"
    )
    assert en_only.glossary == ("ShopName",)


def test_cached_top_k_equals_ranking_every_candidate() -> None:
    """The per-scenario candidate lists must give exactly what scoring all entries gives."""
    import random

    rng = random.Random(7)
    scenarios = ("order_status", "shipping_delay", "refund_request", "customs_tax")
    entries = []
    for i in range(300):
        picked = tuple(rng.sample(scenarios, rng.choice((1, 2))))
        variants = [
            V(
                rng.choice(("es", "en", "pt")),
                rng.choice(("direct", "warm")),
                f"t{i}",
                vetted=rng.random() > 0.2,
            )
        ]
        entries.append(
            entry(
                f"e{i}",
                picked,
                variants,
                pinned=rng.random() < 0.1,
                segments=rng.choice(((), ("new",), ("returning", "high_value"))),
            )
        )
    book = Phrasebook(id="r", title={"en": "R", "zh-Hans": "R"}, entries=tuple(entries))
    engine = SuggestionEngine([book], hot={f"e{i}": rng.random() * 5 for i in range(0, 300, 7)})
    for segment in (None, "new", "high_value"):
        customer = CustomerProfile("es", "direct", "europe", segment=segment)
        detected = [("order_status", 0.9), ("refund_request", 0.6), ("customs_tax", 0.3)]
        got = [(s.entry_id, round(s.score, 9)) for s in engine.suggest(detected, customer, limit=7)]
        brute = []
        for e in entries:
            scores = [
                engine._rank(
                    engine._entries[e.id],
                    raw / 0.9 * (1.0 if e.scenarios[0] == sid else 0.7),
                    sid,
                    customer,
                    "en",
                )
                for sid, raw in detected
                if sid in e.scenarios
            ]
            scores = [s for s in scores if s is not None]
            if scores:
                best = max(scores, key=lambda s: s.score)
                brute.append((round(-best.score, 9), engine._entries[e.id].order, e.id))
        brute.sort()
        assert got == [(eid, round(-neg, 9)) for neg, _, eid in brute[:7]]


def test_recording_uses_while_workers_rank_is_safe() -> None:
    import threading

    engine = SuggestionEngine([BOOK])
    errors: list[BaseException] = []
    stop = threading.Event()

    def rank() -> None:
        try:
            while not stop.is_set():
                engine.suggest([("refund_request", 1.0), ("order_status", 0.5)], SPANISH)
        except BaseException as exc:  # pragma: no cover - the failure being tested
            errors.append(exc)

    worker = threading.Thread(target=rank)
    worker.start()
    try:
        for _ in range(5000):
            engine.add_use("refund.plain")
    finally:
        stop.set()
        worker.join()
    assert errors == []
    plain = next(
        s
        for s in engine.suggest([("refund_request", 1.0)], SPANISH)
        if s.entry_id == "refund.plain"
    )
    assert plain.hot


def test_general_replies_are_the_best_of_all_however_many_and_after_uses() -> None:
    """general() scores only the best few (an upper bound per reply, as the scenario
    lists do): it must give exactly what ranking every general reply gives, for any
    customer, and again after uses change the heat of one of them."""
    tones = ("direct", "warm", "detailed")
    entries = []
    for i in range(60):
        variants = [V("en", "direct", f"General {i}.")]
        if i % 3 == 0:
            variants.append(V("es", tones[i % 2], f"General {i} es.", vetted=i % 2 == 0))
        if i % 7 == 0:
            variants.append(V("ja", "detailed", f"一般 {i}。"))
        entries.append(
            entry(
                f"g{i:02}",
                ("hold_on",),
                variants,
                tags=("general",),
                pinned=i % 11 == 5,
                segments=("new",) if i % 5 == 0 else (),
                regions=("europe",) if i % 13 == 4 else (),
            )
        )
    book = Phrasebook(id="g", title={"en": "G", "zh-Hans": "通"}, entries=tuple(entries))
    engine = SuggestionEngine([book])
    customers = [
        SPANISH,
        CustomerProfile(language="ja", tone="detailed", region="japan"),
        CustomerProfile(language="en", tone="direct", region="north_america", segment="new"),
        CustomerProfile(language="es", tone="warm", region="europe", segment="returning"),
    ]

    def same() -> None:
        for customer in customers:
            for limit in (1, 5, 12):
                fast = engine.general(customer, limit=limit)
                full = engine._all_general(customer, "zh-Hans", limit)
                assert [(s.entry_id, s.score) for s in fast] == [
                    (s.entry_id, s.score) for s in full
                ]
                assert len(fast) == limit

    same()
    english = CustomerProfile(language="en", tone="direct", region="north_america")
    customers.append(english)
    assert "g59" not in ids(engine.general(english, limit=8))  # last in library order
    for _ in range(6):
        engine.add_use("g59")  # climbs with its uses
    same()
    assert "g59" in ids(engine.general(english, limit=8))
