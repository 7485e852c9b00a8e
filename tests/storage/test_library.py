"""Import all-or-nothing, re-import by id, export byte-identical round trips."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from chatassist.core.phrasebook.loader import PhrasebookInvalid
from chatassist.storage import sqlite_adapter
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary
from chatassist.storage.models import UsageRow

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"
OTHER = """\
format: 1
id: other
title: {zh-Hans: 其他, en: Other}
entries:
  - id: greeting.hello
    scenarios: [greeting]
    gloss: {zh-Hans: 问候, en: Hello}
    variants:
      en: {direct: "Hello {customer_name}!"}
      ko: {detailed: "안녕하세요, {customer_name}님!"}
"""


@pytest.fixture
def library(tmp_path: Path) -> Iterator[PhrasebookLibrary]:
    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups")
    yield PhrasebookLibrary(db)
    db.close()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(library: PhrasebookLibrary) -> list[object]:
    return [*library.phrasebooks(), *library.summaries()]


def test_import_then_read_back(library: PhrasebookLibrary, tmp_path: Path) -> None:
    report = library.import_files([SAMPLE, write(tmp_path, "other.yaml", OTHER)])
    assert [(b.id, b.status) for b in report.books] == [("sample", "added"), ("other", "added")]
    assert report.backup is None  # nothing was replaced
    books = {b.id: b for b in library.phrasebooks()}
    assert books["sample"].do_not_translate == ("ShopName",)
    entry = books["sample"].entries[0]
    assert entry.keywords["es"] == ("dónde está mi pedido", "donde esta mi pedido")
    assert books["sample"].entries[1].kind == "note"


def test_invalid_import_changes_nothing(library: PhrasebookLibrary, tmp_path: Path) -> None:
    library.import_files([SAMPLE])
    before = snapshot(library)
    bad = write(tmp_path, "bad.yaml", OTHER.replace("[greeting]", "[greetings]"))
    good = write(
        tmp_path,
        "good.yaml",
        OTHER.replace("id: other", "id: third").replace("greeting.hello", "x.y"),
    )
    with pytest.raises(PhrasebookInvalid, match=r"bad\.yaml:6"):
        library.import_files([good, bad])
    assert snapshot(library) == before


def test_failure_during_apply_rolls_back(
    library: PhrasebookLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.import_files([SAMPLE])
    before = snapshot(library)
    calls = []
    real = library.importer.insert_book

    def failing(book, position, rows=None):  # type: ignore[no-untyped-def]
        calls.append(book.id)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(book, position, rows)

    monkeypatch.setattr(library.importer, "insert_book", failing)
    changed = write(
        tmp_path, "s.yaml", SAMPLE.read_text(encoding="utf-8").replace("Good news", "Great news")
    )
    with pytest.raises(RuntimeError):
        library.import_files([changed, write(tmp_path, "other.yaml", OTHER)])
    assert snapshot(library) == before


def test_reimport_updates_by_id_removes_dropped_entries_and_keeps_usage(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    library.import_files([SAMPLE, write(tmp_path, "other.yaml", OTHER)])
    UsageRow.create(
        entry_id="order_status.tracking",
        language="en",
        tone="direct",
        used_at=datetime(2026, 11, 1),
    )
    text = SAMPLE.read_text(encoding="utf-8")
    head, _, _ = text.partition("  - id: customs.note.eu")
    newer = write(
        tmp_path,
        "sample.yaml",
        head.replace("Good news", "Great news").replace("version: 2", "version: 3"),
    )
    report = library.import_files([newer])
    (book,) = report.books
    assert (book.status, book.changed, book.removed) == (
        "updated",
        ["order_status.tracking"],
        ["customs.note.eu"],
    )
    assert report.backup is not None and report.backup.exists()
    sample = library.phrasebook("sample")
    assert sample.version == 3
    assert [e.id for e in sample.entries] == ["order_status.tracking"]
    assert (
        "Great news"
        in (sample.entries[0].variant("en", "warm") or sample.entries[0].variants[0]).text
    )
    assert UsageRow.select().where(UsageRow.entry_id == "order_status.tracking").count() == 1
    assert [e.id for e in library.phrasebook("other").entries] == ["greeting.hello"]  # untouched


def test_reimporting_the_same_file_is_unchanged(library: PhrasebookLibrary) -> None:
    library.import_files([SAMPLE])
    report = library.import_files([SAMPLE])
    assert report.books[0].status == "unchanged"
    assert report.backup is None


def test_entry_id_owned_by_another_phrasebook_is_refused(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    library.import_files([write(tmp_path, "other.yaml", OTHER)])
    thief = write(tmp_path, "thief.yaml", OTHER.replace("id: other", "id: thief"))
    with pytest.raises(PhrasebookInvalid, match="already belongs to phrasebook 'other'"):
        library.import_files([thief])


def test_export_import_export_is_byte_identical(library: PhrasebookLibrary, tmp_path: Path) -> None:
    library.import_files([SAMPLE, write(tmp_path, "other.yaml", OTHER)])
    first = library.export(tmp_path / "out1")
    assert [p.name for p in first] == ["sample.yaml", "other.yaml"]
    db2 = Database.open(tmp_path / "two.sqlite3", backups_dir=tmp_path / "b2")
    try:
        lib2 = PhrasebookLibrary(db2)
        lib2.import_files(first)
        second = lib2.export(tmp_path / "out2")
    finally:
        db2.close()
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
    assert not list((tmp_path / "out1").glob(".*.tmp"))


def test_search_index_follows_imports(library: PhrasebookLibrary, tmp_path: Path) -> None:
    library.import_files([SAMPLE])
    db = library.database.db

    def found(query: str) -> list[str]:
        return sorted({row[0] for row in sqlite_adapter.search(db, query, 20)})

    assert found("追跡番号") == ["order_status.tracking"]
    assert found("追跡") == ["order_status.tracking"]  # two characters: scan fallback
    assert found("DONDE ESTA") == ["order_status.tracking"]  # case and accents folded
    assert found("VAT on all") == ["customs.note.eu"]  # note bodies are searchable too
    text = SAMPLE.read_text(encoding="utf-8").replace("追跡番号", "お問い合わせ番号")
    library.import_files([write(tmp_path, "sample.yaml", text)])
    assert found("追跡番号") == []


def test_search_returns_one_hit_per_entry(library: PhrasebookLibrary) -> None:
    library.import_files([SAMPLE])
    hits = library.search("order")
    assert [h.entry_id for h in hits] == ["order_status.tracking"]
    assert library.search("ＶＡＴ")[0].entry_id == "customs.note.eu"  # fullwidth folded
    assert library.search("   ") == []


def test_an_entry_may_move_between_phrasebooks_in_one_import(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    def book(book_id: str, entry_ids: list[str]) -> str:
        entries = "".join(
            f"  - id: {eid}\n    scenarios: [greeting]\n    gloss: {{zh-Hans: 问候, en: Hi}}\n"
            f'    variants:\n      en: {{direct: "Hi {{customer_name}}"}}\n'
            for eid in entry_ids
        )
        return f"format: 1\nid: {book_id}\ntitle: {{zh-Hans: 书, en: Book}}\nentries:\n{entries}"

    library.import_files(
        [
            write(tmp_path, "aa.yaml", book("aa", ["aa.one"])),
            write(tmp_path, "bb.yaml", book("bb", ["bb.one", "shared.x"])),
        ]
    )
    moved = tmp_path / "moved"
    moved.mkdir()
    report = library.import_files(
        [
            write(moved, "aa.yaml", book("aa", ["aa.one", "shared.x"])),
            write(moved, "bb.yaml", book("bb", ["bb.one"])),
        ]
    )
    assert [(b.id, b.added, b.removed) for b in report.books] == [
        ("aa", ["shared.x"], []),
        ("bb", [], ["shared.x"]),
    ]
    assert [e.id for e in library.phrasebook("aa").entries] == ["aa.one", "shared.x"]
    assert [e.id for e in library.phrasebook("bb").entries] == ["bb.one"]
