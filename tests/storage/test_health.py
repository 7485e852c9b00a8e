"""The full check, repair and salvage of a damaged library (#20 item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from chatassist.core.phrasebook.loader import PhrasebookInvalid, load_files
from chatassist.storage import health
from chatassist.storage.database import Database
from chatassist.storage.errors import DatabaseCorrupt
from chatassist.storage.library import PhrasebookLibrary
from damage_fixtures import bad_utf8_in, damage_an_index, leave_unclean_marker

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def library(tmp_path: Path, *, backup: bool = False) -> Path:
    db = Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups")
    PhrasebookLibrary(db).import_files([SAMPLE])
    if backup:
        db.backup("before-import")
    db.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return tmp_path / "lib.sqlite3"


def books(path: Path) -> list[object]:
    db = Database.open(path, backups_dir=path.parent / "backups")
    try:
        return list(PhrasebookLibrary(db).phrasebooks())
    finally:
        db.close()


def test_a_whole_library_checks_ok(tmp_path: Path) -> None:
    report = health.check(library(tmp_path))
    assert report.ok and report.summary().endswith(": ok (full integrity check)")


def test_index_damage_passes_the_open_check_but_not_the_full_check(tmp_path: Path) -> None:
    path = library(tmp_path)
    damage_an_index(path)
    Database.open(path, backups_dir=tmp_path / "backups").close()  # quick_check: ok
    report = health.check(path)
    assert not report.ok and report.index_only
    assert "index damage" in report.summary() and "chatassist db repair" in report.summary()


def test_repair_rebuilds_damaged_indexes_and_loses_nothing(tmp_path: Path) -> None:
    path = library(tmp_path)
    before = books(path)
    damage_an_index(path)
    report = health.repair(path, tmp_path / "backups", tmp_path, lambda q: pytest.fail(q))
    assert report.reindexed and report.after is not None and report.after.ok
    assert report.salvage is None and report.restored is None
    assert books(path) == before


def test_text_that_is_not_utf8_is_found_and_salvaged_around(tmp_path: Path) -> None:
    path = library(tmp_path, backup=True)
    original = load_files([SAMPLE])[0].phrasebook
    bad_utf8_in(path)
    report = health.check(path)
    assert report.bad_text == 1 and not report.index_only
    asked: list[str] = []
    result = health.repair(path, tmp_path / "backups", tmp_path, lambda q: asked.append(q) or False)
    assert result.salvage is not None and result.salvage.damaged_cells == 1
    # Every entry and variant is in the salvage; validation points at the damaged text.
    (file,) = result.salvage.files
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert [e["id"] for e in data["entries"]] == [e.id for e in original.entries]
    assert result.salvage.variants == sum(len(e.variants) for e in original.entries)
    with pytest.raises(PhrasebookInvalid) as invalid:
        load_files([file])
    assert "stray control character U+FFFD" in str(invalid.value.problems[0])
    assert len(asked) == 1 and "Restore the backup" in asked[0]
    assert result.declined and health.check(path).bad_text == 1  # left as it was


def test_repair_restores_the_newest_verified_backup_and_keeps_the_damaged_file(
    tmp_path: Path,
) -> None:
    path = library(tmp_path, backup=True)
    good = books(path)
    bad_utf8_in(path)
    newer_fake = tmp_path / "backups" / "chatassist-20991231-000000-000000-before-import.sqlite3"
    newer_fake.write_bytes(b"")  # never chosen: it does not verify
    result = health.repair(path, tmp_path / "backups", tmp_path, lambda q: True)
    assert result.restored is not None and result.restored.path != newer_fake
    assert result.after is not None and result.after.ok
    assert result.damaged_kept is not None and health.check(result.damaged_kept).bad_text == 1
    assert books(path) == good
    assert any("the damaged database was kept as" in line for line in result.lines())


def test_an_empty_database_with_backups_is_not_refilled(tmp_path: Path) -> None:
    """Issue #20 item 7: a 0-byte database was silently refilled with the bundled phrasebooks."""
    path = library(tmp_path, backup=True)
    path.write_bytes(b"")
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    with pytest.raises(DatabaseCorrupt, match=r"empty \(0 bytes\) while 1 backup\(s\) exist"):
        Database.open(path, backups_dir=tmp_path / "backups")
    assert path.stat().st_size == 0
    result = health.repair(path, tmp_path / "backups", tmp_path, lambda q: True)
    assert result.restored is not None and books(path)


def test_after_an_unclean_shutdown_the_full_check_runs_at_open(tmp_path: Path) -> None:
    path = library(tmp_path)
    damage_an_index(path)
    marker = leave_unclean_marker(path)
    with pytest.raises(DatabaseCorrupt, match="index damage"):
        Database.open(path, backups_dir=tmp_path / "backups")
    assert not marker.exists()


def test_a_clean_open_after_an_unclean_shutdown_says_so(tmp_path: Path) -> None:
    path = library(tmp_path)
    leave_unclean_marker(path)
    db = Database.open(path, backups_dir=tmp_path / "backups")
    assert db.startup_note is not None and "full check found it whole" in db.startup_note
    db.close()
    again = Database.open(path, backups_dir=tmp_path / "backups")
    assert again.startup_note is None
    assert [p.name for p in tmp_path.glob(".lib.sqlite3.open-*")] != []
    again.close()
    assert list(tmp_path.glob(".lib.sqlite3.open-*")) == []
