"""The editor's model, apart from its widgets: the library's phrasebooks as last
read, the phrasebook under edit (an :class:`EditSession`), the selected entry
and the undo stack. The window and its parts (saving, import, machine drafts)
share it; none of them needs the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from chatassist.core.phrasebook.model import Entry, Phrasebook
from chatassist.ui.editor.model import EditSession
from chatassist.ui.editor.undo import BookEdit


class EditorDocument(QObject):
    #: After every edit, undo and redo of the phrasebook under edit.
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo = QUndoStack(self)
        #: the library's phrasebooks as last read (the one under edit as it was saved)
        self.books: list[Phrasebook] = []
        self.session: EditSession | None = None
        #: the selected entry of the phrasebook under edit (-1: none)
        self.entry_index = -1

    def all_books(self) -> list[Phrasebook]:
        """The library as the trainer sees it: the phrasebook under edit as edited."""
        current = self.session.book if self.session else None
        out = [current if current and b.id == current.id else b for b in self.books]
        if current is not None and all(b.id != current.id for b in self.books):
            out.append(current)
        return out

    def current_entry(self) -> Entry | None:
        session = self.session
        if session is None or not 0 <= self.entry_index < len(session.book.entries):
            return None
        return session.book.entries[self.entry_index]

    def edit(self, after: Phrasebook, text: str, merge_key: str = "") -> None:
        """Replace the phrasebook under edit by ``after`` as one undoable step."""
        if self.session is None or after == self.session.book:
            return
        self.undo.push(BookEdit(self.session, after, text, self.changed.emit, merge_key))
