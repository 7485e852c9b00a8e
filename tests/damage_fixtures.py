"""Damage a library database the way a flipped bit or a bad disk does, for tests.

(``tests/`` is on sys.path because tests/conftest.py lives there.)
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path


def damage_an_index(path: Path, index: str = "keyword_entry_id") -> None:
    """Leave ``index`` out of step with its table, every row still readable:
    the index is made partial (``WHERE 0``), one row is moved to a new
    rowid (so the index keeps the old one and misses the new), and the index
    definition is put back. ``quick_check`` still says ok; ``integrity_check`` does not."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        table, sql = conn.execute(
            "SELECT tbl_name, sql FROM sqlite_master WHERE name = ?", [index]
        ).fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql + " WHERE 0", index])
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(
            f"UPDATE {table} SET rowid = (SELECT max(rowid) + 1 FROM {table}) "
            f"WHERE rowid = (SELECT min(rowid) FROM {table})"
        )
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql, index])
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    finally:
        conn.close()


def bad_utf8_in(path: Path, table: str = "variant", column: str = "text") -> None:
    """Store bytes that are not UTF-8 in one text cell (a flipped high bit does this)."""
    conn = sqlite3.connect(path)
    try:
        rowid = conn.execute(f"SELECT min(rowid) FROM {table}").fetchone()[0]
        conn.execute(
            f"UPDATE {table} SET {column} = CAST(? AS TEXT) WHERE rowid = ?",
            [b"caf\xe9 \xff\xfe", rowid],
        )
        conn.commit()
    finally:
        conn.close()


def leave_unclean_marker(path: Path) -> Path:
    """Leave the open-marker of a process that had ``path`` open and died without
    closing it (a pid that no longer runs), as after a crash or kill -9."""
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    marker = path.with_name(f".{path.name}.open-{int(proc.stdout)}-1")
    marker.write_text("")
    return marker
