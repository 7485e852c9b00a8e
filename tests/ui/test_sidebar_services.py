"""Clipboard watch, settings, window geometry and the recent-customers file."""

from __future__ import annotations

import dataclasses
import json
import threading
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from sidebar_helpers import FakeTranslator, paste

from chatassist.settings import Settings
from chatassist.ui.backend import Backend
from chatassist.ui.customers import CustomerBook


def test_clipboard_watch_takes_outside_copies_and_ignores_its_own(
    qtbot: Any, make_sidebar: Any, backend: Backend, settings: Settings
) -> None:
    settings.set("clipboard_watch", True)
    sidebar = make_sidebar(backend)
    clipboard = QGuiApplication.clipboard()
    with qtbot.waitSignal(sidebar.updated, timeout=3000):
        clipboard.setText("¿Dónde está mi pedido 48213?")  # copied in the chat tool
    assert sidebar.message.text() == "¿Dónde está mi pedido 48213?"
    sidebar.customers.current.values.update(
        {n: "x" for i in sidebar.replies.items for n in i.suggestion.placeholders}
    )
    with (
        qtbot.assert_not_emitted(sidebar.clipboard.message_copied, wait=30),
        qtbot.waitSignal(sidebar.copied) as copied,
    ):
        sidebar.reply_copier.copy_reply(0)
    assert clipboard.text() == copied.args[0]
    assert sidebar.message.text() == "¿Dónde está mi pedido 48213?"  # own copy ignored


def test_clipboard_watch_off_by_default(qtbot: Any, make_sidebar: Any, backend: Backend) -> None:
    sidebar = make_sidebar(backend)
    with qtbot.assert_not_emitted(sidebar.clipboard.message_copied, wait=30):
        QGuiApplication.clipboard().setText("Where is my order?")
    assert sidebar.message.text() == ""


def test_settings_dialog_saves_and_applies(
    qtbot: Any, make_sidebar: Any, backend: Backend, settings: Settings
) -> None:
    sidebar = make_sidebar(backend)
    sidebar.open_settings()
    dialog = sidebar.settings_dialog
    assert str(settings.path.parent) in dialog.folder.text()
    dialog.agent_language.setCurrentIndex(dialog.agent_language.findData("en"))
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("zh-Hans"))
    dialog.clipboard_watch.setChecked(True)
    dialog.always_on_top.setChecked(True)
    dialog.font_size.setValue(13)
    dialog.suggestion_count.setValue(3)
    dialog.accept()
    saved = json.loads(settings.path.read_text(encoding="utf-8"))
    assert saved["agent_language"] == "en"
    assert saved["ui_language"] == "zh-Hans"
    assert saved["clipboard_watch"] is True
    assert saved["font_size"] == 13 and saved["suggestion_count"] == 3
    assert sidebar.clipboard.enabled
    assert sidebar.font().pointSize() == 13
    paste(qtbot, sidebar, "¿Dónde está mi pedido 48213?")
    assert len(sidebar.replies.items) <= 3
    assert sidebar.replies.items[0].suggestion.gloss.isascii()  # glosses now in English


def test_window_size_and_position_are_remembered(
    qtbot: Any, make_sidebar: Any, settings: Settings
) -> None:
    sidebar = make_sidebar(None)
    sidebar.resize(400, 640)
    sidebar.close()
    assert Settings.load(settings.path).get("window_geometry")
    again = make_sidebar(None)
    assert again.size().width() == 400 and again.size().height() == 640


def test_recent_customers_survive_a_restart(data_dir: Path) -> None:
    book = CustomerBook()
    first = book.current
    first.values["order_id"] = "48213"
    first.pin_language("es")
    first.country = "MX"
    first.message = "¿Dónde está mi pedido?"
    second = book.new()
    second.segment = "high_value"
    book.save(data_dir / "customers.json")
    loaded = CustomerBook.load(data_dir / "customers.json")
    assert [c.number for c in loaded.recent] == [second.number, first.number]
    restored = loaded.switch(first.number)
    assert restored.values == {"order_id": "48213"}
    assert restored.language == "es" and restored.conversation.pinned
    assert restored.country == "MX" and restored.context().country == "MX"
    assert loaded.recent[1].segment == "high_value"
    assert loaded.new().number == second.number + 1


def test_unreadable_customers_file_starts_fresh(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "customers.json").write_text("{not json", encoding="utf-8")
    assert len(CustomerBook.load(data_dir / "customers.json").recent) == 1


def test_only_the_newest_backend_load_is_applied(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    """Two quick editor saves: the older rebuild finishing last must not win."""
    sidebar = make_sidebar(threaded=True)
    sidebar.worker.pool.setMaxThreadCount(4)  # the held loads must not block the newest
    older = dataclasses.replace(backend, translator=FakeTranslator([("es", "zh-Hans")]))
    newer = dataclasses.replace(backend, translator=FakeTranslator([("zh-Hans", "es")]))
    gate = threading.Event()

    def slow_older() -> Backend:
        assert gate.wait(5)
        return older

    def failing_older() -> Backend:
        assert gate.wait(5)
        raise RuntimeError("old rebuild failed")

    sidebar.load_backend_with(slow_older)
    sidebar.load_backend_with(failing_older)
    sidebar.load_backend_with(lambda: newer)
    qtbot.waitUntil(lambda: sidebar.backend is newer, timeout=5000)
    status = sidebar.status.text()
    with qtbot.waitSignal(sidebar.worker.idle, timeout=5000):
        gate.set()
    assert sidebar.backend is newer and sidebar.translator is newer.translator
    assert sidebar.status.text() == status  # the stale failure is not shown either
