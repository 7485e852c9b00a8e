"""Who changed the selected entry last on the team server, and when (team mode).

Receives the worker and a lookup (the replica's record: a database read, so it
runs in the worker; only the newest entry's answer is shown) and reports the
line to show by a signal; the window puts it in its status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from chatassist.ui.worker import Worker


class ChangedByRecord(Protocol):
    @property
    def user(self) -> str: ...

    @property
    def at(self) -> datetime: ...

    @property
    def revision(self) -> int: ...


Lookup = Callable[[str], ChangedByRecord | None]


class ChangedBy(QObject):
    #: the line to show for the selected entry ("" when there is nothing to say)
    shown = Signal(str)

    def __init__(self, worker: Worker, lookup: Lookup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.lookup = lookup
        self._entry_id: str | None = None

    def show_entry(self, entry_id: str | None) -> None:
        """Look up ``entry_id`` (None: no entry selected) and emit its line."""
        self._entry_id = entry_id
        if entry_id is None:
            self.worker.drop((self, "lookup"))
            self.shown.emit("")
            return
        self.worker.run_latest(
            (self, "lookup"),
            lambda: self.lookup(entry_id),
            self._found,
            lambda exc: self.shown.emit(""),
        )

    def _found(self, record: ChangedByRecord | None) -> None:
        if record is None:
            self.shown.emit(QCoreApplication.translate("ChangedBy", "Not on the team server yet"))
            return
        self.shown.emit(
            QCoreApplication.translate("ChangedBy", "Last changed by %1 on %2 (team revision %3)")
            .replace("%1", record.user)
            .replace("%2", record.at.strftime("%Y-%m-%d %H:%M UTC"))
            .replace("%3", str(record.revision))
        )
