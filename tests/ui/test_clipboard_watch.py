"""The clipboard watch on its own: polling where Qt reports other applications'
copies late (macOS), each copy reported once, and the sidebar's own copies ignored."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from chatassist.ui.clipboard_watch import ClipboardWatch, needs_polling


def test_polling_is_for_macos_only() -> None:
    assert needs_polling("darwin")
    assert not needs_polling("win32") and not needs_polling("linux")


def test_polls_in_the_background_and_reports_a_copy_without_the_signal(qtbot: Any) -> None:
    clipboard = QGuiApplication.clipboard()
    watch = ClipboardWatch(clipboard, poll=True)
    watch.set_enabled(True)
    watch._state_changed(Qt.ApplicationState.ApplicationInactive)
    assert watch.poll_timer.isActive()
    clipboard.blockSignals(True)  # as on macOS: no dataChanged while in the background
    try:
        with qtbot.waitSignal(watch.message_copied, timeout=3000) as got:
            clipboard.setText("荷物まだ？ 注文番号 4471")
    finally:
        clipboard.blockSignals(False)
    assert got.args == ["荷物まだ？ 注文番号 4471"]
    watch._state_changed(Qt.ApplicationState.ApplicationActive)
    assert not watch.poll_timer.isActive()


def test_a_copy_seen_by_signal_and_poll_is_reported_once(qtbot: Any) -> None:
    clipboard = QGuiApplication.clipboard()
    watch = ClipboardWatch(clipboard, poll=True)
    watch.set_enabled(True)
    watch._state_changed(Qt.ApplicationState.ApplicationInactive)
    got: list[str] = []
    watch.message_copied.connect(got.append)
    clipboard.setText("Where is my parcel? #48213")
    qtbot.waitUntil(lambda: got != [], timeout=3000)
    with qtbot.assertNotEmitted(watch.message_copied, wait=3 * watch.poll_timer.interval()):
        pass
    assert got == ["Where is my parcel? #48213"]


def test_own_copies_are_not_messages_also_when_polled(qtbot: Any) -> None:
    clipboard = QGuiApplication.clipboard()
    watch = ClipboardWatch(clipboard, poll=True)
    watch.set_enabled(True)
    watch._state_changed(Qt.ApplicationState.ApplicationInactive)
    with qtbot.assertNotEmitted(watch.message_copied, wait=3 * watch.poll_timer.interval()):
        watch.copy("Hola, su pedido 48213 ya salió.")
