"""The sidebar's team sync: on start, every minute and when the server says the
library changed (LISTEN/NOTIFY), in the worker's write queue; never on the UI
thread. Receives its collaborators and reports by signals; the window (or the
launcher) wires ``library_changed`` to a rebuild of the suggestions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from chatassist.ui.worker import Worker

INTERVAL_MS = 60_000


class SyncOutcome(Protocol):
    @property
    def changed(self) -> bool: ...

    @property
    def after(self) -> int: ...

    @property
    def warnings(self) -> list[str]: ...


class Listener(Protocol):
    def start(self) -> None: ...

    def stop(self, timeout: float = ...) -> None: ...


class TeamSync(QObject):
    #: The replica now holds a newer library: rebuild what is shown from it.
    library_changed = Signal(int)
    #: A line for the status bar (synced / offline).
    status = Signal(str)
    #: A sync finished, changed or not (tests wait on it).
    finished = Signal()

    def __init__(
        self,
        worker: Worker,
        sync: Callable[[], SyncOutcome],
        listener: Callable[[Callable[[int], None]], Listener] | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self._sync = sync
        self._make_listener = listener
        self._listener: Listener | None = None
        self._running = False
        self._again = False
        self._offline = False
        self._warned: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        self.sync_now()
        self.timer.start()
        if self._make_listener is not None:
            # The listener calls back on its own thread: hop to ours through the worker.
            self._listener = self._make_listener(lambda rev: self.worker.post(self.sync_now))
            self._listener.start()

    def stop(self) -> None:
        self.timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    def sync_now(self) -> None:
        """Start a sync, or one more right after the running one (never two at once)."""
        if self._running:
            self._again = True
            return
        self._running = True
        self.worker.run_write(self._sync, self._done, self._failed)

    def _done(self, outcome: SyncOutcome) -> None:
        self._finish()
        if self._offline:
            self._offline = False
            self.status.emit(QCoreApplication.translate("TeamSync", "Team library: back online"))
        for warning in outcome.warnings:
            if warning not in self._warned:  # once per session, not every minute
                self._warned.add(warning)
                self.status.emit(
                    QCoreApplication.translate("TeamSync", "Team library warning: %1").replace(
                        "%1", warning
                    )
                )
        if outcome.changed:
            self.status.emit(
                QCoreApplication.translate(
                    "TeamSync", "Team library updated to revision %1"
                ).replace("%1", str(outcome.after))
            )
            self.library_changed.emit(outcome.after)
        self.finished.emit()

    def _failed(self, error: Exception) -> None:
        self._finish()
        if not self._offline:
            self._offline = True
            self.status.emit(
                QCoreApplication.translate(
                    "TeamSync", "Team library offline, working from the local copy: %1"
                ).replace("%1", str(error))
            )
        self.finished.emit()

    def _finish(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.sync_now()
