"""Opening the library database safely.

A database that is locked, read-only, corrupt or from a newer chatassist is
reported with a clear message and never overwritten. A copy is kept before
migrations and before imports that replace entries (the last few are kept).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import peewee as pw

from chatassist.storage import backups, clean_close, health, migrations, sqlite_adapter
from chatassist.storage import revision as revision_mod
from chatassist.storage.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    DiskFull,
    NewerSchema,
    StorageError,
)
from chatassist.storage.models import ALL_MODELS, database_proxy

KEEP_BACKUPS = backups.KEEP_BACKUPS
T = TypeVar("T")


# Primary SQLite result codes (https://sqlite.org/rescode.html); extended codes
# carry the primary one in their low byte.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind ``exc`` (also through peewee's wrapper)."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        code = getattr(e, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        # peewee re-raises sqlite3's error as its own, with the original as args[0]
        todo.extend(a for a in e.args[:1] if isinstance(a, BaseException))
        todo.extend((e.__cause__, e.__context__))
    return None


def translate_error(path: Path, exc: Exception) -> StorageError:
    """Turn a low-level SQLite error into the typed error a user can act on,
    by its result code (messages differ between SQLite versions)."""
    code = sqlite_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLocked(path)
    if code == SQLITE_READONLY:
        return DatabaseReadOnly(path)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseCorrupt(path, str(exc))
    if code == SQLITE_FULL:
        return DiskFull(path)
    if code == SQLITE_CANTOPEN:
        return StorageError(f"database {path} cannot be opened; check the folder and permissions")
    if code == SQLITE_IOERR:
        return StorageError(
            f"database {path}: input/output error ({exc}): the disk may be full or failing; "
            "nothing was changed"
        )
    return StorageError(f"database {path}: {exc}")


class Database:
    def __init__(self, db: pw.SqliteDatabase, path: Path, backups_dir: Path) -> None:
        self.db = db
        self.path = path
        self.backups_dir = backups_dir
        #: one line for the user about the opening (e.g. after an unclean shutdown), or None
        self.startup_note: str | None = None
        self._marker: Path | None = None

    @classmethod
    def open(cls, path: Path, *, backups_dir: Path, target_version: int | None = None) -> Database:
        """Open (creating if needed) and migrate to ``target_version`` (default: latest)."""
        target = migrations.LATEST_VERSION if target_version is None else target_version
        if path.exists():
            if path.is_dir():
                raise StorageError(f"database path {path} is a folder")
            if not os.access(path, os.R_OK):
                raise StorageError(f"database {path} cannot be read; check its permissions")
            if not sqlite_adapter.looks_like_sqlite(path):
                raise DatabaseCorrupt(path, "not an SQLite file")
            if not os.access(path, os.W_OK):
                raise DatabaseReadOnly(path)
        elif not os.access(path.parent, os.W_OK):
            raise DatabaseReadOnly(path)
        note = None
        if path.exists():
            if path.stat().st_size == 0:
                _refuse_empty(path, backups_dir)
            cls._inspect(path)
            if health.unclean_shutdown(path):
                # quick_check does not compare indexes with their tables: after a
                # crash, look at everything before trusting the file again.
                report = health.check(path)
                if not report.ok:
                    raise DatabaseCorrupt(path, report.summary())
                note = "chatassist did not close the library last time; a full check found it whole"
        db = sqlite_adapter.connect(path)
        self = cls(db, path, backups_dir)
        self.startup_note = note
        try:
            db.connect()
            version = sqlite_adapter.schema_version(db)
            if version < target:
                if version > 0:
                    self.backup(f"before-migration-v{version}")
                migrations.migrate(db, version, target)
        except StorageError:
            db.close()
            raise
        except (pw.DatabaseError, sqlite3.Error) as exc:
            db.close()
            raise translate_error(path, exc) from exc
        database_proxy.initialize(db)
        try:
            self._marker = health.mark_open(path)
        except OSError:
            self._marker = None  # a read-only folder was refused above; this is a convenience
        return self

    @staticmethod
    def _inspect(path: Path) -> None:
        """Check an existing file through a read-only connection, so that a file
        we refuse is not modified (opening it in WAL mode would rewrite its header)."""
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise translate_error(path, exc) from exc
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > migrations.LATEST_VERSION:
                raise NewerSchema(path, version, migrations.LATEST_VERSION)
            if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                # Another program's database: never add our tables to it.
                raise DatabaseCorrupt(path, "an SQLite database of another program")
            if clean_close.unchanged(path):
                return  # checked when last opened, closed cleanly, untouched since
            row = conn.execute("PRAGMA quick_check").fetchone()
            if not row or row[0] != "ok":
                first = str(row[0]).splitlines()[0] if row else "quick_check failed"
                raise DatabaseCorrupt(path, first)
        except sqlite3.Error as exc:
            raise translate_error(path, exc) from exc
        finally:
            conn.close()

    @property
    def schema_version(self) -> int:
        return sqlite_adapter.schema_version(self.db)

    def revision(self) -> revision_mod.LibraryRevision:
        """The library's revision (storage/revision.py): one row, cheap to poll."""
        with self.reading():
            return revision_mod.current(self.db)

    def changes(self) -> dict[tuple[str, str], str]:
        """(kind, id) -> change stamp of every phrasebook ('book') and entry ('entry')
        changed since the revision table exists, deletions included."""
        with self.reading():
            return revision_mod.changes(self.db)

    def run(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one transaction, mapping SQLite failures to typed errors."""
        try:
            # IMMEDIATE: take the write lock up front, so a read-then-write
            # transaction waits (busy_timeout) instead of failing with BUSY.
            with self.db.atomic("IMMEDIATE"):
                return work()
        except (pw.DatabaseError, sqlite3.Error) as exc:
            raise translate_error(self.path, exc) from exc

    @contextmanager
    def reading(self) -> Iterator[None]:
        try:
            yield
        except (pw.DatabaseError, sqlite3.Error) as exc:
            raise translate_error(self.path, exc) from exc

    def backup(self, reason: str) -> Path:
        """Copy the database into the backups folder, verified (see storage.backups);
        keep the last KEEP_BACKUPS per reason. DatabaseCorrupt when the library
        itself fails the check (no backup is then made, nothing rotated out)."""
        try:
            self.backups_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"cannot create the backups folder {self.backups_dir}: {exc.strerror or exc}; "
                "nothing was changed"
            ) from exc
        # Inside a write transaction (the import decides on its backup with the lock
        # held) SQLite's backup API cannot read through this connection: copy the
        # last committed state through a second, read-only one.
        own = None if not self.db.in_transaction() else self._reader()
        try:
            return backups.write_backup(own or self.db.connection(), self.backups_dir, reason)
        except backups.BackupFailed as exc:
            raise DatabaseCorrupt(
                self.path, f"its backup copy fails the check: {exc.detail}"
            ) from exc
        except sqlite3.Error as exc:
            if sqlite_code(exc) in (SQLITE_FULL, SQLITE_IOERR):  # writing the copy failed
                raise StorageError(
                    f"cannot write a backup into {self.backups_dir}: the disk is full or "
                    f"failing ({exc}); nothing was changed"
                ) from exc
            raise translate_error(self.path, exc) from exc
        except OSError as exc:
            raise StorageError(
                f"cannot write a backup into {self.backups_dir}: {exc.strerror or exc}; "
                "nothing was changed"
            ) from exc
        finally:
            if own is not None:
                own.close()

    def _reader(self) -> sqlite3.Connection:
        return sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
        if self._marker is not None:
            health.mark_closed(self._marker)
            self._marker = None
            clean_close.remember(self.path)


def _refuse_empty(path: Path, backups_dir: Path) -> None:
    """A 0-byte library while backups exist is a lost library, not a new one:
    never refill it silently with the bundled phrasebooks."""
    found = backups.list_backups(backups_dir)
    if found:
        raise DatabaseCorrupt(
            path,
            f"the file is empty (0 bytes) while {len(found)} backup(s) exist in {backups_dir}, "
            f"the newest {found[-1].path.name}",
        )


__all__ = ["ALL_MODELS", "Database", "translate_error"]
