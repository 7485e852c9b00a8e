"""Clipboard watch: text the agent copies in another program becomes the
customer message. Every copy made by this process is ignored: a reply the
sidebar copied, and Ctrl+C / Ctrl+X in the Compose draft, the editor or any
other of its windows (seen as the copy key going by, and, where the platform
tells, as the clipboard being owned by this process).

On macOS Qt reports another application's clipboard change only when our
application is activated again (``QClipboard.dataChanged`` is not emitted while
it is in the background), which is exactly when the agent copies in the chat
tool. There the watch also polls the clipboard while the application is not
active; a change seen both ways is reported once.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence

MAX_MESSAGE_CHARS = 4000  # a copied document is not a chat message
POLL_MS = 500
#: how long after a copy key a clipboard change counts as that copy (Windows
#: reports clipboard changes through its message queue, a little later)
OWN_COPY_MS = 1000
_COPY_KEYS = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut)


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
        # A copy key pressed in one of our windows: the next change is our own copy.
        self._copy_key = QTimer(self)
        self._copy_key.setSingleShot(True)
        self._copy_key.setInterval(OWN_COPY_MS)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and any(event.matches(keys) for keys in _COPY_KEYS)
        ):
            self._copy_key.start()
        return False  # only looking: the widget still copies

    def _made_here(self) -> bool:
        """The clipboard's current text was put there by this process."""
        if self._copy_key.isActive():
            self._copy_key.stop()
            return True
        return self.clipboard.ownsClipboard()

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
        if self._made_here():  # Ctrl+C in the draft, the editor, an error's details...
            self._own = text
            return
        self._own = None  # someone else copied: our text is no longer there
        if not self.enabled:
            return
        stripped = text.strip()
        if stripped and len(stripped) <= MAX_MESSAGE_CHARS:
            self.message_copied.emit(stripped)
