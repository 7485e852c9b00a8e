"""The phrasebook form: titles, description, version, do-not-translate; undo, validation."""

from __future__ import annotations

from editor_helpers import MakeEditor
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chatassist.core.phrasebook.model import Phrasebook
from chatassist.storage.library import PhrasebookLibrary
from chatassist.ui.editor import model
from chatassist.ui.editor.book_form import PROBLEM_STYLE
from chatassist.ui.editor.window import BOOK_NODE, EditorWindow


def _book_node(window: EditorWindow, book_id: str):  # type: ignore[no-untyped-def]
    for i in range(window.tree.topLevelItemCount()):
        item = window.tree.topLevelItem(i)
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == (book_id, BOOK_NODE):
            return item
    raise AssertionError(f"no tree node for {book_id}")


def _clear(qtbot: QtBot, window: EditorWindow, field: str) -> None:
    edit = window.book_form.fields[field]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)


def test_selecting_the_phrasebook_node_shows_its_fields(make_editor: MakeEditor) -> None:
    window = make_editor()
    window.tree.setCurrentItem(_book_node(window, "demo"))
    assert window.tabs.currentWidget() is window.book_form
    fields = window.book_form.fields
    assert fields["id"].text() == "demo"
    assert fields["id"].isReadOnly()  # saved already: the id cannot change
    assert fields["title/zh-Hans"].text() == "演示"
    assert fields["title/en"].text() == "Demo"
    assert fields["do_not_translate"].text() == "ShopName"
    assert window.book_form.version.value() == 1
    assert window.book_form.problems.count() == 0


def test_book_fields_are_undoable_validated_and_saved(
    qtbot: QtBot, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    window = make_editor()
    form = window.book_form
    qtbot.keyClicks(form.fields["title/en"], " phrases")
    qtbot.keyClicks(form.fields["description/en"], "Orders and greetings")
    qtbot.keyClicks(form.fields["do_not_translate"], ", Acme Pay")
    form.version.setValue(3)
    book = window.session.book  # type: ignore[union-attr]
    assert book.title["en"] == "Demo phrases"
    assert book.description == {"en": "Orders and greetings"}
    assert book.do_not_translate == ("ShopName", "Acme Pay")
    assert book.version == 3
    assert window.windowTitle().endswith("*")
    # Typing in one field is one undo step; the form follows undo.
    window.undo.undo()
    assert window.session.book.version == 1  # type: ignore[union-attr]
    assert form.version.value() == 1
    window.undo.undo()
    assert form.fields["do_not_translate"].text() == "ShopName"
    window.undo.redo()
    window.undo.redo()
    assert form.version.value() == 3
    # The loader's rules: zh-Hans and en titles are required.
    _clear(qtbot, window, "title/zh-Hans")
    assert "title/zh-Hans" not in window.session.book.title  # type: ignore[union-attr]
    assert form.fields["title/zh-Hans"].styleSheet() == PROBLEM_STYLE
    assert "zh-Hans" in form.fields["title/zh-Hans"].toolTip()
    assert form.fields["title/en"].styleSheet() == ""
    assert form.problems.count() == 1
    assert not window.saver.save()
    assert "zh-Hans" in window.statusBar().currentMessage()
    window.undo.undo()
    assert form.fields["title/zh-Hans"].text() == "演示"
    assert form.problems.count() == 0
    with qtbot.waitSignal(window.saved, timeout=2000):
        assert window.saver.save()
    saved = library.phrasebook("demo")
    assert saved.title == {"zh-Hans": "演示", "en": "Demo phrases"}
    assert saved.description == {"en": "Orders and greetings"}
    assert saved.do_not_translate == ("ShopName", "Acme Pay")
    assert saved.version == 3
    assert not window.session.dirty  # type: ignore[union-attr]


def test_book_field_rules_in_the_model() -> None:
    book = Phrasebook(id="demo", title={"zh-Hans": "演示", "en": "Demo"})
    assert model.set_book_field(book, "version", "0") == book  # the loader wants >= 1
    assert model.set_book_field(book, "version", "x") == book
    assert model.set_book_field(book, "version", "7").version == 7
    terms = model.set_book_field(book, "do_not_translate", " A , B ,, C ").do_not_translate
    assert terms == ("A", "B", "C")
    assert model.book_field_text(replace_terms(book, terms), "do_not_translate") == "A, B, C"
    session = model.EditSession(saved=book, book=book)
    session.book = model.set_book_field(book, "description/xx", "?")
    assert [p.field for p in session.book_problems()] == ["description/xx"]
    session.book = model.set_book_field(book, "title/en", "")
    assert [p.field for p in session.book_problems()] == ["title/en"]
    assert model.book_id_problem("faq.v2_x-y", {"demo"}) is None
    assert model.book_id_problem("demo", {"demo"}) is not None
    for bad in ("", "Demo", "a b", "-x", "é"):
        assert model.book_id_problem(bad, set()) is not None


def replace_terms(book: Phrasebook, terms: tuple[str, ...]) -> Phrasebook:
    return Phrasebook(id=book.id, title=book.title, do_not_translate=terms)
