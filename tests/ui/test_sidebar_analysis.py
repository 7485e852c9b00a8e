"""The sidebar's analysis flow as a part on its own (issue 16): built from the
worker, the state and the views it fills, it reports by signals and never needs
the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from chatassist.settings import Settings
from chatassist.ui.backend import Backend
from chatassist.ui.compose_panel import ComposePanel
from chatassist.ui.customers import CustomerBook
from chatassist.ui.likely_next_chip import LikelyNextChip
from chatassist.ui.message_panel import MessagePanel
from chatassist.ui.sidebar_analysis import AnalysisFlow
from chatassist.ui.sidebar_replies import ReplyList
from chatassist.ui.sidebar_state import SidebarState
from chatassist.ui.suggestions_view import SuggestionsView
from chatassist.ui.worker import InlineThreadPool, Worker

SPANISH = "¿Dónde está mi pedido 48213? Lo pedí hace dos semanas."


def _flow(qtbot: Any, settings: Settings, backend: Backend | None) -> tuple[QWidget, AnalysisFlow]:
    """The flow and the widget that owns its views (keep it for the test)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    state = SidebarState(settings, CustomerBook())
    state.backend = backend
    if backend is not None:
        state.translator = backend.translator
    worker = Worker(InlineThreadPool(), holder)
    message, compose, chip, replies = (
        MessagePanel(),
        ComposePanel(holder),
        LikelyNextChip(holder),
        SuggestionsView(holder),
    )
    message.setParent(holder)
    reply_list = ReplyList(state, replies, worker, holder)
    flow = AnalysisFlow(state, worker, message, compose, chip, reply_list, replies.search, holder)
    return holder, flow


def test_the_flow_analyses_shows_and_translates_by_itself(
    qtbot: Any, settings: Settings, backend: Backend
) -> None:
    _holder, flow = _flow(qtbot, settings, backend)
    seen: list[object] = []
    flow.analysed.connect(seen.append)
    with qtbot.waitSignals([flow.seen_changed, flow.updated], timeout=5000):
        flow.analyze(SPANISH)
    analysis = flow.state.analysis
    assert analysis is not None and analysis.language == "es"
    assert seen == [analysis]
    assert flow.state.customers.current.seen_language == "es"
    assert flow.reply_list.replies.items  # the suggestions are on screen
    qtbot.waitUntil(lambda: flow.message.translation.text().startswith("[zh-Hans]"))
    # answered: the message's language now counts for the conversation
    flow.commit_conversation()
    assert flow.conversation is None
    assert flow.state.customers.current.conversation is not None


def test_an_empty_message_clears_and_without_services_nothing_runs(
    qtbot: Any, settings: Settings
) -> None:
    _holder, flow = _flow(qtbot, settings, None)
    with qtbot.assert_not_emitted(flow.analysed), qtbot.assert_not_emitted(flow.updated):
        flow.analyze(SPANISH)  # the assistant is not loaded yet: analysed once it is
    assert flow.state.customers.current.message == SPANISH
    assert flow.state.analysis is None
    flow.analyze("   ")
    assert flow.state.customers.current.message == "   "
    assert flow.state.analysis is None
