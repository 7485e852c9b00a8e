"""The response clock: how long each customer's unanswered message has waited.

The playbook's targets: a first response within 30 s (amber from 20 s, red
from 30 s). The clock starts when a customer's message arrives (is pasted or
copied into the sidebar) and stops when a reply is copied for them; each stop
is one response time. Plain data and an injected time source (``now``, in
seconds, monotonic), so tests drive it with a fake clock. No Qt.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

AMBER_AFTER_S = 20.0
RED_AFTER_S = 30.0
#: First responses within this many seconds count towards the 98 % target.
TARGET_S = 30.0


class Level(StrEnum):
    IDLE = "idle"  # nothing waiting
    OK = "ok"
    AMBER = "amber"
    RED = "red"


def level_for(seconds: float | None) -> Level:
    if seconds is None:
        return Level.IDLE
    if seconds >= RED_AFTER_S:
        return Level.RED
    if seconds >= AMBER_AFTER_S:
        return Level.AMBER
    return Level.OK


@dataclass(frozen=True)
class ResponseTime:
    """One answered message: how long it waited, and what it was about (never its text)."""

    customer: int
    seconds: float
    urgent: bool = False
    scenario: str = ""
    region: str = ""


@dataclass
class _Waiting:
    since: float
    urgent: bool = False
    scenario: str = ""
    region: str = ""


@dataclass
class ResponseClock:
    now: Callable[[], float] = time.monotonic
    _waiting: dict[int, _Waiting] = field(default_factory=dict)

    def message_arrived(self, customer: int) -> None:
        """A message from ``customer`` arrived; a second one while waiting keeps the first time."""
        self._waiting.setdefault(customer, _Waiting(self.now()))

    def classify(self, customer: int, *, urgent: bool, scenario: str, region: str) -> None:
        """What the analysis found, for ordering and statistics (the clock keeps running)."""
        waiting = self._waiting.get(customer)
        if waiting is not None:
            waiting.urgent, waiting.scenario, waiting.region = urgent, scenario, region

    def answered(self, customer: int) -> ResponseTime | None:
        """A reply was copied for ``customer``: the clock stops; None when nothing waited."""
        waiting = self._waiting.pop(customer, None)
        if waiting is None:
            return None
        seconds = max(0.0, self.now() - waiting.since)
        return ResponseTime(customer, seconds, waiting.urgent, waiting.scenario, waiting.region)

    def forget(self, customer: int) -> None:
        self._waiting.pop(customer, None)

    def elapsed(self, customer: int) -> float | None:
        waiting = self._waiting.get(customer)
        return None if waiting is None else max(0.0, self.now() - waiting.since)

    def waiting(self) -> tuple[int, ...]:
        """The customers whose clock runs."""
        return tuple(self._waiting)

    def level(self, customer: int) -> Level:
        return level_for(self.elapsed(customer))

    def is_urgent(self, customer: int) -> bool:
        waiting = self._waiting.get(customer)
        return waiting is not None and waiting.urgent

    def order(self, customers: Sequence[int]) -> list[int]:
        """Urgent waiting customers first, then the other waiting ones (longest wait
        first within each), then the rest in the order given."""

        def key(item: tuple[int, int]) -> tuple[int, float, int]:
            position, customer = item
            waiting = self._waiting.get(customer)
            if waiting is None:
                return (2, 0.0, position)
            return (0 if waiting.urgent else 1, waiting.since, position)

        return [c for _, c in sorted(enumerate(customers), key=key)]


@dataclass(frozen=True)
class ResponseFigures:
    """First-response figures over some response times (a session, a week)."""

    responses: int
    median_s: float | None
    share_within_target: float | None  # 0..1

    def to_json(self) -> dict[str, object]:
        return {
            "responses": self.responses,
            "median_s": None if self.median_s is None else round(self.median_s, 1),
            "share_within_target": (
                None if self.share_within_target is None else round(self.share_within_target, 4)
            ),
        }


def figures(seconds: Iterable[float], target: float = TARGET_S) -> ResponseFigures:
    values = list(seconds)
    if not values:
        return ResponseFigures(0, None, None)
    within = sum(1 for s in values if s <= target)
    return ResponseFigures(len(values), statistics.median(values), within / len(values))
