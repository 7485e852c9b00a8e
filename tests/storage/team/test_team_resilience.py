"""The server going away mid-sync leaves the replica whole; offline usage is uploaded once."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from chatassist.app import App
from chatassist.storage.team import connection, replica, schema, sync, usage_upload
from chatassist.storage.team.errors import TeamOffline
from chatassist.storage.team.usage_upload import TeamUsageLog
from support.pg_server import PgServer
from support.team_fixtures import EXTRA, Cli, Team, create_database, write_book

pytestmark = pytest.mark.loopback_network


@pytest.fixture
def own_server() -> Iterator[PgServer]:
    """A server of this test's own, so it can be killed without hurting the others."""
    server = PgServer().init().start()
    server.sql("CREATE ROLE alice LOGIN")
    server.sql("CREATE ROLE bob LOGIN")
    yield server
    server.remove()


def joined_team(
    cli: Cli, server: PgServer, tmp_path: Path, extra: str = ""
) -> tuple[Team, Path, Path]:
    """A team on ``server``: alice (trainer) published a book, bob (agent) joined."""
    team = Team(server, create_database(server))
    with connection.session(team.url()) as db:
        schema.init(db, team.url())
        db.execute_sql(f"GRANT {schema.TRAINER_ROLE} TO alice")
        db.execute_sql(f"GRANT {schema.AGENT_ROLE} TO bob")
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    src = write_book(tmp_path / "src", extra=extra)
    assert cli(alice, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    assert cli(alice, "phrasebook", "import", str(src))[0] == 0
    assert cli(bob, "team", "join", team.url("bob"))[0] == 0
    return team, alice, bob


def test_a_server_killed_mid_sync_leaves_the_old_revision_and_the_next_sync_resumes(
    cli: Cli, own_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team, alice, bob = joined_team(cli, own_server, tmp_path)
    src = write_book(tmp_path / "src", where_en="A new wording.", extra=EXTRA)
    assert cli(alice, "phrasebook", "import", str(src))[0] == 0

    monkeypatch.setattr(sync, "PAGE", 1)  # several pages: the server dies after the first
    app = App.from_args(str(bob))
    try:
        with pytest.raises(TeamOffline), connection.session(team.url("bob")) as db:
            sync.sync(app.database, db, team.url("bob"), on_page=lambda n: own_server.kill())
        assert replica.state(app.database).revision == 1
        book = app.library.phrasebook("team-shipping")
        assert [e.id for e in book.entries] == ["ship.where", "ship.late"]
        assert book.entries[0].variants[0].text == "Your parcel is on its way."
    finally:
        app.close()

    code, out, _err = cli(bob, "team", "status")
    assert code == 0 and "offline" in out
    own_server.start()
    report = cli.json(bob, "team", "sync")
    assert (report["revision_before"], report["revision"], report["entries"]) == (1, 2, 2)
    app = App.from_args(str(bob))
    try:
        book = app.library.phrasebook("team-shipping")
        assert [e.id for e in book.entries] == ["ship.where", "ship.late", "ship.lost"]
        assert book.entries[0].variants[0].text == "A new wording."
    finally:
        app.close()


def test_a_local_failure_mid_sync_rolls_back_and_stops_the_pulling_thread(
    cli: Cli, own_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server is read in a thread of its own while pages are applied: a local
    failure on the second page leaves the replica untouched and that thread ended."""
    team, _alice, bob = joined_team(cli, own_server, tmp_path, extra=EXTRA)
    monkeypatch.setattr(sync, "PAGE", 1)
    pages: list[object] = []
    real = sync._apply_page

    def fail_on_second_page(db: Any, page: Any, *, replace: bool) -> None:
        pages.append(page)
        if len(pages) == 2:
            raise RuntimeError("disk trouble on page 2")
        real(db, page, replace=replace)

    monkeypatch.setattr(sync, "_apply_page", fail_on_second_page)
    app = App.from_args(str(bob))
    try:
        # Joining synced once; from revision 0 the next sync is a whole one again.
        app.database.run(lambda: replica.write_state(team.url("bob"), 0, datetime.now(UTC)))
        before = [(b.id, [e.id for e in b.entries]) for b in app.library.phrasebooks()]
        with pytest.raises(RuntimeError, match="page 2"), connection.session(team.url("bob")) as db:
            sync.sync(app.database, db, team.url("bob"))
        assert len(pages) == 2
        assert not [t for t in threading.enumerate() if t.name == "chatassist-team-pull"]
        assert replica.state(app.database).revision == 0
        assert [(b.id, [e.id for e in b.entries]) for b in app.library.phrasebooks()] == before
    finally:
        app.close()
    monkeypatch.setattr(sync, "_apply_page", real)
    report = cli.json(bob, "team", "sync")
    assert (report["revision_before"], report["revision"], report["entries"]) == (0, 1, 3)


def server_uses(team: Team) -> list[tuple[str, str, str]]:
    with connection.session(team.url()) as db:
        rows = db.execute_sql(
            "SELECT entry_id, agent, scenarios FROM usage_event ORDER BY used_at"
        ).fetchall()
    return [tuple(r) for r in rows]


def test_usage_queued_offline_is_uploaded_once_and_heat_is_the_teams(
    cli: Cli, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    assert cli(alice, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    assert cli(alice, "phrasebook", "import", str(write_book(tmp_path / "src")))[0] == 0
    assert cli(bob, "team", "join", team.url("bob"))[0] == 0

    app = App.from_args(str(bob))
    try:
        assert isinstance(app.usage, TeamUsageLog)
        # Recording never needs the server (it is a local write).
        app.usage.record("ship.late", "en", "direct", "US", when=datetime(2026, 12, 1, 9))
        app.usage.record("ship.late", "zh-Hans", "warm", "CN")
        assert replica.pending_uploads(app.database) == 2
        assert set(app.usage.hot_scores()) == {"ship.late"}

        # The upload reaches the server but the machine dies before it forgets its queue:
        # the next upload sends the same ids again and the server keeps each use once.
        def crash(*args: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(replica, "drop_uploaded", crash)
        with pytest.raises(KeyboardInterrupt), connection.session(team.url("bob")) as db:
            usage_upload.upload(app.database, db)
        monkeypatch.undo()
        assert replica.pending_uploads(app.database) == 2
    finally:
        app.close()
    assert len(server_uses(team)) == 2

    assert cli.json(bob, "team", "status")["pending_local_changes"]["uses"] == 2
    assert cli.json(bob, "team", "sync")["uploaded_uses"] == 2
    assert server_uses(team) == [
        ("ship.late", "bob", '["shipping_delay"]'),
        ("ship.late", "bob", '["shipping_delay"]'),
    ]
    assert cli.json(bob, "team", "sync")["uploaded_uses"] == 0
    assert len(server_uses(team)) == 2

    # The trainer's ranking sees the agent's uses: the heat is the team's.
    assert cli(alice, "team", "sync")[0] == 0
    app = App.from_args(str(alice))
    try:
        heat = app.usage.hot_scores()
        assert set(heat) == {"ship.late"} and 1.0 < heat["ship.late"] <= 2.0
    finally:
        app.close()


def test_no_customer_text_goes_into_a_usage_record(team: Team) -> None:
    with connection.session(team.url()) as db:
        columns = {
            r[0]
            for r in db.execute_sql(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'usage_event'"
            ).fetchall()
        }
    assert columns == {
        "upload_id",
        "entry_id",
        "language",
        "tone",
        "region",
        "scenarios",
        "used_at",
        "agent",
        "received_at",
    }


def test_a_replica_ahead_of_a_restored_server_pulls_it_whole(
    cli: Cli, team: Team, tmp_path: Path
) -> None:
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    src = write_book(tmp_path / "src")
    assert cli(alice, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    assert cli(alice, "phrasebook", "import", str(src))[0] == 0
    dump = tmp_path / "team.dump"
    bindir = team.server.bindir
    subprocess.run(
        [str(bindir / "pg_dump"), "--format=custom", f"--file={dump}", team.url()], check=True
    )
    write_book(tmp_path / "src", where_en="After the backup.", extra=EXTRA)
    assert cli(alice, "phrasebook", "import", str(src))[0] == 0
    assert cli.json(bob, "team", "join", team.url("bob"))["revision"] == 2
    subprocess.run(
        [str(bindir / "pg_restore"), "--clean", "--if-exists", f"--dbname={team.url()}", str(dump)],
        check=True,
        capture_output=True,
    )
    report = cli.json(bob, "team", "sync")
    assert (report["revision_before"], report["revision"]) == (0, 1)
    app = App.from_args(str(bob))
    try:
        book = app.library.phrasebook("team-shipping")
        assert [e.id for e in book.entries] == ["ship.where", "ship.late"]
        assert book.entries[0].variants[0].text == "Your parcel is on its way."
    finally:
        app.close()
    assert list((bob / "backups").glob("*before-team-sync*"))
