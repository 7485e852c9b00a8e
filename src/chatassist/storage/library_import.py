"""Importing phrasebooks into the library: diff, backup, replace (all or nothing).

Import replaces a phrasebook by id: entries are updated by id, new ones added,
ones no longer in the file removed; other phrasebooks are untouched, and usage
statistics (kept by entry id) survive. A backup is taken before any import
that replaces existing entries.

The read, the diff and the backup decision happen inside the write
transaction (``BEGIN IMMEDIATE``): two imports of the same phrasebook at once
are serialised, and the second one diffs against what the first one wrote, so
no entry is replaced without being reported and backed up.

An import may carry the trainers' glossary (``core.phrasebook.publication``):
it replaces the library's glossary in the same transaction, and a glossary
replaced by a different one is backed up like a replaced entry.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatassist.core.gc_pause import gc_paused
from chatassist.core.phrasebook.diff import BookChange, diff_phrasebook
from chatassist.core.phrasebook.loader import LoadedPhrasebook, PhrasebookInvalid
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.publication import LoadedGlossary
from chatassist.core.yaml_reader import Problem
from chatassist.storage import glossary as glossary_rows
from chatassist.storage import library_reading, sqlite_adapter
from chatassist.storage.database import Database
from chatassist.storage.models import EntryRow, PhrasebookRow


@dataclass(frozen=True)
class GlossaryChange:
    source: str
    status: str  # "added", "replaced" or "unchanged"
    terms: int

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "status": self.status, "terms": self.terms}


@dataclass
class ImportReport:
    books: list[BookChange] = field(default_factory=list)
    backup: Path | None = None
    #: the glossary the import carried (None: none; the library's was left alone)
    glossary: GlossaryChange | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "phrasebooks": [b.to_json() for b in self.books],
            "glossary": self.glossary.to_json() if self.glossary else None,
            "backup": str(self.backup) if self.backup else None,
        }

    def lines(self) -> list[str]:
        out = [
            f"{b.id}: {b.status} ({len(b.added)} added, {len(b.changed)} changed, "
            f"{len(b.removed)} removed) from {b.source}"
            for b in self.books
        ]
        if self.glossary:
            g = self.glossary
            out.append(f"glossary: {g.status} ({g.terms} terms) from {g.source}")
        if self.backup:
            out.append(f"backup of the previous library: {self.backup}")
        return out

    @property
    def touched_entries(self) -> set[str]:
        """Ids of the entries this import added, changed or removed."""
        return {eid for b in self.books for eid in (*b.added, *b.changed, *b.removed)}


class LibraryImporter:
    def __init__(self, database: Database) -> None:
        self.database = database

    def import_loaded(
        self,
        loaded: Sequence[LoadedPhrasebook],
        *,
        backup_reason: str = "before-import",
        glossary: LoadedGlossary | None = None,
    ) -> ImportReport:
        """Apply validated phrasebooks (and ``glossary``, replacing the library's) in
        one write transaction, or nothing.

        ``backup_reason`` names the backup taken first (the editor's ordinary
        save passes "before-save")."""

        def apply() -> ImportReport:
            with gc_paused():  # rows for a million keywords and variants: nothing cyclic
                return self._apply(loaded, backup_reason, glossary)

        return self.database.run(apply)

    def _apply(
        self,
        loaded: Sequence[LoadedPhrasebook],
        backup_reason: str = "before-import",
        glossary: LoadedGlossary | None = None,
    ) -> ImportReport:
        # Everything below runs with the write lock held (see the module docstring).
        self.check_foreign_ids(loaded)
        wanted = {lb.phrasebook.id for lb in loaded}
        current = {b.id: b for b in library_reading.phrasebooks(wanted)}
        report = ImportReport()
        for lb in loaded:
            report.books.append(diff_phrasebook(lb, current.get(lb.phrasebook.id)))
        if glossary is not None:
            old = glossary_rows.read_terms(self.database.db)
            status = "unchanged" if old == glossary.glossary.terms else "replaced"
            status = "added" if not old and glossary.glossary.terms else status
            report.glossary = GlossaryChange(glossary.path, status, len(glossary.glossary.terms))
        glossary_replaced = report.glossary is not None and report.glossary.status == "replaced"
        if glossary_replaced or any(b.changed or b.removed for b in report.books):
            report.backup = self.database.backup(backup_reason)
        if glossary is not None and report.glossary and report.glossary.status != "unchanged":
            glossary_rows.write_terms(self.database.db, glossary.glossary)
        changed = [
            lb.phrasebook
            for lb, change in zip(loaded, report.books, strict=True)
            if change.status != "unchanged"
        ]
        positions = {row.id: row.position for row in PhrasebookRow.select()}
        next_position = len(positions)
        incoming = [e.id for book in changed for e in book.entries]
        whole_index = self._rebuilds_whole_index(changed, len(incoming))
        # Remove every replaced phrasebook before inserting any: an entry may
        # move from one of them to another within the same import.
        self.delete_books([book.id for book in changed], keep_search_rows=whole_index)
        # Most of the library anew: its keyword and variant indexes built once after.
        with sqlite_adapter.indexes_built_after(
            self.database.db, "keyword", "variant", when=whole_index
        ):
            for book in changed:
                position = positions.get(book.id)
                if position is None:
                    position, next_position = next_position, next_position + 1
                self.insert_book(book, position)
        if whole_index:
            sqlite_adapter.rebuild_search_index(self.database.db)
        else:  # the search index of every inserted entry, in one statement
            sqlite_adapter.rebuild_search_index(self.database.db, incoming)
        return report

    def _rebuilds_whole_index(self, changed: Sequence[Phrasebook], incoming: int) -> bool:
        """Whether rebuilding the whole search index is cheaper than updating it:
        when the import writes at least half of the library it will hold. FTS5
        builds an index in one pass twice as fast as it takes rows in and out
        (10,062 entries into an empty library: 11.6 s instead of 23.5 s)."""
        if not changed:
            return False
        replaced = (
            EntryRow.select().where(EntryRow.phrasebook.in_([book.id for book in changed])).count()
        )
        after = EntryRow.select().count() - replaced + incoming
        return bool(incoming * 2 >= after)

    def check_foreign_ids(self, loaded: Sequence[LoadedPhrasebook]) -> None:
        """An entry id may not move silently from a phrasebook that is not being imported."""
        incoming = {lb.phrasebook.id for lb in loaded}
        owners: dict[str, str] = {}
        for row in EntryRow.select(EntryRow.id, EntryRow.phrasebook).tuples():
            owners[row[0]] = row[1]
        problems = []
        for lb in loaded:
            for entry_id, line in lb.entry_lines.items():
                owner = owners.get(entry_id)
                if owner is not None and owner not in incoming and owner != lb.phrasebook.id:
                    problems.append(
                        Problem(
                            lb.path,
                            line,
                            0,
                            f"entry id '{entry_id}' already belongs to phrasebook '{owner}'",
                        )
                    )
        if problems:
            raise PhrasebookInvalid(problems)

    def delete_books(self, book_ids: list[str], *, keep_search_rows: bool = False) -> None:
        """Delete these phrasebooks, their entries and the entries' search rows
        (``keep_search_rows``: the caller rebuilds the whole index next)."""
        if not book_ids:
            return
        if keep_search_rows:
            PhrasebookRow.delete().where(PhrasebookRow.id.in_(book_ids)).execute()  # cascades
            return
        old_ids = [
            r[0]
            for r in EntryRow.select(EntryRow.id)
            .where(EntryRow.phrasebook.in_(book_ids))
            .tuples()
            .iterator()
        ]
        sqlite_adapter.delete_from_search_index(self.database.db, old_ids)
        PhrasebookRow.delete().where(PhrasebookRow.id.in_(book_ids)).execute()  # cascades

    def insert_book(self, book: Phrasebook, position: int) -> None:
        """Insert one phrasebook's rows (its search rows are added by the caller)."""
        db = self.database.db
        cursor = db.cursor()
        cursor.execute(
            _params(
                db,
                "INSERT INTO phrasebook (id, version, position, title, description,"
                " do_not_translate, placeholder_kinds) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ),
            (
                book.id,
                book.version,
                position,
                _json(book.title),
                _json(book.description),
                _json(list(book.do_not_translate)),
                _json(dict(book.placeholder_kinds)),
            ),
        )
        entry_rows: list[tuple[object, ...]] = []
        keyword_rows: list[tuple[str, str, int, str]] = []
        variant_rows: list[tuple[str, str, str, str, int]] = []
        for pos, e in enumerate(book.entries):
            entry_rows.append(
                (
                    e.id,
                    book.id,
                    pos,
                    e.kind,
                    _json(list(e.scenarios)),
                    _json(list(e.tags)),
                    _json(list(e.segments)),
                    _json(list(e.regions)),
                    int(e.pinned),
                    _json(e.gloss),
                    _json(e.body),
                    _json(dict(e.placeholder_kinds)),
                )
            )
            for lang, words in e.keywords.items():
                keyword_rows.extend((e.id, lang, i, w) for i, w in enumerate(words))
            variant_rows.extend(
                (e.id, v.language, v.tone, v.text, int(v.vetted)) for v in e.variants
            )
        # Plain executemany: peewee's insert_many spends far longer building SQL
        # than SQLite spends inserting. Columns as in migrations (JSON as text).
        cursor.executemany(
            _params(
                db,
                "INSERT INTO entry (id, phrasebook_id, position, kind, scenarios, tags, segments,"
                " regions, pinned, gloss, body, placeholder_kinds)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            entry_rows,
        )
        cursor.executemany(
            _params(
                db, "INSERT INTO keyword (entry_id, language, position, text) VALUES (?, ?, ?, ?)"
            ),
            keyword_rows,
        )
        cursor.executemany(
            _params(
                db,
                "INSERT INTO variant (entry_id, language, tone, text, vetted) VALUES (?, ?, ?, ?, ?)",
            ),
            variant_rows,
        )


def _params(db: Any, sql: str) -> str:
    """``sql`` in the backend's parameter style (``?`` for SQLite, ``%s`` for PostgreSQL)."""
    return sql if db.param == "?" else sql.replace("?", db.param)


def _json(value: Any) -> str:
    """As models.JSONField stores it."""
    return json.dumps(value, ensure_ascii=False)
