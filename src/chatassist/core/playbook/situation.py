"""What the playbook rules look at: the customer's situation, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from chatassist.core.playbook.money import Money

#: A detected scenario counts for a rule when its score is at least this share
#: of the best one: a passing mention ("late" in a size question) does not fire.
STRONG_SHARE = 0.5


@dataclass(frozen=True)
class Situation:
    scenarios: tuple[tuple[str, float], ...]  # (scenario id, score), best first
    segment: str | None = None
    region: str = ""
    order_value: Money | None = None
    year_spend: Money | None = None  # what the customer spent in the last 12 months
    order_age_days: int | None = None
    text: str = ""  # the customer's message (hints look for words in it)
    language: str = ""

    def strong_scenarios(self) -> tuple[str, ...]:
        if not self.scenarios:
            return ()
        top = max(score for _, score in self.scenarios)
        return tuple(sid for sid, score in self.scenarios if score >= top * STRONG_SHARE)
