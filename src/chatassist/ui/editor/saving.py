"""Saving the edited phrasebook in a worker, and its crash draft.

A :class:`BookSaver` belongs to one :class:`EditorWindow`. Saving replaces the
phrasebook in the library in one transaction (backup first) on the worker, so
the UI thread never waits on the database; edits stay possible meanwhile. Each
committed edit schedules a crash draft, written shortly after in the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.storage.library import ImportReport, PhrasebookLibrary
from chatassist.ui.editor import model
from chatassist.ui.editor.drafts import DraftWriter

if TYPE_CHECKING:
    from chatassist.ui.editor.window import EditorWindow

# Its strings keep the window's translation context ("EditorWindow"): the
# existing translations still apply.


class BookSaver:
    """The background save and the crash draft of the phrasebook edited in ``window``."""

    def __init__(self, window: EditorWindow, data_dir: Path) -> None:
        self.window = window
        #: the snapshot being saved in a worker (None: no save running)
        self.saving: Phrasebook | None = None
        #: what to do once the running save succeeded (close, open another phrasebook...)
        self._after_save: Callable[[], object] | None = None
        self.drafts = DraftWriter(data_dir)
        # Coalesce keystrokes: the draft is written (in a worker) shortly after an edit.
        self._draft_timer = QTimer(window)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(300)
        self._draft_timer.timeout.connect(self._write_draft)

    # --- crash draft -------------------------------------------------------------------
    def schedule_draft(self) -> None:
        """Write the draft shortly (keystrokes in a row give one write)."""
        self._draft_timer.start()

    def _write_draft(self) -> None:
        session = self.window.session
        if session is None:
            return
        book = session.book if session.dirty else None
        job = partial(self.drafts.write, self.drafts.ticket(), session.saved.id, book)
        self.window.worker.run_task(job)

    def drop_draft(self, book_id: str) -> None:
        """Remove the draft now; any write still queued is older and will be skipped."""
        self._draft_timer.stop()
        self.drafts.write(self.drafts.ticket(), book_id, None)

    # --- saving ------------------------------------------------------------------------
    def save(self) -> bool:
        """See :meth:`EditorWindow.save`."""
        window = self.window
        session = window.session
        if session is None or not session.dirty:
            return True
        if self.saving is not None:
            window.status(QCoreApplication.translate("EditorWindow", "Already saving…"))
            return False
        problems = session.problems()
        if problems:
            window.status(
                QCoreApplication.translate("EditorWindow", "Not saved: %1 problem(s), e.g. %2")
                .replace("%1", str(len(problems)))
                .replace("%2", f"{problems[0].field}: {problems[0].message}")
            )
            return False
        book = session.book
        self.saving = book
        window.save_action.setEnabled(False)
        window.status(QCoreApplication.translate("EditorWindow", "Saving…"))
        window.update_title()
        window.worker.run_task(
            partial(_save_job, window.library, book),
            partial(self._save_done, session, book),
            partial(self._save_failed, session),
        )
        return True

    def _save_done(
        self,
        session: model.EditSession,
        book: Phrasebook,
        result: tuple[ImportReport, list[Phrasebook]],
    ) -> None:
        window = self.window
        report, books = result
        self.saving = None
        window.save_action.setEnabled(True)
        if window.session is session:
            first_save = session.is_new
            saved_id = session.saved.id
            session.saved = book
            session.is_new = False
            if first_save:
                session.other_books = frozenset(b.id for b in books if b.id != book.id)
            if session.dirty:  # edited while saving: the draft keeps those edits
                self._draft_timer.start()
            else:
                self.drop_draft(saved_id)
                window.undo.setClean()
        else:
            self.drop_draft(book.id)
        window.books = books
        window.rebuild_tree(force=True)
        window.refresh_form()
        window.update_title()
        backup = f" (backup: {report.backup})" if report.backup else ""
        window.status(QCoreApplication.translate("EditorWindow", "Saved.") + backup)
        window.saved.emit()
        after, self._after_save = self._after_save, None
        if after is not None:
            after()

    def _save_failed(self, session: model.EditSession, exc: Exception) -> None:
        window = self.window
        self.saving = None
        self._after_save = None
        window.save_action.setEnabled(True)
        window.update_title()
        if window.session is session:
            self._draft_timer.start()  # the edits stay, in the window and in the draft
        window.status(
            QCoreApplication.translate("EditorWindow", "Not saved: %1").replace("%1", str(exc))
        )
        window.report_save_error(str(exc))

    # --- leaving unsaved changes -------------------------------------------------------
    def maybe_keep_changes(self, retry: Callable[[], object] | None = None) -> bool:
        """See :meth:`EditorWindow.maybe_keep_changes`."""
        window = self.window
        session = window.session
        if self.saving is not None:
            self._after_save = retry
            window.status(
                QCoreApplication.translate(
                    "EditorWindow", "Saving… (this goes on once the phrasebook is saved)"
                )
            )
            return False
        if session is None or not session.dirty:
            return True
        choice = window.ask_unsaved()
        if choice == "save":
            self._after_save = retry
            if not self.save():
                self._after_save = None
            return False
        if choice == "discard":
            self.drop_draft(session.saved.id)
            window.undo.clear()
            if session.is_new:  # never saved: nothing of it remains
                window.session = None
                window.entry_index = -1
                window.rebuild_tree(force=True)
                window.refresh_form()
                window.update_title()
            else:
                session.book = session.saved
            return True
        return False


def _save_job(
    library: PhrasebookLibrary, book: Phrasebook
) -> tuple[ImportReport, list[Phrasebook]]:
    """In a worker: replace ``book`` in the library, then read the library back."""
    lines = {e.id: i + 1 for i, e in enumerate(book.entries)}
    report = library.import_loaded([LoadedPhrasebook(book, "<editor>", lines)])
    return report, library.phrasebooks()
