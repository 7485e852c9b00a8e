"""The worker owns stale results (run_latest, drop) and the order of database
writes (run_write on one thread)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThreadPool

from chatassist.ui.worker import InlineThreadPool, Worker


def _gate() -> tuple[threading.Event, Any]:
    gate = threading.Event()

    def wait_then(value: object) -> Any:
        def job() -> object:
            assert gate.wait(5)
            return value

        return job

    return gate, wait_then


def test_run_latest_delivers_only_the_newest_result_per_key(qtbot: Any) -> None:
    worker = Worker(QThreadPool())
    gate, wait_then = _gate()
    seen: list[object] = []
    with qtbot.waitSignal(worker.idle, timeout=5000):
        worker.run_latest("analysis", wait_then("old"), seen.append, seen.append)
        worker.run_latest("analysis", wait_then("new"), seen.append, seen.append)
        worker.run_latest("other", wait_then("other"), seen.append)
        gate.set()
    worker.wait_for_done()
    assert sorted(map(str, seen)) == ["new", "other"]


def test_a_stale_error_is_dropped_too(qtbot: Any) -> None:
    worker = Worker(QThreadPool())
    gate, wait_then = _gate()
    errors: list[Exception] = []
    results: list[object] = []

    def fails() -> object:
        assert gate.wait(5)
        raise ValueError("old")

    with (
        qtbot.assert_not_emitted(worker.failed),
        qtbot.waitSignal(worker.idle, timeout=5000),
    ):
        worker.run_latest("k", fails, results.append, errors.append)
        worker.run_latest("k", wait_then("new"), results.append, errors.append)
        gate.set()
    worker.wait_for_done()
    assert results == ["new"] and errors == []


def test_drop_makes_running_jobs_stale(qtbot: Any) -> None:
    worker = Worker(InlineThreadPool())
    seen: list[object] = []
    worker.run_latest("k", lambda: 1, seen.append)
    assert worker.is_latest_pending("k")
    worker.drop("k")  # the input was cleared before the result arrived
    assert not worker.is_latest_pending("k")
    with qtbot.waitSignal(worker.idle, timeout=3000):
        pass
    assert seen == []


def test_the_latest_error_without_a_handler_is_reported(qtbot: Any) -> None:
    worker = Worker(InlineThreadPool())
    with qtbot.waitSignal(worker.failed, timeout=3000) as failed:
        worker.run_latest("k", lambda: {}["missing"])
    assert "missing" in failed.args[0]


def test_writes_run_one_at_a_time_in_queue_order(qtbot: Any) -> None:
    worker = Worker(QThreadPool())
    gate = threading.Event()
    lock = threading.Lock()
    running, most, order = [0], [0], []

    def write(n: int) -> Any:
        def job() -> int:
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            assert gate.wait(5)
            with lock:
                running[0] -= 1
                order.append(n)
            return n

        return job

    done: list[int] = []
    with qtbot.waitSignal(worker.idle, timeout=5000):
        for n in range(4):
            worker.run_write(write(n), done.append)
        gate.set()
    worker.wait_for_done()
    assert most[0] == 1
    assert order == done == [0, 1, 2, 3]
