"""Numbered schema migrations. The schema version is ``PRAGMA user_version``.

Each migration is written out as it was when released (explicit DDL, not the
current models), so upgrading a database made by any earlier version gives the
same schema as a new one. Add a migration; never edit a released one.
"""

from __future__ import annotations

from collections.abc import Callable

import peewee as pw

from chatassist.storage import sqlite_adapter

Migration = Callable[[pw.Database], None]


def _v1_library(db: pw.Database) -> None:
    for sql in (
        """CREATE TABLE phrasebook (
            id VARCHAR(255) NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL DEFAULT 1,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '{}',
            do_not_translate TEXT NOT NULL DEFAULT '[]')""",
        """CREATE TABLE entry (
            id VARCHAR(255) NOT NULL PRIMARY KEY,
            phrasebook_id VARCHAR(255) NOT NULL REFERENCES phrasebook (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind VARCHAR(255) NOT NULL DEFAULT 'reply',
            scenarios TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            segments TEXT NOT NULL DEFAULT '[]',
            regions TEXT NOT NULL DEFAULT '[]',
            pinned INTEGER NOT NULL DEFAULT 0,
            gloss TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '{}')""",
        "CREATE INDEX entry_phrasebook_id ON entry (phrasebook_id)",
        """CREATE TABLE keyword (
            id INTEGER NOT NULL PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            language VARCHAR(255) NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL)""",
        "CREATE INDEX keyword_entry_id ON keyword (entry_id)",
        """CREATE TABLE variant (
            id INTEGER NOT NULL PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            language VARCHAR(255) NOT NULL,
            tone VARCHAR(255) NOT NULL,
            text TEXT NOT NULL,
            vetted INTEGER NOT NULL DEFAULT 1)""",
        "CREATE UNIQUE INDEX variant_entry_id_language_tone ON variant (entry_id, language, tone)",
    ):
        db.execute_sql(sql)


#: The search rows (entry_id, language, field, text, folded) as schemas 2-8 derived
#: them from the library tables, a row per keyword then (sqlite_adapter derives today's).
_SEARCH_ROWS_V2 = (
    "SELECT entry_id, language, field, text, chatassist_fold(text) FROM ("
    "SELECT entry_id, language, 'variant' AS field, text FROM variant "
    "UNION ALL SELECT entry_id, language, 'keyword', group_concat(text, ' · ') "
    "FROM (SELECT * FROM keyword ORDER BY entry_id, language, position) "
    "GROUP BY entry_id, language "
    "UNION ALL SELECT e.id, g.key, 'gloss', g.value FROM entry e, json_each(e.gloss) g "
    "UNION ALL SELECT e.id, b.key, 'body', b.value FROM entry e, json_each(e.body) b)"
)


def _v2_usage_and_search(db: pw.Database) -> None:
    """Usage records (the 'hot' signal and trainers' statistics) and the search index."""
    for sql in (
        """CREATE TABLE usage (
            id INTEGER NOT NULL PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL,
            language VARCHAR(255) NOT NULL,
            tone VARCHAR(255) NOT NULL,
            region VARCHAR(255) NOT NULL DEFAULT '',
            used_at DATETIME NOT NULL)""",
        "CREATE INDEX usage_entry_id ON usage (entry_id)",
        "CREATE INDEX usage_used_at ON usage (used_at)",
    ):
        db.execute_sql(sql)
    # The search index as released in v2 (replaced by v7).
    db.execute_sql(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "entry_id UNINDEXED, language UNINDEXED, field UNINDEXED, text UNINDEXED, folded, "
        "tokenize='trigram')"
    )
    db.execute_sql(
        f"INSERT INTO search_index (entry_id, language, field, text, folded) {_SEARCH_ROWS_V2}"
    )


def _v3_team_replica(db: pw.Database) -> None:
    """What a data folder remembers of its team library (storage/team/replica.py):
    the revision it has, who changed each entry, usage not yet uploaded, the team's heat."""
    for sql in (
        """CREATE TABLE team_state (
            key VARCHAR(64) NOT NULL PRIMARY KEY,
            value TEXT NOT NULL)""",
        """CREATE TABLE team_entry (
            entry_id VARCHAR(255) NOT NULL PRIMARY KEY,
            revision INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at DATETIME NOT NULL)""",
        """CREATE TABLE team_usage_queue (
            upload_id VARCHAR(36) NOT NULL PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL,
            language VARCHAR(255) NOT NULL,
            tone VARCHAR(255) NOT NULL,
            region VARCHAR(255) NOT NULL DEFAULT '',
            scenarios TEXT NOT NULL DEFAULT '[]',
            used_at DATETIME NOT NULL)""",
        """CREATE TABLE team_heat (
            entry_id VARCHAR(255) NOT NULL PRIMARY KEY,
            score REAL NOT NULL)""",
    ):
        db.execute_sql(sql)


def _v4_response_times(db: pw.Database) -> None:
    """First-response times per sidebar session (the playbook's 30 s target): figures
    only, never the customer's message."""
    for sql in (
        """CREATE TABLE response_time (
            id INTEGER NOT NULL PRIMARY KEY,
            session VARCHAR(64) NOT NULL,
            seconds REAL NOT NULL,
            urgent INTEGER NOT NULL DEFAULT 0,
            scenario VARCHAR(255) NOT NULL DEFAULT '',
            region VARCHAR(255) NOT NULL DEFAULT '',
            answered_at DATETIME NOT NULL)""",
        "CREATE INDEX response_time_session ON response_time (session)",
        "CREATE INDEX response_time_answered_at ON response_time (answered_at)",
    ):
        db.execute_sql(sql)


def _v5_glossary(db: pw.Database) -> None:
    """The trainers' glossary (storage/glossary.py): one row per term, its JSON."""
    db.execute_sql(
        """CREATE TABLE glossary_term (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            position INTEGER NOT NULL,
            data TEXT NOT NULL)"""
    )


def _v6_placeholder_kinds(db: pw.Database) -> None:
    """Placeholder kinds declared in the phrasebook (``placeholders:``): the
    phrasebook's map and each entry's own, as JSON objects name -> kind."""
    for table in ("phrasebook", "entry"):
        db.execute_sql(
            f"ALTER TABLE {table} ADD COLUMN placeholder_kinds TEXT NOT NULL DEFAULT '{{}}'"
        )


def _v7_library_revision(db: pw.Database) -> None:
    """What changed in the library, kept by triggers in the change's own transaction
    (an import, an editor save, a team sync or a delete, by any program):

    - ``library_revision``: one row, bumped at every change; ``stamp`` is random at
      each bump, so a library restored from an older backup and edited back to the
      same count still reads differently;
    - ``library_change``: per phrasebook (``kind`` 'book') and entry ('entry'), a
      random stamp renewed whenever it, its variants or its keywords change
      (deletions included), so a derived index can tell which entries to redo.
    """
    db.execute_sql(
        """CREATE TABLE library_revision (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            revision INTEGER NOT NULL,
            stamp TEXT NOT NULL)"""
    )
    db.execute_sql("INSERT INTO library_revision VALUES (1, 1, lower(hex(randomblob(8))))")
    db.execute_sql(
        """CREATE TABLE library_change (
            kind VARCHAR(8) NOT NULL,
            id VARCHAR(255) NOT NULL,
            stamp TEXT NOT NULL,
            PRIMARY KEY (kind, id)) WITHOUT ROWID"""
    )
    db.execute_sql(
        "INSERT INTO library_change SELECT 'book', id, lower(hex(randomblob(8))) FROM phrasebook"
    )
    db.execute_sql(
        "INSERT INTO library_change SELECT 'entry', id, lower(hex(randomblob(8))) FROM entry"
    )
    for table, kind, column, events in (
        ("phrasebook", "book", "id", ("INSERT", "UPDATE", "DELETE")),
        ("entry", "entry", "id", ("INSERT", "UPDATE", "DELETE")),
        ("keyword", "entry", "entry_id", ("UPDATE", "DELETE")),
        ("variant", "entry", "entry_id", ("UPDATE", "DELETE")),
    ):
        _revision_triggers(db, table, kind, column, events)


def _revision_triggers(
    db: pw.Database, table: str, kind: str, column: str, events: tuple[str, ...]
) -> None:
    """The triggers that note a change of ``table`` in the library revision (v7).

    Keywords and variants are inserted with their entry row (import and sync
    replace whole entries) and deleted with it by the cascade: a trigger per row
    there would cost seconds per import. A change of one alone counts."""
    bump = (
        "UPDATE library_revision SET revision = revision + 1, "
        "stamp = lower(hex(randomblob(8))) WHERE id = 1"
    )
    for event in events:
        rows = {"INSERT": ("NEW",), "UPDATE": ("OLD", "NEW"), "DELETE": ("OLD",)}[event]
        # Delete, then insert: not INSERT OR REPLACE, whose policy an outer
        # statement's overrides (a team sync's upsert of a phrasebook made it
        # ABORT, and its OLD and NEW rows, the same id, collided).
        ids = ", ".join(f"{row}.{column}" for row in rows)
        noted = (
            f"DELETE FROM library_change WHERE kind = '{kind}' AND id IN ({ids}); "
            f"INSERT INTO library_change SELECT DISTINCT '{kind}', id, "
            f"lower(hex(randomblob(8))) FROM (SELECT {rows[0]}.{column} AS id"
            + "".join(f" UNION SELECT {row}.{column}" for row in rows[1:])
            + ")"
        )
        # A cascade from its entry (already gone, already noted) costs one look-up.
        when = (
            " WHEN EXISTS (SELECT 1 FROM entry WHERE id = OLD.entry_id)"
            if event == "DELETE" and table in ("keyword", "variant")
            else ""
        )
        db.execute_sql(
            f"CREATE TRIGGER library_revision_{table}_{event.lower()} "
            f"AFTER {event} ON {table}{when} BEGIN {bump}; {noted}; END"
        )


def _v8_keyed_search_index(db: pw.Database) -> None:
    """The search rows in a plain table keyed by entry_id, indexed by an external-content
    FTS5 table (sqlite_adapter's search section says why): removing an entry's rows no
    longer scans the whole index, and the index costs a third less CPU and half the disk."""
    for sql in (
        "DROP TABLE search_index",
        """CREATE TABLE search_text (
            id INTEGER NOT NULL PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL,
            language VARCHAR(255) NOT NULL,
            field VARCHAR(16) NOT NULL,
            text TEXT NOT NULL,
            folded TEXT NOT NULL)""",
        "CREATE INDEX search_text_entry_id ON search_text (entry_id)",
        "CREATE VIRTUAL TABLE search_index USING fts5(folded, content='search_text', "
        "content_rowid='id', tokenize='trigram case_sensitive 1', detail=none)",
        # FTS5's buffer of pending terms: 8 MB instead of 1 MB, fewer segments to merge.
        "INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 8388608)",
        # The rows as they were derived then, from the keyword table of the time (a row
        # per keyword; v9 groups them): a migration is frozen in its day.
        f"INSERT INTO search_text (entry_id, language, field, text, folded) {_SEARCH_ROWS_V2}",
        "INSERT INTO search_index (search_index) VALUES ('rebuild')",
        "INSERT INTO search_index (search_index) VALUES ('optimize')",
    ):
        db.execute_sql(sql)


def _v9_keywords_grouped(db: pw.Database) -> None:
    """One keyword row per entry and language, its words a JSON array in order,
    instead of a row per keyword: a 10,000-entry library held 950,000 keyword rows
    (62 MB and a 44 MB index), which every import, sync and index build wrote or
    read one by one; grouped they are 203,000 rows (inserting them 2.1 -> 0.5 s)."""
    for sql in (
        """CREATE TABLE keyword_grouped (
            id INTEGER NOT NULL PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            language VARCHAR(255) NOT NULL,
            words TEXT NOT NULL)""",
        "INSERT INTO keyword_grouped (entry_id, language, words) "
        "SELECT entry_id, language, json_group_array(text) FROM ("
        "SELECT entry_id, language, text FROM keyword ORDER BY entry_id, language, position) "
        "GROUP BY entry_id, language",
        "DROP TABLE keyword",  # its triggers and index go with it
        "ALTER TABLE keyword_grouped RENAME TO keyword",
        "CREATE INDEX keyword_entry_id ON keyword (entry_id)",
    ):
        db.execute_sql(sql)
    _revision_triggers(db, "keyword", "entry", "entry_id", ("UPDATE", "DELETE"))


MIGRATIONS: tuple[Migration, ...] = (
    _v1_library,
    _v2_usage_and_search,
    _v3_team_replica,
    _v4_response_times,
    _v5_glossary,
    _v6_placeholder_kinds,
    _v7_library_revision,
    _v8_keyed_search_index,
    _v9_keywords_grouped,
)
LATEST_VERSION = len(MIGRATIONS)


def pending(current: int) -> tuple[tuple[int, Migration], ...]:
    return tuple((n, m) for n, m in enumerate(MIGRATIONS, start=1) if n > current)


def migrate(db: pw.Database, current: int, target: int = LATEST_VERSION) -> int:
    """Apply migrations ``current+1 .. target`` in one transaction; returns the new version."""
    with db.atomic():
        for number, migration in pending(current):
            if number > target:
                break
            migration(db)
            sqlite_adapter.set_schema_version(db, number)
            current = number
    return current
