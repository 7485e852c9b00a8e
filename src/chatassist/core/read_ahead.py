"""Reading the next batch of files while the caller waits on SQLite.

A large import has two halves that each take seconds: reading and checking the
files (Python) and building the database's search index (SQLite, which lets go
of the GIL while a statement runs). One thread can do both one after the other;
``ReadAhead`` lets them overlap on a second core. The next batch is read only
when the caller says so (``start_next``), right before a long statement of its
own: two threads that both run Python only take turns on the GIL, and a thread
inserting rows one by one would wait for the GIL on every row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

B = TypeVar("B")  # one batch of work (a list of files, say)
R = TypeVar("R")  # what reading a batch gives


class ReadAhead(Generic[B, R]):
    """``read`` applied to each batch in order, the next one on a worker thread
    once ``start_next`` is called (otherwise on the caller's thread, when asked).

    Use as a context manager: leaving it (also on an error) waits for a batch
    still being read, so no thread outlives the import."""

    def __init__(self, read: Callable[[B], R], batches: Sequence[B]) -> None:
        self._read = read
        self._batches = list(batches)
        self._next = 0
        self._pending: Future[R] | None = None
        self._pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> ReadAhead[B, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def __iter__(self) -> Iterator[R]:
        while True:
            if self._pending is not None:
                pending, self._pending = self._pending, None
                yield pending.result()  # re-raises what the worker raised
            elif self._next < len(self._batches):
                self._next += 1
                yield self._read(self._batches[self._next - 1])
            else:
                return

    def start_next(self) -> None:
        """Begin reading the next batch on the worker thread (nothing if none is left
        or one is already being read)."""
        if self._pending is not None or self._next >= len(self._batches):
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-ahead")
        batch = self._batches[self._next]
        self._next += 1
        self._pending = self._pool.submit(self._read, batch)
