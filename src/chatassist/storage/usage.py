"""What agents used: the 'hot' signal for ranking and the trainers' statistics."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from chatassist.storage.database import Database
from chatassist.storage.models import UsageRow

#: A use counts half as much for every week that has passed since.
HALF_LIFE_WEEKS = 1.0
HORIZON_WEEKS = 12


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class UsageLog:
    def __init__(self, database: Database) -> None:
        self.database = database

    def record(
        self,
        entry_id: str,
        language: str,
        tone: str,
        region: str = "",
        when: datetime | None = None,
    ) -> None:
        """An agent copied entry ``entry_id`` in ``language``/``tone`` (times are UTC)."""
        used_at = when or _now()

        def write() -> None:
            UsageRow.create(
                entry_id=entry_id, language=language, tone=tone, region=region, used_at=used_at
            )

        self.database.run(write)

    def hot_scores(self, now: datetime | None = None) -> dict[str, float]:
        """Per entry: sum over uses of 0.5 ** (weeks since the use), last 12 weeks."""
        now = now or _now()
        since = now - timedelta(weeks=HORIZON_WEEKS)
        scores: dict[str, float] = {}
        with self.database.reading():
            rows = UsageRow.select(UsageRow.entry_id, UsageRow.used_at).where(
                UsageRow.used_at >= since
            )
            for row in rows.tuples():
                entry_id, used_at = row
                weeks = max(0.0, (now - used_at).total_seconds() / (7 * 86400))
                scores[entry_id] = scores.get(entry_id, 0.0) + 0.5 ** (weeks / HALF_LIFE_WEEKS)
        return scores

    def count(self, entry_id: str) -> int:
        with self.database.reading():
            return int(UsageRow.select().where(UsageRow.entry_id == entry_id).count())
