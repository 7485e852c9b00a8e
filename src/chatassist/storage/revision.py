"""The library revision: which state of the phrasebooks a derived index was built from.

Migration 6 keeps one row, ``library_revision``, that triggers update in the
same transaction as any change to the phrasebook, entry, keyword or variant
tables, whoever makes it (an import, an editor save, a team sync, a delete,
another process). ``stamp`` is random at each bump, so the pair never comes
back after the file is restored from a backup and edited again.

Reading it is one indexed row: cheap enough to poll from a timer, and
possible from another process with a read-only connection.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `read` runs on the sidebar's UI thread at start: no peewee import there
    import peewee as pw


@dataclass(frozen=True, order=True)
class LibraryRevision:
    number: int
    stamp: str

    @property
    def key(self) -> str:
        """A file-name-safe text naming this state of the library."""
        return f"{self.number}-{self.stamp}"


_SQL = "SELECT revision, stamp FROM library_revision WHERE id = 1"


def current(db: pw.Database) -> LibraryRevision:
    """The revision as this connection sees it (inside a transaction: its own changes)."""
    row = db.execute_sql(_SQL).fetchone()
    return LibraryRevision(int(row[0]), str(row[1]))


def changes(db: pw.Database) -> dict[tuple[str, str], str]:
    """(kind, id) -> stamp, renewed at each change of that phrasebook or entry."""
    return {
        (str(kind), str(item)): str(stamp)
        for kind, item, stamp in db.execute_sql("SELECT kind, id, stamp FROM library_change")
    }


def read(path: Path) -> LibraryRevision | None:
    """The revision of the library file at ``path``, through a read-only connection of
    its own (another process, or a thread that must not share a connection); None
    when the file has no revision yet (older schema) or cannot be read."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute(_SQL).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return LibraryRevision(int(row[0]), str(row[1])) if row else None
