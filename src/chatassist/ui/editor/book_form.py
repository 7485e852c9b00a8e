"""The phrasebook form: id, version, titles, descriptions and do-not-translate terms.

Shown in the "Phrasebook" tab (and when a phrasebook node is selected in the
tree). Like the entry form it only reports edits (``field_edited``, see
``model.set_book_field``); the window turns them into undoable commands and
calls :meth:`show_book`. The id can be edited only while the phrasebook has
never been saved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.languages import AGENT_LANGUAGES
from chatassist.core.phrasebook.field_check import FieldProblem
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.ui import names
from chatassist.ui.editor.fields import PROBLEM_STYLE, add_line
from chatassist.ui.editor.model import book_field_text


class BookForm(QWidget):
    #: (field, value): a field of the phrasebook changed (see model.set_book_field).
    field_edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        add_line(form, self.fields, "id", self.tr("Phrasebook id"), self.field_edited)
        self.version = QSpinBox()
        self.version.setRange(1, 1_000_000)
        self.version.setAccessibleName(self.tr("Version"))
        self.version.valueChanged.connect(self._version_changed)
        form.addRow(self.tr("Version"), self.version)
        for lang in AGENT_LANGUAGES:
            add_line(
                form,
                self.fields,
                f"title/{lang}",
                self.tr("Title (%1)").replace("%1", names.language_name(lang)),
                self.field_edited,
            )
        for lang in AGENT_LANGUAGES:
            add_line(
                form,
                self.fields,
                f"description/{lang}",
                self.tr("Description (%1)").replace("%1", names.language_name(lang)),
                self.field_edited,
            )
        add_line(
            form, self.fields, "do_not_translate", self.tr("Do not translate"), self.field_edited
        ).setPlaceholderText(self.tr("terms kept as they are by machine drafts, comma-separated"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Phrasebook problems"))
        self.problems.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Problems (saving is refused while there are any):")))
        layout.addWidget(self.problems)
        layout.addStretch(1)

    def _version_changed(self, value: int) -> None:
        if not self._loading:
            self.field_edited.emit("version", str(value))

    def show_book(
        self, book: Phrasebook | None, problems: list[FieldProblem], *, id_editable: bool = False
    ) -> None:
        """Show ``book`` (None: nothing open) and its problems, emitting nothing."""
        self._loading = True
        try:
            self.setEnabled(book is not None)
            for name, edit in self.fields.items():
                text = book_field_text(book, name) if book is not None else ""
                if edit.text() != text:
                    edit.setText(text)
                messages = [p.message for p in problems if _covers(p.field, name)]
                edit.setStyleSheet(PROBLEM_STYLE if messages else "")
                edit.setToolTip("\n".join(messages))
            self.fields["id"].setReadOnly(not id_editable)
            self.fields["id"].setToolTip(
                self.fields["id"].toolTip()
                or ("" if id_editable else self.tr("The id cannot change once saved."))
            )
            if book is not None and self.version.value() != book.version:
                self.version.setValue(book.version)
            self.problems.clear()
            self.problems.addItems(
                [f"{p.field}: {p.message}" if p.field else p.message for p in problems]
            )
        finally:
            self._loading = False


def _covers(problem_field: str, widget_field: str) -> bool:
    return widget_field == problem_field or widget_field.startswith(problem_field + "/")
