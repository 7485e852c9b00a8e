"""The editing model without widgets: edits, validation at fields, undo, drafts."""

from __future__ import annotations

from pathlib import Path

from editor_helpers import BOOK
from PySide6.QtGui import QUndoStack

from chatassist.core.phrasebook.writer import dump
from chatassist.ui.editor import model
from chatassist.ui.editor.drafts import discard_draft, draft_path, load_draft, save_draft
from chatassist.ui.editor.undo import BookEdit


def test_field_edits_round_trip_through_field_text() -> None:
    book = model.set_field(BOOK, 0, "tags", "tracking, first_reply")
    book = model.set_field(book, 0, "keywords/es", "dónde está; pedido")
    book = model.set_field(book, 0, "gloss/en", "")
    entry = book.entries[0]
    assert entry.tags == ("tracking", "first_reply")
    assert entry.keywords["es"] == ("dónde está", "pedido")
    assert "en" not in entry.gloss
    assert model.field_text(entry, "keywords/es") == "dónde está; pedido"
    assert BOOK.entries[0].tags == ()  # snapshots are never mutated


def test_variants_keep_their_place_and_flag() -> None:
    book = model.set_variant(BOOK, 0, "ja", "detailed", "ご注文{order_id}", vetted=False)
    book = model.set_variant(book, 0, "en", "direct", "Order {order_id} is on its way.")
    entry = book.entries[0]
    assert [v.language for v in entry.variants] == ["en", "es", "ja"]
    assert entry.variant("ja", "detailed").vetted is False  # type: ignore[union-attr]
    book = model.set_variant(book, 0, "ja", "detailed", "ご注文{order_id}です")
    assert book.entries[0].variant("ja", "detailed").vetted is False  # type: ignore[union-attr]
    book = model.approve(book, 0, "ja", "detailed")
    assert book.entries[0].variant("ja", "detailed").vetted is True  # type: ignore[union-attr]
    book = model.set_variant(book, 0, "ja", "detailed", "")
    assert book.entries[0].variant("ja", "detailed") is None


def test_problems_are_located_at_fields() -> None:
    book = model.set_variant(BOOK, 0, "fr", "warm", "Commande expédiée")
    book = model.set_field(book, 0, "scenarios", "order_status, nowhere")
    session = model.EditSession(saved=BOOK, book=book, other_ids=frozenset({"greeting.hello"}))
    fields = {p.field for p in session.entry_problems(0)}
    assert {"variants/fr/warm", "scenarios"} <= fields
    assert any("another phrasebook" in p.message for p in session.entry_problems(1))
    assert session.dirty
    assert session.problems()


def test_undo_redo_and_typing_merges(qtbot: object) -> None:
    session = model.EditSession(saved=BOOK, book=BOOK)
    stack = QUndoStack()
    calls: list[int] = []

    def changed() -> None:
        calls.append(1)

    for text in ("G", "Gi", "Giv"):
        after = model.set_field(session.book, 0, "gloss/en", text)
        stack.push(BookEdit(session, after, "gloss", changed, merge_key="0:gloss/en"))
    stack.push(BookEdit(session, model.remove_entry(session.book, 1), "remove", changed))
    assert stack.count() == 2
    stack.undo()
    assert len(session.book.entries) == 2
    stack.undo()
    assert session.book == BOOK and not session.dirty
    stack.redo()
    assert session.book.entries[0].gloss["en"] == "Giv"


def test_draft_restores_even_an_invalid_book(data_dir: Path) -> None:
    broken = model.set_variant(BOOK, 0, "es", "direct", "Sin marcador")
    broken = model.set_field(broken, 0, "gloss/zh-Hans", "")
    save_draft(data_dir, broken)
    assert draft_path(data_dir, "demo").read_text(encoding="utf-8") == dump(broken)
    assert load_draft(data_dir, "demo") == broken
    discard_draft(data_dir, "demo")
    assert load_draft(data_dir, "demo") is None


def test_draft_keeps_declared_placeholder_kinds(data_dir: Path) -> None:
    from dataclasses import replace

    entry = replace(BOOK.entries[0], placeholder_kinds={"order_id": "text"})
    book = replace(BOOK, placeholder_kinds={"eta": "duration"}, entries=(entry, *BOOK.entries[1:]))
    save_draft(data_dir, book)
    assert load_draft(data_dir, "demo") == book


def test_draft_writer_skips_writes_older_than_the_last(data_dir: Path) -> None:
    from chatassist.ui.editor.drafts import DraftWriter

    writer = DraftWriter(data_dir)
    old, new = writer.ticket(), writer.ticket()
    edited = model.set_field(BOOK, 0, "gloss/en", "New")
    writer.write(new, "demo", edited)
    writer.write(old, "demo", BOOK)  # a slower, older job finishing last
    assert load_draft(data_dir, "demo") == edited
    writer.write(writer.ticket(), "demo", None)
    assert not draft_path(data_dir, "demo").exists()
