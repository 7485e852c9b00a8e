"""The trainers' phrasebook editor window (``chatassist edit``).

Left: phrasebooks -> scenarios -> entries, with a search filter. Right: the
entry form (see entry_form.py), the library's coverage and usage statistics.
One phrasebook is edited at a time (an :class:`EditSession`); every edit is an
undoable command, each committed edit writes a crash draft, and saving
replaces the phrasebook in the library in one transaction (backup first), in a
worker: the UI thread never waits on the database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.phrasebook.model import Phrasebook
from chatassist.storage.library import BookChange, PhrasebookLibrary
from chatassist.ui.editor import model
from chatassist.ui.editor.book_form import BookForm
from chatassist.ui.editor.coverage_view import CoverageView
from chatassist.ui.editor.drafts import discard_draft, load_draft
from chatassist.ui.editor.entry_form import EntryForm
from chatassist.ui.editor.file_actions import FileActions
from chatassist.ui.editor.machine_drafts import MachineDrafts
from chatassist.ui.editor.saving import BookSaver
from chatassist.ui.editor.stats_view import StatsView
from chatassist.ui.editor.tree import (
    BOOK_NODE,
    ROLE,
    SCENARIO_NODE,
    entry_items,
    fill_tree,
    filter_tree,
)
from chatassist.ui.editor.undo import BookEdit
from chatassist.ui.worker import Worker

__all__ = ["BOOK_NODE", "ROLE", "SCENARIO_NODE", "EditorWindow"]


class EditorWindow(QMainWindow):
    #: a phrasebook was saved to the library (the sidebar rebuilds its suggestions)
    saved = Signal()

    def __init__(
        self,
        library: PhrasebookLibrary,
        worker: Worker,
        data_dir: Path,
        *,
        translator: Any = None,
        default_tone: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.worker = worker
        self.data_dir = data_dir
        self.translator = translator
        self.session: model.EditSession | None = None
        self.entry_index = -1
        self.books: list[Phrasebook] = []
        self.undo = QUndoStack(self)
        self.undo = QUndoStack(self)
        self._tree_key: tuple[Any, ...] = ()
        #: the background save and the crash draft
        self.saver = BookSaver(self, data_dir)
        self.file_actions = FileActions(self)
        self.machine_drafts = MachineDrafts(self)
        self.setWindowTitle(self.tr("Phrasebook editor"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter entries…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter entries"))
        self.search.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Phrasebooks, scenarios and entries")])
        self.tree.currentItemChanged.connect(self._item_selected)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.tree)
        self.form = EntryForm()
        self.form.field_edited.connect(self._field_edited)
        self.form.variant_edited.connect(self._variant_edited)
        self.book_form = BookForm()
        self.book_form.field_edited.connect(self._book_field_edited)
        self.coverage = CoverageView(default_tone or {})
        self.coverage.jump.connect(self.jump_to)
        self.stats = StatsView(library.database, lambda: self._all_books())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("&Entry"))
        self.tabs.addTab(self.book_form, self.tr("&Phrasebook"))
        self.tabs.addTab(self.coverage, self.tr("&Coverage"))
        self.tabs.addTab(self.stats, self.tr("S&tatistics"))
        self.tabs.currentChanged.connect(self._tab_changed)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 3)
        self.setCentralWidget(split)
        self._build_actions()
        self.undo.indexChanged.connect(self._index_changed)
        self.resize(1200, 800)
        self.reload()

    # --- actions ------------------------------------------------------------------
    def _build_actions(self) -> None:
        bar = self.addToolBar(self.tr("Editing"))
        bar.setObjectName("editing")

        def add(text: str, slot: Callable[[], object], keys: Any = "") -> QAction:
            action = QAction(text, self)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False: slot())
            bar.addAction(action)
            return action

        self.undo_action = self.undo.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.save_action = add(self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        add(self.tr("&New entry"), self.new_entry, QKeySequence.StandardKey.New)
        add(self.tr("Ne&w phrasebook…"), self.new_book, "Ctrl+Shift+N")
        add(self.tr("&Delete entry"), self.delete_entry)
        bar.addSeparator()
        add(self.tr("&Machine draft"), self.draft_translation, "Ctrl+Shift+T")
        add(self.tr("&Approve"), self.approve_cell, "Ctrl+Shift+A")
        bar.addSeparator()
        add(self.tr("&Import…"), self.file_actions.import_dialog, "Ctrl+I")
        add(self.tr("E&xport…"), self.file_actions.export_dialog, "Ctrl+E")

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    # --- library and tree ------------------------------------------------------
    def reload(self) -> None:
        """Re-read the library (after a save or an import)."""
        self.books = self.library.phrasebooks()
        if self.session is None and self.books:
            self.open_book(self.books[0].id)
        self.rebuild_tree(force=True)

    def _all_books(self) -> list[Phrasebook]:
        current = self.session.book if self.session else None
        out = [current if current and b.id == current.id else b for b in self.books]
        if current is not None and all(b.id != current.id for b in self.books):
            out.append(current)
        return out

    def rebuild_tree(self, force: bool = False) -> None:
        books = self._all_books()
        key = tuple((b.id, tuple((e.id, e.scenarios[:1]) for e in b.entries)) for b in books)
        if key == self._tree_key and not force:
            return
        self._tree_key = key
        editing = self.session.book.id if self.session else None
        fill_tree(self.tree, books, editing, self.entry_index)
        self._apply_filter(self.search.text())

    def _apply_filter(self, text: str) -> None:
        filter_tree(self.tree, self._all_books(), text)

    def _item_selected(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        if item is None:
            return
        book_id, index = item.data(0, ROLE)
        if (self.session is None or book_id != self.session.book.id) and not self.open_book(
            book_id
        ):
            return
        if index >= 0:
            self.select_entry(index)
        elif index == BOOK_NODE:
            self.tabs.setCurrentWidget(self.book_form)

    # --- the edited phrasebook ----------------------------------------------------
    def open_book(self, book_id: str) -> bool:
        """Edit ``book_id`` (asks about unsaved changes first); offer its crash draft."""
        if self.session is not None and self.session.book.id == book_id:
            return True
        if not self.maybe_keep_changes(retry=partial(self._reopen, book_id)):
            return False
        book = next((b for b in self.books if b.id == book_id), None)
        if book is None:
            return False
        self._start_session(book, is_new=False)
        return True

    def _start_session(self, book: Phrasebook, *, is_new: bool) -> None:
        """Edit ``book`` (from the library, or new); offer the crash draft left for its id."""
        others = frozenset(e.id for b in self.books if b.id != book.id for e in b.entries)
        self.session = model.EditSession(
            saved=book,
            book=book,
            other_ids=others,
            other_books=frozenset(b.id for b in self.books if b.id != book.id),
            is_new=is_new,
        )
        self.undo.clear()
        self.entry_index = 0 if book.entries else -1
        draft = load_draft(self.data_dir, book.id)
        if draft is not None and draft != book and self.ask_restore_draft(book.id):
            self.edit(draft, self.tr("Restore draft"))
            if self.entry_index < 0 and self.session.book.entries:
                self.entry_index = 0
        elif draft is not None:
            discard_draft(self.data_dir, book.id)
        self._changed()

    def new_book(self) -> bool:
        """Ask for an id and start editing an empty phrasebook (created in the library
        when it is first saved)."""
        if not self.maybe_keep_changes(retry=self.new_book):
            return False
        taken = {b.id for b in self.books}
        error = ""
        while True:
            book_id = self.ask_new_book_id(error)
            if book_id is None:
                return False
            book_id = book_id.strip()
            problem = model.book_id_problem(book_id, taken)
            if problem is None:
                break
            error = self._book_id_message(book_id, taken)
        self._start_session(model.empty_book(book_id), is_new=True)
        self.rebuild_tree(force=True)
        self.tabs.setCurrentWidget(self.book_form)
        self.book_form.fields["title/zh-Hans"].setFocus()
        self.status(
            self.tr("New phrasebook %1: fill in its titles, then save.").replace("%1", book_id)
        )
        return True

    def _book_id_message(self, book_id: str, taken: set[str]) -> str:
        if model.BOOK_ID.fullmatch(book_id):
            return self.tr("The id %1 is already used.").replace("%1", book_id)
        return self.tr("Use lower-case letters, digits, '.', '_' or '-'.")

    def ask_new_book_id(self, error: str = "") -> str | None:
        """The id for a new phrasebook, or None (cancelled); tests replace this method."""
        prompt = self.tr("Id of the new phrasebook (lower-case letters, digits, '.', '_', '-'):")
        text, ok = QInputDialog.getText(
            self, self.tr("New phrasebook"), f"{error}\n{prompt}" if error else prompt
        )
        return text if ok else None

    def _reopen(self, book_id: str) -> None:
        """Open ``book_id`` once the save that held it back is done (tree follows)."""
        if self.open_book(book_id):
            self.rebuild_tree(force=True)

    def select_entry(self, index: int) -> None:
        self.entry_index = index
        self.refresh_form()
        for item in self._entry_items():
            if item.data(0, ROLE) == (self.session.book.id if self.session else "", index):
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)

    def _entry_items(self) -> list[QTreeWidgetItem]:
        return entry_items(self.tree)

    def edit(self, after: Phrasebook, text: str, merge_key: str = "") -> None:
        if self.session is None or after == self.session.book:
            return
        self.undo.push(BookEdit(self.session, after, text, self._changed, merge_key))

    def _changed(self) -> None:
        """After every edit, undo and redo: draft, tree, form, title."""
        session = self.session
        if session is None:
            return
        self.saver.schedule_draft()
        if self.entry_index >= len(session.book.entries):
            self.entry_index = len(session.book.entries) - 1
        self.rebuild_tree()
        self.refresh_form()
        self.update_title()

    def refresh_form(self) -> None:
        session = self.session
        if session is None:
            self.book_form.show_book(None, [])
        else:
            problems = session.book_problems()
            self.book_form.show_book(session.book, problems, id_editable=session.is_new)
        if session is None or not 0 <= self.entry_index < len(session.book.entries):
            self.form.show_entry(None, [])
            return
        entry = session.book.entries[self.entry_index]
        self.form.show_entry(entry, session.entry_problems(self.entry_index))

    def _index_changed(self, _index: int) -> None:
        if shiboken6.isValid(self):  # the stack also signals while the window is destroyed
            self.update_title()

    def update_title(self) -> None:
        name = self.session.book.id if self.session else ""
        mark = "*" if self.session and self.session.dirty else ""
        saving = self.tr(" (saving…)") if self.saving is not None else ""
        self.setWindowTitle(self.tr("Phrasebook editor") + f" — {name}{mark}{saving}")

    def _field_edited(self, field: str, value: str) -> None:
        if self.session is None or self.entry_index < 0:
            return
        after = model.set_field(self.session.book, self.entry_index, field, value)
        self.edit(after, self.tr("Edit %1").replace("%1", field), f"{self.entry_index}:{field}")

    def _book_field_edited(self, field: str, value: str) -> None:
        session = self.session
        if session is None or (field == "id" and not session.is_new):
            return
        after = model.set_book_field(session.book, field, value)
        self.edit(after, self.tr("Edit %1").replace("%1", field), f"book:{field}")

    def _variant_edited(self, language: str, tone: str, text: str) -> None:
        if self.session is None or self.entry_index < 0:
            return
        after = model.set_variant(self.session.book, self.entry_index, language, tone, text)
        # A cell commits its whole text at once: each commit is its own undo step.
        self.edit(after, self.tr("Edit %1").replace("%1", f"{language}/{tone}"))

    def new_entry(self) -> None:
        if self.session is None:
            return
        book = self.session.book
        current = book.entries[self.entry_index] if self.entry_index >= 0 else None
        scenario = current.scenarios[0] if current and current.scenarios else "greeting"
        entry_id = model.new_entry_id(book, set(self.session.other_ids), scenario)
        self.entry_index = len(book.entries)
        self.edit(model.add_entry(book, entry_id, scenario), self.tr("New entry"))
        self.select_entry(self.entry_index)
        self.tabs.setCurrentWidget(self.form)

    def delete_entry(self) -> None:
        if self.session is None or self.entry_index < 0:
            return
        after = model.remove_entry(self.session.book, self.entry_index)
        self.edit(after, self.tr("Delete entry"))

    def approve_cell(self) -> None:
        self.machine_drafts.approve_cell()

    def draft_translation(self) -> None:
        """Machine-translate the selected empty cell from another variant (unvetted)."""
        self.machine_drafts.draft_translation()

    # --- saving, closing --------------------------------------------------------------
    @property
    def saving(self) -> Phrasebook | None:
        """The snapshot being saved in a worker (None: no save running)."""
        return self.saver.saving

    def save(self) -> bool:
        """Start saving: the phrasebook replaces its old version in the library (one
        transaction, backup first) in a worker. True when a save was started (or
        there was nothing to save), False when refused (problems, or a save runs).

        Edits stay possible meanwhile; :attr:`saved` is emitted once it is done.
        """
        return self.saver.save()

    def report_save_error(self, message: str) -> None:
        """Tell the trainer the save failed (tests replace this method)."""
        QMessageBox.warning(
            self,
            self.tr("Not saved"),
            self.tr("The phrasebook could not be saved; your edits are kept.\n\n%1").replace(
                "%1", message
            ),
        )

    def maybe_keep_changes(self, retry: Callable[[], object] | None = None) -> bool:
        """Before leaving unsaved changes: True when it is fine to go on now.

        While a save runs, or when the trainer chooses Save, it is False and
        ``retry`` (if given) runs once the save succeeded."""
        return self.saver.maybe_keep_changes(retry)

    def ask_unsaved(self) -> str:
        """ "save", "discard" or "cancel" (tests replace this method)."""
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this phrasebook?"),
            buttons,
            QMessageBox.StandardButton.Save,
        )
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(answer, "cancel")

    def ask_restore_draft(self, book_id: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Restore draft"),
            self.tr("Unsaved edits of %1 were left from last time. Restore them?").replace(
                "%1", book_id
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        # While a save runs (or one is started by "Save"), the window closes after it.
        if self.maybe_keep_changes(retry=self.close):
            event.accept()
        else:
            event.ignore()

    # --- import, export ---------------------------------------------------------------
    def import_file(
        self, path: Path, confirm: Callable[[list[BookChange]], bool] | None = None
    ) -> bool:
        """Preview what ``path`` adds, changes and removes; apply all of it or nothing."""
        return self.file_actions.import_file(path, confirm)

    def export_current(self, path: Path) -> None:
        """Write the phrasebook as shown (.yaml, .csv or .xlsx by the file's suffix)."""
        self.file_actions.export_current(path)

    # --- coverage and statistics ---------------------------------------------------
    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.coverage:
            self.coverage.refresh(self._all_books())
        elif self.tabs.currentWidget() is self.stats:
            self.stats.refresh()

    def jump_to(self, entry_id: str, language: str, tone: str) -> None:
        """Open the entry ``entry_id`` with the cell ``language``/``tone`` selected."""
        for book in self._all_books():
            for i, entry in enumerate(book.entries):
                if entry.id == entry_id and self.open_book(book.id):
                    self.rebuild_tree(force=True)
                    self.select_entry(i)
                    self.tabs.setCurrentWidget(self.form)
                    self.form.select_cell(language, tone)
                    return
