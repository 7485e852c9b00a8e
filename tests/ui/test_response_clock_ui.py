"""The sidebar's response clock, driven by a fake time source and manual ticks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from sidebar_helpers import paste, typed_values

from chatassist.core.playbook.response_clock import Level, ResponseClock
from chatassist.ui.backend import Backend
from chatassist.ui.response_clock import ClockLabel, ResponseWatch


class FakeTime:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_watch_starts_on_a_new_message_only_and_stops_on_a_copy(qtbot: Any) -> None:
    now = FakeTime()
    watch = ResponseWatch(ResponseClock(now), QTimer())
    label = ClockLabel()
    qtbot.addWidget(label)
    watch.ticked.connect(lambda: label.show_time(watch.elapsed(1)))
    watch.text_arrived(1, "where is my order?")
    assert watch.timer.isActive()
    now.t += 21
    watch.tick()
    assert (label.text(), label.level) == ("⏱ 0:21", Level.AMBER)
    now.t += 9
    watch.tick()
    assert label.level is Level.RED and "c62828" in label.styleSheet()
    watch.text_arrived(1, "where is my order?")  # shown again (switching back): same clock
    assert watch.elapsed(1) == 30
    with qtbot.waitSignal(watch.answered) as answered:
        watch.reply_copied(1)
    assert answered.args[0].seconds == 30
    assert label.text() == "" and label.level is Level.IDLE
    assert not watch.timer.isActive()


def test_sidebar_clock_runs_from_paste_until_a_reply_is_copied(
    qtbot: Any, make_sidebar: Any, backend: Backend
) -> None:
    now = FakeTime()
    sidebar = make_sidebar(backend, response_clock=ResponseClock(now))
    paste(qtbot, sidebar, "Quiero un reembolso del pedido 48213")
    number = sidebar.customers.current.number
    now.t += 25
    sidebar.response_watch.tick()
    assert sidebar.clock_label.text() == "⏱ 0:25"
    assert sidebar.clock_label.level is Level.AMBER
    assert sidebar.response_watch.clock.is_urgent(number)  # refund_request is urgent
    # A second customer waits too; the first (urgent) stays first in the list.
    sidebar.customer_switcher.new_customer()
    paste(qtbot, sidebar, "Hello, what colours does the jacket come in?")
    assert sidebar.customer_combo.itemData(0) == number
    assert "urgent" in sidebar.customer_combo.itemText(0)
    assert sidebar.customer_combo.currentData() == sidebar.customers.current.number
    sidebar.customer_switcher.switch_customer(number)
    qtbot.waitUntil(lambda: sidebar.analysis is not None and bool(sidebar.replies.items))
    first = sidebar.replies.items[0]
    sidebar.customers.current.values.update(typed_values(first.suggestion))
    with qtbot.waitSignal(sidebar.response_watch.answered) as answered:
        sidebar.reply_copier.copy_reply(0)
    assert answered.args[0].seconds == 25 and answered.args[0].scenario == "refund_request"
    assert sidebar.clock_label.text() == ""
