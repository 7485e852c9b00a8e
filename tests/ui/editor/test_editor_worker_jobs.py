"""The editor leaves file and database work to the worker (issue 16): export,
the statistics' CSV and chart exports, the import's read, the library's reload
and the statistics' queries are jobs on the worker's pools, never done on the
UI thread. A :class:`HoldablePool` keeps the jobs to show it: until it is
released, nothing is written or read."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from editor_helpers import BOOK, FakePrompts, HoldablePool, MakeEditor
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from chatassist.core.phrasebook.loader import LoadedPhrasebook
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.core.phrasebook.tabular import write_xlsx
from chatassist.storage.library import PhrasebookLibrary
from chatassist.storage.usage import UsageLog
from chatassist.ui.editor.drafts import draft_path, save_draft
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.worker import Worker


def _editor(make_editor: MakeEditor) -> tuple[EditorWindow, HoldablePool, HoldablePool]:
    reads, writes = HoldablePool(), HoldablePool()
    window = make_editor(worker=Worker(reads, writes=writes))
    return window, reads, writes


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".yaml"])
def test_export_is_written_by_the_database_writer_not_on_the_ui_thread(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor, suffix: str
) -> None:
    window, _reads, writes = _editor(make_editor)
    path = tmp_path / f"demo{suffix}"
    writes.hold = True
    assert window.file_actions.export_current(path)
    assert not path.exists()  # nothing written on the UI thread
    assert len(writes.held) == 1
    assert "Exporting" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.file_actions.exported, timeout=5000) as exported:
        writes.release()
    assert exported.args == [True] and path.stat().st_size > 0
    assert "Exported to" in window.statusBar().currentMessage()


def test_statistics_exports_are_written_by_the_worker(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    UsageLog(library.database).record("order.tracking", "es", "direct", "europe")
    window, _reads, writes = _editor(make_editor)
    with qtbot.waitSignal(window.stats.refreshed, timeout=5000):
        window.tabs.setCurrentWidget(window.stats)
    writes.hold = True
    window.stats.export_csv(tmp_path / "usage.csv")
    window.stats.export_chart("png", tmp_path / "chart.png")
    window.stats.export_chart("csv", tmp_path / "chart.csv")
    assert not any(p.exists() for p in tmp_path.iterdir() if p.suffix in (".csv", ".png"))
    assert len(writes.held) == 3
    with qtbot.waitSignals([window.stats.exported] * 3, timeout=5000):
        writes.release()
    assert "order.tracking,es,europe,1" in (tmp_path / "usage.csv").read_text(encoding="utf-8")
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "chart.csv").read_text(encoding="utf-8").startswith("week,series,uses")


def test_a_failed_statistics_export_is_reported(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor
) -> None:
    window, _reads, _writes = _editor(make_editor)
    with qtbot.waitSignal(window.stats.exported, timeout=5000) as exported:
        window.stats.export_csv(tmp_path / "no such folder" / "usage.csv")
    assert exported.args == [False]


def test_import_read_reload_and_statistics_queries_wait_for_the_worker(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor
) -> None:
    window, reads, _writes = _editor(make_editor)
    path = tmp_path / "demo.xlsx"
    write_xlsx(BOOK, path)
    reads.hold = True
    assert window.file_actions.import_file(path, confirm=lambda plan: True)
    window.reload()
    window.tabs.setCurrentWidget(window.stats)
    # the import's read and check, the library's reload, the usage and response counts
    assert len(reads.held) == 3
    assert window.file_actions.importing and not window.isEnabled()  # edits wait meanwhile
    with qtbot.waitSignal(window.file_actions.finished, timeout=5000):
        reads.release()
    assert window.isEnabled()


def test_without_holding_the_jobs_still_run_through_the_pools(make_editor: MakeEditor) -> None:
    window, reads, _writes = _editor(make_editor)
    assert reads.ran_on and all(t is QThread.currentThread() for t in reads.ran_on)
    assert window.session is not None  # the library was read through the pool


def test_the_crash_draft_is_read_in_the_worker_and_offered_after(
    qtbot: QtBot, make_editor: MakeEditor, library: PhrasebookLibrary, data_dir: Path
) -> None:
    other = Phrasebook(id="other", title={"zh-Hans": "其他", "en": "Other"})
    library.import_loaded([LoadedPhrasebook(other, "other.yaml", {})])
    save_draft(data_dir, replace(other, title={"zh-Hans": "其他", "en": "Other (edited)"}))
    window, reads, _writes = _editor(make_editor)
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    prompts.restore_draft = True
    reads.hold = True
    assert window.open_book("other")  # opens at once: the draft is read meanwhile
    assert window.session is not None and window.session.book == other
    assert "restore other" not in prompts.asked and len(reads.held) == 1
    with qtbot.waitSignal(window.draft_checked, timeout=5000):
        reads.release()
    assert "restore other" in prompts.asked
    assert window.session.book.title["en"] == "Other (edited)"


def test_a_draft_read_for_a_phrasebook_left_meanwhile_is_not_offered(
    qtbot: QtBot, make_editor: MakeEditor, library: PhrasebookLibrary, data_dir: Path
) -> None:
    other = Phrasebook(id="other", title={"zh-Hans": "其他", "en": "Other"})
    library.import_loaded([LoadedPhrasebook(other, "other.yaml", {})])
    save_draft(data_dir, replace(other, title={"zh-Hans": "其他", "en": "Other (edited)"}))
    window, reads, _writes = _editor(make_editor)
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    reads.hold = True
    assert window.open_book("other")
    assert window.open_book("demo")  # left before its draft was read
    with qtbot.waitSignal(window.draft_checked, timeout=5000):  # demo's own check
        assert reads.release() == 2
    assert "restore other" not in prompts.asked
    assert draft_path(data_dir, "other").exists()  # kept for when it is opened again
    assert window.session is not None and window.session.book.id == "demo"


def test_a_declined_draft_is_removed_unless_edits_were_made_meanwhile(
    qtbot: QtBot, make_editor: MakeEditor, data_dir: Path
) -> None:
    save_draft(data_dir, replace(BOOK, title={"zh-Hans": "演示", "en": "Demo (draft)"}))
    window = make_editor()  # FakePrompts declines
    qtbot.waitUntil(lambda: "restore demo" in window.prompts.asked)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not draft_path(data_dir, "demo").exists())
    assert window.session is not None and window.session.book == BOOK
