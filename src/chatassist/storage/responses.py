"""Response times the agents achieved: per sidebar session and per week.

Only figures are stored (seconds, urgency, scenario, region, when, which
session), never the customer's message. Schema version 4.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime

from chatassist.core.playbook.response_clock import ResponseFigures, ResponseTime, figures
from chatassist.core.statistics.responses import ResponseReport, SessionResponses, WeeklyResponses
from chatassist.storage.database import Database
from chatassist.storage.models import ResponseTimeRow
from chatassist.storage.stats import week_of


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


__all__ = [
    "ResponseLog",
    "ResponseReport",
    "SessionResponses",
    "WeeklyResponses",
    "response_report",
]


class ResponseLog:
    def __init__(self, database: Database) -> None:
        self.database = database

    def record(self, response: ResponseTime, session: str, when: datetime | None = None) -> None:
        """One answered message of sidebar session ``session`` (times are UTC)."""

        def write() -> None:
            ResponseTimeRow.create(
                session=session,
                seconds=response.seconds,
                urgent=response.urgent,
                scenario=response.scenario,
                region=response.region,
                answered_at=when or _now(),
            )

        self.database.run(write)

    def session_figures(self, session: str) -> ResponseFigures:
        with self.database.reading():
            rows = ResponseTimeRow.select(ResponseTimeRow.seconds).where(
                ResponseTimeRow.session == session
            )
            return figures(s for (s,) in rows.tuples())

    def weekly(self, since: datetime | None = None) -> list[WeeklyResponses]:
        """First-response figures per (week, region), sorted."""
        grouped: dict[tuple[date, str], list[float]] = defaultdict(list)
        with self.database.reading():
            query = ResponseTimeRow.select(
                ResponseTimeRow.answered_at, ResponseTimeRow.region, ResponseTimeRow.seconds
            )
            if since is not None:
                query = query.where(ResponseTimeRow.answered_at >= since)
            for answered_at, region, seconds in query.tuples():
                grouped[(week_of(answered_at), region or "")].append(seconds)
        return sorted(WeeklyResponses(w, r, figures(v)) for (w, r), v in grouped.items())

    def sessions(self, limit: int = 20) -> list[SessionResponses]:
        """Figures of the latest ``limit`` sidebar sessions, most recent first."""
        grouped: dict[str, list[float]] = defaultdict(list)
        started: dict[str, datetime] = {}
        with self.database.reading():
            query = ResponseTimeRow.select(
                ResponseTimeRow.session, ResponseTimeRow.answered_at, ResponseTimeRow.seconds
            )
            for session, answered_at, seconds in query.tuples():
                grouped[session].append(seconds)
                if session not in started or answered_at < started[session]:
                    started[session] = answered_at
        latest = sorted(grouped, key=lambda s: started[s], reverse=True)[:limit]
        return [SessionResponses(s, started[s], figures(grouped[s])) for s in latest]


def response_report(database: Database) -> ResponseReport:
    log = ResponseLog(database)
    return ResponseReport(log.weekly(), log.sessions())
