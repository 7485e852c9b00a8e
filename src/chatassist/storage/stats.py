"""Usage statistics for trainers: the one query over ``UsageRow``.

:func:`weekly_counts` counts uses by week, entry, language and region; the
pure functions over its result (rankings, weeks, CSV) live in
``core.statistics.usage`` and are re-exported here for existing callers.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from chatassist.core.statistics.usage import (
    CSV_HEADER,
    Ranked,
    UsageCount,
    counts_csv,
    least_used,
    most_used,
    never_used,
    week_of,
    weeks,
)
from chatassist.storage.database import Database
from chatassist.storage.models import UsageRow

__all__ = [
    "CSV_HEADER",
    "Ranked",
    "UsageCount",
    "counts_csv",
    "least_used",
    "most_used",
    "never_used",
    "week_of",
    "weekly_counts",
    "weeks",
]


def weekly_counts(
    database: Database, since: datetime | None = None, until: datetime | None = None
) -> list[UsageCount]:
    """Uses grouped by (week, entry, language, region), sorted."""
    counter: Counter[tuple[date, str, str, str]] = Counter()
    with database.reading():
        query = UsageRow.select(
            UsageRow.used_at, UsageRow.entry_id, UsageRow.language, UsageRow.region
        )
        if since is not None:
            query = query.where(UsageRow.used_at >= since)
        if until is not None:
            query = query.where(UsageRow.used_at < until)
        for used_at, entry_id, language, region in query.tuples():
            counter[(week_of(used_at), entry_id, language, region or "")] += 1
    return sorted(UsageCount(*key, uses) for key, uses in counter.items())
