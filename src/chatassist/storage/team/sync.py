"""Pulling the team library into the local replica.

Everything that changed since the replica's revision is read from the server
in one snapshot (REPEATABLE READ, read only), then applied locally in one
SQLite transaction together with the new revision. A server that goes away
mid-way leaves the replica at its old revision, untouched; the next sync
starts again from there. Suggestions and search only ever read the replica.
"""

from __future__ import annotations

import time
from collections.abc import Callable
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
class _Pulled:
    revision: int
    books: list[dict[str, Any]]
    entries: list[dict[str, Any]]
    keywords: list[str]  # JSON arrays of [entry_id, language, position, text]
    variants: list[str]  # JSON arrays of [entry_id, language, tone, text, vetted]
    heat: dict[str, float]


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
    pulled = _pull(db, since, on_page)
    report = SyncReport(server, since, pulled.revision, uploaded=uploaded, warnings=warnings)
    _apply(database, server, since, pulled, report)
    report.seconds = time.perf_counter() - started
    return report


def _pull(db: pw.Database, since: int, on_page: Callable[[int], None] | None) -> _Pulled:
    m = bind(db)
    with db.atomic():
        db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        revision = int(db.execute_sql("SELECT revision FROM library_state").fetchone()[0])
        heat = usage_upload.team_heat(db)
        pulled = _Pulled(revision, [], [], [], [], heat)
        if revision == since:
            return pulled
        P = m.phrasebook
        pulled.books = list(
            P.select().where((P.revision > since) & (P.revision <= revision)).dicts()
        )
        last = ""
        while True:
            # Raw rows: the JSON columns go to SQLite as the text they are (peewee's
            # decode and re-encode of 70,000 cells cost 0.7 s of a first sync).
            rows = db.execute_sql(
                f"SELECT {', '.join(_ENTRY_COLUMNS)}, revision, changed_by, changed_at, deleted "
                "FROM entry WHERE revision > %s AND revision <= %s AND id > %s "
                "ORDER BY id LIMIT %s",
                (since, revision, last, PAGE),
            ).fetchall()
            page = [dict(zip(_ENTRY_KEYS, row, strict=True)) for row in rows]
            if not page:
                break
            last = page[-1]["id"]
            pulled.entries += page
            ids = [r["id"] for r in page if not r["deleted"]]
            if ids:
                # Plain rows (no JSON in them): ~30 per entry, so no per-row model objects.
                # ~90 keywords per entry: one JSON text per page, which SQLite's
                # json_each unpacks, instead of a Python tuple per row both ways.
                pulled.keywords.append(
                    db.execute_sql(
                        "SELECT coalesce(json_agg(json_build_array(entry_id, language, "
                        "position, text) ORDER BY entry_id, language, position), '[]')::text "
                        "FROM keyword WHERE entry_id = ANY(%s)",
                        (ids,),
                    ).fetchone()[0]
                )
                pulled.variants.append(
                    db.execute_sql(
                        "SELECT coalesce(json_agg(json_build_array(entry_id, language, tone, "
                        "text, vetted::int) ORDER BY id), '[]')::text "
                        "FROM variant WHERE entry_id = ANY(%s)",
                        (ids,),
                    ).fetchone()[0]
                )
            if on_page is not None:
                on_page(len(pulled.entries))
    return pulled


def _apply(
    database: Database, server: str, since: int, pulled: _Pulled, report: SyncReport
) -> None:
    sqlite = database.db
    live_books = [b for b in pulled.books if not b["deleted"]]
    dead_books = [b["id"] for b in pulled.books if b["deleted"]]
    live = [e for e in pulled.entries if not e["deleted"]]
    changed = [e["id"] for e in pulled.entries]

    def work() -> None:
        if since == 0:
            # A first (or re-started) sync: the replica becomes the team's library
            # (its search index is rebuilt whole below).
            PhrasebookRow.delete().execute()
            TeamEntryRow.delete().execute()
        for book in live_books:
            # UPDATE, else INSERT; not an upsert: SQLite lets an outer statement's
            # conflict policy override the library_change triggers' OR REPLACE, and
            # an upsert's ABORT made every update of a known phrasebook fail.
            values = {k: book[k] for k in _BOOK_FIELDS}
            header = {getattr(PhrasebookRow, k): values[k] for k in _BOOK_FIELDS if k != "id"}
            if not PhrasebookRow.update(header).where(PhrasebookRow.id == book["id"]).execute():
                PhrasebookRow.insert(**values).execute()
        for start in range(0, len(changed), CHUNK):
            chunk = changed[start : start + CHUNK]
            EntryRow.delete().where(EntryRow.id.in_(chunk)).execute()  # cascades
        sqlite.cursor().executemany(
            f"INSERT INTO entry ({', '.join(_ENTRY_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_ENTRY_COLUMNS))})",
            [tuple(e[c] for c in _ENTRY_COLUMNS) for e in live],
        )
        sqlite.cursor().executemany(
            "INSERT INTO keyword (entry_id, language, position, text) "
            "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)",
            [(page,) for page in pulled.keywords],
        )
        sqlite.cursor().executemany(
            "INSERT INTO variant (entry_id, language, tone, text, vetted) "
            "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 "
            "FROM json_each(?)",
            [(page,) for page in pulled.variants],
        )
        # The search rows of every changed entry (removed ones lose theirs) in a
        # constant number of statements; a first sync rebuilds the whole index.
        sqlite_adapter.rebuild_search_index(sqlite, changed if since else None)
        replica.drop_entries([e["id"] for e in pulled.entries if e["deleted"]])
        replica.record_entries(
            ChangedBy(e["id"], int(e["revision"]), str(e["changed_by"]), e["changed_at"])
            for e in live
        )
        for book_id in dead_books:
            PhrasebookRow.delete().where(PhrasebookRow.id == book_id).execute()
        replica.replace_heat(pulled.heat)
        replica.write_state(server, pulled.revision, datetime.now(UTC))

    database.run(work)
    report.books = len(pulled.books)
    report.entries = len(live)
    report.removed = len(pulled.entries) - len(live)
    report.changed_ids = changed


def sync_linked(database: Database, server: str) -> SyncReport:
    """Connect to ``server``, sync, disconnect (what the sidebar runs in its worker)."""
    from chatassist.storage.team import connection

    with connection.session(server) as db:
        return sync(database, db, server)
