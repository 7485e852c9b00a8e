"""Everything SQLite-specific: pragmas, schema version, FTS5 search, backups.

The models and repositories stay portable; a PostgreSQL adapter would provide
the same functions (schema version in a table, tsvector/pg_trgm search).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw

PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 3000,
}

SQLITE_MAGIC = b"SQLite format 3\x00"


def connect(path: Path) -> pw.SqliteDatabase:
    return pw.SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)


def looks_like_sqlite(path: Path) -> bool:
    """True for an empty file or one with the SQLite header."""
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    return head in (b"", SQLITE_MAGIC)


def schema_version(db: pw.Database) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def set_schema_version(db: pw.Database, version: int) -> None:
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def backup_to(db: pw.SqliteDatabase, target: Path) -> None:
    """Consistent online copy (sqlite3 backup API), safe while the app runs."""
    conn = db.connection()
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()


# --- search ---------------------------------------------------------------
# One row per searchable text: variants, glosses, keywords. Trigram tokens
# make substring search work for CJK and Thai, which have no spaces.


def create_search_index(db: pw.Database) -> None:
    db.execute_sql(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "entry_id UNINDEXED, language UNINDEXED, field UNINDEXED, text, tokenize='trigram')"
    )


def rebuild_search_index(db: pw.Database, entry_ids: list[str] | None = None) -> None:
    """Re-derive the index from the library tables (all entries, or the ones given)."""
    if entry_ids is None:
        db.execute_sql("DELETE FROM search_index")
        where, params = "", []
    else:
        if not entry_ids:
            return
        marks = ",".join("?" * len(entry_ids))
        db.execute_sql(f"DELETE FROM search_index WHERE entry_id IN ({marks})", entry_ids)
        where, params = f" WHERE entry_id IN ({marks})", list(entry_ids)
    db.execute_sql(
        "INSERT INTO search_index (entry_id, language, field, text) "
        f"SELECT entry_id, language, 'variant', text FROM variant{where}",
        params,
    )
    db.execute_sql(
        "INSERT INTO search_index (entry_id, language, field, text) "
        f"SELECT entry_id, language, 'keyword', text FROM keyword{where}",
        params,
    )
    gloss_where = where.replace("entry_id", "e.id")
    db.execute_sql(
        "INSERT INTO search_index (entry_id, language, field, text) "
        "SELECT e.id, g.key, 'gloss', g.value FROM entry e, json_each(e.gloss) g"
        f"{gloss_where}",
        params,
    )


def delete_from_search_index(db: pw.Database, entry_ids: list[str]) -> None:
    if entry_ids:
        marks = ",".join("?" * len(entry_ids))
        db.execute_sql(f"DELETE FROM search_index WHERE entry_id IN ({marks})", entry_ids)
