"""Opening the database: migrations, and refusals that never overwrite the file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from chatassist.storage import migrations, sqlite_adapter
from chatassist.storage.database import KEEP_BACKUPS, Database
from chatassist.storage.errors import DatabaseCorrupt, DatabaseLocked, DatabaseReadOnly, NewerSchema
from chatassist.storage.library import PhrasebookLibrary
from chatassist.storage.models import UsageRow

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def open_db(tmp_path: Path, **kw: object) -> Database:
    return Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups", **kw)  # type: ignore[arg-type]


def test_new_database_is_at_latest_version_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    assert db.schema_version == migrations.LATEST_VERSION
    assert db.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_migrates_a_version_1_database_keeping_its_data(tmp_path: Path) -> None:
    # Made the way chatassist 0.1's first schema stored a phrasebook.
    db = open_db(tmp_path, target_version=1)
    assert db.schema_version == 1
    for sql, params in (
        (
            "INSERT INTO phrasebook (id, version, title) VALUES (?, 1, ?)",
            ["sample", '{"en": "S", "zh-Hans": "样"}'],
        ),
        (
            "INSERT INTO entry (id, phrasebook_id, position, scenarios, gloss) VALUES (?, ?, 0, ?, ?)",
            ["order_status.tracking", "sample", '["order_status"]', '{"en": "g", "zh-Hans": "释"}'],
        ),
        (
            "INSERT INTO variant (entry_id, language, tone, text) VALUES (?, ?, ?, ?)",
            ["order_status.tracking", "ja", "detailed", "ご注文{order_id}は発送済みでございます。"],
        ),
    ):
        db.db.execute_sql(sql, params)
    db.close()

    db = open_db(tmp_path)
    assert db.schema_version == migrations.LATEST_VERSION
    library = PhrasebookLibrary(db)
    assert [b.id for b in library.phrasebooks()] == ["sample"]
    # v2 added the search index, filled from the existing rows, and the usage table.
    hits = sqlite_adapter.search(db.db, "発送済み", 10)
    assert [h[0] for h in hits] == ["order_status.tracking"]
    assert UsageRow.select().count() == 0
    # A copy of the version-1 database was kept before migrating.
    assert any("before-migration-v1" in p.name for p in (tmp_path / "backups").iterdir())
    db.close()


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchema, match="schema version 99"):
        open_db(tmp_path)
    assert path.read_bytes() == before


def test_corrupt_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="left untouched"):
        open_db(tmp_path)
    assert path.read_bytes() == before


def test_damaged_sqlite_file_is_refused(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    PhrasebookLibrary(db).import_files([SAMPLE])
    db.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    path = tmp_path / "lib.sqlite3"
    data = bytearray(path.read_bytes())
    page = 4096
    data[page + 100 : page * 3] = b"\xff" * (page * 2 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt):
        open_db(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_is_refused(tmp_path: Path) -> None:
    open_db(tmp_path).close()
    path = tmp_path / "lib.sqlite3"
    path.chmod(0o444)
    with pytest.raises(DatabaseReadOnly, match="read-only"):
        open_db(tmp_path)


def test_read_only_file_is_refused_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_db(tmp_path).close()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    with pytest.raises(DatabaseReadOnly, match="read-only"):
        open_db(tmp_path)


def test_read_only_file_message_when_write_fails(tmp_path: Path) -> None:
    """As root, permissions do not stop writes; a read-only SQLite connection does."""
    from chatassist.storage.database import translate_error

    open_db(tmp_path).close()
    conn = sqlite3.connect(f"file:{tmp_path / 'lib.sqlite3'}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as err:
        conn.execute("CREATE TABLE x (a)")
    assert isinstance(translate_error(tmp_path / "lib.sqlite3", err.value), DatabaseReadOnly)


def test_locked_database_gives_a_clear_error(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    db.db.execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(tmp_path / "lib.sqlite3")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked, match="locked by another program"):
            PhrasebookLibrary(db).import_files([SAMPLE])
    finally:
        other.rollback()
        other.close()
        db.close()


def test_only_the_last_backups_are_kept(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    migration = db.backup("before-migration-v1")
    made = [db.backup("before-import") for _ in range(KEEP_BACKUPS + 3)]
    kept = sorted((tmp_path / "backups").glob("*before-import*"))
    assert kept == made[-KEEP_BACKUPS:]
    assert migration.exists()  # imports never push out the pre-migration copy
    copy = sqlite3.connect(kept[-1])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    copy.close()
    db.close()


def test_another_programs_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="another program"):
        open_db(tmp_path)
    assert path.read_bytes() == before


def test_backups_folder_that_cannot_be_created_is_a_clean_error(tmp_path: Path) -> None:
    from chatassist.storage.errors import StorageError

    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "blocker" / "backups")
    (tmp_path / "blocker").write_text("a file, not a folder")
    with pytest.raises(StorageError, match="cannot create the backups folder"):
        db.backup("test")
    db.close()


def test_errors_are_classified_by_result_code_not_by_message(tmp_path: Path) -> None:
    """A constraint failure on a table whose name says "locked" is not a lock."""
    from chatassist.storage.database import translate_error
    from chatassist.storage.errors import DiskFull, StorageError

    conn = sqlite3.connect(tmp_path / "other.sqlite3")
    conn.execute("CREATE TABLE locked_readonly (a UNIQUE)")
    conn.execute("INSERT INTO locked_readonly VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError) as err:
        conn.execute("INSERT INTO locked_readonly VALUES (1)")
    conn.close()
    mapped = translate_error(tmp_path / "other.sqlite3", err.value)
    assert type(mapped) is StorageError
    full = sqlite3.OperationalError("something odd")
    full.sqlite_errorcode = 13  # SQLITE_FULL
    assert isinstance(translate_error(tmp_path / "x", full), DiskFull)
