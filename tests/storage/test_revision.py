"""The library revision: bumped in the same transaction as any library change, by
any writer, readable from another process; and the open-time check it lets us skip."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from chatassist.core.phrasebook.loader import load_files
from chatassist.storage import clean_close, migrations, revision
from chatassist.storage.database import Database
from chatassist.storage.errors import DatabaseCorrupt
from chatassist.storage.library import PhrasebookLibrary

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def open_db(tmp_path: Path) -> Database:
    return Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups")


def test_an_import_bumps_the_revision_and_notes_each_entry(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    before = db.revision()
    PhrasebookLibrary(db).import_files([SAMPLE])
    after = db.revision()
    assert after.number > before.number and after.stamp != before.stamp
    changes = db.changes()
    book = load_files([SAMPLE])[0].phrasebook
    assert ("book", book.id) in changes
    assert {("entry", e.id) for e in book.entries} <= set(changes)
    db.close()


def test_an_unchanged_reimport_keeps_the_revision(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    library = PhrasebookLibrary(db)
    library.import_files([SAMPLE])
    before = db.revision()
    library.import_files([SAMPLE])
    assert db.revision() == before
    db.close()


def test_changing_one_entry_renews_only_its_stamp(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    library = PhrasebookLibrary(db)
    library.import_files([SAMPLE])
    before = db.changes()
    loaded = load_files([SAMPLE])[0]
    first = loaded.phrasebook.entries[0]
    edited = replace(first, pinned=not first.pinned)
    book = replace(loaded.phrasebook, entries=(edited, *loaded.phrasebook.entries[1:]))
    library.import_loaded([replace(loaded, phrasebook=book)])
    after = db.changes()
    renewed = {k for k in after if before.get(k) != after[k]}
    # The importer rewrites the phrasebook's rows; every entry of it is noted, no other.
    assert ("entry", first.id) in renewed
    assert all(k[0] == "book" or k[1] in {e.id for e in book.entries} for k in renewed)
    db.close()


def test_a_write_by_another_program_bumps_the_revision(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    PhrasebookLibrary(db).import_files([SAMPLE])
    entry_id = load_files([SAMPLE])[0].phrasebook.entries[0].id
    before, stamps = db.revision(), db.changes()
    db.close()
    path = tmp_path / "lib.sqlite3"
    # A plain sqlite3 connection (no chatassist code), in another process.
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute(\"UPDATE variant SET text = text || '!' WHERE entry_id = ?\", (sys.argv[2],))\n"
        "c.commit()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path), entry_id], check=True)
    seen = revision.read(path)
    assert seen is not None and seen.number > before.number
    db = open_db(tmp_path)
    assert db.revision() == seen
    assert db.changes()[("entry", entry_id)] != stamps[("entry", entry_id)]
    db.close()


def test_deleting_an_entry_alone_is_noted(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    PhrasebookLibrary(db).import_files([SAMPLE])
    entry_id = load_files([SAMPLE])[0].phrasebook.entries[0].id
    before, stamps = db.revision(), db.changes()
    db.db.execute_sql("DELETE FROM entry WHERE id = ?", [entry_id])
    assert db.revision().number > before.number
    assert db.changes()[("entry", entry_id)] != stamps[("entry", entry_id)]
    db.close()


def test_a_restored_older_library_never_reads_as_the_newer_revision(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    old = db.backup("test")
    PhrasebookLibrary(db).import_files([SAMPLE])
    newer = db.revision()
    db.close()
    conn = sqlite3.connect(old)
    # Edited back up to the same count: the stamp still differs.
    while conn.execute("SELECT revision FROM library_revision").fetchone()[0] < newer.number:
        conn.execute("UPDATE phrasebook SET version = version")  # no rows: no bump
        conn.execute("INSERT INTO phrasebook (id, title) VALUES ('x', '{}')")
        conn.execute("DELETE FROM phrasebook WHERE id = 'x'")
    conn.commit()
    conn.close()
    restored = revision.read(old)
    assert restored is not None and restored != newer


def test_a_library_from_before_the_revision_gets_one_and_every_entry_noted(tmp_path: Path) -> None:
    before = next(  # the version just before the migration that adds the revision
        n - 1
        for n, m in enumerate(migrations.MIGRATIONS, start=1)
        if "library_revision" in m.__name__
    )
    db = Database.open(
        tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups", target_version=before
    )
    assert "library_revision" not in db.db.get_tables()
    # Rows as that version stored them (today's importer writes a newer schema).
    db.db.execute_sql("INSERT INTO phrasebook (id, title) VALUES ('s', '{\"en\": \"S\"}')")
    for position, entry_id in enumerate(("a.one", "a.two")):
        db.db.execute_sql(
            "INSERT INTO entry (id, phrasebook_id, position, scenarios, gloss, body) "
            "VALUES (?, 's', ?, '[]', '{}', '{}')",
            [entry_id, position],
        )
    db.close()
    db = open_db(tmp_path)
    assert db.schema_version == migrations.LATEST_VERSION
    assert {("entry", "a.one"), ("entry", "a.two"), ("book", "s")} <= set(db.changes())
    assert db.revision().number >= 1
    db.close()


def test_reading_a_file_without_a_revision_gives_none(tmp_path: Path) -> None:
    assert revision.read(tmp_path / "missing.sqlite3") is None
    sqlite3.connect(tmp_path / "plain.sqlite3").execute("CREATE TABLE t (x)").connection.close()
    assert revision.read(tmp_path / "plain.sqlite3") is None


# --- the open-time quick_check ----------------------------------------------------


def test_a_cleanly_closed_untouched_library_skips_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_db(tmp_path).close()
    path = tmp_path / "lib.sqlite3"
    assert clean_close.unchanged(path)
    PhrasebookLibrary(db := open_db(tmp_path)).import_files([SAMPLE])
    assert not clean_close.unchanged(path)  # written since
    db.close()
    assert clean_close.unchanged(path)


def test_a_library_damaged_right_after_a_clean_close_is_still_refused(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    PhrasebookLibrary(db).import_files([SAMPLE])
    db.close()
    path = tmp_path / "lib.sqlite3"
    data = bytearray(path.read_bytes())
    page = 4096
    data[page + 100 : page * 3] = b"\xff" * (page * 2 - 100)
    path.write_bytes(bytes(data))  # same size, within the same clock tick
    assert not clean_close.unchanged(path)
    with pytest.raises(DatabaseCorrupt):
        open_db(tmp_path)
