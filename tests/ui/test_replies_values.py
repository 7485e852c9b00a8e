"""Values for the fill form found in the customer's message, in any script (issue 12)."""

from __future__ import annotations

import pytest

from chatassist.ui.replies_model import order_number_in, tracking_number_in, values_in


@pytest.mark.parametrize(
    ("message", "order"),
    [
        ("¿Dónde está mi pedido 48213?", "48213"),
        ("order SO-123456 please", "SO-123456"),
        # Glued to Chinese, Japanese, Korean or Thai text.
        ("注文番号は123456です", "123456"),
        ("주문번호는 778899입니다", "778899"),
        ("我的订单号882211还没发货", "882211"),
        ("เลขออเดอร์5566778ค่ะ", "5566778"),
        # Full-width and Arabic-Indic digits come out as ASCII digits.
        ("注文番号は１２３４５６です", "123456"),
        ("ご注文ＳＯ－９８７６５について", "SO-98765"),
        ("رقم الطلب ١٢٣٤٥٦ لو سمحت", "123456"),
        ("شماره سفارش ۷۸۹۰۱۲", "789012"),
        ("order number is 123456.", "123456"),
    ],
)
def test_order_numbers_in_any_script(message: str, order: str) -> None:
    assert order_number_in(message) == order


@pytest.mark.parametrize(
    "message",
    [
        "it cost 12.50 euros",
        "ordered on 2024-05-01",
        "ok thanks",
        "call me at 10:30",
        "RR123456789CN",
    ],
)
def test_amounts_dates_and_tracking_codes_are_not_order_numbers(message: str) -> None:
    assert order_number_in(message) is None


@pytest.mark.parametrize(
    ("message", "tracking"),
    [
        ("追踪号RR123456789CN一直没更新", "RR123456789CN"),
        ("tracking AB123456789CN still stuck", "AB123456789CN"),
        ("เลขพัสดุ TH0123456789012 ค่ะ", "TH0123456789012"),
        ("运单号ＳＦ１２３４５６７８９０１２３", "SF1234567890123"),
        ("ups 1Z999AA10123456784 says delivered", "1Z999AA10123456784"),
    ],
)
def test_tracking_numbers_in_any_script(message: str, tracking: str) -> None:
    assert tracking_number_in(message) == tracking


def test_values_in_names_each_placeholder_once() -> None:
    found = values_in("订单号882211，运单号RR123456789CN还没动")
    assert found == {"order_id": "882211", "tracking_number": "RR123456789CN"}
    assert values_in("ok 👍") == {}
