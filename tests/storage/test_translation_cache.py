"""The disposable SQLite translation cache."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from chatassist.storage.translation_cache import SCHEMA_VERSION, SqliteTranslationCache, is_corrupt


def test_put_get_and_persist(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "cache.sqlite3"
    cache = SqliteTranslationCache(path)
    assert cache.get("k") is None
    cache.put("k", "value 一")
    cache.put("k", "value 二")
    assert cache.get("k") == "value 二" and len(cache) == 1
    cache.close()
    assert SqliteTranslationCache(path).get("k") == "value 二"


def test_file_is_created_only_when_used(tmp_path: Path) -> None:
    SqliteTranslationCache(tmp_path / "cache.sqlite3")
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"definitely not sqlite" * 100)
    cache = SqliteTranslationCache(path)
    assert cache.get("k") is None
    cache.put("k", "v")
    assert cache.get("k") == "v"


def test_a_file_of_another_schema_version_is_started_afresh(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "cache.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE translations (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    cache = SqliteTranslationCache(path)
    cache.put("k", "v")
    assert cache.get("k") == "v"


def test_oldest_entries_are_pruned(tmp_path: Path) -> None:
    cache = SqliteTranslationCache(tmp_path / "c.sqlite3", max_entries=100)
    for i in range(1000):
        cache.put(f"k{i}", "v")
    assert len(cache) <= 600 and cache.get("k999") == "v" and cache.get("k0") is None


def test_usable_from_several_threads(tmp_path: Path) -> None:
    cache = SqliteTranslationCache(tmp_path / "c.sqlite3")

    def work(n: int) -> None:
        for i in range(50):
            cache.put(f"{n}-{i}", str(i))
            assert cache.get(f"{n}-{i}") == str(i)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(cache) == 200


class _LockedConnection:
    """Stands in for a connection whose file another process holds locked."""

    def __init__(self, message: str) -> None:
        self.message = message

    def execute(self, *_args: object) -> None:
        import sqlite3

        raise sqlite3.OperationalError(self.message)

    def __enter__(self) -> _LockedConnection:
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def close(self) -> None:
        return None


def test_a_locked_or_full_file_is_skipped_never_deleted(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    cache = SqliteTranslationCache(path)
    cache.put("k", "v")
    for message in (
        "database is locked",
        "database or disk is full",
        "attempt to write a readonly database",
    ):
        cache._conn = _LockedConnection(message)  # type: ignore[assignment]
        assert cache.get("k") is None  # skipped: translated without the cache
        cache._conn = _LockedConnection(message)  # type: ignore[assignment]
        cache.put("k2", "v2")  # no error
        assert path.exists()
    assert cache.get("k") == "v"  # the entries survived; the next call reopens the file


def test_a_locked_file_on_open_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    path = tmp_path / "cache.sqlite3"
    cache = SqliteTranslationCache(path)
    cache.put("k", "v")
    cache.close()

    def locked(self: SqliteTranslationCache) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database is locked")

    with monkeypatch.context() as m:
        m.setattr(SqliteTranslationCache, "_open", locked)
        assert cache.get("k") is None
        cache.put("k", "other")
    assert path.exists() and cache.get("k") == "v"


def test_an_unwritable_folder_never_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    cache = SqliteTranslationCache(blocker / "cache.sqlite3")  # mkdir fails: OSError
    assert cache.get("k") is None
    cache.put("k", "v")
    assert blocker.read_text() == "x"


def test_only_corruption_counts_as_damage(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"definitely not sqlite" * 100)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError) as info:
        conn.execute("PRAGMA user_version").fetchone()
    conn.close()
    assert is_corrupt(info.value)
    assert is_corrupt(sqlite3.DatabaseError("database disk image is malformed"))
    assert not is_corrupt(sqlite3.OperationalError("database is locked"))
    assert not is_corrupt(sqlite3.OperationalError("database or disk is full"))
    assert not is_corrupt(OSError("read-only file system"))
