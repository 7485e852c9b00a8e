"""The import preview: what a file adds, changes and removes, before anything is applied."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from chatassist.storage.library import BookChange


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


def preview_text(changes: list[BookChange]) -> str:
    lines = []
    for change in changes:
        status = {
            "added": _tr("new phrasebook"),
            "updated": _tr("updated"),
            "unchanged": _tr("unchanged"),
        }.get(change.status, change.status)
        lines.append(f"{change.id}: {status}")
        for label, ids in (
            (_tr("added"), change.added),
            (_tr("changed"), change.changed),
            (_tr("removed"), change.removed),
        ):
            lines.append(f"  {label} ({len(ids)}): " + ", ".join(ids))
    return "\n".join(lines)


class ImportPreview(QDialog):
    def __init__(self, changes: list[BookChange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import preview"))
        text = QPlainTextEdit(preview_text(changes))
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Changes"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Apply all"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(600, 400)


def confirm_import(parent: QWidget, changes: list[BookChange]) -> bool:
    return ImportPreview(changes, parent).exec() == QDialog.DialogCode.Accepted
