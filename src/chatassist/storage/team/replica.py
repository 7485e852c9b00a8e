"""What a local data folder remembers of its team library, in its own SQLite.

The revision it has and when it last synced (``team_state``), each entry's
server revision and who changed it last (``team_entry``), usage not yet
uploaded (``team_usage_queue``) and the team's heat (``team_heat``). All of it
changes inside the same local transactions as the library rows it describes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import peewee as pw

from chatassist.storage.database import Database
from chatassist.storage.team.replica_models import (
    TeamEntryRow,
    TeamHeatRow,
    TeamStateRow,
    UsageQueueRow,
)

CHUNK = 500  # far below SQLite's variable limit


def utc_naive(moment: datetime) -> datetime:
    """Local tables keep naive UTC times (as the usage log does)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


@dataclass(frozen=True)
class ChangedBy:
    """Who changed an entry last on the team server, and when (UTC)."""

    entry_id: str
    revision: int
    user: str
    at: datetime


@dataclass(frozen=True)
class ReplicaState:
    server: str
    revision: int
    synced_at: datetime | None


def state(database: Database) -> ReplicaState:
    with database.reading():
        values = {r.key: r.value for r in TeamStateRow.select()}
    synced = values.get("synced_at")
    return ReplicaState(
        server=values.get("server", ""),
        revision=int(values.get("revision", "0")),
        synced_at=datetime.fromisoformat(synced) if synced else None,
    )


def write_state(server: str, revision: int, synced_at: datetime) -> None:
    """Inside a local transaction: the replica now holds ``revision`` of ``server``."""
    rows = [
        {"key": "server", "value": server},
        {"key": "revision", "value": str(revision)},
        {"key": "synced_at", "value": utc_naive(synced_at).isoformat()},
    ]
    TeamStateRow.insert_many(rows).on_conflict_replace().execute()


def forget(database: Database) -> None:
    """Leaving the team: the library stays, what tied it to the server goes."""

    def work() -> None:
        TeamStateRow.delete().execute()
        TeamEntryRow.delete().execute()
        TeamHeatRow.delete().execute()

    database.run(work)


def entry_revisions(database: Database) -> dict[str, int]:
    with database.reading():
        return {
            e: int(r)
            for e, r in TeamEntryRow.select(TeamEntryRow.entry_id, TeamEntryRow.revision).tuples()
        }


def changed_by(database: Database, entry_id: str) -> ChangedBy | None:
    with database.reading():
        row = TeamEntryRow.get_or_none(TeamEntryRow.entry_id == entry_id)
    if row is None:
        return None
    return ChangedBy(row.entry_id, int(row.revision), str(row.changed_by), row.changed_at)


def record_entries(rows: Iterable[ChangedBy]) -> None:
    """Inside a local transaction: remember the server revision of these entries
    (one prepared statement: peewee's multi-row INSERTs took 4.9 s of a 10,000-entry
    first sync just to build their SQL)."""
    field = TeamEntryRow.changed_at
    db: pw.Database = TeamEntryRow._meta.database
    db.cursor().executemany(
        "INSERT OR REPLACE INTO team_entry (entry_id, revision, changed_by, changed_at) "
        "VALUES (?, ?, ?, ?)",
        [(r.entry_id, r.revision, r.user, field.db_value(utc_naive(r.at))) for r in rows],
    )


def drop_entries(entry_ids: Sequence[str]) -> None:
    for start in range(0, len(entry_ids), CHUNK):
        chunk = list(entry_ids[start : start + CHUNK])
        TeamEntryRow.delete().where(TeamEntryRow.entry_id.in_(chunk)).execute()


def replace_heat(scores: dict[str, float]) -> None:
    TeamHeatRow.delete().execute()
    rows = [{"entry_id": e, "score": s} for e, s in scores.items()]
    for start in range(0, len(rows), CHUNK):
        TeamHeatRow.insert_many(rows[start : start + CHUNK]).execute()


def team_heat(database: Database) -> dict[str, float]:
    with database.reading():
        return {
            e: float(s)
            for e, s in TeamHeatRow.select(TeamHeatRow.entry_id, TeamHeatRow.score).tuples()
        }


def queued_usage(database: Database) -> list[dict[str, Any]]:
    with database.reading():
        return list(UsageQueueRow.select().order_by(UsageQueueRow.used_at).dicts())


def pending_uploads(database: Database) -> int:
    with database.reading():
        return int(UsageQueueRow.select().count())


def drop_uploaded(database: Database, upload_ids: Sequence[str]) -> None:
    def work() -> None:
        for start in range(0, len(upload_ids), CHUNK):
            chunk = list(upload_ids[start : start + CHUNK])
            UsageQueueRow.delete().where(UsageQueueRow.upload_id.in_(chunk)).execute()

    database.run(work)


def bulk_insert(model: Any, rows: list[dict[str, Any]]) -> None:
    """Many rows with one prepared statement (values through each field's db_value)."""
    if not rows:
        return
    db: pw.Database = model._meta.database
    fields = [model._meta.fields[name] for name in rows[0]]
    columns = ", ".join(f.column_name for f in fields)
    marks = ", ".join([db.param] * len(fields))
    sql = f"INSERT INTO {model._meta.table_name} ({columns}) VALUES ({marks})"
    values = [tuple(f.db_value(row[f.name]) for f in fields) for row in rows]
    db.cursor().executemany(sql, values)
