"""Issue #15 item 1: Enter in the fill form copies when every field is filled and
names the missing field otherwise; Esc never loses what was typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sidebar_helpers import paste

from chatassist.ui.backend import Backend

ORDER_MESSAGE = "¿Dónde está mi pedido 48213? Llevo dos semanas esperando."


def _reply_with(sidebar: Any, placeholder: str) -> int:
    return next(
        i
        for i, item in enumerate(sidebar.replies.items)
        if placeholder in item.suggestion.placeholders
    )


def _open_form(qtbot: Any, make_sidebar: Any, backend: Backend) -> tuple[Any, Any]:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, ORDER_MESSAGE)
    sidebar.activateWindow()
    sidebar.reply_copier.copy_reply(_reply_with(sidebar, "customer_name"))
    dialog = sidebar.reply_copier.fill_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return sidebar, dialog


def test_enter_in_a_field_copies_the_filled_reply(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar, dialog = _open_form(qtbot, make_sidebar, backend)
    fields = list(dialog.fields.values())
    for edit in fields:
        if not edit.text():
            edit.setText("María López")
    with qtbot.waitSignal(sidebar.copied, timeout=3000) as copied:
        qtbot.keyClick(fields[-1], Qt.Key.Key_Return)
    assert "María López" in copied.args[0]
    assert QGuiApplication.clipboard().text() == copied.args[0]
    assert not dialog.isVisible()


def test_enter_with_a_field_missing_names_it_and_focuses_it(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar, dialog = _open_form(qtbot, make_sidebar, backend)
    name = dialog.fields["customer_name"]
    name.clear()
    others = [e for n, e in dialog.fields.items() if n != "customer_name"]
    for edit in others:
        if not edit.text():
            edit.setText("X")
    target = others[0] if others else name
    target.setFocus()
    with qtbot.assert_not_emitted(sidebar.copied):
        qtbot.keyClick(target, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Customer name" in dialog.missing.text()
    assert dialog.focusWidget() is name


def test_esc_keeps_what_was_typed_for_the_customer(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar, dialog = _open_form(qtbot, make_sidebar, backend)
    dialog.fields["customer_name"].setText("María López")
    with qtbot.assert_not_emitted(sidebar.copied):
        qtbot.keyClick(dialog.fields["customer_name"], Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert sidebar.customers.current.values["customer_name"] == "María López"
    # Opened again, the form starts with it.
    sidebar.reply_copier.copy_reply(_reply_with(sidebar, "customer_name"))
    again = sidebar.reply_copier.fill_dialog
    if again is not None:  # every placeholder known: copied at once instead
        assert again.fields["customer_name"].text() == "María López"
