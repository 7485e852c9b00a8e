"""Compose: the agent writes a reply and sees it in the customer's language with a
translation back, then copies it.

The draft is routed from the language it is written in (detected, shown, and
changeable with "Written in"), not from the agent's interface language; a draft
already in the customer's language is sent as written. A missing language pack
is named with a button (``pack_requested``) opening the packs dialog on its pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.translation.model import TokenReport, Translation
from chatassist.ui import names
from chatassist.ui.compose_jobs import DraftOutcome
from chatassist.ui.missing_pack import MissingPackButton
from chatassist.ui.widgets import ImeTextEdit, follow_text_direction, wrapped_label

DEBOUNCE_MS = 500


@dataclass(frozen=True)
class ComposedReply:
    """What Copy puts on the clipboard (``forward.text``) and its check, if any."""

    forward: Translation
    back: Translation | None


class ComposePanel(QWidget):
    #: The agent's text to translate (debounced, never while composing with an IME;
    #: also when the agent changes "Written in").
    text_ready = Signal(str)
    copy_requested = Signal()
    #: The agent asked for a missing language pack (its argos codes).
    pack_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = ImeTextEdit()
        self.edit.setObjectName("compose")
        self.edit.setPlaceholderText(self.tr("Write your reply in your own language"))
        self.edit.setAccessibleName(self.tr("Your reply"))
        label = QLabel(self.tr("&Write your reply"))
        label.setBuddy(self.edit)
        self.written_in = QComboBox()
        self.written_in.setObjectName("compose-language")
        self.written_in.addItem(self.tr("Detect"), None)
        for code in CUSTOMER_LANGUAGES:
            self.written_in.addItem(names.language_label(code), code)
        self.written_in.setAccessibleName(self.tr("Language your reply is written in"))
        self.written_in.currentIndexChanged.connect(lambda _i: self._emit())
        written_label = QLabel(self.tr("Writt&en in"))
        written_label.setBuddy(self.written_in)
        self.detected = QLabel()
        self.detected.setObjectName("compose-detected")
        self.detected.setStyleSheet("color: #555;")
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
        self.get_pack = MissingPackButton()
        self.get_pack.requested.connect(self.pack_requested)
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
        language_row = QHBoxLayout()
        language_row.addWidget(written_label)
        language_row.addWidget(self.written_in, 1)
        language_row.addWidget(self.detected, 1)
        layout.addLayout(language_row)
        layout.addLayout(row)
        layout.addWidget(self.translation)
        layout.addWidget(QLabel(self.tr("Back-translation (check the meaning):")))
        layout.addWidget(self.back)
        layout.addWidget(self.problems)
        layout.addWidget(self.get_pack)
        layout.addStretch(0)
        self.result: ComposedReply | None = None
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

    def chosen_language(self) -> str | None:
        """The language the agent set under "Written in", None for "Detect"."""
        code = self.written_in.currentData()
        return code if isinstance(code, str) else None

    def show_pending(self) -> None:
        self.result = None
        self.translation.setText(self.tr("Translating…"))
        self.back.clear()
        self.problems.clear()
        self.get_pack.clear()
        self.copy.setEnabled(False)

    def show_draft(self, outcome: DraftOutcome) -> None:
        """Show a finished draft job: the reply to send, its check, and what is missing."""
        language = names.language_name(outcome.written_in.language)
        if outcome.written_in.how == "detected":
            self.detected.setText(self.tr("detected: %1").replace("%1", language))
        elif outcome.written_in.how == "assumed":
            self.detected.setText(self.tr("assumed: %1").replace("%1", language))
        else:
            self.detected.clear()
        forward, back = outcome.forward, outcome.back
        self.result = ComposedReply(forward, back) if forward is not None else None
        self.translation.setText(forward.text if forward is not None else "")
        if forward is not None:
            follow_text_direction(self.translation, forward.text)
        self.back.setText(back.text if back is not None else "")
        problems = []
        if forward is not None and not outcome.needs_translation:
            problems.append(
                self.tr("Already in %1: no translation needed.").replace(
                    "%1", names.language_name(outcome.target)
                )
            )
        if forward is not None:
            problems.append(self._problems(forward.protected))
        if outcome.missing:
            problems.append(self._missing(outcome))
        if outcome.error:
            problems.append(self.tr("Translation failed: %1").replace("%1", outcome.error))
        self.problems.setText("\n".join(p for p in problems if p))
        self.get_pack.show_missing(outcome.missing)
        self.copy.setEnabled(forward is not None and bool(forward.text.strip()))

    def _missing(self, outcome: DraftOutcome) -> str:
        packs = ", ".join(outcome.missing)
        if outcome.forward is not None:
            return self.tr("No back-translation: language pack %1 is missing.").replace("%1", packs)
        return self.tr("No translation: language pack %1 is missing.").replace("%1", packs)

    def show_error(self, message: str) -> None:
        self.result = None
        self.translation.clear()
        self.back.clear()
        self.get_pack.clear()
        self.problems.setText(message)
        self.copy.setEnabled(False)

    def clear(self) -> None:
        if not self.edit.composing:
            self.edit.clear()
        self.result = None
        self.translation.clear()
        self.back.clear()
        self.problems.clear()
        self.detected.clear()
        self.get_pack.clear()
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
        if report.glossary_missing:
            parts.append(
                self.tr("glossary terms missing: %1").replace(
                    "%1", ", ".join(report.glossary_missing)
                )
            )
        if report.segmented:
            parts.append(
                self.tr("translated around %1, check the word order").replace(
                    "%1", ", ".join(report.segmented)
                )
            )
        return self.tr("Numbers, links or names were changed by the translation: ") + "; ".join(
            parts
        )
