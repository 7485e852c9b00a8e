"""kill -9 at 20 random moments of an import, an editor save, a backup and a pack
install: every run ends in the old or the new state, integrity ok, nothing lost
(#20 "What must hold"). Set CHATASSIST_FAULT_SEED to replay a run."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from chatassist.core.phrasebook.loader import load_files
from chatassist.core.phrasebook.model import Phrasebook
from chatassist.storage import backups, health
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary
from fault_fixtures import KILLS, Killer, seed

SAMPLE = Path(__file__).parents[1] / "core" / "phrasebook" / "sample.yaml"

IMPORT_CHILD = """
import sys, time
from pathlib import Path
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary
db = Database.open(Path(sys.argv[1]), backups_dir=Path(sys.argv[2]))
library = PhrasebookLibrary(db)
files = [Path(a) for a in sys.argv[3:]]
print("ready", flush=True)
start = time.perf_counter()
first = True
while True:
    for f in files:
        library.import_files([f])
    if first:
        print("cycle", time.perf_counter() - start, flush=True)
        first = False
"""

SAVE_CHILD = """
import sys, time
from pathlib import Path
from chatassist.core.phrasebook.loader import LoadedPhrasebook, load_files
from chatassist.storage.database import Database
from chatassist.storage.library import PhrasebookLibrary
from chatassist.ui.editor.drafts import save_draft
db = Database.open(Path(sys.argv[1]), backups_dir=Path(sys.argv[2]))
library = PhrasebookLibrary(db)
data_dir = Path(sys.argv[3])
books = [load_files([Path(a)])[0].phrasebook for a in sys.argv[4:]]
print("ready", flush=True)
start = time.perf_counter()
first = True
while True:
    for book in books:
        save_draft(data_dir, book)  # the editor's draft, written as the trainer types
        lines = {e.id: i + 1 for i, e in enumerate(book.entries)}
        library.import_loaded([LoadedPhrasebook(book, "<editor>", lines)])  # Save
    if first:
        print("cycle", time.perf_counter() - start, flush=True)
        first = False
"""

BACKUP_CHILD = """
import sys, time
from pathlib import Path
from chatassist.storage.database import Database
db = Database.open(Path(sys.argv[1]), backups_dir=Path(sys.argv[2]))
print("ready", flush=True)
start = time.perf_counter()
db.backup("manual")
print("cycle", time.perf_counter() - start, flush=True)
while True:
    db.backup("manual")
"""

PACK_CHILD = """
import sys, time
from pathlib import Path
from chatassist.core.translation import PackManager
manager = PackManager(Path(sys.argv[1]))
archives = [Path(a) for a in sys.argv[2:]]
print("ready", flush=True)
start = time.perf_counter()
first = True
while True:
    for a in archives:
        manager.install_file(a)
    if first:
        print("cycle", time.perf_counter() - start, flush=True)
        first = False
"""


def _second_version(tmp_path: Path) -> Path:
    """The sample phrasebook with one entry changed and one added: importing it
    over the first replaces entries, so every import also makes a backup."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["version"] = data["version"] + 1
    first = data["entries"][0]
    first["variants"]["en"]["direct"] = first["variants"]["en"]["direct"].replace(
        "has shipped", "is on its way"
    )
    extra = yaml.safe_load(yaml.safe_dump(first))
    extra["id"] = first["id"] + "_again"
    data["entries"].append(extra)
    path = tmp_path / "sample-v2.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _assert_whole(db_path: Path, backups_dir: Path, states: list[Phrasebook], note: str) -> None:
    report = health.check(db_path)
    assert report.ok, f"{note}: {report.summary()}"
    db = Database.open(db_path, backups_dir=backups_dir)
    try:
        found = [b for b in PhrasebookLibrary(db).phrasebooks() if b.id == "sample"]
    finally:
        db.close()
    assert found and found[0] in states, f"{note}: neither the old nor the new phrasebook"
    for b in backups.list_backups(backups_dir):  # no fake backups, ever
        assert backups.verify(b.path) is None, f"{note}: {b.path.name} is not a whole backup"


def _library(tmp_path: Path) -> tuple[Path, Path]:
    db_path, backups_dir = tmp_path / "lib.sqlite3", tmp_path / "backups"
    db = Database.open(db_path, backups_dir=backups_dir)
    PhrasebookLibrary(db).import_files([SAMPLE])
    db.close()
    return db_path, backups_dir


def test_kill_during_import(tmp_path: Path) -> None:
    db_path, backups_dir = _library(tmp_path)
    v2 = _second_version(tmp_path)
    states = [load_files([p])[0].phrasebook for p in (SAMPLE, v2)]
    s = seed()
    killer = Killer(random.Random(s))
    for run in range(KILLS):
        delay = killer.kill_during(
            IMPORT_CHILD, str(db_path), str(backups_dir), str(v2), str(SAMPLE)
        )
        _assert_whole(db_path, backups_dir, states, f"seed {s}, run {run}, killed at +{delay:.3f}s")
    assert len(backups.list_backups(backups_dir, "before-import")) >= 1


def test_kill_during_editor_save(tmp_path: Path) -> None:
    db_path, backups_dir = _library(tmp_path)
    v2 = _second_version(tmp_path)
    states = [load_files([p])[0].phrasebook for p in (SAMPLE, v2)]
    draft = tmp_path / "drafts" / "sample.yaml"
    s = seed()
    killer = Killer(random.Random(s))
    for run in range(KILLS):
        delay = killer.kill_during(
            SAVE_CHILD,
            str(db_path),
            str(backups_dir),
            str(tmp_path),
            str(v2),
            str(SAMPLE),
        )
        note = f"seed {s}, run {run}, killed at +{delay:.3f}s"
        _assert_whole(db_path, backups_dir, states, note)
        assert load_files([draft])[0].phrasebook in states, f"{note}: the draft is cut short"
        assert [p.name for p in draft.parent.iterdir() if not p.name.startswith(".")] == [
            "sample.yaml"
        ]


def test_kill_during_backup(tmp_path: Path) -> None:
    db_path, backups_dir = _library(tmp_path)
    states = [lb.phrasebook for lb in load_files([SAMPLE])]
    s = seed()
    killer = Killer(random.Random(s))
    for run in range(KILLS):
        delay = killer.kill_during(BACKUP_CHILD, str(db_path), str(backups_dir))
        _assert_whole(db_path, backups_dir, states, f"seed {s}, run {run}, killed at +{delay:.3f}s")
    # A kill between the rename and the rotation leaves one extra (whole) backup,
    # which the next backup rotates out.
    kept = backups.list_backups(backups_dir, "manual")
    assert 1 <= len(kept) <= backups.KEEP_BACKUPS + 1


@pytest.mark.slow
def test_kill_during_pack_install(tmp_path: Path, tiny_packs: object) -> None:
    from chatassist.core.translation import PackManager
    from chatassist.core.translation.packs import load_test_pack

    archives = [tiny_packs.get("en", "es"), tiny_packs.get("en", "es", version="2.0")]  # type: ignore[attr-defined]
    packs_dir = tmp_path / "packs"
    PackManager(packs_dir).install_file(archives[0])
    s = seed()
    killer = Killer(random.Random(s))
    for run in range(KILLS):
        delay = killer.kill_during(PACK_CHILD, str(packs_dir), *map(str, archives))
        note = f"seed {s}, run {run}, killed at +{delay:.3f}s"
        found = PackManager(packs_dir).installed()
        assert [(p.from_code, p.to_code) for p in found] == [("en", "es")], note
        assert found[0].version in ("1.0", "2.0"), note
        load_test_pack(found[0])
