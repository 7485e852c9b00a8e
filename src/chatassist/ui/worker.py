"""Running slow work off the UI thread (after Picard's ``run_task``).

A job is a plain callable that receives plain data (never a widget); it runs
on a thread pool and its result or exception is posted back to the UI thread,
where ``on_done`` / ``on_error`` run. The pool is passed in: the app gives a
``QThreadPool``, tests may give an :class:`InlineThreadPool` that runs jobs
synchronously (the callbacks are still delivered through the event loop, so
the order of events is the same as in the app).

:class:`Generation` drops stale results: take a token when starting a job,
apply the result only if the token is still the latest.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")

_DELIVER = QEvent.Type(QEvent.registerEventType())


class Pool(Protocol):
    """What ``run_task`` needs of a thread pool (QThreadPool has it)."""

    def start(self, runnable: QRunnable, /) -> None: ...


class InlineThreadPool:
    """Runs each job at once on the calling thread (Picard's FakeThreadPool)."""

    def start(self, runnable: QRunnable, /) -> None:
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:
        return True


class _Deliver(QEvent):
    def __init__(self, call: Callable[[], None]) -> None:
        super().__init__(_DELIVER)
        self.call = call


class _Job(QRunnable):
    def __init__(self, worker: Worker, func: Callable[[], Any], done: Any, error: Any) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._worker = worker
        self._func = func
        self._done = done
        self._error = error

    def run(self) -> None:
        try:
            result = self._func()
        except Exception as exc:  # delivered to on_error on the UI thread
            error, tb = exc, traceback.format_exc()
            self._worker.post(lambda: self._worker._failed(self._error, error, tb))
            return
        self._worker.post(lambda: self._worker._finished(self._done, result))


class Worker(QObject):
    """Starts jobs on ``pool`` and delivers their outcome on this object's thread."""

    #: No job is running or waiting for delivery (tests wait on it).
    idle = Signal()
    #: A job failed and had no ``on_error`` (the message is logged too).
    failed = Signal(str)

    def __init__(self, pool: Pool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self._pending = 0

    @property
    def pending(self) -> int:
        return self._pending

    def run_task(
        self,
        func: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``func()`` on the pool; then ``on_done(result)`` or ``on_error(exc)`` here."""
        self._pending += 1
        self.pool.start(_Job(self, func, on_done, on_error))

    def post(self, call: Callable[[], None]) -> None:
        """Run ``call`` on this object's thread, from the event loop (thread-safe).

        Dropped when the worker is gone (its window closed while the job ran)."""
        if shiboken6.isValid(self):
            QCoreApplication.postEvent(self, _Deliver(call))

    def customEvent(self, event: QEvent) -> None:
        # Qt calls this for our own event type; no bool goes back through PySide.
        if isinstance(event, _Deliver):
            event.call()

    def _finished(self, on_done: Callable[[Any], None] | None, result: Any) -> None:
        try:
            if on_done is not None:
                on_done(result)
        finally:
            self._settle()

    def _failed(
        self, on_error: Callable[[Exception], None] | None, exc: Exception, tb: str
    ) -> None:
        try:
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background job failed: %s\n%s", exc, tb)
                self.failed.emit(str(exc))
        finally:
            self._settle()

    def _settle(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.idle.emit()


class Generation:
    """A counter that tells whether a result is for the latest request."""

    def __init__(self) -> None:
        self._value = 0

    def next(self) -> int:
        self._value += 1
        return self._value

    def is_current(self, token: int) -> bool:
        return token == self._value

    def invalidate(self) -> None:
        """Make every outstanding token stale (e.g. when the input was cleared)."""
        self._value += 1
