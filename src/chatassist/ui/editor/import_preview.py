"""The import preview: what a file adds, changes and removes, entry by entry with
the texts before (``-``) and after (``+``), before anything is applied."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from chatassist.core.phrasebook.diff import TextChange
from chatassist.ui.editor.import_plan import ImportPlan


def _text_lines(change: TextChange) -> list[str]:
    out = [f"      {change.field}"]
    for mark, text in (("-", change.before), ("+", change.after)):
        if text:
            out += [f"        {mark} {line}" for line in text.splitlines() or [""]]
    return out


def preview_text(plan: ImportPlan) -> str:
    """The preview as text: per phrasebook its status and its added, changed and
    removed entries, each with the fields that differ."""
    lines = []
    for change in plan.changes:
        status = {
            "added": QCoreApplication.translate("ImportPreview", "new phrasebook"),
            "updated": QCoreApplication.translate("ImportPreview", "updated"),
            "unchanged": QCoreApplication.translate("ImportPreview", "unchanged"),
        }.get(change.status, change.status)
        lines.append(f"{change.id}: {status}")
        for label, mark, ids in (
            (QCoreApplication.translate("ImportPreview", "added"), "+", change.added),
            (QCoreApplication.translate("ImportPreview", "changed"), "~", change.changed),
            (QCoreApplication.translate("ImportPreview", "removed"), "-", change.removed),
        ):
            lines.append(f"  {label} ({len(ids)}): " + ", ".join(ids))
            for entry_id in ids:
                lines.append(f"    {mark} {entry_id}")
                for text in plan.texts.get(entry_id, []):
                    lines += _text_lines(text)
    return "\n".join(lines)


class ImportPreview(QDialog):
    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import preview"))
        self.text = QPlainTextEdit(preview_text(plan))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setAccessibleName(self.tr("Changes"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Apply all"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(700, 500)


def confirm_import(parent: QWidget, plan: ImportPlan) -> bool:
    return ImportPreview(plan, parent).exec() == QDialog.DialogCode.Accepted
