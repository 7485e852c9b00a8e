"""The sidebar end to end, offscreen, with the bundled phrasebooks and a fake translator."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sidebar_helpers import paste, typed_values

from chatassist.ui.backend import Backend

ORDER_MESSAGE = "¿Dónde está mi pedido 48213?"


def _reply_with(sidebar: Any, placeholder: str) -> int:
    for i, item in enumerate(sidebar.replies.items):
        if placeholder in item.suggestion.placeholders:
            return i
    raise AssertionError(f"no suggested reply with {{{placeholder}}}")


def test_spanish_order_status_from_paste_to_clipboard(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, ORDER_MESSAGE)

    assert sidebar.message.language.text().startswith("Spanish ")
    assert "%" in sidebar.message.language.text()
    assert "Order status" in sidebar.message.scenarios.text()
    assert sidebar.message.translation.text() == f"[zh-Hans] {ORDER_MESSAGE}"
    items = sidebar.replies.items
    assert items and all(i.language == "es" and i.suggestion.tone == "direct" for i in items)
    assert items[0].suggestion.gloss  # the meaning in the agent's language

    index = _reply_with(sidebar, "order_id")
    entry_id = items[index].entry_id
    before = backend.usage.count(entry_id)  # type: ignore[attr-defined]
    sidebar.replies.cards[index].copy.click()
    dialog = sidebar.reply_copier.fill_dialog
    assert dialog is not None
    # The order number in the message is offered; the agent fills the rest.
    assert dialog.fields["order_id"].text() == "48213"
    for name, edit in dialog.fields.items():
        if not edit.text():
            edit.setText({"customer_name": "María López"}.get(name, f"X-{name}"))
    with qtbot.waitSignal(sidebar.copied) as copied:
        dialog.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert copied.args == [text]
    assert "48213" in text and "{" not in text
    assert "María" in text
    qtbot.waitUntil(lambda: sidebar.worker.pending == 0)
    assert backend.usage.count(entry_id) == before + 1  # type: ignore[attr-defined]
    # The values stay with the customer: the next copy needs no form.
    assert sidebar.customers.current.values["order_id"] == "48213"


def test_reply_with_an_unfilled_placeholder_cannot_be_copied(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, ORDER_MESSAGE)
    QGuiApplication.clipboard().setText("untouched")
    sidebar.reply_copier.copy_reply(_reply_with(sidebar, "customer_name"))
    dialog = sidebar.reply_copier.fill_dialog
    assert dialog is not None
    dialog.fields["customer_name"].clear()
    assert not dialog.copy_button.isEnabled()
    assert "Customer name" in dialog.missing.text()
    dialog.accept()  # what Enter in a field would do
    assert dialog.isVisible()
    assert QGuiApplication.clipboard().text() == "untouched"


def test_ctrl_1_copies_the_first_reply(qtbot: Any, make_sidebar: Any, backend: Backend) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, ORDER_MESSAGE)
    first = sidebar.replies.items[0]
    sidebar.customers.current.values.update(typed_values(first.suggestion))
    sidebar.activateWindow()
    qtbot.waitUntil(sidebar.isActiveWindow)
    with qtbot.waitSignal(sidebar.copied):
        qtbot.keyClick(sidebar.message.edit, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    expected = first.fill(sidebar.customers.current.values, sidebar.analysis.region).text
    assert QGuiApplication.clipboard().text() == expected


def test_search_filters_across_phrasebooks(qtbot: Any, make_sidebar: Any, backend: Backend) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, ORDER_MESSAGE)
    suggested = [i.entry_id for i in sidebar.replies.items]
    with qtbot.waitSignal(sidebar.updated):
        sidebar.replies.search.setText("reembolso")
    found = [i.entry_id for i in sidebar.replies.items]
    assert found and found != suggested
    assert "Search results" in sidebar.replies.title.text()
    # Shown for this customer: Spanish, like the suggestions.
    assert all(i.language == "es" for i in sidebar.replies.items)
    assert any("refund" in e for e in found)
    with qtbot.waitSignal(sidebar.replies.search_changed):
        sidebar.replies.search.clear()
    assert [i.entry_id for i in sidebar.replies.items] == suggested


def test_new_customer_starts_fresh_and_switching_back_restores(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, ORDER_MESSAGE)
    first = sidebar.customers.current
    first.values["order_id"] = "48213"
    sidebar.message.language_combo.setCurrentIndex(sidebar.message.language_combo.findData("es"))
    sidebar.message.language_chosen.emit("es")
    assert first.language == "es"

    sidebar.customer_switcher.new_customer()
    assert sidebar.message.text() == ""
    assert sidebar.customers.current is not first
    assert sidebar.customers.current.values == {}
    assert sidebar.message.language_combo.currentData() == ""
    assert sidebar.replies.items == []
    assert sidebar.customer_combo.count() == 2

    with qtbot.waitSignal(sidebar.updated):
        sidebar.customer_switcher.switch_customer(first.number)
    assert sidebar.message.text() == ORDER_MESSAGE
    assert sidebar.message.language_combo.currentData() == "es"
    assert "(set by you)" in sidebar.message.language.text()


def test_message_translation_names_the_missing_pack_and_route(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "注文した商品がまだ届きません。いつ届きますか？")
    assert sidebar.message.language.text().startswith("Japanese")
    hint = sidebar.message.translation_hint.text()
    assert "translate-ja_en" in hint and "translate-en_zh" in hint
    assert "ja→en→zh-Hans" in hint
    assert not sidebar.message.translation.isVisible()


def test_compose_shows_translation_and_back_translation(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, ORDER_MESSAGE)
    sidebar.tabs.setCurrentWidget(sidebar.compose)
    with qtbot.waitSignal(sidebar.updated):
        sidebar.compose.edit.setPlainText("您的订单明天发货。")
    assert sidebar.compose.translation.text() == "[es] 您的订单明天发货。"
    assert sidebar.compose.back.text() == "[zh-Hans] [es] 您的订单明天发货。"  # of the translation
    with qtbot.waitSignal(sidebar.copied):
        sidebar.compose.copy.click()
    assert QGuiApplication.clipboard().text() == "[es] 您的订单明天发货。"


def test_arabic_message_is_laid_out_right_to_left(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, "أين طلبي؟ لم يصل بعد")
    assert sidebar.message.edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    for card, item in zip(sidebar.replies.cards, sidebar.replies.items, strict=True):
        if item.language == "ar":
            assert card.text.layoutDirection() == Qt.LayoutDirection.RightToLeft
