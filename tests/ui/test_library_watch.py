"""A running sidebar follows a library changed by another process (#15 item 4):
the revision is looked at in the worker and a change rebuilds the suggestions."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from chatassist.app import App
from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.writer import dump
from chatassist.paths import AppPaths, bundled_phrasebooks
from chatassist.storage.models import database_proxy
from chatassist.ui import launch
from chatassist.ui.backend import load_backend
from chatassist.ui.library_watch import LibraryWatch
from chatassist.ui.worker import InlineThreadPool, Worker

CLI = "import sys; from chatassist.cli.main import main; sys.exit(main(sys.argv[1:]))"


def test_a_moved_revision_is_reported_once(qtbot: Any) -> None:
    revisions = iter([1, 1, 2, 2, None, 3])
    watch = LibraryWatch(Worker(InlineThreadPool()), lambda: next(revisions), interval_ms=10)
    seen: list[int] = []
    watch.changed.connect(lambda: seen.append(1))
    watch.start(seen=1)
    for _ in range(6):
        with qtbot.waitSignal(watch.checked, timeout=2000):
            pass
    watch.stop()
    assert len(seen) == 2  # 1 -> 2, then 2 -> 3 (None: unreadable, not a change)


def test_an_unreadable_library_is_looked_at_again(qtbot: Any) -> None:
    calls: list[int] = []

    def read() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("locked")
        return 5

    watch = LibraryWatch(Worker(InlineThreadPool()), read, interval_ms=10)
    watch.start(seen=4)
    with qtbot.waitSignal(watch.changed, timeout=2000):
        pass
    watch.stop()
    assert len(calls) >= 2


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    previous = database_proxy.obj  # the UI tests' shared app is bound globally
    made = App(AppPaths(tmp_path / "data"))
    made.database  # noqa: B018 - open (and fill) it here, not first in a worker
    yield made
    made.close()
    if previous is not None:
        database_proxy.initialize(previous)


def _book_with_a_new_entry(folder: Path) -> tuple[Path, str]:
    lb = load_files([bundled_phrasebooks()])[0]
    book = lb.phrasebook
    first = next(e for e in book.entries if e.kind == "reply")
    added = replace(first, id=f"{first.id}.from-terminal")
    folder.mkdir()
    out = folder / f"{book.id}.yaml"
    out.write_text(dump(replace(book, entries=(*book.entries, added))), encoding="utf-8")
    return out, added.id


def test_the_sidebar_picks_up_an_import_made_from_a_terminal(
    qtbot: Any, make_sidebar: Any, app: App, tmp_path: Path
) -> None:
    sidebar = make_sidebar()
    sidebar.load_backend_with(partial(load_backend, app))
    watch = launch._library_watch(app, sidebar.worker, sidebar)
    watch.timer.setInterval(50)
    qtbot.waitUntil(lambda: sidebar.state.backend is not None, timeout=20_000)
    changed, new_id = _book_with_a_new_entry(tmp_path / "src")
    assert sidebar.state.backend.assistant.engine.present(new_id, _customer()) is None
    command = [sys.executable, "-c", CLI, "--data-dir", str(app.paths.data_dir)]
    subprocess.run([*command, "phrasebook", "import", str(changed)], check=True)
    with qtbot.waitSignal(watch.changed, timeout=10_000):
        pass
    qtbot.waitUntil(
        lambda: (
            sidebar.state.backend is not None
            and sidebar.state.backend.assistant.engine.present(new_id, _customer()) is not None
        ),
        timeout=10_000,
    )
    watch.stop()


def _customer() -> Any:
    from chatassist.core.suggestions import CustomerProfile

    return CustomerProfile("en", "direct", "north_america")
