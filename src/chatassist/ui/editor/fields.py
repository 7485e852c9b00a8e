"""Pieces shared by the editor's phrasebook and entry forms."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QFormLayout, QLineEdit

#: How a field with a validation problem is outlined.
PROBLEM_STYLE = "border: 2px solid #c62828;"


def add_line(
    form: QFormLayout, fields: dict[str, QLineEdit], name: str, label: str, edited: SignalInstance
) -> QLineEdit:
    """A labelled one-line field that reports each edit as ``edited(name, text)``."""
    edit = QLineEdit()
    edit.setAccessibleName(label)
    edit.textEdited.connect(lambda text, name=name: edited.emit(name, text))
    form.addRow(label, edit)
    fields[name] = edit
    return edit
