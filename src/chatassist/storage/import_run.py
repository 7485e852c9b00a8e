"""One import inside its write transaction, applied batch by batch as the files are read.

``LibraryImporter`` opens the transaction and hands the phrasebooks over in
batches (all at once when they were read before, as the editor's save does).
Each batch is checked (ids unique across every file so far), diffed against
the library, and written; its search rows are indexed by FTS5 while the next
batch is read (``core.read_ahead``). Any problem, in a file or between files,
stops the writing and is reported with the others at the end: the transaction
then rolls back, so the library changes whole or not at all.

Ordering rules kept from the import that read everything first:

- A backup is taken before the first entry is replaced or removed (through a
  second connection, which sees the library as it was before this transaction).
- An entry may move between two phrasebooks of the same import. A phrasebook
  holding an entry that another existing phrasebook still owns is set aside
  until every batch is in: if that owner was imported too, both old versions
  are gone by then; if not, the entry is a foreign id and the import refused.
- Replaced entries leave the search index row by row while that is cheaper than
  building the whole index again; past a third of the rows the import empties
  the index and builds it once at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from chatassist.core.gc_pause import gc_paused
from chatassist.core.phrasebook.diff import BookChange, diff_phrasebook
from chatassist.core.phrasebook.loader import LoadedPhrasebook, PhrasebookInvalid, UniqueIds
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.yaml_reader import Problem
from chatassist.storage import library_reading, sqlite_adapter
from chatassist.storage.database import Database
from chatassist.storage.library_rows import BookRows, book_rows
from chatassist.storage.models import EntryRow, PhrasebookRow

#: inserts one phrasebook's rows at a position (``LibraryImporter.insert_book``)
InsertBook = Callable[[Phrasebook, int, BookRows], None]


@dataclass(frozen=True)
class ReadBatch:
    """Phrasebooks read together, their rows, and the problems their files had."""

    books: list[LoadedPhrasebook]
    rows: dict[str, BookRows]  # by phrasebook id
    problems: list[Problem]

    @classmethod
    def of(cls, books: list[LoadedPhrasebook], problems: list[Problem]) -> ReadBatch:
        """The batch with its rows built (on the thread that reads, with no problem)."""
        with gc_paused():
            rows = {} if problems else {lb.phrasebook.id: book_rows(lb.phrasebook) for lb in books}
        return cls(books, rows, problems)


@dataclass(frozen=True)
class _SetAside:
    book: LoadedPhrasebook
    rows: BookRows
    position: int
    replaces: bool


_Write = tuple[Phrasebook, int, BookRows]

#: YAML bytes per search row, roughly (10,062 entries: 88 MB of files, 409,664 rows)
_BYTES_PER_SEARCH_ROW = 200


class ImportRun:
    """The state of one import; ``apply`` each batch, then ``finish``."""

    def __init__(
        self,
        database: Database,
        insert_book: InsertBook,
        delete_books: Callable[[list[str]], None],
        take_backup: Callable[[], None],
        incoming_bytes: int = 0,
    ) -> None:
        self.db = database.db
        self._insert_book = insert_book
        self._delete_books = delete_books
        self._take_backup = take_backup
        self.changes: list[BookChange] = []
        self.problems: list[Problem] = []
        self._ids = UniqueIds()
        self._owners: dict[str, str] = dict(
            EntryRow.select(EntryRow.id, EntryRow.phrasebook).tuples().iterator()
        )
        self._positions = {row.id: row.position for row in PhrasebookRow.select()}
        self._next_position = len(self._positions)
        self._replaced: set[str] = set()  # existing phrasebooks this import rewrote
        self._incoming: set[str] = set()
        self._set_aside: list[_SetAside] = []
        # Rows taken out of the live index so far, and how many it may lose one by
        # one before building it whole is cheaper.
        self._rows_out = 0
        rows_at_start = self._rows_at_start = sqlite_adapter.count_all_search_rows(self.db)
        self._rows_out_limit = rows_at_start // 3
        self._live_index = True
        self._rows_indexed = 0
        self._unindexed_after: int | None = None  # the last batch's rows are above it
        # An import at least as large as the library (as a guess from its files' size)
        # indexes batch after batch with FTS5's merging paused, and merges once at the end.
        self._merging_paused = incoming_bytes >= _BYTES_PER_SEARCH_ROW * max(rows_at_start, 1)
        if self._merging_paused:
            sqlite_adapter.pause_index_merging(self.db)

    # --- per batch -------------------------------------------------------------
    def apply(self, batch: ReadBatch) -> bool:
        """Check and write one batch; True if its search rows wait to be indexed
        (``index_batch``), False if nothing was written (a problem was found, now
        or before: the rest is only checked)."""
        self.problems.extend(batch.problems)
        for lb in batch.books:
            self._incoming.add(lb.phrasebook.id)
            self.problems.extend(self._ids.problems_of(lb))
        if self.problems:
            return False
        existing = [lb.phrasebook.id for lb in batch.books if lb.phrasebook.id in self._positions]
        old = {b.id: b for b in library_reading.phrasebooks(existing)} if existing else {}
        writes: list[_Write] = []
        for lb in batch.books:
            book = lb.phrasebook
            change = diff_phrasebook(lb, old.get(book.id))
            self.changes.append(change)
            if change.status == "unchanged":
                continue
            if change.changed or change.removed:
                self._take_backup()
            position = self._position_of(book.id)
            if self._takes_entries_of_another(lb):
                self._set_aside.append(_SetAside(lb, batch.rows[book.id], position, book.id in old))
                continue
            if book.id in old:
                self._replace([book.id])
            writes.append((book, position, batch.rows[book.id]))
        return self._write(writes)

    def index_batch(self) -> None:
        """Index the search rows of the batch ``apply`` wrote last (one statement
        that runs without Python: the next batch can be read meanwhile)."""
        if self._live_index and self._unindexed_after is not None:
            sqlite_adapter.index_rows_after(self.db, self._unindexed_after)
        self._unindexed_after = None

    # --- at the end --------------------------------------------------------------
    def finish(self) -> list[BookChange]:
        """Write the phrasebooks set aside and complete the search index; raise
        PhrasebookInvalid with every problem found (the caller's transaction then
        rolls back)."""
        for item in self._set_aside if not self.problems else []:
            self.problems.extend(self._foreign_ids(item.book))
        if self.problems:
            raise PhrasebookInvalid(self.problems)
        if self._set_aside:
            self._replace([item.book.phrasebook.id for item in self._set_aside if item.replaces])
            writes = [(item.book.phrasebook, item.position, item.rows) for item in self._set_aside]
            if self._write(writes):
                self.index_batch()
        if self._merging_paused:
            sqlite_adapter.resume_index_merging(self.db)
        if not self._live_index:
            sqlite_adapter.index_all_rows(self.db)  # in one pass, merged
        elif self._merging_paused or (
            self._rows_indexed * 2 >= self._rows_at_start - self._rows_out + self._rows_indexed > 0
        ):
            sqlite_adapter.optimize_index(self.db)  # most of the index is new segments
        return self.changes

    # --- helpers -------------------------------------------------------------------
    def _position_of(self, book_id: str) -> int:
        position = self._positions.get(book_id)
        if position is None:
            position = self._positions[book_id] = self._next_position
            self._next_position += 1
        return position

    def _takes_entries_of_another(self, lb: LoadedPhrasebook) -> bool:
        """An entry of ``lb`` still belongs to another phrasebook (not rewritten yet)."""
        own = lb.phrasebook.id
        for entry_id in lb.entry_lines:
            owner = self._owners.get(entry_id)
            if owner is not None and owner != own and owner not in self._replaced:
                return True
        return False

    def _foreign_ids(self, lb: LoadedPhrasebook) -> Iterable[Problem]:
        own = lb.phrasebook.id
        for entry_id, line in lb.entry_lines.items():
            owner = self._owners.get(entry_id)
            if owner is not None and owner != own and owner not in self._incoming:
                yield Problem(
                    lb.path,
                    line,
                    0,
                    f"entry id '{entry_id}' already belongs to phrasebook '{owner}'",
                )

    def _replace(self, book_ids: Sequence[str]) -> None:
        """Delete the old versions of these phrasebooks and their search rows."""
        if not book_ids:
            return
        old_ids = [
            r[0]
            for r in EntryRow.select(EntryRow.id)
            .where(EntryRow.phrasebook.in_(list(book_ids)))
            .tuples()
            .iterator()
        ]
        if self._live_index:
            self._rows_out += sqlite_adapter.count_search_rows(self.db, old_ids)
            if self._rows_out > self._rows_out_limit:
                sqlite_adapter.empty_index(self.db)
                self._live_index = False
        sqlite_adapter.delete_search_rows(self.db, old_ids, indexed=self._live_index)
        self._delete_books(list(book_ids))
        self._replaced.update(book_ids)

    def _write(self, writes: Sequence[_Write]) -> bool:
        if not writes:
            return False
        search: list[tuple[str, str, str, str, str]] = []
        for book, position, rows in writes:
            self._insert_book(book, position, rows)
            search.extend(rows.search)
        self._unindexed_after = sqlite_adapter.add_built_search_rows(self.db, search)
        if self._live_index:
            self._rows_indexed += len(search)
        return True
