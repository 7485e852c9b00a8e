"""What the editor tells the trainer about imports and saves (issue 15 item 8):
every problem of a refused file in a dialog, the preview's text diff per entry,
backups named by what took them, and no "Saved." over a refused save."""

from __future__ import annotations

from pathlib import Path

from editor_helpers import BOOK, FakePrompts, HoldablePool, MakeEditor
from pytestqt.qtbot import QtBot

from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant
from chatassist.core.phrasebook.tabular import write_xlsx
from chatassist.core.phrasebook.writer import dump
from chatassist.storage.backups import list_backups
from chatassist.storage.library import PhrasebookLibrary
from chatassist.ui.editor.import_preview import preview_text
from chatassist.ui.editor.window import EditorWindow
from chatassist.ui.worker import InlineThreadPool, Worker


def _prompts(window: EditorWindow) -> FakePrompts:
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    return prompts


def _import(qtbot: QtBot, window: EditorWindow, path: Path) -> bool:
    with qtbot.waitSignal(window.file_actions.finished, timeout=5000) as finished:
        assert window.file_actions.import_file(path)
    return bool(finished.args and finished.args[0])


def test_a_refused_import_lists_every_problem_in_a_dialog(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    window = make_editor()
    text = dump(BOOK)
    # Three problems in three entries' places: two unknown scenarios, one unknown tone.
    bad = (
        text.replace("order_status", "no_such_scenario")
        .replace("[greeting]", "[also_not_a_scenario]")
        .replace("direct:", "brusque:", 1)
    )
    path = tmp_path / "demo.yaml"
    path.write_text(bad, encoding="utf-8")
    assert not _import(qtbot, window, path)
    shown = _prompts(window).problems
    assert len(shown) == 1
    title, summary, problems = shown[0]
    assert title == "Not imported" and "nothing was imported" in summary
    assert len(problems) >= 3, problems
    assert all(p.startswith(f"{path}:") for p in problems)  # each names its file and line
    assert any("no_such_scenario" in p for p in problems)
    assert any("also_not_a_scenario" in p for p in problems)
    assert any("brusque" in p for p in problems)
    assert str(len(problems)) in summary
    assert "Not imported" in window.statusBar().currentMessage()
    assert library.phrasebook("demo") == BOOK  # nothing changed


def test_the_import_preview_shows_each_entrys_texts_before_and_after(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor
) -> None:
    window = make_editor()
    prompts = _prompts(window)
    prompts.import_answer = False
    tracking = BOOK.entries[0]
    changed = Entry(
        **{
            **tracking.__dict__,
            "variants": (
                Variant("en", "direct", "Order {order_id} is on its way."),
                tracking.variants[1],
            ),
        }
    )
    new = Entry(
        id="greeting.bye",
        scenarios=("closing",),
        gloss={"zh-Hans": "再见", "en": "Bye"},
        variants=(Variant("en", "direct", "Bye!"),),
    )
    book = Phrasebook(**{**BOOK.__dict__, "entries": (changed, new)})
    path = tmp_path / "demo.xlsx"
    write_xlsx(book, path)
    assert not _import(qtbot, window, path)
    text = preview_text(prompts.plans[0])
    lines = [line.strip() for line in text.splitlines()]
    # changed: the one text that differs, before and after
    at = lines.index("~ order.tracking")
    assert lines[at + 1 : at + 4] == [
        "en/direct",
        "- Order {order_id} shipped.",
        "+ Order {order_id} is on its way.",
    ]
    # added: its texts; removed: what goes
    assert "+ Bye!" in lines[lines.index("+ greeting.bye") :]
    assert "- Hello {customer_name}!" in lines[lines.index("- greeting.hello") :]
    assert "es/direct" not in lines[at : lines.index("+ greeting.bye")]  # unchanged text


def test_saves_and_imports_name_their_backups(
    qtbot: QtBot, tmp_path: Path, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    window = make_editor()
    backups = library.database.backups_dir
    qtbot.keyClicks(window.form.fields["tags"], "vip")
    with qtbot.waitSignal(window.saved, timeout=5000):
        assert window.saver.save()
    assert [b.reason for b in list_backups(backups)] == ["before-save"]
    assert "before-save" in window.statusBar().currentMessage()
    path = tmp_path / "demo.xlsx"
    write_xlsx(BOOK, path)  # replaces the saved tags: a backup first
    assert _import(qtbot, window, path)
    assert sorted(b.reason for b in list_backups(backups)) == ["before-import", "before-save"]


def test_no_saved_message_after_a_refused_save(
    qtbot: QtBot, make_editor: MakeEditor, library: PhrasebookLibrary
) -> None:
    writes = HoldablePool()
    window = make_editor(worker=Worker(InlineThreadPool(), writes=writes))
    qtbot.keyClicks(window.form.fields["tags"], "vip")
    writes.hold = True
    assert window.saver.save()  # held in the database writer
    window.form.fields["id"].clear()  # a problem: an entry needs an id
    qtbot.keyClicks(window.form.fields["segments"], "returning")
    assert not window.saver.save()  # refused: a save runs
    refused = window.statusBar().currentMessage()
    assert refused == "Already saving…"
    with qtbot.waitSignal(window.saved, timeout=5000):
        writes.release()
    message = window.statusBar().currentMessage()
    assert not message.startswith("Saved.")
    assert "not saved yet" in message
    assert window.session is not None and window.session.dirty
    # the earlier version is in the library
    assert library.phrasebook("demo").entries[0].tags == ("vip",)
