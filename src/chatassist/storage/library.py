"""The phrasebook library: import (all or nothing), export, listing and reading.

Import replaces a phrasebook by id: entries are updated by id, new ones added,
ones no longer in the file removed; other phrasebooks are untouched, and usage
statistics (kept by entry id) survive. A backup is taken before any import
that replaces existing entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatassist.core import files
from chatassist.core.phrasebook.loader import LoadedPhrasebook, PhrasebookInvalid, load_files
from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.writer import dump
from chatassist.core.textfold import fold
from chatassist.core.yaml_reader import Problem
from chatassist.storage import sqlite_adapter
from chatassist.storage.database import Database
from chatassist.storage.errors import NotFound, StorageError
from chatassist.storage.models import EntryRow, KeywordRow, PhrasebookRow, VariantRow


@dataclass(frozen=True)
class PhrasebookSummary:
    id: str
    version: int
    title: dict[str, str]
    entries: int
    replies: int
    notes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "entries": self.entries,
            "replies": self.replies,
            "notes": self.notes,
        }


_FIELD_ORDER = {"variant": 0, "gloss": 1, "keyword": 2, "body": 3}


@dataclass(frozen=True)
class SearchHit:
    entry_id: str
    language: str
    field: str  # "variant", "gloss", "keyword" or "body"
    text: str


@dataclass
class BookChange:
    id: str
    source: str
    status: str  # "added", "updated" or "unchanged"
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "status": self.status,
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
        }


@dataclass
class ImportReport:
    books: list[BookChange] = field(default_factory=list)
    backup: Path | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "phrasebooks": [b.to_json() for b in self.books],
            "backup": str(self.backup) if self.backup else None,
        }

    def lines(self) -> list[str]:
        out = [
            f"{b.id}: {b.status} ({len(b.added)} added, {len(b.changed)} changed, "
            f"{len(b.removed)} removed) from {b.source}"
            for b in self.books
        ]
        if self.backup:
            out.append(f"backup of the previous library: {self.backup}")
        return out


class PhrasebookLibrary:
    def __init__(self, database: Database) -> None:
        self.database = database

    # --- reading ------------------------------------------------------------
    def is_empty(self) -> bool:
        with self.database.reading():
            return not PhrasebookRow.select().exists()

    def summaries(self) -> list[PhrasebookSummary]:
        with self.database.reading():
            out = []
            for row in PhrasebookRow.select().order_by(PhrasebookRow.position, PhrasebookRow.id):
                kinds = [e.kind for e in row.entries.select(EntryRow.kind)]
                out.append(
                    PhrasebookSummary(
                        id=row.id,
                        version=row.version,
                        title=dict(row.title),
                        entries=len(kinds),
                        replies=kinds.count("reply"),
                        notes=kinds.count("note"),
                    )
                )
            return out

    def phrasebooks(self) -> list[Phrasebook]:
        """Every phrasebook with its entries, in import order (one query per table)."""
        with self.database.reading():
            keywords: dict[str, dict[str, list[str]]] = {}
            for k in KeywordRow.select().order_by(
                KeywordRow.entry, KeywordRow.language, KeywordRow.position
            ):
                keywords.setdefault(k.entry_id, {}).setdefault(k.language, []).append(k.text)
            variants: dict[str, list[Variant]] = {}
            for v in VariantRow.select().order_by(VariantRow.id):
                variants.setdefault(v.entry_id, []).append(
                    Variant(v.language, v.tone, v.text, v.vetted)
                )
            entries: dict[str, list[Entry]] = {}
            for e in EntryRow.select().order_by(EntryRow.phrasebook, EntryRow.position):
                entries.setdefault(e.phrasebook_id, []).append(
                    Entry(
                        id=e.id,
                        scenarios=tuple(e.scenarios),
                        kind=e.kind,
                        gloss=dict(e.gloss),
                        body=dict(e.body),
                        tags=tuple(e.tags),
                        segments=tuple(e.segments),
                        regions=tuple(e.regions),
                        pinned=bool(e.pinned),
                        keywords={lang: tuple(ws) for lang, ws in keywords.get(e.id, {}).items()},
                        variants=tuple(variants.get(e.id, ())),
                    )
                )
            return [
                Phrasebook(
                    id=row.id,
                    title=dict(row.title),
                    entries=tuple(entries.get(row.id, ())),
                    version=row.version,
                    description=dict(row.description),
                    do_not_translate=tuple(row.do_not_translate),
                )
                for row in PhrasebookRow.select().order_by(PhrasebookRow.position, PhrasebookRow.id)
            ]

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Entries whose variants, glosses, keywords or note bodies contain ``query``.

        Case-, accent- and width-insensitive; substrings work for CJK and Thai.
        One hit per entry (its best-ranked text), in rank order.
        """
        with self.database.reading():
            rows = sqlite_adapter.search(self.database.db, query, limit * 4)
        folded = fold(query).strip()
        hits = [SearchHit(*row) for row in rows]
        # Replies before glosses, keywords and notes; then texts that start with the query.
        hits.sort(
            key=lambda h: (
                _FIELD_ORDER.get(h.field, 9),
                not fold(h.text).startswith(folded),
                len(h.text),
            )
        )
        seen: dict[str, SearchHit] = {}
        for hit in hits:
            seen.setdefault(hit.entry_id, hit)
        return list(seen.values())[:limit]

    def phrasebook(self, book_id: str) -> Phrasebook:
        for book in self.phrasebooks():
            if book.id == book_id:
                return book
        raise NotFound(f"no phrasebook with id '{book_id}'")

    # --- import ---------------------------------------------------------------
    def import_bundled(self, folder: Path) -> ImportReport:
        if not folder.is_dir() or not any(folder.glob("*.yaml")):
            return ImportReport()
        return self.import_files([folder])

    def import_files(self, paths: Iterable[Path]) -> ImportReport:
        """Validate every file, then apply all of them in one transaction or nothing."""
        loaded = load_files(paths)
        return self.import_loaded(loaded)

    def import_loaded(self, loaded: Sequence[LoadedPhrasebook]) -> ImportReport:
        self._check_foreign_ids(loaded)
        current = {b.id: b for b in self.phrasebooks()}
        report = ImportReport()
        for lb in loaded:
            report.books.append(_diff(lb, current.get(lb.phrasebook.id)))
        replaces = any(b.changed or b.removed for b in report.books)
        if replaces:
            report.backup = self.database.backup("before-import")

        def apply() -> None:
            changed = [
                lb.phrasebook
                for lb, change in zip(loaded, report.books, strict=True)
                if change.status != "unchanged"
            ]
            positions = {row.id: row.position for row in PhrasebookRow.select()}
            next_position = len(positions)
            # Remove every replaced phrasebook before inserting any: an entry may
            # move from one of them to another within the same import.
            for book in changed:
                self._delete_book(book.id)
            for book in changed:
                position = positions.get(book.id)
                if position is None:
                    position, next_position = next_position, next_position + 1
                self._insert_book(book, position)

        self.database.run(apply)
        return report

    def _check_foreign_ids(self, loaded: Sequence[LoadedPhrasebook]) -> None:
        """An entry id may not move silently from a phrasebook that is not being imported."""
        incoming = {lb.phrasebook.id for lb in loaded}
        owners: dict[str, str] = {}
        with self.database.reading():
            for row in EntryRow.select(EntryRow.id, EntryRow.phrasebook):
                owners[row.id] = row.phrasebook_id
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

    def _delete_book(self, book_id: str) -> None:
        old_ids = [r.id for r in EntryRow.select(EntryRow.id).where(EntryRow.phrasebook == book_id)]
        sqlite_adapter.delete_from_search_index(self.database.db, old_ids)
        PhrasebookRow.delete().where(PhrasebookRow.id == book_id).execute()  # cascades

    def _insert_book(self, book: Phrasebook, position: int) -> None:
        db = self.database.db
        PhrasebookRow.insert(
            id=book.id,
            version=book.version,
            position=position,
            title=dict(book.title),
            description=dict(book.description),
            do_not_translate=list(book.do_not_translate),
        ).execute()
        entry_rows: list[dict[str, Any]] = []
        keyword_rows: list[dict[str, Any]] = []
        variant_rows: list[dict[str, Any]] = []
        for pos, e in enumerate(book.entries):
            entry_rows.append(
                {
                    "id": e.id,
                    "phrasebook": book.id,
                    "position": pos,
                    "kind": e.kind,
                    "scenarios": list(e.scenarios),
                    "tags": list(e.tags),
                    "segments": list(e.segments),
                    "regions": list(e.regions),
                    "pinned": e.pinned,
                    "gloss": dict(e.gloss),
                    "body": dict(e.body),
                }
            )
            for lang, words in e.keywords.items():
                keyword_rows.extend(
                    {"entry": e.id, "language": lang, "position": i, "text": w}
                    for i, w in enumerate(words)
                )
            variant_rows.extend(
                {
                    "entry": e.id,
                    "language": v.language,
                    "tone": v.tone,
                    "text": v.text,
                    "vetted": v.vetted,
                }
                for v in e.variants
            )
        for model, rows in (
            (EntryRow, entry_rows),
            (KeywordRow, keyword_rows),
            (VariantRow, variant_rows),
        ):
            _bulk_insert(db, model, rows)
        sqlite_adapter.rebuild_search_index(db, [e.id for e in book.entries])

    # --- export ---------------------------------------------------------------
    def export(self, out_dir: Path) -> list[Path]:
        """Write ``<id>.yaml`` per phrasebook, each atomically (temp file + rename)."""
        books = self.phrasebooks()
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create {out_dir}: {exc.strerror or exc}") from exc
        written = []
        for book in books:
            target = out_dir / f"{book.id}.yaml"
            write_atomic(target, dump(book))
            written.append(target)
        return written


def _bulk_insert(db: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows with one prepared statement.

    peewee's insert_many spends far longer building SQL than SQLite spends
    inserting; values still go through each field's ``db_value`` (JSON
    fields), and the statement uses the backend's parameter style.
    """
    if not rows:
        return
    fields = [model._meta.fields[name] for name in rows[0]]
    columns = ", ".join(f.column_name for f in fields)
    marks = ", ".join([db.param] * len(fields))
    sql = f"INSERT INTO {model._meta.table_name} ({columns}) VALUES ({marks})"
    values = [tuple(f.db_value(row[f.name]) for f in fields) for row in rows]
    db.cursor().executemany(sql, values)


def write_atomic(target: Path, text: str) -> None:
    try:
        files.write_atomic(target, text)
    except OSError as exc:
        raise StorageError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _diff(lb: LoadedPhrasebook, old: Phrasebook | None) -> BookChange:
    new = lb.phrasebook
    if old is None:
        return BookChange(new.id, lb.path, "added", added=[e.id for e in new.entries])
    old_entries = {e.id: e for e in old.entries}
    new_ids = {e.id for e in new.entries}
    change = BookChange(new.id, lb.path, "updated")
    for e in new.entries:
        before = old_entries.get(e.id)
        if before is None:
            change.added.append(e.id)
        elif _canonical(before) != _canonical(e):
            change.changed.append(e.id)
    change.removed = [eid for eid in old_entries if eid not in new_ids]
    same_header = (old.title, old.version, old.description, old.do_not_translate) == (
        new.title,
        new.version,
        new.description,
        new.do_not_translate,
    )
    order_same = [e.id for e in old.entries] == [e.id for e in new.entries]
    if not (change.added or change.changed or change.removed) and same_header and order_same:
        change.status = "unchanged"
    return change


def _canonical(e: Entry) -> tuple[Any, ...]:
    return (
        e.scenarios,
        e.kind,
        sorted(e.gloss.items()),
        sorted(e.body.items()),
        e.tags,
        e.segments,
        e.regions,
        e.pinned,
        sorted(e.keywords.items()),
        sorted((v.language, v.tone, v.text, v.vetted) for v in e.variants),
    )


#: What importing ``LoadedPhrasebook`` would add, change and remove (the editor's preview).
diff_phrasebook = _diff
