"""Skipping the open-time ``quick_check`` of a library nobody touched since we closed it.

``quick_check`` reads the whole file: 1-2 s for a 10,000-entry library, on
every start of every command. After a clean close (no WAL left, so no other
connection is open) the file's modification time is set to a precise,
unlikely value and noted beside it with the size and inode. Any later write,
by SQLite or by anything else, sets the time again from the kernel's coarse
clock, so the note no longer matches and the next open checks the file. An
unclean shutdown is handled apart (``health.unclean_shutdown``: a full check).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from chatassist.core.files import write_atomic


def _note(path: Path) -> Path:
    return path.with_name(f".{path.name}.clean")


def _identity(path: Path) -> str | None:
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return None  # another connection has it open, or a crash left a WAL
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ino}"


def remember(path: Path) -> None:
    """After closing ``path``: note it as checked and unchanged (a no-op when another
    connection still has it open or the folder cannot be written)."""
    if _identity(path) is None:
        return
    # Odd nanoseconds: never a tick of the coarse clock that writes use.
    stamp = time.time_ns() | 1
    try:
        os.utime(path, ns=(stamp, stamp))
        identity = _identity(path)
        if identity is not None:
            write_atomic(_note(path), identity.encode())
    except OSError:
        forget(path)


def forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        _note(path).unlink(missing_ok=True)


def unchanged(path: Path) -> bool:
    """True when ``path`` is exactly as this program left it at its last clean close."""
    try:
        noted = _note(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return noted == _identity(path)
