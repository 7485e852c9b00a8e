import pytest

from chatassist.core.phrasebook.placeholders import (
    DATE,
    DURATION,
    MONEY,
    NUMBER,
    PLACEHOLDER_KINDS,
    TEXT,
    fill,
    placeholder_kind,
    placeholder_names,
    required_placeholders,
    tokenize,
)


def test_names_and_literal_braces() -> None:
    assert placeholder_names("Hi {customer_name}, order {order_id} {{not}}") == {
        "customer_name",
        "order_id",
    }
    tokens, problems = tokenize("a {{b}} c")
    assert problems == []
    assert "".join(t.value for t in tokens) == "a {b} c"


def test_fill_reports_unfilled() -> None:
    text, missing = fill("Order {order_id} arrives {eta}.", {"order_id": "48213"})
    assert text == "Order 48213 arrives {eta}."
    assert missing == ["eta"]
    text, missing = fill("Order {order_id} {{x}}", {"order_id": "1"})
    assert (text, missing) == ("Order 1 {x}", [])


def test_unbalanced_problems_have_offsets() -> None:
    _, problems = tokenize("ab {x")
    assert problems[0].offset == 3
    _, problems = tokenize("ab } x")
    assert problems[0].offset == 3


class _CountingText(str):
    """A text that counts how many characters ``find`` scans (issue #20 item 5)."""

    scanned = 0

    def find(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        begin = start or 0
        found = super().find(sub, begin) if end is None else super().find(sub, begin, end)
        _CountingText.scanned += (found if found != -1 else len(self)) - begin
        return found


def test_tokenizing_a_run_of_open_braces_is_linear() -> None:
    # "{a" repeated: each '{' once rescanned to the end of the text (quadratic).
    for hostile in ("{a" * 20_000, "{a}" + "{a" * 20_000 + "}", "}{" * 20_000):
        _CountingText.scanned = 0
        tokens, problems = tokenize(_CountingText(hostile))
        assert _CountingText.scanned <= 4 * len(hostile), hostile[:8]
        assert "".join(t.value for t in tokens if t.kind == "text")  # nothing dropped
        assert problems


def test_unbalanced_inside_a_name_is_reported_once_per_brace() -> None:
    tokens, problems = tokenize("x {a {b} y")
    assert [t.value for t in tokens if t.kind == "placeholder"] == ["b"]
    assert [p.offset for p in problems] == [2]
    assert "".join(t.value if t.kind == "text" else "{" + t.value + "}" for t in tokens) == (
        "x {a {b} y"
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("eta", DATE),
        ("deadline", DATE),
        ("refund_date", DATE),
        ("coupon_amount", MONEY),
        ("lead_time", DURATION),
        ("transit_time", DURATION),
        ("refund_days", NUMBER),
        ("update_hours", NUMBER),
        ("order_id", TEXT),
        ("customer_name", TEXT),
    ],
)
def test_placeholder_kinds_are_declared_by_name(name: str, kind: str) -> None:
    assert placeholder_kind(name) == kind
    assert kind in PLACEHOLDER_KINDS


def test_only_the_customer_name_is_optional_in_a_variant() -> None:
    assert required_placeholders(frozenset({"customer_name", "order_id"})) == {"order_id"}
