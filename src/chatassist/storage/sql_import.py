"""Importing peewee without PostgreSQL's driver when no team is configured.

peewee imports psycopg when it is installed (0.15 s on a quiet machine, 0.7 s
under load: a third of a fresh ``chatassist suggest``), only to recognise its
error types; a data folder without a team never talks to PostgreSQL. So the
composition root imports peewee through `import_peewee`, and the team package,
when it imports psycopg, hands peewee the error types it skipped
(`postgres_errors_known`): peewee then maps psycopg's errors to its own exactly
as if it had imported the driver itself.
"""

from __future__ import annotations

import sys
import threading

_lock = threading.Lock()


def import_peewee(postgres: bool) -> None:
    """Import peewee now (once); without psycopg unless ``postgres``."""
    with _lock:
        if "peewee" in sys.modules:
            return
        if postgres or "psycopg" in sys.modules:
            import peewee

            return
        sys.modules["psycopg"] = None  # type: ignore[assignment]  # `import psycopg` fails
        try:
            import peewee  # noqa: F401
        finally:
            if "psycopg" in sys.modules and sys.modules["psycopg"] is None:
                del sys.modules["psycopg"]


def postgres_errors_known() -> None:
    """Give peewee psycopg's error types if it was imported without them (the team
    connection calls this when it imports psycopg)."""
    import peewee
    from psycopg import errors

    if peewee.pg3_errors is None:
        peewee.pg3_errors = errors
