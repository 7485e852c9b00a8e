"""The sidebar's team sync part: a published change arrives without restart, by
the server's notification or the periodic sync; offline is a status line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QThreadPool

from chatassist.app import App
from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.model import Variant
from chatassist.storage.library import BookChange
from chatassist.storage.models import database_proxy
from chatassist.storage.team import connection, publish, sync
from chatassist.storage.team.listen import LibraryListener
from chatassist.ui.team_sync import TeamSync
from chatassist.ui.worker import Worker
from support import team_fixtures
from support.pg_server import free_port
from support.team_fixtures import Cli, Team, write_book

pytestmark = pytest.mark.loopback_network

# The team tests' fixtures (a real PostgreSQL server), used here too.
pg_server = team_fixtures.pg_server
empty_team_db = team_fixtures.empty_team_db
team = team_fixtures.team
cli = team_fixtures.cli


@pytest.fixture
def agent_app(cli: Cli, team: Team, tmp_path: Path) -> Iterator[App]:
    """A joined agent folder whose library has the trainer's book; the previous
    global database binding (the UI tests' shared app) is restored afterwards."""
    previous = database_proxy.obj
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    assert cli(alice, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    assert cli(alice, "phrasebook", "import", str(write_book(tmp_path / "src")))[0] == 0
    assert cli(bob, "team", "join", team.url("bob"))[0] == 0
    app = App.from_args(str(bob))
    app.database  # noqa: B018 - open it here, not first in a worker
    yield app
    app.close()
    if previous is not None:
        database_proxy.initialize(previous)


def publish_wording(team: Team, tmp_path: Path, text: str) -> None:
    """Alice changes ship.where on the server (no local folder: the global
    database binding stays the agent's)."""
    book = load_files([write_book(tmp_path / "pub")])[0].phrasebook
    entry = book.entries[0]
    entry = replace(entry, variants=(Variant("en", "direct", text), *entry.variants[1:]))
    book = replace(book, entries=(entry, *book.entries[1:]))
    with connection.session(team.url("alice")) as db:
        base = dict(db.execute_sql("SELECT id, revision FROM entry").fetchall())
        change = BookChange(book.id, "<test>", "updated", changed=[entry.id])
        publish.publish(db, [(book, change)], base)


def english(app: App, entry_id: str) -> str:
    entry = app.library.phrasebook("team-shipping").entry(entry_id)
    assert entry is not None
    return next(v.text for v in entry.variants if v.language == "en")


def test_a_notification_brings_a_published_change_at_once(
    qtbot, agent_app: App, team: Team, tmp_path: Path
) -> None:
    worker = Worker(QThreadPool())
    listeners: list[LibraryListener] = []

    def listener(on_change):  # type: ignore[no-untyped-def]
        listeners.append(LibraryListener(team.url("bob"), on_change))
        return listeners[-1]

    part = TeamSync(
        worker,
        partial(sync.sync_linked, agent_app.database, team.url("bob")),
        listener,
        interval_ms=3_600_000,  # the timer cannot be what brings it
    )
    with qtbot.waitSignal(part.finished, timeout=10_000):
        part.start()
    qtbot.waitUntil(lambda: listeners[0].listening.is_set(), timeout=10_000)
    try:
        with qtbot.waitSignal(part.library_changed, timeout=10_000) as changed:
            publish_wording(team, tmp_path, "Notified wording.")
        assert changed.args == [2]
        assert english(agent_app, "ship.where") == "Notified wording."
    finally:
        part.stop()
        worker.wait_for_done()


def test_the_periodic_sync_brings_it_without_notifications(
    qtbot, agent_app: App, team: Team, tmp_path: Path
) -> None:
    worker = Worker(QThreadPool())
    part = TeamSync(
        worker, partial(sync.sync_linked, agent_app.database, team.url("bob")), interval_ms=200
    )
    statuses: list[str] = []
    part.status.connect(statuses.append)
    with qtbot.waitSignal(part.finished, timeout=10_000):
        part.start()
    try:
        with qtbot.waitSignal(part.library_changed, timeout=10_000):
            publish_wording(team, tmp_path, "Periodic wording.")
        assert english(agent_app, "ship.where") == "Periodic wording."
        assert statuses == ["Team library updated to revision 2"]
    finally:
        part.stop()
        worker.wait_for_done()


def test_offline_is_a_status_line_once_and_the_local_copy_stays(qtbot, agent_app: App) -> None:
    worker = Worker(QThreadPool())
    dead = f"postgresql://bob@127.0.0.1:{free_port()}/team"
    part = TeamSync(worker, partial(sync.sync_linked, agent_app.database, dead), interval_ms=50)
    statuses: list[str] = []
    part.status.connect(statuses.append)
    try:
        with qtbot.waitSignals([part.finished, part.finished, part.finished], timeout=10_000):
            part.start()
    finally:
        part.stop()
        worker.wait_for_done()
    assert len(statuses) == 1 and "offline, working from the local copy" in statuses[0]
    assert english(agent_app, "ship.where") == "Your parcel is on its way."


class _SidebarStandIn(QObject):
    """What launch's wiring uses of the sidebar: its status line and its rebuild."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[str] = []
        self.rebuilds = 0

    def show_status(self, text: str) -> None:
        self.statuses.append(text)

    def load_backend_with(self, load: object) -> None:
        self.rebuilds += 1


def test_launch_wires_a_joined_folder_to_sync_and_rebuild(
    qtbot, agent_app: App, team: Team, tmp_path: Path
) -> None:
    from chatassist.ui import launch

    worker = Worker(QThreadPool())
    sidebar = _SidebarStandIn()
    part = launch._team_sync(agent_app, worker, sidebar)  # type: ignore[arg-type]
    assert part is not None
    try:
        qtbot.waitUntil(lambda: part._listener is not None, timeout=5_000)
        listener = part._listener
        assert isinstance(listener, LibraryListener)
        qtbot.waitUntil(listener.listening.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: not part._running, timeout=10_000)
        publish_wording(team, tmp_path, "Wired wording.")
        qtbot.waitUntil(lambda: sidebar.rebuilds == 1, timeout=10_000)
        assert sidebar.statuses == ["Team library updated to revision 2"]
        assert english(agent_app, "ship.where") == "Wired wording."
    finally:
        part.stop()
        worker.wait_for_done()


def test_launch_starts_no_sync_for_a_folder_that_is_not_joined(tmp_path: Path) -> None:
    from chatassist.ui import launch

    app = App.from_args(str(tmp_path / "solo"))
    assert launch._team_sync(app, Worker(QThreadPool()), _SidebarStandIn()) is None  # type: ignore[arg-type]


class _Outcome:
    def __init__(self, warnings: list[str]) -> None:
        self.changed = False
        self.after = 1
        self.warnings = warnings


def test_a_servers_warning_is_a_status_line_once_per_session(qtbot) -> None:
    worker = Worker(QThreadPool())
    part = TeamSync(worker, lambda: _Outcome(["team database x has LC_CTYPE C: ..."]))
    statuses: list[str] = []
    part.status.connect(statuses.append)
    for _ in range(2):  # the next minute's sync says nothing new
        with qtbot.waitSignal(part.finished, timeout=10_000):
            part.sync_now()
    worker.wait_for_done()
    assert statuses == ["Team library warning: team database x has LC_CTYPE C: ..."]
