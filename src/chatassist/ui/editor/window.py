"""The trainers' phrasebook editor window (``chatassist edit``).

Left: phrasebooks -> scenarios -> entries, with a search filter. Right: the
entry form (see entry_form.py), the library's coverage and usage statistics.
One phrasebook is edited at a time (an :class:`EditSession`); every edit is an
undoable command, each committed edit writes a crash draft, and saving
replaces the phrasebook in the library in one transaction (backup first), in a
worker: the UI thread never waits on the database.

The window builds its views and its parts (``BookSaver``, ``FileActions``,
``MachineDrafts``), which share the :class:`EditorDocument` and never see the
window, and wires them in one place (:meth:`EditorWindow._connect`). It works
with an :class:`EditorServices` bundle and asks the trainer through
:class:`EditorPrompts`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.regions import Region
from chatassist.ui.editor import model
from chatassist.ui.editor.book_form import BookForm
from chatassist.ui.editor.changed_by import ChangedBy
from chatassist.ui.editor.coverage_view import CoverageView
from chatassist.ui.editor.document import EditorDocument
from chatassist.ui.editor.drafts import load_draft
from chatassist.ui.editor.entry_form import EntryForm
from chatassist.ui.editor.file_actions import FileActions
from chatassist.ui.editor.machine_drafts import MachineDrafts
from chatassist.ui.editor.offer_rules_view import OfferRulesView
from chatassist.ui.editor.prompts import DialogPrompts
from chatassist.ui.editor.saving import BookSaver
from chatassist.ui.editor.services import EditorPrompts, EditorServices
from chatassist.ui.editor.stats_view import StatsView
from chatassist.ui.editor.tree import (
    BOOK_NODE,
    ROLE,
    SCENARIO_NODE,
    entry_items,
    fill_tree,
    filter_tree,
)
from chatassist.ui.worker import Worker

__all__ = ["BOOK_NODE", "ROLE", "SCENARIO_NODE", "EditorWindow"]


class EditorWindow(QMainWindow):
    #: a phrasebook was saved to the library (the sidebar rebuilds its suggestions)
    saved = Signal()
    #: the library was read (at start-up, in the worker) and is shown
    loaded = Signal()
    #: the crash draft of the phrasebook just opened was read (and offered, if any)
    draft_checked = Signal()

    def __init__(
        self,
        services: EditorServices,
        worker: Worker,
        data_dir: Path,
        *,
        prompts: EditorPrompts | None = None,
        default_tone: Mapping[str, str] | None = None,
        regions: Sequence[Region] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.worker = worker
        self.data_dir = data_dir
        #: the questions to the trainer (dialogs over this window unless given)
        self.prompts: EditorPrompts = prompts or DialogPrompts(self)
        #: the library as read, the phrasebook under edit, the selected entry, undo
        self.document = EditorDocument(self)
        self.undo = self.document.undo
        self._tree_key: tuple[object, ...] = ()
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
        self.book_form = BookForm()
        self.coverage = CoverageView(default_tone or {})
        self.stats = StatsView(
            services.usage_counts,
            self.document.all_books,
            worker,
            responses=services.responses,
            regions=regions,
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("&Entry"))
        self.tabs.addTab(self.book_form, self.tr("&Phrasebook"))
        self.tabs.addTab(self.coverage, self.tr("&Coverage"))
        self.tabs.addTab(self.stats, self.tr("S&tatistics"))
        self.offer_rules: OfferRulesView | None = None
        if services.offer_rules is not None:
            self.offer_rules = OfferRulesView(
                services.offer_rules, worker, self.prompts, self.document.all_books
            )
            self.tabs.addTab(self.offer_rules, self.tr("O&ffer rules"))
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 3)
        self.setCentralWidget(split)
        #: the background save and the crash draft; import and export; machine drafts
        self.saver = BookSaver(
            self.document, services.library, worker, self.prompts, data_dir, self
        )
        self.file_actions = FileActions(
            self.document,
            services.library,
            worker,
            self.prompts,
            self.saver.maybe_keep_changes,
            self,
        )
        self.machine_drafts = MachineDrafts(
            self.document, self.form, worker, services.translator, self
        )
        #: team mode: who changed the selected entry last, in the status bar
        self.changed_by: ChangedBy | None = None
        if services.changed_by is not None:
            self.changed_by = ChangedBy(worker, services.changed_by, self)
            self.changed_by_label = QLabel()
            self.changed_by_label.setObjectName("changed_by")
            self.statusBar().addPermanentWidget(self.changed_by_label)
            self.changed_by.shown.connect(self.changed_by_label.setText)
        self._build_actions()
        self._connect()
        self.resize(1200, 800)
        self.reload()

    def _connect(self) -> None:
        """Wire the views' and the parts' signals to their slots: the one place
        that knows who talks to whom."""
        saver, files, drafts = self.saver, self.file_actions, self.machine_drafts
        self.search.textChanged.connect(self._apply_filter)
        self.tree.currentItemChanged.connect(self._item_selected)
        self.form.field_edited.connect(self._field_edited)
        self.form.variant_edited.connect(self._variant_edited)
        self.book_form.field_edited.connect(self._book_field_edited)
        self.coverage.jump.connect(self.jump_to)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.document.changed.connect(self._changed)
        self.undo.indexChanged.connect(self._index_changed)
        self.worker.failed.connect(self.status)
        saver.saving_changed.connect(self._saving_changed)
        saver.library_changed.connect(self._library_changed)
        saver.session_closed.connect(self._library_changed)
        saver.saved.connect(self.saved)
        saver.status.connect(self.status)
        files.busy.connect(lambda busy: self.setEnabled(not busy))
        files.imported.connect(self._imported)
        files.saved.connect(self.saved)
        files.status.connect(self.status)
        drafts.status.connect(self.status)
        if self.offer_rules is not None:
            self.offer_rules.saved.connect(self.saved)
            self.offer_rules.status.connect(self.status)

    # --- actions ------------------------------------------------------------------
    def _build_actions(self) -> None:
        bar = self.addToolBar(self.tr("Editing"))
        bar.setObjectName("editing")

        def add(
            text: str, slot: Callable[[], object], keys: QKeySequence.StandardKey | str = ""
        ) -> QAction:
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
        self.save_action = add(self.tr("&Save"), self.saver.save, QKeySequence.StandardKey.Save)
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        add(self.tr("&New entry"), self.new_entry, QKeySequence.StandardKey.New)
        add(self.tr("Ne&w phrasebook…"), self.new_book, "Ctrl+Shift+N")
        add(self.tr("&Delete entry"), self.delete_entry)
        bar.addSeparator()
        add(self.tr("&Machine draft"), self.machine_drafts.draft_translation, "Ctrl+Shift+T")
        add(self.tr("&Approve"), self.machine_drafts.approve_cell, "Ctrl+Shift+A")
        bar.addSeparator()
        add(self.tr("&Import…"), self.file_actions.import_dialog, "Ctrl+I")
        add(self.tr("E&xport…"), self.file_actions.export_dialog, "Ctrl+E")

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    # --- the document, for the composition root and tests ---------------------
    @property
    def session(self) -> model.EditSession | None:
        return self.document.session

    @session.setter
    def session(self, session: model.EditSession | None) -> None:
        self.document.session = session

    @property
    def entry_index(self) -> int:
        return self.document.entry_index

    @entry_index.setter
    def entry_index(self, index: int) -> None:
        self.document.entry_index = index

    @property
    def books(self) -> list[Phrasebook]:
        return self.document.books

    def _all_books(self) -> list[Phrasebook]:
        return self.document.all_books()

    # --- library and tree ------------------------------------------------------
    def reload(self) -> None:
        """Read the library again, in the worker; :attr:`loaded` is emitted when it
        is shown."""
        self.status(self.tr("Reading the phrasebooks…"))
        self.worker.run_latest(
            (self, "reload"), self.services.library.phrasebooks, self._reloaded, self._load_failed
        )

    def _reloaded(self, books: list[Phrasebook]) -> None:
        self.document.books = books
        self.status("")
        if self.session is None and self.books:
            self.open_book(self.books[0].id)
        self.rebuild_tree(force=True)
        self.loaded.emit()

    def _load_failed(self, exc: Exception) -> None:
        self.status(self.tr("Could not load the phrasebooks: %1").replace("%1", str(exc)))
        self.prompts.show_error(
            exc,
            title=self.tr("Phrasebook editor"),
            context=self.tr("Could not load the phrasebooks: %1"),
        )

    def _library_changed(self) -> None:
        """A save read the library back, or the unsaved new phrasebook was dropped."""
        self.rebuild_tree(force=True)
        self.refresh_form()
        self.update_title()

    def _saving_changed(self) -> None:
        self.save_action.setEnabled(self.saver.saving is None)
        self.update_title()

    def _imported(self, book_id: str) -> None:
        self.open_book(book_id)
        self.rebuild_tree(force=True)

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
        if not self.saver.maybe_keep_changes(retry=partial(self._reopen, book_id)):
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
            house_style=self.services.house_style,
        )
        self.undo.clear()
        self.entry_index = 0 if book.entries else -1
        self._changed()
        # The crash draft is read in the worker (a large one takes seconds to parse).
        self.worker.run_latest(
            (self, "draft"),
            partial(load_draft, self.data_dir, book.id),
            partial(self._draft_read, self.session, book),
            lambda _exc: None,  # unreadable: load_draft already says None
        )

    def _draft_read(
        self, session: model.EditSession, book: Phrasebook, draft: Phrasebook | None
    ) -> None:
        """Offer the crash draft left for ``book`` (if the trainer still edits it)."""
        if self.session is not session:
            return  # another phrasebook is open now: its own draft was asked for
        if draft is not None and draft != book and self.prompts.ask_restore_draft(book.id):
            # An undoable edit: anything typed meanwhile comes back with Undo.
            self.edit(draft, self.tr("Restore draft"))
            if self.entry_index < 0 and session.book.entries:
                self.entry_index = 0
            self._changed()
        elif draft is not None and self.undo.count() == 0:
            # Declined (or the same as saved), and nothing typed since it was opened:
            # otherwise the draft already holds (or will hold) the newer edits.
            self.saver.drop_draft(book.id)
        self.draft_checked.emit()

    def new_book(self) -> bool:
        """Ask for an id and start editing an empty phrasebook (created in the library
        when it is first saved)."""
        if not self.saver.maybe_keep_changes(retry=self.new_book):
            return False
        taken = {b.id for b in self.books}
        error = ""
        while True:
            book_id = self.prompts.ask_new_book_id(error)
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
        self.document.edit(after, text, merge_key)

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
            if self.changed_by is not None:
                self.changed_by.show_entry(None)
            return
        entry = session.book.entries[self.entry_index]
        self.form.show_entry(entry, session.entry_problems(self.entry_index))
        if self.changed_by is not None:
            self.changed_by.show_entry(entry.id)

    def _index_changed(self, _index: int) -> None:
        if shiboken6.isValid(self):  # the stack also signals while the window is destroyed
            self.update_title()

    def update_title(self) -> None:
        name = self.session.book.id if self.session else ""
        mark = "*" if self.session and self.session.dirty else ""
        saving = self.tr(" (saving…)") if self.saver.saving is not None else ""
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

    # --- closing ----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        # While a save runs (or one is started by "Save"), the window closes after it.
        if self.saver.maybe_keep_changes(retry=self.close):
            event.accept()
        else:
            event.ignore()

    # --- coverage and statistics ---------------------------------------------------
    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.coverage:
            self.coverage.refresh(self._all_books())
        elif self.tabs.currentWidget() is self.stats:
            self.stats.refresh()
        elif self.offer_rules is not None and self.tabs.currentWidget() is self.offer_rules:
            self.offer_rules.refresh()

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
