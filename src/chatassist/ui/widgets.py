"""Small widget helpers shared by the panels: text direction, IME-aware editing."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QWidget


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Arabic...)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def follow_text_direction(widget: QWidget, text: str) -> None:
    """Lay ``widget`` out right-to-left for Arabic text, left-to-right otherwise."""
    rtl = is_rtl(text)
    widget.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    if isinstance(widget, QLabel):
        align = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        widget.setAlignment(align | Qt.AlignmentFlag.AlignTop)


#: One line in every script the sidebar shows, rendered once at start-up so that the
#: font fallback lookups happen then rather than when the first result arrives.
SCRIPTS_SAMPLE = "Añ Ёж 订单 注文 주문 คำสั่งซื้อ طلب Tiếng ✔🔥⚠"


def warm_up_fonts(font_owner: QWidget) -> None:
    label = QLabel(SCRIPTS_SAMPLE)
    label.setFont(font_owner.font())
    bold = QLabel(f"<b>{SCRIPTS_SAMPLE}</b>")
    bold.setFont(font_owner.font())
    label.grab()
    bold.grab()


def wrapped_label(text: str = "", *, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ElidedLabel(QLabel):
    """One line that ends in "…" when the sidebar is too narrow for it (a wrapped
    label in a fixed-height row was cut in half); ``full_text`` is what it says."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 1)
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, width)
        super().setText(shown)


class ImeTextEdit(QPlainTextEdit):
    """A plain text box that knows when an input method is composing (pinyin, kana).

    While ``composing`` the owner must not re-analyse, replace the text or move
    the focus; ``composition_finished`` tells it when the agent committed.
    """

    composition_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.composing = False
        #: pasting exactly the text already in the box leaves it as it is (the
        #: clipboard watch put the message there; Ctrl+V by habit must not double it)
        self.paste_once = False
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.paste_once and source.hasText():
            pasted = source.text().strip()
            if pasted and pasted == self.toPlainText().strip():
                return
        super().insertFromMimeData(source)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        was = self.composing
        self.composing = bool(event.preeditString())
        super().inputMethodEvent(event)
        if was and not self.composing:
            self.composition_finished.emit()

    def focusOutEvent(self, event):  # type: ignore[no-untyped-def]
        # Losing focus ends any composition (the input method commits or drops it).
        super().focusOutEvent(event)
        if self.composing:
            self.composing = False
            self.composition_finished.emit()
