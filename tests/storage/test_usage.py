from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from chatassist.storage.database import Database
from chatassist.storage.usage import UsageLog


def test_hot_scores_decay_week_by_week(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "db.sqlite3", backups_dir=tmp_path / "b")
    log = UsageLog(db)
    now = datetime(2026, 11, 22, 12, 0)
    log.record("a", "es", "direct", "europe", when=now)
    log.record("b", "es", "direct", "europe", when=now - timedelta(weeks=1))
    log.record("c", "es", "direct", "europe", when=now - timedelta(weeks=2))
    log.record("old", "es", "direct", "europe", when=now - timedelta(weeks=20))
    scores = log.hot_scores(now)
    assert scores["a"] == pytest.approx(1.0)
    assert scores["b"] == pytest.approx(0.5)
    assert scores["c"] == pytest.approx(0.25)
    assert "old" not in scores
    assert log.count("a") == 1
    db.close()
