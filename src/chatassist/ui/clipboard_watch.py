"""Clipboard watch: text the agent copies in another program becomes the
customer message. Text the sidebar copied itself (a reply) is ignored.

On macOS Qt reports another application's clipboard change only when our
application is activated again (``QClipboard.dataChanged`` is not emitted while
it is in the background), which is exactly when the agent copies in the chat
tool. There the watch also polls the clipboard while the application is not
active; a change seen both ways is reported once.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

MAX_MESSAGE_CHARS = 4000  # a copied document is not a chat message
POLL_MS = 500


def needs_polling(platform: str = sys.platform) -> bool:
    return platform == "darwin"


class ClipboardWatch(QObject):
    message_copied = Signal(str)

    def __init__(
        self,
        clipboard: QClipboard,
        parent: QObject | None = None,
        *,
        poll: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.clipboard = clipboard
        self.enabled = False
        self._own: str | None = None
        self._seen = clipboard.text()  # what was there before we watched is not a message
        clipboard.dataChanged.connect(self._changed)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self._changed)
        self._poll = needs_polling() if poll is None else poll
        if self._poll:
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.connect(self._state_changed)
                self._state_changed(app.applicationState())

    def set_enabled(self, on: bool) -> None:
        self.enabled = on

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard as the sidebar's own copy (never a message)."""
        self._own = text
        self._seen = text
        self.clipboard.setText(text)

    def outside_text(self) -> str | None:
        """The clipboard's text as a customer message, or None when it is empty, too
        long, or the sidebar's own copy (asked for by the global hotkey)."""
        text = self.clipboard.text()
        if text == self._own:
            return None
        stripped = text.strip()
        return stripped if stripped and len(stripped) <= MAX_MESSAGE_CHARS else None

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        # Poll only while in the background: in front, dataChanged is reliable.
        if state == Qt.ApplicationState.ApplicationActive:
            self.poll_timer.stop()
        else:
            self.poll_timer.start()

    def _changed(self) -> None:
        text = self.clipboard.text()
        if text == self._seen:
            return  # polled and signalled, or the same text copied again
        self._seen = text
        if text == self._own:
            return
        self._own = None  # someone else copied: our text is no longer there
        if not self.enabled:
            return
        stripped = text.strip()
        if stripped and len(stripped) <= MAX_MESSAGE_CHARS:
            self.message_copied.emit(stripped)
