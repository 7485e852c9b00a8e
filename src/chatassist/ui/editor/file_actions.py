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
from PySide6.QtWidgets import QFileDialog

from chatassist.core.phrasebook.loader import PhrasebookInvalid, load_files
from chatassist.core.phrasebook.tabular import write_csv, write_xlsx
from chatassist.core.phrasebook.writer import dump
from chatassist.storage.library import BookChange, diff_phrasebook, write_atomic
from chatassist.ui.editor.import_preview import confirm_import

if TYPE_CHECKING:
    from chatassist.ui.editor.window import EditorWindow


class FileActions:
    """Import… and Export… of ``window`` (the dialogs, then the library or the file)."""

    def __init__(self, window: EditorWindow) -> None:
        self.window = window

    def import_file(
        self, path: Path, confirm: Callable[[list[BookChange]], bool] | None = None
    ) -> bool:
        """See :meth:`EditorWindow.import_file`."""
        window = self.window
        if not window.maybe_keep_changes(retry=partial(window.import_file, path, confirm)):
            return False
        try:
            loaded = load_files([path])
        except PhrasebookInvalid as exc:
            window.status(
                QCoreApplication.translate("EditorWindow", "Not imported: %1").replace(
                    "%1", str(exc)
                )
            )
            return False
        current = {b.id: b for b in window.books}
        changes = [diff_phrasebook(lb, current.get(lb.phrasebook.id)) for lb in loaded]
        if not (confirm or partial(confirm_import, window))(changes):
            return False
        try:
            window.library.import_loaded(loaded)
        except PhrasebookInvalid as exc:
            window.status(
                QCoreApplication.translate("EditorWindow", "Not imported: %1").replace(
                    "%1", str(exc)
                )
            )
            return False
        editing = window.session.book.id if window.session else None
        window.session = None
        window.books = window.library.phrasebooks()
        window.open_book(editing or loaded[0].phrasebook.id)
        window.rebuild_tree(force=True)
        window.status(
            QCoreApplication.translate("EditorWindow", "Imported %1.").replace("%1", path.name)
        )
        return True

    def export_current(self, path: Path) -> None:
        """See :meth:`EditorWindow.export_current`."""
        window = self.window
        if window.session is None:
            return
        book = window.session.book
        suffix = path.suffix.lower()
        if suffix == ".csv":
            write_csv(book, path)
        elif suffix == ".xlsx":
            write_xlsx(book, path)
        else:
            write_atomic(path, dump(book))
        window.status(
            QCoreApplication.translate("EditorWindow", "Exported to %1.").replace("%1", str(path))
        )

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
