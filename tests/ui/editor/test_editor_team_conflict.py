"""A trainer's editor save on a team library: refused when someone else changed
the entry since, naming who; the edit stays in the window and as a draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from editor_helpers import FakePrompts
from pytestqt.qtbot import QtBot

from chatassist.app import App
from chatassist.storage.models import database_proxy
from chatassist.ui.editor.launch import editor_services
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.worker import InlineThreadPool, Worker
from support import team_fixtures
from support.team_fixtures import Cli, Team, write_book

pytestmark = pytest.mark.loopback_network

# The team tests' fixtures (a real PostgreSQL server), used here too.
pg_server = team_fixtures.pg_server
empty_team_db = team_fixtures.empty_team_db
team = team_fixtures.team
cli = team_fixtures.cli


def test_a_stale_editor_save_is_refused_naming_who_and_nothing_is_lost(
    qtbot: QtBot, cli: Cli, team: Team, tmp_path: Path
) -> None:
    previous = database_proxy.obj
    alice, carol = tmp_path / "alice", tmp_path / "carol"
    assert cli(alice, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    assert cli(alice, "phrasebook", "import", str(write_book(tmp_path / "src")))[0] == 0
    assert cli(carol, "team", "join", team.url("carol"), "--role", "trainer")[0] == 0
    newer = write_book(tmp_path / "a", where_en="Alice's wording.")
    assert cli(alice, "phrasebook", "import", str(newer))[0] == 0

    app = App.from_args(str(carol))
    try:
        prompts = FakePrompts()
        window = EditorWindow(
            editor_services(app),
            Worker(InlineThreadPool()),
            app.paths.data_dir,
            prompts=prompts,
            default_tone={"en": "direct"},
        )
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.loaded, timeout=5000):
            window.show()
        assert window.open_book("team-shipping")
        window.select_entry(0)
        qtbot.waitUntil(lambda: "alice" in window.changed_by_label.text())
        qtbot.keyClicks(window.form.fields["tags"], "vip")
        assert window.saver.save()
        qtbot.waitUntil(lambda: window.saver.saving is None)
        assert len(prompts.errors) == 1
        message = str(prompts.errors[0])
        assert "entry 'ship.where'" in message and "changed by alice" in message
        assert window.session is not None and window.session.dirty
        assert window.form.fields["tags"].text() == "vip"
        drafts = list((carol / "team-drafts").iterdir())
        assert len(drafts) == 1 and "vip" in (drafts[0] / "team-shipping.yaml").read_text()
        assert app.library.phrasebook("team-shipping").entries[0].tags == ()
        window.close()
    finally:
        app.close()
        if previous is not None:
            database_proxy.initialize(previous)
