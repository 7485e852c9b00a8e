"""The persistent translation cache: a separate, disposable SQLite file
(AppPaths.translation_cache), never the library database.

Keys and values are opaque strings made by the translation service (the key
hashes text, language pair, pack versions and glossary). Losing the file only
costs re-translation, so it is opened with ``synchronous=OFF``, and a damaged
file or one of another schema version is deleted and started afresh.

Only real corruption deletes the file. Any other failure (the file locked by
another process, a full disk, a read-only folder) skips the cache for that one
call: ``get`` finds nothing and ``put`` stores nothing, so translation goes on
uncached. Neither ever raises.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from pathlib import Path

SCHEMA_VERSION = 1
DEFAULT_MAX_ENTRIES = 50_000

log = logging.getLogger(__name__)

# Primary result codes of SQLite (the extended codes keep them in the low byte).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_CORRUPT_MESSAGES = ("file is not a database", "malformed", "file is encrypted")


def is_corrupt(exc: BaseException) -> bool:
    """True when ``exc`` says the file itself is damaged (not locked, full or read-only)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    message = str(exc).lower()
    return any(m in message for m in _CORRUPT_MESSAGES)


class SqliteTranslationCache:
    """Implements ``chatassist.core.translation.TranslationCache``; thread-safe."""

    def __init__(self, path: Path, *, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.path = path
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._puts = 0
        self._conn: sqlite3.Connection | None = None

    def get(self, key: str) -> str | None:
        with self._lock:
            try:
                row = (
                    self._connection()
                    .execute("SELECT value FROM translations WHERE key = ?", (key,))
                    .fetchone()
                )
            except (sqlite3.Error, OSError) as exc:
                self._failed(exc)
                return None
        return str(row[0]) if row is not None else None

    def put(self, key: str, value: str) -> None:
        with self._lock:
            try:
                conn = self._connection()
                with conn:
                    conn.execute(
                        "INSERT OR REPLACE INTO translations (key, value, created) VALUES (?, ?, ?)",
                        (key, value, time.time()),
                    )
                self._puts += 1
                if self._puts % 500 == 0:
                    self._prune(conn)
            except (sqlite3.Error, OSError) as exc:
                self._failed(exc)

    def __len__(self) -> int:
        with self._lock:
            row = self._connection().execute("SELECT COUNT(*) FROM translations").fetchone()
        return int(row[0])

    def clear(self) -> None:
        with self._lock, self._connection() as conn:
            conn.execute("DELETE FROM translations")

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _prune(self, conn: sqlite3.Connection) -> None:
        with conn:
            conn.execute(
                "DELETE FROM translations WHERE key IN (SELECT key FROM translations "
                "ORDER BY created DESC LIMIT -1 OFFSET ?)",
                (self.max_entries,),
            )

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            try:
                self._conn = self._open()
            except sqlite3.DatabaseError as exc:
                if not is_corrupt(exc):
                    raise  # locked, full, read-only...: try again on the next call
                self._delete_file()
                self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Used from the GUI's worker threads; every use holds self._lock.
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA journal_mode=WAL")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version not in (0, SCHEMA_VERSION):
                conn.close()
                self._delete_file()
                conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                conn.execute("PRAGMA synchronous=OFF")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS translations ("
                "key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL NOT NULL)"
            )
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _failed(self, exc: Exception) -> None:
        """A get or put failed: start afresh if the file is damaged, else skip the
        cache this once (the file is kept; the next call tries again)."""
        if is_corrupt(exc):
            log.warning("translation cache %s is damaged; starting afresh: %s", self.path, exc)
            try:
                self._reset()
            except OSError as err:
                log.warning("could not delete the damaged translation cache: %s", err)
        else:
            log.warning("translation cache skipped: %s", exc)
            self._close_quietly()

    def _close_quietly(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def _reset(self) -> None:
        """The file went bad while open: start a fresh one."""
        self._close_quietly()
        self._delete_file()

    def _delete_file(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
