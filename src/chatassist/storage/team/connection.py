"""The team server's address and connection.

The address is a libpq URL (``postgresql://user@host:port/db?sslmode=require``);
libpq's own options (sslmode, sslrootcert, connect_timeout...) pass through
unchanged. A password is never part of it: libpq reads PGPASSWORD or
~/.pgpass itself, and when neither has one the OS keyring is asked (service
``chatassist-team``, the URL as user name) if the optional ``keyring``
package is installed. So settings.json never holds a password.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import peewee as pw
import psycopg
from playhouse.psycopg3_ext import Psycopg3Database
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict

from chatassist.storage.sql_import import postgres_errors_known
from chatassist.storage.team.errors import (
    TeamError,
    TeamOffline,
    TeamPermissionDenied,
    TeamTlsFailed,
    TeamUrlInvalid,
)

postgres_errors_known()  # peewee may have been imported without psycopg (sql_import)

KEYRING_SERVICE = "chatassist-team"
CONNECT_TIMEOUT_S = 5
NOTIFY_CHANNEL = "chatassist_library"


def check_url(url: str) -> str:
    """The URL in the form libpq and peewee take (``postgresql://``), or TeamUrlInvalid."""
    url = url.strip()
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if not url.startswith("postgresql://"):
        raise TeamUrlInvalid(
            f"team server address {url!r} is not a PostgreSQL URL; "
            "write it as postgresql://user@host:port/database"
        )
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise TeamUrlInvalid(f"team server address {url!r} cannot be read: {exc}") from exc
    if params.get("password"):
        raise TeamUrlInvalid(
            "the team server address contains a password; remove it from the URL and "
            "put it in PGPASSWORD, ~/.pgpass or the OS keyring (see docs/team.md)"
        )
    if not params.get("dbname"):
        raise TeamUrlInvalid(f"team server address {url!r} names no database (…/database)")
    return url


def user_of(url: str) -> str:
    params = conninfo_to_dict(url)
    return str(params.get("user") or os.environ.get("PGUSER") or "")


def _keyring_password(url: str) -> str | None:
    if os.environ.get("PGPASSWORD") or os.environ.get("PGPASSFILE"):
        return None
    try:
        import keyring  # optional
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, url)
    except Exception:  # a locked or missing keyring backend: libpq's own sources remain
        return None
    return str(found) if found else None


def open_database(url: str, *, connect_timeout: int = CONNECT_TIMEOUT_S) -> pw.Database:
    """A peewee database for ``url`` (not yet connected). One connection per thread."""
    url = check_url(url)
    params: dict[str, Any] = {
        "connect_timeout": connect_timeout,
        "application_name": "chatassist",
    }
    password = _keyring_password(url)
    if password:
        params["password"] = password
    return Psycopg3Database(url, **params)


def translate_error(server: str, exc: BaseException) -> TeamError:
    """Turn a driver error into the typed error a person can act on."""
    cause = getattr(exc, "__cause__", None) or exc
    if isinstance(cause, pw.DatabaseError) and cause.args and isinstance(cause.args[0], Exception):
        cause = cause.args[0]
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException):
        cause = orig
    if isinstance(cause, pg_errors.InsufficientPrivilege):
        return TeamPermissionDenied(
            f"the team server {server} refused: {first_line(cause)}; "
            "your PostgreSQL role may not do this (agents cannot write the team library)"
        )
    if isinstance(cause, psycopg.OperationalError | pw.OperationalError | pw.InterfaceError):
        detail = first_line(cause)
        if _TLS_WORDS.search(detail):
            return TeamTlsFailed(server, _reason(detail))
        return TeamOffline(server, detail)
    return TeamError(f"team server {server}: {first_line(cause)}")


# libpq's own words when TLS is what failed (sslmode=require on a server without
# TLS, a certificate that does not verify, a missing root certificate file).
_TLS_WORDS = re.compile(r"\bSSL\b|certificate", re.IGNORECASE)


def _reason(line: str) -> str:
    """libpq's reason without its 'connection failed: connection to server at ... failed:'
    preamble (the address is in the message already)."""
    return re.sub(r"^.*\bfailed: ", "", line).strip() or line


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@contextmanager
def session(url: str, *, connect_timeout: int = CONNECT_TIMEOUT_S) -> Iterator[pw.Database]:
    """A connected team database, closed afterwards; driver errors become TeamErrors."""
    db = open_database(url, connect_timeout=connect_timeout)
    try:
        try:
            db.connect()
        except Exception as exc:
            raise translate_error(url, exc) from exc
        try:
            yield db
        except TeamError:
            raise
        except (pw.PeeweeException, psycopg.Error) as exc:
            raise translate_error(url, exc) from exc
    finally:
        if not db.is_closed():
            with suppress(Exception):  # a dead server: the socket is gone already
                db.close()
