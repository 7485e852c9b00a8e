"""The disposable SQLite translation cache."""

from __future__ import annotations

import threading
from pathlib import Path

from chatassist.storage.translation_cache import SCHEMA_VERSION, SqliteTranslationCache


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
