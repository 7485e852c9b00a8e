"""Saving runs in a worker: the window stays usable, failures keep the edits, and
closing while a save runs waits for it."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import pytest
from editor_helpers import FakePrompts, MakeEditor
from pytestqt.qtbot import QtBot

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.storage.errors import StorageError
from chatassist.storage.library import ImportReport, PhrasebookLibrary
from chatassist.ui.editor.drafts import draft_path, load_draft
from chatassist.ui.editor.window import EditorWindow


class SlowLibrary:
    """Makes ``library.import_loaded`` wait for :meth:`release` (on a worker thread)."""

    def __init__(self, library: PhrasebookLibrary, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.started = threading.Event()
        self.threads: list[threading.Thread] = []
        real = library.import_loaded

        def slow(loaded: Sequence[LoadedPhrasebook], **kw: str) -> ImportReport:
            self.threads.append(threading.current_thread())
            self.started.set()
            assert self.gate.wait(10)
            return real(loaded, **kw)

        monkeypatch.setattr(library, "import_loaded", slow)

    def release(self) -> None:
        self.gate.set()


@pytest.fixture
def threaded_editor(make_editor: MakeEditor) -> EditorWindow:
    return make_editor(threaded=True)


def test_save_runs_off_the_ui_thread_and_edits_go_on(
    qtbot: QtBot,
    threaded_editor: EditorWindow,
    library: PhrasebookLibrary,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded_editor
    slow = SlowLibrary(library, monkeypatch)
    qtbot.keyClicks(window.form.fields["tags"], "vip")
    saved: list[bool] = []
    window.saved.connect(lambda: saved.append(True))
    try:
        assert window.saver.save()  # returns at once although the database is held up
        assert slow.started.wait(5)
        assert slow.threads[0] is not threading.main_thread()
        assert window.saver.saving is not None
        assert window.statusBar().currentMessage() == "Saving…"
        assert "saving" in window.windowTitle()
        assert not window.save_action.isEnabled()
        assert not window.saver.save()  # one save at a time
        # Edits stay possible while it saves.
        qtbot.keyClicks(window.form.fields["segments"], "returning")
        assert window.session is not None
        assert window.session.book.entries[0].segments == ("returning",)
        assert not saved
    finally:
        slow.release()
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    assert window.saver.saving is None and window.save_action.isEnabled()
    stored = library.phrasebook("demo").entries[0]
    assert stored.tags == ("vip",) and stored.segments == ()
    # The edit made during the save is still unsaved, and in the crash draft.
    assert window.session.dirty and window.windowTitle().endswith("*")
    qtbot.waitUntil(lambda: draft_path(window.data_dir, "demo").exists(), timeout=5000)
    draft = load_draft(window.data_dir, "demo")
    assert draft is not None and draft.entries[0].segments == ("returning",)
    with qtbot.waitSignal(window.saved, timeout=5000):
        assert window.saver.save()
    assert library.phrasebook("demo").entries[0].segments == ("returning",)
    assert not window.session.dirty
    qtbot.waitUntil(lambda: not draft_path(window.data_dir, "demo").exists(), timeout=5000)


def test_closing_while_saving_waits_for_the_save(
    qtbot: QtBot,
    threaded_editor: EditorWindow,
    library: PhrasebookLibrary,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded_editor
    slow = SlowLibrary(library, monkeypatch)
    qtbot.keyClicks(window.form.fields["tags"], "vip")
    asked: list[bool] = []
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    prompts.unsaved = lambda: asked.append(True) or "save"
    try:
        assert not window.close()  # "Save": the window closes once it is saved
        assert slow.started.wait(5)
        assert window.isVisible()
        assert not window.close()  # still saving: not closed, not asked again
        assert asked == [True]
        assert window.isVisible()
    finally:
        slow.release()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert library.phrasebook("demo").entries[0].tags == ("vip",)
    assert not draft_path(window.data_dir, "demo").exists()


def test_failed_save_reports_and_keeps_the_edits(
    qtbot: QtBot,
    make_editor: MakeEditor,
    library: PhrasebookLibrary,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_editor()
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    saved: list[bool] = []
    window.saved.connect(lambda: saved.append(True))

    def broken(loaded: Any, **kw: str) -> ImportReport:
        raise StorageError("database is locked")

    monkeypatch.setattr(library, "import_loaded", broken)
    qtbot.keyClicks(window.form.fields["tags"], "vip")
    prompts.unsaved = lambda: "save"
    assert not window.close()
    qtbot.waitUntil(lambda: window.saver.saving is None)
    assert [str(e) for e in prompts.errors] == ["database is locked"]
    assert "database is locked" in window.statusBar().currentMessage()
    assert not saved
    assert window.isVisible()  # the close was dropped: nothing is lost
    assert window.session is not None and window.session.dirty
    assert window.form.fields["tags"].text() == "vip"
    assert library.phrasebook("demo").entries[0].tags == ()
    qtbot.waitUntil(lambda: draft_path(window.data_dir, "demo").exists())
    monkeypatch.undo()
    with qtbot.waitSignal(window.saved, timeout=2000):
        assert window.saver.save()
    assert library.phrasebook("demo").entries[0].tags == ("vip",)
