"""TLS options pass through the team address to libpq (issue 11: ``sslmode``).

A second throw-away server offers TLS with a self-signed certificate for
127.0.0.1 made by the ``openssl`` CLI; the suite's usual server has none.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatassist.storage.team import connection
from chatassist.storage.team.errors import TeamTlsFailed
from support.pg_server import PgServer
from support.team_fixtures import Cli

pytestmark = pytest.mark.loopback_network


@pytest.fixture(scope="module")
def tls_server() -> Iterator[tuple[PgServer, Path]]:
    server = PgServer().init()
    cert = server.enable_tls()
    server.start()
    server.sql("CREATE ROLE bob LOGIN")
    yield server, cert
    server.remove()


def encrypted(url: str) -> bool:
    with connection.session(url) as db:
        row = db.execute_sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        return bool(row.fetchone()[0])


def test_sslmode_reaches_libpq_and_the_connection_is_encrypted(
    tls_server: tuple[PgServer, Path],
) -> None:
    server, cert = tls_server
    url = server.url("bob", "postgres")
    assert encrypted(f"{url}?sslmode=require")
    assert not encrypted(f"{url}?sslmode=disable")  # the same server, told not to
    # The certificate checked against its own root and its address (127.0.0.1).
    assert encrypted(f"{url}?sslmode=verify-full&sslrootcert={cert}")


def test_a_certificate_that_does_not_verify_is_one_clear_line(
    cli: Cli, tls_server: tuple[PgServer, Path], tmp_path: Path
) -> None:
    server, _cert = tls_server
    other = PgServer()  # another self-signed certificate: not the server's root
    try:
        wrong = other.enable_tls()
        url = f"{server.url('bob', 'postgres')}?sslmode=verify-ca&sslrootcert={wrong}"
        with pytest.raises(TeamTlsFailed, match="certificate verify failed"):
            encrypted(url)
        code, out, err = cli(tmp_path / "d", "team", "join", url)
    finally:
        other.remove()
    assert (code, out) == (1, "")
    assert len(err.strip().splitlines()) == 1
    assert "TLS connection failed" in err and "sslrootcert" in err
    assert (
        not (tmp_path / "d" / "settings.json").exists()
        or "team_server" not in (tmp_path / "d" / "settings.json").read_text()
    )


def test_sslmode_require_against_a_server_without_tls_is_one_clear_line(
    cli: Cli, pg_server: PgServer, tmp_path: Path
) -> None:
    url = pg_server.url("bob", "postgres") + "?sslmode=require"
    code, out, err = cli(tmp_path / "d", "team", "join", url)
    assert (code, out) == (1, "")
    assert len(err.strip().splitlines()) == 1
    assert "server does not support SSL, but SSL was required" in err
    assert "check sslmode" in err
