"""One sidebar per data folder: a second launch asks the first to come forward.

Which launch is the first is decided by a lock file (``QLockFile``), not by who
manages to listen first: two launches at the same moment would otherwise both
find nobody listening and both open a window. The lock and the local socket
are keyed by the data folder as the file system sees it (resolved, normalised,
and case-folded on Windows and macOS, whose file systems fold case: there
``C:\\Users\\Liang\\Data`` and ``c:\\users\\liang\\data`` are one folder), so two
data folders may run side by side. A lock left by a killed process is stale
(its process is gone) and is taken over.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from chatassist.errors import ChatassistError

CONNECT_MS = 500
#: How long a later launch keeps trying to reach a first one that holds the lock
#: but is still starting (its window and socket come up after the lock).
WAIT_FOR_FIRST_S = 10.0
MESSAGE = b"show\n"


def instance_key(data_dir: Path) -> str:
    """The same string for every spelling of one data folder, for this user."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    try:
        folder = data_dir.resolve()
    except OSError:
        folder = data_dir.absolute()
    spelled = os.path.normcase(os.path.normpath(str(folder)))
    if sys.platform in ("win32", "darwin"):  # their file systems fold case by default
        spelled = spelled.casefold()
    return hashlib.sha256(f"{user}\0{spelled}".encode()).hexdigest()[:16]


def server_name(data_dir: Path) -> str:
    return f"chatassist-{instance_key(data_dir)}"


def lock_path(data_dir: Path) -> Path:
    """The lock lives in the temporary folder, not the data folder: a data folder on
    a network share or read-only medium must not decide whether the sidebar starts."""
    return Path(tempfile.gettempdir()) / f"chatassist-{instance_key(data_dir)}.lock"


def ask_running_instance(name: str, timeout_ms: int = CONNECT_MS) -> bool:
    """True when another instance is listening on ``name`` and was asked to show itself."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(MESSAGE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Listens for later launches; ``activated`` fires when one asks us to show."""

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connection)
        self._lock: QLockFile | None = None

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # Whoever calls listen() holds the lock (see claim()), so a socket already
        # there was left by a crashed instance: take it over.
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _connection(self) -> None:
        # A later launch writes one short line and leaves: read it right away.
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_MS):
                data = bytes(socket.readAll().data())
            else:
                data = b""
            socket.close()
            socket.deleteLater()
            if b"show" in data:
                self.activated.emit()


def claim(
    data_dir: Path, parent: QObject | None = None, wait_s: float = WAIT_FOR_FIRST_S
) -> SingleInstance | None:
    """Become the one sidebar of ``data_dir``, or hand over to the one already running.

    Returns a listening ``SingleInstance`` (we are first: keep it for the life of
    the window and ``close()`` it at the end), or None after the running sidebar
    was asked to come forward. Raises ``InstanceBusy`` when another launch holds
    the lock but never answers (hung), naming its process id.
    """
    name = server_name(data_dir)
    lock = QLockFile(str(lock_path(data_dir)))
    # Never stale by age: only when its process is gone (QLockFile checks the pid).
    lock.setStaleLockTime(0)
    deadline = time.monotonic() + wait_s
    while True:
        if lock.tryLock(0):
            instance = SingleInstance(name, parent)
            instance._lock = lock
            if not instance.listen():
                instance.close()
                raise InstanceBusy(f"cannot listen for later launches on {name}")
            return instance
        if lock.error() == QLockFile.LockError.LockFailedError:
            # Held by a live process (tryLock already took over a dead one's lock).
            if ask_running_instance(name):
                return None
        else:  # no permission or unknown error: not a running sidebar, say so
            raise InstanceBusy(f"cannot create the lock file {lock_path(data_dir)}")
        if time.monotonic() >= deadline:
            info = lock.getLockInfo()
            pid = info[1] if isinstance(info, tuple) and len(info) > 1 else "?"
            raise InstanceBusy(
                f"another chatassist (process {pid}) holds {lock_path(data_dir)} "
                "but does not answer; close it, or end that process"
            )
        time.sleep(0.1)


class InstanceBusy(ChatassistError):
    """Another launch holds the data folder's lock and does not answer."""
