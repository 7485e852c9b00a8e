"""The local search index (migration v8): keyed by entry, exact after every change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import peewee as pw
import pytest

from chatassist.storage import migrations, sqlite_adapter
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[PhrasebookLibrary]:
    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups")
    yield PhrasebookLibrary(db)
    db.close()


def found(db: pw.Database, query: str) -> list[str]:
    return sorted({row[0] for row in sqlite_adapter.search(db, query, 50)})


def book(entries: dict[str, str]) -> str:
    body = "".join(
        f"  - id: {eid}\n    scenarios: [greeting]\n    gloss: {{zh-Hans: 问候, en: Hi}}\n"
        f"    variants:\n      en: {{direct: {text!r}}}\n"
        for eid, text in entries.items()
    )
    return f"format: 1\nid: book\ntitle: {{zh-Hans: 书, en: Book}}\nentries:\n{body}"


def test_a_library_from_before_is_migrated_to_the_keyed_index(tmp_path: Path) -> None:
    # Rows as the version before stored them (its FTS5 index kept them inside).
    before = next(
        n - 1
        for n, m in enumerate(migrations.MIGRATIONS, start=1)
        if "keyed_search_index" in m.__name__
    )
    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "b", target_version=before)
    for sql, params in (
        ("INSERT INTO phrasebook (id, title) VALUES (?, ?)", ["s", '{"en": "S"}']),
        (
            "INSERT INTO entry (id, phrasebook_id, position, scenarios, gloss, body) "
            "VALUES (?, 's', 0, '[]', ?, ?)",
            ["customs.note.eu", '{"en": "EU import VAT"}', '{"en": "VAT on all goods"}'],
        ),
        (
            "INSERT INTO variant (entry_id, language, tone, text) VALUES (?, ?, ?, ?)",
            ["customs.note.eu", "ja", "detailed", "追跡番号をお送りします"],
        ),
        (
            "INSERT INTO search_index (entry_id, language, field, text, folded) "
            "VALUES ('customs.note.eu', 'ja', 'variant', ?, ?)",
            ["追跡番号をお送りします", "追跡番号をお送りします"],
        ),
    ):
        db.db.execute_sql(sql, params)
    db.close()

    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "b")
    try:
        assert db.schema_version > before
        rows = db.db.execute_sql("SELECT field FROM search_text ORDER BY field").fetchall()
        assert [r[0] for r in rows] == ["body", "gloss", "variant"]  # re-derived from the tables
        sqlite_adapter.check_search_index(db.db)
        assert found(db.db, "追跡番号") == ["customs.note.eu"]
        assert found(db.db, "VAT on all") == ["customs.note.eu"]
        plan = db.db.execute_sql(
            "EXPLAIN QUERY PLAN DELETE FROM search_text WHERE entry_id = 'x'"
        ).fetchall()
        assert "search_text_entry_id" in str(plan)  # a keyed delete, not a scan
    finally:
        db.close()


def book_named(book_id: str, entries: dict[str, str]) -> str:
    return book(entries).replace("\nid: book\n", f"\nid: {book_id}\n", 1)


@pytest.mark.parametrize("bystanders", [0, 6], ids=["whole-index", "by-entry"])
def test_the_index_stays_exact_through_re_imports(
    library: PhrasebookLibrary, tmp_path: Path, bystanders: int
) -> None:
    # Alone in the library, each import writes all of it and rebuilds the whole
    # index; beside a larger phrasebook it updates its own entries' rows only.
    path = tmp_path / "book.yaml"
    db = library.database.db
    if bystanders:
        other = tmp_path / "other.yaml"
        other.write_text(
            book_named("other", {f"b.{i}": f"bystander {i}" for i in range(bystanders)}),
            "utf-8",
        )
        library.import_files([other])
    path.write_text(book({"a.one": "parcel on its way", "a.two": "refund sent"}), "utf-8")
    library.import_files([path])
    path.write_text(book({"a.one": "parcel delayed", "a.three": "coupon code"}), "utf-8")
    library.import_files([path])
    sqlite_adapter.check_search_index(db)
    assert found(db, "on its way") == []
    assert found(db, "refund") == []  # a.two was removed with the book's old version
    assert found(db, "parcel") == ["a.one"]
    assert found(db, "coupon") == ["a.three"]
    hi = ["a.one", "a.three", *(f"b.{i}" for i in range(bystanders))]
    assert found(db, "hi") == hi  # two letters: the table scan
    assert len(found(db, "bystander")) == bystanders
    rebuilt = db.execute_sql("SELECT entry_id, field, text FROM search_text ORDER BY 1, 2, 3")
    before = rebuilt.fetchall()
    sqlite_adapter.rebuild_search_index(db)  # the whole index, from the tables
    sqlite_adapter.check_search_index(db)
    after = db.execute_sql("SELECT entry_id, field, text FROM search_text ORDER BY 1, 2, 3")
    assert after.fetchall() == before


def test_glob_characters_in_a_query_are_literal(library: PhrasebookLibrary, tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    path.write_text(
        book({"p.star": "Code A*B gives 10% off", "p.plain": "Code AXB gives [20] off"}), "utf-8"
    )
    library.import_files([path])
    db = library.database.db
    assert found(db, "a*b") == ["p.star"]
    assert found(db, "a?b") == []
    assert found(db, "[20]") == ["p.plain"]
    assert found(db, "10%") == ["p.star"]
    assert found(db, "*") == ["p.star"]  # one character: the scan, still literal


def test_the_check_sees_an_index_out_of_step_with_its_table(library: PhrasebookLibrary) -> None:
    library.import_files([SAMPLE])
    db = library.database.db
    sqlite_adapter.check_search_index(db)
    # A row removed behind the index's back (not through the adapter) is noticed.
    db.execute_sql("DELETE FROM search_text WHERE entry_id = 'customs.note.eu'")
    with pytest.raises(pw.DatabaseError, match="malformed"):
        sqlite_adapter.check_search_index(db)


def index_sql(db: pw.Database) -> list[tuple[str, str]]:
    return db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
    ).fetchall()


def test_a_whole_import_leaves_every_index_as_the_migrations_made_it(
    library: PhrasebookLibrary, tmp_path: Path
) -> None:
    """A whole import (a bulk load: batches read while FTS5 indexes, merging paused)
    leaves the schema's indexes as it found them, and they are used."""
    db = library.database.db
    before = index_sql(db)
    assert {"keyword_entry_id", "variant_entry_id_language_tone", "search_text_entry_id"} <= {
        name for name, _ in before
    }
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "book.yaml").write_text(
        book({"a.hi": "Hello there", "a.bye": "Goodbye now"}), encoding="utf-8"
    )
    library.import_files([tmp_path / "src"])  # the whole library: the bulk path
    assert index_sql(db) == before
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert found(db, "goodbye") == ["a.bye"]
    # and they are used: a keyed read of one entry's variants is an index search
    plan = " ".join(
        str(r[-1])
        for r in db.execute_sql(
            "EXPLAIN QUERY PLAN SELECT text FROM variant WHERE entry_id = 'a.hi'"
        ).fetchall()
    )
    assert "variant_entry_id_language_tone" in plan


def test_a_failed_bulk_load_rolls_the_dropped_indexes_back(library: PhrasebookLibrary) -> None:
    database = library.database
    before = index_sql(database.db)

    def fail() -> None:
        with sqlite_adapter.indexes_built_after(database.db, "keyword", "variant"):
            assert index_sql(database.db) != before  # dropped for the body
            raise RuntimeError("the load failed")

    with pytest.raises(RuntimeError, match="load failed"):
        database.run(fail)
    assert index_sql(database.db) == before
