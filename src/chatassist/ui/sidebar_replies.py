"""The sidebar's list of replies: the suggestions for the analysed message, or
the results of a phrasebook search, each translated to the customer's language
in a worker.

A newer list (another message, another search) drops the results still coming
for the older one (the worker's ``run_latest``). The part sees its view, the
worker and the sidebar's state, and reports through signals. Strings keep the
sidebar's translation context ("Sidebar").
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal

from chatassist.core.suggestions import Suggestion
from chatassist.ui import jobs
from chatassist.ui.replies_model import ReplyItem, ReplyState, values_in
from chatassist.ui.sidebar_state import SidebarState
from chatassist.ui.suggestions_view import SuggestionsView
from chatassist.ui.worker import Worker


class ReplyList(QObject):
    """Fills ``replies`` with suggestions or search results."""

    #: New results are on screen (a search, or a reply's translation).
    updated = Signal()
    #: A search failed (the exception).
    failed = Signal(object)

    def __init__(
        self,
        state: SidebarState,
        replies: SuggestionsView,
        worker: Worker,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.replies = replies
        self.worker = worker
        self._translating = 0  # how many replies of the shown list have a job key

    def _drop_all(self) -> None:
        self.worker.drop((self, "search"))
        for index in range(self._translating):
            self.worker.drop((self, "reply", index))
        self._translating = 0

    def show(self, suggestions: list[Suggestion], *, search: bool) -> None:
        """Show ``suggestions`` (search results when ``search``) and translate them."""
        self._drop_all()
        translator = self.state.translator
        items = [
            self._previewed(ReplyItem.for_customer(s, translator is not None)) for s in suggestions
        ]
        if search:
            title = QCoreApplication.translate("Sidebar", "Search results")
            empty = QCoreApplication.translate("Sidebar", "Nothing found in the phrasebooks.")
        else:
            title = QCoreApplication.translate("Sidebar", "Suggested replies")
            empty = (
                QCoreApplication.translate(
                    "Sidebar", "No scenario recognised: search the phrasebooks (Ctrl+K)."
                )
                if self.state.analysis is not None
                else QCoreApplication.translate("Sidebar", "Paste a message to see replies.")
            )
        self.replies.set_items(items, title, empty)
        target = self.state.profile().language
        self._translating = len(items)
        for index, item in enumerate(items):
            if item.state is ReplyState.UNTRANSLATED:
                self.replies.update_item(
                    index,
                    item.untranslated(
                        QCoreApplication.translate("Sidebar", "Machine translation is starting…")
                    ),
                )
            elif item.state is ReplyState.TRANSLATING and translator is not None:
                job = jobs.translate(
                    translator,
                    item.text,
                    item.language,
                    target,
                    item.suggestion.glossary,
                    country=self.state.country,
                )
                self.worker.run_latest(
                    (self, "reply", index), job, partial(self._reply_translated, index)
                )

    def _reply_translated(self, index: int, result: jobs.Translated) -> None:
        item = self.replies.items[index]
        if result.text:
            item = self._previewed(
                item.translated(result.text, result.target, jobs.route_note(result))
            )
        else:
            item = item.untranslated(result.problem)
        self.replies.update_item(index, item)
        self.updated.emit()

    def _previewed(self, item: ReplyItem) -> ReplyItem:
        """``item`` showing the values known for the customer: the ones kept for them
        and the order and tracking numbers their message gives."""
        customer = self.state.customers.current
        values = {**values_in(customer.message), **customer.values}
        analysis = self.state.analysis
        gender = str(self.state.settings.get("agent_gender"))
        return item.previewed(values, analysis.region if analysis else None, gender)

    def refresh_previews(self) -> None:
        """The customer's values changed (typed in the fill form): show them in the cards."""
        for index, item in enumerate(self.replies.items):
            if item.copyable:
                self.replies.update_item(index, self._previewed(item))

    def search(self, query: str) -> None:
        """Search the phrasebooks for ``query`` ("" shows the suggestions again)."""
        self._drop_all()
        analysis = self.state.analysis
        if not query:
            self.show(list(analysis.suggestions) if analysis else [], search=False)
            return
        backend = self.state.backend
        if backend is None:
            return
        job = jobs.search(backend, query, self.state.profile(), self.state.agent_language)

        def done(found: list[Suggestion]) -> None:
            self.show(found, search=True)
            self.updated.emit()

        self.worker.run_latest((self, "search"), job, done, self.failed.emit)
