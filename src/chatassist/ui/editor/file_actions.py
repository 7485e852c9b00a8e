"""Importing phrasebook files into the library and exporting the edited one.

Import reads and checks the file in a worker, previews what it adds, changes
and removes, and applies all of it or nothing (on the worker's database
writer); export writes the phrasebook as shown (.yaml, .csv or .xlsx). The
part sees the editor's document, the library, the worker and the prompts,
and reports through signals. Strings keep the window's translation context
("EditorWindow").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from chatassist.core.phrasebook.loader import LoadedPhrasebook, PhrasebookInvalid, load_files
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.tabular import write_csv, write_xlsx
from chatassist.core.phrasebook.writer import dump
from chatassist.errors import ChatassistError
from chatassist.storage.library import BookChange, diff_phrasebook, write_atomic
from chatassist.ui.editor.document import EditorDocument
from chatassist.ui.editor.services import EditorLibrary, EditorPrompts
from chatassist.ui.worker import Worker

#: asked before leaving unsaved changes; runs ``retry`` later when it says "not now"
KeepChanges = Callable[[Callable[[], object] | None], bool]
Confirm = Callable[[list[BookChange]], bool]


class FileActions(QObject):
    """Import… and Export… of the editor (the dialogs, then the library or the file)."""

    #: An import or its preview is running (True) or over (False): edits wait.
    busy = Signal(bool)
    #: An import is over: True when it was applied, False when declined or failed.
    finished = Signal(bool)
    #: An import was applied; the phrasebook to edit now (the argument).
    imported = Signal(str)
    #: The library changed (the sidebar rebuilds).
    saved = Signal()
    #: A line for the status bar.
    status = Signal(str)

    def __init__(
        self,
        document: EditorDocument,
        library: EditorLibrary,
        worker: Worker,
        prompts: EditorPrompts,
        keep_changes: KeepChanges,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self.document = document
        self.library = library
        self.worker = worker
        self.prompts = prompts
        self.keep_changes = keep_changes
        self._dialog_parent = dialog_parent
        # an import is being read, previewed or written to the library
        self.importing = False

    def import_file(self, path: Path, confirm: Confirm | None = None) -> bool:
        """Preview what ``path`` adds, changes and removes; apply all of it or nothing.

        True when the import was started: the file is read and checked in a worker,
        then ``confirm`` (by default the preview dialog) decides, then the library
        is written in a worker; :attr:`finished` tells how it ended, and
        :attr:`saved` is emitted when it was applied."""
        if self.importing:
            self.status.emit(QCoreApplication.translate("EditorWindow", "Importing…"))
            return False
        if not self.keep_changes(partial(self.import_file, path, confirm)):
            return False
        self.importing = True
        self.busy.emit(True)  # no edits until the preview is answered
        self.status.emit(
            QCoreApplication.translate("EditorWindow", "Reading %1…").replace("%1", path.name)
        )
        current = {b.id: b for b in self.document.books}
        self.worker.run_task(
            partial(_read_job, path, current),
            partial(self._read, path, confirm),
            self._import_failed,
        )
        return True

    def _read(
        self,
        path: Path,
        confirm: Confirm | None,
        read: tuple[list[LoadedPhrasebook], list[BookChange]],
    ) -> None:
        loaded, changes = read
        self.busy.emit(False)
        if not (confirm or self.prompts.confirm_import)(changes):
            self.importing = False
            self.status.emit("")
            self.finished.emit(False)
            return
        self.busy.emit(True)  # no edits to a phrasebook the import is replacing
        self.status.emit(QCoreApplication.translate("EditorWindow", "Importing…"))
        self.worker.run_write(
            partial(_import_job, self.library, loaded),
            partial(self._import_done, path, loaded),
            self._import_failed,
        )

    def _import_done(
        self, path: Path, loaded: list[LoadedPhrasebook], books: list[Phrasebook]
    ) -> None:
        document = self.document
        self.importing = False
        self.busy.emit(False)
        editing = document.session.book.id if document.session else None
        document.session = None
        document.books = books
        self.imported.emit(editing or loaded[0].phrasebook.id)
        self.status.emit(
            QCoreApplication.translate("EditorWindow", "Imported %1.").replace("%1", path.name)
        )
        self.saved.emit()  # the library changed: the sidebar rebuilds
        self.finished.emit(True)

    def _import_failed(self, exc: Exception) -> None:
        self.importing = False
        self.busy.emit(False)
        # The import is one transaction: nothing of it was written.
        self.status.emit(
            QCoreApplication.translate("EditorWindow", "Not imported: %1").replace("%1", str(exc))
        )
        if not isinstance(exc, PhrasebookInvalid):  # unreadable, disk full, a bug...
            self.prompts.show_error(
                exc,
                title=QCoreApplication.translate("EditorWindow", "Import failed"),
                context=QCoreApplication.translate("EditorWindow", "Not imported: %1"),
            )
        self.finished.emit(False)

    def export_current(self, path: Path) -> bool:
        """Write the phrasebook as shown (.yaml, .csv or .xlsx by the file's suffix).

        False (and the error reported) when the file cannot be written; an
        existing file is then left as it was."""
        session = self.document.session
        if session is None:
            return False
        book = session.book
        suffix = path.suffix.lower()
        try:
            if suffix == ".csv":
                write_csv(book, path)
            elif suffix == ".xlsx":
                write_xlsx(book, path)
            else:
                write_atomic(path, dump(book))
        except (ChatassistError, OSError) as exc:
            self.status.emit(
                QCoreApplication.translate("EditorWindow", "Not exported: %1").replace(
                    "%1", str(exc)
                )
            )
            self.prompts.show_error(
                exc,
                title=QCoreApplication.translate("EditorWindow", "Export failed"),
                context=QCoreApplication.translate("EditorWindow", "Not exported: %1"),
            )
            return False
        self.status.emit(
            QCoreApplication.translate("EditorWindow", "Exported to %1.").replace("%1", str(path))
        )
        return True

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._dialog_parent,
            QCoreApplication.translate("EditorWindow", "Import phrasebook"),
            "",
            QCoreApplication.translate("EditorWindow", "Phrasebooks (*.yaml *.yml *.csv *.xlsx)"),
        )
        if name:
            self.import_file(Path(name))

    def export_dialog(self) -> None:
        session = self.document.session
        if session is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self._dialog_parent,
            QCoreApplication.translate("EditorWindow", "Export phrasebook"),
            f"{session.book.id}.xlsx",
            QCoreApplication.translate(
                "EditorWindow", "Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)"
            ),
        )
        if name:
            self.export_current(Path(name))


def _read_job(
    path: Path, current: dict[str, Phrasebook]
) -> tuple[list[LoadedPhrasebook], list[BookChange]]:
    """In a worker: read and check ``path``, and what it would change."""
    loaded = load_files([path])
    return loaded, [diff_phrasebook(lb, current.get(lb.phrasebook.id)) for lb in loaded]


def _import_job(library: EditorLibrary, loaded: list[LoadedPhrasebook]) -> list[Phrasebook]:
    """In a worker: import ``loaded`` (one transaction, backup first), then read the
    library back."""
    library.import_loaded(loaded)
    return library.phrasebooks()
