"""Team mode: the editor shows who changed the selected entry last, and when."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from editor_helpers import MakeEditor
from pytestqt.qtbot import QtBot

from chatassist.storage.library import PhrasebookLibrary
from chatassist.storage.team import replica


def test_the_status_bar_names_who_changed_the_entry_last(
    qtbot: QtBot, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    library.database.run(
        lambda: replica.record_entries(
            [replica.ChangedBy("order.tracking", 7, "alice", datetime(2026, 12, 3, 9, 41))]
        )
    )
    window = make_editor(changed_by=partial(replica.changed_by, library.database))
    ids = [e.id for e in window.session.book.entries]  # type: ignore[union-attr]
    window.select_entry(ids.index("order.tracking"))
    qtbot.waitUntil(lambda: "alice" in window.changed_by_label.text())
    assert window.changed_by_label.text() == (
        "Last changed by alice on 2026-12-03 09:41 UTC (team revision 7)"
    )
    window.select_entry(ids.index("greeting.hello"))
    qtbot.waitUntil(lambda: window.changed_by_label.text() == "Not on the team server yet")


def test_without_a_team_there_is_no_such_line(make_editor: MakeEditor) -> None:
    window = make_editor()
    assert window.changed_by is None
    assert not hasattr(window, "changed_by_label")
