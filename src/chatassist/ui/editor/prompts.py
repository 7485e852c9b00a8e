"""The editor's questions as dialogs over its window (:class:`EditorPrompts`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from chatassist.ui.editor.import_preview import confirm_import
from chatassist.ui.editor.problems_dialog import show_problems
from chatassist.ui.errors import show_error

if TYPE_CHECKING:
    from chatassist.ui.editor.import_plan import ImportPlan

# The strings keep the window's translation context ("EditorWindow").


class DialogPrompts:
    """Asks with message boxes over ``parent`` (the editor window)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def ask_unsaved(self) -> str:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            self.parent,
            QCoreApplication.translate("EditorWindow", "Unsaved changes"),
            QCoreApplication.translate("EditorWindow", "Save the changes to this phrasebook?"),
            buttons,
            QMessageBox.StandardButton.Save,
        )
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(answer, "cancel")

    def ask_restore_draft(self, book_id: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            QCoreApplication.translate("EditorWindow", "Restore draft"),
            QCoreApplication.translate(
                "EditorWindow", "Unsaved edits of %1 were left from last time. Restore them?"
            ).replace("%1", book_id),
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_new_book_id(self, error: str = "") -> str | None:
        prompt = QCoreApplication.translate(
            "EditorWindow", "Id of the new phrasebook (lower-case letters, digits, '.', '_', '-'):"
        )
        text, ok = QInputDialog.getText(
            self.parent,
            QCoreApplication.translate("EditorWindow", "New phrasebook"),
            f"{error}\n{prompt}" if error else prompt,
        )
        return text if ok else None

    def confirm_import(self, plan: ImportPlan) -> bool:
        return confirm_import(self.parent, plan)

    def show_problems(self, title: str, summary: str, problems: list[str]) -> None:
        show_problems(self.parent, title, summary, problems)

    def show_error(self, exc: BaseException, *, title: str, context: str = "") -> None:
        show_error(self.parent, exc, title=title, context=context)
