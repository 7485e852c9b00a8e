"""The UTF-8/ctype check on join and on every sync, not only at team init.

``team init`` refuses a C-ctype or non-UTF-8 database, but a backup can be
restored into one made with the wrong locale; such a database is simulated
here by initialising it with the check switched off.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chatassist.storage.database import Database
from chatassist.storage.team import connection, schema, sync
from chatassist.storage.team.errors import TeamDatabaseUnsuitable
from support.team_fixtures import Cli, Team, create_database, write_book

pytestmark = pytest.mark.loopback_network


def restored_team(team: Team, monkeypatch: pytest.MonkeyPatch, **locale: str) -> Team:
    """A team database on the same server with the given ctype/encoding, its schema and
    members in place, as if a pg_dump had been restored into it."""
    name = create_database(team.server, **locale)
    bad = Team(team.server, name)
    with monkeypatch.context() as m:
        m.setattr(schema, "check_suitable", lambda db, server: None)
        with connection.session(bad.url()) as db:
            schema.init(db, bad.url())
            db.execute_sql(f"GRANT {schema.TRAINER_ROLE} TO alice")
            db.execute_sql(f"GRANT {schema.AGENT_ROLE} TO bob")
    return bad


def test_joining_a_c_ctype_database_is_refused_and_links_nothing(
    cli: Cli, team: Team, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = restored_team(team, monkeypatch, ctype="C")
    folder = tmp_path / "bob"
    code, out, err = cli(folder, "team", "join", bad.url("bob"))
    assert code == 1 and out == ""
    assert "LC_CTYPE C" in err and "Chinese" in err and len(err.strip().splitlines()) == 1
    settings = folder / "settings.json"
    assert not settings.exists() or "team_server" not in json.loads(settings.read_text())


def test_a_non_utf8_database_is_refused_at_join_and_at_sync(
    cli: Cli, team: Team, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = restored_team(team, monkeypatch, ctype="C", encoding="SQL_ASCII")
    code, _out, err = cli(tmp_path / "bob", "team", "join", bad.url("bob"))
    assert code == 1 and "SQL_ASCII encoding" in err
    database = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups")
    try:
        with (
            connection.session(bad.url("bob")) as db,
            pytest.raises(TeamDatabaseUnsuitable, match="needs UTF8"),
        ):
            sync.sync(database, db, bad.url("bob"))
        assert database.db.execute_sql("SELECT count(*) FROM team_state").fetchone() == (0,)
    finally:
        database.close()


def test_a_joined_folder_whose_database_was_restored_with_a_c_ctype_is_warned(
    cli: Cli, team: Team, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = restored_team(team, monkeypatch, ctype="C")
    trainer, agent = tmp_path / "alice", tmp_path / "bob"
    with monkeypatch.context() as m:  # joined before the restore
        m.setattr(schema, "check_suitable", lambda db, server: None)
        assert cli(trainer, "team", "join", bad.url("alice"), "--role", "trainer")[0] == 0
        assert cli(agent, "team", "join", bad.url("bob"))[0] == 0
    assert cli(trainer, "phrasebook", "import", str(write_book(tmp_path / "src")))[0] == 0

    code, out, err = cli(agent, "team", "sync")
    assert (code, err) == (0, "")
    assert "revision 0 -> 1" in out  # the sync itself goes on: the replica's search is local
    assert "warning: team database" in out and "LC_CTYPE C" in out
    report = cli.json(agent, "team", "sync")
    assert len(report["warnings"]) == 1 and "Chinese" in report["warnings"][0]  # type: ignore[index,arg-type]
    status = cli.json(agent, "team", "status")
    assert status["online"] is True and "LC_CTYPE C" in str(status["warnings"])


def test_a_good_database_gives_no_warning(cli: Cli, team: Team, tmp_path: Path) -> None:
    assert cli(tmp_path / "bob", "team", "join", team.url("bob"))[0] == 0
    assert cli.json(tmp_path / "bob", "team", "sync")["warnings"] == []
    assert cli.json(tmp_path / "bob", "team", "status")["warnings"] == []
