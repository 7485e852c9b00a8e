"""30 runs of two processes importing the same phrasebook at once (#20 item 1):
the library ends as one of the two files, and whatever the last import removed
that the other had added is in a backup and in its report: nothing lost silently."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import yaml

from chatassist.storage import backups, health
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"
RUNS = 30

CHILD = """
import json, sys
from pathlib import Path
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary
book = Path(sys.argv[1])
print("ready", flush=True)
for line in sys.stdin:  # one folder per run; both children get it at the same moment
    folder = Path(line.strip())
    db = Database.open(folder / "lib.sqlite3", backups_dir=folder / "backups")
    report = PhrasebookLibrary(db).import_files([book])
    db.close()
    print(json.dumps(report.to_json()), flush=True)
"""


def _variant(tmp_path: Path, name: str) -> Path:
    """The sample phrasebook plus one entry of its own (``<first id>_<name>``)."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    extra = yaml.safe_load(yaml.safe_dump(data["entries"][0]))
    extra["id"] = f"{extra['id']}_{name}"
    data["entries"].append(extra)
    path = tmp_path / name / "sample.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _entry_ids(db_path: Path) -> set[str]:
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM entry WHERE phrasebook_id = 'sample'")}
    finally:
        conn.close()


def test_thirty_concurrent_imports_of_one_phrasebook_lose_nothing_silently(
    tmp_path: Path,
) -> None:
    files = {name: _variant(tmp_path, name) for name in ("left", "right")}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files.values()
    ]
    try:
        for p in procs:
            assert p.stdout is not None and p.stdout.readline() == "ready\n"
        for run in range(RUNS):
            _one_run(tmp_path / f"run{run}", run, files, procs)
    finally:
        for p in procs:
            p.kill()
            p.communicate()


def _one_run(
    folder: Path, run: int, files: dict[str, Path], procs: list[subprocess.Popen[str]]
) -> None:
    db_path, backups_dir = folder / "lib.sqlite3", folder / "backups"
    folder.mkdir()
    db = Database.open(db_path, backups_dir=backups_dir)
    PhrasebookLibrary(db).import_files([SAMPLE])
    db.close()
    for p in procs:  # release both at once
        assert p.stdin is not None
        p.stdin.write(f"{folder}\n")
        p.stdin.flush()
    outputs = []
    for p in procs:
        assert p.stdout is not None
        line = p.stdout.readline()
        if not line:
            raise AssertionError(
                f"run {run}: a child failed: {p.stderr.read() if p.stderr else ''}"
            )
        outputs.append(line)
    reports = [json.loads(out) for out in outputs]
    assert health.check(db_path).ok
    ids = _entry_ids(db_path)
    kept = [n for n in files if f"order_status.tracking_{n}" in ids]
    assert len(kept) == 1, f"run {run}: {ids}"
    lost = next(n for n in files if n not in kept)
    lost_id = f"order_status.tracking_{lost}"
    # The import that won removed the other's entry: it says so, and a backup has it.
    said = json.dumps(reports)
    assert lost_id in said and "removed" in said, f"run {run}: removal not reported: {said}"
    copies = backups.list_backups(backups_dir, "before-import")
    assert copies, f"run {run}: no backup of the removed entry {lost_id}"
    conn = sqlite3.connect(copies[-1].path)
    try:
        assert conn.execute("SELECT 1 FROM entry WHERE id = ?", [lost_id]).fetchone()
    finally:
        conn.close()
