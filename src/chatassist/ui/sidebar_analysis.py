"""The sidebar's analysis flow: the shown message analysed in the worker, then
shown (message panel, "likely next" chip, suggestions), the message translated
to the agent's language, and the agent's draft translated to the customer's.

Only the newest request of each kind is shown (the worker's ``run_latest``
under this part's keys "analysis", "message" and "draft"). The part sees the
worker, the :class:`SidebarState` and the views it fills, and reports through
signals (the sidebar wires them in ``Sidebar._connect``). Strings keep the
sidebar's translation context ("Sidebar").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLineEdit

from chatassist.core.assist import Analysis
from chatassist.core.detection import ConversationLanguage
from chatassist.ui import compose_jobs, jobs
from chatassist.ui.compose_panel import ComposePanel
from chatassist.ui.likely_next_chip import LikelyNextChip
from chatassist.ui.message_panel import MessagePanel
from chatassist.ui.sidebar_replies import ReplyList
from chatassist.ui.sidebar_state import SidebarState
from chatassist.ui.worker import Worker


class AnalysisFlow(QObject):
    """Analyses the current customer's message and translates what is shown."""

    #: An analysis is about to be shown (the argument): the response clock classifies it.
    analysed = Signal(object)
    #: The customer's language or region as last seen changed: the customers list redraws.
    seen_changed = Signal()
    #: New results are on screen (analysis or translation).
    updated = Signal()
    #: A job for what is on screen failed (the exception; stale failures never come).
    failed = Signal(object)
    #: A line for the status bar.
    status = Signal(str)

    def __init__(
        self,
        state: SidebarState,
        worker: Worker,
        message: MessagePanel,
        compose: ComposePanel,
        likely_next: LikelyNextChip,
        reply_list: ReplyList,
        search: QLineEdit,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.worker = worker
        self.message = message
        self.compose = compose
        self.likely_next = likely_next
        self.reply_list = reply_list
        self.search = search
        #: the conversation's language after the shown analysis (kept once answered)
        self.conversation: ConversationLanguage | None = None

    # -- the message --------------------------------------------------------------

    def analyze(self, text: str) -> None:
        """Analyse ``text`` (the current customer's message) in a worker; only the
        latest request's result is shown."""
        self.worker.drop((self, "analysis"))
        customer = self.state.customers.current
        customer.message = text
        if not text.strip():
            self.clear_results()
            return
        backend = self.state.backend
        if backend is None:
            return  # the sidebar analyses the box once the assistant is ready
        job = jobs.analyze(
            backend.assistant,
            text,
            customer.context(),
            customer.conversation_copy(),
            self.state.agent_language,
            int(self.state.settings.get("suggestion_count")),
        )
        self.worker.run_latest(
            (self, "analysis"), job, lambda r: self._analysis_done(*r), self.failed.emit
        )

    def reanalyze(self) -> None:
        """Analyse the shown message again (settings or language packs changed); the
        draft in Compose is translated again too (a pack it waited for may be here)."""
        self.analyze(self.message.text())
        if self.compose.text():
            self.translate_draft(self.compose.text())

    def translator_arrived(self) -> None:
        """The translation engine is loaded: translate what is shown."""
        if self.state.analysis is not None:
            self.show_analysis(self.state.analysis)
        if self.compose.text():
            self.translate_draft(self.compose.text())

    def set_order_age(self, days: int) -> None:
        """The agent set the days since the customer's order (-1: unknown)."""
        self.state.customers.current.order_age_days = days if days >= 0 else None
        self.analyze(self.message.text())

    def _analysis_done(self, analysis: Analysis, conv: ConversationLanguage) -> None:
        self.conversation = conv
        self.status.emit("")
        self.show_analysis(analysis)

    def show_analysis(self, analysis: Analysis) -> None:
        """Show ``analysis`` (and start translating the message it is of)."""
        self.state.analysis = analysis
        self.analysed.emit(analysis)
        customer = self.state.customers.current
        seen = (analysis.language, analysis.region.region.id)
        if (customer.seen_language, customer.seen_region) != seen:
            customer.seen_language, customer.seen_region = seen
            self.seen_changed.emit()
        self.message.show_analysis(analysis)
        self.compose.set_target(analysis.language)
        self._translate_message(analysis)
        self.likely_next.show_hints(analysis.likely_next)
        if not self.search.text().strip():
            self.reply_list.show(list(analysis.suggestions), search=False)
        self.updated.emit()

    def _translate_message(self, analysis: Analysis) -> None:
        self.worker.drop((self, "message"))
        source, target = analysis.language, self.state.agent_language
        self.message.show_missing_packs(())
        if source == target or analysis.detection.is_unknown:
            self.message.show_translation("")
            return
        translator = self.state.translator
        if translator is None:
            self.message.show_translation(
                "", QCoreApplication.translate("Sidebar", "Translation engine is starting…")
            )
            return
        self.message.show_translation("", QCoreApplication.translate("Sidebar", "Translating…"))

        def done(result: jobs.Translated) -> None:
            note = jobs.route_note(result) if result.text else result.problem
            self.message.show_translation(result.text, note)
            self.message.show_missing_packs(result.missing)
            self.updated.emit()

        job = jobs.translate(
            translator, analysis.text, source, target, country=analysis.region.country
        )
        self.worker.run_latest((self, "message"), job, done, self.failed.emit)

    def forget_analysis(self) -> None:
        """Drop the shown analysis and any still running (another customer is shown)."""
        self.worker.drop((self, "analysis"))
        self.conversation = None
        self.state.analysis = None

    def commit_conversation(self) -> None:
        """The message was answered: its language now counts for the conversation."""
        if self.conversation is not None:
            self.state.customers.current.conversation = self.conversation
            self.conversation = None

    def clear_results(self) -> None:
        """No message: nothing analysed, no translation, no suggestions (a search stays)."""
        self.state.analysis = None
        self.likely_next.show_hints(())
        self.worker.drop((self, "message"))
        self.message.clear_results()
        if not self.search.text().strip():
            self.reply_list.show([], search=False)

    # -- the agent's draft ----------------------------------------------------------

    def translate_draft(self, text: str) -> None:
        """Translate the agent's draft in Compose to the customer's language."""
        self.worker.drop((self, "draft"))
        if not text:
            self.compose.clear()
            return
        translator = self.state.translator
        if translator is None:
            self.compose.show_error(
                QCoreApplication.translate("Sidebar", "Translation engine is starting…")
            )
            return
        target = self.state.profile().language
        self.compose.set_target(target)
        self.compose.show_pending()

        def done(outcome: compose_jobs.DraftOutcome) -> None:
            self.compose.show_draft(outcome)
            self.updated.emit()

        backend = self.state.backend
        job = compose_jobs.translate_draft(
            translator,
            backend.detector if backend is not None else None,
            text,
            agent_language=self.state.agent_language,
            target=target,
            chosen=self.compose.chosen_language(),
            country=self.state.country,
        )
        self.worker.run_latest((self, "draft"), job, done, self.failed.emit)
