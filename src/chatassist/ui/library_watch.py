"""Following a library changed by another process (``chatassist edit``, ``phrasebook
import`` or a sync from a terminal): the library's revision is read every few
seconds in the worker (one row, storage/revision.py), and ``changed`` is emitted
when it moved; the launcher wires it to a rebuild of the suggestions, also in
the worker. Changes made in this process are seen too (the rebuild then loads
the index the first rebuild persisted)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QTimer, Signal

from chatassist.ui.worker import Worker

INTERVAL_MS = 2_000


class LibraryWatch(QObject):
    #: The library's revision moved since the last look.
    changed = Signal()
    #: One look finished, changed or not (tests wait on it).
    checked = Signal()

    def __init__(
        self,
        worker: Worker,
        read: Callable[[], Hashable | None],
        *,
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        """``read`` gives the current revision (None: no library yet); it runs in the
        worker."""
        super().__init__(parent)
        self.worker = worker
        self._read = read
        self._seen: Hashable | None = None
        self._running = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)

    def start(self, seen: Hashable | None = None) -> None:
        """Start looking; ``seen`` is the revision already shown (None: any revision
        read later counts as a change)."""
        self._seen = seen
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def look(self) -> None:
        if self._running:
            return  # a slow disk: never pile up looks
        self._running = True
        self.worker.run_task(self._read, self._done, self._failed)

    def _done(self, revision: Hashable | None) -> None:
        self._running = False
        if revision is not None and revision != self._seen:
            self._seen = revision
            self.changed.emit()
        self.checked.emit()

    def _failed(self, _error: Exception) -> None:
        self._running = False  # unreadable for now (locked, being repaired): look again later
        self.checked.emit()
