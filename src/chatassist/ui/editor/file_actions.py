"""Importing phrasebook files into the library and exporting the edited one.

Import reads and checks the file in a worker, previews what it adds, changes
and removes (with each entry's texts before and after), and applies all of it
or nothing (on the worker's database writer); a refused file's problems are
listed, every one, in a dialog. Export writes the phrasebook as shown (.yaml,
.csv or .xlsx) in the worker too. The part sees the editor's document, the
library, the worker and the prompts, and reports through signals. Strings
keep the window's translation context ("EditorWindow").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from chatassist.core.files import write_atomic
from chatassist.core.phrasebook.loader import LoadedPhrasebook, PhrasebookInvalid
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.tabular import write_csv, write_xlsx
from chatassist.core.phrasebook.writer import dump
from chatassist.ui.editor.document import EditorDocument
from chatassist.ui.editor.import_plan import ImportPlan, plan_import
from chatassist.ui.editor.outcome import KeepChanges, report_failure
from chatassist.ui.editor.services import EditorLibrary, EditorPrompts
from chatassist.ui.worker import Worker

#: decides on an import once its plan is read (by default the preview dialog)
Confirm = Callable[[ImportPlan], bool]
#: the most problems a refused file lists (a hostile file can have millions)
MAX_LISTED_PROBLEMS = 10_000


class FileActions(QObject):
    """Import… and Export… of the editor (the dialogs, then the library or the file)."""

    #: An import or its preview is running (True) or over (False): edits wait.
    busy = Signal(bool)
    #: An import is over: True when it was applied, False when declined or failed.
    finished = Signal(bool)
    #: An import was applied; the phrasebook to edit now (the argument).
    imported = Signal(str)
    #: An export is over: True when the file was written, False when it failed.
    exported = Signal(bool)
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
            partial(plan_import, path, current),
            partial(self._read, confirm),
            self._import_failed,
        )
        return True

    def _read(self, confirm: Confirm | None, plan: ImportPlan) -> None:
        self.busy.emit(False)
        if not (confirm or self.prompts.confirm_import)(plan):
            self.importing = False
            self.status.emit("")
            self.finished.emit(False)
            return
        self.busy.emit(True)  # no edits to a phrasebook the import is replacing
        self.status.emit(QCoreApplication.translate("EditorWindow", "Importing…"))
        self.worker.run_write(
            partial(_import_job, self.library, plan.loaded),
            partial(self._import_done, plan),
            self._import_failed,
        )

    def _import_done(self, plan: ImportPlan, books: list[Phrasebook]) -> None:
        document = self.document
        self.importing = False
        self.busy.emit(False)
        editing = document.session.book.id if document.session else None
        document.session = None
        document.books = books
        self.imported.emit(editing or plan.loaded[0].phrasebook.id)
        self.status.emit(
            QCoreApplication.translate("EditorWindow", "Imported %1.").replace("%1", plan.path.name)
        )
        self.saved.emit()  # the library changed: the sidebar rebuilds
        self.finished.emit(True)

    def _import_failed(self, exc: Exception) -> None:
        self.importing = False
        self.busy.emit(False)
        # The import is one transaction: nothing of it was written.
        if isinstance(exc, PhrasebookInvalid):
            self.status.emit(
                QCoreApplication.translate("EditorWindow", "Not imported: %1").replace(
                    "%1", str(exc)
                )
            )
            count = len(exc.problems)
            self.prompts.show_problems(
                QCoreApplication.translate("EditorWindow", "Not imported"),
                QCoreApplication.translate(
                    "EditorWindow",
                    "The file has %1 problem(s); nothing was imported. Fix them and import again.",
                ).replace("%1", str(count)),
                exc.report_lines(MAX_LISTED_PROBLEMS),
            )
        else:  # unreadable, disk full, a bug...
            report_failure(
                self.status.emit,
                self.prompts,
                exc,
                status=QCoreApplication.translate("EditorWindow", "Not imported: %1"),
                title=QCoreApplication.translate("EditorWindow", "Import failed"),
                context=QCoreApplication.translate("EditorWindow", "Not imported: %1"),
            )
        self.finished.emit(False)

    def export_current(self, path: Path) -> bool:
        """Write the phrasebook as shown (.yaml, .csv or .xlsx by the file's suffix), in
        the worker. True when the export was started; :attr:`exported` tells how it
        ended (a file that cannot be written is reported, an existing one left as it
        was)."""
        session = self.document.session
        if session is None:
            return False
        self.status.emit(
            QCoreApplication.translate("EditorWindow", "Exporting to %1…").replace("%1", str(path))
        )
        self.worker.run_write(
            partial(_export_job, session.book, path),
            lambda _none: self._exported(path),
            self._export_failed,
        )
        return True

    def _exported(self, path: Path) -> None:
        self.status.emit(
            QCoreApplication.translate("EditorWindow", "Exported to %1.").replace("%1", str(path))
        )
        self.exported.emit(True)

    def _export_failed(self, exc: Exception) -> None:
        report_failure(
            self.status.emit,
            self.prompts,
            exc,
            status=QCoreApplication.translate("EditorWindow", "Not exported: %1"),
            title=QCoreApplication.translate("EditorWindow", "Export failed"),
            context=QCoreApplication.translate("EditorWindow", "Not exported: %1"),
        )
        self.exported.emit(False)

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


def _import_job(library: EditorLibrary, loaded: list[LoadedPhrasebook]) -> list[Phrasebook]:
    """In a worker: import ``loaded`` (one transaction, backup "before-import" first),
    then read the library back."""
    library.import_loaded(loaded)
    return library.phrasebooks()


def _export_job(book: Phrasebook, path: Path) -> None:
    """In a worker: write ``book`` to ``path`` atomically, in the format its suffix names."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(book, path)
    elif suffix == ".xlsx":
        write_xlsx(book, path)
    else:
        write_atomic(path, dump(book))
