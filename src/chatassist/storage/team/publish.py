"""Trainers publish phrasebooks to the team library: one server transaction,
optimistic concurrency per entry.

Every entry a trainer writes carries the server revision their copy was based
on. If the server's entry has a newer revision (someone else saved, added or
deleted it meanwhile), the whole publish is refused, naming the entry and who
changed it; nothing is written. Agents' roles have no write grants, so the
server itself refuses them whatever the client does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import peewee as pw

from chatassist.core.phrasebook.model import Entry, Phrasebook
from chatassist.core.textfold import fold
from chatassist.storage.library import BookChange
from chatassist.storage.team.connection import NOTIFY_CHANNEL
from chatassist.storage.team.errors import Conflict, PublishConflict
from chatassist.storage.team.replica import ChangedBy, utc_naive
from chatassist.storage.team.server_models import ServerModels, bind


@dataclass
class PublishResult:
    revision: int
    user: str
    at: datetime
    written: list[str] = field(default_factory=list)  # added or changed entries
    moved: list[str] = field(default_factory=list)  # only their position changed
    removed: list[str] = field(default_factory=list)

    def changed_by(self) -> list[ChangedBy]:
        return [ChangedBy(e, self.revision, self.user, self.at) for e in self.written + self.moved]

    def lines(self) -> list[str]:
        return [
            f"published revision {self.revision}: {len(self.written)} entries written, "
            f"{len(self.moved)} moved, {len(self.removed)} removed (by {self.user})"
        ]


def publish(
    db: pw.Database,
    work: Sequence[tuple[Phrasebook, BookChange]],
    base: dict[str, int],
) -> PublishResult:
    """Write the changed phrasebooks in one server transaction, or raise PublishConflict."""
    m = bind(db)
    with db.atomic():
        row = db.execute_sql(
            "UPDATE library_state SET revision = revision + 1 RETURNING revision, "
            "current_user, now()"
        ).fetchone()
        result = PublishResult(int(row[0]), str(row[1]), utc_naive(row[2]))
        conflicts: list[Conflict] = []
        plans = [_plan(m, book, change, base, conflicts) for book, change in work]
        if conflicts:
            raise PublishConflict(conflicts)
        for book, plan in zip((b for b, _ in work), plans, strict=True):
            _write(m, book, plan, result)
        db.execute_sql("SELECT pg_notify(%s, %s)", (NOTIFY_CHANNEL, str(result.revision)))
    return result


@dataclass
class _Plan:
    write: list[Entry]
    move: list[tuple[str, int]]
    remove: list[str]
    #: entries of ``write`` the server has rows for (their children are replaced)
    existing: list[str] = field(default_factory=list)


def _plan(
    m: ServerModels,
    book: Phrasebook,
    change: BookChange,
    base: dict[str, int],
    conflicts: list[Conflict],
) -> _Plan:
    ids = [e.id for e in book.entries]
    E = m.entry
    server = {
        r["id"]: r
        for r in E.select(
            E.id, E.phrasebook, E.position, E.revision, E.changed_by, E.changed_at, E.deleted
        )
        .where((E.phrasebook == book.id) | (E.id.in_(ids)))
        .dicts()
    }
    touched = set(change.added) | set(change.changed)
    plan = _Plan([], [], [])
    plan.existing = [e for e in ids if e in server]
    for position, entry in enumerate(book.entries):
        srv = server.get(entry.id)
        if entry.id in touched:
            if srv is not None and int(srv["revision"]) > base.get(entry.id, 0):
                what = (
                    "deleted"
                    if srv["deleted"]
                    else ("added" if entry.id not in base else "changed")
                )
                conflicts.append(_conflict(entry.id, srv, what))
            plan.write.append(entry)
        elif srv is None or srv["deleted"] or srv["phrasebook"] != book.id:
            # Unchanged here but not so there: deleted or moved by someone since our copy
            # is a conflict; otherwise the server lacks it and gets it whole.
            if srv is not None and int(srv["revision"]) > base.get(entry.id, 0):
                what = "deleted" if srv["deleted"] else f"moved to {srv['phrasebook']}"
                conflicts.append(_conflict(entry.id, srv, what))
            plan.write.append(entry)
        elif int(srv["position"]) != position:
            plan.move.append((entry.id, position))
    for entry_id in change.removed:
        srv = server.get(entry_id)
        if srv is None or srv["deleted"]:
            continue
        if int(srv["revision"]) > base.get(entry_id, 0):
            conflicts.append(_conflict(entry_id, srv, "changed"))
        plan.remove.append(entry_id)
    return plan


def _conflict(entry_id: str, srv: dict[str, Any], what: str) -> Conflict:
    at = srv["changed_at"]
    when = (
        at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if isinstance(at, datetime) else str(at)
    )
    return Conflict(entry_id, str(srv["phrasebook"]), str(srv["changed_by"]), when, what)


def _write(m: ServerModels, book: Phrasebook, plan: _Plan, result: PublishResult) -> None:
    rev = result.revision
    header = {
        "version": book.version,
        "title": dict(book.title),
        "description": dict(book.description),
        "do_not_translate": list(book.do_not_translate),
        "placeholder_kinds": dict(book.placeholder_kinds),
        "revision": rev,
        "changed_by": result.user,
        "changed_at": result.at.replace(tzinfo=UTC),
        "deleted": False,
    }
    P = m.phrasebook
    position = P.select(pw.fn.COALESCE(pw.fn.MAX(P.position) + 1, 0)).scalar()
    P.insert(id=book.id, position=position, **header).on_conflict(
        conflict_target=[P.id], update={getattr(P, k): v for k, v in header.items()}
    ).execute()
    positions = {e.id: i for i, e in enumerate(book.entries)}
    write_ids = [e.id for e in plan.write]
    # Only entries the server has: a first publish of 10,000 new ones deletes nothing.
    existing = set(plan.existing)
    gone = [e for e in write_ids if e in existing] + plan.remove
    if gone:
        for model in (m.keyword, m.variant, m.search_text):
            model.delete().where(model.entry.in_(gone)).execute()
    E = m.entry
    if plan.write:
        rows = [_entry_row(e, book.id, positions[e.id], rev, result) for e in plan.write]
        _upsert_entries(m, rows)
        _insert_children(m, plan.write)
    for entry_id, pos in plan.move:
        E.update(position=pos, revision=rev, changed_by=result.user).where(
            E.id == entry_id
        ).execute()
    if plan.remove:
        E.update(deleted=True, revision=rev, changed_by=result.user).where(
            E.id.in_(plan.remove)
        ).execute()
    result.written += write_ids
    result.moved += [e for e, _ in plan.move]
    result.removed += plan.remove


def _column(model: Any, name: str) -> str:
    return str(model._meta.fields[name].column_name)


def _entry_row(
    e: Entry, book_id: str, position: int, rev: int, result: PublishResult
) -> dict[str, Any]:
    return {
        "id": e.id,
        "phrasebook": book_id,
        "position": position,
        "kind": e.kind,
        "scenarios": list(e.scenarios),
        "tags": list(e.tags),
        "segments": list(e.segments),
        "regions": list(e.regions),
        "pinned": e.pinned,
        "gloss": dict(e.gloss),
        "body": dict(e.body),
        "placeholder_kinds": dict(e.placeholder_kinds),
        "revision": rev,
        "changed_by": result.user,
        "changed_at": result.at.replace(tzinfo=UTC),
        "deleted": False,
    }


def search_rows(e: Entry) -> list[tuple[str, str, str]]:
    """(language, field, text) the server's search indexes, as the local index does."""
    rows = [(v.language, "variant", v.text) for v in e.variants]
    rows += [(lang, "keyword", " · ".join(words)) for lang, words in e.keywords.items() if words]
    rows += [(lang, "gloss", text) for lang, text in e.gloss.items()]
    rows += [(lang, "body", text) for lang, text in e.body.items()]
    return rows


def _insert_children(m: ServerModels, entries: Sequence[Entry]) -> None:
    """Keywords, variants and search texts by COPY: a 10,000-entry library has
    ~200,000 of them, which multi-row INSERTs would take minutes to build."""
    keywords = [
        (e.id, lang, i, w)
        for e in entries
        for lang, words in e.keywords.items()
        for i, w in enumerate(words)
    ]
    variants = [(e.id, v.language, v.tone, v.text, v.vetted) for e in entries for v in e.variants]
    texts = [(e.id, lang, f, t, fold(t)) for e in entries for lang, f, t in search_rows(e)]
    _copy(m, m.keyword, ("entry", "language", "position", "text"), keywords)
    _copy(m, m.variant, ("entry", "language", "tone", "text", "vetted"), variants)
    _copy(m, m.search_text, ("entry", "language", "field", "text", "folded"), texts)


def _copy(m: ServerModels, model: Any, fields: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    columns = ", ".join(_column(model, f) for f in fields)
    sql = f"COPY {model._meta.table_name} ({columns}) FROM STDIN"
    with m.db.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _upsert_entries(m: ServerModels, rows: list[dict[str, Any]]) -> None:
    """INSERT … ON CONFLICT DO UPDATE, one prepared statement for all rows
    (values through each field's db_value: JSON columns as in SQLite)."""
    E = m.entry
    fields = [E._meta.fields[name] for name in rows[0]]
    columns = [f.column_name for f in fields]
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c != "id")
    marks = ", ".join(["%s"] * len(fields))
    sql = (
        f"INSERT INTO entry ({', '.join(columns)}) VALUES ({marks}) "
        f"ON CONFLICT (id) DO UPDATE SET {updates}"
    )
    values = [tuple(f.db_value(row[f.name]) for f in fields) for row in rows]
    with m.db.cursor() as cursor:
        cursor.executemany(sql, values)
