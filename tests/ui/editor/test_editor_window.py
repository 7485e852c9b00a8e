"""The editor driven offscreen: create, validate, undo, save, reopen, export, import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from editor_helpers import BOOK, EchoTranslator, FakePrompts, MakeEditor
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.phrasebook.model import Entry, Variant
from chatassist.core.phrasebook.tabular import write_xlsx
from chatassist.core.tones import TONES
from chatassist.storage.errors import StorageError
from chatassist.storage.library import BookChange, PhrasebookLibrary
from chatassist.storage.usage import UsageLog
from chatassist.ui.editor import import_plan
from chatassist.ui.editor.drafts import draft_path
from chatassist.ui.editor.entry_form import GAP, UNVETTED
from chatassist.ui.editor.window import EditorWindow


def _prompts(window: EditorWindow) -> FakePrompts:
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    return prompts


def _import(qtbot: QtBot, window: EditorWindow, path: Path, confirm: Any) -> bool:
    """Start importing ``path`` (it is read in the worker) and wait until it is
    over: True when it was applied."""
    with qtbot.waitSignal(window.file_actions.finished, timeout=5000) as finished:
        assert window.file_actions.import_file(path, confirm=confirm)
    return bool(finished.args[0])


def _cell(window: EditorWindow, lang: str, tone: str):  # type: ignore[no-untyped-def]
    return window.form.grid.item(CUSTOMER_LANGUAGES.index(lang), TONES.index(tone))


def _ime_commit(widget: QWidget, text: str) -> None:
    """Text committed by an input method (pinyin), as a trainer types Chinese."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _type_cell(window: EditorWindow, lang: str, tone: str, text: str) -> None:
    _cell(window, lang, tone).setText(text)  # what the grid's editor does on commit


def test_create_entry_validate_undo_save_and_reopen(
    qtbot: QtBot, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    window = make_editor()
    window.new_entry()
    entry_id = window.session.book.entries[window.entry_index].id  # type: ignore[union-attr]
    assert entry_id == "order_status.new1"
    _ime_commit(window.form.fields["gloss/zh-Hans"], "退款")
    qtbot.keyClicks(window.form.fields["gloss/en"], "Refund")
    _type_cell(window, "en", "direct", "Refund of {amount} sent.")
    _type_cell(window, "es", "direct", "Reembolso enviado.")
    # The same rule as `chatassist phrasebook validate`: placeholders must match.
    assert _cell(window, "es", "direct").foreground().color().name() == "#c62828"
    assert "placeholders" in _cell(window, "es", "direct").toolTip()
    assert window.form.problems.count() >= 1
    assert _cell(window, "fr", "direct").background().color() == GAP
    assert not window.saver.save()
    assert library.phrasebook("demo").entry(entry_id) is None
    _type_cell(window, "es", "direct", "Reembolso de {amount} enviado.")
    assert window.form.problems.count() == 0
    window.undo.undo()
    assert _cell(window, "es", "direct").text() == "Reembolso enviado."
    assert window.form.problems.count() >= 1
    window.undo.redo()
    assert window.form.problems.count() == 0
    # Typing in one field is one undo step.
    for _ in range(4):  # es/direct twice, en/direct, then the whole typed gloss
        window.undo.undo()
    assert window.form.fields["gloss/en"].text() == ""
    window.undo.redo()
    assert window.form.fields["gloss/en"].text() == "Refund"
    for _ in range(3):
        window.undo.redo()
    with qtbot.waitSignal(window.saved, timeout=1000):  # the sidebar rebuilds on it
        assert window.saver.save()
    assert "*" not in window.windowTitle()
    saved = library.phrasebook("demo").entry(entry_id)
    assert saved is not None and saved.variant("es", "direct") is not None
    assert not draft_path(window.data_dir, "demo").exists()
    window.close()
    again = make_editor()
    again.jump_to(entry_id, "es", "direct")
    assert again.form.fields["gloss/en"].text() == "Refund"
    assert _cell(again, "es", "direct").text() == "Reembolso de {amount} enviado."


def test_close_with_unsaved_changes_asks(qtbot: QtBot, make_editor: MakeEditor) -> None:
    window = make_editor()
    qtbot.keyClicks(window.form.fields["tags"], "vip")
    assert window.windowTitle().endswith("*")
    answers = ["cancel", "discard"]
    _prompts(window).unsaved = lambda: answers.pop(0)
    assert not window.close()
    assert window.isVisible()
    assert window.close()
    assert not draft_path(window.data_dir, "demo").exists()


def test_draft_survives_a_crash_and_is_offered(
    qtbot: QtBot, make_editor: MakeEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_editor()
    qtbot.keyClicks(window.form.fields["gloss/en"], " (edited)")
    # Written in a worker shortly after the last keystroke.
    qtbot.waitUntil(draft_path(window.data_dir, "demo").exists)
    edited = window.session.book  # type: ignore[union-attr]
    # The first window "crashes" (never closes); the next one offers the draft.
    restoring = FakePrompts()
    restoring.restore_draft = True
    second = make_editor(prompts=restoring)
    qtbot.waitUntil(lambda: "restore demo" in restoring.asked)  # read in the worker
    assert second.session is not None and second.session.book == edited
    assert second.session.dirty
    assert second.form.fields["gloss/en"].text() == "Give the tracking number (edited)"
    second.undo.undo()
    assert not second.session.dirty


def test_machine_draft_is_unvetted_until_approved(qtbot: QtBot, make_editor: MakeEditor) -> None:
    translator = EchoTranslator()
    window = make_editor(translator=translator)
    window.form.select_cell("ja", "direct")
    window.machine_drafts.draft_translation()
    qtbot.waitUntil(lambda: _cell(window, "ja", "direct").text() != "")
    assert _cell(window, "ja", "direct").text() == "[ja] Order {order_id} shipped."
    assert translator.glossaries == [("ShopName",)]
    variant = window.session.book.entries[0].variant("ja", "direct")  # type: ignore[union-attr]
    assert variant is not None and not variant.vetted
    assert _cell(window, "ja", "direct").background().color() == UNVETTED
    assert _cell(window, "ja", "direct").data(Qt.ItemDataRole.UserRole) == "unvetted"
    window.machine_drafts.approve_cell()
    assert _cell(window, "ja", "direct").data(Qt.ItemDataRole.UserRole) == ""
    window.undo.undo()
    assert _cell(window, "ja", "direct").data(Qt.ItemDataRole.UserRole) == "unvetted"


def test_export_xlsx_and_reimport_identically(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    window = make_editor()
    path = tmp_path / "demo.xlsx"
    with qtbot.waitSignal(window.file_actions.exported, timeout=5000) as exported:
        assert window.file_actions.export_current(path)
    assert exported.args == [True]
    seen: list[list[BookChange]] = []
    assert _import(qtbot, window, path, confirm=lambda plan: seen.append(plan.changes) or True)
    assert seen[0][0].status == "unchanged"
    assert library.phrasebook("demo") == BOOK


def test_import_previews_and_applies_all_or_nothing(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    window = make_editor()
    new = Entry(
        id="greeting.bye",
        scenarios=("closing",),
        gloss={"zh-Hans": "再见", "en": "Bye"},
        variants=(Variant("en", "direct", "Bye!"),),
    )
    changed = Entry(**{**BOOK.entries[0].__dict__, "gloss": {"zh-Hans": "物流", "en": "Tracking"}})
    book = BOOK.__class__(**{**BOOK.__dict__, "entries": (changed, new)})
    path = tmp_path / "demo.xlsx"
    write_xlsx(book, path)
    seen: list[BookChange] = []
    assert not _import(
        qtbot, window, path, confirm=lambda plan: seen.extend(plan.changes) and False
    )
    assert (seen[0].added, seen[0].changed, seen[0].removed) == (
        ["greeting.bye"],
        ["order.tracking"],
        ["greeting.hello"],
    )
    assert library.phrasebook("demo") == BOOK
    with qtbot.waitSignal(window.saved, timeout=2000):  # the sidebar rebuilds on it
        assert window.file_actions.import_file(path, confirm=lambda plan: True)
    assert library.phrasebook("demo") == book
    assert window.session is not None and window.session.book == book
    assert window.isEnabled() and "Imported demo.xlsx." in window.statusBar().currentMessage()


@pytest.mark.parametrize(
    "error", [StorageError("database is locked"), OSError(28, "No space left on device")]
)
def test_import_errors_are_reported_not_raised(
    qtbot: QtBot,
    tmp_path: Path,
    make_editor: MakeEditor,
    library: PhrasebookLibrary,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
) -> None:
    window = make_editor()
    reported = _prompts(window).messages
    saved: list[bool] = []
    window.saved.connect(lambda: saved.append(True))
    path = tmp_path / "demo.xlsx"
    write_xlsx(BOOK, path)

    def fail(loaded: object) -> None:
        raise error

    monkeypatch.setattr(library, "import_loaded", fail)
    assert window.file_actions.import_file(path, confirm=lambda plan: True)
    qtbot.waitUntil(lambda: bool(reported), timeout=2000)
    assert str(error) in reported[0] and "Not imported" in reported[0]
    assert "Not imported" in window.statusBar().currentMessage()
    assert window.isEnabled() and not window.file_actions.importing and not saved
    assert library.phrasebook("demo") == BOOK


def test_unreadable_import_file_is_reported(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_editor()
    reported = _prompts(window).messages
    assert not _import(qtbot, window, tmp_path / "missing.xlsx", confirm=lambda plan: True)
    assert "Not imported" in window.statusBar().currentMessage()

    def unreadable(paths: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(import_plan, "load_files", unreadable)
    assert not _import(qtbot, window, tmp_path / "locked.xlsx", confirm=lambda plan: True)
    assert reported and "Permission denied" in reported[0]
    assert "Not imported" in window.statusBar().currentMessage()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".yaml"])
def test_export_errors_are_reported_and_keep_the_old_file(
    qtbot: QtBot,
    tmp_path: Path,
    make_editor: MakeEditor,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    window = make_editor()
    reported = _prompts(window).messages
    with qtbot.waitSignal(window.file_actions.exported, timeout=5000) as exported:
        window.file_actions.export_current(tmp_path / "missing" / f"demo{suffix}")  # no folder
    assert exported.args == [False]
    assert reported and "Not exported" in reported[0]
    assert "Not exported" in window.statusBar().currentMessage()


def test_search_filter_hides_other_entries(make_editor: MakeEditor) -> None:
    window = make_editor()
    window.search.setText("tracking")
    visible = [i.text(0) for i in window._entry_items() if not i.isHidden()]
    assert visible == ["order.tracking"]
    window.search.setText("")
    assert len([i for i in window._entry_items() if not i.isHidden()]) == 2


def test_coverage_double_click_opens_the_gap(make_editor: MakeEditor) -> None:
    window = make_editor()
    window.tabs.setCurrentWidget(window.coverage)
    table = window.coverage.table
    from chatassist.core.scenarios import SCENARIO_IDS

    row = SCENARIO_IDS.index("greeting")
    col = window.coverage.cell("ja", "detailed")
    assert table.item(row, col).toolTip() != ""  # a highlighted gap
    table.cellDoubleClicked.emit(row, col)
    assert window.tabs.currentWidget() is window.form
    assert window.form.fields["id"].text() == "greeting.hello"
    assert window.form.current_cell() == ("ja", "detailed")


def test_statistics_tab_and_csv(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    UsageLog(library.database).record("order.tracking", "es", "direct", "europe")
    window = make_editor()
    with qtbot.waitSignal(window.stats.refreshed, timeout=5000):  # counted in the worker
        window.tabs.setCurrentWidget(window.stats)
    assert window.stats.most.item(0).text().startswith("order.tracking")
    never = [window.stats.never.item(i).text() for i in range(window.stats.never.count())]
    assert never == ["greeting.hello"]
    with qtbot.waitSignal(window.stats.exported, timeout=5000):
        window.stats.export_csv(tmp_path / "u.csv")
    assert "order.tracking,es,europe,1" in (tmp_path / "u.csv").read_text(encoding="utf-8")
