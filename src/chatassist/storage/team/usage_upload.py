"""Usage queued locally, uploaded when the server is reachable.

A use is queued with a random upload id in the same local transaction that
records it. Upload inserts the queue in one server transaction, ignoring ids
the server already has, then drops the sent rows locally: a crash between the
two re-sends them next time and the server keeps each use once. A usage record
holds the entry, language, tone, region and the entry's scenarios, never the
customer's message.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import peewee as pw

from chatassist.storage.database import Database
from chatassist.storage.models import EntryRow, UsageRow
from chatassist.storage.team import replica
from chatassist.storage.team.replica_models import UsageQueueRow
from chatassist.storage.team.server_models import bind
from chatassist.storage.usage import HALF_LIFE_WEEKS, HORIZON_WEEKS, UsageLog


def upload(database: Database, db: pw.Database) -> int:
    """Send every queued use; returns how many were sent (the server keeps each once)."""
    queued = replica.queued_usage(database)
    if not queued:
        return 0
    m = bind(db)
    rows = [
        {
            "upload_id": uuid.UUID(q["upload_id"]),
            "entry_id": q["entry_id"],
            "language": q["language"],
            "tone": q["tone"],
            "region": q["region"],
            "scenarios": UsageQueueRow.scenarios.db_value(q["scenarios"]),
            "used_at": q["used_at"].replace(tzinfo=UTC),
        }
        for q in queued
    ]
    with db.atomic():
        for start in range(0, len(rows), 1000):
            m.usage_event.insert_many(rows[start : start + 1000]).on_conflict_ignore().execute()
    replica.drop_uploaded(database, [q["upload_id"] for q in queued])
    return len(rows)


def team_heat(db: pw.Database) -> dict[str, float]:
    """Per entry: the team's uses, each counting 0.5 ** (weeks since), last 12 weeks."""
    rows = db.execute_sql(
        "SELECT entry_id, sum(power(0.5, extract(epoch FROM (now() - used_at)) "
        "/ (604800.0 * %s))) FROM usage_heat WHERE used_at >= now() - %s * interval '1 week' "
        "GROUP BY entry_id",
        (HALF_LIFE_WEEKS, HORIZON_WEEKS),
    ).fetchall()
    return {str(e): float(s) for e, s in rows}


class TeamUsageLog(UsageLog):
    """The usage log of a joined data folder: every use is also queued for the
    team, and the heat is the team's (as of the last sync) plus this machine's
    uses not yet uploaded."""

    def record(
        self,
        entry_id: str,
        language: str,
        tone: str,
        region: str = "",
        when: datetime | None = None,
    ) -> None:
        used_at = replica.utc_naive(when) if when else datetime.now(UTC).replace(tzinfo=None)

        def write() -> None:
            UsageRow.create(
                entry_id=entry_id, language=language, tone=tone, region=region, used_at=used_at
            )
            entry = EntryRow.get_or_none(EntryRow.id == entry_id)
            UsageQueueRow.create(
                upload_id=str(uuid.uuid4()),
                entry_id=entry_id,
                language=language,
                tone=tone,
                region=region,
                scenarios=list(entry.scenarios) if entry is not None else [],
                used_at=used_at,
            )

        self.database.run(write)

    def hot_scores(self, now: datetime | None = None) -> dict[str, float]:
        now = now or datetime.now(UTC).replace(tzinfo=None)
        scores = replica.team_heat(self.database)
        since = now - timedelta(weeks=HORIZON_WEEKS)
        with self.database.reading():
            pending = UsageQueueRow.select(UsageQueueRow.entry_id, UsageQueueRow.used_at).where(
                UsageQueueRow.used_at >= since
            )
            for entry_id, used_at in pending.tuples():
                weeks = max(0.0, (now - used_at).total_seconds() / (7 * 86400))
                scores[entry_id] = scores.get(entry_id, 0.0) + 0.5 ** (weeks / HALF_LIFE_WEEKS)
        return scores
