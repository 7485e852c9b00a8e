"""What the editor's statistics show of response times: figures per (week,
region) and per sidebar session, as ``storage.responses`` counted them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from chatassist.core.playbook.response_clock import ResponseFigures


@dataclass(frozen=True, order=True)
class WeeklyResponses:
    week: date  # the Monday the week starts on
    region: str
    figures: ResponseFigures


@dataclass(frozen=True)
class SessionResponses:
    session: str
    started: datetime  # the first answer of the session (UTC)
    figures: ResponseFigures


@dataclass(frozen=True)
class ResponseReport:
    """What the editor's statistics show of response times."""

    weekly: list[WeeklyResponses]
    sessions: list[SessionResponses]
