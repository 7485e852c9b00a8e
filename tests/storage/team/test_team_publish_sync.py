"""join, publish -> sync, conflicting saves, agents refused by the server, status and leave."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.app import App
from chatassist.core.phrasebook.loader import load_files
from chatassist.core.textfold import fold
from chatassist.storage.library import diff_phrasebook
from chatassist.storage.team import connection, publish, replica
from chatassist.storage.team.errors import TeamPermissionDenied
from support.team_fixtures import EXTRA, Cli, Team, write_book

pytestmark = pytest.mark.loopback_network


def variant_text(folder: Path, entry_id: str, language: str = "en") -> str | None:
    app = App.from_args(str(folder))
    try:
        for book in app.library.phrasebooks():
            entry = book.entry(entry_id)
            if entry is not None:
                return next(v.text for v in entry.variants if v.language == language)
        return None
    finally:
        app.close()


def book_ids(folder: Path) -> list[str]:
    app = App.from_args(str(folder))
    try:
        return [b.id for b in app.library.phrasebooks()]
    finally:
        app.close()


def test_trainer_publishes_and_an_agent_syncs_changes_and_removals(
    cli: Cli, team: Team, tmp_path: Path
) -> None:
    trainer, agent = tmp_path / "alice", tmp_path / "bob"
    code, _out, err = cli(trainer, "team", "join", team.url("alice"), "--role", "trainer")
    assert (code, err) == (0, "")
    assert book_ids(trainer) == []  # the team's (empty) library, not the bundled one
    src = write_book(tmp_path / "src", extra=EXTRA)
    code, _out, err = cli(trainer, "phrasebook", "import", str(src))
    assert (code, err) == (0, "")

    report = cli.json(agent, "team", "join", team.url("bob"))
    assert report["role"] == "agent" and report["entries"] == 3 and report["revision"] == 1
    assert book_ids(agent) == ["team-shipping"]
    assert variant_text(agent, "ship.where", "ja") == "お荷物は現在配送中でございます。"

    # A trainer's fix and a removal reach the agent at the next sync, and nothing else moves.
    write_book(tmp_path / "src", where_en="Your parcel left our warehouse today.")
    assert cli(trainer, "phrasebook", "import", str(src))[0] == 0
    report = cli.json(agent, "team", "sync")
    assert (report["revision_before"], report["revision"]) == (1, 2)
    assert (report["entries"], report["removed"]) == (1, 1)
    assert variant_text(agent, "ship.where") == "Your parcel left our warehouse today."
    assert variant_text(agent, "ship.lost") is None
    app = App.from_args(str(agent))
    try:
        hits = app.library.search("พัสดุ")  # the agent's search runs on its replica
        assert [h.entry_id for h in hits] == ["ship.where"]
        who = replica.changed_by(app.database, "ship.where")
        assert who is not None and who.user == "alice" and who.revision == 2
    finally:
        app.close()
    assert cli.json(agent, "team", "sync")["revision"] == 2  # nothing new: nothing changes
    code, _out, err = cli(agent, "phrasebook", "import", str(src))
    assert code == 1 and "follows the team library as an agent" in err

    status = cli.json(agent, "team", "status")
    assert status["role"] == "agent" and status["online"] is True
    assert status["revision"] == status["server_revision"] == 2
    assert status["pending_local_changes"] == {"uses": 0, "drafts": 0}
    assert status["last_sync"]


def test_a_save_based_on_an_old_revision_is_refused_naming_who_and_kept_as_draft(
    cli: Cli, team: Team, tmp_path: Path
) -> None:
    alice, carol = tmp_path / "alice", tmp_path / "carol"
    src = write_book(tmp_path / "src")
    assert cli(alice, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    assert cli(alice, "phrasebook", "import", str(src))[0] == 0
    assert cli(carol, "team", "join", team.url("carol"), "--role", "trainer")[0] == 0

    alices = write_book(tmp_path / "a", where_en="Alice's wording.")
    assert cli(alice, "phrasebook", "import", str(alices))[0] == 0
    carols = write_book(tmp_path / "c", where_en="Carol's wording.")
    code, _out, err = cli(carol, "phrasebook", "import", str(carols))
    assert code == 1
    assert "entry 'ship.where'" in err and "changed by alice" in err
    drafts = list((carol / "team-drafts").iterdir())
    assert len(drafts) == 1 and "Carol's wording." in (drafts[0] / "team-shipping.yaml").read_text()
    assert str(drafts[0]) in err
    # Nothing was written: the server still has Alice's text, Carol's replica her old copy.
    assert variant_text(carol, "ship.where") == "Your parcel is on its way."
    assert cli.json(carol, "team", "sync")["revision"] == 2
    assert variant_text(carol, "ship.where") == "Alice's wording."
    assert cli.json(carol, "team", "status")["pending_local_changes"] == {"uses": 0, "drafts": 1}
    # After syncing, Carol's redo is based on the current revision and goes through.
    assert cli(carol, "phrasebook", "import", str(carols))[0] == 0
    assert cli.json(alice, "team", "sync")["revision"] == 3
    assert variant_text(alice, "ship.where") == "Carol's wording."


def test_the_server_refuses_an_agents_write_whatever_the_client_does(
    team: Team, tmp_path: Path
) -> None:
    loaded = load_files([write_book(tmp_path / "src")])
    work = [(lb.phrasebook, diff_phrasebook(lb, None)) for lb in loaded]
    with (
        pytest.raises(TeamPermissionDenied, match="agents cannot write"),
        connection.session(team.url("bob")) as db,
    ):
        publish.publish(db, work, {})
    with connection.session(team.url("alice")) as db:
        assert db.execute_sql("SELECT revision FROM library_state").fetchone() == (0,)
        assert db.execute_sql("SELECT count(*) FROM entry").fetchone() == (0,)


def test_joining_as_trainer_needs_the_trainer_role(cli: Cli, team: Team, tmp_path: Path) -> None:
    code, _out, err = cli(tmp_path / "bob", "team", "join", team.url("bob"), "--role", "trainer")
    assert code == 1
    assert "may not publish" in err and "GRANT chatassist_trainer TO bob" in err


def test_leave_keeps_the_local_library(cli: Cli, team: Team, tmp_path: Path) -> None:
    alice = tmp_path / "alice"
    assert cli(alice, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    assert cli(alice, "phrasebook", "import", str(write_book(tmp_path / "src")))[0] == 0
    code, out, err = cli(alice, "team", "leave")
    assert code == 0 and "local library stays" in out
    assert book_ids(alice) == ["team-shipping"]
    code, out, err = cli(alice, "team", "status")
    assert code == 1 and "not linked" in err


def test_joining_replaces_a_local_library_after_a_backup(
    cli: Cli, team: Team, tmp_path: Path
) -> None:
    agent = tmp_path / "bob"
    assert book_ids(agent)  # the bundled phrasebooks
    assert cli(agent, "team", "join", team.url("bob"))[0] == 0
    assert book_ids(agent) == []
    assert list((agent / "backups").glob("*before-team-sync*"))


def test_the_servers_own_search_finds_cjk_thai_and_folded_latin(
    cli: Cli, team: Team, tmp_path: Path
) -> None:
    from chatassist.storage.team import search

    alice = tmp_path / "alice"
    assert cli(alice, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    assert (
        cli(alice, "phrasebook", "import", str(write_book(tmp_path / "src", extra=EXTRA)))[0] == 0
    )
    with connection.session(team.url("bob")) as db:
        plan = " ".join(
            r[0]
            for r in db.execute_sql(
                "EXPLAIN SELECT * FROM search_text WHERE folded LIKE '%%parcel%%'"
            ).fetchall()
        )
        db.execute_sql("SET enable_seqscan = off")
        indexed = " ".join(
            r[0]
            for r in db.execute_sql(
                "EXPLAIN SELECT * FROM search_text WHERE folded LIKE '%%parcel%%'"
            ).fetchall()
        )
        assert "search_text_folded_trgm" in indexed, (plan, indexed)
        assert {r[0] for r in search.search(db, "PARCEL", 10)} == {
            "ship.where",
            "ship.late",
            "ship.lost",
        }
        assert [r[:3] for r in search.search(db, "配送中", 10)] == [("ship.where", "ja", "variant")]
        assert [r[0] for r in search.search(db, "พัสดุ", 10)] == ["ship.where"]
        assert [r[0] for r in search.search(db, "延误", 10)] == ["ship.late"]
        assert search.search(db, "   ", 10) == []
        # One or two characters (a whole CJK or Thai word): the character index
        # (schema v3) finds the same rows as a scan would.
        chars_plan = " ".join(
            r[0]
            for r in db.execute_sql(
                "EXPLAIN SELECT * FROM search_text WHERE chatassist_chars(folded) @> "
                "ARRAY['误']::text[] AND folded LIKE '%%误%%'"
            ).fetchall()
        )
        assert "search_text_chars" in chars_plan, chars_plan
        db.execute_sql("SET enable_seqscan = on")
        for short in ("误", "延误", "配", "พั", "ค่", "Ｐ误"):
            scanned = db.execute_sql(
                "SELECT entry_id, language, field, text FROM search_text "
                "WHERE strpos(folded, %s) > 0 ORDER BY 1, 2, 3, 4",
                (fold(short),),
            ).fetchall()
            found = sorted(search.search(db, short, 50))
            assert found == [tuple(r) for r in scanned] and (found or short == "Ｐ误"), short
        assert {r[0] for r in search.search(db, "p", 50)} == {
            "ship.where",
            "ship.late",
            "ship.lost",
        }
        # A removed entry is no longer found.
        assert cli(alice, "phrasebook", "import", str(write_book(tmp_path / "src")))[0] == 0
        assert search.search(db, "lost", 10) == []


DECLARED_KINDS = """\
format: 1
id: team-kinds
title: {zh-Hans: 类型, en: Kinds}
placeholders:
  eta: duration
entries:
  - id: kinds.ships
    scenarios: [shipping_delay]
    gloss: {zh-Hans: 发货时间, en: Ships within}
    variants:
      en: {direct: "Your order ships within {eta}, {wait} days after payment."}
    placeholders:
      wait: number
"""


def test_declared_placeholder_kinds_reach_the_agents(cli: Cli, team: Team, tmp_path: Path) -> None:
    trainer, agent = tmp_path / "alice", tmp_path / "bob"
    assert cli(trainer, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    src = tmp_path / "src" / "team-kinds.yaml"
    src.parent.mkdir()
    src.write_text(DECLARED_KINDS, encoding="utf-8")
    code, _out, err = cli(trainer, "phrasebook", "import", str(src))
    assert (code, err) == (0, "")
    cli.json(agent, "team", "join", team.url("bob"))
    app = App.from_args(str(agent))
    try:
        (book,) = app.library.phrasebooks()
    finally:
        app.close()
    assert book.placeholder_kinds == {"eta": "duration"}
    assert book.kinds_of(book.entries[0]) == {"eta": "duration", "wait": "number"}


NOTE = """\
  - id: ship.note
    kind: note
    scenarios: [customs_tax]
    regions: [europe]
    gloss: {zh-Hans: 欧盟进口增值税, en: EU import VAT}
    body:
      zh-Hans: 自2021年7月起，欧盟对所有进口商品征收增值税。
      en: Since July 2021 the EU charges VAT on every ÍMPORTED item.
"""


def test_a_whole_sync_takes_the_same_search_rows_a_local_rebuild_makes(
    cli: Cli, team: Team, tmp_path: Path
) -> None:
    """A whole sync adds each page's search rows and indexes them at the end: they
    must be exactly those a whole local rebuild makes (variants, keywords joined,
    glosses, note bodies, folded), and the FTS5 index must hold them."""
    from chatassist.storage import sqlite_adapter

    alice, bob = tmp_path / "alice", tmp_path / "bob"
    assert cli(alice, "team", "join", team.url("alice"), "--role", "trainer")[0] == 0
    src = write_book(tmp_path / "src", where_en="Ça arrive: ＡＢＣ-123!", extra=EXTRA + NOTE)
    assert cli(alice, "phrasebook", "import", str(src))[0] == 0
    assert cli(bob, "team", "join", team.url("bob"))[0] == 0
    app = App.from_args(str(bob))
    try:
        db = app.database.db
        query = "SELECT entry_id, language, field, text, folded FROM search_text"

        def rows() -> list[tuple[str, ...]]:
            return sorted(tuple(r) for r in db.execute_sql(query).fetchall())

        synced = rows()
        assert {r[2] for r in synced} == {"variant", "keyword", "gloss", "body"}
        assert (
            "ship.where",
            "en",
            "variant",
            "Ça arrive: ＡＢＣ-123!",
            fold("Ça arrive: ＡＢＣ-123!"),
        ) in synced
        sqlite_adapter.check_search_index(db)
        assert [h.entry_id for h in app.library.search("imported")] == ["ship.note"]
        app.database.run(lambda: sqlite_adapter.rebuild_search_index(db))
        assert rows() == synced
    finally:
        app.close()
