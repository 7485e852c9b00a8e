"""The small form that fills a reply's placeholders before it is copied.

Fields start with the values kept for the current customer; the preview shows
the reply formatted for the customer's region (dates, money, name and
honorific). Copy stays disabled until every placeholder has a value, so a
reply with ``{order_id}`` left in it cannot be sent by accident. Enter copies
when every field is filled, else it names the missing field and moves there.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.phrasebook.placeholders import DATE, DURATION, MONEY, NUMBER, placeholder_kind
from chatassist.core.regions import RegionChoice
from chatassist.core.replies import FilledReply
from chatassist.ui import names
from chatassist.ui.replies_model import ReplyItem
from chatassist.ui.widgets import follow_text_direction, wrapped_label


class FillDialog(QDialog):
    def __init__(
        self,
        item: ReplyItem,
        values: Mapping[str, str],
        choice: RegionChoice | None,
        parent: QWidget | None = None,
        *,
        agent_gender: str = "female",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fill-dialog")
        self.agent_gender = agent_gender
        self.setWindowTitle(self.tr("Fill in the reply"))
        self.item = item
        self.choice = choice
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        kinds = dict(item.suggestion.placeholder_kinds)  # as the phrasebook declares them
        for name in item.suggestion.placeholders:
            edit = QLineEdit(values.get(name, ""))
            edit.setObjectName(f"field-{name}")
            edit.setPlaceholderText(self._kind_hint(placeholder_kind(name, kinds)))
            label = names.placeholder_name(name)
            edit.setAccessibleName(label)
            edit.textChanged.connect(self._update)
            form.addRow(label, edit)
            self.fields[name] = edit
        self.preview = wrapped_label(selectable=True)
        self.preview.setObjectName("preview")
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #a4161a;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Enter never means Cancel (it would throw the typed values away).
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        cancel.setDefault(False)
        self.copy_button = QPushButton(self.tr("&Copy reply"))
        self.copy_button.setDefault(True)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Preview")))
        layout.addWidget(self.preview)
        layout.addWidget(self.missing)
        layout.addWidget(self.buttons)
        self._update()
        first_empty = next((e for e in self.fields.values() if not e.text().strip()), None)
        if first_empty is not None:
            first_empty.setFocus()

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.fields.items()}

    def _kind_hint(self, kind: str) -> str:
        """What to type for a placeholder of ``kind`` (the reply writes it for the customer)."""
        hints = {
            DATE: self.tr("date: 2026-11-28"),
            DURATION: self.tr("e.g. 3-5 days, 48 hours"),
            MONEY: self.tr("amount: 19.90"),
            NUMBER: self.tr("number: 14"),
        }
        return hints.get(kind, "")

    def filled(self) -> FilledReply:
        return self.item.fill(self.values(), self.choice, self.agent_gender)

    def _update(self) -> None:
        filled = self.filled()
        self.preview.setText(filled.text)
        follow_text_direction(self.preview, filled.text)
        self.copy_button.setEnabled(filled.ready)
        if filled.ready:
            self.missing.clear()
        else:
            missing = ", ".join(names.placeholder_name(n) for n in filled.missing)
            self.missing.setText(self.tr("Fill in to copy: %1").replace("%1", missing))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.accept()  # copy, or show what is missing; whichever button has focus
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        filled = self.filled()
        if not filled.ready:
            self._update()
            field = next((self.fields[n] for n in filled.missing if n in self.fields), None)
            if field is not None:
                field.setFocus()
            return
        super().accept()
