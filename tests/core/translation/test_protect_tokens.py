"""Protected tokens survive translation, or are restored and reported."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from chatassist.core.translation.protect import find_tokens, mask, sentinel, unmask

MESSAGE = (
    "Hi {customer_name}, your order SF1234567890 (#4521) of $12.50 has shipped. "
    "Track it at https://track.example.com/p?id=1Z999AA10123456784. "
    "Questions: help_desk@shop.example.com. 订单号YT20240115已发货，¥300。"
)


def kinds(text: str, glossary: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for start, end, kind in find_tokens(text, glossary)]


def test_every_kind_of_token_is_found() -> None:
    found = kinds(MESSAGE)
    assert ("placeholder", "{customer_name}") in found
    assert ("order_number", "SF1234567890") in found
    assert ("order_number", "#4521") in found
    assert ("amount", "$12.50") in found
    assert ("url", "https://track.example.com/p?id=1Z999AA10123456784") in found
    assert ("email", "help_desk@shop.example.com") in found
    assert ("order_number", "YT20240115") in found  # inside CJK text, no word boundary
    assert ("amount", "¥300") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Total: 49.90 EUR today", ("amount", "49.90 EUR")),
        ("合计 1,200元", ("amount", "1,200元")),
        ("{{agent}} will help", ("placeholder", "{{agent}}")),
        ("see www.example.com.", ("url", "www.example.com")),
        ("Ref ORD-2024-00123 please", ("order_number", "ORD-2024-00123")),
    ],
)
def test_token_shapes(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text)


def test_ordinary_words_and_small_numbers_are_not_protected() -> None:
    assert kinds("Hello, I would like 2 shirts in size M, thank you!") == []


def test_glossary_terms_are_protected_case_insensitively_on_word_boundaries() -> None:
    text = "Prime members get PRIME Video; primer is not a term. 会员Plus特权"
    found = kinds(text, ("Prime", "会员Plus"))
    assert found == [("glossary", "Prime"), ("glossary", "PRIME"), ("glossary", "会员Plus")]


def test_a_url_wins_over_the_order_number_inside_it() -> None:
    assert kinds("https://x.example/ORDER/SF1234567890") == [
        ("url", "https://x.example/ORDER/SF1234567890")
    ]


def test_mask_then_unmask_of_an_untouched_text_is_identity() -> None:
    masked = mask(MESSAGE)
    assert "SF1234567890" not in masked.text and "{customer_name}" not in masked.text
    text, report = unmask(masked.text, masked)
    assert text == MESSAGE
    assert report.ok and len(report.tokens) == 8


def test_text_that_looks_like_a_sentinel_is_itself_protected() -> None:
    masked = mask("code ZX0Q and {x}")
    text, report = unmask(masked.text, masked)
    assert text == "code ZX0Q and {x}" and report.ok


def test_altered_sentinels_are_repaired_and_reported() -> None:
    masked = mask("Order SF1234567890 for {name}")
    mangled = masked.text.replace(sentinel(0), "zx 0 q").replace(sentinel(1), "Zx1")
    text, report = unmask(mangled, masked)
    assert text == "Order SF1234567890 for {name}"
    assert report.repaired == ("SF1234567890", "{name}")
    assert not report.ok


def test_lost_sentinels_are_appended_never_dropped() -> None:
    masked = mask("Refund of $12.50 for #4521")
    text, report = unmask("Refund done", masked)
    assert text == "Refund done $12.50 #4521"
    assert report.appended == ("$12.50", "#4521")


def test_invented_and_duplicated_sentinels_are_removed_and_counted() -> None:
    masked = mask("Order #4521")
    text, report = unmask(f"Pedido {sentinel(0)} {sentinel(0)} {sentinel(7)}", masked)
    assert text == "Pedido #4521"
    assert report.extra == 2


MANGLERS: dict[str, Callable[[str], str]] = {
    "lowercase": str.lower,
    "spaces": lambda s: re.sub(r"ZX(\d+)Q", r"Z X \1 Q", s),
    "drop": lambda s: re.sub(r"ZX\d+Q", "", s),
    "duplicate": lambda s: re.sub(r"(ZX\d+Q)", r"\1 \1", s),
    "invent": lambda s: s + " ZX42Q",
    "reorder": lambda s: " ".join(reversed(s.split())),
}


@pytest.mark.parametrize("mangle", MANGLERS.values(), ids=MANGLERS.keys())
def test_every_token_survives_a_backend_that_mangles_sentinels(
    mangle: Callable[[str], str], fake_service: Any
) -> None:
    service, backend = fake_service(mangle)
    result = service.translate(MESSAGE, "en", "es", glossary=["shipped"])
    for token in result.protected.tokens:
        assert result.text.count(token.text) >= MESSAGE.count(token.text), token
    report = result.protected
    assert len(report.tokens) == 9
    if mangle in (MANGLERS["drop"], MANGLERS["duplicate"], MANGLERS["invent"]):
        # Sentences whose sentinels were lost or invented are translated again in
        # segments around the tokens: every token back in its place, none appended.
        assert len(report.segmented) == 9 and not report.appended
        # (a model that invents sentinels in every piece: those are removed and counted)
        assert bool(report.extra) is (mangle is MANGLERS["invent"])
    if mangle is MANGLERS["lowercase"]:
        assert len(report.repaired) == 9 and not report.appended and not report.segmented
    # The model never saw the tokens themselves.
    seen = " ".join(s for _, sentences in backend.calls for s in sentences)
    assert "SF1234567890" not in seen and "help_desk" not in seen and "shipped" not in seen


def test_a_sentence_with_a_lost_sentinel_is_translated_in_segments(fake_service: Any) -> None:
    drop = lambda s: re.sub(r"ZX\d+Q", "", s).upper()  # noqa: E731
    service, backend = fake_service(drop)
    result = service.translate("Thanks for waiting. Your order #48213 ships 🙏 today!", "en", "es")
    assert result.text == "THANKS FOR WAITING. YOUR ORDER #48213 SHIPS 🙏 TODAY!"
    assert result.protected.segmented == ("#48213", "🙏") and not result.protected.appended
    # First the whole sentences, then only the mangled one's pieces (one batch).
    assert backend.calls[-1][1] == ["Your order", "ships", "today!"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delivered on 2026-11-28.", ("date", "2026-11-28")),
        ("Llega el 28/11/2026", ("date", "28/11/2026")),
        ("11月28日发货", ("date", "11月28日")),
        ("Thanks 🙏🏽!", ("emoji", "🙏🏽")),
        ("Family 👨\u200d👩\u200d👧 ok", ("emoji", "👨\u200d👩\u200d👧")),
        ("Japan 🇯🇵", ("emoji", "🇯🇵")),
    ],
)
def test_dates_and_emoji_are_protected(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text)
