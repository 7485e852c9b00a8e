"""Declared placeholder kinds in the library (migration 6): stored, diffed, exported."""

from __future__ import annotations

from pathlib import Path

from chatassist.storage import health, migrations
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary

BOOK = """\
format: 1
id: kinds
title: {zh-Hans: 类型, en: Kinds}
placeholders:
  eta: duration
entries:
  - id: kinds.ships
    scenarios: [order_status]
    gloss: {zh-Hans: 发货, en: Ships}
    variants:
      en: {direct: "Ships within {eta}, {wait} days after payment."}
    placeholders:
      wait: number
"""


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kinds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_version_5_database_gains_the_columns_and_keeps_its_entries(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "old.sqlite3", backups_dir=tmp_path / "b", target_version=5)
    db.db.execute_sql(
        "INSERT INTO phrasebook (id, version, position, title) VALUES (?, 1, 0, ?)",
        ("old", '{"zh-Hans": "旧", "en": "Old"}'),
    )
    db.db.execute_sql(
        "INSERT INTO entry (id, phrasebook_id, position, scenarios, gloss)"
        " VALUES ('old.one', 'old', 0, '[\"greeting\"]', '{\"en\": \"Hi\"}')"
    )
    db.close()
    db = Database.open(tmp_path / "old.sqlite3", backups_dir=tmp_path / "b")
    try:
        assert db.schema_version == migrations.LATEST_VERSION >= 6
        (book,) = PhrasebookLibrary(db).phrasebooks()
        assert (book.id, book.placeholder_kinds) == ("old", {})
        assert [(e.id, e.placeholder_kinds) for e in book.entries] == [("old.one", {})]
    finally:
        db.close()


def test_kinds_are_stored_diffed_and_exported_exactly(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "b")
    try:
        library = PhrasebookLibrary(db)
        source = write(tmp_path / "src", BOOK)
        library.import_files([source])
        (book,) = library.phrasebooks()
        assert book.kinds_of(book.entries[0]) == {"eta": "duration", "wait": "number"}
        (out,) = library.export(tmp_path / "out")
        assert out.read_text(encoding="utf-8").endswith("    placeholders:\n      wait: number\n")
        assert library.import_files([out]).books[0].status == "unchanged"
        # A changed declaration is a change: of the entry, and of the phrasebook's header.
        report = library.import_files(
            [write(tmp_path / "v2", BOOK.replace("wait: number", "wait: text"))]
        )
        assert report.books[0].changed == ["kinds.ships"]
        report = library.import_files(
            [
                write(
                    tmp_path / "v3",
                    BOOK.replace("eta: duration", "eta: date").replace(
                        "wait: number", "wait: text"
                    ),
                )
            ]
        )
        assert report.books[0].status == "updated" and report.books[0].changed == []
        assert library.phrasebooks()[0].placeholder_kinds == {"eta": "date"}
    finally:
        db.close()


def test_salvage_keeps_the_declarations(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "b")
    try:
        PhrasebookLibrary(db).import_files([write(tmp_path / "src", BOOK)])
    finally:
        db.close()
    salvaged = health.salvage(tmp_path / "lib.sqlite3", tmp_path / "salvaged")
    text = salvaged.files[0].read_text(encoding="utf-8")
    assert "placeholders:\n  eta: duration\n" in text and "      wait: number\n" in text
