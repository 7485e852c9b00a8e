"""Fixtures for the editor tests: a small library in the test's own data folder."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from editor_helpers import BOOK, REGIONS, FakePrompts, MakeEditor
from PySide6.QtCore import QThreadPool

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary
from chatassist.storage.stats import weekly_counts
from chatassist.ui.editor.services import EditorServices
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
def make_editor(qtbot: Any, library: PhrasebookLibrary, data_dir: Path) -> Iterator[MakeEditor]:
    """An editor over ``library``, its library read; it asks a :class:`FakePrompts`
    (``window.prompts``), which never blocks on a modal question."""
    workers: list[Worker] = []

    def make(
        *,
        threaded: bool = False,
        translator: Any = None,
        prompts: FakePrompts | None = None,
        changed_by: Any = None,
        house_style: Any = None,
        worker: Worker | None = None,
        offer_rules: Any = None,
        **kw: Any,
    ) -> EditorWindow:
        kw.setdefault("default_tone", {"en": "direct", "es": "direct", "ja": "detailed"})
        kw.setdefault("regions", REGIONS.regions)
        if worker is None:
            worker = Worker(QThreadPool() if threaded else InlineThreadPool())
        workers.append(worker)
        services = EditorServices(
            library=library,
            usage_counts=partial(weekly_counts, library.database),
            translator=(lambda: translator) if translator is not None else None,
            changed_by=changed_by,
            offer_rules=offer_rules,
            house_style=house_style,
        )
        window = EditorWindow(services, worker, data_dir, prompts=prompts or FakePrompts(), **kw)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.loaded, timeout=5000):
            window.show()
        return window

    yield make
    for worker in workers:
        worker.wait_for_done(10_000)
