"""The agent's sidebar window: builds the panels and the parts and wires them in
one place (:meth:`Sidebar._connect`).

The parts (``CustomerSwitcher``, ``ReplyCopier``, ``ReplyList``, and
``AnalysisFlow``, which analyses the message and translates the message and the
draft) never see the window: they receive the worker, the
:class:`SidebarState` and their own views, and report through signals. Every slow call (analysis, translation, search,
recording a use) runs as a worker job on plain data; the worker's
``run_latest`` drops a result for an older message, search or draft.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QMetaMethod, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatassist.core.assist import Analysis
from chatassist.core.playbook.response_clock import ResponseClock, ResponseTime
from chatassist.core.suggestions import CustomerProfile, Suggestion
from chatassist.settings import Settings
from chatassist.ui import jobs
from chatassist.ui.backend import Backend, TranslatorLike
from chatassist.ui.clipboard_watch import ClipboardWatch
from chatassist.ui.compose_panel import ComposePanel
from chatassist.ui.customers import CustomerBook
from chatassist.ui.errors import describe
from chatassist.ui.likely_next_chip import LikelyNextChip
from chatassist.ui.message_panel import MessagePanel
from chatassist.ui.placement import place_text, placed
from chatassist.ui.response_clock import ClockLabel, ResponseWatch
from chatassist.ui.settings_dialog import SettingsDialog
from chatassist.ui.sidebar_analysis import AnalysisFlow
from chatassist.ui.sidebar_copy import ReplyCopier
from chatassist.ui.sidebar_customers import CustomerSwitcher
from chatassist.ui.sidebar_replies import ReplyList
from chatassist.ui.sidebar_state import SidebarState
from chatassist.ui.suggestions_view import SuggestionsView
from chatassist.ui.widgets import warm_up_fonts, wrapped_label
from chatassist.ui.worker import Worker

DEFAULT_WIDTH, DEFAULT_HEIGHT = 420, 760


class Sidebar(QWidget):
    #: A reply (or composed text) was put on the clipboard.
    copied = Signal(str)
    #: New results are on screen (analysis, search or translation).
    updated = Signal()
    #: Ctrl+E: the trainers' phrasebook editor should open (the composition root opens it).
    editor_requested = Signal()
    #: The language packs dialog should open over the widget given (the settings dialog).
    packs_requested = Signal(QWidget)
    #: A missing pack was asked for: open the packs dialog over the widget on this
    #: pair (argos codes) and download it.
    pack_wanted = Signal(QWidget, str, str)
    #: The agent saved the settings dialog (after the sidebar applied them).
    settings_saved = Signal()

    def __init__(
        self,
        settings: Settings,
        worker: Worker,
        *,
        data_dir: Path,
        backend: Backend | None = None,
        customers: CustomerBook | None = None,
        ui_language: str = "en",
        response_clock: ResponseClock | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("sidebar")
        self.setWindowTitle("chatassist")
        self.settings = settings
        self.worker = worker
        worker.setParent(self)
        self.data_dir = data_dir
        self.ui_language = ui_language
        #: what the parts read: services, the shown analysis, the customers
        self.state = SidebarState(settings, customers or CustomerBook())
        self.clipboard = ClipboardWatch(QGuiApplication.clipboard(), self)
        self._pending_message: str | None = None
        #: each customer's waiting time; one id per sidebar run for the statistics
        self.response_watch = ResponseWatch(response_clock, parent=self)
        self.session_id = uuid.uuid4().hex
        for c in self.state.customers.recent:  # restored messages were seen before
            self.response_watch.seen(c.number, c.message)
        self._build()
        #: switching customers and their context; copying replies and drafts; the list
        self.customer_switcher = CustomerSwitcher(
            self.state.customers,
            self.customer_combo,
            self.message,
            self.compose,
            self.replies.search,
            self,
        )
        self.reply_copier = ReplyCopier(
            self.state, self.replies, self.compose, self.clipboard, worker, self
        )
        self.reply_list = ReplyList(self.state, self.replies, worker, self)
        #: the shown message analysed; the message and the draft translated
        self.analysis_flow = AnalysisFlow(
            self.state,
            worker,
            self.message,
            self.compose,
            self.likely_next,
            self.reply_list,
            self.replies.search,
            self,
        )
        self._connect()
        self.apply_settings()
        warm_up_fonts(self)
        self.customer_switcher.show_customer(self.customers.current)
        self.resize(DEFAULT_WIDTH, DEFAULT_HEIGHT)
        self._restore_place(str(settings.get("window_geometry")))
        split = str(settings.get("sidebar_splitter"))
        if split:
            self.splitter.restoreState(QByteArray.fromBase64(split.encode("ascii")))
        if backend is not None:
            self.set_backend(backend)
        else:
            self.show_status(self.tr("Loading phrasebooks and language detection…"))

    # -- layout ----------------------------------------------------------------

    def _build(self) -> None:
        self.customer_combo = QComboBox()
        self.customer_combo.setAccessibleName(self.tr("Recent customers"))
        # The list's labels are long ("Customer 4 · ES Europe · Ana…"): let it shrink.
        self.customer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.customer_combo.setMinimumContentsLength(6)
        # Short labels: the sidebar stays usable 320 px wide (the tool tips say more).
        # Tool buttons: a push button is never narrower than 80 px in most styles.
        self.new_button = QToolButton()
        self.new_button.setText(self.tr("&New"))
        self.new_button.setAccessibleName(self.tr("New customer"))
        self.new_button.setToolTip(self.tr("Start a fresh customer (Ctrl+N)"))
        self.settings_button = QToolButton()
        self.settings_button.setText(self.tr("&Settings"))
        self.settings_button.setToolTip(self.tr("Settings (Ctrl+,); phrasebook editor: Ctrl+E"))
        top = QHBoxLayout()
        top.addWidget(self.customer_combo, 1)
        self.clock_label = ClockLabel()
        top.addWidget(self.clock_label)
        top.addWidget(self.new_button)
        top.addWidget(self.settings_button)
        self.message = MessagePanel(self.ui_language)
        self.replies = SuggestionsView()
        self.likely_next = LikelyNextChip()
        self.compose = ComposePanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.replies, self.tr("Repl&ies"))
        self.tabs.addTab(self.compose, self.tr("Com&pose"))
        self.status = wrapped_label()
        self.status.setObjectName("status")
        self.status.setAccessibleName(self.tr("Status"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.addLayout(top)
        # The agent drags the handle to give the message and its notes more room.
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.likely_next)
        below_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("message-replies-splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.message)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        """Wire the views' and the parts' signals to their slots: the one place
        that knows who talks to whom."""
        switcher, copier, reply_list = self.customer_switcher, self.reply_copier, self.reply_list
        flow = self.analysis_flow
        self.worker.failed.connect(self.show_status)
        self.clipboard.message_copied.connect(self.receive_message)
        self.customer_combo.activated.connect(switcher.switch_to_row)
        self.new_button.clicked.connect(switcher.new_customer)
        self.settings_button.clicked.connect(self.open_settings)
        self.message.text_ready.connect(flow.analyze)
        self.message.language_chosen.connect(switcher.pin_language)
        self.message.region_chosen.connect(lambda v: switcher.override("region", v))
        self.message.tone_chosen.connect(lambda v: switcher.override("tone", v))
        self.message.segment_chosen.connect(lambda v: switcher.override("segment", v))
        self.message.country_chosen.connect(lambda v: switcher.override("country", v))
        self.message.order_value.value_chosen.connect(lambda v: switcher.override("order_value", v))
        self.message.year_spend.value_chosen.connect(lambda v: switcher.override("year_spend", v))
        self.message.order_age.age_chosen.connect(flow.set_order_age)
        self.replies.copy_requested.connect(copier.copy_reply)
        self.replies.search_changed.connect(reply_list.search)
        self.compose.text_ready.connect(flow.translate_draft)
        self.compose.copy_requested.connect(copier.copy_draft)
        self.compose.pack_requested.connect(lambda a, b: self.pack_wanted.emit(self, a, b))
        self.message.get_pack.requested.connect(lambda a, b: self.pack_wanted.emit(self, a, b))
        switcher.leaving.connect(flow.commit_conversation)
        switcher.shown.connect(flow.forget_analysis)
        switcher.analysis_needed.connect(flow.analyze)
        switcher.status.connect(self.show_status)
        switcher.started.connect(lambda: self.message.edit.setFocus())
        copier.answered.connect(flow.commit_conversation)
        copier.details_changed.connect(switcher.refresh_list)
        copier.details_changed.connect(self.reply_list.refresh_previews)
        copier.status.connect(self.show_status)
        copier.copied.connect(self.copied)
        copier.copied.connect(self._record_sent)
        switcher.changed.connect(self._save_customers)
        reply_list.updated.connect(self.updated)
        flow.updated.connect(self.updated)
        flow.status.connect(self.show_status)
        flow.failed.connect(self.job_failed)
        flow.seen_changed.connect(switcher.refresh_list)
        flow.analysed.connect(self._classify)
        watch = self.response_watch
        self.message.text_ready.connect(lambda t: watch.text_arrived(self.current_number, t))
        copier.answered.connect(lambda: watch.reply_copied(self.current_number))
        watch.ticked.connect(self._show_clock)
        watch.order_changed.connect(switcher.refresh_list)
        watch.answered.connect(self._record_response)
        switcher.shown.connect(lambda _c: self._show_clock())
        switcher.arrange, switcher.badge = watch.order, watch.badge
        self.likely_next.chosen.connect(self.put_reply_first)
        reply_list.failed.connect(self.job_failed)
        for n in range(1, 10):
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, lambda n=n: copier.copy_reply(n - 1))
        shortcuts: dict[str, Callable[[], object]] = {
            "Ctrl+K": self.focus_search,
            "Ctrl+N": switcher.new_customer,
            "Ctrl+Return": self.copy_selected,
            "Ctrl+L": lambda: self.message.edit.setFocus(),
            "Ctrl+,": self.open_settings,
            "Ctrl+E": self.editor_requested.emit,
            "Esc": self.clear,
        }
        for keys, slot in shortcuts.items():
            QShortcut(QKeySequence(keys), self, slot)

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    # -- what the parts read (the state), for the composition root and tests ------

    @property
    def customers(self) -> CustomerBook:
        return self.state.customers

    @property
    def backend(self) -> Backend | None:
        return self.state.backend

    @property
    def translator(self) -> TranslatorLike | None:
        return self.state.translator

    @property
    def analysis(self) -> Analysis | None:
        return self.state.analysis

    # -- collaborators arriving from the start-up jobs --------------------------

    def load_backend_with(self, load: Callable[[], Backend]) -> None:
        """Run ``load`` in the worker and show its backend (at start-up, and after
        each editor save or import). Loads may finish out of order on the thread
        pool: only the newest one's result (or error) is applied."""
        self.worker.run_latest((self, "backend"), load, self.set_backend, self.backend_failed)

    def set_backend(self, backend: Backend) -> None:
        self.state.backend = backend
        if backend.translator is not None:
            self.state.translator = backend.translator
        self.message.set_regions(backend.assistant.regions.regions)
        self.customer_switcher.regions = backend.assistant.regions.regions
        self.replies.regions = backend.assistant.regions.regions
        self.message.order_value.set_currencies(backend.currencies)
        self.message.year_spend.set_currencies(backend.currencies)
        self.customer_switcher.show_customer(self.customers.current)
        if backend.checked_after_crash:
            self.show_status(
                self.tr(
                    "chatassist was not closed properly last time; a full check found "
                    "the library whole. Ready."
                )
            )
        else:
            self.show_status(self.tr("Ready. Paste a customer message."))
        self.analysis_flow.analyze(self.message.text())

    def backend_failed(self, error: Exception) -> None:
        self.show_status(
            self.tr("Could not load the phrasebooks: %1").replace("%1", describe(error))
        )

    def set_translator(self, translator: TranslatorLike) -> None:
        self.state.translator = translator
        self.analysis_flow.translator_arrived()

    def translator_failed(self, error: Exception) -> None:
        self.show_status(self.tr("Translation is unavailable: %1").replace("%1", describe(error)))

    # -- analysis ---------------------------------------------------------------

    @property
    def agent_language(self) -> str:
        return self.state.agent_language

    def reanalyze(self) -> None:
        """Analyse the shown message again and translate the draft again (settings or
        language packs changed; the composition root connects the packs dialog)."""
        self.analysis_flow.reanalyze()

    def job_failed(self, error: Exception) -> None:
        """A job for what is on screen failed (stale failures never get here)."""
        self.show_status(self.tr("Something went wrong: %1").replace("%1", describe(error)))

    def _classify(self, analysis: Analysis) -> None:
        """The response clock learns how urgent the shown message is, and where from."""
        primary = analysis.intents.primary
        self.response_watch.classify(
            self.current_number,
            analysis.intents.urgent,
            primary.id if primary else "",
            analysis.region.region.id,
        )

    # -- replies ------------------------------------------------------------------

    def profile(self) -> CustomerProfile:
        return self.state.profile()

    def focus_search(self) -> None:
        if self.message.composing or self.compose.edit.composing:
            return  # never pull the focus away from an input method
        self.tabs.setCurrentWidget(self.replies)
        self.replies.search.setFocus()
        self.replies.search.selectAll()

    def put_reply_first(self, reply: Suggestion) -> None:
        """The "likely next" chip: its prepared reply goes to the top of the list."""
        if self.analysis is None:
            return
        self.replies.search.clear()
        self.tabs.setCurrentWidget(self.replies)
        rest = [s for s in self.analysis.suggestions if s.entry_id != reply.entry_id]
        self.reply_list.show([reply, *rest], search=False)
        self.updated.emit()

    # -- copying ------------------------------------------------------------------

    def copy_selected(self) -> None:
        if self.tabs.currentWidget() is self.compose:
            self.reply_copier.copy_draft()
        else:
            self.reply_copier.copy_selected_reply()

    def _record_sent(self, text: str) -> None:
        self.customers.current.remember_sent(text)
        self.customer_switcher.refresh_list()

    def _save_customers(self) -> None:
        """Written on every change (atomically), so a logout or SIGTERM loses nothing."""
        try:
            self.customers.save(self.data_dir / "customers.json")
        except OSError as exc:
            self.show_status(
                self.tr("Could not save the customers list: %1").replace(
                    "%1", exc.strerror or str(exc)
                )
            )

    # -- customers ----------------------------------------------------------------

    @property
    def current_number(self) -> int:
        return self.customers.current.number

    def _show_clock(self) -> None:
        self.clock_label.show_time(self.response_watch.elapsed(self.current_number))

    def _record_response(self, response: ResponseTime) -> None:
        """Keep an answered message's response time (figures only), in the write worker."""
        backend = self.state.backend
        if backend is not None and backend.responses is not None:
            self.worker.run_write(
                jobs.record_response(backend.responses, response, self.session_id)
            )

    def receive_message(self, text: str) -> None:
        """A message from the clipboard watch (kept for later while the agent composes)."""
        if self.message.composing or self.compose.edit.composing:
            self._pending_message = text
            self.message.edit.composition_finished.connect(self._take_pending)
            return
        self.analysis_flow.commit_conversation()
        self.message.set_text(text)

    def _take_pending(self) -> None:
        self.message.edit.composition_finished.disconnect(self._take_pending)
        text, self._pending_message = self._pending_message, None
        if text:
            self.receive_message(text)

    def clear(self) -> None:
        """Esc: clear the search if it has text, else the message (never mid-composition)."""
        if self.message.composing or self.compose.edit.composing:
            return
        if self.replies.search.text():
            self.replies.search.clear()
            return
        if self.tabs.currentWidget() is self.compose and self.compose.text():
            self.compose.clear()
            return
        self.analysis_flow.commit_conversation()
        if self.message.clear_undoably():
            self.show_status(self.tr("Message cleared (Ctrl+Z brings it back)."))
        self.message.edit.setFocus()

    # -- settings and window state ----------------------------------------------------

    def open_settings(self) -> None:
        can_open_packs = self.isSignalConnected(QMetaMethod.fromSignal(self.packs_requested))
        open_packs = self.packs_requested.emit if can_open_packs else None
        dialog = SettingsDialog(self.settings, self.data_dir, self, open_packs=open_packs)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_saved)
        self.settings_dialog = dialog
        dialog.open()

    def _settings_saved(self) -> None:
        self.apply_settings()
        self.analysis_flow.reanalyze()
        self.settings_saved.emit()

    def apply_settings(self) -> None:
        font = self.font()
        font.setPointSize(int(self.settings.get("font_size")))
        self.setFont(font)
        self.clipboard.set_enabled(bool(self.settings.get("clipboard_watch")))
        on_top = bool(self.settings.get("always_on_top"))
        if on_top != bool(self.windowFlags() & Qt.WindowType.WindowStaysOnTopHint):
            visible = self.isVisible()
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on_top)
            if visible:
                self.show()

    def analyse_clipboard(self) -> None:
        """The global hotkey: come forward and take the clipboard as the customer message
        (unless it is the sidebar's own copy, or not a chat message)."""
        self.bring_forward()
        text = self.clipboard.outside_text()
        if text is not None:
            self.receive_message(text)
        self.message.setFocus()

    def bring_forward(self) -> None:
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def _restore_place(self, saved: str) -> None:
        screens = [s.availableGeometry() for s in QGuiApplication.screens()]
        rect = placed(saved, screens, self.minimumSizeHint())
        if rect is None:
            return
        self.resize(rect.size())
        self.move(rect.topLeft())

    def save_state(self) -> None:
        """Remember the window's size and place and the recent customers."""
        self.settings.set("window_geometry", place_text(self.pos(), self.size()))
        self.settings.set(
            "sidebar_splitter", bytes(self.splitter.saveState().toBase64().data()).decode()
        )
        self.settings.save()
        self.customers.save(self.data_dir / "customers.json")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
