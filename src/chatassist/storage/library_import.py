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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatassist.core.gc_pause import gc_paused
from chatassist.core.phrasebook.diff import BookChange
from chatassist.core.phrasebook.loader import LoadedPhrasebook, PhrasebookInvalid, read_batch
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.publication import LoadedGlossary
from chatassist.core.read_ahead import ReadAhead
from chatassist.core.regions import REGION_IDS
from chatassist.core.yaml_reader import Problem
from chatassist.storage import glossary as glossary_rows
from chatassist.storage.database import Database
from chatassist.storage.import_run import ImportRun, ReadBatch
from chatassist.storage.library_rows import BookRows
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
        with ReadAhead(lambda books: ReadBatch.of(books, []), [list(loaded)]) as reading:
            return self._run(reading, glossary, backup_reason)

    def import_files(
        self,
        files: Sequence[Path],
        *,
        glossary: LoadedGlossary | None = None,
        problems: Sequence[Problem] = (),
        known_regions: Sequence[str] = REGION_IDS,
    ) -> ImportReport:
        """Read, check and apply phrasebook files in one write transaction, or nothing:
        every problem of every file (and ``problems`` found before) is reported in
        one PhrasebookInvalid. The files are read in batches, each while the search
        index of the one before is built."""

        def read(batch: list[Path]) -> ReadBatch:
            books, found = read_batch(batch, known_regions)
            return ReadBatch.of(books, found)

        batches = _batches(files)
        size = sum(_size(path) for batch in batches for path in batch)
        with ReadAhead(read, batches) as reading:
            return self._run(reading, glossary, "before-import", problems, incoming_bytes=size)

    def _run(
        self,
        reading: ReadAhead[Any, ReadBatch],
        glossary: LoadedGlossary | None,
        backup_reason: str,
        problems: Sequence[Problem] = (),
        *,
        incoming_bytes: int = 0,
    ) -> ImportReport:
        report = ImportReport()

        def backup() -> None:
            if report.backup is None:
                report.backup = self.database.backup(backup_reason)

        def apply() -> ImportReport:
            # Everything below runs with the write lock held (see the module docstring).
            run = ImportRun(
                self.database,
                self.insert_book,
                self.delete_books,
                backup,
                incoming_bytes,
            )
            run.problems.extend(problems)
            if glossary is not None and not run.problems:
                report.glossary = self._apply_glossary(glossary, backup)
            for batch in reading:
                written = run.apply(batch)
                reading.start_next()  # read on while FTS5 indexes this batch
                if written:
                    run.index_batch()
            report.books = run.finish()
            return report

        with gc_paused():  # rows for a million keywords and variants: nothing cyclic
            return self.database.run(apply)

    def _apply_glossary(
        self, glossary: LoadedGlossary, backup: Callable[[], None]
    ) -> GlossaryChange:
        old = glossary_rows.read_terms(self.database.db)
        status = "unchanged" if old == glossary.glossary.terms else "replaced"
        status = "added" if not old and glossary.glossary.terms else status
        if status == "replaced":
            backup()
        if status != "unchanged":
            glossary_rows.write_terms(self.database.db, glossary.glossary)
        return GlossaryChange(glossary.path, status, len(glossary.glossary.terms))

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

    def delete_books(self, book_ids: list[str]) -> None:
        """Delete these phrasebooks and their entries (the caller removes their search
        rows: ``ImportRun``)."""
        if book_ids:
            PhrasebookRow.delete().where(PhrasebookRow.id.in_(book_ids)).execute()  # cascades

    def insert_book(self, book: Phrasebook, position: int, rows: BookRows) -> None:
        """Insert the rows built for ``book`` (its search rows are added by the caller)."""
        db = self.database.db
        cursor = db.cursor()
        book_id, version, *header = rows.book
        cursor.execute(
            _params(
                db,
                "INSERT INTO phrasebook (id, version, position, title, description,"
                " do_not_translate, placeholder_kinds) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ),
            (book_id, version, position, *header),
        )
        # Plain executemany: peewee's insert_many spends far longer building SQL
        # than SQLite spends inserting.
        cursor.executemany(
            _params(
                db,
                "INSERT INTO entry (id, phrasebook_id, position, kind, scenarios, tags, segments,"
                " regions, pinned, gloss, body, placeholder_kinds)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            rows.entries,
        )
        cursor.executemany(
            _params(db, "INSERT INTO keyword (entry_id, language, words) VALUES (?, ?, ?)"),
            rows.keywords,
        )
        cursor.executemany(
            _params(
                db,
                "INSERT INTO variant (entry_id, language, tone, text, vetted) VALUES (?, ?, ?, ?, ?)",
            ),
            rows.variants,
        )


def _params(db: Any, sql: str) -> str:
    """``sql`` in the backend's parameter style (``?`` for SQLite, ``%s`` for PostgreSQL)."""
    return sql if db.param == "?" else sql.replace("?", db.param)


#: Files read together: large enough that a batch's search rows keep FTS5 busy
#: while the next batch is read, small enough that the first batch (read before
#: anything can overlap) is a small part of a large import.
BATCH_BYTES = 4 * 1024 * 1024


def _batches(files: Sequence[Path]) -> list[list[Path]]:
    """The files in batches of about BATCH_BYTES."""
    batches: list[list[Path]] = []
    size = 0
    for path in files:
        if not batches or size >= BATCH_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(path)
        size += _size(path)
    return batches


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # its reader reports it
        return 0
