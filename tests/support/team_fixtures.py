"""Fixtures of the team-library tests: a real PostgreSQL server started by the suite.

One server per test session (initdb ~1 s); each test gets its own empty UTF-8
database. Members: ``alice`` and ``carol`` are trainers, ``bob`` is an agent
(login roles granted the group roles that ``team init`` creates).

tests/storage/team/conftest.py and the UI's team tests import these fixtures.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from chatassist.cli.main import main
from chatassist.storage.team import connection, schema
from support.pg_server import PgServer

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer().init().start()
    for role in ("alice", "bob", "carol"):
        server.sql(f"CREATE ROLE {role} LOGIN")
    yield server
    server.remove()


def create_database(server: PgServer, ctype: str = "C.UTF-8", encoding: str = "UTF8") -> str:
    name = f"team{next(_numbers)}"
    server.sql(
        f"CREATE DATABASE {name} TEMPLATE template0 ENCODING '{encoding}' "
        f"LC_COLLATE '{ctype}' LC_CTYPE '{ctype}'"
    )
    return name


@dataclass
class Team:
    server: PgServer
    dbname: str

    def url(self, user: str | None = None) -> str:
        return self.server.url(user, self.dbname)


@pytest.fixture
def empty_team_db(pg_server: PgServer) -> Team:
    return Team(pg_server, create_database(pg_server))


@pytest.fixture
def team(empty_team_db: Team) -> Team:
    """An initialised team database with its members granted their roles."""
    url = empty_team_db.url()
    with connection.session(url) as db:
        schema.init(db, url)
        db.execute_sql(f"GRANT {schema.TRAINER_ROLE} TO alice, carol")
        db.execute_sql(f"GRANT {schema.AGENT_ROLE} TO bob")
    return empty_team_db


@dataclass
class Cli:
    capsys: pytest.CaptureFixture[str]

    def __call__(self, folder: Path, *argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(folder), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, folder: Path, *argv: str) -> dict[str, object]:
        code, out, err = self(folder, *argv, "--json")
        assert code == 0, err
        return json.loads(out)  # type: ignore[no-any-return]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(capsys)


BOOK = """\
format: 1
id: team-shipping
title: {{zh-Hans: 团队物流, en: Team shipping}}
entries:
  - id: ship.where
    scenarios: [shipping_delay]
    gloss: {{zh-Hans: 包裹在哪里, en: Where is the parcel}}
    keywords: {{en: [parcel, where]}}
    variants:
      en: {{direct: "{where_en}"}}
      ja: {{detailed: "お荷物は現在配送中でございます。"}}
      th: {{warm: "พัสดุของคุณกำลังจัดส่งค่ะ"}}
  - id: ship.late
    scenarios: [shipping_delay]
    gloss: {{zh-Hans: 延迟道歉, en: Sorry for the delay}}
    variants:
      en: {{direct: "Sorry, your parcel is late."}}
      zh-Hans: {{warm: "很抱歉，您的包裹延误了。"}}
{extra}"""

EXTRA = """\
  - id: ship.lost
    scenarios: [not_received]
    gloss: {zh-Hans: 包裹丢失, en: Lost parcel}
    variants:
      en: {direct: "We are sorry the parcel is lost."}
"""


def write_book(folder: Path, where_en: str = "Your parcel is on its way.", extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "team-shipping.yaml"
    path.write_text(BOOK.format(where_en=where_en, extra=extra), encoding="utf-8")
    return path
