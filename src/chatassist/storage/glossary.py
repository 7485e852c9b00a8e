"""The trainers' glossary in the library database (table ``glossary_term``,
migration 5): replaced whole in one transaction, after a backup."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from chatassist.core.translation.glossary import Glossary, GlossaryTerm
from chatassist.storage.database import Database


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
            rows = self.database.db.execute_sql(
                "SELECT data FROM glossary_term ORDER BY position"
            ).fetchall()
        return Glossary(tuple(GlossaryTerm.from_dict(json.loads(row[0])) for row in rows))

    def replace(self, glossary: Glossary) -> Path | None:
        """Make ``glossary`` the library's glossary: all terms or none. A backup of the
        database is taken first when a glossary is replaced; returns its path."""
        backup = self.database.backup("before-glossary") if self.load().terms else None
        db = self.database.db

        def apply() -> None:
            db.execute_sql("DELETE FROM glossary_term")
            for position, term in enumerate(glossary.terms):
                db.execute_sql(
                    "INSERT INTO glossary_term (id, position, data) VALUES (?, ?, ?)",
                    (term.id, position, json.dumps(term.to_dict(), ensure_ascii=False)),
                )

        self.database.run(apply)
        with self._lock:
            self._current = glossary
        return backup
