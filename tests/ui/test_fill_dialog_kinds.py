"""Issue #15 item 5: the fill form lists fields in the reply's order, checks each value
by its kind (a date, an amount with its currency) and offers a calendar for dates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt

from chatassist import paths as paths_mod
from chatassist.core.regions import load_regions
from chatassist.core.suggestions import Suggestion
from chatassist.ui.fill_dialog import FillDialog, in_reply_order
from chatassist.ui.replies_model import ReplyItem

REGIONS = load_regions(paths_mod.bundled_resources() / "regions.yaml")


def item(text: str, language: str, kinds: dict[str, str]) -> ReplyItem:
    names = tuple(sorted(kinds))
    suggestion = Suggestion(
        "e", "b", language, "detailed", text, "", 1.0, (), False, True, False, False, (),
        names, tuple(sorted(kinds.items())),
    )  # fmt: skip
    return ReplyItem.for_customer(suggestion, can_translate=False)


KO = item(
    "{customer_name} 주문 {order_id}은 {eta}까지 도착하며 {refund_amount}이 환불됩니다.",
    "ko",
    {"customer_name": "text", "order_id": "text", "eta": "date", "refund_amount": "money"},
)


def dialog(qtbot: Any, reply: ReplyItem = KO, **values: str) -> FillDialog:
    d = FillDialog(reply, values, REGIONS.choose("ko", "KR"))
    qtbot.addWidget(d)
    d.show()
    return d


def test_fields_come_in_the_order_the_reply_uses_them(qtbot: Any) -> None:
    assert list(dialog(qtbot).fields) == ["customer_name", "order_id", "eta", "refund_amount"]
    assert in_reply_order("{b} then {a} and {b}", ("a", "b", "c")) == ["b", "a", "c"]


def test_a_date_the_customer_s_locale_cannot_write_is_refused_not_pasted(qtbot: Any) -> None:
    d = dialog(qtbot, customer_name="김민수", order_id="778899", refund_amount="15000")
    eta = d.fields["eta"]
    eta.setText("7/3")
    assert not d.copy_button.isEnabled()
    assert "7/3 is ambiguous" in d.missing.text() and "border" in eta.styleSheet()
    qtbot.keyClick(d.fields["order_id"], Qt.Key.Key_Return)  # Enter: not copied, moved there
    assert d.isVisible() and d.focusWidget() is eta
    eta.setText("July 3, 2027")
    assert d.copy_button.isEnabled() and eta.styleSheet() == ""
    assert "2027년 7월 3일까지" in d.preview.text() and "July" not in d.preview.text()
    assert "₩15,000" in d.preview.text()


def test_an_amount_in_another_currency_is_written_in_it(qtbot: Any) -> None:
    d = dialog(qtbot, customer_name="김민수", order_id="1", eta="2027-01-05")
    d.fields["refund_amount"].setText("$20")
    assert not d.copy_button.isEnabled() and "19.90 EUR" in d.missing.text()
    d.fields["refund_amount"].setText("20 USD")
    assert d.copy_button.isEnabled() and "US$20.00" in d.preview.text()


def test_the_calendar_fills_the_date_field(qtbot: Any) -> None:
    d = dialog(qtbot, customer_name="김민수", order_id="1", refund_amount="1")
    assert list(d.calendars) == ["eta"]
    button = d.calendars["eta"]
    menu = button.menu()
    assert menu is not None
    calendar = menu.actions()[0].defaultWidget()  # type: ignore[attr-defined]
    calendar.clicked.emit(QDate(2027, 1, 5))
    assert d.fields["eta"].text() == "2027-01-05" and d.copy_button.isEnabled()
    assert "2027년 1월 5일" in d.preview.text()


def test_the_reply_card_shows_the_values_already_known(
    qtbot: Any, make_sidebar: Any, backend: Any
) -> None:
    """#15 item 5: the card previews the text with the values already known."""
    from sidebar_helpers import paste

    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "¿Dónde está mi pedido 48213? Llevo dos semanas esperando.")
    index, item = next(
        (i, it)
        for i, it in enumerate(sidebar.replies.items)
        if "order_id" in it.suggestion.placeholders
    )
    card = sidebar.replies.cards[index]
    assert "48213" in card.text.text() and "{order_id}" not in card.text.text()
    assert "{order_id}" in item.text  # the reply itself is unchanged
    if "customer_name" in item.suggestion.placeholders:
        assert "{customer_name}" in card.text.text()  # not known yet
        sidebar.customers.current.values["customer_name"] = "María López"
        sidebar.reply_copier.details_changed.emit()
        assert "María" in sidebar.replies.cards[index].text.text()
