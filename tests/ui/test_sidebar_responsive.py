"""Slow work never blocks the window, and an older message's result never wins."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtGui import QInputMethodEvent
from sidebar_helpers import FakeTranslator, SlowAssistant, paste

from chatassist.app import App
from chatassist.ui.backend import Backend

SPANISH = "¿Dónde está mi pedido 48213?"
GERMAN = "Wo ist meine Bestellung? Ich warte seit zwei Wochen."


def _slow_backend(app: App) -> tuple[Backend, SlowAssistant]:
    slow = SlowAssistant(app.assistant)
    backend = Backend(slow, app.library, app.usage, FakeTranslator([("es", "zh-Hans")]))
    return backend, slow


def test_window_answers_within_50ms_while_a_slow_analysis_runs(
    qtbot: Any, make_sidebar: Any, shared_app: App
) -> None:
    backend, slow = _slow_backend(shared_app)
    slow.default_delay = 0.6
    backend = Backend(slow, shared_app.library, shared_app.usage, FakeTranslator(delay=0.6))
    sidebar = make_sidebar(backend, threaded=True)
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed(), False]

    def tick() -> None:
        # Only intervals spent entirely while the slow analysis runs in its worker:
        # drawing the results afterwards is the UI's own work, not waiting.
        now, busy = clock.elapsed(), slow.busy > 0
        if busy and last[1]:
            gaps.append(now - last[0])
        last[0], last[1] = now, busy

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    started = time.monotonic()
    sidebar.message.edit.setPlainText(SPANISH)
    qtbot.waitUntil(lambda: bool(slow.started), timeout=2000)
    with qtbot.waitSignal(sidebar.updated, timeout=5000):
        pass
    qtbot.waitUntil(lambda: sidebar.worker.pending == 0, timeout=5000)  # translation too
    timer.stop()
    assert time.monotonic() - started >= 1.0  # the slow jobs really ran meanwhile
    assert len(gaps) > 30  # ~0.6 s of slow analysis sampled every 10 ms
    assert max(gaps) < 50, f"event loop stalled for {max(gaps)} ms while the analysis ran"
    assert sidebar.message.language.text().startswith("Spanish")


def test_result_for_an_older_message_never_overwrites_a_newer_one(
    qtbot: Any, make_sidebar: Any, shared_app: App
) -> None:
    backend, slow = _slow_backend(shared_app)
    slow.delays = {SPANISH: 0.8, GERMAN: 0.05}
    sidebar = make_sidebar(backend, threaded=True)
    sidebar.message.edit.setPlainText(SPANISH)
    qtbot.waitUntil(lambda: SPANISH in slow.started, timeout=2000)
    sidebar.message.edit.setPlainText(GERMAN)
    qtbot.waitUntil(lambda: sidebar.analysis is not None, timeout=3000)
    assert sidebar.analysis.text == GERMAN
    qtbot.waitUntil(lambda: sidebar.worker.pending == 0, timeout=5000)  # Spanish finished
    assert sidebar.analysis.text == GERMAN
    assert sidebar.message.language.text().startswith("German")
    assert all(i.language == "de" for i in sidebar.replies.items)


def test_input_method_composition_is_never_interrupted(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    edit = sidebar.message.edit
    edit.setFocus()
    # Pinyin being typed: shown as preedit, not analysed, not cleared, focus kept.
    edit.inputMethodEvent(QInputMethodEvent("wo de ding dan", []))
    assert sidebar.message.composing
    with qtbot.assert_not_emitted(sidebar.updated, wait=60):
        sidebar.customer_switcher.new_customer()
        sidebar.clear()
        sidebar.focus_search()
    assert sidebar.analysis is None
    assert sidebar.customer_combo.count() == 1
    assert not sidebar.replies.search.hasFocus()
    # Committing the text ends the composition: now it is analysed.
    commit = QInputMethodEvent("", [])
    commit.setCommitString("我的订单在哪里？")
    with qtbot.waitSignal(sidebar.updated, timeout=3000):
        edit.inputMethodEvent(commit)
    assert not sidebar.message.composing
    assert sidebar.analysis is not None and sidebar.analysis.text == "我的订单在哪里？"


def test_message_copied_during_composition_waits_for_the_commit(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(backend)
    edit = sidebar.message.edit
    edit.setFocus()
    edit.inputMethodEvent(QInputMethodEvent("ni hao", []))
    sidebar.receive_message(SPANISH)
    assert edit.toPlainText() == ""  # not replaced under the agent's fingers
    seen: list[str] = []
    edit.textChanged.connect(lambda: seen.append(edit.toPlainText()))
    commit = QInputMethodEvent("", [])
    commit.setCommitString("你好")
    edit.inputMethodEvent(commit)
    assert seen[0] == "你好"  # the committed text landed first
    assert edit.toPlainText() == SPANISH


def test_window_shows_before_the_backend_is_loaded(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    sidebar = make_sidebar(None)
    assert sidebar.isVisible()
    assert "Loading" in sidebar.status.text()
    with qtbot.assert_not_emitted(sidebar.updated, wait=40):
        sidebar.message.edit.setPlainText(SPANISH)  # the agent may paste right away
    with qtbot.waitSignal(sidebar.updated, timeout=3000):
        sidebar.set_backend(backend)
    assert sidebar.analysis is not None and sidebar.analysis.language == "es"


def test_machine_translated_reply_is_marked_and_missing_pack_is_named(
    qtbot: Any, make_sidebar: Any, shared_app: App
) -> None:
    translator = FakeTranslator([("en", "tl")])
    backend = Backend(shared_app.assistant, shared_app.library, shared_app.usage, translator)
    sidebar = make_sidebar(backend)
    paste(qtbot, sidebar, SPANISH)
    # Filipino customer: pin the language; replies without a Filipino variant get MT.
    sidebar.message.language_chosen.emit("tl")
    qtbot.waitUntil(lambda: sidebar.worker.pending == 0)
    for item, card in zip(sidebar.replies.items, sidebar.replies.cards, strict=True):
        if item.suggestion.needs_translation:
            assert item.machine and item.language == "tl"
            assert item.text == f"[tl] {item.suggestion.text}"
            assert "machine translation" in card.markers.text()
            assert "en→tl" in card.note.text()
        else:
            assert "vetted" in card.markers.text() or not item.suggestion.vetted
    translator.pairs.clear()  # no packs at all
    sidebar.message.language_chosen.emit("vi")
    qtbot.waitUntil(lambda: sidebar.worker.pending == 0)
    untranslated = [i for i in sidebar.replies.items if i.suggestion.needs_translation]
    for item in untranslated:
        assert "translate-en_vi" in item.note and item.copyable
