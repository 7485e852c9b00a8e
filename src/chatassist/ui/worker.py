"""Running slow work off the UI thread (after Picard's ``run_task``).

A job is a plain callable that receives plain data (never a widget); it runs
on a thread pool and its result or exception is posted back to the UI thread,
where ``on_done`` / ``on_error`` run. The pool is passed in: the app gives a
``QThreadPool``, tests may give an :class:`InlineThreadPool` that runs jobs
synchronously (the callbacks are still delivered through the event loop, so
the order of events is the same as in the app).

The worker owns two things callers used to write by hand:

- stale results: ``run_latest(key, ...)`` delivers a result (or error) only if
  no newer job was started under the same ``key`` and ``drop(key)`` was not
  called since; an older message's analysis is never shown over a newer one.
- write order: ``run_write(...)`` runs database writes one at a time, in the
  order they were queued, on a single-thread pool (Picard's
  ``save_thread_pool``, Anki's collection executor), so a usage record queued
  behind an import waits for it instead of failing with "database is locked".
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Hashable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")

_DELIVER = QEvent.Type(QEvent.registerEventType())


class Pool(Protocol):
    """What ``run_task`` needs of a thread pool (QThreadPool has it)."""

    def start(self, runnable: QRunnable, /) -> None: ...

    def waitForDone(self, msecs: int = -1, /) -> bool: ...


class InlineThreadPool:
    """Runs each job at once on the calling thread (Picard's FakeThreadPool)."""

    def start(self, runnable: QRunnable, /) -> None:
        runnable.run()

    def waitForDone(self, msecs: int = -1, /) -> bool:
        return True


def single_thread_pool() -> QThreadPool:
    """A pool that runs one job at a time, in the order they were started."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


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

    def __init__(
        self, pool: Pool, parent: QObject | None = None, *, writes: Pool | None = None
    ) -> None:
        """``writes`` runs :meth:`run_write` jobs; by default a single-thread pool
        (the inline pool itself when ``pool`` is an :class:`InlineThreadPool`)."""
        super().__init__(parent)
        self.pool = pool
        if writes is None:
            writes = pool if isinstance(pool, InlineThreadPool) else single_thread_pool()
        self.writes = writes
        self._pending = 0
        self._latest: dict[Hashable, int] = {}
        self._counter = 0

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

    def run_latest(
        self,
        key: Hashable,
        func: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Like :meth:`run_task`, but the outcome is delivered only while this is the
        newest job started under ``key`` (and :meth:`drop` was not called since).

        Use a key that names the owner and the kind of request, e.g.
        ``(self, "analysis")``; a stale result or error is dropped silently."""
        self._counter += 1
        ticket = self._latest[key] = self._counter
        self.run_task(
            func,
            self._if_latest(key, ticket, on_done),
            self._if_latest(key, ticket, on_error, errors=True),
        )

    def drop(self, key: Hashable) -> None:
        """Make the outcome of every job started under ``key`` so far stale."""
        self._latest.pop(key, None)

    def is_latest_pending(self, key: Hashable) -> bool:
        """A job started under ``key`` has not been dropped or superseded yet."""
        return key in self._latest

    def _if_latest(
        self,
        key: Hashable,
        ticket: int,
        call: Callable[[Any], None] | None,
        *,
        errors: bool = False,
    ) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            if self._latest.get(key) != ticket:
                return  # a newer request was made, or the input was cleared
            del self._latest[key]
            if call is not None:
                call(value)
            elif errors:
                self._report(value, "")

        return deliver

    def run_write(
        self,
        func: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run a job that writes to the database: one at a time, in queue order."""
        self._pending += 1
        self.writes.start(_Job(self, func, on_done, on_error))

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until both pools are idle (at exit, and in tests)."""
        return bool(self.pool.waitForDone(msecs)) and bool(self.writes.waitForDone(msecs))

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
                self._report(exc, tb)
        finally:
            self._settle()

    def _report(self, exc: Exception, tb: str) -> None:
        log.error("background job failed: %s\n%s", exc, tb)
        self.failed.emit(str(exc))

    def _settle(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.idle.emit()


class Generation:
    """A counter that tells whether a result is for the latest request.

    Prefer :meth:`Worker.run_latest`, which keeps this count for you; this stays
    for state that is not a worker job."""

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
