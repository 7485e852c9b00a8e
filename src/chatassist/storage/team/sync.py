"""Pulling the team library into the local replica.

Everything that changed since the replica's revision is read from the server
in one snapshot (REPEATABLE READ, read only), then applied locally in one
SQLite transaction together with the new revision. A server that goes away
mid-way leaves the replica at its old revision, untouched; the next sync
starts again from there. Suggestions and search only ever read the replica.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import peewee as pw

from chatassist.storage import sqlite_adapter
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary
from chatassist.storage.models import EntryRow, PhrasebookRow
from chatassist.storage.team import replica, schema, usage_upload
from chatassist.storage.team.replica import CHUNK, ChangedBy
from chatassist.storage.team.replica_models import TeamEntryRow
from chatassist.storage.team.server_models import bind

PAGE = 2000
_ENTRY_COLUMNS = (
    "id",
    "phrasebook_id",
    "position",
    "kind",
    "scenarios",
    "tags",
    "segments",
    "regions",
    "pinned",
    "gloss",
    "body",
    "placeholder_kinds",
)
_ENTRY_KEYS = (*_ENTRY_COLUMNS, "revision", "changed_by", "changed_at", "deleted")
_BOOK_FIELDS = (
    "id",
    "version",
    "position",
    "title",
    "description",
    "do_not_translate",
    "placeholder_kinds",
)


@dataclass
class SyncReport:
    server: str
    before: int
    after: int
    books: int = 0
    entries: int = 0
    removed: int = 0
    uploaded: int = 0
    seconds: float = 0.0
    changed_ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def to_json(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "revision_before": self.before,
            "revision": self.after,
            "phrasebooks": self.books,
            "entries": self.entries,
            "removed": self.removed,
            "uploaded_uses": self.uploaded,
            "seconds": round(self.seconds, 3),
            "warnings": self.warnings,
        }

    def lines(self) -> list[str]:
        if not self.changed:
            head = f"{self.server}: up to date at revision {self.after}"
        else:
            head = (
                f"{self.server}: revision {self.before} -> {self.after}: {self.entries} entries "
                f"updated, {self.removed} removed, {self.books} phrasebooks"
            )
        return [head, f"uploaded {self.uploaded} uses", *(f"warning: {w}" for w in self.warnings)]


@dataclass
class _Head:
    """What the server's snapshot holds besides the entries: read first."""

    revision: int
    books: list[dict[str, Any]]
    heat: dict[str, float]


@dataclass
class _Page:
    entries: list[dict[str, Any]]
    keywords: str | None  # one JSON array of [entry_id, language, [word, ...]]
    variants: str | None  # one JSON array of [entry_id, language, tone, text, vetted]


class _PullFailed(Exception):
    """The server read failed (in the pulling thread): carries its error past the
    local transaction, which must not take a server error for an SQLite one."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


_END = object()


def sync(
    database: Database,
    db: pw.Database,
    server: str,
    *,
    on_page: Callable[[int], None] | None = None,
) -> SyncReport:
    """Upload queued usage, then pull what changed since the replica's revision."""
    started = time.perf_counter()
    schema.require_current(db, server)
    warnings = schema.locale_warnings(db, server)
    uploaded = usage_upload.upload(database, db)
    local = replica.state(database)
    since = local.revision if local.server == server else 0
    current = int(db.execute_sql("SELECT revision FROM library_state").fetchone()[0])
    if current < since:
        since = 0  # the server was restored from an older backup: pull it whole
    if since == 0 and not PhrasebookLibrary(database).is_empty():
        # The first pull replaces the local library with the team's: keep a copy.
        database.backup("before-team-sync")
    with _Puller(db, since, on_page) as puller:
        try:
            head = puller.head()
            report = SyncReport(server, since, head.revision, uploaded=uploaded, warnings=warnings)
            _apply(database, server, since, head, puller, report)
        except _PullFailed as failed:
            raise failed.error from None
    report.seconds = time.perf_counter() - started
    return report


class _Puller:
    """Reads the server's snapshot in a thread of its own while this one applies it.

    The pages come through a queue in order: the local apply of one page (SQLite
    inserts, in C, the GIL released) overlaps the server's reading of the next (a
    first sync of 10,000 entries waits ~5 s on the server).
    The thread has its own connection (peewee keeps one per thread) and one
    REPEATABLE READ snapshot; an error there reaches the consumer as _PullFailed.
    """

    def __init__(self, db: pw.Database, since: int, on_page: Callable[[int], None] | None):
        self.db, self.since, self.on_page = db, since, on_page
        self.queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="chatassist-team-pull", daemon=True)

    def __enter__(self) -> _Puller:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()  # a failed apply: the thread stops after its current page
        self.thread.join()

    def _run(self) -> None:
        try:
            self._pull()
        except BaseException as exc:  # handed to the consumer, raised there
            self.queue.put(_PullFailed(exc))
        finally:
            with suppress(Exception):  # a dead server: the socket is gone already
                self.db.close()  # this thread's connection only

    def _get(self) -> object:
        item = self.queue.get()
        if isinstance(item, _PullFailed):
            raise item
        return item

    def head(self) -> _Head:
        """What the snapshot holds besides the entries; raises _PullFailed."""
        item = self._get()
        assert isinstance(item, _Head)
        return item

    def pages(self) -> Iterator[_Page]:
        """The snapshot's entry pages; raises _PullFailed if the server read failed."""
        while (item := self._get()) is not _END:
            assert isinstance(item, _Page)
            yield item

    def _pull(self) -> None:
        db, since = self.db, self.since
        m = bind(db)
        with db.atomic():
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            revision = int(db.execute_sql("SELECT revision FROM library_state").fetchone()[0])
            heat = usage_upload.team_heat(db)
            if revision == since:  # up to date: nothing more to read
                self.queue.put(_Head(revision, [], heat))
                self.queue.put(_END)
                return
            P = m.phrasebook
            books = list(P.select().where((P.revision > since) & (P.revision <= revision)).dicts())
            self.queue.put(_Head(revision, books, heat))
            last, count = "", 0
            while not self.stop.is_set():
                # Raw rows: the JSON columns go to SQLite as the text they are (peewee's
                # decode and re-encode of 70,000 cells cost 0.7 s of a first sync).
                rows = db.execute_sql(
                    f"SELECT {', '.join(_ENTRY_COLUMNS)}, revision, changed_by, changed_at, "
                    "deleted FROM entry WHERE revision > %s AND revision <= %s AND id > %s "
                    "ORDER BY id LIMIT %s",
                    (since, revision, last, PAGE),
                ).fetchall()
                entries = [dict(zip(_ENTRY_KEYS, row, strict=True)) for row in rows]
                if not entries:
                    break
                last = entries[-1]["id"]
                page = _Page(entries, None, None)
                ids = [r["id"] for r in entries if not r["deleted"]]
                if ids:
                    # Plain rows (no JSON in them): ~30 per entry, so no per-row model
                    # objects. ~90 keywords per entry: one JSON text per page, which
                    # SQLite's json_each unpacks, instead of a Python tuple per row.
                    # Grouped by entry and language, each with its words in order: a
                    # third of the text of one array per keyword, and fewer values for
                    # SQLite to pick out of it.
                    page.keywords = db.execute_sql(
                        "SELECT coalesce(json_agg(json_build_array(entry_id, language, words) "
                        "ORDER BY entry_id, language), '[]')::text FROM ("
                        "SELECT entry_id, language, json_agg(text ORDER BY position) AS words "
                        "FROM keyword WHERE entry_id = ANY(%s) GROUP BY entry_id, language) k",
                        (ids,),
                    ).fetchone()[0]
                    page.variants = db.execute_sql(
                        "SELECT coalesce(json_agg(json_build_array(entry_id, language, tone, "
                        "text, vetted::int) ORDER BY id), '[]')::text "
                        "FROM variant WHERE entry_id = ANY(%s)",
                        (ids,),
                    ).fetchone()[0]
                count += len(entries)
                self.queue.put(page)
                if self.on_page is not None:
                    self.on_page(count)
        self.queue.put(_END)


def _apply(
    database: Database,
    server: str,
    since: int,
    head: _Head,
    puller: _Puller,
    report: SyncReport,
) -> None:
    sqlite = database.db
    live_books = [b for b in head.books if not b["deleted"]]
    dead_books = [b["id"] for b in head.books if b["deleted"]]
    live: list[dict[str, Any]] = []
    changed: list[str] = []
    removed: list[str] = []

    def work() -> None:
        if since == 0:
            # A first (or re-started) sync: the replica becomes the team's library.
            PhrasebookRow.delete().execute()  # cascades, through the indexes kept so far
            TeamEntryRow.delete().execute()
        for book in live_books:
            # UPDATE, else INSERT; not an upsert: SQLite lets an outer statement's
            # conflict policy override the library_change triggers' OR REPLACE, and
            # an upsert's ABORT made every update of a known phrasebook fail.
            values = {k: book[k] for k in _BOOK_FIELDS}
            header = {getattr(PhrasebookRow, k): values[k] for k in _BOOK_FIELDS if k != "id"}
            if not PhrasebookRow.update(header).where(PhrasebookRow.id == book["id"]).execute():
                PhrasebookRow.insert(**values).execute()
        # A whole library anew: its keyword and variant indexes are built once after
        # the last page (half the cost of keeping them up to date row by row).
        with sqlite_adapter.indexes_built_after(sqlite, "keyword", "variant", when=not since):
            for page in puller.pages():
                changed.extend(e["id"] for e in page.entries)
                live.extend(e for e in page.entries if not e["deleted"])
                removed.extend(e["id"] for e in page.entries if e["deleted"])
                _apply_page(sqlite, page, replace=bool(since))
        # The search rows of every changed entry (removed ones lose theirs) in a
        # constant number of statements; a whole sync indexes the library in one pass
        # (twice as fast as page by page).
        sqlite_adapter.rebuild_search_index(sqlite, changed if since else None)
        replica.drop_entries(removed)
        replica.record_entries(
            ChangedBy(e["id"], int(e["revision"]), str(e["changed_by"]), e["changed_at"])
            for e in live
        )
        for book_id in dead_books:
            PhrasebookRow.delete().where(PhrasebookRow.id == book_id).execute()
        replica.replace_heat(head.heat)
        replica.write_state(server, head.revision, datetime.now(UTC))

    database.run(work)
    report.books = len(head.books)
    report.entries = len(live)
    report.removed = len(removed)
    report.changed_ids = changed


def _apply_page(sqlite: pw.Database, page: _Page, *, replace: bool) -> None:
    """One page of entries into the replica (``replace``: their old rows go first)."""
    if replace:
        ids = [e["id"] for e in page.entries]
        for start in range(0, len(ids), CHUNK):
            EntryRow.delete().where(EntryRow.id.in_(ids[start : start + CHUNK])).execute()
    sqlite.cursor().executemany(
        f"INSERT INTO entry ({', '.join(_ENTRY_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_ENTRY_COLUMNS))})",
        [tuple(e[c] for c in _ENTRY_COLUMNS) for e in page.entries if not e["deleted"]],
    )
    if page.keywords is not None:
        sqlite.execute_sql(
            "INSERT INTO keyword (entry_id, language, words) "
            "SELECT value ->> 0, value ->> 1, value -> 2 FROM json_each(?)",
            (page.keywords,),
        )
    if page.variants is not None:
        sqlite.execute_sql(
            "INSERT INTO variant (entry_id, language, tone, text, vetted) "
            "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 "
            "FROM json_each(?)",
            (page.variants,),
        )


def sync_linked(database: Database, server: str) -> SyncReport:
    """Connect to ``server``, sync, disconnect (what the sidebar runs in its worker)."""
    from chatassist.storage.team import connection

    with connection.session(server) as db:
        return sync(database, db, server)
