"""A full disk during an import and during a backup: one line, nothing changed.

The disk is "full" for the child process only: RLIMIT_FSIZE caps the size of
any file it writes (with SIGXFSZ ignored, a write past it fails with EFBIG,
which SQLite reports as it reports ENOSPC). No mount, no root, works in CI
and for a normal user."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from chatassist.core.phrasebook.loader import load_files
from chatassist.storage import backups, health
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"


def _limited(max_bytes: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return apply


def _chatassist(data_dir: Path, max_bytes: int, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chatassist", "--data-dir", str(data_dir), *argv],
        capture_output=True,
        text=True,
        preexec_fn=_limited(max_bytes),
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def _big_book(tmp_path: Path, entries: int) -> Path:
    """The sample phrasebook with many more entries (so the import writes a lot)."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    first = data["entries"][0]
    for i in range(entries):
        extra = yaml.safe_load(yaml.safe_dump(first))
        extra["id"] = f"{first['id']}_{i}"
        data["entries"].append(extra)
    path = tmp_path / "big" / "sample.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _state(data_dir: Path) -> list[object]:
    path = data_dir / "chatassist.sqlite3"
    assert health.check(path).ok
    db = Database.open(path, backups_dir=data_dir / "backups")
    try:
        return list(PhrasebookLibrary(db).phrasebooks())
    finally:
        db.close()


def _one_line(err: str) -> None:
    assert "Traceback" not in err, err
    assert err.count("\n") == 1 and err.startswith("chatassist: "), err


def test_disk_full_during_an_import_changes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    ok = _chatassist(data_dir, 1 << 40, "phrasebook", "import", str(SAMPLE))
    assert ok.returncode == 0, ok.stderr
    before = _state(data_dir)
    big = _big_book(tmp_path, 500)
    # RLIMIT_FSIZE caps each file: the import's write-ahead log cannot grow past 256 KB.
    full = _chatassist(data_dir, 256 * 1024, "phrasebook", "import", str(big))
    assert full.returncode == 1
    _one_line(full.stderr)
    assert "full" in full.stderr or "input/output error" in full.stderr
    assert _state(data_dir) == before
    assert all(backups.verify(b.path) is None for b in backups.list_backups(data_dir / "backups"))


def test_disk_full_during_a_backup_refuses_the_import(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert _chatassist(data_dir, 1 << 40, "phrasebook", "import", str(SAMPLE)).returncode == 0
    before = _state(data_dir)
    changed = tmp_path / "changed" / "sample.yaml"
    changed.parent.mkdir()
    changed.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("has shipped.", "is on its way.", 1),
        encoding="utf-8",
    )
    size = (data_dir / "chatassist.sqlite3").stat().st_size
    full = _chatassist(data_dir, size // 2, "phrasebook", "import", str(changed))
    assert full.returncode == 1
    _one_line(full.stderr)
    assert "backup" in full.stderr or "full" in full.stderr
    assert _state(data_dir) == before  # no backup, no import
    assert list((data_dir / "backups").iterdir()) == [] if (data_dir / "backups").exists() else True
    assert load_files([changed])  # (the file itself was fine)
