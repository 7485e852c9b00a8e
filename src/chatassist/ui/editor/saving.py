"""Saving the edited phrasebook in a worker, and its crash draft.

Saving replaces the phrasebook in the library in one transaction (backup
first) on the worker's database writer, so the UI thread never waits on the
database; edits stay possible meanwhile. Each committed edit schedules a crash
draft, written shortly after in the worker. The part sees the editor's
document, the library, the worker and the prompts, and reports through
signals (the window wires them in ``EditorWindow._connect``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.ui.editor import model
from chatassist.ui.editor.document import EditorDocument
from chatassist.ui.editor.drafts import DraftWriter
from chatassist.ui.editor.outcome import Retry, report_failure
from chatassist.ui.editor.services import EditorLibrary, EditorPrompts, SaveReport
from chatassist.ui.worker import Worker

# Its strings keep the window's translation context ("EditorWindow"): the
# existing translations still apply.


class BookSaver(QObject):
    """The background save and the crash draft of the phrasebook under edit."""

    #: A save started or ended (see :attr:`saving`).
    saving_changed = Signal()
    #: The library was read back after a save (``document.books`` is new).
    library_changed = Signal()
    #: A save went through: the library changed (the sidebar rebuilds).
    saved = Signal()
    #: The unsaved new phrasebook was discarded: nothing is under edit now.
    session_closed = Signal()
    #: A line for the status bar.
    status = Signal(str)

    def __init__(
        self,
        document: EditorDocument,
        library: EditorLibrary,
        worker: Worker,
        prompts: EditorPrompts,
        data_dir: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.library = library
        self.worker = worker
        self.prompts = prompts
        #: the snapshot being saved in a worker (None: no save running)
        self.saving: Phrasebook | None = None
        #: what to do once the running save succeeded (close, open another phrasebook...)
        self._after_save: Retry | None = None
        self.drafts = DraftWriter(data_dir)
        # Coalesce keystrokes: the draft is written (in a worker) shortly after an edit.
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(300)
        self._draft_timer.timeout.connect(self._write_draft)

    # --- crash draft -------------------------------------------------------------------
    def schedule_draft(self) -> None:
        """Write the draft shortly (keystrokes in a row give one write)."""
        self._draft_timer.start()

    def _write_draft(self) -> None:
        session = self.document.session
        if session is None:
            return
        book = session.book if session.dirty else None
        job = partial(self.drafts.write, self.drafts.ticket(), session.saved.id, book)
        self.worker.run_task(job)

    def drop_draft(self, book_id: str) -> None:
        """Remove the draft (in the worker: a draft being written holds the writer's
        lock for as long as dumping the phrasebook takes); any write still queued is
        older and will be skipped."""
        self._draft_timer.stop()
        self.worker.run_task(partial(self.drafts.write, self.drafts.ticket(), book_id, None))

    # --- saving ------------------------------------------------------------------------
    def save(self) -> bool:
        """Start saving: the phrasebook replaces its old version in the library (one
        transaction, backup first) in a worker. True when a save was started (or
        there was nothing to save), False when refused (problems, or a save runs).

        Edits stay possible meanwhile; :attr:`saved` is emitted once it is done.
        """
        session = self.document.session
        if session is None or not session.dirty:
            return True
        if self.saving is not None:
            self.status.emit(QCoreApplication.translate("EditorWindow", "Already saving…"))
            return False
        problems = session.problems()
        if problems:
            self.status.emit(
                QCoreApplication.translate("EditorWindow", "Not saved: %1 problem(s), e.g. %2")
                .replace("%1", str(len(problems)))
                .replace("%2", f"{problems[0].field}: {problems[0].message}")
            )
            return False
        book = session.book
        self.saving = book
        self.status.emit(QCoreApplication.translate("EditorWindow", "Saving…"))
        self.saving_changed.emit()
        self.worker.run_write(
            partial(_save_job, self.library, book),
            partial(self._save_done, session, book),
            partial(self._save_failed, session),
        )
        return True

    def _save_done(
        self,
        session: model.EditSession,
        book: Phrasebook,
        result: tuple[SaveReport, list[Phrasebook]],
    ) -> None:
        document = self.document
        report, books = result
        self.saving = None
        if document.session is session:
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
                document.undo.setClean()
        else:
            self.drop_draft(book.id)
        document.books = books
        self.saving_changed.emit()
        self.library_changed.emit()
        backup = f" (backup: {report.backup})" if report.backup else ""
        if document.session is session and session.dirty:
            # Edited while saving: "Saved." would claim the newer edits too.
            self.status.emit(
                QCoreApplication.translate(
                    "EditorWindow", "Saved the earlier version; the edits since are not saved yet."
                )
                + backup
            )
        else:
            self.status.emit(QCoreApplication.translate("EditorWindow", "Saved.") + backup)
        self.saved.emit()
        after, self._after_save = self._after_save, None
        if after is not None:
            after()

    def _save_failed(self, session: model.EditSession, exc: Exception) -> None:
        self.saving = None
        self._after_save = None
        self.saving_changed.emit()
        if self.document.session is session:
            self._draft_timer.start()  # the edits stay, in the window and in the draft
        report_failure(
            self.status.emit,
            self.prompts,
            exc,
            status=QCoreApplication.translate("EditorWindow", "Not saved: %1"),
            title=QCoreApplication.translate("EditorWindow", "Not saved"),
            context=QCoreApplication.translate(
                "EditorWindow", "The phrasebook could not be saved; your edits are kept.\n\n%1"
            ),
        )

    # --- leaving unsaved changes -------------------------------------------------------
    def maybe_keep_changes(self, retry: Retry | None = None) -> bool:
        """Before leaving unsaved changes: True when it is fine to go on now.

        While a save runs, or when the trainer chooses Save, it is False and
        ``retry`` (if given) runs once the save succeeded."""
        document = self.document
        session = document.session
        if self.saving is not None:
            self._after_save = retry
            self.status.emit(
                QCoreApplication.translate(
                    "EditorWindow", "Saving… (this goes on once the phrasebook is saved)"
                )
            )
            return False
        if session is None or not session.dirty:
            return True
        choice = self.prompts.ask_unsaved()
        if choice == "save":
            self._after_save = retry
            if not self.save():
                self._after_save = None
            return False
        if choice == "discard":
            self.drop_draft(session.saved.id)
            document.undo.clear()
            if session.is_new:  # never saved: nothing of it remains
                document.session = None
                document.entry_index = -1
                self.session_closed.emit()
            else:
                session.book = session.saved
            return True
        return False


def _save_job(library: EditorLibrary, book: Phrasebook) -> tuple[SaveReport, list[Phrasebook]]:
    """In a worker: replace ``book`` in the library (its backup named "before-save"),
    then read the library back."""
    lines = {e.id: i + 1 for i, e in enumerate(book.entries)}
    loaded = [LoadedPhrasebook(book, "<editor>", lines)]
    report = library.import_loaded(loaded, backup_reason="before-save")
    return report, library.phrasebooks()
