"""Backups are written whole, verified, then named; rotation counts only real ones."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chatassist.storage import backups
from chatassist.storage.database import KEEP_BACKUPS, Database
from chatassist.storage.errors import DatabaseCorrupt, StorageError
from chatassist.storage.library import PhrasebookLibrary
from damage_fixtures import damage_an_index

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def open_db(tmp_path: Path) -> Database:
    return Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups")


def test_a_backup_is_verified_and_nothing_temporary_stays(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    PhrasebookLibrary(db).import_files([SAMPLE])
    made = db.backup("before-import")
    db.close()
    assert backups.verify(made) is None
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == [made.name]
    conn = sqlite3.connect(made)
    assert conn.execute("SELECT count(*) FROM entry").fetchone()[0] > 0
    conn.close()


def test_fake_backups_left_by_killed_copies_never_rotate_real_ones_out(tmp_path: Path) -> None:
    """Issue #20 item 3: five interrupted backups (an empty file plus a journal,
    named like a backup) and one good one used to delete the last real backup."""
    db = open_db(tmp_path)
    real = [db.backup("before-import") for _ in range(2)]
    for i in range(KEEP_BACKUPS):
        fake = (
            tmp_path / "backups" / f"chatassist-20991231-0000{i:02d}-000000-before-import.sqlite3"
        )
        fake.write_bytes(b"")
        fake.with_name(fake.name + "-journal").write_bytes(b"\x00" * 512)
    good = db.backup("before-import")
    db.close()
    left = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert left == sorted(p.name for p in [*real, good])
    assert all(backups.verify(p) is None for p in [*real, good])


def test_an_interrupted_copy_leaves_no_backup_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_db(tmp_path)
    earlier = db.backup("before-import")

    def disk_full(path: Path) -> str | None:
        raise sqlite3.OperationalError("database or disk is full")

    err = sqlite3.OperationalError("database or disk is full")
    err.sqlite_errorcode = 13

    def full(path: Path) -> str | None:
        raise err

    monkeypatch.setattr(backups, "verify", full)
    with pytest.raises(StorageError, match=r"cannot write a backup into .*disk is full or failing"):
        db.backup("before-import")
    db.close()
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [earlier.name]


def test_a_damaged_library_is_not_backed_up_over_good_backups(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    PhrasebookLibrary(db).import_files([SAMPLE])
    good = [db.backup("before-import") for _ in range(KEEP_BACKUPS)]
    db.close()
    damage_an_index(tmp_path / "lib.sqlite3")
    db = open_db(tmp_path)
    with pytest.raises(DatabaseCorrupt, match="backup copy fails the check"):
        db.backup("before-import")
    db.close()
    assert sorted((tmp_path / "backups").iterdir()) == good


def test_old_temporary_files_are_cleaned_young_ones_kept(tmp_path: Path) -> None:
    import os
    import time

    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / ".tmp-1-chatassist-x.sqlite3"
    young = folder / ".tmp-2-chatassist-y.sqlite3"
    old.write_bytes(b"x")
    young.write_bytes(b"y")
    past = time.time() - backups.LEFTOVER_AGE - 10
    os.utime(old, (past, past))
    backups.clean_leftovers(folder)
    assert not old.exists()
    assert young.exists()
