"""Importing phrasebook files into the library and exporting the edited one.

Import previews what a file adds, changes and removes and applies all of it or
nothing; export writes the phrasebook as shown (.yaml, .csv or .xlsx). Strings
keep the window's translation context ("EditorWindow").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from chatassist.core.phrasebook.loader import LoadedPhrasebook, PhrasebookInvalid, load_files
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.tabular import write_csv, write_xlsx
from chatassist.core.phrasebook.writer import dump
from chatassist.errors import ChatassistError
from chatassist.storage.library import (
    BookChange,
    PhrasebookLibrary,
    diff_phrasebook,
    write_atomic,
)
from chatassist.ui.editor.import_preview import confirm_import

if TYPE_CHECKING:
    from chatassist.ui.editor.window import EditorWindow


class FileActions:
    """Import… and Export… of ``window`` (the dialogs, then the library or the file)."""

    def __init__(self, window: EditorWindow) -> None:
        self.window = window
        # an import is being written to the library in a worker
        self.importing = False

    def import_file(
        self, path: Path, confirm: Callable[[list[BookChange]], bool] | None = None
    ) -> bool:
        """See :meth:`EditorWindow.import_file`. True when the import was started: the
        library is written in a worker, then the window shows the result (or the error)
        and emits ``saved`` so that the sidebar rebuilds over the new library."""
        window = self.window
        if self.importing:
            window.status(QCoreApplication.translate("EditorWindow", "Importing…"))
            return False
        if not window.maybe_keep_changes(retry=partial(window.import_file, path, confirm)):
            return False
        try:
            loaded = load_files([path])
        except (ChatassistError, OSError) as exc:  # invalid, unreadable...
            self._not_imported(exc, dialog=not isinstance(exc, PhrasebookInvalid))
            return False
        current = {b.id: b for b in window.books}
        changes = [diff_phrasebook(lb, current.get(lb.phrasebook.id)) for lb in loaded]
        if not (confirm or partial(confirm_import, window))(changes):
            return False
        self.importing = True
        window.setEnabled(False)  # no edits to a phrasebook the import is replacing
        window.status(QCoreApplication.translate("EditorWindow", "Importing…"))
        window.worker.run_task(
            partial(_import_job, window.library, loaded),
            partial(self._import_done, path, loaded),
            self._import_failed,
        )
        return True

    def _import_done(
        self, path: Path, loaded: list[LoadedPhrasebook], books: list[Phrasebook]
    ) -> None:
        window = self.window
        self.importing = False
        window.setEnabled(True)
        editing = window.session.book.id if window.session else None
        window.session = None
        window.books = books
        window.open_book(editing or loaded[0].phrasebook.id)
        window.rebuild_tree(force=True)
        window.status(
            QCoreApplication.translate("EditorWindow", "Imported %1.").replace("%1", path.name)
        )
        window.saved.emit()  # the library changed: the sidebar rebuilds

    def _import_failed(self, exc: Exception) -> None:
        self.importing = False
        self.window.setEnabled(True)
        # The import is one transaction: nothing of it was written.
        self._not_imported(exc, dialog=not isinstance(exc, PhrasebookInvalid))

    def _not_imported(self, exc: Exception, *, dialog: bool) -> None:
        message = QCoreApplication.translate("EditorWindow", "Not imported: %1").replace(
            "%1", str(exc)
        )
        self.window.status(message)
        if dialog:
            self.report_error(QCoreApplication.translate("EditorWindow", "Import failed"), message)

    def export_current(self, path: Path) -> bool:
        """See :meth:`EditorWindow.export_current`. False (and the error reported)
        when the file cannot be written; an existing file is then left as it was."""
        window = self.window
        if window.session is None:
            return False
        book = window.session.book
        suffix = path.suffix.lower()
        try:
            if suffix == ".csv":
                write_csv(book, path)
            elif suffix == ".xlsx":
                write_xlsx(book, path)
            else:
                write_atomic(path, dump(book))
        except (ChatassistError, OSError) as exc:
            message = QCoreApplication.translate("EditorWindow", "Not exported: %1").replace(
                "%1", str(exc)
            )
            window.status(message)
            self.report_error(QCoreApplication.translate("EditorWindow", "Export failed"), message)
            return False
        window.status(
            QCoreApplication.translate("EditorWindow", "Exported to %1.").replace("%1", str(path))
        )
        return True

    def report_error(self, title: str, message: str) -> None:
        """Tell the trainer an import or export failed (tests replace this method)."""
        QMessageBox.warning(self.window, title, message)

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("EditorWindow", "Import phrasebook"),
            "",
            QCoreApplication.translate("EditorWindow", "Phrasebooks (*.yaml *.yml *.csv *.xlsx)"),
        )
        if name:
            self.window.import_file(Path(name))

    def export_dialog(self) -> None:
        window = self.window
        if window.session is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            window,
            QCoreApplication.translate("EditorWindow", "Export phrasebook"),
            f"{window.session.book.id}.xlsx",
            QCoreApplication.translate(
                "EditorWindow", "Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)"
            ),
        )
        if name:
            window.export_current(Path(name))


def _import_job(library: PhrasebookLibrary, loaded: list[LoadedPhrasebook]) -> list[Phrasebook]:
    """In a worker: import ``loaded`` (one transaction, backup first), then read the
    library back."""
    library.import_loaded(loaded)
    return library.phrasebooks()
