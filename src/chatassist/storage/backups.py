"""Backups of the library database: written whole, verified, then named.

A backup is copied (SQLite's online backup API) to a hidden temporary name,
checked with a full ``integrity_check`` and only then renamed to
``chatassist-<UTC stamp>-<reason>.sqlite3``. So an interrupted backup (kill -9,
full disk) never looks like a backup, and rotation, which keeps the newest
:data:`KEEP_BACKUPS` per reason, only ever counts and removes verified copies.
The check of the copy is also the check of the live database before it is
backed up: a damaged library is refused instead of pushing a good backup out.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

KEEP_BACKUPS = 5
#: seconds after which a temporary backup file is a leftover of a killed backup
LEFTOVER_AGE = 60 * 60
_NAME = re.compile(r"chatassist-(\d{8}-\d{6}-\d{6})-([a-z0-9][a-z0-9-]*)\.sqlite3")
_TMP_PREFIX = ".tmp-"


class BackupFailed(Exception):
    """The copy could not be made or did not verify (the copy was removed)."""

    def __init__(self, detail: str, *, damaged_source: bool = False) -> None:
        super().__init__(detail)
        self.detail = detail
        self.damaged_source = damaged_source


@dataclass(frozen=True)
class Backup:
    path: Path
    stamp: str  # sortable UTC time, e.g. 20261203-101500-123456
    reason: str

    @property
    def taken_at(self) -> datetime:
        return datetime.strptime(self.stamp, "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)


def list_backups(backups_dir: Path, reason: str | None = None) -> list[Backup]:
    """Backups by name, oldest first; temporary and foreign files are not backups."""
    try:
        names = os.listdir(backups_dir)
    except OSError:
        return []
    found = []
    for name in names:
        m = _NAME.fullmatch(name)
        if m and (reason is None or m.group(2) == reason):
            found.append(Backup(backups_dir / name, m.group(1), m.group(2)))
    return sorted(found, key=lambda b: (b.stamp, b.reason))


def verify(path: Path) -> str | None:
    """None when ``path`` is a whole chatassist database, else what is wrong."""
    try:
        if path.stat().st_size == 0:
            return "empty file"
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error) as exc:
        return str(exc)
    try:
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) < 1:
            return "not a chatassist database (schema version 0)"
        rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            return "; ".join(str(r[0]) for r in rows[:3])
        return None
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


def write_backup(source: sqlite3.Connection, backups_dir: Path, reason: str) -> Path:
    """Copy ``source`` into ``backups_dir``; verified and named, or BackupFailed/OSError
    (sqlite3.Error from the copy itself) with nothing left behind."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", reason):
        raise ValueError(f"bad backup reason {reason!r}")
    clean_leftovers(backups_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    final = backups_dir / f"chatassist-{stamp}-{reason}.sqlite3"
    tmp = backups_dir / f"{_TMP_PREFIX}{os.getpid()}-{final.name}"
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            source.backup(dest)
            # A self-contained file: no -wal/-shm beside it when it is opened later.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        problem = verify(tmp)
        if problem is not None:
            raise BackupFailed(problem, damaged_source=True)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        _remove_with_journal(tmp)
        raise
    rotate(backups_dir, reason)
    return final


def rotate(backups_dir: Path, reason: str, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Remove all but the newest ``keep`` backups of ``reason`` (per reason, so many
    editor saves never push out the copy taken before a schema migration).
    Returns the removed files."""
    removed = []
    real = []
    for b in list_backups(backups_dir, reason):
        if _looks_whole(b.path):
            real.append(b)
        else:  # a copy cut short by an older chatassist: never counted as a backup
            _remove_with_journal(b.path)
            removed.append(b.path)
    for old in real[:-keep]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def _looks_whole(path: Path) -> bool:
    """Cheap test (no full check): an SQLite header, a size in whole pages, no
    rollback journal left beside it by a copy that was interrupted."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        return False
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    hot = path.with_name(path.name + "-journal")
    return page > 0 and size % page == 0 and not (hot.exists() and hot.stat().st_size > 0)


def clean_leftovers(backups_dir: Path) -> None:
    """Remove temporary files of backups killed part-way (older than LEFTOVER_AGE:
    a younger one may be a backup running in another process right now)."""
    cutoff = time.time() - LEFTOVER_AGE
    try:
        names = os.listdir(backups_dir)
    except OSError:
        return
    for name in names:
        if name.startswith(_TMP_PREFIX):
            path = backups_dir / name
            try:
                if path.lstat().st_mtime < cutoff:
                    path.unlink()
            except OSError:
                pass  # housekeeping only


def _remove_with_journal(tmp: Path) -> None:
    for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)
