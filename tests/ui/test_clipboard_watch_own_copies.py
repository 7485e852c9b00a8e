"""Issue #15 item 2: the clipboard watch ignores every copy made by this process
(Ctrl+C in the Compose draft or the editor), and pasting the message the watch
already put in the box does not double it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from sidebar_helpers import paste

from chatassist.settings import Settings
from chatassist.ui.backend import Backend
from chatassist.ui.clipboard_watch import ClipboardWatch

SPANISH = "¿Dónde está mi pedido 48213?"


def test_ctrl_c_in_the_compose_draft_is_not_a_customer_message(
    qtbot: Any, make_sidebar: Any, backend: Backend, settings: Settings
) -> None:
    settings.set("clipboard_watch", True)
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, SPANISH)
    sidebar.tabs.setCurrentWidget(sidebar.compose)
    draft = sidebar.compose.edit
    draft.setPlainText("您的包裹明天到")
    draft.setFocus()
    draft.selectAll()
    with qtbot.assert_not_emitted(sidebar.clipboard.message_copied, wait=50):
        qtbot.keyClick(draft, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "您的包裹明天到"  # it was copied
    assert sidebar.message.text() == SPANISH  # and the customer's message stays


def test_ctrl_c_in_any_window_of_the_process_is_ignored(qtbot: Any) -> None:
    clipboard = QGuiApplication.clipboard()
    watch = ClipboardWatch(clipboard)
    watch.set_enabled(True)
    field = QLineEdit("order.tracking")  # say, a cell of the phrasebook editor
    qtbot.addWidget(field)
    field.show()
    field.selectAll()
    with qtbot.assert_not_emitted(watch.message_copied, wait=50):
        qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "order.tracking"
    # A copy in another program afterwards is still a message.
    with qtbot.waitSignal(watch.message_copied, timeout=3000) as got:
        watch._copy_key.stop()  # the copy key's moment is over
        clipboard.setText("Where is my parcel?")
    assert got.args == ["Where is my parcel?"]


def test_pasting_the_watched_message_again_does_not_double_it(
    qtbot: Any, make_sidebar: Any, backend: Backend, settings: Settings
) -> None:
    settings.set("clipboard_watch", True)
    sidebar = make_sidebar(backend)
    with qtbot.waitSignal(sidebar.updated, timeout=3000):
        QGuiApplication.clipboard().setText(SPANISH)  # copied in the chat tool
    edit = sidebar.message.edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.paste()  # Ctrl+V by habit
    assert sidebar.message.text() == SPANISH
    edit.setPlainText("Hola")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.paste()  # other text is pasted as usual
    assert sidebar.message.text() == "Hola" + SPANISH
