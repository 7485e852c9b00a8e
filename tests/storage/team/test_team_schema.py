"""team init: creates or migrates the schema, idempotent, refuses newer or unsuitable databases."""

from __future__ import annotations

import pytest

from chatassist.storage.team import connection, schema
from chatassist.storage.team.errors import TeamDatabaseUnsuitable, TeamSchemaNewer
from support.team_fixtures import Cli, Team, create_database

pytestmark = pytest.mark.loopback_network


def tables(team: Team) -> set[str]:
    with connection.session(team.url()) as db:
        rows = db.execute_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    return {r[0] for r in rows}


def test_init_creates_the_schema_and_says_so_then_changes_nothing(
    cli: Cli, empty_team_db: Team, tmp_path
) -> None:
    code, out, err = cli(tmp_path / "d", "team", "init", empty_team_db.url())
    assert (code, err) == (0, "")
    assert f"created the team schema (version {schema.LATEST_VERSION})" in out
    assert {"chatassist_schema", "library_state", "phrasebook", "entry", "variant"} <= tables(
        empty_team_db
    )
    with connection.session(empty_team_db.url()) as db:
        assert schema.schema_version(db) == schema.LATEST_VERSION
        trgm = db.execute_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone()
        assert trgm is not None
    code, out, err = cli(tmp_path / "d", "team", "init", empty_team_db.url())
    assert code == 0
    assert "nothing to do" in out


def test_a_version_1_team_schema_gains_the_placeholder_kinds(
    cli: Cli, empty_team_db: Team, tmp_path
) -> None:
    with connection.session(empty_team_db.url()) as db, db.atomic():
        db.execute_sql("CREATE TABLE chatassist_schema (version INTEGER NOT NULL)")
        db.execute_sql("INSERT INTO chatassist_schema VALUES (1)")
        schema.MIGRATIONS[0](db)
        db.execute_sql("INSERT INTO phrasebook (id, title, revision) VALUES ('old', '{}', 1)")
    code, out, err = cli(tmp_path / "d", "team", "init", empty_team_db.url())
    assert (code, err) == (0, "")
    assert f"from version 1 to {schema.LATEST_VERSION}" in out
    with connection.session(empty_team_db.url()) as db:
        row = db.execute_sql("SELECT id, placeholder_kinds FROM phrasebook").fetchall()
    assert [tuple(r) for r in row] == [("old", "{}")]


def test_a_newer_schema_is_refused_untouched(team: Team) -> None:
    with connection.session(team.url()) as db:
        db.execute_sql("UPDATE chatassist_schema SET version = 99")
        before = db.execute_sql("SELECT count(*) FROM pg_tables").fetchone()
        with pytest.raises(TeamSchemaNewer, match="schema version 99, newer"):
            schema.init(db, team.url())
        assert db.execute_sql("SELECT version FROM chatassist_schema").fetchone() == (99,)
        assert db.execute_sql("SELECT count(*) FROM pg_tables").fetchone() == before


def test_a_c_ctype_database_is_refused_since_pg_trgm_would_miss_cjk(
    cli: Cli, empty_team_db: Team, tmp_path
) -> None:
    name = create_database(empty_team_db.server, ctype="C")
    url = empty_team_db.server.url(dbname=name)
    code, _out, err = cli(tmp_path / "d", "team", "init", url)
    assert code == 1
    assert "LC_CTYPE C" in err and "Chinese" in err
    with connection.session(url) as db, pytest.raises(TeamDatabaseUnsuitable):
        schema.init(db, url)
    assert tables(Team(empty_team_db.server, name)) == set()


def test_a_database_of_another_program_is_refused(empty_team_db: Team) -> None:
    url = empty_team_db.url()
    with connection.session(url) as db:
        db.execute_sql("CREATE TABLE invoices (id int)")
        with pytest.raises(TeamDatabaseUnsuitable, match="another program"):
            schema.init(db, url)
    assert tables(empty_team_db) == {"invoices"}


def test_a_url_with_a_password_is_refused(cli: Cli, tmp_path) -> None:
    code, _out, err = cli(
        tmp_path / "d", "team", "join", "postgresql://bob:secret@127.0.0.1:1/team"
    )
    assert code == 1
    assert "contains a password" in err and "PGPASSWORD" in err
    assert not (tmp_path / "d" / "settings.json").exists()


def test_an_unreachable_server_is_a_one_line_offline_error(cli: Cli, tmp_path) -> None:
    from support.pg_server import free_port

    url = f"postgresql://bob@127.0.0.1:{free_port()}/team"
    code, _out, err = cli(tmp_path / "d", "team", "init", url)
    assert code == 1
    assert "unreachable" in err and len(err.strip().splitlines()) == 1


def test_a_password_comes_from_the_keyring_only_when_libpq_has_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys
    import types

    asked: list[tuple[str, str]] = []
    fake = types.ModuleType("keyring")
    fake.get_password = lambda service, user: asked.append((service, user)) or "s3cret"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGPASSFILE", raising=False)
    url = "postgresql://bob@db.example.com/team?sslmode=require"
    db = connection.open_database(url)
    assert db.connect_params["password"] == "s3cret"
    assert asked == [("chatassist-team", url)]
    monkeypatch.setenv("PGPASSWORD", "from-env")
    assert "password" not in connection.open_database(url).connect_params
