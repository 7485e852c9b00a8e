"""Compose: the agent writes a reply in their own language and sees it in the
customer's language with a translation back, then copies it."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from chatassist.core.translation.model import BackTranslation, TokenReport
from chatassist.ui import names
from chatassist.ui.widgets import ImeTextEdit, follow_text_direction, wrapped_label

DEBOUNCE_MS = 500


class ComposePanel(QWidget):
    #: The agent's text to translate (debounced, never while composing with an IME).
    text_ready = Signal(str)
    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = ImeTextEdit()
        self.edit.setObjectName("compose")
        self.edit.setPlaceholderText(self.tr("Write your reply in your own language"))
        self.edit.setAccessibleName(self.tr("Your reply"))
        label = QLabel(self.tr("&Write your reply"))
        label.setBuddy(self.edit)
        self.target = QLabel()
        self.translation = wrapped_label(selectable=True)
        self.translation.setObjectName("compose-translation")
        self.translation.setAccessibleName(self.tr("Reply in the customer's language"))
        self.back = wrapped_label(selectable=True)
        self.back.setObjectName("compose-back")
        self.back.setStyleSheet("color: #555;")
        self.problems = wrapped_label()
        self.problems.setObjectName("compose-problems")
        self.problems.setStyleSheet("color: #a4161a;")
        self.copy = QPushButton(self.tr("Cop&y translation"))
        self.copy.setEnabled(False)
        self.copy.clicked.connect(self.copy_requested)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addLayout(row)
        layout.addWidget(self.translation)
        layout.addWidget(QLabel(self.tr("Back-translation (check the meaning):")))
        layout.addWidget(self.back)
        layout.addWidget(self.problems)
        layout.addStretch(0)
        self.result: BackTranslation | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.edit.textChanged.connect(self._changed)
        self.edit.composition_finished.connect(self._timer.start)

    def set_debounce(self, msecs: int) -> None:
        self._timer.setInterval(msecs)

    def set_target(self, language: str) -> None:
        self.target.setText(self.tr("In %1:").replace("%1", names.language_name(language)))

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def _changed(self) -> None:
        self.copy.setEnabled(False)
        if not self.edit.composing:
            self._timer.start()

    def _emit(self) -> None:
        if not self.edit.composing:
            self.text_ready.emit(self.text())

    def show_pending(self) -> None:
        self.result = None
        self.translation.setText(self.tr("Translating…"))
        self.back.clear()
        self.problems.clear()
        self.copy.setEnabled(False)

    def show_result(self, result: BackTranslation) -> None:
        self.result = result
        self.translation.setText(result.forward.text)
        follow_text_direction(self.translation, result.forward.text)
        self.back.setText(result.back.text)
        self.problems.setText(self._problems(result.forward.protected))
        self.copy.setEnabled(bool(result.forward.text.strip()))

    def show_error(self, message: str) -> None:
        self.result = None
        self.translation.clear()
        self.back.clear()
        self.problems.setText(message)
        self.copy.setEnabled(False)

    def clear(self) -> None:
        if not self.edit.composing:
            self.edit.clear()
        self.result = None
        self.translation.clear()
        self.back.clear()
        self.problems.clear()
        self.copy.setEnabled(False)

    def _problems(self, report: TokenReport) -> str:
        if report.ok:
            return ""
        parts = []
        if report.repaired:
            parts.append(self.tr("restored: %1").replace("%1", ", ".join(report.repaired)))
        if report.appended:
            parts.append(
                self.tr("added at the end, check where they belong: %1").replace(
                    "%1", ", ".join(report.appended)
                )
            )
        if report.extra:
            parts.append(self.tr("%1 stray marks removed").replace("%1", str(report.extra)))
        return self.tr("Numbers, links or names were changed by the translation: ") + "; ".join(
            parts
        )
