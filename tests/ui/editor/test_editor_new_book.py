"""New phrasebook (Ctrl+Shift+N): id checked, titles to fill, created on first save."""

from __future__ import annotations

import pytest
from editor_helpers import FakePrompts, MakeEditor
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chatassist.storage.library import PhrasebookLibrary
from chatassist.ui.editor.book_form import PROBLEM_STYLE
from chatassist.ui.editor.drafts import draft_path
from chatassist.ui.editor.window import EditorWindow


def _ime_commit(widget: QWidget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _prompts(window: EditorWindow) -> FakePrompts:
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    return prompts


def _answers(window: EditorWindow, answers: list[str | None]) -> list[str]:
    """Answer the id question from ``answers``; returns the error texts shown."""
    errors: list[str] = []

    def ask(error: str = "") -> str | None:
        errors.append(error)
        return answers.pop(0)

    _prompts(window).new_book_id = ask
    return errors


def _top_ids(window: EditorWindow) -> list[str]:
    items = (window.tree.topLevelItem(i) for i in range(window.tree.topLevelItemCount()))
    return [item.data(0, Qt.ItemDataRole.UserRole)[0] for item in items if item is not None]


def test_shortcut_is_ctrl_shift_n(make_editor: MakeEditor) -> None:
    window = make_editor()
    by_keys = {a.shortcut().toString(): a for a in window.findChildren(QAction)}
    assert by_keys[QKeySequence("Ctrl+Shift+N").toString()].text() == "Ne&w phrasebook…"
    assert by_keys[QKeySequence("Ctrl+N").toString()].text() == "&New entry"


def test_new_phrasebook_is_created_on_first_save(
    qtbot: QtBot, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    window = make_editor()
    errors = _answers(window, ["Bad Id", "demo", " faq.shipping "])
    assert window.new_book()
    # Invalid, then taken: asked again each time with the reason.
    assert errors[0] == ""
    assert "lower-case" in errors[1]
    assert "already used" in errors[2]
    session = window.session
    assert session is not None and session.is_new and session.dirty
    assert session.book.id == "faq.shipping" and session.book.entries == ()
    assert "faq.shipping" in _top_ids(window)
    assert window.windowTitle().endswith("faq.shipping*")
    assert window.tabs.currentWidget() is window.book_form
    form = window.book_form
    assert not form.fields["id"].isReadOnly()  # may still change until saved
    # The required titles are left to fill: shown at their fields, save refused.
    assert form.fields["title/zh-Hans"].styleSheet() == PROBLEM_STYLE
    assert form.fields["title/en"].styleSheet() == PROBLEM_STYLE
    assert not window.saver.save()
    assert "faq.shipping" not in {b.id for b in library.phrasebooks()}
    _ime_commit(form.fields["title/zh-Hans"], "物流问答")
    qtbot.keyClicks(form.fields["title/en"], "Shipping FAQ")
    assert form.problems.count() == 0
    with qtbot.waitSignal(window.saved, timeout=2000):
        assert window.saver.save()
    saved = library.phrasebook("faq.shipping")
    assert saved.title == {"zh-Hans": "物流问答", "en": "Shipping FAQ"}
    assert saved.entries == ()
    assert not session.is_new and not session.dirty
    assert form.fields["id"].isReadOnly()
    assert not window.windowTitle().endswith("*")
    assert not draft_path(window.data_dir, "faq.shipping").exists()
    # The next window lists it like any other phrasebook.
    assert "faq.shipping" in _top_ids(make_editor())


def test_new_phrasebook_id_can_change_until_saved(qtbot: QtBot, make_editor: MakeEditor) -> None:
    window = make_editor()
    _answers(window, ["faq"])
    assert window.new_book()
    form = window.book_form
    form.fields["id"].selectAll()
    qtbot.keyClicks(form.fields["id"], "demo")
    assert window.session.book.id == "demo"  # type: ignore[union-attr]
    assert form.fields["id"].styleSheet() == PROBLEM_STYLE
    assert "already used" in form.fields["id"].toolTip()
    form.fields["id"].selectAll()
    qtbot.keyClicks(form.fields["id"], "Faq")
    assert "lower-case" in form.fields["id"].toolTip()
    window.undo.undo()
    window.undo.undo()
    assert window.session.book.id == "faq"  # type: ignore[union-attr]
    assert form.fields["id"].styleSheet() == ""


def test_cancel_and_discard_leave_nothing_behind(
    make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    window = make_editor()
    _answers(window, [None])
    assert not window.new_book()
    assert window.session is not None and window.session.book.id == "demo"
    _answers(window, ["scratch"])
    assert window.new_book()
    _prompts(window).unsaved = lambda: "cancel"
    assert not window.open_book("demo")
    assert window.session.book.id == "scratch"
    _prompts(window).unsaved = lambda: "discard"
    assert window.open_book("demo")
    assert window.session.book.id == "demo"
    assert _top_ids(window) == ["demo"]
    assert [b.id for b in library.phrasebooks()] == ["demo"]


def test_new_phrasebook_unsaved_changes_are_saved_first(
    qtbot: QtBot, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    window = make_editor()
    qtbot.keyClicks(window.form.fields["tags"], "vip")
    _prompts(window).unsaved = lambda: "save"
    _answers(window, ["faq"])
    # Saving runs in the background; the new phrasebook is started once it is done.
    with qtbot.waitSignal(window.saved, timeout=2000):
        assert not window.new_book()
    qtbot.waitUntil(lambda: window.session is not None and window.session.book.id == "faq")
    assert library.phrasebook("demo").entries[0].tags == ("vip",)


def test_new_phrasebook_draft_is_offered_again(
    qtbot: QtBot, make_editor: MakeEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_editor()
    _answers(window, ["faq"])
    assert window.new_book()
    qtbot.keyClicks(window.book_form.fields["title/en"], "FAQ")
    qtbot.waitUntil(draft_path(window.data_dir, "faq").exists)
    # The window "crashes"; creating "faq" again offers what was typed.
    restoring = FakePrompts()
    restoring.restore_draft = True
    second = make_editor(prompts=restoring)
    _answers(second, ["faq"])
    assert second.new_book()
    qtbot.waitUntil(lambda: "restore faq" in restoring.asked)  # read in the worker
    assert second.session is not None and second.session.is_new
    assert second.book_form.fields["title/en"].text() == "FAQ"
    second.undo.undo()
    assert second.book_form.fields["title/en"].text() == ""
