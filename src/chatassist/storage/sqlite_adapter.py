"""Everything SQLite-specific: pragmas, schema version, FTS5 search (backups: storage.backups).

The models and repositories stay portable; a PostgreSQL adapter would provide
the same functions (schema version in a table, tsvector/pg_trgm search).
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

import peewee as pw

from chatassist.core.textfold import fold

PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 3000,
}

SQLITE_MAGIC = b"SQLite format 3\x00"


def lenient_text(raw: bytes) -> str:
    """Text as stored, with bytes that are not UTF-8 shown as U+FFFD.

    SQLite stores what it is given; a flipped bit or another program can leave
    bytes that are not UTF-8, and Python's default decoder then fails the whole
    query ("Could not decode to UTF-8 column 'text'"): suggestions and the
    export that would salvage the library stopped. ``chatassist db check``
    reports such cells; ``db repair`` salvages around them."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


#: ``lenient_text`` without a Python frame per value: ``str(raw, "utf-8", "replace")``
#: gives the same text, and reading a 10,000-entry library decodes a million cells.
_LENIENT_TEXT = functools.partial(str, encoding="utf-8", errors="replace")


class _LibraryDatabase(pw.SqliteDatabase):  # type: ignore[misc]  # peewee is untyped
    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        super()._add_conn_hooks(conn)
        conn.text_factory = _LENIENT_TEXT


def connect(path: Path) -> pw.SqliteDatabase:
    db = _LibraryDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    # The search index's folded text is computed inside SQLite, so that the index
    # is (re)built with one INSERT ... SELECT statement.
    db.register_function(fold, "chatassist_fold", 1, deterministic=True)
    return db


def looks_like_sqlite(path: Path) -> bool:
    """True for an empty file or one with the SQLite header."""
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    return head in (b"", SQLITE_MAGIC)


def schema_version(db: pw.Database) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def set_schema_version(db: pw.Database, version: int) -> None:
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


# --- search ---------------------------------------------------------------
# One row per searchable text: variants, glosses, keywords. Trigram tokens
# make substring search work for CJK and Thai, which have no spaces; the
# ``folded`` column (see core.textfold) makes it accent- and width-insensitive.


def create_search_index(db: pw.Database) -> None:
    db.execute_sql(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "entry_id UNINDEXED, language UNINDEXED, field UNINDEXED, text UNINDEXED, folded, "
        "tokenize='trigram')"
    )


def rebuild_search_index(db: pw.Database, entry_ids: list[str] | None = None) -> None:
    """Re-derive the index from the library tables (all entries, or the ones given).

    One row per variant, gloss and note body, and one per entry and language
    for the keywords (joined), which keeps the index small. Each case is one
    DELETE and one INSERT ... SELECT: ``entry_id`` is not indexed in the FTS
    table, so deleting entry by entry would scan it once per entry.
    """
    if entry_ids is None:
        db.execute_sql("DELETE FROM search_index")
        _index_rows(db, "")
        return
    _stage_ids(db, entry_ids)
    db.execute_sql(f"DELETE FROM search_index WHERE entry_id IN {_STAGED}")
    _index_rows(db, f" WHERE entry_id IN {_STAGED}")


_STAGED = "(SELECT id FROM temp.chatassist_ids)"


def _stage_ids(db: pw.Database, entry_ids: list[str]) -> None:
    db.execute_sql("CREATE TEMP TABLE IF NOT EXISTS chatassist_ids (id TEXT PRIMARY KEY)")
    db.execute_sql("DELETE FROM temp.chatassist_ids")
    db.cursor().executemany(
        "INSERT OR IGNORE INTO temp.chatassist_ids (id) VALUES (?)", [(i,) for i in entry_ids]
    )


def _index_rows(db: pw.Database, where: str) -> None:
    entry_where = where.replace("entry_id", "e.id")
    db.execute_sql(
        "INSERT INTO search_index (entry_id, language, field, text, folded) "
        "SELECT entry_id, language, field, text, chatassist_fold(text) FROM ("
        f"SELECT entry_id, language, 'variant' AS field, text FROM variant{where} "
        "UNION ALL SELECT entry_id, language, 'keyword', group_concat(text, ' · ') "
        f"FROM (SELECT * FROM keyword{where} ORDER BY entry_id, language, position) "
        "GROUP BY entry_id, language "
        "UNION ALL SELECT e.id, g.key, 'gloss', g.value FROM entry e, json_each(e.gloss) g"
        f"{entry_where} "
        "UNION ALL SELECT e.id, b.key, 'body', b.value FROM entry e, json_each(e.body) b"
        f"{entry_where})"
    )


def search(db: pw.Database, query: str, limit: int) -> list[tuple[str, str, str, str]]:
    """(entry_id, language, field, text) rows whose text contains ``query`` (folded).

    Three characters or more use the trigram index; shorter queries (two CJK
    characters are a whole word) fall back to a scan, which stops as soon as
    ``limit`` rows are found. Rows come in index order: FTS5's bm25 ranking
    costs 20-80 ms on a 10,000-entry library, so callers order the few rows
    they get themselves.
    """
    folded = fold(query).strip()
    if not folded:
        return []
    if len(folded) >= 3:
        phrase = '"' + folded.replace('"', '""') + '"'
        sql = (
            "SELECT entry_id, language, field, text FROM search_index "
            "WHERE search_index MATCH ? LIMIT ?"
        )
        return [tuple(r) for r in db.execute_sql(sql, [f"folded : {phrase}", limit]).fetchall()]
    pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = (
        "SELECT entry_id, language, field, text FROM search_index "
        "WHERE folded LIKE ? ESCAPE '\\' LIMIT ?"
    )
    return [tuple(r) for r in db.execute_sql(sql, [pattern, limit]).fetchall()]


def delete_from_search_index(db: pw.Database, entry_ids: list[str]) -> None:
    """Remove these entries' rows, in one statement (see rebuild_search_index)."""
    if entry_ids:
        _stage_ids(db, entry_ids)
        db.execute_sql(f"DELETE FROM search_index WHERE entry_id IN {_STAGED}")
