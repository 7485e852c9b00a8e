"""The sidebar's response clock: each customer's waiting time, amber at 20 s and
red at 30 s, stopped when a reply is copied for them.

``ResponseWatch`` drives a core :class:`ResponseClock` from the sidebar's
signals (a message arrived, the analysis found it urgent, a reply was copied)
and ticks once a second while someone waits; ``ClockLabel`` shows the current
customer's time. Neither sees the window: the sidebar wires them in
``Sidebar._connect``. The timer and the clock's time source are passed in, so
tests drive both by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from chatassist.core.playbook.response_clock import (
    AMBER_AFTER_S,
    RED_AFTER_S,
    Level,
    ResponseClock,
    level_for,
)

TICK_MS = 1000
_COLOURS = {Level.OK: "", Level.AMBER: "#b86e00", Level.RED: "#c62828"}


class ResponseWatch(QObject):
    """Customers' waiting times, by customer number."""

    #: Someone's time changed (every tick while anyone waits, and on start/stop).
    ticked = Signal()
    #: Who waits changed (arrival, urgency, answer): the customer list's order may change.
    order_changed = Signal()
    #: A customer was answered: the response time (``ResponseTime``) to record.
    answered = Signal(object)

    def __init__(
        self,
        clock: ResponseClock | None = None,
        timer: QTimer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock or ResponseClock()
        self.timer = timer or QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self._seen: dict[int, str] = {}  # the last text seen per customer

    def seen(self, customer: int, text: str) -> None:
        """``text`` is already known for ``customer`` (restored at start): showing it is no arrival."""
        self._seen[customer] = text.strip()

    def text_arrived(self, customer: int, text: str) -> None:
        """The message box of ``customer`` holds ``text``: a new message starts their
        clock; the same text shown again (switching back) does not."""
        text = text.strip()
        if not text or self._seen.get(customer) == text:
            return
        self._seen[customer] = text
        if self.clock.elapsed(customer) is None:
            self.clock.message_arrived(customer)
            self._changed()

    def classify(self, customer: int, urgent: bool, scenario: str, region: str) -> None:
        was = self.clock.is_urgent(customer)
        self.clock.classify(customer, urgent=urgent, scenario=scenario, region=region)
        if was != self.clock.is_urgent(customer):
            self.order_changed.emit()

    def reply_copied(self, customer: int) -> None:
        response = self.clock.answered(customer)
        if response is None:
            return
        self._changed()
        self.answered.emit(response)

    def elapsed(self, customer: int) -> float | None:
        return self.clock.elapsed(customer)

    def level(self, customer: int) -> Level:
        return self.clock.level(customer)

    def order(self, customers: Sequence[int]) -> list[int]:
        return self.clock.order(customers)

    def badge(self, customer: int) -> str:
        """A word for the customer list: urgent, waiting, or nothing."""
        if self.clock.elapsed(customer) is None:
            return ""
        if self.clock.is_urgent(customer):
            return QCoreApplication.translate("ResponseClock", "urgent")
        return QCoreApplication.translate("ResponseClock", "waiting")

    def tick(self) -> None:
        self.ticked.emit()

    def _changed(self) -> None:
        if self.clock.waiting():
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
        self.order_changed.emit()
        self.ticked.emit()


class ClockLabel(QLabel):
    """``0:23`` in the current customer's colour; empty when nothing waits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("responseClock")
        self.setAccessibleName(QCoreApplication.translate("ResponseClock", "Response clock"))
        self.setToolTip(
            QCoreApplication.translate(
                "ResponseClock",
                "Time since the customer's message arrived: amber at %1 s, red at %2 s",
            )
            .replace("%1", str(int(AMBER_AFTER_S)))
            .replace("%2", str(int(RED_AFTER_S)))
        )
        self.level = Level.IDLE

    def show_time(self, seconds: float | None) -> None:
        self.level = level_for(seconds)
        if seconds is None:
            self.clear()
            self.setStyleSheet("")
            return
        whole = int(seconds)
        self.setText(f"⏱ {whole // 60}:{whole % 60:02d}")
        colour = _COLOURS[self.level]
        self.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
