"""Fixtures for the editor tests: a small library in the test's own data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from editor_helpers import BOOK, MakeEditor

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.worker import InlineThreadPool, Worker


@pytest.fixture
def library(data_dir: Path) -> Iterator[PhrasebookLibrary]:
    data_dir.mkdir(parents=True, exist_ok=True)
    db = Database.open(data_dir / "lib.sqlite3", backups_dir=data_dir / "backups")
    lib = PhrasebookLibrary(db)
    lib.import_loaded(
        [LoadedPhrasebook(BOOK, "demo.yaml", {"order.tracking": 1, "greeting.hello": 2})]
    )
    yield lib
    db.close()


@pytest.fixture
def make_editor(
    qtbot: Any, library: PhrasebookLibrary, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> MakeEditor:
    # Never block on a modal question: tests that care set these per window.
    monkeypatch.setattr(EditorWindow, "ask_unsaved", lambda self: "discard")
    monkeypatch.setattr(EditorWindow, "ask_restore_draft", lambda self, book_id: False)

    def make(**kw: Any) -> EditorWindow:
        kw.setdefault("default_tone", {"en": "direct", "es": "direct", "ja": "detailed"})
        window = EditorWindow(library, Worker(InlineThreadPool()), data_dir, **kw)
        qtbot.addWidget(window)
        window.show()
        return window

    return make
