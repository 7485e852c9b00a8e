"""Clipboard watch: text the agent copies in another program becomes the
customer message. Text the sidebar copied itself (a reply) is ignored."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QClipboard

MAX_MESSAGE_CHARS = 4000  # a copied document is not a chat message


class ClipboardWatch(QObject):
    message_copied = Signal(str)

    def __init__(self, clipboard: QClipboard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clipboard = clipboard
        self.enabled = False
        self._own: str | None = None
        clipboard.dataChanged.connect(self._changed)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard as the sidebar's own copy (never a message)."""
        self._own = text
        self.clipboard.setText(text)

    def _changed(self) -> None:
        text = self.clipboard.text()
        if text == self._own:
            return
        self._own = None  # someone else copied: our text is no longer there
        if not self.enabled:
            return
        stripped = text.strip()
        if stripped and len(stripped) <= MAX_MESSAGE_CHARS:
            self.message_copied.emit(stripped)
