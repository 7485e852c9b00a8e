"""Stored response times: figures only, per session and per week; schema version 4."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from chatassist.core.playbook.response_clock import ResponseTime
from chatassist.storage import migrations
from chatassist.storage.database import Database
from chatassist.storage.responses import ResponseLog


def open_db(tmp_path: Path, **kw: object) -> Database:
    return Database.open(tmp_path / "lib.sqlite3", backups_dir=tmp_path / "backups", **kw)  # type: ignore[arg-type]


def test_session_figures_and_weekly_share_by_region(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    log = ResponseLog(db)
    monday = datetime(2026, 11, 30, 9)
    for hour, seconds, region, session in (
        (9, 12.0, "europe", "s1"),
        (9, 45.0, "europe", "s1"),
        (10, 20.0, "japan", "s1"),
        (11, 8.0, "europe", "s2"),
    ):
        when = monday.replace(hour=hour)
        log.record(ResponseTime(1, seconds, False, "order_status", region), session, when)
    s1 = log.session_figures("s1")
    assert (s1.responses, s1.median_s, round(s1.share_within_target or 0, 4)) == (3, 20.0, 0.6667)
    sessions = log.sessions()
    assert [x.session for x in sessions] == ["s2", "s1"]  # most recent first
    assert {x.session: x.figures.responses for x in sessions} == {"s1": 3, "s2": 1}
    weekly = {(w.week.isoformat(), w.region): w.figures for w in log.weekly()}
    assert weekly[("2026-11-30", "europe")].responses == 3
    assert weekly[("2026-11-30", "japan")].share_within_target == 1.0
    db.close()


def test_no_message_text_is_stored(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    columns = {r[1] for r in db.db.execute_sql("PRAGMA table_info(response_time)").fetchall()}
    assert columns == {"id", "session", "seconds", "urgent", "scenario", "region", "answered_at"}
    db.close()


def test_a_version_3_database_gains_the_table_keeping_its_usage(tmp_path: Path) -> None:
    db = open_db(tmp_path, target_version=3)
    db.db.execute_sql(
        "INSERT INTO usage (entry_id, language, tone, region, used_at) VALUES (?, ?, ?, ?, ?)",
        ["order_status.first_reply", "en", "direct", "europe", "2026-11-30 10:00:00"],
    )
    db.close()
    db = open_db(tmp_path)
    assert db.schema_version == migrations.LATEST_VERSION >= 4
    assert db.db.execute_sql("SELECT count(*) FROM usage").fetchone()[0] == 1
    assert ResponseLog(db).session_figures("any").responses == 0
    db.close()
