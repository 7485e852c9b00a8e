"""One sidebar per data folder: a second launch asks the first to come forward.

The first instance listens on a local socket whose name is derived from the
data folder (so two data folders may run side by side); a later one connects,
says "show" and exits.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500
MESSAGE = b"show\n"


def server_name(data_dir: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    digest = hashlib.sha256(f"{user}\0{data_dir}".encode()).hexdigest()[:16]
    return f"chatassist-{digest}"


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

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # A socket left by a crashed instance: nobody answered, so take it over.
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

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
