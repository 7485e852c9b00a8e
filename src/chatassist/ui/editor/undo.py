"""Undo commands over the editing model: each holds the phrasebook before and after."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from chatassist.core.phrasebook.model import Phrasebook
from chatassist.ui.editor.model import EditSession

_MERGE_ID = 1


class BookEdit(QUndoCommand):
    """Replace the session's phrasebook by ``after``; undo puts ``before`` back.

    Consecutive edits with the same non-empty ``merge_key`` (typing in one
    field) merge into one undo step.
    """

    def __init__(
        self,
        session: EditSession,
        after: Phrasebook,
        text: str,
        changed: Callable[[], None],
        merge_key: str = "",
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before = session.book
        self.after = after
        self.changed = changed
        self.merge_key = merge_key

    def id(self) -> int:
        return _MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, BookEdit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.session.book = self.after
        self.changed()

    def undo(self) -> None:
        self.session.book = self.before
        self.changed()
