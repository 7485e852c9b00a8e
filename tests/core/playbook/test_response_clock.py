"""The response clock with a fake time source: levels, stopping, ordering, figures."""

from __future__ import annotations

from chatassist.core.playbook.response_clock import (
    Level,
    ResponseClock,
    ResponseTime,
    figures,
)


class FakeTime:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_levels_turn_amber_at_20_and_red_at_30_seconds() -> None:
    now = FakeTime()
    clock = ResponseClock(now)
    assert clock.level(1) is Level.IDLE and clock.elapsed(1) is None
    clock.message_arrived(1)
    now.t += 19.9
    assert clock.level(1) is Level.OK
    now.t += 0.1
    assert clock.level(1) is Level.AMBER
    now.t += 10
    assert clock.level(1) is Level.RED and clock.elapsed(1) == 30.0


def test_a_copied_reply_stops_the_clock_and_gives_the_response_time() -> None:
    now = FakeTime()
    clock = ResponseClock(now)
    clock.message_arrived(1)
    now.t += 5
    clock.message_arrived(1)  # a second message while waiting keeps the first time
    clock.classify(1, urgent=True, scenario="refund_request", region="europe")
    now.t += 7
    assert clock.answered(1) == ResponseTime(1, 12.0, True, "refund_request", "europe")
    assert clock.level(1) is Level.IDLE
    assert clock.answered(1) is None  # nothing waits any more
    assert clock.waiting() == ()


def test_urgent_and_waiting_customers_come_first_longest_wait_first() -> None:
    now = FakeTime()
    clock = ResponseClock(now)
    clock.message_arrived(3)  # waiting, not urgent, oldest
    now.t += 1
    clock.message_arrived(4)
    clock.classify(4, urgent=True, scenario="shipping_delay", region="")
    now.t += 1
    clock.message_arrived(2)
    clock.classify(2, urgent=True, scenario="refund_request", region="")
    assert clock.order([1, 2, 3, 4, 5]) == [4, 2, 3, 1, 5]
    clock.answered(4)
    assert clock.order([1, 2, 3, 4, 5]) == [2, 3, 1, 4, 5]


def test_session_figures_median_and_share_within_30_seconds() -> None:
    result = figures([10.0, 25.0, 31.0, 40.0, 12.0])
    assert (result.responses, result.median_s, result.share_within_target) == (5, 25.0, 0.6)
    assert figures([]).median_s is None and figures([]).responses == 0
    assert figures([30.0]).share_within_target == 1.0  # exactly 30 s is within target
