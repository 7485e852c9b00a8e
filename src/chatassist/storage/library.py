"""The phrasebook library: one object for reading, importing and exporting.

Each job lives in its own module (``library_reading``, ``library_import``,
``library_export``); this facade gives callers one object bound to the
database, and names the types they use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from chatassist.core.phrasebook.diff import BookChange, diff_phrasebook
from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.core.phrasebook.model import Entry, Phrasebook
from chatassist.core.phrasebook.publication import (
    LoadedGlossary,
    load_publication,
    open_publication,
)
from chatassist.storage import library_reading
from chatassist.storage.database import Database
from chatassist.storage.errors import NotFound
from chatassist.storage.glossary import GlossaryStore
from chatassist.storage.library_export import export_books, write_atomic
from chatassist.storage.library_import import ImportReport, LibraryImporter
from chatassist.storage.library_reading import PhrasebookSummary, SearchHit

__all__ = [
    "BookChange",
    "ImportReport",
    "PhrasebookLibrary",
    "PhrasebookSummary",
    "SearchHit",
    "diff_phrasebook",
    "write_atomic",
]


class PhrasebookLibrary:
    def __init__(self, database: Database, glossary_store: GlossaryStore | None = None) -> None:
        """``glossary_store``: told of a glossary an import replaced, so this process's
        translations use it at once."""
        self.database = database
        self.importer = LibraryImporter(database)
        self.glossary_store = glossary_store

    # --- reading ------------------------------------------------------------
    def is_empty(self) -> bool:
        with self.database.reading():
            return library_reading.is_empty()

    def summaries(self) -> list[PhrasebookSummary]:
        with self.database.reading():
            return library_reading.summaries()

    def phrasebooks(self) -> list[Phrasebook]:
        """Every phrasebook with its entries, in import order."""
        with self.database.reading():
            return library_reading.phrasebooks()

    def entry(self, entry_id: str) -> Entry | None:
        """One entry with its texts (None: no such entry)."""
        with self.database.reading():
            return library_reading.entry(entry_id)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """See ``library_reading.search``."""
        with self.database.reading():
            return library_reading.search(self.database.db, query, limit)

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
        """Validate every file, the glossary among them too, and apply all of them in
        one transaction or nothing (read in batches while the search index is built:
        ``LibraryImporter.import_files``)."""
        files = open_publication(paths)
        report = self.importer.import_files(
            files.books,
            glossary=files.glossary,
            problems=[*files.problems, *files.glossary_problems],
        )
        self._remember_glossary(files.glossary)
        return report

    def import_files_read_first(self, paths: Iterable[Path]) -> ImportReport:
        """``import_files`` through ``import_loaded``: every file read before anything
        is applied (a library whose ``import_loaded`` does more, like the team's)."""
        publication = load_publication(paths)
        return self.import_loaded(publication.books, glossary=publication.glossary)

    def import_loaded(
        self,
        loaded: Sequence[LoadedPhrasebook],
        *,
        backup_reason: str = "before-import",
        glossary: LoadedGlossary | None = None,
    ) -> ImportReport:
        """See ``LibraryImporter.import_loaded`` (``backup_reason`` names the backup)."""
        report = self.importer.import_loaded(loaded, backup_reason=backup_reason, glossary=glossary)
        self._remember_glossary(glossary)
        return report

    def _remember_glossary(self, glossary: LoadedGlossary | None) -> None:
        if glossary is not None and self.glossary_store is not None:
            self.glossary_store.remember(glossary.glossary)

    def _check_foreign_ids(self, loaded: Sequence[LoadedPhrasebook]) -> None:
        """PhrasebookInvalid when an entry id belongs to a phrasebook not being imported
        (the team library checks before publishing)."""
        with self.database.reading():
            self.importer.check_foreign_ids(loaded)

    # --- export ---------------------------------------------------------------
    def export(self, out_dir: Path) -> list[Path]:
        """Write ``<id>.yaml`` per phrasebook, each atomically (temp file + rename)."""
        return export_books(self.phrasebooks(), out_dir)
