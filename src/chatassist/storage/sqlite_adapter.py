"""Everything SQLite-specific: pragmas, schema version, FTS5 search (backups: storage.backups).

The models and repositories stay portable; a PostgreSQL adapter would provide
the same functions (schema version in a table, tsvector/pg_trgm search).
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from chatassist.core.phrasebook.model import Entry
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


# --- bulk loads -------------------------------------------------------------
@contextmanager
def indexes_built_after(db: pw.Database, *tables: str, when: bool = True) -> Iterator[None]:
    """Inside a write transaction: drop the secondary indexes of ``tables`` for the
    body and create them again after it, from their own stored SQL (only ``when``:
    otherwise the body runs with the indexes as they are).

    For a load of most of the library (a whole import or team sync): building an
    index once over sorted rows costs half of keeping it up to date row by row
    (950,000 keyword rows: 5.7 s with the index, 3.0 s created after). If the body
    raises, nothing is created again: the caller's transaction rolls the drop back.
    Deleting rows needs the indexes (foreign-key cascades look children up by them),
    so delete before entering.
    """
    if not when or not tables:
        yield
        return
    marks = ", ".join("?" * len(tables))
    saved = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tables,
    ).fetchall()
    for name, _sql in saved:
        db.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in saved:
        db.execute_sql(sql)


# --- search ---------------------------------------------------------------
# One row per searchable text in ``search_text`` (a plain table, keyed by
# entry_id through an ordinary index): variants, glosses, note bodies, and one
# per entry and language for the keywords (joined). ``search_index`` is an FTS5
# trigram index over its ``folded`` column (see core.textfold) with the table as
# external content: trigrams make substring search work for CJK and Thai, which
# have no spaces; the folding makes it accent- and width-insensitive.
#
# Why this shape (migration v8): the first index (v2) kept every column inside
# FTS5 with ``entry_id UNINDEXED``, so removing one entry's rows scanned the
# whole index (0.18 s of a 0.52 s team sync at 2,000 entries, growing with the
# library). The text is folded before it is indexed, so the tokenizer needs no
# case folding of its own (``case_sensitive 1``: a third less CPU), and
# ``detail=none`` (no positions; GLOB re-checks each candidate row) halves the
# index. Every write goes through the functions below: the index must hold
# exactly the rows of ``search_text``.


def rebuild_search_index(db: pw.Database, entry_ids: list[str] | None = None) -> None:
    """Re-derive the search rows from the library tables (all entries, or the ones given).

    All entries: the table is refilled with one INSERT ... SELECT and the FTS5
    index rebuilt from it in one pass and merged. Given entries: their old rows are removed
    (found through the entry_id index) and their new ones added, in a constant
    number of statements whatever their number.
    """
    if entry_ids is None:
        db.execute_sql("DELETE FROM search_text")
        with indexes_built_after(db, "search_text"):
            _insert_rows(db, "")
        index_all_rows(db)
        return
    _stage_ids(db, entry_ids)
    _delete_staged(db)
    _insert_rows(db, f" WHERE entry_id IN {_STAGED}")
    # In rowid order: FTS5 flushes its pending terms whenever a rowid comes lower than
    # the one before (in entry-id order: 20 s instead of 6 for 10,000 entries).
    db.execute_sql(
        "INSERT INTO search_index (rowid, folded) "
        f"SELECT id, folded FROM search_text WHERE entry_id IN {_STAGED} ORDER BY id"
    )


# --- an import that adds rows while it reads ------------------------------------
# The import adds rows it built (``add_built_search_rows``) and indexes them by rowid
# range while it reads the next files (``index_rows_after``: one statement that needs
# no Python). An import that takes out most of the library's rows stops indexing them
# one by one (``empty_index``) and builds the whole index once at the end
# (``index_all_rows``).


def count_all_search_rows(db: pw.Database) -> int:
    return int(db.execute_sql("SELECT count(*) FROM search_text").fetchone()[0])


def count_search_rows(db: pw.Database, entry_ids: list[str]) -> int:
    if not entry_ids:
        return 0
    _stage_ids(db, entry_ids)
    sql = f"SELECT count(*) FROM search_text WHERE entry_id IN {_STAGED}"
    return int(db.execute_sql(sql).fetchone()[0])


def empty_index(db: pw.Database) -> None:
    """Take every row out of the index (``search_text`` stays): until
    ``index_all_rows``, rows are removed with ``delete_search_rows(indexed=False)``."""
    db.execute_sql("INSERT INTO search_index (search_index) VALUES ('delete-all')")


def delete_search_rows(db: pw.Database, entry_ids: list[str], *, indexed: bool) -> None:
    """Remove these entries' rows (``indexed``: from the index too)."""
    if not entry_ids:
        return
    _stage_ids(db, entry_ids)
    if indexed:
        _delete_staged(db)
    else:
        db.execute_sql(f"DELETE FROM search_text WHERE entry_id IN {_STAGED}")


def index_all_rows(db: pw.Database) -> None:
    """Build the whole index from ``search_text`` in one pass, then merge it."""
    db.execute_sql("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    optimize_index(db)


#: FTS5's own defaults, written back by ``resume_index_merging``
_AUTOMERGE, _CRISISMERGE = 4, 16


def pause_index_merging(db: pw.Database) -> None:
    """No segment merging while rows are indexed batch by batch (until
    ``resume_index_merging``): FTS5 otherwise merges the growing index again after
    every batch (50,000 entries: 42.6 s of indexing, 27.3 s without; the one
    ``optimize`` after them 5.7 -> 8.0 s). Stored in the index's config table, so
    the caller's transaction keeps or undoes it with everything else."""
    db.execute_sql("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0)")
    db.execute_sql("INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 1000)")


def resume_index_merging(db: pw.Database) -> None:
    """FTS5's default merging again (the caller then merges what piled up: ``optimize_index``)."""
    db.execute_sql(
        f"INSERT INTO search_index (search_index, rank) VALUES ('automerge', {_AUTOMERGE})"
    )
    db.execute_sql(
        f"INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', {_CRISISMERGE})"
    )


def optimize_index(db: pw.Database) -> None:
    """Merge the index's segments: left alone, the next small change would pay for
    merging them (0.36 s more for the first 10-entry team sync at 2,000 entries,
    growing with the library)."""
    db.execute_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")


_STAGED = "(SELECT id FROM temp.chatassist_ids)"


def _stage_ids(db: pw.Database, entry_ids: list[str]) -> None:
    db.execute_sql("CREATE TEMP TABLE IF NOT EXISTS chatassist_ids (id TEXT PRIMARY KEY)")
    db.execute_sql("DELETE FROM temp.chatassist_ids")
    db.cursor().executemany(
        "INSERT OR IGNORE INTO temp.chatassist_ids (id) VALUES (?)", [(i,) for i in entry_ids]
    )


def _delete_staged(db: pw.Database) -> None:
    # An external-content index forgets a row only when told its old text.
    db.execute_sql(
        "INSERT INTO search_index (search_index, rowid, folded) "
        f"SELECT 'delete', id, folded FROM search_text WHERE entry_id IN {_STAGED}"
    )
    db.execute_sql(f"DELETE FROM search_text WHERE entry_id IN {_STAGED}")


def _insert_rows(db: pw.Database, where: str) -> None:
    entry_where = where.replace("entry_id", "e.id")
    db.execute_sql(
        "INSERT INTO search_text (entry_id, language, field, text, folded) "
        "SELECT entry_id, language, field, text, chatassist_fold(text) FROM ("
        f"SELECT entry_id, language, 'variant' AS field, text FROM variant{where} "
        "UNION ALL SELECT entry_id, language, 'keyword', "
        "(SELECT group_concat(w.value, ' · ') FROM json_each(k.words) w) "
        f"FROM keyword k{where} "
        "UNION ALL SELECT e.id, g.key, 'gloss', g.value FROM entry e, json_each(e.gloss) g"
        f"{entry_where} "
        "UNION ALL SELECT e.id, b.key, 'body', b.value FROM entry e, json_each(e.body) b"
        f"{entry_where})"
    )


def search_rows(entries: Iterable[Entry]) -> list[tuple[str, str, str, str, str]]:
    """The rows ``_insert_rows`` derives for these entries, built from the model
    instead of the tables: (entry_id, language, field, text, folded). A test holds
    the two equal."""
    rows: list[tuple[str, str, str, str, str]] = []
    for e in entries:
        rows.extend((e.id, v.language, "variant", v.text, fold(v.text)) for v in e.variants)
        for language, words in e.keywords.items():
            if words:
                text = " · ".join(words)
                rows.append((e.id, language, "keyword", text, fold(text)))
        rows.extend((e.id, lang, "gloss", text, fold(text)) for lang, text in e.gloss.items())
        rows.extend((e.id, lang, "body", text, fold(text)) for lang, text in e.body.items())
    return rows


def add_built_search_rows(db: pw.Database, rows: list[tuple[str, str, str, str, str]]) -> int:
    """Add rows built already (``search_rows``) to ``search_text``, not yet to the
    index; the rowid they all come after (``index_rows_after``: a new row's rowid is
    always above every rowid in the table)."""
    before = int(db.execute_sql("SELECT coalesce(max(id), 0) FROM search_text").fetchone()[0])
    db.cursor().executemany(
        "INSERT INTO search_text (entry_id, language, field, text, folded) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    return before


def index_rows_after(db: pw.Database, row_id: int) -> None:
    """Index the rows of ``search_text`` above ``row_id``, in rowid order (see
    ``rebuild_search_index``)."""
    db.execute_sql(
        "INSERT INTO search_index (rowid, folded) "
        "SELECT id, folded FROM search_text WHERE id > ? ORDER BY id",
        [row_id],
    )


def _glob_pattern(folded: str) -> str:
    """``*folded*`` with GLOB's own characters matched literally."""
    return "*" + "".join(f"[{c}]" if c in "*?[" else c for c in folded) + "*"


def search(db: pw.Database, query: str, limit: int) -> list[tuple[str, str, str, str]]:
    """(entry_id, language, field, text) rows whose text contains ``query`` (folded).

    Three characters or more use the trigram index (GLOB, which is
    case-sensitive like the index; both sides are folded); shorter queries
    (two CJK characters are a whole word) scan the table, which stops as soon
    as ``limit`` rows are found. Rows come in index order: FTS5's ranking costs
    20-80 ms on a 10,000-entry library, so callers order the few rows they get
    themselves.
    """
    folded = fold(query).strip()
    if not folded:
        return []
    pattern = _glob_pattern(folded)
    if len(folded) >= 3:
        sql = (
            "SELECT t.entry_id, t.language, t.field, t.text FROM search_index "
            "JOIN search_text t ON t.id = search_index.rowid "
            "WHERE search_index.folded GLOB ? LIMIT ?"
        )
    else:
        sql = "SELECT entry_id, language, field, text FROM search_text WHERE folded GLOB ? LIMIT ?"
    return [tuple(r) for r in db.execute_sql(sql, [pattern, limit]).fetchall()]


def check_search_index(db: pw.Database) -> None:
    """FTS5's own check that the index holds exactly the rows of ``search_text``
    (raises peewee's DatabaseError, "database disk image is malformed", if not)."""
    db.execute_sql("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)")
