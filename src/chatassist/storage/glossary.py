"""The trainers' glossary in the library database (table ``glossary_term``,
migration 5): replaced whole in one transaction, after a backup.

``read_terms`` and ``write_terms`` work inside the caller's transaction: a
phrasebook import that carries a glossary (``library_import``) writes it in
the same one as the phrasebooks."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import peewee as pw

from chatassist.core.translation.glossary import Glossary, GlossaryTerm
from chatassist.storage.database import Database


def read_terms(db: pw.Database) -> tuple[GlossaryTerm, ...]:
    rows = db.execute_sql("SELECT data FROM glossary_term ORDER BY position").fetchall()
    return tuple(GlossaryTerm.from_dict(json.loads(row[0])) for row in rows)


def write_terms(db: pw.Database, glossary: Glossary) -> None:
    """Replace every term (call it inside a write transaction)."""
    db.execute_sql("DELETE FROM glossary_term")
    for position, term in enumerate(glossary.terms):
        db.execute_sql(
            "INSERT INTO glossary_term (id, position, data) VALUES (?, ?, ?)",
            (term.id, position, json.dumps(term.to_dict(), ensure_ascii=False)),
        )


class GlossaryStore:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._current: Glossary | None = None
        self._lock = threading.Lock()

    def current(self) -> Glossary:
        """The glossary as last loaded or replaced by this process (translation asks for
        it on every call, from any thread)."""
        with self._lock:
            if self._current is None:
                self._current = self.load()
            return self._current

    def load(self) -> Glossary:
        with self.database.reading():
            return Glossary(read_terms(self.database.db))

    def remember(self, glossary: Glossary) -> None:
        """``glossary`` was written by another path (a phrasebook import): serve it."""
        with self._lock:
            self._current = glossary

    def replace(self, glossary: Glossary) -> Path | None:
        """Make ``glossary`` the library's glossary: all terms or none. A backup of the
        database is taken first when a glossary is replaced; returns its path."""
        backup = self.database.backup("before-glossary") if self.load().terms else None
        db = self.database.db
        self.database.run(lambda: write_terms(db, glossary))
        self.remember(glossary)
        return backup
