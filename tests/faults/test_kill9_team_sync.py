"""kill -9 at 20 random moments of a team sync (#20 for #11): the replica ends at the
old or the new revision, integrity ok (the search index included), nothing lost.

The child repeats what a joined agent's folder lives through, against a real
PostgreSQL server: a use is recorded (queued for upload), a trainer publishes a
change, the agent syncs (upload, then an incremental pull), leaves and joins
again (a full pull that replaces the library, after a backup). The server's
library alternates between two wordings, one per revision parity, so the
parent knows what the replica must hold for the revision it records. Set
CHATASSIST_FAULT_SEED to replay a run.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from chatassist.core.phrasebook.loader import load_files
from chatassist.storage import backups, health, sqlite_adapter
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary, diff_phrasebook
from chatassist.storage.models import EntryRow
from chatassist.storage.team import connection, publish, replica, sync
from chatassist.storage.team.replica_models import TeamEntryRow
from fault_fixtures import KILLS, Killer, seed
from support import team_fixtures
from support.team_fixtures import Team, write_book

pytestmark = pytest.mark.loopback_network

pg_server = team_fixtures.pg_server
empty_team_db = team_fixtures.empty_team_db
team = team_fixtures.team

WORDING = ("Your parcel is on its way (even).", "Your parcel is on its way (odd).")

SYNC_CHILD = """
import sys, time
from dataclasses import replace
from pathlib import Path
from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.model import Variant
from chatassist.storage.database import Database
from chatassist.storage.library import BookChange
from chatassist.storage.team import connection, publish, replica, sync
from chatassist.storage.team.usage_upload import TeamUsageLog
db_path, backups_dir, agent, trainer, book_path = sys.argv[1:6]
wording = sys.argv[6:8]
database = Database.open(Path(db_path), backups_dir=Path(backups_dir))
usage = TeamUsageLog(database)
book = load_files([Path(book_path)])[0].phrasebook

def publish_next():
    with connection.session(trainer) as db:
        base = dict(db.execute_sql("SELECT id, revision FROM entry").fetchall())
        rev = int(db.execute_sql("SELECT revision FROM library_state").fetchone()[0])
        entry = book.entries[0]
        variant = Variant("en", "direct", wording[(rev + 1) % 2])
        entry = replace(entry, variants=(variant, *entry.variants[1:]))
        changed = replace(book, entries=(entry, *book.entries[1:]))
        change = BookChange(book.id, "<kill9>", "updated", changed=[entry.id])
        publish.publish(db, [(changed, change)], base)

def agent_sync():
    with connection.session(agent) as db:
        sync.sync(database, db, agent)

print("ready", flush=True)
start = time.perf_counter()
first = True
while True:
    usage.record("ship.late", "en", "direct", "US")
    publish_next()
    agent_sync()  # upload + incremental pull
    replica.forget(database)  # team leave ...
    agent_sync()  # ... and join again: a full pull replacing the library
    if first:
        print("cycle", time.perf_counter() - start, flush=True)
        first = False
"""


def server_revision_and_uses(team: Team) -> tuple[int, set[str]]:
    with connection.session(team.url()) as db:
        rev = int(db.execute_sql("SELECT revision FROM library_state").fetchone()[0])
        uses = {str(r[0]) for r in db.execute_sql("SELECT upload_id FROM usage_event")}
    return rev, uses


def check_replica(
    db_path: Path, backups_dir: Path, team: Team, agent: str, seen: set[str], note: str
) -> None:
    report = health.check(db_path)
    assert report.ok, f"{note}: {report.summary()}"
    server_rev, server_uses = server_revision_and_uses(team)
    database = Database.open(db_path, backups_dir=backups_dir)
    try:
        db = database.db
        sqlite_adapter.check_search_index(db)  # the FTS5 index holds exactly search_text
        rows = "SELECT entry_id, language, field, text, folded FROM search_text ORDER BY 1, 2, 3, 4"
        before = db.execute_sql(rows).fetchall()
        with db.atomic() as txn:  # what a rebuild from the library tables gives
            sqlite_adapter.rebuild_search_index(db)
            rebuilt = db.execute_sql(rows).fetchall()
            txn.rollback()
        assert before == rebuilt, f"{note}: search rows out of step with the library"

        state = replica.state(database)
        books = PhrasebookLibrary(database).phrasebooks()
        assert [b.id for b in books] == ["team-shipping"], f"{note}: {[b.id for b in books]}"
        where = books[0].entry("ship.where")
        assert where is not None, note
        text = next(v.text for v in where.variants if v.language == "en")
        if state.server:
            # Old or new, never half: the wording of the revision the replica says it has.
            assert state.server == agent and 1 <= state.revision <= server_rev, f"{note}: {state}"
            assert text == WORDING[state.revision % 2], f"{note}: revision {state.revision}"
            with database.reading():
                entries = {r[0] for r in EntryRow.select(EntryRow.id).tuples()}
                known = {r[0] for r in TeamEntryRow.select(TeamEntryRow.entry_id).tuples()}
            assert entries == known, f"{note}: entries {entries} vs team_entry {known}"
        else:  # killed between leave and join: the library stays as it was
            assert text in WORDING, f"{note}: {text!r}"
        # Nothing lost: every use ever seen is still queued here or on the server.
        queued = {q["upload_id"] for q in replica.queued_usage(database)}
    finally:
        database.close()
    lost = seen - queued - server_uses
    assert not lost, f"{note}: uses lost {sorted(lost)}"
    seen |= queued | server_uses
    for b in backups.list_backups(backups_dir):
        assert backups.verify(b.path) is None, f"{note}: {b.path.name} is not a whole backup"


def test_kill_during_team_sync(team: Team, tmp_path: Path) -> None:
    book_path = write_book(tmp_path / "src", where_en=WORDING[1])
    loaded = load_files([book_path])
    with connection.session(team.url("alice")) as db:  # revision 1, odd wording
        publish.publish(db, [(loaded[0].phrasebook, diff_phrasebook(loaded[0], None))], {})
    db_path, backups_dir = tmp_path / "bob.sqlite3", tmp_path / "backups"
    agent = team.url("bob")
    database = Database.open(db_path, backups_dir=backups_dir)
    with connection.session(agent) as db:
        sync.sync(database, db, agent)
    database.close()

    seen: set[str] = set()
    s = seed()
    killer = Killer(random.Random(s))
    for run in range(KILLS):
        delay = killer.kill_during(
            SYNC_CHILD, str(db_path), str(backups_dir), agent, team.url("alice"),
            str(book_path), *WORDING,
        )  # fmt: skip
        note = f"seed {s}, run {run}, killed at +{delay:.3f}s"
        check_replica(db_path, backups_dir, team, agent, seen, note)

    # The next sync resumes: up to date, every use uploaded once.
    database = Database.open(db_path, backups_dir=backups_dir)
    try:
        with connection.session(agent) as db:
            sync.sync(database, db, agent)
        assert replica.pending_uploads(database) == 0
        state = replica.state(database)
    finally:
        database.close()
    server_rev, server_uses = server_revision_and_uses(team)
    assert state.revision == server_rev > 1
    assert seen <= server_uses and len(server_uses) >= 1
    assert backups.list_backups(backups_dir, "before-team-sync"), "no full pull ran"
