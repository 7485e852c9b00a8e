"""The team schema on PostgreSQL: its own version table and numbered migrations.

The library tables have the same names and columns as the local SQLite ones
(storage/models.py), plus what a team needs: each phrasebook and entry carries
the library ``revision`` that last changed it, who changed it and when, and a
``deleted`` mark so replicas learn of removals. ``library_state`` holds the
library's current revision; a publish takes its row lock, so publishes are
serialised and a reader's snapshot never sees revision N+1 before N.

Search is the server's own: pg_trgm GIN index over folded text
(core.textfold). pg_trgm only extracts trigrams from letters its ctype knows,
so a database whose LC_CTYPE is C/POSIX would index no CJK or Thai: refused.

Each migration is written out as released; add one, never edit one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import peewee as pw

from chatassist.storage.team.errors import (
    TeamDatabaseUnsuitable,
    TeamPermissionDenied,
    TeamSchemaMissing,
    TeamSchemaNewer,
)

AGENT_ROLE = "chatassist_agent"
TRAINER_ROLE = "chatassist_trainer"
LIBRARY_TABLES = ("phrasebook", "entry", "keyword", "variant", "search_text")

Migration = Callable[[pw.Database], None]


def _v1_team_library(db: pw.Database) -> None:
    for sql in (
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        """CREATE TABLE library_state (
            id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
            revision BIGINT NOT NULL DEFAULT 0)""",
        "INSERT INTO library_state DEFAULT VALUES",
        """CREATE TABLE phrasebook (
            id VARCHAR(255) NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL DEFAULT 1,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '{}',
            do_not_translate TEXT NOT NULL DEFAULT '[]',
            revision BIGINT NOT NULL,
            changed_by TEXT NOT NULL DEFAULT current_user,
            changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            deleted BOOLEAN NOT NULL DEFAULT FALSE)""",
        "CREATE INDEX phrasebook_revision ON phrasebook (revision)",
        """CREATE TABLE entry (
            id VARCHAR(255) NOT NULL PRIMARY KEY,
            phrasebook_id VARCHAR(255) NOT NULL REFERENCES phrasebook (id),
            position INTEGER NOT NULL,
            kind VARCHAR(255) NOT NULL DEFAULT 'reply',
            scenarios TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            segments TEXT NOT NULL DEFAULT '[]',
            regions TEXT NOT NULL DEFAULT '[]',
            pinned BOOLEAN NOT NULL DEFAULT FALSE,
            gloss TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '{}',
            revision BIGINT NOT NULL,
            changed_by TEXT NOT NULL DEFAULT current_user,
            changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            deleted BOOLEAN NOT NULL DEFAULT FALSE)""",
        "CREATE INDEX entry_phrasebook_id ON entry (phrasebook_id)",
        "CREATE INDEX entry_revision ON entry (revision)",
        """CREATE TABLE keyword (
            id SERIAL PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            language VARCHAR(255) NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL)""",
        "CREATE INDEX keyword_entry_id ON keyword (entry_id)",
        """CREATE TABLE variant (
            id SERIAL PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            language VARCHAR(255) NOT NULL,
            tone VARCHAR(255) NOT NULL,
            text TEXT NOT NULL,
            vetted BOOLEAN NOT NULL DEFAULT TRUE)""",
        "CREATE UNIQUE INDEX variant_entry_id_language_tone ON variant (entry_id, language, tone)",
        """CREATE TABLE search_text (
            id SERIAL PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            language VARCHAR(255) NOT NULL,
            field VARCHAR(16) NOT NULL,
            text TEXT NOT NULL,
            folded TEXT NOT NULL)""",
        "CREATE INDEX search_text_entry_id ON search_text (entry_id)",
        "CREATE INDEX search_text_folded_trgm ON search_text USING gin (folded gin_trgm_ops)",
        # Which reply was copied, for which language/region/scenario: never the
        # customer's message. upload_id makes an upload idempotent.
        """CREATE TABLE usage_event (
            upload_id UUID PRIMARY KEY,
            entry_id VARCHAR(255) NOT NULL,
            language VARCHAR(255) NOT NULL,
            tone VARCHAR(255) NOT NULL,
            region VARCHAR(255) NOT NULL DEFAULT '',
            scenarios TEXT NOT NULL DEFAULT '[]',
            used_at TIMESTAMPTZ NOT NULL,
            agent TEXT NOT NULL DEFAULT current_user,
            received_at TIMESTAMPTZ NOT NULL DEFAULT now())""",
        "CREATE INDEX usage_event_used_at ON usage_event (used_at)",
        # What every member may read of usage: the heat, not who used what.
        "CREATE VIEW usage_heat AS SELECT entry_id, used_at FROM usage_event",
    ):
        db.execute_sql(sql)
    _grant_v1(db)


def _grant_v1(db: pw.Database) -> None:
    """Agents read the library and add usage; trainers also write the library.

    Enforced by the server, whatever a client does. Members are granted one of
    the two group roles by the admin (docs/team.md)."""
    for role in (AGENT_ROLE, TRAINER_ROLE):
        exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if not exists:
            try:
                with db.atomic():  # a savepoint: the error must not end the migration
                    db.execute_sql(f"CREATE ROLE {role} NOLOGIN")
            except pw.ProgrammingError as exc:
                raise TeamPermissionDenied(
                    f"cannot create the role {role} ({exc}); ask the database admin to run "
                    f"CREATE ROLE {role} NOLOGIN; then run team init again"
                ) from exc
    both = f"{AGENT_ROLE}, {TRAINER_ROLE}"
    library = ", ".join(LIBRARY_TABLES)
    for sql in (
        f"REVOKE ALL ON {library}, library_state, usage_event, chatassist_schema FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {both}",
        f"GRANT SELECT ON {library}, library_state, chatassist_schema, usage_heat TO {both}",
        f"GRANT INSERT ON usage_event TO {both}",
        f"GRANT SELECT (upload_id) ON usage_event TO {both}",
        f"GRANT INSERT, UPDATE, DELETE ON {library} TO {TRAINER_ROLE}",
        f"GRANT UPDATE ON library_state TO {TRAINER_ROLE}",
        "GRANT USAGE ON SEQUENCE keyword_id_seq, variant_id_seq, search_text_id_seq "
        f"TO {TRAINER_ROLE}",
    ):
        db.execute_sql(sql)


def _v2_placeholder_kinds(db: pw.Database) -> None:
    """Placeholder kinds declared in the phrasebook (as local migration 6)."""
    for table in ("phrasebook", "entry"):
        db.execute_sql(
            f"ALTER TABLE {table} ADD COLUMN placeholder_kinds TEXT NOT NULL DEFAULT '{{}}'"
        )


def _v3_short_query_index(db: pw.Database) -> None:
    """An index for one- and two-character searches (a whole word in Chinese, Japanese,
    Korean or Thai), which pg_trgm cannot serve: they scanned the table until 200 hits
    (20-70 ms at 10,000 entries, the search's p95). A GIN index over each text's
    distinct non-ASCII characters finds the candidate rows; LIKE re-checks them."""
    for sql in (
        """CREATE FUNCTION chatassist_chars(t text) RETURNS text[]
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
            $$ SELECT coalesce(array_agg(DISTINCT c), '{}')
               FROM unnest(string_to_array(t, NULL)) AS c WHERE ascii(c) > 127 $$""",
        "CREATE INDEX search_text_chars ON search_text USING gin (chatassist_chars(folded))",
    ):
        db.execute_sql(sql)


MIGRATIONS: tuple[Migration, ...] = (
    _v1_team_library,
    _v2_placeholder_kinds,
    _v3_short_query_index,
)
LATEST_VERSION = len(MIGRATIONS)


@dataclass
class InitReport:
    server: str
    before: int
    after: int
    applied: list[int] = field(default_factory=list)

    def lines(self) -> list[str]:
        if not self.applied:
            return [f"{self.server}: team schema is at version {self.after}; nothing to do"]
        if self.before == 0:
            first = f"{self.server}: created the team schema (version {self.after})"
        else:
            first = f"{self.server}: migrated the team schema from version {self.before} to {self.after}"
        return [
            first,
            f"roles: {AGENT_ROLE} (read, add usage) and {TRAINER_ROLE} (also publish); "
            f"grant one to each member, e.g. GRANT {AGENT_ROLE} TO alice",
        ]


def schema_version(db: pw.Database) -> int | None:
    """The team schema's version; None when the database has no team schema."""
    row = db.execute_sql("SELECT to_regclass('chatassist_schema')").fetchone()
    if row is None or row[0] is None:
        return None
    found = db.execute_sql("SELECT max(version) FROM chatassist_schema").fetchone()
    return int(found[0] or 0) if found else 0


def database_locale(db: pw.Database) -> tuple[str, str]:
    """(encoding, LC_CTYPE) of the connected database."""
    row = db.execute_sql(
        "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database "
        "WHERE datname = current_database()"
    ).fetchone()
    if not row:
        return ("?", "?")
    return (_text(row[0]), _text(row[1]))


def _text(value: object) -> str:
    # On a SQL_ASCII database psycopg hands text back as bytes.
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)


def _encoding_problem(server: str, encoding: str) -> TeamDatabaseUnsuitable | None:
    if encoding == "UTF8":
        return None
    return TeamDatabaseUnsuitable(
        f"team database {server} uses the {encoding} encoding; chatassist needs UTF8. "
        "Create it with: CREATE DATABASE … ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
    )


def ctype_problem(server: str, ctype: str) -> str | None:
    """Why the server's search would miss CJK/Thai under this ctype, or None."""
    if ctype.upper() not in ("C", "POSIX"):
        return None
    return (
        f"team database {server} has LC_CTYPE {ctype}: its pg_trgm search would find no "
        "Chinese, Japanese, Korean or Thai text. Create it with LC_CTYPE 'C.UTF-8' "
        "(or another UTF-8 locale) and TEMPLATE template0"
    )


def check_suitable(db: pw.Database, server: str) -> None:
    """UTF-8 encoding and a ctype under which pg_trgm sees CJK/Thai letters (team init
    and team join refuse anything else)."""
    encoding, ctype = database_locale(db)
    problem = _encoding_problem(server, encoding)
    if problem is not None:
        raise problem
    why = ctype_problem(server, ctype)
    if why is not None:
        raise TeamDatabaseUnsuitable(why)


def locale_warnings(db: pw.Database, server: str) -> list[str]:
    """For a folder already joined (each sync): a database that is not UTF-8 cannot hold
    the library's text and is refused; a C ctype (a backup restored into a database made
    with the wrong locale) only blinds the server's own search, so it is a warning: the
    replica's search is local and unaffected."""
    encoding, ctype = database_locale(db)
    problem = _encoding_problem(server, encoding)
    if problem is not None:
        raise problem
    why = ctype_problem(server, ctype)
    if why is None:
        return []
    return [why + "; the admin should restore the team library into such a database (docs/team.md)"]


def require_current(db: pw.Database, server: str) -> int:
    """For members: the schema exists and is the version this chatassist speaks."""
    version = schema_version(db)
    if version is None or version == 0:
        raise TeamSchemaMissing(server)
    if version > LATEST_VERSION:
        raise TeamSchemaNewer(server, version, LATEST_VERSION)
    if version < LATEST_VERSION:
        raise TeamSchemaMissing(server)
    return version


def init(db: pw.Database, server: str) -> InitReport:
    """Create or migrate the team schema in one transaction; a newer one is refused
    untouched, a database with other tables is refused; run twice, nothing changes."""
    with db.atomic():
        # One init at a time: two trainers running it together must not both migrate.
        db.execute_sql("SELECT pg_advisory_xact_lock(4242011)")
        version = schema_version(db)
        if version is not None and version > LATEST_VERSION:
            raise TeamSchemaNewer(server, version, LATEST_VERSION)
        if version is None:
            check_suitable(db, server)
            others = db.execute_sql(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchone()
            if others and others[0]:
                raise TeamDatabaseUnsuitable(
                    f"team database {server} already holds {others[0]} tables of another "
                    "program; use an empty database (nothing was changed)"
                )
            db.execute_sql("CREATE TABLE chatassist_schema (version INTEGER NOT NULL)")
            db.execute_sql("INSERT INTO chatassist_schema VALUES (0)")
            version = 0
        report = InitReport(server, version, version)
        for number, migration in enumerate(MIGRATIONS, start=1):
            if number <= version:
                continue
            migration(db)
            db.execute_sql("UPDATE chatassist_schema SET version = %s", (number,))
            report.applied.append(number)
            report.after = number
    return report
