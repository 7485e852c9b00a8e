"""Waiting for the server's word that the library changed (LISTEN/NOTIFY).

A publish ends with ``NOTIFY chatassist_library``; a listener calls back at
once, so a running sidebar syncs within a second instead of at its next
minute. Runs on its own thread with its own connection (a notification wait
blocks); a lost connection is retried, and the periodic sync covers the gap.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import psycopg

from chatassist.storage.team.connection import (
    CONNECT_TIMEOUT_S,
    NOTIFY_CHANNEL,
    _keyring_password,
    check_url,
)

RETRY_S = 30.0
POLL_S = 1.0


class LibraryListener:
    """Calls ``on_change(revision)`` from its own thread on every publish."""

    def __init__(
        self, url: str, on_change: Callable[[int], None], *, retry_s: float = RETRY_S
    ) -> None:
        self.url = check_url(url)
        self.on_change = on_change
        self.retry_s = retry_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: set once LISTEN is in place (tests wait on it before publishing)
        self.listening = threading.Event()

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._run, name="chatassist-team-listen", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except psycopg.Error:
                self.listening.clear()
                self._stop.wait(self.retry_s)

    def _listen(self) -> None:
        password = _keyring_password(self.url)
        extra: dict[str, Any] = {"password": password} if password else {}
        with psycopg.connect(
            self.url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="chatassist-listen",
            **extra,
        ) as conn:
            conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self.listening.set()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=POLL_S):
                    revision = int(note.payload) if note.payload.isdigit() else 0
                    self.on_change(revision)
                    if self._stop.is_set():
                        break
