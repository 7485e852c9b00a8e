"""The sidebar's list of replies: the suggestions for the analysed message, or
the results of a phrasebook search, each translated to the customer's language
in a worker.

A newer list (another message, another search) drops the results still coming
for the older one. Strings keep the sidebar's translation context ("Sidebar").
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from chatassist.core.suggestions import Suggestion
from chatassist.ui import jobs
from chatassist.ui.replies_model import ReplyItem, ReplyState
from chatassist.ui.worker import Generation

if TYPE_CHECKING:
    from chatassist.ui.sidebar import Sidebar


class ReplyList:
    """Fills ``sidebar.replies`` with suggestions or search results."""

    def __init__(self, sidebar: Sidebar) -> None:
        self.sidebar = sidebar
        self.generation = Generation()

    def show(self, suggestions: list[Suggestion], *, search: bool) -> None:
        """Show ``suggestions`` (search results when ``search``) and translate them."""
        sidebar = self.sidebar
        token = self.generation.next()
        items = [ReplyItem.for_customer(s, sidebar.translator is not None) for s in suggestions]
        if search:
            title = QCoreApplication.translate("Sidebar", "Search results")
            empty = QCoreApplication.translate("Sidebar", "Nothing found in the phrasebooks.")
        else:
            title = QCoreApplication.translate("Sidebar", "Suggested replies")
            empty = (
                QCoreApplication.translate(
                    "Sidebar", "No scenario recognised: search the phrasebooks (Ctrl+K)."
                )
                if sidebar.analysis is not None
                else QCoreApplication.translate("Sidebar", "Paste a message to see replies.")
            )
        sidebar.replies.set_items(items, title, empty)
        target = sidebar.profile().language
        for index, item in enumerate(items):
            if item.state is ReplyState.UNTRANSLATED:
                sidebar.replies.update_item(
                    index,
                    item.untranslated(
                        QCoreApplication.translate("Sidebar", "Machine translation is starting…")
                    ),
                )
            elif item.state is ReplyState.TRANSLATING and sidebar.translator is not None:
                job = jobs.translate(
                    sidebar.translator, item.text, item.language, target, item.suggestion.glossary
                )
                sidebar.worker.run_task(job, partial(self._reply_translated, token, index))

    def _reply_translated(self, token: int, index: int, result: jobs.Translated) -> None:
        if not self.generation.is_current(token):
            return
        replies = self.sidebar.replies
        item = replies.items[index]
        if result.text:
            item = item.translated(result.text, result.target, jobs.route_note(result))
        else:
            item = item.untranslated(result.problem)
        replies.update_item(index, item)
        self.sidebar.updated.emit()

    def search(self, query: str) -> None:
        """Search the phrasebooks for ``query`` ("" shows the suggestions again)."""
        sidebar = self.sidebar
        token = self.generation.next()
        if not query:
            suggestions = list(sidebar.analysis.suggestions) if sidebar.analysis else []
            self.show(suggestions, search=False)
            return
        if sidebar.backend is None:
            return
        job = jobs.search(sidebar.backend, query, sidebar.profile(), sidebar.agent_language)

        def done(found: list[Suggestion]) -> None:
            if self.generation.is_current(token):
                self.show(found, search=True)
                sidebar.updated.emit()

        sidebar.worker.run_task(job, done, lambda e: sidebar.job_failed(token, self.generation, e))
