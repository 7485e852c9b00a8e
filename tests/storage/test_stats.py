"""Usage statistics: most and least used per week, never used, per language and region."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from chatassist.storage.database import Database
from chatassist.storage.stats import (
    counts_csv,
    least_used,
    most_used,
    never_used,
    weekly_counts,
    weeks,
)
from chatassist.storage.usage import UsageLog

MON = datetime(2026, 11, 16, 9, 0)  # a Monday
NEXT = datetime(2026, 11, 23, 9, 0)


def _counts(tmp_path: Path) -> list:  # type: ignore[type-arg]
    db = Database.open(tmp_path / "db.sqlite3", backups_dir=tmp_path / "b")
    log = UsageLog(db)
    for _ in range(3):
        log.record("a", "es", "direct", "europe", when=MON)
    log.record("b", "ja", "detailed", "japan", when=MON.replace(day=22))  # Sunday, same week
    log.record("b", "ja", "detailed", "japan", when=NEXT)
    log.record("c", "es", "direct", "latin_america", when=NEXT)
    counts = weekly_counts(db)
    db.close()
    return counts


def test_weekly_counts_group_by_monday(tmp_path: Path) -> None:
    counts = _counts(tmp_path)
    assert weeks(counts) == [date(2026, 11, 23), date(2026, 11, 16)]
    first = [c for c in counts if c.week == date(2026, 11, 16)]
    assert {(c.entry_id, c.uses) for c in first} == {("a", 3), ("b", 1)}


def test_most_and_least_used_per_week_language_and_region(tmp_path: Path) -> None:
    counts = _counts(tmp_path)
    ids = ["a", "b", "c", "d"]
    assert [r.entry_id for r in most_used(counts, week=date(2026, 11, 16))] == ["a", "b"]
    assert [(r.entry_id, r.uses) for r in most_used(counts)] == [("a", 3), ("b", 2), ("c", 1)]
    assert [r.entry_id for r in most_used(counts, language="es")] == ["a", "c"]
    assert [r.entry_id for r in most_used(counts, region="japan")] == ["b"]
    least = least_used(counts, ids, week=date(2026, 11, 23))
    # d was never used at all: it is in the never-used list, not repeated here.
    assert [(r.entry_id, r.uses) for r in least] == [("a", 0), ("b", 1), ("c", 1)]
    assert "d" in never_used(counts, ids)


def test_never_used_and_csv(tmp_path: Path) -> None:
    counts = _counts(tmp_path)
    assert never_used(counts, ["a", "b", "c", "d"]) == ["d"]
    assert never_used(counts, ["a", "b", "c", "d"], language="ja") == ["a", "c", "d"]
    text = counts_csv(counts, ["d"])
    lines = text.splitlines()
    assert lines[0] == "week,entry_id,language,region,uses"
    assert "2026-11-16,a,es,europe,3" in lines
    assert lines[-1] == ",d,,,0"
