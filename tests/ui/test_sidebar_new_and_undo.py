"""Issue #15 item 3: Ctrl+N always puts the focus in the message box, and Esc's
clearing of the customer message can be undone with Ctrl+Z."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sidebar_helpers import paste

from chatassist.ui.backend import Backend

MESSAGE = "¿Dónde está mi pedido 48213?"
CTRL = Qt.KeyboardModifier.ControlModifier


def _activate(qtbot: Any, sidebar: Any) -> None:
    sidebar.activateWindow()
    qtbot.waitUntil(sidebar.isActiveWindow)


def test_ctrl_n_from_the_reply_list_focuses_the_message_box(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, MESSAGE)
    _activate(qtbot, sidebar)
    card = sidebar.replies.cards[0]
    card.setFocus()
    assert card.hasFocus()
    qtbot.keyPress(card, Qt.Key.Key_N, CTRL)  # the card is gone before a release
    assert sidebar.message.text() == ""  # a new customer
    assert sidebar.message.edit.hasFocus()


def test_ctrl_n_from_compose_clears_the_draft_and_focuses_the_message_box(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, MESSAGE)
    _activate(qtbot, sidebar)
    sidebar.tabs.setCurrentWidget(sidebar.compose)
    draft = sidebar.compose.edit
    draft.setFocus()
    qtbot.keyClicks(draft, "tomorrow")
    qtbot.keyClick(draft, Qt.Key.Key_N, CTRL)
    assert sidebar.compose.text() == ""
    assert sidebar.message.edit.hasFocus()


def test_esc_clearing_the_message_is_undone_by_ctrl_z(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, MESSAGE)
    _activate(qtbot, sidebar)
    edit = sidebar.message.edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert sidebar.message.text() == ""
    assert "Ctrl+Z" in sidebar.status.text()
    with qtbot.waitSignal(sidebar.updated, timeout=5000):  # analysed again
        qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert sidebar.message.text() == MESSAGE
    assert sidebar.analysis is not None and sidebar.analysis.text == MESSAGE
