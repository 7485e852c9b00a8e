"""The sidebar without the mouse: search, selection, Enter, Esc and mnemonics."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel
from sidebar_helpers import paste

from chatassist.core.phrasebook.placeholders import placeholder_kind
from chatassist.ui.backend import Backend

MESSAGE = "¿Dónde está mi pedido 48213?"


def _activate(qtbot: Any, sidebar: Any) -> None:
    sidebar.activateWindow()
    qtbot.waitUntil(sidebar.isActiveWindow)


def test_search_then_down_then_enter_copies_the_selected_reply(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, MESSAGE)
    _activate(qtbot, sidebar)
    qtbot.keyClick(sidebar.message.edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert sidebar.replies.search.hasFocus()
    with qtbot.waitSignal(sidebar.updated):
        qtbot.keyClicks(sidebar.replies.search, "reembolso")
    qtbot.keyClick(sidebar.replies.search, Qt.Key.Key_Down)
    qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Down)
    assert sidebar.replies.current == 1
    item = sidebar.replies.items[1]
    kinds = dict(item.suggestion.placeholder_kinds)
    typed = {"date": "2027-01-05", "money": "10", "number": "3", "duration": "3 days"}
    sidebar.customers.current.values.update(
        {n: typed.get(placeholder_kind(n, kinds), "x1") for n in item.suggestion.placeholders}
    )
    with qtbot.waitSignal(sidebar.copied) as copied:
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Return)
    assert (
        copied.args[0] == item.fill(sidebar.customers.current.values, sidebar.analysis.region).text
    )


def test_escape_clears_the_search_first_then_the_message(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, MESSAGE)
    _activate(qtbot, sidebar)
    sidebar.focus_search()
    qtbot.keyClicks(sidebar.replies.search, "hola")
    qtbot.keyClick(sidebar.replies.search, Qt.Key.Key_Escape)
    assert sidebar.replies.search.text() == ""
    assert sidebar.message.text() == MESSAGE
    qtbot.keyClick(sidebar.replies.search, Qt.Key.Key_Escape)
    assert sidebar.message.text() == ""
    assert sidebar.message.edit.hasFocus()


def test_mnemonics_are_unique_and_fields_have_accessible_names(
    make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    texts = [w.text() for w in sidebar.findChildren(QLabel)]
    texts += [w.text() for w in sidebar.findChildren(QAbstractButton)]
    texts += [sidebar.tabs.tabText(i) for i in range(sidebar.tabs.count())]
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&\s])", t))]
    assert len(keys) == len(set(keys)), sorted(keys)
    for widget in (
        sidebar.message.edit,
        sidebar.message.language_combo,
        sidebar.message.region_combo,
        sidebar.message.tone_combo,
        sidebar.message.country,
        sidebar.message.segment_combo,
        sidebar.replies.search,
        sidebar.compose.edit,
        sidebar.customer_combo,
    ):
        assert widget.accessibleName(), widget


def test_ctrl_e_opens_the_phrasebook_editor(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    opened: list[bool] = []
    sidebar.editor_requested.connect(lambda: opened.append(True))
    _activate(qtbot, sidebar)
    qtbot.keyClick(sidebar.message.edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert opened == [True]
