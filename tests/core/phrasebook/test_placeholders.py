from chatassist.core.phrasebook.placeholders import fill, placeholder_names, tokenize


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
