"""The team library on a real PostgreSQL server, 10,000 entries.

Starts a throw-away PostgreSQL server (tests/support/pg_server.py: Debian's
binaries, 127.0.0.1, C.UTF-8), runs ``team init``, and publishes a synthetic
library as a trainer (the bundled entries repeated under new ids, as in
suggest_bench.py). Then times, each on fresh data:

- the first full sync into an empty agent data folder (server read + local
  SQLite apply, FTS5 index included);
- an incremental sync after a trainer changed 10 entries (5 rounds, each with
  10 other entries; the first round is reported on its own);
- search on the server (pg_trgm) on every prefix of a set of queries as an
  agent types them (Latin, CJK, Thai, Hangul, Vietnamese).

Wall times are reported with this process's CPU time (``time.process_time``:
the client's own work; the server's is in its own processes), since the build
machine's two cores are shared. ``--profile DIR`` writes cProfile statistics of
the full and of the first incremental sync there.

Usage: python bench/team_bench.py [--entries 10000] [--profile DIR]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from chatassist.core.phrasebook.loader import load_files  # noqa: E402
from chatassist.core.phrasebook.model import Phrasebook, Variant  # noqa: E402
from chatassist.core.phrasebook.validation import LoadedPhrasebook  # noqa: E402
from chatassist.paths import bundled_phrasebooks  # noqa: E402
from chatassist.storage.database import Database  # noqa: E402
from chatassist.storage.library import BookChange, diff_phrasebook  # noqa: E402
from chatassist.storage.team import connection, publish, replica, schema, search, sync  # noqa: E402
from suggest_bench import QUERIES  # noqa: E402
from support.pg_server import PgServer  # noqa: E402


def synthetic_library(n: int) -> list[LoadedPhrasebook]:
    """The bundled entries copied under new ids until there are ``n``, in phrasebooks
    of one copy each (the library the first figures were measured on)."""
    base = [lb.phrasebook for lb in load_files([bundled_phrasebooks()])]
    entries = [e for b in base for e in b.entries]
    books: list[LoadedPhrasebook] = []
    made, copy = 0, 0
    while made < n:
        batch = []
        for e in entries:
            if made >= n:
                break
            batch.append(replace(e, id=f"{e.id}.copy{copy}"))
            made += 1
        book = Phrasebook(
            id=f"synthetic-{copy}",
            title={"en": f"Synthetic {copy}", "zh-Hans": "合成"},
            entries=tuple(batch),
        )
        books.append(LoadedPhrasebook(book, f"<synthetic {copy}>", {e.id: 0 for e in batch}))
        copy += 1
    return books


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[94]


def main() -> int:
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores", flush=True
    )
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args()

    def timed_sync(database: Database, url: str, name: str) -> tuple[float, float, sync.SyncReport]:
        profile = cProfile.Profile() if args.profile else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profile is not None:
            profile.enable()
        with connection.session(url) as db:
            report = sync.sync(database, db, url)
        if profile is not None:
            profile.disable()
            args.profile.mkdir(parents=True, exist_ok=True)
            profile.dump_stats(str(args.profile / f"{name}.prof"))
        return time.perf_counter() - wall, time.process_time() - cpu, report

    server = PgServer().init().start()
    try:
        server.sql("CREATE ROLE trainer LOGIN")
        server.sql("CREATE ROLE agent LOGIN")
        server.sql(
            "CREATE DATABASE team TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
        admin = server.url(dbname="team")
        with connection.session(admin) as db:
            schema.init(db, admin)
            db.execute_sql(f"GRANT {schema.TRAINER_ROLE} TO trainer")
            db.execute_sql(f"GRANT {schema.AGENT_ROLE} TO agent")
        trainer, agent = server.url("trainer", "team"), server.url("agent", "team")

        print("building the synthetic library…", flush=True)
        loaded = synthetic_library(args.entries)
        books = [lb.phrasebook for lb in loaded]
        entries = sum(len(b.entries) for b in books)
        variants = sum(len(e.variants) for b in books for e in b.entries)
        started = time.perf_counter()
        with connection.session(trainer) as db:
            publish.publish(
                db,
                [(b, diff_phrasebook(lb, None)) for b, lb in zip(books, loaded, strict=True)],
                {},
            )
        published = time.perf_counter() - started
        print(f"library: {entries} entries, {variants} variants, {len(books)} phrasebooks")
        print(f"trainer's first publish (one server transaction): {published:.2f} s")

        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            database = Database.open(folder / "agent.sqlite3", backups_dir=folder / "backups")
            full, full_cpu, report = timed_sync(database, agent, "full-sync")
            print(
                f"first full sync into an empty folder: {full:.2f} s (client CPU {full_cpu:.2f} s; "
                f"{report.entries} entries, revision {report.after})  [target <= 20 s]"
            )

            rounds: list[float] = []
            cpus: list[float] = []
            for round_ in range(5):
                base = replica.entry_revisions(database)
                book = books[round_ % len(books)]
                changed = []
                for i, e in enumerate(book.entries):
                    if len(changed) < 10 and e.variants:
                        v0 = e.variants[0]
                        e = replace(
                            e,
                            variants=(
                                Variant(v0.language, v0.tone, f"{v0.text} (r{round_})"),
                                *e.variants[1:],
                            ),
                        )
                        changed.append(e.id)
                    book = replace(book, entries=(*book.entries[:i], e, *book.entries[i + 1 :]))
                change = BookChange(book.id, "<bench>", "updated", changed=changed)
                with connection.session(trainer) as db:
                    publish.publish(db, [(book, change)], base)
                wall, cpu, report = timed_sync(
                    database, agent, "incremental-sync" if round_ == 0 else f"incremental-{round_}"
                )
                rounds.append(wall)
                cpus.append(cpu)
                assert report.entries == 10, report
            print(
                f"incremental sync of 10 changed entries: first {rounds[0] * 1000:.0f} ms, "
                f"median of 5 {statistics.median(rounds) * 1000:.0f} ms, "
                f"max {max(rounds) * 1000:.0f} ms (client CPU median "
                f"{statistics.median(cpus) * 1000:.0f} ms)  [target <= 0.5 s]"
            )
            database.close()

        def search_round(label: str) -> None:
            samples: list[float] = []
            slowest: list[tuple[float, str]] = []
            with connection.session(agent) as db:
                for query in QUERIES:
                    for end in range(1, len(query) + 1):
                        started = time.perf_counter()
                        search.search(db, query[:end], 200)
                        samples.append(time.perf_counter() - started)
                        slowest.append((samples[-1], query[:end]))
            print(
                f"search on PostgreSQL {label}, every prefix of {len(QUERIES)} queries "
                f"({len(samples)} calls): p50 {statistics.median(samples) * 1000:.2f} ms, "
                f"p95 {p95(samples) * 1000:.2f} ms  [target p95 <= 20 ms]"
            )
            slowest.sort(reverse=True)
            print("  slowest: " + ", ".join(f"{q!r} {t * 1000:.1f} ms" for t, q in slowest[:5]))

        search_round("right after the publish")
        # What autovacuum does in its own time: GIN's pending list merged, statistics.
        with connection.session(admin) as db:
            db.execute_sql("VACUUM ANALYZE search_text")
        search_round("after VACUUM ANALYZE")
    finally:
        server.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
