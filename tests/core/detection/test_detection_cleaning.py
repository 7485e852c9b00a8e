from __future__ import annotations

import pytest

from chatassist.core.detection.cleaning import clean_for_detection, has_letters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("where is AB123456789CN 😡", "where is"),
        ("refund?? https://shop.example.com/o?id=1 mail me at a.b@mail.co", "refund?? mail me at"),
        ("Hola {customer_name}, pagué 25,50€", "Hola , pagué"),
        ("sudah bayar RM 50 dan Rp 100.000", "sudah bayar dan"),
        ("order #123-456 not here :) :D", "order not here"),
        ("我付了300元", "我付了"),
        ("トムは2010年に来た", "トムは 年に来た"),
        ("Привет!!! 👋🏽👨‍👩‍👧", "Привет!!!"),
    ],
)
def test_non_linguistic_parts_do_not_vote(text: str, expected: str) -> None:
    assert clean_for_detection(text) == expected


@pytest.mark.parametrize(
    "text", ["12345 👍", "#A12345", "$19.99", "  ", "https://x.io", "{{name}}"]
)
def test_nothing_left(text: str) -> None:
    assert not has_letters(clean_for_detection(text))
