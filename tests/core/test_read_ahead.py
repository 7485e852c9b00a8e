"""ReadAhead: batches in order, the next one on a worker only when asked, errors passed on."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from chatassist.core.read_ahead import ReadAhead


def _reader(seen: list[tuple[int, str]]) -> Callable[[int], int]:
    def read(batch: int) -> int:
        seen.append((batch, threading.current_thread().name))
        return batch * 10

    return read


def test_batches_come_in_order_read_ahead_only_when_asked() -> None:
    seen: list[tuple[int, str]] = []
    got = []
    with ReadAhead(_reader(seen), [1, 2, 3, 4]) as reading:
        for i, value in enumerate(reading):
            got.append(value)
            if i % 2 == 0:
                reading.start_next()
                reading.start_next()  # once is enough: the same batch is not read twice
    assert got == [10, 20, 30, 40]
    assert [b for b, _ in seen] == [1, 2, 3, 4]
    caller = threading.current_thread().name
    # 1 and 3 on the caller's thread; 2 and 4, asked for ahead, on the worker.
    assert [name == caller for _, name in seen] == [True, False, True, False]


def test_an_error_while_reading_ahead_reaches_the_caller() -> None:
    def read(batch: int) -> int:
        if batch == 2:
            raise ValueError("bad batch 2")
        return batch

    got = []
    with pytest.raises(ValueError, match="bad batch 2"), ReadAhead(read, [1, 2, 3]) as reading:
        for value in reading:
            got.append(value)
            reading.start_next()
    assert got == [1]


def test_leaving_early_waits_for_the_batch_being_read() -> None:
    release = threading.Event()
    finished = threading.Event()

    def read(batch: int) -> int:
        if batch == 2:
            release.wait(5)
            finished.set()
        return batch

    with ReadAhead(read, [1, 2]) as reading:
        for _ in reading:
            reading.start_next()
            release.set()
            break
    assert finished.is_set()  # no read-ahead thread outlives the import
    assert not any(t.name.startswith("read-ahead") for t in threading.enumerate())
